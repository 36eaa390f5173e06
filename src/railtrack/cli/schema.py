"""``railtrack schema``: print the JSON Schema of a record kind railtrack prints."""

from __future__ import annotations

import json
import re
from typing import Annotated

import typer

from railtrack.cli import app
from railtrack.cli._options import CONTEXT

__all__ = ["schema"]


@app.command(
    context_settings=CONTEXT,
    epilog=(
        "Example: railtrack schema              (list the kinds)\n\n"
        "Example: railtrack schema shipment > shipment.schema.json\n\n"
        "Example: railtrack schema all   (every kind in one document)\n\n"
        "Example: railtrack schema --json   (the kinds as one JSON object)"
    ),
)
def schema(
    kind: Annotated[
        str | None,
        typer.Argument(
            metavar="[KIND]",
            help="A record kind (shipment, group, sighting, estimate, status, route, "
            "resolution, volume, volumes, problem, file, run, ingest, plot), or all.",
            show_default=False,
        ),
    ] = None,
    json_out: Annotated[
        bool,
        typer.Option(
            "--json",
            help="Without KIND, the kinds as one JSON object (kind -> description); "
            "a schema is JSON already.",
            show_default=False,
        ),
    ] = False,
) -> None:
    """Print the JSON Schema of the records a command prints.

    Every record railtrack prints carries "record": KIND; its fields are those of
    the kind's schema (JSON Schema 2020-12, generated from railtrack's models and
    published in the package under railtrack/schemas/). Without KIND, list the
    kinds with what each describes (with --json: one JSON object, kind ->
    description). A schema is JSON already; --json changes nothing there.

    \f

    Parameters
    ----------
    kind : str, optional
        A record kind (``shipment``, ``run``, ...) or ``all``; None lists the kinds.
    json_out : bool
        ``--json``: the list of kinds as one JSON object (kind -> its description).

    Raises
    ------
    typer.BadParameter
        For an unknown kind (exit code 2).

    Examples
    --------
    From a shell::

        railtrack schema shipment
    """
    from railtrack.records import KINDS
    from railtrack.records import schema as load_schema

    if kind is None:
        described = {}
        for name, model in KINDS.items():
            doc = (model.__doc__ or "").strip().splitlines()[0].replace("``", "")
            described[name] = re.sub(r":\w+:`~?([^`]*)`", r"\1", doc)
        if json_out:
            typer.echo(json.dumps(described, indent=2, ensure_ascii=False))
            return
        for name, doc in described.items():
            typer.echo(f"{name:<11} {doc}")
        return
    if kind == "all":
        typer.echo(json.dumps({k: load_schema(k) for k in KINDS}, indent=2, ensure_ascii=False))
        return
    if kind not in KINDS:
        raise typer.BadParameter(
            f"{kind!r} is not a record kind; kinds: {', '.join(KINDS)}, all", param_hint="KIND"
        )
    typer.echo(json.dumps(load_schema(kind), indent=2, ensure_ascii=False))

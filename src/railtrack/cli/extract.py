"""``railtrack extract``: read shipments from a report written in plain English.

``--json`` prints JSON Lines: one ``shipment`` record per train, then one ``group``
record per group of trains, in the same shapes as ``railtrack load --json``
(:mod:`railtrack.records`), so the output is itself a loadable report file.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from railtrack.cli import app
from railtrack.cli._options import (
    CONTEXT,
    FormatOption,
    JsonOption,
    NetworkOption,
    PublishedOption,
    QuietOption,
)
from railtrack.cli._output import (
    EXIT_INPUT_PROBLEMS,
    check_paths,
    console,
    emit_records,
    output_format,
    print_problems,
    window_text,
)
from railtrack.cli.load import GROUP_TABLE, parse_date_option
from railtrack.errors import InputPathError

__all__ = ["extract"]


def _read_input(file: Path) -> tuple[str, str]:
    """Return (name, text) of the report file, or of standard input for ``-``."""
    from railtrack.io._decode import NotText, read_text

    if str(file) == "-":
        return "<stdin>", sys.stdin.read()
    check_paths([file])
    if file.is_dir():
        msg = f"{file} is a directory; give one report file (or - for standard input)"
        raise InputPathError(msg)
    try:
        return file.name, read_text(file)
    except NotText as exc:
        msg = f"{file}: {exc}"
        raise InputPathError(msg) from None


def _place_cell(place: dict[str, object] | None) -> str:
    if place is None:
        return ""
    text = str(place["text"])
    station = place.get("station") or place.get("region")
    if place.get("unresolved"):
        return f"{text} (?)"
    return text if not station or station == text else f"{text} → {station}"


def _cars_cell(cars: dict[str, object]) -> str:
    parts = [
        f"{k} {v}"
        for k, v in cars.items()
        if k not in ("total", "total_derived", "estimated") and v is not None
    ]
    total = "" if cars["total"] is None else str(cars["total"])
    return f"{total} ({', '.join(parts)})" if parts else total


@app.command(
    context_settings=CONTEXT,
    epilog=(
        "Example: railtrack extract report.txt --published 2023-03-03 --json\n\n"
        "Example: railtrack extract - --published 2023-03-03 < note.txt"
    ),
)
def extract(
    file: Annotated[
        Path,
        typer.Argument(metavar="FILE", help="A .txt/.md report, or - for standard input."),
    ],
    published: PublishedOption = None,
    network_dir: NetworkOption = None,
    fmt: FormatOption = None,
    json_out: JsonOption = False,
    quiet: QuietOption = False,
) -> None:
    """Read the shipments, dates, stations and car counts a report describes.

    The report may start with "key: value" header lines (source, published, url,
    relayed_by, reliability, id) and a blank line. Unresolved station names are
    kept as written and marked "(?)". With --json, one "shipment" record per line,
    then one "group" record per group of trains (the shapes of `railtrack load
    --json`). Exit code 1 when the input has problems.
    """
    from railtrack.io.text import extract_text_report
    from railtrack.network import load_network

    fmt_ = output_format(fmt, json_out)
    day = parse_date_option(published, "--published")
    name, text = _read_input(file)
    if network_dir is not None:
        check_paths([network_dir])
    net = load_network(network_dir)
    result, problems = extract_text_report(
        text,
        name=name,
        published=day,
        network=net,
        markdown=name.lower().endswith(".md"),
    )
    members: dict[str, list[str]] = {}
    for s in result.shipments:
        if s.group is not None:
            members.setdefault(s.group, []).append(s.id)
    shipments = [{"record": "shipment", **s.model_dump(mode="json")} for s in result.shipments]
    groups = [
        {"record": "group", **g.model_dump(mode="json"), "members": members.get(g.id, [])}
        for g in result.groups
    ]
    if fmt_ == "json":
        emit_records([*shipments, *groups], fmt_)
    elif fmt_ in ("csv", "tsv"):
        emit_records(shipments, fmt_)
    else:
        rows = [
            {
                "id": s["id"],
                "origin": _place_cell(s["origin"]),
                "destination": _place_cell(s["destination"]),
                "departure": window_text(*(_ends(s["departure"]))),
                "arrival (claimed)": window_text(*(_ends(s["expected_arrival"]))),
                "cars": _cars_cell(s["cars"]),
                "group": s["group"] or "",
                "claim": s["claim"],
                "confidence": f"{s['confidence']:.2f}",
            }
            for s in shipments
        ]
        emit_records(
            rows,
            "table",
            title=f"Shipments in {name}",
            columns=tuple(rows[0]) if rows else (),
            quiet=quiet,
            empty=f"No shipment found in {name}.",
        )
        if groups:
            emit_records(
                groups, "table", title="Groups of trains", columns=GROUP_TABLE, quiet=quiet
            )
        if not quiet:
            for message in result.unresolved:
                console.print(f"note: {message}", markup=False, style="dim")
    print_problems(problems, fmt_, quiet=quiet)
    if problems:
        raise typer.Exit(EXIT_INPUT_PROBLEMS)


def _ends(window: dict[str, object] | None) -> tuple[object, object]:
    if window is None:
        return None, None
    return window["earliest"], window["latest"]

"""``railtrack track``: the main job, from report files (or the store) to a briefing."""

from __future__ import annotations

from contextlib import AbstractContextManager, nullcontext
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from railtrack.cli import app
from railtrack.cli._output import (
    EXIT_INPUT_PROBLEMS,
    check_paths,
    console,
    err_console,
    frame_table,
    print_json,
    print_problems,
)
from railtrack.cli.convert import WORKERS_HELP
from railtrack.cli.ingest import STORE_HELP
from railtrack.cli.load import parse_date_option

__all__ = ["Engine", "track"]


class Engine(StrEnum):
    """Where ``track`` reads files and extracts free text."""

    default = "default"
    dask = "dask"


_STEPS = (
    "load",
    "resolve",
    "route",
    "estimate",
    "summarise",
    "route graph",
    "tables",
    "plots",
    "report",
)


@app.command(
    epilog=(
        "Examples: railtrack track   (embedded reports and network)\n\n"
        "railtrack track reports/ --as-of 2023-03-06 --out briefing/\n\n"
        "railtrack track new-reports/ --store reports.sqlite   (ingest, then track all)"
    )
)
def track(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Report files or directories (default: the embedded reports).", metavar="[PATH...]"
        ),
    ] = None,
    network: Annotated[
        Path | None, typer.Option(help="Network directory (default: the embedded network).")
    ] = None,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            help="Date of knowledge (YYYY-MM-DD, or 'today'): only reports published and "
            "sightings made by then count. Default: the latest date in the input.",
        ),
    ] = None,
    out: Annotated[Path, typer.Option(help="Output directory.")] = Path("railtrack-out"),
    store: Annotated[
        Path | None,
        typer.Option(
            help=STORE_HELP + " With --store, PATHs are ingested first and the "
            "whole store is tracked."
        ),
    ] = None,
    published: Annotated[
        str | None,
        typer.Option(help="Publication date (YYYY-MM-DD) for text reports without a header."),
    ] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print a JSON summary.")] = False,
    workers: Annotated[int | None, typer.Option(min=1, help=WORKERS_HELP)] = None,
    engine: Annotated[
        Engine,
        typer.Option(
            help="default: this machine (--workers processes); dask: files read and free "
            "text extracted on a Dask cluster (needs railtrack[dask])."
        ),
    ] = Engine.default,
    scheduler: Annotated[
        str | None,
        typer.Option(
            help="With --engine dask: a scheduler address (default: a local cluster of "
            "--workers processes)."
        ),
    ] = None,
    work_dir: Annotated[
        Path | None,
        typer.Option(
            help="With --engine dask: save finished chunks here; a restarted run reads "
            "them instead of redoing them."
        ),
    ] = None,
) -> None:
    """Load reports, resolve stations, route, estimate arrivals, summarise and write a briefing.

    Writes to --out: shipments, estimates, routes and summary tables as CSV (and
    Parquet), the route map, arrival timeline and volume plots as PNG, and a
    self-contained report.html. Exit code 1 when the input had problems (the good
    records are still processed and written).
    """
    from railtrack._data import data_path
    from railtrack.briefing import describe, write_outputs
    from railtrack.io import load_reports
    from railtrack.network import load_network
    from railtrack.pipeline import track as run_track
    from railtrack.store import Store

    when: Any = (
        "today"
        if as_of is not None and as_of.strip().lower() == "today"
        else parse_date_option(as_of, "--as-of")
    )
    day = parse_date_option(published, "--published")
    if paths:
        check_paths(paths)
    if network is not None:
        check_paths([network])

    with Progress(
        TextColumn("{task.description:<12}"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total}"),
        TimeElapsedColumn(),
        console=err_console,
        transient=True,
        disable=json_out,
    ) as bar:
        task = bar.add_task("load", total=len(_STEPS))

        def advance(name: str) -> None:
            bar.update(task, description=name, advance=1)

        net = load_network(network)
        opened: AbstractContextManager[Any] = nullcontext()
        if engine is Engine.dask:
            from railtrack.io.dask_load import dask_client

            opened = dask_client(scheduler, workers=workers)
        with opened as client:
            options: dict[str, Any] = {"published": day, "workers": workers}
            if client is not None:
                options.update(client=client, work_dir=work_dir)
            to_load = paths or ([] if store is not None else [data_path("reports")])
            loaded = load_reports(to_load, **options) if to_load else None
        if store is not None:
            with Store(store) as db:
                if loaded is not None:
                    db.ingest(loaded, paths=paths or [], network=net)
                reports = db.reports()
            if loaded is not None:
                reports.problems.extend(loaded.problems)
        else:
            assert loaded is not None  # the embedded reports at least
            reports = loaded
        result = run_track(reports, net, as_of=when, progress=advance)
        written = write_outputs(result, out, progress=advance)

    head = result.headline()
    if json_out:
        payload: dict[str, Any] = {
            **head,
            "out": str(out),
            "outputs": describe(written),
            "problem_list": [p.to_dict() for p in result.problems],
        }
        print_json(payload)
    else:
        view = [
            c
            for c in (
                "id",
                "origin",
                "destination",
                "length_km",
                "p10",
                "p50",
                "p90",
                "claimed_earliest",
                "flags",
            )
            if c in result.estimates.columns
        ]
        console.print(
            frame_table(result.estimates, title="Shipments and arrival windows", columns=view)
        )
        if result.knowledge is not None:
            console.print(result.knowledge.note(), markup=False, highlight=False)
        reasons = ", ".join(f"{n} {why}" for why, n in head["unrouted_reasons"].items())
        console.print(
            f"{head['shipments']} trains ({head['n_routed']} routed, {head['n_unrouted']} not"
            + (f": {reasons}" if reasons else "")
            + f"), {head['cars_total'] or 0} cars counted once "
            f"({head['cars_passenger'] or 0} passenger), to "
            f"{', '.join(head['destinations']) or 'unknown destinations'}; "
            f"{len(head['sources'])} sources.",
            markup=False,
            highlight=False,
        )
        console.print(f"Wrote {len(written)} files to {out}/ (open {out / 'report.html'})")
    print_problems(result.problems)
    if result.problems:
        raise typer.Exit(EXIT_INPUT_PROBLEMS)

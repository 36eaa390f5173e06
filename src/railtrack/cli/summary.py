"""``railtrack summary``: trains and cars by type per origin, railhead, route, border, period."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import pandas as pd
import typer

from railtrack import columns as C
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

__all__ = ["parse_keys", "prepare", "summary"]

_ROUTED_KEYS = {C.ROUTE_LABEL, C.BORDER_CROSSING}
_SHOWN_VALUES = (
    C.TRAINS,
    C.CARS_TOTAL,
    C.CARS_PASSENGER,
    C.CARS_COVERED,
    C.CARS_FLAT,
    C.CARS_TANK,
    C.CARS_OTHER,
    C.PERSONNEL_ESTIMATE,
    C.UNALLOCATED,
    C.SOURCES,
)


def parse_keys(value: str) -> tuple[str, ...]:
    """Split ``--by origin,destination`` into keys; ``""`` or ``total`` gives ``()``."""
    keys = tuple(k.strip() for k in value.split(",") if k.strip())
    return () if keys == ("total",) else keys


def prepare(
    paths: list[Path], *, network_dir: Path | None, resolve: bool, need_routes: bool
) -> tuple[Any, Any, pd.DataFrame | None]:
    """Load reports; resolve names and route them on the network when asked.

    Returns
    -------
    tuple
        The report set (resolved when a network was used), the network or None,
        and the routes frame (or None when not routed).
    """
    from railtrack.io import load_reports

    check_paths(paths)
    reports = load_reports(paths)
    if not (resolve or need_routes or network_dir is not None):
        return reports, None, None
    from railtrack.network import load_network

    if network_dir is not None:
        check_paths([network_dir])
    network = load_network(network_dir)
    reports = reports.resolve(network)
    routes = None
    if need_routes:
        from railtrack.routes import shipment_routes

        routes = shipment_routes(reports.to_frame(), network)
    return reports, network, routes


def _jsonable(value: Any) -> Any:
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and pd.isna(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    return value


@app.command(
    epilog=(
        "Example: railtrack summary data/reports --by destination,period --freq W --json\n\n"
        "Keys: origin, destination (or railhead), route, border_crossing, period, or any "
        "shipment column (source, claim, ...); --by total gives one row."
    )
)
def summary(
    paths: Annotated[
        list[Path], typer.Argument(help="Report files or directories.", metavar="PATH...")
    ],
    by: Annotated[
        str, typer.Option("--by", help="Comma-separated keys of the table.")
    ] = "origin,destination",
    freq: Annotated[
        str, typer.Option("--freq", help="Period length: D, W, M or Q (pandas period alias).")
    ] = "W",
    network: Annotated[
        Path | None,
        typer.Option("--network", help="Network directory; default: the embedded one."),
    ] = None,
    resolve: Annotated[
        bool,
        typer.Option(
            "--resolve/--no-resolve",
            help="Resolve station names on the network so spellings of one station merge.",
        ),
    ] = True,
    json_out: Annotated[bool, typer.Option("--json", help="Print one JSON document.")] = False,
) -> None:
    """Count trains and cars by type, with a group's cars counted once.

    A report's total for several trains ("86 cars in both trains") counts once; when
    it cannot be split between rows it shows as "unallocated across N trains". The
    period is the departure's (else the published date's); personnel is passenger
    cars times a sourced factor. With --json: {"by", "freq", "personnel_note",
    "rows": [...], "problems": [...]}, each row with the key columns, trains,
    trains_with_cars, cars_total ... cars_other, cars_unallocated, personnel_estimate,
    unallocated, sources, best_reliability, best_credibility, shipments, groups.
    Exit code 1 when the reports had problems.
    """
    from railtrack.summary import summarize

    keys = parse_keys(by)
    reports, _, routes = prepare(
        paths,
        network_dir=network,
        resolve=resolve,
        need_routes=bool(_ROUTED_KEYS & set(keys)),
    )
    try:
        table = summarize(reports, by=keys, freq=freq, routes=routes)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--by/--freq") from None
    problems = [str(p) for p in reports.problems] + list(table.attrs["problems"])
    if json_out:
        print_json(
            {
                "by": list(keys),
                "freq": freq,
                "personnel_note": table.attrs["personnel_note"],
                "rows": [
                    {k: _jsonable(v) for k, v in row.items()} for row in table.to_dict("records")
                ],
                "problems": problems,
            }
        )
    else:
        lead = [*keys, *([C.PERIOD_BASIS] if C.PERIOD in keys else [])]
        console.print(
            frame_table(
                table,
                title=f"{int(table[C.TRAINS].sum())} trains by {', '.join(keys) or 'total'}",
                columns=[
                    *lead,
                    *(c for c in _SHOWN_VALUES if c == C.TRAINS or table[c].notna().any()),
                ],
            )
        )
        console.print(f"Personnel: {table.attrs['personnel_note']}", markup=False)
    print_problems(reports.problems)
    for problem in table.attrs["problems"]:
        err_console.print(f"  - {problem}", markup=False)
    if reports.problems or table.attrs["problems"]:
        raise typer.Exit(EXIT_INPUT_PROBLEMS)

"""``railtrack estimate`` and ``railtrack status``: arrival windows and tracking."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any

import pandas as pd
import typer

from railtrack import columns as C
from railtrack._data import data_path
from railtrack.cli import app
from railtrack.cli._output import (
    EXIT_INPUT_PROBLEMS,
    check_paths,
    console,
    frame_table,
    print_jsonl,
    print_problems,
)
from railtrack.cli.load import parse_date_option

__all__ = ["estimate", "status"]

_ESTIMATE_TABLE = (
    C.ID,
    C.ORIGIN,
    C.DESTINATION,
    C.LENGTH_KM,
    C.DEPARTURE_EARLIEST,
    C.P10,
    C.P50,
    C.P90,
    "claimed",
    C.FLAGS,
)
_STATUS_TABLE = (
    C.ID,
    C.STATUS,
    C.LAST_SEEN_STATION,
    C.LAST_SEEN_AT,
    C.P10,
    C.P50,
    C.P90,
    C.FLAGS,
)

NetworkOption = Annotated[
    Path | None,
    typer.Option(
        "--network", help="Network directory (stations.csv, links.csv); default: embedded."
    ),
]
AsOfOption = Annotated[str | None, typer.Option("--as-of", help="Date of knowledge (YYYY-MM-DD).")]
JsonOption = Annotated[
    bool, typer.Option("--json", help="Print JSON Lines: one object per shipment.")
]


def _iso(value: Any) -> str | None:
    if value is None or pd.isna(value):
        return None
    ts = pd.Timestamp(value)
    return ts.date().isoformat() if ts == ts.normalize() else ts.isoformat()


def _text(value: Any) -> Any:
    return None if value is None or (not isinstance(value, str) and pd.isna(value)) else value


def _network(path: Path | None) -> Any:
    from railtrack.network import load_network

    if path is not None:
        check_paths([path])
    return load_network(path)


def _reports(paths: list[Path]) -> Any:
    from railtrack.io import load_reports

    check_paths(paths)
    return load_reports(paths)


def _claimed(row: Mapping[Any, Any]) -> dict[str, Any] | None:
    if pd.isna(row[C.CLAIMED_EARLIEST]) and pd.isna(row[C.CLAIMED_LATEST]):
        return None
    return {
        "earliest": _iso(row[C.CLAIMED_EARLIEST]),
        "latest": _iso(row[C.CLAIMED_LATEST]),
        "precision": _text(row[C.CLAIMED_PRECISION]),
    }


def _claim_text(row: Mapping[Any, Any]) -> str:
    claimed = _claimed(row)
    if claimed is None:
        return ""
    lo, hi = claimed["earliest"], claimed["latest"]
    text = lo if lo == hi else f"{lo or '…'} – {hi or '…'}"
    return f"{text} (outside)" if row[C.CLAIM_OUTSIDE_WINDOW] else text


@app.command(epilog="Example: railtrack estimate data/reports/seed-hajun-2023-03.yaml --json")
def estimate(
    paths: Annotated[
        list[Path], typer.Argument(help="Report files or directories.", metavar="PATH...")
    ],
    network: NetworkOption = None,
    as_of: AsOfOption = None,
    json_out: JsonOption = False,
) -> None:
    """Estimate arrival windows (p10, p50, p90) for each shipment, beside its claim.

    The window comes from the routed distance, a speed and dwell model calibrated on
    observed trips, and the departure window's own uncertainty. With --json, each
    line has id, origin, destination, length_km, p10, p50, p90 (ISO dates or
    datetimes), claimed ({earliest, latest, precision} or null), method and flags.
    Exit code 1 when the reports had problems.
    """
    from railtrack.estimate import estimate_arrivals

    when = parse_date_option(as_of, "--as-of")
    reports = _reports(paths)
    df = estimate_arrivals(reports, _network(network), as_of=when)
    records = df.to_dict("records")
    if json_out:
        print_jsonl(
            {
                "id": r[C.ID],
                "origin": _text(r[C.ORIGIN]),
                "destination": _text(r[C.DESTINATION]),
                "length_km": None if pd.isna(r[C.LENGTH_KM]) else r[C.LENGTH_KM],
                "p10": _iso(r[C.P10]),
                "p50": _iso(r[C.P50]),
                "p90": _iso(r[C.P90]),
                "claimed": _claimed(r),
                "claim_outside_window": bool(r[C.CLAIM_OUTSIDE_WINDOW]),
                "method": _text(r[C.METHOD]),
                "flags": [f for f in str(r[C.FLAGS] or "").split(";") if f],
            }
            for r in records
        )
    else:
        shown = df.assign(claimed=[_claim_text(r) for r in records])
        console.print(
            frame_table(shown, title=f"{len(df)} arrival windows", columns=_ESTIMATE_TABLE)
        )
    print_problems(reports.problems)
    if reports.problems:
        raise typer.Exit(EXIT_INPUT_PROBLEMS)


@app.command(epilog="Example: railtrack status --as-of 2023-03-05 --json")
def status(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Report files or directories; default: the embedded reports.",
            metavar="[PATH...]",
        ),
    ] = None,
    network: NetworkOption = None,
    as_of: AsOfOption = None,
    store: Annotated[
        Path | None,
        typer.Option(help="Read the reports from this railtrack store (see `railtrack ingest`)."),
    ] = None,
    json_out: JsonOption = False,
) -> None:
    """Show each shipment's status at a date, with its remaining arrival window.

    Statuses: planned, departed, in transit, overdue, likely arrived, stale.

    Sightings in the reports (a train seen at a station at a time) move the window
    to the train's position. With --json, each line has id, status,
    last_seen_station, last_seen_at, p10, p50, p90, as_of and flags. Exit code 1
    when the reports had problems.
    """
    from railtrack.tracking import track_status

    when = parse_date_option(as_of, "--as-of")
    if store is not None:
        from railtrack.store import Store

        if paths:
            raise typer.BadParameter("give report paths or --store, not both", param_hint="--store")
        with Store(store) as db:
            reports = db.reports()
    else:
        reports = _reports(list(paths) if paths else [data_path("reports")])
    df = track_status(reports, _network(network), as_of=when)
    if json_out:
        print_jsonl(
            {
                "id": r[C.ID],
                "status": str(r[C.STATUS]),
                "last_seen_station": _text(r[C.LAST_SEEN_STATION]),
                "last_seen_at": _iso(r[C.LAST_SEEN_AT]),
                "p10": _iso(r[C.P10]),
                "p50": _iso(r[C.P50]),
                "p90": _iso(r[C.P90]),
                "as_of": _iso(r[C.AS_OF]),
                "flags": [f for f in str(r[C.FLAGS] or "").split(";") if f],
            }
            for r in df.to_dict("records")
        )
    else:
        day = pd.Timestamp(df[C.AS_OF].iloc[0]).date() if len(df) else when
        console.print(
            frame_table(
                df.astype({C.STATUS: "string"}),
                title=f"{len(df)} shipments as of {day}",
                columns=_STATUS_TABLE,
            )
        )
    print_problems(reports.problems)
    if reports.problems:
        raise typer.Exit(EXIT_INPUT_PROBLEMS)

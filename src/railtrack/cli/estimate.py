"""``railtrack estimate`` and ``railtrack status``: arrival windows and tracking."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any

import typer

from railtrack.cli import app
from railtrack.cli._options import (
    CONTEXT,
    AsOfOption,
    ColumnsOption,
    FormatOption,
    JsonOption,
    NetworkOption,
    PathsArg,
    QuietOption,
    StoreOption,
)
from railtrack.cli._output import (
    EXIT_INPUT_PROBLEMS,
    check_paths,
    emit_records,
    output_format,
    print_problems,
)
from railtrack.cli.load import parse_date_option

__all__ = ["estimate", "estimate_records", "status", "status_records"]

_ESTIMATE_TABLE = (
    "id",
    "origin",
    "destination",
    "p50",
    "p10",
    "p90",
    "length_km",
    "claimed_earliest",
    "flags",
    "departure_earliest",
    "claimed_latest",
    "method",
    "route",
)
_STATUS_TABLE = (
    "id",
    "status",
    "p50",
    "last_seen_station",
    "last_seen_at",
    "p10",
    "p90",
    "flags",
)


def _missing(value: Any) -> bool:
    import pandas as pd

    return value is None or (not isinstance(value, str | list | tuple) and bool(pd.isna(value)))


def _text(value: Any) -> Any:
    return None if _missing(value) else str(value)


def _flags(value: Any) -> list[str]:
    return [] if _missing(value) else [f for f in str(value).split(";") if f]


def _network(path: Path | None) -> Any:
    from railtrack.network import load_network

    if path is not None:
        check_paths([path])
    return load_network(path)


def _reports(paths: list[Path], columns: str | None) -> Any:
    from railtrack.cli.load import read_reports

    check_paths(paths)
    return read_reports(paths, columns=columns)


def as_of_option(value: str | None) -> Any:
    """Return ``--as-of`` as a date, ``"today"`` or None (the latest date in the input)."""
    if value is not None and value.strip().lower() == "today":
        return "today"
    return parse_date_option(value, "--as-of")


def print_knowledge(df: Any, fmt: str, *, quiet: bool = False) -> None:
    """Print, on stderr, the as-of date and what the cut-off left out (not with --json).

    With --json the records carry ``as_of``; stderr then holds only problem records.
    """
    from railtrack.cli._output import err_console

    knowledge = df.attrs.get("knowledge")
    if knowledge is not None and fmt != "json" and not quiet:
        err_console.print(knowledge.note(), highlight=False)


def _claimed(row: Mapping[str, Any]) -> dict[str, Any] | None:
    from railtrack.records import iso_date

    lo, hi = row["claimed_earliest"], row["claimed_latest"]
    if _missing(lo) and _missing(hi):
        return None
    return {
        "earliest": None if _missing(lo) else iso_date(lo),
        "latest": None if _missing(hi) else iso_date(hi),
        "precision": _text(row["claimed_precision"]) or "day",
        "text": None,
    }


def estimate_records(df: Any, reports: Any) -> list[dict[str, Any]]:
    """Return the rows of ``estimate_arrivals`` as ``estimate`` records.

    ``origin``/``destination`` are the shipments' places as resolved and
    ``departure`` their departure windows (from ``reports``); ``p10``-``p90`` are
    ISO datetimes, ``claimed`` the source's window of ISO dates.
    """
    from railtrack.records import iso_datetime

    by_id = {s.id: s for s in reports.shipments}
    out = []
    for r in df.to_dict("records"):
        ship = by_id.get(r["id"])

        def dump(part: Any) -> Any:
            return None if part is None else part.model_dump(mode="json")

        out.append(
            {
                "record": "estimate",
                "id": r["id"],
                "origin": dump(ship.origin) if ship else None,
                "destination": dump(ship.destination) if ship else None,
                "route": _text(r.get("route")),
                "length_km": None if _missing(r["length_km"]) else round(float(r["length_km"]), 1),
                "border_crossings": [
                    b.strip() for b in str(_text(r.get("border_crossings")) or "").split(";") if b
                ],
                "departure": dump(ship.departure) if ship else None,
                "p10": iso_datetime(r["p10"]),
                "p50": iso_datetime(r["p50"]),
                "p90": iso_datetime(r["p90"]),
                "method": _text(r["method"]),
                "claimed": _claimed(r),
                "claim_outside_window": bool(r["claim_outside_window"]),
                "flags": _flags(r["flags"]),
            }
        )
    return out


@app.command(
    context_settings=CONTEXT,
    epilog=(
        "Example: railtrack estimate data/reports/seed-hajun-2023-03.yaml --json\n\n"
        "Example: railtrack estimate trains.xlsx --format csv > windows.csv"
    ),
)
def estimate(
    paths: PathsArg,
    network: NetworkOption = None,
    as_of: AsOfOption = None,
    columns: ColumnsOption = None,
    fmt: FormatOption = None,
    json_out: JsonOption = False,
    quiet: QuietOption = False,
) -> None:
    """Estimate arrival windows (p10, p50, p90) for each shipment, beside its claim.

    The window comes from the routed distance, a speed and dwell model calibrated on
    observed trips, and the departure window's own uncertainty. With --json, one
    "estimate" record per line (`railtrack schema estimate`): the shipment's origin
    and destination as places, route, length_km, departure, p10/p50/p90 (ISO
    datetimes), claimed (the source's window) and flags. Exit code 1 when the
    reports had problems.
    """
    from railtrack.estimate import estimate_arrivals

    fmt_ = output_format(fmt, json_out)
    when = as_of_option(as_of)
    net = _network(network)
    reports = _reports(paths, columns).resolve(net)
    df = estimate_arrivals(reports, net, as_of=when)
    emit_records(
        estimate_records(df, reports),
        fmt_,
        title=f"{len(df)} arrival windows",
        columns=_ESTIMATE_TABLE,
        quiet=quiet,
        empty="No shipments.",
    )
    print_knowledge(df, fmt_, quiet=quiet)
    print_problems(reports.problems, fmt_, quiet=quiet)
    if reports.problems:
        raise typer.Exit(EXIT_INPUT_PROBLEMS)


def status_records(df: Any) -> list[dict[str, Any]]:
    """Return the rows of ``track_status`` as ``status`` records (ISO datetimes throughout)."""
    from railtrack.records import iso_datetime

    return [
        {
            "record": "status",
            "id": r["id"],
            "status": str(r["status"]),
            "last_seen_station": _text(r["last_seen_station"]),
            "last_seen_at": iso_datetime(r["last_seen_at"]),
            "p10": iso_datetime(r["p10"]),
            "p50": iso_datetime(r["p50"]),
            "p90": iso_datetime(r["p90"]),
            "as_of": iso_datetime(r["as_of"]),
            "flags": _flags(r["flags"]),
        }
        for r in df.to_dict("records")
    ]


@app.command(
    context_settings=CONTEXT,
    epilog=(
        "Example: railtrack status --as-of 2023-03-05 --json\n\n"
        "Example: railtrack status --store reports.sqlite --format tsv"
    ),
)
def status(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Report files or directories; default: the embedded reports.",
            metavar="[PATH...]",
            show_default=False,
        ),
    ] = None,
    network: NetworkOption = None,
    as_of: AsOfOption = None,
    store: StoreOption = None,
    columns: ColumnsOption = None,
    fmt: FormatOption = None,
    json_out: JsonOption = False,
    quiet: QuietOption = False,
) -> None:
    """Show each shipment's status at a date, with its remaining arrival window.

    Statuses: planned, departed, in transit, overdue, likely arrived, stale.
    Sightings in the reports (a train seen at a station at a time) move the window
    to the train's position. With --json, one "status" record per line (`railtrack
    schema status`); every time in it (last_seen_at, p10-p90, as_of) is an ISO
    datetime. Exit code 1 when the reports had problems.
    """
    from railtrack._data import data_path
    from railtrack.tracking import track_status

    fmt_ = output_format(fmt, json_out)
    when = as_of_option(as_of)
    if store is not None:
        from railtrack.store import Store

        if paths:
            raise typer.BadParameter("give report paths or --store, not both", param_hint="--store")
        with Store(store) as db:
            reports = db.reports()
    else:
        reports = _reports(list(paths) if paths else [data_path("reports")], columns)
    df = track_status(reports, _network(network), as_of=when)
    records = status_records(df)
    knowledge = df.attrs.get("knowledge")
    day = records[0]["as_of"][:10] if records else getattr(knowledge, "as_of", when)
    emit_records(
        records,
        fmt_,
        title=f"{len(df)} shipments as of {day}",
        columns=_STATUS_TABLE,
        quiet=quiet,
        empty="No shipments.",
    )
    print_knowledge(df, fmt_, quiet=quiet)
    print_problems(reports.problems, fmt_, quiet=quiet)
    if reports.problems:
        raise typer.Exit(EXIT_INPUT_PROBLEMS)

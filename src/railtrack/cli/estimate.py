"""``railtrack estimate`` and ``railtrack status``: arrival windows and tracking."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from railtrack.cli import app
from railtrack.cli._options import (
    CONTEXT,
    AsOfOption,
    ColumnsOption,
    FormatOption,
    JsonOption,
    NetworkOption,
    QuietOption,
    ReportPathsArg,
    StoreOption,
    report_paths,
)
from railtrack.cli._output import (
    EXIT_INPUT_PROBLEMS,
    check_paths,
    emit_records,
    output_format,
    place_record,
    print_problems,
)
from railtrack.cli._routing import RoutedReports, route_reports

if TYPE_CHECKING:
    from railtrack.cli._output import Format

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
    from railtrack.cli._network import load_given_network

    return load_given_network(path)


def _reports(paths: list[Path] | None, columns: str | None) -> Any:
    from railtrack.cli.load import read_reports

    paths = report_paths(paths)
    check_paths(paths)
    return read_reports(paths, columns=columns)


def as_of_option(value: str | None) -> Any:
    """Return ``--as-of`` as a date or time, ``"today"`` or None (the latest in the input)."""
    from railtrack.cli.load import parse_as_of_option

    return parse_as_of_option(value, "--as-of")


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


def estimate_records(
    df: Any, reports: Any, unrouted: Mapping[str, str] | None = None, network: Any = None
) -> list[dict[str, Any]]:
    """Return the rows of ``estimate_arrivals`` as ``estimate`` records.

    ``origin``/``destination`` are the shipments' places as resolved and
    ``departure`` their departure windows (from ``reports``); ``p10``-``p90`` are
    ISO datetimes, ``claimed`` the source's window of ISO dates; ``unrouted_reason``
    why a train was not routed (from ``unrouted``: id -> reason; null when routed).

    Parameters
    ----------
    df : pandas.DataFrame
        :func:`railtrack.estimate.arrival_windows` output.
    reports : railtrack.io.ReportSet
        The reports the shipments came from (their places and departures).
    unrouted : mapping of str to str, optional
        Train id -> why it was not routed.
    network : railtrack.RailNetwork, optional
        Fills the places' coordinates and countries.

    Returns
    -------
    list of dict
        One ``estimate`` record per row, in order; ``length_km`` in km rounded to
        0.1, ``border_crossings`` a list.

    Notes
    -----
    Needs the estimates of routed reports; ``railtrack estimate --json`` prints these
    records.
    """
    from railtrack.records import iso_datetime

    by_id = {s.id: s for s in reports.shipments}
    unrouted = unrouted or {}
    out = []
    for r in df.to_dict("records"):
        ship = by_id.get(r["id"])

        def dump(part: Any) -> Any:
            return None if part is None else part.model_dump(mode="json")

        def place(part: Any) -> Any:
            return place_record(part, network)

        out.append(
            {
                "record": "estimate",
                "id": r["id"],
                "origin": place(ship.origin) if ship else None,
                "destination": place(ship.destination) if ship else None,
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
                "unrouted_reason": unrouted.get(str(r["id"])),
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
    paths: ReportPathsArg = None,
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
    datetimes), claimed (the source's window), unrouted_reason and flags. A train
    that cannot be routed keeps its record (no window) and is also a problem. Exit
    code 1 when the reports had problems or a train could not be routed.

    \f

    Parameters
    ----------
    paths : list of pathlib.Path, optional
        Report files or directories (None: the embedded sample reports).
    network : pathlib.Path, optional
        ``--network``: a network directory (None: the embedded network).
    as_of : str, optional
        ``--as-of``: the date of knowledge (``YYYY-MM-DD``).
    columns : str, optional
        ``--columns``: how a spreadsheet's columns map to fields.
    fmt : str, optional
        ``--format``: ``table``, ``json``, ``csv`` or ``tsv``.
    json_out : bool
        ``--json``: the same as ``--format json``.
    quiet : bool
        ``--quiet``: print less.

    Raises
    ------
    typer.Exit
        With code 1 when the reports had problems or a train could not be routed.

    Examples
    --------
    From a shell (loads the embedded network, so not run here)::

        railtrack estimate reports/ --as-of 2023-03-10 --json
    """
    from railtrack.estimate import arrival_windows

    fmt_ = output_format(fmt, json_out)
    when = as_of_option(as_of)
    net = _network(network)
    routed = route_reports(_reports(paths, columns), net, as_of=when)
    df = arrival_windows(routed.shipments, routed.routes, as_of=routed.as_of)
    n_windows = int(df["p50"].notna().sum())
    emit_records(
        estimate_records(df, routed.reports, routed.unrouted, net),
        fmt_,
        title=f"{len(df)} trains, {n_windows} arrival windows",
        columns=_ESTIMATE_TABLE,
        quiet=quiet,
        empty="No shipments.",
    )
    _finish(routed, fmt_, quiet=quiet)


def _finish(routed: RoutedReports, fmt: Format, *, quiet: bool) -> None:
    """Print what the cut-off left out, the unrouted trains and the problems; exit 1 on any."""
    from railtrack.cli._output import err_console

    if fmt != "json" and not quiet:
        if routed.knowledge is not None:
            err_console.print(routed.knowledge.note(), highlight=False)
        if (note := routed.note()) is not None:
            err_console.print(note, highlight=False)
    problems = routed.problems
    print_problems(problems, fmt, quiet=quiet)
    if problems:
        raise typer.Exit(EXIT_INPUT_PROBLEMS)


def _last_seen(reports: Any, network: Any) -> Callable[[str, Any, Any], Any]:
    """Return ``(shipment id, seen at, station name) -> place`` of the last sighting."""
    from railtrack.models import Place
    from railtrack.records import iso_datetime

    places: dict[tuple[str, str | None], list[Any]] = {}
    for seen in getattr(reports, "sightings", ()):
        key = (str(seen.shipment), iso_datetime(seen.seen_at))
        places.setdefault(key, []).append(seen.station)

    def find(sid: str, at: Any, name: Any) -> Any:
        if _missing(name):
            return None
        found = places.get((sid, iso_datetime(at)), [])
        same = [p for p in found if name in (p.station, p.text)]
        return place_record((same or found or [Place(text=str(name))])[0], network)

    return find


def status_records(
    df: Any, reports: Any = None, unrouted: Mapping[str, str] | None = None, network: Any = None
) -> list[dict[str, Any]]:
    """Return the rows of ``track_status`` as ``status`` records (ISO datetimes throughout).

    ``origin``/``destination`` are the train's places as in ``estimate`` (from
    ``reports``), ``last_seen_station`` the place of its last sighting (from
    ``reports``' sightings; a place of the name alone without them), and
    ``unrouted_reason`` why a train was not routed (``unrouted``: id -> reason).

    Parameters
    ----------
    df : pandas.DataFrame
        :func:`railtrack.tracking.shipment_status` output.
    reports : railtrack.io.ReportSet, optional
        The reports the shipments came from (places and sightings).
    unrouted : mapping of str to str, optional
        Train id -> why it was not routed.
    network : railtrack.RailNetwork, optional
        Fills the places' coordinates and countries.

    Returns
    -------
    list of dict
        One ``status`` record per row, in order.

    Notes
    -----
    Needs the statuses of routed reports; ``railtrack status --json`` prints these records.
    """
    from railtrack.records import iso_datetime

    unrouted = unrouted or {}
    last_seen = _last_seen(reports, network)
    by_id = {s.id: s for s in getattr(reports, "shipments", ())}

    def end(sid: str, name: str) -> Any:
        ship = by_id.get(sid)
        return place_record(getattr(ship, name), network) if ship is not None else None

    return [
        {
            "record": "status",
            "id": r["id"],
            "origin": end(str(r["id"]), "origin"),
            "destination": end(str(r["id"]), "destination"),
            "status": str(r["status"]),
            "last_seen_station": last_seen(str(r["id"]), r["last_seen_at"], r["last_seen_station"]),
            "last_seen_at": iso_datetime(r["last_seen_at"]),
            "p10": iso_datetime(r["p10"]),
            "p50": iso_datetime(r["p50"]),
            "p90": iso_datetime(r["p90"]),
            "as_of": iso_datetime(r["as_of"]),
            "unrouted_reason": unrouted.get(str(r["id"])),
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
    paths: ReportPathsArg = None,
    network: NetworkOption = None,
    as_of: AsOfOption = None,
    store: StoreOption = None,
    columns: ColumnsOption = None,
    fmt: FormatOption = None,
    json_out: JsonOption = False,
    quiet: QuietOption = False,
) -> None:
    """Show each shipment's status at a date, with its arrival window.

    Statuses: undated, planned, expected, departed, in transit, overdue, likely arrived,
    stale (rules: README, "Statuses"). The window is the model's and does not move
    with the date; a sighting in the reports (a train seen at a station at a time)
    restarts it at the train's position. With --json, one "status" record per line (`railtrack
    schema status`); every time in it (last_seen_at, p10-p90, as_of) is an ISO
    datetime and last_seen_station is a place. A train that cannot be routed is
    also a problem. Exit code 1 when the reports had problems or a train could not
    be routed.

    \f

    Parameters
    ----------
    paths : list of pathlib.Path, optional
        Report files or directories (None: the embedded sample reports).
    network : pathlib.Path, optional
        ``--network``: a network directory (None: the embedded network).
    as_of : str, optional
        ``--as-of``: the date the statuses are for (``YYYY-MM-DD``).
    store : pathlib.Path, optional
        ``--store``: read the reports from this store instead of ``paths``.
    columns : str, optional
        ``--columns``: how a spreadsheet's columns map to fields.
    fmt : str, optional
        ``--format``: ``table``, ``json``, ``csv`` or ``tsv``.
    json_out : bool
        ``--json``: the same as ``--format json``.
    quiet : bool
        ``--quiet``: print less.

    Raises
    ------
    typer.BadParameter
        When both report paths and ``--store`` are given.
    typer.Exit
        With code 1 when the reports had problems or a train could not be routed.

    Examples
    --------
    From a shell (loads the embedded network, so not run here)::

        railtrack status reports/ --as-of 2023-03-10
    """
    from railtrack.tracking import shipment_status

    fmt_ = output_format(fmt, json_out)
    when = as_of_option(as_of)
    if store is not None:
        from railtrack.store import Store

        if paths:
            raise typer.BadParameter("give report paths or --store, not both", param_hint="--store")
        with Store(store) as db:
            reports = db.reports()
    else:
        reports = _reports(paths, columns)
    net = _network(network)
    routed = route_reports(reports, net, as_of=when)
    df = shipment_status(
        routed.shipments,
        routed.routes,
        routed.reports.sightings_frame(),
        net,
        as_of=routed.as_of,
    )
    records = status_records(df, routed.reports, routed.unrouted, net)
    day = records[0]["as_of"][:10] if records else getattr(routed.knowledge, "as_of", when)
    emit_records(
        records,
        fmt_,
        title=f"{len(df)} trains as of {day}",
        columns=_STATUS_TABLE,
        quiet=quiet,
        empty="No shipments.",
    )
    _finish(routed, fmt_, quiet=quiet)

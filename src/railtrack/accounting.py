"""Every train accounted for: which trains were routed, and why the others were not.

A briefing that draws 10 of 17 trains on a map must say where the other 7 went.
:func:`route_outcomes` gives each train one outcome from the shipments table and
the routes table: routed, or not routed with a reason a reader understands, and
:func:`unrouted_problems` turns the unrouted trains into problems listed beside the
input problems (in ``problems.csv``, the briefing and ``track --json``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

import pandas as pd

from railtrack import columns as C
from railtrack.io.reportset import Problem

__all__ = [
    "ANNOUNCED_CLAIMS",
    "NO_DESTINATION",
    "NO_ORIGIN",
    "NO_PATH",
    "OUTCOME_COLUMNS",
    "ROUTED",
    "UNRESOLVED_DESTINATION",
    "UNRESOLVED_ORIGIN",
    "ambiguous_row_problems",
    "announced",
    "doubled_back_problems",
    "not_counted",
    "retracted",
    "route_outcomes",
    "unconfirmed",
    "unrouted_problems",
    "window_counts",
]

ROUTED = "routed"
NO_ORIGIN = "no origin"
UNRESOLVED_ORIGIN = "unresolved origin"
NO_DESTINATION = "no destination"
UNRESOLVED_DESTINATION = "unresolved destination"
NO_PATH = "no path"

REASONS_EXPLAINED: dict[str, str] = {
    NO_ORIGIN: "the report does not say where the train came from",
    UNRESOLVED_ORIGIN: "the origin as written matches no station or region of the network",
    NO_DESTINATION: "the report does not say where the train went",
    UNRESOLVED_DESTINATION: "the destination as written matches no station or region",
    NO_PATH: "both ends are known but no rail path of the network joins them",
}
"""Each reason a train is not routed, in plain words."""

OUTCOME = "outcome"
REASON_TEXT = "reason_text"
OUTCOME_COLUMNS: tuple[str, ...] = (C.ID, OUTCOME, REASON_TEXT)
"""Columns of :func:`route_outcomes`: ``outcome`` is ``routed`` or a reason."""


def _known(value: Any) -> bool:
    if value is None or value is pd.NA:
        return False
    if isinstance(value, float) and pd.isna(value):
        return False
    return bool(str(value).strip())


def _has_route(stations: Any) -> bool:
    if stations is None or isinstance(stations, float | str):
        return bool(stations) and isinstance(stations, str)
    try:
        return len(stations) > 1
    except TypeError:
        return False


def _end(row: Mapping[Any, Any], text: str, station: str, region: str) -> str | None:
    """Return ``"none"``, ``"unresolved"`` or None (resolved) for one end of a train."""
    if not _known(row.get(text)):
        return "none"
    if _known(row.get(station)) or _known(row.get(region)):
        return None
    return "unresolved"


_OUTCOME_INPUTS = frozenset(
    {
        C.ID,
        C.ORIGIN,
        C.ORIGIN_STATION_ID,
        C.ORIGIN_REGION,
        C.DESTINATION,
        C.DESTINATION_STATION_ID,
        C.DESTINATION_REGION,
    }
)
"""The shipments' columns :func:`route_outcomes` reads."""


def route_outcomes(shipments: pd.DataFrame, routes: pd.DataFrame) -> pd.DataFrame:
    """Return one row per train: routed, or the reason it could not be routed.

    Parameters
    ----------
    shipments
        One row per train (``ReportSet.to_frame()`` columns; places resolved).
    routes
        The routes table, one row per train with ``id`` and ``stations`` (the
        station ids of its route; empty or missing when not routed).

    Returns
    -------
    pandas.DataFrame
        Columns :data:`OUTCOME_COLUMNS`, in the order of ``shipments``. ``outcome``
        is ``"routed"`` or one of ``"no origin"``, ``"unresolved origin"``,
        ``"no destination"``, ``"unresolved destination"``, ``"no path"`` (origin
        checked first); ``reason_text`` says it in plain words with the name as
        written.

    Examples
    --------
    >>> ships = pd.DataFrame({"id": ["a", "b", "c"], "origin": ["Slonim", None, "Blorp"],
    ...     "origin_station_id": ["BY-SLONIM", None, None], "origin_region": [None] * 3,
    ...     "destination": ["Polonka"] * 3, "destination_station_id": ["BY-POLONKA"] * 3,
    ...     "destination_region": [None] * 3})
    >>> routes = pd.DataFrame({"id": ["a", "b", "c"],
    ...     "stations": [["BY-SLONIM", "BY-POLONKA"], None, None]})
    >>> route_outcomes(ships, routes)["outcome"].tolist()
    ['routed', 'no origin', 'unresolved origin']
    """
    by_id: dict[str, Any] = {}
    if len(routes) and C.ID in routes.columns and "stations" in routes.columns:
        by_id = dict(zip(routes[C.ID].astype(str), routes["stations"], strict=True))
    # a row without an id is named "None", as str(row.get("id")) names it
    has_ids = C.ID in shipments.columns
    ids = [str(v) for v in (shipments[C.ID].tolist() if has_ids else [None] * len(shipments))]
    routed = [_has_route(by_id.get(sid)) for sid in ids]
    rows: list[tuple[str, str, str | None]] = [(sid, ROUTED, None) for sid in ids]
    # only the trains not routed are read whole (not the other 60 columns either)
    read = [c for c in shipments.columns if c in _OUTCOME_INPUTS]
    unrouted = [k for k, done in enumerate(routed) if not done]
    records = shipments[read].iloc[unrouted].to_dict("records")
    for k, row in zip(unrouted, records, strict=True):
        sid = ids[k]
        origin = _end(row, C.ORIGIN, C.ORIGIN_STATION_ID, C.ORIGIN_REGION)
        destination = _end(row, C.DESTINATION, C.DESTINATION_STATION_ID, C.DESTINATION_REGION)
        if origin == "none":
            reason, text = NO_ORIGIN, "the report gives no origin"
        elif origin == "unresolved":
            reason = UNRESOLVED_ORIGIN
            text = f"origin {row.get(C.ORIGIN)!r} matches no station or region of the network"
        elif destination == "none":
            reason, text = NO_DESTINATION, "the report gives no destination"
        elif destination == "unresolved":
            reason = UNRESOLVED_DESTINATION
            text = (
                f"destination {row.get(C.DESTINATION)!r} matches no station or region "
                "of the network"
            )
        else:
            reason = NO_PATH
            text = (
                f"no rail path joins {row.get(C.ORIGIN)!r} and {row.get(C.DESTINATION)!r} "
                "on the network"
            )
        if reason in (NO_ORIGIN, UNRESOLVED_ORIGIN) and destination == "unresolved":
            # the origin is told first; a destination no place matches is named too, or
            # the report's one named place would go unmentioned (trial13 S3)
            text += (
                f"; its destination {row.get(C.DESTINATION)!r} matches no station or region "
                "of the network either"
            )
        rows[k] = (sid, reason, text)
    return pd.DataFrame(rows, columns=list(OUTCOME_COLUMNS)).astype({REASON_TEXT: object})


def unrouted_problems(outcomes: pd.DataFrame, shipments: pd.DataFrame) -> list[Problem]:
    """Return one problem per train that could not be routed, naming train and reason.

    Parameters
    ----------
    outcomes : pandas.DataFrame
        :func:`route_outcomes` rows: ``id``, ``outcome`` and ``reason_text``, in
        that column order.
    shipments : pandas.DataFrame
        The shipments table; its ``source_file`` (when present) names each problem's file.

    Returns
    -------
    list of railtrack.models.Problem
        One per row whose outcome is not ``routed``, in the rows' order; the field is
        ``origin``, ``destination`` or ``route`` (no path), the file ``(reports)``
        when unknown.

    Examples
    --------
    >>> out = pd.DataFrame({"id": ["a"], "outcome": ["no origin"],
    ...                     "reason_text": ["the report gives no origin"]})
    >>> str(unrouted_problems(out, pd.DataFrame({"id": ["a"], "source_file": ["r.csv"]}))[0])
    "r.csv, field 'origin': train 'a' not routed (no origin): the report gives no origin"
    """
    files: dict[str, Any] = {}
    if C.SOURCE_FILE in shipments.columns:
        files = dict(zip(shipments[C.ID].astype(str), shipments[C.SOURCE_FILE], strict=True))
    problems = []
    for row in outcomes.itertuples(index=False):
        sid, outcome, text = row[0], row[1], row[2]
        if outcome == ROUTED:
            continue
        field = "destination" if "destination" in outcome else "origin"
        if outcome == NO_PATH:
            field = "route"
        path = files.get(sid)
        problems.append(
            Problem(
                path=str(path) if _known(path) else "(reports)",
                row=None,
                field=field,
                message=f"train {sid!r} not routed ({outcome}): {text}",
                unit="record",
            )
        )
    return problems


def doubled_back_problems(routes: pd.DataFrame, shipments: pd.DataFrame) -> list[Problem]:
    """Return one problem per train whose route passes its destination and leaves it again.

    Parameters
    ----------
    routes : pandas.DataFrame
        :func:`railtrack.routes.shipment_routes` rows (``id``, ``flags``, ``route``,
        ``length_km``), row for row with ``shipments``.
    shipments : pandas.DataFrame
        The shipments table; its ``source_file`` (when present) names each problem's file.

    Returns
    -------
    list of railtrack.models.Problem
        One per route flagged ``passes_destination``, field ``route``.
    """
    if not len(routes) or C.FLAGS not in routes.columns:
        return []
    flagged = (
        routes[C.FLAGS]
        .fillna("")
        .astype(str)
        .str.split(";")
        .map(lambda f: "passes_destination" in f)
    )
    if not flagged.any():
        return []
    files: dict[str, Any] = {}
    if C.SOURCE_FILE in shipments.columns:
        files = dict(zip(shipments[C.ID].astype(str), shipments[C.SOURCE_FILE], strict=True))
    out = []
    for _, row in routes[flagged.to_numpy()].iterrows():
        sid = str(row[C.ID])
        path = files.get(sid)
        out.append(
            Problem(
                path=str(path) if _known(path) else "(reports)",
                row=None,
                field="route",
                message=(
                    f"train {sid!r}: route of {float(row[C.LENGTH_KM]):,.0f} km: "
                    f"{C.ROUTE_FLAGS['passes_destination']}"
                ),
                unit="record",
            )
        )
    return out


def _filled(shipments: pd.DataFrame, column: str) -> pd.Series:
    """Return whether each row's text ``column`` is filled (all False without it)."""
    if column not in shipments.columns:
        return pd.Series(False, index=shipments.index)
    values = shipments[column].astype("string").str.strip()
    return (values.notna() & (values != "")).astype(bool)


def retracted(shipments: pd.DataFrame) -> pd.Series:
    """Return whether each train was retracted by a later report (``retracted_by`` set).

    Parameters
    ----------
    shipments : pandas.DataFrame
        The shipments table (``retracted_by`` is read; absent: all False).

    Returns
    -------
    pandas.Series
        Bool, same index.

    Examples
    --------
    >>> retracted(pd.DataFrame({"retracted_by": [None, "Hajun", ""]})).tolist()
    [False, True, False]
    """
    return _filled(shipments, C.RETRACTED_BY)


def unconfirmed(shipments: pd.DataFrame) -> pd.Series:
    """Return whether each train is told as hearsay ("allegedly", "якобы") and not retracted.

    Parameters
    ----------
    shipments : pandas.DataFrame
        The shipments table (``hearsay`` and ``retracted_by`` are read; absent: all False).

    Returns
    -------
    pandas.Series
        Bool, same index; a retracted train is :func:`retracted`, never also unconfirmed.

    Examples
    --------
    >>> ships = pd.DataFrame({"hearsay": ["allegedly", None, "нібыта"],
    ...                       "retracted_by": [None, None, "Hajun"]})
    >>> unconfirmed(ships).tolist()
    [True, False, False]
    """
    return _filled(shipments, C.HEARSAY) & ~retracted(shipments)


def not_counted(shipments: pd.DataFrame) -> pd.Series:
    """Return whether each train is left out of the totals: retracted or unconfirmed.

    A train a later report retracts (``retracted_by``) or one its report tells only as
    hearsay (``hearsay``: "allegedly", "якобы", "нібыта", "rzekomo") stays listed, marked
    at its row, but the summaries count it apart (``trains_not_counted``,
    ``cars_not_counted``) and the headline names it apart (trial17 T5): a journalist
    publishing the totals publishes only what the sources tell as their own.

    Parameters
    ----------
    shipments : pandas.DataFrame
        The shipments table.

    Returns
    -------
    pandas.Series
        Bool, same index.

    Examples
    --------
    >>> not_counted(pd.DataFrame({"hearsay": [None, "rzekomo"]})).tolist()
    [False, True]
    """
    return retracted(shipments) | _filled(shipments, C.HEARSAY)


ANNOUNCED_CLAIMS = ("planned", "expected")
"""Claims of a train only announced: counted apart from trains told moving."""


def announced(shipments: pd.DataFrame) -> pd.Series:
    """Return whether each shipment is only announced (claim ``planned`` or ``expected``).

    Such a train was told ahead ("прибудут еще 2 эшелона", "is expected tomorrow"):
    the briefing counts it apart from the trains reported moving (trial11 T5). A train
    whose departure is dated no later than its report's publication left as the report
    says, whatever it says of the arrival ("9 апреля ... ушёл эшелон. Прибытие
    ожидается 11-12 апреля" is moving, claim ``expected``; trial12 T1).

    Parameters
    ----------
    shipments : pandas.DataFrame
        The shipments table (``claim`` and, when present, ``departure_latest`` and
        ``published`` are read).

    Returns
    -------
    pandas.Series
        Bool, same index; all False without a ``claim`` column.

    Examples
    --------
    >>> ships = pd.DataFrame({"claim": ["sighted", "planned", None, "expected", "expected"],
    ...                       "departure_latest": [None, None, None, "2023-04-09", "2023-04-12"],
    ...                       "published": ["2023-04-09"] * 5})
    >>> announced(ships).tolist()
    [False, True, False, False, True]
    """
    if C.CLAIM not in shipments.columns:
        return pd.Series(False, index=shipments.index)
    ahead = shipments[C.CLAIM].isin(ANNOUNCED_CLAIMS)
    if C.DEPARTURE_LATEST in shipments.columns and C.PUBLISHED in shipments.columns:
        left = pd.to_datetime(shipments[C.DEPARTURE_LATEST], errors="coerce")
        told = pd.to_datetime(shipments[C.PUBLISHED], errors="coerce")
        ahead &= ~(left.notna() & told.notna() & (left <= told)).to_numpy()
    return ahead


def window_counts(estimates: pd.DataFrame) -> tuple[int, int, int]:
    """Return the trains with an arrival window, and of them those from a route and as told.

    A window is worked out from the routed distance and the transit model (``method``
    ``transit_model``, ``transit_model_region_spread``) or is the arrival a report gave
    (``reported_arrival``, routed or not): the briefing says how many came each way
    (trial11 T19).

    Parameters
    ----------
    estimates : pandas.DataFrame
        :func:`railtrack.estimate.arrival_windows` output (``p50``, ``method``).

    Returns
    -------
    tuple of int
        ``(trains with a p50, of them from the transit model, of them as reported)``;
        zeros without a ``p50`` column.

    Examples
    --------
    >>> est = pd.DataFrame({"p50": ["2023-03-05", None, "2023-03-07"],
    ...                     "method": ["transit_model", "none", "reported_arrival"]})
    >>> window_counts(est)
    (2, 1, 1)
    """
    if C.P50 not in estimates.columns:
        return 0, 0, 0
    windowed = pd.to_datetime(estimates[C.P50], errors="coerce").notna()
    if C.METHOD not in estimates.columns:
        return int(windowed.sum()), 0, 0
    method = estimates[C.METHOD].astype(str)
    from_model = int((windowed & method.str.startswith("transit_model")).sum())
    as_reported = int((windowed & (method == "reported_arrival")).sum())
    return int(windowed.sum()), from_model, as_reported


_ROW_ID = re.compile(r"^row(\d+)-[0-9a-f]{10}$")
_PLACES = (C.ORIGIN, C.DESTINATION, C.VIA)


def ambiguous_row_problems(shipments: pd.DataFrame, resolve: Callable[[str], Any]) -> list[Problem]:
    """Return one problem per table row whose place two places bear and nothing settled.

    A hand log's row ("14.08.2026;Светлогорск;50") names a station two places bear
    (Gomel region and Kaliningrad); a text report's other places settle such a name,
    a row has none: the row stays unplaced, and says so (trial18b T3) rather than
    leave the train silently off the map.

    Parameters
    ----------
    shipments
        The shipments table: ``id``, ``report`` (empty for a table's rows),
        ``source_file`` and each place's text and station id columns.
    resolve
        The network's name resolution (:meth:`railtrack.gazetteer.Gazetteer.resolve`):
        a name -> an object with ``resolved``, ``note`` and ``candidates``.

    Returns
    -------
    list of Problem
        By place then row: the file, the row (its line, when the id was generated
        from it), the train's field (``via`` for a log kept by station), and the
        places that bear the name.

    Examples
    --------
    >>> from types import SimpleNamespace as NS
    >>> ships = pd.DataFrame({"id": ["row3-3f65cdaf8a"], "report": [None],
    ...     "source_file": ["log.csv"], "via": ["Светлогорск"], "via_station_ids": [None]})
    >>> amb = NS(resolved=False, note="ambiguous: alike", candidates=(
    ...     ("GN621074", "Svetlogorsk", 100.0), ("GN485699", "Svetlogorsk", 100.0)))
    >>> print(ambiguous_row_problems(ships, lambda name: amb)[0])  # doctest: +NORMALIZE_WHITESPACE
    log.csv row 3, field 'via': 'Светлогорск' is ambiguous: Svetlogorsk (GN621074),
    Svetlogorsk (GN485699); no other place of its row settles it: not resolved
    """
    if C.REPORT not in shipments.columns or not len(shipments):
        return []
    rows = shipments[shipments[C.REPORT].isna()]
    answers: dict[str, Any] = {}
    out: list[Problem] = []
    for place in _PLACES:
        ids = C.VIA_STATION_IDS if place == C.VIA else f"{place}_station_id"
        if place not in rows.columns or ids not in rows.columns:
            continue
        open_rows = rows[rows[place].notna() & rows[ids].isna()]
        for row in open_rows[[C.ID, C.SOURCE_FILE, place]].itertuples(index=False):
            sid, path, said = str(row[0]), row[1], str(row[2])
            for name in said.split("; ") if place == C.VIA else [said]:
                if name not in answers:
                    answers[name] = resolve(name)
                r = answers[name]
                if r.resolved or not str(r.note or "").startswith("ambiguous"):
                    continue
                top = max((score for _, _, score in r.candidates), default=0.0)
                bear = [f"{n} ({cid})" for cid, n, score in r.candidates if score >= top]
                if len(bear) < 2:
                    continue
                where = str(path) if _known(path) else "(reports)"
                found = _ROW_ID.match(sid)
                out.append(
                    Problem(
                        path=where,
                        row=int(found[1]) if found else None,
                        field=place,
                        message=f"{name!r} is ambiguous: {', '.join(bear)}; no other place "
                        "of its row settles it: not resolved",
                        unit="row" if found else "record",
                    )
                )
    return out

"""Each shipment's status at an as-of date, from its departure and its sightings.

One report tells one story: a train's arrival window is the model's
(:func:`railtrack.estimate.arrival_windows`, with its widening for ends known only
as a town or region, flag ``window_widened_geo``) and does not move with the as-of
date. It is conditioned on the train not having arrived only where a report says
so: a sighting en route restarts the window at the train's position (the rest of
the route timed from the sighting). The status reads the as-of date against that
window, so a status that says the train has not arrived (``departed``, ``in
transit``, ``overdue``) always comes with a p50 after the as-of date, and a later
as-of date with no new report can only move a train on, never back. A bare as-of
date means the start of that day.

Statuses, in the order a train goes through them:

``undated``
    nothing dates the record: no departure, no arrival, no publication date and no
    sighting (a spreadsheet row with an empty or unreadable date), so nothing can
    be known of when it moved;
``planned``
    reported as planned and not yet due, or the as-of date is before its
    departure window;
``expected``
    only announced as expected ("is expected to arrive in Gomel around March 5":
    claim ``expected``, no departure told by the report's day), not seen, not told
    arrived, and the arrival it was expected for has not passed; once it has,
    ``overdue`` (never ``likely arrived``: nothing says it moved);
``departed``
    the departure window has begun and the as-of date is before p10 (or the train
    has no model window: not routed), and nothing says it arrived;
``in transit``
    the as-of date lies between p10 and p50: more likely still on its way than
    arrived (a train seen en route: before the p50 of the window from that
    sighting);
``overdue``
    nothing says it arrived and the model says it is still on its way (the as-of
    date before p50), but the source's claimed arrival has passed, or a sighting en
    route puts it past p90 of its original window; a train its source says had not
    arrived by its publication day ("так и не пришёл", "never arrived": flag
    ``arrival_denied``) once the day it was awaited has passed, until the model's p50
    (from the report's day) passes (then ``likely arrived``) or, with no window, the
    longest trip's p90 (then ``stale``);
``likely arrived``
    seen at its destination, or its source says it has arrived (a sighted record
    whose arrival is dated no later than its publication day, or told as past with
    no date, ``arrival_told``: :func:`railtrack.estimate.told_arrivals`), or the
    as-of date is past p50 of its window (more likely arrived than not; a train seen
    en route stays so once the window from its sighting has passed: it was seen
    moving), or (a train with no model window) past the arrival its source
    reported: for a reported arrival the window is that arrival, flagged
    ``arrival_as_reported``;
``stale``
    a train told only by its direction (``destination_heading``: "towards Minsk")
    once it would be ``likely arrived`` there, with nothing saying it arrived (flag
    ``destination_heading``: it may have stopped on the way); or
    no model window (no route, or no route on from its sighting), nothing says it
    arrived, and the model's p90 for the longest trip in the area
    (``Settings.longest_trip_km``) has passed since its last evidence (departure,
    report or sighting): it has most likely arrived or stopped, and nothing says
    which.

A source's planned arrival ("to arrive on 4 March") bounds the window: the
model's window is moved, whole, to start no earlier than it, and p50 is never
before its middle (flag ``window_from_plan``, :func:`railtrack.estimate.plan_bounded`);
a train its report tells on its way with no departure date has not arrived before
the report's day (flag ``window_from_report_day``,
:func:`railtrack.estimate.report_day_floor`), as in the estimate.

Examples
--------
>>> from railtrack import data_path, load_network, load_reports
>>> reports = load_reports(data_path("reports", "2023-03-radiosvoboda-967-969.json"))
>>> df = track_status(reports, load_network(), as_of="2023-03-07")
>>> df.set_index("id")["status"].astype(str).to_dict()
{'svoboda-2023-03-967': 'likely arrived', 'svoboda-2023-03-969': 'in transit'}
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, cast, get_args

import numpy as np
import pandas as pd

from railtrack import columns as C
from railtrack.estimate import (
    AsOf,
    claimed_arrivals,
    denied_arrivals,
    departure_windows,
    geo_widening_days,
    known_on,
    plan_bounded,
    report_day_cut,
    report_day_floor,
    route_transit,
    to_as_of,
    told_arrival_last_day,
    told_arrival_start,
    told_arrivals,
)
from railtrack.records import Status
from railtrack.routes import Trip, end_stations, remaining_routes, shipment_routes
from railtrack.settings import DEFAULT_SETTINGS, Settings
from railtrack.transit import (
    PROBS,
    TransitModel,
    arrival_quantiles_by_route,
    days_to_timestamps,
    to_days,
)

if TYPE_CHECKING:
    from railtrack.io import ReportSet
    from railtrack.network import RailNetwork

__all__ = ["STATUSES", "shipment_status", "track_status"]

logger = logging.getLogger(__name__)

STATUSES: tuple[str, ...] = get_args(Status)
"""Every status :func:`shipment_status` gives, in order.

Read from :data:`railtrack.records.Status`, the one list the JSON schema
(``schemas/status.json``) is also built from.
"""


def _default_as_of() -> pd.Timestamp:
    return pd.Timestamp(datetime.now(UTC).date())


def _seen_intervals(sightings: pd.DataFrame, settings: Settings) -> pd.DataFrame:
    """Return each sighting's time as an interval in days: ``lo``, ``hi``.

    A sighting to the minute (``precision`` "datetime") is widened by
    ``Settings.datetime_tolerance_h``; any other covers its whole day.
    """
    seen = pd.to_datetime(sightings[C.SEEN_AT], utc=True).dt.tz_localize(None)
    days = seen.astype("datetime64[ns]").to_numpy().astype("int64") / 86_400e9
    day_start = seen.dt.normalize().astype("datetime64[ns]").to_numpy().astype("int64") / 86_400e9
    exact = sightings[C.PRECISION].astype(str).eq("datetime").to_numpy()
    tol = settings.datetime_tolerance_h / 24.0
    return pd.DataFrame(
        {
            "lo": np.where(exact, days - tol, day_start),
            "hi": np.where(exact, days + tol, day_start + 1.0),
        },
        index=sightings.index,
    )


def last_sightings(
    sightings: pd.DataFrame, *, as_of: pd.Timestamp, settings: Settings | None = None
) -> pd.DataFrame:
    """Return each shipment's last sighting known at ``as_of``.

    Parameters
    ----------
    sightings
        The sightings table (``ReportSet.sightings_frame()``): ``shipment``,
        ``station``, ``station_id``, ``seen_at``, ``precision``.
    as_of
        Sightings that began after it are not yet known.
    settings
        ``datetime_tolerance_h``.

    Returns
    -------
    pandas.DataFrame
        Indexed by shipment id: the sighting's columns plus ``lo`` and ``hi`` (its
        time as an interval, days since 1970-01-01) and ``first_lo``/``first_hi``
        (the interval of the first of the last run of sightings at that station:
        when the train got there). Sightings naming no shipment
        are left out (logged).
    """
    settings = settings or DEFAULT_SETTINGS
    linked = sightings[sightings[C.SHIPMENT].notna()] if len(sightings) else sightings
    if len(sightings) - len(linked):
        logger.info("%d sightings name no shipment and were not used", len(sightings) - len(linked))
    if not len(linked):
        return pd.DataFrame(columns=[*C.SIGHTING_COLUMNS, "lo", "hi"]).set_index(C.SHIPMENT)
    seen = pd.concat([linked, _seen_intervals(linked, settings)], axis=1)
    # an as-of day knows what was seen during that day: "as of 13 March" is the day
    # of a sighting at 04:20 that day, which it must not leave out (trial19 T6)
    day = pd.Timestamp(as_of)
    end = to_days(as_of) + (1.0 if day == day.normalize() else 0.0)
    known = seen[seen["lo"] < end]
    ordered = known.sort_values(["lo", "hi"], kind="stable")
    # The first of the last run of sightings at one station: when the train got there
    # (a later sighting there, such as the train leaving it, is not its arrival).
    place = ordered[C.STATION_ID].where(ordered[C.STATION_ID].notna(), ordered[C.STATION])
    place = place.astype(str)
    new_run = place.ne(place.groupby(ordered[C.SHIPMENT]).shift())
    run = new_run.astype(int).groupby(ordered[C.SHIPMENT]).cumsum()
    by_run = ordered.groupby([ordered[C.SHIPMENT], run])
    ordered = ordered.assign(
        first_lo=by_run["lo"].transform("first"), first_hi=by_run["hi"].transform("first")
    )
    last = ordered.groupby(C.SHIPMENT).tail(1)
    return last.set_index(last[C.SHIPMENT].astype(str))


class _BoundFor:
    """Where each train is bound, read once from the shipments, worked out per seen train.

    Only the trains with a sighting need it (a sixth of them in a national season), so
    the two columns are read as lists once and each region's stations looked up once.
    """

    def __init__(self, ships: pd.DataFrame, network: RailNetwork) -> None:
        n = len(ships)
        self._has_id = C.DESTINATION_STATION_ID in ships
        self._ids = ships[C.DESTINATION_STATION_ID].tolist() if self._has_id else [None] * n
        has_region = C.DESTINATION_REGION in ships
        self._regions = ships[C.DESTINATION_REGION].tolist() if has_region else [None] * n
        self._network = network
        self._members: dict[str, frozenset[str]] = {}
        self._ends: dict[str, tuple[str, ...]] = {}

    def destinations(self, i: int) -> frozenset[str]:
        """Return the stations that count as train ``i``'s destination."""
        sid, region = self._ids[i], self._regions[i]
        if isinstance(sid, str) and sid in self._network.G:
            return frozenset({sid})
        if isinstance(region, str):
            if region not in self._members:
                stations = self._network.gazetteer.region_stations(region)
                self._members[region] = frozenset(stations)
            return self._members[region]
        return frozenset()

    def route_ends(self, i: int) -> tuple[str, ...]:
        """Return the stations train ``i`` may be bound for, to route the rest of its trip."""
        sid, region = self._ids[i], self._regions[i]
        if isinstance(sid, str):
            return (sid,)
        if isinstance(region, str):
            if region not in self._ends:
                self._ends[region] = end_stations(self._network, region)
            return self._ends[region]
        return ()


def _sighting_records(last: pd.DataFrame) -> dict[Any, dict[str, Any]]:
    """Return ``last.to_dict("index")``'s rows, read column by column.

    The same keys and values (``tolist`` boxes as ``to_dict`` does; a missing cell may
    be ``pd.NA`` where ``to_dict`` gives None, and :func:`_apply_sightings` reads both
    as missing), at a fraction of the time per row; a table whose index repeats is
    left to ``to_dict`` (which refuses it).
    """
    if not last.index.is_unique:
        return cast(dict[Any, dict[str, Any]], last.to_dict("index"))
    columns = list(last.columns)
    values = [last[c].tolist() for c in columns]
    return {
        key: dict(zip(columns, row, strict=True))
        for key, row in zip(last.index.tolist(), zip(*values, strict=True), strict=True)
    }


def shipment_status(
    shipments: pd.DataFrame,
    routes: pd.DataFrame,
    sightings: pd.DataFrame,
    network: RailNetwork,
    *,
    as_of: AsOf = None,
    model: TransitModel | None = None,
    settings: Settings | None = None,
) -> pd.DataFrame:
    """Give each shipment its status and remaining arrival window at ``as_of``.

    Parameters
    ----------
    shipments
        The shipments table of resolved reports.
    routes
        Their routes, row for row (:func:`railtrack.routes.shipment_routes`).
    sightings
        The sightings table of resolved reports (``ReportSet.sightings_frame()``);
        each is linked to its shipment by ``shipment``; sightings after ``as_of``
        are not yet known and are ignored.
    network
        The network the routes lie on: the rest of a trip from a sighting off the
        train's route is routed on it.
    as_of
        The date (or time) of knowledge; default today (UTC).
    model, settings
        As for :func:`railtrack.estimate.arrival_windows`.

    Returns
    -------
    pandas.DataFrame
        One row per shipment, columns :data:`railtrack.columns.STATUS_COLUMNS`:
        ``status`` (one of :data:`STATUSES`), the last sighting's station and
        time, the (remaining) window ``p10``, ``p50``, ``p90``, ``as_of`` and
        ``flags``.

    Raises
    ------
    railtrack.errors.RailtrackError
        If ``as_of`` is not a date.

    Notes
    -----
    Needs a :class:`railtrack.RailNetwork` (the embedded one takes seconds to load); see
    ``tests/test_tracking.py``.
    """
    settings = settings or DEFAULT_SETTINGS
    model = model or TransitModel.from_settings(settings)
    when = to_as_of(as_of) if as_of is not None else _default_as_of()
    assert when is not None
    ships = shipments.reset_index(drop=True)
    routes = routes.reset_index(drop=True)
    if not len(ships):
        return pd.DataFrame(columns=list(C.STATUS_COLUMNS))
    departure = departure_windows(ships, as_of=when, settings=settings)
    start0 = _days(departure[C.DEPARTURE_EARLIEST])
    width0 = _days(departure[C.DEPARTURE_LATEST]) + 1.0 - start0
    codes, quantiles = route_transit(routes, model)
    tq0 = [None if c < 0 else quantiles[c] for c in codes]
    _, _, p90o, _ = arrival_quantiles_by_route(
        start0, width0, tq0, min_half_width_days=model.min_half_width_days
    )
    # The estimate's own widening for ends known only as a town or region.
    geo = geo_widening_days(routes, settings)
    p90o = p90o + geo
    last = last_sightings(sightings, as_of=when, settings=settings)
    window = _Window(start0.copy(), width0.copy(), list(tq0))
    seen = _apply_sightings(ships, routes, last, network, model, window)
    flags = [
        ";".join(f for f in (r, d, extra) if f)
        for r, d, extra in zip(
            routes[C.FLAGS].fillna(""), departure[C.FLAGS], seen.flags, strict=True
        )
    ]
    no_word = _no_word_after(ships, departure, seen, model, settings)
    # a train seen on its way is timed from there: its origin known only as a town no
    # longer widens the rest of its window (trial19 T6: p10 before the sighting)
    was_seen = np.array([seen.was_seen(i) for i in range(len(ships))], dtype=bool)
    if was_seen.any():
        ahead = geo_widening_days(routes.assign(**{C.ORIGIN_GEO_PRECISION: None}), settings)
        geo = np.where(was_seen, ahead, geo)
    return _statuses(ships, seen, window, (start0, p90o, geo), flags, model, when, no_word)


class _Window:
    """Arrays of the current window per train: start and width (days), transit quantiles."""

    def __init__(self, start: np.ndarray, width: np.ndarray, tq: list[np.ndarray | None]) -> None:
        self.start, self.width, self.tq = start, width, tq


class _Seen:
    """Per train: the last sighting's station name, time interval and arrival."""

    def __init__(self, n: int) -> None:
        self.station: list[str | None] = [None] * n
        self.at: list[pd.Timestamp | None] = [None] * n
        self.interval = np.full((n, 2), np.nan)
        self.arrived = np.zeros(n, dtype=bool)
        self.flags: list[str] = [""] * n
        # seen only at its origin before any departure told (being loaded there)
        self.unmoved = np.zeros(n, dtype=bool)

    def was_seen(self, i: int) -> bool:
        """Whether train ``i`` was seen on its way or at its end (not only where it starts)."""
        return self.at[i] is not None and not self.unmoved[i]


_ARRIVED = np.zeros(PROBS.size)


def _apply_sightings(
    ships: pd.DataFrame,
    routes: pd.DataFrame,
    last: pd.DataFrame,
    network: RailNetwork,
    model: TransitModel,
    window: _Window,
) -> _Seen:
    """Restart each seen train's window at its last sighting; return what was seen."""
    seen = _Seen(len(ships))
    if not len(last):
        return seen
    bound = _BoundFor(ships, network)
    en_route: list[tuple[int, float, float]] = []
    trips: list[Trip] = []
    records = _sighting_records(last)
    starts = _unmoved_origins(ships)
    route_stations: list[Any] | None = None
    for i, sid in enumerate(ships[C.ID].astype(str).tolist()):
        rec = records.get(sid)
        if rec is None:
            continue
        found = rec.get(C.STATION_ID)
        station = found if isinstance(found, str) else ""
        on_network = station in network.G
        name = network.G.nodes[station].get("name", station) if on_network else None
        seen.station[i] = name or _or_none(rec.get(C.STATION))
        seen.at[i] = pd.Timestamp(rec[C.SEEN_AT])
        lo, hi = float(rec["lo"]), float(rec["hi"])
        seen.interval[i] = (lo, hi)
        if station and station == starts[i]:
            # seen where it starts with no departure told (a train being loaded there,
            # trial19b T4): no word that it moved, its window stays the departure's
            seen.unmoved[i] = True
            continue
        if on_network and station in bound.destinations(i):
            # Arrived when first seen there (not when seen leaving or standing later).
            lo, hi = float(rec.get("first_lo", lo)), float(rec.get("first_hi", hi))
            seen.interval[i] = (lo, hi)
            seen.arrived[i] = True
            window.start[i], window.width[i], window.tq[i] = lo, 0.0, _ARRIVED
            continue
        if route_stations is None:
            route_stations = routes[C.STATIONS].tolist()
        stations = route_stations[i]
        path: list[str] = list(stations) if isinstance(stations, list) else []
        en_route.append((i, lo, hi))
        trips.append((station if on_network else "", path, bound.route_ends(i)))
    restarted: list[tuple[int, float, float, tuple[float, int]]] = []
    for (i, lo, hi), rest in zip(en_route, remaining_routes(network, trips), strict=True):
        if rest is None:
            seen.flags[i] = "sighting_not_routed"  # keep the departure-based window
            continue
        restarted.append((i, lo, hi, rest))
    if restarted:  # the rest of each trip drawn in one call
        rows = model.transit_quantiles_days(
            [r[3][0] for r in restarted], [r[3][1] for r in restarted]
        )
        for (i, lo, hi, _), row in zip(restarted, rows, strict=True):
            window.start[i], window.width[i] = lo, hi - lo
            window.tq[i] = row
    return seen


def _or_none(value: object) -> str | None:
    return None if value is None or value is pd.NA or value != value else str(value)


def _days(values: pd.Series) -> np.ndarray:
    ns = values.astype("datetime64[ns]").to_numpy()
    return np.where(np.isnat(ns), np.nan, ns.astype("int64") / 86_400e9)


def _no_word_after(
    ships: pd.DataFrame,
    departure: pd.DataFrame,
    seen: _Seen,
    model: TransitModel,
    settings: Settings,
) -> np.ndarray:
    """Return when a train with no arrival window is no longer taken as on its way (days).

    Its last evidence of movement (the end of its departure window, its report's
    publication day, its last sighting or, for a train only announced, the arrival
    told for it, whichever is latest) plus the model's p90
    for the longest trip in the area (``Settings.longest_trip_km``): past that, a
    train with no route has most likely arrived or stopped, and nothing says which.
    NaN where nothing dates the train.
    """
    latest = _days(departure[C.DEPARTURE_LATEST]) + 1.0
    if C.PUBLISHED in ships:
        published = _days(pd.to_datetime(ships[C.PUBLISHED], errors="coerce").dt.normalize())
        latest = np.fmax(latest, published + 1.0)
    latest = np.fmax(latest, seen.interval[:, 1])
    # a train only announced is awaited until the arrival told for it has passed
    # (trial19 T8, review19 #2)
    from railtrack.accounting import announced

    told = np.where(
        announced(ships).to_numpy(dtype=bool), _days(_claimed_latest(ships)) + 1.0, np.nan
    )
    latest = np.fmax(latest, told)
    longest = model.transit_quantiles_days([settings.longest_trip_km], [1])[0]
    p90 = float(np.interp(0.9, PROBS, longest))
    return np.asarray(latest + p90, dtype=float)


def _statuses(
    ships: pd.DataFrame,
    seen: _Seen,
    window: _Window,
    original: tuple[np.ndarray, np.ndarray, np.ndarray],
    flags: list[str],
    model: TransitModel,
    when: pd.Timestamp,
    no_word: np.ndarray,
) -> pd.DataFrame:
    """Return the status table from the current windows and the sightings.

    ``original`` is the departure window's start, the estimate's p90 (days) and the
    estimate's geo widening (days) per train, as :func:`arrival_windows` gives them;
    ``no_word`` is when a train with no window stops being taken as on its way
    (:func:`_no_word_after`).
    """
    start0, p90o, geo = original
    n = len(ships)
    as_of_days = to_days(when)
    h = model.min_half_width_days
    # a train told on its way on the report's day had not arrived before it (as in
    # the estimate); a sighting dates the train itself
    unseen = np.array([not seen.was_seen(i) for i in range(n)], dtype=bool)
    floor = np.where(unseen, report_day_floor(ships, when), np.nan)
    p10c, p50c, p90c, widened = arrival_quantiles_by_route(
        window.start, window.width, window.tq, min_half_width_days=h, not_before_days=floor
    )
    from_report = report_day_cut(
        (window.start, window.width, window.tq), floor, geo, min_half_width_days=h
    )
    # widened, but never before the train could have left (or was last seen)
    p10c = np.where(np.isnan(p10c), np.nan, np.fmax(p10c - geo, np.fmax(window.start, floor)))
    # nor, for a train seen short of its destination, before the sighting plus the
    # fastest modelled transit of the rest: the minimum half width widens p50 both
    # ways, which put p10 at the sighting itself (trial19 T6)
    rest = np.array(
        [
            window.start[i] + float(np.nanmin(q))
            if q is not None and seen.was_seen(i) and not seen.arrived[i]
            else np.nan
            for i, q in enumerate(window.tq)
        ],
        dtype="float64",
    )
    p10c = np.where(np.isnan(rest), p10c, np.fmin(np.fmax(p10c, rest), p50c))
    p90c = p90c + geo
    claimed_latest = _days(_claimed_latest(ships))
    planned = ships[C.CLAIM].astype(str).eq("planned").to_numpy() if C.CLAIM in ships else None
    said = told_arrivals(ships, when)
    # the arrival the source plans bounds the window, as in the estimate
    p10c, p50c, p90c, from_plan = plan_bounded(
        (p10c, p50c, p90c), claimed_arrivals(ships), said | seen.arrived
    )
    undated = _undated(ships, start0, claimed_latest, seen)
    denied = denied_arrivals(ships) & ~said
    statuses = [
        _status(
            seen=(True if said[i] else seen.arrived[i] if seen.was_seen(i) else None),
            planned=bool(planned[i]) if planned is not None else False,
            claim_passed=bool(claimed_latest[i] + 1.0 <= as_of_days),
            as_of=as_of_days,
            departure_start=start0[i],
            undated=bool(undated[i]),
            window=(p10c[i], p50c[i], p90c[i]),
            p90_original=p90o[i],
            no_word=bool(no_word[i] <= as_of_days),
            denied=bool(denied[i]) and not seen.arrived[i],
        )
        for i in range(n)
    ]
    statuses, headed = _heading_statuses(
        statuses, ships, said | seen.arrived, np.nan_to_num(p90c, nan=-np.inf) > as_of_days
    )
    statuses = _announced_statuses(
        statuses,
        ships,
        said | ~unseen,
        (claimed_latest, as_of_days),
        no_word <= as_of_days,
    )
    likely = np.array([s == "likely arrived" for s in statuses])
    # The model's window, never moved to the as-of date; a train seen at its
    # destination arrived when it was first seen there.
    arrived_at = np.where(seen.arrived, seen.interval.mean(axis=1), np.nan)
    p10 = np.where(seen.arrived, arrived_at, p10c)
    p50 = np.where(seen.arrived, arrived_at, p50c)
    p90 = np.where(seen.arrived, arrived_at, p90c)
    # A train with no model window that is past its reported arrival takes that arrival;
    # so does a train its source says has arrived (whatever the model expected).
    reported = likely & ~seen.arrived & (np.isnan(p50) | said)
    if reported.any():
        last_day = np.where(said, told_arrival_last_day(ships), claimed_latest)
        lo = told_arrival_start(start0, _days(_claimed_earliest(ships)), last_day)
        hi = last_day + 1.0
        p10 = np.where(reported, lo, p10)
        p90 = np.where(reported, hi, p90)
        p50 = np.where(reported, (lo + hi) / 2.0, p50)
        flags = [
            ";".join(f for f in (flag, "arrival_as_reported") if f) if r else flag
            for flag, r in zip(flags, reported, strict=True)
        ]
    modelled = ~seen.arrived & ~reported & ~np.isnan(p50)
    flags = [
        ";".join(
            f
            for f in (
                flag,
                "window_widened" if w and "window_widened" not in flag.split(";") else "",
                "window_widened_geo" if g else "",
                "window_from_plan" if b else "",
                "window_from_report_day" if r else "",
                "arrival_denied" if d else "",
                "destination_heading" if h else "",
            )
            if f
        )
        for flag, w, g, b, r, d, h in zip(
            flags,
            widened & modelled,
            (geo > 0) & modelled,
            from_plan & modelled,
            from_report & modelled,
            denied,
            headed,
            strict=True,
        )
    ]
    df = pd.DataFrame(
        {
            C.ID: ships[C.ID].astype(str).to_numpy(dtype=object),
            C.STATUS: pd.Categorical(statuses, categories=list(STATUSES)),
            C.LAST_SEEN_STATION: pd.Series(seen.station, dtype=object),
            C.LAST_SEEN_AT: pd.Series(seen.at, dtype="datetime64[ns]"),
            C.P10: days_to_timestamps(p10).to_numpy(),
            C.P50: days_to_timestamps(p50).to_numpy(),
            C.P90: days_to_timestamps(p90).to_numpy(),
            C.AS_OF: when,
            C.FLAGS: flags,
        }
    )
    logger.info("Tracked %d shipments as of %s", n, when.date())
    return df[list(C.STATUS_COLUMNS)]


def _claimed_earliest(ships: pd.DataFrame) -> pd.Series:
    if C.ARRIVAL_EARLIEST not in ships.columns:
        return pd.Series(pd.NaT, index=ships.index, dtype="datetime64[ns]")
    return pd.to_datetime(ships[C.ARRIVAL_EARLIEST]).dt.normalize()


def _claimed_latest(ships: pd.DataFrame) -> pd.Series:
    if C.ARRIVAL_LATEST not in ships.columns:
        return pd.Series(pd.NaT, index=ships.index, dtype="datetime64[ns]")
    return pd.to_datetime(ships[C.ARRIVAL_LATEST]).dt.normalize()


def _undated(
    ships: pd.DataFrame, start: np.ndarray, claimed_latest: np.ndarray, seen: _Seen
) -> np.ndarray:
    """Return which trains nothing dates: no departure, arrival, publication or sighting."""
    no_published = np.ones(len(ships), dtype=bool)
    if C.PUBLISHED in ships:
        published = pd.to_datetime(ships[C.PUBLISHED], errors="coerce")
        no_published = published.isna().to_numpy()
    claimed_earliest = _days(_claimed_earliest(ships))
    never_seen = np.array([not seen.was_seen(i) for i in range(len(ships))], dtype=bool)
    return np.asarray(
        np.isnan(start)
        & np.isnan(claimed_latest)
        & np.isnan(claimed_earliest)
        & no_published
        & never_seen,
        dtype=bool,
    )


def _status(
    *,
    seen: bool | None,
    planned: bool,
    claim_passed: bool,
    as_of: float,
    departure_start: float,
    undated: bool,
    window: tuple[float, float, float],
    p90_original: float,
    no_word: bool,
    denied: bool = False,
) -> str:
    """Return one train's status (the rules are in the module notes).

    ``seen`` is None when the train was not seen, else whether it was seen at its
    destination (or its source says it arrived); ``window`` is its p10, p50, p90 and
    every date is in days since 1970-01-01 (NaN when unknown); ``no_word`` says
    whether a train with no window has gone unheard of for longer than the longest
    trip takes.
    """
    p10, p50, _ = window
    if seen is not None:
        return _seen_status(seen, as_of, window, p90_original, claim_passed, no_word)
    if undated:
        return "undated"
    if denied and claim_passed:
        return _denied_status(as_of, departure_start, p50, no_word=no_word)
    if np.isnan(departure_start):
        if claim_passed and not planned:
            return "likely arrived"  # no window: the reported arrival has passed
        if planned:
            return "planned"
        return "stale" if no_word else "departed"
    if as_of < departure_start:
        return "planned"
    if np.isnan(p50):
        if claim_passed:
            return "likely arrived"
        return "stale" if no_word else "departed"
    if as_of > p50:
        return "likely arrived"
    if claim_passed:
        return "overdue"
    return "in transit" if as_of >= p10 else "departed"


def _unmoved_origins(ships: pd.DataFrame) -> list[str | None]:
    """Per train, its origin's station id when it is only planned, else None.

    A train its report tells as being loaded now (claim ``planned``, no departure
    told: trial19b T4) seen at its origin has not moved. Any other train seen at its
    origin (a hand-log row "seen at Osipovichi 10:00, Osipovichi to Brest") was seen
    on its way, and the sighting dates it (review20 #1).
    """
    if C.ORIGIN_STATION_ID not in ships.columns:
        return [None] * len(ships)
    told = np.zeros(len(ships), dtype=bool)
    for col in (C.DEPARTURE_EARLIEST, C.DEPARTURE_LATEST):
        if col in ships.columns:
            told |= ships[col].notna().to_numpy(dtype=bool)
    if C.CLAIM in ships.columns:
        told |= (ships[C.CLAIM].astype(object) != "planned").to_numpy(dtype=bool)
    return [
        sid if isinstance(sid, str) and not left else None
        for sid, left in zip(ships[C.ORIGIN_STATION_ID].tolist(), told.tolist(), strict=True)
    ]


def _announced_statuses(
    statuses: list[str],
    ships: pd.DataFrame,
    moved: np.ndarray,
    told: tuple[np.ndarray, float],
    no_word: np.ndarray,
) -> list[str]:
    """Return the statuses of the trains only announced, none of them "likely arrived".

    A train its report only announces (claim ``expected`` or ``planned`` with no
    departure told by the report's day: :func:`railtrack.accounting.announced`) was
    not reported moving. It is ``planned`` until the end of the departure day told
    for it ("will leave Bryansk for Gomel on March 5"); ``expected`` (claim
    ``expected``) or ``planned`` (claim ``planned``) until the arrival told for it
    has passed ("is expected in Gomel around March 5", "is due in Gomel on March
    5"); ``overdue`` once the arrival told, or with no arrival told the departure
    day told, has passed; ``stale`` once nothing has been heard of it for longer
    than the longest trip takes after all of these (:func:`_no_word_after`). A
    sighting of it, or a source saying it arrived, is word that it moved: then the
    usual rules (trial19 T8, review19 #2 and #3).

    ``told`` is the latest arrival told per train (days since 1970-01-01, NaN when
    none) and the as-of date (days); ``no_word`` is a bool per train.
    """
    from railtrack.accounting import announced

    if C.CLAIM not in ships.columns:
        return statuses
    claimed_latest, as_of = told
    expected = ships[C.CLAIM].astype(str).eq("expected").to_numpy(dtype=bool)
    ahead = announced(ships).to_numpy(dtype=bool) & ~np.asarray(moved, dtype=bool)
    leaves = (
        _days(ships[C.DEPARTURE_LATEST]) + 1.0
        if C.DEPARTURE_LATEST in ships.columns
        else np.full(len(ships), np.nan)
    )
    out = list(statuses)
    for i in np.flatnonzero(ahead):
        if out[i] == "undated":
            continue
        arrives = claimed_latest[i] + 1.0
        if no_word[i]:
            out[i] = "stale"
        elif arrives <= as_of or (np.isnan(arrives) and leaves[i] <= as_of):
            out[i] = "overdue"
        elif as_of < leaves[i]:
            out[i] = "planned"  # its departure day has not passed
        elif expected[i]:
            out[i] = "expected"
        elif out[i] == "likely arrived":  # a plan not told carried out
            out[i] = "planned"
    return out


def _heading_statuses(
    statuses: list[str], ships: pd.DataFrame, arrived: np.ndarray, open_window: np.ndarray
) -> tuple[list[str], np.ndarray]:
    """Return the statuses with no "likely arrived" at a place only told as a direction.

    A train seen "towards Minsk" (``destination_heading``) may have stopped on the
    way: once its window has passed (the as-of date at or after its p90), nothing says
    where it is, so it is ``stale`` (flag ``destination_heading``), never likely
    arrived at Minsk, unless it was seen there or a source says it arrived (trial14
    T2). Inside its window (``open_window``: the as-of date before p90) it is still
    ``in transit``, not yet stale (trial19b T9a: "stale" the day after it was told).
    """
    if C.DESTINATION_HEADING not in ships.columns:
        return statuses, np.zeros(len(statuses), dtype=bool)
    heading = ships[C.DESTINATION_HEADING].astype("boolean").fillna(False).to_numpy(dtype=bool)
    headed = heading & ~np.asarray(arrived, dtype=bool)
    headed &= np.array([s == "likely arrived" for s in statuses], dtype=bool)
    inside = np.asarray(open_window, dtype=bool)
    out = [
        ("in transit" if o else "stale") if h else s
        for s, h, o in zip(statuses, headed, inside, strict=True)
    ]
    return out, headed


def _denied_status(as_of: float, departure_start: float, p50: float, *, no_word: bool) -> str:
    """Return the status of a train its source says had not arrived, once it was due.

    "так и не пришёл" (trial13 T1): overdue until the model's p50 (from the report's
    day) passes, then likely arrived; with no window, overdue until nothing has been
    heard of it for longer than the longest trip takes (then stale).
    """
    if np.isnan(p50) or np.isnan(departure_start):
        return "stale" if no_word else "overdue"
    return "likely arrived" if as_of > p50 else "overdue"


def _seen_status(
    arrived: bool,
    as_of: float,
    window: tuple[float, float, float],
    p90_original: float,
    claim_passed: bool,
    no_word: bool,
) -> str:
    """Return the status of a train seen (or told arrived): its window is from the sighting.

    A sighting is evidence the train moved: once the window from it is past its p50
    the train has more likely arrived than not, and stays so (trial F94). A sighting
    with no window (no route on from it) is ``stale`` once the longest trip would
    have ended (trial F101), never "in transit" for months.
    """
    _, p50, _ = window
    if arrived:
        return "likely arrived"
    if not np.isnan(p50) and as_of > p50:
        return "likely arrived"
    if np.isnan(p50) and no_word:
        return "stale"
    if (not np.isnan(p90_original) and as_of > p90_original) or claim_passed:
        return "overdue"
    return "in transit"


def track_status(
    reports: ReportSet | pd.DataFrame,
    network: RailNetwork,
    *,
    sightings: pd.DataFrame | None = None,
    as_of: AsOf = None,
    model: TransitModel | None = None,
    settings: Settings | None = None,
) -> pd.DataFrame:
    """Resolve, route and track loaded reports in one call (see :func:`shipment_status`).

    Parameters
    ----------
    reports
        A :class:`railtrack.ReportSet` (resolved here on ``network``; its sightings
        are used when ``sightings`` is None) or the shipments table of resolved
        reports.
    network
        The :class:`railtrack.RailNetwork` to resolve and route on.
    sightings
        The sightings table of resolved reports; default: the ReportSet's own
        (none for a table).
    as_of
        The date of knowledge. For a ReportSet, only reports published (and
        sightings made) on or before it count, as for :func:`railtrack.pipeline.track`;
        None takes the latest publication or sighting date in the reports and
        ``"today"`` the wall-clock date (:func:`railtrack.knowledge.cut_off`). For a
        table, as for :func:`shipment_status` (nothing is left out).
    model, settings
        As for :func:`shipment_status`.

    Returns
    -------
    pandas.DataFrame
        :func:`shipment_status` of the reports, their routes and sightings;
        ``df.attrs["knowledge"]`` is the :class:`railtrack.knowledge.Knowledge`
        (what the cut-off left out; None for a table).

    Examples
    --------
    >>> from railtrack import data_path, load_network, load_reports
    >>> df = track_status(load_reports(data_path("reports")), load_network(), as_of="2023-03-05")
    >>> df.attrs["knowledge"].shipments_after
    3
    """
    knowledge = None
    if isinstance(reports, pd.DataFrame):
        shipments = reports
        seen = sightings if sightings is not None else pd.DataFrame(columns=C.SIGHTING_COLUMNS)
    else:
        known, knowledge, as_of = known_on(reports, as_of)
        resolved = known.resolve(network)
        shipments = resolved.to_frame()
        seen = sightings if sightings is not None else resolved.sightings_frame()
    routes = shipment_routes(shipments, network)
    df = shipment_status(
        shipments, routes, seen, network, as_of=as_of, model=model, settings=settings
    )
    df.attrs["knowledge"] = knowledge
    return df

"""Each shipment's status at an as-of date, from its departure and its sightings.

Statuses, in the order a train goes through them:

``planned``
    the as-of date is before the departure window;
``departed``
    the window has begun but the model does not expect the train anywhere near
    its destination yet (as-of before p10), and nobody has seen it since;
``in transit``
    the as-of date lies within the arrival window, or the train was seen en route
    and the rest of its trip is not yet over-long;
``overdue``
    the train is still expected, but later than first expected: a sighting en route
    put it behind its original window, or the as-of date is past the source's
    claimed arrival;
``likely arrived``
    seen at its destination, or the as-of date is past p90 and nothing says it
    is still moving;
``stale``
    seen en route, but not again for longer than the model expects the rest of
    the trip to take (the as-of date is past p90 of the window from that sighting).

A sighting before the as-of date restarts the window at the train's position: the
rest of the route is timed from the sighting. A window of a train not known to
have arrived is the model's distribution given that the train has not arrived by
the as-of date, so it never lies in the past. A bare as-of date means the start
of that day.

Examples
--------
>>> from railtrack import data_path, load_network, load_reports
>>> reports = load_reports(data_path("reports", "2023-03-radiosvoboda-967-969.json"))
>>> df = track_status(reports, network=load_network(), as_of="2023-03-08")
>>> df.set_index("id")["status"].astype(str).to_dict()
{'svoboda-2023-03-967': 'likely arrived', 'svoboda-2023-03-969': 'in transit'}
"""

from __future__ import annotations

import logging
from collections import defaultdict
from datetime import UTC, date, datetime
from typing import Any

import numpy as np
import pandas as pd

from railtrack import columns as C
from railtrack.estimate import (
    PROBS,
    NetworkLike,
    RouteCache,
    TransitModel,
    _as_timestamp_days,
    _days_to_timestamps,
    _Estimate,
    _estimates,
    _items,
    _to_as_of,
    arrival_quantiles_by_route,
    estimator_for,
)
from railtrack.models import Place, Sighting
from railtrack.settings import DEFAULT_SETTINGS, Settings

__all__ = ["STATUSES", "track_status"]

logger = logging.getLogger(__name__)

STATUSES: tuple[str, ...] = (
    "planned",
    "departed",
    "in transit",
    "overdue",
    "likely arrived",
    "stale",
)
"""Every status :func:`track_status` gives."""


def _sightings(sightings: Any) -> list[Sighting]:
    if sightings is None:
        return []
    if isinstance(sightings, pd.DataFrame):
        out = []
        for rec in sightings.to_dict("records"):
            station_id = rec.get(C.STATION_ID)
            out.append(
                Sighting(
                    id=str(rec[C.ID]),
                    shipment=None if pd.isna(rec.get(C.SHIPMENT)) else str(rec[C.SHIPMENT]),
                    station=Place(
                        text=str(rec.get(C.STATION) or station_id),
                        station_id=None
                        if station_id is None or pd.isna(station_id)
                        else str(station_id),
                    ),
                    seen_at=pd.Timestamp(rec[C.SEEN_AT]).to_pydatetime(),
                    precision=rec.get(C.PRECISION) or "datetime",
                    source={"reporter": str(rec.get(C.SOURCE) or "unknown")},
                )
            )
        return out
    records = getattr(sightings, "sightings", sightings)
    return [s for s in records if isinstance(s, Sighting)]


def _seen_interval(s: Sighting, settings: Settings) -> tuple[float, float]:
    ts = pd.Timestamp(s.seen_at)
    if ts.tzinfo is not None:
        ts = ts.tz_convert("UTC").tz_localize(None)
    if s.precision == "datetime":
        tol = settings.datetime_tolerance_h / 24.0
        t = _as_timestamp_days(ts)
        return t - tol, t + tol
    start = _as_timestamp_days(ts.normalize())
    return start, start + 1.0


def _default_as_of() -> pd.Timestamp:
    return pd.Timestamp(datetime.now(UTC).date())


def track_status(
    shipments: Any,
    sightings: Any = None,
    network: NetworkLike | None = None,
    *,
    as_of: date | datetime | str | pd.Timestamp | None = None,
    model: TransitModel | None = None,
    settings: Settings | None = None,
    route_cache: RouteCache | None = None,
) -> pd.DataFrame:
    """Give each shipment its status and remaining arrival window at ``as_of``.

    Parameters
    ----------
    shipments
        A :class:`railtrack.ReportSet`, a list of :class:`railtrack.Shipment` or the
        frame of ``ReportSet.to_frame()``.
    sightings
        Sightings (a list of :class:`railtrack.Sighting`, a ReportSet, or
        ``ReportSet.sightings_frame()``); default: those of ``shipments`` when it is
        a ReportSet. Each is linked to its shipment by ``Sighting.shipment``;
        sightings after ``as_of`` are not yet known and are ignored.
    network
        The :class:`railtrack.RailNetwork` (required).
    as_of
        The date (or time) of knowledge; default today (UTC).
    model, settings, route_cache
        As for :func:`railtrack.estimate_arrivals`.

    Returns
    -------
    pandas.DataFrame
        One row per shipment, columns :data:`railtrack.columns.STATUS_COLUMNS`:
        ``status`` (one of :data:`STATUSES`), the last sighting's station and
        time, the (remaining) window ``p10``, ``p50``, ``p90``, ``as_of`` and
        ``flags``.

    Raises
    ------
    TypeError
        If no network is given.
    railtrack.errors.RailtrackError
        If ``as_of`` is not a date.
    """
    if network is None:
        msg = "track_status needs a network (railtrack.load_network())"
        raise TypeError(msg)
    settings = settings or DEFAULT_SETTINGS
    model = model or TransitModel.from_settings(settings)
    when = _to_as_of(as_of) if as_of is not None else _default_as_of()
    assert when is not None
    if sightings is None and hasattr(shipments, "sightings"):
        sightings = shipments.sightings
    items = _items(shipments)
    estimator = estimator_for(network, model, route_cache)
    estimates = _estimates(items, estimator, settings, when)
    by_shipment: dict[str, list[Sighting]] = defaultdict(list)
    unlinked = 0
    for s in _sightings(sightings):
        if s.shipment is None:
            unlinked += 1
            continue
        by_shipment[s.shipment].append(s)
    if unlinked:
        logger.info("%d sightings name no shipment and were not used", unlinked)
    rows = _track(estimates, by_shipment, estimator, model, settings, when)
    logger.info("Tracked %d shipments as of %s", len(rows), when.date())
    return rows


def _track(
    estimates: list[_Estimate],
    by_shipment: dict[str, list[Sighting]],
    estimator: RouteCache,
    model: TransitModel,
    settings: Settings,
    when: pd.Timestamp,
) -> pd.DataFrame:
    n = len(estimates)
    if n == 0:
        return pd.DataFrame(columns=list(C.STATUS_COLUMNS))
    as_of_days = _as_timestamp_days(when)
    # the original window, from the departure
    start0 = np.array([e.start_days for e in estimates], dtype=float)
    width0 = np.array([e.width_days for e in estimates], dtype=float)
    tq0 = [e.info.transit_q if e.info else None for e in estimates]  # shared per route
    _, _, p90o, _ = arrival_quantiles_by_route(
        start0, width0, tq0, min_half_width_days=model.min_half_width_days
    )
    # the current window: from the last sighting known at the as-of date, if any
    start, width, tq = start0.copy(), width0.copy(), list(tq0)
    arrived = np.zeros(PROBS.size)
    seen: list[tuple[Sighting, str | None, bool] | None] = []
    flags: list[list[str]] = [list(e.flags) for e in estimates]
    for i, e in enumerate(estimates):
        known = [
            s
            for s in by_shipment.get(e.item.id, [])
            if _seen_interval(s, settings)[0] <= as_of_days
        ]
        if not known:
            seen.append(None)
            continue
        last = max(known, key=lambda s: _seen_interval(s, settings))
        end = estimator.end(last.station, "sighting")
        name = None if end.key is None else end.name
        at_destination = (
            end.key is not None and not end.is_region and estimator.reaches(end.key, e.destination)
        )
        seen.append((last, name, at_destination))
        lo, hi = _seen_interval(last, settings)
        if at_destination:
            start[i], width[i], tq[i] = lo, 0.0, arrived
            continue
        rest = None
        if end.key is not None and e.destination.key is not None and not end.is_region:
            rest = estimator.remaining(end.key, e.destination)
        if rest is None:
            flags[i].append("sighting_not_routed")  # keep the departure-based window
            continue
        start[i], width[i], tq[i] = lo, hi - lo, rest.transit_q
    p10c, p50c, p90c, _ = arrival_quantiles_by_route(
        start, width, tq, min_half_width_days=model.min_half_width_days
    )
    statuses: list[str] = []
    floor = np.full(n, np.nan)
    for i, e in enumerate(estimates):
        status = _status(e, seen[i], as_of_days, start0[i], p10c[i], p90c[i], p90o[i])
        statuses.append(status)
        if status not in ("likely arrived",):
            floor[i] = as_of_days
    p10, p50, p90, _ = arrival_quantiles_by_route(
        start, width, tq, min_half_width_days=model.min_half_width_days, not_before_days=floor
    )
    arrived_at = np.array(
        [np.nan if s is None or not s[2] else np.mean(_seen_interval(s[0], settings)) for s in seen]
    )
    is_seen_arrived = ~np.isnan(arrived_at)
    p10 = np.where(is_seen_arrived, arrived_at, p10)
    p50 = np.where(is_seen_arrived, arrived_at, p50)
    p90 = np.where(is_seen_arrived, arrived_at, p90)
    keep_past = np.array([s == "likely arrived" for s in statuses]) & ~is_seen_arrived
    p10 = np.where(keep_past, p10c, p10)
    p50 = np.where(keep_past, p50c, p50)
    p90 = np.where(keep_past, p90c, p90)
    df = pd.DataFrame(
        {
            C.ID: [e.item.id for e in estimates],
            C.STATUS: statuses,
            C.LAST_SEEN_STATION: [None if s is None else (s[1] or s[0].station.text) for s in seen],
            C.LAST_SEEN_AT: pd.Series(
                [None if s is None else pd.Timestamp(s[0].seen_at) for s in seen],
                dtype="datetime64[ns]",
            ),
            C.FLAGS: [";".join(dict.fromkeys(f)) for f in flags],
        }
    )
    df[C.P10] = _days_to_timestamps(p10).to_numpy()
    df[C.P50] = _days_to_timestamps(p50).to_numpy()
    df[C.P90] = _days_to_timestamps(p90).to_numpy()
    df[C.AS_OF] = when
    df[C.STATUS] = pd.Categorical(df[C.STATUS], categories=list(STATUSES))
    return df[list(C.STATUS_COLUMNS)]


def _status(
    e: _Estimate,
    seen: tuple[Sighting, str | None, bool] | None,
    as_of: float,
    departure_start: float,
    p10: float,
    p90: float,
    p90_original: float,
) -> str:
    claimed = e.item.claimed
    claim_passed = (
        claimed is not None
        and claimed.latest is not None
        and _as_timestamp_days(claimed.latest) + 1.0 <= as_of
    )
    if seen is not None:
        if seen[2]:
            return "likely arrived"
        if not np.isnan(p90) and as_of > p90:
            return "stale"
        if (not np.isnan(p90_original) and as_of > p90_original) or claim_passed:
            return "overdue"
        return "in transit"
    if np.isnan(departure_start):
        return "planned" if e.item.claim == "planned" else "departed"
    if as_of < departure_start:
        return "planned"
    if np.isnan(p90):
        return "departed"
    if as_of > p90:
        return "likely arrived"
    if as_of >= p10:
        return "overdue" if claim_passed else "in transit"
    return "departed"

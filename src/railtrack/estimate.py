"""Arrival windows: a transit-time model over the routed distance, per shipment.

The model (:class:`TransitModel`) draws a train's trip time as running time plus
dwell::

    transit_h = length_km / v  +  m * (technical_dwell_h_per_100km * length_km / 100
                                       + border_dwell_h * border_crossings)
    v ~ LogNormal(log(moving_speed_kmh), speed_sigma)
    m ~ LogNormal(log(dwell_scale), dwell_sigma)

with a fixed seed, so every estimate is repeatable. The departure window is spread
over the arrival window quantile by quantile (the position in the departure window
and the transit time are combined comonotonically: ``arrival(q) = start + q * width
+ transit(q)``), which never gives a narrower window for a wider departure. A
region origin ("from Belarus") pools the draws of the routes from each of the
region's stations. No window is narrower than ``p50 ± min_half_width_days``.

Every default lives in :class:`railtrack.settings.Settings` with its source; the
fitted ones come from :func:`railtrack.calibrate`.

Examples
--------
>>> import numpy as np
>>> model = TransitModel.from_settings()
>>> q = model.transit_quantiles_days(np.array([1000.0, 2000.0]), np.array([0, 1]))
>>> bool((q[0] < q[1]).all())
True
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import Any, Protocol

import numpy as np
import pandas as pd

from railtrack import columns as C
from railtrack._frames import shared_categorical
from railtrack.errors import NoRoute, RailtrackError, ReportError, StationNotFound
from railtrack.models import DateWindow, Place, Shipment
from railtrack.settings import DEFAULT_SETTINGS, Settings

__all__ = [
    "FLAGS",
    "PROBS",
    "RouteCache",
    "TransitModel",
    "estimate_arrivals",
]

logger = logging.getLogger(__name__)

PROBS: np.ndarray = np.linspace(0.005, 0.995, 199)
"""Probability grid on which transit and arrival quantile functions are kept."""

QUANTILES: tuple[float, float, float] = (0.1, 0.5, 0.9)
"""The reported quantiles: p10, p50, p90."""

FLAGS: dict[str, str] = {
    "no_origin": "the shipment names no origin",
    "no_destination": "the shipment names no destination",
    "origin_unresolved": "the origin matched no station or region with confidence",
    "destination_unresolved": "the destination matched no station or region with confidence",
    "via_unresolved": "a via point did not resolve and was ignored",
    "origin_region": "the origin is a region: the window spans routes from its stations",
    "destination_region": "the destination is a region, not one station",
    "no_route": "no rail route joins the two ends on this network",
    "no_departure_date": "no departure date: none given, or taken from the report's date",
    "departure_open_start": "departure known only as 'by' a date",
    "departure_open_end": "departure known only as 'after' a date",
    "window_widened": "the model's window was narrower than ±min_half_width_days",
    "claim_outside_window": "the source's claimed arrival lies outside p10-p90",
    "window_before_as_of": "the whole window lies before the as-of date",
}
"""Every flag :func:`estimate_arrivals` can set, with its meaning."""

_DAY_S = 86_400.0
_EPOCH = pd.Timestamp("1970-01-01")
_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()


# --- the transit-time model ---------------------------------------------------------


@lru_cache(maxsize=8)
def _normals(n: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Two fixed, read-only vectors of standard normal draws."""
    rng = np.random.default_rng(seed)
    z = rng.standard_normal((2, n))
    z.setflags(write=False)
    return z[0], z[1]


@dataclass(frozen=True)
class TransitModel:
    """Parameters of the transit-time model; see the module notes for the formula.

    Build one with :meth:`from_settings`; :func:`railtrack.calibrate` returns one
    fitted to observed trips. Units are in the names (km/h, hours, days).
    """

    moving_speed_kmh: float = DEFAULT_SETTINGS.moving_speed_kmh
    speed_sigma: float = DEFAULT_SETTINGS.speed_sigma
    technical_dwell_h_per_100km: float = DEFAULT_SETTINGS.technical_dwell_h_per_100km
    border_dwell_h: float = DEFAULT_SETTINGS.border_dwell_h
    dwell_scale: float = DEFAULT_SETTINGS.dwell_scale
    dwell_sigma: float = DEFAULT_SETTINGS.dwell_sigma
    min_half_width_days: float = DEFAULT_SETTINGS.min_half_width_days
    draws: int = DEFAULT_SETTINGS.transit_draws
    seed: int = DEFAULT_SETTINGS.transit_seed

    @classmethod
    def from_settings(cls, settings: Settings | None = None) -> TransitModel:
        """Return the model with the parameters of ``settings`` (default settings)."""
        s = settings or DEFAULT_SETTINGS
        return cls(
            moving_speed_kmh=s.moving_speed_kmh,
            speed_sigma=s.speed_sigma,
            technical_dwell_h_per_100km=s.technical_dwell_h_per_100km,
            border_dwell_h=s.border_dwell_h,
            dwell_scale=s.dwell_scale,
            dwell_sigma=s.dwell_sigma,
            min_half_width_days=s.min_half_width_days,
            draws=s.transit_draws,
            seed=s.transit_seed,
        )

    def replace(self, **changes: Any) -> TransitModel:
        """Return a copy with some parameters changed."""
        return dataclasses.replace(self, **changes)

    def params(self) -> dict[str, float]:
        """Return the parameters as a plain dict."""
        return {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}

    def transit_draws_days(
        self, length_km: np.ndarray | Sequence[float], border_crossings: np.ndarray | Sequence[int]
    ) -> np.ndarray:
        """Draw transit times in days, one row per route, ``draws`` columns.

        The same random numbers are used for every route, so a longer route (or one
        with more border crossings) is slower in every draw.

        Parameters
        ----------
        length_km
            Routed lengths, km.
        border_crossings
            Border crossings on each route.

        Returns
        -------
        numpy.ndarray
            Shape ``(len(length_km), draws)``, days.
        """
        length = np.asarray(length_km, dtype=float).reshape(-1, 1)
        borders = np.asarray(border_crossings, dtype=float).reshape(-1, 1)
        z_speed, z_dwell = _normals(self.draws, self.seed)
        speed_kmh = self.moving_speed_kmh * np.exp(self.speed_sigma * z_speed)
        dwell_factor = self.dwell_scale * np.exp(self.dwell_sigma * z_dwell)
        dwell_h = self.technical_dwell_h_per_100km * length / 100.0 + self.border_dwell_h * borders
        return (length / speed_kmh + dwell_factor * dwell_h) / 24.0

    def transit_quantiles_days(
        self,
        length_km: np.ndarray | Sequence[float],
        border_crossings: np.ndarray | Sequence[int],
        *,
        chunk: int = 512,
    ) -> np.ndarray:
        """Return transit-time quantiles (days) on :data:`PROBS`, one row per route.

        Parameters
        ----------
        length_km
            Routed lengths, km.
        border_crossings
            Border crossings on each route.
        chunk
            Routes drawn at a time (bounds memory for many routes).

        Returns
        -------
        numpy.ndarray
            Shape ``(len(length_km), len(PROBS))``, non-decreasing along each row.
        """
        length = np.asarray(length_km, dtype=float).ravel()
        borders = np.asarray(border_crossings, dtype=float).ravel()
        out = np.empty((length.size, PROBS.size))
        for start in range(0, length.size, chunk):
            part = slice(start, start + chunk)
            draws = self.transit_draws_days(length[part], borders[part])
            out[part] = np.quantile(draws, PROBS, axis=1).T
        return out

    def mixture_quantiles_days(
        self,
        length_km: np.ndarray | Sequence[float],
        border_crossings: np.ndarray | Sequence[int],
    ) -> np.ndarray:
        """Quantiles (days, on :data:`PROBS`) of the pooled draws of several routes.

        Used for a region origin: each route from one of the region's stations is
        equally likely.
        """
        draws = self.transit_draws_days(length_km, border_crossings)
        return np.asarray(np.quantile(draws.ravel(), PROBS), dtype=float)


def arrival_quantiles(
    start_days: np.ndarray,
    width_days: np.ndarray,
    transit_q_days: np.ndarray,
    *,
    min_half_width_days: float,
    not_before_days: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Combine departure windows with transit quantiles into p10, p50, p90.

    Parameters
    ----------
    start_days
        Departure window starts, days since 1970-01-01 (one per shipment).
    width_days
        Departure window widths, days.
    transit_q_days
        Transit quantile functions on :data:`PROBS`, shape ``(n, len(PROBS))``.
    min_half_width_days
        The window is widened to at least p50 ± this, and p10 is never before
        the departure window's start.
    not_before_days
        Optional lower bounds (NaN for none): the arrival is known to be later,
        so the distribution is truncated there (a train not yet arrived at the
        as-of date, or seen en route at a time). If nothing of the distribution
        is left, the window restarts at the bound.

    Returns
    -------
    tuple of numpy.ndarray
        p10, p50, p90 (days since 1970-01-01) and a boolean "widened" mask.
    """
    start = np.asarray(start_days, dtype=float)
    width = np.asarray(width_days, dtype=float)
    tq = np.atleast_2d(transit_q_days)
    arrival = start[:, None] + PROBS[None, :] * width[:, None] + tq
    qs = np.asarray(QUANTILES)
    out = np.empty((start.size, qs.size))
    floor = (
        np.full(start.size, np.nan)
        if not_before_days is None
        else np.asarray(not_before_days, dtype=float)
    )
    for i in range(start.size):
        row = arrival[i]
        if np.isnan(row).any():
            out[i] = np.nan
            continue
        targets = qs
        if not np.isnan(floor[i]) and floor[i] > row[0]:
            q0 = float(np.interp(floor[i], row, PROBS, left=0.0, right=1.0))
            if q0 >= PROBS[-1]:
                h = min_half_width_days
                out[i] = (floor[i], floor[i] + h, floor[i] + 2 * h)
                continue
            targets = q0 + qs * (1.0 - q0)
        out[i] = np.interp(targets, PROBS, row)
    p10, p50, p90 = out[:, 0], out[:, 1], out[:, 2]
    h = min_half_width_days
    widened = ((p50 - p10) < h - 1e-9) | ((p90 - p50) < h - 1e-9)
    p10 = np.minimum(p10, p50 - h)
    p90 = np.maximum(p90, p50 + h)
    # never before the earliest departure, nor before a known lower bound
    lowest = np.fmax(start, floor)
    p10 = np.fmax(p10, lowest)
    p10 = np.where(np.isnan(p50), np.nan, p10)
    p50 = np.maximum(p50, p10)
    p90 = np.maximum(p90, np.maximum(p50 + h, p10 + 2 * h))
    return p10, p50, p90, widened & ~np.isnan(p50)


# --- shipments in, one record per shipment ---------------------------------------------


class NetworkLike(Protocol):
    """What the estimate needs of a :class:`railtrack.RailNetwork`."""

    G: Any

    def resolve(self, name: str) -> Any:
        """Resolve a name to a station or region."""
        ...

    def route(
        self, origin: str, destination: str, *, via: Sequence[str] | None = None, k: int = 1
    ) -> list[Any]:
        """Shortest routes between two ends."""
        ...

    def routes_from_each(self, origin: str, destination: str) -> list[Any]:
        """One route from each candidate station of a region origin."""
        ...


@dataclass(frozen=True)
class _Item:
    """One shipment, whatever container it came in."""

    id: str
    origin: Place | None
    destination: Place | None
    via: tuple[Place, ...]
    departure: DateWindow | None
    claimed: DateWindow | None
    claim: str
    published: date | None


def _place_from_row(row: pd.Series, prefix: str) -> Place | None:
    def get(name: str) -> Any:
        value = row.get(name)
        return None if value is None or pd.isna(value) else value

    text = get(prefix)
    station_id = get(f"{prefix}_station_id")
    region = get(f"{prefix}_region")
    if text is None and station_id is None and region is None:
        return None
    return Place(
        text=str(text or station_id or region),
        station_id=None if station_id is None else str(station_id),
        station=get(f"{prefix}_station"),
        region=region,
    )


def _window_from_row(
    row: pd.Series, earliest: str, latest: str, precision: str
) -> DateWindow | None:
    def day(name: str) -> date | None:
        value = row.get(name)
        if value is None or pd.isna(value):
            return None
        return pd.Timestamp(value).date()

    lo, hi = day(earliest), day(latest)
    if lo is None and hi is None:
        return None
    prec = row.get(precision)
    return DateWindow(
        earliest=lo,
        latest=hi,
        precision=prec if isinstance(prec, str) and prec else "day",
    )


def _items(shipments: Any) -> list[_Item]:
    """Turn a ReportSet, a list of Shipment or a shipments DataFrame into items."""
    if isinstance(shipments, pd.DataFrame):
        missing = [c for c in (C.ID, C.ORIGIN, C.DESTINATION) if c not in shipments.columns]
        if missing:
            msg = f"the shipments frame has no column {missing[0]!r} (see columns.SHIPMENT_COLUMNS)"
            raise ReportError(msg, field=missing[0])
        items = []
        for _, row in shipments.iterrows():
            via_text = row.get(C.VIA)
            via = (
                tuple(Place(text=t.strip()) for t in str(via_text).split(";") if t.strip())
                if isinstance(via_text, str)
                else ()
            )
            published = row.get(C.PUBLISHED)
            items.append(
                _Item(
                    id=str(row[C.ID]),
                    origin=_place_from_row(row, C.ORIGIN),
                    destination=_place_from_row(row, C.DESTINATION),
                    via=via,
                    departure=_window_from_row(
                        row, C.DEPARTURE_EARLIEST, C.DEPARTURE_LATEST, C.DEPARTURE_PRECISION
                    ),
                    claimed=_window_from_row(
                        row, C.ARRIVAL_EARLIEST, C.ARRIVAL_LATEST, C.ARRIVAL_PRECISION
                    ),
                    claim=str(row.get(C.CLAIM) or "sighted"),
                    published=None
                    if published is None or pd.isna(published)
                    else pd.Timestamp(published).date(),
                )
            )
        return items
    records: Iterable[Any] = getattr(shipments, "shipments", shipments)
    items = []
    for s in records:
        if not isinstance(s, Shipment):
            msg = f"expected Shipment records, got {type(s).__name__}"
            raise TypeError(msg)
        items.append(
            _Item(
                id=s.id,
                origin=s.origin,
                destination=s.destination,
                via=s.via,
                departure=s.departure,
                claimed=s.expected_arrival,
                claim=s.claim,
                published=s.source.published,
            )
        )
    return items


# --- resolving ends and routing, cached --------------------------------------------------


@dataclass(frozen=True)
class _End:
    key: str | None  # what routing is given: a station id or a region key
    station_id: str | None
    name: str | None
    is_region: bool
    flag: str | None


@dataclass(frozen=True)
class _RouteInfo:
    lengths_km: tuple[float, ...]  # every route (several for a region origin)
    borders: tuple[int, ...]  # border crossings on each route
    label: str
    length_km: float
    border_crossings: tuple[str, ...]
    transit_q: np.ndarray  # quantiles on PROBS, days
    region_spread: bool

    @property
    def crossings_text(self) -> str:
        """The border crossings joined with "; " (empty when none)."""
        return "; ".join(self.border_crossings)


def _as_timestamp_days(value: date | datetime | pd.Timestamp) -> float:
    if type(value) is date:  # the common case, without building a Timestamp
        return float(value.toordinal() - _EPOCH_ORDINAL)
    return (pd.Timestamp(value) - _EPOCH).total_seconds() / _DAY_S


def _days_to_timestamps(days: np.ndarray) -> pd.Series:
    seconds = np.round(np.asarray(days, dtype=float) * 1440.0) * 60.0  # to the minute
    return pd.Series(pd.to_datetime(seconds, unit="s", origin="unix")).astype("datetime64[ns]")


def _shown(route: Any) -> tuple[str, tuple[str, ...]]:
    """Return what the estimate shows of a route: its label and its border crossings."""
    return " → ".join(str(n) for n in route.names), tuple(route.border_crossings)


def _route_info(
    lengths: np.ndarray,
    borders: np.ndarray,
    shown: tuple[str, tuple[str, ...]],
    tq: np.ndarray,
    *,
    region_spread: bool,
) -> _RouteInfo:
    """Return the cached facts of one (origin, destination, via); ``shown`` from :func:`_shown`."""
    label, crossings = shown
    return _RouteInfo(
        lengths_km=tuple(float(x) for x in lengths),
        borders=tuple(int(b) for b in borders),
        label=label,
        length_km=float(lengths[0]) if len(lengths) == 1 else float(np.median(lengths)),
        border_crossings=crossings,
        transit_q=tq,
        region_spread=region_spread,
    )


class _Estimator:
    """Resolves ends, routes and transit quantiles once per distinct query."""

    def __init__(self, network: NetworkLike, model: TransitModel) -> None:
        self.network = network
        self.model = model
        self._ends: dict[tuple[str | None, str | None, str | None], _End] = {}
        self._routes: dict[tuple[str, str, tuple[str, ...]], _RouteInfo | None] = {}
        self._members: dict[str, frozenset[str]] = {}

    def end(self, place: Place | None, role: str) -> _End:
        """Resolve an origin/destination/via place to a routable key."""
        if place is None:
            return _End(None, None, None, False, f"no_{role}")
        cache_key = (place.text, place.station_id, place.region)
        if cache_key in self._ends:
            return self._ends[cache_key]
        G = self.network.G
        end: _End
        if place.station_id is not None and place.station_id in G:
            name = G.nodes[place.station_id].get("name", place.station or place.text)
            end = _End(place.station_id, place.station_id, name, False, None)
        elif place.is_region:
            end = _End(str(place.region), None, str(place.region), True, f"{role}_region")
        else:
            res = self.network.resolve(place.text)
            if getattr(res, "resolved", False) and getattr(res, "station_id", None):
                end = _End(res.station_id, res.station_id, res.name, False, None)
            elif getattr(res, "region", None):
                end = _End(str(res.region), None, str(res.region), True, f"{role}_region")
            else:
                end = _End(None, None, None, False, f"{role}_unresolved")
        self._ends[cache_key] = end
        return end

    def route(self, origin: _End, destination: _End, via: tuple[str, ...]) -> _RouteInfo | None:
        """Route once per (origin, destination, via); None when there is no route."""
        assert origin.key is not None
        assert destination.key is not None
        key = (origin.key, destination.key, via)
        if key in self._routes:
            return self._routes[key]
        info: _RouteInfo | None
        try:
            if origin.is_region:
                routes = list(self.network.routes_from_each(origin.key, destination.key))
            else:
                routes = list(
                    self.network.route(origin.key, destination.key, via=list(via) or None, k=1)
                )
        except (NoRoute, StationNotFound) as exc:
            logger.info("No route %s -> %s: %s", origin.key, destination.key, exc)
            routes = []
        if not routes:
            info = None
        else:
            lengths = np.array([float(r.length_km) for r in routes])
            borders = np.array([len(r.border_crossings) for r in routes])
            shown = routes[int(np.argsort(lengths)[len(lengths) // 2])]
            if origin.is_region and len(routes) > 1:
                tq = self.model.mixture_quantiles_days(lengths, borders)
            else:
                tq = self.model.transit_quantiles_days(lengths[:1], borders[:1])[0]
            info = _route_info(lengths, borders, _shown(shown), tq, region_spread=origin.is_region)
        self._routes[key] = info
        return info

    def prefetch(self, keys: Iterable[tuple[_End, _End, tuple[str, ...]]]) -> None:
        """Route many (origin, destination, via) at once, ahead of :meth:`route`.

        Station-to-station pairs without via points are routed in one batch
        (``network.iter_routes_between``, when the network has it) and their
        transit quantiles drawn in one call: same results as one by one, faster.
        """
        batch = getattr(self.network, "iter_routes_between", None)
        pairs = {
            (o.key, d.key)
            for o, d, via in keys
            if o.key is not None
            and d.key is not None
            and not (via or o.is_region or d.is_region)
            and (o.key, d.key, ()) not in self._routes
        }
        if batch is None or not pairs:
            return
        # Keep only what the estimate shows of each route, not the whole Route.
        found: list[tuple[tuple[str, str], float, int, tuple[str, tuple[str, ...]]]] = []
        for (u, v), route in batch(pairs):
            if route is None:
                logger.info("No route %s -> %s", u, v)
                self._routes[(u, v, ())] = None
            else:
                found.append(((u, v), route.length_km, len(route.border_crossings), _shown(route)))
        lengths = np.array([f[1] for f in found], dtype=float)
        borders = np.array([f[2] for f in found], dtype=float)
        quantiles = self.model.transit_quantiles_days(lengths, borders)
        for i, ((u, v), _, _, shown) in enumerate(found):
            self._routes[(u, v, ())] = _route_info(
                lengths[i : i + 1], borders[i : i + 1], shown, quantiles[i], region_spread=False
            )

    def reaches(self, station_key: str, destination: _End) -> bool:
        """Whether a station is the destination, or one of a destination region's."""
        if destination.key is None:
            return False
        if not destination.is_region:
            return station_key == destination.key
        if destination.key not in self._members:
            res = self.network.resolve(destination.key)
            self._members[destination.key] = frozenset(getattr(res, "region_stations", ()))
        return station_key in self._members[destination.key]

    def remaining(self, station_key: str, destination: _End) -> _RouteInfo | None:
        """Route from a sighting's station to the destination."""
        start = _End(station_key, station_key, station_key, False, None)
        return self.route(start, destination, ())


RouteCache = _Estimator
"""Resolved ends, routes and transit quantiles for one network and model.

Pass one ``RouteCache(network, model)`` to both :func:`estimate_arrivals` and
:func:`railtrack.track_status` (as ``route_cache=``) so that each distinct
origin-destination pair is routed once per run, not once per step.
"""


def estimator_for(
    network: NetworkLike, model: TransitModel, route_cache: _Estimator | None
) -> _Estimator:
    """Return ``route_cache`` when it was built for ``network`` and ``model``, else a new one."""
    if route_cache is not None and route_cache.network is network and route_cache.model == model:
        return route_cache
    return _Estimator(network, model)


@dataclass
class _Estimate:
    """One shipment's estimate before it becomes a frame row."""

    item: _Item
    origin: _End
    destination: _End
    info: _RouteInfo | None
    start_days: float  # departure window start, days since epoch (NaN if unknown)
    width_days: float
    dep_earliest: date | None
    dep_latest: date | None
    flags: list[str]


def _shift(day: date, delta: timedelta) -> date:
    """Return the day on which ``day`` (at midnight) plus ``delta`` falls."""
    return (datetime.combine(day, time.min) + delta).date()


def _departure(
    item: _Item, settings: Settings, as_of: pd.Timestamp | None
) -> tuple[date | None, date | None, list[str]]:
    """Close the departure window; flag open ends and missing dates."""
    open_days = timedelta(days=settings.open_departure_days)
    flags: list[str] = []
    window = item.departure
    known_by = [d for d in (item.published,) if d is not None and item.claim != "planned"]
    if as_of is not None and item.claim != "planned":
        known_by.append(as_of.date())
    if window is None:
        flags.append("no_departure_date")
        if item.claim == "planned" or item.published is None:
            return None, None, flags
        return _shift(item.published, -open_days), item.published, flags
    lo: date | None = window.earliest
    hi: date | None = window.latest
    if lo is None and hi is not None:
        flags.append("departure_open_start")
        lo = _shift(hi, -open_days)
    if hi is None and lo is not None:
        flags.append("departure_open_end")
        hi = _shift(lo, open_days)
        bounds = [d for d in known_by if d >= lo]
        if bounds:
            hi = min([hi, *bounds])
    return lo, hi, flags


def _estimates(
    items: list[_Item],
    estimator: _Estimator,
    settings: Settings,
    as_of: pd.Timestamp | None,
) -> list[_Estimate]:
    ends = [_ends(item, estimator) for item in items]
    estimator.prefetch((o, d, via) for o, d, via, _ in ends)
    out = []
    for item, (origin, destination, via, flags) in zip(items, ends, strict=True):
        info = None
        if origin.key is not None and destination.key is not None:
            info = estimator.route(origin, destination, via)
            if info is None:
                flags.append("no_route")
        lo, hi, dep_flags = _departure(item, settings, as_of)
        flags += dep_flags
        if lo is None or hi is None:
            start, width = np.nan, np.nan
        else:
            start = _as_timestamp_days(lo)
            width = _as_timestamp_days(hi) + 1.0 - start
        out.append(_Estimate(item, origin, destination, info, start, width, lo, hi, flags))
    return out


def _ends(item: _Item, estimator: _Estimator) -> tuple[_End, _End, tuple[str, ...], list[str]]:
    """Resolve an item's origin, destination and via points; flag what does not resolve."""
    origin = estimator.end(item.origin, "origin")
    destination = estimator.end(item.destination, "destination")
    flags = [f for f in (origin.flag, destination.flag) if f]
    via: list[str] = []
    for place in item.via:
        v = estimator.end(place, "via")
        if v.key is None or v.is_region:
            flags.append("via_unresolved")
            via = []
            break
        via.append(v.key)
    return origin, destination, tuple(via), flags


def _claim_bounds(window: DateWindow | None) -> tuple[float, float]:
    if window is None:
        return np.nan, np.nan
    lo = -np.inf if window.earliest is None else _as_timestamp_days(window.earliest)
    hi = np.inf if window.latest is None else _as_timestamp_days(window.latest) + 1.0
    return lo, hi


def _to_as_of(as_of: date | datetime | str | pd.Timestamp | None) -> pd.Timestamp | None:
    if as_of is None:
        return None
    try:
        ts = pd.Timestamp(as_of)
    except (ValueError, TypeError) as exc:
        msg = f"as-of date {as_of!r} is not a date (use YYYY-MM-DD)"
        raise RailtrackError(msg) from exc
    if ts.tzinfo is not None:
        ts = ts.tz_convert("UTC").tz_localize(None)
    return ts


_SHARED = (C.ROUTE_LABEL, C.BORDER_CROSSINGS)
"""Estimate columns shared by every train on a route, kept as categoricals."""


def arrival_quantiles_by_route(
    start_days: np.ndarray,
    width_days: np.ndarray,
    transit_q_days: Sequence[np.ndarray | None],
    *,
    min_half_width_days: float,
    not_before_days: np.ndarray | None = None,
    chunk: int = 4096,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """:func:`arrival_quantiles` with one transit quantile row per train given by reference.

    Trains on one route share its quantile row (None where there is no route); the
    full ``trains x quantiles`` matrix is built ``chunk`` trains at a time, so memory
    stays flat however many trains there are.
    """
    n = len(start_days)
    p10, p50, p90 = (np.full(n, np.nan) for _ in range(3))
    widened = np.zeros(n, dtype=bool)
    for lo in range(0, n, chunk):
        sl = slice(lo, min(n, lo + chunk))
        tq = np.full((sl.stop - lo, PROBS.size), np.nan)
        for i, q in enumerate(transit_q_days[sl]):
            if q is not None:
                tq[i] = q
        p10[sl], p50[sl], p90[sl], widened[sl] = arrival_quantiles(
            start_days[sl],
            width_days[sl],
            tq,
            min_half_width_days=min_half_width_days,
            not_before_days=None if not_before_days is None else not_before_days[sl],
        )
    return p10, p50, p90, widened


def _windows(
    estimates: Sequence[_Estimate], model: TransitModel
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Return p10, p50, p90 (days) and the widened flags of each estimate."""
    return arrival_quantiles_by_route(
        np.array([e.start_days for e in estimates], dtype=float),
        np.array([e.width_days for e in estimates], dtype=float),
        [None if e.info is None else e.info.transit_q for e in estimates],
        min_half_width_days=model.min_half_width_days,
    )


def _frame(
    estimates: list[_Estimate], model: TransitModel, as_of: pd.Timestamp | None
) -> pd.DataFrame:
    n = len(estimates)
    p10, p50, p90, widened = _windows(estimates, model)
    claims = np.array([_claim_bounds(e.item.claimed) for e in estimates], dtype=float).reshape(n, 2)
    has_window = ~np.isnan(p50)
    has_claim = ~np.isnan(claims[:, 0])
    outside = has_window & has_claim & ((claims[:, 1] <= p10) | (claims[:, 0] > p90))
    as_of_days = np.nan if as_of is None else _as_timestamp_days(as_of)
    before_as_of = has_window & (p90 < as_of_days) if as_of is not None else np.zeros(n, bool)
    plain = [c for c in C.ESTIMATE_COLUMNS if c not in (C.P10, C.P50, C.P90, *_SHARED)]
    columns: dict[str, list[Any]] = {c: [] for c in plain}
    for i, e in enumerate(estimates):
        flags = list(e.flags)
        if widened[i]:
            flags.append("window_widened")
        if outside[i]:
            flags.append("claim_outside_window")
        if before_as_of[i]:
            flags.append("window_before_as_of")
        info = e.info
        if info is None or not has_window[i]:
            method = "none"
        elif info.region_spread:
            method = "transit_model_region_spread"
        else:
            method = "transit_model"
        claimed = e.item.claimed
        row = {
            C.ID: e.item.id,
            C.ORIGIN: None if e.item.origin is None else e.item.origin.text,
            C.DESTINATION: None if e.item.destination is None else e.item.destination.text,
            C.ORIGIN_STATION: None if e.origin.is_region else e.origin.name,
            C.DESTINATION_STATION: None if e.destination.is_region else e.destination.name,
            C.LENGTH_KM: np.nan if info is None else round(info.length_km, 1),
            C.DEPARTURE_EARLIEST: e.dep_earliest,
            C.DEPARTURE_LATEST: e.dep_latest,
            C.METHOD: method,
            C.CLAIMED_EARLIEST: None if claimed is None else claimed.earliest,
            C.CLAIMED_LATEST: None if claimed is None else claimed.latest,
            C.CLAIMED_PRECISION: None if claimed is None else claimed.precision,
            C.CLAIM_OUTSIDE_WINDOW: bool(outside[i]),
            C.FLAGS: ";".join(dict.fromkeys(flags)),
        }
        for col, value in row.items():
            columns[col].append(value)
    df = pd.DataFrame(columns, columns=plain)
    # A route's label and crossings are shared by its trains: one copy each (categoricals).
    infos = [e.info for e in estimates]
    df[C.ROUTE_LABEL] = shared_categorical([None if i is None else i.label for i in infos])
    df[C.BORDER_CROSSINGS] = shared_categorical(
        [None if i is None else i.crossings_text for i in infos]
    )
    for name, values in ((C.P10, p10), (C.P50, p50), (C.P90, p90)):
        df[name] = _days_to_timestamps(values).to_numpy()
    for col in (C.DEPARTURE_EARLIEST, C.DEPARTURE_LATEST, C.CLAIMED_EARLIEST, C.CLAIMED_LATEST):
        df[col] = pd.to_datetime(df[col]).astype("datetime64[ns]")
    df[C.LENGTH_KM] = df[C.LENGTH_KM].astype("float64")
    df[C.CLAIM_OUTSIDE_WINDOW] = df[C.CLAIM_OUTSIDE_WINDOW].astype(bool)
    return df[list(C.ESTIMATE_COLUMNS)]


def estimate_arrivals(
    shipments: Any,
    network: NetworkLike,
    as_of: date | datetime | str | pd.Timestamp | None = None,
    *,
    model: TransitModel | None = None,
    settings: Settings | None = None,
    route_cache: RouteCache | None = None,
) -> pd.DataFrame:
    """Estimate each shipment's arrival window: p10, p50, p90 beside the source's claim.

    Parameters
    ----------
    shipments
        A :class:`railtrack.ReportSet`, a list of :class:`railtrack.Shipment`, or
        the frame of ``ReportSet.to_frame()``.
    network
        A :class:`railtrack.RailNetwork`: names are resolved and routed on it.
    as_of
        Optional date of knowledge: a departure known only as "after X" of a
        train reported as moving is bounded by it, and windows wholly before it
        are flagged ``window_before_as_of`` (see :func:`railtrack.track_status`
        for status over time).
    model
        Transit-time parameters; default from ``settings`` (see
        :func:`railtrack.calibrate`).
    settings
        Settings for defaults not in ``model`` (open departure windows).
    route_cache
        A :data:`RouteCache` shared with :func:`railtrack.track_status`, so that the
        two route each pair once; ignored unless built for ``network`` and ``model``.

    Returns
    -------
    pandas.DataFrame
        One row per shipment, columns :data:`railtrack.columns.ESTIMATE_COLUMNS`:
        the route and its length (km), the departure window used, arrival ``p10``,
        ``p50``, ``p90`` (Timestamps, to the minute), the ``method``, the claim and
        ``flags`` (see :data:`FLAGS`). Rows that cannot be estimated keep NaT
        windows and say why in ``flags``.

    Raises
    ------
    railtrack.errors.RailtrackError
        If ``as_of`` is not a date.
    railtrack.errors.ReportError
        If a shipments frame lacks the ``id``, ``origin`` or ``destination`` column.
    TypeError
        If a list holds something other than :class:`railtrack.Shipment`.

    Notes
    -----
    Routes and transit quantiles are computed once per distinct (origin,
    destination, via), so many shipments on few routes are cheap.
    """
    settings = settings or DEFAULT_SETTINGS
    model = model or TransitModel.from_settings(settings)
    when = _to_as_of(as_of)
    items = _items(shipments)
    estimator = estimator_for(network, model, route_cache)
    estimates = _estimates(items, estimator, settings, when)
    df = _frame(estimates, model, when)
    logger.info(
        "Estimated %d of %d shipments (%d distinct routes)",
        int(df[C.P50].notna().sum()),
        len(df),
        len(estimator._routes),
    )
    return df

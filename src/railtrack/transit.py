"""The transit-time model: trip time over a routed distance, and arrival quantiles.

The model (:class:`TransitModel`) draws a train's trip time as running time plus
dwell::

    transit_h = length_km / v  +  m * (technical_dwell_h_per_100km * length_km / 100
                                       + border_dwell_h * border_crossings)
    v ~ LogNormal(log(moving_speed_kmh), speed_sigma)
    m ~ LogNormal(log(dwell_scale), dwell_sigma)

with a fixed seed, so every estimate is repeatable. :func:`arrival_quantiles`
spreads a departure window over the arrival window quantile by quantile (the
position in the departure window and the transit time are combined
comonotonically: ``arrival(q) = start + q * width + transit(q)``), which never gives
a narrower window for a wider departure. No window is narrower than
``p50 ± min_half_width_days``.

Every default lives in :class:`railtrack.settings.Settings` with its source; the
fitted ones come from :func:`railtrack.calibrate`. Times are kept as float days
since 1970-01-01 (:func:`to_days`, :func:`days_to_timestamps`).

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
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd

from railtrack.settings import DEFAULT_SETTINGS, Settings

__all__ = [
    "PROBS",
    "QUANTILES",
    "TransitModel",
    "arrival_quantiles",
    "arrival_quantiles_by_route",
    "days_to_timestamps",
    "to_days",
]

PROBS: np.ndarray = np.linspace(0.005, 0.995, 199)
"""Probability grid on which transit and arrival quantile functions are kept."""

QUANTILES: tuple[float, float, float] = (0.1, 0.5, 0.9)
"""The reported quantiles: p10, p50, p90."""

_DAY_S = 86_400.0
_EPOCH = pd.Timestamp("1970-01-01")
_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()


def to_days(value: date | datetime | pd.Timestamp) -> float:
    """Return a date or time as float days since 1970-01-01 (a bare date: its start).

    Parameters
    ----------
    value
        A date (its start, 00:00) or a naive datetime/Timestamp (UTC).

    Returns
    -------
    float
        Days since 1970-01-01 00:00.

    Examples
    --------
    >>> to_days(date(1970, 1, 2)), to_days(pd.Timestamp("1970-01-01 12:00"))
    (1.0, 0.5)
    """
    if type(value) is date:  # the common case, without building a Timestamp
        return float(value.toordinal() - _EPOCH_ORDINAL)
    return float((pd.Timestamp(value) - _EPOCH).total_seconds() / _DAY_S)


def days_to_timestamps(days: np.ndarray) -> pd.Series:
    """Return float days since 1970-01-01 as a datetime64[ns] Series, to the minute.

    Parameters
    ----------
    days
        One-dimensional float days since 1970-01-01 (NaN for none).

    Returns
    -------
    pandas.Series
        ``datetime64[ns]``, rounded to the minute; NaT where ``days`` is NaN.

    Examples
    --------
    >>> days_to_timestamps(np.array([1.5, np.nan])).tolist()
    [Timestamp('1970-01-02 12:00:00'), NaT]
    """
    seconds = np.round(np.asarray(days, dtype=float) * 1440.0) * 60.0  # to the minute
    return pd.Series(pd.to_datetime(seconds, unit="s", origin="unix")).astype("datetime64[ns]")


@lru_cache(maxsize=8)
def _normals(n: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Two fixed, read-only vectors of standard normal draws."""
    rng = np.random.default_rng(seed)
    z = rng.standard_normal((2, n))
    z.setflags(write=False)
    return z[0], z[1]


@lru_cache(maxsize=8)
def _ordered_normals(model: TransitModel) -> tuple[np.ndarray, np.ndarray]:
    """``model``'s normals, in the order that sorts its draws on a route with no crossing."""
    z = _normals(model.draws, model.seed)
    order = np.argsort(model._draws_days([1.0], [0], z)[0], kind="stable")
    ordered = (z[0][order], z[1][order])
    for column in ordered:
        column.setflags(write=False)
    return ordered


_ROWS_KEPT = 50_000
"""Transit quantile rows kept (about 80 MB at most; 100,000 trains take about 12,000 routes)."""

_ROWS: dict[Any, dict[tuple[float, float], np.ndarray]] = {}


def _quantile_rows(model: TransitModel) -> dict[tuple[float, float], np.ndarray]:
    """Return the quantile rows already drawn for ``model``, by (km, border crossings).

    A row depends only on the model and its route's length and crossings, so the
    estimate and status steps (and repeated runs in one session) draw each route once.
    Only the latest model's rows are kept.
    """
    rows = _ROWS.get(model)
    if rows is None:
        rows = {}
        _ROWS.clear()
        _ROWS[model] = rows
    return rows


@dataclass(frozen=True)
class TransitModel:
    """Parameters of the transit-time model; see the module notes for the formula.

    Build one with :meth:`from_settings`; :func:`railtrack.calibrate` returns one
    fitted to observed trips. Units are in the names (km/h, hours, days).

    Examples
    --------
    >>> model = TransitModel.from_settings()
    >>> model.moving_speed_kmh, model.border_dwell_h, model.draws
    (40.6, 6.0, 4000)
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
        """Return the model with the parameters of ``settings`` (default settings).

        Parameters
        ----------
        settings
            Where the speeds (km/h), dwell times (hours) and draws come from; default
            :data:`railtrack.settings.DEFAULT_SETTINGS` (each default sourced there).

        Returns
        -------
        TransitModel
            A frozen model.

        Examples
        --------
        >>> from railtrack.settings import Settings
        >>> TransitModel.from_settings(Settings(moving_speed_kmh=30.0)).moving_speed_kmh
        30.0
        """
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
        """Return a copy with some parameters changed.

        Parameters
        ----------
        **changes
            Field names of the model and their new values.

        Returns
        -------
        TransitModel
            A new model; this one is unchanged.

        Raises
        ------
        TypeError
            When a name is not a field of the model.

        Examples
        --------
        >>> model = TransitModel.from_settings()
        >>> model.replace(border_dwell_h=12.0).border_dwell_h, model.border_dwell_h
        (12.0, 6.0)
        """
        return dataclasses.replace(self, **changes)

    def params(self) -> dict[str, float]:
        """Return the parameters as a plain dict.

        Returns
        -------
        dict of str to float
            Field name to value, in field order (``draws`` and ``seed`` are integers).

        Examples
        --------
        >>> sorted(TransitModel.from_settings().params())[:3]
        ['border_dwell_h', 'draws', 'dwell_scale']
        """
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

        Examples
        --------
        >>> model = TransitModel.from_settings().replace(draws=100)
        >>> draws = model.transit_draws_days([500.0, 1000.0], [0, 1])
        >>> draws.shape, bool((draws[1] > draws[0]).all())
        ((2, 100), True)
        """
        return self._draws_days(length_km, border_crossings, _normals(self.draws, self.seed))

    def _draws_days(
        self,
        length_km: np.ndarray | Sequence[float],
        border_crossings: np.ndarray | Sequence[int],
        normals: tuple[np.ndarray, np.ndarray],
    ) -> np.ndarray:
        """:meth:`transit_draws_days` with the given standard normal draws."""
        length = np.asarray(length_km, dtype=float).reshape(-1, 1)
        borders = np.asarray(border_crossings, dtype=float).reshape(-1, 1)
        z_speed, z_dwell = normals
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
            Each distinct (length, crossings) is drawn once and its row kept for the
            next call with this model (rows are shared: the estimate and status steps
            draw each route once between them).

        Examples
        --------
        >>> model = TransitModel.from_settings().replace(draws=200)
        >>> q = model.transit_quantiles_days([500.0, 1000.0], [0, 1])
        >>> q.shape, bool((q[:, 1:] >= q[:, :-1]).all()), bool((q[1] > q[0]).all())
        ((2, 199), True, True)
        """
        length = np.asarray(length_km, dtype=float).ravel()
        borders = np.asarray(border_crossings, dtype=float).ravel()
        keys = list(zip(length.tolist(), borders.tolist(), strict=True))
        known = _quantile_rows(self)
        have: dict[tuple[float, float], np.ndarray] = {}
        for key in dict.fromkeys(keys):
            row = known.get(key)
            if row is not None:
                have[key] = row
        todo = [k for k in dict.fromkeys(keys) if k not in have]
        for start in range(0, len(todo), chunk):
            part = todo[start : start + chunk]
            draws = self._sorted_draws_days([k[0] for k in part], [k[1] for k in part])
            # Sorted rows give np.quantile the same value at each rank, found faster.
            drawn = np.quantile(draws, PROBS, axis=1).T
            drawn.setflags(write=False)
            have.update(zip(part, drawn, strict=True))
        out = np.empty((length.size, PROBS.size))
        for i, key in enumerate(keys):
            out[i] = have[key]
        if len(known) + len(todo) > _ROWS_KEPT:
            known.clear()
        known.update((k, have[k]) for k in todo if k[0] == k[0])  # a NaN length is not kept
        return out

    def _sorted_draws_days(
        self, length_km: Sequence[float], border_crossings: Sequence[int]
    ) -> np.ndarray:
        """Return ``np.sort(self.transit_draws_days(...), axis=1)``, value for value.

        A route's draws with no border crossing are its length times a factor per
        draw, so the normals put in the order of the draws of a 1 km route give
        every such route its draws already sorted (each draw is the same
        arithmetic on the same two normals, only in another column). Each row is
        checked, and a row that is not in order (a border crossing's dwell, a tie
        broken by rounding, a NaN length) is sorted as before.
        """
        draws = self._draws_days(length_km, border_crossings, _ordered_normals(self))
        if draws.shape[1] > 1:
            unsorted = ~(draws[:, 1:] >= draws[:, :-1]).all(axis=1)  # a NaN fails the test
            if unsorted.any():
                draws[unsorted] = np.sort(draws[unsorted], axis=1)
        return draws

    def mixture_quantiles_days(
        self,
        length_km: np.ndarray | Sequence[float],
        border_crossings: np.ndarray | Sequence[int],
    ) -> np.ndarray:
        """Quantiles (days, on :data:`PROBS`) of the pooled draws of several routes.

        Used for a region origin: each route from one of the region's stations is
        equally likely.

        Parameters
        ----------
        length_km
            Routed lengths, km, one per candidate route.
        border_crossings
            Border crossings on each route.

        Returns
        -------
        numpy.ndarray
            Shape ``(len(PROBS),)``, days, non-decreasing.

        Examples
        --------
        >>> model = TransitModel.from_settings().replace(draws=200)
        >>> q = model.mixture_quantiles_days([500.0, 1000.0], [0, 1])
        >>> one = model.transit_quantiles_days([500.0, 1000.0], [0, 1])
        >>> q.shape, bool(one[0, 100] < q[100] < one[1, 100])
        ((199,), True)
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

    Notes
    -----
    The arrival is the departure (uniform over its window) plus the transit time;
    its quantile function is approximated as ``start + p * width + transit_q(p)``
    on :data:`PROBS` and read at :data:`QUANTILES`.

    Examples
    --------
    A departure on 2023-03-01 (day 19417) within a day, on a 500 km route:

    >>> model = TransitModel.from_settings().replace(draws=200)
    >>> tq = model.transit_quantiles_days([500.0], [0])
    >>> p10, p50, p90, widened = arrival_quantiles(
    ...     np.array([19417.0]), np.array([1.0]), tq, min_half_width_days=1.0
    ... )
    >>> bool(19417.0 <= p10[0] < p50[0] < p90[0]), bool(p90[0] - p50[0] >= 1.0)
    (True, True)

    A lower bound past the whole distribution restarts the window there:

    >>> p10, p50, p90, _ = arrival_quantiles(
    ...     np.array([19417.0]), np.array([1.0]), tq, min_half_width_days=1.0,
    ...     not_before_days=np.array([19440.0]),
    ... )
    >>> float(p10[0]), float(p50[0]), float(p90[0])
    (19440.0, 19441.0, 19442.0)
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
    # Rows with no lower bound in play are interpolated at fixed points, all at once.
    plain = np.isfinite(arrival).all(axis=1) & ~(floor > arrival[:, 0])
    out[plain] = _interp_rows(qs, arrival[plain])
    for i in np.flatnonzero(~plain).tolist():
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


def _interp_rows(targets: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """``np.interp(targets, PROBS, row)`` for each row of ``rows``, in one pass.

    The same arithmetic as numpy's interpolation (the bracketing grid points found
    once, since the targets are the same for every row), so the values are equal to
    the bit. ``rows`` has shape ``(n, len(PROBS))`` and finite values; the result has
    shape ``(n, len(targets))``.

    Examples
    --------
    >>> row = np.linspace(0.0, 10.0, PROBS.size)
    >>> bool((_interp_rows(np.asarray(QUANTILES), row[None, :])[0]
    ...       == np.interp(QUANTILES, PROBS, row)).all())
    True
    """
    out = np.empty((rows.shape[0], targets.size))
    for k, x in enumerate(targets.tolist()):
        if x <= PROBS[0] or x >= PROBS[-1]:
            out[:, k] = rows[:, 0] if x <= PROBS[0] else rows[:, -1]
            continue
        j = int(np.searchsorted(PROBS, x, side="right")) - 1
        if x == PROBS[j]:
            out[:, k] = rows[:, j]
            continue
        slope = (rows[:, j + 1] - rows[:, j]) / (PROBS[j + 1] - PROBS[j])
        out[:, k] = slope * (x - PROBS[j]) + rows[:, j]
    return out


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

    Parameters
    ----------
    start_days
        Departure window starts, days since 1970-01-01 (one per train).
    width_days
        Departure window widths, days.
    transit_q_days
        Per train, its route's transit quantile row on :data:`PROBS` (days), or None
        when the train has no route.
    min_half_width_days
        As in :func:`arrival_quantiles`.
    not_before_days
        Optional lower bounds, days since 1970-01-01 (NaN for none).
    chunk
        Trains combined at a time.

    Returns
    -------
    tuple of numpy.ndarray
        p10, p50, p90 (days since 1970-01-01; NaN for a train without a route) and a
        boolean "widened" mask.

    Examples
    --------
    >>> model = TransitModel.from_settings().replace(draws=200)
    >>> row = model.transit_quantiles_days([500.0], [0])[0]
    >>> p10, p50, p90, widened = arrival_quantiles_by_route(
    ...     np.array([19417.0, 19417.0]), np.array([1.0, 1.0]), [row, None],
    ...     min_half_width_days=1.0,
    ... )
    >>> bool(p50[0] > 19417.0), bool(np.isnan(p50[1])), widened.tolist()
    (True, True, [True, False])

    The first train's window was widened to p50 ± 1 day (``widened``); the second has
    no route, so no window.
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

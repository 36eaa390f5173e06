"""Arrival windows: each shipment's p10, p50, p90 from its route and its departure.

:func:`arrival_windows` is the pipeline step: the shipments table and the routes
table (:func:`railtrack.routes.shipment_routes`) in, one row per shipment out. The
route's length and border crossings give the transit time
(:class:`railtrack.transit.TransitModel`); a region origin ("from Belarus") pools
the draws of the routes from each of the region's report stations (the routes
table's ``origin_routes``), while the route shown is the train's one route. The
departure window is closed first (:func:`departure_windows`): an open end is
widened by ``Settings.open_departure_days`` and, for a train reported as moving,
bounded by the published and as-of dates.

:func:`estimate_arrivals` is the convenience the README shows: it takes loaded
reports and a network, resolves and routes them once, and calls
:func:`arrival_windows`.

Examples
--------
>>> from railtrack import data_path, load_network, load_reports
>>> net = load_network()
>>> reports = load_reports(data_path("reports", "seed-hajun-2023-03.yaml"))
>>> df = estimate_arrivals(reports, net).dropna(subset=["p50"])
>>> bool((df["p10"] <= df["p50"]).all() and (df["p50"] <= df["p90"]).all())
True
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from railtrack import columns as C
from railtrack.errors import RailtrackError
from railtrack.routes import shipment_routes
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
    from railtrack.knowledge import Knowledge
    from railtrack.network import RailNetwork

__all__ = [
    "FLAGS",
    "PROBS",
    "TransitModel",
    "arrival_windows",
    "claimed_arrivals",
    "denied_arrivals",
    "departure_windows",
    "estimate_arrivals",
    "geo_widening_days",
    "known_on",
    "plan_bounded",
    "report_day_cut",
    "report_day_floor",
    "route_transit",
    "started_no_earlier",
    "to_as_of",
    "told_arrival_last_day",
    "told_arrival_start",
    "told_arrivals",
]

logger = logging.getLogger(__name__)

FLAGS: dict[str, str] = {
    **C.ROUTE_FLAGS,
    "no_departure_date": "no departure date: none given, or taken from the report's date",
    "departure_open_start": "departure known only as 'by' a date",
    "departure_open_end": "departure known only as 'after' a date",
    "window_widened": "the model's window was narrower than ±min_half_width_days",
    "window_widened_geo": "an end known only as a town or a region widened the window",
    "claim_outside_window": "the source's claimed arrival lies outside p10-p90",
    "window_before_as_of": "the whole window lies before the as-of date",
    "arrival_as_reported": "the source reports the arrival as seen: the window is that "
    "arrival, not the model's",
    "window_from_plan": "the model had the train there before the arrival its source "
    "plans: the model's window is moved to start at that arrival, its spread kept",
    "window_from_report_day": "no departure date, and the report tells the train on its "
    "way on its publication day: the model's window is cut to start no earlier than that day",
}
"""Every flag :func:`arrival_windows` can set, with its meaning (route flags first)."""

AsOf = date | datetime | str | pd.Timestamp | None


def known_on(reports: ReportSet, as_of: AsOf) -> tuple[ReportSet, Knowledge, AsOf]:
    """Cut ``reports`` to what was known on ``as_of``; return them, the cut-off and the date.

    The step :func:`estimate_arrivals`, :func:`railtrack.tracking.track_status` and the
    command line share: ``as_of`` is checked first, then
    :func:`railtrack.knowledge.cut_off` applied; a None ``as_of`` becomes the date it
    picked, while a given time of day is kept (and cuts posts and sightings timed later).

    Parameters
    ----------
    reports : railtrack.io.ReportSet
        The loaded reports.
    as_of : date, datetime, str, pandas.Timestamp or None
        The date of knowledge; None takes the latest date in ``reports``.

    Returns
    -------
    tuple
        ``(reports known on the date, the railtrack.knowledge.Knowledge cut-off,
        as_of)``; ``as_of`` is the cut-off's date when None was given.

    Raises
    ------
    railtrack.errors.RailtrackError
        If ``as_of`` is not a date.

    Examples
    --------
    >>> from railtrack import data_path, load_reports
    >>> known, knowledge, as_of = known_on(load_reports(data_path("reports")), None)
    >>> as_of == knowledge.as_of, knowledge.basis
    (True, 'latest in input')
    """
    from railtrack.knowledge import cut_off

    to_as_of(as_of)  # a bad date is a RailtrackError before the cut-off
    known, knowledge = cut_off(reports, as_of)
    if as_of is None:
        as_of = knowledge.as_of
    return known, knowledge, as_of


def to_as_of(as_of: AsOf) -> pd.Timestamp | None:
    """Return an as-of date or time as a naive UTC Timestamp (None stays None).

    Parameters
    ----------
    as_of : date, datetime, str, pandas.Timestamp or None
        A date or time; an aware time is converted to UTC.

    Returns
    -------
    pandas.Timestamp or None
        Naive, in UTC.

    Raises
    ------
    railtrack.errors.RailtrackError
        If ``as_of`` is not a date.

    Examples
    --------
    >>> to_as_of("2023-03-07")
    Timestamp('2023-03-07 00:00:00')
    """
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


def _dates(df: pd.DataFrame, col: str) -> pd.Series:
    """Return a date column as normalised datetime64 (all NaT when absent)."""
    if col not in df.columns:
        return pd.Series(pd.NaT, index=df.index, dtype="datetime64[ns]")
    values = pd.to_datetime(df[col], errors="coerce", format="ISO8601")
    if getattr(values.dtype, "tz", None) is not None:
        values = values.dt.tz_localize(None)
    return values.dt.normalize().astype("datetime64[ns]")


def _joined(*parts: pd.Series) -> pd.Series:
    """Join flag columns (";"-joined text, "" for none) row by row, dropping blanks."""
    out = parts[0].fillna("").astype(str)
    for part in parts[1:]:
        text = part.fillna("").astype(str)
        out = (out + ";" + text).str.strip(";").str.replace(";;", ";", regex=False)
    return out


def departure_windows(
    shipments: pd.DataFrame, *, as_of: pd.Timestamp | None = None, settings: Settings | None = None
) -> pd.DataFrame:
    """Close each shipment's departure window: open ends widened, missing dates flagged.

    Parameters
    ----------
    shipments
        The shipments table (``departure_earliest``, ``departure_latest``, ``claim``
        and ``published`` are read; absent ones count as missing).
    as_of
        The date of knowledge: a train reported as moving left by then.
    settings
        ``open_departure_days`` closes an open end.

    Returns
    -------
    pandas.DataFrame
        Same index; ``departure_earliest``, ``departure_latest`` (datetime64 days,
        NaT when unknown) and ``flags`` (";"-joined, see :data:`FLAGS`).

    Examples
    --------
    >>> ships = pd.DataFrame({"departure_earliest": ["2023-03-01"], "published": ["2023-03-03"]})
    >>> departure_windows(ships)["departure_latest"].dt.date.tolist()
    [datetime.date(2023, 3, 3)]
    """
    s = settings or DEFAULT_SETTINGS
    lo, hi = _dates(shipments, C.DEPARTURE_EARLIEST), _dates(shipments, C.DEPARTURE_LATEST)
    published = _dates(shipments, C.PUBLISHED)
    claim = shipments[C.CLAIM] if C.CLAIM in shipments.columns else None
    planned = claim.astype(str).eq("planned") if claim is not None else pd.Series(False, lo.index)
    open_days = pd.Timedelta(days=s.open_departure_days)
    none = lo.isna() & hi.isna()
    open_start = lo.isna() & hi.notna()
    open_end = lo.notna() & hi.isna()
    guessed = none & ~planned & published.notna()
    # a train the source saw arrive left by that arrival, not by the report's date
    told = pd.Series(told_arrivals(shipments), index=lo.index)
    arrived = _dates(shipments, C.ARRIVAL_LATEST)
    latest = published.mask(told & (arrived < published), arrived)
    lo = lo.mask(guessed, latest - open_days).mask(open_start, hi - open_days)
    hi = hi.mask(guessed, latest).mask(open_end, lo + open_days)
    # A moving train left by the day it was reported, and by the as-of date.
    as_of_day = pd.Series(pd.NaT if as_of is None else as_of.normalize(), index=lo.index)
    for known in (published, as_of_day.astype("datetime64[ns]")):
        bound = open_end & ~planned & known.notna() & (known >= lo) & (known < hi)
        hi = hi.mask(bound, known)
    flags = pd.DataFrame(
        {
            "no_departure_date": none,
            "departure_open_start": open_start,
            "departure_open_end": open_end,
        }
    )
    return pd.DataFrame(
        {
            C.DEPARTURE_EARLIEST: lo.astype("datetime64[ns]"),
            C.DEPARTURE_LATEST: hi.astype("datetime64[ns]"),
            C.FLAGS: _flag_text(flags),
        },
        index=shipments.index,
    )


def told_arrival_start(start: np.ndarray, earliest: np.ndarray, last_day: np.ndarray) -> np.ndarray:
    """Return where the window of an arrival a source told starts, in days.

    Its earliest day when the source gives one; else ("arrived by 20 December") the
    day the train could have left, never after the told arrival's last day.

    Parameters
    ----------
    start, earliest, last_day
        Days since 1970-01-01, shape (n,): the departure window's start (NaN when
        unknown), the told arrival's earliest day (NaN or -inf when open) and last day.

    Returns
    -------
    numpy.ndarray
        Days, shape (n,).

    Examples
    --------
    >>> told_arrival_start(np.array([10.0, 10.0, np.nan]), np.array([12.0, -np.inf, np.nan]),
    ...                    np.array([12.0, 20.0, 20.0])).tolist()
    [12.0, 10.0, 20.0]
    """
    by_only = np.where(np.isnan(start), last_day, np.fmin(start, last_day))
    return np.asarray(np.where(np.isfinite(earliest), earliest, by_only), dtype=float)


def started_no_earlier(
    window: tuple[np.ndarray, np.ndarray, np.ndarray], floor: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Move each window later, whole, so that it starts no earlier than ``floor``.

    A window the model puts (partly) before a day the train cannot have arrived
    before keeps its spread: p10, p50 and p90 move by the same number of days, so
    p10 lands on the floor. Clipping instead would stack p10 and p50 on the floor's
    first instant (trial: the seed's Neklinovka train, planned "after 8 March", had
    p10 = p50 = 8 March 00:00).

    Parameters
    ----------
    window
        p10, p50, p90 in days since 1970-01-01, each shape (n,) (NaN when none).
    floor
        Days, shape (n,): the earliest the train can have arrived (NaN or -inf: no floor).

    Returns
    -------
    tuple
        ``(p10, p50, p90, moved)``: the window, and which rows moved.

    Examples
    --------
    >>> p10, p50, p90, moved = started_no_earlier(
    ...     (np.array([1.0, 6.0]), np.array([2.0, 7.0]), np.array([4.0, 9.0])),
    ...     np.array([5.0, 5.0]))
    >>> p10.tolist(), p50.tolist(), p90.tolist(), moved.tolist()
    ([5.0, 6.0], [6.0, 7.0], [8.0, 9.0], [True, False])
    """
    p10, p50, p90 = window
    usable = np.isfinite(floor) & ~np.isnan(p10)
    shift = np.where(usable, np.fmax(np.where(usable, floor, 0.0) - p10, 0.0), 0.0)
    moved = shift > 0.0
    return p10 + shift, p50 + shift, p90 + shift, np.asarray(moved, dtype=bool)


def plan_bounded(
    window: tuple[np.ndarray, np.ndarray, np.ndarray],
    claim: tuple[np.ndarray, np.ndarray],
    told: np.ndarray,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Bound an arrival window by the arrival its source plans: never before it.

    "To arrive on 4 March" puts the train there on 4 March at the earliest; a model
    that would have it there sooner (a short route) does not move it ahead of its
    own timetable. A window that starts before the planned arrival is moved, whole,
    to start at it (:func:`started_no_earlier`: the model's spread is kept, so an
    open plan, "after 8 March", does not stack p10 and p50 on its first instant);
    a planned day or span keeps p50 at the model's or the plan's middle, whichever
    is later (the model's spread goes to p90), and p90 is no earlier than its end. A
    window already after it is left as it is (the source's plan is then flagged
    ``claim_outside_window``). An arrival told as seen (``told``) has its own window
    and is left alone.

    Parameters
    ----------
    window
        p10, p50, p90 in days since 1970-01-01, each shape (n,) (NaN when none).
    claim
        The source's claimed arrival: first day and the end of its last day, in days
        (-inf / +inf for an open end, NaN for none), as :func:`claimed_arrivals` gives them.
    told
        Bool, shape (n,): the rows whose arrival the source told as seen.

    Returns
    -------
    tuple
        ``(p10, p50, p90, bounded)``: the window, and which rows the plan moved.

    Examples
    --------
    >>> p10, p50, p90, moved = plan_bounded(
    ...     (np.array([1.0, 1.0, 5.0]), np.array([2.0, 6.0, 6.0]), np.array([3.0, 9.0, 7.0])),
    ...     (np.array([4.0, 4.0, 4.0]), np.array([5.0, 5.0, np.inf])),
    ...     np.array([False, False, False]))
    >>> p10.tolist(), p50.tolist(), p90.tolist(), moved.tolist()
    ([4.0, 4.0, 5.0], [4.5, 6.0, 6.0], [6.0, 12.0, 7.0], [True, True, False])
    """
    p10, p50, p90 = window
    lo, hi = claim
    planned = np.isfinite(lo) & ~told & ~np.isnan(p50)
    floor = np.where(planned, lo, -np.inf)
    ceiling = np.where(planned & np.isfinite(hi), hi, -np.inf)
    # the middle of the planned day (or span), as the window of a told arrival has it
    middle = np.where(np.isfinite(ceiling), (floor + ceiling) / 2.0, floor)
    bounded = planned & ((p10 < floor) | (p90 < ceiling))
    q10, q50, q90, moved = started_no_earlier((p10, p50, p90), floor)
    # a planned day (or span) has a middle, which p50 keeps to (the spread goes to p90)
    q50 = np.where(moved & np.isfinite(ceiling), p50, q50)
    return (
        q10,
        np.where(planned, np.fmax(q50, middle), q50),
        np.where(planned, np.fmax(q90, np.fmax(floor, ceiling)), q90),
        np.asarray(bounded, dtype=bool),
    )


def report_day_floor(shipments: pd.DataFrame, as_of: pd.Timestamp | None = None) -> np.ndarray:
    """Return the day each train was told on its way, which it cannot have arrived before.

    A report that gives no departure date ("a train of 40 cars is heading to
    Kalinkovichi", "эшелон направляется в ...", published 12 April) tells of a train
    moving on its publication day: the departure is assumed from that day
    (:func:`departure_windows`), and the train has not arrived before it. Not for a
    plan, a told arrival (:func:`told_arrivals`), or an arrival its source dates
    before the publication day: those say otherwise. A train whose source says it had
    not arrived (:func:`denied_arrivals`) had not arrived before that day either.

    Parameters
    ----------
    shipments
        The shipments table (``departure_earliest``, ``departure_latest``,
        ``published``, ``claim``, ``arrival_latest``, ``arrival_told``).
    as_of
        The date of knowledge, as for :func:`told_arrivals`.

    Returns
    -------
    numpy.ndarray
        Days since 1970-01-01, shape (n,): the publication day's start where the rule
        applies, NaN elsewhere.

    Examples
    --------
    >>> ships = pd.DataFrame({"published": ["1970-01-11", "1970-01-11", "1970-01-11"],
    ...                       "departure_earliest": [None, "1970-01-02", None],
    ...                       "claim": ["sighted", "sighted", "planned"]})
    >>> report_day_floor(ships).tolist()
    [10.0, nan, nan]
    """
    dep = (
        _dates(shipments, C.DEPARTURE_EARLIEST).isna()
        & _dates(shipments, C.DEPARTURE_LATEST).isna()
    )
    published = _days(_dates(shipments, C.PUBLISHED))
    claim = shipments[C.CLAIM].astype(str) if C.CLAIM in shipments.columns else None
    planned = claim.eq("planned").to_numpy() if claim is not None else np.zeros(len(dep), bool)
    arrived = _days(_dates(shipments, C.ARRIVAL_LATEST))
    before = arrived < published  # False where either is unknown
    told = told_arrivals(shipments, as_of) | _told(shipments)
    applies = dep.to_numpy() & ~planned & ~told & ~before
    # a train its source says had not arrived by the report's day (trial13 T1)
    applies = (applies | denied_arrivals(shipments)) & ~np.isnan(published)
    return np.asarray(np.where(applies, published, np.nan), dtype=float)


def report_day_cut(
    departure: tuple[np.ndarray, np.ndarray, Sequence[np.ndarray | None]],
    floor: np.ndarray,
    geo: np.ndarray,
    *,
    min_half_width_days: float,
) -> np.ndarray:
    """Return which windows :func:`report_day_floor` cut: the model had them start sooner.

    Parameters
    ----------
    departure
        The departure window's start and width (days, shape (n,)) and each train's
        transit quantile row (None when not routed).
    floor
        :func:`report_day_floor`, days, shape (n,).
    geo
        :func:`geo_widening_days`, shape (n,).
    min_half_width_days
        As for :func:`railtrack.transit.arrival_quantiles`.

    Returns
    -------
    numpy.ndarray
        Bool, shape (n,).

    Examples
    --------
    >>> nan = np.nan
    >>> report_day_cut((np.array([0.0]), np.array([1.0]), [None]), np.array([nan]),
    ...                np.array([0.0]), min_half_width_days=0.5)
    array([False])
    """
    start, width, tq = departure
    cut = np.zeros(len(floor), dtype=bool)
    rows = np.flatnonzero(~np.isnan(floor))
    if rows.size:
        p10, _, _, _ = arrival_quantiles_by_route(
            start[rows],
            width[rows],
            [tq[int(i)] for i in rows],
            min_half_width_days=min_half_width_days,
        )
        cut[rows] = ~np.isnan(p10) & (p10 - geo[rows] < floor[rows])
    return cut


def told_arrivals(shipments: pd.DataFrame, as_of: pd.Timestamp | None = None) -> np.ndarray:
    """Return which trains their source reports as arrived: a told arrival beats the model.

    A record that claims what was seen (``claim`` "sighted") tells an arrival that
    happened when it dates the arrival no later than its own publication day
    ("arrived at Polonka on 8 January" published on 9 January, "arrived on 6 March"
    published that evening, "arrived last night": the night's two days, the second
    the publication day), or when it tells the arrival as past with no date
    (``arrival_told``: "arrived at Kalinkovichi", "прибыл в Калинковичи",
    "przyjechał do Kalinkowicz"; it arrived by the publication day,
    :func:`told_arrival_last_day`). A record with no publication date cannot say
    whether its arrival was seen or expected; one published after ``as_of`` was not
    yet known.

    Parameters
    ----------
    shipments
        The shipments table (``claim``, ``published``, ``arrival_latest`` and
        ``arrival_told`` read; absent columns count as missing).
    as_of
        The date of knowledge, or None (no bound).

    Returns
    -------
    numpy.ndarray
        Bool, shape (n,), row for row.

    Examples
    --------
    >>> ships = pd.DataFrame({"claim": ["sighted", "sighted", "expected", "sighted", "sighted"],
    ...                       "published": ["2023-03-06", "2023-03-06", "2023-03-06", None,
    ...                                     "2023-03-06"],
    ...                       "arrival_latest": ["2023-03-06", "2023-03-07", "2023-03-05",
    ...                                          "2023-03-05", None],
    ...                       "arrival_told": [False, False, False, False, True]})
    >>> told_arrivals(ships).tolist()
    [True, False, False, False, True]
    >>> told_arrivals(ships, pd.Timestamp("2023-03-05")).tolist()
    [False, False, False, False, False]
    """
    if C.CLAIM not in shipments.columns:
        return np.zeros(len(shipments), dtype=bool)
    sighted = shipments[C.CLAIM].astype(str).eq("sighted").to_numpy()
    published = _days(_dates(shipments, C.PUBLISHED))
    arrived = _days(_dates(shipments, C.ARRIVAL_LATEST))
    # False where either is unknown (NaN); an undated told arrival: by the publication day
    told = sighted & ((arrived <= published) | (_told(shipments) & np.isnan(arrived)))
    told &= ~np.isnan(published) & ~denied_arrivals(shipments)
    if as_of is not None:
        told &= published <= to_days(as_of.normalize())
    return np.asarray(told, dtype=bool)


def denied_arrivals(shipments: pd.DataFrame) -> np.ndarray:
    """Return which trains their source says had not arrived by its publication day.

    "Ожидавшийся 15 апреля в Бресте эшелон так и не пришёл", "do tej pory nie dotarł",
    "never arrived" (``arrival_denied``, trial13 T1): the day it was awaited has passed
    and it had not come; it is never told arrived (:func:`told_arrivals`), and it had not
    arrived before the report's day (:func:`report_day_floor`).

    Parameters
    ----------
    shipments
        The shipments table (``arrival_denied`` read; absent or missing: False).

    Returns
    -------
    numpy.ndarray
        Bool, shape (n,), row for row.

    Examples
    --------
    >>> denied_arrivals(pd.DataFrame({"arrival_denied": [True, None, False]})).tolist()
    [True, False, False]
    >>> denied_arrivals(pd.DataFrame({"id": ["a"]})).tolist()
    [False]
    """
    if C.ARRIVAL_DENIED not in shipments.columns:
        return np.zeros(len(shipments), dtype=bool)
    column = shipments[C.ARRIVAL_DENIED].astype("boolean").fillna(False)
    return column.to_numpy(dtype=bool)


def _told(shipments: pd.DataFrame) -> np.ndarray:
    """Return the ``arrival_told`` column as bool (False when absent or missing)."""
    if C.ARRIVAL_TOLD not in shipments.columns:
        return np.zeros(len(shipments), dtype=bool)
    return shipments[C.ARRIVAL_TOLD].astype("boolean").fillna(False).to_numpy(dtype=bool)


def told_arrival_last_day(shipments: pd.DataFrame) -> np.ndarray:
    """Return the last day a told arrival can have happened on, in days since 1970-01-01.

    The told arrival's own last day when the source dates it, else (an arrival told
    as past with no date, ``arrival_told``) the report's publication day: it had
    arrived by then. The shipments table itself is never dated by it: the
    publication day is a bound on the arrival, not the source's date of it.

    Parameters
    ----------
    shipments
        The shipments table (``arrival_latest``, ``arrival_told``, ``published``).

    Returns
    -------
    numpy.ndarray
        Days, shape (n,); NaN where neither is known. Meaningful for the rows
        :func:`told_arrivals` gives.

    Examples
    --------
    >>> ships = pd.DataFrame({"published": ["2023-03-06", "2023-03-06"],
    ...                       "arrival_latest": ["2023-03-04", None],
    ...                       "arrival_told": [False, True]})
    >>> [str(pd.Timestamp(d, unit="D").date()) for d in told_arrival_last_day(ships)]
    ['2023-03-04', '2023-03-06']
    """
    arrived = _days(_dates(shipments, C.ARRIVAL_LATEST))
    published = _days(_dates(shipments, C.PUBLISHED))
    return np.asarray(np.where(np.isnan(arrived), published, arrived), dtype=float)


def _flag_text(flags: pd.DataFrame) -> pd.Series:
    """Return the names of the True columns of each row, ";"-joined."""
    out = pd.Series("", index=flags.index, dtype=object)
    for name in flags.columns:
        out = out.where(~flags[name], out + ";" + name)
    return out.str.lstrip(";")


def _route_keys(routes: pd.DataFrame) -> list[tuple[tuple[float, int], ...]]:
    """Return what the transit time of each train depends on: its routes' (km, crossings)."""
    # Python floats and ints (tolist), not numpy scalars: the same keys, read 3 times faster.
    lengths: list[float] = routes[C.LENGTH_KM].to_numpy(dtype=float).tolist()
    borders: list[int] = routes[C.BORDER_CROSSINGS_N].fillna(0).to_numpy(dtype=np.int64).tolist()
    keys: list[tuple[tuple[float, int], ...]] = []
    for km, n, spread in zip(lengths, borders, routes[C.ORIGIN_ROUTES].tolist(), strict=True):
        if km != km:  # NaN: not routed
            keys.append(())
        elif isinstance(spread, tuple) and len(spread) > 1:
            keys.append(tuple((float(r[1]), int(r[2])) for r in spread))
        else:
            keys.append(((km, n),))
    return keys


def route_transit(
    routes: pd.DataFrame, model: TransitModel
) -> tuple[np.ndarray, list[np.ndarray | None]]:
    """Return each train's transit quantiles (days, on :data:`PROBS`), drawn once per route.

    Parameters
    ----------
    routes
        The routes table (``length_km``, ``border_crossings_n``, ``origin_routes``).
    model
        The transit-time model.

    Returns
    -------
    tuple
        A code per train (-1 when not routed) and the quantile row of each code: a
        region origin's row pools the routes from each report station.

    Examples
    --------
    >>> from railtrack import data_path, load_network, load_reports
    >>> from railtrack.routes import shipment_routes
    >>> net = load_network(national=False)
    >>> reports = load_reports(data_path("reports") / "seed-hajun-2023-03.yaml").resolve(net)
    >>> shipments = reports.to_frame()
    >>> routes = shipment_routes(shipments, net)
    >>> codes, rows = route_transit(routes, TransitModel())
    >>> codes.tolist(), len(rows[codes[1]]) == len(PROBS)
    ([0, 1], True)
    """
    keys = _route_keys(routes)
    codes, distinct = pd.factorize(pd.Series(keys, dtype=object))
    single = [i for i, k in enumerate(distinct) if len(k) == 1]
    quantiles: list[np.ndarray | None] = [None] * len(distinct)
    if single:
        drawn = model.transit_quantiles_days(
            [distinct[i][0][0] for i in single], [distinct[i][0][1] for i in single]
        )
        for row, i in enumerate(single):
            quantiles[i] = drawn[row]
    for i, key in enumerate(distinct):
        if len(key) > 1:
            quantiles[i] = model.mixture_quantiles_days([k[0] for k in key], [k[1] for k in key])
    codes = np.where([len(k) == 0 for k in keys], -1, codes).astype(np.int64)
    return codes, quantiles


def claimed_arrivals(shipments: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Return the source's claimed arrival bounds in days (±inf for an open end, NaN none).

    Parameters
    ----------
    shipments
        The shipments table (``arrival_earliest``, ``arrival_latest``).

    Returns
    -------
    tuple
        ``(first, end)``: the claimed arrival's first day and the end of its last
        day, days since 1970-01-01, each shape (n,).

    Examples
    --------
    >>> lo, hi = claimed_arrivals(pd.DataFrame({"arrival_earliest": ["1970-01-05", None],
    ...                                          "arrival_latest": ["1970-01-05", None]}))
    >>> lo.tolist(), hi.tolist()
    ([4.0, nan], [5.0, nan])
    """
    lo, hi = _dates(shipments, C.ARRIVAL_EARLIEST), _dates(shipments, C.ARRIVAL_LATEST)
    days_lo = _days(lo)
    days_hi = _days(hi) + 1.0
    claimed = lo.notna() | hi.notna()
    days_lo = np.where(claimed & lo.isna(), -np.inf, days_lo)
    days_hi = np.where(claimed & hi.isna(), np.inf, days_hi)
    return days_lo, days_hi


def _days(values: pd.Series) -> np.ndarray:
    """Return datetime64 values as float days since 1970-01-01 (NaN for NaT)."""
    ns = values.astype("datetime64[ns]").to_numpy()
    out = ns.astype("int64").astype(float) / 86_400e9
    return np.where(np.isnat(ns), np.nan, out)


def _text_column(df: pd.DataFrame, col: str) -> pd.Series:
    if col not in df.columns:
        return pd.Series(None, index=df.index, dtype=object)
    return df[col].astype(object).where(df[col].notna(), None)


def arrival_windows(
    shipments: pd.DataFrame,
    routes: pd.DataFrame,
    *,
    as_of: AsOf = None,
    model: TransitModel | None = None,
    settings: Settings | None = None,
) -> pd.DataFrame:
    """Estimate each shipment's arrival window: p10, p50, p90 beside the source's claim.

    Parameters
    ----------
    shipments
        The shipments table of resolved reports (``ReportSet.to_frame()``).
    routes
        Their routes, row for row (:func:`railtrack.routes.shipment_routes`).
    as_of
        Optional date of knowledge: a departure known only as "after X" of a train
        reported as moving is bounded by it, and windows wholly before it are
        flagged ``window_before_as_of`` (see :func:`railtrack.track_status` for
        status over time).
    model
        Transit-time parameters; default from ``settings`` (see
        :func:`railtrack.calibrate`).
    settings
        Settings for defaults not in ``model`` (open departure windows).

    Returns
    -------
    pandas.DataFrame
        One row per shipment, columns :data:`railtrack.columns.ESTIMATE_COLUMNS`:
        the route and its length (km) from the routes table, the departure window
        used, arrival ``p10``, ``p50``, ``p90`` (Timestamps, to the minute), the
        ``method``, the claim and ``flags`` (see :data:`FLAGS`). Rows that cannot be
        estimated keep NaT windows and say why in ``flags``.

    Raises
    ------
    ValueError
        When the two tables do not list the same shipments in the same order.
    railtrack.errors.RailtrackError
        If ``as_of`` is not a date.

    Examples
    --------
    >>> from railtrack import data_path, load_network, load_reports
    >>> from railtrack.routes import shipment_routes
    >>> net = load_network(national=False)
    >>> reports = load_reports(data_path("reports") / "seed-hajun-2023-03.yaml").resolve(net)
    >>> shipments = reports.to_frame()
    >>> routes = shipment_routes(shipments, net)
    >>> df = arrival_windows(shipments, routes, as_of="2023-03-05")
    >>> df.loc[1, "p90"], df.loc[1, "method"]
    (Timestamp('2023-03-14 15:04:00'), 'transit_model_region_spread')
    >>> arrival_windows(shipments, routes.iloc[::-1], as_of="2023-03-05")
    Traceback (most recent call last):
    ...
    ValueError: the routes table must list the shipments' ids in the same order
    """
    settings = settings or DEFAULT_SETTINGS
    model = model or TransitModel.from_settings(settings)
    when = to_as_of(as_of)
    ships = shipments.reset_index(drop=True)
    routes = routes.reset_index(drop=True)
    _check_rows(ships, routes)
    departure = departure_windows(ships, as_of=when, settings=settings)
    start = _days(departure[C.DEPARTURE_EARLIEST])
    width = _days(departure[C.DEPARTURE_LATEST]) + 1.0 - start
    codes, quantiles = route_transit(routes, model)
    tq = [None if c < 0 else quantiles[c] for c in codes]
    # a train told on its way on the report's day had not arrived before that day:
    # the model's window is conditioned on it (cut there, its rest kept)
    floor = report_day_floor(ships, when)
    p10, p50, p90, widened = arrival_quantiles_by_route(
        start, width, tq, min_half_width_days=model.min_half_width_days, not_before_days=floor
    )
    geo = geo_widening_days(routes, settings)
    from_report = report_day_cut(
        (start, width, tq), floor, geo, min_half_width_days=model.min_half_width_days
    )
    # widened, but never before the train could have left (or was told on its way)
    lowest = np.fmax(start, floor)
    p10, p90 = np.where(np.isnan(p10), np.nan, np.fmax(p10 - geo, lowest)), p90 + geo
    claim_lo, claim_hi = claimed_arrivals(ships)
    # An arrival the source saw beats the model: the window is that arrival.
    told = told_arrivals(ships, when)
    last_day = told_arrival_last_day(ships)
    p10 = np.where(told, told_arrival_start(start, claim_lo, last_day), p10)
    p90 = np.where(told, last_day + 1.0, p90)
    p50 = np.where(told, (p10 + p90) / 2.0, p50)
    p10, p50, p90, planned = plan_bounded((p10, p50, p90), (claim_lo, claim_hi), told)
    from_report &= ~told
    modelled = ~np.isnan(p50) & ~told
    has_window = ~np.isnan(p50)
    outside = modelled & ~np.isnan(claim_lo) & ((claim_hi <= p10) | (claim_lo > p90))
    before = has_window & (p90 < to_days(when)) if when is not None else np.zeros(len(ships), bool)
    window_flags = _flag_text(
        pd.DataFrame(
            {
                "window_widened": widened & modelled,
                "window_widened_geo": modelled & (geo > 0),
                "claim_outside_window": outside,
                "window_before_as_of": before,
                "arrival_as_reported": told,
                "window_from_plan": planned,
                "window_from_report_day": from_report,
            }
        )
    )
    region = routes[C.ORIGIN_ROUTES].map(lambda r: isinstance(r, tuple) and len(r) > 0)
    method = np.where(
        ~has_window,
        "none",
        np.where(
            told,
            "reported_arrival",
            np.where(region, "transit_model_region_spread", "transit_model"),
        ),
    )
    claimed = ships[[c for c in (C.ARRIVAL_EARLIEST, C.ARRIVAL_LATEST) if c in ships]].notna()
    has_claim = claimed.any(axis=1) if len(claimed.columns) else pd.Series(False, ships.index)
    df = pd.DataFrame(
        {
            C.ID: ships[C.ID].astype(str).to_numpy(dtype=object),
            C.ORIGIN: _text_column(ships, C.ORIGIN),
            C.DESTINATION: _text_column(ships, C.DESTINATION),
            C.ORIGIN_STATION: _station_names(ships, C.ORIGIN),
            C.DESTINATION_STATION: _station_names(ships, C.DESTINATION),
            C.ROUTE_LABEL: routes[C.ROUTE_LABEL],
            C.LENGTH_KM: routes[C.LENGTH_KM].astype("float64").round(1),
            C.BORDER_CROSSINGS: routes[C.BORDER_CROSSINGS],
            C.DEPARTURE_EARLIEST: departure[C.DEPARTURE_EARLIEST],
            C.DEPARTURE_LATEST: departure[C.DEPARTURE_LATEST],
            C.P10: days_to_timestamps(p10).to_numpy(),
            C.P50: days_to_timestamps(p50).to_numpy(),
            C.P90: days_to_timestamps(p90).to_numpy(),
            C.METHOD: method,
            C.CLAIMED_EARLIEST: _dates(ships, C.ARRIVAL_EARLIEST),
            C.CLAIMED_LATEST: _dates(ships, C.ARRIVAL_LATEST),
            C.CLAIMED_PRECISION: _text_column(ships, C.ARRIVAL_PRECISION).where(has_claim, None),
            C.CLAIM_OUTSIDE_WINDOW: outside.astype(bool),
            C.FLAGS: _joined(routes[C.FLAGS], departure[C.FLAGS], window_flags),
        }
    )
    if C.ARRIVAL_PRECISION in ships.columns:
        df[C.CLAIMED_PRECISION] = df[C.CLAIMED_PRECISION].where(
            ~has_claim | df[C.CLAIMED_PRECISION].notna(), "day"
        )
    logger.info("Estimated %d of %d shipments", int(has_window.sum()), len(df))
    return df[list(C.ESTIMATE_COLUMNS)]


def geo_widening_days(routes: pd.DataFrame, settings: Settings) -> np.ndarray:
    """Days to widen each arrival window by for ends known only as a town or region.

    Each end of geo precision ``"town"`` adds :attr:`Settings.geo_widen_town_days`
    on either side; a ``"region"`` destination adds
    :attr:`Settings.geo_widen_region_days` (a region origin is already spread over
    its report stations' routes).

    Parameters
    ----------
    routes
        The routes table (:func:`railtrack.routes.shipment_routes`), with
        ``origin_geo_precision`` and ``destination_geo_precision``.
    settings
        Source of the widths.

    Returns
    -------
    numpy.ndarray
        Days per row, float, shape (n,); 0 where both ends are stations or unknown.

    Examples
    --------
    >>> routes = pd.DataFrame({"origin_geo_precision": ["station", "town", "region"],
    ...                        "destination_geo_precision": ["town", "region", None]})
    >>> geo_widening_days(routes, DEFAULT_SETTINGS).tolist()
    [0.5, 1.5, 0.0]
    """

    def column(col: str) -> pd.Series:
        if col not in routes.columns:
            return pd.Series("", index=routes.index)
        return routes[col].astype(object).fillna("")

    origin, destination = column(C.ORIGIN_GEO_PRECISION), column(C.DESTINATION_GEO_PRECISION)
    town = settings.geo_widen_town_days
    days = np.where(origin == "town", town, 0.0) + np.where(destination == "town", town, 0.0)
    days += np.where(destination == "region", settings.geo_widen_region_days, 0.0)
    return np.asarray(days, dtype="float64")


def _station_names(ships: pd.DataFrame, prefix: str) -> pd.Series:
    """Return the resolved station name of an end (None for a region or unresolved)."""
    names = _text_column(ships, f"{prefix}_station")
    ids = _text_column(ships, f"{prefix}_station_id")
    return names.where(ids.notna(), None)


def _check_rows(ships: pd.DataFrame, routes: pd.DataFrame) -> None:
    for table, name in ((ships, "shipments"), (routes, "routes")):
        if C.ID not in table.columns:
            msg = f"the {name} table has no {C.ID!r} column (see railtrack.columns)"
            raise ValueError(msg)
    same = (
        len(ships) == len(routes)
        and (ships[C.ID].astype(str).to_numpy() == routes[C.ID].astype(str).to_numpy()).all()
    )
    if not same:
        msg = "the routes table must list the shipments' ids in the same order"
        raise ValueError(msg)


def estimate_arrivals(
    reports: ReportSet | pd.DataFrame,
    network: RailNetwork,
    as_of: AsOf = None,
    *,
    model: TransitModel | None = None,
    settings: Settings | None = None,
) -> pd.DataFrame:
    """Resolve, route and estimate loaded reports in one call (see :func:`arrival_windows`).

    Parameters
    ----------
    reports
        A :class:`railtrack.ReportSet` (resolved here on ``network``) or the
        shipments table of resolved reports.
    network
        The :class:`railtrack.RailNetwork` to resolve and route on.
    as_of
        The date of knowledge. For a ReportSet, only reports published (and
        sightings made) on or before it count, as for :func:`railtrack.pipeline.track`;
        None takes the latest publication or sighting date in the reports and
        ``"today"`` the wall-clock date (:func:`railtrack.knowledge.cut_off`). For a
        table, as for :func:`arrival_windows` (nothing is left out).
    model, settings
        As for :func:`arrival_windows`.

    Returns
    -------
    pandas.DataFrame
        :func:`arrival_windows` of the reports and their routes;
        ``df.attrs["knowledge"]`` is the :class:`railtrack.knowledge.Knowledge`
        (what the cut-off left out; None for a table).

    Raises
    ------
    railtrack.errors.RailtrackError
        If ``as_of`` is not a date.
    ValueError
        If a shipments table has no ``id`` column.

    Notes
    -----
    The table has one row per shipment and the columns of
    :data:`railtrack.columns.ESTIMATE_COLUMNS`: the route and its ``length_km``
    (km), the departure window used, the arrival quantiles ``p10``/``p50``/``p90``
    (Timestamps, UTC without a zone, to the minute), the ``method`` and ``flags``.
    The transit-time model, its defaults and their sources are described in
    ``data/calibration/README.md`` (speeds from the domain fact sheet, DOMAIN.md).

    Examples
    --------
    >>> from railtrack import data_path, load_network, load_reports
    >>> reports = load_reports(data_path("reports") / "seed-hajun-2023-03.yaml")
    >>> df = estimate_arrivals(reports, load_network(national=False), as_of="2023-03-05")
    >>> row = df.loc[1]
    >>> row["destination_station"], float(row["length_km"])
    ('Neklinovka', 1803.8)
    >>> row["p10"], row["p90"]
    (Timestamp('2023-03-08 00:00:00'), Timestamp('2023-03-14 15:04:00'))
    >>> df.loc[1, "flags"]
    'origin_region;window_from_plan'
    >>> df.attrs["knowledge"].as_of
    datetime.date(2023, 3, 5)
    >>> estimate_arrivals(reports, load_network(national=False), as_of="soon")
    Traceback (most recent call last):
    ...
    railtrack.errors.RailtrackError: as-of date 'soon' is not a date (use YYYY-MM-DD)
    """
    knowledge = None
    if isinstance(reports, pd.DataFrame):
        shipments = reports
    else:
        known, knowledge, as_of = known_on(reports, as_of)
        shipments = known.resolve(network).to_frame()
    routes = shipment_routes(shipments, network)
    df = arrival_windows(shipments, routes, as_of=as_of, model=model, settings=settings)
    df.attrs["knowledge"] = knowledge
    return df

"""Each train's best date: the date volumes over time and the briefing's period use.

A train is dated by what is known of it, best first: its departure, else the first
time it was sighted, else its reported arrival, else the date the report was
published. A window of several days (a hedged "в начале марта", 1-10 March) stands
at its middle day, the earlier of two; a window with one bound at that bound. The
basis travels with the date, so a chart can say how its trains were dated.
"""

from __future__ import annotations

import pandas as pd

from railtrack import columns as C

__all__ = [
    "BASES",
    "BEST_DATE",
    "BEST_FIRST",
    "BEST_LAST",
    "DATE_BASIS",
    "best_dates",
    "middle_day",
    "with_best_dates",
]

BEST_DATE = C.BEST_DATE
DATE_BASIS = C.DATE_BASIS
BASES: tuple[str, ...] = ("departure", "sighting", "reported arrival", "published")
"""The bases of :func:`best_dates`, best first."""


def _column(df: pd.DataFrame, col: str) -> pd.Series:
    if col not in df.columns:
        return pd.Series(pd.NaT, index=df.index, dtype="datetime64[ns]")
    values = pd.to_datetime(df[col], errors="coerce")
    if getattr(values.dt, "tz", None) is not None:
        values = values.dt.tz_convert(None)
    return values.astype("datetime64[ns]")


def middle_day(df: pd.DataFrame, first: str, last: str) -> pd.Series:
    """Return the middle day of each window (its one bound when only one is known).

    ``first`` and ``last`` name the window's bound columns (dates or ISO text); the
    result is datetime64 days, NaT where neither bound is known.

    A hedged window ("в начале марта": 1-10 March) is placed by its middle day (5
    March), never by its first: a week's chart must not draw it in the week of 23
    February because 1 March is a Sunday (trial19 T10). The middle of an even span
    is the earlier of its two middle days.

    Parameters
    ----------
    df
        Any table holding the two bound columns (a missing column counts as unknown).
    first, last
        The names of the window's first and last day columns: dates, timestamps
        (a time zone is dropped) or ISO text; text that is no date counts as unknown.

    Returns
    -------
    pandas.Series
        ``datetime64[ns]`` days, one per row of ``df`` (same index): the middle day,
        the one bound known, or NaT. Raises nothing.

    Examples
    --------
    >>> df = pd.DataFrame({"lo": ["2026-03-01", "2026-03-01", None, None],
    ...                    "hi": ["2026-03-10", None, "2026-03-07", None]})
    >>> [str(d)[:10] for d in middle_day(df, "lo", "hi")]
    ['2026-03-05', '2026-03-01', '2026-03-07', 'NaT']
    """
    lo, hi = _column(df, first).dt.normalize(), _column(df, last).dt.normalize()
    middle = lo + ((hi - lo) / 2).dt.floor("D")
    out: pd.Series = middle.where(lo.notna() & hi.notna(), lo.fillna(hi))
    return out


BEST_FIRST = "best_first"
"""The first day of the window a train's best date comes from (:func:`best_dates`)."""

BEST_LAST = "best_last"
"""The last day of the window a train's best date comes from (:func:`best_dates`)."""


def best_dates(
    shipments: pd.DataFrame, sightings: pd.DataFrame | None = None, *, window: bool = False
) -> pd.DataFrame:
    """Return each train's best date and its basis.

    Parameters
    ----------
    shipments
        One row per train (``ReportSet.to_frame()`` columns).
    sightings
        One row per sighting (``ReportSet.sightings_frame()``), or None.
    window
        Also return ``best_first`` and ``best_last``: the window the best date comes
        from, as told ("в начале марта": 1 and 10 March, where ``best_date`` is its
        middle day, 5 March, for grouping by week only; review19 #12).

    Returns
    -------
    pandas.DataFrame
        Columns ``id``, ``best_date`` (datetime64, the start of the day, or of a
        window's middle day)
        and ``date_basis`` (one of :data:`BASES`, or None when nothing dates the
        train), in the order of ``shipments``.

    Examples
    --------
    >>> ships = pd.DataFrame({"id": ["a", "b", "c", "d"],
    ...     "departure_earliest": pd.to_datetime(["2023-03-01", None, None, None]),
    ...     "arrival_earliest": pd.to_datetime([None, "2023-03-09", "2023-03-08", None]),
    ...     "published": pd.to_datetime(["2023-03-03"] * 3 + [None])})
    >>> seen = pd.DataFrame({"shipment": ["b"], "seen_at": pd.to_datetime(["2023-03-04 10:00"])})
    >>> best_dates(ships, seen)["date_basis"].tolist()
    ['departure', 'sighting', 'reported arrival', None]
    """
    ids = shipments[C.ID].astype(str) if C.ID in shipments.columns else pd.Series(dtype=str)
    departure = middle_day(shipments, C.DEPARTURE_EARLIEST, C.DEPARTURE_LATEST)
    arrival = middle_day(shipments, C.ARRIVAL_EARLIEST, C.ARRIVAL_LATEST)
    published = _column(shipments, C.PUBLISHED)
    seen = pd.Series(pd.NaT, index=shipments.index, dtype="datetime64[ns]")
    if sightings is not None and len(sightings) and C.SHIPMENT in sightings.columns:
        first = (
            pd.DataFrame(
                {"shipment": sightings[C.SHIPMENT].astype(str), "at": _column(sightings, C.SEEN_AT)}
            )
            .dropna()
            .groupby("shipment")["at"]
            .min()
        )
        seen = pd.Series(ids.map(first).to_numpy(), index=shipments.index).astype("datetime64[ns]")
    spans = (
        _span(shipments, C.DEPARTURE_EARLIEST, C.DEPARTURE_LATEST),
        (seen, seen),
        _span(shipments, C.ARRIVAL_EARLIEST, C.ARRIVAL_LATEST),
        (published, published),
    )
    best = pd.Series(pd.NaT, index=shipments.index, dtype="datetime64[ns]")
    lo = best.copy()
    hi = best.copy()
    basis: list[str | None] = [None] * len(shipments)
    values_by_basis = (departure, seen, arrival, published)
    for name, values, (first, last) in zip(BASES, values_by_basis, spans, strict=True):
        fill = best.isna() & values.notna()
        best[fill] = values[fill].dt.normalize()
        lo[fill] = first[fill].dt.normalize()
        hi[fill] = last[fill].dt.normalize()
        for i in fill.to_numpy().nonzero()[0]:
            basis[i] = name
    out = pd.DataFrame(
        {
            C.ID: ids.to_numpy(),
            BEST_DATE: best.to_numpy(),
            DATE_BASIS: pd.Series(basis, dtype=object),
        }
    )
    if window:
        out[BEST_FIRST] = lo.to_numpy()
        out[BEST_LAST] = hi.to_numpy()
    return out


def _span(df: pd.DataFrame, first: str, last: str) -> tuple[pd.Series, pd.Series]:
    """Return a window's first and last days, each the other when only one is known."""
    lo, hi = _column(df, first), _column(df, last)
    return lo.fillna(hi), hi.fillna(lo)


def with_best_dates(shipments: pd.DataFrame, sightings: pd.DataFrame | None) -> pd.DataFrame:
    """Return ``shipments`` with the ``best_date`` and ``date_basis`` columns added.

    Parameters
    ----------
    shipments
        One row per train (``ReportSet.to_frame()`` columns); not changed.
    sightings
        One row per sighting (``ReportSet.sightings_frame()``), or None.

    Returns
    -------
    pandas.DataFrame
        A copy of ``shipments``, same rows and index, with ``best_date`` (datetime64)
        and ``date_basis`` (one of :data:`BASES`, or None) as in :func:`best_dates`.

    Examples
    --------
    >>> ships = pd.DataFrame({"id": ["a"], "published": pd.to_datetime(["2023-03-03"])})
    >>> with_best_dates(ships, None)[["best_date", "date_basis"]].iloc[0].tolist()
    [Timestamp('2023-03-03 00:00:00'), 'published']
    """
    dates = best_dates(shipments, sightings)
    out = shipments.copy()
    out[BEST_DATE] = dates[BEST_DATE].to_numpy()
    out[DATE_BASIS] = pd.Series(dates[DATE_BASIS].to_numpy(), index=out.index, dtype=object)
    return out

"""Summaries as mergeable partial group-bys: what the Dask engine's summarise stage runs.

:func:`railtrack.summary.summarize_views` sums *contributions* (one per train, then
one per group remainder) per combination of a view's keys. The sums, minima and
``any`` flags merge across partitions; so do the text columns, each with its own
partial state. The Dask engine therefore

1. turns each partition of trains (partitions in load order, see
   :mod:`railtrack.engine_dask`) into one *partial* table per view
   (:func:`train_partials`): one row per key combination met in the partition;
2. moves the trains that name a group next to the group (a Dask shuffle on the
   group id) and works out, per shuffled partition, the groups' members and
   remainders and the remainders' key values (:func:`group_part`), exactly as the
   one-machine code does over the whole table;
3. merges the partials on the client, trains first in partition order, then the
   remainders in the groups' load order (:func:`combine`), and finishes each table
   as :func:`~railtrack.summary.summarize_views` does.

The client thus holds one row per key combination and partition, never the trains.
Every rule (keys, contributions, remainders, sort order) is the one-machine code's
own function; only the merge is here.

Partial states of the text columns (merged in row order, so the result is the
whole table's): ``shipments`` and ``unallocated`` are ``"; "``-joined texts
(joined again); ``sources`` a merged source label (merged again by
:func:`~railtrack.labels.merge_source_labels`); ``best_reliability`` a minimum;
``groups`` a tuple of distinct group ids in order; ``period_basis`` a frozenset of
bases.

Examples
--------
>>> import pandas as pd
>>> from railtrack.settings import DEFAULT_SETTINGS
>>> ships = pd.DataFrame({"id": ["t1", "t2", "t3"], "destination": ["X", "Y", "X"],
...                       "cars_total": [40, 20, 5], "_seq": [0, 1, 2]})
>>> views = {"by_dest": ("destination",)}
>>> halves = [train_partials(ships.iloc[:2], None, views, "W"),
...           train_partials(ships.iloc[2:], None, views, "W")]
>>> table = combine([h["by_dest"] for h in halves], ("destination",), DEFAULT_SETTINGS)
>>> table[["destination", "trains", "cars_total", "shipments"]].values.tolist()
[['X', 2, 45, 't1; t3'], ['Y', 1, 20, 't2']]
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from railtrack import columns as C
from railtrack.dating import middle_day
from railtrack.labels import merge_source_labels
from railtrack.remainders import group_remainders
from railtrack.settings import Settings
from railtrack.summary import (
    _BASIS,
    _CRED,
    _GRADE,
    _GROUP,
    _OPEN,
    _SHIP,
    _SOURCE_LABEL,
    UNKNOWN,
    _dates,
    _key_values,
    _remainder_rows,
    _sort,
    _to_period,
    _trains,
    _unknown_groups,
    _view_keys,
    personnel_estimate,
)

__all__ = ["combine", "group_part", "remainder_partials", "train_partials", "view_rows"]

ORDER = "_order"
"""Column of a remainder's contributions: its group's place in the load."""

_SUMS = (
    C.TRAINS,
    C.TRAINS_WITH_CARS,
    C.CARS_UNALLOCATED,
    C.TRAINS_NOT_COUNTED,
    C.CARS_NOT_COUNTED,
)
_FLAGS = (C.CARS_TOTAL_DERIVED, C.CARS_ESTIMATED, C.CARS_AT_LEAST, C.CARS_AT_MOST, _OPEN)
_COUNTS = (*C.CAR_COLUMNS, C.CARS_TOTAL_MAX)


def _periods(ships: pd.DataFrame, freq: str) -> pd.Series:
    """Return each train's period, as ``summarize_views`` dates it."""
    if C.BEST_DATE in ships.columns:
        return _to_period(_dates(ships, C.BEST_DATE), freq)
    departure = middle_day(ships, C.DEPARTURE_EARLIEST, C.DEPARTURE_LATEST)  # as summarize
    return _to_period(departure.fillna(_dates(ships, C.PUBLISHED)), freq)


def _needed(views: Mapping[str, Sequence[str]]) -> list[str]:
    return list(dict.fromkeys(k for keys in views.values() for k in keys))


def _empty_rest() -> pd.DataFrame:
    return group_remainders(pd.DataFrame({C.ID: []}), pd.DataFrame({C.ID: []}))


def view_rows(rows: pd.DataFrame, keys: Sequence[str]) -> pd.DataFrame:
    """Return a view's contribution rows: border crossings exploded, period bases kept.

    ``rows`` holds a key column per key (a tuple of crossings for
    ``border_crossing``) beside the contribution columns; as in
    :func:`railtrack.summary.summarize_views`.

    Parameters
    ----------
    rows : pandas.DataFrame
        Contribution rows: one column per key, the contribution columns and the
        private period-basis column.
    keys : sequence of str
        The view's keys (e.g. ``("origin", "destination")``).

    Returns
    -------
    pandas.DataFrame
        ``rows`` with one row per crossing when ``border_crossing`` is a key (a new
        0..n-1 index), and, when ``period`` is a key, the period basis cleared on
        rows without a period that are no train's; ``rows`` itself otherwise.

    Examples
    --------
    >>> rows = pd.DataFrame({"border_crossing": [("A–B", "C–D")], "cars": [40]})
    >>> view_rows(rows, ["border_crossing"])["border_crossing"].tolist()
    ['A–B', 'C–D']
    """
    if C.BORDER_CROSSING in keys:
        rows = rows.explode(C.BORDER_CROSSING, ignore_index=True)
    if C.PERIOD in keys:
        dated = rows[C.PERIOD].notna()
        rows = rows.assign(**{_BASIS: rows[_BASIS].where(dated | rows[_SHIP].notna(), None)})
    return rows


def _states(rows: pd.DataFrame, keys: Sequence[str]) -> pd.DataFrame:
    """Return one partial row per key combination of ``rows`` (first appearance order)."""
    codes = [pd.factorize(rows[k], use_na_sentinel=False)[0] for k in keys]
    by = codes or [np.zeros(len(rows), np.int64)]
    g = rows.groupby(by, sort=False)
    parts: dict[str, Any] = {k: g[k].first() for k in keys}
    parts |= {col: g[col].sum() for col in _SUMS}
    parts |= {col: g[col].sum(min_count=1) for col in _COUNTS}
    parts |= {col: g[col].any() for col in _FLAGS}
    parts[_CRED] = g[_CRED].min()
    parts[C.SHIPMENTS] = g[_SHIP].agg(_joined)
    parts[C.UNALLOCATED] = g[C.UNALLOCATED].agg(_joined)
    parts[C.SOURCES] = g[_SOURCE_LABEL].agg(_sources)
    parts[C.BEST_RELIABILITY] = g[_GRADE].agg(_lowest)
    parts[C.GROUPS] = g[_GROUP].agg(_distinct)
    parts[C.PERIOD_BASIS] = g[_BASIS].agg(_bases)
    return pd.DataFrame({k: v.array for k, v in parts.items()})


def _known(values: pd.Series) -> list[Any]:
    """Return the known values in order (as ``Series.notna`` tells them)."""
    return values[values.notna()].tolist()


def _joined(values: pd.Series) -> str | None:
    return "; ".join(_known(values)) or None


def _sources(values: pd.Series) -> str | None:
    return merge_source_labels(_known(values))


def _lowest(values: pd.Series) -> str | None:
    known = _known(values)
    return min(known) if known else None


def _distinct(values: pd.Series) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for v in _known(values):
        seen.update(dict.fromkeys(v if isinstance(v, tuple) else (v,)))
    return tuple(seen)


def _bases(values: pd.Series) -> frozenset[str]:
    out: set[str] = set()
    for v in _known(values):
        out |= v if isinstance(v, frozenset) else set(str(v).split("; "))
    return frozenset(out)


def partial(rows: pd.DataFrame, keys: Sequence[str]) -> pd.DataFrame:
    """Return the partial state of a view over contribution ``rows`` (see the module notes).

    Parameters
    ----------
    rows
        Key columns and contributions (:func:`view_rows`).
    keys
        The view's keys.

    Returns
    -------
    pandas.DataFrame
        One row per key combination, in the order first met.
    """
    if rows.empty:
        return pd.DataFrame(columns=[*keys, *_SUMS, *_COUNTS, *_FLAGS, _CRED])
    return _states(rows, keys)


def train_partials(
    ships: pd.DataFrame,
    routes: pd.DataFrame | None,
    views: Mapping[str, Sequence[str]],
    freq: str,
) -> dict[str, pd.DataFrame]:
    """Return each view's partial state over a partition of trains.

    Parameters
    ----------
    ships
        A partition of the shipments table, in load order.
    routes
        Their routes (:func:`railtrack.routes.shipment_routes` rows, by ``id``).
    views
        Table name -> keys (:data:`railtrack.pipeline.SUMMARY_VIEWS`).
    freq
        The period alias.

    Returns
    -------
    dict of str to pandas.DataFrame
        View name -> :func:`partial` of the partition's trains.

    Notes
    -----
    Needs a partition of the shipments table with its routes as the engine builds them;
    ``tests/test_dask_summary.py`` checks the result against
    :func:`railtrack.summary.summarize_views`.
    """
    ships = ships.reset_index(drop=True)
    period = _periods(ships, freq)
    trains = _trains(ships, period=period)
    values = _key_values(ships, _needed(views), period=period, routes=routes)
    rest = _empty_rest()
    none = pd.Series([], dtype="datetime64[ns]")
    out = {}
    for name, keys in views.items():
        rows = pd.concat([_view_keys(keys, values, rest, none), trains], axis=1)
        out[name] = partial(view_rows(rows, keys), keys)
    return out


def group_part(
    ships: pd.DataFrame,
    groups: pd.DataFrame,
    routes: pd.DataFrame | None,
    views: Mapping[str, Sequence[str]],
    freq: str,
) -> tuple[pd.DataFrame, pd.DataFrame, list[tuple[int, int, str]]]:
    """Return the remainders of some groups, with every trains naming them at hand.

    Parameters
    ----------
    ships
        Every train naming one of ``groups`` (or a group that is in no partition),
        in load order, with the ``_seq`` column.
    groups
        Those groups (members filled), in load order, with ``_seq``.
    routes
        The trains' routes.
    views, freq
        As for :func:`train_partials`.

    Returns
    -------
    rest : pandas.DataFrame
        One contribution row per remainder: a column per key of any view (the
        value its holders share), the contribution columns, ``_order`` (the
        group's ``_seq``), and for the corridor graph the routing keys of its
        holders and its unlisted trains (:mod:`railtrack.dask_graph`).
    groups : pandas.DataFrame
        ``groups`` unchanged (returned for the caller's convenience).
    problems : list of (int, int, str)
        ``(0, train seq, text)`` for a train naming an unknown group and ``(1,
        group seq, text)`` for a group whose trains carry more than it gives: in
        the order :func:`~railtrack.summary.summarize_views` reports them once sorted.

    Notes
    -----
    Needs the engine's shipments and groups with their ``_seq`` columns; see
    ``tests/test_dask_summary.py``.
    """
    from railtrack.dask_graph import HOLDER_KEYS, UNLISTED_TRAINS
    from railtrack.dask_tasks import ROUTE_KEY, SEQ

    ships, groups = ships.reset_index(drop=True), groups.reset_index(drop=True)
    period = _periods(ships, freq)
    trains = _trains(ships, period=period)
    unknown = _unknown_groups(trains, groups)
    known = set(groups[C.ID].map(str)) if len(groups) else set()
    bad = trains[_GROUP].notna() & ~trains[_GROUP].isin(known)
    problems = [(0, int(s), p) for s, p in zip(ships.loc[bad, SEQ], unknown, strict=True)]
    found: list[str] = []
    rest = group_remainders(ships, groups, problems=found)
    seq_of = dict(zip(groups[C.ID].astype(str), groups[SEQ].astype(int), strict=True))
    for text in found:  # "group <id>: its trains carry ..."
        gid = text[len("group ") : text.rindex(": its trains carry")]
        problems.append((1, seq_of[gid], text))
    periods = _to_period(_dates(rest, C.PUBLISHED), freq)
    values = _key_values(ships, _needed(views), period=period, routes=routes)
    keys = _view_keys(_needed(views), values, rest, periods).iloc[len(ships) :]
    rows = pd.concat([keys.reset_index(drop=True), _remainder_rows(rest, trains, periods)], axis=1)
    rows[ORDER] = rest[C.GROUP].map(seq_of).to_numpy(dtype=np.int64)
    route_keys = ships[ROUTE_KEY].to_numpy(dtype=object)
    rows[HOLDER_KEYS] = pd.Series(
        [tuple(route_keys[list(h)].tolist()) for h in rest[C.HOLDERS]], dtype=object
    )
    rows[UNLISTED_TRAINS] = rest[C.UNLISTED].to_numpy(dtype=np.int64)
    return rows, groups, problems


def remainder_partials(
    rest: pd.DataFrame, views: Mapping[str, Sequence[str]]
) -> dict[str, pd.DataFrame]:
    """Return each view's partial state over the remainders (rows of :func:`group_part`).

    The remainders are taken in their groups' load order.

    Parameters
    ----------
    rest : pandas.DataFrame
        The ``rest`` rows of :func:`group_part`, from every call (with ``_order``).
    views : mapping of str to sequence of str
        Table name -> keys (:data:`railtrack.pipeline.SUMMARY_VIEWS`).

    Returns
    -------
    dict of str to pandas.DataFrame
        View name -> :func:`partial` of the remainders.

    Notes
    -----
    Needs the remainder rows :func:`group_part` builds; see ``tests/test_dask_summary.py``.
    """
    rest = rest.sort_values(ORDER, kind="stable").reset_index(drop=True)
    return {name: partial(view_rows(rest, keys), keys) for name, keys in views.items()}


def combine(parts: Sequence[pd.DataFrame], keys: Sequence[str], settings: Settings) -> pd.DataFrame:
    """Merge partial states, in order, into the finished summary table of a view.

    Parameters
    ----------
    parts
        :func:`partial` tables: the trains' partitions in load order, then the
        remainders'.
    keys
        The view's keys.
    settings
        Gives the personnel factor.

    Returns
    -------
    pandas.DataFrame
        What :func:`railtrack.summary.summarize` returns for ``by=keys`` over all
        the rows (without its ``attrs``).

    Notes
    -----
    Needs :func:`partial` tables of a partition; see ``tests/test_dask_summary.py``, which
    compares it with :func:`railtrack.summary.summarize`.
    """
    lead = [*keys, *([C.PERIOD_BASIS] if C.PERIOD in keys else [])]
    columns = [*lead, *C.SUMMARY_VALUE_COLUMNS]
    rows = pd.concat([p for p in parts if len(p)], ignore_index=True) if parts else None
    if rows is None or rows.empty:
        empty = pd.DataFrame(columns=columns)
        empty[C.PERSONNEL_ESTIMATE] = empty[C.PERSONNEL_ESTIMATE].astype("Float64")
        return empty
    codes = [pd.factorize(rows[k], use_na_sentinel=False)[0] for k in keys]
    g = rows.groupby(codes or [np.zeros(len(rows), np.int64)], sort=False)
    out: dict[str, Any] = {k: g[k].first() for k in keys}
    for key in keys:
        out[key] = out[key].astype("datetime64[ns]" if key == C.PERIOD else "str")
    if C.PERIOD in keys:
        out[C.PERIOD_BASIS] = g[C.PERIOD_BASIS].agg(
            lambda v: "; ".join(sorted(_bases(v))) or UNKNOWN
        )
    out |= {col: g[col].sum() for col in _SUMS}
    out |= {col: g[col].sum(min_count=1) for col in _COUNTS}
    out |= {col: g[col].any() for col in _FLAGS}
    # the most cars: unknown when any count has no upper limit (summary.count_bounds)
    out[C.CARS_TOTAL_MAX] = out[C.CARS_TOTAL_MAX].mask(out[_OPEN].astype(bool))
    out[C.BEST_CREDIBILITY] = g[_CRED].min().astype("Int64")
    out[C.UNALLOCATED] = g[C.UNALLOCATED].agg(_joined)
    out[C.SOURCES] = g[C.SOURCES].agg(_sources)
    out[C.BEST_RELIABILITY] = g[C.BEST_RELIABILITY].agg(_lowest)
    out[C.SHIPMENTS] = g[C.SHIPMENTS].agg(_joined)
    out[C.GROUPS] = g[C.GROUPS].agg(lambda v: "; ".join(_distinct(v)) or None)
    df = pd.DataFrame({k: v.array for k, v in out.items()})
    for col in _SUMS:
        df[col] = df[col].astype("int64")
    for col in _COUNTS:
        df[col] = df[col].astype("Int64")
    df[C.PERSONNEL_ESTIMATE] = personnel_estimate(df[C.CARS_PASSENGER], settings=settings)
    return _sort(df[columns], keys)

"""The routes as files: a per-train table that names its route, and one row per route.

At national scale most trains share a few thousand routes, and a route's station list
and label run to thousands of characters. Written on every train's row they make the
CSV files gigabytes (100,000 trains: ``routes.csv`` 1.6 GB, ``estimates.csv``
1.1 GB). The files ``railtrack track`` writes therefore name each train's route by a
``route_id`` and list each distinct route once:

- :func:`distinct_routes`: one row per route trains were routed on (``route_id``,
  the label, the station ids, length, border crossings, number of trains);
- :func:`per_train_routes`: the routes table with ``route_id`` in place of the label
  and the station list;
- :func:`per_train_estimates`: the estimates table likewise;
- :func:`summary_by_route_file`: the volumes by route with ``route_id`` and the
  label shortened to its ends (each full label runs to thousands of characters:
  at 100,000 trains the file was 121 MB, almost all labels).

A ``route_id`` is the first 16 hex digits of the BLAKE2b hash of the route's station
ids, so the same route has the same id in every run and every output directory
(join runs on it). The tables in memory (:class:`railtrack.pipeline.TrackResult`)
keep their columns; only the files change shape.

Examples
--------
>>> import pandas as pd
>>> stations = ["A", "B", "C"]
>>> routes = pd.DataFrame({"id": ["t1", "t2", "t3"], "route": ["a → c", "a → c", None],
...                        "stations": [stations, stations, None],
...                        "length_km": [12.0, 12.0, None]})
>>> table = distinct_routes(routes)
>>> table[["route", "stations", "trains"]].to_dict("records")
[{'route': 'a → c', 'stations': 'A; B; C', 'trains': 2}]
>>> per_train_routes(routes)["route_id"].isna().tolist()
[False, False, True]
"""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from railtrack import columns as C

__all__ = [
    "DISTINCT_ROUTE_COLUMNS",
    "MAX_ROUTE_NAMES",
    "distinct_routes",
    "per_train_estimates",
    "per_train_routes",
    "route_ends",
    "route_id",
    "route_ids",
    "route_outline",
    "summary_by_route_file",
]

DISTINCT_ROUTE_COLUMNS: tuple[str, ...] = (
    C.ROUTE_ID,
    C.ROUTE_LABEL,
    C.STATIONS,
    C.LENGTH_KM,
    C.BORDER_CROSSINGS,
    C.BORDER_CROSSINGS_N,
    C.TRAINS,
)
"""Columns of :func:`distinct_routes` (``stations``: the ids joined with "; ")."""


def route_id(stations: Sequence[str]) -> str:
    """Return a route's id: 16 hex digits of the BLAKE2b hash of its station ids.

    Parameters
    ----------
    stations
        The route's station ids, origin first.

    Returns
    -------
    str
        The same for the same stations in the same order, in any run.

    Examples
    --------
    >>> route_id(["A", "B"]) == route_id(("A", "B")), route_id(["A", "B"]) == route_id(["B", "A"])
    (True, False)
    >>> len(route_id(["A", "B"]))
    16
    >>> route_id([1, 2]) == route_id(["1", "2"])
    True
    """
    try:  # station ids are text: joined at C speed (6 million ids at 100,000 trains)
        text = "\n".join(stations)
    except TypeError:  # other ids (numbers): each as text, as before
        text = "\n".join(str(s) for s in stations)
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()


def route_ids(stations: pd.Series) -> pd.Series:
    """Return each train's ``route_id`` from the routes table's ``stations`` column.

    Parameters
    ----------
    stations
        Station id lists, one per train (trains on one route may share one list
        object, which is then hashed once); missing for unrouted trains.

    Returns
    -------
    pandas.Series
        Categorical ids, missing where ``stations`` is; same index.

    Examples
    --------
    >>> ids = route_ids(pd.Series([["BY-1", "RU-2"], None, ["BY-1", "RU-2"]]))
    >>> ids.isna().tolist(), ids[0] == ids[2]
    ([False, True, False], True)
    """
    by_object: dict[int, str] = {}
    values: list[str | None] = []
    for value in stations.tolist():
        if not isinstance(value, list | tuple) or not value:
            values.append(None)
            continue
        key = id(value)
        found = by_object.get(key)
        if found is None:
            found = by_object[key] = route_id(value)
        values.append(found)
    return pd.Series(pd.Categorical(values), index=stations.index, name=C.ROUTE_ID)


def distinct_routes(routes: pd.DataFrame, *, ids: pd.Series | None = None) -> pd.DataFrame:
    """Return one row per distinct route trains were routed on.

    Parameters
    ----------
    routes
        The routes table (:func:`railtrack.routes.shipment_routes`; ``stations``,
        ``route``, ``length_km`` and, when present, ``border_crossings`` and
        ``border_crossings_n`` are read).
    ids
        :func:`route_ids` of ``routes["stations"]`` when already worked out (the
        briefing's files hash each route once for all of them); None: hashed here.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`DISTINCT_ROUTE_COLUMNS`: ``route_id``, the label, the station
        ids joined with "; ", length (km), border crossings and their number, and
        ``trains`` (how many rows of ``routes`` take the route); in order of first
        use. The label and stations are object columns, the label the routes
        table's own objects (no copy of a national table's labels). Empty (with
        those columns) when no train was routed.

    Examples
    --------
    >>> routes = pd.DataFrame({"id": ["a-t1", "b-t1", "c-t1"],
    ...                        "stations": [["BY-1", "RU-2"], ["BY-1", "RU-2"], None],
    ...                        "route": ["Orsha → Smolensk", "Orsha → Smolensk", None],
    ...                        "length_km": [120.0, 120.0, None]})
    >>> distinct_routes(routes)[["stations", "length_km", "trains"]].to_dict("records")
    [{'stations': 'BY-1; RU-2', 'length_km': 120.0, 'trains': 2}]
    """
    if ids is None:
        ids = route_ids(routes[C.STATIONS]) if C.STATIONS in routes else pd.Series(dtype=object)
    routed = ids.notna().to_numpy()
    if not routed.any():
        return pd.DataFrame(columns=list(DISTINCT_ROUTE_COLUMNS))
    codes = ids.cat.codes.to_numpy()[routed]
    first_rows = np.flatnonzero(routed)[np.unique(codes, return_index=True)[1]]
    first_rows.sort()
    counts = pd.Series(codes).value_counts()
    picked = routes.iloc[first_rows]
    out: dict[str, Any] = {
        C.ROUTE_ID: ids.iloc[first_rows].astype(str).to_numpy(dtype=object),
        # The labels' own objects and the joined ids as Python text (object dtype): as
        # pandas' default text dtype each was copied into Arrow here and back into new
        # Python strings when the file was written (at 100,000 reports, 10,587 routes:
        # 127 MB of labels and 46 MB of ids, about 290 MB more while it was written).
        C.ROUTE_LABEL: pd.Series(picked[C.ROUTE_LABEL].to_numpy(dtype=object), dtype=object),
        C.STATIONS: pd.Series(["; ".join(map(str, s)) for s in picked[C.STATIONS]], dtype=object),
        C.LENGTH_KM: picked[C.LENGTH_KM].astype("float64").to_numpy(),
        C.BORDER_CROSSINGS: _column(picked, C.BORDER_CROSSINGS),
        C.BORDER_CROSSINGS_N: _column(picked, C.BORDER_CROSSINGS_N),
        C.TRAINS: counts.reindex(ids.cat.codes.iloc[first_rows].to_numpy()).to_numpy("int64"),
    }
    return pd.DataFrame(out, columns=list(DISTINCT_ROUTE_COLUMNS))


def _column(df: pd.DataFrame, col: str) -> Any:
    return df[col].to_numpy(dtype=object) if col in df else None


def per_train_routes(routes: pd.DataFrame, *, ids: pd.Series | None = None) -> pd.DataFrame:
    """Return the routes table as written per train: ``route_id`` for label and stations.

    Parameters
    ----------
    routes
        The routes table (:func:`railtrack.routes.shipment_routes`).
    ids
        :func:`route_ids` of its ``stations``, when already worked out; None: hashed here.

    Returns
    -------
    pandas.DataFrame
        Its columns less ``route`` and ``stations``, with ``route_id`` (see
        :func:`route_id`; missing for an unrouted train) where ``route`` was.

    Examples
    --------
    >>> routes = pd.DataFrame({"id": ["a-t1", "c-t1"],
    ...                        "stations": [["BY-1", "RU-2"], None],
    ...                        "route": ["Orsha → Smolensk", None],
    ...                        "length_km": [120.0, None]})
    >>> table = per_train_routes(routes)
    >>> list(table.columns), table["route_id"].isna().tolist()
    (['id', 'route_id', 'length_km'], [False, True])
    """
    if ids is None:
        ids = route_ids(routes[C.STATIONS])
    return _with_route_id(routes, ids, drop=(C.STATIONS,))


def per_train_estimates(
    estimates: pd.DataFrame, routes: pd.DataFrame, *, ids: pd.Series | None = None
) -> pd.DataFrame:
    """Return the estimates table as written per train: ``route_id`` in place of ``route``.

    Parameters
    ----------
    estimates
        :func:`railtrack.estimate.arrival_windows` output.
    routes
        The routes table it was estimated from, row for row.
    ids
        :func:`route_ids` of ``routes["stations"]``, when already worked out; None:
        hashed here.

    Returns
    -------
    pandas.DataFrame
        ``estimates`` with ``route_id`` where ``route`` was.

    Raises
    ------
    ValueError
        When the two tables do not list the same trains in the same order.

    Examples
    --------
    >>> routes = pd.DataFrame({"id": ["a-t1"], "stations": [None]})
    >>> per_train_estimates(pd.DataFrame({"id": ["b-t1"]}), routes)
    Traceback (most recent call last):
    ...
    ValueError: the estimates and routes tables do not list the same trains in the same order
    """
    if len(estimates) != len(routes) or not np.array_equal(
        estimates[C.ID].astype(str).to_numpy(), routes[C.ID].astype(str).to_numpy()
    ):
        msg = "the estimates and routes tables do not list the same trains in the same order"
        raise ValueError(msg)
    if ids is None:
        ids = route_ids(routes[C.STATIONS])
    return _with_route_id(estimates, ids.set_axis(estimates.index), drop=())


def _with_route_id(df: pd.DataFrame, ids: pd.Series, *, drop: tuple[str, ...]) -> pd.DataFrame:
    """Return ``df`` with ``route_id`` where ``route`` was, less the ``drop`` columns."""
    columns = [c for c in df.columns if c not in drop]
    out = df[columns].copy()
    at = columns.index(C.ROUTE_LABEL) if C.ROUTE_LABEL in columns else len(columns)
    out.insert(at, C.ROUTE_ID, ids.to_numpy())
    return out.drop(columns=[C.ROUTE_LABEL], errors="ignore")


ROUTE_ELLIPSIS = " → … → "
"""What stands for the names left out of a shortened route label."""


def route_ends(label: str) -> str:
    """Return a route label shortened to its first and last names.

    Parameters
    ----------
    label
        Names joined with " → " (a route label), or any other text.

    Returns
    -------
    str
        "first → … → last" when the label names more than two places; else the
        label unchanged.

    Examples
    --------
    >>> route_ends("Orsha → Shklov → Mogilev → Osipovichi"), route_ends("A → B")
    ('Orsha → … → Osipovichi', 'A → B')
    >>> route_ends("unknown")
    'unknown'
    """
    names = label.split(" → ")
    if len(names) <= 2:
        return label
    return f"{names[0]}{ROUTE_ELLIPSIS}{names[-1]}"


MAX_ROUTE_NAMES = 40
"""Most station names a route written out in the briefing names (its table and popups).

A national route names hundreds of stations (at 100,000 reports the briefing's
full routes were 20 MB of its 37); every station of every route is in
``distinct_routes.csv``.
"""


def route_outline(label: str, *, most: int | None = None, rid: str = "") -> str:
    """Return a route label naming at most ``most`` places, spread along the route.

    Parameters
    ----------
    label
        Names joined with " → " (a route label), origin first.
    most
        Most names kept (at least 2; None: :data:`MAX_ROUTE_NAMES`): the first,
        the last and others evenly spaced between them, so the outline follows
        the whole route.
    rid
        The route's ``route_id``, named in the note of a shortened label.

    Returns
    -------
    str
        The label unchanged when it names at most ``most`` places; else the kept
        names in order, " → … → " where names were left out, and a note saying
        how many places are named of how many, and that every station is in
        ``distinct_routes.csv``.

    Examples
    --------
    >>> route_outline("A → B → C", most=3)
    'A → B → C'
    >>> outline, note = route_outline("A → B → C → D → E → F → G", most=4, rid="ab").split(" (")
    >>> outline
    'A → … → C → … → E → … → G'
    >>> note
    '4 of 7 places named; every station in distinct_routes.csv, route_id ab)'
    """
    names = label.split(" → ")
    most = max(2, MAX_ROUTE_NAMES if most is None else most)
    if len(names) <= most:
        return label
    picks = sorted({round(i) for i in np.linspace(0, len(names) - 1, most)})
    parts = [names[picks[0]]]
    for before, at in itertools.pairwise(picks):
        parts.append(" → " if at == before + 1 else ROUTE_ELLIPSIS)
        parts.append(names[at])
    where = f", route_id {rid}" if rid else ""
    note = (
        f" ({len(picks)} of {len(names)} places named; every station in distinct_routes.csv{where})"
    )
    return "".join(parts) + note


def summary_by_route_file(
    summary: pd.DataFrame, routes: pd.DataFrame, *, ids: pd.Series | None = None
) -> pd.DataFrame:
    """Return the volumes by route as ``summary_by_route.csv`` is written.

    Parameters
    ----------
    summary
        The ``by_route`` summary (keyed by the route label, ``route``).
    routes
        The routes table the summary was made from (``route`` and ``stations``).
    ids
        :func:`route_ids` of ``routes["stations"]``, when already worked out; None:
        hashed here.

    Returns
    -------
    pandas.DataFrame
        ``route_id`` first (the ids of the routes with that label, "; "-joined in
        order of first use; missing for a row that is not a route: unknown,
        unallocated), ``route`` shortened by :func:`route_ends`, then the other
        columns unchanged. The full label and the stations are in
        ``distinct_routes.csv``, joined on ``route_id``.

    Examples
    --------
    >>> routes = pd.DataFrame({"id": ["t1", "t2"], "route": ["A → B → C", None],
    ...                        "stations": [["A", "B", "C"], None]})
    >>> summary = pd.DataFrame({"route": ["A → B → C", "unknown"], "trains": [1, 1]})
    >>> table = summary_by_route_file(summary, routes)
    >>> table["route"].tolist(), table["route_id"].isna().tolist()
    (['A → … → C', 'unknown'], [False, True])
    >>> table["route_id"].iloc[0] == route_id(["A", "B", "C"])
    True
    """
    if C.ROUTE_LABEL not in summary.columns:
        return summary
    ids_of: dict[str, dict[str, None]] = {}
    if C.STATIONS in routes.columns and C.ROUTE_LABEL in routes.columns:
        if ids is None:
            ids = route_ids(routes[C.STATIONS])
        for label, rid in _label_route_pairs(routes[C.ROUTE_LABEL], ids):
            ids_of.setdefault(str(label), {})[str(rid)] = None
    labels = summary[C.ROUTE_LABEL].astype(object).tolist()
    out = summary.copy()
    out[C.ROUTE_LABEL] = [
        label if not isinstance(label, str) else route_ends(label) for label in labels
    ]
    found = [ids_of.get(label) if isinstance(label, str) else None for label in labels]
    out.insert(0, C.ROUTE_ID, ["; ".join(f) if f else None for f in found])
    return out


def _label_route_pairs(labels: pd.Series, ids: pd.Series) -> list[tuple[Any, Any]]:
    """Return the distinct (label, route id) pairs of two aligned columns, in first-use order.

    Rows where either is missing are left out, as ``dropna().drop_duplicates()`` of the
    pair does; but the pairs are told apart by integer codes (the label column is
    categorical in the routes table, ``ids`` always), not by hashing each row's label:
    at national scale 100,000 labels of about 5,500 characters each.

    Examples
    --------
    >>> labels = pd.Series(pd.Categorical(["A → B", "A → B", None, "C → D", "A → B"]))
    >>> ids = pd.Series(pd.Categorical(["r1", "r1", "r2", "r3", "r4"]))
    >>> _label_route_pairs(labels, ids)
    [('A → B', 'r1'), ('C → D', 'r3'), ('A → B', 'r4')]
    """
    label_codes, label_values = _codes(labels)
    id_codes, id_values = _codes(ids)
    kept = np.flatnonzero((label_codes >= 0) & (id_codes >= 0))
    if not len(kept):
        return []
    key = label_codes[kept].astype(np.int64) * (len(id_values) + 1) + id_codes[kept]
    first = np.sort(np.unique(key, return_index=True)[1])
    rows = kept[first]
    return list(zip(label_values[label_codes[rows]], id_values[id_codes[rows]], strict=True))


def _codes(column: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Return a column's integer codes (-1 where missing) and its distinct values (objects)."""
    if isinstance(column.dtype, pd.CategoricalDtype):
        codes = column.cat.codes.to_numpy()
        return codes, column.cat.categories.astype(object).to_numpy()
    codes, uniques = pd.factorize(column.astype(object))
    return codes, np.asarray(uniques, dtype=object)

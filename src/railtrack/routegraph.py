"""The route graph: the network corridors shipments actually used, with their volumes.

Each shipment with a resolvable origin and destination is routed on the network
(:meth:`RailNetwork.route`, shortest by ``length_km``). A region origin such as
"Belarus" is routed from the region's report stations: the network returns the
shortest of those routes, and ``origin_basis`` says so. The routes are then laid
over one :class:`networkx.DiGraph` whose edges are the network segments in the
direction travelled, each with the trains and cars that passed and the first
and last dates.

A group's cars that cannot be split between its trains (see
:mod:`railtrack.summary`) count in an edge's ``cars`` only where every train
that may carry them passed; where the trains have split, they are
``cars_unallocated`` ("up to this many more").
"""

from __future__ import annotations

import collections
import itertools
import logging
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

import networkx as nx
import numpy as np
import pandas as pd

from railtrack import columns as C
from railtrack.remainders import count_or_none, group_remainders
from railtrack.route_files import route_id
from railtrack.routes import shipment_routes

if TYPE_CHECKING:
    from railtrack.io import ReportSet
    from railtrack.network import RailNetwork

_NO_DAY = np.iinfo(np.int64).max  # the day ordinal of an unknown date
_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()
_CHUNK = 1 << 20  # elements per chunk of a temporary array

__all__ = ["DistinctRoutes", "corridor_graph", "lay_corridors", "route_graph"]

logger = logging.getLogger(__name__)

Row = Mapping[Any, Any]
"""A record of a frame (``df.to_dict("records")``)."""


def _text(value: Any) -> str | None:
    if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)):
        return None
    text = str(value).strip()
    return text or None


def _dates(df: pd.DataFrame, col: str) -> pd.Series:
    if col not in df.columns:
        return pd.Series(pd.NaT, index=df.index, dtype="datetime64[ns]")
    return pd.to_datetime(df[col], errors="coerce", format="ISO8601").dt.normalize()


def _train_days(ship_df: pd.DataFrame) -> np.ndarray:
    """Return each train's date as a day ordinal (``_NO_DAY`` if unknown).

    The date is the departure, else the claimed arrival, else the published date.
    """
    when = _dates(ship_df, C.DEPARTURE_EARLIEST)
    for col in (C.ARRIVAL_EARLIEST, C.PUBLISHED):
        when = when.fillna(_dates(ship_df, col))
    if getattr(when.dtype, "tz", None) is not None:
        when = when.dt.tz_localize(None)  # the local date, as Timestamp.date() gives
    days = when.to_numpy(dtype="datetime64[D]")
    known = ~np.isnat(days)
    return np.where(known, days.astype(np.int64) + _EPOCH_ORDINAL, _NO_DAY)


@dataclass
class DistinctRoutes:
    """The distinct station sequences of the routed trains, numbered by first use."""

    order: list[str]  # routed shipment ids, in input order
    stations: list[Sequence[str]]  # route -> its stations
    members: list[list[int]]  # route -> positions of its trains in ``order``
    of_row: list[int]  # shipment row -> its route, -1 when not routed


def _distinct_routes(
    ship_df: pd.DataFrame, routes: pd.DataFrame, graph: dict[str, Any]
) -> DistinctRoutes:
    """Return the distinct routes; fill ``graph``'s routed, unrouted and origin_basis."""
    ids = [str(v) for v in ship_df[C.ID].tolist()]
    if len(set(ids)) != len(ids):
        msg = "route_graph needs unique shipment ids"
        raise ValueError(msg)
    route_ids = [str(v) for v in routes[C.ID].tolist()]
    row_of = None if route_ids == ids else {sid: k for k, sid in enumerate(route_ids)}
    del route_ids
    paths = routes["stations"].tolist()
    problems = routes["problem"].tolist()
    bases = routes["origin_basis"].tolist()
    basis_text: dict[Any, Any] = {}  # one object per distinct text, not one per train
    by_object: dict[int, int] = {}  # id(stations list) -> route: rows often share one list
    by_ends: dict[tuple[int, str, str], list[int]] = {}  # (length, first, last) -> routes
    out = DistinctRoutes(order=[], stations=[], members=[], of_row=[-1] * len(ids))
    for i, sid in enumerate(ids):
        k = i if row_of is None else row_of.get(sid)
        stations = paths[k] if k is not None else None
        if not isinstance(stations, list) or len(stations) < 1:
            problem = problems[k] if k is not None else None
            reason = problem if isinstance(problem, str) and problem else "not routed"
            graph["unrouted"].append(f"{sid}: {reason}")
            continue
        assert k is not None  # a train with stations has a routes row
        graph["routed"].append(sid)
        graph["origin_basis"][sid] = basis_text.setdefault(bases[k], bases[k])
        r = by_object.get(id(stations))
        if r is None:
            same = by_ends.setdefault((len(stations), stations[0], stations[-1]), [])
            r = next((r for r in same if out.stations[r] == stations), len(out.stations))
            if r == len(out.stations):
                same.append(r)
                out.stations.append(stations)
                out.members.append([])
            by_object[id(stations)] = r
        out.members[r].append(len(out.order))
        out.order.append(sid)
        out.of_row[i] = r
    return out


def _first_use(codes: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Return the codes (< ``n``) used, in order of first use, and ``codes`` renumbered so."""
    first = np.full(n, len(codes), np.int64)
    for lo in range(0, len(codes), _CHUNK):
        chunk = codes[lo : lo + _CHUNK]
        np.minimum.at(first, chunk, np.arange(lo, lo + len(chunk)))
    used = np.flatnonzero(first < len(codes))
    used = used[np.argsort(first[used])]
    renumber = np.zeros(n, codes.dtype)
    renumber[used] = np.arange(len(used), dtype=codes.dtype)
    return used, renumber[codes]


def _stops(stations: Sequence[Sequence[str]], base: nx.Graph) -> tuple[list[str], np.ndarray]:
    """Return the stations used, in order of first use, and each route position's number.

    The positions are the routes' one after the other; KeyError for a station not
    on ``base``.
    """
    number = {node: i for i, node in enumerate(base)}
    flat = itertools.chain.from_iterable(stations)
    stops = np.fromiter(map(number.__getitem__, flat), np.int32, sum(map(len, stations)))
    used, stops = _first_use(stops, len(number))
    names = list(number)
    return [names[i] for i in used.tolist()], stops


def _steps(
    nodes: list[str], stops: np.ndarray, lengths: np.ndarray
) -> tuple[list[tuple[str, str]], np.ndarray]:
    """Return the segments travelled, in order of first use, and each step's segment number.

    A step goes from one route position to the next of the same route.
    """
    goes_on = np.ones(len(stops), bool)
    goes_on[np.cumsum(lengths) - 1] = False
    goes_on = goes_on[:-1]
    keys = stops[:-1][goes_on].astype(np.int64)
    keys *= len(nodes)
    keys += stops[1:][goes_on]
    codes, pairs = pd.factorize(keys)
    del keys
    edges = [(nodes[k // len(nodes)], nodes[k % len(nodes)]) for k in pairs.tolist()]
    return edges, codes.astype(np.int32)


def _routes_by_edge(steps: np.ndarray, lengths: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Return the steps' routes grouped by segment, and where each segment's group starts.

    Within a segment the routes are ascending: in order of first use, so the
    trains' input order.
    """
    order = np.argsort(steps, kind="stable")
    step_route = np.repeat(np.arange(len(lengths), dtype=np.int32), lengths - 1)[order]
    del order
    counts = np.bincount(steps)
    return step_route, np.cumsum(counts) - counts


def _route_totals(
    routes: DistinctRoutes, cars: Sequence[int | None], days: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Return per route its trains, their own cars, and their first and last date (ordinals)."""
    n = len(routes.stations)
    of_row = np.array(routes.of_row, np.int64)
    routed = of_row >= 0
    route = of_row[routed]
    trains = np.bincount(route, minlength=n).astype(np.int64)
    total = np.zeros(n, np.int64)
    np.add.at(total, route, np.fromiter((c or 0 for c in cars), np.int64, len(cars))[routed])
    day = days[routed]
    first, last = np.full(n, _NO_DAY), np.full(n, -_NO_DAY)
    dated = day != _NO_DAY
    np.minimum.at(first, route[dated], day[dated])
    np.maximum.at(last, route[dated], day[dated])
    return trains, total, first, last


def route_graph(reports: ReportSet, network: RailNetwork) -> nx.DiGraph:
    """Resolve and route loaded reports, and return their :func:`corridor_graph`.

    Parameters
    ----------
    reports
        A :class:`railtrack.ReportSet` (its groups are used).
    network
        The :class:`railtrack.RailNetwork` to resolve and route on.

    Returns
    -------
    networkx.DiGraph
        See :func:`corridor_graph`: one node per station passed (station id, with
        ``trains`` and ``role``), one edge per link travelled with ``length_km``
        (km), ``trains`` and ``cars`` (a group's cars counted once). A train that
        cannot be routed raises nothing: it is listed with the reason in
        ``G.graph["unrouted"]``.

    Examples
    --------
    >>> from railtrack import data_path, load_network, load_reports
    >>> reports = load_reports(data_path("reports") / "seed-hajun-2023-03.yaml")
    >>> G = route_graph(reports, load_network(national=False))
    >>> G.graph["routed"], G.graph["unrouted"]
    (['seed-2023-03-t1', 'seed-2023-03-t2'], [])
    >>> e = G.edges["BY-CHEPINO", "BY-VITEBSK"]
    >>> e["length_km"], e["trains"], e["cars"]
    (16.5, 2, 86)
    >>> G.nodes["BY-CHEPINO"]["role"], G.nodes["511207"]["name"]
    ('origin', 'Neklinovka')
    """
    resolved = reports.resolve(network)
    shipments = resolved.to_frame()
    routes = shipment_routes(shipments, network)
    return corridor_graph(shipments, routes, network, groups=resolved.groups_frame())


def corridor_graph(
    shipments: pd.DataFrame,
    routes: pd.DataFrame,
    network: RailNetwork,
    *,
    groups: pd.DataFrame | None = None,
    remainders: pd.DataFrame | None = None,
) -> nx.DiGraph:
    """Return the directed graph of network segments the shipments travelled.

    Parameters
    ----------
    shipments
        The shipments table (``id``, ``group``, ``cars_total`` and the dates are read).
    routes
        Their routes (:func:`railtrack.routes.shipment_routes`), matched by ``id``.
    network
        The :class:`railtrack.RailNetwork` the routes lie on.
    groups
        The groups table (``ReportSet.groups_frame()``), for cars given per group.
    remainders
        :func:`railtrack.remainders.group_remainders` of ``shipments`` and
        ``groups`` when already worked out (the summaries read it too); None:
        worked out here.

    Returns
    -------
    networkx.DiGraph
        Nodes are station ids with the network's attributes (``name``, ``lat``,
        ``lon``, ``country``, ``border``, ``railhead``) plus ``trains`` and
        ``role`` ("origin", "destination", "origin; destination" or "via").
        Edges ``u -> v`` in the direction travelled carry ``length_km``, ``line``,
        ``border`` (the country changes), ``trains``, ``cars`` (counted once: a
        train's own count, and a group's unsplit cars where all its trains passed),
        ``cars_unallocated`` (group cars that may have passed: the trains split
        before), ``first_date``/``last_date`` (the trains' departure, else claimed
        arrival, else published date; None when unknown), ``route_ids`` (the routes
        that passed, by :func:`railtrack.route_files.route_id`, in order of first
        use) and ``route_trains`` (the trains on each of those routes): tuples
        shared by the edges the same routes passed. ``distinct_routes.csv`` and
        ``routes.geojson`` give each route's stations and trains by the same id.
        ``G.graph`` holds ``crs`` ("EPSG:4326"), ``routed`` and ``unrouted``
        (``"id: reason"`` strings) and ``origin_basis`` (id -> how it was routed).
        Export it with :mod:`railtrack.graph_export`.

    Raises
    ------
    ValueError
        When shipment ids repeat.

    Examples
    --------
    >>> from railtrack import data_path, load_network, load_reports
    >>> from railtrack.routes import shipment_routes
    >>> net = load_network(national=False)
    >>> reports = load_reports(data_path("reports") / "seed-hajun-2023-03.yaml").resolve(net)
    >>> shipments = reports.to_frame()
    >>> routes = shipment_routes(shipments, net)
    >>> G = corridor_graph(shipments, routes, net, groups=reports.groups_frame())
    >>> G.number_of_nodes(), G.number_of_edges(), G.graph["crs"]
    (29, 28, 'EPSG:4326')
    """
    ship_df = shipments.reset_index(drop=True)
    group_df = (
        pd.DataFrame(columns=list(C.GROUP_COLUMNS)) if groups is None else groups
    ).reset_index(drop=True)
    G = nx.DiGraph(crs="EPSG:4326", routed=[], unrouted=[], origin_basis={})
    # Many trains share few routes at national scale: each distinct station sequence
    # is laid over numbered stations and segments once, and summed per segment.
    distinct = _distinct_routes(ship_df, routes, G.graph)
    cars = _column(ship_df, C.CARS_TOTAL, count_or_none)
    totals = _route_totals(distinct, cars, _train_days(ship_df))
    if remainders is None:
        remainders = group_remainders(ship_df, group_df)
    unsplit = _unsplit_cars(remainders, distinct.of_row)
    lay_corridors(G, distinct, totals, unsplit, network)
    return G


def lay_corridors(
    G: nx.DiGraph,
    distinct: DistinctRoutes,
    totals: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray],
    unsplit: Iterable[tuple[int, bool, int, collections.Counter[int]]],
    network: RailNetwork,
) -> None:
    """Add the stations and segments of the distinct routes to ``G`` (see :func:`corridor_graph`).

    Parameters
    ----------
    G
        The graph to fill (its ``routed``, ``unrouted`` and ``origin_basis`` already set).
    distinct
        The distinct routes, numbered by first use, with their trains in input order.
    totals
        Per route: trains, their own cars, first and last day (ordinals), as
        :func:`_route_totals` gives them.
    unsplit
        The groups' cars the trains' own counts leave out, as :func:`_unsplit_cars`
        yields them (route numbers of ``distinct``).
    network
        The network the routes lie on.

    Notes
    -----
    Needs a network and the distinct routes :func:`corridor_graph` builds; see
    ``tests/test_routegraph.py``.
    """
    trains, own_cars, first, last = totals
    lengths = np.fromiter(map(len, distinct.stations), np.int64, len(distinct.stations))
    nodes, stops = _stops(distinct.stations, network.G)
    _add_nodes(G, network.G, nodes, stops, lengths, trains)
    edges, steps = _steps(nodes, stops, lengths)
    del stops
    group_cars, unallocated = _group_cars(unsplit, steps, lengths)
    step_route, starts = _routes_by_edge(steps, lengths)
    del steps

    def per_edge(reduce: np.ufunc, per_route: np.ndarray) -> np.ndarray:
        return reduce.reduceat(per_route[step_route], starts)

    columns = {
        "trains": per_edge(np.add, trains).tolist(),
        "cars": (per_edge(np.add, own_cars) + group_cars).tolist(),
        "cars_unallocated": unallocated.tolist(),
        "first_date": _dates_of(per_edge(np.minimum, first)),
        "last_date": _dates_of(per_edge(np.maximum, last)),
    }
    columns[C.ROUTE_IDS], columns[C.ROUTE_TRAINS] = _edge_routes(
        distinct, trains, step_route, starts
    )
    _add_edges(G, network.G, edges, columns)
    logger.info(
        "Route graph: %d stations, %d segments, %d shipments routed, %d not",
        G.number_of_nodes(),
        G.number_of_edges(),
        len(G.graph["routed"]),
        len(G.graph["unrouted"]),
    )


def _column(df: pd.DataFrame, col: str, parse: Callable[[Any], Any]) -> list[Any]:
    """Return ``parse`` of each value of ``df[col]`` (of None when the column is absent)."""
    values = df[col].tolist() if col in df.columns else [None] * len(df)
    return [parse(v) for v in values]


def _dates_of(ordinals: np.ndarray) -> list[date | None]:
    return [date.fromordinal(d) if abs(d) != _NO_DAY else None for d in ordinals.tolist()]


def _edge_routes(
    distinct: DistinctRoutes, trains: np.ndarray, step_route: np.ndarray, starts: np.ndarray
) -> tuple[list[tuple[str, ...]], list[tuple[int, ...]]]:
    """Return per edge the routes that passed it (``route_id``, first use first) and their trains.

    A route is named once per edge, with all its trains, even where it passes the
    edge twice. Edges passed by the same routes share one pair of tuples: at national
    scale thousands of consecutive segments carry the same routes.
    """
    ids = [route_id(stations) for stations in distinct.stations]
    counts = trains.tolist()
    shared: dict[bytes, tuple[tuple[str, ...], tuple[int, ...]]] = {}
    names, numbers = [], []
    for start, end in itertools.pairwise([*starts.tolist(), len(step_route)]):
        part = step_route[start:end]
        key = part.tobytes()
        found = shared.get(key)
        if found is None:
            once = dict.fromkeys(part.tolist())  # ascending: in order of first use
            found = shared[key] = (
                tuple(ids[r] for r in once),
                tuple(counts[r] for r in once),
            )
        names.append(found[0])
        numbers.append(found[1])
    return names, numbers


def _role(origin: bool, destination: bool) -> str:
    if origin and destination:
        return "origin; destination"
    return "origin" if origin else "destination" if destination else "via"


def _add_nodes(
    G: nx.DiGraph,
    base: nx.Graph,
    nodes: list[str],
    stops: np.ndarray,
    lengths: np.ndarray,
    trains: np.ndarray,
) -> None:
    """Add the stations passed, with the network's attributes, ``trains`` and ``role``."""
    n = len(nodes)
    weights = np.repeat(trains.astype(np.float64), lengths)
    passed = np.bincount(stops, weights=weights, minlength=n).astype(np.int64)
    del weights
    ends = np.cumsum(lengths)
    origin, destination = np.zeros(n, bool), np.zeros(n, bool)
    origin[stops[ends - lengths]] = True
    destination[stops[ends - 1][lengths > 1]] = True
    attrs = zip(passed.tolist(), origin.tolist(), destination.tolist(), strict=True)
    G.add_nodes_from(
        (node, {**base.nodes[node], "trains": count, "role": _role(o, d)})
        for node, (count, o, d) in zip(nodes, attrs, strict=True)
    )


def _add_edges(
    G: nx.DiGraph, base: nx.Graph, edges: list[tuple[str, str]], columns: dict[str, list[Any]]
) -> None:
    """Add the segments travelled, with the network's attributes and ``columns``."""
    names = list(columns)
    G.add_edges_from(
        (u, v, _edge_attrs(base, u, v) | dict(zip(names, row, strict=True)))
        for (u, v), row in zip(edges, zip(*columns.values(), strict=True), strict=True)
    )


def _edge_attrs(base: nx.Graph, u: str, v: str) -> dict[str, Any]:
    data = base.edges[u, v]
    return {
        "length_km": float(data.get("length_km", float("nan"))),
        "line": data.get("line"),
        "border": base.nodes[u].get("country") != base.nodes[v].get("country"),
    }


def _unsplit_cars(
    rest: pd.DataFrame, of_row: list[int]
) -> Iterator[tuple[int, bool, int, collections.Counter[int]]]:
    """Yield the groups' cars that their trains' own counts leave out.

    The cars and the trains that may hold them are the group remainders
    (:func:`railtrack.remainders.group_remainders`, the rule summaries use too). Per
    remainder: the cars, whether they certainly passed where all the trains that may
    hold them did (all routed, none unlisted), how many trains those are, and their
    routes (route -> trains; -1 counts the trains not routed).

    ``rest`` is :func:`railtrack.remainders.group_remainders` of the tables
    (``holders`` are positions in the shipments table, as ``of_row``).
    """
    for total, holders, unlisted in zip(
        rest[C.CARS_TOTAL], rest[C.HOLDERS], rest[C.UNLISTED], strict=True
    ):
        if pd.isna(total) or not total or not holders:
            continue
        held = collections.Counter(of_row[m] for m in holders)
        yield int(total), -1 not in held and not unlisted, len(holders), held


def _group_cars(
    unsplit: Iterable[tuple[int, bool, int, collections.Counter[int]]],
    steps: np.ndarray,
    lengths: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """Return per edge the groups' cars not carried by their trains' own counts.

    The first array is the cars that certainly passed (every train that may carry
    them did), the second the ``cars_unallocated`` (only some of them did).
    """
    n_edges = int(steps.max()) + 1 if len(steps) else 0
    certain_cars, maybe_cars = np.zeros(n_edges, np.int64), np.zeros(n_edges, np.int64)
    passes = np.zeros(n_edges, np.int64)  # scratch: a group's trains per edge, reset after
    bounds = np.r_[0, np.cumsum(lengths - 1)].tolist()
    # ``a[edges] += x`` adds x once per distinct edge (repeated indices do not add up),
    # so a route passing a segment twice, or two routes sharing one, count it once.
    for rest, certain, n_holders, held in unsplit:
        held.pop(-1, None)
        paths = [steps[bounds[r] : bounds[r + 1]].astype(np.intp) for r in held]
        if not paths:
            continue
        passed = np.concatenate(paths) if len(paths) > 1 else paths[0]
        if not certain or len(paths) == 1:  # certain: one route holds all the trains
            (certain_cars if certain else maybe_cars)[passed] += rest
            continue
        for path, n in zip(paths, held.values(), strict=True):
            passes[path] += n
        everyone = passes[passed] == n_holders
        passes[passed] = 0
        certain_cars[passed[everyone]] += rest
        maybe_cars[passed[~everyone]] += rest
    return certain_cars, maybe_cars

"""The corridor graph from partitions of trains: what the Dask engine's route graph stage runs.

:func:`railtrack.routegraph.corridor_graph` numbers the distinct station sequences
of the routed trains by first use, sums per route the trains, their own cars and
their first and last dates, and lays the routes over the network. The sums merge
across partitions, so each partition of trains (partitions in load order) gives
its own distinct routes and sums (:func:`graph_part`), and the client merges them
in partition order (:func:`merge_parts`): the same numbering, the same trains per
route in the same order, the same sums. The groups' cars that their trains leave
out come from the group shuffle of the summaries (the remainders' holders by
routing key, :func:`railtrack.dask_summary.group_part`). The graph is then laid by
:func:`railtrack.routegraph.lay_corridors`, the one-machine code.

The client holds one row per distinct route and partition, and each routed train's
id (which the graph lists), never the trains' rows.
"""

from __future__ import annotations

import collections
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

import networkx as nx
import numpy as np
import pandas as pd

from railtrack import columns as C
from railtrack.remainders import count_or_none
from railtrack.routegraph import (
    _NO_DAY,
    DistinctRoutes,
    _column,
    _distinct_routes,
    _route_totals,
    _train_days,
    lay_corridors,
)

if TYPE_CHECKING:
    from railtrack.network import RailNetwork

__all__ = ["HOLDER_KEYS", "UNLISTED_TRAINS", "graph_part", "merge_parts", "unsplit_cars"]

HOLDER_KEYS = "_holder_keys"
"""Column of a remainder's contributions: the routing keys of the trains that may hold it."""
UNLISTED_TRAINS = "_unlisted"
"""Column of a remainder's contributions: its group's trains no report lists."""


def graph_part(ships: pd.DataFrame, routes: pd.DataFrame) -> dict[str, Any]:
    """Return a partition's distinct routes, their sums and the graph's lists of trains.

    Parameters
    ----------
    ships
        A partition of trains, in load order.
    routes
        Their routes (one row per train, by ``id``).

    Returns
    -------
    dict
        ``graph`` (the partition's ``routed``, ``unrouted`` and ``origin_basis``),
        ``routes`` (:class:`~railtrack.routegraph.DistinctRoutes`; ``of_row`` left
        out) and ``totals`` (trains, own cars, first and last day per route).

    Examples
    --------
    >>> ships = pd.DataFrame({"id": ["t1", "t2"], "cars_total": [40, None],
    ...                       "departure_earliest": ["2023-03-01", None]})
    >>> routes = pd.DataFrame({"id": ["t1", "t2"], "stations": [["a", "b"], None],
    ...                        "problem": [None, "no origin"], "origin_basis": ["station", None]})
    >>> part = graph_part(ships, routes)
    >>> part["graph"]["routed"], part["graph"]["unrouted"], part["totals"][0].tolist()
    (['t1'], ['t2: no origin'], [1])
    """
    ships = ships.reset_index(drop=True)
    graph: dict[str, Any] = {"routed": [], "unrouted": [], "origin_basis": {}}
    distinct = _distinct_routes(ships, routes, graph)
    cars = _column(ships, C.CARS_TOTAL, count_or_none)
    totals = _route_totals(distinct, cars, _train_days(ships))
    distinct.of_row = []  # positions in the partition: of no use elsewhere
    return {"graph": graph, "routes": distinct, "totals": totals}


def merge_parts(
    parts: Sequence[dict[str, Any]],
) -> tuple[nx.DiGraph, DistinctRoutes, tuple[Any, ...]]:
    """Merge :func:`graph_part` results, in load order, into the whole input's routes and sums.

    Returns
    -------
    G : networkx.DiGraph
        Empty but for ``G.graph`` (``crs``, ``routed``, ``unrouted``, ``origin_basis``).
    routes : DistinctRoutes
        Numbered by first use over all partitions (``of_row`` empty).
    totals : tuple of numpy.ndarray
        Trains, own cars, first and last day per route.
    """
    G = nx.DiGraph(crs="EPSG:4326", routed=[], unrouted=[], origin_basis={})
    out = DistinctRoutes(order=[], stations=[], members=[], of_row=[])
    number: dict[tuple[str, ...], int] = {}
    sums: list[list[int]] = []
    for part in parts:
        for name in ("routed", "unrouted"):
            G.graph[name].extend(part["graph"][name])
        G.graph["origin_basis"].update(part["graph"]["origin_basis"])
        local: DistinctRoutes = part["routes"]
        offset = len(out.order)
        out.order.extend(local.order)
        for r, stations in enumerate(local.stations):
            key = tuple(stations)
            at = number.setdefault(key, len(out.stations))
            if at == len(out.stations):
                out.stations.append(stations)
                out.members.append([])
                sums.append([0, 0, _NO_DAY, -_NO_DAY])
            out.members[at].extend(offset + m for m in local.members[r])
            trains, cars, first, last = (int(a[r]) for a in part["totals"])
            row = sums[at]
            row[0] += trains
            row[1] += cars
            row[2] = min(row[2], first)
            row[3] = max(row[3], last)
    table = np.array(sums, dtype=np.int64).reshape(-1, 4)
    return G, out, tuple(table[:, i].copy() for i in range(4))


def unsplit_cars(
    rest: pd.DataFrame, routes: DistinctRoutes, stations_of: dict[str, Any]
) -> Iterator[tuple[int, bool, int, collections.Counter[int]]]:
    """Yield the groups' cars their trains leave out, as ``routegraph._unsplit_cars`` does.

    Parameters
    ----------
    rest
        The remainders' contributions (:func:`railtrack.dask_summary.group_part`):
        ``cars_total``, :data:`HOLDER_KEYS` and :data:`UNLISTED_TRAINS` are read.
    routes
        The merged distinct routes (:func:`merge_parts`).
    stations_of
        Routing key -> stations (None when that key is not routed).
    """
    number = {tuple(s): r for r, s in enumerate(routes.stations)}

    def route_of(key: str) -> int:
        stations = stations_of.get(key)
        if not isinstance(stations, list) or not stations:
            return -1
        return number.get(tuple(stations), -1)

    for total, keys, unlisted in zip(
        rest[C.CARS_TOTAL], rest[HOLDER_KEYS], rest[UNLISTED_TRAINS], strict=True
    ):
        if pd.isna(total) or not total or not keys:
            continue
        held = collections.Counter(route_of(k) for k in keys)
        yield int(total), -1 not in held and not unlisted, len(keys), held


def corridors(
    parts: Sequence[dict[str, Any]],
    rest: pd.DataFrame,
    stations_of: dict[str, Any],
    network: RailNetwork,
) -> nx.DiGraph:
    """Return the corridor graph from :func:`graph_part` results and the remainders.

    Equal to :func:`railtrack.routegraph.corridor_graph` of the whole tables.
    """
    G, routes, totals = merge_parts(parts)
    unsplit = list(unsplit_cars(rest, routes, stations_of)) if len(rest) else []
    lay_corridors(G, routes, (totals[0], totals[1], totals[2], totals[3]), unsplit, network)
    return G

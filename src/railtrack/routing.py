"""Shortest rail routes by length: single routes, k alternatives, via points, batches.

Routes are found with Dijkstra on the edge attribute ``length_km``; the ``k``
shortest alternatives with :func:`networkx.shortest_simple_paths`. An end given as a
region ("Belarus") routes from the region's report stations and each :class:`Route`
names the station it used. For batches, one single-source shortest-path tree is
computed per distinct origin and kept in a small cache.

Use these through :class:`railtrack.network.RailNetwork` (``net.route``,
``net.routes_from_each``, ``net.route_lengths``).
"""

from __future__ import annotations

import itertools
import logging
import operator
from collections import OrderedDict, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any, cast

import networkx as nx
import numpy as np

from railtrack import columns as C
from railtrack._lazy import lazy_module
from railtrack.errors import NetworkError, NoRoute, StationNotFound
from railtrack.settings import DEFAULT_SETTINGS, Settings

if TYPE_CHECKING:
    import pandas as pd
    from scipy import sparse
    from scipy.sparse import csgraph

    from railtrack.gazetteer import Gazetteer
else:  # imported on first use: resolving a name needs neither (a fast start)
    pd = lazy_module("pandas")
    sparse = lazy_module("scipy.sparse")
    csgraph = lazy_module("scipy.sparse.csgraph")

__all__ = ["Route", "RouteFinder", "join_legs", "path_length_km", "route_from_path"]

logger = logging.getLogger(__name__)

WEIGHT = "length_km"
_SOURCE = "__railtrack_source__"
_TARGET = "__railtrack_target__"


@dataclass(frozen=True)
class Route:
    """One rail route.

    Attributes
    ----------
    stations
        Station ids from origin to destination.
    names
        Their canonical names.
    length_km
        Sum of the links' ``length_km``.
    border_crossings
        ``"A–B"`` names of links where the country changes, in order.
    geometry
        ``(lon, lat)`` of each station that has a position.
    origin, destination
        Station ids of the ends actually used.
    origin_query, destination_query
        The ends as given (a name, an id or a region).

    Routes are made by :meth:`railtrack.RailNetwork.route` (shortest first, by
    ``length_km``); a Route is frozen and plain: :meth:`to_dict` is its JSON form.

    Examples
    --------
    >>> from railtrack import load_network
    >>> route = load_network(national=False).route("Slonim", "Matveev Kurgan")[0]
    >>> route.origin, route.destination, route.origin_query
    ('BY-SLONIM', '511103', 'Slonim')
    >>> route.names[:3], len(route.stations) == len(route.names)
    (('Slonim', 'Baranovichi-Polesskiye', 'Lyakhovichi'), True)
    >>> round(route.length_km), route.border_crossings
    (2192, ('Zakopytye–Zlynka',))
    >>> route.to_dict()["length_km"]
    2192.1
    """

    stations: tuple[str, ...]
    names: tuple[str, ...]
    length_km: float
    border_crossings: tuple[str, ...]
    geometry: tuple[tuple[float, float], ...]
    origin: str
    destination: str
    origin_query: str
    destination_query: str

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready form (``stations``, ``names``, ``length_km`` ...).

        Lists instead of tuples; ``length_km`` rounded to 0.1 km.

        Examples
        --------
        >>> r = Route(("A", "B"), ("Orsha", "Krasnoye"), 72.04, ("Orsha–Krasnoye",),
        ...           ((30.4, 54.5), (31.4, 54.6)), "A", "B", "Orsha", "Krasnoye")
        >>> d = r.to_dict()
        >>> d["length_km"], d["names"], d["geometry"][0]
        (72.0, ['Orsha', 'Krasnoye'], [30.4, 54.5])
        """
        return {
            "origin_query": self.origin_query,
            "destination_query": self.destination_query,
            "origin": self.origin,
            "destination": self.destination,
            "length_km": round(self.length_km, 1),
            "stations": list(self.stations),
            "names": list(self.names),
            "border_crossings": list(self.border_crossings),
            "geometry": [list(p) for p in self.geometry],
        }


def passed_destination(
    G: nx.Graph, route: Route, settings: Settings | None = None
) -> tuple[str, float, float] | None:
    """Return where a route passes its destination and leaves it again, if it does.

    A station before the end that lies within ``Settings.route_passes_destination_km``
    (straight line) of the destination, after which the route still runs more than
    four times that distance plus 20 km, means a doubling back: a real train would
    stop there (ru-rail's Kursk - Belgorod reaches Belgorod-1, 2 km from Belgorod,
    then goes 30 km north and back, trial19 T7).

    Parameters
    ----------
    G
        The station graph (``lat``/``lon`` node attributes; stations without are skipped).
    route
        The route to check.
    settings
        ``route_passes_destination_km``.

    Returns
    -------
    tuple of (str, float, float) or None
        The first such station's name, its straight-line distance to the destination
        (km) and the route's length after it (km); None when the route does not.
    """
    from railtrack.network import haversine_km

    near = (settings or DEFAULT_SETTINGS).route_passes_destination_km
    end = G.nodes[route.destination] if route.destination in G else {}
    if end.get("lat") is None or end.get("lon") is None or len(route.stations) < 3:
        return None
    rest = route.length_km
    for a, b in itertools.pairwise(route.stations[:-1]):
        rest -= float(G.edges[a, b].get("length_km", 0.0)) if G.has_edge(a, b) else 0.0
        d = G.nodes[b]
        if d.get("lat") is None or d.get("lon") is None:
            continue
        km = haversine_km(float(d["lat"]), float(d["lon"]), float(end["lat"]), float(end["lon"]))
        if km <= near and rest > 4.0 * km + 20.0:
            return str(d.get("name", b)), km, rest
    return None


def path_length_km(G: nx.Graph, path: Sequence[str]) -> float:
    """Sum of ``length_km`` over the links of a path.

    Parameters
    ----------
    G
        Station graph.
    path
        Station ids in order.

    Returns
    -------
    float
        Length in km (0 for a one-station path).

    Raises
    ------
    KeyError
        When two consecutive stations are not linked, or a link has no ``length_km``.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph()
    >>> G.add_node("A", name="Orsha", country="BY", lat=54.5, lon=30.4)
    >>> G.add_node("B", name="Krasnoye", country="RU", lat=54.6, lon=31.4)
    >>> G.add_node("C", name="Smolensk", country="RU", lat=54.8, lon=32.0)
    >>> G.add_edge("A", "B", length_km=72.0)
    >>> G.add_edge("B", "C", length_km=48.5)
    >>> path_length_km(G, ["A", "B", "C"]), path_length_km(G, ["A"])
    (120.5, 0.0)
    """
    return float(sum(G.edges[u, v][WEIGHT] for u, v in itertools.pairwise(path)))


def join_legs(G: nx.Graph, legs: Sequence[Sequence[str]]) -> list[str]:
    """Join leg paths (each starting where the one before ends) without going out and back.

    A via point that lies off the shortest line between its neighbours makes the
    joined legs pass a station twice: out to the via point and back over the same
    track (Bryansk -> Zhlobin -> Gomel ran Buda-Koshelyovo, Zhlobin, Buda-Koshelyovo).
    A train seen at the via point cannot have done that, so each leg in turn is
    routed again with the other legs' stations closed, and the shortest join that
    passes no station twice is kept. When none exists, the plain join is returned.

    Parameters
    ----------
    G
        Station graph with ``length_km`` on its links.
    legs
        Station-id paths, at least one; ``legs[i][-1] == legs[i + 1][0]``.

    Returns
    -------
    list of str
        Station ids from the first leg's start to the last leg's end.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph()
    >>> G.add_weighted_edges_from(
    ...     [("O", "J", 1.0), ("J", "V", 1.0), ("J", "D", 1.0), ("O", "N", 3.0), ("N", "V", 3.0)],
    ...     weight="length_km",
    ... )
    >>> join_legs(G, [["O", "J", "V"], ["V", "J", "D"]])
    ['O', 'N', 'V', 'J', 'D']
    >>> join_legs(G, [["O", "J"], ["J", "D"]])
    ['O', 'J', 'D']
    """
    joined = _concat(legs)
    if len(set(joined)) == len(joined):
        return joined
    best: tuple[float, list[str]] | None = None
    for i, leg in enumerate(legs):
        if len(leg) < 2:
            continue
        closed = {n for j, other in enumerate(legs) if j != i for n in other}
        closed -= {leg[0], leg[-1]}
        try:
            path = nx.dijkstra_path(nx.restricted_view(G, closed, []), leg[0], leg[-1], WEIGHT)
        except nx.NetworkXNoPath:
            continue
        candidate = _concat([*legs[:i], path, *legs[i + 1 :]])
        if len(set(candidate)) == len(candidate):
            km = path_length_km(G, candidate)
            if best is None or km < best[0]:
                best = (km, candidate)
    return joined if best is None else best[1]


def _concat(legs: Sequence[Sequence[str]]) -> list[str]:
    path = list(legs[0])
    for leg in legs[1:]:
        path.extend(leg[1:])
    return path


TRACK_NAME_PREFIX = "track near "
"""How a node of the national track layer is named (it has no station name)."""


def crossing_label(
    path_names: Sequence[str],
    countries: Sequence[str],
    j: int,
    points: Sequence[tuple[float, float] | None] = (),
    *,
    max_km: float = 25.0,
) -> str:
    """Name the border crossing between positions ``j`` and ``j + 1`` of a path.

    Border crossings are known by the pair of stations either side ("Osinovka–
    Krasnoye"). A side that is a node of the national track layer has no station
    name ("track near Katyn'"), so the nearest named station on that side of the
    border along the path stands for it if it lies within ``max_km`` (straight
    line) of the border link; when a side has none, the label says which border it
    is instead of naming a place that is not at it.

    Parameters
    ----------
    path_names
        Node names along the path.
    countries
        ISO country codes along the path (same length).
    j
        Position of the last node before the border.
    points
        ``(lon, lat)`` in degrees along the path (None where unknown); without
        them only the two nodes of the border link are candidates.
    max_km
        How far from the border link (the midpoint of its two nodes) a named
        station may be to name its side.

    Returns
    -------
    str
        ``"A–B"`` when both sides have a named station; ``"A (BY–RU border)"`` when
        one side has; ``"BY–RU border near X"`` (X the track layer's nearest town)
        when neither has.

    Examples
    --------
    >>> crossing_label(["Orsha", "Osinovka", "Krasnoye"], ["BY", "BY", "RU"], 1)
    'Osinovka–Krasnoye'
    >>> names = ["Zaolsha", "track near Katyn'", "Smolensk"]
    >>> crossing_label(names, ["BY", "RU", "RU"], 0, [(31.0, 55.0), (31.2, 55.0), (32.0, 54.8)])
    'Zaolsha (BY–RU border)'
    >>> crossing_label(["track near Krychaw", "track near Roslavl"], ["BY", "RU"], 0)
    'BY–RU border near Krychaw'
    """
    from railtrack.network import haversine_km

    here = points[j] if len(points) > j + 1 else None
    there = points[j + 1] if len(points) > j + 1 else None
    middle = ((here[0] + there[0]) / 2, (here[1] + there[1]) / 2) if here and there else None

    def near(k: int) -> bool:
        p = points[k] if k < len(points) else None
        if middle is None or p is None:
            return k in (j, j + 1)
        return bool(haversine_km(middle[1], middle[0], p[1], p[0]) <= max_km)

    def named(positions: Iterable[int], country: str) -> str | None:
        for k in positions:
            if not 0 <= k < len(path_names) or countries[k] != country or not near(k):
                return None
            if not path_names[k].startswith(TRACK_NAME_PREFIX):
                return path_names[k]
        return None

    left = named(range(j, -1, -1), countries[j])
    right = named(range(j + 1, len(path_names)), countries[j + 1])
    # the same crossing gets the same label whichever way a train runs
    first, second = sorted((j, j + 1), key=lambda k: countries[k])
    border = f"{countries[first]}–{countries[second]} border"
    if left and right:
        return f"{left}–{right}"
    if left or right:
        return f"{left or right} ({border})"
    sides = [path_names[k] for k in (first, second)]
    plain = [n for n in sides if not n.startswith(TRACK_NAME_PREFIX)]
    return f"{border} near {(plain or sides)[0].removeprefix(TRACK_NAME_PREFIX)}"


def route_from_path(
    G: nx.Graph,
    path: Sequence[str],
    *,
    origin_query: str = "",
    destination_query: str = "",
    length_km: float | None = None,
) -> Route:
    """Build a :class:`Route` from a station path.

    Parameters
    ----------
    G
        Station graph with node attributes ``name``, ``country``, ``lat``, ``lon``.
    path
        Station ids in order (at least one).
    origin_query, destination_query
        The ends as the user gave them; default to the end station ids.
    length_km
        The path's length when already known (e.g. from a shortest-path tree);
        summed from the links otherwise.

    Returns
    -------
    Route
        With length (km), border crossings (links where ``country`` changes) and
        geometry (``(lon, lat)`` of the stations that have a position).

    Raises
    ------
    KeyError
        When a station is not in ``G``, or (``length_km`` None) two consecutive
        stations are not linked.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph()
    >>> G.add_node("A", name="Orsha", country="BY", lat=54.5, lon=30.4)
    >>> G.add_node("B", name="Krasnoye", country="RU", lat=54.6, lon=31.4)
    >>> G.add_node("C", name="Smolensk", country="RU", lat=54.8, lon=32.0)
    >>> G.add_edge("A", "B", length_km=72.0)
    >>> G.add_edge("B", "C", length_km=48.5)
    >>> r = route_from_path(G, ["A", "B", "C"], origin_query="Orsha")
    >>> r.names, r.length_km, r.border_crossings
    (('Orsha', 'Krasnoye', 'Smolensk'), 120.5, ('BY–RU border near Orsha',))
    >>> r.origin_query, r.destination_query
    ('Orsha', 'C')
    """
    data = [G.nodes[n] for n in path]
    names = tuple(str(d.get("name", n)) for d, n in zip(data, path, strict=True))
    countries = [d.get("country") or "" for d in data]
    points = [
        (float(d["lon"]), float(d["lat"]))
        if d.get("lat") is not None and d.get("lon") is not None
        else None
        for d in data
    ]
    crossings = tuple(
        crossing_label(names, countries, i, points)
        for i in range(len(path) - 1)
        if countries[i] and countries[i + 1] and countries[i] != countries[i + 1]
    )
    geometry = tuple(p for p in points if p is not None)
    return Route(
        stations=tuple(path),
        names=names,
        length_km=path_length_km(G, path) if length_km is None else float(length_km),
        border_crossings=crossings,
        geometry=geometry,
        origin=path[0],
        destination=path[-1],
        origin_query=origin_query or path[0],
        destination_query=destination_query or path[-1],
    )


@dataclass(frozen=True)
class _End:
    query: str
    ids: tuple[str, ...]
    label: str  # station or region name, for messages


# Paths looked at per route asked for when alternatives are wanted: many shortest simple
# paths differ only in an unnamed track node (a junction's two sides), never shown.
_PATHS_PER_ROUTE = 2
# How much longer the edges of the routes found are made when looking for a detour.
_DETOUR_FACTOR = 3.0


class RouteFinder:
    """Routing over one graph, resolving names with a gazetteer.

    Parameters
    ----------
    G
        Station graph with ``length_km`` on every edge.
    gazetteer
        Resolves names and regions to station ids.
    settings
        Cache size; :data:`railtrack.settings.DEFAULT_SETTINGS` when omitted.

    Notes
    -----
    Station names, countries, positions and shortest-path trees are cached from the
    graph as it is when the finder is built; treat the graph as read-only afterwards.
    Its methods back those of :class:`railtrack.RailNetwork` and raise the same
    errors (:class:`~railtrack.errors.StationNotFound`,
    :class:`~railtrack.errors.NoRoute`, :class:`~railtrack.errors.NetworkError`).

    Examples
    --------
    >>> from railtrack import load_network
    >>> net = load_network(national=False)
    >>> finder = RouteFinder(net.G, net.gazetteer)
    >>> round(finder.route("Slonim", "Matveev Kurgan")[0].length_km, 1)
    2192.1
    >>> finder.route("Slonim", "Kursk", k=0)
    Traceback (most recent call last):
    ...
    railtrack.errors.NetworkError: k must be at least 1, got 0
    """

    def __init__(
        self, G: nx.Graph, gazetteer: Gazetteer, *, settings: Settings | None = None
    ) -> None:
        self.G = G
        self.gazetteer = gazetteer
        self.settings = settings or DEFAULT_SETTINGS
        self._ids = list(G)
        self._pos = {n: i for i, n in enumerate(self._ids)}
        # Per-station (name, country, lon/lat or None) by position, for fast routes.
        self._names = [str(d.get("name", n)) for n, d in G.nodes(data=True)]
        self._countries = [d.get("country") or "" for _, d in G.nodes(data=True)]
        self._points = [
            (float(d["lon"]), float(d["lat"]))
            if d.get("lat") is not None and d.get("lon") is not None
            else None
            for _, d in G.nodes(data=True)
        ]
        self._has_point = np.array([p is not None for p in self._points], dtype=bool)
        # Countries as small integers (0 = unknown), to find border links with numpy.
        codes = {c: i for i, c in enumerate(sorted(set(self._countries) - {""}), start=1)}
        self._country_codes = np.array([codes.get(c, 0) for c in self._countries], dtype=np.int32)
        self._trees: OrderedDict[str, _Tree] = OrderedDict()

    # --- ends ----------------------------------------------------------------------
    def _end(self, name: str) -> _End:
        r = self.gazetteer.resolve(name)
        if not r.resolved:
            raise StationNotFound(str(name), r.candidates)
        if not r.in_network:
            where = f"{r.name} ({r.country})" if r.country else str(r.name)
            off = "track does not reach" in r.note
            msg = f"{name!r} is {where}, " + (
                "a town the network's track does not reach: no route"
                if off
                else "outside the network area: no route"
            )
            raise NoRoute(msg)
        if r.station_id is not None:
            return _End(query=str(name), ids=(r.station_id,), label=f"{r.name} ({r.station_id})")
        ids = r.report_stations or r.region_stations
        if not ids:
            msg = f"region {r.region!r} (from {name!r}) has no stations in this network"
            raise NoRoute(msg)
        return _End(query=str(name), ids=tuple(ids), label=f"region {r.region}")

    def _station(self, name: str) -> str:
        end = self._end(name)
        if len(end.ids) != 1:
            msg = f"via point {name!r} is a region ({end.label}); give a station"
            raise NetworkError(msg)
        return end.ids[0]

    # --- single routes -------------------------------------------------------------
    def route(
        self,
        origin: str,
        destination: str,
        *,
        via: str | Sequence[str] | None = None,
        k: int = 1,
    ) -> list[Route]:
        """Shortest routes, shortest first (see :meth:`RailNetwork.route`).

        Examples
        --------
        >>> from railtrack import load_network
        >>> net = load_network(national=False)
        >>> finder = RouteFinder(net.G, net.gazetteer)
        >>> [round(r.length_km) for r in finder.route("Polonka", "Rossosh", k=2)]
        [1575, 1583]
        >>> "BY-GOMEL" in finder.route("Slonim", "Matveev Kurgan", via="Gomel")[0].stations
        True
        """
        if k < 1:
            msg = f"k must be at least 1, got {k}"
            raise NetworkError(msg)
        start, end = self._end(origin), self._end(destination)
        vias = [via] if isinstance(via, str) else list(via or [])
        if not vias and k == 1 and len(start.ids) == 1 and len(end.ids) == 1:
            # The common case: one path read off a cached shortest-path tree.
            idx, km = self._tree_path(start.ids[0], end.ids[0], start, end)
            return [self._fast_route(idx, km, str(origin), str(destination))]
        stops = [start, *(_End(v, (self._station(v),), v) for v in vias), end]
        legs = [self._leg_paths(a, b, k) for a, b in itertools.pairwise(stops)]
        combos: list[tuple[float, list[str]]] = []
        for choice in itertools.product(*legs):
            path = join_legs(self.G, choice)
            combos.append((path_length_km(self.G, path), path))
        combos.sort(key=lambda c: c[0])
        routes: list[Route] = []
        seen: set[tuple[str, ...]] = set()
        for _, path in combos:
            # alternatives differ in their stations, not in an unnamed track node alone
            named = self._stops(path)
            if named in seen:
                continue
            seen.add(named)
            routes.append(
                route_from_path(
                    self.G, path, origin_query=str(origin), destination_query=str(destination)
                )
            )
            if len(routes) == k:
                break
        return routes

    def _leg_paths(self, a: _End, b: _End, k: int) -> list[list[str]]:
        if len(a.ids) == 1 and len(b.ids) == 1:
            u, v = a.ids[0], b.ids[0]
            if u == v:
                return [[u]]
            if k == 1:
                return [[self._ids[i] for i in self._tree_path(u, v, a, b)[0]]]
            return self._simple_paths(self.G, u, v, k, a, b)
        # Region ends: join them to virtual nodes so one search covers every station.
        H = self.G.copy()
        H.add_edges_from(((_SOURCE, s) for s in a.ids), **{WEIGHT: 0.0})
        H.add_edges_from(((t, _TARGET) for t in b.ids), **{WEIGHT: 0.0})
        paths = self._simple_paths(H, _SOURCE, _TARGET, k, a, b)
        return [p[1:-1] for p in paths]

    def _simple_paths(
        self, H: nx.Graph, u: str, v: str, k: int, a: _End, b: _End
    ) -> list[list[str]]:
        paths: list[list[str]] = []
        seen: set[tuple[str, ...]] = set()
        try:
            found = nx.shortest_simple_paths(H, u, v, weight=WEIGHT)
            # paths through other unnamed track nodes only are one route to the reader:
            # look a bounded number of paths further for k that differ in their stations
            for path in itertools.islice(found, k * _PATHS_PER_ROUTE):
                stops = self._stops(path)
                if stops not in seen:
                    seen.add(stops)
                    paths.append(path)
                    if len(paths) == k:
                        break
        except nx.NetworkXNoPath as exc:
            raise self._no_route(a, b) from exc
        # Still short (a long route's junction triangles give thousands of variants):
        # detour around the routes found, their edges made _DETOUR_FACTOR times longer.
        used: set[frozenset[str]] = set()
        for _ in range(k - len(paths)):
            used.update(frozenset(e) for p in paths for e in itertools.pairwise(p))

            def km(x: str, y: str, d: dict[str, Any]) -> float:
                extra = _DETOUR_FACTOR if frozenset((x, y)) in used else 1.0
                return float(d[WEIGHT]) * extra

            path = cast("list[str]", nx.shortest_path(H, u, v, weight=km))
            named = self._stops(path)
            if named in seen:
                break
            seen.add(named)
            paths.append(path)
        return paths

    def _stops(self, path: Sequence[str]) -> tuple[str, ...]:
        """Return the stations of a path: its nodes less the unnamed track nodes, ends kept."""
        track = self._track_nodes
        if track.isdisjoint(path):
            return tuple(path)
        last = len(path) - 1
        return tuple(n for i, n in enumerate(path) if n not in track or i in (0, last))

    @cached_property
    def _track_nodes(self) -> frozenset[str]:
        """Ids of the unnamed track nodes (``kind == "track"``) of the graph."""
        return frozenset(n for n, kind in self.G.nodes(data="kind") if kind == "track")

    def _no_route(self, a: _End, b: _End) -> NoRoute:
        return NoRoute(
            f"no rail route from {a.query!r} [{a.label}] to {b.query!r} [{b.label}]: "
            "they lie in different connected parts of the network"
        )

    def _tree(self, source: str) -> _Tree:
        """Shortest-path tree from ``source`` as arrays (distance, predecessor index)."""
        tree = self._trees.get(source)
        if tree is not None:
            self._trees.move_to_end(source)
            return tree
        # scipy's compiled Dijkstra: ~100 times faster than networkx on a national network.
        dist_km, parent = csgraph.dijkstra(
            self._matrix, directed=True, indices=self._pos[source], return_predecessors=True
        )
        parent = parent.astype(np.int32)  # scipy marks the root and unreached nodes -9999
        tree = _Tree(dist_km, parent)
        if self.settings.route_cache_size:
            self._trees[source] = tree
            while len(self._trees) > self.settings.route_cache_size:
                self._trees.popitem(last=False)
        return tree

    @cached_property
    def _matrix(self) -> sparse.csr_array:
        """The graph as a symmetric sparse matrix of ``length_km`` (0 km links kept)."""
        pos = self._pos
        rows, cols, km = [], [], []
        for u, v, length in self.G.edges(data=WEIGHT):
            rows.append(pos[u])
            cols.append(pos[v])
            km.append(length)
        weights = np.asarray(km, dtype="float64")
        n = len(self._ids)
        return sparse.csr_array(
            (np.concatenate([weights, weights]), (np.array(rows + cols), np.array(cols + rows))),
            shape=(n, n),
        )

    def _fast_route(self, idx: list[int], km: float, origin: str, destination: str) -> Route:
        """:func:`route_from_path` for a path of node positions, from cached attributes."""
        take = _take(idx)
        names, stations = take(self._names), take(self._ids)
        positions = np.asarray(idx, dtype=np.intp)
        codes = self._country_codes[positions]
        border = np.flatnonzero((codes[:-1] != codes[1:]) & (codes[:-1] > 0) & (codes[1:] > 0))
        countries = take(self._countries) if border.size else ()
        points = take(self._points) if border.size else ()
        return Route(
            stations=stations,
            names=names,
            length_km=km,
            border_crossings=tuple(
                crossing_label(names, countries, j, points) for j in border.tolist()
            ),
            geometry=_known_points(
                take(self._points), every=bool(self._has_point[positions].all())
            ),
            origin=stations[0],
            destination=stations[-1],
            origin_query=origin or stations[0],
            destination_query=destination or stations[-1],
        )

    @staticmethod
    def _walk(parent: np.ndarray, i: int) -> list[int]:
        """Node positions from the tree's root to position ``i``."""
        path = [i]
        i = parent.item(i)
        while i >= 0:
            path.append(i)
            i = parent.item(i)
        path.reverse()
        return path

    def _tree_path(self, u: str, v: str, a: _End, b: _End) -> tuple[list[int], float]:
        """Shortest path (node positions) and its length from a cached tree of either end."""
        if u == v:
            return [self._pos[u]], 0.0
        if v in self._trees and u not in self._trees:
            path, km = self._tree_path(v, u, b, a)
            return path[::-1], km
        tree = self._tree(u)
        km = float(tree.dist_km[self._pos[v]])
        if not np.isfinite(km):
            raise self._no_route(a, b)
        return self._walk(tree.parent, self._pos[v]), km

    # --- many routes ---------------------------------------------------------------
    def routes_from_each(self, origin: str, destination: str) -> list[Route]:
        """One shortest route from each station of a region origin, shortest first.

        Examples
        --------
        >>> from railtrack import load_network
        >>> net = load_network(national=False)
        >>> routes = RouteFinder(net.G, net.gazetteer).routes_from_each("Belarus", "Matveev Kurgan")
        >>> [(r.names[0], round(r.length_km)) for r in routes[:2]]
        [('Chepino', 1831), ('Osipovichi-I', 1897)]
        """
        start, end = self._end(origin), self._end(destination)
        routes: list[Route] = []
        for sid in start.ids:
            one = _End(start.query, (sid,), start.label)
            try:
                (path,) = self._leg_paths(one, end, 1)
            except NoRoute:
                logger.info("No route from %s to %s; origin skipped", sid, end.label)
                continue
            routes.append(
                route_from_path(
                    self.G, path, origin_query=str(origin), destination_query=str(destination)
                )
            )
        if not routes:
            raise self._no_route(start, end)
        return sorted(routes, key=lambda r: r.length_km)

    def iter_routes_between(
        self, pairs: Iterable[tuple[str, str]], *, chunk: int = 32
    ) -> Iterator[tuple[tuple[str, str], Route | None]]:
        """Yield ``((u, v), Route or None)`` per distinct pair of station ids.

        See :meth:`RailNetwork.routes_between`; routes are yielded as they are found,
        so a caller keeping only what it needs holds one chunk of trees at a time.

        Examples
        --------
        >>> from railtrack import load_network
        >>> net = load_network(national=False)
        >>> finder = RouteFinder(net.G, net.gazetteer)
        >>> found = dict(finder.iter_routes_between([("BY-SLONIM", "511103")]))
        >>> round(found["BY-SLONIM", "511103"].length_km, 1)
        2192.1
        """
        todo = {(str(u), str(v)) for u, v in pairs}
        for u, v in todo:
            for sid in (u, v):
                if sid not in self._pos:
                    raise StationNotFound(sid, [])
        # The network is undirected: search from whichever side has fewer distinct ends,
        # once per end, so a batch costs one Dijkstra per railhead rather than per origin.
        flip = len({v for _, v in todo}) < len({u for u, _ in todo})
        by_root: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for pair in todo:
            by_root[pair[1] if flip else pair[0]].append(pair)
        roots = sorted(by_root)
        for start in range(0, len(roots), chunk):
            batch = roots[start : start + chunk]
            dist, parent = csgraph.dijkstra(
                self._matrix,
                directed=True,
                indices=[self._pos[r] for r in batch],
                return_predecessors=True,
            )
            for row, root in enumerate(batch):
                tree = parent[row].tolist()  # list indexing beats ndarray.item per step
                for u, v in sorted(by_root[root]):
                    target = self._pos[u if flip else v]
                    km = float(dist[row, target])
                    if not np.isfinite(km):
                        yield (u, v), None
                        continue
                    idx = _walk_list(tree, target)
                    yield (u, v), self._fast_route(idx[::-1] if flip else idx, km, u, v)

    def route_lengths(self, pairs: Iterable[tuple[str, str]]) -> pd.DataFrame:
        """Shortest lengths for many pairs (see :meth:`RailNetwork.route_lengths`).

        Examples
        --------
        >>> from railtrack import load_network
        >>> net = load_network(national=False)
        >>> RouteFinder(net.G, net.gazetteer).route_lengths([("Slonim", "Matveev Kurgan")])
              origin destination  length_km  n_stations
        0  BY-SLONIM      511103     2192.1          39
        """
        ends: list[tuple[str | None, str | None]] = [
            (self._single_or_none(o), self._single_or_none(d)) for o, d in pairs
        ]
        n_origins = len({o for o, _ in ends if o})
        n_dests = len({d for _, d in ends if d})
        flip = n_dests < n_origins  # undirected: search from the side with fewer ends
        lengths = np.full(len(ends), np.nan)
        counts = np.zeros(len(ends), dtype="int64")
        order = sorted(range(len(ends)), key=lambda i: str(ends[i][1 if flip else 0]))
        for i in order:
            first, second = ends[i]
            if first is None or second is None:
                continue
            src, dst = (second, first) if flip else (first, second)
            tree = self._tree(src)
            km = tree.dist_km[self._pos[dst]]
            if np.isfinite(km):
                lengths[i] = km
                counts[i] = tree.n_stations(self._pos[dst])
        unreachable = int(np.isnan(lengths).sum())
        if unreachable:
            logger.info("%d of %d pairs have no route or no resolved end", unreachable, len(ends))
        n_stations = pd.array(counts, dtype="Int64")
        n_stations[np.isnan(lengths)] = pd.NA
        return pd.DataFrame(
            {
                C.ORIGIN: [o for o, _ in ends],
                C.DESTINATION: [d for _, d in ends],
                C.LENGTH_KM: lengths,
                C.N_STATIONS: n_stations,
            },
            columns=list(C.ROUTE_LENGTH_COLUMNS),
        )

    def _single_or_none(self, name: str) -> str | None:
        r = self.gazetteer.resolve(name)
        if r.station_id is None:
            logger.info("%r is not one station (%s); its pairs get no length", name, r.note)
        return r.station_id


def _known_points(
    points: tuple[tuple[float, float] | None, ...], *, every: bool
) -> tuple[tuple[float, float], ...]:
    """Return the points that are known; ``every``: none is missing (skip the check)."""
    if every:
        return cast(tuple[tuple[float, float], ...], points)
    return tuple(p for p in points if p is not None)


def _walk_list(parent: list[int], i: int) -> list[int]:
    """Node positions from a shortest-path tree's root to position ``i``.

    ``parent`` is the tree's predecessor row as a list (-9999 at the root, as
    :func:`scipy.sparse.csgraph.dijkstra` writes it).

    Examples
    --------
    >>> _walk_list([-9999, 0, 1, 0], 2)
    [0, 1, 2]
    """
    path = [i]
    i = parent[i]
    while i >= 0:
        path.append(i)
        i = parent[i]
    path.reverse()
    return path


def _take(idx: Sequence[int]) -> Callable[[Sequence[Any]], tuple[Any, ...]]:
    """Return a function picking the items at ``idx`` from a sequence, as a tuple."""
    if len(idx) == 1:
        return lambda seq: (seq[idx[0]],)
    return operator.itemgetter(*idx)


class _Tree:
    """A single-source shortest-path tree: km to each node, parent index (-1 at root)."""

    __slots__ = ("dist_km", "parent")

    def __init__(self, dist_km: np.ndarray, parent: np.ndarray) -> None:
        self.dist_km = dist_km
        self.parent = parent

    def n_stations(self, i: int) -> int:
        n = 1
        while self.parent[i] >= 0:
            i = int(self.parent[i])
            n += 1
        return n

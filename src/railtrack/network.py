"""Load a rail network into a networkx graph; regions; the :class:`RailNetwork` facade.

:func:`load_network` reads a directory holding ``stations.csv`` and ``links.csv`` (the
plain shape of the embedded theatre network under ``data/network/`` and of national
station lists such as ru-rail). Bad rows never stop a load: duplicate ids, dangling
links, non-numeric coordinates or lengths become entries of
:attr:`RailNetwork.problems`, each a :class:`~railtrack.problems.Problem` naming the
file's path, the row and the field. Missing
coordinates are filled from neighbours and missing lengths estimated from
coordinates times :attr:`Settings.circuity_factor`; :attr:`RailNetwork.estimated`
says how many values were estimated.

Graph attributes
----------------
``RailNetwork.G`` is an undirected :class:`networkx.Graph` whose node ids are station
ids (strings, the ESR code where known). Node attributes: ``name``, ``name_ru``,
``aliases`` (list), ``country``, ``region``, ``railway``, ``lat``, ``lon`` (degrees or
``None``), ``coord_estimated``, ``kind``, ``border``, ``railhead``, ``esr``,
``express_code``. Edge attributes: ``length_km``, ``line`` and ``length_method``
(``"published"``, ``"along_track"``, ``"straight_line"``, or ``"assumed"`` when neither
end has coordinates and the median link length stands in).

Examples
--------
>>> net = load_network()
>>> net.G.number_of_nodes() >= 15_000, len(net.components[0]) > 0.99 * net.G.number_of_nodes()
(True, True)
>>> nx.is_connected(load_network(national=False).G)
True
>>> net.resolve("Matveyev-Kurhan").station_id
'511103'
>>> route = net.route("Slonim", "Matveev Kurgan")[0]
>>> len(route.border_crossings)
1
"""

from __future__ import annotations

import csv
import logging
import math
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx
import numpy as np

from railtrack import _netcache
from railtrack import columns as C
from railtrack._data import data_path
from railtrack._lazy import lazy_module
from railtrack._national import add_national, snap_to_track
from railtrack._netkey import INDEX_LIBRARIES, NETWORK_LIBRARIES, load_key
from railtrack._regions import Region, read_regions
from railtrack.errors import InputPathError, NetworkError
from railtrack.gazetteer import Gazetteer, Resolution
from railtrack.problems import NetworkProblem, Problem
from railtrack.routing import Route, RouteFinder
from railtrack.settings import DEFAULT_SETTINGS, Settings
from railtrack.world_places import country_code

if TYPE_CHECKING:
    import pandas as pd

    from railtrack._passes import DestinationPasses
else:
    pd = lazy_module("pandas")  # imported on first use: resolving a name does not need it

__all__ = ["RailNetwork", "circuity", "haversine_km", "load_network"]

logger = logging.getLogger(__name__)

EARTH_RADIUS_KM = 6371.0088
"""Mean Earth radius (IUGG), for great-circle distances."""

LENGTH_METHODS = ("published", "along_track", "straight_line", "assumed")

JUNCTION_NAME_KM = 5.0
"""A track junction this near a named station stands for it in a route's stops.

The national layer's track runs through a town's junction a few km from the point of
its station (Smolensk-Minsk passes the Orsha junction 3-5 km from the point of
Orsha-Tsentralnaya), so the shortest path can pass a junction station without
touching the node the station replaced; 5 km is within a town's rail node and less
than the distance between neighbouring stations of the theatre network."""

_STATION_KINDS = frozenset({"station", "junction", "yard"})

_TRUE = {"true", "1", "yes", "y", "t"}
_FALSE = {"false", "0", "no", "n", "f", ""}
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres between two WGS84 points.

    Parameters
    ----------
    lat1, lon1, lat2, lon2
        Latitudes and longitudes in degrees.

    Returns
    -------
    float
        Distance in km.

    Examples
    --------
    >>> round(haversine_km(53.9, 27.55, 54.8, 32.03))
    307
    """
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def _graph_size(G: nx.Graph) -> tuple[int, int]:
    """Stations and adjacency entries (twice the links): a cheap test that none came or went."""
    return len(G), sum(map(len, G._adj.values()))


class RailNetwork:
    """A rail network: graph, load problems, regions, gazetteer and routing.

    Build one with :func:`load_network`. The graph ``G`` is the plain networkx object
    and may be used directly; the methods add name resolution and routing on top.

    Parameters
    ----------
    G
        The station graph: node ids are station ids (str) with ``name``, ``lat``,
        ``lon`` (WGS84 degrees), ``country`` and ``region``; each link has
        ``length_km`` (km). Kept as given, not copied.
    problems, estimated, regions, source
        As the attributes below (usually filled by :func:`load_network`).
    settings
        Name resolution and routing thresholds; default :data:`DEFAULT_SETTINGS`.

    Attributes
    ----------
    G
        Undirected graph of stations and links (see the module docstring).
    problems
        One :class:`~railtrack.problems.Problem` per repaired or skipped input value:
        ``path`` (the file in the network directory, as the directory was given),
        ``row`` (header = 1; None for the file as a whole), ``field`` and ``message``.
        ``str(problem)`` is the line the command line prints.
    estimated
        Counts of estimated values: ``coordinates``, ``lengths``, ``lengths_assumed``,
        ``coordinates_missing`` (stations left without any position).
    regions
        Region and country definitions used by the gazetteer and routing.
    source
        The directory the network was read from.

    Notes
    -----
    The embedded default network and the sources of its stations, links and lengths
    are described in ``data/network/README.md``. Methods raise
    :class:`~railtrack.errors.StationNotFound` (a ``LookupError``) for a name that
    resolves to no station and :class:`~railtrack.errors.NoRoute` when two stations
    are not connected.

    Examples
    --------
    >>> net = load_network(national=False)
    >>> net
    RailNetwork(119 stations, 135 links, 1 components, 0 isolated, 0 problems)
    >>> net.resolve("Матвеев Курган").station_id
    '511103'
    >>> route = net.route("Slonim", "Matveev Kurgan")[0]
    >>> route.names[0], route.names[-1], route.border_crossings
    ('Slonim', 'Matveev Kurgan', ('Zakopytye–Zlynka',))
    >>> net.route("Slonim", "Nowhere-xyz")
    Traceback (most recent call last):
    ...
    railtrack.errors.StationNotFound: station 'Nowhere-xyz' not resolved; no candidate found
    """

    def __init__(
        self,
        G: nx.Graph,
        *,
        problems: Sequence[Problem | str] = (),
        estimated: dict[str, int] | None = None,
        regions: Sequence[Region] = (),
        source: Path | None = None,
        settings: Settings | None = None,
    ) -> None:
        self.G = G
        # a problem given as text (a network built by hand) is one of the network as a whole
        where = "" if source is None else str(source)
        self.problems = [
            p if isinstance(p, Problem) else Problem(where, None, None, p) for p in problems
        ]
        self.estimated = dict(estimated or {})
        self.regions = list(regions)
        self.source = source
        self.settings = settings or DEFAULT_SETTINGS
        self._cache_key: str | None = None
        self._index_key: str | None = None
        self._cached_size = (0, 0)

    def _attach_cache(self, key: str, index_key: str | None) -> None:
        """Mark this network as cached under ``key``, its name index under ``index_key``."""
        self._cache_key = key
        self._index_key = index_key
        self._cached_size = _graph_size(self.G)

    def __repr__(self) -> str:
        return (
            f"RailNetwork({self.G.number_of_nodes()} stations, {self.G.number_of_edges()} "
            f"links, {len(self.components)} components, {len(self.isolated)} isolated, "
            f"{len(self.problems)} problems)"
        )

    # --- structure -----------------------------------------------------------------
    @cached_property
    def components(self) -> list[frozenset[str]]:
        """Connected components of linked stations as sets of ids, largest first.

        Stations without any link are not components; see :attr:`isolated`.

        Examples
        --------
        >>> net = load_network(national=False)
        >>> len(net.components), len(net.components[0]) == net.G.number_of_nodes()
        (1, True)
        """
        comps = [c for c in nx.connected_components(self.G) if len(c) > 1]
        comps.sort(key=lambda c: (-len(c), min(c)))
        return [frozenset(c) for c in comps]

    @cached_property
    def isolated(self) -> frozenset[str]:
        """Stations without any link (unreachable by routing).

        Examples
        --------
        >>> load_network(national=False).isolated
        frozenset()
        """
        return frozenset(n for n in self.G if self.G.degree(n) == 0)

    @cached_property
    def _component_of(self) -> dict[str, int]:
        """Component number per station; isolated stations get -1."""
        comp = {n: i for i, c in enumerate(self.components) for n in c}
        return {n: comp.get(n, -1) for n in self.G}

    def stations_frame(self) -> pd.DataFrame:
        """Return one row per station with its attributes (``columns.STATION_COLUMNS``).

        Returns
        -------
        pandas.DataFrame
            Stations in graph order; ``aliases`` are ``|``-joined.

        Examples
        --------
        >>> df = load_network().stations_frame()
        >>> df.loc[df["id"] == "511207", "name"].item()
        'Neklinovka'
        """
        comp = self._component_of
        rows = [
            {
                C.ID: n,
                C.NAME: d.get("name", ""),
                C.NAME_RU: d.get("name_ru", ""),
                C.ALIASES: "|".join(d.get("aliases", [])),
                C.COUNTRY: d.get("country", ""),
                C.REGION: d.get("region", ""),
                C.LAT: d.get("lat"),
                C.LON: d.get("lon"),
                C.COORD_ESTIMATED: bool(d.get("coord_estimated", False)),
                C.KIND: d.get("kind", ""),
                C.BORDER: bool(d.get("border", False)),
                C.RAILHEAD: bool(d.get("railhead", False)),
                C.ESR: d.get("esr", ""),
                C.DEGREE: self.G.degree(n),
                C.COMPONENT: comp[n],
            }
            for n, d in self.G.nodes(data=True)
        ]
        df = pd.DataFrame(rows, columns=list(C.STATION_COLUMNS))
        return df.astype({C.LAT: "float64", C.LON: "float64"})

    def summary(self) -> dict[str, Any]:
        """Count stations, links, components, isolated stations, problems and estimates.

        Returns
        -------
        dict
            ``stations``, ``links``, ``components``, ``largest_component``,
            ``isolated``, ``problems`` and the ``estimated`` counts.

        Examples
        --------
        >>> load_network(national=False).summary()["components"]
        1
        """
        return {
            "stations": self.G.number_of_nodes(),
            "links": self.G.number_of_edges(),
            "components": len(self.components),
            "largest_component": len(self.components[0]) if self.components else 0,
            "isolated": len(self.isolated),
            "problems": len(self.problems),
            "estimated": dict(self.estimated),
        }

    # --- names ---------------------------------------------------------------------
    @cached_property
    def gazetteer(self) -> Gazetteer:
        """The name index of this network (built on first use, or read from the cache).

        A network from :func:`load_network` shares the index cached for its files
        and options (:mod:`railtrack._netcache`: one index per process, also read by
        :func:`railtrack.gazetteer.load_gazetteer`) unless its graph has gained or
        lost stations or links or its settings changed since it was loaded; then the
        index is built from the graph as it is.

        Examples
        --------
        >>> gaz = load_network(national=False).gazetteer
        >>> type(gaz).__name__, gaz.resolve("Асіповічы").station_id
        ('Gazetteer', 'BY-OSIPOVICHI')
        """
        key = self._index_key
        if key is None or self._cached_size != _graph_size(self.G):
            return Gazetteer(self.G, regions=self.regions, settings=self.settings)
        found = _netcache.shared(key, "gazetteer")
        if not isinstance(found, Gazetteer):
            found = _netcache.load(key, "gazetteer")
        if not isinstance(found, Gazetteer) or found.settings != self.settings:
            found = Gazetteer(self.G, regions=self.regions, settings=self.settings)
            disk = self.G.number_of_nodes() >= _netcache.DISK_MIN_NODES
            _netcache.save(key, "gazetteer", found, disk=disk)
        _netcache.share(key, "gazetteer", found)
        if found._store_key is None:  # keep the answers of resolve_all across runs
            found.keep_answers(key)
        return found

    def resolve(self, name: str, *, lang: str | None = None) -> Resolution:
        """Resolve a name as a report writes it to a station or a region.

        Parameters
        ----------
        name
            Station, region or country name in any script or spelling.
        lang
            Optional language of the report (``ru``, ``uk``, ``be``, ``pl``, ``en``):
            its case forms are tried first when the name as written does not resolve.

        Returns
        -------
        Resolution
            ``resolved`` with ``station_id``/``name``/``score``, or unresolved with
            ranked ``candidates``; never a silent guess.

        Examples
        --------
        >>> net = load_network()
        >>> net.resolve("Nieklinovka").station_id
        '511207'
        >>> net.resolve("from Belarus").region
        'Belarus'
        >>> net.resolve("Xqzville").resolved
        False
        >>> net.resolve("у Калузі", lang="uk").form
        'Калуга'
        """
        return self.gazetteer.resolve(name, lang=lang)

    def resolve_many(self, names: Iterable[str]) -> pd.DataFrame:
        """Resolve many names; one row per name (``columns.RESOLVE_COLUMNS``).

        Parameters
        ----------
        names
            Names as written; repeated names are resolved once.

        Returns
        -------
        pandas.DataFrame
            ``query``, ``resolved``, ``station_id``, ``name``, ``score``, ``region``,
            ``region_stations``, ``candidates``.

        Examples
        --------
        >>> load_network().resolve_many(["Homel", "Gomel"])["station_id"].tolist()
        ['BY-GOMEL', 'BY-GOMEL']
        """
        return self.gazetteer.resolve_many(names)

    # --- routes --------------------------------------------------------------------
    def named_stops(self, route: Route) -> list[str]:
        """Names of the stations and towns a route passes, without unnamed track nodes.

        Parameters
        ----------
        route
            A route on this network.

        Returns
        -------
        list of str
            ``route.names`` less the national layer's ``kind == "track"`` nodes; the
            ends are always kept. A track junction the route passes within
            :data:`JUNCTION_NAME_KM` of a named station the route does not pass
            otherwise is named after that station, once (the Orsha junction of
            Smolensk-Minsk gives "Orsha-Tsentralnaya").

        Examples
        --------
        >>> net = load_network()
        >>> stops = net.named_stops(net.route("Slonim", "Matveev Kurgan")[0])
        >>> stops[0], stops[-1], any(s.startswith("track near") for s in stops)
        ('Slonim', 'Matveev Kurgan', False)
        """
        last = len(route.stations) - 1
        track = self._track_nodes
        if track.isdisjoint(route.stations):  # the common case, checked in C
            return list(route.names)
        junctions = self._junction_stations
        named = set(route.stations)
        stops: list[str] = []
        for i, (sid, name) in enumerate(zip(route.stations, route.names, strict=True)):
            if sid not in track or i in (0, last):
                stops.append(name)
                continue
            station = junctions.get(sid)
            if station is not None and station not in named:
                named.add(station)
                stops.append(self.G.nodes[station]["name"])
        return stops

    @cached_property
    def _junction_stations(self) -> dict[str, str]:
        """Track junctions within :data:`JUNCTION_NAME_KM` of a named station: its id.

        A junction is a ``kind == "track"`` node of three or more links; a named
        station is a theatre or layer station (``kind`` station, junction or yard),
        the nearest one when several are near.
        """
        G = self.G
        stations = [n for n, kind in G.nodes(data="kind") if kind in _STATION_KINDS]
        stations = [n for n in stations if G.nodes[n].get("lat") is not None]
        junctions = [n for n in self._track_nodes if G.degree(n) >= 3]
        if not stations or not junctions:
            return {}
        idx, km = snap_to_track(
            np.array([G.nodes[n]["lat"] for n in junctions], dtype=float),
            np.array([G.nodes[n]["lon"] for n in junctions], dtype=float),
            np.array([G.nodes[n]["lat"] for n in stations], dtype=float),
            np.array([G.nodes[n]["lon"] for n in stations], dtype=float),
        )
        return {
            n: stations[j]
            for n, j, d in zip(junctions, idx.tolist(), km.tolist(), strict=True)
            if d <= JUNCTION_NAME_KM
        }

    @cached_property
    def _track_nodes(self) -> frozenset[str]:
        """Ids of the unnamed track nodes (``kind == "track"``), looked up once."""
        return frozenset(n for n, kind in self.G.nodes(data="kind") if kind == "track")

    @cached_property
    def _router(self) -> RouteFinder:
        return RouteFinder(self.G, self.gazetteer, settings=self.settings)

    @cached_property
    def _destination_passes(self) -> DestinationPasses:
        from railtrack._passes import DestinationPasses

        return DestinationPasses(self.G, self.settings)

    def passes_destination(self, routes: Sequence[Route]) -> list[bool]:
        """Say, per route, whether it passes its destination and leaves it again.

        The rule of :func:`railtrack.routing.passed_destination` (whose answer for one
        route also names the station), for many routes of this network at once.

        Parameters
        ----------
        routes
            Routes on this network.

        Returns
        -------
        list of bool
            ``passed_destination(G, route, settings) is not None`` per route, in order.

        Examples
        --------
        >>> net = load_network(national=False)
        >>> net.passes_destination([net.route("Slonim", "Matveev Kurgan")[0]])
        [False]
        """
        return self._destination_passes(routes)

    def route(
        self,
        origin: str,
        destination: str,
        *,
        via: str | Sequence[str] | None = None,
        k: int = 1,
    ) -> list[Route]:
        """Shortest rail routes by length, or the ``k`` shortest alternatives.

        Parameters
        ----------
        origin, destination
            Station names, station ids, or regions ("Belarus"); a region routes from
            (to) the stations reports use there, and each route names its end.
        via
            A name or names the route must pass, in order.
        k
            Number of routes wanted, shortest first.

        Returns
        -------
        list of Route
            Shortest first; fewer than ``k`` when fewer simple paths exist.

        Raises
        ------
        StationNotFound
            A name does not resolve (the error lists candidates).
        NoRoute
            No path joins the ends; the message names both.

        Examples
        --------
        >>> net = load_network()
        >>> [r.names[-1] for r in net.route("Polonka", "Rossosh", k=2)]
        ['Rossosh', 'Rossosh']
        """
        return self._router.route(origin, destination, via=via, k=k)

    def routes_from_each(self, origin: str, destination: str) -> list[Route]:
        """One shortest route from each candidate station of a region origin.

        Parameters
        ----------
        origin
            A region (each of its report stations is an origin) or a station.
        destination
            A station or region.

        Returns
        -------
        list of Route
            Shortest first; one route for a station origin. Origins that cannot
            reach the destination are skipped (logged).

        Raises
        ------
        NoRoute
            When no origin reaches the destination.

        Examples
        --------
        >>> routes = load_network().routes_from_each("Belarus", "Matveev Kurgan")
        >>> len(routes) >= 5
        True
        """
        return self._router.routes_from_each(origin, destination)

    def routes_between(
        self, pairs: Iterable[tuple[str, str]]
    ) -> dict[tuple[str, str], Route | None]:
        """Shortest route for each of many pairs of station ids, in one batch.

        One Dijkstra search runs per distinct end on the side with fewer distinct
        stations (the network is undirected), so thousands of trains to a few
        railheads cost a few searches. Use it when the ends are already resolved;
        :meth:`route` takes names, regions and via points. :meth:`iter_routes_between`
        yields the same routes one by one, for batches too large to hold at once.

        Parameters
        ----------
        pairs
            ``(origin id, destination id)``; repeated pairs are routed once.

        Returns
        -------
        dict
            ``(origin id, destination id)`` -> :class:`Route`, or None when no path
            joins the two.

        Raises
        ------
        StationNotFound
            When an id is not a station of the network.

        Examples
        --------
        >>> net = load_network()
        >>> a, b = net.resolve("Slonim").station_id, net.resolve("Matveev Kurgan").station_id
        >>> net.routes_between([(a, b)])[(a, b)].length_km == net.route(a, b)[0].length_km
        True
        """
        return dict(self._router.iter_routes_between(pairs))

    def iter_routes_between(
        self, pairs: Iterable[tuple[str, str]]
    ) -> Iterator[tuple[tuple[str, str], Route | None]]:
        """Yield ``((origin id, destination id), Route or None)`` for :meth:`routes_between`.

        Raises
        ------
        StationNotFound
            When an id is not a station of the network (before anything is yielded).

        Examples
        --------
        >>> net = load_network(national=False)
        >>> found = net.iter_routes_between([("BY-SLONIM", "511103")])
        >>> [(pair, round(route.length_km)) for pair, route in found]
        [(('BY-SLONIM', '511103'), 2192)]
        >>> list(net.iter_routes_between([("BY-SLONIM", "nope")]))
        Traceback (most recent call last):
        ...
        railtrack.errors.StationNotFound: station 'nope' not resolved; no candidate found
        """
        return self._router.iter_routes_between(pairs)

    def route_lengths(self, pairs: Iterable[tuple[str, str]]) -> pd.DataFrame:
        """Shortest route lengths for many origin-destination pairs.

        One single-source Dijkstra runs per distinct origin (or destination, when
        there are fewer of those), so batches of shipments to a few railheads are
        cheap. Unresolvable names and unreachable pairs give ``NaN`` (logged).

        Parameters
        ----------
        pairs
            ``(origin, destination)`` names or station ids.

        Returns
        -------
        pandas.DataFrame
            ``origin``, ``destination`` (station ids), ``length_km``, ``n_stations``;
            one row per pair, in order.

        Examples
        --------
        >>> df = load_network().route_lengths([("Slonim", "Matveev Kurgan")])
        >>> 1500 < df["length_km"].item() < 2600
        True
        """
        return self._router.route_lengths(pairs)


# --- loading -----------------------------------------------------------------------
def _read_csv(path: Path, *, required: tuple[str, ...]) -> tuple[list[dict[str, str]], list[str]]:
    if not path.is_file():
        msg = f"no such file: {path}"
        raise InputPathError(msg)
    try:
        with path.open(encoding="utf-8-sig", newline="") as f:
            reader = csv.DictReader(f)
            header = [h.strip() for h in (reader.fieldnames or [])]
            missing = [c for c in required if c not in header]
            if missing:
                msg = f"{path.name}: missing required column(s) {', '.join(missing)}"
                raise NetworkError(msg)
            reader.fieldnames = header
            rows = []
            start = reader.line_num + 1
            for row in reader:
                if any("\n" in v or "\r" in v for v in row.values() if isinstance(v, str)):
                    # an unclosed quote swallows every line up to the next quote
                    msg = (
                        f"{path.name}: the quote opened on line {start} is not closed "
                        f"before line {reader.line_num}; fix the quoting"
                    )
                    raise NetworkError(msg)
                rows.append({k: (v or "").strip() for k, v in row.items() if isinstance(k, str)})
                start = reader.line_num + 1
    except UnicodeDecodeError as exc:
        msg = f"{path.name}: not UTF-8 text ({exc.reason} at byte {exc.start})"
        raise NetworkError(msg) from exc
    except csv.Error as exc:
        msg = f"{path.name}: malformed CSV: {exc}"
        raise NetworkError(msg) from exc
    return rows, header


_Where = tuple[str, int]
"""A row of a network file: the file's path and the row (the header is row 1)."""


def _found(problems: list[Problem], where: _Where, field: str | None, message: str) -> None:
    """Add the problem ``message`` about ``field`` of the row ``where`` to ``problems``."""
    problems.append(Problem(where[0], where[1], field, message))


def _float(
    value: str, *, where: _Where, field: str, problems: list[Problem], lo: float, hi: float
) -> float | None:
    if value == "":
        return None
    try:
        number = float(value.replace(",", "."))
    except ValueError:
        _found(problems, where, field, f"{value!r} is not a number; ignored")
        return None
    if not (lo <= number <= hi) or math.isnan(number):
        _found(problems, where, field, f"{value!r} is outside {lo}..{hi}; ignored")
        return None
    return number


def _bool(value: str, *, where: _Where, field: str, problems: list[Problem]) -> bool:
    low = value.lower()
    if low in _TRUE:
        return True
    if low not in _FALSE:
        _found(problems, where, field, f"{value!r} is not true/false; read as false")
    return False


def _station_attrs(
    row: dict[str, str], *, where: _Where, problems: list[Problem]
) -> dict[str, Any]:
    sid = row["id"]
    name = row.get("name", "")
    name_ru = row.get("name_ru", "") or (name if _CYRILLIC.search(name) else "")
    aliases = [a.strip() for a in row.get("aliases", "").split("|") if a.strip()]
    lat = _float(row.get("lat", ""), where=where, field="lat", problems=problems, lo=-90, hi=90)
    lon = _float(row.get("lon", ""), where=where, field="lon", problems=problems, lo=-180, hi=180)
    if (lat is None) != (lon is None):
        # a lat or lon that was given but bad is a problem already: the position goes
        if not row.get("lat", "") or not row.get("lon", ""):
            _found(problems, where, None, "only one of lat/lon given; position ignored")
        lat = lon = None
    esr = row.get("esr", "")
    if "esr" not in row and sid.isdigit() and 4 <= len(sid) <= 6:
        esr = sid
    return {
        "name": name,
        "name_ru": name_ru,
        "aliases": aliases,
        "country": row.get("country", ""),
        "region": row.get("region", ""),
        "railway": row.get("railway", ""),
        "kind": row.get("kind", ""),
        "express_code": row.get("express_code", ""),
        "lat": lat,
        "lon": lon,
        "coord_estimated": False,
        "border": _bool(row.get("border", ""), where=where, field="border", problems=problems),
        "railhead": _bool(
            row.get("railhead", ""), where=where, field="railhead", problems=problems
        ),
        "esr": esr,
    }


def _fill_coordinates(G: nx.Graph) -> tuple[int, int]:
    """Give stations without a position the mean of their positioned neighbours.

    Repeats outwards until nothing changes, so a chain of unplaced stations between
    two placed ones spreads over the gap. Returns (filled, still missing).
    """
    missing = {n for n, d in G.nodes(data=True) if d["lat"] is None}
    filled = 0
    while missing:
        updates: dict[str, tuple[float, float]] = {}
        for n in missing:
            known = [
                (G.nodes[m]["lat"], G.nodes[m]["lon"])
                for m in G.neighbors(n)
                if G.nodes[m]["lat"] is not None
            ]
            if known:
                updates[n] = (
                    sum(p[0] for p in known) / len(known),
                    sum(p[1] for p in known) / len(known),
                )
        if not updates:
            break
        for n, (lat, lon) in updates.items():
            G.nodes[n].update(lat=lat, lon=lon, coord_estimated=True)
        missing -= updates.keys()
        filled += len(updates)
    return filled, len(missing)


def circuity(straight_km: float, *, settings: Settings) -> float:
    """Rail-over-straight-line factor for a link of the given straight-line length.

    The full :attr:`Settings.circuity_factor` applies from
    :attr:`Settings.circuity_full_km`; shorter links get proportionally less, since
    track between neighbouring stations is nearly straight.

    Parameters
    ----------
    straight_km
        Great-circle distance between the link's ends, km.
    settings
        Source of the factor and the ramp length.

    Returns
    -------
    float
        Factor >= 1.

    Examples
    --------
    >>> circuity(100.0, settings=DEFAULT_SETTINGS), circuity(10.0, settings=DEFAULT_SETTINGS)
    (1.25, 1.05)
    """
    excess = settings.circuity_factor - 1.0
    return round(1.0 + excess * min(1.0, straight_km / settings.circuity_full_km), 6)


def _estimate_lengths(G: nx.Graph, *, settings: Settings) -> tuple[int, int]:
    """Fill missing edge lengths: straight line times circuity, else the median."""
    estimated = assumed = 0
    unplaced: list[tuple[str, str]] = []
    for u, v, d in G.edges(data=True):
        if d.get("length_km") is not None:
            continue
        a, b = G.nodes[u], G.nodes[v]
        if a["lat"] is None or b["lat"] is None:
            unplaced.append((u, v))
            continue
        straight = haversine_km(a["lat"], a["lon"], b["lat"], b["lon"])
        d["length_km"] = straight * circuity(straight, settings=settings)
        d["length_method"] = "straight_line"
        estimated += 1
    if unplaced:
        known = [d["length_km"] for _, _, d in G.edges(data=True) if d.get("length_km")]
        # The median of positive lengths: neighbours placed on one point measure 0 km.
        median = float(np.median(known)) if known else 1.0
        for u, v in unplaced:
            G.edges[u, v].update(length_km=median, length_method="assumed")
            assumed += 1
    return estimated, assumed


def load_network(
    path: str | Path | None = None,
    *,
    settings: Settings | None = None,
    national: bool | None = None,
    close_crossings: bool = True,
    cache: bool = True,
) -> RailNetwork:
    """Load a rail network directory; with no path, the embedded default network.

    The default network is the theatre network (``data/network``: curated stations,
    crossings, railheads, ESR codes) on top of the national 1520 mm track and town
    layer (``data/network/national``: OpenStreetMap track, GeoNames towns); see
    :mod:`railtrack._national`.

    Parameters
    ----------
    path
        A directory with ``stations.csv`` (required columns ``id``, ``name``; optional
        ``lat``, ``lon``, ``country``, ``region``, ``railway``, ``kind``,
        ``express_code``, ``osm_id``, ``name_ru``, ``aliases``, ``border``,
        ``railhead``, ``esr``) and ``links.csv`` (``source``, ``target``; optional
        ``length_km``, ``line``, ``length_method``), and optionally ``regions.yaml``
        (else the embedded region definitions apply).
    settings
        Tunable values; :data:`railtrack.settings.DEFAULT_SETTINGS` when omitted.
    national
        Merge the national track and town layer under the stations of ``path``
        (default: only when ``path`` is omitted). ``load_network(national=False)``
        loads the theatre network alone.
    close_crossings
        With the national layer, leave out its track across closed borders: Belarus
        to Ukraine, and Russia to the parts of Ukraine it does not hold
        (:func:`railtrack._national.crossing_closed`); False routes over them.
    cache
        Reuse a network built before from the same files, options and code, and keep
        this one (:mod:`railtrack._netcache`: the user's cache directory and the
        process; ``RAILTRACK_NO_CACHE=1`` turns it off). Every call returns its own
        copy. False always reads and builds the network from its files.

    Returns
    -------
    RailNetwork
        The graph, the load problems, the estimate counts and the regions. Treat
        ``G`` as read-only (copy it to edit it): the name index of a cached network
        is that of the graph as loaded.

    Raises
    ------
    InputPathError
        When the directory or one of its CSV files does not exist.
    NetworkError
        When a file lacks a required column or is not UTF-8 CSV.

    Examples
    --------
    >>> net = load_network()
    >>> net.problems
    []
    >>> net.G.nodes["511103"]["name"]
    'Matveev Kurgan'
    """
    settings = settings or DEFAULT_SETTINGS
    root = data_path("network") if path is None else Path(path)
    if not root.is_dir():
        msg = f"network directory not found: {root}"
        raise InputPathError(msg)
    if national is None:
        national = path is None
    options = {"national": national, "close_crossings": close_crossings}
    key = load_key(root, settings, **options, libraries=NETWORK_LIBRARIES) if cache else None
    index_key = load_key(root, settings, **options, libraries=INDEX_LIBRARIES) if cache else None
    if key is not None:
        cached = _netcache.load(key, "network")
        if isinstance(cached, RailNetwork):
            cached.settings = settings
            _moved_to(cached, root)
            cached._attach_cache(key, index_key)
            logger.info("Loaded network %s from the cache: %r", root, cached)
            return cached
    net = _build_network(
        root, settings=settings, national=national, close_crossings=close_crossings
    )
    _moved_to(net, root)  # (its files' problems name the directory)
    if key is not None:
        disk = net.G.number_of_nodes() >= _netcache.DISK_MIN_NODES
        _netcache.save(key, "network", net, disk=disk)
        net._attach_cache(key, index_key)
    return net


def _moved_to(net: RailNetwork, root: Path) -> None:
    """Have a network's problems name its files under ``root`` as given now, and its DIR.

    The cache key holds the resolved directory, so the same directory given as
    ``nets/a`` and as ``/abs/nets/a`` shares one entry; its problems name the files
    the way this load's caller wrote the directory. A problem of one of its files is a
    :class:`~railtrack.problems.NetworkProblem`: its text names the directory
    (review18 #13: a reports folder may hold a ``links.csv`` too).
    """
    old = net.source
    moved = []
    for p in net.problems:
        path = Path(p.path)
        if path.parent in (old, root):
            p = NetworkProblem(str(root / path.name), p.row, p.field, p.message, p.unit)
        moved.append(p)
    net.problems = moved
    net.source = root


def _build_network(
    root: Path, *, settings: Settings, national: bool, close_crossings: bool
) -> RailNetwork:
    """Read and build the network of :func:`load_network` (no cache)."""
    problems: list[Problem] = []
    stations_file, links_file = root / "stations.csv", root / "links.csv"
    station_rows, _ = _read_csv(stations_file, required=("id", "name"))
    link_rows, _ = _read_csv(links_file, required=("source", "target"))
    G = nx.Graph()
    regions_file = root / "regions.yaml"
    if not regions_file.is_file():
        regions_file = data_path("network", "regions.yaml")
    regions = read_regions(regions_file)
    relabelled = _add_stations(
        G, station_rows, problems, path=str(stations_file), abroad=_RegionCountry()
    )
    _add_links(G, link_rows, problems, path=str(links_file))
    if relabelled:
        spread = _spread_country(G, {sid for sid, *_ in relabelled})
        problems.append(_relabelled_problem(str(stations_file), relabelled, spread))
    filled, unplaced = _fill_coordinates(G)
    estimated, assumed = _estimate_lengths(G, settings=settings)
    if unplaced:
        message = (
            f"{unplaced} station(s) have no position and no positioned neighbour; "
            f"{assumed} link(s) between such stations use the median link length"
        )
        problems.append(Problem(str(stations_file), None, None, message))
    layer = {}
    if national:
        _add_layer_stations(G, data_path("network", "national", "stations.csv"), problems)
        layer = add_national(G, data_path("network", "national"), close_crossings=close_crossings)
    net = RailNetwork(
        G,
        problems=problems,
        estimated={
            "coordinates": filled,
            "coordinates_missing": unplaced,
            "lengths": estimated,
            "lengths_assumed": assumed,
            **layer,
        },
        regions=regions,
        source=root,
        settings=settings,
    )
    logger.info(
        "Loaded network %s: %d stations, %d links, %d components (%d isolated stations), "
        "%d coordinates and %d lengths estimated, %d problems",
        root,
        G.number_of_nodes(),
        G.number_of_edges(),
        len(net.components),
        len(net.isolated),
        filled,
        estimated + assumed,
        len(problems),
    )
    return net


def _add_layer_stations(G: nx.Graph, path: Path, problems: list[Problem]) -> None:
    """Add the stations the national layer lacks (``national/stations.csv``, sourced per row).

    They join the track like theatre stations (:func:`railtrack._national.add_national`
    snaps every positioned station); a station the loaded network already has is kept.
    """
    if not path.is_file():
        return
    rows, _ = _read_csv(path, required=("id", "name", "lat", "lon"))
    _add_stations(G, [r for r in rows if r.get("id") not in G], problems, path=str(path))


def _add_stations(
    G: nx.Graph,
    rows: list[dict[str, str]],
    problems: list[Problem],
    *,
    path: str,
    abroad: Callable[[str], str | None] | None = None,
) -> list[tuple[str, int, str, str, str]]:
    """Add the stations of ``rows``; return those given their region's country.

    ``abroad`` gives the country a ``region`` value names (:class:`_RegionCountry`);
    each station returned as (id, row, region, country column, the region's country).
    """
    relabelled: list[tuple[str, int, str, str, str]] = []
    for i, row in enumerate(rows, start=2):
        where = (path, i)
        sid = row.get("id", "")
        if not sid:
            _found(problems, where, "id", "empty id; station skipped")
            continue
        if sid in G:
            _found(problems, where, "id", f"duplicate id {sid!r}; first row kept")
            continue
        attrs = _station_attrs(row, where=where, problems=problems)
        if not attrs["name"]:
            _found(problems, where, "name", f"empty name; id {sid!r} used")
            attrs["name"] = sid
        country = abroad(attrs["region"]) if abroad is not None and attrs["region"] else None
        if country is not None and country != attrs["country"]:
            relabelled.append((sid, i, attrs["region"], attrs["country"], country))
            attrs["country"] = country
        G.add_node(sid, **attrs)
    return relabelled


class _RegionCountry:
    """The country a station's ``region`` value names, if any (ru-rail's "Казахстан").

    Only a country's own name (:func:`railtrack.world_places.country_code`; a
    parenthesis after it is left out). A region of a country (ru-rail's "Республика
    Крым (Россия)") is not followed: the network's countries decide how its towns are
    looked up (:class:`railtrack.gazetteer.Gazetteer`), and a few hundred stations of
    Crimea and Luhansk oblast counted as Ukraine's made Ukrainian towns the network's
    own on ru-rail, which names none of them (session 19: "Горловка", "Барвенково"
    went unresolved). Each distinct value is worked out once.
    """

    def __init__(self) -> None:
        self._seen: dict[str, str | None] = {}

    def __call__(self, region: str) -> str | None:
        if region not in self._seen:
            bare = re.sub(r"\s*\([^)]*\)\s*$", "", region)
            self._seen[region] = country_code(bare)
        return self._seen[region]


def _spread_country(G: nx.Graph, moved: set[str]) -> int:
    """Give stations with no region the country of the relabelled stations around them.

    A halt with an empty ``region`` between stations :func:`_add_stations` moved to
    their region's country (ru-rail's "ОП Ост. Пункт 31 км" between Магнай and
    Токбулды, Kazakhstan) has no word of its own on its country; when every
    neighbour is such a moved station or another station with no region, and the
    moved ones agree, it takes their country (repeated along a chain). Returns how
    many stations took it.
    """
    spread = 0
    changed = True
    while changed:
        changed = False
        for n, d in G.nodes(data=True):
            if d["region"] or n in moved:
                continue
            near = [m for m in G.neighbors(n) if m in moved]
            countries = {G.nodes[m]["country"] for m in near}
            unknown = all(m in moved or not G.nodes[m]["region"] for m in G.neighbors(n))
            if near and unknown and len(countries) == 1 and d["country"] not in countries:
                d["country"] = countries.pop()
                moved.add(n)
                spread += 1
                changed = True
    return spread


def _relabelled_problem(
    path: str, rows: list[tuple[str, int, str, str, str]], spread: int
) -> Problem:
    """One problem for the stations whose ``region`` lies in another country than ``country``.

    ru-rail lists the stations of the Troitsk - Kartaly line across Kazakhstan with
    ``country`` RU and ``region`` "Казахстан": the region's country is taken (and
    spread to the halts with no region between them, :func:`_spread_country`), so
    that a route across them shows its border crossings; the rows are named here.
    """
    pairs = sorted({f"{region!r}: {old or 'empty'} -> {new}" for *_, region, old, new in rows})
    shown = ", ".join(str(i) for _, i, *_ in rows[:10]) + (", ..." if len(rows) > 10 else "")
    also = f"; {spread} station(s) with no region between them too" if spread else ""
    return Problem(
        path,
        None,
        "country",
        f"{len(rows)} station(s) have a region naming another country than their "
        f"country column ({'; '.join(pairs)}): the region's country used (rows "
        f"{shown}){also}",
    )


def _add_links(
    G: nx.Graph, rows: list[dict[str, str]], problems: list[Problem], *, path: str
) -> None:
    duplicates = 0
    for i, row in enumerate(rows, start=2):
        where = (path, i)
        u, v = row.get("source", ""), row.get("target", "")
        absent = [(f, s) for f, s in (("source", u), ("target", v)) if s not in G]
        if absent:
            # the field at fault when one end is unknown; both: the row as a whole
            field = absent[0][0] if len(absent) == 1 else None
            named = " and ".join(f"{f} {s!r}" for f, s in absent)
            _found(problems, where, field, f"unknown station {named}; link skipped")
            continue
        if u == v:
            _found(problems, where, None, f"link from {u!r} to itself; skipped")
            continue
        length = _float(
            row.get("length_km", ""), where=where, field="length_km", problems=problems,
            lo=0.0, hi=20000.0,
        )  # fmt: skip
        method = row.get("length_method", "") or ("published" if length is not None else "")
        if method and method not in LENGTH_METHODS:
            _found(
                problems,
                where,
                "length_method",
                f"{method!r} is not one of {', '.join(LENGTH_METHODS)}; read as 'published'",
            )
            method = "published"
        if G.has_edge(u, v):
            duplicates += 1
            old = G.edges[u, v].get("length_km")
            if length is None or (old is not None and old <= length):
                continue
        G.add_edge(u, v, length_km=length, line=row.get("line", ""), length_method=method)
    if duplicates:
        logger.info("Merged %d duplicate links (shortest length kept)", duplicates)

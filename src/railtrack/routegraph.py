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

import itertools
import json
import logging
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

from railtrack import columns as C
from railtrack._frames import shared_categorical
from railtrack.errors import InputPathError, NoRoute, StationNotFound
from railtrack.summary import Row, _as_frames, _count, _dates, _text

__all__ = [
    "ROUTE_COLUMNS",
    "route_graph",
    "shipment_routes",
    "to_geojson",
    "to_graphml",
    "write_geojson",
]

logger = logging.getLogger(__name__)

ROUTE_COLUMNS: tuple[str, ...] = (
    C.ID,
    C.ORIGIN,
    C.DESTINATION,
    "origin_station_id",
    "destination_station_id",
    "route",
    "stations",
    "length_km",
    "border_crossings",
    "origin_basis",
    "problem",
)
"""Columns of :func:`shipment_routes`."""


def _query(row: Row, prefix: str) -> str | None:
    """Return the best handle on a place: its station id, else its region, else the text."""
    for col in (f"{prefix}_station_id", f"{prefix}_region", prefix):
        text = _text(row.get(col))
        if text is not None:
            return text
    return None


def _origin_basis(network: Any, query: str, route: Any) -> str:
    if query in network.G:
        return "station"
    resolution = network.resolve(query)
    if getattr(resolution, "region", None):
        stations = getattr(resolution, "report_stations", None) or getattr(
            resolution, "region_stations", ()
        )
        n = len(stations or ())
        return (
            f"region {resolution.region}: shortest route from its {n} report "
            f"station{'s' if n != 1 else ''}, here {route.names[0]}"
        )
    return "station"


def _station_or(station_id: Any, query: str, network: Any) -> str:
    """Return the resolved station id when it is on ``network``, else the name as written."""
    sid = _text(station_id)
    return sid if sid is not None and sid in network.G else query


def _route_fields(network: Any, origin: str, route: Any) -> dict[str, Any]:
    """Return the :func:`shipment_routes` columns that come from one route."""
    return {
        "origin_station_id": route.origin,
        "destination_station_id": route.destination,
        "route": " → ".join(route.names),
        "stations": list(route.stations),
        "length_km": float(route.length_km),
        "border_crossings": "; ".join(route.border_crossings),
        "origin_basis": _origin_basis(network, origin, route),
    }


def shipment_routes(
    shipments: Any, network: Any, *, groups: Any = None, use_via: bool = True
) -> pd.DataFrame:
    """Route every shipment on ``network``; one row per shipment, unroutable ones flagged.

    Parameters
    ----------
    shipments
        A ``ReportSet``, its ``to_frame()``, an extraction result or a list of
        ``Shipment``.
    network
        A :class:`railtrack.network.RailNetwork`.
    groups
        Unused here; accepted so the same inputs as :func:`route_graph` work.
    use_via
        Route through the shipment's via stations; when a via point does not
        resolve or cannot be reached the route is tried without it (noted in
        ``problem``).

    Returns
    -------
    pandas.DataFrame
        Columns :data:`ROUTE_COLUMNS`: ``route`` is the station names joined with
        " → ", ``stations`` a list of station ids, ``border_crossings`` the "A–B"
        links joined with "; ", ``origin_basis`` "station" or how a region origin
        was routed, ``problem`` why a shipment has no route (else missing).
    """
    ship_df, _ = _as_frames(shipments, groups)
    needed = [c for c in _ROUTE_INPUTS if c in ship_df.columns]
    records = ship_df[needed].to_dict("records")
    # Row values per (origin, destination, via), built once from the route: rows on
    # one route share the same strings and the same ``stations`` list (copy it
    # before changing it), and the Route objects are not kept.
    cache = _batch_routes(records, network, use_via=use_via)
    columns: dict[str, list[Any]] = {col: [] for col in ROUTE_COLUMNS}
    for row in records:
        origin, destination = _query(row, C.ORIGIN), _query(row, C.DESTINATION)
        fields, problem = _route_row(row, origin, destination, network, cache, use_via=use_via)
        values = {**_NO_ROUTE, **(fields or {})}
        values.update({C.ID: str(row[C.ID]), C.ORIGIN: origin, C.DESTINATION: destination})
        values["problem"] = problem
        for col, value in values.items():
            columns[col].append(value)
    df = pd.DataFrame(
        {col: columns[col] for col in (C.ID, C.ORIGIN, C.DESTINATION, *_ENDS, "problem")}
    )
    df["stations"] = pd.Series(columns["stations"], dtype=object)
    df["length_km"] = np.array(columns["length_km"], dtype="float64")
    for col in _REPEATED_TEXT:
        # One copy of each distinct route's text, not one per train (see _REPEATED_TEXT).
        df[col] = shared_categorical(columns[col])
    df = df[list(ROUTE_COLUMNS)]
    unrouted = int(df["stations"].isna().sum())
    logger.info("Routed %d of %d shipments", len(df) - unrouted, len(df))
    return df


_ROUTE_INPUTS: tuple[str, ...] = (
    C.ID,
    C.ORIGIN,
    C.ORIGIN_REGION,
    C.ORIGIN_STATION_ID,
    C.DESTINATION,
    C.DESTINATION_REGION,
    C.DESTINATION_STATION_ID,
    C.VIA,
)
"""The shipment columns :func:`shipment_routes` reads."""

_REPEATED_TEXT: tuple[str, ...] = ("route", "border_crossings", "origin_basis")
"""Route columns shared by every train on a route: kept as pandas categoricals.

A national route label runs to hundreds of station names; as categoricals each
distinct label is stored once however many trains take the route.
"""


_ENDS = ("origin_station_id", "destination_station_id")
_NO_ROUTE: dict[str, Any] = dict.fromkeys(ROUTE_COLUMNS)


def _route_row(
    row: Row,
    origin: str | None,
    destination: str | None,
    network: Any,
    cache: dict[tuple[str, str, tuple[str, ...]], dict[str, Any] | None],
    *,
    use_via: bool,
) -> tuple[dict[str, Any] | None, str | None]:
    """Return one shipment's route fields (shared through ``cache``) and its problem."""
    if origin is None or destination is None:
        return None, f"no {'origin' if origin is None else 'destination'} given"
    via = _via(row)
    attempts = [via, ()] if (use_via and via) else [()]
    notes: list[str] = []
    # Resolved ends are routed by station id, so the many spellings of one station
    # share one cached route.
    start = _station_or(row.get(C.ORIGIN_STATION_ID), origin, network)
    end = _station_or(row.get(C.DESTINATION_STATION_ID), destination, network)
    for attempt in attempts:
        key = (start, end, attempt)
        try:
            if key not in cache:
                found = network.route(start, end, via=list(attempt) or None)
                cache[key] = _route_fields(network, origin, found[0]) if found else None
        except (StationNotFound, NoRoute) as exc:
            notes.append(str(exc))
            continue
        if cache[key] is not None:
            return cache[key], (f"routed without via ({notes[0]})" if notes else None)
    return None, "; ".join(notes) or "no route found"


def _via(row: Row) -> tuple[str, ...]:
    return tuple(v.strip() for v in (_text(row.get(C.VIA)) or "").split(";") if v.strip())


def _batch_routes(
    records: list[dict[str, Any]], network: Any, *, use_via: bool
) -> dict[tuple[str, str, tuple[str, ...]], dict[str, Any] | None]:
    """Route every resolved station pair that has no via point to keep, in one batch.

    Pairs with no path are left out, so that the per-row routing says why.
    """
    batch = getattr(network, "iter_routes_between", None)
    if batch is None:
        return {}
    G = network.G
    pairs = set()
    for row in records:
        start, end = _text(row.get(C.ORIGIN_STATION_ID)), _text(row.get(C.DESTINATION_STATION_ID))
        if start in G and end in G and not (use_via and _via(row)):
            pairs.add((start, end))
    return {
        (u, v, ()): _route_fields(network, u, route)
        for (u, v), route in batch(pairs)
        if route is not None
    }


def _train_dates(ship_df: pd.DataFrame) -> list[date | None]:
    """Return each train's date: departure, else claimed arrival, else published date."""
    when = _dates(ship_df, C.DEPARTURE_EARLIEST)
    for col in (C.ARRIVAL_EARLIEST, C.PUBLISHED):
        when = when.fillna(_dates(ship_df, col))
    return [None if pd.isna(ts) else ts.date() for ts in when]


def route_graph(
    shipments: Any,
    network: Any,
    *,
    groups: Any = None,
    routes: pd.DataFrame | None = None,
) -> nx.DiGraph:
    """Return the directed graph of network segments the shipments travelled.

    Parameters
    ----------
    shipments
        A ``ReportSet`` (its groups are used), its ``to_frame()``, an extraction
        result or a list of ``Shipment``.
    network
        The :class:`railtrack.network.RailNetwork` to route on.
    groups
        Groups of trains, when ``shipments`` is a frame or a list.
    routes
        Routes from :func:`shipment_routes`, if already computed.

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
        arrival, else published date; None when unknown) and ``shipments`` (ids).
        ``G.graph`` holds ``crs`` ("EPSG:4326"), ``routed`` and ``unrouted``
        (``"id: reason"`` strings) and ``origin_basis`` (id -> how it was routed).
    """
    ship_df, group_df = _as_frames(shipments, groups)
    if routes is None:
        routes = shipment_routes(ship_df, network)
    by_id = {str(r[C.ID]): r for r in routes.to_dict("records")}
    base = network.G
    G = nx.DiGraph(crs="EPSG:4326", routed=[], unrouted=[], origin_basis={})
    ship_rows = {str(r[C.ID]): r for r in ship_df.to_dict("records")}
    edges_of: dict[str, list[tuple[str, str]]] = {}
    # Trains on the same station sequence are laid over the graph together, once per
    # distinct route: many trains share few routes at national scale.
    order: list[str] = []  # routed shipment ids, in input order
    by_route: dict[tuple[str, ...], list[int]] = {}  # route -> positions in ``order``
    dates: list[date | None] = []
    for sid, when in zip(ship_rows, _train_dates(ship_df), strict=True):
        info = by_id.get(sid) or {}
        stations = info.get("stations")
        if not isinstance(stations, list) or len(stations) < 1:
            reason = info.get("problem") or "not routed"
            G.graph["unrouted"].append(f"{sid}: {reason}")
            continue
        G.graph["routed"].append(sid)
        G.graph["origin_basis"][sid] = info["origin_basis"]
        by_route.setdefault(tuple(stations), []).append(len(order))
        order.append(sid)
        dates.append(when)
    shared: set[tuple[str, str]] = set()  # edges whose trains came on several routes
    for stations, members in by_route.items():
        sids = [order[k] for k in members]
        cars = sum(_count(ship_rows[sid].get(C.CARS_TOTAL)) or 0 for sid in sids)
        whens = [d for d in (dates[k] for k in members) if d is not None]
        first, last = (min(whens), max(whens)) if whens else (None, None)
        for pos, node in enumerate(stations):
            if node not in G:
                G.add_node(node, **dict(base.nodes[node]), trains=0, role="via")
            attrs = G.nodes[node]
            attrs["trains"] += len(sids)
            role = "origin" if pos == 0 else "destination" if pos == len(stations) - 1 else None
            if role is not None:
                old = attrs["role"]
                attrs["role"] = role if old == "via" else "; ".join(sorted({old, role}))
        path = list(itertools.pairwise(stations))
        for sid in sids:
            edges_of[sid] = path
        for u, v in path:
            if not G.has_edge(u, v):
                data = base.edges[u, v]
                G.add_edge(
                    u,
                    v,
                    length_km=float(data.get("length_km", float("nan"))),
                    line=data.get("line"),
                    border=base.nodes[u].get("country") != base.nodes[v].get("country"),
                    trains=0,
                    cars=0,
                    cars_unallocated=0,
                    first_date=None,
                    last_date=None,
                    shipments=[],
                )
            e = G.edges[u, v]
            if e["trains"]:
                shared.add((u, v))
            e["trains"] += len(sids)
            e["cars"] += cars
            e["shipments"].extend(members)
            if first is not None:
                e["first_date"] = first if e["first_date"] is None else min(e["first_date"], first)
                e["last_date"] = last if e["last_date"] is None else max(e["last_date"], last)
    for u, v, e in G.edges(data=True):  # positions back to ids, in input order
        if (u, v) in shared:
            e["shipments"].sort()
        e["shipments"] = [order[k] for k in e["shipments"]]
    _add_group_cars(G, group_df, ship_rows, edges_of)
    logger.info(
        "Route graph: %d stations, %d segments, %d shipments routed, %d not",
        G.number_of_nodes(),
        G.number_of_edges(),
        len(G.graph["routed"]),
        len(G.graph["unrouted"]),
    )
    return G


def _add_group_cars(
    G: nx.DiGraph,
    group_df: pd.DataFrame,
    ship_rows: Mapping[str, Row],
    edges_of: Mapping[str, list[tuple[str, str]]],
) -> None:
    """Add each group's cars not carried by its trains' own counts."""
    members_of: dict[str, list[str]] = {}  # group id -> its trains, in input order
    for sid, row in ship_rows.items():
        gid = _text(row.get(C.GROUP))
        if gid is not None:
            members_of.setdefault(gid, []).append(sid)
    for grp in group_df.to_dict("records"):
        gid = str(grp[C.ID])
        members = members_of.get(gid, [])
        total = _count(grp.get(C.CARS_TOTAL))
        if total is None or not members:
            continue
        known = sum(_count(ship_rows[m].get(C.CARS_TOTAL)) or 0 for m in members)
        rest = max(total - known, 0)
        holders = [m for m in members if _count(ship_rows[m].get(C.CARS_TOTAL)) is None]
        listed = _count(grp.get(C.N_TRAINS)) or len(members)
        if not rest or not holders:
            continue
        routed = [m for m in holders if m in edges_of]
        # All trains that may carry the cars must be routed (and listed) for "passed".
        certain = len(routed) == len(holders) and listed <= len(members)
        passes: dict[tuple[str, str], int] = {}
        for m in routed:
            for edge in set(edges_of[m]):
                passes[edge] = passes.get(edge, 0) + 1
        for edge, n in passes.items():
            if certain and n == len(holders):
                G.edges[edge]["cars"] += rest
            else:
                G.edges[edge]["cars_unallocated"] += rest


def _plain(value: Any) -> Any:
    """Return a GraphML-safe value: lists joined, dates ISO, None kept as None (dropped)."""
    if value is None:
        return None
    if isinstance(value, list | tuple | set | frozenset):
        return "; ".join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    if isinstance(value, date | pd.Timestamp):
        return value.isoformat()
    if hasattr(value, "item"):
        return value.item()
    return value


def _plain_attrs(attrs: Mapping[str, Any]) -> dict[str, Any]:
    out = {}
    for key, value in attrs.items():
        plain = _plain(value)
        if plain is not None and not (isinstance(plain, float) and plain != plain):
            out[key] = plain
    return out


def _writable(path: str | Path) -> Path:
    """Return ``path``; :class:`InputPathError` when its directory does not exist."""
    path = Path(path)
    if not path.parent.is_dir():
        msg = f"cannot write {path}: directory {path.parent} does not exist"
        raise InputPathError(msg)
    return path


def to_graphml(G: nx.Graph, path: str | Path) -> Path:
    """Write ``G`` as GraphML, turning lists into "; "-joined strings and dates into ISO.

    Missing values (None, NaN) are left out of an element, as GraphML has no null.

    Parameters
    ----------
    G
        A route graph from :func:`route_graph` (or any graph).
    path
        The file to write.

    Returns
    -------
    pathlib.Path
        The path written.

    Raises
    ------
    InputPathError
        When the file's directory does not exist.
    """
    path = _writable(path)
    H = G.__class__()
    H.graph.update(_plain_attrs(G.graph))
    for node, attrs in G.nodes(data=True):
        H.add_node(str(node), **_plain_attrs(attrs))
    for u, v, attrs in G.edges(data=True):
        H.add_edge(str(u), str(v), **_plain_attrs(attrs))
    nx.write_graphml(H, path)
    return path


def _json_value(value: Any) -> Any:
    if isinstance(value, list | tuple | set | frozenset):
        return [_json_value(v) for v in value]
    if isinstance(value, date | pd.Timestamp):
        return value.isoformat()
    if isinstance(value, float) and value != value:
        return None
    if hasattr(value, "item"):
        return value.item()
    return value


def _coords(attrs: Mapping[str, Any]) -> list[float] | None:
    lat, lon = attrs.get("lat"), attrs.get("lon")
    if lat is None or lon is None or pd.isna(lat) or pd.isna(lon):
        return None
    return [float(lon), float(lat)]


def to_geojson(G: nx.Graph) -> dict[str, Any]:
    """Return ``G`` as a GeoJSON FeatureCollection: edges as LineStrings, nodes as Points.

    Coordinates are (lon, lat) in WGS84. An element without coordinates keeps a
    ``null`` geometry, so its attributes are not lost.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.DiGraph()
    >>> G.add_node("a", lat=52.0, lon=26.0, name="A")
    >>> G.add_node("b", lat=53.0, lon=27.0, name="B")
    >>> G.add_edge("a", "b", trains=2, shipments=["t1", "t2"])
    >>> fc = to_geojson(G)
    >>> [f["geometry"]["type"] for f in fc["features"]]
    ['LineString', 'Point', 'Point']
    >>> fc["features"][0]["properties"]["shipments"]
    ['t1', 't2']
    """
    features: list[dict[str, Any]] = []
    for u, v, attrs in G.edges(data=True):
        a, b = _coords(G.nodes[u]), _coords(G.nodes[v])
        geometry: dict[str, Any] | None = (
            {"type": "LineString", "coordinates": [a, b]} if a and b else None
        )
        props = {"source": str(u), "target": str(v)}
        props.update({k: _json_value(val) for k, val in attrs.items()})
        features.append({"type": "Feature", "geometry": geometry, "properties": props})
    for node, attrs in G.nodes(data=True):
        point = _coords(attrs)
        geometry = {"type": "Point", "coordinates": point} if point else None
        props = {"id": str(node), **{k: _json_value(val) for k, val in attrs.items()}}
        features.append({"type": "Feature", "geometry": geometry, "properties": props})
    return {"type": "FeatureCollection", "features": features}


def write_geojson(G: nx.Graph, path: str | Path) -> Path:
    """Write :func:`to_geojson` of ``G`` to ``path`` (UTF-8) and return the path.

    Raises
    ------
    InputPathError
        When the file's directory does not exist.
    """
    path = _writable(path)
    path.write_text(json.dumps(to_geojson(G), ensure_ascii=False, indent=1), encoding="utf-8")
    return path

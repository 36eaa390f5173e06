"""Writing a corridor graph for GIS and graph tools: GraphML and GeoJSON.

GraphML has no lists, dates or null: lists are "; "-joined, dates ISO, and missing
values left out. GeoJSON keeps lists and writes (lon, lat) in WGS84.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date
from pathlib import Path
from typing import Any

import networkx as nx
import pandas as pd

from railtrack.errors import InputPathError
from railtrack.safetext import xml_text

__all__ = [
    "to_geojson",
    "to_graphml",
    "write_encoded_features",
    "write_feature_collection",
    "write_geojson",
]

_LISTS = (list, tuple, set, frozenset)  # written as lists


def _plain(value: Any) -> Any:
    """Return a GraphML-safe value: lists joined, dates ISO, None kept as None (dropped)."""
    if value is None:
        return None
    if isinstance(value, str):
        return xml_text(value)  # XML 1.0 forbids most control characters
    if isinstance(value, _LISTS):
        return xml_text("; ".join(map(str, value)))
    if isinstance(value, dict):
        return xml_text(json.dumps(value, ensure_ascii=False, default=str))
    if isinstance(value, date | pd.Timestamp):
        return value.isoformat()
    if hasattr(value, "item"):
        return value.item()
    return value


def _plain_attrs(
    attrs: Mapping[str, Any], plain_of: Callable[[Any], Any] = _plain
) -> dict[str, Any]:
    out = {}
    for key, value in attrs.items():
        plain = plain_of(value)
        if plain is not None and not (isinstance(plain, float) and plain != plain):
            out[xml_text(key)] = plain
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
    Characters XML 1.0 forbids (control characters in a station name) are written
    as ``\\xNN`` (:func:`railtrack.safetext.xml_text`), so the file is well-formed.

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

    Examples
    --------
    >>> import tempfile
    >>> G = nx.Graph()
    >>> G.add_node("orsha", name="Орша", lat=54.5, lon=30.4)
    >>> G.add_node("minsk", name="Минск", lat=53.9, lon=27.56)
    >>> G.add_edge("orsha", "minsk", routes=("T1", "T2"), first_seen=date(2023, 3, 1), cars=None)
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     H = nx.read_graphml(to_graphml(G, Path(tmp) / "g.graphml"))
    >>> H.edges["orsha", "minsk"]
    {'routes': 'T1; T2', 'first_seen': '2023-03-01'}
    """
    path = _writable(path)
    H = G.__class__()
    H.graph.update(_plain_attrs(G.graph))
    for node, attrs in G.nodes(data=True):
        H.add_node(xml_text(node), **_plain_attrs(attrs))
    plain_of = _Converted(_plain)  # each shared tuple of route ids joined once
    for u, v, attrs in G.edges(data=True):
        H.add_edge(xml_text(u), xml_text(v), **_plain_attrs(attrs, plain_of))
    nx.write_graphml(H, path)
    return path


_PLAIN_ITEMS = frozenset({str, int})
"""Types a list item is written as by :func:`json.dumps` without any conversion."""


def _json_value_of(value: Any) -> Any:
    if isinstance(value, _LISTS):
        if all(type(v) in _PLAIN_ITEMS for v in value):  # route ids, train counts
            return list(value)
        return [_json_value_of(v) for v in value]
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


class _Converted:
    """Convert attribute values, each shared list or tuple once.

    The corridor graph's edges share their ``route_ids`` and ``route_trains`` tuples
    (the edges the same routes pass hold one object): converted once per object,
    not once per edge (millions of ids at national scale). The graph keeps the
    objects alive while it is written, so their ``id()`` stays theirs.
    """

    def __init__(self, convert: Callable[[Any], Any]) -> None:
        self._convert = convert
        self._done: dict[int, Any] = {}

    def __call__(self, value: Any) -> Any:
        if not isinstance(value, _LISTS):
            return self._convert(value)
        found = self._done.get(id(value))
        if found is None:
            found = self._done[id(value)] = self._convert(value)
        return list(found) if isinstance(found, list) else found  # a copy per feature


def _features(G: nx.Graph) -> Iterator[dict[str, Any]]:
    """Yield :func:`to_geojson`'s features one by one: the edges, then the nodes."""
    convert = _Converted(_json_value_of)
    for u, v, attrs in G.edges(data=True):
        a, b = _coords(G.nodes[u]), _coords(G.nodes[v])
        geometry: dict[str, Any] | None = (
            {"type": "LineString", "coordinates": [a, b]} if a and b else None
        )
        props = {"source": str(u), "target": str(v)}
        props.update({k: convert(val) for k, val in attrs.items()})
        yield {"type": "Feature", "geometry": geometry, "properties": props}
    for node, attrs in G.nodes(data=True):
        point = _coords(attrs)
        geometry = {"type": "Point", "coordinates": point} if point else None
        props = {"id": str(node), **{k: convert(val) for k, val in attrs.items()}}
        yield {"type": "Feature", "geometry": geometry, "properties": props}


def _feature_texts(G: nx.Graph) -> Iterator[str]:
    """Yield :func:`_features`' features as JSON text, each as ``json.dumps`` encodes it.

    A shared tuple of route ids or train counts (the edges the same routes pass hold
    one object, :class:`_Converted`) and each node's ``[lon, lat]`` are encoded once,
    not once per feature: at national scale 25,000 segments list the ids of about
    12,000 routes. A graph with an attribute name that is not text (which
    ``json.dumps`` writes in its own way) is encoded feature by feature.
    """
    if not _text_keys(G):
        yield from map(_dumps, _features(G))
        return
    value_text = _Converted(_ScalarTexts())
    points: dict[Any, str] = {}

    def point(node: Any) -> str:
        text = points.get(node)
        if text is None:
            coords = _coords(G.nodes[node])
            text = points[node] = _dumps(coords) if coords else ""
        return text

    for u, v, attrs in G.edges(data=True):
        a, b = point(u), point(v)
        line = f'{{"type": "LineString", "coordinates": [{a}, {b}]}}' if a and b else "null"
        props = {"source": _dumps(str(u)), "target": _dumps(str(v))}
        props.update({k: value_text(val) for k, val in attrs.items()})
        yield _feature_text(line, props)
    for node, attrs in G.nodes(data=True):
        at = point(node)
        spot = f'{{"type": "Point", "coordinates": {at}}}' if at else "null"
        props = {"id": _dumps(str(node)), **{k: value_text(val) for k, val in attrs.items()}}
        yield _feature_text(spot, props)


class _ScalarTexts(dict[tuple[type, Any], str]):
    """Each attribute value's JSON text (:func:`_json_value_of`, then ``json.dumps``).

    A text, integer, truth value or date is kept by its type and value (the dates,
    counts and line names the segments repeat), so it is encoded once; floats are
    not (0.0 equals -0.0, which is written otherwise).

    Examples
    --------
    >>> from datetime import date
    >>> texts = _ScalarTexts()
    >>> texts(date(2023, 3, 1)), texts(True), texts(1), texts(float("nan")), texts(["a", 2])
    ('"2023-03-01"', 'true', '1', 'null', '["a", 2]')
    """

    def __call__(self, value: Any) -> str:
        kind = type(value)
        if kind not in _KEPT_TYPES:
            return _dumps(_json_value_of(value))
        text = self.get((kind, value))
        if text is None:
            text = self[(kind, value)] = _dumps(_json_value_of(value))
        return text


_KEPT_TYPES = frozenset({str, int, bool, date})
"""Types whose values equal only where their JSON texts do."""


def _feature_text(geometry: str, properties: Mapping[str, str]) -> str:
    """Return a feature's JSON text from its geometry's and property values' texts."""
    props = ", ".join(f"{_key_text(k)}: {text}" for k, text in properties.items())
    return f'{{"type": "Feature", "geometry": {geometry}, "properties": {{{props}}}}}'


@functools.lru_cache(maxsize=1024)
def _key_text(key: str) -> str:
    """Return an attribute name's JSON text (a graph has a handful of names)."""
    return _dumps(key)


def _text_keys(G: nx.Graph) -> bool:
    """Whether every node and edge attribute of ``G`` is named by text."""
    return all(isinstance(k, str) for _, attrs in G.nodes(data=True) for k in attrs) and all(
        isinstance(k, str) for _, _, attrs in G.edges(data=True) for k in attrs
    )


_dumps = json.JSONEncoder(ensure_ascii=False).encode
"""``json.dumps(value, ensure_ascii=False)`` without making an encoder per call."""


def to_geojson(G: nx.Graph) -> dict[str, Any]:
    """Return ``G`` as a GeoJSON FeatureCollection: edges as LineStrings, nodes as Points.

    Coordinates are (lon, lat) in WGS84. An element without coordinates keeps a
    ``null`` geometry, so its attributes are not lost.

    Parameters
    ----------
    G
        A route graph (:func:`route_graph`) or any graph with ``lat``/``lon`` (WGS84
        degrees) on its nodes.

    Returns
    -------
    dict
        A GeoJSON FeatureCollection: one LineString per edge (properties ``source``,
        ``target`` and the edge's attributes), then one Point per node (``id`` and its
        attributes); coordinates ``[lon, lat]``, lists kept as lists, dates ISO.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.DiGraph()
    >>> G.add_node("a", lat=52.0, lon=26.0, name="A")
    >>> G.add_node("b", lat=53.0, lon=27.0, name="B")
    >>> G.add_edge("a", "b", trains=3, route_ids=("r1", "r2"), route_trains=(2, 1))
    >>> fc = to_geojson(G)
    >>> [f["geometry"]["type"] for f in fc["features"]]
    ['LineString', 'Point', 'Point']
    >>> fc["features"][0]["properties"]["route_ids"]
    ['r1', 'r2']
    """
    return {"type": "FeatureCollection", "features": list(_features(G))}


def write_feature_collection(features: Iterable[Mapping[str, Any]], path: str | Path) -> Path:
    """Write GeoJSON features to ``path`` as a FeatureCollection, one feature per line.

    Each feature is encoded on its own by :func:`json.dumps` (the standard library's
    C encoder: an indented dump falls back to its pure-Python encoder, several times
    slower) and written as it comes, so the whole document is never held as one
    string: at national scale the corridors file runs to hundreds of megabytes.

    Parameters
    ----------
    features
        GeoJSON Feature objects (JSON-ready: lists, str, numbers, None).
    path
        The file to write (UTF-8).

    Returns
    -------
    pathlib.Path
        The path written.

    Raises
    ------
    InputPathError
        When the file's directory does not exist.

    Examples
    --------
    >>> import tempfile
    >>> point = {"type": "Feature", "geometry": None, "properties": {"name": "Орша"}}
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = write_feature_collection([point, point], Path(tmp) / "x.geojson")
    ...     json.loads(path.read_text(encoding="utf-8"))["features"][1]["properties"]
    {'name': 'Орша'}
    """
    return write_encoded_features((json.dumps(f, ensure_ascii=False) for f in features), path)


def write_encoded_features(features: Iterable[str], path: str | Path) -> Path:
    """Write features already encoded as JSON text as :func:`write_feature_collection` does.

    Parameters
    ----------
    features
        Each feature's JSON text (as ``json.dumps(feature, ensure_ascii=False)``).
    path
        The file to write (UTF-8).

    Returns
    -------
    pathlib.Path
        The path written.

    Raises
    ------
    InputPathError
        When the file's directory does not exist.

    Examples
    --------
    >>> import tempfile
    >>> feature = '{"type": "Feature", "properties": {}, "geometry": null}'
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = write_encoded_features([feature, feature], Path(tmp) / "x.geojson")
    ...     doc = json.loads(path.read_text(encoding="utf-8"))
    >>> doc["type"], len(doc["features"])
    ('FeatureCollection', 2)
    """
    path = _writable(path)
    with path.open("w", encoding="utf-8") as f:
        f.write('{"type": "FeatureCollection", "features": [')
        for i, text in enumerate(features):
            f.write(",\n" if i else "\n")
            f.write(text)
        f.write("\n]}\n")
    return path


def write_geojson(G: nx.Graph, path: str | Path) -> Path:
    """Write :func:`to_geojson` of ``G`` to ``path`` (UTF-8) and return the path.

    The features are written one per line as they are made
    (:func:`write_feature_collection`).

    Parameters
    ----------
    G
        A route graph (:func:`route_graph`) or any graph with ``lat``/``lon`` (WGS84
        degrees) on its nodes.
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

    Examples
    --------
    >>> import tempfile
    >>> G = nx.Graph()
    >>> G.add_node("orsha", name="Орша", lat=54.5, lon=30.4)
    >>> G.add_node("minsk", name="Минск", lat=53.9, lon=27.56)
    >>> G.add_edge("orsha", "minsk", trains=2)
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = write_geojson(G, Path(tmp) / "g.geojson")
    ...     doc = json.loads(path.read_text(encoding="utf-8"))
    >>> [f["geometry"]["type"] for f in doc["features"]]
    ['LineString', 'Point', 'Point']
    >>> doc["features"][1]["geometry"]["coordinates"]
    [30.4, 54.5]
    """
    return write_encoded_features(_feature_texts(G), path)

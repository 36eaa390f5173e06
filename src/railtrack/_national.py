"""The national 1520 mm track layer under the theatre network (``data/network/national``).

:func:`add_national` merges three compressed tables built by
``scripts/build_national_network.py`` into a theatre graph:

- ``track_nodes.csv.gz`` / ``track_links.csv.gz``: the track graph of Russia, Belarus,
  Ukraine and the 1520 mm transit countries (OpenStreetMap via ``scgraph_data``; ODbL),
  degree-2 chains contracted; node ids ``T<n>``, ``kind`` ``"track"`` (never a name a
  report can resolve to).
- ``towns.csv.gz``: GeoNames populated places of RU, BY and UA (CC BY 4.0) within
  15 km of the track; node ids ``GN<geonameid>``, ``kind`` ``"town"``, ``precision``
  ``"town"``, joined to their nearest track node by a 0 km ``snap`` link whose
  ``snap_km`` says how far the place lies from the track.

Each theatre station takes the place of its nearest track node (within
:data:`SNAP_MAX_KM`), so routes pass through it; a theatre link is dropped when the
track joins its ends within 1.5 times its length (the track's geometry is better than
a straight-line estimate) and kept otherwise, so it heals a gap of the track layer.
"""

from __future__ import annotations

import csv
import gzip
import logging
from pathlib import Path
from typing import Any

import networkx as nx
import numpy as np

from railtrack._netkey import NATIONAL_FILES

__all__ = [
    "NATIONAL_FILES",
    "OCCUPIED_REGIONS",
    "SNAP_MAX_KM",
    "add_national",
    "crossing_closed",
    "snap_to_track",
]

logger = logging.getLogger(__name__)

SNAP_MAX_KM = 12.0
"""Farthest a theatre station is joined to the track layer, km."""

OCCUPIED_REGIONS = frozenset(
    {"UA/Donetsk", "UA/Luhansk", "UA/Crimea", "UA/Misto Sevastopol'", "UA/Zaporizhia", "UA/Kherson"}
)
"""Ukrainian regions (GeoNames first-level names) whose lines Russia runs trains into."""

_COVER_RATIO = 1.5
# Query x track pairs up to which snapping compares all pairs rather than building a
# KD-tree (and importing scipy): 120 theatre stations x 13,000 track nodes take ~20 ms.
_BRUTE_FORCE_PAIRS = 5_000_000
_BRUTE_FORCE_BLOCK = 1_000_000
_R = 6371.0088


def _columns(path: Path) -> dict[str, list[str]]:
    """Read a gzipped CSV into one list of strings per column."""
    with gzip.open(path, "rt", encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        cols: list[list[str]] = [list(c) for c in zip(*reader, strict=True)] or [[] for _ in header]
    return dict(zip(header, cols, strict=True))


def snap_to_track(
    lat: np.ndarray, lon: np.ndarray, track_lat: np.ndarray, track_lon: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Nearest track point and its great-circle distance for each query point.

    Compares every query with every track point (numpy, in blocks) when there are
    few queries, as at load time (a hundred theatre stations); builds a KD-tree
    (scipy, imported only then) when there are many.

    Parameters
    ----------
    lat, lon
        Query points, degrees, shape (n,).
    track_lat, track_lon
        Track node positions, degrees, shape (m,).

    Returns
    -------
    index : numpy.ndarray
        Position of the nearest track node, shape (n,), int; the first of equally
        near ones.
    km : numpy.ndarray
        Distance to it in km, shape (n,).

    Examples
    --------
    >>> i, km = snap_to_track(np.array([54.0]), np.array([30.0]),
    ...                       np.array([55.0, 54.0]), np.array([30.0, 30.1]))
    >>> int(i[0]), round(float(km[0]), 1)
    (1, 6.5)
    """
    track = _unit(track_lat, track_lon)
    query = _unit(np.asarray(lat), np.asarray(lon))
    if len(query) * len(track) > _BRUTE_FORCE_PAIRS:
        from scipy.spatial import cKDTree

        chord, idx = cKDTree(track).query(query)
        return np.asarray(idx, dtype=np.int64), _chord_km(np.asarray(chord))
    idx = np.zeros(len(query), dtype=np.int64)
    chord = np.zeros(len(query))
    step = max(1, _BRUTE_FORCE_BLOCK // max(1, len(track)))
    for start in range(0, len(query), step):
        block = query[start : start + step]
        d2 = np.square(block[:, :1] - track[:, 0])
        for axis in (1, 2):
            d2 += np.square(block[:, axis : axis + 1] - track[:, axis])
        best = d2.argmin(axis=1)
        idx[start : start + step] = best
        chord[start : start + step] = np.sqrt(d2[np.arange(len(block)), best])
    return idx, _chord_km(chord)


def _chord_km(chord: np.ndarray) -> np.ndarray:
    """Great-circle km of chords between unit vectors."""
    return np.asarray(2 * _R * np.arcsin(np.minimum(1.0, chord / 2)))


def _unit(lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
    la, lo = np.radians(lat), np.radians(lon)
    return np.column_stack((np.cos(la) * np.cos(lo), np.cos(la) * np.sin(lo), np.sin(la)))


def crossing_closed(country_a: str, region_a: str, country_b: str, region_b: str) -> bool:
    """Whether a link between two countries' track is closed to through trains.

    Since February 2022 no train crosses between Belarus and Ukraine, nor between
    Russia and the parts of Ukraine it does not hold; lines from Russia into the
    Donetsk, Luhansk, Zaporizhzhia and Kherson regions and Crimea are used.

    Examples
    --------
    >>> crossing_closed("BY", "", "UA", "UA/Volyn"), crossing_closed("RU", "", "UA", "UA/Donetsk")
    (True, False)
    >>> crossing_closed("RU", "", "UA", "UA/Kharkiv"), crossing_closed("BY", "", "RU", "")
    (True, False)
    """
    pair = {country_a, country_b}
    if pair == {"BY", "UA"}:
        return True
    if pair == {"RU", "UA"}:
        ua_region = region_a if country_a == "UA" else region_b
        return ua_region not in OCCUPIED_REGIONS
    return False


def add_national(G: nx.Graph, root: Path, *, close_crossings: bool = True) -> dict[str, int]:
    """Merge the national track and town layer in ``root`` into the theatre graph ``G``.

    Parameters
    ----------
    G
        Theatre graph with positioned stations (modified in place).
    root
        Directory holding ``track_nodes.csv.gz``, ``track_links.csv.gz`` and
        ``towns.csv.gz``.
    close_crossings
        Leave out track links across closed borders (:func:`crossing_closed`).

    Returns
    -------
    dict
        ``track_nodes``, ``towns``, ``snapped`` (theatre stations joined to the track),
        ``theatre_links_kept`` (links the track does not cover).

    Raises
    ------
    FileNotFoundError
        When one of the three files is missing.
    """
    theatre = [n for n, d in G.nodes(data=True) if d.get("lat") is not None]
    theatre_links = list(G.edges(data=True))
    nodes = _columns(root / "track_nodes.csv.gz")
    track_ids = nodes["id"]
    track_lat = np.array(nodes["lat"], dtype=float)
    track_lon = np.array(nodes["lon"], dtype=float)
    G.add_nodes_from(
        (
            n,
            {
                "name": f"track near {near}",
                "kind": "track",
                "country": country,
                "lat": la,
                "lon": lo,
                "coord_estimated": False,
                "aliases": [],
            },
        )
        for n, near, country, la, lo in zip(
            track_ids,
            nodes["near"],
            nodes["country"],
            track_lat.tolist(),
            track_lon.tolist(),
            strict=True,
        )
    )
    links = _columns(root / "track_links.csv.gz")
    place = {
        n: (c, r)
        for n, c, r in zip(track_ids, nodes["country"], nodes.get("region", [""] * len(track_ids)),
                           strict=True)
    }  # fmt: skip
    closed = 0
    for u, v, km, method in zip(
        links["source"], links["target"], links["length_km"], links["length_method"], strict=True
    ):
        if close_crossings and crossing_closed(*place[u], *place[v]):
            closed += 1
            continue
        G.add_edge(u, v, length_km=float(km), length_method=method, line="")
    snapped, replaced = _snap_theatre(G, theatre, track_ids, track_lat, track_lon)
    kept = _drop_covered_links(G, theatre_links, snapped)
    towns = _columns(root / "towns.csv.gz")
    n_towns = len(towns["id"])
    for i in range(n_towns):
        tid = towns["id"][i]
        G.add_node(
            tid,
            name=towns["name"][i],
            name_ru=towns["name_ru"][i],
            aliases=towns["aliases"][i].split("|") if towns["aliases"][i] else [],
            country=towns["country"][i],
            region=towns["region"][i],
            lat=float(towns["lat"][i]),
            lon=float(towns["lon"][i]),
            coord_estimated=False,
            kind="town",
            precision="town",
            population=int(towns["population"][i] or 0),
            snap_km=float(towns["snap_km"][i]),
            esr="",
        )
        node = towns["node"][i]
        G.add_edge(tid, replaced.get(node, node), length_km=0.0, length_method="snap", line="")
    return {
        "track_nodes": len(track_ids) - len(replaced),
        "towns": n_towns,
        "snapped": len(snapped),
        "theatre_links_kept": kept,
        "closed_crossings": closed,
    }


def _snap_theatre(
    G: nx.Graph,
    theatre: list[str],
    track_ids: list[str],
    track_lat: np.ndarray,
    track_lon: np.ndarray,
) -> tuple[dict[str, str], dict[str, str]]:
    """Put each theatre station on the track: it takes over its nearest track node.

    The station nearest a track node replaces it (the node's links become the
    station's), so routes pass through the station's id; a second station nearest the
    same node is joined to it by a 0 km link. Returns the node each station routes
    from (itself when it replaced one) and the replaced track ids.
    """
    if not theatre or not track_ids:
        return {}, {}
    lat = np.array([G.nodes[n]["lat"] for n in theatre])
    lon = np.array([G.nodes[n]["lon"] for n in theatre])
    idx, km = snap_to_track(lat, lon, track_lat, track_lon)
    snapped: dict[str, str] = {}
    replaced: dict[str, str] = {}
    for d, n, j in sorted(zip(km.tolist(), theatre, idx.tolist(), strict=True)):
        G.nodes[n]["snap_km"] = round(d, 2)
        if d > SNAP_MAX_KM:
            continue
        track = track_ids[j]
        if track in replaced:
            G.add_edge(n, replaced[track], length_km=0.0, length_method="snap", line="")
            snapped[n] = replaced[track]
            continue
        for other, attrs in list(G.adj[track].items()):
            if other != n and not G.has_edge(n, other):
                G.add_edge(n, other, **attrs)
        G.remove_node(track)
        replaced[track] = n
        snapped[n] = n
    return snapped, replaced


def _drop_covered_links(
    G: nx.Graph, links: list[tuple[str, str, dict[str, Any]]], snapped: dict[str, str]
) -> int:
    """Remove theatre links the track joins within 1.5 times their length.

    A link across a border (its ends in different countries: the crossings reports
    name, Osinovka–Krasnoye) is kept, measured along the track and a metre shorter
    than the track's own way, so routes cross between the named border stations.
    """
    kept = 0
    for u, v, d in links:
        if u not in snapped or v not in snapped:
            kept += 1
            continue
        G.remove_edge(u, v)
        limit = _COVER_RATIO * float(d["length_km"])
        reach = nx.single_source_dijkstra_path_length(
            G, snapped[u], cutoff=limit, weight="length_km"
        )
        if snapped[v] not in reach:
            G.add_edge(u, v, **d)
            kept += 1
        elif G.nodes[u].get("country") != G.nodes[v].get("country"):
            along = max(0.0, float(reach[snapped[v]]) - 0.001)
            G.add_edge(u, v, **{**d, "length_km": along, "length_method": "along_track"})
            kept += 1
    return kept

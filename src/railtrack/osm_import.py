"""Build a network directory (``stations.csv``, ``links.csv``) from an OpenStreetMap extract.

:func:`import_osm` reads a ``.osm.pbf`` (or ``.osm``/``.osm.bz2``) file with pyosmium:

- **Track.** Every way tagged ``railway=rail`` (``usage``, ``gauge`` and ``service``
  kept per link; ``service=*`` sidings and yards included and marked) is cut at its
  ends, at nodes it shares with another rail way (junctions), at stations on it and
  where its gauge changes; each piece becomes one link whose ``length_km`` is the
  great-circle length of its geometry (``length_method`` ``along_track``).
- **Stations.** Nodes tagged ``railway=station`` or ``railway=halt`` with their
  ``name``, ``name:ru``/``name:be``/``name:uk``/``name:en`` (kept as aliases),
  ``esr:user`` (ESR code) and ``uic_ref`` (Express-3 code in Russia). A station on the
  track splits it; a station beside the track (a node off the rail way, as stations are
  often mapped) is joined to the nearest track node within :data:`SNAP_KM` by a 0 km
  link, its ``snap_km`` kept; farther ones are left out and counted.
- Track nodes get ``kind`` ``track`` (never resolved by name) and ids ``OSM<node id>``;
  stations are ``OSM<node id>`` too, with the ESR code in ``esr``.

Pieces of track that do not connect stay separate components (``RailNetwork.components``
reports them). The output loads with ``load_network(DIR)`` and routes like any other
network.

Examples
--------
>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = write_example_pbf(d / "line.osm.pbf")
>>> summary = import_osm(d / "line.osm.pbf", d / "net")
>>> summary["stations"], summary["links"] >= 2
(2, True)
"""

from __future__ import annotations

import csv
import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any

from railtrack.errors import InputPathError, NetworkError

__all__ = ["SNAP_KM", "import_osm", "write_example_pbf"]

SNAP_KM = 1.0
"""Farthest a station mapped beside the track is joined to it, km."""

_R = 6371.0088
_STATION_KINDS = ("station", "halt")
_NAME_KEYS = ("name:ru", "name:be", "name:uk", "name:en", "official_name", "old_name")
STATION_HEADER = [
    "id", "name", "lat", "lon", "country", "region", "railway", "kind", "express_code",
    "osm_id", "name_ru", "aliases", "border", "railhead", "esr", "snap_km",
]  # fmt: skip
LINK_HEADER = [
    "source",
    "target",
    "length_km",
    "line",
    "length_method",
    "usage",
    "gauge",
    "service",
]


@dataclass
class _Way:
    nodes: list[tuple[int, float, float]]
    tags: dict[str, str]


@dataclass
class _Read:
    ways: list[_Way] = field(default_factory=list)
    stations: dict[int, tuple[float, float, dict[str, str]]] = field(default_factory=dict)
    skipped_ways: int = 0


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    p1, p2 = math.radians(a[0]), math.radians(b[0])
    dp, dl = p2 - p1, math.radians(b[1] - a[1])
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * _R * math.asin(min(1.0, math.sqrt(h)))


def _read(path: Path) -> _Read:
    import osmium  # optional at import time: only this command needs it

    out = _Read()
    try:
        processor = (
            osmium.FileProcessor(str(path))
            .with_locations()
            .with_filter(osmium.filter.KeyFilter("railway"))
        )
        for obj in processor:
            if isinstance(obj, osmium.osm.Node):
                if obj.tags.get("railway") in _STATION_KINDS and obj.location.valid():
                    tags = {t.k: t.v for t in obj.tags}
                    out.stations[obj.id] = (obj.location.lat, obj.location.lon, tags)
            elif isinstance(obj, osmium.osm.Way) and obj.tags.get("railway") == "rail":
                nodes = [(n.ref, n.lat, n.lon) for n in obj.nodes if n.location.valid()]
                if len(nodes) < 2:
                    out.skipped_ways += 1
                    continue
                out.ways.append(_Way(nodes, {t.k: t.v for t in obj.tags}))
    except RuntimeError as exc:  # osmium's reader errors
        msg = f"{path.name}: not a readable OpenStreetMap file ({exc})"
        raise NetworkError(msg) from exc
    return out


def _split_points(read: _Read) -> set[int]:
    """Nodes where links end: way ends, junctions, stations on track, gauge changes."""
    uses: Counter[int] = Counter()
    gauges: dict[int, set[str]] = defaultdict(set)
    for way in read.ways:
        for ref, _, _ in way.nodes:
            uses[ref] += 1
            gauges[ref].add(way.tags.get("gauge", ""))
    points = {w.nodes[0][0] for w in read.ways} | {w.nodes[-1][0] for w in read.ways}
    points |= {ref for ref, n in uses.items() if n > 1}
    points |= {ref for ref, g in gauges.items() if len(g) > 1}
    points |= {ref for ref in read.stations if ref in uses}
    return points


def _pieces(read: _Read, points: set[int]) -> list[dict[str, Any]]:
    links = []
    for way in read.ways:
        start = 0
        for i in range(1, len(way.nodes)):
            if way.nodes[i][0] in points or i == len(way.nodes) - 1:
                geom = way.nodes[start : i + 1]
                km = sum(_km(a[1:], b[1:]) for a, b in pairwise(geom))
                links.append(
                    {
                        "source": geom[0][0],
                        "target": geom[-1][0],
                        "length_km": km,
                        "line": way.tags.get("name", ""),
                        "usage": way.tags.get("usage", ""),
                        "gauge": way.tags.get("gauge", ""),
                        "service": way.tags.get("service", ""),
                    }
                )
                start = i
    return links


def _snap(
    read: _Read, coords: dict[int, tuple[float, float]]
) -> tuple[dict[int, tuple[int, float]], int]:
    """Join stations beside the track to their nearest way node within SNAP_KM.

    Every node of a rail way counts, not only junctions and way ends: a halt mapped
    beside the middle of a long way joins the track there (that node then becomes a
    link end). Nearest nodes are found with a k-d tree (scipy) over a local
    equirectangular projection, then measured on the sphere.
    """
    from scipy.spatial import cKDTree

    snapped: dict[int, tuple[int, float]] = {}
    beside = [(sid, lat, lon) for sid, (lat, lon, _) in read.stations.items() if sid not in coords]
    if not beside or not coords:
        return snapped, len(beside)
    refs = list(coords)
    lat0 = math.radians(sum(lat for lat, _ in coords.values()) / len(coords))

    def xy(lat: float, lon: float) -> tuple[float, float]:
        return lon * 111.32 * math.cos(lat0), lat * 110.57

    tree = cKDTree([xy(*coords[r]) for r in refs])
    too_far = 0
    for sid, lat, lon in beside:
        _, k = tree.query(xy(lat, lon))
        node = refs[int(k)]
        km = _km((lat, lon), coords[node])
        if km <= SNAP_KM:
            snapped[sid] = (node, km)
        else:
            too_far += 1
    return snapped, too_far


def _station_row(
    sid: int, lat: float, lon: float, tags: dict[str, str], snap: float
) -> dict[str, Any]:
    names = [tags[k] for k in _NAME_KEYS if tags.get(k)]
    name = tags.get("name") or tags.get("name:en") or tags.get("name:ru") or f"OSM node {sid}"
    esr = tags.get("esr:user", "").strip()
    return {
        "id": f"OSM{sid}",
        "name": name,
        "lat": round(lat, 6),
        "lon": round(lon, 6),
        "kind": tags.get("railway", "station"),
        "express_code": tags.get("uic_ref", ""),
        "osm_id": f"node/{sid}",
        "name_ru": tags.get("name:ru", ""),
        "aliases": "|".join(dict.fromkeys(n for n in names if n != name)),
        "border": "false",
        "railhead": "false",
        "esr": esr if esr.isdigit() else "",
        "snap_km": round(snap, 3),
    }


def import_osm(path: str | Path, out: str | Path) -> dict[str, int]:
    """Turn an OpenStreetMap extract into ``stations.csv`` and ``links.csv`` in ``out``.

    Parameters
    ----------
    path
        An ``.osm.pbf`` (or other format pyosmium reads) file.
    out
        Directory to write; created when missing; existing files are replaced.

    Returns
    -------
    dict
        ``stations`` (stations and halts written), ``track_nodes``, ``links``,
        ``stations_on_track``, ``stations_snapped``, ``stations_too_far`` (left out:
        no track within :data:`SNAP_KM`), ``ways``, ``ways_skipped`` (without two
        located nodes).

    Raises
    ------
    InputPathError
        When the file does not exist.
    NetworkError
        When pyosmium cannot read it, or it holds no ``railway=rail`` way, or ``out``
        is a file or a directory holding anything but an earlier import
        (``stations.csv``, ``links.csv``): it is never overwritten.

    Examples
    --------
    The example extract: Alpha on the line, Beta 0.33 km beside it (snapped):

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     pbf = write_example_pbf(Path(tmp) / "x.osm.pbf")
    ...     counts = import_osm(pbf, Path(tmp) / "net")
    ...     names = sorted((Path(tmp) / "net").iterdir())
    >>> counts["stations"], counts["stations_on_track"], counts["stations_snapped"]
    (2, 1, 1)
    >>> [p.name for p in names]
    ['links.csv', 'stations.csv']
    """
    path, out = Path(path), Path(out)
    _check_out(out)
    if not path.is_file():
        msg = f"no such file: {path}"
        raise InputPathError(msg)
    read = _read(path)
    if not read.ways:
        msg = f"{path.name}: no railway=rail way with located nodes"
        raise NetworkError(msg)
    points = _split_points(read)
    coords = {ref: (lat, lon) for w in read.ways for ref, lat, lon in w.nodes}
    snapped, too_far = _snap(read, coords)
    points |= {node for node, _ in snapped.values()}  # where a station joins, a link ends
    links = _pieces(read, points)
    track = {ref: coords[ref] for ref in points}
    station_rows = []
    on_track = 0
    for sid, (lat, lon, tags) in read.stations.items():
        if sid in points:
            on_track += 1
            station_rows.append(_station_row(sid, lat, lon, tags, 0.0))
        elif sid in snapped:
            node, km = snapped[sid]
            station_rows.append(_station_row(sid, lat, lon, tags, km))
            links.append(
                {"source": sid, "target": node, "length_km": 0.0, "line": "station access",
                 "usage": "", "gauge": "", "service": ""}
            )  # fmt: skip
    station_ids = {int(r["id"][3:]) for r in station_rows}
    track_rows = [
        {"id": f"OSM{ref}", "name": f"track node {ref}", "lat": round(lat, 6),
         "lon": round(lon, 6), "kind": "track", "osm_id": f"node/{ref}",
         "border": "false", "railhead": "false"}
        for ref, (lat, lon) in sorted(track.items()) if ref not in station_ids
    ]  # fmt: skip
    out.mkdir(parents=True, exist_ok=True)
    _write(out / "stations.csv", STATION_HEADER, station_rows + track_rows)
    link_rows = [
        {**link, "source": f"OSM{link['source']}", "target": f"OSM{link['target']}",
         "length_km": round(link["length_km"], 4), "length_method": "along_track"}
        for link in links if link["source"] != link["target"]
    ]  # fmt: skip
    _write(out / "links.csv", LINK_HEADER, link_rows)
    return {
        "stations": len(station_rows),
        "track_nodes": len(track_rows),
        "links": len(link_rows),
        "stations_on_track": on_track,
        "stations_snapped": len(snapped),
        "stations_too_far": too_far,
        "ways": len(read.ways),
        "ways_skipped": read.skipped_ways,
    }


_IMPORT_FILES = frozenset({"stations.csv", "links.csv"})


def _check_out(out: Path) -> None:
    """Refuse an output that is a file, or a directory with more than an earlier import."""
    if out.exists() and not out.is_dir():
        msg = f"{out} is a file; --out takes a directory (new, empty or an earlier import)"
        raise NetworkError(msg)
    if out.is_dir():
        other = sorted(p.name for p in out.iterdir() if p.name not in _IMPORT_FILES)
        if other:
            shown = ", ".join(other[:5]) + (" ..." if len(other) > 5 else "")
            msg = (
                f"{out} holds other files ({shown}); give a new or empty directory "
                "(an earlier import's stations.csv and links.csv are replaced)"
            )
            raise NetworkError(msg)


def _write(path: Path, header: list[str], rows: list[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=header, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def write_example_pbf(path: str | Path) -> Path:
    """Write a tiny ``.osm.pbf``: one 1520 mm line with a station on it and one beside it.

    Parameters
    ----------
    path
        File to write (replaced when it exists).

    Returns
    -------
    pathlib.Path
        The path written.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = write_example_pbf(Path(tmp) / "x.osm.pbf")
    ...     path.name, path.stat().st_size > 0
    ('x.osm.pbf', True)
    """
    import osmium

    path = Path(path)
    path.unlink(missing_ok=True)
    with osmium.SimpleWriter(str(path)) as writer:
        for i, (lat, lon) in enumerate([(54.0, 30.0), (54.0, 30.1), (54.0, 30.2)], start=1):
            tags = {"railway": "station", "name": "Alpha"} if i == 1 else {}
            writer.add_node(osmium.osm.mutable.Node(id=i, location=(lon, lat), tags=tags))
        writer.add_node(
            osmium.osm.mutable.Node(
                id=10, location=(30.2, 54.003), tags={"railway": "halt", "name": "Beta"}
            )
        )
        writer.add_way(
            osmium.osm.mutable.Way(
                id=100, nodes=[1, 2, 3], tags={"railway": "rail", "gauge": "1520", "usage": "main"}
            )
        )
    return path

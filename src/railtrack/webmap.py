"""The briefing's interactive map: Leaflet, inlined, drawing its data with no network.

:func:`map_data` gathers what the map shows from a :class:`~railtrack.pipeline.TrackResult`
as plain JSON-ready data: one line per corridor (a distinct route that trains were
routed on; width by cars), the railheads, the border crossings used (one per
crossing, whatever the direction), the sightings, the rail network near the data
and the country outlines railtrack ships (:mod:`railtrack.basemap`). Each feature
carries its popup as data (a title, lines and a small table), which the page's
script turns into DOM nodes with ``textContent``: report text is never parsed as
HTML or script.

:func:`leaflet_assets` returns Leaflet's CSS (images as data URIs) and JavaScript,
vendored from the npm package ``leaflet`` (BSD-2-Clause, see
``railtrack/_vendor/leaflet``), for inlining into the page. The only thing the page
may fetch is OpenStreetMap tiles, and only when the reader switches that base
layer on.
"""

from __future__ import annotations

import base64
import itertools
import json
import math
import re
from collections import defaultdict
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import pandas as pd

from railtrack import columns as C
from railtrack.basemap import Bounds, country_outlines
from railtrack.route_files import route_id

if TYPE_CHECKING:
    import networkx as nx

    from railtrack.pipeline import TrackResult

__all__ = ["LEAFLET_VERSION", "json_for_script", "leaflet_assets", "map_data"]

LEAFLET_VERSION = "1.9.4"
MAX_NETWORK_SEGMENTS = 40_000
"""At most this many network links drawn (those nearest the data are kept)."""
MAX_POPUP_ROWS = 25
WIDTH_MIN, WIDTH_MAX = 3.0, 14.0


@lru_cache(maxsize=1)
def leaflet_assets() -> tuple[str, str]:
    """Return Leaflet's CSS (with its images inlined) and JavaScript, as text.

    Examples
    --------
    >>> css, js = leaflet_assets()
    >>> "leaflet-container" in css and "data:image/png;base64," in css
    True
    >>> js.startswith("/* @preserve") and "sourceMappingURL" not in js
    True
    """
    root = resources.files("railtrack") / "_vendor" / "leaflet"
    css = (root / "leaflet.css").read_text(encoding="utf-8")
    for name in ("layers.png", "layers-2x.png"):
        data = base64.b64encode((root / "images" / name).read_bytes()).decode("ascii")
        css = css.replace(f"url(images/{name})", f"url(data:image/png;base64,{data})")
    # The default marker icon is never used (markers are circles); drop its lookup.
    css = css.replace("url(images/marker-icon.png)", "none")
    js = (root / "leaflet.js").read_text(encoding="utf-8")
    js = re.sub(r"//# sourceMappingURL=\S+", "", js)
    return css, js


def json_for_script(data: Any) -> str:
    """Return ``data`` as JSON safe to place inside an HTML ``<script>`` element.

    ``<``, ``>`` and ``&`` are written as JSON escapes, so no text can close the
    element or open a comment.

    Examples
    --------
    >>> json_for_script({"name": "</script><b>"})
    '{"name": "\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e"}'
    """
    text = json.dumps(data, ensure_ascii=False, allow_nan=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


# --- helpers -------------------------------------------------------------------------


def _text(value: Any) -> str:
    """Return a cell as text: '' for any missing value, dates without a midnight time.

    Examples
    --------
    >>> [_text(v) for v in (None, pd.NaT, float("nan"), pd.Timestamp("2023-03-01"), "x")]
    ['', '', '', '2023-03-01', 'x']
    """
    if value is None or (not isinstance(value, list | tuple | dict) and pd.isna(value)):
        return ""
    if isinstance(value, pd.Timestamp):
        return (
            value.strftime("%Y-%m-%d") if value == value.normalize() else f"{value:%Y-%m-%d %H:%M}"
        )
    return str(value)


def _int(value: Any) -> int | None:
    try:
        if value is None or value is pd.NA or pd.isna(value):
            return None
        return int(value)
    except (TypeError, ValueError):
        return None


def _lat_lon(G: nx.Graph, node: Any) -> tuple[float, float] | None:
    if node not in G:
        return None
    attrs = G.nodes[node]
    lat, lon = attrs.get("lat"), attrs.get("lon")
    if lat is None or lon is None or pd.isna(lat) or pd.isna(lon):
        return None
    return round(float(lat), 3), round(float(lon), 3)


def _name(G: nx.Graph, node: Any) -> str:
    return str(G.nodes[node].get("name") or node) if node in G else str(node)


def _popup(
    title: str,
    lines: list[str],
    head: list[str],
    rows: list[list[str]],
    *,
    details: str = "",
) -> dict[str, Any]:
    more = len(rows) - MAX_POPUP_ROWS
    if more > 0:
        rows = rows[:MAX_POPUP_ROWS]
        lines = [*lines, f"{more} more in the tables below the map"]
    return {"title": title, "lines": lines, "head": head, "rows": rows, "details": details}


def _stations(value: Any) -> list[str]:
    if value is None or isinstance(value, float):
        return []
    if isinstance(value, str):
        return [s for s in value.split(";") if s]
    return [str(s) for s in value]


def _train_rows(result: TrackResult) -> dict[str, dict[str, Any]]:
    """Return per train id what popups list: dates, cars, source, status."""
    status: dict[str, str] = {}
    if C.STATUS in result.statuses.columns:
        status = dict(
            zip(
                result.statuses[C.ID].astype(str), result.statuses[C.STATUS].map(_text), strict=True
            )
        )
    rows = {}
    for row in result.shipments.to_dict("records"):
        sid = str(row[C.ID])
        departed = _text(row.get(C.DEPARTURE_EARLIEST))
        latest = _text(row.get(C.DEPARTURE_LATEST))
        if latest and latest != departed:
            departed = f"{departed}–{latest}" if departed else f"by {latest}"
        rows[sid] = {
            "departure": departed,
            "cars": _int(row.get(C.CARS_TOTAL)),
            "source": _text(row.get(C.SOURCE)),
            "published": _text(row.get(C.PUBLISHED)),
            "status": status.get(sid, ""),
            "from": _text(row.get(C.ORIGIN_STATION)) or _text(row.get(C.ORIGIN)),
            "to": _text(row.get(C.DESTINATION_STATION)) or _text(row.get(C.DESTINATION)),
        }
    return rows


def _row(sid: str, info: dict[str, Any]) -> list[str]:
    cars = info.get("cars")
    return [
        sid,
        info.get("departure", ""),
        "" if cars is None else str(cars),
        info.get("status", ""),
        " ".join(x for x in (info.get("source", ""), info.get("published", "")) if x),
    ]


_TRAIN_HEAD = ["train", "departed", "cars", "status", "source, published"]


# --- layers --------------------------------------------------------------------------


def _corridors(result: TrackResult, trains: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """One feature per distinct routed path: the trains on it, their cars, its width."""
    G = result.network.G
    paths: dict[tuple[str, ...], list[str]] = defaultdict(list)
    labels: dict[tuple[str, ...], str] = {}
    lengths: dict[tuple[str, ...], float | None] = {}
    crossings: dict[tuple[str, ...], str] = {}
    ends: dict[tuple[str, ...], dict[str, Any]] = {}
    routes = result.routes
    if not len(routes) or "stations" not in routes.columns:
        return []
    for row in routes.to_dict("records"):
        stations = tuple(_stations(row.get("stations")))
        if len(stations) < 2:
            continue
        paths[stations].append(str(row[C.ID]))
        labels.setdefault(stations, _text(row.get(C.ROUTE_LABEL)))
        length = row.get(C.LENGTH_KM)
        lengths.setdefault(stations, None if length is None or pd.isna(length) else float(length))
        crossings.setdefault(stations, _text(row.get(C.BORDER_CROSSINGS)))
        ends.setdefault(stations, {str(k): v for k, v in row.items()})
    features: list[dict[str, Any]] = []
    for stations, ids in paths.items():
        coords = [p for p in (_lat_lon(G, n) for n in stations) if p is not None]
        if len(coords) < 2:
            continue
        cars = [trains.get(i, {}).get("cars") for i in ids]
        known = [c for c in cars if c is not None]
        total = sum(known) if known else None
        first = ends[stations]
        origin = _end(G, stations[0], first, C.ORIGIN)
        title = f"{origin} → {_end(G, stations[-1], first, C.DESTINATION)}"
        lines = [f"{len(ids)} train{'s' if len(ids) != 1 else ''}"]
        if total is not None:
            lines[0] += f", {total:,} cars counted on the trains"
            if len(known) < len(ids):
                lines[0] += f" ({len(ids) - len(known)} without a car count)"
        if lengths[stations] is not None:
            lines.append(f"{lengths[stations]:,.0f} km by rail")
        if crossings[stations]:
            lines.append(f"crosses the border at {crossings[stations].replace(';', ',')}")
        features.append(
            {
                "coords": coords,
                "route_id": route_id(stations),
                "cars": total,
                "trains": len(ids),
                "ids": ids,
                "popup": _popup(
                    title,
                    [x for x in lines if x],
                    _TRAIN_HEAD,
                    [_row(i, trains.get(i, {})) for i in ids],
                    details=labels[stations],
                ),
            }
        )
    top = max((int(f["cars"] or 0) for f in features), default=0)
    for f in features:
        f["width"] = _width(int(f["cars"] or 0), top)
    # Widest first, so thinner corridors on shared track are drawn on top.
    features.sort(key=lambda f: -float(f["width"]))
    return features


def _end(G: Any, station: str, row: dict[str, Any], prefix: str) -> str:
    """Name a corridor end: the reported place, and a station routing chose as inferred.

    An end reported as a region (or a country) is routed from or to one of its
    stations; the title names what the report said and marks that station inferred.
    """
    written = _text(row.get(prefix))
    if _text(row.get(f"{prefix}_geo_precision")) == "region" and written:
        return f"{written} (inferred: {_name(G, station)})"
    return _name(G, station)


def _width(cars: int, top: int) -> float:
    """Return a corridor's line width in pixels: its cars' share of the top, square-rooted.

    Examples
    --------
    >>> _width(0, 0), _width(100, 100), _width(25, 100)
    (3.0, 14.0, 8.5)
    """
    share = cars / top if top else 0.0
    return round(WIDTH_MIN + (WIDTH_MAX - WIDTH_MIN) * math.sqrt(share), 1)


def _railheads(result: TrackResult, trains: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    G = result.network.G
    by_station: dict[str, list[str]] = defaultdict(list)
    ships = result.shipments
    if C.DESTINATION_STATION_ID in ships.columns:
        for sid, station in zip(ships[C.ID], ships[C.DESTINATION_STATION_ID], strict=True):
            if isinstance(station, str) and station in G:
                by_station[station].append(str(sid))
    out = []
    for station, ids in by_station.items():
        point = _lat_lon(G, station)
        if point is None:
            continue
        cars = [c for c in (trains.get(i, {}).get("cars") for i in ids) if c is not None]
        line = f"{len(ids)} train{'s' if len(ids) != 1 else ''} reported heading here"
        if cars:
            line += f", {sum(cars):,} cars counted on the trains"
        out.append(
            {
                "lat": point[0],
                "lon": point[1],
                "popup": _popup(
                    f"{_name(G, station)} (railhead)",
                    [line],
                    _TRAIN_HEAD,
                    [_row(i, trains.get(i, {})) for i in ids],
                ),
            }
        )
    return out


def _crossings(result: TrackResult) -> list[dict[str, Any]]:
    """One point per border crossing used, whatever the direction; directions in the popup."""
    G = result.network.G
    used: dict[tuple[str, str], dict[tuple[str, str], list[str]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for row in result.routes.to_dict("records") if "stations" in result.routes else []:
        stations = _stations(row.get("stations"))
        for u, v in itertools.pairwise(stations):
            if u in G and v in G and G.nodes[u].get("country") != G.nodes[v].get("country"):
                key = (min(u, v), max(u, v))
                used[key][(u, v)].append(str(row[C.ID]))
    out = []
    for (a, b), directions in used.items():
        pa, pb = _lat_lon(G, a), _lat_lon(G, b)
        if pa is None or pb is None:
            continue
        name = " – ".join(sorted((_name(G, a), _name(G, b))))
        rows = [
            [f"{_name(G, u)} → {_name(G, v)}", str(len(ids)), ", ".join(ids)]
            for (u, v), ids in sorted(directions.items())
        ]
        n = sum(len(ids) for ids in directions.values())
        out.append(
            {
                "lat": round((pa[0] + pb[0]) / 2, 4),
                "lon": round((pa[1] + pb[1]) / 2, 4),
                "popup": _popup(
                    f"Border crossing {name}",
                    [f"{n} routed train{'s' if n != 1 else ''} cross here"],
                    ["direction", "trains", "ids"],
                    rows,
                ),
            }
        )
    return out


def _sightings(result: TrackResult) -> list[dict[str, Any]]:
    G = result.network.G
    by_station: dict[str, list[list[str]]] = defaultdict(list)
    sightings = result.sightings
    if not len(sightings):
        return []
    for row in sightings.to_dict("records"):
        station = row.get(C.STATION_ID)
        if not isinstance(station, str) or station not in G:
            continue
        by_station[station].append(
            [
                _text(row.get(C.SEEN_AT)),
                _text(row.get(C.SHIPMENT)),
                _text(row.get(C.NOTE)),
                _text(row.get(C.SOURCE)),
            ]
        )
    out = []
    for station, rows in by_station.items():
        point = _lat_lon(G, station)
        if point is None:
            continue
        out.append(
            {
                "lat": point[0],
                "lon": point[1],
                "popup": _popup(
                    f"Sighted at {_name(G, station)}",
                    [f"{len(rows)} sighting{'s' if len(rows) != 1 else ''}"],
                    ["seen", "train", "note", "source"],
                    sorted(rows),
                ),
            }
        )
    return out


def _bounds(parts: list[list[dict[str, Any]]], corridors: list[dict[str, Any]]) -> Bounds | None:
    points = [(p["lon"], p["lat"]) for part in parts for p in part]
    points += [(lon, lat) for c in corridors for lat, lon in c["coords"]]
    return Bounds.around(points)


def _network(G: nx.Graph, view: Bounds) -> list[list[list[float]]]:
    """Return the network's links inside ``view`` as ``[[lat, lon], [lat, lon]]`` pairs."""
    segments = []
    for u, v in G.edges():
        a, b = _lat_lon(G, u), _lat_lon(G, v)
        if a is None or b is None:
            continue
        box = Bounds(min(a[1], b[1]), min(a[0], b[0]), max(a[1], b[1]), max(a[0], b[0]))
        if box.meets(view):
            segments.append([list(a), list(b)])
    if len(segments) > MAX_NETWORK_SEGMENTS:
        cx, cy = (view.west + view.east) / 2, (view.south + view.north) / 2
        segments.sort(key=lambda s: (s[0][1] - cx) ** 2 + (s[0][0] - cy) ** 2)
        segments = segments[:MAX_NETWORK_SEGMENTS]
    return segments


def map_data(result: TrackResult) -> dict[str, Any]:
    """Return everything the briefing's map draws, as JSON-ready data.

    Parameters
    ----------
    result
        The main job's result.

    Returns
    -------
    dict
        ``corridors`` (``coords`` as ``[lat, lon]``, ``cars``, ``trains``, ``ids``,
        ``width`` in pixels, ``popup``), ``railheads``, ``crossings`` and
        ``sightings`` (``lat``, ``lon``, ``popup``), ``network`` (link segments),
        ``countries`` (a GeoJSON FeatureCollection), ``bounds``
        (``[[south, west], [north, east]]`` of the data, or of the network when
        nothing is placed) and ``legend`` (``cars`` of the widest and a middle
        corridor with their widths). A ``popup`` is ``title``, ``lines``, ``head``
        and ``rows`` (plain text).
    """
    trains = _train_rows(result)
    corridors = _corridors(result, trains)
    railheads = _railheads(result, trains)
    crossings = _crossings(result)
    sightings = _sightings(result)
    G = result.network.G
    bounds = _bounds([railheads, crossings, sightings], corridors)
    if bounds is None:
        points = [(p[1], p[0]) for p in (_lat_lon(G, n) for n in G.nodes) if p is not None]
        bounds = Bounds.around(points) or Bounds(23.0, 44.0, 41.0, 57.0)
    view = bounds.padded(2.0)
    countries = {
        "type": "FeatureCollection",
        "features": [c.to_feature() for c in country_outlines(bounds.padded(8.0))],
    }
    top = max((int(c["cars"] or 0) for c in corridors), default=0)
    legend = []
    if top:
        for share in (1.0, 0.25):
            cars = round(top * share)
            legend.append({"cars": cars, "width": _width(cars, top)})
    return {
        "corridors": corridors,
        "railheads": railheads,
        "crossings": crossings,
        "sightings": sightings,
        "network": _network(G, view),
        "countries": countries,
        "bounds": [[bounds.south, bounds.west], [bounds.north, bounds.east]],
        "legend": legend,
    }

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
import weakref
from collections import defaultdict
from collections.abc import Mapping
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import pandas as pd

from railtrack import columns as C
from railtrack.basemap import Bounds, country_outlines
from railtrack.route_files import route_id, route_outline

if TYPE_CHECKING:
    import networkx as nx

    from railtrack.pipeline import TrackResult

__all__ = ["LEAFLET_VERSION", "json_for_script", "leaflet_assets", "map_data"]

LEAFLET_VERSION = "1.9.4"
MAX_NETWORK_SEGMENTS = 40_000
"""At most this many network links drawn (those nearest the data are kept)."""
MAX_POPUP_ROWS = 25
"""Most trains a popup lists (it says how many more there are; every train is in routes.csv)."""
MAX_POPUP_IDS = 10
"""Most train ids a border crossing's popup names per direction."""
MAX_MAP_CORRIDORS = 1_000
"""Most corridors the map draws: those with the most cars (then trains).

At national scale trains take over 10,000 distinct routes of hundreds of stations
each; drawn all, the map data ran to gigabytes in memory and hundreds of megabytes in
the page. Every route is in ``routes.geojson`` and ``distinct_routes.csv``.
"""
WIDTH_MIN, WIDTH_MAX = 3.0, 14.0


@lru_cache(maxsize=1)
def leaflet_assets() -> tuple[str, str]:
    """Return Leaflet's CSS (with its images inlined) and JavaScript, as text.

    Returns
    -------
    tuple of str
        ``(css, js)``: the stylesheet with ``layers.png`` and ``layers-2x.png`` as
        base64 data URLs (the marker icon dropped), and the script without its
        source-map comment, both read from the vendored Leaflet files.

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

    Parameters
    ----------
    data : object
        JSON-serialisable data.

    Returns
    -------
    str
        The JSON text (non-ASCII kept).

    Raises
    ------
    ValueError
        For NaN or infinite floats (``allow_nan=False``).
    TypeError
        For values ``json`` cannot serialise.

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
    total: int | None = None,
) -> dict[str, Any]:
    """Return a popup; of ``total`` rows (default: all ``rows``) it lists the first few."""
    more = (len(rows) if total is None else total) - MAX_POPUP_ROWS
    if more > 0:
        rows = rows[:MAX_POPUP_ROWS]
        lines = [*lines, f"{more:,} more in routes.csv and status.csv"]
    return {"title": title, "lines": lines, "head": head, "rows": rows, "details": details}


def _stations(value: Any) -> list[str]:
    if value is None or isinstance(value, float):
        return []
    if isinstance(value, str):
        return [s for s in value.split(";") if s]
    return list(map(str, value))


class _Trains:
    """What popups list per train (dates, cars, source, status), worked out on demand.

    Only the few trains a popup shows are turned into rows, so a map of 100,000
    trains never builds 100,000 row dicts; car counts are read for all at once.
    """

    def __init__(self, result: TrackResult) -> None:
        ships = result.shipments
        self._pos = {str(sid): i for i, sid in enumerate(ships[C.ID].tolist())}
        self._ships = ships
        self._status: dict[str, str] | None = None
        self._statuses = result.statuses
        cars = ships[C.CARS_TOTAL] if C.CARS_TOTAL in ships.columns else None
        self._cars = [None] * len(ships) if cars is None else [_int(c) for c in cars.tolist()]
        self._rows: dict[str, dict[str, Any]] = {}
        self._columns: dict[str, list[Any]] = {}

    def cars(self, sid: str) -> int | None:
        """Return the train's car count (None when not given or not a known train)."""
        pos = self._pos.get(sid)
        return None if pos is None else self._cars[pos]

    def _status_of(self, sid: str) -> str:
        if self._status is None:
            table = self._statuses
            self._status = {}
            if C.STATUS in table.columns:
                self._status = dict(
                    zip(table[C.ID].astype(str), table[C.STATUS].map(_text), strict=True)
                )
        return self._status.get(sid, "")

    def info(self, sid: str) -> dict[str, Any]:
        """Return the train's popup fields (empty for an id not among the shipments)."""
        found = self._rows.get(sid)
        if found is not None:
            return found
        pos = self._pos.get(sid)
        if pos is None:
            return {}
        cell = self._cell
        departed = _text(cell(C.DEPARTURE_EARLIEST, pos))
        latest = _text(cell(C.DEPARTURE_LATEST, pos))
        if latest and latest != departed:
            departed = f"{departed}–{latest}" if departed else f"by {latest}"
        found = self._rows[sid] = {
            "departure": departed,
            "cars": self._cars[pos],
            "source": _text(cell(C.SOURCE, pos)),
            "published": _text(cell(C.PUBLISHED, pos)),
            "status": self._status_of(sid),
            "from": _text(cell(C.ORIGIN_STATION, pos)) or _text(cell(C.ORIGIN, pos)),
            "to": _text(cell(C.DESTINATION_STATION, pos)) or _text(cell(C.DESTINATION, pos)),
        }
        return found

    def _cell(self, col: str, pos: int) -> Any:
        """Return the shipments' ``col`` at row ``pos`` (None without the column).

        Each column is read once as a list: a popup row from ``iloc`` built a Series
        of all 70 columns per train (26,000 popup rows on a national map).
        """
        values = self._columns.get(col)
        if values is None:
            ships = self._ships
            values = ships[col].tolist() if col in ships.columns else [None] * len(ships)
            self._columns[col] = values
        return values[pos]

    def rows(self, ids: list[str]) -> list[list[str]]:
        """Return popup rows for the first :data:`MAX_POPUP_ROWS` of ``ids`` and one more.

        One more than a popup shows, so :func:`_popup` still says how many are left out.
        """
        return [_row(i, self.info(i)) for i in ids[: MAX_POPUP_ROWS + 1]]


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


_Group = tuple[tuple[str, ...], int, list[str]]
"""A distinct routed path: (station ids, position of its first row in ``routes``, train ids)."""

_GROUPS: list[tuple[weakref.ref[pd.DataFrame], int, list[_Group]]] = []
"""The last routes table grouped (by identity and length) and its groups."""


def _route_groups(routes: pd.DataFrame) -> list[_Group]:
    """Return each distinct routed path (two stations or more), in order of first use.

    Each as (station ids, position of its first row in ``routes``, ids of its trains).
    The briefing reads them three times (the map's corridors and crossings, and
    ``routes.geojson``): the last table's groups are kept, so at national scale its
    millions of station ids are read once. Callers must not change the lists.
    """
    for ref, n, groups in _GROUPS:
        if ref() is routes and n == len(routes):
            return groups
    groups = _group_routes(routes)
    _GROUPS[:] = [(weakref.ref(routes), len(routes), groups)]
    return groups


def _group_routes(routes: pd.DataFrame) -> list[_Group]:
    """Group ``routes`` by path, as :func:`_route_groups` returns them (not kept).

    Trains on one route share one station list object, so each object is read once.
    """
    if not len(routes) or C.STATIONS not in routes.columns:
        return []
    of_object: dict[int, int] = {}
    of_path: dict[tuple[str, ...], int] = {}
    groups: list[_Group] = []
    values = routes[C.STATIONS].tolist()  # kept alive, so object ids stay unique
    for pos, (value, sid) in enumerate(zip(values, routes[C.ID].tolist(), strict=True)):
        index = of_object.get(id(value))
        if index is None:
            path = tuple(_stations(value))
            index = -1 if len(path) < 2 else of_path.setdefault(path, len(of_path))
            of_object[id(value)] = index
            if index == len(groups):
                groups.append((path, pos, []))
        if index >= 0:
            groups[index][2].append(str(sid))
    return groups


_FIRST_COLUMNS = (
    C.ORIGIN,
    C.DESTINATION,
    f"{C.ORIGIN}_geo_precision",
    f"{C.DESTINATION}_geo_precision",
    C.LENGTH_KM,
    C.BORDER_CROSSINGS,
    C.ROUTE_LABEL,
)
"""The columns a corridor's title and popup read from its first train's route row."""


def _first_rows(routes: pd.DataFrame, positions: list[int]) -> list[dict[str, Any]]:
    """Return the route rows at ``positions`` as dicts of :data:`_FIRST_COLUMNS`.

    The values are those of ``routes.iloc[pos]`` (numpy scalars as Python ones, which
    every reader formats alike), read for the chosen rows only, column by column.
    """
    columns = [c for c in _FIRST_COLUMNS if c in routes.columns]
    if not positions:
        return []
    taken = routes[columns].iloc[positions]
    values = [taken[c].astype(object).tolist() for c in columns]
    return [dict(zip(columns, row, strict=True)) for row in zip(*values, strict=True)]


def _corridors(
    result: TrackResult, trains: _Trains, *, limit: int | None = None, popups: bool = True
) -> tuple[list[dict[str, Any]], int]:
    """One feature per distinct routed path: the trains on it, their cars, its width.

    At most ``limit`` corridors (those with the most cars, then trains; None: all),
    widest first; with ``popups`` each has its popup (counts, the first trains, the
    full route). Returns the features and the number of corridors in all.
    """
    G = result.network.G
    routes = result.routes
    groups = _route_groups(routes)
    totals: list[tuple[int | None, int]] = []  # (cars counted, trains without a count)
    for _, _, ids in groups:
        known = [c for c in (trains.cars(i) for i in ids) if c is not None]
        totals.append((sum(known) if known else None, len(ids) - len(known)))
    order = sorted(range(len(groups)), key=lambda k: (-(totals[k][0] or 0), -len(groups[k][2]), k))
    chosen = sorted(order if limit is None else order[:limit])
    top = max((t or 0 for t, _ in totals), default=0)
    features: list[dict[str, Any]] = []
    points: dict[str, tuple[float, float] | None] = {}  # each station's point, read once
    firsts = _first_rows(routes, [groups[k][1] for k in chosen])
    for k, first in zip(chosen, firsts, strict=True):
        stations, _, ids = groups[k]
        for n in stations:
            if n not in points:
                points[n] = _lat_lon(G, n)
        coords = [p for p in map(points.__getitem__, stations) if p is not None]
        if len(coords) < 2:
            continue
        total, unknown = totals[k]
        title = (
            f"{_end(G, stations[0], first, C.ORIGIN)} → "
            f"{_end(G, stations[-1], first, C.DESTINATION)}"
        )
        feature: dict[str, Any] = {
            "coords": coords,
            "route_id": route_id(stations),
            "cars": total,
            "trains": len(ids),
            "title": title,
            "width": _width(int(total or 0), top),
        }
        if popups:
            feature["popup"] = _corridor_popup(
                title, first, ids, (total, unknown), trains, rid=feature["route_id"]
            )
        else:
            feature["ids"] = list(ids)  # the kept groups' lists are not handed out
        features.append(feature)
    # Widest first, so thinner corridors on shared track are drawn on top.
    features.sort(key=lambda f: -float(f["width"]))
    return features, len(groups)


def _corridor_popup(
    title: str,
    first: Mapping[str, Any],
    ids: list[str],
    counts: tuple[int | None, int],
    trains: _Trains,
    *,
    rid: str = "",
) -> dict[str, Any]:
    """Return a corridor's popup: its trains and cars, length, crossings, first trains.

    The route is written out by :func:`~railtrack.route_files.route_outline` (at most
    :data:`~railtrack.route_files.MAX_ROUTE_NAMES` places, the note naming ``rid``).
    """
    total, unknown = counts
    lines = [f"{len(ids)} train{'s' if len(ids) != 1 else ''}"]
    if total is not None:
        lines[0] += f", {total:,} cars counted on the trains"
        if unknown:
            lines[0] += f" ({unknown} without a car count)"
    length = first.get(C.LENGTH_KM)
    if length is not None and not pd.isna(length):
        lines.append(f"{float(length):,.0f} km by rail")
    crossings = _text(first.get(C.BORDER_CROSSINGS))
    if crossings:
        lines.append(f"crosses the border at {crossings.replace(';', ',')}")
    return _popup(
        title,
        [x for x in lines if x],
        _TRAIN_HEAD,
        trains.rows(ids),
        details=route_outline(_text(first.get(C.ROUTE_LABEL)), rid=rid),
        total=len(ids),
    )


def corridor_features(result: TrackResult) -> list[dict[str, Any]]:
    """Return every corridor (distinct routed path) for ``routes.geojson``, widest first.

    Each: ``coords`` (``[lat, lon]``), ``route_id``, ``title`` (origin → destination),
    ``trains``, ``cars`` (counted on the trains; None when no train gives a count),
    ``ids`` (its trains) and ``width``.

    Examples
    --------
    >>> from railtrack import data_path, load_network, load_reports
    >>> from railtrack.pipeline import track
    >>> result = track(load_reports(data_path("reports")), load_network())
    >>> features = corridor_features(result)
    >>> sum(f["trains"] for f in features) == int(result.routes["stations"].notna().sum())
    True
    """
    return _corridors(result, _Trains(result), popups=False)[0]


def _end(G: Any, station: str, row: Mapping[str, Any] | pd.Series, prefix: str) -> str:
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


def _railheads(result: TrackResult, trains: _Trains) -> list[dict[str, Any]]:
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
        cars = [c for c in (trains.cars(i) for i in ids) if c is not None]
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
                    trains.rows(ids),
                    total=len(ids),
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
    country = {n: d.get("country") for n, d in G.nodes(data=True)}  # read once per station
    for stations, _, ids in _route_groups(result.routes):  # each distinct path once
        for u, v in itertools.pairwise(stations):
            if u in country and v in country and country[u] != country[v]:
                key = (min(u, v), max(u, v))
                used[key][(u, v)].extend(ids)
    out = []
    for (a, b), directions in used.items():
        pa, pb = _lat_lon(G, a), _lat_lon(G, b)
        if pa is None or pb is None:
            continue
        name = " – ".join(sorted((_name(G, a), _name(G, b))))
        rows = [
            [f"{_name(G, u)} → {_name(G, v)}", f"{len(ids):,}", _first_ids(ids)]
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


def _first_ids(ids: list[str], most: int | None = None) -> str:
    """Return the first ``most`` ids joined, and how many more there are.

    Examples
    --------
    >>> _first_ids(["a", "b", "c"], most=2), _first_ids(["a"])
    ('a, b and 1 more', 'a')
    """
    most = MAX_POPUP_IDS if most is None else most
    shown = ", ".join(ids[:most])
    return shown if len(ids) <= most else f"{shown} and {len(ids) - most:,} more"


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
        ``corridors`` (``coords`` as ``[lat, lon]``, ``route_id``, ``title``,
        ``cars``, ``trains``, ``width`` in pixels, ``popup``: at most
        :data:`MAX_MAP_CORRIDORS`, those with the most cars), ``n_corridors`` (the
        corridors in all, drawn or not), ``railheads``, ``crossings`` and
        ``sightings`` (``lat``, ``lon``, ``popup``), ``network`` (link segments),
        ``countries`` (a GeoJSON FeatureCollection), ``bounds``
        (``[[south, west], [north, east]]`` of the data, or of the network when
        nothing is placed) and ``legend`` (``cars`` of the widest and a middle
        corridor with their widths). A ``popup`` is ``title``, ``lines``, ``head``
        and ``rows`` (plain text).

    Notes
    -----
    Needs a whole :class:`~railtrack.pipeline.TrackResult` with its network; the briefing
    (:mod:`railtrack.briefing`) embeds it.
    """
    trains = _Trains(result)
    corridors, n_corridors = _corridors(result, trains, limit=MAX_MAP_CORRIDORS)
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
        "n_corridors": n_corridors,
        "railheads": railheads,
        "crossings": crossings,
        "sightings": sightings,
        "network": _network(G, view),
        "countries": countries,
        "bounds": [[bounds.south, bounds.west], [bounds.north, bounds.east]],
        "legend": legend,
    }

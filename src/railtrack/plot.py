"""Plots an analyst would otherwise draw by hand: route map, arrival timeline, volumes.

Every function draws on the ``ax`` it is given (or on a new figure's Axes) and
returns the Axes. None calls ``show()`` or ``savefig``: that is the caller's job.
"""

from __future__ import annotations

import itertools
import logging
import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import networkx as nx
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection, PolyCollection
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.transforms import Bbox

from railtrack import columns as C
from railtrack.basemap import Bounds, country_outlines
from railtrack.routing import Route
from railtrack.safetext import plot_text

if TYPE_CHECKING:
    from railtrack.network import RailNetwork

Row = Mapping[Any, Any]
"""A record of a frame (``df.to_dict("records")``)."""

__all__ = [
    "CAR_TYPE_COLORS",
    "plot_arrival_timeline",
    "plot_route_map",
    "plot_volumes",
]

logger = logging.getLogger(__name__)

NETWORK_COLOR = "#c8c8c8"
RAILHEAD_COLOR = "#b2182b"
BORDER_COLOR = "#2166ac"
CORRIDOR_COLOR = "#5e3c99"
LAND_COLOR = "#f3f0e8"
COUNTRY_EDGE = "#9b9b9b"
SIGHTING_COLOR = "#7b3294"
CAR_TYPE_COLORS: dict[str, str] = {
    C.CARS_PASSENGER: "#1b9e77",
    C.CARS_COVERED: "#7570b3",
    C.CARS_FLAT: "#d95f02",
    C.CARS_TANK: "#e7298a",
    C.CARS_OTHER: "#a6761d",
    "cars_untyped": "#bdbdbd",
}
"""Colour of each car type in :func:`plot_volumes` (``cars_untyped``: type not given)."""

_TYPE_LABELS = {
    C.CARS_PASSENGER: "passenger",
    C.CARS_COVERED: "covered",
    C.CARS_FLAT: "flat",
    C.CARS_TANK: "tank",
    C.CARS_OTHER: "other",
    "cars_untyped": "type not reported",
}


def _new_ax(ax: Axes | None, figsize: tuple[float, float]) -> Axes:
    if ax is not None:
        return ax
    _, new = plt.subplots(figsize=figsize)
    return new


# --- route map -------------------------------------------------------------------


def _xy(G: nx.Graph, node: Any) -> tuple[float, float] | None:
    attrs = G.nodes[node] if node in G else {}
    lat, lon = attrs.get("lat"), attrs.get("lon")
    if lat is None or lon is None or pd.isna(lat) or pd.isna(lon):
        return None
    return float(lon), float(lat)


def _segments(G: nx.Graph, edges: Any) -> list[tuple[tuple[float, float], tuple[float, float]]]:
    out = []
    for u, v in edges:
        a, b = _xy(G, u), _xy(G, v)
        if a is not None and b is not None:
            out.append((a, b))
    return out


def _widths(values: Sequence[float], *, lw_min: float, lw_max: float) -> list[float]:
    """Scale volumes to line widths (area-free, linear between min and max width)."""
    top = max(values) if values else 0
    if top <= 0:
        return [lw_min for _ in values]
    return [lw_min + (lw_max - lw_min) * (v / top) for v in values]


_LABEL_SPOTS: tuple[tuple[tuple[int, int], str, str], ...] = (
    ((5, 4), "left", "bottom"),
    ((5, -4), "left", "top"),
    ((-5, 4), "right", "bottom"),
    ((-5, -4), "right", "top"),
    ((0, 8), "center", "bottom"),
    ((0, -8), "center", "top"),
)
"""Where a station label may go, tried in order: offset (points) and alignment."""


def _overlaps(box: Bbox, others: Sequence[Bbox]) -> bool:
    return any(box.overlaps(other) for other in others)


def _label_places(
    ax: Axes,
    G: nx.Graph,
    nodes: Sequence[Any],
    *,
    max_labels: int,
    min_sep: float = 0.0,
) -> list[Any]:
    """Label nodes where the label overlaps no other label, marker or the frame.

    Each label tries the spots of :data:`_LABEL_SPOTS` around its station in turn
    (measured in display units with the figure's renderer) and takes the first one
    that overlaps no label already placed, no marked station and stays inside the
    Axes; a station with no free spot is left unlabelled. ``min_sep`` (degrees)
    skips a station closer than that to one already labelled.
    """
    fig = ax.get_figure()
    if fig is None:
        return []
    canvas: Any = fig.canvas
    if not hasattr(canvas, "get_renderer"):  # a Figure made without pyplot
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        canvas = FigureCanvasAgg(fig)  # type: ignore[arg-type]
    renderer = canvas.get_renderer()
    ax.apply_aspect()
    frame = ax.get_window_extent(renderer)
    points = {n: xy for n in nodes if (xy := _xy(G, n)) is not None}
    marks = []
    for xy in points.values():
        x, y = ax.transData.transform(xy)
        marks.append(Bbox.from_extents(x - 4, y - 4, x + 4, y + 4))
    placed: list[Bbox] = []
    placed_xy: list[tuple[float, float]] = []
    labelled: list[Any] = []
    for node, xy in points.items():
        if len(labelled) >= max_labels:
            break
        if min_sep and any(math.dist(xy, other) < min_sep for other in placed_xy):
            continue
        x, y = ax.transData.transform(xy)
        own = Bbox.from_extents(x - 4, y - 4, x + 4, y + 4)
        others = [m for m in marks if not (m.x0 == own.x0 and m.y0 == own.y0)]
        for offset, ha, va in _LABEL_SPOTS:
            text = ax.annotate(
                plot_text(G.nodes[node].get("name") or node),
                xy=xy,
                xytext=offset,
                textcoords="offset points",
                ha=ha,
                va=va,
                fontsize=7,
                color="#333333",
                zorder=6,
                bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.75},
            )
            box = text.get_window_extent(renderer)
            inside = frame.containsx(box.x0) and frame.containsx(box.x1)
            inside = inside and frame.containsy(box.y0) and frame.containsy(box.y1)
            if inside and not _overlaps(box, placed) and not _overlaps(box, others):
                placed.append(box)
                placed_xy.append(xy)
                labelled.append(node)
                break
            text.remove()
    return labelled


def _draw_countries(ax: Axes, view: Bounds) -> bool:
    """Fill the land and draw country borders (Natural Earth) under everything else."""
    polygons = [
        np.asarray(ring)
        for country in country_outlines(view)
        for poly in country.polygons
        for ring in poly[:1]
    ]
    if not polygons:
        return False
    ax.add_collection(
        PolyCollection(
            polygons, facecolors=LAND_COLOR, edgecolors=COUNTRY_EDGE, linewidths=0.7, zorder=0
        )
    )
    ax.set_facecolor("#dfe9f2")  # sea and lakes
    return True


RoutesOrGraph: TypeAlias = "nx.DiGraph | Route | Sequence[Route] | None"
"""What :func:`plot_route_map` draws: a corridor graph, one route, several, or nothing."""


def _route_lines(
    routes_or_graph: RoutesOrGraph, base: nx.Graph
) -> tuple[list[dict[str, Any]], bool]:
    """Return line specs to draw and whether they come from a route graph."""
    if routes_or_graph is None:
        return [], False
    if isinstance(routes_or_graph, nx.DiGraph):
        specs = []
        for u, v, data in routes_or_graph.edges(data=True):
            cars = float(data.get("cars") or 0)
            trains = float(data.get("trains") or 0)
            specs.append(
                {"edges": [(u, v)], "volume": cars or trains, "trains": trains, "cars": cars}
            )
        return specs, True
    routes = [routes_or_graph] if isinstance(routes_or_graph, Route) else list(routes_or_graph)
    specs = []
    for route in routes:
        stations = list(route.stations)
        specs.append(
            {
                "edges": list(itertools.pairwise(stations)),
                "label": plot_text(
                    f"{route.names[0]} → {route.names[-1]} ({route.length_km:,.0f} km)"
                ),
                "route": route,
            }
        )
    return specs, False


def plot_route_map(
    network: RailNetwork | nx.Graph,
    routes_or_graph: RoutesOrGraph = None,
    *,
    ax: Axes | None = None,
    volumes: Sequence[float] | None = None,
    label_stations: bool = True,
    max_labels: int = 25,
    margin_deg: float = 0.6,
    title: str | None = None,
    countries: bool = True,
) -> Axes:
    """Draw the network in light grey and the shipments' routes in colour on lon/lat.

    Parameters
    ----------
    network
        A :class:`railtrack.network.RailNetwork` (or its ``G``): every link with
        coordinates at both ends is drawn in light grey.
    routes_or_graph
        A route graph from :func:`railtrack.route_graph` (each segment sized by the
        cars that passed, or trains when no car count is known), one
        ``Route`` or a list of them (one colour each), or None for the network only.
    ax
        Axes to draw on; a new figure's when None.
    volumes
        For a list of routes: the volume (e.g. cars) of each, setting line widths.
    label_stations
        Label the marked stations (routes' ends, railheads, border crossings).
    max_labels
        At most this many labels. Each goes in the first spot around its station
        where it overlaps no other label or marker and stays inside the Axes; a
        station with no free spot is left unlabelled.
    margin_deg
        Margin around the routes' extent, in degrees, when routes are given.
    title
        The title; a descriptive default when None.
    countries
        Fill the land and draw country borders from the outlines railtrack ships
        (Natural Earth, :mod:`railtrack.basemap`).

    Returns
    -------
    matplotlib.axes.Axes
        The Axes, with aspect ``1/cos(mean latitude)`` so distances look right, and
        a legend entry for every encoding (line widths with their car counts,
        markers, network, countries).

    Notes
    -----
    Longitude and latitude are WGS84 degrees; the country outlines are Natural
    Earth's (public domain), see :mod:`railtrack.basemap`.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from railtrack import load_network
    >>> net = load_network(national=False)
    >>> ax = plot_route_map(net, net.route("Slonim", "Matveev Kurgan"), title="Slonim to the front")
    >>> type(ax).__name__, ax.get_title()
    ('Axes', 'Slonim to the front')
    >>> plt.close(ax.figure)
    """
    base: nx.Graph = getattr(network, "G", network)
    ax = _new_ax(ax, (9, 7))
    grey = _segments(base, base.edges())
    ax.add_collection(
        LineCollection(grey, colors=NETWORK_COLOR, linewidths=0.6, zorder=1, label="rail network")
    )
    specs, is_graph = _route_lines(routes_or_graph, base)
    handles: list[Any] = [Line2D([], [], color=NETWORK_COLOR, lw=1.5, label="rail network")]
    if is_graph:
        drawn = _draw_corridors(ax, base, routes_or_graph, specs, handles)
    else:
        drawn = _draw_routes(ax, base, specs, volumes, handles)
    railheads, border_nodes = _draw_markers(ax, base, drawn, handles)
    used_nodes = drawn.nodes
    bounds = _set_extent(ax, base, used_nodes, margin_deg if used_nodes else 0.2)
    if bounds is not None:
        if countries and _draw_countries(ax, bounds):
            handles.append(Patch(facecolor=LAND_COLOR, edgecolor=COUNTRY_EDGE, label="country"))
        if label_stations:
            marked = list(dict.fromkeys([*drawn.ends, *railheads, *border_nodes]))
            _label_places(ax, base, marked, max_labels=max_labels)
    ax.set_xlabel("Longitude (°E)")
    ax.set_ylabel("Latitude (°N)")
    if title is None:
        title = (
            "Rail corridors used by reported shipments"
            if routes_or_graph is not None
            else "Rail network"
        )
    ax.set_title(plot_text(title))
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8)
    ax.grid(visible=True, lw=0.3, alpha=0.4)
    return ax


@dataclass
class _Drawn:
    """What the route lines covered: nodes, ends, border-crossing edges, destinations."""

    nodes: list[Any] = field(default_factory=list)
    ends: list[Any] = field(default_factory=list)
    crossings: set[tuple[Any, Any]] = field(default_factory=set)
    destinations: set[Any] = field(default_factory=set)


def _draw_corridors(
    ax: Axes, base: nx.Graph, graph: nx.DiGraph, specs: list[dict[str, Any]], handles: list[Any]
) -> _Drawn:
    """Draw a route graph's segments sized by volume, with a width legend."""
    values = [s["volume"] for s in specs]
    widths = _widths(values, lw_min=1.0, lw_max=7.0)
    segs = [_segments(base, s["edges"]) for s in specs]
    keep = [i for i, sg in enumerate(segs) if sg]
    top = max(values) if values else 1.0
    ax.add_collection(
        LineCollection(
            [segs[i][0] for i in keep],
            colors=CORRIDOR_COLOR,
            alpha=0.8,
            linewidths=[widths[i] for i in keep],
            capstyle="round",
            zorder=3,
            label="corridors used",
        )
    )
    basis = "cars" if any(s["cars"] for s in specs) else "trains"
    for frac in (1.0, 0.5, 0.1):
        if top > 0:
            handles.append(
                Line2D(
                    [],
                    [],
                    color=CORRIDOR_COLOR,
                    alpha=0.8,
                    lw=1.0 + 6.0 * frac,
                    label=f"{top * frac:,.0f} {basis}",
                )
            )
    return _Drawn(
        nodes=list(graph.nodes),
        ends=[n for n, d in graph.nodes(data=True) if d.get("role", "via") != "via"],
        crossings={(u, v) for u, v, d in graph.edges(data=True) if d.get("border")},
        destinations={n for n, d in graph.nodes(data=True) if d.get("role") == "destination"},
    )


def _draw_routes(
    ax: Axes,
    base: nx.Graph,
    specs: list[dict[str, Any]],
    volumes: Sequence[float] | None,
    handles: list[Any],
) -> _Drawn:
    """Draw routes one colour each, wider lines below thinner ones."""
    palette = plt.get_cmap("tab10")
    if volumes:
        widths = _widths(list(volumes), lw_min=1.5, lw_max=6.0)
    else:  # equal volumes: nest shared stretches, widest first, so none hides another
        widths = list(np.linspace(4.5, 1.5, len(specs))) if len(specs) > 1 else [2.5]
    # Wider lines below thinner ones: shared stretches show every route's colour.
    rank = {i: r for r, i in enumerate(sorted(range(len(specs)), key=lambda j: -widths[j]))}
    drawn = _Drawn()
    for i, spec in enumerate(specs):
        color = palette(i % 10)
        ax.add_collection(
            LineCollection(
                _segments(base, spec["edges"]),
                colors=[color],
                linewidths=widths[i],
                capstyle="round",
                zorder=3 + 0.01 * rank[i],
            )
        )
        label = spec["label"]
        if volumes:
            label += f", {volumes[i]:,.0f}"
        handles.append(Line2D([], [], color=color, lw=widths[i], label=label))
        route = spec["route"]
        drawn.nodes.extend(route.stations)
        drawn.ends.extend([route.stations[0], route.stations[-1]])
        for u, v in spec["edges"]:
            if base.nodes[u].get("country") != base.nodes[v].get("country"):
                drawn.crossings.add((u, v))
    return drawn


def _draw_markers(
    ax: Axes, base: nx.Graph, drawn: _Drawn, handles: list[Any]
) -> tuple[list[Any], list[Any]]:
    """Mark railheads (on the routes, or all when none) and border crossings.

    A route graph's destinations are the railheads the reports name. Returns the
    railhead and border nodes marked.
    """
    pool = drawn.nodes or list(base.nodes)
    railheads = [
        n for n in dict.fromkeys(pool) if base.nodes[n].get("railhead") or n in drawn.destinations
    ]
    if drawn.crossings:
        border_nodes = list(dict.fromkeys(n for edge in sorted(drawn.crossings) for n in edge))
    else:
        border_nodes = [n for n in dict.fromkeys(pool) if base.nodes[n].get("border")]
    for nodes, marker, mark_color, label in (
        (railheads, "^", RAILHEAD_COLOR, "railhead (destination)"),
        (border_nodes, "D", BORDER_COLOR, "border crossing"),
    ):
        pts = [p for p in (_xy(base, n) for n in nodes) if p is not None]
        if pts:
            xs, ys = zip(*pts, strict=True)
            ax.scatter(xs, ys, marker=marker, s=36, c=mark_color, edgecolors="white", zorder=5)
            handles.append(
                Line2D([], [], marker=marker, ls="", color=mark_color, mec="white", label=label)
            )
    return railheads, border_nodes


def _set_extent(ax: Axes, base: nx.Graph, nodes: list[Any], pad: float) -> Bounds | None:
    """Fit the Axes to ``nodes`` (the whole network when empty) with ``pad`` degrees.

    The aspect is ``1/cos(mean latitude)``; returns the bounds, or None when no node
    has coordinates.
    """
    pts = [p for p in (_xy(base, n) for n in (nodes or list(base.nodes))) if p is not None]
    if not pts:
        return None
    arr = np.array(pts)
    xmin, ymin = arr.min(axis=0) - pad
    xmax, ymax = arr.max(axis=0) + pad
    ax.set_xlim(xmin, xmax)
    ax.set_ylim(ymin, ymax)
    mean_lat = float((ymin + ymax) / 2)
    ax.set_aspect(1.0 / math.cos(math.radians(mean_lat)))
    return Bounds(xmin, ymin, xmax, ymax)


# --- arrival timeline --------------------------------------------------------------


def _ts(df: pd.DataFrame, col: str) -> pd.Series:
    if col not in df.columns:
        return pd.Series(pd.NaT, index=df.index, dtype="datetime64[ns]")
    return pd.to_datetime(df[col], errors="coerce")


def _label(row: Row, *cols: str, missing: str = "?") -> str:
    for col in cols:
        value = row.get(col)
        if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
            continue
        if str(value).strip():
            return str(value)
    return missing


_UNROUTED_FLAGS = (
    "no_origin",
    "origin_unresolved",
    "origin_outside_network",
    "no_destination",
    "destination_unresolved",
    "destination_outside_network",
)


def _not_routed(row: Row) -> str | None:
    """Return why a timeline row was not routed (None when it was, or unknown)."""
    outcome = row.get("outcome")
    if isinstance(outcome, str):
        return None if outcome == "routed" else outcome
    flags = str(row.get(C.FLAGS) or "").split(";")
    for flag in (*_UNROUTED_FLAGS, "no_route"):
        if flag in flags:
            return flag.replace("_", " ")
    return None


def _row_label(row: Row) -> str:
    # the network's names (a station, else a region: "Belarus", not "Białorusi")
    origin = _label(row, C.ORIGIN_STATION, C.ORIGIN_REGION, C.ORIGIN, missing="origin not given")
    destination = _label(
        row,
        C.DESTINATION_STATION,
        C.DESTINATION_REGION,
        C.DESTINATION,
        missing="destination not given",
    )
    text = f"{origin} → {destination}"
    flags = str(row.get("flags") or "")
    if row.get("claim_outside_window") is True or "claim_outside" in flags:
        text += " (claim outside window)"
    reason = _not_routed(row)
    if reason is not None:
        text += f" (not routed: {reason})"
    return text


def _draw_sightings(ax: Axes, df: pd.DataFrame, sightings: pd.DataFrame | None) -> bool:
    if sightings is None or not len(sightings) or C.SHIPMENT not in sightings.columns:
        return False
    rows = {str(sid): i for i, sid in enumerate(df.get(C.ID, pd.Series(dtype=object)))}
    xs, ys = [], []
    for shipment, seen in zip(sightings[C.SHIPMENT], _ts(sightings, C.SEEN_AT), strict=True):
        if str(shipment) in rows and pd.notna(seen):
            xs.append(seen)
            ys.append(rows[str(shipment)] - 0.3)
    if not xs:
        return False
    ax.plot(xs, ys, marker="v", ms=7, ls="", color=SIGHTING_COLOR, zorder=4)
    return True


# Over the C901 cap: picture code; the briefing work (issue 16) splits it.
def plot_arrival_timeline(  # noqa: C901
    estimates: pd.DataFrame,
    *,
    as_of: Any = None,
    ax: Axes | None = None,
    title: str | None = None,
    sightings: pd.DataFrame | None = None,
) -> Axes:
    """Draw one row per shipment: departure, the p10-p90 window, p50 and the source's claim.

    Parameters
    ----------
    estimates
        The frame of :func:`railtrack.estimate_arrivals` (``id``, ``origin``,
        ``destination``, ``departure_earliest``, ``departure_latest``, ``p10``,
        ``p50``, ``p90``, ``claimed_earliest``, ``claimed_latest``; ``flags``
        optional). Rows without ``p50`` are listed but have no window.
    as_of
        The date the estimates are as of, drawn as a dashed vertical line; taken
        from ``estimates.attrs["as_of"]`` or an ``as_of`` column when None.
    ax
        Axes to draw on; a new figure's when None.
    title
        The title; a descriptive default when None.
    sightings
        Sightings (``shipment``, ``seen_at``), drawn as triangles on their train's
        row; None draws none.

    Returns
    -------
    matplotlib.axes.Axes
        The Axes, with a date x-axis and the shipments top to bottom, each row
        labelled by its route (origin → destination, station names when resolved);
        a row that could not be routed (an ``outcome`` column other than
        ``routed``, or a flag saying the origin or destination is missing or
        unresolved) says so in red.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from railtrack import data_path, estimate_arrivals, load_network, load_reports
    >>> reports = load_reports(data_path("reports") / "seed-hajun-2023-03.yaml")
    >>> df = estimate_arrivals(reports, load_network(national=False), as_of="2023-03-05")
    >>> ax = plot_arrival_timeline(df)
    >>> type(ax).__name__, [label.get_text() for label in ax.get_yticklabels()]
    ('Axes', ['Belarus → Matveev Kurgan', 'Belarus → Neklinovka'])
    >>> ax.get_title()
    "Arrival windows: estimate p10–p90 and p50 beside the source's claim"
    >>> plt.close(ax.figure)
    """
    df = estimates.reset_index(drop=True)
    ax = _new_ax(ax, (10, 1.2 + 0.45 * max(len(df), 1)))
    dep_lo, dep_hi = _ts(df, C.DEPARTURE_EARLIEST), _ts(df, C.DEPARTURE_LATEST)
    p10, p50, p90 = _ts(df, "p10"), _ts(df, "p50"), _ts(df, "p90")
    claim_lo, claim_hi = _ts(df, "claimed_earliest"), _ts(df, "claimed_latest")
    y = np.arange(len(df))
    one_day = pd.Timedelta(days=1)
    flags = df["flags"].fillna("").astype(str) if "flags" in df.columns else None
    assumed_any = False
    for i in range(len(df)):
        lo, hi = dep_lo.iloc[i], dep_hi.iloc[i]
        if pd.notna(lo) or pd.notna(hi):
            start = lo if pd.notna(lo) else hi
            end = hi if pd.notna(hi) else lo
            # no departure reported: the window the model assumed is drawn apart (F116)
            assumed = flags is not None and "no_departure_date" in flags.iloc[i]
            assumed_any = assumed_any or assumed
            stop = end + one_day
            if assumed and pd.notna(p10.iloc[i]):
                # an assumed departure never runs into the arrival window (trial F125:
                # a train told on its way on the report's day arrives from that day)
                stop = max(start, min(stop, p10.iloc[i]))
            ax.plot(
                [start, stop],
                [y[i], y[i]],
                color="#bbbbbb" if assumed else "#555555",
                lw=3,
                ls=":" if assumed else "-",
                solid_capstyle="butt",
            )
            if not assumed:
                ax.plot([start], [y[i]], marker="|", ms=12, color="#555555", ls="")
        if pd.notna(p10.iloc[i]) and pd.notna(p90.iloc[i]):
            span_days = (p90.iloc[i] - p10.iloc[i]) / one_day
            ax.barh(
                y[i],
                span_days,
                left=mdates.date2num(p10.iloc[i]),  # type: ignore[no-untyped-call]
                height=0.5,
                color="#4393c3",
                alpha=0.45,
                edgecolor="#2166ac",
            )
        if pd.notna(p50.iloc[i]):
            ax.plot([p50.iloc[i]], [y[i]], marker="o", color="#08306b", ls="")
        c_lo, c_hi = claim_lo.iloc[i], claim_hi.iloc[i]
        yc = y[i] + 0.32
        if pd.notna(c_lo) and pd.notna(c_hi):
            ax.plot([c_lo, c_hi + one_day], [yc, yc], color="#e08214", lw=2.5)
        elif pd.notna(c_lo):  # on or after
            ax.plot([c_lo], [yc], marker=">", color="#e08214", ls="")
        elif pd.notna(c_hi):  # by
            ax.plot([c_hi + one_day], [yc], marker="<", color="#e08214", ls="")
    records = df.to_dict("records")
    labels = [_row_label(row) for row in records]
    repeated = {t for t, k in Counter(labels).items() if k > 1}
    if repeated and C.ID in df.columns:  # two rows alike are told apart by their ids
        labels = [
            f"{t} [{row[C.ID]}]" if t in repeated else t
            for t, row in zip(labels, records, strict=True)
        ]
    ax.set_yticks(y, [plot_text(t) for t in labels], fontsize=8)
    for tick, row in zip(ax.get_yticklabels(), records, strict=True):
        if _not_routed(row) is not None:
            tick.set_color(RAILHEAD_COLOR)
    seen = _draw_sightings(ax, df, sightings)
    ax.set_ylim(len(df) - 0.4, -0.6)
    if as_of is None:
        as_of = estimates.attrs.get("as_of")
    if as_of is None and "as_of" in df.columns and df["as_of"].notna().any():
        as_of = df["as_of"].dropna().iloc[0]
    handles = [
        Line2D([], [], color="#555555", lw=3, label="departure (window)"),
        *(
            [Line2D([], [], color="#bbbbbb", lw=3, ls=":", label="departure assumed (none told)")]
            if assumed_any
            else []
        ),
        Patch(facecolor="#4393c3", alpha=0.45, edgecolor="#2166ac", label="estimate p10–p90"),
        Line2D([], [], marker="o", color="#08306b", ls="", label="estimate p50"),
        Line2D([], [], color="#e08214", lw=2.5, label="source's claim"),
    ]
    if seen:
        handles.append(Line2D([], [], marker="v", ls="", color=SIGHTING_COLOR, label="sighting"))
    if as_of is not None:
        when = pd.Timestamp(as_of)
        x_as_of = float(mdates.date2num(when))  # type: ignore[no-untyped-call]
        ax.axvline(x_as_of, color="#d6604d", ls="--", lw=1.2, zorder=0)
        handles.append(
            Line2D([], [], color="#d6604d", ls="--", label=f"as of {when.date().isoformat()}")
        )
    locator = mdates.AutoDateLocator(minticks=3, maxticks=10)  # type: ignore[no-untyped-call]
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]
    ax.set_xlabel("Date (departure and claim bars span whole days; estimates are instants)")
    ax.grid(visible=True, axis="x", lw=0.3, alpha=0.5)
    ax.set_title(
        plot_text(title)
        if title
        else "Arrival windows: estimate p10–p90 and p50 beside the source's claim"
    )
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8)
    return ax


# --- volumes -----------------------------------------------------------------------


def _date_bases(table: pd.DataFrame) -> str:
    """Return how a period table's trains were dated, in words, best basis first."""
    order = ("departure", "sighting", "reported arrival", "published")
    if C.PERIOD_BASIS not in table.columns:
        return "departure, else published date"
    found = {
        part.strip()
        for value in table.loc[table[C.PERIOD].notna(), C.PERIOD_BASIS].dropna()
        for part in str(value).split(";")
        if part.strip() and part.strip() != "unknown"
    }
    ranked = [b for b in order if b in found] + sorted(found - set(order))
    return ", ".join(ranked) if ranked else "no date"


# Over the C901 cap; the briefing work (issue 16) splits it.
_FREQ_ORDER = ("D", "W", "M", "Q", "Y")
"""Period lengths from the shortest to the longest."""

MAX_PERIOD_BARS = 80
"""The most bars a period axis draws: longer spans are drawn in longer periods."""

MAX_BAR_NOTES = 40
"""The most bars annotated with their trains; beyond, the x label gives the total."""


def period_freq(first: pd.Timestamp, last: pd.Timestamp, freq: str = "W") -> str:
    """Return the period length that draws ``first``..``last`` in at most 80 bars.

    The given ``freq`` when it fits, else the first longer one of weeks, months,
    quarters and years: a few months are drawn by week, a few years by month, a
    decade by quarter (trial F57/F32: 16 years of weeks were hairlines).

    Parameters
    ----------
    first, last
        The first and last dates to draw.
    freq
        The period asked for: a pandas alias (``W``, ``M``, ``Q``, ``Y``).

    Returns
    -------
    str
        A pandas period alias.

    Examples
    --------
    >>> ts = pd.Timestamp
    >>> period_freq(ts("2023-01-01"), ts("2023-04-01"))
    'W'
    >>> period_freq(ts("2021-01-01"), ts("2023-12-01"))
    'M'
    >>> period_freq(ts("2010-01-01"), ts("2026-01-01"))
    'Q'
    >>> period_freq(ts("1990-01-01"), ts("2026-01-01"))
    'Y'
    """
    base = freq.upper()[:1]
    start = _FREQ_ORDER.index(base) if base in _FREQ_ORDER else 1
    for candidate in _FREQ_ORDER[start:]:
        n = len(pd.period_range(first, last, freq="Y" if candidate == "Y" else candidate))
        if n <= MAX_PERIOD_BARS:
            return candidate if candidate != base else freq
    return "Y"


def _axis_periods(xs: list[Any], widths: list[Any]) -> float:
    """Return how many bar widths the period axis spans (first bar to last)."""
    span = (max(xs) - min(xs)) / min(widths)
    return float(span)


def _in_longer_periods(grouped: pd.DataFrame, freq: str) -> tuple[pd.DataFrame, str]:
    """Sum the per-period rows (indexed by period start) into periods of a fitting length."""
    starts = pd.to_datetime(pd.Series(grouped.index))
    if not len(starts):
        return grouped, freq
    target = period_freq(starts.min(), starts.max(), freq)
    if target == freq:
        return grouped, freq
    longer = pd.Index(starts.dt.to_period(target).dt.start_time, name=grouped.index.name)
    return grouped.groupby(longer).sum(min_count=1).fillna(0.0), target


def plot_volumes(  # noqa: C901
    summary: pd.DataFrame,
    *,
    by: str = C.PERIOD,
    ax: Axes | None = None,
    title: str | None = None,
) -> Axes:
    """Draw cars by type as stacked bars per period or per railhead (or any summary key).

    Parameters
    ----------
    summary
        A table from :func:`railtrack.summarize` that has ``by`` among its keys
        (other keys are summed over); its ``attrs["freq"]`` sets the period length.
    by
        ``"period"`` (bars on a date axis, one per period) or a category key such
        as ``"destination"``/``"railhead"``/``"origin"``.
    ax
        Axes to draw on; a new figure's when None.
    title
        The title; a descriptive default when None.

    Returns
    -------
    matplotlib.axes.Axes
        The Axes. Cars whose type was not reported are a grey segment, so each
        bar is the total; each bar is annotated with its number of trains.
        Undated cars are left off a period axis and counted in the x label. A
        period axis longer than :data:`MAX_PERIOD_BARS` periods is drawn in longer
        periods (weeks, months, quarters, years: :func:`period_freq`); beyond
        :data:`MAX_BAR_NOTES` bars the trains are counted in the x label instead.

    Raises
    ------
    ValueError
        When ``summary`` has no ``by`` column (summarise with that key first).

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from railtrack import data_path, load_reports, summarize
    >>> reports = load_reports(data_path("reports") / "seed-hajun-2023-03.yaml")
    >>> table = summarize(reports, by=("destination",))
    >>> ax = plot_volumes(table, by="destination")
    >>> type(ax).__name__, ax.get_title(), ax.get_ylabel()
    ('Axes', 'Cars by type per railhead', 'Cars (counted once per report)')
    >>> [label.get_text() for label in ax.get_xticklabels()]
    ['Matveyev-Kurhan', 'Nieklinovka', 'unallocated across 2 trains']
    >>> plt.close(ax.figure)
    >>> plot_volumes(table, by="period")
    Traceback (most recent call last):
    ...
    ValueError: the summary has no 'period' column; summarise with by=('period',)
    """
    table = summary
    key = C.DESTINATION if by == C.RAILHEAD else by
    if key not in table.columns:
        if by not in table.columns:
            msg = f"the summary has no {by!r} column; summarise with by=({by!r},)"
            raise ValueError(msg)
        key = by
    freq = str(table.attrs.get("freq", "W"))
    value_cols = [C.TRAINS, *C.CAR_COLUMNS]
    data = table[[key, *value_cols]].copy()
    for col in C.CAR_COLUMNS:
        data[col] = pd.to_numeric(data[col], errors="coerce").astype("float64")
    grouped = data.groupby(key, dropna=False, sort=False).sum(min_count=1)
    grouped = grouped.fillna(0.0)
    typed = grouped[list(C.CAR_COLUMNS[1:])].sum(axis=1)
    grouped["cars_untyped"] = (grouped[C.CARS_TOTAL] - typed).clip(lower=0)
    stack = [*C.CAR_COLUMNS[1:], "cars_untyped"]
    ax = _new_ax(ax, (9, 5))
    undated = 0.0
    undated_trains = 0
    xs: list[Any]
    widths: list[Any]
    align: Literal["center", "edge"]
    if key == C.PERIOD:
        index = pd.to_datetime(pd.Series(grouped.index))
        dated = index.notna().to_numpy()
        undated = float(grouped.loc[~dated, C.CARS_TOTAL].sum())
        undated_trains = int(grouped.loc[~dated, C.TRAINS].sum())
        grouped = grouped.loc[dated]
        grouped, freq = _in_longer_periods(grouped, freq)
        starts = pd.to_datetime(pd.Series(grouped.index))
        order = np.argsort(starts.to_numpy())
        grouped = grouped.iloc[order]
        starts = starts.iloc[order].reset_index(drop=True)
        period_days = [
            (pd.Period(s, freq=freq).end_time - pd.Period(s, freq=freq).start_time).days + 1
            for s in starts
        ]
        widths = [pd.Timedelta(days=0.8 * d) for d in period_days]
        xs = [s + pd.Timedelta(days=0.1 * d) for s, d in zip(starts, period_days, strict=True)]
        align = "edge"
    else:
        labels = [plot_text(v) if pd.notna(v) else "unknown" for v in grouped.index]
        xs = list(range(len(grouped)))
        widths = [0.7] * len(grouped)
        align = "center"
    bottom = np.zeros(len(grouped))
    for col in stack:
        values = grouped[col].to_numpy(dtype=float)
        if not values.any():
            continue
        ax.bar(
            xs,
            values,
            width=widths,
            bottom=bottom,
            align=align,
            color=CAR_TYPE_COLORS[col],
            label=_TYPE_LABELS[col],
            edgecolor="white",
            linewidth=0.5,
        )
        bottom += values
    annotate = len(bottom) <= MAX_BAR_NOTES
    # bars far apart on a long axis: upright notes never run into each other
    upright = key == C.PERIOD and len(bottom) > 1 and _axis_periods(xs, widths) > 12
    for i, total in enumerate(bottom if annotate else []):
        trains = int(grouped[C.TRAINS].iloc[i])
        x = xs[i] + widths[i] / 2 if align == "edge" else xs[i]
        name = str(grouped.index[i])
        if name.startswith("unallocated across"):
            note = "group total"
        else:
            note = f"{trains} train{'s' if trains != 1 else ''}"
            if trains and not total:
                note += ", cars not reported"
        ax.annotate(
            note,
            xy=(x, total),
            xytext=(0, 3),
            textcoords="offset points",
            ha="center",
            va="bottom",
            rotation=90 if upright else 0,
            fontsize=6 if upright else 7,
        )
    if key == C.PERIOD:
        locator = mdates.AutoDateLocator(minticks=3, maxticks=10)  # type: ignore[no-untyped-call]
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]
        xlabel = f"Period start ({freq}); trains dated by {_date_bases(table)}"
        if not annotate:
            xlabel += f"; {int(grouped[C.TRAINS].sum()):,} trains in {len(grouped)} periods"
        if undated or undated_trains:
            xlabel += (
                f"\nnot shown: {undated:,.0f} cars on {undated_trains} "
                f"train{'s' if undated_trains != 1 else ''} that no report dates"
            )
        ax.set_xlabel(plot_text(xlabel))
        noun = {"W": "week", "D": "day", "M": "month", "Q": "quarter", "Y": "year"}.get(
            freq, f"{freq} period"
        )
        default_title = f"Cars by type per {noun}"
    else:
        ax.set_xticks(xs, labels, rotation=30, ha="right", fontsize=8)
        ax.set_xlabel(
            "Railhead (destination)" if key == C.DESTINATION else plot_text(key.replace("_", " "))
        )
        default_title = f"Cars by type per {'railhead' if key == C.DESTINATION else key}"
    ax.set_ylabel("Cars (counted once per report)")
    if len(bottom):
        ax.set_ylim(0, max(float(bottom.max()) * (1.4 if upright else 1.15), 1.0))
    ax.set_title(plot_text(title or default_title))
    if ax.get_legend_handles_labels()[0]:
        ax.legend(title="Car type", fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    else:
        ax.text(
            0.5,
            0.5,
            "no car counts reported",
            transform=ax.transAxes,
            ha="center",
            va="center",
            color="#666666",
        )
    ax.grid(visible=True, axis="y", lw=0.3, alpha=0.5)
    return ax

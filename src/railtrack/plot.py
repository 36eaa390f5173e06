"""Plots an analyst would otherwise draw by hand: route map, arrival timeline, volumes.

Every function draws on the ``ax`` it is given (or on a new figure's Axes) and
returns the Axes. None calls ``show()`` or ``savefig``: that is the caller's job.
"""

from __future__ import annotations

import itertools
import logging
import math
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import networkx as nx
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from railtrack import columns as C
from railtrack.routing import Route

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


def _label_places(
    ax: Axes,
    G: nx.Graph,
    nodes: Sequence[Any],
    *,
    min_sep: float,
    max_labels: int,
) -> list[Any]:
    """Label nodes with offset text; a crowded node goes left, a very crowded one is skipped."""
    placed: list[tuple[tuple[float, float], str]] = []
    labelled: list[Any] = []
    sides = {"right": ((4, 4), "left"), "left": ((-4, -10), "right")}
    for node in nodes:
        xy = _xy(G, node)
        if xy is None or len(labelled) >= max_labels:
            continue
        near = {side for other, side in placed if math.dist(xy, other) < min_sep}
        free = [side for side in sides if side not in near]
        if not free:
            continue
        side = free[0]
        placed.append((xy, side))
        labelled.append(node)
        offset, align = sides[side]
        ax.annotate(
            str(G.nodes[node].get("name") or node),
            xy=xy,
            xytext=offset,
            textcoords="offset points",
            ha=align,
            fontsize=7,
            color="#333333",
            zorder=6,
            bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.7},
        )
    return labelled


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
                "label": f"{route.names[0]} → {route.names[-1]} ({route.length_km:,.0f} km)",
                "route": route,
            }
        )
    return specs, False


# Over the C901 cap: picture code; the briefing work (issue 16) splits it.
def plot_route_map(  # noqa: C901
    network: RailNetwork | nx.Graph,
    routes_or_graph: RoutesOrGraph = None,
    *,
    ax: Axes | None = None,
    volumes: Sequence[float] | None = None,
    label_stations: bool = True,
    max_labels: int = 25,
    margin_deg: float = 0.6,
    title: str | None = None,
) -> Axes:
    """Draw the network in light grey and the shipments' routes in colour on lon/lat.

    Parameters
    ----------
    network
        A :class:`railtrack.network.RailNetwork` (or its ``G``): every link with
        coordinates at both ends is drawn in light grey.
    routes_or_graph
        A route graph from :func:`railtrack.route_graph` (each segment coloured and
        sized by the cars that passed, or trains when no car count is known), one
        ``Route`` or a list of them (one colour each), or None for the network only.
    ax
        Axes to draw on; a new figure's when None.
    volumes
        For a list of routes: the volume (e.g. cars) of each, setting line widths.
    label_stations
        Label the marked stations (routes' ends, railheads, border crossings).
    max_labels
        At most this many labels; labels closer than about 2% of the view to one
        already placed are skipped to avoid clutter.
    margin_deg
        Margin around the routes' extent, in degrees, when routes are given.
    title
        The title; a descriptive default when None.

    Returns
    -------
    matplotlib.axes.Axes
        The Axes, with aspect ``1/cos(mean latitude)`` so distances look right.
    """
    base: nx.Graph = getattr(network, "G", network)
    ax = _new_ax(ax, (9, 7))
    grey = _segments(base, base.edges())
    ax.add_collection(
        LineCollection(grey, colors=NETWORK_COLOR, linewidths=0.6, zorder=1, label="rail network")
    )
    specs, is_graph = _route_lines(routes_or_graph, base)
    used_nodes: list[Any] = []
    ends: list[Any] = []
    handles: list[Any] = [Line2D([], [], color=NETWORK_COLOR, lw=1.5, label="rail network")]
    crossings: set[tuple[Any, Any]] = set()
    if is_graph:
        graph: nx.DiGraph = routes_or_graph  # a graph: is_graph says so (nx is untyped)
        values = [s["volume"] for s in specs]
        widths = _widths(values, lw_min=1.0, lw_max=7.0)
        segs = [_segments(base, s["edges"]) for s in specs]
        keep = [i for i, sg in enumerate(segs) if sg]
        cmap = plt.get_cmap("plasma_r")
        top = max(values) if values else 1.0
        colors = [cmap(0.25 + 0.65 * (values[i] / top if top else 0)) for i in keep]
        ax.add_collection(
            LineCollection(
                [segs[i][0] for i in keep],
                colors=colors,
                linewidths=[widths[i] for i in keep],
                capstyle="round",
                zorder=3,
                label="corridors used",
            )
        )
        used_nodes = list(graph.nodes)
        ends = [n for n, d in graph.nodes(data=True) if d.get("role", "via") != "via"]
        crossings = {(u, v) for u, v, d in graph.edges(data=True) if d.get("border")}
        basis = "cars" if any(s["cars"] for s in specs) else "trains"
        for frac in (1.0, 0.5):
            if top > 0:
                handles.append(
                    Line2D(
                        [],
                        [],
                        color=cmap(0.25 + 0.65 * frac),
                        lw=1.0 + 6.0 * frac,
                        label=f"{top * frac:,.0f} {basis}",
                    )
                )
    else:
        palette = plt.get_cmap("tab10")
        if volumes:
            widths = _widths(list(volumes), lw_min=1.5, lw_max=6.0)
        else:  # equal volumes: nest shared stretches, widest first, so none hides another
            widths = list(np.linspace(4.5, 1.5, len(specs))) if len(specs) > 1 else [2.5]
        # Wider lines below thinner ones: shared stretches show every route's colour.
        rank = {i: r for r, i in enumerate(sorted(range(len(specs)), key=lambda j: -widths[j]))}
        for i, spec in enumerate(specs):
            route_segs = _segments(base, spec["edges"])
            color = palette(i % 10)
            ax.add_collection(
                LineCollection(
                    route_segs,
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
            used_nodes.extend(route.stations)
            ends.extend([route.stations[0], route.stations[-1]])
            for u, v in spec["edges"]:
                if base.nodes[u].get("country") != base.nodes[v].get("country"):
                    crossings.add((u, v))
    # Markers: railheads (on the routes, or all when no routes) and border crossings.
    pool = used_nodes or list(base.nodes)
    railheads = [n for n in dict.fromkeys(pool) if base.nodes[n].get("railhead")]
    if crossings:
        border_nodes = list(dict.fromkeys(n for edge in sorted(crossings) for n in edge))
    else:
        border_nodes = [n for n in dict.fromkeys(pool) if base.nodes[n].get("border")]
    for nodes, marker, mark_color, label in (
        (railheads, "^", RAILHEAD_COLOR, "railhead"),
        (border_nodes, "D", BORDER_COLOR, "border crossing"),
    ):
        pts = [p for p in (_xy(base, n) for n in nodes) if p is not None]
        if pts:
            xs, ys = zip(*pts, strict=True)
            ax.scatter(xs, ys, marker=marker, s=36, c=mark_color, edgecolors="white", zorder=5)
            handles.append(
                Line2D([], [], marker=marker, ls="", color=mark_color, mec="white", label=label)
            )
    # Extent: the routes with a margin, or the whole network.
    extent_nodes = used_nodes or list(base.nodes)
    pts = [p for p in (_xy(base, n) for n in extent_nodes) if p is not None]
    if pts:
        arr = np.array(pts)
        pad = margin_deg if used_nodes else 0.2
        xmin, ymin = arr.min(axis=0) - pad
        xmax, ymax = arr.max(axis=0) + pad
        ax.set_xlim(xmin, xmax)
        ax.set_ylim(ymin, ymax)
        mean_lat = float((ymin + ymax) / 2)
        ax.set_aspect(1.0 / math.cos(math.radians(mean_lat)))
        if label_stations:
            marked = list(dict.fromkeys([*ends, *railheads, *border_nodes]))
            sep = 0.02 * max(xmax - xmin, ymax - ymin)
            _label_places(ax, base, marked, min_sep=sep, max_labels=max_labels)
    ax.set_xlabel("Longitude (°E)")
    ax.set_ylabel("Latitude (°N)")
    if title is None:
        title = (
            "Rail corridors used by reported shipments"
            if routes_or_graph is not None
            else "Rail network"
        )
    ax.set_title(title)
    ax.legend(handles=handles, loc="best", fontsize=8, framealpha=0.9)
    ax.grid(visible=True, lw=0.3, alpha=0.4)
    return ax


# --- arrival timeline --------------------------------------------------------------


def _ts(df: pd.DataFrame, col: str) -> pd.Series:
    if col not in df.columns:
        return pd.Series(pd.NaT, index=df.index, dtype="datetime64[ns]")
    return pd.to_datetime(df[col], errors="coerce")


def _label(row: Row, *cols: str) -> str:
    for col in cols:
        value = row.get(col)
        if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
            continue
        if str(value).strip():
            return str(value)
    return "?"


# Over the C901 cap: picture code; the briefing work (issue 16) splits it.
def plot_arrival_timeline(  # noqa: C901
    estimates: pd.DataFrame,
    *,
    as_of: Any = None,
    ax: Axes | None = None,
    title: str | None = None,
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

    Returns
    -------
    matplotlib.axes.Axes
        The Axes, with a date x-axis and the shipments top to bottom.
    """
    df = estimates.reset_index(drop=True)
    ax = _new_ax(ax, (10, 1.2 + 0.45 * max(len(df), 1)))
    dep_lo, dep_hi = _ts(df, C.DEPARTURE_EARLIEST), _ts(df, C.DEPARTURE_LATEST)
    p10, p50, p90 = _ts(df, "p10"), _ts(df, "p50"), _ts(df, "p90")
    claim_lo, claim_hi = _ts(df, "claimed_earliest"), _ts(df, "claimed_latest")
    y = np.arange(len(df))
    one_day = pd.Timedelta(days=1)
    for i in range(len(df)):
        lo, hi = dep_lo.iloc[i], dep_hi.iloc[i]
        if pd.notna(lo) or pd.notna(hi):
            start = lo if pd.notna(lo) else hi
            end = hi if pd.notna(hi) else lo
            ax.plot(
                [start, end + one_day], [y[i], y[i]], color="#555555", lw=3, solid_capstyle="butt"
            )
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
    labels = []
    for row in df.to_dict("records"):
        origin = _label(row, C.ORIGIN_STATION, C.ORIGIN)
        destination = _label(row, C.DESTINATION_STATION, C.DESTINATION)
        text = f"{row.get(C.ID, '')}: {origin} → {destination}"
        flags = str(row.get("flags") or "")
        if row.get("claim_outside_window") is True or "claim_outside" in flags:
            text += " (claim outside window)"
        labels.append(text)
    ax.set_yticks(y, labels, fontsize=8)
    ax.set_ylim(len(df) - 0.4, -0.6)
    if as_of is None:
        as_of = estimates.attrs.get("as_of")
    if as_of is None and "as_of" in df.columns and df["as_of"].notna().any():
        as_of = df["as_of"].dropna().iloc[0]
    handles = [
        Line2D([], [], color="#555555", lw=3, label="departure (window)"),
        Patch(facecolor="#4393c3", alpha=0.45, edgecolor="#2166ac", label="estimate p10–p90"),
        Line2D([], [], marker="o", color="#08306b", ls="", label="estimate p50"),
        Line2D([], [], color="#e08214", lw=2.5, label="source's claim"),
    ]
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
    ax.set_title(title or "Arrival windows: estimate p10–p90 and p50 beside the source's claim")
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8)
    return ax


# --- volumes -----------------------------------------------------------------------


# Over the C901 cap: picture code; the briefing work (issue 16) splits it.
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
        Undated cars are left off a period axis and counted in the x label.
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
    xs: list[Any]
    widths: list[Any]
    align: Literal["center", "edge"]
    if key == C.PERIOD:
        index = pd.to_datetime(pd.Series(grouped.index))
        dated = index.notna().to_numpy()
        undated = float(grouped.loc[~dated, C.CARS_TOTAL].sum())
        grouped = grouped.loc[dated]
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
        labels = [str(v) if pd.notna(v) else "unknown" for v in grouped.index]
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
    for i, total in enumerate(bottom):
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
            fontsize=7,
        )
    if key == C.PERIOD:
        locator = mdates.AutoDateLocator(minticks=3, maxticks=10)  # type: ignore[no-untyped-call]
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]
        xlabel = f"Period start ({freq}); period from departure, else published date"
        if undated:
            xlabel += f"; {undated:,.0f} undated cars not shown"
        ax.set_xlabel(xlabel)
        noun = {"W": "week", "D": "day", "M": "month", "Q": "quarter"}.get(freq, f"{freq} period")
        default_title = f"Cars by type per {noun}"
    else:
        ax.set_xticks(xs, labels, rotation=30, ha="right", fontsize=8)
        ax.set_xlabel("Railhead (destination)" if key == C.DESTINATION else key.replace("_", " "))
        default_title = f"Cars by type per {'railhead' if key == C.DESTINATION else key}"
    ax.set_ylabel("Cars (counted once per report)")
    if len(bottom):
        ax.set_ylim(0, max(float(bottom.max()) * 1.15, 1.0))
    ax.set_title(title or default_title)
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

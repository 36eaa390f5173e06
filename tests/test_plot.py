"""Tests for railtrack.plot: inspect what is drawn (artists, labels, limits) under Agg."""

from __future__ import annotations

import math

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import networkx as nx
import numpy as np
import pandas as pd
import pytest
from matplotlib.collections import LineCollection, PathCollection, PolyCollection
from matplotlib.patches import Rectangle

from railtrack import columns as C
from railtrack.plot import CAR_TYPE_COLORS, plot_arrival_timeline, plot_route_map, plot_volumes
from railtrack.summary import summarize


@pytest.fixture
def subplots():
    """A fresh figure and Axes, closed after the test."""
    fig, ax = plt.subplots()
    yield fig, ax
    plt.close(fig)


@pytest.fixture(autouse=True)
def _close_all():
    yield
    plt.close("all")


def six_station_graph() -> nx.Graph:
    """A-B-C-D in a line across a border (B|C), E-F a branch off C, plus an isolated G."""
    G = nx.Graph()
    nodes = {
        "A": (53.0, 25.0, "BY", False, False),
        "B": (53.5, 30.0, "BY", True, False),
        "C": (53.6, 31.0, "RU", True, False),
        "D": (50.0, 38.0, "RU", False, True),
        "E": (48.0, 39.0, "RU", False, True),
        "F": (47.5, 40.0, "RU", False, False),
        "G": (55.0, 37.0, "RU", False, False),
    }
    for nid, (lat, lon, country, border, railhead) in nodes.items():
        G.add_node(
            nid,
            name=f"Station {nid}",
            lat=lat,
            lon=lon,
            country=country,
            border=border,
            railhead=railhead,
        )
    for u, v, km in [("A", "B", 400), ("B", "C", 80), ("C", "D", 700), ("C", "E", 900)]:
        G.add_edge(u, v, length_km=km)
    G.add_edge("E", "F", length_km=100)
    return G


def route_digraph(base: nx.Graph) -> nx.DiGraph:
    """A route graph as route_graph returns it: A->B->C->D (86 cars) and C->E (10 cars)."""
    R = nx.DiGraph()  # noqa: N806
    for n in ["A", "B", "C", "D", "E"]:
        R.add_node(n, **base.nodes[n], role="via", trains=1)
    R.nodes["A"]["role"] = "origin"
    R.nodes["D"]["role"] = "destination"
    R.nodes["E"]["role"] = "destination"
    for u, v, cars in [("A", "B", 86), ("B", "C", 86), ("C", "D", 43), ("C", "E", 10)]:
        R.add_edge(u, v, trains=2, cars=cars, border=(u, v) == ("B", "C"), shipments=["t1"])
    return R


def _collections(ax, kind):
    return [c for c in ax.collections if isinstance(c, kind)]


# --- route map ---------------------------------------------------------------------


def test_network_only_map_draws_every_link_in_grey(subplots):
    _, ax = subplots
    base = six_station_graph()
    out = plot_route_map(base, ax=ax)
    assert out is ax
    lines = _collections(ax, LineCollection)
    assert len(lines) == 1
    assert len(lines[0].get_segments()) == base.number_of_edges()
    assert np.allclose(lines[0].get_colors()[0][:3], [200 / 255] * 3)
    assert ax.get_title() == "Rail network"
    assert ax.get_xlabel() == "Longitude (°E)"
    assert ax.get_ylabel() == "Latitude (°N)"


def test_map_aspect_follows_mean_latitude(subplots):
    _, ax = subplots
    plot_route_map(six_station_graph(), ax=ax)
    lo, hi = ax.get_ylim()
    assert ax.get_aspect() == pytest.approx(1 / math.cos(math.radians((lo + hi) / 2)))
    xlo, xhi = ax.get_xlim()
    assert xlo < 25.0  # every station in view
    assert xhi > 40.0
    assert lo < 47.5
    assert hi > 55.0


def test_route_graph_map_sizes_segments_by_cars_and_zooms(subplots):
    _, ax = subplots
    base = six_station_graph()
    plot_route_map(base, route_digraph(base), ax=ax)
    _grey, routes = _collections(ax, LineCollection)
    widths = list(routes.get_linewidths())
    segs = routes.get_segments()
    by_start = {tuple(np.round(s[0], 3)): w for s, w in zip(segs, widths, strict=True)}
    assert by_start[(25.0, 53.0)] == pytest.approx(7.0)  # 86 cars: the widest
    assert by_start[(31.0, 53.6)] < 7.0
    # Zoomed to the routes: the unused G (lat 55) and F (lon 40) are out of view.
    assert ax.get_ylim()[1] < 55.0
    assert ax.get_xlim()[1] < 40.0
    assert ax.get_title() == "Rail corridors used by reported shipments"
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels[0] == "rail network"
    assert "86 cars" in labels
    assert "railhead (destination)" in labels
    assert "border crossing" in labels
    assert "country" in labels  # Natural Earth outlines under the network
    assert len(_collections(ax, PolyCollection)) == 1


def test_route_graph_map_marks_and_labels_only_marked_stations(subplots):
    _, ax = subplots
    base = six_station_graph()
    plot_route_map(base, route_digraph(base), ax=ax)
    marks = _collections(ax, PathCollection)
    offsets = [tuple(np.round(o, 3)) for m in marks for o in m.get_offsets()]
    assert (38.0, 50.0) in offsets  # D railhead
    assert (30.0, 53.5) in offsets  # border link B-C
    assert (31.0, 53.6) in offsets
    texts = {t.get_text() for t in ax.texts}
    assert texts == {"Station A", "Station B", "Station C", "Station D", "Station E"}
    for text in ax.texts:
        assert text.get_position() != (0, 0)
        assert text.xyann != (0, 0)  # offset from the point, not on it


def _label_boxes(ax):
    renderer = ax.figure.canvas.get_renderer()
    return [t.get_window_extent(renderer) for t in ax.texts]


def test_crowded_labels_never_overlap_and_are_skipped_when_no_spot_is_free(subplots):
    _, ax = subplots
    base = six_station_graph()
    for i in range(10):
        node = f"B{i}"
        base.add_node(node, name=f"Crowded {i}", lat=53.5 + i * 1e-4, lon=30.0, country="BY",
                      border=True)  # fmt: skip
        base.add_edge("B", node, length_km=1)
    plot_route_map(base, ax=ax)
    boxes = _label_boxes(ax)
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not a.overlaps(b)
    crowded = [t for t in ax.texts if t.get_text().startswith(("Crowded", "Station B"))]
    assert 1 <= len(crowded) < 11  # some of the eleven stations at one spot stay unlabelled
    frame = ax.get_window_extent(ax.figure.canvas.get_renderer())
    for box in boxes:  # every label inside the frame
        assert frame.x0 <= box.x0
        assert box.x1 <= frame.x1


def test_label_cap(subplots):
    _, ax = subplots
    plot_route_map(six_station_graph(), ax=ax, max_labels=1)
    assert len(ax.texts) == 1


def test_map_creates_axes_when_none():
    ax = plot_route_map(six_station_graph(), label_stations=False)
    assert len(ax.texts) == 0
    assert ax.figure is not None


# --- arrival timeline ------------------------------------------------------------------


def estimates_frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "id": ["t1", "t2"],
            "origin": ["Belarus", "Slonim"],
            "destination": ["Neklinovka", "Matveev Kurgan"],
            "route": ["Slonim → Neklinovka", "Slonim → Matveev Kurgan"],
            "length_km": [1500.0, 1480.0],
            "departure_earliest": pd.to_datetime(["2023-03-01", "2023-02-25"]),
            "departure_latest": pd.to_datetime(["2023-03-01", "2023-02-26"]),
            "p10": pd.to_datetime(["2023-03-04", "2023-02-28"]),
            "p50": pd.to_datetime(["2023-03-06", "2023-03-02"]),
            "p90": pd.to_datetime(["2023-03-09", "2023-03-05"]),
            "claimed_earliest": pd.to_datetime(["2023-03-08", "2023-03-04"]),
            "claimed_latest": pd.to_datetime([None, "2023-03-04"]),
            "flags": ["open_claim", ""],
        }
    )


def test_timeline_draws_windows_p50_and_claims(subplots):
    _, ax = subplots
    plot_arrival_timeline(estimates_frame(), as_of="2023-03-05", ax=ax)
    bars = [p for p in ax.patches if isinstance(p, Rectangle)]
    assert len(bars) == 2
    first = min(bars, key=lambda b: b.get_y())
    assert mdates.num2date(first.get_x()).date() == pd.Timestamp("2023-03-04").date()
    assert first.get_width() == pytest.approx(5.0)  # p10 to p90, in days
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == ["Belarus → Neklinovka", "Slonim → Matveev Kurgan"]  # by route, not id
    lo, hi = ax.get_ylim()
    assert lo > hi  # first shipment on top
    markers = [line.get_marker() for line in ax.lines]
    assert markers.count("o") == 2  # p50s
    assert ">" in markers  # t1's claim is "on or after 8 March"
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == [
        "departure (window)",
        "estimate p10–p90",
        "estimate p50",
        "source's claim",
        "as of 2023-03-05",
    ]
    as_of_lines = [line for line in ax.lines if line.get_linestyle() == "--"]
    assert len(as_of_lines) == 1
    x = as_of_lines[0].get_xdata()[0]
    when = mdates.num2date(x) if isinstance(x, float) else pd.Timestamp(x)
    assert when.date().isoformat() == "2023-03-05"
    assert isinstance(ax.xaxis.get_major_formatter(), mdates.ConciseDateFormatter)
    assert "Arrival windows" in ax.get_title()


def test_timeline_without_as_of_has_no_line_and_marks_claims_outside(subplots):
    _, ax = subplots
    df = estimates_frame().assign(claim_outside_window=[False, True])
    plot_arrival_timeline(df, ax=ax)
    assert [line for line in ax.lines if line.get_linestyle() == "--"] == []
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[1].endswith("(claim outside window)")
    assert not labels[0].endswith("(claim outside window)")


def test_timeline_as_of_from_attrs(subplots):
    _, ax = subplots
    df = estimates_frame()
    df.attrs["as_of"] = "2023-03-03"
    plot_arrival_timeline(df, ax=ax)
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend[-1] == "as of 2023-03-03"


def test_timeline_draws_sightings_and_flags_unrouted_rows(subplots):
    _, ax = subplots
    df = estimates_frame().assign(outcome=["routed", "unresolved origin"])
    days = pd.to_datetime(["2023-03-03", "2023-03-04", "2023-03-04"])
    seen = pd.DataFrame({"shipment": ["t1", "t1", "x"], "seen_at": days})
    plot_arrival_timeline(df, ax=ax, sightings=seen)
    marks = [line for line in ax.lines if line.get_marker() == "v"]
    assert len(marks) == 1
    assert len(marks[0].get_xdata()) == 2  # t1's two sightings; "x" is not drawn
    labels = ax.get_yticklabels()
    assert labels[1].get_text().endswith("(not routed: unresolved origin)")
    assert labels[1].get_color() != labels[0].get_color()
    assert "sighting" in [t.get_text() for t in ax.get_legend().get_texts()]


def test_timeline_row_without_estimate_is_listed_without_window(subplots):
    _, ax = subplots
    df = estimates_frame()
    df.loc[1, ["p10", "p50", "p90"]] = pd.NaT
    plot_arrival_timeline(df, ax=ax)
    assert len([p for p in ax.patches if isinstance(p, Rectangle)]) == 1
    assert len(ax.get_yticklabels()) == 2


# --- volumes -------------------------------------------------------------------------


def volume_shipments() -> tuple[pd.DataFrame, pd.DataFrame]:
    rows = [
        {C.ID: "a", C.DESTINATION: "Matveev Kurgan", C.DEPARTURE_EARLIEST: "2023-02-25",
         C.CARS_TOTAL: 51, C.CARS_PASSENGER: 5, C.CARS_COVERED: 3, C.CARS_FLAT: 43},
        {C.ID: "b", C.DESTINATION: "Rossosh", C.DEPARTURE_EARLIEST: "2023-01-11",
         C.CARS_TOTAL: 48, C.CARS_PASSENGER: 8, C.CARS_FLAT: 37},
        {C.ID: "c", C.DESTINATION: "Rossosh", C.DEPARTURE_EARLIEST: "2023-01-12",
         C.CARS_TOTAL: 40},
        {C.ID: "d", C.DESTINATION: "Luninets", C.CARS_TOTAL: 20},
    ]  # fmt: skip
    ships = pd.DataFrame(rows).reindex(columns=list(C.SHIPMENT_COLUMNS))
    return ships, pd.DataFrame(columns=list(C.GROUP_COLUMNS))


def _bar_tops(ax) -> dict[float, float]:
    tops: dict[float, float] = {}
    for bar in ax.patches:
        x = round(bar.get_x() + bar.get_width() / 2, 3)
        tops[x] = max(tops.get(x, 0.0), bar.get_y() + bar.get_height())
    return tops


def test_volumes_per_railhead_stack_to_totals(subplots):
    _, ax = subplots
    ships, groups = volume_shipments()
    plot_volumes(summarize(ships, groups=groups, by=("railhead",)), by="railhead", ax=ax)
    labels = [t.get_text() for t in ax.get_xticklabels()]
    assert labels == ["Luninets", "Matveev Kurgan", "Rossosh"]
    tops = _bar_tops(ax)
    assert [tops[float(i)] for i in range(3)] == [20.0, 51.0, 88.0]
    legend = ax.get_legend()
    assert legend.get_title().get_text() == "Car type"
    assert [t.get_text() for t in legend.get_texts()] == [
        "passenger",
        "covered",
        "flat",
        "type not reported",
    ]
    untyped = [
        p
        for p in ax.patches
        if p.get_facecolor()[:3]
        == pytest.approx(
            tuple(int(CAR_TYPE_COLORS["cars_untyped"][i : i + 2], 16) / 255 for i in (1, 3, 5))
        )
    ]
    assert sorted(p.get_height() for p in untyped) == [0.0, 20.0, 43.0]  # 88 - 8 - 37
    notes = sorted(t.get_text() for t in ax.texts)
    assert notes == ["1 train", "1 train", "2 trains"]
    assert ax.get_title() == "Cars by type per railhead"
    assert ax.get_ylim()[1] >= 88.0


def test_volumes_per_week_on_a_date_axis(subplots):
    _, ax = subplots
    ships, groups = volume_shipments()
    plot_volumes(summarize(ships, groups=groups, by=("period",), freq="W"), by="period", ax=ax)
    assert sorted(t.get_text() for t in ax.texts) == ["1 train", "2 trains"]
    tops = _bar_tops(ax)
    assert sorted(tops.values()) == [51.0, 88.0]
    centres = sorted(mdates.num2date(x).date().isoformat() for x in tops)
    assert centres == ["2023-01-12", "2023-02-23"]  # mid-week of 9 Jan and 20 Feb
    assert "not shown: 20 cars on 1 train that no report dates" in ax.get_xlabel()
    assert ax.get_title() == "Cars by type per week"
    assert isinstance(ax.xaxis.get_major_formatter(), mdates.ConciseDateFormatter)


def test_volumes_accepts_a_summary_and_sums_other_keys(subplots):
    _, ax = subplots
    ships, groups = volume_shipments()
    table = summarize(ships, groups=groups, by=("destination", "period"), freq="M")
    plot_volumes(table, by="destination", ax=ax)
    tops = _bar_tops(ax)
    assert sorted(tops.values()) == [20.0, 51.0, 88.0]


def test_volumes_summary_without_key_is_an_error():
    ships, groups = volume_shipments()
    table = summarize(ships, groups=groups, by=("destination",))
    with pytest.raises(ValueError, match="no 'period' column"):
        plot_volumes(table, by="period")


def test_volumes_show_group_total_and_trains_without_counts(subplots, tests_data):
    from railtrack.io import load_reports

    _, ax = subplots
    seed = summarize(load_reports(tests_data / "summary" / "seed.csv"), by=("railhead",))
    plot_volumes(seed, by="railhead", ax=ax)
    labels = [t.get_text() for t in ax.get_xticklabels()]
    assert labels == ["Matveyev-Kurhan", "Nieklinovka", "unallocated across 2 trains"]
    assert [t.get_text() for t in ax.texts] == [
        "1 train, cars not reported",
        "1 train, cars not reported",
        "group total",
    ]
    assert _bar_tops(ax)[2.0] == 86.0


def test_map_of_route_objects_one_colour_each_width_by_volume(subplots):
    from railtrack.network import load_network

    _, ax = subplots
    net = load_network()
    a = net.route("Slonim", "Matveev Kurgan")[0]
    b = net.route("Chepino", "Rossosh")[0]
    plot_route_map(net, [a, b], volumes=[51, 48], ax=ax)
    _grey, first, second = _collections(ax, LineCollection)
    assert len(first.get_segments()) == len(a.stations) - 1
    assert first.get_linewidths()[0] == pytest.approx(6.0)
    assert second.get_linewidths()[0] < 6.0
    assert second.get_zorder() > first.get_zorder()  # the thinner line is drawn on top
    assert tuple(first.get_colors()[0]) != tuple(second.get_colors()[0])
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend[1] == f"Slonim → Matveev Kurgan ({a.length_km:,.0f} km), 51"
    texts = {t.get_text() for t in ax.texts}
    assert {"Slonim", "Matveev Kurgan", "Chepino", "Rossosh"} <= texts
    lons = [lon for lon, _ in a.geometry + b.geometry]
    assert ax.get_xlim()[0] < min(lons)
    assert ax.get_xlim()[1] > max(lons)


def test_routes_without_volumes_nest_so_shared_stretches_show_each_colour(subplots):
    from railtrack.network import load_network

    _, ax = subplots
    net = load_network()
    routes = [net.route("Slonim", "Matveev Kurgan")[0], net.route("Slonim", "Neklinovka")[0]]
    plot_route_map(net, routes, ax=ax)
    _grey, first, second = _collections(ax, LineCollection)
    assert first.get_linewidths()[0] > second.get_linewidths()[0]
    assert second.get_zorder() > first.get_zorder()


def test_volumes_without_any_car_count_say_so_instead_of_an_empty_legend(subplots):
    _, ax = subplots
    ships = pd.DataFrame([{C.ID: "a", C.DESTINATION: "X"}]).reindex(
        columns=list(C.SHIPMENT_COLUMNS)
    )
    plot_volumes(summarize(ships, by=("railhead",)), by="railhead", ax=ax)
    assert ax.get_legend() is None
    assert [t.get_text() for t in ax.texts] == [
        "1 train, cars not reported",
        "no car counts reported",
    ]


def test_empty_inputs_draw_empty_axes(subplots):
    _, ax = subplots
    empty = pd.DataFrame(columns=["id", "p10", "p50", "p90"])
    plot_arrival_timeline(empty, ax=ax)
    assert len(ax.get_yticklabels()) == 0
    plot_route_map(six_station_graph(), nx.DiGraph(), ax=plt.figure().add_subplot())


def test_report_text_is_never_mathtext(subplots, tmp_path):
    fig, ax = subplots
    df = estimates_frame().assign(origin=["$x^{$", "Slonim"], destination=["$\\frac", "a$b$"])
    plot_arrival_timeline(df, ax=ax)
    fig.savefig(tmp_path / "t.png")  # mathtext would raise here
    assert "x^{" in ax.get_yticklabels()[0].get_text()  # shown as written, escaped


def test_timeline_draws_an_assumed_departure_apart_and_ids_on_alike_rows(subplots):
    """No departure told: the model's window is dotted and said so; alike rows get ids (F116)."""
    _, ax = subplots
    df = estimates_frame().assign(
        origin=["Slonim", "Slonim"],
        destination=["Matveev Kurgan", "Matveev Kurgan"],
        flags=["no_departure_date", ""],
    )
    plot_arrival_timeline(df, ax=ax)
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "departure assumed (none told)" in legend
    dotted = [line for line in ax.lines if line.get_linestyle() == ":"]
    assert len(dotted) == 1  # the first train's assumed window only
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == ["Slonim → Matveev Kurgan [t1]", "Slonim → Matveev Kurgan [t2]"]


def test_timeline_of_told_departures_has_no_assumed_entry(subplots):
    _, ax = subplots
    plot_arrival_timeline(estimates_frame(), ax=ax)
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "departure assumed (none told)" not in legend
    assert not any("[t1]" in t.get_text() for t in ax.get_yticklabels())

"""The routes step: one route per train, read by every later step."""

from __future__ import annotations

import itertools
from datetime import date

import matplotlib as mpl
import numpy as np
import pandas as pd
import pytest
from _estimate_toys import as_reports, make_shipment, resolved_frame, toy_network

from railtrack import columns as C
from railtrack import data_path, load_network, load_reports
from railtrack.labels import crossing_pair
from railtrack.models import Place
from railtrack.network import RailNetwork
from railtrack.pipeline import track
from railtrack.plot import plot_route_map
from railtrack.route_files import route_ids
from railtrack.routes import end_stations, remaining_routes, shipment_routes

mpl.use("Agg")
import matplotlib.pyplot as plt


@pytest.fixture(scope="module")
def net() -> RailNetwork:
    """The theatre network: the routing step's rules are checked where every route is
    known by hand (the default network's routes: tests/test_national.py and
    tests/test_distances.py)."""
    return load_network(national=False)


def path_length(net: RailNetwork, stations: list[str]) -> float:
    """Oracle: a path's length from the network's own edges."""
    return sum(net.G.edges[u, v]["length_km"] for u, v in itertools.pairwise(stations))


def routes_of(rows: list[dict], net: RailNetwork) -> pd.DataFrame:
    return shipment_routes(resolved_frame(pd.DataFrame(rows), net), net)


# --- the rules, on the toy line A-B-C|D-E with a branch B-F ----------------------------------


def test_a_region_origin_gets_the_shortest_route_and_keeps_the_others():
    toy = toy_network()
    ships = as_reports([make_shipment("r", origin="Westland")]).resolve(toy).to_frame()
    row = shipment_routes(ships, toy).iloc[0]
    assert row[C.STATIONS] == ["F", "B", "C", "D", "E"]  # Foxtrot is 50 km nearer than Alpha
    assert row[C.LENGTH_KM] == 950.0
    assert row[C.ORIGIN_ROUTES] == (("A", 1000.0, 1), ("F", 950.0, 1))
    assert row[C.ORIGIN_BASIS] == (
        "region Westland: shortest route from its 2 report stations, here Foxtrot"
    )
    assert row[C.FLAGS] == "origin_region"
    assert pd.isna(row[C.PROBLEM])


def test_a_region_destination_ends_at_its_nearest_report_station():
    toy = toy_network()
    ships = as_reports([make_shipment("r", destination="Eastland")]).resolve(toy).to_frame()
    row = shipment_routes(ships, toy).iloc[0]
    assert row[C.STATIONS] == ["A", "B", "C", "D"]
    assert row[C.DESTINATION_STATION_ID] == "D"
    assert row[C.FLAGS] == "destination_region"
    assert row[C.ORIGIN_ROUTES] == ()


@pytest.mark.parametrize(
    ("kwargs", "flag"),
    [
        ({"origin": "Nowhere"}, "origin_unresolved"),
        ({"destination": "Nowhere"}, "destination_unresolved"),
        ({"origin": None}, "no_origin"),
        ({"destination": None}, "no_destination"),
        ({"destination": "Zulu"}, "no_route"),
    ],
)
def test_unroutable_trains_keep_a_row_with_the_reason(kwargs, flag):
    toy = toy_network()
    ships = as_reports([make_shipment("bad", **kwargs), make_shipment("ok")]).resolve(toy)
    routes = shipment_routes(ships.to_frame(), toy)
    bad, ok = routes.iloc[0], routes.iloc[1]
    assert bad[C.FLAGS] == flag
    assert bad[C.PROBLEM] == C.ROUTE_FLAGS[flag]
    assert pd.isna(bad[C.LENGTH_KM])
    assert bad[C.STATIONS] is None
    assert ok[C.STATIONS] == ["A", "B", "C", "D", "E"]


def test_via_points_are_passed_in_order():
    toy = toy_network()
    ship = make_shipment("v", destination="Echo")
    ship = ship.model_copy(update={"via": (Place(text="Foxtrot"),)})
    row = shipment_routes(as_reports([ship]).resolve(toy).to_frame(), toy).iloc[0]
    assert row[C.STATIONS] == ["A", "B", "F", "B", "C", "D", "E"]
    assert row[C.LENGTH_KM] == pytest.approx(1300.0)
    assert row[C.VIA_STATION_IDS] == "F"
    assert row[C.FLAGS] == ""


@pytest.mark.parametrize(
    ("via", "flag"), [("Atlantis", "via_unresolved"), ("Zulu", "via_unreachable")]
)
def test_a_via_point_that_cannot_be_used_is_dropped_with_a_flag(via, flag):
    toy = toy_network()
    ship = make_shipment("v").model_copy(update={"via": (Place(text=via),)})
    row = shipment_routes(as_reports([ship]).resolve(toy).to_frame(), toy).iloc[0]
    assert row[C.STATIONS] == ["A", "B", "C", "D", "E"]
    assert row[C.FLAGS] == flag
    assert pd.isna(row[C.VIA_STATION_IDS])


def test_use_via_false_ignores_via_points():
    toy = toy_network()
    ship = make_shipment("v").model_copy(update={"via": (Place(text="Foxtrot"),)})
    ships = as_reports([ship]).resolve(toy).to_frame()
    assert shipment_routes(ships, toy, use_via=False).iloc[0][C.LENGTH_KM] == 1000.0


def test_the_rest_of_a_route_after_a_sighting():
    toy = toy_network()
    route = ["A", "B", "C", "D", "E"]
    trips = [
        ("C", route, ()),
        ("E", route, ()),
        ("F", route, ()),  # off the route: F-B-C-D-E
        ("F", [], ("D", "E")),  # not routed: to the nearest candidate
        ("Z", route, ()),  # no path
        ("", [], ("D",)),  # not a station
    ]
    assert remaining_routes(toy, trips) == [
        (500.0, 1),
        (0.0, 0),
        (950.0, 1),
        (550.0, 1),
        None,
        None,
    ]


def test_region_end_stations_are_its_report_stations(net):
    assert set(end_stations(toy_network(), "Westland")) == {"A", "F"}
    assert end_stations(net, "No such region") == ()


# --- the embedded network ----------------------------------------------------------------------


def test_routes_table_columns_and_lengths(net):
    seed = load_reports(data_path("reports", "seed-hajun-2023-03.yaml")).resolve(net)
    routes = shipment_routes(seed.to_frame(), net)
    assert list(routes.columns) == list(C.ROUTE_COLUMNS)
    for row in routes.to_dict("records"):
        assert row[C.LENGTH_KM] == pytest.approx(path_length(net, row[C.STATIONS]))
        assert row[C.ROUTE_LABEL] == " → ".join(_named(net, row[C.STATIONS]))
        assert row[C.BORDER_CROSSINGS_N] == len(row[C.BORDER_CROSSINGS].split("; "))
        assert net.G.nodes[row[C.STATIONS][0]]["country"] == "BY"
        # the route is the shortest of the routes from each of Belarus's report stations
        lengths = [r[1] for r in row[C.ORIGIN_ROUTES]]
        assert row[C.LENGTH_KM] == pytest.approx(min(lengths))
        assert {r[0] for r in row[C.ORIGIN_ROUTES]} == set(end_stations(net, "Belarus"))


def test_route_text_is_stored_once_per_route(net):
    stations = sorted(net.G)[::11]
    rows = [
        {C.ID: f"t{i}-{j}", C.ORIGIN: a, C.DESTINATION: b}
        for i, a in enumerate(stations)
        for j, b in enumerate(stations[:4])
    ]
    routes = routes_of(rows, net)
    for col in (C.ROUTE_LABEL, C.BORDER_CROSSINGS, C.ORIGIN_BASIS):
        assert isinstance(routes[col].dtype, pd.CategoricalDtype)
    assert routes[C.ROUTE_LABEL].cat.categories.is_unique
    first = routes.dropna(subset=[C.ROUTE_LABEL]).groupby(C.ROUTE_LABEL, observed=True)
    for label, stations_list in first[C.STATIONS].first().items():
        assert label == " → ".join(_named(net, stations_list))


def test_each_distinct_pair_is_routed_once(net, monkeypatch):
    calls: list[int] = []
    original = net.iter_routes_between

    def counting(pairs):
        pairs = list(pairs)
        calls.append(len(pairs))
        return original(pairs)

    monkeypatch.setattr(net, "iter_routes_between", counting)
    rows = [{C.ID: f"t{i}", C.ORIGIN: "Slonim", C.DESTINATION: "Rossosh"} for i in range(40)]
    routes = routes_of(rows, net)
    assert calls == [1]
    assert routes[C.LENGTH_KM].nunique() == 1
    assert len({id(s) for s in routes[C.STATIONS]}) == 1  # one shared list


# --- one route per train in every output ---------------------------------------------------


def drawn_segments(ax) -> set[tuple[tuple[float, float], tuple[float, float]]]:
    (corridors,) = [c for c in ax.collections if c.get_label() == "corridors used"]
    return {tuple(map(tuple, np.round(seg, 6))) for seg in corridors.get_segments()}


def route_segments(net, stations):
    xy = [(round(net.G.nodes[s]["lon"], 6), round(net.G.nodes[s]["lat"], 6)) for s in stations]
    return set(itertools.pairwise(xy))


def assert_one_route_per_train(result) -> int:
    """Every output of ``track`` shows each train on the route of the routes table."""
    net, routes = result.network, result.routes.set_index(C.ID)
    assert routes.index.is_unique
    assert list(routes.index) == list(result.shipments[C.ID])
    routed = routes[routes[C.LENGTH_KM].notna()]
    # estimates: the same label and length
    est = result.estimates.set_index(C.ID)
    assert (
        est.loc[routed.index, C.ROUTE_LABEL].astype(str) == routed[C.ROUTE_LABEL].astype(str)
    ).all()
    np.testing.assert_allclose(est.loc[routed.index, C.LENGTH_KM], routed[C.LENGTH_KM], atol=0.05)
    assert est.loc[routes.index.difference(routed.index), C.LENGTH_KM].isna().all()
    # summaries: each train is counted in the row of its route, and of each of its crossings
    by_route = result.summaries["by_route"]
    for label, ids in zip(by_route[C.ROUTE_LABEL], by_route[C.SHIPMENTS], strict=True):
        for sid in str(ids).split("; ") if isinstance(ids, str) else []:
            if sid in routed.index:
                assert label == routed.loc[sid, C.ROUTE_LABEL]
    by_crossing = result.summaries["by_border_crossing"]
    for crossing, ids in zip(by_crossing["border_crossing"], by_crossing[C.SHIPMENTS], strict=True):
        for sid in str(ids).split("; ") if isinstance(ids, str) else []:
            if sid in routed.index and routed.loc[sid, C.BORDER_CROSSINGS]:
                assert crossing in map(
                    crossing_pair, routed.loc[sid, C.BORDER_CROSSINGS].split("; ")
                )
    # the corridor graph: each route, with all its trains, on exactly the edges it passes
    G = result.graph
    assert set(G.graph["routed"]) == set(routed.index)
    on_edges: dict[str, set] = {}
    trains_of: dict[str, set[int]] = {}
    for u, v, d in G.edges(data=True):
        for rid, n in zip(d["route_ids"], d["route_trains"], strict=True):
            on_edges.setdefault(rid, set()).add((u, v))
            trains_of.setdefault(rid, set()).add(n)
    ids = route_ids(routed[C.STATIONS])
    for (sid, row), rid in zip(routed.iterrows(), ids, strict=True):
        assert on_edges.get(rid, set()) == set(itertools.pairwise(row[C.STATIONS]))
        assert G.graph["origin_basis"][sid] == row[C.ORIGIN_BASIS]
    moving = ids[[len(st) > 1 for st in routed[C.STATIONS]]]
    assert {rid: {n} for rid, n in moving.value_counts().items() if n} == trains_of
    # the map: the corridors drawn are the segments of the routes, no other
    fig, ax = plt.subplots()
    try:
        plot_route_map(net, G, ax=ax)
        drawn = drawn_segments(ax)
    finally:
        plt.close(fig)
    expected = (
        set().union(*(route_segments(net, s) for s in routed[C.STATIONS])) if len(routed) else set()
    )
    assert drawn == expected
    return len(routed)


def _named(net, stations):
    """The route label's names: every station but the national layer's track nodes."""
    last = len(stations) - 1
    return [
        net.G.nodes[s]["name"]
        for i, s in enumerate(stations)
        if i in (0, last) or net.G.nodes[s].get("kind") != "track"
    ]


def test_one_route_per_train_on_the_embedded_default(net):
    result = track(load_reports(data_path("reports")), net, as_of="2023-03-06")
    assert assert_one_route_per_train(result) >= 8
    # the seed's trains "from Belarus" cross at Zaolsha–Rudnya everywhere
    est = result.estimates.set_index(C.ID)
    for sid in ("seed-2023-03-t1", "seed-2023-03-t2"):
        assert "Zaolsha–Rudnya" in str(est.loc[sid, C.BORDER_CROSSINGS])
        assert "Zlynka" not in str(est.loc[sid, C.ROUTE_LABEL])
    crossing = result.summaries["by_border_crossing"].set_index("border_crossing")
    assert crossing.loc[crossing_pair("Zaolsha–Rudnya"), C.TRAINS] >= 2


def test_status_reads_the_same_route_as_the_estimate(net):
    reports = load_reports(data_path("reports", "seed-hajun-2023-03.yaml"))
    result = track(reports, net, as_of="2023-03-01")  # the departure day: nothing truncated
    est, status = result.estimates.set_index(C.ID), result.statuses.set_index(C.ID)
    dated = est[C.P50].notna()
    assert dated.any()
    pd.testing.assert_series_equal(est.loc[dated, C.P50], status.loc[dated, C.P50])


def _generated(net: RailNetwork, n: int, seed: int) -> pd.DataFrame:
    """Random shipments on the embedded network: stations, regions, via points, unknowns."""
    rng = np.random.default_rng(seed)
    names = [d["name"] for _, d in net.G.nodes(data=True) if d.get("name")]
    regions = ["Belarus", "Rostov region", "Donbas"]
    rows = []
    for i in range(n):
        kind = rng.integers(0, 10)
        origin = str(rng.choice(regions if kind < 3 else names))
        destination = str(rng.choice(names)) if kind != 3 else "Nowhere-on-Earth"
        via = str(rng.choice(names)) if kind == 9 else None
        rows.append(
            {
                C.ID: f"g{i}",
                C.ORIGIN: origin,
                C.DESTINATION: destination,
                C.VIA: via,
                C.CARS_TOTAL: int(rng.integers(20, 60)),
                C.DEPARTURE_EARLIEST: str(date(2023, 3, 1 + int(rng.integers(0, 20)))),
                C.PUBLISHED: "2023-03-25",
                C.SOURCE: "generated",
                C.RELIABILITY: "C",
            }
        )
    frame = pd.DataFrame(rows).reindex(columns=list(C.SHIPMENT_COLUMNS))
    return resolved_frame(frame, net)


@pytest.mark.parametrize("seed", [1, 2])
def test_one_route_per_train_on_a_generated_input(net, seed):
    from railtrack.estimate import arrival_windows
    from railtrack.pipeline import SUMMARY_VIEWS
    from railtrack.routegraph import corridor_graph
    from railtrack.summary import summarize_views
    from railtrack.tracking import shipment_status

    ships = _generated(net, 120, seed)
    routes = shipment_routes(ships, net)
    groups = pd.DataFrame(columns=list(C.GROUP_COLUMNS))

    class Result:
        network = net
        shipments = ships

    result = Result()
    result.routes = routes
    result.estimates = arrival_windows(ships, routes)
    result.statuses = shipment_status(
        ships, routes, pd.DataFrame(columns=list(C.SIGHTING_COLUMNS)), net, as_of="2023-03-01"
    )
    result.summaries = summarize_views(ships, SUMMARY_VIEWS, groups=groups, routes=routes)
    result.graph = corridor_graph(ships, routes, net, groups=groups)
    assert assert_one_route_per_train(result) >= 60
    assert (routes[C.FLAGS].str.contains("origin_region")).any()
    assert (routes[C.FLAGS].str.contains("destination_unresolved")).any()


def test_an_end_named_by_its_town_is_shown_at_town_precision() -> None:
    """The routes table says what the report named: "Orsha" a town, its station a station."""
    net = load_network()
    rows = []
    for i, name in enumerate(["Orsha", "Orsha-Tsentralnaya"]):
        r = net.resolve(name)
        rows.append(
            {
                C.ID: f"t{i}",
                C.ORIGIN: name,
                C.DESTINATION: "Polonka",
                C.ORIGIN_STATION_ID: r.station_id,
                C.DESTINATION_STATION_ID: "BY-POLONKA",
            }
        )
    df = shipment_routes(pd.DataFrame(rows), net)
    assert df[C.ORIGIN_STATION_ID].tolist() == ["BY-ORSHA", "BY-ORSHA"]
    assert df[C.ORIGIN_GEO_PRECISION].tolist() == ["town", "station"]
    assert df[C.DESTINATION_GEO_PRECISION].tolist() == ["station", "station"]


# --- a via point off the line: no out-and-back when the network has another way (trial12 S8)


def _ring() -> RailNetwork:
    """O-J-D is the line, V a station off it on a spur from J and on a loop O-N-V."""
    import networkx as nx

    G = nx.Graph()
    for node, lon in {"O": 0.0, "J": 1.0, "V": 1.5, "D": 2.0, "N": 0.8}.items():
        G.add_node(node, name=f"Station {node}", country="XX", lat=50.0, lon=lon)
    G.add_weighted_edges_from(
        [("O", "J", 100.0), ("J", "V", 60.0), ("J", "D", 100.0), ("O", "N", 150.0)],
        weight="length_km",
    )
    G.add_weighted_edges_from(
        [("N", "V", 150.0)],
        weight="length_km",
    )
    return RailNetwork(G)


def test_a_via_point_is_reached_without_passing_a_station_twice():
    net = _ring()
    route = net.route("Station O", "Station D", via="Station V")[0]
    assert list(route.stations) == ["O", "N", "V", "J", "D"]
    assert route.length_km == pytest.approx(460.0)


def test_a_via_point_on_a_dead_end_spur_is_still_reached_out_and_back():
    net = _ring()
    net.G.remove_edge("N", "V")
    route = net.route("Station O", "Station D", via="Station V")[0]
    assert list(route.stations) == ["O", "J", "V", "J", "D"]


@pytest.mark.parametrize(("origin", "via", "destination"), [("Брянск", "Жлобин", "Гомель")])
def test_trains_seen_at_a_via_point_do_not_run_out_and_back_on_the_default_network(
    origin, via, destination
):
    net = load_network()
    route = net.route(origin, destination, via=via)[0]
    assert len(set(route.stations)) == len(route.stations), route.names
    frame = load_reports_frame(net, origin, via, destination)
    row = shipment_routes(frame, net).iloc[0]
    assert len(set(row[C.STATIONS])) == len(row[C.STATIONS])
    assert row[C.LENGTH_KM] == pytest.approx(route.length_km, rel=1e-6)


def load_reports_frame(net: RailNetwork, origin: str, via: str, destination: str) -> pd.DataFrame:
    ship = make_shipment("s", origin=origin, destination=destination)
    ship = ship.model_copy(update={"via": (Place(text=via),)})
    return as_reports([ship]).resolve(net).to_frame()

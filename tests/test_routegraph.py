"""Tests for railtrack.routegraph: corridors used, volumes counted once, exports."""

from __future__ import annotations

import itertools
import json
from typing import Any

import networkx as nx
import pandas as pd
import pytest

from railtrack import columns as C
from railtrack.errors import InputPathError
from railtrack.io import load_reports
from railtrack.network import load_network
from railtrack.routegraph import (
    route_graph,
    shipment_routes,
    to_geojson,
    to_graphml,
    write_geojson,
)

MATVEEV_KURGAN, NEKLINOVKA = "511103", "511207"  # ESR codes (DOMAIN.md §1)


@pytest.fixture(scope="module")
def net():
    return load_network()


@pytest.fixture(scope="module")
def seed(net, tests_data):
    return load_reports(tests_data / "summary" / "seed.csv").resolve(net)


def frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    return pd.DataFrame(rows).reindex(columns=list(C.SHIPMENT_COLUMNS))


def path_length(base: nx.Graph, stations: list[str]) -> float:
    """Oracle: a path's length from the network's own edges."""
    return sum(base.edges[u, v]["length_km"] for u, v in itertools.pairwise(stations))


def test_seed_routes_reach_both_railheads_from_a_belarus_report_station(net, seed):
    routes = shipment_routes(seed, net)
    assert list(routes[C.ID]) == ["t1", "t2"]
    assert routes["problem"].isna().all()
    assert list(routes["destination_station_id"]) == [MATVEEV_KURGAN, NEKLINOVKA]
    for row in routes.to_dict("records"):
        assert net.G.nodes[row["stations"][0]]["country"] == "BY"
        assert row["origin_basis"].startswith("region Belarus: shortest route from its")
        assert row["length_km"] == pytest.approx(path_length(net.G, row["stations"]))
        assert row["route"].split(" → ")[-1] == net.G.nodes[row["stations"][-1]]["name"]


def test_seed_graph_counts_the_group_once(net, seed):
    routes = shipment_routes(seed, net)
    G = route_graph(seed, net, routes=routes)
    assert G.graph["routed"] == ["t1", "t2"]
    assert G.graph["unrouted"] == []
    paths = {r[C.ID]: r["stations"] for r in routes.to_dict("records")}
    edges = {sid: set(itertools.pairwise(st)) for sid, st in paths.items()}
    shared, only = edges["t1"] & edges["t2"], edges["t1"] ^ edges["t2"]
    assert shared
    assert only
    for u, v in shared:
        e = G.edges[u, v]
        assert (e["trains"], e["cars"], e["cars_unallocated"]) == (2, 86, 0)
        assert e["shipments"] == ["t1", "t2"]
    for u, v in only:
        e = G.edges[u, v]
        assert (e["trains"], e["cars"], e["cars_unallocated"]) == (1, 0, 86)
    # Never more than the 86 reported cars on any segment.
    assert max(d["cars"] + d["cars_unallocated"] for *_, d in G.edges(data=True)) == 86
    assert G.nodes[MATVEEV_KURGAN]["role"] == "destination"
    assert G.nodes[paths["t1"][0]]["role"] == "origin"


def test_edges_follow_the_direction_of_travel_and_carry_dates(net):
    ships = frame(
        [
            {C.ID: "a", C.ORIGIN: "Slonim", C.DESTINATION: "Matveev Kurgan",
             C.DEPARTURE_EARLIEST: "2023-02-25", C.CARS_TOTAL: 51},
            {C.ID: "b", C.ORIGIN: "Slonim", C.DESTINATION: "Matveev Kurgan",
             C.DEPARTURE_EARLIEST: "2023-03-04", C.CARS_TOTAL: 48},
        ]
    )  # fmt: skip
    G = route_graph(ships, net)
    stations = shipment_routes(ships, net).loc[0, "stations"]
    for u, v in itertools.pairwise(stations):
        assert G.has_edge(u, v)
        assert not G.has_edge(v, u)
        e = G.edges[u, v]
        assert (e["trains"], e["cars"]) == (2, 99)
        assert e["first_date"].isoformat() == "2023-02-25"
        assert e["last_date"].isoformat() == "2023-03-04"
        assert e["length_km"] == net.G.edges[u, v]["length_km"]
    crossings = [d for *_, d in G.edges(data=True) if d["border"]]
    assert len(crossings) == 1  # Slonim -> Matveev Kurgan crosses one border


def test_unroutable_shipments_are_reported_and_good_ones_kept(net):
    ships = frame(
        [
            {C.ID: "good", C.ORIGIN: "Slonim", C.DESTINATION: "Rossosh", C.CARS_TOTAL: 40},
            {C.ID: "nowhere", C.ORIGIN: "Qwertyuiop", C.DESTINATION: "Rossosh"},
            {C.ID: "no-dest", C.ORIGIN: "Slonim"},
        ]
    )
    routes = shipment_routes(ships, net)
    assert routes.loc[1, "problem"].startswith("station 'Qwertyuiop' not resolved")
    assert routes.loc[2, "problem"] == "no destination given"
    G = route_graph(ships, net, routes=routes)
    assert G.graph["routed"] == ["good"]
    assert [u.split(":")[0] for u in G.graph["unrouted"]] == ["nowhere", "no-dest"]
    assert G.number_of_edges() > 0


def test_unknown_via_falls_back_to_direct_route(net):
    ships = frame([{C.ID: "v", C.ORIGIN: "Slonim", C.DESTINATION: "Rossosh", C.VIA: "Qwertyuiop"}])
    routes = shipment_routes(ships, net)
    assert routes.loc[0, "problem"].startswith("routed without via")
    assert isinstance(routes.loc[0, "stations"], list)


def test_graphml_stringifies_lists_and_dates(net, seed, tmp_path):
    G = route_graph(seed, net)
    out = to_graphml(G, tmp_path / "corridors.graphml")
    H = nx.read_graphml(out)
    assert H.number_of_edges() == G.number_of_edges()
    u, v = next(iter(G.edges))
    assert H.edges[u, v]["shipments"] == "; ".join(G.edges[u, v]["shipments"])
    assert H.edges[u, v]["first_date"] == G.edges[u, v]["first_date"].isoformat()
    assert H.edges[u, v]["cars"] == G.edges[u, v]["cars"]
    assert "t1" in H.graph["routed"]


def test_graphml_into_missing_directory_is_a_clear_error(tmp_path):
    with pytest.raises(InputPathError, match="does not exist"):
        to_graphml(nx.DiGraph(), tmp_path / "missing" / "g.graphml")


def test_geojson_lines_and_points_in_lon_lat(net, seed, tmp_path):
    G = route_graph(seed, net)
    fc = to_geojson(G)
    kinds = [f["geometry"]["type"] for f in fc["features"]]
    assert kinds.count("LineString") == G.number_of_edges()
    assert kinds.count("Point") == G.number_of_nodes()
    line = next(f for f in fc["features"] if f["geometry"]["type"] == "LineString")
    u = line["properties"]["source"]
    assert line["geometry"]["coordinates"][0] == [G.nodes[u]["lon"], G.nodes[u]["lat"]]
    assert isinstance(line["properties"]["shipments"], list)
    path = write_geojson(G, tmp_path / "corridors.geojson")
    assert json.loads(path.read_text(encoding="utf-8")) == json.loads(json.dumps(fc))


def test_geojson_keeps_elements_without_coordinates():
    G = nx.DiGraph()
    G.add_node("a", name="A")
    G.add_node("b", name="B", lat=50.0, lon=30.0)
    G.add_edge("a", "b", trains=1)
    fc = to_geojson(G)
    assert fc["features"][0]["geometry"] is None
    assert fc["features"][0]["properties"]["trains"] == 1

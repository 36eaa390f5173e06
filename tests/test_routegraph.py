"""Tests for railtrack.routegraph: corridors used, volumes counted once, exports."""

from __future__ import annotations

import itertools
import json
from datetime import date
from types import SimpleNamespace
from typing import Any

import networkx as nx
import pandas as pd
import pytest
from _estimate_toys import resolved_frame
from hypothesis import given, settings
from hypothesis import strategies as st

from railtrack import columns as C
from railtrack.errors import InputPathError
from railtrack.graph_export import to_geojson, to_graphml, write_geojson
from railtrack.io import load_reports
from railtrack.network import load_network
from railtrack.route_files import route_id
from railtrack.routegraph import corridor_graph, route_graph
from railtrack.routes import shipment_routes

ROUTE_COLUMNS = C.ROUTE_COLUMNS

MATVEEV_KURGAN, NEKLINOVKA = "511103", "511207"  # ESR codes (DOMAIN.md §1)


@pytest.fixture(scope="module")
def net():
    return load_network()


@pytest.fixture(scope="module")
def seed(net, tests_data):
    return load_reports(tests_data / "summary" / "seed.csv").resolve(net)


def frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    return pd.DataFrame(rows).reindex(columns=list(C.SHIPMENT_COLUMNS))


def routed(rows: list[dict[str, Any]], net) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Resolve a table of names on ``net`` and route it: (shipments, routes)."""
    ships = resolved_frame(frame(rows), net)
    return ships, shipment_routes(ships, net)


def graph_of(rows: list[dict[str, Any]], net) -> nx.DiGraph:
    ships, routes = routed(rows, net)
    return corridor_graph(ships, routes, net)


def path_length(base: nx.Graph, stations: list[str]) -> float:
    """Oracle: a path's length from the network's own edges."""
    return sum(base.edges[u, v]["length_km"] for u, v in itertools.pairwise(stations))


def test_seed_routes_reach_both_railheads_from_a_belarus_report_station(net, seed):
    routes = shipment_routes(seed.to_frame(), net)
    assert list(routes[C.ID]) == ["t1", "t2"]
    assert routes["problem"].isna().all()
    assert list(routes["destination_station_id"]) == [MATVEEV_KURGAN, NEKLINOVKA]
    for row in routes.to_dict("records"):
        assert net.G.nodes[row["stations"][0]]["country"] == "BY"
        assert row["origin_basis"].startswith("region Belarus: shortest route from its")
        assert row["length_km"] == pytest.approx(path_length(net.G, row["stations"]))
        assert row["route"].split(" → ")[-1] == net.G.nodes[row["stations"][-1]]["name"]


def test_seed_graph_counts_the_group_once(net, seed):
    routes = shipment_routes(seed.to_frame(), net)
    G = corridor_graph(seed.to_frame(), routes, net, groups=seed.groups_frame())
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
        # The two routes that passed, by route_id, each with its one train.
        assert e["route_ids"] == (route_id(paths["t1"]), route_id(paths["t2"]))
        assert e["route_trains"] == (1, 1)
    for u, v in only:
        e = G.edges[u, v]
        assert (e["trains"], e["cars"], e["cars_unallocated"]) == (1, 0, 86)
    # Never more than the 86 reported cars on any segment.
    assert max(d["cars"] + d["cars_unallocated"] for *_, d in G.edges(data=True)) == 86
    assert G.nodes[MATVEEV_KURGAN]["role"] == "destination"
    assert G.nodes[paths["t1"][0]]["role"] == "origin"


def test_edges_follow_the_direction_of_travel_and_carry_dates(net):
    ships, routes = routed(
        [
            {C.ID: "a", C.ORIGIN: "Slonim", C.DESTINATION: "Matveev Kurgan",
             C.DEPARTURE_EARLIEST: "2023-02-25", C.CARS_TOTAL: 51},
            {C.ID: "b", C.ORIGIN: "Slonim", C.DESTINATION: "Matveev Kurgan",
             C.DEPARTURE_EARLIEST: "2023-03-04", C.CARS_TOTAL: 48},
        ],
        net,
    )  # fmt: skip
    G = corridor_graph(ships, routes, net)
    stations = routes.loc[0, "stations"]
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
    ships, routes = routed(
        [
            {C.ID: "good", C.ORIGIN: "Slonim", C.DESTINATION: "Rossosh", C.CARS_TOTAL: 40},
            {C.ID: "nowhere", C.ORIGIN: "Qwertyuiop", C.DESTINATION: "Rossosh"},
            {C.ID: "no-dest", C.ORIGIN: "Slonim"},
        ],
        net,
    )
    assert routes.loc[1, "problem"] == C.ROUTE_FLAGS["origin_unresolved"]
    assert routes.loc[2, "problem"] == C.ROUTE_FLAGS["no_destination"]
    G = corridor_graph(ships, routes, net)
    assert G.graph["routed"] == ["good"]
    assert [u.split(":")[0] for u in G.graph["unrouted"]] == ["nowhere", "no-dest"]
    assert G.number_of_edges() > 0


def test_graphml_stringifies_lists_and_dates(net, seed, tmp_path):
    G = route_graph(seed, net)
    out = to_graphml(G, tmp_path / "corridors.graphml")
    H = nx.read_graphml(out)
    assert H.number_of_edges() == G.number_of_edges()
    u, v = next(iter(G.edges))
    assert H.edges[u, v]["route_ids"] == "; ".join(G.edges[u, v]["route_ids"])
    assert H.edges[u, v]["route_trains"] == "; ".join(map(str, G.edges[u, v]["route_trains"]))
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
    assert isinstance(line["properties"]["route_ids"], list)
    assert sum(line["properties"]["route_trains"]) >= 1
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


def test_a_station_both_origin_and_destination_says_so_once(net):
    ships, routes = routed(
        [
            {C.ID: "out", C.ORIGIN: "Slonim", C.DESTINATION: "Rossosh"},
            {C.ID: "back", C.ORIGIN: "Rossosh", C.DESTINATION: "Slonim"},
            {C.ID: "again", C.ORIGIN: "Slonim", C.DESTINATION: "Rossosh"},
        ],
        net,
    )
    G = corridor_graph(ships, routes, net)
    ends = {routes.loc[0, "stations"][0], routes.loc[0, "stations"][-1]}
    assert {G.nodes[n]["role"] for n in ends} == {"origin; destination"}
    assert all(G.nodes[n]["trains"] == 3 for n in ends)


# --- per-edge ids ---------------------------------------------------------------------------


def test_edges_passed_by_the_same_routes_share_one_id_sequence(net):
    G = graph_of(
        [
            {C.ID: "a", C.ORIGIN: "Slonim", C.DESTINATION: "Matveev Kurgan"},
            {C.ID: "b", C.ORIGIN: "Slonim", C.DESTINATION: "Matveev Kurgan"},
        ],
        net,
    )
    seqs = [d["route_ids"] for *_, d in G.edges(data=True)]
    assert len(seqs[0]) == 1  # one route, named once, with its two trains
    assert all(s == seqs[0] for s in seqs)
    assert len({id(s) for s in seqs}) == 1
    assert {d["route_trains"] for *_, d in G.edges(data=True)} == {(2,)}


def test_exports_write_edge_routes_as_lists(tmp_path):
    G = nx.DiGraph()
    G.add_node("a", lat=52.0, lon=26.0)
    G.add_node("b", lat=53.0, lon=27.0)
    G.add_edge("a", "b", route_ids=("r1", "r2"), route_trains=(3, 1))
    H = nx.read_graphml(to_graphml(G, tmp_path / "g.graphml"))
    assert H.edges["a", "b"]["route_ids"] == "r1; r2"
    assert H.edges["a", "b"]["route_trains"] == "3; 1"
    props = to_geojson(G)["features"][0]["properties"]
    assert (props["route_ids"], props["route_trains"]) == (["r1", "r2"], [3, 1])
    json.loads(write_geojson(G, tmp_path / "g.geojson").read_text(encoding="utf-8"))


# --- equivalence with a train-by-train oracle on random small inputs -----------------------

# A small two-country network with a loop, so that routes share segments both ways.
TOY = nx.Graph()
for i, node in enumerate("abcdefgh"):
    TOY.add_node(
        node, name=node.upper(), lat=50.0 + i, lon=30.0 + i, country="BY" if i < 3 else "RU"
    )
for k, (u, v) in enumerate(
    ["ab", "bc", "cd", "de", "ef", "fg", "gh", "be", "cf", "ah", "dg"]
):  # fmt: skip
    TOY.add_edge(u, v, length_km=10.0 + k, line=f"L{k}")
DAYS = [None, "2023-03-01", "2023-03-05", "2023-02-27", "2023-03-09"]


@st.composite
def walks(draw: st.DrawFn) -> list[str]:
    """A random walk on TOY: may turn back, so pass a segment twice."""
    path = [draw(st.sampled_from(sorted(TOY)))]
    for choice in draw(st.lists(st.integers(0, 5), max_size=6)):
        neighbours = sorted(TOY[path[-1]])
        path.append(neighbours[choice % len(neighbours)])
    return path


@st.composite
def toy_inputs(draw: st.DrawFn) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Shipments, groups and routes on TOY: shared, reversed and single-station routes,
    unrouted trains, missing dates, and groups whose unsplit cars ride diverging trains.
    """
    pool = draw(st.lists(walks(), min_size=1, max_size=4))
    pool += [path[::-1] for path in pool if draw(st.booleans())]
    n = draw(st.integers(1, 12))
    ships, routes = [], []
    for i in range(n):
        sid = f"t{i}"
        pick = draw(st.integers(-1, len(pool) - 1))  # -1: no route
        stations = None
        if pick >= 0:  # the shared list, or an equal copy of it
            stations = pool[pick] if draw(st.booleans()) else list(pool[pick])
        ships.append(
            {
                C.ID: sid,
                C.GROUP: draw(st.sampled_from([None, "g0", "g1", "g2"])),
                C.CARS_TOTAL: draw(st.sampled_from([None, None, 0, 12, 40])),
                C.DEPARTURE_EARLIEST: draw(st.sampled_from(DAYS)),
                C.ARRIVAL_EARLIEST: draw(st.sampled_from(DAYS)),
                C.PUBLISHED: draw(st.sampled_from(DAYS)),
            }
        )
        if pick >= 0 or draw(st.booleans()):  # an unrouted train may lack a routes row
            problem = None if stations else "no route found"
            routes.append({C.ID: sid, "stations": stations, "problem": problem,
                           "origin_basis": "station" if stations else None})  # fmt: skip
    routes = draw(st.permutations(routes))
    groups = [
        {C.ID: gid, C.CARS_TOTAL: draw(st.sampled_from([None, 30, 86, 200])),
         C.N_TRAINS: draw(st.sampled_from([None, 1, 2, 5]))}
        for gid in ("g0", "g1", "g2")
    ]  # fmt: skip
    return (
        frame(ships),
        pd.DataFrame(groups).reindex(columns=list(C.GROUP_COLUMNS)),
        pd.DataFrame(routes, columns=list(ROUTE_COLUMNS)),
    )


def count(value: Any) -> int | None:
    return None if value is None or pd.isna(value) else int(value)


# Over the C901 cap: an oracle, written as one plain train-by-train walk on purpose.
def reference_graph(ships: pd.DataFrame, groups: pd.DataFrame, routes: pd.DataFrame) -> nx.DiGraph:  # noqa: C901
    """Oracle: walk each train's path segment by segment, as the first implementation did."""
    info = {r[C.ID]: r for r in routes.to_dict("records")}
    H = nx.DiGraph(crs="EPSG:4326", routed=[], unrouted=[], origin_basis={})
    nodes: dict[str, dict[str, Any]] = {}
    edges: dict[tuple[str, str], dict[str, Any]] = {}
    edge_sets: dict[str, set[tuple[str, str]]] = {}
    for row in ships.to_dict("records"):
        sid, r = row[C.ID], info.get(row[C.ID], {})
        stations = r.get("stations")
        if not isinstance(stations, list):
            H.graph["unrouted"].append(f"{sid}: {r.get('problem') or 'not routed'}")
            continue
        H.graph["routed"].append(sid)
        H.graph["origin_basis"][sid] = r["origin_basis"]
        days = [row[c] for c in (C.DEPARTURE_EARLIEST, C.ARRIVAL_EARLIEST, C.PUBLISHED)]
        day = next((date.fromisoformat(d) for d in days if isinstance(d, str)), None)
        for pos, node in enumerate(stations):
            attrs = nodes.setdefault(node, {**TOY.nodes[node], "trains": 0, "ends": set()})
            attrs["trains"] += 1
            if pos == 0:
                attrs["ends"].add("origin")
            elif pos == len(stations) - 1:
                attrs["ends"].add("destination")
        edge_sets[sid] = set(itertools.pairwise(stations))
        for u, v in itertools.pairwise(stations):
            e = edges.setdefault((u, v), {
                "length_km": TOY.edges[u, v]["length_km"], "line": TOY.edges[u, v]["line"],
                "border": TOY.nodes[u]["country"] != TOY.nodes[v]["country"], "trains": 0,
                "cars": 0, "cars_unallocated": 0, "first_date": None, "last_date": None,
                "routes": {},
            })  # fmt: skip
            e["trains"] += 1
            e["cars"] += count(row[C.CARS_TOTAL]) or 0
            if day is not None:
                e["first_date"] = min(e["first_date"] or day, day)
                e["last_date"] = max(e["last_date"] or day, day)
        rid = route_id(stations)
        for edge in dict.fromkeys(itertools.pairwise(stations)):  # each route once per edge
            on_edge = edges[edge]["routes"]
            on_edge[rid] = on_edge.get(rid, 0) + 1
    for grp in groups.to_dict("records"):
        members = [r for r in ships.to_dict("records") if r[C.GROUP] == grp[C.ID]]
        total = count(grp[C.CARS_TOTAL])
        if total is None or not members:
            continue
        own = [count(r[C.CARS_TOTAL]) for r in members]
        rest = max(total - sum(c or 0 for c in own), 0)
        # the trains without a count of their own hold the rest; if all have one, all do
        holders = [r[C.ID] for r, c in zip(members, own, strict=True) if c is None] or [
            r[C.ID] for r in members
        ]
        listed = count(grp[C.N_TRAINS]) or len(members)
        if not rest or not holders:
            continue
        routed = [h for h in holders if h in edge_sets]
        certain = len(routed) == len(holders) and listed <= len(members)
        for edge in set().union(*(edge_sets[h] for h in routed)):
            everyone = certain and all(edge in edge_sets[h] for h in holders)
            edges[edge]["cars" if everyone else "cars_unallocated"] += rest
    for node, attrs in nodes.items():
        ends = attrs.pop("ends")
        role = "; ".join(e for e in ("origin", "destination") if e in ends) or "via"
        H.add_node(node, **attrs, role=role)
    H.add_edges_from((u, v, attrs) for (u, v), attrs in edges.items())
    return H


def _routes_as_dict(d: dict[str, Any]) -> dict[str, Any]:
    """An edge's attributes with ``route_ids`` and ``route_trains`` as one route -> trains dict."""
    out = {k: x for k, x in d.items() if k not in ("route_ids", "route_trains")}
    if "route_ids" in d:
        out["routes"] = dict(zip(d["route_ids"], d["route_trains"], strict=True))
    return out


def snapshot(G: nx.DiGraph) -> Any:
    """The graph's attributes, nodes and edges in order, with plain lists of ids."""
    edges = [(u, v, _routes_as_dict(d)) for u, v, d in G.edges(data=True)]
    return dict(G.graph), list(G.nodes(data=True)), edges


@settings(max_examples=150, deadline=None)
@given(toy_inputs())
def test_route_graph_matches_a_train_by_train_walk(inputs):
    ships, groups, routes = inputs
    G = corridor_graph(ships, routes, SimpleNamespace(G=TOY), groups=groups)
    want = snapshot(reference_graph(ships, groups, routes))
    got = snapshot(G)
    assert got[0] == want[0]
    assert got[1] == want[1]  # the same nodes with the same attributes, in the same order
    assert got[2] == want[2]  # the same edges with the same attributes, in the same order
    for *_, d in G.edges(data=True):
        assert isinstance(d["trains"], int)
        assert isinstance(d["cars"], int)

"""Tests for railtrack.routing through RailNetwork.route and friends."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import networkx as nx
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from railtrack import columns as C
from railtrack import load_network
from railtrack.cli import app
from railtrack.errors import NetworkError, NoRoute, StationNotFound
from railtrack.network import RailNetwork
from railtrack.routing import Route

runner = CliRunner()


@pytest.fixture(scope="module")
def net() -> RailNetwork:
    """The theatre network alone: its stations and routes are known by hand."""
    return load_network(national=False)


@pytest.fixture(scope="module")
def split(tests_data: Path) -> RailNetwork:
    return load_network(tests_data / "network" / "split")


def edge_sum(G: nx.Graph, stations: tuple[str, ...]) -> float:
    """The route's cost worked out from the edges, not from the code under test."""
    return sum(G.edges[u, v]["length_km"] for u, v in itertools.pairwise(stations))


def assert_valid(G: nx.Graph, route: Route) -> None:
    for u, v in itertools.pairwise(route.stations):
        assert G.has_edge(u, v), (u, v)
    assert route.length_km == pytest.approx(edge_sum(G, route.stations))
    assert route.names == tuple(G.nodes[n]["name"] for n in route.stations)
    assert route.origin == route.stations[0]
    assert route.destination == route.stations[-1]
    assert len(route.geometry) == len(route.stations)


# --- the case -------------------------------------------------------------------
def test_slonim_to_matveev_kurgan_crosses_one_border(net: RailNetwork) -> None:
    (route,) = net.route("Slonim", "Matveev Kurgan")
    assert_valid(net.G, route)
    assert route.origin == "BY-SLONIM"
    assert route.destination == "511103"
    assert len(route.border_crossings) == 1
    (crossing,) = route.border_crossings
    assert crossing in {"Osinovka–Krasnoye", "Zaolsha–Rudnya", "Zakopytye–Zlynka"}
    assert route.length_km == pytest.approx(
        nx.dijkstra_path_length(net.G, "BY-SLONIM", "511103", weight="length_km")
    )


@pytest.mark.ru_rail
def test_russian_leg_agrees_with_ru_rail(net: RailNetwork, ru_rail_dir: Path) -> None:
    """The trip from the border into Russia, on the theatre network and on ru-rail."""
    ru = load_network(ru_rail_dir)
    (route,) = net.route("Slonim", "Matveev Kurgan")
    border = next(
        i for i, s in enumerate(route.stations) if net.G.nodes[s]["country"] == "RU"
    )  # first Russian station: the RU side of the crossing
    theatre_km = edge_sum(net.G, route.stations[border:])
    ru_border = ru.resolve(net.G.nodes[route.stations[border]]["name_ru"])
    assert ru_border.resolved, ru_border
    (ru_route,) = ru.route(ru_border.station_id, "Матвеев Курган")
    assert ru_route.destination == "511103"
    assert theatre_km == pytest.approx(ru_route.length_km, rel=0.15)


# --- k shortest, via, regions -------------------------------------------------------------
def test_k_shortest_are_distinct_and_sorted(net: RailNetwork) -> None:
    routes = net.route("Slonim", "Matveev Kurgan", k=4)
    assert len(routes) == 4
    assert len({r.stations for r in routes}) == 4
    lengths = [r.length_km for r in routes]
    assert lengths == sorted(lengths)
    oracle = list(
        itertools.islice(
            nx.shortest_simple_paths(net.G, "BY-SLONIM", "511103", weight="length_km"), 4
        )
    )
    assert lengths == pytest.approx([edge_sum(net.G, tuple(p)) for p in oracle])
    for r in routes:
        assert_valid(net.G, r)


def test_via_point(net: RailNetwork) -> None:
    (direct,) = net.route("Slonim", "Matveev Kurgan")
    (via,) = net.route("Slonim", "Matveev Kurgan", via="Orsha")
    assert "BY-ORSHA" in via.stations
    assert via.length_km >= direct.length_km
    assert_valid(net.G, via)
    i = via.stations.index("BY-ORSHA")
    assert edge_sum(net.G, via.stations[: i + 1]) == pytest.approx(
        nx.dijkstra_path_length(net.G, "BY-SLONIM", "BY-ORSHA", weight="length_km")
    )
    # two via points, in order
    (two,) = net.route("Brest", "Rossosh", via=["Minsk", "Smolensk"])
    assert two.stations.index("BY-MINSK") < two.stations.index("RU-SMOLENSK")


def test_via_region_is_rejected(net: RailNetwork) -> None:
    with pytest.raises(NetworkError, match="via point 'Belarus' is a region"):
        net.route("Smolensk", "Rossosh", via="Belarus")


def test_region_origin_uses_report_stations(net: RailNetwork) -> None:
    belarus = net.resolve("Belarus")
    routes = net.route("Belarus", "Matveev Kurgan", k=2)
    assert routes[0].origin in belarus.report_stations
    assert routes[0].origin_query == "Belarus"
    each = net.routes_from_each("Belarus", "Matveev Kurgan")
    assert {r.origin for r in each} == set(belarus.report_stations)
    assert [r.length_km for r in each] == sorted(r.length_km for r in each)
    assert routes[0].length_km == pytest.approx(each[0].length_km)
    for r in each:
        assert_valid(net.G, r)


def test_region_destination(net: RailNetwork) -> None:
    (route,) = net.route("Slonim", "Donbas")
    assert route.destination in net.resolve("Donbas").report_stations
    assert "Uspenskaya–Kvashyne" in route.border_crossings


def test_routes_from_each_station_origin(net: RailNetwork) -> None:
    (only,) = net.routes_from_each("Slonim", "Rossosh")
    assert only.origin == "BY-SLONIM"


def test_same_origin_and_destination(net: RailNetwork) -> None:
    (route,) = net.route("Gomel", "Homel")
    assert route.stations == ("BY-GOMEL",)
    assert route.length_km == 0


# --- errors ------------------------------------------------------------------------------
def test_unknown_name_raises_with_candidates(net: RailNetwork) -> None:
    with pytest.raises(StationNotFound, match="'Xyzzyville' not resolved; nearest") as info:
        net.route("Xyzzyville", "Matveev Kurgan")
    assert info.value.candidates


def test_unreachable_names_both_ends(split: RailNetwork) -> None:
    with pytest.raises(NoRoute, match=r"'Westend' \[Westend \(1001\)\].*'Ostrovia' \[Ostrovia"):
        split.route("Westend", "Ostrovia")
    with pytest.raises(NoRoute, match="Lonely"):
        split.route("Lonely", "Eastend", k=2)


def test_region_without_stations(split: RailNetwork) -> None:
    with pytest.raises(NoRoute, match=r"region 'Donbas'.*has no stations"):
        split.route("Donbas", "Westend")


def test_bad_k(net: RailNetwork) -> None:
    with pytest.raises(NetworkError, match="k must be at least 1"):
        net.route("Slonim", "Lida", k=0)


def test_border_crossing_on_small_network(split: RailNetwork) -> None:
    (route,) = split.route("Westend", "Eastend")
    assert route.border_crossings == ("Midway–Eastend",)
    assert route.length_km == 78


# --- batches ----------------------------------------------------------------------------------
def test_route_lengths_match_single_routes(net: RailNetwork) -> None:
    pairs = [
        ("Slonim", "Matveev Kurgan"),
        ("Polonka", "Matveev Kurgan"),
        ("Chepino", "Rossosh"),
        ("Slonim", "Neklinovka"),
        ("Xyzzyville", "Neklinovka"),
        ("Belarus", "Neklinovka"),
    ]
    df = net.route_lengths(pairs)
    assert tuple(df.columns) == C.ROUTE_LENGTH_COLUMNS
    assert len(df) == len(pairs)
    for (o, d), row in zip(pairs[:4], df.itertuples(index=False), strict=False):
        (r,) = net.route(o, d)
        assert row.length_km == pytest.approx(r.length_km)
        assert row.n_stations == len(r.stations)
        assert (row.origin, row.destination) == (r.origin, r.destination)
    assert np.isnan(df[C.LENGTH_KM].iloc[4])
    assert df[C.N_STATIONS].isna().iloc[4]
    assert np.isnan(df[C.LENGTH_KM].iloc[5])  # a region is not one station


def test_route_lengths_unreachable(split: RailNetwork) -> None:
    df = split.route_lengths([("Westend", "Ostrovia"), ("Westend", "Eastend")])
    assert np.isnan(df[C.LENGTH_KM].iloc[0])
    assert df[C.LENGTH_KM].iloc[1] == 78


def test_routes_between_matches_single_routes(net: RailNetwork) -> None:
    nodes = sorted(net.G)
    # Few destinations and many origins, then the reverse: both search sides are used.
    many_to_few = [(u, v) for u in nodes[::7] for v in nodes[:2]]
    few_to_many = [(v, u) for u, v in many_to_few]
    for pairs in (many_to_few, few_to_many, [*many_to_few, *many_to_few]):
        found = net.routes_between(pairs)
        assert set(found) == set(pairs)
        for (u, v), route in found.items():
            assert route is not None
            assert_valid(net.G, route)
            (single,) = net.route(u, v)
            assert (route.origin, route.destination) == (u, v)
            assert route.length_km == pytest.approx(single.length_km)


def test_routes_between_gives_none_without_a_path_and_refuses_unknown_ids(
    split: RailNetwork,
) -> None:
    west, island, east = (split.resolve(n).station_id for n in ("Westend", "Ostrovia", "Eastend"))
    found = split.routes_between([(west, island), (west, east), (east, east)])
    assert found[(west, island)] is None
    assert found[(west, east)].length_km == 78
    assert found[(east, east)].stations == (east,)
    with pytest.raises(StationNotFound):
        split.routes_between([(west, "no-such-id")])
    streamed = dict(split.iter_routes_between([(west, east)]))
    assert streamed[(west, east)] == found[(west, east)]


# --- invariants --------------------------------------------------------------------------------
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.data())
def test_route_cost_is_sum_of_edges_and_shortest(net: RailNetwork, data) -> None:
    nodes = sorted(net.G)
    a = data.draw(st.sampled_from(nodes))
    b = data.draw(st.sampled_from(nodes))
    (route,) = net.route(a, b)
    assert route.length_km == pytest.approx(edge_sum(net.G, route.stations))
    assert route.length_km == pytest.approx(
        nx.dijkstra_path_length(net.G, a, b, weight="length_km")
    )
    (back,) = net.route(b, a)
    assert back.length_km == pytest.approx(route.length_km)


@pytest.mark.ru_rail
def test_ru_rail_between_components_is_no_route(ru_rail_dir: Path) -> None:
    ru = load_network(ru_rail_dir)
    small = min(ru.components, key=len)
    far = sorted(small)[0]
    with pytest.raises(NoRoute, match=f"'{far}'.*'511103'"):
        ru.route(far, "511103")


# --- CLI ------------------------------------------------------------------------------------------
def test_cli_route_json() -> None:
    result = runner.invoke(app, ["route", "Slonim", "Matveev Kurgan", "--k", "2", "--json"])
    assert result.exit_code == 0, result.output
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(docs) == 2
    assert docs[0]["stations"][0] == "BY-SLONIM"
    assert docs[0]["stations"][-1] == "511103"
    assert docs[0]["length_km"] <= docs[1]["length_km"]
    assert len(docs[0]["border_crossings"]) == 1


def test_cli_route_text_with_via() -> None:
    result = runner.invoke(app, ["route", "Belarus", "Neklinovka", "--via", "Smolensk"])
    assert result.exit_code == 0, result.output
    assert "Smolensk-Tsentralny" in result.stdout
    assert "border crossings" in result.stdout


def test_cli_route_unknown_exits_1() -> None:
    result = runner.invoke(app, ["route", "Xyzzyville", "Rossosh"])
    assert result.exit_code == 1
    assert "not resolved" in result.stderr


def test_cli_route_help_has_example() -> None:
    result = runner.invoke(app, ["route", "--help"])
    assert result.exit_code == 0
    assert "Example: railtrack route" in result.stdout


def test_zero_length_links_at_the_origin(tests_data: Path) -> None:
    # X was placed on P (0 km link): the tree's root must still have no parent.
    sparse = load_network(tests_data / "network" / "sparse")
    assert sparse.G.edges["P", "X"]["length_km"] == 0
    (route,) = sparse.route("X-ray", "Quebec")
    assert route.stations == ("X", "Y", "Q")
    (back,) = sparse.route("Papa", "X-ray")
    assert back.stations in {("P", "X")}
    assert sparse.route_lengths([("X-ray", "Quebec")])[C.N_STATIONS].item() == 3

"""Batch checks of the route and summary steps equal the station-by-station rules (issue 20).

:class:`railtrack._passes.DestinationPasses` answers, for many routes at once, what
:func:`railtrack.routing.passed_destination` answers station by station; the rule
itself is the oracle here.
"""

from __future__ import annotations

import itertools
from typing import Any

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from railtrack import load_network
from railtrack._passes import DestinationPasses
from railtrack.network import RailNetwork
from railtrack.routing import Route, passed_destination, route_from_path
from railtrack.settings import Settings


def _path_graph(
    points: list[tuple[float, float] | None], lengths: list[float], *, extra: float
) -> tuple[nx.Graph, Route]:
    """A path 0..n-1 with these points and edge lengths; the route's length adds ``extra``."""
    G = nx.Graph()
    for i, p in enumerate(points):
        G.add_node(str(i), name=f"s{i}", **({} if p is None else {"lat": p[0], "lon": p[1]}))
    for i, km in enumerate(lengths):
        G.add_edge(str(i), str(i + 1), length_km=km)
    path = [str(i) for i in range(len(points))]
    route = route_from_path(G, path, length_km=sum(lengths) + extra)
    return G, route


# points within about 15 km of the end (50.0, 36.0): some inside the 5 km, some not
_POINT = st.one_of(
    st.none(),
    st.tuples(st.floats(49.87, 50.13, allow_nan=False), st.floats(35.8, 36.2, allow_nan=False)),
)


@settings(max_examples=300, deadline=None)
@given(
    points=st.lists(_POINT, min_size=1, max_size=12),
    lengths=st.lists(st.floats(0.0, 60.0, allow_nan=False), min_size=12, max_size=12),
    extra=st.sampled_from([0.0, 0.1, -0.1, 25.0]),
    near=st.sampled_from([5.0, 2.0, 12.0]),
)
def test_equals_the_rule_on_drawn_paths(
    points: list[tuple[float, float] | None], lengths: list[float], extra: float, near: float
) -> None:
    points = [*points, (50.0, 36.0)]  # the destination, with its point
    G, route = _path_graph(points, lengths[: len(points) - 1], extra=extra)
    s = Settings(route_passes_destination_km=near)
    expected = passed_destination(G, route, s) is not None
    assert DestinationPasses(G, s)([route]) == [expected]


def test_a_station_at_exactly_the_distance_counts_as_the_rule_counts_it() -> None:
    # the same floats the rule reads: the threshold set to the rule's own distance
    from railtrack.network import haversine_km

    G, route = _path_graph([(51.0, 36.0), (50.03, 36.01), (50.5, 36.0), (50.0, 36.0)],
                           [100.0, 60.0, 60.0], extra=0.0)  # fmt: skip
    km = haversine_km(50.03, 36.01, 50.0, 36.0)
    for near in (km, km - 1e-12, float(km * (1 + 1e-15))):
        s = Settings(route_passes_destination_km=near)
        assert DestinationPasses(G, s)([route]) == [passed_destination(G, route, s) is not None]
    assert DestinationPasses(G, Settings(route_passes_destination_km=km))([route]) == [True]


def test_the_length_left_is_the_rule_s_at_the_threshold() -> None:
    # rest after the near station is exactly 4 km + 20: not "more than", so no flag
    G, route = _path_graph([(51.0, 36.0), (50.0, 36.0), (50.5, 36.0), (50.0, 36.0)],
                           [100.0, 10.0, 10.0], extra=0.0)  # fmt: skip
    # the second station is the destination's point (0 km): rest 20.0 is not > 20.0
    assert passed_destination(G, route) is None
    assert DestinationPasses(G)([route]) == [False]
    G, longer = _path_graph([(51.0, 36.0), (50.0, 36.0), (50.5, 36.0), (50.0, 36.0)],
                            [100.0, 10.0, 10.0], extra=1e-9)  # fmt: skip
    assert passed_destination(G, longer) is not None
    assert DestinationPasses(G)([longer]) == [True]


def test_a_destination_without_a_point_or_a_short_route_is_never_flagged() -> None:
    G, route = _path_graph([(51.0, 36.0), (50.0, 36.0), None], [100.0, 40.0], extra=0.0)
    assert DestinationPasses(G)([route]) == [False]
    G, short = _path_graph([(50.0, 36.0), (50.0, 36.0)], [40.0], extra=0.0)
    assert DestinationPasses(G)([short]) == [False]


def test_a_station_off_the_graph_gets_the_rule_s_own_answer() -> None:
    G, route = _path_graph([(51.0, 36.0), (50.01, 36.0), (50.5, 36.0), (50.0, 36.0)],
                           [100.0, 40.0, 40.0], extra=0.0)  # fmt: skip
    G.remove_node("0")  # the first station (the rule reads no node of it)
    expected = passed_destination(G, route) is not None
    assert DestinationPasses(G)([route]) == [expected]


def _routes_of(net: RailNetwork, n: int) -> list[Route]:
    stations = sorted(s for s in net.G if net.G.nodes[s].get("lat") is not None)
    step = max(1, len(stations) // n)
    ends = stations[::step][:n]
    pairs = [(a, b) for a, b in itertools.product(ends, ends) if a != b]
    return [r for _, r in net.iter_routes_between(pairs) if r is not None]


def test_equals_the_rule_on_the_default_network() -> None:
    net = load_network()
    routes = _routes_of(net, 25)
    assert len(routes) > 300
    expected = [passed_destination(net.G, r, net.settings) is not None for r in routes]
    assert net.passes_destination(routes) == expected


@pytest.mark.ru_rail
def test_equals_the_rule_on_ru_rail(ru_rail_network: RailNetwork) -> None:
    net = ru_rail_network
    routes = _routes_of(net, 30)
    kursk_belgorod = net.route("Курск", "Белгород")[0]
    routes.append(kursk_belgorod)
    expected = [passed_destination(net.G, r, net.settings) is not None for r in routes]
    assert expected[-1]
    assert sum(expected) >= 1
    assert net.passes_destination(routes) == expected


def _plain_directed(
    stations: Any,
    names: dict[str, str],
    countries: dict[str, Any],
    points: dict[str, tuple[float, float] | None],
) -> list[tuple[str, str]]:
    """``labels._directed`` as it was: every station's name, country and point read."""
    from railtrack.labels import CROSSING_SEPARATOR, crossing_pair
    from railtrack.routing import crossing_label

    if stations is None or isinstance(stations, float | str):
        return []
    path = list(stations)
    path_names = [names.get(n, n) for n in path]
    path_countries = [countries.get(n) or "" for n in path]
    path_points = [points.get(n) for n in path]
    out = []
    for i, (cu, cv) in enumerate(itertools.pairwise(path_countries)):
        if not cu or not cv or cu == cv:
            continue
        label = crossing_label(path_names, path_countries, i, path_points)
        if " border" in label:
            way = f"{cu} → {cv}"
        else:
            a, _, b = label.partition(CROSSING_SEPARATOR)
            way = f"{a} → {b}"
        out.append((crossing_pair(label), way))
    return out


_ID = st.sampled_from([f"n{i}" for i in range(8)])


@settings(max_examples=300, deadline=None)
@given(
    path=st.lists(_ID, max_size=14),
    countries=st.dictionaries(_ID, st.sampled_from(["BY", "RU", "UA", "", None])),
    names=st.dictionaries(_ID, st.sampled_from(["Orsha", "track near Krychaw", "Zlynka"])),
    points=st.dictionaries(
        _ID, st.one_of(st.none(), st.tuples(st.floats(30, 32), st.floats(53, 55)))
    ),
)
def test_crossing_directions_of_a_route_equal_the_station_by_station_reading(
    path: list[str],
    countries: dict[str, Any],
    names: dict[str, str],
    points: dict[str, tuple[float, float] | None],
) -> None:
    from railtrack.labels import _directed

    for stations in (path, tuple(path), None, float("nan")):
        assert _directed(stations, names, countries, points) == _plain_directed(
            stations, names, countries, points
        )

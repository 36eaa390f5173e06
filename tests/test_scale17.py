"""Session 17's speed changes to ``railtrack track`` at national scale (issue 20).

Each faster path is held to the code it replaced on small inputs: the same values,
and the same page and files.
"""

from __future__ import annotations

import itertools
from typing import Any

import networkx as nx
import pytest

from railtrack import briefing_html


def _plain_route_cells(
    stations: list[str], G: Any, label: str, crossings: str = ""
) -> tuple[str, str]:
    """The route cells as written before: a node-view look-up per station pair."""
    if len(stations) < 2:
        return "", ""

    def name(node: str) -> str:
        return str(G.nodes[node].get("name") or node) if node in G else node

    short = [name(stations[0])]
    named = [c for c in crossings.split("; ") if c and c not in ("none", "unknown")]
    if named:
        short.extend(named)
    else:
        for u, v in itertools.pairwise(stations):
            if u in G and v in G and G.nodes[u].get("country") != G.nodes[v].get("country"):
                short.append(f"{name(u)}–{name(v)}")
    short.append(name(stations[-1]))
    return " → ".join(short), label or " → ".join(name(s) for s in stations)


def _graph() -> nx.Graph:
    G = nx.Graph()
    G.add_node("a", name="Орша", country="BY")
    G.add_node("b", name="Krasnoye", country="RU")
    G.add_node("c", country="RU")  # no name
    G.add_node("d", name="Smolensk")  # no country
    G.add_node("e", name="Osinovka", country="BY")
    G.add_node("f", name="Vyazma", country=None)  # a country of None, as none told
    G.add_edges_from([("a", "b"), ("b", "c"), ("c", "d"), ("d", "e"), ("e", "f")])
    return G


_ROUTES = [
    [],
    ["a"],
    ["a", "b"],
    ["a", "b", "c", "d", "e", "f"],
    ["c", "d", "f"],  # into and out of a node without a country
    ["x", "a", "b", "y"],  # stations the graph does not hold
    ["a", "x", "b"],
    ["b", "c"],  # one country: no crossing
    ["d", "f"],  # None beside a missing attribute: the same
    ["e", "a", "b", "e"],
]


@pytest.mark.parametrize("stations", _ROUTES)
@pytest.mark.parametrize("crossings", ["", "none", "unknown", "Osinovka–Krasnoye", "none; "])
@pytest.mark.parametrize("label", ["", "Орша → Krasnoye"])
def test_route_cells_with_countries_read_once_equal_the_node_look_ups(
    stations: list[str], crossings: str, label: str
) -> None:
    """Each station's country read from one dict gives the cells of a look-up per pair."""
    G = _graph()
    plain = _plain_route_cells(stations, G, label, crossings)
    countries = briefing_html._node_countries(G)
    assert briefing_html._route_cells(stations, G, label, crossings, countries) == plain
    assert briefing_html._route_cells(stations, G, label, crossings) == plain  # read here


def test_node_countries_name_every_node() -> None:
    """Every node is a key, with None where it has no country (as ``.get`` gives)."""
    G = _graph()
    countries = briefing_html._node_countries(G)
    assert set(countries) == set(G.nodes)
    assert countries["d"] is None
    assert countries["f"] is None
    assert countries["a"] == "BY"

"""The Dask engine's partial summaries and corridor sums, merged, equal the one-machine tables.

No cluster here: the partition functions are plain pandas, run on the default
engine's tables cut into partitions (as the engine's partitions in load order) and
with the groups spread over shuffle partitions by a hash of their id, as the
engine's group shuffle does. ``test_dask_track.py`` runs them on a cluster.
"""

from __future__ import annotations

import itertools
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from railtrack import columns as C
from railtrack import data_path, load_network
from railtrack.dask_graph import corridors, graph_part
from railtrack.dask_summary import combine, group_part, remainder_partials, train_partials
from railtrack.dask_tasks import ROUTE_KEY, SEQ, group_key, route_key
from railtrack.io import load_reports
from railtrack.pipeline import SUMMARY_VIEWS, TrackResult, track
from railtrack.routegraph import corridor_graph
from railtrack.settings import DEFAULT_SETTINGS
from railtrack.summary import summarize_views


@pytest.fixture(scope="module")
def result() -> TrackResult:
    return track(load_reports(data_path("reports")), load_network())


def _tables(result: TrackResult) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    ships = result.shipments.assign(**{SEQ: np.arange(len(result.shipments))})
    ships[ROUTE_KEY] = route_key(ships)
    groups = result.groups.assign(**{SEQ: np.arange(len(result.groups))})
    return ships, groups, result.routes


def _cut(frame: pd.DataFrame, n: int) -> list[pd.DataFrame]:
    bounds = np.linspace(0, len(frame), n + 1).round().astype(int)
    return [frame.iloc[a:b] for a, b in itertools.pairwise(bounds)]


def _by_group(ships: pd.DataFrame, groups: pd.DataFrame, n: int) -> list[Any]:
    """Return (trains, groups) per shuffle partition, by a hash of the group id."""

    def part(values: pd.Series) -> np.ndarray:
        key = pd.Series(group_key(values).to_numpy(dtype=object), dtype=object)
        hashed: np.ndarray = pd.util.hash_pandas_object(key, index=False).to_numpy()
        return hashed % np.uint64(n)

    grouped = ships[ships[C.GROUP].notna()]
    at, where = part(grouped[C.GROUP]), part(groups[C.ID])
    return [(grouped[at == i], groups[where == i]) for i in range(n)]


@pytest.mark.parametrize(("n_parts", "n_shuffle"), [(1, 1), (3, 2), (7, 5)])
def test_partials_merged_equal_the_summaries(
    result: TrackResult, n_parts: int, n_shuffle: int
) -> None:
    ships, groups, routes = _tables(result)
    expected = summarize_views(result.shipments, SUMMARY_VIEWS, groups=result.groups, routes=routes)
    partials = [train_partials(p, routes, SUMMARY_VIEWS, "W") for p in _cut(ships, n_parts)]
    found = [
        group_part(s, g, routes, SUMMARY_VIEWS, "W") for s, g in _by_group(ships, groups, n_shuffle)
    ]
    rest = pd.concat([r for r, _, _ in found], ignore_index=True)
    assert len(rest)  # the embedded reports have group remainders
    last = remainder_partials(rest, SUMMARY_VIEWS)
    for name, keys in SUMMARY_VIEWS.items():
        table = combine([p[name] for p in partials] + [last[name]], keys, DEFAULT_SETTINGS)
        pd.testing.assert_frame_equal(table, expected[name], check_dtype=False, obj=name)


def test_problems_keep_their_order() -> None:
    """A train naming an unknown group, and a group its trains overfill, are reported."""
    ships = pd.DataFrame(
        {
            "id": ["t1", "t2", "t3"],
            "group": ["g1", "g1", "nope"],
            "cars_total": [50, 60, 10],
            SEQ: [0, 1, 2],
            ROUTE_KEY: ["a", "b", "c"],
        }
    )
    groups = pd.DataFrame({"id": ["g1"], "n_trains": [2], "cars_total": [100], SEQ: [0]})
    rows, _, problems = group_part(ships, groups, None, {"total": ()}, "W")
    assert [(kind, seq) for kind, seq, _ in problems] == [(0, 2), (1, 0)]
    assert "group 'nope' is not among the groups" in problems[0][2]
    assert problems[1][2].startswith("group g1: its trains carry 110 cars_total")
    assert rows.empty  # nothing left to allocate, no unlisted train


def _graph_dict(G: nx.DiGraph) -> tuple[Any, ...]:
    return (
        sorted(G.edges(data=True)),
        dict(G.nodes(data=True)),
        G.graph["routed"],
        G.graph["unrouted"],
        G.graph["origin_basis"],
    )


@pytest.mark.parametrize(("n_parts", "n_shuffle"), [(1, 1), (4, 3)])
def test_corridor_sums_merged_equal_the_graph(
    result: TrackResult, n_parts: int, n_shuffle: int
) -> None:
    ships, groups, routes = _tables(result)
    net = result.network
    expected = corridor_graph(result.shipments, routes, net, groups=result.groups)
    parts = []
    for p in _cut(ships, n_parts):
        parts.append(graph_part(p, routes.set_index(C.ID).loc[p[C.ID]].reset_index()))
    found = [
        group_part(s, g, routes, SUMMARY_VIEWS, "W") for s, g in _by_group(ships, groups, n_shuffle)
    ]
    rest = pd.concat([r for r, _, _ in found], ignore_index=True)
    stations_of = dict(zip(ships[ROUTE_KEY], routes["stations"], strict=True))
    G = corridors(parts, rest, stations_of, net)
    assert _graph_dict(G) == _graph_dict(expected)
    assert any(d["cars_unallocated"] or d["cars"] for _, _, d in G.edges(data=True))

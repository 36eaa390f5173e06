"""The briefing and its files at national scale: bounded whatever the number of trains.

At 100,000 trains on 12,000 distinct routes the page listed every train (with its full
route) and drew every route with every train id in its popup (3.1 GB of memory while
building the map data), and ``summary_by_route.csv`` repeated each route's label of
thousands of characters. These tests shrink the limits so the embedded reports exceed
them, and check each kind of bound: the train table, the corridors drawn, the popups'
rows and ids, and the route labels written once.
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pandas as pd
import pytest

from railtrack import briefing_html, data_path, load_network, load_reports, route_files, webmap
from railtrack import columns as C
from railtrack.briefing import write_outputs
from railtrack.briefing_html import briefing_context, shown_trains
from railtrack.dating import BEST_DATE, best_dates
from railtrack.pipeline import TrackResult, track
from railtrack.route_files import (
    ROUTE_ELLIPSIS,
    route_ends,
    route_outline,
    summary_by_route_file,
)
from railtrack.webmap import map_data


@pytest.fixture(scope="module")
def result() -> TrackResult:
    return track(load_reports(data_path("reports")), load_network(), as_of="2023-03-20")


@pytest.fixture(scope="module")
def busy(tmp_path_factory: pytest.TempPathFactory) -> TrackResult:
    """Several trains on each of a few routes, one of them across the BY-RU border."""
    path = tmp_path_factory.mktemp("busy") / "trains.csv"
    rows = ["id,origin,destination,cars_total,source,published"]
    ends = [("Smolensk-Tsentralny", "Orsha-Tsentralnaya")] * 4
    ends += [("Orsha-Tsentralnaya", "Smolensk-Tsentralny")] * 2
    ends += [("Slonim", "Polonka")] * 3 + [("Rossosh", "Neklinovka")]
    for i, (origin, destination) in enumerate(ends):
        rows.append(f"b{i},{origin},{destination},{30 + i},Rail Watch,2023-03-{1 + i:02d}")
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return track(load_reports(path), load_network(), as_of="2023-03-20")


def _map(page: str) -> dict:
    return json.loads(page.split('id="rt-map-data">', 1)[1].split("</script>", 1)[0])


def test_the_train_table_lists_the_latest_trains_up_to_its_limit(
    result: TrackResult, monkeypatch: pytest.MonkeyPatch
) -> None:
    everyone = briefing_context(result, {})
    assert len(everyone["trains"]) == len(result.shipments)  # under the limit: all
    monkeypatch.setattr(briefing_html, "MAX_TRAIN_ROWS", 5)
    context = briefing_context(result, {})
    listed = [r["id"] for r in context["trains"]]
    assert len(listed) == 5
    assert context["n_trains"] == len(result.shipments)
    dates = best_dates(result.shipments, result.sightings).set_index(C.ID)[BEST_DATE]
    left_out = dates.drop(listed)
    assert dates[listed].min() >= left_out.max()  # the latest dated trains
    order = result.shipments[C.ID].astype(str).tolist()
    assert listed == [i for i in order if i in set(listed)]  # in input order
    # the rows shown are those the full table would show for the same trains
    full = {r["id"]: r for r in everyone["trains"]}
    assert all(r == full[r["id"]] for r in context["trains"])
    # what is said of every train does not depend on the table's limit
    for key in ("headline", "unrouted", "counted"):
        assert context[key] == everyone[key]


def test_the_page_says_how_many_trains_and_corridors_it_leaves_out(
    result: TrackResult, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(briefing_html, "MAX_TRAIN_ROWS", 3)
    monkeypatch.setattr(webmap, "MAX_MAP_CORRIDORS", 2)
    page = write_outputs(result, tmp_path)["report.html"].read_text(encoding="utf-8")
    n_routes = int(result.routes[C.STATIONS].notna().sum())
    assert f"The 3 trains with the latest dates of the {len(result.shipments)} reported" in page
    drawn = _map(page)["corridors"]
    assert len(drawn) == 2
    assert f"2 corridors drawn of {_map(page)['n_corridors']}" in page
    assert n_routes > 2
    # routes.geojson keeps every route, whatever the map draws
    geo = json.loads((tmp_path / "routes.geojson").read_text(encoding="utf-8"))
    assert len(geo["features"]) == len(pd.read_csv(tmp_path / "distinct_routes.csv"))
    assert sum(f["properties"]["trains"] for f in geo["features"]) == n_routes


def test_the_map_draws_the_corridors_with_the_most_cars(
    result: TrackResult, monkeypatch: pytest.MonkeyPatch
) -> None:
    every = map_data(result)["corridors"]
    monkeypatch.setattr(webmap, "MAX_MAP_CORRIDORS", 3)
    data = map_data(result)
    assert data["n_corridors"] == len(every) > 3
    cars = sorted((c["cars"] or 0 for c in every), reverse=True)
    assert sorted((c["cars"] or 0 for c in data["corridors"]), reverse=True) == cars[:3]
    widths = [c["width"] for c in data["corridors"]]
    assert widths == sorted(widths, reverse=True)


def test_popups_list_a_few_trains_and_count_the_rest(
    busy: TrackResult, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert busy.routes[C.STATIONS].notna().all()
    monkeypatch.setattr(webmap, "MAX_POPUP_ROWS", 1)
    monkeypatch.setattr(webmap, "MAX_POPUP_IDS", 1)
    data = map_data(busy)
    busy = [c for c in data["corridors"] if c["trains"] > 1]
    assert busy, "the embedded reports have a corridor of several trains"
    for corridor in data["corridors"]:
        popup = corridor["popup"]
        assert "ids" not in corridor  # never every train id in the page
        assert len(popup["rows"]) == 1
        if corridor["trains"] > 1:
            assert f"{corridor['trains'] - 1:,} more in routes.csv and status.csv" in popup["lines"]
    rows = [row for x in data["crossings"] for row in x["popup"]["rows"]]
    assert rows, "the embedded reports cross a border"
    assert {int(n) for _, n, _ in rows} <= {4, 2}  # each direction counted (one row shown)
    for _direction, n, ids in rows:
        named = ids.split(" and ")[0].split(", ")
        assert len(named) == 1
        assert ids.endswith(f"and {int(n) - 1:,} more")
    railheads = [r["popup"] for r in data["railheads"]]
    assert any("3 more in routes.csv and status.csv" in p["lines"] for p in railheads)


def test_shown_trains_puts_undated_trains_last() -> None:
    dates = pd.DataFrame(
        {"id": ["u", "old", "new"], BEST_DATE: pd.to_datetime([None, "2023-01-01", "2023-02-01"])}
    )
    assert shown_trains(dates, limit=1) == {"new"}
    assert shown_trains(dates, limit=2) == {"new", "old"}
    assert shown_trains(dates, limit=3) is None


def test_summary_by_route_names_routes_by_id_with_the_label_once(
    result: TrackResult, tmp_path: Path
) -> None:
    write_outputs(result, tmp_path)
    written = pd.read_csv(tmp_path / "summary_by_route.csv", dtype={C.ROUTE_ID: str})
    distinct = pd.read_csv(tmp_path / "distinct_routes.csv", dtype={C.ROUTE_ID: str})
    summary = result.summaries["by_route"]
    assert len(written) == len(summary)
    assert written["trains"].tolist() == summary["trains"].tolist()
    label_of = dict(zip(distinct[C.ROUTE_ID], distinct[C.ROUTE_LABEL], strict=True))
    for (rid, short), full in zip(
        written[[C.ROUTE_ID, C.ROUTE_LABEL]].itertuples(index=False),
        summary[C.ROUTE_LABEL],
        strict=True,
    ):
        if isinstance(rid, str):  # a route: its full label is in distinct_routes, once
            assert [label_of[i] for i in rid.split("; ")] == [full] * len(rid.split("; "))
            assert short == route_ends(full)
        else:  # unknown, unallocated: kept as they were
            assert short == full
    assert any(ROUTE_ELLIPSIS in str(s) for s in written[C.ROUTE_LABEL])


def test_summary_by_route_file_without_routes_keeps_the_labels() -> None:
    summary = pd.DataFrame({C.ROUTE_LABEL: ["A → B → C", "unknown"], C.TRAINS: [2, 1]})
    routes = pd.DataFrame({C.ID: ["t1"], C.ROUTE_LABEL: [None], C.STATIONS: [None]})
    table = summary_by_route_file(summary, routes)
    assert table[C.ROUTE_ID].isna().all()
    assert table[C.ROUTE_LABEL].tolist() == ["A → … → C", "unknown"]


def test_corridors_equal_the_plain_row_by_row_grouping(busy: TrackResult) -> None:
    """Each distinct path read once per shared list equals grouping every row's stations."""
    from railtrack.route_files import route_id
    from railtrack.webmap import _lat_lon, corridor_features

    plain: dict[tuple[str, ...], list[str]] = {}
    for row in busy.routes.to_dict("records"):
        stations = row["stations"]
        if isinstance(stations, list | tuple) and len(stations) >= 2:
            plain.setdefault(tuple(stations), []).append(str(row[C.ID]))
    G = busy.network.G
    got = {f["route_id"]: f for f in corridor_features(busy)}
    assert set(got) == {route_id(s) for s in plain}
    for stations, ids in plain.items():
        feature = got[route_id(stations)]
        assert feature["ids"] == ids
        assert feature["coords"] == [p for p in (_lat_lon(G, n) for n in stations) if p]
        cars = [int(c) for c in busy.shipments.set_index(C.ID).loc[ids, C.CARS_TOTAL]]
        assert feature["cars"] == sum(cars)


def test_shared_route_tuples_are_written_as_the_plain_conversion(tmp_path: Path) -> None:
    """GeoJSON and GraphML of edges sharing tuples equal the per-edge conversion."""
    import networkx as nx

    from railtrack import graph_export
    from railtrack.graph_export import _json_value_of, _plain, to_geojson, to_graphml

    G = nx.DiGraph()
    shared_ids, shared_trains = ("r1", "r2"), (3, 1)
    for k, (u, v) in enumerate([("a", "b"), ("b", "c"), ("c", "d")]):
        for n in (u, v):
            G.add_node(n, lat=52.0 + k, lon=26.0, name=n.upper())
        ids = shared_ids if k < 2 else ("r3",)
        G.add_edge(u, v, route_ids=ids, route_trains=shared_trains if k < 2 else (1,), trains=k)
    features = to_geojson(G)["features"]
    for f, (_, _, attrs) in zip(features, G.edges(data=True), strict=False):
        assert f["properties"]["route_ids"] == _json_value_of(attrs["route_ids"])
    features[0]["properties"]["route_ids"].append("x")  # each feature has its own list
    assert features[1]["properties"]["route_ids"] == ["r1", "r2"]
    to_graphml(G, tmp_path / "g.graphml")
    H = nx.read_graphml(tmp_path / "g.graphml")
    for u, v, attrs in G.edges(data=True):
        assert H.edges[u, v]["route_ids"] == _plain(attrs["route_ids"])
    assert graph_export._Converted(_plain)(("a", "b")) == "a; b"


# --- routes written out, unrouted trains, problems and sources: bounded with a note ---


@pytest.mark.parametrize("n", [1, 2, 3, 7, 40, 41, 613])
@pytest.mark.parametrize("most", [2, 3, 5, 40])
def test_a_route_outline_keeps_the_ends_and_names_at_most_its_limit(n: int, most: int) -> None:
    names = [f"S{i}" for i in range(n)]
    label = " → ".join(names)
    text = route_outline(label, most=most, rid="r1")
    if n <= most:
        assert text == label
        return
    outline, note = text.split(" (", 1)
    kept = [x for x in outline.replace(ROUTE_ELLIPSIS, " → ").split(" → ")]
    assert len(kept) == most
    assert kept[0] == names[0]
    assert kept[-1] == names[-1]
    assert kept == [x for x in names if x in set(kept)]  # in route order
    assert note == f"{most} of {n} places named; every station in distinct_routes.csv, route_id r1)"
    # an ellipsis stands exactly where names were left out
    pieces = outline.split(" → ")
    assert pieces.count("…") == sum(
        1 for a, b in itertools.pairwise(kept) if names.index(b) != names.index(a) + 1
    )


def test_the_page_outlines_long_routes_and_names_their_route_ids(
    result: TrackResult, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    full = briefing_context(result, {})
    assert any(r["route_full"] for r in full["trains"])  # the limit leaves short routes whole
    assert not any("distinct_routes.csv" in r["route_full"] for r in full["trains"])
    monkeypatch.setattr(route_files, "MAX_ROUTE_NAMES", 3)
    page = write_outputs(result, tmp_path)["report.html"].read_text(encoding="utf-8")
    ids = set(pd.read_csv(tmp_path / "distinct_routes.csv")[C.ROUTE_ID].astype(str))
    outlined = briefing_context(result, {})["trains"]
    long_ones = [r["route_full"] for r in outlined if "places named" in r["route_full"]]
    assert long_ones
    popups = [c["popup"]["details"] for c in _map(page)["corridors"]]
    assert any("places named" in d for d in popups)
    for text in [*long_ones, *(d for d in popups if "places named" in d)]:
        outline, note = text.split(" (", 1)
        assert len(outline.replace(ROUTE_ELLIPSIS, " → ").split(" → ")) == 3
        assert note.split("route_id ")[1].rstrip(")") in ids  # the row that lists them all


def test_the_unrouted_trains_and_problems_are_bounded_with_a_note(
    result: TrackResult, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    everyone = briefing_context(result, {})
    n = everyone["n_unrouted"]
    assert n == len(everyone["unrouted"]) >= 2  # under the limit: every one, no note
    monkeypatch.setattr(briefing_html, "MAX_LIST_ROWS", 1)
    context = briefing_context(result, {})
    assert context["unrouted"] == everyone["unrouted"][:1]
    assert context["n_unrouted"] == n
    page = write_outputs(result, tmp_path)["report.html"].read_text(encoding="utf-8")
    assert f"The first 1 of the {n} trains not routed, in input order ({n - 1} left out" in page
    assert f"{n} trains could not be routed" in page
    listed = pd.read_csv(tmp_path / "problems.csv")["message"]
    assert listed.str.contains("not routed").sum() == n  # the file holds every one


def test_input_problems_are_bounded_with_a_note(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "bad.jsonl"
    good = '{"id": "g", "origin": "Slonim", "destination": "Polonka", "source": "Rail Watch"}'
    bad = '{"id": "b%d", "origin": "Slonim", "cars_total": "eighty six?", "source": "X"}'
    path.write_text("\n".join([good, *(bad % i for i in range(3))]) + "\n", encoding="utf-8")
    run = track(load_reports(path), load_network())
    assert len(run.reports.problems) == 3
    monkeypatch.setattr(briefing_html, "MAX_LIST_ROWS", 2)
    context = briefing_context(run, {})
    assert len(context["problems"]) == 2
    assert context["n_problems"] == 3
    page = write_outputs(run, tmp_path / "out")["report.html"].read_text(encoding="utf-8")
    assert "The first 2 of 3 problems (1 left out here); every one is in problems.csv." in page


def test_many_sources_are_listed_one_line_per_reporter_and_outlet(
    busy: TrackResult, result: TrackResult, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    every = briefing_context(busy, {})
    assert not every["sources_note"]
    n = len(every["sources"])
    reporters = {(s["reporter"], s["relayed_by"], s["grade"]) for s in every["sources"]}
    assert n > len(reporters)  # one reporter, a source per publication date
    outlets = {
        (s["reporter"], s["relayed_by"], s["grade"])
        for s in briefing_context(result, {})["sources"]
    }
    monkeypatch.setattr(briefing_html, "MAX_LIST_ROWS", len(reporters))
    grouped = briefing_context(busy, {})
    assert {(s["reporter"], s["relayed_by"], s["grade"]) for s in grouped["sources"]} == reporters
    assert len(grouped["sources"]) == len(reporters)
    counts = [int(s["published"].split(" sources")[0].replace(",", "")) for s in grouped["sources"]]
    assert sum(counts) == n
    assert grouped["sources"][0]["published"].endswith("1 Mar 2023 – 10 Mar 2023")
    assert grouped["sources_note"].startswith(f"{n} sources (reporter, outlet, link, date)")
    assert "shipments.csv" in grouped["sources_note"]
    # more reporters and outlets than the limit: the first ones, and how many in all
    assert len(outlets) > 1
    monkeypatch.setattr(briefing_html, "MAX_LIST_ROWS", 1)
    fewest = briefing_context(result, {})
    assert len(fewest["sources"]) == 1
    assert f"(1 of {len(set(outlets))} shown)" in fewest["sources_note"]
    page = write_outputs(result, tmp_path)["report.html"].read_text(encoding="utf-8")
    assert 'id="sources-note"' in page


def test_estimates_parquet_names_routes_by_id_as_the_csv_does(
    result: TrackResult, tmp_path: Path
) -> None:
    written = write_outputs(result, tmp_path)
    table = pd.read_parquet(written["estimates.parquet"])
    csv = pd.read_csv(written["estimates.csv"], dtype=str, keep_default_na=False)
    assert C.ROUTE_LABEL not in table.columns
    assert list(table.columns) == list(csv.columns)
    assert table[C.ROUTE_ID].astype(object).fillna("").tolist() == csv[C.ROUTE_ID].tolist()
    # joined on route_id, distinct_routes.csv gives each routed train its label back
    routes = pd.read_csv(written["distinct_routes.csv"])
    joined = table.merge(routes[[C.ROUTE_ID, C.ROUTE_LABEL]], on=C.ROUTE_ID, how="left")
    labels = result.estimates[C.ROUTE_LABEL].astype(object)
    routed = labels.notna().to_numpy()
    assert joined[C.ROUTE_LABEL].to_numpy()[routed].tolist() == labels[routed].tolist()

"""The briefing on the embedded default: knowledge as of a date, every train accounted for."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from railtrack import columns as C
from railtrack import data_path, load_network, load_reports
from railtrack.accounting import NO_ORIGIN, ROUTED, UNRESOLVED_ORIGIN, route_outcomes
from railtrack.briefing import write_outputs
from railtrack.briefing_html import briefing_context
from railtrack.dating import best_dates
from railtrack.io import ReportSet
from railtrack.knowledge import cut_off
from railtrack.pipeline import track


@pytest.fixture(scope="module")
def cli_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("b") / "out"
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "railtrack",
            "track",
            "--as-of",
            "2023-03-05",
            "--out",
            str(out),
            "--json",
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert run.returncode in (0, 1), run.stderr
    assert "Traceback" not in run.stderr
    assert run.stdout.strip(), (run.returncode, run.stderr[-2000:])
    return out, json.loads(run.stdout)


def test_as_of_cuts_knowledge_off(cli_run: tuple[Path, dict]) -> None:
    out, summary = cli_run
    everything = load_reports(data_path("reports"))
    seen_after = {s.shipment for s in everything.sightings if s.seen_at.date() > date(2023, 3, 5)}
    later = [
        s.id
        for s in everything.shipments
        if (s.source.published is not None and s.source.published > date(2023, 3, 5))
        or (s.source.published is None and s.id in seen_after)
    ]
    assert later  # the embedded reports hold one published in May 2023
    shipments = pd.read_csv(out / "shipments.csv")
    assert not set(later) & set(shipments["id"])
    assert summary["as_of"] == "2023-03-05T00:00:00"
    assert summary["as_of_basis"] == "given"
    assert summary["n_shipments_after_as_of"] == len(later)
    seen_later = sum(s.seen_at.date() > date(2023, 3, 5) for s in everything.sightings)
    assert summary["n_sightings_after_as_of"] == seen_later
    sightings = pd.read_csv(out / "sightings.csv", parse_dates=["seen_at"])
    assert (sightings["seen_at"] < pd.Timestamp("2023-03-06")).all()
    page = (out / "report.html").read_text(encoding="utf-8")
    assert "5 Mar 2023" in page
    assert f"{len(later)} trains reported" in page  # the knowledge note


def test_every_train_accounted_for(cli_run: tuple[Path, dict]) -> None:
    out, summary = cli_run
    n = summary["n_shipments"]
    assert summary["n_routed"] + summary["n_unrouted"] == n
    assert sum(summary["unrouted_reasons"].values()) == summary["n_unrouted"]
    assert set(summary["unrouted_reasons"]) <= {
        NO_ORIGIN,
        UNRESOLVED_ORIGIN,
        "no destination",
        "unresolved destination",
        "no path",
    }
    routes = pd.read_csv(out / "routes.csv")
    assert summary["n_routed"] == int(routes["route_id"].notna().sum())
    problems = pd.read_csv(out / "problems.csv")
    not_routed = problems[problems["message"].str.contains("not routed", na=False)]
    assert len(not_routed) == summary["n_unrouted"]
    assert summary["n_problems"] == len(problems) == len(summary["problems"])
    page = (out / "report.html").read_text(encoding="utf-8")
    assert page.count('class="unrouted"') == summary["n_unrouted"]


def test_headline_says_what_where_when(cli_run: tuple[Path, dict]) -> None:
    out, summary = cli_run
    page = (out / "report.html").read_text(encoding="utf-8")
    headline = page.split('id="headline">', 1)[1].split("</p>", 1)[0]
    # trains told moving first, those only announced (planned, expected) apart (trial11 T5)
    moving = summary["n_shipments"] - summary["n_announced"]
    assert headline.startswith(f"{moving} trains")
    assert f" {summary['n_announced']} more trains were announced" in headline
    assert "as known on 5 Mar 2023" in headline
    assert "Belarus" in headline
    assert "between" in headline
    assert "&lt;NA&gt;" not in page
    assert "<NA>" not in page
    assert "nan" not in page.split("<main>", 1)[1].split("<script", 1)[0].split()
    # Estimates stand apart from counted facts.
    counted = page.split('id="counted"', 1)[1].split('id="estimates"', 1)[0]
    assert "personnel" not in counted
    assert "personnel (estimate)" in page.split('id="estimates"', 1)[1]


def test_without_as_of_the_latest_date_in_the_input_is_used() -> None:
    reports = load_reports(data_path("reports"))
    result = track(reports, load_network())
    head = result.headline()
    latest = max(
        [s.source.published for s in reports.shipments if s.source.published]
        + [s.seen_at.date() for s in reports.sightings]
    )
    assert head["as_of"] == latest.isoformat()
    assert head["as_of_basis"] == "latest in input"
    assert head["n_reports_after_as_of"] == 0


def test_as_of_today_is_explicit() -> None:
    known, knowledge = cut_off(load_reports(data_path("reports")), "today")
    assert knowledge.basis == "today"
    assert knowledge.as_of == date.today()
    assert knowledge.reports_after == 0
    assert len(known.shipments) == len(load_reports(data_path("reports")).shipments)


def test_cut_off_keeps_undated_records_and_problems() -> None:
    reports = load_reports(data_path("reports"))
    known, knowledge = cut_off(reports, date(2022, 12, 31))
    assert all(
        s.source.published is None or s.source.published <= date(2022, 12, 31)
        for s in known.shipments
    )
    assert knowledge.undated == sum(
        r.source.published is None for r in (*known.shipments, *known.groups)
    )
    assert knowledge.shipments_after > 0
    assert known.problems == reports.problems
    assert len(reports.shipments) == knowledge.shipments_after + len(known.shipments)
    empty, nothing = cut_off(ReportSet())
    assert nothing.as_of is None
    assert nothing.basis == "none"
    # nothing read is said so (trial14 C4), not that the records read have no date
    assert "No train, group or sighting was read" in nothing.note()
    assert not empty.shipments


def test_outcome_reasons_in_order() -> None:
    ships = pd.DataFrame(
        {
            C.ID: ["a", "b", "c", "d", "e"],
            C.ORIGIN: ["Slonim", None, "Blorp", "Slonim", "Slonim"],
            C.ORIGIN_STATION_ID: ["BY-SLONIM", None, None, "BY-SLONIM", "BY-SLONIM"],
            C.ORIGIN_REGION: [None] * 5,
            C.DESTINATION: ["Polonka", "Polonka", "Polonka", None, "Polonka"],
            C.DESTINATION_STATION_ID: ["BY-POLONKA", "BY-POLONKA", "BY-POLONKA", None, "X"],
            C.DESTINATION_REGION: [None] * 5,
        }
    )
    routes = pd.DataFrame(
        {C.ID: list("abcde"), "stations": [["BY-SLONIM", "BY-POLONKA"]] + [None] * 4}
    )
    assert route_outcomes(ships, routes)["outcome"].tolist() == [
        ROUTED,
        NO_ORIGIN,
        UNRESOLVED_ORIGIN,
        "no destination",
        "no path",
    ]


def test_best_date_order_and_period(tmp_path: Path) -> None:
    result = track(load_reports(data_path("reports")), load_network(), as_of="2023-03-05")
    dates = best_dates(result.shipments, result.sightings)
    ships = result.shipments
    datable = ships[[C.DEPARTURE_EARLIEST, C.ARRIVAL_EARLIEST, C.PUBLISHED]].notna().any(axis=1)
    datable |= ships[C.ID].isin(result.sightings[C.SHIPMENT])
    assert (dates["best_date"].notna() == datable.to_numpy()).all()
    departed = result.shipments[C.DEPARTURE_EARLIEST].notna().to_numpy()
    assert (dates.loc[departed, "date_basis"] == "departure").all()
    context = briefing_context(result, {})
    assert context["period_start"]
    assert context["period_end"]
    assert pd.Timestamp(context["period_end"]) <= pd.Timestamp("2023-03-05")


def test_hostile_text_never_reaches_the_page_as_markup(tmp_path: Path) -> None:
    reports_dir = tmp_path / "r"
    reports_dir.mkdir()
    (reports_dir / "evil.csv").write_text(
        "id,origin,destination,cars_total,source,published\n"
        "e1</script><img src=x onerror=alert(1)>,Slonim,Polonka,10,"
        "`${alert(2)}`<b>x</b>,2023-03-01\n",
        encoding="utf-8",
    )
    result = track(load_reports(reports_dir), load_network())
    page = write_outputs(result, tmp_path / "o")["report.html"].read_text(encoding="utf-8")
    assert "<img src=x" not in page
    assert "<b>x</b>" not in page
    data = page.split('id="rt-map-data">', 1)[1].split("</script>", 1)[0]
    assert "<" not in data
    popup = json.loads(data)["corridors"][0]["popup"]
    assert popup["rows"][0][0] == "e1</script><img src=x onerror=alert(1)>"


def test_track_writes_geojson_and_graphml_for_other_tools(cli_run: tuple[Path, dict]) -> None:
    import networkx as nx

    out, summary = cli_run
    routes = json.loads((out / "routes.geojson").read_text(encoding="utf-8"))
    assert routes["type"] == "FeatureCollection"
    table = pd.read_csv(out / "routes.csv")
    distinct = table["route_id"].dropna().nunique()
    assert len(routes["features"]) == distinct == len(pd.read_csv(out / "distinct_routes.csv"))
    ids = [i for f in routes["features"] for i in f["properties"]["ids"]]
    assert len(ids) == summary["n_routed"]  # every routed train on exactly one corridor
    # The files name routes by one id: routes.csv, routes.geojson, the corridor edges.
    by_route = {f["properties"]["route_id"]: f["properties"]["trains"] for f in routes["features"]}
    assert set(by_route) == set(table["route_id"].dropna())
    for feature in routes["features"]:
        lon, lat = feature["geometry"]["coordinates"][0]
        assert 10 < lon < 180
        assert 35 < lat < 75
    corridors = json.loads((out / "corridors.geojson").read_text(encoding="utf-8"))
    kinds = {f["geometry"]["type"] for f in corridors["features"] if f["geometry"]}
    assert kinds == {"LineString", "Point"}
    for f in corridors["features"]:
        if f["geometry"] and f["geometry"]["type"] == "LineString":
            passed = f["properties"]
            assert "shipments" not in passed  # routes are named, not every train
            trains = [by_route[r] for r in passed["route_ids"]]
            assert list(passed["route_trains"]) == trains
    G = nx.read_graphml(out / "corridors.graphml")
    assert G.number_of_edges() == sum(
        f["geometry"] is not None and f["geometry"]["type"] == "LineString"
        for f in corridors["features"]
    )
    listed = {o["name"] for o in summary["outputs"]}
    assert {"routes.geojson", "corridors.geojson", "corridors.graphml"} <= listed


def test_one_row_per_crossing_with_directions(cli_run: tuple[Path, dict]) -> None:
    out, _summary = cli_run
    crossings = pd.read_csv(out / "summary_by_border_crossing.csv")
    links = crossings.loc[~crossings["border_crossing"].isin(["none", "unknown"])]
    assert len(links) >= 2
    pairs = [frozenset(c.split("–")) for c in links["border_crossing"]]
    assert len(pairs) == len(set(pairs))  # no crossing listed once per direction
    for row in links.itertuples():
        counted = sum(int(part.rsplit(":", 1)[1]) for part in row.directions.split(";"))
        assert counted == row.trains  # every train on the crossing has its direction
        for part in row.directions.split(";"):
            a, b = part.rsplit(":", 1)[0].strip().split(" → ")
            if " border" in row.border_crossing:  # "BY–RU border near X": by its countries
                countries = row.border_crossing.split(" border")[0].split("(")[-1]
                assert frozenset((a, b)) == frozenset(countries.split("–"))
            else:
                assert frozenset((a, b)) == frozenset(row.border_crossing.split("–"))
    both_ways = links["directions"].str.contains(";")
    assert both_ways.any()  # the embedded reports cross one border both ways


def test_one_row_per_source_set(cli_run: tuple[Path, dict]) -> None:
    out, summary = cli_run
    sources = pd.read_csv(out / "summary_by_source.csv")
    sets = [frozenset(p.strip() for p in s.split(";")) for s in sources["source"]]
    assert len(sets) == len(set(sets))
    assert any(len(s) > 1 for s in sets)  # a train reported by two sources
    reporters = {p for s in sets for p in s}
    assert set(summary["sources"]) == reporters  # distinct reporters, not sets


def test_weekly_volumes_use_each_trains_best_date(cli_run: tuple[Path, dict]) -> None:
    out, _summary = cli_run
    shipments = pd.read_csv(out / "shipments.csv")
    assert {"best_date", "date_basis"} <= set(shipments.columns)
    weeks = pd.read_csv(out / "summary_by_week.csv")
    dated = weeks[weeks["period"].notna()]
    undated_trains = int(shipments["best_date"].isna().sum())
    assert int(weeks.loc[weeks["period"].isna(), "trains"].sum()) <= max(undated_trains, 1)
    bases = {b.strip() for v in dated["period_basis"].dropna() for b in v.split(";")}
    assert bases <= {"departure", "sighting", "reported arrival", "published"}
    assert "sighting" in bases or "reported arrival" in bases


def test_status_of_a_train_without_window_follows_its_reported_arrival(
    cli_run: tuple[Path, dict],
) -> None:
    out, _summary = cli_run
    ships = pd.read_csv(out / "shipments.csv", parse_dates=["arrival_latest"])
    status = pd.read_csv(out / "status.csv", parse_dates=["p50"])
    est = pd.read_csv(out / "estimates.csv", parse_dates=["p50"])
    merged = ships.merge(status, on="id", suffixes=("", "_status")).merge(
        est[["id", "p50"]].rename(columns={"p50": "model_p50"}), on="id"
    )
    passed = merged[
        merged["model_p50"].isna()
        & (merged["arrival_latest"] < pd.Timestamp("2023-03-05"))
        & (merged["claim"] != "planned")
        & merged["last_seen_at"].isna()
    ]
    assert len(passed)
    assert (passed["status"] == "likely arrived").all()
    assert passed["p50"].notna().all()
    assert passed["flags"].str.contains("arrival_as_reported").all()


def test_the_train_table_shows_the_status_window(tmp_path: Path) -> None:
    # A train that left on 1 March for a far station, published the same day: the
    # table shows the status's window, the model's (estimates.csv's), and a train the
    # page says is still on its way has its p50 after the as-of date (trial F85).
    path = tmp_path / "one.csv"
    path.write_text(
        "id,origin,destination,departure,published,source\n"
        "far,Osipovichi,Matveev Kurgan,2023-03-01,2023-03-01,Test channel\n",
        encoding="utf-8",
    )
    result = track(load_reports(path), load_network(), as_of="2023-03-03")
    rows = {r["id"]: r for r in briefing_context(result, {})["trains"]}
    status = result.statuses.set_index(C.ID).loc["far"]
    estimate = result.estimates.set_index(C.ID).loc["far"]
    assert status[C.STATUS] in ("departed", "in transit")
    assert status[C.P50].strftime("%-d %b") in rows["far"]["window"]
    assert status[C.P50] == estimate[C.P50]
    assert status[C.P50] >= pd.Timestamp("2023-03-03")


def test_the_chart_note_tells_group_totals_from_undated_trains() -> None:
    from railtrack.briefing_html import _volume_note

    by_week = pd.DataFrame(
        {
            C.PERIOD: [pd.Timestamp("2023-02-27"), pd.NaT],
            C.TRAINS: [1, 1],
            C.CARS_TOTAL: [10, 50],
            C.CARS_UNALLOCATED: [0, 40],
            "unallocated": [None, "40 cars of group g1 across 2 trains"],
        }
    )
    note = _volume_note(by_week)
    assert "1 train that no report dates" in note
    assert "with 10 cars of their own" in note
    assert "40 cars given only as a total for a group" in note
    assert "g1 across 2 trains" in note
    assert "50 cars on 1 train" not in note


def test_map_corridor_titles_name_the_reported_region_and_mark_the_station_inferred(
    tmp_path: Path,
) -> None:
    from railtrack.webmap import map_data

    path = tmp_path / "one.csv"
    path.write_text(
        "id,origin,destination,departure,published,source\n"
        "r1,Belarus,Matveev Kurgan,2023-03-01,2023-03-02,Test channel\n",
        encoding="utf-8",
    )
    result = track(load_reports(path), load_network())
    titles = [f["popup"]["title"] for f in map_data(result)["corridors"]]
    assert len(titles) == 1
    assert titles[0].startswith("Belarus (inferred: ")
    assert "→" in titles[0]


def test_the_period_line_adds_up_to_every_train() -> None:
    """Trial F81 (kind): the period's bases and the undated trains add up to all trains."""
    from collections import Counter

    from railtrack.briefing_html import period_basis_text

    text = period_basis_text(Counter({"sighting": 2, "departure": 5}), 3)
    assert text == "10 trains: 5 dated by departure, 2 by sighting, 3 undated (not in the period)"
    assert period_basis_text(Counter({"published": 2}), 0) == "2 trains: 2 dated by published"

from __future__ import annotations

from datetime import date, datetime, timedelta

import pandas as pd
import pytest
from _estimate_toys import as_reports, make_shipment, make_sighting, toy_network
from hypothesis import given, settings
from hypothesis import strategies as st

from railtrack import columns as C
from railtrack.estimate import TransitModel, estimate_arrivals
from railtrack.io import ReportSet
from railtrack.models import Source
from railtrack.tracking import STATUSES, track_status
from railtrack.transit import PROBS

MODEL = TransitModel(draws=1000)
NET = toy_network()


def status_of(shipment, sightings=(), as_of="2023-03-05"):
    # The status model at any date, without the date-of-knowledge cut-off (tested below).
    resolved = as_reports([shipment], list(sightings)).resolve(NET)
    df = track_status(
        resolved.to_frame(), NET, sightings=resolved.sightings_frame(), as_of=as_of, model=MODEL
    )
    assert list(df.columns) == list(C.STATUS_COLUMNS)
    return df.iloc[0]


@pytest.fixture(scope="module")
def window():
    """The departure-based window of the toy train t1 (Alpha -> Echo, left 1 March)."""
    return estimate_arrivals(as_reports([make_shipment("t1")]), NET, model=MODEL).iloc[0]


def test_status_follows_the_window_without_sightings(window):
    t1 = make_shipment("t1")
    assert status_of(t1, as_of="2023-02-27")[C.STATUS] == "planned"
    assert status_of(t1, as_of=window[C.P10] - pd.Timedelta(hours=3))[C.STATUS] == "departed"
    assert status_of(t1, as_of=window[C.P50])[C.STATUS] == "in transit"
    late = status_of(t1, as_of=window[C.P90] + pd.Timedelta(days=1))
    assert late[C.STATUS] == "likely arrived"
    # a train that has most likely arrived keeps its (past) window
    assert late[C.P50] == window[C.P50]


def test_a_planned_move_without_dates_is_planned():
    row = status_of(make_shipment("p", left=None, claim="planned"))
    assert row[C.STATUS] == "planned"
    assert pd.isna(row[C.P50])


def test_seen_at_the_destination_has_arrived():
    seen = make_sighting("t1", "Echo", datetime(2023, 3, 4, 6, 30))
    row = status_of(make_shipment("t1"), [seen], as_of="2023-03-05")
    assert row[C.STATUS] == "likely arrived"
    assert row[C.LAST_SEEN_STATION] == "Echo"
    assert row[C.P10] == row[C.P50] == row[C.P90]
    assert abs(row[C.P50] - pd.Timestamp("2023-03-04 06:30")) <= pd.Timedelta(hours=1)


def test_a_sighting_past_p90_moves_the_window_forward_and_is_overdue(window):
    seen_at = (window[C.P90] + pd.Timedelta(days=2)).to_pydatetime()
    seen = make_sighting("t1", "Charlie", seen_at)
    as_of = seen_at + timedelta(hours=6)
    row = status_of(make_shipment("t1"), [seen], as_of=as_of)
    assert row[C.STATUS] == "overdue"
    assert row[C.LAST_SEEN_STATION] == "Charlie"
    # the window from the sighting (it had not arrived then), with the p50 ahead
    assert row[C.P10] > window[C.P90]
    assert row[C.P50] >= pd.Timestamp(as_of)
    assert row[C.P10] <= row[C.P50] <= row[C.P90]


def test_the_remaining_window_is_timed_from_the_sighting(window):
    seen = make_sighting("t1", "Delta", datetime(2023, 3, 2, 12))
    row = status_of(make_shipment("t1"), [seen], as_of="2023-03-02 13:00")
    assert row[C.STATUS] == "in transit"
    # 400 km left instead of 1000: the window narrows and moves earlier than the original p90
    assert row[C.P90] - row[C.P10] < window[C.P90] - window[C.P10]
    assert row[C.P90] < window[C.P90]


def test_seen_en_route_then_silent_stays_likely_arrived():
    # trial F94: a sighting is evidence of movement; past its window, the train has
    # most likely arrived (stale is for trains with no window)
    seen = make_sighting("t1", "Bravo", datetime(2023, 3, 2, 12))
    row = status_of(make_shipment("t1"), [seen], as_of="2023-04-01")
    assert row[C.STATUS] == "likely arrived"
    assert row[C.P90] < pd.Timestamp("2023-04-01")  # the window from the sighting, passed


def test_past_the_sources_claim_is_overdue(window):
    claim_day = (window[C.P10] - pd.Timedelta(days=1)).date()
    # a forecast: the source expects the train that day (an arrival it says was seen
    # by its publication day is a reported arrival, test_a_published_report_of_an_arrival...)
    forecast = Source(reporter="Test channel", published=claim_day)
    t1 = make_shipment("t1", arrival=(claim_day, claim_day), source=forecast, claim="expected")
    row = status_of(t1, as_of=window[C.P50])
    assert row[C.STATUS] == "overdue"


def test_sightings_after_the_as_of_date_are_not_known_yet():
    seen = make_sighting("t1", "Echo", datetime(2023, 3, 10))
    row = status_of(make_shipment("t1"), [seen], as_of="2023-03-03")
    assert row[C.STATUS] != "likely arrived" or pd.isna(row[C.LAST_SEEN_AT])
    assert pd.isna(row[C.LAST_SEEN_AT])


def test_the_latest_sighting_wins_and_day_precision_counts_the_whole_day():
    early = make_sighting("t1", "Bravo", datetime(2023, 3, 2, 8))
    later = make_sighting("t1", "Delta", datetime(2023, 3, 3), precision="day")
    row = status_of(make_shipment("t1"), [later, early], as_of="2023-03-04")
    assert row[C.LAST_SEEN_STATION] == "Delta"
    assert row[C.LAST_SEEN_AT] == pd.Timestamp("2023-03-03")


def test_an_unroutable_sighting_is_flagged_and_the_window_kept():
    seen = make_sighting("t1", "Atlantis", datetime(2023, 3, 2, 8))
    row = status_of(make_shipment("t1"), [seen], as_of="2023-03-02 09:00")
    assert "sighting_not_routed" in row[C.FLAGS]
    assert row[C.LAST_SEEN_STATION] == "Atlantis"
    assert pd.notna(row[C.P50])


def test_a_reportset_brings_its_own_sightings():
    reports = ReportSet(
        shipments=[make_shipment("t1"), make_shipment("t2")],
        sightings=[make_sighting("t1", "Echo", datetime(2023, 3, 4))],
    )
    df = track_status(reports, NET, as_of="2023-03-05", model=MODEL).set_index(C.ID)
    assert df.loc["t1", C.STATUS] == "likely arrived"
    assert df.loc["t2", C.LAST_SEEN_STATION] is None or pd.isna(df.loc["t2", C.LAST_SEEN_STATION])
    assert set(df[C.STATUS].astype(str)) <= set(STATUSES)


@settings(max_examples=40, deadline=None)
@given(
    offset_h=st.integers(min_value=-72, max_value=24 * 40),
    seen_h=st.one_of(st.none(), st.integers(min_value=0, max_value=24 * 40)),
    station=st.sampled_from(["Bravo", "Charlie", "Delta"]),
)
def test_a_status_that_says_not_arrived_has_its_p50_ahead(offset_h, seen_h, station):
    # departed / in transit / overdue say the train has not arrived: never with a p50
    # before the as-of date (trial F85), and a window never starts before the train
    # could have left or was last seen.
    left = datetime(2023, 3, 1)
    as_of = left + timedelta(hours=offset_h)
    sightings = []
    if seen_h is not None and seen_h <= offset_h:
        sightings.append(make_sighting("t1", station, left + timedelta(hours=seen_h)))
    row = status_of(make_shipment("t1", left=date(2023, 3, 1)), sightings, as_of=as_of)
    assert row[C.P10] <= row[C.P50] <= row[C.P90]
    since = left if not sightings else left + timedelta(hours=seen_h) - timedelta(days=1)
    assert row[C.P10] >= pd.Timestamp(since)  # (a sighting's time has a tolerance)
    if row[C.STATUS] in ("departed", "in transit", "overdue"):
        assert row[C.P50] >= pd.Timestamp(as_of)


def _story(shipment, sightings=(), days=range(-2, 30)):
    """Status and window of one train at midnight of each day from its departure on."""
    out = []
    for d in days:
        as_of = pd.Timestamp("2023-03-01") + pd.Timedelta(days=d)
        row = status_of(shipment, sightings, as_of=as_of)
        out.append((as_of, str(row[C.STATUS]), row[C.P10], row[C.P50], row[C.P90]))
    return out


@pytest.mark.parametrize("claim_offset", [None, 1, 3])
def test_one_report_tells_one_story_whatever_the_as_of_date(window, claim_offset):
    # Trial F85: "overdue" with p50 after the as-of, then "likely arrived" a week
    # earlier the next day. With no new report the window stays the model's, the
    # status only moves on, and no day's p50 lies before a day the train was said
    # not to have arrived by.
    arrival = None
    if claim_offset is not None:
        day = (window[C.P10] + pd.Timedelta(days=claim_offset)).date()
        arrival = (day, day)
    src = Source(reporter="Test channel", published=date(2023, 3, 1))
    ship = make_shipment("t1", arrival=arrival, source=src, claim="expected")
    story = _story(ship)
    order = ["planned", "departed", "in transit", "overdue", "likely arrived"]
    ranks = [order.index(status) for _, status, *_ in story]
    # overdue and in transit are both "on its way"; otherwise the story only moves on
    moving = [min(r, order.index("in transit")) for r in ranks]
    assert moving == sorted(moving), story
    windows = {(p10, p50, p90) for _, status, p10, p50, p90 in story if status != "planned"}
    assert len(windows) == 1, windows  # the model's window, not moved by the as-of date
    said_not_arrived = [d for d, status, *_ in story if status in order[1:4]]
    (p50,) = {p50 for *_, p50, _ in story}
    assert all(p50 >= d for d in said_not_arrived)
    assert story[-1][1] == "likely arrived"
    if claim_offset is not None and pd.Timestamp(arrival[1]) + pd.Timedelta(days=1) <= p50:
        assert "overdue" in [s for _, s, *_ in story]


def test_a_sighted_train_keeps_the_window_from_its_sighting_whatever_the_as_of_date():
    seen = make_sighting("t1", "Charlie", datetime(2023, 3, 2, 12))
    story = _story(make_shipment("t1"), [seen], days=range(2, 40))
    windows = {(p10, p50, p90) for _, _, p10, p50, p90 in story}
    assert len(windows) == 1
    for as_of, status, _, p50, _p90 in story:
        if status in ("in transit", "overdue"):
            assert p50 >= as_of
        if status == "likely arrived":
            assert p50 < as_of
    statuses = [s for _, s, *_ in story]
    assert statuses[0] == "in transit"
    assert statuses[-1] == "likely arrived"
    assert "stale" not in statuses  # trial F94: it never goes back to "no word"


def test_an_undated_record_is_undated_not_departed():
    # Trial F54: a spreadsheet row with an empty or unreadable date, and no
    # publication date, is not a movement known on any as-of date.
    undated = Source(reporter="My log")
    row = status_of(make_shipment("u", left=None, source=undated), as_of="2023-01-05")
    assert row[C.STATUS] == "undated"
    assert pd.isna(row[C.P50])
    # an arrival date alone dates it
    day = date(2023, 3, 4)
    dated = make_shipment("a", left=None, source=undated, arrival=(day, day), claim="expected")
    # (only expected, never told moving: expected, then overdue, never arrived: trial19 T8)
    assert status_of(dated, as_of="2023-03-01")[C.STATUS] == "expected"
    assert status_of(dated, as_of="2023-03-06")[C.STATUS] == "overdue"


def test_cli_status_json_on_a_report_with_sightings(tmp_path):
    pytest.importorskip("railtrack.network")
    import json

    from typer.testing import CliRunner

    from railtrack import data_path
    from railtrack.cli import app

    path = data_path("reports", "2023-03-radiosvoboda-967-969.json")
    result = CliRunner().invoke(app, ["status", str(path), "--as-of", "2023-03-08", "--json"])
    assert result.exit_code == 0, result.output
    rows = {obj["id"]: obj for obj in map(json.loads, result.stdout.splitlines())}
    arrived = rows["svoboda-2023-03-967"]
    assert arrived["status"] == "likely arrived"
    assert arrived["last_seen_station"]["station"] == "Osipovichi-I"  # a place
    assert arrived["last_seen_station"]["station_id"] == "BY-OSIPOVICHI"
    assert arrived["last_seen_station"]["lat"] is not None
    assert set(arrived) >= {"status", "last_seen_station", "last_seen_at", "p10", "p50", "p90"}
    moving = rows["svoboda-2023-03-969"]
    assert moving["last_seen_station"]["station"] == "Osinovka"
    if moving["status"] in ("departed", "in transit", "overdue"):
        assert moving["p50"] >= "2023-03-08"  # not arrived: its p50 is ahead
    assert moving["p10"] >= "2023-03-06"  # the window from its sighting at Osinovka (6 March)
    assert moving["as_of"] == "2023-03-08T00:00:00"
    assert arrived["last_seen_at"].count("T") == 1  # a datetime, like every time here


def test_seen_anywhere_in_a_destination_region_has_arrived():
    east = make_shipment("t1", destination="Eastland")
    seen = make_sighting("t1", "Delta", datetime(2023, 3, 3, 9))
    row = status_of(east, [seen], as_of="2023-03-04")
    assert row[C.STATUS] == "likely arrived"
    assert row[C.LAST_SEEN_STATION] == "Delta"
    en_route = make_sighting("t1", "Charlie", datetime(2023, 3, 3, 9))
    assert status_of(east, [en_route], as_of="2023-03-03 10:00")[C.STATUS] == "in transit"


@settings(max_examples=25, deadline=None)
@given(late_h=st.integers(min_value=2, max_value=24 * 20), station=st.sampled_from(["B", "C", "D"]))
def test_a_sighting_past_p90_always_moves_the_window_forward(late_h, station):
    # past p90 by more than a timed sighting's tolerance (datetime_tolerance_h, 1 h):
    # seen 1 h after p90, it may have been there at p90 itself
    base = estimate_arrivals(as_reports([make_shipment("t1")]), NET, model=MODEL).iloc[0]
    seen_at = (base[C.P90] + pd.Timedelta(hours=late_h)).to_pydatetime()
    row = status_of(make_shipment("t1"), [make_sighting("t1", station, seen_at)], as_of=seen_at)
    assert row[C.P10] > base[C.P90]
    assert row[C.P50] > base[C.P50]
    assert row[C.STATUS] == "overdue"


def test_a_sighting_on_the_route_times_the_rest_of_that_route():
    """Seen at Delta, 500 km into the 1,000 km route: the rest is Delta -> Echo."""
    seen_at = datetime(2023, 3, 2, 12)
    row = status_of(make_shipment("t1"), [make_sighting("t1", "Delta", seen_at)], as_of=seen_at)
    rest = MODEL.transit_quantiles_days([400.0], [0])[0]
    start = (pd.Timestamp(seen_at) - pd.Timestamp("1970-01-01")) / pd.Timedelta(days=1)
    expected = start + rest[PROBS.searchsorted(0.5)]
    got = (row[C.P50] - pd.Timestamp("1970-01-01")) / pd.Timedelta(days=1)
    assert row[C.STATUS] == "in transit"
    assert got == pytest.approx(expected, abs=0.3)


def test_a_table_of_shipments_and_its_sightings():
    reports = as_reports(
        [make_shipment("t1")], [make_sighting("t1", "Echo", datetime(2023, 3, 4))]
    ).resolve(NET)
    df = track_status(
        reports.to_frame(), NET, sightings=reports.sightings_frame(), as_of="2023-03-05"
    )
    assert df.iloc[0][C.STATUS] == "likely arrived"


def _two_reports():
    """Two trains: one published 2 March, one published (and leaving) in May."""
    from railtrack.models import Source

    later = Source(reporter="Later channel", published=date(2023, 5, 15))
    early = make_shipment("early")
    late = make_shipment("late", left=date(2023, 5, 14), source=later)
    return as_reports([early, late])


def test_status_and_estimate_leave_out_reports_published_after_the_as_of_date():
    reports = _two_reports()
    status = track_status(reports, NET, as_of="2023-03-07", model=MODEL)
    windows = estimate_arrivals(reports, NET, as_of="2023-03-07", model=MODEL)
    assert status["id"].tolist() == ["early"]
    assert windows["id"].tolist() == ["early"]
    for df in (status, windows):
        knowledge = df.attrs["knowledge"]
        assert (knowledge.as_of, knowledge.basis, knowledge.shipments_after) == (
            date(2023, 3, 7),
            "given",
            1,
        )


def test_status_and_estimate_default_to_the_latest_date_in_the_input():
    reports = _two_reports()
    status = track_status(reports, NET, model=MODEL)
    windows = estimate_arrivals(reports, NET, model=MODEL)
    assert status["as_of"].iloc[0] == pd.Timestamp("2023-05-15")
    assert sorted(status["id"]) == sorted(windows["id"]) == ["early", "late"]
    assert windows.attrs["knowledge"].basis == "latest in input"


@pytest.mark.parametrize("command", ["status", "estimate"])
def test_cli_status_and_estimate_cut_off_at_the_as_of_date(tmp_path, command):
    import json

    from typer.testing import CliRunner

    from railtrack.cli import app

    path = tmp_path / "two.csv"
    path.write_text(
        "id,origin,destination,departure,published,source\n"
        "early,Osipovichi,Slonim,2023-03-01,2023-03-02,Early channel\n"
        "late,Osipovichi,Slonim,2023-05-14,2023-05-15,Later channel\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, [command, str(path), "--as-of", "2023-03-07", "--json"])
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["early"]
    table = CliRunner().invoke(app, [command, str(path), "--as-of", "2023-03-07"])
    assert "1 train reported after that date is left out" in table.stderr
    help_text = CliRunner().invoke(app, [command, "--help"]).stdout
    assert "latest date in the input" in " ".join(help_text.split())


def test_status_keeps_the_estimates_geo_widening():
    # Eastland is a region: the estimate widens its window; status starts from the same one.
    ship = make_shipment("r", destination="Eastland")
    reports = as_reports([ship])
    est = estimate_arrivals(reports, NET, as_of="2023-03-02", model=MODEL).iloc[0]
    assert "window_widened_geo" in est[C.FLAGS]
    late = track_status(reports, NET, as_of="2023-04-30", model=MODEL).iloc[0]
    assert late[C.STATUS] == "likely arrived"
    assert (late[C.P10], late[C.P50], late[C.P90]) == (est[C.P10], est[C.P50], est[C.P90])
    assert "window_widened_geo" in late[C.FLAGS]
    now = track_status(reports, NET, as_of=est[C.P50], model=MODEL).iloc[0]
    assert (now[C.P10], now[C.P50], now[C.P90]) == (est[C.P10], est[C.P50], est[C.P90])
    assert now[C.STATUS] == "in transit"


def test_a_train_seen_long_ago_keeps_its_past_window_from_the_sighting():
    ship = make_shipment("s", left=None)
    seen = make_sighting("s", "Bravo", datetime(2023, 3, 2, 8, 0))
    row = status_of(ship, [seen], as_of="2023-05-15")
    assert row[C.STATUS] == "likely arrived"
    assert row[C.P90] < pd.Timestamp("2023-05-15")  # not a future window for a lost train
    assert row[C.P10] >= pd.Timestamp("2023-03-02 08:00")


def test_a_train_seen_leaving_its_destination_arrived_when_first_seen_there():
    arrived = make_sighting("t1", "Echo", datetime(2023, 3, 4), precision="day")
    leaving = make_sighting("t1", "Echo", datetime(2023, 3, 5, 16, 10))
    row = status_of(make_shipment("t1"), [arrived, leaving], as_of="2023-03-07")
    assert row[C.STATUS] == "likely arrived"
    assert row[C.P50] == pd.Timestamp("2023-03-04 12:00")  # not 5 March 16:10
    assert row[C.LAST_SEEN_AT] == pd.Timestamp("2023-03-05 16:10")


def test_a_published_report_of_an_arrival_is_an_arrival(window):
    """Trial F53: "arrived on 8 January", published 9 January, is no train still expected."""
    day = (window[C.P10] + pd.Timedelta(days=1)).date()
    source = Source(reporter="Hajun", published=day + timedelta(days=1))
    as_of = pd.Timestamp(day + timedelta(days=2))
    row = status_of(make_shipment("t1", arrival=(day, day), source=source), as_of=as_of)
    assert row[C.STATUS] == "likely arrived"
    assert "arrival_as_reported" in row[C.FLAGS]
    assert row[C.P50].date() == day
    # the same arrival as an expectation is the source's claim, not an arrival
    expected = make_shipment("t1", arrival=(day, day), source=source, claim="expected")
    assert "arrival_as_reported" not in status_of(expected, as_of=as_of)[C.FLAGS]


@pytest.mark.parametrize(
    ("arrival", "published"),
    [
        # "arrived on 6 March", posted that evening (the same day)
        ((date(2023, 3, 6), date(2023, 3, 6)), datetime(2023, 3, 6, 20, 0)),
        # "arrived last night": the night's two days, the second the publication day
        ((date(2023, 3, 7), date(2023, 3, 8)), datetime(2023, 3, 8, 9, 0)),
    ],
)
def test_an_arrival_told_on_the_day_it_is_posted_beats_the_model(arrival, published):
    """Trial F53 (kind): a same-day or last-night arrival is the arrival, in status and estimate.

    With no departure the model counts back from the report's date and would put its
    p50 before the told arrival and its p90 after the post; the told arrival wins.
    """
    source = Source(reporter="Hajun", published=published.date())
    ship = make_shipment("t1", left=None, arrival=arrival, source=source)
    day_lo, day_hi = pd.Timestamp(arrival[0]), pd.Timestamp(arrival[1]) + pd.Timedelta(days=1)
    for as_of in (published.date(), published.date() + timedelta(days=3)):
        row = status_of(ship, as_of=pd.Timestamp(as_of))
        assert row[C.STATUS] == "likely arrived", as_of
        assert "arrival_as_reported" in row[C.FLAGS]
        assert (row[C.P10], row[C.P90]) == (day_lo, day_hi)
        assert row[C.P10] <= row[C.P50] <= row[C.P90]
    reports = as_reports([ship])
    est = estimate_arrivals(reports, NET, as_of=published.date(), model=MODEL).iloc[0]
    assert est[C.METHOD] == "reported_arrival"
    assert "arrival_as_reported" in est[C.FLAGS]
    assert (est[C.P10], est[C.P90]) == (day_lo, day_hi)
    assert not est[C.CLAIM_OUTSIDE_WINDOW]
    # the train left by its told arrival, not by the report's date
    assert est[C.DEPARTURE_LATEST] <= pd.Timestamp(arrival[1])


def test_an_arrival_told_before_it_is_known_is_not_yet_an_arrival():
    """A report published after the as-of date is not known then: no told arrival."""
    source = Source(reporter="Hajun", published=date(2023, 3, 6))
    ship = make_shipment("t1", arrival=(date(2023, 3, 6), date(2023, 3, 6)), source=source)
    row = status_of(ship, as_of="2023-03-03")
    assert "arrival_as_reported" not in row[C.FLAGS]
    assert row[C.STATUS] != "likely arrived"

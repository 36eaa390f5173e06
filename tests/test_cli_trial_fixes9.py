"""Fixes from a new user's trial of ``railtrack track`` (findings F118-F129), each as a kind.

- F125: a train its report tells on its way, with no departure date, has not arrived
  before the report's day (estimate, status and the timeline's assumed departure).
- window_from_plan: a planned arrival later than the model's window moves the model's
  window, whole, to start at the plan (its spread kept), instead of stacking p10 and p50
  on the plan's first instant.
- F126: a train told only as seen on its way (no origin) is the train another report
  tells leaving from where it was seen, or passing it, that day, with its count.
"""

from __future__ import annotations

import json
from pathlib import Path

import matplotlib as mpl

mpl.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from typer.testing import CliRunner

from railtrack import columns as C
from railtrack import data_path, load_network, load_reports
from railtrack.cli import app
from railtrack.estimate import arrival_windows, plan_bounded, report_day_floor
from railtrack.plot import plot_arrival_timeline
from railtrack.relays import relay_links
from railtrack.routes import shipment_routes
from railtrack.tracking import track_status

NET = load_network()
runner = CliRunner()


def _records(stdout: str, kind: str) -> list[dict]:
    rows = [json.loads(line) for line in stdout.splitlines() if line.startswith("{")]
    return [r for r in rows if r.get("record") == kind]


def _report(tmp_path: Path, text: str, *, published: str = "2023-04-12", name: str = "r") -> Path:
    path = tmp_path / f"{name}.txt"
    path.write_text(
        f"source: Belarusian Hajun\npublished: {published}\n\n{text}\n", encoding="utf-8"
    )
    return path


def _estimates(path: Path, as_of: str) -> pd.DataFrame:
    ships = load_reports(path).resolve(NET).to_frame()
    return arrival_windows(ships, shipment_routes(ships, NET), as_of=as_of)


# --- F125: told on its way on the report's day, not arrived before it --------------

HEADING = [
    "A train of 40 cars from Orsha is heading to Kalinkovichi.",
    "A train of 40 cars left Orsha for Kalinkovichi.",
    "Эшелон из 40 вагонов из Орши направляется в Калинковичи.",
    "Ешелон із 40 вагонів з Орші прямує до Калинковичів.",
    "Pociąg z 40 wagonami z Orszy jedzie do Kalinkowicz.",
]


@pytest.mark.parametrize("text", HEADING)
def test_a_train_heading_somewhere_has_not_arrived_before_the_reports_day(tmp_path, text):
    # Orsha -> Kalinkovichi is ~300 km: the model had it there days before the report
    path = _report(tmp_path, text)
    day = pd.Timestamp("2023-04-12")
    row = track_status(load_reports(path), NET, as_of="2023-04-12").iloc[0]
    assert row[C.P10] >= day, text
    assert row[C.P50] > day
    assert row[C.STATUS] == "in transit"
    assert "window_from_report_day" in row[C.FLAGS]
    est = _estimates(path, "2023-04-12").iloc[0]
    assert est[C.P10] >= day
    assert "window_from_report_day" in est[C.FLAGS]
    # status and estimate give one window
    assert (est[C.P10], est[C.P50], est[C.P90]) == (row[C.P10], row[C.P50], row[C.P90])
    # and the window is the model's, cut at the report's day: not days later
    assert row[C.P50] < day + pd.Timedelta(days=3)


def test_a_dated_departure_or_a_told_arrival_is_not_floored(tmp_path):
    text = "A train of 40 cars left Orsha for Kalinkovichi on 1 April."
    dated = _report(tmp_path, text, name="a")
    told = _report(tmp_path, "A train of 40 cars from Orsha arrived at Kalinkovichi.", name="b")
    for path in (dated, told):
        row = track_status(load_reports(path), NET, as_of="2023-04-12").iloc[0]
        assert row[C.STATUS] == "likely arrived"
        assert "window_from_report_day" not in row[C.FLAGS]


def test_report_day_floor_applies_to_undated_moving_trains_only():
    ships = pd.DataFrame(
        {
            "published": ["2023-04-12"] * 5 + [None],
            "departure_earliest": [None, "2023-04-01", None, None, None, None],
            "claim": ["sighted", "sighted", "planned", "sighted", "expected", "sighted"],
            "arrival_latest": [None, None, None, "2023-04-10", None, None],
            "arrival_told": [False, False, False, False, False, False],
        }
    )
    floor = report_day_floor(ships)
    day = float((pd.Timestamp("2023-04-12") - pd.Timestamp("1970-01-01")).days)
    assert floor[0] == day
    assert floor[4] == day  # an expected arrival with no date: still on its way
    assert np.isnan(floor[[1, 2, 3, 5]]).all()


def test_the_timeline_assumed_departure_stops_at_the_arrival_window(tmp_path):
    est = _estimates(_report(tmp_path, HEADING[0]), "2023-04-12")
    fig, ax = plt.subplots()
    try:
        plot_arrival_timeline(est, ax=ax)
        (dotted,) = [line for line in ax.lines if line.get_linestyle() == ":"]
        end = max(pd.Timestamp(x) for x in dotted.get_xdata())
        assert end <= est.iloc[0][C.P10]
    finally:
        plt.close(fig)


# --- window_from_plan: the model's window moved whole, not clipped -----------------


def test_plan_bounded_shifts_the_window_keeping_its_spread():
    p10, p50, p90 = np.array([1.0, 1.0]), np.array([2.0, 3.0]), np.array([3.0, 6.0])
    lo, hi = np.array([4.0, 8.0]), np.array([np.inf, 9.0])
    q10, q50, q90, moved = plan_bounded((p10, p50, p90), (lo, hi), np.array([False, False]))
    assert moved.tolist() == [True, True]
    # open plan "after day 4": the spread 1 / 1 days is kept from day 4
    assert (q10[0], q50[0], q90[0]) == (4.0, 5.0, 6.0)
    # a planned day: moved to start on it, p50 at its middle, the spread to p90
    assert (q10[1], q50[1], q90[1]) == (8.0, 8.5, 13.0)


def test_the_seed_neklinovka_train_has_a_spread_window():
    reports = load_reports(data_path("reports", "seed-hajun-2023-03.yaml"))
    row = track_status(reports, NET, as_of="2023-03-10").set_index(C.ID).loc["seed-2023-03-t2"]
    assert row[C.P10] == pd.Timestamp("2023-03-08")  # the plan: "after 8 March"
    assert row[C.P50] > row[C.P10]
    assert "window_from_plan" in row[C.FLAGS]


# --- F126: a train told only as seen on its way is linked to the train it is -------

LOG = "id,date,from,to,via,wagons,source\n"


def _seen_links(tmp_path: Path, rows: list[str], posts: dict[str, str]) -> pd.DataFrame:
    (tmp_path / "log.csv").write_text(LOG + "".join(rows), encoding="utf-8")
    for name, text in posts.items():
        (tmp_path / f"{name}.txt").write_text(
            f"source: Zerkalo {name}\npublished: 2023-03-06\n\n{text}\n", encoding="utf-8"
        )
    resolved = load_reports(tmp_path).resolve(NET)
    return relay_links(resolved.to_frame(), sightings=resolved.sightings_frame())


SEEN_AT_ORSHA = {
    "en": "A train of 45 cars was seen at Orsha on 6 March heading to Smolensk.",
    "ru": "6 марта на станции Орша замечен эшелон из 45 вагонов, который направлялся в Смоленск.",
}


@pytest.mark.parametrize("lang", sorted(SEEN_AT_ORSHA))
def test_a_sighting_at_a_trains_origin_is_that_train(tmp_path, lang):
    row = "row1,2023-03-06,Orsha,Smolensk,,45,Belarusian Hajun\n"
    links = _seen_links(tmp_path, [row], {"post": SEEN_AT_ORSHA[lang]})
    assert links[["id", "train", "matched_on"]].to_dict("records") == [
        {"id": "post-t1", "train": "row1", "matched_on": "sighting-origin"}
    ]


def test_a_sighting_on_a_trains_told_route_is_that_train(tmp_path):
    row = "row1,2023-03-05,Zhlobin,Smolensk,Orsha,45,Belarusian Hajun\n"
    links = _seen_links(tmp_path, [row], {"post": SEEN_AT_ORSHA["en"]})
    assert links[["id", "train", "matched_on"]].to_dict("records") == [
        {"id": "post-t1", "train": "row1", "matched_on": "sighting-via"}
    ]


def test_two_outlets_seeing_one_train_are_one_train(tmp_path):
    other = "A train of 46 wagons heading to Smolensk was spotted in Orsha on March 6."
    links = _seen_links(tmp_path, [], {"a": SEEN_AT_ORSHA["en"], "b": other})
    assert links["matched_on"].tolist() == ["sighting"]


@pytest.mark.parametrize(
    "row",
    [
        "row1,2023-03-06,Orsha,Smolensk,,30,Belarusian Hajun\n",  # another count
        "row1,2023-03-01,Orsha,Smolensk,,45,Belarusian Hajun\n",  # another day
        "row1,2023-03-06,Orsha,Bryansk,,45,Belarusian Hajun\n",  # another destination
        "row1,2023-03-06,Zhlobin,Smolensk,,45,Belarusian Hajun\n",  # not from or via Orsha
    ],
)
def test_a_sighting_that_differs_stays_a_train_of_its_own(tmp_path, row):
    assert _seen_links(tmp_path, [row], {"post": SEEN_AT_ORSHA["en"]}).empty


def test_track_counts_a_sighted_train_and_its_log_row_once(tmp_path):
    (tmp_path / "log.csv").write_text(
        LOG + "row1,2023-03-06,Orsha,Smolensk,,45,Belarusian Hajun\n", encoding="utf-8"
    )
    (tmp_path / "post.txt").write_text(
        f"source: Zerkalo\npublished: 2023-03-06\n\n{SEEN_AT_ORSHA['en']}\n", encoding="utf-8"
    )
    result = runner.invoke(app, ["track", str(tmp_path), "--json", "-o", str(tmp_path / "o")])
    (run,) = _records(result.stdout, "run")
    assert (run["n_trains"], run["cars_total"], run["n_relays"]) == (1, 45, 1)


# --- F129: the headline counts every outlet that told a train -----------------------


def test_the_headline_counts_the_outlets_of_a_relayed_train(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "log.csv").write_text(
        "id,date,from,to,wagons,source,relayed_by\n"
        "a,2023-03-06,Orsha,Smolensk,45,Belarusian Hajun,\n"
        "b,2023-03-06,Orsha,Smolensk,45,Belarusian Hajun,Zerkalo\n"
        "c,2023-03-06,Orsha,Smolensk,45,Belarusian Hajun,Kyiv Independent\n",
        encoding="utf-8",
    )
    out = str(tmp_path / "o")
    result = runner.invoke(app, ["track", str(tmp_path / "in"), "--json", "-o", out])
    (run,) = _records(result.stdout, "run")
    assert (run["n_trains"], run["n_relays"]) == (1, 2)
    assert run["sources"] == ["Belarusian Hajun"]  # the reporter, as before
    assert run["outlets"] == ["Belarusian Hajun", "The Kyiv Independent", "Zerkalo"]
    text = runner.invoke(app, ["track", str(tmp_path / "in"), "-o", out])
    assert "3 sources." in " ".join(text.stdout.split()), text.stdout


# --- F122: a train that went and came back is one train's cars ----------------------

BACK_NEXT_DAY = {
    "ru": "Эшелон из 40 вагонов 6 марта прибыл со станции Орша в Калинковичи, "
    "а на следующий день вернулся обратно в Оршу.",
    "uk": "Ешелон із 40 вагонів 6 березня прибув зі станції Орша до Калинковичів, "
    "а наступного дня повернувся до Орші.",
    "be": "Эшалон з 40 вагонаў 6 сакавіка прыбыў са станцыі Брэст у Гомель, "
    "а на наступны дзень вярнуўся ў Брэст.",
    "pl": "Pociąg z 40 wagonami 6 marca przyjechał ze stacji Orsza do Kalinkowicz. "
    "Następnego dnia wrócił do Orszy.",
    "ru-sentence": "Эшелон из 40 вагонов 6 марта прибыл со станции Орша в Калинковичи. "
    "На следующий день он вернулся обратно в Оршу.",
}


@pytest.mark.parametrize("lang", sorted(BACK_NEXT_DAY))
def test_the_next_day_dates_the_trip_back_from_the_first_date(tmp_path, lang):
    text = BACK_NEXT_DAY[lang]
    reports = load_reports(_report(tmp_path, text, published="2023-03-08"))
    out, back = reports.shipments
    assert out.expected_arrival.earliest.isoformat() == "2023-03-06"
    assert back.expected_arrival.earliest.isoformat() == "2023-03-07"
    assert back.return_of == out.id
    (said,) = [e for e in back.evidence if e.field == "expected_arrival"]
    assert text[said.start : said.end].lower() == said.text.lower()


def test_a_trip_back_dated_itself_keeps_its_date(tmp_path):
    text = "Эшелон 3 марта прибыл со станции Брест в Гомель, а 5 марта вернулся обратно в Брест."
    out, back = load_reports(_report(tmp_path, text, published="2023-03-08")).shipments
    assert back.expected_arrival.earliest.isoformat() == "2023-03-05"
    assert back.return_of == out.id


@pytest.mark.parametrize("lang", ["ru", "uk", "pl"])
def test_the_totals_count_a_trains_cars_once_out_and_back(tmp_path, lang):
    (tmp_path / "in").mkdir()
    _report(tmp_path / "in", BACK_NEXT_DAY[lang], published="2023-03-08")
    out = str(tmp_path / "o")
    result = runner.invoke(app, ["track", str(tmp_path / "in"), "--json", "-o", out])
    (run,) = _records(result.stdout, "run")
    assert (run["n_trains"], run["cars_total"], run["n_return_trips"]) == (2, 40, 1)
    ships = pd.read_csv(tmp_path / "o" / "shipments.csv")
    assert ships[C.RETURN_OF].notna().sum() == 1
    text = runner.invoke(app, ["track", str(tmp_path / "in"), "-o", out]).stdout
    assert "counted once, with the trip out" in " ".join(text.split())


# --- F128: a range in words in a table cell is read as a range in digits is ---------


@pytest.mark.parametrize(
    "cell",
    [
        "40-50",
        "between 40 and 50",
        "от сорока до пятидесяти",
        "between forty and fifty",
        "від сорока до п'ятдесяти",
        "od czterdziestu do pięćdziesięciu",
        "from forty to fifty",
    ],
)
def test_a_range_cell_in_words_or_digits_is_its_lower_end_estimated(tmp_path, cell):
    path = tmp_path / "log.csv"
    path.write_text(
        f'date,from,to,wagons,source\n2023-03-06,Orsha,Kalinkovichi,"{cell}",X\n', encoding="utf-8"
    )
    reports = load_reports(path)
    assert reports.problems == []
    (ship,) = reports.shipments
    assert (ship.cars.total, ship.cars.estimated) == (40, True)


# --- F118: a table's comment column is kept on its shipments ------------------------


@pytest.mark.parametrize(
    "header",
    [
        "Комментарий",
        "Примечание",
        "Коментар",
        "Заўвага",
        "Каментар",
        "Uwagi",
        "Komentarz",
        "Notes",
        "Comment",
    ],
)
def test_a_comment_column_is_kept_on_the_shipment(tmp_path, header):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "log.csv").write_text(
        f"date,from,to,wagons,source,{header}\n"
        "2023-03-06,Orsha,Kalinkovichi,45,Hajun,under tarpaulins\n",
        encoding="utf-8",
    )
    reports = load_reports(tmp_path / "in")
    assert reports.problems == []
    assert reports.to_frame()[C.NOTE].tolist() == ["under tarpaulins"]
    out = tmp_path / "o"
    result = runner.invoke(app, ["track", str(tmp_path / "in"), "--json", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert pd.read_csv(out / "shipments.csv")[C.NOTE].tolist() == ["under tarpaulins"]


# --- F119: the console's table names places as the network resolved them -----------


def test_the_track_table_shows_resolved_station_names(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "log.csv").write_text(
        "date,from,to,wagons,source\n2023-03-06,Вязьма,Полонка,45,Hajun\n", encoding="utf-8"
    )
    out = str(tmp_path / "o")
    result = runner.invoke(app, ["track", str(tmp_path / "in"), "-o", out], env={"COLUMNS": "200"})
    assert "Vyazma (Вязьма)" in result.stdout, result.stdout
    assert "Polonka (Полонка)" in result.stdout


# --- F121: a saved article's cited outlet is its reporter; none cited is said -------

PAGE = (
    '<html><head><meta property="article:published_time" content="2023-01-12T10:00:00+03:00">'
    '<link rel="canonical" href="https://example.org/news/1"></head><body><nav>Home</nav>'
    "<article><h1>Title</h1><p>{text} It is the third such train this week, and the "
    "monitors keep watching the line closely.</p></article></body></html>"
)


@pytest.mark.parametrize(
    ("text", "reporter"),
    [
        (
            "Эшелон из 48 вагонов 11 января вышел из Чепино в Россошь, сообщает «Беларускі Гаюн».",
            "Беларускі Гаюн",
        ),
        (
            "A train of 48 cars left Chepino for Rossosh on 11 January, reports Belarusian Hajun.",
            "Belarusian Hajun",
        ),
        (
            "Pociąg z 48 wagonami wyjechał z Czepino 11 stycznia, podaje Biełaruski Hajun.",
            "Biełaruski Hajun",
        ),
        (
            "Ешелон з 48 вагонів 11 січня вирушив з Чепино, повідомляє «Білоруський Гаюн».",
            "Білоруський Гаюн",
        ),
    ],
)
def test_a_saved_article_takes_the_outlet_it_cites_as_reporter(tmp_path, text, reporter):
    (tmp_path / "a.html").write_text(PAGE.format(text=text), encoding="utf-8")
    reports = load_reports(tmp_path / "a.html")
    assert {s.source.reporter for s in reports.shipments} == {reporter}
    assert not [p for p in reports.problems if p.field == "source"]


def test_a_saved_article_citing_no_one_says_the_reporter_is_unknown(tmp_path):
    text = "A train of 48 cars left Chepino for Rossosh on 11 January."
    (tmp_path / "a.html").write_text(PAGE.format(text=text), encoding="utf-8")
    reports = load_reports(tmp_path / "a.html")
    assert {s.source.reporter for s in reports.shipments} == {"unknown"}
    (problem,) = [p for p in reports.problems if p.field == "source"]
    assert "no reporter" in problem.message

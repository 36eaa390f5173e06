"""Counts given as lower bounds stay lower bounds (trial F98, F99).

"co najmniej 35 wagonów", "понад 30 вагонів", "не менее 30", "at least 40 cars":
the train had that many cars *or more*. They are read as ``cars.at_least`` (not as
exact counts, nor as estimates), carried through loading, relay linking and the
summaries, which say "at least". "About 30" stays an estimate. Inputs are short
sentences written for the test, one per lower-bound word, in each language.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from railtrack import columns as C
from railtrack import load_network, load_reports
from railtrack.cli import app
from railtrack.extract import extract_shipments
from railtrack.io import ReportSet
from railtrack.io.cells import read_count
from railtrack.models import CarCounts, DateWindow, Place, Shipment, Source
from railtrack.relays import drop_relays, relay_links, same_train, without_relays
from railtrack.summary import total_figures

PUB = date(2023, 3, 9)


def _only(text: str, lang: str) -> Shipment:
    shipments = extract_shipments(text, published=PUB, network=False, lang=lang).shipments
    assert len(shipments) == 1, shipments
    return shipments[0]


LOWER_BOUNDS = [
    ("At least 40 cars left Slonim for Valuyki on 8 March.", "en", 40),
    ("A train of over 30 wagons left Slonim for Valuyki on 8 March.", "en", 30),
    ("More than 50 flatcars left Slonim for Valuyki on 8 March.", "en", 50),
    ("No fewer than 25 cars left Slonim for Valuyki on 8 March.", "en", 25),
    ("8 марта со станции Слоним в Валуйки ушёл эшелон не менее 30 вагонов.", "ru", 30),
    ("8 марта из Слонима в Валуйки ушёл эшелон из более 50 вагонов.", "ru", 50),
    ("8 марта из Слонима в Валуйки ушёл эшелон, свыше 40 вагонов.", "ru", 40),
    ("8 марта из Слонима в Валуйки ушёл эшелон, как минимум 35 вагонов.", "ru", 35),
    ("8 березня зі станції Слонім до Валуйок вирушив ешелон понад 30 вагонів.", "uk", 30),
    ("8 березня зі Слоніма до Валуйок вирушив ешелон, щонайменше 40 вагонів.", "uk", 40),
    ("8 березня зі Слоніма до Валуйок вирушив ешелон, не менше 45 вагонів.", "uk", 45),
    ("8 березня зі Слоніма до Валуйок вирушив ешелон, більше 50 вагонів.", "uk", 50),
    ("8 сакавіка са станцыі Слонім у Валуйкі адправіўся эшалон больш за 30 вагонаў.", "be", 30),
    ("8 сакавіка са Слоніма ў Валуйкі адправіўся эшалон, не менш за 40 вагонаў.", "be", 40),
    ("8 сакавіка са Слоніма ў Валуйкі адправіўся эшалон, звыш 35 вагонаў.", "be", 35),
    ("8 marca ze stacji Słonim do Wałujek wyjechał pociąg co najmniej 35 wagonów.", "pl", 35),
    ("8 marca ze Słonimia do Wałujek wyjechał pociąg, ponad 20 wagonów.", "pl", 20),
    ("8 marca ze Słonimia do Wałujek wyjechał pociąg, przynajmniej 40 wagonów.", "pl", 40),
    ("8 marca ze Słonimia do Wałujek wyjechał pociąg, przeszło 30 wagonów.", "pl", 30),
]


@pytest.mark.parametrize(("text", "lang", "total"), LOWER_BOUNDS)
def test_a_lower_bound_is_kept_as_one(text: str, lang: str, total: int) -> None:
    cars = _only(text, lang).cars
    assert (cars.total, cars.at_least, cars.estimated) == (total, True, False)
    assert cars.total_is_lower_bound


ESTIMATES = [
    ("About 30 cars left Slonim for Valuyki on 8 March.", "en"),
    ("Approximately 30 cars left Slonim for Valuyki on 8 March.", "en"),
    ("8 марта из Слонима в Валуйки ушёл эшелон, около 30 вагонов.", "ru"),
    ("8 марта из Слонима в Валуйки ушёл эшелон, примерно 30 вагонов.", "ru"),
    ("8 березня зі Слоніма до Валуйок вирушив ешелон, близько 30 вагонів.", "uk"),
    ("8 березня зі Слоніма до Валуйок вирушив ешелон, приблизно 30 вагонів.", "uk"),
    ("8 сакавіка са Слоніма ў Валуйкі адправіўся эшалон, каля 30 вагонаў.", "be"),
    ("8 marca ze Słonimia do Wałujek wyjechał pociąg, około 30 wagonów.", "pl"),
]


UPPER_BOUNDS = [
    ("No more than 30 cars left Slonim for Valuyki on 8 March.", "en"),
    ("At most 30 cars left Slonim for Valuyki on 8 March.", "en"),
    ("8 марта из Слонима в Валуйки ушёл эшелон, не более 30 вагонов.", "ru"),
    ("8 марта из Слонима в Валуйки ушёл эшелон, не больше 30 вагонов.", "ru"),
    ("8 березня зі Слоніма до Валуйок вирушив ешелон, не більше 30 вагонів.", "uk"),
    ("8 сакавіка са Слоніма ў Валуйкі адправіўся эшалон, не больш за 30 вагонаў.", "be"),
    ("8 marca ze Słonimia do Wałujek wyjechał pociąg, nie więcej niż 30 wagonów.", "pl"),
]


@pytest.mark.parametrize(("text", "lang"), UPPER_BOUNDS)
def test_no_more_than_is_an_estimate_never_at_least(text: str, lang: str) -> None:
    """An upper bound ("не более 30": "more" negated) is kept as an estimate."""
    cars = _only(text, lang).cars
    assert (cars.total, cars.at_least, cars.estimated) == (30, False, True)


@pytest.mark.parametrize(("text", "lang"), ESTIMATES)
def test_an_approximate_count_stays_an_estimate(text: str, lang: str) -> None:
    cars = _only(text, lang).cars
    assert (cars.total, cars.at_least, cars.estimated) == (30, False, True)


EXACT = [
    ("A train of 30 cars left Slonim for Valuyki on 8 March.", "en"),
    ("8 марта из Слонима в Валуйки ушёл эшелон из 30 вагонов.", "ru"),
    ("8 березня зі Слоніма до Валуйок вирушив ешелон з 30 вагонів.", "uk"),
    ("8 сакавіка са Слоніма ў Валуйкі адправіўся эшалон з 30 вагонаў.", "be"),
    ("8 marca ze Słonimia do Wałujek wyjechał pociąg z 30 wagonami.", "pl"),
]


@pytest.mark.parametrize(("text", "lang"), EXACT)
def test_an_exact_count_is_neither(text: str, lang: str) -> None:
    cars = _only(text, lang).cars
    assert (cars.total, cars.at_least, cars.estimated) == (30, False, False)


RESTATED = [
    (
        "At least 30 cars left Slonim for Valuyki on 8 March. "
        "The train of 42 cars arrived in Valuyki on 10 March.",
        "en",
    ),
    (
        "Эшелон из не менее 30 вагонов ушёл из Слонима в Валуйки 8 марта. "
        "Эшелон из 42 вагонов прибыл в Валуйки 10 марта.",
        "ru",
    ),
    (
        "Ешелон з понад 30 вагонів вирушив зі Слоніма до Валуйок 8 березня. "
        "Ешелон з 42 вагонів прибув до Валуйок 10 березня.",
        "uk",
    ),
    (
        "Эшалон з больш за 30 вагонаў адправіўся са Слоніма ў Валуйкі 8 сакавіка. "
        "Эшалон з 42 вагонаў прыбыў у Валуйкі 10 сакавіка.",
        "be",
    ),
    (
        "Pociąg z co najmniej 30 wagonami wyjechał ze Słonimia do Wałujek 8 marca. "
        "Pociąg z 42 wagonami dotarł do Wałujek 10 marca.",
        "pl",
    ),
]


@pytest.mark.parametrize(("text", "lang"), RESTATED)
def test_a_bound_then_the_count_in_one_report_is_one_train_of_the_count(
    text: str, lang: str
) -> None:
    """The lead's "at least 30" and the detail's "42" tell one train of 42 cars."""
    shipment = _only(text, lang)
    assert (shipment.cars.total, shipment.cars.at_least) == (42, False)
    assert shipment.departure is not None
    assert shipment.expected_arrival is not None


def test_a_higher_bound_raises_a_bound_but_never_an_exact_count() -> None:
    bound = _only(
        "At least 30 cars left Slonim for Valuyki on 8 March. "
        "The train, more than 42 cars, arrived in Valuyki on 10 March.",
        "en",
    )
    assert (bound.cars.total, bound.cars.at_least) == (42, True)
    exact = _only(
        "A train of 42 cars left Slonim for Valuyki on 8 March. "
        "The train of at least 30 cars arrived in Valuyki on 10 March.",
        "en",
    )
    assert (exact.cars.total, exact.cars.at_least) == (42, False)


def test_extract_json_says_at_least() -> None:
    result = extract_shipments(LOWER_BOUNDS[0][0], published=PUB, network=False, lang="en")
    shipment = result.to_dict()["shipments"][0]
    assert (shipment["cars"]["total"], shipment["cars_at_least"]) == (40, True)
    assert shipment["cars_estimated"] is False


# -- cells of a table --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "value"),
    [
        ("at least 40", 40),
        ("over 30", 30),
        (">40", 40),
        ("≥ 40", 40),
        ("40+", 40),
        ("не менее 30", 30),
        ("более 50", 50),
        ("понад 30", 30),
        ("щонайменше 40", 40),
        ("больш за 30", 30),
        ("co najmniej 35", 35),
        ("ponad 20", 20),
    ],
)
def test_a_lower_bound_cell(cell: str, value: int) -> None:
    count = read_count(cell)
    assert count is not None
    assert (*count[:3], count.at_most) == (value, False, True, False)


@pytest.mark.parametrize(
    "cell",
    [
        "about 30",
        "около 30",
        "близько 30",
        "około 30",
        "~30",
        "no more than 30",
        "не более 30",
        "не больш за 30",
        "nie więcej niż 30",
    ],
)
def test_an_approximate_cell_stays_approximate(cell: str) -> None:
    """An estimate or an upper bound ("no more than 30": also ``at_most``, trial11 T21)."""
    count = read_count(cell)
    assert count is not None
    assert count[:3] == (30, True, False)
    assert count.at_most is (count.most == 30)


def test_a_table_keeps_the_bound(tmp_path: Path) -> None:
    path = tmp_path / "log.csv"
    path.write_text(
        "id,origin,destination,departure,published,source,wagons\n"
        "a,Orsha,Zhlobin,2023-02-01,2023-02-02,Test channel,co najmniej 35\n"
        "b,Orsha,Zhlobin,2023-02-03,2023-02-04,Test channel,около 30\n",
        encoding="utf-8",
    )
    reports = load_reports(path)
    assert not reports.problems
    first, second = (s.cars for s in reports.shipments)
    assert (first.total, first.at_least, first.estimated) == (35, True, False)
    assert (second.total, second.at_least, second.estimated) == (30, False, True)
    frame = reports.to_frame()
    assert frame[C.CARS_AT_LEAST].tolist() == [True, False]


def test_a_record_file_keeps_the_flag(tmp_path: Path) -> None:
    path = tmp_path / "posts.jsonl"
    path.write_text(
        '{"id": "a", "origin": "Orsha", "destination": "Zhlobin", "cars_total": 40, '
        '"cars_at_least": true, "source": {"reporter": "x", "published": "2023-02-02"}}\n',
        encoding="utf-8",
    )
    (shipment,) = load_reports(path).shipments
    assert (shipment.cars.total, shipment.cars.at_least) == (40, True)


# -- relays: "at least 30" and "42" are one train of 42 ----------------------------------

SLONIM = Place(text="Slonim", station_id="130403", station="Slonim")
MATVEEV = Place(text="Matveev Kurgan", station_id="510203", station="Matveev Kurgan")


def _ship(sid: str, report: str, cars: int, *, at_least: bool = False) -> Shipment:
    return Shipment(
        id=sid,
        report=report,
        origin=SLONIM,
        destination=MATVEEV,
        departure=DateWindow.day(date(2023, 3, 2)),
        cars=CarCounts(total=cars, at_least=at_least),
        source=Source(reporter="Belarusian Hajun", relayed_by=report),
    )


def _reports(*ships: Shipment) -> ReportSet:
    reports = ReportSet()
    for s in ships:
        reports.add(s)
    return reports


@pytest.mark.parametrize("order", [(0, 1), (1, 0)])
def test_a_bound_and_a_larger_count_are_one_train_of_the_count(order: tuple[int, int]) -> None:
    ships = [_ship("a-t1", "a", 30, at_least=True), _ship("b-t1", "b", 42)]
    reports = _reports(*(ships[i] for i in order))
    frame = reports.to_frame()
    links = relay_links(frame)
    assert len(links) == 1
    kept, _ = without_relays(frame, frame.iloc[:0], links)
    assert len(kept) == 1
    assert (int(kept[C.CARS_TOTAL].iloc[0]), bool(kept[C.CARS_AT_LEAST].iloc[0])) == (42, False)
    (record,) = drop_relays(reports, links).shipments
    assert (record.cars.total, record.cars.at_least) == (42, False)
    assert same_train(ships[0], ships[1]) == "departure"


def test_without_the_bound_the_counts_tell_two_trains() -> None:
    assert relay_links(_reports(_ship("a-t1", "a", 30), _ship("b-t1", "b", 42)).to_frame()).empty


def test_a_count_below_the_bound_tells_another_train() -> None:
    ships = (_ship("a-t1", "a", 30, at_least=True), _ship("b-t1", "b", 20))
    assert relay_links(_reports(*ships).to_frame()).empty
    assert same_train(*ships) is None


def test_two_bounds_are_one_train_and_keep_the_higher_bound() -> None:
    reports = _reports(_ship("a-t1", "a", 30, at_least=True), _ship("b-t1", "b", 45, at_least=True))
    frame = reports.to_frame()
    links = relay_links(frame)
    kept, _ = without_relays(frame, frame.iloc[:0], links)
    assert (int(kept[C.CARS_TOTAL].iloc[0]), bool(kept[C.CARS_AT_LEAST].iloc[0])) == (45, True)


# -- summaries say "at least" ------------------------------------------------------------


def test_the_total_of_a_bound_is_a_lower_bound() -> None:
    bound = pd.DataFrame({"cars_total": [40], "cars_at_least": [True]})
    exact = pd.DataFrame({"cars_total": [40], "cars_at_least": [False]})
    assert total_figures(bound)["cars_total_lower_bound"] is True
    assert total_figures(exact)["cars_total_lower_bound"] is False


def test_track_says_at_least_and_counts_the_relayed_bound_once(tmp_path: Path) -> None:
    from railtrack.briefing_html import _cars, _headline
    from railtrack.pipeline import track

    assert _cars(20, False, False, True) == "≥ 20"  # a train's cars in the briefing

    path = tmp_path / "log.csv"
    path.write_text(
        "id,report,origin,destination,departure,published,source,wagons\n"
        "a,r1,Orsha,Zhlobin,2023-02-01,2023-02-02,Test channel,at least 30\n"
        "b,r2,Orsha,Zhlobin,2023-02-01,2023-02-02,Other channel,42\n"
        "c,r3,Orsha,Zhlobin,2023-02-20,2023-02-21,Test channel,не менее 20\n",
        encoding="utf-8",
    )
    result = track(load_reports(path), load_network(), as_of="2023-03-01")
    head = result.headline()
    assert (head["shipments"], head["cars_total"]) == (2, 62)
    assert head["cars_total_lower_bound"] is True
    assert "at least 62 cars" in _headline(result, ("", ""), "1 Mar 2023")
    only_exact = path.read_text(encoding="utf-8").splitlines()[:3]
    path.write_text("\n".join(only_exact) + "\n", encoding="utf-8")
    head = track(load_reports(path), load_network(), as_of="2023-03-01").headline()
    assert (head["shipments"], head["cars_total"], head["cars_total_lower_bound"]) == (
        1,
        42,
        False,
    )


def test_the_summary_table_shows_a_bound_as_at_least(tmp_path: Path) -> None:
    path = tmp_path / "log.csv"
    path.write_text(
        "id,origin,destination,departure,published,source,wagons\n"
        "a,Orsha,Zhlobin,2023-02-01,2023-02-02,Test channel,ponad 30\n"
        "b,Orsha,Zhlobin,2023-02-20,2023-02-21,Test channel,12\n",
        encoding="utf-8",
    )
    runner = CliRunner()
    table = runner.invoke(app, ["summary", str(path), "--by", "destination"])
    assert "≥ 42" in table.stdout
    as_json = runner.invoke(app, ["summary", str(path), "--by", "destination", "--json"])
    (row,) = json.loads(as_json.stdout)["rows"]
    assert (row["cars_total"], row["cars_at_least"]) == (42, True)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Two trains with more than 80 cars in total left Slonim for Valuyki on 8 March.", "en"),
        ("8 марта из Слонима в Валуйки ушли два эшелона, всего более 80 вагонов.", "ru"),
        ("8 marca ze Słonimia do Wałujek wyjechały dwa pociągi, łącznie ponad 80 wagonów.", "pl"),
    ],
)
def test_a_group_total_given_as_a_bound_is_at_least_in_the_summary(text: str, lang: str) -> None:
    import railtrack

    result = extract_shipments(text, published=PUB, network=False, lang=lang)
    (group,) = result.groups
    assert (group.cars.total, group.cars.at_least) == (80, True)
    reports = _reports(*result.shipments)
    reports.add(group)
    (row,) = railtrack.summarize(reports, by=()).to_dict("records")
    assert (row[C.CARS_TOTAL], row[C.CARS_AT_LEAST]) == (80, True)
    assert row[C.UNALLOCATED].startswith("at least 80 cars of group")


def test_the_store_links_a_bound_and_keeps_the_count_that_says_more(tmp_path: Path) -> None:
    """The store links as ``track`` does, and its one record per train takes the 42."""
    from railtrack.store import Store

    with Store(tmp_path / "store.sqlite") as db:
        first = _ship("a-t1", "a", 30, at_least=True).model_copy(update={"credibility": 2})
        db.ingest(_reports(first))
        result = db.ingest(_reports(_ship("b-t1", "b", 42), _ship("c-t1", "c", 20)))
        assert result.linked == 1  # 42 meets "at least 30"; 20 does not
        kept = {s.id: s.cars for s in db.reports().shipments}
    assert set(kept) == {"a-t1", "c-t1"}  # a: the better credibility
    assert (kept["a-t1"].total, kept["a-t1"].at_least) == (42, False)
    assert (kept["c-t1"].total, kept["c-t1"].at_least) == (20, False)


def test_the_extract_table_shows_a_bound_as_at_least() -> None:
    text = (
        "At least 40 cars left Slonim for Valuyki on 8 March. "
        "Another train of 30 cars left Orsha for Valuyki on 9 March."
    )
    result = CliRunner().invoke(app, ["extract", "-", "--published", "2023-03-09"], input=text)
    rows = [line for line in result.stdout.splitlines() if "stdin-t" in line]
    assert len(rows) == 2
    assert "≥ 40" in rows[0]
    assert "≥" not in rows[1]
    assert "at_least" not in result.stdout


def test_the_load_table_shows_a_bound_as_at_least(tmp_path: Path) -> None:
    path = tmp_path / "log.csv"
    path.write_text(
        "id,origin,destination,departure,published,source,wagons\n"
        "a,Orsha,Zhlobin,2023-02-01,2023-02-02,Test channel,понад 30\n"
        "b,Orsha,Zhlobin,2023-02-20,2023-02-21,Test channel,12\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["load", str(path)], env={"COLUMNS": "160"})
    row_a = next(line for line in result.stdout.splitlines() if "│ a " in line)
    row_b = next(line for line in result.stdout.splitlines() if "│ b " in line)
    assert "≥ 30" in row_a
    assert "≥" not in row_b

"""A spreadsheet cell is read as text is read, and one bad cell never costs its row.

Counts written as people write them ("about 40", "сорок девять", "30-40") go
through the text readers' number words; a date only month-first is read so; a
count or date cell that still cannot be read is left out with one problem per
cell, and the row's other fields are kept. Car-type columns headed by the type
alone ("Пассажирских", "Крытых") or abbreviated ("Пасс.") map like "Платформ".
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from railtrack import load_reports
from railtrack.io.cells import Count, read_count
from railtrack.io.tables import map_headers, month_first_date


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("40", Count(40, False)),
        ("1,200", Count(1200, False)),
        ("about 40", Count(40, True)),
        ("~ 40", Count(40, True)),
        ("около 40", Count(40, True)),
        ("około 30", Count(30, True)),
        ("приблизно 25", Count(25, True)),
        ("forty-two", Count(42, False)),
        ("сорок девять", Count(49, False)),
        ("двадцять два", Count(22, False)),
        ("трыццаць", Count(30, False)),
        ("30-40", Count(30, True, at_least=True, at_most=True, most=40)),
        ("30 – 40", Count(30, True, at_least=True, at_most=True, most=40)),
    ],
)
def test_count_cells_read_like_text(cell: str, expected: Count) -> None:
    assert read_count(cell) == expected


@pytest.mark.parametrize("cell", ["many", "много", "?", "", "12.5", "сорок два сорок"])
def test_a_cell_that_is_no_count_gives_none(cell: str) -> None:
    assert read_count(cell) is None


def test_month_first_only_when_nothing_else_fits() -> None:
    assert month_first_date("12/13/2022") == "2022-12-13"
    assert month_first_date("02/29/23") is None  # no such day
    assert month_first_date("01/03/2023") is None  # day-first rule
    assert month_first_date("13/03/2023") is None  # day-first, unambiguous


def test_short_and_abbreviated_car_type_headers_map() -> None:
    headers = ["Дата", "Пассажирских", "Крытых", "Пасс.", "Wagony", "Pasażerskie", "Заметки"]
    columns = map_headers(headers).columns
    assert columns["Пассажирских"] == "cars_passenger"
    assert columns["Крытых"] == "cars_covered"
    assert columns["Заметки"] == "note"
    assert "Pasażerskie" not in columns  # the same field as Пассажирских: the first wins
    assert map_headers(["Пасс."]).columns == {"Пасс.": "cars_passenger"}
    assert map_headers(["Pasażerskie"]).columns == {"Pasażerskie": "cars_passenger"}


def test_vague_short_headers_stay_unmapped() -> None:
    # "Количество" (quantity) and a two-letter abbreviation say nothing certain
    assert map_headers(["Количество", "Па.", "Wagons"]).columns == {"Wagons": "cars_total"}


@pytest.fixture
def table(tmp_path: Path) -> Path:
    path = tmp_path / "trains.csv"
    path.write_text(
        "date,from,to,wagons,пассажирских,source\n"
        "2023-03-01,Slonim,Polonka,about 40,2,Hajun\n"
        "2023-03-02,Orsha,Polonka,сорок девять,,Hajun\n"
        "12/13/2022,Chebarkul,Polonka,30-40,,Hajun\n"
        "31.02.2023,Vyazma,Polonka,много,пять,Hajun\n",
        encoding="utf-8",
    )
    return path


def test_every_row_is_kept_with_what_can_be_read(table: Path) -> None:
    reports = load_reports(table)
    by_origin = {s.origin.text: s for s in reports.shipments if s.origin is not None}
    assert set(by_origin) == {"Slonim", "Orsha", "Chebarkul", "Vyazma"}
    slonim = by_origin["Slonim"]
    assert (slonim.cars.total, slonim.cars.passenger, slonim.cars.estimated) == (40, 2, True)
    assert (by_origin["Orsha"].cars.total, by_origin["Orsha"].cars.estimated) == (49, False)
    chebarkul = by_origin["Chebarkul"]
    assert chebarkul.departure is not None
    assert chebarkul.departure.earliest == date(2022, 12, 13)
    assert (chebarkul.cars.total, chebarkul.cars.estimated) == (30, True)
    assert (chebarkul.cars.total_max, chebarkul.cars.at_least) == (40, True)  # a range
    vyazma = by_origin["Vyazma"]
    assert vyazma.departure is None
    assert (vyazma.cars.passenger, vyazma.cars.total_derived) == (5, True)  # "много" left out
    assert vyazma.destination is not None
    assert vyazma.destination.text == "Polonka"


def test_one_problem_per_bad_cell_naming_row_and_column(table: Path) -> None:
    problems = [p for p in load_reports(table).problems if p.row == 5]
    assert sorted(p.field for p in problems) == ["date", "wagons"]
    for p in problems:
        assert "kept without this field" in p.message
        assert "skipped" not in p.message


def test_contradictory_or_implausible_counts_cost_only_those_cells(tmp_path: Path) -> None:
    """Trial F78 (kind): typed cars over the total, or a count over what a train
    carries, leave out those counts; the row keeps its date, ends and source."""
    path = tmp_path / "log.csv"
    path.write_text(
        "date,from,to,cars,flats,tank cars,source\n"
        "2022-11-02,Brest,Gomel,20,25,,me\n"  # typed 25 > total 20
        "2022-11-03,Brest,Gomel,20,15,10,me\n"  # typed 25 > total 20
        "2022-11-04,Brest,Gomel,900,,,me\n"  # more than a train carries
        "2022-11-05,Brest,Gomel,,,130,me\n"  # one typed count too many
        "2022-11-06,Brest,Gomel,44,40,4,me\n",  # fine
        encoding="utf-8",
    )
    reports = load_reports(path)
    df = reports.to_frame().set_index("id")
    assert len(df) == 5
    assert df["departure_earliest"].dt.day.tolist() == [2, 3, 4, 5, 6]
    assert set(df["origin"]) == {"Brest"}
    assert set(df["source"]) == {"me"}
    totals = df["cars_total"].tolist()
    assert totals[0] == 25
    assert totals[1] == 25
    assert pd.isna(totals[2])
    assert pd.isna(totals[3])
    assert totals[4] == 44
    assert df["cars_flat"].tolist()[:2] == [25, 15]
    text = [str(p) for p in reports.problems]
    assert all("record skipped" not in t for t in text)
    first = next(t for t in text if "row 2" in t)
    assert "field 'cars'" in first
    assert "'flats' 25" in first
    assert "total 20" in first
    assert any("row 4" in t and "900 cars" in t and "kept without" in t for t in text)
    assert any("row 5" in t and "field 'tank cars'" in t for t in text)


def test_a_repeated_header_reads_the_first_column_and_says_so(tmp_path: Path) -> None:
    """Trial F79 (kind): of two columns named alike the first is read, as the note says."""
    path = tmp_path / "dup.csv"
    path.write_text("Date,To,From,from,Wagons\n2022-10-01,Orsha,Minsk,Brest,30\n", encoding="utf-8")
    reports = load_reports(path)
    ship = reports.shipments[0]
    assert ship.origin is not None
    assert ship.origin.text == "Minsk"
    notes = [str(p) for p in reports.problems if "from" in str(p).lower()]
    assert len(notes) == 1
    assert "'from (column 4)' not read" in notes[0]
    assert "'From' already gives 'origin'" in notes[0]

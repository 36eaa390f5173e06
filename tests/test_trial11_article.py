"""Trial 11 findings T22, T6 and T17 (in part): dates a new user's reports gave wrong.

- T22: a ``published`` header after today (a year typo: 2033 for 2023) is a problem
  naming the file, line and field, and the report is kept with its publication date
  unknown, so it moves neither the knowledge date nor the briefing's period; a year
  outside the plausible range ("2203-03-16") is said to be out of range, not "not a date".
- T6: Polish "między 21 a 23 marca", "pomiędzy 21 a 23 marca" are a range of days, as
  ru "между 21 и 23 марта"; a train awaited ("spodziewany") that has left is
  ``expected``, as ru "ожидается", uk "очікується" and be "чакаецца".
- T17: English "On 16/03" is a day-first date (flagged ambiguous when both parts could
  be a month); a table cell "15-17.03.2023" is a window of days.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from railtrack.extract.dates import find_dates
from railtrack.io import load_reports
from railtrack.io._records import parse_window
from railtrack.io.text import extract_text_report
from tests._extract_helpers import read

PUB = date(2023, 3, 20)

# -- T22: a published date after today, or with an impossible year ---------------------

BODY = "16 марта из Орши в Смоленск ушёл эшелон из 40 вагонов.\n"


def report(published: str) -> str:
    return f"source: Беларускі Гаюн\npublished: {published}\n\n{BODY}"


@pytest.mark.parametrize("published", ["2099-03-16", "16.03.2099", "16 марта 2099"])
def test_published_after_today_is_a_problem_and_unknown(published: str) -> None:
    result, problems = extract_text_report(
        report(published), name="d9.txt", published=None, network=False
    )
    assert any(
        p.startswith("d9.txt line 2, field 'published'") and "after today" in p for p in problems
    ), problems
    (train,) = result.shipments
    assert train.source.published is None
    # the row is kept; its day is not read from the typo's year
    assert train.departure is None or train.departure.earliest.year != 2099


@pytest.mark.parametrize("published", ["2203-03-16", "16.03.2203", "1803-03-16"])
def test_year_out_of_range_is_said(published: str) -> None:
    _, problems = extract_text_report(
        report(published), name="d9.txt", published=None, network=False
    )
    (problem,) = [p for p in problems if "field 'published'" in p]
    assert "year is out of range" in problem
    assert "is not a date" not in problem


def test_a_good_published_date_is_kept() -> None:
    result, problems = extract_text_report(
        report("2023-03-16"), name="d9.txt", published=None, network=False
    )
    assert not [p for p in problems if "published" in p]
    (train,) = result.shipments
    assert train.source.published == date(2023, 3, 16)
    assert train.departure is not None
    assert train.departure.earliest == date(2023, 3, 16)


def test_future_typo_does_not_move_the_knowledge_date(tmp_path: Path) -> None:
    from railtrack.knowledge import knowledge_date

    (tmp_path / "d1.txt").write_text(
        "source: Гаюн\npublished: 2023-03-12\n\n"
        "12 марта из Осиповичей в Брянск ушёл эшелон из 33 платформ.\n",
        encoding="utf-8",
    )
    (tmp_path / "d9.txt").write_text(report("2099-03-16"), encoding="utf-8")
    reports = load_reports(tmp_path)
    assert knowledge_date(reports) == date(2023, 3, 12)
    assert any("d9.txt" in str(p) and "'published'" in str(p) for p in reports.problems)
    assert len(reports.shipments) == 2  # the typo's report is kept


# -- T6: Polish ranges of days between two days ----------------------------------------


@pytest.mark.parametrize(
    ("window", "lang"),
    [
        ("między 21 a 23 marca", "pl"),
        ("pomiędzy 21 a 23 marca", "pl"),
        ("pomiędzy 21 i 23 marca", "pl"),
        ("między 21 i 23 marca", "pl"),
        ("od 21 do 23 marca", "pl"),
        ("21-23 marca", "pl"),
    ],
)
def test_polish_arrival_between_two_days(window: str, lang: str) -> None:
    text = (
        "19 marca z Mozyrza do Briańska wyjechał pociąg z 44 wagonami. "
        f"Przyjazd do Briańska spodziewany jest {window}."
    )
    (train,) = read(text, PUB, lang).shipments
    assert train.expected_arrival is not None
    assert (train.expected_arrival.earliest, train.expected_arrival.latest) == (
        date(2023, 3, 21),
        date(2023, 3, 23),
    )
    assert train.claim == "expected"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "19 marca z Mozyrza do Briańska wyjechał pociąg. Przyjazd oczekiwany jest "
            "między 21 a 23 marca.",
            "pl",
        ),
        (
            "19 марта из Мозыря в Брянск ушёл эшелон. Прибытие ожидается между 21 и 23 марта.",
            "ru",
        ),
    ],
)
def test_awaited_departed_train_is_expected_in_every_language(text: str, lang: str) -> None:
    (train,) = read(text, PUB, lang).shipments
    assert train.claim == "expected"
    assert train.expected_arrival is not None
    assert train.expected_arrival.earliest.day == 21


# -- T17: English day/month with a slash; a sheet's span of days -----------------------


@pytest.mark.parametrize(
    ("text", "day", "ambiguous"),
    [
        ("On 16/03 an echelon from Russia arrived at Asipovichy station.", 16, False),
        ("On 06/03 an echelon from Russia arrived at Asipovichy station.", 6, True),
        ("On 16.03 an echelon from Russia arrived at Asipovichy station.", 16, False),
    ],
)
def test_english_day_month_is_read_day_first(text: str, day: int, ambiguous: bool) -> None:
    (train,) = read(text, PUB, "en").shipments
    assert train.expected_arrival is not None
    assert train.expected_arrival.earliest == date(2023, 3, day)
    (span,) = find_dates(text)
    assert span.is_ambiguous is ambiguous


def test_english_slash_fraction_is_no_date() -> None:
    assert find_dates("Only 3/4 of the cars were loaded.") == []


@pytest.mark.parametrize(
    ("cell", "first", "last"),
    [
        ("15-17.03.2023", date(2023, 3, 15), date(2023, 3, 17)),
        ("15–17.03.2023", date(2023, 3, 15), date(2023, 3, 17)),
        ("15.03-17.03.2023", date(2023, 3, 15), date(2023, 3, 17)),
        ("30.03-2.04.2023", date(2023, 3, 30), date(2023, 4, 2)),
        ("28.12-2.01.2024", date(2023, 12, 28), date(2024, 1, 2)),
    ],
)
def test_cell_span_of_days_is_a_window(cell: str, first: date, last: date) -> None:
    window = parse_window(cell, field="departure")
    assert window == {"earliest": first, "latest": last, "precision": "days"}


@pytest.mark.parametrize("cell", ["17-15.03.2023", "15-32.03.2023"])
def test_bad_cell_span_is_no_date(cell: str) -> None:
    from railtrack.io._records import RecordError

    with pytest.raises(RecordError, match=r"not a|ends before"):
        parse_window(cell, field="departure")


def test_sheet_row_with_span_of_days(tmp_path: Path) -> None:
    sheet = tmp_path / "log.csv"
    sheet.write_text(
        "departure,origin,destination,cars,source,published\n"
        "15-17.03.2023,Орша,Смоленск,40,Гаюн,2023-03-18\n",
        encoding="utf-8",
    )
    reports = load_reports(sheet)
    (train,) = reports.shipments
    assert train.departure is not None
    assert (train.departure.earliest, train.departure.latest) == (
        date(2023, 3, 15),
        date(2023, 3, 17),
    )
    assert not reports.problems


@pytest.mark.parametrize("published", ["2099-03-16", "16.03.2099"])
def test_sheet_row_published_after_today_is_kept_undated(tmp_path: Path, published: str) -> None:
    sheet = tmp_path / "log.csv"
    sheet.write_text(
        "departure,origin,destination,cars,source,published\n"
        "2023-03-12,Осиповичи,Брянск,33,Гаюн,2023-03-13\n"
        f"2023-03-16,Орша,Смоленск,40,Гаюн,{published}\n",
        encoding="utf-8",
    )
    reports = load_reports(sheet)
    assert len(reports.shipments) == 2
    (problem,) = reports.problems
    assert problem.row == 3
    assert problem.field == "published"
    assert "after today" in problem.message
    assert [s.source.published for s in reports.shipments] == [date(2023, 3, 13), None]


# -- T22: a published date years before all the others ---------------------------------


def week(tmp_path: Path, typo: str) -> Path:
    (tmp_path / "d1.txt").write_text(
        "source: Гаюн\npublished: 2023-03-12\n\n"
        "12 марта из Осиповичей в Брянск ушёл эшелон из 33 платформ.\n",
        encoding="utf-8",
    )
    (tmp_path / "d4.txt").write_text(
        "source: Гаюн\npublished: 2023-03-14\n\n"
        "13 марта эшелон из 45 вагонов прошёл станцию Орша.\n",
        encoding="utf-8",
    )
    (tmp_path / "d9.txt").write_text(report(typo), encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("typo", ["1923-03-16", "2013-03-16", "16.03.2003"])
def test_published_years_before_the_others_is_unknown(tmp_path: Path, typo: str) -> None:
    reports = load_reports(week(tmp_path, typo))
    assert len(reports.shipments) == 3  # kept
    (problem,) = [p for p in reports.problems if p.field == "published"]
    assert problem.path.endswith("d9.txt")
    assert "years before" in problem.message
    (typoed,) = [s for s in reports.shipments if s.id.startswith("d9")]
    # told, never erased: a date the report writes is its own (trial20 T3)
    assert typoed.source.published is not None
    assert "Kept as written" in problem.message


@pytest.mark.parametrize("near", ["2023-03-16", "2022-06-01"])
def test_published_a_little_before_is_kept(tmp_path: Path, near: str) -> None:
    reports = load_reports(week(tmp_path, near))
    assert not [p for p in reports.problems if p.field == "published"]
    (kept,) = [s for s in reports.shipments if s.id.startswith("d9")]
    assert kept.source.published == date.fromisoformat(near)


def test_sheet_row_published_years_before_names_its_row(tmp_path: Path) -> None:
    sheet = tmp_path / "log.csv"
    sheet.write_text(
        "departure,origin,destination,cars,source,published\n"
        "2023-03-12,Осиповичи,Брянск,33,Гаюн,2023-03-13\n"
        "2023-03-14,Орша,Смоленск,45,Гаюн,2023-03-15\n"
        "2023-03-16,Орша,Смоленск,40,Гаюн,2003-03-17\n",
        encoding="utf-8",
    )
    reports = load_reports(sheet)
    (problem,) = reports.problems
    assert (problem.row, problem.field) == (4, "published")
    assert [s.source.published for s in reports.shipments][2] == date(2003, 3, 17)
    # a full date in its own cell is not the typo's: kept
    assert reports.shipments[2].departure is not None

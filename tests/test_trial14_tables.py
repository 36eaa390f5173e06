"""Trial13 T10, S5, S6 (tables and records) and T4 (count corrections).

- T10: a spreadsheet's total row ("Razem", "Итого", "Всего", "Усяго", "Разом",
  "Total", an ``.xlsx`` ``=SUM(...)`` row, or a bare count equal to the rows above)
  is no train: a problem naming the row, with its stated total checked.
- S5: a reused id with different content in one file keeps both trains.
- S6: a log's span of days (``08-09.04.2023``) is a window of days.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from railtrack import load_reports

# --- T10: total rows --------------------------------------------------------------------

_HEADERS = {
    "pl": "Data;Skąd;Dokąd;Liczba wagonów;Źródło",
    "ru": "Дата;Откуда;Куда;Вагонов;Источник",
    "uk": "Дата;Звідки;Куди;Вагонів;Джерело",
    "be": "Дата;Адкуль;Куды;Вагонаў;Крыніца",
    "en": "Date;From;To;Wagons;Source",
}
_LABELS = [
    ("pl", "Razem"),
    ("pl", "RAZEM:"),
    ("pl", "Łącznie"),
    ("ru", "Итого"),
    ("ru", "Всего:"),
    ("uk", "Разом"),
    ("uk", "Усього"),
    ("be", "Усяго"),
    ("be", "Разам"),
    ("en", "Total"),
    ("en", "Sum"),
    ("en", "Grand total"),
]


def _sheet(tmp_path: Path, lang: str, last: str, *, blank: bool = False) -> Path:
    lines = [
        _HEADERS[lang],
        "13.04.2023;Homel;Mozyrz;40;Hajun",
        "13.04.2023;Homel;Mozyrz;42;Hajun",
        *([";;;;"] if blank else []),
        last,
    ]
    path = tmp_path / f"{lang}.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(("lang", "label"), _LABELS)
def test_a_total_row_is_no_train(tmp_path: Path, lang: str, label: str) -> None:
    reports = load_reports(_sheet(tmp_path, lang, f"{label};;;82;", blank=True))
    assert [s.cars.total for s in reports.shipments] == [40, 42]
    (problem,) = [p for p in reports.problems if "total row" in p.message]
    assert problem.row == 5
    assert problem.path.endswith(f"{lang}.csv")
    assert "82 cars" in problem.message
    assert "check the sheet" not in problem.message


def test_a_total_label_in_another_column_is_no_train(tmp_path: Path) -> None:
    reports = load_reports(_sheet(tmp_path, "ru", ";;Итого;82;"))
    assert [s.cars.total for s in reports.shipments] == [40, 42]


def test_a_total_that_disagrees_with_the_rows_is_named(tmp_path: Path) -> None:
    reports = load_reports(_sheet(tmp_path, "pl", "Razem;;;80;"))
    assert len(reports.shipments) == 2
    (problem,) = [p for p in reports.problems if "total row" in p.message]
    assert "states 80 cars" in problem.message
    assert "add up to 82" in problem.message


def test_a_bare_count_equal_to_the_sum_is_a_total(tmp_path: Path) -> None:
    reports = load_reports(_sheet(tmp_path, "en", ";;;82;"))
    assert [s.cars.total for s in reports.shipments] == [40, 42]
    assert [p.row for p in reports.problems if "total row" in p.message] == [4]


def test_a_bare_count_that_is_no_sum_stays_a_train(tmp_path: Path) -> None:
    reports = load_reports(_sheet(tmp_path, "en", ";;Brest;30;Hajun"))
    assert [s.cars.total for s in reports.shipments] == [40, 42, 30]
    assert not [p for p in reports.problems if "total row" in p.message]


def test_a_station_named_like_a_word_with_a_place_is_a_train(tmp_path: Path) -> None:
    # a label among real places and dates is no total row
    reports = load_reports(_sheet(tmp_path, "pl", "14.04.2023;Razem;Brest;82;Hajun"))
    assert len(reports.shipments) == 3


def test_totals_per_week_each_check_their_own_rows(tmp_path: Path) -> None:
    path = tmp_path / "weeks.csv"
    path.write_text(
        "Дата;Куда;Вагонов\n"
        "03.04.2023;Брест;10\n04.04.2023;Брест;20\nИтого;;30\n"
        "10.04.2023;Брест;5\n11.04.2023;Брест;6\nИтого;;11\n",
        encoding="utf-8",
    )
    reports = load_reports(path)
    assert [s.cars.total for s in reports.shipments] == [10, 20, 5, 6]
    totals = [p for p in reports.problems if "total row" in p.message]
    assert [p.row for p in totals] == [4, 7]
    assert all("check the sheet" not in p.message for p in totals)


def _workbook(path: Path, last: list[object]) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    ws.append(["Data", "Skąd", "Dokąd", "Liczba wagonów", "Źródło"])
    ws.append(["13.04.2023", "Homel", "Mozyrz", 40, "Hajun"])
    ws.append(["13.04.2023", "Homel", "Mozyrz", 42, "Hajun"])
    ws.append(last)
    book.save(path)
    return path


@pytest.mark.parametrize(
    "last",
    [
        ["Razem", None, None, "=SUM(D2:D3)", None],
        [None, None, None, "=SUM(D2:D3)", None],
        ["Итого", None, None, None, None],
    ],
)
def test_an_xlsx_total_row_is_no_phantom_train(tmp_path: Path, last: list[object]) -> None:
    reports = load_reports(_workbook(tmp_path / "t.xlsx", last))
    assert [s.cars.total for s in reports.shipments] == [40, 42]
    assert [p.row for p in reports.problems if "total row" in p.message] == [4]


# --- S5: a reused id ---------------------------------------------------------------------


def _records(tmp_path: Path, records: list[dict[str, object]], suffix: str = ".json") -> Path:
    path = tmp_path / f"dup{suffix}"
    if suffix == ".json":
        path.write_text(json.dumps(records), encoding="utf-8")
    else:
        keys = list(records[0])
        lines = [";".join(keys), *(";".join(str(r[k]) for k in keys) for r in records)]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


_A1 = {"id": "a1", "date": "2023-04-13", "to": "Baranovichi", "wagons": 40, "source": "H"}
_A1_OTHER = {"id": "a1", "date": "2023-04-14", "to": "Brest", "wagons": 30, "source": "H"}


@pytest.mark.parametrize("suffix", [".json", ".csv"])
def test_a_reused_id_with_other_content_keeps_both_trains(tmp_path: Path, suffix: str) -> None:
    reports = load_reports(_records(tmp_path, [_A1, _A1_OTHER], suffix))
    assert sorted(s.cars.total or 0 for s in reports.shipments) == [30, 40]
    assert len({s.id for s in reports.shipments}) == 2
    (problem,) = [p for p in reports.problems if p.field == "id"]
    assert problem.row == (2 if suffix == ".json" else 3)
    assert "row 1" in problem.message if suffix == ".json" else "row 2" in problem.message
    assert "destination" in problem.message
    assert "both are kept" in problem.message


def test_an_exact_copy_under_one_id_stays_a_duplicate(tmp_path: Path) -> None:
    reports = load_reports(_records(tmp_path, [_A1, dict(_A1)]))
    assert [s.cars.total for s in reports.shipments] == [40]
    # one line since trial14 C2: the copy repeats the record, its id too, and is skipped
    (said,) = [p.message for p in reports.problems if "id too" in p.message]
    assert "skipped" in said


def test_three_records_under_one_id_get_distinct_ids(tmp_path: Path) -> None:
    third = {**_A1_OTHER, "to": "Orsha", "wagons": 20}
    reports = load_reports(_records(tmp_path, [_A1, _A1_OTHER, third]))
    assert sorted(s.id for s in reports.shipments) == ["a1", "a1~2", "a1~3"]


# --- T4: a correction of the count ---------------------------------------------------------

_FIRST = {
    "ru": "14 апреля в Осиповичи прибыл эшелон из 40 вагонов.",
    "uk": "14 квітня до Осиповичів прибув ешелон із 40 вагонів.",
    "be": "14 красавіка ў Асіповічы прыбыў эшалон з 40 вагонаў.",
    "pl": "14 kwietnia do Osipowicz przyjechał pociąg z 40 wagonami.",
    "en": "On April 14 a train of 40 cars arrived in Osipovichi.",
}
_IN_POST = [
    ("ru", "Поправка: вагонов было не 40, а 44."),
    ("ru", "Уточнение: не 40 вагонов, а 44."),
    ("uk", "Уточнення: вагонів було не 40, а 44."),
    ("be", "Выпраўленне: вагонаў было не 40, а 44."),
    ("be", "Папраўка: 44, а не 40 вагонаў."),
    ("pl", "Sprostowanie: wagonów było 44, nie 40."),
    ("pl", "Korekta: nie 40, lecz 44 wagony."),
    ("en", "Correction: it had 44 cars, not 40."),
    ("en", "Update: not 40 but 44 wagons."),
]


def _post(tmp_path: Path, name: str, text: str, published: str = "2023-04-14") -> Path:
    path = tmp_path / f"{name}.txt"
    path.write_text(f"source: Hajun\npublished: {published}\n\n{text}\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(("lang", "text"), _IN_POST)
def test_a_correction_in_the_same_post_replaces_the_count(
    tmp_path: Path, lang: str, text: str
) -> None:
    reports = load_reports(_post(tmp_path, lang, f"{_FIRST[lang]} {text}"))
    (train,) = reports.shipments
    assert train.cars.total == 44
    assert train.note is not None
    assert "not 40" in train.note


def test_a_contrast_without_a_correction_cue_changes_nothing(tmp_path: Path) -> None:
    text = "14 апреля в Осиповичи прибыл эшелон из 40 вагонов, шёл не 2, а 3 дня."
    (train,) = load_reports(_post(tmp_path, "ru", text)).shipments
    assert train.cars.total == 40


_LATER = {
    "ru": (
        "14 апреля в Осиповичи прибыл эшелон из 40 вагонов.",
        "Поправка: в эшелоне, прибывшем в Осиповичи 14 апреля, было не 40, а 44 вагона.",
    ),
    "pl": (
        "14 kwietnia do Osipowicz przyjechał pociąg z 40 wagonami.",
        "Sprostowanie: w pociągu, który 14 kwietnia przyjechał do Osipowicz, było nie 40, "
        "a 44 wagony.",
    ),
    "be": (
        "14 красавіка ў Асіповічы прыбыў эшалон з 40 вагонаў.",
        "Удакладненне: у эшалоне, які 14 красавіка прыбыў у Асіповічы, было не 40, а 44 вагоны.",
    ),
}


@pytest.mark.parametrize("lang", sorted(_LATER))
def test_a_later_correction_replaces_the_count_in_every_total(tmp_path: Path, lang: str) -> None:
    from railtrack.relays import relay_links, without_relays

    first, fix = _LATER[lang]
    _post(tmp_path, "a", first)
    _post(tmp_path, "b", fix, "2023-04-15")
    reports = load_reports(tmp_path)
    ships = reports.to_frame()
    relays = relay_links(ships)
    assert len(relays) == 1
    kept, _ = without_relays(ships, reports.sightings_frame(), relays)
    assert kept["cars_total"].tolist() == [44]

"""Trial 11, helper "links": ids shared by files (T10), plan vs departure in a store (T1)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from railtrack.io import load_reports
from railtrack.io._ids import with_ids
from railtrack.models import Place, Shipment, Sighting, Source


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# ---------------------------------------------------------------- T10: same id, different files

_TEXT_PAIRS = [
    (
        "ru",
        "14 марта из Гомеля в Калинковичи ушёл эшелон из 40 вагонов.",
        "14 марта из Орши в Смоленск ушёл эшелон из 45 вагонов.",
    ),
    (
        "en",
        "On 14 March a train of 40 wagons left Gomel for Kalinkovichi.",
        "On 14 March a train of 45 wagons left Orsha for Smolensk.",
    ),
]


@pytest.mark.parametrize(("lang", "first", "second"), _TEXT_PAIRS, ids=["ru", "en"])
def test_same_file_name_in_two_folders_keeps_both(
    tmp_path: Path, lang: str, first: str, second: str
) -> None:
    head = "source: Гаюн\npublished: 2023-03-14\n\n"
    _write(tmp_path / "hajun" / "2023-03-14.txt", head + first + "\n")
    _write(tmp_path / "zerkalo" / "2023-03-14.txt", head + second + "\n")
    reports = load_reports(tmp_path)
    cars = sorted(s.cars.total for s in reports.shipments if s.cars.total is not None)
    assert cars == [40, 45], lang
    ids = [s.id for s in reports.shipments]
    assert len(set(ids)) == len(ids)
    assert any(i.endswith("@zerkalo") for i in ids)
    notes = [p.message for p in reports.problems if p.field == "id"]
    assert len(notes) == 1
    assert "hajun/2023-03-14.txt" in notes[0]
    assert "zerkalo/2023-03-14.txt" in notes[0]
    assert "skipped" not in notes[0]


_SHEETS = [
    ("№;Дата;Откуда;Куда;Вагонов;Источник", "1;13.03.2023;Осиповичи;Брянск;33;Гаюн"),
    ("Nr;Data;Skąd;Dokąd;Wagonów;Źródło", "1;13.03.2023;Homel;Nowozybków;50;Hajun"),
    ("id;date;from;to;wagons;source", "1;13.03.2023;Orsha;Smolensk;45;Hajun"),
]


@pytest.mark.parametrize("second", range(1, len(_SHEETS)))
def test_numbered_rows_of_two_sheets_keep_both(tmp_path: Path, second: int) -> None:
    for name, (header, row) in (
        ("hajun-log.csv", _SHEETS[0]),
        ("moj-rejestr.csv", _SHEETS[second]),
    ):
        _write(tmp_path / name, f"{header}\n{row}\n")
    reports = load_reports(tmp_path)
    assert len(reports.shipments) == 2
    assert sorted(s.id for s in reports.shipments) == ["1", "1@moj-rejestr"]
    (note,) = [p for p in reports.problems if "renamed" in p.message]
    assert "hajun-log.csv" in note.message
    assert "moj-rejestr.csv" in note.message


def test_duplicate_within_one_file_is_still_skipped(tmp_path: Path) -> None:
    header, row = _SHEETS[0]
    _write(tmp_path / "log.csv", f"{header}\n{row}\n{row.replace('33', '34')}\n")
    reports = load_reports(tmp_path)
    assert [s.cars.total for s in reports.shipments] == [33]
    (problem,) = [p for p in reports.problems if p.field is not None and "id" in p.message]
    assert problem.row == 3
    assert "log.csv" in problem.path
    assert "skipped" in problem.message


def test_same_file_loaded_twice_is_not_kept_twice(tmp_path: Path) -> None:
    header, row = _SHEETS[0]
    path = _write(tmp_path / "log.csv", f"{header}\n{row}\n")
    reports = load_reports([path, path])
    assert len(reports.shipments) == 1


def test_references_follow_a_renamed_id() -> None:
    src = Source(reporter="Гаюн")
    renames = {("Shipment", "1"): ("1@b", "a/x.csv")}
    train = with_ids(Shipment(id="1", source=src, return_of="1"), renames)
    at: dict[str, Any] = {
        "station": Place(text="Orsha"),
        "seen_at": datetime(2023, 3, 14, 10, 0),
        "source": src,
    }
    seen = with_ids(Sighting(id="s1", shipment="1", **at), renames)
    other = with_ids(Sighting(id="s2", shipment="2", **at), renames)
    assert (train.id, train.return_of) == ("1@b", "1@b")
    assert (seen.id, seen.shipment) == ("s1", "1@b")
    assert other.shipment == "2"

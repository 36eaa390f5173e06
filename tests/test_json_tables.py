"""JSON and YAML lists of flat records under a spreadsheet's own names load as tables.

An analyst's export is often ``[{"date": ..., "from": ..., "to": ..., "wagons": ...}]``
with no ids: every row loads (headers mapped as a CSV's are, ids generated from the
row), and a bad cell costs only that cell. Records in the report model's shape are
read as before.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from railtrack.io import load_reports


def _write(path: Path, doc: object) -> Path:
    if path.suffix == ".json":
        path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    else:
        import yaml

        path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.parametrize("suffix", [".json", ".yaml"])
def test_flat_records_without_ids_load_as_table_rows(tmp_path: Path, suffix: str) -> None:
    rows = [
        {"date": "01.03.2023", "from": "Orsha", "to": "Smolensk", "wagons": "about 40"},
        {"date": "2023-03-02", "from": "Slonim", "to": "Valuyki", "wagons": 45},
    ]
    rs = load_reports(_write(tmp_path / f"own{suffix}", rows))
    df = rs.to_frame()
    assert list(df["origin"]) == ["Orsha", "Slonim"]
    assert list(df["destination"]) == ["Smolensk", "Valuyki"]
    assert list(df["cars_total"]) == [40, 45]
    assert list(df["cars_estimated"]) == [True, False]
    assert [str(d)[:10] for d in df["departure_earliest"]] == ["2023-03-01", "2023-03-02"]
    assert df["id"].is_unique
    assert all(i.startswith("row") for i in df["id"])
    # the ids are the row's, so the same file gives the same ids again
    again = load_reports(tmp_path / f"own{suffix}").to_frame()
    assert list(again["id"]) == list(df["id"])
    assert rs.file_records()[0]["generated_ids"] is True
    assert rs.file_records()[0]["columns"]["wagons"] == "cars_total"


def test_local_language_keys_map_as_headers(tmp_path: Path) -> None:
    ru = [{"Дата": "2023-03-01", "Откуда": "Орша", "Куда": "Смоленск", "Вагонов": "сорок пять"}]
    pl = [{"Data": "2023-03-03", "Skąd": "Słonim", "Dokąd": "Wałujki", "Wagonów": 40}]
    df = load_reports(
        [_write(tmp_path / "ru.json", ru), _write(tmp_path / "pl.yaml", pl)]
    ).to_frame()
    assert sorted(df["origin"]) == ["Słonim", "Орша"]
    assert sorted(df["cars_total"]) == [40, 45]


def test_sections_of_flat_records_keep_their_kind(tmp_path: Path) -> None:
    doc = {
        "source": {"reporter": "Belarusian Hajun", "published": "2023-03-05"},
        "shipments": [{"from": "Orsha", "to": "Smolensk", "wagons": 40}],
    }
    rs = load_reports(_write(tmp_path / "own.json", doc))
    df = rs.to_frame()
    assert list(df["origin"]) == ["Orsha"]
    assert list(df["source"]) == ["Belarusian Hajun"]
    assert not rs.problems


def test_a_bad_cell_costs_the_cell_and_a_bad_place_its_record(tmp_path: Path) -> None:
    rows = [
        {"from": 5, "to": "Smolensk", "wagons": 3},
        {"from": "Orsha", "to": "Smolensk", "wagons": "many", "departed": "2023-03-09"},
    ]
    rs = load_reports(_write(tmp_path / "own.json", rows))
    df = rs.to_frame()
    assert list(df["origin"]) == ["Orsha"]  # the good row is kept
    assert str(df["departure_earliest"].iloc[0])[:10] == "2023-03-09"
    messages = [str(p) for p in rs.problems]
    assert any("record 1, field 'from': 5 is not a place name" in m for m in messages)
    assert any("'many' is not a count; the record is kept" in m for m in messages)
    assert not any("Input should be" in m for m in messages)


def test_model_shaped_records_are_not_read_as_tables(tmp_path: Path) -> None:
    doc = [
        {
            "id": "t1",
            "origin": "Orsha",
            "destination": "Smolensk",
            "cars": {"total": 40, "flat": 30},
            "source": {"reporter": "Belarusian Hajun"},
        }
    ]
    rs = load_reports(_write(tmp_path / "model.json", doc))
    df = rs.to_frame()
    assert list(df["id"]) == ["t1"]
    assert list(df["cars_flat"]) == [30]
    assert rs.file_records() == []


def test_json_lines_of_flat_rows_load_as_a_table(tmp_path: Path) -> None:
    path = tmp_path / "own.jsonl"
    lines = [
        {"date": "2023-03-01", "from": "Orsha", "to": "Smolensk", "wagons": 40},
        {"date": "2023-03-02", "from": "Slonim", "to": "Valuyki", "wagons": "сорок пять"},
    ]
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), "utf-8")
    df = load_reports(path).to_frame()
    assert list(df["origin"]) == ["Orsha", "Slonim"]
    assert list(df["cars_total"]) == [40, 45]


def test_json_lines_in_the_model_shape_still_stream(tmp_path: Path) -> None:
    path = tmp_path / "model.jsonl"
    lines = [
        {"id": "t1", "origin": "Orsha", "destination": "Smolensk", "source": "Hajun"},
        {"id": "t2", "origin": "Slonim", "destination": "Valuyki", "source": "Hajun"},
    ]
    path.write_text("\n".join(json.dumps(x) for x in lines), "utf-8")
    rs = load_reports(path)
    assert list(rs.to_frame()["id"]) == ["t1", "t2"]
    assert rs.file_records() == []

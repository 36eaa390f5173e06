"""Loading with worker processes gives exactly what a serial load gives."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from railtrack import data_path
from railtrack.io import ReportSet, load_reports
from railtrack.io import parallel as P

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _telegram_exports import Msg, at, chat_object, write_json


def _same(a: ReportSet, b: ReportSet) -> None:
    assert a.shipments == b.shipments
    assert a.groups == b.groups
    assert a.sightings == b.sightings
    assert a.problems == b.problems
    assert a.files == b.files
    assert a.skipped == b.skipped
    assert a.to_frame().equals(b.to_frame())


def _mixed_input(root: Path) -> Path:
    """The embedded reports several times over, with bad rows, duplicates and Telegram."""
    src = data_path("reports")
    for copy in range(3):
        for f in sorted(src.iterdir()):
            if f.name == "README.md":
                continue
            text = f.read_text(encoding="utf-8")
            if f.suffix == ".txt":  # text ids come from the file name: new ids per copy
                (root / f"copy{copy}-{f.name}").write_text(text, encoding="utf-8")
            elif copy == 0:
                shutil.copy(f, root / f.name)
    # the same ids again in a later file: a duplicate-id problem each, the first kept
    shutil.copy(src / "2023-01-belarus-arrivals.jsonl", root / "zz-again.jsonl")
    (root / "bad.jsonl").write_text(
        '{"id": "x1", "origin": "Slonim", "cars": "eighty?"}\nnot json\n', encoding="utf-8"
    )
    (root / "empty.txt").write_text("", encoding="utf-8")
    messages = [
        Msg(1, "Вчера эшелон из 40 вагонов отправился из Слонима в Валуйки.", at(3)),
        Msg(2, "A military train of 30 cars left Gomel for Rossosh yesterday.", at(4)),
    ]
    write_json(root / "export" / "result.json", chat_object(messages))
    return root


@pytest.mark.parametrize("workers", [2, 3])
def test_embedded_reports_same_with_workers(workers: int) -> None:
    serial = load_reports(data_path("reports"), workers=1)
    _same(serial, load_reports(data_path("reports"), workers=workers))


def test_mixed_input_same_with_workers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = _mixed_input(tmp_path)
    monkeypatch.setattr(P, "CHUNK_FILES", 3)  # many chunks, so order across them counts
    serial = load_reports(root, workers=1)
    assert any("duplicate" in p.message for p in serial.problems)
    assert any(p.path.endswith("bad.jsonl") for p in serial.problems)
    assert any(s.source.channel for s in serial.shipments)  # the Telegram posts were read
    _same(serial, load_reports(root, workers=2))


def test_published_date_reaches_the_workers(tmp_path: Path) -> None:
    for i in range(4):
        (tmp_path / f"r{i}.txt").write_text(
            "Yesterday a military train with 40 cars left Gomel for Valuyki.", encoding="utf-8"
        )
    from datetime import date

    serial = load_reports(tmp_path, published=date(2023, 3, 3), workers=1)
    pooled = load_reports(tmp_path, published=date(2023, 3, 3), workers=2)
    _same(serial, pooled)
    assert {s.departure.earliest for s in pooled.shipments} == {date(2023, 3, 2)}


def test_workers_must_be_positive() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        load_reports(data_path("reports"), workers=0)


def test_default_workers_threshold(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(P, "available_cores", lambda: 4)
    small = [tmp_path / f"{i}.txt" for i in range(P.PARALLEL_MIN_TEXT_FILES - 1)]
    assert P.default_workers(small) == 1
    assert P.default_workers([*small, tmp_path / "last.txt"]) == 4
    big = tmp_path / "big.jsonl"
    with big.open("wb") as fh:
        fh.truncate(P.PARALLEL_MIN_BYTES)
    assert P.default_workers([big]) == 4


def test_chunks_keep_order_and_split_large_files(tmp_path: Path) -> None:
    big = tmp_path / "big.jsonl"
    with big.open("wb") as fh:
        fh.truncate(P.CHUNK_BYTES)
    files = [tmp_path / "a.txt", big, tmp_path / "b.txt", tmp_path / "c.txt"]
    chunks = P.chunk_files(files)
    assert [f for c in chunks for f in c] == files
    assert chunks[0] == [tmp_path / "a.txt", big]


@pytest.mark.ru_rail
def test_generated_input_same_with_workers(tmp_path: Path, ru_rail_dir: Path) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from _generate import generate_reports

    generate_reports(ru_rail_dir, tmp_path, 300, seed=7)
    serial = load_reports(tmp_path, workers=1)
    assert len(serial.shipments) > 300
    _same(serial, load_reports(tmp_path, workers=2))

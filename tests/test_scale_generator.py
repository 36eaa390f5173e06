"""The scale benchmark's report generator: deterministic, and its output loads cleanly."""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import pytest

from railtrack.io import load_reports

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from _generate import generate_reports, report_stations

N = 60


def _digest(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def stations(ru_rail_dir: Path) -> list:
    return report_stations(ru_rail_dir)


def test_same_seed_same_files(ru_rail_dir: Path, stations: list, tmp_path: Path) -> None:
    a = generate_reports(ru_rail_dir, tmp_path / "a", N, seed=7, stations=stations)
    b = generate_reports(ru_rail_dir, tmp_path / "b", N, seed=7, stations=stations)
    c = generate_reports(ru_rail_dir, tmp_path / "c", N, seed=8, stations=stations)
    assert _digest(a.root) == _digest(b.root)
    assert _digest(a.root) != _digest(c.root)
    assert a.reports == N
    assert a.structured + a.text == N
    assert a.text > 0
    assert a.structured > 0


def test_output_loads_without_problems(ru_rail_dir: Path, stations: list, tmp_path: Path) -> None:
    gen = generate_reports(ru_rail_dir, tmp_path, N, seed=3, stations=stations)
    reports = load_reports(gen.root)
    assert reports.problems == []
    assert len(reports.shipments) == gen.shipments
    text_ids = {s.report for s in reports.shipments if s.report and "text" in s.report}
    assert len(text_ids) == gen.text


def test_names_are_spelt_in_both_scripts(ru_rail_dir: Path, stations: list, tmp_path: Path) -> None:
    gen = generate_reports(ru_rail_dir, tmp_path, 200, seed=1, stations=stations)
    names = [
        json.loads(line)["origin"]
        for path in (gen.root / "structured").glob("*.jsonl")
        for line in path.read_text(encoding="utf-8").splitlines()
        if "origin" in json.loads(line)
    ]
    cyrillic = [n for n in names if any("\u0400" <= ch <= "\u04ff" for ch in n)]
    assert 0 < len(cyrillic) < len(names)


def test_report_stations_are_unique_and_linked(ru_rail_dir: Path, stations: list) -> None:
    ids = [s.id for s in stations]
    assert len(ids) == len(set(ids))
    assert "511103" in ids  # Matveev Kurgan: a named station of the main component

"""Fixes from a new user's trial of the merged tree (findings T15-T17), each as a kind."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from typer.testing import CliRunner

from railtrack.cli import app

runner = CliRunner()


def _report(folder: Path, text: str, *, name: str = "r") -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / f"{name}.txt"
    path.write_text(f"source: Гаюн\npublished: 2023-03-10\n\n{text}\n", encoding="utf-8")
    return folder


def _run(stdout: str) -> dict:
    rows = [json.loads(line) for line in stdout.splitlines() if line.startswith("{")]
    (run,) = [r for r in rows if r.get("record") == "run"]
    return run


# --- T15: a place is shown by its resolved name, never only by the case form written ----


def test_a_country_destination_is_named_not_shown_in_its_case_form(tmp_path: Path) -> None:
    folder = _report(
        tmp_path / "in", "9 марта со станции Осиповичи в Россию ушёл эшелон: 45 вагонов."
    )
    out = str(tmp_path / "o")
    run = _run(runner.invoke(app, ["track", str(folder), "--json", "-o", out]).stdout)
    assert run["destinations"] == ["Russia"]
    text = " ".join(runner.invoke(app, ["track", str(folder), "-o", out]).stdout.split())
    assert "to Russia;" in text
    assert "Russia (Россию)" in text


def test_estimate_and_load_tables_show_resolved_places(tmp_path: Path) -> None:
    folder = _report(
        tmp_path / "in", "9 марта со станции Осиповичи в Россию ушёл эшелон: 45 вагонов."
    )
    for command in ("estimate", "load"):
        result = runner.invoke(app, [command, str(folder)], env={"COLUMNS": "200"})
        assert "Russia (Россию)" in result.stdout, (command, result.stdout)


# --- T17: an end that resolved keeps its station in routes.csv though not routed --------


def test_routes_file_keeps_the_resolved_origin_of_a_train_without_destination(
    tmp_path: Path,
) -> None:
    folder = _report(tmp_path / "in", "Z Baranowicz wyjechał pociąg wojskowy z 30 wagonami.")
    out = tmp_path / "o"
    runner.invoke(app, ["track", str(folder), "-o", str(out)])
    with (out / "routes.csv").open(encoding="utf-8", newline="") as handle:
        (row,) = list(csv.DictReader(handle))
    assert row["flags"] == "no_destination"
    assert row["origin_station_id"] == "BY-BARANOVICHI-TS"
    assert row["route_id"] == ""

"""Tests for ``railtrack summary`` and ``railtrack plot``: output shapes, exit codes."""

from __future__ import annotations

import json
import sys

import pytest
from typer.testing import CliRunner

from railtrack.cli import app, main

runner = CliRunner()


@pytest.fixture
def seed_csv(tests_data):
    return str(tests_data / "summary" / "seed.csv")


@pytest.fixture
def mixed_csv(tests_data):
    return str(tests_data / "summary" / "mixed.csv")


def run_main(monkeypatch, capsys, *args: str) -> tuple[int, str, str]:
    """Run the real entry point (errors become one line and exit code 2)."""
    monkeypatch.setattr(sys, "argv", ["railtrack", *args])
    with pytest.raises(SystemExit) as exc:
        main()
    out = capsys.readouterr()
    return int(exc.value.code or 0), out.out, out.err


def test_summary_json_counts_the_seed_group_once(seed_csv):
    result = runner.invoke(app, ["summary", seed_csv, "--by", "total", "--json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["by"] == []
    assert len(doc["rows"]) == 1
    row = doc["rows"][0]
    assert (row["n_trains"], row["cars_total"], row["cars_passenger"]) == (2, 86, 2)
    assert row["personnel_estimate"] == 100.0
    assert row["sources"] == ["Belarusian Hajun (C)"]
    assert doc["personnel_note"].startswith("50 people per passenger car")
    assert (doc["record"], doc["n_problems"], doc["problems"]) == ("volumes", 0, [])


def test_summary_resolves_names_on_the_network_by_default(seed_csv):
    result = runner.invoke(app, ["summary", seed_csv, "--by", "railhead", "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)["rows"]
    assert [r["railhead"] for r in rows] == [
        "Matveev Kurgan",
        "Neklinovka",
        "unallocated across 2 trains",
    ]
    plain = runner.invoke(app, ["summary", seed_csv, "--by", "railhead", "--no-resolve", "--json"])
    assert [r["railhead"] for r in json.loads(plain.stdout)["rows"]][:2] == [
        "Matveyev-Kurhan",
        "Nieklinovka",
    ]


def test_summary_by_border_crossing_routes_the_trains(seed_csv):
    result = runner.invoke(app, ["summary", seed_csv, "--by", "border_crossing", "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)["rows"]
    assert sum(r["n_trains"] for r in rows) == 2
    assert all("–" in r["border_crossing"] for r in rows if r["n_trains"])
    assert sum(r["cars_total"] or 0 for r in rows) == 86


def test_summary_text_table_and_period_basis(seed_csv):
    result = runner.invoke(app, ["summary", seed_csv, "--by", "destination,period"])
    assert result.exit_code == 0, result.output
    assert "period_basis" in result.stdout
    assert "Personnel: 50 people per passenger car" in result.stdout


def test_summary_report_problems_exit_1_and_keep_good_rows(mixed_csv):
    result = runner.invoke(app, ["summary", mixed_csv, "--by", "total", "--json"])
    assert result.exit_code == 1
    doc = json.loads(result.stdout)
    # s1, s2, s3, g2's unlisted train, and s4 kept without its unreadable departure
    assert doc["rows"][0]["n_trains"] == 5
    bad = [p for p in doc["problems"] if p["row"] == 6 and p["field"] == "departure"]
    assert bad
    assert "kept without this field" in bad[0]["message"]
    assert doc["n_problems"] == len(doc["problems"])


def test_summary_bad_key_is_a_usage_error(seed_csv):
    result = runner.invoke(app, ["summary", seed_csv, "--by", "colour"])
    assert result.exit_code == 2
    assert "cannot summarise by 'colour'" in result.output


def test_summary_missing_path_is_one_line_exit_2(monkeypatch, capsys, tmp_path):
    code, _, err = run_main(monkeypatch, capsys, "summary", str(tmp_path / "nope.csv"))
    assert code == 2
    assert err.strip().startswith("railtrack: error: no such file or directory")
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("kind", "extra"),
    [
        ("map", []),
        ("timeline", ["--as-of", "2023-03-05"]),
        ("volumes", ["--by", "railhead"]),
        ("volumes", ["--by", "period", "--freq", "M"]),
    ],
)
def test_plot_writes_an_image(seed_csv, tmp_path, kind, extra):
    out = tmp_path / f"{kind}.png"
    result = runner.invoke(app, ["plot", kind, seed_csv, "--out", str(out), *extra, "--json"])
    assert result.exit_code == 0, result.output
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    doc = json.loads(result.stdout)
    assert (doc["record"], doc["plot"], doc["out"]) == ("plot", kind, str(out))
    assert doc["n_shipments"] == 2


def test_plot_map_json_reports_routing(seed_csv, tmp_path):
    out = tmp_path / "map.svg"
    result = runner.invoke(app, ["plot", "map", seed_csv, "--out", str(out), "--json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert (doc["n_routed"], doc["n_unrouted"], doc["unrouted_reasons"]) == (2, 0, {})
    assert doc["n_segments"] > 0
    assert out.read_text(encoding="utf-8").lstrip().startswith("<?xml")


def test_plot_unknown_image_type_is_a_usage_error(seed_csv, tmp_path):
    result = runner.invoke(app, ["plot", "volumes", seed_csv, "--out", str(tmp_path / "x.doc")])
    assert result.exit_code == 2
    assert "unknown image type" in result.output


def test_plot_into_missing_directory_is_one_line_exit_2(monkeypatch, capsys, seed_csv, tmp_path):
    out = tmp_path / "missing" / "map.png"
    code, _, err = run_main(monkeypatch, capsys, "plot", "map", seed_csv, "--out", str(out))
    assert code == 2
    assert "does not exist" in err
    assert "Traceback" not in err


def test_plot_help_shows_an_example():
    result = runner.invoke(app, ["plot", "timeline", "--help"])
    assert result.exit_code == 0
    assert "Example: railtrack plot timeline" in result.output


def test_plot_short_out_option(seed_csv, tmp_path):
    out = tmp_path / "v.png"
    result = runner.invoke(app, ["plot", "volumes", seed_csv, "-o", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == str(out)
    assert out.exists()

"""Command-line fixes from the trial: one resolving rule in load (F86), --as-of times,
the unsupported-file message and period axes over years (F87, F57/F32)."""

from __future__ import annotations

import json
from datetime import date, datetime

import pandas as pd
import pytest
import typer
from typer.testing import CliRunner

from railtrack.cli import app
from railtrack.cli.load import parse_as_of_option

runner = CliRunner()


def _records(stdout: str, kind: str) -> list[dict]:
    rows = [json.loads(line) for line in stdout.splitlines() if line.startswith("{")]
    return [r for r in rows if r.get("record") == kind]


def test_load_resolves_table_rows_as_it_resolves_free_text(tmp_path):
    (tmp_path / "log.csv").write_text(
        "date,from,to,wagons,source\n2023-02-01,Orsha,Zhlobin,40,Test channel\n",
        encoding="utf-8",
    )
    (tmp_path / "post.txt").write_text(
        "source: Test channel\npublished: 2023-02-02\n\n"
        "A train of 40 cars left Orsha for Zhlobin on 1 February.\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["load", str(tmp_path), "--json"])
    ships = _records(result.stdout, "shipment")
    assert len(ships) == 2, result.output
    for ship in ships:
        for end in ("origin", "destination"):
            assert ship[end]["station_id"] is not None, (ship["id"], end)
            assert ship[end]["unresolved"] is False


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023-03-06", date(2023, 3, 6)),
        ("2023-03-06T18:00", datetime(2023, 3, 6, 18)),
        ("2023-03-06 18:00:30", datetime(2023, 3, 6, 18, 0, 30)),
        ("2023-03-06T18:00Z", datetime(2023, 3, 6, 18)),
        ("2023-03-06T21:00+03:00", datetime(2023, 3, 6, 18)),
        ("today", "today"),
    ],
)
def test_as_of_takes_a_day_or_a_time(text, expected):
    assert parse_as_of_option(text) == expected


@pytest.mark.parametrize("text", ["2023-03-06T25:00", "6 March", "9999-01-01T00:00"])
def test_a_bad_as_of_time_is_a_clear_error(text):
    with pytest.raises(typer.BadParameter):
        parse_as_of_option(text)


@pytest.mark.parametrize("command", ["status", "estimate"])
def test_commands_take_an_as_of_time(tmp_path, command):
    path = tmp_path / "log.csv"
    path.write_text(
        "id,origin,destination,departure,published,source\n"
        "a,Orsha,Zhlobin,2023-02-01,2023-02-01,Test channel\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, [command, str(path), "--as-of", "2023-02-02T18:00", "--json"])
    assert result.exit_code == 0, result.output
    (row,) = _records(result.stdout, command)
    if command == "status":
        assert row["as_of"] == "2023-02-02T18:00:00"


def test_the_unsupported_type_message_lists_every_type_read(tmp_path):
    from railtrack.io import SUFFIXES, load_reports

    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04 not a report")
    problems = [p.message for p in load_reports(tmp_path).problems]
    (message,) = [m for m in problems if "unsupported file type" in m]
    for suffix in SUFFIXES:
        assert suffix in message


def test_volumes_over_years_are_drawn_in_longer_periods():
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    from railtrack.plot import MAX_PERIOD_BARS, plot_volumes

    weeks = pd.date_range("2012-01-02", "2025-12-29", freq="W-MON")[::13]
    table = pd.DataFrame(
        {
            "period": weeks,
            "trains": 1,
            "cars_total": 40,
            **{c: pd.NA for c in ("cars_passenger", "cars_covered", "cars_flat")},
            **{c: pd.NA for c in ("cars_tank", "cars_other")},
        }
    )
    table.attrs["freq"] = "W"
    fig, ax = plt.subplots()
    plot_volumes(table, by="period", ax=ax)
    bars = [p for p in ax.patches if p.get_height() > 0]
    assert 0 < len(bars) <= MAX_PERIOD_BARS
    assert sum(p.get_height() for p in bars) == 40 * len(weeks)  # nothing lost in regrouping
    assert "week" not in ax.get_title()
    plt.close(fig)

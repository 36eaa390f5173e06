"""Usage errors that say what is accepted; ``schema --json`` (session 18, cliprob)."""

from __future__ import annotations

import json
from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from railtrack.cli import app
from railtrack.records import KINDS

runner = CliRunner()


def test_schema_json_lists_the_kinds_as_one_object() -> None:
    result = runner.invoke(app, ["schema", "--json"])
    assert result.exit_code == 0, result.output
    kinds = json.loads(result.stdout)
    assert list(kinds) == list(KINDS)
    assert all(isinstance(v, str) and v for v in kinds.values())


def test_schema_json_of_a_kind_is_its_schema() -> None:
    plain = runner.invoke(app, ["schema", "problem"])
    as_json = runner.invoke(app, ["schema", "problem", "--json"])
    assert as_json.exit_code == 0
    assert json.loads(as_json.stdout) == json.loads(plain.stdout)


@pytest.mark.parametrize("freq", ["Q9", "fortnight", "m", "W-XYZ"])
def test_a_bad_freq_says_which_lengths_are_accepted(freq: str) -> None:
    result = runner.invoke(app, ["summary", "--freq", freq, "--no-resolve"])
    assert result.exit_code == 2
    text = " ".join(result.output.split())
    assert "D (day), W (week" in text
    assert "Q (quarter)" in text
    assert "Failed to parse" not in text
    assert "ValueError" not in text


def _periods(freq: str) -> tuple[list[date], int, int]:
    """Return the periods of ``summary --by period --freq`` on the embedded reports,
    with the cars and trains summed over them."""
    result = runner.invoke(
        app, ["summary", "--freq", freq, "--by", "period", "--no-resolve", "-q", "--json"]
    )
    # the embedded reports are whole: no input problem, exit 0 (review18 #17)
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)["rows"]
    days = [date.fromisoformat(r["period"]) for r in rows if r["period"] is not None]
    cars = sum(r["cars_total"] or 0 for r in rows)
    return days, cars, sum(r["n_trains"] for r in rows)


@pytest.mark.parametrize(
    ("freq", "starts"),
    [
        ("M", lambda d: d.day == 1),
        ("Y", lambda d: (d.month, d.day) == (1, 1)),
        ("Q", lambda d: d.day == 1 and d.month in (1, 4, 7, 10)),
        ("2M", lambda d: d.day == 1 and d.month % 2 == 1),  # Jan-Feb, Mar-Apr, ...
        ("W", lambda d: d.weekday() == 0),
    ],
)
def test_a_good_freq_gives_periods_of_its_length(freq: str, starts: Any) -> None:
    days, _, _ = _periods(freq)
    assert days
    assert all(starts(d) for d in days), days
    assert days == sorted(set(days))


def test_2w_gives_fortnights() -> None:
    """review18 #17: pandas' to_period("2W") alone kept one-week periods."""
    fortnights, cars, trains = _periods("2W")
    weeks, week_cars, week_trains = _periods("W")
    assert all(d.weekday() == 0 for d in fortnights)
    assert all((b - a).days % 14 == 0 for a, b in pairwise(fortnights))
    assert len(fortnights) < len(weeks)  # two weeks of trains share a fortnight
    # each week lies in the fortnight that starts on it or a week before it
    assert all(w in fortnights or w - timedelta(days=7) in fortnights for w in weeks)
    assert (cars, trains) == (week_cars, week_trains)  # nothing lost or counted twice


@pytest.mark.parametrize("inside", ["m.png", "sub/m.png"])
def test_plot_into_a_file_says_it_is_a_file(inside: str, tmp_path: Path) -> None:
    blocker = tmp_path / "notes.txt"
    blocker.write_text("x", encoding="utf-8")
    result = runner.invoke(app, ["plot", "volumes", "-o", str(blocker / inside)])
    assert result.exit_code != 0
    message = str(result.exception) + result.output
    assert "notes.txt is a file, not a directory" in message
    assert "does not exist" not in message


def test_plot_into_a_missing_folder_says_it_does_not_exist(tmp_path: Path) -> None:
    result = runner.invoke(app, ["plot", "volumes", "-o", str(tmp_path / "new" / "m.png")])
    assert result.exit_code != 0
    assert "new does not exist" in str(result.exception) + result.output

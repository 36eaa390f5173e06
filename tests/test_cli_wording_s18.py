"""Usage errors that say what is accepted; ``schema --json`` (session 18, cliprob)."""

from __future__ import annotations

import json
from pathlib import Path

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


@pytest.mark.parametrize("freq", ["M", "2W", "Y"])
def test_a_good_freq_is_taken(freq: str) -> None:
    result = runner.invoke(app, ["summary", "--freq", freq, "--no-resolve", "-q"])
    assert result.exit_code in (0, 1), result.output


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

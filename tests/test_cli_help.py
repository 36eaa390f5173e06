"""Every command's help runs, reads in words and shows an example; short options agree."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from railtrack.cli import app

runner = CliRunner()


def _commands() -> list[list[str]]:
    out: list[list[str]] = [[]]
    for c in app.registered_commands:
        out.append([c.name or c.callback.__name__])  # type: ignore[union-attr]
    for group in app.registered_groups:
        out.append([group.name])  # type: ignore[list-item]
        out.extend([group.name, c.name] for c in group.typer_instance.registered_commands)  # type: ignore[list-item,union-attr]
    return out


COMMANDS = _commands()


def test_every_command_is_listed() -> None:
    names = {" ".join(c) for c in COMMANDS}
    assert {"load", "extract", "estimate", "status", "resolve", "route", "summary"} <= names
    assert {"ingest", "track", "schema", "plot map", "plot timeline", "plot volumes"} <= names


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "railtrack")
@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_help_runs_reads_in_words_and_shows_an_example(command: list[str], flag: str) -> None:
    result = runner.invoke(app, [*command, flag], env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert f"Example: railtrack {' '.join(command)}".rstrip() in text
    # metavars in words, never Python types
    assert not re.search(r"<(list|str|int|float|path|Path)\b|\[list\[|int range", text), text
    assert "-h, --help" in text


def test_short_options_mean_the_same_everywhere() -> None:
    for command in COMMANDS:
        text = runner.invoke(app, [*command, "-h"], env={"COLUMNS": "200"}).stdout
        if "--out" in text:
            assert "-o, --out" in text, command
        if "--format" in text:
            assert "-f, --format" in text, command
            assert "--json" in text, command
        if "--quiet" in text:
            assert "-q, --quiet" in text, command
        for short in re.findall(r"^\s+(-\w),", text, re.M):
            assert short in {"-o", "-k", "-f", "-q", "-h", "-v"}, (command, short)


def test_every_record_command_has_format_and_quiet() -> None:
    for command in COMMANDS:
        if command in ([], ["plot"], ["schema"], ["network"]):  # groups and schema print no records
            continue
        text = runner.invoke(app, [*command, "-h"], env={"COLUMNS": "200"}).stdout
        assert "--format" in text, command
        assert "--quiet" in text, command

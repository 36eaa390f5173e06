"""One rule for trains that cannot be routed, in every command that routes trains.

Each unrouted train is a problem naming the train and the reason; the command's
summary record counts it (``n_routed``, ``n_unrouted``, ``unrouted_reasons``) or
its ``estimate``/``status`` record names the reason (``unrouted_reason``); the exit
code is 1. The same input gives the same figures in every command.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from railtrack.cli import app

runner = CliRunner()

HEADER = "date,from,to,wagons,source,link\n"
ROUTED = "2023-03-01,Slonim,Polonka,40,Belarusian Hajun,https://t.me/Hajun_BY/1\n"
NO_ORIGIN = "2023-03-02,,Polonka,30,Belarusian Hajun,https://t.me/Hajun_BY/2\n"
UNRESOLVED = "2023-03-03,Xqzvillebourg,Polonka,20,Belarusian Hajun,https://t.me/Hajun_BY/3\n"
REASONS = {"no origin": 1, "unresolved origin": 1}


@pytest.fixture(scope="module")
def trains(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three trains: one routed, one with no origin, one whose origin resolves to nothing."""
    path = tmp_path_factory.mktemp("unrouted") / "trains.csv"
    path.write_text(HEADER + ROUTED + NO_ORIGIN + UNRESOLVED, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def all_routed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("routed") / "trains.csv"
    path.write_text(HEADER + ROUTED, encoding="utf-8")
    return path


def invoke(*args: str) -> Any:
    return runner.invoke(app, list(args))


def json_lines(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def unrouted_problems(stderr: str) -> dict[str, str]:
    """Return train id -> reason of the unrouted-train problem records on stderr."""
    out = {}
    for p in json_lines(stderr):
        assert p["record"] == "problem"
        if "not routed" in p["message"]:
            train = p["message"].split("'")[1]
            out[train] = p["message"].split("(")[1].split(")")[0]
    return out


def summary_docs(trains: Path, tmp: Path) -> dict[str, tuple[int, dict[str, Any], str]]:
    """Run every command that prints a summary record; return its exit code, record, stderr."""
    commands = {
        "track": ["track", str(trains), "-o", str(tmp / "out"), "--json"],
        "summary": ["summary", str(trains), "--json"],
        "summary by route": ["summary", str(trains), "--by", "route", "--json"],
        **{
            f"plot {kind}": ["plot", kind, str(trains), "-o", str(tmp / f"{kind}.png"), "--json"]
            for kind in ("map", "timeline", "volumes")
        },
    }
    out = {}
    for name, args in commands.items():
        result = invoke(*args)
        out[name] = (result.exit_code, json.loads(result.stdout), result.stderr)
    return out


@pytest.fixture(scope="module")
def docs(trains: Path, tmp_path_factory: pytest.TempPathFactory) -> Any:
    return summary_docs(trains, tmp_path_factory.mktemp("docs"))


def test_every_summary_record_counts_unrouted_trains_the_same_way(docs: Any) -> None:
    for name, (code, doc, stderr) in docs.items():
        assert code == 1, name
        assert (doc["n_routed"], doc["n_unrouted"]) == (1, 2), name
        assert doc["unrouted_reasons"] == REASONS, name
        listed = {p["message"] for p in doc["problems"] if "not routed" in p["message"]}
        assert len(listed) == 2, name
        assert doc["n_problems"] == len(doc["problems"]), name
        assert sorted(unrouted_problems(stderr).values()) == sorted(REASONS), name


def test_estimate_and_status_name_the_reason_on_each_record(trains: Path) -> None:
    for command in ("estimate", "status"):
        result = invoke(command, str(trains), "--json")
        assert result.exit_code == 1, (command, result.output)
        records = json_lines(result.stdout)
        assert len(records) == 3
        reasons = {r["id"]: r["unrouted_reason"] for r in records}
        assert sorted(reasons.values(), key=str) == [None, "no origin", "unresolved origin"]
        assert unrouted_problems(result.stderr) == {
            sid: why for sid, why in reasons.items() if why is not None
        }


def test_the_same_trains_are_unrouted_in_every_command(trains: Path, docs: Any) -> None:
    est = invoke("estimate", str(trains), "--json")
    expected = unrouted_problems(est.stderr)
    assert len(expected) == 2
    for name, (_, _, stderr) in docs.items():
        assert unrouted_problems(stderr) == expected, name


def test_tables_say_how_many_trains_were_not_routed(trains: Path) -> None:
    for args in (["estimate", str(trains)], ["status", str(trains)], ["summary", str(trains)]):
        result = invoke(*args)
        assert result.exit_code == 1, args
        assert "2 of 3 trains not routed (1 no origin, 1 unresolved origin)" in result.stderr
        assert "Xqzvillebourg" in result.stderr


def test_every_train_routed_exits_0_with_zero_counts(all_routed: Path, tmp_path: Path) -> None:
    for name, (code, doc, _) in summary_docs(all_routed, tmp_path).items():
        assert code == 0, name
        assert (doc["n_routed"], doc["n_unrouted"], doc["unrouted_reasons"]) == (1, 0, {}), name
    for command in ("estimate", "status"):
        result = invoke(command, str(all_routed), "--json")
        assert result.exit_code == 0, result.output
        assert [r["unrouted_reason"] for r in json_lines(result.stdout)] == [None]


def test_summary_without_resolving_routes_nothing_and_says_so(trains: Path) -> None:
    result = invoke("summary", str(trains), "--no-resolve", "--json")
    doc = json.loads(result.stdout)
    assert (doc["n_routed"], doc["n_unrouted"], doc["unrouted_reasons"]) == (None, None, {})
    assert result.exit_code == 0

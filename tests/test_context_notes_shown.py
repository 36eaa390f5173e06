"""Namesakes settled by a report's context are shown to the user (trial: context notes).

``ReportSet.context_notes`` says why a name two stations bear was settled by the
other places of its report. ``railtrack track`` prints them and lists them in its
``run`` record (``context_notes``); ``railtrack load`` prints them under its tables.
A generated network with "Namestead" twice, 800 km apart, each beside a town.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from railtrack import load_reports
from railtrack.cli import app
from railtrack.network import load_network
from railtrack.pipeline import track

runner = CliRunner()


def _network(folder: Path) -> Path:
    folder.mkdir()
    (folder / "stations.csv").write_text(
        "id,name,lat,lon,country\n"
        "N1,Namestead,55.0,30.0,RU\n"
        "W1,Westford,55.3,30.2,RU\n"
        "M1,Middleton,53.5,35.2,RU\n"
        "E1,Eastbury,52.2,40.9,RU\n"
        "N2,Namestead,52.0,40.5,RU\n",
        encoding="utf-8",
    )
    (folder / "links.csv").write_text(
        "source,target,length_km\nN1,W1,30\nW1,M1,400\nM1,E1,420\nE1,N2,35\n",
        encoding="utf-8",
    )
    return folder


def _reports(folder: Path, *, eastbury: bool = True) -> Path:
    path = folder / "posts.jsonl"
    other = "Eastbury" if eastbury else "Middleton"
    path.write_text(
        f'{{"id": "a", "report": "r1", "origin": "Namestead", "destination": "{other}", '
        '"departure": "2023-03-02", "source": {"reporter": "Test", "published": "2023-03-03"}}\n',
        encoding="utf-8",
    )
    return path


@pytest.fixture
def net(tmp_path: Path) -> Path:
    return _network(tmp_path / "net")


def test_track_json_lists_the_context_notes(tmp_path: Path, net: Path) -> None:
    posts = _reports(tmp_path)
    result = runner.invoke(
        app,
        ["track", str(posts), "--network", str(net), "--out", str(tmp_path / "out"), "--json"],
    )
    assert result.exit_code in (0, 1), result.output
    run = json.loads(result.stdout)
    assert run["record"] == "run"
    (note,) = run["context_notes"]
    assert note.startswith("'Namestead': Namestead (N2)")
    assert "Eastbury" in note


def test_track_prints_the_context_notes(tmp_path: Path, net: Path) -> None:
    posts = _reports(tmp_path)
    result = runner.invoke(
        app, ["track", str(posts), "--network", str(net), "--out", str(tmp_path / "out")]
    )
    assert "1 namesake settled by the other places of its report:" in result.stdout
    assert "'Namestead': Namestead (N2)" in result.stdout


def test_load_prints_the_context_notes(tmp_path: Path, net: Path) -> None:
    result = runner.invoke(app, ["load", str(_reports(tmp_path)), "--network", str(net)])
    assert "'Namestead': Namestead (N2)" in result.stdout


def test_no_context_no_notes(tmp_path: Path, net: Path) -> None:
    """Middleton lies as far from both namesakes: nothing is settled, nothing printed."""
    posts = _reports(tmp_path, eastbury=False)
    result = runner.invoke(
        app,
        ["track", str(posts), "--network", str(net), "--out", str(tmp_path / "out"), "--json"],
    )
    assert json.loads(result.stdout)["context_notes"] == []
    printed = runner.invoke(
        app, ["track", str(posts), "--network", str(net), "--out", str(tmp_path / "o2")]
    )
    assert "namesake" not in printed.stdout


def test_the_notes_survive_relay_linking(tmp_path: Path, net: Path) -> None:
    """A relay dropped from the set does not drop the notes of the resolving step."""
    posts = _reports(tmp_path)
    relay = posts.read_text(encoding="utf-8").replace('"a"', '"b"').replace('"r1"', '"r2"')
    posts.write_text(posts.read_text(encoding="utf-8") + relay, encoding="utf-8")
    result = track(load_reports(posts), load_network(net))
    assert len(result.relays) == 1
    assert len(result.reports.context_notes) == 2
    assert all("(N2)" in note for note in result.reports.context_notes)

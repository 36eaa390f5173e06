"""One problem shape from every command; a broken ``--network`` is an input problem.

trial17b T9: with a ``--network DIR`` holding a bad latitude, a duplicate id, a
negative and a non-numeric length and a link to an unknown station, every command
exited 0, the run records said ``n_problems: 0``, ``track``'s problems.csv and
report.html said nothing, and ``track``'s problem records had ``path: null``.
review17 #8: the CLI parsed the network's problem texts back into path, row and
field; ``resolve --file --json`` names-file problems had no path or line.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from railtrack.cli import app
from railtrack.network import load_network
from railtrack.problems import NetworkProblem, Problem
from railtrack.records import ProblemRecord

runner = CliRunner()

_HEADER = "id,name,lat,lon,country\n"
_GOOD = "A1,Upton,52.0,24.0,BY\nA2,Downton,52.5,25.0,BY\nA3,Midway,52.2,24.5,BY\n"
_LINKS = "source,target,length_km\nA1,A3,40\nA3,A2,40\n"

SHAPE = set(ProblemRecord.model_fields)
"""The keys of every ``problem`` record, from its published model."""


def _net(tmp: Path, stations: str = "", links: str = "", name: str = "net") -> Path:
    net = tmp / name
    net.mkdir()
    (net / "stations.csv").write_text(_HEADER + _GOOD + stations, encoding="utf-8")
    (net / "links.csv").write_text(_LINKS + links, encoding="utf-8")
    return net


# --- at the source: RailNetwork.problems are Problem objects -----------------------------
@pytest.mark.parametrize(
    ("stations", "links", "where"),
    [
        ("B1,Bad lat,999,24.0,BY\n", "", ("stations.csv", 5, "lat")),
        ("B1,Bad lat,fifty,24.0,BY\n", "", ("stations.csv", 5, "lat")),
        ("B1,Bad lon,52.0,east,BY\n", "", ("stations.csv", 5, "lon")),
        ("A2,Downton again,52.6,25.1,BY\n", "", ("stations.csv", 5, "id")),
        (",No id,52.6,25.1,BY\n", "", ("stations.csv", 5, "id")),
        ("", "A1,A2,-5\n", ("links.csv", 4, "length_km")),
        ("", "A1,A2,abc\n", ("links.csv", 4, "length_km")),
        ("", "A1,ZZ,10\n", ("links.csv", 4, "target")),
        ("", "ZZ,A1,10\n", ("links.csv", 4, "source")),
        ("", "ZZ,YY,10\n", ("links.csv", 4, None)),  # both ends: the row as a whole
    ],
)
def test_network_problems_carry_path_row_and_field(
    stations: str, links: str, where: tuple[str, int, str | None], tmp_path: Path
) -> None:
    net_dir = _net(tmp_path, stations, links)
    net = load_network(net_dir, cache=False)
    # one bad value: one problem of its row (no "only one of lat/lon" echo of it); a
    # station left without a position is also said of the file as a whole (row None)
    (problem,) = [p for p in net.problems if p.row is not None]
    assert isinstance(problem, Problem)
    assert (problem.path, problem.row, problem.field) == (
        str(net_dir / where[0]),
        where[1],
        where[2],
    )
    # its line names the directory (review18 #13); the record's path holds it too
    assert str(problem).startswith(f"network {net_dir}: {where[0]} row {where[1]}")
    assert where[0] not in problem.message  # the message says what, not where


def test_a_clean_network_has_no_problem(tmp_path: Path) -> None:
    assert load_network(_net(tmp_path), cache=False).problems == []


def test_cached_network_names_its_files_as_this_load_gives_the_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cache key holds the resolved directory; the problems name it as given."""
    monkeypatch.delenv("RAILTRACK_NO_CACHE", raising=False)
    monkeypatch.setenv("RAILTRACK_CACHE_DIR", str(tmp_path / "cache"))
    net_dir = _net(tmp_path, links="A1,A2,-5\n")
    first = load_network(net_dir.resolve())
    monkeypatch.chdir(tmp_path)
    again = load_network(Path("net"))
    assert [p.path for p in first.problems] == [str(net_dir.resolve() / "links.csv")]
    assert [p.path for p in again.problems] == [str(Path("net") / "links.csv")]


def test_a_network_built_by_hand_keeps_text_problems_as_problems(tmp_path: Path) -> None:
    from railtrack.network import RailNetwork

    net = RailNetwork(load_network(_net(tmp_path), cache=False).G, problems=["mine"])
    assert net.problems == [Problem("", None, None, "mine")]


# --- every command: exit 1, counted, listed, one shape -------------------------------------
def _records(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.fixture
def report(tmp_path: Path) -> Path:
    path = tmp_path / "notes.txt"
    path.write_text("On 8 March 2023 a train of 40 cars left Upton for Downton.\n", "utf-8")
    return path


_COMMANDS = [
    ["route", "Upton", "Downton"],
    ["resolve", "Upton"],
    ["extract", "{report}"],
    ["load", "{report}"],
    ["estimate", "{report}"],
    ["status", "{report}", "--as-of", "2023-03-09"],
    ["summary", "{report}"],
    ["track", "{report}", "-o", "{tmp}/out"],
    ["ingest", "{report}", "--store", "{tmp}/s.sqlite"],
    ["plot", "map", "{report}", "-o", "{tmp}/map.png"],
    ["plot", "timeline", "{report}", "-o", "{tmp}/timeline.png"],
    ["plot", "volumes", "{report}", "-o", "{tmp}/volumes.png"],
]
_BROKEN_STATIONS = "B1,Bad lat,999,24.0,BY\nA2,Downton again,52.6,25.1,BY\n"
_BROKEN_LINKS = "A1,A2,-5\nA2,A9,10\nA3,A1,abc\n"
_BROKEN_WHERE = {
    ("stations.csv", 5, "lat"),
    ("stations.csv", 6, "id"),
    ("links.csv", 4, "length_km"),
    ("links.csv", 5, "target"),
    ("links.csv", 6, "length_km"),
}


def _run(args: list[str], net: Path, report: Path, tmp: Path) -> tuple[int, list, list]:
    argv = [a.format(report=report, tmp=tmp) for a in args]
    result = runner.invoke(app, [*argv, "--network", str(net), "--json"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, _records(result.stdout), _records(result.stderr)


@pytest.mark.parametrize("args", _COMMANDS, ids=lambda a: " ".join(a[:2]))
def test_a_broken_network_is_an_input_problem_of_every_command(
    args: list[str], report: Path, tmp_path: Path
) -> None:
    net = _net(tmp_path, _BROKEN_STATIONS, _BROKEN_LINKS, name="broken")
    code, out, err = _run(args, net, report, tmp_path)
    assert code == 1, (out, err)  # README: 1 = input problems were found
    assert all(r["record"] == "problem" for r in err), err  # stderr: records only
    found = {(Path(p["path"]).name, p["row"], p["field"]) for p in err}
    assert found >= _BROKEN_WHERE
    assert all(Path(p["path"]).parent == net for p in err if p["path"].endswith("s.csv"))
    documents = [r for r in out if "n_problems" in r]  # run, ingest, plot, volumes
    for doc in documents:
        assert doc["n_problems"] == len(doc["problems"]) == len(err)
        listed = {(Path(p["path"]).name, p["row"], p["field"]) for p in doc["problems"]}
        assert listed >= _BROKEN_WHERE


@pytest.mark.parametrize("args", _COMMANDS, ids=lambda a: " ".join(a[:2]))
def test_a_clean_network_gives_no_problem_and_exit_0(
    args: list[str], report: Path, tmp_path: Path
) -> None:
    code, out, err = _run(args, _net(tmp_path, name="clean"), report, tmp_path)
    assert (code, err) == (0, []), out
    assert all(r["n_problems"] == 0 for r in out if "n_problems" in r)


def test_track_lists_network_problems_in_problems_csv_and_the_briefing(
    report: Path, tmp_path: Path
) -> None:
    import pandas as pd

    net = _net(tmp_path, _BROKEN_STATIONS, _BROKEN_LINKS, name="broken")
    code, _, _ = _run(["track", "{report}", "-o", "{tmp}/out", "-q"], net, report, tmp_path)
    assert code == 1
    table = pd.read_csv(tmp_path / "out" / "problems.csv")
    rows = set(zip(table["path"].map(lambda p: Path(p).name), table["row"], strict=True))
    assert {(f, r) for f, r, _ in _BROKEN_WHERE} <= rows
    html = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert "links.csv row 4, field &#39;length_km&#39;" in html or (
        "links.csv row 4, field 'length_km'" in html
    )
    assert "stations.csv row 6, field" in html


def test_resolve_file_json_names_file_problems_carry_path_and_line(tmp_path: Path) -> None:
    names = tmp_path / "names.txt"
    names.write_bytes(b"Gomel\n\xff\xfe bad\n" + "Орша\n".encode() + b"x\x00y\n")
    result = runner.invoke(app, ["resolve", "--file", str(names), "--json"])
    assert result.exit_code == 1
    problems = _records(result.stderr)
    assert [(p["path"], p["row"], p["unit"]) for p in problems] == [
        (str(names), 2, "line"),
        (str(names), 4, "line"),
    ]
    assert all(set(p) == SHAPE for p in problems)


# --- one shape over all commands ------------------------------------------------------------
_BAD_ROWS = "id,origin,destination,cars_total\nT1,Upton,Downton,eighty\nT2,Upton,Downton,12\n"


@pytest.mark.parametrize(
    "args",
    [
        *_COMMANDS,
        ["convert", "{sheet}", "-o", "{tmp}/conv"],
        ["resolve", "--file", "{names}"],
    ],
    ids=lambda a: " ".join(a[:2]),
)
def test_every_command_prints_one_problem_shape(args: list[str], tmp_path: Path) -> None:
    """Each problem record, on stderr or in a summary's ``problems``, has one shape.

    Inputs with problems of their own (a bad cell, a bad network row, a names-file
    line that is not text): every record has the published keys, a ``path`` as the
    input was given, and a ``text`` that is its one-line rendering.
    """
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(_BAD_ROWS, encoding="utf-8")
    names = tmp_path / "names.txt"
    names.write_bytes(b"Upton\n\xff\n")
    net = _net(tmp_path, links="A1,A2,-5\n", name="n1")
    prose = tmp_path / "prose.txt"  # extract reads prose: an undatable "this morning"
    prose.write_text("This morning a train of 40 cars left Upton for Downton.\n", "utf-8")
    report = prose if args[0] == "extract" else sheet
    fill = {"report": report, "sheet": sheet, "names": names, "tmp": tmp_path}
    argv = [a.format(**fill) for a in args]
    if argv[0] not in ("convert",):
        argv += ["--network", str(net)]
    result = runner.invoke(app, [*argv, "--json"])
    assert result.exit_code == 1, result.output
    err = _records(result.stderr)
    nested = [p for r in _records(result.stdout) for p in r.get("problems", [])]
    problems = [*err, *[{"record": "problem", **p} for p in nested]]
    assert problems
    given = {str(report), str(names), str(net / "links.csv")}
    for p in problems:
        assert set(p) == SHAPE, p
        ProblemRecord.model_validate(p)
        assert p["path"] in given, p  # the path as given, never null, never cut to a name
        # the line as printed: a network file's names its directory (review18 #13)
        kind = NetworkProblem if Path(p["path"]).parent == net else Problem
        assert p["text"] == str(kind(p["path"], p["row"], p["field"], p["message"], p["unit"]))

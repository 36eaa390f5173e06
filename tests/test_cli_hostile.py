"""Hostile inputs on every command (issues #13, #15, #20): no traceback, no silence.

A network directory of the user's own with bad rows: every command that takes
``--network`` says so, and with ``--json`` its stderr holds ``problem`` records
only (each with the CSV file, the row and the field as keys), as for the reports.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from railtrack.cli import app

runner = CliRunner()

_STATIONS = (
    "id,name,lat,lon,country\n"
    "A1,Upton,52.0,24.0,BY\n"
    "A2,Downton,52.5,25.0,BY\n"
    "A3,Nowhere,NaN,24.5,BY\n"
    "A2,Downton again,52.6,25.1,BY\n"
)
_LINKS = "source,target,length_km\nA1,A2,80\nA2,A9,10\nA1,A3,-5\n"


@pytest.fixture
def broken_network(tmp_path: Path) -> Path:
    net = tmp_path / "net"
    net.mkdir()
    (net / "stations.csv").write_text(_STATIONS, encoding="utf-8")
    (net / "links.csv").write_text(_LINKS, encoding="utf-8")
    return net


@pytest.fixture
def report(tmp_path: Path) -> Path:
    path = tmp_path / "notes.txt"
    path.write_text("On 8 March 2023 a train of 40 cars left Upton for Downton.\n", "utf-8")
    return path


def _records(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.mark.parametrize(
    "args",
    [
        ["route", "Upton", "Downton"],
        ["resolve", "Upton"],
        ["load", "{report}"],
        ["estimate", "{report}"],
        ["status", "{report}", "--as-of", "2023-03-09"],
        ["summary", "{report}"],
        ["plot", "map", "{report}", "-o", "{tmp}/map.png"],
        ["plot", "timeline", "{report}", "-o", "{tmp}/timeline.png"],
    ],
)
def test_json_network_problems_are_problem_records(
    args: list[str], broken_network: Path, report: Path, tmp_path: Path
) -> None:
    argv = [a.format(report=report, tmp=tmp_path) for a in args]
    result = runner.invoke(app, [*argv, "--network", str(broken_network), "--json"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    problems = [r for r in _records(result.stderr) if r["record"] == "problem"]
    assert len(problems) == len(_records(result.stderr)), result.stderr  # nothing but records
    where = {(Path(p["path"]).name, p["row"], p["field"]) for p in problems}
    assert ("stations.csv", 4, "lat") in where
    assert ("stations.csv", 5, "id") in where
    assert ("links.csv", 4, "length_km") in where
    assert any(p["row"] == 3 and "A9" in p["message"] for p in problems)
    assert all(Path(p["path"]).parent == broken_network for p in problems)
    _records(result.stdout)  # stdout stays valid JSON Lines


def test_resolve_names_the_bad_rows_of_a_network_as_route_does(broken_network: Path) -> None:
    """``resolve --network DIR`` used to read the names alone and say nothing of bad rows.

    It exits 1 now, as every command whose input had problems (session 18: it exited
    0 while printing them), after printing the resolution.
    """
    result = runner.invoke(app, ["resolve", "Downton", "--network", str(broken_network)])
    assert "A2" in result.stdout
    assert f"network {broken_network}: stations.csv row 4, field 'lat'" in result.stderr
    assert f"network {broken_network}: links.csv row 3" in result.stderr
    assert result.exit_code == 1


@pytest.mark.parametrize(
    "args",
    [["resolve", "Upton"], ["route", "Upton", "Downton"], ["load", "{report}"],
     ["estimate", "{report}"]],
)  # fmt: skip
def test_plain_network_problems_name_the_directory_as_given(
    args: list[str],
    broken_network: Path,
    report: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """review18 #13: a reports folder may hold a links.csv too; the line says whose it is.

    The directory is named as given, relative or absolute (the second spelling loads
    the same directory from the network cache).
    """
    monkeypatch.chdir(tmp_path)
    for given in ("net", str(broken_network)):
        argv = [a.format(report=report) for a in args]
        result = runner.invoke(app, [*argv, "--network", given])
        lines = [x.strip() for x in result.stderr.splitlines() if "csv row" in x]
        assert len(lines) == 4, result.stderr
        assert all(x.startswith(f"- network {given}: ") for x in lines), result.stderr
        assert f"- network {given}: links.csv row 3, field 'target'" in result.stderr
        assert result.exit_code == 1


def test_report_problems_name_no_network(tmp_path: Path) -> None:
    """Negative: a report's own problem keeps its one-line form, with no network prefix."""
    table = tmp_path / "links.csv"
    table.write_text("id,origin,destination,cars,source\nr1,Orsha,Brest,many,H\n", "utf-8")
    result = runner.invoke(app, ["load", str(table)])
    assert "links.csv row 2, field 'cars'" in result.stderr
    assert "network" not in result.stderr


def test_a_clean_network_prints_no_problem(tmp_path: Path) -> None:
    net = tmp_path / "clean"
    net.mkdir()
    (net / "stations.csv").write_text(_STATIONS.rsplit("A3,", 1)[0], encoding="utf-8")
    (net / "links.csv").write_text("source,target,length_km\nA1,A2,80\n", encoding="utf-8")
    for args in (["resolve", "Upton"], ["route", "Upton", "Downton"]):
        result = runner.invoke(app, [*args, "--network", str(net), "--json"])
        assert result.exit_code == 0, result.output
        assert result.stderr == ""


def test_resolve_file_json_keeps_stderr_to_problem_records(tmp_path: Path) -> None:
    names = tmp_path / "names.txt"
    names.write_bytes(b"Gomel\n\xff\xfe bad\nZzzqx\n" + "Орша\n".encode())
    result = runner.invoke(app, ["resolve", "--file", str(names), "--json"])
    assert result.exit_code == 1
    out = _records(result.stdout)
    assert [r["resolved"] for r in out] == [True, False, True]
    (problem,) = _records(result.stderr)
    assert problem["record"] == "problem"
    assert (problem["path"], problem["row"], problem["unit"]) == (str(names), 2, "line")
    assert problem["text"].startswith("names.txt line 2: not UTF-8 text")


@pytest.mark.parametrize("inside", ["", "sub", "sub/deeper"])
def test_track_out_that_is_a_file_is_a_clear_usage_error(
    inside: str, report: Path, tmp_path: Path
) -> None:
    """``track --out FILE`` printed "[Errno 17] File exists" after the whole run."""
    blocker = tmp_path / "written.txt"
    blocker.write_text("x", encoding="utf-8")
    out = blocker / inside if inside else blocker
    result = runner.invoke(app, ["track", str(report), "--out", str(out)])
    assert result.exit_code != 0
    assert "not a directory" in str(result.exception)
    assert str(blocker) in str(result.exception)
    assert not (tmp_path / "railtrack-out").exists()


def test_track_out_that_is_a_new_directory_is_made(report: Path, tmp_path: Path) -> None:
    out = tmp_path / "new" / "run"
    result = runner.invoke(app, ["track", str(report), "--out", str(out), "-q"])
    assert result.exit_code in (0, 1), result.output  # 1: Upton is no embedded station
    assert (out / "report.html").exists()


@pytest.mark.parametrize("k", ["101", "100000", "0", "-3"])
def test_route_k_out_of_range_is_a_usage_error_not_a_hang(k: str) -> None:
    """``route -k 100000`` ran for minutes with no output; now a usage error (exit 2)."""
    result = runner.invoke(app, ["route", "Gomel", "Minsk", "-k", k, "--json"])
    assert result.exit_code == 2
    assert "Invalid value for '-k'" in result.output
    bound = "less than or equal to 100" if int(k) > 100 else "greater than or equal to 1"
    assert bound in result.output


def test_route_k_within_range_still_routes() -> None:
    result = runner.invoke(app, ["route", "Gomel", "Minsk", "-k", "2", "--json"])
    assert result.exit_code == 0, result.output
    assert len(_records(result.stdout)) == 2


@pytest.mark.parametrize("command", ["load", "estimate"])
def test_a_converted_part_edited_by_hand_is_an_error_naming_it(
    command: str, report: Path, tmp_path: Path
) -> None:
    """A corrupt Parquet part of a converted folder was an internal error (exit 3)."""
    from railtrack.errors import ReportError

    out = tmp_path / "converted"
    assert runner.invoke(app, ["convert", str(report), "--out", str(out), "-q"]).exit_code == 0
    (part,) = (out / "shipments").rglob("*.parquet")
    part.write_bytes(b"PAR1 not parquet at all")
    result = runner.invoke(app, [command, str(out), "--json"])
    assert isinstance(result.exception, ReportError), result.exception
    assert str(out / "shipments") in str(result.exception)


@pytest.mark.parametrize("name", ["part-0.parquet", "month=2023-03/part-1.parquet", "t.feather"])
def test_data_files_in_a_folder_are_named_not_read_silently(name: str, tmp_path: Path) -> None:
    """A converted folder whose manifest was deleted printed "No shipments." and exit 0."""
    from railtrack import load_reports

    folder = tmp_path / "reports"
    (folder / name).parent.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(b"PAR1\x00\x00")
    (folder / "photo.jpg").write_bytes(b"\x00")  # media pass silently (negative case)
    reports = load_reports(folder)
    named = [Path(p.path).name for p in reports.problems]
    assert named == [Path(name).name]
    assert "unsupported file type" in reports.problems[0].message

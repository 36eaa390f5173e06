"""Kinds a new-user trial found in the command line: each as a kind, not as its example."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from railtrack import data_path, load_reports
from railtrack.cli import app

runner = CliRunner()


def test_documents_in_a_folder_are_named_not_skipped_silently(tmp_path: Path) -> None:
    folder = tmp_path / "notes"
    (folder / "sub").mkdir(parents=True)
    (folder / "trains.csv").write_text("date,from,to\n2023-03-01,Slonim,Polonka\n", "utf-8")
    for name in ("minutes.docx", "sub/scan.PDF", "old.xls"):
        (folder / name).write_bytes(b"\x00binary")
    for name in ("photo.jpg", "clip.mp4", "README.md", "~$trains.xlsx"):
        (folder / name).write_bytes(b"\x00")
    reports = load_reports(folder)
    assert len(reports.shipments) == 1
    named = sorted(Path(p.path).name for p in reports.problems if "unsupported" in p.message)
    assert named == ["minutes.docx", "old.xls", "scan.PDF"]
    assert all("skipped" in p.message for p in reports.problems if "unsupported" in p.message)


def test_a_narrow_extract_table_keeps_the_car_counts() -> None:
    text = data_path("reports", "2022-12-20-pravda-kalinkovichi-slutsk.txt")
    result = runner.invoke(app, ["extract", str(text)], env={"COLUMNS": "80"})
    header = next(line for line in result.stdout.splitlines() if "origin" in line)
    assert "cars" in header
    assert max(len(line) for line in result.stdout.splitlines()) <= 80


def test_readme_names_the_sighting_fields_the_schema_has() -> None:
    from railtrack.records import schema

    readme = (Path(__file__).parents[1] / "README.md").read_text("utf-8")
    fields = set(schema("sighting")["properties"]) - {"record", "id", "source"}
    start = readme.index("sightings `shipment`")
    said = readme[start : start + 200]
    assert all(f"`{f}`" in said for f in fields), (fields, said)


def test_a_network_with_bad_rows_says_so_on_the_command_line(tmp_path: Path) -> None:
    """Trial F77 (kind): ``--network DIR`` prints the rows it could not read."""
    net = tmp_path / "net"
    net.mkdir()
    (net / "stations.csv").write_text(
        "id,name,lat,lon,country\nA1,Upton,52.0,24.0,BY\nA2,Downton,52.5,25.0,BY\n"
        "A3,Nowhere,123,24.5,BY\n",
        encoding="utf-8",
    )
    (net / "links.csv").write_text(
        "source,target,length_km\nA1,A2,80\nA2,A9,10\n", encoding="utf-8"
    )
    result = runner.invoke(app, ["route", "Upton", "Downton", "--network", str(net)])
    # exit 1 since session 18 (was 0): the route is printed, but the network had input
    # problems (a skipped link may make a route longer), as README "Exit codes" says
    assert result.exit_code == 1, result.output
    assert "Downton" in result.stdout
    assert "stations.csv row 4, field 'lat'" in result.stderr
    assert "links.csv row 3" in result.stderr
    assert "A9" in result.stderr
    as_json = runner.invoke(app, ["route", "Upton", "Downton", "--network", str(net), "--json"])
    assert "stations.csv row 4" not in as_json.stdout  # stdout stays the route records


def test_a_date_problem_in_free_text_names_its_line(tmp_path: Path) -> None:
    """Trial F80 (kind): the line of the words that cannot be dated, not line 1."""
    path = tmp_path / "notes.txt"
    path.write_text(
        "source: me\npublished: 2022-07-02\n\nA quiet week.\n\nNothing else.\n"
        "A train of 30 cars left Orsha for Smolensk on 31 June 2022.\n",
        encoding="utf-8",
    )
    reports = load_reports(path)
    (problem,) = [p for p in reports.problems if "cannot date" in p.message]
    assert (problem.row, problem.unit) == (7, "line")
    assert problem.message.startswith("cannot date '31 June")
    shown = runner.invoke(app, ["extract", str(path)])
    assert "notes.txt line 7: cannot date" in shown.stderr


def test_extract_on_a_folder_says_what_reads_one(tmp_path: Path) -> None:
    """Trial F75 (kind): extract reads one report; for a folder it names `load --json`."""
    (tmp_path / "a.txt").write_text("A train left Orsha for Smolensk.\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path)])
    assert result.exit_code != 0
    said = result.output + str(result.exception)  # the command line's handler prints it
    assert f"railtrack load {tmp_path} --json" in said

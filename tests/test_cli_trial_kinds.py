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

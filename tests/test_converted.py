"""Reports converted to partitioned Parquet read back as the load that wrote them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pyarrow.dataset as ds
import pytest

from railtrack import data_path
from railtrack.errors import InputPathError
from railtrack.io import load_reports
from railtrack.io.converted import MANIFEST, is_converted, write_converted

sys.path.insert(0, str(Path(__file__).resolve().parent))

from test_parallel_load import _mixed_input, _same


def test_embedded_reports_round_trip(tmp_path: Path) -> None:
    original = load_reports(data_path("reports"))
    manifest = write_converted(original, tmp_path / "conv")
    assert is_converted(tmp_path / "conv")
    assert manifest["shipments"] == len(original.shipments)
    _same(original, load_reports(tmp_path / "conv"))


def test_mixed_input_round_trip_keeps_problems_posts_and_files(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    original = load_reports(_mixed_input(tmp_path / "in"), workers=1)
    assert original.problems
    assert original.posts
    write_converted(original, tmp_path / "conv")
    again = load_reports(tmp_path / "conv")
    _same(original, again)
    assert again.posts == original.posts


def test_partitioned_by_published_month(tmp_path: Path) -> None:
    original = load_reports(data_path("reports"))
    write_converted(original, tmp_path / "conv")
    months = {p.name for p in (tmp_path / "conv" / "shipments").iterdir()}
    expected = {
        f"month={s.source.published:%Y-%m}" if s.source.published else "month=unknown"
        for s in original.shipments
    }
    assert months == expected
    table = ds.dataset(tmp_path / "conv" / "shipments", partitioning="hive").to_table()
    assert set(table.column("id").to_pylist()) == {s.id for s in original.shipments}


def test_converted_beside_files_counts_duplicates(tmp_path: Path) -> None:
    original = load_reports(data_path("reports"))
    write_converted(original, tmp_path / "conv")
    both = load_reports([tmp_path / "conv", data_path("reports")])
    assert both.shipments == original.shipments
    assert sum("duplicate" in p.message for p in both.problems) == (
        len(original.shipments) + len(original.groups) + len(original.sightings)
    )


def test_refuses_a_directory_of_other_files(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(InputPathError, match="not empty"):
        write_converted(load_reports(data_path("reports")), tmp_path)
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_converting_again_replaces(tmp_path: Path) -> None:
    reports = load_reports(data_path("reports"))
    write_converted(reports, tmp_path)
    reports.shipments = reports.shipments[:3]
    write_converted(reports, tmp_path)
    assert len(load_reports(tmp_path).shipments) == 3


def test_other_format_is_refused(tmp_path: Path) -> None:
    write_converted(load_reports(data_path("reports")), tmp_path)
    manifest = json.loads((tmp_path / MANIFEST).read_text(encoding="utf-8"))
    (tmp_path / MANIFEST).write_text(json.dumps({**manifest, "format": 99}), encoding="utf-8")
    with pytest.raises(InputPathError, match="format 99"):
        load_reports(tmp_path)


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "railtrack", *args], capture_output=True, text=True, check=False
    )


def test_cli_convert_then_track_gives_the_same_figures(tmp_path: Path) -> None:
    done = _cli("convert", str(data_path("reports")), "--out", str(tmp_path / "conv"), "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["n_shipments"] == len(load_reports(data_path("reports")))
    figures = []
    for source in (data_path("reports"), tmp_path / "conv"):
        out = tmp_path / f"out-{len(figures)}"
        run = _cli("track", str(source), "--json", "--out", str(out), "--as-of", "2023-06-01")
        payload = json.loads(run.stdout)
        payload.pop("out")
        payload.pop("outputs")
        figures.append((run.returncode, payload))
    assert figures[0] == figures[1]


def test_cli_convert_into_a_busy_directory_exits_2(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    done = _cli("convert", str(data_path("reports")), "--out", str(tmp_path))
    assert done.returncode == 2
    assert "not empty" in done.stderr


def test_batches_appended_read_back_as_one_load(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from railtrack.io import converted

    files = sorted(p for p in data_path("reports").iterdir() if p.name != "README.md")
    whole = load_reports(files)
    half = len(files) // 2
    first, second = load_reports(files[:half]), load_reports(files[half:])
    monkeypatch.setattr(converted, "PART_ROWS", 4)  # several files per month
    write_converted(first, tmp_path / "conv")
    manifest = write_converted(second, tmp_path / "conv", append=True)
    assert manifest["batches"] == 2
    assert manifest["shipments"] == len(whole.shipments)
    assert manifest["problems"] == len(first.problems) + len(second.problems)
    again = load_reports(tmp_path / "conv")
    assert again.shipments == whole.shipments
    assert again.groups == whole.groups
    assert again.sightings == whole.sightings
    assert len(converted.converted_files(tmp_path / "conv", "shipments")) > 2
    extras = converted.converted_extras(tmp_path / "conv")
    assert extras.problems == again.problems
    assert not extras.shipments


def test_append_to_nothing_is_a_new_conversion(tmp_path: Path) -> None:
    original = load_reports(data_path("reports"))
    write_converted(original, tmp_path / "conv", append=True)
    _same(original, load_reports(tmp_path / "conv"))


def _problem_key(problem: object) -> tuple[str, str, str]:
    """A problem without what a batch cannot know (the first copy's row of a duplicate id)."""
    message = str(getattr(problem, "message", ""))
    if "duplicate" in message:
        message = message.split(" (first in ")[0]
    return Path(str(getattr(problem, "path", ""))).name, str(getattr(problem, "field", "")), message


def test_converted_in_batches_reads_back_as_one_load(tmp_path: Path) -> None:
    """Batches of 3 files: the records, files, posts and problems of one whole load."""
    from railtrack.io.converted import convert_in_batches

    (tmp_path / "in").mkdir()
    root = _mixed_input(tmp_path / "in")
    whole = load_reports(root, workers=1)
    said: list[int] = []
    manifest, problems, skipped = convert_in_batches(
        [root], tmp_path / "conv", batch_files=3, workers=1, progress=lambda i, n, m: said.append(n)
    )
    assert said[0] > 3  # several batches
    assert manifest["batches"] == said[0]
    again = load_reports(tmp_path / "conv")
    assert again.shipments == whole.shipments
    assert again.groups == whole.groups
    assert again.sightings == whole.sightings
    assert again.files == whole.files
    assert again.posts == whole.posts
    assert again.skipped == whole.skipped == skipped
    assert sorted(map(_problem_key, problems)) == sorted(map(_problem_key, whole.problems))
    assert sorted(map(_problem_key, again.problems)) == sorted(map(_problem_key, problems))
    duplicates = [p for p in problems if "duplicate" in p.message]
    assert duplicates  # zz-again.jsonl repeats an earlier file's ids, in a later batch
    assert all("first in 2023-01-belarus-arrivals.jsonl" in p.message for p in duplicates)


def test_cli_convert_in_batches(tmp_path: Path) -> None:
    done = _cli(
        "convert", str(data_path("reports")), "--out", str(tmp_path / "conv"), "--batch-files", "2"
    )
    assert done.returncode == 0, done.stderr
    assert "batch 1/" in done.stderr
    _same(load_reports(data_path("reports")), load_reports(tmp_path / "conv"))
    bad = _cli(
        "convert", str(data_path("reports")), "--out", str(tmp_path / "c2"), "--batch-files", "0"
    )
    assert bad.returncode == 2

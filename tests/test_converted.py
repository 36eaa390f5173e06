"""Reports converted to partitioned Parquet read back as the load that wrote them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

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


def _stop_in_batch(monkeypatch: pytest.MonkeyPatch, how: str, batch: int) -> None:
    """Make batch ``batch`` (from 1) fail: a worker process dies, or the disk fills mid-write."""
    from concurrent.futures.process import BrokenProcessPool

    import railtrack.io
    from railtrack.io import converted

    calls = {"load": 0, "posts": 0}
    real_load, real_posts = railtrack.io.load_reports, converted._write_posts

    def load(*args: object, **kwargs: object) -> object:
        calls["load"] += 1
        if how == "worker died" and calls["load"] == batch:
            raise BrokenProcessPool("A process in the process pool was terminated abruptly")
        return real_load(*args, **kwargs)  # type: ignore[arg-type]

    def posts(*args: object) -> None:
        calls["posts"] += 1
        if how == "disk full" and calls["posts"] == batch:
            raise OSError(28, "No space left on device")
        real_posts(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(railtrack.io, "load_reports", load)
    monkeypatch.setattr(converted, "_write_posts", posts)


@pytest.mark.parametrize("how", ["worker died", "disk full"])
def test_a_stopped_conversion_says_why_and_resumes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    """Batch 3 fails (after writing its parts and problems, for a full disk); the rerun
    keeps batches 1-2, drops what batch 3 began, and ends as one whole load."""
    from railtrack.io import converted

    (tmp_path / "in").mkdir()
    root = _mixed_input(tmp_path / "in")
    whole = load_reports(root, workers=1)
    out = tmp_path / "conv"
    with monkeypatch.context() as patched:
        _stop_in_batch(patched, how, 3)
        with pytest.raises(converted.ConversionStopped) as stopped:
            converted.convert_in_batches([root], out, batch_files=3, workers=1)
    total = stopped.value.total
    assert (stopped.value.done, total > 3) == (2, True)
    message = str(stopped.value)
    assert f"batch 3 of {total}" in message
    assert "run the same command again" in message
    assert ("died" in message) if how == "worker died" else ("No space left" in message)
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    assert (manifest["complete"], manifest["batches"]) == (False, 2)
    partial = load_reports(out)  # the batches written still load, with a problem saying so
    assert "stopped after batch 2" in partial.problems[0].message
    assert 0 < len(partial.shipments) < len(whole.shipments)

    said: list[tuple[int, int, bool]] = []
    manifest, problems, _ = converted.convert_in_batches(
        [root],
        out,
        batch_files=3,
        workers=1,
        progress=lambda i, n, m: said.append((i, n, bool(m.get("resumed")))),
    )
    assert said[0] == (2, total, True)  # resumed after the two batches written
    assert [i for i, _, _ in said[1:]] == list(range(3, total + 1))
    assert manifest["complete"]
    again = load_reports(out)
    assert again.shipments == whole.shipments
    assert again.groups == whole.groups
    assert again.sightings == whole.sightings
    assert again.files == whole.files
    assert again.posts == whole.posts
    assert sorted(map(_problem_key, again.problems)) == sorted(map(_problem_key, whole.problems))
    assert sorted(map(_problem_key, problems)) == sorted(map(_problem_key, whole.problems))
    assert not list(out.rglob("*.tmp"))


def test_a_stopped_conversion_of_other_inputs_starts_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from railtrack.io import converted

    (tmp_path / "in").mkdir()
    root = _mixed_input(tmp_path / "in")
    out = tmp_path / "conv"
    with monkeypatch.context() as patched:
        _stop_in_batch(patched, "worker died", 2)
        with pytest.raises(converted.ConversionStopped):
            converted.convert_in_batches([root], out, batch_files=3, workers=1)
    said: list[bool] = []
    manifest, _, _ = converted.convert_in_batches(  # other batch sizes: other batches
        [root], out, batch_files=4, workers=1, progress=lambda i, n, m: said.append("resumed" in m)
    )
    assert not any(said)
    assert manifest["batches"] == manifest["batches_total"] == len(said)
    assert load_reports(out).shipments == load_reports(root, workers=1).shipments


def test_a_conversion_stopped_before_its_first_batch_is_named(tmp_path: Path) -> None:
    out = tmp_path / "conv"
    out.mkdir()
    begun = {"format": 1, "batches": 0, "complete": False, "shipments": 0}
    (out / MANIFEST).write_text(json.dumps(begun), encoding="utf-8")
    with pytest.raises(InputPathError, match="wrote no batch"):
        load_reports(out)
    write_converted(load_reports(data_path("reports")), out)  # converting again replaces it
    assert len(load_reports(out).shipments) == len(load_reports(data_path("reports")).shipments)


def test_cli_resumes_a_stopped_conversion_and_says_batches_with_json(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from railtrack.io import converted

    out = tmp_path / "conv"
    with monkeypatch.context() as patched:
        _stop_in_batch(patched, "worker died", 3)
        with pytest.raises(converted.ConversionStopped):
            converted.convert_in_batches([data_path("reports")], out, batch_files=2, workers=1)
    done = _cli(
        "convert", str(data_path("reports")), "--out", str(out), "--batch-files", "2", "--json"
    )
    assert done.returncode == 0, done.stderr
    assert "resuming the conversion" in done.stderr
    assert "batches 1-2 of" in done.stderr
    assert "batch 3/" in done.stderr  # said on stderr with --json too
    assert "batch 1/" not in done.stderr
    assert json.loads(done.stdout)["n_shipments"] == len(load_reports(data_path("reports")))
    _same(load_reports(data_path("reports")), load_reports(out))


def test_a_resumed_conversion_matches_retractions_of_batches_written_before_the_stop(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Batch 4 fails after the retraction's batch 3 was written; the rerun still flags
    the batch-1 train it retracts, as an unbroken conversion does (session 18)."""
    from railtrack.io import converted
    from tests._report_files import write_report

    root = tmp_path / "in"
    write_report(
        root, "1-told.txt", "Учора ў Брэст прыбыў эшалон з танкамі, 40 платформаў.", "2023-05-15"
    )
    write_report(root, "2-other.txt", "Сёння ў Оршу прыбыў эшалон з 30 вагонаў.", "2023-05-14")
    denial = (
        "Опровержение: информация об эшелоне, который якобы прибыл вчера в Брест, не подтвердилась."
    )
    write_report(root, "3-denied.txt", denial, "2023-05-15")
    write_report(
        root, "4-more.txt", "Сегодня через Жлобин прошёл эшелон из 20 вагонов.", "2023-05-16"
    )

    def retracted(problems: list[Any]) -> list[str]:
        return sorted(
            f"{Path(p.path).name}: {p.message}" for p in problems if "is retracted by" in p.message
        )

    expected = retracted(load_reports(root, workers=1).problems)
    assert len(expected) == 1
    unbroken, _, _ = converted.convert_in_batches([root], tmp_path / "whole", batch_files=1)
    assert retracted(load_reports(tmp_path / "whole").problems) == expected
    out = tmp_path / "conv"
    with monkeypatch.context() as patched:
        _stop_in_batch(patched, "worker died", 4)
        with pytest.raises(converted.ConversionStopped) as stopped:
            converted.convert_in_batches([root], out, batch_files=1, workers=1)
    assert stopped.value.done == 3
    manifest, problems, _ = converted.convert_in_batches([root], out, batch_files=1, workers=1)
    assert manifest["complete"]
    assert retracted(problems) == expected
    assert retracted(load_reports(out).problems) == expected
    assert manifest["problems"] == unbroken["problems"]


@pytest.mark.parametrize("stop", [3, 4])
def test_a_resumed_conversion_with_the_retraction_first_is_as_if_unbroken(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stop: int
) -> None:
    """review18 #9: the retraction sorts into batch 1, the train it retracts into batch 2.

    One load, an unbroken batched conversion and a resumed one match it with the whole
    folder alike (a resume once rebuilt batch 1's end as the trains written at the stop).
    """
    from railtrack.io import converted
    from tests._report_files import write_report

    root = tmp_path / "in"
    denial = (
        "Опровержение: информация об эшелоне, который якобы прибыл вчера в Брест, не подтвердилась."
    )
    write_report(root, "1-denied.txt", denial, "2023-05-15")
    write_report(
        root, "2-told.txt", "Учора ў Брэст прыбыў эшалон з танкамі, 40 платформаў.", "2023-05-15"
    )
    write_report(root, "3-other.txt", "Сёння ў Оршу прыбыў эшалон з 30 вагонаў.", "2023-05-14")
    write_report(
        root, "4-more.txt", "Сегодня через Жлобин прошёл эшелон из 20 вагонов.", "2023-05-16"
    )

    def retracted(reports: Any) -> tuple[list[str], list[tuple[str, str | None]]]:
        said = sorted(
            f"{Path(p.path).name}: {p.message}" for p in reports.problems if "retract" in p.message
        )
        return said, sorted((s.id, s.retracted_by) for s in reports.shipments if s.retracted_by)

    expected = retracted(load_reports(root, workers=1))
    assert expected[0] != []
    assert len(expected[1]) == 1  # one train marked retracted
    unbroken, _, _ = converted.convert_in_batches([root], tmp_path / "whole", batch_files=1)
    assert retracted(load_reports(tmp_path / "whole")) == expected
    out = tmp_path / "conv"
    with monkeypatch.context() as patched:
        _stop_in_batch(patched, "worker died", stop)
        with pytest.raises(converted.ConversionStopped):
            converted.convert_in_batches([root], out, batch_files=1, workers=1)
    manifest, _, _ = converted.convert_in_batches([root], out, batch_files=1, workers=1)
    assert manifest["complete"]
    assert retracted(load_reports(out)) == expected
    assert manifest["problems"] == unbroken["problems"]


@pytest.mark.parametrize("batch_files", [1, 2])
def test_long_retraction_problems_read_back_from_batches_as_loaded(
    tmp_path: Path, batch_files: int
) -> None:
    """Session 19: a problem naming a long path (over 400 characters) was cut, written,
    then cut again when read back: a batched conversion listed it twice (once as cut at
    the end, once as cut in its batch). The three tests above failed whenever pytest's
    own temporary paths were long enough (a worker's ``popen-gw0``), not from any state
    left by another test file."""
    from railtrack.io import converted
    from tests._report_files import write_report

    root = tmp_path / ("a-folder-with-a-long-name-" * 4) / "in"
    denial = (
        "Опровержение: информация об эшелоне, который якобы прибыл вчера в Брест, не подтвердилась."
    )
    write_report(root, "1-denied.txt", denial, "2023-05-15")
    write_report(
        root, "2-told.txt", "Учора ў Брэст прыбыў эшалон з танкамі, 40 платформаў.", "2023-05-15"
    )
    write_report(root, "3-other.txt", "Сёння ў Оршу прыбыў эшалон з 30 вагонаў.", "2023-05-14")
    loaded = sorted(str(p) for p in load_reports(root, workers=1).problems)
    assert any("characters cut" in p for p in loaded)  # (the case: a message was cut)
    out = tmp_path / "conv"
    manifest, problems, _ = converted.convert_in_batches(
        [root], out, batch_files=batch_files, workers=1
    )
    assert sorted(str(p) for p in problems) == loaded
    assert sorted(str(p) for p in load_reports(out).problems) == loaded
    assert manifest["problems"] == len(loaded)


def test_a_batch_stopped_after_writing_its_retractions_leaves_none_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A batch that wrote its retracted trains and then stopped (a full disk on its posts)
    is written again on resume: its retracted trains are kept once, not twice."""
    import pyarrow.parquet as pq

    from railtrack.io import converted
    from tests._report_files import write_report

    root = tmp_path / "in"
    write_report(
        root, "1-told.txt", "Учора ў Брэст прыбыў эшалон з танкамі, 40 платформаў.", "2023-05-15"
    )
    denial = (
        "Опровержение: информация об эшелоне, который якобы прибыл вчера в Брест, не подтвердилась."
    )
    write_report(root, "2-denied.txt", denial, "2023-05-15")
    out = tmp_path / "conv"
    real = converted._write_retracted
    calls = {"n": 0}

    def retracted_then_full(*args: Any, **kwargs: Any) -> None:
        real(*args, **kwargs)
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError(28, "No space left on device")

    with monkeypatch.context() as patched:
        patched.setattr(converted, "_write_retracted", retracted_then_full)
        with pytest.raises(converted.ConversionStopped):
            converted.convert_in_batches([root], out, batch_files=1, workers=1)
    converted.convert_in_batches([root], out, batch_files=1, workers=1)
    assert pq.read_table(out / converted.RETRACTED).num_rows == 1

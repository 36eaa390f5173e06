"""The Dask engine with per-train tables written by the workers (``write_dask``).

The figures are the default engine's; the parts read back are the tables
``railtrack track`` writes (``route_id`` per train, each route once); a run
interrupted after some partitions restarts without recomputing them. The cluster
is in this process (``processes=False``), as in ``test_dask_track.py``, so a test
can count and interrupt what the workers compute.
"""

from __future__ import annotations

import io
import re
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from railtrack import data_path, load_network
from railtrack._frames import parquet_ready
from railtrack.briefing import write_outputs
from railtrack.io import load_reports
from railtrack.io.converted import write_converted
from railtrack.pipeline import TrackResult, track
from railtrack.route_files import distinct_routes, per_train_estimates, per_train_routes

pytest.importorskip("distributed", reason="the Dask engine needs railtrack[dask]")

from railtrack import dask_tasks, dask_written
from railtrack.dask_written import WrittenRun, read_table
from railtrack.engine_dask import DASK_WRITE_STAGES, write_dask


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    from distributed import Client, LocalCluster

    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=False, dashboard_address=":0"
        ) as cluster,
        Client(cluster) as c,
    ):
        yield c


def _round_trip(df: pd.DataFrame) -> pd.DataFrame:
    """``df`` as the parts store it (cells that are not text as text, Parquet types)."""
    buffer = io.BytesIO()
    parquet_ready(df).to_parquet(buffer, index=False)
    return pd.read_parquet(io.BytesIO(buffer.getvalue()))


def _plain(df: pd.DataFrame) -> pd.DataFrame:
    """Cells as Python objects, every missing cell None (parts differ in how they mark it)."""
    return df.astype(object).where(df.notna(), None)


def expected_tables(result: TrackResult) -> dict[str, pd.DataFrame]:
    """The per-train tables of a default run, in the shapes the parts hold."""
    problems = result.problems_frame()
    unrouted = problems[problems["message"].str.contains("not routed|is ambiguous")]
    return {
        "shipments": result.shipments,
        "routes": per_train_routes(result.routes),
        "estimates": per_train_estimates(result.estimates, result.routes),
        "status": result.statuses,
        "problems": unrouted.reset_index(drop=True),
        "distinct_routes": distinct_routes(result.routes),
    }


def assert_same(default: TrackResult, run: WrittenRun) -> None:
    assert run.headline() == default.headline()
    assert run.knowledge == default.knowledge
    for name, table in expected_tables(default).items():
        pd.testing.assert_frame_equal(_plain(run.table(name)), _plain(_round_trip(table)), obj=name)
    for name, table in default.summaries.items():
        pd.testing.assert_frame_equal(run.summaries[name], table, check_dtype=False, obj=name)
    pd.testing.assert_frame_equal(run.groups, default.groups, check_dtype=False)
    pd.testing.assert_frame_equal(run.sightings, default.sightings, check_dtype=False)
    assert sorted(run.graph.edges(data=True)) == sorted(default.graph.edges(data=True))
    assert dict(run.graph.nodes(data=True)) == dict(default.graph.nodes(data=True))


_WRITTEN_AT = re.compile(rb"\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC")
# the records (and so their quotes) stay on the workers: a Dask briefing has no quotes yet
_QUOTES = re.compile(rb'<details class="quotes">.*?</details>', re.DOTALL)


def assert_same_files(default: TrackResult, run: WrittenRun, net: Any, tmp_path: Path) -> None:
    """The briefing written from the workers' parts is the default engine's, file by file.

    Tables, GeoJSON, GraphML and PNG byte for byte; ``report.html`` but for the time
    it was written and the sources' quotes (not in the converted tables); the Parquet
    files as tables (their metadata names pandas types).
    """
    first = write_outputs(default, tmp_path / "default")
    second = write_outputs(run.result(net), tmp_path / "dask")
    assert list(first) == list(second)
    for name, path in first.items():
        if name.endswith(".parquet"):
            pd.testing.assert_frame_equal(
                _plain(pd.read_parquet(second[name])), _plain(pd.read_parquet(path)), obj=name
            )
            continue
        want, got = path.read_bytes(), second[name].read_bytes()
        if name == "report.html":
            want, got = _WRITTEN_AT.sub(b"", want), _WRITTEN_AT.sub(b"", got)
            assert _QUOTES.search(want)  # the default engine quotes its sources
            want = _QUOTES.sub(b"", want)
        assert got == want, name


def test_briefing_from_the_parts_same_files_as_default(
    client: Any, tmp_path: Path, small_parts: tuple[Any, Path]
) -> None:
    """Several partitions written by the workers give the default engine's files."""
    reports, conv = small_parts
    net = load_network()
    run = write_dask(conv, net, client, tmp_path / "tables")
    assert len(list((tmp_path / "tables" / "shipments").glob("part-*"))) >= 4
    assert_same_files(track(reports, net), run, net, tmp_path)


@pytest.mark.parametrize("as_of", [None, "2023-03-05"])
def test_embedded_reports_written_same_as_default(
    client: Any, tmp_path: Path, as_of: str | None
) -> None:
    reports = load_reports(data_path("reports"))
    write_converted(reports, tmp_path / "conv")
    net = load_network()
    seen: list[str] = []
    run = write_dask(
        tmp_path / "conv", net, client, tmp_path / "tables", as_of=as_of, progress=seen.append
    )
    assert tuple(seen) == DASK_WRITE_STAGES
    assert_same(track(reports, net, as_of=as_of), run)


def test_parts_of_an_earlier_run_are_replaced(client: Any, tmp_path: Path) -> None:
    reports = load_reports(data_path("reports"))
    write_converted(reports, tmp_path / "conv")
    stale = tmp_path / "tables" / "shipments" / "part-00099.parquet"
    stale.parent.mkdir(parents=True)
    _round_trip(pd.DataFrame({"id": ["old"]})).to_parquet(stale)
    run = write_dask(tmp_path / "conv", load_network(), client, tmp_path / "tables")
    assert not stale.exists()
    assert "old" not in set(run.table("shipments")["id"])


def test_missing_table_is_named(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no parts written"):
        read_table(tmp_path, "routes")


class Interrupted(Exception):
    """Stands for a killed run."""


def _after(n: int, real: Callable[..., Any], calls: list[int]) -> Callable[..., Any]:
    """Return ``real`` that lets ``n`` calls through, then raises (counting every call)."""
    lock = threading.Lock()

    def wrapped(*args: Any, **kwargs: Any) -> Any:
        with lock:
            calls.append(1)
            if len(calls) > n:
                raise Interrupted
        return real(*args, **kwargs)

    return wrapped


@pytest.fixture
def small_parts(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> tuple[Any, Path]:
    """The embedded reports converted into files of at most 3 records: several partitions."""
    from railtrack.io import converted

    reports = load_reports(data_path("reports"))
    monkeypatch.setattr(converted, "PART_ROWS", 3)
    write_converted(reports, tmp_path / "conv")
    monkeypatch.undo()
    assert len(converted.converted_files(tmp_path / "conv", "shipments")) >= 4
    return reports, tmp_path / "conv"


def _settled_count(folder: Path, client: Any, timeout: float = 30.0) -> int:
    """Return how many checkpoints ``folder`` holds once the stopped run's tasks are done.

    A partition in flight when the run stopped may still write its checkpoint: wait
    until no worker holds a task and the count has not moved for half a second.
    """
    import time

    deadline, last, still = time.monotonic() + timeout, -1, 0
    while time.monotonic() < deadline:
        count = len(list(folder.glob("*.pkl")))
        busy = any(client.processing().values())
        still = still + 1 if count == last and not busy else 0
        if still >= 5:
            break
        last = count
        time.sleep(0.1)
    return len(list(folder.glob("*.pkl")))


@pytest.mark.parametrize("stage", ["estimate", "write"])
def test_interrupted_run_restarts_without_redoing_finished_partitions(
    client: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    small_parts: tuple[Any, Path],
    stage: str,
) -> None:
    """Stop after k partitions of a stage; the restart computes only the others."""
    reports, conv = small_parts
    net, work, tables = load_network(), tmp_path / "work", tmp_path / "tables"
    module, name = (
        (dask_tasks, "arrival_windows") if stage == "estimate" else (dask_written, "write_part")
    )
    real, first = getattr(module, name), []
    monkeypatch.setattr(module, name, _after(2, real, first))
    with pytest.raises(Interrupted):
        write_dask(conv, net, client, tables, work_dir=work)
    monkeypatch.undo()
    finished = _settled_count(work / stage, client)
    assert finished >= 2  # k partitions finished (the others: below)

    # the restart: nothing finished is computed again (earlier stages not at all)
    again: list[int] = []
    monkeypatch.setattr(module, name, _after(10**6, real, again))
    if stage == "write":
        for earlier in ("resolve_table", "arrival_windows", "shipment_status"):
            monkeypatch.setattr(dask_tasks, earlier, _after(0, real, []))
    run = write_dask(conv, net, client, tables, work_dir=work)
    parts = len(list((work / stage).glob("*.pkl")))
    assert finished < parts  # the stopped run left partitions unfinished
    assert len(again) == parts - finished
    assert_same(track(reports, net), run)


@pytest.mark.ru_rail
def test_generated_input_written_same_as_default(
    client: Any, tmp_path: Path, ru_rail_dir: Path, ru_rail_network: Any
) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from _generate import generate_reports

    generate_reports(ru_rail_dir, tmp_path / "in", 300, seed=5)
    reports = load_reports(tmp_path / "in", workers=1)
    write_converted(reports, tmp_path / "conv")
    run = write_dask(tmp_path / "conv", ru_rail_network, client, tmp_path / "t", as_of="2023-04-01")
    default = track(reports, ru_rail_network, as_of="2023-04-01")
    assert_same(default, run)
    assert_same_files(default, run, ru_rail_network, tmp_path)


@pytest.mark.parametrize(
    ("rows", "ambiguous"),
    [
        ("14.08.2026;Светлогорск;50\n14.08.2026;Мозырь;40\n", 1),  # two places bear it
        ("14.08.2026;Мозырь;50\n15.08.2026;Светлогорск;30\n16.08.2026;Светлогорск;20\n", 2),
        ("14.08.2026;Мозырь;50\n14.08.2026;Жлобин;40\n", 0),  # negative: every row placed
    ],
)
def test_written_tables_say_ambiguous_rows_as_the_default_engine(
    client: Any, tmp_path: Path, rows: str, ambiguous: int
) -> None:
    """A hand log's row whose station two places bear is a problem on both engines (review19 #4).

    The per-train tables the workers write hold it in the problems part, and the
    headline counts it, as :attr:`railtrack.pipeline.TrackResult.problems` does.
    """
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "log.csv").write_text(f"date;station;Вагонов\n{rows}", encoding="utf-8")
    reports = load_reports(tmp_path / "in")
    write_converted(reports, tmp_path / "conv")
    net = load_network()
    default = track(reports, net)
    run = write_dask(tmp_path / "conv", net, client, tmp_path / "tables")
    said = [str(p) for p in default.problems if "is ambiguous" in p.message]
    assert len(said) == ambiguous
    assert run.headline()["problems"] == default.headline()["problems"]
    written = run.table("problems")
    got = written[written["message"].str.contains("is ambiguous")]
    want = default.problems_frame()
    want = want[want["message"].str.contains("is ambiguous")]
    assert sorted(got["message"]) == sorted(want["message"])
    assert sorted(got["row"].astype(int)) == sorted(want["row"].astype(int))

"""The Dask engine gives the default engine's records and figures."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from railtrack import data_path, load_network
from railtrack.io import load_reports
from railtrack.pipeline import track

pytest.importorskip("distributed", reason="the Dask engine needs railtrack[dask]")

sys.path.insert(0, str(Path(__file__).resolve().parent))

from test_parallel_load import _mixed_input, _same


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    from distributed import Client, LocalCluster

    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
        ) as cluster,
        Client(cluster) as c,
    ):
        yield c


def test_embedded_reports_same_records_and_figures(client: Any) -> None:
    default = load_reports(data_path("reports"))
    on_dask = load_reports(data_path("reports"), client=client)
    _same(default, on_dask)
    net = load_network()
    a = track(default, net, as_of="2023-06-01").headline()
    b = track(on_dask, net, as_of="2023-06-01").headline()
    assert a == b


def test_mixed_input_same_records(client: Any, tmp_path: Path) -> None:
    root = _mixed_input(tmp_path)
    _same(load_reports(root, workers=1), load_reports(root, client=client))


def test_restart_reads_finished_chunks(
    client: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from railtrack.io import dask_load

    (tmp_path / "in").mkdir()
    root = _mixed_input(tmp_path / "in")
    work = tmp_path / "work"
    first = load_reports(root, client=client, work_dir=work)
    saved = sorted(work.glob("chunk-*.pkl"))
    assert saved
    # a restarted run finds every chunk saved: nothing goes to the cluster
    monkeypatch.setattr(
        dask_load, "_chunk_task", lambda *a: pytest.fail("a finished chunk was redone")
    )
    _same(first, load_reports(root, client=client, work_dir=work))
    # a changed file changes its chunk's key: that chunk alone is redone
    monkeypatch.undo()
    changed = next(root.glob("copy0-*.txt"))
    changed.write_text(changed.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    again = load_reports(root, client=client, work_dir=work)
    _same(load_reports(root, workers=1), again)
    assert len(list(work.glob("chunk-*.pkl"))) == len(saved) + 1


def test_a_changed_railtrack_reads_the_chunks_again(
    client: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from railtrack.io import dask_load

    (tmp_path / "in").mkdir()
    root = _mixed_input(tmp_path / "in")
    work = tmp_path / "work"
    first = load_reports(root, client=client, work_dir=work)
    saved = sorted(work.glob("chunk-*.pkl"))
    assert saved
    monkeypatch.setattr(dask_load, "code_key", lambda: "another-version-of-the-code")
    _same(first, load_reports(root, client=client, work_dir=work))
    assert len(list(work.glob("chunk-*.pkl"))) == 2 * len(saved)  # every chunk read again


@pytest.mark.ru_rail
def test_generated_input_same_figures(client: Any, tmp_path: Path, ru_rail_dir: Path) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from _generate import generate_reports

    generate_reports(ru_rail_dir, tmp_path, 200, seed=11)
    default = load_reports(tmp_path, workers=1)
    on_dask = load_reports(tmp_path, client=client)
    _same(default, on_dask)
    net = load_network(ru_rail_dir)
    a = track(default, net, as_of="2023-08-01").headline()
    b = track(on_dask, net, as_of="2023-08-01").headline()
    assert a == b


def test_cli_engine_dask_same_json(tmp_path: Path) -> None:
    """track --json: the default engine, Dask on report files, Dask on converted reports."""
    conv = tmp_path / "conv"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "railtrack",
            "convert",
            str(data_path("reports")),
            "--out",
            str(conv),
        ],
        capture_output=True,
        check=False,
    )
    figures = []
    for extra in (
        [],
        ["--engine", "dask", "--workers", "1", "--work-dir", str(tmp_path / "work")],
        [str(conv), "--engine", "dask", "--workers", "2"],
    ):
        out = tmp_path / f"out{len(figures)}"
        run = subprocess.run(
            [sys.executable, "-m", "railtrack", "track", "--json", "--out", str(out), *extra],
            capture_output=True,
            text=True,
            check=False,
        )
        payload = json.loads(run.stdout)
        payload.pop("out")
        payload.pop("outputs")
        # the namesakes settled by context are listed by the default engine only (the
        # run schema says null with --engine dask); every figure is compared below
        notes = payload.pop("context_notes")
        assert (notes is None) if extra else isinstance(notes, list), notes
        if extra:  # distributed is quiet below WARNING; a normal shutdown kills nothing
            assert "distributed." not in run.stderr, run.stderr
            assert "killed by signal" not in run.stderr, run.stderr
        # the converted copy was made in this process, where data_path may be the source
        # tree while the installed command reads site-packages: compare files by name
        for problem in payload.get("problems", []):
            problem["path"] = Path(problem["path"] or "").name
            problem["text"] = None
        figures.append((run.returncode, payload))
    assert figures[0] == figures[1] == figures[2]
    # the files the workers' parts give are the default engine's (same report files)
    for table in sorted((tmp_path / "out0").glob("*.[cg]*")):  # csv, geojson, graphml
        assert (tmp_path / "out1" / table.name).read_bytes() == table.read_bytes(), table.name
    assert (tmp_path / "work" / "converted" / "railtrack-reports.json").is_file()
    assert list((tmp_path / "work" / "resolve").glob("*.pkl"))


def _record(name: str, msg: str, *args: object, level: int = logging.WARNING) -> logging.LogRecord:
    return logging.LogRecord(name, level, __file__, 1, msg, args, None)


def test_distributed_logs_at_railtrack_level_without_benign_lines() -> None:
    """F52: INFO lines hidden unless -v; shuffle notices and the shutdown's kills dropped."""
    from railtrack.io.dask_load import _quiet_logs

    base = logging.getLogger("distributed")
    base.setLevel(logging.INFO)  # what distributed sets on import
    with _quiet_logs() as quiet:
        assert not base.isEnabledFor(logging.INFO)  # root logger at WARNING: no -v
        assert base.isEnabledFor(logging.WARNING)
        shuffle = _record(
            "distributed.shuffle._scheduler_plugin", "Shuffle %s initialized by task", "x"
        )
        assert not quiet.filter(shuffle)
        kill = _record("distributed.nanny", "Worker process %d was killed by signal %d", 7, 9)
        assert quiet.filter(kill)  # while running, a killed worker is news
        slow = _record("distributed.nanny", "Worker process still alive after %.1f seconds", 4.0)
        assert quiet.filter(slow)
        quiet.closing = True
        assert not quiet.filter(kill)  # at shutdown the nanny stopping it is not
        assert not quiet.filter(slow)
        memory = _record("distributed.nanny", "Worker exceeded %d%% memory budget. Restarting", 95)
        assert quiet.filter(memory)
    assert base.level == logging.INFO  # restored
    root = logging.getLogger()
    before = root.level
    root.setLevel(logging.INFO)  # railtrack -v
    try:
        with _quiet_logs():
            assert base.isEnabledFor(logging.INFO)
    finally:
        root.setLevel(before)


@pytest.mark.parametrize("address", ["not an address", "tcp://host-without-port", "h:port"])
def test_cli_bad_scheduler_address_is_named(address: str, tmp_path: Path) -> None:
    """A --scheduler that is no address: exit 2 naming it, before the network loads."""
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "railtrack",
            "track",
            "-o",
            str(tmp_path / "out"),
            "--engine",
            "dask",
            "--scheduler",
            address,
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 2, run.stderr
    assert f"--scheduler {address!r} is not a scheduler address" in run.stderr
    assert "Traceback" not in run.stderr
    assert "internal error" not in run.stderr
    assert not (tmp_path / "out").exists()


def test_cli_scheduler_needs_the_dask_engine(tmp_path: Path) -> None:
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "railtrack",
            "track",
            "-o",
            str(tmp_path / "out"),
            "--scheduler",
            "tcp://127.0.0.1:8786",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 2
    assert "needs --engine dask" in run.stderr


def test_no_scheduler_at_the_address_is_said() -> None:
    import dask

    from railtrack.io.dask_load import SchedulerUnreachableError, dask_client

    with (
        dask.config.set({"distributed.comm.timeouts.connect": "1s"}),
        pytest.raises(SchedulerUnreachableError, match="no Dask scheduler answered at tcp://"),
        dask_client("tcp://127.0.0.1:9"),
    ):
        pass


def test_kept_groups_of_an_empty_partition_keep_their_columns() -> None:
    """A month with no group known at the as-of date stays a table (session 13: the
    100,000-report run failed with KeyError 'id' in the group shuffle)."""
    import pandas as pd

    from railtrack import columns as C
    from railtrack.engine_dask import _kept_groups

    empty = pd.DataFrame({C.ID: pd.Series([], dtype=object), C.REPORT: pd.Series([], dtype=object)})
    assert list(_kept_groups(empty, frozenset({("r", "g1")})).columns) == [C.ID, C.REPORT]
    full = pd.DataFrame({C.ID: ["g1", "g2", "g1"], C.REPORT: ["r", "r", None]})
    assert _kept_groups(full, frozenset({("r", "g1")}))[C.ID].tolist() == ["g2", "g1"]


def _most_rows_in_a_task(run: Any) -> int:
    """Run ``run()`` on the synchronous scheduler; return the most rows a task's frame held."""
    import dask
    import pandas as pd
    from dask.callbacks import Callback

    rows = [0]

    def posttask(key: Any, result: Any, dsk: Any, state: Any, worker_id: Any) -> None:
        if isinstance(result, pd.DataFrame):
            rows[0] = max(rows[0], len(result))

    with dask.config.set(scheduler="sync"), Callback(posttask=posttask):
        run()
    return rows[0]


def test_gathered_frames_join_on_the_client_not_on_one_worker() -> None:
    """Session 15: at 1,000,000 reports ``DataFrame.compute()`` of the link columns
    joined every partition on one worker first (a repartition to one), which passed
    its 3 GB limit; ``_gathered`` sends each partition to the client as it is."""
    import dask.dataframe as dd
    import pandas as pd

    from railtrack.engine_dask import _gathered

    df = pd.DataFrame({"id": [f"t{i}" for i in range(12)], "n": range(12)}, index=range(5, 17))
    ddf = dd.from_pandas(df, npartitions=4)
    ddf = ddf.assign(twice=ddf["n"] * 2)  # a task per partition (not data in the graph)
    assert _most_rows_in_a_task(lambda: _gathered(ddf)) == 3  # a partition's rows
    assert _most_rows_in_a_task(ddf.compute) == 12  # the old way: one task held them all
    pd.testing.assert_frame_equal(_gathered(ddf), ddf.compute())
    # empty partitions are left out as compute() leaves them out; all empty: the first
    some = ddf[ddf["n"] > 8]
    pd.testing.assert_frame_equal(_gathered(some), some.compute())
    none = ddf[ddf["n"] > 99]
    pd.testing.assert_frame_equal(_gathered(none), none.compute())


def _largest_task_bytes(frame: Any, name: str) -> int:
    """Return the largest pickled size of a task of ``frame`` whose key names ``name``."""
    import cloudpickle
    from dask.utils import key_split

    graph = frame.__dask_graph__()
    sizes = [len(cloudpickle.dumps(task)) for key, task in graph.items() if name in key_split(key)]
    assert sizes, f"no task named {name!r} in the graph"
    return max(sizes)


def test_relay_tables_reach_each_worker_once_not_every_task(client: Any) -> None:
    """Session 16: the relays to drop (with the counts and facts kept trains take) were
    arguments of ``map_partitions``, pickled into every partition's task; a worker
    unpickled a copy per queued task, and at 1,000,000 reports (about 4 MB per task)
    both workers passed 95 % of 3 GB. The tasks now carry a key; the tables reach each
    worker once (``LOOKUPS``)."""
    import dask.dataframe as dd
    import pandas as pd

    from railtrack import columns as C
    from railtrack.engine_dask import _kept_rows, _kept_rows_task, _Lookups

    df = pd.DataFrame({C.ID: [f"t{i}" for i in range(40)], "n": range(40)})
    ddf = dd.from_pandas(df, npartitions=4)
    few = frozenset({"t1", "t30"})
    many = few | {f"relay-{i:05d}-of-another-report" for i in range(20_000)}
    lookups = _Lookups(client)
    small = ddf.map_partitions(
        _kept_rows_task, lookups.add("relays", (few, {}, {})), meta=ddf._meta
    )
    large = ddf.map_partitions(
        _kept_rows_task, lookups.add("relays", (many, {}, {})), meta=ddf._meta
    )
    # a task's size does not grow with the tables (it did: the old way below)
    assert _largest_task_bytes(large, "kept_rows_task") == _largest_task_bytes(
        small, "kept_rows_task"
    )
    old_way = ddf.map_partitions(_kept_rows, many, {}, {}, meta=ddf._meta)
    assert _largest_task_bytes(old_way, "kept_rows") > 100 * _largest_task_bytes(
        large, "kept_rows_task"
    )
    expected = df[~df[C.ID].isin(few)]
    for frame in (small, large, old_way):
        kept = client.compute(frame).result()
        assert kept[C.ID].tolist() == expected[C.ID].tolist()
        assert kept["n"].tolist() == expected["n"].tolist()

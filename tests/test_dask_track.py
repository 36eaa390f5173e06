"""The Dask engine's whole pipeline gives the default engine's figures and tables.

The cluster is a ``LocalCluster`` started here with ``processes=False`` (two
single-threaded workers in this process): it starts in a second instead of a
dozen, and what the tests check (partitions, worker plugins, shuffles,
checkpoints) is the same; the network and the shared tables are still handed to
the workers through worker plugins. ``test_dask_engine.py`` runs the command line
on a cluster of worker processes.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from railtrack import data_path, load_network
from railtrack.io import load_reports
from railtrack.io.converted import write_converted
from railtrack.pipeline import TrackResult, track

pytest.importorskip("distributed", reason="the Dask engine needs railtrack[dask]")

from railtrack.engine_dask import track_converted, track_dask


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    from distributed import Client, LocalCluster

    with (
        LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=False,
            protocol="tcp",  # reachable by a command started by a test
            dashboard_address=":0",
        ) as cluster,
        Client(cluster) as c,
    ):
        yield c


TABLES = ("shipments", "groups", "sightings", "routes", "estimates", "statuses")


def assert_same(a: TrackResult, b: TrackResult) -> None:
    """Every figure and table of the two runs is the same."""
    assert a.headline() == b.headline()
    assert a.knowledge == b.knowledge
    for name in TABLES:
        pd.testing.assert_frame_equal(
            getattr(a, name).reset_index(drop=True),
            getattr(b, name),
            check_dtype=False,
            check_categorical=False,
            obj=name,
        )
    assert list(a.summaries) == list(b.summaries)
    for name, table in a.summaries.items():
        pd.testing.assert_frame_equal(table, b.summaries[name], check_dtype=False, obj=name)
    assert sorted(a.graph.edges(data=True)) == sorted(b.graph.edges(data=True))
    assert dict(a.graph.nodes(data=True)) == dict(b.graph.nodes(data=True))
    assert [str(p) for p in a.problems] == [str(p) for p in b.problems]


@pytest.mark.parametrize("as_of", [None, "2023-03-05"])
def test_embedded_reports_same_as_default(client: Any, tmp_path: Path, as_of: str | None) -> None:
    reports = load_reports(data_path("reports"))
    write_converted(reports, tmp_path / "conv")
    net = load_network()
    default = track(reports, net, as_of=as_of)
    on_dask = track_dask(tmp_path / "conv", net, client, as_of=as_of)
    assert_same(default, on_dask)
    if as_of is not None:  # the cut-off left something out, and said so
        assert on_dask.knowledge is not None
        assert on_dask.knowledge.shipments_after > 0


def test_undated_log_sets_the_same_date_of_knowledge(client: Any, tmp_path: Path) -> None:
    """A log of past trains with no publication dates, beside an older post: as the default."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "log.csv").write_text(
        "date,from,to,wagons,source\n25.02.2023,Slonim,Matveev Kurgan,51,Hajun\n"
        "14.05.2023,Polonka,Luhansk,40,Hajun\n",
        encoding="utf-8",
    )
    (tmp_path / "in" / "post.txt").write_text(
        "source: Hajun\npublished: 2023-01-14\n\n"
        "A military echelon of 40 cars left Slonim for Valuyki yesterday.\n",
        encoding="utf-8",
    )
    reports = load_reports(tmp_path / "in")
    write_converted(reports, tmp_path / "conv")
    net = load_network()
    on_dask = track_dask(tmp_path / "conv", net, client)
    assert_same(track(reports, net), on_dask)
    assert on_dask.knowledge is not None
    assert on_dask.knowledge.as_of.isoformat() == "2023-05-14"
    # as of 1 March the row of a train that left on 14 May is not known yet (trial F54)
    before = track_dask(tmp_path / "conv", net, client, as_of="2023-03-01")
    assert_same(track(reports, net, as_of="2023-03-01"), before)
    assert before.knowledge is not None
    assert before.knowledge.shipments_after == 1


def test_an_undated_report_is_cut_as_a_whole_as_the_default(client: Any, tmp_path: Path) -> None:
    """Trial F54: an undated report's floor is the whole report's, in both engines."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "article.yaml").write_text(
        "source:\n  reporter: Hajun\n"
        "groups:\n  - {id: g1, report: art, n_trains: 2, cars: {total: 86}}\n"
        "shipments:\n"
        "  - {id: t1, report: art, group: g1, origin: Belarus, destination: Matveev Kurgan,"
        " claim: sighted}\n"
        "  - {id: t2, report: art, group: g1, origin: Belarus, destination: Neklinovka,"
        " departure: '2023-03-01', arrival: '2023-03-08/', claim: expected}\n",
        encoding="utf-8",
    )
    (tmp_path / "in" / "log.csv").write_text(
        "date,from,to,wagons,source\n05.01.2023,Slonim,Matveev Kurgan,51,Hajun\n",
        encoding="utf-8",
    )
    reports = load_reports(tmp_path / "in")
    assert not reports.problems
    write_converted(reports, tmp_path / "conv")
    net = load_network()
    for as_of in ("2023-01-10", "2023-03-02"):
        on_dask = track_dask(tmp_path / "conv", net, client, as_of=as_of)
        default = track(reports, net, as_of=as_of)
        assert_same(default, on_dask)
    before = track_dask(tmp_path / "conv", net, client, as_of="2023-01-10")
    assert before.knowledge is not None
    assert (before.knowledge.shipments_after, before.knowledge.groups_after) == (2, 1)


def test_loaded_reports_are_converted_first(client: Any) -> None:
    reports = load_reports(data_path("reports"))
    net = load_network()
    assert_same(track(reports, net), track_converted(reports, net, client))


def test_stages_reported_in_order(client: Any, tmp_path: Path) -> None:
    from railtrack.engine_dask import DASK_STAGES

    write_converted(load_reports(data_path("reports")), tmp_path / "conv")
    seen: list[str] = []
    track_dask(tmp_path / "conv", load_network(), client, progress=seen.append)
    assert tuple(seen) == DASK_STAGES


def test_restart_redoes_only_unfinished_partitions(
    client: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from railtrack import dask_tasks

    reports = load_reports(data_path("reports"))
    write_converted(reports, tmp_path / "conv")
    net, work = load_network(), tmp_path / "work"

    class Interrupted(Exception):
        pass

    def interrupted(*args: Any, **kwargs: Any) -> Any:
        raise Interrupted

    # the first run stops in the status stage: resolve and estimate are saved
    monkeypatch.setattr(dask_tasks, "shipment_status", interrupted)
    with pytest.raises(Interrupted):
        track_dask(tmp_path / "conv", net, client, work_dir=work)
    assert list((work / "resolve").glob("*.pkl"))
    assert list((work / "estimate").glob("*.pkl"))
    assert not (work / "status").exists()
    monkeypatch.undo()

    # the restart resolves and estimates nothing again, and finishes the status stage
    def redone(*args: Any, **kwargs: Any) -> Any:
        pytest.fail("a finished partition was computed again")

    monkeypatch.setattr(dask_tasks, "resolve_table", redone)
    monkeypatch.setattr(dask_tasks, "arrival_windows", redone)
    assert_same(track(reports, net), track_dask(tmp_path / "conv", net, client, work_dir=work))
    assert list((work / "status").glob("*.pkl"))

    # another as-of date is other estimates: those are computed, not read back
    monkeypatch.undo()
    monkeypatch.setattr(dask_tasks, "resolve_table", redone)
    other = track_dask(tmp_path / "conv", net, client, work_dir=work, as_of="2023-03-05")
    assert_same(track(reports, net, as_of="2023-03-05"), other)


def test_a_changed_railtrack_computes_again(
    client: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from railtrack import dask_tasks, engine_dask

    reports = load_reports(data_path("reports"))
    write_converted(reports, tmp_path / "conv")
    net, work = load_network(), tmp_path / "work"
    track_dask(tmp_path / "conv", net, client, work_dir=work)
    saved = {d: len(list((work / d).glob("*.pkl"))) for d in ("resolve", "estimate", "status")}
    assert all(saved.values())
    calls: list[str] = []
    original = dask_tasks.resolve_table

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append("resolve")
        return original(*args, **kwargs)

    monkeypatch.setattr(dask_tasks, "resolve_table", counted)
    track_dask(tmp_path / "conv", net, client, work_dir=work)  # the same code: read back
    assert not calls
    # other code (another commit, an edited module): nothing saved by the old is read
    monkeypatch.setattr(engine_dask, "code_key", lambda: "another-version-of-the-code")
    again = track_dask(tmp_path / "conv", net, client, work_dir=work)
    assert calls
    assert_same(track(reports, net), again)
    for d, n in saved.items():
        assert len(list((work / d).glob("*.pkl"))) == 2 * n, d


def test_not_converted_is_refused(client: Any, tmp_path: Path) -> None:
    from railtrack.errors import InputPathError

    with pytest.raises(InputPathError, match="manifest"):
        track_dask(tmp_path, load_network(), client)


@pytest.mark.ru_rail
def test_generated_input_same_as_default(
    client: Any, tmp_path: Path, ru_rail_dir: Path, ru_rail_network: Any
) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from _generate import generate_reports

    generate_reports(ru_rail_dir, tmp_path / "in", 300, seed=5)
    reports = load_reports(tmp_path / "in", workers=1)
    write_converted(reports, tmp_path / "conv")
    assert_same(
        track(reports, ru_rail_network, as_of="2023-04-01"),
        track_dask(tmp_path / "conv", ru_rail_network, client, as_of="2023-04-01"),
    )


def test_cli_on_a_scheduler_address(client: Any, tmp_path: Path) -> None:
    """track --engine dask --scheduler ADDRESS runs on that cluster, with the same figures."""
    reports = load_reports(data_path("reports"))
    write_converted(reports, tmp_path / "conv")
    address = client.scheduler.address
    run = subprocess.run(
        [
            *(sys.executable, "-m", "railtrack", "track", str(tmp_path / "conv"), "--json"),
            *("--out", str(tmp_path / "out"), "--engine", "dask", "--scheduler", address),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 1, run.stderr  # the embedded reports have problems
    payload = json.loads(run.stdout)
    head = track(reports, load_network()).headline()
    for field in ("shipments", "trains", "cars_total", "destinations", "sources"):
        assert payload[f"n_{field}" if f"n_{field}" in payload else field] == head[field]
    assert payload["as_of"].startswith(head["as_of"])  # an ISO datetime in the record
    assert payload["unrouted_reasons"] == head["unrouted_reasons"]
    assert (tmp_path / "out" / "report.html").is_file()


def test_a_relayed_lower_bound_is_merged_as_the_default_does(client: Any, tmp_path: Path) -> None:
    """Trial F98: "at least 30" and "42" of one train are one train of 42 on Dask too."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "log.csv").write_text(
        "id,report,origin,destination,departure,published,source,wagons\n"
        "a,r1,Orsha,Zhlobin,2023-02-01,2023-02-02,Test channel,at least 30\n"
        "b,r2,Orsha,Zhlobin,2023-02-01,2023-02-02,Other channel,42\n"
        "c,r3,Orsha,Zhlobin,2023-02-20,2023-02-21,Test channel,не менее 20\n",
        encoding="utf-8",
    )
    reports = load_reports(tmp_path / "in")
    write_converted(reports, tmp_path / "conv")
    net = load_network()
    on_dask = track_dask(tmp_path / "conv", net, client)
    assert_same(track(reports, net), on_dask)
    head = on_dask.headline()
    assert (head["shipments"], head["cars_total"], head["cars_total_lower_bound"]) == (2, 62, True)


def test_relays_of_a_group_are_dropped_as_by_default(client: Any, tmp_path: Path) -> None:
    """Two outlets telling the same two trains and their total (trial10 T7): one group."""
    told = {
        "en": "Two echelons left Belarus on March 8. The first, 48 flatcars, left Slonim for "
        "Valuyki; the second, 40 cars, left Luninets for Klintsy. In total, 88 cars.",
        "uk": "Два ешелони залишили Білорусь 8 березня: перший — зі Слоніма до Валуйок "
        "(48 платформ), другий — з Лунинця до Клинців (40 вагонів). Загалом 88 вагонів.",
    }
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in told.items():
        head = f"source: Гаюн\npublished: 2023-03-14\nrelayed_by: {name}\n\n"
        (folder / f"{name}.txt").write_text(head + text + "\n", encoding="utf-8")
    reports = load_reports(folder)
    net = load_network()
    default = track(reports, net)
    assert (default.headline()["shipments"], default.headline()["groups"]) == (2, 1)
    assert_same(default, track_converted(reports, net, client))

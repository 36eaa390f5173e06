"""The local store: once per report, linked trains, accumulating sightings, atomic ingests."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from railtrack.errors import StoreError
from railtrack.io import ReportSet, load_reports
from railtrack.models import CarCounts, DateWindow, Place, Shipment, Sighting, Source
from railtrack.store import _MIGRATIONS, SCHEMA_VERSION, Store


def make_shipment(
    sid: str, reporter: str, *, dep: date = date(2023, 3, 1), credibility: int = 6, **extra: object
) -> Shipment:
    return Shipment.model_validate(
        {
            "id": sid,
            "origin": Place(text="Slonim", station_id="130007"),
            "destination": Place(text="Matveev Kurgan", station_id="511103"),
            "departure": DateWindow.day(dep),
            "source": Source(reporter=reporter),
            "credibility": credibility,
            **extra,
        }
    )


def report_set(*records: object) -> ReportSet:
    out = ReportSet()
    for record in records:
        out.add(record)  # type: ignore[arg-type]
    return out


@pytest.fixture
def store(tmp_path: Path) -> Store:
    with Store(tmp_path / "store.sqlite") as db:
        yield db


def test_same_reports_twice_are_stored_once(store: Store, tests_data: Path) -> None:
    reports = load_reports(tests_data / "reports" / "good")
    first = store.ingest(reports)
    again = store.ingest(load_reports(tests_data / "reports" / "good"))
    assert first.new == len(reports.shipments) + len(reports.groups) + len(reports.sightings)
    assert again.new == 0
    assert again.duplicates == first.new
    counts = store.counts()
    assert counts["shipment"] == len(reports.shipments)
    assert counts["ingests"] == 2
    stored = store.reports()
    assert sorted(s.id for s in stored.shipments) == sorted(s.id for s in reports.shipments)
    assert stored.groups_frame()["cars_total"].dropna().tolist() == [86]


def test_same_train_from_two_sources_is_linked(store: Store) -> None:
    store.ingest(report_set(make_shipment("a", "Belarusian Hajun", credibility=3)))
    result = store.ingest(
        report_set(
            make_shipment("b", "Community of Railway Workers", dep=date(2023, 3, 1)),
            make_shipment("c", "Community of Railway Workers", dep=date(2023, 4, 20)),
        )
    )
    assert result.linked == 1
    sources = store.train_sources()
    linked = sources[sources["reports_of_train"] == 2]
    assert set(linked["id"]) == {"a", "b"}
    assert set(linked["source"]) == {"Belarusian Hajun", "Community of Railway Workers"}
    one_per_train = store.reports()
    assert sorted(s.id for s in one_per_train.shipments) == ["a", "c"]  # a: better credibility
    every_report = store.reports(one_per_train=False)
    assert sorted(s.id for s in every_report.shipments) == ["a", "b", "c"]


def test_store_links_by_the_relays_rule(store: Store, tmp_path: Path) -> None:
    """Trial F56 (kind): the store links as ``track`` does (relays.same_train).

    An arrival-only relay of a train another report dates by its departure joins
    that train; two tables citing the same outlet tell one train; the rows of one
    table stay two trains; a relay with another car count stays apart.
    """
    ends = "Slonim,Matveev Kurgan"
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "log.csv").write_text(
        f"date,from,to,wagons,source\n2023-03-06,{ends},49,Svoboda\n2023-03-06,{ends},20,Svoboda\n",
        encoding="utf-8",
    )
    (tmp_path / "b" / "copy.csv").write_text(  # another table, the same outlet
        f"date,from,to,wagons,source\n06.03.2023,{ends},49,Svoboda\n", encoding="utf-8"
    )
    from railtrack import load_network

    net = load_network()
    first = store.ingest(load_reports(tmp_path / "a"), network=net)
    assert first.linked == 0  # two rows of one table are two trains
    second = store.ingest(load_reports(tmp_path / "b"), network=net)
    assert second.linked == 1
    came = Shipment(
        id="post-17-t1",
        report="post-17",
        origin=Place(text="Slonim"),
        destination=Place(text="Matveev Kurgan"),
        expected_arrival=DateWindow.day(date(2023, 3, 8)),
        cars={"total": 49},
        source=Source(reporter="Hajun", published=date(2023, 3, 8)),
    )
    other = came.model_copy(
        update={"id": "post-18-t1", "report": "post-18", "cars": CarCounts(total=5)}
    )
    third = store.ingest(report_set(came, other), network=net)
    assert third.linked == 1  # the arrival-only relay; not the 5-car train
    sources = store.train_sources()
    train = sources.loc[sources["id"] == "post-17-t1", "train_id"].iloc[0]
    assert (sources["train_id"] == train).sum() == 3
    assert store.counts()["trains"] == 3


def test_sightings_accumulate(store: Store) -> None:
    src = Source(reporter="Hajun")
    seen = [
        Sighting(
            id=f"x{i}",
            shipment="a",
            station=Place(text=name),
            seen_at=f"2023-03-0{i}T10:00",
            source=src,
        )
        for i, name in ((2, "Orsha"), (3, "Smolensk"))
    ]
    store.ingest(report_set(seen[0]))
    store.ingest(report_set(seen[1]))
    store.ingest(report_set(seen[1]))
    assert [x.id for x in store.reports().sightings] == ["x2", "x3"]


def test_old_schema_migrates_forward(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    conn = sqlite3.connect(path)
    conn.executescript(_MIGRATIONS[0])
    conn.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    conn.execute("INSERT INTO ingests VALUES (1, '2023-03-02T00:00:00', '[]', 1, 0)")
    body = make_shipment("old", "Hajun").model_dump_json()
    conn.execute(
        "INSERT INTO records (kind, record_id, content_hash, body, reporter, ingest_id) "
        "VALUES ('shipment', 'old', 'h', ?, 'Hajun', 1)",
        (body,),
    )
    conn.commit()
    conn.close()
    with Store(path) as db:
        assert db.schema_version == SCHEMA_VERSION
        assert [s.id for s in db.reports().shipments] == ["old"]
        db.ingest(report_set(make_shipment("new", "Other source")))
        assert db.counts()["trains"] == 1  # linked to the migrated train


def test_rejects_foreign_and_newer_files(tmp_path: Path) -> None:
    foreign = tmp_path / "foreign.sqlite"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE x (y)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="not a railtrack store"):
        Store(foreign)
    newer = tmp_path / "newer.sqlite"
    with Store(newer) as db:
        db._conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match="newer than this railtrack"):
        Store(newer)
    text = tmp_path / "notes.sqlite"
    text.write_text("not a database at all, just words " * 50, encoding="utf-8")
    with pytest.raises(StoreError, match="not a usable railtrack store"):
        Store(text)


def test_killed_ingest_leaves_the_store_as_it_was(tmp_path: Path, tests_data: Path) -> None:
    db_path = tmp_path / "store.sqlite"
    with Store(db_path) as db:
        db.ingest(load_reports(tests_data / "reports" / "good"))
        before = db.counts()
    big = tmp_path / "big.jsonl"
    with big.open("w", encoding="utf-8") as fh:
        for i in range(20_000):
            fh.write(
                json.dumps(
                    {
                        "id": f"k{i}",
                        "origin": "Slonim",
                        "destination": "Rossosh",
                        "departure": "2023-01-11",
                        "cars_total": 40 + i % 10,
                        "source": "Load test",
                    }
                )
                + "\n"
            )
    killed = False
    with subprocess.Popen(
        [sys.executable, "-m", "railtrack", "-vv", "ingest", str(big), "--store", str(db_path)],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    ) as proc:
        assert proc.stderr is not None
        for line in proc.stderr:
            if "records written, not yet committed" in line:
                proc.send_signal(signal.SIGKILL)
                killed = True
                break
        proc.wait(timeout=120)
    assert killed, "the ingest never reported progress inside its transaction"
    assert proc.returncode == -signal.SIGKILL
    with Store(db_path) as db:
        assert db.counts() == before
        assert len(db.reports().shipments) == before["trains"]

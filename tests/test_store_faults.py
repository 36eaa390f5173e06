"""The store under faults and concurrency: identity, locks, full disks, damaged files.

Every failure after opening must be one :class:`StoreError` line (exit code 2 on the
command line) that leaves the store as it was; two processes at once must neither
fail falsely nor store a report twice.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from datetime import date
from pathlib import Path

import pytest

from railtrack.errors import StoreError
from railtrack.io import ReportSet, load_reports
from railtrack.models import DateWindow, Place, Shipment, Source
from railtrack.network import load_network
from railtrack.store import Store

REPORT_TEXT = textwrap.dedent(
    """\
    source: Belarusian Hajun
    published: 2023-03-03

    A military echelon of 40 cars left Slonim on March 1 for the Matveyev-Kurhan station.
    """
)


def _shipment(sid: str, reporter: str, day: date, report: str | None = None) -> Shipment:
    return Shipment(
        id=sid,
        report=report,
        origin=Place(text="Slonim", station_id="130007"),
        destination=Place(text="Rossosh", station_id="RU-ROSSOSH"),
        departure=DateWindow.day(day),
        source=Source(reporter=reporter),
    )


def _set(*records: Shipment) -> ReportSet:
    out = ReportSet()
    for record in records:
        out.add(record)
    return out


def _cli(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "railtrack", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


@pytest.fixture
def filled(tmp_path: Path, tests_data: Path) -> Path:
    path = tmp_path / "store.sqlite"
    with Store(path) as db:
        db.ingest(load_reports(tests_data / "reports" / "good"))
    return path


def _snapshot(path: Path) -> tuple[dict[str, int], list[str]]:
    with Store(path) as db:
        return db.counts(), sorted(s.id for s in db.reports(one_per_train=False).shipments)


# --- identity (issue point 2) ------------------------------------------------------------


@pytest.mark.parametrize("names", [("a.txt", "b.txt"), ("hajun.txt", "copy of hajun.md")])
def test_a_text_report_under_another_file_name_is_stored_once(
    tmp_path: Path, names: tuple[str, str]
) -> None:
    first, second = (tmp_path / n for n in names)
    first.write_text(REPORT_TEXT, encoding="utf-8")
    second.write_text(REPORT_TEXT, encoding="utf-8")
    with Store(tmp_path / "s.sqlite") as db:
        one = db.ingest(load_reports(first))
        two = db.ingest(load_reports(second))
        assert one.new >= 1
        assert two.new == 0
        assert two.duplicates == one.new
        both = db.ingest(load_reports([first, second]))  # both at once, too
        assert both.new == 0
        cars = [s.cars.total for s in db.reports().shipments]
    assert cars == [40]


def test_a_report_ingested_with_another_network_is_stored_once(
    tmp_path: Path, tests_data: Path
) -> None:
    with Store(tmp_path / "s.sqlite") as db:
        first = db.ingest(load_reports(tests_data / "reports" / "good"))
        again = db.ingest(load_reports(tests_data / "reports" / "good"), network=load_network())
        assert again.new == 0
        assert again.duplicates == first.new


def test_different_reports_stay_different(tmp_path: Path) -> None:
    other = REPORT_TEXT.replace("40 cars", "41 cars")
    (tmp_path / "a.txt").write_text(REPORT_TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(other, encoding="utf-8")
    (tmp_path / "c.txt").write_text(REPORT_TEXT.replace("Hajun", "Hajun2"), encoding="utf-8")
    with Store(tmp_path / "s.sqlite") as db:
        result = db.ingest(load_reports(tmp_path))
        assert result.duplicates == 0
        assert db.counts()["shipment"] == 3


# --- linking stays linear and correct (issue point 3) --------------------------------------


def test_linking_over_many_trains_of_one_corridor(tmp_path: Path) -> None:
    """One report's trains never link to each other; another report links once.

    The relays' rule (relays.same_train): the first stored train whose departure is
    within the slack (a day) of the other report's.
    """
    same = [_shipment(f"s{i}", "Hajun", date(2023, 1, 1 + i % 28), "log") for i in range(300)]
    with Store(tmp_path / "s.sqlite") as db:
        assert db.ingest(_set(*same)).linked == 0
        other = db.ingest(_set(_shipment("o1", "Railway workers", date(2023, 1, 5))))
        assert other.linked == 1
        sources = db.train_sources()
        train = sources.loc[sources["id"] == "o1", "train_id"].item()
        first_within_slack = sources.loc[sources["id"] == "s3", "train_id"].item()
        assert train == first_within_slack  # 4 January: the first stored within a day


# --- faults after opening (issue point 11) ------------------------------------------------


class _WriteLock:
    """Another connection holding the store's write lock until released."""

    def __init__(self, path: Path, seconds: float = 600) -> None:
        self.release = threading.Event()
        started = threading.Event()

        def hold() -> None:
            conn = sqlite3.connect(path, isolation_level=None)
            conn.execute("BEGIN IMMEDIATE")
            started.set()
            self.release.wait(seconds)
            conn.execute("ROLLBACK")
            conn.close()

        self.thread = threading.Thread(target=hold)
        self.thread.start()
        started.wait()

    def join(self) -> None:
        self.release.set()
        self.thread.join()


def _hold_write_lock(path: Path, seconds: float) -> _WriteLock:
    return _WriteLock(path, seconds)


def test_a_held_lock_is_waited_for_then_one_clear_error(filled: Path) -> None:
    before = _snapshot(filled)
    holder = _hold_write_lock(filled, 1.5)
    try:
        with Store(filled, lock_wait=0.2) as db, pytest.raises(StoreError) as info:
            db.ingest(_set(_shipment("new", "Hajun", date(2023, 3, 1))))
    finally:
        holder.join()
    message = str(info.value)
    assert "locked by another process" in message
    assert "waited 0.2 s" in message
    assert "\n" not in message
    assert _snapshot(filled) == before


def test_a_lock_released_in_time_is_waited_for(filled: Path) -> None:
    holder = _hold_write_lock(filled, 0.3)
    try:
        with Store(filled, lock_wait=20) as db:
            assert db.ingest(_set(_shipment("new", "Hajun", date(2023, 3, 1)))).new == 1
    finally:
        holder.join()


def test_an_open_reader_makes_the_ingest_wait_then_fail_cleanly(filled: Path) -> None:
    before = _snapshot(filled)
    reader = sqlite3.connect(filled, isolation_level=None)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM records").fetchone()  # holds a shared lock
    try:
        with Store(filled, lock_wait=0.2) as db, pytest.raises(StoreError, match="locked"):
            db.ingest(_set(_shipment("new", "Hajun", date(2023, 3, 1))))
    finally:
        reader.execute("ROLLBACK")
        reader.close()
    assert _snapshot(filled) == before


def test_a_read_only_store_is_one_clear_error(filled: Path) -> None:
    before = _snapshot(filled)
    with Store(filled) as db:
        db._conn.execute("PRAGMA query_only = ON")  # what a read-only file or mount does
        with pytest.raises(StoreError, match="read-only"):
            db.ingest(_set(_shipment("new", "Hajun", date(2023, 3, 1))))
        assert db.counts() == before[0]  # reading still works
    assert _snapshot(filled) == before


def test_a_full_disk_names_the_real_cause_and_keeps_the_store(filled: Path) -> None:
    before = _snapshot(filled)
    many = [_shipment(f"big{i}", "Hajun", date(2023, 3, 1)) for i in range(2000)]
    with Store(filled) as db:
        pages = db._conn.execute("PRAGMA page_count").fetchone()[0]
        db._conn.execute(f"PRAGMA max_page_count = {pages + 2}")  # the disk fills up
        with pytest.raises(StoreError) as info:
            db.ingest(_set(*many))
    assert "full" in str(info.value)
    assert "rollback" not in str(info.value).lower()
    assert _snapshot(filled) == before


def _damage(path: Path) -> None:
    raw = bytearray(path.read_bytes())
    page = 4096
    for start in range(page, len(raw), page):  # every page but the header
        raw[start : start + 64] = b"\xde\xad\xbe\xef" * 16
    path.write_bytes(bytes(raw))


def test_a_damaged_file_is_one_clear_error(filled: Path) -> None:
    _damage(filled)
    with pytest.raises(StoreError) as info, Store(filled) as db:
        db.reports()
    assert "\n" not in str(info.value)
    assert str(filled) in str(info.value)


@pytest.mark.parametrize(
    "body",
    [
        "not json at all",
        '{"id": "x"}',
        json.dumps({"id": "x", "source": {"reporter": "H"}, "cars": {"total": -5}}),
    ],
)
def test_a_hand_edited_record_is_one_clear_error(filled: Path, body: str) -> None:
    conn = sqlite3.connect(filled)
    conn.execute("UPDATE records SET body = ? WHERE pk = 2", (body,))
    conn.commit()
    conn.close()
    with Store(filled) as db, pytest.raises(StoreError) as info:
        db.reports()
    message = str(info.value)
    assert "record 2" in message
    assert "edited by hand" in message
    assert "\n" not in message


def test_cli_store_faults_are_one_line_and_exit_2(filled: Path, tmp_path: Path) -> None:
    report = tmp_path / "r.txt"
    report.write_text(REPORT_TEXT, encoding="utf-8")
    holder = _hold_write_lock(filled, 600)  # until the command has ended
    try:
        locked = _cli("ingest", str(report), "--store", str(filled), "--lock-wait", "0.3")
    finally:
        holder.join()
    assert locked.returncode == 2, locked.stderr
    assert "Traceback" not in locked.stderr
    assert "locked by another process" in locked.stderr
    _damage(filled)
    damaged = _cli("track", "--store", str(filled), "--out", str(tmp_path / "out"))
    assert damaged.returncode == 2, damaged.stderr
    assert "Traceback" not in damaged.stderr
    assert len(damaged.stderr.strip().splitlines()) == 1


# --- concurrency with real processes (issue points 11 and 12) ------------------------------

_OPEN_AT = textwrap.dedent(
    """\
    import sys, time
    from railtrack.store import Store
    path, start = sys.argv[1], float(sys.argv[2])
    time.sleep(max(0.0, start - time.time()))
    with Store(path) as db:
        print(db.schema_version)
    """
)


def test_two_processes_opening_a_new_store_at_once(tmp_path: Path) -> None:
    for trial in range(6):
        path = tmp_path / f"new{trial}.sqlite"
        start = time.time() + 2.5  # both are importing by then; they open together
        procs = [
            subprocess.Popen(
                [sys.executable, "-c", _OPEN_AT, str(path), str(start)],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(2)
        ]
        outputs = [p.communicate(timeout=120) for p in procs]
        for proc, (out, err) in zip(procs, outputs, strict=True):
            assert proc.returncode == 0, err
            assert "not a usable" not in err
            assert out.strip().isdigit()


_INGEST_AT = textwrap.dedent(
    """\
    import sys, time
    from railtrack.io import load_reports
    from railtrack.store import Store
    path, report, start = sys.argv[1], sys.argv[2], float(sys.argv[3])
    reports = load_reports(report)
    time.sleep(max(0.0, start - time.time()))
    with Store(path) as db:
        print(db.ingest(reports).new)
    """
)


def test_two_processes_ingesting_into_one_store(tmp_path: Path) -> None:
    rows = [
        {
            "id": f"c{i}",
            "origin": "Slonim",
            "destination": "Rossosh",
            "departure": f"2023-01-{1 + i % 28:02d}",
            "cars_total": 40,
            "source": "Load test",
        }
        for i in range(3000)
    ]
    report = tmp_path / "many.jsonl"
    report.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    copy = tmp_path / "copy of many.jsonl"
    copy.write_text(report.read_text(encoding="utf-8"), encoding="utf-8")
    path = tmp_path / "shared.sqlite"
    start = time.time() + 4
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", _INGEST_AT, str(path), str(file), str(start)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for file in (report, copy)
    ]
    outputs = [p.communicate(timeout=300) for p in procs]
    for proc, (_out, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, err
    news = sorted(int(out.strip()) for out, _err in outputs)
    assert news == [0, 3000]  # one process stored them, the other found them stored
    with Store(path) as db:
        assert db.counts()["shipment"] == 3000
        assert db.counts()["ingests"] == 2

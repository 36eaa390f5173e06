"""Telegram exports in the store: posts once, later exports, edits with history, relays."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from _telegram_exports import POSTS, Msg, at, chat_object, write_html_export, write_json
from typer.testing import CliRunner

from railtrack.cli import app
from railtrack.io import load_reports
from railtrack.store import Store

runner = CliRunner()

TRAIN_A = "A military echelon of 40 flatcars left Orsha for Smolensk on March 2."
TRAIN_A_EDITED = "A military echelon of 45 flatcars left Orsha for Smolensk on March 2."
UNDATED = "A military echelon of 40 flatcars left Orsha for Smolensk."  # no date to match on
UNDATED_EDITED = "A military echelon of 48 flatcars left Orsha for Smolensk."
TRAIN_B = "Another military train of 30 tank cars left Gomel for Bryansk on March 4."


def export(tmp_path: Path, folder: str, messages: list[Msg], **chat: object) -> Path:
    return write_json(tmp_path / folder / "result.json", chat_object(messages, **chat))


@pytest.fixture
def store(tmp_path: Path):
    with Store(tmp_path / "store.sqlite") as db:
        yield db


def test_each_post_once_and_a_later_export_adds_only_new_posts(tmp_path, store):
    first = export(tmp_path, "week1", [Msg(2, TRAIN_A, when=at(3)), Msg(3, POSTS["ru"])])
    later = export(
        tmp_path,
        "week2",
        [Msg(2, TRAIN_A, when=at(3)), Msg(3, POSTS["ru"]), Msg(4, TRAIN_B, when=at(5))],
    )
    one = store.ingest(load_reports(first))
    assert one.posts == {"new": 2, "edited": 0, "unchanged": 0, "older": 0}
    again = store.ingest(load_reports(first))
    assert again.new == 0
    assert again.posts["unchanged"] == 2
    two = store.ingest(load_reports(later))
    assert two.posts == {"new": 1, "edited": 0, "unchanged": 2, "older": 0}
    stored = store.reports()
    assert {s.source.message_id for s in stored.shipments} >= {2, 4}
    assert len([s for s in stored.shipments if s.source.message_id == 2]) == 1


def test_an_edited_post_replaces_its_earlier_version_and_keeps_the_history(tmp_path, store):
    before = export(tmp_path, "before", [Msg(2, TRAIN_A, when=at(3))])
    after = export(tmp_path, "after", [Msg(2, TRAIN_A_EDITED, when=at(3), edited=at(3, 14))])
    store.ingest(load_reports(before))
    trains = store.counts()["trains"]
    result = store.ingest(load_reports(after))
    assert result.posts["edited"] == 1
    assert store.counts()["trains"] == trains
    (current,) = [s for s in store.reports().shipments if s.source.message_id == 2]
    assert current.cars.flat == 45
    assert current.source.edited_at is not None
    history = store.post_history()
    assert history["current"].tolist() == [False, True]
    assert history["replaced_records"].tolist() == [1, 0]
    (old,) = store.replaced_records().shipments
    assert old.cars.flat == 40
    # reading the old export again changes nothing: it is a past version
    late = store.ingest(load_reports(before))
    assert late.new == 0
    assert late.posts["older"] == 1
    assert [s.cars.flat for s in store.reports().shipments] == [45]


def test_a_relay_in_another_channel_is_one_train_with_both_sources(tmp_path, store):
    origin = export(tmp_path, "a", [Msg(2, UNDATED, when=at(3))], name="Rail Watch", chat_id=1)
    relay = export(
        tmp_path,
        "b",
        [Msg(90, UNDATED, when=at(3, 15), forwarded_from="Rail Watch")],
        name="Relay Channel",
        chat_id=2,
    )
    copy = export(tmp_path, "c", [Msg(7, UNDATED, when=at(4))], name="Copy Desk", chat_id=3)
    for path in (origin, relay, copy):
        store.ingest(load_reports(path))
    assert store.counts()["trains"] == 1
    sources = store.train_sources()
    assert sources["reports_of_train"].tolist() == [3, 3, 3]
    assert len(store.reports().shipments) == 1


def test_an_edit_keeps_the_train_other_channels_are_linked_to(tmp_path, store):
    a = export(tmp_path, "a", [Msg(2, UNDATED, when=at(3))], name="Rail Watch", chat_id=1)
    b = export(tmp_path, "b", [Msg(9, UNDATED, when=at(3, 13))], name="Relay", chat_id=2)
    a2 = export(
        tmp_path,
        "a2",
        [Msg(2, UNDATED_EDITED, when=at(3), edited=at(3, 16))],
        name="Rail Watch",
        chat_id=1,
    )
    for path in (a, b, a2):
        store.ingest(load_reports(path))
    assert store.counts()["trains"] == 1
    assert len(store.train_sources()) == 2
    every = store.reports(one_per_train=False).shipments
    assert sorted(s.cars.flat for s in every) == [40, 48]  # the relay still says 40


def test_the_same_facts_in_other_words_link_by_route_and_date(tmp_path, store):
    a = export(tmp_path, "a", [Msg(2, TRAIN_A, when=at(3))], name="Rail Watch", chat_id=1)
    other = "On March 2 an echelon with 40 flatcars departed Orsha, heading to Smolensk."
    b = export(tmp_path, "b", [Msg(5, other, when=at(3, 20))], name="Other", chat_id=2)
    for path in (a, b):
        store.ingest(load_reports(path))
    assert store.counts()["trains"] == 1
    assert len(store.train_sources()) == 2


def test_html_exports_are_keyed_by_channel_title(tmp_path, store):
    write_html_export(tmp_path / "html", [Msg(2, TRAIN_A, when=at(3))])
    store.ingest(load_reports(tmp_path / "html"))
    again = store.ingest(load_reports(tmp_path / "html"))
    assert again.new == 0
    assert store.post_history()["channel_key"].tolist() == ["title:Rail Watch"]


def test_round_trip_export_store_track(tmp_path):
    path = export(
        tmp_path,
        "export",
        [Msg(2, TRAIN_A, when=at(3)), Msg(3, TRAIN_B, when=at(5)), Msg(4, POSTS["ru"])],
    )
    db = tmp_path / "s.sqlite"
    result = runner.invoke(app, ["ingest", str(path.parent), "--store", str(db), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["posts"]["new"] == 3
    out = tmp_path / "out"
    result = runner.invoke(
        app, ["track", "--store", str(db), "--as-of", "2023-03-06", "--out", str(out), "--json"]
    )
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["trains"] >= 2
    assert "Rail Watch" in (out / "report.html").read_text(encoding="utf-8")
    # the export itself is a report path for track, like any other
    direct = runner.invoke(
        app, ["track", str(path.parent), "--as-of", "2023-03-06", "--out", str(tmp_path / "o2"),
              "--json"],
    )  # fmt: skip
    assert direct.exit_code == 0, direct.output
    assert json.loads(direct.stdout)["trains"] == summary["trains"]


def test_load_json_shows_the_source_fields(tmp_path):
    path = export(tmp_path, "export", [Msg(2, TRAIN_A, when=at(3), edited=at(3, 14))])
    result = runner.invoke(app, ["load", str(path), "--json"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout.splitlines()[0])
    source = record["source"]
    assert source["channel"] == "Rail Watch"
    assert source["channel_id"] == "1234567890"
    assert source["message_id"] == 2
    assert source["url"] == "https://t.me/c/1234567890/2"
    assert source["published_at"] == "2023-03-03T09:00:00Z"
    assert source["edited_at"] == "2023-03-03T11:00:00Z"
    # the output is itself a loadable report file, with the same sources
    jsonl = tmp_path / "again.jsonl"
    jsonl.write_text(result.stdout, encoding="utf-8")
    (again,) = load_reports(jsonl).shipments
    assert again.source.message_id == 2


def test_killed_ingest_of_an_export_leaves_the_store_as_it_was(tmp_path):
    db_path = tmp_path / "store.sqlite"
    small = export(tmp_path, "small", [Msg(2, TRAIN_A, when=at(3))])
    with Store(db_path) as db:
        db.ingest(load_reports(small))
        before = db.counts()
        history = db.post_history()
    places = ["Orsha", "Gomel", "Mozyr", "Smolensk", "Bryansk", "Osipovichi"]
    messages = [
        Msg(i, f"A military train of {20 + i % 40} flatcars left {places[i % 6]} "
               f"for {places[(i + 1) % 6]} on March {1 + i % 27}.", when=at(1 + i % 27))
        for i in range(10, 1600)
    ]  # fmt: skip
    big = export(tmp_path, "big", messages, name="Big Channel", chat_id=99)
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
        proc.wait(timeout=300)
    assert killed, "the ingest never reported progress inside its transaction"
    assert proc.returncode == -signal.SIGKILL
    with Store(db_path) as db:
        assert db.counts() == before
        assert db.post_history().equals(history)


def test_extract_reads_an_export_folder(tmp_path):
    path = export(
        tmp_path, "export", [Msg(2, TRAIN_A, when=at(3)), Msg(3, "Thanks for the support!")]
    )
    result = runner.invoke(app, ["extract", str(path.parent), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    (shipment,) = data["shipments"]
    assert shipment["id"] == "tg-1234567890-2-t1"
    assert shipment["cars"]["flat"] == 40
    assert "1 telegram posts without train words" in result.stderr


def test_load_counts_what_it_skipped_and_names_bad_messages(tmp_path):
    doc = chat_object([Msg(2, TRAIN_A, when=at(3)), Msg(3, "", media_type="sticker")])
    doc["messages"].append({"id": 4, "type": "message", "text": "A train left Orsha."})
    path = write_json(tmp_path / "result.json", doc)
    result = runner.invoke(app, ["load", str(path)])
    assert result.exit_code == 1
    assert "1 telegram stickers" in result.stderr
    assert "result.json message 4, field 'date'" in result.stderr


def test_an_html_post_changed_between_exports_is_an_edit(tmp_path, store):
    write_html_export(tmp_path / "one", [Msg(2, TRAIN_A, when=at(3))])
    write_html_export(tmp_path / "two", [Msg(2, TRAIN_A_EDITED, when=at(3))])
    store.ingest(load_reports(tmp_path / "one"))
    result = store.ingest(load_reports(tmp_path / "two"))
    assert result.posts["edited"] == 1
    assert [s.cars.flat for s in store.reports().shipments] == [45]


def test_records_saved_with_load_json_are_stored_like_any_record(tmp_path, store):
    path = export(tmp_path, "export", [Msg(2, TRAIN_A, when=at(3))])
    result = runner.invoke(app, ["load", str(path), "--json"])
    jsonl = tmp_path / "saved.jsonl"
    jsonl.write_text(result.stdout, encoding="utf-8")
    first = store.ingest(load_reports(jsonl))
    assert first.new == 1
    assert first.posts == {}
    again = store.ingest(load_reports(path))  # the export itself: the same report
    assert again.new == 0

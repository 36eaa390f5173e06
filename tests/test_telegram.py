"""Reading Telegram Desktop exports: JSON (both generations, whole account) and HTML."""

from __future__ import annotations

import json
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from _telegram_exports import (
    CHATTER,
    POSTS,
    Msg,
    account_export,
    at,
    chat_object,
    html_page,
    utc,
    write_html_export,
    write_json,
)

from railtrack import load_reports
from railtrack.io.telegram import (
    PREFILTER_SKIP,
    export_files,
    read_telegram_export,
    read_telegram_file,
)
from railtrack.io.telegram_filter import mentions_rail
from railtrack.io.telegram_html import read_html_export
from railtrack.io.telegram_json import is_json_export, read_json_export
from railtrack.io.telegram_posts import ReadLog

CHANNEL_ID = 1234567890


def channel_messages() -> list[Msg]:
    """A channel's season: posts in five languages, chatter, media, service, a forward."""
    return [
        Msg(1, "", type="service", action="create_channel", when=at(1, 9)),
        Msg(2, POSTS["en"], when=at(3, 10)),
        Msg(3, POSTS["ru"], when=at(3, 10, 5)),
        Msg(4, CHATTER["ru"], when=at(3, 11)),
        Msg(5, POSTS["uk"], when=at(4, 1, 30), photo=True),  # a caption
        Msg(6, "", when=at(4, 2), media_type="sticker"),
        Msg(7, "", when=at(4, 3), photo=True),  # a photo without caption
        Msg(8, POSTS["be"], when=at(5, 8), forwarded_from="Belarusian Railway Workers"),
        Msg(9, ["Pociąg ", {"type": "bold", "text": "z 30 platformami"}, POSTS["pl"][23:]],
            when=at(5, 9), edited=at(5, 10)),
        Msg(10, CHATTER["pl"], when=at(5, 9, 30)),
    ]  # fmt: skip


def read(path: Path) -> tuple[list, ReadLog]:
    log = ReadLog()
    reader = read_html_export if path.suffix == ".html" else read_json_export
    return list(reader(path, log)), log


# --- JSON ----------------------------------------------------------------------------


def test_json_new_generation_posts_and_sources(tmp_path):
    path = write_json(tmp_path / "result.json", chat_object(channel_messages()))
    posts, log = read(path)
    assert [p.message_id for p in posts] == [2, 3, 4, 5, 8, 9, 10]
    assert log.skipped == Counter({"service messages": 1, "stickers": 1, "posts without text": 1})
    by_id = {p.message_id: p for p in posts}
    assert by_id[2].published_at == utc(at(3, 10))
    assert by_id[2].published_at.tzinfo is not None
    assert by_id[5].text == POSTS["uk"]
    assert by_id[5].media == "photo"
    assert by_id[8].forwarded_from == "Belarusian Railway Workers"
    assert by_id[9].text == POSTS["pl"]
    assert by_id[9].edited_at == utc(at(5, 10))
    assert {p.channel for p in posts} == {"Rail Watch"}
    assert {p.channel_id for p in posts} == {str(CHANNEL_ID)}


def test_json_old_generation_has_local_times(tmp_path):
    path = write_json(tmp_path / "result.json", chat_object(channel_messages(), new=False))
    posts, _ = read(path)
    by_id = {p.message_id: p for p in posts}
    assert by_id[2].published_at == datetime(2023, 3, 3, 10, 0)  # local, no zone
    assert by_id[2].published_at.tzinfo is None
    assert by_id[9].text == POSTS["pl"]  # entity list joined
    assert by_id[9].edited_at == datetime(2023, 3, 5, 10, 0)


def test_report_sources_from_json(tmp_path):
    path = write_json(tmp_path / "result.json", chat_object(channel_messages()))
    reports = read_telegram_export(path, network=False)
    (english,) = [s for s in reports.shipments if s.source.message_id == 2]
    src = english.source
    assert english.id == f"tg-{CHANNEL_ID}-2-t1"
    assert (src.reporter, src.channel, src.channel_id) == ("Rail Watch", "Rail Watch", "1234567890")
    assert src.url == f"https://t.me/c/{CHANNEL_ID}/2"
    assert src.published == utc(at(3, 10)).date()
    assert src.published_at == utc(at(3, 10))
    assert english.origin.text == "Orsha"
    assert english.cars.flat == 40
    # "yesterday" resolves against the post's date
    assert english.departure.earliest == utc(at(3, 10)).date().replace(day=2)
    assert reports.skipped[PREFILTER_SKIP] == 2  # the two chatter posts
    assert reports.skipped["telegram stickers"] == 1
    assert len(reports.posts) == 7


def test_forward_names_the_original_source(tmp_path):
    messages = [Msg(8, POSTS["en"], when=at(5, 8), forwarded_from="Belarusian Hajun")]
    path = write_json(tmp_path / "result.json", chat_object(messages))
    (s,) = read_telegram_export(path, network=False, usernames={"Rail Watch": "railwatch"})
    assert s.source.reporter == "Belarusian Hajun"
    assert s.source.relayed_by == "Rail Watch"
    assert s.source.forwarded_from == "Belarusian Hajun"
    assert s.source.url == "https://t.me/railwatch/8"


def test_every_language_passes_the_prefilter_and_chatter_does_not():
    assert all(mentions_rail(text) for text in POSTS.values())
    assert not any(mentions_rail(text) for text in CHATTER.values())


def test_whole_account_export_reads_channels_and_refuses_private_chats(tmp_path):
    channel = chat_object([Msg(2, POSTS["en"])], name="Rail Watch", chat_id=11)
    private = chat_object(
        [Msg(1, "my train leaves at 9"), Msg(2, "ok")],
        name="Ana",
        chat_type="personal_chat",
        chat_id=12,
    )
    left = chat_object([Msg(5, POSTS["uk"])], name="Left Rail", chat_id=13)
    path = write_json(tmp_path / "result.json", account_export([channel, private], [left]))
    assert is_json_export(path)
    posts, log = read(path)
    assert [(p.channel, p.message_id) for p in posts] == [("Rail Watch", 2), ("Left Rail", 5)]
    # expected in an account export: counted, never named, never read
    assert log.skipped["messages of personal_chat chats (not read)"] == 2
    assert log.problems == []


def test_export_of_a_private_chat_is_a_problem_not_a_crash(tmp_path):
    doc = chat_object([Msg(1, POSTS["en"])], name="Ana", chat_type="personal_chat")
    path = write_json(tmp_path / "result.json", doc)
    reports = load_reports(path)
    assert reports.shipments == []
    (problem,) = reports.problems
    assert "'Ana' is a personal_chat, not a channel or group" in problem.message
    assert "train" not in problem.message  # a private chat's text is never repeated


def test_invalid_escapes_written_by_telegram_desktop_are_read(tmp_path):
    path = write_json(tmp_path / "result.json", chat_object([Msg(2, "A train\x0bleft.")]))
    raw = path.read_bytes().replace(b"\\u000b", b"\\x0B")
    assert b"\\x0B" in raw
    path.write_bytes(raw)
    (post,), log = read(path)
    assert post.text == "A train\x0bleft."
    assert log.problems == []


# --- bad input ----------------------------------------------------------------------


def test_truncated_json_keeps_the_posts_before_the_break(tmp_path):
    path = write_json(tmp_path / "result.json", chat_object(channel_messages()))
    raw = path.read_bytes()
    cut = raw.index(b'"id": 8')
    path.write_bytes(raw[:cut])
    reports = load_reports(path)
    assert {s.source.message_id for s in reports.shipments} >= {2}
    (problem,) = [p for p in reports.problems if "breaks off" in p.message]
    assert "after message 7" in problem.message
    assert problem.path == str(path)


def test_not_json_at_all_is_one_problem(tmp_path):
    path = tmp_path / "result.json"
    path.write_text('{"name": "Rail", "type": "public_channel", "id": 1, "messages": [}')
    reports = load_reports(path)
    assert reports.shipments == []
    assert len(reports.problems) == 1
    assert "result.json" in str(reports.problems[0])


def test_wrong_types_in_messages_are_problems_and_good_posts_load(tmp_path):
    doc = chat_object([Msg(2, POSTS["en"]), Msg(3, POSTS["en"].replace("40", "30"))])
    doc["messages"][1:1] = [
        17,
        ["not", "a", "message"],
        {"id": "x9", "type": "message", "date": "2023-03-03T10:00:00", "text": "train"},
        {"id": 12, "type": "message", "date": "2023-03-03T10:00:00", "text": 5},
        {"id": 13, "type": "message", "text": "A train left Orsha."},
        {"id": 14, "type": "message", "date": "yesterday", "text": "A train left Orsha."},
        {"id": 15, "type": "message", "date": "2023-03-03T10:00:00", "text": [1, 2]},
    ]
    path = write_json(tmp_path / "result.json", doc)
    reports = read_telegram_export(path, network=False)
    assert sorted(s.source.message_id for s in reports.shipments) == [2, 3]
    texts = [str(p) for p in reports.problems]
    assert sum("not a message object" in t for t in texts) == 2
    assert any("no usable id ('x9')" in t for t in texts)
    assert any(t.startswith("result.json message 12, field 'text'") for t in texts)
    assert any(t.startswith("result.json message 13, field 'date'") for t in texts)
    assert any(t.startswith("result.json message 14, field 'date'") for t in texts)
    assert any(t.startswith("result.json message 15, field 'text'") for t in texts)


def test_a_five_megabyte_post_is_a_problem(tmp_path):
    huge = "train " * 900_000
    path = write_json(tmp_path / "result.json", chat_object([Msg(2, huge), Msg(3, POSTS["en"])]))
    reports = read_telegram_export(path, network=False)
    assert [s.source.message_id for s in reports.shipments] == [3]
    (problem,) = reports.problems
    assert (problem.row, problem.field) == (2, "text")
    assert "5,400,000 characters" in problem.message


# --- HTML ----------------------------------------------------------------------------


def test_html_pages_carry_senders_and_forwards(tmp_path):
    messages = channel_messages()
    messages[6:6] = [
        Msg(11, POSTS["en"], when=at(5, 8, 1), forwarded_from=messages[7].forwarded_from)
    ]
    messages.sort(key=lambda m: m.when)
    pages = write_html_export(tmp_path / "export", messages, per_page=4)
    assert [p.name for p in pages] == ["messages.html", "messages2.html", "messages3.html"]
    assert export_files(tmp_path / "export") == pages
    posts = []
    log = ReadLog()
    for page in pages:
        posts.extend(read_html_export(page, log))
    by_id = {p.message_id: p for p in posts}
    assert sorted(by_id) == [2, 3, 4, 5, 8, 9, 10, 11]
    assert log.skipped == Counter({"service messages": 1, "stickers": 1, "posts without text": 1})
    assert (by_id[2].channel, by_id[2].channel_id) == ("Rail Watch", None)
    assert by_id[2].published_at == at(3, 10)  # the page says UTC+03:00
    assert by_id[2].published_at.utcoffset() == timedelta(0)  # kept in UTC, as from JSON
    assert (by_id[5].text, by_id[5].media) == (POSTS["uk"], "photo")  # a caption
    assert by_id[8].forwarded_from == "Belarusian Railway Workers"
    assert by_id[11].forwarded_from == "Belarusian Railway Workers"  # joined forward
    assert by_id[9].text == POSTS["pl"]


def test_html_joined_message_keeps_its_sender(tmp_path):
    messages = [
        Msg(2, "First post about a train.", when=at(3, 10), sender="Ana"),
        Msg(3, "Second post about a train.", when=at(3, 10, 5), sender="Ana"),
    ]
    (page,) = write_html_export(tmp_path, messages)
    assert 'class="message default clearfix joined"' in page.read_text()
    posts, _ = read(page)
    assert [p.author for p in posts] == ["Ana", "Ana"]


def test_html_without_zone_is_local_time(tmp_path):
    (page,) = write_html_export(tmp_path, [Msg(2, POSTS["en"], when=at(3, 10))], zone=False)
    (post,), _ = read(page)
    assert post.published_at == datetime(2023, 3, 3, 10, 0)


def test_html_line_breaks_and_entities(tmp_path):
    (page,) = write_html_export(tmp_path, [Msg(2, "A train <40 cars>\nleft Orsha & Minsk.")])
    (post,), _ = read(page)
    assert post.text == "A train <40 cars>\nleft Orsha & Minsk."


def test_html_with_missing_parts(tmp_path):
    page = tmp_path / "channel" / "messages.html"
    page.parent.mkdir()
    text = html_page([Msg(2, POSTS["en"]), Msg(3, POSTS["en"], when=at(3, 13))])
    text = text.replace('<div class="text bold">Rail Watch </div>', "")
    text = text.replace('title="03.03.2023 13:00:00 UTC+03:00"', "")
    page.write_text(text)
    reports = read_telegram_export(page, network=False)
    assert [s.source.message_id for s in reports.shipments] == [2]
    assert reports.shipments[0].source.channel == "channel"  # the folder's name
    messages = [str(p) for p in reports.problems]
    assert any("no chat name" in m for m in messages)
    assert any(m.startswith("messages.html message 3, field 'date'") for m in messages)


def test_html_page_without_messages(tmp_path):
    page = tmp_path / "messages.html"
    page.write_text("<html><body><p>nothing</p></body></html>")
    reports = load_reports(page)
    assert reports.shipments == []
    assert any("no messages" in p.message for p in reports.problems)


# --- loading with other reports ------------------------------------------------------


def test_load_reports_reads_an_export_folder_and_never_its_media(tmp_path):
    folder = tmp_path / "reports" / "ChatExport_2023-03-06"
    write_json(folder / "result.json", chat_object(channel_messages()))
    (folder / "files").mkdir()
    (folder / "files" / "notes.txt").write_text("A train left Orsha yesterday.")
    (folder / "files" / "data.json").write_text("[1, 2, 3]")
    (tmp_path / "reports" / "other.txt").write_text(
        "source: Hajun\npublished: 2023-03-03\n\nA military train left Orsha yesterday."
    )
    reports = load_reports(tmp_path / "reports")
    files = {Path(f).name for f in reports.files.values()}
    assert files == {"result.json", "other.txt"}
    assert not any("notes.txt" in p.path or "data.json" in p.path for p in reports.problems)
    assert reports.skipped[PREFILTER_SKIP] == 2


def test_load_reports_reads_html_export_folders_only_by_page_name(tmp_path):
    write_html_export(tmp_path / "export", channel_messages(), per_page=5)
    (tmp_path / "briefing.html").write_text("<html><body>railtrack briefing</body></html>")
    reports = load_reports(tmp_path)
    assert {Path(f).name for f in reports.files.values()} <= {"messages.html", "messages2.html"}
    assert reports.shipments
    assert not any("briefing" in p.path for p in reports.problems)


def test_ordinary_json_report_is_not_taken_for_an_export(tmp_path):
    path = tmp_path / "result.json"
    path.write_text(json.dumps([{"id": "t1", "source": "Hajun", "origin": "Orsha"}]))
    assert not is_json_export(path)
    reports = load_reports(path)
    assert [s.id for s in reports.shipments] == ["t1"]


def test_read_telegram_file_without_prefilter_extracts_everything(tmp_path):
    path = write_json(tmp_path / "result.json", chat_object(channel_messages()))
    part = read_telegram_file(path, network=False, prefilter=False)
    assert PREFILTER_SKIP not in part.skipped
    assert part.read == 7


@pytest.mark.parametrize("new", [True, False])
def test_published_dates_are_utc_or_local(tmp_path, new):
    late = at(4, 1, 30)  # 22:30 UTC the day before
    path = write_json(
        tmp_path / "result.json", chat_object([Msg(5, POSTS["en"], when=late)], new=new)
    )
    (s,) = read_telegram_export(path, network=False)
    expected = late.astimezone(UTC) if new else late.replace(tzinfo=None)
    assert s.source.published_at == expected
    assert s.source.published == expected.date()


def test_two_exports_of_one_channel_load_once_with_the_latest_version(tmp_path):
    from _telegram_exports import POSTS as P

    old = [Msg(2, P["en"], when=at(3, 10)), Msg(3, P["en"].replace("40", "20"), when=at(4))]
    new = [
        Msg(2, P["en"].replace("40", "44"), when=at(3, 10), edited=at(5)),
        Msg(3, P["en"].replace("40", "20"), when=at(4)),
        Msg(4, P["en"].replace("40", "33"), when=at(6)),
    ]
    write_json(tmp_path / "ChatExport_2023-03-06" / "result.json", chat_object(new))
    write_json(tmp_path / "ChatExport_2023-03-04" / "result.json", chat_object(old))
    reports = load_reports(tmp_path)
    assert reports.problems == []
    flats = {s.source.message_id: s.cars.flat for s in reports.shipments}
    assert flats == {2: 44, 3: 20, 4: 33}
    assert reports.skipped["telegram records also in another export (the latest version kept)"] == 2


def test_html_page_cut_short_keeps_its_messages_and_says_so(tmp_path):
    (page,) = write_html_export(
        tmp_path, [Msg(2, POSTS["en"], when=at(3, 10)), Msg(3, POSTS["en"], when=at(4))]
    )
    text = page.read_text(encoding="utf-8")
    page.write_text(text[: text.index('id="message3"') + 80], encoding="utf-8")
    reports = read_telegram_export(page, network=False)
    assert [s.source.message_id for s in reports.shipments] == [2]
    assert any("may be cut short" in p.message for p in reports.problems)


REAL = Path(__file__).parent / "data"


@pytest.mark.parametrize("corpus", ["extraction_real", "extraction_real_holdout"])
def test_prefilter_passes_every_real_report(corpus):
    """Every real report with a train in it passes the pre-filter: none may be skipped.

    A negative may have no train word at all (lorries waiting at a rail terminal,
    r657): skipping it costs nothing, so only reports with labelled shipments count.
    """
    import yaml

    files = sorted((REAL / corpus).glob("*.yaml"))
    if not files:
        pytest.skip(f"tests/data/{corpus} is not in this checkout")
    docs = [yaml.safe_load(f.read_text(encoding="utf-8")) for f in files]
    with_trains = [
        (f, doc["text"])
        for f, doc in zip(files, docs, strict=True)
        if (doc.get("expected") or {}).get("shipments")
    ]
    assert with_trains
    skipped = [f.name for f, text in with_trains if not mentions_rail(text)]
    assert skipped == []


def test_html_page_without_its_head_is_read_as_utf8(tmp_path):
    (page,) = write_html_export(tmp_path, [Msg(2, POSTS["pl"])])
    text = page.read_text(encoding="utf-8")
    page.write_text(text[text.index("<body>") :], encoding="utf-8")  # no <meta charset>
    (post,), _ = read(page)
    assert post.text == POSTS["pl"]


def test_prefilter_keeps_every_train_and_car_noun_extraction_knows():
    from railtrack.extract.lexicon import LANGUAGES, lexicon

    nouns = [
        word.rstrip("*")
        for lang in LANGUAGES
        for word in (*lexicon(lang).train_nouns, *lexicon(lang).car_nouns)
    ]
    assert nouns
    assert [w for w in nouns if not mentions_rail(f"Вчера {w.upper()} прибыл.")] == []


def test_cli_channel_username_links_posts_publicly(tmp_path):
    from typer.testing import CliRunner

    from railtrack.cli import app

    messages = [Msg(2, POSTS["en"], when=at(3, 10)), Msg(3, POSTS["ru"], when=at(3, 10, 5))]
    path = str(write_json(tmp_path / "result.json", chat_object(messages)))
    runner = CliRunner()
    plain = runner.invoke(app, ["load", path, "--json"])
    urls = {json.loads(line)["source"]["url"] for line in plain.stdout.splitlines()}
    assert urls == {f"https://t.me/c/{CHANNEL_ID}/2", f"https://t.me/c/{CHANNEL_ID}/3"}
    for key in ("rail watch", str(CHANNEL_ID)):  # by title (any case) or by id
        named = runner.invoke(
            app, ["load", path, "--json", "--channel-username", f"{key}=@railwatch"]
        )
        urls = {json.loads(line)["source"]["url"] for line in named.stdout.splitlines()}
        assert urls == {"https://t.me/railwatch/2", "https://t.me/railwatch/3"}
    other = runner.invoke(app, ["load", path, "--json", "--channel-username", "Other=otherchan"])
    assert "t.me/otherchan" not in other.stdout
    for bad in ("railwatch", "Rail Watch=", "Rail Watch=ab"):
        result = runner.invoke(app, ["load", path, "--channel-username", bad])
        assert result.exit_code == 2, bad
        assert "--channel-username" in result.output


def test_channel_usernames_relink_groups_and_sightings_too(tmp_path):
    messages = [Msg(2, POSTS["en"], when=at(3, 10))]
    path = write_json(tmp_path / "result.json", chat_object(messages))
    reports = load_reports(path).with_channel_usernames({"Rail Watch": "railwatch"})
    records = [*reports.shipments, *reports.groups, *reports.sightings]
    assert records
    assert all(r.source.url.startswith("https://t.me/railwatch/") for r in records)


def test_report_files_beside_an_export_are_read_too(tmp_path):
    """A folder holding result.json and the analyst's own files loses none of them."""
    write_json(tmp_path / "result.json", chat_object([Msg(2, POSTS["en"], when=at(3, 10))]))
    (tmp_path / "mine.csv").write_text(
        "id,origin,destination,departure,cars_total,source\n"
        "own-1,Slonim,Valuyki,2023-03-01,40,Hajun\n",
        encoding="utf-8",
    )
    (tmp_path / "note.txt").write_text(
        "source: Hajun\npublished: 2023-03-03\n\n"
        "On 2 March a train of 30 flatcars left Gomel for Bryansk.\n",
        encoding="utf-8",
    )
    (tmp_path / "photos").mkdir()
    (tmp_path / "photos" / "caption.txt").write_text("A train left Orsha.", encoding="utf-8")
    reports = load_reports(tmp_path)
    files = {Path(f).name for f in reports.files.values()}
    assert {"result.json", "mine.csv", "note.txt"} <= files
    assert "caption.txt" not in files  # the export's media folders are never reports
    assert "own-1" in {s.id for s in reports.shipments}


def test_a_posts_sighting_is_kept_with_its_train(tmp_path):
    """A sighting read from a post's text is a record of the report set, like its train."""
    text = (
        "A military echelon left Slonim on March 3 for Valuyki. "
        "It was spotted in Bryansk on March 6."
    )
    path = write_json(tmp_path / "result.json", chat_object([Msg(9, text, when=at(7, 9))]))
    reports = load_reports(path)
    (shipment,) = reports.shipments
    (sighting,) = reports.sightings
    assert sighting.shipment == shipment.id
    assert sighting.station.text == "Bryansk"
    assert len(read_telegram_export(path, network=False).sightings) == 1

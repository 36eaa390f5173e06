"""Loading damaged Telegram exports, hand logs and --tz (issue 13; session 17 findings
F5-F12 of a new user, review #3).

Every input here is written for these tests: a Telegram export with one bad message
beside good ones (each field of a message, each kind of fault: too large, negative,
wrong JSON type, missing), an export whose structure is wrong, a hand log with no
source column, a channel log with local clock times, and retractions posted in an
export. A bad message costs only itself, with a problem naming the file, the message
and the field; nothing becomes a fake train; nothing stops the load.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from railtrack.cli import app
from railtrack.io import load_reports
from railtrack.io.events import event_of
from railtrack.zones import UnknownZone, parse_zone

runner = CliRunner()

GOOD_TEXT = "A military echelon of 40 flatcars left Orsha for Smolensk yesterday."
CHAT_ID = 1500000077


def _message(i: int, **fields: Any) -> dict[str, Any]:
    """A message as Telegram Desktop writes it (3 March 2023, 10:15 UTC), then ``fields``."""
    out: dict[str, Any] = {
        "id": i,
        "type": "message",
        "date": "2023-03-03T13:15:00",
        "date_unixtime": "1677838500",
        "from": "Rail watch",
        "from_id": f"channel{CHAT_ID}",
        "text": GOOD_TEXT,
    }
    for key, value in fields.items():
        if value is _DROP:
            out.pop(key, None)
        else:
            out[key] = value
    return out


_DROP = object()


def _export(folder: Path, messages: Any, **chat: Any) -> Path:
    doc: dict[str, Any] = {
        "name": "Rail watch",
        "type": "public_channel",
        "id": CHAT_ID,
        "messages": messages,
    }
    doc.update(chat)
    doc = {k: v for k, v in doc.items() if v is not _DROP}
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "result.json"
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def _posts(reports: Any) -> list[int]:
    return sorted({s.source.message_id for s in reports.shipments})


def _problems(reports: Any, row: int | None = None) -> list[Any]:
    return [p for p in reports.problems if row is None or p.row == row]


# -- F5, F8, F9: one bad field of one message ----------------------------------------------

# (field, bad value, words the problem says): fields a post cannot do without
BAD_ESSENTIAL = [
    ("date_unixtime", "99999999999999", "no date of a Telegram post"),  # year 3170843
    ("date_unixtime", 99999999999999, "no date of a Telegram post"),
    ("date_unixtime", "9" * 30, "not Unix time"),
    ("date_unixtime", "99999999999", "no date of a Telegram post"),  # year 5138
    ("date_unixtime", "-5", "not Unix time"),
    ("date_unixtime", -86400, "not Unix time"),
    ("date_unixtime", 1677838500.5, "not Unix time"),
    ("date_unixtime", ["1677838500"], "an array"),
    ("date_unixtime", {"s": 1}, "an object"),
    ("date_unixtime", True, "not Unix time"),
    ("date_unixtime", "0", "before Telegram opened"),  # F9: 1 January 1970
    ("date_unixtime", "1000000000", "before Telegram opened"),  # 2001
    ("date_unixtime", 1356998400, "before Telegram opened"),  # 1 January 2013
    ("text", 12345, "a number"),
    ("text", {"type": "bold", "text": GOOD_TEXT}, "an object"),
    ("text", _DROP, "missing"),
    ("text", None, "null"),
    ("type", ["message"], "an array"),
    ("type", 3, "a number"),
    ("id", 10**30, "no usable id"),
    ("id", 2**31, "no usable id"),
    ("id", -3, "no usable id"),
    ("id", "3", "no usable id"),
    ("id", _DROP, "no id"),
]


@pytest.mark.parametrize(("field", "value", "said"), BAD_ESSENTIAL)
def test_a_bad_message_field_is_a_problem_and_the_good_posts_load(
    tmp_path: Path, field: str, value: Any, said: str
) -> None:
    path = _export(tmp_path, [_message(2), _message(3, **{field: value}), _message(4)])
    reports = load_reports(path)
    assert _posts(reports) == [2, 4]  # the bad message is no train, the good ones load
    (problem,) = reports.problems
    assert Path(problem.path).name == "result.json"
    assert problem.field == field
    assert said in problem.message
    if field != "id":
        assert (problem.row, problem.unit) == (3, "message")
        assert str(problem).startswith(f"result.json message 3, field '{field}'")


@pytest.mark.parametrize(
    ("local", "said"),
    [
        (["2023-03-03T13:15:00"], "an array"),
        (20230303, "a number"),
        ("9999-12-31T23:59:59", "no date of a Telegram post"),
        ("0001-01-01T00:00:00", "before Telegram opened"),
        ("1970-01-01T03:00:00", "before Telegram opened"),
        ("yesterday", "not a date and time"),
    ],
)
def test_an_old_export_with_a_bad_local_date_is_a_problem(
    tmp_path: Path, local: Any, said: str
) -> None:
    # an export of the older generation gives only "date", the exporting computer's time
    old = {"date_unixtime": _DROP}
    path = _export(tmp_path, [_message(2, **old), _message(3, **old, date=local)])
    reports = load_reports(path)
    assert _posts(reports) == [2]
    # (message 2 is read, with a problem saying its time is the exporter's local time)
    (problem,) = _problems(reports, 3)
    assert (problem.row, problem.field) == (3, "date")
    assert said in problem.message


def test_a_message_with_no_date_at_all_is_a_problem(tmp_path: Path) -> None:
    path = _export(tmp_path, [_message(2), _message(3, date=_DROP, date_unixtime=_DROP)])
    reports = load_reports(path)
    assert _posts(reports) == [2]
    (problem,) = reports.problems
    assert (problem.row, problem.field) == (3, "date")


def test_a_post_on_telegrams_first_days_is_read(tmp_path: Path) -> None:
    # a negative case for F9: 20 August 2013 is a day a post may have
    path = _export(tmp_path, [_message(3, date_unixtime="1377000000")])
    reports = load_reports(path)
    assert _posts(reports) == [3]
    assert reports.problems == []
    assert reports.shipments[0].source.published == date(2013, 8, 20)


# fields a post can do without: a problem, the post read without them
BAD_OPTIONAL = [
    ("edited_unixtime", "99999999999999"),
    ("edited_unixtime", ["1"]),
    ("edited_unixtime", "-1"),
    ("edited", 5),
    ("author", ["Ann"]),
    ("from", {"name": "x"}),
    ("forwarded_from", 17),
    ("media_type", ["photo"]),
    ("reply_to_message_id", 10**30),
    ("reply_to_message_id", "12"),
]


@pytest.mark.parametrize(("field", "value"), BAD_OPTIONAL)
def test_a_bad_optional_field_is_a_problem_and_the_post_is_read(
    tmp_path: Path, field: str, value: Any
) -> None:
    extra = {"edited_unixtime": _DROP} if field == "edited" else {}
    path = _export(tmp_path, [_message(2), _message(3, **{field: value}, **extra)])
    reports = load_reports(path)
    assert _posts(reports) == [2, 3]
    (problem,) = reports.problems
    assert (problem.row, problem.field) == (3, field)
    assert "ignored" in problem.message


def test_a_bad_message_is_a_problem_on_the_command_line_not_an_internal_error(
    tmp_path: Path,
) -> None:
    path = _export(tmp_path, [_message(3, date_unixtime="99999999999999"), _message(4)])
    out = runner.invoke(app, ["load", str(path), "--json"])
    assert out.exit_code == 1, out.output  # problems, not an internal error (exit 3)
    assert "internal error" not in out.output
    shipments = [json.loads(x) for x in out.stdout.splitlines() if '"shipment"' in x]
    assert [s["source"]["message_id"] for s in shipments] == [4]
    assert "date_unixtime" in out.stderr


# -- F7, F8: the export's structure ---------------------------------------------------------


@pytest.mark.parametrize(
    ("messages", "said"),
    [
        ({"1": _message(2)}, "is an object, not an array of messages"),
        ("none", "is a string, not an array of messages"),
        (7, "is a number, not an array of messages"),
    ],
)
def test_messages_that_are_no_list_are_a_problem_not_no_shipments(
    tmp_path: Path, messages: Any, said: str
) -> None:
    path = _export(tmp_path, messages)
    reports = load_reports(path)
    assert reports.shipments == []
    (problem,) = reports.problems
    assert Path(problem.path).name == "result.json"
    assert problem.field == "messages"
    assert said in problem.message
    out = runner.invoke(app, ["load", str(path)])
    assert out.exit_code == 1
    assert "messages" in out.stderr
    assert "result.json" in out.stderr


def test_a_chat_without_messages_is_a_problem(tmp_path: Path) -> None:
    reports = load_reports(_export(tmp_path, _DROP))
    assert reports.shipments == []
    (problem,) = reports.problems
    assert problem.field == "messages"
    assert "no 'messages' list" in problem.message


def test_an_account_exports_chats_that_are_no_list_are_a_problem(tmp_path: Path) -> None:
    doc = {
        "about": "Here is the data you requested.",
        "chats": {"about": "chats", "list": {"name": "Rail watch"}},
    }
    path = tmp_path / "result.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    reports = load_reports(path)
    (problem,) = reports.problems
    assert problem.field == "chats.list"
    assert "is an object, not an array of chats" in problem.message


@pytest.mark.parametrize(
    ("chat", "field"),
    [
        ({"type": ["public_channel"]}, "type"),
        ({"type": {"kind": "public_channel"}}, "type"),
        ({"name": ["Rail watch"]}, "name"),
        ({"name": 5}, "name"),
        ({"id": {"n": 1}}, "id"),
        ({"id": [CHAT_ID]}, "id"),
    ],
)
def test_a_chat_field_of_the_wrong_type_is_no_fake_train(
    tmp_path: Path, chat: dict[str, Any], field: str
) -> None:
    # read as a report record, such a chat object was one train with the chat's id
    path = _export(tmp_path, [_message(2)], **chat)
    reports = load_reports(path)
    assert _posts(reports) == [2]
    assert all(s.id.startswith("tg-") for s in reports.shipments)
    (problem,) = reports.problems
    assert problem.field == field
    assert "read as not given" in problem.message


@pytest.mark.parametrize(
    ("item", "said"),
    [
        (["not", "a", "message"], "is an array, not a message object"),
        (17, "is a number, not a message object"),
        ("text", "is a string, not a message object"),
        (None, "is null, not a message object"),
        (True, "is true or false, not a message object"),
    ],
)
def test_an_item_that_is_no_message_is_named_in_good_grammar(
    tmp_path: Path, item: Any, said: str
) -> None:
    reports = load_reports(_export(tmp_path, [_message(2), item]))
    assert _posts(reports) == [2]
    (problem,) = reports.problems
    assert said in problem.message
    assert " a array" not in problem.message
    assert " a object" not in problem.message


# -- F10: a retraction inside an export names its message --------------------------------

_TOLD = "Учора ў Брэст прыбыў эшалон з танкамі, 40 платформаў."
_RETRACTED = {
    "be": "Абвяржэнне: інфармацыя пра эшалон, які нібыта прыбыў учора ў Брэст, не пацвердзілася.",
    "ru": "Опровержение: информация об эшелоне, который якобы прибыл вчера в Брест, "
    "не подтвердилась.",
    "pl": "Informacja o pociągu, który rzekomo przyjechał wczoraj do Brześcia, "
    "nie potwierdziła się.",
}


def _retraction_export(folder: Path, lang: str) -> Path:
    return _export(
        folder,
        [
            _message(20, date_unixtime="1684134000", text=_TOLD),  # 15 May 2023, 07:00 UTC
            _message(21, date_unixtime="1684137600", text="Дзякуй усім за падтрымку!"),
            _message(22, date_unixtime="1684141200", text=_RETRACTED[lang]),  # 09:00 UTC
        ],
    )


@pytest.mark.parametrize("lang", sorted(_RETRACTED))
def test_a_retraction_in_an_export_names_its_message_and_time(tmp_path: Path, lang: str) -> None:
    reports = load_reports(_retraction_export(tmp_path, lang))
    (retracted,) = [p for p in reports.problems if "is retracted by" in p.message]
    assert (retracted.row, retracted.unit) == (20, "message")  # on the train's own post
    assert "result.json message 22 (posted 2023-05-15 09:00 UTC)" in retracted.message
    assert str(retracted).startswith("result.json message 20:")


def test_a_retraction_in_a_text_file_still_names_its_file_and_day(tmp_path: Path) -> None:
    from tests._report_files import write_report

    write_report(tmp_path, "a.txt", _TOLD, "2023-05-15")
    write_report(tmp_path, "b.txt", _RETRACTED["be"], "2023-05-15")
    reports = load_reports(tmp_path)
    (retracted,) = [p for p in reports.problems if "is retracted by" in p.message]
    assert "b.txt (published 2023-05-15)" in retracted.message
    assert retracted.row is None


# -- F6: --tz names a zone ------------------------------------------------------------------


@pytest.mark.parametrize(
    "bad",
    ["Europe", "America", "localtime", "Factory", "posixrules", "posix/Europe/Minsk",
     "right/UTC", "/etc/localtime", "../zoneinfo/UTC", "", "Minsk", "Europe/Minks"],
)  # fmt: skip
def test_a_zone_that_names_no_place_is_refused(bad: str) -> None:
    with pytest.raises(UnknownZone) as caught:
        parse_zone(bad)
    assert repr(bad) in str(caught.value)
    assert "Europe/Minsk" in str(caught.value)


@pytest.mark.parametrize("good", ["Europe/Minsk", "Europe/Kyiv", "Europe/Warsaw", "UTC"])
def test_a_place_zone_is_read(good: str) -> None:
    assert parse_zone(good).key == good


@pytest.mark.parametrize("command", ["load", "track", "ingest", "convert"])
@pytest.mark.parametrize("bad", ["Europe", "localtime", "Factory"])
def test_every_command_refuses_a_bad_zone_with_exit_2(
    tmp_path: Path, command: str, bad: str
) -> None:
    path = _export(tmp_path, [_message(2)])
    args = [command, str(path), "--tz", bad]
    if command == "convert":
        args += ["--out", str(tmp_path / "out")]
    if command == "ingest":
        args += ["--store", str(tmp_path / "s.sqlite")]
    out = runner.invoke(app, args)
    assert out.exit_code == 2, out.output
    assert repr(bad) in out.output
    assert "Europe/Minsk" in out.output
    assert "Is a directory" not in out.output


# -- review #3: --tz reaches ingest and convert; a converted folder keeps retractions ---------

_NIGHT = [  # posted between midnight and 03:00 in Minsk: the UTC day is the day before
    (200, "1684103400", "Учора ўвечары ў Брэст прыбыў эшалон з 40 вагонаў."),  # 01:30 Minsk
    (201, "1684192200", "Сёння а 01:20 праз Оршу ў бок Мінска прайшоў эшалон з 44 вагонаў."),
]


def _night_export(folder: Path) -> Path:
    return _export(folder, [_message(i, date_unixtime=unix, text=t) for i, unix, t in _NIGHT])


def _shipment_facts(records: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    return sorted(
        (r["id"], r["source"]["published"], json.dumps(r.get("expected_arrival"), sort_keys=True))
        for r in records
        if r.get("record") == "shipment"
    )


def _jsonl(text: str) -> list[dict[str, Any]]:
    return [json.loads(x) for x in text.splitlines() if x.startswith("{")]


def test_tz_reaches_a_converted_folder_as_load_reads_it(tmp_path: Path) -> None:
    path = _night_export(tmp_path / "in")
    loaded = runner.invoke(app, ["load", str(path), "--json", "--tz", "Europe/Minsk"])
    out = tmp_path / "season"
    conv = runner.invoke(app, ["convert", str(path), "--out", str(out), "--tz", "Europe/Minsk"])
    assert conv.exit_code == 0, conv.output
    back = runner.invoke(app, ["load", str(out), "--json"])
    zoned = _shipment_facts(_jsonl(loaded.stdout))
    assert _shipment_facts(_jsonl(back.stdout)) == zoned
    plain = _shipment_facts(_jsonl(runner.invoke(app, ["load", str(path), "--json"]).stdout))
    assert plain != zoned  # the zone changes the days: the test can fail
    sightings = [r for r in _jsonl(back.stdout) if r.get("record") == "sighting"]
    assert [s["seen_at"] for s in sightings] == ["2023-05-15T22:20:00"]


def test_tz_reaches_a_batched_conversion(tmp_path: Path) -> None:
    path = _night_export(tmp_path / "in")
    out = tmp_path / "season"
    conv = runner.invoke(
        app,
        ["convert", str(path), "--out", str(out), "--tz", "Europe/Minsk", "--batch-files", "1"],
    )
    assert conv.exit_code == 0, conv.output
    reports = load_reports(out)
    assert [s.seen_at for s in reports.sightings] == [datetime(2023, 5, 15, 22, 20)]


def test_tz_reaches_the_store(tmp_path: Path) -> None:
    from railtrack.store import Store

    path = _night_export(tmp_path / "in")
    days = {}
    for zone in (None, "Europe/Minsk"):
        store = tmp_path / f"{zone or 'utc'}.sqlite".replace("/", "-")
        args = ["ingest", str(path), "--store", str(store)] + (["--tz", zone] if zone else [])
        out = runner.invoke(app, args)
        # without --tz the channel's times are read as UTC, and a time told 21 hours
        # before its post says so (trial18 T9): a problem, exit 1
        assert out.exit_code == (1 if zone is None else 0), out.output
        assert ("has no time zone" in out.output) == (zone is None), out.output
        with Store(store) as db:
            reports = db.reports()
        days[zone] = sorted(s.source.published for s in reports.shipments)
        seen = [x.seen_at for x in reports.sightings]
    assert days["Europe/Minsk"] == [date(2023, 5, 15), date(2023, 5, 16)]
    assert days[None] == [date(2023, 5, 14), date(2023, 5, 15)]
    assert seen == [datetime(2023, 5, 15, 22, 20)]


# -- F11: event words and a table's local times ----------------------------------------------


@pytest.mark.parametrize(
    "word",
    ["проследовал", "Проследовала", "проследовали", "проследовал через", "праследаваў",
     "праследаваў праз", "праследавалі", "przejechał przez", "Przejechały", "minął",
     "прослідував", "прослідував через", "проїхала", "passed through", "went past"],
)  # fmt: skip
def test_passage_words_of_every_form_read_as_a_passage(word: str) -> None:
    assert event_of(word) == "passage"


@pytest.mark.parametrize(
    "word", ["przez", "через", "прибыл через", "Брест", "przyjechał przez Brześć", "праз"]
)
def test_a_preposition_alone_or_after_another_event_is_no_passage(word: str) -> None:
    assert event_of(word) != "passage"


@pytest.mark.parametrize(
    ("header", "event"),
    [
        ("Станция;Событие;Дата;Вагонов;Источник", "проследовал"),
        ("Станцыя;Падзея;Дата;Вагонаў;Крыніца", "праследаваў"),
        ("Stacja;Zdarzenie;Data;Wagony;Źródło", "przejechał przez"),
    ],
)
def test_a_passage_row_of_a_sheet_is_a_via_point_and_a_sighting(
    tmp_path: Path, header: str, event: str
) -> None:
    path = tmp_path / "log.csv"
    path.write_text(f"{header}\nОрша;{event};14.05.2023;40;Гаюн\n", encoding="utf-8")
    reports = load_reports(path)
    assert not [p for p in reports.problems if "event" in p.message], reports.problems
    (train,) = reports.shipments
    assert [v.text for v in train.via] == ["Орша"]
    assert train.destination is None
    assert [s.station.text for s in reports.sightings] == ["Орша"]


def _time_log(folder: Path, name: str = "log.csv") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(
        "Станция,Событие,Дата,Время,Вагонов,Источник\n"
        "Орша,прибытие,14.05.2023,01:30,40,Гаюн\n"
        "Брест,прибытие,15.05.2023,18:40,30,Гаюн\n"
        "Жлобин,транзит,16.05.2023,,44,Гаюн\n",  # a day, no time: nothing to convert
        encoding="utf-8",
    )
    return path


_LOCAL = [datetime(2023, 5, 14, 1, 30), datetime(2023, 5, 15, 18, 40), datetime(2023, 5, 16)]
_MINSK = [datetime(2023, 5, 13, 22, 30), datetime(2023, 5, 15, 15, 40), datetime(2023, 5, 16)]


def test_tz_reads_a_tables_clock_times_as_local(tmp_path: Path) -> None:
    path = _time_log(tmp_path)
    assert sorted(x.seen_at for x in load_reports(path).sightings) == _LOCAL
    zoned = load_reports(path, tz=parse_zone("Europe/Minsk"))
    # 01:30 in Minsk is 22:30 UTC the day before
    assert sorted(x.seen_at for x in zoned.sightings) == _MINSK
    out = runner.invoke(app, ["load", str(path), "--json", "--tz", "Europe/Warsaw"])
    sightings = [r for r in _jsonl(out.stdout) if r.get("record") == "sighting"]
    assert min(s["seen_at"] for s in sightings) == "2023-05-13T23:30:00"  # UTC+2 in May


def test_a_tables_iso_times_are_local_with_tz(tmp_path: Path) -> None:
    path = tmp_path / "seen.csv"
    path.write_text(
        "station,seen_at,source\nBrest,2023-05-15T06:40,Hajun\nOrsha,2023-05-15,Hajun\n",
        encoding="utf-8",
    )
    zoned = load_reports(path, tz=parse_zone("Europe/Kyiv"))
    assert [x.seen_at for x in zoned.sightings] == [
        datetime(2023, 5, 15, 3, 40),
        datetime(2023, 5, 15),
    ]


def test_tz_reaches_tables_read_by_worker_processes(tmp_path: Path) -> None:
    paths = [_time_log(tmp_path, f"log{i}.csv") for i in range(3)]
    zoned = load_reports(paths, tz=parse_zone("Europe/Minsk"), workers=2)
    assert sorted({x.seen_at for x in zoned.sightings}) == _MINSK


def test_tz_reaches_tables_read_on_a_dask_cluster(client: Any, tmp_path: Path) -> None:
    paths = [_time_log(tmp_path, f"log{i}.csv") for i in range(2)]
    zoned = load_reports(paths, tz=parse_zone("Europe/Minsk"), client=client)
    assert sorted({x.seen_at for x in zoned.sightings}) == _MINSK


def test_load_json_output_is_not_shifted_again_by_tz(tmp_path: Path) -> None:
    out = runner.invoke(app, ["load", str(_time_log(tmp_path)), "--json"])
    again = tmp_path / "again.jsonl"
    again.write_text(out.stdout, encoding="utf-8")
    reread = load_reports(again, tz=parse_zone("Europe/Minsk"))
    assert sorted(x.seen_at for x in reread.sightings) == _LOCAL


# -- F12: a hand log with no source column ---------------------------------------------------


@pytest.mark.parametrize(
    "header",
    ["Станция;Событие;Дата;Вагонов", "Stacja;Zdarzenie;Data;Wagony", "station;event;date;cars"],
)
def test_a_log_without_sources_says_so_once(tmp_path: Path, header: str) -> None:
    path = tmp_path / "log.csv"
    rows = [
        "Орша;прибытие;14.05.2023;40",
        "Брест;убытие;15.05.2023;30",
        "Жлобин;транзит;16.05.2023;44",
    ]
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    reports = load_reports(path)
    assert len(reports.shipments) == 3
    (problem,) = [p for p in reports.problems if p.field == "source"]
    assert "no source given in any row (3 rows, 2 to 4)" in problem.message


def test_rows_without_a_source_in_a_sourced_log_are_said_once_each(tmp_path: Path) -> None:
    path = tmp_path / "log.csv"
    path.write_text(
        "Станция;Событие;Дата;Вагонов;Источник\n"
        "Орша;транзит;14.05.2023;40;Гаюн\n"
        "Брест;транзит;15.05.2023;30;\n"
        "Жлобин;транзит;16.05.2023;44;\n",
        encoding="utf-8",
    )
    reports = load_reports(path)
    assert len(reports.sightings) == 3  # each row: a train and a sighting
    sourced = [p for p in reports.problems if "no source given" in p.message]
    assert [p.row for p in sourced] == [3, 4]


def test_one_row_without_source_is_said_of_that_row(tmp_path: Path) -> None:
    path = tmp_path / "log.csv"
    path.write_text("Станция;Событие;Дата;Вагонов\nОрша;транзит;14.05.2023;40\n", encoding="utf-8")
    reports = load_reports(path)
    (problem,) = [p for p in reports.problems if p.field == "source"]
    assert problem.row == 2


def test_utc_is_the_time_of_unix_dates(tmp_path: Path) -> None:
    path = _export(tmp_path, [_message(3)])
    (train,) = load_reports(path).shipments
    assert train.source.published_at == datetime(2023, 3, 3, 10, 15, tzinfo=UTC)


# -- review #3: a converted folder keeps its retractions -------------------------------------


def _told_and_retracted(folder: Path) -> Path:
    from tests._report_files import write_report

    write_report(folder / "a", "a.txt", _TOLD, "2023-05-15")
    write_report(folder / "a", "c.txt", "Сёння ў Оршу прыбыў эшалон з 30 вагонаў.", "2023-05-14")
    write_report(folder / "b", "b.txt", _RETRACTED["ru"], "2023-05-15")
    return folder


def _retracted(problems: list[Any]) -> list[str]:
    return sorted(
        f"{Path(p.path).name}: {p.message}" for p in problems if "is retracted by" in p.message
    )


def test_a_batched_conversion_keeps_a_retraction_of_an_earlier_batch(tmp_path: Path) -> None:
    folder = _told_and_retracted(tmp_path / "in")
    expected = _retracted(load_reports(folder).problems)
    assert len(expected) == 1
    assert expected[0].startswith("a.txt: train a-t1")
    out = tmp_path / "season"
    conv = runner.invoke(app, ["convert", str(folder), "--out", str(out), "--batch-files", "1"])
    assert conv.exit_code == 1, conv.output  # the retraction is a problem
    assert _retracted(load_reports(out).problems) == expected
    manifest = json.loads((out / "railtrack-reports.json").read_text(encoding="utf-8"))
    assert manifest["problems"] == len(load_reports(out).problems)


def test_converted_folders_keep_retractions_for_the_next_load(tmp_path: Path) -> None:
    folder = _told_and_retracted(tmp_path / "in")
    expected = _retracted(load_reports(folder).problems)
    for part in ("a", "b"):
        runner.invoke(app, ["convert", str(folder / part), "--out", str(tmp_path / part)])
    assert _retracted(load_reports([tmp_path / "a", tmp_path / "b"]).problems) == expected
    assert _retracted(load_reports([tmp_path / "a", folder / "b"]).problems) == expected
    assert _retracted(load_reports([folder / "a", tmp_path / "b"]).problems) == expected
    # a folder converted whole says it once, as its load did
    runner.invoke(app, ["convert", str(folder), "--out", str(tmp_path / "whole")])
    assert _retracted(load_reports(tmp_path / "whole").problems) == expected


def test_the_dask_engine_keeps_a_retraction_of_a_batched_conversion(
    client: Any, tmp_path: Path
) -> None:
    from railtrack import load_network
    from railtrack.engine_dask import track_converted
    from railtrack.pipeline import track
    from tests._engines import assert_engines_agree

    folder = _told_and_retracted(tmp_path / "in")
    out = tmp_path / "season"
    runner.invoke(app, ["convert", str(folder), "--out", str(out), "--batch-files", "1"])
    network = load_network()
    default = track(load_reports(folder), network)
    on_dask = track_converted(out, network, client)
    assert_engines_agree(default, on_dask)
    assert _retracted(on_dask.problems) == _retracted(default.problems) != []


def test_the_dask_engine_reads_tz_as_load_does(client: Any, tmp_path: Path) -> None:
    from railtrack import load_network
    from railtrack.engine_dask import track_converted
    from railtrack.pipeline import track
    from tests._engines import assert_engines_agree

    path = _night_export(tmp_path / "in")
    out = tmp_path / "season"
    conv = runner.invoke(app, ["convert", str(path), "--out", str(out), "--tz", "Europe/Minsk"])
    assert conv.exit_code == 0, conv.output
    network = load_network()
    default = track(load_reports(path, tz=parse_zone("Europe/Minsk")), network)
    on_dask = track_converted(out, network, client)
    assert_engines_agree(default, on_dask)


@pytest.mark.parametrize(
    ("field", "raw"),
    [
        ("id", "1" + "0" * 30),  # past what the C parser holds: the file was lost
        ("date_unixtime", "1" + "0" * 30),
        ("date_unixtime", "1e400"),
        ("reply_to_message_id", "-" + "9" * 25),
    ],
)
def test_a_number_too_large_for_the_parser_costs_only_its_message(
    tmp_path: Path, field: str, raw: str
) -> None:
    messages = [_message(2), _message(3, **{field: "@@"}), _message(4)]
    text = json.dumps(_export_doc(messages), indent=1).replace('"@@"', raw)
    path = tmp_path / "result.json"
    path.write_text(text, encoding="utf-8")
    reports = load_reports(path)
    expected = [2, 3, 4] if field == "reply_to_message_id" else [2, 4]
    assert _posts(reports) == expected
    (problem,) = reports.problems
    assert problem.field == field
    assert "breaks off" not in problem.message


def _export_doc(messages: list[Any]) -> dict[str, Any]:
    return {"name": "Rail watch", "type": "public_channel", "id": CHAT_ID, "messages": messages}


# -- the same faults in an HTML export -------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "said"),
    [
        ("01.01.1970 03:00:00 UTC+03:00", "before Telegram opened"),
        ("01.01.0001 00:00:00 UTC+03:00", "no usable date"),  # before year 1 in UTC
        ("31.12.9999 23:00:00 UTC-03:00", "no usable date"),  # past year 9999 in UTC
        ("03.03.2023 12:00:00 UTC+99:00", "no usable date"),
        ("01.06.2005 12:00:00", "before Telegram opened"),
    ],
)
def test_an_html_message_with_an_impossible_date_is_a_problem(
    tmp_path: Path, title: str, said: str
) -> None:
    from tests._telegram_exports import Msg, at, html_page

    page = html_page([Msg(2, GOOD_TEXT, when=at(3, 10)), Msg(3, GOOD_TEXT, when=at(3, 11))])
    page = page.replace('title="03.03.2023 11:00:00 UTC+03:00"', f'title="{title}"')
    path = tmp_path / "export" / "messages.html"
    path.parent.mkdir()
    path.write_text(page, encoding="utf-8")
    reports = load_reports(path)
    assert _posts(reports) == [2]
    (problem,) = reports.problems
    assert (problem.row, problem.field) == (3, "date")
    assert said in problem.message


def test_an_html_message_id_past_telegrams_ids_is_a_problem(tmp_path: Path) -> None:
    from tests._telegram_exports import Msg, at, html_page

    page = html_page([Msg(2, GOOD_TEXT, when=at(3, 10)), Msg(3, GOOD_TEXT, when=at(3, 11))])
    page = page.replace('id="message3"', 'id="message99999999999999999999999"')
    path = tmp_path / "export" / "messages.html"
    path.parent.mkdir()
    path.write_text(page, encoding="utf-8")
    reports = load_reports(path)
    assert _posts(reports) == [2]
    (problem,) = reports.problems
    assert problem.field == "id"

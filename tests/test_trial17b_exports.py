"""Trial 17b T11-T12 and trial 17 T9, helper "exports": fields of Telegram exports.

T11: a text entity with no ``text`` or a number in a ``text`` array lost the whole
post; a non-numeric chat id made ``t.me/c/not-a-number`` links; a post with no
``date_unixtime`` was dated by the exporting computer's clock silently. T12: ``--tz
Minsk`` got no suggestion. Trial 17 T9: an unknown ``--channel-username`` name was
ignored silently.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from railtrack.cli import app
from railtrack.io import load_reports
from railtrack.zones import UnknownZone, parse_zone

# 01:30 in Minsk on 16 May 2026 is 22:30 UTC on 15 May
POSTED = int(datetime(2026, 5, 15, 22, 30, tzinfo=UTC).timestamp())
HAJUN = "Беларускі Гаюн"  # a channel data/outlets/zones.csv puts in Europe/Minsk


def _export(folder: Path, messages: list[dict[str, Any]], **chat: Any) -> Path:
    doc = {"name": HAJUN, "type": "public_channel", "id": 1549397001, "messages": messages}
    doc.update(chat)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "result.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return folder


def _post(mid: int, text: Any, **fields: Any) -> dict[str, Any]:
    post = {
        "id": mid,
        "type": "message",
        "date": "2026-05-16T01:30:00",
        "date_unixtime": str(POSTED),
        "text": text,
    }
    post.update(fields)
    return {k: v for k, v in post.items() if v is not None}


# -- T11: broken fields of a JSON export -----------------------------------------------------

GOMEL = "Сегодня в Гомель прибыл эшелон из 50 вагонов."


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ([{"type": "bold"}, GOMEL, 42], ["part 1 is a text entity with no 'text'", "part 3"]),
        ([GOMEL, 7], ["part 2 is a number (7), not a string"]),
        ([{"type": "link", "text": 5}, GOMEL], ["part 1 is a text entity whose 'text' is"]),
        ([GOMEL, None, True], ["part 2 is null", "part 3 is true"]),
    ],
)
def test_a_text_part_with_no_text_is_named_and_the_rest_is_read(
    tmp_path: Path, text: list[Any], said: list[str]
) -> None:
    reports = load_reports(_export(tmp_path, [_post(4, text)]))
    (train,) = reports.shipments
    assert train.cars.total == 50  # the 50-car train is not lost
    (problem,) = reports.problems
    assert (problem.row, problem.field) == (4, "text")
    assert all(words in problem.message for words in said)
    assert "the rest of the text is read" in problem.message


def test_a_text_with_only_broken_parts_is_a_problem(tmp_path: Path) -> None:
    reports = load_reports(_export(tmp_path, [_post(4, [{"type": "bold"}, 42])]))
    assert reports.shipments == []
    (problem,) = reports.problems
    assert "no text is left" in problem.message


def test_a_good_text_array_is_no_problem(tmp_path: Path) -> None:
    """Negative: strings and entities with text read as before."""
    text = ["Сегодня в ", {"type": "bold", "text": "Гомель"}, " прибыл эшелон из 50 вагонов."]
    reports = load_reports(_export(tmp_path, [_post(4, text)]))
    assert [s.cars.total for s in reports.shipments] == [50]
    assert reports.problems == []


@pytest.mark.parametrize("bad", ["not-a-number", "-100", "", 0, -1549397001, 1.5])
def test_a_chat_id_that_is_no_number_is_a_problem_and_makes_no_link(
    tmp_path: Path, bad: Any
) -> None:
    reports = load_reports(_export(tmp_path, [_post(1, GOMEL)], id=bad))
    (train,) = reports.shipments
    assert train.source.url is None
    assert not train.id.startswith(f"tg-{bad}-")
    (problem,) = reports.problems
    assert problem.field == "id"
    assert "not a channel number" in problem.message


@pytest.mark.parametrize("good", [1549397001, "1549397001"])
def test_a_numeric_chat_id_makes_its_link(tmp_path: Path, good: Any) -> None:
    """Negative: a number, or its digits, is the channel's id."""
    reports = load_reports(_export(tmp_path, [_post(1, GOMEL)], id=good))
    assert [s.source.url for s in reports.shipments] == ["https://t.me/c/1549397001/1"]
    assert reports.problems == []


def test_a_post_with_no_unix_time_says_its_date_is_local_time(tmp_path: Path) -> None:
    folder = _export(
        tmp_path, [_post(1, GOMEL, date="2026-05-19T10:00:00", date_unixtime=None)], name="Rail"
    )
    reports = load_reports(folder)
    (train,) = reports.shipments
    assert train.source.published_at == datetime(2026, 5, 19, 10, 0)  # taken as UTC
    (problem,) = reports.problems
    assert (problem.row, problem.field) == (1, "date_unixtime")
    assert "local time of the computer that made the export" in problem.message
    assert "read as UTC" in problem.message


def test_a_post_with_no_unix_time_is_read_in_the_tz_given(tmp_path: Path) -> None:
    folder = _export(
        tmp_path, [_post(1, GOMEL, date="2026-05-19T10:00:00", date_unixtime=None)], name="Rail"
    )
    reports = load_reports(folder, tz=parse_zone("Europe/Minsk"))
    (train,) = reports.shipments
    assert train.source.published_at is not None
    assert train.source.published_at.astimezone(UTC) == datetime(2026, 5, 19, 7, tzinfo=UTC)
    (problem,) = reports.problems
    assert "read as Europe/Minsk time (--tz)" in problem.message


def test_many_posts_with_no_unix_time_are_one_problem(tmp_path: Path) -> None:
    posts = [
        _post(n, GOMEL, date=f"2026-05-{n + 10:02d}T10:00:00", date_unixtime=None)
        for n in range(1, 8)
    ]
    reports = load_reports(_export(tmp_path, posts))
    (problem,) = reports.problems
    assert problem.row is None
    assert "7 posts (messages 1, 2, 3, 4, 5 and 2 more)" in problem.message


def test_a_post_with_unix_time_is_no_problem(tmp_path: Path) -> None:
    """Negative: date_unixtime given, nothing to say."""
    reports = load_reports(_export(tmp_path, [_post(1, GOMEL)]))
    assert reports.problems == []


# -- T12: a bare city for --tz -----------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "meant"),
    [
        ("Minsk", "Europe/Minsk"),
        ("minsk", "Europe/Minsk"),
        ("Kyiv", "Europe/Kyiv"),
        ("Kiev", "Europe/Kyiv"),
        ("warsaw", "Europe/Warsaw"),
        ("new york", "America/New_York"),
    ],
)
def test_a_bare_city_suggests_its_zone(name: str, meant: str) -> None:
    with pytest.raises(UnknownZone, match=f"did you mean {meant}\\?"):
        parse_zone(name)


def test_a_name_that_is_no_city_suggests_nothing() -> None:
    """Negative: no place of that name, no guess."""
    with pytest.raises(UnknownZone) as caught:
        parse_zone("Atlantis")
    assert "did you mean" not in str(caught.value)


def test_tz_option_suggests_the_zone_of_a_city(tmp_path: Path) -> None:
    folder = _export(tmp_path, [_post(1, GOMEL)])
    result = CliRunner().invoke(app, ["load", str(folder), "--tz", "Minsk"])
    assert result.exit_code == 2
    assert "did you mean Europe/Minsk?" in result.output


# -- trial17 T9: an unknown --channel-username name ------------------------------------------


def test_an_unknown_channel_username_name_lists_the_channels(tmp_path: Path) -> None:
    folder = _export(tmp_path, [_post(1, GOMEL)])
    result = CliRunner().invoke(
        app, ["load", str(folder), "--json", "--channel-username", "Hajun=Hajun_BY"]
    )
    problems = [json.loads(line) for line in result.output.splitlines() if '"problem"' in line]
    (problem,) = problems
    assert "no channel named 'Hajun' in the input" in problem["message"]
    assert f"channels: {HAJUN}, id 1549397001" in problem["message"]
    assert "https://t.me/c/1549397001/1" in result.output


@pytest.mark.parametrize("name", [HAJUN, HAJUN.upper(), "1549397001"])
def test_a_known_channel_username_name_links_without_a_problem(tmp_path: Path, name: str) -> None:
    """Negative: the title (any case) or the id names the channel."""
    folder = _export(tmp_path, [_post(1, GOMEL)])
    reports = load_reports(folder).with_channel_usernames({name: "Hajun_BY"})
    assert [s.source.url for s in reports.shipments] == ["https://t.me/Hajun_BY/1"]
    assert reports.problems == []

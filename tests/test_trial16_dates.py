"""Trial 15, helper "dates": which day a fact happened.

S1: a Roman-numeral month ("19.V", "19 V 2023") lost the date. T9: a later clock time
earlier than the one before it in the same narrative ("учора а 23:50 ... а 00:40") is
past midnight. T6: a byline date under the headline is the publication day, never a
train's. T7: a date on the reporting verb ("У панядзелак Гаюн паведаміў, што ...")
dates the report, not the event. T5: a Telegram post's "today" is the channel's local
day (``--tz``, or a known channel's zone), and its clock times are converted to UTC.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from railtrack.extract import extract_shipments
from railtrack.io import ReportSet, load_reports
from railtrack.models import Shipment
from railtrack.zones import known_zones, parse_zone


def _arrival(text: str, published: date) -> tuple[date | None, date | None]:
    shipments = extract_shipments(text, published=published, network=False).shipments
    assert len(shipments) == 1, [s.id for s in shipments]
    window = shipments[0].expected_arrival
    assert window is not None
    return window.earliest, window.latest


# ------------------------------------------------------- S1: Roman-numeral months

_ROMAN = [
    ("pl", "19.V do Brześcia przyjechał pociąg z 40 wagonami.", date(2023, 5, 19)),
    ("pl", "Dnia 19.V do Brześcia przyjechał pociąg z 40 wagonami.", date(2023, 5, 19)),
    ("pl", "19 V 2023 r. do Brześcia przyjechał pociąg z 40 wagonami.", date(2023, 5, 19)),
    ("pl", "3.XII.2022 do Brześcia przyjechał pociąg z 40 wagonami.", date(2022, 12, 3)),
    ("be", "19.V.2023 у Брэст прыбыў эшалон з 40 вагонаў.", date(2023, 5, 19)),
    ("be", "11.IV у Лунінец прыбыў эшалон з 36 вагонаў.", date(2023, 4, 11)),
    ("ru", "19.V в Брест прибыл эшелон из 40 вагонов.", date(2023, 5, 19)),
    ("ru", "2 IV 2023 г. в Брест прибыл эшелон из 40 вагонов.", date(2023, 4, 2)),
    ("uk", "19.V до Бреста прибув ешелон із 40 вагонів.", date(2023, 5, 19)),
    ("uk", "8/III до Бреста прибув ешелон із 40 вагонів.", date(2023, 3, 8)),
]


@pytest.mark.parametrize(("lang", "text", "day"), _ROMAN)
def test_roman_numeral_month_is_the_month(lang: str, text: str, day: date) -> None:
    assert _arrival(text, date(2023, 5, 20)) == (day, day), lang


def test_lower_case_i_is_a_word_not_january() -> None:
    shipments = extract_shipments(
        "15 i 17 maja do Brześcia przyjechały dwa pociągi.",
        published=date(2023, 5, 20),
        network=False,
    ).shipments
    days = sorted(s.expected_arrival.earliest for s in shipments if s.expected_arrival)
    assert days == [date(2023, 5, 15), date(2023, 5, 17)]


# ------------------------------------------------- T9: clock times across midnight

_MIDNIGHT = [
    ("be", "Эшалон з 40 вагонаў, які ўчора а 23:50 прайшоў Оршу, а 00:40 быў ужо ў Шклове."),
    ("ru", "Эшелон из 40 вагонов вчера в 23:50 прошёл Оршу, а в 00:40 был уже в Шклове."),
    ("uk", "Ешелон із 40 вагонів учора о 23:50 пройшов Оршу, а о 00:40 був уже в Шклові."),
    (
        "pl",
        "Pociąg z 40 wagonami wczoraj o 23:50 przejechał przez Orszę, "
        "a o 00:40 był już w Szkłowie.",
    ),
    ("en", "The 40-car train passed Orsha at 23:50 yesterday and was in Shklov by 00:40."),
]


def _seen(text: str) -> list[datetime]:
    result = extract_shipments(text, published=date(2023, 5, 20))
    return [x.seen_at for x in sorted(result.sightings, key=lambda x: x.id)]


@pytest.mark.parametrize(("lang", "text"), _MIDNIGHT)
def test_later_clock_time_past_midnight_is_the_next_day(lang: str, text: str) -> None:
    assert _seen(text) == [datetime(2023, 5, 19, 23, 50), datetime(2023, 5, 20, 0, 40)], lang


def test_three_times_in_turn_roll_once() -> None:
    text = "Вчера в 22:10 эшелон прошёл Оршу, в 23:40 — Шклов, а в 01:15 был уже в Могилёве."
    assert _seen(text) == [
        datetime(2023, 5, 19, 22, 10),
        datetime(2023, 5, 19, 23, 40),
        datetime(2023, 5, 20, 1, 15),
    ]


def test_times_of_two_day_words_are_not_rolled() -> None:
    text = "Учора а 23:50 эшалон прайшоў Оршу, а сёння а 00:40 ён быў у Шклове."
    assert sorted(_seen(text)) == [datetime(2023, 5, 19, 23, 50), datetime(2023, 5, 20, 0, 40)]


# --------------------------------------------------- T6: a byline is no event date

_BYLINES = [
    (
        "uk",
        "До Білорусі прибули ще два ешелони з Росії\n18 травня 2023, 10:15\n"
        "17 травня до Білорусі з Росії прибули ще два військові ешелони. Перший, 45 вагонів, "
        "прибув на станцію Барановичі-Поліські.",
    ),
    (
        "en",
        "Two more Russian trains arrive in Belarus\nMay 18, 2023, 12:00\n"
        "Two more Russian military trains arrived in Belarus on May 17. The first, with 45 "
        "cars, arrived at Baranovichi-Polesskiye station.",
    ),
    (
        "pl",
        "Kolejne pociągi na Białorusi\n18 maja 2023, 10:15\n"
        "17 maja na Białoruś przyjechał kolejny pociąg wojskowy z 45 wagonami, "
        "dotarł na stację Baranowicze Poleskie.",
    ),
    (
        "ru",
        "В Беларусь прибыли ещё эшелоны\n18.05.2023 10:15\n"
        "17 мая в Барановичи прибыл военный эшелон из 45 вагонов.",
    ),
    (
        "be",
        "У Беларусь прыбылі яшчэ эшалоны\nчацвер, 18 траўня 2023\n"
        "17 траўня ў Баранавічы прыбыў вайсковы эшалон з 45 вагонаў.",
    ),
    (
        "en",
        "Trains keep coming\n18 May 2023 | 12:00\nYesterday a train of 45 cars arrived in "
        "Baranovichi.",
    ),
]


@pytest.mark.parametrize(("lang", "text"), _BYLINES)
def test_byline_date_is_not_the_arrival(lang: str, text: str) -> None:
    shipments = extract_shipments(text, published=date(2023, 5, 18), network=False).shipments
    days = {
        (s.expected_arrival.earliest, s.expected_arrival.latest)
        for s in shipments
        if s.expected_arrival
    }
    assert shipments, lang
    assert days == {(date(2023, 5, 17), date(2023, 5, 17))}, lang


def test_a_day_heading_without_year_or_time_still_dates_the_train() -> None:
    text = "19 мая\nВ Брест прибыл эшелон из 40 вагонов."
    assert _arrival(text, date(2023, 5, 20)) == (date(2023, 5, 19), date(2023, 5, 19))


# -------------------------------------- T7: the report's day is not the event's day

_REPORT_AND_EVENT = [
    (
        "be",
        "У панядзелак «Гаюн» паведаміў, што ў нядзелю ў Брэст прыбыў эшалон з 40 вагонаў.",
    ),
    ("be", "У аўторак Гаюн напісаў, што ў нядзелю ў Брэст прыбыў эшалон з 40 вагонаў."),
    (
        "uk",
        "У понеділок «Гаюн» повідомив, що в неділю до Бреста прибув ешелон із 40 вагонів.",
    ),
    (
        "ru",
        "В понедельник «Гаюн» сообщил, что в воскресенье в Брест прибыл эшелон из 40 вагонов.",
    ),
    ("ru", "Во вторник Гаюн заявил, что 14 мая в Брест прибыл эшелон из 40 вагонов."),
    (
        "pl",
        "W poniedziałek Hajun poinformował, że w niedzielę do Brześcia przyjechał pociąg.",
    ),
    ("pl", "We wtorek Hajun przekazał, że 14 maja do Brześcia przyjechał pociąg z 40 wagonami."),
    (
        "en",
        "On Monday, Hajun reported that a train with 40 cars had arrived in Brest on Sunday.",
    ),
    ("en", "Hajun said on Tuesday that a train with 40 cars had arrived in Brest on Sunday."),
]


@pytest.mark.parametrize(("lang", "text"), _REPORT_AND_EVENT)
def test_date_inside_the_told_clause_is_the_event(lang: str, text: str) -> None:
    # published Wednesday 17 May 2023: Sunday is 14 May, the report's day 15 or 16 May
    assert _arrival(text, date(2023, 5, 17)) == (date(2023, 5, 14), date(2023, 5, 14)), lang


_REPORT_ONLY = [
    ("uk", "Учора «Білоруський Гаюн» повідомив, що до Бреста прибув ешелон із 40 вагонів."),
    ("be", "Учора Гаюн паведаміў, што ў Брэст прыбыў эшалон з 40 вагонаў."),
    ("ru", "Вчера «Гаюн» сообщил, что в Брест прибыл эшелон из 40 вагонов."),
    (
        "pl",
        "Wczoraj Białoruski Hajun poinformował, że do Brześcia przyjechał pociąg z 40 wagonami.",
    ),
    ("en", "Belarusian Hajun reported yesterday that a train with 40 cars had arrived in Brest."),
    ("en", "On Tuesday, Hajun said that a train with 40 cars arrived in Brest."),
]


@pytest.mark.parametrize(("lang", "text"), _REPORT_ONLY)
def test_report_day_alone_bounds_the_event(lang: str, text: str) -> None:
    # the event was on or before the report's day (16 May), not on it
    assert _arrival(text, date(2023, 5, 17)) == (None, date(2023, 5, 16)), lang


def test_reporting_verb_after_the_event_leaves_its_date() -> None:
    text = "Вчера в Брест прибыл эшелон из 40 вагонов, сообщил Гаюн."
    assert _arrival(text, date(2023, 5, 17)) == (date(2023, 5, 16), date(2023, 5, 16))


# ------------------------------- T5: a Telegram post's "today" is the channel's day


def _export(tmp_path: Path, channel: str, posts: list[tuple[int, str, str]]) -> Path:
    """Write a Telegram Desktop export of ``(id, local Minsk time, text)`` posts.

    ``date`` is the local time of the exporting computer (here Minsk, UTC+3) and
    ``date_unixtime`` the UTC moment, as Telegram Desktop writes them.
    """
    messages = []
    for message_id, local, text in posts:
        moment = datetime.fromisoformat(local).replace(tzinfo=ZoneInfo("Europe/Minsk"))
        messages.append(
            {
                "id": message_id,
                "type": "message",
                "date": local,
                "date_unixtime": str(int(moment.timestamp())),
                "from": channel,
                "from_id": "channel1500000002",
                "text": text,
            }
        )
    chat = {"name": channel, "type": "public_channel", "id": 1500000002, "messages": messages}
    path = tmp_path / "result.json"
    path.write_text(json.dumps(chat, ensure_ascii=False), encoding="utf-8")
    return path


_NIGHT_POSTS = [
    (200, "2023-05-15T01:30:00", "Учора ўвечары ў Брэст прыбыў эшалон з 40 вагонаў."),
    (
        201,
        "2023-05-16T02:10:00",
        "Сёння а 01:20 праз Оршу ў бок Мінска прайшоў эшалон з 44 вагонаў.",
    ),
    (202, "2023-05-17T00:30:00", "Вчера в Барановичи прибыл эшелон из 36 вагонов."),
    (203, "2023-05-18T02:40:00", "Wczoraj do Brześcia przyjechał pociąg z 45 wagonami."),
]


def _by_post(reports: ReportSet) -> dict[int, Shipment]:
    return {int(s.id.split("-")[2]): s for s in reports.shipments}


def test_known_channel_reads_night_posts_against_its_local_day(tmp_path: Path) -> None:
    reports = load_reports(_export(tmp_path, "Беларускі Гаюн", _NIGHT_POSTS))
    trains = _by_post(reports)
    assert trains[200].source.published == date(2023, 5, 15)
    assert trains[200].expected_arrival.earliest == date(2023, 5, 14)
    assert trains[202].expected_arrival.earliest == date(2023, 5, 16)
    assert trains[203].expected_arrival.earliest == date(2023, 5, 17)
    # "Сёння а 01:20" on 16 May in Minsk is 15 May 22:20 UTC
    assert [x.seen_at for x in reports.sightings] == [datetime(2023, 5, 15, 22, 20)]


def test_unknown_channel_keeps_the_utc_day_unless_tz_is_given(tmp_path: Path) -> None:
    path = _export(tmp_path, "Rail watch", _NIGHT_POSTS)
    plain = _by_post(load_reports(path))
    assert plain[200].expected_arrival.earliest == date(2023, 5, 13)  # UTC day 14 May
    zoned = load_reports(path, tz=parse_zone("Europe/Minsk"))
    assert _by_post(zoned)[200].expected_arrival.earliest == date(2023, 5, 14)
    assert [x.seen_at for x in zoned.sightings] == [datetime(2023, 5, 15, 22, 20)]


def test_tz_option_wins_and_a_bad_zone_is_a_clear_error(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from railtrack.cli import app

    path = _export(tmp_path, "Беларускі Гаюн", _NIGHT_POSTS[1:2])
    runner = CliRunner()
    out = runner.invoke(app, ["load", str(path), "--json", "--tz", "UTC"])
    assert out.exit_code == 0, out.output
    seen = [json.loads(line) for line in out.stdout.splitlines() if '"sighting"' in line]
    assert [s["seen_at"] for s in seen] == ["2023-05-15T01:20:00"]  # as told, UTC
    bad = runner.invoke(app, ["load", str(path), "--tz", "Minsk"])
    assert bad.exit_code == 2
    assert "not an IANA zone name" in bad.output


def test_zone_table_names_known_outlets_and_real_zones() -> None:
    from railtrack.outlets import outlet_name

    zones = known_zones()
    assert zones
    for outlet, zone in zones.items():
        assert outlet_name(outlet) == outlet  # a row of outlets.csv
        assert zone.utcoffset(datetime(2023, 5, 15)) is not None

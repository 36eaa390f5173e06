"""Trial 14, helper "links": one train told by several reports is counted once.

T2/T12: "праз Оршу ў кірунку Мінска" tells a direction, not where the train stops; a
later report of it stopping on the way (Borisov) was a second train, with a wrong
destination (Minsk) and a "likely arrived" there. T12: "Pociąg, o którym pisaliśmy
rano, dotarł do Borysowa" (and a Telegram reply) speaks of the morning's train. T13:
"Ешелон, що прибув до Осиповичів, уже розвантажують" follows a train up. T1: a
next-day recap of the channel's two posts links to them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from railtrack.extract import extract_shipments
from railtrack.extract.headings import told_as_direction
from railtrack.extract.toldbefore import speaks_of_told_train
from railtrack.io import load_reports
from railtrack.network import RailNetwork, load_network
from railtrack.onward import way_test
from railtrack.pipeline import resolve_reports, track
from railtrack.tracking import track_status
from tests._engines import assert_engines_agree
from tests._report_files import write_report as _write


@pytest.fixture(scope="module")
def network() -> RailNetwork:
    """The embedded network."""
    return load_network()


# ------------------------------------------------------------ the words (lexicons)

_DIRECTIONS = [
    ("be", "Эшалон прайшоў праз Оршу ў кірунку Мінска.", "Мінска"),
    ("be", "Цягнік рухаўся ў бок Мінска.", "Мінска"),
    ("ru", "Эшелон прошёл через Оршу в направлении Минска.", "Минска"),
    ("ru", "Состав ушёл в сторону Минска.", "Минска"),
    ("uk", "Ешелон пройшов Оршу у напрямку Мінська.", "Мінська"),
    ("pl", "Pociąg przejechał przez Orszę w kierunku Mińska.", "Mińska"),
    ("pl", "Skład jechał w stronę Mińska.", "Mińska"),
    ("en", "A train passed Orsha towards Minsk.", "Minsk"),
    ("en", "A train passed Orsha in the direction of Minsk.", "Minsk"),
]
_ENDS = [
    ("en", "A train left Orsha heading to Minsk.", "Minsk"),
    ("en", "A train bound for Minsk left Orsha.", "Minsk"),
    ("ru", "Эшелон направляется в Минск.", "Минск"),
    ("pl", "Pociąg dotarł do Mińska.", "Mińska"),
    ("be", "Эшалон прыбыў у Мінск.", "Мінск"),
]


@pytest.mark.parametrize(("lang", "text", "place"), _DIRECTIONS)
def test_a_direction_word_before_the_place(lang: str, text: str, place: str) -> None:
    assert told_as_direction(text, text.index(place), lang)


@pytest.mark.parametrize(("lang", "text", "place"), _ENDS)
def test_an_end_is_no_direction(lang: str, text: str, place: str) -> None:
    assert not told_as_direction(text, text.index(place), lang)


_TOLD_BEFORE = [
    ("ru", "Эшелон, о котором мы писали утром, прибыл в Борисов."),
    ("ru", "Эшелон, о котором сообщалось вчера, разгружают в Барановичах."),
    ("ru", "Эшелон, который прибыл в Осиповичи, уже разгружают."),
    ("uk", "Ешелон, про який ми писали вранці, прибув до Борисова."),
    ("uk", "Ешелон, що прибув до Осиповичів, уже розвантажують."),
    ("uk", "Ешелон, який учора прибув до Бреста, розвантажують."),
    ("be", "Эшалон, пра які мы пісалі раніцай, прыбыў у Барысаў."),
    ("be", "Эшалон, які прыбыў у Асіповічы, ужо разгружаюць."),
    ("be", "Эшалон, які ранкам прайшоў праз Оршу, прыбыў у Барысаў."),
    ("pl", "Pociąg, o którym pisaliśmy rano, dotarł do Borysowa."),
    ("pl", "Skład, który przyjechał do Osipowicz, jest już rozładowywany."),
    ("pl", "Pociąg, który 18 kwietnia przejechał przez Mołodeczno, dotarł do Lidy."),
    ("en", "The train we reported earlier reached Barysau in the evening."),
    ("en", "The train, which arrived in Asipovichy, is being unloaded."),
]
_NEW_TRAINS = [
    ("ru", "В Брест прибыл эшелон, который прошёл через Оршу."),
    ("ru", "Сегодня ночью через Оршу прошёл эшелон."),
    ("uk", "До Бреста прибув ешелон, що пройшов через Оршу."),
    ("be", "У Брэст прыбыў эшалон, які прайшоў праз Оршу."),
    ("pl", "Do Brześcia przyjechał pociąg, który przejechał przez Orszę."),
    ("en", "A train which arrived in Brest was seen at Orsha."),
]


@pytest.mark.parametrize(("lang", "text"), _TOLD_BEFORE)
def test_a_train_already_told(lang: str, text: str) -> None:
    assert speaks_of_told_train(text, lang)


@pytest.mark.parametrize(("lang", "text"), _NEW_TRAINS)
def test_a_new_train_is_not_told_before(lang: str, text: str) -> None:
    assert not speaks_of_told_train(text, lang)


def test_the_network_says_what_lies_on_the_way(network: RailNetwork) -> None:
    on_the_way = way_test(network)
    assert on_the_way("BY-ORSHA", "BY-BORISOV", "BY-MINSK")
    assert not on_the_way("BY-ORSHA", "BY-BREST", "BY-MINSK")
    assert not on_the_way("BY-ORSHA", "BY-MINSK", "BY-MINSK")


# ------------------------------------------ a direction is kept as one (T2, the field)

_SEEN = {
    "be": "Сёння а 04:10 праз Оршу ў кірунку Мінска прайшоў эшалон з Расіі: 46 платформаў "
    "з БТР-82 і 3 пасажырскія вагоны.",
    "ru": "Сегодня в 04:10 через Оршу в направлении Минска прошёл эшелон из России: 46 "
    "платформ с БТР-82 и 3 пассажирских вагона.",
    "uk": "Сьогодні о 04:10 через Оршу у напрямку Мінська пройшов ешелон з Росії: 46 "
    "платформ з БТР-82 і 3 пасажирські вагони.",
    "pl": "Dziś o 04:10 przez Orszę w kierunku Mińska przejechał pociąg z Rosji: 46 platform "
    "z BTR-82 i 3 wagony osobowe.",
    "en": "Today at 04:10 a train from Russia passed through Orsha towards Minsk: 46 "
    "flatcars with BTR-82s and 3 passenger cars.",
}


@pytest.mark.parametrize("lang", sorted(_SEEN))
def test_a_direction_is_kept_as_a_heading(lang: str, network: RailNetwork) -> None:
    result = extract_shipments(_SEEN[lang], published="2023-04-24", network=network)
    (ship,) = result.shipments
    assert ship.destination is not None
    assert ship.destination.station_id == "BY-MINSK"
    assert ship.destination_heading


def test_a_told_end_is_no_heading(network: RailNetwork) -> None:
    text = "Сёння праз Оршу прайшоў эшалон у Мінск: 46 платформаў."
    (ship,) = extract_shipments(text, published="2023-04-24", network=network).shipments
    assert not ship.destination_heading


# ------------------------------- a later report of a stop on the way is that train (T2)

_STOPS = {
    "pl": "Jak podaje Biełaruski Hajun, 24 kwietnia przez Orszę przejechał pociąg z 46 "
    "platformami z transporterami BTR-82. Skład dotarł do Borysowa.",
    "en": "According to Belarusian Hajun, on April 24 a train with 46 flatcars carrying "
    "BTR-82s passed Orsha. The train reached Barysau.",
    "ru": "По данным Гаюна, 24 апреля через Оршу прошёл эшелон с 46 платформами с БТР-82. "
    "Состав прибыл в Борисов.",
    "uk": "За даними Гаюна, 24 квітня через Оршу пройшов ешелон з 46 платформами з БТР-82. "
    "Склад прибув до Борисова.",
}


def _week(folder: Path, seen: str, stop: str) -> Path:
    _write(folder, "h1.txt", _SEEN[seen], "2023-04-24")
    _write(folder, "m1.txt", _STOPS[stop], "2023-04-25", relayed_by="Outlet")
    return folder


@pytest.mark.parametrize(("seen", "stop"), [("be", "pl"), ("ru", "en"), ("uk", "ru"), ("pl", "uk")])
def test_a_stop_on_the_way_is_the_same_train(
    tmp_path: Path, network: RailNetwork, seen: str, stop: str
) -> None:
    result = track(load_reports(_week(tmp_path, seen, stop)), network)
    assert result.headline()["shipments"] == 1
    (dest,) = result.shipments["destination_station_id"].tolist()
    assert dest == "BY-BORISOV"  # the stop, not the direction
    assert result.relays["matched_on"].tolist() == ["onward"]


def test_a_stop_off_the_way_or_a_week_later_stays_apart(
    tmp_path: Path, network: RailNetwork
) -> None:
    _write(tmp_path / "a", "h1.txt", _SEEN["be"], "2023-04-24")
    _write(
        tmp_path / "a",
        "m1.txt",
        "24 kwietnia pociąg z 46 platformami dotarł do Brześcia.",
        "2023-04-25",
        relayed_by="Outlet",
    )
    assert track(load_reports(tmp_path / "a"), network).headline()["shipments"] == 2
    _write(tmp_path / "b", "h1.txt", _SEEN["be"], "2023-04-24")
    _write(
        tmp_path / "b",
        "m1.txt",
        "2 maja pociąg z 46 platformami dotarł do Borysowa.",
        "2023-05-03",
        relayed_by="Outlet",
    )
    assert track(load_reports(tmp_path / "b"), network).headline()["shipments"] == 2


def test_a_stop_with_another_count_stays_apart(tmp_path: Path, network: RailNetwork) -> None:
    _write(tmp_path, "h1.txt", _SEEN["be"], "2023-04-24")
    _write(
        tmp_path,
        "m1.txt",
        "24 kwietnia pociąg z 20 platformami dotarł do Borysowa.",
        "2023-04-25",
        relayed_by="Outlet",
    )
    assert track(load_reports(tmp_path), network).headline()["shipments"] == 2


def test_no_likely_arrival_at_a_direction(tmp_path: Path, network: RailNetwork) -> None:
    _write(tmp_path, "h1.txt", _SEEN["be"], "2023-04-24")
    status = track_status(load_reports(tmp_path).resolve(network), network, as_of="2023-05-10")
    assert status["status"].tolist() == ["stale"]
    assert "destination_heading" in status["flags"].iloc[0]


# ------------------------------------- a post closing a sighting, a follow-up (T12, T13)

_CLOSING = {
    "pl": (
        "Dziś w nocy przez Orszę w kierunku Mińska przejechał pociąg wojskowy: 42 platformy "
        "z czołgami i 3 wagony osobowe.",
        "Pociąg, o którym pisaliśmy rano, dotarł do Borysowa o 18:05.",
    ),
    "ru": (
        "Сегодня ночью через Оршу в направлении Минска прошёл воинский эшелон: 42 платформы "
        "с танками и 3 пассажирских вагона.",
        "Эшелон, о котором мы писали утром, прибыл в Борисов.",
    ),
    "uk": (
        "Сьогодні вночі через Оршу у напрямку Мінська пройшов військовий ешелон: 42 "
        "платформи з танками і 3 пасажирські вагони.",
        "Ешелон, про який ми писали вранці, прибув до Борисова.",
    ),
    "be": (
        "Сёння ноччу праз Оршу ў кірунку Мінска прайшоў вайсковы эшалон: 42 платформы з "
        "танкамі і 3 пасажырскія вагоны.",
        "Эшалон, пра які мы пісалі раніцай, прыбыў у Барысаў.",
    ),
    "en": (
        "Tonight a military train passed Orsha towards Minsk: 42 flatcars with tanks and "
        "3 passenger cars.",
        "The train we reported earlier arrived in Barysau in the evening.",
    ),
}


@pytest.mark.parametrize("lang", sorted(_CLOSING))
def test_a_post_closing_a_sighting_is_the_same_train(
    tmp_path: Path, network: RailNetwork, lang: str
) -> None:
    first, second = _CLOSING[lang]
    _write(tmp_path, "a.txt", first, "2023-04-17", source="Hajun")
    _write(tmp_path, "b.txt", second, "2023-04-17", source="Hajun")
    result = track(load_reports(tmp_path), network)
    assert result.headline()["shipments"] == 1
    assert result.shipments["destination_station_id"].tolist() == ["BY-BORISOV"]
    assert result.shipments["cars_total"].tolist() == [45]


_FOLLOW_UPS = {
    "uk": (
        "На Білорусь з Росії заїхав ще один військовий ешелон: 50 вагонів, серед яких 4 "
        "пасажирські. Ешелон прибув на станцію Осиповичі в ніч на 21 квітня.",
        "Ешелон, що прибув до Осиповичів, уже розвантажують. Техніку вивозять на полігон.",
    ),
    "ru": (
        "В ночь на 21 апреля на станцию Осиповичи прибыл эшелон из России: 50 вагонов.",
        "Эшелон, который прибыл в Осиповичи, уже разгружают.",
    ),
    "be": (
        "У ноч на 21 красавіка на станцыю Асіповічы прыбыў эшалон з Расіі: 50 вагонаў.",
        "Эшалон, які прыбыў у Асіповічы, ужо разгружаюць.",
    ),
    "pl": (
        "W nocy z 20 na 21 kwietnia na stację Osipowicze przyjechał pociąg z Rosji: 50 wagonów.",
        "Skład, który przyjechał do Osipowicz, jest już rozładowywany.",
    ),
}


@pytest.mark.parametrize("lang", sorted(_FOLLOW_UPS))
def test_a_follow_up_is_no_new_train(tmp_path: Path, network: RailNetwork, lang: str) -> None:
    first, second = _FOLLOW_UPS[lang]
    _write(tmp_path, "u2.txt", first, "2023-04-21", relayed_by="Media")
    _write(tmp_path, "u3.txt", second, "2023-04-21")
    resolved = resolve_reports(load_reports(tmp_path), network)
    assert len(resolved.shipments) == 1  # (by told-before, or by the told arrival's day)
    assert resolved.shipments["cars_total"].tolist() == [50]


def test_a_follow_up_fitting_two_trains_links_neither(tmp_path: Path, network: RailNetwork) -> None:
    _write(tmp_path, "a.txt", "Сёння ў Асіповічы прыбыў эшалон: 50 вагонаў.", "2023-04-21")
    _write(
        tmp_path,
        "b.txt",
        "Сёння ў Асіповічы прыбыў яшчэ адзін эшалон: 40 вагонаў.",
        "2023-04-21",
        relayed_by="Media",
    )
    _write(
        tmp_path,
        "c.txt",
        "Эшалон, які прыбыў у Асіповічы, ужо разгружаюць.",
        "2023-04-21",
        source="Hajun",
    )
    links = resolve_reports(load_reports(tmp_path), network).relays
    # never told-before (it does not say which); its told arrival is one of the two
    assert "told-before" not in links["matched_on"].tolist()
    assert links["id"].tolist() in ([], ["c-t1"])


def _export(folder: Path, reply: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    chat = {
        "name": "Hajun",
        "type": "public_channel",
        "id": 1600000001,
        "messages": [
            {
                "id": 10,
                "type": "message",
                "date": "2023-04-17T08:10:00",
                "date_unixtime": "1681719000",
                "text": _CLOSING["pl"][0],
            },
            {
                "id": 11,
                "type": "message",
                "date": "2023-04-17T19:30:00",
                "date_unixtime": "1681759800",
                "reply_to_message_id": 10,
                "text": reply,
            },
        ],
    }
    (folder / "result.json").write_text(json.dumps(chat, ensure_ascii=False), encoding="utf-8")
    return folder


def test_a_telegram_reply_speaks_of_the_post_it_answers(
    tmp_path: Path, network: RailNetwork
) -> None:
    reports = load_reports(_export(tmp_path, "Skład dotarł do Brześcia wieczorem."))
    told = {s.id: s.told_before for s in reports.shipments}
    assert told == {"tg-1600000001-10-t1": False, "tg-1600000001-11-t1": True}
    # a reply at a station the train was told to pass, with a count that agrees
    resolved = resolve_reports(reports, network)
    assert len(resolved.shipments) == 2  # Brest lies on no way from Orsha to Minsk


def test_a_telegram_reply_at_a_stop_on_the_way_is_linked(
    tmp_path: Path, network: RailNetwork
) -> None:
    resolved = resolve_reports(
        load_reports(_export(tmp_path, "Skład dotarł do Borysowa.")), network
    )
    assert len(resolved.shipments) == 1
    assert resolved.relays["matched_on"].tolist() == ["told-before"]


# --------------------------------- a next-day recap of the channel's own posts (T1)


def _recap(folder: Path, recap: str) -> Path:
    _write(
        folder,
        "a.txt",
        "Сёння ноччу ў Лунінец прыбыў эшалон з 40 вагонаў з боку Брэста.",
        "2023-04-19",
    )
    _write(folder, "b.txt", "Яшчэ адзін эшалон, 35 вагонаў, прыбыў у Лунінец.", "2023-04-19")
    _write(folder, "c.txt", recap, "2023-04-20", relayed_by="Зеркало")
    return folder


@pytest.mark.parametrize(
    "recap",
    [
        "По данным «Гаюна», вчера в Лунинец прибыли два эшелона: 40 и 35 вагонов.",
        "Według Hajuna wczoraj do Łunińca przyjechały dwa pociągi: 40 i 35 wagonów.",
        "За даними Гаюна, вчора до Лунинця прибули два ешелони: 40 і 35 вагонів.",
    ],
)
def test_a_recap_links_to_the_channels_posts(
    tmp_path: Path, network: RailNetwork, recap: str
) -> None:
    result = track(load_reports(_recap(tmp_path, recap)), network)
    head = result.headline()
    assert (head["shipments"], head["cars_total"]) == (2, 75)


# ----------------------------------------------------- the Dask engine does the same


def test_dask_engine_links_the_same(client: Any, tmp_path: Path, network: RailNetwork) -> None:
    from railtrack.engine_dask import track_converted

    folder = _week(tmp_path / "in", "be", "pl")
    first, second = _CLOSING["ru"]
    _write(folder, "a.txt", first, "2023-04-17", source="Hajun")
    _write(folder, "b.txt", second, "2023-04-17", source="Hajun")
    reports = load_reports(folder)
    default = track(reports, network)
    on_dask = track_converted(reports, network, client)
    assert_engines_agree(default, on_dask)
    assert default.headline()["shipments"] == 2

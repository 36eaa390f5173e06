"""Trial 18b T2 and T4, trial18's Zhlobin leftover: one train told across days and sentences.

T2: Hajun's night arrival ("Сёння а 02:10", 23:10 UTC the day before) never met the line
of that day's "Итоги дня", dated by the Minsk day; and "Итоги дня:" with no date, posted
at 00:15 Minsk, was dated the new day though it sums up the day just ended: trains
counted twice. T4: a relay telling two trains in one sentence ("два військові ешелони —
на 35 і 40 вагонів") met neither of the digest's two. Trial18: a relay that names no
origin, dating "yesterday" by its own day, stayed apart from the post that names one.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from railtrack.extract import extract_shipments
from railtrack.io import load_reports
from railtrack.models import Source
from railtrack.network import RailNetwork, load_network
from railtrack.pipeline import track
from railtrack.zones import day_summed_up, parse_zone
from tests._engines import assert_engines_agree
from tests._report_files import write_report
from tests._telegram_exports import Msg, chat_object, write_json

MINSK = parse_zone("Europe/Minsk")


@pytest.fixture(scope="module")
def network() -> RailNetwork:
    """The embedded network."""
    return load_network()


def _head(result: Any) -> tuple[int, int | None]:
    head = result.headline()
    return head["shipments"], head["cars_total"]


# ------------------------------------------- T2: the day an undated day's digest sums up


@pytest.mark.parametrize(
    ("minsk", "summed"),
    [
        ("2026-08-17T00:15", "2026-08-16"),
        ("2026-08-17T03:59", "2026-08-16"),
        ("2026-08-17T04:00", "2026-08-17"),
        ("2026-08-16T23:35", "2026-08-16"),
        ("2026-08-16T12:00", "2026-08-16"),
    ],
)
def test_a_digest_posted_in_the_night_sums_up_the_day_before(minsk: str, summed: str) -> None:
    moment = datetime.fromisoformat(minsk).replace(tzinfo=MINSK).astimezone(UTC)
    assert day_summed_up(moment, MINSK) == date.fromisoformat(summed)
    assert day_summed_up(moment, MINSK, night_h=0) == date.fromisoformat(minsk[:10])


_UNDATED = {
    "ru": "Итоги дня:\n▪️ Брест — 1 эшелон (44 вагона)\n▪️ Орша — 1 эшелон (40 вагонов)",
    "be": "Вынікі дня:\n▪️ Брэст — 1 эшалон (44 вагоны)\n▪️ Орша — 1 эшалон (40 вагонаў)",
    "uk": "Підсумки доби:\n▪️ Брест — 1 ешелон (44 вагони)\n▪️ Орша — 1 ешелон (40 вагонів)",
    "pl": "Podsumowanie dnia:\n▪️ Brześć – 1 pociąg (44 wagony)\n▪️ Orsza – 1 pociąg (40 wagonów)",
    "en": "Summary of the day:\n- Brest: 1 train (44 cars)\n- Orsha: 1 train (40 cars)",
}


def _digest_days(text: str, lang: str, minsk: str, dated: str | None = None) -> set[date]:
    moment = datetime.fromisoformat(minsk).replace(tzinfo=MINSK).astimezone(UTC)
    local = date.fromisoformat(minsk[:10])
    source = Source(reporter="Беларускі Гаюн", published=local, published_at=moment)
    if dated is not None:
        text = text.replace(text.split("\n", 1)[0], dated, 1)
    result = extract_shipments(text, source=source, lang=lang, zone=MINSK, network=False)
    assert len(result.shipments) == 2
    return {x.seen_at.date() for x in result.sightings}


@pytest.mark.parametrize("lang", sorted(_UNDATED))
def test_an_undated_day_digest_after_midnight_is_the_day_before(lang: str) -> None:
    assert _digest_days(_UNDATED[lang], lang, "2026-08-17T00:15") == {date(2026, 8, 16)}


@pytest.mark.parametrize("lang", sorted(_UNDATED))
def test_a_day_digest_later_in_the_day_or_dated_keeps_its_day(lang: str) -> None:
    """Negative: posted in the morning it is its own day; a date it names wins."""
    assert _digest_days(_UNDATED[lang], lang, "2026-08-17T09:00") == {date(2026, 8, 17)}
    dated = {
        "ru": "Итоги дня 17 августа:",
        "be": "Вынікі дня 17 жніўня:",
        "uk": "Підсумки дня 17 серпня:",
        "pl": "Podsumowanie dnia 17 sierpnia:",
        "en": "Summary of the day, August 17:",
    }[lang]
    assert _digest_days(_UNDATED[lang], lang, "2026-08-17T00:15", dated) == {date(2026, 8, 17)}


def _minsk(day: int, hour: int, minute: int) -> datetime:
    return datetime(2026, 8, day, hour, minute, tzinfo=MINSK)


def _night_export(
    folder: Path,
    *,
    name: str = "Беларускі Гаюн",
    arrived: str = "02:10",
    posted: tuple[int, int] = (16, 2),
) -> Path:
    """Hajun's posts of 16 August (a night arrival, a late passing train, a forward) and
    the undated "Итоги дня:" of 00:15 on 17 August."""
    messages = [
        Msg(
            9002,
            [
                {"type": "bold", "text": "Лунінец"},
                f"\nСёння а {arrived} на станцыю прыбыў вайсковы эшалон з 48 вагонаў: "
                "30 платформаў з тэхнікай і 18 крытых вагонаў.",
            ],
            _minsk(*posted, 40),
        ),
        Msg(
            9005,
            [
                {"type": "bold", "text": "Жабинка"},
                "\nСегодня в 23:20 через станцию в сторону Бреста проследовал эшелон из "
                "41 вагона с техникой.",
            ],
            _minsk(16, 23, 55),
        ),
        Msg(
            9006,
            "Сёння ўначы са станцыі Асіповічы ў кірунку Слуцка адправіўся эшалон з 39 "
            "вагонаў з тэхнікай.",
            _minsk(16, 8, 0),
            forwarded_from="Суполка беларускіх чыгуначнікаў",
        ),
        Msg(
            9007,
            "Итоги дня:\n▪️ Лунинец — 1 эшелон (48 вагонов)\n▪️ Жабинка — 1 эшелон "
            "(41 вагон)\n▪️ Осиповичи — 1 эшелон (39 вагонов), убыл в сторону Слуцка",
            _minsk(17, 0, 15),
        ),
    ]
    return write_json(folder / "result.json", chat_object(messages, name=name))


@pytest.mark.parametrize(
    ("name", "tz"),
    [("Беларускі Гаюн", None), ("Rail watch BY", "Europe/Minsk")],
    ids=["known-channel", "tz"],
)
def test_a_night_arrival_meets_its_days_digest_line(
    tmp_path: Path, network: RailNetwork, name: str, tz: str | None
) -> None:
    path = _night_export(tmp_path, name=name)
    zone = None if tz is None else parse_zone(tz)
    result = track(load_reports(path, tz=zone), network)
    assert _head(result) == (3, 128)
    assert sorted(result.relays["matched_on"]) == ["departure", "station", "station"]
    kept = result.shipments.set_index("id")
    (luninets,) = kept.index[kept["cars_total"] == 48]
    assert luninets.endswith("-9002-t1")  # Hajun's own post is kept, not the digest line
    osipovichi = kept[kept["cars_total"] == 39].iloc[0]
    assert str(osipovichi["departure_latest"])[:10] == "2026-08-16"


def test_an_arrival_the_evening_before_stays_apart(tmp_path: Path, network: RailNetwork) -> None:
    """Negative: at 23:10 Minsk on the 15th (posted 23:40) it is no train of the 16th."""
    path = _night_export(tmp_path, arrived="23:10", posted=(15, 23))
    result = track(load_reports(path), network)
    assert _head(result) == (4, 176)


def test_dask_engine_links_the_night_the_same(
    client: Any, tmp_path: Path, network: RailNetwork
) -> None:
    from railtrack.engine_dask import track_converted

    reports = load_reports(_night_export(tmp_path))
    assert_engines_agree(track(reports, network), track_converted(reports, network, client))


# ------------------------------------------------ T4: n trains told in one sentence

_DIGEST = (
    "Итоги дня 20 мая:\n"
    "▪️ Брянск — 1 эшелон (46 вагонов) из Челябинска;\n"
    "▪️ Орел — 2 эшелона ({a} и {b} вагонов) проследовали в сторону Курска;\n"
    "▪️ Ростов-на-Дону — 1 эшелон (30 вагонов) убыл в Таганрог."
)
_TWO = {
    "uk": (
        "УНІАН",
        "За даними каналу «ЖД Радар», 20 травня через Орел у напрямку Курська пройшли два "
        "військові ешелони — на {a} і {b} вагонів.",
    ),
    "pl": (
        "Wirtualna Polska",
        "Według kanału „ŻD Radar” 20 maja przez Orzeł w kierunku Kurska przejechały dwa "
        "wojskowe transporty — {a} i {b} wagonów.",
    ),
    "en": (
        "Kyiv Independent",
        "On May 20, two military trains of {a} and {b} cars passed through Oryol heading "
        "towards Kursk, the channel said.",
    ),
    "be": (
        "Зеркало",
        "20 траўня праз Арол у кірунку Курска прайшлі два вайсковыя эшалоны — на {a} і {b} "
        "вагонаў.",
    ),
}


def _orel(folder: Path, lang: str, a: int = 35, b: int = 40, digest: bool = True) -> Path:
    if digest:
        write_report(
            folder, "radar-digest.txt", _DIGEST.format(a=35, b=40), "2026-05-20", source="ЖД Радар"
        )
    outlet, text = _TWO[lang]
    write_report(
        folder,
        f"{lang}.txt",
        text.format(a=a, b=b),
        "2026-05-21",
        source="ЖД Радар",
        relayed_by=outlet,
    )
    return folder


@pytest.mark.parametrize("lang", sorted(_TWO))
def test_two_trains_in_one_sentence_retell_the_digests_two(
    tmp_path: Path, network: RailNetwork, lang: str
) -> None:
    result = track(load_reports(_orel(tmp_path, lang)), network)
    assert _head(result) == (4, 151)  # Bryansk 46, Orel 35 and 40, Rostov 30
    assert sorted(result.relays["matched_on"]) == ["sighting", "sighting"]
    orel = result.shipments[result.shipments["cars_total"].isin([35, 40])]
    assert sorted(orel["cars_total"]) == [35, 40]


@pytest.mark.parametrize("lang", ["uk", "pl"])
def test_a_count_that_differs_stays_apart(tmp_path: Path, network: RailNetwork, lang: str) -> None:
    """Negative: "35 і 45" retells the 35-car train, not the 40-car one."""
    result = track(load_reports(_orel(tmp_path, lang, b=45)), network)
    assert _head(result) == (5, 196)
    assert len(result.relays) == 1


def test_two_relays_of_two_trains_are_two_trains(tmp_path: Path, network: RailNetwork) -> None:
    """Both told as groups: group to group, the closest count each, whole groups only."""
    for lang in ("uk", "pl", "en"):
        _orel(tmp_path / "all", lang, digest=False)
    assert _head(track(load_reports(tmp_path / "all"), network)) == (2, 75)
    # (the other order of the counts, and a negative: one count off in one relay)
    _orel(tmp_path / "turned", "uk", digest=False)
    _orel(tmp_path / "turned", "pl", a=40, b=35, digest=False)
    assert _head(track(load_reports(tmp_path / "turned"), network)) == (2, 75)
    _orel(tmp_path / "off", "uk", digest=False)
    _orel(tmp_path / "off", "pl", b=45, digest=False)
    assert _head(track(load_reports(tmp_path / "off"), network)) == (4, 155)


def test_dask_engine_links_n_trains_the_same(
    client: Any, tmp_path: Path, network: RailNetwork
) -> None:
    from railtrack.engine_dask import track_converted

    _orel(tmp_path, "uk")
    _orel(tmp_path, "pl", digest=False)
    reports = load_reports(tmp_path)
    assert_engines_agree(track(reports, network), track_converted(reports, network, client))


# ---------------------------------- trial18 leftover: a missing origin is no disagreement

_HAJUN = (
    "🔴 Жлобін\n\nУчора на станцыю прыбыў вайсковы эшалон з 38 вагонаў: 20 платформаў з БТР і "
    "КамАЗамі, 16 крытых вагонаў і 2 пасажырскія. Эшалон прыйшоў з Расіі праз Гомель."
)
_NO_ORIGIN = {
    "en": (
        "Kyiv Post",
        "A military train of 38 cars arrived at Zhlobin station yesterday, the Belarusian "
        "Hajun monitoring group reported.",
    ),
    "uk": ("Суспільне", "Учора на станцію Жлобин прибув військовий ешелон із 38 вагонів."),
    "pl": ("Onet", "Wczoraj na stację Żłobin przyjechał wojskowy pociąg z 38 wagonami."),
    "ru": ("Зеркало", "Вчера на станцию Жлобин прибыл воинский эшелон из 38 вагонов."),
}


def _zhlobin(folder: Path, lang: str, relayed: str) -> Path:
    write_report(folder, "hajun.txt", _HAJUN, "2026-06-10")
    outlet, text = _NO_ORIGIN[lang]
    write_report(folder, f"{lang}.txt", text, relayed, relayed_by=outlet)
    return folder


@pytest.mark.parametrize("lang", sorted(_NO_ORIGIN))
def test_a_relay_with_no_origin_a_day_later_is_the_train(
    tmp_path: Path, network: RailNetwork, lang: str
) -> None:
    # Hajun's "yesterday" of 10 June is the 9th, the relay's of 11 June the 10th
    result = track(load_reports(_zhlobin(tmp_path, lang, "2026-06-11")), network)
    assert _head(result) == (1, 38)
    assert result.shipments["origin_region"].tolist() == ["Russia"]


@pytest.mark.parametrize("lang", ["en", "uk"])
def test_a_relay_with_no_origin_two_days_later_stays_apart(
    tmp_path: Path, network: RailNetwork, lang: str
) -> None:
    """Negative: the slack of relays is one day, whatever the origin."""
    day = (date(2026, 6, 10) + timedelta(days=2)).isoformat()
    assert _head(track(load_reports(_zhlobin(tmp_path, lang, day)), network)) == (2, 76)

"""Trial 11 findings T11, T14-T17 and onward legs: facts and rows a new user's reports lost.

- T14: a credit that says what the outlet is between the verb and its name
  ("сообщает мониторинговая группа «Беларускі Гаюн»", "the Belarusian Hajun monitoring
  group reported") names the reporter, in every language.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from railtrack.io import load_reports
from railtrack.io.webpage import cited_reporter, web_page_text
from tests._extract_helpers import read

# -- T14: a descriptor between the verb and the outlet's name ----------------------------

CREDITS = [
    ("arrived on March 12, the Belarusian Hajun monitoring group reported.", "Belarusian Hajun"),
    ("arrived on March 12, the Hajun monitoring project reported.", "Hajun"),
    ("arrived on March 12, reported the Telegram channel Belarusian Hajun.", "Belarusian Hajun"),
    ("прибыл 12 марта, сообщает мониторинговая группа «Беларускі Гаюн».", "Беларускі Гаюн"),
    ("прибыл 12 марта, сообщает телеграм-канал «Беларускі Гаюн».", "Беларускі Гаюн"),
    ("прыбыў 12 сакавіка, паведамляе маніторынгавая група «Беларускі Гаюн».", "Беларускі Гаюн"),
    ("прыбыў 12 сакавіка, паведамляе маніторынгавы праект «Беларускі Гаюн».", "Беларускі Гаюн"),
    ("прибув 12 березня, повідомляє моніторингова група «Білоруський Гаюн».", "Білоруський Гаюн"),
    ("прибув 12 березня, пише моніторинговий проєкт «Білоруський Гаюн».", "Білоруський Гаюн"),
    ("przyjechał 12 marca, podaje grupa monitoringowa „Biełaruski Hajun”.", "Biełaruski Hajun"),
    ("przyjechał 12 marca, informuje kanał Biełaruski Hajun.", "Biełaruski Hajun"),
    ("przyjechał 12 marca, podaje niezależny projekt monitoringowy Hajun.", "Hajun"),
]


@pytest.mark.parametrize(("text", "name"), CREDITS)
def test_a_descriptor_between_the_verb_and_the_name_keeps_the_reporter(
    text: str, name: str
) -> None:
    assert cited_reporter(text) == name


@pytest.mark.parametrize(
    "text",
    [
        "A train arrived on March 12, Hajun reported.",  # one bare word: any capitalised word
        "A train arrived on March 12, a monitoring group reported.",  # no name at all
        "Поезд прибыл 12 марта, сообщает группа.",
    ],
)
def test_no_name_with_or_without_a_descriptor_is_no_reporter(text: str) -> None:
    assert cited_reporter(text) is None


def test_a_saved_page_crediting_a_monitoring_group_names_its_reporter() -> None:
    html = (
        "<html><head><title>Echelon in Luninets</title></head><body><article>"
        "<h1>Russian military echelon arrives in Luninets</h1><p>A Russian military echelon "
        "arrived at the Luninets station on March 12, the Belarusian Hajun monitoring group "
        "reported.</p><p>According to the group, the train had 31 flatcars.</p>"
        "</article></body></html>"
    )
    header = web_page_text(html, name="kyiv.html").split("\n\n", 1)[0]
    assert "source: Belarusian Hajun" in header.splitlines()


# -- a leg on from the place named before: the train's end is the last leg's end ---------

ONWARD = [
    ("ru", "13 марта эшелон из 40 вагонов прибыл в Оршу, откуда ушёл в Смоленск."),
    ("ru", "13 марта эшелон из 40 вагонов прибыл в Оршу. Оттуда он ушёл в Смоленск."),
    ("uk", "13 березня ешелон із 40 вагонів прибув до Орші, звідки вирушив до Смоленська."),
    ("uk", "13 березня ешелон із 40 вагонів прибув до Орші. Звідти він вирушив до Смоленська."),
    ("be", "13 сакавіка эшалон з 40 вагонаў прыбыў у Оршу, адкуль адправіўся ў Смаленск."),
    ("pl", "13 marca pociąg z 40 wagonami przyjechał do Orszy, skąd odjechał do Smoleńska."),
    ("pl", "13 marca pociąg z 40 wagonami dotarł do Orszy. Stamtąd wyjechał do Smoleńska."),
    ("en", "On March 13 a train of 40 cars arrived in Orsha, from where it left for Smolensk."),
    ("en", "On March 13 a train of 40 cars arrived in Orsha, whence it left for Smolensk."),
    ("en", "On March 13 a train of 40 cars arrived in Orsha. From there it left for Smolensk."),
]


@pytest.mark.parametrize(("lang", "text"), ONWARD)
def test_a_leg_on_told_as_gone_ends_the_train_and_passes_the_stop(lang: str, text: str) -> None:
    result = read(text, lang=lang)
    assert len(result.shipments) == 1
    s = result.shipments[0]
    assert s.destination is not None
    assert s.destination.text.lower().startswith(("смолен", "smole", "смален"))
    assert [v.text[:3].lower() for v in s.via] in (["орш"], ["ors"])
    # the day it reached the stop is the day it was seen there, not its arrival
    assert s.expected_arrival is None
    assert [z.seen_at.date() for z in result.sightings] == [date(2023, 3, 13)]


def test_an_origin_told_before_the_legs_stays_the_origin() -> None:
    s = read("13 марта эшелон прибыл из Гомеля в Оршу, откуда ушёл в Смоленск.").shipments[0]
    assert (s.origin.text if s.origin else None, s.destination.text if s.destination else None) == (
        "Гомеля",
        "Смоленск",
    )


@pytest.mark.parametrize(
    ("lang", "text", "end"),
    [
        # a leg planned is no end told: the destination stays the place reached
        (
            "pl",
            "Eszelon dotarł 2 marca do Kurska. Stamtąd skład ma się udać do Biełgorodu.",
            "Kurska",
        ),
        (
            "en",
            "A train of 40 cars reached Kursk on 2 March. From there it will go on to Belgorod.",
            "Kursk",
        ),
        # a leg by sea is the load's, not the train's
        (
            "ru",
            "5 мая эшелон прибыл на станцию Новороссийск, откуда техника ушла морем в Сирию.",
            "Новороссийск",
        ),
    ],
)
def test_a_leg_planned_or_by_sea_is_no_end_of_the_train(lang: str, text: str, end: str) -> None:
    s = read(text, lang=lang).shipments[0]
    assert s.destination is not None
    assert s.destination.text == end


# -- T15: an arrival or a destination said of all the trains told is each one's ----------

BOTH = [
    (
        "ru",
        "19 марта из Мозыря в Брянск ушли два эшелона: первый из 44 вагонов, второй из 38. "
        "Оба эшелона прибудут в Брянск 21 марта.",
    ),
    (
        "ru",
        "19 марта из Мозыря в Брянск ушли два эшелона: первый из 44 вагонов, второй из 38. "
        "Их прибытие ожидается 21 марта.",
    ),
    (
        "uk",
        "19 березня з Мозиря до Брянська вирушили два ешелони: перший із 44 вагонів, другий "
        "із 38. Їх прибуття очікується 21 березня.",
    ),
    (
        "uk",
        "19 березня з Мозиря до Брянська вирушили два ешелони: перший із 44 вагонів, другий "
        "із 38. Обидва ешелони прибудуть до Брянська 21 березня.",
    ),
    (
        "be",
        "19 сакавіка з Мазыра ў Бранск адправіліся два эшалоны: першы з 44 вагонаў, другі з "
        "38. Іх прыбыццё чакаецца 21 сакавіка.",
    ),
    (
        "pl",
        "19 marca z Mozyrza do Briańska wyjechały dwa pociągi: pierwszy z 44 wagonami, drugi "
        "z 38. Ich przyjazd spodziewany jest 21 marca.",
    ),
    (
        "pl",
        "19 marca z Mozyrza do Briańska wyjechały dwa pociągi: pierwszy z 44 wagonami, drugi "
        "z 38. Oba pociągi mają dotrzeć do Briańska 21 marca.",
    ),
    (
        "en",
        "Two echelons left Mazyr for Bryansk on March 19: the first with 44 cars, the second "
        "with 38. According to Hajun, they are expected to arrive in Bryansk on March 21.",
    ),
    (
        "en",
        "Two echelons left Mazyr for Bryansk on March 19: the first with 44 cars, the second "
        "with 38. Both are expected in Bryansk on March 21.",
    ),
]


@pytest.mark.parametrize(("lang", "text"), BOTH)
def test_an_arrival_said_of_both_trains_is_each_ones(lang: str, text: str) -> None:
    result = read(text, published=date(2023, 3, 20), lang=lang)
    assert [s.cars.total for s in result.shipments] == [44, 38]
    for s in result.shipments:
        assert s.expected_arrival is not None
        assert s.expected_arrival.earliest == date(2023, 3, 21)


def test_a_destination_said_of_both_trains_replaces_the_direction_of_each() -> None:
    text = (
        "Увечары 19 сакавіка праз Мінск у бок Оршы прайшлі два эшалоны: першы — 42 вагоны, "
        "другі — каля 50 вагонаў. Іх прыбыццё ў Смаленск чакаецца 21–22 сакавіка."
    )
    result = read(text, published=date(2023, 3, 20), lang="be")
    assert [s.destination.text if s.destination else None for s in result.shipments] == [
        "Смаленск",
        "Смаленск",
    ]


def test_an_arrival_of_the_last_train_alone_stays_its_own() -> None:
    text = (
        "19 марта из Мозыря в Брянск ушли два эшелона: первый из 44 вагонов, второй из 38. "
        "Эшелон прибудет в Брянск 21 марта."
    )
    result = read(text, published=date(2023, 3, 20), lang="ru")
    assert [s.expected_arrival is not None for s in result.shipments] == [False, True]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "pl",
            "3 marca pociąg z 40 wagonami przyjechał do Gdyni. "
            "Nie wiadomo, skąd wyjechał do Gdyni.",
        ),
        ("ru", "Неизвестно, откуда эшелон прибыл в Оршу 3 марта."),
        ("en", "It is not known from where the train came to Orsha on March 3."),
    ],
)
def test_a_relative_adverb_asking_is_no_leg(lang: str, text: str) -> None:
    s = read(text, lang=lang).shipments[0]
    assert s.destination is not None
    assert s.destination.text in ("Gdyni", "Оршу", "Orsha")
    assert not s.via


# -- T11: a UTF-8 report with a line pasted in a legacy encoding -------------------------

HEADER = "source: Беларускі Гаюн\npublished: 2023-03-14\n\n".encode()


@pytest.mark.parametrize(
    ("line", "encoding"),
    [
        ("13 марта из Орши в Смоленск ушёл эшелон из 40 вагонов.", "cp1251"),
        ("13 марта из Орши в Смоленск ушёл эшелон из 40 вагонов.", "koi8_r"),
        ("13 marca z Orszy do Smoleńska wyjechał pociąg z 40 wagonami.", "cp1250"),
    ],
)
def test_a_line_in_a_legacy_encoding_is_read_and_named(
    tmp_path: Path, line: str, encoding: str
) -> None:
    path = tmp_path / "mixed.txt"
    utf8 = "14 марта из Гомеля в Брянск ушёл эшелон из 45 вагонов.\n".encode()
    path.write_bytes(HEADER + line.encode(encoding) + b"\n\n" + utf8)
    reports = load_reports(path)
    assert sorted(s.cars.total for s in reports.shipments) == [40, 45]
    (problem,) = [p for p in reports.problems if "not UTF-8" in str(p)]
    assert "mixed.txt" in str(problem)
    assert "line 4" in str(problem)
    assert encoding.replace("_", "") in str(problem).replace("_", "")


def test_a_line_no_encoding_fits_keeps_its_bytes_replaced(tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    body = "14 марта из Гомеля в Брянск ушёл эшелон из 45 вагонов.\n".encode()
    path.write_bytes(HEADER + body + b"\n\xff\xfe\x81\x9d\n")
    reports = load_reports(path)
    assert [s.cars.total for s in reports.shipments] == [45]


# -- a verb of passing with a station: a place passed and a sighting -------------------

PASSED = [
    ("pl", "13 marca pociąg z 30 platformami minął stację Brześć.", "Brześć"),
    ("pl", "13 marca eszelon z 30 platformami minął stację Brześć.", "Brześć"),
    ("pl", "13 marca pociąg z 30 platformami mijał stację Brześć.", "Brześć"),
    ("ru", "13 марта эшелон из 30 платформ миновал станцию Брест.", "Брест"),
    ("uk", "13 березня ешелон із 30 платформ минув станцію Брест.", "Брест"),
    ("be", "13 сакавіка эшалон з 30 платформаў мінуў станцыю Брэст.", "Брэст"),
    ("en", "On March 13 a train of 30 flatcars passed Brest station.", "Brest"),
]


@pytest.mark.parametrize(("lang", "text", "station"), PASSED)
def test_a_train_passing_a_station_is_a_sighting_there(lang: str, text: str, station: str) -> None:
    result = read(text, lang=lang)
    assert [v.text for v in result.shipments[0].via] == [station]
    assert [(z.station.text, z.seen_at.date()) for z in result.sightings] == [
        (station, date(2023, 3, 13))
    ]


def test_a_polish_train_passing_a_station_undated_is_still_read() -> None:
    result = read("Pociąg z 30 platformami minął stację Brześć.", lang="pl")
    assert [v.text for v in result.shipments[0].via] == ["Brześć"]
    assert result.shipments[0].cars.total == 30


# -- T16: a second sighting the same day at another station -------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "On March 13 a 45-car echelon passed Orsha station and was spotted in Smolensk the "
        "same evening.",
        "On March 13 a 45-car echelon passed Orsha station and was spotted in Smolensk on the "
        "same day.",
    ],
)
def test_a_second_sighting_the_same_day_is_kept(text: str) -> None:
    result = read(text, lang="en")
    assert [v.text for v in result.shipments[0].via] == ["Orsha", "Smolensk"]
    assert [(z.station.text, z.seen_at.date()) for z in result.sightings] == [
        ("Orsha", date(2023, 3, 13)),
        ("Smolensk", date(2023, 3, 13)),
    ]

"""Kinds of misreading found on the real English reports of session 17 (issue 13).

Every input is written here (not copied from a corpus); each stands for a kind, and the
assertions are about the kind, never about one text. The reports that showed them are
in ``tests/data/extraction_real/`` (r1005-r1014).
"""

from __future__ import annotations

from datetime import date

import pytest
from _extract_helpers import ends as ends_of
from _extract_helpers import read

from railtrack.extract.hearsay import hearsay_at
from railtrack.settings import Settings

# -- a train that blew up is an incident, however its size is told later -------------


@pytest.mark.parametrize(
    "text",
    [
        "A train carrying shells exploded while passing near Kalinovka on 14 September. "
        "The train reportedly had at least 15 wagons loaded with ammunition.",
        "A fuel train with 40 tank cars exploded at Kuberle station on 11 May.",
        "Saboteurs blew up a military echelon near Orsha on 3 March. It had 30 flatcars.",
        "An ammunition train was blown up outside Dzhankoi; the train had 22 wagons.",
    ],
)
def test_a_train_that_blew_up_is_no_shipment(text: str) -> None:
    assert read(text, lang="en").shipments == []


def test_a_train_carrying_explosives_on_its_way_stays() -> None:
    # the load's name ("explosives") is no blast: a military train on its way is kept
    result = read("A military train with explosives left Slonim for Valuyki on 8 March.", lang="en")
    assert ends_of(result) == [("Slonim", "Valuyki")]


# -- "train wagons", "closed cars": car nouns of real English -------------------------


@pytest.mark.parametrize(
    ("text", "kind", "n"),
    [
        ("A convoy of 40 train wagons left Omsk for Chepino on 3 January.", "total", 40),
        ("An echelon of 45 train cars left Slonim for Valuyki on 8 March.", "total", 45),
        ("The echelon with 30 flatcars and 5 closed wagons left Orsha on 2 March.", "covered", 5),
        ("A train of three closed cars arrived at Khasan on 4 November.", "covered", 3),
    ],
)
def test_train_and_closed_car_nouns_count(text: str, kind: str, n: int) -> None:
    (shipment,) = read(text, lang="en").shipments
    assert getattr(shipment.cars, kind) == n


def test_a_road_closed_for_hours_counts_no_car() -> None:
    (shipment,) = read(
        "The road was closed for 3 hours while the train left Orsha.", lang="en"
    ).shipments
    assert shipment.cars.total is None
    assert shipment.cars.covered is None


# -- "from the railway station in Omsk": the town is the end ---------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The echelon was sent from the railway station in Omsk, Russia, on Jan. 3.",
            ("Omsk", None),
        ),
        ("An echelon was sent from a station in Tver on 3 March.", ("Tver", None)),
        ("A train with tanks left the station in Kursk on 5 May.", ("Kursk", None)),
        ("A train with tanks arrived at the railway station in Kursk on 5 May.", (None, "Kursk")),
    ],
)
def test_a_station_named_by_its_town_is_the_end(
    text: str, expected: tuple[str | None, str | None]
) -> None:
    assert ends_of(read(text, lang="en")) == [expected]


def test_a_train_seen_at_a_station_in_a_town_has_no_end() -> None:
    (shipment,) = read("A train with tanks was seen at the station in Orsha.", lang="en").shipments
    assert (shipment.origin, shipment.destination) == (None, None)
    assert [p.text for p in shipment.via] == ["Orsha"]


# -- a colon before the places passed ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "via", "dest"),
    [
        (
            "The echelon passed: Bereza, Zhabinka, Drogichyn and arrived in Luninets.",
            ["Bereza", "Zhabinka", "Drogichyn"],
            "Luninets",
        ),
        (
            "A train with tanks continued through: Orsha, Mogilev and Zhlobin. "
            "It arrived in Kalinkovichi.",
            ["Orsha", "Mogilev", "Zhlobin"],
            "Kalinkovichi",
        ),
        ("The train went via: Minsk, Orsha to Smolensk.", ["Minsk", "Orsha"], "Smolensk"),
    ],
)
def test_places_listed_after_a_colon_are_passed(text: str, via: list[str], dest: str) -> None:
    (shipment,) = read(text, lang="en").shipments
    assert [p.text for p in shipment.via] == via
    assert shipment.destination is not None
    assert shipment.destination.text == dest


def test_another_colon_still_ends_a_clause() -> None:
    # "Details:" is no passage: the train's origin is read from the clause after it
    (shipment,) = read("Details: a train with 40 cars left Slonim on 8 March.", lang="en").shipments
    assert shipment.origin is not None
    assert shipment.origin.text == "Slonim"


# -- "During the day": the day told before -------------------------------------------


def test_during_the_day_dates_an_arrival_by_the_day_told_before() -> None:
    text = "On March 5 an echelon left Orsha. In the course of the day it arrived in Smolensk."
    (shipment,) = read(text, published=date(2023, 3, 6), lang="en").shipments
    assert shipment.expected_arrival is not None
    assert shipment.expected_arrival.earliest == date(2023, 3, 5)
    assert shipment.expected_arrival.latest == date(2023, 3, 5)


def test_during_the_day_with_no_day_told_dates_nothing() -> None:
    text = "During the day, a military train arrived at Luninets from Russia."
    (shipment,) = read(text, published=date(2023, 3, 6), lang="en").shipments
    assert shipment.expected_arrival is None


# -- hearsay: the fact is kept, its confidence lowered ------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("A train with 40 cars allegedly left Slonim for Valuyki on 8 March.", "en"),
        ("A train with 40 cars reportedly left Slonim for Valuyki on 8 March.", "en"),
        ("Эшелон из 40 вагонов якобы отправился из Слонима в Валуйки 8 марта.", "ru"),
        # a soft hyphen inside the word hides nothing
        ("Эшелон из 40 вагонов яко\u00adбы отправился из Слонима в Валуйки 8 марта.", "ru"),
        ("Ешелон із 40 вагонів нібито вирушив зі Слоніма до Валуйок 8 березня.", "uk"),
        ("Pociąg z 40 wagonami rzekomo wyjechał ze Słonimia do Wałujek 8 marca.", "pl"),
        ("Эшалон з 40 вагонаў нібыта адправіўся са Слоніма ў Валуйкі 8 сакавіка.", "be"),
    ],
)
def test_hearsay_keeps_the_fact_with_less_confidence(text: str, lang: str) -> None:
    (shipment,) = read(text, published=date(2023, 3, 10), lang=lang).shipments
    assert shipment.origin is not None
    assert shipment.departure is not None
    assert shipment.departure.earliest == date(2023, 3, 8)
    assert shipment.confidence <= Settings().extract_confidence_hearsay


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("A train with 40 cars left Slonim for Valuyki on 8 March.", "en"),
        # a named source is attribution, not hearsay: nearly every relay names one
        ("According to Hajun, a train with 40 cars left Slonim for Valuyki on 8 March.", "en"),
        ("По данным Гаюна, эшелон из 40 вагонов отправился из Слонима в Валуйки 8 марта.", "ru"),
        ("Według Hajuna pociąg z 40 wagonami wyjechał ze Słonimia do Wałujek 8 marca.", "pl"),
        # "it is reported that": the plain words of news, no hearsay
        ("Сообщается, что эшелон из 40 вагонов отправился из Слонима в Валуйки 8 марта.", "ru"),
        ("Повідомляється, що ешелон із 40 вагонів вирушив зі Слоніма до Валуйок 8 березня.", "uk"),
    ],
)
def test_a_train_told_outright_keeps_its_confidence(text: str, lang: str) -> None:
    (shipment,) = read(text, published=date(2023, 3, 10), lang=lang).shipments
    assert shipment.confidence > Settings().extract_confidence_hearsay


def test_hearsay_in_another_sentence_lowers_nothing() -> None:
    text = "A train with 40 cars left Slonim on 8 March. A barge allegedly sank near Odesa."
    (shipment,) = read(text, published=date(2023, 3, 10), lang="en").shipments
    assert shipment.confidence > Settings().extract_confidence_hearsay


def test_hearsay_words_are_whole_words() -> None:
    assert hearsay_at("It was reportedly seen.", [(0, 2)], "en") == (7, 17)
    assert hearsay_at("The accordingly planned train left.", [(0, 3)], "en") is None
    assert hearsay_at("Эшелон прибыл в Оршу.", [(0, 6)], "ru") is None
    assert hearsay_at("A train left.", [(0, 7)], "xx") is None


# -- a people or a person is no place -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A train took 30 horses by rail from Russia to North Korea, a gift from "
            "Vladimir Putin to the leader.",
            [("Russia", "North Korea")],
        ),
        (
            "A train with shells arrived in Russia from North Korea. The DPRK sends shells "
            "to the Russians.",
            [("North Korea", "Russia")],
        ),
        (
            "A train with grain left Odesa for Izmail, a gift of Lukashenka's rivals.",
            [("Odesa", "Izmail")],
        ),
    ],
)
def test_a_people_or_a_person_is_no_place(
    text: str, expected: list[tuple[str | None, str | None]]
) -> None:
    assert ends_of(read(text, lang="en")) == expected


@pytest.mark.parametrize(
    "text", ["A train left Moscow for Vladimir on 8 March.", "A train left Vladimir for Moscow."]
)
def test_a_town_named_like_a_first_name_stays_a_place(text: str) -> None:
    ((origin, dest),) = ends_of(read(text, lang="en"))
    assert "Vladimir" in (origin, dest)

"""Kinds of misreading found on the real English reports of session 18 (issue 13).

Every input is written here (not copied from a corpus); each stands for a kind, and the
assertions are about the kind, never about one text. The reports that showed them are
in ``tests/data/extraction_real/`` (r1025-r1034) and r1006, r1009, r1011.
"""

from __future__ import annotations

import pytest
from _extract_helpers import ends as ends_of
from _extract_helpers import read

from railtrack.extract.onboard import carries_people
from railtrack.settings import Settings

# -- a train carrying a leader, a delegation or a commission is no shipment ----------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "The armored train carrying North Korean leader Kim has left the border station "
            "of Hasan and is heading toward Ussuriysk. The train will reach the city in "
            "about seven hours.",
            "en",
        ),
        ("A special train with a government delegation left Minsk for Moscow on 5 March.", "en"),
        ("Поезд с делегацией КНДР 5 марта прибыл на станцию Хасан.", "ru"),
        ("Потяг з урядовою делегацією прибув до Києва 5 березня.", "uk"),
        ("Pociąg z delegacją rządową przyjechał 5 marca do Przemyśla.", "pl"),
        ("Цягнік з дэлегацыяй прыбыў у Менск 5 сакавіка.", "be"),
    ],
)
def test_a_train_of_people_on_an_official_trip_is_no_shipment(text: str, lang: str) -> None:
    assert read(text, lang=lang).shipments == []


@pytest.mark.parametrize(
    ("text", "lang", "end"),
    [
        ("A train with 40 flatcars of tanks left Slonim for Valuyki on 5 March.", "en", "Valuyki"),
        # the ministry is no load: a train's papers agreed "с министерством"
        (
            "Эшелон, согласованный с министерством обороны, прибыл в Осиповичи 5 марта.",
            "ru",
            "Осиповичи",
        ),
        # people named far from the train noun are not its load
        (
            "A train of 30 cars with equipment agreed with the commission left Orsha for "
            "Valuyki on 5 March.",
            "en",
            "Valuyki",
        ),
        ("Pociąg z czołgami przyjechał 5 marca do Przemyśla.", "pl", "Przemyśla"),
    ],
)
def test_a_train_with_a_load_beside_officials_stays(text: str, lang: str, end: str) -> None:
    assert [d for _, d in ends_of(read(text, lang=lang))] == [end]


# the people must be the object of the "with" word (review 18, #3): a load "from" or
# "for" a president, or "with the help of" one, is still a load
@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Today a train with humanitarian aid from President Zelensky arrived in Kharkiv, "
            "20 cars.",
            "en",
        ),
        ("A train with 20 cars of aid for the prime minister arrived in Kharkiv.", "en"),
        (
            "Pociąg z pomocą humanitarną od prezydenta przyjechał do Charkowa, 20 wagonów.",
            "pl",
        ),
        ("Pociąg z pomocą prezydenta przyjechał do Charkowa, 20 wagonów.", "pl"),
        ("Потяг з допомогою від президента прибув до Харкова, 20 вагонів.", "uk"),
        (
            "Сегодня эшелон с 40 платформами техники для министра обороны прибыл в Осиповичи.",
            "ru",
        ),
        ("Цягнік з дапамогай ад прэзідэнта прыбыў у Менск 5 сакавіка, 20 вагонаў.", "be"),
    ],
)
def test_a_load_from_or_for_officials_is_a_shipment(text: str, lang: str) -> None:
    assert len(read(text, lang=lang).shipments) == 1


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Pociąg z prezydentem przyjechał 5 marca do Przemyśla.", "pl"),
        ("Поезд, везущий президента, 5 марта прибыл в Хасан.", "ru"),
        ("Потяг із прем'єр-міністром прибув до Києва 5 березня.", "uk"),
    ],
)
def test_officials_as_the_object_still_ride(text: str, lang: str) -> None:
    assert read(text, lang=lang).shipments == []


def test_people_on_board_need_a_train_noun_before_them() -> None:
    def at(text: str) -> int | None:
        return text.find("train") if "train" in text else None

    assert carries_people("The special train with the commission left.", "en", at)
    assert not carries_people("The commission with the train left.", "en", at)
    assert not carries_people("The leader with his delegation left.", "en", at)


# -- a hedge between a destination cue and its place leaves the place the destination --


@pytest.mark.parametrize(
    ("text", "lang", "end"),
    [
        (
            "A train of 40 cars left Slonim on 5 March. Its destination is tentatively Slutsk.",
            "en",
            "Slutsk",
        ),
        (
            "A train of 40 cars left Slonim on 5 March. The destination is presumably Luninets.",
            "en",
            "Luninets",
        ),
        (
            "Эшелон из 40 вагонов 5 марта отправился из Слонима. Станция назначения — "
            "предположительно Слуцк.",
            "ru",
            "Слуцк",
        ),
        (
            "Ешелон з 40 вагонів 5 березня вирушив зі Слоніма. Станція призначення — "
            "ймовірно Слуцьк.",
            "uk",
            "Слуцьк",
        ),
        (
            "Эшалон з 40 вагонаў 5 сакавіка адправіўся са Слоніма. Станцыя прызначэння — "
            "верагодна Слуцк.",
            "be",
            "Слуцк",
        ),
        (
            "Pociąg z 40 wagonami wyjechał 5 marca ze Słonimia. Stacja docelowa to "
            "prawdopodobnie Słuck.",
            "pl",
            "Słuck",
        ),
    ],
)
def test_a_hedged_destination_is_the_destination(text: str, lang: str, end: str) -> None:
    result = read(text, lang=lang)
    assert [d for _, d in ends_of(result)] == [end]


# a hearsay word on the destination alone lowers that fact, not the train (review 18, #8)
@pytest.mark.parametrize(
    ("text", "lang", "end"),
    [
        (
            "A train of 40 flatcars with tanks left Orsha today. Its destination is "
            "reportedly Slutsk.",
            "en",
            "Slutsk",
        ),
        (
            "A train of 40 flatcars left Orsha on 5 March. Its destination is allegedly Luninets.",
            "en",
            "Luninets",
        ),
        (
            "Сегодня эшелон из 40 платформ с танками отправился из Орши. Станция назначения — "
            "якобы Слуцк.",
            "ru",
            "Слуцк",
        ),
        (
            "Сьогодні ешелон з 40 платформ з танками вирушив з Орші. Станція призначення — "
            "нібито Слуцьк.",
            "uk",
            "Слуцьк",
        ),
        (
            "Dziś pociąg z 40 platformami z czołgami wyjechał z Orszy. Stacja docelowa to "
            "podobno Słuck.",
            "pl",
            "Słuck",
        ),
    ],
)
def test_a_hearsay_destination_leaves_the_train_first_hand(text: str, lang: str, end: str) -> None:
    (ship,) = read(text, lang=lang).shipments
    assert ship.hearsay is None
    assert ship.destination is not None
    assert ship.destination.text == end
    (dest,) = [e for e in ship.evidence if e.field == "destination"]
    assert dest.confidence <= Settings().extract_confidence_hearsay


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("A train of 40 flatcars reportedly left Orsha for Slutsk today.", "en"),
        # the arrival is told in the hedged sentence: more than where it went
        (
            "A train of 40 flatcars left Orsha on 5 March. It reportedly reached Slutsk on "
            "7 March.",
            "en",
        ),
        ("Эшелон из 40 платформ якобы отправился сегодня из Орши в Слуцк.", "ru"),
        ("A train is allegedly heading to Slutsk.", "en"),
    ],
)
def test_a_hedged_train_or_claim_is_still_hearsay(text: str, lang: str) -> None:
    (ship,) = read(text, lang=lang).shipments
    assert ship.hearsay is not None


def test_a_hedge_elsewhere_names_no_destination() -> None:
    # "probably" about the train's make-up, no destination cue before it
    result = read("A train of 40 cars left Slonim on 5 March. It is probably Russian.", lang="en")
    assert [d for _, d in ends_of(result)] == [None]


# -- "arrived on the territory of X": the country is the end ---------------------------


@pytest.mark.parametrize(
    "text",
    [
        "A train of 40 cars from Smolensk arrived on the territory of Belarus on 4 March.",
        "A train of 40 cars arrived in the territory of Belarus from Smolensk on 4 March.",
        "The first train in years that arrived onto the territory of Belarus from Smolensk.",
    ],
)
def test_arrived_on_the_territory_of_a_country(text: str) -> None:
    assert ends_of(read(text, lang="en")) == [("Smolensk", "Belarus")]


def test_a_station_still_beats_a_territory_word_elsewhere() -> None:
    # no "territory": the station is the end, as before
    text = "A train of 40 cars from Smolensk arrived at Orsha on 4 March."
    assert ends_of(read(text, lang="en")) == [("Smolensk", "Orsha")]


# -- a railway line opened after a train is told: its date is no train's ---------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("A train of 40 cars left Slonim for Luninets. The rail line was opened on 2 March.", "en"),
        (
            "Two trains of 65 wagons each will arrive at Khasan. Khasan-Rajin railway line was "
            "officially commissioned on 22 February.",
            "en",
        ),
        (
            "Эшелон из 40 вагонов отправился из Слонима в Лунинец. Железнодорожная линия была "
            "открыта 2 марта.",
            "ru",
        ),
        ("Ешелон з 40 вагонів вирушив зі Слоніма до Лунинця. Лінію відкрили 2 березня.", "uk"),
        (
            "Pociąg z 40 wagonami wyjechał ze Słonimia do Łunińca. Linia została otwarta 2 marca.",
            "pl",
        ),
    ],
)
def test_a_line_opened_dates_no_train(text: str, lang: str) -> None:
    result = read(text, lang=lang)
    assert result.shipments
    assert all(s.departure is None and s.expected_arrival is None for s in result.shipments)


def test_the_train_told_again_still_dates_it() -> None:
    result = read("A train of 40 cars left Slonim for Luninets. It arrived on 3 March.", lang="en")
    [shipment] = result.shipments
    assert shipment.expected_arrival is not None
    assert shipment.expected_arrival.earliest.isoformat() == "2023-03-03"

"""Trial 19 T3 (date part), helper "tfdates": "that evening" is the evening of the day told.

"On March 3 a 44-car military train arrived in Baranovichi ..., while another train of
47 cars left Orsha for Smolensk that evening" gave the second train no departure, so
it stood as a second Orsha train beside Hajun's. "That evening" ("тем же вечером",
"того ж вечора", "у той жа вечар", "tego samego wieczoru") is the day told before it:
the English cue (en.yaml's ``same_day``) and the lexicons' ``same_day`` key.
"""

from __future__ import annotations

from datetime import date

import pytest

from railtrack.extract import extract_shipments

_TWO = [
    (
        "en",
        "On March 3 a 44-car military train arrived in Baranovichi from the direction of "
        "Minsk, while another train of 47 cars left Orsha for Smolensk that evening.",
    ),
    (
        "en",
        "On March 3 a train of 44 cars arrived in Baranovichi. Later that night a train "
        "of 47 cars left Orsha for Smolensk.",
    ),
    (
        "ru",
        "3 марта в Барановичи прибыл эшелон из 44 вагонов. Тем же вечером из Орши в "
        "Смоленск ушёл эшелон из 47 вагонов.",
    ),
    (
        "ru",
        "3 марта в Барановичи прибыл эшелон из 44 вагонов. В тот же вечер из Орши в "
        "Смоленск ушёл эшелон из 47 вагонов.",
    ),
    (
        "uk",
        "3 березня до Барановичів прибув ешелон із 44 вагонів. Того ж вечора з Орші до "
        "Смоленська вирушив ешелон із 47 вагонів.",
    ),
    (
        "be",
        "3 сакавіка ў Баранавічы прыбыў эшалон з 44 вагонаў. У той жа вечар з Оршы ў "
        "Смаленск адправіўся эшалон з 47 вагонаў.",
    ),
    (
        "pl",
        "3 marca do Baranowicz przyjechał skład z 44 wagonami. Tego samego wieczoru z "
        "Orszy do Smoleńska wyjechał skład z 47 wagonami.",
    ),
]


@pytest.mark.parametrize(("lang", "text"), _TWO)
def test_that_evening_is_the_day_told_before(lang: str, text: str) -> None:
    ships = extract_shipments(text, published="2026-03-04", lang=lang).shipments
    second = [s for s in ships if s.cars.total == 47]
    assert len(second) == 1, ships
    left = second[0].departure
    assert left is not None, lang
    assert (left.earliest, left.latest) == (date(2026, 3, 3), date(2026, 3, 3))


def test_that_evening_with_no_day_told_dates_nothing() -> None:
    text = "A train of 47 cars left Orsha for Smolensk that evening."
    (ship,) = extract_shipments(text, published="2026-03-04", lang="en").shipments
    assert ship.departure is None  # no day told before it: no date guessed


def test_that_evenings_report_is_no_date() -> None:
    text = "On March 3 a train of 44 cars arrived in Baranovichi, that evening's post said."
    (ship,) = extract_shipments(text, published="2026-03-04", lang="en").shipments
    assert ship.expected_arrival is not None
    assert ship.expected_arrival.earliest == date(2026, 3, 3)


# review19 #1: a second train that names only its origin takes the day told, never the
# first train's destination ("that evening", "the same day", or a day of its own)
_SECOND_FROM_ONLY = [
    ("ru", "Эшелон 3 марта прибыл в Гомель. Тем же вечером второй эшелон покинул Оршу.", "Орш"),
    ("ru", "Эшелон 3 марта прибыл в Гомель. Тем же днём второй эшелон покинул Оршу.", "Орш"),
    ("uk", "Ешелон 3 березня прибув до Гомеля. Того ж вечора другий ешелон залишив Оршу.", "Орш"),
    (
        "en",
        "On March 3 a military train of 30 cars arrived in Gomel. That evening a second "
        "train of 20 cars left Orsha.",
        "Orsha",
    ),
    (
        "en",
        "On March 3 a military train of 30 cars arrived in Gomel. On March 4 a second "
        "train of 20 cars left Orsha.",
        "Orsha",
    ),
]


@pytest.mark.parametrize(("lang", "text", "origin"), _SECOND_FROM_ONLY)
def test_that_evening_gives_the_second_train_no_destination(
    lang: str, text: str, origin: str
) -> None:
    ships = extract_shipments(text, published="2026-03-05", lang=lang).shipments
    second = [s for s in ships if s.origin is not None and origin in s.origin.text]
    assert len(second) == 1, ships
    assert second[0].destination is None, (lang, second[0].destination)
    assert second[0].departure is not None, lang  # the day is still shared


def test_second_train_told_by_rank_and_day_only_still_goes_the_firsts_way() -> None:
    # (negative: the rule that gives a bare ordinal train the ends of the one before)
    text = "Эшелон из Орши прибыл в Гомель 3 марта. Второй эшелон ожидается 13 марта."
    ships = extract_shipments(text, published="2026-03-05", lang="ru").shipments
    assert len(ships) == 2, ships
    assert all(s.destination is not None and "Гомел" in s.destination.text for s in ships)


def test_second_train_naming_the_same_destination_takes_the_origin() -> None:
    # (negative: a shared end still lets it take the end it does not name)
    text = (
        "On March 3 a train of 30 cars left Orsha for Gomel. On March 5 a second train "
        "of 20 cars arrived in Gomel."
    )
    ships = extract_shipments(text, published="2026-03-06", lang="en").shipments
    second = [s for s in ships if s.cars.total == 20]
    assert len(second) == 1, ships
    assert second[0].origin is not None
    assert second[0].origin.text == "Orsha"

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

"""A trip length named as such dates the expected arrival (issue 13, session 17, langen2).

"The journey time is 7 days", "время в пути составляет 7 дней": a sentence after the
departure that names how long the trip takes (the lexicons' ``trip_length``) gives the
expected arrival, that many days after a departure known to the day. Every input is
written here; the report that showed the kind is r1007 of ``tests/data/extraction_real/``.
"""

from __future__ import annotations

from datetime import date

import pytest
from _extract_helpers import read


@pytest.mark.parametrize(
    ("text", "lang", "arrival"),
    [
        (
            "A train of 40 cars left Slonim for Valuyki on 8 March. The journey time is 3 days.",
            "en",
            date(2023, 3, 11),
        ),
        (
            "On 2 March an echelon left Orsha for Kursk. The trip takes about four days.",
            "en",
            date(2023, 3, 6),
        ),
        (
            "A container train departed Chongqing for Duisburg on February 20; "
            "transit time is two weeks.",
            "en",
            date(2023, 3, 6),
        ),
        (
            "8 марта эшелон из 40 вагонов отправился из Слонима в Валуйки. "
            "Время в пути составляет около 3 дней.",
            "ru",
            date(2023, 3, 11),
        ),
        (
            "2 березня ешелон вирушив з Орші до Курська. Час у дорозі становить п'ять днів.",
            "uk",
            date(2023, 3, 7),
        ),
        (
            "2 сакавіка эшалон адправіўся з Оршы ў Курск. Час у дарозе складае 4 дні.",
            "be",
            date(2023, 3, 6),
        ),
        (
            "2 marca eszelon wyjechał z Orszy do Kurska. Czas przejazdu wynosi 6 dni.",
            "pl",
            date(2023, 3, 8),
        ),
    ],
)
def test_trip_length_after_the_departure_dates_the_arrival(
    text: str, lang: str, arrival: date
) -> None:
    (shipment,) = read(text, lang=lang).shipments
    assert shipment.expected_arrival is not None
    assert shipment.expected_arrival.earliest == arrival
    assert shipment.expected_arrival.latest == arrival


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # a departure not known to the day dates nothing
        ("In early March a train left Slonim for Valuyki. The journey time is 3 days.", "en"),
        ("В начале марта эшелон ушёл из Слонима в Валуйки. Время в пути 3 дня.", "ru"),
        # a trip length with no number is no length
        ("A train left Slonim for Valuyki on 8 March. The journey time is not known.", "en"),
    ],
)
def test_trip_length_without_a_day_or_a_number_dates_nothing(text: str, lang: str) -> None:
    (shipment,) = read(text, lang=lang).shipments
    assert shipment.expected_arrival is None


def test_an_arrival_told_is_kept_over_a_trip_length() -> None:
    (shipment,) = read(
        "A train left Slonim on 8 March and arrived in Valuyki on 9 March. "
        "The journey time is usually 5 days.",
        lang="en",
    ).shipments
    assert shipment.expected_arrival is not None
    assert shipment.expected_arrival.earliest == date(2023, 3, 9)


@pytest.mark.parametrize(
    "text",
    [
        # another train told in the sentence, or another means of transport
        "A timber train left Tomsk on 28 May. Another train will go to Chengdu; "
        "the journey time is 9 days.",
        "A timber train left Tomsk on 28 May. The trip takes 2 days by truck.",
    ],
)
def test_a_trip_length_of_something_else_dates_nothing(text: str) -> None:
    # (review17 #2)
    first = read(text, published=date(2017, 5, 29), lang="en").shipments[0]
    assert first.expected_arrival is None

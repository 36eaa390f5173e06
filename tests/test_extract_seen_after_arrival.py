"""A train seen where an earlier train had arrived, on a later day (trial20 T7).

"11 grudnia na stację Polonka przybył eszelon ... 18 grudnia na stacji Polonka
zauważono pociąg": a train arrives at its destination once, so a train seen arriving
there a week later is another train, not a late sighting of the first (which would
move its arrival). A train told standing there still, or seen there on its arrival
day, is the one that arrived.
"""

from __future__ import annotations

import pytest

from tests._extract_helpers import read

ANOTHER_TRAIN_SEEN = [
    (
        "ru",
        "1 марта на станцию Полонка прибыл эшелон из Миасса с 30 грузовиками. "
        "8 марта на станции Полонка замечен поезд с 10 танками.",
    ),
    (
        "uk",
        "1 березня на станцію Полонка прибув ешелон з Міаса з 30 вантажівками. "
        "8 березня на станції Полонка помічено потяг з 10 танками.",
    ),
    (
        "be",
        "1 сакавіка на станцыю Палонка прыбыў эшалон з Міяса з 30 грузавікамі. "
        "8 сакавіка на станцыі Палонка заўважаны цягнік з 10 танкамі.",
    ),
    (
        "pl",
        "1 marca na stację Polonka przybył eszelon ze stacji Miass z 30 ciężarówkami. "
        "8 marca w ciągu dnia na stacji Polonka zauważono pociąg z 10 czołgami.",
    ),
    (
        "en",
        "On 1 March a train from Miass with 30 trucks arrived at Polonka. "
        "On 8 March a train with 10 tanks was spotted at Polonka.",
    ),
]


@pytest.mark.parametrize(("lang", "text"), ANOTHER_TRAIN_SEEN)
def test_a_train_seen_where_one_arrived_a_later_day_is_another(lang: str, text: str) -> None:
    result = read(text, lang=lang)
    assert len(result.shipments) == 2
    first, second = result.shipments
    assert first.expected_arrival is not None
    assert str(first.expected_arrival.earliest) == "2023-03-01"
    # the first train keeps its arrival; the sighting is the second train's
    assert [s.shipment for s in result.sightings] == [second.id]
    assert str(result.sightings[0].seen_at.date()) == "2023-03-08"


SAME_TRAIN_SEEN = [
    # standing there still: the train that arrived
    (
        "ru",
        "1 марта на станцию Полонка прибыл эшелон из Миасса с 30 грузовиками. "
        "8 марта эшелон всё ещё стоял на станции Полонка.",
    ),
    (
        "uk",
        "1 березня на станцію Полонка прибув ешелон з Міаса з 30 вантажівками. "
        "8 березня ешелон ще стояв на станції Полонка.",
    ),
    (
        "be",
        "1 сакавіка на станцыю Палонка прыбыў эшалон з Міяса з 30 грузавікамі. "
        "8 сакавіка эшалон яшчэ стаяў на станцыі Палонка.",
    ),
    (
        "pl",
        "1 marca na stację Polonka przybył eszelon ze stacji Miass z 30 ciężarówkami. "
        "8 marca pociąg nadal stał na stacji Polonka.",
    ),
    # seen on the day it arrived: the same train
    (
        "ru",
        "8 марта на станцию Полонка прибыл эшелон из Миасса с 30 грузовиками. "
        "8 марта на станции Полонка замечен поезд с 30 грузовиками.",
    ),
    (
        "pl",
        "8 marca na stację Polonka przybył eszelon ze stacji Miass z 30 ciężarówkami. "
        "8 marca na stacji Polonka zauważono pociąg z 30 ciężarówkami.",
    ),
]


@pytest.mark.parametrize(("lang", "text"), SAME_TRAIN_SEEN)
def test_a_train_standing_or_seen_on_its_day_is_the_one_that_arrived(lang: str, text: str) -> None:
    result = read(text, lang=lang)
    assert len(result.shipments) == 1

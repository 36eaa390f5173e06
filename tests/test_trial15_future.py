"""Clock times, dates and sightings (issue 13, trial14 T4, S5, S6; trial13 T16, S1, S4).

T4 a train's itinerary told day by day in one clause dates each place by its own day
(:mod:`railtrack.extract.itinerary`); S5 a part of the day with no day is of the post's
day, as a clock time is; S6 "Dziś w nocy" is the night before the post, one sighting.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from railtrack.extract.clock import CLOCK_ALONE, TIME_OF_DAY, clock_day
from railtrack.extract.clocklists import listed_times
from railtrack.extract.itinerary import days_in_turn
from railtrack.extract.sentences import after_clock_word, sentence_ends
from tests._extract_helpers import read

APR14 = date(2023, 4, 14)
APR17 = date(2023, 4, 17)
APR20 = date(2023, 4, 20)

# -- T4: an itinerary, a day for each place --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("19 красавіка эшалон прайшоў праз Магілёў, а 20 красавіка — праз Крычаў.", "be"),
        ("19 апреля эшелон прошёл через Могилёв, а 20 апреля — через Кричев.", "ru"),
        ("19 апреля эшелон проследовал через Оршу, а 20 апреля — через Смоленск.", "ru"),
        ("19 квітня ешелон пройшов через Могильов, а 20 квітня — через Кричев.", "uk"),
        ("19 kwietnia pociąg przejechał przez Mohylew, a 20 kwietnia przez Krzyczew.", "pl"),
        ("19 kwietnia pociąg przejechał przez Orszę, a 21 kwietnia przez Smoleńsk.", "pl"),
    ],
)  # fmt: skip
def test_an_itinerary_dates_each_place_by_its_own_day(text: str, lang: str) -> None:
    result = read(text, APR20, lang=lang)
    seen = sorted((s.seen_at.date(), s.station.text) for s in result.sightings)
    assert len(seen) == 2
    assert seen[0][0] == date(2023, 4, 19)
    assert seen[1][0] > seen[0][0]
    # the first place is seen once, on its own day, never on the second day as well
    assert seen[0][1] != seen[1][1]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("On April 19 it passed Mahiliou, and on April 20 Krychau.", "en"),
        ("On April 18 a train left Minsk and on April 19 passed Orsha.", "en"),
    ],
)
def test_one_place_and_two_days_is_one_sighting(text: str, lang: str) -> None:
    result = read(text, APR20, lang=lang)
    assert len({s.seen_at.date() for s in result.sightings}) <= 1
    assert len(result.sightings) <= 1


def test_days_in_turn_pairs_either_order() -> None:
    assert days_in_turn([10, 40], [0, 30]) == {10: 0, 40: 30}  # day, place, day, place
    assert days_in_turn([0, 30], [10, 40]) == {0: 10, 30: 40}  # place, day, place, day
    assert days_in_turn([10], [0]) == {}


# -- S6 / S4: a night is one sighting ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Dziś w nocy przez Orszę przejechał pociąg z 40 wagonami.", "pl"),
        ("Dzisiaj w nocy przez Orszę przejechał pociąg z 40 wagonami.", "pl"),
        ("Сегодня ночью через Оршу прошёл эшелон из 40 вагонов.", "ru"),
        ("Сёння ноччу праз Оршу прайшоў эшалон з 40 вагонаў.", "be"),
        ("Сьогодні вночі через Оршу пройшов ешелон з 40 вагонів.", "uk"),
        ("Last night a train of 40 cars passed through Orsha.", "en"),
    ],
)
def test_tonight_is_one_sighting_at_the_nights_midnight(text: str, lang: str) -> None:
    result = read(text, APR17, lang=lang)
    assert [(s.seen_at, s.precision) for s in result.sightings] == [(datetime(2023, 4, 17), "days")]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("В ночь на 13 апреля через Оршу прошёл эшелон из 40 вагонов.", "ru"),
        ("У ноч на 13 красавіка праз Оршу прайшоў эшалон з 40 вагонаў.", "be"),
        ("У ніч на 13 квітня через Оршу пройшов ешелон з 40 вагонів.", "uk"),
        ("W nocy z 12 na 13 kwietnia przez Orszę przejechał pociąg z 40 wagonami.", "pl"),
    ],
)
def test_a_dated_night_is_one_sighting(text: str, lang: str) -> None:
    result = read(text, APR14, lang=lang)
    assert [(s.seen_at, s.precision) for s in result.sightings] == [(datetime(2023, 4, 13), "days")]


def test_tonight_arrival_is_the_nights_window() -> None:
    result = read("Сегодня ночью в Брест прибыл эшелон из 40 вагонов.", APR17, lang="ru")
    (train,) = result.shipments
    window = train.expected_arrival
    assert window is not None
    assert (window.earliest, window.latest) == (date(2023, 4, 16), APR17)


# -- S5 / T16: a clock time or a part of the day with no day ------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Эшелон прибыл в Борисов вечером: 41 вагон.", "ru"),
        ("Эшелон прибыл в Борисов утром: 41 вагон.", "ru"),
        ("Эшалон прыбыў у Барысаў увечары: 41 вагон.", "be"),
        ("Ешелон прибув до Борисова увечері: 41 вагон.", "uk"),
        ("Pociąg przyjechał do Borysowa wieczorem. Liczył 41 wagonów.", "pl"),
        ("Pociąg przyjechał do Borysowa późnym wieczorem. Liczył 41 wagonów.", "pl"),
        ("The train arrived in Borisov this evening. It had 41 cars.", "en"),
        ("Эшелон, о котором мы писали утром, прибыл в Борисов в 18:05.", "ru"),
        ("Pociąg przyjechał do Borysowa o 18:05. Liczył 41 wagonów.", "pl"),
    ],
)
def test_a_time_with_no_day_is_of_the_publication_day(text: str, lang: str) -> None:
    result = read(text, APR17, lang=lang)
    (train,) = result.shipments
    window = train.expected_arrival
    assert window is not None
    assert (window.earliest, window.latest) == (APR17, APR17)
    assert not any("cannot date" in p for p in result.problems)


def test_a_part_of_the_day_after_a_dated_sentence_keeps_that_day() -> None:
    text = "13 апреля эшелон прибыл в Брест. Вечером его разгрузили."
    result = read(text, APR17, lang="ru")
    window = result.shipments[0].expected_arrival
    assert window is not None
    assert window.earliest == date(2023, 4, 13)


def test_clock_day_reads_a_part_of_the_day_only_with_its_language() -> None:
    assert clock_day("Эшелон прибыл вечером.") is None
    span = clock_day("Эшелон прибыл вечером.", "ru")
    assert span is not None
    assert (span.text, span.get("rel")) == ("вечером", "today")


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("13 kwietnia o godz. 22:40 przez Żłobin w kierunku Homla przejechał pociąg"
         " wojskowy (42 wagony).", datetime(2023, 4, 13, 22, 40)),
        ("13 квітня ешелон проїхав станцію Орша о 22:40.", datetime(2023, 4, 13, 22, 40)),
    ],
)  # fmt: skip
def test_a_time_after_godz_or_after_the_station_is_kept(text: str, when: datetime) -> None:
    assert [s.seen_at for s in read(text, APR14).sightings] == [when]


# -- the review mends: one time-of-day pattern, one module of sentence ends ----------------


def test_one_time_of_day_pattern_and_its_clock_variant() -> None:
    assert [m[0] for m in TIME_OF_DAY.finditer("в 8:00, 12:30; 14.03; 25:00; 10:00:05")] == [
        "8:00",
        "12:30",
    ]
    assert TIME_OF_DAY.search("а 17:30: 41 вагон") is None
    found = CLOCK_ALONE.search("а 17:30: 41 вагон")
    assert found is not None
    assert (found[1], found[2]) == ("17", "30")


def test_a_clock_words_period_ends_no_sentence() -> None:
    text = "o godz. 22:40 przez Żłobin. Dalej"
    assert after_clock_word(text, text.index("."))
    assert [m.start(2) for m in sentence_ends(text, 0, len(text))] == [text.index("n.") + 1]


def test_listed_times_after_godz() -> None:
    text = "Przez Żłobin przejechały dziś 3 pociągi: o godz. 8:00, 12:30 i 19:10."
    spans = listed_times(text, text.index("3 pociągi"), 3)
    assert spans is not None
    assert [text[a:b] for a, b in spans] == ["8:00", "12:30", "19:10"]

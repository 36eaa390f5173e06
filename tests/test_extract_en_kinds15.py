"""Kinds of misreading found on real English reports and their twins in session 15 (issue 13).

Every input is written here (not copied from a corpus or a trial's files); each stands
for a kind, in every language it concerns, and the assertions are about the kind, never
about one text.
"""

from datetime import date

import pytest

from railtrack.extract.places import find_places
from tests._extract_helpers import ends, read

# -- trains counted by day and station, the heading said of them all ------------------
# "Trains are returning to Russia: on April 13 two echelons left Brest, on April 12 one
# left Baranavichy" (trial13 T6): three trains, each part its own day and station, the
# heading's goal said of every one. English clauses part at the colon, so the heading
# is the sentence's words before the list; the number of a part may stand before its
# date ("one left Slonim on May 2") as well as after it.

_PUB = date(2023, 5, 14)

_DAY_LISTS = [
    (
        "en",
        "Echelons are going back to Russia: on May 12 three trains left Polonka, "
        "on May 11 one left Luninets.",
        [("Polonka", 3, "05-12"), ("Luninets", 1, "05-11")],
        "Russia",
    ),
    (
        "en",
        "Trains are leaving for Russia: two echelons left Osipovichi on May 10, "
        "one left Slutsk on May 9.",
        [("Osipovichi", 2, "05-10"), ("Slutsk", 1, "05-09")],
        "Russia",
    ),
    (
        "en",
        "Two trains left Gomel for Bryansk on May 8, and one left Zhlobin on May 7.",
        [("Gomel", 2, "05-08"), ("Zhlobin", 1, "05-07")],
        "Bryansk",
    ),
    (
        "ru",
        "Эшелоны уходят в Россию: 12 мая из Полонки ушли 3 эшелона, 11 мая из Лунинца — 1.",
        [("Полонки", 3, "05-12"), ("Лунинца", 1, "05-11")],
        "Россию",
    ),
    (
        "pl",
        "Pociągi wracają do Rosji: 12 maja z Połonki wyjechały 3 składy, 11 maja z Łunińca – 1.",
        [("Połonki", 3, "05-12"), ("Łunińca", 1, "05-11")],
        "Rosji",
    ),
]


@pytest.mark.parametrize(("lang", "text", "parts", "goal"), _DAY_LISTS)
def test_each_day_and_station_of_a_list_is_its_own_trains_with_the_heading_goal(
    lang: str, text: str, parts: list[tuple[str, int, str]], goal: str
) -> None:
    result = read(text, published=_PUB, lang=lang)
    got = sorted(
        (
            s.origin.text if s.origin else None,
            s.departure.earliest.strftime("%m-%d") if s.departure else None,
        )
        for s in result.shipments
    )
    want = sorted((place, day) for place, n, day in parts for _ in range(n))
    assert got == want, text
    assert all(s.destination and s.destination.text == goal for s in result.shipments), text


def test_a_list_of_one_part_is_no_day_list() -> None:
    text = "Two trains left Gomel for Bryansk on May 8, according to the railway workers."
    result = read(text, published=_PUB)
    assert len(result.shipments) == 2
    assert {s.origin.text for s in result.shipments if s.origin} == {"Gomel"}


# -- "back to" after a verb of moving names an end -------------------------------------
# "head back to Russia", "was sent back to Brest": the place is where the train goes;
# "dating back to 1916" and "traced back to" stay no end.


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("The echelons head back to Russia.", "Russia"),
        ("The empty train was sent back to Orsha on Monday.", "Orsha"),
        ("The flatcars are going back to Bryansk.", "Bryansk"),
        ("The train returned back to Polonka.", "Polonka"),
    ],
)
def test_back_to_after_a_verb_of_moving_is_a_destination(text: str, place: str) -> None:
    assert [(p.role, p.text) for p in find_places(text)] == [("destination", place)]


@pytest.mark.parametrize(
    "text",
    [
        "The depot's history dates back to Tsarist Russia.",
        "The wagons were traced back to Orsha by their numbers.",
    ],
)
def test_back_to_without_a_verb_of_moving_is_no_end(text: str) -> None:
    assert not [p for p in find_places(text) if p.role == "destination"]


# -- what a train's load is worth is no statistic ----------------------------------------
# "Carrying goods worth over 3 million yuan, the first cargo train departed from ...":
# one train on its way is the topic, whatever its load is worth (as the lexicon languages
# read "груженный ... товаров на 24,9 млн юаней"); a sentence of money or tonnage with
# no train moving stays off topic.

_WORTH = [
    "Carrying goods worth over 2 million dollars, a container train left Minsk for Orsha "
    "on Tuesday.",
    "A freight train with machinery valued at 1.5 billion roubles departed from Brest for "
    "Smolensk on 7 March.",
    "The block train, loaded with parts worth 40 million euros, left Malaszewicze for "
    "Minsk on 6 March.",
]


@pytest.mark.parametrize("text", _WORTH)
def test_a_train_whose_load_is_valued_is_still_a_shipment(text: str) -> None:
    result = read(text)
    assert len(result.shipments) == 1, text
    assert result.shipments[0].origin is not None
    assert result.shipments[0].departure is not None


@pytest.mark.parametrize(
    "text",
    [
        "Rail freight between Brest and Minsk grew to 12 million tonnes last year.",
        "Exports by rail from Orsha to Smolensk rose by 5 per cent.",
    ],
)
def test_money_and_tonnage_without_a_train_on_its_way_stay_off_topic(text: str) -> None:
    assert read(text).shipments == [], text


# -- a stretch by road names no train's ends ---------------------------------------------
# "halving the time it used to take from Chongqing to Vientiane by road", "the tanks went
# on by truck to the range": the places of the road are not the train's; the rest of the
# clause keeps its train.


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "The first cargo train left Slonim for Valuyki on Tuesday. The train will take "
            "four days, half the time it took from Minsk to Valuyki by road.",
            [("Slonim", "Valuyki")],
        ),
        (
            "A train with howitzers arrived at Polonka on 8 March and the guns went on by "
            "truck to Baranovichi.",
            [(None, "Polonka")],
        ),
        (
            "An echelon left Orsha for Bryansk on 7 March; the crews followed by road from "
            "Minsk to Smolensk.",
            [("Orsha", "Bryansk")],
        ),
    ],
)
def test_a_road_stretch_gives_the_train_no_end(
    text: str, want: list[tuple[str | None, str | None]]
) -> None:
    assert ends(read(text)) == want, text

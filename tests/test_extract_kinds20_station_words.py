"""A station named by its building, "one of" the stations (issue 13, session 20; r1061).

1. The word for a station building ("вокзал", "вакзал", "dworzec"), in every case form,
   is a station word as "станция" is (the lexicons' ``station_words``): a lone train
   that arrived at one in a region has the region as its destination.
2. "One of" after a preposition of place ("на один із вокзалів", "na jeden z
   dworców"): one of the places the preposition leads to, never a new train; "один із
   ешелонів", one of the trains, still opens a train.
"""

from __future__ import annotations

import pytest

from railtrack.extract import extract_shipments
from railtrack.extract.lexicon import lexicon


def _trains(text: str, lang: str) -> list[dict]:
    result = extract_shipments(text, published="2023-03-10", lang=lang, network=False)
    return result.to_dict()["shipments"]


def _destinations(text: str, lang: str) -> list[str | None]:
    return [
        None if t.get("destination") is None else t["destination"]["text"]
        for t in _trains(text, lang)
    ]


ONE_OF_THE_STATIONS = [
    (
        "en",
        "A train arrived at one of the railway stations in the Voronezh region.",
        "Voronezh region",
    ),
    ("ru", "Эшелон прибыл на один из вокзалов в Воронежской области.", "Воронежской области"),
    ("ru", "Эшелон прибыл на железнодорожный вокзал в Воронежской области.", "Воронежской области"),
    (
        "uk",
        "Ешелон прибув на один із залізничних вокзалів у Воронезькій області.",
        "Воронезькій області",
    ),
    ("uk", "Ешелон прибув на залізничний вокзал у Воронезькій області.", "Воронезькій області"),
    ("be", "Эшалон прыбыў на адзін з вакзалаў у Варонежскай вобласці.", "Варонежскай вобласці"),
    ("be", "Эшалон прыбыў на чыгуначны вакзал у Варонежскай вобласці.", "Варонежскай вобласці"),
    (
        "pl",
        "Pociąg z czołgami przyjechał na jeden z dworców w obwodzie woroneskim.",
        "obwodzie woroneskim",
    ),
    ("pl", "Pociąg z czołgami przyjechał na dworzec w obwodzie woroneskim.", "obwodzie woroneskim"),
]


@pytest.mark.parametrize(("lang", "text", "region"), ONE_OF_THE_STATIONS)
def test_a_station_building_in_a_region_is_the_destination(
    lang: str, text: str, region: str
) -> None:
    assert _destinations(text, lang) == [region]


# a region with no station word before it stays news about trains in general
NO_STATION_WORD = [
    ("ru", "Эшелон прибыл в Воронежскую область."),
    ("uk", "Ешелон прибув у Воронезьку область."),
    ("be", "Эшалон прыбыў у Варонежскую вобласць."),
    ("en", "A train arrived in the Voronezh region."),
]


@pytest.mark.parametrize(("lang", "text"), NO_STATION_WORD)
def test_a_region_without_a_station_word_gives_no_train(lang: str, text: str) -> None:
    assert _trains(text, lang) == []


# "one of the trains" still opens a train of its own
ONE_OF_THE_TRAINS = [
    ("ru", "Один из эшелонов прибыл в Брест, другой в Оршу.", ["Брест", "Оршу"]),
    ("uk", "Один із ешелонів прибув до Бреста, інший до Орші.", ["Бреста", "Орші"]),
    ("be", "Адзін з эшалонаў прыбыў у Брэст, другі ў Оршу.", ["Брэст", "Оршу"]),
    ("pl", "Jeden z pociągów przyjechał do Brześcia, drugi do Orszy.", ["Brześcia", "Orszy"]),
]


@pytest.mark.parametrize(("lang", "text", "ends"), ONE_OF_THE_TRAINS)
def test_one_of_the_trains_still_opens_a_train(lang: str, text: str, ends: list[str]) -> None:
    assert _destinations(text, lang) == ends


STATION_WORDS = [
    ("ru", "у вокзала", True),
    ("ru", "на подстанции", False),
    ("uk", "біля вокзалів", True),
    ("be", "каля вакзала", True),
    ("pl", "przy dworcu", True),
    ("pl", "dworzec", True),
    ("en", "at the station", True),
    ("en", "troops stationed", False),
]


@pytest.mark.parametrize(("lang", "text", "expected"), STATION_WORDS)
def test_station_words_in_every_case(lang: str, text: str, expected: bool) -> None:
    words = lexicon(lang).station_words
    assert words is not None
    assert (words.search(text) is not None) is expected

"""English same-day and final-stop words are en.yaml keys, as the other lexicons' (review19 #10)."""

from __future__ import annotations

import pytest

from railtrack.extract.lexicon import lexicon
from railtrack.extract.readers import EnglishReader


@pytest.mark.parametrize(
    "text",
    [
        "On the same day another train left Orsha.",
        "That evening a second train of 20 cars left Orsha.",
        "Later that morning it reached Gomel.",
        "During the day the train passed Zhlobin.",
        "later the same day it was seen in Kalinkovichi",
    ],
)
def test_english_same_day_words_come_from_the_lexicon(text: str) -> None:
    pattern = lexicon("en").same_day
    assert pattern is not None
    assert EnglishReader.same_day is pattern
    assert pattern.search(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "The train left Orsha in the evening.",  # no "that": no day told before
        "That evenings' trains",  # no whole word
        "the same road",
    ],
)
def test_english_same_day_negatives(text: str) -> None:
    pattern = lexicon("en").same_day
    assert pattern is not None
    assert pattern.search(text) is None


@pytest.mark.parametrize(
    ("text", "at"),
    [
        ("Its further destination is Yelsk.", 4),
        ("moving towards Orsha, where it was later seen heading to Smolensk", 22),
        ("headed to Orsha and then departed for Osipovichi", 16),
        ("arrived in Orsha, where the echelon were later unloaded", 18),
    ],
)
def test_english_final_stop_words_come_from_the_lexicon(text: str, at: int) -> None:
    assert lexicon("en").final_stop is not None
    assert EnglishReader().final_stop_at(text) == at


@pytest.mark.parametrize(
    "text",
    [
        "and left at Balkhash station",  # no "for"/"to": the train was left there
        "the destination is Yelsk",
        "where it stood for a day",
    ],
)
def test_english_final_stop_negatives(text: str) -> None:
    assert EnglishReader().final_stop_at(text) is None

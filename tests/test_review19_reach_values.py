"""The station-word look-back and the travel-time reach are lexicon values (review19 #11).

Both are read where no Settings reach (the train assembly's region rule, the
lexicon reader's travel time), so they are per-language lexicon values, as
``people_on_board.noun_reach`` is.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from railtrack.extract import extract_shipments, trains
from railtrack.extract.lexicon import LANGUAGES, lexicon
from railtrack.extract.lexread import LexiconReader, named_trip_lengths


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_lexicon_states_both_reaches(lang: str) -> None:
    lex = lexicon(lang)
    assert lex.station_word_reach == 60
    assert lex.trip_length_reach == 3


@pytest.mark.parametrize(
    ("lang", "text", "days"),
    [
        ("ru", "Время в пути составило около 7 дней.", 7),
        ("uk", "Час у дорозі склав приблизно 5 днів.", 5),
    ],
)
def test_the_trip_length_reach_bounds_the_words_before_the_number(
    lang: str, text: str, days: int
) -> None:
    rd = LexiconReader(lang)
    pattern = rd._pattern("trip_length")
    found = named_trip_lengths(text, rd.lex, pattern, rd._number_at)
    assert [d for d, _, _ in found] == [days]
    short = replace(rd.lex, trip_length_reach=0)  # negative: no word may stand between
    assert named_trip_lengths(text, short, pattern, rd._number_at) == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Эшелон с танками прибыл на железнодорожную станцию в Воронежской области.", "ru"),
        ("The train with tanks arrived at a railway station in the Voronezh region.", "en"),
    ],
)
def test_the_station_word_reach_is_the_lexicons(
    text: str, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def kept() -> int:
        got = extract_shipments(text, published=date(2021, 11, 9), network=False, lang=lang)
        return len(got.shipments)

    assert kept() == 1
    near = replace(lexicon(lang), station_word_reach=3)  # negative: the word is further back
    monkeypatch.setattr(trains, "lexicon", lambda code: near if code == lang else lexicon(code))
    assert kept() == 0

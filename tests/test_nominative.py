"""The nominative made from the paradigm equals pymorphy3's ``Parse.inflect({"nomn"})``.

``railtrack.extract._nominative`` picks the nominative on the paradigm's tags instead of
building the lexeme (issue 15, session 14, speed); every answer must stay pymorphy3's.
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path
from typing import Any

import pymorphy3
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from railtrack.extract._nominative import NOT_HANDLED, nominative_word
from railtrack.extract.morph import oblique_forms

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).parents[1]
CASES = ("gent", "datv", "accs", "ablt", "loct")


@cache
def _analyzer(lang: str) -> Any:
    return pymorphy3.MorphAnalyzer(lang=lang)


def _cyrillic_words() -> list[str]:
    """Every Cyrillic word of the names tables and the theatre stations, with case forms."""
    texts: set[str] = set()
    for path in sorted((DATA / "names_real").glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as f:
            texts.update(row["name_as_written"] for row in csv.DictReader(f))
    with (ROOT / "data" / "network" / "stations.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            texts.add(row["name_ru"])
            texts.update(row["aliases"].split("|"))
    words = {w.strip("()\"'.,") for t in texts for w in t.replace("-", " ").split()}
    words = {w for w in words if w and any("а" <= c.lower() <= "я" or c in "іїєґў" for c in w)}
    out = set(words)
    for w in words:
        for lang in ("ru", "uk"):
            out.update(f for f in oblique_forms(w, lang, CASES) if f)
    return sorted(out)


def _expected(parse: Any) -> str | None:
    inflected = parse.inflect({"nomn"})
    return None if inflected is None else str(inflected.word)


@pytest.mark.parametrize("lang", ["ru", "uk"])
def test_nominative_equals_inflect_on_every_table_word(lang: str) -> None:
    morph = _analyzer(lang)
    handled = 0
    for word in _cyrillic_words():
        for parse in morph.parse(word)[:3]:
            got = nominative_word(parse)
            if got is NOT_HANDLED:
                continue
            handled += 1
            assert got == _expected(parse), (word, parse)
    assert handled > 1000  # the fast path is taken, not skipped


@pytest.mark.parametrize(
    ("word", "lang", "nominative"),
    [
        ("Орши", "ru", "орша"),
        ("Валуйках", "ru", "валуйки"),
        ("Брянской", "ru", "брянская"),
        ("Калузі", "uk", "калуга"),
        # a word pymorphy3 does not know, guessed by its ending (KnownSuffixAnalyzer)
        ("Прокатниковке", "ru", "прокатниковка"),
    ],
)
def test_nominative_of_known_forms(word: str, lang: str, nominative: str) -> None:
    parse = next(p for p in _analyzer(lang).parse(word) if p.tag.case not in (None, "nomn"))
    assert nominative_word(parse) == nominative == _expected(parse)


def test_hyphenated_parse_is_left_to_inflect() -> None:
    parses = _analyzer("ru").parse("Каменска-Шахтинского")
    assert any(nominative_word(p) is NOT_HANDLED for p in parses)


_SYLLABLES = st.sampled_from(
    ["ка", "ло", "ви", "ор", "ша", "ск", "ни", "ево", "ово", "ин", "ск", "ря", "за", "по"]
)
_ENDINGS = st.sampled_from(["", "а", "е", "и", "у", "ой", "ом", "ах", "ям", "ого", "ей", "ую"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_SYLLABLES, min_size=1, max_size=4), _ENDINGS, st.sampled_from(["ru", "uk"]))
def test_property_nominative_equals_inflect(parts: list[str], ending: str, lang: str) -> None:
    word = "".join(parts) + ending
    for parse in _analyzer(lang).parse(word)[:5]:
        got = nominative_word(parse)
        if got is not NOT_HANDLED:
            assert got == _expected(parse), (word, parse)

"""The suffix rules indexed by ending (``railtrack._suffixes``) match as the plain loop does.

Every rule table the resolver declines names with (``inflection._RULES``,
``extract.morph._SUFFIX_RULES``, every language) is held to the loop the index
replaces (:func:`plain_matches`) on every word of the default network's place names
and on Hypothesis-drawn words made of the rules' own letters and endings, so that
long, short, repeated and overlapping endings are all reached.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from railtrack import inflection
from railtrack._suffixes import Rule, SuffixTable
from railtrack.extract import morph
from railtrack.network import load_network

TABLES = {
    **{f"inflection {k}": v for k, v in inflection._RULES.items()},
    **{f"morph {k}": v for k, v in morph._SUFFIX_RULES.items()},
}
ENDINGS = sorted({ending for rules in TABLES.values() for ending, _ in rules})
LETTERS = sorted({ch for ending in ENDINGS for ch in ending} | set("абвгкпрстxyz"))


def plain_matches(rules: tuple[Rule, ...], word: str) -> tuple[Rule, ...]:
    """The rule as stated: every rule whose ending the word ends with, in order."""
    return tuple((ending, noms) for ending, noms in rules if word.endswith(ending))


@pytest.fixture(scope="module")
def network_words() -> list[str]:
    """Every distinct lower-cased word of the default network's place names."""
    G = load_network().G
    words: set[str] = set()
    for _, d in G.nodes(data=True):
        for key in ("name", "name_ru", "name_uk", "name_be"):
            words.update(w.lower() for w in re.findall(r"\w+", str(d.get(key) or "")))
    return sorted(words)


@pytest.mark.parametrize("table", sorted(TABLES))
def test_matches_as_the_plain_loop_on_network_words(table: str, network_words: list[str]) -> None:
    rules = TABLES[table]
    index = SuffixTable(rules)
    matched = 0
    for word in network_words:
        expected = plain_matches(rules, word)
        assert index.matches(word) == expected, word
        matched += bool(expected)
    assert matched > 0  # the words reach the rules (a table no word ends like tests nothing)


@settings(max_examples=300, deadline=None)
@given(
    stem=st.text(alphabet=LETTERS, max_size=6),
    ending=st.sampled_from(["", *ENDINGS]),
    table=st.sampled_from(sorted(TABLES)),
)
def test_matches_as_the_plain_loop_on_drawn_words(stem: str, ending: str, table: str) -> None:
    rules = TABLES[table]
    word = stem + ending
    assert SuffixTable(rules).matches(word) == plain_matches(rules, word)


def test_a_repeated_ending_keeps_every_rule_in_order() -> None:
    rules: tuple[Rule, ...] = (("а", ("1",)), ("ка", ("2",)), ("а", ("3",)), ("x", ("4",)))
    assert SuffixTable(rules).matches("рука") == (rules[0], rules[1], rules[2])
    assert SuffixTable(rules).matches("а") == (rules[0], rules[2])
    assert SuffixTable(rules).matches("") == ()

"""Stem bounds of name matching are named constants with their reasons (tidy3 #3).

Each bound is checked at its edge: one letter shorter is read otherwise. The values
are those the bare integers had (the names benchmark is identical before and after).
"""

from __future__ import annotations

import pytest

from railtrack import _translit, gazetteer, inflection
from railtrack._translit import is_suffix_word
from railtrack.inflection import _rule_forms, neuter_ending_forms


@pytest.mark.parametrize(
    ("module", "name", "value"),
    [
        (gazetteer, "_ABBREVIATION_LEAST", 3),
        (gazetteer, "_MISSPELLING_LEAST", 5),
        (gazetteer, "_INFLECTED_NAME_LEAST", 4),
        (gazetteer, "_CASE_STEM_LEAST", 3),
        (gazetteer, "_LOOSE_FUZZY_LEAST", 7),
        (inflection, "_RULE_STEM_LEAST", 2),
        (inflection, "_COMPOUND_PART_LEAST", 3),
        (inflection, "_NEUTER_NAME_LEAST", 6),
        (_translit, "_SUFFIX_WORD_LEAST", 4),
    ],
)
def test_each_stem_bound_is_named(module: object, name: str, value: int) -> None:
    assert getattr(module, name) == value


@pytest.mark.parametrize(("short", "long"), [("aya", "naya"), ("owa", "nowa"), ("owy", "nowy")])
def test_a_station_adjective_has_at_least_the_suffix_word_bound(short: str, long: str) -> None:
    assert len(long) == _translit._SUFFIX_WORD_LEAST
    assert not is_suffix_word(short)
    assert is_suffix_word(long)


def test_a_neuter_ending_is_swapped_only_in_a_long_enough_name() -> None:
    assert len("Lipowo") == inflection._NEUTER_NAME_LEAST
    assert neuter_ending_forms("Lipowo") == ["Lipowe"]
    assert neuter_ending_forms("Iwowo") == []


def test_a_suffix_rule_leaves_at_least_the_rule_stem() -> None:
    assert "Орёл" in _rule_forms("Орле", "ru")  # "Ор": two letters left
    assert _rule_forms("Уе", "ru") == ()  # one letter left: no stem

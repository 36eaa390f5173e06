"""``morph.name_forms`` keeps the first 12 distinct forms without joining every combination.

``_first_distinct`` is held to the plain statement it replaces
(``tuple(dict.fromkeys(items))[:n]``) on drawn lists, and ``name_forms`` to the plain
combination of its words' forms on names of one to three words in every language it
declines.
"""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from railtrack.extract import morph


@settings(max_examples=300, deadline=None)
@given(items=st.lists(st.sampled_from("abcdefghij"), max_size=40), n=st.integers(1, 15))
def test_first_distinct_as_the_plain_statement(items: list[str], n: int) -> None:
    assert morph._first_distinct(iter(items), n) == tuple(dict.fromkeys(items))[:n]


def plain_name_forms(name: str, lang: str) -> tuple[str, ...]:
    """The forms of a Cyrillic or Polish name as the code before stated them."""
    options = [morph._word_forms(w, lang)[:4] for w in name.split()]
    likeliest = " ".join(o[1] if len(o) > 1 else o[0] for o in options)
    combos = (" ".join(c) for c in itertools.product(*options))
    return tuple(dict.fromkeys([name, likeliest, *combos]))[:12]


NAMES = {
    "ru": ["Нижнего Новгорода", "Старого Оскола", "Великих Лук", "Минеральных Вод Южных"],
    "uk": ["Старого Осколу", "Нової Каховки", "Кривого Рогу", "Великих Лук Західних"],
    "be": ["Вялікіх Лук", "Старых Дарог", "Новай Гуты Паўночнай"],
    "pl": ["Starego Oskołu", "Wielkich Łuk", "Nowej Kachowki Zachodniej"],
}


@pytest.mark.parametrize(("lang", "name"), [(k, n) for k, v in NAMES.items() for n in v])
def test_name_forms_as_the_plain_combination(lang: str, name: str) -> None:
    morph.name_forms.cache_clear()
    assert morph.name_forms(name, lang) == plain_name_forms(name, lang)

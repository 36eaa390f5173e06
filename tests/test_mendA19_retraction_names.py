"""Review 19 #5: a retraction matches an unresolved place by a case ending only.

``io.retractions._same_place`` compared unresolved names with ``same_name_stem``, a
prefix test with no length bound: "the train to Бор was not confirmed" could retract a
train told to "Борисов" (Калуга/Калуш, Луга/Лугань too). A retraction takes its train
out of every total, so the names must be one name in two case forms
(:func:`railtrack._translit.same_case_form`).
"""

from __future__ import annotations

import pytest

from railtrack._translit import same_case_form
from railtrack.io.retractions import _same_place
from railtrack.records import Place

_SAME = [("Брест", "Бресте"), ("Орша", "Оршы"), ("Полоцк", "Полоцка"), ("Orsha", "Оршу")]
_OTHER = [("Бор", "Борисов"), ("Калуга", "Калуш"), ("Луга", "Лугань"), ("Минск", "Минусинск")]


def _place(name: str) -> Place:
    return Place(text=name, unresolved=True)


@pytest.mark.parametrize(("a", "b"), _SAME)
def test_a_case_form_is_the_same_unresolved_place(a: str, b: str) -> None:
    assert same_case_form(a, b)
    assert same_case_form(b, a)
    assert _same_place(_place(a), _place(b))


@pytest.mark.parametrize(("a", "b"), _OTHER)
def test_a_longer_name_on_the_same_start_is_another_place(a: str, b: str) -> None:
    assert not same_case_form(a, b)
    assert not same_case_form(b, a)
    assert not _same_place(_place(a), _place(b))

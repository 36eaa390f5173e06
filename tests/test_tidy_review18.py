"""Review18 #14-#17 mends (session 19, tidy2): one rule where there were copies,
thresholds in Settings, and the tests they asked for."""

from __future__ import annotations

import pytest

from railtrack._translit import same_name_stem
from railtrack.extract.attribution import attributed_outlet
from railtrack.settings import Settings


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Орша", "Оршу"),  # ru accusative
        ("Орша", "Орші"),  # uk locative
        ("Łuniniec", "Łunińca"),  # pl: the stem softens
        ("Лунинца", "Лунинце"),
        ("Hajun", "Hajuna"),  # an outlet's name in a Polish case
        ("Гаюн", "Hajun"),  # two scripts, one name
        ("Orsha", "Оршы"),  # two scripts and a case form
        ("Słonim", "Слонима"),
    ],
)
def test_case_forms_share_a_stem(a: str, b: str) -> None:
    assert same_name_stem(a, b)
    assert same_name_stem(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Орша", "Омск"),
        ("Брест", "Брянск"),
        ("Слоним", "Слуцк"),
        ("Łuniniec", "Łuków"),
        ("station", "станция"),  # noise words only: no name at all
        ("", "Орша"),
    ],
)
def test_other_names_do_not(a: str, b: str) -> None:
    assert not same_name_stem(a, b)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("По данным мониторинговой группы «Гаюн», эшелон прибыл в Брест.", "ru"),
        ("Jak podaje projekt monitoringowy Hajun, pociąg przyjechał do Brześcia.", "pl"),
        ("The Hajun monitoring group said a train arrived in Brest.", "en"),
    ],
)
def test_words_between_attribution_and_name_follow_the_setting(text: str, lang: str) -> None:
    assert attributed_outlet(text, lang) == "Belarusian Hajun"
    tight = Settings(attribution_words_between=0)
    assert attributed_outlet(text, lang, settings=tight) is None

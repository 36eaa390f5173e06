"""A train's hearsay field holds whole words, never a stem cut (trial18b T10 b).

"За неперевіреними даними, нібито вчора ввечері на станцію Мозир прибув ешелон ..."
gave ``hearsay: "За неперевірен"``, and the briefing showed 'unconfirmed: "За
неперевірен"': the lexicons list stems ("за неперевірен", "по непроверенн",
"niepotwierdzon") and the field took the match as it stopped. It now runs to the end of
the word. Belarusian "паводле неправераных звестак" and Polish "niezweryfikowanych
informacji" were no hearsay at all.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
import yaml

from railtrack.extract import extract_shipments
from railtrack.extract.hearsay import hearsay_at
from railtrack.extract.lexicon import LANGUAGES
from tests._corpora import SAFE_LOADER

LEXICONS = Path(__file__).resolve().parents[1] / "src" / "railtrack" / "extract" / "lexicons"


@pytest.mark.parametrize(
    ("lang", "text", "said"),
    [
        (
            "uk",
            "За неперевіреними даними, нібито вчора ввечері на станцію Мозир прибув ешелон "
            "з 40 вагонів.",
            "За неперевіреними",
        ),
        (
            "uk",
            "За непідтвердженою інформацією, вчора на станцію Мозир прибув ешелон з 40 вагонів.",
            "За непідтвердженою",
        ),
        (
            "ru",
            "По непроверенным данным, вчера вечером на станцию Мозырь прибыл эшелон из 40 вагонов.",
            "По непроверенным",
        ),
        (
            "ru",
            "По неподтверждённым данным, вчера на станцию Мозырь прибыл эшелон из 40 вагонов.",
            "По неподтверждённым",
        ),
        (
            "be",
            "Па непацверджаных звестках, учора на станцыю Мазыр прыбыў эшалон з 40 вагонаў.",
            "Па непацверджаных",
        ),
        (
            "be",
            "Паводле неправераных звестак, учора на станцыю Мазыр прыбыў эшалон з 40 вагонаў.",
            "Паводле неправераных",
        ),
        (
            "pl",
            "Według niepotwierdzonych informacji wczoraj na stację Mozyrz przyjechał pociąg "
            "z 40 wagonami.",
            "niepotwierdzonych",
        ),
        (
            "pl",
            "Według niezweryfikowanych informacji wczoraj na stację Mozyrz przyjechał pociąg "
            "z 40 wagonami.",
            "niezweryfikowanych",
        ),
        # a whole word of the list is told as it is
        (
            "uk",
            "Вчора ввечері на станцію Мозир нібито прибув ешелон з 40 вагонів.",
            "нібито",
        ),
        ("en", "Reportedly, a train of 40 cars arrived at Mazyr yesterday evening.", "Reportedly"),
    ],
)
def test_the_hearsay_field_holds_whole_words(lang: str, text: str, said: str) -> None:
    result = extract_shipments(text, published=date(2026, 8, 15), lang=lang)
    (train,) = result.shipments
    assert train.hearsay == said
    assert train.destination is not None


def test_a_named_source_is_no_hearsay() -> None:
    """Negative: "according to Hajun" names the source; the train is the source's own."""
    text = "Паводле звестак Гаюна, учора на станцыю Мазыр прыбыў эшалон з 40 вагонаў."
    (train,) = extract_shipments(text, published=date(2026, 8, 15), lang="be").shipments
    assert train.hearsay is None


def _entries() -> list[tuple[str, str]]:
    found = []
    for lang in LANGUAGES:
        data = yaml.load(
            (LEXICONS / f"{lang}.yaml").read_text(encoding="utf-8"), Loader=SAFE_LOADER
        )
        found += [(lang, str(entry)) for entry in data.get("hearsay") or []]
    return found


@pytest.mark.parametrize(("lang", "entry"), _entries())
def test_every_hearsay_entry_is_told_to_its_words_end(lang: str, entry: str) -> None:
    """Each language's every entry: a stem's word told whole, a whole word as it is."""
    words = entry.removesuffix("$")
    ending = "" if entry.endswith("$") else "ними"  # (a stem goes on inside its word)
    text = f"{words[0].upper()}{words[1:]}{ending} X. Y."
    found = hearsay_at(text, [(len(text) - 2, len(text) - 1), (0, 1)], lang)
    assert found is not None, text
    start, end = found
    assert start == 0
    assert text[start:end] == f"{words[0].upper()}{words[1:]}{ending}"
    assert not re.match(r"\w", text[end:])

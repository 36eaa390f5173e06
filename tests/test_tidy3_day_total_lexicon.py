"""Day-total words are every lexicon's ``day_total`` key, English too (issue 13, tidy3 #1).

English read them from a regex in ``cues.py`` while the other languages read the
lexicon: one key, one reading, in all five languages.
"""

from __future__ import annotations

import pytest

from railtrack.extract.lexicon import LANGUAGES, lexicon
from railtrack.extract.readers import reader_for

_TOTALS = {
    "en": ["In total, 4 trains, 153 cars.", "Altogether 4 trains", "The day's total: 4 trains"],
    "ru": ["Всего за день 4 эшелона, 153 вагона.", "Итого 4 эшелона"],
    "uk": ["Всього за добу 4 ешелони, 153 вагони."],
    "be": ["Усяго за дзень 4 эшалоны, 153 вагоны."],
    "pl": ["Łącznie 4 pociągi, 153 wagony."],
}
# the same lines without a total word, and words that only start like one
_NOT_TOTALS = {
    "en": ["Four trains arrived in Orsha.", "The allies sent 4 trains", "A totalled car"],
    "ru": ["В Оршу прибыли 4 эшелона."],
    "uk": ["До Орші прибули 4 ешелони."],
    "be": ["У Оршу прыбылі 4 эшалоны."],
    "pl": ["Do Orszy dotarły 4 pociągi."],
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_language_has_day_total_words(lang: str) -> None:
    assert lexicon(lang).day_total is not None


@pytest.mark.parametrize(
    ("lang", "text"), [(lang, text) for lang, texts in _TOTALS.items() for text in texts]
)
def test_a_day_total_line_is_read_from_the_lexicon(lang: str, text: str) -> None:
    pattern = lexicon(lang).day_total
    assert pattern is not None
    assert pattern.search(text) is not None
    assert reader_for(lang).names_day_total(text)


@pytest.mark.parametrize(
    ("lang", "text"), [(lang, text) for lang, texts in _NOT_TOTALS.items() for text in texts]
)
def test_a_line_without_total_words_is_no_day_total(lang: str, text: str) -> None:
    assert not reader_for(lang).names_day_total(text)

"""A word for a station in a name is every lexicon's ``station_words`` (tidy3 #2, issue 15).

The words were a regex in ``_translit.py``; now each language's lexicon lists them
and the gazetteer reads every language's the same way (a name is in any language).
"""

from __future__ import annotations

import pytest

from railtrack.extract.lexicon import LANGUAGES, raw_strings
from railtrack.gazetteer import station_word

_NAMED = {
    "en": ["Union Station", "the stations of Orsha"],
    "ru": ["станция Орша", "вокзал Гомель", "на станции Орша"],
    "uk": ["станції Орша", "станцію Гомель"],
    # "вакзал" (Belarusian spelling) and "stacją" (Polish instrumental) are words the
    # code's regex missed
    "be": ["станцыі Орша", "вакзал Гомель"],
    "pl": ["stacja Orsza", "dworzec Homel", "ze stacji Orsza", "stacją docelową Orsza"],
}
_NOT_NAMED = {
    "en": ["St Petersburg", "Stationary Point"],
    "ru": ["Станичная", "Стан"],
    "uk": ["Станіслав"],
    "be": ["Стаўбцы"],
    "pl": ["Staszów", "Dworzno"],
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_lexicon_lists_station_words(lang: str) -> None:
    assert any(key == "station_words" for key, _ in raw_strings(lang))


@pytest.mark.parametrize(
    ("lang", "name"), [(lang, name) for lang, names in _NAMED.items() for name in names]
)
def test_a_station_word_in_any_language_is_read(lang: str, name: str) -> None:
    assert station_word(name), (lang, name)


@pytest.mark.parametrize(
    ("lang", "name"), [(lang, name) for lang, names in _NOT_NAMED.items() for name in names]
)
def test_a_name_without_a_station_word(lang: str, name: str) -> None:
    assert not station_word(name), (lang, name)

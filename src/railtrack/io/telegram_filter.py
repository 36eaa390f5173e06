"""A fast test of whether a post can describe a train, run before full extraction.

A railway channel posts many things besides trains: road convoys, aircraft,
politics, appeals for donations. Full extraction (sentences, dates, places, the
gazetteer) costs about a millisecond a post; this test costs microseconds, so a
season of a channel's posts is read in seconds. It must never drop a post that
describes a train, so it is generous: a post passes when it contains any word for a
train, a railway car, a railway or a station, in English, Russian, Ukrainian,
Belarusian or Polish, or a train emoji. What it lets through that is not about
trains, extraction then finds nothing in.

The word list is :data:`RAIL_STEMS`, written from the words the railtrack report
corpora use (``tests/data/extraction*``) and the dictionaries' inflections of them,
each entry a word start, so one stem covers every case ending ("вагон", "вагонов",
"вагонів", "вагонаў", "wagonów"), together with every train and car noun of the
extraction lexicons (:func:`lexicon_words`), so that no post is dropped whose train
extraction would read. ``python benchmarks/telegram.py``
measures its recall on the real reports corpus and its speed.

Examples
--------
>>> mentions_rail("Ешелон із 40 вагонів прибув на станцію Мозир")
True
>>> mentions_rail("Pociąg z czołgami minął stację w Brześciu")
True
>>> mentions_rail("Колонна грузовиков прошла через Гомель")
False
"""

from __future__ import annotations

import re
from functools import lru_cache

from railtrack.extract.textpass import without_format

__all__ = ["RAIL_STEMS", "lexicon_words", "mentions_rail"]

RAIL_STEMS: dict[str, tuple[str, ...]] = {
    "en": (
        "train",
        "echelon",
        "rail",
        "wagon",
        "flatcar",
        "flat car",
        "flat-car",
        "boxcar",
        "tank car",
        "platform",
        "station",
        "locomotive",
        "carriage",
        "freight car",
        "cars",
        "shipment",
        "railhead",
        "depot",
        "siding",
        "junction",
        "gondola",
    ),
    "ru": (
        "поезд",
        "эшелон",
        "состав",
        "вагон",
        "полувагон",
        "платформ",
        "станци",
        "ж/д",
        "жд ",
        "ж.д",
        "железнодорож",
        "железн",
        "локомотив",
        "тепловоз",
        "электровоз",
        "цистерн",
        "перегон",
        "вокзал",
        "товарняк",
        "разъезд",
        "рзд",
        "ст. ",
        "жел. дор",
    ),
    "uk": (
        "потяг",
        "поїзд",
        "поезд",
        "ешелон",
        "склад",
        "вагон",
        "платформ",
        "станці",
        "залізн",
        "з/д",
        "локомотив",
        "тепловоз",
        "електровоз",
        "цистерн",
        "вокзал",
        "перегон",
        "роз'їзд",
        "розʼїзд",
    ),
    "be": (
        "цягнік",
        "цягнiк",
        "эшалон",
        "састаў",
        "вагон",
        "платформ",
        "станцы",
        "чыгун",
        "лакаматыў",
        "цеплавоз",
        "электравоз",
        "цыстэрн",
        "вакзал",
        "перагон",
        "раз'езд",
    ),
    "pl": (
        "pociąg",
        "pociag",
        "eszelon",
        "transport kolej",
        "kolej",
        "wagon",
        "platform",
        "stacj",
        "stacyj",
        "lokomotyw",
        "cystern",
        "skład",
        "sklad",
        "dworzec",
        "dworc",
        "bocznic",
    ),
    "latin": (
        "ciahnik",
        "cahnik",
        "vahon",
        "ešalon",
        "eshalon",
        "ešelon",
        "eshelon",
        "poezd",
        "poyezd",
        "potyah",
        "vagon",
        "stancyj",
        "stantsi",
        "stanci",
        "čyhun",
        "chyhun",
        "zhelezn",
        "zalizn",
        "zhd",
    ),
}
"""Word starts, by language, that every post describing a train contains at least one of.

``latin`` holds the same words as Belarusian Łacinka and the Latin transliterations
of Russian and Ukrainian that some posts are written in. Short stems that are also
ordinary words (English "cars", Russian "состав",
Ukrainian "склад", Polish "skład") are kept: the filter prefers letting a post
through to dropping a train.
"""

_EMOJI = "🚂🚃🚄🚅🚆🚇🚈🚉🚊🚋🛤🚞🚝"

Trie = dict[str, "Trie"]


def _trie_pattern(node: Trie) -> str:
    """Return a regular expression matching the words of a trie, shared starts written once.

    Regular expression engines try each branch of ``a|b|c`` in turn at each place in
    the text; a trie-shaped pattern tries each letter once, which makes the search
    several times faster on a hundred stems.
    """
    if "" in node:
        return ""  # a shorter stem ends here: it is enough
    branches = [re.escape(ch) + _trie_pattern(rest) for ch, rest in sorted(node.items())]
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


_FOLD = str.maketrans({"’": "'", "ʼ": "'", "`": "'", "ё": "е", "ў": "у"})
"""Spellings folded before matching, as the extraction lexicons fold them."""


def lexicon_words() -> set[str]:
    """Return the train and car nouns of the extraction lexicons (every form, folded).

    Sharing them keeps the pre-filter from dropping a post whose only train word is
    one extraction knows ("потязі", "węglarki", "хопперов").

    Returns
    -------
    set of str
        Lower-case forms, apostrophes folded to ``'``, ``ё`` to ``е`` and ``ў`` to ``у``.

    Examples
    --------
    >>> words = lexicon_words()
    >>> {"эшелон", "потязі", "eszelon", "węglarki"} <= words
    True
    """
    from railtrack.extract.lexicon import LANGUAGES, lexicon

    words: set[str] = set()
    for lang in LANGUAGES:
        table = lexicon(lang)
        words.update(w.rstrip("*") for w in (*table.train_nouns, *table.car_nouns))
    return {w.lower().translate(_FOLD) for w in words if w.strip("*")}


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    stems = {s.lower().translate(_FOLD) for words in RAIL_STEMS.values() for s in words}
    root: Trie = {}
    for stem in stems | lexicon_words():
        node = root
        for ch in stem:
            node = node.setdefault(ch, {})
        node[""] = {}
    return re.compile(f"{_trie_pattern(root)}|[{_EMOJI}]")


def mentions_rail(text: str) -> bool:
    """Return whether ``text`` has a train, car, railway or station word in any language.

    Parameters
    ----------
    text
        A post's text (and caption), any language, any case.

    Returns
    -------
    bool
        False only for a text with none of :data:`RAIL_STEMS` (nor a train emoji):
        such a text cannot describe a train.

    Examples
    --------
    >>> mentions_rail("ЭШАЛОН з тэхнікай прыбыў у Асіповічы"), mentions_rail("")
    (True, False)
    """
    # lower-casing first is several times faster than a case-blind search; invisible
    # characters inside a word (a soft hyphen, a zero-width space) are read without
    text = without_format(text.lower().translate(_FOLD))
    return _pattern().search(text) is not None

"""Russian, Ukrainian or Belarusian typed in Latin letters: name it, so it is never silence.

A quick post or a comment may type a Cyrillic language in Latin letters, with no fixed
scheme ("Eshelon iz Orshi v Smolensk otpravilsya vchera, 40 vagonov.", "Ešalon z
Oršy ŭ Smalensk adpraviŭsia"). Łacinka, the Belarusian Latin alphabet, is read
(:mod:`~railtrack.extract.lacinka`); other transliterations are not, and a reader that
found nothing in them said only that the language was too short to name.
:func:`romanized_language` compares the words of a text, reduced to a rough sound
skeleton, with the words of the Russian, Ukrainian and Belarusian lexicons reduced
the same way, and names the language with most of them, so that the problem can say
what the report is in and why it was not read.

Examples
--------
>>> romanized_language("Eshelon iz Orshi v Smolensk otpravilsya vchera, 40 vagonov.")
'ru'
>>> romanized_language("Ukora z Orshi do Smolenska vyrushyv eshelon iz 40 vahoniv.")
'uk'
>>> romanized_language("The train left Orsha for Smolensk with 40 wagons.") is None
True
>>> romanized_language("Militarais vilciens ar 40 vagoniem 3. marta izbrauca no Slonimas "
...                    "stacijas uz Valuiki, zino dzelzcela avoti.") is None   # Latvian
True
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

from railtrack._translit import to_latin
from railtrack.extract.lexicon import raw_strings

__all__ = ["MIN_SHARE", "MIN_WORDS", "romanized_language", "skeleton"]

LANGS = ("ru", "uk", "be")
MIN_WORDS = 2
"""At least this many distinct lexicon words of one language name it."""
MIN_SHARE = 0.4
"""... and at least this share of the text's words (of :data:`MIN_LETTERS` letters or
more): Latvian or Czech typed plain share a few words with Russian ("vagoniem",
"marta", "vcera"), a transliteration most of its words (three in four in the tests)."""
MIN_LETTERS = 4
"""Shorter words are no cue ("iz", "na", "v" are words of many languages)."""
MIN_STEM = 5
"""Stems shorter than this match no word start."""

# Spellings of one sound across transliteration schemes, to one letter each (longest
# first): BGN/PCGN "sh zh kh ts ya", scientific "š ž x c ja" (folded by to_latin),
# Polish "sz cz w"; y/j/i are one (Russian "ы", "й", "и" and Ukrainian "и" alike).
_SOUNDS = (
    ("shch", "s"),
    ("sch", "s"),
    ("sh", "s"),
    ("sz", "s"),
    ("ch", "c"),
    ("cz", "c"),
    ("zh", "z"),
    ("kh", "h"),
    ("ts", "c"),
    ("w", "v"),
    ("x", "h"),
    ("j", "i"),
    ("y", "i"),
    ("g", "h"),  # Ukrainian and Belarusian "г" is typed "h", Russian "г" "g"
)
_WORD = re.compile(r"[^\W\d_]+")


def skeleton(word: str) -> str:
    """Return the rough sound skeleton of a word in either script.

    Cyrillic is transliterated, then sounds typed several ways ("ja", "ya", "ia";
    "h" and "g") are written one way, so a word and its romanisations compare equal.

    Parameters
    ----------
    word : str
        One word, lower case.

    Returns
    -------
    str
        Its skeleton in Latin letters.

    Examples
    --------
    >>> skeleton("отправился"), skeleton("otpravilsja"), skeleton("otpravilsya")
    ('otpravilsia', 'otpravilsia', 'otpravilsia')
    >>> skeleton("вагонів") == skeleton("vahoniv")
    True
    """
    latin = to_latin(word)
    for sound, letter in _SOUNDS:
        latin = latin.replace(sound, letter)
    return latin


@lru_cache(maxsize=len(LANGS))
def _skeletons(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """Return the skeletons of a Cyrillic lexicon's words and of its stems."""
    words = {
        skeleton(w)
        for _, e in raw_strings(lang)
        for w in _WORD.findall(e.lower())
        if len(w) >= MIN_LETTERS
    }
    stems = {w for w in words if len(w) >= MIN_STEM}
    return frozenset(words), frozenset(stems)


def _known(word: str, words: frozenset[str], stems: frozenset[str]) -> bool:
    if word in words:
        return True
    return any(word[:n] in stems for n in range(len(word) - 1, MIN_STEM - 1, -1))


def romanized_language(text: str) -> str | None:
    """Name the Cyrillic language (``ru``, ``uk``, ``be``) a Latin-letter text is typed in.

    Parameters
    ----------
    text
        A report in Latin letters that was not read (no Cyrillic letter in it).

    Returns
    -------
    str or None
        The language with the most distinct lexicon words in the text (at least
        :data:`MIN_WORDS` and :data:`MIN_SHARE` of its words), Russian first on a tie;
        None for a text with Cyrillic letters or too few such words.

    Examples
    --------
    >>> romanized_language("Vchera v Brest pribyl eshelon iz 40 vagonov s tekhnikoi.")
    'ru'
    >>> romanized_language("A train of 40 cars arrived in Brest yesterday.") is None
    True
    """
    if re.search(r"[\u0400-\u04ff]", text):
        return None
    found = {skeleton(w) for w in _WORD.findall(text.lower()) if len(w) >= MIN_LETTERS}
    best, most = None, max(MIN_WORDS, math.ceil(MIN_SHARE * len(found))) - 1
    for lang in LANGS:
        words, stems = _skeletons(lang)
        hits = sum(_known(w, words, stems) for w in found)
        if hits > most:
            best, most = lang, hits
    return best

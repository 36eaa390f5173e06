"""Belarusian in the Latin alphabet (Łacinka): recognise it and read it as Cyrillic.

Nasha Niva, Radio Svaboda and channel relays publish Belarusian in Łacinka as well as
in Cyrillic ("Ešalon adpraviŭsia sa stancyi Asipovičy"). Łacinka is a one-to-one
spelling of the same language, so railtrack reads it by spelling the text in
Cyrillic (:func:`to_cyrillic`), reading that with the Belarusian lexicon and the
one train assembly, and mapping every offset back to the text as written
(:func:`remap_draft`): evidence spans and place names stay in Łacinka.

The letter rules are those of the Belarusian Łacinka as set out by Jan Stankievič
(1929) and used by Nasha Niva and Radio Svaboda (summarised in Wikipedia's
"Belarusian Latin alphabet" article): č ш, š ш, ž ж, ŭ ў, ł (hard) л, l (soft) ль,
ć ś ź ń ць сь зь нь, ch х, h г, g ґ, c ц, y ы, j й; "ja je jo ju ji" are я е ё ю і
at the start of a syllable, "ia ie io iu" я е ё ю after a consonant, and "la le lo lu
li" ля ле лё лю лі.

Examples
--------
>>> is_lacinka("Ešalon z 40 vahonaŭ adpraviŭsia sa stancyi Asipovičy.")
True
>>> is_lacinka("Pociąg wyjechał z Orszy."), is_lacinka("Vlak odišiel zo stanice Žilina.")
(False, False)
>>> to_cyrillic("Ciahnik z Biełarusi pryjechaŭ u Vilniu")[0]
'Цягнік з Беларусі прыехаў у Вільню'
>>> to_cyrillic("praz stanciju Žłobin")[0]
'праз станцыю Жлобін'
"""

from __future__ import annotations

import dataclasses
import re
from functools import lru_cache
from typing import Any

from railtrack.extract.scripts import cyrillic_count, latin_count
from railtrack.extract.textpass import map_facts

__all__ = ["is_lacinka", "remap_draft", "to_cyrillic"]

_LACINKA_ONLY = re.compile(r"[ŭŬ]")
_LACINKA_LETTERS = re.compile(r"[čšžłćśźńČŠŽŁĆŚŹŃ]")
_ESPERANTO = re.compile(r"[ĉĝĥĵŝĈĜĤĴŜ]")
_WORD = re.compile(r"[^\W\d_]+")
_ENGLISH = frozenset({"the", "and", "of", "to", "was", "were", "from", "with", "for"})
# A word (a run _WORD matches) with ŭ or one of Łacinka's letters, found from its start
# (one match per word); the words of _ENGLISH, whole (checked again after lower-casing).
_MARKED_WORD = re.compile(r"(?<![^\W\d_])[^\W\d_]*?[ŭŬčšžłćśźńČŠŽŁĆŚŹŃ]")
_ENGLISH_WORD = re.compile(
    rf"(?<![^\W\d_])(?:{'|'.join(sorted(_ENGLISH, key=len, reverse=True))})(?![^\W\d_])",
    re.IGNORECASE,
)

_VOWELS = frozenset("aeiouy")
_SOFT = {"a": "я", "e": "е", "o": "ё", "u": "ю", "i": "і"}
_SIMPLE = {
    "a": "а",
    "b": "б",
    "c": "ц",
    "č": "ч",
    "d": "д",
    "e": "э",
    "f": "ф",
    "g": "ґ",
    "h": "г",
    "i": "і",
    "k": "к",
    "ł": "л",
    "m": "м",
    "n": "н",
    "o": "о",
    "p": "п",
    "r": "р",
    "s": "с",
    "š": "ш",
    "t": "т",
    "u": "у",
    "ŭ": "ў",
    "v": "в",
    "w": "в",
    "y": "ы",
    "z": "з",
    "ž": "ж",
    "ć": "ць",
    "ś": "сь",
    "ź": "зь",
    "ń": "нь",
    "x": "кс",
    "q": "к",
}


def is_lacinka(text: str) -> bool:
    """Whether ``text`` is Belarusian written in Łacinka.

    The letter ``ŭ`` is written in no other language railtrack may meet but
    Esperanto (which has ĉ ĝ ĥ ĵ ŝ). When at least 15% of the words carry ŭ or
    Łacinka's č š ž ł ć ś ź ń, English function words are not among them (a
    Belarusian name quoted in English is not Łacinka) and Latin letters outnumber
    Cyrillic ones, the text is Łacinka.

    Parameters
    ----------
    text
        A report or a sentence.

    Returns
    -------
    bool

    Examples
    --------
    >>> is_lacinka("Ešalon z 40 vahonaŭ pryjšoŭ u Asipovičy.")
    True
    >>> is_lacinka("A train arrived in Asipovičy."), is_lacinka("Эшалон прыбыў.")
    (False, False)
    """
    if not _LACINKA_ONLY.search(text) or _ESPERANTO.search(text):
        return False
    if len(_MARKED_WORD.findall(text)) < 0.15 * len(_WORD.findall(text)):
        return False  # a Belarusian name quoted in another language ("Baranavičy")
    english = {w.lower() for w in _ENGLISH_WORD.findall(text)} & _ENGLISH
    if len(english) >= 2:
        return False
    return latin_count(text) > cyrillic_count(text)


def _unit(low: str, i: int, prev: str) -> tuple[str, int]:
    """Return the Cyrillic of the Łacinka letters at ``low[i]`` and how many were read.

    ``prev`` is the letter before (lower case, "" at a word start).
    """
    c = low[i]
    nxt = low[i + 1] if i + 1 < len(low) else ""
    if c == "c" and nxt == "h":
        return "х", 2
    if c == "j":
        if nxt in _SOFT:
            sign = "'" if prev and prev.isalpha() and prev not in _VOWELS and prev != "ŭ" else ""
            return sign + _SOFT[nxt], 2
        return "й", 1
    if c == "i" and nxt in _SOFT and nxt != "i" and prev and prev.isalpha() and prev not in _VOWELS:
        return _SOFT[nxt], 2  # "bie" -> бе, "sia" -> ся
    if c == "i" and prev in _VOWELS:
        return "і", 1
    if c == "i" and prev == "c" and nxt in ("j", "i"):
        # "stanciju", "stancii", "infarmacija": an informal spelling of "stancyju"
        # (Belarusian writes цы before a vowel in these words: станцыю, інфармацыя)
        return "ы", 1
    if c == "l":
        if nxt in _SOFT:
            return "л" + _SOFT[nxt], 2  # "la" -> ля, "li" -> лі
        return "ль", 1
    out = _SIMPLE.get(c)
    return (out, 1) if out is not None else (low[i], 1)


def to_cyrillic(text: str) -> tuple[str, list[tuple[int, int]]]:
    """Spell Łacinka in Belarusian Cyrillic, keeping where each letter came from.

    Each run of letters (a word) is spelled once per load and copied with its spans
    (:func:`_spell_word`); what lies between runs (spaces, digits, punctuation) has
    no letter and passes unchanged. A text that lower-casing lengthens, or whose
    word characters are not all letters, is spelled letter by letter
    (:func:`_to_cyrillic_letters`), as these cases need the whole text's context.

    Parameters
    ----------
    text
        Belarusian in Łacinka (Cyrillic, digits and punctuation pass unchanged).

    Returns
    -------
    str
        The text in Cyrillic.
    list of (int, int)
        For each character of the Cyrillic text, the span ``[start, end)`` of the
        letters of ``text`` it was spelled from.

    Examples
    --------
    >>> cyr, spans = to_cyrillic("Ešałon u Łunincy")
    >>> cyr, spans[:3]
    ('Эшалон у Лунінцы', [(0, 1), (1, 2), (2, 3)])
    """
    low = text.lower()
    if len(low) != len(text):
        return _to_cyrillic_letters(text)
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _WORD.finditer(text):
        start, end = m.span()
        word = m[0]
        if not word.isalpha():  # a digit-like letter class ("²"): the plain reading
            return _to_cyrillic_letters(text)
        if start > pos:  # no letter here: each character is its own spelling
            if low[pos:start] != text[pos:start]:  # a cased symbol ("Ⓐ"): the plain reading
                return _to_cyrillic_letters(text)
            out.append(text[pos:start])
            spans.extend(zip(range(pos, start), range(pos + 1, start + 1), strict=True))
        spelled, rel = _spell_word(word, low[start:end])
        out.append(spelled)
        spans.extend([(a + start, b + start) for a, b in rel])
        pos = end
    if pos < len(text):
        if low[pos:] != text[pos:]:
            return _to_cyrillic_letters(text)
        out.append(text[pos:])
        spans.extend(zip(range(pos, len(text)), range(pos + 1, len(text) + 1), strict=True))
    return "".join(out), spans


@lru_cache(maxsize=8192)
def _spell_word(word: str, low: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Spell one run of letters (``low`` is its lower case), spans relative to it."""
    spelled, spans = _to_cyrillic_letters(word, low)
    return spelled, tuple(spans)


def _to_cyrillic_letters(text: str, low: str | None = None) -> tuple[str, list[tuple[int, int]]]:
    """Spell ``text`` in Cyrillic letter by letter: the plain reading of :func:`to_cyrillic`."""
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    low = text.lower() if low is None else low
    i = 0
    prev = ""
    while i < len(text):
        piece, n = _unit(low, i, prev)
        if text[i].isupper() and piece:
            piece = piece[:1].upper() + piece[1:] if piece[0] != "'" else piece
        out.append(piece)
        spans.extend([(i, i + n)] * len(piece))
        prev = low[i + n - 1] if low[i].isalpha() else ""
        i += n
    return "".join(out), spans


def _span(spans: list[tuple[int, int]], start: int, end: int) -> tuple[int, int]:
    """Map a span of the Cyrillic text to the span of the text as written."""
    if not spans:
        return start, end
    first = spans[min(start, len(spans) - 1)][0]
    last = spans[min(max(end - 1, start), len(spans) - 1)][1]
    return first, last


def _remap_value(value: Any, written: str) -> Any:
    """Give a value read with its words (a place, a date window) the words as written."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        if "text" in {f.name for f in dataclasses.fields(value)}:
            return dataclasses.replace(value, text=written)
        return value
    if hasattr(value, "model_copy") and isinstance(getattr(value, "text", None), str):
        return value.model_copy(update={"text": written})
    return value


def _remap_fact(fact: Any, text: str, spans: list[tuple[int, int]]) -> Any:
    if fact is None:
        return None
    start, end = _span(spans, fact.start, fact.end)
    value = fact.value
    if isinstance(getattr(value, "text", None), str) and value.text == fact.text:
        value = _remap_value(value, text[start:end])  # a place name, a date's words
    return type(fact)(value, text[start:end], start, end, fact.inferred)


def remap_draft(draft: Any, text: str, spans: list[tuple[int, int]]) -> None:
    """Point every fact of a report draft read from :func:`to_cyrillic` at ``text``.

    Parameters
    ----------
    draft
        The :class:`~railtrack.extract.trains.ReportDraft` read from the Cyrillic
        text; changed in place.
    text
        The report as written, in Łacinka.
    spans
        The spans :func:`to_cyrillic` returned with the Cyrillic text.

    Notes
    -----
    Needs a :class:`~railtrack.extract.trains.ReportDraft` read from a report;
    :func:`railtrack.extract.extract_shipments` uses it on Łacinka reports.
    """
    map_facts(draft, lambda fact: _remap_fact(fact, text, spans))

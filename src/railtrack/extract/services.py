"""A passenger service named by its route or its number: no shipment (trial17 T7).

A timetable train is told by its two ends joined by a dash ("поезд Москва — Минск",
"pociąg Warszawa – Mińsk", "потяг Київ — Перемишль", "the Kyiv-Przemyśl train") or by
its number ("поезд № 95", "pociąg nr 73"): it carries people, not a shipment, unless
the text speaks of military cargo (the readers' military words) or of freight (a
container train named by its ends, "pociąg Xi'an – Gdańsk" with containers, is one).

The words are the lexicon's: ``service_trains`` (the nouns of a train that may be a
passenger service: "поезд", "pociąg", "train"; not "эшелон"), ``service_links`` (words
between the noun and the route: "сообщением", "na trasie") and ``service_numbers`` (the
marks before a train's number: "№", "nr"). The pattern itself is one for all languages
(:func:`route_pattern`); the ends must start with a capital letter.
"""

from __future__ import annotations

import re
from functools import lru_cache

from railtrack.extract.lexicon import lexicon, trie_pattern

__all__ = ["names_a_service", "route_pattern"]

_END = r"[^\W\d_][\w'’.]*"
_DASH = r"\s*[—–-]\s*"
_OPEN = r"[«\"„“]?"


def _words(words: list[str]) -> str:
    return trie_pattern(sorted({w.lower() for w in words}, key=len, reverse=True), escape=re.escape)


@lru_cache(maxsize=8)
def route_pattern(lang: str) -> re.Pattern[str] | None:
    """Return the pattern of a service named by its route or number in ``lang``, or None.

    Groups ``a``/``b`` (a noun before the route) or ``c``/``d`` (the route before the
    noun, "the Kyiv-Przemyśl train", where the lexicon's ``service_route_first`` says
    so) are the two ends; ``n`` a number.

    Parameters
    ----------
    lang
        A language code (``en``, ``ru``, ``uk``, ``be``, ``pl``); its lexicon gives the
        words (``service_trains``, ``service_links``, ``service_numbers``).

    Returns
    -------
    re.Pattern or None
        The compiled pattern (cached per language), or None when the lexicon names no
        service noun (the language has no service to find).

    Raises
    ------
    KeyError
        When no lexicon is known for ``lang`` (:func:`~railtrack.extract.lexicon.lexicon`).

    Examples
    --------
    >>> route_pattern("ru").search("Поезд сообщением Москва — Минск прибыл")["b"]
    'Минск'
    >>> route_pattern("en").search("the Kyiv-Przemyśl train left")["c"]
    'Kyiv'
    >>> route_pattern("pl").search("pociąg nr 73 odjechał")["n"]
    '73'
    """
    lex = lexicon(lang)
    if not lex.service_trains:
        return None
    noun = rf"(?i:(?<![\w-])(?:{_words(list(lex.service_trains))})\w*)"
    links = rf"(?:\s+(?i:{_words(list(lex.service_links))})(?!\w))?" if lex.service_links else ""
    number = (
        rf"|{noun}\s+(?i:{_words(list(lex.service_numbers))})\s*(?P<n>\d{{1,4}})(?!\d)"
        if lex.service_numbers
        else ""
    )
    first = (
        rf"|(?<![\w-]){_OPEN}(?P<c>{_END}){_DASH}(?P<d>{_END})[»\"”]?\s+{noun}"
        if lex.service_route_first
        else ""
    )
    return re.compile(rf"{noun}{links}\s+{_OPEN}(?P<a>{_END}){_DASH}(?P<b>{_END}){first}{number}")


def names_a_service(lang: str, text: str) -> bool:
    """Return whether ``text`` names a train by its route or its number (module notes).

    Parameters
    ----------
    lang
        The text's language (``en``, ``ru``, ``uk``, ``be``, ``pl``).
    text
        A sentence.

    Returns
    -------
    bool
        True when a service noun is followed by two ends joined by a dash (both
        capitalised), or by a number mark and a number, or follows two such ends.
        Military or freight words are the callers' to weigh.

    Examples
    --------
    >>> names_a_service("pl", "Pociąg Warszawa – Mińsk (12 wagonów) odjechał o 7:10.")
    True
    >>> names_a_service("uk", "Потяг Київ — Перемишль вирушив о 7:10.")
    True
    >>> names_a_service("ru", "Поезд № 967 прибыл в Осиповичи.")  # echelons have numbers
    False
    >>> names_a_service("ru", "Эшелон Слоним — Матвеев Курган прибыл.")  # no service noun
    False
    >>> names_a_service("ru", "Поезд из 40 вагонов ушёл из Слонима — в сторону России.")
    False
    >>> names_a_service("en", "The Kamianets-Podilskyi train with 40 wagons left.")
    False
    """
    pattern = route_pattern(lang)
    if pattern is None:
        return False
    from railtrack.extract.nominatives import is_nominative_name

    for m in pattern.finditer(text):
        if m["n"] is not None:
            continue  # a number alone: military echelons are numbered too ("Train No. 967")
        first, second = ("a", "b") if m["a"] is not None else ("c", "d")
        if not all(m[g][:1].isupper() for g in (first, second)):
            continue
        joined = text[m.start(first) : m.end(second)]
        if "-" in joined and " " not in joined and is_nominative_name(joined):
            continue  # "the Kamianets-Podilskyi train": one town's name, no route
        return True
    return False

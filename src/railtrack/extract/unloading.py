"""A train told being unloaded or loaded now is at that station on the report's day.

"Na stacji Łuniniec od rana rozładowywany jest pociąg" (being unloaded since
morning), "с утра разгружается эшелон", "з ранку розвантажують ешелон", "з раніцы
разгружаецца эшалон", "has been unloading since morning", "is being unloaded" (trial15
S6): the unloading goes on as the report is written, so the train is there that day,
a sighting at the station (:meth:`railtrack.extract.trains._ClauseReader.dates_into`),
as a train told standing now is. An unloading told as done ("rozładowano",
"разгрузили", "was unloaded") says nothing of today and is not read here. The words are
each lexicon's ``unloading_now``, English included.

A train told being loaded now ("на станции Осиповичи идёт погрузка эшелона", "грузят
технику на платформы", "trwa załadunek", "is being loaded"; trial19b T4) is likewise at
its station that day, its origin, and has not left: a sighting there and no departure.
The words are each lexicon's ``loading_now``.
"""

from __future__ import annotations

import re

from railtrack.extract.lexicon import LANGUAGES, lexicon

__all__ = ["loading_now_at", "unloading_now_at"]


def unloading_now_at(text: str, lang: str) -> int | None:
    """Where ``text`` tells a train being unloaded now, if it does.

    Parameters
    ----------
    text : str
        One clause.
    lang : str
        Its language; one railtrack does not read has no such words.

    Returns
    -------
    int or None
        The offset of the words telling it, else None.

    Examples
    --------
    >>> unloading_now_at("Na stacji Łuniniec od rana rozładowywany jest pociąg.", "pl")
    27
    >>> unloading_now_at("The train has been unloading at Luninets since morning.", "en")
    10
    >>> unloading_now_at("Эшелон разгрузили в Лунинце.", "ru") is None
    True
    """
    return _words_at(text, lang, "unloading_now")


def loading_now_at(text: str, lang: str) -> int | None:
    """Where ``text`` tells a train being loaded now, if it does.

    Parameters
    ----------
    text : str
        One clause.
    lang : str
        Its language; one railtrack does not read has no such words.

    Returns
    -------
    int or None
        The offset of the words telling it, else None.

    Examples
    --------
    >>> loading_now_at("На станции Осиповичи идёт погрузка эшелона.", "ru")
    21
    >>> loading_now_at("Tanks are being loaded onto flatcars at Asipovichy.", "en")
    6
    >>> loading_now_at("Эшелон загрузили в Осиповичах.", "ru") is None
    True
    """
    return _words_at(text, lang, "loading_now")


def _words_at(text: str, lang: str, key: str) -> int | None:
    """Where ``text`` holds one of the lexicon's ``key`` words (None: none, or no lexicon)."""
    pattern: re.Pattern[str] | None = getattr(lexicon(lang), key) if lang in LANGUAGES else None
    found = pattern.search(text) if pattern is not None else None
    return found.start() if found is not None else None

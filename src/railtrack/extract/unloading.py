"""A train told being unloaded now is at that station on the report's day.

"Na stacji Łuniniec od rana rozładowywany jest pociąg" (being unloaded since
morning), "с утра разгружается эшелон", "з ранку розвантажують ешелон", "з раніцы
разгружаецца эшалон", "has been unloading since morning", "is being unloaded" (trial15
S6): the unloading goes on as the report is written, so the train is there that day,
a sighting at the station (:meth:`railtrack.extract.trains._ClauseReader.dates_into`),
as a train told standing now is. An unloading told as done ("rozładowano",
"разгрузили", "was unloaded") says nothing of today and is not read here. The words are
each lexicon's ``unloading_now``, English included.
"""

from __future__ import annotations

from railtrack.extract.lexicon import LANGUAGES, lexicon

__all__ = ["unloading_now_at"]


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
    pattern = lexicon(lang).unloading_now if lang in LANGUAGES else None
    found = pattern.search(text) if pattern is not None else None
    return found.start() if found is not None else None

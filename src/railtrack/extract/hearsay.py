"""Words of hearsay ("allegedly", "reportedly", "якобы", "rzekomo"; not "according to X").

A fact told at second hand or unconfirmed is still a fact an analyst records ("The
train was allegedly spotted at Aziaryshcha station": a sighting at Aziaryshcha), but
with less trust than one the source tells as its own: the words are read from each
lexicon's ``hearsay`` list, and a train with one in a sentence that gives it a value
keeps its values with its confidence lowered to ``Settings.extract_confidence_hearsay``
(issue 13, session 17).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from railtrack.extract.lexicon import LANGUAGES, lexicon

__all__ = ["hearsay_at"]

# the end of a sentence: ".", "!", "?" or a line break (a headline has no full stop)
_SENTENCE_END = re.compile(r"[.!?]\s|\n")


def hearsay_at(
    text: str, spans: Iterable[tuple[int, int]], lang: str | None
) -> tuple[int, int] | None:
    """Return where a sentence holding one of ``spans`` tells it as hearsay, if one does.

    Parameters
    ----------
    text
        The whole report.
    spans
        Character offsets (start, end) of the values read for one train.
    lang
        The report's language code (en, ru, uk, be, pl); another language has no list.

    Returns
    -------
    tuple of int or None
        The offsets of the first hearsay word in a sentence that holds one of the
        spans, else None.

    Examples
    --------
    >>> text = "A train left Slonim on 8 March. It allegedly carried 40 tanks to Valuyki."
    >>> start, end = hearsay_at(text, [(text.index("Valuyki"), len(text) - 1)], "en")
    >>> text[start:end]
    'allegedly'
    >>> hearsay_at(text, [(13, 19)], "en") is None
    True
    >>> hearsay_at("Эшелон якобы прибыл в Оршу.", [(22, 26)], "ru")
    (7, 12)
    """
    if lang not in LANGUAGES:
        return None
    pattern = lexicon(lang).hearsay
    if pattern is None:
        return None
    seen: set[tuple[int, int]] = set()
    for start, end in spans:
        begin = _sentence_start(text, start)
        stop = _sentence_stop(text, max(start, end - 1))
        if (begin, stop) in seen:
            continue
        seen.add((begin, stop))
        found = pattern.search(text, begin, stop)
        if found is not None:
            return found.start(), found.end()
    return None


def _sentence_start(text: str, at: int) -> int:
    begin = 0
    for end in _SENTENCE_END.finditer(text, 0, at):
        begin = end.end()
    return begin


def _sentence_stop(text: str, at: int) -> int:
    found = _SENTENCE_END.search(text, at)
    return len(text) if found is None else found.start() + 1

"""Words of hearsay ("allegedly", "reportedly", "якобы", "rzekomo"; not "according to X").

A fact told at second hand or unconfirmed is still a fact an analyst records ("The
train was allegedly spotted at Aziaryshcha station": a sighting at Aziaryshcha), but
with less trust than one the source tells as its own: the words are read from each
lexicon's ``hearsay`` list, and a train with one in a sentence that gives it a value
keeps its values with its confidence lowered to ``Settings.extract_confidence_hearsay``
(issue 13, session 17). A hearsay word on the destination alone ("Its destination is
reportedly Slutsk") lowers that fact only: the train, told elsewhere as the source's
own, is no hearsay (``extract/result.py``; review 18, #8).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from functools import lru_cache

from railtrack.extract.lexicon import LANGUAGES, lexicon
from railtrack.extract.sentences import SENTENCE_OR_LINE_END, sentence_around
from railtrack.extract.textpass import strip_format

__all__ = ["hearsay_at"]

# the rest of a word a stem matched the start of (an apostrophe inside it: "об'єктивно")
_REST_OF_WORD = re.compile(r"(?:\w|['’ʼ](?=\w))*")


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
        The offsets of the first hearsay word or phrase in a sentence that holds one
        of the spans, to the end of its last word, else None.

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

    A stem of the list is told as its whole word:

    >>> text = "За неперевіреними даними, ешелон прибув до Мозиря."
    >>> start, end = hearsay_at(text, [(text.index("Мозиря"), len(text) - 1)], "uk")
    >>> text[start:end]
    'За неперевіреними'
    """
    if lang not in LANGUAGES:
        return None
    pattern = lexicon(lang).hearsay
    if pattern is None:
        return None
    # the words are looked for in the text as read (a soft hyphen or a zero-width
    # space inside "Сооб\u200bщается" hides nothing), offsets mapped both ways
    read, origin = _as_read(text)
    if origin is not None:
        spans = [(bisect_left(origin, start), bisect_left(origin, end)) for start, end in spans]
    seen: set[tuple[int, int]] = set()
    for start, end in spans:
        begin = sentence_around(read, start, ends=SENTENCE_OR_LINE_END)[0]
        sentence = (begin, sentence_around(read, max(start, end - 1), ends=SENTENCE_OR_LINE_END)[1])
        if sentence in seen:
            continue
        seen.add(sentence)
        found = pattern.search(read, *sentence)
        if found is not None:
            # a stem ends inside its word ("за неперевірен"): the whole word is told
            # ("За неперевіреними"; trial18b T10)
            rest = _REST_OF_WORD.match(read, found.end())
            end = found.end() if rest is None else rest.end()
            if origin is None:
                return found.start(), end
            return origin[found.start()], origin[end - 1] + 1
    return None


@lru_cache(maxsize=16)
def _as_read(text: str) -> tuple[str, list[int] | None]:
    """Return :func:`strip_format` of a report once for all of its trains."""
    return strip_format(text)

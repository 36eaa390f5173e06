"""A report that retracts a train: what it denies, and the words that deny it.

A channel's retraction ("Абвяржэнне: інфармацыя пра эшалон з танкамі, які нібыта прыбыў
учора ў Брэст, не пацвердзілася. Ніякага эшалона не было.", "информация ... не
подтвердилась", "не підтвердилася", "nie potwierdziła się", "was not confirmed. There
was no train", "аказалася ілжывай", "fake"; trial15 T2) tells that no train came: the
report gives no shipment. The train it tells of (arrived at Brest yesterday) is read
all the same and kept aside (:attr:`railtrack.extract.result.Extraction.retracted`), so
that a loader can say which train of an earlier post it retracts
(:mod:`railtrack.io.retractions`) and say so among the report's problems
(:meth:`~railtrack.extract.result.Extraction.retraction_notes`): never silent.

The words are those by which the language's reader calls a report untrue
(``Reader.denial_span``): each lexicon's ``denial``, and in English the report-level
pattern of :func:`railtrack.extract.cues.denial_span` (narrower than ``en.yaml``'s
``denial``, which only keeps a heading word from counting in a sentence that calls it
untrue: "fake" or "no evidence" alone do not make an English report a retraction).
"""

from __future__ import annotations

import re

from railtrack.extract.lexicon import LANGUAGES, lexicon
from railtrack.extract.readers import reader_for

__all__ = ["denial_words", "retracted_places", "without_what_it_was"]

_SENTENCE_END = re.compile(r"[.!?;\n]")
_NAME = re.compile(r"\s+([^\W\d_][\w]*(?:-[^\W\d_][\w]*)*)")


def retracted_places(text: str, lang: str) -> list[str]:
    """Return the places a retraction names its train by, as written (trial19b T3).

    A retraction that tells no train's route ("Уточнение по Слуцку: эшелон, о котором
    мы писали вчера, оказался обычным грузовым поездом.", "Эшелон в Слуцке оказался
    ...") still names where the train was: a capitalised name after one of the
    lexicon's ``retraction_place`` words, in whatever case form the preposition takes.

    Parameters
    ----------
    text : str
        A report that retracts a train.
    lang : str
        Its language.

    Returns
    -------
    list of str
        The names as written, in order, each once; empty when none is named so.

    Examples
    --------
    >>> retracted_places("Уточнение по Слуцку: эшелон, о котором мы писали, оказался "
    ...                  "обычным поездом.", "ru")
    ['Слуцку']
    >>> retracted_places("Pociąg w Słucku okazał się zwykłym pociągiem.", "pl")
    ['Słucku']
    >>> retracted_places("Эшелон, о котором мы писали, оказался обычным поездом.", "ru")
    []
    """
    lex = lexicon(lang) if lang in LANGUAGES else None
    if lex is None or lex.retraction_place is None:
        return []
    names: list[str] = []
    for cue in lex.retraction_place.finditer(text):
        name = _NAME.match(text, cue.end())
        if name is None or not name.group(1)[0].isupper() or name.group(1) in names:
            continue
        if lex.not_places is not None and lex.not_places.match(name.group(1)):
            continue
        names.append(name.group(1))
    return names


def without_what_it_was(text: str, lang: str) -> str:
    """Return ``text`` with what a retracted train turned out to be blanked (offsets kept).

    "оказался обычным грузовым поездом со щебнем", "not a military echelon but a
    passenger train" (trial18b T1): from the first ``civilian`` word at or after the
    lexicon's ``not_military`` words to the end of their sentence, so that the train
    retracted is read from what the report says of it before (where, when, how many
    cars), not turned away as the passenger or freight service it turned out to be.

    Parameters
    ----------
    text : str
        A report that retracts a train.
    lang : str
        Its language.

    Returns
    -------
    str
        ``text`` of the same length, those words replaced by spaces; ``text`` itself
        when it says no such thing.

    Examples
    --------
    >>> without_what_it_was("It was not a military echelon but a passenger train.", "en")
    'It was not a military echelon but a                 '
    """
    lex = lexicon(lang) if lang in LANGUAGES else None
    if lex is None or lex.not_military is None or lex.civilian is None:
        return text
    out = text
    for said in lex.not_military.finditer(text):
        kind = lex.civilian.search(text, said.start())
        if kind is None:
            continue
        end = _SENTENCE_END.search(text, kind.end())
        stop = end.end() if end is not None else len(text)
        if _SENTENCE_END.search(text, said.start(), kind.start()) is None:  # one sentence
            out = out[: kind.start()] + " " * (stop - kind.start()) + out[stop:]
    return out


def denial_words(text: str, lang: str) -> str | None:
    """Return the words by which ``text`` says the train it tells of is not real.

    Parameters
    ----------
    text : str
        A report.
    lang : str
        Its language.

    Returns
    -------
    str or None
        The first denying words as written, None when the report denies nothing.

    Examples
    --------
    >>> denial_words("Информация об эшелоне в Бресте не подтвердилась.", "ru")
    'не подтвердилась'
    >>> denial_words("The report was not confirmed. There was no train.", "en")
    'was not confirmed'
    >>> denial_words("Эшелон прибыл в Брест.", "ru") is None
    True
    """
    span = reader_for(lang).denial_span(text) if lang in LANGUAGES else None
    if span is None:
        return None
    start, end = span
    while end < len(text) and text[end].isalpha():
        end += 1  # the whole word after a stem ("опроверг" in "опровергли")
    return text[start:end]

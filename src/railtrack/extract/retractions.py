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

from railtrack.extract.lexicon import LANGUAGES
from railtrack.extract.readers import reader_for

__all__ = ["denial_words"]


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

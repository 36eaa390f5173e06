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

The words are each lexicon's ``denial``; English ones are in
:func:`railtrack.extract.cues.denial_span`.
"""

from __future__ import annotations

from railtrack.extract.cues import denial_span
from railtrack.extract.lexicon import LANGUAGES, lexicon

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
    span = None
    if lang == "en":
        span = denial_span(text)
    elif lang in LANGUAGES:
        pattern = lexicon(lang).denial
        found = pattern.search(text) if pattern is not None else None
        span = None if found is None else found.span()
    if span is None:
        return None
    start, end = span
    while end < len(text) and text[end].isalpha():
        end += 1  # the whole word after a stem ("опроверг" in "опровергли")
    return text[start:end]

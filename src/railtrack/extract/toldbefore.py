"""Told before: a report that speaks of a train already told, never of a new one.

"Pociąg, o którym pisaliśmy rano, dotarł do Borysowa o 18:05" (the train we wrote about
this morning reached Borisov), "Ешелон, що прибув до Осиповичів, уже розвантажують"
(the train that arrived at Osipovichi is being unloaded): the train is one an earlier
report told (trial14 T12, T13). The shipment keeps it (``told_before``), and
:mod:`railtrack.onward` links it to that earlier train instead of counting a second one.
Two kinds of words say so, each language's lexicon lists:

- ``told_before``: a phrase anywhere in the report ("о котором мы писали", "про який ми
  писали", "пра які мы пісалі", "o którym pisaliśmy", "we reported earlier");
- ``told_before_clauses``: a relative clause of a past move right after the words that
  open a sentence ("Эшелон, который прибыл в ...", "Ешелон, що прибув до ...",
  "Pociąg, który 18 kwietnia przejechał przez ...", "The train, which arrived in ...");
  words such as a date may stand between the pronoun and its verb. Opening a sentence
  in mid-report ("прибыл эшелон, который прошёл через Оршу") tells a new train and does
  not count.
"""

from __future__ import annotations

import re
from functools import lru_cache

from railtrack.extract.lexicon import LANGUAGES, lexicon
from railtrack.extract.textpass import without_format

__all__ = ["speaks_of_told_train"]

_WORDS_BEFORE = 3  # words before the comma of a sentence-opening clause ("Этот эшелон,")
_WORDS_INSIDE = 3  # words between a clause's first word and the rest ("który 18 kwietnia")


def _phrase(words: str) -> str:
    return r"\s+".join(re.escape(w) for w in words.split())


@lru_cache(maxsize=len(LANGUAGES))
def _patterns(lang: str) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """Return the patterns of ``lang``'s phrases and of its sentence-opening clauses."""
    words = lexicon(lang)
    phrases = sorted(words.told_before, key=len, reverse=True)
    anywhere = (
        re.compile(rf"(?<![\w-])(?:{'|'.join(map(_phrase, phrases))})(?![\w-])", re.IGNORECASE)
        if phrases
        else None
    )
    forms = sorted(words.told_before_clauses, key=len, reverse=True)
    if not forms:
        return anywhere, None
    inside = rf"(?:\s+[^\s,.;:!?()]+){{0,{_WORDS_INSIDE}}}?\s+"
    alternatives = "|".join(
        re.escape(first) + (inside + _phrase(rest[0]) if rest else "")
        for first, *rest in (f.split(maxsplit=1) for f in forms)
    )
    opening = rf"(?:^|[.!?\n]\s*)[^\s,.;:!?]+(?:\s+[^\s,.;:!?]+){{0,{_WORDS_BEFORE - 1}}}"
    clause = re.compile(rf"{opening}\s*,\s*(?:{alternatives})(?![\w-])", re.IGNORECASE)
    return anywhere, clause


def speaks_of_told_train(text: str, lang: str | None) -> bool:
    """Whether a report speaks of a train an earlier report told.

    Parameters
    ----------
    text
        The report's text.
    lang
        Its language; every language's words are tried when it is not one railtrack
        reads.

    Returns
    -------
    bool
        True when one of the language's ``told_before`` phrases is in the text, or a
        sentence opens with a few words, a comma and one of its ``told_before_clauses``.

    Examples
    --------
    >>> speaks_of_told_train("Эшелон, о котором мы писали утром, прибыл в Борисов.", "ru")
    True
    >>> speaks_of_told_train("Ешелон, що прибув до Осиповичів, уже розвантажують.", "uk")
    True
    >>> text = "Pociąg, który 18 kwietnia przejechał przez Mołodeczno, dotarł do Lidy."
    >>> speaks_of_told_train(text, "pl")
    True
    >>> speaks_of_told_train("В Брест прибыл эшелон, который прошёл через Оршу.", "ru")
    False
    """
    text = without_format(text)  # ("о кото\u200bром": read as written, trial13 T13's kind)
    langs = (lang,) if lang in LANGUAGES else LANGUAGES
    for code in langs:
        anywhere, clause = _patterns(code)
        if anywhere is not None and anywhere.search(text):
            return True
        if clause is not None and clause.search(text):
            return True
    return False

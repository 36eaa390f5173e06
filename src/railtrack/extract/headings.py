"""Heading words before a place: the way a train was seen going ("towards Ukraine").

Two readings of one word list, each language's ``headings`` lexicon list:

- :func:`told_as_heading`: a lone train whose only place is a country is news about
  trains in general ("переброска в Беларусь", "trains from China to Britain") and gives
  no shipment. A train seen *heading* for a country is one train on its way ("A huge
  train with military equipment was seen moving towards Ukraine", "Эшелон движется в
  направлении Украины", "Pociąg jedzie w kierunku Ukrainy"): an analyst records the
  heading and revises it later (the labelling rule "Headings" of
  ``tests/data/extraction_real/README.md``).
- :func:`told_as_direction`: a channel that sees a train pass Orsha "towards Minsk"
  tells the way it went, not where it stops: the same train may reach Borisov, on the
  way, that evening (trial14 T2, T12). Such a place is kept as the train's destination
  with ``destination_heading`` set (:class:`railtrack.models.Shipment`), so that a later
  report of the train stopping on the way is linked to it (:mod:`railtrack.onward`) and
  no status says it arrived there. The heading words that name an end ("heading to",
  "bound for", "zmierza do": the lexicon's ``heading_ends``) tell no direction.
"""

from __future__ import annotations

import re
from functools import lru_cache

from railtrack.extract.lexicon import LANGUAGES, lexicon
from railtrack.extract.sentences import sentence_around
from railtrack.extract.textpass import without_format

__all__ = ["told_as_direction", "told_as_heading"]

# words that may stand between a heading word and its place: an article, an
# adjective or two ("towards the nearby", "в сторону соседней")
_MAX_WORDS_BETWEEN = 2
_CLAUSE_END = re.compile(r"[.!?;:\n]")


def _words_before_re(words: tuple[str, ...]) -> re.Pattern[str] | None:
    """Return a pattern of ``words`` closing the text before a place, two words between."""
    ordered = sorted(words, key=len, reverse=True)
    if not ordered:
        return None
    alternatives = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)
    between = rf"(?:\s+[^\W\d_][\w'’-]*){{0,{_MAX_WORDS_BETWEEN}}}"
    return re.compile(rf"(?<![\w-])(?:{alternatives}){between}\s*$", re.IGNORECASE)


@lru_cache(maxsize=len(LANGUAGES))
def _heading_re(lang: str) -> re.Pattern[str] | None:
    """Return a pattern of ``lang``'s heading words closing the text before a place."""
    return _words_before_re(lexicon(lang).headings)


@lru_cache(maxsize=len(LANGUAGES))
def _direction_re(lang: str) -> re.Pattern[str] | None:
    """Return a pattern of ``lang``'s direction words closing the text before a place."""
    return _words_before_re(lexicon(lang).directions)


def told_as_heading(text: str, start: int, lang: str) -> bool:
    """Whether the place read at ``start`` of ``text`` follows a heading word.

    Parameters
    ----------
    text
        The whole report.
    start
        Offset in ``text`` of the place (a destination read by the reader).
    lang
        The report's language; the heading words of every language railtrack reads
        are tried when it is not one of them.

    Returns
    -------
    bool
        True when the clause before the place ends with a heading word ("towards",
        "in the direction of", "в направлении", "у напрамку", "w kierunku"), at most
        two words before the place, the clause names the railway (the language's
        ``rail_words``: a train, a car, a station) and its sentence does not call the
        report untrue (``denial``: "which he said were incorrect", "это фейк").

    Examples
    --------
    >>> text = "A train with tanks was seen moving towards Ukraine."
    >>> told_as_heading(text, text.index("Ukraine"), "en")
    True
    >>> text = "Forces were transported in the direction of Ukraine."
    >>> told_as_heading(text, text.index("Ukraine"), "en")
    False
    >>> text = "Russia moved a train to Ukraine."
    >>> told_as_heading(text, text.index("Ukraine"), "en")
    False
    """
    before = text[max(0, start - 160) : start]
    cut = max((m.end() for m in _CLAUSE_END.finditer(before)), default=0)
    clause = before[cut:]
    langs = (lang,) if lang in LANGUAGES else LANGUAGES
    for code in langs:
        pattern, words = _heading_re(code), lexicon(code)
        if pattern is None or not pattern.search(clause):
            continue
        # the clause names the railway ("a train ... moving towards", not "forces
        # transported in the direction of"), and its sentence does not call it untrue
        rail = words.rail_words is not None and words.rail_words.search(clause.lower())
        denied = words.denial is not None and words.denial.search(_sentence(text, start).lower())
        if rail and not denied:
            return True
    return False


def _sentence(text: str, start: int) -> str:
    """Return the sentence of ``text`` holding offset ``start``."""
    return text[slice(*sentence_around(text, start))]


def told_as_direction(text: str, start: int, lang: str | None) -> bool:
    """Whether the place at ``start`` of ``text`` is told only as a direction.

    Parameters
    ----------
    text
        The whole report.
    start
        Offset in ``text`` of the place (the destination the reader kept).
    lang
        The report's language; every language's direction words are tried when it is
        not one railtrack reads.

    Returns
    -------
    bool
        True when at most two words before the place follow one of the language's
        ``directions`` ("towards", "в направлении", "у напрямку", "ў кірунку", "w
        kierunku").

    Examples
    --------
    >>> text = "Сёння праз Оршу ў кірунку Мінска прайшоў эшалон."
    >>> told_as_direction(text, text.index("Мінска"), "be")
    True
    >>> text = "A train left Orsha heading to Minsk."
    >>> told_as_direction(text, text.index("Minsk"), "en")
    False
    >>> text = "Dziś przez Orszę w kierunku Mińska przejechał pociąg."
    >>> told_as_direction(text, text.index("Mińska"), None)
    True
    """
    # format characters inside the words ("to\u200bwards") are read past; the place's
    # offset stands for the text as given
    before = without_format(text[max(0, start - 80) : start])
    langs = (lang,) if lang in LANGUAGES else LANGUAGES
    for code in langs:
        pattern = _direction_re(code)
        if pattern is not None and pattern.search(before):
            return True
    return False

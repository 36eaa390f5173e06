"""A destination told only as a direction: "праз Оршу ў кірунку Мінска" (towards Minsk).

A channel that sees a train pass Orsha "towards Minsk" tells the way it went, not where
it stops: the same train may reach Borisov, on the way, that evening (trial14 T2, T12).
Such a place is kept as the train's destination with ``destination_heading`` set
(:class:`railtrack.models.Shipment`), so that a later report of the train stopping on
the way is linked to it (:mod:`railtrack.onward`) and no status says it arrived there.
The direction words are each language's ``directions`` lexicon list ("towards", "в
направлении", "у напрамку", "ў кірунку", "w kierunku"); "heading to", "bound for" and
"направляется в" name an end and are no direction.
"""

from __future__ import annotations

import re
from functools import lru_cache

from railtrack.extract.lexicon import LANGUAGES, lexicon
from railtrack.extract.textpass import without_format

__all__ = ["told_as_direction"]

# words that may stand between a direction word and its place: an article, an
# adjective or two ("towards the nearby", "в сторону соседней")
_MAX_WORDS_BETWEEN = 2


@lru_cache(maxsize=len(LANGUAGES))
def _direction_re(lang: str) -> re.Pattern[str] | None:
    """Return a pattern of ``lang``'s direction words closing the text before a place."""
    words = sorted(lexicon(lang).directions, key=len, reverse=True)
    if not words:
        return None
    alternatives = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    between = rf"(?:\s+[^\W\d_][\w'’-]*){{0,{_MAX_WORDS_BETWEEN}}}"
    return re.compile(rf"(?<![\w-])(?:{alternatives}){between}\s*$", re.IGNORECASE)


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

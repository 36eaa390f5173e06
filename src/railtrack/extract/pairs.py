"""A pair of trains named by "both" before any train is told (trial14 T3).

A channel closes a two-train announcement with "Оба анонсированных эшелона прибыли в
Брест: 40 и 44 вагона", "Абодва эшалоны ...", "Обидва ешелони ...", "Oba pociągi ...:
pierwszy liczył 40 wagonów, drugi 44", "Both announced trains arrived ...: 40 and 44
cars". When nothing in the report has told a train before it, "both" is the report's
announcement of two trains: a group of two whose listed counts go one per train, as
after "два эшелона". After a train is told, "both" refers back to the trains told
(the lexicon's ``group_refs``) and is not read here.

The "both" words are each language's ``both`` lexicon list.
"""

from __future__ import annotations

import re
from functools import lru_cache

from railtrack.extract.cues import GroupAnnouncement
from railtrack.extract.lexicon import lexicon
from railtrack.extract.readers import Reader

__all__ = ["pair_announcement"]

# words that may stand between "both" and its train noun: an adjective or two
# ("оба анонсированных эшелона", "both announced military trains")
_MAX_WORDS_AFTER = 3
_WORD = r"[^\W\d_][\w'’-]*"


@lru_cache(maxsize=8)
def _both_re(lang: str) -> re.Pattern[str] | None:
    """Return a pattern of ``lang``'s "both" words and up to three words after one."""
    words = sorted(lexicon(lang).both, key=len, reverse=True)
    if not words:
        return None
    alternatives = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    after = rf"(?:\s+{_WORD}){{1,{_MAX_WORDS_AFTER}}}"
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?P<after>{after})", re.IGNORECASE)


def pair_announcement(text: str, rd: Reader) -> GroupAnnouncement | None:
    """Return "both trains" in ``text`` as the announcement of two trains, if it is one.

    Parameters
    ----------
    text
        One clause of a report in which no train has been told yet (the caller
        checks that).
    rd
        The reader of the report's language (its ``lang`` picks the "both" words,
        its ``has_train_noun`` the train nouns).

    Returns
    -------
    GroupAnnouncement or None
        Two trains, with the offsets of "both" to the train noun's end; None when no
        "both" word stands right before a train noun (at most two words between).

    Examples
    --------
    >>> from railtrack.extract.readers import reader_for
    >>> found = pair_announcement("Оба эшелона прибыли в Брест: 40 и 44 вагона.", reader_for("ru"))
    >>> found.n_trains, found.text
    (2, 'Оба эшелона')
    >>> pair_announcement("Both announced trains arrived.", reader_for("en")).text
    'Both announced trains'
    >>> pair_announcement("Оба вагона прибыли в Брест.", reader_for("ru")) is None
    True
    """
    pattern = _both_re(rd.lang)
    if pattern is None:
        return None
    for m in pattern.finditer(text):
        start = m.start("after")
        for word in re.finditer(_WORD, m["after"]):
            end = start + word.end()
            if rd.has_train_noun(text[start:end]):
                return GroupAnnouncement(2, m.start(), end, text[m.start() : end])
    return None

"""Counts listed one per train after an announcement of trains (trial14 T1).

"Вчера в Лунинец прибыли два эшелона: ночью (40 вагонов) и вечером (35 вагонов)",
"przyjechały dwa pociągi: w nocy (40 wagonów) i wieczorem (35 wagonów)", "два эшелона:
40 вагонов и 35 вагонов": a clause that announces N trains and then gives N counts of
cars, each with its own car noun and of the same kind, told apart by the words between
them (a time of day, "the one ..."), counts each train in turn. Read as one count of
the group, the first would be the group's and the others lost; a count must never go
to the wrong level silently.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

from railtrack.extract.lexicon import LANGUAGES, lexicon
from railtrack.extract.numbers import CarCount

__all__ = ["count_per_train"]

# a count of a list of trains is at least a quarter of the largest: "40 вагонов с
# техникой и 2 вагона с личным составом" (2 of 40) is one train's make-up
_SMALLEST_SHARE = 4
_NO_WORDS = re.compile("[,;]")


@lru_cache(maxsize=len(LANGUAGES))
def _words_re(lang: str) -> tuple[re.Pattern[str], re.Pattern[str] | None]:
    """Return ``lang``'s joins of a list (with a comma and a semicolon) and its totals."""
    lex = lexicon(lang)
    joins = "|".join(re.escape(w) for w in sorted(lex.list_joins, key=len, reverse=True))
    joined = re.compile(rf"[,;]|(?<![\w-])(?:{joins})(?![\w-])" if joins else "[,;]", re.I)
    totals = "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(lex.totals, key=len, reverse=True)
    )
    total = re.compile(rf"(?<![\w-])(?:{totals})(?![\w-])", re.I) if totals else None
    return joined, total


def count_per_train(
    counts: list[CarCount], text: str, n_trains: int, lang: str
) -> list[CarCount] | None:
    """Return the counts of ``text`` when they count the ``n_trains`` announced, one each.

    Parameters
    ----------
    counts
        The car counts read in ``text`` (offsets into it), in text order.
    text
        One clause that announces ``n_trains`` trains.
    n_trains
        How many trains the clause announces.
    lang
        The report's language: its lexicon's ``list_joins`` and ``totals``; a
        language railtrack does not read has none (a comma or a semicolon joins).

    Returns
    -------
    list of CarCount or None
        The counts in order, one per train, when there are exactly ``n_trains`` of
        them (two or more), all of one kind, none under a quarter of the largest
        (a few cars beside many are one train's make-up), each joined to the one
        before by a comma, a semicolon or a word of the lexicon's ``list_joins`` ("и",
        "і", "ды", "i", "and") and none after a word of its ``totals`` ("всего",
        "łącznie", "in total"); else None.

    Examples
    --------
    >>> from railtrack.extract.readers import reader_for
    >>> text = "два эшелона: ночью (40 вагонов) и вечером (35 вагонов)."
    >>> found = count_per_train(reader_for("ru").find_car_counts(text), text, 2, "ru")
    >>> [c.value for c in found]
    [40, 35]
    >>> text = "два эшелона: 40 платформ и 2 пассажирских вагона."
    >>> count_per_train(reader_for("ru").find_car_counts(text), text, 2, "ru") is None
    True
    """
    if n_trains < 2 or len(counts) != n_trains:
        return None
    if len({c.kind for c in counts}) != 1:
        return None  # "40 платформ и 2 пассажирских вагона": one train's make-up
    values = [c.value for c in counts]
    if min(values) * _SMALLEST_SHARE < max(values):
        # "40 вагонов с техникой и 2 вагона с личным составом": a few cars beside
        # many are one train's make-up, not a train of their own
        return None
    joined, total = _words_re(lang) if lang in LANGUAGES else (_NO_WORDS, None)
    for before, count in itertools.pairwise(counts):
        if not joined.search(text, before.end, count.start):
            return None
    for i, count in enumerate(counts):
        lead = text[counts[i - 1].end if i else 0 : count.start]
        if total is not None and total.search(lead):
            return None
    return counts

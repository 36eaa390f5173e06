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

from railtrack.extract.numbers import CarCount

__all__ = ["count_per_train"]

# what must stand between two counts of a list: a comma, a semicolon or a joining word
_JOINED = re.compile(r"[,;]|(?<![\w-])(?:и|і|й|та|ды|a|i|oraz|and|а)(?![\w-])", re.IGNORECASE)
# a count of a list of trains is at least a quarter of the largest: "40 вагонов с
# техникой и 2 вагона с личным составом" (2 of 40) is one train's make-up
_SMALLEST_SHARE = 4
# what a count of the group says it is: a total ("всего 75"), no train's
_TOTAL_WORDS = re.compile(
    r"(?<![\w-])(?:всего|итого|в сумме|усього|всього|разом|загалом|усяго|разам|агулам|"
    r"łącznie|razem|w sumie|in total|a total of|altogether|together)(?![\w-])",
    re.IGNORECASE,
)


def count_per_train(counts: list[CarCount], text: str, n_trains: int) -> list[CarCount] | None:
    """Return the counts of ``text`` when they count the ``n_trains`` announced, one each.

    Parameters
    ----------
    counts
        The car counts read in ``text`` (offsets into it), in text order.
    text
        One clause that announces ``n_trains`` trains.
    n_trains
        How many trains the clause announces.

    Returns
    -------
    list of CarCount or None
        The counts in order, one per train, when there are exactly ``n_trains`` of
        them (two or more), all of one kind, none under a quarter of the largest
        (a few cars beside many are one train's make-up), each joined to the one before by a comma,
        a semicolon or "and" ("и", "і", "ды", "i", "a") and none a group's total
        ("всего", "łącznie", "in total"); else None.

    Examples
    --------
    >>> from railtrack.extract.readers import reader_for
    >>> text = "два эшелона: ночью (40 вагонов) и вечером (35 вагонов)."
    >>> found = count_per_train(reader_for("ru").find_car_counts(text), text, 2)
    >>> [c.value for c in found]
    [40, 35]
    >>> text = "два эшелона: 40 платформ и 2 пассажирских вагона."
    >>> count_per_train(reader_for("ru").find_car_counts(text), text, 2) is None
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
    for before, count in itertools.pairwise(counts):
        if not _JOINED.search(text, before.end, count.start):
            return None
    for i, count in enumerate(counts):
        lead = text[counts[i - 1].end if i else 0 : count.start]
        if _TOTAL_WORDS.search(lead):
            return None
    return counts

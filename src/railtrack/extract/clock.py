"""Times of day told with no day ("прибыл в Брест в 17:30") and beside a place.

A channel's same-day post tells a train's arrival by its clock time alone: "Эшелон
прибыл в Брест в 17:30", "Pociąg przyjechał do Brześcia o 17:30", "The train arrived in
Brest at 17:30" (trial13 T16). The time is of the report's own day, as "сегодня в 17:30"
is: :func:`clock_day` makes it a relative date ("today", resolved against the
publication day, so inferred) for a clause that tells no date when nothing before it in
the report did either. A time may also stand after the station rather than the day
("проїхав станцію Орша о 22:40", S1): :func:`sentence_ends` keeps a clock word's
abbreviation ("o godz. 22:40") from ending the sentence that holds it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from railtrack.extract.dates import DateSpan
from railtrack.extract.lexicon import LANGUAGES, lexicon

__all__ = ["clock_day", "is_night", "sentence_ends"]

NIGHT = "night"
"""The ``text`` a sighting's window carries when it names a night (:func:`is_night`)."""

# a time of day written with a colon ("17:30", "9:00"), never a date ("14.03"), nor one
# end of a span of hours ("с 10:00 до 12:00", "10:00-12:00": a timetable)
_CLOCK = re.compile(r"(?<![\d:.])(?:[01]?\d|2[0-3]):[0-5]\d(?!\d|:\d)")
_SPAN_AFTER = re.compile(r"\s*(?:-|–|—)\s*\d")
_SENTENCE_END = re.compile(r"([\w]+)?([.!?\n])\s")


def clock_day(text: str) -> DateSpan | None:
    """Return the time of day a clause tells, as a date of the report's day, if one.

    Parameters
    ----------
    text
        A clause that tells no day of its own.

    Returns
    -------
    DateSpan or None
        A span over the first time of day, read as "today" (``rel``) with ``clock``
        set; None when the clause has none or tells a span of hours.

    Examples
    --------
    >>> span = clock_day("Эшелон прибыл в Брест в 17:30.")
    >>> span.text, span.get("rel"), span.is_relative
    ('17:30', 'today', True)
    >>> clock_day("Поезда ходят с 10:00-12:00.") is None
    True
    """
    found = _CLOCK.search(text)
    if found is None or _SPAN_AFTER.match(text, found.end()):
        return None
    return DateSpan(found.start(), found.end(), found[0], (("rel", "today"), ("clock", found[0])))


@lru_cache(maxsize=1)
def _clock_words() -> frozenset[str]:
    """Return the clock words of every lexicon ("godz", "час"): an abbreviation's stem."""
    words: set[str] = set()
    for lang in LANGUAGES:
        if lang != "en":
            words |= {w.rstrip(".").lower() for w in lexicon(lang).clock}
    return frozenset(words)


def sentence_ends(text: str, lo: int, hi: int) -> list[re.Match[str]]:
    """Return the sentence ends between ``lo`` and ``hi``, not a clock word's period.

    "13 kwietnia o godz. 22:40 przez Żłobin": the period of "godz." ends no sentence.

    Examples
    --------
    >>> [m.start(2) for m in sentence_ends("o godz. 22:40 przez Żłobin. Dalej", 0, 34)]
    [26]
    """
    return [
        m
        for m in _SENTENCE_END.finditer(text, lo, hi)
        if not (m[2] == "." and m[1] is not None and m[1].lower() in _clock_words())
    ]


def is_night(span: DateSpan) -> bool:
    """Whether a date names a night ("в ночь на 13 апреля", "W nocy z 12 na 13 kwietnia").

    A night runs from the evening of its first day to the morning of its second: a
    train seen in it was seen around the midnight between them, never at the start of
    the first day (trial13 S4).

    Examples
    --------
    >>> is_night(DateSpan(0, 19, "в ночь на 13 апреля", (("night_d2", "13"), ("night_m", "4"))))
    True
    >>> is_night(DateSpan(0, 9, "13 апреля", (("d", "13"), ("m", "4"))))
    False
    >>> is_night(DateSpan(0, 11, "Dziś w nocy", (("rel", "last night"),)))
    True
    """
    if " ".join((span.get("rel") or "").lower().split()) in ("last night", "overnight"):
        return True  # "Dziś w nocy", "Сегодня ночью", "last night": the night before (S6)
    return any(span.get(k) is not None for k in ("night_d2", "night_wd2", "ewd2"))

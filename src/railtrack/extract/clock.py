"""Times of day told with no day ("прибыл в Брест в 17:30") and beside a place.

A channel's same-day post tells a train's arrival by its clock time alone: "Эшелон
прибыл в Брест в 17:30", "Pociąg przyjechał do Brześcia o 17:30", "The train arrived in
Brest at 17:30" (trial13 T16). The time is of the report's own day, as "сегодня в 17:30"
is: :func:`clock_day` makes it a relative date ("today", resolved against the
publication day, so inferred) for a clause that tells no date when nothing before it in
the report did either. A time may also stand after the station rather than the day
("проїхав станцію Орша о 22:40", S1): :func:`railtrack.extract.sentences.sentence_ends`
keeps a clock word's abbreviation ("o godz. 22:40") from ending the sentence that holds it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from railtrack.extract.dates import DateSpan
from railtrack.extract.lexicon import LANGUAGES, lexicon

__all__ = ["CLOCK_ALONE", "TIME_OF_DAY", "clock_day", "is_night"]

NIGHT = "night"
"""The ``text`` a sighting's window carries when it names a night (:func:`is_night`)."""

TIME_OF_DAY = re.compile(r"(?<![\d:.])([01]?\d|2[0-3]):([0-5]\d)(?![\d:])")
"""A time of day written with a colon ("11:20", "9:00"), never a date ("14.03").

Group 1 is the hour, group 2 the minutes. The one pattern of the extractors (a time
beside a date, times in turn, listed times).
"""

# The same, also before a colon: "а 17:30: 41 вагон" tells a time then its count. Only
# :func:`clock_day` reads it so (a time with no day, where the clause holds no other):
# beside a date, "17:30:" stays no time, as before (a "hh:mm:ss" stamp's start).
CLOCK_ALONE = re.compile(r"(?<![\d:.])([01]?\d|2[0-3]):([0-5]\d)(?!\d|:\d)")
_SPAN_AFTER = re.compile(r"\s*(?:-|–|—)\s*\d")


def clock_day(text: str, lang: str | None = None) -> DateSpan | None:
    """Return the time of day a clause tells, as a date of the report's day, if one.

    A clock time ("в 18:05") or, with ``lang``, a part of the day from its lexicon's
    ``part_of_day`` ("вечером", "увечары", "wieczorem", "in the evening": trial14 S5).

    Parameters
    ----------
    text
        A clause that tells no day of its own.
    lang
        The clause's language, for its parts of the day; None reads clock times only.

    Returns
    -------
    DateSpan or None
        A span over the first time of day (or, failing one, the first part of the
        day), read as "today" (``rel``) with ``clock`` (or ``daypart``) set; None when
        the clause has neither or tells a span of hours.

    Examples
    --------
    >>> span = clock_day("Эшелон прибыл в Брест в 17:30.")
    >>> span.text, span.get("rel"), span.is_relative
    ('17:30', 'today', True)
    >>> clock_day("Поезда ходят с 10:00-12:00.") is None
    True
    >>> clock_day("Эшелон прибыл в Борисов вечером.", "ru").get("daypart")
    'вечером'
    """
    found = CLOCK_ALONE.search(text)
    if found is not None:
        if _SPAN_AFTER.match(text, found.end()):
            return None
        return DateSpan(
            found.start(), found.end(), found[0], (("rel", "today"), ("clock", found[0]))
        )
    part = _part_of_day(lang).search(text) if lang in LANGUAGES else None
    if part is None:
        return None
    return DateSpan(part.start(), part.end(), part[0], (("rel", "today"), ("daypart", part[0])))


@lru_cache(maxsize=len(LANGUAGES))
def _part_of_day(lang: str | None) -> re.Pattern[str]:
    """Return the pattern of a language's parts of the day ("вечером"), longest first."""
    words = sorted(lexicon(lang or "en").part_of_day, key=len, reverse=True)
    alternatives = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) or r"(?!x)x"
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def is_night(span: DateSpan) -> bool:
    """Whether a date names a night ("в ночь на 13 апреля", "W nocy z 12 na 13 kwietnia").

    A night runs from the evening of its first day to the morning of its second: a
    train seen in it was seen around the midnight between them, never at the start of
    the first day (trial13 S4).

    Parameters
    ----------
    span : railtrack.extract.dates.DateSpan
        A date found in a report, with its named parts.

    Returns
    -------
    bool
        True for a night span (two days named) or a relative "last night"/"overnight".

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

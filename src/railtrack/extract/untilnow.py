"""Words of "until now" ("do dziś", "до сих пор", "to this day"): no day of an event.

"Pociąg ... do dziś nie dotarł do Brześcia" (has not reached Brest to this day) names
the report's day only as the bound of what it tells: the train had not arrived by
then. Read as a date, "dziś" gave the train a claimed arrival at Brest on the
publication day, the opposite of the post (trial14 T5); "до сегодняшнего дня", "до
сьогодні", "да сённяшняга дня" and "as of today" did the same. A date found inside
such a phrase (each lexicon's ``until_now``) is dropped from a clause's dates, so an
arrival denied "to this day" keeps no day, as "до сих пор не прибыл" always did.
"""

from __future__ import annotations

from railtrack.extract.dates import DateSpan
from railtrack.extract.lexicon import lexicon

__all__ = ["until_now_spans", "without_until_now"]


def until_now_spans(text: str, lang: str) -> list[tuple[int, int]]:
    """Return where ``text`` says "until now" in ``lang`` (start, end offsets).

    Parameters
    ----------
    text
        A clause or sentence of a report.
    lang
        Its language code (en, ru, uk, be, pl).

    Returns
    -------
    list of tuple of int
        The character spans of each phrase of the lexicon's ``until_now``.

    Examples
    --------
    >>> until_now_spans("Pociąg do dziś nie dotarł do Brześcia.", "pl")
    [(7, 14)]
    >>> until_now_spans("The train arrived today.", "en")
    []
    """
    pattern = lexicon(lang).until_now
    if pattern is None:
        return []
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


def without_until_now(dates: list[DateSpan], text: str, lang: str) -> list[DateSpan]:
    """Drop the dates of ``text`` that lie inside an "until now" phrase.

    Parameters
    ----------
    dates
        Date spans found in ``text`` (offsets into it).
    text
        The clause the dates were found in.
    lang
        Its language code.

    Returns
    -------
    list of DateSpan
        ``dates`` without those a phrase of ``until_now`` covers ("dziś" in "do dziś",
        "сегодняшнего дня" in "до сегодняшнего дня", "today" in "as of today").

    Examples
    --------
    >>> span = DateSpan(10, 14, "dziś", (("rel", "today"),))
    >>> without_until_now([span], "Pociąg do dziś nie dotarł.", "pl")
    []
    >>> without_until_now([span], "Pociąg w dziś dotarł.", "pl") == [span]
    True
    """
    if not dates:
        return dates
    spans = until_now_spans(text, lang)
    if not spans:
        return dates
    return [d for d in dates if not any(s <= d.start and d.end <= e for s, e in spans)]

"""The day a report was made, told beside the event it reports.

A relay often dates the report it passes on, and the event inside it separately: "У
панядзелак «Беларускі Гаюн» паведаміў, што ў нядзелю ў Брэст прыбыў эшалон", "В
понедельник «Гаюн» сообщил, что в воскресенье ...", "W poniedziałek Białoruski Hajun
poinformował, że w niedzielę ...", "On Monday, Hajun reported that ... on Sunday"
(trial15 T7). A date in the sentence before the word that opens what a reporting verb
tells ("што", "что", "що", "że", "that": the lexicon's ``report_that``), with a
``reporting`` verb there and no verb of movement, is the report's day: the event's day
is the one inside the told clause. With none there ("Учора «Гаюн» повідомив, що до
Бреста прибув ешелон"), the event happened on or before the report's day: the report's
date is kept as a bound ("by"), never as the event's day.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from railtrack.extract.lexicon import LANGUAGES, lexicon

if TYPE_CHECKING:
    from collections.abc import Callable

    from railtrack.extract.dates import DateSpan

__all__ = ["report_frame_end", "split_report_days"]

_WORD = re.compile(r"[^\W\d_][\w'’-]*")


@lru_cache(maxsize=len(LANGUAGES))
def _that_re(lang: str) -> re.Pattern[str] | None:
    words = sorted(lexicon(lang).report_that, key=len, reverse=True)
    if not words:
        return None
    body = "|".join(re.escape(w) for w in words)
    return re.compile(rf"(?<![\w'’-])(?:{body})(?![\w'’-])", re.IGNORECASE)


def report_frame_end(text: str, lang: str, *, moves: Callable[[str], bool]) -> int | None:
    """Return where the clause a reporting verb tells opens ("што", "that"), if one does.

    Parameters
    ----------
    text
        One clause or sentence of a report.
    lang
        Its language (en, ru, uk, be, pl).
    moves
        Whether a stretch of text has a verb of a train moving (then it is no frame of
        a report only).

    Returns
    -------
    int or None
        The offset of the first ``report_that`` word that has a ``reporting`` verb
        before it, and no verb of movement; None when the text has none.

    Examples
    --------
    >>> t = "У панядзелак «Гаюн» паведаміў, што ў нядзелю ў Брэст прыбыў эшалон."
    >>> t[report_frame_end(t, "be", moves=lambda s: False):][:3]
    'што'
    >>> report_frame_end("Эшалон прыбыў у Брэст.", "be", moves=lambda s: False) is None
    True
    """
    that = _that_re(lang)
    reporting = lexicon(lang).reporting
    if that is None or reporting is None:
        return None
    for m in that.finditer(text):
        frame = text[: m.start()]
        words = [w.lower().replace("ў", "у") for w in _WORD.findall(frame)]
        if any(reporting.match(w) for w in words) and not moves(frame):
            return m.start()
    return None


def split_report_days(
    text: str, dates: list[DateSpan], lang: str, *, moves: Callable[[str], bool]
) -> tuple[list[DateSpan], DateSpan | None]:
    """Split a clause's dates into the event's and a bound from the report's day.

    Parameters
    ----------
    text
        The clause the dates were found in.
    dates
        Its dates (offsets into ``text``).
    lang
        Its language.
    moves
        Whether a stretch of text has a verb of a train moving.

    Returns
    -------
    tuple of (list of DateSpan, DateSpan or None)
        The event's dates: ``dates`` when the clause has no report frame with a date
        in it, else the dates after the frame. Then, when the frame has a date and the
        told clause none, the report's last date as a bound (``qual`` "by": the event
        was on or before that day), else None.

    Examples
    --------
    >>> from railtrack.extract.readers import reader_for
    >>> rd = reader_for("uk")
    >>> t = "У понеділок Гаюн повідомив, що в неділю до Бреста прибув ешелон."
    >>> days, bound = split_report_days(t, rd.find_dates(t), "uk", moves=lambda s: False)
    >>> [d.text for d in days], bound
    (['в неділю'], None)
    >>> t = "Учора Гаюн повідомив, що до Бреста прибув ешелон."
    >>> days, bound = split_report_days(t, rd.find_dates(t), "uk", moves=lambda s: False)
    >>> days, bound.text, bound.get("qual")
    ([], 'Учора', 'by')
    """
    if not dates:
        return dates, None
    end = report_frame_end(text, lang, moves=moves)
    if end is None:
        return dates, None
    reported = [d for d in dates if d.end <= end]
    if not reported:
        return dates, None
    told = [d for d in dates if d.start >= end]
    if told:
        return told, None
    last = reported[-1]
    fields = tuple((k, v) for k, v in last.fields if k != "qual")
    return [], replace(last, fields=(("qual", "by"), *fields))

"""Bylines: the date a news page prints under its headline is its publication day.

A saved news article carries the day (and often the time) it was published on a line of
its own under the headline: "18 травня 2023, 10:15", "May 18, 2023, 12:00", "18 maja
2023, 10:15", "18.05.2023 10:15". That date is when the outlet wrote, never when a
train moved: read as a date of the text, it was the nearest date before every train of
the article and became their arrival (trial15 T6: "17 травня ... прибули ще два
ешелони" gave 18 May). :func:`without_bylines` blanks such a line, so the article's own
dates (and its relative ones, against the published day) date the trains.

A byline is a line among the first four lines with text that holds one date with a
year or a time of day, optionally a weekday, a time and separators, and nothing else,
followed by a lead that tells a date of its own (the article's event day); a byline
over an undated lead is left as it stands.
A date with neither ("19 мая" heading a channel's digest) is a heading of the day the
post tells of and stays; so does a dateline that names a place ("Лунинец, 12 апреля,
12:40.": :mod:`railtrack.extract.datelines`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from railtrack.extract.clock import TIME_OF_DAY

if TYPE_CHECKING:
    from railtrack.extract.readers import Reader

__all__ = ["byline_spans", "without_bylines"]

_LINES_READ = 4
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)|(?<!\d)\d{1,2}[./]\d{1,2}[./]\d{2,4}(?!\d)")
# what may stand beside the date on a byline: separators and the letters of an "h"/"r."
_REST = re.compile(r"[\s,.;:|/·•–—()\-]*")


def byline_spans(text: str, rd: Reader) -> list[tuple[int, int]]:
    """Return the (start, end) offsets of the byline lines near the top of ``text``.

    Parameters
    ----------
    text
        A report, as read.
    rd
        The reader of its language (its dates and weekdays).

    Returns
    -------
    list of tuple of int
        Character offsets of each byline line (its text, without the newline).

    Examples
    --------
    >>> from railtrack.extract.readers import reader_for
    >>> t = "Два ешелони прибули\\n18 травня 2023, 10:15\\n17 травня прибули два ешелони."
    >>> [t[a:b] for a, b in byline_spans(t, reader_for("uk"))]
    ['18 травня 2023, 10:15']
    >>> byline_spans("19 мая\\nВ Брест прибыл эшелон.", reader_for("ru"))
    []
    """
    found: list[tuple[int, int]] = []
    seen = 0
    start = 0
    while start <= len(text) and seen < _LINES_READ:
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        line = text[start:end]
        if line.strip():
            seen += 1
            if _is_byline(line, rd) and _lead_dated(text, end, rd):
                found.append((start, end))
        start = end + 1
    return found


_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


def _lead_dated(text: str, at: int, rd: Reader) -> bool:
    """Whether the first sentence after ``at`` (the lead) tells a date of its own.

    An undated lead keeps the byline beside it: the article then tells of its own day
    (and a lead with no date of its own read without one has made phantom trains of
    a timetable: "назначили более 80 дополнительных поездов", r524).
    """
    rest = text[at:].lstrip()
    stop = _SENTENCE_END.search(rest)
    lead = rest[: stop.end() if stop else len(rest)]
    return bool(rd.find_dates(lead))


def _is_byline(line: str, rd: Reader) -> bool:
    """Whether a line is one absolute date with a year or a time, and nothing else."""
    found = rd.find_dates(line)
    # "чацвер, 18 траўня 2023": the weekday printed beside the day is part of the byline
    dates = [d for d in found if d.get("wd") is None or d.get("d") or d.get("dm_d")]
    if len(dates) != 1 or dates[0].is_relative:
        return False
    day = dates[0]
    rest = line
    for other in found:
        rest = rest[: other.start] + " " * (other.end - other.start) + rest[other.end :]
    times = TIME_OF_DAY.findall(rest)
    rest = TIME_OF_DAY.sub(" ", rest)
    if not (times or _YEAR.search(line[day.start : day.end]) or _YEAR.search(rest)):
        return False
    rest = _YEAR.sub(" ", rest)
    return _REST.fullmatch(rest) is not None


def without_bylines(text: str, rd: Reader) -> str:
    """Return ``text`` with its byline lines blanked (same length, same offsets).

    Parameters
    ----------
    text : str
        A report.
    rd : railtrack.extract.readers.Reader
        The reader of its language (finds dates).

    Returns
    -------
    str
        ``text`` itself when it has no byline, else a copy with each byline line
        replaced by spaces.

    Examples
    --------
    >>> from railtrack.extract.readers import reader_for
    >>> text = "Trains\\nMay 18, 2023, 12:00\\nOn May 17 ..."
    >>> out = without_bylines(text, reader_for("en"))
    >>> len(out) == len(text), out.splitlines()[1].strip(), out.splitlines()[2]
    (True, '', 'On May 17 ...')
    """
    spans = byline_spans(text, rd)
    if not spans:
        return text
    parts: list[str] = []
    at = 0
    for start, end in spans:
        parts += [text[at:start], " " * (end - start)]
        at = end
    parts.append(text[at:])
    return "".join(parts)

"""Trips told as the items of a list: one train per item, in every language.

A digest post lists a week's trains one per line, with no verb and often no train
noun::

    Weekly summary (March 13-19):
    - March 13: Zhlobin to Gomel, 40 cars
    - 15 марта: Гомель — Клинцы, 45 вагонов
    1) 16 marca: z Orszy do Smoleńska, 38 wagonów

Each item (after "-", "•", "*", "1." or "1)") that names a trip and gives a date or a
car count is one train, with its own ends, day and cars. A line opened by a long dash
("— Жлобин — Гомель, 36 вагонов") is an item when it names a trip or stands in a list (a
dash of dialogue opens none); so is a line with no bullet that names a trip under a
heading ending with a colon ("10 апреля:" then "Жлобин — Гомель, 36 вагонов, 08:20"),
until a blank line. A trip is two names joined by an arrow ("X → Y"), a spaced dash ("X
— Y", "X - Y"), English "X to Y", or a pair of prepositions ("from X to Y", "из X в Y",
"з X до Y", "са X у Y", "z X do Y"), and it ends the item or a part of it ("Zhlobin to
Gomel, 40 cars", not "Orsha - On the platform ..."). The heading is no item. An item
naming no trip (a link, a remark) gives nothing; an item of several trains ("two trains
... (35 and 28 cars)") is left to the sentence reading. An item with no date of its own
takes the heading's when the heading names one day ("Эшелоны за 10 апреля:", "Pociągi 10
kwietnia:"); a span ("Итоги недели (13-19 марта):") dates none. A time of day in the
item ("(08:20)", ", 14:05") is when the train was seen at the trip's first place.

:func:`listed_trips` finds them; the train assembly
(:mod:`railtrack.extract.trains`) adds a train for each item it read nothing of.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, TypeVar

from railtrack.extract.lexicon import month_of
from railtrack.extract.places import PlaceSpan
from railtrack.extract.scripts import UPPER

if TYPE_CHECKING:
    from railtrack.extract.dates import DateSpan
    from railtrack.extract.numbers import CarCount
    from railtrack.extract.readers import Reader

_S = TypeVar("_S", "PlaceSpan", "DateSpan", "CarCount")

__all__ = ["ListedTrip", "list_items", "listed_trips", "moved", "tells_listed_trains"]

# a list item: a bullet or an item number at the start of a line, then the item
_ITEM = re.compile(r"[^\S\n]*(?:[-•*·▪►]|\d{1,2}[.)])[^\S\n]+(?P<body>\S[^\n]*)")
# a line opened by a long dash: an item in a list, a line of dialogue elsewhere
_DASHED = re.compile(r"[^\S\n]*[–—][^\S\n]*(?P<body>\S[^\n]*)")
_PLAIN = re.compile(r"[^\S\n]*(?P<body>\S[^\n]*)")
# a time of day in an item: "(08:20)", ", 8:20" (never a date: "14.03")
_TIME = re.compile(r"(?<![\d:.])(?:[01]?\d|2[0-3]):[0-5]\d(?![\d:])")
# upper-case letters of the five languages' scripts: a place name starts with one
_UP = UPPER
# a place name: one to three capitalised words ("Nowy Oskoł", "Ростов-на-Дону")
_NAME = rf"[{_UP}][\w'’-]*?(?:[^\S\n]+[{_UP}][\w'’-]*?){{0,2}}"
# a trip is a phrase of its own: its last name ends the item or a part of it
_END = r"(?=[^\S\n]*(?:[,;:.()]|$))"
_EDGE = r"(?=[^\w'’-]|$)"
_FROM = r"(?i:from|из|изо|с|со|з|із|зі|са|ад|z|ze|od)"
_TO = r"(?i:to|into|в|во|на|до|у|ў|да|do|na)"
_JOIN = r"[^\S\n]*(?:→|->|=>|⟶)[^\S\n]*|[^\S\n]+[-–—][^\S\n]+"
_TRIPS = (
    re.compile(
        rf"(?<![\w'’-]){_FROM}[^\S\n]+(?P<a>{_NAME}){_EDGE}[^\S\n]+{_TO}[^\S\n]+(?P<b>{_NAME}){_END}"
    ),
    re.compile(rf"(?<![\w'’-])(?P<a>{_NAME}){_EDGE}(?:{_JOIN})(?P<b>{_NAME}){_END}"),
)
# "Zhlobin to Gomel": English only ("to" is "it is" in Polish)
_EN_TRIP = re.compile(rf"(?<![\w'’-])(?P<a>{_NAME})[^\S\n]+to[^\S\n]+(?P<b>{_NAME}){_END}")


@dataclass(frozen=True)
class ListedTrip:
    """One list item told as a train; every offset is into the whole text.

    ``origin``/``destination`` are the trip's ends, ``day`` the item's first date or
    the heading's (``heading_day``; None for none), ``counts`` its car counts,
    ``time`` the offsets of its time of day; ``start``/``end`` bound the item.
    """

    start: int
    end: int
    origin: PlaceSpan
    destination: PlaceSpan
    day: DateSpan | None
    counts: tuple[CarCount, ...]
    heading_day: bool = False  # the day is the list heading's ("Эшелоны за 10 апреля:")
    time: tuple[int, int] | None = None  # where the item's time of day stands ("08:20")


def list_items(text: str) -> list[tuple[int, int]]:
    """Return the (start, end) of each list item's text after its bullet or number.

    Parameters
    ----------
    text : str
        A report.

    Returns
    -------
    list of tuple of int
        ``(start, end)`` character offsets into ``text``, in order.

    Examples
    --------
    >>> t = "Weekly summary:\\n- March 13: Orsha to Smolensk\\n2) March 15: Gomel"
    >>> [t[a:b] for a, b in list_items(t)]
    ['March 13: Orsha to Smolensk', 'March 15: Gomel']
    """
    return [(start, end) for start, end, _ in _list_lines(text)]


def _names_trip(body: str) -> bool:
    """Whether a line names a trip in any language ("X — Y", "X → Y", "из X в Y")."""
    return any(p.search(body) for p in (*_TRIPS, _EN_TRIP))


def _list_lines(text: str) -> list[tuple[int, int, tuple[int, int] | None]]:
    """Return each list item's (start, end) and its heading's (start, end), if any.

    A heading is the line ending with a colon just above the list's first item.
    """
    found: list[tuple[int, int, tuple[int, int] | None]] = []
    heading: tuple[int, int] | None = None
    in_list = False
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        m = _ITEM.fullmatch(line)
        if m is None:
            m = _DASHED.fullmatch(line)
            if m is not None and not (in_list or _names_trip(m["body"])):
                m = None
        if m is None and in_list and not line.rstrip().endswith(":"):
            m = _PLAIN.fullmatch(line)
            if m is not None and not _names_trip(m["body"]):
                m = None
        if m is not None:
            found.append((start + m.start("body"), start + m.end("body"), heading))
            in_list = True
        elif line.rstrip().endswith(":"):
            heading, in_list = (start, start + len(line)), True
        else:
            heading, in_list = None, False
    return found


def _trip(body: str, lang: str, taken: list[DateSpan]) -> tuple[PlaceSpan, PlaceSpan] | None:
    """Return the ends of the trip an item names, or None for none."""
    patterns = (*_TRIPS, _EN_TRIP) if lang == "en" else _TRIPS
    for pattern in patterns:
        for m in pattern.finditer(body):
            a, b = m.span("a"), m.span("b")
            if any(_is_date_word(body, span, taken) for span in (a, b)):
                continue
            return (
                PlaceSpan("origin", m["a"], *a, m.start(), lang),
                PlaceSpan("destination", m["b"], *b, m.start("b"), lang),
            )
    return None


def _is_date_word(body: str, span: tuple[int, int], dates: list[DateSpan]) -> bool:
    """Whether a name is part of a date ("March", "Monday") rather than a place."""
    if any(d.start < span[1] and span[0] < d.end for d in dates):
        return True
    return month_of(body[span[0] : span[1]].split()[0]) is not None


def _several_trains(body: str, rd: Reader, counts: list[CarCount]) -> bool:
    """Whether an item tells of several trains ("two trains ... (35 and 28 cars)")."""
    totals = [c for c in counts if c.kind == "total"]
    return (
        len(totals) > 1
        or rd.find_count_series(body) is not None
        or rd.group_announcement(body) is not None
        or (rd.has_train_noun(body) and not rd.has_train_noun(body, singular=True))
    )


def listed_trips(text: str, rd: Reader, lang: str) -> list[ListedTrip]:
    """Return the list items of ``text`` that each tell of one train's trip.

    Parameters
    ----------
    text
        The report.
    rd
        The reader of its language (dates and car counts are its finders').
    lang
        The language's code: English also joins two names with "to".

    Returns
    -------
    list of ListedTrip
        One per item naming a trip and giving a date or a car count, in text order.

    Examples
    --------
    >>> from railtrack.extract.readers import reader_for
    >>> t = "Итоги недели (13-19 марта):\\n- 13 марта: Жлобин — Гомель, 40 вагонов\\n- t.me/x"
    >>> [(i.origin.text, i.destination.text, i.day.text, i.counts[0].value)
    ...  for i in listed_trips(t, reader_for("ru"), "ru")]
    [('Жлобин', 'Гомель', '13 марта', 40)]
    """
    found: list[ListedTrip] = []
    for start, end, heading in _list_lines(text):
        body = text[start:end]
        dates = rd.find_dates(body)
        trip = _trip(body, lang, dates)
        counts = rd.find_car_counts(body)
        if trip is None or not (dates or counts) or _several_trains(body, rd, counts):
            continue
        a, b = (moved(p, start) for p in trip)
        day = moved(dates[0], start) if dates else None
        told = heading is not None and day is None
        if told and heading is not None:
            days = rd.find_dates(text[heading[0] : heading[1]])
            day = moved(days[0], heading[0]) if len(days) == 1 else None
        clock = _TIME.search(body)
        found.append(
            ListedTrip(
                start,
                end,
                a,
                b,
                day,
                tuple(moved(c, start) for c in counts),
                heading_day=told and day is not None,
                time=None if clock is None else (start + clock.start(), start + clock.end()),
            )
        )
    return found


def moved(span: _S, by: int) -> _S:
    """Return ``span`` (a place, date or count) with its offsets moved ``by`` characters on.

    A span found in a part of a text, given offsets into the whole.

    Parameters
    ----------
    span : dataclass
        A found span with ``start`` and ``end`` fields.
    by : int
        The offset of the part in the whole text (characters).

    Returns
    -------
    same type as ``span``
        A copy with both offsets moved.

    Examples
    --------
    >>> from railtrack.extract.dates import DateSpan
    >>> moved(DateSpan(0, 7, "5 марта", ()), 10).start
    10
    """
    return replace(span, start=span.start + by, end=span.end + by)


_NAME_WORD = re.compile(rf"(?<![\w'’-])[{_UP}][\w'’-]+")


def _names_a_place(body: str, taken: list[tuple[int, int]]) -> bool:
    """Whether a capitalised word outside ``taken`` spans (dates, counts) is no month."""
    return any(
        month_of(m[0]) is None and not any(a < m.end() and m.start() < b for a, b in taken)
        for m in _NAME_WORD.finditer(body)
    )


# the most words of an item telling of one train in a digest ("March 13: Zhlobin to
# Gomel, 40 cars" has 7); a longer item is a sentence of prose or a quote
_SHORT_ITEM_WORDS = 15


def tells_listed_trains(text: str, rd: Reader) -> bool:
    """Whether a list item plainly tells of a train: a date, a place and a car count.

    Such an item ("- March 13: Zhlobin, 40 cars") read as nothing is said, never
    dropped in silence. The item opens with its date and is short, as a digest's
    items are: a quote after a dash ("- Dzisiaj Służba Ochrony Kolei ujawniła, że
    ... z jednego wagonu - powiedziała komisarz") is prose.

    Parameters
    ----------
    text : str
        A report.
    rd : railtrack.extract.readers.Reader
        The reader of the report's language (finds dates and car counts).

    Returns
    -------
    bool
        True when some short list item opens with a date and names a car count
        and a place.

    Examples
    --------
    >>> from railtrack.extract.readers import reader_for
    >>> tells_listed_trains("Summary:\\n- March 13: Zhlobin, 40 cars", reader_for("en"))
    True
    >>> tells_listed_trains("Summary:\\n- March: 40 cars\\n- https://t.me/x", reader_for("en"))
    False
    """
    for start, end in list_items(text):
        body = text[start:end]
        dates, counts = rd.find_dates(body), rd.find_car_counts(body)
        if not (dates and counts) or dates[0].start > 0 or len(body.split()) > _SHORT_ITEM_WORDS:
            continue
        taken = [(d.start, d.end) for d in dates] + [(c.start, c.end) for c in counts]
        if _names_a_place(body, taken):
            return True
    return False

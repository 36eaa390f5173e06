"""A digest post listing trains by station, one line each (trial15 T4).

Hajun sums up a day in one post, a line per station::

    За 19 траўня ў Беларусь прыбылі:
    ▪️ Лунінец — 2 эшалоны (36 і 40 вагонаў)
    ▪️ Брэст — 1 эшалон (44 вагоны)
    ▪️ Асіповічы — 1 эшалон (45 вагонаў, з іх 3 пасажырскія)

Relays write the same in every language ("🔹 Łuniniec – 2 pociągi (36 i 40 wagonów)",
"- Luninets: 2 trains (36 and 40 cars)"). Each line opens (after a bullet, if any)
with a station's name, then a dash or a colon and a count of trains, then their cars
in brackets: one car count for each train ("36 і 40"), or the one train's make-up
("45 вагонаў, з іх 3 пасажырскія"). The heading above the lines says what the trains
did (its verb: arrived, left, passed) and when (its one day, or the day before the
post for "за суткі", "w ciągu doby", "over the past day": the lexicons'
``past_day``). Two such lines or more make a digest; a line of the digest's bullet
that is none is named in a problem, never dropped in silence.

:func:`station_digest` finds it; the train assembly (:mod:`railtrack.extract.trains`)
makes the trains (a station is the end of trains arrived, the origin of trains left,
a place seen for trains that passed).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from railtrack.extract.lexicon import LANGUAGES, lexicon
from railtrack.extract.listing import moved
from railtrack.extract.numbers import CarCount
from railtrack.extract.places import PlaceSpan

if TYPE_CHECKING:
    from railtrack.extract.dates import DateSpan
    from railtrack.extract.readers import Reader

__all__ = ["StationDigest", "StationLine", "station_digest"]

# upper-case letters of the five languages' scripts: a station's name starts with one
_UP = "A-ZĄĆĘŁŃÓŚŹŻА-ЯЁІЇЄЎҐ"
# a line: a bullet (a mark or an emoji, no letter or digit; or "1.", "2)"), a name of one to three
# capitalised words, a dash or a colon, then the rest
_LINE = re.compile(
    rf"^[^\S\n]*(?P<bullet>(?:[^\w\s(«\"]{{1,3}}|\d{{1,2}}[.)])[^\S\n]*)?"
    rf"(?P<name>[{_UP}][\w'’.-]*(?:[^\S\n]+[{_UP}][\w'’.-]*){{0,2}})"
    r"[^\S\n]*(?:[—–:]|-(?=[^\S\n]))[^\S\n]*(?P<rest>\S[^\n]*)$",
    re.MULTILINE,
)
# a line opened by a bullet: one of the digest's, read or not
_BULLETED = re.compile(
    r"^[^\S\n]*(?P<bullet>[^\w\s(«\"]{1,3}|\d{1,2}[.)])[^\S\n]*\S[^\n]*$", re.MULTILINE
)
_COUNT_FIRST = re.compile(r"(?P<n>\d{1,2})(?!\d)")
_MIN_LINES = 2  # two station lines or more make a digest


@dataclass(frozen=True)
class StationLine:
    """One line of a digest: ``n_trains`` trains at ``station`` (offsets into the text).

    ``cars`` holds one list of car counts per train when the line counts each train
    ("36 і 40 вагонаў"), else one list for the line's one train (its make-up), else
    none.
    """

    start: int
    end: int
    station: PlaceSpan
    n_trains: int
    cars: tuple[tuple[CarCount, ...], ...]
    counted: tuple[int, int] = (0, 0)  # where the count of trains is ("2 эшалоны")


@dataclass(frozen=True)
class StationDigest:
    """A digest's heading and lines; ``unread`` are its bulleted lines read as none."""

    heading: tuple[int, int]
    role: str | None
    day: DateSpan | None
    past_day: bool
    lines: tuple[StationLine, ...]
    unread: tuple[tuple[int, int], ...]
    # the heading's places ("Из Беларуси в Россию ... ушли:"), offsets into the text
    places: tuple[PlaceSpan, ...] = ()

    @property
    def span(self) -> tuple[int, int]:
        """The digest's extent in the text: its heading to its last line."""
        ends = [self.heading[1], *(ln.end for ln in self.lines), *(u[1] for u in self.unread)]
        return self.heading[0], max(ends)


def station_digest(text: str, rd: Reader) -> StationDigest | None:
    """Return the digest of trains by station a text holds, None when it holds none.

    Parameters
    ----------
    text
        A whole report.
    rd
        The reader of its language.

    Returns
    -------
    StationDigest or None
        Its heading (the line above the first station line), the role of the
        heading's verb (``arrival``, ``departure``, or None for a passage or none), the
        heading's one day, whether the heading counts over the past day, the station
        lines (two or more), the bulleted lines among them read as none, and the
        heading's places.

    Examples
    --------
    >>> from railtrack.extract.readers import reader_for
    >>> t = "Arrived in Belarus on May 19:\\n- Luninets: 2 trains (36 and 40 cars)\\n"
    >>> t += "- Brest: 1 train (44 cars)"
    >>> d = station_digest(t, reader_for("en"))
    >>> [(ln.station.text, ln.n_trains, [c[0].value for c in ln.cars]) for ln in d.lines]
    [('Luninets', 2, [36, 40]), ('Brest', 1, [44])]
    >>> d.role, d.day.text
    ('arrival', 'May 19')
    >>> station_digest("Two trains arrived in Brest: 36 and 40 cars.", reader_for("en")) is None
    True
    """
    if "\n" not in text:
        return None
    lines: list[StationLine] = []
    for m in _LINE.finditer(text):
        line = _station_line(m, rd)
        if line is None:
            continue
        if lines and not _next_line(text, lines[-1].end, m.start()):
            break  # (another list further on: the first one is read)
        lines.append(line)
    if len(lines) < _MIN_LINES:
        return None
    first = lines[0].start
    head_end = text.rfind("\n", 0, first)
    head_start = text.rfind("\n", 0, max(0, head_end)) + 1
    heading = text[head_start:head_end].strip() if head_end > 0 else ""
    if not heading:
        return None  # (a digest says what its lines are: no heading, no digest)
    roles = [v.role for v in rd.verb_cues(heading) if v.role != "neutral"]
    role = roles[-1] if roles else None
    dates = rd.find_dates(heading)
    offset = head_start + text[head_start:head_end].find(heading)
    day = moved(dates[0], offset) if len(dates) == 1 else None
    read = {(ln.start, ln.end) for ln in lines}
    last = lines[-1].end
    unread = tuple(
        (m.start(), m.end())
        for m in _BULLETED.finditer(text, first, len(text))
        if m.start() <= last + 1
        and (m.start(), m.end()) not in read
        and not any(ln.start <= m.start() < ln.end for ln in lines)
    )
    places = tuple(
        replace(p, start=p.start + offset, end=p.end + offset, cue_start=p.cue_start + offset)
        for p in rd.find_places(heading)
    )
    return StationDigest(
        (offset, offset + len(heading)),
        role,
        day,
        names_past_day(heading, rd.lang),
        tuple(lines),
        unread,
        places,
    )


def _next_line(text: str, end: int, start: int) -> bool:
    """Whether ``start`` opens the line right after the one ending at ``end``."""
    return text.count("\n", end, start) <= 1


def _station_line(m: re.Match[str], rd: Reader) -> StationLine | None:
    """Read one line as a station's trains; None when it names no count of trains."""
    rest, at = m["rest"], m.start("rest")
    found = _trains_counted(rest, rd)
    if found is None:
        return None
    n, counted_end = found
    name = m["name"]
    station = PlaceSpan("at", name, m.start("name"), m.end("name"), m.start("name"), rd.lang)
    cars: tuple[tuple[CarCount, ...], ...] = ()
    series = rd.find_count_series(rest) if n > 1 else None
    if series is not None and len(series[0]) == n:
        values, kind, start, end = series
        cars = tuple((_count(kind, v, at + start, at + end, rest[start:end]),) for v in values)
    elif n == 1:
        counts = tuple(moved(c, at) for c in rd.find_car_counts(rest))
        cars = (counts,) if counts else ()
    return StationLine(m.start(), m.end(), station, n, cars, (at, at + counted_end))


def _trains_counted(rest: str, rd: Reader) -> tuple[int, int] | None:
    """Return the count of trains the rest of a line opens with ("2 эшалоны") and its end."""
    announcement = rd.group_announcement(rest)
    if announcement is not None and not rest[: announcement.start].strip():
        n = announcement.n_trains
        return (n, announcement.end) if isinstance(n, int) else None
    m = _COUNT_FIRST.match(rest)
    if m is None or not int(m["n"]):
        return None
    noun = re.match(r"[^\S\n]*\w+", rest[m.end() :])
    if noun is None or not rd.has_train_noun(noun.group()):
        return None
    return int(m["n"]), m.end() + noun.end()


def _count(kind: str, value: int, start: int, end: int, text: str) -> CarCount:
    """Return one train's count of a series ("36" of "36 і 40 вагонаў")."""
    return CarCount(kind, value, False, start, end, text)


def names_past_day(text: str, lang: str) -> bool:
    """Whether a heading counts over the past day ("за суткі", "w ciągu doby").

    Examples
    --------
    >>> names_past_day("За суткі ў Беларусь прыбылі:", "be")
    True
    >>> names_past_day("Over the past day, trains arrived in Belarus:", "en")
    True
    >>> names_past_day("19 мая в Беларусь прибыли:", "ru")
    False
    """
    if lang not in LANGUAGES:
        return False
    pattern = lexicon(lang).past_day
    return pattern is not None and pattern.search(text) is not None

"""A digest post listing trains by station, one line each (trial15 T4).

Hajun sums up a day in one post, a line per station::

    За 19 траўня ў Беларусь прыбылі:
    ▪️ Лунінец — 2 эшалоны (36 і 40 вагонаў)
    ▪️ Брэст — 1 эшалон (44 вагоны)
    ▪️ Асіповічы — 1 эшалон (45 вагонаў, з іх 3 пасажырскія)

Relays write the same in every language ("🔹 Łuniniec – 2 pociągi (36 i 40 wagonów)", "-
Luninets: 2 trains (36 and 40 cars)"). Each line opens (after a bullet, if any) with a
station's name, then a dash or a colon and a count of trains, then their cars in
brackets: one car count for each train ("36 і 40"), or the one train's make-up ("45
вагонаў, з іх 3 пасажырскія"). The heading above the lines says what the trains did (its
verb: arrived, left, passed) and when (its one day, or the day before the post for "за
суткі", "w ciągu doby", "over the past day": the lexicons' ``past_day``). Two such lines
or more make a digest, and so does one line right under a heading that sums up a day or
tells one ("Итоги дня 19 мая:", trial17b T5); a line of the digest's bullet that is none
is named in a problem, never dropped in silence, and the lines after it are read on
(issue 13 F2). A line naming one train with no number ("▪️ Гомель — эшалон", "- Gomel: a
train with vehicles") is one train (F1). A line's cars in brackets are one count per
train, in order; a single count for several trains ("2 эшалоны (80 вагонаў)") is the
line's group total, and fewer counts than trains ("3 эшалоны (30 і 41 вагон)") go to the
first trains, the rest unknown and said so (F3). A line of cars unloaded with no train
word ("▪️ Калинковичи — разгрузка 20 платформ с самоходными гаубицами") is one train
unloaded at its station (trial18 T5), and one of cars loaded ("▪️ Бобруйск — погрузка 30
платформ с техникой", "- Babruysk: loading of 30 flatcars") one train loaded there
(trial18b T8). Every line keeps the stage its words tell (the lexicons' ``loading`` and
``unloading``): a train unloaded at the station ended there, one loaded there starts
there.

:func:`station_digest` finds it; the train assembly (:mod:`railtrack.extract.trains`)
makes the trains (a station is the end of trains arrived, the origin of trains left,
a place seen for trains that passed).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from railtrack.extract.lexicon import LANGUAGES, every_language_stems, lexicon
from railtrack.extract.listing import moved
from railtrack.extract.numbers import CarCount
from railtrack.extract.places import PlaceSpan
from railtrack.extract.scripts import UPPER

if TYPE_CHECKING:
    from railtrack.extract.dates import DateSpan
    from railtrack.extract.readers import Reader

__all__ = [
    "StationDigest",
    "StationLine",
    "line_stage",
    "names_day_digest",
    "names_past_day",
    "station_digest",
    "why_unread",
]

# upper-case letters of the five languages' scripts: a station's name starts with one
_UP = UPPER
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
# a line's one train with no number: a singular train noun among its first two words
# ("эшалон з тэхнікай", "a train", "pociąg")
_ONE_TRAIN = re.compile(r"[^\W\d_]+(?:[^\S\n]+[^\W\d_]+){0,2}")
_MIN_LINES = 2  # two station lines or more make a digest


@dataclass(frozen=True)
class StationLine:
    """One line of a digest: ``n_trains`` trains at ``station`` (offsets into the text).

    ``cars`` holds one list of car counts per train, in order, when the line counts
    trains one by one ("36 і 40 вагонаў"; fewer lists than trains when it counts only
    the first ones: "3 эшалоны (30 і 41 вагон)"), else one list for the line's one
    train (its make-up), else none. ``total`` is the car count of a line of several
    trains told together ("2 эшалоны (80 вагонаў)"), ``miscounted`` the counts that
    fit no train (more counts than trains).
    """

    start: int
    end: int
    station: PlaceSpan
    n_trains: int
    cars: tuple[tuple[CarCount, ...], ...]
    counted: tuple[int, int] = (0, 0)  # where the count of trains is ("2 эшалоны")
    total: CarCount | None = None
    miscounted: tuple[CarCount, ...] = ()
    # ``loading`` or ``unloading`` when the line's words say cars are (un)loaded at the
    # station ("1 эшалон (36 вагонаў), разгрузка"; trial18b T8), else None
    stage: str | None = None
    # a line of cars (un)loaded at the station and no train noun ("Калинковичи —
    # разгрузка 20 платформ", "Бобруйск — погрузка 30 платформ"): one train, no count of
    # trains told (trial18 T5, trial18b T8)
    cars_only: bool = False


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
    # the heading sums up the post's own day with no date ("Итоги дня:")
    day_of_post: bool = False

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
    found = _digest_lines(text, rd)
    if found is None:
        return None
    lines, unread, first = found
    head_end = text.rfind("\n", 0, first)
    head_start = text.rfind("\n", 0, max(0, head_end)) + 1
    heading = text[head_start:head_end].strip() if head_end > 0 else ""
    if not heading:
        # a digest says what its lines are; lines of one bullet with no heading above
        # ("▪️ Брест — прибыл эшелон ...", a post of its lines alone) say it themselves
        # (trial17 T2)
        line_end = text.find("\n", first)
        if _bullet(text[first : line_end if line_end >= 0 else len(text)]) is None:
            return None
        return StationDigest((first, first), None, None, False, tuple(lines), unread)
    roles = [v.role for v in rd.verb_cues(heading) if v.role != "neutral"]
    role = roles[-1] if roles else None
    dates = rd.find_dates(heading)
    offset = head_start + text[head_start:head_end].find(heading)
    day = moved(dates[0], offset) if len(dates) == 1 else None
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
        names_day_digest(heading, rd.lang),
    )


def _rows(text: str) -> list[tuple[int, int]]:
    """Return the (start, end) of each line of ``text``, without its newline."""
    rows, pos = [], 0
    for line in text.split("\n"):
        rows.append((pos, pos + len(line)))
        pos += len(line) + 1
    return rows


def _bullet(line: str) -> str | None:
    """Return a line's bullet, item numbers as one ("2)" is "0)"), None for none."""
    m = _BULLETED.fullmatch(line)
    return None if m is None else re.sub(r"\d+", "0", m["bullet"].strip())


def _heads(line: str, rd: Reader) -> bool:
    """Whether a line may head a digest: a colon closes it, or it names a verb or a day."""
    return (
        line.rstrip().endswith(":")
        or any(v.role != "neutral" for v in rd.verb_cues(line))
        or bool(rd.find_dates(line))
    )


def _digest_lines(
    text: str, rd: Reader
) -> tuple[tuple[StationLine, ...], tuple[tuple[int, int], ...], int] | None:
    """Return a text's first run of station lines, its lines read as none, and its start.

    The run is the lines around the first station line up to a blank line: the
    station lines, the lines of the digest's bullet read as none (above, between and
    after them), and, in a digest with no bullets, any line between two station lines.
    None when the run holds fewer than two station lines.
    """
    read: dict[int, StationLine] = {}
    for m in _LINE.finditer(text):
        line = _station_line(m, rd)
        if line is not None:
            read[m.start()] = line
    if not read or (len(read) < _MIN_LINES and not _headed_alone(text, read, rd)):
        return None
    rows = _rows(text)
    k = next(i for i, (a, _) in enumerate(rows) if a in read)
    bullet = _bullet(text[slice(*rows[k])])

    def of_digest(i: int) -> bool:
        a, b = rows[i]
        return a in read or (bullet is not None and _bullet(text[a:b]) == bullet)

    top = k
    while top > 0 and of_digest(top - 1) and not _heads(text[slice(*rows[top - 1])], rd):
        top -= 1
    bottom = k
    while bottom + 1 < len(rows) and text[slice(*rows[bottom + 1])].strip():
        if not of_digest(bottom + 1) and bullet is not None:
            break
        bottom += 1
    if bullet is None:  # (lines after the last station line are no digest's)
        while rows[bottom][0] not in read:
            bottom -= 1
    run = rows[top : bottom + 1]
    lines = tuple(read[a] for a, _ in run if a in read)
    if len(lines) < min(_MIN_LINES, len(read)):
        return None
    unread = tuple((a, b) for a, b in run if a not in read)
    return lines, unread, rows[top][0]


def _headed_alone(text: str, read: dict[int, StationLine], rd: Reader) -> bool:
    """Whether a text's one station line stands under a digest's heading (trial17b T5).

    "Итоги дня 19 мая:" / "Вынікі дня:" / "За суткі прыбылі:" right above a single
    line "▪️ Осиповичи — 1 эшелон (40 вагонов)" is a digest of one line: the heading
    sums up a day (the lexicons' ``day_digest``, ``past_day``) or, closed by a colon,
    tells a day. A colon-closed line naming neither (a sentence's lead-in) is none.
    """
    if len(read) != 1:
        return False
    (at,) = read
    above_end = text.rfind("\n", 0, at)
    if above_end < 0:
        return False
    above = text[text.rfind("\n", 0, above_end) + 1 : above_end].strip()
    if not above.endswith(":"):
        return False
    return (
        names_day_digest(above, rd.lang)
        or names_past_day(above, rd.lang)
        or bool(rd.find_dates(above))
    )


def names_total(name: str) -> bool:
    """Tell whether a digest line's whole name is a bare total word ("Всего", "Razem").

    The words are every lexicon's ``total_words``, read whatever the line's language
    (review20 #7). Only a whole name counts: "Всего 30 вагонов" is no total.

    Parameters
    ----------
    name : str
        The text of a line before its colon.

    Returns
    -------
    bool

    Examples
    --------
    >>> [names_total(n) for n in ("Всего", " Razem ", "In total", "Всего Орша", "Orsha")]
    [True, True, True, False, False]
    """
    pattern = every_language_stems("total_words")
    if pattern is None:
        return False
    bare = name.strip(" \t:—–-▪️•*")
    found = pattern.match(bare)
    return found is not None and found.end() == len(bare)


def _station_line(m: re.Match[str], rd: Reader) -> StationLine | None:
    """Read one line as a station's trains; None when it names no count of trains."""
    rest, at = m["rest"], m.start("rest")
    name = m["name"]
    if rd.names_day_total(name) or names_total(name):
        return None  # "Итого: 3 эшелона, 120 вагонов": a total line, no station (trial19b T2)
    found = _trains_counted(rest, rd)
    station = PlaceSpan("at", name, m.start("name"), m.end("name"), m.start("name"), rd.lang)
    stage = line_stage(rest, rd)
    if found is None:
        return _staged_cars_line(m, station, stage, rd)
    n, counted_end = found
    counted = (at, at + counted_end)
    if n == 1:
        counts = tuple(moved(c, at) for c in rd.find_car_counts(rest))
        made_up = (counts,) if counts else ()
        return StationLine(m.start(), m.end(), station, n, made_up, counted, stage=stage)
    series = rd.find_count_series(rest)
    if series is not None:
        values, kind, start, end = series
        each = tuple(_count(kind, v, at + start, at + end, rest[start:end]) for v in values)
        if len(each) > n:  # more counts than trains: none is given to a train
            return StationLine(
                m.start(), m.end(), station, n, (), counted, miscounted=each, stage=stage
            )
        cars = tuple((c,) for c in each)
        return StationLine(m.start(), m.end(), station, n, cars, counted, stage=stage)
    totals = [moved(c, at) for c in rd.find_car_counts(rest) if c.kind == "total"]
    # "2 эшалоны (80 вагонаў)": one count for the line's trains, their total
    total = totals[0] if len(totals) == 1 else None
    return StationLine(m.start(), m.end(), station, n, (), counted, total=total, stage=stage)


def _staged_cars_line(
    m: re.Match[str], station: PlaceSpan, stage: str | None, rd: Reader
) -> StationLine | None:
    """Read a line of cars (un)loaded at its station as one train, else None.

    "▪️ Калинковичи — разгрузка 20 платформ с самоходными гаубицами": no train noun,
    but cars unloaded at Kalinkovichi, as a station heading over "Разгружают
    платформы" is read: one train, its cars counted (trial18 T5). "▪️ Бобруйск —
    погрузка 30 платформ с техникой", "- Babruysk: loading of 30 flatcars": one train
    loaded there (trial18b T8).
    """
    rest, at = m["rest"], m.start("rest")
    if stage is None or not rd.has_car_noun(rest):
        return None
    counts = tuple(moved(c, at) for c in rd.find_car_counts(rest))
    cars = (counts,) if counts else ()
    return StationLine(m.start(), m.end(), station, 1, cars, (at, at), stage=stage, cars_only=True)


def line_stage(text: str, rd: Reader) -> str | None:
    """Return ``unloading`` or ``loading`` when a short line says cars are (un)loaded.

    A digest's station line or the lines under a station heading tell the stage in a
    word ("разгрузка", "пагрузка", "rozładunek", "loading of 30 flatcars"): the
    reader's ``place_stage`` (the rules it reads prose with), else the words of the
    language's lexicon ``unloading`` and ``loading`` lists (English prose keeps the
    stricter patterns of :mod:`railtrack.extract.cues`, "loaded onto rail cars"; its
    lists serve these short lines).

    Parameters
    ----------
    text
        The line, or the words after its station's name.
    rd
        The reader of its language.

    Returns
    -------
    str or None
        ``unloading``, ``loading``, or None when the line names neither.

    Examples
    --------
    >>> from railtrack.extract.readers import reader_for
    >>> line_stage("loading of 30 flatcars with vehicles", reader_for("en"))
    'loading'
    >>> line_stage("1 echelon (36 cars), unloading", reader_for("en"))
    'unloading'
    >>> line_stage("30 flatcars loaded with tanks", reader_for("en")) is None
    True
    >>> line_stage("pagruzka", reader_for("be")) is None, line_stage("пагрузка", reader_for("be"))
    (True, 'loading')
    """
    stage = getattr(rd, "place_stage", None)
    found = stage(text) if stage is not None else None
    if isinstance(found, str):
        return found
    if rd.lang not in LANGUAGES:
        return None
    words = lexicon(rd.lang)
    for name, pattern in (("unloading", words.unloading), ("loading", words.loading)):
        if pattern is not None and pattern.search(text) is not None:
            return name
    return None


def why_unread(line: str) -> str:
    """Return why a digest's line was read as none, for its problem line.

    Parameters
    ----------
    line
        The line as written (one line, its bullet included).

    Returns
    -------
    str
        What the line lacks: a line opening with a station's name names it ("names
        'Гомель' but counts no train, nor cars loaded or unloaded there"), another
        gives no station.

    Examples
    --------
    >>> why_unread("▪️ Гомель — без подтверждения")
    "names 'Гомель' but counts no train, nor cars loaded or unloaded there"
    >>> why_unread("▪️ всё спокойно")
    'gives no station with a count of trains'
    """
    m = _LINE.match(line.strip())
    if m is None:
        return "gives no station with a count of trains"
    return f"names {m['name']!r} but counts no train, nor cars loaded or unloaded there"


def _trains_counted(rest: str, rd: Reader) -> tuple[int, int] | None:
    """Return the count of trains the rest of a line opens with ("2 эшалоны") and its end."""
    announcement = rd.group_announcement(rest)
    if announcement is not None and not rest[: announcement.start].strip():
        n = announcement.n_trains
        return (n, announcement.end) if isinstance(n, int) else None
    m = _COUNT_FIRST.match(rest)
    if m is None:
        # "Гомель — эшалон (з тэхнікай)", "Gomel: a train": one train, no number
        noun = _ONE_TRAIN.match(rest)
        if noun is None or not rd.has_train_noun(noun.group(), singular=True):
            return None
        return 1, noun.end()
    if not int(m["n"]):
        return None
    noun = re.match(r"[^\S\n]*\w+", rest[m.end() :])
    if noun is None or not rd.has_train_noun(noun.group()):
        return None
    return int(m["n"]), m.end() + noun.end()


def _count(kind: str, value: int, start: int, end: int, text: str) -> CarCount:
    """Return one train's count of a series ("36" of "36 і 40 вагонаў")."""
    return CarCount(kind, value, False, start, end, text)


def names_day_digest(text: str, lang: str) -> bool:
    """Whether a heading sums up the post's own day with no date ("Итоги дня:").

    Parameters
    ----------
    text
        The heading line.
    lang
        Its language (ISO 639-1); a language railtrack does not read gives False.

    Returns
    -------
    bool
        True when the lexicon's ``day_digest`` words are in it.

    Examples
    --------
    >>> names_day_digest("Итоги дня:", "ru"), names_day_digest("Podsumowanie dnia:", "pl")
    (True, True)
    >>> names_day_digest("Итоги недели:", "ru")
    False
    """
    if lang not in LANGUAGES:
        return False
    pattern = lexicon(lang).day_digest
    return pattern is not None and pattern.search(text) is not None


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

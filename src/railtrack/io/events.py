"""A table row's event and time of day: what happened at the row's place, and when.

A channel's log kept by place often has a column saying what happened there
("Событие: прибытие", "Zdarzenie: przyjazd", "Event: departure") and a separate time
column beside the date ("Время", "Godzina", "Час", "Гадзіна", "Time"). The event
words of the five languages are listed in ``data/tables/event_words.csv``
(``arrival``, ``departure``, ``passage``, ``unloading``):

- an arrival or unloading at the row's station makes it the destination and the
  row's date the arrival day; a departure makes it the origin and the date the
  departure day; a passage keeps the station a via point passed on that day
  (:mod:`railtrack.io.passages`);
- a place column whose every value is an event word ("Kierunek: przyjazd") names no
  place: it is read as the event column (:func:`event_place_fields`, with a problem);
- a time of day is joined to the row's event or passage date, else to its arrival or
  departure day as a sighting at that end (:func:`join_time`).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping
from datetime import datetime, time
from functools import lru_cache
from typing import Any

from railtrack._data import data_path
from railtrack.io.cells import is_blank
from railtrack.io.passages import ZONE_SUFFIX, cell_zone, is_span_end

__all__ = [
    "EVENT_KINDS",
    "apply_event",
    "event_of",
    "event_place_fields",
    "join_time",
    "plain_date_seen",
    "timed_day",
]

EVENT_KINDS = ("arrival", "departure", "passage", "unloading")
"""The events a table row may tell."""

PLACE_FIELDS = ("destination", "origin", "station", "via")
"""The place fields whose column may hold event words instead of places."""

_SPACES = re.compile(r"\s+")
_CLOCK = re.compile(
    rf"^([01]?\d|2[0-3])\s*[:.h]\s*([0-5]\d)(?::[0-5]\d)?({ZONE_SUFFIX})?$", re.IGNORECASE
)
"""A time of day, with its own zone or not ("06:40", "06:40 UTC+3", "06:40+03:00"); the
zone pattern is the passages' one (a bare "-07:30" after a time column's time is a span's
end, :func:`railtrack.io.passages.is_span_end`)."""


def _key(text: str) -> str:
    return _SPACES.sub(" ", text.casefold().replace("ё", "е")).strip().rstrip(".").strip()


@lru_cache(maxsize=1)
def event_words() -> dict[str, str]:
    """Return the event words: word (case-folded, ё as е, no final dot) -> event kind.

    Returns
    -------
    dict of str to str
        Read once per process from ``data/tables/event_words.csv``.

    Raises
    ------
    ValueError
        When the list gives a word two kinds or a kind not in :data:`EVENT_KINDS`.

    Examples
    --------
    >>> words = event_words()
    >>> words["przyjazd"], words["убытие"], words["праходжанне"], words["unloading"]
    ('arrival', 'departure', 'passage', 'unloading')
    """
    path = data_path("tables", "event_words.csv")
    found: dict[str, str] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            word, kind = _key(row["word"]), row["kind"].strip()
            if kind not in EVENT_KINDS or found.setdefault(word, kind) != kind:
                msg = f"{path.name}: {row['word']!r} has kind {kind!r} (or two kinds)"
                raise ValueError(msg)
    return found


@lru_cache(maxsize=1)
def event_prepositions() -> frozenset[str]:
    """Return the prepositions a passage word may end with in a cell ("przejechał przez").

    Read once per process from ``data/tables/event_prepositions.csv`` (case-folded).

    Examples
    --------
    >>> sorted(w for w in event_prepositions() if w in {"przez", "через", "праз", "through"})
    ['przez', 'through', 'праз', 'через']
    """
    path = data_path("tables", "event_prepositions.csv")
    with path.open(encoding="utf-8", newline="") as handle:
        return frozenset(_key(row["word"]) for row in csv.DictReader(handle))


def event_of(value: Any) -> str | None:
    """Return the event kind a cell names, or None when it names none.

    A passage word followed by the preposition of the place passed ("przejechał
    przez", "проследовал через", "праследаваў праз", "passed through") names a
    passage as the word alone does.

    Examples
    --------
    >>> event_of("Przyjazd"), event_of("прибытие."), event_of("Łuniniec"), event_of(3)
    ('arrival', 'arrival', None, None)
    >>> event_of("Przejechał przez"), event_of("праследаваў праз"), event_of("przez")
    ('passage', 'passage', None)
    """
    if not isinstance(value, str):
        return None
    key = _key(value)
    words = event_words()
    if key in words:
        return words[key]
    head, _, last = key.rpartition(" ")
    if head and last in event_prepositions() and words.get(head) == "passage":
        return "passage"
    return None


def event_place_fields(rows: Iterable[Mapping[str, Any]]) -> list[str]:
    """Return the place fields whose every non-blank value in a table is an event word.

    Parameters
    ----------
    rows
        The table's rows keyed by field.

    Returns
    -------
    list of str
        Fields among :data:`PLACE_FIELDS` with at least one value, all event words.

    Examples
    --------
    >>> event_place_fields([{"destination": "przyjazd", "station": "Brześć"},
    ...                     {"destination": "Przyjazd", "station": "Łuniniec"}])
    ['destination']
    >>> event_place_fields([{"destination": "przyjazd"}, {"destination": "Brześć"}])
    []
    """
    seen: dict[str, bool] = {}
    for row in rows:
        for name in PLACE_FIELDS:
            value = row.get(name)
            if not is_blank(value):
                seen[name] = seen.get(name, True) and event_of(value) is not None
    return [name for name in PLACE_FIELDS if seen.get(name)]


def _move(data: dict[str, Any], source: str, target: str) -> None:
    if not is_blank(data.get(source)) and is_blank(data.get(target)):
        data[target] = data.pop(source)


def apply_event(data: dict[str, Any]) -> str | None:
    """Read a row's ``event`` in place: its station becomes an end, its date that end's.

    Parameters
    ----------
    data
        The row keyed by field; its ``event`` key is removed.

    Returns
    -------
    str or None
        Why the event was not read (a word that is no event), else None.

    Examples
    --------
    >>> row = {"departure": "19.05.2023", "station": "Лунинец", "event": "прибытие"}
    >>> apply_event(row), row
    (None, {'destination': 'Лунинец', 'event_date': '19.05.2023'})
    >>> row = {"departure": "19.05.2023", "station": "Брест", "event": "убытие",
    ...        "destination": "Барановичи"}
    >>> apply_event(row), row["origin"], row["departure"], "station" in row
    (None, 'Брест', '19.05.2023', False)
    >>> apply_event({"event": "Łuniniec"}).split(" (")[0]
    "event 'Łuniniec' is not an event railtrack reads"
    """
    value = data.pop("event", None)
    if is_blank(value):
        return None
    kind = event_of(value)
    if kind is None:
        return (
            f"event {str(value)[:40]!r} is not an event railtrack reads "
            f"({', '.join(EVENT_KINDS)}; data/tables/event_words.csv): the row is read "
            "without it"
        )
    has_day = not is_blank(data.get("event_date")) or not is_blank(data.get("seen_at"))
    if kind in {"arrival", "unloading"}:
        _move(data, "station", "destination")
        if not has_day and is_blank(data.get("arrival")):
            _move(data, "departure", "event_date")  # a bare "date" is the arrival's day
        if is_blank(data.get("station")):
            _move(data, "seen_at", "event_date")
    elif kind == "departure":
        _move(data, "station", "origin")
        if is_blank(data.get("station")):
            _to_departure(data)
    elif not has_day and not is_blank(data.get("station")):
        _move(data, "departure", "seen_at")  # a passage: the date is the day it passed
    return None


def plain_date_seen(data: dict[str, Any]) -> bool:
    """Read a row's plain date as the day seen at its station when it names no end.

    A hand log mixes trains ("07.03.2023;Вязьма;Полонка;;49") and trains seen at a
    station ("11.03.2023;;;Жлобин;около 40"): the plain date ("Дата") of a row with a
    station, no origin, no destination and no event is the day the train passed the
    station (a via point and a sighting, :mod:`railtrack.io.passages`), as a log kept
    by station reads it, not a departure from nowhere (trial20 T11). A row with an
    end keeps its date as the departure.

    Parameters
    ----------
    data
        The row keyed by field, changed in place.

    Returns
    -------
    bool
        Whether the date was moved to ``seen_at``.

    Examples
    --------
    >>> row = {"departure": "11.03.2023", "station": "Жлобин"}
    >>> plain_date_seen(row), row
    (True, {'station': 'Жлобин', 'seen_at': '11.03.2023'})
    >>> row = {"departure": "07.03.2023", "origin": "Вязьма", "station": "Орша"}
    >>> plain_date_seen(row), row["departure"]
    (False, '07.03.2023')
    """
    if is_blank(data.get("station")) or not is_blank(data.get("event")):
        return False
    if any(not is_blank(data.get(end)) for end in ("origin", "destination", "seen_at")):
        return False
    if is_blank(data.get("departure")):
        return False
    data["seen_at"] = data.pop("departure")
    return True


def timed_day(data: dict[str, Any]) -> str | None:
    """Read a departure or arrival cell given with its time of day, in place.

    "13.03.2023 22:15" in a departure column is the day and the hour the train left:
    the cell keeps the day, and the time becomes a sighting at the row's origin (the
    destination, for an arrival) at that moment, as :func:`join_time` joins a time
    column. With no such end, or a station already seen, the day is kept and the
    time is not.

    Parameters
    ----------
    data
        The row keyed by field, changed in place.

    Returns
    -------
    str or None
        Why a time was not kept, else None.

    Examples
    --------
    >>> row = {"departure": "13.03.2023 22:15", "origin": "Орша"}
    >>> timed_day(row), row["departure"], row["station"], row["seen_at"]
    (None, '2023-03-13', 'Орша', '2023-03-13T22:15')
    >>> row = {"arrival": "13.03.2023 22:15"}
    >>> timed_day(row).split(" (")[0], row["arrival"]
    ("arrival '13.03.2023 22:15': its day is kept, its time 22:15 is not", '2023-03-13')
    """
    from railtrack.io.passages import read_seen

    for name, end in (("departure", "origin"), ("arrival", "destination")):
        value = data.get(name)
        if not isinstance(value, str) or not value.strip():
            continue
        read = read_seen(value)
        if read is None or read[1] != "datetime":
            continue
        data[name] = read[0][:10]
        if not is_blank(data.get(end)) and is_blank(data.get("station")):
            data["station"], data["seen_at"] = data[end], read[0]
            continue
        return (
            f"{name} {value.strip()!r}: its day is kept, its time {read[0][11:16]} is not "
            f"(the row names no {end} to have seen the train at then)"
        )
    return None


def _to_departure(data: dict[str, Any]) -> None:
    """Make a departure row's event or passage date its departure day (a time: a sighting)."""
    from railtrack.io.passages import read_seen

    for name in ("event_date", "seen_at"):
        value = data.get(name)
        read = None if is_blank(value) else read_seen(value)
        if read is None:
            continue
        del data[name]
        if is_blank(data.get("departure")):
            data["departure"] = read[0][:10]
        if read[1] == "datetime" and not is_blank(data.get("origin")):
            data["station"], data["seen_at"] = data["origin"], read[0]
        return


def _clock(value: Any) -> str | None:
    if isinstance(value, datetime):
        value = value.time()
    if isinstance(value, time):
        return value.strftime("%H:%M")
    match = _CLOCK.match(str(value).strip())
    if match is None or is_span_end(match[3], iso_form=False):
        return None  # ("06:40-07:30": a span of times, no time of day)
    clock = f"{int(match[1]):02d}:{match[2]}"
    if match[3]:  # its own zone: written as ISO, read by passages.read_seen
        try:
            zone = cell_zone(match[3])
        except ValueError:
            return None
        offset = zone.utcoffset(None) if zone is not None else None
        if offset is not None:
            minutes = int(offset.total_seconds()) // 60
            sign = "-" if minutes < 0 else "+"
            clock += f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    return clock


def join_time(data: dict[str, Any]) -> str | None:
    """Join a row's ``time`` of day to its date in place.

    The time goes to the event or passage date; else, with an arrival or departure
    day and no station, it becomes a sighting at the destination or origin at that
    time (the train was there then).

    Parameters
    ----------
    data
        The row keyed by field; its ``time`` key is removed.

    Returns
    -------
    str or None
        Why the time was not joined (no time of day, no single date to join), else None.

    Examples
    --------
    >>> row = {"arrival": "08.05.2023", "time": "06:40", "destination": "Осиповичи"}
    >>> join_time(row), row["station"], row["seen_at"]
    (None, 'Осиповичи', '2023-05-08T06:40')
    >>> join_time({"arrival": "14.05.2023", "time": "ночь"})
    "time 'ночь' is not a time of day (HH:MM): the row's date is kept without it"
    """
    from railtrack.io.passages import read_seen

    value = data.pop("time", None)
    if is_blank(value):
        return None
    clock = _clock(value)
    if clock is None:
        return (
            f"time {str(value)[:40]!r} is not a time of day (HH:MM): the row's date is "
            "kept without it"
        )
    for name in ("event_date", "seen_at"):
        read = None if is_blank(data.get(name)) else read_seen(data[name])
        if read is not None and read[1] == "day":
            data[name] = f"{read[0]}T{clock}"
            return None
        if read is not None:
            return None  # the date already has its time (or is a span): kept as it is
    for name, end in (("arrival", "destination"), ("departure", "origin")):
        read = None if is_blank(data.get(name)) else read_seen(data[name])
        if read is None or read[1] != "day":
            continue
        if not is_blank(data.get(end)) and is_blank(data.get("station")):
            seen = read_seen(f"{read[0]}T{clock}") or (f"{read[0]}T{clock}", "datetime")
            data["station"], data["seen_at"] = data[end], seen[0]
            if len(clock) > 5:  # a time with its own zone: the end's day is its UTC day
                data[name] = seen[0][:10]
            return None
    return f"time {clock} has no single day in its row to join: not read"

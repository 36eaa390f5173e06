"""A table row that tells where a train passed: a train through the station, and a sighting.

A channel's own log is often kept by station: "Data przejazdu; Stacja; Kierunek;
Skąd; Liczba wagonów" ("Дата прохождения; Станция; Направление; ..."): the day the
train passed the station, the station, where it was heading and where it came from.
Such a row is one train (origin, destination, cars) passing the station (a via
point) and a sighting of it there on that day (``seen_at``), exactly as a text
"4 апреля через станцию Жлобин в сторону Гомеля прошёл эшелон" is read. A passage
date with no station left as the day the train left "by" (it had left its origin on
or before the day it passed somewhere).

A column named as what its date is, the day of the event the row tells ("Data
zdarzenia", "Дата события", "Дата події", "Дата падзеі", "Event date", and a date
with its time, "Data i godzina", "Дата и время": ``event_date``), is when the train
was seen: at the row's station when it names one (as a passage date), else at its
destination (the arrival day, and with a time of day a sighting there at that time),
else the day it had left "by".

The headers are in ``data/tables/header_aliases.csv`` (``station``, ``seen_at``,
``event_date``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, date, datetime, time, timedelta, timezone
from typing import Any

from railtrack.io._records import RecordError, parse_window
from railtrack.io.cells import is_blank

__all__ = [
    "DATE_TIME_FIELDS",
    "SOURCE_FIELDS",
    "TRAIN_FIELDS",
    "ZONE_SUFFIX",
    "cell_zone",
    "has_train_fields",
    "is_span_end",
    "passage_records",
    "read_seen",
]

TRAIN_FIELDS = frozenset(
    {
        "origin",
        "destination",
        "via",
        "station",
        "departure",
        "arrival",
        "expected_arrival",
        "seen_at",
        "event_date",
        "n_trains",
        "equipment",
        "cars",
        "cars_total",
        "cars_flat",
        "cars_passenger",
        "cars_covered",
        "cars_tank",
        "cars_other",
    }
)
"""The fields that tell something of a train (a row with none of them is no train)."""

DATE_TIME_FIELDS = ("seen_at", "event_date")
"""The date fields whose cells may carry a time of day ("19.04.2023 22:40", an Excel
date-time), read by :func:`read_seen`."""

SOURCE_FIELDS = (
    "source",
    "reporter",
    "relayed_by",
    "url",
    "source_url",
    "published",
    "reliability",
)
"""The fields a sighting made from a row shares with the row's train."""

ZONE_SUFFIX = (
    r"\s*Z|\s*(?:UTC|GMT)(?:\s*[+\-−]\s*\d{1,2}(?::?\d{2})?)?"
    r"|\s*\+\d{2}(?::?\d{2})?|[\-−]\d{2}(?::?\d{2})?"
)
"""The zone a time of day may carry after it, as a regular expression with no groups:
"Z", "UTC", "UTC+3", "GMT+03:00", "+03:00", "-05:00". The one pattern of table cells
(:data:`_TIME_AFTER` here, a time column in :mod:`railtrack.io.events`); a bare
"-05:00" is a zone only in ISO form (:func:`is_span_end`)."""

# a time of day after the date in a cell: "04.04.2023 21:15", "2023-04-04 21:15", with
# its seconds ("2023-05-16T06:40:00") and its own zone (:data:`ZONE_SUFFIX`)
_TIME_AFTER = re.compile(
    r"^(?P<day>.*?\d)(?P<sep>[\sT,]+)(?P<h>[01]?\d|2[0-3])[:.](?P<m>[0-5]\d)"
    rf"(?::[0-5]\d(?:\.\d+)?)?(?P<zone>{ZONE_SUFFIX})?$",
    re.IGNORECASE,
)


def is_span_end(zone: str | None, iso_form: bool) -> bool:
    """Whether a matched :data:`ZONE_SUFFIX` is the end of a span of times, not a zone.

    "06:40-07:30" is 06:40 to 07:30, not 06:40 at UTC-07:30: a bare "-HH:MM" is a zone
    only in ISO form, after a "T" ("2023-05-16T06:40-05:00").

    Parameters
    ----------
    zone : str or None
        The suffix matched after a time of day (None or "" when none).
    iso_form : bool
        Whether the time is written in ISO form, after a date and a "T".

    Returns
    -------
    bool
        True when ``zone`` is a bare minus offset outside ISO form.

    Examples
    --------
    >>> is_span_end("-07:30", iso_form=False), is_span_end("-05:00", iso_form=True)
    (True, False)
    >>> is_span_end(" UTC-3", iso_form=False), is_span_end(None, iso_form=False)
    (False, False)
    """
    return zone is not None and zone[:1] in ("-", "−") and not iso_form


_OFFSET = re.compile(r"(?P<sign>[+\-−])\s*(?P<h>\d{1,2})(?::?(?P<m>\d{2}))?")


def cell_zone(text: str) -> timezone | None:
    """Return the zone a time cell's suffix names ("Z", "+03:00", "UTC+3"), None when none.

    Parameters
    ----------
    text
        What follows the clock time in a table cell (" UTC+3", "Z", "").

    Returns
    -------
    datetime.timezone or None
        A fixed offset from UTC; None when the text names no zone.

    Raises
    ------
    ValueError
        For an offset no zone has (more than 14 hours).

    Examples
    --------
    >>> [str(cell_zone(z)) for z in ("Z", "+03:00", " UTC+3", "GMT-05:30", "UTC")]
    ['UTC', 'UTC+03:00', 'UTC+03:00', 'UTC-05:30', 'UTC']
    >>> cell_zone("") is None
    True
    """
    text = text.strip()
    if not text:
        return None
    offset = _OFFSET.search(text)
    if offset is None:
        return UTC  # "Z", "UTC", "GMT"
    minutes = int(offset["h"]) * 60 + int(offset["m"] or 0)
    if minutes > 14 * 60:
        msg = f"{text!r} is no UTC offset"
        raise ValueError(msg)
    sign = -1 if offset["sign"] in "-−" else 1
    return timezone(sign * timedelta(minutes=minutes))


def has_train_fields(data: Mapping[str, Any]) -> bool:
    """Whether a row or record tells anything of a train (a place, a date, a count).

    A row with a ``record`` kind (a group, a sighting) is the file's own model and
    counts as read.

    Parameters
    ----------
    data : mapping
        A row or record, column -> value.

    Returns
    -------
    bool
        True when it has a ``record`` kind or any non-blank train field
        (:data:`TRAIN_FIELDS`).

    Examples
    --------
    >>> has_train_fields({"id": "row2-x", "source": "Hajun"})
    False
    >>> has_train_fields({"id": "row2-x", "destination": "Brest"})
    True
    """
    if not is_blank(data.get("record")):
        return True
    return any(not is_blank(data.get(k)) for k in TRAIN_FIELDS)


def read_seen(value: Any, *, published: date | None = None) -> tuple[str, str] | None:
    """Return a passage cell as (ISO date or time, precision), or None when unreadable.

    Parameters
    ----------
    value : object
        A passage cell: a ``datetime``, ``date`` or text (a day, a day and time
        ``HH:MM``, with its own zone or not, or a span of days).
    published : datetime.date, optional
        The day a date written without a year ("3 марта") is read from (as
        :func:`railtrack.io.parse_window` reads it); None: such a cell is no date.

    Returns
    -------
    tuple of str or None
        ``(ISO text, precision)``, precision ``"datetime"``, ``"day"`` or
        ``"days"`` (the span's first day given); None when the cell is no date. A
        time with its own zone is given in UTC with ``+00:00`` (so ``--tz`` leaves it).

    Examples
    --------
    >>> read_seen("04.04.2023 21:15"), read_seen("05.04.2023 - 06.04.2023")
    (('2023-04-04T21:15', 'datetime'), ('2023-04-05', 'days'))
    >>> read_seen("вчера") is None
    True

    A time with its own zone is kept in UTC, its day the UTC day:

    >>> read_seen("2023-05-16T06:40+03:00"), read_seen("16.05.2023 01:20 UTC+3")
    (('2023-05-16T03:40+00:00', 'datetime'), ('2023-05-15T22:20+00:00', 'datetime'))
    """
    if isinstance(value, datetime):
        if value.time() == time(0, 0):  # an Excel date cell is a date-time at midnight
            return value.date().isoformat(), "day"
        return value.isoformat(timespec="minutes"), "datetime"
    if isinstance(value, date):
        return value.isoformat(), "day"
    text = str(value).strip()
    at: time | None = None
    zone: timezone | None = None
    m = _TIME_AFTER.match(text)
    if m is not None and is_span_end(m["zone"], iso_form="T" in m["sep"].upper()):
        m = None  # ("06:40-07:30": a span of times, not a zone)
    if m is not None:
        try:
            zone = cell_zone(m["zone"] or "")
        except ValueError:
            return None
        text, at = m["day"].strip(), time(int(m["h"]), int(m["m"]))
    try:
        window = parse_window(text, field="seen_at", published=published)
    except RecordError:
        return None
    if window is None:
        return None
    earliest, latest = window.get("earliest"), window.get("latest")
    day = earliest or latest
    if not isinstance(day, date):
        return None
    if at is not None and earliest == latest:
        if zone is not None:  # its own zone: the moment in UTC, its day the UTC day
            moment = datetime.combine(day, at, tzinfo=zone).astimezone(UTC)
            return moment.isoformat(timespec="minutes"), "datetime"
        return datetime.combine(day, at).isoformat(timespec="minutes"), "datetime"
    return day.isoformat(), "day" if earliest == latest else "days"


def _same(a: Any, b: Any) -> bool:
    return isinstance(a, str) and isinstance(b, str) and a.strip().lower() == b.strip().lower()


def passage_records(data: dict[str, Any]) -> list[dict[str, Any]]:
    """Return the records of one table row: its train, and a sighting when it passed a station.

    Parameters
    ----------
    data
        The row keyed by field (after its cells were read); not changed.

    Returns
    -------
    list of dict
        The row itself when it names no station and no passage date; else the
        train, with the station among its via points (unless it is the train's
        origin or destination), and, when the row also gives the day it passed, a
        ``sighting`` record of that train at the station on that day (id
        ``{id}-seen``; the row's source). A passage date with no station dates the
        departure "by" that day when the row gives no departure. An event date
        (``event_date``) is a passage date at the row's station; with no station
        but a destination it is the arrival day (and, with a time of day, a
        sighting at the destination then).

    Examples
    --------
    >>> row = {"id": "r2", "seen_at": "04.04.2023", "station": "Żłobin",
    ...        "destination": "Homel", "source": "Hajun"}
    >>> train, seen = passage_records(row)
    >>> train["via"], seen["station"], seen["seen_at"], seen["shipment"]
    ('Żłobin', 'Żłobin', '2023-04-04', 'r2')
    >>> passage_records({"id": "r3", "seen_at": "2023-04-05"})[0]["departure"]
    '/2023-04-05'

    An event date is the day the train was seen: at the station, else its arrival:

    >>> passage_records({"id": "r4", "event_date": "17.04.2023", "destination": "Borysów"})
    [{'id': 'r4', 'destination': 'Borysów', 'arrival': '2023-04-17'}]
    >>> train, seen = passage_records(
    ...     {"id": "r5", "event_date": "19.04.2023 22:40", "destination": "Brest"})
    >>> train["arrival"], seen["station"], seen["seen_at"]
    ('2023-04-19', 'Brest', '2023-04-19T22:40')
    """
    kind = data.get("record") or "shipment"
    if kind != "shipment" or not ({"station", "seen_at", "event_date"} & data.keys()):
        return [data]
    train = dict(data)
    station, seen = train.pop("station", None), train.pop("seen_at", None)
    event = train.pop("event_date", None)
    if is_blank(seen):
        seen = event  # the event's day is the passage's when the row names a station
    read = None if is_blank(seen) else read_seen(seen)
    if is_blank(station) and read is not None and not is_blank(event) and seen is event:
        destination = train.get("destination")
        if not is_blank(destination) and is_blank(train.get("arrival")):
            train["arrival"] = read[0][:10]  # the event of a row with an end: its arrival
            if read[1] != "datetime":
                return [train]
            station = destination  # a time of day: it was seen arriving there then
    if is_blank(station):
        if read is not None and is_blank(train.get("departure")):
            train["departure"] = "/" + read[0][:10]
        return [train]
    if not any(_same(station, train.get(end)) for end in ("origin", "destination")):
        via = train.get("via")
        if is_blank(via):
            train["via"] = station
        elif isinstance(via, list):
            train["via"] = [*via, station]
        else:
            train["via"] = f"{via}; {station}"
    if read is None:
        return [train]
    sighting: dict[str, Any] = {
        "record": "sighting",
        "id": f"{train.get('id')}-seen",
        "shipment": train.get("id"),
        "station": station,
        "seen_at": read[0],
        "precision": read[1],
    }
    sighting.update({k: train[k] for k in SOURCE_FIELDS if k in train})
    return [train, sighting]

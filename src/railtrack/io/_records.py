"""Turn one raw record (a CSV row, a JSON object) into a validated model, or problems.

Structured report files may use flat keys (``cars_total``, ``departure``,
``source``, ``published``) or the model's nested shape (``cars: {total: ...}``,
``source: {reporter: ...}``). Both are normalised here into the nested shape and
validated with pydantic; every failure becomes a :class:`~railtrack.io.Problem`
that names the field as the file spells it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from pydantic import BaseModel, ValidationError

from railtrack._intern import Interner
from railtrack.io.cells import is_blank
from railtrack.models import (
    CAR_TYPES,
    CarCounts,
    DateWindow,
    Place,
    Shipment,
    ShipmentGroup,
    Sighting,
    Source,
    check_plausible,
)
from railtrack.safetext import shown

__all__ = [
    "KNOWN_KEYS",
    "RawRecord",
    "RecordError",
    "drop_unknown_parts",
    "misplaced_fields",
    "normalise_record",
    "parse_window",
    "plain_cars_note",
    "share_parts",
    "validate_record",
]

RECORD_KINDS = ("shipment", "group", "sighting")

_FLAT_CAR_KEYS = {f"cars_{name}": name for name in ("total", *CAR_TYPES)}
_SOURCE_KEYS = {
    "source": "reporter",
    "reporter": "reporter",
    "relayed_by": "relayed_by",
    "url": "url",
    "source_url": "url",
    "published": "published",
    "reliability": "reliability",
}
_PLACE_KEYS = ("origin", "destination", "station")
_WINDOW_KEYS = {
    "departure": "departure",
    "arrival": "expected_arrival",
    "expected_arrival": "expected_arrival",
}

KNOWN_KEYS: frozenset[str] = frozenset(
    {
        "record",
        "id",
        "report",
        "group",
        "n_trains",
        "via",
        "departure_precision",
        "arrival_precision",
        "expected_arrival_precision",
        "arrival_told",
        "arrival_denied",
        "cars",
        "cars_estimated",
        "cars_at_least",
        "cars_at_most",
        "cars_total_max",
        "cars_total_derived",
        "equipment",
        "claim",
        "credibility",
        "confidence",
        "evidence",
        "shipment",
        "seen_at",
        "event_date",
        "precision",
        "note",
        "return_of",
        "later_train",
        "destination_heading",
        "told_before",
        "corrects_only",
        "origin_direction",
        "hearsay",
        "retracted_by",
        "retracted_on",
        "members",
        "source_file",
        "lang",
        "event",  # a table's event column (arrival, departure, ...): railtrack.io.events
        "time",  # a table's time-of-day column, joined to the row's date: railtrack.io.events
        *_FLAT_CAR_KEYS,
        *_SOURCE_KEYS,
        *_PLACE_KEYS,
        *_WINDOW_KEYS,
    }
)
"""Every key a structured record may carry; others are reported once per file."""

_MODELS: dict[str, type[BaseModel]] = {
    "shipment": Shipment,
    "group": ShipmentGroup,
    "sighting": Sighting,
}

_FIELDS: dict[str, frozenset[str]] = {
    kind: frozenset(m.model_fields) for kind, m in _MODELS.items()
}

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
# a span of days written day-first: "15-17.03.2023" (one month), "15.03-17.03.2023",
# "30.03-2.04.2023" (the year once, at the end); dashes of any kind (trial11 T17)
_DAY_SPAN = re.compile(r"^(\d{1,2})(?:\.(\d{1,2}))?\.?\s*[-–—]\s*(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$", re.IGNORECASE)
# two whole dates joined by a dash: "05.04.2023 - 06.04.2023", "2023-04-05 – 2023-04-06"
# (an ISO date's own hyphens join no span: the dash between is spaced or a long one)
_WHOLE_SPAN = re.compile(
    r"^(\d{1,2}\.\d{1,2}\.\d{4}|\d{4}-\d{2}-\d{2})"
    r"(?:\s+[-–—]\s*|\s*[-–—]\s+|\s*[–—]\s*|(?<=\.\d{4})-)"
    r"(\d{1,2}\.\d{1,2}\.\d{4}|\d{4}-\d{2}-\d{2})$"
)
_TRUE = {"true", "yes", "y", "1", "t"}
_FALSE = {"false", "no", "n", "0", "f", ""}


@dataclass(frozen=True)
class RawRecord:
    """One record as read from a file, before validation.

    ``row`` is the 1-based row (CSV: the line number in the file, header = 1),
    line (JSON Lines) or record index (JSON, YAML), as ``unit`` says.

    Examples
    --------
    >>> RawRecord({"id": "T1", "cars": "40"}, 2)
    RawRecord(data={'id': 'T1', 'cars': '40'}, row=2, unit='row')
    """

    data: Mapping[str, Any]
    row: int
    unit: str = "row"


class RecordError(ValueError):
    """A record failed validation in ``field`` (as the file spells it).

    Examples
    --------
    >>> err = RecordError("cars_total", "'x' is not a count")
    >>> err.field, str(err), isinstance(err, ValueError)
    ('cars_total', "'x' is not a count", True)
    """

    def __init__(self, field: str | None, message: str) -> None:
        self.field = field
        self.message = message
        super().__init__(message)


def _end_of_month(year: int, month: int) -> date:
    first_next = date(year + (month == 12), month % 12 + 1, 1)
    return first_next - timedelta(days=1)


_DOTTED = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_NUMERIC_SLASHED = re.compile(r"^\s*\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{2,4}\s*$")


def _plausible(day: date, field: str, text: str) -> date:
    """Return ``day``; :class:`RecordError` when it is outside the plausible range."""
    try:
        check_plausible(day)
    except ValueError as exc:
        raise RecordError(field, f"{shown(text)}: {exc}") from None
    return day


def _as_date(text: str, field: str) -> date:
    """Parse ``YYYY-MM-DD`` (a time part is ignored) or the European ``DD.MM.YYYY``."""
    text = text.strip()
    try:
        if match := _DOTTED.match(text):
            day = date(int(match[3]), int(match[2]), int(match[1]))
        else:
            day = date.fromisoformat(text[:10])
    except ValueError:
        msg = f"{shown(text)} is not a date (use YYYY-MM-DD or DD.MM.YYYY)"
        raise RecordError(field, msg) from None
    return _plausible(day, field, text)


def _text_window(text: str, field: str, published: date | None) -> dict[str, Any]:
    """Read a date the way free-text reports are read (:mod:`railtrack.extract.dates`).

    "01/03/2023" and "1.3.23" are day-first, "1 March 2023", "March 1" (the year from
    ``published``), "early March 2023" ... The whole cell must be one date.
    """
    from railtrack.extract.dates import find_dates, resolve_date  # only when needed

    spans = find_dates(text)
    if len(spans) == 1 and spans[0].text.strip() == text.strip():
        window = resolve_date(spans[0], published, forward=field in {"arrival", "expected_arrival"})
        if window is not None:
            return {
                "earliest": window.earliest,
                "latest": window.latest,
                "precision": window.precision,
                "text": text if not _ISOISH.match(text) else None,
            }
        if not spans[0].has_year and published is None:
            msg = f"{shown(text)} gives no year and the record no published date"
            raise RecordError(field, msg)
    msg = (
        f"{shown(text)} is not a date (use YYYY-MM-DD, DD.MM.YYYY, 01/03/2023 day-first, "
        "1 March 2023, or a span 2023-03-01/2023-03-05)"
    )
    raise RecordError(field, msg)


_ISOISH = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_window(
    value: Any, *, field: str, precision: str | None = None, published: date | None = None
) -> dict[str, Any] | None:
    """Parse a date-window value into the fields of :class:`~railtrack.models.DateWindow`.

    Accepts a date, a mapping with ``earliest``/``latest``/``precision``, or a string:
    ``2023-03-01`` (a day), ``2023-03-01/2023-03-05`` and ``05.04.2023 - 06.04.2023``
    (spans), ``2023-03-08/`` (on or after), ``/2023-03-07`` (by), ``2023-03`` (a month),
    ``2023-W09`` (an ISO week), and
    any single date the free-text reader understands (``01/03/2023`` and ``1.3.23``
    day-first, ``1 March 2023``, ``March 1`` with the year of ``published``), read by
    the same rules (:func:`railtrack.extract.dates.resolve_date`).

    Parameters
    ----------
    value
        The value as the file gives it.
    field
        The field's name as the file spells it (for the error).
    precision
        The precision to give a window whose value does not say (``day``, ``days``).
    published
        The report's publication date: the year of a date written without one.

    Returns
    -------
    dict or None
        ``earliest``, ``latest`` (dates or None) and ``precision``; None for a blank
        value.

    Raises
    ------
    RecordError
        When the text is no date or span railtrack reads (naming ``field``).

    Examples
    --------
    >>> parse_window("2023-03-08/", field="arrival")
    {'earliest': datetime.date(2023, 3, 8), 'latest': None, 'precision': 'days'}
    >>> parse_window("2023-03", field="departure")["latest"]
    datetime.date(2023, 3, 31)
    >>> parse_window("01/03/2023", field="departure")["earliest"]
    datetime.date(2023, 3, 1)
    >>> parse_window("05.04.2023 - 06.04.2023", field="departure")["latest"]
    datetime.date(2023, 4, 6)
    """
    if is_blank(value):
        return None
    if isinstance(value, Mapping):
        out = dict(value)
        if precision and "precision" not in out:
            out["precision"] = precision
        return out
    if isinstance(value, datetime):
        return {"earliest": value.date(), "latest": value.date(), "precision": precision or "day"}
    if isinstance(value, date):
        return {"earliest": value, "latest": value, "precision": precision or "day"}
    text = str(value).strip()
    if _NUMERIC_SLASHED.match(text):
        return _text_window(text, field, published)
    if _WHOLE_SPAN.match(text):  # "05.04.2023 - 06.04.2023" (trial12 C5): its own message
        return _strict_window(text, field=field, precision=precision)
    try:
        return _strict_window(text, field=field, precision=precision)
    except RecordError:
        return _text_window(text, field, published)


def _strict_window(text: str, *, field: str, precision: str | None) -> dict[str, Any]:
    """Parse the machine forms of a window: ISO day, span, month, week, DD.MM.YYYY."""
    if "/" in text:
        left, _, right = text.partition("/")
        earliest = _as_date(left, field) if left.strip() else None
        latest = _as_date(right, field) if right.strip() else None
        if earliest is None and latest is None:
            msg = f"{shown(text)} gives neither end of the window"
            raise RecordError(field, msg)
        return {"earliest": earliest, "latest": latest, "precision": precision or "days"}
    if match := _MONTH.match(text):
        year, month = int(match[1]), int(match[2])
        if not 1 <= month <= 12:
            msg = f"{shown(text)} is not a month"
            raise RecordError(field, msg)
        return {
            "earliest": _plausible(date(year, month, 1), field, text),
            "latest": _end_of_month(year, month),
            "precision": precision or "month",
        }
    if match := _WEEK.match(text):
        try:
            monday = date.fromisocalendar(int(match[1]), int(match[2]), 1)
        except ValueError:
            msg = f"{shown(text)} is not an ISO week"
            raise RecordError(field, msg) from None
        _plausible(monday, field, text)
        return {"earliest": monday, "latest": monday + timedelta(days=6), "precision": "week"}
    if match := _DAY_SPAN.match(text):
        return _day_span(match, text, field)
    if match := _WHOLE_SPAN.match(text):
        first, last = _as_date(match[1], field), _as_date(match[2], field)
        if first > last:
            msg = f"{shown(text)} ends before it starts"
            raise RecordError(field, msg)
        return {"earliest": first, "latest": last, "precision": precision or "days"}
    day = _as_date(text, field)
    return {"earliest": day, "latest": day, "precision": precision or "day"}


def _day_span(match: re.Match[str], text: str, field: str) -> dict[str, Any]:
    """Return the window of a day-first span of days ("15-17.03.2023", "30.03-2.04.2023").

    Examples
    --------
    >>> w = _day_span(_DAY_SPAN.match("15-17.03.2023"), "15-17.03.2023", "departure")
    >>> w["earliest"], w["latest"], w["precision"]
    (datetime.date(2023, 3, 15), datetime.date(2023, 3, 17), 'days')
    """
    year, month2 = int(match[5]), int(match[4])
    month1 = int(match[2]) if match[2] else month2
    try:
        first = date(year - (month1 > month2), month1, int(match[1]))
        last = date(year, month2, int(match[3]))
    except ValueError:
        msg = f"{shown(text)} is not a span of days (DD-DD.MM.YYYY or DD.MM-DD.MM.YYYY)"
        raise RecordError(field, msg) from None
    if first > last:
        msg = f"{shown(text)} ends before it starts"
        raise RecordError(field, msg)
    return {
        "earliest": _plausible(first, field, text),
        "latest": _plausible(last, field, text),
        "precision": "days",
    }


def _as_bool(value: Any, field: str) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    msg = f"{shown(value)} is not true or false"
    raise RecordError(field, msg)


def _place(value: Any, field: str) -> Any:
    """Return a place field as the model reads it: a name becomes ``{"text": name}``.

    Raises
    ------
    RecordError
        When the value is neither a name nor an object (a number, a list, true).
    """
    if isinstance(value, str):
        return {"text": value}
    if isinstance(value, Mapping):
        return value
    msg = f"{shown(value)} is not a place name"
    raise RecordError(field, msg)


def _cars(value: Any) -> dict[str, Any]:
    """Return a record's ``cars`` as counts by kind: an object as it is, a count as the total.

    A plain count (``"cars": 40``, as a table's ``cars`` column is read) is the total;
    ``cars_total``, when given too, wins (:func:`plain_cars_note` says so).

    Raises
    ------
    RecordError
        When the value is neither a count nor an object of counts (a list, true).
    """
    if value is None:
        return {}
    if isinstance(value, Mapping):
        return dict(value)
    if isinstance(value, int | float | str) and not isinstance(value, bool):
        return {"total": value}
    msg = f"{shown(value)} is neither a count nor an object of car counts"
    raise RecordError("cars", msg)


def plain_cars_note(data: Mapping[str, Any]) -> str | None:
    """Return why a record's plain ``cars`` count is not read, or None when it is.

    Examples
    --------
    >>> plain_cars_note({"cars": 40, "cars_total": 42})
    "field 'cars' (40) ignored: 'cars_total' gives the total (42)"
    >>> plain_cars_note({"cars": 40}) is None
    True
    """
    cars, total = data.get("cars"), data.get("cars_total")
    if is_blank(cars) or is_blank(total) or isinstance(cars, Mapping) or cars == total:
        return None
    return f"field 'cars' ({shown(cars)}) ignored: 'cars_total' gives the total ({shown(total)})"


def drop_unknown_parts(nested: dict[str, Any], names: Mapping[str, str]) -> list[str]:
    """Remove from ``nested`` the keys its sub-records do not have; return them, dotted.

    A record's ``cars``, ``source``, places and date windows may be objects; a key
    none of their fields has (a typo such as ``"totl"``) would make the model refuse
    the whole record. It is left out instead, and named as the file wrote it
    (``cars.totl``) for a problem, so the record is kept and the key is never
    silently lost.

    Parameters
    ----------
    nested
        A normalised record (:func:`normalise_record`); changed in place.
    names
        Model field -> the key the file used.

    Returns
    -------
    list of str
        ``"<field>.<key>"`` for each key left out, in the record's order.

    Examples
    --------
    >>> kind, nested, names = normalise_record(
    ...     {"id": "T1", "source": "Hajun", "cars": {"totl": 40, "flat": 40}})
    >>> drop_unknown_parts(nested, names), nested["cars"]
    (['cars.totl'], {'flat': 40})
    """
    dropped: list[str] = []
    for key, model in _SHARED_PARTS.items():
        value = nested.get(key)
        if isinstance(value, dict):
            unknown = [k for k in value if k not in model.model_fields]
            if unknown:
                nested[key] = {k: v for k, v in value.items() if k in model.model_fields}
                dropped.extend(f"{names.get(key, key)}.{k}" for k in unknown)
    via = nested.get("via")
    if isinstance(via, list):
        for i, place in enumerate(via):
            if isinstance(place, dict):
                unknown = [k for k in place if k not in Place.model_fields]
                if unknown:
                    via[i] = {k: v for k, v in place.items() if k in Place.model_fields}
                    dropped.extend(f"via.{k}" for k in unknown)
    return dropped


def _record_kind(data: Mapping[str, Any], default: str) -> str:
    kind = data.get("record")
    if is_blank(kind):
        return default
    kind = str(kind).strip().lower()
    if kind not in RECORD_KINDS:
        msg = f"{kind!r} is not one of {', '.join(RECORD_KINDS)}"
        raise RecordError("record", msg)
    return kind


def _published(clean: Mapping[str, Any]) -> date | None:
    """Return the record's published date when it is given in a machine form."""
    value = clean.get("published")
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return _as_date(value, "published")
        except RecordError:
            return None
    return None


# Over the C901 cap; the io robustness work (issue 18) splits it.
def normalise_record(  # noqa: C901
    data: Mapping[str, Any],
    *,
    default_kind: str = "shipment",
    file_source: Mapping[str, Any] | None = None,
) -> tuple[str, dict[str, Any], dict[str, str]]:
    """Return ``(kind, nested, field_names)`` for a raw record.

    ``nested`` is shaped like the model; ``field_names`` maps the model's top-level
    field to the key the file used, so problems name what the user wrote.

    Parameters
    ----------
    data
        One raw record, keyed by field names (a table's headers already mapped).
    default_kind
        The kind of a record without a ``record`` key.
    file_source
        The file-level ``source`` (JSON/YAML), for records that give none.

    Returns
    -------
    kind, nested, field_names
        Keys the model does not know are dropped; values are left for the model to
        validate.

    Examples
    --------
    >>> kind, nested, names = normalise_record(
    ...     {"id": "T1", "cars_total": "40", "origin": "Orsha", "source": "Hajun"}
    ... )
    >>> kind, nested["origin"], nested["cars"], nested["source"]
    ('shipment', {'text': 'Orsha'}, {'total': '40'}, {'reporter': 'Hajun'})
    >>> names["cars"]
    'cars_total'
    """
    kind = _record_kind(data, default_kind)
    clean = {
        k: v
        for k, v in data.items()
        if k in KNOWN_KEYS and v is not None and not (isinstance(v, str) and not v.strip())
    }  # the known keys whose value is not blank (see _blank), inlined: once per value
    names: dict[str, str] = {}
    out: dict[str, Any] = {}

    for key in (
        "id",
        "report",
        "group",
        "n_trains",
        "equipment",
        "claim",
        "credibility",
        "confidence",
        "evidence",
        "shipment",
        "note",
        "return_of",
        "later_train",
        "hearsay",
        "retracted_by",
        "retracted_on",
        "precision",
        "lang",
    ):
        if key in clean:
            value = clean[key]
            out[key] = value.strip().lower() if key == "claim" and isinstance(value, str) else value
            names[key] = key
    if "id" in out and not isinstance(out["id"], str):
        out["id"] = str(out["id"])

    for key in _PLACE_KEYS:
        if key in clean:
            out[key] = _place(clean[key], key)
            names[key] = key
    if "via" in clean:
        via = clean["via"]
        if not isinstance(via, str | list | tuple):
            msg = f"{via!r} is not a place name, a ';'-separated list or a list of names"
            raise RecordError("via", msg)
        items = [v.strip() for v in via.split(";")] if isinstance(via, str) else list(via)
        out["via"] = [_place(v, "via") for v in items if not is_blank(v)]
        names["via"] = "via"

    for key, target in _WINDOW_KEYS.items():
        if key in clean:
            precision = data.get(f"{key}_precision")
            out[target] = parse_window(
                clean[key],
                field=key,
                precision=None if is_blank(precision) else str(precision),
                published=_published(clean),
            )
            names[target] = key

    flags = (
        "arrival_told",
        "arrival_denied",
        "destination_heading",
        "told_before",
        "corrects_only",
        "origin_direction",
    )
    for flag in flags:
        if flag in clean:
            out[flag] = _as_bool(clean[flag], flag)
            names[flag] = flag

    cars = _cars(clean.get("cars"))
    for key, part in _FLAT_CAR_KEYS.items():
        if key in clean:
            cars[part] = clean[key]
    for flag in ("estimated", "at_least", "at_most", "total_derived"):
        key = f"cars_{flag}"
        if key in clean:
            cars[flag] = _as_bool(clean[key], key)
    if "cars_total_max" in clean:  # the high end of a range, or an upper bound
        cars["total_max"] = clean["cars_total_max"]
    if cars:
        out["cars"] = cars
        # a check of the counts as a whole names a table's total column, else "cars"
        nested_cars = isinstance(clean.get("cars"), Mapping)
        names["cars"] = "cars_total" if "cars_total" in clean and not nested_cars else "cars"

    source: dict[str, Any] = dict(file_source or {})
    raw_source = clean.get("source")
    if isinstance(raw_source, Mapping):
        source.update(raw_source)
    for key, target in _SOURCE_KEYS.items():
        if key in clean and not (key == "source" and isinstance(raw_source, Mapping)):
            source[target] = clean[key]
    if kind == "sighting":
        seen = clean.get("seen_at")
        if isinstance(seen, str) and len(seen.strip()) == 10:
            out["precision"] = out.get("precision", "day")
        if seen is not None:
            out["seen_at"] = seen
            names["seen_at"] = "seen_at"
    if isinstance(source.get("published"), str):
        published = source["published"]
        try:
            source["published"] = _as_date(published, "published")
        except RecordError:
            window = _text_window(published, "published", None)
            source["published"] = window["earliest"] or window["latest"]
    if source:
        out["source"] = source
        names["source"] = "source"
    return kind, out, names


_SHARED_PARTS: dict[str, type[BaseModel]] = {
    "source": Source,
    "origin": Place,
    "destination": Place,
    "station": Place,
    "departure": DateWindow,
    "expected_arrival": DateWindow,
    "cars": CarCounts,
}


def share_parts(nested: dict[str, Any], table: Interner) -> None:
    """Replace the sub-records of ``nested`` by the shared models of ``table``, in place.

    Records naming the same source, station, date or counts then hold one frozen
    model between them. A part that does not validate on its own is left as it is,
    so validating the record reports it exactly as before.

    Parameters
    ----------
    nested
        A normalised record (:func:`normalise_record`); changed in place.
    table
        The load's table of shared models.

    Examples
    --------
    >>> from railtrack._intern import Interner
    >>> table = Interner()
    >>> a = normalise_record({"id": "T1", "source": "Hajun"})[1]
    >>> b = normalise_record({"id": "T2", "source": "Hajun"})[1]
    >>> share_parts(a, table)
    >>> share_parts(b, table)
    >>> a["source"] is b["source"], type(a["source"]).__name__
    (True, 'Source')
    """
    for key, model in _SHARED_PARTS.items():
        value = nested.get(key)
        if type(value) is dict:  # built here; other parts are validated with the record
            nested[key] = table.model(model, value)
    via = nested.get("via")
    if isinstance(via, list):
        nested["via"] = [table.model(Place, v) if type(v) is dict else v for v in via]


def misplaced_fields(kind: str, nested: Mapping[str, Any], names: Mapping[str, str]) -> list[str]:
    """Return the fields (as the file names them) that a record of ``kind`` does not have.

    Parameters
    ----------
    kind
        ``shipment``, ``group`` or ``sighting``.
    nested
        The normalised record.
    names
        Model field -> the key the file used.

    Returns
    -------
    list of str
        Empty when every field belongs to the kind.

    Examples
    --------
    >>> kind, nested, names = normalise_record({"id": "T1", "station": "Orsha", "source": "Hajun"})
    >>> misplaced_fields(kind, nested, names)
    ['station']
    """
    fields = _FIELDS[kind]
    return [names.get(key, key) for key in nested if key not in fields]


def _describe(error: Mapping[str, Any]) -> str:
    message = str(error.get("msg", "invalid"))
    message = message.removeprefix("Value error, ")
    value = error.get("input")
    if error.get("type") in {"missing", "model_type", "dict_type"} or isinstance(
        value, Mapping | BaseModel
    ):
        return message  # the message names the value; a model's repr helps nobody
    return f"{shown(value)}: {message}"


def _field_name(loc: tuple[Any, ...], names: Mapping[str, str]) -> str:
    if not loc:
        return "record"
    top = str(loc[0])
    if top == "cars" and len(loc) > 1 and isinstance(loc[1], str):
        return f"cars_{loc[1]}"
    if top == "source" and len(loc) > 1 and isinstance(loc[1], str):
        inner = str(loc[1])
        return "source" if inner == "reporter" else inner
    if top in {"departure", "expected_arrival"}:
        return names.get(top, top)
    return names.get(top, top)


def validate_record(kind: str, nested: Mapping[str, Any], names: Mapping[str, str]) -> BaseModel:
    """Validate a normalised record; raise :class:`RecordError` naming the first bad field.

    Parameters
    ----------
    kind
        ``shipment``, ``group`` or ``sighting``.
    nested
        The normalised record.
    names
        Model field -> the key the file used.

    Returns
    -------
    BaseModel
        The validated :class:`~railtrack.models.Shipment`,
        :class:`~railtrack.models.ShipmentGroup` or :class:`~railtrack.models.Sighting`.

    Raises
    ------
    RecordError
        ``field`` is the first bad field as the file spells it; the message lists
        every error.

    Examples
    --------
    >>> kind, nested, names = normalise_record({"id": "T1", "cars_total": "x", "source": "H"})
    >>> try:
    ...     validate_record(kind, nested, names)
    ... except RecordError as exc:
    ...     print(exc.field, exc.message[:36])
    cars_total 'x': Input should be a valid integer
    """
    model = _MODELS[kind]
    try:
        return model.model_validate(dict(nested))
    except ValidationError as exc:
        errors = exc.errors()
        parts = []
        first_field: str | None = None
        for err in errors:
            field = _field_name(tuple(err["loc"]), names)
            first_field = first_field or field
            parts.append(_describe(err) if field == first_field else f"{field}: {_describe(err)}")
        raise RecordError(first_field, "; ".join(parts)) from None

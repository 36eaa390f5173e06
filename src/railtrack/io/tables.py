"""Your own table as input: map a spreadsheet's column headers to report fields.

Analysts keep trains in spreadsheets with their own headers (``date, from, to,
wagons, source`` or ``дата, откуда, куда, вагонов, источник``). :func:`map_headers`
maps each header to a field of a structured report record, through the alias
table ``data/tables/header_aliases.csv`` (English, Russian, Ukrainian, Belarusian
and Polish; documented in the README beside it) and the user's own
``--columns HEADER=FIELD`` mapping, which wins. A table without an id column gets
stable generated ids (:func:`generated_id`).

Examples
--------
>>> m = map_headers(["Дата", "Откуда", "Куда", "Вагонов", "Comment 2"])
>>> m.columns
{'Дата': 'departure', 'Откуда': 'origin', 'Куда': 'destination', 'Вагонов': 'cars_total'}
>>> m.ignored
['Comment 2']
>>> generated_id(3, ["2023-03-01", "Slonim", "Rossosh"])
'row3-a2b4afa0e4'
"""

from __future__ import annotations

import csv
import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from railtrack._data import data_path
from railtrack.io._records import KNOWN_KEYS

__all__ = [
    "HeaderMap",
    "ambiguous_day_first",
    "generated_id",
    "header_aliases",
    "map_headers",
    "month_first_date",
    "normalise_header",
    "short_forms",
]

_SPACES = re.compile(r"[\s_\-]+")
_PARENS = re.compile(r"\s*[(\[].*?[)\]]\s*")


def normalise_header(header: str) -> str:
    """Return a header as compared: case-folded, ``_``/``-``/spaces as one space, no ``:``.

    Parameters
    ----------
    header
        A column header as written.

    Returns
    -------
    str
        The key headers are compared by (a byte-order mark and a trailing ``:`` dropped).

    Examples
    --------
    >>> normalise_header("  Cars_Total: ")
    'cars total'
    """
    text = header.replace("\ufeff", "").strip().rstrip(":").strip()
    return _SPACES.sub(" ", text.casefold()).strip()


@lru_cache(maxsize=1)
def header_aliases() -> dict[str, str]:
    """Return the alias table: normalised header -> field.

    Every field also maps to itself, unless the table lists its name (``cars`` in a
    table is the total).

    Returns
    -------
    dict of str to str
        Normalised header (:func:`normalise_header`) -> report field; read once per
        process.

    Raises
    ------
    ValueError
        When the alias table maps one header to two fields or names an unknown field.

    Examples
    --------
    >>> aliases = header_aliases()
    >>> aliases["откуда"], aliases["wagons"], aliases["cars"]
    ('origin', 'cars_total', 'cars_total')
    """
    listed: dict[str, str] = {}
    path = data_path("tables", "header_aliases.csv")
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            header, target = normalise_header(row["header"]), row["field"].strip()
            if target not in KNOWN_KEYS:
                msg = f"{path.name}: {row['header']!r} maps to unknown field {target!r}"
                raise ValueError(msg)
            if listed.setdefault(header, target) != target:
                msg = f"{path.name}: {row['header']!r} maps to two fields"
                raise ValueError(msg)
    # a listed header wins over a field of the same name ("cars" in a table is a total)
    return {**{normalise_header(k): k for k in KNOWN_KEYS}, **listed}


_CAR_NOUNS = frozenset(
    {
        *("cars", "car", "wagons", "wagon", "railcars"),
        *("вагонов", "вагоны", "вагон", "вагона"),
        *("вагонів", "вагони", "вагон"),
        *("вагонаў", "вагоны"),
        *("wagonów", "wagony", "wagon", "wagonow"),
    }
)
"""The word for a railway car: a header may leave it out ("Пассажирских" for
"Пассажирских вагонов"), as a column of counts under "Платформ" does."""


@lru_cache(maxsize=1)
def short_forms() -> dict[str, str]:
    """Return the car-type headers of the alias table with the car noun left out -> field.

    "пассажирских вагонов" gives "пассажирских", "wagony pasażerskie" gives
    "pasażerskie", "passenger cars" gives "passenger": a column of one type of car
    is often headed by the type alone, as "Платформ" is. Only the car-type counts
    (``cars_passenger``, ``cars_covered``, ``cars_flat``, ``cars_tank``,
    ``cars_other``) are shortened; a short form two fields share is left out.

    Returns
    -------
    dict of str to str
        Short header (normalised) -> car-type field; read once per process.

    Examples
    --------
    >>> short_forms()["пассажирских"], short_forms()["крытых"]
    ('cars_passenger', 'cars_covered')
    """
    from railtrack.models import CAR_TYPES

    kinds = {f"cars_{t}" for t in CAR_TYPES}
    found: dict[str, set[str]] = {}
    for header, target in header_aliases().items():
        if target not in kinds:  # "Количество" alone says nothing about what is counted
            continue
        words = header.split()
        kept = [w for w in words if w not in _CAR_NOUNS]
        if kept and len(kept) < len(words):
            found.setdefault(" ".join(kept), set()).add(target)
    return {k: next(iter(v)) for k, v in found.items() if len(v) == 1}


def _abbreviation(key: str) -> str | None:
    """Return the field of an abbreviated header ("пасс.", "plat."), when only one fits.

    The header ends with a dot; its letters (at least three) begin one word of the
    aliases or their short forms, and every such word maps to one field.
    """
    stem = key[:-1].strip() if key.endswith(".") else ""
    if len(stem) < 3 or " " in stem:
        return None
    targets = {
        field
        for header, field in (*header_aliases().items(), *short_forms().items())
        if " " not in header and header.startswith(stem)
    }
    return targets.pop() if len(targets) == 1 else None


def _is_car_noun(word: str) -> bool:
    """Whether a header's word is the word for a car, written out or cut short ("ваг.", "wag.")."""
    if word in _CAR_NOUNS:
        return True
    stem = word[:-1] if word.endswith(".") else ""
    return len(stem) >= 3 and any(noun.startswith(stem) for noun in _CAR_NOUNS)


def _car_kind(key: str) -> str | None:
    """Return the car-type field of a header that also names the car ("Пасс. вагонов").

    The words for a car, written out or cut short, are left out; what is left is a
    car type as a short form or an abbreviation (:func:`_abbreviation`), so "Пасс.
    вагонов", "Plat. wagony" and "wag. osob." read as the type's column.
    """
    words = key.split()
    kept = [w for w in words if not _is_car_noun(w)]
    if not kept or len(kept) == len(words):
        return None
    rest = " ".join(kept)
    return short_forms().get(rest.rstrip(".").strip()) or _abbreviation(rest)


@dataclass
class HeaderMap:
    """How a table's columns map to fields.

    ``columns`` maps each header as written to its field, in the table's order;
    ``ignored`` lists the headers no field has; ``shadowed`` those not read because
    an earlier column gives their field, and ``notes`` say so, once each.

    Examples
    --------
    >>> m = map_headers(["From", "Откуда", "Wagons", "Notes 2"])
    >>> m.columns, m.shadowed, m.ignored
    ({'From': 'origin', 'Wagons': 'cars_total'}, ['Откуда'], ['Notes 2'])
    >>> m.notes[0].split(":")[0]
    "column 'Откуда' not read"
    """

    columns: dict[str, str] = field(default_factory=dict)
    ignored: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    shadowed: list[str] = field(default_factory=list)
    """Headers not read because an earlier column gives their field (each has a note)."""
    plain_departure: str | None = None
    """The header of a plain date column (``plain_dates.csv``) read as the departure,
    not by the user, beside a station column: a row of it that names a station and no
    end dates the day seen there (:func:`railtrack.io.events.plain_date_seen`)."""

    @property
    def fields(self) -> set[str]:
        """The fields some column gives.

        Examples
        --------
        >>> sorted(map_headers(["From", "Wagons"]).fields)
        ['cars_total', 'origin']
        """
        return set(self.columns.values())


def unique_headers(headers: Sequence[str]) -> list[str]:
    """Return the header row with a repeated name told apart by its column number.

    A table keyed by header would keep only the last of two columns named alike;
    the first keeps its name (it is the one read, :func:`map_headers`), a later one
    becomes ``"From (column 3)"``. Empty headers are left as they are.

    Parameters
    ----------
    headers
        The header row as written.

    Returns
    -------
    list of str
        The same length and order.

    Examples
    --------
    >>> unique_headers(["Date", "From", "from", "To"])
    ['Date', 'From', 'from (column 3)', 'To']
    """
    seen: set[str] = set()
    out = []
    for i, header in enumerate(headers):
        key = normalise_header(header)
        if key and key in seen:
            header = f"{header} (column {i + 1})"
        seen.add(key)
        out.append(header)
    return out


TABLE_KEY_FIELDS: frozenset[str] = frozenset(
    {"id", "origin", "destination", "departure", "station", "event_date"}
)
"""The fields one of which a table must give for its rows to be trains."""


def no_train_field_message(mapping: HeaderMap, names: Sequence[str]) -> str:
    """Say why a table's rows are no trains: no column names a train's id, ends, day or station.

    The columns that were read are named with their fields, so a table whose only
    known column is a count ("Вагонов") is not told that no column is a report field.

    Examples
    --------
    >>> m = map_headers(["Попал", "Куда попал", "Вагонов"])
    >>> said = no_train_field_message(m, ["Попал", "Куда попал", "Вагонов"])
    >>> said.startswith("no column gives a train's id, origin, destination, departure")
    True
    >>> said.split("(")[1].split(")")[0]
    'read: Вагонов -> cars_total; not read: Попал, Куда попал'
    """
    read = "; ".join(f"{h[:40]} -> {f}" for h, f in mapping.columns.items())
    unread = ", ".join(n[:40] for n in names if n not in mapping.columns)
    parts = [f"read: {read}"] if read else []
    parts += [f"not read: {unread}"] if unread else []
    return (
        "no column gives a train's id, origin, destination, departure, station or event date"
        + (f" ({'; '.join(parts)})" if parts else "")
        + '; map them with --columns "HEADER=FIELD,..." (see data/tables/README.md)'
    )


def map_headers(headers: Sequence[str], user: Mapping[str, str] | None = None) -> HeaderMap:
    """Map column headers to report fields.

    Parameters
    ----------
    headers
        The header row as written.
    user
        ``{header: field}`` from ``--columns``: headers compared as by
        :func:`normalise_header`; it wins over the alias table.

    Returns
    -------
    HeaderMap
        The first column giving a field is used; a later one naming the same field is
        ignored with a note. Empty headers are ignored silently.

    Examples
    --------
    The user's mapping wins over the alias table:

    >>> map_headers(["Date", "Loco"], {"loco": "notes"}).columns
    {'Date': 'departure', 'Loco': 'notes'}
    """
    wanted = {normalise_header(k): v for k, v in (user or {}).items()}
    result = HeaderMap()
    used: dict[str, str] = {}
    for header in headers:
        key = normalise_header(header)
        if not key:
            continue
        target = wanted.get(key) or _field_of(key)
        if target is None and (rest := _unframed(key)) is not None:
            target = _field_of(rest)  # "Ile wagonów", "Из них пасс.", "Kto podał"
        if target is None:
            result.ignored.append(header)
            continue
        if target in used:
            result.shadowed.append(header)
            result.notes.append(
                f"column {header!r} not read: column {used[target]!r} already gives "
                f"{target!r}, and its values are the ones used"
            )
            continue
        used[target] = header
        result.columns[header] = target
    _plain_date_seen(result, wanted)
    return result


_ENDS_AND_DAYS = frozenset({"origin", "destination", "arrival", "seen_at", "event_date"})


def _plain_date_seen(result: HeaderMap, user: Mapping[str, str]) -> None:
    """Read a plain date column beside a station and no end as the day seen there.

    A log kept by station ("дата, станция, вагонов"; "date, station, cars"; "data,
    stacja, wagony") tells where a train was seen and when, not where it left from:
    its plain date (``plain_dates.csv``) is the day seen at the station (``seen_at``:
    the row is a train passing it and a sighting there, :mod:`railtrack.io.passages`),
    not the departure a plain date is elsewhere (trial17b T3). A column the user
    mapped (``--columns``) keeps its field; a table that names an end, an arrival or
    a passage date keeps the departure, and its rows that name a station and no end
    are read as seen there, row by row (``plain_departure``; trial20 T11).

    Examples
    --------
    >>> map_headers(["дата", "станция", "вагонов"]).columns["дата"]
    'seen_at'
    >>> m = map_headers(["date", "from", "station"])
    >>> m.columns["date"], m.plain_departure
    ('departure', 'date')
    >>> map_headers(["Дата отправления", "Станция"]).columns["Дата отправления"]
    'departure'
    """
    fields = result.fields
    if "station" not in fields:
        return
    for header, target in result.columns.items():
        key = normalise_header(header)
        if target == "departure" and key not in user and key in plain_dates():
            if fields & _ENDS_AND_DAYS:
                # a log of trains with ends and of trains seen at a station: row by row
                result.plain_departure = header
            else:
                result.columns[header] = "seen_at"
            return


@lru_cache(maxsize=1)
def plain_dates() -> frozenset[str]:
    """Return the headers of a date column that names no event (``plain_dates.csv``).

    A hand log's "дата, станция, вагонов" dates when the train was seen at the
    station, not a departure (trial17b T3).

    Returns
    -------
    frozenset of str
        Normalised headers (:func:`normalise_header`): "date", "дата", "data", ...

    Examples
    --------
    >>> sorted(h for h in plain_dates() if h.isascii())
    ['data', 'date']
    """
    path = data_path("tables", "plain_dates.csv")
    with path.open(encoding="utf-8", newline="") as handle:
        return frozenset(normalise_header(row["header"]) for row in csv.DictReader(handle))


def _field_of(key: str) -> str | None:
    """Return the field of a normalised header through the alias table and its short forms."""
    return (
        header_aliases().get(key)
        or header_aliases().get(_PARENS.sub(" ", key).strip())
        or short_forms().get(key.rstrip(".").strip())
        or _abbreviation(key)
        or _car_kind(key)
    )


@lru_cache(maxsize=1)
def header_frames() -> tuple[str, ...]:
    """Return the words a header may open with that do not change its field, longest first.

    A question ("Ile wagonów", "Сколько вагонов", "Kto podał": how many, who) or a
    part of the total ("Из них пасс.", "W tym osobowe", "Of which passenger"): the
    rest of the header names the field. Listed in ``data/tables/header_frames.csv``.

    Examples
    --------
    >>> "ile" in header_frames(), "из них" in header_frames()
    (True, True)
    """
    path = data_path("tables", "header_frames.csv")
    with path.open(encoding="utf-8", newline="") as handle:
        words = {normalise_header(row["words"]) for row in csv.DictReader(handle)}
    return tuple(sorted(words - {""}, key=len, reverse=True))


def _unframed(key: str) -> str | None:
    """Return a normalised header without its opening frame words, or None without one.

    >>> _unframed("ile wagonów"), _unframed("из них пасс."), _unframed("wagonów")
    ('wagonów', 'пасс.', None)
    """
    for words in header_frames():
        for joint in (" ", ". "):
            if key.startswith(words + joint) and key[len(words) + len(joint) :].strip():
                return key[len(words) + len(joint) :].strip()
    return None


def generated_id(row: int, values: Sequence[object]) -> str:
    """Return a stable id for a table row without one: its row number and a content hash.

    The id is ``row{N}-`` and the first ten hex digits of the SHA-256 of the row's
    cells (as text, joined by a unit separator): the same row of the same table gets
    the same id on every load, so stores and ``--json`` outputs stay stable, and an
    edited row gets a new one.

    Parameters
    ----------
    row
        The row's number in its table (as problems name it).
    values
        The row's cells, in column order (None is an empty cell).

    Returns
    -------
    str
        ``row{row}-`` and ten hex digits.

    Examples
    --------
    >>> generated_id(3, ["2023-03-01", "Slonim", None])
    'row3-8844931218'
    >>> generated_id(3, ["2023-03-01", "Slonim", ""]), generated_id(4, ["2023-03-01", "Slonim"])
    ('row3-8844931218', 'row4-c73bacb2e1')
    """
    body = "\x1f".join("" if v is None else str(v).strip() for v in values)
    digest = hashlib.sha256(f"{row}\x1e{body}".encode()).hexdigest()[:10]
    return f"row{row}-{digest}"


_NUMERIC_DATE = re.compile(r"^\s*(\d{1,2})\s*([/-])\s*(\d{1,2})\s*\2\s*(\d{2}|\d{4})\s*$")


def ambiguous_day_first(text: str) -> bool:
    """Whether a numeric date could be read day-first or month-first (``01/03/2023``).

    Slashes and hyphens are written both ways (US month-first, European day-first);
    dots (``01.03.2023``) are day-first wherever they are used, so never ambiguous.

    Parameters
    ----------
    text
        A cell's text.

    Returns
    -------
    bool
        True for ``D/M/Y`` or ``D-M-Y`` with day and month both 12 or less and unequal.

    Examples
    --------
    >>> ambiguous_day_first("01/03/2023"), ambiguous_day_first("13/03/2023")
    (True, False)
    >>> ambiguous_day_first("03/03/2023"), ambiguous_day_first("01.03.2023")
    (False, False)
    """
    match = _NUMERIC_DATE.match(text)
    if match is None:
        return False
    day, month = int(match[1]), int(match[3])
    return day <= 12 and month <= 12 and day != month


def month_first_date(text: str) -> str | None:
    """Return the ISO date of a numeric date that can only be month-first, else None.

    ``12/13/2022`` has no 13th month, so it is 13 December 2022 (US order); a date
    that can be read day-first (``01/03/2023``, ``13/03/2023``) is left to the
    day-first rule.

    Parameters
    ----------
    text
        A cell's text (``M/D/Y`` or ``M-D-Y``; a two-digit year is 20YY).

    Returns
    -------
    str or None
        ``YYYY-MM-DD``; None also for a day the month does not have (``02/30/2023``).

    Examples
    --------
    >>> month_first_date("12/13/2022"), month_first_date("13/03/2023"), month_first_date("x")
    ('2022-12-13', None, None)
    """
    match = _NUMERIC_DATE.match(text)
    if match is None:
        return None
    month, day, year = int(match[1]), int(match[3]), int(match[4])
    if month > 12 or day <= 12:
        return None
    year += 2000 if year < 100 else 0
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None

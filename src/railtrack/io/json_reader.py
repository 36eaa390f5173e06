"""Read JSON and JSON Lines report files.

A JSON file holds a list of records, or an object ``{"source": ..., "shipments": [...],
"groups": [...], "sightings": [...]}`` whose ``source`` applies to records without
one, or an object holding one list of records under a name of its own
(``"reports"``, ``"records"``, ``"items"``, ...) whose other plain fields apply to
each record. A JSON Lines file holds one record per line; a ``record`` key marks groups and
sightings.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any

from railtrack.io._records import RawRecord

__all__ = [
    "FileFormatError",
    "iter_jsonl_records",
    "read_json_records",
    "read_jsonl_records",
    "records_from_document",
]

_SECTIONS = {"shipments": "shipment", "groups": "group", "sightings": "sighting"}


class FileFormatError(ValueError):
    """The file as a whole is not of the expected shape; ``row`` where known.

    Examples
    --------
    >>> err = FileFormatError("not valid JSON: Expecting value", row=3)
    >>> err.row, str(err), isinstance(err, ValueError)
    (3, 'not valid JSON: Expecting value', True)
    """

    def __init__(self, message: str, row: int | None = None) -> None:
        self.row = row
        super().__init__(message)


def records_from_document(
    doc: Any, *, unit: str = "record"
) -> tuple[list[RawRecord], dict[str, Any] | None]:
    """Split a parsed JSON/YAML document into raw records and the file-level source.

    Parameters
    ----------
    doc
        What ``json.loads`` or a YAML loader returned: a list of records, one record
        (an object with an ``id``), or an object with ``shipments``, ``groups`` and
        ``sightings`` lists and an optional ``source`` (a reporter's name or an object).
    unit
        What ``row`` counts for a top-level list (``"record"``); the sections count
        ``shipment``, ``group`` and ``sighting``.

    Returns
    -------
    records, source
        The raw records (an item that is not an object is kept as
        ``{"__invalid__": item}``, to be reported by row), and the file-level source
        as a dict, or None.

    Raises
    ------
    FileFormatError
        When the document is of none of these shapes, a section is not a list, or
        ``source`` is neither a name nor an object.

    Examples
    --------
    >>> records, source = records_from_document({"source": "Hajun", "shipments": [{"id": "T1"}]})
    >>> records
    [RawRecord(data={'id': 'T1', 'record': 'shipment'}, row=1, unit='shipment')]
    >>> source
    {'reporter': 'Hajun'}
    >>> records_from_document([{"id": "T1"}, 5])[0][1]
    RawRecord(data={'__invalid__': 5}, row=2, unit='record')
    >>> records_from_document(5)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
        ...
    railtrack.io.json_reader.FileFormatError: expected a list ... found a number (5)
    """
    if isinstance(doc, list):
        records = []
        for index, item in enumerate(doc, start=1):
            if not isinstance(item, Mapping):
                records.append(RawRecord({"__invalid__": item}, index, unit))
            else:
                records.append(RawRecord(item, index, unit))
        return records, None
    if not isinstance(doc, Mapping):
        msg = f"expected a list of records or an object, found {_json_kind(doc)}"
        raise FileFormatError(msg)
    if not any(key in doc for key in _SECTIONS):
        if "id" in doc:
            return [RawRecord(doc, 1, unit)], None
        return _wrapped_records(doc, unit), None
    source = doc.get("source")
    if isinstance(source, str):
        source = {"reporter": source}
    if source is not None and not isinstance(source, Mapping):
        msg = "the file-level 'source' must be a name or an object"
        raise FileFormatError(msg)
    records = []
    for section, kind in _SECTIONS.items():
        items = doc.get(section) or []
        if not isinstance(items, list):
            msg = f"{section!r} must be a list of records"
            raise FileFormatError(msg)
        for index, item in enumerate(items, start=1):
            data = dict(item) if isinstance(item, Mapping) else {"__invalid__": item}
            data.setdefault("record", kind)
            records.append(RawRecord(data, index, f"{section[:-1]}"))
    return records, None if source is None else dict(source)


def _wrapped_records(doc: Mapping[Any, Any], unit: str) -> list[RawRecord]:
    """Return the records of a list wrapped in an object, with the object's own fields.

    A log exported by a script is often an object holding one list of records under
    a name of its own (``{"source": "Hajun", "reports": [...]}``, ``"records"``,
    ``"items"``, ``"data"``, ``"записи"``) beside fields that hold for every record
    (``source``, ``крыніца``, ``relayed_by``). The one list whose items are objects
    is the records; each of the object's other fields that is a plain value (text,
    number) is given to every record that does not give it itself, so the wrapper's
    ``source`` is each record's.

    Raises
    ------
    FileFormatError
        When the object holds no list of objects, or several (which is the records
        is not known), naming its keys.

    Examples
    --------
    >>> records = _wrapped_records({"source": "Hajun", "reports": [{"to": "Brest"}]}, "record")
    >>> records[0].data
    {'source': 'Hajun', 'to': 'Brest'}
    """
    lists = [
        key
        for key, value in doc.items()
        if isinstance(value, list) and value and any(isinstance(v, Mapping) for v in value)
    ]
    if len(lists) != 1:
        keys = ", ".join(repr(str(k))[:40] for k in list(doc)[:8])
        which = "no list of records" if not lists else "several lists of records"
        msg = (
            "expected a list of records or an object with shipments, groups or sightings "
            f"(the object holds {which}; its keys: {keys or 'none'})"
        )
        raise FileFormatError(msg)
    shared = {
        k: v
        for k, v in doc.items()
        if isinstance(k, str) and isinstance(v, str | int | float) and not isinstance(v, bool)
    }
    records = []
    for index, item in enumerate(doc[lists[0]], start=1):
        if not isinstance(item, Mapping):
            records.append(RawRecord({"__invalid__": item}, index, unit))
            continue
        records.append(RawRecord({**shared, **item}, index, unit))
    return records


def _number_text(digits: str) -> int | str:
    """Parse a JSON integer; one too long for Python (> 4,300 digits) stays text.

    The record holding it then fails validation on its own, naming the field,
    instead of the whole file failing to parse.
    """
    try:
        return int(digits)
    except ValueError:
        return digits


def _loads(text: str) -> Any:
    """``json.loads`` with over-long integers kept as text (see :func:`_number_text`)."""
    return json.loads(text, parse_int=_number_text)


def read_json_records(text: str) -> tuple[list[RawRecord], dict[str, Any] | None]:
    """Parse a JSON document into raw records; :class:`FileFormatError` if it is not JSON.

    A document nested too deeply for the parser is a :class:`FileFormatError` too.

    Parameters
    ----------
    text
        The file's text.

    Returns
    -------
    records, source
        As :func:`records_from_document`.

    Raises
    ------
    FileFormatError
        When the text is not JSON (``row`` is the line of the error), is nested too
        deeply, or is not of a shape :func:`records_from_document` reads.

    Examples
    --------
    >>> read_json_records('[{"id": "T1"}]')
    ([RawRecord(data={'id': 'T1'}, row=1, unit='record')], None)
    >>> read_json_records('[{"id": ')
    Traceback (most recent call last):
        ...
    railtrack.io.json_reader.FileFormatError: not valid JSON: Expecting value (line 1, column 9)
    """
    try:
        doc = _loads(text)
    except json.JSONDecodeError as exc:
        msg = f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"
        raise FileFormatError(msg, exc.lineno) from None
    except RecursionError:
        msg = "not readable JSON: nested too deeply"
        raise FileFormatError(msg) from None
    return records_from_document(doc)


def iter_jsonl_records(text: str) -> Iterator[RawRecord | FileFormatError]:
    """Yield each non-blank line of JSON Lines as a record, or as the problem it has.

    One line is parsed at a time, so a caller that validates as it goes never holds
    the parsed objects of a whole file.

    Parameters
    ----------
    text
        The file's text.

    Yields
    ------
    RawRecord or FileFormatError
        A record (``unit="line"``, ``row`` its 1-based line number), or the problem of
        a line that is not one JSON object (returned, not raised).

    Examples
    --------
    >>> text = '''{"id": "T1"}
    ...
    ... [1]
    ... '''
    >>> for item in iter_jsonl_records(text):
    ...     print(repr(item), item.row)
    RawRecord(data={'id': 'T1'}, row=1, unit='line') 1
    FileFormatError('a line must hold one JSON object') 3
    """
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            item = _loads(line)
        except json.JSONDecodeError as exc:
            yield FileFormatError(f"not valid JSON: {exc.msg}", number)
            continue
        except RecursionError:
            yield FileFormatError("not readable JSON: nested too deeply", number)
            continue
        if not isinstance(item, Mapping):
            yield FileFormatError("a line must hold one JSON object", number)
            continue
        yield RawRecord(item, number, "line")


def read_jsonl_records(text: str) -> tuple[list[RawRecord], list[FileFormatError]]:
    """Parse JSON Lines: one record per non-blank line; bad lines become problems.

    Parameters
    ----------
    text
        The file's text.

    Returns
    -------
    records, problems
        The records (``unit="line"``) and one :class:`FileFormatError` per bad line
        (``row`` its line number), in file order.

    Examples
    --------
    >>> text = '''{"id": "T1"}
    ... {"id":
    ... '''
    >>> records, problems = read_jsonl_records(text)
    >>> records, [(p.row, str(p)) for p in problems]
    ([RawRecord(data={'id': 'T1'}, row=1, unit='line')], [(2, 'not valid JSON: Expecting value')])
    """
    records: list[RawRecord] = []
    problems: list[FileFormatError] = []
    for item in iter_jsonl_records(text):
        (problems if isinstance(item, FileFormatError) else records).append(item)  # type: ignore[arg-type]
    return records, problems


def _json_kind(value: object) -> str:
    """Return what a JSON value is, in JSON's words ("null", "a string", ...; trial20).

    Examples
    --------
    >>> _json_kind(None), _json_kind("x"), _json_kind(True), _json_kind(2.5)
    ('null', "a string ('x')", 'true', 'a number (2.5)')
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return f"a number ({value})"
    if isinstance(value, str):
        return f"a string ({value[:40]!r})"
    return type(value).__name__

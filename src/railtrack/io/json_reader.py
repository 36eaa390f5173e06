"""Read JSON and JSON Lines report files.

A JSON file holds a list of records, or an object ``{"source": ..., "shipments": [...],
"groups": [...], "sightings": [...]}`` whose ``source`` applies to records without
one. A JSON Lines file holds one record per line; a ``record`` key marks groups and
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
    """The file as a whole is not of the expected shape; ``row`` where known."""

    def __init__(self, message: str, row: int | None = None) -> None:
        self.row = row
        super().__init__(message)


def records_from_document(
    doc: Any, *, unit: str = "record"
) -> tuple[list[RawRecord], dict[str, Any] | None]:
    """Split a parsed JSON/YAML document into raw records and the file-level source."""
    if isinstance(doc, list):
        records = []
        for index, item in enumerate(doc, start=1):
            if not isinstance(item, Mapping):
                records.append(RawRecord({"__invalid__": item}, index, unit))
            else:
                records.append(RawRecord(item, index, unit))
        return records, None
    if not isinstance(doc, Mapping):
        msg = f"expected a list of records or an object, found {type(doc).__name__}"
        raise FileFormatError(msg)
    if not any(key in doc for key in _SECTIONS):
        if "id" in doc:
            return [RawRecord(doc, 1, unit)], None
        msg = "expected a list of records or an object with shipments, groups or sightings"
        raise FileFormatError(msg)
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
    """Parse JSON Lines: one record per non-blank line; bad lines become problems."""
    records: list[RawRecord] = []
    problems: list[FileFormatError] = []
    for item in iter_jsonl_records(text):
        (problems if isinstance(item, FileFormatError) else records).append(item)  # type: ignore[arg-type]
    return records, problems

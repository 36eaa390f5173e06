"""Read YAML report files safely: plain data only, never Python objects."""

from __future__ import annotations

from typing import Any

import yaml

from railtrack.io._records import RawRecord
from railtrack.io.json_reader import FileFormatError, records_from_document

__all__ = ["read_yaml_records"]


def read_yaml_records(text: str) -> tuple[list[RawRecord], dict[str, Any] | None]:
    """Parse YAML with ``yaml.safe_load`` (no object construction) into raw records."""
    try:
        doc = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        row = None if mark is None else mark.line + 1
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise FileFormatError(f"not valid YAML: {problem}", row) from None
    if doc is None:
        msg = "the file holds no records"
        raise FileFormatError(msg)
    return records_from_document(doc)

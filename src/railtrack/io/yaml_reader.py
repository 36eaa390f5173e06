"""Read YAML report files safely: plain data only, never Python objects, text as written.

YAML 1.1 reads ``0123`` as the octal number 83, ``12:30`` as 750 (base 60), ``yes``
as true and ``2023-02-30`` as a date that cannot exist. Report ids and values must
stay the text the analyst wrote, so the loader here resolves no implicit type but
null: every plain scalar is a string, and the record's own validation turns
``"40"`` into a count or ``"2023-03-01"`` into a date, naming the field when it
cannot. Quoted and explicitly tagged values (``!!int 40``) are read as usual.
"""

from __future__ import annotations

from typing import Any

import yaml

from railtrack.io._records import RawRecord
from railtrack.io.json_reader import FileFormatError, records_from_document

__all__ = ["TextLoader", "read_yaml_records"]


class TextLoader(yaml.SafeLoader):
    """``yaml.SafeLoader`` that keeps plain scalars as text (only ``null``/``~`` resolve).

    Examples
    --------
    >>> text = '''id: 0123
    ... time: 12:30
    ... ok: yes
    ... gone: ~
    ... '''
    >>> yaml.load(text, Loader=TextLoader)
    {'id': '0123', 'time': '12:30', 'ok': 'yes', 'gone': None}
    """


TextLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag == "tag:yaml.org,2002:null"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def read_yaml_records(text: str) -> tuple[list[RawRecord], dict[str, Any] | None]:
    """Parse YAML with :class:`TextLoader` (safe: no object construction) into raw records.

    Parameters
    ----------
    text
        The file's text.

    Returns
    -------
    records, source
        As :func:`railtrack.io.json_reader.records_from_document`; plain values are
        text.

    Raises
    ------
    FileFormatError
        When the text is not valid YAML (``row`` is the line of the error), is nested
        too deeply, has a tagged value that cannot be read, holds no document, or is
        not of a shape ``records_from_document`` reads.

    Examples
    --------
    >>> text = '''- id: 0123
    ...   cars: 40
    ... '''
    >>> read_yaml_records(text)
    ([RawRecord(data={'id': '0123', 'cars': '40'}, row=1, unit='record')], None)
    >>> read_yaml_records("")
    Traceback (most recent call last):
        ...
    railtrack.io.json_reader.FileFormatError: the file holds no records
    """
    try:
        doc = yaml.load(text, Loader=TextLoader)
    except RecursionError:
        msg = "not readable YAML: nested too deeply"
        raise FileFormatError(msg) from None
    except ValueError as exc:  # an explicitly tagged value that cannot be (!!timestamp)
        raise FileFormatError(f"not readable YAML: {exc}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        row = None if mark is None else mark.line + 1
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise FileFormatError(f"not valid YAML: {problem}", row) from None
    if doc is None:
        msg = "the file holds no records"
        raise FileFormatError(msg)
    return records_from_document(doc)

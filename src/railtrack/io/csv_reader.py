"""Read CSV report files: one record per row, flat column names.

Rows are read with the standard :mod:`csv` module (quoting, embedded commas). A row
whose opening quote is never closed would swallow the rest of the file; such a
span is re-read line by line so only the broken line is lost.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

from railtrack.io._records import RawRecord
from railtrack.io.tables import unique_headers

__all__ = ["read_csv_records"]

_DELIMITERS = ",;\t"


class CsvProblem(ValueError):
    """A CSV row that cannot be split into fields; ``row`` is its line number.

    Examples
    --------
    >>> problem = CsvProblem(3, "broken quoting (unexpected end of data)")
    >>> problem.row, isinstance(problem, ValueError)
    (3, True)
    """

    def __init__(self, row: int, message: str) -> None:
        self.row = row
        super().__init__(message)


def _dialect(header: str) -> str:
    counts = {d: header.count(d) for d in _DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _rows(text: str, delimiter: str) -> Iterator[tuple[int, int, list[str] | str]]:
    """Yield ``(first_line, last_line, fields_or_error)`` for each CSV record."""
    lines = text.split("\n")
    reader = csv.reader(io.StringIO(text), delimiter=delimiter, strict=True)
    start = 1
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield start, reader.line_num, str(exc)
            start = reader.line_num + 1
            if start > len(lines):
                return
            continue
        yield start, reader.line_num, fields
        start = reader.line_num + 1


def _reread(
    lines: list[str], first: int, last: int, delimiter: str
) -> Iterator[tuple[int, int, list[str] | str]]:
    for number in range(first, last + 1):
        line = lines[number - 1]
        if not line.strip():
            continue
        try:
            fields = next(csv.reader([line], delimiter=delimiter, strict=True))
        except (csv.Error, StopIteration) as exc:
            yield number, number, str(exc)
            continue
        yield number, number, fields


def read_csv_records(text: str, path: Path) -> tuple[list[RawRecord], list[CsvProblem], list[str]]:
    """Split CSV ``text`` into raw records.

    Parameters
    ----------
    text
        The file's text (decoded); the delimiter (``,``, ``;`` or tab) is the one the
        header row uses most.
    path
        The file's path (not read: the caller names it in problems).

    Returns
    -------
    records, problems, header
        The records (keyed by the header as written, stripped), row-level problems,
        and the header.

    Raises
    ------
    CsvProblem
        When the header row cannot be read (``row`` 1).

    Examples
    --------
    A row with more fields than the header is a problem; the good rows survive:

    >>> text = '''id;cars
    ... T1;86
    ... T2;40;x
    ... '''
    >>> records, problems, header = read_csv_records(text, Path("r.csv"))
    >>> header, records
    (['id', 'cars'], [RawRecord(data={'id': 'T1', 'cars': '86'}, row=2, unit='row')])
    >>> [(p.row, str(p)[:30]) for p in problems]
    [(3, 'the row has 3 fields but the h')]
    """
    del path  # named by the caller in problems
    lines = text.split("\n")
    first_line = next((ln for ln in lines if ln.strip()), "")
    delimiter = _dialect(first_line)
    rows = list(_rows(text, delimiter))
    if not rows or isinstance(rows[0][2], str):
        raise CsvProblem(1, "the header row cannot be read")
    header = unique_headers([h.lstrip("\ufeff").strip() for h in rows[0][2]])
    width = len(header)
    records: list[RawRecord] = []
    problems: list[CsvProblem] = []
    pending = rows[1:]
    expanded: list[tuple[int, int, list[str] | str]] = []
    for first, last, fields in pending:
        spans_lines = last > first
        bad = isinstance(fields, str) or len(fields) > width
        if spans_lines and bad:
            expanded.extend(_reread(lines, first, last, delimiter))
        else:
            expanded.append((first, last, fields))
    for first, _last, fields in expanded:
        if isinstance(fields, str):
            problems.append(CsvProblem(first, f"broken quoting ({fields})"))
            continue
        if not any(f.strip() for f in fields):
            continue
        extra = [f.strip() for f in fields[width:]]
        if any(extra):
            # a value with an unquoted comma shifts every column after it: which value
            # belongs under which header cannot be told, so the row is not guessed at
            problems.append(
                CsvProblem(
                    first,
                    f"the row has {len(fields)} fields but the header has {width} "
                    f"({', '.join(repr(f) for f in extra if f)} past the last column; a value "
                    "with a comma must be quoted): row not read",
                )
            )
            continue
        fields = fields[:width]  # empty trailing fields: a spreadsheet export's commas
        values = dict(zip(header, fields, strict=False))
        records.append(RawRecord(values, first, "row"))
    return records, problems, header

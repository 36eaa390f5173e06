"""Read CSV report files: one record per row, flat column names.

Rows are read with the standard :mod:`csv` module (quoting, embedded commas). A row
whose opening quote is never closed would swallow the rest of the file; such a
span is re-read line by line so only the broken line is lost. The header is the first
of the first lines in which at least two cells name report fields
(:func:`header_line`): a title line or a blank line above it ("Hajun log, May 2023")
is skipped, and one problem names the lines skipped.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Mapping
from pathlib import Path

from railtrack.io._records import RawRecord
from railtrack.io.tables import unique_headers

__all__ = ["header_line", "read_csv_records"]

_DELIMITERS = ",;\t"
_HEADER_SCAN = 10
"""How many lines from the top are looked at for the header (as a workbook's rows)."""


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


def _cells(line: str) -> list[str]:
    """Return one line split as a header (its own most used delimiter); [] if broken."""
    try:
        cells = next(csv.reader([line], delimiter=_dialect(line)), [])
    except csv.Error:
        return []
    return [c.strip().lstrip("\ufeff") for c in cells]


def header_line(text: str, columns: Mapping[str, str] | None = None) -> int:
    r"""Return the 0-based line of a CSV text's header row.

    Parameters
    ----------
    text
        The file's text.
    columns
        The ``--columns`` mapping (header -> field), read as the table reader reads it.

    Returns
    -------
    int
        The first of the first ten lines in which at least two cells name report
        fields (:func:`railtrack.io.tables.map_headers`); when none does, the first
        non-blank line (0 for an empty text). The lines above it are a title, a
        note or blank lines.

    Examples
    --------
    >>> header_line("Hajun log, May 2023\ndate,from,to,wagons\n2023-05-03,Slonim,Orsha,40")
    1
    >>> header_line("\nid,cars\nT1,86"), header_line("id,cars\nT1,86")
    (1, 0)
    """
    from railtrack.io.tables import map_headers

    lines = text.split("\n", _HEADER_SCAN)[:_HEADER_SCAN]
    first = next((i for i, ln in enumerate(lines) if ln.strip()), 0)
    for i in range(first, len(lines)):
        if lines[i].strip() and len(map_headers(_cells(lines[i]), columns).columns) >= 2:
            return i
    return first


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


def read_csv_records(
    text: str, path: Path, columns: Mapping[str, str] | None = None
) -> tuple[list[RawRecord], list[CsvProblem], list[str]]:
    """Split CSV ``text`` into raw records.

    Parameters
    ----------
    text
        The file's text (decoded); the delimiter (``,``, ``;`` or tab) is the one the
        header row uses most.
    path
        The file's path (not read: the caller names it in problems).
    columns
        The ``--columns`` mapping, used to find the header row (:func:`header_line`);
        the lines above it are not read, and a problem names those that are not blank.

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
    top = header_line(text, columns)
    problems: list[CsvProblem] = []
    above = [(n, ln.strip()) for n, ln in enumerate(lines[:top], start=1) if ln.strip()]
    if above:  # a title (or a note) above the header: the lines keep their numbers
        shown = "; ".join(repr(ln[:60]) for _, ln in above)
        problems.append(
            CsvProblem(
                above[0][0],
                f"{len(above)} line(s) above the header (line {top + 1}) not read: {shown}",
            )
        )
        text = "\n" * top + "\n".join(lines[top:])
    delimiter = _dialect(lines[top] if top < len(lines) else "")
    rows = [r for r in _rows(text, delimiter) if r[0] > top]
    if not rows or isinstance(rows[0][2], str):
        raise CsvProblem(top + 1, "the header row cannot be read")
    header = unique_headers([h.lstrip("\ufeff").strip() for h in rows[0][2]])
    width = len(header)
    records: list[RawRecord] = []
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

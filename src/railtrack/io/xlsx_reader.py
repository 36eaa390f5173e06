"""Read Excel workbooks (``.xlsx``) as tables of report rows, with openpyxl.

Each visible worksheet is one table: its header is the first of its first ten rows
in which at least two cells name report fields (a title row above the header is
skipped), and each later non-empty row is one record. Row numbers are the
worksheet's own (header row = its number in Excel), so a problem points at the row
an analyst sees. Cells keep their types: dates stay dates, whole numbers become
integers (Excel stores every number as a float).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from railtrack.io._records import RawRecord
from railtrack.io.tables import map_headers, unique_headers
from railtrack.io.totals import is_sum_formula

__all__ = ["Sheet", "read_xlsx_tables"]

_HEADER_SCAN = 10


@dataclass
class Sheet:
    """One worksheet read as a table: its name, header row, header and records.

    Examples
    --------
    >>> sheet = Sheet("Trains", 1, ["id", "cars"], [RawRecord({"id": "T1", "cars": 86}, 2)])
    >>> sheet.header_row, sheet.records[0].row
    (1, 2)
    """

    name: str
    header_row: int
    header: list[str]
    records: list[RawRecord]
    sum_formulas: dict[int, str] = field(default_factory=dict)
    """Row -> the formula of a cell that sums others (``=SUM(D2:D4)``): a total row."""


def _cell(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, datetime) and value.time() == time(0, 0):
        return value.date()
    if isinstance(value, str):
        return value.strip()
    return value


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _header_index(rows: list[tuple[Any, ...]], user: Mapping[str, str] | None) -> int:
    for index, row in enumerate(rows[:_HEADER_SCAN]):
        headers = [_text(v) for v in row]
        if len(map_headers(headers, user).columns) >= 2:
            return index
    return next((i for i, row in enumerate(rows) if any(v is not None for v in row)), 0)


def _sum_formulas(path: Path) -> dict[str, dict[int, str]]:
    """Return, per sheet, the rows holding a formula that sums other cells.

    The values are read with cached results (``data_only``), which hide formulas and
    leave a formula that was never computed empty; a second read-only pass sees the
    formulas, so a total row ``Razem | =SUM(D2:D4)`` is known as one.
    """
    from openpyxl import load_workbook

    found: dict[str, dict[int, str]] = {}
    book = load_workbook(path, read_only=True, data_only=False)
    try:
        for ws in book.worksheets:
            for number, row in enumerate(ws.iter_rows(values_only=True), start=1):
                formula = next((v for v in row if is_sum_formula(v)), None)
                if formula is not None:
                    found.setdefault(ws.title, {})[number] = str(formula).strip()
    finally:
        book.close()
    return found


def read_xlsx_tables(path: Path, user: Mapping[str, str] | None = None) -> list[Sheet]:
    """Read the visible worksheets of an ``.xlsx`` workbook.

    Parameters
    ----------
    path
        The workbook.
    user
        The ``--columns`` mapping, used to find the header row.

    Returns
    -------
    list of Sheet
        Records keyed by the header as written (an empty header cell gets the name
        ``column N``); empty sheets are left out.

    Raises
    ------
    ValueError
        When the file is not a readable workbook (openpyxl's message).

    Examples
    --------
    A title row above the header is skipped; row numbers are Excel's:

    >>> import tempfile
    >>> from openpyxl import Workbook
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     book = Workbook()
    ...     book.active.title = "Trains"
    ...     book.active.append(["Rail movements, March"])
    ...     book.active.append(["id", "cars", "departed"])
    ...     book.active.append(["T1", 86.0, None])
    ...     book.save(Path(tmp) / "r.xlsx")
    ...     (sheet,) = read_xlsx_tables(Path(tmp) / "r.xlsx")
    >>> sheet.name, sheet.header_row, sheet.header
    ('Trains', 2, ['id', 'cars', 'departed'])
    >>> sheet.records
    [RawRecord(data={'id': 'T1', 'cars': 86, 'departed': None}, row=3, unit='row')]
    """
    from zipfile import BadZipFile

    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (BadZipFile, KeyError, OSError, ValueError) as exc:
        msg = f"not a readable Excel .xlsx workbook ({exc})"
        raise ValueError(msg) from None
    formulas = _sum_formulas(path)
    sheets: list[Sheet] = []
    try:
        for ws in book.worksheets:
            if getattr(ws, "sheet_state", "visible") != "visible":
                continue
            rows = [tuple(_cell(v) for v in row) for row in ws.iter_rows(values_only=True)]
            if not any(any(v is not None for v in row) for row in rows):
                continue
            at = _header_index(rows, user)
            header = unique_headers([_text(v) or f"column {i + 1}" for i, v in enumerate(rows[at])])
            records = []
            for offset, row in enumerate(rows[at + 1 :], start=at + 2):
                own = formulas.get(ws.title, {})
                if offset not in own and not any(v is not None and v != "" for v in row):
                    continue  # an empty row; a total never computed looks empty too
                values = dict(zip(header, row, strict=False))
                records.append(RawRecord(values, offset, "row"))
            sheets.append(Sheet(ws.title, at + 1, header, records, formulas.get(ws.title, {})))
    finally:
        book.close()
    return sheets

"""Report text is data: make it safe for every place railtrack writes or draws it.

Report files are written by strangers. Their ids, station names, reporters and
notes end up in CSV files that analysts open in spreadsheets, in matplotlib
pictures, in terminal tables and in GraphML. Each of those formats gives some
characters a meaning; this module takes the meaning away, once, for every writer:

- :func:`spreadsheet_cell` / :func:`escape_formulas` / :func:`write_csv`: no cell
  runs as a formula (``=``, ``+``, ``-``, ``@``, also after leading spaces or
  control characters, also in their full-width forms) and no character inside a
  cell breaks its row (every kind of line break becomes ``\\n`` inside a quoted
  cell; other control characters become U+FFFD);
- :func:`plot_text`: matplotlib never reads ``$...$`` as mathtext;
- :func:`terminal_text`: no escape sequence or control character reaches the
  terminal (use with a rich ``Console(markup=False, emoji=False)``, so ``[b]`` and
  ``:smile:`` stay as written);
- :func:`xml_text`: characters XML 1.0 forbids are written as visible ``\\xNN``;
- :func:`shown`: a value quoted in a message is cut to a readable length (a
  5,000-character cell is named by its start and its length).

Examples
--------
>>> spreadsheet_cell("Hajun\\r=1+1"), spreadsheet_cell("  =SUM(A1)"), spreadsheet_cell("Orsha")
('Hajun\\n=1+1', "'  =SUM(A1)", 'Orsha')
>>> plot_text("cost $5 to $6")
'cost \\\\$5 to \\\\$6'
>>> terminal_text("red\\x1b[31m"), xml_text("a\\x01b")
('red\\\\x1b[31m', 'a\\\\x01b')
"""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

__all__ = [
    "FORMULA_STARTS",
    "escape_formulas",
    "plot_text",
    "shown",
    "spreadsheet_cell",
    "terminal_text",
    "write_csv",
    "xml_text",
]

FORMULA_STARTS: tuple[str, ...] = ("=", "+", "-", "@", "\uff1d", "\uff0b", "\uff0d", "\uff20")
"""Characters that make a spreadsheet read a cell as a formula (ASCII and full-width)."""

_LINE_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
"""Everything some reader takes for the end of a line, but ``\\n`` itself."""

_CONTROL = re.compile("[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f\ud800-\udfff]")
"""Control characters that are not line breaks or the tab, and lone surrogates."""

_LEADING = re.compile(r"[\s\x00-\x1f\x7f-\x9f\ufeff\u200b-\u200f\u2060\ufffd]*")
"""What a spreadsheet may skip before it looks for a formula sign."""

_TERMINAL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def spreadsheet_cell(value: str) -> str:
    """Return ``value`` as a CSV cell no spreadsheet runs and no reader splits.

    Line breaks of every kind become ``\\n`` (the CSV writer then quotes the cell),
    other control characters U+FFFD, and a cell whose first visible character is a
    formula sign gets a leading apostrophe, which spreadsheets show as text.

    Parameters
    ----------
    value
        A cell's text.

    Returns
    -------
    str
        The text, safe to write.

    Examples
    --------
    >>> spreadsheet_cell("-12"), spreadsheet_cell("\\t@cmd"), spreadsheet_cell("a\\x00b")
    ("'-12", "'\\t@cmd", 'a\\ufffdb')
    """
    # Every character the two patterns replace is a control, separator or surrogate,
    # none of which is printable: a printable cell (almost every cell) skips them.
    text = value if value.isprintable() else _CONTROL.sub("\ufffd", _LINE_BREAKS.sub("\n", value))
    if text[_LEADING.match(text).end() :].startswith(FORMULA_STARTS):  # type: ignore[union-attr]
        return "'" + text
    return text


def _safe_cell(value: Any) -> Any:
    if isinstance(value, str):
        return spreadsheet_cell(value)
    if value is None or isinstance(value, bool | int | float | pd.Timestamp):
        return value
    if isinstance(value, list | tuple | set | frozenset | dict):
        return spreadsheet_cell(str(value))
    return value


def safe_column(series: pd.Series) -> pd.Series:
    """Return one column made safe for a spreadsheet, each cell as :func:`_safe_cell` does.

    A column whose cells are all text or missing (the usual case) is made safe once
    per distinct text (found in a dict, which leaves the texts as they are; pandas'
    string hash table would give each a cached UTF-8 copy): a national table
    repeats its station names, sources and labels on 100,000 rows. Any other
    column (lists, numbers or dates among the text) is made safe cell by cell.

    Parameters
    ----------
    series
        One column of shape (n,), of object or text dtype.

    Returns
    -------
    pandas.Series
        Object column of shape (n,), same index, equal to
        ``series.map(_safe_cell).astype(object)``; missing cells (None, NaN) are
        kept as they are.

    Examples
    --------
    >>> safe_column(pd.Series(["=1", None, "=1", "ok"], dtype=object)).tolist()
    ["'=1", None, "'=1", 'ok']
    """
    values = series.to_numpy(dtype=object)
    missing = pd.isna(values)
    present = values[~missing]
    if not len(present) or not set(map(type, present)) <= {str}:
        return _safe_column_plain(series)
    # Each distinct text made safe once, found by a dict of the texts themselves: not
    # pandas.factorize, whose string hash table makes each text keep a UTF-8 copy of
    # itself for the rest of its life (CPython caches it in the object): 111 MB more
    # for the 10,587 route labels of distinct_routes.csv at 100,000 reports.
    safe: dict[str, str] = {}

    def cell(text: str) -> str:
        found = safe.get(text)
        if found is None:
            found = safe[text] = spreadsheet_cell(text)
        return found

    out = values.copy()
    out[~missing] = np.fromiter(map(cell, present), dtype=object, count=len(present))
    return pd.Series(out, index=series.index, name=series.name, dtype=object)


def _safe_column_plain(series: pd.Series) -> pd.Series:
    """Return :func:`_safe_cell` of every cell: the reference :func:`safe_column` keeps to."""
    return series.map(_safe_cell).astype(object)


def escape_formulas(df: pd.DataFrame) -> pd.DataFrame:
    """Return a copy whose text cells are safe for a spreadsheet (:func:`spreadsheet_cell`).

    Numeric, boolean and datetime columns are left as they are; every other column
    (text, categorical, object) is made safe (:func:`safe_column`: once per distinct
    text when the column holds only text).

    Parameters
    ----------
    df
        Any frame; not changed.

    Returns
    -------
    pandas.DataFrame
        A copy with the same shape, index and dtypes of numeric, boolean and datetime
        columns; other columns are object columns, and text column names are made
        safe too.

    Examples
    --------
    >>> df = pd.DataFrame({"a": ["=1+1", "Slonim", "-x"], "n": [-1, 2, 3]})
    >>> escape_formulas(df)["a"].tolist()
    ["'=1+1", 'Slonim', "'-x"]
    """
    out = df.copy()
    for col in out.columns:
        series = out[col]
        if (
            pd.api.types.is_bool_dtype(series)
            or pd.api.types.is_numeric_dtype(series)
            or pd.api.types.is_datetime64_any_dtype(series)
        ):
            continue
        if isinstance(series.dtype, pd.CategoricalDtype):
            series = series.astype(object)
        out[col] = safe_column(series)
    safe_columns = [spreadsheet_cell(c) if isinstance(c, str) else c for c in out.columns]
    out.columns = pd.Index(safe_columns, dtype=object)
    return out


def write_csv(df: pd.DataFrame, path: str | Path, *, chunk_rows: int = 20_000) -> Path:
    """Write ``df`` as UTF-8 CSV that a spreadsheet opens safely; return the path.

    Every CSV railtrack writes goes through here. Cells are made safe by
    :func:`escape_formulas` ``chunk_rows`` rows at a time (no second copy of a
    national table); cells holding a line break are quoted; lines end in ``\\n``.

    Parameters
    ----------
    df
        Any frame; its index is not written.
    path
        The file to write (replaced when it exists).
    chunk_rows
        Rows escaped and written at a time.

    Returns
    -------
    pathlib.Path
        The path written.

    Raises
    ------
    OSError
        When the file cannot be written (a missing directory, no permission).

    Examples
    --------
    A cell a spreadsheet would run as a formula is written as text:

    >>> import tempfile
    >>> df = pd.DataFrame({"id": ["T1"], "note": ["=HYPERLINK(1)"]})
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     print(write_csv(df, Path(tmp) / "x.csv").read_text(encoding="utf-8"), end="")
    id,note
    T1,'=HYPERLINK(1)
    """
    out = Path(path)
    with out.open("w", encoding="utf-8", newline="") as handle:
        for start in range(0, max(len(df), 1), chunk_rows):
            part = escape_formulas(df.iloc[start : start + chunk_rows])
            part.to_csv(
                handle,
                index=False,
                header=start == 0,
                lineterminator="\n",
                quoting=csv.QUOTE_MINIMAL,
            )
    return out


def plot_text(text: object) -> str:
    """Return ``text`` for a matplotlib label: ``$`` escaped (no mathtext), controls shown.

    Control characters and lone surrogates are written as in :func:`terminal_text`.

    Parameters
    ----------
    text
        Any value; its ``str`` is used.

    Returns
    -------
    str
        Text that matplotlib draws as written.

    Examples
    --------
    >>> plot_text("$x^{$")
    '\\\\$x^{\\\\$'
    """
    return terminal_text(text).replace("$", r"\$")


def terminal_text(text: object) -> str:
    """Return ``text`` with control characters (ESC, CR, bell, ...) shown as ``\\xNN``.

    Print it through a rich console made with ``markup=False, emoji=False``.

    Parameters
    ----------
    text
        Any value; its ``str`` is used.

    Returns
    -------
    str
        Text without control characters; lone surrogates written as ``\\udcNN``.

    Examples
    --------
    >>> terminal_text("Orsha\\x1b[2J\\r")
    'Orsha\\\\x1b[2J\\\\x0d'
    """
    valid = str(text).encode("utf-8", "backslashreplace").decode("utf-8")  # lone surrogates
    return _TERMINAL.sub(lambda m: f"\\x{ord(m.group()):02x}", valid)


def xml_text(text: object) -> str:
    """Return ``text`` with the characters XML 1.0 forbids written as ``\\xNN``.

    Parameters
    ----------
    text
        Any value; its ``str`` is used.

    Returns
    -------
    str
        Text that XML 1.0 accepts.

    Examples
    --------
    >>> xml_text("Orsha\\x0c")
    'Orsha\\\\x0c'
    """
    return _XML_FORBIDDEN.sub(lambda m: f"\\x{ord(m.group()):02x}", str(text))


SHOWN_MAX_CHARS = 60
"""The most characters of a value a problem message quotes."""


def shown(value: object, limit: int = SHOWN_MAX_CHARS) -> str:
    """Return ``repr(value)`` for a message, cut when longer than ``limit`` characters.

    Parameters
    ----------
    value
        The value a message names (a cell, a field, a line).
    limit
        Characters of the value kept.

    Returns
    -------
    str
        The repr; for a longer string, its first ``limit`` characters, "…" and how
        many characters it has.

    Examples
    --------
    >>> shown("about 40")
    "'about 40'"
    >>> shown("9" * 5000, limit=5)
    "'99999…' (5,000 characters)"
    """
    if isinstance(value, str) and len(value) > limit:
        return f"{value[:limit]!r}"[:-1] + f"…' ({len(value):,} characters)"
    return repr(value)

"""Shared output for the command modules: formats, tables that fit, JSON Lines, exit codes.

Every command that prints records builds them as JSON-ready dicts in the shape of
their kind (see :mod:`railtrack.records`) and hands them to :func:`emit_records`,
which prints them as JSON Lines, CSV, TSV or a table that fits the terminal.
pandas and rich are imported only when a table is drawn, so a command that prints
JSON or CSV starts fast.

Report text is data: the consoles parse no markup (``[b]``) or emoji codes
(``:x:``), every table cell and problem line passes through
:func:`railtrack.safetext.terminal_text` (no control characters reach the
terminal), and text cells of CSV/TSV output through
:func:`railtrack.safetext.spreadsheet_cell` (no cell runs as a spreadsheet formula).
"""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import typer

from railtrack.errors import InputPathError

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

__all__ = [
    "EXIT_INPUT_PROBLEMS",
    "EXIT_OK",
    "EXIT_USAGE",
    "FORMATS",
    "Format",
    "at_least_shown",
    "check_paths",
    "console",
    "emit_document",
    "emit_records",
    "err_console",
    "fit_columns",
    "flatten",
    "json_default",
    "locate_places",
    "output_format",
    "place_record",
    "print_context_notes",
    "print_json",
    "print_jsonl",
    "print_problems",
    "print_skipped",
    "window_text",
]

EXIT_OK = 0
EXIT_INPUT_PROBLEMS = 1
EXIT_USAGE = 2

Format = Literal["table", "csv", "tsv", "json"]
FORMATS: tuple[str, ...] = ("table", "csv", "tsv", "json")

_NOT_A_TTY_WIDTH = 100
"""Table width when standard output is not a terminal and ``COLUMNS`` is not set."""
_MAX_CELL = 40
"""Widest a column is planned at; longer cells wrap."""
_MIN_CELL = 16
_HEADER_CELL = 18
"""A column is never narrowed below its header (up to 18 characters) or 16 characters."""


def terminal_width() -> int:
    """Return the width tables must fit: ``COLUMNS``, the terminal's, else 100.

    Returns
    -------
    int
        Characters: ``COLUMNS`` when it is a number over 20, else the terminal's
        width when standard output is one, else 100.

    Examples
    --------
    >>> terminal_width() > 20
    True
    """
    env = os.environ.get("COLUMNS", "")
    if env.isdigit() and int(env) > 20:
        return int(env)
    if sys.stdout.isatty():
        return shutil.get_terminal_size((_NOT_A_TTY_WIDTH, 24)).columns
    return _NOT_A_TTY_WIDTH


class _LazyConsole:
    """A rich console made on first use (rich is not imported by ``--help``)."""

    def __init__(self, *, stderr: bool) -> None:
        self._stderr = stderr
        self._console: Console | None = None

    def _get(self) -> Console:
        width = None if self._stderr else terminal_width()
        if self._console is None or (width is not None and self._console.width != width):
            from rich.console import Console

            if self._stderr:
                self._console = Console(
                    stderr=True, highlight=False, markup=False, emoji=False, soft_wrap=True
                )
            else:
                self._console = Console(highlight=False, markup=False, emoji=False, width=width)
        return self._console

    def __getattr__(self, name: str) -> Any:
        return getattr(self._get(), name)


console: Any = _LazyConsole(stderr=False)
err_console: Any = _LazyConsole(stderr=True)


def _is_missing(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float):
        return value != value  # NaN
    cls = type(value).__name__
    return cls in {"NAType", "NaTType"}


def json_default(value: Any) -> Any:
    """Serialise dates, numpy scalars and pandas missing values for ``json.dumps``.

    Parameters
    ----------
    value
        A value ``json.dumps`` cannot serialise by itself.

    Returns
    -------
    object
        None for a missing value (None, NaN, ``pd.NA``, ``pd.NaT``), an ISO string for a
        date or datetime, the Python scalar of a numpy scalar, a pydantic model's JSON
        dict, a list for a set or tuple, the text of a path.

    Raises
    ------
    TypeError
        For any other value (as ``json.dumps`` expects of a ``default``).

    Examples
    --------
    >>> import numpy as np
    >>> json_default(date(2023, 3, 1)), json_default(np.int64(3)), json_default(float("nan"))
    ('2023-03-01', 3, None)
    >>> json_default(object())
    Traceback (most recent call last):
        ...
    TypeError: cannot serialise object to JSON
    """
    if _is_missing(value):
        return None
    if isinstance(value, datetime | date):  # pandas Timestamps are datetimes
        return value.isoformat()
    if hasattr(value, "item"):
        return value.item()
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json")
    if isinstance(value, set | tuple | frozenset):
        return list(value)
    if isinstance(value, Path):
        return str(value)
    msg = f"cannot serialise {type(value).__name__} to JSON"
    raise TypeError(msg)


def _dumps(obj: Any) -> str:
    return json.dumps(obj, default=json_default, ensure_ascii=False)


def print_json(obj: Any) -> None:
    """Print one JSON document on one line of stdout.

    Parameters
    ----------
    obj
        A JSON-ready value (dates, numpy scalars and models via :func:`json_default`).

    Examples
    --------
    >>> print_json({"n_trains": 2, "as_of": date(2023, 3, 1)})
    {"n_trains": 2, "as_of": "2023-03-01"}
    """
    typer.echo(_dumps(obj))


def print_jsonl(objs: Iterable[Any], *, err: bool = False) -> None:
    """Print one JSON object per line on stdout (or stderr).

    Parameters
    ----------
    objs
        JSON-ready values, one per line.
    err
        Print on stderr instead.

    Examples
    --------
    >>> print_jsonl([{"id": "T1"}, {"id": "Т2"}])
    {"id": "T1"}
    {"id": "Т2"}
    """
    for obj in objs:
        typer.echo(_dumps(obj), err=err)


def output_format(fmt: str | None, json_out: bool) -> Format:
    """Return the chosen format: ``--json`` is shorthand for ``--format json``.

    Parameters
    ----------
    fmt
        ``--format`` as given, or None.
    json_out
        Whether ``--json`` was given.

    Returns
    -------
    Format
        One of :data:`FORMATS`; ``table`` when neither is given.

    Raises
    ------
    typer.BadParameter
        When ``--format`` is not one of :data:`FORMATS`, or disagrees with ``--json``.

    Examples
    --------
    >>> output_format(None, False), output_format("csv", False), output_format(None, True)
    ('table', 'csv', 'json')
    >>> try:
    ...     output_format("xml", False)
    ... except typer.BadParameter as exc:
    ...     print(exc.format_message())
    Invalid value for --format: 'xml' is not one of table, csv, tsv, json
    """
    if json_out:
        if fmt not in (None, "json"):
            raise typer.BadParameter(f"--json and --format {fmt} disagree", param_hint="--format")
        return "json"
    if fmt is None:
        return "table"
    if fmt not in FORMATS:
        raise typer.BadParameter(
            f"{fmt!r} is not one of {', '.join(FORMATS)}", param_hint="--format"
        )
    return fmt  # type: ignore[return-value]


def check_paths(paths: Sequence[Path]) -> None:
    """Raise :class:`InputPathError` naming the first path that does not exist.

    A dangling or looping symbolic link exists: the loader names it in a problem.

    Parameters
    ----------
    paths
        Input paths; ``-`` (standard input) is always accepted.

    Raises
    ------
    InputPathError
        When a path does not exist.

    Examples
    --------
    >>> check_paths([Path("-")])  # standard input
    >>> check_paths([Path("no/such/reports.csv")])
    Traceback (most recent call last):
        ...
    railtrack.errors.InputPathError: no such file or directory: no/such/reports.csv
    """
    for path in paths:
        if str(path) != "-" and not path.exists() and not path.is_symlink():
            msg = f"no such file or directory: {path}"
            raise InputPathError(msg)


# --- flat rows: CSV, TSV and tables ------------------------------------------------


def _scalar_text(value: Any) -> str:
    if _is_missing(value):
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:g}" if abs(value) < 1e6 else f"{value:.0f}"
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


def flatten(
    record: Mapping[str, Any], prefix: str = "", *, spreadsheet: bool = False
) -> dict[str, str]:
    """Return a record as flat text cells: nested keys joined by ``_``, lists by ``; ``.

    A place's ``text`` keeps the place's own name (``origin``), so a shipment's
    flat row reads ``origin``, ``origin_station_id``, ``origin_station`` ...; a list
    of objects is joined by their ``text`` (places) or ``station``. With
    ``spreadsheet``, text cells are made safe to open in a spreadsheet (a leading
    ``=``, ``+``, ``-`` or ``@`` gets a ``'``); numbers are left as they are.

    Parameters
    ----------
    record
        A JSON-ready dict (nested dicts and lists allowed).
    prefix
        The name of the enclosing field (for the recursion).
    spreadsheet
        Make text cells safe for a spreadsheet.

    Returns
    -------
    dict of str to str
        Flat column name -> text (``""`` for a missing value, ``true``/``false``).

    Examples
    --------
    >>> flatten({"id": "s1", "origin": {"text": "Homel", "station_id": "BY-1"},
    ...          "flags": ["a", "b"], "cars": {"total": 3}})
    {'id': 's1', 'origin': 'Homel', 'origin_station_id': 'BY-1', 'flags': 'a; b', 'cars_total': '3'}
    """
    out: dict[str, str] = {}
    for key, value in record.items():
        name = f"{prefix}_{key}" if prefix else key
        if key == "text" and prefix and "station_id" in record:
            name = prefix  # a place: its name as written is the place itself
        if isinstance(value, Mapping):
            if not value:
                out[name] = ""
            out.update(flatten(value, name, spreadsheet=spreadsheet))
            continue
        if isinstance(value, list | tuple):
            if value and isinstance(value[0], Mapping):
                cell = "; ".join(str(v.get("text") or v.get("station") or _dumps(v)) for v in value)
            else:
                cell = "; ".join(_scalar_text(v) for v in value)
        elif isinstance(value, str):
            cell = value
        else:
            out[name] = _scalar_text(value)
            continue
        out[name] = _spreadsheet_cell(cell) if spreadsheet and cell else cell
    return out


def _spreadsheet_cell(text: str) -> str:
    from railtrack.safetext import spreadsheet_cell  # imports pandas: only for CSV/TSV

    return spreadsheet_cell(text)


def _flat_rows(
    records: Sequence[Mapping[str, Any]], *, spreadsheet: bool = False
) -> tuple[list[str], list[dict[str, str]]]:
    rows = [flatten(r, spreadsheet=spreadsheet) for r in records]
    header: dict[str, None] = {}
    kinds = {r.get("record") for r in records}
    if len(kinds) == 1 and (kind := kinds.pop()) is not None:
        header.update(dict.fromkeys(schema_columns(str(kind))))
    objects = {name for name, is_object in _object_fields(records) if is_object}
    for row in rows:
        header.update(dict.fromkeys(k for k in row if k not in objects or k in header))
    rows = [{k: v for k, v in row.items() if k in header} for row in rows]
    return list(header), rows


def _object_fields(records: Sequence[Mapping[str, Any]]) -> Iterator[tuple[str, bool]]:
    """Yield each top-level field whose value is an object in the record's schema."""
    from railtrack.records import KINDS, generate

    seen: set[str] = set()
    for record in records:
        kind = str(record.get("record"))
        if kind in seen or kind not in KINDS:
            continue
        seen.add(kind)
        doc = generate(kind)
        for name, prop in doc.get("properties", {}).items():
            yield name, _is_object(prop, doc) and not _is_place(prop)


def _ref(prop: Mapping[str, Any], doc: Mapping[str, Any]) -> Mapping[str, Any] | None:
    """Return the object schema a property refers to (directly or as ``X | None``)."""
    for option in [prop, *prop.get("anyOf", [])]:
        ref = option.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/"):
            found: Mapping[str, Any] = doc["$defs"][ref.rsplit("/", 1)[1]]
            return found
    return None


def _is_object(prop: Mapping[str, Any], doc: Mapping[str, Any]) -> bool:
    return _ref(prop, doc) is not None


def _is_place(prop: Mapping[str, Any]) -> bool:
    return any(str(o.get("$ref", "")).endswith("/Place") for o in [prop, *prop.get("anyOf", [])])


def schema_columns(kind: str) -> list[str]:
    """Return the flat CSV/TSV columns of a record kind, from its published schema.

    Objects expand to their fields (``departure`` -> ``departure_earliest`` ...), a
    place to its ``text`` under the place's own name and its other fields, so a
    column is there even when no record has a value for it.

    Parameters
    ----------
    kind
        A record kind (:data:`railtrack.records.KINDS`).

    Returns
    -------
    list of str
        ``record`` first, then the model's fields in order, flattened.

    Examples
    --------
    >>> cols = schema_columns("shipment")
    >>> cols[:3], "expected_arrival" in cols, "expected_arrival_earliest" in cols
    (['record', 'id', 'report'], False, True)
    """
    from railtrack.records import generate

    doc = generate(kind)  # the model's field order (the published files sort keys)
    out: list[str] = []
    for name, prop in doc.get("properties", {}).items():
        target = _ref(prop, doc)
        if target is None or prop.get("type") == "array":
            out.append(name)
            continue
        for sub in target.get("properties", {}):
            nested = _ref(target["properties"][sub], doc)
            if nested is not None:
                out.extend(f"{name}_{sub}_{x}" for x in nested.get("properties", {}))
            elif sub == "text" and _is_place(prop):
                out.append(name)
            else:
                out.append(f"{name}_{sub}")
    return sorted(out, key=lambda c: c != "record")  # the kind first, then model order


def _write_delimited(records: Sequence[Mapping[str, Any]], delimiter: str) -> None:
    header, rows = _flat_rows(records, spreadsheet=True)
    writer = csv.DictWriter(
        sys.stdout, fieldnames=header, delimiter=delimiter, lineterminator="\n", restval=""
    )
    if header:
        writer.writeheader()
    writer.writerows(rows)
    sys.stdout.flush()


def fit_columns(
    header: Sequence[str], rows: Sequence[Mapping[str, str]], priority: Sequence[str], width: int
) -> tuple[list[str], list[int], list[str]]:
    """Choose the columns a table of ``width`` characters shows, and their widths.

    Columns named in ``priority`` are taken in that order (all columns when none
    is named). Each needs at least a floor width (its header up to 18 characters,
    at least 16, never more than its widest cell); columns are added while their
    floors fit, the first that does not ends the table (it and the lower-priority
    ones after it are dropped). The widths then start at each column's widest cell
    (at most 40) and the widest are narrowed until the table fits; longer cells wrap.

    Parameters
    ----------
    header
        Every flat column, in record order.
    rows
        The flat rows (text cells).
    priority
        The columns to show, most important first (empty: ``header``).
    width
        The table's width, characters.

    Returns
    -------
    shown, widths, dropped
        Column names in display order, their widths, and the names left out.

    Examples
    --------
    >>> rows = [{"a": "x" * 10, "b": "y" * 30, "c": "z"}]
    >>> fit_columns(["a", "b", "c"], rows, ["c", "a", "b"], 40)
    (['c', 'a', 'b'], [1, 10, 19], [])
    >>> fit_columns(["a", "b", "c"], rows, ["c", "a", "b"], 30)
    (['c', 'a'], [1, 10], ['b'])
    """
    ordered = [c for c in priority if c in header] or list(header)
    natural: dict[str, int] = {}
    floor: dict[str, int] = {}
    for col in ordered:
        cells = max([len(r.get(col, "")) for r in rows] or [0])
        natural[col] = min(max(len(col), cells), _MAX_CELL)
        floor[col] = min(natural[col], max(_MIN_CELL, min(len(col), _HEADER_CELL)))
    shown: list[str] = []
    for col in ordered:
        if sum(floor[c] + 3 for c in [*shown, col]) + 1 > width and shown:
            break
        shown.append(col)
    widths = {c: natural[c] for c in shown}
    budget = width - 1 - 3 * len(shown)
    while sum(widths.values()) > budget:
        col = max(shown, key=lambda c: widths[c] - floor[c])
        if widths[col] <= floor[col]:
            break
        widths[col] -= 1
    dropped = [c for c in ordered if c not in shown]
    return shown, [widths[c] for c in shown], dropped


_ISO_DATETIME = re.compile(r"^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2})?$")


def _display(cell: str) -> str:
    """Show an ISO datetime as ``2023-03-07 12:00`` (and midnight as the date) in tables."""
    match = _ISO_DATETIME.match(cell)
    if match is None:
        return cell
    return match[1] if match[2] == "00:00" else f"{match[1]} {match[2]}"


def _table(
    rows: Sequence[Mapping[str, str]],
    shown: Sequence[str],
    widths: Sequence[int],
    title: str | None,
    numeric: set[str],
) -> Table:
    from rich.table import Table

    from railtrack.safetext import terminal_text

    table = Table(title=None if title is None else terminal_text(title), show_lines=False)
    for col, w in zip(shown, widths, strict=True):
        table.add_column(
            terminal_text(col),
            justify="right" if col in numeric else "left",
            overflow="fold",
            width=w,
        )
    for row in rows:
        table.add_row(*(terminal_text(row.get(c, "")) for c in shown))
    return table


_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


def _numeric_columns(rows: Sequence[Mapping[str, str]]) -> set[str]:
    """Return the columns whose every non-empty cell is a number (right-aligned)."""
    seen: dict[str, bool] = {}
    for row in rows:
        for key, cell in row.items():
            if cell:
                seen[key] = seen.get(key, True) and bool(_NUMBER.match(cell))
    return {k for k, numeric in seen.items() if numeric}


def emit_records(
    records: Sequence[Mapping[str, Any]],
    fmt: Format,
    *,
    title: str | None = None,
    columns: Sequence[str] = (),
    quiet: bool = False,
    empty: str | None = None,
) -> None:
    """Print records in ``fmt``: JSON Lines, CSV, TSV or a table fitting the terminal.

    Parameters
    ----------
    records
        JSON-ready dicts, each in the shape of its kind.
    fmt
        ``json`` (one object per line), ``csv``/``tsv`` (flat columns, see
        :func:`flatten`), or ``table``.
    title
        The table's title (not printed with ``quiet``).
    columns
        Table columns by priority (flat names); those that do not fit the terminal
        width are dropped, with a note naming them.
    quiet
        Print the table without title or notes.
    empty
        Text printed instead of an empty table.

    Examples
    --------
    >>> records = [{"record": "problem", "message": "no text", "text": "a.txt: no text"}]
    >>> emit_records(records, "json")
    {"record": "problem", "message": "no text", "text": "a.txt: no text"}

    CSV has every column of the kind's schema, empty where a record has no value:

    >>> emit_records(records, "csv")
    record,path,row,unit,field,message,text
    problem,,,,,no text,a.txt: no text
    """
    if fmt == "json":
        print_jsonl(records)
        return
    if fmt in ("csv", "tsv"):
        _write_delimited(records, "," if fmt == "csv" else "\t")
        return
    if not records:
        if empty and not quiet:
            console.print(empty, markup=False)
        return
    header, rows = _flat_rows(records)
    rows = [{k: _display(v) for k, v in _places_shown(row).items()} for row in rows]
    shown, widths, dropped = fit_columns(header, rows, columns, terminal_width())
    console.print(_table(rows, shown, widths, None if quiet else title, _numeric_columns(rows)))
    hidden = [c for c in dropped if any(r.get(c) for r in rows)]
    if hidden and not quiet:
        names = ", ".join(hidden[:6]) + (", ..." if len(hidden) > 6 else "")
        err_console.print(
            f"note: {len(hidden)} column(s) did not fit the terminal ({names}); "
            "widen it or use --format csv/json for every field",
            markup=False,
            style="dim",
        )


def shown_place(written: Any, station: Any, region: Any = None) -> str | None:
    """Return a place as a table shows it: the network's name, then what was written.

    The resolved station's name, with the name as written after it in brackets where
    that differs (trial F119: "Polonka (Полонка)"); a place that resolved to a region
    or country only, by that name ("Russia (Россию)", trial T15); an unresolved
    place as written.

    Examples
    --------
    >>> shown_place("Полонка", "Polonka"), shown_place("Россию", None, "Russia")
    ('Polonka (Полонка)', 'Russia (Россию)')
    >>> shown_place("Misyash", None, None), shown_place("Orsha", "orsha")
    ('Misyash', 'orsha')
    """
    said = written if isinstance(written, str) and written else None
    name = station if isinstance(station, str) and station else region
    if not isinstance(name, str) or not name:
        return said
    if said is None or said.casefold() == name.casefold():
        return name
    return f"{name} ({said})"


def _places_shown(row: dict[str, str]) -> dict[str, str]:
    """Return a flat row with each place cell as :func:`shown_place` shows it."""
    places = [k for k in row if f"{k}_station" in row and f"{k}_station_id" in row]
    if not places:
        return row
    out = dict(row)
    for key in places:
        out[key] = shown_place(row[key], row[f"{key}_station"], row.get(f"{key}_region")) or ""
    return out


def emit_document(doc: Mapping[str, Any], fmt: Format, *, quiet: bool = False) -> None:
    """Print one document (a run summary): one JSON line, or ``key value`` lines.

    CSV and TSV print the flat fields as a one-row table.

    Parameters
    ----------
    doc
        A JSON-ready dict (a run, ingest, plot or convert summary).
    fmt
        ``json``, ``csv``/``tsv`` or ``table`` (``key: value`` lines, flat keys, empty
        values left out).
    quiet
        Leave out the problems in ``table`` format.

    Examples
    --------
    >>> emit_document({"record": "run", "n_shipments": 2, "cars_total": None}, "table")
    record: run
    n_shipments: 2
    """
    if fmt == "json":
        print_json(doc)
        return
    if fmt in ("csv", "tsv"):
        _write_delimited([doc], "," if fmt == "csv" else "\t")
        return
    from railtrack.safetext import terminal_text

    for key, value in flatten(doc).items():
        if value and not (quiet and key.startswith("problems")):
            typer.echo(f"{key}: {terminal_text(value)}")


# --- small text helpers ------------------------------------------------------------


def _cell(value: Any) -> str:
    if _is_missing(value):
        return ""
    if isinstance(value, datetime):
        return (
            value.date().isoformat()
            if value.time() == datetime.min.time()
            else (f"{value:%Y-%m-%d %H:%M}")
        )
    return str(value)


def window_text(earliest: Any, latest: Any) -> str:
    """Render a date window compactly: ``2023-03-01``, ``2023-03-01..03-05``, ``>= 2023-03-08``.

    Parameters
    ----------
    earliest, latest
        The window's ends: dates, datetimes, ISO text or missing values.

    Returns
    -------
    str
        Empty when both ends are missing; a datetime at midnight shows as its date.

    Examples
    --------
    >>> window_text("2023-03-01", "2023-03-05"), window_text("2023-03-08", None)
    ('2023-03-01..03-05', '>= 2023-03-08')
    """
    lo, hi = _cell(earliest), _cell(latest)
    if lo and hi:
        return lo if lo == hi else f"{lo}..{hi[5:] if lo[:4] == hi[:4] else hi}"
    if lo:
        return f">= {lo}"
    return f"<= {hi}" if hi else ""


def place_record(place: Any, network: Any = None) -> dict[str, Any] | None:
    """Return a place in the one shape every command prints, or None.

    The fields of :class:`railtrack.models.Place`: ``text`` as written,
    ``station_id``, ``station``, ``region``, ``resolved_score``, ``unresolved``,
    ``geo_precision``, ``lat``, ``lon``. A place on a station of ``network`` that
    does not yet carry coordinates gets the station's.

    Parameters
    ----------
    place
        A :class:`~railtrack.models.Place`, or None.
    network
        A network whose stations give coordinates (None: as the place has them).

    Returns
    -------
    dict or None
        The place's JSON fields.

    Examples
    --------
    >>> from railtrack.models import Place
    >>> doc = place_record(Place(text="Orsha"))
    >>> list(doc)
    ['text', 'station_id', 'station', 'region', 'resolved_score', 'unresolved', \
'geo_precision', 'lat', 'lon']
    >>> place_record(None) is None
    True
    """
    if place is None:
        return None
    return _located(place.model_dump(mode="json"), network)


def locate_places(doc: dict[str, Any], network: Any) -> dict[str, Any]:
    """Give a report record's places their station's coordinates on ``network``.

    The places are ``origin``, ``destination``, ``via`` and ``station``; a place
    that already has coordinates, or has no station of ``network``, is kept.
    Returns ``doc`` with those places replaced.

    Parameters
    ----------
    doc
        A report record's JSON dict; changed in place.
    network
        An object with a ``G`` graph whose nodes carry ``lat``/``lon`` (a
        :class:`~railtrack.network.RailNetwork`), or None to keep every place.

    Returns
    -------
    dict
        ``doc``.

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> import networkx as nx
    >>> G = nx.Graph()
    >>> G.add_node("ORSHA", lat=54.51, lon=30.42)
    >>> doc = {"id": "T1", "origin": {"text": "Орша", "station_id": "ORSHA", "lat": None}}
    >>> locate_places(doc, SimpleNamespace(G=G))["origin"]
    {'text': 'Орша', 'station_id': 'ORSHA', 'lat': 54.51, 'lon': 30.42}
    """
    for key in ("origin", "destination", "station"):
        if isinstance(doc.get(key), dict):
            doc[key] = _located(doc[key], network)
    if isinstance(doc.get("via"), list):
        doc["via"] = [_located(p, network) if isinstance(p, dict) else p for p in doc["via"]]
    return doc


def _located(doc: dict[str, Any], network: Any) -> dict[str, Any]:
    station = doc.get("station_id")
    if network is None or doc.get("lat") is not None or station is None:
        return doc
    node = network.G.nodes[station] if station in network.G else {}
    if node.get("lat") is not None and node.get("lon") is not None:
        doc = {**doc, "lat": float(node["lat"]), "lon": float(node["lon"])}
    return doc


def print_problems(problems: Sequence[Any], fmt: Format = "table", *, quiet: bool = False) -> None:
    """Print input problems on stderr: one line each, or JSON Lines of problem records.

    With ``quiet``, print only how many there were.

    Parameters
    ----------
    problems
        :class:`~railtrack.io.Problem` objects or message strings.
    fmt
        ``json`` prints problem records (JSON Lines); any other format one line each.
    quiet
        Print only the count.

    Examples
    --------
    >>> import contextlib, sys
    >>> from railtrack.io import Problem
    >>> with contextlib.redirect_stderr(sys.stdout):
    ...     print_problems([Problem("r.csv", 3, "cars", "'x' is not a count")])
    1 problem(s) found:
      - r.csv row 3, field 'cars': 'x' is not a count
    """
    if not problems:
        return
    if fmt == "json":
        print_jsonl((problem_record(p) for p in problems), err=True)
        return
    if quiet:
        err_console.print(f"{len(problems)} problem(s) found")
        return
    from railtrack.safetext import terminal_text

    err_console.print(f"{len(problems)} problem(s) found:", style="bold yellow")
    for problem in problems:
        err_console.print(f"  - {terminal_text(problem)}")


def at_least_shown(row: dict[str, Any]) -> dict[str, Any]:
    """Return a row for a table: a car total that is a bound shown as "≥ 42" or "≤ 60".

    A row with ``cars_at_least`` (the source gave "at least 40") or
    ``cars_total_derived`` (the sum of a partial breakdown) is at least its total; so
    is a record whose ``cars`` object says ``at_least`` or ``total_derived``.

    Parameters
    ----------
    row
        A flat row (``cars_total`` beside ``cars_at_least``/``cars_total_derived``) or
        a record with a ``cars`` object; not changed.

    Returns
    -------
    dict
        The row, or a copy with the total as text ``"≥ N"``.

    Examples
    --------
    >>> at_least_shown({"cars_total": 42, "cars_at_least": True})["cars_total"]
    '≥ 42'
    >>> at_least_shown({"cars_total": 42, "cars_total_derived": False})["cars_total"]
    42
    >>> at_least_shown({"cars": {"total": 30, "at_least": True}})["cars"]["total"]
    '≥ 30'
    >>> at_least_shown({"cars_total": 60, "cars_at_most": True})["cars_total"]
    '≤ 60'
    >>> at_least_shown({"cars_total": 30, "cars_at_least": True, "cars_at_most": True,
    ...                 "cars_total_max": 35})["cars_total"]
    '30–35'
    >>> at_least_shown({"cars_total": 40, "cars_at_most": True, "cars_total_max": 90})[
    ...     "cars_total"]
    '40–90'
    """
    cars = row.get("cars")
    if isinstance(cars, Mapping):
        nested = at_least_shown({f"cars_{k}": v for k, v in cars.items()})
        if nested.get("cars_total") == cars.get("total"):
            return row
        return {**row, "cars": {**cars, "total": nested["cars_total"]}}
    total = row.get("cars_total")
    most = row.get("cars_total_max")
    most = None if _is_missing(most) else most
    total = None if _is_missing(total) else total
    if row.get("cars_at_most") is True:
        # "30-35 платформ", or a summary's fewest and most: a range
        if total is not None and most is not None and most != total:
            return {**row, "cars_total": f"{total}–{most}"}
        if total is not None and most is None and "cars_total_max" in row:
            return {**row, "cars_total": f"≥ {total}"}  # a summary with an open count
        if total is not None or most is not None:  # "up to 60 cars": never "~60"
            return {**row, "cars_total": f"≤ {most if most is not None else total}"}
    if total is None or not (row.get("cars_at_least") or row.get("cars_total_derived")):
        return row
    return {**row, "cars_total": f"≥ {total}"}


def print_context_notes(notes: Sequence[str]) -> None:
    """Print, on stdout, each namesake settled by its report's other places, one a line.

    The notes are :attr:`railtrack.io.ReportSet.context_notes` ("'Товарково':
    Tovarkovo (GN481941), chosen by the report: 26 km from Kaluga-I, which it also
    names; ..."): a choice the gazetteer alone would not make, shown so a reader can
    check it. Nothing is printed without notes.

    Parameters
    ----------
    notes
        The notes, one line each.

    Examples
    --------
    >>> print_context_notes(["'Товарково': Tovarkovo (GN481941), chosen by the report"])
    1 namesake settled by the other places of its report:
      - 'Товарково': Tovarkovo (GN481941), chosen by the report
    """
    if not notes:
        return
    from railtrack.labels import plural
    from railtrack.safetext import terminal_text

    console.print(
        f"{plural(len(notes), 'namesake')} settled by the other places of its report:",
        markup=False,
        highlight=False,
    )
    for note in notes:
        console.print(f"  - {terminal_text(note)}", markup=False, highlight=False)


def print_skipped(skipped: Mapping[str, int], *, quiet: bool = False) -> None:
    """Print, on stderr, what was read and deliberately skipped (one line, by reason).

    Parameters
    ----------
    skipped
        Reason -> how many files or posts.
    quiet
        Print nothing.

    Examples
    --------
    >>> import contextlib, sys
    >>> with contextlib.redirect_stderr(sys.stdout):
    ...     print_skipped({"not a report": 1, "empty file": 2})
    skipped: 2 empty file, 1 not a report
    """
    if skipped and not quiet:
        parts = ", ".join(f"{n:,} {reason}" for reason, n in sorted(skipped.items()))
        err_console.print(f"skipped: {parts}", style="dim")


def problem_record(problem: Any) -> dict[str, Any]:
    """Return a problem (a :class:`~railtrack.io.Problem` or a message) as a problem record.

    Parameters
    ----------
    problem
        A :class:`~railtrack.io.Problem`, or a message string (no path, row or field).

    Returns
    -------
    dict
        A ``problem`` record (:class:`railtrack.records.ProblemRecord`).

    Examples
    --------
    >>> from railtrack.io import Problem
    >>> problem_record(Problem("r.csv", 3, "cars", "bad"))["text"]
    "r.csv row 3, field 'cars': bad"
    >>> problem_record("a.txt: no text")["path"] is None
    True
    """
    if isinstance(problem, str):
        return {
            "record": "problem",
            "path": None,
            "row": None,
            "unit": None,
            "field": None,
            "message": problem,
            "text": problem,
        }
    return {"record": "problem", **problem.to_dict()}

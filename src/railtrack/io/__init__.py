"""Load shipment reports from files: CSV, Excel, JSON, JSON Lines, YAML, free text, Telegram.

Tables (CSV, ``.xlsx``) may use any common headers, in five languages, and need no
id column (see :mod:`railtrack.io.tables`).

Telegram Desktop channel exports (``result.json``, ``messages*.html`` or the export
folder) are read post by post (see :mod:`railtrack.io.telegram`).

:func:`load_reports` reads one file, a directory, or several of them, and returns a
:class:`ReportSet`: the validated shipments, groups and sightings, and one
:class:`Problem` per bad record naming the file, the row and the field. Good
records are always kept; only ``strict=True`` raises.

Examples
--------
>>> from railtrack import data_path
>>> reports = load_reports(data_path("reports"))
>>> reports.problems
[]
>>> int(reports.groups_frame().query("n_trains == 2")["cars_total"].max())
86
"""

from __future__ import annotations

import csv
import errno
import itertools
import logging
import stat
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import UTC, date, datetime, time, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from railtrack._intern import Interner, collector_paused, interning
from railtrack.errors import InputPathError, ReportError
from railtrack.io._decode import NotText, display_path, read_text
from railtrack.io._far_dates import unknown_if_far_before
from railtrack.io._ids import file_label, renamed_ids, with_ids
from railtrack.io._records import (
    KNOWN_KEYS,
    RawRecord,
    RecordError,
    drop_unknown_parts,
    misplaced_fields,
    normalise_record,
    parse_window,
    plain_cars_note,
    share_parts,
    validate_record,
)
from railtrack.io._reused import reused_id
from railtrack.io.cells import is_blank, whole_count
from railtrack.io.csv_reader import CsvProblem, read_csv_records
from railtrack.io.json_reader import FileFormatError, iter_jsonl_records, read_json_records
from railtrack.io.reportset import Problem, ReportSet
from railtrack.io.retractions import keep_counted, note_retracted
from railtrack.io.tables import (
    TABLE_KEY_FIELDS,
    HeaderMap,
    ambiguous_day_first,
    generated_id,
    no_train_field_message,
)
from railtrack.io.webpage import WEB_SUFFIXES
from railtrack.io.yaml_reader import read_yaml_records
from railtrack.models import CAR_TYPES, Shipment
from railtrack.safetext import shown
from railtrack.settings import DEFAULT_SETTINGS

if TYPE_CHECKING:
    from railtrack.io.records_keys import KeyMaps
    from railtrack.io.telegram import TelegramFile
    from railtrack.io.totals import TotalRows
    from railtrack.io.yearless import TableYear
    from railtrack.network import RailNetwork
    from railtrack.settings import Settings

__all__ = ["SUFFIXES", "Problem", "ReportSet", "load_reports"]

logger = logging.getLogger(__name__)

TABLE_SUFFIXES = (".csv", ".xlsx")
STRUCTURED_SUFFIXES = (*TABLE_SUFFIXES, ".json", ".jsonl", ".ndjson", ".yaml", ".yml")
TEXT_SUFFIXES = (".txt", ".md")
TELEGRAM_SUFFIXES = (".html",)
SUFFIXES: tuple[str, ...] = STRUCTURED_SUFFIXES + TEXT_SUFFIXES + WEB_SUFFIXES
"""File endings :func:`load_reports` reads; other files in a directory are skipped.

An ``.html`` file is a page of a Telegram Desktop export when it is named like one
(``messages.html``, ``messages2.html``, ...) beside the export's other files, else a
saved web page whose article is read as a free-text report
(:mod:`railtrack.io.webpage`).
"""

_SKIP_STEMS = {"readme", "license", "licence", "changelog", "sources"}
_DATE_FIELDS = ("departure", "arrival", "expected_arrival", "published", "seen_at", "event_date")
_WINDOW_FIELDS = ("departure", "arrival", "expected_arrival")
# date cells read as text is: the windows, and the day a train passed a station
_READ_DATES = (*_WINDOW_FIELDS, "seen_at", "event_date")
_COUNT_FIELDS = frozenset({"n_trains", "cars_total", *(f"cars_{t}" for t in CAR_TYPES)})
_CAR_FIELDS = ("cars_total", *(f"cars_{t}" for t in CAR_TYPES))


def _cell_date(value: Any) -> date | None:
    """Return a table's published cell as a date when it is one (for relative dates)."""
    try:
        window = parse_window(value, field="published") if isinstance(value, str) else None
    except RecordError:
        return None
    return None if window is None else window.get("earliest")


def _wanted(path: Path, root: Path) -> bool:
    """Whether a directory entry names a report file (by its name only)."""
    if path.suffix.lower() not in SUFFIXES or path.stem.lower() in _SKIP_STEMS:
        return False
    if path.name.startswith("~$"):
        return False  # the lock file Excel keeps beside an open workbook
    return not any(part.startswith(".") for part in path.relative_to(root).parts)


_DOCUMENT_SUFFIXES = frozenset(
    {".doc", ".docx", ".odt", ".rtf", ".pdf", ".pages", ".xls", ".xlsm", ".xlsb", ".ods"}
    | {".numbers", ".tsv", ".eml", ".msg", ".epub", ".djvu", ".mht", ".mhtml", ".webarchive"}
    # data files: a converted folder's parts read without its manifest (railtrack-reports.json)
    | {".parquet", ".feather", ".arrow"}
)
"""Documents and tables people keep notes in that railtrack does not read: in a folder
each is named in a problem (media and other files are not reports, and pass silently)."""


def _unread_document(path: Path) -> bool:
    """Whether ``path`` is a document railtrack cannot read that a user may think it did."""
    if path.name.startswith("~$") or path.stem.lower() in _SKIP_STEMS:
        return False
    return path.suffix.lower() in _DOCUMENT_SUFFIXES and path.suffix.lower() not in SUFFIXES


def _no_extension_text(path: Path) -> bool:
    """Whether ``path`` has no file extension and starts like a text (a report, perhaps)."""
    if path.suffix or path.stem.lower() in _SKIP_STEMS or path.name.startswith("."):
        return False
    try:
        with path.open("rb") as stream:
            head = stream.read(4096)
    except OSError:
        return False
    if not head or b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start > len(head) - 4  # a character cut at the end of the sample
    return True


def _file_entry(path: Path, root: Path) -> tuple[bool, str | None]:
    """Return whether to read a file met in a directory, and the problem it gives if any."""
    if path.is_symlink():
        why = _entry_problem(path)
        if why is not None:  # dangling or looping: named whatever the file's name
            return False, why
    if not _wanted(path, root):
        if _no_extension_text(path):
            readable = ", ".join(SUFFIXES)
            return (
                False,
                "a text file with no file extension; not read (railtrack reads "
                f"{readable}: name it .txt if it is a report)",
            )
        if not _unread_document(path):
            return False, None
        readable = ", ".join(SUFFIXES)
        return (
            False,
            f"unsupported file type {path.suffix.lower()!r}; skipped (railtrack reads {readable})",
        )
    why = _entry_problem(path)
    return why is None, why


def _entry_problem(path: Path) -> str | None:
    """Say why ``path`` cannot be read as a report file, or None when it can."""
    try:
        info = path.stat()  # follows symlinks
    except FileNotFoundError:
        return "a symbolic link to nothing (dangling); skipped"
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "a symbolic link that loops (it leads back to itself); skipped"
        return f"cannot be read ({exc.strerror or exc}); skipped"
    if stat.S_ISDIR(info.st_mode):
        return None
    if not stat.S_ISREG(info.st_mode):
        return "not a regular file (a device, FIFO or socket); skipped"
    return None


def _report_files(root: Path) -> tuple[list[Path], list[Problem]]:
    """Return the report files under ``root`` and a problem for each one passed over.

    Directories are walked in name order, following symbolic links to directories
    once each (a link back up the tree is a problem, not a loop). Dangling or
    looping links, devices, FIFOs and unreadable directories are problems naming
    the path: silence would hide them.
    """
    problems: list[Problem] = []

    def problem(path: Path, message: str) -> None:
        problems.append(Problem(display_path(path), None, None, message))

    why = _entry_problem(root)
    if why is not None:
        problem(root, why)
        return [], problems
    if not root.is_dir():
        return [root], problems
    files: list[Path] = []
    seen: set[tuple[int, int]] = set()
    pending = [root]
    while pending:
        directory = pending.pop()
        info = directory.stat()
        if (info.st_dev, info.st_ino) in seen:
            problem(directory, "a symbolic link back into a directory already read; skipped")
            continue
        seen.add((info.st_dev, info.st_ino))
        try:
            entries = sorted(directory.iterdir())
        except OSError as exc:
            problem(directory, f"directory cannot be read ({exc.strerror or exc}); skipped")
            continue
        subdirs = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            is_dir = _is_dir(entry)
            if is_dir:
                subdirs.append(entry)
                continue
            read, why = _file_entry(entry, root)
            if why is not None:
                problem(entry, why)
            if read:
                files.append(entry)
        pending.extend(reversed(subdirs))
    files.sort()
    return _export_message_files(files), problems


def _export_message_files(candidates: list[Path]) -> list[Path]:
    """Keep a Telegram export folder's message files only, never its media files.

    Inside an export only its own pages are read; any other ``.html`` file is a saved
    web page, read as a free-text report.
    """
    from railtrack.io.telegram import export_files, is_export_folder
    from railtrack.io.telegram_html import is_html_export_page

    exports = {
        c.parent
        for c in candidates
        if c.name in ("result.json", "messages.html") and is_export_folder(c.parent)
    }
    files = []
    for candidate in candidates:
        is_page = candidate.suffix.lower() == ".html" and is_html_export_page(candidate)
        if candidate.parent in exports:
            # the export's own message files are read once, in order; any other
            # file beside them is a report file of its own (a user's CSV, notes)
            chosen = export_files(candidate.parent)
            if candidate == chosen[0]:
                files.extend(chosen)
            elif candidate.name != "result.json" and not is_page:
                files.append(candidate)
            continue
        if any(parent in exports for parent in candidate.parents):
            continue  # the export's media folders (photos/, files/, ...): never reports
        files.append(candidate)  # a saved web page too: its article is read
    return files


def _telegram_page(path: Path) -> bool:
    """Whether an ``.html`` file is a page of a Telegram Desktop export (not a web page)."""
    from railtrack.io.telegram import is_export_folder
    from railtrack.io.telegram_html import is_html_export_page

    return is_html_export_page(path) and is_export_folder(path.parent)


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:  # a looping link: reported with the files
        return False


def _check_csv_header(text: str, columns: dict[str, str] | None) -> None:
    """Raise :class:`FileFormatError` when no column of the header line is a report field.

    Only the header line (:func:`railtrack.io.csv_reader.header_line`: the first of the
    first ten lines naming two report fields, else the first non-blank line) is read,
    so a large file that is not a report
    table is rejected before its rows are split. Headers are mapped as the table
    reader maps them (:func:`railtrack.io.tables.map_headers`, with ``--columns``).
    """
    from railtrack.io.csv_reader import header_line
    from railtrack.io.tables import map_headers

    top = header_line(text, columns)  # a title line above the header is no header
    line = text.split("\n", top + 1)[top] if text else ""
    delimiter = max(",;\t", key=line.count) if any(d in line for d in ",;\t") else ","
    try:
        header = next(csv.reader([line], delimiter=delimiter), [])
    except csv.Error:
        return  # broken quoting: read_csv_records says so, row by row
    names = [h.strip().lstrip("\ufeff") for h in header]
    mapping = map_headers(names, columns)
    if not mapping.fields & TABLE_KEY_FIELDS:
        raise FileFormatError(no_train_field_message(mapping, names[:8]), top + 1)


def _title_lines(text: str, columns: dict[str, str] | None) -> list[str]:
    """Return a CSV's non-blank lines above its header (a title such as "Журнал, март 2026")."""
    from railtrack.io.csv_reader import header_line

    top = header_line(text, columns)
    return [line.strip() for line in text.split("\n")[:top] if line.strip()]


def _table_header(records: list[RawRecord]) -> list[str] | None:
    """Return the keys of JSON or YAML records that are a table's rows, or None.

    An analyst's own export is often a list of flat objects under the names of its
    spreadsheet (``{"date": ..., "from": ..., "to": ..., "wagons": ...}``) and
    without ids. Such records, every value a scalar or a list of scalars, with at
    least one key that is no report field or no ``id`` in any record, are read as
    the rows of a table (:meth:`_FileLoader._table`: the headers mapped to fields as
    a CSV's are, ids generated from the row). Records in the report model's own
    shape, nested ``cars``/``source`` objects included, are not.

    Examples
    --------
    >>> rows = [RawRecord({"date": "2023-03-01", "from": "Orsha", "to": "Smolensk"}, 1, "record")]
    >>> _table_header(rows)
    ['date', 'from', 'to']
    >>> _table_header([RawRecord({"id": "t1", "origin": "Orsha"}, 1, "record")]) is None
    True
    """
    if not records:
        return None
    keys: dict[str, None] = {}
    for record in records:
        data = record.data
        if "__invalid__" in data or data.get("record") == "file":
            return None
        for key, value in data.items():
            if not isinstance(key, str) or isinstance(value, Mapping):
                return None
            if isinstance(value, list) and any(isinstance(v, Mapping | list) for v in value):
                return None
            keys.setdefault(key)
    # "event" and "time" are read only in a table's rows (railtrack.io.events)
    foreign = any(key not in KNOWN_KEYS or key in {"event", "time"} for key in keys)
    if not foreign and "id" in keys:
        return None
    return list(keys)


def _date_cell(
    data: dict[str, Any],
    name: str,
    value: str,
    year: TableYear | None = None,
    row: int | None = None,
) -> tuple[str | None, int | None]:
    """Read a table's date cell in place; return why it cannot be read and the year assumed.

    A passage or event date (``seen_at``, ``event_date``) may carry its time
    ("04.04.2023 21:15"); a window's cell only month-first ("12/13/2022") is
    rewritten so. A day and month without a year ("3 марта") in a row with no
    published date takes the year ``year`` gives (:mod:`railtrack.io.yearless`): the
    cell is rewritten with it and that year returned, for the caller to say so.
    """
    from railtrack.io.passages import DATE_TIME_FIELDS, read_seen
    from railtrack.io.tables import month_first_date
    from railtrack.io.yearless import year_of_cell, yearless_span

    published = _cell_date(data.get("published"))
    if published is None and yearless_span(value) is not None:
        if year is None:
            return (
                f"{shown(value)} gives no year, and neither the table (a title line with "
                "the year, other rows with full dates) nor --published gives one; add the "
                "year",
                None,
            )
        assumed = year_of_cell(value, year.reference_at(row))
        if assumed is not None:
            return _with_year(data, name, value, assumed), assumed
    if name in DATE_TIME_FIELDS:
        if read_seen(value) is not None:
            return None, None
        return f"{shown(value)} is not a date (use YYYY-MM-DD or DD.MM.YYYY)", None
    data[name] = value = month_first_date(value) or value
    try:
        parse_window(value, field=name, published=published)
    except RecordError as exc:
        return exc.message, None
    return None, None


def _with_year(data: dict[str, Any], name: str, value: str, year: int) -> str | None:
    """Rewrite a yearless date cell read in ``year``; return why not when it cannot be.

    The cell is read as the free-text reader reads it with a publication day in
    ``year`` that keeps every month in that year (31 December looking back, 30 June
    looking forward: see :func:`railtrack.extract.dates.resolve_date`).
    """
    from railtrack.io.passages import DATE_TIME_FIELDS, read_seen

    forward = name in {"arrival", "expected_arrival"}
    day = date(year, 6, 30) if forward else date(year, 12, 31)
    if name in DATE_TIME_FIELDS:  # may carry its time ("3 марта 21:15")
        read = read_seen(value, published=day)
        if read is None:
            return f"{shown(value)} is not a date (use YYYY-MM-DD or DD.MM.YYYY)"
        data[name] = read[0]
        if read[1] == "days":  # a span of days ("5-6 марта"): kept whole
            span = parse_window(value, field=name, published=day) or {}
            data[name] = f"{span.get('earliest')}/{span.get('latest')}"
        return None
    try:
        window = parse_window(value, field=name, published=day)
    except RecordError as exc:
        return exc.message
    data[name] = window
    return None


class _FileLoader:
    """Collects the records and problems of one file."""

    def __init__(
        self,
        path: Path,
        *,
        published: date | None,
        shared: Interner | None,
        network: RailNetwork | Literal[False] | None = None,
        columns: dict[str, str] | None = None,
        tz: tzinfo | None = None,
        settings: Settings | None = None,
    ) -> None:
        self.path = path
        self.tz = tz  # the channels' time zone (--tz), for Telegram posts (trial15 T5)
        # bounds a Telegram post's time; exports are read in the loading process only
        self.settings = settings
        self.name = display_path(path)  # printable, storable: see display_path
        self.published = published
        self.shared = shared
        self.network = network  # resolves free-text place names (None: the embedded one)
        self.models: list[tuple[Any, int]] = []
        self.problems: list[Problem] = []
        self.telegram: TelegramFile | None = None
        self.columns = columns or {}
        self.tables: list[dict[str, Any]] = []
        self.header_of: dict[str, str] = {}
        # a log's rows whose plain date was read as the day seen at their station
        self.seen_rows: list[int] = []
        self.twice_reported: set[object] = set()  # Telegram message ids met twice
        # the trains retractions in this file deny (trial15 T2; io/retractions.py)
        self.retracted: list[Shipment] = []
        """For a table: each field's column header as written, to name it in problems."""
        self.titles: list[str] = []  # a CSV's lines above its header ("Журнал, март 2026")
        # the year of a table's dates written without one (railtrack.io.yearless)
        self.table_year: TableYear | None = None
        # table rows with no publication date whose date cell cannot be read: row ->
        # (field, unit); an as-of cut cannot tell when they were known (trial19 T2)
        self.unreadable_dates: dict[int, tuple[str, str]] = {}

    def problem(
        self, message: str, *, row: int | None = None, field: str | None = None, unit: str = "row"
    ) -> None:
        if field is not None:
            field = self.header_of.get(field, field)
        self.problems.append(Problem(self.name, row, field, message, unit))

    def load(self) -> None:
        suffix = self.path.suffix.lower()
        if suffix not in SUFFIXES:
            self.problem(
                f"unsupported file type {suffix or '(none)'!r}; "
                f"railtrack reads {', '.join(SUFFIXES)}"
            )
            return
        if suffix == ".xlsx":
            self._load_workbook()
            return
        from railtrack.io.telegram import is_telegram_file, read_telegram_file

        if suffix in WEB_SUFFIXES and not _telegram_page(self.path):
            self._load_web_page()
            return
        if suffix in TELEGRAM_SUFFIXES or is_telegram_file(self.path):
            # streamed, never read whole: an export can be hundreds of megabytes
            self.telegram = read_telegram_file(self.path, tz=self.tz, settings=self.settings)
            found = self.telegram
            self.models.extend((m, 0) for m in (*found.shipments, *found.groups, *found.sightings))
            self.problems.extend(self.telegram.problems)
            self.retracted.extend(found.retracted)
            return
        notes: list[tuple[int, str]] = []
        try:
            text = read_text(self.path, notes=notes)
        except NotText as exc:
            self.problem(str(exc))
            return
        except OSError as exc:
            self.problem(f"cannot read the file: {exc.strerror or exc}")
            return
        for line, message in notes:  # stray bytes replaced: where, so it can be checked
            self.problem(message, row=line, unit="line")
        if suffix in TEXT_SUFFIXES:
            self._load_text(text)
            return
        try:
            records, file_source = self._parse(text, suffix)
        except (FileFormatError, CsvProblem) as exc:
            self.problem(str(exc), row=getattr(exc, "row", None))
            return
        self._validate(records, file_source)

    def _load_form(self, text: str) -> bool:
        """Read a text written as a form ("Куды: Брэст. Вагонаў: 44.") as a table's rows.

        Returns whether the text was a form (:func:`railtrack.io.forms.form_records`);
        its labels are mapped as a table's headers, its values read as cells.
        """
        from railtrack.io.forms import form_records
        from railtrack.io.text import split_header

        header, body, body_line, _ = split_header(text)
        forms = form_records(body, self.columns)
        if forms is None:
            return False
        rows, labels = _form_rows(forms, header, Path(self.name).stem, body_line, self.columns)
        try:
            records = self._table(rows, labels, "form")
        except FileFormatError as exc:
            self.problem(f"a report written as a form: {exc}", row=body_line, unit="line")
            return True
        self._validate(records, None)
        return True

    def _parse(self, text: str, suffix: str) -> tuple[Iterable[RawRecord], dict[str, Any] | None]:
        if suffix == ".csv":
            _check_csv_header(text, self.columns)  # before any row is parsed
            records, row_problems, header = read_csv_records(text, self.path, self.columns)
            self.titles = _title_lines(text, self.columns)
            for p in row_problems:
                self.problem(str(p), row=p.row)
            return self._table(records, header, "csv"), None
        if suffix in {".jsonl", ".ndjson"}:
            lines = self._jsonl_records(text)
            first = next(lines, None)
            if first is None:
                return [], None
            if _table_header([first]) is None:  # the model's shape: streamed line by line
                return itertools.chain([first], lines), None
            rows = [first, *lines]
            keys = _table_header(rows)
            if keys is not None:
                return self._table(rows, keys, "jsonl"), None
            return rows, None
        records, file_source = (
            read_json_records(text) if suffix == ".json" else read_yaml_records(text)
        )
        keys = _table_header(records)
        if keys is not None:  # flat records under a table's own names: read as a table
            return self._table(records, keys, suffix.lstrip(".")), file_source
        return records, file_source

    def _load_workbook(self) -> None:
        from railtrack.io.xlsx_reader import read_xlsx_tables

        try:
            sheets = read_xlsx_tables(self.path, self.columns)
        except ValueError as exc:
            self.problem(str(exc))
            return
        if not sheets:
            self.problem("the workbook has no rows")
        for sheet in sheets:
            prefix = f"sheet {sheet.name!r}: " if len(sheets) > 1 else ""
            try:
                records = self._table(
                    sheet.records,
                    sheet.header,
                    "xlsx",
                    sheet=sheet.name,
                    prefix=prefix,
                    formulas=sheet.sum_formulas,
                )
            except FileFormatError as exc:
                self.problem(prefix + str(exc), row=sheet.header_row)
                continue
            self._validate(records, None)

    def _table(
        self,
        records: list[RawRecord],
        header: list[str],
        kind: str,
        *,
        sheet: str | None = None,
        prefix: str = "",
        formulas: Mapping[int, str] | None = None,
    ) -> list[RawRecord]:
        """Re-key a table's rows by field (see :mod:`railtrack.io.tables`).

        Generates ids when no column gives them; notes which columns were read in
        :attr:`tables`; reports columns not read once, and ambiguous day-first dates
        once per column. The records of a JSON or YAML list are no table's rows: each
        record's keys are mapped on their own (:class:`railtrack.io.records_keys.KeyMaps`), so a
        record naming a field by another alias, or in another language, than an earlier
        one keeps its value (trial12 T18). A row with a station column becomes a train
        passing it and, with a passage date, a sighting there
        (:func:`railtrack.io.passages.passage_records`); a row of which nothing is read
        is a problem, never an empty train. A sheet's total row ("Razem", "Итого",
        ``=SUM(D2:D4)``; ``formulas`` maps a row to its summing formula) is no train
        either: a problem, with its stated total checked (:mod:`railtrack.io.totals`).
        """
        from railtrack.io.passages import has_train_fields, passage_records
        from railtrack.io.records_keys import KeyMaps, unit_list
        from railtrack.io.totals import TotalRows

        own_keys = kind in {"json", "jsonl", "yaml", "yml", "form"}
        maps = KeyMaps(header, self.columns, per_record=own_keys)
        mapping = maps.whole(records)
        if not mapping.fields & TABLE_KEY_FIELDS:
            raise FileFormatError(no_train_field_message(mapping, header[:8]), 1)
        for name, rows in maps.ignored(records).items():
            if name in self.columns or not name.strip():
                continue
            where = f" (in {unit_list(records[0].unit, rows)})" if len(rows) > 1 else ""
            self.problem(
                f"{prefix}unknown field {name!r} ignored{where}: no report field has that "
                f'name (map the column with --columns "{name}=FIELD")',
                row=rows[0] if own_keys else (1 if kind == "csv" else None),
                field=name,
                unit=records[0].unit if own_keys else "row",
            )
        for note, rows in maps.notes(records).items():
            where = f" (in {unit_list(records[0].unit, rows)})" if own_keys else ""
            self.problem(prefix + note + where)
        make_ids = "id" not in mapping.fields
        event_places = self._event_places(records, maps, mapping, prefix)
        self.seen_rows = []
        self.table_year = self._table_year(records, maps)
        out: list[RawRecord] = []
        ambiguous: dict[str, list[int]] = {}
        first_row: dict[tuple[str, ...], int] = {}
        totals = TotalRows()
        for record in records:
            own = maps.of(record)
            data = {f: record.data.get(h) for h, f in own.columns.items()}
            own_id = not is_blank(data.get("id"))
            if (
                not own_keys and self._total_row(totals, record, data, formulas, prefix)
            ) or self._note_repeated_row(record, header, first_row, prefix, own_ids=own_id):
                continue
            self.header_of = {f: h for h, f in own.columns.items()}
            if make_ids:
                data["id"] = generated_id(record.row, [record.data.get(h) for h in header])
            for header_name, field_name in own.columns.items():
                value = data.get(field_name)
                if (
                    field_name in _DATE_FIELDS
                    and isinstance(value, str)
                    and ambiguous_day_first(value)
                ):
                    ambiguous.setdefault(header_name, []).append(record.row)
            # in a workbook of several sheets a row number needs its sheet
            unit = f"{prefix.rstrip(': ')} row" if prefix else record.unit
            if not has_train_fields(data):
                keys = ", ".join(repr(k) for k in record.data if isinstance(k, str))
                self.problem(
                    f"{prefix}nothing of a train read (no place, date or count; keys: "
                    f"{keys or 'none'}); {record.unit} skipped",
                    row=record.row,
                    unit=unit,
                )
                continue
            self._read_event(data, event_places, record.row, unit, plain=own.plain_departure)
            self._read_cells(data, record.row, unit)
            self._check_counts(data, record.row, unit)
            totals.add(data)
            zone = None if kind == "form" else self.tz  # a table's times, not a text's
            out.extend(
                RawRecord(zoned_times(d, zone), record.row, unit) for d in passage_records(data)
            )
        self.header_of = {f: h for h, f in mapping.columns.items()}
        self._say_seen_rows(mapping, prefix)
        # (a table of a header and no rows: its unit is a row all the same)
        self._say_table_year(prefix, next((r.unit for r in records), "row"))
        for name, rows in ambiguous.items():
            shown = ", ".join(map(str, rows[:8])) + (", ..." if len(rows) > 8 else "")
            self.problem(
                f"{prefix}numeric dates read day-first (01/03/2023 is "
                f"1 March 2023); ambiguous in rows {shown}; records kept",
                field=name,
            )
        self.tables.append(
            {
                "record": "file",
                "path": self.name,
                "format": kind,
                "sheet": sheet,
                "columns": dict(mapping.columns),
                "ignored": [*mapping.ignored, *mapping.shadowed],
                "n_records": len(out),
                "generated_ids": make_ids,
            }
        )
        return out

    def _total_row(
        self,
        totals: TotalRows,
        record: RawRecord,
        data: Mapping[str, Any],
        formulas: Mapping[int, str] | None,
        prefix: str,
    ) -> bool:
        """Say so and return True when a table's row is its total row, not a train."""
        formula = (formulas or {}).get(record.row)
        total = totals.total(data, list(record.data.values()), formula=formula)
        if total is None:
            return False
        self.problem(prefix + total, row=record.row, unit=record.unit)
        return True

    def _note_repeated_row(
        self,
        record: RawRecord,
        header: Sequence[str],
        first_row: dict[tuple[str, ...], int],
        prefix: str,
        *,
        own_ids: bool = False,
    ) -> bool:
        """Say when a row repeats an earlier one in every cell (pasted twice?); keep both.

        Two like trains told in one post may fill two equal rows, so the row is kept and
        counted; the problem names both rows, so a row pasted twice can be deleted
        (trial12 T14: a log's row pasted twice was two trains with no word said). A
        table with its own id column (``own_ids``) whose row repeats an earlier one,
        its id too, is one record given twice: the row is skipped, said in one line
        (trial14 C2: not "read as two trains" and "skipped" both). Returns whether
        the row is skipped.
        """
        cells = tuple(str(record.data.get(h) or "").strip() for h in header)
        if not any(cells):
            return False
        earlier = first_row.setdefault(cells, record.row)
        if earlier == record.row:
            return False
        if own_ids:
            self.problem(
                f"{prefix}repeats {record.unit} {earlier} in every field, its id too: "
                f"the same record given twice, read once; this {record.unit} is skipped",
                row=record.row,
                unit=record.unit,
            )
            return True
        self.problem(
            f"{prefix}repeats {record.unit} {earlier} in every field: read as two "
            "trains; delete one if it was pasted twice",
            row=record.row,
            unit=record.unit,
        )
        return False

    def _event_places(
        self, records: list[RawRecord], maps: Any, mapping: HeaderMap, prefix: str
    ) -> list[str]:
        """Return the place fields whose column holds only event words, with a problem each.

        "Kierunek: przyjazd" names no place: the column is read as the row's event
        (:mod:`railtrack.io.events`).
        """
        from railtrack.io.events import event_place_fields

        rows = [{f: r.data.get(h) for h, f in maps.of(r).columns.items()} for r in records]
        found = event_place_fields(rows)
        for name in found:
            words = sorted({str(row[name]).strip() for row in rows if not is_blank(row.get(name))})
            header = next((h for h, f in mapping.columns.items() if f == name), name)
            self.problem(
                f"{prefix}column {header!r} holds event words ({', '.join(words[:4])}), not "
                f"places: read as the row's event, not its {name}",
                field=str(header),
            )
        return found

    def _say_seen_rows(self, mapping: HeaderMap, prefix: str) -> None:
        """Say which rows of a log of trains read their plain date as a day seen at a station."""
        header, rows = mapping.plain_departure, self.seen_rows
        if header is None or not rows:
            return
        shown_rows = ", ".join(map(str, rows[:8])) + (", ..." if len(rows) > 8 else "")
        self.problem(
            f"{prefix}column {header!r}: rows {shown_rows} name a station and no end, so "
            "their date is the day the train was seen at the station (a sighting there); "
            "the other rows' is the departure",
            field=header,
        )

    def _read_event(
        self,
        data: dict[str, Any],
        event_places: list[str],
        row: int,
        unit: str,
        *,
        plain: str | None = None,
    ) -> None:
        """Read a row's event and time-of-day cells in place (:mod:`railtrack.io.events`).

        ``plain`` is the table's plain date column read as the departure
        (:attr:`railtrack.io.tables.HeaderMap.plain_departure`): a row naming a station
        and no end reads it as the day seen there (:func:`railtrack.io.events.plain_date_seen`).
        """
        from railtrack.io.events import apply_event, join_time, plain_date_seen, timed_day

        if plain is not None and plain_date_seen(data):
            self.seen_rows.append(row)

        for name in event_places:
            value = data.pop(name, None)
            if is_blank(data.get("event")):
                data["event"] = value
        for why in (apply_event(data), join_time(data), timed_day(data)):
            if why is not None:
                self.problem(why, row=row, unit=unit)

    def _table_year(self, records: list[RawRecord], maps: KeyMaps) -> TableYear | None:
        """Return what gives this table's yearless dates ("3 марта") their year, if any.

        The title line above a CSV's header, else the table's other full dates, else
        ``--published`` (:func:`railtrack.io.yearless.table_year`).
        """
        from railtrack.io.yearless import cell_days, table_year

        days, rows = [], []
        for record in records:
            for header_name, field_name in maps.of(record).columns.items():
                if field_name in _READ_DATES:
                    day = cell_days(record.data.get(header_name))
                    if day is not None:
                        days.append(day)
                        rows.append(record.row)
        return table_year(self.titles, days, self.published, rows)

    def _say_table_year(self, prefix: str, unit: str) -> None:
        """Say, once per column, the year given to the table's yearless dates; forget it."""
        notes = self.table_year.notes() if self.table_year else []
        title = self.table_year.title if self.table_year else None
        if notes and title is not None and self.titles == [title]:
            # the title line was read for its year: never also "not read" (review19 #15)
            self.problems = [
                p for p in self.problems if not ("above the header" in p.message and p.row)
            ]
        for header_name, first, note in notes:
            self.problem(prefix + note, row=first, field=header_name, unit=unit)
        self.table_year = None

    def _note_unreadable_date(self, data: dict[str, Any], name: str, row: int, unit: str) -> None:
        """Keep a row whose date cell cannot be read when nothing else dates it (trial19 T2)."""
        if self.published is None and is_blank(data.get("published")):
            self.unreadable_dates.setdefault(row, (self.header_of.get(name, name), unit))

    def _read_date(self, data: dict[str, Any], name: str, value: str, row: int) -> str | None:
        """Read one date cell in place (:func:`_date_cell`); return why not; note a year given."""
        unread, assumed = _date_cell(data, name, value, self.table_year, row)
        if unread is None and assumed is not None and self.table_year is not None:
            self.table_year.assumed(self.header_of.get(name, name), row, value, assumed)
        return unread

    def _read_cells(self, data: dict[str, Any], row: int, unit: str) -> None:
        """Read a table row's count and date cells as text is read; keep the row.

        A count cell goes through :func:`railtrack.io.cells.read_count` ("about 40",
        "сорок девять", "30-40"; approximate counts set ``cars_estimated``, lower
        bounds such as "at least 40" or "не менее 30" ``cars_at_least``, upper bounds
        such as "do 50" ``cars_at_most`` and ``cars_total_max``, and a total's range
        such as "30-40" both, its high end in ``cars_total_max``); a date
        only month-first ("12/13/2022") is read so. A count or date cell that still
        cannot be read is left out with one problem naming it, and the record keeps
        its other fields (a spreadsheet row is a train whatever one cell says).
        """
        from railtrack.io.cells import read_count

        for name in [k for k in data if k in _COUNT_FIELDS or k in _READ_DATES]:
            value = data[name]
            if isinstance(value, int | float) and name in _READ_DATES:
                value = f"{value:g}"  # a number in a date column (an unformatted Excel date)
            if isinstance(value, float) and name in _COUNT_FIELDS:
                if value.is_integer():
                    data[name] = int(value)  # a spreadsheet's 38.0
                    continue
                value = f"{value:g}"  # 2.5 cars: this cell is no count, the row stays (F115)
            if not isinstance(value, str) or not value.strip():
                continue
            if name in _COUNT_FIELDS and value.strip().isdigit():
                continue
            if name in _COUNT_FIELDS:
                count = read_count(value)
                if count is not None:
                    data[name] = count.value
                    data["cars_estimated"] = data.get("cars_estimated") or count.estimated
                    if count.at_least and name == "cars_total":
                        data["cars_at_least"] = True
                    if count.at_most and name == "cars_total":  # "do 50", "30-40"
                        data["cars_at_most"] = True
                        data["cars_total_max"] = count.most
                    continue
                why = f"{shown(value)} is not a count"
            else:
                unread = self._read_date(data, name, value, row)
                if unread is None:
                    continue
                why = unread
                self._note_unreadable_date(data, name, row, unit)
            del data[name]
            self.problem(
                f"{why}; the record is kept without this field",
                row=row,
                field=name,
                unit=unit,
            )

    def _check_counts(self, data: dict[str, Any], row: int, unit: str) -> None:
        """Leave out a table row's car counts that cannot stand; keep the row.

        A count over what the row's trains carry (``Settings.max_cars_per_train``
        times ``n_trains``, 1 for a train) is left out; so is a total that the typed
        counts exceed (the typed cells are kept, and the total then derived from
        them, as text reading does). One problem names the cells each time; the
        row keeps its date, ends and source (trial F78: a typo in a count column
        must not delete a train).
        """
        read = {k: whole_count(data.get(k)) for k in _CAR_FIELDS if k in data}
        counts: dict[str, int] = {k: v for k, v in read.items() if v is not None}
        trains = whole_count(data.get("n_trains"))
        per = DEFAULT_SETTINGS.max_cars_per_train
        limit = per * (trains if trains and trains > 0 else 1)
        what = "a train carries" if limit == per else f"{limit // per} trains carry"
        for name, n in list(counts.items()):
            if n > limit:
                del data[name], counts[name]
                self.problem(
                    f"{n} cars is more than {what} ({limit}; Settings.max_cars_per_train = "
                    f"{per}); the record is kept without this field",
                    row=row,
                    field=name,
                    unit=unit,
                )
        typed = {k: v for k, v in counts.items() if k != "cars_total"}
        total = counts.get("cars_total")
        if total is not None and sum(typed.values()) > total:
            del data["cars_total"]
            cells = ", ".join(f"{self.header_of.get(k, k)!r} {v}" for k, v in typed.items())
            self.problem(
                f"typed cars ({cells}) add up to {sum(typed.values())}, more than the total "
                f"{total}; the record is kept without the total (derived from the typed cars)",
                row=row,
                field="cars_total",
                unit=unit,
            )
        if sum(typed.values()) > limit:
            for name in typed:
                del data[name]
            self.problem(
                f"typed cars add up to {sum(typed.values())}, more than {what} ({limit}); "
                "the record is kept without them",
                row=row,
                field=next(iter(typed)),
                unit=unit,
            )

    def _jsonl_records(self, text: str) -> Iterator[RawRecord]:
        """Yield the records of JSON Lines one by one; bad lines become problems."""
        for item in iter_jsonl_records(text):
            if isinstance(item, FileFormatError):
                self.problem(str(item), row=item.row, unit="line")
            else:
                yield item

    def _drop_unread(
        self,
        record: RawRecord,
        kind: str,
        nested: dict[str, Any],
        names: dict[str, str],
        unknown_seen: set[object],
    ) -> None:
        """Leave out what a record gives that is not read, each with a problem (never silently).

        Keys its sub-records do not have (``cars.totl``, ``origin.stationid``) and
        fields its kind does not have, reported once per file; a plain ``cars`` count
        that ``cars_total`` overrides, on each record.
        """
        for name in drop_unknown_parts(nested, names):
            if name not in unknown_seen:
                unknown_seen.add(name)
                self.problem(
                    f"unknown field {name!r} ignored (reported once per file)",
                    row=record.row,
                    field=name,
                    unit=record.unit,
                )
        note = plain_cars_note(record.data)
        if note is not None:
            self.problem(note, row=record.row, field="cars", unit=record.unit)
        for name in misplaced_fields(kind, nested, names):
            nested.pop(next(k for k, v in names.items() if v == name), None)
            if (kind, name) not in unknown_seen:
                unknown_seen.add((kind, name))
                self.problem(
                    f"field {name!r} does not apply to {kind} records; ignored "
                    "(reported once per file)",
                    row=record.row,
                    field=name,
                    unit=record.unit,
                )

    def _validate(self, records: Iterable[RawRecord], file_source: dict[str, Any] | None) -> None:
        unknown_seen: set[object] = set()
        unsourced: dict[tuple[str, int | None], None] = {}  # (unit, row) kept without source
        sourced: dict[tuple[str, int | None], None] = {}
        for record in records:
            if record.data.get("record") == "file":
                continue  # how `load --json` read a table: not a report record
            if "__invalid__" in record.data:
                self.problem(
                    "a record must be an object with named fields", row=record.row, unit=record.unit
                )
                continue
            unknown = [k for k in record.data if k not in KNOWN_KEYS and k not in unknown_seen]
            for key in unknown:
                unknown_seen.add(key)
                self.problem(
                    f"unknown field {key!r} ignored (reported once per file)",
                    row=record.row,
                    field=key,
                    unit=record.unit,
                )
            try:
                kind, nested, names = normalise_record(record.data, file_source=file_source)
                # a table with a link or publication date but no reporter column (trial
                # T11): the row is kept under reporter "unknown", as with no source at all
                source = nested.get("source")
                no_source = source is None or (
                    isinstance(source, dict) and not source.get("reporter")
                )
                if no_source:
                    nested["source"] = {
                        **(source if isinstance(source, dict) else {}),
                        "reporter": "unknown",
                    }
                self._drop_unread(record, kind, nested, names, unknown_seen)
                self._unknown_if_future(record, nested)
                if self.shared is not None:
                    share_parts(nested, self.shared)
                model = validate_record(kind, nested, names)
            except RecordError as exc:
                self.problem(
                    f"{exc.message}; record skipped",
                    row=record.row,
                    field=exc.field,
                    unit=record.unit,
                )
                continue
            except (ValueError, TypeError, OverflowError, RecursionError) as exc:
                # one bad value costs only its record, whatever it breaks
                self.problem(
                    f"cannot read the record ({type(exc).__name__}: {exc}); record skipped",
                    row=record.row,
                    unit=record.unit,
                )
                continue
            # said only of a record kept: a skipped one has its own problem
            (unsourced if no_source else sourced).setdefault((record.unit, record.row), None)
            self.models.append((model, record.row))
        self._note_unsourced(list(unsourced), sourced)

    def _note_unsourced(
        self, unsourced: list[tuple[str, int | None]], sourced: dict[tuple[str, int | None], None]
    ) -> None:
        """Say which records were kept without a source: once a row, or once when all were.

        A row of a hand log with a station is a train and a sighting, two records
        of one row: the problem is the row's, said once. When no record kept gives a
        source (a log without a source column), one problem says so for the file.
        """
        message = "no source given; kept with reporter 'unknown' (reliability F)"
        if len(unsourced) > 1 and not sourced:
            (unit, first), (_, last) = unsourced[0], unsourced[-1]
            where, _, noun = unit.rpartition(" ")  # "sheet 'April' row": the sheet's rows
            of = f" of {where}" if where else ""
            self.problem(
                f"no source given in any {noun}{of} ({len(unsourced)} {noun}s, {first} to "
                f"{last}); all kept with reporter 'unknown' (reliability F): add a source column",
                field="source",
            )
            return
        for unit, row in unsourced:
            self.problem(message, row=row, field="source", unit=unit)

    def _unknown_if_future(self, record: RawRecord, nested: dict[str, Any]) -> None:
        """Read a row's publication date after today as unknown, and say so (trial11 T22).

        A year typo ("2033" for "2023") would move the knowledge date and the briefing's
        period by years; the row is kept, dated as a row without a published date.
        """
        source = nested.get("source")
        day = source.get("published") if isinstance(source, dict) else None
        if isinstance(day, datetime):
            day = day.date()
        today = datetime.now(UTC).date()
        if isinstance(source, dict) and isinstance(day, date) and day > today:
            self.problem(
                f"{day.isoformat()} is after today ({today.isoformat()}): a typo? The record "
                "is kept with its publication date unknown",
                row=record.row,
                field="published",
                unit=record.unit,
            )
            source["published"] = None

    def _load_web_page(self) -> None:
        """Read a saved web page's article as a free-text report (:mod:`.webpage`)."""
        from railtrack.io.webpage import NoArticle, web_page_text

        notes: list[tuple[int, str]] = []
        try:
            text = web_page_text(read_text(self.path, notes=notes), name=self.path)
        except NotText as exc:
            self.problem(str(exc))
            return
        except NoArticle:
            self.problem("a web page with no article text found; skipped")
            return
        except ImportError as exc:  # a broken install must cost the page, not the load
            self.problem(f"cannot read web pages here ({exc}); reinstall railtrack; skipped")
            return
        except OSError as exc:
            self.problem(f"cannot read the file: {exc.strerror or exc}")
            return
        for line, message in notes:
            self.problem(message, row=line, unit="line")
        before = len(self.models)
        self._load_text(text)
        if not text.startswith("source:") and len(self.models) > before:
            # only a page that gives trains needs a reporter (a page with none is silent)
            self.problem(
                "the page names and cites no reporter; its trains are kept with reporter "
                "'unknown' (reliability F), relayed by the site",
                field="source",
            )

    def _load_text(self, text: str) -> None:
        from railtrack.io.text import as_problem, text_report

        if self._load_form(text):
            return
        text = self._bounded(text)
        try:
            shipments, groups, sightings, messages = text_report(
                text,
                Path(self.name),
                published=self.published,
                network=self.network,
                retracted=self.retracted,
            )
        except (ValueError, TypeError, OverflowError, RecursionError) as exc:
            # a value the reader cannot hold ("31.12.9999", 5,000 cars) costs this report
            message = " ".join(str(exc).split())[:300]
            self.problem(f"cannot read the report text ({type(exc).__name__}: {message})")
            return
        self.models.extend((m, 0) for m in (*shipments, *groups, *sightings))
        for message in messages:
            found = as_problem(message, Path(self.name).name)
            self.problem(found.message, row=found.row, field=found.field, unit=found.unit)
        if not (shipments or groups or sightings):
            self._unread_form(text)

    def _bounded(self, text: str) -> str:
        """Cut a report text longer than ``Settings.extract_max_report_chars``, saying so.

        The cut falls at the last sentence end (or line end) before the limit, so that
        no sentence is read in half; the problem names the file, its length, the line
        read to and the setting (trial19 T10: a 3.7 MB one-line file read for minutes
        with no word).
        """
        limit = (self.settings or DEFAULT_SETTINGS).extract_max_report_chars
        if len(text) <= limit:
            return text
        head = text[:limit]
        cut = max(head.rfind(". "), head.rfind("\n"), head.rfind("! "), head.rfind("? "))
        kept = head[: cut + 1] if cut > limit // 2 else head
        line = kept.count("\n") + 1
        self.problem(
            f"{Path(self.name).name} is {len(text):,} characters long; only its first "
            f"{len(kept):,} (to line {line}) are read as a report (setting "
            f"extract_max_report_chars, {limit:,}): a text this long is seldom one "
            "report; split it into files or raise the setting",
            row=line,
            unit="line",
        )
        return kept

    def _unread_form(self, text: str) -> None:
        """Say so when a text shaped as a form gave nothing: its labels are not known."""
        from railtrack.io.forms import form_labels
        from railtrack.io.text import split_header

        _, body, body_line, _ = split_header(text)
        labels = form_labels(body)
        if labels:
            shown_labels = ", ".join(repr(label[:40]) for label in labels[:8])
            self.problem(
                f"written as a form whose labels ({shown_labels}) are no report fields "
                "railtrack knows (at most one is); nothing read: map them with --columns "
                '"LABEL=FIELD,..." (see data/tables/README.md)',
                row=body_line,
                unit="line",
            )


_FORM_HEADER = ("source", "relayed_by", "url")
"""A text report's header fields a form's records take when the form does not name them."""


def _form_rows(
    forms: list[Any],
    header: Mapping[str, tuple[int, str]],
    stem: str,
    body_line: int,
    columns: Mapping[str, str] | None = None,
) -> tuple[list[RawRecord], list[str]]:
    """Return a form's records as a table's rows (labels as headers) and the labels in order.

    Each record gets the id ``{stem}-t{n}`` (as a text report's trains are named), and
    the header's source, relay, link and publication day unless it gives its own.
    """
    from railtrack.io.tables import map_headers

    rows: list[RawRecord] = []
    labels: dict[str, None] = {}
    for n, form in enumerate(forms, start=1):
        data: dict[str, Any] = {"id": f"{stem}-t{n}"}
        given = set(map_headers(list(form.values), columns).fields)
        for key in _FORM_HEADER:
            if key in header and header[key][1] and key not in given:
                data[key] = header[key][1]
        if "published" in header and header["published"][1] and "published" not in given:
            data["published"] = header["published"][1]
        data.update(form.values)
        labels.update(dict.fromkeys(data))
        rows.append(RawRecord(data, body_line + form.line - 1, "line"))
    return rows, list(labels)


def _keep_new(
    result: ReportSet,
    loader: _FileLoader,
    first_rows: dict[tuple[str, str], int],
    firsts: dict[tuple[str, str], Any] | None = None,
) -> None:
    """Add a file's records to ``result``; an id already loaded is a problem, not a record.

    ``first_rows`` maps each loaded (kind, id) to its row; the file is in ``result.files``.
    """
    name = loader.name  # one string for all the file's records
    renames = (
        {}
        if loader.telegram is not None
        else renamed_ids(loader.models, name, first_rows, result.files, firsts)
    )
    if renames:
        _tell_renames(loader, renames)
    for model, row in loader.models:
        if renames:
            model = with_ids(model, renames)
        kind = type(model).__name__
        key = (kind, model.id)
        if key in first_rows and loader.telegram is not None and key in result.telegram_kept:
            twice = result.files.get(key) == name  # twice in one export: no edit of a post
            if twice:
                _one_export_twice(loader, result.telegram_kept[key], model)
            _keep_latest_post(result, key, model, name, _TWICE if twice else _AGAIN)
            continue
        if key in first_rows and firsts is not None:
            model = reused_id(loader, model, row, first_rows, firsts, result.files)
            key = (kind, model.id)
        if key in first_rows:
            first_row = first_rows[key]
            first_file = result.files[key]
            shown_file = Path(first_file).name if first_file == name else file_label(first_file)
            where = shown_file + (f" row {first_row}" if first_row else "")
            loader.problem(
                f"duplicate {kind.lower()} id {model.id!r} (first in {where}); "
                "this record is skipped",
                row=row or None,
                field="id",
            )
            continue
        first_rows[key] = row
        if firsts is not None:
            firsts[key] = model
        result.add(model, file=name)
        if loader.telegram is not None:
            result.telegram_kept[key] = model
        elif row in loader.unreadable_dates and kind != "Sighting":
            result.unreadable_dates[key] = (row, *loader.unreadable_dates[row])
    if loader.telegram is not None:
        result.problems.extend(loader.problems)  # in message order, as read
        result.skipped.update(loader.telegram.skipped)
        result.posts.extend(loader.telegram.posts)
        return
    result.problems.extend(sorted(loader.problems, key=lambda p: p.row or 0))
    result.tables.extend(loader.tables)


def _tell_renames(loader: _FileLoader, renames: dict[tuple[str, str], tuple[str, str]]) -> None:
    """Say, once per other file, which of this file's ids were renamed and how."""
    by_file: dict[str, list[str]] = {}
    for (_kind, old), (new, first) in renames.items():
        by_file.setdefault(first, []).append(f"{old!r} -> {new!r}")
    for first, pairs in by_file.items():
        shown_pairs = ", ".join(pairs[:5]) + (
            f" and {len(pairs) - 5} more" if len(pairs) > 5 else ""
        )
        loader.problem(
            f"{len(pairs)} id(s) of {file_label(loader.name)} are also ids in {file_label(first)}; "
            f"records of different files are different records, so both are kept and this "
            f"file's are renamed: {shown_pairs}",
            field="id",
        )


_AGAIN = "telegram records also in another export (the latest version kept)"
_TWICE = "telegram records under a message id one export holds twice (the latest kept)"


def _one_export_twice(loader: _FileLoader, first: Any, again: Any) -> None:
    """Report a message id that one Telegram export holds twice (once per message).

    A channel's export lists each message once; two posts under one id are a
    damaged or hand-merged file, and only one of them (the later version, as for
    two exports) can be kept: the other's trains would be lost without a word.
    """
    message = again.source.message_id
    if message in loader.twice_reported:
        return
    loader.twice_reported.add(message)

    def when(model: Any) -> str:
        moment = model.source.published_at or model.source.published
        return "undated" if moment is None else str(moment)[:16].replace("T", " ")

    kept, lost = (again, first) if _post_version(again) > _post_version(first) else (first, again)
    loader.problem(
        f"message id {message} appears twice in this export (posts of {when(first)} and "
        f"{when(again)}); the post of {when(kept)} is kept and the other ({when(lost)}) "
        "is not read",
        row=message if isinstance(message, int) else None,
        field="id",
        unit="message",
    )


def _keep_latest_post(
    result: ReportSet, key: tuple[str, str], model: Any, file: str, reason: str = _AGAIN
) -> None:
    """Keep the later version of a post read from two exports of one channel (or twice)."""
    kept = result.telegram_kept[key]
    result.skipped[reason] += 1
    if _post_version(model) > _post_version(kept):
        result.telegram_kept[key] = model
        result.files[key] = file


def _post_version(model: Any) -> str:
    src = model.source
    moment = src.edited_at or src.published_at
    return "" if moment is None else moment.isoformat()


def _apply_latest_posts(result: ReportSet) -> None:
    """Swap in, in one pass, the later versions :func:`_keep_latest_post` chose."""
    if not (result.skipped.get(_AGAIN) or result.skipped.get(_TWICE)):
        return
    kept = result.telegram_kept
    result.shipments = [kept.get(("Shipment", s.id), s) for s in result.shipments]
    result.groups = [kept.get(("ShipmentGroup", g.id), g) for g in result.groups]
    result.sightings = [kept.get(("Sighting", s.id), s) for s in result.sightings]


def _runs(roots: list[Path]) -> list[tuple[bool, list[Path]]]:
    """Split roots, in order, into runs of converted directories and of report paths."""
    from railtrack.io.converted import is_converted

    runs: list[tuple[bool, list[Path]]] = []
    for root in roots:
        converted = root.is_dir() and is_converted(root)
        if runs and runs[-1][0] == converted:
            runs[-1][1].append(root)
        else:
            runs.append((converted, [root]))
    return runs


def _keep_converted(result: ReportSet, root: Path, first_rows: dict[tuple[str, str], int]) -> None:
    """Add the records of a converted directory (:mod:`railtrack.io.converted`), in order."""
    from railtrack.io.converted import read_converted

    stored = read_converted(root)
    for kind, records in (
        ("Shipment", stored.shipments),
        ("ShipmentGroup", stored.groups),
        ("Sighting", stored.sightings),
    ):
        for record in records:
            key = (kind, record.id)
            if key in first_rows:
                where = Path(result.files.get(key, "?")).name
                result.problems.append(
                    Problem(
                        str(root),
                        None,
                        "id",
                        f"duplicate {kind.lower()} id {record.id!r} (first in {where}); "
                        "this record is skipped",
                    )
                )
                continue
            first_rows[key] = 0
            result.add(record, file=stored.files.get(key))
            if key not in stored.files:
                result.files.pop(key, None)
    result.problems.extend(stored.problems)
    result.skipped.update(stored.skipped)
    result.posts.extend(stored.posts)
    result.retracted.extend(stored.retracted)  # matched again with the other inputs


def _in_parent(path: Path) -> bool:
    """Telegram exports are streamed by the loading process, never sent to a worker."""
    from railtrack.io.telegram import is_telegram_file

    return path.suffix.lower() in TELEGRAM_SUFFIXES or is_telegram_file(path)


def _text_network(files: list[Path]) -> RailNetwork | None:
    """Build the embedded network here once, when free text will need it in workers."""
    if not any(f.suffix.lower() in TEXT_SUFFIXES for f in files):
        return None
    from railtrack.extract import _embedded_network

    network = _embedded_network()  # what a serial load resolves free-text names on
    if network is not None:
        _ = network.gazetteer  # built before the workers get it
    return network


def _loaded(
    files: list[Path],
    *,
    published: date | None,
    shared: Interner,
    workers: int | None,
    columns: dict[str, str] | None = None,
    cluster: tuple[Any, Path | None] | None = None,
    tz: tzinfo | None = None,
    settings: Settings | None = None,
) -> Iterator[_FileLoader]:
    """Yield each file's finished loader, in order, read here or by worker processes.

    With a ``columns`` mapping the files are read here (tables are small; workers
    know only the alias table).
    """
    from railtrack.io import parallel

    def serial(path: Path) -> _FileLoader:
        loader = _FileLoader(
            path, published=published, shared=shared, columns=columns, tz=tz, settings=settings
        )
        loader.load()
        return loader

    if cluster is not None and not columns:
        from railtrack.io.dask_load import load_chunks_dask

        client, work_dir = cluster
        yield from load_chunks_dask(
            files,
            client=client,
            published=published,
            network=_text_network(files),
            serial=serial,
            in_parent=_in_parent,
            work_dir=work_dir,
            tz=tz,
        )
        return
    n = parallel.default_workers(files) if workers is None else workers
    n = 1 if columns else min(n, len(files))
    if n <= 1:
        yield from map(serial, files)
        return
    yield from parallel.load_chunks(
        files,
        published=published,
        workers=n,
        network=_text_network(files),
        serial=serial,
        in_parent=_in_parent,
        tz=tz,
    )


def zoned_times(data: dict[str, Any], zone: tzinfo | None) -> dict[str, Any]:
    """Read a table row's clock times without a zone as times in ``zone`` (``--tz``).

    A channel's log kept in a sheet writes its times in the channel's local time
    ("06:40" in Minsk); railtrack keeps times in UTC (:func:`railtrack.models.utc_naive`),
    so with ``--tz`` such a time gets the zone and is converted when read. A time with
    its own zone (``...+03:00``, ``...Z``), a date without a time and a row without a
    time are left as they are; so is every time when ``zone`` is None (taken as UTC).

    Parameters
    ----------
    data
        A row's record keyed by field; it is not changed.
    zone
        The zone the table's times are written in, or None.

    Returns
    -------
    dict
        A new record with ``seen_at`` given its zone (ISO text), or ``data`` itself
        when nothing is converted.

    Notes
    -----
    A local time that a daylight-saving change makes ambiguous (it happens twice:
    02:30 on the last Sunday of October in Warsaw, 03:30 in Kyiv) or non-existent
    (skipped: the same hours on the last Sunday of March) is read with ``fold=0``
    (:pep:`495`), the offset in force before the change, and no problem is
    reported. Minsk and Moscow keep no daylight-saving time (since 2011 and 2014).

    Examples
    --------
    >>> from zoneinfo import ZoneInfo
    >>> zoned_times({"seen_at": "2023-05-08T06:40"}, ZoneInfo("Europe/Minsk"))
    {'seen_at': '2023-05-08T06:40:00+03:00'}
    >>> zoned_times({"seen_at": "2023-05-08"}, ZoneInfo("Europe/Minsk"))
    {'seen_at': '2023-05-08'}
    >>> zoned_times({"seen_at": "2023-05-08T06:40Z"}, ZoneInfo("Europe/Minsk"))
    {'seen_at': '2023-05-08T06:40Z'}
    >>> row = {"seen_at": "2023-10-29T02:30"}  # twice in Warsaw: the summer one
    >>> zoned_times(row, ZoneInfo("Europe/Warsaw")), row
    ({'seen_at': '2023-10-29T02:30:00+02:00'}, {'seen_at': '2023-10-29T02:30'})
    """
    value = data.get("seen_at")
    if zone is None or value is None:
        return data
    if isinstance(value, str):
        text = value.strip()
        if len(text) <= 10:
            return data  # a day: no clock time to convert
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            return data  # read (and reported) as written
    elif isinstance(value, datetime) and value.time() != time(0, 0):
        moment = value  # (a cell at midnight is an Excel date: a day)
    else:
        return data
    if moment.tzinfo is None:
        return {**data, "seen_at": moment.replace(tzinfo=zone).isoformat()}
    return data


def _no_progress(records: int) -> None:
    """Ignore a progress report (the default of :func:`load_reports`)."""


def _n_records(result: ReportSet) -> int:
    """Return the records (trains, group totals, sightings) in ``result``."""
    return len(result.shipments) + len(result.groups) + len(result.sightings)


def load_reports(
    paths: str | Path | Iterable[str | Path],
    *,
    published: date | None = None,
    strict: bool = False,
    workers: int | None = None,
    columns: dict[str, str] | None = None,
    client: Any = None,
    work_dir: str | Path | None = None,
    progress: Callable[[int], None] | None = None,
    tz: tzinfo | None = None,
    settings: Settings | None = None,
    keep_retracted: Iterable[str] = (),
) -> ReportSet:
    """Load report files into a :class:`ReportSet`.

    Parameters
    ----------
    paths
        A file, a directory (read recursively; ``README``/``LICENSE`` files and hidden
        files are skipped), or several of them. A directory written by ``railtrack
        convert`` (:mod:`railtrack.io.converted`) is read from its Parquet files,
        with no text extracted again. A Telegram Desktop export (its
        ``result.json``, its ``messages*.html`` pages, or its folder, whose media
        folders are never read) is read post by post; two exports of one channel
        keep each post's latest version.
    published
        Publication date for free-text files whose header gives none; relative dates
        ("yesterday") resolve against it.
    strict
        Raise :class:`~railtrack.errors.ReportError` on the first problem instead of
        collecting problems.
    workers
        Processes that read the files and extract free text
        (:mod:`railtrack.io.parallel`); the result is the same for any number. None:
        1 for a small input, every core from
        :data:`~railtrack.io.parallel.PARALLEL_MIN_TEXT_FILES` free-text files or
        :data:`~railtrack.io.parallel.PARALLEL_MIN_BYTES` bytes of input.
    columns
        For tables (CSV, Excel ``.xlsx``): ``{header: field}`` for headers the alias
        table (``data/tables/header_aliases.csv``) does not know, e.g.
        ``{"von": "origin"}``; it wins over the aliases.
    client
        A ``distributed.Client``: the files are read and free text extracted on its
        cluster instead (:mod:`railtrack.io.dask_load`, the Dask engine); the result
        is the same. ``workers`` is then ignored, and so is ``client`` when
        ``columns`` is given (tables are read here).
    work_dir
        With ``client``: where finished chunks are saved, so a restarted load does
        not redo them.
    progress
        Called after each file is added with the number of records (trains, group
        totals, sightings) kept so far, for a progress display.
    tz
        The time zone Telegram channels write in (``--tz``, :func:`railtrack.zones.parse_zone`):
        a post's "today" is its local day there and its clock times are converted to
        UTC. None takes a known channel's zone from ``data/outlets/zones.csv`` and
        reads other channels' posts against their UTC day.
    settings
        The bounds of a Telegram post's time (``earliest_telegram_post``,
        ``latest_plausible_date``) and the days an undated train may precede a
        retraction of it (``retraction_match_days``); None: the defaults. (Exports
        are read in this process, so the result is the same for any ``workers``.)
    keep_retracted
        Ids of trains to keep counted though a retraction fits them (``--keep-retracted``,
        :func:`railtrack.io.retractions.keep_counted`): a wrong match undone; a mark a
        converted folder stores is undone too. Empty: every sure match is marked.

    Returns
    -------
    ReportSet
        Validated shipments, groups and sightings, and the problems found. The same
        id twice (in one file or two) is a problem: the first record is kept.

    Raises
    ------
    InputPathError
        When a path does not exist.
    ReportError
        With ``strict=True``, on the first problem.
    ValueError
        When ``workers`` is less than 1, or ``columns`` names a field records do not
        have.

    Notes
    -----
    The formats, their fields and the labelling of the embedded reports are
    described in ``data/reports/README.md`` and the README's "Loading reports" section.
    Dates are calendar days; sighting times are UTC (:func:`railtrack.models.utc_naive`).

    Examples
    --------
    >>> from railtrack import data_path
    >>> rs = load_reports(data_path("reports") / "seed-hajun-2023-03.yaml")
    >>> len(rs), rs.to_frame()["destination"].tolist()
    (2, ['Matveyev-Kurhan', 'Nieklinovka'])

    A bad value is a :class:`Problem` next to the good rows (``strict=True`` raises it):

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = Path(tmp) / "reports.csv"
    ...     _ = path.write_text(
    ...         "id,origin,destination,departure,cars_total,source\\n"
    ...         "t1,Slonim,Valuyki,2023-03-08,40,Belarusian Hajun\\n"
    ...         "t2,Orsha,Kursk,2023-03-09,eighty six?,Belarusian Hajun\\n"
    ...     )
    ...     rs = load_reports(path)
    >>> len(rs), rs.to_frame()["cars_total"].tolist()
    (2, [40, <NA>])
    >>> print(rs.problems[0])  # doctest: +ELLIPSIS
    reports.csv row 3, field 'cars_total': 'eighty six?' is not a count...
    >>> load_reports("no-such-file.csv")
    Traceback (most recent call last):
    ...
    railtrack.errors.InputPathError: no such file or directory: no-such-file.csv
    """
    if isinstance(paths, str | Path):
        paths = [paths]
    roots = [Path(p) for p in paths]
    for root in roots:
        if not root.exists() and not root.is_symlink():
            msg = f"no such file or directory: {display_path(root)}"
            raise InputPathError(msg)
    unknown = sorted(set((columns or {}).values()) - KNOWN_KEYS)
    if unknown:
        msg = f"not a report field: {', '.join(unknown)} (fields: {', '.join(sorted(KNOWN_KEYS))})"
        raise ValueError(msg)
    if workers is not None and workers < 1:
        msg = f"workers must be at least 1, not {workers}"
        raise ValueError(msg)
    result = ReportSet()
    retracted: list[tuple[str, Shipment]] = []  # (file, a train a retraction denies)
    first_rows: dict[tuple[str, str], int] = {}
    firsts: dict[tuple[str, str], Any] = {}  # each id's record: a copy is not a new record
    tell = progress or _no_progress
    with collector_paused(), interning() as shared:
        for converted, run in _runs(roots):
            if converted:
                for root in run:
                    _keep_converted(result, root, first_rows)
                tell(_n_records(result))
                continue
            files: list[Path] = []
            for root in run:
                found, passed_over = _report_files(root)
                files.extend(found)
                result.problems.extend(passed_over)
            where = None if work_dir is None else Path(work_dir)
            loaders = _loaded(
                files,
                published=published,
                shared=shared,
                workers=workers,
                columns=columns,
                cluster=None if client is None else (client, where),
                tz=tz,
                settings=settings,
            )
            for loader in loaders:
                _keep_new(result, loader, first_rows, firsts)
                retracted.extend((loader.name, s) for s in getattr(loader, "retracted", ()))
                tell(_n_records(result))
        _apply_latest_posts(result)
        keep = tuple(keep_retracted)
        note_retracted(result, [*result.retracted, *retracted], settings=settings, keep=keep)
        keep_counted(result, keep)
        result.retracted.extend(retracted)
        result.telegram_kept.clear()
    unknown_if_far_before(result, first_rows)  # a year typo years before the rest (trial11 T22)
    logger.info(
        "Loaded %d shipments, %d groups, %d sightings; %d problems",
        len(result.shipments),
        len(result.groups),
        len(result.sightings),
        len(result.problems),
    )
    if strict and result.problems:
        first = result.problems[0]
        raise ReportError(first.message, path=first.path, row=first.row, field=first.field)
    return result

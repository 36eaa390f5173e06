"""Load shipment reports from files: CSV, JSON, JSON Lines, YAML and free text.

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

import logging
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from railtrack._intern import Interner, collector_paused, interning
from railtrack.errors import InputPathError, ReportError
from railtrack.io._decode import NotText, read_text
from railtrack.io._records import (
    KNOWN_KEYS,
    RawRecord,
    RecordError,
    misplaced_fields,
    normalise_record,
    share_parts,
    validate_record,
)
from railtrack.io.csv_reader import CsvProblem, read_csv_records
from railtrack.io.json_reader import FileFormatError, iter_jsonl_records, read_json_records
from railtrack.io.reportset import Problem, ReportSet
from railtrack.io.yaml_reader import read_yaml_records

__all__ = ["SUFFIXES", "Problem", "ReportSet", "load_reports"]

logger = logging.getLogger(__name__)

STRUCTURED_SUFFIXES = (".csv", ".json", ".jsonl", ".ndjson", ".yaml", ".yml")
TEXT_SUFFIXES = (".txt", ".md")
SUFFIXES: tuple[str, ...] = STRUCTURED_SUFFIXES + TEXT_SUFFIXES
"""File endings :func:`load_reports` reads; other files in a directory are skipped."""

_SKIP_STEMS = {"readme", "license", "licence", "changelog", "sources"}


def _report_files(path: Path) -> list[Path]:
    if path.is_file():
        return [path]
    files = []
    for candidate in sorted(path.rglob("*")):
        # cheapest tests first: the file system is asked last
        if candidate.suffix.lower() not in SUFFIXES or candidate.stem.lower() in _SKIP_STEMS:
            continue
        relative = candidate.relative_to(path)
        if any(part.startswith(".") for part in relative.parts) or not candidate.is_file():
            continue
        files.append(candidate)
    return files


class _FileLoader:
    """Collects the records and problems of one file."""

    def __init__(self, path: Path, *, published: date | None, shared: Interner) -> None:
        self.path = path
        self.published = published
        self.shared = shared
        self.models: list[tuple[Any, int]] = []
        self.problems: list[Problem] = []

    def problem(
        self, message: str, *, row: int | None = None, field: str | None = None, unit: str = "row"
    ) -> None:
        self.problems.append(Problem(str(self.path), row, field, message, unit))

    def load(self) -> None:
        suffix = self.path.suffix.lower()
        if suffix not in SUFFIXES:
            self.problem(
                f"unsupported file type {suffix or '(none)'!r}; "
                f"railtrack reads {', '.join(SUFFIXES)}"
            )
            return
        try:
            text = read_text(self.path)
        except NotText as exc:
            self.problem(str(exc))
            return
        except OSError as exc:
            self.problem(f"cannot read the file: {exc.strerror or exc}")
            return
        if suffix in TEXT_SUFFIXES:
            self._load_text(text)
            return
        try:
            records, file_source = self._parse(text, suffix)
        except (FileFormatError, CsvProblem) as exc:
            self.problem(str(exc), row=getattr(exc, "row", None))
            return
        self._validate(records, file_source)

    def _parse(self, text: str, suffix: str) -> tuple[Iterable[RawRecord], dict[str, Any] | None]:
        if suffix == ".csv":
            records, row_problems, header = read_csv_records(text, self.path)
            for p in row_problems:
                self.problem(str(p), row=p.row)
            if "id" not in header:
                msg = f"no 'id' column (columns: {', '.join(header[:8])}); is this a report CSV?"
                raise FileFormatError(msg, 1)
            return records, None
        if suffix in {".jsonl", ".ndjson"}:
            return self._jsonl_records(text), None
        if suffix == ".json":
            return read_json_records(text)
        return read_yaml_records(text)

    def _jsonl_records(self, text: str) -> Iterator[RawRecord]:
        """Yield the records of JSON Lines one by one; bad lines become problems."""
        for item in iter_jsonl_records(text):
            if isinstance(item, FileFormatError):
                self.problem(str(item), row=item.row, unit="line")
            else:
                yield item

    def _validate(self, records: Iterable[RawRecord], file_source: dict[str, Any] | None) -> None:
        unknown_seen: set[object] = set()
        for record in records:
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
                if "source" not in nested:
                    self.problem(
                        "no source given; kept with reporter 'unknown' (reliability F)",
                        row=record.row,
                        field="source",
                        unit=record.unit,
                    )
                    nested["source"] = {"reporter": "unknown"}
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
            self.models.append((model, record.row))

    def _load_text(self, text: str) -> None:
        from railtrack.io.text import text_report

        shipments, groups, messages = text_report(text, self.path, published=self.published)
        self.models.extend((m, 0) for m in (*shipments, *groups))
        for message in messages:
            self.problem(message)


def _keep_new(
    result: ReportSet, loader: _FileLoader, first_rows: dict[tuple[str, str], int]
) -> None:
    """Add a file's records to ``result``; an id already loaded is a problem, not a record.

    ``first_rows`` maps each loaded (kind, id) to its row; the file is in ``result.files``.
    """
    name = str(loader.path)  # one string for all the file's records
    for model, row in loader.models:
        kind = type(model).__name__
        key = (kind, model.id)
        if key in first_rows:
            first_row = first_rows[key]
            where = Path(result.files[key]).name + (f" row {first_row}" if first_row else "")
            loader.problem(
                f"duplicate {kind.lower()} id {model.id!r} (first in {where}); "
                "this record is skipped",
                row=row or None,
                field="id",
            )
            continue
        first_rows[key] = row
        result.add(model, file=name)
    result.problems.extend(sorted(loader.problems, key=lambda p: p.row or 0))


def load_reports(
    paths: str | Path | Iterable[str | Path],
    *,
    published: date | None = None,
    strict: bool = False,
) -> ReportSet:
    """Load report files into a :class:`ReportSet`.

    Parameters
    ----------
    paths
        A file, a directory (read recursively; ``README``/``LICENSE`` files and hidden
        files are skipped), or several of them.
    published
        Publication date for free-text files whose header gives none; relative dates
        ("yesterday") resolve against it.
    strict
        Raise :class:`~railtrack.errors.ReportError` on the first problem instead of
        collecting problems.

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
    """
    if isinstance(paths, str | Path):
        paths = [paths]
    roots = [Path(p) for p in paths]
    for root in roots:
        if not root.exists():
            msg = f"no such file or directory: {root}"
            raise InputPathError(msg)
    result = ReportSet()
    first_rows: dict[tuple[str, str], int] = {}
    with collector_paused(), interning() as shared:
        for root in roots:
            for file in _report_files(root):
                loader = _FileLoader(file, published=published, shared=shared)
                loader.load()
                _keep_new(result, loader, first_rows)
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

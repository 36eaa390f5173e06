"""Reports converted once to partitioned Parquet, and read back from there.

Extracting free text is the slowest part of a load; a season's reports need it once.
``railtrack convert REPORTS --out DIR`` (:func:`write_converted`) loads the reports
and writes what the load gave:

- ``shipments/``, ``groups/``, ``sightings/``: Parquet datasets partitioned by the
  month the source published the report (hive style, ``month=2023-03/``;
  ``month=unknown`` when no date is given). Each row holds ``seq`` (the record's
  place in the load), ``id``, ``file`` (the report file it was read from),
  ``published`` (date) and ``record``: the record as JSON in the model's field
  names (the shape ``railtrack load --json`` prints). Shipments also carry
  ``origin`` and ``destination`` as written, for queries in DuckDB, pandas or Spark.
- ``problems.parquet`` (``path``, ``row``, ``field``, ``message``, ``unit``) and
  ``posts.parquet`` (the Telegram posts read, for the store);
- ``railtrack-reports.json``: the manifest (format version, counts, what was skipped).

Each month's rows are cut into files of at most :data:`PART_ROWS` rows; each file is
one partition of the Dask engine (:mod:`railtrack.engine_dask`). A season too large
to load at once is converted in batches of files: ``write_converted(batch, out,
append=True)`` adds a batch after what is already there (``seq`` continues, the
counts and problems add up), which is what :func:`convert_in_batches` (``railtrack
convert --batch-files N``) does: it never holds more than a batch of reports, and
an id met in an earlier batch is a problem (the first record is kept), as within
one load.

:func:`railtrack.load_reports` given such a directory (or ``railtrack track DIR``)
reads it back (:func:`read_converted`) into the same :class:`ReportSet` the original
load gave: the same records in the same order, their files, problems and skipped
counts, with no text extracted again.

Examples
--------
>>> import tempfile
>>> from railtrack import data_path
>>> from railtrack.io import load_reports
>>> original = load_reports(data_path("reports"))
>>> out = Path(tempfile.mkdtemp()) / "season"
>>> write_converted(original, out)["shipments"]
17
>>> again = load_reports(out)
>>> again.shipments == original.shipments, again.files == original.files
(True, True)
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections import Counter
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from railtrack.errors import InputPathError, RailtrackError, ReportError
from railtrack.io.reportset import Problem, ReportSet
from railtrack.io.telegram_posts import PostRef
from railtrack.models import Shipment, ShipmentGroup, Sighting
from railtrack.settings import Settings

__all__ = [
    "BATCH_BYTES",
    "FORMAT_VERSION",
    "MANIFEST",
    "PART_ROWS",
    "ConversionStopped",
    "convert_in_batches",
    "converted_extras",
    "converted_files",
    "incomplete_problem",
    "is_converted",
    "read_converted",
    "write_converted",
]

MANIFEST = "railtrack-reports.json"
"""The file that marks a directory as converted reports."""

FORMAT_VERSION = 1
"""Version of the layout; a directory of another version is refused with a message."""

PART_ROWS = 20_000
"""Most rows in one Parquet file (one Dask partition) of a kind and month."""

BATCH_BYTES = 64 * 1024 * 1024
"""Most bytes of report files in one batch of :func:`convert_in_batches`."""

_KINDS: dict[str, type[Shipment] | type[ShipmentGroup] | type[Sighting]] = {
    "shipments": Shipment,
    "groups": ShipmentGroup,
    "sightings": Sighting,
}


def is_converted(path: str | Path) -> bool:
    """Return whether ``path`` is a directory written by :func:`write_converted`.

    Parameters
    ----------
    path
        Any path.

    Returns
    -------
    bool
        True when ``path`` holds the manifest ``railtrack-reports.json`` (its contents
        are not checked here).

    Examples
    --------
    >>> from railtrack import data_path
    >>> is_converted(data_path("reports"))
    False
    """
    return (Path(path) / MANIFEST).is_file()


def _published(record: Shipment | ShipmentGroup | Sighting) -> date | None:
    source = record.source
    if source.published is not None:
        return source.published
    moment = getattr(source, "published_at", None)
    return moment.date() if moment is not None else None


def _table(
    kind: str, records: Sequence[Any], start: int, files: dict[tuple[str, str], str]
) -> pa.Table:
    model_name = _KINDS[kind].__name__
    published = [_published(r) for r in records]
    columns: dict[str, pa.Array] = {
        "seq": pa.array(range(start, start + len(records)), pa.int64()),
        "id": pa.array([r.id for r in records], pa.string()),
        "file": pa.array([files.get((model_name, r.id)) for r in records], pa.string()),
        "published": pa.array(published, pa.date32()),
        "month": pa.array(
            [d.strftime("%Y-%m") if d is not None else "unknown" for d in published], pa.string()
        ),
        "record": pa.array([r.model_dump_json() for r in records], pa.string()),
    }
    if kind == "shipments":
        for end in ("origin", "destination"):
            places = [getattr(r, end) for r in records]
            columns[end] = pa.array([p.text if p is not None else None for p in places])
    return pa.table(columns)


def _prepare(out: Path) -> None:
    if out.exists() and not out.is_dir():
        msg = f"--out {out} is a file; give a new or empty directory"
        raise InputPathError(msg)
    if out.is_dir() and any(out.iterdir()):
        if not is_converted(out):
            msg = (
                f"--out {out} is not empty and holds no converted reports; "
                "give a new or empty directory"
            )
            raise InputPathError(msg)
        for name in (*_KINDS, "problems.parquet", "posts.parquet", RETRACTED, MANIFEST):
            target = out / name
            if target.is_dir():
                shutil.rmtree(target)
            elif target.exists():
                target.unlink()
    out.mkdir(parents=True, exist_ok=True)


def _previous(out: Path, append: bool) -> dict[str, Any] | None:
    """Return the manifest to append to (None: a new conversion, ``out`` prepared)."""
    if append and is_converted(out):
        manifest = _manifest(out)
        if int(manifest.get("batches", 1)) > 0:
            return manifest
    _prepare(out)
    return None


def _write_problems(problems: Sequence[Problem], path: Path, previous: bool) -> None:
    table = pa.table(
        {
            "path": pa.array([p.path for p in problems], pa.string()),
            "row": pa.array([p.row for p in problems], pa.int64()),
            "field": pa.array([p.field for p in problems], pa.string()),
            "message": pa.array([p.message for p in problems], pa.string()),
            "unit": pa.array([p.unit for p in problems], pa.string()),
        }
    )
    if previous:
        table = pa.concat_tables([pq.read_table(path), table])
    _write_table(table, path)


_POST_TYPES = {"message_id": pa.int64()}
"""Types of the posts table's columns other than text (fixed, so batches append)."""


def _write_posts(posts: Sequence[PostRef], path: Path, previous: bool) -> None:
    schema = pa.schema([(f, _POST_TYPES.get(f, pa.string())) for f in PostRef._fields])
    table = pa.table(
        {f: pa.array([getattr(p, f) for p in posts], schema.field(f).type) for f in schema.names}
    )
    if previous:
        # an empty batch of an earlier version wrote every column as text
        before = pq.read_table(path)
        if len(before) == 0:
            before = before.cast(schema)
        table = pa.concat_tables([before, table])
    _write_table(table, path)


RETRACTED = "retracted.parquet"
"""The trains retractions deny (``file``: the retraction's, ``record``: the train as
JSON), so that a load of the folder with other reports, or the end of a batched
conversion, matches them with the whole folder; ``batch`` is the batch that wrote the
row, so that a resumed conversion matches the retractions of the batches it keeps.
(Folders written in session 18 also hold ``before``, no longer read.)"""


def _write_retracted(
    retracted: Sequence[tuple[str, Shipment]],
    path: Path,
    previous: bool,
    *,
    batch: int = 0,
) -> None:
    table = pa.table(
        {
            "file": pa.array([file for file, _ in retracted], pa.string()),
            "record": pa.array([s.model_dump_json() for _, s in retracted], pa.string()),
            "batch": pa.array([batch] * len(retracted), pa.int64()),
        }
    )
    if previous and path.exists():
        # (a folder written before batch was kept: nulls there)
        table = pa.concat_tables([pq.read_table(path), table], promote_options="default")
    _write_table(table, path)


def _retractions_written(out: Path, done: int) -> list[tuple[str, Shipment]]:
    """Return the retractions the first ``done`` batches wrote, as :func:`_one_batch` does.

    Each is (its file, the train it denies). A resumed conversion matches them with
    the whole folder at its end, as an unbroken one does (rows of a folder written
    before ``batch`` was kept are left out: their batch is not known).
    """
    path = out / RETRACTED
    if not path.exists():
        return []
    table = pq.read_table(path)
    if "batch" not in table.column_names:
        return []
    return [
        (file, Shipment.model_validate_json(record))
        for file, record, batch in zip(
            table.column("file").to_pylist(),
            table.column("record").to_pylist(),
            table.column("batch").to_pylist(),
            strict=True,
        )
        if batch is not None and batch < done
    ]


def _read_retracted(path: Path) -> list[tuple[str, Shipment]]:
    """Return a folder's retracted trains (none in a folder converted before they were kept)."""
    if not (path / RETRACTED).exists():
        return []
    table = pq.read_table(path / RETRACTED)
    return [
        (file, Shipment.model_validate_json(record))
        for file, record in zip(
            table.column("file").to_pylist(), table.column("record").to_pylist(), strict=True
        )
    ]


def write_converted(
    reports: ReportSet,
    out: str | Path,
    *,
    append: bool = False,
    plan: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Write loaded reports to ``out`` as partitioned Parquet (the layout above).

    Parameters
    ----------
    reports
        What :func:`railtrack.load_reports` returned.
    out
        A new or empty directory, or one converted before (its contents are replaced,
        or added to with ``append``).
    append
        Add ``reports`` after the reports already converted in ``out`` (a batch of a
        conversion too large to load at once); the caller keeps ids unique across
        batches.
    plan
        For a batch of :func:`convert_in_batches`: ``batches_total`` and ``input`` (the
        inputs' fingerprint) to record; the manifest says ``complete`` only once the
        last batch is written.

    Returns
    -------
    dict
        The manifest written: ``format``, ``shipments``, ``groups``, ``sightings``,
        ``problems``, ``posts``, ``months``, ``skipped``, ``batches``, ``complete``
        (False while a conversion in batches has batches left; a reader then gives a
        problem saying so), ``batches_total`` and ``input``.

    Raises
    ------
    InputPathError
        When ``out`` is a file, or a directory holding anything but converted reports.

    Notes
    -----
    The manifest is written last, under a temporary name renamed into place; a new
    conversion first writes one that says ``complete: false``, so a conversion killed
    part-way is known as such (and converting again replaces it).

    Examples
    --------
    >>> import tempfile
    >>> from railtrack.models import Source
    >>> reports = ReportSet()
    >>> reports.add(
    ...     Shipment(id="T1", source=Source(reporter="Hajun", published=date(2023, 3, 1))),
    ...     file="a.txt",
    ... )
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     manifest = write_converted(reports, Path(tmp) / "season")
    ...     again = write_converted(reports, Path(tmp) / "season", append=True)
    >>> manifest["shipments"], manifest["months"], manifest["complete"]
    (1, ['2023-03'], True)
    >>> again["shipments"], again["batches"]
    (2, 2)
    """
    out = Path(out)
    plan = dict(plan or {})
    before = _previous(out, append)
    batch = int(before.get("batches", 1)) if before is not None else 0
    months: set[str] = set(before["months"]) if before is not None else set()
    if before is None:  # until the manifest below, the directory says it is unfinished
        _write_json(out / MANIFEST, _empty_manifest(plan))
    for kind in _KINDS:
        records = getattr(reports, kind)
        start = int(before[kind]) if before is not None else 0
        table = _table(kind, records, start, reports.files)
        months.update(table.column("month").to_pylist())
        ds.write_dataset(
            table,
            out / kind,
            format="parquet",
            partitioning=ds.partitioning(pa.schema([("month", pa.string())]), flavor="hive"),
            existing_data_behavior="overwrite_or_ignore",
            basename_template=f"part-{batch:05d}-{{i}}.parquet",
            max_rows_per_file=PART_ROWS,
            max_rows_per_group=PART_ROWS,
        )
    _write_problems(reports.problems, out / "problems.parquet", before is not None)
    _write_posts(reports.posts, out / "posts.parquet", before is not None)
    _write_retracted(
        reports.retracted,
        out / RETRACTED,
        before is not None,
        batch=batch,
    )
    skipped = Counter(before["skipped"]) if before is not None else Counter()
    skipped.update(reports.skipped)
    manifest: dict[str, Any] = {
        "format": FORMAT_VERSION,
        **{
            kind: (int(before[kind]) if before is not None else 0) + len(getattr(reports, kind))
            for kind in (*_KINDS, "problems", "posts")
        },
        "months": sorted(months),
        "skipped": dict(skipped),
        "batches": batch + 1,
        "batches_total": plan.get("batches_total", batch + 1),
        "complete": batch + 1 >= plan.get("batches_total", batch + 1),
        "input": plan.get("input"),
    }
    _write_json(out / MANIFEST, manifest)
    return manifest


def _empty_manifest(plan: dict[str, Any]) -> dict[str, Any]:
    """Return the manifest of a conversion begun, nothing written yet."""
    return {
        "format": FORMAT_VERSION,
        **dict.fromkeys((*_KINDS, "problems", "posts"), 0),
        "months": [],
        "skipped": {},
        "batches": 0,
        "batches_total": plan.get("batches_total", 1),
        "complete": False,
        "input": plan.get("input"),
    }


class ConversionStopped(RailtrackError):
    """A conversion in batches stopped before its last batch; the batches written are kept.

    Attributes ``out``, ``done`` (batches written) and ``total`` say how far it got;
    the message says why and that the same command resumes it.

    Examples
    --------
    >>> err = ConversionStopped(Path("season"), 1, 3, "disk full")
    >>> err.done, err.total, str(err)[:50]
    (1, 3, 'conversion to season stopped in batch 2 of 3: disk')
    """

    def __init__(self, out: Path, done: int, total: int, cause: str) -> None:
        self.out, self.done, self.total = out, done, total
        super().__init__(
            f"conversion to {out} stopped in batch {done + 1} of {total}: {cause}; "
            + (
                f"the {done} batch{'' if done == 1 else 'es'} written before "
                f"{'is' if done == 1 else 'are'} kept: run the same command again to resume "
                "after them"
                if done
                else "no batch was written: run the same command again"
            )
        )


def _write_json(path: Path, value: dict[str, Any]) -> None:
    """Write ``value`` as JSON under a temporary name, then rename it into place."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(value, indent=1), encoding="utf-8")
    tmp.replace(path)


def _write_table(table: pa.Table, path: Path) -> None:
    """Write a Parquet file under a temporary name, then rename it into place."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    pq.write_table(table, tmp)
    tmp.replace(path)


def incomplete_problem(path: str | Path) -> Problem | None:
    """Return the problem of a conversion that stopped before its last batch, or None.

    Parameters
    ----------
    path
        A converted directory.

    Returns
    -------
    Problem or None
        Names the manifest and how many batches of how many were written; None for a
        finished conversion (and for one written before ``complete`` was recorded).

    Raises
    ------
    InputPathError
        When the manifest is missing, unreadable or of another format.

    Examples
    --------
    The first of two planned batches written:

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     _ = write_converted(ReportSet(), Path(tmp) / "s", plan={"batches_total": 2})
    ...     problem = incomplete_problem(Path(tmp) / "s")
    ...     done = write_converted(ReportSet(), Path(tmp) / "s", append=True)
    ...     finished = incomplete_problem(Path(tmp) / "s")
    >>> problem.message[:46], finished
    ('the conversion stopped after batch 1 of 2: the', None)
    """
    manifest = _manifest(Path(path))
    if manifest.get("complete", True):
        return None
    total = manifest.get("batches_total")
    of = f" of {total}" if total else ""
    return Problem(
        str(Path(path) / MANIFEST),
        None,
        None,
        f"the conversion stopped after batch {manifest.get('batches', 0)}{of}: the reports of "
        "the later batches are missing; run railtrack convert again with the same inputs to "
        "finish it",
        "record",
    )


def _manifest(path: Path) -> dict[str, Any]:
    try:
        manifest = json.loads((path / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        msg = f"{path / MANIFEST}: cannot read the manifest of converted reports: {exc}"
        raise InputPathError(msg) from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT_VERSION:
        got = manifest.get("format") if isinstance(manifest, dict) else None
        msg = (
            f"{path / MANIFEST}: converted reports of format {got!r}; this railtrack reads "
            f"format {FORMAT_VERSION}: convert the reports again with railtrack convert"
        )
        raise InputPathError(msg)
    return manifest


def _written(path: Path) -> dict[str, Any]:
    """Return the manifest of a converted directory holding at least one written batch.

    Raises
    ------
    InputPathError
        As :func:`_manifest`, and when a conversion began but wrote nothing.
    """
    manifest = _manifest(path)
    if not manifest.get("complete", True) and int(manifest.get("batches", 0)) < 1:
        msg = (
            f"{path}: a conversion began here but wrote no batch (it was stopped); run "
            "railtrack convert again"
        )
        raise InputPathError(msg)
    return manifest


def _read_kind(path: Path, kind: str, written: int = 1) -> pa.Table:
    """Read one kind's rows in ``seq`` order (``written``: how many the manifest counts)."""
    where = path / kind
    if not where.is_dir() and not written:  # none of this kind yet
        return pa.table({c: pa.array([], pa.int64() if c == "seq" else pa.string()) for c in _READ})
    if not where.is_dir():
        msg = f"{where}: missing from converted reports; convert them again"
        raise InputPathError(msg)
    try:
        table = ds.dataset(where, format="parquet", partitioning="hive").to_table(columns=_READ)
    except (pa.ArrowException, ValueError) as exc:  # a part edited or cut by hand
        msg = f"{where}: not readable as converted reports ({exc}); convert them again"
        raise ReportError(msg) from exc
    return table.sort_by("seq")


_READ = ["seq", "id", "file", "record"]
"""The columns read back from each kind's dataset."""


def read_converted(path: str | Path) -> ReportSet:
    """Read reports written by :func:`write_converted`, in their original order.

    Parameters
    ----------
    path
        The converted directory.

    Returns
    -------
    ReportSet
        The records (validated again from their JSON), each with its original file,
        the problems and skipped counts of the original load, and its Telegram posts.

    Raises
    ------
    InputPathError
        When the manifest or a dataset is missing, unreadable or of another format.

    Examples
    --------
    >>> import tempfile
    >>> from railtrack.models import Source
    >>> reports = ReportSet()
    >>> reports.add(Shipment(id="T1", source=Source(reporter="Hajun")), file="a.txt")
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     _ = write_converted(reports, Path(tmp) / "season")
    ...     back = read_converted(Path(tmp) / "season")
    >>> back.shipments == reports.shipments, back.files
    (True, {('Shipment', 'T1'): 'a.txt'})
    """
    path = Path(path)
    manifest = _written(path)
    result = ReportSet()
    for kind, model in _KINDS.items():
        table = _read_kind(path, kind, int(manifest.get(kind, 1)))
        name = model.__name__
        for file, record in zip(
            table.column("file").to_pylist(), table.column("record").to_pylist(), strict=True
        ):
            item = model.model_validate_json(record)
            result.add(item, file=file)
            if file is None:
                result.files.pop((name, item.id), None)
    problems = pq.read_table(path / "problems.parquet").to_pylist()
    result.problems = [Problem(**p) for p in problems]
    stopped = incomplete_problem(path)
    if stopped is not None:
        result.problems.insert(0, stopped)
    posts = pq.read_table(path / "posts.parquet").to_pylist()
    result.posts = [PostRef(**p) for p in posts]
    result.skipped = Counter(manifest.get("skipped", {}))
    result.retracted = _read_retracted(path)
    return result


def converted_files(path: str | Path, kind: str) -> list[Path]:
    """Return the Parquet files of one kind in a converted directory, in a stable order.

    Parameters
    ----------
    path
        The converted directory.
    kind
        ``shipments``, ``groups`` or ``sightings``.

    Returns
    -------
    list of Path
        Sorted by path (each file is one partition of the Dask engine; ``seq`` gives
        the records' original order).

    Raises
    ------
    InputPathError
        When the manifest is missing or of another format, or the kind's dataset is missing.
    ValueError
        When ``kind`` is none of ``shipments``, ``groups``, ``sightings``.

    Examples
    --------
    >>> import tempfile
    >>> from railtrack.models import Source
    >>> reports = ReportSet()
    >>> reports.add(
    ...     Shipment(id="T1", source=Source(reporter="Hajun", published=date(2023, 3, 1)))
    ... )
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     out = Path(tmp) / "season"
    ...     _ = write_converted(reports, out)
    ...     files = [p.relative_to(out).as_posix() for p in converted_files(out, "shipments")]
    ...     groups = converted_files(out, "groups")
    >>> files, groups
    (['shipments/month=2023-03/part-00000-0.parquet'], [])
    """
    path = Path(path)
    manifest = _written(path)
    if kind not in _KINDS:
        msg = f"no converted kind {kind!r}: use one of {', '.join(_KINDS)}"
        raise ValueError(msg)
    where = path / kind
    if not where.is_dir() and not manifest.get(kind):
        return []  # nothing of this kind was written
    if not where.is_dir():
        msg = f"{where}: missing from converted reports; convert them again"
        raise InputPathError(msg)
    return sorted(where.rglob("*.parquet"))


def converted_extras(path: str | Path) -> ReportSet:
    """Return a converted directory's problems, Telegram posts and skipped counts, no records.

    What the Dask engine keeps on the client while the records stay on the workers.

    Parameters
    ----------
    path
        The converted directory.

    Returns
    -------
    ReportSet
        No records; the problems (a stopped conversion's first), Telegram posts and
        skipped counts.

    Raises
    ------
    InputPathError
        When the manifest is missing, unreadable or of another format.

    Examples
    --------
    >>> import tempfile
    >>> from railtrack.models import Source
    >>> reports = ReportSet()
    >>> reports.add(Shipment(id="T1", source=Source(reporter="Hajun")))
    >>> reports.skipped["empty file"] += 1
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     _ = write_converted(reports, Path(tmp) / "season")
    ...     extras = converted_extras(Path(tmp) / "season")
    >>> len(extras.shipments), dict(extras.skipped)
    (0, {'empty file': 1})
    """
    path = Path(path)
    manifest = _written(path)
    result = ReportSet()
    result.problems = [Problem(**p) for p in pq.read_table(path / "problems.parquet").to_pylist()]
    stopped = incomplete_problem(path)
    if stopped is not None:
        result.problems.insert(0, stopped)
    result.posts = [PostRef(**p) for p in pq.read_table(path / "posts.parquet").to_pylist()]
    result.skipped = Counter(manifest.get("skipped", {}))
    return result


def _batches(units: Sequence[Path], batch_files: int, batch_bytes: int) -> list[list[Path]]:
    """Cut files (and converted directories, one unit each) into runs of bounded size."""
    out: list[list[Path]] = []
    files = size = 0
    for unit in units:
        bytes_ = unit.stat().st_size if unit.is_file() else 0
        if out and files < batch_files and size + bytes_ <= batch_bytes:
            out[-1].append(unit)
            files, size = files + 1, size + bytes_
        else:
            out.append([unit])
            files, size = 1, bytes_
    return out


def _units(paths: Sequence[Path]) -> tuple[list[Path], list[Problem]]:
    """Return the report files under ``paths`` (a converted directory is one unit)."""
    from railtrack.io import _report_files

    units: list[Path] = []
    problems: list[Problem] = []
    for root in paths:
        if root.is_dir() and is_converted(root):
            units.append(root)
            continue
        found, passed_over = _report_files(root)
        units.extend(found)
        problems.extend(passed_over)
    return units, problems


def _drop_seen(reports: ReportSet, seen: dict[tuple[str, str], str]) -> None:
    """Drop records whose id an earlier batch gave (a problem each); remember the rest."""
    for kind, model in _KINDS.items():
        name = model.__name__
        kept = []
        for record in getattr(reports, kind):
            key = (name, record.id)
            file = reports.files.get(key)
            if key in seen:
                first = seen[key]
                reports.problems.append(
                    Problem(
                        file or "(reports)",
                        None,
                        "id",
                        f"duplicate {name.lower()} id {record.id!r} (first in "
                        f"{Path(first).name if first else 'an earlier batch'}); "
                        "this record is skipped",
                    )
                )
                continue
            seen[key] = file or ""
            kept.append(record)
        setattr(reports, kind, kept)


def _fingerprint(batches: Sequence[Sequence[Path]], load_options: dict[str, Any]) -> str:
    """Return a digest of the batches' files (path, size, change time) and record options."""
    digest = hashlib.sha256()
    for option in ("published", "columns"):
        digest.update(repr((option, load_options.get(option))).encode())
    if load_options.get("tz") is not None:  # the zone of a channel's times (--tz)
        digest.update(repr(("tz", str(load_options["tz"]))).encode())
    # what retractions match and mark: a conversion under other settings is another one
    for option in ("settings", "keep_retracted"):
        if load_options.get(option):
            digest.update(repr((option, load_options[option])).encode())
    for i, batch in enumerate(batches):
        for unit in batch:
            stat = unit.stat()
            digest.update(f"{i}\0{unit}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def _resumable(out: Path, fingerprint: str) -> dict[str, Any] | None:
    """Return the manifest of an unfinished conversion of the same inputs in ``out``, or None."""
    if not is_converted(out):
        return None
    try:
        manifest = _manifest(out)
    except InputPathError:
        return None
    done = int(manifest.get("batches", 0))
    if manifest.get("complete", True) or manifest.get("input") != fingerprint or done < 1:
        return None
    return manifest


def _drop_after(out: Path, manifest: dict[str, Any]) -> None:
    """Remove what a stopped batch left: its Parquet parts, its problems and posts rows."""
    done = int(manifest["batches"])
    for kind in _KINDS:
        for part in (out / kind).rglob("*.parquet") if (out / kind).is_dir() else ():
            number = part.name.split("-")[1] if part.name.startswith("part-") else ""
            if number.isdigit() and int(number) >= done:
                part.unlink()
        for stray in (out / kind).rglob(".*.tmp") if (out / kind).is_dir() else ():
            stray.unlink()
    for name, key in (("problems.parquet", "problems"), ("posts.parquet", "posts")):
        table = pq.read_table(out / name)
        if len(table) > int(manifest[key]):
            _write_table(table.slice(0, int(manifest[key])), out / name)
    retracted = out / RETRACTED
    if retracted.exists():
        table = pq.read_table(retracted)
        if "batch" in table.column_names:
            kept = pc.fill_null(pc.less(table.column("batch"), done), True)
            if not pc.all(kept).as_py():
                _write_table(table.filter(kept), retracted)


def _seen_before(out: Path) -> dict[tuple[str, str], str]:
    """Return the ids (and files) the batches already written gave, per record kind."""
    seen: dict[tuple[str, str], str] = {}
    for kind, model in _KINDS.items():
        if not (out / kind).is_dir():
            continue  # the ids and files only: never the records' JSON
        table = ds.dataset(out / kind, format="parquet", partitioning="hive").to_table(
            columns=["id", "file"]
        )
        for id_, file in zip(
            table.column("id").to_pylist(), table.column("file").to_pylist(), strict=True
        ):
            seen[(model.__name__, id_)] = file or ""
    return seen


def _stop_cause(exc: BaseException) -> str:
    """Say in words why a batch stopped."""
    from concurrent.futures.process import BrokenProcessPool

    if isinstance(exc, BrokenProcessPool):
        return (
            "a worker process reading the reports died (killed by the system, most often "
            "for want of memory: give fewer --workers or a smaller --batch-files)"
        )
    if isinstance(exc, MemoryError):
        return "out of memory (give a smaller --batch-files)"
    if isinstance(exc, KeyboardInterrupt):
        return "interrupted"
    return f"{type(exc).__name__}: {exc}"


def convert_in_batches(
    paths: Sequence[str | Path],
    out: str | Path,
    *,
    batch_files: int,
    batch_bytes: int = BATCH_BYTES,
    progress: Any = None,
    **load_options: Any,
) -> tuple[dict[str, Any], list[Problem], Counter[str]]:
    """Convert reports batch by batch: never more than a batch of them in memory.

    The files under ``paths`` (in the order :func:`railtrack.io.load_reports` reads
    them) are cut into batches of at most ``batch_files`` files and ``batch_bytes``
    bytes; each batch is loaded and appended to ``out`` (:func:`write_converted`), so
    ``seq`` runs on in the load's order. An id an earlier batch gave is a problem
    and the record is skipped, as within one load (two Telegram exports of one
    channel in different batches therefore keep the first copy of a post, not its
    latest edit: give both exports in one batch, or convert them without batches).

    **Resuming.** The manifest records the batches written, their number and a
    fingerprint of the inputs (each file's path, size and change time, the batch
    sizes, ``published`` and ``columns``). When ``out`` holds an unfinished
    conversion of the same inputs, the batches written are kept and the conversion
    goes on after them (what a stopped batch had begun to write is removed first);
    otherwise ``out`` is replaced. A batch that fails (a worker process killed, out
    of memory, a disk full, an interrupt) raises :class:`ConversionStopped` saying why
    and how far the conversion got.

    Parameters
    ----------
    paths
        Report files and directories (a converted directory is read as one batch).
    out
        The directory to write (as for :func:`write_converted`; replaced unless it
        holds an unfinished conversion of the same inputs).
    batch_files, batch_bytes
        The most files and bytes of a batch (one file larger than ``batch_bytes`` is
        a batch alone).
    progress
        Called after each batch with ``(batch number from 1, batches, manifest)``;
        on a resumed conversion first with the batches already written and the
        manifest found, with ``"resumed": True``.
    **load_options
        Passed to :func:`railtrack.io.load_reports` (``published``, ``workers``,
        ``columns``, ``client``, ...).

    Returns
    -------
    tuple
        The manifest written, every problem (those the directory holds, in order),
        and the skipped counts.

    Raises
    ------
    ValueError
        When ``batch_files`` or ``batch_bytes`` is less than 1.
    ConversionStopped
        When a batch fails or is interrupted (the batches before it are kept).
    InputPathError
        As :func:`write_converted` and :func:`railtrack.io.load_reports`.

    Examples
    --------
    >>> import tempfile
    >>> from railtrack import data_path
    >>> from railtrack.io import load_reports
    >>> out = Path(tempfile.mkdtemp()) / "season"
    >>> manifest, problems, _ = convert_in_batches([data_path("reports")], out, batch_files=2)
    >>> manifest["shipments"], manifest["batches"] > 1, manifest["complete"]
    (17, True, True)
    >>> load_reports(out).shipments == load_reports(data_path("reports")).shipments
    True
    """
    if batch_files < 1 or batch_bytes < 1:
        msg = f"batches need at least 1 file and 1 byte, not {batch_files} and {batch_bytes}"
        raise ValueError(msg)
    out = Path(out)
    units, passed_over = _units([Path(p) for p in paths])
    batches = _batches(units, batch_files, batch_bytes) or [[]]
    fingerprint = _fingerprint(batches, load_options)
    plan: dict[str, Any] = {"batches_total": len(batches), "input": fingerprint}
    resumed = _resumable(out, fingerprint)
    seen: dict[tuple[str, str], str] = {}
    problems: list[Problem] = []
    skipped: Counter[str] = Counter()
    manifest: dict[str, Any] = {}
    late: list[tuple[str, Shipment]] = []  # retractions, matched with the whole folder at the end
    first = 0
    if resumed is not None:
        _drop_after(out, resumed)
        seen = _seen_before(out)
        problems = [Problem(**p) for p in pq.read_table(out / "problems.parquet").to_pylist()]
        skipped.update(resumed.get("skipped", {}))
        manifest, first = resumed, int(resumed["batches"])
        late = _retractions_written(out, first)  # as if unbroken
        if progress is not None:
            progress(first, len(batches), {**manifest, "resumed": True})
    for i in range(first, len(batches)):
        try:
            manifest = _one_batch(out, batches[i], i, plan, seen, passed_over, load_options)
        except (RailtrackError, ValueError):
            raise
        except (Exception, KeyboardInterrupt) as exc:
            raise ConversionStopped(out, i, len(batches), _stop_cause(exc)) from exc
        problems.extend(manifest.pop("_problems"))
        skipped.update(manifest.pop("_skipped"))
        late.extend(manifest.pop("_retracted"))
        if progress is not None:
            progress(i + 1, len(batches), manifest)
    found = _retracted_across_batches(
        out,
        late,
        settings=load_options.get("settings"),
        keep=tuple(load_options.get("keep_retracted") or ()),
    )
    if found:
        problems.extend(found)
        manifest["problems"] = int(manifest["problems"]) + len(found)
    return manifest, problems, skipped


def _naming(
    where: Path, keys: set[str], before: int | None = None, ids: set[str] | None = None
) -> list[tuple[int, str | None, str]]:
    """Return (seq, file, record) of the rows of one kind whose record names a key.

    ``keys`` are station ids and place names (matched in the record's JSON, case
    ignored); ``ids``: rows with these ids too; ``before``: only rows with a lower
    ``seq``. Nothing when the kind was never written.
    """
    if not where.is_dir() or not (keys or ids):
        return []
    table = ds.dataset(where, format="parquet", partitioning="hive").to_table(
        columns=["seq", "id", "file", "record"],
        filter=None if before is None else ds.field("seq") < before,
    )
    keep = pa.array([False] * table.num_rows, pa.bool_())
    for key in sorted(keys):
        keep = pc.or_(keep, pc.match_substring(table["record"], key, ignore_case=True))
    if ids:
        keep = pc.or_(keep, pc.is_in(table["id"], pa.array(sorted(ids), pa.string())))
    table = table.filter(keep).sort_by("seq")
    return list(
        zip(
            table.column("seq").to_pylist(),
            table.column("file").to_pylist(),
            table.column("record").to_pylist(),
            strict=True,
        )
    )


def _one_batch(
    out: Path,
    batch: list[Path],
    i: int,
    plan: dict[str, Any],
    seen: dict[tuple[str, str], str],
    passed_over: list[Problem],
    load_options: dict[str, Any],
) -> dict[str, Any]:
    """Load and append batch ``i``; the manifest with its ``_problems`` and ``_skipped``."""
    from railtrack.io import load_reports
    from railtrack.io.retractions import summaries_later

    with summaries_later():  # (retractions: matched with the whole folder at its end)
        reports = load_reports(batch, **load_options) if batch else ReportSet()
    if i == 0:
        reports.problems[:0] = passed_over
    _drop_seen(reports, seen)
    manifest = write_converted(reports, out, append=i > 0, plan=plan)
    return {
        **manifest,
        "_problems": reports.problems,
        "_skipped": reports.skipped,
        "_retracted": list(reports.retracted),
    }


def _mark_stored(folder: Path, marked: dict[str, str]) -> None:
    """Rewrite the stored shipment records ``marked`` names (old JSON -> new JSON), in place.

    Only the part files holding one of them are written again, with their schema kept.
    """
    for part in sorted(folder.rglob("*.parquet")):
        table = pq.read_table(part, partitioning=None)
        records = table.column("record").to_pylist()
        if not any(r in marked for r in records):
            continue
        index = table.schema.get_field_index("record")
        column = pa.array([marked.get(r, r) for r in records], table.schema.field(index).type)
        pq.write_table(table.set_column(index, table.schema.field(index), column), part)


def _retracted_across_batches(
    out: Path,
    late: Sequence[tuple[str, Shipment]],
    *,
    settings: Settings | None = None,
    keep: Sequence[str] = (),
) -> list[Problem]:
    """Match each retraction with the trains of the whole folder; add the problems.

    ``settings`` (``retraction_match_days``) are the conversion's, as a load of the
    folder uses them (None: the defaults); ``keep``: ids of trains the user keeps
    counted (``--keep-retracted``), never marked.

    A batch is loaded alone, so a retraction in batch 3 of a train told in batch 1
    was matched with nothing, and none of a batch's retractions says there which
    trains it fits: here each (its file, a train it denies) is matched with every
    train written, in any batch, with their sightings, as :func:`load_reports`
    matches within one load of the folder
    (:func:`railtrack.io.retractions.retraction_matches`; a report published after
    the retraction is not the train it retracts). A retraction that sorts into an
    earlier batch than the post it retracts matches it as in one load. Only trains whose record
    names a place a retraction names are read; the problems not said yet (a train's
    of its own batch was) are appended to ``problems.parquet`` and counted in the
    manifest.
    """
    from railtrack.io.retractions import (
        keep_ids,
        marked_retracted,
        retraction_matches,
        retraction_problem,
        summary_problem,
        sure_retracted,
        told_elsewhere,
    )

    if not late:
        return []
    keys = {
        key
        for *_, denied in late
        for place in (denied.destination, denied.origin, *denied.via)
        if place is not None
        for key in (place.station_id, place.text)
        if key
    }
    seen: dict[str, list[Sighting]] = {}
    for _, _, record in _naming(out / "sightings", keys):
        sighting = Sighting.model_validate_json(record)
        if sighting.shipment is not None:
            seen.setdefault(sighting.shipment, []).append(sighting)
    stored = list(_naming(out / "shipments", keys, None, set(seen)))
    trains = [
        (seq, file or "", Shipment.model_validate_json(record)) for seq, file, record in stored
    ]
    raw = {told.id: record for (_, _, record), (_, _, told) in zip(stored, trains, strict=True)}
    said = {
        (p["path"], p["row"], p["message"])
        for p in pq.read_table(out / "problems.parquet").to_pylist()
    }
    files = {told.id: file for _, file, told in trains}
    kept = frozenset(keep_ids(keep))
    found: list[Problem] = []
    marked: dict[str, str] = {}  # a stored record -> the record marked retracted (trial17 T5)
    for path, denied in late:
        told = [t for _, f, t in trains if told_elsewhere(denied, t, path, f)]
        matched = retraction_matches(denied, told, seen, settings=settings)
        for sure in sure_retracted(matched, files):
            if sure.retracted_by is None and sure.id not in kept:
                marked[raw[sure.id]] = marked_retracted(sure, denied).model_dump_json()
        problems = [
            retraction_problem(files[t.id], t, path, denied, matched, files, kept=kept)
            for t in matched.named
        ]
        summary = summary_problem(path, denied, matched, files, kept=kept)
        for problem in [*problems, summary]:
            if (problem.path, problem.row, problem.message) not in said:
                said.add((problem.path, problem.row, problem.message))
                found.append(problem)
    if marked:
        _mark_stored(out / "shipments", marked)
    if found:
        _write_problems(found, out / "problems.parquet", True)
        manifest = _manifest(out)
        manifest["problems"] = int(manifest["problems"]) + len(found)
        _write_json(out / MANIFEST, manifest)
    return found

"""A local SQLite store that keeps every report ever ingested.

Why a store: analysts ingest reports as they arrive, day after day, and want the
whole history in one place without counting a re-posted report twice. The store:

- keeps each record (shipment, group, sighting) once, keyed by its *identity*: a
  hash of what the report says and who said it (:func:`report_identity`), never of
  the file name, the ids made from it or what station names resolved to, so
  ingesting the same report again, under any file name or with another network,
  adds nothing;
- links the same train told by two reports under one ``train_id``, keeping both
  records and both sources, by the rule ``track`` uses without a store
  (:func:`railtrack.relays.same_train`: same ends, departure or arrival windows that
  agree, car counts within tolerance, different reports; an arrival-only relay
  joins the train whose departure it follows, and two tables citing one outlet
  are one train);
- lets sightings accumulate;
- writes each ingest in one transaction, so a process killed mid-ingest leaves the
  store exactly as it was; a second writer waits for the lock
  (``Settings.store_lock_wait_s``) and then gives up with a :class:`StoreError`;
- finds the train a shipment joins with an R*Tree index over (corridor, source,
  the days of its told movement), so an ingest costs the same per report however
  large the store;
- turns every SQLite failure after opening (a lock held too long, a read-only or
  full disk, a damaged file, a hand-edited record) into one :class:`StoreError`
  sentence, leaving the store as it was;
- carries a schema version and migrates older files forward when opened, in one
  transaction that a second process opening the same new file waits for.

Examples
--------
>>> import tempfile, pathlib
>>> from railtrack import data_path, load_reports
>>> with tempfile.TemporaryDirectory() as tmp:
...     with Store(pathlib.Path(tmp) / "s.sqlite") as store:
...         first = store.ingest(load_reports(data_path("reports")))
...         again = store.ingest(load_reports(data_path("reports")))
...         (first.new > 0, again.new)
(True, 0)
"""

from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd
from platformdirs import user_data_dir
from pydantic import ValidationError

from railtrack.errors import StoreError
from railtrack.io import ReportSet
from railtrack.models import Place, Shipment, ShipmentGroup, Sighting
from railtrack.relay_facts import (
    with_linked_facts,
)
from railtrack.relays import (
    ends_key,
    keep_rank,
    lookup_span,
    movement_span,
    retold_group,
    same_train,
    with_told_counts,
)
from railtrack.settings import DEFAULT_SETTINGS
from railtrack.store_posts import POSTS_SCHEMA, PostLedger, history_rows

if TYPE_CHECKING:
    from types import TracebackType

    from railtrack.network import RailNetwork

__all__ = ["SCHEMA_VERSION", "IngestResult", "Store", "default_store_path", "report_identity"]

logger = logging.getLogger(__name__)

_KINDS: dict[str, type[Shipment] | type[ShipmentGroup] | type[Sighting]] = {
    "shipment": Shipment,
    "group": ShipmentGroup,
    "sighting": Sighting,
}
_KIND_OF: dict[type, str] = {model: kind for kind, model in _KINDS.items()}

_MIGRATIONS: tuple[str, ...] = (
    # version 1: records and ingests
    """
    CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE ingests (
        id INTEGER PRIMARY KEY,
        started_at TEXT NOT NULL,
        paths TEXT NOT NULL,
        new_records INTEGER NOT NULL,
        duplicate_records INTEGER NOT NULL
    );
    CREATE TABLE records (
        pk INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('shipment', 'group', 'sighting')),
        record_id TEXT NOT NULL,
        content_hash TEXT NOT NULL UNIQUE,
        body TEXT NOT NULL,
        reporter TEXT NOT NULL,
        relayed_by TEXT,
        published TEXT,
        source_file TEXT,
        ingest_id INTEGER NOT NULL REFERENCES ingests (id)
    );
    CREATE INDEX records_kind ON records (kind, record_id);
    """,
    # version 2: trains reported by several sources are linked under one train_id
    """
    ALTER TABLE records ADD COLUMN train_id INTEGER;
    ALTER TABLE records ADD COLUMN train_key TEXT;
    UPDATE records SET train_id = pk WHERE kind = 'shipment';
    CREATE INDEX records_train ON records (kind, train_key);
    """,
    # version 3: identity from what a report says; an R*Tree of departure windows
    """
    ALTER TABLE records ADD COLUMN identity TEXT;
    CREATE INDEX records_identity ON records (identity);
    CREATE TABLE corridors (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE);
    CREATE TABLE reporters (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE);
    CREATE VIRTUAL TABLE departures USING rtree_i32 (
        pk, corridor_lo, corridor_hi, source_lo, source_hi, day_lo, day_hi
    );
    """,
    # version 4: Telegram posts, once each, their edits kept as versions (store_posts.py)
    POSTS_SCHEMA,
    # version 5: the R*Tree files each shipment under its movement (departure to
    # arrival), not its departure alone; rebuilt from the stored records
    """
    DELETE FROM departures;
    """,
)


def _backfill_train_keys(conn: sqlite3.Connection) -> None:
    """Version 2: give shipments stored before train linking their train key."""
    rows = conn.execute("SELECT pk, body FROM records WHERE kind = 'shipment'").fetchall()
    for pk, body in rows:
        key = _train_key(Shipment.model_validate_json(body))
        conn.execute("UPDATE records SET train_key = ? WHERE pk = ?", (key, pk))


def _backfill_identity(conn: sqlite3.Connection) -> None:
    """Version 3: give every stored record its identity and index shipments' departures."""
    rows = conn.execute("SELECT pk, kind, body, train_key FROM records ORDER BY pk").fetchall()
    for pk, kind, body, train_key in rows:
        record = _KINDS[kind].model_validate_json(body)
        conn.execute("UPDATE records SET identity = ? WHERE pk = ?", (report_identity(record), pk))
        if isinstance(record, Shipment):
            _index_departure(conn, record, train_key or _train_key(record), pk)


def _reindex_movements(conn: sqlite3.Connection) -> None:
    """Version 5: file every stored shipment under the days of its movement."""
    rows = conn.execute(
        "SELECT pk, body, train_key FROM records WHERE kind = 'shipment' ORDER BY pk"
    ).fetchall()
    for pk, body, train_key in rows:
        record = Shipment.model_validate_json(body)
        _index_departure(conn, record, train_key or _train_key(record), pk)


_MIGRATION_STEPS: dict[int, Callable[[sqlite3.Connection], None]] = {
    2: _backfill_train_keys,
    3: _backfill_identity,
    5: _reindex_movements,
}
"""Python steps run after a version's SQL, inside the same transaction."""

SCHEMA_VERSION = len(_MIGRATIONS)
"""The schema version this railtrack writes; older stores are migrated on open."""


def default_store_path() -> Path:
    """Return the store used when none is named: ``railtrack.sqlite`` in the user data dir.

    Returns
    -------
    Path
        ``railtrack.sqlite`` in the platform's user data directory (platformdirs); the
        file need not exist yet.

    Examples
    --------
    >>> default_store_path().name
    'railtrack.sqlite'
    """
    return Path(user_data_dir("railtrack", appauthor=False)) / "railtrack.sqlite"


@dataclass(frozen=True)
class IngestResult:
    """What one ingest added: new records, records already stored, and linked trains.

    ``posts`` counts the Telegram posts met (empty when there were none): ``new``,
    ``edited`` (a new version replaced the stored one), ``unchanged`` and ``older``
    (a past version, not stored).

    Examples
    --------
    >>> IngestResult(new=2, duplicates=1, linked=0, ingest_id=3).posts
    {}
    """

    new: int
    duplicates: int
    linked: int
    ingest_id: int
    posts: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return the counts as a JSON-ready dict.

        Returns
        -------
        dict
            ``new``, ``duplicates``, ``linked``, ``ingest_id`` (int) and ``posts`` (a copy
            of the post counts).

        Examples
        --------
        >>> IngestResult(new=2, duplicates=1, linked=0, ingest_id=3).to_dict()
        {'new': 2, 'duplicates': 1, 'linked': 0, 'ingest_id': 3, 'posts': {}}
        """
        return {
            "new": self.new,
            "duplicates": self.duplicates,
            "linked": self.linked,
            "ingest_id": self.ingest_id,
            "posts": dict(self.posts),
        }


def _content_hash(kind: str, body: str) -> str:
    return hashlib.sha256(f"{kind}\n{body}".encode("utf-8", "surrogatepass")).hexdigest()


def _path_text(path: str | Path) -> str:
    """Return a path as text that SQLite accepts: undecodable bytes of a file name escaped."""
    return str(path).encode("utf-8", "backslashreplace").decode("utf-8")


def _canonical(record: Shipment | ShipmentGroup | Sighting) -> str:
    return json.dumps(record.model_dump(mode="json"), sort_keys=True, ensure_ascii=False)


def _place_key(place: Place | None) -> str:
    if place is None:
        return "?"
    if place.station_id:
        return f"id:{place.station_id}"
    if place.region:
        return f"region:{place.region}"
    return "text:" + "".join(ch for ch in place.text.casefold() if ch.isalnum())


def _train_key(shipment: Shipment) -> str:
    """Key that two reports of one train share: where from, where to."""
    return f"{_place_key(shipment.origin)}>{_place_key(shipment.destination)}"


def _source_key(record: Shipment | ShipmentGroup | Sighting) -> str:
    """Who said it: two records with another key come from another source."""
    src = record.source
    return json.dumps([src.reporter, src.relayed_by, src.url], ensure_ascii=False)


_RESOLUTION = ("station_id", "station", "region", "resolved_score", "unresolved")


def _said_place(place: Any) -> Any:
    return place["text"] if isinstance(place, dict) else place


def _relative_id(value: Any, report: str | None) -> Any:
    """Return an id made from the report id (``<report>-t1``) without the report id."""
    if isinstance(value, str) and report and value.startswith(report):
        return "~" + value[len(report) :]
    return value


def report_identity(record: Shipment | ShipmentGroup | Sighting) -> str:
    """Return the hash of what a record says and who said it.

    Left out: what railtrack added (places' resolution results, confidences, the
    sentences evidence quotes, which its offsets already pin down) and
    what the file name decided (the ``report`` id of a free-text report, which is
    its file name when the header gives none, and the prefix it gives the
    ``id``/``group`` of the records read from it). So one report stored once stays
    one report whatever the file is called and whichever network resolved it.

    Parameters
    ----------
    record
        A shipment, group or sighting.

    Returns
    -------
    str
        A SHA-256 hex digest (64 characters).

    Examples
    --------
    >>> from railtrack.models import Place, Shipment, Source
    >>> a = Shipment(id="notes-t1", report="notes", source=Source(reporter="Hajun"),
    ...              origin=Place(text="Orsha"))
    >>> b = Shipment(id="copy-t1", report="copy", source=Source(reporter="Hajun"),
    ...              origin=Place(text="Orsha", station_id="166403", station="Orsha"))
    >>> report_identity(a) == report_identity(b)
    True
    >>> report_identity(a) == report_identity(a.model_copy(update={"id": "notes-t2"}))
    False
    """
    # a retraction's mark comes from another report: the store keeps it as the record's
    # status (:meth:`Store._keep_mark`), never as part of what the report says
    data = record.model_dump(
        mode="json", exclude={"confidence", "report", "retracted_by", "retracted_on"}
    )
    for added in (
        "later_train",
        "destination_heading",
        "told_before",
        "corrects_only",
        "origin_direction",
    ):
        if data.get(added) is False:  # (a field added later: stored identities stay)
            del data[added]
    if "hearsay" in data and data["hearsay"] is None:  # (added in session 18: the same)
        del data["hearsay"]
    report = getattr(record, "report", None)
    for key in ("id", "group", "shipment"):
        if key in data:
            data[key] = _relative_id(data[key], report)
    for key in ("origin", "destination", "station"):
        if key in data:
            data[key] = _said_place(data[key])
    if "via" in data:
        data["via"] = [_said_place(p) for p in data["via"]]
    if "evidence" in data:
        data["evidence"] = [
            {k: v for k, v in item.items() if k not in ("confidence", "quote")}
            for item in data["evidence"]
        ]
    body = json.dumps([type(record).__name__, data], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(body.encode("utf-8", "surrogatepass")).hexdigest()


def _key_number(conn: sqlite3.Connection, table: str, key: str) -> int:
    """Return the small integer standing for ``key`` in ``corridors`` or ``reporters``."""
    conn.execute(f"INSERT INTO {table} (key) VALUES (?) ON CONFLICT (key) DO NOTHING", (key,))
    return int(conn.execute(f"SELECT id FROM {table} WHERE key = ?", (key,)).fetchone()[0])


def _index_departure(conn: sqlite3.Connection, shipment: Shipment, train_key: str, pk: int) -> None:
    """File a stored shipment under its corridor and the days its movement covers.

    The days are :func:`railtrack.relays.movement_span` (departure to arrival, either
    alone), so a relay that dates only the arrival finds the train too.
    """
    days = movement_span(shipment)
    if days is None:
        return
    corridor = _key_number(conn, "corridors", train_key)
    source = _key_number(conn, "reporters", _source_key(shipment))
    conn.execute(
        "INSERT INTO departures VALUES (?, ?, ?, ?, ?, ?, ?)",
        (pk, corridor, corridor, source, source, *days),
    )


def _first_match(
    conn: sqlite3.Connection, shipment: Shipment, train_key: str, source_file: str | None
) -> int | None:
    """Return the first stored shipment that tells the same train, by the relays' rule.

    One R*Tree range query finds the stored shipments of the same corridor whose
    movement overlaps the days this one may match (:func:`railtrack.relays.lookup_span`),
    so the cost depends on how many trains overlap, not on how many are stored; each
    is then checked with :func:`railtrack.relays.same_train`, the rule ``track`` uses
    without a store (same ends, departure or arrival within the slack, cars within
    tolerance, another report: two tables citing the same outlet are two reports of
    one train, the rows of one table one train only when they name different sources).
    """
    days = lookup_span(shipment)
    if days is None or ends_key(shipment) is None:
        return None
    corridor = _key_number(conn, "corridors", train_key)
    rows = conn.execute(
        "SELECT d.pk, r.body, r.source_file FROM departures AS d JOIN records AS r "
        "ON r.pk = d.pk WHERE d.corridor_lo <= ? AND d.corridor_hi >= ? "
        "AND d.day_lo <= ? AND d.day_hi >= ? ORDER BY d.pk",
        (corridor, corridor, days[1], days[0]),
    )
    file = None if source_file is None else _path_text(source_file)
    for pk, body, stored_file in rows:
        stored = Shipment.model_validate_json(body)
        if same_train(stored, shipment, files=(stored_file, file)) is not None:
            return int(pk)
    return None


_SQLITE_REASONS: tuple[tuple[str, str], ...] = (
    ("SQLITE_BUSY", "it is locked by another process (an ingest or an open reader)"),
    ("SQLITE_LOCKED", "it is locked by another process (an ingest or an open reader)"),
    ("SQLITE_READONLY", "it is read-only"),
    ("SQLITE_FULL", "the disk (or the file's size limit) is full"),
    ("SQLITE_CORRUPT", "the file is damaged; restore it from a backup"),
    ("SQLITE_NOTADB", "the file is not an SQLite database"),
    ("SQLITE_IOERR", "the file could not be read or written"),
    ("SQLITE_CANTOPEN", "the file cannot be opened"),
    ("SQLITE_PERM", "permission denied"),
)


def _reason(exc: sqlite3.Error) -> str:
    name = getattr(exc, "sqlite_errorname", "") or ""
    for prefix, reason in _SQLITE_REASONS:
        if name.startswith(prefix):
            return f"{reason} ({exc})"
    return str(exc)


class Store:
    """A SQLite file of ingested reports.

    Parameters
    ----------
    path
        The database file; created (with its directory) when missing.
    lock_wait
        Seconds to wait for another process's write lock before giving up
        (default ``Settings.store_lock_wait_s``).

    Raises
    ------
    StoreError
        When the file is not a railtrack store, is newer than this railtrack, or
        cannot be opened; later, when a read or an ingest fails (locked, read-only,
        full disk, damaged file, a record edited by hand): one sentence naming the
        store and the cause. A failed ingest leaves the store as it was.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from railtrack.io import ReportSet
    >>> from railtrack.models import Place, Shipment, Source
    >>> reports = ReportSet()
    >>> reports.add(
    ...     Shipment(id="T1", origin=Place(text="Орша"), destination=Place(text="Брест"),
    ...              source=Source(reporter="Hajun"))
    ... )
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     with Store(pathlib.Path(tmp) / "s.sqlite") as store:
    ...         store.ingest(reports).new, store.ingest(reports).duplicates
    (1, 1)
    """

    def __init__(self, path: str | Path | None = None, *, lock_wait: float | None = None) -> None:
        self.path = Path(path) if path is not None else default_store_path()
        self.lock_wait = DEFAULT_SETTINGS.store_lock_wait_s if lock_wait is None else lock_wait
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._conn = sqlite3.connect(self.path, isolation_level=None, timeout=self.lock_wait)
        except (OSError, sqlite3.Error) as exc:
            reason = exc.strerror if isinstance(exc, OSError) else _reason(exc)
            msg = f"cannot open the store {self.path}: {reason or exc}"
            raise StoreError(msg) from None
        try:
            self._conn.execute("PRAGMA foreign_keys = ON")
            self._migrate()
        except sqlite3.Error as exc:
            self._conn.close()
            name = getattr(exc, "sqlite_errorname", "") or ""
            if name.startswith(("SQLITE_NOTADB", "SQLITE_CORRUPT")):
                msg = f"{self.path} is not a usable railtrack store: {exc}"
            else:
                msg = f"cannot open the store {self.path}: {_reason(exc)}"
            raise StoreError(msg) from None
        except BaseException:
            self._conn.close()
            raise

    @contextmanager
    def _failures(self, action: str) -> Iterator[None]:
        """Turn SQLite errors and records edited by hand into one-line StoreErrors."""
        try:
            yield
        except sqlite3.Error as exc:
            msg = f"store {self.path}: {action} failed: {_reason(exc)}"
            if getattr(exc, "sqlite_errorname", "").startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
                msg += f"; waited {self.lock_wait:g} s, try again when it has finished"
            raise StoreError(msg) from None

    def _rollback(self) -> None:
        """Roll back if a transaction is still open (SQLite ends some on its own)."""
        if self._conn.in_transaction:
            try:
                self._conn.execute("ROLLBACK")
            except sqlite3.Error:
                logger.exception("store %s: rollback failed", self.path)

    def _record(self, pk: int, kind: str, body: str) -> Shipment | ShipmentGroup | Sighting:
        """Validate one stored record; a record edited into nonsense is a StoreError."""
        try:
            return _KINDS[kind].model_validate_json(body)
        except (ValidationError, KeyError) as exc:
            detail, where = str(exc), ""
            if isinstance(exc, ValidationError):
                first = exc.errors()[0]
                detail = first["msg"]
                where = ".".join(str(p) for p in first["loc"])
            msg = (
                f"store {self.path}: record {pk} ({kind}) is not a valid record"
                f"{f' in {where}' if where else ''}: {detail}; was the file edited by hand?"
            )
            raise StoreError(msg) from None

    # --- lifecycle -------------------------------------------------------------------
    def close(self) -> None:
        """Close the database connection.

        Examples
        --------
        >>> import tempfile, pathlib
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     store = Store(pathlib.Path(tmp) / "s.sqlite")
        ...     store.close()
        """
        self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        """The schema version of the open file.

        Raises
        ------
        StoreError
            When the stored version is not an integer (the file was edited by hand).

        Examples
        --------
        >>> import tempfile, pathlib
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     with Store(pathlib.Path(tmp) / "s.sqlite") as store:
        ...         store.schema_version == SCHEMA_VERSION
        True
        """
        row = self._conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        try:
            return int(row[0]) if row else 0
        except ValueError:
            msg = f"{self.path} has an unreadable schema version {row[0]!r}"
            raise StoreError(msg) from None

    def _current_version(self) -> int:
        has_meta = self._conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'"
        ).fetchone()
        if not has_meta:
            tables = self._conn.execute(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
            ).fetchone()[0]
            if tables:
                msg = f"{self.path} is an SQLite file but not a railtrack store"
                raise StoreError(msg)
            return 0
        return self.schema_version

    def _check_version(self) -> int:
        version = self._current_version()
        if version > SCHEMA_VERSION:
            msg = (
                f"{self.path} has schema version {version}, newer than this railtrack "
                f"({SCHEMA_VERSION}); upgrade railtrack"
            )
            raise StoreError(msg)
        return version

    def _migrate(self) -> None:
        """Bring the file to :data:`SCHEMA_VERSION` in one write transaction.

        The version is read again once the write lock is held: a second process
        opening the same new file waits for the first one's migration, then finds
        nothing left to do.
        """
        if self._check_version() == SCHEMA_VERSION:
            return
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            version = self._check_version()
            for number in range(version + 1, SCHEMA_VERSION + 1):
                for statement in _split_sql(_MIGRATIONS[number - 1]):
                    self._conn.execute(statement)
                if number in _MIGRATION_STEPS:
                    _MIGRATION_STEPS[number](self._conn)
                self._conn.execute(
                    "INSERT INTO meta (key, value) VALUES ('schema_version', ?) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    (str(number),),
                )
                logger.info("Store %s migrated to schema version %d", self.path, number)
            self._conn.execute("COMMIT")
        except BaseException:
            self._rollback()
            raise

    # --- writing ---------------------------------------------------------------------
    def ingest(
        self,
        reports: ReportSet,
        *,
        paths: Sequence[str | Path] = (),
        network: RailNetwork | None = None,
        progress: Callable[[int], None] | None = None,
    ) -> IngestResult:
        """Add a report set in one transaction.

        Records already stored (same content) are skipped; a shipment that matches a
        stored one from another source (same ends, overlapping departure) joins its
        train. With ``network``, places are resolved first so that spellings of one
        station match.

        Parameters
        ----------
        reports
            What :func:`railtrack.load_reports` returned.
        paths
            The paths the reports came from, recorded with the ingest.
        network
            Resolve station names before matching trains.
        progress
            Called with the number of records written after each batch.

        Returns
        -------
        IngestResult
            Counts of new, duplicate and linked records, the ingest's id and the
            Telegram post counts.

        Raises
        ------
        StoreError
            When the write fails (lock held past ``lock_wait`` seconds, read-only or full
            disk, damaged file); nothing is stored then.

        Examples
        --------
        >>> import tempfile, pathlib
        >>> from railtrack.io import ReportSet
        >>> from railtrack.models import Shipment, Source
        >>> reports = ReportSet()
        >>> reports.add(Shipment(id="T1", source=Source(reporter="Hajun")))
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     with Store(pathlib.Path(tmp) / "s.sqlite") as store:
        ...         store.ingest(reports)
        IngestResult(new=1, duplicates=0, linked=0, ingest_id=1, posts={})
        """
        if network is not None:
            reports = reports.resolve(network)
        records: list[Shipment | ShipmentGroup | Sighting] = [
            *reports.shipments,
            *reports.groups,
            *reports.sightings,
        ]
        with self._failures("the ingest (nothing was stored)"):
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                result = self._write(records, reports, paths, progress)
                self._conn.execute("COMMIT")
            except BaseException:
                self._rollback()
                raise
        if progress is not None:
            progress(len(records))
        logger.info(
            "Ingested %d new records (%d already stored, %d linked to known trains)",
            result.new,
            result.duplicates,
            result.linked,
        )
        return result

    def _write(
        self,
        records: Sequence[Shipment | ShipmentGroup | Sighting],
        reports: ReportSet,
        paths: Sequence[str | Path],
        progress: Callable[[int], None] | None,
    ) -> IngestResult:
        """Insert the records inside the open transaction; return the counts."""
        conn = self._conn
        now = datetime.now(UTC).isoformat(timespec="seconds")
        cursor = conn.execute(
            "INSERT INTO ingests (started_at, paths, new_records, duplicate_records) "
            "VALUES (?, ?, 0, 0)",
            (now, json.dumps([_path_text(p) for p in paths], ensure_ascii=False)),
        )
        ingest_id = int(cursor.lastrowid or 0)
        ledger = PostLedger(conn, ingest_id)
        ledger.admit(reports.posts)
        new = duplicates = linked = 0
        matched: list[tuple[int, Shipment, int]] = []  # (pk, record, train) linked by the rule
        for done, record in enumerate(records, start=1):
            kind = _KIND_OF[type(record)]
            identity = report_identity(record)
            post = ledger.post_of(record)  # False: a Telegram post stored before
            if (
                post is False
                or conn.execute("SELECT 1 FROM records WHERE identity = ?", (identity,)).fetchone()
            ):
                duplicates += 1
                if isinstance(record, Shipment) and record.retracted_by is not None:
                    self._keep_mark(identity, record)
                continue
            pk = self._insert(kind, record, identity, reports.file_of(record), ingest_id)
            new += 1
            if post:
                ledger.link(pk, post)
            if isinstance(record, Shipment):
                train_key = _train_key(record)
                file = reports.file_of(record)
                train_id = ledger.train_for(record)
                if train_id is None and record.group is not None:
                    matched.append((pk, record, self._train_of_match(record, train_key, pk, file)))
                    train_id = matched[-1][2]
                elif train_id is None:
                    train_id = self._train_of_match(record, train_key, pk, file)
                linked += train_id != pk
                conn.execute("UPDATE records SET train_id = ? WHERE pk = ?", (train_id, pk))
                _index_departure(conn, record, train_key, pk)
            if done % 500 == 0:
                logger.debug("ingest %d: %d records written, not yet committed", ingest_id, done)
                if progress is not None:
                    progress(done)
        linked -= self._unlink_partial_groups(matched)
        conn.execute(
            "UPDATE ingests SET new_records = ?, duplicate_records = ? WHERE id = ?",
            (new, duplicates, ingest_id),
        )
        return IngestResult(
            new=new,
            duplicates=duplicates,
            linked=linked,
            ingest_id=ingest_id,
            posts=ledger.counts.to_dict() if reports.posts else {},
        )

    def _groups_of_train(self, train_id: int, own: tuple[str | None, str]) -> frozenset[Hashable]:
        """Return ``(report, group)`` of the records of ``train_id`` (but ``own``)."""
        rows = self._conn.execute(
            "SELECT body FROM records WHERE kind = 'shipment' AND train_id = ?", (train_id,)
        )
        keys: set[Hashable] = set()
        for (body,) in rows:
            stored = Shipment.model_validate_json(body)
            if stored.group is not None and (stored.report, stored.group) != own:
                keys.add((stored.report, stored.group))
        return frozenset(keys)

    def _unlink_partial_groups(self, matched: list[tuple[int, Shipment, int]]) -> int:
        """Give back their own train to the trains of groups only partly retold; return how many.

        :func:`railtrack.relays.retold_group`, the rule ``track`` applies: the trains
        of an ingested group are linked to stored trains only when all of them are, to
        trains of one stored group; otherwise each keeps its own train.
        """
        by_group: dict[tuple[str | None, str], list[tuple[int, int]]] = {}
        for pk, record, train_id in matched:
            assert record.group is not None
            by_group.setdefault((record.report, record.group), []).append((pk, train_id))
        undone = 0
        for key, members in by_group.items():
            if not any(train_id != pk for pk, train_id in members):
                continue
            linked = [
                None if train_id == pk else self._groups_of_train(train_id, key)
                for pk, train_id in members
            ]
            if retold_group(linked):
                continue
            for pk, train_id in members:
                if train_id != pk:
                    self._conn.execute("UPDATE records SET train_id = ? WHERE pk = ?", (pk, pk))
                    undone += 1
        return undone

    def _train_of_match(
        self, shipment: Shipment, train_key: str, pk: int, source_file: str | None
    ) -> int:
        """Return the train of the first stored match (the relays' rule), else ``pk``."""
        match = _first_match(self._conn, shipment, train_key, source_file)
        return pk if match is None else self._train_of(match)

    def _keep_mark(self, identity: str, record: Shipment) -> None:
        """Mark the stored records of ``identity`` retracted as ``record`` is (a later load).

        A report stored before its retraction was loaded is the same report once the
        retraction marks it: it is not stored again (:func:`report_identity` leaves the
        mark out), but its stored record takes the mark, so that
        :meth:`reports` counts it apart as a load of both would.
        """
        rows = self._conn.execute(
            "SELECT pk, body FROM records WHERE identity = ? AND kind = 'shipment'", (identity,)
        ).fetchall()
        for pk, body in rows:
            data = json.loads(body)
            if data.get("retracted_by") is not None:
                continue  # (marked by the first retraction loaded)
            data["retracted_by"] = record.retracted_by
            data["retracted_on"] = None if record.retracted_on is None else str(record.retracted_on)
            marked = json.dumps(data, sort_keys=True, ensure_ascii=False)
            self._conn.execute(
                "UPDATE OR IGNORE records SET body = ?, content_hash = ? WHERE pk = ?",
                (marked, _content_hash("shipment", marked), pk),
            )

    def _insert(
        self,
        kind: str,
        record: Shipment | ShipmentGroup | Sighting,
        identity: str,
        source_file: str | None,
        ingest_id: int,
    ) -> int:
        body = _canonical(record)
        published = record.source.published
        cursor = self._conn.execute(
            "INSERT INTO records (kind, record_id, content_hash, body, reporter, "
            "relayed_by, published, source_file, ingest_id, train_key, identity) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                kind,
                record.id,
                _content_hash(kind, body),
                body,
                record.source.reporter,
                record.source.relayed_by,
                None if published is None else published.isoformat(),
                None if source_file is None else _path_text(source_file),
                ingest_id,
                _train_key(record) if isinstance(record, Shipment) else None,
                identity,
            ),
        )
        return int(cursor.lastrowid or 0)

    def _train_of(self, pk: int) -> int:
        row = self._conn.execute("SELECT train_id FROM records WHERE pk = ?", (pk,)).fetchone()
        return int(row[0]) if row and row[0] is not None else pk

    # --- reading ---------------------------------------------------------------------
    def _rows(self, kind: str | None = None) -> list[tuple[Any, ...]]:
        sql = (
            "SELECT pk, kind, record_id, body, source_file, train_id FROM records"
            + (" WHERE kind = ?" if kind else "")
            + " ORDER BY pk"
        )
        with self._failures("reading the records"):
            return self._conn.execute(sql, (kind,) if kind else ()).fetchall()

    def counts(self) -> dict[str, int]:
        """Return how many records of each kind, trains and ingests the store holds.

        Returns
        -------
        dict of str to int
            ``shipment``, ``group``, ``sighting`` (records of each kind), ``trains``
            (distinct trains among the shipments) and ``ingests``.

        Raises
        ------
        StoreError
            When the store cannot be read.

        Examples
        --------
        >>> import tempfile, pathlib
        >>> from railtrack.io import ReportSet
        >>> from railtrack.models import Shipment, Source
        >>> reports = ReportSet()
        >>> reports.add(Shipment(id="T1", source=Source(reporter="Hajun")))
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     with Store(pathlib.Path(tmp) / "s.sqlite") as store:
        ...         _ = store.ingest(reports)
        ...         store.counts()
        {'shipment': 1, 'group': 0, 'sighting': 0, 'trains': 1, 'ingests': 1}
        """
        with self._failures("counting the records"):
            return self._counts()

    def _counts(self) -> dict[str, int]:
        out = {kind: 0 for kind in _KINDS}
        for kind, n in self._conn.execute(
            "SELECT kind, count(*) FROM records GROUP BY kind"
        ).fetchall():
            out[kind] = int(n)
        out["trains"] = int(
            self._conn.execute(
                "SELECT count(DISTINCT train_id) FROM records WHERE kind = 'shipment'"
            ).fetchone()[0]
        )
        out["ingests"] = int(self._conn.execute("SELECT count(*) FROM ingests").fetchone()[0])
        return out

    def reports(self, *, one_per_train: bool = True) -> ReportSet:
        """Return the stored records as a :class:`~railtrack.io.ReportSet`.

        With ``one_per_train`` (the default, for counting), a train reported by several
        sources appears once: the report first by :func:`railtrack.relays.keep_rank` (the
        best credibility, a seen or departed train before a plan, the report that tells
        more; then the earliest stored), whose car total, when given as a lower bound
        ("at least 30"), takes another report's count of the train that says more
        (:func:`railtrack.relays.with_told_counts`), and which takes the facts it leaves
        untold (origin, via points, dates, car kinds) from the train's other reports
        (:func:`railtrack.relay_facts.with_linked_facts`). :meth:`train_sources` lists every
        source of every train. A group is kept once per set of trains it covers.

        Parameters
        ----------
        one_per_train
            Keep one shipment per train (the default); ``False`` returns every stored
            shipment report.

        Returns
        -------
        ReportSet
            The stored shipments (sorted by id), groups and sightings; an id that two
            records share gets a ``~2`` suffix on the later one.

        Raises
        ------
        StoreError
            When the store cannot be read or a record was edited into an invalid one.

        Examples
        --------
        >>> import tempfile, pathlib
        >>> from railtrack.io import ReportSet
        >>> from railtrack.models import Shipment, Source
        >>> reports = ReportSet()
        >>> reports.add(Shipment(id="T1", source=Source(reporter="Hajun")))
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     with Store(pathlib.Path(tmp) / "s.sqlite") as store:
        ...         _ = store.ingest(reports)
        ...         [s.id for s in store.reports().shipments]
        ['T1']
        """
        out = ReportSet()
        used_ids: set[tuple[str, str]] = set()
        best: dict[int, tuple[int, Shipment, str | None]] = {}
        told: dict[int, list[tuple[int, bool]]] = {}  # each train's car totals, for bounds
        reported: dict[int, list[Shipment]] = {}  # each train's records, for their facts
        ordered: list[int] = []
        trains_of: dict[tuple[str | None, str], set[int]] = {}  # each group's trains
        for pk, kind, _record_id, body, source_file, train_id in self._rows():
            record = self._record(pk, kind, body)
            if kind == "shipment" and one_per_train:
                assert isinstance(record, Shipment)
                if record.group is not None:
                    trains_of.setdefault((record.report, record.group), set()).add(train_id)
                least = record.cars.least  # ("up to 50" says no fewest cars)
                if least is not None:
                    told.setdefault(train_id, []).append((least, record.cars.at_least))
                current = best.get(train_id)
                reported.setdefault(train_id, []).append(record)
                if current is None:
                    ordered.append(train_id)
                if current is None or keep_rank(record) < keep_rank(current[1]):
                    best[train_id] = (pk, record, source_file)
                continue
            self._add_unique(out, record, source_file, used_ids)
        for train_id in ordered:
            _pk, shipment, source_file = best[train_id]
            # "at least 30" kept, "42" from another report of the train: 42 cars
            shipment = with_told_counts(shipment, told.get(train_id, []))
            # the facts the kept record leaves untold, from the train's other reports
            others = [r for r in reported.get(train_id, []) if r is not best[train_id][1]]
            shipment, _ = with_linked_facts(shipment, others)
            self._add_unique(out, shipment, source_file, used_ids)
        if one_per_train:
            out.groups = self._distinct_groups(out, trains_of)
        out.shipments.sort(key=lambda s: s.id)
        return out

    @staticmethod
    def _add_unique(
        out: ReportSet,
        record: Shipment | ShipmentGroup | Sighting,
        source_file: str | None,
        used: set[tuple[str, str]],
    ) -> None:
        kind = type(record).__name__
        record_id = record.id
        n = 1
        while (kind, record_id) in used:
            n += 1
            record_id = f"{record.id}~{n}"
        if record_id != record.id:
            record = record.model_copy(update={"id": record_id})
        used.add((kind, record_id))
        out.add(record, file=source_file)

    @staticmethod
    def _distinct_groups(
        out: ReportSet, trains_of: dict[tuple[str | None, str], set[int]]
    ) -> list[ShipmentGroup]:
        """Return the groups kept once per set of trains; kept trains name the kept group.

        A group whose trains all belong to a group kept already (the group of a report
        that a relay retold, :func:`railtrack.relays.retold_group`) is dropped, and a
        kept train that named it names the kept group instead, so that its total is
        counted once; a group without stored trains is kept once per id and total.
        """
        seen: set[tuple[frozenset[str], int | None]] = set()
        covering: list[tuple[frozenset[int], ShipmentGroup]] = []
        replaced: dict[tuple[str | None, str], str] = {}
        by_size = sorted(out.groups, key=lambda g: -len(trains_of.get((g.report, g.id), ())))
        dropped: set[int] = set()
        for group in by_size:
            trains = frozenset(trains_of.get((group.report, group.id), ()))
            kept = next((g for t, g in covering if trains and trains <= t), None)
            if kept is not None:
                replaced[(group.report, group.id)] = kept.id
                dropped.add(id(group))
                continue
            if trains:
                covering.append((trains, group))
                continue
            key = (frozenset({group.id}), group.cars.total)
            if key in seen:
                dropped.add(id(group))
                continue
            seen.add(key)
        if replaced:
            out.shipments = [
                s.model_copy(update={"group": replaced[(s.report, s.group)]})
                if s.group is not None and (s.report, s.group) in replaced
                else s
                for s in out.shipments
            ]
        return [g for g in out.groups if id(g) not in dropped]

    def train_sources(self) -> pd.DataFrame:
        """Return one row per stored shipment report: its train and its source.

        Columns: ``train_id``, ``id``, ``source``, ``relayed_by``, ``published``,
        ``source_file``, ``reports_of_train`` (how many reports the train has).

        Returns
        -------
        pandas.DataFrame
            One row per stored shipment report, ordered by train then storage order.

        Raises
        ------
        StoreError
            When the store cannot be read.

        Examples
        --------
        >>> import tempfile, pathlib
        >>> from railtrack.io import ReportSet
        >>> from railtrack.models import Shipment, Source
        >>> reports = ReportSet()
        >>> reports.add(Shipment(id="T1", source=Source(reporter="Hajun", relayed_by="LB.ua")))
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     with Store(pathlib.Path(tmp) / "s.sqlite") as store:
        ...         _ = store.ingest(reports)
        ...         store.train_sources()[["train_id", "id", "source", "relayed_by"]]
           train_id  id source relayed_by
        0         1  T1  Hajun      LB.ua
        """
        with self._failures("reading the train sources"):
            rows = self._conn.execute(
                "SELECT train_id, record_id, reporter, relayed_by, published, source_file "
                "FROM records WHERE kind = 'shipment' ORDER BY train_id, pk"
            ).fetchall()
        df = pd.DataFrame(
            rows, columns=["train_id", "id", "source", "relayed_by", "published", "source_file"]
        )
        df["reports_of_train"] = df.groupby("train_id")["id"].transform("count")
        return df

    def post_history(self) -> pd.DataFrame:
        """Return every stored version of every Telegram post.

        Columns: ``channel_key`` (the channel id, or ``title:<title>``), ``message_id``,
        ``version`` (the edit time, else the publication time), ``current`` (whether
        this is the version counted now), ``ingest_id``, ``records`` (its records
        stored now), ``replaced_records`` (its records kept in the history since a
        later version replaced it) and ``source_file``.

        Returns
        -------
        pandas.DataFrame
            One row per stored version of a post (empty, with these columns, when no
            Telegram post was ingested).

        Raises
        ------
        StoreError
            When the store cannot be read.

        Examples
        --------
        >>> import tempfile, pathlib
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     with Store(pathlib.Path(tmp) / "s.sqlite") as store:
        ...         store.post_history().shape
        (0, 8)
        """
        with self._failures("reading the post history"):
            rows = history_rows(self._conn)
        return pd.DataFrame(
            rows,
            columns=[
                "channel_key",
                "message_id",
                "version",
                "current",
                "ingest_id",
                "records",
                "replaced_records",
                "source_file",
            ],
        ).astype({"current": bool})

    def replaced_records(self) -> ReportSet:
        """Return the records of replaced post versions, as they were read.

        Returns
        -------
        ReportSet
            The records that a later version of their post replaced (empty when none).

        Raises
        ------
        StoreError
            When the store cannot be read or a record was edited into an invalid one.

        Examples
        --------
        >>> import tempfile, pathlib
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     with Store(pathlib.Path(tmp) / "s.sqlite") as store:
        ...         len(store.replaced_records().shipments)
        0
        """
        out = ReportSet()
        used: set[tuple[str, str]] = set()
        with self._failures("reading the post history"):
            rows = self._conn.execute(
                "SELECT pk, kind, body FROM record_history ORDER BY pk"
            ).fetchall()
        for pk, kind, body in rows:
            self._add_unique(out, self._record(pk, kind, body), None, used)
        return out

    def ingests(self) -> pd.DataFrame:
        """Return the ingest log: id, started_at, paths, new and duplicate records.

        Returns
        -------
        pandas.DataFrame
            One row per ingest, in order: ``id``, ``started_at`` (ISO UTC), ``paths``,
            ``new_records``, ``duplicate_records``.

        Raises
        ------
        StoreError
            When the store cannot be read.

        Examples
        --------
        >>> import tempfile, pathlib
        >>> from railtrack.io import ReportSet
        >>> from railtrack.models import Shipment, Source
        >>> reports = ReportSet()
        >>> reports.add(Shipment(id="T1", source=Source(reporter="Hajun")))
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     with Store(pathlib.Path(tmp) / "s.sqlite") as store:
        ...         _ = store.ingest(reports)
        ...         _ = store.ingest(reports)
        ...         store.ingests()[["id", "new_records", "duplicate_records"]]
           id  new_records  duplicate_records
        0   1            1                  0
        1   2            0                  1
        """
        with self._failures("reading the ingest log"):
            rows = self._conn.execute(
                "SELECT id, started_at, paths, new_records, duplicate_records FROM ingests "
                "ORDER BY id"
            ).fetchall()
        return pd.DataFrame(
            rows, columns=["id", "started_at", "paths", "new_records", "duplicate_records"]
        )


def _split_sql(script: str) -> Iterable[str]:
    for statement in script.split(";"):
        if statement.strip():
            yield statement

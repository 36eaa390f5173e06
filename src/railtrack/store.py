"""A local SQLite store that keeps every report ever ingested.

Why a store: analysts ingest reports as they arrive, day after day, and want the
whole history in one place without counting a re-posted report twice. The store:

- keeps each record (shipment, group, sighting) once, keyed by the hash of its
  content: ingesting the same report again, under any file name, adds nothing;
- links the same train reported by two sources (same origin and destination,
  overlapping departure windows, different reporter or outlet) under one
  ``train_id``, keeping both records and both sources;
- lets sightings accumulate;
- writes each ingest in one transaction, so a process killed mid-ingest leaves the
  store exactly as it was;
- carries a schema version and migrates older files forward when opened.

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
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd
from platformdirs import user_data_dir

from railtrack.errors import StoreError
from railtrack.io import ReportSet
from railtrack.models import Place, Shipment, ShipmentGroup, Sighting
from railtrack.store_posts import POSTS_SCHEMA, PostLedger, history_rows

if TYPE_CHECKING:
    from types import TracebackType

    from railtrack.network import RailNetwork

__all__ = ["SCHEMA_VERSION", "IngestResult", "Store", "default_store_path"]

logger = logging.getLogger(__name__)

_KINDS: dict[str, type[Shipment] | type[ShipmentGroup] | type[Sighting]] = {
    "shipment": Shipment,
    "group": ShipmentGroup,
    "sighting": Sighting,
}

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
    # version 3: Telegram posts, once each, their edits kept as versions (store_posts.py)
    POSTS_SCHEMA,
)


def _backfill_train_keys(conn: sqlite3.Connection) -> None:
    """Version 2: give shipments stored before train linking their train key."""
    rows = conn.execute("SELECT pk, body FROM records WHERE kind = 'shipment'").fetchall()
    for pk, body in rows:
        key = _train_key(Shipment.model_validate_json(body))
        conn.execute("UPDATE records SET train_key = ? WHERE pk = ?", (key, pk))


_MIGRATION_STEPS: dict[int, Callable[[sqlite3.Connection], None]] = {2: _backfill_train_keys}
"""Python steps run after a version's SQL, inside the same transaction."""

SCHEMA_VERSION = len(_MIGRATIONS)
"""The schema version this railtrack writes; older stores are migrated on open."""


def default_store_path() -> Path:
    """Return the store used when none is named: ``railtrack.sqlite`` in the user data dir."""
    return Path(user_data_dir("railtrack", appauthor=False)) / "railtrack.sqlite"


@dataclass(frozen=True)
class IngestResult:
    """What one ingest added: new records, records already stored, and linked trains.

    ``posts`` counts the Telegram posts met: ``new``, ``edited`` (a new version
    replaced the stored one), ``unchanged`` and ``older`` (a past version).
    """

    new: int
    duplicates: int
    linked: int
    ingest_id: int
    posts: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return the counts as a JSON-ready dict."""
        return {
            "new": self.new,
            "duplicates": self.duplicates,
            "linked": self.linked,
            "ingest_id": self.ingest_id,
            "posts": dict(self.posts),
        }


def _content_hash(kind: str, body: str) -> str:
    return hashlib.sha256(f"{kind}\n{body}".encode()).hexdigest()


_POST_FIELDS = (
    "channel",
    "channel_id",
    "message_id",
    "published_at",
    "forwarded_from",
    "edited_at",
)
"""Source fields added for Telegram posts: left out of a record's body when empty, so
the records stored before them keep their content hash."""


def _canonical(record: Shipment | ShipmentGroup | Sighting) -> str:
    data = record.model_dump(mode="json")
    source = data["source"]
    for name in _POST_FIELDS:
        if source.get(name) is None:
            source.pop(name, None)
    return json.dumps(data, sort_keys=True, ensure_ascii=False)


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


def _overlaps(a: Shipment, b: Shipment) -> bool:
    """Whether two departure windows can be the same departure (both must be known)."""
    if a.departure is None or b.departure is None:
        return False
    a_lo, a_hi = a.departure.earliest or date.min, a.departure.latest or date.max
    b_lo, b_hi = b.departure.earliest or date.min, b.departure.latest or date.max
    return a_lo <= b_hi and b_lo <= a_hi


def _other_source(a: Shipment, b: Shipment) -> bool:
    return (a.source.reporter, a.source.relayed_by, a.source.url) != (
        b.source.reporter,
        b.source.relayed_by,
        b.source.url,
    )


class Store:
    """A SQLite file of ingested reports.

    Parameters
    ----------
    path
        The database file; created (with its directory) when missing.

    Raises
    ------
    StoreError
        When the file is not a railtrack store, is newer than this railtrack, or
        cannot be opened.
    """

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path is not None else default_store_path()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._conn = sqlite3.connect(self.path, isolation_level=None)
            self._conn.execute("PRAGMA foreign_keys = ON")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            msg = f"{self.path} is not a usable railtrack store: {exc}"
            raise StoreError(msg) from None
        except OSError as exc:
            msg = f"cannot open the store {self.path}: {exc.strerror or exc}"
            raise StoreError(msg) from None

    # --- lifecycle -------------------------------------------------------------------
    def close(self) -> None:
        """Close the database connection."""
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
        """The schema version of the open file."""
        row = self._conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        return int(row[0]) if row else 0

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

    def _migrate(self) -> None:
        version = self._current_version()
        if version > SCHEMA_VERSION:
            msg = (
                f"{self.path} has schema version {version}, newer than this railtrack "
                f"({SCHEMA_VERSION}); upgrade railtrack"
            )
            raise StoreError(msg)
        for number in range(version + 1, SCHEMA_VERSION + 1):
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                for statement in _split_sql(_MIGRATIONS[number - 1]):
                    self._conn.execute(statement)
                if number in _MIGRATION_STEPS:
                    _MIGRATION_STEPS[number](self._conn)
                self._conn.execute(
                    "INSERT INTO meta (key, value) VALUES ('schema_version', ?) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    (str(number),),
                )
                self._conn.execute("COMMIT")
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            logger.info("Store %s migrated to schema version %d", self.path, number)

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
        """
        if network is not None:
            reports = reports.resolve(network)
        records: list[tuple[str, Shipment | ShipmentGroup | Sighting]] = [
            *(("shipment", s) for s in reports.shipments),
            *(("group", g) for g in reports.groups),
            *(("sighting", x) for x in reports.sightings),
        ]
        conn = self._conn
        now = datetime.now(UTC).isoformat(timespec="seconds")
        new = duplicates = linked = 0
        conn.execute("BEGIN IMMEDIATE")
        try:
            cursor = conn.execute(
                "INSERT INTO ingests (started_at, paths, new_records, duplicate_records) "
                "VALUES (?, ?, 0, 0)",
                (now, json.dumps([str(p) for p in paths])),
            )
            ingest_id = int(cursor.lastrowid or 0)
            ledger = PostLedger(conn, ingest_id)
            ledger.admit(reports.posts)
            for done, (kind, record) in enumerate(records, start=1):
                post = ledger.post_of(record)
                if post is False:  # a Telegram post stored before, unchanged or newer
                    duplicates += 1
                    continue
                body = _canonical(record)
                digest = _content_hash(kind, body)
                if conn.execute(
                    "SELECT 1 FROM records WHERE content_hash = ?", (digest,)
                ).fetchone():
                    duplicates += 1
                    continue
                train_key = _train_key(record) if isinstance(record, Shipment) else None
                cursor = conn.execute(
                    "INSERT INTO records (kind, record_id, content_hash, body, reporter, "
                    "relayed_by, published, source_file, ingest_id, train_key) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        kind,
                        record.id,
                        digest,
                        body,
                        record.source.reporter,
                        record.source.relayed_by,
                        None
                        if record.source.published is None
                        else record.source.published.isoformat(),
                        reports.file_of(record),
                        ingest_id,
                        train_key,
                    ),
                )
                pk = int(cursor.lastrowid or 0)
                new += 1
                if post:
                    ledger.link(pk, post)
                if isinstance(record, Shipment):
                    train_id = ledger.train_for(record) or self._match_train(
                        record, train_key or "", pk
                    )
                    linked += train_id != pk
                    conn.execute("UPDATE records SET train_id = ? WHERE pk = ?", (train_id, pk))
                if done % 500 == 0:
                    logger.debug(
                        "ingest %d: %d records written, not yet committed", ingest_id, done
                    )
                    if progress is not None:
                        progress(done)
            conn.execute(
                "UPDATE ingests SET new_records = ?, duplicate_records = ? WHERE id = ?",
                (new, duplicates, ingest_id),
            )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        if progress is not None:
            progress(len(records))
        logger.info(
            "Ingested %d new records (%d already stored, %d linked to known trains)",
            new,
            duplicates,
            linked,
        )
        return IngestResult(
            new=new,
            duplicates=duplicates,
            linked=linked,
            ingest_id=ingest_id,
            posts=ledger.counts.to_dict() if reports.posts else {},
        )

    def _match_train(self, shipment: Shipment, train_key: str, pk: int) -> int:
        rows = self._conn.execute(
            "SELECT pk, train_id, body FROM records "
            "WHERE kind = 'shipment' AND train_key = ? AND pk != ? ORDER BY pk",
            (train_key, pk),
        ).fetchall()
        for _other_pk, train_id, body in rows:
            other = Shipment.model_validate_json(body)
            if _overlaps(shipment, other) and _other_source(shipment, other):
                return int(train_id)
        return pk

    # --- reading ---------------------------------------------------------------------
    def _rows(self, kind: str | None = None) -> list[tuple[Any, ...]]:
        sql = (
            "SELECT pk, kind, record_id, body, source_file, train_id FROM records"
            + (" WHERE kind = ?" if kind else "")
            + " ORDER BY pk"
        )
        return self._conn.execute(sql, (kind,) if kind else ()).fetchall()

    def counts(self) -> dict[str, int]:
        """Return how many records of each kind, trains and ingests the store holds."""
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
        sources appears once: the report with the best credibility (then the earliest
        stored). :meth:`train_sources` lists every source of every train. A group is
        kept once per set of trains it covers.
        """
        out = ReportSet()
        used_ids: set[tuple[str, str]] = set()
        best: dict[int, tuple[int, Shipment, str | None]] = {}
        ordered: list[int] = []
        for pk, kind, _record_id, body, source_file, train_id in self._rows():
            record = _KINDS[kind].model_validate_json(body)
            if kind == "shipment" and one_per_train:
                assert isinstance(record, Shipment)
                current = best.get(train_id)
                if current is None:
                    ordered.append(train_id)
                if current is None or record.credibility < current[1].credibility:
                    best[train_id] = (pk, record, source_file)
                continue
            self._add_unique(out, record, source_file, used_ids)
        for train_id in ordered:
            _pk, shipment, source_file = best[train_id]
            self._add_unique(out, shipment, source_file, used_ids)
        if one_per_train:
            out.groups = self._distinct_groups(out)
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
    def _distinct_groups(out: ReportSet) -> list[ShipmentGroup]:
        seen: set[tuple[frozenset[str], int | None]] = set()
        groups = []
        for group in out.groups:
            members = frozenset(s.id for s in out.members(group.id))
            key = (members or frozenset({group.id}), group.cars.total)
            if key in seen:
                continue
            seen.add(key)
            groups.append(group)
        return groups

    def train_sources(self) -> pd.DataFrame:
        """Return one row per stored shipment report: its train and its source.

        Columns: ``train_id``, ``id``, ``source``, ``relayed_by``, ``published``,
        ``source_file``, ``reports_of_train`` (how many reports the train has).
        """
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
        stored now) and ``replaced_records`` (its records kept in the history since a
        later version replaced it), ``source_file``.
        """
        return pd.DataFrame(
            history_rows(self._conn),
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
        """Return the records of replaced post versions, as they were read."""
        out = ReportSet()
        used: set[tuple[str, str]] = set()
        for kind, body in self._conn.execute(
            "SELECT kind, body FROM record_history ORDER BY pk"
        ).fetchall():
            self._add_unique(out, _KINDS[kind].model_validate_json(body), None, used)
        return out

    def ingests(self) -> pd.DataFrame:
        """Return the ingest log: id, started_at, paths, new and duplicate records."""
        rows = self._conn.execute(
            "SELECT id, started_at, paths, new_records, duplicate_records FROM ingests ORDER BY id"
        ).fetchall()
        return pd.DataFrame(
            rows, columns=["id", "started_at", "paths", "new_records", "duplicate_records"]
        )


def _split_sql(script: str) -> Iterable[str]:
    for statement in script.split(";"):
        if statement.strip():
            yield statement

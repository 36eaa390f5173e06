"""Telegram posts in the store: each post once, its edits as versions, relays linked.

A channel export read again a week later repeats every post of the first one; a post
edited since then says something new under the same message id. The store keeps one
row per version of each post (``posts``: channel, message id, version time, text
digest) beside the records read from it, and at each ingest decides, post by post:

- a post not stored yet is **new**: its records are stored;
- the same text again is **unchanged**: its records are skipped (counted as
  duplicates), whatever else changed around it;
- a new text with a later version time is an **edit**: it becomes the current
  version; the earlier version's records move to ``record_history`` (kept, with the
  ingest that replaced them) and the new records take over their trains, so a train
  that other channels' reports were linked to stays one train;
- a text with an earlier version time than the stored one (an old export read after
  a newer one) is kept as a past version; its records are not stored. A new text
  with the same version time (an HTML export, which gives no edit times) is taken
  as an edit: the later ingest wins.

A post whose text (whitespace aside) is the same as a stored post of another channel
is a forward or a relay of it: its trains are linked to that post's trains, in order
(the first train of one to the first of the other), and counted once.

The ledger works inside the store's ingest transaction; it adds tables and a column
in its own schema step and reads nothing it did not write.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from railtrack.io.telegram_posts import PostRef
from railtrack.models import Shipment, ShipmentGroup, Sighting

__all__ = ["POSTS_SCHEMA", "PostCounts", "PostLedger", "post_key"]

POSTS_SCHEMA = """
CREATE TABLE posts (
    pk INTEGER PRIMARY KEY,
    channel_key TEXT NOT NULL,
    message_id INTEGER NOT NULL,
    version TEXT NOT NULL,
    digest TEXT NOT NULL,
    source_file TEXT,
    ingest_id INTEGER NOT NULL REFERENCES ingests (id),
    superseded_by INTEGER REFERENCES posts (pk),
    UNIQUE (channel_key, message_id, digest)
);
CREATE INDEX posts_digest ON posts (digest);
ALTER TABLE records ADD COLUMN post INTEGER REFERENCES posts (pk);
CREATE INDEX records_post ON records (post);
CREATE TABLE record_history (
    pk INTEGER PRIMARY KEY,
    post INTEGER NOT NULL REFERENCES posts (pk),
    kind TEXT NOT NULL,
    record_id TEXT NOT NULL,
    body TEXT NOT NULL,
    train_id INTEGER,
    ingest_id INTEGER NOT NULL,
    replaced_in INTEGER NOT NULL REFERENCES ingests (id)
);
"""
"""The schema step that adds posts, the records' post and the history of edited posts."""

Record = Shipment | ShipmentGroup | Sighting
Key = tuple[str, int]


def post_key(record: Record) -> Key | None:
    """Return (channel key, message id) of a record read from a Telegram post, else None.

    Parameters
    ----------
    record
        A shipment, group or sighting.

    Returns
    -------
    tuple of (str, int) or None
        The channel id (``title:<channel>`` when the export gave none) and the message
        id; None when the record's source has no channel or message id.

    Examples
    --------
    >>> from railtrack.models import Source
    >>> s = Shipment(id="tg-77-5-t1", source=Source(reporter="Rail", channel="Rail",
    ...              channel_id="77", message_id=5))
    >>> post_key(s), post_key(Shipment(id="t1", source=Source(reporter="Hajun")))
    (('77', 5), None)
    """
    src = record.source
    if src.message_id is None or src.channel is None:
        return None
    return (src.channel_id or f"title:{src.channel}", src.message_id)


def _version(record: Record) -> str | None:
    src = record.source
    moment = src.edited_at or src.published_at
    return None if moment is None else moment.isoformat()


def _suffix(record_id: str) -> str:
    """Return the end of a post's record id after its last dash: ``t1``, ``g1``."""
    head, _, tail = record_id.rpartition("-")
    return tail if head else record_id


@dataclass
class PostCounts:
    """Posts an ingest met: new, edited (a new version), unchanged, and past versions.

    Examples
    --------
    >>> PostCounts(new=2, older=1)
    PostCounts(new=2, edited=0, unchanged=0, older=1)
    """

    new: int = 0
    edited: int = 0
    unchanged: int = 0
    older: int = 0

    def to_dict(self) -> dict[str, int]:
        """Return the counts as a JSON-ready dict.

        Returns
        -------
        dict of str to int
            ``new``, ``edited``, ``unchanged`` and ``older``.

        Examples
        --------
        >>> PostCounts(new=2, older=1).to_dict()
        {'new': 2, 'edited': 0, 'unchanged': 0, 'older': 1}
        """
        return {
            "new": self.new,
            "edited": self.edited,
            "unchanged": self.unchanged,
            "older": self.older,
        }


@dataclass
class PostLedger:
    """Decide, inside an ingest transaction, which posts' records to store.

    Parameters
    ----------
    conn
        The store's connection, with the ingest's transaction open.
    ingest_id
        The ingest being written.

    Examples
    --------
    The same post read twice is stored once:

    >>> import pathlib, sqlite3, tempfile
    >>> from railtrack.store import Store
    >>> ref = PostRef("77", 5, "2023-03-03T12:00:00", "d1", "result.json")
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     Store(pathlib.Path(tmp) / "s.sqlite").close()
    ...     conn = sqlite3.connect(pathlib.Path(tmp) / "s.sqlite")
    ...     ledger = PostLedger(conn, ingest_id=1)
    ...     ledger.admit([ref])
    ...     ledger.admit([ref])
    ...     conn.close()
    >>> ledger.counts
    PostCounts(new=1, edited=0, unchanged=1, older=0)
    """

    conn: sqlite3.Connection
    ingest_id: int
    counts: PostCounts = field(default_factory=PostCounts)
    current: dict[tuple[str, int, str], int] = field(default_factory=dict)
    """(channel key, message id, version) of each post whose records are stored now -> pk."""
    inherited: dict[tuple[Key, str], int] = field(default_factory=dict)
    """(post key, record suffix) -> the train of the replaced version's record."""
    seen: dict[Key, str] = field(default_factory=dict)
    """The posts of the report set and their text digests: records of other posts are
    stored like any record."""

    def admit(self, posts: Iterable[PostRef]) -> None:
        """Record the posts of a report set; decide which posts' records are stored.

        Parameters
        ----------
        posts
            The posts of one report set (:class:`~railtrack.io.telegram_posts.PostRef`);
            several versions of one post may be among them: the latest text wins.

        Examples
        --------
        A later text of a stored post is an edit; an earlier one a past version:

        >>> import pathlib, sqlite3, tempfile
        >>> from railtrack.store import Store
        >>> first = PostRef("77", 5, "2023-03-03T12:00:00", "d1", "a.json")
        >>> edit = PostRef("77", 5, "2023-03-04T08:00:00", "d2", "b.json")
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     Store(pathlib.Path(tmp) / "s.sqlite").close()
        ...     conn = sqlite3.connect(pathlib.Path(tmp) / "s.sqlite")
        ...     ledger = PostLedger(conn, ingest_id=1)
        ...     ledger.admit([first])
        ...     ledger.admit([edit])
        ...     ledger.admit([PostRef("77", 5, "2023-03-01T00:00:00", "d0", "c.json")])
        ...     conn.close()
        >>> ledger.counts
        PostCounts(new=1, edited=1, unchanged=0, older=1)
        """
        latest: dict[Key, PostRef] = {}
        for ref in posts:
            key = (ref.channel_key, ref.message_id)
            kept = latest.get(key)
            if kept is None or (ref.digest != kept.digest and ref.version > kept.version):
                if kept is not None:
                    self._past(kept, None)
                latest[key] = ref
            elif ref.digest != kept.digest:
                self._past(ref, None)
        self.seen.update({key: ref.digest for key, ref in latest.items()})
        for ref in latest.values():
            self._admit(ref)

    def _admit(self, ref: PostRef) -> None:
        row = self.conn.execute(
            "SELECT pk, version, digest FROM posts WHERE channel_key = ? AND message_id = ? "
            "AND superseded_by IS NULL",
            (ref.channel_key, ref.message_id),
        ).fetchone()
        if row is not None and row[2] == ref.digest:
            self.counts.unchanged += 1
            return
        if row is not None and ref.version < row[1]:
            self._past(ref, int(row[0]))
            return
        pk = self._insert(ref, None)
        self.current[(ref.channel_key, ref.message_id, ref.version)] = pk
        if row is None:
            self.counts.new += 1
        else:
            self.counts.edited += 1
            self._retire(int(row[0]), pk, (ref.channel_key, ref.message_id))

    def _insert(self, ref: PostRef, superseded_by: int | None) -> int:
        """Store a version of a post; a text seen before (edited back) is that row again."""
        row = self.conn.execute(
            "SELECT pk FROM posts WHERE channel_key = ? AND message_id = ? AND digest = ?",
            (ref.channel_key, ref.message_id, ref.digest),
        ).fetchone()
        if row is not None:
            if superseded_by is None:
                self.conn.execute(
                    "UPDATE posts SET version = ?, superseded_by = NULL, ingest_id = ? "
                    "WHERE pk = ?",
                    (ref.version, self.ingest_id, row[0]),
                )
            return int(row[0])
        cursor = self.conn.execute(
            "INSERT INTO posts (channel_key, message_id, version, digest, source_file, "
            "ingest_id, superseded_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                ref.channel_key,
                ref.message_id,
                ref.version,
                ref.digest,
                ref.file,
                self.ingest_id,
                superseded_by,
            ),
        )
        return int(cursor.lastrowid or 0)

    def _past(self, ref: PostRef, current: int | None) -> None:
        """Keep an earlier version of a post; its records are not stored."""
        self.counts.older += 1
        if current is not None:
            self._insert(ref, current)

    def _retire(self, old: int, new: int, key: Key) -> None:
        """Move the records of a replaced version into the history."""
        conn = self.conn
        rows = conn.execute(
            "SELECT pk, kind, record_id, body, train_id, ingest_id FROM records WHERE post = ?",
            (old,),
        ).fetchall()
        for _pk, _kind, record_id, _body, train_id, _ingest in rows:
            if train_id is not None:
                self.inherited[(key, _suffix(record_id))] = int(train_id)
        conn.executemany(
            "INSERT INTO record_history (post, kind, record_id, body, train_id, ingest_id, "
            "replaced_in) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(old, *row[1:], self.ingest_id) for row in rows],
        )
        pks = [(row[0],) for row in rows]
        if _has_table(conn, "departures"):  # the store's index of departure windows
            conn.executemany("DELETE FROM departures WHERE pk = ?", pks)
        conn.executemany("DELETE FROM records WHERE pk = ?", pks)
        conn.execute("UPDATE posts SET superseded_by = ? WHERE pk = ?", (new, old))

    # --- per record ------------------------------------------------------------------
    def post_of(self, record: Record) -> int | bool | None:
        """Return the post whose records are stored now, None (no post), or False (skip).

        False: the record was read from a post that is already stored unchanged, or
        from a past version of it. None: not read from a post of this report set
        (e.g. a record with a Telegram source saved by ``load --json`` and loaded
        again), stored like any record.

        Parameters
        ----------
        record
            A record of the report set given to :meth:`admit`.

        Returns
        -------
        int, bool or None
            The ``posts`` primary key to link the record to, ``False`` to skip it, or
            ``None`` to store it as a record without a post.

        Examples
        --------
        >>> import pathlib, sqlite3, tempfile
        >>> from datetime import datetime
        >>> from railtrack.models import Source
        >>> from railtrack.store import Store
        >>> source = Source(reporter="Rail", channel="Rail", channel_id="77", message_id=5,
        ...                 published_at=datetime(2023, 3, 3, 12))
        >>> shipment = Shipment(id="tg-77-5-t1", source=source)
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     Store(pathlib.Path(tmp) / "s.sqlite").close()
        ...     conn = sqlite3.connect(pathlib.Path(tmp) / "s.sqlite")
        ...     ledger = PostLedger(conn, ingest_id=1)
        ...     ledger.admit([PostRef("77", 5, "2023-03-03T12:00:00", "d1", "a.json")])
        ...     first = ledger.post_of(shipment)
        ...     again = PostLedger(conn, ingest_id=2)
        ...     again.admit([PostRef("77", 5, "2023-03-03T12:00:00", "d1", "a.json")])
        ...     conn.close()
        >>> first, again.post_of(shipment)
        (1, False)
        """
        key = post_key(record)
        if key is None or key not in self.seen:
            return None
        version = _version(record)
        pk = self.current.get((*key, version or ""))
        return False if pk is None else pk

    def train_for(self, record: Shipment) -> int | None:
        """Return the train an edited or relayed post's shipment belongs to, if any.

        Parameters
        ----------
        record
            A shipment read from a post.

        Returns
        -------
        int or None
            The ``train_id`` of the replaced version's shipment with the same suffix
            (``t1``), else of that shipment in another channel's post with the same text;
            None when there is neither.

        Examples
        --------
        >>> import pathlib, sqlite3, tempfile
        >>> from railtrack.models import Source
        >>> from railtrack.store import Store
        >>> source = Source(reporter="Rail", channel="Rail", channel_id="77", message_id=5)
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     Store(pathlib.Path(tmp) / "s.sqlite").close()
        ...     conn = sqlite3.connect(pathlib.Path(tmp) / "s.sqlite")
        ...     ledger = PostLedger(conn, ingest_id=1)
        ...     ledger.admit([PostRef("77", 5, "2023-03-03T12:00:00", "d1", "a.json")])
        ...     train = ledger.train_for(Shipment(id="tg-77-5-t1", source=source))
        ...     conn.close()
        >>> train is None
        True
        """
        key = post_key(record)
        if key is None:
            return None
        suffix = _suffix(record.id)
        inherited = self.inherited.get((key, suffix))
        if inherited is not None:
            return inherited
        return self._relayed(key, suffix)

    def _relayed(self, key: Key, suffix: str) -> int | None:
        """Return the train of this shipment in another channel's post with the same text."""
        digest = self.seen.get(key)
        if digest is None:
            return None
        rows = self.conn.execute(
            # posts by digest first, then their records: never a scan of all shipments
            "SELECT r.record_id, r.train_id FROM posts q INDEXED BY posts_digest "
            "CROSS JOIN records r INDEXED BY records_post ON r.post = q.pk "
            "AND r.kind = 'shipment' "
            "WHERE q.digest = ? AND q.channel_key != ? AND q.superseded_by IS NULL "
            "ORDER BY q.pk, r.pk",
            (digest, key[0]),
        ).fetchall()
        for record_id, train_id in rows:
            if _suffix(record_id) == suffix and train_id is not None:
                return int(train_id)
        return None

    def link(self, record_pk: int, post_pk: int) -> None:
        """Mark a stored record as read from a post.

        Parameters
        ----------
        record_pk
            The record's primary key in ``records``.
        post_pk
            The post's primary key in ``posts`` (from :meth:`post_of`).

        Examples
        --------
        >>> import pathlib, sqlite3, tempfile
        >>> from railtrack.io import ReportSet
        >>> from railtrack.models import Source
        >>> from railtrack.store import Store
        >>> reports = ReportSet()
        >>> reports.add(Shipment(id="T1", source=Source(reporter="Hajun")))
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     with Store(pathlib.Path(tmp) / "s.sqlite") as store:
        ...         _ = store.ingest(reports)
        ...     conn = sqlite3.connect(pathlib.Path(tmp) / "s.sqlite")
        ...     ledger = PostLedger(conn, ingest_id=1)
        ...     ledger.admit([PostRef("77", 5, "2023-03-03T12:00:00", "d1", "a.json")])
        ...     ledger.link(1, 1)
        ...     post = conn.execute("SELECT post FROM records WHERE pk = 1").fetchone()
        ...     conn.close()
        >>> post
        (1,)
        """
        self.conn.execute("UPDATE records SET post = ? WHERE pk = ?", (post_pk, record_pk))


def _has_table(conn: sqlite3.Connection, name: str) -> bool:
    return (
        conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)
        ).fetchone()
        is not None
    )


def history_rows(conn: sqlite3.Connection) -> Sequence[tuple[object, ...]]:
    """Return every stored version of every post, with how many records each has now.

    Parameters
    ----------
    conn
        A connection to a store (schema version 4 or later, which added the posts).

    Returns
    -------
    sequence of tuple
        One row per stored post version, ordered by channel, message id and version:
        channel key, message id, version (ISO), current (1 or 0), ingest id, records
        stored now, records in the history, source file.

    Examples
    --------
    >>> import pathlib, sqlite3, tempfile
    >>> from railtrack.store import Store
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     Store(pathlib.Path(tmp) / "s.sqlite").close()
    ...     conn = sqlite3.connect(pathlib.Path(tmp) / "s.sqlite")
    ...     PostLedger(conn, ingest_id=1).admit(
    ...         [PostRef("77", 5, "2023-03-03T12:00:00", "d1", "a.json")]
    ...     )
    ...     rows = history_rows(conn)
    ...     conn.close()
    >>> rows
    [('77', 5, '2023-03-03T12:00:00', 1, 1, 0, 0, 'a.json')]
    """
    return conn.execute(
        "SELECT p.channel_key, p.message_id, p.version, p.superseded_by IS NULL, p.ingest_id, "
        "(SELECT count(*) FROM records r WHERE r.post = p.pk), "
        "(SELECT count(*) FROM record_history h WHERE h.post = p.pk), p.source_file "
        "FROM posts p ORDER BY p.channel_key, p.message_id, p.version"
    ).fetchall()

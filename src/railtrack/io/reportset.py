"""The result of loading reports: validated records, their files and the problems."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from operator import attrgetter
from pathlib import Path  # noqa: F401  (the doctests use it)
from typing import TYPE_CHECKING, Any, TypeVar

import pandas as pd

from railtrack import columns as C
from railtrack._intern import collector_paused
from railtrack.io.telegram_posts import PostRef
from railtrack.models import (
    CAR_TYPES,
    Place,
    Shipment,
    ShipmentGroup,
    Sighting,
)
from railtrack.problems import MESSAGE_MAX_CHARS, Problem, problems_frame

if TYPE_CHECKING:
    from railtrack.context import Anchor, Candidate
    from railtrack.gazetteer import Resolution
    from railtrack.network import RailNetwork

__all__ = ["MESSAGE_MAX_CHARS", "Problem", "ReportSet"]


Column = list[Any]

_SHIPMENT_PLACES = ("origin", "destination", "via")


def _places(record: Shipment | Sighting, names: tuple[str, ...]) -> Iterator[Place]:
    """Yield the places a record holds in the fields ``names`` (each of a tuple field)."""
    for name in names:
        value = getattr(record, name)
        if isinstance(value, tuple):
            yield from value
        elif value is not None:
            yield value


R = TypeVar("R", Shipment, Sighting)
AnyRecord = TypeVar("AnyRecord", Shipment, ShipmentGroup, Sighting)


class _Absent:
    """Stands in for a missing place or date window: each of its attributes is None."""

    def __getattr__(self, name: str) -> None:
        return None


_ABSENT = _Absent()


def _present(items: list[Any]) -> list[Any]:
    """Return ``items`` with each None replaced by a stand-in whose attributes are None."""
    return [_ABSENT if item is None else item for item in items]


def _attr(items: list[Any], name: str) -> Column:
    """Return ``item.name`` for each item (items must not be None: see :func:`_present`)."""
    return list(map(attrgetter(name), items))


Columns = Iterator[tuple[str, Column]]


def _via_ids(via: tuple[Place, ...]) -> str | None:
    """Return the via points' station ids joined with "; "; None if any has no id."""
    ids = [p.station_id for p in via]
    if not ids or None in ids:
        return None
    return "; ".join(i for i in ids if i is not None)


_PLACE_ATTRS = {"": "text", "_station_id": "station_id", "_station": "station", "_region": "region"}
_WINDOW_ATTRS = {"_earliest": "earliest", "_latest": "latest", "_precision": "precision"}
_CAR_ATTRS = {
    C.CARS_TOTAL: "total",
    **{f"cars_{name}": name for name in CAR_TYPES},
    C.CARS_TOTAL_DERIVED: "total_derived",
    C.CARS_ESTIMATED: "estimated",
    C.CARS_AT_LEAST: "at_least",
    C.CARS_AT_MOST: "at_most",
    C.CARS_TOTAL_MAX: "total_max",
}
_SOURCE_ATTRS = {
    C.SOURCE: "reporter",
    C.RELAYED_BY: "relayed_by",
    C.SOURCE_URL: "url",
    C.PUBLISHED: "published",
    C.RELIABILITY: "reliability",
}


def _attr_columns(items: list[Any], attrs: dict[str, str], prefix: str = "") -> Columns:
    """Yield ``(prefix + column, [item.attribute ...])`` for each column of ``attrs``."""
    items = _present(items)
    for column, name in attrs.items():
        yield prefix + column, _attr(items, name)


_DATE_COLUMNS = frozenset(
    {
        C.DEPARTURE_EARLIEST,
        C.DEPARTURE_LATEST,
        C.ARRIVAL_EARLIEST,
        C.ARRIVAL_LATEST,
        C.PUBLISHED,
        C.SEEN_AT,
        C.RETRACTED_ON,
    }
)


def _typed_column(name: str, values: Column) -> pd.Series:
    """Give one column its dtype: datetime64 dates, nullable Int64 counts, strings."""
    if name in C.CAR_COLUMNS or name in {C.CREDIBILITY, C.N_TRAINS, C.CARS_TOTAL_MAX}:
        return pd.Series(pd.array(values, dtype="Int64"))
    raw = pd.Series(values, dtype=object)
    if name in _DATE_COLUMNS:
        return pd.to_datetime(raw)
    if name in {
        C.CARS_TOTAL_DERIVED,
        C.CARS_ESTIMATED,
        C.ARRIVAL_TOLD,
        C.ARRIVAL_DENIED,
        C.CARS_AT_LEAST,
        C.CARS_AT_MOST,
        C.LATER_TRAIN,
        C.DESTINATION_HEADING,
        C.TOLD_BEFORE,
        C.CORRECTS_ONLY,
        C.ORIGIN_DIRECTION,
    }:
        return raw.astype("boolean")
    if name == C.CONFIDENCE:
        return raw.astype("float64")
    return raw.astype("string")


def _typed(columns: Columns, names: tuple[str, ...]) -> pd.DataFrame:
    """Return a frame of the columns ``names`` from ``(name, values)`` pairs.

    Built by column, not from one dict per row, so no per-row objects are made, and
    each list of values is typed as soon as it is made, so only one is held at a time.
    """
    typed = {name: _typed_column(name, values) for name, values in columns}
    return pd.DataFrame({name: typed[name] for name in names})


@dataclass
class ReportSet:
    """Validated shipments, groups and sightings, with the problems met loading them.

    ``files`` maps each record id (by kind) to the file it came from. Use
    :meth:`to_frame` for a tidy one-row-per-train table. ``skipped`` counts what was
    read and deliberately not turned into records (Telegram service messages,
    stickers, posts without text or without train words), by reason; ``posts`` holds
    one :class:`~railtrack.io.telegram_posts.PostRef` per Telegram post read, which
    the store uses to keep each post once and follow its edits.

    A ReportSet is made by :func:`railtrack.load_reports` (or :meth:`add` record by
    record); ``len()`` and iteration are over its shipments. Its tables are
    :meth:`to_frame` (one row per train), :meth:`groups_frame` (one row per group
    fact), :meth:`sightings_frame` (one row per sighting) and
    :meth:`problems_frame` (one row per :class:`Problem`), with the columns of
    :mod:`railtrack.columns`; :meth:`resolve` returns a copy whose places are
    resolved to stations on a :class:`railtrack.RailNetwork`.

    Parameters
    ----------
    shipments, groups, sightings
        The validated records (:class:`railtrack.Shipment`,
        :class:`railtrack.ShipmentGroup`, :class:`railtrack.Sighting`).
    problems
        The :class:`Problem` met while loading, in the order met.
    files
        ``(kind, id) -> path`` of each record's file.
    skipped, posts, tables
        What was skipped (reason -> count), the Telegram posts read and one dict per
        table file read (its format and which header became which field).

    Examples
    --------
    >>> from railtrack import data_path, load_reports
    >>> rs = load_reports(data_path("reports") / "seed-hajun-2023-03.yaml")
    >>> len(rs), len(rs.groups), rs.problems
    (2, 1, [])
    >>> rs.to_frame().loc[:, ["id", "destination", "group"]]
                    id      destination            group
    0  seed-2023-03-t1  Matveyev-Kurhan  seed-2023-03-g1
    1  seed-2023-03-t2      Nieklinovka  seed-2023-03-g1
    >>> rs.groups_frame().loc[0, ["n_trains", "cars_total"]].tolist()
    [2, 86]
    """

    shipments: list[Shipment] = field(default_factory=list)
    groups: list[ShipmentGroup] = field(default_factory=list)
    sightings: list[Sighting] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files: dict[tuple[str, str], str] = field(default_factory=dict)
    skipped: Counter[str] = field(default_factory=Counter)
    posts: list[PostRef] = field(default_factory=list)
    tables: list[dict[str, Any]] = field(default_factory=list)
    telegram_kept: dict[tuple[str, str], Any] = field(default_factory=dict, repr=False)
    """While loading: the record kept for each Telegram record id (see ``load_reports``)."""
    context_notes: list[str] = field(default_factory=list)
    unreadable_dates: dict[tuple[str, str], tuple[int, str, str]] = field(default_factory=dict)
    """``(kind, id) -> (row, field, unit)`` of table rows with no publication date whose
    date cell cannot be read: an as-of cut leaves them out (:func:`railtrack.knowledge.cut_off`)."""
    retracted: list[tuple[str, Shipment]] = field(default_factory=list, repr=False)
    """The trains retractions deny, each with the file of its retraction (never listed:
    kept so that a converted directory, a later batch or another load can match them;
    :mod:`railtrack.io.retractions`)."""
    """After :meth:`resolve`: why each namesake was settled by its report's other places."""

    def add(self, record: Shipment | ShipmentGroup | Sighting, *, file: str | None = None) -> None:
        """Append a validated record (from ``file``, if known).

        Parameters
        ----------
        record
            A validated shipment, group or sighting; appended to its list.
        file
            The file it was read from, kept for :meth:`file_of` (by kind and id).

        Examples
        --------
        >>> from railtrack.models import Source
        >>> rs = ReportSet()
        >>> rs.add(Shipment(id="t1", source=Source(reporter="Belarusian Hajun")), file="a.csv")
        >>> len(rs), rs.file_of(rs.shipments[0])
        (1, 'a.csv')
        """
        if isinstance(record, Shipment):
            self.shipments.append(record)
        elif isinstance(record, ShipmentGroup):
            self.groups.append(record)
        else:
            self.sightings.append(record)
        if file is not None:
            self.files[(type(record).__name__, record.id)] = file

    def __len__(self) -> int:
        return len(self.shipments)

    def __iter__(self) -> Iterator[Shipment]:
        return iter(self.shipments)

    def file_of(self, record: Shipment | ShipmentGroup | Sighting) -> str | None:
        """Return the file a record was loaded from, if known.

        Parameters
        ----------
        record
            A record of this set.

        Returns
        -------
        str or None
            The path as given when the record was added; None when not known.

        Examples
        --------
        >>> from railtrack import data_path, load_reports
        >>> rs = load_reports(data_path("reports") / "seed-hajun-2023-03.yaml")
        >>> Path(rs.file_of(rs.shipments[0])).name
        'seed-hajun-2023-03.yaml'
        """
        return self.files.get((type(record).__name__, record.id))

    def members(self, group_id: str) -> list[Shipment]:
        """Return the shipments that belong to a group.

        Parameters
        ----------
        group_id
            A group's id.

        Returns
        -------
        list of Shipment
            The shipments whose ``group`` is ``group_id``, in load order (empty for none).

        Examples
        --------
        >>> from railtrack import data_path, load_reports
        >>> rs = load_reports(data_path("reports") / "seed-hajun-2023-03.yaml")
        >>> [s.id for s in rs.members("seed-2023-03-g1")]
        ['seed-2023-03-t1', 'seed-2023-03-t2']
        """
        return [s for s in self.shipments if s.group == group_id]

    def _members_by_group(self) -> dict[str, list[str]]:
        """Map each group id to its member shipment ids, in shipment order (one pass)."""
        out: dict[str, list[str]] = {}
        for s in self.shipments:
            if s.group is not None:
                out.setdefault(s.group, []).append(s.id)
        return out

    def to_frame(self) -> pd.DataFrame:
        """Return one row per shipment (columns: :data:`railtrack.columns.SHIPMENT_COLUMNS`).

        Group totals are not copied into trains: see :meth:`groups_frame`.

        Returns
        -------
        pandas.DataFrame
            One row per shipment, in load order: ids, the places (as written, station id,
            station, region, ...), the departure and arrival windows (``datetime64``,
            midnight of each day), the car counts (nullable ``Int64``), the source and
            ``source_file``. Empty (with the
            columns) when there are no shipments.

        Examples
        --------
        >>> from railtrack import data_path, load_reports
        >>> rs = load_reports(data_path("reports") / "seed-hajun-2023-03.yaml")
        >>> df = rs.to_frame()
        >>> df.shape, df.loc[0, "id"], df.loc[0, "cars_total"]
        ((2, 52), 'seed-2023-03-t1', <NA>)
        """
        ships = self.shipments

        def columns() -> Columns:
            yield C.ID, _attr(ships, "id")
            yield C.REPORT, _attr(ships, "report")
            yield C.GROUP, _attr(ships, "group")
            yield from _attr_columns(_attr(ships, "origin"), _PLACE_ATTRS, C.ORIGIN)
            yield from _attr_columns(_attr(ships, "destination"), _PLACE_ATTRS, C.DESTINATION)
            yield C.VIA, ["; ".join(p.text for p in s.via) or None for s in ships]
            yield C.VIA_STATION_IDS, [_via_ids(s.via) for s in ships]
            yield from _attr_columns(_attr(ships, "departure"), _WINDOW_ATTRS, "departure")
            yield from _attr_columns(_attr(ships, "expected_arrival"), _WINDOW_ATTRS, "arrival")
            yield C.ARRIVAL_TOLD, _attr(ships, "arrival_told")
            yield C.ARRIVAL_DENIED, _attr(ships, "arrival_denied")
            yield from _attr_columns(_attr(ships, "cars"), _CAR_ATTRS)
            for name in (C.EQUIPMENT, C.CLAIM, C.CREDIBILITY, C.CONFIDENCE):
                yield name, _attr(ships, name)
            yield from _attr_columns(_attr(ships, "source"), _SOURCE_ATTRS)
            yield C.SOURCE_FILE, [self.file_of(s) for s in ships]
            yield C.RETURN_OF, _attr(ships, "return_of")
            yield C.NOTE, _attr(ships, "note")
            yield C.LATER_TRAIN, _attr(ships, "later_train")
            yield C.DESTINATION_HEADING, _attr(ships, "destination_heading")
            yield C.TOLD_BEFORE, _attr(ships, "told_before")
            yield C.CORRECTS_ONLY, _attr(ships, "corrects_only")
            yield C.ORIGIN_DIRECTION, _attr(ships, "origin_direction")
            yield C.HEARSAY, _attr(ships, "hearsay")
            yield C.RETRACTED_BY, _attr(ships, "retracted_by")
            yield C.RETRACTED_ON, _attr(ships, "retracted_on")

        return _typed(columns(), C.SHIPMENT_COLUMNS)

    def groups_frame(self) -> pd.DataFrame:
        """Return one row per group of trains (columns: ``columns.GROUP_COLUMNS``).

        Returns
        -------
        pandas.DataFrame
            One row per group, in load order: ``id``, ``n_trains`` (given, else the number
            of member shipments), ``members`` ("; "-joined ids), the car counts, the
            equipment and the source.

        Examples
        --------
        >>> from railtrack import data_path, load_reports
        >>> rs = load_reports(data_path("reports") / "seed-hajun-2023-03.yaml")
        >>> rs.groups_frame().loc[:, ["id", "n_trains", "cars_total", "cars_passenger"]]
                        id  n_trains  cars_total  cars_passenger
        0  seed-2023-03-g1         2          86               2
        """
        groups = self.groups
        members_of = self._members_by_group()
        members = [members_of.get(g.id, []) for g in groups]

        def columns() -> Columns:
            yield C.ID, _attr(groups, "id")
            yield C.REPORT, _attr(groups, "report")
            yield (
                C.N_TRAINS,
                [g.n_trains or (len(m) or None) for g, m in zip(groups, members, strict=True)],
            )
            yield C.MEMBERS, ["; ".join(m) or None for m in members]
            yield from _attr_columns(_attr(groups, "cars"), _CAR_ATTRS)
            yield C.EQUIPMENT, _attr(groups, "equipment")
            yield from _attr_columns(_attr(groups, "source"), _SOURCE_ATTRS)
            yield C.SOURCE_FILE, [self.file_of(g) for g in groups]

        return _typed(columns(), C.GROUP_COLUMNS)

    def sightings_frame(self) -> pd.DataFrame:
        """Return one row per sighting (columns: ``columns.SIGHTING_COLUMNS``).

        Returns
        -------
        pandas.DataFrame
            One row per sighting, in load order: the station (as written, id, name),
            ``seen_at`` (``datetime64``, naive UTC), its precision, the source and ``source_file``.

        Examples
        --------
        >>> from railtrack import data_path, load_reports
        >>> rs = load_reports(data_path("reports") / "seed-hajun-2023-03.yaml")
        >>> rs.sightings_frame().shape  # the seed report has no sighting
        (0, 11)
        """
        sightings = self.sightings
        station_attrs = {C.STATION: "text", C.STATION_ID: "station_id", C.STATION_NAME: "station"}

        def columns() -> Columns:
            yield C.ID, _attr(sightings, "id")
            yield C.SHIPMENT, _attr(sightings, "shipment")
            yield from _attr_columns(_attr(sightings, "station"), station_attrs)
            for name in (C.SEEN_AT, C.PRECISION, C.NOTE):
                yield name, _attr(sightings, name)
            sources = {C.SOURCE: "reporter", C.RELIABILITY: "reliability"}
            yield from _attr_columns(_attr(sightings, "source"), sources)
            yield C.SOURCE_FILE, [self.file_of(x) for x in sightings]

        return _typed(columns(), C.SIGHTING_COLUMNS)

    def problems_frame(self) -> pd.DataFrame:
        """Return the problems as a table (path, row, unit, field, message, text).

        Returns
        -------
        pandas.DataFrame
            One row per problem, in order; ``row`` is a nullable integer.

        Examples
        --------
        >>> rs = ReportSet(problems=[Problem("reports.csv", 3, "cars_total", "not a count")])
        >>> df = rs.problems_frame()
        >>> df.shape, df.loc[0, "text"]
        ((1, 6), "reports.csv row 3, field 'cars_total': not a count")
        """
        return problems_frame(self.problems)

    def to_records(self) -> Iterator[dict[str, Any]]:
        """Yield JSON-ready dicts: shipments, then groups and sightings.

        Each carries ``"record": "shipment"`` / ``"group"`` / ``"sighting"`` and the
        model's fields (a group also its ``members``), the shapes of
        :mod:`railtrack.records`; written one per line they are themselves a
        loadable JSON Lines report file.

        Yields
        ------
        dict
            One JSON-ready dict per record, shipments first.

        Examples
        --------
        >>> from railtrack import data_path, load_reports
        >>> rs = load_reports(data_path("reports") / "seed-hajun-2023-03.yaml")
        >>> [(r["record"], r["id"]) for r in rs.to_records()][-1]
        ('group', 'seed-2023-03-g1')
        >>> next(r for r in rs.to_records() if r["record"] == "group")["members"]
        ['seed-2023-03-t1', 'seed-2023-03-t2']
        """
        for s in self.shipments:
            yield {"record": "shipment", **s.model_dump(mode="json")}
        members = self._members_by_group()
        for g in self.groups:
            yield {"record": "group", **g.model_dump(mode="json"), "members": members.get(g.id, [])}
        for x in self.sightings:
            yield {"record": "sighting", **x.model_dump(mode="json")}

    def file_records(self) -> list[dict[str, Any]]:
        """Return how each table file (CSV, Excel) was read: a ``file`` record each.

        Each says which column header became which field (``columns``), which
        columns were not read (``ignored``), how many records the file gave and
        whether their ids were generated.

        Returns
        -------
        list of dict
            One ``file`` record (:class:`railtrack.records.FileRecord`) per table file, in
            load order; empty when no table was read.

        Examples
        --------
        >>> import tempfile
        >>> from railtrack import load_reports
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     path = Path(tmp) / "r.csv"
        ...     _ = path.write_text('''id,From,To,Wagons,Colour
        ... T1,Orsha,Brest,40,red
        ... ''')
        ...     (record,) = load_reports(path).file_records()
        >>> record["columns"], record["ignored"], record["n_records"]
        ({'id': 'id', 'From': 'origin', 'To': 'destination', 'Wagons': 'cars_total'}, ['Colour'], 1)
        """
        return [dict(r) for r in self.tables]

    def extend(self, other: ReportSet) -> ReportSet:
        """Add another set's records and problems to this one; return ``self``.

        ``self`` is changed in place.

        Parameters
        ----------
        other
            Another report set; its records (with their files), problems, skipped counts,
            Telegram posts and tables are added after this set's.

        Returns
        -------
        ReportSet
            ``self``.

        Examples
        --------
        >>> from railtrack import data_path, load_reports
        >>> rs = load_reports(data_path("reports") / "seed-hajun-2023-03.yaml")
        >>> more = load_reports(data_path("reports") / "2023-02-26-charter97-slonim.csv")
        >>> rs.extend(more) is rs, len(rs)
        (True, 3)
        """
        records: list[Shipment | ShipmentGroup | Sighting] = [
            *other.shipments,
            *other.groups,
            *other.sightings,
        ]
        for record in records:
            self.add(record, file=other.file_of(record))
        self.problems.extend(other.problems)
        self.skipped.update(other.skipped)
        self.posts.extend(other.posts)
        self.tables.extend(other.tables)
        self.retracted.extend(other.retracted)
        return self

    def _empty_copy(self) -> ReportSet:
        """Return a set with this one's problems, files, skips, posts, tables, notes; no records."""
        return ReportSet(
            problems=list(self.problems),
            files=dict(self.files),
            skipped=Counter(self.skipped),
            posts=self.posts,
            tables=list(self.tables),
            context_notes=list(self.context_notes),
            retracted=list(self.retracted),
        )

    def with_channel_usernames(self, usernames: Mapping[str, str]) -> ReportSet:
        """Return a copy whose Telegram posts link by their channel's public username.

        A Telegram Desktop export names a channel by its title and number, never by
        its username, so a post's ``source.url`` is ``https://t.me/c/<id>/<message>``,
        a link that opens only for the channel's members. Given the usernames, each
        post read from that channel links as ``https://t.me/<username>/<message>``,
        the public link a briefing can cite.

        Parameters
        ----------
        usernames
            ``{channel: username}``: the channel's id (as in the export, e.g.
            ``"1234567890"``) or its title (any case); the username with or without
            ``@``.

        Returns
        -------
        ReportSet
            A copy; records of other channels, and records not read from Telegram
            (no ``message_id``), are shared with this set unchanged.

        Examples
        --------
        >>> from railtrack.models import Shipment, Source
        >>> s = Shipment(id="t1", source=Source(reporter="Rail watch", channel="Rail watch",
        ...     channel_id="1234", message_id=7, url="https://t.me/c/1234/7"))
        >>> out = ReportSet(shipments=[s]).with_channel_usernames({"rail watch": "@railwatch"})
        >>> out.shipments[0].source.url
        'https://t.me/railwatch/7'
        """
        by_key = {k.strip().casefold(): v.strip().lstrip("@") for k, v in usernames.items()}

        def relinked(record: AnyRecord) -> AnyRecord:
            src = record.source
            if src.message_id is None or not by_key:
                return record
            name = None
            for key in (src.channel_id, src.channel):
                if key is not None and key.strip().casefold() in by_key:
                    name = by_key[key.strip().casefold()]
                    break
            if not name:
                return record
            url = f"https://t.me/{name}/{src.message_id}"
            return record.model_copy(update={"source": src.model_copy(update={"url": url})})

        out = self._empty_copy()
        out.shipments = [relinked(s) for s in self.shipments]
        out.groups = [relinked(g) for g in self.groups]
        out.sightings = [relinked(x) for x in self.sightings]
        out.problems.extend(self.unknown_channels(usernames))
        return out

    def unknown_channels(self, usernames: Mapping[str, str]) -> list[Problem]:
        """Return a problem for each named channel no post of this set is from (trial17 T9).

        Parameters
        ----------
        usernames
            ``{channel: username}`` as :meth:`with_channel_usernames` takes it.

        Returns
        -------
        list of Problem
            One per channel name (title or id, any case) that matches no channel
            read, listing the channels present (title and id), so a mistyped or
            translated title ("Hajun" for "Беларускі Гаюн") is seen at once; path
            ``--channel-username``.

        Examples
        --------
        >>> from railtrack.models import Shipment, Source
        >>> s = Shipment(id="t1", source=Source(reporter="Rail watch", channel="Rail watch",
        ...     channel_id="1234", message_id=7))
        >>> rs = ReportSet(shipments=[s])
        >>> [p.message[:60] for p in rs.unknown_channels({"Hajun": "x", "1234": "y"})]
        ["no channel named 'Hajun' in the input (channels: Rail watch,"]
        """
        titles: dict[str, str | None] = {}  # channel id (or "title:<title>") -> title
        records: list[Shipment | ShipmentGroup | Sighting] = [
            *self.shipments,
            *self.groups,
            *self.sightings,
        ]
        for record in records:
            src = record.source
            if src.message_id is not None and src.channel is not None:
                titles[src.channel_id or f"title:{src.channel}"] = src.channel
        for post in self.posts:
            titles.setdefault(post.channel_key, None)
        known = {
            name.strip().casefold()
            for key, title in titles.items()
            for name in (key.removeprefix("title:"), title)
            if name
        }
        problems = []
        for name in usernames:
            if name.strip().casefold() in known:
                continue
            present = [
                f"{title}, id {key}"
                if title and not key.startswith("title:")
                else (title or key.removeprefix("title:"))
                for key, title in sorted(titles.items(), key=lambda kv: str(kv[1] or kv[0]))
            ]
            shown = "; ".join(present[:10]) + (
                f"; and {len(present) - 10} more" if len(present) > 10 else ""
            )
            listed = f"channels: {shown}" if present else "no Telegram channel was read"
            problems.append(
                Problem(
                    "--channel-username",
                    None,
                    None,
                    f"no channel named {name.strip()!r} in the input ({listed}); its username "
                    "is not used: give the channel's title or id as the export has it",
                    unit="option",
                )
            )
        return problems

    def _place_fields(self) -> Iterator[tuple[Shipment | Sighting, tuple[str, ...]]]:
        """Yield each record that names places, with the fields that hold them."""
        for s in self.shipments:
            yield s, _SHIPMENT_PLACES
        for x in self.sightings:
            yield x, ("station",)

    def resolve(self, network: RailNetwork) -> ReportSet:
        """Return a copy whose places are resolved on ``network``.

        Places already carrying a station id of ``network`` are kept; others (names
        as written, regions, or ids from another network, e.g. text reports resolved
        on the embedded network when read) are resolved by their text, once per name.
        Names that do not resolve stay as written and are flagged ``unresolved``.
        This set is left as it is; records with nothing to resolve are shared by both
        sets (the models are frozen), the others are copied.

        Parameters
        ----------
        network
            The network whose stations and regions the names resolve to.

        Returns
        -------
        ReportSet
            A new set; its ``context_notes`` say which namesakes the report's other places
            settled.

        Examples
        --------
        >>> from railtrack import data_path, load_reports
        >>> rs = load_reports(data_path("reports") / "seed-hajun-2023-03.yaml")
        >>> from railtrack import load_network
        >>> resolved = rs.resolve(load_network(national=False))
        >>> resolved.to_frame()["destination_station"].tolist()
        ['Matveev Kurgan', 'Neklinovka']
        >>> rs.shipments[0].destination.station_id is None  # the original is unchanged
        True
        """
        cache: dict[str, Place] = {}
        G = network.G

        def located(p: Place, lat: Any = None, lon: Any = None) -> Place:
            """Return ``p`` with the coordinates of its station (or the given ones)."""
            node = G.nodes[p.station_id] if p.station_id is not None else {}
            lat, lon = node.get("lat", lat), node.get("lon", lon)
            if lat is None or lon is None or (p.lat, p.lon) == (lat, lon):
                return p
            return p.model_copy(update={"lat": float(lat), "lon": float(lon)})

        known: dict[Place, Place] = {}
        # the batch path: every distinct name to resolve, resolved once up front
        texts = [
            p.text
            for record, names in self._place_fields()
            for p in _places(record, names)
            if p.station_id is None or p.station_id not in G
        ]
        distinct = list(dict.fromkeys(texts))
        answers = dict(zip(distinct, network.gazetteer.resolve_all(distinct), strict=True))

        def place(p: Place) -> Place:
            if p.station_id is not None and p.station_id in G:
                if p not in known:
                    known[p] = located(p)
                return known[p]
            found = cache.get(p.text)
            if found is None:
                r = answers[p.text] if p.text in answers else network.resolve(p.text)
                outside = r.resolved and r.station_id is None and r.region is None
                where = (r.lat, r.lon) if outside else (None, None)
                found = cache[p.text] = located(r.to_place(p.text), *where)
            return found

        def resolved(record: R, names: tuple[str, ...]) -> R:
            """Return ``record`` with its places resolved: itself when none changes."""
            update: dict[str, Any] = {}
            for name in names:
                old = getattr(record, name)
                if isinstance(old, tuple):
                    new: Any = tuple(map(place, old))
                    if any(a is not b for a, b in zip(old, new, strict=True)):
                        update[name] = new
                elif old is not None and (new := place(old)) is not old:
                    update[name] = new
            return record.model_copy(update=update) if update else record

        out = self._empty_copy()
        with collector_paused():
            out.shipments = [resolved(s, _SHIPMENT_PLACES) for s in self.shipments]
            out.groups = list(self.groups)
            out.sightings = [resolved(x, ("station",)) for x in self.sightings]
            out.context_notes = _settle_namesakes(out, network, answers)
        return out


def _report_key(record: Shipment | Sighting) -> str:
    """Return the report a record comes from: its report id, its source's link, or itself."""
    report = getattr(record, "report", None)
    if report:
        return f"report:{report}"
    url = record.source.url if record.source is not None else None
    return f"url:{url}" if url else f"record:{id(record)}"


def _anchors(places: list[Place], network: RailNetwork) -> list[Anchor]:
    """Where the resolved places of a report lie: stations, towns, a region's stations."""
    from railtrack.context import Anchor

    out = []
    for p in places:
        if p.unresolved:
            continue
        if p.region is not None and p.station_id is None:
            # the stations the region covers, as its resolution gives them (by country,
            # station region or list: not only the stations regions.yaml lists)
            members = network.gazetteer.region_members(p.region)
            ids = (members[0] or members[1]) if members is not None else ()
            for sid in ids[:: max(1, len(ids) // 200)]:
                d = network.G.nodes[sid] if sid in network.G else {}
                if d.get("lat") is not None and d.get("lon") is not None:
                    out.append(Anchor(p.region, float(d["lat"]), float(d["lon"])))
        elif p.lat is not None and p.lon is not None:
            out.append(Anchor(p.station or p.text, p.lat, p.lon))
    return out


def _candidates(r: Resolution, network: RailNetwork) -> list[Candidate] | None:
    """Return an unresolved name's candidates with where they lie; None if one is unplaced."""
    from railtrack.context import Candidate
    from railtrack.world_places import WorldPlaces

    out = []
    top = max((score for _, _, score in r.candidates), default=0.0)
    for cid, name, score in r.candidates:
        if score < network.settings.resolve_min_score:
            continue  # a far spelling is no candidate to choose
        if top >= 100.0 and score < top:
            continue  # "Лиман": the places written so are the namesakes, not a near spelling
        d = network.G.nodes[cid] if cid in network.G else {}
        lat, lon = d.get("lat"), d.get("lon")
        if lat is None or lon is None:
            world = WorldPlaces.default()
            town = world.national_town(cid) or next(
                (p for p in world.lookup(name) if p.id == cid), None
            )
            if town is None or town.lat is None or town.lon is None:
                return None
            lat, lon = town.lat, town.lon
        out.append(Candidate(cid, name, float(lat), float(lon)))
    return out if len(out) > 1 else None


def _settle_namesakes(
    out: ReportSet, network: RailNetwork, answers: Mapping[str, Resolution]
) -> list[str]:
    """Resolve, in place, each name two places bear by the other places of its report.

    Only among the candidates the gazetteer gave (:func:`railtrack.context.pick_by_context`);
    returns a note per choice made.
    """
    ambiguous = {text for text, r in answers.items() if _ambiguous(r)}
    if not ambiguous:
        return []

    def is_open(record: Shipment | Sighting) -> bool:
        return any(p.unresolved and p.text in ambiguous for p in _record_places(record))

    # only the reports naming an ambiguous place: the others have nothing to settle
    # (a national input has a few hundred of them among 100,000 reports)
    records: list[tuple[str, int, Shipment | Sighting]]
    records = [("shipments", i, s) for i, s in enumerate(out.shipments)]
    records += [("sightings", i, x) for i, x in enumerate(out.sightings)]
    keys = [_report_key(record) for _, _, record in records]
    # a sighting of a train belongs to that train's report (it carries no report id
    # of its own): "через станцию Тихорецкая ... вышедший из Ртищево" (trial19 T6)
    of_train = {
        s.id: key for (kind, _, s), key in zip(records, keys, strict=True) if kind == "shipments"
    }
    keys = [
        of_train.get(getattr(record, "shipment", None) or "", key) if kind == "sightings" else key
        for (kind, _, record), key in zip(records, keys, strict=True)
    ]
    wanted = {key for key, (_, _, record) in zip(keys, records, strict=True) if is_open(record)}
    by_report: dict[str, list[tuple[str, int]]] = {}
    for key, (kind, i, _) in zip(keys, records, strict=True):
        if key in wanted:
            by_report.setdefault(key, []).append((kind, i))
    notes: list[str] = []
    for group in by_report.values():
        places = [
            p
            for kind, i in group
            for p in _record_places(out.shipments[i] if kind == "shipments" else out.sightings[i])
        ]
        chosen = _chosen(places, network, answers, notes)
        for kind, i in group if chosen else ():
            if kind == "shipments":
                out.shipments[i] = _with_places(out.shipments[i], _SHIPMENT_PLACES, chosen)
            else:
                out.sightings[i] = _with_places(out.sightings[i], ("station",), chosen)
    return notes


def _chosen(
    places: list[Place],
    network: RailNetwork,
    answers: Mapping[str, Resolution],
    notes: list[str],
) -> dict[str, Place]:
    """Return the place context picks for each ambiguous name of one report's places."""
    from railtrack.context import Anchor, pick_by_context

    open_names = [p for p in places if p.unresolved and _ambiguous(answers.get(p.text))]
    if not open_names:
        return {}
    anchors = _anchors(places, network)
    chosen: dict[str, Place] = {}
    more = True
    while more:  # a name context settled settles others: "через Лиман и Славянск на Северск"
        more = False
        for p in open_names:
            if p.text in chosen:
                continue
            r = answers[p.text]
            cands = _candidates(r, network)
            pick = pick_by_context(cands, anchors) if cands else None
            if pick is not None:
                cand, why = pick
                chosen[p.text] = _chosen_place(p, cand, r, network)
                anchors = [*anchors, Anchor(cand.name, cand.lat, cand.lon)]
                notes.append(f"{p.text!r}: {cand.name} ({cand.id}), {why}")
                more = True
    return chosen


def _ambiguous(r: Resolution | None) -> bool:
    return r is not None and not r.resolved and len(r.candidates) > 1


def _record_places(record: Shipment | Sighting) -> list[Place]:
    names = ("station",) if isinstance(record, Sighting) else _SHIPMENT_PLACES
    return list(_places(record, names))


def _chosen_place(p: Place, cand: Candidate, r: Resolution, network: RailNetwork) -> Place:
    score = next((sc for cid, _, sc in r.candidates if cid == cand.id), None)
    if cand.id in network.G:
        found = network.gazetteer.resolve(cand.id)
        return found.to_place(p.text).model_copy(
            update={"lat": cand.lat, "lon": cand.lon, "resolved_score": score}
        )
    return Place(
        text=p.text,
        resolved_score=score,
        geo_precision="town",
        lat=cand.lat,
        lon=cand.lon,
    )


def _with_places(record: R, names: tuple[str, ...], chosen: Mapping[str, Place]) -> R:
    update: dict[str, Any] = {}
    for name in names:
        old = getattr(record, name)
        if isinstance(old, tuple):
            new = tuple(chosen.get(p.text, p) if p.unresolved else p for p in old)
            if new != old:
                update[name] = new
        elif old is not None and old.unresolved and old.text in chosen:
            update[name] = chosen[old.text]
    return record.model_copy(update=update) if update else record

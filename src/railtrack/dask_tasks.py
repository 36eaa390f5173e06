"""What the Dask engine's workers run: one partition of reports or trains at a time.

Each function here takes one partition (a converted Parquet file, or a pandas
frame of trains) and calls the default engine's stage function on it, so both
engines share one implementation of every rule:

- :func:`resolve_part`: a converted file's records validated and resolved
  (:meth:`railtrack.io.ReportSet.resolve`), then tabled (``to_frame``,
  ``groups_frame``, ``sightings_frame``), with the helper columns the engine needs
  (``_seq``: the record's place in the load; ``_published``; ``_route_key``);
- :func:`dated_part`: trains with one label per source set and their best date
  (:func:`railtrack.dating.with_best_dates`), given their sightings;
- :func:`route_part`: :func:`railtrack.routes.shipment_routes` of distinct routing
  ends; :func:`routes_of` spreads them over the trains;
- :func:`estimate_part` and :func:`status_part`:
  :func:`railtrack.estimate.arrival_windows` and
  :func:`railtrack.tracking.shipment_status` of a partition of trains.

The network and the small tables every partition reads (the distinct routes, the
sightings known at the as-of date) reach each worker once, in a
:class:`SharedOnWorkers` worker plugin, not with every task.

**Checkpoints.** With a work directory, :func:`resolve_part`, :func:`estimate_part`
and :func:`status_part` save each finished partition as
``<work>/<stage>/<key>.pkl`` (written to a temporary name and renamed) and read it
back instead of recomputing when the same key comes again: a restarted run redoes
only the partitions that had not finished. Keys hash what the partition depends
on (the input file's bytes, the network, the as-of
date, the tables it read). The files are Python pickles: point the work directory
only at a directory railtrack wrote. On a cluster of several machines the work
directory must be on storage every worker and the client see.

Examples
--------
>>> route_key(pd.DataFrame({"origin": ["Минск"], "origin_station_id": ["s1"],
...     "destination": ["Брест"], "destination_station_id": ["s2"]})).tolist()
['s1||-|s2||-||']
"""

from __future__ import annotations

import hashlib
import os
import pickle
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
import pyarrow.parquet as pq

from railtrack import columns as C
from railtrack._frames import shared_categorical
from railtrack.dating import with_best_dates
from railtrack.estimate import arrival_windows
from railtrack.knowledge import logged_day
from railtrack.labels import canonical_sources
from railtrack.models import Shipment, ShipmentGroup, Sighting
from railtrack.routes import shipment_routes
from railtrack.settings import DEFAULT_SETTINGS, Settings
from railtrack.tracking import shipment_status

if TYPE_CHECKING:
    from distributed import WorkerPlugin as _PluginBase

    from railtrack.network import RailNetwork
else:
    try:  # the module imports without Dask (doctests); the engine needs it
        from distributed import WorkerPlugin as _PluginBase
    except ImportError:  # pragma: no cover - exercised only without the extra
        _PluginBase = object

__all__ = [
    "KINDS",
    "LOOKUPS",
    "NETWORK",
    "TABLES",
    "PartSpec",
    "SharedOnWorkers",
    "SummaryStage",
    "WriteStage",
    "dated_part",
    "empty_table",
    "estimate_part",
    "graph_task",
    "group_key",
    "group_task",
    "lookup",
    "meta",
    "packed",
    "resolve_part",
    "route_key",
    "route_part",
    "routes_of",
    "shared",
    "status_part",
    "summary_part",
    "with_members",
    "write_task",
]

SEQ = "_seq"
"""Helper column: the record's place in the original load (order of every output)."""
PUBLISHED_DAY = "_published"
"""Helper column: the source's publication date (``source.published``) as a Timestamp."""
LOGGED_DAY = "_logged_day"
"""Helper column of shipments with no publication date: the day seen leaving, else
arriving (:func:`railtrack.knowledge.logged_day`), which sets the default as-of date."""
SEEN_DAY = "_seen_day"
"""Helper column of sightings: the day of ``seen_at``."""
N_TRAINS_GIVEN = "_n_trains_given"
"""Helper column of groups: the number of trains the report gave (None: not given)."""
ROUTE_KEY = "_route_key"
"""Helper column: what routing reads of a train (see :func:`route_key`)."""
HELPERS = (SEQ, PUBLISHED_DAY, LOGGED_DAY, SEEN_DAY, N_TRAINS_GIVEN, ROUTE_KEY)
"""Helper columns the engine adds; dropped from what it returns."""

NETWORK = "railtrack-network"
"""Name of the worker plugin that holds the network."""
TABLES = "railtrack-tables"
"""Name of the worker plugin that holds a run's small shared tables."""
LOOKUPS = "railtrack-lookups"
"""Name of the worker plugin that holds a run's lookup tables by key (:func:`lookup`):
what every partition's task reads (the relays to drop, the publication floors), sent
to each worker once instead of inside every task."""

KINDS: dict[str, type[Shipment] | type[ShipmentGroup] | type[Sighting]] = {
    "shipments": Shipment,
    "groups": ShipmentGroup,
    "sightings": Sighting,
}


class SharedOnWorkers(_PluginBase):
    """A ``distributed`` worker plugin holding objects every task of a run reads.

    Registered with ``client.register_plugin(SharedOnWorkers(name, value))``: the
    value is pickled once and set up on each worker (and on workers that join
    later); tasks read it with :func:`shared`.

    Parameters
    ----------
    name
        The plugin's name (:data:`NETWORK` or :data:`TABLES`); registering a plugin
        of the same name replaces the previous one.
    value
        The shared object (the network, or a dict of small frames).
    """

    def __init__(self, name: str, value: Any) -> None:
        self.name = name
        self.value = value


def shared(name: str) -> Any:
    """Return the value of the :class:`SharedOnWorkers` plugin ``name`` on this worker.

    Raises
    ------
    RuntimeError
        When called outside a Dask worker, or before the plugin was registered.
    """
    from distributed import get_worker

    plugin = get_worker().plugins.get(name)
    if not isinstance(plugin, SharedOnWorkers):
        msg = f"the {name!r} worker plugin is not registered on this worker"
        raise RuntimeError(msg)
    return plugin.value


def lookup(key: str) -> Any:
    """Return the lookup table shared under ``key`` in the :data:`LOOKUPS` plugin.

    A worker task's argument is the key, not the table: a table passed as an
    argument of ``map_partitions`` is pickled into every task and unpickled by the
    worker once per task, so a worker held a copy per partition it had queued (at
    1,000,000 reports the relays to drop, about 4 MB pickled per task, took both
    workers past 95 % of their 3 GB).

    Raises
    ------
    RuntimeError
        When called outside a Dask worker, or when no table of this key is shared
        (another run's tables replaced them).
    """
    tables = shared(LOOKUPS)
    if key not in tables:
        msg = f"the lookup table {key!r} is not shared on this worker (another run's are)"
        raise RuntimeError(msg)
    return tables[key]


@dataclass(frozen=True)
class PartSpec:
    """One converted Parquet file to read as a partition.

    Attributes
    ----------
    kind
        ``shipments``, ``groups`` or ``sightings``.
    path
        The Parquet file.
    key
        Hash of the file, the network and the engine version (its checkpoint name).
    work_dir
        Where finished partitions are saved (None: not saved).
    """

    kind: str
    path: str
    key: str
    work_dir: str | None = None


def file_key(path: Path, *parts: object) -> str:
    """Return a 24-character hash of a file's bytes and ``parts``.

    The bytes, not the modification time: a directory converted again with the same
    reports keeps its keys, so a restarted run still finds its finished partitions.

    Examples
    --------
    >>> len(file_key(Path("missing.parquet"), "v1"))
    24
    """
    digest = hashlib.sha256()
    try:
        with path.open("rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        digest.update(b"missing")
    return text_key(digest.hexdigest(), *parts)


def text_key(*parts: object) -> str:
    """Return a 24-character hash of ``parts`` (their ``str``).

    Examples
    --------
    >>> text_key("a", 1) == text_key("a", 1) != text_key("a", 2)
    True
    """
    digest = hashlib.sha256()
    for part in parts:
        digest.update(f"{part}\x1f".encode())
    return digest.hexdigest()[:24]


def _checkpointed(
    work_dir: str | None, stage: str, key: str, compute: Callable[[], pd.DataFrame]
) -> pd.DataFrame:
    """Return the saved result of ``stage`` for ``key``, else compute (and save) it."""
    if work_dir is None:
        return compute()
    path = Path(work_dir) / stage / f"{key}.pkl"
    try:
        with path.open("rb") as fh:
            saved: object = pickle.load(fh)
        if isinstance(saved, pd.DataFrame):
            return saved
    except (OSError, EOFError, pickle.UnpicklingError):
        pass
    result = compute()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.{uuid.uuid4().hex}.tmp")
    with tmp.open("wb") as fh:
        pickle.dump(result, fh, protocol=pickle.HIGHEST_PROTOCOL)
    tmp.replace(path)
    return result


def _checkpointed_value(
    work_dir: str | None, stage: str, key: str, compute: Callable[[], Any]
) -> Any:
    """Return the saved value of ``stage`` for ``key``, else compute (and save) it."""
    saved = _checkpointed(work_dir, stage, key, lambda: packed(compute()))
    return saved[PACKED].iloc[0]


def _text(values: pd.Series) -> pd.Series:
    """Return cells as stripped text, None when missing or blank (as routing reads them)."""
    text = values.astype(object).map(lambda v: v.strip() if isinstance(v, str) else None)
    return text.where(text.astype(bool), None)


def route_key(ships: pd.DataFrame) -> pd.Series:
    """Return, per train, a text naming everything routing reads of it.

    Two trains with the same key get the same route from
    :func:`railtrack.routes.shipment_routes` (all but the ends as written, which
    are copied from each train): their end station ids and regions, and, for an end
    with neither, whether a name is written (``-`` none, else the name); the via
    points' text and ids.

    Parameters
    ----------
    ships
        A shipments table (``to_frame`` columns).

    Returns
    -------
    pandas.Series
        Text keys, index of ``ships``.
    """
    parts = []
    for end in (C.ORIGIN, C.DESTINATION):
        station = _text(ships.get(f"{end}_station_id", pd.Series(None, index=ships.index)))
        region = _text(ships.get(f"{end}_region", pd.Series(None, index=ships.index)))
        written = _text(ships.get(end, pd.Series(None, index=ships.index)))
        unplaced = station.isna() & region.isna()
        name = written.where(unplaced & written.notna(), None).fillna("-")
        parts += [station.fillna(""), region.fillna(""), name.where(unplaced, "-")]
    for col in (C.VIA, C.VIA_STATION_IDS):
        parts.append(_text(ships.get(col, pd.Series(None, index=ships.index))).fillna(""))
    key = parts[0].astype(str)
    for part in parts[1:]:
        key = key + "|" + part.astype(str)
    return key


def _day(value: date | datetime | None) -> pd.Timestamp | None:
    return None if value is None else pd.Timestamp(value)


def _published(record: Any) -> pd.Timestamp | None:
    return _day(record.source.published)


def _records(spec: PartSpec) -> tuple[list[Any], list[int], list[str | None]]:
    table = pq.read_table(spec.path, columns=["seq", "file", "record"])
    model = KINDS[spec.kind]
    items = [model.model_validate_json(r) for r in table.column("record").to_pylist()]
    return items, table.column("seq").to_pylist(), table.column("file").to_pylist()


def _one_source_label(df: pd.DataFrame) -> pd.DataFrame:
    if C.SOURCE not in df.columns or not len(df):
        return df
    return df.assign(**{C.SOURCE: canonical_sources(df[C.SOURCE])})


def resolve_table(spec: PartSpec, network: RailNetwork) -> pd.DataFrame:
    """Return one converted file's records, resolved on ``network``, as a table.

    Parameters
    ----------
    spec
        The file and its kind.
    network
        The network to resolve place names on.

    Returns
    -------
    pandas.DataFrame
        Shipments: ``to_frame`` columns (one source label per set) plus ``_seq``,
        ``_published`` and ``_route_key``; groups: ``groups_frame`` columns (no
        members yet: they are found over all trains) plus ``_seq``, ``_published``,
        ``_n_trains_given``; sightings: ``sightings_frame`` columns plus ``_seq`` and
        ``_seen_day``.
    """
    from railtrack.io import ReportSet

    items, seq, files = _records(spec)
    part = ReportSet()
    for item, file in zip(items, files, strict=True):
        part.add(item, file=file)
    resolved = part.resolve(network)
    if spec.kind == "shipments":
        frame = _one_source_label(resolved.to_frame())
        frame[ROUTE_KEY] = route_key(frame)
        frame[PUBLISHED_DAY] = pd.to_datetime(pd.Series(map(_published, resolved.shipments)))
        logged = (_day(logged_day(s)) for s in resolved.shipments)
        frame[LOGGED_DAY] = pd.to_datetime(pd.Series(list(logged))).astype("datetime64[ns]")
    elif spec.kind == "groups":
        frame = _one_source_label(resolved.groups_frame())
        frame[PUBLISHED_DAY] = pd.to_datetime(pd.Series(map(_published, resolved.groups)))
        frame[N_TRAINS_GIVEN] = pd.array([g.n_trains for g in resolved.groups], dtype="Int64")
    else:
        frame = resolved.sightings_frame()
        days = [_day(x.seen_at.date()) for x in resolved.sightings]
        frame[SEEN_DAY] = pd.to_datetime(pd.Series(days, dtype=object))
    frame[SEQ] = np.asarray(seq, dtype=np.int64)
    return frame


def empty_table(kind: str) -> pd.DataFrame:
    """Return the empty table :func:`resolve_table` gives for ``kind`` (its columns).

    Examples
    --------
    >>> list(empty_table("sightings").columns)[-2:]
    ['_seen_day', '_seq']
    """
    from railtrack.io import ReportSet

    empty = ReportSet()
    if kind == "shipments":
        frame = empty.to_frame()
        frame[ROUTE_KEY] = pd.Series(dtype=object)
        frame[PUBLISHED_DAY] = pd.Series(dtype="datetime64[ns]")
        frame[LOGGED_DAY] = pd.Series(dtype="datetime64[ns]")
    elif kind == "groups":
        frame = empty.groups_frame()
        frame[PUBLISHED_DAY] = pd.Series(dtype="datetime64[ns]")
        frame[N_TRAINS_GIVEN] = pd.Series(dtype="Int64")
    else:
        frame = empty.sightings_frame()
        frame[SEEN_DAY] = pd.Series(dtype="datetime64[ns]")
    frame[SEQ] = pd.Series(dtype="int64")
    return frame


def meta(columns: Sequence[str]) -> pd.DataFrame:
    """Return an empty frame of ``columns`` (object dtype): what a task's result looks like.

    The partitions' own dtypes are kept (no metadata is enforced); Dask reads only
    the column names.

    Examples
    --------
    >>> list(meta(["id", "_seq"]).columns)
    ['id', '_seq']
    """
    return pd.DataFrame({col: pd.Series(dtype=object) for col in columns})


def resolve_part(spec: PartSpec) -> pd.DataFrame:
    """Worker task: :func:`resolve_table` on the worker's network, checkpointed."""
    return _checkpointed(
        spec.work_dir, "resolve", spec.key, lambda: resolve_table(spec, shared(NETWORK))
    )


def sightings_of(ships: pd.DataFrame, sightings: pd.DataFrame) -> pd.DataFrame:
    """Return the sightings that name one of ``ships`` (all a train's rules read)."""
    if not len(sightings):
        return sightings
    return sightings[sightings[C.SHIPMENT].astype(str).isin(set(ships[C.ID].astype(str)))]


def dated_part(ships: pd.DataFrame) -> pd.DataFrame:
    """Worker task: trains with their best date, from the known sightings shared."""
    sightings = shared(TABLES)["sightings"]
    return with_best_dates(ships, sightings_of(ships, sightings))


def route_part(ends: pd.DataFrame) -> pd.DataFrame:
    """Worker task: :func:`railtrack.routes.shipment_routes` of distinct routing ends.

    ``ends`` holds one train per :func:`route_key`; the result's ``id`` is the key.
    """
    rows = ends.assign(**{C.ID: ends[ROUTE_KEY]})
    return shipment_routes(rows, shared(NETWORK))


def routes_of(ships: pd.DataFrame, distinct: pd.DataFrame) -> pd.DataFrame:
    """Return the routes table of ``ships`` from the distinct routes (id = route key).

    Row for row what :func:`railtrack.routes.shipment_routes` gives ``ships``: the
    distinct route of each train's key, with its own id and ends as written.
    """
    at = pd.Index(distinct[C.ID]).get_indexer(pd.Index(ships[ROUTE_KEY]))
    if (at < 0).any():
        msg = "a train's routing key is missing from the distinct routes"
        raise RuntimeError(msg)
    out: pd.DataFrame = distinct.iloc[at].reset_index(drop=True)
    out[C.ID] = ships[C.ID].astype(str).to_numpy()
    for end in (C.ORIGIN, C.DESTINATION):
        out[end] = pd.array(_text(ships[end]).to_numpy(), dtype="string")
    return out


def distinct_routes(parts: pd.DataFrame) -> pd.DataFrame:
    """Return the concatenated distinct routes with each repeated text column shared.

    Partitions routed apart have their own categories; they are made one again so
    the spread tables carry the same categoricals as a one-machine run.
    """
    from railtrack.routes import _REPEATED_TEXT

    out = parts.reset_index(drop=True)
    for col in _REPEATED_TEXT:
        values = out[col].astype(object)
        out[col] = shared_categorical([v if isinstance(v, str) else None for v in values])
    return out


@dataclass(frozen=True)
class TrainStage:
    """What the per-train stages read besides the partition: the run's settings.

    Attributes
    ----------
    as_of
        The date of knowledge.
    settings
        The run's settings.
    key
        Hash of the shared tables and settings (part of each checkpoint's key).
    work_dir
        Where finished partitions are saved (None: not saved).
    """

    as_of: pd.Timestamp | None
    settings: Settings = DEFAULT_SETTINGS
    key: str = ""
    work_dir: str | None = None


def _part_key(ships: pd.DataFrame, stage: TrainStage) -> str:
    seq = ships[SEQ].to_numpy()
    ends = (int(seq.min()), int(seq.max()), len(seq)) if len(seq) else (0, 0, 0)
    ids = pd.util.hash_pandas_object(ships[C.ID], index=False).sum()
    return text_key(stage.key, *ends, int(ids))


def _shared_routes(ships: pd.DataFrame) -> pd.DataFrame:
    return routes_of(ships, shared(TABLES)["routes"])


def estimate_part(ships: pd.DataFrame, stage: TrainStage) -> pd.DataFrame:
    """Worker task: :func:`railtrack.estimate.arrival_windows` of a partition of trains."""

    def compute() -> pd.DataFrame:
        out = arrival_windows(
            ships, _shared_routes(ships), as_of=stage.as_of, settings=stage.settings
        )
        out[SEQ] = ships[SEQ].to_numpy()
        return out

    return _checkpointed(stage.work_dir, "estimate", _part_key(ships, stage), compute)


def status_part(ships: pd.DataFrame, stage: TrainStage) -> pd.DataFrame:
    """Worker task: :func:`railtrack.tracking.shipment_status` of a partition of trains."""

    def compute() -> pd.DataFrame:
        tables = shared(TABLES)
        out = shipment_status(
            ships,
            _shared_routes(ships),
            sightings_of(ships, tables["sightings"]),
            shared(NETWORK),
            as_of=stage.as_of,
            settings=stage.settings,
        )
        out[SEQ] = ships[SEQ].to_numpy()
        return out

    return _checkpointed(stage.work_dir, "status", _part_key(ships, stage), compute)


def with_members(groups: pd.DataFrame, ships: pd.DataFrame) -> pd.DataFrame:
    """Fill each group's members and train count from the trains kept (``groups_frame``).

    ``ships`` must hold every train naming one of ``groups``, in load order.
    """
    if not len(groups):
        return groups
    grouped = ships[ships[C.GROUP].notna()]
    members = grouped.groupby(grouped[C.GROUP].astype(str), sort=False)[C.ID].agg(
        lambda ids: "; ".join(map(str, ids))
    )
    ids = groups[C.ID].astype(str)
    joined = ids.map(members)
    counted = ids.map(grouped[C.GROUP].astype(str).value_counts())
    given = groups[N_TRAINS_GIVEN].astype("Int64")
    given = given.where(given.fillna(0) != 0)  # `n_trains or len(members) or None`
    out = groups.copy()
    out[C.MEMBERS] = joined.astype("string")
    counts = pd.Series(counted.to_numpy(), index=given.index, dtype="Int64")
    out[C.N_TRAINS] = given.fillna(counts).astype("Int64")
    return out


PACKED = "packed"
"""The one column of a task's packed result (a one-row frame holding Python objects)."""


def packed(value: Any) -> pd.DataFrame:
    """Return ``value`` in a one-row frame (how a task hands back several tables)."""
    cell = np.empty(1, dtype=object)
    cell[0] = value
    return pd.DataFrame({PACKED: cell})


@dataclass(frozen=True)
class SummaryStage:
    """What the summarise tasks read besides their partition.

    Attributes
    ----------
    views
        Table name -> keys (:data:`railtrack.pipeline.SUMMARY_VIEWS`).
    freq
        The period alias of the weekly tables.
    """

    views: tuple[tuple[str, tuple[str, ...]], ...]
    freq: str = "W"
    key: str = ""
    work_dir: str | None = None


def _stage_key(ships: pd.DataFrame, key: str) -> str:
    return _part_key(ships, TrainStage(as_of=None, key=key))


def summary_part(ships: pd.DataFrame, stage: SummaryStage) -> pd.DataFrame:
    """Worker task: each view's partial summary of a partition of trains (packed)."""
    from railtrack.dask_summary import train_partials

    def compute() -> pd.DataFrame:
        part = ships.reset_index(drop=True)
        return packed(train_partials(part, _shared_routes(part), dict(stage.views), stage.freq))

    return _checkpointed(stage.work_dir, "summary", _stage_key(ships, stage.key), compute)


def group_key(values: pd.Series) -> pd.Series:
    """Return the text a train's ``group`` or a group's ``id`` is matched by."""
    return values.astype(str).str.strip()


def group_task(ships: pd.DataFrame, groups: pd.DataFrame, stage: SummaryStage) -> Any:
    """Worker task: groups with their members, and their remainders' contributions.

    ``ships`` and ``groups`` are the same shuffle partition of the trains naming a
    group and of the groups (by :func:`group_key`), so each group's trains are at hand.
    Returns ``(remainder rows, groups with members, problems)`` of
    :func:`railtrack.dask_summary.group_part`.
    """
    from railtrack.dask_summary import group_part

    ships = ships.sort_values(SEQ, kind="stable").reset_index(drop=True)
    groups = groups.sort_values(SEQ, kind="stable").reset_index(drop=True)

    def compute() -> Any:
        filled = with_members(groups, ships)
        return group_part(ships, filled, _shared_routes(ships), dict(stage.views), stage.freq)

    key = text_key(_stage_key(ships, stage.key), _stage_key(groups, "groups"))
    return _checkpointed_value(stage.work_dir, "groups", key, compute)


def graph_task(ships: pd.DataFrame, stage: TrainStage | None = None) -> pd.DataFrame:
    """Worker task: a partition's distinct routes and sums for the corridor graph (packed)."""
    from railtrack.dask_graph import graph_part

    def compute() -> pd.DataFrame:
        part = ships.reset_index(drop=True)
        return packed(graph_part(part, _shared_routes(part)))

    if stage is None:
        return compute()
    return _checkpointed(stage.work_dir, "graph", _part_key(ships, stage), compute)


@dataclass(frozen=True)
class WriteStage:
    """What the write tasks read besides their partitions.

    Attributes
    ----------
    tables_dir
        Where the per-train tables are written (:mod:`railtrack.dask_written`).
    train
        The per-train stage (its key and work directory make the checkpoint's).
    """

    tables_dir: str
    train: TrainStage


def _in_order(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.sort_values(SEQ, kind="stable").reset_index(drop=True)


def _without_helpers(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.drop(columns=[c for c in HELPERS if c in frame.columns])


def write_task(
    index: int,
    ships: pd.DataFrame,
    estimates: pd.DataFrame,
    statuses: pd.DataFrame,
    stage: WriteStage,
) -> dict[str, Any]:
    """Worker task: write a partition's per-train tables as parts; return its totals.

    The totals are :func:`railtrack.dask_written.part_totals` plus ``crossing``: the
    id and routing key of each train whose route crosses a border (what labelling
    the crossings' directions reads). Checkpointed: with a work directory, a
    partition whose parts are all written is not written again.
    """
    from railtrack.dask_written import PART_TABLES, part_name, write_part

    ships = _in_order(ships)
    parts = [Path(stage.tables_dir) / name / part_name(index) for name in PART_TABLES]

    def compute() -> dict[str, Any]:
        routes = _shared_routes(ships)
        totals = write_part(
            stage.tables_dir,
            index,
            _without_helpers(ships),
            routes,
            _without_helpers(_in_order(estimates)),
            _without_helpers(_in_order(statuses)),
            resolve=shared(NETWORK).gazetteer.resolve,  # a hand log's ambiguous rows
        )
        crossing = routes[C.BORDER_CROSSINGS_N].fillna(0).to_numpy(dtype=np.int64) > 0
        totals["crossing"] = ships.loc[crossing, [C.ID, ROUTE_KEY]].reset_index(drop=True)
        return totals

    key = text_key(_part_key(ships, stage.train), stage.tables_dir, index)
    work = stage.train.work_dir
    marker = Path(stage.tables_dir) / "_keys" / f"{part_name(index)}.key"
    try:
        written = marker.read_text(encoding="utf-8") == key and all(p.is_file() for p in parts)
    except OSError:
        written = False
    if work is not None and not written:  # parts missing or of another run: write again
        (Path(work) / "write" / f"{key}.pkl").unlink(missing_ok=True)
    value: dict[str, Any] = _checkpointed_value(work, "write", key, compute)
    if not written:
        marker.parent.mkdir(parents=True, exist_ok=True)
        marker.write_text(key, encoding="utf-8")
    return value

"""The Dask engine: the main job over converted reports on a ``distributed`` cluster.

:func:`track_dask` gives the :class:`railtrack.pipeline.TrackResult` that
:func:`railtrack.pipeline.track` gives for the same reports (``railtrack track
--engine dask``), with the per-report and per-train work spread over the workers
as ``dask.dataframe`` partitions of the converted Parquet files
(:mod:`railtrack.io.converted`; one file, at most
:data:`~railtrack.io.converted.PART_ROWS` records, per partition). Each stage calls
the default engine's own stage function on each partition
(:mod:`railtrack.dask_tasks`):

==============  =============================================================
resolve         per file: records validated, names resolved, tabled
knowledge       Dask reductions and group-bys: the as-of date (latest date in
                the input), each train's latest sighting, each group's; the
                cut-off of :func:`railtrack.knowledge.cut_off` applied per
                partition; each train's best date (its sightings joined)
route           ``drop_duplicates`` on what routing reads (one row per distinct
                ends), :func:`~railtrack.routes.shipment_routes` of those in one
                task (the same batch of station pairs as a one-machine run, so
                the same choice between equally short routes); each train's
                route is then looked up by its key
estimate        :func:`~railtrack.estimate.arrival_windows` per partition
status          :func:`~railtrack.tracking.shipment_status` per partition
summarise       Dask group-bys (:mod:`railtrack.dask_summary`): partial tables per
                partition of trains; trains and groups shuffled by group id for
                members and remainders; partials merged on the client
gather          the per-train tables collected in the load's order
route graph     per-partition route sums merged on the client, laid by
                :func:`railtrack.routegraph.lay_corridors` (:mod:`railtrack.dask_graph`)
==============  =============================================================

After the knowledge stage the trains are repartitioned into runs of the load's
order (``set_index`` on ``_seq`` with even divisions), so that partial texts merge
in the one-machine order. The network reaches each worker once (a worker plugin,
not a task argument); so do the small tables every partition reads (the distinct
routes and the sightings known at the as-of date). With ``work_dir`` each finished
partition of resolve, estimate and status is saved and a restarted run reads it
back instead of recomputing it (see :mod:`railtrack.dask_tasks`).

The summaries, the group totals and the corridor graph never need the trains on
the client; the per-train tables of the result are gathered at the end (the
briefing writes them).
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Callable, Collection
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import numpy as np
import pandas as pd

from railtrack import columns as C
from railtrack._codekey import code_key
from railtrack.dask_summary import ORDER
from railtrack.dask_tasks import (
    HELPERS,
    KINDS,
    LOGGED_DAY,
    LOOKUPS,
    NETWORK,
    PACKED,
    PUBLISHED_DAY,
    ROUTE_KEY,
    SEEN_DAY,
    SEQ,
    TABLES,
    PartSpec,
    SharedOnWorkers,
    SummaryStage,
    TrainStage,
    WriteStage,
    dated_part,
    distinct_routes,
    empty_table,
    estimate_part,
    file_key,
    graph_task,
    group_key,
    group_task,
    lookup,
    meta,
    resolve_part,
    route_part,
    routes_of,
    status_part,
    summary_part,
    text_key,
    write_task,
)
from railtrack.dask_written import PART_TABLES, WrittenRun, part_name
from railtrack.io.converted import converted_extras, converted_files
from railtrack.knowledge import Knowledge, cut_off
from railtrack.onward import OnTheWay, way_test
from railtrack.pipeline import SUMMARY_VIEWS, TrackResult, assemble
from railtrack.relays import station_namer
from railtrack.settings import DEFAULT_SETTINGS, Settings
from railtrack.summary import personnel_note

if TYPE_CHECKING:
    from railtrack.io import ReportSet
    from railtrack.io.reportset import Problem
    from railtrack.network import RailNetwork

__all__ = [
    "DASK_STAGES",
    "DASK_WRITE_STAGES",
    "track_converted",
    "track_dask",
    "write_converted_dask",
    "write_dask",
]

logger = logging.getLogger(__name__)

_DASK_CONFIG = {
    # object columns (station lists, tuples) stay Python objects through shuffles
    "dataframe.convert-string": False,
    "dataframe.shuffle.method": "tasks",
}
_VIEWS = tuple((name, tuple(keys)) for name, keys in SUMMARY_VIEWS.items())

DASK_STAGES: tuple[str, ...] = (
    "resolve",
    "knowledge",
    "route",
    "estimate",
    "status",
    "summarise",
    "gather",
    "route graph",
)
"""The stages :func:`track_dask` reports to its progress callback, in order."""

DASK_WRITE_STAGES: tuple[str, ...] = tuple(
    "write" if name == "gather" else name for name in DASK_STAGES
)
"""The stages of :func:`track_dask` with ``tables_dir``: the workers write the
per-train tables (``write``) instead of the client gathering them."""

_VERSION = "2"  # changes the checkpoint keys when what a stage saves changes


def _code() -> str:
    """Return the version of the code in every checkpoint key (:func:`railtrack._codekey.code_key`).

    A partition saved by other code (another commit, an edited module) is computed
    again, not read back.
    """
    return f"{_VERSION}:{code_key()}"


class _Lookups:
    """A run's lookup tables, shared with the workers under keys (:func:`lookup`).

    Tasks take the key; the tables reach each worker once, in the :data:`LOOKUPS`
    plugin, which keeps every table of the run (a worker restarted late recomputes
    earlier partitions with them). The key holds a token of the table, so the tasks
    of another table have other names.
    """

    def __init__(self, client: Any) -> None:
        self.client = client
        self.tables: dict[str, Any] = {}

    def add(self, name: str, table: Any) -> str:
        """Share ``table`` with every worker; return the key its tasks pass."""
        from dask.base import tokenize

        key = f"{name}-{tokenize(table)}"
        if key not in self.tables:
            self.tables[key] = table
            _share(self.client, LOOKUPS, dict(self.tables))
        return key


def _network_key(network: RailNetwork) -> str:
    G = network.G
    return text_key(network.source, G.number_of_nodes(), G.number_of_edges(), network.settings)


def _read(source: Path, kind: str, net_key: str, work_dir: Path | None) -> Any:
    import dask.dataframe as dd

    files = converted_files(source, kind)
    where = None if work_dir is None else str(work_dir)
    specs = [PartSpec(kind, str(f), file_key(f, _code(), net_key), where) for f in files]
    empty = empty_table(kind)
    if not specs:
        return dd.from_pandas(empty, npartitions=1)  # type: ignore[no-untyped-call]
    return dd.from_map(  # type: ignore[no-untyped-call]
        resolve_part,
        specs,
        meta=meta(list(empty.columns)),
        enforce_metadata=False,
        label=f"resolve-{kind}",
    )


def _latest(frames: dict[str, Any]) -> date | None:
    """Return the latest publication, sighting or logged departure day (Dask reductions).

    As :func:`railtrack.knowledge.knowledge_date` picks it.
    """
    from dask.base import compute

    maxima = [
        frames[kind][col].max()
        for kind, col in (
            ("shipments", PUBLISHED_DAY),
            ("shipments", LOGGED_DAY),
            ("groups", PUBLISHED_DAY),
            ("sightings", SEEN_DAY),
        )
    ]
    if C.RETRACTED_ON in frames["shipments"].columns:  # a retraction is read too
        maxima.append(frames["shipments"][C.RETRACTED_ON].max())
    days = [
        pd.Timestamp(d)
        for d in compute(  # type: ignore[no-untyped-call]
            *maxima
        )
        if not pd.isna(d)
    ]
    return max(days).date() if days else None


def _knowledge_day(frames: dict[str, Any], as_of: Any) -> Knowledge:
    """Return the as-of date and its basis, as :func:`railtrack.knowledge.cut_off` picks them."""
    from railtrack.io import ReportSet

    if as_of is not None:  # given or "today": parsed by cut_off itself
        return cut_off(ReportSet(), as_of)[1]
    day = _latest(frames)
    return Knowledge(day, "latest in input" if day is not None else "none")


def _floors(frames: dict[str, Any]) -> pd.Series:
    """Return the floor on each train's and group's publication, as ``cut_off`` sets it.

    Keyed as :func:`railtrack.knowledge.publication_floors` keys them (the whole
    report's floor, else the record's own). A train's latest sighting and the day it
    reports its train leaving or arriving
    (``LOGGED_DAY``, :func:`railtrack.knowledge.logged_day`); a group's, the latest of
    its trains'. Dask group-bys: sightings by train (latest day), then trains by group.
    """
    from dask.base import compute

    seen_by = frames["sightings"]
    seen = seen_by[seen_by[C.SHIPMENT].notnull()].groupby(C.SHIPMENT)[SEEN_DAY].max()
    ships = frames["shipments"][[C.ID, C.REPORT, C.GROUP, PUBLISHED_DAY, LOGGED_DAY]]
    linked = ships.merge(
        seen.rename("_seen").to_frame(), left_on=C.ID, right_index=True, how="left"
    )
    meta = linked._meta[[C.ID, C.GROUP]].assign(
        _key=pd.Series(dtype=object), _floor=pd.Series(dtype="datetime64[ns]")
    )
    linked = linked.map_partitions(_with_floor, meta=meta)
    # the floor is the whole report's (publication_floors), then each group's
    by_key = linked.groupby("_key")["_floor"].max()
    keyed = linked[linked[C.GROUP].notnull()][[C.GROUP, "_key"]]
    groups = frames["groups"][[C.ID, C.REPORT]]
    own, members, group_reports = compute(  # type: ignore[no-untyped-call]
        by_key, keyed, groups
    )
    member_floor = members.assign(_floor=members["_key"].map(own.to_dict()))
    by_group = member_floor.groupby(C.GROUP)["_floor"].max()
    named = group_reports[group_reports[C.REPORT].notnull()]
    group_keys = "report:" + named[C.REPORT].astype(str)
    from_groups = pd.Series(
        named[C.ID].astype(str).map(by_group.to_dict()).to_numpy(), index=group_keys.to_numpy()
    ).dropna()
    floors = pd.concat([own, by_group, from_groups]).astype("datetime64[ns]")
    one: pd.Series = floors.groupby(level=0).max()  # one floor per key, as cut_off's dict
    return one


def _with_floor(part: pd.DataFrame) -> pd.DataFrame:
    """Return the trains of a partition with a floor: the later of sighting and logged day."""
    seen = pd.to_datetime(part["_seen"]).astype("datetime64[ns]")
    logged = pd.to_datetime(part[LOGGED_DAY]).astype("datetime64[ns]")
    floor = seen.where(seen.notna() & (logged.isna() | (seen >= logged)), logged)
    floor = floor.where(part[PUBLISHED_DAY].isna())  # only an undated report has a floor
    out = part[[C.ID, C.GROUP]].assign(_key=_floor_keys(part), _floor=floor)
    return out[out["_floor"].notna()]


def _floor_keys(part: pd.DataFrame) -> pd.Series:
    """Return each record's floor key: ``report:<report>``, else its id (as ``cut_off``)."""
    report = part[C.REPORT]
    keyed = "report:" + report.astype(str)
    return keyed.where(report.notnull(), part[C.ID].astype(str)).astype(object)


def _known_task(part: pd.DataFrame, day: date | None, floors_key: str) -> pd.DataFrame:
    """Worker task: :func:`_known` with the floors shared under ``floors_key``."""
    return _known(part, day, lookup(floors_key))


def _known(part: pd.DataFrame, day: date | None, floors: pd.Series) -> pd.DataFrame:
    """Keep the trains or groups known on ``day`` (the rule of ``cut_off``)."""
    if day is None or not len(part):
        return part
    published = part[PUBLISHED_DAY]
    # a dict, not the Series: pandas maps through an empty Series cast to float64
    floor = pd.to_datetime(_floor_keys(part).map(floors.to_dict()).astype(object))
    when = published.fillna(floor.astype("datetime64[ns]"))
    return _unretracted(part[when.isna() | (when <= pd.Timestamp(day))], day)


def _unretracted(part: pd.DataFrame, day: date) -> pd.DataFrame:
    """Undo retraction marks published after ``day`` (:func:`~railtrack.knowledge.unretracted`)."""
    if C.RETRACTED_ON not in part.columns or not len(part):
        return part
    later = pd.to_datetime(part[C.RETRACTED_ON]) > pd.Timestamp(day)
    if not later.any():
        return part
    undone = {col: part[col].where(~later) for col in (C.RETRACTED_BY, C.RETRACTED_ON)}
    return part.assign(**undone)


def _cut(
    frames: dict[str, Any], knowledge: Knowledge, lookups: _Lookups
) -> tuple[dict[str, Any], Knowledge]:
    """Apply the as-of cut-off to every kind; return the kept frames and the counts."""
    from dask.base import compute

    day = knowledge.as_of
    if day is None:
        return frames, knowledge
    floors = lookups.add("floors", _floors(frames))
    kept = {
        kind: frames[kind].map_partitions(
            _known_task, day, floors, meta=frames[kind]._meta, enforce_metadata=False
        )
        for kind in ("shipments", "groups")
    }
    sightings = frames["sightings"]
    kept["sightings"] = sightings[sightings[SEEN_DAY] <= pd.Timestamp(day)]
    counts = compute(  # type: ignore[no-untyped-call]
        *(frames[k].shape[0] for k in KINDS),
        *(kept[k].shape[0] for k in KINDS),
        *(kept[k][PUBLISHED_DAY].isnull().sum() for k in ("shipments", "groups")),
        _counted_groups(frames["groups"]),
        _counted_groups(kept["groups"]),
    )
    before, after, undated = counts[:3], counts[3:6], counts[6:8]
    # a group total left out, never a group that holds no count (trial15 C3)
    before, after = (before[0], counts[8], before[2]), (after[0], counts[9], after[2])
    return kept, Knowledge(
        as_of=day,
        basis=knowledge.basis,
        shipments_after=int(before[0] - after[0]),
        groups_after=int(before[1] - after[1]),
        sightings_after=int(before[2] - after[2]),
        undated=int(sum(undated)),
    )


def _counted_groups(groups: Any) -> Any:
    """Return (lazily) how many groups tell a car count (the rule of ``cut_off``)."""
    told = [c for c in C.CAR_COLUMNS if c in groups.columns]
    if not told:
        return 0
    return groups[told].notnull().any(axis=1).sum()


def _gathered(frame: Any) -> pd.DataFrame:
    """Return a Dask frame's partitions concatenated on the client, not on one worker.

    ``DataFrame.compute()`` first joins every partition into one on a worker
    (dask-expr lowers it to a repartition to one partition) and then sends that to
    the client: at 1,000,000 reports the link columns alone took a worker past 95 %
    of its 3 GB limit, and the nanny restarted it again and again. Here each
    partition is sent to the client as it is and joined there, as that repartition
    joins them (empty partitions left out, unless all are empty).

    Parameters
    ----------
    frame
        A ``dask.dataframe.DataFrame``.

    Returns
    -------
    pandas.DataFrame
        Equal to ``frame.compute()``: the same rows, index, columns and dtypes. The
        client holds it all; each worker holds its own partitions only.

    Examples
    --------
    >>> import dask.dataframe as dd
    >>> df = pd.DataFrame({"id": ["a", "b", "c"], "n": [1, 2, 3]})
    >>> ddf = dd.from_pandas(df, npartitions=2)
    >>> _gathered(ddf).equals(ddf.compute())
    True
    """
    from dask.base import compute
    from dask.dataframe import methods

    parts = compute(*frame.to_delayed())  # type: ignore[no-untyped-call]
    full = [part for part in parts if len(part)]
    if not full:
        return cast("pd.DataFrame", parts[0] if parts else frame._meta)
    joined = methods.concat(full, uniform=True)  # type: ignore[attr-defined,no-untyped-call]
    return cast("pd.DataFrame", joined)


def _ordered(frame: pd.DataFrame) -> pd.DataFrame:
    """Return a gathered frame in the load's order, without the helper columns."""
    if SEQ in frame.columns:
        frame = frame.sort_values(SEQ, kind="stable")
    return frame.drop(columns=[c for c in HELPERS if c in frame.columns]).reset_index(drop=True)


def _kept_rows_task(part: pd.DataFrame, key: str) -> pd.DataFrame:
    """Worker task: :func:`_kept_rows` with the relay tables shared under ``key``."""
    dropped, merged, fills = lookup(key)
    return _kept_rows(part, dropped, merged, fills)


def _kept_groups_task(part: pd.DataFrame, key: str) -> pd.DataFrame:
    """Worker task: :func:`_kept_groups` with the retold groups shared under ``key``."""
    return _kept_groups(part, lookup(key))


def _kept_rows(
    part: pd.DataFrame,
    dropped: frozenset[str],
    merged: dict[str, tuple[int, bool]],
    fills: dict[str, dict[str, object]] | None = None,
) -> pd.DataFrame:
    """Worker task: the partition's shipments that are not relays of a kept train.

    A kept train whose total is a lower bound takes a relay's count
    (:func:`railtrack.relays.merged_counts`), and the facts it leaves untold its
    linked reports' (:func:`railtrack.relay_facts.linked_fills`), as in the default
    engine.
    """
    from railtrack.relay_facts import with_fills
    from railtrack.relays import with_merged_counts

    kept = with_merged_counts(part[~part[C.ID].astype(str).isin(dropped)], merged)
    return with_fills(kept, fills or {})


def _kept_groups(part: pd.DataFrame, retold: frozenset[tuple[str | None, str]]) -> pd.DataFrame:
    """Worker task: the partition's groups but those retelling another report's group."""
    reports = part[C.REPORT].astype(object).where(part[C.REPORT].notna(), None)
    keys = zip(reports, part[C.ID].astype(str), strict=True)
    # a mask, not a list: an empty list would select no columns of an empty partition
    # (a month after the as-of date: KeyError 'id' in the group shuffle at 100,000)
    kept = np.array([(None if r is None else str(r), g) not in retold for r, g in keys], dtype=bool)
    return part[kept]


def _without_relays(
    frames: dict[str, Any],
    sightings: pd.DataFrame,
    settings: Settings,
    lookups: _Lookups,
    region_stations: Callable[[str], Collection[str]] | None = None,
    problems: list[Problem] | None = None,
    on_the_way: OnTheWay | None = None,
    station_name: Callable[[str], str | None] | None = None,
) -> tuple[dict[str, Any], pd.DataFrame, pd.DataFrame]:
    """Drop the shipments that retell another report's train (:mod:`railtrack.relays`).

    Linking compares trains across partitions, so the client gathers only the
    columns it reads (:data:`railtrack.relays.LINK_COLUMNS`, and the facts a kept
    train may take from its linked reports,
    :data:`railtrack.relay_facts.FACT_COLUMNS`), links them as the default engine
    does, and the workers drop the relays from their partitions (the relays, counts
    and facts reach each worker once, in ``lookups``). A fact linked
    reports tell otherwise is appended to ``problems`` (as the default engine's
    :func:`railtrack.relays.drop_relays` adds it).
    """
    from railtrack.relay_facts import FACT_COLUMNS, linked_fills
    from railtrack.relays import (
        LINK_COLUMNS,
        disagreement_problems,
        merged_counts,
        placed_sightings,
        relay_links,
        retold_groups,
        without_relays,
    )

    ships = frames["shipments"]
    wanted = [c for c in dict.fromkeys((*LINK_COLUMNS, *FACT_COLUMNS)) if c in ships.columns]
    told = _ordered(_gathered(ships[[*wanted, SEQ]]))
    # a sighting at its own train's place of that name, as the default engine places it
    sightings = placed_sightings(sightings, told, station_name)
    relays = relay_links(
        told,
        settings,
        sightings=sightings,
        region_stations=region_stations,
        on_the_way=on_the_way,
    )
    if not len(relays):
        return frames, sightings, relays
    dropped = frozenset(relays[C.ID].astype(str))
    merged = merged_counts(told, relays)
    fills = linked_fills(told, relays)
    if problems is not None:
        problems.extend(disagreement_problems(told, relays))
    key = lookups.add("relays", (dropped, merged, fills))
    kept = ships.map_partitions(_kept_rows_task, key, meta=ships._meta, enforce_metadata=False)
    _, sightings = without_relays(told.iloc[:0], sightings, relays)
    out = {**frames, "shipments": kept}
    retold = frozenset(retold_groups(told, relays))  # groups retelling a kept group
    if retold:
        groups = frames["groups"]
        out["groups"] = groups.map_partitions(
            _kept_groups_task,
            lookups.add("retold", retold),
            meta=groups._meta,
            enforce_metadata=False,
        )
    return out, sightings, relays


def _ordered_rows(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.sort_values(SEQ, kind="stable").reset_index(drop=True)


def _in_load_order(ships: Any) -> Any:
    """Return the trains repartitioned into runs of the load's order (a Dask shuffle).

    The partitions of converted files follow the publication months; the summaries
    merge their partial texts in the load's order, so each partition becomes a run
    of consecutive ``_seq`` (``set_index`` with even divisions, no sampling: the
    same input gives the same partitions, and the checkpoints their keys).
    """
    from dask.base import compute

    ships = ships.astype({SEQ: "int64"})  # the meta says object; the partitions hold int64
    low, high, n = compute(  # type: ignore[no-untyped-call]
        ships[SEQ].min(), ships[SEQ].max(), ships.shape[0]
    )
    if not n or pd.isna(low):
        return ships
    parts = max(1, min(ships.npartitions, int(high) - int(low)))
    edges = np.unique(np.linspace(int(low), int(high), parts + 1).round().astype(np.int64))
    if len(edges) < 2:  # one train: one partition
        return ships.repartition(npartitions=1)
    ordered = ships.set_index(
        SEQ, divisions=edges.tolist(), sorted=False, drop=False, shuffle_method="tasks"
    )
    return ordered.reset_index(drop=True)


def _summarise(
    ships: Any, groups: Any, stage: SummaryStage, settings: Settings
) -> tuple[dict[str, pd.DataFrame], pd.DataFrame, pd.DataFrame]:
    """Return the summaries, the groups table (members filled) and the remainders.

    Each partition of trains gives partial tables (:func:`summary_part`); the trains
    naming a group and the groups are shuffled by group id into the same partitions
    (``set_index`` on a hash of the id), where the members and remainders are
    worked out (:func:`group_task`); the client merges the partials in order
    (:func:`railtrack.dask_summary.combine`).
    """
    from dask.base import compute
    from dask.delayed import delayed

    from railtrack.dask_summary import combine, remainder_partials

    views = dict(stage.views)
    parts = ships.map_partitions(summary_part, stage, meta=meta([PACKED]), enforce_metadata=False)
    n = max(ships.npartitions, 1)
    grouped = _by_group(ships[ships[C.GROUP].notnull()], C.GROUP, n)
    by_id = _by_group(groups, C.ID, n)
    tasks = [
        delayed(group_task)(a, b, stage)
        for a, b in zip(grouped.to_delayed(), by_id.to_delayed(), strict=True)
    ]
    train_parts = parts.compute()
    (group_results,) = compute(tasks)  # type: ignore[no-untyped-call]
    partials = list(train_parts[PACKED])
    rests = [r for r, _, _ in group_results]
    rest = pd.concat(rests, ignore_index=True) if rests else pd.DataFrame({ORDER: []})
    group_df = _ordered(
        pd.concat([g for _, g, _ in group_results], ignore_index=True).sort_values(
            SEQ, kind="stable"
        )
        if group_results
        else empty_table("groups")
    )
    met = sorted(p for _, _, ps in group_results for p in ps)
    problems = [text for _, _, text in met]
    for kind, _, text in met:
        if kind == 0:  # (a group count its trains exceed is a problem record of the run)
            logger.warning(text)
    last = remainder_partials(rest, views) if len(rest) else {}
    out: dict[str, pd.DataFrame] = {}
    for name, keys in views.items():
        found = [p[name] for p in partials] + ([last[name]] if last else [])
        table = combine(found, keys, settings)
        table.attrs = {
            "by": tuple(keys),
            "freq": stage.freq,
            "personnel_note": personnel_note(settings=settings),
            "problems": list(problems),
        }
        out[name] = table
    return out, group_df, rest


def _by_group(frame: Any, column: str, n: int) -> Any:
    """Return ``frame`` shuffled into ``n`` partitions by a hash of its group id column."""
    part = "_group_part"

    def label(df: pd.DataFrame) -> pd.DataFrame:
        key = pd.Series(group_key(df[column]).to_numpy(dtype=object), dtype=object)
        hashed = pd.util.hash_pandas_object(key, index=False).to_numpy() % np.uint64(n)
        return df.assign(**{part: hashed.astype(np.int64)})

    labelled = frame.map_partitions(
        label, meta=meta([*frame.columns, part]), enforce_metadata=False
    )
    divisions = [*range(n), n]
    ordered = labelled.set_index(part, divisions=divisions, sorted=False, shuffle_method="tasks")
    return ordered.reset_index(drop=True)


def _route(ships: Any) -> pd.DataFrame:
    """Route each distinct ends once (a Dask ``drop_duplicates``, then one routing task)."""
    from railtrack.routes import ROUTE_INPUTS

    inputs = [c for c in ROUTE_INPUTS if c != C.ID and c in ships.columns]
    ends = ships[[ROUTE_KEY, *inputs]].drop_duplicates(subset=[ROUTE_KEY])
    # The distinct ends are routed in one task: the router searches from the origins
    # or from the destinations, whichever a batch has fewer of, so splitting the
    # batch could pick another of two equally short routes than a one-machine run.
    routed = (
        ends.repartition(npartitions=1)
        .map_partitions(route_part, meta=meta(C.ROUTE_COLUMNS), enforce_metadata=False)
        .compute()
    )
    return distinct_routes(routed)


def _share(client: Any, name: str, value: Any) -> None:
    client.register_plugin(SharedOnWorkers(name, value), name=name)


def track_dask(
    source: str | Path,
    network: RailNetwork,
    client: Any,
    *,
    as_of: Any = None,
    freq: str = "W",
    settings: Settings | None = None,
    work_dir: str | Path | None = None,
    progress: Callable[[str], None] | None = None,
) -> TrackResult:
    """Run the main job over converted reports on a Dask cluster.

    Parameters
    ----------
    source
        A directory written by ``railtrack convert``
        (:func:`railtrack.io.converted.write_converted`).
    network
        The rail network; sent to each worker once.
    client
        A ``distributed.Client`` (see :func:`railtrack.io.dask_load.dask_client`).
    as_of, freq, settings
        As for :func:`railtrack.pipeline.track`.
    work_dir
        Where finished partitions are saved; a restarted run reads them back (None:
        nothing saved). On a multi-machine cluster, storage every worker sees.
    progress
        Called with each stage's name (see :data:`DASK_STAGES`) as it starts.

    Returns
    -------
    TrackResult
        The figures of :func:`railtrack.pipeline.track` on the same reports. Its
        ``reports`` holds the problems, posts and skipped counts, not the records
        (they stay on the workers).

    Raises
    ------
    railtrack.errors.InputPathError
        When ``source`` is not converted reports of this railtrack's format.

    Notes
    -----
    Needs a ``distributed.Client`` and a converted directory; ``tests/test_dask_engine.py``
    runs it on a local cluster against :func:`railtrack.pipeline.track`.
    """
    result = _track(
        Path(source),
        network,
        client,
        as_of=as_of,
        freq=freq,
        settings=settings or DEFAULT_SETTINGS,
        work=None if work_dir is None else Path(work_dir),
        progress=progress,
    )
    return cast("TrackResult", result)


def write_dask(
    source: str | Path,
    network: RailNetwork,
    client: Any,
    tables_dir: str | Path,
    *,
    as_of: Any = None,
    freq: str = "W",
    settings: Settings | None = None,
    work_dir: str | Path | None = None,
    progress: Callable[[str], None] | None = None,
) -> WrittenRun:
    """Run the main job on a Dask cluster, the workers writing the per-train tables.

    :func:`track_dask` for inputs whose trains do not fit the client: each worker
    writes its partitions of the shipments, routes, estimates, statuses and
    unrouted-train problems as Parquet parts under ``tables_dir`` (layout in
    :mod:`railtrack.dask_written`), and hands back only totals; the summaries,
    groups, sightings and corridor graph are the ones :func:`track_dask` gives.

    Parameters
    ----------
    source, network, client, as_of, freq, settings, work_dir, progress
        As for :func:`track_dask` (the stages are :data:`DASK_WRITE_STAGES`). With
        ``work_dir`` the summaries, the corridor sums and the written partitions are
        checkpointed too, so a restarted run redoes only unfinished partitions.
    tables_dir
        Where the parts are written (created); on a cluster of several machines,
        storage every worker sees. Parts of an earlier run there are replaced
        (``_keys/`` records which run wrote each part).

    Returns
    -------
    WrittenRun
        Its :meth:`~railtrack.dask_written.WrittenRun.headline` is the one
        :meth:`railtrack.pipeline.TrackResult.headline` gives for the same reports;
        :meth:`~railtrack.dask_written.WrittenRun.table` reads a per-train table back.

    Raises
    ------
    railtrack.errors.InputPathError
        When ``source`` is not converted reports of this railtrack's format.

    Notes
    -----
    Needs a ``distributed.Client`` and a converted directory; see
    ``tests/test_dask_written.py``.
    """
    out = Path(tables_dir)
    result = _track(
        Path(source),
        network,
        client,
        as_of=as_of,
        freq=freq,
        settings=settings or DEFAULT_SETTINGS,
        work=None if work_dir is None else Path(work_dir),
        progress=progress,
        tables_dir=out,
    )
    return cast("WrittenRun", result)


def _track(
    src: Path,
    network: RailNetwork,
    client: Any,
    *,
    as_of: Any,
    freq: str,
    settings: Settings,
    work: Path | None,
    progress: Callable[[str], None] | None,
    tables_dir: Path | None = None,
) -> TrackResult | WrittenRun:
    """Run the stages of :func:`track_dask` (and of :func:`write_dask` with ``tables_dir``)."""
    import dask
    from distributed import wait

    def stage(name: str) -> None:
        logger.info("track (dask): %s", name)
        if progress is not None:
            progress(name)

    extras = converted_extras(src)
    stage("resolve")
    net_key = _network_key(network)
    _share(client, NETWORK, network)
    frames = {kind: client.persist(_read(src, kind, net_key, work)) for kind in KINDS}
    wait(list(frames.values()))  # type: ignore[no-untyped-call]
    stage("knowledge")
    lookups = _Lookups(client)
    frames, knowledge = _cut(frames, _knowledge_day(frames, as_of), lookups)
    sightings = _ordered(_gathered(frames["sightings"]))
    frames, sightings, relays = _without_relays(
        frames,
        sightings,
        settings,
        lookups,
        network.gazetteer.region_stations,
        extras.problems,
        on_the_way=way_test(network),
        station_name=station_namer(network),
    )
    _share(client, TABLES, {"sightings": sightings})
    dated_meta = meta([*frames["shipments"].columns, C.BEST_DATE, C.DATE_BASIS])
    dated = frames["shipments"].map_partitions(dated_part, meta=dated_meta, enforce_metadata=False)
    with dask.config.set(_DASK_CONFIG):
        ships = client.persist(_in_load_order(dated))
    wait(ships)  # type: ignore[no-untyped-call]
    del frames["shipments"]  # the undated partitions are released on the workers
    stage("route")
    routes_distinct = _route(ships)
    _share(client, TABLES, {"sightings": sightings, "routes": routes_distinct})
    when = None if knowledge.as_of is None else pd.Timestamp(knowledge.as_of)
    train = TrainStage(
        as_of=when,
        settings=settings,
        key=text_key(
            _code(),
            net_key,
            when,
            settings,
            int(pd.util.hash_pandas_object(sightings.astype(str), index=False).sum()),
            int(pd.util.hash_pandas_object(routes_distinct[C.ID], index=False).sum()),
        ),
        work_dir=None if work is None else str(work),
    )
    stage("estimate")
    estimates = client.persist(
        ships.map_partitions(
            estimate_part, train, meta=meta([*C.ESTIMATE_COLUMNS, SEQ]), enforce_metadata=False
        )
    )
    wait(estimates)  # type: ignore[no-untyped-call]
    stage("status")
    statuses = client.persist(
        ships.map_partitions(
            status_part, train, meta=meta([*C.STATUS_COLUMNS, SEQ]), enforce_metadata=False
        )
    )
    wait(statuses)  # type: ignore[no-untyped-call]
    stage("summarise")
    summary_stage = SummaryStage(
        _VIEWS, freq, key=text_key(train.key, freq, _VIEWS), work_dir=train.work_dir
    )
    with dask.config.set(_DASK_CONFIG):
        summaries, group_df, rest = _summarise(ships, frames["groups"], summary_stage, settings)
    del frames
    tables = {"groups": group_df, "sightings": sightings}
    if tables_dir is not None:
        stage("write")
        totals, crossing, used = _write(
            ships, estimates, statuses, WriteStage(str(tables_dir), train), routes_distinct
        )
        del estimates, statuses
        return _written(
            extras,
            network,
            tables,
            summaries,
            knowledge,
            settings,
            stage,
            graph=lambda: _corridors(ships, rest, routes_distinct, network, train),
            totals=totals,
            crossing=_crossing_routes(crossing, routes_distinct),
            tables_dir=tables_dir,
            relays=relays,
            routes=used,
        )
    stage("gather")
    trains = _ordered_rows(_gathered(ships))
    routes = routes_of(trains, routes_distinct)
    ship_df = _ordered(trains)
    del trains
    est_df = _ordered(_gathered(estimates))
    del estimates
    status_df = _ordered(_gathered(statuses))
    del statuses
    return assemble(
        extras,
        network,
        tables={
            "shipments": ship_df,
            **tables,
            "routes": routes,
            "estimates": est_df,
            "statuses": status_df,
        },
        summaries=summaries,
        knowledge=knowledge,
        settings=settings,
        stage=stage,
        graph=lambda: _corridors(ships, rest, routes_distinct, network, train),
        relays=relays,
    )


def _write(
    ships: Any, estimates: Any, statuses: Any, stage: WriteStage, distinct: pd.DataFrame
) -> tuple[Any, pd.DataFrame, pd.DataFrame]:
    """Have the workers write the per-train tables; return totals, crossings, routes used.

    One task per partition of trains (its trains, estimates and statuses are the
    same partition of one frame); the client receives each partition's totals only.
    """
    from dask.base import compute
    from dask.delayed import delayed

    from railtrack.dask_written import distinct_table, merge_totals, write_parquet

    parts = zip(ships.to_delayed(), estimates.to_delayed(), statuses.to_delayed(), strict=True)
    tasks = [delayed(write_task)(i, s, e, t, stage) for i, (s, e, t) in enumerate(parts)]
    (found,) = compute(tasks)  # type: ignore[no-untyped-call]
    _drop_stale_parts(Path(stage.tables_dir), len(tasks))
    crossing = [f.pop("crossing") for f in found]
    totals = merge_totals(found)
    table = distinct_table(totals.routes, distinct)
    write_parquet(table, Path(stage.tables_dir) / "distinct_routes.parquet")
    joined = pd.concat(crossing, ignore_index=True) if crossing else pd.DataFrame()
    if not len(joined):
        joined = pd.DataFrame({C.ID: pd.Series(dtype=object), ROUTE_KEY: pd.Series(dtype=object)})
    return totals, joined, _with_station_lists(table, distinct)


def _with_station_lists(table: pd.DataFrame, distinct: pd.DataFrame) -> pd.DataFrame:
    """Return the distinct routes table with each route's stations as a list of ids."""
    from railtrack.route_files import route_ids

    found = distinct[C.STATIONS].map(lambda v: isinstance(v, list | tuple) and len(v) > 0)
    routed = distinct[found.to_numpy(dtype=bool)]
    lists = dict(zip(route_ids(routed[C.STATIONS]), routed[C.STATIONS], strict=True))
    out = table.copy()
    out[C.STATIONS] = pd.Series(
        [lists.get(r) for r in out[C.ROUTE_ID]], index=out.index, dtype=object
    )
    return out


def _drop_stale_parts(tables_dir: Path, n: int) -> None:
    """Remove parts of an earlier run with more partitions (they would be read back)."""
    keep = {part_name(i) for i in range(n)}
    for name in (*PART_TABLES, "_keys"):
        for old in (tables_dir / name).glob("part-*"):
            if old.name.removesuffix(".key") not in keep:
                old.unlink()


def _crossing_routes(crossing: pd.DataFrame, distinct: pd.DataFrame) -> pd.DataFrame:
    """Return ``id``, ``stations`` and crossings of the trains on a border-crossing route."""
    at = pd.Index(distinct[C.ID]).get_indexer(pd.Index(crossing[ROUTE_KEY]))
    rows: pd.DataFrame = distinct.iloc[at][[C.STATIONS, C.BORDER_CROSSINGS_N]]
    rows = rows.reset_index(drop=True)
    rows.insert(0, C.ID, crossing[C.ID].astype(str).to_numpy())
    return rows


def _written(
    extras: ReportSet,
    network: RailNetwork,
    tables: dict[str, pd.DataFrame],
    summaries: dict[str, pd.DataFrame],
    knowledge: Knowledge,
    settings: Settings,
    stage: Callable[[str], None],
    *,
    graph: Callable[[], Any],
    totals: Any,
    crossing: pd.DataFrame,
    tables_dir: Path,
    relays: pd.DataFrame,
    routes: pd.DataFrame,
) -> WrittenRun:
    """Return the :class:`WrittenRun` (as :func:`railtrack.pipeline.assemble` a result)."""
    from railtrack.labels import crossing_directions

    # only the trains on a route that crosses a border label the crossings' directions
    summaries["by_border_crossing"] = crossing_directions(
        summaries["by_border_crossing"], crossing, network
    )
    stage("route graph")
    return WrittenRun(
        reports=extras,
        groups=tables["groups"],
        sightings=tables["sightings"],
        summaries=summaries,
        graph=graph(),
        as_of=None if knowledge.as_of is None else pd.Timestamp(knowledge.as_of),
        knowledge=knowledge,
        notes=[personnel_note(settings=settings)],
        totals=totals,
        tables_dir=tables_dir,
        relays=relays,
        routes=routes,
        network_problems=len(network.problems),
    )


def _corridors(
    ships: Any, rest: pd.DataFrame, distinct: pd.DataFrame, network: Any, train: TrainStage
) -> Any:
    """Return the corridor graph: sums per partition of trains, merged on the client."""
    from railtrack.dask_graph import corridors

    parts = ships.map_partitions(graph_task, train, meta=meta([PACKED]), enforce_metadata=False)
    stations_of = dict(zip(distinct[C.ID], distinct["stations"], strict=True))
    return corridors(list(parts.compute()[PACKED]), rest, stations_of, network)


def track_converted(
    reports: ReportSet | str | Path,
    network: RailNetwork,
    client: Any,
    *,
    work_dir: str | Path | None = None,
    **options: Any,
) -> TrackResult:
    """Run :func:`track_dask` on converted reports, converting loaded ones first.

    Parameters
    ----------
    reports
        A converted directory, or loaded reports: these are written with
        :func:`railtrack.io.converted.write_converted` to ``<work_dir>/converted``
        (kept, so a restarted run finds the same partitions), else to a temporary
        directory removed afterwards. On a cluster of several machines give a
        ``work_dir`` on storage the workers see.
    network, client, work_dir
        As for :func:`track_dask`.
    **options
        ``as_of``, ``freq``, ``settings``, ``progress``: as for :func:`track_dask`.

    Returns
    -------
    TrackResult

    Raises
    ------
    railtrack.errors.InputPathError
        When a given directory is not converted reports of this railtrack's format.

    Notes
    -----
    Needs a ``distributed.Client``; see ``tests/test_dask_engine.py``.
    """
    from railtrack.io.converted import write_converted

    if isinstance(reports, str | Path):
        return track_dask(reports, network, client, work_dir=work_dir, **options)
    if work_dir is not None:
        where = Path(work_dir) / "converted"
        write_converted(reports, where)
        return track_dask(where, network, client, work_dir=work_dir, **options)
    with tempfile.TemporaryDirectory(prefix="railtrack-dask-") as tmp:
        write_converted(reports, Path(tmp) / "converted")
        return track_dask(Path(tmp) / "converted", network, client, **options)


def write_converted_dask(
    reports: ReportSet | str | Path,
    network: RailNetwork,
    client: Any,
    tables_dir: str | Path,
    *,
    work_dir: str | Path | None = None,
    **options: Any,
) -> WrittenRun:
    """Run :func:`write_dask` on converted reports, converting loaded ones first.

    What ``railtrack track --engine dask`` runs: the workers write the per-train
    tables under ``tables_dir``; the briefing is then written from them
    (:meth:`railtrack.dask_written.WrittenRun.result`).

    Parameters
    ----------
    reports
        A converted directory, or loaded reports, converted as in
        :func:`track_converted` (to ``<work_dir>/converted``, kept, or to a
        temporary directory removed afterwards).
    network, client, tables_dir, work_dir
        As for :func:`write_dask`.
    **options
        ``as_of``, ``freq``, ``settings``, ``progress``: as for :func:`write_dask`.

    Returns
    -------
    WrittenRun

    Raises
    ------
    railtrack.errors.InputPathError
        When a given directory is not converted reports of this railtrack's format.

    Notes
    -----
    Needs a ``distributed.Client``; see ``tests/test_dask_written.py``.
    """
    from railtrack.io.converted import write_converted

    if isinstance(reports, str | Path):
        return write_dask(reports, network, client, tables_dir, work_dir=work_dir, **options)
    if work_dir is not None:
        where = Path(work_dir) / "converted"
        write_converted(reports, where)
        return write_dask(where, network, client, tables_dir, work_dir=work_dir, **options)
    with tempfile.TemporaryDirectory(prefix="railtrack-dask-") as tmp:
        write_converted(reports, Path(tmp) / "converted")
        return write_dask(Path(tmp) / "converted", network, client, tables_dir, **options)

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
gather          the per-train tables collected in the original order
summarise       :func:`~railtrack.summary.summarize_views` on the client
route graph     :func:`~railtrack.routegraph.corridor_graph` on the client
==============  =============================================================

The network reaches each worker once (a worker plugin, not a task argument); so
do the small tables every partition reads (the distinct routes and the sightings
known at the as-of date). With ``work_dir`` each finished partition of resolve,
estimate and status is saved and a restarted run reads it back instead of
recomputing it (see :mod:`railtrack.dask_tasks`).

The summaries and the corridor graph are computed on the client from the gathered
tables, by the same functions as the default engine: the group remainders they
count need every train of a group together, and the tables are as large as the
briefing that prints them.
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from railtrack import columns as C
from railtrack.dask_tasks import (
    HELPERS,
    KINDS,
    N_TRAINS_GIVEN,
    NETWORK,
    PUBLISHED_DAY,
    ROUTE_KEY,
    SEEN_DAY,
    SEQ,
    TABLES,
    PartSpec,
    SharedOnWorkers,
    TrainStage,
    dated_part,
    distinct_routes,
    empty_table,
    estimate_part,
    file_key,
    meta,
    resolve_part,
    route_part,
    routes_of,
    status_part,
    text_key,
)
from railtrack.io.converted import converted_extras, converted_files
from railtrack.knowledge import Knowledge, cut_off
from railtrack.labels import crossing_directions
from railtrack.pipeline import SUMMARY_VIEWS, TrackResult
from railtrack.routegraph import corridor_graph
from railtrack.settings import DEFAULT_SETTINGS, Settings
from railtrack.summary import personnel_note, summarize_views

if TYPE_CHECKING:
    from railtrack.io import ReportSet
    from railtrack.network import RailNetwork

__all__ = ["DASK_STAGES", "track_converted", "track_dask"]

logger = logging.getLogger(__name__)

DASK_STAGES: tuple[str, ...] = (
    "resolve",
    "knowledge",
    "route",
    "estimate",
    "status",
    "gather",
    "summarise",
    "route graph",
)
"""The stages :func:`track_dask` reports to its progress callback, in order."""

_VERSION = "1"  # changes the checkpoint keys when what a stage saves changes


def _network_key(network: RailNetwork) -> str:
    G = network.G
    return text_key(network.source, G.number_of_nodes(), G.number_of_edges(), network.settings)


def _read(source: Path, kind: str, net_key: str, work_dir: Path | None) -> Any:
    import dask.dataframe as dd

    files = converted_files(source, kind)
    where = None if work_dir is None else str(work_dir)
    specs = [PartSpec(kind, str(f), file_key(f, _VERSION, net_key), where) for f in files]
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
    """Return the latest publication or sighting day (Dask reductions)."""
    from dask.base import compute

    maxima = [
        frames[kind][col].max()
        for kind, col in (
            ("shipments", PUBLISHED_DAY),
            ("groups", PUBLISHED_DAY),
            ("sightings", SEEN_DAY),
        )
    ]
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
    """Return the floor on each train's and group's publication: its latest sighting.

    Dask group-bys: sightings by train (latest day), then trains by group.
    """
    from dask.base import compute

    seen_by = frames["sightings"]
    seen = seen_by[seen_by[C.SHIPMENT].notnull()].groupby(C.SHIPMENT)[SEEN_DAY].max()
    ships = frames["shipments"][[C.ID, C.GROUP]]
    linked = ships.merge(seen.rename("_floor").to_frame(), left_on=C.ID, right_index=True)
    by_group = linked[linked[C.GROUP].notnull()].groupby(C.GROUP)["_floor"].max()
    own, groups = compute(  # type: ignore[no-untyped-call]
        linked[[C.ID, "_floor"]], by_group
    )
    floors = pd.concat([own.set_index(C.ID)["_floor"], groups])
    one: pd.Series = floors.groupby(level=0).max()  # one floor per id, as cut_off's dict
    return one


def _known(part: pd.DataFrame, day: date | None, floors: pd.Series) -> pd.DataFrame:
    """Keep the trains or groups known on ``day`` (the rule of ``cut_off``)."""
    if day is None or not len(part):
        return part
    published = part[PUBLISHED_DAY]
    floor = pd.Series(part[C.ID].astype(str).map(floors).to_numpy(), index=part.index)
    when = published.fillna(floor.astype("datetime64[ns]"))
    return part[when.isna() | (when <= pd.Timestamp(day))]


def _cut(frames: dict[str, Any], knowledge: Knowledge) -> tuple[dict[str, Any], Knowledge]:
    """Apply the as-of cut-off to every kind; return the kept frames and the counts."""
    from dask.base import compute

    day = knowledge.as_of
    if day is None:
        return frames, knowledge
    floors = _floors(frames)
    kept = {
        kind: frames[kind].map_partitions(
            _known, day, floors, meta=frames[kind]._meta, enforce_metadata=False
        )
        for kind in ("shipments", "groups")
    }
    sightings = frames["sightings"]
    kept["sightings"] = sightings[sightings[SEEN_DAY] <= pd.Timestamp(day)]
    counts = compute(  # type: ignore[no-untyped-call]
        *(frames[k].shape[0] for k in KINDS),
        *(kept[k].shape[0] for k in KINDS),
        *(kept[k][PUBLISHED_DAY].isnull().sum() for k in ("shipments", "groups")),
    )
    before, after, undated = counts[:3], counts[3:6], counts[6:]
    return kept, Knowledge(
        as_of=day,
        basis=knowledge.basis,
        shipments_after=int(before[0] - after[0]),
        groups_after=int(before[1] - after[1]),
        sightings_after=int(before[2] - after[2]),
        undated=int(sum(undated)),
    )


def _ordered(frame: pd.DataFrame) -> pd.DataFrame:
    """Return a gathered frame in the load's order, without the helper columns."""
    if SEQ in frame.columns:
        frame = frame.sort_values(SEQ, kind="stable")
    return frame.drop(columns=[c for c in HELPERS if c in frame.columns]).reset_index(drop=True)


def _with_members(groups: pd.DataFrame, ships: pd.DataFrame) -> pd.DataFrame:
    """Fill each group's members and train count from the trains kept (``groups_frame``)."""
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
    """
    from distributed import wait

    settings = settings or DEFAULT_SETTINGS
    src, work = Path(source), None if work_dir is None else Path(work_dir)

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
    frames, knowledge = _cut(frames, _knowledge_day(frames, as_of))
    sightings = _ordered(frames["sightings"].compute())
    _share(client, TABLES, {"sightings": sightings})
    dated_meta = meta([*frames["shipments"].columns, C.BEST_DATE, C.DATE_BASIS])
    ships = client.persist(
        frames["shipments"].map_partitions(dated_part, meta=dated_meta, enforce_metadata=False)
    )
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
            _VERSION,
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
    stage("gather")
    gathered = ships.compute().sort_values(SEQ, kind="stable").reset_index(drop=True)
    routes = routes_of(gathered, routes_distinct)
    ship_df = _ordered(gathered)
    del gathered
    raw_groups = frames["groups"].compute().sort_values(SEQ, kind="stable")
    group_df = _ordered(_with_members(raw_groups, ship_df))
    del ships, frames
    est_df = _ordered(estimates.compute())
    del estimates
    status_df = _ordered(statuses.compute())
    del statuses
    stage("summarise")
    summaries = summarize_views(
        ship_df, SUMMARY_VIEWS, groups=group_df, freq=freq, routes=routes, settings=settings
    )
    summaries["by_border_crossing"] = crossing_directions(
        summaries["by_border_crossing"], routes, network
    )
    stage("route graph")
    graph = corridor_graph(ship_df, routes, network, groups=group_df)
    return TrackResult(
        reports=extras,
        network=network,
        shipments=ship_df,
        groups=group_df,
        sightings=sightings,
        routes=routes,
        estimates=est_df,
        statuses=status_df,
        summaries=summaries,
        graph=graph,
        as_of=when,
        notes=[personnel_note(settings=settings)],
        knowledge=knowledge,
    )


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

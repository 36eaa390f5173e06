"""Per-train tables written by the Dask workers, and the run's totals without them.

At a million reports the per-train tables (shipments, routes, estimates, statuses)
do not belong in one process. With ``tables_dir`` the Dask engine
(:func:`railtrack.engine_dask.track_dask`) has each worker write its partition of
trains as Parquet parts, named by the partition's place in the load's order::

    <tables_dir>/shipments/part-00000.parquet    # ``to_frame`` columns
    <tables_dir>/routes/part-00000.parquet       # per train: ``route_id``, no station list
    <tables_dir>/estimates/part-00000.parquet    # p10/p50/p90, ``route_id``
    <tables_dir>/status/part-00000.parquet       # each train's status at the as-of date
    <tables_dir>/problems/part-00000.parquet     # one row per train not routed
    <tables_dir>/distinct_routes.parquet         # each route once (label, stations, trains)

the same tables, in the same shape, as the files ``railtrack track`` writes
(:func:`railtrack.briefing.write_briefing`, :mod:`railtrack.route_files`): the parts
of a table read in name order are its rows in the load's order
(:func:`read_table`). Each task hands back only its partition's totals
(:func:`part_totals`): the number of trains, the railheads and sources named, the
trains routed or not and why, the trains estimated, and its distinct routes with
their train counts. The client merges them (:func:`merge_totals`) into the
headline figures :meth:`railtrack.pipeline.TrackResult.headline` gives, so what it
holds grows with the railheads, sources and routes, not with the trains.

Examples
--------
>>> a = {"shipments": 2, "railheads": {"X"}, "sources": {"Hajun"},
...      "outcomes": {"routed": 1, "no origin": 1}, "estimated": 1,
...      "routes": pd.DataFrame({"route_id": ["r1"], "trains": [1]})}
>>> b = {"shipments": 1, "railheads": {"Y"}, "sources": {"Hajun", "Rail Watch"},
...      "outcomes": {"routed": 1}, "estimated": 1,
...      "routes": pd.DataFrame({"route_id": ["r1"], "trains": [1]})}
>>> totals = merge_totals([a, b])
>>> totals.shipments, sorted(totals.railheads), dict(totals.outcomes)
(3, ['X', 'Y'], {'routed': 2, 'no origin': 1})
>>> totals.routes[["route_id", "trains"]].values.tolist()
[['r1', 2]]
"""

from __future__ import annotations

import os
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
import pyarrow.parquet as pq

from railtrack import columns as C
from railtrack._frames import parquet_ready
from railtrack.accounting import (
    OUTCOME,
    ROUTED,
    ambiguous_row_problems,
    announced,
    retracted,
    route_outcomes,
    unconfirmed,
    unrouted_problems,
    window_counts,
)
from railtrack.labels import destination_names, outlet_names
from railtrack.outlets import reporter_names
from railtrack.problems import problems_frame
from railtrack.route_files import distinct_routes, per_train_estimates, per_train_routes
from railtrack.summary import total_figures

if TYPE_CHECKING:
    import networkx as nx

    from railtrack.io import ReportSet
    from railtrack.knowledge import Knowledge
    from railtrack.network import RailNetwork
    from railtrack.pipeline import TrackResult

__all__ = [
    "PART_TABLES",
    "Totals",
    "WrittenRun",
    "distinct_table",
    "merge_totals",
    "part_name",
    "part_totals",
    "read_table",
    "return_trips_written",
    "write_parquet",
    "write_part",
]

PART_TABLES: tuple[str, ...] = ("shipments", "routes", "estimates", "status", "problems")
"""The per-train tables written as parts, one directory each under ``tables_dir``."""


def part_name(index: int) -> str:
    """Return the file name of partition ``index`` (name order is the load's order).

    Parameters
    ----------
    index : int
        The partition's 0-based place in the load's order.

    Returns
    -------
    str
        ``part-NNNNN.parquet``, zero-padded to five digits.

    Examples
    --------
    >>> part_name(7)
    'part-00007.parquet'
    """
    return f"part-{index:05d}.parquet"


def write_parquet(df: pd.DataFrame, path: Path) -> None:
    """Write ``df`` to ``path`` as Parquet under a temporary name, then rename it.

    Parameters
    ----------
    df : pandas.DataFrame
        The table; :func:`parquet_ready` converts its object columns first. The
        index is not written.
    path : pathlib.Path
        The file to write; its parent directories are made.

    Notes
    -----
    The rename is atomic on one file system, so a reader never sees half a file.
    Errors of pyarrow (unconvertible columns) and of the file system (``OSError``)
    propagate.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     target = Path(tmp) / "t" / part_name(0)
    ...     write_parquet(pd.DataFrame({"id": ["a-t1"]}), target)
    ...     pd.read_parquet(target)["id"].tolist()
    ['a-t1']
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.{uuid.uuid4().hex}.tmp")
    parquet_ready(df).to_parquet(tmp, index=False)
    tmp.replace(path)


def _sources(ships: pd.DataFrame) -> set[str]:
    return set(reporter_names(ships[C.SOURCE].dropna().unique()))


def part_totals(
    ships: pd.DataFrame, routes: pd.DataFrame, estimates: pd.DataFrame
) -> dict[str, Any]:
    """Return what the headline needs of one partition of trains.

    Parameters
    ----------
    ships, routes, estimates
        The partition's trains and their routes and estimates, row for row.

    Returns
    -------
    dict
        ``shipments`` (int), ``railheads`` and ``sources`` (sets of text),
        ``outcomes`` (outcome -> trains), ``estimated`` (trains with a p50) and
        ``routes`` (``route_id`` and ``trains`` of
        :func:`railtrack.route_files.distinct_routes` of the partition: the label
        and station list, thousands of characters, stay with the client's distinct
        routes, see :func:`distinct_table`).

    Notes
    -----
    Needs a partition's routes and estimates tables as the engine builds them; see
    ``tests/test_dask_written.py``.
    """
    outcome = route_outcomes(ships, routes)[OUTCOME]
    estimated, from_model, as_reported = window_counts(estimates)
    return {
        "shipments": len(ships),
        "railheads": destination_names(ships),
        "sources": _sources(ships),
        "outlets": set(outlet_names(ships)),
        "outcomes": {str(k): int(v) for k, v in outcome.value_counts().items()},
        "estimated": estimated,
        "estimated_from_model": from_model,
        "estimated_as_reported": as_reported,
        "announced": int(announced(ships).sum()),
        "retracted": int(retracted(ships).sum()),
        "unconfirmed": int(unconfirmed(ships).sum()),
        "routes": distinct_routes(routes)[[C.ROUTE_ID, C.TRAINS]],
    }


def write_part(
    out_dir: str | Path,
    index: int,
    ships: pd.DataFrame,
    routes: pd.DataFrame,
    estimates: pd.DataFrame,
    statuses: pd.DataFrame,
    *,
    resolve: Callable[[str], Any] | None = None,
) -> dict[str, Any]:
    """Write one partition's per-train tables as parts; return its totals.

    Parameters
    ----------
    out_dir
        The tables directory (see the module's layout).
    index
        The partition's place in the load's order (its file name).
    ships, routes, estimates, statuses
        The partition's trains, routes, estimates and statuses, row for row, in
        the load's order, without the engine's helper columns.
    resolve
        The network's name resolution (:meth:`railtrack.gazetteer.Gazetteer.resolve`):
        with it, the problems part starts with the partition's table rows whose place
        two places bear (:func:`railtrack.accounting.ambiguous_row_problems`), as the
        default engine's problems do; None leaves them out.

    Returns
    -------
    dict
        :func:`part_totals` of the partition, plus ``ambiguous`` (how many
        ambiguous-row problems the part holds).

    Notes
    -----
    Writes five Parquet tables from a partition as the engine builds it; see
    ``tests/test_dask_written.py``.
    """
    outcomes = route_outcomes(ships, routes)
    ambiguous = [] if resolve is None else ambiguous_row_problems(ships, resolve)
    problems = problems_frame([*ambiguous, *unrouted_problems(outcomes, ships)])
    tables = {
        "shipments": ships,
        "routes": per_train_routes(routes),
        "estimates": per_train_estimates(estimates, routes),
        "status": statuses,
        "problems": problems,
    }
    root = Path(out_dir)
    for name, table in tables.items():
        write_parquet(table, root / name / part_name(index))
    return {**part_totals(ships, routes, estimates), "ambiguous": len(ambiguous)}


@dataclass
class Totals:
    """The merged totals of every partition (see :func:`merge_totals`).

    Attributes
    ----------
    shipments
        Trains known at the as-of date.
    railheads, sources, outlets
        Railheads and sources named (reporters; reporters and relaying outlets).
    outcomes
        Trains by routing outcome (``routed`` or the reason not).
    estimated
        Trains with a median arrival (p50).
    estimated_from_model, estimated_as_reported
        Of those, windows from a route and the transit model, and as reports gave them.
    announced
        Trains only announced (claim ``planned`` or ``expected``).
    retracted, unconfirmed
        Trains a later report retracts, and trains told only as hearsay
        (:func:`railtrack.accounting.retracted`, :func:`~railtrack.accounting.unconfirmed`).
    ambiguous
        Table rows whose place two places bear and nothing settled (one problem each,
        :func:`railtrack.accounting.ambiguous_row_problems`).
    routes
        Each distinct route once with the trains on it, in order of first use
        (:data:`railtrack.route_files.DISTINCT_ROUTE_COLUMNS`).
    """

    shipments: int = 0
    railheads: set[str] = field(default_factory=set)
    sources: set[str] = field(default_factory=set)
    outlets: set[str] = field(default_factory=set)
    outcomes: Counter[str] = field(default_factory=Counter)
    estimated: int = 0
    estimated_from_model: int = 0
    estimated_as_reported: int = 0
    announced: int = 0
    retracted: int = 0
    unconfirmed: int = 0
    ambiguous: int = 0
    routes: pd.DataFrame = field(default_factory=pd.DataFrame)


def merge_totals(parts: Iterable[Mapping[str, Any]]) -> Totals:
    """Return the totals of partitions given in the load's order (:func:`part_totals`).

    Parameters
    ----------
    parts : iterable of mapping
        :func:`part_totals` of each partition, in the load's order.

    Returns
    -------
    Totals
        The summed counts, the union of the name sets, and ``routes``: each
        ``route_id`` once, in order of first use, with its ``trains`` summed over
        the partitions.

    Examples
    --------
    >>> part = {"shipments": 2, "railheads": {"Valuyki"}, "sources": {"Hajun"},
    ...         "outcomes": {"routed": 2}, "estimated": 1,
    ...         "routes": pd.DataFrame({"route_id": ["r1"], "trains": [2]})}
    >>> totals = merge_totals([part, part])
    >>> totals.shipments, totals.routes["trains"].tolist()
    (4, [4])
    """
    out = Totals()
    routes = []
    for part in parts:
        out.shipments += int(part["shipments"])
        out.railheads |= set(part["railheads"])
        out.sources |= set(part["sources"])
        out.outlets |= set(part.get("outlets", ()))
        out.outcomes.update(part["outcomes"])
        out.estimated += int(part["estimated"])
        out.estimated_from_model += int(part.get("estimated_from_model", 0))
        out.estimated_as_reported += int(part.get("estimated_as_reported", 0))
        out.announced += int(part.get("announced", 0))
        out.retracted += int(part.get("retracted", 0))
        out.unconfirmed += int(part.get("unconfirmed", 0))
        out.ambiguous += int(part.get("ambiguous", 0))
        routes.append(part["routes"])
    found = [r for r in routes if len(r)]
    if found:
        joined = pd.concat(found, ignore_index=True)
        trains = joined.groupby(C.ROUTE_ID, sort=False)[C.TRAINS].sum()
        first = joined.drop_duplicates(C.ROUTE_ID).set_index(C.ROUTE_ID)
        first[C.TRAINS] = trains.reindex(first.index).astype("int64")
        out.routes = first.reset_index()
    elif routes:
        out.routes = routes[0]
    return out


def distinct_table(used: pd.DataFrame, routes: pd.DataFrame) -> pd.DataFrame:
    """Return the distinct routes table of a run from its routes and the trains on each.

    Parameters
    ----------
    used
        ``route_id`` and ``trains`` in order of first use (:attr:`Totals.routes`).
    routes
        Routes that include every route used, one row or more each (the engine's
        distinct routes, one per distinct pair of ends).

    Returns
    -------
    pandas.DataFrame
        :func:`railtrack.route_files.distinct_routes` of every train's route:
        :data:`railtrack.route_files.DISTINCT_ROUTE_COLUMNS`, in order of first use.

    Notes
    -----
    Needs the engine's routes table (stations, labels, distances); see
    ``tests/test_dask_written.py``.
    """
    table = distinct_routes(routes)
    if not len(used):
        return table.iloc[:0]
    at = pd.Index(table[C.ROUTE_ID]).get_indexer(pd.Index(used[C.ROUTE_ID]))
    out: pd.DataFrame = table.iloc[at].reset_index(drop=True)
    out[C.TRAINS] = used[C.TRAINS].to_numpy(dtype="int64")
    return out


def read_table(tables_dir: str | Path, name: str) -> pd.DataFrame:
    """Return a per-train table written as parts, its rows in the load's order.

    Parameters
    ----------
    tables_dir
        A tables directory of :func:`railtrack.engine_dask.track_dask`.
    name
        One of :data:`PART_TABLES`, or ``distinct_routes``.

    Returns
    -------
    pandas.DataFrame

    Raises
    ------
    FileNotFoundError
        When the run wrote no such table there.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     write_parquet(pd.DataFrame({"id": ["a-t1"]}), Path(tmp) / "status" / part_name(0))
    ...     read_table(tmp, "status")["id"].tolist()
    ['a-t1']
    """
    root = Path(tables_dir)
    if name == "distinct_routes":
        return pd.read_parquet(root / "distinct_routes.parquet")
    parts = sorted((root / name).glob("part-*.parquet"))
    if not parts:
        msg = f"{root / name}: no parts written (not a tables directory of a Dask run?)"
        raise FileNotFoundError(msg)
    return pd.concat([pd.read_parquet(p) for p in parts], ignore_index=True)


def return_trips_written(tables_dir: str | Path) -> int:
    """Return how many written trains are a trip back of a train also written.

    The count :meth:`railtrack.pipeline.TrackResult.headline` gives as
    ``n_return_trips`` (:func:`railtrack.summary.returning_trips`), over every part of
    the ``shipments`` table, reading only its ``id`` and ``return_of`` columns (two
    short texts per train, whatever the run's size). 0 when no part has the column.

    Parameters
    ----------
    tables_dir : str or pathlib.Path
        A tables directory of :func:`railtrack.engine_dask.track_dask`.

    Returns
    -------
    int
        The number of return trips (trains); 0 when there are no parts.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     return_trips_written(tmp)
    0
    """
    from railtrack.summary import returning_trips

    parts = sorted((Path(tables_dir) / "shipments").glob("part-*.parquet"))
    frames = []
    for part in parts:
        names = pq.read_schema(part).names
        if C.RETURN_OF in names:
            frames.append(pd.read_parquet(part, columns=[C.ID, C.RETURN_OF]))
    if not frames:
        return 0
    return int(returning_trips(pd.concat(frames, ignore_index=True)).sum())


@dataclass
class WrittenRun:
    """A Dask run whose per-train tables were written by the workers.

    What :func:`railtrack.engine_dask.track_dask` returns with ``tables_dir``: the
    summaries, group-level tables and corridor graph of a
    :class:`railtrack.pipeline.TrackResult`, and the per-train tables as parts in
    :attr:`tables_dir` (read them with :func:`read_table`).

    Attributes
    ----------
    reports
        The problems, posts and skipped counts of the converted reports.
    groups, sightings
        The groups (members filled) and the sightings known at the as-of date.
    summaries
        The tables of :data:`railtrack.pipeline.SUMMARY_VIEWS`.
    graph
        The corridor graph.
    as_of, knowledge, notes
        As in :class:`~railtrack.pipeline.TrackResult`.
    totals
        The merged per-partition totals.
    tables_dir
        Where the per-train tables were written.
    relays
        The shipments left out as relays of a kept train (:mod:`railtrack.relays`).
    routes
        Each route used once (:data:`railtrack.route_files.DISTINCT_ROUTE_COLUMNS`),
        as ``distinct_routes.parquet`` holds it but with ``stations`` a list of
        station ids (as in the routes table).
    network_problems
        How many rows of the network directory could not be read (``net.problems``),
        counted in :meth:`headline` as a default run counts them.
    """

    reports: ReportSet
    groups: pd.DataFrame
    sightings: pd.DataFrame
    summaries: dict[str, pd.DataFrame]
    graph: nx.DiGraph
    as_of: pd.Timestamp | None
    knowledge: Knowledge | None
    notes: list[str]
    totals: Totals
    tables_dir: Path
    relays: pd.DataFrame = field(default_factory=pd.DataFrame)
    routes: pd.DataFrame = field(default_factory=pd.DataFrame)
    network_problems: int = 0

    def headline(self) -> dict[str, Any]:
        """Return :meth:`railtrack.pipeline.TrackResult.headline` of the same run."""
        from railtrack.relays import n_relayed

        outcomes = self.totals.outcomes
        unrouted = {k: v for k, v in outcomes.items() if k != ROUTED and v}
        knowledge = self.knowledge
        return {
            "shipments": self.totals.shipments,
            "groups": len(self.groups),
            "sightings": len(self.sightings),
            **total_figures(self.summaries["total"]),
            "destinations": sorted(self.totals.railheads),
            "sources": reporter_names(self.totals.sources),
            "outlets": outlet_names(
                pd.DataFrame({C.SOURCE: sorted(self.totals.outlets)}), self.groups, self.relays
            ),
            "n_return_trips": return_trips_written(self.tables_dir),
            "n_announced": self.totals.announced,
            "n_retracted": self.totals.retracted,
            "n_unconfirmed": self.totals.unconfirmed,
            "problems": self.network_problems
            + len(self.reports.problems)
            + self.totals.ambiguous
            + sum(unrouted.values()),
            "as_of": None if self.as_of is None else self.as_of.date().isoformat(),
            "as_of_basis": None if knowledge is None else knowledge.basis,
            "n_reports_after_as_of": 0 if knowledge is None else knowledge.reports_after,
            "n_shipments_after_as_of": 0 if knowledge is None else knowledge.shipments_after,
            "n_sightings_after_as_of": 0 if knowledge is None else knowledge.sightings_after,
            "n_relays": n_relayed(self.relays),
            "n_routed": int(outcomes.get(ROUTED, 0)),
            "n_unrouted": sum(unrouted.values()),
            "unrouted_reasons": dict(sorted(unrouted.items())),
            "n_estimated": self.totals.estimated,
            "n_estimated_from_model": self.totals.estimated_from_model,
            "n_estimated_as_reported": self.totals.estimated_as_reported,
        }

    def table(self, name: str) -> pd.DataFrame:
        """Return a per-train table read back from :attr:`tables_dir` (:func:`read_table`)."""
        return read_table(self.tables_dir, name)

    def result(self, network: RailNetwork) -> TrackResult:
        """Return the :class:`~railtrack.pipeline.TrackResult` of this run, read from the parts.

        The per-train tables are read back from :attr:`tables_dir` (shipments and
        statuses as written; each train's route label and station list, and each
        estimate's route label, put back from :attr:`routes` in place of
        ``route_id``), so :func:`railtrack.briefing.write_outputs` writes the files
        the default engine writes. It holds every train in memory.

        Parameters
        ----------
        network
            The network the run was made on.

        Returns
        -------
        railtrack.pipeline.TrackResult
        """
        from railtrack.pipeline import TrackResult

        routes = _with_route(self.table("routes"), self.routes, stations=True)
        return TrackResult(
            reports=self.reports,
            network=network,
            shipments=self.table("shipments"),
            groups=self.groups,
            sightings=self.sightings,
            routes=routes,
            estimates=_with_route(self.table("estimates"), self.routes, stations=False),
            statuses=self.table("status"),
            summaries=self.summaries,
            graph=self.graph,
            as_of=self.as_of,
            notes=self.notes,
            knowledge=self.knowledge,
            relays=self.relays,
        )


def _with_route(table: pd.DataFrame, routes: pd.DataFrame, *, stations: bool) -> pd.DataFrame:
    """Return a per-train table with ``route`` (and ``stations``) in place of ``route_id``.

    Examples
    --------
    >>> used = pd.DataFrame({"route_id": ["r1"], "route": ["A → B"], "stations": [["a", "b"]]})
    >>> per_train = pd.DataFrame({"id": ["t1", "t2"], "route_id": ["r1", None], "km": [5, None]})
    >>> _with_route(per_train, used, stations=True).values.tolist()
    [['t1', 'A → B', ['a', 'b'], 5.0], ['t2', nan, None, nan]]
    """
    if C.ROUTE_ID not in table.columns:
        return table
    at = pd.Index(routes[C.ROUTE_ID] if len(routes) else []).get_indexer(
        pd.Index(table[C.ROUTE_ID])
    )
    found = at >= 0
    place = list(table.columns).index(C.ROUTE_ID)
    out = table.drop(columns=[C.ROUTE_ID])
    label = pd.Series(np.nan, index=out.index, dtype=object)
    if len(routes):
        label[found] = routes[C.ROUTE_LABEL].to_numpy(dtype=object)[at[found]]
    out.insert(place, C.ROUTE_LABEL, label)
    if stations:
        ids = pd.Series([None] * len(out), index=out.index, dtype=object)
        if len(routes):
            ids[found] = routes[C.STATIONS].to_numpy(dtype=object)[at[found]]
        out.insert(place + 1, C.STATIONS, ids)
    return out

"""The main job as a library call: reports to resolved, routed, estimated, summarised data.

:func:`track` chains the steps that ``railtrack track`` runs, so that a notebook, a
script and the command line get the same figures. Each step is the public function
of its own module; this module only passes plain objects from one to the next.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

import networkx as nx
import pandas as pd

from railtrack import columns as C
from railtrack._intern import full_collections_paused
from railtrack.accounting import (
    OUTCOME,
    ROUTED,
    ambiguous_row_problems,
    announced,
    doubled_back_problems,
    retracted,
    route_outcomes,
    unconfirmed,
    unrouted_problems,
    window_counts,
)
from railtrack.dating import with_best_dates
from railtrack.estimate import arrival_windows, known_on
from railtrack.knowledge import Knowledge
from railtrack.labels import (
    canonical_sources,
    crossing_directions,
    destination_names,
    outlet_names,
)
from railtrack.onward import way_test
from railtrack.outlets import reporter_names
from railtrack.problems import problems_frame
from railtrack.relays import (
    RELAY_COLUMNS,
    drop_relays,
    n_relayed,
    placed_sightings,
    relay_links,
    station_namer,
    without_relays,
)
from railtrack.remainders import group_count_problems, group_remainders
from railtrack.routegraph import corridor_graph
from railtrack.routes import shipment_routes
from railtrack.settings import DEFAULT_SETTINGS, Settings
from railtrack.summary import personnel_note, returning_trips, summarize_views, total_figures
from railtrack.tracking import shipment_status

if TYPE_CHECKING:
    from railtrack.io import Problem, ReportSet
    from railtrack.network import RailNetwork

__all__ = [
    "STAGES",
    "SUMMARY_VIEWS",
    "ResolvedReports",
    "TrackResult",
    "assemble",
    "resolve_reports",
    "track",
    "track_resolved",
]

logger = logging.getLogger(__name__)

SUMMARY_VIEWS: dict[str, tuple[str, ...]] = {
    "by_origin": (C.ORIGIN,),
    "by_railhead": (C.DESTINATION,),
    "by_route": ("route",),
    "by_border_crossing": ("border_crossing",),
    "by_week": ("period",),
    "by_railhead_week": (C.DESTINATION, "period"),
    "by_source": (C.SOURCE, C.RELIABILITY),
    "total": (),
}
"""The summary tables ``track`` builds: name -> keys passed to :func:`summarize`."""

STAGES: tuple[str, ...] = ("resolve", "route", "estimate", "status", "summarise", "route graph")
"""The stages :func:`track` reports to its progress callback, in order."""


@dataclass
class TrackResult:
    """Everything the main job computes, as plain pandas and networkx objects.

    Attributes
    ----------
    reports
        The reports with their places resolved on the network.
    shipments, groups, sightings
        ``reports.to_frame()``, ``groups_frame()`` and ``sightings_frame()``.
    routes
        Each shipment's one route, from :func:`railtrack.routes.shipment_routes`
        (columns :data:`railtrack.columns.ROUTE_COLUMNS`); every table and the graph
        below read it.
    estimates
        :func:`railtrack.estimate.arrival_windows` output, one row per shipment.
    statuses
        :func:`railtrack.tracking.shipment_status` output: each shipment's status at
        ``as_of`` (today when None), with sightings taken into account.
    summaries
        Named tables from :func:`railtrack.summarize` (see :data:`SUMMARY_VIEWS`).
    graph
        The corridors used, from :func:`railtrack.route_graph`.
    as_of
        The date estimates and statuses are computed for.
    knowledge
        The date of knowledge and what it left out (:func:`railtrack.knowledge.cut_off`).
    relays
        The shipments left out as relays of a train another report tells, one row each
        (columns :data:`railtrack.relays.RELAY_COLUMNS`; ``train`` is the kept id).
    """

    reports: ReportSet
    network: RailNetwork
    shipments: pd.DataFrame
    groups: pd.DataFrame
    sightings: pd.DataFrame
    routes: pd.DataFrame
    estimates: pd.DataFrame
    statuses: pd.DataFrame
    summaries: dict[str, pd.DataFrame]
    graph: nx.DiGraph
    as_of: pd.Timestamp | None
    notes: list[str] = field(default_factory=list)
    knowledge: Knowledge | None = None
    relays: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=list(RELAY_COLUMNS)))
    _outcomes: pd.DataFrame | None = field(default=None, repr=False)
    _unrouted: list[Problem] | None = field(default=None, repr=False)
    _group_counts: list[Problem] | None = field(default=None, repr=False)

    @property
    def outcomes(self) -> pd.DataFrame:
        """Each train routed or not, and why not (:func:`railtrack.accounting.route_outcomes`)."""
        if self._outcomes is None:
            self._outcomes = route_outcomes(self.shipments, self.routes)
        return self._outcomes

    @property
    def input_problems(self) -> list[Problem]:
        """The rows of the network and of the reports that could not be read.

        The network's first (``network.problems``: a ``--network`` directory's bad
        rows; none for the embedded network), then the reports'.

        Returns
        -------
        list of Problem
            Each with the file, row and field it is about (``path``, ``row``,
            ``field``) and its message.

        Examples
        --------
        >>> import tempfile
        >>> from pathlib import Path
        >>> from railtrack import load_network, load_reports
        >>> folder = Path(tempfile.mkdtemp())
        >>> _ = (folder / "log.csv").write_text(
        ...     "origin,destination,departure,cars,source\\n"
        ...     "Slonim,Valuyki,2023-03-01,40,Hajun\\n"
        ...     "Orsha,Brest,2023-03-02,eighty?,Hajun\\n", encoding="utf-8")
        >>> result = track(load_reports(folder), load_network())
        >>> [(Path(p.path).name, p.row, p.field) for p in result.input_problems]
        [('log.csv', 3, 'cars')]
        >>> len(result.shipments)  # the row is kept without its count
        2
        """
        return [*self.network.problems, *self.reports.problems]

    @property
    def problems(self) -> list[Problem]:
        """Input problems, unrouted trains, then group totals their trains exceed.

        The network's and the reports' problems (:attr:`input_problems`), one per
        table row whose place two places bear and nothing settled
        (:func:`~railtrack.accounting.ambiguous_row_problems`), one problem per train
        that was not routed, then one per group count its own trains exceed
        (:func:`~railtrack.remainders.group_count_problems`).
        """
        if self._unrouted is None:  # one per unrouted train: worked out once
            self._unrouted = [
                *ambiguous_row_problems(self.shipments, self.network.gazetteer.resolve),
                *unrouted_problems(self.outcomes, self.shipments),
            ]
        if self._group_counts is None:
            self._group_counts = group_count_problems(self.shipments, self.groups)
        return [
            *self.input_problems,
            *self._unrouted,
            *doubled_back_problems(self.routes, self.shipments),
            *self._group_counts,
        ]

    def problems_frame(self) -> pd.DataFrame:
        """Return :attr:`problems` as a table (path, row, unit, field, message, text).

        ``row`` is a nullable integer (:func:`railtrack.problems.problems_frame`).
        """
        return problems_frame(self.problems)

    def headline(self) -> dict[str, Any]:
        """Return the figures a reader wants first: trains, cars, railheads, sources."""
        railheads = sorted(destination_names(self.shipments))
        return {
            "shipments": len(self.shipments),
            "groups": len(self.groups),
            "sightings": len(self.sightings),
            **total_figures(self.summaries["total"]),
            "destinations": railheads,
            # the trains' reporters, one name per outlet (railtrack.outlets)
            "sources": reporter_names(self.shipments[C.SOURCE].dropna().unique()),
            # every reporter and relaying outlet, as the briefing's sources list names them
            "outlets": outlet_names(self.shipments, self.groups, self.relays),
            # trips back whose cars the totals count once, with the outbound trip
            "n_return_trips": int(returning_trips(self.shipments).sum()),
            # trains only announced (planned, expected), counted apart from those told moving
            "n_announced": int(announced(self.shipments).sum()),
            # trains listed but counted apart: retracted by a later report, or hearsay
            "n_retracted": int(retracted(self.shipments).sum()),
            "n_unconfirmed": int(unconfirmed(self.shipments).sum()),
            "problems": len(self.problems),
            "as_of": None if self.as_of is None else self.as_of.date().isoformat(),
            **self._accounting(),
        }

    def _accounting(self) -> dict[str, Any]:
        """Return the as-of basis, what it left out, and trains routed or not and why."""
        outcome = self.outcomes[OUTCOME]
        reasons = outcome[outcome != ROUTED].value_counts()
        knowledge = self.knowledge
        estimated, from_model, as_reported = window_counts(self.estimates)
        return {
            "as_of_basis": None if knowledge is None else knowledge.basis,
            "n_reports_after_as_of": 0 if knowledge is None else knowledge.reports_after,
            "n_shipments_after_as_of": 0 if knowledge is None else knowledge.shipments_after,
            "n_sightings_after_as_of": 0 if knowledge is None else knowledge.sightings_after,
            "n_relays": n_relayed(self.relays),
            "n_routed": int((outcome == ROUTED).sum()),
            "n_unrouted": int((outcome != ROUTED).sum()),
            "unrouted_reasons": {str(k): int(v) for k, v in reasons.sort_index().items()},
            "n_estimated": estimated,
            # of those, windows worked out from a route and those the reports gave
            "n_estimated_from_model": from_model,
            "n_estimated_as_reported": as_reported,
        }


def _one_source_label(df: pd.DataFrame) -> pd.DataFrame:
    if C.SOURCE not in df.columns or not len(df):
        return df
    return df.assign(**{C.SOURCE: canonical_sources(df[C.SOURCE])})


def _as_of(value: date | datetime | str | pd.Timestamp | None) -> pd.Timestamp | None:
    if value is None:
        return None
    return pd.Timestamp(value)


@dataclass
class ResolvedReports:
    """The resolve stage's output: what every later stage of :func:`track` reads.

    Holds no reference to the reports as loaded, so a caller that does not need them
    any more (the command line) can let them go before the later stages build their
    tables (see :func:`resolve_reports`).

    Attributes
    ----------
    reports
        The reports known at the as-of date, their places resolved, the relays of a
        train another report tells dropped.
    shipments, groups, sightings
        Their tables, as in :class:`TrackResult` (each train's best dates added).
    relays
        The shipments left out as relays (columns :data:`railtrack.relays.RELAY_COLUMNS`).
    knowledge
        The date of knowledge and what it left out.
    """

    reports: ReportSet
    shipments: pd.DataFrame
    groups: pd.DataFrame
    sightings: pd.DataFrame
    relays: pd.DataFrame
    knowledge: Knowledge


def _stage_reporter(progress: Callable[[str], None] | None) -> Callable[[str], None]:
    """Return a callback that logs each stage and passes its name to ``progress``."""

    def stage(name: str) -> None:
        logger.info("track: %s", name)
        if progress is not None:
            progress(name)

    return stage


def resolve_reports(
    reports: ReportSet,
    network: RailNetwork,
    *,
    as_of: date | datetime | str | pd.Timestamp | None = None,
    settings: Settings | None = None,
    progress: Callable[[str], None] | None = None,
) -> ResolvedReports:
    """Cut reports to what was known, resolve their places, drop relays: the first stage.

    :func:`track` is this, then :func:`track_resolved`. Called apart, the reports as
    loaded can be released between the two (the result holds none of them): at
    100,000 reports they are several hundred megabytes the later stages need no more.

    Parameters
    ----------
    reports
        What :func:`railtrack.load_reports` (or the store) returned; left as it is.
    network
        The rail network to resolve names on.
    as_of
        The date of knowledge, as for :func:`track`.
    settings
        Tunable defaults; :data:`railtrack.settings.DEFAULT_SETTINGS` when None.
    progress
        Called with ``"resolve"`` as the stage starts.

    Returns
    -------
    ResolvedReports

    Examples
    --------
    >>> from railtrack import data_path, load_network, load_reports
    >>> network = load_network()
    >>> resolved = resolve_reports(load_reports(data_path("reports")), network)
    >>> result = track_resolved(resolved, network)
    >>> result.shipments.equals(resolved.shipments)
    True
    """
    settings = settings or DEFAULT_SETTINGS
    stage = _stage_reporter(progress)
    with full_collections_paused():  # no full GC pass walks the loaded reports again
        known, knowledge, _ = known_on(reports, as_of)  # the one cut to what was known
        stage("resolve")
        resolved = known.resolve(network)  # the one resolving step: later steps read ids
        del known  # the cut's own copies, when it made any, are not needed past here
        # One label per source set; relays of one train by several reports kept once.
        told = _one_source_label(resolved.to_frame())
        # a sighting at its own train's place of that name: settled as the train's was
        seen = placed_sightings(resolved.sightings_frame(), told, station_namer(network))
        relays = relay_links(
            told,
            settings,
            sightings=seen,
            region_stations=network.gazetteer.region_stations,
            on_the_way=way_test(network),
        )
        told, sightings = without_relays(told, seen, relays)
        resolved = drop_relays(resolved, relays)
        shipments = with_best_dates(told, sightings)  # each train's best date
        groups = _one_source_label(resolved.groups_frame())
    return ResolvedReports(
        reports=resolved,
        shipments=shipments,
        groups=groups,
        sightings=sightings,
        relays=relays,
        knowledge=knowledge,
    )


def track(
    reports: ReportSet,
    network: RailNetwork,
    *,
    as_of: date | datetime | str | pd.Timestamp | None = None,
    freq: str = "W",
    settings: Settings | None = None,
    progress: Callable[[str], None] | None = None,
) -> TrackResult:
    """Resolve, route, estimate and summarise a set of reports.

    :func:`resolve_reports` then :func:`track_resolved`.

    Parameters
    ----------
    reports
        What :func:`railtrack.load_reports` (or the store) returned.
    network
        The rail network to resolve names and route on.
    as_of
        The date of knowledge: only reports published (and sightings made) on or
        before it count, and estimates and statuses are made for it. None takes the
        latest publication or sighting date in ``reports``; ``"today"`` the
        wall-clock date (see :func:`railtrack.knowledge.cut_off`).
    freq
        Period of the weekly tables (a pandas period alias).
    settings
        Tunable defaults; :data:`railtrack.settings.DEFAULT_SETTINGS` when None.
    progress
        Called with each stage's name (see :data:`STAGES`) as it starts.

    Returns
    -------
    TrackResult

    Notes
    -----
    Loading the embedded network and routing every report takes seconds; the README's "The
    main job" section shows a run.
    """
    with full_collections_paused():  # none between the two either
        resolved = resolve_reports(
            reports, network, as_of=as_of, settings=settings, progress=progress
        )
        return track_resolved(resolved, network, freq=freq, settings=settings, progress=progress)


def track_resolved(
    resolved: ResolvedReports,
    network: RailNetwork,
    *,
    freq: str = "W",
    settings: Settings | None = None,
    progress: Callable[[str], None] | None = None,
) -> TrackResult:
    """Route, estimate and summarise resolved reports: every stage of :func:`track` after the first.

    Parameters
    ----------
    resolved
        What :func:`resolve_reports` returned (its tables are not changed).
    network
        The rail network the reports were resolved on, to route on.
    freq
        Period of the weekly tables (a pandas period alias).
    settings
        Tunable defaults; :data:`railtrack.settings.DEFAULT_SETTINGS` when None.
    progress
        Called with each stage's name after ``"resolve"`` (see :data:`STAGES`) as it
        starts.

    Returns
    -------
    TrackResult

    Notes
    -----
    Needs resolved reports and a network (seconds to load); :func:`track` calls it after
    :func:`resolve_reports`.
    """
    settings = settings or DEFAULT_SETTINGS
    stage = _stage_reporter(progress)
    shipments, groups, sightings = resolved.shipments, resolved.groups, resolved.sightings
    knowledge = resolved.knowledge
    with full_collections_paused():  # no full GC pass walks the reports' models again
        stage("route")
        routes = shipment_routes(shipments, network)  # the one route of each train
        stage("estimate")
        when = _as_of(knowledge.as_of)
        estimates = arrival_windows(shipments, routes, as_of=when, settings=settings)
        stage("status")
        statuses = shipment_status(
            shipments, routes, sightings, network, as_of=when, settings=settings
        )
        stage("summarise")
        # Groups' cars their trains leave out: one table for the summaries and the graph.
        remainders = group_remainders(shipments.reset_index(drop=True), groups)
        summaries = summarize_views(
            shipments,
            SUMMARY_VIEWS,
            groups=groups,
            freq=freq,
            routes=routes,
            settings=settings,
            remainders=remainders,
        )
        return assemble(
            resolved.reports,
            network,
            tables={
                "shipments": shipments,
                "groups": groups,
                "sightings": sightings,
                "routes": routes,
                "estimates": estimates,
                "statuses": statuses,
            },
            summaries=summaries,
            knowledge=knowledge,
            settings=settings,
            stage=stage,
            remainders=remainders,
            relays=resolved.relays,
        )


def assemble(
    reports: ReportSet,
    network: RailNetwork,
    *,
    tables: dict[str, pd.DataFrame],
    summaries: dict[str, pd.DataFrame],
    knowledge: Knowledge,
    settings: Settings,
    stage: Callable[[str], None],
    graph: Callable[[], nx.DiGraph] | None = None,
    remainders: pd.DataFrame | None = None,
    relays: pd.DataFrame | None = None,
) -> TrackResult:
    """Return the :class:`TrackResult` of the main job's tables (both engines' last step).

    Labels the border crossings of ``summaries["by_border_crossing"]`` with their
    direction (in place), lays the corridor graph (stage ``"route graph"``) and
    adds the personnel note.

    Parameters
    ----------
    reports
        The resolved reports (or, from the Dask engine, their problems and posts).
    network
        The rail network.
    tables
        ``shipments``, ``groups``, ``sightings``, ``routes``, ``estimates`` and
        ``statuses`` (see :class:`TrackResult`).
    summaries
        The tables of :data:`SUMMARY_VIEWS`.
    knowledge
        The date of knowledge and what it left out.
    settings
        The run's settings.
    stage
        Called with ``"route graph"`` as the graph is laid.
    graph
        Lays the corridor graph another way (the Dask engine's); None:
        :func:`railtrack.routegraph.corridor_graph` of the tables.
    remainders
        :func:`railtrack.remainders.group_remainders` of the shipments and groups,
        when already worked out; None: the graph works it out.
    relays
        The shipments dropped as relays of a kept train
        (:func:`railtrack.relays.relay_links`); None: none.

    Returns
    -------
    TrackResult

    Examples
    --------
    >>> from railtrack import data_path, load_network, load_reports
    >>> result = track(load_reports(data_path("reports")), load_network())
    >>> again = assemble(result.reports, result.network, tables={
    ...     name: getattr(result, name) for name in
    ...     ("shipments", "groups", "sightings", "routes", "estimates", "statuses")},
    ...     summaries=dict(result.summaries), knowledge=result.knowledge,
    ...     settings=DEFAULT_SETTINGS, stage=print)
    route graph
    >>> again.headline() == result.headline()
    True
    """
    routes = tables["routes"]
    summaries["by_border_crossing"] = crossing_directions(
        summaries["by_border_crossing"], routes, network
    )
    stage("route graph")
    if graph is None:
        laid = corridor_graph(
            tables["shipments"], routes, network, groups=tables["groups"], remainders=remainders
        )
    else:
        laid = graph()
    return TrackResult(
        reports=reports,
        network=network,
        shipments=tables["shipments"],
        groups=tables["groups"],
        sightings=tables["sightings"],
        routes=routes,
        estimates=tables["estimates"],
        statuses=tables["statuses"],
        summaries=summaries,
        graph=laid,
        as_of=_as_of(knowledge.as_of),
        notes=[personnel_note(settings=settings)],
        knowledge=knowledge,
        relays=pd.DataFrame(columns=list(RELAY_COLUMNS)) if relays is None else relays,
        _group_counts=None
        if remainders is None
        else group_count_problems(tables["shipments"], tables["groups"], remainders),
    )

"""The record kinds railtrack prints, as pydantic models: one JSON Schema per kind.

Every command that prints records prints them in the shape of their kind, with a
``record`` field naming the kind; record streams are JSON Lines. The report
records (``shipment``, ``group``, ``sighting``) are the report model itself
(:mod:`railtrack.models`) with that ``record`` field (and a group's ``members``),
so a printed stream is itself a loadable report file. The others describe rows
that are DataFrames in the Python API (``estimate``, ``status``, ``route``,
``volume``) and the summaries of a run.

Conventions, true of every kind:

- counts are integers named ``n_...`` (``n_shipments``, ``n_problems``); a plural
  name (``problems``, ``stations``, ``flags``) is always a list;
- a field is either an ISO date (``YYYY-MM-DD``: dates a report gives, windows,
  periods) or an ISO datetime (``YYYY-MM-DDTHH:MM:SS``: model quantiles ``p10``,
  ``p50``, ``p90``, ``seen_at``, ``last_seen_at``, ``as_of``), never both;
- a place (``origin``, ``destination``, ``via``, a sighting's ``station``, a
  route's ends, ``last_seen_station``) is always a
  :class:`~railtrack.models.Place` object: ``text`` as written, then
  ``station_id``, ``station``, ``region`` it resolved to, ``resolved_score``,
  ``unresolved``, ``geo_precision`` and ``lat``/``lon``;
- a train that could not be routed is a problem in every command that routes,
  counted as ``n_unrouted`` (with ``unrouted_reasons``) in the command's summary
  record, or named by ``unrouted_reason`` on its ``estimate``/``status`` record.

The JSON Schemas generated from these models are checked into
``src/railtrack/schemas/`` (refresh: ``python -m railtrack.records``) and printed
by ``railtrack schema KIND``.

Examples
--------
>>> {"shipment", "resolution", "cache"} <= set(KINDS)
True
>>> schema("status")["properties"]["as_of"]["format"]
'date-time'
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from railtrack.models import DateWindow, Place, Shipment, ShipmentGroup, Sighting

__all__ = [
    "KINDS",
    "SCHEMA_DIR",
    "EstimateRecord",
    "FileRecord",
    "GroupRecord",
    "IngestSummary",
    "OutputFile",
    "PlotSummary",
    "ProblemRecord",
    "ResolutionRecord",
    "RouteRecord",
    "RunSummary",
    "ShipmentRecord",
    "SightingRecord",
    "StatusRecord",
    "VolumeRecord",
    "VolumeTable",
    "schema",
    "write_schemas",
]

SCHEMA_DIR = Path(__file__).parent / "schemas"
"""Where the generated schemas are kept (shipped in the package)."""

SCHEMA_BASE = "https://railtrack.invalid/schemas/"


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ShipmentRecord(Shipment):
    """One train as a report gives it (``load``, ``extract``): the :class:`Shipment` fields.

    Examples
    --------
    >>> from railtrack.models import Source
    >>> rec = ShipmentRecord(id="T1", source=Source(reporter="Belarusian Hajun"))
    >>> rec.record, rec.id, rec.source.reporter
    ('shipment', 'T1', 'Belarusian Hajun')
    """

    record: Literal["shipment"] = "shipment"


class GroupRecord(ShipmentGroup):
    """A fact about several trains kept once; ``members`` lists the trains' ids.

    Examples
    --------
    >>> from railtrack.models import Source
    >>> rec = GroupRecord(id="G1", source=Source(reporter="Hajun"), members=["T1", "T2"])
    >>> rec.record, rec.members
    ('group', ['T1', 'T2'])
    """

    record: Literal["group"] = "group"
    members: list[str] = Field(default_factory=list)


class SightingRecord(Sighting):
    """A train seen at a station at a time (``seen_at`` an ISO datetime).

    Examples
    --------
    >>> from datetime import datetime
    >>> from railtrack.models import Place, Source
    >>> rec = SightingRecord(
    ...     id="S1",
    ...     station=Place(text="Орша"),
    ...     seen_at=datetime(2023, 3, 1, 14, 30),
    ...     source=Source(reporter="Hajun"),
    ... )
    >>> rec.record, rec.station.text, rec.seen_at.isoformat()
    ('sighting', 'Орша', '2023-03-01T14:30:00')
    """

    record: Literal["sighting"] = "sighting"


class ProblemRecord(_Out):
    """One bad file or record: where (``path``, integer ``row`` counted in ``unit``), what.

    Examples
    --------
    >>> rec = ProblemRecord(
    ...     path="reports.csv", row=14, unit="row", field="cars",
    ...     message="'eighty six?' is not a number",
    ...     text="reports.csv row 14, field 'cars': 'eighty six?' is not a number",
    ... )
    >>> rec.record, rec.row, rec.field
    ('problem', 14, 'cars')
    """

    record: Literal["problem"] = "problem"
    path: str | None
    row: int | None
    unit: str | None
    field: str | None
    message: str
    text: str = Field(description="The problem as one line of text.")


class FileRecord(_Out):
    """How ``load`` read one tabular file: which of its columns became which field.

    Examples
    --------
    >>> rec = FileRecord(
    ...     path="reports.csv", format="csv", columns={"Cars": "cars_total"},
    ...     ignored=["Notes"], n_records=3, generated_ids=True,
    ... )
    >>> rec.record, rec.columns["Cars"], rec.n_records
    ('file', 'cars_total', 3)
    """

    record: Literal["file"] = "file"
    path: str
    format: str = Field(description="csv or xlsx")
    sheet: str | None = None
    columns: dict[str, str] = Field(description="Column header as written -> railtrack field.")
    ignored: list[str] = Field(description="Columns not read.")
    n_records: int
    generated_ids: bool = Field(description="Whether ids were generated (no id column).")


class EstimateRecord(_Out):
    """A shipment's modelled arrival window beside the source's claim (``estimate``).

    Examples
    --------
    >>> from datetime import datetime
    >>> rec = EstimateRecord(
    ...     id="T1", origin=None, destination=None, route=None, length_km=None,
    ...     border_crossings=[], departure=None, p10=None, p50=None, p90=None,
    ...     method=None, claimed=None, claim_outside_window=False,
    ...     unrouted_reason="no origin", flags=[],
    ... )
    >>> rec.record, rec.unrouted_reason
    ('estimate', 'no origin')
    """

    record: Literal["estimate"] = "estimate"
    id: str
    origin: Place | None
    destination: Place | None
    route: str | None = Field(description="The route label: station names joined by ' – '.")
    length_km: float | None
    border_crossings: list[str]
    departure: DateWindow | None
    p10: datetime | None
    p50: datetime | None
    p90: datetime | None
    method: str | None
    claimed: DateWindow | None = Field(description="The source's own arrival claim.")
    claim_outside_window: bool
    unrouted_reason: str | None = Field(
        description="Why the train was not routed (no origin, unresolved origin, no "
        "destination, unresolved destination, no path); null when routed."
    )
    flags: list[str]


Status = Literal[
    "undated", "planned", "expected", "departed", "in transit", "overdue", "likely arrived", "stale"
]


class StatusRecord(_Out):
    """A shipment's status at ``as_of`` and its arrival window (``status``).

    Examples
    --------
    >>> from datetime import datetime
    >>> rec = StatusRecord(
    ...     id="T1", origin=None, destination=None, status="undated",
    ...     last_seen_station=None, last_seen_at=None, p10=None, p50=None, p90=None,
    ...     as_of=datetime(2023, 3, 10), unrouted_reason="no origin", flags=[],
    ... )
    >>> rec.record, rec.status, rec.as_of.isoformat()
    ('status', 'undated', '2023-03-10T00:00:00')
    """

    record: Literal["status"] = "status"
    id: str
    origin: Place | None = Field(description="The train's origin, as in estimate.")
    destination: Place | None = Field(description="The train's destination, as in estimate.")
    status: Status
    last_seen_station: Place | None = Field(
        description="Where the train was last seen by as_of: the sighting's place."
    )
    last_seen_at: datetime | None
    p10: datetime | None
    p50: datetime | None
    p90: datetime | None
    as_of: datetime
    unrouted_reason: str | None = Field(
        description="Why the train was not routed (as in estimate); null when routed."
    )
    flags: list[str]


class ResolutionRecord(_Out):
    """What a name resolves to (``resolve``): one station, a region, or candidates.

    Examples
    --------
    >>> rec = ResolutionRecord(
    ...     query="Atlantis", resolved=False, station_id=None, station=None, score=0.0,
    ...     region=None, region_stations=[], report_stations=[], candidates=[],
    ...     note="no match", country=None, station_region=None, lat=None, lon=None,
    ... )
    >>> rec.record, rec.resolved, rec.in_network
    ('resolution', False, True)
    """

    class Candidate(_Out):
        """A station the name might mean, with its score (0-100).

        Examples
        --------
        >>> ResolutionRecord.Candidate(station_id="S1", station="Орша", score=97.5).score
        97.5
        """

        station_id: str
        station: str
        score: float

    record: Literal["resolution"] = "resolution"
    query: str
    resolved: bool
    station_id: str | None
    station: str | None
    score: float
    region: str | None
    region_stations: list[str]
    report_stations: list[str]
    candidates: list[Candidate]
    note: str
    country: str | None
    station_region: str | None = Field(description="The region the station lies in.")
    lat: float | None
    lon: float | None
    geo_precision: Literal["station", "town", "region", "country"] | None = Field(
        default=None,
        description='As for a place: "station", "town", "region" or "country"; null unresolved.',
    )
    geo_precision_code: int | None = Field(
        default=None,
        description="The same as an ACLED-style code: 1 station, 2 town, 3 region, 4 country.",
    )
    snap_km: float | None = Field(
        default=None, description="Distance from the place to its rail node, km."
    )
    form: str | None = Field(
        default=None,
        description='The nominative form that resolved an inflected name ("Калуга" for "Калузі").',
    )
    in_network: bool = Field(
        default=True,
        description="False for a country or a place outside the network area (not routable).",
    )
    place: str | None = Field(
        default=None,
        description="Name of a country or a place outside the network (no station, no region).",
    )


class RouteRecord(_Out):
    """One rail route (``route``): the ends as places, stations in order, length.

    Examples
    --------
    >>> from railtrack.models import Place
    >>> rec = RouteRecord(
    ...     origin=Place(text="A"), destination=Place(text="B"), length_km=12.5,
    ...     stations=["a", "b"], station_names=["A", "B"], border_crossings=[],
    ...     geometry=[(30.0, 54.5), (30.2, 54.6)],
    ... )
    >>> rec.record, rec.length_km, rec.geometry[0]
    ('route', 12.5, (30.0, 54.5))
    """

    record: Literal["route"] = "route"
    origin: Place
    destination: Place
    length_km: float
    stations: list[str] = Field(description="Station ids in order.")
    station_names: list[str] = Field(description="Station names in order.")
    border_crossings: list[str]
    geometry: list[tuple[float, float]] = Field(description="(lon, lat) of each station.")


class VolumeRecord(BaseModel):
    """One row of a volume table (``summary``): the key columns, then the counts.

    The key columns are those of ``--by`` (``origin``, ``destination``, ``route``,
    ``border_crossing``, ``period`` as an ISO date, or a shipment column).

    Examples
    --------
    The key columns are extra fields, kept as given:

    >>> counts = dict.fromkeys(
    ...     ["cars_total", "cars_passenger", "cars_covered", "cars_flat", "cars_tank",
    ...      "cars_other", "cars_unallocated", "cars_total_derived", "cars_estimated",
    ...      "personnel_estimate", "unallocated", "best_reliability", "best_credibility"]
    ... )
    >>> rec = VolumeRecord(
    ...     destination="Орша", n_trains=2, n_trains_with_cars=0, sources=["Hajun"],
    ...     shipments=["T1", "T2"], groups=[], **counts,
    ... )
    >>> rec.record, rec.n_trains, rec.model_dump()["destination"]
    ('volume', 2, 'Орша')
    """

    model_config = ConfigDict(extra="allow", frozen=True)

    record: Literal["volume"] = "volume"
    period_basis: str | None = None
    n_trains: int
    n_trains_with_cars: int
    cars_total: int | None
    cars_passenger: int | None
    cars_covered: int | None
    cars_flat: int | None
    cars_tank: int | None
    cars_other: int | None
    cars_unallocated: int | None
    cars_total_derived: bool | None
    cars_estimated: bool | None
    cars_at_least: bool | None = Field(
        None,
        description="True when some train's total was given as a lower bound "
        "('at least 40 cars'): the cars are at least cars_total.",
    )
    cars_at_most: bool | None = Field(
        None,
        description="True when some train's count was an upper bound ('up to 50') or a "
        "range ('30-35'): cars_total adds a range's low end and nothing for a bound alone.",
    )
    cars_total_max: int | None = Field(
        None,
        description="The most cars the row's counts allow (counts, ranges' high ends and "
        "upper bounds summed); None when some count has no upper limit ('at least 40').",
    )
    personnel_estimate: float | None
    unallocated: str | None
    sources: list[str]
    best_reliability: str | None
    best_credibility: int | None
    shipments: list[str]
    groups: list[str]


class VolumeTable(_Out):
    """A whole volume table (``summary --json``): its keys, rows and problems.

    Examples
    --------
    >>> table = VolumeTable(
    ...     by=["destination"], freq="W-MON", personnel_note="", rows=[], n_routed=None,
    ...     n_unrouted=None, unrouted_reasons={}, n_problems=0, problems=[],
    ... )
    >>> table.record, table.by
    ('volumes', ['destination'])
    """

    record: Literal["volumes"] = "volumes"
    by: list[str]
    freq: str
    personnel_note: str
    rows: list[VolumeRecord]
    n_routed: int | None = Field(description="Trains routed (null with --no-resolve).")
    n_unrouted: int | None = Field(
        description="Trains not routed, each also a problem (null with --no-resolve)."
    )
    unrouted_reasons: dict[str, int] = Field(description="Why trains were not routed: counts.")
    n_problems: int
    problems: list[ProblemRecord]


class OutputFile(_Out):
    """A file a run wrote.

    Examples
    --------
    >>> OutputFile(name="briefing", path="out/briefing.md", bytes=2048).bytes
    2048
    """

    name: str
    path: str
    bytes: int


class RunSummary(_Out):
    """What ``track`` did: counts, headline figures, the as-of cut-off, files, problems.

    Examples
    --------
    >>> required = schema("run")["required"]
    >>> {"n_shipments", "n_routed", "outputs", "problems"} <= set(required)
    True
    """

    record: Literal["run"] = "run"
    n_shipments: int
    n_groups: int
    n_sightings: int
    n_trains: int | None
    cars_total: int | None
    cars_total_lower_bound: bool = Field(
        False,
        description="True when some train's car total counts only the car types its "
        "report counted (a partial breakdown), or its report gave it as a lower bound "
        "('at least 40 cars', 'не менее 30 вагонов'), or some train's count was an upper "
        "bound or a range (see cars_at_most): the cars are at least cars_total.",
    )
    cars_at_most: bool = Field(
        False,
        description="True when some train's count was an upper bound ('up to 50 cars', "
        "'не более 50 вагонов') or a range ('30-35 платформ'): cars_total adds only a "
        "range's low end and nothing for an upper bound alone; cars_total_max is the most.",
    )
    cars_total_max: int | None = Field(
        None,
        description="When cars_at_most: the most cars the counts allow (each train's count, "
        "its range's high end or its upper bound, summed); None when some train's count "
        "has no upper limit ('at least 40', a partial breakdown) or no count was a bound.",
    )
    cars_passenger: int | None
    personnel_estimate: int | None
    destinations: list[str]
    sources: list[str] = Field(
        description="The trains' reporters, once each: one name per outlet whatever the "
        "language or script it is written in ('Беларускі Гаюн' and 'Belarusian Hajun' "
        "are one; data/outlets/outlets.csv)."
    )
    n_return_trips: int | None = Field(
        None,
        description="Trips back of a train that went and came back (return_of): two "
        "shipments, one train's cars, counted once in cars_total; null with --engine dask.",
    )
    outlets: list[str] | None = Field(
        None,
        description="Every reporter and relaying outlet of the trains, group totals and "
        "relays counted, once each and one name per outlet whatever its language (what "
        "the briefing's sources list names); the headline's count of sources.",
    )
    as_of: datetime | None = Field(
        description="The date of knowledge: reports published later were left out."
    )
    as_of_basis: str | None = Field(
        description="Where as_of came from: given, today, latest in input, or none."
    )
    n_reports_after_as_of: int
    n_shipments_after_as_of: int
    n_sightings_after_as_of: int
    context_notes: list[str] | None = Field(
        None,
        description="Each place name two places bear that the report's other places "
        "settled ('Товарково': Tovarkovo (GN481941), chosen by the report: 26 km from "
        "Kaluga-I, which it also names; ...), one note a choice "
        "(ReportSet.context_notes); null with --engine dask, which does not list them.",
    )
    n_relays: int = Field(
        0,
        description=(
            "Shipments counted once because another report tells the same train (relays.csv)."
        ),
    )
    n_routed: int
    n_unrouted: int = Field(description="Trains not routed, each also a problem.")
    unrouted_reasons: dict[str, int] = Field(description="Why trains were not routed: counts.")
    n_estimated: int = Field(description="Trains with an arrival window.")
    n_estimated_from_model: int | None = Field(
        None,
        description="Of n_estimated, the windows worked out from the routed distance and "
        "the transit model (estimates.csv method transit_model*).",
    )
    n_estimated_as_reported: int | None = Field(
        None,
        description="Of n_estimated, the windows a report gave (method reported_arrival), "
        "for trains routed or not.",
    )
    n_announced: int | None = Field(
        None,
        description="Trains only announced (claim planned or expected), counted in "
        "n_shipments; the briefing counts them apart from the trains reported moving.",
    )
    n_retracted: int | None = Field(
        None,
        description="Trains a later report retracts (shipments.csv retracted_by), counted "
        "in n_shipments and listed, but not in n_trains or cars_total.",
    )
    n_unconfirmed: int | None = Field(
        None,
        description="Trains told only as hearsay ('allegedly', 'якобы', 'нібыта', 'rzekomo'; "
        "shipments.csv hearsay) and not retracted, counted in n_shipments and listed, but "
        "not in n_trains or cars_total.",
    )
    trains_not_counted: int | None = Field(
        None,
        description="n_retracted + n_unconfirmed: the trains listed but left out of n_trains "
        "and cars_total.",
    )
    cars_not_counted: int | None = Field(
        None,
        description="The cars of those trains (their fewest), left out of cars_total.",
    )
    out: str
    outputs: list[OutputFile]
    n_problems: int
    problems: list[ProblemRecord]


class StoreTotals(_Out):
    """What a store holds.

    Examples
    --------
    >>> StoreTotals(n_shipments=3, n_groups=1, n_sightings=0, n_trains=3, n_ingests=2).n_trains
    3
    """

    n_shipments: int
    n_groups: int
    n_sightings: int
    n_trains: int
    n_ingests: int


class IngestSummary(_Out):
    """What ``ingest`` added to the store.

    Examples
    --------
    >>> totals = StoreTotals(n_shipments=3, n_groups=0, n_sightings=0, n_trains=3, n_ingests=1)
    >>> rec = IngestSummary(
    ...     n_new=3, n_duplicates=0, n_linked=0, ingest_id=1, telegram_posts={},
    ...     store="railtrack.db", store_totals=totals, skipped={}, n_problems=0, problems=[],
    ... )
    >>> rec.record, rec.n_new, rec.store_totals.n_ingests
    ('ingest', 3, 1)
    """

    record: Literal["ingest"] = "ingest"
    n_new: int
    n_duplicates: int
    n_linked: int
    ingest_id: int
    telegram_posts: dict[str, int] = Field(
        description="Telegram posts met: n_new, n_edited, n_unchanged, n_older (empty "
        "when there were none)."
    )
    store: str
    store_totals: StoreTotals
    skipped: dict[str, int] = Field(description="Files or posts skipped, by reason.")
    n_problems: int
    problems: list[ProblemRecord]


class PlotSummary(_Out):
    """What ``plot`` drew and where it saved it.

    Examples
    --------
    >>> rec = PlotSummary(
    ...     plot="map", out="map.png", n_shipments=2, n_routed=1, n_unrouted=1,
    ...     unrouted_reasons={"no origin": 1}, n_problems=1, problems=[],
    ... )
    >>> rec.record, rec.unrouted_reasons, rec.n_segments
    ('plot', {'no origin': 1}, None)
    """

    record: Literal["plot"] = "plot"
    plot: Literal["map", "timeline", "volumes"]
    out: str
    n_shipments: int
    n_routed: int
    n_unrouted: int = Field(description="Trains not routed, each also a problem.")
    unrouted_reasons: dict[str, int] = Field(description="Why trains were not routed: counts.")
    n_segments: int | None = None
    n_estimated: int | None = None
    n_rows: int | None = None
    n_problems: int
    problems: list[ProblemRecord]


class ConvertSummary(_Out):
    """What ``convert`` wrote: reports as partitioned Parquet (see ``railtrack.io.converted``).

    Examples
    --------
    >>> rec = ConvertSummary(
    ...     out="converted", format=1, n_shipments=2, n_groups=0, n_sightings=0, n_posts=0,
    ...     months=["2023-03"], skipped={}, n_problems=0, problems=[],
    ... )
    >>> rec.record, rec.months
    ('convert', ['2023-03'])
    """

    record: Literal["convert"] = "convert"
    out: str = Field(description="The directory written.")
    format: int = Field(description="The directory layout's version (its manifest's format).")
    n_shipments: int
    n_groups: int
    n_sightings: int
    n_posts: int = Field(description="Telegram posts read (kept for the store).")
    months: list[str] = Field(description="Published months written (YYYY-MM partitions).")
    skipped: dict[str, int] = Field(description="Files or posts skipped, by reason.")
    n_problems: int
    problems: list[ProblemRecord]


class NetworkImportSummary(_Out):
    """What ``network import-osm`` built from an OpenStreetMap extract.

    Examples
    --------
    >>> rec = NetworkImportSummary(
    ...     out="net", n_stations=2, n_track_nodes=5, n_links=4, n_stations_on_track=1,
    ...     n_stations_snapped=1, n_stations_too_far=0, n_ways=2, n_ways_skipped=0,
    ... )
    >>> rec.record, rec.n_links
    ('network', 4)
    """

    record: Literal["network"] = "network"
    out: str = Field(description="The network directory written (stations.csv, links.csv).")
    n_stations: int = Field(description="Stations and halts written.")
    n_track_nodes: int = Field(description="Track nodes written (junctions, ends, bends kept).")
    n_links: int
    n_stations_on_track: int = Field(description="Stations mapped as nodes of a rail way.")
    n_stations_snapped: int = Field(description="Stations beside the track joined to it.")
    n_stations_too_far: int = Field(description="Stations over 1 km from any rail way, left out.")
    n_ways: int = Field(description="railway=rail ways read.")
    n_ways_skipped: int = Field(description="Ways left out (another gauge, no nodes, ...).")


class NetworkCacheSummary(_Out):
    """The network cache ``network cache`` shows or clears (see ``railtrack._netcache``).

    Examples
    --------
    >>> rec = NetworkCacheSummary(
    ...     cache_dir="/tmp/cache", enabled=True, n_files=0, megabytes=0.0, n_deleted=0
    ... )
    >>> rec.record, rec.n_forms
    ('cache', 0)
    """

    record: Literal["cache"] = "cache"
    cache_dir: str = Field(description="The cache directory ($RAILTRACK_CACHE_DIR or the user's).")
    enabled: bool = Field(description="False when RAILTRACK_NO_CACHE turns the cache off.")
    n_files: int = Field(
        description="Entries in the directory (a network, a name index, stored answers, "
        "an exact-form index)."
    )
    megabytes: float = Field(description="Their total size, MB.")
    n_deleted: int = Field(description="Files deleted by --clear (0 without it).")
    n_forms: int = Field(
        default=0,
        description="Names in the exact-form index --build-names built (0 without it).",
    )


KINDS: dict[str, type[BaseModel]] = {
    "shipment": ShipmentRecord,
    "group": GroupRecord,
    "sighting": SightingRecord,
    "estimate": EstimateRecord,
    "status": StatusRecord,
    "route": RouteRecord,
    "resolution": ResolutionRecord,
    "volume": VolumeRecord,
    "volumes": VolumeTable,
    "problem": ProblemRecord,
    "file": FileRecord,
    "run": RunSummary,
    "ingest": IngestSummary,
    "plot": PlotSummary,
    "convert": ConvertSummary,
    "network": NetworkImportSummary,
    "cache": NetworkCacheSummary,
}
"""Every record kind by name, as its ``record`` field spells it."""


_SECTION_RULE = re.compile(r"\n[^\n]+\n-{3,}[ \t]*(?:\n|$)")


def _prose_descriptions(node: Any) -> Any:
    """Return a schema with each ``description`` cut before its first numpydoc section.

    pydantic takes a model's docstring as its schema's description; the sections
    (Parameters, Examples with doctest lines, ...) are for Python readers, not for a
    schema's.

    Examples
    --------
    >>> _prose_descriptions({"description": "A train.\\n\\nExamples\\n--------\\n>>> 1"})
    {'description': 'A train.'}
    """
    if isinstance(node, dict):
        out = {k: _prose_descriptions(v) for k, v in node.items()}
        text = out.get("description")
        if isinstance(text, str):
            found = _SECTION_RULE.search(text)
            out["description"] = (text[: found.start()] if found else text).rstrip()
        return out
    if isinstance(node, list):
        return [_prose_descriptions(v) for v in node]
    return node


def generate(kind: str) -> dict[str, Any]:
    """Return the JSON Schema of ``kind`` generated from its model (serialised shape).

    Parameters
    ----------
    kind
        One of :data:`KINDS`.

    Returns
    -------
    dict
        The JSON Schema (draft 2020-12) with ``$schema``, ``$id`` and ``required``
        (always including ``record``).

    Raises
    ------
    KeyError
        For an unknown kind.

    Examples
    --------
    >>> generate("problem")["required"]
    ['field', 'message', 'path', 'record', 'row', 'text', 'unit']
    >>> generate("problem") == schema("problem")  # the checked-in schema is up to date
    True
    """
    model = KINDS[kind]
    doc = _prose_descriptions(model.model_json_schema(mode="serialization"))
    doc = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{SCHEMA_BASE}{kind}.json",
        **doc,
    }
    doc["required"] = sorted({*doc.get("required", []), "record"})
    return doc


def schema(kind: str) -> dict[str, Any]:
    """Return the published JSON Schema of ``kind`` (from ``src/railtrack/schemas/``).

    Parameters
    ----------
    kind
        One of :data:`KINDS`.

    Returns
    -------
    dict
        The schema as checked in (what ``railtrack schema KIND`` prints).

    Raises
    ------
    KeyError
        For an unknown kind.

    Examples
    --------
    >>> schema("route")["properties"]["length_km"]["type"]
    'number'
    >>> schema("colour")
    Traceback (most recent call last):
    ...
    KeyError: 'colour'
    """
    if kind not in KINDS:
        raise KeyError(kind)
    result: dict[str, Any] = json.loads((SCHEMA_DIR / f"{kind}.json").read_text("utf-8"))
    return result


def render(doc: dict[str, Any]) -> str:
    """Return a schema as the text kept in the repository (indented, sorted keys, newline).

    Parameters
    ----------
    doc
        A JSON-ready dict.

    Returns
    -------
    str
        JSON indented by 2, keys sorted, non-ASCII kept, ending in a newline.

    Examples
    --------
    >>> print(render({"b": 1, "a": "Орша"}), end="")
    {
      "a": "Орша",
      "b": 1
    }
    """
    return json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def write_schemas(directory: Path = SCHEMA_DIR) -> list[Path]:
    """Write every kind's generated schema to ``directory/KIND.json``; return the paths.

    Parameters
    ----------
    directory
        Where to write (created when missing; default :data:`SCHEMA_DIR`).

    Returns
    -------
    list of Path
        One file per kind, in the order of :data:`KINDS`.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     paths = write_schemas(Path(tmp))
    ...     same = (Path(tmp) / "run.json").read_text("utf-8") == render(generate("run"))
    >>> len(paths) == len(KINDS), same
    (True, True)
    """
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in KINDS:
        path = directory / f"{kind}.json"
        path.write_text(render(generate(kind)), encoding="utf-8")
        written.append(path)
    return written


def iso_date(value: date | None) -> str | None:
    """Return an ISO date (``YYYY-MM-DD``) or None; a datetime gives its day.

    Parameters
    ----------
    value
        A date or datetime, or None.

    Returns
    -------
    str or None
        ``YYYY-MM-DD``.

    Examples
    --------
    >>> iso_date(datetime(2023, 3, 7, 13, 45)), iso_date(None)
    ('2023-03-07', None)
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        value = value.date()
    return value.isoformat()


def iso_datetime(value: Any) -> str | None:
    """Return an ISO datetime (``YYYY-MM-DDTHH:MM:SS``) or None; a date is its midnight.

    Parameters
    ----------
    value
        A date, datetime (a time zone is dropped, not converted), ISO text, or a missing
        value (None, NaN, ``pd.NaT``, ``pd.NA``).

    Returns
    -------
    str or None
        ``YYYY-MM-DDTHH:MM:SS`` (seconds, no fraction).

    Examples
    --------
    >>> iso_datetime(date(2023, 3, 7)), iso_datetime(None)
    ('2023-03-07T00:00:00', None)
    """
    if value is None or type(value).__name__ in {"NaTType", "NAType"}:
        return None
    if isinstance(value, float) and value != value:
        return None
    if isinstance(value, datetime):
        return value.replace(tzinfo=None, microsecond=0).isoformat()
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day).isoformat()
    return iso_datetime(datetime.fromisoformat(str(value)))


if __name__ == "__main__":  # python -m railtrack.records: refresh the checked-in schemas
    for path in write_schemas():
        sys.stdout.write(f"wrote {path}\n")

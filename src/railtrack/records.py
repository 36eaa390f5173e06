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
    """One train as a report gives it (``load``, ``extract``): the :class:`Shipment` fields."""

    record: Literal["shipment"] = "shipment"


class GroupRecord(ShipmentGroup):
    """A fact about several trains kept once; ``members`` lists the trains' ids."""

    record: Literal["group"] = "group"
    members: list[str] = Field(default_factory=list)


class SightingRecord(Sighting):
    """A train seen at a station at a time (``seen_at`` an ISO datetime)."""

    record: Literal["sighting"] = "sighting"


class ProblemRecord(_Out):
    """One bad file or record: where (``path``, integer ``row`` counted in ``unit``), what."""

    record: Literal["problem"] = "problem"
    path: str | None
    row: int | None
    unit: str | None
    field: str | None
    message: str
    text: str = Field(description="The problem as one line of text.")


class FileRecord(_Out):
    """How ``load`` read one tabular file: which of its columns became which field."""

    record: Literal["file"] = "file"
    path: str
    format: str = Field(description="csv or xlsx")
    sheet: str | None = None
    columns: dict[str, str] = Field(description="Column header as written -> railtrack field.")
    ignored: list[str] = Field(description="Columns not read.")
    n_records: int
    generated_ids: bool = Field(description="Whether ids were generated (no id column).")


class EstimateRecord(_Out):
    """A shipment's modelled arrival window beside the source's claim (``estimate``)."""

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
    "undated", "planned", "departed", "in transit", "overdue", "likely arrived", "stale"
]


class StatusRecord(_Out):
    """A shipment's status at ``as_of`` and its arrival window (``status``)."""

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
    """What a name resolves to (``resolve``): one station, a region, or candidates."""

    class Candidate(_Out):
        """A station the name might mean, with its score (0-100)."""

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
    """One rail route (``route``): the ends as places, stations in order, length."""

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
    personnel_estimate: float | None
    unallocated: str | None
    sources: list[str]
    best_reliability: str | None
    best_credibility: int | None
    shipments: list[str]
    groups: list[str]


class VolumeTable(_Out):
    """A whole volume table (``summary --json``): its keys, rows and problems."""

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
    """A file a run wrote."""

    name: str
    path: str
    bytes: int


class RunSummary(_Out):
    """What ``track`` did: counts, headline figures, the as-of cut-off, files, problems."""

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
        "('at least 40 cars', 'не менее 30 вагонов'): the cars are at least cars_total.",
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
    out: str
    outputs: list[OutputFile]
    n_problems: int
    problems: list[ProblemRecord]


class StoreTotals(_Out):
    """What a store holds."""

    n_shipments: int
    n_groups: int
    n_sightings: int
    n_trains: int
    n_ingests: int


class IngestSummary(_Out):
    """What ``ingest`` added to the store."""

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
    """What ``plot`` drew and where it saved it."""

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
    """What ``convert`` wrote: reports as partitioned Parquet (see ``railtrack.io.converted``)."""

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
    """What ``network import-osm`` built from an OpenStreetMap extract."""

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
    """The network cache ``network cache`` shows or clears (see ``railtrack._netcache``)."""

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

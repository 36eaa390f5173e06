"""The result of loading reports: validated records, their files and the problems."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from railtrack import columns as C
from railtrack.models import CAR_TYPES, CarCounts, Place, Shipment, ShipmentGroup, Sighting, Source

if TYPE_CHECKING:
    from railtrack.network import RailNetwork

__all__ = ["Problem", "ReportSet"]


@dataclass(frozen=True)
class Problem:
    """One bad record or file: where it is, which field, and what is wrong.

    ``unit`` says what ``row`` counts: a CSV ``row`` (the line in the file, header = 1),
    a JSON Lines ``line``, or a ``record``/``shipment``/``group``/``sighting`` index
    (1-based) in a JSON or YAML file.
    """

    path: str
    row: int | None
    field: str | None
    message: str
    unit: str = "row"

    def __str__(self) -> str:
        where = Path(self.path).name
        if self.row is not None:
            where += f" {self.unit} {self.row}"
        if self.field is not None:
            where += f", field {self.field!r}"
        return f"{where}: {self.message}"

    def to_dict(self) -> dict[str, Any]:
        """Return the problem as a JSON-ready dict (with a ``text`` rendering)."""
        return {
            "path": self.path,
            "row": self.row,
            "unit": self.unit,
            "field": self.field,
            "message": self.message,
            "text": str(self),
        }


def _place_columns(place: Place | None, prefix: str) -> dict[str, Any]:
    if place is None:
        return {
            prefix: None,
            f"{prefix}_station_id": None,
            f"{prefix}_station": None,
            f"{prefix}_region": None,
        }
    return {
        prefix: place.text,
        f"{prefix}_station_id": place.station_id,
        f"{prefix}_station": place.station,
        f"{prefix}_region": place.region,
    }


def _car_columns(cars: CarCounts) -> dict[str, Any]:
    out: dict[str, Any] = {C.CARS_TOTAL: cars.total}
    out.update({f"cars_{name}": getattr(cars, name) for name in CAR_TYPES})
    out[C.CARS_TOTAL_DERIVED] = cars.total_derived
    out[C.CARS_ESTIMATED] = cars.estimated
    return out


def _source_columns(source: Source) -> dict[str, Any]:
    return {
        C.SOURCE: source.reporter,
        C.RELAYED_BY: source.relayed_by,
        C.SOURCE_URL: source.url,
        C.PUBLISHED: source.published,
        C.RELIABILITY: source.reliability,
    }


def _typed(df: pd.DataFrame) -> pd.DataFrame:
    """Give frame columns their dtypes: datetime64 dates, nullable Int64 counts."""
    out = df.copy()
    for col in out.columns:
        if col in C.CAR_COLUMNS or col in {C.CREDIBILITY, C.N_TRAINS}:
            out[col] = pd.array(out[col].tolist(), dtype="Int64")
        elif col in {
            C.DEPARTURE_EARLIEST,
            C.DEPARTURE_LATEST,
            C.ARRIVAL_EARLIEST,
            C.ARRIVAL_LATEST,
            C.PUBLISHED,
            C.SEEN_AT,
        }:
            out[col] = pd.to_datetime(out[col])
        elif col in {C.CARS_TOTAL_DERIVED, C.CARS_ESTIMATED}:
            out[col] = out[col].astype("boolean")
        elif col == C.CONFIDENCE:
            out[col] = out[col].astype("float64")
        else:
            out[col] = out[col].astype("string")
    return out


@dataclass
class ReportSet:
    """Validated shipments, groups and sightings, with the problems met loading them.

    ``files`` maps each record id (by kind) to the file it came from. Use
    :meth:`to_frame` for a tidy one-row-per-train table.
    """

    shipments: list[Shipment] = field(default_factory=list)
    groups: list[ShipmentGroup] = field(default_factory=list)
    sightings: list[Sighting] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files: dict[tuple[str, str], str] = field(default_factory=dict)

    def add(self, record: Shipment | ShipmentGroup | Sighting, *, file: str | None = None) -> None:
        """Append a validated record (from ``file``, if known)."""
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
        """Return the file a record was loaded from, if known."""
        return self.files.get((type(record).__name__, record.id))

    def members(self, group_id: str) -> list[Shipment]:
        """Return the shipments that belong to a group."""
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
        """
        rows = []
        for s in self.shipments:
            row: dict[str, Any] = {C.ID: s.id, C.REPORT: s.report, C.GROUP: s.group}
            row.update(_place_columns(s.origin, C.ORIGIN))
            row.update(_place_columns(s.destination, C.DESTINATION))
            row[C.VIA] = "; ".join(p.text for p in s.via) or None
            for window, prefix in ((s.departure, "departure"), (s.expected_arrival, "arrival")):
                row[f"{prefix}_earliest"] = None if window is None else window.earliest
                row[f"{prefix}_latest"] = None if window is None else window.latest
                row[f"{prefix}_precision"] = None if window is None else window.precision
            row.update(_car_columns(s.cars))
            row.update(
                {
                    C.EQUIPMENT: s.equipment,
                    C.CLAIM: s.claim,
                    C.CREDIBILITY: s.credibility,
                    C.CONFIDENCE: s.confidence,
                }
            )
            row.update(_source_columns(s.source))
            row[C.SOURCE_FILE] = self.file_of(s)
            rows.append(row)
        return _typed(pd.DataFrame(rows, columns=list(C.SHIPMENT_COLUMNS)))

    def groups_frame(self) -> pd.DataFrame:
        """Return one row per group of trains (columns: ``columns.GROUP_COLUMNS``)."""
        rows = []
        members_of = self._members_by_group()
        for g in self.groups:
            members = members_of.get(g.id, [])
            row: dict[str, Any] = {
                C.ID: g.id,
                C.REPORT: g.report,
                C.N_TRAINS: g.n_trains or (len(members) or None),
                C.MEMBERS: "; ".join(members) or None,
            }
            row.update(_car_columns(g.cars))
            row[C.EQUIPMENT] = g.equipment
            row.update(_source_columns(g.source))
            row[C.SOURCE_FILE] = self.file_of(g)
            rows.append(row)
        return _typed(pd.DataFrame(rows, columns=list(C.GROUP_COLUMNS)))

    def sightings_frame(self) -> pd.DataFrame:
        """Return one row per sighting (columns: ``columns.SIGHTING_COLUMNS``)."""
        rows = [
            {
                C.ID: x.id,
                C.SHIPMENT: x.shipment,
                C.STATION: x.station.text,
                C.STATION_ID: x.station.station_id,
                C.STATION_NAME: x.station.station,
                C.SEEN_AT: x.seen_at,
                C.PRECISION: x.precision,
                C.NOTE: x.note,
                C.SOURCE: x.source.reporter,
                C.RELIABILITY: x.source.reliability,
                C.SOURCE_FILE: self.file_of(x),
            }
            for x in self.sightings
        ]
        return _typed(pd.DataFrame(rows, columns=list(C.SIGHTING_COLUMNS)))

    def problems_frame(self) -> pd.DataFrame:
        """Return the problems as a table (path, row, unit, field, message, text)."""
        return pd.DataFrame(
            [p.to_dict() for p in self.problems],
            columns=["path", "row", "unit", "field", "message", "text"],
        )

    def to_records(self) -> Iterator[dict[str, Any]]:
        """Yield JSON-ready dicts: shipments (model fields), then groups and sightings.

        Groups and sightings carry ``"record": "group"`` / ``"sighting"``; the output
        written one per line is itself a loadable JSON Lines report file.
        """
        for s in self.shipments:
            yield s.model_dump(mode="json", exclude_defaults=False)
        for g in self.groups:
            yield {"record": "group", **g.model_dump(mode="json")}
        for x in self.sightings:
            yield {"record": "sighting", **x.model_dump(mode="json")}

    def extend(self, other: ReportSet) -> ReportSet:
        """Add another set's records and problems to this one; return ``self``."""
        for record in (*other.shipments, *other.groups, *other.sightings):
            self.add(record, file=other.file_of(record))
        self.problems.extend(other.problems)
        return self

    def resolve(self, network: RailNetwork) -> ReportSet:
        """Return a copy whose places are resolved on ``network``.

        Places already carrying a station id of ``network`` are kept; others (names
        as written, regions, or ids from another network, e.g. text reports resolved
        on the embedded network when read) are resolved by their text. Names that do
        not resolve stay as written and are flagged ``unresolved``.
        """
        cache: dict[str, Place] = {}
        G = network.G

        def place(p: Place | None) -> Place | None:
            if p is None or (p.station_id is not None and p.station_id in G):
                return p
            if p.text not in cache:
                cache[p.text] = network.resolve(p.text).to_place(p.text)
            return cache[p.text]

        out = ReportSet(problems=list(self.problems), files=dict(self.files))
        for s in self.shipments:
            out.shipments.append(
                s.model_copy(
                    update={
                        "origin": place(s.origin),
                        "destination": place(s.destination),
                        "via": tuple(place(v) or v for v in s.via),
                    }
                )
            )
        out.groups = list(self.groups)
        for x in self.sightings:
            out.sightings.append(x.model_copy(update={"station": place(x.station)}))
        return out

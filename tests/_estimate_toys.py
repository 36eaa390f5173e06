"""Factories for the estimate, calibration and tracking tests: a toy line and shipments.

``toy_network()`` is a :class:`railtrack.RailNetwork` on a graph built in code, so the
model is tested apart from the embedded network's data.
"""

from __future__ import annotations

from datetime import date, datetime

import networkx as nx
import pandas as pd

from railtrack import columns as C
from railtrack._regions import Region
from railtrack.io import ReportSet
from railtrack.models import DateWindow, Place, Shipment, Sighting, Source
from railtrack.network import RailNetwork

# A line A - B - C | D - E (country changes between C and D), plus a branch B - F.
STATIONS = {
    "A": ("Alpha", "BY"),
    "B": ("Bravo", "BY"),
    "C": ("Charlie", "BY"),
    "D": ("Delta", "RU"),
    "E": ("Echo", "RU"),
    "F": ("Foxtrot", "BY"),
    "Z": ("Zulu", "RU"),  # isolated: no route to it
}
LINKS = [
    ("A", "B", 200.0),
    ("B", "C", 300.0),
    ("C", "D", 100.0),
    ("D", "E", 400.0),
    ("B", "F", 150.0),
]
REGIONS = {"Westland": ("A", "F"), "Eastland": ("D", "E")}


def toy_network(scale: float = 1.0) -> RailNetwork:
    """The toy line as a real :class:`RailNetwork`; every link length times ``scale``."""
    G = nx.Graph()
    for sid, (name, country) in STATIONS.items():
        G.add_node(sid, name=name, country=country)
    for a, b, km in LINKS:
        G.add_edge(a, b, length_km=km * scale)
    regions = [
        Region(key=key, aliases=(key,), stations=ids, report_stations=ids)
        for key, ids in REGIONS.items()
    ]
    return RailNetwork(G, regions=regions)


def as_reports(shipments: list[Shipment], sightings: list[Sighting] = ()) -> ReportSet:
    """Return the shipments (and sightings) as a loaded ReportSet."""
    out = ReportSet()
    for record in (*shipments, *sightings):
        out.add(record)
    return out


SOURCE = Source(reporter="Test channel", published=date(2023, 3, 2))


def make_shipment(
    id: str = "t1",
    *,
    origin: str | Place | None = "Alpha",
    destination: str | Place | None = "Echo",
    left: date | tuple[date | None, date | None] | None = date(2023, 3, 1),
    arrival: tuple[date | None, date | None] | None = None,
    claim: str = "sighted",
    source: Source = SOURCE,
) -> Shipment:
    def place(p: str | Place | None) -> Place | None:
        return Place(text=p) if isinstance(p, str) else p

    if isinstance(left, tuple):
        departure = DateWindow(earliest=left[0], latest=left[1], precision="days")
    elif left is not None:
        departure = DateWindow.day(left)
    else:
        departure = None
    return Shipment(
        id=id,
        origin=place(origin),
        destination=place(destination),
        departure=departure,
        expected_arrival=None
        if arrival is None
        else DateWindow(earliest=arrival[0], latest=arrival[1]),
        claim=claim,
        source=source,
    )


def make_sighting(
    shipment: str,
    station: str,
    seen_at: datetime,
    *,
    id: str | None = None,
    precision: str = "datetime",
) -> Sighting:
    return Sighting(
        id=id or f"{shipment}-{station}-{seen_at:%Y%m%d%H%M}",
        shipment=shipment,
        station=Place(text=station),
        seen_at=seen_at,
        precision=precision,
        source=SOURCE,
    )


def resolved_frame(ships: pd.DataFrame, network: RailNetwork) -> pd.DataFrame:
    """Fill a shipments table's station ids and regions from its names, as resolving does.

    Names already carrying a station id keep it; via points get ``via_station_ids``.
    """
    out = ships.copy()
    for prefix in (C.ORIGIN, C.DESTINATION):
        sid_col = f"{prefix}_station_id"
        given = out[sid_col] if sid_col in out else pd.Series(None, index=out.index)
        found = [network.resolve(str(n)) if isinstance(n, str) else None for n in out[prefix]]
        out[sid_col] = [
            g if isinstance(g, str) else (r.station_id if r else None)
            for g, r in zip(given, found, strict=True)
        ]
        out[f"{prefix}_region"] = [r.region if r and r.is_region else None for r in found]
        out[f"{prefix}_station"] = [r.name if r else None for r in found]
    if C.VIA in out:
        ids = []
        for text in out[C.VIA]:
            names = [t.strip() for t in text.split(";")] if isinstance(text, str) else []
            found = [network.resolve(n).station_id for n in names]
            ids.append("; ".join(found) if names and None not in found else None)  # type: ignore[arg-type]
        out[C.VIA_STATION_IDS] = ids
    return out

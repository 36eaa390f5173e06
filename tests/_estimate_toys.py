"""Factories for the estimate, calibration and tracking tests: a toy line and shipments.

``ToyNetwork`` honours the routing contract of ``railtrack.RailNetwork`` (``G``,
``resolve``, ``route``, ``routes_from_each``) on a graph built in code, so the model
is tested apart from the embedded network's data.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import networkx as nx

from railtrack.errors import NoRoute, StationNotFound
from railtrack.models import DateWindow, Place, Shipment, Sighting, Source

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


@dataclass(frozen=True)
class ToyRoute:
    stations: tuple[str, ...]
    names: tuple[str, ...]
    length_km: float
    border_crossings: tuple[str, ...]


@dataclass(frozen=True)
class ToyResolution:
    query: str
    resolved: bool
    station_id: str | None = None
    name: str | None = None
    region: str | None = None
    region_stations: tuple[str, ...] = ()
    candidates: tuple[Any, ...] = ()


@dataclass
class ToyNetwork:
    scale: float = 1.0  # multiplies every link length
    G: nx.Graph = field(init=False)

    def __post_init__(self) -> None:
        self.G = nx.Graph()
        for sid, (name, country) in STATIONS.items():
            self.G.add_node(sid, name=name, country=country)
        for a, b, km in LINKS:
            self.G.add_edge(a, b, length_km=km * self.scale)

    def resolve(self, name: str) -> ToyResolution:
        key = name.strip().casefold()
        if name in REGIONS:
            return ToyResolution(name, True, region=name, region_stations=REGIONS[name])
        for sid, (station, _) in STATIONS.items():
            if key in (sid.casefold(), station.casefold()):
                return ToyResolution(name, True, sid, station)
        return ToyResolution(name, False)

    def _id(self, name: str) -> str:
        if name in self.G:
            return name
        res = self.resolve(name)
        if not res.resolved or res.station_id is None:
            raise StationNotFound(name)
        return res.station_id

    def _route(self, a: str, b: str) -> ToyRoute:
        if b in REGIONS:
            return min((self._route(a, s) for s in REGIONS[b]), key=lambda r: r.length_km)
        try:
            path = nx.shortest_path(self.G, a, b, weight="length_km")
        except nx.NetworkXNoPath as exc:
            msg = f"no route from {a} to {b}"
            raise NoRoute(msg) from exc
        length = sum(self.G.edges[u, v]["length_km"] for u, v in itertools.pairwise(path))
        names = tuple(self.G.nodes[s]["name"] for s in path)
        borders = tuple(
            f"{self.G.nodes[u]['name']}–{self.G.nodes[v]['name']}"
            for u, v in itertools.pairwise(path)
            if self.G.nodes[u]["country"] != self.G.nodes[v]["country"]
        )
        return ToyRoute(tuple(path), names, float(length), borders)

    def route(
        self, origin: str, destination: str, *, via: Any = None, k: int = 1
    ) -> list[ToyRoute]:
        if origin in REGIONS:
            return [min(self.routes_from_each(origin, destination), key=lambda r: r.length_km)]
        target = destination if destination in REGIONS else self._id(destination)
        return [self._route(self._id(origin), target)]

    def routes_from_each(self, origin: str, destination: str) -> list[ToyRoute]:
        if origin in REGIONS:
            target = destination if destination in REGIONS else self._id(destination)
            return [self._route(s, target) for s in REGIONS[origin]]
        return self.route(origin, destination)


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

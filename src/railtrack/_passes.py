"""Which of many routes pass their destination and leave it again, with numpy (issue 20).

The rule is stated once, station by station, in
:func:`railtrack.routing.passed_destination`: a station before the end within
``Settings.route_passes_destination_km`` (straight line) of the destination, after
which the route still runs more than four times that distance plus 20 km. The routes
step asks it of every distinct route, and walking a national route's 500 stations in
Python (a node look-up, an edge look-up and a haversine each) was nine tenths of the
step at 20,000 reports.

:class:`DestinationPasses` gives the same answer: the distances of every station to
its route's destination are worked out at once with numpy, only the stations within
the distance (plus a margin far above numpy's rounding) are looked at, and for those
the rule's own arithmetic is repeated exactly: the length left is the route's length
less its edges one by one (``numpy.subtract.accumulate`` subtracts in order, as the
rule's loop does) and the distance is :func:`railtrack.network.haversine_km` of the
same floats. A route with a station the graph lacks is given to the rule itself.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from itertools import repeat
from typing import TYPE_CHECKING

import numpy as np
from scipy import sparse

from railtrack.network import EARTH_RADIUS_KM, haversine_km
from railtrack.routing import passed_destination
from railtrack.settings import DEFAULT_SETTINGS, Settings

if TYPE_CHECKING:
    import networkx as nx

    from railtrack.routing import Route

_MARGIN_KM = 1e-6
"""Stations this much beyond the distance are looked at too: numpy's trigonometry may
differ from :mod:`math`'s in the last bit (1e-12 km at the Earth's radius), never by this."""


class DestinationPasses:
    """``passed_destination(G, route, settings) is not None`` for many routes of one graph.

    Parameters
    ----------
    G
        The station graph (``lat``/``lon`` node attributes, ``length_km`` on edges);
        read once, when this is built: treat it as read-only afterwards.
    settings
        ``route_passes_destination_km``.

    Examples
    --------
    >>> from railtrack import load_network
    >>> net = load_network(national=False)
    >>> passes = DestinationPasses(net.G)
    >>> route = net.route("Slonim", "Matveev Kurgan")[0]
    >>> passes([route]) == [passed_destination(net.G, route) is not None]
    True
    """

    def __init__(self, G: nx.Graph, settings: Settings | None = None) -> None:
        self.G = G
        self.settings = settings or DEFAULT_SETTINGS
        ids = list(G)
        self._pos = {n: i for i, n in enumerate(ids)}
        lat = np.full(len(ids), np.nan)
        lon = np.full(len(ids), np.nan)
        for i, (_, d) in enumerate(G.nodes(data=True)):
            if d.get("lat") is not None and d.get("lon") is not None:
                lat[i], lon[i] = float(d["lat"]), float(d["lon"])
        self._lat, self._lon = lat, lon
        rows, cols, km = [], [], []
        for u, v, length in G.edges(data="length_km", default=0.0):
            a, b = self._pos[u], self._pos[v]
            rows += [a] if a == b else [a, b]
            cols += [b] if a == b else [b, a]
            km += [float(length)] * (1 if a == b else 2)
        self._km = sparse.csr_array(
            (np.asarray(km, dtype="float64"), (np.asarray(rows), np.asarray(cols))),
            shape=(len(ids), len(ids)),
        )

    def __call__(self, routes: Sequence[Route]) -> list[bool]:
        """Return, per route, whether :func:`passed_destination` finds a station."""
        return [self._passes(route) for route in routes]

    def _passes(self, route: Route) -> bool:
        stations = route.stations
        end = self._pos.get(route.destination)
        if end is None or math.isnan(self._lat[end]) or len(stations) < 3:
            return False
        positions = np.fromiter(map(self._pos.get, stations, repeat(-1)), np.intp, len(stations))
        if (positions < 0).any():  # not on the graph: the rule says what it says of them
            return passed_destination(self.G, route, self.settings) is not None
        near = self.settings.route_passes_destination_km
        end_lat, end_lon = float(self._lat[end]), float(self._lon[end])
        inner = positions[1:-1]  # the stations the rule looks at: all but the first and last
        km = _haversine(self._lat[inner], self._lon[inner], end_lat, end_lon)
        candidates = np.flatnonzero(km <= near + _MARGIN_KM)  # NaN (no point) is never
        if candidates.size == 0:
            return False
        edges = self._km[positions[:-2], positions[1:-1]]
        rest = np.subtract.accumulate(np.concatenate(([route.length_km], edges)))[1:]
        for k in candidates.tolist():
            b = int(inner[k])
            d = haversine_km(float(self._lat[b]), float(self._lon[b]), end_lat, end_lon)
            if d <= near and float(rest[k]) > 4.0 * d + 20.0:
                return True
        return False


def _haversine(lat: np.ndarray, lon: np.ndarray, lat2: float, lon2: float) -> np.ndarray:
    """:func:`railtrack.network.haversine_km` of many points to one (km), to a bit or so."""
    p1, p2 = np.radians(lat), math.radians(lat2)
    dp, dl = p2 - p1, np.radians(lon2 - lon)
    h = np.sin(dp / 2) ** 2 + np.cos(p1) * math.cos(p2) * np.sin(dl / 2) ** 2
    return np.asarray(2 * EARTH_RADIUS_KM * np.arcsin(np.minimum(1.0, np.sqrt(h))))

"""Country outlines that railtrack ships, for maps that must draw without a network.

The outlines are Natural Earth's 1:50m Admin 0 countries (public domain), in
``data/basemap/countries.geojson`` (see the README beside it for the source and
the one change made).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from railtrack._data import data_path

__all__ = ["Bounds", "CountryOutline", "country_outlines", "load_countries"]

Ring = list[tuple[float, float]]


@dataclass(frozen=True)
class Bounds:
    """A longitude/latitude box in degrees (west, south, east, north).

    Examples
    --------
    >>> Bounds(20, 50, 30, 55).padded(1).meets(Bounds(30.5, 40, 40, 50))
    True
    """

    west: float
    south: float
    east: float
    north: float

    def padded(self, degrees: float) -> Bounds:
        """Return the box grown by ``degrees`` on every side.

        Parameters
        ----------
        degrees
            How far to grow each side, degrees (negative shrinks).

        Returns
        -------
        Bounds
            A new box.

        Examples
        --------
        >>> Bounds(20, 50, 30, 55).padded(1)
        Bounds(west=19, south=49, east=31, north=56)
        """
        return Bounds(
            self.west - degrees, self.south - degrees, self.east + degrees, self.north + degrees
        )

    def meets(self, other: Bounds) -> bool:
        """Return True when the two boxes overlap or touch.

        Parameters
        ----------
        other
            Another box, degrees.

        Returns
        -------
        bool
            True when the boxes share at least a point (an edge counts).

        Examples
        --------
        >>> box = Bounds(20, 50, 30, 55)
        >>> box.meets(Bounds(30, 55, 40, 60)), box.meets(Bounds(31, 50, 40, 55))
        (True, False)
        """
        return (
            self.west <= other.east
            and other.west <= self.east
            and self.south <= other.north
            and other.south <= self.north
        )

    @classmethod
    def around(cls, points: list[tuple[float, float]]) -> Bounds | None:
        """Return the box around ``(lon, lat)`` points; None for no points.

        Parameters
        ----------
        points
            ``(lon, lat)`` pairs, degrees.

        Returns
        -------
        Bounds or None
            The smallest box holding every point.

        Examples
        --------
        >>> Bounds.around([(30.2, 54.5), (23.7, 52.1)])
        Bounds(west=23.7, south=52.1, east=30.2, north=54.5)
        >>> Bounds.around([]) is None
        True
        """
        if not points:
            return None
        lons = [p[0] for p in points]
        lats = [p[1] for p in points]
        return cls(min(lons), min(lats), max(lons), max(lats))


@dataclass(frozen=True)
class CountryOutline:
    """One country: its name, its polygons (rings of ``(lon, lat)``) and its box.

    Examples
    --------
    >>> square = [(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 0.0)]
    >>> c = CountryOutline("Square", ((square,),), Bounds(0.0, 0.0, 1.0, 1.0))
    >>> c.name, len(c.polygons), c.bounds.east
    ('Square', 1, 1.0)
    """

    name: str
    polygons: tuple[tuple[Ring, ...], ...]
    bounds: Bounds

    def to_feature(self) -> dict[str, Any]:
        """Return the outline as a GeoJSON Feature (MultiPolygon).

        Returns
        -------
        dict
            ``{"type": "Feature", "properties": {"name": ...}, "geometry": {"type":
            "MultiPolygon", "coordinates": ...}}``, coordinates ``[lon, lat]`` lists.

        Examples
        --------
        >>> ring = [(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 0.0)]
        >>> feature = CountryOutline("Square", ((ring,),), Bounds(0.0, 0.0, 1.0, 1.0)).to_feature()
        >>> feature["geometry"]["type"], feature["geometry"]["coordinates"][0][0][1]
        ('MultiPolygon', [1.0, 0.0])
        """
        coords = [[[list(p) for p in ring] for ring in poly] for poly in self.polygons]
        return {
            "type": "Feature",
            "properties": {"name": self.name},
            "geometry": {"type": "MultiPolygon", "coordinates": coords},
        }


@lru_cache(maxsize=1)
def load_countries() -> tuple[CountryOutline, ...]:
    """Return every shipped country outline (read once per process).

    Returns
    -------
    tuple of CountryOutline
        Sorted by name.

    Raises
    ------
    FileNotFoundError
        If the package's data directory is missing (a broken install).

    Examples
    --------
    >>> names = {c.name for c in load_countries()}
    >>> {"Belarus", "Russia", "Ukraine", "Poland"} <= names
    True
    """
    doc = json.loads(data_path("basemap", "countries.geojson").read_text(encoding="utf-8"))
    out = []
    for feature in doc["features"]:
        polys = tuple(
            tuple([(float(x), float(y)) for x, y in ring] for ring in poly)
            for poly in feature["geometry"]["coordinates"]
        )
        points = [p for poly in polys for ring in poly for p in ring]
        bounds = Bounds.around(points)
        if bounds is not None:
            out.append(CountryOutline(str(feature["properties"]["name"]), polys, bounds))
    return tuple(sorted(out, key=lambda c: c.name))


def country_outlines(bounds: Bounds | None = None) -> list[CountryOutline]:
    """Return the outlines of the countries whose box meets ``bounds`` (all when None).

    Parameters
    ----------
    bounds
        A box in degrees, or None for every country.

    Returns
    -------
    list of CountryOutline
        Sorted by name (as :func:`load_countries`).

    Examples
    --------
    >>> near_minsk = [c.name for c in country_outlines(Bounds(27.0, 53.5, 28.0, 54.0))]
    >>> "Belarus" in near_minsk, "Portugal" in near_minsk
    (True, False)
    """
    countries = load_countries()
    if bounds is None:
        return list(countries)
    return [c for c in countries if c.bounds.meets(bounds)]

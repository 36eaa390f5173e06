"""Settle a name two places bear by the other places its report names.

"Товарково" is a town of Kaluga oblast and a settlement of Tula oblast; a report that
also names Kaluga, or says "в Калужской области", means the first. The gazetteer
leaves such a name unresolved with its candidates (it sees one name at a time);
:meth:`railtrack.io.ReportSet.resolve` knows each report's other places and asks
:func:`pick_by_context` which candidate they point to. Context only chooses among
the candidates a name already has: it never makes a name resolve that has none.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from railtrack.network import haversine_km

__all__ = ["ANCHORS_WEIGHED", "Anchor", "Candidate", "pick_by_context"]

NEAR_KM = 150.0
"""A candidate this close to a place the report names (km) may be chosen by it."""

MARGIN = 3.0
"""The next candidate must lie this many times farther from every named place ..."""

APART_KM = 100.0
"""... and at least this much farther (km): a clear margin, not a coin toss."""


@dataclass(frozen=True)
class Candidate:
    """A place a name may be: id, name and WGS84 degrees."""

    id: str
    name: str
    lat: float
    lon: float


@dataclass(frozen=True)
class Anchor:
    """A place the same report names (a station, a town, or a station of a region)."""

    name: str
    lat: float
    lon: float


ON_WAY_SHARE = 0.2
"""A candidate off the straight way between two named places by at most this share of
their distance lies on their way ("через Тихорецкую ... из Ртищево в направлении
Новороссийска": the Kuban junction 33 km off the 950 km way, its namesake near Kazan
about 900 km off it)."""

ON_WAY_ANCHORS = 40
"""At most this many named places pair up for the on-the-way rule (a region's stations
are many anchors)."""


ANCHORS_WEIGHED = 2
"""How many of the nearest named places a candidate's distance is the mean of."""


def _nearest(c: Candidate, anchors: Sequence[Anchor]) -> tuple[float, str]:
    """Mean distance (km) to the :data:`ANCHORS_WEIGHED` nearest named places, and the nearest.

    "через Лиман и Славянск на Северск": Lyman of Donetsk oblast lies 22 km from
    Sloviansk and from Siversk, Lyman of Kharkiv oblast 117 and 144 km; one place
    alone leaves them too close to call, the two together do not.
    """
    by_name: dict[str, float] = {}
    for a in anchors:  # a region is many anchors of one name: its nearest station counts
        km = haversine_km(c.lat, c.lon, a.lat, a.lon)
        by_name[a.name] = min(km, by_name.get(a.name, math.inf))
    if not by_name:
        return math.inf, ""
    near = sorted((km, name) for name, km in by_name.items())[:ANCHORS_WEIGHED]
    mean = sum(km for km, _ in near) / len(near)
    return mean, " and ".join(name for _, name in near)


def pick_by_context(
    candidates: Sequence[Candidate], anchors: Sequence[Anchor]
) -> tuple[Candidate, str] | None:
    """Return the candidate the report's other places point to, and why; None when unclear.

    Parameters
    ----------
    candidates
        The places a name may be, shape (n,), n >= 2 for a choice.
    anchors
        The places (or a region's stations) the same report names, shape (m,).

    Returns
    -------
    tuple of (Candidate, str) or None
        The candidate within :data:`NEAR_KM` of the named places while every other
        one lies :data:`MARGIN` times and :data:`APART_KM` farther from them, with a
        note saying so; None without candidates to choose from, without anchors, or
        without a clear margin. A candidate's distance is the mean of its distances to
        the :data:`ANCHORS_WEIGHED` nearest named places among those within
        :data:`NEAR_KM` of some candidate (places far from every candidate, like a
        train's origin across the country, do not weigh).

    Examples
    --------
    >>> a = Candidate("A", "Tovarkovo", 54.68, 35.93)
    >>> b = Candidate("B", "Tovarkovskiy", 53.68, 38.21)
    >>> pick, note = pick_by_context([a, b], [Anchor("Kaluga", 54.53, 36.27)])
    >>> pick.id
    'A'
    >>> note  # doctest: +NORMALIZE_WHITESPACE
    'chosen by the report: 28 km from Kaluga, which it also names;
     Tovarkovskiy lies 158 km from it'

    >>> pick_by_context([a, b], []) is None
    True

    Two places named together settle what one alone leaves too close to call:

    >>> lyman = [Candidate("D", "Lyman", 48.99, 37.81), Candidate("K", "Lyman", 49.59, 36.47)]
    >>> pick_by_context(lyman, [Anchor("Sloviansk", 48.85, 37.60)]) is None
    True
    >>> both = [Anchor("Sloviansk", 48.85, 37.60), Anchor("Siversk", 48.86, 38.10)]
    >>> pick_by_context(lyman, both)[0].id
    'D'
    """
    if len(candidates) < 2 or not anchors:
        return None
    everywhere = list(anchors)
    # only the named places near some candidate weigh: a train's far origin does not
    anchors = [
        a
        for a in anchors
        if any(haversine_km(c.lat, c.lon, a.lat, a.lon) <= NEAR_KM for c in candidates)
    ]
    if not anchors:
        return _on_the_way(candidates, everywhere)
    ranked = sorted((_nearest(c, anchors), i) for i, c in enumerate(candidates))
    (best_km, near_name), best_i = ranked[0]
    (next_km, _), next_i = ranked[1]
    if best_km > NEAR_KM or next_km < max(MARGIN * best_km, best_km + APART_KM):
        return _on_the_way(candidates, everywhere)
    other = candidates[next_i]
    mean = "on average " if " and " in near_name else ""
    note = (
        f"chosen by the report: {mean}{best_km:.0f} km from {near_name}, which it also "
        f"names; {other.name} lies {mean}{next_km:.0f} km from it"
    )
    return candidates[best_i], note


def _detour(c: Candidate, pairs: Sequence[tuple[Anchor, Anchor, float]]) -> tuple[float, str]:
    """Least detour (km) of going by ``c`` between two named places, and that pair's names.

    Only pairs whose detour through ``c`` is within :data:`ON_WAY_SHARE` of their
    distance count; ``inf`` when no pair has ``c`` on its way.
    """
    best, names = math.inf, ""
    for a, b, ab in pairs:
        km = (
            haversine_km(a.lat, a.lon, c.lat, c.lon) + haversine_km(c.lat, c.lon, b.lat, b.lon) - ab
        )
        if km <= ON_WAY_SHARE * ab and km < best:
            best, names = km, f"{a.name} to {b.name}"
    return best, names


def _off_way(c: Candidate, pairs: Sequence[tuple[Anchor, Anchor, float]]) -> float:
    """Least detour (km) of going by ``c`` between any two named places, however far."""
    return min(
        haversine_km(a.lat, a.lon, c.lat, c.lon) + haversine_km(c.lat, c.lon, b.lat, b.lon) - ab
        for a, b, ab in pairs
    )


def _on_the_way(
    candidates: Sequence[Candidate], anchors: Sequence[Anchor]
) -> tuple[Candidate, str] | None:
    """Return the candidate on the way between two places the report names, if one clearly is.

    The nearness rule of :func:`pick_by_context` needs a named place within
    :data:`NEAR_KM`; a junction a train passes between a far origin and a far
    destination has none ("Тихорецкая" between Ртищево and Новороссийск, its
    namesake near Kazan). Each candidate's detour is the straight-line km added by
    going through it between two named places of different names; the least one
    wins when it is within :data:`ON_WAY_SHARE` of their distance and every other
    candidate's least detour is :data:`MARGIN` times and :data:`APART_KM` more.
    Coordinates only: the rule works on any network.
    """
    named: dict[tuple[str, float, float], Anchor] = {}
    for a in anchors[: ON_WAY_ANCHORS * 4]:
        named.setdefault((a.name, round(a.lat, 1), round(a.lon, 1)), a)
    spots = list(named.values())[:ON_WAY_ANCHORS]
    pairs = [
        (a, b, haversine_km(a.lat, a.lon, b.lat, b.lon))
        for i, a in enumerate(spots)
        for b in spots[i + 1 :]
        if a.name != b.name
    ]
    pairs = [(a, b, ab) for a, b, ab in pairs if ab > 0]
    if not pairs:
        return None
    ranked = sorted((_detour(c, pairs), i) for i, c in enumerate(candidates))
    (best_km, between), best_i = ranked[0]
    if math.isinf(best_km):
        return None
    next_km, next_i = min((_off_way(c, pairs), i) for i, c in enumerate(candidates) if i != best_i)
    if next_km < max(MARGIN * best_km, best_km + APART_KM):
        return None
    other = candidates[next_i]
    note = (
        f"chosen by the report: {best_km:.0f} km off the straight way from {between}, "
        f"which it also names; {other.name} lies {next_km:.0f} km off it"
    )
    return candidates[best_i], note

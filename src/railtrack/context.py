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
    # only the named places near some candidate weigh: a train's far origin does not
    anchors = [
        a
        for a in anchors
        if any(haversine_km(c.lat, c.lon, a.lat, a.lon) <= NEAR_KM for c in candidates)
    ]
    if not anchors:
        return None
    ranked = sorted((_nearest(c, anchors), i) for i, c in enumerate(candidates))
    (best_km, near_name), best_i = ranked[0]
    (next_km, _), next_i = ranked[1]
    if best_km > NEAR_KM or next_km < max(MARGIN * best_km, best_km + APART_KM):
        return None
    other = candidates[next_i]
    mean = "on average " if " and " in near_name else ""
    note = (
        f"chosen by the report: {mean}{best_km:.0f} km from {near_name}, which it also "
        f"names; {other.name} lies {mean}{next_km:.0f} km from it"
    )
    return candidates[best_i], note

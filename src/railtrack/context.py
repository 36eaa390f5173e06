"""Settle a name two places bear by the other places its report names.

"Товарково" is a town of Kaluga oblast and a settlement of Tula oblast; a report that
also names Kaluga, or says "в Калужской области", means the first. The gazetteer
leaves such a name unresolved with its candidates (it sees one name at a time);
:meth:`railtrack.io.ReportSet.resolve` knows each report's other places and asks
:func:`pick_by_context` which candidate they point to. Context only chooses among
the candidates a name already has: it never makes a name resolve that has none.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from railtrack.network import haversine_km

__all__ = ["Anchor", "Candidate", "pick_by_context"]

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


def _nearest(c: Candidate, anchors: Sequence[Anchor]) -> tuple[float, str]:
    return min((haversine_km(c.lat, c.lon, a.lat, a.lon), a.name) for a in anchors)


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
        The candidate within :data:`NEAR_KM` of a named place while every other one
        lies :data:`MARGIN` times and :data:`APART_KM` farther from all of them, with
        a note saying so; None without candidates to choose from, without anchors, or
        without a clear margin.

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
    """
    if len(candidates) < 2 or not anchors:
        return None
    ranked = sorted((_nearest(c, anchors), i) for i, c in enumerate(candidates))
    (best_km, near_name), best_i = ranked[0]
    (next_km, _), next_i = ranked[1]
    if best_km > NEAR_KM or next_km < max(MARGIN * best_km, best_km + APART_KM):
        return None
    other = candidates[next_i]
    note = (
        f"chosen by the report: {best_km:.0f} km from {near_name}, which it also names; "
        f"{other.name} lies {next_km:.0f} km from it"
    )
    return candidates[best_i], note

"""Kept trains of one corridor filed by day and by told origin (:mod:`railtrack.relays`).

A report is linked to a kept train only when their origins may be one train's
(``relays._origins_fit``): the same origin, either untold (``?``), or a region
beside a station in it. A report told from a station or a place (``id:``,
``text:``) therefore never links to a train told from another station or place;
filing the kept trains by origin too spares testing those pairs. At 100,000
generated reports the test of every kept train of the days took about 60 s of CPU:
each railhead's trains came from 300 garrisons.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["KeptDays", "open_origin"]


def open_origin(origin: str) -> bool:
    """Whether an origin key may fit another key than itself: untold, or a region.

    Parameters
    ----------
    origin : str
        An origin key of :mod:`railtrack.relays` (``"id:..."``, ``"region:..."``,
        ``"text:..."`` or ``"?"``).

    Returns
    -------
    bool

    Examples
    --------
    >>> open_origin("?"), open_origin("region:Russia"), open_origin("id:RU-VYAZMA")
    (True, True, False)
    """
    return origin == "?" or origin.startswith("region:")


class KeptDays:
    """Kept trains' positions filed under the days of their windows and their origins.

    Examples
    --------
    >>> kept = KeptDays()
    >>> kept.add(0, "id:A", [5, 6])
    >>> kept.add(1, "id:B", [6])
    >>> kept.add(2, "?", [7])
    >>> kept.near("id:A", [6, 7]), kept.near("?", [6]), kept.near("region:R", [5, 6, 7])
    ([0, 2], [0, 1], [0, 1, 2])
    """

    def __init__(self) -> None:
        self._all: dict[int, list[int]] = {}
        self._by_origin: dict[tuple[int, str], list[int]] = {}
        self._open: dict[int, list[int]] = {}

    def add(self, index: int, origin: str, days: Iterable[int]) -> None:
        """File kept train ``index`` (told from ``origin``) under each of ``days``."""
        is_open = open_origin(origin)
        for day in days:
            self._all.setdefault(day, []).append(index)
            if is_open:
                self._open.setdefault(day, []).append(index)
            else:
                self._by_origin.setdefault((day, origin), []).append(index)

    def near(self, origin: str, days: Iterable[int]) -> list[int]:
        """Return, in order, the kept trains filed under ``days`` a report from ``origin`` may be.

        Every train filed under one of the days, less, for a report told from a
        station or a place, the trains told from another station or place.
        """
        if open_origin(origin):
            return sorted({i for d in days for i in self._all.get(d, ())})
        found: set[int] = set()
        for d in days:
            found.update(self._by_origin.get((d, origin), ()))
            found.update(self._open.get(d, ()))
        return sorted(found)

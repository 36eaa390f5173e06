"""Which moving trains a plan may have announced, found without testing every pair.

The rule (``railtrack.relays``, ``plan``): a plan links to a moving train to the same
destination, published no earlier, dated inside the plan's window (``_inside_plan``:
two windows of one kind must meet, or an arrival at most ``transit`` days after the
plan's departure window, a departure at most that many days before its arrival
window), and more (car counts, origins, reports) that the rule itself tests.
:class:`ToldIndex` applies the first three to all of a destination's trains at once
(numpy), so the rule's own test runs only on trains that pass them: the same trains
link, in the same order. Testing every plan against every moving train was quadratic
(20,000 generated reports: 38 s of the resolve stage's 40 s of CPU).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

Window = tuple[int, int]

__all__ = ["ToldIndex"]


class ToldIndex:
    """Moving trains grouped by destination key, with their publication day and windows.

    Parameters
    ----------
    rows
        The moving trains' rows, in the order the rule reads them.
    keys
        Each row's destination key (compared by equality).
    published
        Each row's publication day (None counts as 0, as in the rule).
    windows
        Each row's departure and arrival windows (days; None when untold).

    Examples
    --------
    >>> index = ToldIndex([4, 7, 9], ["a", "a", "b"], [10, 12, 10],
    ...                   [((20, 21), None), (None, (40, 41)), ((20, 20), None)])
    >>> index.near("a", published=0, windows=((15, 22), None), transit=0)
    [4]
    >>> index.near("a", published=11, windows=((15, 22), None), transit=0)
    []
    >>> index.near("a", published=11, windows=((15, 22), None), transit=20)
    [7]
    >>> index.near("a", published=0, windows=((15, 22), None), transit=20)
    [4, 7]
    >>> index.near("c", published=0, windows=((15, 22), None), transit=20)
    []
    """

    def __init__(
        self,
        rows: Sequence[int],
        keys: Sequence[object],
        published: Sequence[int | None],
        windows: Sequence[tuple[Window | None, Window | None]],
    ) -> None:
        by_key: dict[object, list[int]] = {}
        for k, key in enumerate(keys):
            by_key.setdefault(key, []).append(k)
        self._groups: dict[object, tuple[np.ndarray, ...]] = {}
        for key, at in by_key.items():
            self._groups[key] = (
                np.array([rows[k] for k in at], dtype=np.int64),
                np.array([published[k] or 0 for k in at], dtype=np.int64),
                *_bounds([windows[k][0] for k in at]),
                *_bounds([windows[k][1] for k in at]),
            )

    def near(
        self,
        key: object,
        *,
        published: int | None,
        windows: tuple[Window | None, Window | None],
        transit: int,
    ) -> list[int]:
        """Return the rows to ``key`` published no earlier and dated inside the plan's windows.

        In the order given to the index; every row the plan rule may link is among them.
        """
        group = self._groups.get(key)
        if group is None:
            return []
        rows, pub, dep_lo, dep_hi, arr_lo, arr_hi = group
        dates = _inside(windows, (dep_lo, dep_hi), (arr_lo, arr_hi), max(transit, 0))
        return [int(r) for r in rows[(pub >= (published or 0)) & dates]]


def _bounds(windows: Sequence[Window | None]) -> tuple[np.ndarray, np.ndarray]:
    """Return the windows' first and last days (NaN where untold)."""
    lo = np.array([w[0] if w else np.nan for w in windows], dtype=np.float64)
    hi = np.array([w[1] if w else np.nan for w in windows], dtype=np.float64)
    return lo, hi


def _inside(
    plan: tuple[Window | None, Window | None],
    departure: tuple[np.ndarray, np.ndarray],
    arrival: tuple[np.ndarray, np.ndarray],
    transit: int,
) -> np.ndarray:
    """Whether each moving train's dates lie inside the plan's windows, as the rule says.

    Two windows of one kind must meet; one pair of a kind that meets suffices; else an
    arrival at most ``transit`` days after the plan's departure window, or a departure
    at most that many days before its arrival window.
    """
    n = len(departure[0])
    fail, meet = np.zeros(n, dtype=bool), np.zeros(n, dtype=bool)
    for window, (lo, hi) in zip(plan, (departure, arrival), strict=True):
        if not window:
            continue
        told = ~np.isnan(lo)
        overlap = (window[0] <= hi) & (lo <= window[1])
        fail |= told & ~overlap
        meet |= told
    cross = np.zeros(n, dtype=bool)
    dep, arr = plan
    if dep:  # the train's arrival at most ``transit`` days after the plan's departure
        lo, hi = arrival
        cross |= (hi >= dep[0]) & (lo <= dep[1] + transit)
    if arr:  # the train's departure at most ``transit`` days before the plan's arrival
        lo, hi = departure
        cross |= (lo <= arr[1]) & (hi >= arr[0] - transit)
    return ~fail & (meet | cross)

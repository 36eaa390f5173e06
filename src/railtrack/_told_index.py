"""Which moving trains a plan may have announced, found without testing every pair.

The rule (``railtrack.relays``, ``plan``): a plan links to a moving train to the same
destination, published no earlier, with a date inside the plan's window or at most
``transit`` days beside it, and more (car counts, origins, reports) that the rule
itself tests. :class:`ToldIndex` keeps only the first three, which are necessary:
every train it leaves out fails the rule, so the rule tested on what it returns
links exactly the trains it would link tested on every pair. Plans times moving
trains was quadratic (20,000 generated reports: 38 s of the resolve stage's 40 s).

A moving train passes the dates test only if one of its windows ``[a, b]`` has
``b >= plan_first - transit`` and ``a <= plan_last + transit``, where ``plan_first``
and ``plan_last`` are the first and last days of the plan's windows: so its own
first day is at most ``plan_last + transit`` and its last day at least
``plan_first - transit``.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

Window = tuple[int, int]

__all__ = ["ToldIndex"]


class ToldIndex:
    """Moving trains grouped by destination key, with their publication and date span.

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
            first = [_span(windows[k])[0] for k in at]
            last = [_span(windows[k])[1] for k in at]
            self._groups[key] = (
                np.array([rows[k] for k in at], dtype=np.int64),
                np.array([published[k] or 0 for k in at], dtype=np.int64),
                np.array(first, dtype=np.float64),
                np.array(last, dtype=np.float64),
            )

    def near(
        self,
        key: object,
        *,
        published: int | None,
        windows: tuple[Window | None, Window | None],
        transit: int,
    ) -> list[int]:
        """Return the rows to ``key`` published no earlier and dated near the windows.

        In the order given to the index; every row the plan rule may link is among them.
        """
        group = self._groups.get(key)
        if group is None:
            return []
        rows, pub, first, last = group
        plan_first, plan_last = _span(windows)
        slack = max(transit, 0)
        kept = (pub >= (published or 0)) & (last >= plan_first - slack)
        kept &= first <= plan_last + slack
        return [int(r) for r in rows[kept]]


def _span(windows: tuple[Window | None, Window | None]) -> tuple[float, float]:
    """Return the first and last day of the windows; (inf, -inf) when none is told."""
    told = [w for w in windows if w]
    if not told:
        return float("inf"), float("-inf")
    return float(min(w[0] for w in told)), float(max(w[1] for w in told))

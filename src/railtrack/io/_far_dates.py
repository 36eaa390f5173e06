"""Publication dates years before all the others: a year typo, read as unknown.

One report of a week's reports published ``1923-03-16`` (for ``2023-03-16``) would
date its trains a century early and stretch the briefing's period over a hundred
years (trial11 T22). A record published more than :data:`FAR_BEFORE_DAYS` before the
median of the input's publication dates is kept, with its publication date unknown
and its departure and arrival windows dropped where they lie as far back (they were
read with the typo's year); a problem names its file and field ``published``.
Dates after today are caught where they are read (a text header, a table row).
"""

from __future__ import annotations

import statistics
from datetime import date, timedelta
from typing import TYPE_CHECKING, TypeVar

from railtrack.io.reportset import Problem

if TYPE_CHECKING:
    from collections.abc import Mapping

    from railtrack.io.reportset import ReportSet
    from railtrack.models import DateWindow, Shipment, ShipmentGroup

__all__ = ["FAR_BEFORE_DAYS", "unknown_if_far_before"]

_R = TypeVar("_R", "Shipment", "ShipmentGroup")

FAR_BEFORE_DAYS = 730
"""How far (two years) before the median publication date a date is read as a typo."""


def _near(window: DateWindow | None, floor: date) -> DateWindow | None:
    """Drop a window read from words with the typo's year; keep a full date as written.

    "16 марта" in a report published ``1923-03-16`` was dated 1923 by the typo; a
    table cell ``2015-03-01`` (no ``text``: a machine-form date) carries its own year.
    """
    if window is None or window.text is None:
        return window
    last = window.latest or window.earliest
    return None if last is not None and last < floor else window


def unknown_if_far_before(
    result: ReportSet, rows: Mapping[tuple[str, str], int] | None = None
) -> None:
    """Read publication dates years before the input's median as unknown (in place).

    Parameters
    ----------
    result
        The loaded reports; its shipments and groups are replaced, its problems
        extended (one per file, or per row of a table).
    rows
        The row (a table's) or line each (kind, id) was read from, when known.

    Examples
    --------
    >>> from railtrack.io.reportset import ReportSet
    >>> from railtrack.models import Shipment, Source
    >>> rs = ReportSet()
    >>> for i, day in enumerate(["2023-03-12", "2023-03-14", "1923-03-16"]):
    ...     rs.add(Shipment(id=f"t{i}", source=Source(reporter="H", published=day)),
    ...            file=f"d{i}.txt")
    >>> unknown_if_far_before(rs)
    >>> [s.source.published for s in rs.shipments][2] is None, rs.problems[0].path
    (True, 'd2.txt')
    """
    records: list[Shipment | ShipmentGroup] = [*result.shipments, *result.groups]
    days = [r.source.published for r in records if r.source.published is not None]
    if len(set(days)) < 3:  # a typo stands out among several dates, not beside one other
        return
    median = statistics.median_high(days)
    floor = median - timedelta(days=FAR_BEFORE_DAYS)
    said: set[tuple[str, int | None]] = set()

    def fixed(record: _R) -> _R:
        day = record.source.published
        if day is None or day >= floor:
            return record
        key = (type(record).__name__, record.id)
        path = result.files.get(key, "?")
        row = (rows or {}).get(key) or None
        if (path, row) not in said:
            said.add((path, row))
            result.problems.append(
                Problem(
                    path,
                    row,
                    "published",
                    f"{day.isoformat()} is more than {FAR_BEFORE_DAYS // 365} years before "
                    f"the other reports (median {median.isoformat()}): a typo? The report "
                    "is kept with its publication date unknown",
                )
            )
        return record.model_copy(
            update={
                "source": record.source.model_copy(update={"published": None}),
                **{
                    name: _near(getattr(record, name), floor)
                    for name in ("departure", "expected_arrival")
                    if hasattr(record, name)
                },
            }
        )

    result.shipments[:] = [fixed(s) for s in result.shipments]
    result.groups[:] = [fixed(g) for g in result.groups]

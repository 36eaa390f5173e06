"""Publication dates years before all the others: a possible year typo, told, kept.

One report of a week's reports published ``1923-03-16`` (for ``2023-03-16``) would
date its trains a century early and stretch the briefing's period over a hundred
years (trial11 T22), so a report published more than :data:`FAR_BEFORE_DAYS` before
the median of the input's reports' publication dates gets a problem naming its file
(and row) and field ``published``. Its date is kept as written, with the departure
and arrival days read against it: a date the report writes is its own, and other
reports' years are no evidence against it (trial20 T3: a genuine 2023 report loaded
beside 2025 ones lost its publication date and its explicit "11 января" and "15
января"); an archive spanning years is normal for this work. The median is of
reports, not of trains: one report telling of 16 trains is one report.
Dates after today are caught where they are read (a text header, a table row).
"""

from __future__ import annotations

import statistics
from datetime import date, timedelta
from typing import TYPE_CHECKING

from railtrack.io.reportset import Problem

if TYPE_CHECKING:
    from collections.abc import Mapping

    from railtrack.io.reportset import ReportSet
    from railtrack.models import Shipment, ShipmentGroup

__all__ = ["FAR_BEFORE_DAYS", "unknown_if_far_before"]

FAR_BEFORE_DAYS = 730
"""How far (two years) before the reports' median publication date a date is told."""


def unknown_if_far_before(
    result: ReportSet, rows: Mapping[tuple[str, str], int] | None = None
) -> None:
    """Tell each report published years before the input's median (in place).

    Parameters
    ----------
    result
        The loaded reports; its problems extended (one per file, or per row of a
        table); its records are left as they are.
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
    >>> [s.source.published for s in rs.shipments][2], rs.problems[0].path
    (datetime.date(1923, 3, 16), 'd2.txt')
    >>> print(rs.problems[0].message)  # doctest: +NORMALIZE_WHITESPACE
    1923-03-16 is more than 2 years before the other reports (median 2023-03-12): a
    typo? Kept as written (check its year)
    """
    records: list[Shipment | ShipmentGroup] = [*result.shipments, *result.groups]
    by_report: dict[tuple[str, str | int], date] = {}
    for record in records:
        if record.source.published is not None:
            by_report[_report_key(result, record, rows)] = record.source.published
    days = list(by_report.values())  # one date per report, however many trains it tells
    if len(set(days)) < 3:  # a typo stands out among several dates, not beside one other
        return
    median = statistics.median_high(days)
    floor = median - timedelta(days=FAR_BEFORE_DAYS)
    said: set[tuple[str, int | None]] = set()
    for record in records:
        day = record.source.published
        if day is None or day >= floor:
            continue
        key = (type(record).__name__, record.id)
        path = result.files.get(key, "?")
        row = (rows or {}).get(key) or None
        if (path, row) in said:
            continue
        said.add((path, row))
        result.problems.append(
            Problem(
                path,
                row,
                "published",
                f"{day.isoformat()} is more than {FAR_BEFORE_DAYS // 365} years before "
                f"the other reports (median {median.isoformat()}): a typo? Kept as "
                "written (check its year)",
            )
        )


def _report_key(
    result: ReportSet,
    record: Shipment | ShipmentGroup,
    rows: Mapping[tuple[str, str], int] | None,
) -> tuple[str, str | int]:
    """Return the report a record was read from: its file and report, row, or own id."""
    key = (type(record).__name__, record.id)
    path = result.files.get(key, "?")
    return path, record.report or (rows or {}).get(key) or record.id

"""Map the keys of table rows, or of each record of a JSON or YAML list, to fields.

A CSV or a sheet has one header row: its columns are mapped once
(:func:`railtrack.io.tables.map_headers`), and a second column naming a field an
earlier one gives is not read. The records of a JSON or YAML list have no shared
header: each object's keys are its own, so each record is mapped alone. A record
written with ``"cars"`` after one written with ``"wagons"``, or with Polish keys
after Belarusian ones, keeps its values (trial12 T18: the table's "repeated column"
rule applied across separate objects lost them).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from railtrack.io.tables import HeaderMap, map_headers

if TYPE_CHECKING:
    from railtrack.io._records import RawRecord

__all__ = ["KeyMaps", "unit_list"]


def unit_list(unit: str, rows: Sequence[int]) -> str:
    """Return "record 2" or "records 1, 3, 4" (at most eight numbers, then "...").

    Parameters
    ----------
    unit : str
        The singular unit (``"record"``, ``"row"``); ``s`` is added for several.
    rows : sequence of int
        The numbers, in the order to print.

    Returns
    -------
    str
        The unit and the numbers joined by ``", "``.

    Examples
    --------
    >>> unit_list("record", [2]), unit_list("record", [1, 3])
    ('record 2', 'records 1, 3')
    """
    shown = ", ".join(map(str, rows[:8])) + (", ..." if len(rows) > 8 else "")
    return f"{unit}{'s' if len(rows) > 1 else ''} {shown}"


class KeyMaps:
    """How the rows of one table, or the records of one list, map to fields.

    Parameters
    ----------
    header
        Every key in the order first met (a table's header row).
    user
        ``{header: field}`` from ``--columns`` (wins over the alias table).
    per_record
        Map each record's own keys (JSON, YAML), else the header once (CSV, sheets).

    Examples
    --------
    >>> from railtrack.io._records import RawRecord
    >>> rows = [RawRecord({"to": "Brest", "wagons": 48}, 1, "record"),
    ...         RawRecord({"to": "Brest", "cars": 42}, 2, "record")]
    >>> maps = KeyMaps(["to", "wagons", "cars"], None, per_record=True)
    >>> maps.of(rows[1]).columns
    {'to': 'destination', 'cars': 'cars_total'}
    >>> KeyMaps(["to", "wagons", "cars"], None, per_record=False).of(rows[1]).columns
    {'to': 'destination', 'wagons': 'cars_total'}
    """

    def __init__(
        self, header: Sequence[str], user: Mapping[str, str] | None, *, per_record: bool
    ) -> None:
        self.header = list(header)
        self.user = user
        self.per_record = per_record
        self._table = map_headers(self.header, user)
        self._cache: dict[tuple[str, ...], HeaderMap] = {}

    def of(self, record: RawRecord) -> HeaderMap:
        """Return the mapping of one record's keys (the table's, for a table row)."""
        if not self.per_record:
            return self._table
        keys = tuple(k for k in record.data if isinstance(k, str))
        found = self._cache.get(keys)
        if found is None:
            found = self._cache[keys] = map_headers(list(keys), self.user)
        return found

    def whole(self, records: Sequence[RawRecord]) -> HeaderMap:
        """Return the mapping of every key read anywhere (the file's summary)."""
        if not self.per_record:
            return self._table
        out = HeaderMap()
        for record in records:
            own = self.of(record)
            for header, target in own.columns.items():
                out.columns.setdefault(header, target)
        for record in records:
            for header in (*self.of(record).ignored, *self.of(record).shadowed):
                if header not in out.columns and header not in out.ignored:
                    out.ignored.append(header)
        return out

    def ignored(self, records: Sequence[RawRecord]) -> dict[str, list[int]]:
        """Return each key no field has -> the rows (records) it stands in."""
        return self._by_row(records, "ignored")

    def notes(self, records: Sequence[RawRecord]) -> dict[str, list[int]]:
        """Return each note on keys not read (a field given twice) -> its rows."""
        return self._by_row(records, "notes")

    def _by_row(self, records: Sequence[RawRecord], part: str) -> dict[str, list[int]]:
        """Return each item of the mappings' ``part`` ("ignored", "notes") -> its rows."""
        if not self.per_record:
            return {item: [1] for item in getattr(self._table, part)}
        found: dict[str, list[int]] = {}
        for record in records:
            for item in getattr(self.of(record), part):
                found.setdefault(item, []).append(record.row)
        return found

"""A spreadsheet's total row: the sum of the rows above it, not one more train.

Analysts close a sheet with a total row: ``Razem;;;82;``, ``Итого;;;82;``, an Excel
row ``Total | | | =SUM(D2:D4)``, or just a count under the count column with
nothing else in the row. Read as a row of trains it is one more train carrying the
sum, and every car is counted twice (trial13 T10). :class:`TotalRows` recognises
such a row, so the loader leaves it out with a problem naming it, and checks its
stated total against the rows it sums.

The words a total row is labelled with are data, in ``data/tables/total_labels.csv``
(English, Russian, Ukrainian, Belarusian, Polish; see the README beside it).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from railtrack._data import data_path
from railtrack.io.cells import is_blank, whole_count

__all__ = ["TotalRows", "is_sum_formula", "total_labels"]

_PLACE_FIELDS = ("origin", "destination", "via", "station")
_DATE_FIELDS = ("departure", "arrival", "expected_arrival", "seen_at", "event_date")
_SUM_FORMULA = re.compile(
    r"^=\s*(?:SUM|SUBTOTAL|AGGREGATE|SUMIF|SUMIFS|SUMPRODUCT)\s*\(", re.IGNORECASE
)
_TRAILING = re.compile(r"[\s:.=]+$")


def _label_key(text: str) -> str:
    return " ".join(_TRAILING.sub("", text.strip()).casefold().split())


@lru_cache(maxsize=1)
def total_labels() -> frozenset[str]:
    """Return the words a total row is labelled with, as compared (case-folded).

    Returns
    -------
    frozenset of str
        The labels of ``data/tables/total_labels.csv``, read once per process.

    Examples
    --------
    >>> {"razem", "итого", "усяго", "разом", "total"} <= total_labels()
    True
    """
    path = data_path("tables", "total_labels.csv")
    with path.open(encoding="utf-8", newline="") as handle:
        return frozenset(_label_key(row["label"]) for row in csv.DictReader(handle))


def is_sum_formula(value: object) -> bool:
    """Whether a cell holds a formula that sums other cells (``=SUM(D2:D4)``).

    Parameters
    ----------
    value : object
        A cell as read with its formulas (openpyxl without cached values).

    Returns
    -------
    bool
        True for ``=SUM(...)`` and ``=SUBTOTAL(...)`` in any case.

    Examples
    --------
    >>> is_sum_formula("=SUM(D2:D4)"), is_sum_formula("=subtotal(9,D2:D9)")
    (True, True)
    >>> is_sum_formula("=D2+1"), is_sum_formula(82)
    (False, False)
    """
    return isinstance(value, str) and _SUM_FORMULA.match(value.strip()) is not None


def _label(value: object) -> str | None:
    """Return the cell as written when it is a total label ("Razem", "Итого:")."""
    if not isinstance(value, str) or not value.strip():
        return None
    key = _label_key(value)
    if key in total_labels():
        return value.strip()
    return None


@dataclass
class TotalRows:
    """Recognise a table's total rows, row by row, and keep the sums to check them.

    Feed each row with :meth:`total` (before it is read as a train); a row that is
    not a total is then added with :meth:`add` once its counts are read. The sums
    start again after each total row (a sheet may total each week).

    Examples
    --------
    >>> t = TotalRows()
    >>> t.total({"departure": "13.04.2023", "cars_total": 40}, ["13.04.2023", 40]) is None
    True
    >>> t.add({"cars_total": 40}); t.add({"cars_total": 42})
    >>> t.total({"departure": "Razem", "cars_total": "82"}, ["Razem", "82"])
    "'Razem' is a total row (82 cars, as the 2 rows above add up to), not a train; row left out"
    >>> t.add({"cars_total": 5})
    >>> t.total({"cars_total": 6}, [6]) is None  # a count alone that is no sum: a train
    True
    """

    sums: dict[str, int] = field(default_factory=dict)
    unknown: dict[str, int] = field(default_factory=dict)
    n_rows: int = 0

    def add(self, data: Mapping[str, Any]) -> None:
        """Count a train row's cars (``cars_total`` and each car type) into the sums."""
        self.n_rows += 1
        for name, value in data.items():
            if not name.startswith("cars_") or name == "cars_total_max":
                continue
            number = whole_count(value)
            if number is None:
                if not is_blank(value):
                    self.unknown[name] = self.unknown.get(name, 0) + 1
                continue
            self.sums[name] = self.sums.get(name, 0) + number

    def total(
        self, data: Mapping[str, Any], cells: list[Any], *, formula: str | None = None
    ) -> str | None:
        """Return why a row is a total row (a problem's message), or None for a train.

        Parameters
        ----------
        data
            The row keyed by field, its cells as written.
        cells
            Every cell of the row as written (a label may stand in any column).
        formula
            A formula of the row that sums other cells (an ``.xlsx`` sheet's
            ``=SUM(D2:D4)``), when there is one.

        Returns
        -------
        str or None
            The message (what marks the row, its stated total against the rows
            above it); None when the row is a train.
        """
        label = next((c for c in map(_label, cells) if c is not None), None)
        others = [
            data.get(k)
            for k in (*_PLACE_FIELDS, *_DATE_FIELDS)
            if not is_blank(data.get(k)) and _label(data.get(k)) is None
        ]
        if others:
            return None  # a place or a date: a train, whatever else the row says
        counts = {
            k: whole_count(v) for k, v in data.items() if k.startswith("cars_") and not is_blank(v)
        }
        if label is not None:
            what = repr(label)
        elif formula is not None:
            what = f"a row summing other cells ({formula})"
        elif (
            self.n_rows >= 2
            and counts
            and all(n is not None and n == self.sums.get(k) for k, n in counts.items())
        ):
            what = "a row with no date or place whose count is the sum of the rows above"
        else:
            return None
        message = f"{what} is a total row{self._check(counts)}, not a train; row left out"
        self.sums, self.unknown, self.n_rows = {}, {}, 0
        return message

    def _check(self, counts: Mapping[str, int | None]) -> str:
        stated = counts.get("cars_total")
        if stated is None:
            return ""
        above = self.sums.get("cars_total", 0)
        rows = f"the {self.n_rows} row{'s' if self.n_rows != 1 else ''} above"
        missing = self.unknown.get("cars_total", 0)
        also = f" ({missing} with a count not summed)" if missing else ""
        if stated == above:
            return f" ({stated} cars, as {rows} add up to)"
        return f" (it states {stated} cars but {rows} add up to {above}{also}: check the sheet)"

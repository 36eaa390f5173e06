"""A table's dates written without a year ("3 марта", "5 березня", "3 March", "3 marca").

An analyst's hand log often writes the day and the month only, the year being plain
to its author: the log's title says it ("Журнал эшелонов, март 2026"), or its other
rows give full dates. Such a cell is read with the year the table itself gives, and
failing that the one of the run's ``--published`` date; the cell's month is placed
in the year that puts it nearest that reference (within six months either way, so
"28 декабря" in a log of January 2026 is 28 December 2025, and "28 сентября" under
a title "март 2026" is 28 September 2025). The reference is the title's month (or
1 July of its year alone), else the full date of the nearest row that has one (a
log spanning more than a year reads each cell by its neighbours), else
``--published``. A title line so used is read, never said to be left out. Which year was assumed,
and from what, is said in one problem per column (:meth:`TableYear.note`). The
words are read by the free-text date reader (:mod:`railtrack.extract.dates` and the
month names of the lexicons), never by a pattern of its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterable

    from railtrack.extract.dates import DateSpan

__all__ = ["TableYear", "cell_days", "table_year", "year_of_cell", "yearless_span"]

_FIRST_YEAR, _LAST_YEAR = 1900, 2100


@dataclass
class TableYear:
    """The day a table's yearless dates are placed near, and what gave it.

    Attributes
    ----------
    reference
        A date; a yearless cell takes the year putting its month nearest this day.
    why
        What gave it, as a problem says it ("the year of the title line '...'").
    read
        Per column header: the rows and the cells read with an assumed year, and the
        years given (filled by :meth:`assumed`, said by :meth:`notes`).
    """

    reference: date
    why: str
    read: dict[str, tuple[list[int], list[str], set[int]]] = field(default_factory=dict)
    title: str | None = None
    """The title line the year was read from (then it was read, not left out), or None."""
    dated: list[tuple[int, date]] = field(default_factory=list)
    """The rows with a full date and that date, when those give the year (review19 #15)."""

    def reference_at(self, row: int | None) -> date:
        """Return the day a yearless cell of ``row`` is placed near.

        The full date of the nearest dated row (the earlier on a tie) when the other
        rows give the year: a log spanning more than a year reads each cell by its
        neighbours, not by the latest row; else :attr:`reference`.

        Examples
        --------
        >>> rows = [(2, date(2025, 3, 9)), (9, date(2026, 3, 9))]
        >>> t = TableYear(date(2026, 3, 9), "", dated=rows)
        >>> t.reference_at(3), t.reference_at(8), t.reference_at(None)
        (datetime.date(2025, 3, 9), datetime.date(2026, 3, 9), datetime.date(2026, 3, 9))
        """
        if row is None or not self.dated:
            return self.reference
        return min(self.dated, key=lambda rd: (abs(rd[0] - row), rd[0]))[1]

    def assumed(self, header: str, row: int, text: str, year: int) -> None:
        """Note that ``text`` in column ``header``, row ``row``, was read in ``year``."""
        rows, texts, years = self.read.setdefault(header, ([], [], set()))
        rows.append(row)
        if text not in texts:
            texts.append(text)
        years.add(year)

    def notes(self) -> list[tuple[str, int, str]]:
        """Return one ``(header, first row, message)`` per column read with an assumed year.

        Examples
        --------
        >>> t = TableYear(date(2026, 3, 15), "the year of the title line 'log, март 2026'")
        >>> t.assumed("Дата", 4, "3 марта", 2026)
        >>> t.notes()[0][2]
        "dates without a year ('3 марта') read in 2026, the year of the title line 'log, март 2026' (row 4); write the year in the cell if it is another"
        """  # noqa: E501
        out = []
        for header, (rows, texts, years) in self.read.items():
            shown = ", ".join(repr(t) for t in texts[:3]) + (", ..." if len(texts) > 3 else "")
            listed = ", ".join(map(str, rows[:8])) + (", ..." if len(rows) > 8 else "")
            where = f"row {listed}" if len(rows) == 1 else f"rows {listed}"
            in_years = " and ".join(map(str, sorted(years)))
            out.append(
                (
                    header,
                    rows[0],
                    f"dates without a year ({shown}) read in {in_years}, {self.why} ({where}); "
                    "write the year in the cell if it is another",
                )
            )
        return out


def _title_reference(line: str) -> date | None:
    """Return the day a title line's year (and month) stands for, or None.

    "Журнал эшелонов (вручную), март 2026" is 15 March 2026; "Log 2026" is 1 July
    2026 (with no month the year alone: every month lies within six months of July).
    """
    from railtrack.extract.lexicon import month_of

    words = [w.strip(".,;:()[]«»\"'") for w in line.split()]
    years = [int(w) for w in words if w.isdigit() and len(w) == 4]
    years = [y for y in years if _FIRST_YEAR <= y <= _LAST_YEAR]
    if len(set(years)) != 1:
        return None  # no year, or several: the title does not say which
    months = {m for m in (month_of(w) for w in words if w and not w.isdigit()) if m}
    month = months.pop() if len(months) == 1 else None
    return date(years[0], month, 15) if month else date(years[0], 7, 1)


def yearless_span(text: str) -> DateSpan | None:
    """Return the day-and-month date a cell gives without a year, or None.

    None when the cell gives a year, is relative ("вчера"), or holds no such date.

    Parameters
    ----------
    text
        One table cell's text, in any language the date finder reads.

    Returns
    -------
    DateSpan or None
        The cell's one date (a time of day after it is not part of the span); None
        when the cell holds no date, several, a year, or a relative day.

    Examples
    --------
    >>> yearless_span("3 марта").text, yearless_span("3 March 21:15").text
    ('3 марта', '3 March')
    >>> yearless_span("3 марта 2026") is None, yearless_span("вчера") is None
    (True, True)
    """
    from railtrack.extract.dates import find_dates

    spans = find_dates(text)
    if len(spans) != 1:
        return None
    span = spans[0]
    if span.has_year or span.is_relative:
        return None
    return span


def year_of_cell(text: str, reference: date) -> int | None:
    """Return the year a yearless cell is read in: its month nearest ``reference``.

    Parameters
    ----------
    text
        One table cell's text ("28 декабря").
    reference
        The day the table's yearless dates are placed near (:attr:`TableYear.reference`).

    Returns
    -------
    int or None
        The year whose day-and-month lies nearest ``reference`` (within about six
        months forward or back); None when :func:`yearless_span` finds no yearless
        date in the cell.

    Examples
    --------
    >>> year_of_cell("28 декабря", date(2026, 1, 15)), year_of_cell("3 marca", date(2026, 3, 15))
    (2025, 2026)
    >>> year_of_cell("28 сентября", date(2026, 3, 15))  # 5.5 months before, not 6.5 after
    2025
    """
    from railtrack.extract.dates import resolve_date

    span = yearless_span(text)
    if span is None:
        return None
    window = resolve_date(span, reference, forward=True)
    day = None if window is None else (window.earliest or window.latest)
    if day is None:
        return None
    # the year putting the day nearest the reference: within six months either way
    # ("28 сентября" under "март 2026" is September 2025; review19 #15)
    near = []
    for year in (day.year - 1, day.year, day.year + 1):
        try:
            near.append(day.replace(year=year))
        except ValueError:  # 29 February
            continue
    return min(near, key=lambda d: (abs((d - reference).days), d)).year


def table_year(
    titles: Iterable[str],
    full_dates: Iterable[date],
    published: date | None,
    rows: Iterable[int] | None = None,
) -> TableYear | None:
    """Return what gives a table's yearless dates their year, or None when nothing does.

    Parameters
    ----------
    titles
        The lines above the table's header (a title such as "Журнал, март 2026").
    full_dates
        The days the table's other date cells give with their year.
    published
        The run's ``--published`` date.
    rows
        The row of each of ``full_dates`` (same order), or None: a yearless cell
        then takes the year of the nearest dated row (:meth:`TableYear.reference_at`).

    Returns
    -------
    TableYear or None
        From the title line first, then the other rows' full dates (the nearest
        row's, else the latest), then ``published``.

    Examples
    --------
    >>> table_year(["Журнал эшелонов (вручную), март 2026"], [], None).reference
    datetime.date(2026, 3, 15)
    >>> table_year([], [date(2025, 12, 30)], None).why
    "the year of the table's other dates (latest 2025-12-30)"
    >>> table_year([], [], None) is None
    True
    """
    for line in titles:
        day = _title_reference(line)
        if day is not None:
            why = f"the year of the title line {line.strip()[:60]!r}"
            return TableYear(day, why, title=line.strip())
    days = list(full_dates)
    if days:
        latest = max(days)
        dated = list(zip(rows, days, strict=True)) if rows is not None else []
        how = "the nearest dated row's" if dated else f"latest {latest}"
        return TableYear(latest, f"the year of the table's other dates ({how})", dated=dated)
    if published is not None:
        return TableYear(published, f"the year of --published ({published})")
    return None


def cell_days(value: Any) -> date | None:
    """Return the first day a date cell gives with its year, else None (no year, no date).

    Parameters
    ----------
    value
        A cell as read from a CSV or Excel table: text, a ``date`` or ``datetime``
        (an Excel date cell), or anything else (a number, None).

    Returns
    -------
    datetime.date or None
        The day (a time of day dropped); None for a cell without a year, without a
        date, empty, or of another type. Raises nothing.

    Examples
    --------
    >>> cell_days("2026-03-06"), cell_days("06.03.2026 10:15"), cell_days("6 марта")
    (datetime.date(2026, 3, 6), datetime.date(2026, 3, 6), None)
    >>> cell_days(datetime(2026, 3, 6, 10, 15)), cell_days(42), cell_days("  ")
    (datetime.date(2026, 3, 6), None, None)
    """
    from railtrack.io.passages import read_seen

    if isinstance(value, datetime):  # an Excel date cell
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    read = read_seen(value)
    return date.fromisoformat(read[0][:10]) if read is not None else None

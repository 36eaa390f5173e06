"""Trial 19 T2, helper "tfdates": a hand log's dates written without a year ("3 марта").

A log titled "Журнал эшелонов (вручную), март 2026" with rows "3 марта;Барановичи;44"
lost every date ("'3 марта' is not a date"): each row became an undated train, never
linked to the post it logs, and counted in an ``--as-of`` briefing of an earlier day.
Such a cell is read with the year the table gives (its title line, else its other
rows' full dates), else the one of ``--published``, and one problem per column says
which year was assumed and why (:mod:`railtrack.io.yearless`).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from railtrack.io import load_reports
from railtrack.knowledge import cut_off

# one passage log per language: the date column, a station column, a count
_LOGS = {
    "ru": ("Дата;Станция;Вагонов", ("3 марта", "5 марта", "6 марта")),
    "uk": ("Дата;Станція;Вагонів", ("3 березня", "5 березня", "6 березня")),
    "pl": ("data;stacja;wagonów", ("3 marca", "5 marca", "6 marca")),
    "en": ("date;station;wagons", ("3 March", "March 5", "6 March")),
    "be": ("Дата;Станцыя;Вагонаў", ("3 сакавіка", "5 сакавіка", "6 сакавіка")),
}
_PLACES = ("Барановичи", "Калинковичи", "Брест")


def _write(tmp_path: Path, lang: str, title: str = "", extra: str = "") -> Path:
    header, days = _LOGS[lang]
    rows = [f"{d};{p};{40 + i}" for i, (d, p) in enumerate(zip(days, _PLACES, strict=True))]
    path = tmp_path / "log.csv"
    path.write_text(title + "\n".join([header, *rows]) + "\n" + extra, encoding="utf-8")
    return path


def _days(path: Path, published: date | None = None) -> tuple[list[date], list[str]]:
    reports = load_reports(path, published=published)
    seen = sorted(s.seen_at.date() for s in reports.sightings)
    return seen, [str(p) for p in reports.problems]


@pytest.mark.parametrize("lang", sorted(_LOGS))
def test_the_title_line_gives_the_year(tmp_path: Path, lang: str) -> None:
    path = _write(tmp_path, lang, title="Журнал эшелонов (вручную), март 2026\n\n")
    seen, problems = _days(path)
    assert seen == [date(2026, 3, 3), date(2026, 3, 5), date(2026, 3, 6)]
    said = [p for p in problems if "without a year" in p]
    assert len(said) == 1  # one line per column, naming file, first row, field, rows, year
    assert "log.csv row 4, field " in said[0]
    assert "read in 2026, the year of the title line" in said[0]
    assert "rows 4, 5, 6" in said[0]
    assert not [p for p in problems if "is not a date" in p]


@pytest.mark.parametrize("lang", ["ru", "pl", "en"])
def test_the_other_rows_give_the_year(tmp_path: Path, lang: str) -> None:
    path = _write(tmp_path, lang, extra="2025-03-09;Орша;47\n")
    seen, problems = _days(path)
    assert seen == [date(2025, 3, 3), date(2025, 3, 5), date(2025, 3, 6), date(2025, 3, 9)]
    assert any("read in 2025, the year of the table's other dates" in p for p in problems)


def test_the_nearest_year_across_new_year(tmp_path: Path) -> None:
    path = tmp_path / "log.csv"
    path.write_text(
        "date;from;to;wagons\n28 декабря;Орша;Смоленск;40\n2026-01-05;Слоним;Орша;35\n",
        encoding="utf-8",
    )
    reports = load_reports(path)
    left = sorted(s.departure.earliest for s in reports.shipments if s.departure)
    assert left == [date(2025, 12, 28), date(2026, 1, 5)]  # December of the year before
    assert any("read in 2025" in str(p) for p in reports.problems)


def test_published_gives_the_year_when_the_table_does_not(tmp_path: Path) -> None:
    seen, problems = _days(_write(tmp_path, "ru"), published=date(2024, 3, 20))
    assert seen == [date(2024, 3, 3), date(2024, 3, 5), date(2024, 3, 6)]
    assert any("read in 2024, the year of --published" in p for p in problems)


def test_no_year_anywhere_is_said_and_the_date_left_out(tmp_path: Path) -> None:
    seen, problems = _days(_write(tmp_path, "ru"))
    assert seen == []
    said = [p for p in problems if "gives no year" in p]
    assert len(said) == 3
    assert "add the year" in said[0]
    assert "row 2, field 'Дата'" in said[0]


def test_a_full_date_needs_no_assumption(tmp_path: Path) -> None:
    path = tmp_path / "log.csv"
    path.write_text("Журнал, март 2026\nДата;Станция;Вагонов\n03.03.2026;Орша;47\n", "utf-8")
    seen, problems = _days(path)
    assert seen == [date(2026, 3, 3)]
    assert not [p for p in problems if "without a year" in p]


def test_a_read_row_is_left_out_of_an_earlier_briefing(tmp_path: Path) -> None:
    path = _write(tmp_path, "ru", title="Журнал эшелонов, март 2026\n")
    known, _ = cut_off(load_reports(path), "2026-03-04")
    assert [s.station.text for s in known.sightings] == ["Барановичи"]
    assert len(known.shipments) == 1  # the rows of 5 and 6 March are not known on 4 March


# --- review19 #15: the title line used is read; a log over a year; six months ---


@pytest.mark.parametrize("lang", ["ru", "en", "pl"])
def test_the_title_line_used_is_not_also_said_not_read(tmp_path: Path, lang: str) -> None:
    path = _write(tmp_path, lang, title="Журнал эшелонов, март 2026\n")
    _, problems = _days(path)
    assert any("the year of the title line 'Журнал эшелонов, март 2026'" in p for p in problems)
    assert not [p for p in problems if "above the header" in p]


def test_a_title_line_not_used_is_still_said_not_read(tmp_path: Path) -> None:
    # negative: a title with no year gives nothing; --published gives the year
    path = _write(tmp_path, "ru", title="Журнал эшелонов\n")
    seen, problems = _days(path, published=date(2024, 3, 20))
    assert seen == [date(2024, 3, 3), date(2024, 3, 5), date(2024, 3, 6)]
    assert [p for p in problems if "above the header" in p and "not read" in p]


def _log(tmp_path: Path, lines: list[str], title: str = "") -> list[date]:
    path = tmp_path / "log.csv"
    path.write_text(title + "\n".join(["Дата;Станция;Вагонов", *lines]) + "\n", "utf-8")
    return _days(path)[0]


def test_a_log_over_a_year_reads_a_cell_by_its_nearest_dated_row(tmp_path: Path) -> None:
    seen = _log(
        tmp_path,
        [
            "2025-03-09;Орша;47",
            "12 марта;Брест;40",  # beside March 2025, not the latest row (Feb 2026)
            "2025-09-01;Барановичи;41",
            "2026-02-20;Калинковичи;42",
            "25 февраля;Орша;43",  # beside February 2026 (negative: the latest is right)
        ],
    )
    assert date(2025, 3, 12) in seen
    assert date(2026, 2, 25) in seen
    assert date(2026, 3, 12) not in seen


@pytest.mark.parametrize(
    ("cell", "day"),
    [
        ("28 сентября", date(2025, 9, 28)),  # 5.5 months before March 2026, not 6.5 after
        ("28 вересня", date(2025, 9, 28)),
        ("28 September", date(2025, 9, 28)),
        ("28 августа", date(2026, 8, 28)),  # negative: 5.5 months after stays after
        ("28 декабря", date(2025, 12, 28)),
    ],
)
def test_a_title_month_places_a_cell_within_six_months(
    tmp_path: Path, cell: str, day: date
) -> None:
    seen = _log(tmp_path, [f"{cell};Орша;47"], title="Журнал эшелонов, март 2026\n")
    assert seen == [day]

"""A publication date years before the others: a typo is told, a real old date is kept.

The far-before check (trial11 T22) must not take a real historical row for a typo: a
log of two rows eight years apart cannot say which is wrong, and a full date in its own
cell carries its own year, whatever the row's publication date.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from railtrack.io import load_reports


def test_two_dates_years_apart_are_both_kept(tmp_path: Path) -> None:
    log = tmp_path / "log.csv"
    log.write_text(
        "id,origin,destination,departure,published,source\n"
        "old,Orsha,Polonka,2015-03-01,2015-03-02,Sheet\n"
        "new,Orsha,Polonka,2023-03-01,2023-03-02,Sheet\n",
        encoding="utf-8",
    )
    reports = load_reports(log)
    assert not [p for p in reports.problems if p.field == "published"]
    old = reports.shipments[0]
    assert old.source.published == date(2015, 3, 2)
    assert old.departure is not None
    assert old.departure.earliest == date(2015, 3, 1)


def test_a_full_date_cell_is_kept_though_its_row_is_far_before(tmp_path: Path) -> None:
    log = tmp_path / "log.csv"
    log.write_text(
        "id,origin,destination,departure,published,source\n"
        "a,Orsha,Polonka,2023-03-01,2023-03-02,Sheet\n"
        "b,Orsha,Polonka,2023-03-03,2023-03-04,Sheet\n"
        "c,Orsha,Polonka,2015-03-05,2015-03-06,Sheet\n",
        encoding="utf-8",
    )
    reports = load_reports(log)
    (problem,) = [p for p in reports.problems if p.field == "published"]
    assert problem.row == 4
    c = reports.shipments[2]
    assert c.departure is not None
    assert c.departure.earliest == date(2015, 3, 5)


def test_a_report_years_before_others_keeps_its_dates_weighted_by_reports(tmp_path: Path) -> None:
    # trial20 T3: one 2023 report beside a 2023-09 one and a 2025 report of 16 trains
    (tmp_path / "a.txt").write_text(
        "source: Гаюн\npublished: 2023-01-12\n\n"
        "Вчера, 11 января, со станции Осиповичи в Брянск ушёл эшелон из 48 вагонов.\n",
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text(
        "source: Гаюн\npublished: 2023-09-05\n\nЭшелон из 30 вагонов прошёл станцию Орша.\n",
        encoding="utf-8",
    )
    trains = "\n".join(f"Эшелон из {30 + i} вагонов прибыл в Брест." for i in range(6))
    (tmp_path / "c.txt").write_text(
        f"source: Гаюн\npublished: 2025-02-25\n\n{trains}\n", encoding="utf-8"
    )
    reports = load_reports(tmp_path)
    assert not [p for p in reports.problems if p.field == "published"]
    (a,) = [s for s in reports.shipments if s.id.startswith("a-")]
    assert a.source.published == date(2023, 1, 12)
    assert a.departure is not None
    assert a.departure.earliest == date(2023, 1, 11)

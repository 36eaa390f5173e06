"""A table row whose date cannot be read is left out of an as-of cut (trial19 T2, tidy3 #5).

A hand log's row "вчера вечером??, Орша, 35" has no date anyone can read and no
publication date: nobody can tell when it was known, so a briefing "as of 5 March"
leaves it out, with a problem naming the file, the row and the field. Without an
as-of date the row is kept (its other fields stand).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from railtrack import load_reports
from railtrack.knowledge import cut_off

_LOG = "дата,станция,вагонов\n03.03.2023,Брест,40\nвчера вечером??,Орша,35\n04.03.2023,Гомель,20\n"


@pytest.fixture
def log(tmp_path: Path) -> Path:
    path = tmp_path / "log.csv"
    path.write_text(_LOG, encoding="utf-8")
    return path


def test_a_row_with_an_unreadable_date_is_left_out_of_an_as_of_cut(log: Path) -> None:
    reports = load_reports(log)
    assert len(reports.shipments) == 3  # loaded: the row is kept without its date
    kept, knowledge = cut_off(reports, "2023-03-05")
    cars = sorted(s.cars.total for s in kept.shipments)
    assert cars == [20, 40]  # the good rows survive
    assert knowledge.undatable == 1
    (problem,) = [p for p in kept.problems if "as-of" in p.message]
    assert (Path(problem.path).name, problem.row, problem.field) == ("log.csv", 3, "дата")
    assert "left out" in problem.message
    assert "1 table row whose date cannot be read left out" in knowledge.note()


def test_without_an_as_of_date_the_row_is_kept(log: Path) -> None:
    kept, knowledge = cut_off(load_reports(log))
    assert len(kept.shipments) == 3
    assert knowledge.undatable == 0


@pytest.mark.parametrize(
    "table",
    [
        # the row's own publication date tells when it was known
        "published,origin,destination,cars,departure\n2023-03-03,Minsk,Orsha,35,sometime\n",
        # an empty date cell: an undated row, kept and counted as before
        "дата,станция,вагонов\n,Орша,35\n",
    ],
)
def test_a_row_known_by_its_publication_or_merely_undated_is_kept(
    tmp_path: Path, table: str
) -> None:
    path = tmp_path / "t.csv"
    path.write_text(table, encoding="utf-8")
    kept, knowledge = cut_off(load_reports(path), "2023-03-05")
    assert [s.cars.total for s in kept.shipments] == [35]
    assert knowledge.undatable == 0

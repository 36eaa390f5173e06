"""Review 19 #6: ``keep_counted`` says so when the id names a train no retraction marked."""

from __future__ import annotations

from datetime import date

from railtrack.io.reportset import Problem, ReportSet
from railtrack.io.retractions import KEPT, keep_counted
from railtrack.models import Shipment, Source


def _reports() -> ReportSet:
    rs = ReportSet()
    rs.shipments = [
        Shipment(
            id="d-t3", source=Source(reporter="H"), retracted_by="H", retracted_on=date(2026, 8, 15)
        ),
        Shipment(id="d-t4", source=Source(reporter="H")),
        Shipment(id="d-t5", source=Source(reporter="H")),
    ]
    return rs


def test_an_unmarked_known_train_is_a_problem() -> None:
    rs = _reports()
    keep_counted(rs, ["d-t4"])
    assert [p.message for p in rs.problems] == [
        "train d-t4 was not marked retracted: nothing undone"
    ]


def test_a_marked_train_and_a_kept_one_are_no_such_problem() -> None:
    # (negative: an undone mark, and a train the retraction was kept from marking)
    rs = _reports()
    rs.problems.append(
        Problem("r.txt", None, None, f"train d-t5 is retracted by r.txt; it is {KEPT}")
    )
    keep_counted(rs, ["d-t3", "d-t5"])
    assert not [p for p in rs.problems if "not marked retracted" in p.message]
    assert rs.shipments[0].retracted_by is None

"""The date of knowledge: what the input knew, and when, when no --as-of is given."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from railtrack.io import ReportSet, load_reports
from railtrack.knowledge import cut_off, knowledge_date, logged_departure
from railtrack.models import DateWindow, Place, Shipment, Source


def _row(ident: str, *, left: date | None, published: date | None = None, claim: str = "sighted"):
    window = None if left is None else DateWindow(earliest=left, latest=left)
    return Shipment(
        id=ident,
        origin=Place(text="Slonim"),
        destination=Place(text="Valuyki"),
        source=Source(reporter="my log", published=published),
        departure=window,
        claim=claim,
    )


def test_an_undated_log_is_known_after_its_last_train_left():
    log = ReportSet(
        shipments=[
            _row("a", left=date(2023, 2, 25)),
            _row("b", left=date(2025, 4, 6)),
            _row("c", left=date(2023, 1, 2), published=date(2023, 1, 14)),
        ]
    )
    assert knowledge_date(log) == date(2025, 4, 6)
    kept, known = cut_off(log)
    assert known.as_of == date(2025, 4, 6)
    assert known.basis == "latest in input"
    assert len(kept.shipments) == 3
    assert "logged departure" in known.note()


def test_a_planned_or_published_departure_sets_no_date_of_knowledge():
    planned = _row("p", left=date(2030, 1, 1), claim="planned")
    published = _row("q", left=date(2030, 1, 1), published=date(2023, 1, 14))
    assert logged_departure(planned) is None
    assert logged_departure(published) is None
    assert knowledge_date(ReportSet(shipments=[planned, published])) == date(2023, 1, 14)


def test_a_spreadsheet_of_past_trains_is_not_read_as_plans(tmp_path: Path):
    """An analyst's table with no publication column: its trains left, they are not planned."""
    sheet = tmp_path / "my_trains.csv"
    sheet.write_text(
        "date,from,to,wagons,source\n"
        "25.02.2023,Slonim,Matveev Kurgan,51,Hajun\n"
        "14.05.2023,Polonka,Luhansk,40,Hajun\n",
        encoding="utf-8",
    )
    (tmp_path / "post.txt").write_text(  # a channel post published before the log's trains
        "source: Hajun\npublished: 2023-01-14\n\n"
        "A military echelon of 40 cars left Slonim for Valuyki yesterday.\n",
        encoding="utf-8",
    )
    from railtrack.network import load_network
    from railtrack.pipeline import track

    result = track(load_reports(tmp_path), load_network())
    assert result.knowledge is not None
    assert result.knowledge.as_of == date(2023, 5, 14)
    assert len(result.statuses) == 3
    assert "planned" not in set(result.statuses["status"])


def test_an_undated_row_is_not_known_before_the_day_it_reports(tmp_path: Path):
    """What was known on 10 January: not a log row of a train that left on 11 January."""
    path = tmp_path / "log.csv"
    path.write_text(
        "id,origin,destination,departure,arrival\n"
        "before,Chepino,Rossosh,2023-01-05,\n"
        "after,Chepino,Rossosh,2023-01-11,\n"
        "came,Slonim,Matveev Kurgan,,2023-03-04\n",
        encoding="utf-8",
    )
    kept, known = cut_off(load_reports(path), "2023-01-10")
    assert [s.id for s in kept.shipments] == ["before"]
    assert known.shipments_after == 2
    assert known.undated == 1


def test_an_undated_plan_is_kept_whatever_its_day():
    plan = _row("p", left=date(2023, 1, 11), claim="planned")
    kept, known = cut_off(ReportSet(shipments=[plan]), "2023-01-10")
    assert [s.id for s in kept.shipments] == ["p"]
    assert known.undated == 1


def test_a_train_expected_somewhere_has_left_on_its_departure_day():
    """'Left on March 1, likely to reach Donbas after March 8' (undated article): the
    departure is told as done, so the record is not known before 1 March (trial F54)."""
    expected = _row("e", left=date(2023, 3, 1), claim="expected")
    assert logged_departure(expected) == date(2023, 3, 1)
    kept, known = cut_off(ReportSet(shipments=[expected]), "2023-01-10")
    assert kept.shipments == []
    assert known.shipments_after == 1


def test_the_embedded_seed_is_not_known_in_january():
    from railtrack import data_path

    kept, _ = cut_off(load_reports(data_path("reports")), "2023-01-10")
    assert "seed-2023-03-t2" not in {s.id for s in kept.shipments}
    # nor the undated train the same article tells of (its report's floor, trial F54)
    assert "seed-2023-03-t1" not in {s.id for s in kept.shipments}
    assert "seed-2023-03-g1" not in {g.id for g in kept.groups}


def _in_report(ship: Shipment, report: str) -> Shipment:
    return ship.model_copy(update={"report": report})


def test_an_undated_report_is_not_known_before_the_latest_day_it_tells():
    """Trial F54 (kind): the floor is the report's, not each train's.

    An undated article telling of one train that left on 1 March and one it gives no
    date for was written no earlier than 1 March: neither train, nor the group total
    of both, is known on 10 January; both are on 2 March. Another report's undated
    train (a row of its own) is unaffected.
    """
    from railtrack.models import CarCounts, ShipmentGroup

    dated = _in_report(_row("t2", left=date(2023, 3, 1), claim="expected"), "article")
    undated = _in_report(_row("t1", left=None), "article")
    group = ShipmentGroup(
        id="g", report="article", n_trains=2, cars=CarCounts(total=86), source=undated.source
    )
    dated = dated.model_copy(update={"group": "g"})
    undated = undated.model_copy(update={"group": "g"})
    other = _row("row7", left=None)  # a log row, no report: its own record
    reports = ReportSet(shipments=[undated, dated, other], groups=[group])
    kept, known = cut_off(reports, "2023-01-10")
    assert [s.id for s in kept.shipments] == ["row7"]
    assert kept.groups == []
    assert (known.shipments_after, known.groups_after) == (2, 1)
    later, _ = cut_off(reports, "2023-03-02")
    assert [s.id for s in later.shipments] == ["t1", "t2", "row7"]
    assert [g.id for g in later.groups] == ["g"]


def test_a_published_report_keeps_its_own_date():
    """A report with a publication date is known from it, whatever its trains' days."""
    published = date(2023, 1, 5)
    early = _in_report(_row("a", left=None, published=published), "post")
    late = _in_report(
        _row("b", left=date(2023, 3, 1), published=published, claim="planned"), "post"
    )
    kept, _ = cut_off(ReportSet(shipments=[early, late]), "2023-01-10")
    assert [s.id for s in kept.shipments] == ["a", "b"]

"""Helper "exports", session 18: a table cell that carries its own zone keeps its time.

A passage or event cell "2023-05-16T06:40+00:00", "16.05.2023 06:40 UTC+3" or a time
column "06:40 UTC+3" lost its time (a day, or a problem "not a time of day"), though
the README says a table's times are UTC unless they carry a zone. Now the time is read
in its zone and kept in UTC (its day the UTC day); ``--tz`` does not move it again.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from railtrack.io import load_reports
from railtrack.zones import parse_zone


def _csv(tmp_path: Path, header: str, *rows: str) -> Path:
    path = tmp_path / "log.csv"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("cell", "seen"),
    [
        ("2023-05-16T06:40+00:00", datetime(2023, 5, 16, 6, 40)),
        ("2023-05-16T06:40:00+03:00", datetime(2023, 5, 16, 3, 40)),
        ("2023-05-16T06:40Z", datetime(2023, 5, 16, 6, 40)),
        ("2023-05-16 06:40 UTC+3", datetime(2023, 5, 16, 3, 40)),
        ("16.05.2023 06:40 UTC+3", datetime(2023, 5, 16, 3, 40)),
        ("16.05.2023 01:20 GMT+03:00", datetime(2023, 5, 15, 22, 20)),
        ("16.05.2023 06:40 UTC", datetime(2023, 5, 16, 6, 40)),
        ("2023-05-16T06:40-05:00", datetime(2023, 5, 16, 11, 40)),
    ],
)
def test_a_passage_cell_with_its_zone_keeps_its_time(
    tmp_path: Path, cell: str, seen: datetime
) -> None:
    path = _csv(tmp_path, "id,station,seen_at,cars,source", f"r1,Orsha,{cell},40,Hajun")
    reports = load_reports(path)
    (sighting,) = reports.sightings
    assert (sighting.seen_at, sighting.precision) == (seen, "datetime")
    assert reports.problems == [] or all(p.field != "seen_at" for p in reports.problems)


@pytest.mark.parametrize("zone", [None, "Europe/Minsk"])
def test_tz_does_not_move_a_time_with_its_own_zone(tmp_path: Path, zone: str | None) -> None:
    path = _csv(tmp_path, "id,station,seen_at,cars,source", "r1,Orsha,2023-05-16T06:40+00:00,4,H")
    reports = load_reports(path, tz=parse_zone(zone) if zone else None)
    assert [x.seen_at for x in reports.sightings] == [datetime(2023, 5, 16, 6, 40)]


def test_a_plain_time_is_still_utc_or_tz(tmp_path: Path) -> None:
    """Negative: a time with no zone is UTC, or --tz's local time, as before."""
    path = _csv(tmp_path, "id,station,seen_at,cars,source", "r1,Orsha,16.05.2023 06:40,4,H")
    assert [x.seen_at for x in load_reports(path).sightings] == [datetime(2023, 5, 16, 6, 40)]
    minsk = load_reports(path, tz=parse_zone("Europe/Minsk"))
    assert [x.seen_at for x in minsk.sightings] == [datetime(2023, 5, 16, 3, 40)]


def test_a_span_of_times_is_no_zone(tmp_path: Path) -> None:
    """Negative: "06:40-07:30" is two times, not 06:40 at UTC-07:30."""
    path = _csv(tmp_path, "id,station,seen_at,cars,source", "r1,Orsha,16.05.2023 06:40-07:30,4,H")
    reports = load_reports(path)
    assert all(x.seen_at != datetime(2023, 5, 16, 14, 10) for x in reports.sightings)


@pytest.mark.parametrize(
    ("cell", "seen", "day"),
    [
        ("06:40 UTC+3", datetime(2023, 5, 16, 3, 40), date(2023, 5, 16)),
        ("06:40+03:00", datetime(2023, 5, 16, 3, 40), date(2023, 5, 16)),
        ("01:20 UTC+3", datetime(2023, 5, 15, 22, 20), date(2023, 5, 15)),
        ("06:40Z", datetime(2023, 5, 16, 6, 40), date(2023, 5, 16)),
    ],
)
def test_a_time_column_with_its_zone_is_kept(
    tmp_path: Path, cell: str, seen: datetime, day: date
) -> None:
    path = _csv(
        tmp_path,
        "id,destination,arrival,time,cars,source",
        f"r1,Brest,16.05.2023,{cell},40,Hajun",
    )
    reports = load_reports(path)
    assert reports.problems == []
    (sighting,) = reports.sightings
    assert sighting.seen_at == seen
    (train,) = reports.shipments
    assert train.expected_arrival is not None
    assert train.expected_arrival.earliest == day  # the UTC day of that moment


def test_a_time_column_that_is_no_time_is_still_a_problem(tmp_path: Path) -> None:
    """Negative: "ночь UTC+3" is no time of day."""
    path = _csv(
        tmp_path, "id,destination,arrival,time,cars,source", "r1,Brest,16.05.2023,ночь UTC+3,4,H"
    )
    reports = load_reports(path)
    assert reports.sightings == []
    assert any("not a time of day" in p.message for p in reports.problems)


# ------------------ review18 #5: one zone pattern for passage cells and time columns


@pytest.mark.parametrize("span", ["06:40-07:30", "06:40−07:30", "22:10-23:00", "06.40-07.30"])
def test_a_time_column_span_is_no_zone(tmp_path: Path, span: str) -> None:
    """A time column's "06:40-07:30" is no time of day at UTC-07:30: a problem, no sighting."""
    path = _csv(
        tmp_path, "id,destination,arrival,time,cars,source", f"r1,Brest,16.05.2023,{span},40,H"
    )
    reports = load_reports(path)
    assert reports.sightings == []
    assert any("not a time of day" in p.message for p in reports.problems)
    (train,) = reports.shipments
    assert train.expected_arrival is not None
    assert train.expected_arrival.earliest == date(2023, 5, 16)


@pytest.mark.parametrize("span", ["16.05.2023 06:40-07:30", "16.05.2023 06:40−07:30"])
def test_a_passage_cell_span_is_no_zone(tmp_path: Path, span: str) -> None:
    path = _csv(tmp_path, "id,station,seen_at,cars,source", f"r1,Orsha,{span},4,H")
    assert all(x.seen_at != datetime(2023, 5, 16, 14, 10) for x in load_reports(path).sightings)


@pytest.mark.parametrize(
    ("cell", "seen"),
    [
        ("06:40 UTC-3", datetime(2023, 5, 16, 9, 40)),
        ("06:40 GMT-03:00", datetime(2023, 5, 16, 9, 40)),
        ("06:40 +03:00", datetime(2023, 5, 16, 3, 40)),
    ],
)
def test_a_time_column_west_of_utc_is_still_a_zone(
    tmp_path: Path, cell: str, seen: datetime
) -> None:
    """Negative: a minus offset named as UTC/GMT is a zone, in both kinds of cell."""
    path = _csv(
        tmp_path, "id,destination,arrival,time,cars,source", f"r1,Brest,16.05.2023,{cell},40,H"
    )
    assert [x.seen_at for x in load_reports(path).sightings] == [seen]
    path = _csv(tmp_path, "id,station,seen_at,cars,source", f"r1,Orsha,16.05.2023 {cell},4,H")
    assert [x.seen_at for x in load_reports(path).sightings] == [seen]

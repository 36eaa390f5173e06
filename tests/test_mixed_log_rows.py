"""A hand log that mixes trains with ends and trains seen at a station (trial20 T11).

"Дата;Откуда;Куда;Станция;Вагонов": a row with ends is a train leaving on its date;
a row naming only a station is a train seen there that day (a via point and a
sighting), not a departure from nowhere. A date cell with its time ("13.03.2023
22:15") keeps its day, and its time where the row can hold it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from railtrack.io import ReportSet, load_reports

# one header per language: date, from, to, station, cars
HEADERS = {
    "ru": "Дата;Откуда;Куда;Станция;Вагонов",
    "uk": "Дата;Звідки;Куди;Станція;Вагонів",
    "be": "Дата;Адкуль;Куды;Станцыя;Вагонаў",
    "pl": "Data;Skąd;Dokąd;Stacja;Wagony",
    "en": "Date;From;To;Station;Cars",
}


def _load(tmp_path: Path, header: str, rows: list[str]) -> ReportSet:
    path = tmp_path / "log.csv"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return load_reports(path)


@pytest.mark.parametrize("lang", sorted(HEADERS))
def test_a_station_only_row_is_a_sighting_beside_rows_with_ends(tmp_path: Path, lang: str) -> None:
    rs = _load(
        tmp_path,
        HEADERS[lang],
        ["07.03.2023;Вязьма;Полонка;;49", "11.03.2023;;;Жлобин;40", "13.03.2023 22:15;;;Гомель;36"],
    )
    by_row = {s.id.split("-")[0]: s for s in rs.shipments}
    # the row with ends keeps its departure
    assert by_row["row2"].departure is not None
    assert str(by_row["row2"].departure.earliest) == "2023-03-07"
    # the station-only rows leave nowhere: seen at the station that day (and hour)
    assert by_row["row3"].departure is None
    assert by_row["row4"].departure is None
    seen = sorted(
        (s.shipment.split("-")[0], s.station.text, s.seen_at.isoformat()) for s in rs.sightings
    )
    assert seen == [
        ("row3", "Жлобин", "2023-03-11T00:00:00"),
        ("row4", "Гомель", "2023-03-13T22:15:00"),
    ]
    said = [p.message for p in rs.problems]
    assert not any("is not a date" in m for m in said)
    assert any("rows 3, 4 name a station and no end" in m for m in said)


@pytest.mark.parametrize("lang", sorted(HEADERS))
def test_a_row_with_an_end_and_a_station_keeps_its_departure(tmp_path: Path, lang: str) -> None:
    # (a negative: a station beside an end is a place passed; the date stays the departure)
    rs = _load(tmp_path, HEADERS[lang], ["06.03.2023;;Минск;Орша;47"])
    (ship,) = rs.shipments
    assert ship.departure is not None
    assert str(ship.departure.earliest) == "2023-03-06"
    assert not any("name a station and no end" in p.message for p in rs.problems)


def test_a_departure_with_its_time_keeps_its_day_and_is_seen_at_the_origin(
    tmp_path: Path,
) -> None:
    rs = _load(tmp_path, HEADERS["ru"], ["13.03.2023 22:15;Брянск;Гомель;;30"])
    (ship,) = rs.shipments
    assert ship.departure is not None
    assert str(ship.departure.earliest) == "2023-03-13"
    assert [(s.station.text, s.seen_at.isoformat()) for s in rs.sightings] == [
        ("Брянск", "2023-03-13T22:15:00")
    ]


def test_a_timed_date_with_no_end_to_hold_its_time_says_so(tmp_path: Path) -> None:
    path = tmp_path / "log.csv"
    path.write_text("date,to,cars\n13.03.2023 22:15,,30\n", encoding="utf-8")
    rs = load_reports(path)
    (ship,) = rs.shipments
    assert str(ship.departure.earliest) == "2023-03-13"
    assert any("its time 22:15 is not" in p.message for p in rs.problems)


def test_a_user_mapped_date_column_stays_the_departure(tmp_path: Path) -> None:
    path = tmp_path / "log.csv"
    path.write_text("Дата;Откуда;Станция\n11.03.2023;;Жлобин\n", encoding="utf-8")
    rs = load_reports(path, columns={"Дата": "departure"})
    (ship,) = rs.shipments
    assert ship.departure is not None
    assert not rs.sightings

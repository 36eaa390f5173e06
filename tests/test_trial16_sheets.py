"""Sheets a user writes (trial15 T14, S5, C1): header words by meaning, event and time columns.

Each kind in the five languages, with headers and event words the trial did not use.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from railtrack.io import load_reports
from railtrack.io.events import event_of
from railtrack.io.tables import map_headers


def _csv(tmp_path: Path, text: str, name: str = "log.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("headers", "fields"),
    [
        (
            ["Kiedy", "Gdzie", "Ile wagonów", "Kto podał", "Lp."],
            ["event_date", "station", "cars_total", "source", "id"],
        ),
        (
            ["Когда", "Где", "Сколько вагонов", "Кто сообщил", "№ п/п"],
            ["event_date", "station", "cars_total", "source", "id"],
        ),
        (
            ["Коли", "Де", "Скільки вагонів", "Хто повідомив", "№ з/п"],
            ["event_date", "station", "cars_total", "source", "id"],
        ),
        (
            ["Калі", "Дзе", "Колькі вагонаў", "Хто паведаміў", "№ п/п"],
            ["event_date", "station", "cars_total", "source", "id"],
        ),
        (
            ["When", "Where", "How many wagons", "Who reported", "No."],
            ["event_date", "station", "cars_total", "source", "id"],
        ),
    ],
)
def test_header_words_by_meaning_in_five_languages(headers: list[str], fields: list[str]) -> None:
    mapping = map_headers(headers)
    assert [mapping.columns.get(h) for h in headers] == fields
    assert mapping.ignored == []


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Из них пасс.", "cars_passenger"),
        ("В том числе платформ", "cars_flat"),
        ("З них пасажирських", "cars_passenger"),
        ("У тым ліку крытых", "cars_covered"),
        ("W tym cysterny", "cars_tank"),
        ("Of which passenger", "cars_passenger"),
        ("Время", "time"),
        ("Godzina", "time"),
        ("Час", "time"),
        ("Гадзіна", "time"),
        ("Time", "time"),
        ("Событие", "event"),
        ("Zdarzenie", "event"),
        ("Падзея", "event"),
        ("Подія", "event"),
        ("Event", "event"),
    ],
)
def test_part_time_and_event_headers(header: str, field: str) -> None:
    assert map_headers([header]).columns == {header: field}


@pytest.mark.parametrize(
    ("word", "kind"),
    [
        ("przybycie", "arrival"),
        ("Прибытие", "arrival"),
        ("прибуття", "arrival"),
        ("прыбыццё", "arrival"),
        ("Arrival", "arrival"),
        ("odjazd", "departure"),
        ("отправление", "departure"),
        ("відправлення", "departure"),
        ("адпраўленне", "departure"),
        ("departed", "departure"),
        ("przejazd", "passage"),
        ("проследование", "passage"),
        ("проходження", "passage"),
        ("праходжанне", "passage"),
        ("transit", "passage"),
        ("rozładunek", "unloading"),
        ("разгрузка", "unloading"),
        ("розвантаження", "unloading"),
        ("выгрузка", "unloading"),
        ("unloading", "unloading"),
    ],
)
def test_event_words_in_five_languages(word: str, kind: str) -> None:
    assert event_of(word) == kind


def test_a_place_column_of_event_words_is_the_event(tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        "Kiedy,Gdzie,Kierunek,Ile wagonów,Kto podał\n"
        "19.05.2023,Łuniniec,przyjazd,36,Białoruski Hajun\n"
        "20.05.2023 06:40,Osipowicze,Przybycie,45,Białoruski Hajun\n",
    )
    reports = load_reports(path)
    ships = reports.shipments
    assert len(ships) == 2
    assert all(s.destination is not None for s in ships)
    assert [s.destination.text for s in ships] == ["Łuniniec", "Osipowicze"]  # type: ignore[union-attr]
    assert ships[0].expected_arrival.earliest == date(2023, 5, 19)  # type: ignore[union-attr]
    assert [s.cars.total for s in ships] == [36, 45]
    assert ships[0].source.reporter == "Białoruski Hajun"
    assert [str(s.seen_at) for s in reports.sightings] == ["2023-05-20 06:40:00"]
    said = [p.message for p in reports.problems]
    assert any("'Kierunek' holds event words" in m for m in said), said
    assert not any("unknown field" in m for m in said), said


def test_an_event_column_sets_the_end_and_the_day(tmp_path: Path) -> None:
    rows = [
        {"дата": "19.05.2023", "станция": "Лунинец", "событие": "прибытие", "вагонов": "36"},
        {
            "дата": "19.05.2023",
            "станция": "Брест",
            "событие": "отправление",
            "направление": "Барановичи",
            "вагонов": "44",
        },
        {"дата": "18.05.2023", "станция": "Жлобин", "событие": "проследование", "вагонов": "30"},
    ]
    path = tmp_path / "log.json"
    path.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    reports = load_reports(path)
    arrival, departure, passage = reports.shipments
    assert arrival.destination.text == "Лунинец"  # type: ignore[union-attr]
    assert arrival.expected_arrival.earliest == date(2023, 5, 19)  # type: ignore[union-attr]
    assert arrival.departure is None
    assert departure.origin.text == "Брест"  # type: ignore[union-attr]
    assert departure.destination.text == "Барановичи"  # type: ignore[union-attr]
    assert departure.departure.earliest == date(2023, 5, 19)  # type: ignore[union-attr]
    assert [v.text for v in passage.via] == ["Жлобин"]
    assert [s.seen_at.date() for s in reports.sightings] == [date(2023, 5, 18)]


def test_a_word_in_an_event_column_that_is_no_event_is_a_problem(tmp_path: Path) -> None:
    path = _csv(tmp_path, "Data,Stacja,Zdarzenie\n19.05.2023,Brześć,postój\n")
    reports = load_reports(path)
    assert len(reports.shipments) == 1
    said = [p.message for p in reports.problems]
    assert any("'postój' is not an event" in m for m in said), said


@pytest.mark.parametrize(
    ("header", "date_header"),
    [
        ("Время", "Дата прибытия"),
        ("Godzina", "Data przyjazdu"),
        ("Час", "Дата прибуття"),
        ("Гадзіна", "Дата прыбыцця"),
        ("Time", "Arrival date"),
    ],
)
def test_a_time_column_is_joined_to_the_rows_date(
    tmp_path: Path, header: str, date_header: str
) -> None:
    path = _csv(
        tmp_path,
        f"№;{date_header};{header};Станция прибытия\n"
        "1;08.05.2023;06:40;Осиповичи\n2;14.05.2023;noc;Лунинец\n",
    )
    reports = load_reports(path, columns={"Станция прибытия": "destination"})
    assert [s.expected_arrival.earliest for s in reports.shipments] == [  # type: ignore[union-attr]
        date(2023, 5, 8),
        date(2023, 5, 14),
    ]
    (seen,) = reports.sightings
    assert str(seen.seen_at) == "2023-05-08 06:40:00"
    assert seen.shipment == "1"
    said = [p.message for p in reports.problems]
    assert any("'noc' is not a time of day" in m for m in said), said
    assert not any("unknown field" in m for m in said), said


def test_records_with_their_own_ids_and_an_event_are_read_as_rows(tmp_path: Path) -> None:
    path = tmp_path / "own.json"
    rows = [{"id": "x1", "station": "Brest", "event": "arrival", "event_date": "19.05.2023"}]
    path.write_text(json.dumps(rows), encoding="utf-8")
    (train,) = load_reports(path).shipments
    assert train.destination.text == "Brest"  # type: ignore[union-attr]
    assert train.expected_arrival.earliest == date(2023, 5, 19)  # type: ignore[union-attr]

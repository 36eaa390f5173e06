"""Trial12 T16-T19: day lists, datelines, JSON/YAML records and train-log headers.

- T18: each record of a JSON or YAML list maps its own keys (a later record naming a
  field by another alias, or in another language, kept nothing); unknown keys name
  their record; a record of which nothing is read is a problem, never an empty train.
- T19: a train log's headers in five languages ("Data przejazdu", "Stacja",
  "Kierunek", "Станция", "Направление", "Из них платформ", ...) are read: a station
  column with a passage date is a train passing the station and a sighting there; a
  cell "05.04.2023 - 06.04.2023" is a span of days (C5).
- T16, T17 (text): see the second half of this file.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest

from railtrack import load_reports

# --- T18: records of a list ------------------------------------------------------------


def test_a_record_with_another_alias_keeps_its_value(tmp_path: Path) -> None:
    records = [
        {"date": "2023-04-04", "from": "Smolensk", "to": "Brest", "wagons": 48, "source": "H"},
        {"date": "2023-04-05", "to": "Brest", "cars": 42, "source": "H"},
        {"departure": "2023-04-06", "destination": "Brest", "Вагонов": 40, "source": "H"},
    ]
    path = tmp_path / "mix.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    reports = load_reports(path)
    assert [s.cars.total for s in reports.shipments] == [48, 42, 40]
    assert not [p for p in reports.problems if "not read" in p.message]


def test_records_in_two_languages_each_keep_their_fields(tmp_path: Path) -> None:
    path = tmp_path / "mix.yaml"
    path.write_text(
        "- {Дата: 2023-04-04, Адкуль: Смаленск, Куды: Брэст, Вагонаў: сорак восем,"
        " Крыніца: Беларускі Гаюн}\n"
        "- {Data: 2023-04-05, Dokąd: Brześć, Wagonów: czterdzieści dwa,"
        " Źródło: Białoruski Hajun}\n"
        "- {Дата: 2023-04-06, Куди: Брест, Вагонів: 40, Джерело: Гаюн}\n",
        encoding="utf-8",
    )
    reports = load_reports(path)
    got = [
        (s.departure.earliest, s.destination.text, s.cars.total, s.source.reporter)
        for s in reports.shipments
    ]
    assert got == [
        (date(2023, 4, 4), "Брэст", 48, "Беларускі Гаюн"),
        (date(2023, 4, 5), "Brześć", 42, "Białoruski Hajun"),
        (date(2023, 4, 6), "Брест", 40, "Гаюн"),
    ]


def test_a_record_of_unknown_keys_is_a_problem_not_a_train(tmp_path: Path) -> None:
    records = [
        {"date": "2023-04-04", "to": "Brest", "cars": 48, "source": "Hajun"},
        {"datum": "2023-04-05", "nach": "Brest", "Wagen": 42, "source": "Hajun"},
        {"date": "2023-04-06", "to": "Brest", "cars": 40, "loco": "2TE10", "source": "Hajun"},
    ]
    path = tmp_path / "rec.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    reports = load_reports(path)
    assert [s.cars.total for s in reports.shipments] == [48, 40]
    unknown = {(p.row, p.field) for p in reports.problems if "unknown field" in p.message}
    assert unknown == {(2, "datum"), (2, "nach"), (2, "Wagen"), (3, "loco")}
    skipped = [p for p in reports.problems if "nothing of a train read" in p.message]
    assert [p.row for p in skipped] == [2]
    assert "'nach'" in skipped[0].message


def test_an_unknown_key_in_several_records_names_them(tmp_path: Path) -> None:
    records = [
        {"date": f"2023-04-0{d}", "to": "Brest", "cars": 40, "loco": "2TE10", "source": "H"}
        for d in (4, 5, 7)
    ]
    path = tmp_path / "rec.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    said = [p.message for p in load_reports(path).problems if "'loco'" in p.message]
    assert len(said) == 1
    assert "records 1, 2, 3" in said[0]


def test_a_table_row_with_only_a_source_is_no_train(tmp_path: Path) -> None:
    log = tmp_path / "log.csv"
    log.write_text(
        "date;from;to;cars;source\n04.04.2023;Смоленск;Брест;48;Гаюн\n;;;;Гаюн\n",
        encoding="utf-8",
    )
    reports = load_reports(log)
    assert len(reports.shipments) == 1
    assert [p.row for p in reports.problems if "nothing of a train" in p.message] == [3]


def test_a_table_repeating_a_header_still_reads_the_first_column(tmp_path: Path) -> None:
    log = tmp_path / "log.csv"
    log.write_text("date;to;wagons;cars;source\n04.04.2023;Брест;48;47;Гаюн\n", encoding="utf-8")
    reports = load_reports(log)
    assert [s.cars.total for s in reports.shipments] == [48]
    assert any("already gives" in p.message for p in reports.problems)


# --- T19: a train log's headers -----------------------------------------------------

_LOGS = {
    "pl": (
        "Lp.;Data przejazdu;Stacja;Kierunek;Skąd;Liczba wagonów;Platformy;Osobowe;Źródło\n"
        "1;04.04.2023;Żłobin;Homel;Briańsk;36;34;2;Białoruski Hajun\n"
    ),
    "ru": (
        "Дата прохождения;Станция;Направление;Откуда;Вагонов;Из них платформ;Пасс.;Источник\n"
        "04.04.2023;Жлобин;Гомель;Брянск;36;34;2;Беларускі Гаюн\n"
    ),
    "uk": (
        "Дата проходження;Станція;Напрямок;Звідки;Кількість вагонів;З них платформ;"
        "Пасажирські;Джерело\n04.04.2023;Жлобин;Гомель;Брянськ;36;34;2;Гаюн\n"
    ),
    "be": (
        "Дата праходжання;Станцыя;Кірунак;Адкуль;Колькасць вагонаў;З іх платформаў;"
        "Пасажырскія;Крыніца\n04.04.2023;Жлобін;Гомель;Бранск;36;34;2;Беларускі Гаюн\n"
    ),
    "en": (
        "Passage date,Station,Direction,From,Number of cars,Of them flatcars,Passenger,Source\n"
        "04.04.2023,Zhlobin,Gomel,Bryansk,36,34,2,Hajun\n"
    ),
}


@pytest.mark.parametrize("lang", sorted(_LOGS))
def test_a_train_log_reads_station_direction_and_passage(tmp_path: Path, lang: str) -> None:
    log = tmp_path / f"log-{lang}.csv"
    log.write_text(_LOGS[lang], encoding="utf-8")
    reports = load_reports(log)
    assert not [
        p.message
        for p in reports.problems
        if "unknown field" in p.message and "Lp." not in p.message
    ]
    (train,) = reports.shipments
    assert train.origin is not None
    assert train.destination is not None
    assert [v.text for v in train.via] == [
        _LOGS[lang].splitlines()[1].split(_sep(lang))[_col(lang, 1)]
    ]
    assert (train.cars.total, train.cars.flat, train.cars.passenger) == (36, 34, 2)
    (seen,) = reports.sightings
    assert seen.shipment == train.id
    assert seen.station.text == train.via[0].text
    assert seen.seen_at == datetime(2023, 4, 4)
    assert seen.precision == "day"
    assert train.departure is None  # the day it passed is no departure


def _sep(lang: str) -> str:
    return "," if lang == "en" else ";"


def _col(lang: str, k: int) -> int:
    return k + 1 if lang == "pl" else k  # "Lp." first


def test_a_passage_with_its_time_is_a_sighting_at_that_time(tmp_path: Path) -> None:
    log = tmp_path / "log.csv"
    log.write_text(
        "Data przejazdu;Stacja;Kierunek;Źródło\n04.04.2023 21:15;Żłobin;Homel;Hajun\n",
        encoding="utf-8",
    )
    (seen,) = load_reports(log).sightings
    assert (seen.seen_at, seen.precision) == (datetime(2023, 4, 4, 21, 15), "datetime")


def test_a_passage_date_without_a_station_dates_the_departure_by_that_day(
    tmp_path: Path,
) -> None:
    log = tmp_path / "log.csv"
    log.write_text(
        "Дата прохождения;Станция;Направление;Источник\n05.04.2023;;Гомель;Гаюн\n",
        encoding="utf-8",
    )
    reports = load_reports(log)
    (train,) = reports.shipments
    assert not reports.sightings
    assert train.departure is not None
    assert (train.departure.earliest, train.departure.latest) == (None, date(2023, 4, 5))


def test_a_station_that_is_the_trains_end_is_no_via(tmp_path: Path) -> None:
    log = tmp_path / "log.csv"
    log.write_text(
        "Data przejazdu;Stacja;Kierunek;Źródło\n05.04.2023;Homel;Homel;Hajun\n", encoding="utf-8"
    )
    reports = load_reports(log)
    (train,) = reports.shipments
    assert train.via == ()
    assert [s.station.text for s in reports.sightings] == ["Homel"]


@pytest.mark.parametrize(
    ("cell", "first", "last"),
    [
        ("05.04.2023 - 06.04.2023", date(2023, 4, 5), date(2023, 4, 6)),
        ("05.04.2023 – 07.04.2023", date(2023, 4, 5), date(2023, 4, 7)),
        ("30.04.2023-02.05.2023", date(2023, 4, 30), date(2023, 5, 2)),
        ("2023-04-05 - 2023-04-06", date(2023, 4, 5), date(2023, 4, 6)),
        ("2023-04-05 — 2023-04-06", date(2023, 4, 5), date(2023, 4, 6)),
    ],
)
def test_a_span_of_two_whole_dates_is_read(
    tmp_path: Path, cell: str, first: date, last: date
) -> None:
    log = tmp_path / "log.csv"
    log.write_text(f"Дата;Откуда;Куда;Источник\n{cell};Брянск;Гомель;Гаюн\n", encoding="utf-8")
    reports = load_reports(log)
    (train,) = reports.shipments
    assert train.departure is not None
    assert (train.departure.earliest, train.departure.latest) == (first, last)
    assert not [p for p in reports.problems if "not a date" in p.message]


def test_a_span_that_ends_before_it_starts_is_named(tmp_path: Path) -> None:
    log = tmp_path / "log.csv"
    log.write_text(
        "Дата;Откуда;Куда;Источник\n06.04.2023 - 05.04.2023;Брянск;Гомель;Гаюн\n",
        encoding="utf-8",
    )
    reports = load_reports(log)
    assert [p for p in reports.problems if "ends before it starts" in p.message]
    assert len(reports.shipments) == 1  # the row stays, without its date


# --- T16: a day's list of trains -------------------------------------------------------

_PUBLISHED = date(2023, 4, 11)

_DAY_LISTS = [
    (  # dashes as bullets (read as nothing before, with no problem)
        "ru",
        "Эшелоны за 10 апреля:\n— Жлобин — Гомель, 36 вагонов (08:20);\n"
        "— Орша — Смоленск, 44 вагона (14:05);\n— Брест — Осиповичи, 30 платформ.",
    ),
    ("ru", "10 апреля:\nЖлобин — Гомель, 36 вагонов, 08:20\nОрша — Смоленск, 44 вагона, 14:05"),
    (
        "be",
        "🚂 Эшалоны за 10 красавіка:\n1) Жлобін → Гомель, 36 вагонаў, 08:20\n"
        "2) Орша → Смаленск, 44 вагоны, 14:05",
    ),
    (
        "uk",
        "Ешелони за 10 квітня:\n– Жлобин – Гомель, 36 вагонів (08:20);\n"
        "– Орша – Смоленськ, 44 вагони (14:05).",
    ),
    (
        "pl",
        "Pociągi 10 kwietnia:\n• Żłobin → Homel, 36 wagonów, 8:20\n• Orsza → "
        "Smoleńsk, 44 wagony, 14:05",
    ),
    ("pl", "10 kwietnia:\nŻłobin – Homel, 36 wagonów, 8:20\nOrsza – Smoleńsk, 44 wagony, 14:05"),
    (
        "en",
        "Echelons on April 10:\n— Zhlobin — Gomel, 36 cars (08:20);\n— Orsha "
        "to Smolensk, 44 cars (14:05).",
    ),
]


@pytest.mark.parametrize(("lang", "text"), _DAY_LISTS)
def test_a_day_list_gives_each_train_the_lists_day_and_its_time(lang: str, text: str) -> None:
    from tests._extract_helpers import read

    result = read(text, published=_PUBLISHED, lang=lang)
    got = [(s.cars.total, s.departure and s.departure.earliest) for s in result.shipments[:2]]
    assert got == [(36, date(2023, 4, 10)), (44, date(2023, 4, 10))]
    assert all(s.origin is not None and s.destination is not None for s in result.shipments)
    times = sorted(x.seen_at for x in result.sightings)
    assert times == [datetime(2023, 4, 10, 8, 20), datetime(2023, 4, 10, 14, 5)]
    firsts = {s.id: s.origin.text for s in result.shipments if s.origin is not None}
    assert all(x.station.text == firsts[x.shipment] for x in result.sightings)


def test_a_week_heading_dates_no_item() -> None:
    from tests._extract_helpers import read

    text = (
        "Итоги недели (13-19 марта):\n— Жлобин — Гомель, 40 вагонов;\n— Орша — Смоленск, 44 вагона."
    )
    result = read(text, published=date(2023, 3, 20), lang="ru")
    assert [s.cars.total for s in result.shipments] == [40, 44]
    assert all(s.departure is None for s in result.shipments)


def test_a_dialogue_dash_opens_no_item() -> None:
    from tests._extract_helpers import read

    result = read("Он сказал:\n— Мы видели поезд вчера.\n— Какой?", lang="ru")
    assert result.shipments == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "Эшелоны за 10 апреля: 36 вагонов и 44 вагона, все с техникой."),
        ("pl", "Pociągi 10 kwietnia: 36 wagonów i 44 wagony."),
        ("be", "Эшалоны за 10 красавіка: 36 вагонаў і 44 вагоны."),
        ("en", "Trains on April 10: 36 cars and 44 cars."),
    ],
)
def test_trains_named_and_counted_but_not_read_are_a_problem(lang: str, text: str) -> None:
    from tests._extract_helpers import read

    result = read(text, published=_PUBLISHED, lang=lang)
    assert result.shipments == []
    assert [p for p in result.problems if "no shipment was read" in p]


# --- T17: a dateline ------------------------------------------------------------------

_DATELINES = [
    (
        "ru",
        "Лунинец, 12 апреля, 12:40. Эшелон со стороны Барановичей: 31 "
        "платформа с КамАЗами, 3 пассажирских вагона.",
        "Барановичей",
    ),
    (
        "be",
        "Лунінец, 12 красавіка, 12:40. Эшалон з боку Баранавічаў: 31 платформа "
        "з КамАЗамі, 3 пасажырскія вагоны.",
        "Баранавічаў",
    ),
    (
        "uk",
        "Лунинець, 12 квітня, 12:40. Ешелон з боку Барановичів: 31 платформа з "
        "КамАЗами, 3 пасажирські вагони.",
        "Барановичів",
    ),
    (
        "pl",
        "Łuniniec, 12 kwietnia, 12:40. Pociąg od strony Baranowicz: 31 "
        "platform z KamAZ-ami, 3 wagony osobowe.",
        "Baranowicz",
    ),
    (
        "en",
        "Luninets, April 12, 12:40. An echelon from the direction of "
        "Baranavichy: 31 flatcars with KamAZ trucks, 3 passenger cars.",
        "Baranavichy",
    ),
]


@pytest.mark.parametrize(("lang", "text", "origin"), _DATELINES)
def test_a_dateline_is_where_and_when_the_train_was_seen(lang: str, text: str, origin: str) -> None:
    from tests._extract_helpers import read

    result = read(text, published=date(2023, 4, 12), lang=lang)
    (train,) = result.shipments
    assert train.origin is not None
    assert train.origin.text == origin
    assert (train.cars.flat, train.cars.passenger) == (31, 3)
    place = text.split(",")[0]
    assert [v.text for v in train.via] == [place]
    (seen,) = result.sightings
    assert (seen.station.text, seen.seen_at) == (place, datetime(2023, 4, 12, 12, 40))


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "Лунинец, 12 апреля. Прибыл эшелон: 31 платформа с КамАЗами."),
        ("be", "Лунінец, 12 красавіка. Прыбыў эшалон: 31 платформа з КамАЗамі."),
        ("pl", "Łuniniec, 12 kwietnia. Przyjechał pociąg: 31 platform z KamAZ-ami."),
        ("en", "Luninets, April 12. An echelon arrived: 31 flatcars with KamAZ trucks."),
    ],
)
def test_a_train_arrived_under_a_dateline_arrived_there(lang: str, text: str) -> None:
    from tests._extract_helpers import read

    result = read(text, published=date(2023, 4, 12), lang=lang)
    (train,) = result.shipments
    assert train.destination is not None
    assert train.destination.text == text.split(",")[0]
    assert train.expected_arrival is not None
    assert train.expected_arrival.earliest == date(2023, 4, 12)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "Сегодня, 12 апреля, в Брест прибыл эшелон из 40 вагонов."),
        ("en", "Today, April 12, an echelon of 40 cars arrived in Brest."),
        ("pl", "Dzisiaj, 12 kwietnia, do Brześcia przyjechał pociąg z 40 wagonami."),
    ],
)
def test_a_date_word_before_the_date_is_no_dateline(lang: str, text: str) -> None:
    from tests._extract_helpers import read

    result = read(text, published=date(2023, 4, 12), lang=lang)
    assert result.sightings == []
    assert all(s.via == () for s in result.shipments)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "МИНСК, 12 апреля. Из Орши в Смоленск ушёл эшелон из 40 вагонов."),
        ("ru", "Минск, 12 апреля. Из Орши в Смоленск ушёл эшелон из 40 вагонов."),
        ("ru", "Тольятти, 12.04.2023 - Тольятти Онлайн.\nЭшелон из 40 вагонов прибыл в Брест."),
        ("pl", "Warszawa, 12 kwietnia. Z Orszy do Smoleńska wyjechał pociąg z 40 wagonami."),
        ("en", "Warsaw, April 12. An echelon of 40 cars left Orsha for Smolensk."),
    ],
)
def test_a_newsrooms_dateline_places_no_train(lang: str, text: str) -> None:
    from tests._extract_helpers import read

    result = read(text, published=date(2023, 4, 12), lang=lang)
    (train,) = result.shipments
    assert train.via == ()
    assert result.sightings == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("uk", "Ешелон помітили на станції Тамань, біля в’їзду на міст з боку Росії."),
        ("ru", "Эшелон заметили на станции Тамань, у въезда на мост со стороны России."),
        ("pl", "Pociąg widziano na stacji Tamań, przy wjeździe na most od strony Rosji."),
    ],
)
def test_the_side_of_a_country_is_no_origin(lang: str, text: str) -> None:
    from tests._extract_helpers import read

    result = read(text, published=date(2023, 4, 12), lang=lang)
    assert all(s.origin is None for s in result.shipments)

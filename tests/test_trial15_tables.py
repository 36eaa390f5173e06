"""Trial14 T10, T11, T14, S2, S3, S4, C2, C4, C5: sheets, forms and files.

- T10/S4: a date column named as what the date is ("Data zdarzenia", "Дата события",
  "Event date", "Data i godzina") is the day the train was seen: at the row's station,
  else its arrival; a date-time keeps its time. "Przedruk"/"Перепечатка" are the
  relaying outlet; "Пасс. вагонов" is a car-type column.
- T11: a sheet row retelling another row's train through another outlet is a relay.
- T14: a post written as a form ("Куды: Брэст. Вагонаў: 44.") is read as a table row.
- S2: a page's site name from its ``<title>``; S3: a JSON list wrapped in an object.
- C2: a row pasted twice with its id gets one line; C4: no false "no date" line;
  C5: ``summary --by week``.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from railtrack.cli import app
from railtrack.io import load_reports
from railtrack.io.forms import form_records
from railtrack.io.webpage import title_site
from railtrack.knowledge import cut_off
from railtrack.network import RailNetwork, load_network
from railtrack.pipeline import resolve_reports


@pytest.fixture(scope="module")
def network() -> RailNetwork:
    """The embedded network."""
    return load_network()


def _csv(folder: Path, name: str, lines: list[str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# --- T10/S4: a date column named as the event ------------------------------------------

_EVENT_HEADERS = [
    ("pl", "Data zdarzenia"),
    ("pl", "Data wydarzenia"),
    ("pl", "Data i godzina"),
    ("ru", "Дата события"),
    ("ru", "Дата и время"),
    ("uk", "Дата події"),
    ("uk", "Дата та час"),
    ("be", "Дата падзеі"),
    ("be", "Дата і час"),
    ("en", "Event date"),
    ("en", "Date and time"),
    ("en", "Incident date"),
]


@pytest.mark.parametrize(("lang", "header"), _EVENT_HEADERS)
def test_an_event_date_with_a_destination_is_the_arrival(
    tmp_path: Path, lang: str, header: str
) -> None:
    path = _csv(
        tmp_path,
        f"{lang}.csv",
        [f"{header};Skąd;Dokąd;Wagonów;Źródło", "17.04.2023;Orsza;Borysów;45;Hajun"],
    )
    reports = load_reports(path)
    assert not [p for p in reports.problems if "unknown field" in p.message]
    (train,) = reports.shipments
    assert train.expected_arrival is not None
    assert train.expected_arrival.earliest == train.expected_arrival.latest == date(2023, 4, 17)
    assert train.departure is None or train.departure.earliest is None
    assert reports.sightings == []  # a day alone: no time to keep


@pytest.mark.parametrize(("lang", "header"), _EVENT_HEADERS[:6])
def test_an_event_date_time_at_a_station_is_a_sighting_with_its_time(
    tmp_path: Path, lang: str, header: str
) -> None:
    path = _csv(
        tmp_path,
        f"{lang}.csv",
        [f"{header};Stacja;Dokąd;Wagony;Źródło", "19.04.2023 22:40;Żłobin;Homel;42;Hajun"],
    )
    reports = load_reports(path)
    (train,) = reports.shipments
    (seen,) = reports.sightings
    assert seen.station.text == "Żłobin"
    assert seen.seen_at == datetime(2023, 4, 19, 22, 40)
    assert seen.shipment == train.id


def test_an_event_time_with_only_a_destination_is_seen_arriving_there(tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        "ru.csv",
        ["Дата и время;Откуда;Куда;Вагонов;Источник", "19.04.2023 14:30;Пинск;Лунинец;38;Гаюн"],
    )
    reports = load_reports(path)
    (train,) = reports.shipments
    (seen,) = reports.sightings
    assert train.expected_arrival is not None
    assert train.expected_arrival.earliest == date(2023, 4, 19)
    assert seen.station.text == "Лунинец"
    assert seen.seen_at == datetime(2023, 4, 19, 14, 30)


def test_excel_date_times_keep_their_time_and_dates_stay_days(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Data i godzina", "Stacja", "Dokąd", "Wagony", "Źródło"])
    sheet.append([datetime(2023, 4, 19, 22, 40), "Żłobin", "Homel", 42, "Hajun"])
    sheet.append([datetime(2023, 4, 20), "Homel", None, 50, "Hajun"])
    path = tmp_path / "transporty.xlsx"
    book.save(path)
    reports = load_reports(path)
    assert len(reports.shipments) == 2
    seen = sorted((s.station.text, s.seen_at, s.precision) for s in reports.sightings)
    assert seen == [
        ("Homel", datetime(2023, 4, 20), "day"),
        ("Żłobin", datetime(2023, 4, 19, 22, 40), "datetime"),
    ]


_RELAY_HEADERS = ["Przedruk", "Перепечатка", "Передрук", "Перадрук", "Reprinted by"]


@pytest.mark.parametrize("header", _RELAY_HEADERS)
def test_a_reprint_column_is_the_relaying_outlet(tmp_path: Path, header: str) -> None:
    path = _csv(
        tmp_path, "log.csv", [f"Data;Dokąd;Wagonów;Źródło;{header}", "17.04.2023;Borysów;45;H;Onet"]
    )
    reports = load_reports(path)
    assert reports.shipments[0].source.relayed_by == "Onet"
    assert not [p for p in reports.problems if "unknown field" in p.message]


@pytest.mark.parametrize(
    ("header", "kind"),
    [
        ("Пасс. вагонов", "passenger"),
        ("Пас. вагонів", "passenger"),
        ("Крыт. вагонов", "covered"),
        ("Wag. osob.", "passenger"),
        ("Pass. cars", "passenger"),
    ],
)
def test_an_abbreviated_car_type_with_the_car_noun_is_read(
    tmp_path: Path, header: str, kind: str
) -> None:
    path = _csv(
        tmp_path, "t.csv", [f"Дата;Куда;Вагонов;{header};Источник", "17.04.2023;Брест;40;4;H"]
    )
    reports = load_reports(path)
    assert getattr(reports.shipments[0].cars, kind) == 4
    assert not [p for p in reports.problems if "unknown field" in p.message]


def test_an_unknown_column_still_gets_its_problem(tmp_path: Path) -> None:
    path = _csv(tmp_path, "t.csv", ["Data zdarzenia;Dokąd;Lokomotywa", "17.04.2023;Brześć;2M62"])
    reports = load_reports(path)
    assert [p.field for p in reports.problems if "unknown field" in p.message] == ["Lokomotywa"]


# --- T11: a sheet row retelling another row's train is a relay --------------------------

_SHEETS = {
    "pl": (
        "Data zdarzenia;Skąd;Dokąd;Wagonów;Źródło;Przedruk;Link",
        "17.04.2023;Orsza;Borysów;{n};Białoruski Hajun;{outlet};{link}",
    ),
    "ru": (
        "Дата события;Откуда;Куда;Вагонов;Первоисточник;Перепечатка;Ссылка",
        "17.04.2023;Орша;Борисов;{n};Беларускі Гаюн;{outlet};{link}",
    ),
    "en": (
        "Event date,From,To,Wagons,Source,Reprinted by,Link",
        "17.04.2023,Orsha,Borisov,{n},Belarusian Hajun,{outlet},{link}",
    ),
}


@pytest.mark.parametrize("lang", sorted(_SHEETS))
def test_a_row_retold_by_another_outlet_is_a_relay(
    tmp_path: Path, network: RailNetwork, lang: str
) -> None:
    header, row = _SHEETS[lang]
    own = "https://t.me/Hajun_BY/9001"
    lines = [
        header,
        row.format(n=45, outlet="", link=own),
        row.format(n=38, outlet="", link=own),
        row.format(n=45, outlet="Onet", link="https://www.onet.pl/b"),
    ]
    if lang == "en":
        lines = [line.replace(";", ",") for line in lines]
    resolved = resolve_reports(load_reports(_csv(tmp_path, "log.csv", lines)), network)
    assert sorted(resolved.shipments["cars_total"].tolist()) == [38, 45]
    assert len(resolved.relays) == 1
    assert resolved.relays["relayed_by"].tolist() == ["Onet"]


def test_a_media_sheet_with_an_event_date_links_to_the_text(
    tmp_path: Path, network: RailNetwork
) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "СМИ"
    sheet.append(
        ["Дата публикации", "Дата события", "Куда прибыл", "Вагонов", "Первоисточник", "СМИ"]
    )
    sheet.append(["2023-04-14", "2023-04-14", "Барановичи", "30", "Беларускі Гаюн", "Зеркало"])
    sheet.append(["2023-04-14", "2023-04-14", "Барановичи", "25", "Беларускі Гаюн", "Зеркало"])
    book.save(tmp_path / "журнал.xlsx")
    (tmp_path / "pl2.txt").write_text(
        "source: Białoruski Hajun\nrelayed_by: Onet\npublished: 2023-04-14\n\n"
        "Jak informuje Biełaruski Hajun, 14 kwietnia do Baranowicz przybyły dwa transporty: "
        "pierwszy z 30 wagonami, drugi z 25.\n",
        encoding="utf-8",
    )
    resolved = resolve_reports(load_reports(tmp_path), network)
    assert len(resolved.shipments) == 2
    assert len(resolved.relays) == 2


# --- T14: a post written as a form -------------------------------------------------------

_FORMS = {
    "be": "Колькасць вагонаў: 44. Адкуль: Смаленск. Куды: Брэст. Дата: 19.04.2023.",
    "ru": "Количество вагонов: 44. Откуда: Смоленск. Куда: Брест. Дата: 19.04.2023.",
    "uk": "Кількість вагонів: 44. Звідки: Смоленськ. Куди: Брест. Дата: 19.04.2023.",
    "pl": "Liczba wagonów: 44. Skąd: Smoleńsk. Dokąd: Brześć. Data: 19.04.2023.",
    "en": "Number of cars: 44. From: Smolensk. To: Brest. Date: 19.04.2023.",
    "en-lines": "Train\nFrom: Smolensk\nTo: Brest\nWagons: 44\nDate: 19.04.2023",
    "ru-semicolons": "Откуда: Смоленск; Куда: Брест; Вагонов: сорок четыре; Дата: 19.04.2023",
}


def _post(folder: Path, name: str, body: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(f"source: Hajun\npublished: 2023-04-20\n\n{body}\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("lang", sorted(_FORMS))
def test_a_form_post_is_read_as_a_record(tmp_path: Path, network: RailNetwork, lang: str) -> None:
    reports = load_reports(_post(tmp_path, f"{lang}.txt", _FORMS[lang])).resolve(network)
    (train,) = reports.shipments
    assert train.cars.total == 44
    assert train.origin is not None
    assert train.origin.station_id == "RU-SMOLENSK"
    assert train.destination is not None
    assert train.destination.station_id == "BY-BREST"
    assert train.departure is not None
    assert train.departure.earliest == date(2023, 4, 19)
    assert train.source.reporter == "Hajun"
    assert train.source.published == date(2023, 4, 20)


def test_two_forms_in_one_post_are_two_trains(tmp_path: Path) -> None:
    body = "Куды: Брэст. Вагонаў: 44.\nКуды: Гомель. Вагонаў: 40."
    reports = load_reports(_post(tmp_path, "two.txt", body))
    assert [(s.destination.text, s.cars.total) for s in reports.shipments if s.destination] == [
        ("Брэст", 44),
        ("Гомель", 40),
    ]


def test_a_form_label_no_table_knows_is_a_problem(tmp_path: Path) -> None:
    reports = load_reports(_post(tmp_path, "f.txt", "Куда: Брест. Вагонов: 40. Локомотив: ЧМЭ3."))
    assert [s.cars.total for s in reports.shipments] == [40]
    assert [p.field for p in reports.problems if "unknown field" in p.message] == ["Локомотив"]


def test_a_form_of_unknown_labels_is_a_problem_not_silence(tmp_path: Path) -> None:
    reports = load_reports(_post(tmp_path, "f.txt", "Локомотив: ЧМЭ3. Груз: танки. Охрана: есть."))
    assert reports.shipments == []
    (problem,) = reports.problems
    assert "written as a form" in problem.message
    assert "'Локомотив', 'Груз', 'Охрана'" in problem.message


def test_a_forms_labels_may_be_mapped_with_columns(tmp_path: Path) -> None:
    path = _post(tmp_path, "f.txt", "Кол-во: 44. Пункт А: Смоленск. Пункт Б: Брест.")
    columns = {"Кол-во": "cars_total", "Пункт А": "origin", "Пункт Б": "destination"}
    (train,) = load_reports(path, columns=columns).shipments
    assert (train.origin.text, train.destination.text, train.cars.total) == (
        "Смоленск",
        "Брест",
        44,
    )


@pytest.mark.parametrize(
    "text",
    [
        "Uwaga: w nocy z Orszy do Mińska przejechał pociąg z 40 wagonami, podaje Hajun.",
        "Сегодня в 22:40 через Оршу прошёл эшелон: 40 платформ с техникой.",
        "Важно: куда идут эшелоны? Источник: наши подписчики видели их под Оршей вечером.",
    ],
)
def test_prose_with_a_colon_is_no_form(text: str) -> None:
    assert form_records(text) is None


def test_nothing_read_is_not_called_a_missing_date(tmp_path: Path) -> None:
    reports = load_reports(_post(tmp_path, "n.txt", "Сёння ў Мінску сонечна."))
    _, knowledge = cut_off(reports)
    assert "publication or sighting date" not in knowledge.note()
    assert "No train, group or sighting was read" in knowledge.note()


# --- S3: a JSON log wrapped in an object --------------------------------------------------


@pytest.mark.parametrize("key", ["reports", "records", "items", "data", "записи", "zapisy"])
def test_a_wrapped_json_log_is_read_with_the_wrappers_source(tmp_path: Path, key: str) -> None:
    doc = {
        "source": "Беларускі Гаюн",
        key: [
            {"дата": "2023-04-19", "адкуль": "Смаленск", "куды": "Брэст", "вагонаў": 44},
            {"дата": "2023-04-20", "куды": "Гомель", "вагонаў": "каля 40"},
        ],
    }
    path = tmp_path / "log.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    reports = load_reports(path)
    assert [s.cars.total for s in reports.shipments] == [44, 40]
    assert {s.source.reporter for s in reports.shipments} == {"Беларускі Гаюн"}
    assert reports.problems == []


def test_a_wrapped_records_own_source_wins(tmp_path: Path) -> None:
    doc = {"źródło": "Hajun", "przedruk": "Onet", "zapisy": [{"dokąd": "Brześć", "źródło": "X"}]}
    path = tmp_path / "log.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    (train,) = load_reports(path).shipments
    assert (train.source.reporter, train.source.relayed_by) == ("X", "Onet")


def test_an_object_with_two_lists_names_its_keys(tmp_path: Path) -> None:
    path = tmp_path / "log.json"
    path.write_text(json.dumps({"a": [{"to": "Brest"}], "b": [{"to": "Orsha"}]}), encoding="utf-8")
    reports = load_reports(path)
    assert reports.shipments == []
    (problem,) = reports.problems
    assert "several lists of records" in problem.message
    assert "'a', 'b'" in problem.message


# --- S2: the site's name from the page title ---------------------------------------------


@pytest.mark.parametrize(
    ("title", "site"),
    [
        ("В Беларусь прибыли три эшелона — Зеркало", "Зеркало"),
        ("Rosyjskie pociągi wojskowe na Białorusi - Onet", "Onet"),
        ("Two trains reached Brest | Reuters", "Reuters"),
        ("До Бреста прибули ешелони – Українська правда", "Українська правда"),
        ("Эшалоны ў Асіповічах · Наша Ніва", "Наша Ніва"),
        ("Trains in Belarus - what we know so far about the buildup.", None),
        ("Just a headline", None),
    ],
)
def test_the_site_name_is_the_titles_suffix(title: str, site: str | None) -> None:
    assert title_site(f"<html><head><title>{title}</title></head><body></body></html>") == site


def test_a_saved_page_without_site_metadata_is_relayed_by_its_title_site(tmp_path: Path) -> None:
    page = (
        "<html><head><title>Эшелоны прибыли в Борисов — Зеркало</title></head><body><article>"
        "<h1>Эшелоны прибыли в Борисов</h1><p>17 апреля в Борисов из Орши прибыл эшелон из 45 "
        "вагонов, сообщает «Беларускі Гаюн».</p></article></body></html>"
    )
    path = tmp_path / "z.html"
    path.write_text(page, encoding="utf-8")
    (train,) = load_reports(path).shipments
    assert train.source.relayed_by == "Зеркало"


# --- C2: a row pasted twice with its id ---------------------------------------------------


def test_a_row_pasted_twice_with_its_id_gets_one_consistent_line(tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        "d.csv",
        ["id,date,to,wagons,source", "x1,2023-04-17,Borisov,40,H", "x1,2023-04-17,Borisov,40,H"],
    )
    reports = load_reports(path)
    assert len(reports.shipments) == 1
    said = [p.message for p in reports.problems if p.row == 3]
    assert len(said) == 1
    assert "skipped" in said[0]
    assert "two trains" not in said[0]


def test_a_row_pasted_twice_without_ids_is_still_two_trains_said_so(tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        "d.csv",
        ["date,to,wagons,source", "2023-04-17,Borisov,40,H", "2023-04-17,Borisov,40,H"],
    )
    reports = load_reports(path)
    assert len(reports.shipments) == 2
    assert any("read as two trains" in p.message for p in reports.problems)


# --- C5: summary by week ------------------------------------------------------------------


@pytest.mark.parametrize(("word", "freq"), [("week", "W"), ("month", "M"), ("day", "D")])
def test_summary_by_a_period_word(tmp_path: Path, word: str, freq: str) -> None:
    path = _csv(tmp_path, "t.csv", ["date,from,to,wagons,source", "2023-04-17,Orsha,Borisov,40,H"])
    result = CliRunner().invoke(app, ["summary", str(path), "--by", f"source,{word}", "--json"])
    assert result.exit_code in (0, 1), result.output
    doc = json.loads(result.stdout)
    assert doc["by"] == ["source", "period"]
    assert doc["freq"] == freq


def test_summary_with_two_period_lengths_says_which_word_to_use(tmp_path: Path) -> None:
    path = _csv(tmp_path, "t.csv", ["date,from,to,wagons,source", "2023-04-17,Orsha,Borisov,40,H"])
    result = CliRunner().invoke(app, ["summary", str(path), "--by", "week,month"])
    assert result.exit_code == 2
    assert "period" in result.output

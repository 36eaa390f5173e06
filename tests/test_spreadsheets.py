"""Analysts' own tables load: headers in five languages, Excel, day-first dates, no ids."""

from __future__ import annotations

import importlib.util
import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from railtrack.cli import app
from railtrack.io import load_reports
from railtrack.io.tables import generated_id, header_aliases, map_headers, normalise_header

HERE = Path(__file__).parent / "data" / "spreadsheets"
runner = CliRunner()


def by_origin(path: Path, **kwargs: object) -> dict[str, object]:
    reports = load_reports(path, **kwargs)  # type: ignore[arg-type]
    return {s.origin.text: s for s in reports.shipments if s.origin is not None}


def test_english_analyst_table_with_day_first_dates_and_no_ids() -> None:
    reports = load_reports(HERE / "en-analyst.csv")
    ships = {s.origin.text: s for s in reports.shipments}  # type: ignore[union-attr]
    assert set(ships) == {"Slonim", "Belarus", "Luninets", "Asipovichy"}
    slonim = ships["Slonim"]
    assert slonim.departure.earliest == date(2023, 3, 1)  # 01/03/2023 day-first
    assert slonim.departure.text == "01/03/2023"
    assert (slonim.cars.total, slonim.cars.flat) == (51, 43)
    assert slonim.destination.text == "Matveev Kurgan"  # type: ignore[union-attr]
    assert slonim.source.reporter == "Belarusian Hajun"
    assert slonim.source.url == "https://t.me/Hajun_BY/5872"
    assert ships["Belarus"].departure.earliest == date(2023, 3, 13)  # 13/03: not ambiguous
    assert ships["Luninets"].departure.earliest == date(2023, 3, 1)  # "1 March 2023"
    assert ships["Asipovichy"].departure.earliest == date(2023, 3, 1)  # "1.3.23"
    assert all(s.id.startswith("row") for s in reports.shipments)
    ambiguous = [p for p in reports.problems if "day-first" in p.message]
    assert len(ambiguous) == 1
    assert "rows 2;" in ambiguous[0].message  # 01/03 only; 13/03 and 1.3.23 are not ambiguous
    (table,) = reports.file_records()
    assert table["columns"] == {
        "date": "departure",
        "from": "origin",
        "to": "destination",
        "wagons": "cars_total",
        "platforms": "cars_flat",
        "source": "source",
        "link": "url",
        "comment": "note",
    }
    assert table["generated_ids"] is True


def test_generated_ids_are_stable_and_change_with_the_row(tmp_path: Path) -> None:
    first = [s.id for s in load_reports(HERE / "en-analyst.csv").shipments]
    assert first == [s.id for s in load_reports(HERE / "en-analyst.csv").shipments]
    assert len(set(first)) == len(first)
    copy = tmp_path / "renamed.csv"
    copy.write_text((HERE / "en-analyst.csv").read_text(encoding="utf-8"), encoding="utf-8")
    assert [s.id for s in load_reports(copy).shipments] == first  # not from the file name
    edited = (HERE / "en-analyst.csv").read_text(encoding="utf-8").replace(",51,", ",52,")
    copy.write_text(edited, encoding="utf-8")
    assert load_reports(copy).shipments[0].id != first[0]
    assert generated_id(2, ["a"]) != generated_id(3, ["a"])


@pytest.mark.parametrize(
    ("name", "origin", "day", "total", "flat", "source"),
    [
        ("ru-hajun.csv", "Слоним", date(2023, 2, 25), 51, 43, "Беларускі Гаюн"),
        ("ru-hajun.csv", "Зайцевка", date(2023, 1, 9), 34, 30, "Корреспондент"),
        ("uk-table.csv", "Чепино", date(2023, 1, 12), 45, None, "Інфолайн"),
        ("uk-table.csv", "Гомель", date(2023, 1, 7), None, None, "Газета.ua"),
        ("pl-tabela.csv", "Słonim", date(2023, 3, 1), 51, 43, "Biełaruski Hajun"),
        (
            "pl-tabela.csv",
            "Misyash",
            date(2022, 12, 16),
            None,
            None,
            "Wspólnota kolejarzy Białorusi",
        ),
        ("be-table.csv", "Баранавічы", date(2023, 3, 1), 30, None, "Беларускі Гаюн"),
    ],
)
def test_headers_in_other_languages(
    name: str, origin: str, day: date, total: int | None, flat: int | None, source: str
) -> None:
    ship = by_origin(HERE / name)[origin]
    assert ship.departure.earliest == day  # type: ignore[attr-defined]
    assert (ship.cars.total, ship.cars.flat) == (total, flat)  # type: ignore[attr-defined]
    assert ship.source.reporter == source  # type: ignore[attr-defined]


def test_unknown_headers_load_with_columns_option() -> None:
    plain = load_reports(HERE / "custom-headers.csv")
    assert plain.shipments == []
    assert "--columns" in plain.problems[0].message
    mapping = {"von": "origin", "nach": "destination", "datum": "departure", "wagen": "cars_total"}
    reports = load_reports(HERE / "custom-headers.csv", columns={**mapping, "Quelle": "source"})
    (ship,) = reports.shipments
    assert (ship.origin.text, ship.cars.total) == ("Slonim", 51)  # type: ignore[union-attr]
    assert ship.departure.earliest == date(2023, 3, 1)  # type: ignore[union-attr]
    assert reports.problems == []
    with pytest.raises(ValueError, match="not a report field: colour"):
        load_reports(HERE / "custom-headers.csv", columns={"von": "colour"})


def test_cli_columns_option_and_file_records() -> None:
    path = str(HERE / "custom-headers.csv")
    result = runner.invoke(
        app,
        [
            "load",
            path,
            "--columns",
            "Von=origin,Nach=destination,Datum=departure,Quelle=source",
            "--json",
        ],
    )
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert lines[0]["record"] == "file"
    assert lines[0]["columns"]["Von"] == "origin"
    assert lines[0]["ignored"] == ["Wagen"]
    assert lines[1]["origin"]["text"] == "Slonim"
    bad = runner.invoke(app, ["load", path, "--columns", "Von"])
    assert bad.exit_code == 2
    assert "HEADER=FIELD" in bad.output


@pytest.fixture
def workbook(tmp_path: Path) -> Path:
    pytest.importorskip("openpyxl")
    spec = importlib.util.spec_from_file_location("make_workbooks", HERE / "make_workbooks.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.build(tmp_path)  # type: ignore[no-any-return]


def test_excel_workbook_with_title_row_date_cells_and_two_sheets(workbook: Path) -> None:
    reports = load_reports(workbook)
    ships = {s.origin.text: s for s in reports.shipments}  # type: ignore[union-attr]
    assert set(ships) == {"Slonim", "Ostrogozhsk", "Belarus", "Зайцевка", "Чепино"}
    slonim = ships["Slonim"]
    assert slonim.departure.earliest == date(2023, 2, 25)  # an Excel date cell
    assert (slonim.cars.total, slonim.cars.passenger, slonim.cars.flat) == (51, 5, 43)
    assert ships["Belarus"].departure.earliest == date(2023, 3, 1)  # "01/03/2023" text
    assert ships["Зайцевка"].cars.total == 34
    files = reports.file_records()
    assert [(f["sheet"], f["n_records"]) for f in files] == [("Trains", 3), ("Эшелоны", 2)]
    assert files[0]["columns"]["Passenger cars"] == "cars_passenger"
    assert slonim.id.startswith("row4-")  # Excel's own row number: header on row 3
    assert all(isinstance(p.row, int | None) for p in reports.problems)


def test_checked_in_workbook_matches_its_generator(workbook: Path) -> None:
    fresh = [s.model_dump() for s in load_reports(workbook).shipments]
    kept = [s.model_dump() for s in load_reports(HERE / "analyst-workbook.xlsx").shipments]
    assert fresh == kept


def test_a_broken_workbook_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    reports = load_reports(bad)
    assert reports.shipments == []
    assert "not a readable Excel" in reports.problems[0].message


def test_problems_csv_writes_whole_row_numbers() -> None:
    reports = load_reports(HERE / "en-analyst.csv")
    frame = reports.problems_frame()
    assert str(frame["row"].dtype) == "Int64"
    assert "2.0" not in frame.to_csv(index=False)


def test_alias_table_is_consistent() -> None:
    aliases = header_aliases()
    for header in (
        "дата",
        "откуда",
        "куда",
        "вагонов",
        "платформ",
        "источник",
        "ссылка",
        "звідки",
        "куди",
        "вагонів",
        "адкуль",
        "куды",
        "data",
        "skąd",
        "dokąd",
        "wagonów",
        "date",
        "from",
        "to",
        "wagons",
        "cars",
        "platforms",
        "link",
    ):
        assert normalise_header(header) in aliases, header
    assert aliases["cars"] == "cars_total"
    assert map_headers(["From", "Origin"]).notes  # the second origin column is not read


def test_excel_lock_files_in_a_folder_are_skipped(workbook: Path) -> None:
    (workbook.parent / "~$analyst-workbook.xlsx").write_bytes(b"\x00lock")
    reports = load_reports(workbook.parent)
    assert len(reports.shipments) == 5
    assert not any("~$" in p.path for p in reports.problems)


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        (["summary"], '"cars_total": 51'),
        (["estimate"], '"id": "row2-'),
        (["status"], '"id": "row2-'),
        (["track", "-o", "{out}"], '"n_shipments": 1'),
        (["ingest", "--store", "{db}"], '"n_new": 1'),
    ],
)
def test_every_command_that_reads_reports_takes_columns(
    command: list[str], expected: str, tmp_path: Path
) -> None:
    path = str(HERE / "custom-headers.csv")
    args = [a.format(out=tmp_path / "out", db=tmp_path / "s.sqlite") for a in command]
    mapping = "Von=origin,Nach=destination,Datum=departure,Wagen=cars_total,Quelle=source"
    plain = runner.invoke(app, [args[0], path, *args[1:], "--json"])
    mapped = runner.invoke(app, [args[0], path, *args[1:], "--columns", mapping, "--json"])
    assert plain.exit_code == 1, plain.output  # the table's headers are not known
    assert mapped.exit_code == 0, mapped.output
    assert expected in mapped.stdout


def test_a_count_over_the_limit_names_the_column_as_written(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text(
        "date,from,to,wagons,source\n2023-03-01,Slonim,Valuyki,500,Hajun\n"
        "2023-03-02,Orsha,Bryansk,40,Hajun\n",
        encoding="utf-8",
    )
    reports = load_reports(path)
    # the count is left out, the train kept (trial F78)
    assert [s.cars.total for s in reports.shipments] == [None, 40]  # type: ignore[union-attr]
    (problem,) = reports.problems
    assert (problem.row, problem.field) == (2, "wagons")
    assert "500 cars" in problem.message
    assert "the record is kept without this field" in problem.message
    assert "CarCounts(" not in problem.message


def test_problems_in_a_workbook_of_several_sheets_name_the_sheet(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    first = book.active
    first.title = "March"
    first.append(["date", "from", "to", "wagons", "source"])
    first.append(["2023-03-01", "Slonim", "Valuyki", 40, "Hajun"])
    second = book.create_sheet("April")
    second.append(["date", "from", "to", "wagons"])
    second.append(["2023-04-01", "Orsha", "Bryansk", 51.5])  # not a whole number of cars
    second.append(["2023-04-02", "Orsha", "Bryansk", 30])  # no source: kept, said per sheet
    path = tmp_path / "trains.xlsx"
    book.save(path)
    reports = load_reports(path)
    # the fraction costs its cell, not the row (trial F115)
    assert [s.cars.total for s in reports.shipments] == [40, None, 30]  # type: ignore[union-attr]
    messages = [str(p) for p in reports.problems]
    assert (
        "trains.xlsx sheet 'April' row 2, field 'wagons': '51.5' is not a count; "
        "the record is kept without this field"
    ) in messages, messages
    # no row of the sheet gives a source: said once for it (session 17 F12), not per row
    assert [m for m in messages if "no source" in m] == [
        "trains.xlsx, field 'source': no source given in any row of sheet 'April' (2 rows, "
        "2 to 3); all kept with reporter 'unknown' (reliability F): add a source column"
    ]


def test_a_fraction_in_a_count_cell_costs_the_cell_not_the_row(tmp_path: Path) -> None:
    """'2,5' is no count of cars (it was read as 25), '38.0' is 38 (trial F115)."""
    path = tmp_path / "t.csv"
    path.write_text(
        "date;from;to;wagons;source\n2023-03-01;Slonim;Valuyki;2,5;Hajun\n"
        "2023-03-02;Orsha;Bryansk;38.0;Hajun\n2023-03-03;Orsha;Bryansk;2.5;Hajun\n",
        encoding="utf-8",
    )
    reports = load_reports(path)
    assert [s.cars.total for s in reports.shipments] == [None, 38, None]  # type: ignore[union-attr]
    assert [(p.row, p.field) for p in reports.problems] == [(2, "wagons"), (4, "wagons")]


@pytest.mark.parametrize(
    ("cell", "value"),
    [
        ("сорок-пятьдесят", 40),
        ("тридцять-сорок", 30),
        ("czterdzieści-pięćdziesiąt", 40),
        ("forty to fifty", 40),
    ],
)
def test_a_range_in_words_is_its_lower_end_estimated(cell: str, value: int) -> None:
    """As '30-40' is read (trial F120); a compound ('forty-eight') stays one number."""
    from railtrack.io.cells import read_count

    count = read_count(cell)
    assert count is not None
    assert (count.value, count.estimated) == (value, True)
    compound = read_count("forty-eight")
    assert compound is not None
    assert (compound.value, compound.estimated) == (48, False)
    assert read_count("пятьдесят-сорок") is None  # the larger first: no range


@pytest.mark.parametrize(
    ("header", "day"),
    [
        ("Опубликовано", "5 марта"),  # ru (trial T14)
        ("Опубліковано", "5 березня"),  # uk
        ("Апублікавана", "5 сакавіка"),  # be
        ("Дата публікацыі", "5 сакавіка"),  # be
        ("Opublikowano", "5 marca"),  # pl
        ("Date published", "5 March"),  # en
    ],
)
def test_a_publication_column_in_each_language_dates_a_day_without_a_year(
    tmp_path: Path, header: str, day: str
) -> None:
    path = tmp_path / "log.csv"
    path.write_text(
        f"Date;From;To;Cars;Source;{header};Uwagi\n"
        f"{day};Orsha;Smolensk;40;Hajun;2023-03-06;seen from the bridge\n",
        encoding="utf-8",
    )
    (ship,) = load_reports(path).shipments
    assert ship.departure is not None
    assert ship.departure.earliest == date(2023, 3, 5)
    assert ship.source.published is not None
    assert ship.note == "seen from the bridge"


@pytest.mark.parametrize("column", ["URL", "Published", "Relayed by"])
def test_a_table_with_a_source_detail_but_no_reporter_keeps_its_rows(
    tmp_path: Path, column: str
) -> None:
    """Trial10 T11: a link or publication column alone lost every row ("Field required")."""
    value = {"URL": "https://t.me/x/1", "Published": "2023-03-09", "Relayed by": "Zerkalo"}
    path = tmp_path / "log.csv"
    path.write_text(
        f"Date,From,To,Wagons,{column}\n08.03.2023,Slonim,Valuyki,48,{value[column]}\n",
        encoding="utf-8",
    )
    reports = load_reports(path)
    (ship,) = reports.shipments
    assert ship.source.reporter == "unknown"
    assert ship.cars.total == 48
    assert any("reporter 'unknown'" in str(p) for p in reports.problems)


# --- trial10 T15: the usual spreadsheet headers of every language --------------------------

_USUAL_HEADERS = {
    "en": {
        "Date of departure": "departure",
        "Station of departure": "origin",
        "Station of destination": "destination",
        "No. of wagons": "cars_total",
        "Flatcars": "cars_flat",
        "Reported by": "source",
        "Republished by": "relayed_by",
        "Link": "url",
        "Date of publication": "published",
        "Remarks": "note",
    },
    "ru": {
        "Дата отправки": "departure",
        "Станция отправления": "origin",
        "Станция назначения": "destination",
        "Количество вагонов": "cars_total",
        "Платформ": "cars_flat",
        "Источник": "source",
        "Передал": "relayed_by",
        "Ссылка": "url",
        "Дата публикации": "published",
        "Примечания": "note",
    },
    "uk": {
        "Дата відправки": "departure",
        "Станція відправлення": "origin",
        "Станція призначення": "destination",
        "Кількість вагонів": "cars_total",
        "Платформ": "cars_flat",
        "Джерело": "source",
        "Передав": "relayed_by",
        "Посилання": "url",
        "Дата публікації": "published",
        "Примітки": "note",
    },
    "be": {
        "Дата адпраўкі": "departure",
        "Станцыя адпраўлення": "origin",
        "Станцыя прызначэння": "destination",
        "Колькасць вагонаў": "cars_total",
        "Платформаў": "cars_flat",
        "Крыніца": "source",
        "Перадаў": "relayed_by",
        "Спасылка": "url",
        "Дата публікацыі": "published",
        "Заўвагі": "note",
    },
    "pl": {
        "Data nadania": "departure",
        "Stacja nadania": "origin",
        "Stacja przeznaczenia": "destination",
        "Liczba wagonów": "cars_total",
        "Platformy": "cars_flat",
        "Źródło": "source",
        "Przekazał": "relayed_by",
        "Odnośnik": "url",
        "Data publikacji": "published",
        "Uwagi": "note",
    },
}


@pytest.mark.parametrize("lang", sorted(_USUAL_HEADERS))
def test_the_usual_headers_of_each_language_map(lang: str) -> None:
    expected = _USUAL_HEADERS[lang]
    mapping = map_headers(list(expected))
    assert mapping.columns == expected
    assert mapping.ignored == []


_EVERY_LANGUAGE_FIELDS = (
    "departure",
    "arrival",
    "origin",
    "destination",
    "via",
    "cars_total",
    "cars_passenger",
    "cars_covered",
    "cars_flat",
    "cars_tank",
    "cars_other",
    "equipment",
    "source",
    "relayed_by",
    "url",
    "published",
    "note",
    "id",
    "reliability",
    "credibility",
)


def test_every_field_has_headers_in_all_five_languages() -> None:
    import csv

    path = Path(__file__).parents[1] / "data" / "tables" / "header_aliases.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        told = {(row["field"], row["language"]) for row in csv.DictReader(handle)}
    missing = [
        (name, lang)
        for name in _EVERY_LANGUAGE_FIELDS
        for lang in ("en", "ru", "uk", "be", "pl")
        if (name, lang) not in told
    ]
    assert missing == []


@pytest.mark.parametrize("lang", sorted(_USUAL_HEADERS))
def test_a_table_with_the_usual_headers_loads_every_row(tmp_path: Path, lang: str) -> None:
    values = {
        "departure": "08.03.2023",
        "origin": "Slonim",
        "destination": "Valuyki",
        "cars_total": "48",
        "cars_flat": "48",
        "source": "Hajun",
        "relayed_by": "Zerkalo",
        "url": "https://t.me/x/1",
        "published": "09.03.2023",
        "note": "-",
    }
    headers = _USUAL_HEADERS[lang]
    path = tmp_path / f"{lang}.csv"
    rows = [";".join(headers), ";".join(values[f] for f in headers.values())]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    reports = load_reports(path)
    (ship,) = reports.shipments
    assert (ship.origin.text, ship.destination.text) == ("Slonim", "Valuyki")  # type: ignore[union-attr]
    assert (ship.cars.total, ship.cars.flat) == (48, 48)
    assert (ship.source.reporter, ship.source.relayed_by) == ("Hajun", "Zerkalo")
    assert ship.source.url == "https://t.me/x/1"
    assert ship.departure is not None
    assert ship.departure.earliest == date(2023, 3, 8)
    assert not [p for p in reports.problems if p.field in headers]

"""Inputs a new user found read wrong (trial findings F103, F95), each as a kind.

- F103: a text report's header keys in the report's own language ("Дата:",
  "Источник:", "Джерело:", "Крыніца:", "Źródło:", "Data:") are read like "Date:" and
  "Source:"; a header railtrack cannot read is said, never ignored silently.
- F95: a byte that is not UTF-8 (replaced on reading) is a problem record naming the
  file, the line and the column, in ``load``, ``extract`` and ``track``'s problems.
"""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from railtrack import load_reports
from railtrack.cli import app
from railtrack.io.text import extract_text_report, split_header

runner = CliRunner()

# Each language's header, as a user of it would write it: (header, body).
HEADERS = {
    "ru": (
        "Источник: Гаюн\nДата: 06.03.2023\nСсылка: https://example.org/ru\n",
        "Эшелон из 40 вагонов вышел из Орши вчера.",
    ),
    "uk": (
        "Джерело: Гаюн\nДата: 6 березня 2023 року\nПосилання: https://example.org/uk\n",
        "Ешелон із 40 вагонів вийшов з Орші вчора.",
    ),
    "be": (
        "Крыніца: Гаюн\nДата: 6 сакавіка 2023 г.\nСпасылка: https://example.org/be\n",
        "Эшалон з 40 вагонаў выйшаў з Оршы ўчора.",
    ),
    "pl": (
        "Źródło: Hajun\nData: 6 marca 2023 r.\nLink: https://example.org/pl\n",
        "Pociąg z 40 wagonami wyjechał wczoraj z Orszy.",
    ),
    "en": (
        "Source: Hajun\nDate: 2023-03-06\nLink: https://example.org/en\n",
        "A military train of 40 cars left Orsha yesterday.",
    ),
}


@pytest.mark.parametrize("lang", sorted(HEADERS))
def test_a_header_in_the_reports_language_is_read(lang):
    header, body = HEADERS[lang]
    result, problems = extract_text_report(
        f"{header}\n{body}\n", name="r.txt", published=None, network=False
    )
    assert problems == []
    (ship,) = result.shipments
    assert ship.source.reporter in ("Гаюн", "Hajun")
    assert ship.source.published == date(2023, 3, 6)
    assert ship.source.url == f"https://example.org/{lang}"
    # "yesterday" resolved against the header's date: it was read
    assert ship.departure is not None
    assert ship.departure.earliest == date(2023, 3, 5)


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ("Опубликовано: 2023-03-06", "published"),
        ("Опубліковано: 2023-03-06", "published"),
        ("Data publikacji: 2023-03-06", "published"),
        ("Язык: ru", "lang"),
        ("Мова: be", "lang"),
        ("Język: pl", "lang"),
        ("Надёжность: B", "reliability"),
        ("Wiarygodność: B", "reliability"),
    ],
)
def test_each_header_key_has_its_translations(line, key):
    fields, body, _, problems = split_header(f"{line}\n\nA train left.")
    assert key in fields
    assert (body, problems) == ("A train left.", [])


def test_a_header_with_keys_railtrack_does_not_know_is_said_not_ignored(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(
        "Время: 06.03.2023\nКанал: Гаюн\n\nЭшелон из 40 вагонов вышел из Орши вчера.\n",
        encoding="utf-8",
    )
    reports = load_reports(path)
    messages = [(p.row, p.message) for p in reports.problems]
    assert any(
        row == 1 and "look like a header" in m and "'Время', 'Канал'" in m for row, m in messages
    ), messages
    assert len(reports.shipments) == 1  # still read as text


@pytest.mark.parametrize(
    "header",
    [
        "Krynica: Biełaruski Hajun\nData: 2023-02-13",  # Łacinka, unknown to none
        "Kanał: Hajun\nData: 2023-02-13",  # an unknown key first, then a known one
        "Data: 2023-02-13\nKanał: Hajun",  # the same, the other way round
        "Wiadomość: relay\nДата: 13.02.2023",
    ],
)
def test_a_known_key_is_read_whatever_line_it_is_on(header):
    """A header's first unknown key no longer costs its other keys (trial F112)."""
    fields, body, _, _ = split_header(header + "\n\nU noč na 13 lutaha ešalon.")
    assert fields["published"][1] in ("2023-02-13", "13.02.2023")
    assert body == "U noč na 13 lutaha ešalon."


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("Date: 2023-04-10\nA train of 40 cars left Bryansk.", "A train of 40 cars left Bryansk."),
        (
            "Дата: 11.04.2023\nRelaying Hajun: the train had 42 cars.",
            "Relaying Hajun: the train had 42 cars.",
        ),
        ("Krynica: Hajun\nData: 2023-04-10\nEšalon z Branska.", "Ešalon z Branska."),
        ("Date: 2023-04-11\nRelaying Hajun: 42 cars.\n", "Relaying Hajun: 42 cars.\n"),
    ],
)
def test_a_header_with_no_blank_line_under_it_ends_at_the_text(text, body):
    """The text's first line, colon or not, is text (trial F124)."""
    fields, read, line, problems = split_header(text)
    assert "published" in fields
    assert (read, problems) == (body, [])
    assert text.split("\n")[line - 1] == body.split("\n")[0]


@pytest.mark.parametrize(
    "text",
    [
        "Note: a train left.\n\nMore.",  # one such line: prose, as before
        "A train left Gomel: 40 cars.\nIt went to Orsha.\n\nMore.",  # prose with a colon
    ],
)
def test_prose_with_a_colon_is_no_header(text):
    assert split_header(text) == ({}, text, 1, [])


def test_a_header_date_that_is_no_day_is_a_problem_naming_the_line():
    _, problems = extract_text_report(
        "Источник: Гаюн\nДата: в начале марта\n\nЭшелон вышел из Орши.",
        name="r.txt",
        published=None,
        network=False,
    )
    assert any(p.startswith("r.txt line 2, field 'published'") for p in problems), problems


# --- F95: stray bytes are a problem record ----------------------------------------

RU = "Эшелон из 48 вагонов отправился со станции Чепино в Россошь 11 января 2023 года."


def _stray_files(tmp_path: Path) -> dict[str, tuple[Path, int, int]]:
    """Write one file per format with one stray byte; return each with its line, column."""
    text = tmp_path / "hajun.txt"
    text.write_bytes(b"published: 2023-01-12\n\n" + RU.encode() + b" \xa0 end\n")
    table = tmp_path / "log.csv"
    table.write_bytes(
        b"id,origin,destination,departure,published,source\n"
        + "a,Орша,Брест,2023-03-01,2023-03-01,Гаюн \x00".encode().replace(b"\x00", b"\x96")
        + b"\n"
    )
    lines = tmp_path / "log.jsonl"
    record = (
        '{"id": "j", "origin": "Orsha", "destination": "Brest", "published": "2023-03-01", '
        '"source": "Гаюн '
    )
    lines.write_bytes(record.encode() + b'\xff"}\n')
    return {
        "txt": (text, 3, len(RU) + 2),
        "csv": (table, 2, len("a,Орша,Брест,2023-03-01,2023-03-01,Гаюн ") + 1),
        "jsonl": (lines, 1, len(record) + 1),
    }


def test_a_stray_byte_is_a_problem_naming_the_file_line_and_column(tmp_path):
    files = _stray_files(tmp_path)
    reports = load_reports([path for path, _, _ in files.values()])
    assert len(reports.shipments) == 3  # every record still read
    stray = [p for p in reports.problems if "not UTF-8" in p.message]
    found = {Path(p.path).suffix[1:]: (p.row, p.unit, p.message) for p in stray}
    assert set(found) == set(files)
    for kind, (_, line, column) in files.items():
        row, unit, message = found[kind]
        assert (row, unit) == (line, "line"), kind
        assert f"line {line}, column {column})" in message, (kind, message)


def test_load_json_lists_the_stray_byte_problem(tmp_path):
    path, line, _ = _stray_files(tmp_path)["txt"]
    result = runner.invoke(app, ["load", str(path), "--json"])
    records = [json.loads(x) for x in result.output.splitlines() if x.startswith("{")]
    problems = [r for r in records if r["record"] == "problem"]
    where = [(Path(p["path"]).name, p["row"], p["unit"]) for p in problems]
    assert where == [("hajun.txt", line, "line")]
    assert "not UTF-8" in problems[0]["message"]


def test_extract_says_the_stray_byte_as_a_problem(tmp_path):
    path, line, _ = _stray_files(tmp_path)["txt"]
    result = runner.invoke(app, ["extract", str(path), "--json"])
    records = [json.loads(x) for x in result.output.splitlines() if x.startswith("{")]
    problems = [r for r in records if r["record"] == "problem"]
    assert [(p["row"], p["unit"]) for p in problems] == [(line, "line")]
    assert result.exit_code == 1  # the input had a problem


def test_track_writes_the_stray_byte_into_problems_csv(tmp_path):
    path, line, _ = _stray_files(tmp_path)["txt"]
    out = tmp_path / "out"
    result = runner.invoke(app, ["track", str(path), "-o", str(out), "--quiet"])
    assert result.exit_code in (0, 1), result.output
    with (out / "problems.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    stray = [r for r in rows if "not UTF-8" in r["message"]]
    assert len(stray) == 1
    assert stray[0]["row"] == str(line)

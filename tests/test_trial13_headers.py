"""Trial13 T4/T5: media-log headers, and a table with a count but no train field.

A sheet with "Первоисточник", "СМИ", "Куда прибыл" or "Wagony razem" lost those
columns; one whose only known column was "Вагонов" was rejected with "no column is a
report field" although "Вагонов" is one. The message now names what was read.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from railtrack import load_reports


def _sheet(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "log.csv"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("header", "row", "field", "value"),
    [
        ("Дата;Куда прибыл;Вагонов", "2023-04-14;Барановичи;30", "destination", "Барановичи"),
        ("Дата;Куди прибув;Вагонів", "2023-04-14;Барановичі;30", "destination", "Барановичі"),
        ("Дата;Куды прыбыў;Вагонаў", "2023-04-14;Баранавічы;30", "destination", "Баранавічы"),
        ("Data;Dokąd przyjechał;Wagony razem", "2023-04-14;Baranowicze;30", "cars", 30),
        (
            "Дата;Куда;Вагонов;Первоисточник",
            "2023-04-14;Брест;30;Беларускі Гаюн",
            "source",
            "Беларускі Гаюн",
        ),
        ("Data;Dokąd;Wagonów;Pierwotne źródło", "2023-04-14;Brześć;30;Hajun", "source", "Hajun"),
    ],
)
def test_media_log_headers_are_read(
    tmp_path: Path, header: str, row: str, field: str, value: object
) -> None:
    reports = load_reports(_sheet(tmp_path, f"{header}\n{row}\n"))
    [ship] = reports.shipments
    if field == "destination":
        assert ship.destination is not None
        assert ship.destination.text == value
    elif field == "cars":
        assert ship.cars.total == value
    else:
        assert ship.source.reporter == value
    named = [h for h in header.split(";") if any(h in str(p) for p in reports.problems)]
    assert named == []  # no column left unread


def test_a_table_with_a_count_but_no_train_field_names_what_it_read(tmp_path: Path) -> None:
    # "Дата события" is read since trial14 T10 (event_date), "Когда" since trial15 T14:
    # an unknown date header here
    reports = load_reports(_sheet(tmp_path, "Отметка;Куда попал;Вагонов\n2023-04-14;X;30\n"))
    assert not reports.shipments
    [problem] = reports.problems
    said = str(problem)
    assert (
        "no column gives a train's id, origin, destination, departure, station or event date"
        in said
    )
    assert "read: Вагонов -> cars_total" in said
    assert "not read: Отметка, Куда попал" in said


# --- trial13 T9: a short text in another language is not read silently as English ----------


@pytest.mark.parametrize(
    "text",
    [
        "Am 13. April traf in Baranawitschy ein Zug mit 40 Waggons ein.",
        "Den 13. april ankom et tog med 40 vogne til Baranavitji.",
    ],
)
def test_a_short_report_in_another_latin_language_says_it_was_not_read(text: str) -> None:
    from datetime import date

    from railtrack.extract import extract_shipments

    result = extract_shipments(text, published=date(2023, 4, 13), network=False)
    assert result.shipments == []
    assert any("railtrack does not read" in p for p in result.problems), result.problems


@pytest.mark.parametrize(
    "text",
    [
        "Nothing new at Orsha today.",
        "Weather is fine today in Minsk and Brest, nothing to report here.",
    ],
)
def test_an_english_text_without_a_train_stays_quiet(text: str) -> None:
    from datetime import date

    from railtrack.extract import extract_shipments

    result = extract_shipments(text, published=date(2023, 4, 13), network=False)
    assert result.lang == "en"
    assert result.problems == []

from datetime import date
from pathlib import Path

from railtrack.io import load_reports
from railtrack.io.text import read_text_report, split_header

FILES = Path(__file__).parent / "data" / "extraction" / "files"


def test_header_gives_source_date_and_id():
    shipments, groups, _, problems = read_text_report(
        FILES / "seed_header.txt", published=None, network=False
    )
    assert problems == []
    assert [s.id for s in shipments] == ["seed-report-t1", "seed-report-t2"]
    source = shipments[0].source
    assert (source.reporter, source.relayed_by, source.reliability) == (
        "Belarusian Hajun",
        "Polskie Nowiny",
        "C",
    )
    assert source.url == "https://example.org/seed"
    assert source.published == date(2023, 3, 3)
    assert groups[0].cars.total == 86
    assert shipments[1].departure.earliest == date(2023, 3, 1)


def test_header_date_wins_over_the_argument():
    shipments, _, _, _ = read_text_report(
        FILES / "seed_header.txt", published=date(2020, 1, 1), network=False
    )
    assert shipments[1].departure.earliest == date(2023, 3, 1)


def test_no_header_uses_the_given_date():
    shipments, _, _, problems = read_text_report(
        FILES / "no_header.txt", published=date(2023, 2, 26), network=False
    )
    assert problems == []
    assert shipments[0].departure.earliest == date(2023, 2, 25)
    assert shipments[0].id == "no_header-t1"
    assert shipments[0].source.reporter == "unknown"


def test_no_header_and_no_date_is_a_problem_naming_the_file():
    shipments, _, _, problems = read_text_report(
        FILES / "no_header.txt", published=None, network=False
    )
    assert shipments[0].departure is None
    assert len(problems) == 1
    assert problems[0].startswith("no_header.txt")
    assert "yesterday" in problems[0]


def test_bad_header_lines_are_named_and_good_text_kept():
    shipments, _, _, problems = read_text_report(
        FILES / "bad_header.txt", published=date(2023, 2, 26), network=False
    )
    text = "\n".join(problems)
    assert "bad_header.txt line 2, field 'published'" in text
    assert "line 3, field 'reliability'" in text
    assert "line 4: unknown header key 'colour'" in text
    (shipment,) = shipments
    assert shipment.cars.flat == 43
    assert shipment.source.reliability == "F"
    assert shipment.departure.earliest == date(2023, 2, 25)  # from the argument


def test_markdown_with_front_matter():
    shipments, _, _, problems = read_text_report(FILES / "fenced.md", published=None, network=False)
    assert problems == []
    (s,) = shipments
    assert (s.origin.text, s.destination.text) == ("Mishyash", "Osipovichi-1")
    assert s.departure.earliest == date(2022, 12, 11)
    assert s.expected_arrival.earliest == date(2022, 12, 16)


def test_header_without_text():
    shipments, groups, _, problems = read_text_report(
        FILES / "header_only.txt", published=None, network=False
    )
    assert (shipments, groups) == ([], [])
    assert problems == ["header_only.txt: the report has no text after its header"]


def test_split_header_without_header():
    fields, body, line, problems = split_header("Note: a train left.\n\nMore.")
    assert (fields, body, line, problems) == ({}, "Note: a train left.\n\nMore.", 1, [])


def test_loader_reads_text_reports(tmp_path):
    (tmp_path / "a.txt").write_text(
        (FILES / "seed_header.txt").read_text(encoding="utf-8"), encoding="utf-8"
    )
    reports = load_reports(tmp_path)
    frame = reports.to_frame()
    assert list(frame["destination_station"]) == ["Matveev Kurgan", "Neklinovka"]
    assert int(reports.groups_frame()["cars_total"].iloc[0]) == 86


def test_loader_keeps_the_sightings_a_text_report_gives(tmp_path):
    """What ``extract`` reads from prose (a sighting) reaches ``load_reports`` too."""
    (tmp_path / "seen.txt").write_text(
        "source: Hajun\npublished: 2023-03-07\n\n"
        "A military echelon left Slonim on March 3 for Valuyki. "
        "It was spotted in Bryansk on March 6.\n",
        encoding="utf-8",
    )
    reports = load_reports(tmp_path)
    (shipment,) = reports.shipments
    (sighting,) = reports.sightings
    assert sighting.shipment == shipment.id
    assert sighting.station.text == "Bryansk"
    assert sighting.seen_at.date().isoformat() == "2023-03-06"
    assert reports.problems == []

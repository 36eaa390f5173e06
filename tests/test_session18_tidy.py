"""Session 18 (tidy): a caller's Settings reach the Telegram readers; table rows stay unchanged."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

import pytest
from _telegram_exports import Msg, at, chat_object, write_html_export, write_json

from railtrack import load_reports
from railtrack.io import ReportSet, zoned_times
from railtrack.io.retractions import note_retracted, retraction_matches
from railtrack.io.telegram import read_telegram_export, read_telegram_file
from railtrack.io.telegram_html import read_html_export
from railtrack.io.telegram_json import read_json_export
from railtrack.io.telegram_posts import ReadLog
from railtrack.models import Place, Shipment, Source
from railtrack.settings import Settings

# the posts of _telegram_exports are dated March 2023
AFTER = Settings(earliest_telegram_post=date(2024, 1, 1))
BEFORE = Settings(latest_plausible_date=date(2022, 12, 31))
BOUNDS = [(AFTER, "before Telegram opened"), (BEFORE, "after")]
TEXT = "A military echelon of 40 flatcars left Orsha for Smolensk yesterday."


def _messages() -> list[Msg]:
    return [Msg(1, TEXT, at(3)), Msg(2, "Ешелон з 30 платформ вирушив з Орші.", at(4))]


@pytest.mark.parametrize("new", [True, False], ids=["unixtime", "local-time"])
@pytest.mark.parametrize(("settings", "word"), BOUNDS)
def test_json_reader_bounds_post_times_by_the_callers_settings(tmp_path, new, settings, word):
    path = write_json(tmp_path / "result.json", chat_object(_messages(), new=new))
    log = ReadLog()
    assert list(read_json_export(path, log, settings=settings)) == []
    assert len(log.problems) == 2
    assert all(word in p.message for p in log.problems)
    # the defaults still read both posts (negative case)
    assert [p.message_id for p in read_json_export(path, ReadLog())] == [1, 2]


@pytest.mark.parametrize(("settings", "word"), BOUNDS)
def test_html_reader_bounds_post_times_by_the_callers_settings(tmp_path, settings, word):
    (page,) = write_html_export(tmp_path / "export", _messages())
    log = ReadLog()
    assert list(read_html_export(page, log, settings=settings)) == []
    assert [word in p.message for p in log.problems] == [True, True]
    assert [p.message_id for p in read_html_export(page, ReadLog())] == [1, 2]


def test_the_loader_passes_its_settings_down(tmp_path):
    path = write_json(tmp_path / "result.json", chat_object(_messages()))
    part = read_telegram_file(path, network=False, settings=AFTER)
    assert part.shipments == []
    assert len(part.problems) == 2
    assert read_telegram_file(path, network=False).shipments != []
    reports = read_telegram_export(tmp_path, network=False, settings=BEFORE)
    assert list(reports) == []
    assert len(reports.problems) == 2


def test_load_reports_passes_its_settings_to_the_export_reader(tmp_path):
    write_json(tmp_path / "export" / "result.json", chat_object(_messages()))
    loaded = load_reports(tmp_path / "export", settings=AFTER)
    assert loaded.shipments == []
    assert ["before Telegram opened" in p.message for p in loaded.problems] == [True, True]
    assert load_reports(tmp_path / "export").shipments != []


@pytest.mark.parametrize(
    ("zone", "written", "read"),
    [
        ("Europe/Minsk", "2023-05-08T06:40", "2023-05-08T06:40:00+03:00"),
        ("Europe/Kyiv", "2023-05-08 06:40:00", "2023-05-08T06:40:00+03:00"),
        ("Europe/Warsaw", "2023-01-08T06:40", "2023-01-08T06:40:00+01:00"),
    ],
)
def test_zoned_times_returns_a_new_row_and_leaves_its_input(zone, written, read):
    row = {"seen_at": written, "origin": "Orsha"}
    out = zoned_times(row, ZoneInfo(zone))
    assert out == {"seen_at": read, "origin": "Orsha"}
    assert row == {"seen_at": written, "origin": "Orsha"}


@pytest.mark.parametrize("written", ["2023-05-08", "2023-05-08T06:40Z", "not a time"])
def test_zoned_times_leaves_rows_without_a_local_clock_time(written):
    row = {"seen_at": written}
    assert zoned_times(row, ZoneInfo("Europe/Minsk")) == {"seen_at": written}
    assert row == {"seen_at": written}


# -- retractions: the days an undated train may precede its retraction are a setting --------


def _to_brest(name: str, day: int) -> Shipment:
    source = Source(reporter="Hajun", published=date(2023, 5, day))
    return Shipment(id=name, destination=Place(text="Брэст"), source=source)


@pytest.mark.parametrize(
    ("days", "matched"), [(1, ["t14"]), (3, ["t12", "t14"]), (6, ["t9", "t12", "t14"])]
)
def test_retraction_match_days_is_a_setting(days, matched):
    """A retraction with no day fits the reports to its place within the setting's days."""
    result = ReportSet()
    result.shipments = [_to_brest(f"t{d}", d) for d in (5, 9, 12, 14)]
    for s in result.shipments:
        result.files[("Shipment", s.id)] = "a.txt"
    settings = Settings(retraction_match_days=days)
    note_retracted(result, [("b.txt", _to_brest("r1", 15))], settings=settings)
    named = sorted(p.message.split()[1] for p in result.problems if p.path == "a.txt")
    assert named == sorted(matched)
    # the retraction tells no day: every report to Brest within the days fits it
    found = retraction_matches(_to_brest("r1", 15), result.shipments, settings=settings)
    assert [s.id for s in found.fits] == matched


def test_retraction_match_days_default_is_three_and_never_negative():
    assert Settings().retraction_match_days == 3
    with pytest.raises(ValueError, match="retraction_match_days"):
        Settings(retraction_match_days=-1)

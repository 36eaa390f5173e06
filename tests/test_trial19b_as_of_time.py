"""Trial 19b T7: an as-of time cuts by time, not by day.

``track --as-of "2023-03-05 14:00"`` counted a post published at 18:00 that day: the
cut-off compared publication days. A post whose export gives its time is known at the
as-of time only if it was published by then (times compared in UTC); a sighting timed
to the minute likewise. A bare as-of day keeps the whole day, as before; a post with
only a publication day (a text file) is compared by day.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pandas as pd
import pytest
from _telegram_exports import Msg, at, chat_object, write_json

from railtrack._data import data_path
from railtrack.io import load_reports
from railtrack.knowledge import cut_off

MORNING = "Сегодня утром из Осиповичей в Брест отправился эшелон из 30 платформ."
EVENING = "Сегодня вечером из Бобруйска в Гомель отправился эшелон из 41 вагона."


def _export(folder: Path) -> Path:
    messages = [Msg(101, MORNING, at(5, 9)), Msg(102, EVENING, at(5, 18))]
    path = folder / "result.json"
    write_json(path, chat_object(messages, name="Гаюн"))
    return path


def _cars(reports) -> list[int]:
    return sorted(s.cars.total for s in reports.shipments)


def test_an_as_of_time_leaves_out_posts_published_later_that_day(tmp_path: Path) -> None:
    # posted at 09:00 and 18:00 Minsk time (UTC+3): 06:00 and 15:00 UTC
    reports = load_reports(_export(tmp_path))
    assert _cars(reports) == [30, 41]
    for as_of in ("2023-03-05 14:00", "2023-03-05T17:00+03:00", datetime(2023, 3, 5, 14, 59)):
        known, knowledge = cut_off(reports, as_of)
        assert _cars(known) == [30], as_of
        assert knowledge.shipments_after == 1
    for as_of in ("2023-03-05 15:00", datetime(2023, 3, 5, 18, tzinfo=UTC)):
        assert _cars(cut_off(reports, as_of)[0]) == [30, 41], as_of
    assert _cars(cut_off(reports, "2023-03-05 05:59")[0]) == []


def test_a_bare_as_of_day_keeps_the_whole_day(tmp_path: Path) -> None:
    reports = load_reports(_export(tmp_path))
    day = reports.shipments[0].source.published
    assert day is not None
    kept, knowledge = cut_off(reports, day.isoformat())
    assert _cars(kept) == [30, 41]
    assert knowledge.shipments_after == 0
    assert cut_off(reports, date.fromordinal(day.toordinal() - 1))[1].shipments_after == 2


def test_a_zoned_time_and_its_utc_time_cut_alike() -> None:
    """One instant written in two zones gives one cut (review20 #3)."""
    reports = load_reports(data_path("reports"))
    zoned = cut_off(reports, "2023-03-07T01:00+03:00")
    utc = cut_off(reports, "2023-03-06T22:00")
    assert zoned[1].as_of == utc[1].as_of
    assert len(zoned[0].shipments) == len(utc[0].shipments)
    assert len(zoned[0].sightings) == len(utc[0].sightings)


def test_a_midnight_timestamp_is_a_day(tmp_path: Path) -> None:
    """``pd.Timestamp("2023-03-05")`` keeps the whole day, as "2023-03-05" does (review20 #3)."""
    reports = load_reports(_export(tmp_path))
    for as_of in (pd.Timestamp("2023-03-05"), datetime(2023, 3, 5), "2023-03-05"):
        assert _cars(cut_off(reports, as_of)[0]) == [30, 41], as_of


def test_an_unreadable_as_of_time_says_what_to_give(tmp_path: Path) -> None:
    reports = load_reports(_export(tmp_path))
    with pytest.raises(ValueError, match="YYYY-MM-DD HH:MM"):
        cut_off(reports, "2023-03-05 soon")

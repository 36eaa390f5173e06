"""Trial 17b T10, helper "exports": the clock time of an arrival or a departure.

An arrival or departure told with a clock time ("Сёння а 01:20 ... прыбыў") kept the
local day and lost the time; a passing train kept both. Now the time is kept, in UTC
from the post's zone, as a sighting at the train's end (as a table row's arrival time
is), and the end's day is the UTC day of that moment; a time after the post is a plan
and no sighting. All five languages; the Dask engine tracks it alike.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from railtrack.io import load_reports

# 01:30 in Minsk on 16 May 2026 is 22:30 UTC on 15 May
POSTED = int(datetime(2026, 5, 15, 22, 30, tzinfo=UTC).timestamp())
HAJUN = "Беларускі Гаюн"  # a channel data/outlets/zones.csv puts in Europe/Minsk


def _export(folder: Path, messages: list[dict[str, Any]], **chat: Any) -> Path:
    doc = {"name": HAJUN, "type": "public_channel", "id": 1549397001, "messages": messages}
    doc.update(chat)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "result.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return folder


def _post(mid: int, text: Any, **fields: Any) -> dict[str, Any]:
    post = {
        "id": mid,
        "type": "message",
        "date": "2026-05-16T01:30:00",
        "date_unixtime": str(POSTED),
        "text": text,
    }
    post.update(fields)
    return {k: v for k, v in post.items() if v is not None}


# -- T10: the clock time of an arrival or a departure ----------------------------------------

ARRIVALS = {
    "be": "Сёння а 01:20 на станцыю Асіповічы прыбыў эшалон з 40 вагонаў.",
    "ru": "Сегодня в 01:20 на станцию Осиповичи прибыл эшелон из 41 вагона.",
    "uk": "Сьогодні о 01:20 на станцію Осиповичі прибув ешелон з 42 вагонів.",
    "pl": "Dziś o 01:20 na stację Osipowicze przybył eszelon z 43 wagonów.",
    "en": "Today at 01:20 a train of 44 cars arrived at Asipovichy station.",
}
DEPARTURES = {
    "be": "Сёння а 01:20 са станцыі Асіповічы адправіўся эшалон з 40 вагонаў.",
    "ru": "Сегодня в 01:20 со станции Осиповичи отправился эшелон из 41 вагона.",
    "uk": "Сьогодні о 01:20 зі станції Осиповичі відправився ешелон з 42 вагонів.",
    "pl": "Dziś o 01:20 ze stacji Osipowicze wyjechał eszelon z 43 wagonów.",
    "en": "Today at 01:20 a train of 44 cars left Asipovichy station.",
}
SEEN = datetime(2026, 5, 15, 22, 20)  # 01:20 in Minsk on 16 May


@pytest.mark.parametrize("lang", sorted(ARRIVALS))
def test_an_arrival_told_at_a_time_keeps_it_in_utc(tmp_path: Path, lang: str) -> None:
    reports = load_reports(_export(tmp_path, [_post(601, ARRIVALS[lang])]))
    (train,) = reports.shipments
    assert train.destination is not None
    assert train.destination.station_id == "BY-OSIPOVICHI"
    # the UTC day of 01:20 in Minsk, not the local day
    assert train.expected_arrival is not None
    assert (train.expected_arrival.earliest, train.expected_arrival.latest) == (
        date(2026, 5, 15),
        date(2026, 5, 15),
    )
    (seen,) = reports.sightings
    assert (seen.shipment, seen.station.station_id) == (train.id, "BY-OSIPOVICHI")
    assert (seen.seen_at, seen.precision) == (SEEN, "datetime")


@pytest.mark.parametrize("lang", sorted(DEPARTURES))
def test_a_departure_told_at_a_time_keeps_it_in_utc(tmp_path: Path, lang: str) -> None:
    reports = load_reports(_export(tmp_path, [_post(603, DEPARTURES[lang])]))
    (train,) = reports.shipments
    assert train.departure is not None
    assert train.departure.earliest == train.departure.latest == date(2026, 5, 15)
    (seen,) = reports.sightings
    assert (seen.station.station_id, seen.seen_at, seen.precision) == (
        "BY-OSIPOVICHI",
        SEEN,
        "datetime",
    )


def test_an_arrival_told_at_a_time_matches_a_passing_train(tmp_path: Path) -> None:
    """The arrival's sighting is the passing train's: same moment, same station."""
    passed = "Сёння а 01:20 праз станцыю Асіповічы праследаваў эшалон з 30 вагонаў."
    reports = load_reports(_export(tmp_path, [_post(600, passed), _post(601, ARRIVALS["be"])]))
    assert [x.seen_at for x in reports.sightings] == [SEEN, SEEN]


def test_without_a_time_the_arrival_keeps_its_local_day(tmp_path: Path) -> None:
    """Negative: no clock time, no sighting; the day is the channel's local day."""
    text = "Сёння на станцыю Асіповічы прыбыў эшалон з 40 вагонаў."
    reports = load_reports(_export(tmp_path, [_post(601, text)]))
    (train,) = reports.shipments
    assert train.expected_arrival is not None
    assert train.expected_arrival.earliest == date(2026, 5, 16)
    assert reports.sightings == []


def test_an_arrival_expected_later_than_the_post_is_no_sighting(tmp_path: Path) -> None:
    """Negative: a time after the post is a plan; its day is still that moment's UTC day."""
    text = "Сегодня в 23:00 на станцию Осиповичи ожидается эшелон из 41 вагона."
    reports = load_reports(_export(tmp_path, [_post(601, text)]))
    (train,) = reports.shipments
    assert train.expected_arrival is not None
    assert train.expected_arrival.earliest == date(2026, 5, 16)  # 20:00 UTC on 16 May
    assert reports.sightings == []


def test_a_text_file_keeps_the_time_as_utc(tmp_path: Path) -> None:
    """A text report has no zone: its clock time is UTC and its day stays."""
    (tmp_path / "a.txt").write_text(
        "---\nsource: Hajun\npublished: 2026-05-16\n---\n" + ARRIVALS["ru"], encoding="utf-8"
    )
    reports = load_reports(tmp_path)
    (train,) = reports.shipments
    assert train.expected_arrival is not None
    assert train.expected_arrival.earliest == date(2026, 5, 16)
    (seen,) = reports.sightings
    assert seen.seen_at == datetime(2026, 5, 16, 1, 20)


def test_each_end_takes_its_own_time(tmp_path: Path) -> None:
    """The departure's time is the one beside its day; the arrival's 18:00 is not it."""
    text = "Вчера в 10:00 эшелон из 40 вагонов вышел из Орши, в 18:00 прибыл в Брест."
    (tmp_path / "a.txt").write_text(
        "---\nsource: Hajun\npublished: 2026-05-16\n---\n" + text, encoding="utf-8"
    )
    reports = load_reports(tmp_path)
    seen = [(x.station.station_id, x.seen_at) for x in reports.sightings]
    assert seen == [("BY-ORSHA", datetime(2026, 5, 15, 10, 0))]


def test_dask_engine_tracks_the_arrival_time_alike(client: Any, tmp_path: Path) -> None:
    from railtrack.engine_dask import track_converted
    from railtrack.network import load_network
    from railtrack.pipeline import track
    from tests._engines import assert_engines_agree

    network = load_network()

    reports = load_reports(
        _export(tmp_path, [_post(601, ARRIVALS["be"]), _post(603, DEPARTURES["ru"])])
    )
    assert_engines_agree(track(reports, network), track_converted(reports, network, client))

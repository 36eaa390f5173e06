"""Trial 19 T8, helper "tfdates": a train only announced as expected is never "likely arrived".

"A military train of 38 cars is expected to arrive in Gomel around March 5, coming
from Bryansk" (published 3 March) showed status "likely arrived" once its window
had passed, although no report says it moved. Such a train is ``expected`` until
the arrival it was expected for has passed, then ``overdue``; a sighting of it, or a
later word that it left, gives it the usual statuses (:mod:`railtrack.tracking`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

from railtrack import columns as C
from railtrack.io import load_reports
from railtrack.network import RailNetwork, load_network
from railtrack.pipeline import track
from railtrack.settings import DEFAULT_SETTINGS
from railtrack.transit import PROBS, TransitModel
from tests._engines import assert_engines_agree
from tests._report_files import write_report

_EXPECTED = [
    (
        "en",
        "A military train of 38 cars is expected to arrive in Gomel around March 5, "
        "coming from Bryansk.",
        "expected",
    ),
    (
        "ru",
        "Около 5 марта в Гомель ожидается прибытие эшелона из 38 вагонов из Брянска.",
        "expected",
    ),
    ("en", "Hajun says a train of 40 cars is due in Gomel on March 5 from Bryansk.", "planned"),
]


@pytest.fixture(scope="module")
def network() -> RailNetwork:
    """The embedded network."""
    return load_network()


def _statuses(folder: Path, network: RailNetwork, as_of: str) -> dict[str, str]:
    result = track(load_reports(folder), network, as_of=as_of)
    ships = result.statuses
    return dict(zip(ships[C.ID], ships[C.STATUS].astype(str), strict=True))


@pytest.mark.parametrize(("lang", "text", "before"), _EXPECTED)
def test_an_announced_train_is_expected_then_overdue(
    tmp_path: Path, network: RailNetwork, lang: str, text: str, before: str
) -> None:
    write_report(tmp_path, f"hedged-{lang}.txt", text, "2026-03-03")
    assert set(_statuses(tmp_path, network, "2026-03-04").values()) == {before}
    assert set(_statuses(tmp_path, network, "2026-03-12").values()) == {"overdue"}


def test_a_train_that_left_and_is_expected_is_moving(tmp_path: Path, network: RailNetwork) -> None:
    text = (
        "A train of 38 cars left Bryansk on March 2 and is expected to arrive in Gomel on March 4."
    )
    write_report(tmp_path, "left.txt", text, "2026-03-03")
    assert set(_statuses(tmp_path, network, "2026-03-12").values()) == {"likely arrived"}


def test_an_expected_train_seen_there_arrived(tmp_path: Path, network: RailNetwork) -> None:
    write_report(tmp_path, "hedged.txt", _EXPECTED[0][1], "2026-03-03")
    seen = "On March 5 a military train of 38 cars arrived in Gomel from Bryansk."
    write_report(tmp_path, "seen.txt", seen, "2026-03-06")
    statuses = _statuses(tmp_path, network, "2026-03-12")
    assert "likely arrived" in statuses.values()
    assert "expected" not in statuses.values()


def test_both_engines_give_expected_alike(
    client: Any, tmp_path: Path, network: RailNetwork
) -> None:
    from railtrack.engine_dask import track_converted

    for lang, text, _ in _EXPECTED:
        write_report(tmp_path / "in", f"hedged-{lang}.txt", text, "2026-03-03")
    reports = load_reports(tmp_path / "in")
    default = track(reports, network, as_of="2026-03-12")
    on_dask = track_converted(reports, network, client, as_of="2026-03-12")
    assert_engines_agree(default, on_dask)
    assert set(on_dask.statuses[C.STATUS].astype(str)) == {"overdue"}


# --- review19 #2 and #3: stale after the longest trip; a departure day only told ---


def _longest_p90_days() -> float:
    model = TransitModel.from_settings(DEFAULT_SETTINGS)
    row = model.transit_quantiles_days([DEFAULT_SETTINGS.longest_trip_km], [1])[0]
    return float(np.interp(0.9, PROBS, row))


def _days_after(day: str, days: float) -> str:
    return str((pd.Timestamp(day) + pd.Timedelta(days=days)).date())


_TOLD_ARRIVAL = [
    (
        "due-en",
        "Hajun says a train of 40 cars is due in Gomel on March 20 from Bryansk.",
        "2026-03-20",
    ),
    (
        "due-ru",
        "20 марта в Гомель ожидается прибытие эшелона из 38 вагонов из Брянска.",
        "2026-03-20",
    ),
    (
        "around-en",
        "A military train of 38 cars is expected to arrive in Gomel around March 5, "
        "coming from Bryansk.",
        "2026-03-06",
    ),
]


@pytest.mark.parametrize(("name", "text", "last"), _TOLD_ARRIVAL)
def test_an_announced_train_is_stale_after_the_longest_trip_past_its_arrival(
    tmp_path: Path, network: RailNetwork, name: str, text: str, last: str
) -> None:
    write_report(tmp_path, f"{name}.txt", text, "2026-03-03")
    longest = _longest_p90_days()
    end = _days_after(last, 1)  # the end of the last day told
    # timed from the arrival told, not from the report's day
    assert set(_statuses(tmp_path, network, _days_after(end, longest - 1)).values()) == {"overdue"}
    assert set(_statuses(tmp_path, network, _days_after(end, longest + 1)).values()) == {"stale"}
    assert set(_statuses(tmp_path, network, "2026-09-01").values()) == {"stale"}


_DEPARTURE_ONLY = [
    ("en", "A military train of 40 cars will leave Bryansk for Gomel on March 5."),
    ("ru", "5 марта из Брянска в Гомель отправится эшелон из 40 вагонов."),
]


@pytest.mark.parametrize(("lang", "text"), _DEPARTURE_ONLY)
def test_a_train_announced_to_leave_on_a_day_is_planned_then_overdue_then_stale(
    tmp_path: Path, network: RailNetwork, lang: str, text: str
) -> None:
    write_report(tmp_path, f"leave-{lang}.txt", text, "2026-03-03")
    longest = _longest_p90_days()
    assert set(_statuses(tmp_path, network, "2026-03-04").values()) == {"planned"}
    assert set(_statuses(tmp_path, network, "2026-03-05").values()) == {"planned"}  # its day
    assert set(_statuses(tmp_path, network, "2026-03-06").values()) == {"overdue"}
    assert set(_statuses(tmp_path, network, "2026-03-12").values()) == {"overdue"}
    before = _days_after("2026-03-06", longest - 1)
    assert set(_statuses(tmp_path, network, before).values()) == {"overdue"}
    after = _days_after("2026-03-06", longest + 1)
    assert set(_statuses(tmp_path, network, after).values()) == {"stale"}


def test_a_train_announced_to_leave_and_arrive_is_expected_between(
    tmp_path: Path, network: RailNetwork
) -> None:
    text = (
        "A military train of 40 cars will leave Bryansk on March 5 and arrive in Gomel on March 9."
    )
    write_report(tmp_path, "both.txt", text, "2026-03-03")
    assert set(_statuses(tmp_path, network, "2026-03-04").values()) == {"planned"}
    assert set(_statuses(tmp_path, network, "2026-03-07").values()) == {"expected"}
    assert set(_statuses(tmp_path, network, "2026-03-12").values()) == {"overdue"}


def test_a_train_that_left_on_the_day_told_is_not_overdue(
    tmp_path: Path, network: RailNetwork
) -> None:
    # negative: a later report says it left; it is moving, never overdue
    write_report(tmp_path, "leave.txt", _DEPARTURE_ONLY[0][1], "2026-03-03")
    left = "On March 5 a military train of 40 cars left Bryansk for Gomel."
    write_report(tmp_path, "left.txt", left, "2026-03-06")
    statuses = set(_statuses(tmp_path, network, "2026-03-06").values())
    assert "overdue" not in statuses
    assert statuses & {"departed", "in transit", "likely arrived"}

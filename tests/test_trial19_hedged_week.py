"""Trial 19 T10 (plot week), helper "tfdates": a hedged window is placed by its middle day.

"в начале марта" (1-10 March 2026) was drawn in the week of 23 February because 1
March is a Sunday: a train's best date (:mod:`railtrack.dating`), and so its week in
``summarize`` and ``plot volumes``, is a window's middle day (the earlier of two),
and a one-day date stays that day.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from railtrack import columns as C
from railtrack.dating import best_dates
from railtrack.io import load_reports
from railtrack.summary import summarize
from tests._report_files import write_report

_HEDGED = [
    ("ru", "В начале марта из Бреста в Барановичи ушёл эшелон из 41 вагона.", "2026-03-02"),
    ("uk", "На початку березня з Бреста до Барановичів вирушив ешелон із 41 вагона.", "2026-03-02"),
    ("en", "In early March a train of 41 cars left Brest for Baranovichi.", "2026-03-02"),
    # one day, a Sunday: its own week (negative case)
    ("en", "On March 1 a train of 41 cars left Brest for Baranovichi.", "2026-02-23"),
]


@pytest.mark.parametrize(("lang", "text", "week"), _HEDGED)
def test_a_hedged_window_is_in_the_week_of_its_middle(
    tmp_path: Path, lang: str, text: str, week: str
) -> None:
    write_report(tmp_path, f"r-{lang}.txt", text, "2026-03-12")
    reports = load_reports(tmp_path)
    table = summarize(reports, by=("period",), freq="W")
    assert table[C.PERIOD].tolist() == [pd.Timestamp(week)]
    # a frame without best dates is placed alike
    frame = summarize(reports.to_frame(), by=("period",), freq="W")
    assert frame[C.PERIOD].tolist() == [pd.Timestamp(week)]


def test_the_middle_of_an_even_window_is_the_earlier_day() -> None:
    ships = pd.DataFrame(
        {
            "id": ["a", "b"],
            "departure_earliest": pd.to_datetime(["2026-03-01", None]),
            "departure_latest": pd.to_datetime(["2026-03-04", "2026-03-04"]),
        }
    )
    assert best_dates(ships)["best_date"].tolist() == [
        pd.Timestamp("2026-03-02"),
        pd.Timestamp("2026-03-04"),
    ]

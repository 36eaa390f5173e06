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
from railtrack.briefing_html import briefing_context
from railtrack.dating import best_dates
from railtrack.io import load_reports
from railtrack.network import load_network
from railtrack.pipeline import track
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


# --- review19 #12: the briefing shows the window as told, not its middle day ---

_TOLD = [
    ("ru", _HEDGED[0][1], "1 Mar 2026 to 10 Mar 2026", "1 Mar 2026", "10 Mar 2026"),
    ("uk", _HEDGED[1][1], "1 Mar 2026 to 10 Mar 2026", "1 Mar 2026", "10 Mar 2026"),
    ("en", _HEDGED[2][1], "1 Mar 2026 to 10 Mar 2026", "1 Mar 2026", "10 Mar 2026"),
    # one day: that day (negative case)
    ("en-day", _HEDGED[3][1], "1 Mar 2026", "1 Mar 2026", "1 Mar 2026"),
]


@pytest.mark.parametrize(("lang", "text", "shown", "start", "end"), _TOLD)
def test_the_briefing_shows_a_hedged_departure_as_told(
    tmp_path: Path, lang: str, text: str, shown: str, start: str, end: str
) -> None:
    write_report(tmp_path, f"r-{lang}.txt", text, "2026-03-12")
    result = track(load_reports(tmp_path), load_network(), as_of="2026-03-12")
    context = briefing_context(result, {})
    (row,) = context["trains"]
    assert row["date"] == shown
    assert row["date_basis"] == "departure"
    assert "5 Mar" not in row["date"]  # the middle day only places it in a week
    assert (context["period_start"], context["period_end"]) == (start, end)


def test_best_dates_give_the_window_told_beside_its_middle() -> None:
    ships = pd.DataFrame(
        {
            "id": ["a", "b", "c"],
            "departure_earliest": pd.to_datetime(["2026-03-01", None, None]),
            "departure_latest": pd.to_datetime(["2026-03-10", "2026-03-04", None]),
            "arrival_earliest": pd.to_datetime([None, None, "2026-03-06"]),
            "arrival_latest": pd.to_datetime([None, None, "2026-03-08"]),
        }
    )
    dates = best_dates(ships, window=True)
    assert dates["best_date"].tolist() == [
        pd.Timestamp(d) for d in ("2026-03-05", "2026-03-04", "2026-03-07")
    ]
    assert dates["best_first"].tolist() == [
        pd.Timestamp(d) for d in ("2026-03-01", "2026-03-04", "2026-03-06")
    ]
    assert dates["best_last"].tolist() == [
        pd.Timestamp(d) for d in ("2026-03-10", "2026-03-04", "2026-03-08")
    ]
    assert "best_first" not in best_dates(ships).columns

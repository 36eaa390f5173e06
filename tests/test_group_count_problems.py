"""A group total its own trains exceed is a problem record naming file and report
(trial F87 part 2: it was a raw ``WARNING railtrack.summary`` log line, in no
problems.csv)."""

from __future__ import annotations

import logging
from pathlib import Path

import pandas as pd

from railtrack import load_network, load_reports
from railtrack.pipeline import track
from railtrack.remainders import group_count_problems

REPORT = """source: Test
published: 2023-03-10

Two military echelons left Slonim for Valuyki. The first, with 45 cars, left on 3 March;
the second, with 38 cars, left on 4 March. In both trains there were a total of 40 cars.
"""


def test_a_group_count_its_trains_exceed_names_file_report_and_counts() -> None:
    ships = pd.DataFrame({"id": ["t1", "t2"], "group": ["g1", "g1"], "cars_total": [45, 38]})
    groups = pd.DataFrame(
        {
            "id": ["g1"],
            "n_trains": [2],
            "cars_total": [40],
            "report": ["r7"],
            "source_file": ["in/r7.txt"],
        }
    )
    (problem,) = group_count_problems(ships, groups)
    assert (problem.path, problem.unit, problem.field) == ("in/r7.txt", "group", "cars_total")
    assert "'g1' of report 'r7'" in problem.message
    assert "carry 83 cars_total" in problem.message
    assert "total of 40" in problem.message


def test_a_group_its_trains_fit_has_no_problem() -> None:
    ships = pd.DataFrame({"id": ["t1"], "group": ["g1"], "cars_total": [30]})
    groups = pd.DataFrame({"id": ["g1"], "n_trains": [2], "cars_total": [86]})
    assert group_count_problems(ships, groups) == []


def test_track_reports_it_as_a_problem_not_a_log_line(tmp_path: Path, caplog) -> None:
    (tmp_path / "g.txt").write_text(REPORT, encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="railtrack"):
        result = track(load_reports(tmp_path), load_network())
    found = [p for p in result.problems if p.unit == "group"]
    assert len(found) == 1
    assert Path(found[0].path).name == "g.txt"
    assert found[0].field == "cars_total"
    assert not [r for r in caplog.records if "more than the group" in r.getMessage()]
    frame = result.problems_frame()
    assert frame["text"].str.contains("g.txt, field 'cars_total': group").any()

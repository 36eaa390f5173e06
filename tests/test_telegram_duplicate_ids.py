"""A message id one Telegram export holds twice is a problem, not a silent loss (trial T7)."""

from __future__ import annotations

import json
from pathlib import Path

from railtrack.io import Problem, load_reports


def _export(path: Path, messages: list[dict[str, object]]) -> Path:
    doc = {"name": "Rail Watch", "type": "public_channel", "id": 77, "messages": messages}
    path.mkdir(parents=True, exist_ok=True)
    (path / "result.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def _timed(problems: list[Problem]) -> list[Problem]:
    """The problems but the one saying these old-style posts (no date_unixtime) are local time."""
    return [p for p in problems if p.field != "date_unixtime"]


RU = "Эшелон из 45 вагонов отправился со станции Осиповичи в Валуйки."
EN = "A train of 30 cars left Orsha for Smolensk on 14 March."


def test_one_export_with_a_message_id_twice_says_so(tmp_path: Path) -> None:
    root = _export(
        tmp_path / "one",
        [
            {"id": 2, "type": "message", "date": "2023-03-08T10:00:00", "text": RU},
            {"id": 2, "type": "message", "date": "2023-03-14T10:00:00", "text": EN},
        ],
    )
    rs = load_reports(root)
    assert list(rs.to_frame()["origin"]) == ["Orsha"]  # the later post, as for two exports
    (problem,) = _timed(rs.problems)
    assert problem.field == "id"
    assert "message id 2 appears twice in this export" in str(problem)
    assert "2023-03-08 10:00" in str(problem)
    assert not any("another export" in reason for reason in rs.skipped)


def test_two_exports_of_one_channel_keep_the_latest_without_a_problem(tmp_path: Path) -> None:
    _export(
        tmp_path / "a",
        [{"id": 2, "type": "message", "date": "2023-03-08T10:00:00", "text": RU}],
    )
    _export(
        tmp_path / "b",
        [
            {
                "id": 2,
                "type": "message",
                "date": "2023-03-08T10:00:00",
                "edited": "2023-03-09T10:00:00",
                "text": RU.replace("45", "46"),
            }
        ],
    )
    rs = load_reports(tmp_path)
    assert list(rs.to_frame()["cars_total"]) == [46]
    assert _timed(rs.problems) == []
    assert any("another export" in reason for reason in rs.skipped)

"""The briefing says when sources are graded F only because no grade was given (trial17 T10).

Every source of trial17's briefing was "(F)": F is what a report without
``reliability`` gets, and railtrack grades no source itself (``data/outlets`` states
no grade with a source, and a grade is never invented). The sources section now
says so and how to give a grade; a briefing whose sources all have grades says nothing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from railtrack.cli import app

runner = CliRunner()

_TEXT = "A train of 30 flat cars arrived at Osipovichi from Orsha on 6 March 2023.\n"


def _report(folder: Path, name: str, header: str) -> None:
    body = f"{header}\n\n{_TEXT}" if header else _TEXT
    (folder / name).write_text(body, encoding="utf-8")


def _briefing(tmp_path: Path, headers: dict[str, str]) -> str:
    reports = tmp_path / "reports"
    reports.mkdir()
    for name, header in headers.items():
        _report(reports, name, header)
    out = tmp_path / "out"
    result = runner.invoke(app, ["track", str(reports), "-o", str(out), "-q"])
    # every report here is whole and its train routes (Orsha - Osipovichi on the
    # embedded network): no input problem, no unrouted train, so exit 0 (review18 #17)
    assert result.exit_code == 0, result.output
    return (out / "report.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "header",
    ["source: Belarusian Hajun", "Источник: Белорусский Гаюн", "source: Zerkalo\nreliability: F"],
)
def test_ungraded_sources_are_said_to_be_f_by_default(header: str, tmp_path: Path) -> None:
    html = _briefing(tmp_path, {"a.txt": header})
    assert 'id="grades-note"' in html
    assert "The source is graded F" in html
    assert "reliability: B" in html  # how to give a grade


@pytest.mark.parametrize("grade_line", ["reliability: B", "Надёжность: C", "Wiarygodność: A"])
def test_graded_sources_get_no_note(grade_line: str, tmp_path: Path) -> None:
    html = _briefing(tmp_path, {"a.txt": f"source: Belarusian Hajun\n{grade_line}"})
    assert 'id="grades-note"' not in html


def test_some_ungraded_sources_are_counted(tmp_path: Path) -> None:
    html = _briefing(
        tmp_path,
        {
            "a.txt": "source: Belarusian Hajun\nreliability: B\npublished: 2023-03-06",
            "b.txt": "source: Nexta\npublished: 2023-03-07",
        },
    )
    assert "1 of the 2 sources is graded F" in html

"""Trial 20 friction: ``--as-of 06.03.2023`` was refused although tables accept DD.MM.YYYY.

A date option reads ``DD.MM.YYYY`` day first, as tables do, and gives what the ISO form
gives; other forms are still refused with a one-line message.
"""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from railtrack.cli import app
from tests._report_files import write_report

runner = CliRunner()


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    write_report(
        folder, "a.txt", "Сёння на станцыю Лунінец прыбыў эшалон з 40 вагонаў.", "2023-03-05"
    )
    write_report(
        folder, "b.txt", "Сёння на станцыю Палонка прыбыў эшалон з 49 вагонаў.", "2023-03-08"
    )
    return folder


def test_a_day_first_as_of_reads_as_the_iso_day(tmp_path: Path) -> None:
    folder = str(_folder(tmp_path))
    dotted = runner.invoke(app, ["status", folder, "--as-of", "06.03.2023", "--json"])
    iso = runner.invoke(app, ["status", folder, "--as-of", "2023-03-06", "--json"])
    assert dotted.exit_code == iso.exit_code
    assert dotted.exit_code in (0, 1)
    assert dotted.stdout == iso.stdout
    assert "2023-03-06" in dotted.stdout


def test_a_slashed_as_of_is_still_refused(tmp_path: Path) -> None:
    """Negative: 06/03/2023 is ambiguous (day or month first): refused, exit 2."""
    result = runner.invoke(app, ["status", str(_folder(tmp_path)), "--as-of", "06/03/2023"])
    assert result.exit_code == 2
    assert "YYYY-MM-DD or DD.MM.YYYY" in result.output

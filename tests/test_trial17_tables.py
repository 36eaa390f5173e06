"""Trial 17, helper "corrections": a CSV with a title line above its header (T10).

"Hajun log, May 2023" above the header row was read as the header: no column named
a report field and every row was lost. The header is the first of the first lines
naming two report fields (:func:`railtrack.io.csv_reader.header_line`); the lines
above it are skipped with one problem that names them, and rows keep their line
numbers in the file.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from railtrack.io import load_reports

_ROWS = {
    ",": "date,from,to,wagons\n2023-05-03,Slonim,Orsha,40\n2023-05-04,Orsha,Smolensk,35\n",
    ";": "дата;откуда;куда;вагонов\n2023-05-03;Слоним;Орша;40\n2023-05-04;Орша;Смоленск;35\n",
}
_ROWS["\t"] = _ROWS[","].replace(",", "\t")

_ABOVE = {
    "a title": ("Hajun log, May 2023\n", 1),
    "two titles and a blank": ("Hajun log\nMay 2023 (our own count)\n\n", 2),
    "a title in Russian": ("Журнал Гаюна; май 2023\n", 1),
}


def _load(tmp_path: Path, text: str) -> tuple[list[int], list[str], list[int]]:
    path = tmp_path / "log.csv"
    path.write_text(text, encoding="utf-8")
    reports = load_reports(path)
    cars = [s.cars.total for s in reports.shipments]
    skipped = [p for p in reports.problems if "above the header" in p.message]
    return cars, [p.message for p in skipped], [p.row for p in skipped]


@pytest.mark.parametrize("delimiter", sorted(_ROWS))
@pytest.mark.parametrize("above", sorted(_ABOVE))
def test_rows_under_a_title_line_are_read(tmp_path: Path, delimiter: str, above: str) -> None:
    title, n = _ABOVE[above]
    cars, said, rows = _load(tmp_path, title + _ROWS[delimiter])
    assert cars == [40, 35]
    assert len(said) == 1  # one problem line names the lines skipped
    assert f"{n} line(s) above the header" in said[0]
    assert title.split("\n")[0][:9] in said[0]
    assert rows == [1]


@pytest.mark.parametrize("delimiter", sorted(_ROWS))
def test_a_blank_line_first_loses_no_row(tmp_path: Path, delimiter: str) -> None:
    cars, said, _ = _load(tmp_path, "\n\n" + _ROWS[delimiter])
    assert cars == [40, 35]
    assert said == []  # nothing but blank lines was skipped


def test_rows_keep_their_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "log.csv"
    path.write_text("Hajun log, May 2023\n" + _ROWS[","], encoding="utf-8")
    reports = load_reports(path)
    assert [s.id.split("-")[0] for s in reports.shipments] == ["row3", "row4"]


def test_a_file_without_a_header_still_says_so(tmp_path: Path) -> None:
    """Negative: no line names report fields: the first line is the header, refused."""
    _, said, _ = _load(tmp_path, "Hajun log, May 2023\nfoo,bar\n1,2\n")
    reports = load_reports(tmp_path / "log.csv")
    assert said == []
    assert not reports.shipments
    assert any("no column gives" in p.message for p in reports.problems)


def test_header_line_reads_no_data_row_as_a_header() -> None:
    from railtrack.io.csv_reader import header_line

    assert header_line(_ROWS[","]) == 0
    assert header_line("Hajun log, May 2023\n" + _ROWS[";"]) == 1
    assert header_line("") == 0

"""A problem message stays one readable line, whatever the input quotes at it."""

from __future__ import annotations

from pathlib import Path

from railtrack import load_reports
from railtrack.io import Problem
from railtrack.io.reportset import MESSAGE_MAX_CHARS


def test_a_huge_cell_is_named_by_its_start_and_length(tmp_path: Path) -> None:
    path = tmp_path / "sheet.csv"
    path.write_text(
        "id,origin,destination,departure,published,source,cars_total\n"
        "good,Orsha,Polonka,2023-03-01,2023-03-02,Sheet,30\n"
        f"bad,Orsha,Polonka,{'9' * 5000},2023-03-02,Sheet,30\n"
        f"worse,Orsha,Polonka,2023-03-01,2023-03-02,Sheet,{'9' * 5000}\n",
        encoding="utf-8",
    )
    reports = load_reports(path)
    assert "good" in {s.id for s in reports.shipments}  # the good row is kept
    texts = [str(p) for p in reports.problems]
    assert len(texts) >= 2
    for text in texts:
        assert len(text) < MESSAGE_MAX_CHARS + 100, text[:200]
        assert "sheet.csv row " in text
    assert any("(5,000 characters)" in t and "field 'departure'" in t for t in texts)


def test_a_long_message_has_its_middle_cut() -> None:
    p = Problem("f.csv", 3, "notes", "x" * 10_000)
    assert len(p.message) < MESSAGE_MAX_CHARS + 40
    assert "characters cut" in p.message
    assert str(p).startswith("f.csv row 3, field 'notes': xxx")


def test_a_cut_message_read_back_is_not_cut_again() -> None:
    """A cut message fits the bound: read back (problems.parquet) it is the same problem."""
    for n in (401, 450, 10_000, 2_000_000):
        once = Problem("f.csv", 3, None, "y" * n)
        assert len(once.message) <= MESSAGE_MAX_CHARS
        assert Problem("f.csv", 3, None, once.message) == once


def test_a_cut_message_is_cut_once() -> None:
    # session 19: the cut message grew past the limit by its marker ("… (3 characters
    # cut) …") and a problem made again from it (a converted folder read back) was cut
    # again: the same problem no longer matched itself
    for n in (401, 404, 424, 1_000, 1_400, 10_000, 123_456):
        p = Problem("f.txt", None, None, "".join(chr(97 + i % 26) for i in range(n)))
        assert len(p.message) <= MESSAGE_MAX_CHARS
        assert Problem(p.path, p.row, p.field, p.message) == p
        assert p.message.startswith("abcdefghij")
        assert "characters cut" in p.message
    short = Problem("f.txt", None, None, "y" * MESSAGE_MAX_CHARS)  # the negative
    assert short.message == "y" * MESSAGE_MAX_CHARS

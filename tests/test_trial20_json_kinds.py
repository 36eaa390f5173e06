"""Trial 20 friction: a JSON file that is no records names what it is in JSON's words.

``null.json`` was "expected a list of records or an object, found NoneType" (a Python
type name); it is "found null" now, and likewise a string, a number or a boolean.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from railtrack.io import load_reports


@pytest.mark.parametrize(
    ("text", "said"),
    [("null", "found null"), ('"x"', "found a string ('x')"), ("5", "found a number (5)"),
     ("true", "found true")],
)  # fmt: skip
def test_a_json_document_that_is_no_records_says_what_it_is(
    tmp_path: Path, text: str, said: str
) -> None:
    path = tmp_path / "doc.json"
    path.write_text(text, encoding="utf-8")
    problems = load_reports(path).problems
    assert any(said in p.message and "doc.json" in p.path for p in problems), problems
    assert not any("NoneType" in p.message for p in problems)


def test_a_list_of_records_is_read() -> None:
    """Negative: nothing to say about a well-formed list."""
    from railtrack.io.json_reader import records_from_document

    records, _ = records_from_document([{"id": "T1"}])
    assert [r.data for r in records] == [{"id": "T1"}]

"""Report text is data wherever railtrack writes it: CSV cells, plots, terminal, GraphML.

Issue 18 points 1 (CSV formula escaping), 4 (mathtext and rich markup) and 16
(GraphML well-formed). The property tests are fuzzing harnesses too: set
``RAILTRACK_FUZZ_EXAMPLES`` (e.g. 20000) to run them longer.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from xml.etree import ElementTree

import pandas as pd
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from railtrack.safetext import (
    FORMULA_STARTS,
    escape_formulas,
    plot_text,
    spreadsheet_cell,
    terminal_text,
    write_csv,
    xml_text,
)

FUZZ = settings(
    max_examples=int(os.environ.get("RAILTRACK_FUZZ_EXAMPLES", "100")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

# The characters each format gives a meaning, mixed with any text at all.
_SPECIAL = [
    "=", "+", "-", "@", "\uff1d", "\uff0b", "\t", "\r", "\n", "\r\n", " ", "\u00a0",
    "\x00", "\x0b", "\x0c", "\x1c", "\x85", "\u2028", "\u2029", '"', ",", ";", "'",
    "\ufeff", "\u200b", "\ud800", "$", "[", "[/]", "\x1b[31m", "<", "&",
]  # fmt: skip
hostile_text = st.lists(
    st.one_of(st.sampled_from(_SPECIAL), st.text(st.characters(codec=None), max_size=6)),
    max_size=8,
).map("".join)
# A pandas (Arrow) string column cannot hold a lone surrogate: text from file names
# is made valid before it reaches a frame (see test_hostile_input.py).
frame_text = hostile_text.map(lambda t: t.encode("utf-8", "replace").decode("utf-8"))


def spreadsheet_rows(path: Path) -> list[list[str]]:
    """Read a CSV as a spreadsheet does: a CR, LF or CRLF outside quotes ends the row."""
    text = path.read_bytes().decode("utf-8")
    for mark in ("\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"):
        assert mark not in text  # some readers end a line here too
    return list(csv.reader(io.StringIO(text, newline=""), strict=True))


def is_formula(cell: str) -> bool:
    """Whether a spreadsheet would run ``cell``: a sign after optional spaces/controls."""
    if cell.startswith("'"):
        return False
    visible = cell.lstrip("".join(chr(c) for c in range(33)) + "\x7f\u00a0\ufeff\u200b\ufffd")
    return visible.startswith(FORMULA_STARTS)


def check_csv(path: Path, frame: pd.DataFrame) -> None:
    rows = spreadsheet_rows(path)
    assert len(rows) == len(frame) + 1, "a value broke a row"
    assert all(len(r) == len(frame.columns) for r in rows), "a value broke a cell"
    bad = [cell for row in rows for cell in row if is_formula(cell)]
    assert not bad, f"formula cells: {bad!r}"


@FUZZ
@given(st.lists(frame_text, min_size=1, max_size=6), frame_text)
@example(["Hajun\r=1+1", " =SUM(A1)", "\t@x", "a\u2028-1"], "=col")
def test_no_value_makes_a_formula_or_breaks_a_row(values: list[str], column: str) -> None:
    frame = pd.DataFrame({"text": values, column or "c": values, "n": range(len(values))})
    frame.columns = ["text", column, "n"] if column not in {"text", "n"} else ["t", "u", "n"]
    with tempfile.TemporaryDirectory() as tmp:
        path = write_csv(frame, Path(tmp) / "x.csv", chunk_rows=2)
        check_csv(path, frame)
        rows = spreadsheet_rows(path)
    # each value reads back as its safe cell: nothing lost but control characters
    assert [r[0] for r in rows[1:]] == [spreadsheet_cell(v) for v in values]


@FUZZ
@given(hostile_text)
def test_a_safe_cell_keeps_the_text_readable(value: str) -> None:
    cell = spreadsheet_cell(value)
    assert not is_formula(cell)
    assert "\r" not in cell
    assert len(cell) >= len(value.replace("\r\n", "\n"))


def test_object_columns_and_categoricals_are_escaped_too() -> None:
    df = pd.DataFrame(
        {
            "sources": [["=1+1", "Hajun"], ("-2",)],
            "route": pd.Categorical(["@SUM", "Orsha"]),
            "when": pd.to_datetime(["2023-03-01", None]),
            "n": [-1, 2],
        }
    )
    out = escape_formulas(df)
    assert out["route"].tolist() == ["'@SUM", "Orsha"]
    assert out["sources"].tolist() == ["['=1+1', 'Hajun']", "('-2',)"]
    assert out["n"].tolist() == [-1, 2]


@FUZZ
@given(hostile_text)
@pytest.mark.filterwarnings("ignore:Glyph .* missing from font")
def test_plot_text_never_parses_as_mathtext(value: str) -> None:
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    try:
        ax.set_title(plot_text(value))
        ax.set_yticks([0], [plot_text(value)])
        fig.canvas.draw()
    finally:
        plt.close(fig)


@FUZZ
@given(hostile_text)
def test_terminal_text_holds_no_control_character(value: str) -> None:
    from rich.console import Console

    shown = terminal_text(value)
    assert not any(ord(c) < 32 and c not in "\t\n" for c in shown)
    assert "\x1b" not in shown
    buf = io.StringIO()
    Console(file=buf, markup=False, emoji=False, highlight=False).print(shown)


@FUZZ
@given(hostile_text)
def test_xml_text_is_well_formed(value: str) -> None:
    import html

    ElementTree.fromstring(f"<a>{html.escape(xml_text(value))}</a>")


# --- through the library and the command line ----------------------------------------------

HOSTILE_RECORDS = [
    {
        "id": "a$x^{$",
        "origin": "Or$sha$",
        "destination": "[/]",
        "departure": "2023-03-01",
        "cars_total": 40,
        "source": "Hajun\r=1+1",
    },
    {
        "id": "[b]x[/b]",
        "origin": "Slonim\x1b[31m",
        "destination": "Matveyev-Kurhan\x0c",
        "departure": "2023-03-02",
        "cars_total": 41,
        "source": " @cmd",
        "relayed_by": "\t-2+3",
        "equipment": '=HYPERLINK("http://x")\n-1',
    },
]


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "railtrack", *args],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        cwd=cwd,
        env={**os.environ, "COLUMNS": "200"},
    )


@pytest.fixture
def hostile_file(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in HOSTILE_RECORDS), encoding="utf-8")
    return path


def test_track_writes_safe_csvs_plots_and_graphml(hostile_file: Path, tmp_path: Path) -> None:
    from railtrack.briefing import write_outputs
    from railtrack.graph_export import to_graphml
    from railtrack.io import load_reports
    from railtrack.network import load_network
    from railtrack.pipeline import track

    result = track(load_reports(hostile_file), load_network(), as_of="2023-03-05")
    written = write_outputs(result, tmp_path / "out")
    csvs = [p for p in written.values() if p.suffix == ".csv"]
    assert len(csvs) >= 8
    for path in csvs:
        check_csv(path, pd.read_csv(path, dtype=str, keep_default_na=False))
    assert "'=1+1" not in written["shipments.csv"].read_text(encoding="utf-8").split("\n")[0]
    graphml = to_graphml(result.graph, tmp_path / "g.graphml")
    ElementTree.parse(graphml)


@pytest.mark.parametrize("command", ["track", "load", "estimate", "summary"])
def test_cli_shows_hostile_text_as_data(hostile_file: Path, tmp_path: Path, command: str) -> None:
    args = [command, str(hostile_file)]
    if command == "track":
        args += ["--out", str(tmp_path / "o"), "--as-of", "2023-03-05"]
    run = _cli(*args, cwd=tmp_path)
    assert run.returncode in (0, 1), run.stderr
    assert "Traceback" not in run.stderr
    assert "\x1b[31m" not in run.stdout
    if command == "load":
        assert "[b]x[/b]" in run.stdout


@pytest.mark.parametrize("kind", ["map", "timeline", "volumes"])
def test_every_plot_draws_hostile_text(hostile_file: Path, tmp_path: Path, kind: str) -> None:
    out = tmp_path / f"{kind}.png"
    args = ["plot", kind, str(hostile_file), "--out", str(out)]
    if kind == "volumes":
        args += ["--by", "source"]
    run = _cli(*args, cwd=tmp_path)
    assert run.returncode in (0, 1), run.stderr
    assert out.read_bytes().startswith(b"\x89PNG")

"""Trial 20 T14: the terminal headline and ``track --json`` count what the briefing counts.

The terminal said "5 trains ..., to Baranovichi-Tsentralnye, ..." where the briefing
said 4 trains and 1 retracted: the headline counted every train listed and named the
destination of the retracted one; and a heading ("праз станцыю Орша ў бок Мінска") was
named as where a train went. Now the headline says the trains counted and those listed
apart, the destinations are the counted trains', and a heading is named "towards ...".
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd
from typer.testing import CliRunner

from railtrack.cli import app
from railtrack.labels import destination_names
from tests._report_files import write_report

runner = CliRunner()


def _ships(**columns: list[Any]) -> pd.DataFrame:
    base: dict[str, list[Any]] = {
        "destination": ["Лунинец", "Баранавічы", "Мінска"],
        "destination_station": ["Luninets", "Baranovichi-Tsentralnye", "Minsk-Passazhirsky"],
        "destination_region": [None, None, None],
    }
    return pd.DataFrame({**base, **columns})


def test_a_retracted_or_hearsay_train_names_no_destination() -> None:
    ships = _ships(retracted_by=[None, "Hajun", None], hearsay=[None, None, "нібыта"])
    assert destination_names(ships) == {"Luninets"}


def test_counted_trains_name_their_destinations() -> None:
    """Negative: nothing retracted, no heading: every destination, by its station."""
    ships = _ships(retracted_by=[None, None, None], destination_heading=[False, False, None])
    assert destination_names(ships) == {
        "Luninets",
        "Baranovichi-Tsentralnye",
        "Minsk-Passazhirsky",
    }


def test_a_heading_is_named_as_one() -> None:
    ships = _ships(destination_heading=[False, False, True])
    assert destination_names(ships) == {
        "Luninets",
        "Baranovichi-Tsentralnye",
        "towards Minsk-Passazhirsky",
    }


def _folder(tmp_path: Path, *, retract: bool) -> Path:
    folder = tmp_path / "in"
    write_report(
        folder,
        "a.txt",
        "Сёння ўначы на станцыю Лунінец прыбыў эшалон з 40 вагонаў са станцыі Асіповічы.",
        "2023-03-10",
    )
    write_report(
        folder,
        "b.txt",
        "Сёння ўначы ў Баранавічы прыбыў эшалон з 36 вагонаў з Бранска.",
        "2023-03-08",
    )
    if retract:
        write_report(
            folder,
            "c.txt",
            "Абвяржэнне: інфармацыя пра эшалон, які нібыта прыбыў у Баранавічы 8 сакавіка, "
            "не пацвердзілася.",
            "2023-03-09",
        )
    return folder


def _track(folder: Path, out: Path) -> tuple[str, dict[str, Any]]:
    text = " ".join(runner.invoke(app, ["track", str(folder), "-o", str(out)]).stdout.split())
    lines = runner.invoke(app, ["track", str(folder), "--json", "-o", str(out)]).stdout
    (run,) = [
        r
        for r in (json.loads(line) for line in lines.splitlines() if line.startswith("{"))
        if r.get("record") == "run"
    ]
    return text, run


def test_the_headline_counts_what_the_briefing_counts(tmp_path: Path) -> None:
    text, run = _track(_folder(tmp_path, retract=True), tmp_path / "o")
    assert "1 train counted, 1 more listed but not counted (1 retracted); of the 2 listed" in text
    assert "to Luninets;" in text
    assert "Baranovichi" not in text.split("to Luninets")[0].rsplit("counted once", 1)[-1]
    assert run["destinations"] == ["Luninets"]
    assert run["n_trains"] == 1


def test_nothing_retracted_the_headline_is_as_before(tmp_path: Path) -> None:
    """Negative: no train apart: "2 trains (...)" and both destinations."""
    text, run = _track(_folder(tmp_path, retract=False), tmp_path / "o")
    assert "2 trains (" in text
    assert "not counted" not in text.split("counted once")[0]
    assert run["destinations"] == ["Baranovichi-Tsentralnye", "Luninets"]

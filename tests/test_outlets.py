"""One outlet under every name it is written with (trial T12).

A channel named in five languages by five relays is one source in the run record, the
console and the briefing, not five independent confirmations.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from railtrack import data_path
from railtrack.cli import app
from railtrack.labels import outlet_names
from railtrack.outlets import outlet_key, outlet_name, reporter_names

HAJUN = ["Belarusian Hajun", "Беларуский Гаюн", "Білоруський Гаюн", "Беларускі Гаюн",
         "Białoruski Hajun"]  # fmt: skip


def _rows() -> list[dict[str, str]]:
    with data_path("outlets", "outlets.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize("row", _rows(), ids=lambda r: r["outlet"])
def test_every_name_of_an_outlet_is_that_outlet(row: dict[str, str]) -> None:
    assert row["evidence"].strip(), "every row says where its names were seen"
    for name in [row["outlet"], *row["names"].split("|")]:
        assert outlet_name(name) == row["outlet"]
        assert outlet_name(f"«{name}»") == row["outlet"]


def test_no_two_outlets_share_a_name_key() -> None:
    keys = [outlet_key(r["outlet"]) for r in _rows()]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize(
    ("a", "b"), [("Зеркало", "Zerkalo"), ("Наша Ніва", "Nasha Niva"), ("Мотолько", "Motolko")]
)
def test_one_name_in_two_scripts_is_one_outlet_without_a_row(a: str, b: str) -> None:
    assert reporter_names([a, b]) == [outlet_name(a)]


def test_different_outlets_stay_apart() -> None:
    names = ["Belarusian Hajun", "Community of Railway Workers of Belarus", "Zerkalo",
             "Radio Racyja", "Onet"]  # fmt: skip
    assert len(reporter_names(names)) == 5


def test_outlet_names_counts_a_channel_written_in_five_languages_once() -> None:
    ships = pd.DataFrame({"source": HAJUN, "relayed_by": [None, "Зеркало", None, None, "Onet"]})
    assert outlet_names(ships) == ["Belarusian Hajun", "Onet", "Zerkalo"]


def test_track_counts_one_channel_named_in_five_languages_as_one_source(tmp_path: Path) -> None:
    texts = [
        "On March 3 a military echelon of 30 cars left Baranovichi for Bryansk.",
        "3 марта из Барановичей в Брянск ушёл воинский эшелон из 30 вагонов.",
        "3 березня з Барановичів до Брянська вирушив військовий ешелон з 30 вагонів.",
        "3 сакавіка з Баранавічаў у Бранск адправіўся вайсковы эшалон з 30 вагонаў.",
        "3 marca pociąg wojskowy z 30 wagonami wyjechał z Baranowicz do Briańska.",
    ]
    (tmp_path / "in").mkdir()
    for i, (source, text) in enumerate(zip(HAJUN, texts, strict=True)):
        (tmp_path / "in" / f"r{i}.txt").write_text(
            f"source: {source}\npublished: 2023-03-0{4 + i}\n\n{text}\n", encoding="utf-8"
        )
    out = str(tmp_path / "o")
    result = CliRunner().invoke(app, ["track", str(tmp_path / "in"), "--json", "-o", out])
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    (run,) = [r for r in rows if r.get("record") == "run"]
    assert run["sources"] == ["Belarusian Hajun"]
    assert run["outlets"] == ["Belarusian Hajun"]
    text = CliRunner().invoke(app, ["track", str(tmp_path / "in"), "-o", out]).stdout
    assert "1 source." in " ".join(text.split())  # the console wraps at its width

"""Tallies are said, never silent; one English train told on two days stays one.

Trains counted over a period ("since February at least 20 echelons") are a tally, not
trains (trial10 T2). Reading them into no shipment must not look like "nothing read":
each tally is a problem line naming the file and the line (or the post) and quoting the
count. English marks another train with its article, so a train referred back to ("The
train was formed ... on May 13") after the day it left stays that train.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

from _extract_helpers import read
from typer.testing import CliRunner

from railtrack.cli import app
from railtrack.io import load_reports

sys.path.insert(0, str(Path(__file__).parent))
from _telegram_exports import Msg, at, chat_object, write_json

RELAY = """source: Belarusian Hajun
published: 2023-03-18

Two more military echelons left Belarus for Russia on March 17.

Since the beginning of February, Hajun has recorded at least 20 echelons leaving Belarus.
"""


def test_a_tally_in_a_text_report_is_a_problem_naming_its_line(tmp_path: Path) -> None:
    path = tmp_path / "relay.txt"
    path.write_text(RELAY, encoding="utf-8")
    reports = load_reports(path)
    notes = [p for p in reports.problems if "tally" in p.message]
    assert [(Path(p.path).name, p.row) for p in notes] == [("relay.txt", 6)]
    assert "'20 echelons'" in notes[0].message
    assert "20 trains or more" in notes[0].message
    assert "not listed as trains" in notes[0].message


def test_a_report_of_a_tally_alone_exits_1_and_says_why(tmp_path: Path) -> None:
    path = tmp_path / "week.txt"
    path.write_text(
        "source: Гаюн\npublished: 2023-03-16\n\nЗа неделю через Беларусь прошло 7 эшелонов.\n",
        encoding="utf-8",
    )
    for command in (["load", str(path)], ["extract", str(path)]):
        result = CliRunner().invoke(app, command)
        text = " ".join(result.output.split())
        assert result.exit_code == 1, command
        assert "week.txt line 4: '7 эшелонов' counts trains over a period" in text


def test_a_tally_in_a_channel_post_is_a_problem_naming_the_post(tmp_path: Path) -> None:
    post = "С начала года из Беларуси в Россию ушло 33 эшелона."
    folder = tmp_path / "tg"
    write_json(
        folder / "ChatExport" / "result.json",
        chat_object([Msg(7, post, when=at(13))], name="Гаюн", chat_id=1754228908),
    )
    reports = load_reports(folder)
    assert reports.shipments == []
    notes = [p for p in reports.problems if "tally" in p.message]
    assert [(p.row, p.unit) for p in notes] == [(7, "message")]
    assert "33 trains" in notes[0].message


def test_a_train_told_without_a_tally_gets_no_tally_line(tmp_path: Path) -> None:
    path = tmp_path / "one.txt"
    path.write_text(
        "source: Гаюн\npublished: 2023-03-16\n\n"
        "15 марта из Орши в Смоленск ушёл эшелон из 30 платформ.\n",
        encoding="utf-8",
    )
    reports = load_reports(path)
    assert len(reports.shipments) == 1
    assert not [p for p in reports.problems if "tally" in p.message]


def test_an_english_train_referred_back_on_an_earlier_day_stays_one_train() -> None:
    result = read(
        "An echelon left the Polonka station yesterday evening, heading for the Luhansk "
        "region. The train was formed at Polonka on the morning of May 13.",
        published=date(2023, 5, 15),
    )
    assert len(result.shipments) == 1
    (train,) = result.shipments
    assert train.departure is not None
    assert train.departure.earliest == date(2023, 5, 14)


def test_a_summary_by_source_gives_one_row_per_outlet(tmp_path: Path) -> None:
    # one channel written in three languages is one source (trial11 T18), as the
    # headline's source count already says
    texts = {
        "pl.txt": (
            "Białoruski Hajun",
            "13 marca z Orszy do Smoleńska wyjechał pociąg, 40 wagonów.",
        ),
        "be.txt": ("Беларускі Гаюн", "14 сакавіка з Гомеля ў Клінцы пайшоў эшалон з 45 вагонаў."),
        "uk.txt": (
            "Білоруський Гаюн",
            "15 березня з Мозиря до Брянська вирушив ешелон, 30 вагонів.",
        ),
        "other.txt": ("Zerkalo", "16 марта из Жлобина в Гомель ушёл эшелон из 38 вагонов."),
    }
    for name, (source, text) in texts.items():
        (tmp_path / name).write_text(
            f"source: {source}\npublished: 2023-03-17\n\n{text}\n", encoding="utf-8"
        )
    result = CliRunner().invoke(app, ["summary", str(tmp_path), "--by", "source", "--json"])
    assert result.exit_code in (0, 1), result.output
    doc = json.loads(result.output[result.output.index("{") :])
    rows = {row["source"]: row["n_trains"] for row in doc["rows"]}
    assert rows == {"Belarusian Hajun": 3, "Zerkalo": 1}

"""The briefing's headline says when some of the trains it counts are undated (trial F123)."""

from __future__ import annotations

from pathlib import Path

from railtrack import load_network, load_reports
from railtrack.briefing_html import briefing_context
from railtrack.pipeline import track

HEADER = "record,id,origin,destination,departure,cars_total,source,published\n"


def _headline(tmp_path: Path, rows: list[str]) -> str:
    log = tmp_path / "log.csv"
    log.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    result = track(load_reports(log), load_network(), as_of="2023-03-10")
    return str(briefing_context(result, {})["headline"])


def test_an_undated_train_is_said_in_the_headline(tmp_path: Path) -> None:
    headline = _headline(
        tmp_path,
        [
            "shipment,row2,Slonim,Matveev-Kurgan,2023-03-02,40,Belarusian Hajun,2023-03-02",
            "shipment,row3,Orsha,Luninets,,30,Belarusian Hajun,",  # a refused or empty date
        ],
    )
    assert headline.startswith("2 trains with 70 cars")
    assert "1 of the 2 is undated: no report gives its date" in headline


def test_a_headline_of_dated_trains_says_nothing_of_dates(tmp_path: Path) -> None:
    headline = _headline(
        tmp_path,
        ["shipment,row2,Slonim,Matveev-Kurgan,2023-03-02,40,Belarusian Hajun,2023-03-02"],
    )
    assert "undated" not in headline

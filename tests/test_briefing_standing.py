"""Trial 17 T5: a retracted train and a hearsay train are marked at their row and counted apart.

A journalist publishes from the briefing: a train its own source retracted ("Абвяржэнне:
... не пацвердзілася") and one told only as hearsay ("allegedly", "якобы", "нібыта",
"rzekomo") stay listed, but their row says so ("retracted by ... on ...", "unconfirmed:
...") and the headline, the facts box, the railhead and week tables and ``track --json``
count them apart (``n_retracted``, ``n_unconfirmed``, ``trains_not_counted``,
``cars_not_counted``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from railtrack import columns as C
from railtrack.briefing import write_outputs
from railtrack.extract import extract_shipments
from railtrack.io import load_reports
from railtrack.network import RailNetwork, load_network
from railtrack.pipeline import track
from tests._engines import assert_engines_agree
from tests._report_files import write_report


@pytest.fixture(scope="module")
def network() -> RailNetwork:
    """The embedded network."""
    return load_network()


_HEARSAY = [
    (
        "en",
        "A train with tanks allegedly arrived in Zhlobin on June 11, about 30 cars.",
        "allegedly",
    ),
    ("en", "Reportedly, a train of 30 cars arrived in Zhlobin on June 11.", "Reportedly"),
    ("ru", "11 июня в Жлобин якобы прибыл эшелон из 30 вагонов.", "якобы"),
    ("uk", "11 червня до Жлобина нібито прибув ешелон з 30 вагонів.", "нібито"),
    ("be", "11 чэрвеня ў Жлобін нібыта прыбыў эшалон з 30 вагонаў.", "нібыта"),
    ("pl", "11 czerwca do Żłobina rzekomo przyjechał skład z 30 wagonami.", "rzekomo"),
]


@pytest.mark.parametrize(("lang", "text", "word"), _HEARSAY)
def test_a_hearsay_train_keeps_its_word(lang: str, text: str, word: str) -> None:
    (ship,) = extract_shipments(text, published="2023-06-12", lang=lang).shipments
    assert ship.hearsay == word
    assert ship.cars.total == 30


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "According to Hajun, a train of 30 cars arrived in Zhlobin on June 11."),
        ("ru", "По данным Гаюна, 11 июня в Жлобин прибыл эшелон из 30 вагонов."),
        ("pl", "Według Hajuna 11 czerwca do Żłobina przyjechał skład z 30 wagonami."),
    ],
)
def test_a_named_source_is_no_hearsay(lang: str, text: str) -> None:
    (ship,) = extract_shipments(text, published="2023-06-12", lang=lang).shipments
    assert ship.hearsay is None


def _inputs(folder: Path) -> Path:
    write_report(
        folder,
        "a-told.txt",
        "Нібыта ўчора ўвечары на станцыю Орша прыбыў эшалон з тэхнікай, каля 25 вагонаў.",
        "2023-06-11",
    )
    write_report(
        folder,
        "b-retraction.txt",
        "Абвяржэнне: інфармацыя пра эшалон, які нібыта прыбыў 10 чэрвеня ў Оршу, не пацвердзілася.",
        "2023-06-12",
    )
    write_report(
        folder,
        "c-alleged.txt",
        "A train with tanks allegedly arrived in Zhlobin on June 11, about 30 cars.",
        "2023-06-12",
        source="Nexta",
    )
    write_report(
        folder,
        "d-told.txt",
        "Сегодня утром на станцию Осиповичи прибыл эшелон из 44 вагонов из Орши.",
        "2023-06-12",
        source="Белорусский Гаюн",
    )
    return folder


def test_the_retracted_train_is_marked_when_loaded(tmp_path: Path) -> None:
    reports = load_reports(_inputs(tmp_path / "in"))
    marked = {s.id: s for s in reports.shipments}
    told = marked["a-told-t1"]
    assert told.retracted_by == "Беларускі Гаюн"
    assert str(told.retracted_on) == "2023-06-12"
    assert marked["d-told-t1"].retracted_by is None
    frame = reports.to_frame().set_index(C.ID)
    assert frame.loc["a-told-t1", C.RETRACTED_BY] == "Беларускі Гаюн"
    assert frame.loc["c-alleged-t1", C.HEARSAY] == "allegedly"
    assert frame[C.HEARSAY].isna().loc["d-told-t1"]


def test_retracted_and_unconfirmed_trains_are_counted_apart(
    tmp_path: Path, network: RailNetwork
) -> None:
    result = track(load_reports(_inputs(tmp_path / "in")), network)
    head = result.headline()
    assert head["shipments"] == 3  # all listed
    assert head["trains"] == 1  # the Osipovichi train alone is counted
    assert head["cars_total"] == 44
    assert head["n_retracted"] == 1
    assert head["n_unconfirmed"] == 1  # the retracted hearsay train is not counted twice
    assert head["trains_not_counted"] == 2
    assert head["cars_not_counted"] == 55
    railheads = result.summaries["by_railhead"].set_index(C.DESTINATION)
    assert railheads.loc["Orsha-Tsentralnaya", C.TRAINS] == 0
    assert railheads.loc["Orsha-Tsentralnaya", C.TRAINS_NOT_COUNTED] == 1
    assert railheads.loc["Orsha-Tsentralnaya", C.CARS_NOT_COUNTED] == 25
    assert railheads.loc["Osipovichi-I", C.TRAINS] == 1
    assert railheads.loc["Osipovichi-I", C.TRAINS_NOT_COUNTED] == 0

    written = write_outputs(result, tmp_path / "out")
    page = Path(written["report.html"]).read_text(encoding="utf-8")
    assert "retracted by Беларускі Гаюн on 12 Jun 2023" in page
    assert "unconfirmed: &#34;allegedly&#34;" in page or 'unconfirmed: "allegedly"' in page
    assert "1 train with 44 cars reported moving" in page
    assert "2 more trains are listed but not counted: 1 retracted" in page
    assert "+1 not counted (retracted or unconfirmed), 25 cars" in page


def test_nothing_is_set_apart_without_doubt(tmp_path: Path, network: RailNetwork) -> None:
    folder = tmp_path / "in"
    write_report(
        folder,
        "d-told.txt",
        "Сегодня утром на станцию Осиповичи прибыл эшелон из 44 вагонов из Орши.",
        "2023-06-12",
    )
    head = track(load_reports(folder), network).headline()
    assert (head["trains"], head["n_retracted"], head["n_unconfirmed"]) == (1, 0, 0)
    assert head["cars_not_counted"] == 0


def test_both_engines_count_apart_alike(client: Any, tmp_path: Path, network: RailNetwork) -> None:
    from railtrack.engine_dask import track_converted

    reports = load_reports(_inputs(tmp_path / "in"))
    default = track(reports, network)
    on_dask = track_converted(reports, network, client)
    assert_engines_agree(default, on_dask)
    assert on_dask.headline()["trains_not_counted"] == 2

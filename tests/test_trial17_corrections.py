"""Trial 17, helper "corrections": a count correction that names no train is no train.

F4: "Удакладненне: было 33 вагоны, а не 31" when no train of 31 cars was told, or
"не из 30, а из 33" when two trains of 30 were, became a new train, silently: the
cars were counted twice. A report that only corrects (its train carries the new count,
never the old) and names no train, or several, is no train: a problem names the
report and why (:func:`railtrack.recounts.correction_links`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from railtrack.io import load_reports
from railtrack.network import RailNetwork, load_network
from railtrack.pipeline import track
from tests._engines import assert_engines_agree
from tests._report_files import write_report as _write


@pytest.fixture(scope="module")
def network() -> RailNetwork:
    """The embedded network."""
    return load_network()


# one train of 30 cars passing Zhlobin, then a correction of a count no train carries
_NO_TRAIN = {
    "be": (
        "Сёння праз Жлобін у бок Гомеля прайшоў эшалон з 30 цыстэрнамі паліва.",
        "Удакладненне: у эшалоне, які ўчора прайшоў праз Жлобін, было 33 вагоны, а не 31.",
    ),
    "ru": (
        "Сегодня через Жлобин в сторону Гомеля прошёл эшелон с 30 цистернами топлива.",
        "Уточнение: эшелон, который вчера прошёл через Жлобин, состоял не из 26, а из 28 вагонов.",
    ),
    "uk": (
        "Сьогодні через Жлобин у бік Гомеля пройшов ешелон із 30 цистернами пального.",
        "Уточнення: в ешелоні, який учора пройшов через Жлобин, було 35 вагонів, а не 32.",
    ),
    "pl": (
        "Dziś przez Żłobin w kierunku Homla przejechał pociąg z 30 cysternami paliwa.",
        "Sprostowanie: w pociągu, który wczoraj przejechał przez Żłobin, było 36 wagonów, "
        "a nie 34.",
    ),
    "en": (
        "Today a train with 30 tank cars of fuel passed Zhlobin towards Gomel.",
        "Correction: the train that passed Zhlobin yesterday had 41 cars, not 40.",
    ),
}

# two trains of 30 cars passing Zhlobin, then a correction of "30": which one?
_SEVERAL = {
    "ru": (
        "Сегодня через Жлобин в сторону Гомеля прошёл эшелон из 30 вагонов. Через час "
        "через Жлобин прошёл ещё один эшелон из 30 вагонов.",
        "Уточнение: эшелон, который вчера прошёл через Жлобин, состоял не из 30, а из 33 вагонов.",
    ),
    "be": (
        "Сёння праз Жлобін у бок Гомеля прайшоў эшалон з 30 вагонаў. Праз гадзіну праз "
        "Жлобін прайшоў яшчэ адзін эшалон з 30 вагонаў.",
        "Удакладненне: у эшалоне, які ўчора прайшоў праз Жлобін, было 33 вагоны, а не 30.",
    ),
}


def _told(folder: Path, first: str, fix: str) -> Path:
    _write(folder, "a.txt", first, "2023-05-15", source="Hajun")
    _write(folder, "b.txt", fix, "2023-05-16", source="Hajun")
    return folder


def _said(result: Any) -> list[str]:
    return [p.message for p in result.problems if "corrects a count" in p.message]


@pytest.mark.parametrize("key", sorted(_NO_TRAIN))
def test_a_correction_of_no_train_is_no_train(
    tmp_path: Path, network: RailNetwork, key: str
) -> None:
    result = track(load_reports(_told(tmp_path, *_NO_TRAIN[key])), network)
    head = result.headline()
    assert (head["shipments"], head["cars_total"]) == (1, 30)
    assert head["n_relays"] == 0  # the correction retold no train
    assert result.shipments["report"].tolist() == ["a"]
    (said,) = _said(result)
    assert "report 'b'" in said
    assert "no train of" in said
    assert "not counted" in said
    assert set(result.sightings["shipment"]) <= set(result.shipments["id"])


@pytest.mark.parametrize("key", sorted(_SEVERAL))
def test_a_correction_of_several_trains_is_no_train(
    tmp_path: Path, network: RailNetwork, key: str
) -> None:
    result = track(load_reports(_told(tmp_path, *_SEVERAL[key])), network)
    head = result.headline()
    assert (head["shipments"], head["cars_total"]) == (2, 60)
    (said,) = _said(result)
    assert "several trains of 30 cars" in said
    assert "which one" in said
    assert "report 'b'" in said


def test_a_report_correcting_its_own_count_is_still_a_train(
    tmp_path: Path, network: RailNetwork
) -> None:
    """Negative: a report that tells the old count and corrects it tells its own train."""
    _write(tmp_path, "a.txt", "Сегодня через Жлобин прошёл эшелон из 20 вагонов.", "2023-05-15")
    own = "Эшелон из 40 вагонов прошёл через Оршу. Поправка: вагонов было не 40, а 44."
    _write(tmp_path, "b.txt", own, "2023-05-16")
    result = track(load_reports(tmp_path), network)
    assert sorted(result.shipments["cars_total"].tolist()) == [20, 44]
    assert not _said(result)


def test_a_correction_of_one_train_still_corrects_it(tmp_path: Path, network: RailNetwork) -> None:
    """Negative: one train of the old count is corrected, no problem of no train."""
    first, fix = _SEVERAL["ru"]
    _write(tmp_path, "a.txt", first.split(". ")[0] + ".", "2023-05-15", source="Hajun")
    _write(tmp_path, "b.txt", fix, "2023-05-16", source="Hajun")
    result = track(load_reports(tmp_path), network)
    assert result.relays["matched_on"].tolist() == ["correction"]
    assert result.shipments["cars_total"].tolist() == [33]
    assert not _said(result)


def test_dask_engine_drops_the_same_corrections(
    client: Any, tmp_path: Path, network: RailNetwork
) -> None:
    from railtrack.engine_dask import track_converted

    _told(tmp_path / "in", *_SEVERAL["ru"])
    _write(tmp_path / "in", "c.txt", _NO_TRAIN["be"][1], "2023-05-16", source="Hajun")
    reports = load_reports(tmp_path / "in")
    default = track(reports, network)
    on_dask = track_converted(reports, network, client)
    assert_engines_agree(default, on_dask)
    assert default.headline()["shipments"] == 2
    assert len(_said(default)) == 2
    assert sorted(p.message for p in default.problems) == sorted(
        p.message for p in on_dask.problems
    )

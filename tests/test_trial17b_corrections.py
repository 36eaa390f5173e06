"""Trial 17b T7 and review17 #9: a correction changes only what it corrects.

T7: "Уточнение: эшелон, прибывший вчера в Лунинец, насчитывал не 38, а 42 вагона" took
the correcting report's whole set of counts, so the train's "2 пассажирских" was lost
(42 cars, passenger None). A correction of the total replaces the total; one of a car
kind replaces that kind and leaves the total; a later report of the same teller still
replaces the whole set (:func:`railtrack.relay_facts.with_linked_facts`).

review17 #9: whether a report only corrects an earlier one was read from its note's
wording (" of an earlier report"); it is the ``corrects_only`` field now.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from railtrack.extract import extract_shipments
from railtrack.io import load_reports
from railtrack.network import RailNetwork, load_network
from railtrack.pipeline import track
from railtrack.recounts import NO_TRAIN, correction_links
from railtrack.settings import DEFAULT_SETTINGS
from tests._engines import assert_engines_agree
from tests._report_files import write_report as _write


@pytest.fixture(scope="module")
def network() -> RailNetwork:
    """The embedded network."""
    return load_network()


# a train of 38 cars, 2 of them passenger cars; a later post corrects the total to 42
_TOTAL = {
    "ru": (
        "Вчера вечером в Лунинец прибыл воинский эшелон из 38 вагонов, среди них 2 пассажирских.",
        "Уточнение: эшелон, прибывший вчера в Лунинец, насчитывал не 38, а 42 вагона.",
    ),
    "uk": (
        "Учора ввечері до Лунинця прибув військовий ешелон із 38 вагонів, серед них 2 "
        "пасажирських.",
        "Уточнення: ешелон, що прибув учора до Лунинця, мав не 38, а 42 вагони.",
    ),
    "be": (
        "Учора ўвечары ў Лунінец прыбыў вайсковы эшалон з 38 вагонаў, сярод іх 2 пасажырскія.",
        "Удакладненне: у эшалоне, які прыбыў учора ў Лунінец, было 42 вагоны, а не 38.",
    ),
    "pl": (
        "Wczoraj wieczorem do Łunińca przybył eszelon wojskowy z 38 wagonami, w tym 2 "
        "pasażerskimi.",
        "Sprostowanie: w pociągu, który przybył wczoraj do Łunińca, było 42 wagony, a nie 38.",
    ),
    "en": (
        "Yesterday evening a military train of 38 cars, including 2 passenger cars, arrived "
        "in Luninets.",
        "Correction: the train that arrived in Luninets yesterday had 42 cars, not 38.",
    ),
}


def _pair(folder: Path, first: str, fix: str) -> Path:
    _write(folder, "a.txt", first, "2026-05-20", source="Hajun")
    _write(folder, "b.txt", fix, "2026-05-21", source="Hajun")
    return folder


@pytest.mark.parametrize("lang", sorted(_TOTAL))
def test_a_corrected_total_keeps_the_passenger_cars(
    tmp_path: Path, network: RailNetwork, lang: str
) -> None:
    result = track(load_reports(_pair(tmp_path, *_TOTAL[lang])), network)
    assert result.shipments["report"].tolist() == ["a"]
    (row,) = result.shipments.to_dict("records")
    assert (row["cars_total"], row["cars_passenger"]) == (42, 2)
    head = result.headline()
    assert (head["cars_total"], head["cars_passenger"]) == (42, 2)
    assert str(row["arrival_earliest"])[:10] == "2026-05-19"
    assert row["destination_station_id"] == "BY-LUNINETS"


def test_a_corrected_car_kind_keeps_the_total_and_the_other_kinds(
    tmp_path: Path, network: RailNetwork
) -> None:
    _write(
        tmp_path,
        "a.txt",
        "Сегодня через Жлобин прошёл эшелон из 40 вагонов, из них 30 цистерн и 2 пассажирских.",
        "2026-05-20",
        source="Hajun",
    )
    fix = "Уточнение: в эшелоне, который вчера прошёл через Жлобин, было не 30, а 33 цистерны."
    _write(tmp_path, "b.txt", fix, "2026-05-21", source="Hajun")
    result = track(load_reports(tmp_path), network)
    (row,) = result.shipments.to_dict("records")
    assert (row["cars_total"], row["cars_tank"], row["cars_passenger"]) == (40, 33, 2)
    assert result.headline()["cars_total"] == 40
    assert any("cars_tank 33, not 30: 33 taken" in p.message for p in result.problems)


def test_a_later_report_of_the_teller_still_replaces_the_whole_count(
    tmp_path: Path, network: RailNetwork
) -> None:
    """Negative: no correction cue, the teller's later post: its counts, as before."""
    _write(
        tmp_path,
        "a.txt",
        "Вчера вечером в Лунинец прибыл эшелон из 38 вагонов, среди них 2 пассажирских.",
        "2026-05-20",
        source="Hajun",
    )
    _write(
        tmp_path,
        "b.txt",
        "Позавчера вечером в Лунинец прибыл эшелон из 42 вагонов.",
        "2026-05-21",
        source="Hajun",
    )
    result = track(load_reports(tmp_path), network)
    (row,) = result.shipments.to_dict("records")
    assert row["cars_total"] == 42
    assert pd.isna(row["cars_passenger"])


def test_dask_engine_keeps_what_a_correction_does_not_touch(
    client: Any, tmp_path: Path, network: RailNetwork
) -> None:
    from railtrack.engine_dask import track_converted

    reports = load_reports(_pair(tmp_path / "in", *_TOTAL["ru"]))
    default = track(reports, network)
    on_dask = track_converted(reports, network, client)
    assert_engines_agree(default, on_dask)
    assert on_dask.shipments[["cars_total", "cars_passenger"]].values.tolist() == [[42, 2]]


# -- review17 #9: the flag is a field, not the note's wording ----------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "Уточнение: эшелон, прибывший вчера в Лунинец, насчитывал не 38, а 42 вагона."),
        ("be", "Удакладненне: у эшалоне, які ўчора прайшоў праз Жлобін, было 33 вагоны, а не 31."),
        ("en", "Correction: the train that passed Zhlobin yesterday had 41 cars, not 40."),
    ],
)
def test_a_report_that_only_corrects_is_flagged(lang: str, text: str) -> None:
    (train,) = extract_shipments(text, published="2026-05-21", lang=lang).shipments
    assert train.corrects_only is True
    assert "count corrected" in str(train.note)  # kept for people


def test_a_report_correcting_its_own_train_is_not_flagged() -> None:
    text = "Эшелон из 40 вагонов прошёл через Оршу. Поправка: вагонов было не 40, а 44."
    (train,) = extract_shipments(text, published="2026-05-21", lang="ru").shipments
    assert (train.cars.total, train.corrects_only) == (44, False)


def _unmatched(note: str, flag: bool | None) -> pd.DataFrame:
    """One correcting train (33, not 31) that names no train of 31 cars."""
    return pd.DataFrame(
        {
            "id": ["a-t1", "b-t1"],
            "report": ["a", "b"],
            "source": ["Hajun", "Hajun"],
            "published": ["2023-05-15", "2023-05-16"],
            "origin_station_id": [None, None],
            "destination_station_id": ["BY-GOMEL", None],
            "via_station_ids": ["BY-ZHLOBIN", "BY-ZHLOBIN"],
            "departure_earliest": [None, None],
            "departure_latest": [None, None],
            "arrival_earliest": [None, None],
            "arrival_latest": [None, None],
            "cars_total": [30, 33],
            "note": [None, note],
            "corrects_only": pd.array([False, flag], dtype="boolean"),
        }
    )


def test_the_flag_decides_and_the_note_wording_does_not() -> None:
    said = "count corrected: 33, not 31 (33, а не 31)"
    flagged = correction_links(_unmatched(said, True), [], DEFAULT_SETTINGS)
    assert flagged == [(1, -1, NO_TRAIN)]  # no train of 31: the correction is no train
    # the note reworded for people, the flag still set: the same answer
    reworded = correction_links(
        _unmatched(f"{said}; see the earlier post", True), [], DEFAULT_SETTINGS
    )
    assert reworded == [(1, -1, NO_TRAIN)]
    # the old suffix in a note (a comment column), no flag: a train of its own
    suffix = correction_links(
        _unmatched(f"{said} of an earlier report", False), [], DEFAULT_SETTINGS
    )
    assert suffix == []
    assert correction_links(_unmatched(said, None), [], DEFAULT_SETTINGS) == []


def test_the_flag_is_a_shipment_column_and_round_trips(tmp_path: Path) -> None:
    fix = "Уточнение: эшелон, прибывший вчера в Лунинец, насчитывал не 38, а 42 вагона."
    _write(tmp_path, "b.txt", fix, "2026-05-21", source="Hajun")
    frame = load_reports(tmp_path).to_frame()
    assert frame["corrects_only"].tolist() == [True]
    assert "of an earlier report" in frame["note"].iat[0]

"""Trial 17 T6: a train seen passing whose unloading is awaited, and the post kept when linked.

"... в направлении Лунинца проследовал воинский эшелон из 42 вагонов ... Ожидается
разгрузка в Лунинце.": the train was SIGHTED passing; only its unloading is expected,
at the place it was heading. Its claim is ``sighted`` and Luninets a heading, in every
language, as the Polish relay read it. When a relay and the channel's own post are
linked, the train kept cites the channel's post (first-hand), not the relay.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from railtrack.extract import extract_shipments
from railtrack.io import load_reports
from railtrack.network import RailNetwork, load_network
from railtrack.pipeline import track
from tests._report_files import write_report


@pytest.fixture(scope="module")
def network() -> RailNetwork:
    """The embedded network."""
    return load_network()


_PASSED_AWAITED = [
    (
        "ru",
        "Ночью 9 июня через станцию Барановичи-Полесские в направлении Лунинца проследовал "
        "эшелон из 38 вагонов, из них 20 платформ с техникой. Ожидается разгрузка в Лунинце.",
    ),
    (
        "uk",
        "Вночі 9 червня через станцію Барановичі-Поліські в напрямку Лунинця проїхав ешелон "
        "з 38 вагонів. Очікується розвантаження в Лунинці.",
    ),
    (
        "be",
        "Уначы 9 чэрвеня праз станцыю Баранавічы-Палескія ў кірунку Лунінца праехаў эшалон "
        "з 38 вагонаў. Чакаецца разгрузка ў Лунінцы.",
    ),
    (
        "pl",
        "W nocy 9 czerwca przez stację Baranowicze Poleskie w kierunku Łunińca przejechał skład "
        "z 38 wagonów. Oczekiwany jest rozładunek w Łunińcu.",
    ),
    (
        "en",
        "On the night of 9 June a train of 38 cars passed through Baranovichi-Polesskie towards "
        "Luninets. Unloading is expected in Luninets.",
    ),
]


@pytest.mark.parametrize(("lang", "text"), _PASSED_AWAITED)
def test_a_train_seen_passing_is_sighted_and_heading(
    lang: str, text: str, network: RailNetwork
) -> None:
    (ship,) = extract_shipments(text, published="2023-06-10", lang=lang, network=network).shipments
    assert ship.claim == "sighted"
    assert ship.destination is not None
    assert ship.destination.station == "Luninets"
    assert ship.destination_heading
    assert [v.station for v in ship.via] == ["Baranovichi-Polesskiye"]
    assert ship.cars.total == 38


@pytest.mark.parametrize(
    ("lang", "text", "station"),
    [
        # another place awaited than the one it was heading: read as before (the goal)
        (
            "ru",
            "Ночью 9 июня через станцию Барановичи-Полесские в направлении Лунинца проследовал "
            "эшелон из 38 вагонов. Ожидается разгрузка в Пинске.",
            "Pinsk",
        ),
        # an arrival awaited on a day: a told expectation, as before
        (
            "ru",
            "Ночью 9 июня через станцию Барановичи-Полесские проследовал эшелон из 38 вагонов. "
            "Ожидается, что 11 июня он прибудет в Лунинец.",
            "Luninets",
        ),
    ],
)
def test_an_expectation_that_tells_more_is_kept(
    lang: str, text: str, station: str, network: RailNetwork
) -> None:
    (ship,) = extract_shipments(text, published="2023-06-10", lang=lang, network=network).shipments
    assert ship.claim == "expected"
    assert ship.destination is not None
    assert ship.destination.station == station
    assert not ship.destination_heading


def test_the_channels_own_post_is_kept_over_its_relay(tmp_path: Path, network: RailNetwork) -> None:
    folder = tmp_path / "in"
    # the relay's file name sorts first and it is published the same day
    write_report(
        folder,
        "belsat-relay.txt",
        "W nocy 9 czerwca przez stację Baranowicze Poleskie w kierunku Łunińca przejechał "
        "skład z 38 wagonów – podaje Biełaruski Hajun.",
        "2023-06-10",
        source="Biełaruski Hajun",
        relayed_by="Biełsat",
    )
    write_report(folder, "hajun-post.txt", _PASSED_AWAITED[0][1], "2023-06-10")
    result = track(load_reports(folder), network)
    assert result.shipments["id"].tolist() == ["hajun-post-t1"]
    assert result.relays["id"].tolist() == ["belsat-relay-t1"]
    assert result.shipments["relayed_by"].isna().all()

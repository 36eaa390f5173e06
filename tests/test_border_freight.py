"""Border freight stations of the default network, and a report too long to read whole
(trial19 T5, T10)."""

from __future__ import annotations

from pathlib import Path

import pytest

from railtrack import load_network, load_reports
from railtrack.network import RailNetwork
from railtrack.settings import Settings


@pytest.fixture(scope="module")
def net() -> RailNetwork:
    return load_network()


@pytest.mark.parametrize(
    ("name", "station_id"),
    [
        ("Брест-Северный", "BY-BREST-SEVERNY"),
        ("Brest-Severny", "BY-BREST-SEVERNY"),
        ("Брест Северный", "BY-BREST-SEVERNY"),
        ("Brześć Północny", "BY-BREST-SEVERNY"),
        ("Брэст-Паўночны", "BY-BREST-SEVERNY"),
        ("Brest-Vostochny", "BY-BREST-VOSTOCHNY"),
        ("Brześć Wschodni", "BY-BREST-VOSTOCHNY"),
        ("Брэст-Усходні", "BY-BREST-VOSTOCHNY"),
        ("Brześć-Północny", "BY-BREST-SEVERNY"),
        ("Брузги", "BY-BRUZGI"),
        ("Bruzgi", "BY-BRUZGI"),
        ("Брузгі", "BY-BRUZGI"),
        ("Гудогай", "BY-GUDOGAI"),
        ("Kena", "LT-KENA"),
        ("Кена", "LT-KENA"),
        ("Kaišiadorys", "LT-KAISIADORYS"),
    ],
)
def test_border_freight_stations_resolve(net: RailNetwork, name: str, station_id: str) -> None:
    r = net.resolve(name)
    assert r.resolved, r
    assert r.station_id == station_id, r


def test_border_freight_stations_are_on_the_track(net: RailNetwork) -> None:
    assert 10 < net.route("Grodno", "Bruzgi")[0].length_km < 40
    assert net.route("Orsha", "Brest-Severny")[0].length_km < 620
    crossing = net.route("Minsk", "Kena")[0]
    assert 120 < crossing.length_km < 220


@pytest.mark.parametrize("name", ["Брест-Южный", "Минск-Северный", "Brześć Wschodni-2"])
def test_an_unknown_compass_station_of_a_known_town_gives_the_town(
    net: RailNetwork, name: str
) -> None:
    # "Северный" is also a town's name: a compass word after a town is a station of it
    r = net.resolve(name)
    assert r.resolved, r
    assert r.precision == "town", r


def test_two_places_joined_by_a_hyphen_stay_two(net: RailNetwork) -> None:
    assert not net.resolve("Valuyki-Liski").resolved


def test_a_report_longer_than_the_limit_is_cut_at_a_sentence_with_a_problem(
    tmp_path: Path,
) -> None:
    sentence = "Эшелон из 40 вагонов прибыл в Оршу. "
    text = "source: X\npublished: 2026-03-05\n\n" + sentence * 200
    (tmp_path / "long-one-line.txt").write_text(text, encoding="utf-8")
    got = load_reports(tmp_path, settings=Settings(extract_max_report_chars=2_000))
    messages = [p.message for p in got.problems]
    said = [m for m in messages if "extract_max_report_chars" in m]
    assert said, messages
    assert "long-one-line.txt" in said[0]
    assert f"{len(text):,}" in said[0]
    assert got.shipments  # the part read still gives its train
    short = load_reports(tmp_path)  # the default limit reads this whole
    assert not any("extract_max_report_chars" in p.message for p in short.problems)

"""A town's lettered yard parks never tie with its main station (issue 15, session 18).

Russian Railways' code table, as ru-rail carries it, lists a station's parks as the
station's name and one letter ("ЧЕЛЯБИНСК-А", "-Б", "-В", "-Г"), often with no
position. "Челябинск" in a report means the city's main station; the parks used to
score alike with it, so the name stayed unresolved. A lone letter is a park, never a
place of its own, and a name with a different base is still no park of that town.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from railtrack import load_network
from railtrack._translit import base_tokens, name_tokens, role_rank
from railtrack.network import RailNetwork

RU_RAIL = Path(__file__).resolve().parents[2] / "shared" / "datasets" / "ru-rail"


def _write(root: Path) -> Path:
    rows = [
        ("1", "Челябинск-Главный", "55.1406", "61.4178"),
        ("2", "ЧЕЛЯБИНСК-А", "", ""),
        ("3", "ЧЕЛЯБИНСК-Б", "", ""),
        ("4", "ЧЕЛЯБИНСК-В", "", ""),
        ("5", "Вязьма", "55.2060", "34.2920"),
        ("6", "ВЯЗЬМА-Н", "", ""),
        ("7", "Копейск", "55.1160", "61.6250"),
        ("8", "Кубинка I", "55.5780", "36.6960"),
        ("9", "Кубинка II", "55.5900", "36.7400"),
    ]
    root.mkdir()
    lines = ["id,name,lat,lon,country"] + [f"{i},{n},{la},{lo},RU" for i, n, la, lo in rows]
    (root / "stations.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    links = ["source,target,length_km"] + [f"{a},{a + 1},20" for a in range(1, 9)]
    (root / "links.csv").write_text("\n".join(links) + "\n", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def parks(tmp_path_factory: pytest.TempPathFactory) -> RailNetwork:
    return load_network(_write(tmp_path_factory.mktemp("net") / "parks"))


@pytest.mark.parametrize(
    ("written", "station_id"),
    [("Челябинск", "1"), ("Челябинска", "1"), ("Chelyabinsk", "1"), ("Вязьма", "5"),
     ("Вязьмы", "5")],
)  # fmt: skip
def test_a_bare_town_name_is_its_main_station_not_a_park(
    parks: RailNetwork, written: str, station_id: str
) -> None:
    r = parks.resolve(written)
    assert r.resolved, (written, r.note, r.candidates)
    assert r.station_id == station_id


@pytest.mark.parametrize(("written", "station_id"), [("Челябинск-Б", "3"), ("Вязьма-Н", "6")])
def test_a_park_written_with_its_letter_is_that_park(
    parks: RailNetwork, written: str, station_id: str
) -> None:
    r = parks.resolve(written)
    assert r.resolved, (written, r.note, r.candidates)
    assert r.station_id == station_id


@pytest.mark.parametrize("written", ["Челябинск-Д", "Chelyabinsk-G"])
def test_a_park_the_network_lacks_is_never_another_park(parks: RailNetwork, written: str) -> None:
    """Like Kubinka-1 and Kubinka-2: one letter never fuzzy-matches another park."""
    r = parks.resolve(written)
    assert not (r.resolved and r.station_id in {"2", "3", "4"}), (written, r)


def test_a_numbered_station_is_still_found_by_its_number(parks: RailNetwork) -> None:
    """A numbered station ("Кубинка-2") is still found by its number, never its kin."""
    r = parks.resolve("Кубинка-2")
    assert r.resolved
    assert r.station_id == "9"
    assert parks.resolve("Кубинка-1").station_id == "8"


def test_a_letter_is_a_park_only_after_the_name() -> None:
    assert base_tokens(name_tokens("ЧЕЛЯБИНСК-А")) == ["chelyabinsk"]
    assert role_rank(name_tokens("ЧЕЛЯБИНСК-А")) == 2
    assert base_tokens(name_tokens("Б")) == ["b"]  # a name is never emptied
    assert base_tokens(name_tokens("Ust-Kut")) == ["ust", "kut"]


@pytest.mark.skipif(not RU_RAIL.is_dir(), reason="../shared/datasets/ru-rail is absent")
def test_on_ru_rail_a_city_with_lettered_parks_resolves_to_its_main_station() -> None:
    net = load_network(RU_RAIL)
    r = net.resolve("Челябинск")
    assert r.resolved, (r.note, r.candidates)
    assert r.name == "Челябинск-Главный"


def _write_oryol(root: Path) -> Path:
    root.mkdir()
    rows = ["id,name,lat,lon,country", "1,Орёл,52.9650,36.0550,RU", "2,ОРЕЛ-Н,,,RU",
            "3,Семёновка,52.1700,32.5800,RU", "4,Змиёвка,52.6700,36.3600,RU",
            "5,Коренево,51.4100,34.9100,RU", "6,Коренёво,55.6700,38.0000,RU"]  # fmt: skip
    (root / "stations.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    links = "source,target,length_km\n1,2,1\n2,3,300\n1,4,40\n4,5,200\n5,6,600\n"
    (root / "links.csv").write_text(links, encoding="utf-8")
    return root


@pytest.mark.parametrize(
    ("written", "station_id"),
    [("Орел", "1"), ("из Орла", "1"), ("в Орле", "1"), ("Oreł", "1"), ("Семеновка", "3"),
     ("Змиевки", "4"), ("Орёл", "1"), ("Коренево", "5"), ("Коренёво", "6")],
)  # fmt: skip
def test_a_name_written_with_e_for_yo_is_that_place(
    tmp_path_factory: pytest.TempPathFactory, written: str, station_id: str
) -> None:
    """Russian print writes "Орел" for Орёл: never the yard park ОРЕЛ-Н instead.

    A station written with "е" as its own name (Коренево, Kursk oblast) keeps it
    against one with "ё" (Коренёво, Moscow oblast).
    """
    net = load_network(_write_oryol(tmp_path_factory.mktemp("oryol") / "n"))
    r = net.resolve(written)
    assert r.resolved, (written, r.note, r.candidates)
    assert r.station_id == station_id

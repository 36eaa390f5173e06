"""A town on a network without towns resolves to its nearest station (issue 15, session 18).

ru-rail and OpenStreetMap extracts list stations, not towns: ru-rail has
Брянск-Орловский and Брянск-Льговский but no "Брянск", so "из Брянска" used to be the
town Bryansk "outside the network area, no route". A town of the network's countries
within ``Settings.town_snap_km`` of a placed station now resolves to that station at
geo precision ``town`` (a station named after the town first), with the distance in
``snap_km``; a town farther away, or of a country the network lacks, stays off it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from railtrack import load_network
from railtrack.network import RailNetwork
from railtrack.settings import Settings

RU_RAIL = Path(__file__).resolve().parents[2] / "shared" / "datasets" / "ru-rail"

_ROWS = [  # positions as OpenStreetMap has them
    ("1", "Брянск-Льговский", 53.2135, 34.4099),
    ("2", "Брянск-Орловский", 53.2629, 34.4062),
    ("3", "Фасонолитейная", 53.3234, 34.2726),
    ("4", "Ростов-Главный", 47.2183, 39.6904),
    ("5", "Ростов-Западный", 47.2484, 39.6114),
    ("6", "Чичерево", 56.2500, 42.9900),
    ("7", "Бронка", 59.9000, 29.7000),
    ("8", "Самара", 53.1857, 50.1213),
    ("9", "Львово", 56.2000, 40.1000),
]


def _write(root: Path) -> Path:
    root.mkdir()
    lines = ["id,name,lat,lon,country"] + [f"{i},{n},{la},{lo},RU" for i, n, la, lo in _ROWS]
    (root / "stations.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    links = ["source,target,length_km"] + [f"{a},{a + 1},50" for a in range(1, len(_ROWS))]
    (root / "links.csv").write_text("\n".join(links) + "\n", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def bare(tmp_path_factory: pytest.TempPathFactory) -> RailNetwork:
    return load_network(_write(tmp_path_factory.mktemp("net") / "bare"))


@pytest.mark.parametrize(
    ("written", "station_id"),
    [
        ("Брянск", "2"),  # a station named after the town, before a nearer halt of another name
        ("из Брянска", "2"),
        ("Брянске", "2"),
        ("Bryansk", "2"),
        ("Ростов-на-Дону", "4"),
        ("Ростова-на-Дону", "4"),
        ("Rostov-on-Don", "4"),
        ("Мулино", "6"),  # no station of the town's name: the nearest one
    ],
)
def test_a_town_is_its_nearest_station_at_town_precision(
    bare: RailNetwork, written: str, station_id: str
) -> None:
    r = bare.resolve(written)
    assert r.resolved, (written, r.note)
    assert r.station_id == station_id, (written, r.name, r.note)
    assert r.precision == "town"
    assert r.snap_km is not None
    assert 0 <= r.snap_km <= Settings().town_snap_km
    assert "nearest" in r.note


def test_a_near_spelling_of_a_station_never_beats_the_town(bare: RailNetwork) -> None:
    """Бронка is one letter from "Брянка"-like spellings: "из Брянска" is still Bryansk."""
    r = bare.resolve("из Брянска")
    assert r.station_id != "7"


@pytest.mark.parametrize("written", ["Челябинск", "Duisburg"])
def test_a_town_far_from_every_station_stays_off_the_network(
    bare: RailNetwork, written: str
) -> None:
    r = bare.resolve(written)
    assert r.station_id is None, (written, r.name, r.note)


def test_a_town_of_a_country_the_network_lacks_stays_abroad(bare: RailNetwork) -> None:
    """Orsha lies in Belarus; a network of Russia only has no station for it."""
    r = bare.resolve("Орша")
    assert r.station_id is None
    assert r.country == "BY"


def test_the_snap_distance_is_a_setting(tmp_path: Path) -> None:
    net = load_network(_write(tmp_path / "n"), settings=Settings(town_snap_km=1.0))
    assert net.resolve("Мулино").station_id is None


@pytest.mark.skipif(not RU_RAIL.is_dir(), reason="../shared/datasets/ru-rail is absent")
def test_on_ru_rail_bryansk_is_routed() -> None:
    net = load_network(RU_RAIL)
    r = net.resolve("из Брянска")
    assert r.resolved
    assert r.name is not None
    assert r.name.startswith("Брянск-")


@pytest.mark.parametrize("written", ["Самара", "из Самары", "Samara"])
def test_the_station_of_a_city_so_named_is_no_case_form_of_a_smaller_town(
    bare: RailNetwork, written: str
) -> None:
    """ "Самара" is the city's station, not the genitive of Samar (Ukraine, 70,000 people)."""
    r = bare.resolve(written)
    assert r.resolved, (written, r.note)
    assert r.station_id == "8"


def test_a_halt_so_named_still_ties_with_the_larger_city_of_that_case_form(
    bare: RailNetwork,
) -> None:
    """ "Львова" is the halt Львово, or the genitive of Lviv (717,000 people): no lead."""
    r = bare.resolve("Львова")
    assert not r.resolved, r.note


def _write_moscow(root: Path) -> Path:
    """Moscow's stations as ru-rail lists them: one (Курская) joined to no track."""
    rows = [
        ("1", "Москва-Пассажирская-Курская", 55.7570, 37.6610),
        ("2", "Москва-Пассажирская", 55.7770, 37.6550),
        ("3", "Москва-Пассажирская-Павелецкая", 55.7290, 37.6400),
        ("4", "Рижская", 55.7930, 37.6350),
        ("5", "Брянск-Орловский", 53.2629, 34.4062),
    ]
    root.mkdir()
    lines = ["id,name,lat,lon,country"] + [f"{i},{n},{la},{lo},RU" for i, n, la, lo in rows]
    (root / "stations.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    links = "source,target,length_km\n2,4,2\n3,4,8\n4,5,455\n"
    (root / "links.csv").write_text(links, encoding="utf-8")
    return root


@pytest.mark.parametrize("written", ["Москва", "Москвы", "из Москвы", "Moskwy", "Moscow"])
def test_every_case_form_of_a_city_reaches_its_joined_main_station(
    tmp_path_factory: pytest.TempPathFactory, written: str
) -> None:
    """trial18 T6: "Москвы" reached the isolated Курская, so no route; "Москва" routed."""
    net = load_network(_write_moscow(tmp_path_factory.mktemp("moscow") / "n"))
    r = net.resolve(written)
    assert r.resolved, (written, r.note)
    assert r.station_id == "2", (written, r.name, r.note)


def test_a_larger_snap_distance_reads_farther_cells(tmp_path: Path) -> None:
    """review18 #15: a station two grid cells east (45 km at 56 degrees north) is found."""
    root = tmp_path / "far"
    root.mkdir()
    rows = "id,name,lat,lon,country\n1,Дальняя,56.2890,43.6490,RU\n2,Другая,56.9000,44.5000,RU\n"
    (root / "stations.csv").write_text(rows, encoding="utf-8")
    (root / "links.csv").write_text("source,target,length_km\n1,2,90\n", encoding="utf-8")
    assert load_network(root).resolve("Мулино").station_id is None
    r = load_network(root, settings=Settings(town_snap_km=50.0)).resolve("Мулино")
    assert r.station_id == "1", r.note
    assert r.snap_km is not None
    assert 40.0 < r.snap_km < 50.0

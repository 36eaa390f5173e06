"""Tests for railtrack.network: the embedded theatre network and hostile network dirs."""

from __future__ import annotations

import math
import re
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest

from railtrack import columns as C
from railtrack import load_network
from railtrack._data import data_path
from railtrack._regions import read_regions
from railtrack.errors import InputPathError, NetworkError
from railtrack.network import RailNetwork, circuity, haversine_km
from railtrack.settings import DEFAULT_SETTINGS, Settings

CYRILLIC = re.compile(r"[\u0400-\u04ff]")


@pytest.fixture(scope="module")
def net() -> RailNetwork:
    """The theatre network alone (the default network adds the national layer)."""
    return load_network(national=False)


@pytest.fixture(scope="module")
def net_dir(tests_data: Path) -> Path:
    return tests_data / "network"


# --- theatre network integrity ------------------------------------------------------
def test_theatre_size_and_connectivity(net: RailNetwork) -> None:
    assert net.G.number_of_nodes() >= 80
    assert nx.is_connected(net.G)
    assert net.problems == []
    assert net.estimated == {
        "coordinates": 0,
        "coordinates_missing": 0,
        "lengths": 0,
        "lengths_assumed": 0,
    }


def test_theatre_every_link_has_a_plausible_length(net: RailNetwork) -> None:
    for u, v, d in net.G.edges(data=True):
        a, b = net.G.nodes[u], net.G.nodes[v]
        straight = haversine_km(a["lat"], a["lon"], b["lat"], b["lon"])
        assert d["length_km"] > 0, (u, v)
        assert d["length_method"] in {"published", "along_track", "straight_line"}, (u, v)
        assert d["line"], (u, v)
        # Track is never shorter than the straight line (coordinates are rounded to
        # ~1 km) and not wildly longer between neighbouring stations.
        assert straight - 2.0 <= d["length_km"] <= max(2.0 * straight, straight + 5), (u, v)
        if d["length_method"] == "straight_line":
            assert d["length_km"] == pytest.approx(straight * 1.25, abs=0.06)


def test_theatre_stations_are_complete(net: RailNetwork) -> None:
    for n, d in net.G.nodes(data=True):
        assert isinstance(n, str)
        assert d["country"] in {"BY", "RU", "UA"}, n
        assert -90 <= d["lat"] <= 90, n
        assert -180 <= d["lon"] <= 180, n
        assert d["coord_estimated"] is False
        assert CYRILLIC.search(d["name_ru"]), n
        assert not CYRILLIC.search(d["name"]), n
        if n.isdigit():
            assert len(n) == 6, n
            assert d["esr"] == n, n
        else:
            assert re.fullmatch(r"(BY|RU|UA)-[A-Z0-9-]+", n), n
            assert d["esr"] == "", n


def test_theatre_covers_region_and_stays_in_theatre(net: RailNetwork) -> None:
    df = net.stations_frame()
    assert df["lat"].between(46.5, 56.5).all()
    assert df["lon"].between(23.0, 41.0).all()
    assert (df[df["country"] == "UA"]["region"].isin(["Donetsk Oblast", "Luhansk Oblast"])).all()


@pytest.mark.parametrize(
    ("by_side", "ru_side"),
    [("Osinovka", "Krasnoye"), ("Zaolsha", "Rudnya"), ("Zakopytye", "Zlynka")],
)
def test_belarus_russia_crossings(net: RailNetwork, by_side: str, ru_side: str) -> None:
    a, b = net.resolve(by_side).station_id, net.resolve(ru_side).station_id
    assert a is not None
    assert b is not None
    assert net.G.has_edge(a, b)
    assert net.G.nodes[a]["country"] == "BY"
    assert net.G.nodes[b]["country"] == "RU"
    assert net.G.nodes[a]["border"]
    assert net.G.nodes[b]["border"]


@pytest.mark.parametrize(
    ("station_id", "name"),
    [
        ("511103", "Matveev Kurgan"),
        ("511207", "Neklinovka"),
        ("510907", "Uspenskaya"),
        ("585107", "Rossosh"),
        ("138901", "Baranovichi-Polesskiye"),
    ],
)
def test_public_esr_codes_are_ids(net: RailNetwork, station_id: str, name: str) -> None:
    assert net.G.nodes[station_id]["name"] == name
    assert net.G.nodes[station_id]["esr"] == station_id


def test_railheads_flagged(net: RailNetwork) -> None:
    railheads = {n for n, d in net.G.nodes(data=True) if d["railhead"]}
    assert {"511103", "511207", "510907"} <= railheads


ISSUE_STATIONS = [
    "Brest", "Baranovichi", "Slonim", "Lida", "Grodno", "Minsk", "Osipovichi", "Bobruisk",
    "Zhlobin", "Gomel", "Kalinkovichi", "Luninets", "Mogilev", "Orsha", "Vitebsk", "Polotsk",
    "Polonka", "Lesnaya", "Chepino", "Osinovka", "Krasnoye", "Smolensk", "Zlynka", "Unecha",
    "Rudnya", "Bryansk", "Orel", "Kursk", "Belgorod", "Voronezh", "Liski", "Valuyki",
    "Rossosh", "Millerovo", "Likhaya", "Kamenskaya", "Rostov-on-Don", "Taganrog",
    "Matveev Kurgan", "Neklinovka", "Uspenskaya", "Ilovaisk", "Donetsk",
]  # fmt: skip


@pytest.mark.parametrize("name", ISSUE_STATIONS)
def test_issue_stations_present(net: RailNetwork, name: str) -> None:
    r = net.resolve(name)
    assert r.resolved, r
    assert r.station_id is not None, r


def test_regions_file_refers_to_real_stations() -> None:
    net = load_network()  # theatre and national layer: every region has places
    regions = read_regions(data_path("network", "regions.yaml"))
    keys = {r.key for r in regions}
    assert {
        "Belarus",
        "Russia",
        "Rostov region",
        "Donbas",
        "Donetsk region",
        "Luhansk region",
    } <= keys
    # Russian regions without a railway: no station to cover.
    railless = {
        "Altai Republic", "Tuva", "Chukotka", "Magadan region", "Kamchatka Krai",
        "Nenets Autonomous Okrug",
    }  # fmt: skip
    for region in regions:
        assert region.aliases, region.key
        for sid in (*region.report_stations, *region.stations):
            assert sid in net.G, (region.key, sid)
        assert bool(net.gazetteer.region_stations(region.key)) != (region.key in railless), (
            region.key
        )


def test_stations_frame_columns(net: RailNetwork) -> None:
    df = net.stations_frame()
    assert tuple(df.columns) == C.STATION_COLUMNS
    assert len(df) == net.G.number_of_nodes()
    assert (df[C.COMPONENT] == 0).all()
    assert df[C.DEGREE].min() >= 1


def test_summary(net: RailNetwork) -> None:
    s = net.summary()
    assert s["components"] == 1
    assert s["isolated"] == 0
    assert s["stations"] == net.G.number_of_nodes()


# --- loading other networks -----------------------------------------------------------
def test_hostile_rows_become_problems(net_dir: Path) -> None:
    bad = load_network(net_dir / "bad")
    text = "\n".join(map(str, bad.problems))
    # good rows survive
    assert set(bad.G) == {"A", "B", "C", "D", "E", "F"}
    assert bad.G.nodes["A"]["name"] == "Alpha"
    assert "row 5, field 'id': duplicate id 'A'" in text
    assert "row 6, field 'id': empty id" in text
    assert "row 3, field 'lat': 'fifty' is not a number" in text
    assert "row 7, field 'lat': '95.0' is outside" in text
    assert "row 8: only one of lat/lon" in text
    assert "row 4, field 'border': 'maybe'" in text
    assert "row 9, field 'name': empty name" in text
    assert "links.csv row 4, field 'target': unknown station target 'Z'" in text
    assert "links.csv row 5: link from 'A' to itself" in text
    assert "links.csv row 6, field 'length_km': 'abc'" in text
    assert "links.csv row 7, field 'length_km': '-3'" in text
    assert "links.csv row 8, field 'length_method': 'guessed'" in text
    # duplicate A-B link: the shorter length is kept
    assert bad.G.edges["A", "B"]["length_km"] == 35
    assert bad.G.edges["A", "B"]["length_method"] == "along_track"
    # B's coordinates were bad: filled from neighbours; every link got a length
    assert bad.G.nodes["B"]["coord_estimated"] is True
    assert all(d["length_km"] is not None for _, _, d in bad.G.edges(data=True))
    assert bad.estimated["coordinates"] >= 1


def test_missing_required_column_is_a_clear_error(net_dir: Path) -> None:
    with pytest.raises(NetworkError, match=r"stations\.csv: missing required column\(s\) name"):
        load_network(net_dir / "missing_column")


def test_missing_directory(tmp_path: Path) -> None:
    with pytest.raises(InputPathError, match="not found"):
        load_network(tmp_path / "nope")
    (tmp_path / "stations.csv").write_text("id,name\nA,Alpha\n", encoding="utf-8")
    with pytest.raises(InputPathError, match=r"links\.csv"):
        load_network(tmp_path)


def test_not_utf8_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "stations.csv").write_bytes("id,name\nA,Гомель\n".encode("cp1251"))
    (tmp_path / "links.csv").write_text("source,target\n", encoding="utf-8")
    with pytest.raises(NetworkError, match=r"stations\.csv: not UTF-8"):
        load_network(tmp_path)


def test_sparse_coordinates_and_lengths_estimated(net_dir: Path) -> None:
    sparse = load_network(net_dir / "sparse")
    G = sparse.G
    assert (G.nodes["X"]["lat"], G.nodes["X"]["lon"]) == (50.0, 30.0)
    assert (G.nodes["Y"]["lat"], G.nodes["Y"]["lon"]) == (50.0, 31.0)
    assert G.nodes["X"]["coord_estimated"]
    assert not G.nodes["P"]["coord_estimated"]
    straight = haversine_km(50.0, 30.0, 50.0, 31.0)
    total = sum(G.edges[e]["length_km"] for e in [("P", "X"), ("X", "Y"), ("Y", "Q")])
    assert total == pytest.approx(straight * circuity(straight, settings=DEFAULT_SETTINGS))
    assert G.edges["X", "Y"]["length_method"] == "straight_line"
    # U-V: no positions anywhere: the median positive link length, flagged
    assert G.edges["U", "V"]["length_method"] == "assumed"
    assert G.edges["U", "V"]["length_km"] == pytest.approx(G.edges["X", "Y"]["length_km"])
    assert sparse.estimated == {
        "coordinates": 2,
        "coordinates_missing": 2,
        "lengths": 3,
        "lengths_assumed": 1,
    }
    assert any("2 station(s) have no position" in p.message for p in sparse.problems)


def test_components_reported(net_dir: Path) -> None:
    split = load_network(net_dir / "split")
    assert [len(c) for c in split.components] == [3, 2]
    assert split.isolated == frozenset({"3001"})
    df = split.stations_frame()
    assert df.set_index("id").loc["3001", C.COMPONENT] == -1
    # ESR-like numeric ids are kept as strings and read as ESR codes
    assert split.G.nodes["1001"]["esr"] == "1001"


@pytest.mark.parametrize(
    ("straight", "factor"), [(0.0, 1.0), (10.0, 1.05), (25.0, 1.125), (50.0, 1.25), (400.0, 1.25)]
)
def test_circuity_ramp(straight: float, factor: float) -> None:
    assert circuity(straight, settings=DEFAULT_SETTINGS) == pytest.approx(factor)


def test_settings_change_estimates(net_dir: Path) -> None:
    flat = Settings(circuity_factor=1.5, circuity_full_km=1.0)
    G = load_network(net_dir / "sparse", settings=flat).G
    assert G.edges["X", "Y"]["length_km"] == pytest.approx(
        haversine_km(50.0, 30.0, 50.0, 31.0) * 1.5
    )


def test_haversine_known_distance() -> None:
    # One degree of latitude is 111.2 km on the mean-radius sphere.
    assert haversine_km(50.0, 30.0, 51.0, 30.0) == pytest.approx(math.radians(1) * 6371.0088)


def test_ru_rail_loads_with_problems_not_crashes(ru_rail_dir: Path) -> None:
    ru = load_network(ru_rail_dir)
    assert ru.G.number_of_nodes() == 16539
    assert len(ru.components) == 10
    assert ru.estimated["coordinates"] > 1000
    assert ru.estimated["lengths"] + ru.estimated["lengths_assumed"] == ru.G.number_of_edges()
    assert all(d["length_km"] is not None for _, _, d in ru.G.edges(data=True))
    assert ru.G.nodes["511103"]["name"] == "Матвеев Курган"
    assert isinstance(ru.stations_frame(), pd.DataFrame)

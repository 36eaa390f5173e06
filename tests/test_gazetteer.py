"""Tests for railtrack.gazetteer and railtrack._translit: names in any spelling."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from railtrack import columns as C
from railtrack import load_network
from railtrack._regions import Region
from railtrack._translit import base_tokens, name_tokens, skeleton
from railtrack.cli import app
from railtrack.gazetteer import Resolution
from railtrack.models import Place
from railtrack.network import RailNetwork

# Each spelling from the issue, the domain fact sheet and the reports -> theatre id.
SPELLINGS = [
    ("Matveyev-Kurhan", "511103"),
    ("Matveev Kurgan", "511103"),
    ("Матвеев Курган", "511103"),
    ("Matwiejew-Kurhan", "511103"),
    ("Matvieiev Kurhan", "511103"),
    ("MATVEEV-KURGAN station", "511103"),
    ("Nieklinovka", "511207"),
    ("Neklinovka", "511207"),
    ("Neklynivka", "511207"),
    ("Неклиновка", "511207"),
    ("Nieklinowka", "511207"),
    ("Asipovichy", "BY-OSIPOVICHI"),
    ("Osipovichi", "BY-OSIPOVICHI"),
    ("Osipovichi-I", "BY-OSIPOVICHI"),
    ("Осиповичи-1", "BY-OSIPOVICHI"),
    ("Асіповічы", "BY-OSIPOVICHI"),
    ("Homel", "BY-GOMEL"),
    ("Gomel", "BY-GOMEL"),
    ("Homieĺ", "BY-GOMEL"),
    ("st. Gomel", "BY-GOMEL"),
    ("Baranavičy-Palieskija", "138901"),
    ("Baranovichi-Polesskiye", "138901"),
    ("Барановичі-Поліські", "138901"),
    ("Rossosh'", "585107"),
    ("Rossošʹ", "585107"),
    ("Uspenskaâ", "510907"),
    ("Iłowajsk", "UA-ILOVAISK"),
    ("Ilovaysk", "UA-ILOVAISK"),
    ("Krasnoe", "RU-KRASNOYE"),
    ("Червоне", "RU-KRASNOYE"),
    ("Asinaŭka", "BY-OSINOVKA"),
    ("Zakopyt'ye", "BY-ZAKOPYTYE"),
    ("Закопити", "BY-ZAKOPYTYE"),
    ("Slonim railway station", "BY-SLONIM"),
    ("Palonka", "BY-POLONKA"),
    ("Luniniec", "BY-LUNINETS"),
    ("Kalinkavičy", "BY-KALINKOVICHI"),
    ("Rostov-on-Don", "RU-ROSTOV"),
    ("Smolensk", "RU-SMOLENSK"),
]

UNRESOLVED = ["Xyzzyville", "Blorpton Junction", "Qwertyuiop"]

REGIONS = [
    ("Belarus", "Belarus"),
    ("from Belarus", "Belarus"),
    ("Białoruś", "Belarus"),
    ("Беларусь", "Belarus"),
    ("Rostov region", "Rostov region"),
    ("Ростовская область", "Rostov region"),
    ("Donbas", "Donbas"),
    ("Donbass", "Donbas"),
    ("DPR", "Donetsk region"),
    ("ДНР", "Donetsk region"),
    ("LNR", "Luhansk region"),
]


@pytest.fixture(scope="module")
def net() -> RailNetwork:
    """The theatre network alone: its stations and routes are known by hand."""
    return load_network(national=False)


def make_net(stations: list[tuple[str, str, float | None, float | None]]) -> RailNetwork:
    """A network of the given (id, name, lat, lon) stations in a line."""
    G = nx.Graph()
    for sid, name, lat, lon in stations:
        G.add_node(
            sid, name=name, name_ru="", aliases=[], country="RU", region="", lat=lat, lon=lon
        )
    ids = [s[0] for s in stations]
    G.add_edges_from(itertools.pairwise(ids), length_km=10.0)
    return RailNetwork(
        G, regions=[Region(key="Testland", aliases=("Testland",), countries=("RU",))]
    )


# --- skeleton -----------------------------------------------------------------------
@pytest.mark.parametrize(
    "group",
    [
        ["Matveyev-Kurhan", "Matveev Kurgan", "Матвеев Курган", "Matwiejew-Kurhan"],
        ["Nieklinovka", "Neklinovka", "Неклиновка", "Nieklinowka"],
        ["Asipovichy", "Osipovichi", "Асіповічы", "Осиповичи"],
        ["Homel", "Gomel", "Гомель", "Homieĺ", "Gomel'"],
    ],
)
def test_skeleton_merges_spellings(group: list[str]) -> None:
    assert len({skeleton(name) for name in group}) == 1


def test_skeleton_keeps_different_names_apart() -> None:
    assert skeleton("Slonim") != skeleton("Polonka")
    assert skeleton("Orsha") != skeleton("Orel")


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("ст. Осиповичи-I", ["osipovichi", "1"]),
        ("Railway station Slonim", ["slonim"]),
        ("ж/д станция Лида", ["lida"]),
        ("Дачная II", ["dachnaya", "2"]),
    ],
)
def test_name_tokens_strip_noise(text: str, tokens: list[str]) -> None:
    assert name_tokens(text) == tokens


def test_base_tokens_drop_role_suffix() -> None:
    assert base_tokens(name_tokens("Ростов-Главный")) == ["rostov"]
    assert base_tokens(name_tokens("Успенская (эксп.)")) == ["uspenskaya"]
    assert base_tokens(name_tokens("Матвеев Курган")) == ["matveev", "kurgan"]


# --- resolution on the theatre network -------------------------------------------------
@pytest.mark.parametrize(("name", "station_id"), SPELLINGS)
def test_spellings_resolve(net: RailNetwork, name: str, station_id: str) -> None:
    r = net.resolve(name)
    assert r.resolved, r
    assert r.station_id == station_id
    assert r.name == net.G.nodes[station_id]["name"]
    assert r.score >= net.settings.resolve_min_score


@pytest.mark.parametrize("name", UNRESOLVED)
def test_unknown_names_unresolved_with_candidates(net: RailNetwork, name: str) -> None:
    r = net.resolve(name)
    assert not r.resolved
    assert r.station_id is None
    assert r.candidates
    scores = [c[2] for c in r.candidates]
    assert scores == sorted(scores, reverse=True)
    assert all(sid in net.G for sid, _, _ in r.candidates)
    assert "no station scores" in r.note


def test_empty_name_unresolved(net: RailNetwork) -> None:
    r = net.resolve("  --  ")
    assert not r.resolved
    assert r.note == "no letters or digits in name"


def test_station_id_resolves_to_itself(net: RailNetwork) -> None:
    r = net.resolve("511207")
    assert (r.resolved, r.station_id, r.score) == (True, "511207", 100.0)


@pytest.mark.parametrize(("name", "key"), REGIONS)
def test_regions_resolve_to_station_sets(net: RailNetwork, name: str, key: str) -> None:
    r = net.resolve(name)
    assert r.resolved
    assert r.is_region
    assert r.region == key
    assert r.station_id is None
    assert r.region_stations
    assert set(r.report_stations) <= set(r.region_stations)


def test_region_members_follow_data(net: RailNetwork) -> None:
    belarus = net.resolve("Belarus")
    assert {net.G.nodes[s]["country"] for s in belarus.region_stations} == {"BY"}
    assert len(belarus.region_stations) == sum(
        1 for _, d in net.G.nodes(data=True) if d["country"] == "BY"
    )
    donbas = net.resolve("Donbas")
    assert {net.G.nodes[s]["region"] for s in donbas.region_stations} == {
        "Donetsk Oblast",
        "Luhansk Oblast",
    }


def test_resolve_many_frame(net: RailNetwork) -> None:
    df = net.resolve_many(["Homel", "Xyzzyville", "Belarus", "Homel"])
    assert tuple(df.columns) == C.RESOLVE_COLUMNS
    assert df[C.RESOLVED].tolist() == [True, False, True, True]
    assert df[C.STATION_ID].tolist()[0] == "BY-GOMEL"
    assert df[C.REGION].tolist()[2] == "Belarus"
    assert df[C.CANDIDATES].iloc[1]


def test_to_place(net: RailNetwork) -> None:
    place = net.resolve("Matveyev-Kurhan").to_place()
    assert place == Place(
        text="Matveyev-Kurhan",
        station_id="511103",
        station="Matveev Kurgan",
        resolved_score=100.0,
        geo_precision="station",
    )
    region = net.resolve("Belarus").to_place("from Belarus")
    assert region.is_region
    assert region.region == "Belarus"
    assert region.geo_precision == "region"
    assert net.resolve("Xyzzyville").to_place().unresolved
    tie = Resolution(query="Светлогорск", resolved=False, score=100.0)  # namesakes at 100
    assert tie.to_place().unresolved
    assert tie.to_place().resolved_score is None


# --- ambiguity rules on small networks -----------------------------------------------
def test_same_name_far_apart_is_ambiguous() -> None:
    net = make_net([("1", "Красное", 54.68, 31.04), ("2", "Красное", 50.57, 36.52)])
    r = net.resolve("Krasnoye")
    assert not r.resolved
    assert r.note.startswith("ambiguous")
    assert {c[0] for c in r.candidates} == {"1", "2"}


def test_stations_of_one_city_are_not_rivals() -> None:
    net = make_net(
        [
            ("10", "Смоленск-Сортировочный", 54.81, 32.12),
            ("11", "Смоленск-Центральный", 54.80, 32.03),
            ("12", "СМОЛЕНСК (эксп.)", None, None),
        ]
    )
    r = net.resolve("Smolensk")
    assert r.resolved
    assert r.station_id == "11"  # the main station among those of one place
    assert net.resolve("Smolensk-Sort.").station_id == "10"


def test_near_tie_between_different_places_is_ambiguous() -> None:
    net = make_net([("1", "Ивановка", 50.0, 30.0), ("2", "Ивановкa", 55.0, 40.0)])
    assert not net.resolve("Ivanovka").resolved


def test_fuzzy_typo_resolves_when_clear() -> None:
    net = make_net([("1", "Неклиновка", 47.4, 38.9), ("2", "Матвеев Курган", 47.6, 38.9)])
    r = net.resolve("Neklinofka")
    assert r.resolved
    assert r.station_id == "1"
    assert r.score < 100


# --- invariants ------------------------------------------------------------------------
@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=30))
def test_resolving_is_idempotent(net: RailNetwork, text: str) -> None:
    first = net.resolve(text)
    assert net.resolve(text) == first
    if first.resolved and first.station_id is not None:
        again = net.resolve(first.name or "")
        assert again.station_id == first.station_id


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.data(),
    st.sampled_from(["{}", "{} station", "st. {}", "ст. {}", "  {}  ", "{} railway station"]),
    st.sampled_from([str.upper, str.lower, str.title, lambda s: s]),
)
def test_canonical_names_resolve_through_noise(net: RailNetwork, data, template, case) -> None:
    sid = data.draw(st.sampled_from(sorted(net.G)))
    name = net.G.nodes[sid]["name"]
    r = net.resolve(template.format(case(name)))
    assert r.station_id == sid, (name, r)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.data())
def test_cyrillic_names_resolve(net: RailNetwork, data) -> None:
    sid = data.draw(st.sampled_from(sorted(net.G)))
    assert net.resolve(net.G.nodes[sid]["name_ru"]).station_id == sid


# --- ru-rail ------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def ru_net(ru_rail_dir: Path) -> RailNetwork:
    return load_network(ru_rail_dir)


@pytest.mark.ru_rail
@pytest.mark.parametrize(
    ("name", "esr"),
    [(n, sid) for n, sid in SPELLINGS if sid in {"511103", "511207"}]
    + [("Rossosh'", "585107"), ("Uspenskaâ", "510907"), ("Millerovo", "586504")],
)
def test_spellings_resolve_on_ru_rail(ru_net: RailNetwork, name: str, esr: str) -> None:
    r = ru_net.resolve(name)
    assert r.resolved, r
    assert r.station_id == esr


@pytest.mark.ru_rail
def test_ru_rail_duplicate_names_are_not_guessed(ru_net: RailNetwork) -> None:
    # Several stations named Красное lie hundreds of km apart.
    r = ru_net.resolve("Krasnoye")
    assert not r.resolved
    assert len({c[0] for c in r.candidates if c[1] == "Красное"}) >= 2


# --- CLI ------------------------------------------------------------------------------------
runner = CliRunner()


def test_cli_resolve_json() -> None:
    result = runner.invoke(app, ["resolve", "Matveyev-Kurhan", "--json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["record"] == "resolution"
    assert doc["station_id"] == "511103"
    assert doc["station"] == "Matveev Kurgan"
    assert doc["resolved"] is True


def test_cli_resolve_unresolved_exits_1_with_candidates() -> None:
    result = runner.invoke(app, ["resolve", "Xyzzyville", "--json"])
    assert result.exit_code == 1
    doc = json.loads(result.stdout)
    assert doc["resolved"] is False
    assert doc["candidates"]
    text = runner.invoke(app, ["resolve", "Xyzzyville"])
    assert text.exit_code == 1
    assert "candidates" in text.stdout


def test_cli_resolve_other_network(tests_data: Path) -> None:
    result = runner.invoke(
        app, ["resolve", "Westend", "--network", str(tests_data / "network" / "split"), "--json"]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["station_id"] == "1001"


def test_cli_help_shows_example() -> None:
    result = runner.invoke(app, ["resolve", "--help"])
    assert result.exit_code == 0
    assert "Example: railtrack resolve" in result.stdout

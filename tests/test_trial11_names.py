"""Trial 11 findings T4 and T20: names abroad by spelling key alone; distinct alternatives."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from railtrack import load_network
from railtrack.cli import app
from railtrack.network import RailNetwork


@pytest.fixture(scope="module")
def net() -> RailNetwork:
    return load_network()


# A Belarusian station (Ясень, Yasen) written in Cyrillic shares the spelling key of
# Assen (NL) and Jasień (PL): key alone is no name of a Latin-script town far away.
@pytest.mark.parametrize("name", ["Ясень", "Ясеня", "Ясене", "станция Ясень", "Ясені"])
def test_cyrillic_name_is_not_a_far_latin_town_by_key(net: RailNetwork, name: str) -> None:
    r = net.gazetteer.resolve(name)
    assert not (r.resolved and r.country in {"NL", "PL"}), r


# The kind's boundary: a town named in Cyrillic by its own Cyrillic name, a town near
# the theatre written letter for letter, and a non-Latin country's romanised town.
@pytest.mark.parametrize(
    ("name", "country"),
    [("Дуйсбург", "DE"), ("Медыка", "PL"), ("Медика", "PL"), ("Суйфэньхэ", "CN")],
)
def test_cyrillic_names_of_towns_abroad_still_resolve(
    net: RailNetwork, name: str, country: str
) -> None:
    r = net.gazetteer.resolve(name)
    assert r.resolved
    assert r.country == country


def test_station_in_text_is_not_placed_abroad(tmp_path: Path) -> None:
    report = tmp_path / "y2.txt"
    report.write_text(
        "source: Гаюн\npublished: 2023-03-14\n\n"
        "13 марта из Осиповичей на станцию Ясень ушёл эшелон из 30 платформ.\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["load", str(report), "--json"])
    ship = json.loads(result.stdout.splitlines()[0])
    dest = ship["destination"]
    assert dest["text"] == "Ясень"
    assert dest["unresolved"] is True  # was Assen (NL), resolved_score 100
    assert dest["lat"] is None


def test_alternative_routes_differ_in_their_stations(net: RailNetwork) -> None:
    routes = net.route("Brześć", "Smoleńsk", k=2)
    stops = [tuple(net.named_stops(r)) for r in routes]
    assert len(set(stops)) == len(stops)


def test_fewer_distinct_routes_are_said() -> None:
    result = CliRunner().invoke(app, ["route", "Brześć", "Smoleńsk", "-k", "2"])
    named = [line for line in result.stdout.splitlines() if line.startswith("route ")]
    if len(named) < 2:
        assert "differ in their stations" in result.stderr

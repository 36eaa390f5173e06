"""A case form of a town's name resolves where the town's name does (trial T6, issue 15).

"Барановичи" is the town's main station, Baranovichi-Tsentralnye; its genitive
"Барановичей" (a spreadsheet cell, "из Барановичей") used to reach the other station,
Baranovichi-Polesskiye, whose aliases spell the town: the same train, logged in a
table and retold in text, was then two trains on two routes and counted twice. The
rule: a bare town name in any case form names the town's main station, as the
nominative does. Checked as a property over every main station of the default
network whose town name resolves, in the Russian cases pymorphy3 gives.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from railtrack import load_network
from railtrack._translit import base_tokens, name_tokens, role_rank
from railtrack.cli import app
from railtrack.network import RailNetwork

pymorphy3 = pytest.importorskip("pymorphy3", reason="pymorphy3 gives the Russian cases")


@pytest.fixture(scope="module")
def net() -> RailNetwork:
    return load_network()


@pytest.mark.parametrize(
    "name",
    ["Барановичей", "из Барановичей", "Барановичах", "Baranowicz", "Баранавічаў", "Барановичі"],
)
def test_case_forms_of_baranovichi_name_the_main_station(net: RailNetwork, name: str) -> None:
    assert net.resolve("Барановичи").station_id == "BY-BARANOVICHI-TS"
    assert net.resolve(name).station_id == "BY-BARANOVICHI-TS"


def _main_station_towns(net: RailNetwork) -> list[tuple[str, str]]:
    towns = []
    for _, attrs in net.G.nodes(data=True):
        ru, tokens = attrs.get("name_ru") or "", name_tokens(attrs.get("name") or "")
        if "-" in ru and len(base_tokens(tokens)) < len(tokens) and role_rank(tokens) == 0:
            towns.append((ru.split("-")[0], attrs.get("name") or ""))
    return sorted(set(towns))


def test_every_case_form_of_a_main_station_town_names_what_its_nominative_names(
    net: RailNetwork,
) -> None:
    morph = pymorphy3.MorphAnalyzer(lang="ru")
    checked, differ = 0, []
    for town, _ in _main_station_towns(net):
        nominative = net.resolve(town)
        if not nominative.resolved:
            continue
        parse = morph.parse(town)[0]
        for case in ("gent", "datv", "loct", "ablt"):
            form = parse.inflect({case})
            word = form.word.capitalize() if form else town
            if word == town:
                continue
            checked += 1
            found = net.resolve(word)
            if found.station_id != nominative.station_id:
                differ.append((town, nominative.station_id, word, found.station_id))
    assert checked >= 40
    assert differ == []


def test_a_table_row_and_its_retelling_with_a_genitive_town_are_one_train(
    tmp_path: Path,
) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a-en.txt").write_text(
        "source: Belarusian Hajun\npublished: 2023-03-04\n\n"
        "On March 3 a military echelon of 30 cars left Baranovichi for Bryansk.\n",
        encoding="utf-8",
    )
    (tmp_path / "in" / "log.csv").write_text(
        "Дата;Откуда;Куда;Вагонов;Источник\n03.03.2023;Барановичей;Брянск;30;Зеркало\n",
        encoding="utf-8",
    )
    out = str(tmp_path / "o")
    result = CliRunner().invoke(app, ["track", str(tmp_path / "in"), "--json", "-o", out])
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    (run,) = [r for r in rows if r.get("record") == "run"]
    assert (run["n_trains"], run["cars_total"], run["n_relays"]) == (1, 30, 1)


# --- trial10 T8: a town's name in another language names the town's own station --------


@pytest.mark.parametrize(
    ("written", "as_russian"),
    [
        ("Навазыбкаў", "Новозыбков"),  # be genitive, a GeoNames town's alternate name
        ("Берасце", "Брест"),  # be (classical) name of Brest
        ("Берасця", "Бреста"),
    ],
)
def test_a_towns_name_in_another_language_names_its_station(
    net: RailNetwork, written: str, as_russian: str
) -> None:
    station = net.resolve(as_russian)
    assert station.precision != "region"
    assert net.resolve(written).station_id == station.station_id


def test_every_town_with_one_station_of_its_name_resolves_to_that_station(
    net: RailNetwork,
) -> None:
    gaz = net.gazetteer
    checked, differ = 0, []
    for st in gaz._stations:
        if st.tier != 1 or (station := gaz._town_station(st)) is None:
            continue
        checked += 1
        found = net.resolve(st.name)
        if found.resolved and found.station_id not in (station.id,):
            differ.append((st.name, found.station_id, station.id))
    assert checked >= 50
    assert differ == []

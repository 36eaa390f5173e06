"""Name kinds of session 15 (issue 15): stations of a town the network knows only as a
station's alias, and Belarusian and Polish station words.

- "Brześć-Południowa" (Brest-Yuzhny), "Brześć Towarowy": "Brześć" is an alias of
  Brest-Tsentralny only (the GeoNames town's aliases are capped before it), so the
  suffix rule of session 13 found no town. The station's own name less its station
  word ("Brest") names the town: the town at precision ``town`` with the note that the
  station is unknown, never Brest-Tsentralny. Only for station words (numbers, roles,
  compass words): "Brześć Kujawski" is another town.
- Belarusian station words "-ёвы"/"-авы" and plural "-ыя" ("Брэст-Паўднёвы",
  "Баранавічы-Тэхнічныя") and Polish "-cki" ("Homel-Niecki") are station words.
"""

from __future__ import annotations

import pytest

from railtrack import load_network
from railtrack._translit import is_station_role_word, is_suffix_word
from railtrack.network import RailNetwork, haversine_km


@pytest.fixture(scope="module")
def net() -> RailNetwork:
    return load_network()


BREST = (52.098, 23.734)  # GeoNames 629634, Brest (Belarus)


@pytest.mark.parametrize(
    "name",
    # Brześć Wschodni and Brześć-Północny are stations since session 19
    # (Brest-Vostochny, Brest-Severny: tests/test_border_freight.py)
    [
        "Brześć-Południowa",
        "Brześć Południowy",
        "Brzesc Poludniowa",
        "Brześć Towarowy",
        "Brześć Zachodni",
        "Brześć 2",
        "Брэст-Паўднёвы",
        "Брэст-Заходні",
        "Брест-Южный",
    ],
)
def test_a_station_of_a_town_named_by_a_station_alias_gives_the_town(
    net: RailNetwork, name: str
) -> None:
    r = net.resolve(name)
    assert r.resolved, r.note
    assert r.precision == "town"
    assert r.station_id != "BY-BREST"  # never Brest-Tsentralny, another station of Brest
    place = net.G.nodes[r.station_id]
    assert haversine_km(place["lat"], place["lon"], *BREST) <= 10
    assert "is known" in r.note


@pytest.mark.parametrize("name", ["Brześć Kujawski", "Brzesc Kujawski"])
def test_a_town_named_after_another_is_not_its_station(net: RailNetwork, name: str) -> None:
    """Brześć Kujawski is a town of Poland, 400 km from Brest: never Brest."""
    r = net.resolve(name)
    assert r.station_id not in net.G or not (
        haversine_km(net.G.nodes[r.station_id]["lat"], net.G.nodes[r.station_id]["lon"], *BREST)
        <= 100
    )
    assert "is known" not in (r.note or "")


@pytest.mark.parametrize(
    ("name", "town"),
    [
        ("Баранавічы-Тэхнічныя", "Baranovichi"),
        ("Homel-Niecki", "Gomel"),
        ("Гомель-Нечётный", "Gomel"),
        ("Мінск-Сартавальны", "Minsk"),
    ],
)
def test_belarusian_and_polish_station_words_give_the_town(
    net: RailNetwork, name: str, town: str
) -> None:
    r = net.resolve(name)
    assert r.resolved, r.note
    assert r.precision == "town"
    assert town.lower() in (r.name or "").lower()


@pytest.mark.parametrize("word", ["paudnyovy", "tekhnichnyya", "niecki", "tavarovy"])
def test_belarusian_and_polish_adjectives_are_suffix_words(word: str) -> None:
    assert is_suffix_word(word)


@pytest.mark.parametrize(
    "word",
    ["poludniowa", "wschodnia", "zachodni", "polnocny", "paudnyovy", "uskhodni", "vostochny",
     "zapadnaya", "yuzhny", "pivdenna", "pivnichna", "towarowy", "sartavalny", "2"],
)  # fmt: skip
def test_station_role_and_compass_words(word: str) -> None:
    assert is_station_role_word(word)


@pytest.mark.parametrize("word", ["kujawski", "wolynski", "litewski", "oskol", "kurgan", "wielka"])
def test_place_adjectives_are_no_station_role_words(word: str) -> None:
    assert not is_station_role_word(word)


# A port named by its town (session 15): the port word dropped, the town (or the town of
# its adjective) must be one place, spelt as written


@pytest.mark.parametrize(
    ("name", "town"),
    [
        ("Клайпедского порта", "Klaipėda"),
        ("порт Клайпеда", "Klaipėda"),
        ("Маріупольського порту", "Mariupol"),
        ("Новороссийского порта", "Novorossiysk"),
        ("порту Усть-Луга", "Ust’-Luga"),
        ("Port of San Diego", "San Diego"),
        ("Port of Riga", "Riga"),
        ("port Gdańsk", "Gdańsk"),
        ("Gdańsk port", "Gdańsk"),
    ],
)
def test_a_port_named_by_its_town_gives_the_town(net: RailNetwork, name: str, town: str) -> None:
    r = net.resolve(name)
    assert r.resolved, r.note
    assert r.name == town
    assert r.precision == "town"
    assert "port" in r.note


@pytest.mark.parametrize("name", ["порт Кавказ", "Port", "порт"])
def test_a_port_word_never_gives_a_translated_or_foreign_namesake(
    net: RailNetwork, name: str
) -> None:
    """Port Kavkaz is a port of its own name, not Caucasia (Colombia), whose alias is
    "Кавказ"; a port word alone names no port."""
    r = net.resolve(name)
    assert "names its port" not in (r.note or "")

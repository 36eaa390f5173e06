"""Name kinds of session 14 (issue 15): Polish station words in "-owa"/"-owy"/"-owe",
and the Polish genitive of a neuter "-no" town.

- "Orsza Towarowa", "Mińsk Osobowy": a Polish station word after a town the network
  knows is a station of that town; without such a station in the network, the town at
  geo precision ``town`` with a note that the station is unknown (as "Минск-Сортировочный",
  session 13), never another station.
- "do Kowna", "z Gniezna": the genitive of Kowno (Kaunas), Gniezno; "w Kownie" was read
  already (locative "-nie"). Without the report's language only a Polish-spelt name
  ("w", "sz", "ó", ...) is read so: "Rodina" (a ru-rail station, romanised) was the
  Altai village Rodino in a first, broader version of the rule.
"""

from __future__ import annotations

import pytest

from railtrack import load_network
from railtrack._translit import is_suffix_word
from railtrack.network import RailNetwork


@pytest.fixture(scope="module")
def net() -> RailNetwork:
    return load_network()


@pytest.mark.parametrize("word", ["poludniowa", "towarowa", "towarowy", "osobowy", "osobowe"])
def test_polish_station_words_are_suffix_words(word: str) -> None:
    assert is_suffix_word(word)


@pytest.mark.parametrize("word", ["kijow", "lwow", "kowno", "grodno", "orsza"])
def test_town_names_are_no_suffix_words(word: str) -> None:
    assert not is_suffix_word(word)


@pytest.mark.parametrize(
    ("name", "town"),
    [
        ("Orsza Towarowa", "Orsha"),
        ("Orsza-Towarowa", "Orsha"),
        ("Mińsk Osobowy", "Minsk"),
        ("Homel Towarowy", "Gomel"),
    ],
)
def test_polish_station_word_gives_the_town_when_the_station_is_unknown(
    net: RailNetwork, name: str, town: str
) -> None:
    r = net.resolve(name)
    assert r.resolved, r.note
    assert r.precision == "town"
    assert town.lower() in (r.name or "").lower()
    assert "is known" in r.note


@pytest.mark.parametrize(
    ("name", "lang", "town"),
    [
        ("Kowna", "pl", "Kaunas"),
        ("Kowna", None, "Kaunas"),
        ("do Kowna", "pl", "Kaunas"),
        ("z Gniezna", "pl", "Gniezno"),
        ("Gniezna", "pl", "Gniezno"),
    ],
)
def test_polish_genitive_of_a_neuter_no_town(
    net: RailNetwork, name: str, lang: str | None, town: str
) -> None:
    r = net.resolve(name, lang=lang) if lang else net.resolve(name)
    assert r.resolved, r.note
    assert r.name == town


@pytest.mark.parametrize("name", ["Rodina", "Karpovna", "Gniezna"])
def test_a_romanised_na_name_without_polish_letters_is_no_polish_genitive(
    net: RailNetwork, name: str
) -> None:
    """Without the report's language, only a name spelt the Polish way is read so."""
    r = net.resolve(name)
    assert r.form is None or not r.form.endswith("o"), (r.name, r.form)


@pytest.mark.parametrize(
    ("name", "place"),
    [("Grodna", "Grodno"), ("Lwowa", "Lviv"), ("Kijowa", "Kyiv"), ("w Kownie", "Kaunas")],
)
def test_other_polish_case_forms_keep_their_places(net: RailNetwork, name: str, place: str) -> None:
    r = net.resolve(name, lang="pl")
    assert r.resolved, r.note
    assert r.name == place

"""Kinds of names trial 12 (C4) and ``unseen13.csv`` found (issue 15, session 13).

- a suffixed station name the network does not have ("Минск-Сортировочный",
  "Брест-Восточный", "Kubinka-2") resolves to its town with geo precision "town" and a
  note that says the station is unknown, in every language; never to another station;
- a name spelt in Belarusian letters ("ў") that ties places of several countries is the
  one in Belarus when exactly one tied place lies there ("Слаўгарада": Slawharad, not
  the Altai Slavgorod whose Belarusian name it also is); the Russian spelling stays a
  tie.
"""

from __future__ import annotations

import pytest

from railtrack import load_network
from railtrack.network import RailNetwork


@pytest.fixture(scope="module")
def net() -> RailNetwork:
    return load_network()


# (name as written, the town's GeoNames name); none of these stations is in the network
UNKNOWN_STATIONS = [
    ("Минск-Сортировочный", "Minsk"),  # trial12 C4 (ru)
    ("Мінск-Сартавальны", "Minsk"),  # trial12 C4 (be)
    ("Брест-Западный", "Brest"),  # trial12 C4 (ru); Брест-Восточный is a station since session 19
    ("Брэст-Заходні", "Brest"),  # trial12 C4 (be); Брэст-Усходні is a station since session 19
    ("Мінськ-Сортувальний", "Minsk"),  # uk, no table holds it
    ("Minsk-Sortirovochny", "Minsk"),  # en
    ("Kubinka-2", "Kubinka"),
    ("Волгоград-1", "Volgograd"),
    ("Kharkiv-Pasazhyrskyi", "Kharkiv"),
]


@pytest.mark.parametrize(("name", "town"), UNKNOWN_STATIONS)
def test_unknown_suffixed_station_is_its_town_and_says_so(
    net: RailNetwork, name: str, town: str
) -> None:
    r = net.gazetteer.resolve(name)
    assert r.resolved
    assert r.name == town
    assert r.precision == "town"
    assert r.note.startswith("no station ")
    assert "is known: resolved to the town" in r.note


def test_known_suffixed_station_is_that_station(net: RailNetwork) -> None:
    r = net.gazetteer.resolve("Смоленск-Сортировочный")
    assert (r.station_id, r.precision, r.note) == ("RU-SMOLENSK-SORT", "station", "")


def test_unknown_suffixed_station_is_never_another_station(net: RailNetwork) -> None:
    """Property over the network: "<town>-Sortirovochny" is that yard or the town.

    For every station of the theatre network whose name carries a suffix, the same
    base with each role word resolves to a station of exactly that written name, or
    to a place at geo precision "town" (never a station of another suffix).
    """
    gaz = net.gazetteer
    checked = 0
    for sid in sorted(gaz._index):
        st = gaz._stations[gaz._index[sid]]
        if st.tier != 0 or not st.tail or "-" not in st.name:
            continue
        base = st.name.split("-")[0]
        for role in ("Sortirovochny", "Tovarny", "Passazhirsky", "Vostochny", "2"):
            query = f"{base}-{role}"
            r = gaz.resolve(query)
            checked += 1
            if not r.resolved or r.precision != "station":
                continue
            written = {n.casefold() for n in gaz._written.get(r.station_id or "", ())}
            assert (
                query.casefold() in written
                or r.name.casefold() == query.casefold()
                or any(role.casefold()[:5] in n for n in written)
            ), (query, r.station_id, r.name)
    assert checked > 50


@pytest.mark.parametrize("name", ["Слаўгарада", "Слаўгарад", "Слаўгарадзе"])
def test_belarusian_spelling_settles_a_tie_with_belarus(net: RailNetwork, name: str) -> None:
    r = net.gazetteer.resolve(name)
    assert r.resolved
    assert r.country == "BY"
    assert r.note.startswith("spelt in Belarusian")
    assert {c[0] for c in r.candidates} >= {"GN621838", "GN1491706"}  # both kept


@pytest.mark.parametrize("name", ["Славгорода", "Славгород"])
def test_russian_spelling_stays_a_tie(net: RailNetwork, name: str) -> None:
    r = net.gazetteer.resolve(name)
    assert not r.resolved
    assert "ambiguous" in r.note


@pytest.mark.parametrize(
    "name", ["Свердловск-пассажирский", "Свердловск-Сортировочный", "Sverdlovsk-Passazhirsky"]
)
def test_station_named_for_a_former_town_name_is_a_tie(net: RailNetwork, name: str) -> None:
    """unseen13: Yekaterinburg's stations keep "Свердловск", Dovzhansk's former name too."""
    r = net.gazetteer.resolve(name)
    assert not r.resolved
    assert {c[0] for c in r.candidates} >= {"GN692105", "GN1486209"}
    assert "names several towns" in r.note


@pytest.mark.parametrize(
    ("name", "town"),
    [("Калининград-Сортировочный", "GN554234"), ("Минск-Сортировочный", "GN625144")],
)
def test_station_of_a_towns_own_name_keeps_the_town(net: RailNetwork, name: str, town: str) -> None:
    """Korolev was Kaliningrad until 1996, but "Калининград" is Kaliningrad's own name."""
    r = net.gazetteer.resolve(name)
    assert (r.resolved, r.station_id, r.precision) == (True, town, "town")


def test_belarusian_spelling_of_another_tied_name(net: RailNetwork) -> None:
    """A form no table holds: "Кіраўску" ties Kirovsks of Russia; Belarus has one."""
    r = net.gazetteer.resolve("Кіраўску")
    assert (r.resolved, r.country) == (True, "BY")
    assert r.note.startswith("spelt in Belarusian")

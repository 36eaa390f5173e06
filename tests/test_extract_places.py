import pytest

from railtrack.extract.places import find_places, is_broad, resolve_place


def roles(text):
    return [(p.role, p.text) for p in find_places(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "left the Slonim station for the Matveev Kurgan station",
            [("origin", "Slonim"), ("destination", "Matveev Kurgan")],
        ),
        ("is heading from Vyazma to Polonka", [("origin", "Vyazma"), ("destination", "Polonka")]),
        (
            "headed for the Matveyev-Kurhan station in the Rostov region",
            [("destination", "Matveyev-Kurhan"), ("at", "Rostov region")],
        ),
        ("arrived at Osipovichi-1 at about 01:00", [("destination", "Osipovichi-1")]),
        ("bound for Valuyki", [("destination", "Valuyki")]),
        ("departed Smolensk on 13 November", [("origin", "Smolensk")]),
        ("likely to reach Donbas", [("reach", "Donbas")]),
        ("left Iłowajsk for Asipovičy", [("origin", "Iłowajsk"), ("destination", "Asipovičy")]),
        (
            "was sent from Смоленск to Осиповичи",
            [("origin", "Смоленск"), ("destination", "Осиповичи")],
        ),
        ("left for the Rostov region", [("destination", "Rostov region")]),
        ("moved towards Ukraine's border", [("destination", "Ukraine")]),
        ("is being prepared at Baranovychi", [("origin", "Baranovychi")]),
        ("Echelon No. 2: Orsha → Smolensk", [("origin", "Orsha"), ("destination", "Smolensk")]),
    ],
)
def test_roles(text, expected):
    assert roles(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "According to Hajun, it left.",
        "It left on March 1 for several hours.",
        "Sent to Russian units.",
    ],
)
def test_not_places(text):
    assert [p for p in find_places(text) if p.role != "at"] == []


def test_spans_point_into_the_text():
    text = "A train from Zaitsevka in the Voronezh region arrived at Baranovichi-Polesskiye."
    for place in find_places(text):
        assert text[place.start : place.end] == place.text


def test_broad_places():
    assert is_broad("Belarus")
    assert is_broad("Rostov region")
    assert not is_broad("Osipovichi")


def test_resolve_without_network_keeps_text():
    place = resolve_place("Nieklinovka", None, cache={})
    assert (place.text, place.station_id, place.unresolved) == ("Nieklinovka", None, False)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Four echelons left Belarus for Russia's Kursk region.", "Kursk region"),
        ("An echelon left Gomel for Russia’s Bryansk Oblast on March 3.", "Bryansk Oblast"),
        ("A train headed to Ukraine's occupied Luhansk region.", "Ukraine"),
        ("It went on to Belarus's Gomel.", "Gomel"),
    ],
)
def test_country_possessive_before_a_place(text, expected):
    destinations = [p for p in find_places(text) if p.role == "destination"]
    assert [p.text for p in destinations] == [expected]
    assert all(text[p.start : p.end] == p.text for p in destinations)

"""Kinds of wrong answers a trial user and ``unseen8.csv`` found (issue 15, session 8).

Each kind is checked in every language it concerns and, where the gazetteer allows,
as a property over its whole data:

- an exonym or other name a town bears as written beats a place that only shares its
  spelling key ("Królewiec" is Kaliningrad, not Krolevets), in its case forms too;
- a case form naming a place abroad as written beats a village the name only spells
  by its key ("Wilnie" is Vilnius, not Vilne);
- a Russian name in Ukrainian letters is that place as written ("у Лісках": Liski);
- a region's alias is never a city's own name ("Запоріжжя" is the city);
- a two-letter code that is a US state's abbreviation names no country ("PA");
- a Latin name reaches a place abroad as written, never by a spelling key alone
  ("Garrett" is not Haret), nor through a station word ("Union Station" is not Union);
- places named together in one report settle each other's namesakes.
"""

from __future__ import annotations

import gzip
import random

import pytest
from _estimate_toys import as_reports, make_shipment

from railtrack import data_path, load_network
from railtrack.gazetteer import US_STATE_CODES, Resolution
from railtrack.models import Place
from railtrack.network import RailNetwork, haversine_km
from railtrack.world_places import WorldPlaces

NEAR_KM = 10.0


@pytest.fixture(scope="module")
def net() -> RailNetwork:
    return load_network()


def _spot(net: RailNetwork, r: Resolution) -> tuple[float, float] | None:
    """Where a resolved place lies: its own point, its station's, or its town's."""
    if r.lat is not None and r.lon is not None:
        return r.lat, r.lon
    sid = r.station_id or ""
    if sid in net.G:
        return float(net.G.nodes[sid]["lat"]), float(net.G.nodes[sid]["lon"])
    town = WorldPlaces.default().national_town(sid)
    if town is not None and town.lat is not None and town.lon is not None:
        return town.lat, town.lon
    return None


def _within(net: RailNetwork, name: str, lat: float, lon: float) -> bool:
    r = net.resolve(name)
    spot = _spot(net, r) if r.resolved else None
    return spot is not None and haversine_km(*spot, lat, lon) <= NEAR_KM


# -- exonyms and their case forms ---------------------------------------------------------

KALININGRAD = (54.706, 20.511)
VILNIUS = (54.689, 25.280)


@pytest.mark.parametrize(
    ("name", "where"),
    [
        ("Królewiec", KALININGRAD),  # pl
        ("Królewca", KALININGRAD),  # pl genitive, its mobile "ie"
        ("w Królewcu", KALININGRAD),  # pl locative
        ("Königsberg", KALININGRAD),  # de
        ("Karaliaučius", KALININGRAD),  # lt
        ("Калінінград", KALININGRAD),  # uk, be
        ("Wilno", VILNIUS),  # pl
        ("w Wilnie", VILNIUS),  # pl locative: not the village Vilne (UA)
    ],
)
def test_an_exonym_is_its_city_not_a_town_spelled_alike(
    net: RailNetwork, name: str, where: tuple[float, float]
) -> None:
    r = net.resolve(name)
    assert r.resolved, r.note
    spot = _spot(net, r)
    assert spot is not None, (name, r.name)
    assert haversine_km(*spot, *where) <= NEAR_KM, (name, r.name)


def _exonyms(k: int = 120) -> list[tuple[str, str]]:
    """(name, town id): names of big network towns that ``town_names.tsv.gz`` keys."""
    towns: dict[str, int] = {}
    with gzip.open(data_path("network", "national", "towns.csv.gz"), "rt", encoding="utf-8") as fh:
        next(fh)
        for line in fh:
            cols = line.rstrip("\n").split(",")
            if cols[0].startswith("GN") and cols[-3].isdigit():
                towns[cols[0]] = int(cols[-3])
    out = []
    path = data_path("network", "world", "town_names.tsv.gz")
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        next(fh)
        for line in fh:
            _, tid, names = line.rstrip("\n").split("\t")
            if towns.get(tid, 0) >= 100_000:
                out += [(n, tid) for n in names.split("|") if len(n) >= 5 and " " not in n]
    return random.Random(8).sample(out, min(k, len(out)))


def test_property_a_big_towns_own_name_never_resolves_to_another_place(
    net: RailNetwork,
) -> None:
    """A name a city of 100,000+ bears as written is that city or stays unresolved."""
    world = WorldPlaces.default()
    wrong = []
    for name, tid in _exonyms():
        r = net.resolve(name)
        town = world.national_town(tid)
        assert town is not None
        assert town.lat is not None
        assert town.lon is not None
        if r.resolved and r.station_id != tid and r.precision in ("town", "station"):
            spot = _spot(net, r)
            if spot is None or haversine_km(*spot, town.lat, town.lon) > NEAR_KM:
                wrong.append((name, tid, r.station_id, r.name))
    assert not wrong


# -- Russian names in Ukrainian letters, Polish and Belarusian case forms -----------------


@pytest.mark.parametrize(
    ("name", "lat", "lon"),
    [
        ("у Лісках", 50.982, 39.504),  # uk: Liski (Voronezh oblast), written "Лиски"
        ("Ліски", 50.982, 39.504),
        ("do Równego", 50.620, 26.237),  # pl neuter adjective: Równe
        ("z Zaporoża", 47.852, 35.117),  # pl neuter soft stem: Zaporoże
        ("з Кіева", 50.455, 30.524),  # be: Кіеў, "ў" before a vowel is "в"
        ("Роўна", 50.620, 26.237),  # be: Rivne, indeclinable
        ("Запоріжжям", 47.852, 35.117),  # uk: the city, not its region
        ("Запоріжжя", 47.852, 35.117),
        ("Zaporozhye", 47.852, 35.117),  # en: the city's old name, not two villages' key
        ("Каменсько-Шахтинському", 48.318, 40.259),  # uk compound: Каменськ-Шахтинський
    ],
)
def test_case_forms_and_respellings_name_their_town(
    net: RailNetwork, name: str, lat: float, lon: float
) -> None:
    r = net.resolve(name)
    assert r.resolved, (name, r.note)
    assert r.precision in ("town", "station"), (name, r.name, r.note)
    assert _within(net, name, lat, lon), (name, r.name)


def test_property_no_region_alias_is_a_big_towns_written_name(net: RailNetwork) -> None:
    """A region's alias a city of 50,000+ bears as written would hide the city."""
    g = net.gazetteer
    world = WorldPlaces.default()
    clashes = []
    for region in g._regions:
        for alias in region.aliases:
            if " " in alias:
                continue  # "... oblast", "... region": a region's own words
            for place in world.lookup(alias):
                if (
                    place.kind in ("network_town", "town")
                    and place.population >= 50_000
                    and place.written_as(alias)
                    and region.key not in (place.name, alias)
                ):
                    clashes.append((region.key, alias, place.name))
    assert not clashes


# -- codes, foreign names and station words -------------------------------------------------


@pytest.mark.parametrize("code", sorted(US_STATE_CODES))
def test_a_us_state_abbreviation_is_no_country(net: RailNetwork, code: str) -> None:
    r = net.resolve(code)
    assert not r.resolved or r.precision != "country", (code, r.name)


@pytest.mark.parametrize(("code", "country"), [("UK", "United Kingdom"), ("RU", "Russia")])
def test_other_codes_still_name_their_country(net: RailNetwork, code: str, country: str) -> None:
    r = net.resolve(code)
    assert r.resolved
    assert r.name == country


@pytest.mark.parametrize(
    "name",
    ["Garrett", "Union Station", "Victoria Station", "Grand Central Station", "dworzec Union"],
)
def test_a_foreign_name_never_reaches_a_town_by_key_or_station_word(
    net: RailNetwork, name: str
) -> None:
    r = net.resolve(name)
    assert not r.resolved, (name, r.name, r.note)


@pytest.mark.parametrize(("name", "town"), [("Medika", "Medyka"), ("Bialystok", "Białystok")])
def test_a_foreign_town_written_but_for_one_letter_still_resolves(
    net: RailNetwork, name: str, town: str
) -> None:
    r = net.resolve(name)
    assert r.resolved
    assert r.name == town


@pytest.mark.parametrize(
    ("name", "country"), [("z Chin", "China"), ("do Chin", "China"), ("z Niemiec", "Germany")]
)
def test_a_polish_plural_countrys_genitive_is_the_country(
    net: RailNetwork, name: str, country: str
) -> None:
    r = net.resolve(name)
    assert r.precision == "country", (name, r.note)
    assert r.name == country


@pytest.mark.parametrize(
    ("name", "region"),
    [
        ("w obwodzie astrachańskim", "Astrakhan region"),  # pl "ch" is х
        ("obwód chersoński", "Kherson region"),
        ("obwodzie czelabińskim", "Chelyabinsk region"),  # pl "cz" is ч
    ],
)
def test_a_polish_region_name_reads_ch_as_kh(net: RailNetwork, name: str, region: str) -> None:
    r = net.resolve(name)
    assert r.precision == "region", (name, r.note)
    assert r.region == region


@pytest.mark.ru_rail
@pytest.mark.parametrize(
    ("name", "halt", "other"),
    [
        ("Lwowa", "Львово", "Lviv"),  # pl genitive of Lwów
        ("Львова", "Львово", "Lviv"),  # ru genitive of Львов
        ("Arsienjewa", "Арсеньево", "Арсеньев"),  # pl genitive of Arsienjew
    ],
)
def test_a_genitive_of_another_place_is_not_a_halt_spelled_alike(
    ru_rail_network: RailNetwork, name: str, halt: str, other: str
) -> None:
    """On a network without the town layer, "Lwowa" may be Lviv's genitive: not sure."""
    r = ru_rail_network.resolve(name)
    assert not (r.resolved and r.name == halt), r.note
    assert other in {c[1] for c in r.candidates}


@pytest.mark.ru_rail
def test_a_polish_nominative_of_a_ya_name_is_its_station(ru_rail_network: RailNetwork) -> None:
    """ "Rudnia" is Рудня as Polish writes it, no case form of another name."""
    r = ru_rail_network.resolve("Rudnia")
    assert r.resolved, r.note
    assert r.name == "Рудня"


# -- places named together ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("via", "dest"),
    [
        (("Лиман", "Славянск"), "Северск"),  # ru
        (("Лиман", "Слов'янськ"), "Сіверськ"),  # uk
    ],
)
def test_places_named_together_settle_each_others_namesakes(
    net: RailNetwork, via: tuple[str, str], dest: str
) -> None:
    ship = make_shipment("t1", origin=None, destination=dest).model_copy(
        update={"via": tuple(Place(text=v) for v in via)}
    )
    out = as_reports([ship]).resolve(net)
    (s,) = out.shipments
    assert s.destination is not None
    assert not s.destination.unresolved
    assert s.destination.lat is not None
    assert s.destination.lon is not None
    assert haversine_km(s.destination.lat, s.destination.lon, 48.865, 38.097) <= 15  # Siversk
    lyman = s.via[0]
    assert not lyman.unresolved
    assert lyman.lat is not None
    assert lyman.lon is not None
    assert haversine_km(lyman.lat, lyman.lon, 48.990, 37.808) <= 15  # Lyman, Donetsk oblast

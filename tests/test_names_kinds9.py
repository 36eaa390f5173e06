"""Kinds of names ``unseen9.csv`` and the real corpus left unresolved or wrong (issue 15).

Each kind is checked in every language it concerns and, where the gazetteer allows,
as a property over its whole data:

- a region noun in the plural, as reports name two regions at once ("у Гомельскай і
  Магілёўскай абласцях", "в Брянской и Курской областях", "w obwodach charkowskim i
  zaporoskim"), names the one region beside it;
- every region's Polish name ("obwód zaporoski") is that region in the nominative,
  locative, genitive and instrumental, never another region;
- a town written with the other neuter ending ("Barwinkowo" for Barvinkove) is that
  town when that spelling names it for certain, and a tie stays a tie;
- a name with a station word ("на станции Орловщина", "ст. Смоленщина", "stacja
  Białoruś") never resolves to a region or country: it stays unresolved with the
  region as a candidate;
- a station named after a town in the adjective ("Угольная") names a town on the
  track, never one the track does not reach (Karpinsk, once called Угольный);
- parts of Russia reports name as one area ("з Далекого Сходу", "из Сибири") are
  regions covering their subjects, each subject still itself;
- a hyphenated town with both parts declined ("Новгорода-Сіверського") and the
  Ukrainian "і"/"о" alternation ("Далекого Сходу") are read as their nominatives;
- a case form whose forms name a near-spelled station and a town alike ("Мічуринськом"
  on ru-rail: Мичуринская and Michurinsk) is a tie, never the near spelling.
"""

from __future__ import annotations

import csv
import gzip

import pytest
import yaml

from railtrack import data_path, load_network
from railtrack.inflection import singular_region_forms
from railtrack.network import RailNetwork


@pytest.fixture(scope="module")
def net() -> RailNetwork:
    return load_network()


def _region(net: RailNetwork, name: str) -> str | None:
    r = net.resolve(name)
    return r.region if r.resolved and r.precision == "region" else None


# -- a region noun in the plural ------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "region"),
    [
        ("Магілёўскай абласцях", "Mogilev region"),  # be, unseen9 (news.by)
        ("Гомельскай абласцях", "Gomel region"),
        ("Курской областях", "Kursk region"),  # ru
        ("Брянской областях", "Bryansk region"),
        ("Белгородской областей", "Belgorod region"),  # ru genitive plural
        ("Курській областях", "Kursk region"),  # uk
        ("Запорізької областей", "Zaporizhzhia region"),
        ("Хабаровском краях", "Khabarovsk Krai"),
        ("obwodach charkowskim", "Kharkiv region"),  # pl "w obwodach charkowskim i zaporoskim"
        ("obwodach zaporoskim", "Zaporizhzhia region"),
        ("obwodów biełgorodzkiego", "Belgorod region"),
        ("Belgorod Oblasts", "Belgorod region"),  # en
    ],
)
def test_a_plural_region_noun_names_the_region_beside_it(
    net: RailNetwork, name: str, region: str
) -> None:
    assert _region(net, name) == region


def test_singular_region_forms_keep_the_case() -> None:
    assert singular_region_forms("Магілёўскай абласцях") == ["Магілёўскай вобласці"]
    assert singular_region_forms("w obwodach charkowskim") == ["w obwodzie charkowskim"]
    assert singular_region_forms("Orsha") == []


def _aliases(prefix: str) -> list[tuple[str, str]]:
    with data_path("network", "regions.yaml").open(encoding="utf-8") as fh:
        doc = yaml.safe_load(fh)
    regions = doc["regions"] if isinstance(doc, dict) else doc
    return [
        (a, r["key"])
        for r in regions
        for a in r.get("aliases", [])
        if isinstance(a, str) and a.startswith(prefix) and a.endswith("ski")
    ]


def test_property_a_russian_plural_region_phrase_is_its_region(net: RailNetwork) -> None:
    """Every "<adjective> область" alias, its adjective in the locative with "областях"."""
    checked = 0
    with data_path("network", "regions.yaml").open(encoding="utf-8") as fh:
        doc = yaml.safe_load(fh)
    regions = doc["regions"] if isinstance(doc, dict) else doc
    for r in regions:
        for a in r.get("aliases", []):
            if isinstance(a, str) and a.endswith("ская область") and " " not in a[:-12].strip():
                adjective = a[: -len("ская область")] + "ской"
                assert _region(net, f"{adjective} областях") == r["key"], a
                checked += 1
    assert checked >= 40


# -- Polish region names ---------------------------------------------------------------


def test_property_a_polish_region_name_is_its_region_in_four_cases(net: RailNetwork) -> None:
    aliases = _aliases("obwód ")
    assert len(aliases) >= 20
    for alias, key in aliases:
        stem = alias.removeprefix("obwód ")[:-1]  # "zaporosk"
        for form in (alias, f"obwodzie {stem}im", f"obwodu {stem}iego", f"obwodem {stem}im"):
            assert _region(net, form) == key, form


# -- the other neuter ending ("-ово" / "-ове") ------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["Barwinkowo", "Barvinkovo", "Барвинково", "ст. Barwinkowo"],  # pl, en, ru hybrid
)
def test_a_name_with_the_other_neuter_ending_is_its_town(net: RailNetwork, name: str) -> None:
    r = net.resolve(name)
    assert r.resolved
    assert r.station_id == net.resolve("Barvinkove").station_id


def test_a_tie_by_the_other_ending_stays_a_tie(net: RailNetwork) -> None:
    assert not net.resolve("Stepove").resolved  # several villages of the name
    assert not net.resolve("Stepovo").resolved


def test_property_the_other_neuter_ending_gives_the_towns_own_answer(net: RailNetwork) -> None:
    """A Ukrainian town's "-ово"/"-ovo" spelling, resolved by the rule, is the town's answer."""
    path = data_path("network", "national", "towns.csv.gz")
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    checked = 0
    for town in rows:
        if town["country"] != "UA":
            continue
        for name in {town["name"], town["name_ru"]}:
            for ending, other in (("ove", "ovo"), ("ове", "ово")):
                if not name.endswith(ending):
                    continue
                r = net.resolve(name[: -len(ending)] + other)
                if r.resolved and "other neuter ending" in r.note:
                    own = net.resolve(name)
                    assert own.resolved, (name, r)
                    assert own.station_id == r.station_id, (name, r)
                    checked += 1
    assert checked >= 40


# -- a name with a station word is no region -------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "станции Орловщина",  # ru, r510: the station Orlovshchyna, not the Oryol region
        "на станции Орловщина",
        "ст. Смоленщина",
        "на станції Брянщина",  # uk
        "станцыя Гомельшчына",  # be
        "stacja Białoruś",  # pl
        "Crimea station",  # en
    ],
)
def test_a_name_with_a_station_word_is_never_a_region(net: RailNetwork, name: str) -> None:
    r = net.resolve(name)
    assert not (r.resolved and r.precision in ("region", "country")), r
    assert r.candidates  # the region stays a candidate


def test_a_station_word_keeps_stations_and_saints(net: RailNetwork) -> None:
    assert net.resolve("ст. Полонка").station_id == "BY-POLONKA"
    assert net.resolve("станция Орша").resolved
    assert net.resolve("St. Petersburg").resolved


def test_property_no_region_alias_with_a_station_word_is_a_region(net: RailNetwork) -> None:
    with data_path("network", "regions.yaml").open(encoding="utf-8") as fh:
        doc = yaml.safe_load(fh)
    regions = doc["regions"] if isinstance(doc, dict) else doc
    aliases = [a for r in regions for a in r.get("aliases", []) if isinstance(a, str)]
    assert len(aliases) > 300
    for alias in aliases:
        for name in (f"станция {alias}", f"ст. {alias}"):
            r = net.resolve(name)
            assert not (r.resolved and r.precision in ("region", "country")), (name, r)


# -- a station named after a town: the town lies on the track ---------------------------


def test_a_station_adjective_never_names_a_town_off_the_track(net: RailNetwork) -> None:
    # r205: the station Ugolnaya in the Far East; Karpinsk (Urals) was once Угольный
    r = net.resolve("Угольная")
    assert not (r.resolved and r.name == "Karpinsk"), r


@pytest.mark.parametrize(
    ("name", "town"),
    [
        ("Высокогорная", "Vysokogornyy"),
        ("Тихорецкая", "Tikhoretsk"),
        ("на Тихорецкую", "Tikhoretsk"),
    ],
)
def test_a_station_adjective_still_names_its_town(net: RailNetwork, name: str, town: str) -> None:
    r = net.resolve(name)
    assert r.resolved
    assert r.name == town


def test_property_a_feminine_station_name_resolves_on_the_network(net: RailNetwork) -> None:
    """Every "-ный"/"-ский" town name of the GeoNames tables, in the feminine of a station
    name ("-ная", "-ская"): resolved, it is a place of the network, never one off the track."""
    path = data_path("network", "national", "towns.csv.gz")
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        names = {r["name_ru"] for r in csv.DictReader(fh)}
    checked = 0
    for name in sorted(names):
        for masculine, feminine in (("ный", "ная"), ("ский", "ская")):
            if name.endswith(masculine) and " " not in name:
                r = net.resolve(name[: -len(masculine)] + feminine)
                if r.resolved and r.form == name:  # resolved as the town's name
                    assert r.in_network, (name, r)
                    checked += 1
    assert checked >= 20


# -- parts of Russia named as one area -------------------------------------------------


@pytest.mark.parametrize(
    ("name", "region"),
    [
        ("Далекого Сходу", "Russian Far East"),  # uk, places.csv (r-corpus)
        ("с Дальнего Востока", "Russian Far East"),  # ru
        ("z Dalekiego Wschodu", "Russian Far East"),  # pl
        ("Far East", "Russian Far East"),  # en
        ("из Сибири", "Siberia"),
        ("з Сибіру", "Siberia"),
        ("Siberia", "Siberia"),
    ],
)
def test_the_far_east_and_siberia_are_regions(net: RailNetwork, name: str, region: str) -> None:
    assert _region(net, name) == region


def test_a_part_of_russia_covers_its_subjects_and_keeps_them(net: RailNetwork) -> None:
    gaz = net.gazetteer
    far_east = set(gaz.region_stations("Russian Far East"))
    amur = set(gaz.region_stations("Amur region"))
    assert amur
    assert amur <= far_east
    assert not far_east & set(gaz.region_stations("Siberia"))
    assert _region(net, "Амурская область") == "Amur region"  # a subject stays itself


# -- Ukrainian "і" / "о" and compounds whose both parts decline -------------------------


@pytest.mark.parametrize(
    ("name", "town"),
    [
        ("Новгорода-Сіверського", "Novhorod-Siverskyi"),  # uk, both parts in the genitive
        ("Петропавловска-Камчатского", "Petropavlovsk-Kamchatsky"),  # ru
        ("Харкова", "Kharkiv"),  # "і" of Харків is "о" once an ending opens the syllable
        ("Миргороді", "Myrhorod"),
    ],
)
def test_declined_compounds_and_alternations_name_their_town(
    net: RailNetwork, name: str, town: str
) -> None:
    r = net.resolve(name)
    assert r.resolved
    assert r.name == town


# -- a case form naming a near spelling and a town alike --------------------------------


@pytest.mark.ru_rail
@pytest.mark.parametrize("name", ["Мічуринськом", "мічуринськом"])  # uk, unseen9 (unn.ua)
def test_a_case_form_naming_a_station_and_a_town_alike_is_no_near_spelling(
    ru_rail_network: RailNetwork, name: str
) -> None:
    """On ru-rail (no town layer) the Ukrainian instrumental of Michurinsk is a near
    spelling of the station Мичуринская, 290 km away; its case forms name that station
    and the town alike, so it stays a tie with both, never the station. The town
    stands at its nearest station there (Мичуринск-Уральский, 600909), as every town
    on a network without towns."""
    r = ru_rail_network.resolve(name)
    assert not (r.resolved and r.name == "Мичуринская"), r
    if not r.resolved:
        ids = {c for c, _, _ in r.candidates}
        assert "216415" in ids
        assert ids & {"GN527191", "600909"}
    else:
        assert r.station_id == "600909"


@pytest.mark.parametrize(
    ("name", "place"),
    [("ст. Krym", "GN540259"), ("станция Крым", "GN540259"), ("Ugra station", "GN479471")],
)
def test_a_station_word_names_the_one_place_of_that_name(
    net: RailNetwork, name: str, place: str
) -> None:
    """The station of the village Krym (Rostov oblast), not Crimea; Ugra, not Yugra."""
    r = net.resolve(name)
    assert r.resolved
    assert r.station_id == place

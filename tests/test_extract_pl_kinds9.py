"""Failure kinds found on new real Polish reports (issue 13, session 9).

The reports r650-r668 of ``tests/data/extraction_real`` were labelled and scored
before any rule was changed for them (Polish F1 0.554, precision 0.562). Each kind
their misses and false facts showed, and the kinds the older Polish reports still
missed, get a test here, with short inputs written for the test (not copied from a
report), in every language the kind concerns. Each test failed on the code before
its fix (commit bed2c89).
"""

from datetime import date

import pytest

from railtrack.extract import extract_shipments

PUB = date(2024, 3, 12)


def read(text: str, lang: str) -> dict:
    return extract_shipments(text, published=PUB, network=False, lang=lang).to_dict()


def ends(text: str, lang: str) -> list[tuple[str | None, str | None]]:
    """(origin, destination) as written, per shipment read."""
    out = []
    for s in read(text, lang)["shipments"]:
        o, d = s.get("origin") or {}, s.get("destination") or {}
        out.append((o.get("text"), d.get("text")))
    return out


def vias(text: str, lang: str) -> list[list[str]]:
    return [[v["text"] for v in s.get("via") or []] for s in read(text, lang)["shipments"]]


# -- a facility in a town in every case: the town is the place ---------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "terminal" has two genitives in use: "terminalu" and "terminala"
        ("Pociąg z kontenerami wyjechał z terminala w Łodzi do Lublina.", ("Łodzi", "Lublina")),
        ("Z terminala w Kutnie wyruszył skład do Chin.", ("Kutnie", "Chin")),
        # a siding and a ramp in a town
        ("Skład z węglem wyjechał z bocznicy w Zawadówce do Gdańska.", ("Zawadówce", "Gdańska")),
        (
            "Pociąg z czołgami wyjechał z rampy w Hrubieszowie do Chełma.",
            ("Hrubieszowie", "Chełma"),
        ),
    ],
)
def test_a_facility_in_a_town_names_the_town(text: str, expected: tuple[str, str]) -> None:
    assert ends(text, "pl") == [expected]


# -- the end named with a copula ("Celem składu ma być Słuck") -----------------------------


@pytest.mark.parametrize(
    ("text", "destination"),
    [
        ("Pociąg wyruszył z Brześcia. Celem pociągu będzie Orsza.", "Orsza"),
        ("Eszelon wyjechał z Krupek. Celem transportu był Słuck.", "Słuck"),
        ("Eszelon wyjechał z Orszy. Stacją docelową miała być Osipowicze.", "Osipowicze"),
    ],
)
def test_a_final_stop_with_a_copula_is_the_destination(text: str, destination: str) -> None:
    assert [d for _, d in ends(text, "pl")] == [destination]


def test_a_final_stop_that_was_to_be_is_planned() -> None:
    (shipment,) = read("Eszelon wyjechał z Orszy. Stacją docelową miał być Mozyrz.", "pl")[
        "shipments"
    ]
    assert shipment["destination"]["text"] == "Mozyrz"
    assert shipment["claim"] == "planned"


# -- a load put on cars at another station is another train --------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "second_origin"),
    [
        (
            "Eszelon wyjechał ze stacji Połonka do Łunińca. Na stacji Krupki załadowano na "
            "platformy 30 czołgów. Celem składu jest Słuck.",
            "pl",
            "Krupki",
        ),
        (
            "Эшелон отправился со станции Полонка в Лунинец. На станции Крупки загрузили на "
            "платформы 30 танков.",
            "ru",
            "Крупки",
        ),
        (
            "Ешелон вирушив зі станції Полонка до Лунинця. На станції Крупки завантажили на "
            "платформи 30 танків.",
            "uk",
            "Крупки",
        ),
        (
            "Эшалон адправіўся са станцыі Палонка ў Лунінец. На станцыі Крупкі загрузілі на "
            "платформы 30 танкаў.",
            "be",
            "Крупкі",
        ),
    ],
)
def test_loading_at_another_station_starts_another_train(
    text: str, lang: str, second_origin: str
) -> None:
    found = ends(text, lang)
    assert len(found) == 2
    assert found[1][0] == second_origin


def test_the_loaded_trains_end_is_its_own() -> None:
    found = ends(
        "Eszelon wyjechał ze stacji Połonka do Łunińca. Na stacji Krupki załadowano na "
        "platformy 30 czołgów. Celem składu jest Słuck.",
        "pl",
    )
    assert found == [("Połonka", "Łunińca"), ("Krupki", "Słuck")]


# -- a region right after a place with a bare "in" says where the place lies ---------------


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "Eszelon miał przejechać przez Żabinkę i Janów, aby trafić do Pińska w obwodzie "
            "brzeskim.",
            "pl",
            ["Żabinkę", "Janów"],
        ),
        (
            "Pociąg miał przejechać przez Orszę i Borysów, aby trafić do Mozyrza w obwodzie "
            "homelskim.",
            "pl",
            ["Orszę", "Borysów"],
        ),
    ],
)
def test_a_region_after_a_place_is_no_place_passed(
    text: str, lang: str, expected: list[str]
) -> None:
    assert vias(text, lang) == [expected]


# -- "transport" of a ship or a plane, or of a report with no railway, is no train --------


@pytest.mark.parametrize(
    "text",
    [
        "Pierwszy transport amunicji przypłynął 3 maja do portu w Gdyni ze Stanów Zjednoczonych.",
        "Transport sprzętu wojskowego przyleciał wczoraj z Ramstein do Rzeszowa.",
    ],
)
def test_a_load_by_sea_or_air_is_no_train(text: str) -> None:
    assert read(text, "pl")["shipments"] == []


def test_the_places_of_a_ship_are_no_trains() -> None:
    # the ship's sentences (no railway word) give no train their places
    text = (
        "Czołgi docierały do Polski statkami i koleją. Pierwszy transport sprzętu wojskowego "
        "przypłynął drogą morską 15 maja. Do portu w Szczecinie wszedł wówczas samochodowiec. "
        "Przypłynął ze Stanów Zjednoczonych. Sprzęt trafiał na poligony również koleją."
    )
    assert read(text, "pl")["shipments"] == []


@pytest.mark.parametrize(
    "text",
    [
        # no word of the railway at all: the video may show lorries
        "Nagranie pokazuje transport rosyjskich czołgów ze Smoleńska w okolicy Wałujek.",
        "Transport haubic ze Smoleńska zauważono w pobliżu Briańska.",
    ],
)
def test_a_transport_in_a_report_with_no_railway_is_no_train(text: str) -> None:
    assert read(text, "pl")["shipments"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Transport czołgów wyjechał koleją ze Słonimia do Jelska.",
        "Transport sprzętu dotarł na stację Osipowicze z Orszy.",
    ],
)
def test_a_transport_on_the_railway_stays_a_train(text: str) -> None:
    assert len(read(text, "pl")["shipments"]) == 1


def test_a_train_beside_a_ship_is_kept() -> None:
    (shipment,) = read(
        "Pociąg z kontenerami dotarł z Chełma do Gdyni. Statek z ładunkiem odpłynął do Szwecji.",
        "pl",
    )["shipments"]
    assert (shipment["origin"]["text"], shipment["destination"]["text"]) == ("Chełma", "Gdyni")


# -- after an incident at a standing train, that train told again is no shipment -----------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "W nocy nieznani sprawcy wysypali kukurydzę z wagonów. Policja ustaliła, że na "
            "bocznicy przy stacji w Kutnie stoi pociąg, który dwa dni temu wjechał z Ukrainy do "
            "Polski.",
            "pl",
        ),
        (
            "Ночью неизвестные подожгли вагоны. Полиция установила, что на путях у станции Орша "
            "стоит поезд, который накануне прибыл из России в Беларусь.",
            "ru",
        ),
        (
            "Уночі невідомі підпалили вагони. Поліція встановила, що на коліях біля станції "
            "Ковель стоїть потяг, який напередодні прибув з Польщі в Україну.",
            "uk",
        ),
        (
            "Уначы невядомыя падпалілі вагоны. Міліцыя ўстанавіла, што на пуцях каля станцыі "
            "Орша стаіць цягнік, які напярэдадні прыбыў з Расіі ў Беларусь.",
            "be",
        ),
    ],
)
def test_the_standing_train_of_an_incident_is_no_shipment(text: str, lang: str) -> None:
    assert read(text, lang)["shipments"] == []


def test_a_train_on_its_way_stopped_by_an_incident_is_kept() -> None:
    (shipment,) = read(
        "Mężczyzna zaciągnął hamulec bezpieczeństwa i zatrzymał pociąg. Pociąg liczący 37 "
        "wagonów zmierzał ze Szczecina do Dorohuska.",
        "pl",
    )["shipments"]
    assert shipment["origin"]["text"] == "Szczecina"


# -- the unloading named with a noun tells where and when a train arrived -------------------


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        (
            "Rosjanie rozpoczęli rozładunek sprzętu wojskowego w Chojnikach w nocy z 14 na 15 "
            "lutego.",
            "pl",
            "Chojnikach",
        ),
        ("Wojsko zaczęło wyładunek czołgów w Jelsku w nocy z 3 na 4 marca.", "pl", "Jelsku"),
    ],
)
def test_an_unloading_noun_dates_the_arrival(text: str, lang: str, place: str) -> None:
    (shipment,) = read(text, lang)["shipments"]
    assert shipment["destination"]["text"] == place
    window = shipment["expected_arrival"]
    assert window["latest"] > window["earliest"]  # a night: two days


# -- "transport" beside a verb of an activity taking place is a plan, not a train ----------


@pytest.mark.parametrize(
    "text",
    [
        "Transport ma się odbywać ze stacji Bohatyrewka do Baranowicz, Witebska i Mińska.",
        "Transport wojsk odbędzie się koleją z Orszy do Mozyrza.",
        "Transport czołgów odbywa się co tydzień ze stacji Krupki do Słucka.",
    ],
)
def test_transport_taking_place_is_no_train(text: str) -> None:
    assert read(text, "pl")["shipments"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Transport wyjechał ze stacji Orsza do Mozyrza.",
        # a past transport that took place is a movement told
        "Transport czołgów odbył się ze stacji Orsza do Mozyrza 5 marca.",
    ],
)
def test_a_transport_on_its_way_is_a_train(text: str) -> None:
    (shipment,) = read(text, "pl")["shipments"]
    assert shipment["destination"]["text"] == "Mozyrza"

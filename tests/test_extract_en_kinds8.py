"""Kinds of misreading found on English reports in session 8 (issue 13).

Every input is written here (not copied from a corpus); each stands for a kind, and the
assertions are about the kind, never about one text. The unseen reports that showed
them are ``tests/data/extraction_real/r575``-``r597``.
"""

from datetime import date

import pytest
from _extract_helpers import ends, read

from railtrack.extract.cues import is_statistic
from railtrack.extract.places import find_places

# -- trains counted over a period, at a rate or as a running total: no group ----------

_TOLD = "A freight train with 40 wagons left Brzeg for Kutno on 3 March. "


@pytest.mark.parametrize(
    "statistic",
    [
        "Since then the operator has run almost 300 trains on the network.",
        "A weekly service is planned, growing to three or four trains/week.",
        "More than 550 container trains have travelled on the route.",
        "A total of 3,557 freight trains have run so far.",
        "Six trains a week now use the line.",
    ],
)
def test_a_statistic_of_trains_is_no_group(statistic):
    assert is_statistic(statistic)
    result = read(_TOLD + statistic)
    assert result.groups == []
    assert ends(result) == [("Brzeg", "Kutno")]


def test_trains_described_with_their_number_are_still_a_group():
    result = read("Two trains left Slonim for Valuyki on 3 March.")
    assert not is_statistic("Two trains left Slonim for Valuyki on 3 March.")
    assert [g.n_trains for g in result.groups] == [2]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("В течение отчетной недели 14 поездов следовали в Украину.", "ru"),
        ("W ciągu tygodnia przez Małaszewicze przejechało 14 pociągów.", "pl"),
    ],
)
def test_a_statistic_of_trains_is_no_group_in_the_other_languages(text, lang):
    result = read(text, lang=lang)
    assert result.groups == []
    assert result.shipments == []


# -- a place glossed by its country, region or people: the place is the name glossed ---


@pytest.mark.parametrize(
    ("text", "role", "name"),
    [
        ("The train departed from China's major northwestern city Xi'an.", "origin", "Xi'an"),
        ("It will reach Germany's Duisburg in 16 days.", "reach", "Duisburg"),
        ("It went via Xinjiang's border checkpoint Alashankou.", "at", "Alashankou"),
        ("It left for Kazakhstan border city Dostyk.", "destination", "Dostyk"),
        ("It runs from Ukrainian Sknyliv to Kutno.", "origin", "Sknyliv"),
        ("A train arrived in the Crimean Kirovskaya station.", "destination", "Kirovskaya"),
        ("It left for the Russian border town of Valuyki.", "destination", "Valuyki"),
    ],
)
def test_a_glossed_name_is_the_place(text, role, name):
    assert [(p.role, p.text) for p in find_places(text) if p.text == name] == [(role, name)]
    assert all(
        p.text not in {"China", "Germany", "Xinjiang", "Kazakhstan"} for p in find_places(text)
    )


def test_a_glossed_origin_and_destination_make_the_train():
    text = (
        "On 3 March a container train departed from China's inland city Chengdu for Poland's Lodz."
    )
    assert ends(read(text)) == [("Chengdu", "Lodz")]


def test_no_gloss_where_no_name_follows():
    assert [p.text for p in find_places("It left the Russian Federation.")] == []
    assert [p.text for p in find_places("It left Belarus Hajun said.")] == ["Belarus"]


@pytest.mark.parametrize(
    ("text", "role", "name"),
    [
        ("The train departed from the Kazakh-Chinese terminal in Xi'an.", "origin", "Xi'an"),
        ("Vehicles left from the railhead at Fort Bliss.", "origin", "Fort Bliss"),
        ("The trains arrived at the port of Constanta.", "destination", "Constanta"),
        ("They will be sent to railway stations in Rostov Oblast.", "destination", "Rostov Oblast"),
    ],
)
def test_a_facility_port_or_stations_name_their_place(text, role, name):
    assert [(p.role, p.text) for p in find_places(text)] == [(role, name)]


def test_a_named_port_keeps_its_name():
    assert [p.text for p in find_places("It arrived at the Port of San Diego.")] == [
        "Port of San Diego"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The junction is the main gateway to the port of Gdansk.",
        "The terminal is connected to the Belgrano network.",
    ],
)
def test_a_place_described_by_its_links_is_no_end(text):
    assert find_places(text) == []


# -- a route written with a spaced dash, its ends glossed with their countries ---------


def test_a_route_with_a_dash_gives_both_ends():
    text = (
        "On 3 March a train with 20 platforms left on the route Sknyliv (Ukraine) - Kutno (Poland)."
    )
    assert ends(read(text)) == [("Sknyliv", "Kutno")]


def test_a_hyphenated_name_is_no_route():
    assert [p.text for p in find_places("It went on the route to Orsha-Vostochnaya.")] == [
        "Orsha-Vostochnaya"
    ]


# -- the end of the route named as such beats the country said with it ----------------


@pytest.mark.parametrize(
    "text",
    [
        "The train's final destination in Germany will be Duisburg.",
        "It then continued to the final point of Duisburg station in Germany.",
    ],
)
def test_the_final_point_is_the_destination(text):
    assert [(p.role, p.text) for p in find_places(text) if p.role == "destination"] == [
        ("destination", "Duisburg")
    ]


def test_the_end_of_a_day_is_no_place():
    assert find_places("At the end of the day it left.") == []


# -- loading is no departure: the day a train is loaded is not the day it left ---------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "On 5 March an echelon was loaded onto flatcars at Slonim. "
            "On 7 March it left for Valuyki.",
            "en",
        ),
        (
            "5 марта на станции Слоним эшелон был загружен техникой. "
            "7 марта он отправился в Валуйки.",
            "ru",
        ),
        (
            "5 березня на станції Слонім ешелон був завантажений технікою. "
            "7 березня він вирушив до Валуйок.",
            "uk",
        ),
        (
            "5 сакавіка на станцыі Слонім эшалон быў загружаны тэхнікай. "
            "7 сакавіка ён адправіўся ў Валуйкі.",
            "be",
        ),
        ("5 marca na stacji Słonim załadowano eszelon. 7 marca wyjechał do Wałujek.", "pl"),
    ],
)
def test_the_day_of_loading_is_not_the_departure(text, lang):
    result = read(text, lang=lang)
    assert [s.departure.earliest for s in result.shipments] == [date(2023, 3, 7)]


def test_vehicles_loaded_onto_rail_cars_make_a_train_from_that_place():
    text = (
        "Tanks of the brigade were loaded onto rail cars at Fort Stewart on March 7. "
        "They will be transported to Fort Irwin."
    )
    result = read(text)
    assert ends(result) == [("Fort Stewart", "Fort Irwin")]
    assert result.shipments[0].departure is None


def test_a_load_carried_is_no_loading():
    result = read("A train loaded with tanks left Gomel for Valuyki on 5 March.")
    assert ends(result) == [("Gomel", "Valuyki")]
    assert result.shipments[0].departure.earliest == date(2023, 3, 5)


# -- a freight service is a train; a place owned by a company is the place -------------


def test_a_freight_service_that_left_is_a_train():
    text = "The first direct freight service from Chengdu left for Lodz on 3 March."
    result = read(text)
    assert ends(result) == [("Chengdu", "Lodz")]
    assert result.shipments[0].departure.earliest == date(2023, 3, 3)


def test_a_service_offered_is_no_train():
    assert read("The company offers a weekly service to its customers in Lodz.").shipments == []


def test_an_owners_terminal_is_the_place():
    text = "The freight service from DP World's London Gateway terminal left for Duisburg."
    assert [p.text for p in find_places(text)] == ["London Gateway", "Duisburg"]


# -- a stop on the way (transshipment, crew change, "the next stop") is a via point ---


def test_stops_on_the_way_are_via_points():
    text = (
        "On 3 March a container train left Cologne for Trieste. The containers were "
        "transshipped at Villach. The first crew change takes place at Salzburg. "
        "The next stop is in Schwarzach-St. Veit."
    )
    [shipment] = read(text).shipments
    assert [v.text for v in shipment.via] == ["Villach", "Salzburg", "Schwarzach-St. Veit"]
    assert shipment.destination.text == "Trieste"


# -- names as written: an abbreviation inside, an operator's initials before ----------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("A train left St. Petersburg for Minsk.", "St. Petersburg"),
        ("It went via the BNSF Eola Yard.", "Eola Yard"),
        ("It was transshipped at the KTZE Khorgos Gateway dry port.", "Khorgos Gateway"),
    ],
)
def test_a_name_as_written(text, name):
    assert name in [p.text for p in find_places(text)]


def test_a_country_in_capitals_stays_a_place():
    assert [p.text for p in find_places("It left the RF for Kursk.")] == ["RF", "Kursk"]


def test_a_terminal_after_a_town_is_the_town():
    text = "A container train left Kutno Terminal in Poland for Chongqing in June."
    assert [p.text for p in find_places(text)][:1] == ["Kutno"]


# -- a video or photo of a train at a place: seen there; a message sent is no train ---


@pytest.mark.parametrize(
    "text",
    [
        "Witnesses took a video of a train with military equipment in Brest.",
        "A reader made a photo of a train with tanks in Brest.",
    ],
)
def test_a_train_filmed_at_a_place_was_seen_there(text):
    [shipment] = read(text).shipments
    assert [v.text for v in shipment.via] == ["Brest"]
    assert shipment.origin is None
    assert shipment.destination is None


def test_a_message_sent_is_no_departure():
    text = (
        "A reader sent a video to the editors yesterday. It shows a train with tanks "
        "passing through Brest."
    )
    assert [s.departure for s in read(text).shipments] == [None]

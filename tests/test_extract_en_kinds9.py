"""Kinds of misreading found on English reports in session 9 (issue 13).

Every input is written here (not copied from a corpus); each stands for a kind, and the
assertions are about the kind, never about one text. The unseen reports that showed
them are ``tests/data/extraction_real/r675``-``r693``; the older English reports of
the same corpus showed the rest.
"""

import pytest
from _extract_helpers import ends, read

from railtrack.extract.places import find_places


def roles(text):
    return [(p.role, p.text) for p in find_places(text)]


# -- where a train started, told by its journey ----------------------------------------


@pytest.mark.parametrize(
    ("text", "origin"),
    [
        ("The train began its journey in Rzhev and travelled to Valuyki.", "Rzhev"),
        ("The echelon started its long trip from Chita before it reached Valuyki.", "Chita"),
        ("The starting point of the container train was Hefei.", "Hefei"),
        ("The starting point of this journey is Lodz.", "Lodz"),
        ("The consignment begins the route at Kutno.", "Kutno"),
    ],
)
def test_the_start_of_a_journey_is_the_origin(text, origin):
    assert ("origin", origin) in roles(text)


# -- features of the land are no places on the railway ---------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The train crossed the bridge and went on to the Volga River.",
        "A train with tanks stood near the approach to the Crimean bridge.",
        "The echelon was seen heading to the Azov Sea.",
        "Trains run from the Kerch Strait to the port.",
        "The shipment went along the Desna river towards the border.",
    ],
)
def test_a_river_sea_strait_or_bridge_is_no_end(text):
    assert [t for r, t in roles(text) if r in ("origin", "destination")] == []


def test_a_station_named_for_a_bridge_is_still_a_station():
    assert ("destination", "London Bridge") in roles("The train was bound for London Bridge.")


# -- names that end like an adjective of a people, before "station" ---------------------


@pytest.mark.parametrize("name", ["Taman", "Kazan", "Abakan", "Astrakhan", "Magadan"])
def test_a_name_ending_in_an_before_station_is_the_name(name):
    result = read(f"An echelon with tanks arrived at {name} station on 4 March.")
    assert ends(result) == [(None, name)]
    result = read(f"A train with tanks was spotted at {name} station.")
    assert [v.text for v in result.shipments[0].via] == [name]


def test_an_adjective_before_station_and_a_name_still_glosses_the_name():
    result = read("The echelon left the Belarusian station Slonim for the town of Yelsk.")
    assert ends(result) == [("Slonim", "Yelsk")]


# -- who tells is no origin; a range of things is no route -------------------------------


@pytest.mark.parametrize(
    "text",
    [
        'Quote from Demchenko: "The first trains have arrived."',
        "A statement from Naumenko said that trains were moving.",
        "According to a message from Kovalenko, the situation is calm.",
        "There was no comment from Minsk on the report.",
    ],
)
def test_a_speaker_after_from_is_no_origin(text):
    assert [t for r, t in roles(text) if r == "origin"] == []


@pytest.mark.parametrize(
    "text",
    [
        "The flatcars carried every kind of vehicle from Humvees to Oshkosh trucks.",
        "It hauled all types of cargo from Toyota cars to Bosch parts.",
        "The train was loaded with goods ranging from Lenovo laptops to Haier fridges.",
    ],
)
def test_a_range_of_things_is_no_route(text):
    assert [t for r, t in roles(text) if r in ("origin", "destination")] == []


def test_a_route_beside_a_range_of_things_is_kept():
    text = "The train left Chongqing for Duisburg, carrying everything from laptops to parts."
    assert ends(read(text)) == [("Chongqing", "Duisburg")]


@pytest.mark.parametrize("code", ["M1083", "T72", "BMP2", "M2A3"])
def test_a_model_code_is_no_place(code):
    assert roles(f"The train went to {code} trucks and back.") == []


# -- one kind of car the train is said to have is its size ------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "n"),
    [
        ("A container train numbering 48 open-top cars left Nakhodka.", "other", 48),
        ("The train has 31 platforms with trucks. It left Sknyliv.", "flat", 31),
        ("The echelon, which included 44 flatcars, left Orsha.", "flat", 44),
        ("The fuel train totalling 60 tank cars left Ufa.", "tank", 60),
    ],
)
def test_the_one_kind_a_train_has_is_its_total(text, kind, n):
    cars = read(text).to_dict()["shipments"][0]["cars"]
    assert (cars[kind], cars["total"]) == (n, n)


def test_a_part_the_train_also_has_is_no_total():
    text = "The echelon left Orsha for Smolensk. The train also has 3 passenger cars."
    cars = read(text).to_dict()["shipments"][0]["cars"]
    assert (cars["passenger"], cars["total"]) == (3, None)


# -- a train destroyed or burnt, and a suburban service: no shipment, in every language ---


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("A fuel train of 32 tank cars from Crimea was destroyed near Vasylivka.", None),
        ("Partisans set fire to the cars of an echelon that left Dzhankoi for Tokmak.", None),
        ("A freight train from Rostov caught fire at Ilovaisk on 3 March.", None),
        ("Commuter trains from Melitopol to Dzhankoi will run from 1 July.", None),
        ("A suburban train with four cars left Kherson for Mykolaiv.", None),
        ("Эшелон из 30 цистерн, прибывший на станцию Валуйки 3 марта, был уничтожен.", "ru"),
        ("Ешелон із 30 цистерн, що прибув до Валуйок 3 березня, було знищено.", "uk"),
        ("Эшалон з 30 цыстэрнаў, які прыбыў у Калінкавічы 3 сакавіка, быў знішчаны.", "be"),
        ("Pociąg z 30 cysternami, który przyjechał do Kowla 3 marca, został zniszczony.", "pl"),
    ],
)
def test_a_train_destroyed_or_a_suburban_service_is_no_shipment(text, lang):
    assert read(text, lang=lang).shipments == []


def test_a_train_arriving_beside_no_incident_is_still_read_in_every_language():
    for text, lang in [
        ("Эшелон из 30 цистерн прибыл на станцию Валуйки 3 марта.", "ru"),
        ("Ешелон із 30 цистерн прибув до Валуйок 3 березня.", "uk"),
        ("Эшалон з 30 цыстэрнаў прыбыў у Калінкавічы 3 сакавіка.", "be"),
    ]:
        assert len(read(text, lang=lang).shipments) == 1, text


# -- cars for people are passenger cars --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "n"),
    [
        ("The echelon left Orsha with 30 flatcars and two wagon cars for people.", 2),
        ("The echelon left Orsha with 30 flatcars and 3 cars with soldiers.", 3),
        ("The echelon left Orsha with 30 flatcars and four wagons for the personnel.", 4),
    ],
)
def test_cars_for_people_are_passenger_cars(text, n):
    cars = read(text).to_dict()["shipments"][0]["cars"]
    assert (cars["passenger"], cars["flat"]) == (n, 30)


def test_cars_with_a_load_are_still_untyped():
    cars = read("An echelon of 40 cars with tanks left Orsha.").to_dict()["shipments"][0]["cars"]
    assert (cars["total"], cars["passenger"]) == (40, None)


# -- where the load was kept is no place of the train; a glossed bridge is a bridge ------


@pytest.mark.parametrize(
    "text",
    [
        "The tanks were previously stationed at Obuz-Lesnovsky firing range.",
        "Before that the vehicles stayed at the Lepel training ground.",
        "The equipment came from the Brestsky polygon.",
        "The train stood at the entrance to the Kerch [Crimean] bridge.",
        "It went on to the Antonivsky (road) bridge.",
    ],
)
def test_a_range_or_a_glossed_bridge_is_no_place(text):
    assert roles(text) == []


def test_a_loading_with_a_long_object_names_the_origin():
    text = "The army loaded more than 20 tanks and 16 Ural trucks on platforms at Zaslonovo."
    assert roles(text) == [("origin", "Zaslonovo")]


# -- a forum's way of telling a route: "running through X ... before reaching Y" ---------


@pytest.mark.parametrize(
    ("text", "via", "destination"),
    [
        (
            "Saw a long army train running through a station in Zhlobin at 7am, about 30"
            " flatcars with tanks, heading south before reaching Kalinkovichi.",
            "Zhlobin",
            "Kalinkovichi",
        ),
        (
            "An echelon came through Gomel on Tuesday before it reached Rechitsa.",
            "Gomel",
            "Rechitsa",
        ),
        ("The train was going past Orsha before arriving at Smolensk.", "Orsha", "Smolensk"),
        (
            "A military train ran through Bobruisk before getting to Osipovichi.",
            "Bobruisk",
            "Osipovichi",
        ),
    ],
)
def test_a_place_run_through_before_reaching_another(text, via, destination):
    [train] = read(text).shipments
    assert [v.text for v in train.via] == [via]
    assert train.destination.text == destination


# -- the end of a route told by "terminate"; what a thing is fit for is no goal ----------


@pytest.mark.parametrize(
    ("text", "destination"),
    [
        ("The train started from Hefei and will terminate at Malaszewicze.", "Malaszewicze"),
        ("The service terminates in Lodz after 14 days.", "Lodz"),
        ("The container run ends its journey in Kutno.", "Kutno"),
    ],
)
def test_terminate_and_end_name_the_destination(text, destination):
    assert ("destination", destination) in roles(text)


@pytest.mark.parametrize(
    "text",
    [
        "The containers go on platforms approved for the Eurotunnel.",
        "These wagons are suitable for Finland and the Baltic states.",
        "The operator won a tender for Rostock last year.",
    ],
)
def test_what_a_thing_is_fit_for_is_no_destination(text):
    assert [t for r, t in roles(text) if r == "destination"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Locals in Rechitsa filmed an echelon with tanks.",
        "Residents of Zhlobin noticed a long train with armour.",
        "Eyewitnesses in Mozyr photographed a train with howitzers.",
    ],
)
def test_where_onlookers_are_is_where_the_train_was_seen(text):
    [train] = read(text).shipments
    assert len(train.via) == 1
    assert train.origin is None
    assert train.destination is None


# -- a US state after a town is its gloss; railroad companies and lines are no places ---


@pytest.mark.parametrize(
    ("text", "via"),
    [
        ("A train with Strykers rolled through Hermiston, Oregon.", ["Hermiston"]),
        ("The military train passed through Barstow, Calif. on Monday.", ["Barstow"]),
        ("Video of a train with tanks through Killeen Texas.", ["Killeen"]),
        ("The train went past Pueblo, Colorado and Trinidad, Colo.", ["Pueblo", "Trinidad"]),
    ],
)
def test_a_state_after_a_town_is_no_second_place(text, via):
    [train] = read(text).shipments
    assert [v.text for v in train.via] == via


@pytest.mark.parametrize(
    "text",
    [
        "Canadian Pacific carried the train via the Belt Line.",
        "BNSF moved the shipment along the Southern Transcon Line.",
    ],
)
def test_a_railroad_or_a_line_is_no_place(text):
    assert [t for _, t in roles(text)] == []


def test_a_compass_word_before_a_state_stays_one_region():
    assert ("origin", "Southern California") in roles(
        "The railroad moved the tanks from Southern California to Herlong."
    )


# -- a headline with no full stop ends at its line break before the lead -----------------


@pytest.mark.parametrize(
    "headline",
    [
        "Rail freight grew by 12 per cent in 2022, with 2,400 trains and 1.2 million TEUs",
        "Over 300 trains a month now run on the corridor",
    ],
)
def test_a_statistic_headline_does_not_swallow_the_lead(headline):
    lead = "The first container train left Hefei, heading to Lodz on March 3, 2023."
    result = read(f"{headline}\n{lead}")
    assert ends(result) == [("Hefei", "Lodz")]
    assert str(result.shipments[0].departure.earliest) == "2023-03-03"


def test_a_wrapped_line_is_still_one_sentence():
    text = "The echelon with tanks left Orsha and was\nseen at Smolensk on March 3."
    [train] = read(text).shipments
    assert train.origin.text == "Orsha"
    assert [v.text for v in train.via] == ["Smolensk"]


@pytest.mark.parametrize(
    "text",
    [
        "It took five days for the LCD screens to arrive at the port.",
        "The train carried parts for the KAMAZ trucks to the front.",
    ],
)
def test_an_acronym_before_its_noun_is_no_place(text):
    assert [t for r, t in roles(text) if r == "destination"] == []


def test_an_acronym_alone_is_still_a_place():
    assert ("destination", "UK") in roles("The first train from China went to the UK.")

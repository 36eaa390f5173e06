"""Kinds of misreading found on real English reports in session 11 (issue 13).

Every input is written here (not copied from a corpus); each stands for a kind, and the
assertions are about the kind, never about one text. The reports that showed them are
in ``tests/data/extraction_real/`` (r800-r817 and the older English reports).
"""

from datetime import date

import pytest

from railtrack.extract.cues import is_statistic
from railtrack.extract.lexread import LexiconReader
from tests._extract_helpers import read


def vias(result):
    return [[v.text for v in s.via] for s in result.shipments]


# -- trains counted over part of a month or as a running total are a tally -----------


@pytest.mark.parametrize(
    "text",
    [
        "In the first ten days of March, the railway sent 41 trains to the port.",
        "During the last ten days of June, 27 grain trains were unloaded at Izmail.",
        "In the second decade of May the yard received 18 container trains.",
        "We have already dispatched 25 block trains to Dostyk this year.",
        "Already 14 trains have reached the terminal.",
    ],
)
def test_trains_counted_over_part_of_a_month_are_a_tally(text):
    assert is_statistic(text)
    result = read(text)
    assert result.shipments == []
    assert result.groups == []


@pytest.mark.parametrize(
    "text",
    [
        "Two trains left Slonim for Valuyki on 3 March.",
        "Russia has already sent two more echelons to Belarus.",
        "In the first days of March a train of 40 cars arrived in Orsha.",
    ],
)
def test_trains_described_are_no_tally(text):
    assert not is_statistic(text)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "За первую декаду мая на станцию прибыло 33 поезда."),
        ("uk", "За першу декаду травня на станцію прибуло 33 потяги."),
        ("be", "За першую дэкаду мая на станцыю прыбыло 33 цягнікі."),
        ("pl", "W ciągu pierwszych dziesięciu dni maja przyjechały 33 pociągi."),
    ],
)
def test_part_of_a_month_is_a_period_in_every_language(lang, text):
    assert LexiconReader(lang).is_statistic(text)
    result = read(text, lang=lang)
    assert result.shipments == []


# -- a train located by a distance and a compass point from a place was seen there ---


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("A train carrying tanks was seen about 3 miles east of Barstow.", "Barstow"),
        ("The echelon was filmed 15 km north of Orsha on 6 March.", "Orsha"),
        ("A military train stood two kilometres south-west of Gomel.", "Gomel"),
    ],
)
def test_a_distance_and_a_compass_point_from_a_place_is_a_place_passed(text, place):
    result = read(text)
    assert vias(result) == [[place]]
    assert all(s.origin is None and s.destination is None for s in result.shipments)


def test_a_distance_glossing_a_station_adds_no_place():
    result = read("The echelon arrived at Polonka station, 20 km west of Baranovichi, on 5 March.")
    assert [s.destination.text for s in result.shipments] == ["Polonka"]
    assert vias(result) == [[]]


# -- a dated clip and the train hauling the load told of are the train told of --------


@pytest.mark.parametrize(
    "text",
    [
        "A freight train was spotted carrying armour in Nebraska. A video from 12 February "
        "shows the vehicles being hauled by a train near Kearney.",
        "Residents saw a train with howitzers. Footage dated March 2 shows the guns being "
        "pulled by a train 2 miles west of Kearney.",
    ],
)
def test_a_train_hauling_the_load_told_of_is_the_same_train(text):
    result = read(text, published=date(2023, 3, 10))
    assert len(result.shipments) == 1
    assert ["Kearney"] in vias(result)


def test_a_train_carrying_a_load_with_its_own_ends_is_another_train():
    result = read(
        "A train left Orsha for Gomel. Tanks were carried by a train from Minsk to Brest."
    )
    assert len(result.shipments) == 2


# -- a touring show train is no shipment; what a car or a soldier is assigned to is no end


@pytest.mark.parametrize(
    "text",
    [
        "A train loaded with captured tanks is touring Siberia and reached Omsk on 2 March.",
        "The trophy train, on tour since February, arrived in Samara on 4 March.",
    ],
)
def test_a_touring_show_train_is_no_shipment(text):
    assert read(text).shipments == []


@pytest.mark.parametrize(
    "text",
    [
        "A train of 20 wagons passed Orsha. The wagons are assigned to the Kazan station.",
        "A train of 12 flatcars passed Orsha. The flatcars are registered to the Kursk depot.",
    ],
)
def test_what_cars_are_assigned_to_is_no_destination(text):
    result = read(text)
    assert all(s.destination is None for s in result.shipments)
    assert vias(result) == [["Orsha"]]


# -- the passive of a transfer with its goal dates the arrival; an earlier train told
# -- beside it is another train, on "the exact route" of the one told


@pytest.mark.parametrize(
    ("text", "window"),
    [
        ("A train of 30 flatcars was redeployed to Gomel on 4 March.", (4, 4)),
        ("Twenty wagons of troops were relocated into Crimea on the night of 1-2 March.", (1, 2)),
        ("The echelon was transferred to Orsha overnight from Monday to Tuesday.", (6, 7)),
    ],
)
def test_the_passive_of_a_transfer_to_a_place_dates_the_arrival(text, window):
    [shipment] = read(text).shipments
    assert shipment.departure is None
    got = shipment.expected_arrival
    assert (got.earliest.day, got.latest.day) == window
    assert got.earliest.month == 3


def test_an_earlier_train_on_the_exact_route_is_another_train_on_that_route():
    text = (
        "A train of 12 passenger cars passed Orsha and arrived in Minsk on 8 March. "
        "It followed the identical route of an earlier train, which reached Minsk on 6 March."
    )
    result = read(text)
    assert len(result.shipments) == 2
    assert vias(result) == [["Orsha"], ["Orsha"]]
    assert sorted(s.expected_arrival.earliest.day for s in result.shipments) == [6, 8]


# -- a route told by where it starts and ends; "started its way" is a departure -------


@pytest.mark.parametrize(
    ("text", "origin", "destination"),
    [
        (
            "The route of the new container train starts at Kutno to end at Chengdu.",
            "Kutno",
            "Chengdu",
        ),
        (
            "The trip of the grain train began in Chelm; it will end in Barcelona.",
            "Chelm",
            "Barcelona",
        ),
        ("The block train's journey starts from Lodz and ends at Xiamen.", "Lodz", "Xiamen"),
    ],
)
def test_a_route_told_by_its_start_and_end(text, origin, destination):
    [shipment] = read(text).shipments
    assert (shipment.origin.text, shipment.destination.text) == (origin, destination)


def test_a_train_that_started_its_way_on_a_day_departed_then():
    text = "The container train started its way from Chengdu to Lodz on 2 March."
    [shipment] = read(text).shipments
    assert shipment.departure.earliest == date(2023, 3, 2)
    assert shipment.expected_arrival is None


# -- a leg of the route starts at a place passed; a tunnel or bridge is no station; a
# -- place's own location is no sighting


@pytest.mark.parametrize(
    "text",
    [
        "The block train from Xi'an reached Madrid; Renfe hauled the last leg from Irun.",
        "The grain train left Chelm for Rotterdam, DB running the final stretch from Emmerich.",
    ],
)
def test_a_leg_of_the_route_starts_at_a_place_passed(text):
    result = read(text)
    [shipment] = result.shipments
    assert shipment.origin.text in ("Xi'an", "Chelm")
    assert len(shipment.via) == 1
    assert shipment.via[0].text in ("Irun", "Emmerich")


@pytest.mark.parametrize(
    "text",
    [
        "The container train from Wuhan reached Dagenham via the Channel Tunnel on 3 March.",
        "A train with 40 tank cars passed through the Seikan Tunnel to reach Hakodate on 3 March.",
    ],
)
def test_a_tunnel_passed_through_is_no_place_passed(text):
    result = read(text)
    assert vias(result) == [[]]


def test_where_a_junction_lies_is_no_sighting():
    text = (
        "Thousands of wagons stood at Mostyska. Located some 70 km west of Lviv, the junction "
        "saw a train of 50 wagons pass Sknyliv on 2 March."
    )
    assert all("Lviv" not in v for v in vias(read(text)))


def test_the_village_a_distance_from_a_town_is_where_the_train_was():
    text = "A train with tanks was filmed about 30 miles west of Kerch in the village of Lenine."
    assert vias(read(text)) == [["Lenine"]]


@pytest.mark.parametrize(
    "text",
    ["The train, seen near Orsha, left for Minsk.", "The train, spotted at Orsha, left for Minsk."],
)
def test_a_place_seen_after_a_comma_is_still_passed(text):
    assert vias(read(text)) == [["Orsha"]]


# -- sending in general, named by a gerund after a preposition, is no trip ------------


@pytest.mark.parametrize(
    "text",
    [
        "Exporters talk about moving containers from Chengdu to Lodz by train.",
        "The firm is interested in shipping grain from Odesa to Constanta by train.",
        "Officials spoke of sending wagons from Brest to Terespol by train.",
    ],
)
def test_sending_in_general_is_no_shipment(text):
    assert read(text).shipments == []


def test_a_train_sent_is_still_a_shipment():
    [shipment] = read("A train of 40 wagons was sent from Brest to Terespol on 3 March.").shipments
    assert (shipment.origin.text, shipment.destination.text) == ("Brest", "Terespol")


# -- a locomotive hauling cars is a train; "a pair of" is two; what cars are laden with
# -- is no kind of car


@pytest.mark.parametrize(
    ("text", "flat"),
    [
        ("A lone locomotive hauled a pair of howitzer-laden flatcars past Altoona.", 2),
        ("An engine pulling 14 truck-loaded flatcars rolled through Altoona.", 14),
    ],
)
def test_a_locomotive_hauling_cars_is_a_train(text, flat):
    [shipment] = read(text).shipments
    assert shipment.cars.flat == flat
    assert shipment.cars.tank is None
    assert [v.text for v in shipment.via] == ["Altoona"]


def test_a_locomotive_alone_is_no_train():
    assert read("The locomotive was repaired at Altoona on 3 March.").shipments == []


# -- a load carried by rail is a train, with no train noun; a source named "Railway ..."
# -- is none


@pytest.mark.parametrize(
    "text",
    [
        "Forty Bradleys were shipped by rail from Fort Hood to Fort Polk on 3 March.",
        "The howitzers were moved via rail from Fort Hood to Fort Polk on 3 March.",
    ],
)
def test_a_load_carried_by_rail_is_a_shipment(text):
    [shipment] = read(text).shipments
    assert (shipment.origin.text, shipment.destination.text) == ("Fort Hood", "Fort Polk")
    assert shipment.departure.earliest == date(2023, 3, 3)


def test_a_source_named_railway_is_no_rail_move():
    assert read("This was reported by Railway Gazette from Lviv to its readers.").shipments == []


# -- a photo or video "shows a train": the article of the photo starts no train -------


@pytest.mark.parametrize(
    "text",
    [
        "A photo shows a train with howitzers in Zhlobin.",
        "A video shows a train at the station in Zhlobin.",
        "A picture shows an echelon with tanks in Zhlobin.",
    ],
)
def test_a_photo_showing_a_train_is_a_sighting_there(text):
    result = read(text)
    assert vias(result) == [["Zhlobin"]]


# -- a company's trade name before its works' town: the town is the place ------------


@pytest.mark.parametrize(
    ("text", "origin"),
    [
        ("A train with M88s left Harsco Industries Fairmont for Fort Polk on 3 March.", "Fairmont"),
        ("A train of 20 flatcars departed from Anniston Systems Oxford on 3 March.", "Oxford"),
    ],
)
def test_a_company_name_before_a_town_leaves_the_town(text, origin):
    [shipment] = read(text).shipments
    assert shipment.origin.text == origin

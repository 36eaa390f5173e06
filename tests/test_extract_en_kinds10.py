"""Kinds of misreading found on real English reports in session 10 (issue 13).

Every input is written here (not copied from a corpus); each stands for a kind, and the
assertions are about the kind, never about one text. The reports that showed them are
in ``tests/data/extraction_real/`` (r700-r717 and the older English reports).
"""

import pytest

from tests._extract_helpers import ends, read


def vias(result):
    return [[v.text for v in s.via] for s in result.shipments]


# -- people counted beside cars are no cars; too many cars is a problem, no traceback ---


@pytest.mark.parametrize(
    ("text", "flat"),
    [
        (
            "A train of 30 platforms with vehicles and about 100 military personnel came to Minsk.",
            30,
        ),
        ("An echelon of 25 flatcars and some 300 personnel arrived in Orsha.", 25),
        ("The train had 12 platforms and 90 personnel. It left Gomel.", 12),
    ],
)
def test_personnel_beside_cars_is_no_car_count(text, flat):
    result = read(text)
    [shipment] = result.shipments
    assert shipment.cars.flat == flat
    assert shipment.cars.passenger is None


@pytest.mark.parametrize(
    "text",
    [
        "A train of 80 flatcars and 60 passenger cars arrived in Minsk.",
        "The echelon (70 platforms, 55 covered wagons) left Orsha.",
    ],
)
def test_typed_cars_over_a_train_are_dropped_with_a_problem(text):
    result = read(text)
    [shipment] = result.shipments
    assert shipment.cars.typed_sum == 0
    assert any("more than 1 train(s) can carry" in p for p in result.problems)


# -- a stop on the way is a place passed (via), not the end ---------------------------


@pytest.mark.parametrize(
    ("text", "via", "destination"),
    [
        (
            "The train left Madrid for Barcelona after stops in Lodz and Duisburg.",
            ["Lodz", "Duisburg"],
            "Barcelona",
        ),
        (
            "The grain train arrived in Barcelona with a stop at Duisburg.",
            ["Duisburg"],
            "Barcelona",
        ),
        (
            "The train from Chongqing to Duisburg called at Malaszewicze on 3 March.",
            ["Malaszewicze"],
            "Duisburg",
        ),
        ("A train from Xi'an arrived in Hamburg, stopping at Brest.", ["Brest"], "Hamburg"),
        (
            "The train arrived in Valencia after stops in Poznan, western Poland and Lyon, "
            "eastern France.",
            ["Poznan", "Lyon"],
            "Valencia",
        ),
    ],
)
def test_a_stop_on_the_way_is_passed(text, via, destination):
    result = read(text)
    assert [d for _, d in ends(result)] == [destination]
    assert vias(result) == [via]


def test_a_glossed_region_in_a_list_of_places_passed_is_skipped_not_a_place():
    result = read(
        "The echelon from Minsk passed through Orsha, northern Belarus, Smolensk and Bryansk."
    )
    assert vias(result) == [["Orsha", "Smolensk", "Bryansk"]]


# -- a train named by its ends before its noun ------------------------------------------


@pytest.mark.parametrize(
    ("text", "origin", "destination"),
    [
        ("The Chongqing to Duisburg train left on 3 March.", "Chongqing", "Duisburg"),
        ("A Xi'an to Hamburg container service departed on 3 March.", "Xi'an", "Hamburg"),
        (
            "The 06.10 Port Talbot to Llanwern freight ran through Cardiff on 2 March.",
            "Port Talbot",
            "Llanwern",
        ),
    ],
)
def test_a_train_named_by_its_ends(text, origin, destination):
    assert ends(read(text)) == [(origin, destination)]


def test_freight_as_goods_is_no_train():
    assert read("The freight was unloaded at Gdansk and sent on by road.").shipments == []


# -- what a line or train serves in general, and a train destroyed, is no trip ----------


@pytest.mark.parametrize(
    "text",
    [
        "Drones hit a supply line used to transport fuel from Crimea to Melitopol.",
        "The blast caused the destruction of a train that had been crucial for the "
        "transportation of fuel from Dzhankoi to Melitopol.",
        "On its way back to Crimea, this train would carry grain from Melitopol.",
        "The wagons were used to carry ammunition from Rostov to Donetsk.",
        "Near the Osnova station, partizans caused a fire in a train with tank cars "
        "bound for Kupiansk.",
    ],
)
def test_a_route_in_general_or_a_destroyed_train_is_no_shipment(text):
    assert read(text).shipments == []


def test_a_trip_beside_the_route_words_is_still_read():
    result = read("A train with fuel left Dzhankoi for Melitopol on 3 March.")
    assert ends(result) == [("Dzhankoi", "Melitopol")]


# -- a train seen on a photo or in footage, and one seen in a region, is a sighting ------


@pytest.mark.parametrize(
    ("text", "via"),
    [
        ("A video shows a military train in Homel.", ["Homel"]),
        ("Footage of a train with tanks in Watsonville appeared online.", ["Watsonville"]),
        ("Photos showed a military echelon at Orsha station.", ["Orsha"]),
        ("A clip showing a military train near Kursk went viral.", ["Kursk"]),
    ],
)
def test_a_train_on_a_photo_or_in_footage_is_seen_there(text, via):
    assert vias(read(text)) == [via]


@pytest.mark.parametrize(
    ("text", "via"),
    [
        ("A train with tanks was filmed in the Bryansk region.", ["Bryansk region"]),
        ("An echelon with artillery was spotted in the Gomel region on Monday.", ["Gomel region"]),
    ],
)
def test_a_train_seen_in_a_region_is_seen_there(text, via):
    assert vias(read(text)) == [via]


def test_countries_passed_are_no_via_points():
    result = read("The container train passed through Belarus and Poland on its way to Duisburg.")
    assert vias(result) == [[]]


# -- the day a report was made is not the train's day -----------------------------------


def _arrivals(result):
    return [s.expected_arrival.earliest if s.expected_arrival else None for s in result.shipments]


@pytest.mark.parametrize(
    "text",
    [
        "On January 8, it was reported about the arrival in Minsk of 30 platforms with trucks.",
        "On March 3, the monitoring group reported that a military train arrived in Orsha.",
        "It was reported on March 3 that a military echelon arrived in Gomel.",
        "The channel wrote on 3 March that an echelon with tanks had arrived in Brest.",
    ],
)
def test_the_day_of_a_report_does_not_date_the_train(text):
    assert _arrivals(read(text)) == [None]


@pytest.mark.parametrize(
    "text",
    [
        "A military train arrived in Minsk on March 3, Hajun reported.",
        "On March 3, a military train arrived in Minsk.",
        "On March 3, the echelon with tanks arrived in Minsk, the channel said.",
    ],
)
def test_the_day_of_the_trip_beside_a_report_is_kept(text):
    assert [d.isoformat() for d in _arrivals(read(text))] == ["2023-03-03"]


# -- a trip's length after its first run's day dates the arrival -------------------------


@pytest.mark.parametrize(
    ("text", "departure", "arrival"),
    [
        (
            "A cargo train linking Germany and Urumqi began operation on Saturday. It takes "
            "ten days for the train to reach Duisburg from Urumqi.",
            "2023-03-04",
            "2023-03-14",
        ),
        (
            "The first train left Chengdu on 1 March. It took 14 days for the train to get "
            "to Lodz.",
            "2023-03-01",
            "2023-03-15",
        ),
    ],
)
def test_a_trip_length_after_the_first_run_dates_the_arrival(text, departure, arrival):
    [shipment] = read(text).shipments
    assert shipment.departure.earliest.isoformat() == departure
    assert shipment.expected_arrival.earliest.isoformat() == arrival


def test_a_terminal_that_began_operation_is_no_train():
    assert read("The terminal began operation in 2019.").shipments == []


def test_a_country_that_only_says_where_a_station_lies_is_no_via_point():
    result = read("Tanks on a military train were seen at the Taman railway station in Russia.")
    assert vias(result) == [["Taman"]]


# -- words a title-case headline capitalises, and a state's postal code, are no places --


def test_a_pronoun_capitalised_by_a_headline_is_no_place():
    result = read("Trains For Everything\nA military train left Orsha for Minsk.")
    assert ends(result) == [("Orsha", "Minsk")]


@pytest.mark.parametrize(
    ("text", "via"),
    [
        ("A military train rolled through Killeen, TX on Monday.", ["Killeen"]),
        (
            "An Army train with tanks passed through Garrett, PA and Cumberland.",
            ["Garrett", "Cumberland"],
        ),
    ],
)
def test_a_state_postal_code_after_a_town_is_its_gloss(text, via):
    assert vias(read(text)) == [via]

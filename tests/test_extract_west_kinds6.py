"""Kinds of misreading found on unseen English and Polish reports in session 6 (issue 13).

Every input is written here (not copied from a corpus or a trial input); each stands
for a kind, and the assertions are about the kind, never about one text.
"""

from datetime import date

import pytest

from railtrack.extract import extract_shipments
from railtrack.extract.places import find_places

PUB = date(2023, 3, 10)


def read(text, published=PUB):
    return extract_shipments(text, published=published, network=False)


def names(text):
    return [(p.role, p.text) for p in find_places(text)]


# -- a multi-word proper name is never cut to its first word (trial F64's kind) ---------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "It ran from South Australia to the Port of Adelaide.",
            ("South Australia", "Port of Adelaide"),
        ),
        (
            "The grain came from New South Wales to the Port of Brisbane.",
            ("New South Wales", "Port of Brisbane"),
        ),
        (
            "A train from North Dakota headed to the Gulf of Mexico coast.",
            ("North Dakota", "Gulf of Mexico"),
        ),
    ],
)
def test_compass_words_and_of_stay_inside_a_name(text, expected):
    got = names(text)
    assert [t for r, t in got if r == "origin"] == [expected[0]]
    assert [t for r, t in got if r == "destination"] == [expected[1]]


def test_a_compass_word_alone_is_still_no_place():
    assert names("The echelon was heading to the North.") == []


# -- an adjective of a people before its noun is no place (trial F70's kind) ------------


@pytest.mark.parametrize(
    "text",
    [
        "The tanks were captured from Syrian rebels last year.",
        "The guns were bought from Polish dealers in 2019.",
        "The wagons came from Chinese factories.",
    ],
)
def test_a_peoples_adjective_is_no_origin(text):
    assert names(text) == []


def test_a_name_ending_like_an_adjective_before_a_function_word_stays():
    assert names("A container train left Xian to Duisburg.") == [
        ("origin", "Xian"),
        ("destination", "Duisburg"),
    ]


# -- organisations, streets and initials are no places; a facility's town is ------------


@pytest.mark.parametrize(
    "text",
    [
        "The vehicles came from the Ohio National Guard.",
        "The train ran almost to Collins Street.",
        "It is not going to the U.S. border.",
    ],
)
def test_organisations_streets_and_initials_are_no_places(text):
    assert names(text) == []


def test_a_facility_named_with_its_town_gives_the_town():
    assert names("The train is headed to the Anniston Army Depot in Bynum.") == [
        ("destination", "Bynum")
    ]


def test_originated_in_names_the_origin():
    assert names("The train originated in Barstow.") == [("origin", "Barstow")]


# -- the only counted car kind is no total when another kind is named uncounted (F71) ----


def test_one_counted_kind_beside_an_uncounted_kind_is_no_total():
    (s,) = read(
        "Pociąg z Kowla przyjechał na stację Chełm. Na platformach jechały ciężarówki, "
        "a do składu dołączono trzy wagony sypialne.",
        published=date(2023, 3, 10),
    ).shipments
    assert s.cars.passenger == 3
    # the model keeps a lower bound, flagged derived: no stated total (null in --json)
    assert s.cars.total_derived


def test_one_counted_kind_alone_is_still_the_total():
    (s,) = read("Do Homla przyjechał eszelon z 30 platformami.").shipments
    assert (s.cars.flat, s.cars.total, s.cars.total_derived) == (30, 30, False)


# -- trains that "may be formed" from cars prepared are a capacity, not trains -----------


def test_trains_that_may_be_formed_are_no_trains():
    result = read(
        "Przygotowano 60 wagonów pasażerskich. Z tych wagonów może zostać utworzonych "
        "nawet 12 składów."
    )
    assert result.shipments == []
    assert result.groups == []


# -- a debunked claim, the train of an accident told again, a show train ------------------


def test_a_debunked_train_is_no_shipment():
    result = read(
        "Channels claim a train with tanks has arrived in Gomel. It's not true: the "
        "photos show a train of the local brigade at Rechitsa."
    )
    assert result.shipments == []


def test_the_train_of_an_accident_told_again_is_no_shipment():
    result = read(
        "Nine grain cars jumped the tracks near Elm Creek on Monday. Railroad officials "
        "said the freight train, which had 90 cars, was traveling from Elm Creek to Fargo."
    )
    assert result.shipments == []


def test_another_train_after_an_accident_is_still_read():
    result = read(
        "Nine grain cars jumped the tracks near Elm Creek on Monday. Another train "
        "with 40 cars left Fargo for Duluth on Tuesday."
    )
    assert [(s.origin.text, s.destination.text) for s in result.shipments] == [("Fargo", "Duluth")]


@pytest.mark.parametrize(
    "text",
    [
        "A heritage train with vintage carriages left York for Scarborough on Sunday.",
        "Parowóz z zabytkowymi wagonami wyruszył w środę z Krakowa do Wieliczki.",
    ],
)
def test_show_trains_are_no_shipments(text):
    assert read(text).shipments == []


# -- an institution named as an end: the town it is in ----------------------------------


def test_works_named_as_an_origin_give_their_town():
    (s,) = read(
        "Pociąg z czołgami dotarł do Gdańska z Zakładów Mechanicznych w Bydgoszczy."
    ).shipments
    assert (s.origin.text, s.destination.text) == ("Bydgoszczy", "Gdańska")


# -- two ends written alike: the later one came from a sentence about the place -----------


@pytest.mark.parametrize(
    "text",
    [
        "Pociąg z czołgami dotarł do Gdyni. Amerykanie często korzystają z portu w Gdyni.",
        "A train with tanks arrived at Elbing. The army often sends trains from Elbing.",
    ],
)
def test_a_trip_never_starts_where_it_ends(text):
    (s,) = read(text).shipments
    assert s.origin is None
    assert s.destination is not None

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

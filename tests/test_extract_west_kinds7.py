"""Kinds of misreading found on English and Polish reports in session 7 (issue 13).

Every input is written here (not copied from a corpus or a trial input); each stands
for a kind, and the assertions are about the kind, never about one text.
"""

from datetime import date

import pytest
from _extract_helpers import read

from railtrack.extract.cues import claim_kind, generic_at, group_announcement

# -- trains in general, said to compare, are no group and give no count (F64/F87) ------


_HEAD = (
    "A record coal train has made its first trip from the Darling Downs to the Port of "
    "Brisbane. Leaving Moree with 90 wagons, the train reached the Port of Brisbane Coal "
    "Terminal on 3 March. "
)


@pytest.mark.parametrize(
    "comparison",
    [
        "It is longer than the usual coal trains on the line, which run at 45 wagons.",
        "The typical trains there carry 45 wagons in total.",
        "Such trains normally have 45 wagons altogether.",
    ],
)
def test_usual_trains_are_no_group_of_the_trains_told(comparison):
    result = read(_HEAD + comparison)
    assert result.groups == []
    assert [s.cars.total for s in result.shipments] == [90]


def test_usual_trains_in_polish_give_no_count():
    text = (
        "Rekordowy pociąg odbył pierwszy kurs z Białorusi do Homla. Pociąg z 90 wagonami "
        "wyjechał 3 marca ze Słonimia do Homla. Jest dwa razy dłuższy niż zwykłe "
        "pociągi, które liczą łącznie 45 wagonów."
    )
    result = read(text, lang="pl")
    assert result.groups == []
    assert [s.cars.total for s in result.shipments] == [90]


def test_a_count_before_the_comparison_is_the_trains():
    text = "A 73-car train, twice as long as the usual trains of 40 wagons, left Moree."
    assert generic_at(text) is not None
    assert [s.cars.total for s in read(text).shipments] == [73]


def test_a_regular_train_in_the_singular_is_still_the_train_told():
    assert generic_at("A regular freight train of 50 cars left Moree.") is None


# -- a fleet counted after a possessive is no group announcement ------------------------


@pytest.mark.parametrize(
    "text",
    [
        "the Baikal, one of Russia's two armoured trains",
        "It is one of the railway's three hospital trains.",
        "Belarus' four armoured trains were shown in 2020.",
    ],
)
def test_a_fleet_is_no_announcement(text):
    assert group_announcement(text) is None


def test_a_fleet_named_beside_one_train_adds_no_trains():
    text = (
        "An armoured train moved from Crimea to Melitopol on 6 March. It is unclear "
        "whether it is the Yenisei, one of Russia's two armoured trains."
    )
    result = read(text)
    assert result.groups == []
    assert len(result.shipments) == 1


def test_an_announcement_is_still_read():
    assert group_announcement("On Monday two trains left Gomel.").n_trains == 2


# -- "believed to be the largest": a description hedged, not an expected trip ----------


def test_believed_to_be_a_superlative_is_no_expectation():
    assert claim_kind("what is believed to be the largest grain train left Moree") is None
    assert claim_kind("The train is believed to have left Moree.") == "expected"


# -- a region or country that says where a place lies is no place passed -------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("A military train was seen at Smolensk, in the Smolensk region, on March 6.", "en"),
        ("Skład wojskowy znajdował się na stacji Tamań, w rosyjskim Kraju Krasnodarskim.", "pl"),
        ("A military echelon was spotted at Unecha, Russia, heading to Gomel.", "en"),
    ],
)
def test_a_gloss_of_a_place_is_no_second_via(text, lang):
    (shipment,) = read(text, lang=lang).shipments
    assert len(shipment.via) == 1


def test_a_sighting_at_a_glossed_place_stays_at_the_place():
    text = "A train from Gomel was seen at Smolensk, in the Smolensk region, on March 6."
    (sighting,) = read(text).sightings
    assert sighting.station.text == "Smolensk"


def test_a_list_of_towns_stays_a_list():
    text = "The echelon passed through Orsha, Vitebsk and Smolensk to Bryansk."
    assert [p.text for p in read(text).shipments[0].via] == ["Orsha", "Vitebsk", "Smolensk"]


# -- what would have been is no train's fact --------------------------------------------


def test_a_counterfactual_gives_no_origin():
    text = (
        "Two military trains were headed to Savannah. If they were going to Asia, they "
        "would have left from the West Coast."
    )
    result = read(text)
    assert result.shipments
    assert all(s.origin is None for s in result.shipments)


@pytest.mark.parametrize(
    "text",
    [
        "Gdyby pociąg jechał do Kijowa, wyjechałby z Chełma. Pociąg z 40 wagonami wyjechał "
        "3 marca ze Słonimia do Homla.",
        "Pociąg wojskowy jechał 3 marca do Rzeszowa. Gdyby pociąg jechał do Kijowa, "
        "wyjechałby ze stacji Chełm.",
    ],
)
def test_a_polish_counterfactual_is_no_train(text):
    assert len(read(text, lang="pl").shipments) == 1


# -- a trip dated by a year long before the report is history --------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("In 1988 the train ran from Paris to Hong Kong through Terespol.", "en"),
        (
            "Te wagony wchodziły w skład pociągu, który w 1988 roku jechał z Paryża do Hongkongu.",
            "pl",
        ),
    ],
)
def test_a_trip_of_long_ago_is_no_shipment(text, lang):
    assert read(text, published=date(2018, 2, 15), lang=lang).shipments == []


def test_a_recent_year_or_a_dated_trip_is_still_read():
    text = "In 2017 a train ran from Gomel to Orsha."
    assert len(read(text, published=date(2018, 2, 15)).shipments) == 1
    text = "The train, built in 1988, left Gomel for Orsha on 3 March 2018."
    assert len(read(text, published=date(2018, 3, 5)).shipments) == 1


# -- trains of tourists are a service, not a shipment -----------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("A train with foreign tourists left Zurich for Vladivostok on 3 March.", "en"),
        ("Pociąg z turystami wyjechał 3 marca z Zurychu do Władywostoku.", "pl"),
    ],
)
def test_trains_of_tourists_are_a_service(text, lang):
    assert read(text, lang=lang).shipments == []


# -- "one of four trains": the train told and the rest of its group (trial F72) --------


def test_one_of_n_trains_makes_the_train_told_one_of_a_group():
    text = (
        "A grain train left Dooen for Port Adelaide on 6 August. This was one of four "
        "trains operated to Port Adelaide in early August. The trains carried 86 wagons "
        "in total."
    )
    result = read(text)
    (group,) = result.groups
    assert group.n_trains == 4
    assert group.cars.total == 86
    assert len(result.shipments) == 4
    assert all(s.group == group.id for s in result.shipments)
    assert all(s.destination.text == "Port Adelaide" for s in result.shipments)
    # the group total is the group's, never one train's
    assert all(s.cars.total is None for s in result.shipments)
    assert result.shipments[0].origin.text == "Dooen"


def test_the_others_place_is_not_given_to_the_train_told():
    text = (
        "A grain train departed for Port Adelaide on 6 August. This was one of four trains "
        "operated to Port Adelaide, with the other three loaded at Dimboola."
    )
    result = read(text)
    assert len(result.shipments) == 4
    assert all(s.origin is None for s in result.shipments)

"""Kinds of misreading found on English and Polish reports in session 7 (issue 13).

Every input is written here (not copied from a corpus or a trial input); each stands
for a kind, and the assertions are about the kind, never about one text.
"""

from datetime import date

import pytest

from railtrack.extract import extract_shipments
from railtrack.extract.cues import claim_kind, generic_at, group_announcement

PUB = date(2023, 3, 10)


def read(text, published=PUB, lang=None):
    return extract_shipments(text, published=published, network=False, lang=lang)


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

"""Kinds of misreading left by the first English pass of session 9 (issue 13).

Every input is written here (not copied from a corpus); each stands for a kind, and the
assertions are about the kind, never about one text. The reports that showed them are
in ``tests/data/extraction_real/`` (r675-r693 and the older English reports).
"""

from datetime import date

import pytest

from railtrack.extract import extract_shipments

PUB = date(2023, 3, 10)


def read(text, lang="en", published=PUB):
    return extract_shipments(text, published=published, network=False, lang=lang)


def summary(result):
    return [
        (
            s.origin.text if s.origin else None,
            s.destination.text if s.destination else None,
            s.claim,
        )
        for s in result.shipments
    ]


# -- a hedge on one field (a guessed origin) is no claim on the whole train -------------


@pytest.mark.parametrize(
    ("text", "lang", "destination"),
    [
        ("The echelon was heading to Valuyki; it probably came from Orsha.", "en", "Valuyki"),
        (
            "The train was bound for Houston, no doubt; probably came from Fort Hood.",
            "en",
            "Houston",
        ),
        ("A train with tanks went to Kursk; presumably it came from Gomel.", "en", "Kursk"),
        ("Эшелон шёл в Валуйки; вероятно, пришёл из Орши.", "ru", "Валуйки"),
        ("Pociąg jechał do Kutna; prawdopodobnie wracał z Łodzi.", "pl", "Kutna"),
    ],
)
def test_a_guessed_origin_is_not_filed_and_keeps_the_claim(text, lang, destination):
    assert summary(read(text, lang)) == [(None, destination, "sighted")]


def test_a_hedged_origin_alone_still_tells_an_expected_train():
    assert summary(read("The echelon probably came from Orsha.")) == [("Orsha", None, "expected")]


def test_a_hedged_destination_is_still_an_expected_goal():
    result = read("A train left Orsha on 5 March; it will probably arrive in Valuyki.")
    assert [(o, d) for o, d, _ in summary(result)] == [("Orsha", "Valuyki")]


# -- a count of further trains told after a train is a group of its own ----------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The echelon left Orsha for Valuyki, and then two more echelons left Slonim.", "en"),
        ("Эшелон из 40 вагонов прибыл в Валуйки, а вскоре ещё два эшелона прибудут из Орши.", "ru"),
        (
            "Pociąg z 40 wagonami przyjechał do Kutna, a wkrótce dwa kolejne pociągi "
            "przyjadą z Łodzi.",
            "pl",
        ),
    ],
)
def test_further_trains_after_a_train_are_a_group_apart(text, lang):
    result = read(text, lang)
    later = text[text.index(",") :]  # the words of the further trains
    lone = [s for s in result.shipments if s.group is None]
    grouped = [s for s in result.shipments if s.group is not None]
    assert len(lone) == 1
    assert lone[0].origin is None or lone[0].origin.text not in later
    assert [g.n_trains for g in result.groups] == [2]
    assert len(grouped) == 2
    assert all(s.origin is not None and s.origin.text in later for s in grouped)


def test_a_train_with_other_trains_is_no_group_apart():
    result = read("A train of 40 cars left Orsha together with two other trains.")
    assert summary(result) == [("Orsha", None, "sighted")]
    assert result.groups == []


def test_a_headline_train_merges_with_its_detail_beside_a_group():
    result = read(
        "First train with corn arrived at Rostock\n"
        "A train of 21 wagons has arrived in Rostock, and two more trains will arrive from "
        "Ukraine next week."
    )
    lone = [s for s in result.shipments if s.group is None]
    assert [(s.destination.text, s.cars.total) for s in lone] == [("Rostock", 21)]
    # the further trains have only a country for an end and only a week for a date:
    # background news beside the tracked train, as in ru/uk/be (session 12,
    # tests/test_extract_be_kinds12.py), no group of their own
    assert result.groups == []


def test_further_trains_from_a_country_in_a_week_are_background():
    result = read(
        "A train of 21 wagons arrived in Rostock, and two more trains will arrive "
        "from Ukraine next week."
    )
    assert [(s.destination.text, s.cars.total) for s in result.shipments] == [("Rostock", 21)]
    assert result.groups == []


def test_will_enter_or_follow_is_an_expectation():
    assert summary(read("A train from Orsha will enter Valuyki on 12 March."))[0][2] == "expected"


# -- a train told again with an ordinal, after a statistic headline, is one train -------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "The new express container train left Xi'an, heading to Duisburg on 5 March. "
            "Over 15,000 trains ran this year, 10% more than last year. "
            "The first express container train has been launched from Xi'an to Duisburg.",
            "en",
        ),
        (
            "A grain train left Kutno for Gdansk on 2 March. "
            "The first grain train from Kutno to Gdansk carried maize.",
            "en",
        ),
        (
            "Поезд с контейнерами отправился из Орши в Валуйки 5 марта. "
            "Первый поезд из Орши прибыл в Валуйки.",
            "ru",
        ),
    ],
)
def test_an_ordinal_on_the_same_ends_restates_the_train(text, lang):
    assert len(read(text, lang).shipments) == 1


def test_an_ordinal_that_dates_an_undated_train_is_another_train():
    text = (
        "The express container train left Tobolsk for Vladivostok. "
        "The first train of this service left Tobolsk for Vladivostok on 16 September 2022."
    )
    assert len(read(text).shipments) == 2


def test_a_second_train_on_the_same_ends_stays_apart():
    text = (
        "A train left Orsha for Valuyki on 3 March. "
        "The second train left Orsha for Valuyki on 5 March."
    )
    assert len(read(text).shipments) == 2


# -- the return trip named as a trip starts where the first trip ended -----------------


@pytest.mark.parametrize(
    ("text", "lang", "back"),
    [
        (
            "A train left Madrid for Chelm on 9 August. It was loaded with grain for the "
            "2,400-kilometre return trip to Barcelona.",
            "en",
            ("Chelm", "Barcelona"),
        ),
        (
            "The echelon went from Orsha to Valuyki on 3 March and then made the return "
            "journey to Minsk.",
            "en",
            ("Valuyki", "Minsk"),
        ),
        (
            "Pociąg pojechał z Kutna do Chełma, a w drodze powrotnej pojechał do Gdańska.",
            "pl",
            ("Chełma", "Gdańska"),
        ),
        (
            "Эшелон прибыл из Орши в Валуйки, а затем обратным рейсом отправился в Брянск.",
            "ru",
            ("Валуйки", "Брянск"),
        ),
    ],
)
def test_a_named_return_trip_starts_at_the_first_trips_end(text, lang, back):
    trips = [(o, d) for o, d, _ in summary(read(text, lang))]
    assert len(trips) == 2
    assert trips[1] == back
    assert trips[0][1] == back[0]


def test_a_train_returned_to_a_country_is_no_trip_back():
    assert len(read("A train left Orsha for Valuyki and returned to Russia.").shipments) == 1

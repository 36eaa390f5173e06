"""Kinds of misreading found on real English reports and their twins in session 13 (issue 13).

Every input is written here (not copied from a corpus or a trial's files); each stands
for a kind, in every language it concerns, and the assertions are about the kind, never
about one text.
"""

from datetime import time

import pytest

from railtrack.extract.result import times_in_turn
from tests._extract_helpers import ends, read


def vias(result):
    return [[v.text for v in s.via] for s in result.shipments]


def seen(result):
    """Each sighting as (place as written, time of day or None for a day only)."""
    return [
        (s.station.text, s.seen_at.time() if s.precision == "datetime" else None)
        for s in result.sightings
    ]


# -- a run of places passed, each with its time (trial12 S10) ---------------------------
# "passed Orsha at 10:00 and Mogilev at 14:30", "в 10:00 прошёл Оршу, в 14:30 —
# Могилёв": every place is passed and seen that day, at the time told for it; the
# Slavic second clause leaves its verb out, and the first names its station as the
# verb's object (no "через"/"праз"/"przez").

_RUNS = [
    (
        "en",
        "On May 5 a train of 36 flatcars passed Krichev at 07:20 and Unecha at 09:45, "
        "moving towards Bryansk.",
        ["Krichev", "Unecha"],
    ),
    (
        "en",
        "On May 5 the echelon ran past Krichev at around 7:20, Unecha at 9:45 and Pochep at 11:05.",
        ["Krichev", "Unecha", "Pochep"],
    ),
    (
        "ru",
        "5 мая эшелон в 7:20 миновал Кричев, в 9:45 — Унечу и идёт на Брянск.",
        ["Кричев", "Унечу"],
    ),
    ("ru", "5 мая в 7:20 состав проехал Кричев, в 9:45 — Унечу.", ["Кричев", "Унечу"]),
    ("uk", "5 травня ешелон о 7:20 минув Кричев, о 9:45 — Унечу.", ["Кричев", "Унечу"]),
    ("uk", "5 травня о 7:20 потяг пройшов Кричев, о 9:45 — Унечу.", ["Кричев", "Унечу"]),
    ("be", "5 траўня эшалон а 7:20 мінуў Крычаў, а 9:45 — Унечу.", ["Крычаў", "Унечу"]),
    ("be", "5 траўня цягнік а 7:20 прайшоў Крычаў, а 9:45 — Унечу.", ["Крычаў", "Унечу"]),
    ("pl", "5 maja pociąg o 7:20 minął Kryczew, o 9:45 – Uneczę.", ["Kryczew", "Uneczę"]),
]


@pytest.mark.parametrize(("lang", "text", "places"), _RUNS)
def test_a_run_of_places_passed_is_seen_at_each_at_its_time(lang, text, places):
    result = read(text)
    assert result.lang == lang
    assert vias(result) == [places]
    times = [time(7, 20), time(9, 45), time(11, 5)][: len(places)]
    assert seen(result) == list(zip(places, times, strict=True))


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Вчера эшелон из 40 вагонов прошёл Оршу.", "Оршу"),
        ("Учора ешелон із 40 вагонів проїхав Оршу.", "Оршу"),
        ("Учора эшалон з 40 вагонаў мінуў Оршу.", "Оршу"),
    ],
)
def test_a_station_as_the_object_of_a_passing_verb_is_passed(text, place):
    result = read(text)
    assert vias(result) == [[place]]
    assert [s.station.text for s in result.sightings] == [place]


@pytest.mark.parametrize(
    "text",
    [
        # "минулого тижня"/"мінулага тыдня" is last week, not "passed by"
        "Минулого тижня ешелон прибув до Бреста.",
        "Мінулага тыдня эшалон прыбыў у Брэст.",
    ],
)
def test_last_week_is_no_passing_verb(text):
    result = read(text)
    assert vias(result) == [[]]
    assert ends(result)[0][1] in ("Бреста", "Брэст")


def test_one_time_for_two_places_pairs_neither():
    t = "The train passed Orsha and Mogilev at 14:30."
    assert times_in_turn(t, [(17, 22), (27, 34)]) == {}
    # ("14:30" is still the day's time beside the date, when it is near it)


def test_two_dates_for_two_places_date_each_place_once():
    result = read("The train was spotted in Orsha on 5 March and in Minsk on 6 March.")
    days = sorted((s.station.text, s.seen_at.day) for s in result.sightings)
    assert days == [("Minsk", 6), ("Orsha", 5)]


# -- each train of a group told in a clause of its own with its arrival place (S2) ------
# "two echelons arrived from Russia: the first at Asipovichy (36 flatcars), the second at
# Baranavichy": the verb is told once, for the group; "at"/"in" in each train's clause is
# where it arrived (as the Slavic twins say with "в"/"у"/"do").


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "On May 2 two trains arrived from Russia: the first at Luninets (30 flatcars), "
            "the second at Kalinkovichi (25 cars).",
            [("Russia", "Luninets"), ("Russia", "Kalinkovichi")],
        ),
        (
            "On May 2 two military trains reached Belarus: one in Luninets, the other in "
            "Kalinkovichi.",
            [(None, "Luninets"), (None, "Kalinkovichi")],
        ),
    ],
)
def test_each_trains_arrival_place_in_its_own_clause(text, expected):
    assert ends(read(text)) == expected


def test_a_verbless_clause_after_a_passing_verb_stays_a_place_passed():
    result = read("On May 2 two trains passed by: the first at Orsha, the second at Krichev.")
    assert all(dest is None for _, dest in ends(result))


# -- a source cited "with reference to" an outlet is no end of a route (r935's kind) ----


@pytest.mark.parametrize(
    "text",
    [
        "A train of 40 cars left Orsha on May 2, Railway Supply reports with reference to Belsat.",
        "A train of 40 cars left Orsha on May 2, the outlet wrote, referring to Nasha Niva.",
    ],
)
def test_a_source_cited_with_reference_to_is_no_destination(text):
    assert ends(read(text)) == [("Orsha", None)]


def test_a_destination_after_to_is_still_read():
    assert ends(read("A train of 40 cars left Orsha for Smolensk on May 2.")) == [
        ("Orsha", "Smolensk")
    ]


# -- "to A and then to B": A is passed on the way to B; "from there, the train continued"
# is the same trip going on, not a later leg (r595's kind) --------------------------


@pytest.mark.parametrize(
    ("text", "origin", "via", "destination"),
    [
        (
            "The container train left Lanzhou on May 2, ran to the Altynkol border station "
            "and then to Almaty.",
            "Lanzhou",
            ["Altynkol"],
            "Almaty",
        ),
        (
            "A block train departed from Chengdu on May 2. From there, the train continued to "
            "Dostyk and later on to the final stop of Aktau port.",
            "Chengdu",
            ["Dostyk"],
            "Aktau",
        ),
    ],
)
def test_a_place_on_the_way_to_a_further_end_is_passed(text, origin, via, destination):
    result = read(text)
    assert ends(result) == [(origin, destination)]
    assert vias(result) == [via]


def test_a_later_leg_of_the_load_is_still_onward():
    # the containers go on by sea: no train's end
    result = read(
        "A train of 40 flatcars arrived in Taman on May 2. From there the containers were "
        "loaded onto barges to Port Krym."
    )
    assert ends(result) == [(None, "Taman")]


@pytest.mark.parametrize(
    ("text", "origin"),
    [
        ("5 мая состав прошёл со станции Кричев на Унечу.", "Кричев"),
        ("5 травня ешелон пройшов зі станції Кричев на Унечу.", "Кричев"),
        ("5 траўня эшалон прайшоў са станцыі Крычаў на Унечу.", "Крычаў"),
    ],
)
def test_a_passing_verb_before_another_cue_leaves_the_place_to_that_cue(text, origin):
    # ("прошёл со станции Кричев": the origin, not a station passed)
    assert ends(read(text))[0][0] == origin

import pytest

from railtrack.extract.numbers import find_car_counts, parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("48", 48),
        ("forty-eight", 48),
        ("forty eight", 48),
        ("two dozen", 24),
        ("a dozen", 12),
        ("one hundred and five", 105),
        ("1,200", 1200),
    ],
)
def test_parse_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["many", "several", ""])
def test_parse_number_rejects_non_numbers(text):
    assert parse_number(text) is None


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("five passenger cars", "passenger", 5),
        ("two passenger carriages", "passenger", 2),
        ("3 coaches", "passenger", 3),
        ("43 platforms", "flat", 43),
        ("30 flatcars", "flat", 30),
        ("27 flat cars", "flat", 27),
        ("about 30 flats", "flat", 30),
        ("3 covered wagons", "covered", 3),
        ("4 boxcars", "covered", 4),
        ("12 tank cars", "tank", 12),
        ("6 cisterns", "tank", 6),
        ("three freight cars", "other", 3),
        ("51 cars", "total", 51),
        ("49 wagons", "total", 49),
        ("a 47-car train", "total", 47),
        ("of which 2 passenger", "passenger", 2),
        ("of which eight are passenger cars", "passenger", 8),
        ("8 of which are passenger cars", "passenger", 8),
        ("and a passenger car", "passenger", 1),
        ("a dozen tank cars", "tank", 12),
    ],
)
def test_typed_counts(text, kind, value):
    (count,) = find_car_counts(text)
    assert (count.kind, count.value) == (kind, value)
    assert text[count.start : count.end] == count.text


@pytest.mark.parametrize(
    "text", ["23 T-80 tanks", "50 Ural trucks", "about 750 soldiers", "train No. 967", "at 01:00"]
)
def test_equipment_and_people_are_not_cars(text):
    assert find_car_counts(text) == []


def test_approximate_counts_are_flagged():
    counts = find_car_counts("about 34 cars: about 30 flats, two freight wagons")
    assert [(c.value, c.estimated) for c in counts] == [(34, True), (30, True), (2, False)]


@pytest.mark.parametrize(
    ("text", "low", "high", "estimated"),
    [
        ("Between 30 and 40 cars left Orsha for Smolensk.", 30, 40, False),
        ("30-40 cars left Orsha for Smolensk.", 30, 40, False),
        ("30 – 40 wagons left Orsha for Smolensk.", 30, 40, False),
        ("A train of 30 to 40 cars left Orsha.", 30, 40, False),
        ("A train with thirty or forty wagons left Orsha.", 30, 40, False),
        ("A train with twenty-five to thirty platforms left Orsha.", 25, 30, False),
        ("About 30-40 cars left Orsha for Smolensk.", 30, 40, True),
    ],
)
def test_an_english_range_is_a_range(text, low, high, estimated):
    """Trial T3: a range gave its upper end as an exact count. Trial11 T13: it is a count
    with both bounds, its low end the value and its high end ``most``, never the high
    end alone."""
    (count,) = find_car_counts(text)
    assert (count.value, count.most, count.at_least, count.at_most) == (low, high, True, True)
    assert count.estimated is estimated


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Two trains of 30 and 40 cars left Orsha.", [40]),
        ("On March 8, 40 cars left Orsha.", [40]),
        ("The train went to 40 cars after Orsha.", [40]),
    ],
)
def test_a_number_after_other_words_is_still_a_count(text, values):
    assert [c.value for c in find_car_counts(text)] == values


@pytest.mark.parametrize(
    "text",
    [
        "a military train of 40 wagons with personnel and equipment",
        "40 wagons with troops as well as ammunition",
    ],
)
def test_cars_with_people_and_more_are_the_trains_make_up(text):
    """The embedded Kyiv Independent report ("40 wagons with personnel and equipment")
    became 40 passenger cars: cars said to carry people and something else are the
    train's total, not passenger cars."""
    assert [(c.kind, c.value) for c in find_car_counts(text)] == [("total", 40)]


def test_cars_with_people_only_are_passenger_cars():
    assert [(c.kind, c.value) for c in find_car_counts("4 cars with soldiers arrived")] == [
        ("passenger", 4)
    ]

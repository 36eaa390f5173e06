from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from railtrack.extract.dates import find_dates, resolve_date

PUB = date(2023, 3, 3)  # a Friday


def window(text: str, published: date | None = PUB, *, forward: bool = False):
    spans = find_dates(text)
    assert len(spans) == 1, [s.text for s in spans]
    w = resolve_date(spans[0], published, forward=forward)
    return None if w is None else (w.earliest, w.latest, w.precision)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("left on March 1", (date(2023, 3, 1), date(2023, 3, 1), "day")),
        ("left on 1 March", (date(2023, 3, 1), date(2023, 3, 1), "day")),
        ("left on March 1st", (date(2023, 3, 1), date(2023, 3, 1), "day")),
        ("left on the 1st of March", (date(2023, 3, 1), date(2023, 3, 1), "day")),
        ("left on 01.03.2023", (date(2023, 3, 1), date(2023, 3, 1), "day")),
        ("left on 2023-03-01", (date(2023, 3, 1), date(2023, 3, 1), "day")),
        ("left on Mar. 1", (date(2023, 3, 1), date(2023, 3, 1), "day")),
        ("left yesterday", (date(2023, 3, 2), date(2023, 3, 2), "day")),
        ("left on Tuesday", (date(2023, 2, 28), date(2023, 2, 28), "day")),
        ("left last week", (date(2023, 2, 20), date(2023, 2, 26), "week")),
        ("left 3 days ago", (date(2023, 2, 28), date(2023, 2, 28), "day")),
        ("on the night of March 1-2", (date(2023, 3, 1), date(2023, 3, 2), "days")),
        ("between 27 and 28 February", (date(2023, 2, 27), date(2023, 2, 28), "days")),
        ("left on the 28th of February", (date(2023, 2, 28), date(2023, 2, 28), "day")),
        ("left on 28.02", (date(2023, 2, 28), date(2023, 2, 28), "day")),
        ("left over the past three days", (date(2023, 2, 28), date(2023, 3, 3), "days")),
        ("left overnight", (date(2023, 3, 2), date(2023, 3, 3), "days")),
        ("between 28 February and 2 March", (date(2023, 2, 28), date(2023, 3, 2), "days")),
        ("from December 30 to January 2", (date(2022, 12, 30), date(2023, 1, 2), "days")),
        ("left the day before yesterday", (date(2023, 3, 1), date(2023, 3, 1), "day")),
    ],
)
def test_departure_dates(text, expected):
    assert window(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("likely to reach Donbas shortly after March 8", (date(2023, 3, 8), None, "days")),
        ("planned arrival on March 4", (date(2023, 3, 4), date(2023, 3, 4), "day")),
        ("expected by the 7th", (None, date(2023, 3, 7), "days")),
        ("should arrive in early March", (date(2023, 3, 1), date(2023, 3, 10), "days")),
        ("due in late April", (date(2023, 4, 21), date(2023, 4, 30), "days")),
        ("arrival in April", (date(2023, 4, 1), date(2023, 4, 30), "month")),
        ("arrives around March 6", (date(2023, 3, 5), date(2023, 3, 7), "days")),
        ("will arrive on Tuesday", (date(2023, 3, 7), date(2023, 3, 7), "day")),
        ("not before March 10", (date(2023, 3, 10), None, "days")),
        ("will leave tomorrow", (date(2023, 3, 4), date(2023, 3, 4), "day")),
        ("should arrive in two days", (date(2023, 3, 5), date(2023, 3, 5), "day")),
        ("expected within a week", (date(2023, 3, 3), date(2023, 3, 10), "days")),
        ("due by the end of March", (None, date(2023, 3, 31), "days")),
    ],
)
def test_arrival_dates(text, expected):
    assert window(text, forward=True) == expected


def test_month_after_published_month_is_last_year():
    assert window("departed on 29 December", date(2023, 1, 5))[0] == date(2022, 12, 29)
    # an expected arrival looks forward instead
    assert window("arrive on January 3", date(2022, 12, 28), forward=True)[0] == date(2023, 1, 3)


def test_numeric_dates_are_day_first():
    assert window("on 04.03.2023")[0] == date(2023, 3, 4)
    assert window("on 13.12.2022")[0] == date(2022, 12, 13)


def test_relative_dates_need_a_published_date():
    assert window("left yesterday", None) is None
    assert window("left on March 1", None) is None
    assert window("left on 01.03.2023", None) == (date(2023, 3, 1), date(2023, 3, 1), "day")


@pytest.mark.parametrize(
    "text",
    ["11.2 million tonnes", "at 13:45", "train No. 967", "23 T-80 tanks", "it may leave"],
)
def test_not_dates(text):
    assert find_dates(text) == []


def test_invalid_calendar_day_is_not_a_window():
    assert window("left on 31 February") is None


@given(
    st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31)),
    st.sampled_from(
        [
            "March 12-13",
            "early May",
            "last week",
            "by the 7th",
            "shortly after June 2",
            "around 5 July",
            "on Sunday",
            "in December",
            "this week",
            "last weekend",
            "overnight",
            "the end of February",
        ]
    ),
    st.booleans(),
)
def test_windows_are_ordered(published, text, forward):
    span = find_dates(text)[0]
    w = resolve_date(span, published, forward=forward)
    if w is not None and w.earliest is not None and w.latest is not None:
        assert w.earliest <= w.latest


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Overnight from March 7 to 8", (date(2023, 3, 7), date(2023, 3, 8))),
        ("overnight from 7 to 8 March", (date(2023, 3, 7), date(2023, 3, 8))),
        ("overnight on March 8", (date(2023, 3, 8), date(2023, 3, 8))),
    ],
)
def test_overnight_before_a_date_is_that_date_not_last_night(text, expected):
    """Trial T2: "Overnight from March 7 to 8" (published 20 March) was last night."""
    published = date(2023, 3, 20)
    spans = find_dates(text)
    assert spans
    got = resolve_date(spans[0], published)
    assert got is not None
    assert (got.earliest, got.latest) == expected


def test_overnight_alone_is_still_last_night():
    published = date(2023, 3, 20)
    got = resolve_date(find_dates("Overnight, a train arrived")[0], published)
    assert got is not None
    assert (got.earliest, got.latest) == (date(2023, 3, 19), date(2023, 3, 20))

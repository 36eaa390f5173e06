"""Dates and windows a new user found wrong (issue 13, session 17, helper "windows").

- T3a: a weekend named alone ("на выходных", "at the weekend") takes its verb's tense:
  the coming Saturday-Sunday told ahead, the past one told as done.
- T3b: parts of a week ("в начале следующей недели", "early next week", "в конце
  недели", "в середине недели"): start Monday-Tuesday, middle Tuesday-Thursday, end
  Friday-Sunday (as the Polish labels of the real corpus read them); a part of this
  week told in the past tense lies before the report.
- T3c: "не пазней за 25 траўня" is an upper bound (latest the 25th, earliest open).
- S: "~40 вагонов" is an estimate as "около 40" is; "nearly 50" reads as "около 50",
  "blisko 50" (about so many, estimated, no upper bound); a day with a case ending
  ("17-го", "17-га", "17-go") is a day of the month told earlier or of the published
  month, not of a unit ("4-го гвардейского корпуса").
"""

from __future__ import annotations

from datetime import date

import pytest

from railtrack.extract.sentences import is_stamp_line
from tests._extract_helpers import read

WED = date(2023, 3, 8)  # a Wednesday
PAST_WEEKEND = (date(2023, 3, 4), date(2023, 3, 5))
COMING_WEEKEND = (date(2023, 3, 11), date(2023, 3, 12))


def arrival(text: str, lang: str, published: date = WED) -> tuple[date | None, date | None]:
    (shipment,) = read(text, published=published, lang=lang).shipments
    window = shipment.expected_arrival
    assert window is not None
    return window.earliest, window.latest


# -- T3a: a weekend takes its verb's tense --------------------------------------------

_WEEKEND_AHEAD = [
    (
        "ru",
        "Эшелон из 40 вагонов отправился из Слонима в Валуйки 6 марта. "
        "Его прибытие ожидается на выходных.",
    ),
    (
        "uk",
        "Ешелон із 40 вагонів вирушив зі Слоніма до Валуйок 6 березня. "
        "Прибуття очікується на вихідних.",
    ),
    (
        "be",
        "Эшалон з 40 вагонаў адправіўся са Слоніма ў Валуйкі 6 сакавіка. "
        "Прыбыццё чакаецца на выхадных.",
    ),
    ("be", "Эшалон з 40 вагонаў прыбудзе са Слоніма ў Валуйкі ў выхадныя."),
    (
        "pl",
        "Pociąg z 40 wagonami wyjechał ze Słonimia do Wałujek 6 marca. "
        "Przyjazd spodziewany jest w weekend.",
    ),
    (
        "en",
        "A train of 40 cars left Slonim for Valuyki on 6 March. "
        "It is expected to arrive at the weekend.",
    ),
    ("en", "A train of 40 cars will arrive in Valuyki from Slonim this weekend."),
]


@pytest.mark.parametrize(("lang", "text"), _WEEKEND_AHEAD)
def test_a_weekend_told_ahead_is_the_coming_one(lang: str, text: str) -> None:
    (shipment,) = read(text, published=WED, lang=lang).shipments  # one train, not two
    window = shipment.expected_arrival
    assert window is not None
    assert (window.earliest, window.latest) == COMING_WEEKEND


_WEEKEND_PAST = [
    ("ru", "На выходных эшелон из 40 вагонов прибыл из Слонима в Валуйки."),
    ("uk", "На вихідних ешелон із 40 вагонів прибув зі Слоніма до Валуйок."),
    ("pl", "W weekend pociąg z 40 wagonami przyjechał ze Słonimia do Wałujek."),
    ("en", "At the weekend a train of 40 cars arrived in Valuyki from Slonim."),
    # "last weekend" is the past one whatever the verb (the negative case of T3a)
    ("ru", "Эшелон из 40 вагонов должен был прибыть из Слонима в Валуйки на прошлых выходных."),
    ("en", "A train of 40 cars was due to arrive in Valuyki from Slonim last weekend."),
]


@pytest.mark.parametrize(("lang", "text"), _WEEKEND_PAST)
def test_a_weekend_told_as_done_or_named_last_is_the_past_one(lang: str, text: str) -> None:
    assert arrival(text, lang) == PAST_WEEKEND


# -- T3b: parts of a week --------------------------------------------------------------

_WEEK_PARTS = [
    # the start of next week: Monday and Tuesday
    (
        "ru",
        "Эшелон из 40 вагонов прибудет из Слонима в Валуйки в начале следующей недели.",
        (13, 14),
    ),
    (
        "uk",
        "Ешелон із 40 вагонів прибуде зі Слоніма до Валуйок на початку наступного тижня.",
        (13, 14),
    ),
    (
        "be",
        "Эшалон з 40 вагонаў прыбудзе са Слоніма ў Валуйкі ў пачатку наступнага тыдня.",
        (13, 14),
    ),
    (
        "pl",
        "Pociąg z 40 wagonami przyjedzie ze Słonimia do Wałujek na początku przyszłego tygodnia.",
        (13, 14),
    ),
    ("en", "A train of 40 cars will arrive in Valuyki from Slonim early next week.", (13, 14)),
    # the end of this week: Friday to Sunday
    ("ru", "Эшелон из 40 вагонов прибудет из Слонима в Валуйки в конце недели.", (10, 12)),
    ("uk", "Ешелон із 40 вагонів прибуде зі Слоніма до Валуйок наприкінці тижня.", (10, 12)),
    (
        "en",
        "A train of 40 cars will arrive in Valuyki from Slonim at the end of the week.",
        (10, 12),
    ),
    # the middle of the week: Tuesday to Thursday
    (
        "ru",
        "Эшелон из 40 вагонов прибудет из Слонима в Валуйки в середине следующей недели.",
        (14, 16),
    ),
    (
        "en",
        "A train of 40 cars will arrive in Valuyki from Slonim in the middle of next week.",
        (14, 16),
    ),
]


@pytest.mark.parametrize(("lang", "text", "days"), _WEEK_PARTS)
def test_a_part_of_a_week_is_its_days(lang: str, text: str, days: tuple[int, int]) -> None:
    assert arrival(text, lang) == (date(2023, 3, days[0]), date(2023, 3, days[1]))


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "Эшелон из 40 вагонов прибыл из Слонима в Валуйки в конце недели."),
        ("be", "Эшалон з 40 вагонаў прыбыў са Слоніма ў Валуйкі ў канцы тыдня."),
        ("en", "A train of 40 cars arrived in Valuyki from Slonim at the end of the week."),
    ],
)
def test_the_end_of_the_week_told_as_done_is_before_the_report(lang: str, text: str) -> None:
    # (told on a Wednesday: this week's end has not come, so it is last week's)
    assert arrival(text, lang) == (date(2023, 3, 3), date(2023, 3, 5))


def test_the_end_of_the_week_told_as_done_ends_at_the_report() -> None:
    text = "Эшелон из 40 вагонов прибыл из Слонима в Валуйки в конце недели."
    assert arrival(text, "ru", published=date(2023, 3, 11)) == (
        date(2023, 3, 10),
        date(2023, 3, 11),
    )


def test_next_week_alone_is_still_the_whole_week() -> None:
    # (the negative case of T3b: no part named, the whole next week)
    text = "Эшелон из 40 вагонов прибудет из Слонима в Валуйки на следующей неделе."
    assert arrival(text, "ru") == (date(2023, 3, 13), date(2023, 3, 19))


# -- T3c: "no later than" is an upper bound --------------------------------------------

MAY = date(2023, 5, 10)
_NO_LATER = [
    (
        "be",
        "Эшалон з 40 вагонаў адправіўся са Слоніма ў Валуйкі 6 траўня. "
        "Ён мусіць прыбыць не пазней за 25 траўня.",
    ),
    ("be", "Эшалон з 40 вагонаў прыбудзе са Слоніма ў Валуйкі не пазней чым 25 траўня."),
    ("ru", "Эшелон из 40 вагонов прибудет из Слонима в Валуйки не позднее чем 25 мая."),
    ("uk", "Ешелон із 40 вагонів прибуде зі Слоніма до Валуйок не пізніше ніж 25 травня."),
    ("pl", "Pociąg z 40 wagonami przyjedzie ze Słonimia do Wałujek nie później niż 25 maja."),
    ("en", "A train of 40 cars will arrive in Valuyki from Slonim no later than 25 May."),
]


@pytest.mark.parametrize(("lang", "text"), _NO_LATER)
def test_no_later_than_a_day_is_an_upper_bound(lang: str, text: str) -> None:
    assert arrival(text, lang, published=MAY) == (None, date(2023, 5, 25))


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("be", "Эшалон з 40 вагонаў прыбудзе са Слоніма ў Валуйкі не раней за 25 траўня."),
        ("ru", "Эшелон из 40 вагонов прибудет из Слонима в Валуйки не раньше 25 мая."),
        ("en", "A train of 40 cars will arrive in Valuyki from Slonim no earlier than 25 May."),
    ],
)
def test_no_earlier_than_a_day_is_a_lower_bound(lang: str, text: str) -> None:
    assert arrival(text, lang, published=MAY) == (date(2023, 5, 25), None)


def test_a_plain_day_stays_one_day() -> None:
    text = "Эшалон з 40 вагонаў прыбудзе са Слоніма ў Валуйкі 25 траўня."
    assert arrival(text, "be", published=MAY) == (date(2023, 5, 25), date(2023, 5, 25))


# -- S: estimated counts ---------------------------------------------------------------

_ABOUT = [
    ("ru", "Эшелон из ~40 вагонов прибыл из Слонима в Валуйки 6 марта.", 40),
    ("uk", "Ешелон із ≈40 вагонів прибув зі Слоніма до Валуйок 6 березня.", 40),
    ("be", "Эшалон з ~ 40 вагонаў прыбыў са Слоніма ў Валуйкі 6 сакавіка.", 40),
    ("pl", "Pociąg z ~40 wagonami przyjechał ze Słonimia do Wałujek 6 marca.", 40),
    ("en", "A train of ~40 cars arrived in Valuyki from Slonim on 6 March.", 40),
    # the five words of "about": one reading, approximately, estimated
    ("ru", "Эшелон из около 50 вагонов прибыл из Слонима в Валуйки 6 марта.", 50),
    ("uk", "Ешелон із близько 50 вагонів прибув зі Слоніма до Валуйок 6 березня.", 50),
    ("be", "Эшалон з каля 50 вагонаў прыбыў са Слоніма ў Валуйкі 6 сакавіка.", 50),
    ("pl", "Pociąg z blisko 50 wagonami przyjechał ze Słonimia do Wałujek 6 marca.", 50),
    ("en", "A train of nearly 50 cars arrived in Valuyki from Slonim on 6 March.", 50),
]


@pytest.mark.parametrize(("lang", "text", "n"), _ABOUT)
def test_about_so_many_is_one_estimate(lang: str, text: str, n: int) -> None:
    (shipment,) = read(text, lang=lang).shipments
    cars = shipment.cars
    assert (cars.total, cars.estimated, cars.at_most, cars.at_least) == (n, True, False, False)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "Эшелон из 40 вагонов прибыл из Слонима в Валуйки 6 марта."),
        ("en", "A train of 40 cars arrived in Valuyki from Slonim at ~14:00 on 6 March."),
    ],
)
def test_a_count_told_exactly_is_no_estimate(lang: str, text: str) -> None:
    (shipment,) = read(text, lang=lang).shipments
    assert (shipment.cars.total, shipment.cars.estimated) == (40, False)


# -- S: a day with a case ending -------------------------------------------------------

MARCH_20 = date(2023, 3, 20)
_ORDINAL_DAYS = [
    ("ru", "Эшелон из 40 вагонов отправился из Слонима в Валуйки 17-го."),
    ("uk", "Ешелон із 40 вагонів вирушив зі Слоніма до Валуйок 17-ого."),
    ("be", "Эшалон з 40 вагонаў адправіўся са Слоніма ў Валуйкі 17-га."),
    ("pl", "Pociąg z 40 wagonami wyjechał ze Słonimia do Wałujek 17-go."),
]


@pytest.mark.parametrize(("lang", "text"), _ORDINAL_DAYS)
def test_a_day_with_a_case_ending_is_of_the_published_month(lang: str, text: str) -> None:
    (shipment,) = read(text, published=MARCH_20, lang=lang).shipments
    window = shipment.departure
    assert window is not None
    assert (window.earliest, window.latest) == (date(2023, 3, 17), date(2023, 3, 17))


def test_a_day_with_a_case_ending_takes_the_month_told_earlier() -> None:
    text = "Эшелон из 40 вагонов отправился из Слонима 5 февраля, а 7-го прибыл в Валуйки."
    (shipment,) = read(text, published=MARCH_20, lang="ru").shipments
    window = shipment.expected_arrival
    assert window is not None
    assert (window.earliest, window.latest) == (date(2023, 2, 7), date(2023, 2, 7))


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "Танки 4-го гвардейского корпуса прибыли в Валуйки эшелоном."),
        ("uk", "Техніка 5-го армійського корпусу прибула до Валуйок ешелоном."),
    ],
)
def test_a_units_ordinal_is_no_day(lang: str, text: str) -> None:
    result = read(text, published=MARCH_20, lang=lang)
    assert all(s.expected_arrival is None for s in result.shipments)
    assert all(s.departure is None for s in result.shipments)


# -- T4: a live blog's entries ---------------------------------------------------------
# An entry's own stamp on the line above it ("Updated 3 March 2023, 10:15", "3 March
# 2023, 10:15") dates the entry below it; a time alone goes on with the blog's day.


def _days(text: str, lang: str) -> list[tuple[date | None, date | None]]:
    out = []
    for shipment in read(text, published=date(2023, 3, 5), lang=lang).shipments:
        window = shipment.departure or shipment.expected_arrival
        out.append((window.earliest, window.latest) if window is not None else (None, None))
    return out


D2, D3 = (date(2023, 3, 2),) * 2, (date(2023, 3, 3),) * 2

_LIVE_BLOGS = [
    (
        "en",
        "Live: rail movements in Belarus, 2 March 2023\n\n"
        "09:40 A train of 40 cars left Slonim for Valuyki.\n\n"
        "Updated 3 March 2023, 10:15\nA third train of 25 cars left Gomel for Bryansk.\n",
        [D2, D3],
    ),
    (
        "en",
        "Rail movements live\n\n3 March 2023, 10:15\nA train of 25 cars left Gomel for Bryansk."
        "\n\n4 March 2023\nA train of 30 flatcars arrived in Orsha from Minsk.\n",
        [D3, (date(2023, 3, 4),) * 2],
    ),
    (
        "en",
        "Live updates, 2 March 2023\n\n23:50 A train of 40 cars left Slonim for Valuyki.\n\n"
        "00:20 Another train of 30 flatcars arrived in Orsha from Minsk.\n",
        [D2, D2],  # (past midnight with no stamp saying so: still the blog's day)
    ),
    (
        "ru",
        "Онлайн: эшелоны, 2 марта 2023\n\n09:40 Эшелон из 40 вагонов отправился из Слонима в "
        "Валуйки.\n\nОбновлено 3 марта 2023, 10:15\nЭшелон из 25 вагонов отправился из Гомеля в "
        "Брянск.\n",
        [D2, D3],
    ),
    (
        "uk",
        "Онлайн-трансляція 2 березня 2023 року\n\n02.03.2023 09:40 | Ешелон із 40 вагонів "
        "вирушив зі Слоніма до Валуйок.\n\n03.03.2023 08:15 | Ешелон із 30 платформ прибув до "
        "Орші з Мінська.\n",
        [D2, D3],
    ),
    (
        "be",
        "Анлайн 2 сакавіка 2023\n\n2 сакавіка\n09:40 Эшалон з 40 вагонаў адправіўся са Слоніма ў "
        "Валуйкі.\n\n3 сакавіка\n10:15 Эшалон з 30 платформаў прыбыў у Оршу з Мінска.\n",
        [D2, D3],
    ),
    (
        # a heading per day, entries one a line, each opening on its time
        "en",
        "Live blog\n\nThursday, 2 March\n09:40 A train of 40 cars left Slonim for Valuyki.\n"
        "14:05 A train of 30 flatcars arrived in Orsha from Minsk.\n\nFriday, 3 March\n"
        "08:10 A train of 25 cars left Gomel for Bryansk.\n",
        [D2, D2, D3],
    ),
    (
        "ru",
        "Онлайн\n\nЧетверг, 2 марта\n09:40 Эшелон из 40 вагонов отправился из Слонима в "
        "Валуйки.\n14:05 Эшелон из 30 платформ прибыл в Оршу из Минска.\n\nПятница, 3 марта\n"
        "08:10 Эшелон из 25 вагонов отправился из Гомеля в Брянск.\n",
        [D2, D2, D3],
    ),
    (
        "pl",
        "Na żywo: pociągi, 2 marca 2023\n\nZaktualizowano 3 marca 2023, 10:15\n"
        "Pociąg z 25 wagonami wyjechał z Homla do Briańska.\n",
        [D3],
    ),
]


@pytest.mark.parametrize(("lang", "text", "expected"), _LIVE_BLOGS)
def test_a_live_blog_entry_takes_its_own_stamp_or_the_blogs_day(
    lang: str, text: str, expected: list
) -> None:
    assert _days(text, lang) == expected


@pytest.mark.parametrize(
    ("line", "is_stamp"),
    [
        ("Updated 3 March 2023, 10:15", True),
        ("02.03.2023 09:40", True),
        ("Обновлено 3 марта 2023, 10:15", True),
        ("14:05", False),  # a time alone: the blog's day goes on
        ("Yesterday", False),
        ("Trains seen on 3 March 2023", False),
        ("Updated guidance for 2023", False),
    ],
)
def test_a_stamp_line_is_only_a_day_a_time_and_a_stamp_word(line: str, is_stamp: bool) -> None:
    assert is_stamp_line(line) is is_stamp

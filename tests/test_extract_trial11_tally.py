"""Tallies, future departures, bounds, corrections and lists (issue 13, trial10 findings).

Each finding stands for a kind, tested in every language it concerns with short inputs
written here:

T2. Trains counted over a period (a month, a past week, "since", a range of days) with
    no station named and none described after are a tally (the real corpus's
    ``aggregate``): no shipment and no group, kept in ``Extraction.tallies`` with the
    count and its lower bound ("не менее", "at least"). Counted trains a report goes
    on to describe, or that name a station, stay a group, unless they are counted
    from one day to another ("с 10 по 15 марта", trial13 T11): a tally there too.
T20. A group kept with fewer trains listed than it counts says why, in a problem.
T3. A train that will leave ("отправится", "вирушать", "адправяцца", "wyjadą", "will
    leave") and has not is planned (expected when a day is given), never sighted;
    a plural future verb keeps the destination.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests._extract_helpers import ends, read

PUB18 = date(2023, 3, 18)
PUB16 = date(2023, 3, 16)

# -- T2. trains counted over a period are a tally ----------------------------------------

_TALLIES = [
    ("en", "In January, about 15 trains arrived from Russia, the group said.", 15, False),
    (
        "en",
        "Since the beginning of February, Hajun has recorded at least 20 echelons leaving Belarus.",
        20,
        True,
    ),
    ("en", "Over the past week, at least five military trains left Belarus for Russia.", 5, True),
    ("en", "Between March 10 and 15, four echelons left Belarus for Russia.", 4, False),
    (
        "ru",
        "Всего в феврале мониторинговая группа зафиксировала 12 эшелонов, прибывших в Беларусь.",
        12,
        False,
    ),
    ("ru", "За неделю через Беларусь прошло 7 эшелонов.", 7, False),
    ("ru", "С начала марта из Беларуси в Россию ушло 9 эшелонов.", 9, False),
    (
        "ru",
        "В период с 10 по 15 марта из Беларуси в Россию убыло не менее 4 эшелонов (около "
        "180 вагонов).",
        4,
        True,
    ),
    (
        "uk",
        "Нагадаємо, з початку лютого моніторингова група зафіксувала щонайменше 20 "
        "ешелонів, що залишили Білорусь.",
        20,
        True,
    ),
    ("uk", "У січні з Росії прибуло близько 15 потягів.", 15, False),
    ("uk", "За минулий тиждень до Білорусі прибуло 6 ешелонів.", 6, False),
    ("be", "Нагадаем, з пачатку года з Беларусі ў Расію пайшлі 33 эшалоны.", 33, False),
    ("be", "У лютым у Беларусь прыбылі 12 эшалонаў.", 12, False),
    ("be", "За мінулы тыдзень з Расіі ў Беларусь прыбылі 5 эшалонаў.", 5, False),
    ("pl", "Od początku roku z Białorusi do Rosji wyjechało 33 pociągi wojskowe.", 33, False),
    (
        "pl",
        "Według Hajuna w ciągu ostatniego tygodnia z Białorusi do Rosji wyjechało co "
        "najmniej pięć pociągów wojskowych, łącznie ponad 200 wagonów.",
        5,
        True,
    ),
    ("pl", "W lutym do Białorusi przyjechało 12 pociągów.", 12, False),
    # from one day to another, a station named: still a tally (trial13 T11; this
    # session's tests in tests/test_trial14_multi.py)
    ("ru", "В период с 10 по 15 марта из Орши в Брянск ушло 3 эшелона.", 3, False),
]


@pytest.mark.parametrize(("lang", "text", "n", "at_least"), _TALLIES)
def test_trains_counted_over_a_period_are_a_tally(
    lang: str, text: str, n: int, at_least: bool
) -> None:
    result = read(text, published=PUB18, lang=lang)
    assert result.shipments == []
    assert result.groups == []
    tallies = result.to_dict()["tallies"]
    assert [(t["n_trains"], t["at_least"]) for t in tallies] == [(n, at_least)]
    assert text[tallies[0]["start"] : tallies[0]["end"]] == tallies[0]["text"]


_RELAYS = {
    "en": (
        "Two more Russian military echelons left Belarus for Russia on March 17, the "
        "Belarusian Hajun monitoring group reported. The first train, with 35 flatcars, "
        "departed from Asipovichy towards Bryansk; the second, with 28 cars, left "
        "Baranavichy for Smolensk.\n\nSince the beginning of February, Hajun has recorded "
        "at least 20 echelons leaving Belarus. In January, about 15 trains arrived from "
        "Russia, the group said."
    ),
    "uk": (
        "17 березня з Білорусі до Росії вирушили ще два ешелони: перший — з Осиповичів до "
        "Брянська, 35 платформ, другий — з Барановичів до Смоленська, 28 вагонів.\n\n"
        "Нагадаємо, з початку лютого моніторингова група зафіксувала щонайменше 20 "
        "ешелонів, що залишили Білорусь. У січні з Росії прибуло близько 15 потягів."
    ),
}


@pytest.mark.parametrize("lang", sorted(_RELAYS))
def test_a_relay_ending_with_tallies_keeps_only_its_trains(lang: str) -> None:
    result = read(_RELAYS[lang], published=PUB18, lang=lang)
    assert len(result.shipments) == 2
    assert [g.n_trains for g in result.groups] == [2]
    assert sorted(t["n_trains"] for t in result.to_dict()["tallies"]) == [15, 20]


_LISTED = [
    # a station named: trains an analyst lists (the written corpus's groups)
    ("en", "Over the past three days, 4 echelons arrived at Luninets from Russia.", 4),
    ("pl", "W kwietniu do Kołobrzegu dotarły dwa transporty kukurydzy.", 2),
    # a relative week is when they went, not a period they are counted over
    ("en", "Last week, five echelons left Belarus for the Donbas.", 5),
    # a night is one trip's time
    ("ru", "Два эшелона прибыли в Беларусь в ночь с 5 на 6 марта.", 2),
    # described after: the group's trains are told one by one
    (
        "en",
        "Russia transferred two batches of equipment to Belarus over the past few days. "
        "The first batch left Chebarkul on March 8; the second left Yelnya on March 11.",
        2,
    ),
    # counted exactly over a few days, with their cars told after
    (
        "en",
        "Between March 10 and 13, three trains left Belarus for Russia. They carried 20 "
        "covered wagons and 15 tank cars in all.",
        3,
    ),
]


@pytest.mark.parametrize(("lang", "text", "n"), _LISTED)
def test_trains_named_or_described_stay_a_group(lang: str, text: str, n: int) -> None:
    result = read(text, published=PUB18, lang=lang)
    assert len(result.shipments) == n
    assert result.to_dict()["tallies"] == []


# -- T20. a group with fewer trains listed than it counts says why -------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Twenty-five echelons left Belarus for Russia on March 17."),
        ("ru", "17 марта из Беларуси в Россию ушло 25 эшелонов."),
        ("pl", "17 marca z Białorusi do Rosji wyjechało 25 pociągów."),
    ],
)
def test_a_group_listed_short_says_why(lang: str, text: str) -> None:
    result = read(text, published=PUB18, lang=lang)
    assert [g.n_trains for g in result.groups] == [25]
    assert len(result.shipments) == 20
    assert any("group of 25 trains" in p and "lists 20" in p for p in result.problems)


def test_a_group_listed_whole_says_nothing() -> None:
    result = read("17 марта из Беларуси в Россию ушло 3 эшелона.", published=PUB18)
    assert len(result.shipments) == 3
    assert not any("group of" in p for p in result.problems)


# -- T3. a train that will leave is planned --------------------------------------------------

_FUTURE = [
    ("ru", "В ближайшее время из Барановичей в Россию отправится эшелон с техникой.", 1),
    ("ru", "В ближайшее время из Барановичей в Россию отправятся два эшелона с техникой.", 2),
    ("ru", "Скоро из Барановичей в Россию уйдут два эшелона.", 2),
    ("uk", "Найближчим часом із Барановичів до Росії вирушить ешелон з технікою.", 1),
    (
        "uk",
        "Щонайменше два ешелони з технікою найближчим часом вирушать із Барановичів до Росії.",
        2,
    ),
    ("be", "У бліжэйшы час з Баранавічаў у Расію адправяцца два эшалоны з тэхнікай.", 2),
    ("be", "Неўзабаве з Баранавічаў у Расію адправіцца эшалон.", 1),
    ("pl", "W najbliższym czasie z Baranowicz do Rosji wyjadą dwa pociągi ze sprzętem.", 2),
    ("pl", "Wkrótce z Baranowicz do Rosji wyjedzie pociąg z 30 wagonami.", 1),
    ("en", "Two trains with equipment will leave Baranovichi for Russia in the near future.", 2),
    ("en", "A train with equipment is set to depart from Baranovichi for Russia.", 1),
]


@pytest.mark.parametrize(("lang", "text", "n"), _FUTURE)
def test_a_train_that_will_leave_is_planned(lang: str, text: str, n: int) -> None:
    result = read(text, published=PUB16, lang=lang)
    assert [s.claim for s in result.shipments] == ["planned"] * n
    assert all(dest is not None for _, dest in ends(result))
    assert all(s.departure is None for s in result.shipments)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "Завтра из Барановичей в Россию отправится эшелон с техникой."),
        ("pl", "Jutro z Baranowicz do Rosji wyjadą dwa pociągi ze sprzętem."),
        ("en", "Tomorrow two trains will leave Baranovichi for Russia."),
    ],
)
def test_a_train_that_will_leave_on_a_day_leaves_then(lang: str, text: str) -> None:
    result = read(text, published=PUB16, lang=lang)
    assert {s.claim for s in result.shipments} <= {"planned", "expected"}
    assert {s.departure.earliest for s in result.shipments if s.departure} == {date(2023, 3, 17)}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "Эшелон ушёл из Барановичей в Россию. Откуда груз будет отправлен дальше, неясно."),
        ("en", "A train is heading from Baranovichi to Russia."),
        ("pl", "Pociąg jedzie z Baranowicz do Rosji."),
    ],
)
def test_a_train_told_moving_is_not_planned(lang: str, text: str) -> None:
    result = read(text, published=PUB16, lang=lang)
    assert result.shipments
    assert "planned" not in {s.claim for s in result.shipments}


# -- T18. upper bounds are explicit and read alike in every language ---------------------

_UPPER = [
    ("ru", "14 марта из Орши в Смоленск ушёл эшелон до 60 вагонов.", 60),
    ("ru", "14 марта из Орши в Смоленск ушёл эшелон почти из 50 вагонов.", 50),
    ("ru", "14 марта из Орши в Смоленск ушёл эшелон, не более 45 вагонов.", 45),
    ("uk", "14 березня з Орші до Смоленська вирушив ешелон до 60 вагонів.", 60),
    ("uk", "14 березня з Орші до Смоленська вирушив ешелон майже з 50 вагонів.", 50),
    ("be", "14 сакавіка з Оршы ў Смаленск адправіўся эшалон да 60 вагонаў.", 60),
    ("be", "14 сакавіка з Оршы ў Смаленск адправіўся эшалон амаль з 50 вагонаў.", 50),
    ("pl", "14 marca z Orszy do Smoleńska wyjechał pociąg z maksymalnie 60 wagonami.", 60),
    ("pl", "14 marca z Orszy do Smoleńska wyjechał pociąg z prawie 50 wagonami.", 50),
    ("pl", "14 marca z Orszy do Smoleńska wyjechał pociąg do 60 wagonów.", 60),
    ("en", "On March 14 a train of up to 60 cars left Orsha for Smolensk.", 60),
    ("en", "On March 14 a train of almost 50 cars left Orsha for Smolensk.", 50),
    ("en", "On March 14 a train of no more than 45 cars left Orsha for Smolensk.", 45),
]


@pytest.mark.parametrize(("lang", "text", "n"), _UPPER)
def test_an_upper_bound_is_at_most(lang: str, text: str, n: int) -> None:
    (shipment,) = read(text, published=date(2023, 3, 15), lang=lang).shipments
    cars = shipment.cars
    assert (cars.total, cars.at_most, cars.at_least, cars.estimated) == (n, True, False, True)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "14 марта из Орши в Смоленск ушёл эшелон около 60 вагонов."),
        ("ru", "14 марта из Орши в Смоленск ушёл эшелон не менее 60 вагонов."),
        ("pl", "14 marca z Orszy do Smoleńska wyjechał pociąg z około 60 wagonami."),
        ("en", "On March 14 a train of about 60 cars left Orsha for Smolensk."),
        ("en", "On March 14 a train of 60 cars left Orsha for Smolensk."),
    ],
)
def test_an_estimate_or_lower_bound_is_not_at_most(lang: str, text: str) -> None:
    (shipment,) = read(text, published=date(2023, 3, 15), lang=lang).shipments
    assert shipment.cars.total == 60
    assert shipment.cars.at_most is False


def test_an_upper_bound_is_in_the_json() -> None:
    data = read("On March 14 a train of up to 60 cars left Orsha for Smolensk.").to_dict()
    assert data["shipments"][0]["cars_at_most"] is True
    assert data["shipments"][0]["cars"]["total"] == 60


# -- T17. single facts: an elided estimate, a passage's day, "из X в Y проследовал" ------

_THIRD = {
    "be": "Учора на станцыю Асіповічы прыбылі адразу тры эшалоны з Расіі: у першым было 35 "
    "вагонаў, у другім — 40, у трэцім — каля 50.",
    "ru": "Вчера на станцию Осиповичи прибыли сразу три эшелона из России: в первом было 35 "
    "вагонов, во втором — 40, в третьем — около 50.",
    "uk": "Учора на станцію Осиповичі прибули одразу три ешелони з Росії: у першому було 35 "
    "вагонів, у другому — 40, у третьому — близько 50.",
    "pl": "Wczoraj na stację Osipowicze przyjechały trzy pociągi z Rosji: w pierwszym było 35 "
    "wagonów, w drugim — 40, w trzecim — około 50.",
}


@pytest.mark.parametrize("lang", sorted(_THIRD))
def test_an_elided_estimate_counts_its_train(lang: str) -> None:
    result = read(_THIRD[lang], published=date(2023, 3, 15), lang=lang)
    totals = [(s.cars.total, s.cars.estimated) for s in result.shipments]
    assert totals == [(35, False), (40, False), (50, True)]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("pl", "13 marca ze Żłobina do Homla przejechał skład wojskowy, 40 wagonów."),
        ("en", "On March 13 a military train passed from Zhlobin to Gomel, 40 cars."),
        ("ru", "13 марта из Жлобина в Гомель проследовал эшелон, 40 вагонов."),
        ("uk", "13 березня із Жлобина до Гомеля проїхав ешелон, 40 вагонів."),
    ],
)
def test_a_train_passing_from_one_end_to_the_other_keeps_both_and_its_day(
    lang: str, text: str
) -> None:
    (shipment,) = read(text, published=date(2023, 3, 15), lang=lang).shipments
    assert shipment.destination is not None
    assert shipment.origin is not None
    assert shipment.departure is not None
    assert shipment.departure.earliest == date(2023, 3, 13)
    assert shipment.via == ()


# -- T17. the time of a sighting is kept -------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "hhmm"),
    [
        (
            "be",
            "14 сакавіка ў 11:20 праз станцыю Орша ў бок Смаленска праехаў эшалон: 30 "
            "платформаў з БМП-2 і 2 пасажырскія вагоны.",
            "11:20",
        ),
        ("en", "At around 09:00 on March 14, a military echelon was spotted at Zhlobin.", "09:00"),
        (
            "ru",
            "6 марта около 14:00 через станцию Орша в сторону Смоленска проследовал эшелон.",
            "14:00",
        ),
        ("pl", "14 marca o 7:45 pociąg wojskowy przejechał przez stację Orsza.", "07:45"),
    ],
)
def test_a_sighting_keeps_its_time(lang: str, text: str, hhmm: str) -> None:
    result = read(text, published=date(2023, 3, 15), lang=lang)
    (seen,) = result.to_dict()["sightings"]
    assert seen["seen"]["precision"] == "datetime"
    assert seen["seen"]["time"] == hhmm
    assert result.sightings[0].seen_at.strftime("%H:%M") == hhmm


def test_a_date_with_dots_is_no_time() -> None:
    result = read("14.03 pociąg wojskowy przejechał przez stację Orsza.", lang="pl")
    assert all(s.precision != "datetime" for s in result.sightings)


# -- T6. "конечная точка — Брянск": the end named after a heading ------------------------


@pytest.mark.parametrize(
    ("lang", "text", "end"),
    [
        (
            "ru",
            "Эшелон проследовал через Оршу в сторону Могилёва. Предположительно, конечная "
            "точка — Брянск.",
            "Брянск",
        ),
        (
            "uk",
            "Ешелон проїхав через Оршу в бік Могильова. Імовірно, кінцева точка — Брянськ.",
            "Брянськ",
        ),
        (
            "be",
            "Эшалон прайшоў праз Оршу ў бок Магілёва. Верагодна, канчатковы пункт — Бранск.",
            "Бранск",
        ),
    ],
)
def test_a_final_point_named_after_a_heading_is_the_end(lang: str, text: str, end: str) -> None:
    (shipment,) = read(text, published=date(2023, 3, 12), lang=lang).shipments
    assert shipment.destination is not None
    assert shipment.destination.text == end

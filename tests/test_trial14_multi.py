"""Several trains in one report (issue 13, trial13 T3, T6, T9, T11, S2).

Each finding stands for a kind, tested in every language it concerns with short inputs
written here (forms the trial did not show among them):

T3.  A train told after a pair of trains, with other ends ("W sobotę z Mozyrza do
     Brześcia wyruszył kolejny skład", "... вышел очередной эшелон", or with no
     marker at all) is another train, not the pair's second moving on.
T6.  "13 апреля из Бреста ушли 2 эшелона, 12 апреля из Барановичей — 1": each item
     of a sentence counting trains by day and station is its own group, with its own
     day and place; the item leaving out its verb keeps the verb's role.
T9.  N trains counted with N times of day ("3 эшелона: в 8:00, 12:30 и 19:10") are
     each seen at their own time.
T11. Trains counted from one day to another ("С 10 по 14 апреля через Жлобин прошло 7
     эшелонов") are a tally, whatever the place, as a week's count is.
S2.  "Эшалоны прыйшлі з боку Мінска", "Pociągi przyjechały od strony Mińska": what is
     said of the trains in the plural is said of each one.
"""

from __future__ import annotations

from datetime import date, time

import pytest

from railtrack.extract.clocklists import listed_times
from railtrack.extract.daylists import day_items
from railtrack.extract.readers import reader_for
from tests._extract_helpers import ends, read

PUB13 = date(2023, 4, 13)
PUB14 = date(2023, 4, 14)
PUB15 = date(2023, 4, 15)


def _days(windows: list[object]) -> list[str | None]:
    return [None if w is None else str(w.earliest) for w in windows]  # type: ignore[attr-defined]


# -- T3. a train told after a pair, with other ends, is another train ----------------------

_PAIR = {
    "pl": "Do Baranowicz przyjechały w piątek dwa pociągi. Pierwszy skład liczył 30 wagonów, "
    "drugi – 25.\n\n",
    "ru": "В пятницу в Барановичи прибыли два эшелона. Первый состав насчитывал 30 вагонов, "
    "второй — 25.\n\n",
    "uk": "У п'ятницю до Барановичів прибули два ешелони. Перший налічував 30 вагонів, "
    "другий — 25.\n\n",
    "be": "У пятніцу ў Баранавічы прыбылі два эшалоны. Першы налічваў 30 вагонаў, другі — 25.\n\n",
    "en": "Two trains arrived in Baranavichy on Friday. The first had 30 cars, the second 25.\n\n",
}

_NEXT_TRAIN = [
    ("pl", "W sobotę z Mozyrza do Brześcia wyruszył kolejny skład wojskowy (ok. 40 wagonów)."),
    ("pl", "W sobotę z Mozyrza do Brześcia wyruszył następny pociąg (ok. 40 wagonów)."),
    ("pl", "W sobotę z Mozyrza do Brześcia wyruszył pociąg wojskowy (ok. 40 wagonów)."),
    ("ru", "В субботу из Мозыря в Брест вышел очередной воинский эшелон (около 40 вагонов)."),
    ("ru", "В субботу из Мозыря в Брест вышел воинский эшелон (около 40 вагонов)."),
    ("uk", "У суботу з Мозиря до Бреста вирушив черговий військовий ешелон (близько 40 вагонів)."),
    ("be", "У суботу з Мазыра ў Брэст выйшаў чарговы вайсковы эшалон (каля 40 вагонаў)."),
    ("be", "У суботу з Мазыра ў Брэст выйшаў вайсковы эшалон (каля 40 вагонаў)."),
    ("en", "On Saturday another military train (about 40 cars) left Mazyr for Brest."),
]


@pytest.mark.parametrize(("lang", "text"), _NEXT_TRAIN)
def test_a_train_told_after_a_pair_with_other_ends_is_another(lang: str, text: str) -> None:
    result = read(_PAIR[lang] + text, published=PUB15, lang=lang)
    assert len(result.shipments) == 3
    first, second, third = result.shipments
    assert first.origin is None
    assert second.origin is None
    assert second.destination is not None
    assert first.destination is not None
    assert second.destination.text == first.destination.text  # (Baranovichi, not Brest)
    assert third.origin is not None
    assert third.destination is not None
    assert third.origin.text.startswith(("Mozyr", "Мозыр", "Мозир", "Мазыр", "Mazyr"))
    assert third.departure is not None
    assert third.departure.earliest == PUB15
    assert [s.cars.total for s in result.shipments] == [30, 25, 40]


# -- T6. trains counted by day and station: one group per item ----------------------------

_BY_DAY = [
    (
        "ru",
        "Эшелоны возвращаются в Россию: 13 апреля из Бреста ушли 2 эшелона, 12 апреля из "
        "Барановичей — 1.",
    ),
    ("ru", "13 апреля из Бреста в Россию ушли 2 эшелона, а 12 апреля из Барановичей ушёл ещё 1."),
    (
        "be",
        "Эшалоны вяртаюцца ў Расію: 13 красавіка з Брэста выйшлі 2 эшалоны, 12 красавіка з "
        "Баранавічаў — 1.",
    ),
    (
        "uk",
        "Ешелони повертаються до Росії: 13 квітня з Бреста вийшли 2 ешелони, 12 квітня з "
        "Барановичів — 1.",
    ),
    (
        "pl",
        "Rosyjskie pociągi wracają do Rosji: 13 kwietnia z Brześcia wyjechały 2 składy, 12 "
        "kwietnia z Baranowicz – jeden.",
    ),
    (
        "en",
        "Trains are returning to Russia: on April 13 two echelons left Brest, on April 12 "
        "one left Baranavichy.",
    ),
]


@pytest.mark.parametrize(("lang", "text"), _BY_DAY)
def test_departures_by_day_and_station_are_groups_of_their_own(lang: str, text: str) -> None:
    result = read(text, published=PUB13, lang=lang)
    by_origin = sorted(
        (s.origin.text[:4] if s.origin else "", str(s.departure.earliest) if s.departure else "")
        for s in result.shipments
    )
    brest = by_origin[0][0]
    assert len(result.shipments) == 3
    assert [d for _, d in by_origin].count("2023-04-13") == 2
    assert [d for _, d in by_origin].count("2023-04-12") == 1
    assert len({o for o, _ in by_origin}) == 2
    assert brest  # every train has its origin
    # no train "arrives" on the day it left
    assert all(s.expected_arrival is None for s in result.shipments)


_BY_DAY_ARRIVALS = [
    ("pl", "14 kwietnia do Brześcia przyjechały trzy pociągi, 13 kwietnia do Łunińca – dwa."),
    ("uk", "14 квітня до Бреста прибули 3 ешелони, 13 квітня до Лунінця — 2."),
    ("be", "14 красавіка ў Брэст прыбылі 3 эшалоны, 13 красавіка ў Лунінец — 2."),
    ("ru", "14 апреля в Брест прибыли 3 эшелона, 13 апреля в Лунинец — 2."),
    ("en", "On April 14 three trains arrived in Brest, on April 13 two arrived in Luninets."),
]


@pytest.mark.parametrize(("lang", "text"), _BY_DAY_ARRIVALS)
def test_arrivals_by_day_and_station_keep_each_items_place(lang: str, text: str) -> None:
    result = read(text, published=PUB14, lang=lang)
    arrivals = sorted(
        (str(s.expected_arrival.earliest) if s.expected_arrival else None, e)
        for s, (_, e) in zip(result.shipments, ends(result), strict=True)
    )
    assert [a for a, _ in arrivals] == ["2023-04-13"] * 2 + ["2023-04-14"] * 3
    assert len({e for a, e in arrivals if a == "2023-04-13"}) == 1
    assert {e for a, e in arrivals if a == "2023-04-13"} != {
        e for a, e in arrivals if a != "2023-04-13"
    }


def test_day_items_split_only_lists_of_days_and_places() -> None:
    rd = reader_for("ru")
    text = "13 апреля из Бреста ушли 2 эшелона, 12 апреля из Барановичей — 1."
    items = day_items(text, rd)
    assert items is not None
    assert [(i.n_trains, i.elided) for i in items] == [(2, False), (1, True)]
    # one day, or cars counted, or no place: no list of items
    assert day_items("13 апреля из Бреста ушли 2 эшелона, 40 и 45 вагонов.", rd) is None
    assert day_items("Два эшелона прибыли в Брест 14 и 15 апреля, из Смоленска.", rd) is None


# -- T9. N trains with N times of day: each its own time ----------------------------------

_TIMES = [
    ("pl", "Przez Żłobin przejechały dziś 3 pociągi wojskowe: o 8:00, 12:30 i 19:10."),
    ("ru", "Сегодня через Жлобин прошли 3 воинских эшелона: в 8:00, 12:30 и 19:10."),
    ("ru", "За сутки через Оршу прошли три эшелона: в 8:00, 12:30 и 19:10."),
    ("uk", "Сьогодні через Жлобин пройшли 3 ешелони: о 8:00, 12:30 та 19:10."),
    ("be", "Сёння праз Жлобін прайшлі 3 эшалоны: а 8:00, 12:30 і 19:10."),
    ("en", "3 trains passed Zhlobin today: at 8:00, 12:30 and 19:10."),
    # two trains, the day before the times, each time with its own preposition
    ("ru", "13 апреля через станцию Жлобин проследовали два эшелона — в 8:00 и в 12:30."),
    ("pl", "13 kwietnia przez Żłobin przejechały dwa składy, o 8:00 i o 12:30."),
    ("be", "13 красавіка праз Жлобін прайшлі два эшалоны, а 8:00 і а 12:30."),
]


@pytest.mark.parametrize(("lang", "text"), _TIMES)
def test_listed_times_give_each_train_its_own(lang: str, text: str) -> None:
    result = read(text, published=PUB13, lang=lang)
    n = len(result.shipments)
    assert n in (2, 3)
    seen = [(s.shipment, s.seen_at) for s in result.sightings]
    assert [at.time() for _, at in seen] == [time(8, 0), time(12, 30), time(19, 10)][:n]
    assert all(at.date() == PUB13 for _, at in seen)
    assert len({sid for sid, _ in seen}) == n  # one time for each train


def test_one_time_for_several_trains_is_theirs_all() -> None:
    result = read("13 апреля в 22:40 через Жлобин прошли 2 эшелона.", published=PUB13, lang="ru")
    assert [s.seen_at.time() for s in result.sightings] == [time(22, 40)] * 2


def test_listed_times_needs_one_time_per_train() -> None:
    text = "Через Оршу прошли 3 эшелона: в 8:00 и 12:30. В 19:10 ещё один."
    assert listed_times(text, 16, 3) is None
    assert [text[a:b] for a, b in listed_times(text, 16, 2) or []] == ["8:00", "12:30"]


# -- T11. trains counted from one day to another are a tally ------------------------------

_SPANS = [
    ("ru", "С 10 по 14 апреля через Жлобин прошло 7 воинских эшелонов."),
    ("ru", "За период с 10 по 14 апреля в Брест прибыло 7 эшелонов."),
    ("be", "З 10 па 14 красавіка праз Жлобін прайшло 7 вайсковых эшалонаў."),
    ("uk", "З 10 по 14 квітня через Жлобин пройшло 7 військових ешелонів."),
    ("pl", "Od 10 do 14 kwietnia przez Żłobin przejechało 7 pociągów wojskowych."),
    ("pl", "W dniach 10-14 kwietnia do Brześcia przyjechało 7 pociągów."),
    ("en", "From April 10 to 14, seven military trains passed through Zhlobin."),
    ("en", "Between 10 and 14 April, 7 trains arrived in Brest."),
    ("uk", "У період з 10 по 13 квітня до Бреста прибуло 5 ешелонів."),
]


@pytest.mark.parametrize(("lang", "text"), _SPANS)
def test_trains_counted_from_day_to_day_are_a_tally(lang: str, text: str) -> None:
    result = read(text, published=PUB14, lang=lang)
    assert result.shipments == []
    assert result.sightings == []
    assert [t["n_trains"] for t in result.to_dict()["tallies"]] in ([7], [5])


_NOT_SPANS = [
    # a list of days dates one train each
    ("ru", "10 и 14 апреля через Жлобин прошли 2 эшелона.", 2),
    # a night is one trip's time
    ("ru", "В ночь с 12 на 13 апреля в Брест прибыли 2 эшелона.", 2),
    # cars told of them: trains to list (as before)
    (
        "en",
        "Between April 10 and 13, three trains arrived in Brest. They carried 20 covered "
        "wagons and 15 tank cars in all.",
        3,
    ),
    # ahead: a plan
    ("ru", "С 15 по 18 апреля в Брест прибудут 3 эшелона.", 3),
]


@pytest.mark.parametrize(("lang", "text", "n"), _NOT_SPANS)
def test_trains_of_days_or_described_stay_trains(lang: str, text: str, n: int) -> None:
    result = read(text, published=PUB14, lang=lang)
    assert len(result.shipments) == n
    assert result.to_dict()["tallies"] == []


def test_a_tally_over_days_does_not_add_to_the_trains_told() -> None:
    text = (
        "10 апреля в 09:15 через станцию Жлобин в сторону Гомеля прошёл эшелон из 40 вагонов.\n\n"
        "С 10 по 14 апреля через Жлобин прошло 7 воинских эшелонов."
    )
    result = read(text, published=PUB14, lang="ru")
    assert len(result.shipments) == 1
    assert [t["n_trains"] for t in result.to_dict()["tallies"]] == [7]


# -- S2. the trains in the plural: each one ------------------------------------------------

_BOTH = [
    (
        "be",
        "11 і 12 красавіка ў Лунінец прыбылі два эшалоны. У першым было 33 платформы, у "
        "другім — 31 платформа.\n\nЭшалоны ішлі з боку Брэста.",
    ),
    (
        "be",
        "11 і 12 красавіка ў Лунінец прыбылі два эшалоны. У першым было 33 платформы, у "
        "другім — 31 платформа. Эшалоны прыйшлі з Брэста.",
    ),
    (
        "pl",
        "11 i 12 kwietnia do Łunińca przyjechały dwa pociągi. Pierwszy liczył 33 wagony, "
        "drugi – 31. Pociągi przyjechały od strony Brześcia.",
    ),
    (
        "pl",
        "11 i 12 kwietnia do Łunińca przyjechały dwa pociągi. Pierwszy liczył 33 wagony, "
        "drugi – 31. Oba składy przyjechały z Brześcia.",
    ),
    (
        "uk",
        "11 і 12 квітня до Лунінця прибули два ешелони. У першому було 33 платформи, у "
        "другому — 31 платформа.\nЕшелони йшли з боку Бреста.",
    ),
    (
        "ru",
        "11 и 12 апреля в Лунинец прибыли два эшелона. В первом было 33 платформы, во "
        "втором — 31 платформа. Эшелоны пришли со стороны Бреста.",
    ),
    (
        "en",
        "Two trains arrived in Luninets on 11 and 12 April. The first had 33 flatcars, the "
        "second 31. Both trains came from the direction of Brest.",
    ),
]


@pytest.mark.parametrize(("lang", "text"), _BOTH)
def test_what_is_said_of_the_trains_is_said_of_each(lang: str, text: str) -> None:
    result = read(text, published=PUB13, lang=lang)
    assert len(result.shipments) == 2
    origins = [s.origin.text[:4] if s.origin else None for s in result.shipments]
    assert origins[0] is not None
    assert origins == [origins[0]] * 2
    assert all(not s.via for s in result.shipments)


def test_a_train_named_in_the_singular_is_not_them_all() -> None:
    text = (
        "11 и 12 апреля в Лунинец прибыли два эшелона. В первом было 33 платформы, во "
        "втором — 31 платформа. Второй эшелон пришёл со стороны Бреста."
    )
    result = read(text, published=PUB13, lang="ru")
    assert result.shipments[0].origin is None

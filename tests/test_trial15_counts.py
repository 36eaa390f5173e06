"""Counts told in words (issue 13, trial14 T1, T3, T6, T8, T9, T16, T18).

Each finding stands for a kind, tested in every language it concerns with short inputs
written here (forms the trial did not try among them):

T9.  A bound written around a number ("больш чым 40", "niespełna 50", "40-odd", "40 с
     лишним", "сорок з гаком", "40 z okładem") is read as at least / at most, never as
     an exact count and never lost.
T18. English "(4 of them passenger cars)" tells 4 passenger cars, as "(из них 4
     пассажирских)" does.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tests._extract_helpers import read

PUB = date(2023, 4, 21)


def cars_of(text: str) -> list[dict[str, Any]]:
    """Return each shipment's cars, with the bound flags that are set."""
    out = read(text, published=PUB).to_dict()
    return [
        {
            **{k: v for k, v in s["cars"].items() if v is not None},
            **{k[5:]: True for k in ("cars_at_least", "cars_at_most", "cars_estimated") if s[k]},
        }
        for s in out["shipments"]
    ]


# -- T9. bounds around a number -----------------------------------------------------------

_AT_LEAST = [
    ("be", "Сёння ў Брэст прыбыў эшалон з больш чым 40 вагонаў."),
    ("be", "Сёння ў Брэст прыбыў эшалон з 40 з лішкам вагонаў."),
    ("be", "Сёння ў Брэст прыбыў эшалон з сарака з гакам вагонаў."),
    ("ru", "Сегодня в Брест прибыл эшелон из 40 с лишним вагонов."),
    ("ru", "Сегодня в Брест прибыл эшелон из сорока с лишним вагонов."),
    ("ru", "Сегодня в Брест прибыл эшелон из 40 с небольшим вагонов."),
    ("ru", "Сегодня в Брест прибыл эшелон, в котором чуть больше 40 вагонов."),
    ("uk", "Сьогодні до Бреста прибув ешелон із 40 з гаком вагонів."),
    ("uk", "Сьогодні до Бреста прибув ешелон із сорока з лишком вагонів."),
    ("uk", "Сьогодні до Бреста прибув ешелон, у якому трохи більше 40 вагонів."),
    ("pl", "Dziś do Brześcia przyjechał pociąg liczący 40 z okładem wagonów."),
    ("pl", "Dziś do Brześcia przyjechał pociąg z czterdziestoma kilkoma wagonami."),
    ("pl", "Dziś do Brześcia przyjechał pociąg liczący nieco ponad 40 wagonów."),
    ("en", "A train of 40-odd cars arrived in Brest today."),
    ("en", "A train of forty odd flatcars arrived in Brest today."),
    ("en", "A train of 40-plus wagons arrived in Brest today."),
]


@pytest.mark.parametrize(("lang", "text"), _AT_LEAST)
def test_a_bound_after_or_before_a_number_is_at_least(lang: str, text: str) -> None:
    (cars,) = cars_of(text)
    assert cars["total"] == 40, lang
    assert cars.get("at_least") is True
    assert "at_most" not in cars


_AT_MOST = [
    ("pl", "Dziś do Brześcia przyjechał pociąg liczący niespełna 50 wagonów."),
    ("pl", "Dziś do Brześcia przyjechał pociąg z niecałymi 50 wagonami."),
    ("ru", "Сегодня в Брест прибыл эшелон, в котором неполных 50 вагонов."),
    ("ru", "Сегодня в Брест прибыл эшелон, в котором без малого 50 вагонов."),
    ("uk", "Сьогодні до Бреста прибув ешелон з неповних 50 вагонів."),
    ("be", "Сёння ў Брэст прыбыў эшалон з няпоўных 50 вагонаў."),
    ("be", "Сёння ў Брэст прыбыў эшалон, у якім менш за 50 вагонаў."),
    ("en", "A train of just under 50 cars arrived in Brest today."),
    ("en", "A train of fewer than 50 cars arrived in Brest today."),
]


@pytest.mark.parametrize(("lang", "text"), _AT_MOST)
def test_a_bound_below_a_number_is_at_most(lang: str, text: str) -> None:
    (cars,) = cars_of(text)
    assert cars["total"] == 50, lang
    assert cars.get("at_most") is True
    assert "at_least" not in cars


# -- T18. English "(4 of them passenger cars)" ------------------------------------------


@pytest.mark.parametrize(
    "split",
    [
        "(4 of them passenger cars)",
        "(4 of them are passenger cars)",
        "(4 of which passenger)",
        "(of which 4 are passenger)",
        "(including 4 passenger cars)",
        ", 4 of them passenger coaches,",
        "(4 of these passenger carriages)",
    ],
)
def test_english_passenger_cars_of_them(split: str) -> None:
    text = f"On April 17 a train of 38 cars {split} arrived in Barysau."
    (cars,) = cars_of(text)
    assert (cars["total"], cars.get("passenger")) == (38, 4)


# -- T16. a count per train in pieces, its car kind first in the brackets ---------------

_PIECES_EACH = [
    ("be", "19 красавіка праз Гомель прайшлі два эшалоны з палівам (цыстэрны, па 50 штук)."),
    ("pl", "19 kwietnia przez Homel przejechały dwa składy z paliwem (cysterny, po 50 sztuk)."),
    ("ru", "19 апреля через Гомель прошли два эшелона с топливом (цистерны, по 50 штук)."),
    ("ru", "19 апреля через Гомель прошли два эшелона с топливом (цистерны по 50 шт.)."),
    ("uk", "19 квітня через Гомель пройшли два ешелони з пальним (цистерни, по 50 штук)."),
    ("uk", "19 квітня через Гомель пройшли два ешелони з пальним (цистерни, по 50 шт.)."),
    ("en", "On April 19 two trains with fuel (tank cars, 50 each) passed through Gomel."),
    ("en", "On April 19 two trains with fuel (tank cars, 50 pieces each) passed through Gomel."),
]


@pytest.mark.parametrize(("lang", "text"), _PIECES_EACH)
def test_pieces_per_train_with_the_kind_first(lang: str, text: str) -> None:
    assert [c["tank"] for c in cars_of(text)] == [50, 50], lang


@pytest.mark.parametrize(
    ("lang", "text", "kind", "value"),
    [
        ("ru", "19 апреля через Гомель прошёл эшелон (крытые вагоны, 30 штук).", "covered", 30),
        ("pl", "19 kwietnia przez Homel przejechał skład (cysterny, 20 szt.).", "tank", 20),
        ("en", "On April 19 a train with fuel (tank cars, 20 pcs) passed Gomel.", "tank", 20),
    ],
)
def test_pieces_of_one_train_with_the_kind_first(
    lang: str, text: str, kind: str, value: int
) -> None:
    (cars,) = cars_of(text)
    assert cars[kind] == value, lang


# -- T8. "about N each": each train's estimate ------------------------------------------

_ABOUT_EACH = [
    ("pl", "Z Borysowa w stronę Mińska wyjechały dziś rano 2 puste pociągi (po ok. 30 wagonów)."),
    ("pl", "Z Borysowa do Mińska wyjechały dziś 2 pociągi, po około 30 wagonów."),
    ("ru", "Из Борисова в сторону Минска сегодня ушли 2 эшелона (примерно по 30 вагонов)."),
    ("ru", "Из Борисова в сторону Минска сегодня ушли 2 эшелона (по примерно 30 вагонов)."),
    ("uk", "З Барисова в бік Мінська сьогодні вирушили 2 ешелони (приблизно по 30 вагонів)."),
    ("uk", "З Барисова в бік Мінська сьогодні вирушили 2 ешелони (по близько 30 вагонів)."),
    ("be", "З Барысава ў бок Мінска сёння выйшлі 2 эшалоны (прыкладна па 30 вагонаў)."),
    ("be", "З Барысава ў бок Мінска сёння выйшлі 2 эшалоны (каля 30 вагонаў кожны)."),
    ("en", "Two empty trains (about 30 cars each) left Barysau towards Minsk this morning."),
]


@pytest.mark.parametrize(("lang", "text"), _ABOUT_EACH)
def test_about_so_many_each_is_each_trains_estimate(lang: str, text: str) -> None:
    assert cars_of(text) == [{"total": 30, "estimated": True}] * 2, lang


# -- T6. "..., drugi 38, a trzeci około 30": each ordinal keeps its own count -----------

_JOINED_ORDINALS = [
    ("pl", "pierwszy liczył 45 wagonów, drugi 38, a trzeci około 30 wagonów."),
    ("pl", "pierwszy z 45 wagonami, drugi z 38, zaś trzeci z około 30 wagonami."),
    ("ru", "первый насчитывал 45 вагонов, второй 38, а третий около 30 вагонов."),
    ("ru", "первый насчитывал 45 вагонов, второй 38, и третий около 30 вагонов."),
    ("uk", "перший налічував 45 вагонів, другий 38, а третій близько 30 вагонів."),
    ("uk", "перший налічував 45 вагонів, другий 38, і третій близько 30 вагонів."),
    ("be", "першы налічваў 45 вагонаў, другі 38, а трэці каля 30 вагонаў."),
    ("en", "the first had 45 cars, the second 38, and the third about 30 cars."),
]
_HEADS = {
    "pl": "17 kwietnia do Borysowa przyjechały trzy pociągi: ",
    "ru": "17 апреля в Борисов прибыли три эшелона: ",
    "uk": "17 квітня до Борисова прибули три ешелони: ",
    "be": "17 красавіка ў Барысаў прыбылі тры эшалоны: ",
    "en": "On April 17 three trains arrived in Barysau: ",
}


@pytest.mark.parametrize(("lang", "tail"), _JOINED_ORDINALS)
def test_a_joined_ordinal_keeps_its_own_count(lang: str, tail: str) -> None:
    assert cars_of(_HEADS[lang] + tail) == [
        {"total": 45},
        {"total": 38},
        {"total": 30, "estimated": True},
    ], lang


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "pl",
            "Pierwszy liczył 45 platform z czołgami, drugi 38 wagonów (w tym 4 osobowe), "
            "a trzeci około 30 wagonów.",
        ),
        (
            "ru",
            "Первый насчитывал 45 платформ с танками, второй 38 вагонов (из них 4 "
            "пассажирских), а третий около 30 вагонов.",
        ),
    ],
)
def test_a_joined_ordinal_after_a_passenger_split(lang: str, text: str) -> None:
    cars = cars_of(_HEADS[lang] + text)
    assert [c.get("total") for c in cars] == [45, 38, 30], lang
    assert cars[1].get("passenger") == 4


# -- T3. "both trains ...: 40 and 44 cars" with no train told before: two trains ---------

_BOTH = [
    ("pl", "Oba zapowiadane pociągi przyjechały dziś do Brześcia: 40 i 44 wagony."),
    ("pl", "Dziś do Brześcia przyjechały oba pociągi: pierwszy liczył 40 wagonów, drugi 44."),
    ("pl", "Dziś do Brześcia przyjechały obydwa transporty: 40 i 44 wagony."),
    ("be", "Абодва анансаваныя эшалоны сёння прыбылі ў Брэст: 40 і 44 вагоны."),
    ("ru", "Оба анонсированных эшелона сегодня прибыли в Брест: 40 и 44 вагона."),
    ("ru", "Оба эшелона прибыли сегодня в Брест: 40 и 44 вагона."),
    ("uk", "Обидва анонсовані ешелони сьогодні прибули до Бреста: 40 і 44 вагони."),
    ("en", "Both announced trains arrived in Brest today: 40 and 44 cars."),
    ("en", "Both trains arrived in Brest today: the first with 40 cars, the second with 44."),
]


@pytest.mark.parametrize(("lang", "text"), _BOTH)
def test_both_trains_with_no_train_before_are_two(lang: str, text: str) -> None:
    out = read(text, published=PUB).to_dict()
    assert [s["cars"]["total"] for s in out["shipments"]] == [40, 44], lang
    assert len({s["group"] for s in out["shipments"]}) == 1
    assert out["shipments"][0]["group"] is not None


def test_both_after_a_told_train_is_no_new_pair() -> None:
    text = "Вчера в Брест прибыл эшелон из 40 вагонов. Оба эшелона разгружаются."
    assert [c["total"] for c in cars_of(text)] == [40]


# -- T1. a recap: counts after times of day, one per train; "a third is expected" --------

_RECAP = [
    (
        "ru",
        "Вчера в Лунинец прибыли два эшелона: ночью (40 вагонов) и вечером (35 вагонов).",
        "Сегодня ожидается третий.",
    ),
    (
        "be",
        "Учора ў Лунінец прыбылі два эшалоны: ноччу (40 вагонаў) і ўвечары (35 вагонаў).",
        "Сёння чакаецца трэці.",
    ),
    (
        "pl",
        "Wczoraj do Łunińca przyjechały dwa pociągi: w nocy (40 wagonów) i wieczorem (35 wagonów).",
        "Dziś oczekiwany jest trzeci.",
    ),
    (
        "uk",
        "Учора до Лунинця прибули два ешелони: вночі (40 вагонів) і ввечері (35 вагонів).",
        "Сьогодні очікується третій.",
    ),
]
_RECAP.append(
    (
        "en",
        "Two trains arrived in Luninets yesterday: one at night (40 cars) and one in the "
        "evening (35 cars).",
        "A third is expected today.",
    )
)
_RECAP_FORMS = [
    (
        "ru",
        "Вчера в Лунинец прибыли три эшелона: утром (40 вагонов), днём (35 вагонов) и "
        "вечером (30 вагонов).",
        [40, 35, 30],
    ),
    (
        "pl",
        "Wczoraj do Łunińca przyjechały dwa składy: rano (40 wagonów), a wieczorem (35 wagonów).",
        [40, 35],
    ),
    ("ru", "Вчера в Лунинец прибыли два эшелона: 40 вагонов и 35 вагонов.", [40, 35]),
    (
        "en",
        "Two trains arrived in Luninets yesterday: one at night (40 cars) and one in the "
        "evening (35 cars).",
        [40, 35],
    ),
]


@pytest.mark.parametrize(("lang", "told", "awaited"), _RECAP)
def test_a_recap_counts_each_train_and_awaits_a_third(lang: str, told: str, awaited: str) -> None:
    alone = read(told, published=PUB).to_dict()["shipments"]
    assert [(s["cars"]["total"], s["claim"]) for s in alone] == [(40, "sighted"), (35, "sighted")]
    both = read(f"{told} {awaited}", published=PUB).to_dict()["shipments"]
    arrived = [s for s in both if s["claim"] == "sighted"]
    awaited_trains = [s for s in both if s["claim"] == "expected"]
    assert [s["cars"]["total"] for s in arrived] == [40, 35], lang
    assert len(awaited_trains) == 1
    assert awaited_trains[0]["cars"]["total"] is None
    assert awaited_trains[0]["group"] is None
    assert awaited_trains[0]["destination"]["text"] == arrived[0]["destination"]["text"]


@pytest.mark.parametrize(("lang", "text", "totals"), _RECAP_FORMS)
def test_counts_listed_after_the_announcement_go_one_per_train(
    lang: str, text: str, totals: list[int]
) -> None:
    out = read(text, published=PUB).to_dict()
    assert [s["cars"]["total"] for s in out["shipments"]] == totals, lang
    assert all(g["cars"]["total"] is None for g in out["groups"])


@pytest.mark.parametrize(
    "text",
    [
        "Вчера в Лунинец прибыли два эшелона: 40 платформ и 2 пассажирских вагона.",
        "Вчера в Лунинец прибыли два эшелона, всего 75 вагонов.",
        "Вчера в Брест прибыли два эшелона: 40 вагонов с техникой и 2 вагона с людьми.",
    ],
)
def test_one_make_up_or_a_total_stays_the_groups(text: str) -> None:
    out = read(text, published=PUB).to_dict()
    assert all(s["cars"]["total"] is None for s in out["shipments"])
    assert len(out["groups"]) == 1


def test_an_ordinal_within_the_group_is_still_its_train() -> None:
    text = "Вчера в Брест прибыли два эшелона: 40 и 35 вагонов. Второй ушёл в Барановичи."
    out = read(text, published=PUB).to_dict()["shipments"]
    assert len(out) == 2

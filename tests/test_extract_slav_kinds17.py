"""Failure kinds of East Slavic and Polish reading found in session 17 (issue 13).

Each kind is tested with forms not seen in the reports that showed it (r1015-r1024), in
every language it concerns, with a case that must stay as it was:

- a town followed by the state or province it is in ("з міста Ухань Китайської
  Народної Республіки", "из Бреста Республики Беларусь", "из Чэнду провинции Сычуань"):
  the town is the place, not the town and the state;
- a province named in a clause that says where a place lies ("що знаходиться у
  провінції Хубей"): a region, no place passed on the way;
- a rail terminal or dry port before its name in Russian and Belarusian ("в сухой порт
  Априн", "с терминала Ворсино"), as Ukrainian and Polish read it: the name is the place
  (a sea port is not: "судном в порт Находка" is the sea leg's end);
- a route of two ends each glossed with its country in brackets ("за маршрутом Скнилів
  (Україна) – Славкув (Польща)"): the ends are read;
- "near" told with its preposition ("неподалеку от Воронежа", "недалеко від Мінська",
  "недалёка ад Мінска"): a place near the end, never the train's origin.
"""

from __future__ import annotations

from datetime import date

import pytest

from railtrack.extract import extract_shipments

PUBLISHED = date(2024, 3, 6)


def _shipments(text: str, lang: str) -> list[dict]:
    return list(extract_shipments(text, published=PUBLISHED, lang=lang).to_dict()["shipments"])


def _only(text: str, lang: str) -> dict:
    shipments = _shipments(text, lang)
    assert len(shipments) == 1, shipments
    return shipments[0]


def _text(place: dict | None) -> str | None:
    return None if place is None else place["text"]


# -- a town, then the state it is in -------------------------------------------------------

TOWN_IN_STATE = [
    ("uk", "Вчора потяг вирушив з міста Чунцін Китайської Народної Республіки до Києва.", "Чунцін"),
    ("uk", "Вчора ешелон вирушив з Бреста Республіки Білорусь до Ковеля.", "Бреста"),
    ("uk", "Вчора потяг вирушив з міста Чунцін провінції Сичуань до Києва.", "Чунцін"),
    (
        "ru",
        "Вчера поезд отправился из города Сиань Китайской Народной Республики в Минск.",
        "Сиань",
    ),
    ("ru", "Вчера эшелон отправился из Гомеля Республики Беларусь в Брянск.", "Гомеля"),
    ("ru", "Вчера поезд отправился из Чэнду провинции Сычуань в Минск.", "Чэнду"),
    ("be", "Учора цягнік адправіўся з Гомеля Рэспублікі Беларусь у Брянск.", "Гомеля"),
    ("be", "Учора цягнік адправіўся з Чэнду правінцыі Сычуань у Мінск.", "Чэнду"),
    ("pl", "Wczoraj pociąg wyjechał z Grodna Republiki Białoruś do Łodzi.", "Grodna"),
]


@pytest.mark.parametrize(("lang", "text", "origin"), TOWN_IN_STATE)
def test_a_town_before_its_state_is_the_town(lang, text, origin):
    assert _text(_only(text, lang).get("origin")) == origin


@pytest.mark.parametrize(
    ("lang", "text", "origin"),
    [
        # the state alone is kept whole, its word included
        (
            "ru",
            "Вчера эшелон прибыл из Донецкой Народной Республики в Ростов.",
            "Донецкой Народной Республики",
        ),
        ("uk", "Вчора ешелон вирушив з Гомеля Гомельської області до Брянська.", "Гомеля"),
    ],
)
def test_a_state_alone_and_a_town_in_its_region_stay_as_read(lang, text, origin):
    assert _text(_only(text, lang).get("origin")) == origin


# -- a province where a place lies is no place passed -----------------------------------------

LOCATED_IN_PROVINCE = [
    ("uk", "Вчора потяг прибув до міста Сіань, що знаходиться у провінції Шеньсі.", "Сіань"),
    ("ru", "Вчера поезд прибыл в Сиань, который находится в провинции Шэньси.", "Сиань"),
    ("be", "Учора цягнік прыбыў у Ліду, якая знаходзіцца ў правінцыі Шэньсі.", "Ліду"),
]


@pytest.mark.parametrize(("lang", "text", "destination"), LOCATED_IN_PROVINCE)
def test_a_province_a_place_lies_in_is_not_passed(lang, text, destination):
    shipment = _only(text, lang)
    assert _text(shipment.get("destination")) == destination
    assert not shipment.get("via")


def test_a_state_named_after_its_word_keeps_the_word():
    # "в Республику Беларусь": a region keeps its word, as written (the labelling rule)
    shipment = _only("Вчера эшелон из 40 вагонов прибыл в Республику Беларусь из Смоленска.", "ru")
    assert _text(shipment.get("destination")) == "Республику Беларусь"
    assert _text(shipment.get("origin")) == "Смоленска"


# -- a port or terminal before its name -------------------------------------------------------

PORTS = [
    (
        "ru",
        "Вчера поезд из 30 вагонов отправился с терминала Электроугли в Брест.",
        "origin",
        "Электроугли",
    ),
    ("ru", "Вчера поезд прибыл в сухой порт Хоргос вблизи Алматы.", "destination", "Хоргос"),
    ("ru", "Вчера поезд отправился с терминала Ворсино в Брест.", "origin", "Ворсино"),
    ("be", "Учора цягнік прыбыў у сухі порт Хоргас каля Алматы.", "destination", "Хоргас"),
    ("be", "Учора цягнік адправіўся з тэрмінала Ворсіна ў Брэст.", "origin", "Ворсіна"),
]


@pytest.mark.parametrize(("lang", "text", "role", "name"), PORTS)
def test_a_port_or_terminal_before_its_name_names_the_place(lang, text, role, name):
    assert _text(_only(text, lang).get(role)) == name


def test_a_port_in_a_town_is_the_town():
    shipment = _only("Вчера поезд прибыл в порт в Мариуполе.", "ru")
    assert _text(shipment.get("destination")) == "Мариуполе"


def test_a_sea_port_reached_by_ship_is_no_train_end():
    text = "Ранее груз доставляли судном в порт Владивосток, а затем по железной дороге в Москву."
    assert all(_text(s.get("destination")) != "Владивосток" for s in _shipments(text, "ru"))


# -- a route of two glossed ends ----------------------------------------------------------

GLOSSED_ROUTES = [
    ("uk", "Вчора за маршрутом Слонім (Білорусь) – Валуйки (Росія) вирушив ешелон із 40 вагонів."),
    ("uk", "Потяг прибув до Польщі. Він курсує за маршрутом Слонім (Білорусь) – Валуйки (Росія)."),
    (
        "ru",
        "Вчера по маршруту Слоним (Беларусь) – Валуйки (Россия) отправился эшелон из 40 вагонов.",
    ),
    ("ru", "Поезд прибыл в Польшу. Он курсирует по маршруту Слоним (Беларусь) – Валуйки (Россия)."),
]


@pytest.mark.parametrize(("lang", "text"), GLOSSED_ROUTES)
def test_a_route_with_glossed_ends_gives_both_ends(lang, text):
    shipment = _only(text, lang)
    assert _text(shipment.get("origin"))[:4] == "Слон"
    assert _text(shipment.get("destination"))[:3] == "Вал"


def test_a_route_without_glosses_is_read_as_before():
    shipment = _only("Вчера по маршруту Слоним – Валуйки отправился эшелон из 40 вагонов.", "ru")
    assert (_text(shipment.get("origin")), _text(shipment.get("destination"))) == (
        "Слоним",
        "Валуйки",
    )


# -- "near" with its preposition --------------------------------------------------------------

NEAR = [
    ("ru", "Вчера поезд прибыл на станцию Лиски неподалеку от Воронежа.", "Лиски"),
    ("ru", "Вчера эшелон из 40 вагонов прибыл в Осиповичи недалеко от Минска.", "Осиповичи"),
    ("uk", "Вчора потяг прибув на станцію Лиски неподалік від Воронежа.", "Лиски"),
    ("uk", "Вчора ешелон прибув до Осиповичів недалеко від Мінська.", "Осиповичів"),
    ("be", "Учора эшалон прыбыў на станцыю Асіповічы недалёка ад Мінска.", "Асіповічы"),
    ("be", "Учора цягнік прыбыў у Асіповічы непадалёк ад Мінска.", "Асіповічы"),
]


@pytest.mark.parametrize(("lang", "text", "destination"), NEAR)
def test_a_place_near_the_end_is_not_the_origin(lang, text, destination):
    shipment = _only(text, lang)
    assert _text(shipment.get("destination")) == destination
    assert shipment.get("origin") is None


@pytest.mark.parametrize(
    ("lang", "text", "origin"),
    [
        ("ru", "Вчера эшелон отправился от станции Слоним в Валуйки.", "Слоним"),
        ("be", "Учора эшалон адправіўся ад Слоніма на Мазыр.", "Слоніма"),
    ],
)
def test_from_alone_is_still_the_origin(lang, text, origin):
    assert _text(_only(text, lang).get("origin")) == origin

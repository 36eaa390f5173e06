"""Trial 17, helper "corrections": a timetable train is no shipment (T7).

"поезд Москва — Минск из 15 вагонов", "pociąg Warszawa – Mińsk (12 wagonów)", "потяг
Київ — Перемишль", "the Kyiv-Przemyśl train with 10 coaches" were read as shipments. A
passenger service named by its two ends joined by a dash is no shipment unless the
text speaks of military cargo or of freight (a number alone names none: echelons are
numbered too, "Train No. 967 from Bekasovo")
(:mod:`railtrack.extract.services`; the lexicons' ``service_trains``, ``service_links``
and ``service_numbers``).
"""

from __future__ import annotations

from datetime import date

import pytest

from tests._extract_helpers import ends, read

_SERVICES = {
    "ru": "Вчера поезд Москва — Минск из 15 вагонов прибыл в Минск.",
    "ru-link": "Вчера поезд сообщением Гомель — Брянск отправился из Гомеля.",
    "pl": "Wczoraj pociąg Warszawa – Mińsk (12 wagonów) odjechał z Warszawy.",
    "pl-trasa": "Wczoraj pociąg na trasie Przemyśl - Kijów odjechał z Przemyśla do Kijowa.",
    "uk": "Учора потяг Київ — Перемишль вирушив з Києва до Перемишля.",
    "uk-poizd": "Учора поїзд Харків-Львів із 14 вагонів прибув до Львова.",
    "be": "Учора цягнік Мінск — Масква з 15 вагонаў прыбыў у Мінск.",
    "en": "Yesterday the Kyiv-Przemyśl train with 10 coaches left Kyiv.",
}

# the same trains told with military cargo, or as freight: shipments still
_CARGO = {
    "ru": "Вчера поезд Москва — Минск из 15 вагонов с военной техникой прибыл в Минск.",
    "ru-next-sentence": (
        "Вчера поезд Москва — Минск из 15 вагонов прибыл в Минск. На платформах была "
        "военная техника."
    ),
    "uk": "Учора потяг Київ — Перемишль із 20 танками вирушив з Києва до Перемишля.",
    "pl-containers": "Wczoraj pociąg Xi'an – Łódź z 41 kontenerami dotarł do Łodzi.",
    "en": "Yesterday the Slonim-Valuyki train with military equipment left Slonim.",
    "en-next-sentence": (
        "Yesterday the Kyiv-Przemyśl train with 10 coaches left Kyiv. It carried military "
        "equipment."
    ),
}


def _lang(key: str) -> str:
    return key.split("-")[0]


@pytest.mark.parametrize("key", sorted(_SERVICES))
def test_a_timetable_train_is_no_shipment(key: str) -> None:
    result = read(_SERVICES[key], lang=_lang(key))
    assert result.shipments == [], ends(result)


@pytest.mark.parametrize("key", sorted(_CARGO))
def test_a_train_named_by_its_ends_with_cargo_is_a_shipment(key: str) -> None:
    result = read(_CARGO[key], lang=_lang(key))
    assert len(result.shipments) == 1, ends(result)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "Эшелон Слоним — Матвеев Курган прибыл."),  # an echelon is no service
        ("ru", "Поезд из 40 вагонов ушёл из Слонима — в сторону России."),
        ("pl", "Pociąg z 40 wagonami odjechał ze Słonimia – w stronę Rosji."),
        ("en", "A train of 40 cars left Slonim - the third this week."),
    ],
)
def test_a_dash_that_joins_no_two_ends_names_no_service(lang: str, text: str) -> None:
    from railtrack.extract.services import names_a_service

    assert not names_a_service(lang, text)


def test_an_echelon_between_two_stations_is_still_a_shipment() -> None:
    """Negative: only a service noun names a timetable train."""
    result = read("Вчера эшелон Слоним — Матвеев Курган из 40 вагонов ушёл из Слонима.")
    assert len(result.shipments) == 1, ends(result)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The Kamianets-Podilskyi train with 40 wagons of tanks left on 3 March."),
        ("ru", "Поезд Матвеев-Курган из 40 вагонов с техникой ушёл 3 марта."),
    ],
)
def test_a_hyphenated_town_is_no_route(lang: str, text: str) -> None:
    # (review17 #1: one town's name joined by a hyphen was read as a route's two ends,
    # and the train dropped as a passenger service)
    from railtrack.extract.services import names_a_service

    assert not names_a_service(lang, text)


# review17 #1: a train named by its two ends that counts an echelon's cars, with no
# passenger word, is a shipment (the route alone is no passenger cue)
_COUNTED = {
    "ru": "Поезд Слоним — Брест с 40 вагонами ушёл 3 марта.",
    "uk": "Потяг Слонім — Брест із 45 вагонів вирушив 3 березня.",
    "pl": "Pociąg Słonim – Brześć z 42 wagonami odjechał 3 marca.",
    "en": (
        "The Kamianets-Podilskyi train with 40 wagons left Kamianets-Podilskyi for Lviv on 3 March."
    ),
}


@pytest.mark.parametrize("key", sorted(_COUNTED))
def test_a_train_named_by_its_ends_with_an_echelons_cars_is_a_shipment(key: str) -> None:
    result = read(_COUNTED[key], lang=_lang(key), published=date(2023, 3, 5))
    assert len(result.shipments) == 1, ends(result)
    assert result.shipments[0].cars.total in {40, 42, 45}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # negative: the same count with a passenger word, or a passenger train's length
        ("ru", "Поезд Слоним — Брест с 40 вагонами и пассажирами ушёл 3 марта."),
        ("ru", "Поезд Слоним — Брест с 15 вагонами ушёл 3 марта."),
    ],
)
def test_a_service_dropped_is_said_in_a_problem(lang: str, text: str) -> None:
    result = read(text, lang=lang, published=date(2023, 3, 5))
    assert result.shipments == [], ends(result)
    assert any("passenger service" in p for p in result.problems), result.problems

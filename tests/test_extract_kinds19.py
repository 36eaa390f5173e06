"""Kinds of session 19 on real reports (issue 13).

K1 A military train told after a passenger-service sentence of the same post is its own
shipment, dated or not, passing a station or ending there ("Пассажирские поезда ходят по
расписанию. Вечером через Оршу прошёл эшелон с 30 платформами с техникой."); another
passenger train told after it stays none.
"""

from __future__ import annotations

import pytest

from railtrack.extract.lexread import LexiconReader
from tests._extract_helpers import ends, read

# -- K1: a military train after a passenger service ---------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "via"),
    [
        ("Пассажирские поезда ходят по расписанию. Вечером через Оршу прошёл эшелон с "
         "30 платформами с техникой.", "ru", "Оршу"),
        ("Пасажирські поїзди курсують за розкладом. Увечері через Оршу пройшов ешелон з "
         "30 платформами з технікою.", "uk", "Оршу"),
        ("Пасажырскія цягнікі ходзяць па раскладзе. Увечары праз Оршу прайшоў эшалон з "
         "30 платформамі з тэхнікай.", "be", "Оршу"),
        ("Pociągi pasażerskie kursują zgodnie z rozkładem. Wieczorem przez Orszę przejechał "
         "eszelon z 30 platformami ze sprzętem wojskowym.", "pl", "Orszę"),
        ("Passenger trains run on schedule. In the evening a train with 30 flatcars of "
         "military equipment passed through Orsha.", "en", "Orsha"),
    ],
)  # fmt: skip
def test_a_military_train_after_a_passenger_service_is_kept(text: str, lang: str, via: str) -> None:
    result = read(text, lang=lang)
    assert len(result.shipments) == 1
    shipment = result.shipments[0]
    assert [v.text for v in shipment.via] == [via]
    assert shipment.cars.flat == 30


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Пассажирские поезда ходят по расписанию. Вечером через Оршу прошёл ещё один "
         "пассажирский поезд.", "ru"),
        ("Пасажирські поїзди курсують за розкладом. Увечері через Оршу пройшов ще один "
         "пасажирський поїзд.", "uk"),
        ("Пасажырскія цягнікі ходзяць па раскладзе. Увечары праз Оршу прайшоў яшчэ адзін "
         "пасажырскі цягнік.", "be"),
        ("Pociągi pasażerskie kursują zgodnie z rozkładem. Wieczorem przez Orszę przejechał "
         "kolejny pociąg pasażerski.", "pl"),
        ("Passenger trains run on schedule. In the evening another passenger train passed "
         "through Orsha.", "en"),
    ],
)  # fmt: skip
def test_a_passenger_train_after_a_passenger_service_is_none(text: str, lang: str) -> None:
    assert read(text, lang=lang).shipments == []


# -- K2: leaving elsewhere after arriving ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "arrived", "left"),
    [
        ("Утром 5 марта эшелон прибыл в Оршу. Тем же вечером эшелон покинул Смоленск.",
         "ru", "Оршу", "Смоленск"),
        ("Утром 5 марта ешелон прибув до Орші. Того ж вечора ешелон залишив Смоленськ.",
         "uk", "Орші", "Смоленськ"),
        ("Раніцай 5 сакавіка эшалон прыбыў у Оршу. Тым жа вечарам эшалон пакінуў Смаленск.",
         "be", "Оршу", "Смаленск"),
        ("Rano 5 marca eszelon przyjechał do Orszy. Tego samego wieczoru eszelon opuścił "
         "Smoleńsk.", "pl", "Orszy", "Smoleńsk"),
        ("On the morning of March 5 a train arrived in Orsha. That same evening a train "
         "left Smolensk.", "en", "Orsha", "Smolensk"),
    ],
)  # fmt: skip
def test_leaving_elsewhere_after_arriving_is_another_train(
    text: str, lang: str, arrived: str, left: str
) -> None:
    assert ends(read(text, lang=lang)) == [(None, arrived), (left, None)]


@pytest.mark.parametrize(
    ("text", "lang", "origin", "destination"),
    [
        ("Утром 5 марта эшелон прибыл в Оршу. Тем же вечером эшелон покинул Оршу.",
         "ru", None, "Оршу"),
        ("Вечером 5 марта эшелон прибыл в Оршу. Эшелон покинул Смоленск 4 марта.",
         "ru", "Смоленск", "Оршу"),
        ("Увечері 5 березня ешелон прибув до Орші. Ешелон залишив Смоленськ 4 березня.",
         "uk", "Смоленськ", "Орші"),
        ("Увечары 5 сакавіка эшалон прыбыў у Оршу. Эшалон пакінуў Смаленск 4 сакавіка.",
         "be", "Смаленск", "Оршу"),
        ("Wieczorem 5 marca eszelon przyjechał do Orszy. Eszelon opuścił Smoleńsk 4 marca.",
         "pl", "Smoleńsk", "Orszy"),
        ("On the evening of March 5 a train arrived in Orsha. The train had left Smolensk "
         "on March 4.", "en", "Smolensk", "Orsha"),
    ],
)  # fmt: skip
def test_a_start_told_after_the_end_stays_one_train(
    text: str, lang: str, origin: str | None, destination: str
) -> None:
    assert ends(read(text, lang=lang)) == [(origin, destination)]


# -- K3: a lorry driver at a rail company's terminal -------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Czekałem na kontener w terminalu PKP Cargo Małaszewicze od wczoraj - opisuje "
         "kierowca.", "pl"),
        ("Я ждал контейнер в терминале в Бресте со вчерашнего дня, рассказывает водитель.",
         "ru"),
        ("Я чекав на контейнер у терміналі в Бресті з учорашнього дня, розповідає водій.",
         "uk"),
        ("Я чакаў кантэйнер у тэрмінале ў Брэсце з учорашняга дня, расказвае вадзіцель.",
         "be"),
    ],
)  # fmt: skip
def test_a_drivers_wait_at_a_terminal_is_road_only(text: str, lang: str) -> None:
    assert LexiconReader(lang).tells_of_road_only(text)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Czekałem w terminalu PKP Cargo, aż pociąg z 30 platformami odjedzie - opisuje "
         "kierowca.", "pl"),
        ("Я ждал в терминале, пока уйдёт эшелон из 30 платформ, рассказывает водитель.",
         "ru"),
        ("Я чекав у терміналі, поки піде ешелон із 30 платформ, розповідає водій.", "uk"),
        ("Я чакаў у тэрмінале, пакуль пойдзе эшалон з 30 платформаў, расказвае вадзіцель.",
         "be"),
    ],
)  # fmt: skip
def test_a_train_beside_a_driver_keeps_the_railway(text: str, lang: str) -> None:
    assert not LexiconReader(lang).tells_of_road_only(text)

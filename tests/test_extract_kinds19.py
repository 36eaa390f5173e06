"""Kinds of session 19 on real reports (issue 13).

K1 A military train told after a passenger-service sentence of the same post is its own
shipment, dated or not, passing a station or ending there ("Пассажирские поезда ходят по
расписанию. Вечером через Оршу прошёл эшелон с 30 платформами с техникой."); another
passenger train told after it stays none.
"""

from __future__ import annotations

import pytest

from tests._extract_helpers import read

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

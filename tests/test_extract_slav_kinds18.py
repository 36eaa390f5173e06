"""Failure kinds found on unseen Polish and Belarusian reports (issue 13, session 18).

The real reports that showed them are in ``tests/data/extraction_real/`` (r1045-r1054);
the inputs here are short ones written for the test, in other words and languages.

1. A derailment or a collision told by a verb ("18 wagonów wypadło z torów", "pociąg
   zderzył się z ciężarówką", "ciężarówka wjechała pod jadący pociąg", "поезд
   столкнулся с грузовиком", "потяг зіткнувся", "цягнік сутыкнуўся") is an accident,
   never a shipment, although it names a train, its cars, a place and a day (r1048).
   The lexicons knew the nouns ("zderzenie", "столкновение", "зіткнення",
   "сутыкненне") and "wykoleił", not these verbs.
"""

from __future__ import annotations

from datetime import date

import pytest
from _extract_helpers import read

from railtrack.extract.lexread import LexiconReader

PUB = date(2025, 9, 27)

ACCIDENTS = [
    ("pl", "Lokomotywa i 18 wagonów wypadło z torów koło stacji Rudnia w piątek."),
    ("pl", "W piątek pod Orszą pociąg towarowy z 40 wagonami zderzył się z ciężarówką."),
    ("pl", "O 7:26 ciężarówka wjechała pod jadący pociąg z 30 wagonami koło Smoleńska."),
    ("pl", "Wczoraj skład z 25 cysternami wypadł z torów pod Homlem."),
    ("ru", "В пятницу грузовой поезд из 40 вагонов столкнулся с грузовиком у станции Рудня."),
    ("ru", "Вчера фура врезалась в состав из 30 цистерн у станции Орша."),
    ("uk", "У п'ятницю вантажний потяг із 40 вагонів зіткнувся з вантажівкою біля станції Рудня."),
    ("uk", "Учора фура врізалася в состав із 30 цистерн біля станції Орша."),
    ("be", "У пятніцу грузавы цягнік з 40 вагонаў сутыкнуўся з грузавіком каля станцыі Рудня."),
    ("be", "Учора цягнік з 30 цыстэрнаў сутыкнуўся з лакаматывам каля станцыі Орша."),
]


@pytest.mark.parametrize(("lang", "text"), ACCIDENTS)
def test_a_derailment_or_collision_verb_is_an_incident(lang: str, text: str) -> None:
    assert LexiconReader(lang).is_incident(text)


@pytest.mark.parametrize(("lang", "text"), ACCIDENTS)
def test_a_derailment_or_collision_verb_gives_no_shipment(lang: str, text: str) -> None:
    assert read(text, PUB, lang=lang).shipments == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("pl", "W piątek pociąg z 40 wagonami wyjechał ze stacji Rudnia do Smoleńska."),
        ("pl", "Eszelon wjechał na stację Orsza w piątek."),
        ("ru", "В пятницу поезд из 40 вагонов отправился со станции Рудня в Смоленск."),
        ("uk", "У п'ятницю ешелон із 40 вагонів вирушив зі станції Рудня до Смоленська."),
        ("be", "У пятніцу эшалон з 40 вагонаў адправіўся са станцыі Рудня ў Смаленск."),
    ],
)
def test_a_train_on_its_way_is_no_incident_and_is_read(lang: str, text: str) -> None:
    assert not LexiconReader(lang).is_incident(text)
    assert len(read(text, PUB, lang=lang).shipments) == 1

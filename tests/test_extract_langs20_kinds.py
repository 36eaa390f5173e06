"""Kinds found on real reports r1064-r1074 (issue 13, session 20), in all five languages.

1. A leg on told as what the train did after reaching a place ("arrived at Slonim
   station before proceeding to Valuyki", "прежде чем отправиться в Валуйки", "po czym
   pojechał do Wałujek"): the later place is the end, the one reached a place passed
   (the lexicons' ``final_stop``).
2. An evacuation word beside a vehicle noun ("armored repairs and evacuation machines",
   "эвакуационными тягачами", "wozami ewakuacyjnymi") names recovery equipment the
   train carries, not people evacuated: the train is a shipment (``service_vehicles``);
   an evacuation train is still none.
"""

from __future__ import annotations

import pytest

from railtrack.extract import extract_shipments


def _trains(text: str, lang: str) -> list[dict]:
    result = extract_shipments(text, published="2023-03-10", lang=lang, network=False)
    return result.to_dict()["shipments"]


def _place(shipment: dict, key: str) -> str | None:
    place = shipment.get(key)
    return None if place is None else place["text"]


ONWARD_AFTER_REACHING = [
    (
        "en",
        "On 8 March a train of 40 cars arrived at Slonim station before proceeding to Valuyki.",
        "Slonim",
        "Valuyki",
    ),
    (
        "en",
        "A train with 30 tanks will arrive in the Slonim railway station"
        " before continuing to Valuyki.",
        "Slonim",
        "Valuyki",
    ),
    (
        "ru",
        "8 марта эшелон из 40 вагонов прибыл на станцию Слоним, прежде чем отправиться в Валуйки.",
        "Слоним",
        "Валуйки",
    ),
    (
        "ru",
        "8 марта эшелон из 40 вагонов прибыл в Слоним, перед тем как проследовать в Валуйки.",
        "Слоним",
        "Валуйки",
    ),
    (
        "uk",
        "8 березня ешелон із 40 вагонів прибув на станцію Слонім, перш ніж вирушити до Валуйок.",
        "Слонім",
        "Валуйок",
    ),
    (
        "be",
        "8 сакавіка эшалон з 40 вагонаў прыбыў на станцыю Слонім, перш чым адправіцца ў Валуйкі.",
        "Слонім",
        "Валуйкі",
    ),
    (
        "pl",
        "8 marca eszelon z 40 wagonami dotarł na stację Słonim, po czym pojechał do Wałujek.",
        "Słonim",
        "Wałujek",
    ),
    (
        "pl",
        "8 marca eszelon z 40 wagonami dotarł na stację Słonim, zanim ruszył do Wałujek.",
        "Słonim",
        "Wałujek",
    ),
]


@pytest.mark.parametrize(("lang", "text", "passed", "end"), ONWARD_AFTER_REACHING)
def test_a_leg_on_after_reaching_a_place_ends_the_route(
    lang: str, text: str, passed: str, end: str
) -> None:
    (train,) = _trains(text, lang)
    assert _place(train, "destination") == end
    assert [p["text"] for p in train["via"]] == [passed]


# negatives: "before" with a day, and a place reached with no leg on, keep the place reached
REACHED_ONLY = [
    ("en", "On 8 March a train of 40 cars arrived at Slonim station before dawn.", "Slonim"),
    (
        "ru",
        "8 марта эшелон из 40 вагонов прибыл на станцию Слоним, прежде чем начать разгрузку.",
        "Слоним",
    ),
    (
        "uk",
        "8 березня ешелон із 40 вагонів прибув на станцію Слонім, перш ніж почалося розвантаження.",
        "Слонім",
    ),
    (
        "be",
        "8 сакавіка эшалон з 40 вагонаў прыбыў на станцыю Слонім, перш чым пачалася разгрузка.",
        "Слонім",
    ),
    (
        "pl",
        "8 marca eszelon z 40 wagonami dotarł na stację Słonim, zanim rozpoczęto rozładunek.",
        "Słonim",
    ),
]


@pytest.mark.parametrize(("lang", "text", "end"), REACHED_ONLY)
def test_a_place_reached_with_no_leg_on_stays_the_end(lang: str, text: str, end: str) -> None:
    (train,) = _trains(text, lang)
    assert _place(train, "destination") == end
    assert train["via"] == []


RECOVERY_VEHICLES = [
    (
        "en",
        "On 8 March a train with tanks and armoured recovery and evacuation vehicles"
        " arrived at Slonim.",
        "Slonim",
    ),
    (
        "en",
        "On 8 March a train with six tanks and six armored repairs and evacuation machines"
        " arrived at Slonim.",
        "Slonim",
    ),
    (
        "ru",
        "8 марта эшелон с танками и эвакуационными тягачами прибыл на станцию Слоним.",
        "Слоним",
    ),
    (
        "uk",
        "8 березня ешелон із танками та евакуаційними тягачами прибув на станцію Слонім.",
        "Слонім",
    ),
    (
        "be",
        "8 сакавіка эшалон з танкамі і эвакуацыйнымі цягачамі прыбыў на станцыю Слонім.",
        "Слонім",
    ),
    (
        "pl",
        "8 marca eszelon z czołgami i wozami ewakuacyjnymi przyjechał na stację Słonim.",
        "Słonim",
    ),
    (
        "pl",
        "8 marca eszelon z czołgami i pojazdami ewakuacji technicznej przyjechał na stację Słonim.",
        "Słonim",
    ),
]


@pytest.mark.parametrize(("lang", "text", "end"), RECOVERY_VEHICLES)
def test_recovery_vehicles_on_a_train_are_a_load_not_an_evacuation(
    lang: str, text: str, end: str
) -> None:
    (train,) = _trains(text, lang)
    assert _place(train, "destination") == end


EVACUATION_TRAINS = [
    ("en", "On 8 March an evacuation train arrived at Slonim."),
    ("en", "On 8 March a train carrying evacuated residents arrived at Slonim."),
    ("ru", "8 марта эвакуационный поезд прибыл на станцию Слоним."),
    ("uk", "8 березня евакуаційний поїзд прибув на станцію Слонім."),
    ("be", "8 сакавіка эвакуацыйны цягнік прыбыў на станцыю Слонім."),
    ("pl", "8 marca pociąg ewakuacyjny przyjechał na stację Słonim."),
    # the train driver's word is no vehicle (review20 #4)
    (
        "uk",
        "Машиніст евакуаційного поїзда з Покровська до Львова розповів, що состав з 10 вагонів"
        " прибув до Львова.",
    ),
    (
        "pl",
        "Maszynista pociągu ewakuacyjnego z Pokrowska do Lwowa powiedział, że skład z 10 wagonów"
        " dotarł do Lwowa.",
    ),
    (
        "be",
        "Машыніст эвакуацыйнага цягніка з Пакроўска ў Львоў расказаў, што састаў з 10 вагонаў"
        " прыбыў у Львоў.",
    ),
    (
        "ru",
        "Машинист эвакуационного поезда из Покровска во Львов рассказал, что состав из 10"
        " вагонов прибыл во Львов.",
    ),
]


@pytest.mark.parametrize(("lang", "text"), EVACUATION_TRAINS)
def test_an_evacuation_train_is_still_no_shipment(lang: str, text: str) -> None:
    assert _trains(text, lang) == []

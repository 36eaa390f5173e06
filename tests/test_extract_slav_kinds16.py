"""Failure kinds of Russian, Ukrainian and Belarusian reading found in session 16 (issue 13).

Each kind is tested with forms not seen in the reports that showed it, in every
language it concerns:

- a schedule phrase beside a past verb of motion ("точно по графику прибыл") tells how
  the trip went: the claim is not ``planned``; beside a future verb it stays a plan;
- a social network or messenger named as where a report was posted ("в Facebook",
  "у Фейсбуці", "у Фэйсбуку", "na Twitterze") is no place;
- a port named by its town's adjective ("Маріупольського порту", "Клайпедскага
  порта") is one place, noun included, not the bare adjective.
"""

from __future__ import annotations

from datetime import date

import pytest

from railtrack.extract import extract_shipments

PUBLISHED = date(2024, 3, 6)


def _shipments(text: str) -> list[dict]:
    return list(extract_shipments(text, published=PUBLISHED).to_dict()["shipments"])


def _place_texts(shipment: dict) -> list[str]:
    ends = [shipment.get(role) for role in ("origin", "destination")]
    return [p["text"] for p in [*ends, *(shipment.get("via") or [])] if p]


# -- a schedule kept is no plan --------------------------------------------------------

KEPT_SCHEDULE = [
    ("ru", "Вчера строго по графику эшелон отправился из Орши в Брест."),
    ("ru", "Контейнерный поезд прибыл в Брест 4 марта точно по графику."),
    ("uk", "Учора ешелон вирушив з Ковеля до Луцька згідно з графіком."),
    ("uk", "Контейнерний поїзд прибув до Львова 4 березня за графіком."),
    ("be", "Учора эшалон адправіўся з Оршы ў Брэст па графіку."),
]

PLANNED_SCHEDULE = [
    ("ru", "Эшелон отправится из Орши в Брест 8 марта по графику."),
    ("uk", "Ешелон вирушить з Ковеля до Луцька 8 березня за графіком."),
    ("be", "Эшалон адправіцца з Оршы ў Брэст 8 сакавіка па графіку."),
]


@pytest.mark.parametrize(("lang", "text"), KEPT_SCHEDULE)
def test_a_schedule_kept_by_a_past_trip_is_no_plan(lang: str, text: str) -> None:
    shipments = _shipments(text)
    assert len(shipments) == 1, lang
    assert shipments[0]["claim"] == "sighted"


@pytest.mark.parametrize(("lang", "text"), PLANNED_SCHEDULE)
def test_a_schedule_of_a_trip_ahead_stays_a_plan(lang: str, text: str) -> None:
    shipments = _shipments(text)
    assert len(shipments) == 1, lang
    assert shipments[0]["claim"] == "planned"


# -- where a report was posted is no place ----------------------------------------------

POSTED_ON = [
    ("ru", "Эшелон с техникой прибыл 5 марта, сообщило сообщество в Инстаграме.", "Инстаграм"),
    ("ru", "Вчера эшелон отправился, рассказали железнодорожники в Твиттере.", "Твиттер"),
    ("uk", "Ешелон з технікою прибув 5 березня, повідомила спільнота у Фейсбуці.", "Фейсбуц"),
    ("uk", "Учора ешелон вирушив, розповіли залізничники у Твіттері.", "Твіттер"),
    ("be", "Эшалон з тэхнікай прыбыў 5 сакавіка, паведаміла супольнасць у Фэйсбуку.", "Фэйсбук"),
    ("pl", "Eszelon przyjechał 5 marca, poinformowała grupa na Twitterze.", "Twitter"),
]


@pytest.mark.parametrize(("lang", "text", "platform"), POSTED_ON)
def test_a_social_network_is_no_place(lang: str, text: str, platform: str) -> None:
    places = [t for s in _shipments(text) for t in _place_texts(s)]
    assert not any(platform.lower() in t.lower() for t in places), (lang, places)


# -- a port named by its town's adjective -----------------------------------------------

PORT_ORIGINS = [
    ("ru", "Состав отправился из Туапсинского порта в Москву 5 марта.", "Туапсинского порта"),
    ("uk", "Потяг вирушив з Ізмаїльського порту до Києва 5 березня.", "Ізмаїльського порту"),
    ("be", "Цягнік адправіўся з Клайпедскага порта ў Мінск 5 сакавіка.", "Клайпедскага порта"),
]


@pytest.mark.parametrize(("lang", "text", "origin"), PORT_ORIGINS)
def test_a_port_named_by_its_adjective_is_one_place(lang: str, text: str, origin: str) -> None:
    shipments = _shipments(text)
    assert len(shipments) == 1, lang
    assert shipments[0]["origin"]["text"] == origin


def test_a_town_before_its_station_keeps_its_name() -> None:
    # a noun (not an adjective) before a word of the railway is left as it was
    shipments = _shipments("Эшелон отправился из Орши в Брест 5 марта.")
    assert [s["origin"]["text"] for s in shipments] == ["Орши"]


# -- a train noun that names people -----------------------------------------------------

PERSONNEL_ONLY = [
    ("ru", "У Рославля замечена колонна: 8 грузовиков и 3 автобуса с личным составом."),
    ("uk", "Біля Гомеля рухалася колона: 12 вантажівок і 4 автобуси з особовим составом."),
    ("be", "Калона з 10 машын з асабовым саставам рухалася ў бок Гомеля."),
]

TRAIN_WITH_PERSONNEL = [
    ("ru", "Эшелон с личным составом прибыл в Брест 5 марта.", "Брест"),
    ("ru", "Спецпоезд с командным составом отправился из Орши 5 марта.", "Орши"),
    ("uk", "Спецпоїзд з технікою прибув до Ковеля 5 березня.", "Ковеля"),
]


@pytest.mark.parametrize(("lang", "text"), PERSONNEL_ONLY)
def test_personnel_is_no_train(lang: str, text: str) -> None:
    assert _shipments(text) == [], lang


@pytest.mark.parametrize(("lang", "text", "place"), TRAIN_WITH_PERSONNEL)
def test_a_train_carrying_personnel_is_read(lang: str, text: str, place: str) -> None:
    shipments = _shipments(text)
    assert len(shipments) == 1, lang
    assert place in _place_texts(shipments[0])


# -- a museum train named as a compound ("эшелон-музей") --------------------------------
# (a guard: "спецпоезд" is a train noun since session 16; the museum train it names
# again must still give no shipment)

MUSEUM_COMPOUNDS = [
    (
        "ru",
        "От Москвы до Хабаровска за 40 дней пройдет эшелон-музей. "
        "Спецпоезд Минобороны во вторник, 11 мая, сделал остановку в Самаре.",
    ),
    (
        "uk",
        "Від Києва до Ужгорода за тиждень проїде ешелон-музей. "
        "Спецпотяг у вівторок, 11 травня, зупинився у Львові.",
    ),
]


@pytest.mark.parametrize(("lang", "text"), MUSEUM_COMPOUNDS)
def test_a_museum_echelon_is_no_shipment(lang: str, text: str) -> None:
    assert _shipments(text) == [], lang

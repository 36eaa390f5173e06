"""Failure kinds found on new real Polish reports (issue 13, session 8).

The reports r551-r571 of ``tests/data/extraction_real`` were labelled and scored
before any rule was changed for them (Polish F1 0.362, precision 0.297: most facts
read were false). Each kind their false facts showed gets a test here, with short
inputs written for the test (not copied from a report), in every language the kind
concerns.
"""

from datetime import date

import pytest

from railtrack.extract import extract_shipments
from railtrack.extract.lexread import LexiconReader

PUB = date(2024, 3, 12)


def read(text: str, lang: str) -> dict:
    return extract_shipments(text, published=PUB, network=False, lang=lang).to_dict()


def days(text: str, lang: str) -> list[str]:
    return [d.text for d in LexiconReader(lang).find_dates(text)]


# -- a clock time written day.month-like is no date ("o godzinie 15.12") ---------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Pociąg wyjechał z Kowla o godzinie 15.12 do Chełma.", "pl"),
        ("Pociąg wyjechał z Kowla o godz. 15.12 do Chełma.", "pl"),
        ("Поезд отправился из Ковеля в 05.05 на Холм.", "ru"),
        ("Потяг вирушив з Ковеля о 15.12 до Холма.", "uk"),
        ("Цягнік адправіўся з Ковеля ў 05.05 на Хэлм.", "be"),
    ],
)
def test_a_clock_time_is_no_date(text: str, lang: str) -> None:
    assert days(text, lang) == []


@pytest.mark.parametrize(
    ("text", "lang", "written"),
    [
        ("Pociąg wyjechał z Kowla 15.12.2022 do Chełma.", "pl", "15.12.2022"),
        ("Pociąg wyjechał z Kowla w dniu 15.12 do Chełma.", "pl", "15.12"),
        ("Поезд отправился из Ковеля 05.05 на Холм.", "ru", "05.05"),
    ],
)
def test_a_numeric_date_stays_a_date(text: str, lang: str, written: str) -> None:
    assert days(text, lang) == [written]


# -- a scheduled railcar (railbus) service is no shipment -------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Z Kowla wyjechał pierwszy rejsowy pociąg do Chełma 12 czerwca.", "pl"),
        ("Szynobus z Kowla przyjechał do Chełma 12 czerwca, bilet kosztuje 200 UAH.", "pl"),
        ("Рельсобус из Ковеля прибыл в Холм 12 июня.", "ru"),
        ("Дизель-поїзд з Ковеля прибув до Холма 12 червня.", "uk"),
        ("Рэйкавы аўтобус з Ковеля прыбыў у Хэлм 12 чэрвеня.", "be"),
    ],
)
def test_a_railbus_service_is_no_shipment(text: str, lang: str) -> None:
    assert read(text, lang)["shipments"] == []


# -- "transport" by another mode (Polish names a ship's load so) is no train -----------


def test_sea_transports_are_no_trains() -> None:
    got = read("Zorganizowano 3 transporty morskie do portu w Antwerpii.", "pl")
    assert got["shipments"] == []
    assert got["groups"] == []


def test_a_rail_transport_beside_a_sea_one_is_still_read() -> None:
    text = "Transport kolejowy dotarł 29 maja do Żagania, a 3 transporty morskie do Antwerpii."
    (train,) = read(text, "pl")["shipments"]
    assert train["destination"]["text"] == "Żagania"


def test_means_of_transport_is_no_train() -> None:
    text = "Przemieszczenie odbywa się z użyciem środków transportu ze Stanów Zjednoczonych."
    assert LexiconReader("pl").without_other_modes(text).count("transportu") == 0


# -- an estimated count of trains with no verb of movement is a total, no group --------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("W celu przerzutu zorganizowano blisko 30 transportów kolejowych.", "pl"),
        ("Всего для учений было организовано около 30 эшелонов.", "ru"),
        ("Усього для навчань організували близько 30 ешелонів.", "uk"),
        ("Усяго для вучэнняў арганізавалі каля 30 эшалонаў.", "be"),
    ],
)
def test_an_estimated_count_with_no_movement_is_no_group(text: str, lang: str) -> None:
    assert LexiconReader(lang).group_announcement(text) is None


@pytest.mark.parametrize(
    ("text", "lang", "n"),
    [
        ("Kolejarze odnotowali co najmniej pięć takich transportów.", "pl", 5),
        ("Około 30 eszelonów przybyło na Białoruś.", "pl", 30),
        ("Около 30 эшелонов прибыло в Беларусь.", "ru", 30),
    ],
)
def test_a_bound_or_a_moving_estimate_is_still_a_group(text: str, lang: str, n: int) -> None:
    found = LexiconReader(lang).group_announcement(text)
    assert found is not None
    assert found.n_trains == n


# -- "z"/"с" with a place kind in the instrumental is "with", never an origin -----------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Połączenie z portem w Rotterdamie. Pociąg wyjechał z Karsznic 15 maja.", "pl"),
        ("Маршрут связан со станцией Брест. Поезд отправился из Орши 15 мая.", "ru"),
        ("Маршрут пов'язаний зі станцією Брест. Потяг вирушив з Орші 15 травня.", "uk"),
    ],
)
def test_with_a_place_is_no_origin(text: str, lang: str) -> None:
    origins = [s["origin"]["text"] for s in read(text, lang)["shipments"] if s["origin"]]
    assert origins
    assert all(o not in ("Rotterdamie", "Брест") for o in origins)


# -- a trade union is no place ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "union"),
    [
        ("Powiedział Leszek Miętek ze Związku Zawodowego Maszynistów.", "pl", "Związku"),
        ("Сказал Иван Петров из Профсоюза машинистов.", "ru", "Профсоюза"),
        ("Сказав Іван Петренко з Профспілки машиністів.", "uk", "Профспілки"),
        ("Сказаў Іван Пятровіч з Прафсаюза машыністаў.", "be", "Прафсаюза"),
    ],
)
def test_a_trade_union_is_no_place(text: str, lang: str, union: str) -> None:
    found = [p.text for p in LexiconReader(lang).find_places(text)]
    assert not any(union in t for t in found)


# -- a form both singular and plural ("dostawy") names deliveries in general -----------


def test_deliveries_in_general_are_no_train() -> None:
    text = "Dostawy węgla z Rostocku do Elektrowni Opole są już realizowane przez Niemcy."
    assert read(text, "pl")["shipments"] == []


def test_one_delivery_is_still_a_train() -> None:
    (train,) = read("Druga dostawa dotarła do Kołobrzegu 13 kwietnia.", "pl")["shipments"]
    assert train["destination"]["text"] == "Kołobrzegu"


# -- places of a movement named by a verbal noun are not the train's --------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Eszelon z czołgami przybył do Homla 5 marca. "
            "Przemieszczenie ze Smoleńska odbywa się różnymi drogami.",
            "pl",
        ),
        (
            "Эшелон с танками прибыл в Гомель 5 марта. "
            "Перемещение из Смоленска проходит разными путями.",
            "ru",
        ),
        (
            "Ешелон з танками прибув до Гомеля 5 березня. "
            "Переміщення зі Смоленська триває різними шляхами.",
            "uk",
        ),
        (
            "Эшалон з танкамі прыбыў у Гомель 5 сакавіка. "
            "Перамяшчэнне са Смаленска адбываецца рознымі шляхамі.",
            "be",
        ),
    ],
)
def test_a_verbal_noun_movement_lends_no_origin(text: str, lang: str) -> None:
    (train,) = read(text, lang)["shipments"]
    assert train["origin"] is None
    assert train["destination"] is not None


# -- "the same day" is the day of the date told last -----------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Eszelon z czołgami przybył 5 marca na stację Połonka. "
            "Tego samego dnia eszelon wyjechał do Homla.",
            "pl",
        ),
        (
            "Эшелон с танками прибыл 5 марта на станцию Полонка. "
            "В тот же день эшелон отправился в Гомель.",
            "ru",
        ),
        (
            "Ешелон з танками прибув 5 березня на станцію Полонка. "
            "Того ж дня ешелон відправився до Гомеля.",
            "uk",
        ),
        (
            "Эшалон з танкамі прыбыў 5 сакавіка на станцыю Палонка. "
            "Таго ж дня эшалон адправіўся ў Гомель.",
            "be",
        ),
    ],
)
def test_the_same_day_is_the_day_told_last(text: str, lang: str) -> None:
    trains = read(text, lang)["shipments"]
    departures = [s["departure"]["earliest"] for s in trains if s["departure"]]
    assert departures == ["2024-03-05"]


def test_the_same_day_with_no_day_told_is_no_date() -> None:
    got = read("Того ж дня ешелон відправився з Орші до Гомеля.", "uk")["shipments"]
    assert [s["departure"] for s in got] == [None]


# -- "відбувається" (takes place) is no "відбув" (departed) ----------------------------


def test_takes_place_is_no_departure() -> None:
    cues = LexiconReader("uk").verb_cues("Розвантаження відбувається на станції Гомель.")
    assert all(c.role != "departure" for c in cues)
    (cue,) = LexiconReader("uk").verb_cues("Ешелон відбув з Орші.")
    assert cue.role == "departure"

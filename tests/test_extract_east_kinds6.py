"""Failure kinds of the sixth session on ru/uk/be text: vetoes scoped to their train.

A cue word of no shipment (a museum or excursion train, a passenger service on its
timetable, trains heard and not seen) once threw away every train of a report that
had it anywhere; it now vetoes the train its sentence tells of (and what the report
goes on to say of that train), and a separate dated, routed military shipment in the
same report is kept. Inputs are short texts written for the test, in each language.
"""

from datetime import date

import pytest

from railtrack.extract import extract_shipments

PUB = date(2023, 5, 12)


def read(text: str, lang: str | None = None) -> dict:
    return extract_shipments(text, published=PUB, network=False, lang=lang).to_dict()


def only(text: str, lang: str) -> dict:
    shipments = read(text, lang)["shipments"]
    assert len(shipments) == 1, shipments
    return shipments[0]


# -- a museum train and a real echelon in one report: the echelon is kept ---------------


@pytest.mark.parametrize(
    ("text", "lang", "destination"),
    [
        (
            "На станцию Волгоград-1 прибыл ретропоезд «Эшелон Победы». 7 мая на станцию "
            "Барановичи из Смоленска прибыл воинский эшелон из 40 платформ с техникой.",
            "ru",
            "Барановичи",
        ),
        (
            "До Києва прибув виставковий поїзд з танками на платформах. 7 травня на станцію "
            "Барановичі зі Смоленська прибув військовий ешелон із 40 платформ з технікою.",
            "uk",
            "Барановичі",
        ),
        (
            "У Гародню прыбыў рэтрацягнік з паравозам. 7 мая на станцыю Баранавічы са "
            "Смаленска прыбыў вайсковы эшалон з 40 платформаў з тэхнікай.",
            "be",
            "Баранавічы",
        ),
    ],
)
def test_a_museum_train_beside_an_echelon_keeps_the_echelon(text, lang, destination):
    shipment = only(text, lang)
    assert shipment["destination"]["text"] == destination
    assert shipment["expected_arrival"]["earliest"] == "2023-05-07"
    assert shipment["cars"]["total"] == 40


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Эшелон с танками Т-34 прибыл на станцию Брест 7 мая из Смоленска. Тем временем "
            "пассажирские поезда Минск — Брест идут с задержкой в 2 часа.",
            "ru",
        ),
        (
            "Ешелон з танками Т-34 прибув на станцію Брест 7 травня зі Смоленська. Тим часом "
            "пасажирські поїзди Мінськ — Брест ідуть із затримкою на 2 години.",
            "uk",
        ),
        (
            "Эшалон з танкамі Т-34 прыбыў на станцыю Брэст 7 мая са Смаленска. Тым часам "
            "пасажырскія цягнікі Мінск — Брэст ідуць з затрымкай на 2 гадзіны.",
            "be",
        ),
    ],
)
def test_a_delayed_passenger_service_leaves_the_echelon_told_before(text, lang):
    shipment = only(text, lang)
    assert shipment["destination"]["text"].startswith("Бр")
    assert shipment["expected_arrival"]["earliest"] == "2023-05-07"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Эшелон с танками прибыл на станцию Брест из Смоленска 7 мая. Ретропоезд "
            "«Эшелон Победы» прибыл на станцию Волгоград-1 9 мая.",
            "ru",
        ),
        (
            "Ешелон з танками прибув на станцію Брест зі Смоленська 7 травня. Ретропоїзд "
            "прибув на станцію Волгоград-1 9 травня.",
            "uk",
        ),
        (
            "Эшалон з танкамі прыбыў на станцыю Брэст са Смаленска 7 мая. Рэтрацягнік "
            "прыбыў на станцыю Гродна 9 мая.",
            "be",
        ),
    ],
)
def test_a_museum_train_after_an_echelon_is_not_that_echelon(text, lang):
    shipment = only(text, lang)
    assert shipment["destination"]["text"].startswith("Бр")
    assert shipment["origin"]["text"][:3] in ("Смо", "Сма")


# -- the museum or passenger train told on is still no shipment ------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "В Волгоград прибыл ретропоезд «Воинский эшелон». Эшелон пришел на вокзал со "
            "станции Максима Горького. 9 мая состав можно будет увидеть на станции Волжский.",
            "ru",
        ),
        (
            "Поезд № 51 Санкт-Петербург — Брест прибудет с задержкой в 2 часа. Поезд "
            "отправился из Петербурга 6 января.",
            "ru",
        ),
        (
            "Поезд отправился из Петербурга в Брест 6 января. Он прибудет на конечную "
            "станцию с задержкой в 2 часа.",
            "ru",
        ),
        (
            "Виставковий поїзд прибув до Києва зі Львова. Потяг вирушить до Одеси 9 травня.",
            "uk",
        ),
        (
            "Спецыяльны цягнік пайшоў з Мінска ў Гродна. Пасажыры запоўнілі вагоны, квіткі "
            "раскупілі.",
            "be",
        ),
    ],
)
def test_what_is_said_next_of_a_train_of_no_shipment_is_no_shipment(text, lang):
    assert read(text, lang)["shipments"] == []


# -- trains heard: the count is a statistic, a train seen apart is kept -----------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Наблюдатели слышали шум поездов у Гуково. 7 мая на станцию Брест из Смоленска "
            "прибыли два эшелона с танками.",
            "ru",
        ),
        (
            "Спостерігачі чули шум потягів біля Гуково. 7 травня на станцію Брест зі "
            "Смоленська прибули два ешелони з танками.",
            "uk",
        ),
        (
            "Назіральнікі чулі шум цягнікоў каля Гукава. 7 мая на станцыю Брэст са "
            "Смаленска прыбылі два эшалоны з танкамі.",
            "be",
        ),
    ],
)
def test_trains_heard_leave_a_group_seen_apart(text, lang):
    result = read(text, lang)
    assert len(result["groups"]) == 1
    assert result["groups"][0]["n_trains"] == 2
    assert len(result["shipments"]) == 2


# -- "перекинула техніку" is a transfer, not a train overturned (uk) --------------------


def test_a_transfer_of_equipment_is_no_accident():
    shipment = only(
        "Білорусь перекинула ешелон з технікою на станцію Гудогай 6 квітня.",
        "uk",
    )
    assert shipment["destination"]["text"] == "Гудогай"


def test_a_train_overturned_is_an_accident():
    text = "Поїзд із 40 вагонів перекинувся біля станції Гудогай 6 квітня."
    assert read(text, "uk")["shipments"] == []

"""Failure kinds of the seventh session on ru/uk/be text (and the same cue in pl/en).

An exhibition, a museum or a display named as a military train's PURPOSE or END
(trophy equipment carried to an exhibition, equipment going back from a display) is a
military rail shipment with ends and dates; only a train that IS the show (a train-
exhibition, a show on wheels, a show carried "with" the train) is none. Inputs are
short texts written for the test, in each language.
"""

from datetime import date

import pytest

from railtrack.extract import extract_shipments
from railtrack.extract.lexread import LexiconReader

PUB = date(2023, 5, 12)


def read(text: str, lang: str | None = None) -> dict:
    return extract_shipments(text, published=PUB, network=False, lang=lang).to_dict()


def only(text: str, lang: str) -> dict:
    shipments = read(text, lang)["shipments"]
    assert len(shipments) == 1, shipments
    return shipments[0]


# -- a show as the purpose or end of a military train: a shipment --------------------------


@pytest.mark.parametrize(
    ("text", "lang", "origin", "destination"),
    [
        (
            "10 мая из Смоленска в Москву на выставку трофейной техники отправлен эшелон "
            "из 20 платформ с танками.",
            "ru",
            "Смоленска",
            "Москву",
        ),
        (
            "10 травня зі Смоленська до Москви на виставку трофейної техніки вирушив ешелон "
            "із 20 платформ з танками.",
            "uk",
            "Смоленська",
            "Москви",
        ),
        (
            "10 мая са Смаленска ў Маскву на выставу трафейнай тэхнікі адправіўся эшалон з 20 "
            "платформаў з танкамі.",
            "be",
            "Смаленска",
            "Маскву",
        ),
        (
            "10 maja ze Smoleńska do Moskwy na ekspozycję zdobycznego sprzętu wyjechał "
            "eszelon z 20 platformami z czołgami.",
            "pl",
            "Smoleńska",
            "Moskwy",
        ),
        (
            "On 10 May a military train of 20 flatcars with captured tanks left Smolensk for "
            "Moscow for an exhibition.",
            "en",
            "Smolensk",
            "Moscow",
        ),
    ],
)
def test_a_train_carrying_equipment_to_an_exhibition_is_a_shipment(text, lang, origin, destination):
    shipment = only(text, lang)
    assert shipment["origin"]["text"] == origin
    assert shipment["destination"]["text"] == destination
    assert shipment["departure"]["earliest"] == "2023-05-10"
    assert shipment["cars"]["total"] == 20


@pytest.mark.parametrize(
    ("text", "lang", "destination"),
    [
        (
            "Эшелон с трофейной техникой для выставки в парке «Патриот» прибыл на станцию "
            "Кубинка 10 мая из Ростова.",
            "ru",
            "Кубинка",
        ),
        (
            "Ешелон з трофейною технікою для виставки прибув на станцію Кубинка 10 травня "
            "з Ростова.",
            "uk",
            "Кубинка",
        ),
        (
            "Эшалон з вайсковай тэхнікай для выставачнай пляцоўкі прыбыў на станцыю "
            "Асіповічы 10 мая з Мінска.",
            "be",
            "Асіповічы",
        ),
        (
            "Eszelon z wojskowym sprzętem dla ekspozycji przyjechał na stację Kubinka "
            "10 maja z Rostowa.",
            "pl",
            "Kubinka",
        ),
    ],
)
def test_a_military_train_for_an_exhibition_keeps_its_arrival(text, lang, destination):
    shipment = only(text, lang)
    assert shipment["destination"]["text"] == destination
    assert shipment["expected_arrival"]["earliest"] == "2023-05-10"


@pytest.mark.parametrize(
    ("text", "lang", "origin"),
    [
        (
            "После выставки эшелон с танками 10 мая вернулся со станции Кубинка в Мулино.",
            "ru",
            "Кубинка",
        ),
        (
            "Після виставки ешелон з танками 10 травня повернувся зі станції Кубинка до Мулино.",
            "uk",
            "Кубинка",
        ),
        (
            "Пасля выставы эшалон з танкамі 10 мая вярнуўся са станцыі Асіповічы ў Барысаў.",
            "be",
            "Асіповічы",
        ),
    ],
)
def test_equipment_going_back_from_a_display_is_a_shipment(text, lang, origin):
    assert only(text, lang)["origin"]["text"] == origin


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Трофейную технику везут в Москву на выставку. 10 мая эшелон из 20 платформ "
            "прибыл на станцию Кубинка из Ростова.",
            "ru",
        ),
        (
            "Трофейну техніку везуть до Москви на виставку. 10 травня ешелон із 20 платформ "
            "прибув на станцію Кубинка з Ростова.",
            "uk",
        ),
        (
            "Трафейную тэхніку вязуць у Маскву на выставу. 10 мая эшалон з 20 платформаў "
            "прыбыў на станцыю Кубінка з Растова.",
            "be",
        ),
    ],
)
def test_a_headline_naming_the_exhibition_does_not_swallow_the_detail(text, lang):
    shipment = only(text, lang)
    assert shipment["expected_arrival"]["earliest"] == "2023-05-10"
    assert shipment["cars"]["total"] == 20


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("10 мая эшелон с выставочной техникой отправился со станции Кубинка в Мулино.", "ru"),
        (
            "10 травня ешелон з виставковою технікою вирушив зі станції Кубинка до Мулино.",
            "uk",
        ),
        (
            "10 мая эшалон з выставачнай тэхнікай адправіўся са станцыі Асіповічы ў Барысаў.",
            "be",
        ),
    ],
)
def test_cargo_named_by_its_show_is_a_shipment(text, lang):
    """ "выставочная техника": the show's adjective on the cargo, not on the train."""
    assert only(text, lang)["departure"]["earliest"] == "2023-05-10"


# -- a train that IS the show: no shipment, whatever it carries ----------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Поезд-выставка с трофейной техникой прибыл на станцию Тюмень 10 мая из Омска.", "ru"),
        ("10 мая на станцию Тюмень из Омска прибыл поезд с выставкой трофейной техники.", "ru"),
        (
            "10 мая на станцию Тюмень из Омска прибыла передвижная выставка трофейной техники "
            "на 10 платформах.",
            "ru",
        ),
        (
            "Поїзд-виставка з трофейною технікою прибув на станцію Тюмень 10 травня з Омська.",
            "uk",
        ),
        (
            "10 травня на станцію Тюмень з Омська прибула пересувна виставка трофейної техніки.",
            "uk",
        ),
        ("Цягнік-выстава з трафейнай тэхнікай прыбыў на станцыю Гродна 10 мая з Мінска.", "be"),
        (
            "10 мая на станцыю Гродна з Мінска прыбыла перасоўная выстава трафейнай тэхнікі.",
            "be",
        ),
        (
            "Pociąg wystawowy ze zdobycznym sprzętem przyjechał na stację Tiumeń 10 maja z Omska.",
            "pl",
        ),
        (
            "10 maja na stację Tiumeń z Omska przyjechała objazdowa ekspozycja zdobycznego "
            "sprzętu.",
            "pl",
        ),
        ("A museum train with tanks arrived at Tyumen station from Omsk on 10 May.", "en"),
    ],
)
def test_a_train_that_is_the_show_is_no_shipment(text, lang):
    assert read(text, lang)["shipments"] == []


@pytest.mark.parametrize(
    ("text", "lang", "purpose"),
    [
        ("Эшелон с техникой отправлен на выставку", "ru", True),
        ("Эшелон с техникой прибыл в выставочном поезде", "ru", False),
        ("Туристы едут на выставку", "ru", False),  # no military word: a show of its own
        ("Ретропоезд «Воинский эшелон» прибыл на выставку", "ru", False),
        ("Ешелон з технікою повернувся з виставки", "uk", True),
        ("Ешелон з виставкою техніки прибув", "uk", False),  # the show carried
        ("Эшалон з тэхнікай адправіўся на выставу", "be", True),
        ("Эшалон з выставай тэхнікі прыбыў", "be", False),
        ("10 мая выставочный поезд с техникой отправился", "ru", False),
    ],
)
def test_show_is_purpose_reads_the_preposition_and_its_case(text, lang, purpose):
    assert LexiconReader(lang).show_is_purpose(text) is purpose


# -- a touring show train shown to spectators: no shipment, though its exhibits are arms ----


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Поезд с трофеями прибудет в Читу 1 апреля. На вокзалах зрителям покажут оружие и "
            "военную технику. Всего в эшелоне 20 вагонов.",
            "ru",
        ),
        (
            "Потяг із трофеями прибуде до Чити 1 квітня. На вокзалах глядачам покажуть зброю "
            "та військову техніку. Усього в ешелоні 20 вагонів.",
            "uk",
        ),
        (
            "Цягнік з трафеямі прыбудзе ў Чыту 1 красавіка. На вакзалах гледачам пакажуць "
            "зброю і вайсковую тэхніку. Усяго ў эшалоне 20 вагонаў.",
            "be",
        ),
    ],
)
def test_a_train_shown_to_spectators_is_no_shipment(text, lang):
    assert read(text, lang)["shipments"] == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Контейнерный поезд из Китая прибыл в Минск 5 марта. Выставочный центр принял "
            "участников форума.",
            "ru",
        ),
        (
            "Кантэйнерны цягнік з Кітая прыбыў у Мінск 5 сакавіка. Выставачны цэнтр прыняў "
            "удзельнікаў форуму.",
            "be",
        ),
    ],
)
def test_a_venue_named_apart_still_leaves_the_train(text, lang):
    """A venue with no train and no place is put off; only a train *shown* is vetoed."""
    assert len(read(text, lang)["shipments"]) == 1


# -- a habit run "by train" with a rate word names no one train ---------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Поездом оккупанты ежедневно возили боеприпасы из Крыма в Мелитополь.", "ru"),
        ("Поїздом окупанти щодня возили боєприпаси з Криму до Мелітополя.", "uk"),
        ("Цягніком акупанты штодня вазілі боепрыпасы з Крыма ў Мелітопаль.", "be"),
    ],
)
def test_a_daily_habit_by_train_is_no_shipment(text, lang):
    assert read(text, lang)["shipments"] == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("10 мая эшелоном из Смоленска в Брест отправили 40 танков.", "ru"),
        ("10 травня ешелоном зі Смоленська до Бреста відправили 40 танків.", "uk"),
    ],
)
def test_one_train_as_the_means_without_a_rate_is_a_shipment(text, lang):
    assert (
        only(text, lang)["departure"]["earliest"] == "2023-05-10"
        or only(text, lang)["expected_arrival"]
    )


# -- "the first train" said again is the one train told: its service veto applies --------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "19 ноября в Херсон прибыл первый поезд из Киева. Билеты на первый поезд купили "
            "200 пассажиров.",
            "ru",
        ),
        (
            "19 листопада до Херсона прибув перший потяг з Києва. Квитки на перший потяг "
            "придбали 200 пасажирів.",
            "uk",
        ),
        (
            "19 лістапада ў Херсон прыбыў першы цягнік з Кіева. Квіткі на першы цягнік набылі "
            "200 пасажыраў.",
            "be",
        ),
    ],
)
def test_the_first_train_told_again_is_the_same_service(text, lang):
    assert read(text, lang)["shipments"] == []


def test_a_second_train_after_the_first_is_still_its_own():
    text = (
        "5 мая на станцию Брест прибыл первый эшелон с танками из Смоленска. 7 мая второй "
        "эшелон с танками прибыл на станцию Барановичи из Смоленска."
    )
    assert len(read(text, "ru")["shipments"]) == 2


# -- a freight train on its schedule is still a shipment (session 6 leftover) -------------


@pytest.mark.parametrize(
    ("text", "lang", "destination"),
    [
        (
            "Контейнерный поезд из Чэнду прибыл на станцию Колядичи 5 мая по расписанию.",
            "ru",
            "Колядичи",
        ),
        (
            "Контейнерний поїзд із Ченду прибув на станцію Коляда 5 травня за розкладом.",
            "uk",
            "Коляда",
        ),
        (
            "Кантэйнерны цягнік з Чэнду прыбыў на станцыю Калядзічы 5 мая па раскладзе.",
            "be",
            "Калядзічы",
        ),
        (
            "Грузовой поезд из 50 вагонов прибыл на станцию Брест 5 мая с задержкой.",
            "ru",
            "Брест",
        ),
    ],
)
def test_a_scheduled_freight_train_is_a_shipment(text, lang, destination):
    shipment = only(text, lang)
    assert shipment["destination"]["text"] == destination
    assert shipment["expected_arrival"]["earliest"] == "2023-05-05"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Пассажирский поезд Минск — Брест прибыл 5 мая по расписанию.", "ru"),
        ("Пасажирський поїзд Мінськ — Брест прибув 5 травня за розкладом.", "uk"),
        ("Пасажырскі цягнік Мінск — Брэст прыбыў 5 мая па раскладзе.", "be"),
    ],
)
def test_a_scheduled_passenger_train_is_still_a_service(text, lang):
    assert read(text, lang)["shipments"] == []


# -- "на территорию ... вокзала города X": the name after stacked place words (session 6) --


@pytest.mark.parametrize(
    ("text", "lang", "destination"),
    [
        (
            "5 мая эшелон с техникой прибыл на территорию железнодорожного вокзала города "
            "Артемовск.",
            "ru",
            "Артемовск",
        ),
        ("5 мая эшелон с техникой прибыл на территорию станции Брест.", "ru", "Брест"),
        (
            "5 травня ешелон з технікою прибув на територію залізничного вокзалу міста Артемівськ.",
            "uk",
            "Артемівськ",
        ),
        (
            "5 мая эшалон з тэхнікай прыбыў на тэрыторыю чыгуначнага вакзала горада Арцёмаўск.",
            "be",
            "Арцёмаўск",
        ),
        ("5 мая эшалон з тэхнікай прыбыў на вакзал горада Брэст.", "be", "Брэст"),
    ],
)
def test_a_station_building_or_area_before_the_town_leaves_the_town(text, lang, destination):
    shipment = only(text, lang)
    assert shipment["destination"]["text"] == destination
    assert shipment["expected_arrival"]["earliest"] == "2023-05-05"


def test_a_country_after_territory_is_still_the_country():
    shipment = only("5 мая эшелон с техникой прибыл на территорию Беларуси из Смоленска.", "ru")
    assert shipment["destination"]["text"] == "Беларуси"


# -- one train told by month in the headline and by day in the detail (session 6) ----------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "В мае в Брест прибыл эшелон с танками из Смоленска. 5 мая эшелон из 40 платформ "
            "прибыл на станцию Брест из Смоленска.",
            "ru",
        ),
        (
            "У травні до Бреста прибув ешелон з танками зі Смоленська. 5 травня ешелон із 40 "
            "платформ прибув на станцію Брест зі Смоленська.",
            "uk",
        ),
        (
            "У траўні ў Брэст прыбыў эшалон з танкамі са Смаленска. 5 мая эшалон з 40 "
            "платформаў прыбыў на станцыю Брэст са Смаленска.",
            "be",
        ),
    ],
)
def test_a_month_then_its_day_is_one_train_dated_by_the_day(text, lang):
    shipment = only(text, lang)
    window = shipment["expected_arrival"]
    assert (window["earliest"], window["latest"]) == ("2023-05-05", "2023-05-05")
    assert shipment["cars"]["total"] == 40

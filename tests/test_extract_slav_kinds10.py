"""Failure kinds found on unseen Russian, Ukrainian and Belarusian reports (issue 13, session 10).

Each kind is tested in every language it concerns, with short inputs written here (forms
the reports did not use among them); the real reports that showed them are in
``tests/data/extraction_real/`` (r750-r762, r770-r780, r790-r792).

1. Road and air: lorries, buses, cars, a convoy or a plane ("дві партії автобусів",
   "самолетом была доставлена партия", "грузавыя аўтамабілі") move nothing by rail: a
   sentence of them with no train or railway car is no shipment, a batch ("партия") of
   road vehicles is no train, and a report with such a word and no word of the railway
   at all gives none, whatever it says was delivered where.
2. Incidents in every form: the short genitive "сошел с рельс", the railway's
   "транспортное событие" / "транспортна подія", and a blast at the line ("вибух",
   "взрыв", "выбух"); after one, a train told "just then" ("саме рухався потяг", "как
   раз проходил состав", "якраз ішоў цягнік") is the train the incident befell.
3. Two places joined by "or" ("с Северного Кавказа или из Краснодарского края", "до
   Мінська або до Гомеля", "у Мінск ці ў Гомель") are alternatives, neither a stated
   end, also when the second has its own preposition.
4. The future of "to come" ("придет", "прийде", "прыйдзе") is an arrival: its date is
   the arrival's, not a departure.
5. A station in brackets right after a country or region end ("в республику Польша
   (станция Гондки, регион города Познань)", r602) is where in it the train goes, not a
   place passed, whether or not the gazetteer knows the station.
"""

from __future__ import annotations

from datetime import date

import pytest
from _extract_helpers import ends, read

from railtrack.extract.lexread import LexiconReader

PUB = date(2024, 5, 14)

# -- 1. road and air: nothing by rail ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Вчера армия пригнала в Мелитополь три партии автобусов — до 30 единиц.", "ru"),
        ("Учора армія пригнала до Токмака дві партії автобусів — до 20 одиниць.", "uk"),
        ("Учора армія прыгнала ў Гомель дзве партыі аўтобусаў.", "be"),
        ("Тогда из Минска самолетом была доставлена партия детского питания.", "ru"),
        ("Тоді з Мінська літаком доставили партію дитячого харчування.", "uk"),
        ("Тады з Мінска самалётам была дастаўлена партыя дзіцячага харчавання.", "be"),
        ("Вантаж розвантажили в Києві: п'ять вантажних автомобілів прибули з Мінська.", "uk"),
    ],
)
def test_road_and_air_move_nothing_by_rail(text: str, lang: str) -> None:
    assert read(text, PUB, lang).shipments == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Сегодня четыре грузовых автомобиля с помощью пересекли границу.\n"
            "В прошлом году Беларусь доставляла помощь в Киев, там ее разгружали на складах "
            "Красного Креста.\n"
            "«В этом году будет три пункта — в Киеве, а потом мы направляемся в Харьков», — "
            "сказал он.",
            "ru",
        ),
        (
            "Сьогодні чотири вантажні автомобілі з допомогою перетнули кордон.\n"
            "Торік Білорусь доставляла допомогу до Києва, там її розвантажували на складах "
            "Червоного Хреста.\n"
            "«Цього року буде три пункти — у Києві, а потім ми прямуємо до Харкова», — сказав він.",
            "uk",
        ),
        (
            "Сёння чатыры грузавыя аўтамабілі з дапамогай перасеклі мяжу.\n"
            "Летась Беларусь дастаўляла дапамогу ў Кіеў, там яе разгружалі на складах "
            "Чырвонага Крыжа.\n"
            "«Сёлета будзе тры пункты — у Кіеве, а потым мы накіроўваемся ў Харкаў», — сказаў ён.",
            "be",
        ),
    ],
)
def test_a_report_of_lorries_gives_no_shipment(text: str, lang: str) -> None:
    assert read(text, PUB, lang).shipments == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Вчера эшелон с грузовыми автомобилями прибыл из Орши в Брест.", "ru"),
        ("Вчора ешелон з вантажними автомобілями прибув з Орші до Бреста.", "uk"),
        ("Учора эшалон з грузавымі аўтамабілямі прыбыў з Оршы ў Брэст.", "be"),
    ],
)
def test_road_vehicles_on_a_train_stay_a_shipment(text: str, lang: str) -> None:
    assert ends(read(text, PUB, lang))[0][0] is not None


@pytest.mark.parametrize(
    ("text", "lang", "road"),
    [
        ("Армия пригнала в Мелитополь две партии автобусов", "ru", True),
        ("Армия пригнала в Мелитополь две партии танков", "ru", False),
        ("Армія пригнала до Мелітополя партію автобусів", "uk", True),
        ("Армія пригнала до Мелітополя партію цистерн", "uk", False),
        ("Армія прыгнала ў Мелітопаль партыю аўтобусаў", "be", True),
    ],
)
def test_a_batch_of_road_vehicles_is_no_train(text: str, lang: str, road: bool) -> None:
    assert LexiconReader(lang).is_road(text) is road


# -- 2. incidents in every form, and the train "just then" ---------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Из-за транспортного события с грузовым поездом поезда будут прибывать в Одессу "
            "с опозданием. Причина в том, что сошла с рельс платформа грузового поезда "
            "со стороны станции Раздельная.",
            "ru",
        ),
        (
            "Через транспортну подію з вантажним потягом поїзди прибуватимуть до Одеси "
            "із запізненням. З колії зійшли два вагони з боку станції Роздільна.",
            "uk",
        ),
        (
            "Праз транспартную падзею з грузавым цягніком цягнікі прыбудуць у Гомель "
            "са спазненнем. З рэек сышлі два вагоны з боку станцыі Жлобін.",
            "be",
        ),
    ],
)
def test_incidents_in_every_form_give_no_shipment(text: str, lang: str) -> None:
    assert read(text, PUB, lang).shipments == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "У Токмаку пролунав вибух на залізниці. "
            "Колія вибрала вдалий момент – по ній якраз рухався потяг із Василівки з вугіллям. "
            "Три вагони лягли на бік.",
            "uk",
        ),
        (
            "В Токмаке прогремел взрыв на железной дороге. "
            "Путь выбрал удачный момент – по нему как раз двигался поезд из Васильевки с углем. "
            "Три вагона легли на бок.",
            "ru",
        ),
        (
            "У Таксме прагрымеў выбух на чыгунцы. "
            "Шлях абраў зручны момант – па ім якраз ішоў цягнік з Васільеўкі з вуглём. "
            "Тры вагоны ляглі на бок.",
            "be",
        ),
    ],
)
def test_the_train_just_then_is_the_incidents(text: str, lang: str) -> None:
    assert read(text, PUB, lang).shipments == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Вчера эшелон с техникой прибыл из Орши в Брест.", "ru"),
        ("Вчора ешелон з технікою прибув з Орші до Бреста.", "uk"),
    ],
)
def test_a_train_with_no_incident_stays(text: str, lang: str) -> None:
    ((origin, destination),) = ends(read(text, PUB, lang))
    assert origin is not None
    assert destination is not None


@pytest.mark.parametrize(
    ("text", "lang", "incident"),
    [
        ("Від вибуху постраждала ділянка залізниці.", "uk", True),
        ("От взрыва пострадал участок железной дороги.", "ru", True),
        ("Ад выбуху пацярпеў участак чыгункі.", "be", True),
        ("Ешелон прибув до Полонки.", "uk", False),
    ],
)
def test_a_blast_is_an_incident(text: str, lang: str, incident: bool) -> None:
    assert LexiconReader(lang).is_incident(text) is incident


# -- 3. alternatives joined by "or" -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Эшелон идет на север, вероятно, с Северного Кавказа или из Ставропольского края.", "ru"),
        ("Эшелон отправился из Орши либо из Витебска.", "ru"),
        ("Ешелон вирушив до Мінська або до Гомеля.", "uk"),
        ("Ешелон їде до Мінська чи до Гомеля.", "uk"),
        ("Эшалон рушыў у Мінск ці ў Гомель.", "be"),
        ("Эшалон рушыў у Мінск альбо ў Гомель.", "be"),
    ],
)
def test_alternatives_are_no_end(text: str, lang: str) -> None:
    assert all(o is None and d is None for o, d in ends(read(text, PUB, lang)))


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        ("Эшелон отправился из Орши в Брест.", "ru", ("Орши", "Брест")),
        ("Ешелон вирушив з Орші до Бреста.", "uk", ("Орші", "Бреста")),
    ],
)
def test_ends_without_or_stay(text: str, lang: str, want: tuple[str, str]) -> None:
    assert ends(read(text, PUB, lang)) == [want]


# -- 4. the future of "to come" is an arrival -----------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Завтра в Благовещенск придет эшелон с гуманитарным грузом.", "ru"),
        ("Завтра до Львова прийде ешелон з гуманітарним вантажем.", "uk"),
        ("Заўтра ў Гомель прыйдзе эшалон з гуманітарным грузам.", "be"),
        ("Завтра в Благовещенск придёт состав с гуманитарным грузом.", "ru"),
    ],
)
def test_coming_tomorrow_is_the_arrival(text: str, lang: str) -> None:
    (shipment,) = read(text, PUB, lang).shipments
    assert shipment.departure is None
    assert shipment.expected_arrival is not None
    assert shipment.expected_arrival.earliest == date(2024, 5, 15)


# -- 5. a station in brackets after a country end is that end ---------------------------


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        (
            "Поезд проследовал из Орши в республику Польша (станция Кутно, регион Лодзи).",
            "ru",
            ("Орши", "Кутно"),
        ),
        ("Потяг проїхав з Орші до Польщі (станція Кутно).", "uk", ("Орші", "Кутно")),
        ("Цягнік прайшоў з Оршы ў Польшчу (станцыя Кутна).", "be", ("Оршы", "Кутна")),
    ],
)
def test_a_bracketed_station_after_a_country_is_the_end(
    text: str, lang: str, want: tuple[str, str]
) -> None:
    assert ends(read(text, PUB, lang)) == [want]


def test_a_region_in_brackets_after_a_station_stays_a_gloss() -> None:
    result = read("Эшелон проследовал из Орши (Витебская область) в Брянск.", PUB, "ru")
    assert ends(result) == [("Орши", "Брянск")]
    assert not result.shipments[0].via

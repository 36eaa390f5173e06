"""Failure kinds found on unseen Ukrainian reports (issue 13, session 12).

Each kind is tested in every language it concerns, with short inputs written here (forms
the reports did not use among them); the real reports that showed them are in
``tests/data/extraction_real/`` (r910-r929) and the trial's finding T9.

1. A relay quotes the channel's post in its language and credits it in the relay's
   ('"12 марта ... прибыл эшелон из 31 платформы", — йдеться в повідомленні
   «Білоруського Гаюну».'): the quoted passage holds the facts and is read in its own
   language, also when a headline with no full stop stands on the line before it (the
   headline and the quote are one train, not an undated train counted again). A quoted
   name ("«Роснефть»") is no passage.
2. Trains counted while they stand, abandoned, piled up or delayed ("кинуті потяги ...
   загалом 14 потягів", "затримуються 7 потягів", "брошенные поезда", "porzucone
   pociągi") are a stock or a timetable's trouble, not trains on their way: no shipment
   and no group.
3. An adjective, with an adverb before it or not, between a place's preposition and its
   name ("з окупованої Волновахи", "до тимчасово окупованого Бердянська", "из
   оккупированного Донецка", "з акупаванага Мелітопаля") does not hide the name.
4. A port or terminal named by its town ("до порту в Маріуполі", "з терміналу в
   Ізмаїлі"): the town is the end (the port of X is X).
5. A report that says the train it tells of is a fake or not true ("Інформація про
   прибуття ешелону – фейк", "не соответствует действительности", "nie jest prawdą")
   gives no shipment, as in English.
6. A heading taken next ("рухалися в бік Маловодного, після чого попрямували у бік
   Ростова", "после чего направился", "пасля чаго накіраваўся"): the later place is the
   end, the first one a place passed.
"""

from __future__ import annotations

from datetime import date

import pytest
from _extract_helpers import ends, read

from railtrack.extract.language import sentence_language

PUB = date(2024, 3, 14)

# -- 1. a quoted post in another language ---------------------------------------------

_RU_POST = (
    '"13 марта около 9:00 на станцию Барановичи-Полесские прибыл эшелон из 28 платформ '
    'с бронетехникой и 2 крытых вагонов"'
)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (_RU_POST + ", — ідеться в дописі моніторингової групи «Білоруський Гаюн».", "uk"),
        (_RU_POST + " – пише «Білоруський Гаюн» у своєму телеграм-каналі.", "uk"),
        (
            "Як повідомляє моніторингова група «Білоруський Гаюн», "
            + _RU_POST.replace('"', "«", 1).replace('"', "»", 1)
            + ".",
            "uk",
        ),
        (_RU_POST + ", — гаворыцца ў паведамленні маніторынгавай групы «Беларускі Гаюн».", "be"),
    ],
)
def test_a_post_quoted_in_russian_is_read_in_russian(text: str, lang: str) -> None:
    result = read(text, PUB, lang)
    assert len(result.shipments) == 1
    train = result.shipments[0]
    assert train.destination is not None
    assert train.destination.text == "Барановичи-Полесские"
    assert train.expected_arrival is not None
    assert train.expected_arrival.earliest == date(2024, 3, 13)
    assert (train.cars.flat, train.cars.covered) == (28, 2)


@pytest.mark.parametrize(
    "headline",
    [
        "До Барановичів прибув ешелон з бронетехнікою, — «Гаюн»",
        "Ешелон з бронетехнікою прибув до Барановичів",
    ],
)
def test_a_headline_then_the_quoted_post_is_one_train(headline: str) -> None:
    text = (
        headline
        + "\n"
        + _RU_POST
        + ", — йдеться в повідомленні «Білоруського Гаюну».\n"
        + "Барановичі розташовані за 150 км від кордону з Україною."
    )
    result = read(text, PUB, "uk")
    assert len(result.shipments) == 1
    train = result.shipments[0]
    assert train.expected_arrival is not None
    assert train.expected_arrival.earliest == date(2024, 3, 13)
    assert (train.cars.flat, train.cars.covered) == (28, 2)


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        (_RU_POST + ", — йдеться в повідомленні.", "uk", "ru"),
        # a quoted name holds few of the sentence's letters: the sentence keeps its language
        ("Цистерни з маркуванням «Роснефть» рухалися з Маріуполя в бік Ростова.", "uk", "uk"),
        ("Ешелон прибув до Барановичів, — повідомляє «Беларускі Гаюн».", "uk", "uk"),
    ],
)
def test_the_language_of_a_sentence_with_a_quote(sentence: str, lang: str, expected: str) -> None:
    assert sentence_language(sentence, lang) == expected


# -- 2. trains counted while standing, abandoned or delayed --------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "У порту Ізмаїл скупчення вагонів: кинуті потяги в напрямку терміналів – "
            "загалом 9 потягів, з них 4 у порт Рені.",
            "uk",
        ),
        ("Наразі затримуються 5 потягів: 3 до Києва, два — зі Львова.", "uk"),
        ("Из-за обстрела задерживаются 6 поездов: 4 в Москву и 2 из Москвы.", "ru"),
        ("На подходах к порту скопление вагонов: брошенные поезда, всего 11 составов.", "ru"),
        ("Каля Берасця кінутыя цягнікі: усяго 8 цягнікоў з зернем.", "be"),
        ("Przy porcie stoją porzucone pociągi – łącznie 12 składów ze zbożem.", "pl"),
    ],
)
def test_trains_standing_or_delayed_are_no_shipments(text: str, lang: str) -> None:
    result = read(text, PUB, lang)
    assert result.shipments == []
    assert result.groups == []


def test_trains_counted_on_their_way_are_still_a_group() -> None:
    result = read("Вчора з Гомеля до Бреста вирушили 3 потяги з технікою.", PUB, "uk")
    assert len(result.shipments) == 3


# -- 3. an adjective before the name ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "Вчора потяг вирушив з окупованої Волновахи до Маріуполя.",
            "uk",
            ("Волновахи", "Маріуполя"),
        ),
        (
            "Вчора потяг вирушив з Волновахи до тимчасово окупованого Бердянська.",
            "uk",
            ("Волновахи", "Бердянська"),
        ),
        ("Вчера эшелон ушел из оккупированного Донецка в Ростов.", "ru", ("Донецка", "Ростов")),
        (
            "Учора цягнік выехаў з акупаванага Мелітопаля ў Джанкой.",
            "be",
            ("Мелітопаля", "Джанкой"),
        ),
        ("Ешелон прибув до сусіднього Лунинця з російської Вязьми.", "uk", ("Вязьми", "Лунинця")),
    ],
)
def test_an_adjective_before_the_name(text: str, lang: str, expected: tuple[str, str]) -> None:
    assert ends(read(text, PUB, lang)) == [expected]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Ешелон з новими КамАЗами прибув до Лунинця.", "uk"),
        ("Эшелон с новыми КамАЗами прибыл в Лунинец.", "ru"),
    ],
)
def test_an_instrumental_adjective_names_no_origin(text: str, lang: str) -> None:
    assert [origin for origin, _ in ends(read(text, PUB, lang))] == [None]


# -- 4. a port in its town -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Учора потяг вирушив з Волновахи до порту в Маріуполі.", ("Волновахи", "Маріуполі")),
        ("Учора потяг із зерном вийшов з терміналу в Ізмаїлі до Одеси.", ("Ізмаїлі", "Одеси")),
        ("Учора потяг прибув до порту Чорноморськ з Києва.", ("Києва", "Чорноморськ")),
    ],
)
def test_a_port_in_its_town(text: str, expected: tuple[str, str]) -> None:
    assert ends(read(text, PUB, "uk")) == [expected]


# -- 5. a debunked train --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "ЗМІ писали, що 12 березня до Мінська прибув ешелон з 40 вагонів. "
            "Моніторингова група спростувала цю інформацію.",
            "uk",
        ),
        (
            "Информация о прибытии 12 марта в Минск эшелона из 40 вагонов не соответствует "
            "действительности, сообщает Гаюн.",
            "ru",
        ),
        ("Паведамленне пра эшалон з 40 вагонаў, які 12 сакавіка прыбыў у Мінск, — фэйк.", "be"),
        (
            "Media podały, że 12 marca do Mińska przyjechał eszelon z 40 wagonami. "
            "Hajun twierdzi, że to nie jest prawdą.",
            "pl",
        ),
    ],
)
def test_a_debunked_train_is_no_shipment(text: str, lang: str) -> None:
    assert read(text, PUB, lang).shipments == []


# -- 6. a heading taken next ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "Учора потяг з Києва рухався у напрямку Ніжина, після чого попрямував до Конотопа.",
            "uk",
            ("Києва", "Конотопа", ["Ніжина"]),
        ),
        (
            "Вчера эшелон из Гомеля двигался в сторону Мозыря, "
            "после чего направился в Калинковичи.",
            "ru",
            ("Гомеля", "Калинковичи", ["Мозыря"]),
        ),
        (
            "Учора эшалон з Гомеля рухаўся ў бок Мазыра, пасля чаго накіраваўся ў Калінкавічы.",
            "be",
            ("Гомеля", "Калінкавічы", ["Мазыра"]),
        ),
    ],
)
def test_a_heading_taken_next_is_the_end(
    text: str, lang: str, expected: tuple[str, str, list[str]]
) -> None:
    result = read(text, PUB, lang)
    assert len(result.shipments) == 1
    train = result.shipments[0]
    assert train.origin is not None
    assert train.destination is not None
    got = (train.origin.text, train.destination.text, [v.text for v in train.via])
    assert got == expected

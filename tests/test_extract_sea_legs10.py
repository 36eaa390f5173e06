"""A leg by sea or ferry is no train's leg (issue 13, session 10; r097, r684, r701).

A shipment that goes part of its way by ship ("loaded onto a vessel", "паромом",
"поромом", "na prom", "drogą morską") must not give the ship's ends as a train's ends,
nor a train where only a ship is told of; a train that reaches a port by rail keeps
its ends. Every form here is written for these tests (none is a corpus sentence).
"""

from __future__ import annotations

import pytest
from _extract_helpers import ends, read

from railtrack.extract.readers import reader_for
from railtrack.extract.sealegs import without_english_sea_legs

# (lang, text, expected ends): the sea leg's places are dropped, the train's kept
SEA_LEGS = [
    (
        "en",
        "The train left Pskov on March 3. There the tanks were loaded onto a vessel "
        "bound for Baltiysk.",
        [("Pskov", None)],
    ),
    (
        "en",
        "A military echelon left Pskov on March 3. At Ust-Luga the vehicles were put on "
        "a ferry to Baltiysk.",
        [("Pskov", None)],
    ),
    (
        "en",
        "A freight train left Xi'an on March 2, and the train will be shipped to Port "
        "Klang through the rail-sea intermodal transport from Qinzhou Port.",
        [("Xi'an", None)],
    ),
    (
        "en",
        "Initially shipped from Busan Port to Vostochny Port, the containers were loaded "
        "onto a train that left Nakhodka for Moscow on March 2.",
        [("Nakhodka", "Moscow")],
    ),
    (
        "ru",
        "Эшелон из 30 платформ ушёл из Пскова 3 марта. В Усть-Луге технику погрузили "
        "на паром до Балтийска.",
        [("Пскова", None)],
    ),
    (
        "ru",
        "Вчера танки доставили морем из Балтийска в Усть-Лугу, откуда эшелон ушёл в Псков.",
        [(None, "Псков")],
    ),
    (
        "uk",
        "Ешелон з 30 платформ вирушив з Пскова 3 березня. В Усть-Лузі техніку "
        "завантажили на пором до Балтійська.",
        [("Пскова", None)],
    ),
    (
        "uk",
        "Поромом з Балтійська до Усть-Луги доставили техніку, а потім ешелон вирушив з "
        "Усть-Луги до Пскова.",
        [("Усть-Луги", "Пскова")],
    ),
    (
        "be",
        "Эшалон з 30 платформаў прыбыў з Пскова ва Усць-Лугу, а далей тэхніку паромам "
        "даставілі ў Балтыйск.",
        [("Пскова", None)],
    ),
    (
        "pl",
        "Transport drogą morską z Bałtyjska do Ust-Ługi, a potem pociąg z 30 platformami "
        "odjechał do Pskowa.",
        [(None, "Pskowa")],
    ),
]

# a train that reaches a port by rail, or a rail-sea train, keeps its ends
RAIL_TO_PORT = [
    (
        "en",
        "A train with 40 cars left Pskov on March 2 and arrived by rail at the port of "
        "Ust-Luga on March 4.",
        [("Pskov", "Ust-Luga")],
    ),
    (
        "en",
        "A train of 30 flatcars arrived by rail at the port of Ust-Luga on March 5.",
        [(None, "Ust-Luga")],
    ),
    ("en", "The train was shipped to the port of Ust-Luga on March 5.", [(None, "Ust-Luga")]),
    ("en", "A rail-sea train left Chongqing for Qinzhou on March 3.", [("Chongqing", "Qinzhou")]),
    (
        "en",
        "The tanks went by train from Pskov to Ust-Luga and were then shipped by sea to Baltiysk.",
        [("Pskov", "Ust-Luga")],
    ),
    (
        "ru",
        "Эшелон из 30 платформ ушёл из Пскова в Усть-Лугу, а затем техника на судне "
        "отправилась в Балтийск.",
        [("Пскова", "Усть-Лугу")],
    ),
    (
        "uk",
        "Ешелон вирушив з Пскова до Усть-Луги, а потім техніку морем доставили до Балтійська.",
        [("Пскова", "Усть-Луги")],
    ),
    (
        "pl",
        "Pociąg wyjechał z Pskowa do Ust-Ługi, a dalej sprzęt drogą morską trafił do Bałtyjska.",
        [("Pskowa", "Ust-Ługi")],
    ),
]


@pytest.mark.parametrize(("lang", "text", "expected"), SEA_LEGS)
def test_sea_leg_ends_are_no_train_ends(lang: str, text: str, expected: list[object]) -> None:
    assert ends(read(text, lang=lang)) == expected


@pytest.mark.parametrize(("lang", "text", "expected"), RAIL_TO_PORT)
def test_train_to_a_port_keeps_its_ends(lang: str, text: str, expected: list[object]) -> None:
    assert ends(read(text, lang=lang)) == expected


def test_station_before_onward_sea_leg_stays_the_destination() -> None:
    # the lexicon's sea_onward reading ("через станцию X, откуда ... морским путем")
    text = (
        "Зерновой поезд отправился со станции Лужки 3 марта. Его маршрут пролегает через "
        "станцию Новороссийск, откуда зерно будет отправлено морским путем."
    )
    assert ends(read(text, lang="ru")) == [("Лужки", "Новороссийск")]


def test_sea_word_in_an_aside_keeps_the_sentence() -> None:
    # "(a stevedore that loads grain onto ships)": an aside, left as written
    text = (
        "Поезд с зерном пришёл в Шяштокай 3 марта. Затем он отправится в Клайпеду "
        "(в компанию, которая грузит зерно на суда)."
    )
    out = reader_for("ru").without_other_modes(text)  # type: ignore[attr-defined]
    assert out == text


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Tanks came by ferry from Baltiysk, then a train left Ust-Luga (Leningrad region)."),
        ("ru", "Паромом из Балтийска в Усть-Лугу, «как сообщают», доставили танки."),
        ("uk", "Поромом з Балтійська (порт) до Усть-Луги, «кажуть», привезли танки."),
    ],
)
def test_blanking_keeps_offsets_brackets_and_quotes(lang: str, text: str) -> None:
    blank = reader_for(lang).without_other_modes  # type: ignore[attr-defined]
    out = blank(text)
    assert len(out) == len(text)
    assert out != text
    for a, b in zip(text, out, strict=True):
        assert b == a or (b == " " and (a.isalnum() or a.isspace() or a in "-'’")), (a, b)
    assert [c for c in out if c in "()«»"] == [c for c in text if c in "()«»"]


def test_english_text_without_sea_is_returned_as_is() -> None:
    text = "A train of 40 cars arrived by rail at the port of Ust-Luga."
    assert without_english_sea_legs(text) is text

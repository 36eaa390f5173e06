"""Failure kinds of real Russian, Ukrainian and Belarusian reports (issue 13), one test per kind.

Every input is written here (not copied from a corpus); each stands for a kind.
"""

from datetime import date

import pytest

from railtrack.extract import extract_shipments
from railtrack.extract.lacinka import is_lacinka, to_cyrillic
from railtrack.extract.language import detect_language

PUB = date(2024, 8, 14)


def read(text: str, published: date = PUB) -> dict:
    return extract_shipments(text, published=published, network=False).to_dict()


# -- Belarusian in Łacinka ----------------------------------------------------------


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [
        ("Ešalon", "Эшалён"),
        ("ešałon", "эшалон"),
        ("ciahnik", "цягнік"),
        ("vahonaŭ", "вагонаў"),
        ("Biełarusi", "Беларусі"),
        ("žniŭnia", "жніўня"),
        ("Homiel", "Гомель"),
        ("pryjechaŭ", "прыехаў"),
        ("ź Lidy", "зь Ліды"),
        ("stancyi", "станцыі"),
        ("Vilniu", "Вільню"),
    ],
)
def test_lacinka_is_spelled_in_cyrillic(latin, cyrillic):
    assert to_cyrillic(latin)[0] == cyrillic


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ešalon z 40 vahonaŭ adpraviŭsia sa stancyi Lida ŭ bok Hrodna.", True),
        (
            "The echelon left Baranavičy and passed Lida on Tuesday, according to the channel.",
            False,
        ),
        ("Pociąg z 40 wagonami wyjechał ze stacji Łuniniec.", False),
        ("Vlak so štyridsiatimi vozňami odišiel zo stanice Čierna nad Tisou.", False),
    ],
)
def test_lacinka_is_recognised_and_nothing_else(text, expected):
    assert is_lacinka(text) is expected


def test_a_lacinka_report_is_read_as_belarusian_with_spans_as_written():
    text = (
        "Učora, 13 žniŭnia, ešalon z 35 vahonaŭ adpraviŭsia sa stancyi Baranavičy "
        "na stancyju Łuniniec."
    )
    assert detect_language(text).lang == "be"
    result = read(text)
    assert result["lang"] == "be"
    (s,) = result["shipments"]
    assert s["origin"]["text"] == "Baranavičy"
    assert s["destination"]["text"] == "Łuniniec"
    assert s["departure"]["earliest"] == "2024-08-13"
    assert s["cars"]["total"] == 35
    for ev in s["evidence"]:
        assert text[ev["start"] : ev["end"]] == ev["text"]


def test_lacinka_place_names_resolve_through_their_cyrillic_spelling():
    from railtrack.network import load_network

    result = extract_shipments(
        "Ciahnik z 20 vahonaŭ pryjechaŭ na stancyju Asipovičy z Homiela.",
        published=PUB,
        network=load_network(),
    ).to_dict()
    (s,) = result["shipments"]
    assert s["destination"]["text"] == "Asipovičy"
    assert s["destination"]["station"] is not None
    assert s["origin"]["station"] == "Gomel"


# -- a train with a date but no place and no count is no shipment --------------------


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("Ранкам у суботу цягнік адправіўся са спазненнем на дзве гадзіны.", PUB),
        ("В субботу утром поезд отправился с опозданием на два часа.", PUB),
    ],
)
def test_a_train_with_only_a_date_is_not_a_shipment(text, published):
    assert read(text, published)["shipments"] == []


# -- words between the preposition and the station word ------------------------------


@pytest.mark.parametrize(
    ("text", "origin"),
    [
        ("Эшалон адправіўся з расійскай станцыі Ліхая ў Асіповічы.", "Ліхая"),
        ("Эшелон отправился с той же станции Лихая в Брянск.", "Лихая"),
        ("Ешелон вирушив з тієї самої станції Лиха до Брянська.", "Лиха"),
        ("Цягнік прыбыў у Жлобін з той жа станцыі Ліхая.", "Ліхая"),
    ],
)
def test_an_adjective_or_the_same_before_the_station_word(text, origin):
    (s,) = read(text)["shipments"]
    assert s["origin"]["text"] == origin


# -- one kind of car counted: it is also the total ------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Поезд прибыл в Брянск. В его составе было 33 вагона-платформы.",
        "Потяг прибув до Брянська. У складі було 33 вагони-платформи.",
        "Цягнік прыбыў у Гомель. У саставе было 33 вагоны-платформы.",
    ],
)
def test_one_kind_of_car_is_also_the_total(text):
    (s,) = read(text)["shipments"]
    assert (s["cars"]["flat"], s["cars"]["total"]) == (33, 33)


# -- derailments ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Во вторник на перегоне Тайга — Юрга сошли 20 вагонов грузового поезда.",
        "У вівторок на перегоні Коростень — Овруч зійшли 20 вагонів вантажного поїзда.",
        "У аўторак на перагоне Орша — Багушэўск сышлі 20 вагонаў грузавога цягніка.",
    ],
)
def test_derailed_cars_are_no_shipment(text):
    assert read(text)["shipments"] == []

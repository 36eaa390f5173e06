"""Failure kinds of East Slavic and Polish reading found in session 18 (issue 13).

Each kind is tested with forms not seen in the reports that showed it (r1017, r1021,
r1022, r1035-r1044), in every language it concerns, with a case that must stay as it was:

- a route told in a sentence of its own after a route label and a colon ("Маршрут: Орша
  — Смоленськ — Брянськ", "Trasa: Orsza — Briańsk"): the route of the train told
  before, its first name the origin, its last the destination, those between passed;
- further trains counted after a train told ("незабаром в'їдуть іще три потяги", "ещё три
  эшелона", "jeszcze trzy pociągi", "three more trains"), in its sentence or the next:
  a group of their own beside that train (never its members, never countries-only
  background), going where it went when they name no end.
"""

from __future__ import annotations

from datetime import date

import pytest

from railtrack.extract import extract_shipments

PUBLISHED = date(2024, 3, 6)


def _shipments(text: str, lang: str) -> list[dict]:
    return list(extract_shipments(text, published=PUBLISHED, lang=lang).to_dict()["shipments"])


def _only(text: str, lang: str) -> dict:
    shipments = _shipments(text, lang)
    assert len(shipments) == 1, shipments
    return shipments[0]


def _text(place: dict | None) -> str | None:
    return None if place is None else place["text"]


# -- a route in a sentence of its own -----------------------------------------------------

ROUTE_SENTENCE = [
    (
        "uk",
        "Ешелон із 40 вагонів вирушив 5 березня. Маршрут: Орша — Смоленськ — Брянськ.",
        ("Орша", ["Смоленськ"], "Брянськ"),
    ),
    (
        "uk",
        "Вчора помітили потяг з технікою. Маршрут: Гомель – Зябровка – Добруш – Новозибков.",
        ("Гомель", ["Зябровка", "Добруш"], "Новозибков"),
    ),
    (
        "uk",
        "Потяг із зерном вирушив 2 березня. Маршрут: Мелітополь — Джанкой.",
        ("Мелітополь", [], "Джанкой"),
    ),
    (
        "ru",
        "Эшелон из 45 вагонов отправился 3 марта. Маршрут: Осиповичи — Орша — Смоленск.",
        ("Осиповичи", ["Орша"], "Смоленск"),
    ),
    (
        "ru",
        "Состав с техникой ушёл вчера. Маршрут: Брест - Барановичи - Минск.",
        ("Брест", ["Барановичи"], "Минск"),
    ),
    (
        "be",
        "Эшалон з 40 вагонаў адправіўся 5 сакавіка. Маршрут: Орша — Смаленск — Бранск.",
        ("Орша", ["Смаленск"], "Бранск"),
    ),
    (
        "pl",
        "Pociąg z 40 wagonami wyjechał 5 marca. Trasa: Orsza — Smoleńsk — Briańsk.",
        ("Orsza", ["Smoleńsk"], "Briańsk"),
    ),
    ("pl", "Eszelon wyjechał 4 marca. Trasa: Homel — Briańsk.", ("Homel", [], "Briańsk")),
    (
        "en",
        "A train of 40 cars left on 5 March. Route: Orsha - Smolensk - Bryansk.",
        ("Orsha", ["Smolensk"], "Bryansk"),
    ),
]


@pytest.mark.parametrize(("lang", "text", "route"), ROUTE_SENTENCE)
def test_route_in_a_sentence_of_its_own(lang: str, text: str, route: tuple) -> None:
    origin, via, destination = route
    got = _only(text, lang)
    assert _text(got["origin"]) == origin
    assert _text(got["destination"]) == destination
    assert [p["text"] for p in got.get("via") or []] == via


ROUTE_NEGATIVES = [
    # a route with no train told is no train
    ("uk", "Маршрут: Орша — Смоленськ — Брянськ."),
    # a road column's route gives no train
    ("uk", "Колона вантажівок рушила 5 березня. Маршрут: Орша — Смоленськ — Брянськ."),
    ("ru", "Колонна грузовиков вышла 5 марта. Маршрут: Орша — Смоленск — Брянск."),
]


@pytest.mark.parametrize(("lang", "text"), ROUTE_NEGATIVES)
def test_a_route_label_alone_is_no_train(lang: str, text: str) -> None:
    assert _shipments(text, lang) == []


def test_a_label_before_a_sentence_is_no_route() -> None:
    # "Маршрут:" before a whole clause (not names joined by dashes) lists no places
    got = _only("Ешелон із 40 вагонів вирушив 5 березня. Маршрут: ешелон пройшов Оршу.", "uk")
    assert got["origin"] is None
    assert got["destination"] is None


# -- further trains counted after a train told ----------------------------------------------

FURTHER_TRAINS = [
    (
        "uk",
        "До порту Росток прибув потяг із 21 вагона. Незабаром до країни в'їдуть іще три потяги "
        "з кукурудзою з України.",
        ("Росток", 21, "України", 3),
    ),
    (
        "uk",
        "До порту Росток прибув потяг із 21 вагона, незабаром до країни в'їдуть іще три потяги "
        "з кукурудзою з України.",
        ("Росток", 21, "України", 3),
    ),
    (
        "ru",
        "На станцию Брест прибыл эшелон из 21 вагона, вскоре из России прибудут ещё три эшелона.",
        ("Брест", 21, "России", 3),
    ),
    (
        "ru",
        "На станцию Брест прибыл эшелон из 21 вагона. Вскоре из России прибудут ещё два эшелона.",
        ("Брест", 21, "России", 2),
    ),
    (
        "be",
        "На станцыю Брэст прыбыў цягнік з 21 вагона. Хутка з Расіі прыбудуць яшчэ тры цягнікі.",
        ("Брэст", 21, "Расіі", 3),
    ),
    (
        "pl",
        "Do Brześcia przyjechał pociąg z 21 wagonami, wkrótce z Rosji przyjadą jeszcze trzy "
        "pociągi.",
        ("Brześcia", 21, "Rosji", 3),
    ),
    (
        "en",
        "A train of 21 cars arrived at Brest station. Three more trains from Russia will arrive "
        "soon.",
        ("Brest", 21, "Russia", 3),
    ),
]


@pytest.mark.parametrize(("lang", "text", "facts"), FURTHER_TRAINS)
def test_further_trains_beside_the_train_told(lang: str, text: str, facts: tuple) -> None:
    end, cars, origin, n = facts
    shipments = _shipments(text, lang)
    assert len(shipments) == 1 + n, shipments
    told, *further = shipments
    assert _text(told["destination"]) == end
    assert told["cars"]["total"] == cars
    assert told["group"] is None
    assert all(s["group"] is not None for s in further)
    assert {_text(s["origin"]) for s in further} == {origin}
    assert {_text(s["destination"]) for s in further} == {end}
    assert all(s["cars"] is None or s["cars"].get("total") is None for s in further)


def test_trains_counted_without_more_stay_one_group() -> None:
    # no "more": a count of trains of its own, nothing given from a train before
    shipments = _shipments("Из Орши вчера ушли три эшелона в Брянск.", "ru")
    assert len(shipments) == 3
    assert {_text(s["destination"]) for s in shipments} == {"Брянск"}


FURTHER_FROM_THE_SAME_PLACE = [
    ("pl", "Pierwszy pociąg z darami z Chełma dotarł do Kowla. W drodze są jeszcze dwa pociągi."),
    ("uk", "Перший потяг з допомогою з Хелма прибув до Ковеля. У дорозі ще два потяги."),
]


@pytest.mark.parametrize(("lang", "text"), FURTHER_FROM_THE_SAME_PLACE)
def test_further_trains_come_from_where_the_told_one_came(lang: str, text: str) -> None:
    told, *further = _shipments(text, lang)
    assert len(further) == 2
    assert {_text(s["origin"]) for s in further} == {_text(told["origin"])}
    assert {_text(s["destination"]) for s in further} == {_text(told["destination"])}

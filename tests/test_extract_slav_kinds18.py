"""Failure kinds of East Slavic and Polish reading found in session 18 (issue 13).

Each kind is tested with forms not seen in the reports that showed it (r1017, r1021,
r1022, r1035-r1044), in every language it concerns, with a case that must stay as it was:

- a route told in a sentence of its own after a route label and a colon ("Маршрут: Орша
  — Смоленськ — Брянськ", "Trasa: Orsza — Briańsk"): the route of the train told
  before, its first name the origin, its last the destination, those between passed.
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

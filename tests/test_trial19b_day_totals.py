"""Trial 19b T1: a day digest's total line is a tally of the trains above it.

"Всего за день 4 эшелона, 153 вагона." after the station lines made 4 phantom empty
trains and a group of 153 cars: the line sums up the trains told above it (the
lexicons' ``day_total``), never new trains; a count that disagrees is a problem.
"""

from __future__ import annotations

import pytest

from railtrack.extract import extract_shipments

_LINES = {
    "ru": (
        "Итоги дня:\n— Лунинец: прибыл эшелон из 36 вагонов;\n"
        "— Жлобин: отправлен эшелон из 41 вагона в сторону Гомеля.\n"
    ),
    "be": (
        "Вынікі дня:\n— Лунінец: прыбыў эшалон з 36 вагонаў;\n"
        "— Жлобін: адправіўся эшалон з 41 вагона ў кірунку Гомеля.\n"
    ),
    "uk": (
        "Підсумки дня:\n— Лунинець: прибув ешелон із 36 вагонів;\n"
        "— Жлобин: відправився ешелон із 41 вагона в напрямку Гомеля.\n"
    ),
    "pl": (
        "Podsumowanie dnia:\n— Łuniniec: przybył pociąg z 36 wagonami;\n"
        "— Żłobin: odjechał pociąg z 41 wagonami w kierunku Homla.\n"
    ),
    "en": (
        "Day summary:\n— Luninets: a train of 36 cars arrived;\n"
        "— Zhlobin: a train of 41 cars left for Gomel.\n"
    ),
}
# a total word closed by a colon ("Итого: 3 эшелона") is no station of a digest line
# ("— Лунинец: прибыл эшелон"): the line is the same tally (trial19b T2)
_TOTALS = {
    "ru": [
        "Всего за день {n} эшелона, {c} вагонов.",
        "Итого {n} эшелона, {c} вагонов.",
        "Итого: {n} эшелона, {c} вагонов.",
    ],
    "be": ["Усяго за дзень {n} эшалоны, {c} вагонаў.", "Усяго за дзень: {n} эшалоны, {c} вагонаў."],
    "uk": ["Всього за добу {n} ешелони, {c} вагонів.", "Всього за добу: {n} ешелони, {c} вагонів."],
    "pl": ["Łącznie {n} pociągi, {c} wagonów.", "Łącznie: {n} pociągi, {c} wagonów."],
    "en": ["In total, {n} trains, {c} cars.", "In total: {n} trains, {c} cars."],
}
# the bare total words before a colon, which are no day-total phrase in prose ("всего 30
# вагонов" is "only 30 cars"): read as a total only as a line's whole name (review20 #7)
_BARE_TOTALS = {
    "ru": ["Всего: {n} эшелона, {c} вагонов."],
    "be": ["Усяго: {n} эшалоны, {c} вагонаў.", "Разам: {n} эшалоны, {c} вагонаў."],
    "uk": ["Всього: {n} ешелони, {c} вагонів.", "Разом: {n} ешелони, {c} вагонів."],
    "pl": ["Razem: {n} pociągi, {c} wagonów."],
    "en": ["Total: {n} trains, {c} cars."],
}
_CASES = [
    (lang, total)
    for table in (_TOTALS, _BARE_TOTALS)
    for lang, totals in table.items()
    for total in totals
]


def _read(lang: str, total: str, n: int, cars: int):
    text = _LINES[lang] + total.format(n=n, c=cars) + "\n"
    return extract_shipments(text, published="2026-04-12", lang=lang, network=False)


@pytest.mark.parametrize(("lang", "total"), _CASES)
def test_a_total_line_is_a_tally_of_the_lines_above(lang: str, total: str) -> None:
    result = _read(lang, total, 2, 77)
    assert sorted(s.cars.total for s in result.shipments) == [36, 41]
    assert not result.groups
    assert not any("total line" in p for p in result.problems)


@pytest.mark.parametrize(("lang", "total"), _CASES)
def test_a_total_that_disagrees_says_so(lang: str, total: str) -> None:
    trains = _read(lang, total, 3, 77)
    assert sorted(s.cars.total for s in trains.shipments) == [36, 41]
    assert any("counts 3 trains, 2 told above" in p for p in trains.problems)
    cars = _read(lang, total, 2, 90)
    assert any("counts 90 cars, 77 told above" in p for p in cars.problems)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "Итого в Брест прибыли 2 эшелона по 40 вагонов."),
        ("en", "In total, two trains of 40 cars arrived at Brest."),
    ],
)
def test_a_total_with_no_train_above_still_tells_trains(lang: str, text: str) -> None:
    result = extract_shipments(text, published="2026-04-12", lang=lang, network=False)
    assert len(result.shipments) == 2

"""Trial 19b T2: "— Station: sentence" digest lines with a day word before the verb.

"— Лунинец: ночью прибыл эшелон из 36 вагонов;" and "— Жлобин: утром отправлен
эшелон ..." were lost silently (the train noun not among the line's first two words):
each line is its station's train, as the "▪️ Station — 1 эшелон" style is.
"""

from __future__ import annotations

import pytest

from railtrack.extract import extract_shipments

_DIGESTS = [
    (
        "ru",
        "Итоги дня:\n— Лунинец: ночью прибыл эшелон из 36 вагонов;\n"
        "— Жлобин: утром отправлен эшелон из 41 вагона в сторону Гомеля;\n"
        "— Слуцк: прибыл эшелон из 33 вагонов.\n",
    ),
    (
        "be",
        "Вынікі дня:\n▪️ Лунінец: ноччу прыбыў эшалон з 36 вагонаў;\n"
        "▪️ Жлобін: раніцай адправіўся эшалон з 41 вагона ў кірунку Гомеля;\n"
        "▪️ Слуцк: прыбыў эшалон з 33 вагонаў.\n",
    ),
]


@pytest.mark.parametrize(("lang", "text"), _DIGESTS)
def test_each_sentence_line_is_its_stations_train(lang: str, text: str) -> None:
    result = extract_shipments(text, published="2026-04-12", lang=lang, network=False)
    got = {
        (s.cars.total, s.origin and s.origin.text, s.destination and s.destination.text)
        for s in result.shipments
    }
    assert len(result.shipments) == 3
    assert {(36, None), (41, None), (33, None)} <= {(c, None) for c, _, _ in got}
    stations = {o or d for _, o, d in got} | {o for _, o, _ in got}
    assert {"Лунинец", "Жлобин", "Слуцк"} & stations or {"Лунінец", "Жлобін", "Слуцк"} & stations
    ends = [(o, d) for _, o, d in got]
    assert all(o is not None or d is not None for o, d in ends)
    assert sum(1 for o, _ in ends if o in ("Жлобин", "Жлобін")) == 1
    assert sum(1 for _, d in ends if d in ("Лунинец", "Лунінец")) == 1


def test_a_line_naming_no_train_in_its_first_words_is_none() -> None:
    text = (
        "Итоги дня:\n— Лунинец: ночью прибыл эшелон из 36 вагонов;\n"
        "— Гомель: движение по станции было спокойным весь день, как и вчера, эшелона нет.\n"
    )
    result = extract_shipments(text, published="2026-04-12", lang="ru", network=False)
    assert [s.cars.total for s in result.shipments] == [36]

"""Trial 19b T6: a night word before a clock time is that time, not a two-day night.

"Сегодня ночью, в 01:40, ... прибыл" lost its time (arrival 11-12 Apr, no sighting),
though "Сегодня в 01:40" kept it: a night word before a time after midnight is that
time on the post's day; before an evening time, on the day before.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from railtrack.extract import extract_shipments

_NIGHT_AT = [
    ("ru", "Сегодня ночью, в {t}, на станцию Лунинец прибыл эшелон из 36 вагонов."),
    ("ru", "Ночью в {t} на станцию Лунинец прибыл эшелон из 36 вагонов."),
    ("be", "Сёння ноччу а {t} на станцыю Лунінец прыбыў вайсковы эшалон з 36 вагонаў."),
    ("uk", "Сьогодні вночі о {t} на станцію Лунинець прибув ешелон із 36 вагонів."),
    ("pl", "Dziś w nocy o {t} na stację Łuniniec przybył pociąg z 36 wagonami."),
    ("en", "Last night at {t} a train of 36 cars arrived at Luninets."),
]


def _read(lang: str, text: str):  # type: ignore[no-untyped-def]
    return extract_shipments(text, published="2026-04-12", lang=lang, network=False)


@pytest.mark.parametrize(("lang", "text"), _NIGHT_AT)
def test_a_night_time_after_midnight_is_on_the_posts_day(lang: str, text: str) -> None:
    result = _read(lang, text.format(t="01:40"))
    (shipment,) = result.shipments
    window = shipment.expected_arrival
    assert window is not None
    assert (window.earliest, window.latest) == (date(2026, 4, 12), date(2026, 4, 12))
    assert [s.seen_at for s in result.sightings] == [datetime(2026, 4, 12, 1, 40)]


@pytest.mark.parametrize(("lang", "text"), _NIGHT_AT[:2])
def test_a_night_time_of_the_evening_is_on_the_day_before(lang: str, text: str) -> None:
    result = _read(lang, text.format(t="23:40"))
    assert [s.seen_at for s in result.sightings] == [datetime(2026, 4, 11, 23, 40)]


@pytest.mark.parametrize(
    "text",
    [
        "Сегодня ночью на станцию Лунинец прибыл эшелон из 36 вагонов.",
        "Сегодня ночью на станцию Лунинец прибыл эшелон из 36 вагонов, разгрузка в 14:00.",
    ],
)
def test_a_night_with_no_time_of_its_own_stays_two_days(text: str) -> None:
    (shipment,) = _read("ru", text).shipments
    window = shipment.expected_arrival
    assert window is not None
    assert (window.earliest, window.latest) == (date(2026, 4, 11), date(2026, 4, 12))

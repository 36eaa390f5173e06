"""A digest of a single station line is a digest (trial17b T5, issue 13).

"Итоги дня 19 мая:\\n▪️ Осиповичи — 1 эшелон (40 вагонов)" gave no shipment (two
station lines were needed to make a digest), and "▪️ Лунинец — 2 эшелона (36 и 40
вагонов)" alone gave a group of two trains with no station and no sighting. One line
right under a heading that sums up a day or tells one is read as a digest's line; a
line under a heading naming no day, and a week's tally, are not.
"""

from __future__ import annotations

from datetime import date

import pytest

from railtrack.extract import extract_shipments

DAY = date(2026, 5, 19)
HEADINGS = {
    "ru": ("Итоги дня 19 мая:", "Итоги дня:", "За сутки прибыли:"),
    "be": ("Вынікі дня 19 траўня:", "Вынікі дня:", "За суткі прыбылі:"),
    "uk": ("Підсумки дня 19 травня:", "Підсумки дня:", "За добу прибули:"),
    "pl": ("Podsumowanie dnia 19 maja:", "Podsumowanie dnia:", "W ciągu doby przyjechały:"),
    "en": ("Arrived in Belarus on May 19:", "Arrived on May 19:", "Over the past day, arrived:"),
}
ONE = {
    "ru": "▪️ Осиповичи — 1 эшелон (40 вагонов)",
    "be": "▪️ Асіповічы — 1 эшалон (40 вагонаў)",
    "uk": "▪️ Осиповичі — 1 ешелон (40 вагонів)",
    "pl": "▪️ Osipowicze — 1 pociąg (40 wagonów)",
    "en": "- Osipovichi: 1 train (40 cars)",
}
TWO = {
    "ru": "▪️ Лунинец — 2 эшелона (36 и 40 вагонов)",
    "be": "▪️ Лунінец — 2 эшалоны (36 і 40 вагонаў)",
    "uk": "▪️ Лунінець — 2 ешелони (36 і 40 вагонів)",
    "pl": "▪️ Łuniniec — 2 pociągi (36 i 40 wagonów)",
    "en": "- Luninets: 2 trains (36 and 40 cars)",
}


def _read(text: str, lang: str):  # type: ignore[no-untyped-def]
    return extract_shipments(text, published=DAY, lang=lang)


def _places(s) -> set[str | None]:  # type: ignore[no-untyped-def]
    ends = [s.destination, *s.via]
    return {p.station_id for p in ends if p is not None}


@pytest.mark.parametrize("lang", sorted(ONE))
@pytest.mark.parametrize("which", [0, 1, 2])
def test_one_line_under_a_days_heading_is_one_train_at_its_station(lang: str, which: int) -> None:
    result = _read(f"{HEADINGS[lang][which]}\n{ONE[lang]}", lang)
    assert [s.cars.total for s in result.shipments] == [40]
    assert _places(result.shipments[0]) == {"BY-OSIPOVICHI"}
    assert result.sightings or result.shipments[0].expected_arrival is not None


@pytest.mark.parametrize("lang", sorted(TWO))
def test_one_line_of_two_trains_gives_both_the_station(lang: str) -> None:
    result = _read(f"{HEADINGS[lang][0]}\n{TWO[lang]}", lang)
    assert sorted(s.cars.total or 0 for s in result.shipments) == [36, 40]
    for s in result.shipments:
        assert _places(s) == {"BY-LUNINETS"}
    dated = {x.seen_at.date() for x in result.sightings}
    arrivals = {s.expected_arrival.latest for s in result.shipments if s.expected_arrival}
    assert DAY in dated | arrivals


@pytest.mark.parametrize("lang", ["ru", "be"])
def test_a_line_under_a_heading_naming_no_day_is_no_digest(lang: str) -> None:
    heading = {"ru": "Сообщают подписчики:", "be": "Пішуць падпісчыкі:"}[lang]
    result = _read(f"{heading}\n{ONE[lang]}", lang)
    assert all(not s.via for s in result.shipments)

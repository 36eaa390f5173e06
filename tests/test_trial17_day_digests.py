"""A day's digest lists its trains; a week's or a month's is a tally (trial17 T1).

"Итоги дня 19 мая:" over one line per station ("▪️ Брест — прибыл эшелон из 25
вагонов") was read as a digest of a period, every train a tally and none listed: the
day's trains are trains, as under "Итоги 19 мая:". "Итоги недели" stays a tally.
"""

from __future__ import annotations

from datetime import date

import pytest

from railtrack.extract import extract_shipments

LINES = {
    "ru": (
        "▪️ Брест — прибыл эшелон из 25 вагонов;\n"
        "▪️ Гомель — 2 эшелона: 30 и 33 вагона;\n"
        "▪️ Орша — эшелон из 44 платформ."
    ),
    "be": (
        "▪️ Брэст — прыбыў эшалон з 25 вагонаў;\n"
        "▪️ Гомель — 2 эшалоны: 30 і 33 вагоны;\n"
        "▪️ Орша — эшалон з 44 платформаў."
    ),
    "uk": (
        "▪️ Брест — прибув ешелон із 25 вагонів;\n"
        "▪️ Гомель — 2 ешелони: 30 і 33 вагони;\n"
        "▪️ Орша — ешелон із 44 платформ."
    ),
    "pl": (
        "▪️ Brześć — przyjechał pociąg z 25 wagonami;\n"
        "▪️ Homel — 2 pociągi: 30 i 33 wagony;\n"
        "▪️ Orsza — pociąg z 44 platformami."
    ),
}
DAY_HEADINGS = {
    "ru": ("Итоги дня 19 мая:", "Итоги суток 19 мая:"),
    "be": ("Вынікі дня 19 траўня:", "Вынікі сутак 19 траўня:"),
    "uk": ("Підсумки дня 19 травня:", "Підсумки доби 19 травня:"),
    "pl": ("Podsumowanie dnia 19 maja:", "Podsumowanie doby 19 maja:"),
}
PLAIN_HEADINGS = {"ru": "Итоги 19 мая:", "be": "Вынікі 19 траўня:", "uk": "Підсумки 19 травня:"}
PLAIN_HEADINGS["pl"] = "Podsumowanie 19 maja:"
WEEK_HEADINGS = {
    "ru": "Итоги недели:",
    "be": "Вынікі тыдня:",
    "uk": "Підсумки тижня:",
    "pl": "Podsumowanie tygodnia:",
}


def _cars(heading: str, lang: str) -> list[int | None]:
    text = f"{heading}\n{LINES[lang]}"
    result = extract_shipments(text, published=date(2023, 5, 19), lang=lang, network=False)
    return sorted((s.cars.total for s in result.shipments), key=lambda n: n or 0)


@pytest.mark.parametrize("lang", sorted(LINES))
@pytest.mark.parametrize("which", [0, 1])
def test_a_days_digest_lists_its_trains_as_a_dated_heading_does(lang: str, which: int) -> None:
    listed = _cars(PLAIN_HEADINGS[lang], lang)
    assert listed == [25, 30, 33, 44]
    assert _cars(DAY_HEADINGS[lang][which], lang) == listed


@pytest.mark.parametrize("lang", sorted(LINES))
def test_a_weeks_digest_is_still_a_tally(lang: str) -> None:
    assert _cars(WEEK_HEADINGS[lang], lang) == []

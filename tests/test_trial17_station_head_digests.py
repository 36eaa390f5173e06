"""A day's digest by station headings dates and places its trains (trial17b T4).

"Итоги дня 22 мая" over "🔴 Осиповичи" / "Утром на станцию прибыл эшелон ...", "🔴
Лунинец" / "Днём через станцию в сторону Бреста проследовал эшелон ...", "🔴 Гомель" /
"Разгружают платформы с грузовиками.": the Osipovichi train arrived on 22 May, the
Luninets train was seen at Luninets on 22 May heading for Brest, and a train was being
unloaded at Gomel. The trains had no date, the passing train lost Luninets, Gomel gave
nothing and no problem, and with no blank lines between the headings two trains were
merged into one.
"""

from __future__ import annotations

from datetime import date

import pytest

from railtrack.extract import extract_shipments

DAY = date(2026, 5, 22)
# (title, (heading, lines) x 3): arrived at the first, passed the second, unloaded at the third
POSTS = {
    "ru": (
        "Итоги дня 22 мая",
        ("Осиповичи", "Утром на станцию прибыл эшелон из 41 вагона с танками."),
        (
            "Лунинец",
            "Днём через станцию в сторону Бреста проследовал эшелон из 37 вагонов. "
            "Это уже третий эшелон за неделю.",
        ),
        ("Гомель", "Разгружают платформы с грузовиками."),
    ),
    "be": (
        "Вынікі дня 22 траўня",
        ("Асіповічы", "Раніцай на станцыю прыбыў эшалон з 41 вагона з танкамі."),
        ("Лунінец", "Удзень праз станцыю ў бок Брэста праследаваў эшалон з 37 вагонаў."),
        ("Гомель", "Разгружаюць платформы з грузавікамі."),
    ),
    "uk": (
        "Підсумки дня 22 травня",
        ("Осиповичі", "Вранці на станцію прибув ешелон із 41 вагона з танками."),
        ("Лунинець", "Вдень через станцію в бік Бреста проїхав ешелон із 37 вагонів."),
        ("Гомель", "Розвантажують платформи з вантажівками."),
    ),
    "pl": (
        "Podsumowanie dnia 22 maja",
        ("Osipowicze", "Rano na stację przyjechał pociąg z 41 wagonami z czołgami."),
        (
            "Łuniniec",
            "W dzień przez stację w kierunku Brześcia przejechał pociąg z 37 wagonami.",
        ),
        ("Homel", "Rozładowują platformy z ciężarówkami."),
    ),
    "en": (
        "Summary of the day, May 22",
        ("Asipovichy", "In the morning a train of 41 cars with tanks arrived at the station."),
        (
            "Luninets",
            "In the afternoon a train of 37 cars passed through the station towards Brest.",
        ),
        ("Gomel", "Trucks are being unloaded from flatcars."),
    ),
}
UNDATED_TITLES = {
    "ru": "Итоги дня:",
    "be": "Вынікі дня:",
    "uk": "Підсумки доби:",
    "pl": "Podsumowanie dnia:",
    "en": "Summary of the day:",
}


def _post(lang: str, *, title: str | None = None, gap: str = "\n") -> str:
    first, *sections = POSTS[lang]
    parts = [title if title is not None else first]
    for head, lines in sections:
        parts += [f"🔴 {head}", lines]
    return gap.join(parts)


def _by_cars(text: str, lang: str, published: date = DAY):
    result = extract_shipments(text, published=published, lang=lang)
    return result, {s.cars.total: s for s in result.shipments}


@pytest.mark.parametrize("lang", sorted(POSTS))
@pytest.mark.parametrize("gap", ["\n", "\n\n"], ids=["lines", "paragraphs"])
def test_a_station_heading_digest_dates_and_places_its_trains(lang: str, gap: str) -> None:
    _, (arrived, passed, unloaded) = POSTS[lang][0], POSTS[lang][1:]
    result, trains = _by_cars(_post(lang, gap=gap), lang)
    assert len(result.shipments) == 3
    first = trains[41]
    assert first.destination.text == arrived[0]
    assert (first.expected_arrival.earliest, first.expected_arrival.latest) == (DAY, DAY)
    second = trains[37]
    assert [p.text for p in second.via] == [passed[0]]
    assert second.destination_heading
    seen = {(x.shipment, x.station.text, x.seen_at.date()) for x in result.sightings}
    assert (second.id, passed[0], DAY) in seen
    third = trains[None]
    assert third.destination.text == unloaded[0]
    assert (third.id, unloaded[0], DAY) in seen


@pytest.mark.parametrize("lang", sorted(POSTS))
def test_an_undated_day_title_dates_them_by_the_post(lang: str) -> None:
    published = date(2026, 5, 23)
    result, trains = _by_cars(_post(lang, title=UNDATED_TITLES[lang]), lang, published)
    assert trains[41].expected_arrival.earliest == published
    assert {x.seen_at.date() for x in result.sightings} == {published}
    # the unloaded train's day is the title's alone (its line names no time of day)
    assert (trains[None].id, published) in {
        (x.shipment, x.seen_at.date()) for x in result.sightings
    }


@pytest.mark.parametrize(
    ("above", "seen"),
    [
        ("Итоги дня 20 мая", [date(2026, 5, 20)]),
        # negative: a sentence above the heading is no title; its day is its own train's
        ("Эшелон из 30 вагонов прибыл в Брест 20 мая.", []),
    ],
)
def test_only_a_title_dates_the_trains_under_the_headings(above: str, seen: list[date]) -> None:
    text = f"{above}\n🔴 Лунинец\nЧерез станцию проследовал эшелон из 37 вагонов."
    result, trains = _by_cars(text, "ru")
    assert [p.text for p in trains[37].via] == ["Лунинец"]
    assert [x.seen_at.date() for x in result.sightings] == seen


def test_lines_under_a_heading_naming_cars_but_no_train_say_so() -> None:
    """Cars named with no train nor unloading: a problem, never silence."""
    text = "Итоги дня 22 мая\n🔴 Гомель\nНа путях стоят платформы.\n🔴 Брест\nТишина."
    result = extract_shipments(text, published=DAY, lang="ru")
    assert result.shipments == []
    assert any("'Гомель'" in p and "no train could be read" in p for p in result.problems)
    assert not any("'Брест'" in p for p in result.problems)

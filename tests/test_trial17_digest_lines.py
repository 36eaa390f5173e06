"""A digest line's own verb and places give its train's ends (trial17 T2, trial17b T8).

"▪️ Брест — прибыл эшелон из 25 вагонов из Смоленска" arrived at Brest from Smolensk,
"▪️ Орша — эшелон из 44 платформ отправился в Смоленск" left Orsha for Smolensk, and
"▪️ Гомель — 2 эшелона: 30 и 33 вагона, оба в сторону Калинковичей" is two trains seen
at Gomel heading for Kalinkovichi; all three lines were read with the bullet's station
alone (under a heading) or lost their station (with no heading, where the Gomel line
also lost its 30-car train). "Итоги дня:" with no date dates its trains by the post's
day (its local day under ``tz``), as "за сутки" does with its two-day window.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from _telegram_exports import Msg, chat_object, write_json

from railtrack.extract import extract_shipments
from railtrack.io import load_reports
from railtrack.zones import parse_zone

# each language's lines: (Brest from Smolensk, two at Gomel toward Kalinkovichi, Orsha to Smolensk)
LINES = {
    "ru": (
        "▪️ Брест — прибыл эшелон из 25 вагонов (12 цистерн) из Смоленска;\n"
        "▪️ Гомель — 2 эшелона: 30 и 33 вагона, оба в сторону Калинковичей;\n"
        "▪️ Орша — эшелон из 44 платформ с техникой отправился в Смоленск."
    ),
    "be": (
        "▪️ Брэст — прыбыў эшалон з 25 вагонаў са Смаленска;\n"
        "▪️ Гомель — 2 эшалоны: 30 і 33 вагоны, абодва ў бок Калінкавічаў;\n"
        "▪️ Орша — эшалон з 44 платформаў адправіўся ў Смаленск."
    ),
    "uk": (
        "• Брест — прибув ешелон із 25 вагонів зі Смоленська;\n"
        "• Гомель — 2 ешелони: 30 і 33 вагони, обидва в бік Калинковичів;\n"
        "• Орша — ешелон із 44 платформ вирушив до Смоленська."
    ),
    "pl": (
        "🔹 Brześć – przybył pociąg z 25 wagonami ze Smoleńska;\n"
        "🔹 Homel – 2 pociągi: 30 i 33 wagony, oba w kierunku Kalinkowicz;\n"
        "🔹 Orsza – pociąg z 44 platformami odjechał do Smoleńska."
    ),
    "en": (
        "- Brest: a train of 25 cars arrived from Smolensk;\n"
        "- Gomel: 2 trains: 30 and 33 cars, both heading towards Kalinkovichi;\n"
        "- Orsha: a train of 44 flatcars departed for Smolensk."
    ),
}
DAY = date(2023, 5, 19)
DATED = {
    "ru": "Итоги дня 19 мая:",
    "be": "Вынікі дня 19 траўня:",
    "uk": "Підсумки дня 19 травня:",
    "pl": "Podsumowanie dnia 19 maja:",
    "en": "Summary of the day, May 19:",
}
UNDATED = {
    "ru": "Итоги дня:",
    "be": "Вынікі дня:",
    "uk": "Підсумки доби:",
    "pl": "Podsumowanie dnia:",
    "en": "Summary of the day:",
}


def _read(text: str, lang: str, published: date = DAY):
    return extract_shipments(text, published=published, lang=lang)


def _ends(result) -> list[tuple[str | None, str | None, str | None, int | None]]:
    """Each train's origin, destination, first place seen and cars, ordered by cars."""

    def name(p):
        return None if p is None else p.station_id

    rows = [
        (name(s.origin), name(s.destination), name(s.via[0]) if s.via else None, s.cars.total)
        for s in result.shipments
    ]
    return sorted(rows, key=lambda r: r[3] or 0)


@pytest.fixture(scope="module")
def ids() -> dict[str, str]:
    """The embedded gazetteer's ids of the places (read from one English line each)."""
    found = {}
    for name in ("Brest", "Gomel", "Orsha", "Smolensk", "Kalinkovichi"):
        r = extract_shipments(f"A train of 40 cars arrived in {name} on 19 May 2023.", lang="en")
        found[name] = r.shipments[0].destination.station_id
    return found


def _expected(ids: dict[str, str]) -> list[tuple[str | None, str | None, str | None, int]]:
    smolensk, brest, gomel = ids["Smolensk"], ids["Brest"], ids["Gomel"]
    orsha, kalinkovichi = ids["Orsha"], ids["Kalinkovichi"]
    return [
        (smolensk, brest, None, 25),
        (None, kalinkovichi, gomel, 30),
        (None, kalinkovichi, gomel, 33),
        (orsha, smolensk, None, 44),
    ]


@pytest.mark.parametrize("lang", sorted(LINES))
@pytest.mark.parametrize("headed", [True, False], ids=["heading", "no-heading"])
def test_a_digest_lines_own_verb_and_places_give_its_ends(
    lang: str, headed: bool, ids: dict[str, str]
) -> None:
    text = f"{DATED[lang]}\n{LINES[lang]}" if headed else LINES[lang]
    result = _read(text, lang)
    assert _ends(result) == _expected(ids)
    by_cars = {s.cars.total: s for s in result.shipments}
    assert by_cars[30].destination_heading
    assert by_cars[33].destination_heading
    assert not by_cars[44].destination_heading
    if headed:
        assert by_cars[25].expected_arrival.earliest == DAY
        assert by_cars[44].departure.earliest == DAY
        assert {x.seen_at.date() for x in result.sightings} == {DAY}


@pytest.mark.parametrize("lang", sorted(LINES))
def test_a_digest_line_with_no_verb_takes_the_headings(lang: str, ids: dict[str, str]) -> None:
    """Negative: a line with a count and no verb nor place keeps the heading's verb."""
    heading = {
        "ru": "19 мая в Беларусь прибыли:",
        "be": "19 траўня ў Беларусь прыбылі:",
        "uk": "19 травня до Білорусі прибули:",
        "pl": "19 maja na Białoruś przyjechały:",
        "en": "Arrived in Belarus on May 19:",
    }[lang]
    lines = {
        "ru": "▪️ Брест — 1 эшелон (44 вагона)\n▪️ Орша — 1 эшелон (40 вагонов)",
        "be": "▪️ Брэст — 1 эшалон (44 вагоны)\n▪️ Орша — 1 эшалон (40 вагонаў)",
        "uk": "▪️ Брест — 1 ешелон (44 вагони)\n▪️ Орша — 1 ешелон (40 вагонів)",
        "pl": "▪️ Brześć – 1 pociąg (44 wagony)\n▪️ Orsza – 1 pociąg (40 wagonów)",
        "en": "- Brest: 1 train (44 cars)\n- Orsha: 1 train (40 cars)",
    }[lang]
    result = _read(f"{heading}\n{lines}", lang)
    assert _ends(result) == [
        (None, ids["Orsha"], None, 40),
        (None, ids["Brest"], None, 44),
    ]


@pytest.mark.parametrize("lang", sorted(LINES))
def test_a_day_digest_with_no_date_is_the_posts_day(lang: str) -> None:
    result = _read(f"{UNDATED[lang]}\n{LINES[lang]}", lang, published=date(2023, 5, 20))
    by_cars = {s.cars.total: s for s in result.shipments}
    day = date(2023, 5, 20)
    assert by_cars[25].expected_arrival.earliest == day == by_cars[25].expected_arrival.latest
    assert by_cars[44].departure.earliest == day == by_cars[44].departure.latest
    assert {x.seen_at.date() for x in result.sightings} == {day}


def test_a_weeks_digest_with_no_date_is_no_day() -> None:
    """Negative: "Итоги недели:" stays a tally; "19 мая" alone dates as before."""
    result = _read(f"Итоги недели:\n{LINES['ru']}", "ru", published=date(2023, 5, 20))
    assert result.shipments == []


def test_a_day_digest_in_an_export_is_the_posts_local_day(tmp_path: Path) -> None:
    # 01:30 UTC on 20 May is 04:30 in Minsk: the Minsk day is the 20th; read in UTC the
    # post is made at 01:30, in the night after the 19th, which it sums up (trial18b T2:
    # this test posted at 02:30 Minsk before, the hours that now sum up the day before)
    when = datetime(2026, 5, 20, 1, 30, tzinfo=UTC)
    text = "Итоги дня:\n▪️ Брест — 2 эшелона (40 и 42 вагона)\n▪️ Орша — 1 эшелон"
    path = write_json(tmp_path / "result.json", chat_object([Msg(11, text, when)]))
    utc = load_reports(path)
    assert sorted(x.seen_at.date() for x in utc.sightings) == [date(2026, 5, 19)] * 3
    minsk = load_reports(path, tz=parse_zone("Europe/Minsk"))
    assert sorted(x.seen_at.date() for x in minsk.sightings) == [date(2026, 5, 20)] * 3
    assert sorted(s.cars.total or 0 for s in minsk.shipments) == [0, 40, 42]


@pytest.mark.parametrize(
    ("n", "at_least", "said"),
    [
        (1, False, "(a tally of 1 train)"),
        (1, True, "(a tally of 1 train or more)"),
        (2, False, "(a tally of 2 trains)"),
        (33, True, "(a tally of 33 trains or more)"),
    ],
)
def test_a_tally_of_one_train_is_said_in_the_singular(n: int, at_least: bool, said: str) -> None:
    """trial17 T11: "a tally of 1 trains"."""
    from railtrack.extract.result import Extraction
    from railtrack.extract.trains import TallyDraft

    (note,) = Extraction(tallies=[TallyDraft(n, at_least, 0, 9, "X эшелон")]).tally_notes()
    assert said in note

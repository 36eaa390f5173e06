"""Kinds found by the lead in session 8 (issue 13): places, and counts shared by trips.

A station's name after a kind word in lower case is the name, even when its ending
looks like an adjective's ("Слоним", "Лесной"); adjectives of a capitalised facility
name ("do Portu Morskiego w Kołobrzegu") and lower-case ones ("z terminalu
przeładunkowego w Warszawie") are still stepped over to the town after "w".
"""

from __future__ import annotations

import pytest

from railtrack.extract.lexread import reader_for


def _places(lang: str, text: str) -> list[tuple[str, str]]:
    return [(p.role, p.text) for p in reader_for(lang).find_places(text)]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "ru",
            "Эшелон отправился со станции Слоним на Гомель.",
            [("origin", "Слоним"), ("destination", "Гомель")],
        ),
        (
            "ru",
            "Состав ушёл со станции Лесной в Брянск.",
            [("origin", "Лесной"), ("destination", "Брянск")],
        ),
        (
            "ru",
            "Эшелон прибыл на станцию Слоним из Гомеля.",
            [("destination", "Слоним"), ("origin", "Гомеля")],
        ),
    ],
)
def test_station_name_with_an_adjective_ending_is_the_name(
    lang: str, text: str, expected: list[tuple[str, str]]
) -> None:
    assert sorted(_places(lang, text)) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Pociąg przyjechał do Portu Morskiego w Kołobrzegu.", "Kołobrzegu"),
        ("Pociąg wyjechał z terminalu przeładunkowego w Warszawie.", "Warszawie"),
    ],
)
def test_facility_adjectives_still_lead_to_the_town(text: str, town: str) -> None:
    assert [t for _, t in _places("pl", text)] == [town]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "ru",
            "Эшелон 20 декабря приехал со станции Полонка в Лунинец, а на следующий день "
            "вернулся обратно в Полонку. В составе эшелона – 51 вагон.",
        ),
        (
            "uk",
            "Ешелон 20 грудня приїхав зі станції Полонка до Лунинця, а наступного дня "
            "повернувся назад до Полонки. У складі ешелону 51 вагон.",
        ),
    ],
)
def test_a_count_told_once_is_exact_on_both_trips(lang: str, text: str) -> None:
    """A train that went and came back: its one count is no estimate on either trip (F121)."""
    from datetime import date

    from railtrack.extract import extract_shipments

    result = extract_shipments(text, published=date(2022, 12, 22), network=False, lang=lang)
    cars = [(s.cars.total, s.cars.estimated) for s in result.shipments]
    assert len(cars) == 2
    assert all(total == 51 and not estimated for total, estimated in cars), cars


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "uk",
            "Ешелон зі станції Полонка вирушив до Лунинця. "
            "Вчора, 19 грудня, його помітили на станції Барановичі.",
        ),
        (
            "ru",
            "Эшелон со станции Полонка отправился в Лунинец. "
            "Вчера, 19 декабря, его заметили на станции Барановичи.",
        ),
    ],
)
def test_one_place_seen_on_one_day_is_one_sighting(lang: str, text: str) -> None:
    """'Вчора, 19 грудня': two words for one day give one sighting, not two (trial F110)."""
    from datetime import date

    from railtrack.extract import extract_shipments

    result = extract_shipments(text, published=date(2022, 12, 20), network=False, lang=lang)
    seen = [(x.station.text, x.seen_at.date()) for x in result.sightings]
    assert len(seen) == 1, seen
    assert seen[0][1] == date(2022, 12, 19)


@pytest.mark.parametrize(
    ("lang", "text", "place"),
    [
        (
            "uk",
            "Ешелон з Чепиного, що вирушив 11 січня, вранці 12 січня #помічено на станції "
            "Смоленськ. 48 вагонів.",
            "Смоленськ",
        ),
        ("ru", "Эшелон из Чепино 12 января #замечен на станции Смоленск.", "Смоленск"),
        ("be", "Эшалон з Чэпіна 12 студзеня #заўважаны на станцыі Смаленск.", "Смаленск"),
    ],
)
def test_a_channels_hashtag_on_a_verb_is_the_verb(lang: str, text: str, place: str) -> None:
    """'#помічено на станції Смоленськ': a tagged verb of sighting still dates the sighting
    (trial F113); offsets still point into the text as written."""
    from datetime import date

    from railtrack.extract import extract_shipments

    result = extract_shipments(text, published=date(2023, 1, 12), network=False, lang=lang)
    seen = [(x.station.text, x.seen_at.date()) for x in result.sightings]
    assert seen == [(place, date(2023, 1, 12))]
    via = next(e for e in result.shipments[0].evidence if e.field == "via")
    assert text[via.start : via.end] == place


def test_a_hashtag_before_a_number_stays() -> None:
    from railtrack.extract.textpass import strip_format

    read, origin = strip_format("#помічено потяг #2415")
    assert read == " помічено потяг #2415"
    assert origin == list(range(len(read)))


@pytest.mark.parametrize(
    "text",
    [
        "Эшелон из Чепино, отправившийся 11 января, утром 12 января замечен на станции Смоленск.",
        "Эшелон, вышедший из Чепино 11 января, утром 12 января замечен на станции Смоленск.",
    ],
)
def test_a_departure_told_by_a_participle_is_no_sighting(text: str) -> None:
    """'отправившийся 11 января': the day it left, not a second day seen at Smolensk."""
    from datetime import date

    from railtrack.extract import extract_shipments

    result = extract_shipments(text, published=date(2023, 1, 12), network=False, lang="ru")
    departure = result.shipments[0].departure
    assert departure is not None
    assert departure.earliest == date(2023, 1, 11)
    assert [x.seen_at.date() for x in result.sightings] == [date(2023, 1, 12)]

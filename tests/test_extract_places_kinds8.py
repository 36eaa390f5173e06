"""Place kinds found by the lead in session 8 (issue 13).

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

"""Trial 19 T10 (Bruzgi), helper "tfdates": "в сторону погранперехода Брузги" is a heading.

"7 марта через станцию Гродно в сторону погранперехода Брузги проследовал состав"
gave a sighting at Брузги on 7 March: a border crossing after a heading word is the
way the train went (destination, ``destination_heading``), not a place it passed; a
crossing after "через" stays passed (role ``crossing``).
"""

from __future__ import annotations

import pytest

from railtrack.extract import extract_shipments

_HEADED = [
    (
        "ru",
        "7 марта через станцию Гродно в сторону погранперехода Брузги проследовал состав "
        "из 55 вагонов.",
        "Брузги",
    ),
    (
        "ru",
        "7 марта через станцию Гродно в направлении пограничного перехода Брузги "
        "проследовал состав из 55 вагонов.",
        "Брузги",
    ),
    (
        "uk",
        "7 березня через станцію Гродно в бік пункту пропуску Брузги проїхав состав із 55 вагонів.",
        "Брузги",
    ),
]


@pytest.mark.parametrize(("lang", "text", "place"), _HEADED)
def test_a_crossing_after_a_heading_is_the_way_it_went(lang: str, text: str, place: str) -> None:
    found = extract_shipments(text, published="2026-03-08", lang=lang)
    (ship,) = found.shipments
    assert ship.destination is not None
    assert ship.destination.text == place
    assert ship.destination_heading
    assert place not in [v.text for v in ship.via]
    assert place not in [s.station.text for s in found.sightings]


def test_a_crossing_passed_stays_passed() -> None:
    text = "7 марта состав из 55 вагонов проследовал через погранпереход Брузги."
    found = extract_shipments(text, published="2026-03-08", lang="ru")
    (ship,) = found.shipments
    assert ship.destination is None
    assert [v.text for v in ship.via] == ["Брузги"]

"""A dateline with a time and a dash before the train (trial14 T15).

"🔴 Лунінец, 19.04, 14:30 — эшалон з 36 платформаў ... прыбыў з боку Пінска": the
dateline's place is where the train arrived and was seen, at the dateline's day and
time. An outlet's name after a dash ("Тольятти, 31.05.2019 - Тольятти Онлайн.") makes
no dateline.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from railtrack.extract.datelines import datelines
from railtrack.extract.readers import reader_for
from tests._extract_helpers import read

PUBLISHED = date(2023, 4, 20)

DASHED = [
    (
        "be",
        "🔴 Лунінец, 19.04, 14:30 — эшалон з 36 платформаў і 2 пасажырскіх вагонаў, "
        "прыбыў з боку Пінска.",
        "Лунінец",
    ),
    (
        "ru",
        "🔴 Лунинец, 19.04, 14:30 — эшелон из 36 платформ и 2 пассажирских вагонов, "
        "прибыл со стороны Пинска.",
        "Лунинец",
    ),
    (
        "pl",
        "🔴 Łuniniec, 19.04, 14:30 – pociąg z 36 platformami i 2 wagonami osobowymi, "
        "przyjechał od strony Pińska.",
        "Łuniniec",
    ),
    (
        "en",
        "🔴 Luninets, April 19, 14:30 — a train of 36 flatcars and 2 passenger cars "
        "arrived from the direction of Pinsk.",
        "Luninets",
    ),
    # another station, a hyphen, no emoji
    ("ru", "Барановичи, 19 апреля, 9:05 - эшелон с 40 цистернами прибыл с востока.", "Барановичи"),
    (
        "uk",
        "Калинковичі, 19 квітня, 22:10 — ешелон із 30 вагонів прибув з боку Гомеля.",
        "Калинковичі",
    ),
]


@pytest.mark.parametrize(("lang", "text", "place"), DASHED)
def test_a_dashed_dateline_places_and_times_the_train(lang: str, text: str, place: str) -> None:
    result = read(text, PUBLISHED, lang)
    (shipment,) = result.shipments
    assert shipment.destination is not None
    assert shipment.destination.text == place
    seen = [s for s in result.sightings if s.shipment == shipment.id]
    assert [s.station.text for s in seen] == [place]
    assert seen[0].seen_at.date() == date(2023, 4, 19)
    assert seen[0].seen_at.hour in (9, 14, 22)


def test_the_time_of_a_dashed_dateline_is_kept() -> None:
    text = "🔴 Лунинец, 19.04, 14:30 — эшелон из 36 платформ прибыл со стороны Пинска."
    (seen,) = read(text, PUBLISHED, "ru").sightings
    assert seen.seen_at == datetime(2023, 4, 19, 14, 30)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "Тольятти, 31.05.2019 - Тольятти Онлайн. Поезд ушёл в Самару."),
        ("ru", "Минск, 19 апреля — новости дня. Эшелон прибыл в Брест."),
    ],
)
def test_an_outlet_after_a_dash_is_no_dateline(lang: str, text: str) -> None:
    assert datelines(text, reader_for(lang)) == []

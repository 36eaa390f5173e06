"""A clock time alone after a day told earlier in the report (trial14 T17).

"20 апреля из Гомеля вышли два эшелона. Их заметили в Калинковичах в 21:15.": the second
sentence names no day; its time goes on with the day told last (20 April), so each train
has a sighting at Kalinkovichi at 21:15 that day. A plan or an expectation at a time
("ожидается в 21:15") is no sighting.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from tests._extract_helpers import read

PUBLISHED = date(2023, 4, 21)

SEEN = [
    ("ru", "20 апреля из Гомеля вышли два эшелона. Их заметили в Калинковичах в 21:15."),
    ("be", "20 красавіка з Гомеля выйшлі два эшалоны. Іх заўважылі ў Калінкавічах а 21:15."),
    ("uk", "20 квітня з Гомеля вирушили два ешелони. Їх помітили в Калинковичах о 21:15."),
    ("pl", "20 kwietnia z Homla wyjechały dwa pociągi. Zauważono je w Kalinkowiczach o 21:15."),
    ("en", "On April 20 two trains left Gomel. They were spotted in Kalinkavichy at 21:15."),
    # one train, the time before the place, another verb of seeing
    ("ru", "20 апреля из Гомеля вышел эшелон. В 21:15 эшелон видели в Калинковичах."),
    ("en", "On 20 April a train departed from Gomel. At 21:15 it was seen in Kalinkavichy."),
]


@pytest.mark.parametrize(("lang", "text"), SEEN)
def test_a_time_alone_goes_on_with_the_day_told(lang: str, text: str) -> None:
    result = read(text, PUBLISHED, lang)
    assert result.shipments, text
    for shipment in result.shipments:
        seen = [s for s in result.sightings if s.shipment == shipment.id]
        assert [s.seen_at for s in seen] == [datetime(2023, 4, 20, 21, 15)], text
        assert shipment.departure is not None
        assert shipment.departure.earliest == date(2023, 4, 20)


CLAIMED = [
    ("ru", "20 апреля из Гомеля вышел эшелон. Его прибытие в Калинковичи ожидается в 21:15."),
    ("en", "On April 20 a train left Gomel. It is expected in Kalinkavichy at 21:15."),
    ("be", "20 красавіка з Гомеля выйшаў эшалон. Ён павінен прыбыць у Калінкавічы а 21:15."),
]


@pytest.mark.parametrize(("lang", "text"), CLAIMED)
def test_a_time_of_a_plan_is_no_sighting(lang: str, text: str) -> None:
    result = read(text, PUBLISHED, lang)
    assert result.shipments, text
    assert not [s for s in result.sightings if s.seen_at.hour == 21]


def test_no_day_told_before_keeps_the_time_of_the_report_day() -> None:
    # trial13 T16: with no day told, a same-day post's clock time is of its own day
    result = read("Эшелон прибыл в Брест в 17:30.", PUBLISHED, "ru")
    (shipment,) = result.shipments
    assert shipment.expected_arrival is not None
    assert shipment.expected_arrival.earliest == PUBLISHED

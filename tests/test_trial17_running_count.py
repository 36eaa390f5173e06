"""A train's place in a running count is no new train (trial17 T4).

"Це вже третій ешелон до Лунинця за тиждень" after a train told arriving in Luninets
counted a phantom second train (confidence 0.9, no cars, no day) that a retraction
could even be matched to.
"""

from __future__ import annotations

from datetime import date

import pytest

from railtrack.extract import extract_shipments

COUNTED = [
    ("ru", "Эшелон из 40 вагонов прибыл в Лунинец. Это уже третий эшелон в Лунинец за неделю."),
    ("uk", "Ешелон із 40 вагонів прибув до Лунинця. Це вже третій ешелон до Лунинця за тиждень."),
    ("be", "Эшалон з 40 вагонаў прыбыў у Лунінец. Гэта ўжо трэці эшалон у Лунінец за тыдзень."),
    ("pl", "Pociąg z 40 wagonami przyjechał do Łunińca. To już trzeci pociąg w tym tygodniu."),
    ("en", "A train of 40 cars arrived in Luninets. This is already the third train this week."),
    ("en", "A train of 40 cars arrived in Luninets, already the fifth this month."),
]


@pytest.mark.parametrize(("lang", "text"), COUNTED)
def test_an_ordinal_after_already_counts_the_train_told(lang: str, text: str) -> None:
    result = extract_shipments(text, published=date(2023, 5, 19), lang=lang, network=False)
    assert [s.cars.total for s in result.shipments] == [40]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "ru",
            "Эшелон из 40 вагонов прибыл в Лунинец. Второй эшелон из 30 вагонов прибыл в Брест.",
        ),
        (
            "pl",
            "Pociąg z 40 wagonami przyjechał do Łunińca. Drugi pociąg z 30 wagonami do Brześcia.",
        ),
        (
            "en",
            "A train of 40 cars arrived in Luninets. A second train of 30 cars arrived in Brest.",
        ),
    ],
)
def test_an_ordinal_without_it_still_opens_a_train(lang: str, text: str) -> None:
    result = extract_shipments(text, published=date(2023, 5, 19), lang=lang, network=False)
    assert [s.cars.total for s in result.shipments] == [40, 30]

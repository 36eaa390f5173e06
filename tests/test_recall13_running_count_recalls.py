"""The trains a running count recalls keep the place of the train counted (trial17b T5).

"Сегодня в Брест прибыл ещё один эшелон — 39 вагонов. Это уже третий эшелон за
неделю, первые два прибыли 18 и 20 мая." gave the two recalled trains no destination,
so the 18 May train was not linked to the 18 May post about it and was counted twice.
They arrived in Brest, as the train counted did; a place of their own is kept, and
trains told with no running count take none.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from railtrack.extract import extract_shipments
from railtrack.io import load_reports
from railtrack.network import load_network
from railtrack.pipeline import track
from tests._report_files import write_report

PUB = date(2026, 5, 22)
TEXTS = {
    "ru": (
        "Сегодня в Брест прибыл ещё один эшелон — 39 вагонов. "
        "Это уже третий эшелон за неделю, первые два прибыли {days} мая{own}."
    ),
    "be": (
        "Сёння ў Брэст прыбыў яшчэ адзін эшалон — 39 вагонаў. "
        "Гэта ўжо трэці эшалон за тыдзень, першыя два прыбылі {days} траўня{own}."
    ),
    "uk": (
        "Сьогодні до Бреста прибув ще один ешелон — 39 вагонів. "
        "Це вже третій ешелон за тиждень, перші два прибули {days} травня{own}."
    ),
}
AND = {"ru": "и", "be": "і", "uk": "і"}
OWN = {"ru": " в Осиповичи", "be": " у Асіповічы", "uk": " до Осиповичів"}


def _ends(text: str, lang: str) -> list[tuple[str | None, date | None]]:
    result = extract_shipments(text, published=PUB, lang=lang)
    return [
        (
            s.destination.station_id if s.destination else None,
            s.expected_arrival.earliest if s.expected_arrival else None,
        )
        for s in result.shipments
    ]


@pytest.mark.parametrize("lang", sorted(TEXTS))
@pytest.mark.parametrize("days", [(18, 20), (17, 19)])
def test_recalled_trains_arrived_where_the_counted_one_did(
    lang: str, days: tuple[int, int]
) -> None:
    text = TEXTS[lang].format(days=f"{days[0]} {AND[lang]} {days[1]}", own="")
    got = _ends(text, lang)
    assert got == [
        ("BY-BREST", PUB),
        ("BY-BREST", date(2026, 5, days[0])),
        ("BY-BREST", date(2026, 5, days[1])),
    ]


@pytest.mark.parametrize("lang", sorted(TEXTS))
def test_a_place_of_their_own_is_kept(lang: str) -> None:
    text = TEXTS[lang].format(days=f"18 {AND[lang]} 20", own=OWN[lang])
    assert [d for d, _ in _ends(text, lang)] == ["BY-BREST", "BY-OSIPOVICHI", "BY-OSIPOVICHI"]


def test_trains_told_with_no_running_count_take_no_place() -> None:
    text = "Сегодня в Брест прибыл эшелон — 39 вагонов. Два других эшелона прибыли 18 и 20 мая."
    assert [d for d, _ in _ends(text, "ru")][1:] == [None, None]


@pytest.mark.parametrize("lang", sorted(TEXTS))
def test_a_recalled_train_links_to_the_post_that_told_it(lang: str, tmp_path: Path) -> None:
    earlier = {
        "ru": "Сегодня в Брест прибыл эшелон из 42 вагонов.",
        "be": "Сёння ў Брэст прыбыў эшалон з 42 вагонаў.",
        "uk": "Сьогодні до Бреста прибув ешелон із 42 вагонів.",
    }[lang]
    write_report(tmp_path, "brest-18.txt", earlier, "2026-05-18")
    write_report(
        tmp_path, "week.txt", TEXTS[lang].format(days=f"18 {AND[lang]} 20", own=""), "2026-05-22"
    )
    head = track(load_reports(tmp_path), load_network()).headline()
    assert head["shipments"] == 3  # the 18 May train counted once


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "ru",
            "Сегодня в Брест прибыл ещё один эшелон — 39 вагонов. Это уже третий эшелон за "
            "неделю. Первые два эшелона прибыли 18 и 20 мая.",
        ),
        (
            "uk",
            "Сьогодні до Бреста прибув ще один ешелон — 39 вагонів. Це вже третій ешелон за "
            "тиждень. Перші два ешелони прибули 18 і 20 травня.",
        ),
    ],
)
def test_the_count_may_stand_in_the_sentence_before(lang: str, text: str) -> None:
    assert [d for d, _ in _ends(text, lang)] == ["BY-BREST"] * 3

"""Days counted back from the day the sentence before tells (trial17 T3b, issue 13).

"The train left Brest for Smolensk late on May 17. Two days earlier, a train of 36 cars
arrived in Asipovichy" (published 18 May) gave the arrival no date; "накануне" after a
dated sentence was the day before the report. Both count from the day told just before,
in the five languages; with no day told before, from the report's day.
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

PUB = date(2026, 5, 18)
DATED = {
    "en": "The train left Brest for Smolensk on {d} May.",
    "ru": "{d} мая эшелон отправился из Бреста в Смоленск.",
    "uk": "{d} травня ешелон вирушив з Бреста до Смоленська.",
    "be": "{d} мая эшалон адправіўся з Брэста ў Смаленск.",
    "pl": "{d} maja skład wyjechał z Brześcia do Smoleńska.",
}
ARRIVED = {
    "en": "{w}, a train of 36 cars arrived in Asipovichy.",
    "ru": "{w} эшелон из 36 вагонов прибыл в Осиповичи.",
    "uk": "{w} ешелон із 36 вагонів прибув до Осиповичів.",
    "be": "{w} эшалон з 36 вагонаў прыбыў у Асіповічы.",
    "pl": "{w} skład z 36 wagonami przyjechał do Osipowicz.",
}
# (words, days back)
BACK = {
    "en": [("Two days earlier", 2), ("Three days earlier", 3), ("The day before", 1)],
    "ru": [("Двумя днями ранее", 2), ("За три дня до этого", 3), ("Накануне", 1)],
    "uk": [("За два дні до того", 2), ("Трьома днями раніше", 3), ("Напередодні", 1)],
    "be": [("Двума днямі раней", 2), ("За тры дні да таго", 3), ("Напярэдадні", 1)],
    "pl": [("Dwa dni wcześniej", 2), ("Trzy dni wcześniej", 3), ("Dzień wcześniej", 1)],
}
CASES = [(lang, words, n) for lang, told in BACK.items() for words, n in told]


def _arrival(text: str, lang: str) -> date | None:
    result = extract_shipments(text, published=PUB, lang=lang)
    ends = [s for s in result.shipments if s.destination is not None]
    osipovichi = [s for s in ends if s.destination.station_id == "BY-OSIPOVICHI"]
    assert len(osipovichi) == 1
    window = osipovichi[0].expected_arrival
    if window is None:
        return None
    assert window.earliest == window.latest
    return window.earliest


@pytest.mark.parametrize(("lang", "words", "n"), CASES)
@pytest.mark.parametrize("day", [15, 16])
def test_days_back_count_from_the_day_told_before(lang: str, words: str, n: int, day: int) -> None:
    text = f"{DATED[lang].format(d=day)} {ARRIVED[lang].format(w=words)}"
    assert _arrival(text, lang) == date(2026, 5, day - n)


@pytest.mark.parametrize(("lang", "words", "n"), CASES)
def test_with_no_day_told_before_they_count_from_the_report(lang: str, words: str, n: int) -> None:
    got = _arrival(ARRIVED[lang].format(w=words), lang)
    assert got in (None, date(2026, 5, 18 - n))


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_days_ago_still_count_from_the_report(lang: str) -> None:
    ago = {"ru": "Два дня назад", "en": "Two days ago"}[lang]
    text = f"{DATED[lang].format(d=15)} {ARRIVED[lang].format(w=ago)}"
    assert _arrival(text, lang) == date(2026, 5, 16)


def test_a_recap_told_back_links_to_the_post_of_that_day(tmp_path: Path) -> None:
    """trial17 T3: the Kyiv Independent recap and Hajun's post are one train."""
    write_report(
        tmp_path,
        "hajun.txt",
        "Сёння а 06:40 на станцыю Асіповічы прыбыў вайсковы эшалон з 36 вагонаў.",
        "2026-05-16",
    )
    write_report(
        tmp_path,
        "recap.txt",
        "A train of 40 cars left Brest for Smolensk late on May 17. Two days earlier, "
        "a train of 36 cars arrived in Asipovichy, the group said.",
        "2026-05-18",
        source="Kyiv Independent",
    )
    head = track(load_reports(tmp_path), load_network()).headline()
    assert head["shipments"] == 2  # the Asipovichy train counted once

"""A passenger timetable post gives one problem, not one per sentence (trial18b T10 c).

"Цягнік № 655 Гомель — Мінск сёння адпраўляецца ... У складзе 14 вагонаў ... Пасажыраў
просяць сачыць за аб'явамі." gave three problem lines, one per sentence telling of the
service. One line per report now names all its sentences ("sentences 1 to 3 tell of a
passenger service") and quotes the first.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from railtrack.extract import extract_shipments
from railtrack.io import load_reports
from tests._report_files import write_report

POSTS = {
    "be": (
        "Цягнік № 712 Брэст — Мінск сёння адпраўляецца са станцыі Баранавічы з затрымкай на "
        "30 хвілін. У складзе 12 вагонаў, з іх 3 плацкартныя. Пасажыраў просяць сачыць за "
        "аб'явамі."
    ),
    "ru": (
        "Поезд № 655 Гомель — Минск сегодня отправляется со станции Жлобин с опозданием на 20 "
        "минут. В составе 15 вагонов, из них 5 купейных. Пассажиров просят следить за "
        "объявлениями."
    ),
    "uk": (
        "Поїзд № 655 Гомель — Мінськ сьогодні відправляється зі станції Жлобин із затримкою на "
        "20 хвилин. У складі 15 вагонів, з них 5 купейних. Пасажирів просять стежити за "
        "оголошеннями."
    ),
}
PUBLISHED = date(2026, 8, 14)


def _service_problems(problems: list[str]) -> list[str]:
    return [p for p in problems if "passenger service" in p]


@pytest.mark.parametrize("lang", sorted(POSTS))
def test_a_timetable_post_gives_one_problem(lang: str) -> None:
    result = extract_shipments(POSTS[lang], published=PUBLISHED, lang=lang)
    assert result.shipments == []
    (problem,) = _service_problems(result.problems)
    assert "sentences 1 to 3 tell of a passenger service, not counted as a shipment" in problem
    assert POSTS[lang][:30] in problem  # (the first sentence quoted)


def test_sentences_apart_are_named_each() -> None:
    text = (
        "Поезд № 655 Гомель — Минск сегодня отправляется со станции Жлобин с опозданием на 20 "
        "минут. На улице жарко. Пассажиров поезда № 655 просят следить за объявлениями."
    )
    (problem,) = _service_problems(extract_shipments(text, published=PUBLISHED, lang="ru").problems)
    assert "sentences 1 and 3 tell of a passenger service" in problem


def test_each_post_keeps_its_own_problem(tmp_path: Path) -> None:
    """Negative: one problem per post, not one for every post of a folder."""
    for lang, text in POSTS.items():
        write_report(tmp_path, f"timetable-{lang}.txt", text, "2026-08-14")
    problems = _service_problems([p.message for p in load_reports(tmp_path).problems])
    assert len(problems) == len(POSTS)
    assert all(p.startswith("sentences 1 to 3 tell") for p in problems)

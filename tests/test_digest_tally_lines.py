"""Trial 19 T9: a week's digest names each tally once, on its own line.

"За неделю 2–8 марта через станции Беларуси прошли 6 воинских эшелонов:" over station
lines ("▪️ Барановичи — 2 эшелона (44 и 39 вагонов)", "▪️ Осиповичи — 2 эшелона ...")
counts trains over a week: no train is listed, and each count is a problem line. The
lines were found by their words, so two lines of "2 эшелона" were both named as the
first (a line named twice, another never), and the heading's own count was not named.
Now each tally names the line of its own count, the heading's included, in every
language; a zero-width space before the list does not move the lines.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from railtrack.io import load_reports

WEEKS = {
    "ru": (
        "За неделю 2–8 марта через станции Беларуси прошли 6 воинских эшелонов:\n"
        "▪️ Барановичи — 2 эшелона (44 и 39 вагонов)\n"
        "▪️ Орша — 1 эшелон (47 вагонов)\n"
        "▪️ Калинковичи — 1 эшелон (42 вагона)\n"
        "▪️ Осиповичи — 2 эшелона (50 и 36 вагонов)\n"
        "Всего за неделю — 258 вагонов.\n"
    ),
    "be": (
        "За тыдзень 2–8 сакавіка праз станцыі Беларусі прайшлі 5 вайсковых эшалонаў:\n"
        "▪️ Баранавічы — 2 эшалоны (44 і 39 вагонаў)\n"
        "▪️ Орша — 1 эшалон (47 вагонаў)\n"
        "▪️ Асіповічы — 2 эшалоны (50 і 36 вагонаў)\n"
    ),
    "uk": (
        "За тиждень 2–8 березня через станції Білорусі пройшли 4 військові ешелони:\n"
        "▪️ Барановичі — 1 ешелон (44 вагони)\n"
        "▪️ Орша — 1 ешелон (47 вагонів)\n"
        "▪️ Осиповичі — 2 ешелони (50 і 36 вагонів)\n"
    ),
}


def _notes(tmp_path: Path, lang: str, text: str) -> list[tuple[int | None, str]]:
    path = tmp_path / f"week-{lang}.txt"
    path.write_text(f"source: Гаюн\npublished: 2026-03-09\n\n{text}", encoding="utf-8")
    reports = load_reports(path)
    assert reports.shipments == []
    return [(p.row, p.message) for p in reports.problems if "tally" in p.message]


@pytest.mark.parametrize("lang", sorted(WEEKS))
def test_each_tally_is_named_once_on_its_own_line(tmp_path: Path, lang: str) -> None:
    text = WEEKS[lang]
    notes = _notes(tmp_path, lang, text)
    rows = [row for row, _ in notes]
    # the heading on line 4 of the file, then one line per station (line 5 on)
    stations = [i for i, ln in enumerate(text.splitlines(), 4) if ln.startswith("▪")]
    assert rows == [4, *stations]
    assert len(set(rows)) == len(rows)
    # each note quotes the count of its own line
    lines = text.splitlines()
    for row, message in notes:
        quoted = message.split("'")[1]
        assert quoted in lines[row - 4]


def test_a_format_character_before_the_list_does_not_move_the_lines(tmp_path: Path) -> None:
    text = WEEKS["ru"].replace("▪️ Орша", "▪️ \u200bОрша")
    rows = [row for row, _ in _notes(tmp_path, "ru", text)]
    assert rows == [4, 5, 6, 7, 8]


def test_a_day_digest_lists_trains_and_names_no_tally(tmp_path: Path) -> None:
    text = (
        "За 8 марта через станции Беларуси прошли 3 воинских эшелона:\n"
        "▪️ Барановичи — 2 эшелона (44 и 39 вагонов)\n"
        "▪️ Орша — 1 эшелон (47 вагонов)\n"
    )
    path = tmp_path / "day.txt"
    path.write_text(f"source: Гаюн\npublished: 2026-03-09\n\n{text}", encoding="utf-8")
    reports = load_reports(path)
    assert len(reports.shipments) == 3
    assert not [p for p in reports.problems if "tally" in p.message]

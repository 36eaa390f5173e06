"""Trial 20 T10: a count correction keeps the train's car kinds.

"Поправка: у эшалоне, які ўчора прайшоў праз Оршу, было не 45, а 47 вагонаў." (a
Belarusian post opening with the Russian cue) was read as no correction: the cue was
looked up in the report's own lexicon only. The post then counted as the teller's later
report, whose counts replace the whole set, so the 38 flatcars and 3 covered cars of "45
вагонаў: 38 платформаў ..., 4 пасажырскія і 3 крытыя" were lost. The cue is now read in
every lexicon (:func:`railtrack.extract.corrections.count_corrections`).

With the cue read, the correction fitted two trains: the channel's post and a media relay
of it not yet linked to it (both 45 cars at Orsha that day, the same source), so it was
"a correction of several trains" and corrected none. Of several, the one of the same
teller (source and relaying outlet) is taken (:func:`railtrack.recounts.correction_links`).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from railtrack.extract.corrections import CountCorrection, count_corrections
from railtrack.io import load_reports
from railtrack.network import RailNetwork, load_network
from railtrack.pipeline import track
from tests._report_files import write_report

# (language of the report, a correction whose cue is another language's word, old, new)
FOREIGN_CUE = [
    ("be", "Поправка: у эшалоне, які ўчора прайшоў праз Оршу, было не 45, а 47 вагонаў.", 45, 47),
    ("ru", "Папраўка: в эшелоне, прошедшем вчера через Оршу, было не 45, а 47 вагонов.", 45, 47),
    ("uk", "Уточнение: в ешелоні, що вчора пройшов через Оршу, було не 45, а 47 вагонів.", 45, 47),
    ("pl", "Correction: w pociągu, który wczoraj przejechał przez Orszę, było 47 wagonów, "
     "a nie 45.", 45, 47),
    ("en", "Sprostowanie: the train that passed Orsha yesterday had 47 cars, not 45.", 45, 47),
]  # fmt: skip

_CUES = ("Поправка: ", "Папраўка: ", "Уточнение: ", "Correction: ", "Sprostowanie: ")


@pytest.mark.parametrize(("lang", "text", "old", "new"), FOREIGN_CUE)
def test_a_correction_cue_of_another_language_is_read(
    lang: str, text: str, old: int, new: int
) -> None:
    (fix,) = count_corrections(text, lang)
    assert (fix.old, fix.new) == (old, new)


@pytest.mark.parametrize(("lang", "text", "old", "new"), FOREIGN_CUE)
def test_without_any_cue_nothing_is_corrected(lang: str, text: str, old: int, new: int) -> None:
    """Negative: the same sentence with no cue word of any language corrects nothing."""
    bare = text
    for cue in _CUES:
        bare = bare.replace(cue, "")
    assert bare != text
    assert count_corrections(bare, lang) == []


def test_a_cue_elsewhere_does_not_make_a_figure_a_correction() -> None:
    """Negative: "не 2, а 3 дня" with no cue stays uncorrected whatever the language."""
    for lang in ("ru", "uk", "be"):
        assert count_corrections("Эшелон шёл не 2, а 3 дня.", lang) == []
    fix = count_corrections("Поправка: эшалон ішоў не 2, а 3 дні.", "be")
    assert fix == [CountCorrection(2, 3, "не 2, а 3")]  # a cue is what makes it one


@pytest.fixture(scope="module")
def network() -> RailNetwork:
    """The embedded network."""
    return load_network()


# (language, the channel's post, a media relay of it, the channel's correction)
RELAYED = [
    ("be",
     "Сёння а 11:40 праз станцыю Орша прайшоў эшалон з 45 вагонаў: 38 платформаў з БМП, "
     "4 пасажырскія і 3 крытыя вагоны.",
     "Як паведамляе Гаюн, сёння а 11:40 праз станцыю Орша прайшоў эшалон з 45 вагонаў.",
     "Поправка: у эшалоне, які ўчора прайшоў праз Оршу, было не 45, а 47 вагонаў."),
    ("ru",
     "Сегодня в 11:40 через станцию Орша прошёл эшелон из 45 вагонов: 38 платформ с БМП, "
     "4 пассажирских и 3 крытых вагона.",
     "Как сообщает Гаюн, сегодня в 11:40 через станцию Орша прошёл эшелон из 45 вагонов.",
     "Поправка: в эшелоне, прошедшем вчера через Оршу, было не 45, а 47 вагонов."),
    ("uk",
     "Сьогодні о 11:40 через станцію Орша пройшов ешелон із 45 вагонів: 38 платформ з БМП, "
     "4 пасажирських і 3 критих вагони.",
     "Як повідомляє Гаюн, сьогодні о 11:40 через станцію Орша пройшов ешелон із 45 вагонів.",
     "Уточнення: в ешелоні, що вчора пройшов через Оршу, було не 45, а 47 вагонів."),
    ("pl",
     "Dziś o 11:40 przez stację Orsza przejechał eszelon z 45 wagonami: 38 platform z BWP, "
     "4 pasażerskimi i 3 krytymi wagonami.",
     "Jak podaje Hajun, dziś o 11:40 przez stację Orsza przejechał eszelon z 45 wagonami.",
     "Sprostowanie: w eszelonie, który wczoraj przejechał przez Orszę, było 47 wagonów, "
     "a nie 45."),
    ("en",
     "Today at 11:40 a train of 45 cars passed through Orsha station: 38 flatcars with "
     "IFVs, 4 passenger cars and 3 covered wagons.",
     "According to Hajun, today at 11:40 a train of 45 cars passed through Orsha station.",
     "Correction: the train that passed through Orsha yesterday had 47 cars, not 45."),
]  # fmt: skip


def _write_relayed(folder: Path, post: str, relay: str, fix: str) -> Path:
    write_report(folder, "a.txt", post, "2026-03-06")
    write_report(folder, "z.txt", relay, "2026-03-06", relayed_by="Зеркало")
    write_report(folder, "b.txt", fix, "2026-03-07")
    return folder


@pytest.mark.parametrize(("lang", "post", "relay", "fix"), RELAYED)
def test_a_correction_of_a_relayed_post_corrects_the_post_and_keeps_its_kinds(
    tmp_path: Path, network: RailNetwork, lang: str, post: str, relay: str, fix: str
) -> None:
    result = track(load_reports(_write_relayed(tmp_path, post, relay, fix)), network)
    assert result.shipments["id"].tolist() == ["a-t1"]
    (row,) = result.shipments.to_dict("records")
    counts = (row["cars_total"], row["cars_flat"], row["cars_passenger"], row["cars_covered"])
    assert counts == (47, 38, 4, 3)
    said = [p.message for p in result.problems if "a correction, which gives" in p.message]
    assert said == ["train 'a-t1' is told by 'b-t1' too, a correction, which gives "
                    "cars_total 47, not 45: 47 taken"]  # fmt: skip


def test_a_correction_fitting_two_posts_of_its_own_channel_corrects_neither(
    tmp_path: Path, network: RailNetwork
) -> None:
    """Negative: two posts of the channel itself fit: which one it corrects is not clear."""
    _, post, _, fix = RELAYED[1]
    write_report(tmp_path, "a.txt", post, "2026-03-06")
    other = post.replace("11:40", "19:10").replace("38 платформ с БМП", "38 платформ с танками")
    write_report(tmp_path, "c.txt", other, "2026-03-06")
    write_report(tmp_path, "b.txt", fix, "2026-03-07")
    result = track(load_reports(tmp_path), network)
    assert sorted(result.shipments["cars_total"].tolist()) == [45, 45]
    assert any("several trains of 45 cars" in p.message for p in result.problems)

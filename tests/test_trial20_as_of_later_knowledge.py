"""Trial 20 T4: a look-back uses only what was published by the as-of cut.

``track --as-of 2023-03-08`` applied a retraction posted on 9 March (the train was
marked retracted and left out of the totals), and every problem stayed, those about
posts of 9 March too: the briefing "as of 8 March" knew the future. Now
:func:`railtrack.knowledge.cut_off` undoes a retraction mark published after the
as-of day and leaves out each problem whose report (or, for a retraction's problems,
whose retraction) was published after it; a problem of no dated report stays.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from _telegram_exports import Msg, at, chat_object, json_message, write_json

from railtrack.io import load_reports
from railtrack.knowledge import cut_off
from tests._report_files import write_report

_RETRACTION = {  # of a train told arriving at Brest on 20 May
    "ru": "Опровержение: информация о прибытии эшелона в Брест 20 мая не подтвердилась.",
    "uk": "Спростування: інформація про прибуття ешелону до Бреста 20 травня не підтвердилася.",
    "be": "Абвяржэнне: інфармацыя пра прыбыццё эшалона ў Брэст 20 мая не пацвердзілася.",
    "pl": "Sprostowanie: informacja o przybyciu eszelonu do Brześcia 20 maja nie potwierdziła się.",
    "en": "Correction: the report of a train arriving in Brest on 20 May was not confirmed.",
}
_TOLD = "Сегодня в Брест прибыл эшелон из 40 вагонов."


def _retracting(problem: Any) -> bool:
    return "retract" in problem.message


def _folder(tmp_path: Path, lang: str) -> Path:
    write_report(tmp_path, "a.txt", _TOLD, "2026-05-20", source="H")
    write_report(tmp_path, "r.txt", _RETRACTION[lang], "2026-05-22", source="H")
    (tmp_path / "log.csv").write_text(  # a table row's problem: no report dates it
        "id,origin,destination,departure,cars_total,source\nt9,Slonim,Brest,2026-05-10,forty?,H\n",
        encoding="utf-8",
    )
    return tmp_path


@pytest.mark.parametrize("lang", sorted(_RETRACTION))
def test_a_retraction_published_after_the_as_of_is_not_applied(tmp_path: Path, lang: str) -> None:
    reports = load_reports(_folder(tmp_path, lang))
    (told,) = [s for s in reports.shipments if s.id == "a-t1"]
    assert told.retracted_on is not None  # the load applies it
    assert sum(_retracting(p) for p in reports.problems) >= 2

    known, knowledge = cut_off(reports, "2026-05-21")
    (then,) = [s for s in known.shipments if s.id == "a-t1"]
    assert then.retracted_by is None
    assert then.retracted_on is None
    assert knowledge.retractions_after == 1
    assert not [p for p in known.problems if _retracting(p)]
    assert not [p for p in known.problems if Path(p.path).name == "r.txt"]
    assert knowledge.problems_after == len(reports.problems) - len(known.problems) > 0
    assert "retracted after that date counted" in knowledge.note()
    # the table row's problem belongs to no dated report: it stays
    assert [p.row for p in known.problems if p.path.endswith("log.csv")] == [2]


@pytest.mark.parametrize("lang", sorted(_RETRACTION))
def test_on_the_retraction_day_it_is_applied(tmp_path: Path, lang: str) -> None:
    reports = load_reports(_folder(tmp_path, lang))
    for as_of in ("2026-05-22", "2026-06-01", None):
        known, knowledge = cut_off(reports, as_of)
        (then,) = [s for s in known.shipments if s.id == "a-t1"]
        assert then.retracted_by == "H", as_of
        assert knowledge.retractions_after == 0
        assert known.problems == reports.problems
        assert "retracted after" not in knowledge.note()


def test_a_problem_of_a_text_report_published_later_is_left_out(tmp_path: Path) -> None:
    write_report(tmp_path, "a.txt", _TOLD, "2026-05-20", source="H")
    # a header line the reader cannot read: a problem of this report, published 25 May
    (tmp_path / "b.txt").write_text(
        "source: H\npublished: 2026-05-25\nwhen: soon\n\n"
        "Сегодня в Гомель прибыл эшелон из 30 вагонов.\n",
        encoding="utf-8",
    )
    reports = load_reports(tmp_path)
    later = [p for p in reports.problems if p.path.endswith("b.txt")]
    assert later
    assert all(p in cut_off(reports, "2026-05-25")[0].problems for p in later)
    assert not [p for p in cut_off(reports, "2026-05-24")[0].problems if p.path.endswith("b.txt")]


_BARANAVICHY = "Сёння на станцыю Баранавічы прыбыў эшалон з 36 вагонаў з Бранска."
_DENIAL = "Абвяржэнне: звесткі пра эшалон у Баранавічы не пацвердзіліся."


def _export(folder: Path) -> Path:
    told = Msg(104, _BARANAVICHY, at(8, 10))
    denial = json_message(Msg(105, _DENIAL, at(9, 11)), "Гаюн", 1549397001)
    denial["reply_to_message_id"] = 104
    doc = chat_object([told], name="Гаюн", chat_id=1549397001)
    doc["messages"].append(denial)
    return write_json(folder / "result.json", doc)


def test_a_reply_retraction_posted_the_next_day_is_not_known_the_day_before(
    tmp_path: Path,
) -> None:
    reports = load_reports(_export(tmp_path))
    (told,) = reports.shipments
    assert told.retracted_by is not None
    assert {p.row for p in reports.problems if _retracting(p)} == {104, 105}

    known, knowledge = cut_off(reports, "2023-03-08")
    assert known.shipments[0].retracted_by is None
    assert knowledge.retractions_after == 1
    assert not [p for p in known.problems if _retracting(p)]
    # the train's own post (8 March) is known: only what the reply says is left out
    assert knowledge.shipments_after == 0

    at_time, _ = cut_off(reports, "2023-03-09 07:00")  # 08:00 UTC posted; not yet
    assert not [p for p in at_time.problems if _retracting(p)]
    after, _ = cut_off(reports, "2023-03-09 08:00")
    assert {p.row for p in after.problems if _retracting(p)} == {104, 105}


def test_the_dask_engine_also_counts_the_train_before_its_retraction(
    client: Any, tmp_path: Path
) -> None:
    from typer.testing import CliRunner

    from railtrack.cli import app
    from railtrack.engine_dask import track_converted
    from railtrack.network import load_network
    from railtrack.pipeline import track
    from tests._engines import assert_engines_agree

    folder = _folder(tmp_path / "in", "ru")
    out = tmp_path / "season"
    CliRunner().invoke(app, ["convert", str(folder), "--out", str(out)])
    network = load_network()
    for as_of, retracted in (("2026-05-21", False), ("2026-05-22", True), (None, True)):
        default = track(load_reports(folder), network, as_of=as_of)
        on_dask = track_converted(out, network, client, as_of=as_of)
        if retracted:
            assert_engines_agree(default, on_dask)
        else:  # the Dask engine still keeps every problem (left: a converted
            # folder's problems carry no publication); its figures agree
            first, second = (
                {k: v for k, v in r.headline().items() if k != "problems"}
                for r in (default, on_dask)
            )
            assert first == second
            pd.testing.assert_frame_equal(
                default.shipments.reset_index(drop=True), on_dask.shipments, check_dtype=False
            )
        marks = default.shipments.set_index("id")["retracted_by"]
        assert pd.notna(marks["a-t1"]) is retracted, as_of

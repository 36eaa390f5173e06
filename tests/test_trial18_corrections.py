"""Trial 18 T1: a train whose count a separate post corrects vanished, silently.

"Уточнение к посту о Кричеве: ... было не 45, а 49 вагонов", posted the same day as
the train's own post, was ranked equal to it and won on its id: the correcting
record (``corrects_only``) became the kept train of the pair, then
:func:`railtrack.recounts.correction_links` linked it to the train kept for the
original, itself. Both records were dropped: no train, no problem, exit 0. A record
that only corrects is never the kept train now (:func:`railtrack.relays.keep_rank`,
the candidates' rank): the original post is, with the corrected count and a problem
line that says so; and a correction is never linked to itself.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from railtrack.io import load_reports
from railtrack.models import CarCounts, Shipment, Source
from railtrack.network import RailNetwork, load_network
from railtrack.pipeline import track
from railtrack.recounts import correction_links
from railtrack.relays import keep_rank
from railtrack.settings import DEFAULT_SETTINGS
from tests._engines import assert_engines_agree
from tests._report_files import write_report as _write


@pytest.fixture(scope="module")
def network() -> RailNetwork:
    """The embedded network."""
    return load_network()


# (the train's own post, a same-day post correcting its count, old count, new count)
_SAME_DAY = {
    "ru": (
        "#Кричев\nВчера поздно вечером со станции Кричев-1 в направлении Орши отправился "
        "эшелон из 45 вагонов, в том числе 30 платформ с танками Т-72.",
        "Уточнение к посту о Кричеве: в эшелоне, отправившемся вчера в сторону Орши, было "
        "не 45, а 49 вагонов.",
        45,
        49,
    ),
    "be": (
        "🔴 Ліда\nСёння ўначы на станцыю Ліда прыбыў эшалон з 39 вагонаў з бронетэхнікай з "
        "боку Гродна.",
        "Папраўка: у эшалоне, які прыбыў сёння ўначы ў Ліду, было не 39, а 43 вагоны.",
        39,
        43,
    ),
    "uk": (
        "Учора ввечері зі станції Калинковичі в напрямку Гомеля відправився ешелон із 36 вагонів.",
        "Уточнення: в ешелоні, що відправився вчора в бік Гомеля, було не 36, а 40 вагонів.",
        36,
        40,
    ),
    "pl": (
        "Wczoraj wieczorem do Baranowicz przybył pociąg wojskowy z 50 wagonami.",
        "Sprostowanie: w pociągu, który przybył wczoraj do Baranowicz, było 52 wagony, a nie 50.",
        50,
        52,
    ),
    "en": (
        "Last night a military train of 44 cars arrived at Luninets station.",
        "Correction: the train that arrived in Luninets last night had 47 cars, not 44.",
        44,
        47,
    ),
}


def _same_day(folder: Path, post: str, fix: str) -> Path:
    # the correction's file name sorts first: of two equal records, the id decided
    _write(folder, "a-fix.txt", fix, "2026-06-10", source="Hajun")
    _write(folder, "b-post.txt", post, "2026-06-10", source="Hajun")
    return folder


def _corrected(result: Any) -> list[str]:
    return [p.message for p in result.problems if "a correction, which gives" in p.message]


@pytest.mark.parametrize("lang", sorted(_SAME_DAY))
def test_a_same_day_correction_keeps_the_original_post_as_the_train(
    tmp_path: Path, network: RailNetwork, lang: str
) -> None:
    post, fix, old, new = _SAME_DAY[lang]
    result = track(load_reports(_same_day(tmp_path, post, fix)), network)
    assert result.shipments["report"].tolist() == ["b-post"]
    assert result.shipments["cars_total"].tolist() == [new]
    assert result.headline()["cars_total"] == new
    assert result.relays[["report", "train"]].values.tolist() == [["a-fix", "b-post-t1"]]
    (said,) = _corrected(result)
    assert f"gives cars_total {new}, not {old}: {new} taken" in said


def test_the_kept_post_keeps_its_own_facts(tmp_path: Path, network: RailNetwork) -> None:
    post, fix, _, _ = _SAME_DAY["ru"]
    result = track(load_reports(_same_day(tmp_path, post, fix)), network)
    (row,) = result.shipments.to_dict("records")
    assert (row["cars_total"], row["cars_flat"]) == (49, 30)


def test_no_train_is_dropped_silently(tmp_path: Path, network: RailNetwork) -> None:
    """Every relay link names a train that is kept, or is a correction with its problem."""
    for lang, (post, fix, _, _) in _SAME_DAY.items():
        _write(tmp_path, f"{lang}-a-fix.txt", fix, "2026-06-10", source="Hajun")
        _write(tmp_path, f"{lang}-b-post.txt", post, "2026-06-10", source="Hajun")
    result = track(load_reports(tmp_path), network)
    kept = set(result.shipments["id"])
    assert len(kept) == len(_SAME_DAY)
    assert set(result.relays["train"]) <= kept


def test_a_same_day_correction_of_no_train_is_still_no_train(
    tmp_path: Path, network: RailNetwork
) -> None:
    """Negative: a correction naming no train told is no train, with its problem."""
    post, _, _, _ = _SAME_DAY["ru"]
    _, fix, _, _ = _SAME_DAY["pl"]  # corrects a train at Baranovichi no report told
    result = track(load_reports(_same_day(tmp_path, post, fix)), network)
    assert result.shipments["report"].tolist() == ["b-post"]
    assert result.shipments["cars_total"].tolist() == [45]
    said = [p.message for p in result.problems if "corrects a count" in p.message]
    assert len(said) == 1
    assert "report 'a-fix'" in said[0]
    assert "no train of 50 cars" in said[0]
    assert not _corrected(result)


def test_a_reply_correcting_its_post_still_corrects_it(
    tmp_path: Path, network: RailNetwork
) -> None:
    """The Telegram export case: 7002 replies to 7001; 7001 is kept, with 46 cars."""
    hajun = "Беларускі Гаюн"
    messages = [
        {
            "id": 7001,
            "type": "message",
            "date": "2026-06-12T06:05:00",
            "date_unixtime": "1781233500",
            "from": hajun,
            "text": [
                {"type": "bold", "text": "Асіповічы"},
                "\n\nСёння а 05:50 на станцыю прыбыў эшалон з 42 вагонаў з тэхнікай.",
            ],
        },
        {
            "id": 7002,
            "type": "message",
            "date": "2026-06-12T08:30:00",
            "date_unixtime": "1781242200",
            "from": hajun,
            "reply_to_message_id": 7001,
            "text": "Папраўка да папярэдняга паведамлення: у эшалоне, які прыбыў сёння ў "
            "Асіповічы, было не 42, а 46 вагонаў.",
        },
    ]
    doc = {"name": hajun, "type": "public_channel", "id": 1549397001, "messages": messages}
    (tmp_path / "result.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    result = track(load_reports(tmp_path), network)
    assert result.shipments["id"].tolist() == ["tg-1549397001-7001-t1"]
    assert result.shipments["cars_total"].tolist() == [46]
    assert len(_corrected(result)) == 1


def test_a_record_that_only_corrects_ranks_last() -> None:
    src = Source(reporter="Hajun")
    post = Shipment(id="b-t1", cars=CarCounts(total=45), source=src)
    fix = Shipment(id="a-t1", cars=CarCounts(total=49), corrects_only=True, source=src)
    plan = Shipment(id="c-t1", claim="planned", credibility=6, source=src)
    assert keep_rank(post) < keep_rank(fix)
    assert keep_rank(plan) < keep_rank(fix)


def test_a_correction_is_never_linked_to_itself() -> None:
    """The original already dropped for the correcting row: no self-link, no 'no train'."""
    ships = pd.DataFrame(
        {
            "id": ["a-t1", "b-t1"],
            "report": ["a", "b"],
            "source": ["Hajun", "Hajun"],
            "published": ["2023-05-16", "2023-05-16"],
            "origin_station_id": [None, None],
            "destination_station_id": ["BY-GOMEL", "BY-GOMEL"],
            "via_station_ids": ["BY-ZHLOBIN", "BY-ZHLOBIN"],
            "departure_earliest": [None, None],
            "departure_latest": [None, None],
            "arrival_earliest": [None, None],
            "arrival_latest": [None, None],
            "cars_total": [33, 30],
            "corrects_only": [True, False],
            "note": ["count corrected: 33, not 30 (33, а не 30) of an earlier report", None],
        }
    )
    assert correction_links(ships, [], DEFAULT_SETTINGS) == [(0, 1, "correction")]
    assert correction_links(ships, [(1, 0, "arrival")], DEFAULT_SETTINGS) == []


def test_dask_engine_keeps_the_same_post(client: Any, tmp_path: Path, network: RailNetwork) -> None:
    from railtrack.engine_dask import track_converted

    for lang in ("ru", "be"):
        post, fix, _, _ = _SAME_DAY[lang]
        _write(tmp_path, f"{lang}-a-fix.txt", fix, "2026-06-10", source="Hajun")
        _write(tmp_path, f"{lang}-b-post.txt", post, "2026-06-10", source="Hajun")
    reports = load_reports(tmp_path)
    default = track(reports, network)
    on_dask = track_converted(reports, network, client)
    assert_engines_agree(default, on_dask)
    assert sorted(on_dask.shipments["cars_total"].tolist()) == [43, 49]
    assert sorted(p.message for p in default.problems) == sorted(
        p.message for p in on_dask.problems
    )

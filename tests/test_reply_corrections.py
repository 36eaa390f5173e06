"""Trial 19 T4: a reply that corrects a count and names no place corrects the post it answers.

"Папраўка: у эшалоне было не 40, а 42 вагоны." (``reply_to_message_id`` the post of a
40-car train) was read as a text naming a train that no shipment was read from, and
the 40 kept; "Папраўка: вагонаў было 42, а не 40." said nothing at all. A reply is
about the post it answers: the train takes the corrected count with the usual problem
line ("... a correction, which gives cars_total 42, not 40: 42 taken"), whichever
wording corrects it ("не X, а Y", "Y, а не X", "nie X, a Y", "Y, a nie X", "not X but
Y", "Y, not X": each lexicon's ``correction_swap``). A reply that corrects a count the
post never told says so; a reply that corrects nothing is left as it was.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from railtrack.io import load_reports
from railtrack.network import RailNetwork, load_network
from railtrack.pipeline import track
from tests._engines import assert_engines_agree

HAJUN = "Беларускі Гаюн"

# (language, the train's post, the reply correcting it, old count, new count)
REPLIES = [
    ("be", "Сёння а 02:30 на станцыю прыбыў вайсковы эшалон з 40 вагонаў з бранятэхнікай.",
     "Папраўка: у эшалоне было не 40, а 42 вагоны.", 40, 42),
    ("be", "Сёння а 02:30 на станцыю прыбыў вайсковы эшалон з 40 вагонаў з бранятэхнікай.",
     "Папраўка: вагонаў было 42, а не 40.", 40, 42),
    ("ru", "Сегодня в 02:30 на станцию прибыл воинский эшелон из 38 вагонов с техникой.",
     "Поправка: в эшелоне было не 38, а 41 вагон.", 38, 41),
    ("ru", "Сегодня в 02:30 на станцию прибыл воинский эшелон из 38 вагонов с техникой.",
     "Уточнение: вагонов было 41, а не 38.", 38, 41),
    ("uk", "Сьогодні о 02:30 на станцію прибув військовий ешелон із 36 вагонів з технікою.",
     "Уточнення: вагонів було 39, а не 36.", 36, 39),
    ("pl", "Dziś o 02:30 na stację przybył pociąg wojskowy z 50 wagonami ze sprzętem.",
     "Sprostowanie: wagonów było nie 50, a 52.", 50, 52),
    ("en", "Today at 02:30 a military train of 44 cars with armour arrived at the station.",
     "Correction: there were 47 cars, not 44.", 44, 47),
]  # fmt: skip

_HEADS = {"be": "Калінкавічы", "ru": "Калинковичи", "uk": "Калинковичі", "pl": "Kalinkowicze",
          "en": "Kalinkovichi"}  # fmt: skip


@pytest.fixture(scope="module")
def network() -> RailNetwork:
    """The embedded network."""
    return load_network()


def _export(folder: Path, lang: str, post: str, reply: str) -> Path:
    messages = [
        {
            "id": 9402,
            "type": "message",
            "date": "2026-03-05T03:05:00",
            "date_unixtime": "1772669100",
            "from": HAJUN,
            "text": [{"type": "bold", "text": _HEADS[lang]}, f"\n\n{post}"],
        },
        {
            "id": 9403,
            "type": "message",
            "date": "2026-03-05T04:10:00",
            "date_unixtime": "1772673000",
            "from": HAJUN,
            "reply_to_message_id": 9402,
            "text": reply,
        },
    ]
    doc = {"name": HAJUN, "type": "public_channel", "id": 1549397001, "messages": messages}
    (folder / "result.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return folder


def _corrected(result: Any) -> list[str]:
    return [p.message for p in result.problems if "a correction, which gives" in p.message]


@pytest.mark.parametrize(("lang", "post", "reply", "old", "new"), REPLIES)
def test_a_reply_naming_no_place_corrects_the_post_it_answers(
    tmp_path: Path, network: RailNetwork, lang: str, post: str, reply: str, old: int, new: int
) -> None:
    result = track(load_reports(_export(tmp_path, lang, post, reply)), network)
    assert result.shipments["id"].tolist() == ["tg-1549397001-9402-t1"]
    assert result.shipments["cars_total"].tolist() == [new]
    (said,) = _corrected(result)
    assert f"gives cars_total {new}, not {old}: {new} taken" in said
    assert not any("no shipment was read" in p.message for p in result.problems)


def test_a_reply_correcting_a_count_the_post_never_told_says_so(
    tmp_path: Path, network: RailNetwork
) -> None:
    _, post, _, _, _ = REPLIES[0]
    reply = "Папраўка: вагонаў было 38, а не 36."
    result = track(load_reports(_export(tmp_path, "be", post, reply)), network)
    assert result.shipments["cars_total"].tolist() == [40]
    said = [p.message for p in result.problems if "correcting a count" in p.message]
    assert len(said) == 1
    assert "38, not 36" in said[0]
    assert "no train of that message had 36 cars" in said[0]


@pytest.mark.parametrize(
    "reply",
    ["Дзякуй за фота!", "Эшалон ішоў не 2, а 3 дні.", "Папраўка: фота зроблена ўчора."],
)
def test_a_reply_that_corrects_no_count_changes_nothing(
    tmp_path: Path, network: RailNetwork, reply: str
) -> None:
    _, post, _, _, _ = REPLIES[0]
    result = track(load_reports(_export(tmp_path, "be", post, reply)), network)
    assert result.shipments["cars_total"].tolist() == [40]
    assert not _corrected(result)
    assert not any("correcting a count" in p.message for p in result.problems)


def test_dask_engine_agrees(client: Any, tmp_path: Path, network: RailNetwork) -> None:
    from railtrack.engine_dask import track_converted

    _, post, reply, _, new = REPLIES[0]
    reports = load_reports(_export(tmp_path, "be", post, reply))
    default = track(reports, network)
    on_dask = track_converted(reports, network, client)
    assert_engines_agree(default, on_dask)
    assert on_dask.shipments["cars_total"].tolist() == [new]
    assert sorted(p.message for p in default.problems) == sorted(
        p.message for p in on_dask.problems
    )

"""Trial 19b T3: a retraction naming the place in any case form, or by reply, is applied.

"Уточнение по Слуцку: эшелон, о котором мы писали вчера, оказался обычным грузовым
поездом." and "эшелон в Слуцке оказался ..." told no route, so no retracted train was
read and the Slutsk train stayed counted, while the problem line read as if the
retraction was done. The place after a preposition (по/в/у/па/w/in: each lexicon's
``retraction_place``) now names where the retracted train was; a reply
(``reply_to_message_id``) retracts the train of the post it answers, whatever it names;
a retraction bound to no train says plainly it is NOT applied.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from railtrack.io import load_reports

HAJUN = "Беларускі Гаюн"
TOLD = "Сёння ўдзень на станцыю Слуцк прыбыў эшалон з 33 вагонаў з вайсковай тэхнікай."
TRAIN = "tg-1549397001-12025-t1"


def _export(folder: Path, retraction: str, *, reply: bool = False) -> Path:
    later: dict[str, object] = {
        "id": 12031,
        "type": "message",
        "date": "2026-04-13T10:00:00",
        "date_unixtime": "1776063600",
        "from": HAJUN,
        "text": retraction,
    }
    if reply:
        later["reply_to_message_id"] = 12025
    messages = [
        {
            "id": 12025,
            "type": "message",
            "date": "2026-04-12T16:30:00",
            "date_unixtime": "1776000600",
            "from": HAJUN,
            "text": f"Слуцк\n\n{TOLD}",
        },
        later,
    ]
    doc = {"name": HAJUN, "type": "public_channel", "id": 1549397001, "messages": messages}
    (folder / "result.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return folder


def _marked(folder: Path) -> tuple[list[str | None], list[str]]:
    reports = load_reports(folder)
    return [s.retracted_by for s in reports.shipments], [p.message for p in reports.problems]


@pytest.mark.parametrize(
    "retraction",
    [
        "Уточнение по Слуцку: эшелон, о котором мы писали вчера, оказался обычным грузовым "
        "поездом. Приносим извинения.",
        "Уточнение: эшелон в Слуцке оказался обычным грузовым поездом.",
        "Удакладненне па Слуцку: эшалон, пра які мы пісалі ўчора, аказаўся звычайным "
        "грузавым цягніком.",
        "Эшалон у Слуцку аказаўся звычайным грузавым цягніком.",
        "Sprostowanie: pociąg w Słucku okazał się zwykłym pociągiem towarowym.",
        "Correction: the train in Slutsk turned out to be an ordinary freight train.",
    ],
)
def test_a_retraction_naming_the_place_in_any_case_form_is_applied(
    tmp_path: Path, retraction: str
) -> None:
    marked, said = _marked(_export(tmp_path, retraction))
    assert marked == [HAJUN]
    assert any(f"fits train {TRAIN}" in m and "marked retracted" in m for m in said)
    assert not any("NOT applied" in m for m in said)


@pytest.mark.parametrize(
    "retraction",
    [
        "Уточнение: эшелон, о котором мы писали вчера, оказался обычным грузовым поездом.",
        "Папраўка: эшалон аказаўся звычайным грузавым цягніком.",
        # a place of its own too: the reply binds all the same
        "Уточнение по Слуцку: эшелон, о котором мы писали вчера, оказался обычным "
        "грузовым поездом.",
    ],
)
def test_a_retraction_by_reply_retracts_the_train_it_answers(
    tmp_path: Path, retraction: str
) -> None:
    marked, said = _marked(_export(tmp_path, retraction, reply=True))
    assert marked == [HAJUN]
    assert any(f"replies to message 12025 and retracts its train {TRAIN}" in m for m in said)
    assert any(m.startswith(f"train {TRAIN} is retracted by message 12031") for m in said)


@pytest.mark.parametrize(
    ("retraction", "plainly"),
    [
        # no place and no reply: nothing to bind it to
        ("Уточнение: эшелон, о котором мы писали вчера, оказался обычным грузовым поездом.",
         "so it is NOT applied"),
        # another place: no train of it
        ("Уточнение по Орше: эшелон, о котором мы писали вчера, оказался обычным грузовым "
         "поездом.", "NOT applied, nothing to strike"),
    ],
)  # fmt: skip
def test_a_retraction_bound_to_no_train_says_it_is_not_applied(
    tmp_path: Path, retraction: str, plainly: str
) -> None:
    marked, said = _marked(_export(tmp_path, retraction))
    assert marked == [None]
    assert any(plainly in m for m in said)

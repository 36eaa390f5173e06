"""Trial 18 T9: a channel with no known zone and no ``--tz`` whose clock times are off.

"Сегодня в 00:50" posted at 01:10 Minsk time (22:10 UTC the day before), read against
the post's UTC day, lands 21 hours before the post: a sign the channel's zone is
missing, said in one problem per channel ("channel X has no time zone: times read as
UTC; give --tz").
"""

from __future__ import annotations

from pathlib import Path

import pytest

from railtrack.io.telegram import read_telegram_file
from railtrack.zones import parse_zone
from tests._telegram_exports import Msg, at, chat_object, write_json

_AFTER_MIDNIGHT = {
    "ru": "Брянск\nСегодня в 00:50 на станцию Брянск-Орловский прибыл воинский эшелон из 47 "
    "вагонов.",
    "uk": "Сьогодні о 00:40 на станцію Мозир прибув ешелон із 40 вагонів.",
    "be": "Сёння а 00:30 на станцыю Асіповічы прыбыў эшалон з 30 вагонаў.",
    "pl": "Dziś o 00:30 na stację Brześć przyjechał pociąg z 30 wagonami.",
}


def _problems(tmp_path: Path, messages: list[Msg], name: str = "Рельсовый дозор", **kw: object):
    path = write_json(tmp_path / "result.json", chat_object(messages, name=name))
    part = read_telegram_file(path, network=None, **kw)  # type: ignore[arg-type]
    return [p for p in part.problems if "has no time zone" in p.message]


@pytest.mark.parametrize("lang", sorted(_AFTER_MIDNIGHT))
def test_a_time_hours_before_the_post_says_the_zone_is_missing(tmp_path: Path, lang: str) -> None:
    (problem,) = _problems(tmp_path, [Msg(502, _AFTER_MIDNIGHT[lang], at(21, 1, 10))])
    assert problem.row == 502
    assert "channel 'Рельсовый дозор' has no time zone: times read as UTC; give --tz" in (
        problem.message
    )
    assert " h before the post" in problem.message


def test_the_channel_is_named_once(tmp_path: Path) -> None:
    messages = [
        Msg(7, _AFTER_MIDNIGHT["uk"], at(21, 1, 5)),
        Msg(8, _AFTER_MIDNIGHT["ru"], at(22, 1)),
    ]
    (problem,) = _problems(tmp_path, messages)
    assert problem.row == 7


@pytest.mark.parametrize(
    ("text", "kw", "name"),
    [
        (_AFTER_MIDNIGHT["ru"], {"tz": parse_zone("Europe/Minsk")}, "Рельсовый дозор"),
        (_AFTER_MIDNIGHT["be"], {}, "Беларускі Гаюн"),  # a known channel: its zone
        (
            "Сегодня в 09:00 на станцию Осиповичи прибыл эшелон из 30 вагонов.",
            {},
            "Рельсовый дозор",
        ),
    ],
)
def test_a_zone_given_or_a_time_that_fits_says_nothing(
    tmp_path: Path, text: str, kw: dict[str, object], name: str
) -> None:
    assert not _problems(tmp_path, [Msg(9, text, at(21, 14, 0))] if "09:00" in text
                         else [Msg(9, text, at(21, 1, 10))], name=name, **kw)  # fmt: skip

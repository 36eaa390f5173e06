"""A new user's trial (trial13 C3): the briefing's headline names up to three origins.

A headline for trains from three stations names the three ("from Gomel, Mozyr and
Smolensk-Tsentralny"), not their countries; more than three are given by country.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from railtrack import load_network, load_reports
from railtrack.briefing_html import _headline
from railtrack.network import RailNetwork
from railtrack.pipeline import track

_FROM = ["Гомеля", "Мозыря", "Смоленска", "Орши"]


@pytest.fixture(scope="module")
def network() -> RailNetwork:
    return load_network()


def _posts(folder: Path, origins: list[str]) -> None:
    for day, origin in enumerate(origins, start=10):
        (folder / f"{day}.txt").write_text(
            f"source: Hajun\npublished: 2023-04-{day}\nurl: https://t.me/Hajun_BY/{day}\n\n"
            f"{day} апреля на станцию Брест прибыл эшелон из {origin}: 40 вагонов.\n",
            encoding="utf-8",
        )


def test_three_origins_are_named_as_stations(tmp_path: Path, network: RailNetwork) -> None:
    _posts(tmp_path, _FROM[:3])
    result = track(load_reports(tmp_path), network)
    said = _headline(result, ("10 Apr 2023", "12 Apr 2023"), "12 Apr 2023")
    head = said.split(" to ")[0]
    assert "Belarus" not in head
    assert "Russia" not in head
    assert all(name in head for name in ("Gomel", "Mozyr", "Smolensk")), said


def test_four_origins_are_given_by_country(tmp_path: Path, network: RailNetwork) -> None:
    _posts(tmp_path, _FROM)
    result = track(load_reports(tmp_path), network)
    said = _headline(result, ("10 Apr 2023", "13 Apr 2023"), "13 Apr 2023")
    assert "from Belarus and Russia" in said, said

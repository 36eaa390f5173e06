"""Trial 17 T7: "со стороны X / з боку X / od strony X / from the direction of X" is a direction.

For Hajun it names the line the train came in on, not where it was loaded: the origin
is kept, marked ``origin_direction``, shown in the briefing as "from the direction of
X", and it does not block linking with a report naming the real origin on that line,
whose origin the kept train then takes.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from railtrack.briefing import write_outputs
from railtrack.extract import extract_shipments
from railtrack.io import load_reports
from railtrack.network import RailNetwork, load_network
from railtrack.pipeline import track
from tests._report_files import write_report


@pytest.fixture(scope="module")
def network() -> RailNetwork:
    """The embedded network."""
    return load_network()


_SIDES = [
    ("be", "Сёння на станцыю Асіповічы прыбыў эшалон з 36 вагонаў. Эшалон прыбыў з боку Магілёва."),
    ("ru", "Сегодня на станцию Осиповичи прибыл эшелон из 36 вагонов со стороны Могилева."),
    ("uk", "Сьогодні на станцію Осиповичі прибув ешелон з 36 вагонів з боку Могильова."),
    ("pl", "Dziś na stację Osipowicze przyjechał pociąg z 36 wagonami od strony Mohylewa."),
    ("en", "Today a train of 36 cars arrived in Asipovichy from the direction of Mogilev."),
]


@pytest.mark.parametrize(("lang", "text"), _SIDES)
def test_the_side_is_an_origin_marked_as_a_direction(
    lang: str, text: str, network: RailNetwork
) -> None:
    (ship,) = extract_shipments(text, published="2023-05-16", lang=lang, network=network).shipments
    assert ship.origin is not None
    assert ship.origin.station == "Mogilev-I"
    assert ship.origin_direction


@pytest.mark.parametrize(
    ("lang", "text", "station"),
    [
        ("en", "Today a train of 36 cars from Orsha arrived in Asipovichy.", "Orsha-Tsentralnaya"),
        ("ru", "Сегодня из Орши в Осиповичи прибыл эшелон из 36 вагонов.", "Orsha-Tsentralnaya"),
        # an origin told, the side a place passed ("из Брянска ... со стороны Унечи")
        (
            "ru",
            "Сегодня из Орши в Осиповичи прибыл эшелон из 36 вагонов со стороны Могилева.",
            "Orsha-Tsentralnaya",
        ),
    ],
)
def test_an_origin_told_is_no_direction(
    lang: str, text: str, station: str, network: RailNetwork
) -> None:
    (ship,) = extract_shipments(text, published="2023-05-16", lang=lang, network=network).shipments
    assert ship.origin is not None
    assert ship.origin.station == station
    assert not ship.origin_direction


def test_a_direction_does_not_block_linking(tmp_path: Path, network: RailNetwork) -> None:
    folder = tmp_path / "in"
    write_report(folder, "hajun.txt", _SIDES[0][1], "2023-05-16")
    write_report(
        folder,
        "other.txt",
        "A military train of 36 cars from Orsha arrived in Asipovichy on 16 May.",
        "2023-05-16",
        source="Rail Watch",
    )
    result = track(load_reports(folder), network)
    assert result.shipments["id"].tolist() == ["hajun-t1"]  # one train, the channel's post
    assert result.relays["id"].tolist() == ["other-t1"]
    (row,) = result.shipments.to_dict("records")
    # the real origin, told by the linked report, replaces the direction
    assert row["origin_station"] == "Orsha-Tsentralnaya"
    assert row["origin_direction"] is False


def test_the_briefing_says_from_the_direction_of(tmp_path: Path, network: RailNetwork) -> None:
    folder = tmp_path / "in"
    write_report(folder, "hajun.txt", _SIDES[1][1], "2023-05-16")
    result = track(load_reports(folder), network)
    assert result.shipments["origin_direction"].tolist() == [True]
    page = write_outputs(result, tmp_path / "out")["report.html"].read_text(encoding="utf-8")
    assert "from the direction of Mogilev-I" in page

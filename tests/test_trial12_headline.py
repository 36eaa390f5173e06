"""Trial12 findings on the briefing's headline (issue 13, session 12).

T1. A train whose departure the report tells, with its arrival only expected ("9 апреля
... ушёл эшелон. Прибытие ожидается 11-12 апреля", claim ``expected``), was counted as
"announced, not yet reported moving"; a departure dated no later than the report is a
departure told.
C6. With only a plan, the headline's period ran backwards ("between 15 Mar 2023 and 13
Mar 2023"): dates still to come make no period.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from railtrack import load_network, load_reports
from railtrack.briefing_html import briefing_context
from railtrack.network import RailNetwork
from railtrack.pipeline import track


@pytest.fixture(scope="module")
def network() -> RailNetwork:
    return load_network()


def _report(folder: Path, published: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "post.txt").write_text(
        f"source: Беларускі Гаюн\npublished: {published}\n\n{text}\n", encoding="utf-8"
    )
    return folder


@pytest.mark.parametrize(
    "text",
    [
        "9 апреля из Осиповичей в Брест ушёл эшелон из 42 вагонов. Прибытие ожидается "
        "11-12 апреля.",
        "9 красавіка з Асіповічаў у Брэст адправіўся эшалон з 42 вагонаў. Прыбыццё "
        "чакаецца 11-12 красавіка.",
        "On 9 April a train of 42 cars left Asipovichy for Brest. It is expected to arrive "
        "on 11-12 April.",
    ],
)
def test_a_departure_told_with_its_arrival_expected_is_moving(
    tmp_path: Path, network: RailNetwork, text: str
) -> None:
    result = track(load_reports(_report(tmp_path, "2023-04-09", text)), network)
    assert result.headline()["n_announced"] == 0
    head = briefing_context(result, {})["headline"]
    assert head.startswith("1 train with 42 cars reported moving")
    assert "announced" not in head


def test_a_plan_alone_has_no_period_yet(tmp_path: Path, network: RailNetwork) -> None:
    text = "По нашим данным, 15 марта из Осиповичей в Брянск планируется отправка эшелона."
    result = track(load_reports(_report(tmp_path, "2023-03-13", text)), network)
    assert result.headline()["n_announced"] == 1
    head = briefing_context(result, {})["headline"]
    assert "between" not in head
    assert head.startswith("No train reported moving, as known on 13 Mar 2023.")


# --- C2, C3: one of a thing is singular; a few origins are named, not their country ---------


def test_fact_cards_for_one_train_are_singular(tmp_path: Path, network: RailNetwork) -> None:
    text = "9 апреля из Осиповичей в Брест ушёл эшелон из 42 вагонов."
    result = track(load_reports(_report(tmp_path, "2023-04-09", text)), network)
    context = briefing_context(result, {})
    labels = [card["label"] for card in (*context["counted"], *context["estimates"])]
    assert "train reported" in labels
    assert "railhead" in labels
    assert "source" in labels
    assert "train with an arrival window" in labels
    assert not any(label.startswith(("trains", "railheads", "sources")) for label in labels)


@pytest.mark.parametrize(
    ("text", "origin"),
    [
        ("9 апреля из Осиповичей в Брест ушёл эшелон из 42 вагонов.", "from Osipovichi-I to"),
        (
            "9 апреля из Осиповичей в Брест ушёл эшелон из 42 вагонов, а из Смоленска в Брест "
            "— эшелон из 40 вагонов.",
            "from Osipovichi-I and Smolensk-Tsentralny to Brest-Tsentralny",
        ),
    ],
)
def test_a_few_origins_are_named_as_stations_not_as_their_country(
    tmp_path: Path, network: RailNetwork, text: str, origin: str
) -> None:
    result = track(load_reports(_report(tmp_path, "2023-04-09", text)), network)
    head = briefing_context(result, {})["headline"]
    assert origin in head
    assert "from Belarus" not in head

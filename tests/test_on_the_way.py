"""A namesake a train passes between two far places its report names (trial19 T6)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from railtrack import load_network, load_reports
from railtrack.context import Anchor, Candidate, pick_by_context
from railtrack.network import RailNetwork

KUBAN = Candidate("520102", "Тихорецкая", 45.849, 40.118)
KAZAN = Candidate("250779", "Тихорецкая", 55.60, 49.30)
RTISHCHEVO = Anchor("Ртищево", 52.26, 43.78)
NOVOROSSIYSK = Anchor("Новороссийск", 44.72, 37.77)

REPORT = (
    "source: Рельсовый дозор\npublished: 2026-03-13\n\n"
    "13 марта в 04:20 через станцию {via} в направлении {to} проследовал состав "
    "из 57 цистерн с мазутом, вышедший из {origin} 10 марта.\n"
)


@pytest.mark.parametrize("order", [(KUBAN, KAZAN), (KAZAN, KUBAN)])
def test_the_namesake_on_the_way_between_two_far_places_is_chosen(order) -> None:
    # neither namesake lies within 150 km of Rtishchevo or Novorossiysk
    pick = pick_by_context(order, [RTISHCHEVO, NOVOROSSIYSK])
    assert pick is not None
    assert pick[0].id == "520102"
    assert "off the straight way from" in pick[1]


def test_one_far_place_alone_or_two_namesakes_both_off_the_way_stay_open() -> None:
    assert pick_by_context([KUBAN, KAZAN], [RTISHCHEVO]) is None
    # both namesakes far off the way from Smolensk to Bryansk: no choice
    smolensk, bryansk = Anchor("Смоленск", 54.78, 32.05), Anchor("Брянск", 53.25, 34.37)
    assert pick_by_context([KUBAN, KAZAN], [smolensk, bryansk]) is None
    # two namesakes both on the way (close together): too close to call
    near = Candidate("X", "Тихорецкая", 46.2, 40.4)
    assert pick_by_context([KUBAN, near], [RTISHCHEVO, NOVOROSSIYSK]) is None


def _write(tmp_path: Path, via: str, to: str, origin: str) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "dozor.txt").write_text(
        REPORT.format(via=via, to=to, origin=origin), encoding="utf-8"
    )
    return folder


@pytest.fixture
def small(tmp_path: Path) -> RailNetwork:
    root = tmp_path / "net"
    root.mkdir()
    rows = [
        "id,name,lat,lon,country",
        "1,Ртищево,52.26,43.78,RU",
        "2,Тихорецкая,45.849,40.118,RU",
        "3,Новороссийск,44.72,37.77,RU",
        "4,Тихорецкая,55.60,49.30,RU",
        "5,Зеленодольск,55.85,48.52,RU",
    ]
    (root / "stations.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    links = "source,target,length_km\n1,2,850\n2,3,290\n4,5,60\n1,5,700\n"
    (root / "links.csv").write_text(links, encoding="utf-8")
    return load_network(root)


def test_the_sighting_and_via_take_the_namesake_on_the_way_on_a_small_network(
    small: RailNetwork, tmp_path: Path
) -> None:
    assert not small.resolve("Тихорецкая").resolved  # two alike: open alone
    reports = load_reports(_write(tmp_path, "Тихорецкая", "Новороссийска", "Ртищево"))
    resolved = reports.resolve(small)
    assert [s.station.station_id for s in resolved.sightings] == ["2"]
    assert [p.station_id for p in resolved.shipments[0].via] == ["2"]
    assert any("off the straight way" in n for n in resolved.context_notes)


@pytest.mark.ru_rail
def test_tikhoretskaya_between_rtishchevo_and_novorossiysk_on_ru_rail(
    ru_rail_network: RailNetwork, tmp_path: Path
) -> None:
    assert not ru_rail_network.resolve("Тихорецкая").resolved
    reports = load_reports(_write(tmp_path, "Тихорецкая", "Новороссийска", "Ртищево"))
    resolved = reports.resolve(ru_rail_network)
    assert [s.station.station_id for s in resolved.sightings] == ["520102"]


def test_the_status_as_of_the_sighting_day_restarts_from_the_sighting(
    small: RailNetwork, tmp_path: Path
) -> None:
    from railtrack.pipeline import track

    reports = load_reports(_write(tmp_path, "Тихорецкая", "Новороссийска", "Ртищево"))
    result = track(reports, small)  # as of the report's day, 13 March
    row = result.statuses.iloc[0]
    assert row["last_seen_station"] == "Тихорецкая"
    seen = pd.Timestamp("2026-03-13 04:20")
    # never before the sighting short of the destination (its 1 h clock tolerance)
    assert row["p10"] >= seen - pd.Timedelta(hours=1)
    assert row["p50"] > seen


@pytest.mark.ru_rail
def test_a_train_seen_short_of_its_destination_arrives_no_sooner_than_from_there(
    ru_rail_network: RailNetwork, tmp_path: Path
) -> None:
    from railtrack.pipeline import track

    reports = load_reports(_write(tmp_path, "Тихорецкая", "Новороссийска", "Ртищево"))
    row = track(reports, ru_rail_network).statuses.iloc[0]
    seen = pd.Timestamp("2026-03-13 04:20")
    assert row["last_seen_station"] == "Тихорецкая"
    # ~290 km still to go: hours after the sighting, not the sighting itself (was
    # 03:20 after the as-of fix, 11 Mar 20:46 before any: the origin's window)
    assert row["p10"] > seen + pd.Timedelta(hours=3)
    assert row["p10"] < row["p50"] < row["p90"]

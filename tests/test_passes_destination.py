"""A route that passes its destination and leaves it again is flagged (trial19 T7)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from railtrack import load_network
from railtrack.accounting import doubled_back_problems
from railtrack.network import RailNetwork
from railtrack.routes import shipment_routes
from railtrack.routing import passed_destination


def _net(tmp_path: Path, rows: list[str], links: list[str]) -> RailNetwork:
    root = tmp_path / "net"
    root.mkdir()
    (root / "stations.csv").write_text(
        "id,name,lat,lon,country\n" + "\n".join(rows) + "\n", encoding="utf-8"
    )
    (root / "links.csv").write_text(
        "source,target,length_km\n" + "\n".join(links) + "\n", encoding="utf-8"
    )
    return load_network(root)


# Kursk - Prokhorovka - Belgorod-1 (in Belgorod) - Teterevino (30 km north) - Belgorod:
# the shape of ru-rail's neighbour list
DOUBLED = (
    [
        "1,Курск,51.73,36.19,RU",
        "2,Прохоровка,51.03,36.73,RU",
        "3,Белгород-1,50.61,36.58,RU",
        "4,Тетеревино,50.88,36.62,RU",
        "5,Белгород,50.60,36.60,RU",
    ],
    ["1,2,110", "2,3,50", "3,4,35", "4,5,38"],
)


def test_a_route_through_a_station_of_its_destination_town_and_back_is_flagged(
    tmp_path: Path,
) -> None:
    net = _net(tmp_path, *DOUBLED)
    route = net.route("Курск", "Белгород")[0]
    where, km, rest = passed_destination(net.G, route)
    assert where == "Белгород-1"
    assert km < 5
    assert rest == pytest.approx(73)
    frame = pd.DataFrame(
        {
            "id": ["t1"],
            "origin": ["Курск"],
            "destination": ["Белгород"],
            "origin_station_id": ["1"],
            "destination_station_id": ["5"],
        }
    )
    routes = shipment_routes(frame, net)
    assert "passes_destination" in routes.loc[0, "flags"]
    (problem,) = doubled_back_problems(routes, frame.assign(source_file=["kursk.txt"]))
    assert problem.path == "kursk.txt"
    assert "passes within a few km of its destination" in problem.message


def test_a_route_that_arrives_through_its_town_once_is_not_flagged(tmp_path: Path) -> None:
    rows, _ = DOUBLED
    # Belgorod-1 is the last stop before Belgorod, 2 km on: the ordinary way in
    net = _net(tmp_path, rows, ["1,2,110", "2,4,25", "4,3,35", "3,5,3"])
    route = net.route("Курск", "Белгород")[0]
    assert passed_destination(net.G, route) is None


@pytest.mark.parametrize(("a", "b"), [("Slonim", "Matveev Kurgan"), ("Minsk", "Brest")])
def test_main_routes_of_the_default_network_are_not_flagged(a: str, b: str) -> None:
    net = load_network()
    assert passed_destination(net.G, net.route(a, b)[0]) is None


@pytest.mark.ru_rail
def test_kursk_belgorod_on_ru_rail_is_flagged(ru_rail_network: RailNetwork) -> None:
    route = ru_rail_network.route("Курск", "Белгород")[0]
    passed = passed_destination(ru_rail_network.G, route)
    assert passed is not None
    assert passed[0] == "Белгород-1"

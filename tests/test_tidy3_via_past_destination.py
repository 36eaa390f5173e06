"""A station past a train's destination is never one of its via points (trial19 T10, tidy3 #6).

"Left Minsk for Brest via Baranovichi and Terespol": Terespol lies beyond Brest, so
the train went out past its destination and back, and the briefing listed Terespol
as a via. A via point the train can reach only through its destination (or the
destination itself) is dropped with the flag ``via_past_destination``.
On the toy line A - B - C - D - E (branch B - F).
"""

from __future__ import annotations

import pandas as pd
import pytest
from _estimate_toys import as_reports, make_shipment, toy_network

from railtrack import columns as C
from railtrack.models import Place
from railtrack.routes import shipment_routes


def _row(destination: str, *via: str) -> pd.Series:
    toy = toy_network()
    ship = make_shipment("v", destination=destination)
    ship = ship.model_copy(update={"via": tuple(Place(text=v) for v in via)})
    return shipment_routes(as_reports([ship]).resolve(toy).to_frame(), toy).iloc[0]


@pytest.mark.parametrize(
    ("destination", "via", "kept"),
    [
        ("Charlie", ("Echo",), None),  # beyond the destination on the same line
        ("Charlie", ("Delta", "Echo"), None),
        ("Charlie", ("Bravo", "Echo"), "B"),  # the via before it stays
        ("Charlie", ("Charlie",), None),  # the destination named as a via
        ("Delta", ("Foxtrot", "Echo"), "F"),
    ],
)
def test_a_via_past_the_destination_is_dropped(
    destination: str, via: tuple[str, ...], kept: str | None
) -> None:
    row = _row(destination, *via)
    assert row[C.STATIONS][-1] == row[C.DESTINATION_STATION_ID]
    # the train never passes its destination before it arrives
    assert row[C.STATIONS].count(row[C.DESTINATION_STATION_ID]) == 1
    assert "via_past_destination" in row[C.FLAGS].split(";")
    assert row[C.PROBLEM] == C.ROUTE_FLAGS["via_past_destination"]
    if kept is None:
        assert pd.isna(row[C.VIA_STATION_IDS])
    else:
        assert row[C.VIA_STATION_IDS] == kept


def test_the_route_length_is_that_without_the_dropped_via() -> None:
    row = _row("Charlie", "Echo")
    assert row[C.STATIONS] == ["A", "B", "C"]
    assert row[C.LENGTH_KM] == pytest.approx(500.0)


@pytest.mark.parametrize(
    ("destination", "via", "stations"),
    [
        ("Echo", ("Foxtrot",), ["A", "B", "F", "B", "C", "D", "E"]),  # a branch: out and back
        ("Echo", ("Charlie",), ["A", "B", "C", "D", "E"]),
        ("Delta", ("Bravo", "Charlie"), ["A", "B", "C", "D"]),
    ],
)
def test_a_via_before_the_destination_is_kept(
    destination: str, via: tuple[str, ...], stations: list[str]
) -> None:
    row = _row(destination, *via)
    assert row[C.STATIONS] == stations
    assert row[C.FLAGS] == ""
    assert row[C.VIA_STATION_IDS] == "; ".join(
        {"Foxtrot": "F", "Charlie": "C", "Bravo": "B"}[v] for v in via
    )

"""Issue 15: a name two places bear is settled by the other places its report names.

Context only picks among the candidates the gazetteer gave: a generated network with
two namesakes far apart, a neighbour of one or a region named in the same report
picks that one, with a note; no context leaves the name unresolved with both.
"""

from __future__ import annotations

import math

import networkx as nx
from _estimate_toys import as_reports, make_shipment
from hypothesis import given
from hypothesis import strategies as st

from railtrack._regions import Region
from railtrack.context import Anchor, Candidate, pick_by_context
from railtrack.models import Place
from railtrack.network import RailNetwork, haversine_km


def _offset(lat: float, lon: float, km: float, bearing: float) -> tuple[float, float]:
    """A point ``km`` from (lat, lon) towards ``bearing`` degrees (flat-earth, small km)."""
    dlat = km * math.cos(math.radians(bearing)) / 111.2
    dlon = km * math.sin(math.radians(bearing)) / (111.2 * math.cos(math.radians(lat)))
    return lat + dlat, lon + dlon


def _midpoint(a: tuple[float, float], b: tuple[float, float]) -> tuple[float, float]:
    """The great-circle midpoint of two points: as far from each (a lat/lon mean is not)."""
    xyz = [
        (
            math.cos(math.radians(lat)) * math.cos(math.radians(lon)),
            math.cos(math.radians(lat)) * math.sin(math.radians(lon)),
            math.sin(math.radians(lat)),
        )
        for lat, lon in (a, b)
    ]
    x, y, z = (u + v for u, v in zip(*xyz, strict=True))
    return math.degrees(math.atan2(z, math.hypot(x, y))), math.degrees(math.atan2(y, x))


coords = st.tuples(st.floats(44.0, 60.0), st.floats(24.0, 60.0))
bearings = st.floats(0.0, 359.0)


@given(coords, st.floats(400.0, 1500.0), bearings, st.floats(0.0, 60.0), bearings)
def test_property_a_neighbour_named_picks_the_namesake_near_it(
    a: tuple[float, float], apart: float, towards: float, near: float, side: float
) -> None:
    """Two namesakes 400-1,500 km apart; a place within 60 km of one picks it."""
    b = _offset(*a, apart, towards)
    cands = [Candidate("A", "Namesake", *a), Candidate("B", "Namesake", *b)]
    anchor = Anchor("Neighbour", *_offset(*a, near, side))
    pick = pick_by_context(cands, [anchor])
    assert pick is not None
    assert pick[0].id == "A"
    assert "Neighbour" in pick[1]
    assert "Namesake" in pick[1]
    assert pick_by_context(cands[::-1], [anchor]) is not None  # order does not matter
    assert pick_by_context(cands, []) is None  # no context: no choice


@given(coords, st.floats(400.0, 1500.0), bearings)
def test_property_a_place_halfway_picks_neither(
    a: tuple[float, float], apart: float, towards: float
) -> None:
    """A named place as far from both namesakes (or far from both) settles nothing."""
    b = _offset(*a, apart, towards)
    cands = [Candidate("A", "Namesake", *a), Candidate("B", "Namesake", *b)]
    mid = _midpoint(a, b)
    assert abs(haversine_km(*mid, *a) - haversine_km(*mid, *b)) < 1
    assert pick_by_context(cands, [Anchor("Halfway", *mid)]) is None


# a generated network: "Namestead" twice, 800 km apart, each beside a town of its own
_NODES = {
    "N1": ("Namestead", 55.0, 30.0),
    "W1": ("Westford", 55.3, 30.2),
    "N2": ("Namestead", 52.0, 40.5),
    "E1": ("Eastbury", 52.2, 40.9),
    "M1": ("Middleton", 53.5, 35.2),
}


def _network() -> RailNetwork:
    G = nx.Graph()
    for sid, (name, lat, lon) in _NODES.items():
        G.add_node(sid, name=name, lat=lat, lon=lon, country="RU")
    for a, b in (("N1", "W1"), ("W1", "M1"), ("M1", "E1"), ("E1", "N2")):
        G.add_edge(a, b, length_km=haversine_km(*_NODES[a][1:], *_NODES[b][1:]))
    regions = [Region(key="Eastshire", aliases=("Eastshire",), stations=("E1", "N2"))]
    return RailNetwork(G, regions=regions)


def test_the_gazetteer_alone_leaves_the_namesakes_unresolved() -> None:
    r = _network().resolve("Namestead")
    assert not r.resolved
    assert {"N1", "N2"} <= {c for c, _, _ in r.candidates}


def test_a_neighbour_in_the_same_shipment_picks_its_namesake() -> None:
    net = _network()
    reports = as_reports([make_shipment("t1", origin="Namestead", destination="Eastbury")])
    out = reports.resolve(net)
    assert out.shipments[0].origin is not None
    assert out.shipments[0].origin.station_id == "N2"
    assert not out.shipments[0].origin.unresolved
    assert len(out.context_notes) == 1
    assert "Eastbury" in out.context_notes[0]


def test_another_train_of_the_same_report_and_a_region_give_context() -> None:
    net = _network()
    a = make_shipment("t1", origin="Namestead", destination=None).model_copy(
        update={"report": "r1"}
    )
    b = make_shipment("t2", origin="Westford", destination="Middleton").model_copy(
        update={"report": "r1"}
    )
    c = make_shipment("t3", origin="Namestead", destination="Eastshire")
    out = as_reports([a, b, c]).resolve(net)
    by_id = {s.id: s for s in out.shipments}
    assert by_id["t1"].origin is not None
    assert by_id["t1"].origin.station_id == "N1"
    assert by_id["t3"].origin is not None
    assert by_id["t3"].origin.station_id == "N2"


def test_a_region_covering_stations_by_their_region_gives_context() -> None:
    """A region that lists no station (it covers a station region) anchors by its stations."""
    G = _network().G.copy()
    for sid in ("E1", "N2"):
        G.nodes[sid]["region"] = "RU/East"
    regions = [Region(key="Eastshire", aliases=("Eastshire",), station_regions=("RU/East",))]
    net = RailNetwork(G, regions=regions)
    out = as_reports([make_shipment("t1", origin="Namestead", destination="Eastshire")])
    origin = out.resolve(net).shipments[0].origin
    assert origin is not None
    assert origin.station_id == "N2"


def test_no_context_or_an_unclear_one_leaves_both_candidates() -> None:
    net = _network()
    alone = make_shipment("t1", origin="Namestead", destination=None)
    halfway = make_shipment("t2", origin="Namestead", destination="Middleton")
    out = as_reports([alone, halfway]).resolve(net)
    for s in out.shipments:
        assert isinstance(s.origin, Place)
        assert s.origin.unresolved, s.origin
    assert out.context_notes == []


def test_context_never_makes_a_name_without_candidates_resolve() -> None:
    net = _network()
    out = as_reports([make_shipment("t1", origin="Qwxzville", destination="Eastbury")]).resolve(net)
    assert out.shipments[0].origin is not None
    assert out.shipments[0].origin.unresolved


def test_reports_naming_no_namesake_are_left_as_resolved() -> None:
    """Settling looks only at reports naming an ambiguous place; the others come out as alone."""
    net = _network()
    named = make_shipment("t1", origin="Namestead", destination="Eastbury")
    others = [
        make_shipment(f"o{k}", origin=a, destination=b).model_copy(update={"report": f"r{k}"})
        for k, (a, b) in enumerate((("Westford", "Middleton"), ("Eastbury", "Qwxzville")))
    ]
    mixed = as_reports([others[0], named, others[1]]).resolve(net)
    alone = as_reports([named]).resolve(net)
    by_id = {s.id: s for s in mixed.shipments}
    assert by_id["t1"] == alone.shipments[0]
    assert mixed.context_notes == alone.context_notes
    assert len(mixed.context_notes) == 1
    for s in others:
        assert by_id[s.id] == as_reports([s]).resolve(net).shipments[0]

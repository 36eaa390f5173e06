"""shipment_routes: the batch router gives the same table as routing row by row."""

from __future__ import annotations

import pandas as pd
import pytest

from railtrack import columns as C
from railtrack import load_network
from railtrack.network import RailNetwork
from railtrack.routegraph import ROUTE_COLUMNS, shipment_routes


class OneByOne:
    """A network without ``iter_routes_between``: every row is routed on its own."""

    def __init__(self, inner: RailNetwork) -> None:
        self.inner = inner
        self.G = inner.G

    def __getattr__(self, name: str):
        if name == "iter_routes_between":
            raise AttributeError(name)
        return getattr(self.inner, name)


@pytest.fixture(scope="module")
def net() -> RailNetwork:
    return load_network()


def _shipments(net: RailNetwork) -> pd.DataFrame:
    stations = sorted(net.G)
    rows = [
        {C.ID: f"t{i}-{j}", C.ORIGIN: a, C.DESTINATION: b,
         C.ORIGIN_STATION_ID: a, C.DESTINATION_STATION_ID: b}
        for i, a in enumerate(stations[::11])
        for j, b in enumerate(stations[:4])
    ]  # fmt: skip
    rows += [
        {C.ID: "region", C.ORIGIN: "Belarus", C.DESTINATION: "Matveev Kurgan"},
        {C.ID: "via", C.ORIGIN: "Slonim", C.DESTINATION: "Rossosh", C.VIA: "Bryansk"},
        {C.ID: "unknown", C.ORIGIN: "Xyzzyville", C.DESTINATION: "Rossosh"},
        {C.ID: "no-destination", C.ORIGIN: "Slonim"},
    ]
    return pd.DataFrame(rows)


def test_batch_and_row_by_row_give_the_same_table(net: RailNetwork) -> None:
    ships = _shipments(net)
    batched = shipment_routes(ships, net)
    single = shipment_routes(ships, OneByOne(net))
    assert list(batched.columns) == list(ROUTE_COLUMNS)
    pd.testing.assert_frame_equal(batched, single)
    by_id = batched.set_index(C.ID)
    assert by_id.loc["no-destination", "problem"] == "no destination given"
    assert pd.isna(by_id.loc["unknown", "stations"])
    assert by_id.loc["region", "origin_basis"].startswith("region")


def test_route_text_is_stored_once_per_route(net: RailNetwork) -> None:
    ships = _shipments(net)
    routes = shipment_routes(ships, net)
    for col in ("route", "border_crossings", "origin_basis"):
        assert isinstance(routes[col].dtype, pd.CategoricalDtype)
    labels = routes["route"].dropna()
    assert routes["route"].cat.categories.is_unique
    assert list(routes["route"].cat.categories) == sorted(labels.unique())
    # Trains on one route share the same stations list and label.
    first = routes.dropna(subset=["route"]).groupby("route", observed=True)["stations"].first()
    for label, stations in first.items():
        assert label == " → ".join(net.G.nodes[s]["name"] for s in stations)

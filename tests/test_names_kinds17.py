"""A town's adjective is never a short stem's place (issue 15, session 17).

"Одеський порт" resolved to Ode (Nigeria, 4,919 km off): the adjective rule offered its
stem "Оде" as a town. A stem of three letters or fewer is no town; "са" gives Odesa.
"""

from __future__ import annotations

import pytest

from railtrack import load_network
from railtrack.network import RailNetwork


@pytest.fixture(scope="module")
def net() -> RailNetwork:
    return load_network()


@pytest.mark.parametrize("name", ["Одеський порт", "Одеського порту", "Одесский порт"])
def test_odesas_port_is_odesa_or_nothing(net: RailNetwork, name: str) -> None:
    r = net.resolve(name)
    assert not r.resolved or r.name == "Odesa", (name, r.name, r.note)

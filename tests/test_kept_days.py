"""Kept trains filed by origin (issue 20): the relay rule tests only the trains it may link.

``relays._link_corridor`` tested each report against every kept train of its days
(about 60 s of CPU at 100,000 generated reports, each railhead's trains coming from
300 garrisons); :class:`railtrack._kept_days.KeptDays` leaves out the trains whose
told origin cannot fit the report's. Held here to the rule's own origin test and to
the plain scan of every kept train of the days.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from railtrack import columns as C
from railtrack import data_path, load_network, load_reports, relays
from railtrack._kept_days import KeptDays

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from _generate import generate_reports

ORIGINS = ["?", "id:A", "id:B", "text:minsk", "region:Russia", "region:Belarus"]
days = st.lists(st.integers(0, 12), max_size=4)


def _every_station(region: str) -> set[str]:
    """A region holding every station: the most pairs the origin rule lets fit."""
    return {"A", "B"}


@settings(max_examples=300, deadline=None)
@given(
    kept=st.lists(st.tuples(st.sampled_from(ORIGINS), days), max_size=12),
    origin=st.sampled_from(ORIGINS),
    wanted=days,
)
def test_near_holds_every_train_the_origin_rule_fits(
    kept: list[tuple[str, list[int]]], origin: str, wanted: list[int]
) -> None:
    index = KeptDays()
    for i, (told, filed) in enumerate(kept):
        index.add(i, told, filed)
    of_the_days = [i for i, (_, filed) in enumerate(kept) if set(filed) & set(wanted)]
    fits = [i for i in of_the_days if relays._origins_fit(kept[i][0], origin, _every_station)]
    near = index.near(origin, wanted)
    assert near == sorted(set(near))
    assert set(fits) <= set(near) <= set(of_the_days)
    # and only the pairs of two different stations or places are left out
    left_out = set(of_the_days) - set(near)
    assert all(kept[i][0] != origin and ":" in origin[:7] for i in left_out)
    assert not any(o == "?" or o.startswith("region:") for o in (origin,) if left_out)


def _plain_near(self: KeptDays, origin: str, wanted: Any) -> list[int]:
    """Every kept train filed under the days, whatever its origin (the scan before)."""
    return sorted({i for d in wanted for i in self._all.get(d, ())})


def _links(ships: pd.DataFrame, net: Any, *, plain: bool) -> pd.DataFrame:
    with pytest.MonkeyPatch.context() as mp:
        if plain:
            mp.setattr(KeptDays, "near", _plain_near)
        return relays.relay_links(ships, region_stations=net.gazetteer.region_stations)


@pytest.fixture(scope="module")
def net() -> Any:
    return load_network()


def test_embedded_reports_link_the_same_trains(net: Any) -> None:
    ships = load_reports(data_path("reports")).resolve(net).to_frame()
    pd.testing.assert_frame_equal(_links(ships, net, plain=True), _links(ships, net, plain=False))


def test_generated_retellings_link_the_same_trains(net: Any, tmp_path: Path) -> None:
    """Generated trains, each told again by another report from its station, untold or
    from its country: the three kinds of origin the rule lets fit."""
    generate_reports(data_path("network"), tmp_path, 400, seed=7)
    ships = load_reports(tmp_path / "structured").resolve(net).to_frame()
    told = ships[ships[C.ORIGIN_STATION_ID].notna()].head(90)
    again = []
    for k, how in enumerate(("station", "untold", "region")):
        part = told.iloc[k::3].assign(
            **{C.ID: f"again-{how}-" + told[C.ID].iloc[k::3].astype(str)},
            **{C.REPORT: f"again-{how}-" + told[C.REPORT].iloc[k::3].astype(str)},
        )
        if how != "station":
            part = part.assign(
                **dict.fromkeys((C.ORIGIN, C.ORIGIN_STATION_ID, C.ORIGIN_STATION)),
                **{C.ORIGIN_REGION: "Russia" if how == "region" else None},
            )
        again.append(part)
    ships = pd.concat([ships, *again], ignore_index=True)
    plain = _links(ships, net, plain=True)
    assert len(plain) > 0  # the input links trains
    pd.testing.assert_frame_equal(plain, _links(ships, net, plain=False))

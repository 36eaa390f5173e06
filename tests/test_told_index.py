"""The plan rule's index of moving trains (railtrack._told_index) leaves out no train it links.

``relays._plan_links`` tested every plan against every moving train (quadratic: 38 s
of the 40 s resolve stage at 20,000 generated reports); it now tests only the trains
:class:`~railtrack._told_index.ToldIndex` returns. Two checks: the index keeps exactly
the trains the rule's destination, publication and date tests accept (an oracle: the
rule's own ``_inside_plan``), and ``relay_links`` links the same trains with the index as with
every pair tested.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from railtrack import columns as C
from railtrack import data_path, load_network, load_reports, relays
from railtrack._told_index import ToldIndex

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from _generate import generate_reports

windows = st.one_of(
    st.none(),
    st.tuples(st.integers(0, 60), st.integers(0, 10)).map(lambda t: (t[0], t[0] + t[1])),
)


def _candidate(departure: Any, arrival: Any) -> relays._Candidate:
    return relays._Candidate(
        row=0,
        report_key=("r",),
        grouped=False,
        departure=departure,
        arrival=arrival,
        cars=None,
        passenger=None,
        rank=(0, 0.0, 0, 0, 0, ""),
    )


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(
    plan=st.tuples(windows, windows),
    plan_published=st.one_of(st.none(), st.integers(0, 40)),
    told=st.lists(
        st.tuples(
            windows, windows, st.one_of(st.none(), st.integers(0, 40)), st.sampled_from("ab")
        ),
        max_size=8,
    ),
    transit=st.integers(0, 20),
)
def test_index_keeps_the_trains_the_rule_dates_accept(
    plan: Any, plan_published: int | None, told: list[Any], transit: int
) -> None:
    rows = [10 + k for k in range(len(told))]
    index = ToldIndex(rows, [t[3] for t in told], [t[2] for t in told], [t[:2] for t in told])
    near = index.near("a", published=plan_published, windows=plan, transit=transit)
    accepted = [
        row
        for row, (dep, arr, published, key) in zip(rows, told, strict=True)
        if key == "a"
        and (published or 0) >= (plan_published or 0)
        and relays._inside_plan(_candidate(*plan), _candidate(dep, arr), transit)
    ]
    assert near == accepted  # the rule's dates, publication and destination, in order


class _EveryTold:
    """The rule as before the index: every moving train to any destination is tested."""

    def __init__(self, rows: Any, keys: Any, published: Any, windows: Any) -> None:
        self.rows = list(rows)

    def near(self, key: object, **_: Any) -> list[int]:
        return self.rows


def _links(ships: pd.DataFrame, net: Any, *, plain: bool) -> pd.DataFrame:
    with pytest.MonkeyPatch.context() as mp:
        if plain:
            mp.setattr(relays, "ToldIndex", _EveryTold)
        return relays.relay_links(ships, region_stations=net.gazetteer.region_stations)


@pytest.fixture(scope="module")
def net() -> Any:
    return load_network()


def test_embedded_reports_link_the_same_plans(net: Any) -> None:
    ships = load_reports(data_path("reports")).resolve(net).to_frame()
    pd.testing.assert_frame_equal(_links(ships, net, plain=True), _links(ships, net, plain=False))


def _with_plans(ships: pd.DataFrame) -> pd.DataFrame:
    """Add plans of untold origin announcing moving trains: most inside the rule's window,
    some a month off or published after the train (not linked)."""
    moving = ships[
        ~ships[C.CLAIM].astype(str).isin(["planned", "expected"])
        & ships[C.DESTINATION_STATION_ID].notna()
    ].head(60)
    shift = pd.to_timedelta([4 if k % 5 else 34 for k in range(len(moving))], unit="D")
    arrival = moving[C.DEPARTURE_EARLIEST] + shift
    published = moving[C.PUBLISHED] - pd.to_timedelta(
        [-2 if k % 7 == 3 else 3 for k in range(len(moving))], unit="D"
    )
    plans = moving.assign(
        **{
            C.ID: "plan-" + moving[C.ID].astype(str),
            C.REPORT: "plan-" + moving[C.REPORT].astype(str),
            C.CLAIM: "planned",
            C.PUBLISHED: published,
            C.DEPARTURE_EARLIEST: pd.NaT,
            C.DEPARTURE_LATEST: pd.NaT,
            C.ARRIVAL_EARLIEST: arrival,
            C.ARRIVAL_LATEST: arrival,
            "arrival_precision": "day",
            "departure_precision": None,
            **dict.fromkeys((C.ORIGIN, C.ORIGIN_STATION_ID, C.ORIGIN_REGION, C.ORIGIN_STATION)),
        }
    )
    return pd.concat([ships, plans], ignore_index=True)


def test_generated_plans_link_the_same_trains(net: Any, tmp_path: Path) -> None:
    generate_reports(data_path("network"), tmp_path, 400, seed=5)
    ships = _with_plans(load_reports(tmp_path / "structured").resolve(net).to_frame())
    plain = _links(ships, net, plain=True)
    plan_links = int((plain["matched_on"] == "plan").sum())
    assert 20 < plan_links < 60  # the input exercises the rule, and not every plan fits
    pd.testing.assert_frame_equal(plain, _links(ships, net, plain=False))

"""One train told by several reports is counted once (railtrack.relays; trial F24, F56)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from railtrack import load_network, load_reports
from railtrack.cli._routing import route_reports
from railtrack.io import ReportSet
from railtrack.models import CarCounts, DateWindow, Place, Shipment, Sighting, Source
from railtrack.pipeline import track
from railtrack.relays import RELAY_COLUMNS, drop_relays, relay_links, without_relays
from railtrack.settings import Settings

SLONIM = Place(text="Slonim", station_id="130403", station="Slonim")
MATVEEV = Place(text="Matveev Kurgan", station_id="510203", station="Matveev Kurgan")
ORSHA = Place(text="Orsha", station_id="166403", station="Orsha")


def _day(text: str | None) -> DateWindow | None:
    if text is None:
        return None
    lo, _, hi = text.partition("/")
    return DateWindow(earliest=date.fromisoformat(lo), latest=date.fromisoformat(hi or lo))


def _ship(
    sid: str,
    report: str | None,
    *,
    dep: str | None = None,
    arr: str | None = None,
    cars: int | None = None,
    passenger: int | None = None,
    outlet: str | None = None,
    origin: Place | None = SLONIM,
    destination: Place | None = MATVEEV,
    **extra: Any,
) -> Shipment:
    return Shipment(
        id=sid,
        report=report,
        origin=origin,
        destination=destination,
        departure=_day(dep),
        expected_arrival=_day(arr),
        cars=CarCounts(total=cars, passenger=passenger),
        source=Source(reporter="Belarusian Hajun", relayed_by=outlet),
        **extra,
    )


def _links(*ships: Shipment, files: dict[str, str] | None = None) -> pd.DataFrame:
    reports = ReportSet()
    for s in ships:
        reports.add(s, file=(files or {}).get(s.id))
    return relay_links(reports.to_frame())


def _pairs(links: pd.DataFrame) -> list[tuple[str, str]]:
    return list(zip(links["id"], links["train"], strict=True))


def test_relays_of_one_post_a_day_apart_are_one_train() -> None:
    links = _links(
        _ship("onet-t1", "onet", dep="2023-01-07", cars=40, outlet="Onet"),
        _ship("gazeta-t1", "gazeta", dep="2023-01-08", cars=40, outlet="Gazeta.ua"),
        _ship("polonia-t1", "polonia", dep="2023-01-07", cars=41, outlet="Polonia News"),
    )
    assert list(links.columns) == list(RELAY_COLUMNS)
    assert sorted(_pairs(links)) == [("onet-t1", "gazeta-t1"), ("polonia-t1", "gazeta-t1")]
    assert set(links["matched_on"]) == {"departure"}


def test_kept_record_is_the_most_credible_then_the_one_saying_most() -> None:
    vague = _ship("a-t1", "a", dep="2023-03-02", credibility=3)
    detailed = _ship("b-t1", "b", dep="2023-03-02", cars=40, arr="2023-03-05", credibility=3)
    confirmed = _ship("c-t1", "c", dep="2023-03-02", credibility=2)
    assert _pairs(_links(vague, detailed)) == [("a-t1", "b-t1")]
    assert sorted(_pairs(_links(vague, detailed, confirmed))) == [
        ("a-t1", "c-t1"),
        ("b-t1", "c-t1"),
    ]


def test_two_trains_of_one_report_are_never_one() -> None:
    """'Two trains left Slonim on 2 March with 40 cars each' is two trains."""
    assert _links(
        _ship("r-t1", "r", dep="2023-03-02", cars=40),
        _ship("r-t2", "r", dep="2023-03-02", cars=40),
    ).empty


def test_rows_of_one_table_are_never_one_but_rows_of_two_tables_are() -> None:
    rows = [_ship("row2", None, dep="2023-03-06", cars=49), _ship("row3", None, dep="2023-03-06")]
    one_file = {"row2": "log.csv", "row3": "log.csv"}
    assert _links(*rows, files=one_file).empty
    two_files = {"row2": "log.csv", "row3": "эшелоны.xlsx"}
    assert _pairs(_links(*rows, files=two_files)) == [("row3", "row2")]


def test_rows_of_one_table_naming_different_sources_are_one_train() -> None:
    """A log with a row per outlet that told of a train counts the train once (trial F108)."""
    rows = [
        _ship("row3", None, dep="2023-02-11", cars=38, outlet="Hajun"),
        _ship("row4", None, dep="2023-02-11", cars=38, outlet="Зеркало"),
        _ship("row5", None, dep="2023-02-11", cars=38, outlet="Kyiv Independent"),
    ]
    files = {r.id: "journal.xlsx" for r in rows}
    links = _links(*rows, files=files)
    assert len(links) == 2
    assert set(links["train"]) == {links["train"].iloc[0]}
    # the same source on two rows of one table is two trains, as before
    twice = [_ship("row6", None, dep="2023-02-11", cars=38, outlet="Hajun"), rows[0]]
    assert _links(*twice, files={"row6": "journal.xlsx", "row3": "journal.xlsx"}).empty


def test_track_counts_a_logged_train_once_per_table(tmp_path: Path) -> None:
    """`track` on a CSV log whose rows are one train told by three outlets: one train."""
    header = "record,id,origin,destination,departure,cars_total,source,relayed_by,published\n"
    rows = [
        "shipment,row2,Slonim,Matveev-Kurgan,2023-03-02,40,Belarusian Hajun,,2023-03-02",
        "shipment,row3,Slonim,Matveev-Kurgan,2023-03-02,40,Belarusian Hajun,Zerkalo,2023-03-03",
        "shipment,row4,Slonim,Matveev-Kurgan,2023-03-02,40,Belarusian Hajun,NV,2023-03-03",
        "shipment,row5,Orsha,Matveev-Kurgan,2023-03-05,30,Belarusian Hajun,,2023-03-05",
    ]
    log = tmp_path / "log.csv"
    log.write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    head = track(load_reports(log), load_network(), as_of="2023-03-25").headline()
    assert (head["shipments"], head["n_relays"], head["cars_total"]) == (2, 2, 70)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ({"cars": 40}, {"cars": 60}),  # make-up differs
        ({"passenger": 2, "cars": 40}, {"passenger": 15, "cars": 40}),
        ({"dep": "2023-03-01"}, {"dep": "2023-03-05"}),  # departures days apart
        ({"dep": "2023-03-01", "arr": "2023-03-04"}, {"dep": "2023-03-09", "arr": "2023-03-04"}),
        ({"dep": "2023-03-01/2023-03-31"}, {"dep": "2023-03-10"}),  # "in March" links nothing
        ({"arr": "2023-03-01"}, {"dep": "2023-03-03"}),  # arrival before departure
        ({"arr": "2023-03-30"}, {"dep": "2023-03-03"}),  # beyond the longest transit
        ({}, {}),  # no dates at all
    ],
)
def test_what_tells_trains_apart(a: dict[str, Any], b: dict[str, Any]) -> None:
    assert _links(_ship("a-t1", "a", **a), _ship("b-t1", "b", **b)).empty


def test_a_departure_and_a_later_arrival_are_one_train() -> None:
    """A relay that gives only the arrival day links to the post that gave the departure."""
    links = _links(
        _ship("post-t1", "post", dep="2023-03-06", cars=49),
        _ship("sheet-t1", "sheet", arr="2023-03-09", cars=49),
    )
    assert _pairs(links) == [("sheet-t1", "post-t1")]
    assert links["matched_on"].tolist() == ["departure-arrival"]


def test_ends_must_agree_and_one_must_be_a_station() -> None:
    elsewhere = _ship("b-t1", "b", dep="2023-03-02", destination=ORSHA)
    assert _links(_ship("a-t1", "a", dep="2023-03-02"), elsewhere).empty
    belarus = Place(text="Belarus", region="Belarus")
    donbas = Place(text="Donbas", region="Donetsk oblast")
    vague = [
        _ship(f"{r}-t1", r, dep="2023-03-02", origin=belarus, destination=donbas) for r in "ab"
    ]
    assert _links(*vague).empty


def test_a_grouped_train_is_kept_and_a_group_is_linked_only_as_a_whole() -> None:
    grouped = _ship("seed-t1", "seed", dep="2023-03-01", group="seed-g1", credibility=4)
    relay = _ship("relay-t1", "relay", dep="2023-03-01", credibility=2)
    assert _pairs(_links(grouped, relay)) == [("relay-t1", "seed-t1")]
    # a group that retells another report's group, every train of it (trial10 T7)
    other = _ship("other-t1", "other", dep="2023-03-01", group="other-g1")
    assert _pairs(_links(grouped, other)) == [("other-t1", "seed-t1")]
    second = _ship("seed-t2", "seed", dep="2023-03-01", group="seed-g1", destination=ORSHA)
    told = _ship("other-t2", "other", dep="2023-03-01", group="other-g1", destination=ORSHA)
    assert _pairs(_links(grouped, second, other, told)) == [
        ("other-t1", "seed-t1"),
        ("other-t2", "seed-t2"),
    ]
    # told in part (the second train another day): neither of its trains is linked
    apart = _ship("other-t2", "other", dep="2023-03-05", group="other-g1", destination=ORSHA)
    assert _links(grouped, second, other, apart).empty


def test_settings_widen_or_narrow_the_rule() -> None:
    ships = ReportSet(
        shipments=[
            _ship("a-t1", "a", dep="2023-03-01"),
            _ship("b-t1", "b", dep="2023-03-03", outlet="Zerkalo"),  # a relay: its own days
        ]
    ).to_frame()
    assert relay_links(ships).empty
    assert len(relay_links(ships, Settings(relay_slack_days=2))) == 1


def test_sightings_of_a_dropped_relay_move_to_the_kept_train() -> None:
    source = Source(reporter="Belarusian Hajun")
    reports = ReportSet(
        shipments=[
            _ship("a-t1", "a", dep="2023-03-02", credibility=2),
            _ship("b-t1", "b", dep="2023-03-02"),
        ],
        sightings=[
            Sighting(
                id="b-s1",
                shipment="b-t1",
                station=ORSHA,
                seen_at=datetime(2023, 3, 3),
                source=source,
            )
        ],
    )
    links = relay_links(reports.to_frame())
    kept, seen = without_relays(reports.to_frame(), reports.sightings_frame(), links)
    assert kept["id"].tolist() == ["a-t1"]
    assert seen["shipment"].tolist() == ["a-t1"]
    assert [s.shipment for s in drop_relays(reports, links).sightings] == ["a-t1"]


# --- end to end: three outlets relay one Hajun post ------------------------------------
def _relay_file(folder: Path, name: str, outlet: str, published: str, **train: Any) -> None:
    record = {
        "source": {"reporter": "Belarusian Hajun", "relayed_by": outlet, "published": published},
        "shipments": [{"id": f"{name}-t1", "report": name, **train}],
    }
    (folder / f"{name}.yaml").write_text(yaml.safe_dump(record, allow_unicode=True), "utf-8")


@pytest.fixture(scope="module")
def relayed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("relays")
    train = {"origin": "Slonim", "destination": "Matveev Kurgan", "cars": {"total": 40}}
    _relay_file(folder, "onet", "Onet", "2023-03-03", departure="2023-03-02", **train)
    _relay_file(folder, "nv", "NV", "2023-03-04", departure="2023-03-03", **train)
    _relay_file(folder, "rmf", "RMF24", "2023-03-08", arrival="2023-03-06", **train)
    later = {**train, "cars": {"total": 45}}
    _relay_file(folder, "later", "Onet", "2023-03-20", departure="2023-03-19", **later)
    return folder


def test_track_counts_a_relayed_train_once(relayed: Path) -> None:
    result = track(load_reports(relayed), load_network(), as_of="2023-03-25")
    head = result.headline()
    assert (head["shipments"], head["n_relays"], head["cars_total"]) == (2, 2, 85)
    assert sorted(result.relays["relayed_by"]) == ["NV", "RMF24"]
    assert set(result.relays["train"]) == {"onet-t1"}
    assert sorted(result.shipments["id"]) == ["later-t1", "onet-t1"]


def test_route_reports_counts_a_relayed_train_once(relayed: Path) -> None:
    routed = route_reports(load_reports(relayed), load_network(), as_of="2023-03-25")
    assert sorted(routed.shipments["id"]) == ["later-t1", "onet-t1"]
    assert sorted(s.id for s in routed.reports.shipments) == ["later-t1", "onet-t1"]
    assert len(routed.relays) == 2


def test_a_total_summed_from_some_kinds_is_a_bound_for_linking() -> None:
    """'2 passenger and 7 freight cars' (9, derived) and a 51-car report: one train (F109)."""
    full = _ship("a-t1", "a", dep="2022-12-20", cars=51, passenger=2)
    part = Shipment(
        id="b-t1",
        report="b",
        origin=SLONIM,
        destination=MATVEEV,
        departure=_day("2022-12-20"),
        cars=CarCounts(total=9, passenger=2, other=7, total_derived=True),
        source=Source(reporter="Belarusian Hajun", relayed_by="oleodecoco"),
    )
    assert len(_links(full, part)) == 1
    # a total the report gave outright still tells the trains apart
    told = part.model_copy(update={"cars": CarCounts(total=9, passenger=2, other=7)})
    assert _links(full, told).empty


# --- the ends' keys: each distinct name reduced once (issue 20, session 15) ---------------


def _end_keys_row_by_row(table: pd.DataFrame, end: str) -> list[str | None]:
    """The ends' keys as the rule reads them, each row's name reduced on its own."""
    out: list[str | None] = []
    for sid, region, said in zip(
        table[f"{end}_station_id"], table[f"{end}_region"], table[end], strict=True
    ):
        letters = "".join(ch for ch in str(said).casefold() if ch.isalnum())
        if isinstance(sid, str):
            out.append(f"id:{sid}")
        elif isinstance(region, str):
            out.append(f"region:{region}")
        else:
            out.append(f"text:{letters}" if isinstance(said, str) and letters else None)
    return out


@given(
    st.lists(
        st.tuples(
            st.one_of(st.none(), st.sampled_from(["RU-1", "BY-2"])),
            st.one_of(st.none(), st.sampled_from(["Russia", "Belarus"])),
            st.one_of(
                st.none(),
                st.sampled_from(["Орша", "ОРША!", "Sk\u0142ad-Ost", "--", "İzmir", "Straße"]),
                st.text(max_size=8),
            ),
        ),
        max_size=30,
    )
)
def test_end_keys_equal_each_row_reduced_alone(rows: list[tuple[Any, Any, Any]]) -> None:
    from railtrack.relays import end_keys

    table = pd.DataFrame(
        rows or [(None, None, None)],
        columns=["origin_station_id", "origin_region", "origin"],
        dtype=object,
    )
    assert end_keys(table, "origin") == _end_keys_row_by_row(table, "origin")

"""Tests for railtrack.summary: group totals counted once, keys, periods, sources."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from railtrack import columns as C
from railtrack.io import ReportSet, load_reports
from railtrack.models import CarCounts, Place, Shipment, ShipmentGroup, Source
from railtrack.pipeline import SUMMARY_VIEWS
from railtrack.settings import Settings
from railtrack.summary import personnel_estimate, personnel_note, summarize, summarize_views

HAJUN = Source(reporter="Belarusian Hajun", reliability="C")


def make_ship(sid: str, **kw: Any) -> dict[str, Any]:
    """A shipment row as in ReportSet.to_frame() (only the columns summarize reads)."""
    row: dict[str, Any] = dict.fromkeys(C.SHIPMENT_COLUMNS)
    row.update({C.ID: sid, C.SOURCE: "Belarusian Hajun", C.RELIABILITY: "C"})
    row.update(kw)
    return row


def make_group(gid: str, **kw: Any) -> dict[str, Any]:
    row: dict[str, Any] = dict.fromkeys(C.GROUP_COLUMNS)
    row.update({C.ID: gid, C.SOURCE: "Belarusian Hajun", C.RELIABILITY: "C"})
    row.update(kw)
    return row


def frames(ships: list[dict[str, Any]], groups: list[dict[str, Any]] = ()) -> tuple:
    return (
        pd.DataFrame(ships, columns=list(C.SHIPMENT_COLUMNS)),
        pd.DataFrame(list(groups), columns=list(C.GROUP_COLUMNS)),
    )


@pytest.fixture
def seed(tests_data):
    rs = load_reports(tests_data / "summary" / "seed.csv")
    assert not rs.problems
    return rs


# --- the seed: 86 cars and 2 passenger cars, never 172 --------------------------------


def test_seed_total_is_86_and_2(seed):
    total = summarize(seed, by=())
    assert len(total) == 1
    row = total.iloc[0]
    assert row[C.TRAINS] == 2
    assert row[C.CARS_TOTAL] == 86
    assert row[C.CARS_PASSENGER] == 2
    assert row[C.CARS_UNALLOCATED] == 86
    assert row[C.PERSONNEL_ESTIMATE] == pytest.approx(100.0)


@pytest.mark.parametrize(
    "by",
    [
        (),
        ("origin",),
        ("destination",),
        ("railhead",),
        ("route",),
        ("period",),
        ("origin", "destination", "period"),
        ("source", "claim"),
    ],
)
def test_seed_sums_to_86_for_every_key(seed, by):
    table = summarize(seed, by=by)
    assert table[C.CARS_TOTAL].sum() == 86
    assert table[C.CARS_PASSENGER].sum() == 2
    assert table[C.TRAINS].sum() == 2


def test_seed_by_destination_shows_unallocated_row(seed):
    table = summarize(seed, by=("destination",))
    assert list(table[C.DESTINATION]) == [
        "Matveyev-Kurhan",
        "Nieklinovka",
        "unallocated across 2 trains",
    ]
    per_train = table.iloc[:2]
    assert per_train[C.CARS_TOTAL].isna().all()
    assert list(per_train[C.TRAINS]) == [1, 1]
    last = table.iloc[2]
    assert (last[C.TRAINS], last[C.CARS_TOTAL], last[C.CARS_PASSENGER]) == (0, 86, 2)
    assert last[C.UNALLOCATED] == "86 cars (2 passenger) of group g1 across 2 trains"


def test_seed_by_origin_keeps_group_cars_in_the_shared_row(seed):
    table = summarize(seed, by=("origin",))
    assert len(table) == 1
    row = table.iloc[0]
    assert (row[C.ORIGIN], row[C.TRAINS], row[C.CARS_TOTAL]) == ("Belarus", 2, 86)
    assert row[C.TRAINS_WITH_CARS] == 0
    assert "across 2 trains" in row[C.UNALLOCATED]


def test_sources_and_grades_in_table(seed):
    row = summarize(seed, by=()).iloc[0]
    assert row[C.SOURCES] == "Belarusian Hajun (C)"
    assert row[C.BEST_RELIABILITY] == "C"
    assert row[C.BEST_CREDIBILITY] == 3
    assert row[C.SHIPMENTS] == "t1; t2"
    assert row[C.GROUPS] == "g1"


def test_best_grade_of_mixed_sources():
    ships, groups = frames(
        [
            make_ship("a", destination="X", cars_total=10, reliability="D"),
            make_ship("b", destination="X", cars_total=20, reliability="B", source="Other"),
        ]
    )
    row = summarize(ships, groups=groups, by=("destination",)).iloc[0]
    assert row[C.SOURCES] == "Belarusian Hajun (D); Other (B)"
    assert row[C.BEST_RELIABILITY] == "B"
    assert row[C.CARS_TOTAL] == 30


# --- allocation -----------------------------------------------------------------------


def test_known_member_counts_are_subtracted_and_single_holder_gets_the_rest():
    ships, groups = frames(
        [
            make_ship("a", group="g", destination="X", cars_total=40, cars_passenger=1),
            make_ship("b", group="g", destination="Y"),
        ],
        [make_group("g", n_trains=2, cars_total=100, cars_passenger=3)],
    )
    table = summarize(ships, groups=groups, by=("destination",)).set_index(C.DESTINATION)
    assert table.loc["X", C.CARS_TOTAL] == 40
    # Only b has no count of its own, so the other 60 cars (2 passenger) were on b.
    assert table.loc["Y", C.CARS_TOTAL] == 60
    assert table.loc["Y", C.CARS_PASSENGER] == 2
    assert table.loc["Y", C.CARS_UNALLOCATED] == 60
    assert table.loc["Y", C.UNALLOCATED] == "60 cars (2 passenger) of group g across 1 train"
    assert table[C.CARS_TOTAL].sum() == 100


def test_unlisted_trains_of_a_group_are_counted():
    ships, groups = frames(
        [make_ship("a", origin="Belarus", cars_total=40)],
        [make_group("g", n_trains=5, cars_total=200, published="2023-03-06")],
    )
    table = summarize(ships, groups=groups, by=("origin", "period"))
    assert table[C.TRAINS].sum() == 6
    assert table[C.CARS_TOTAL].sum() == 240
    label_row = table[table[C.ORIGIN] == "unallocated across 5 trains"].iloc[0]
    assert label_row[C.TRAINS] == 5
    assert label_row[C.PERIOD] == pd.Timestamp("2023-03-06")
    assert "(5 not listed)" in label_row[C.UNALLOCATED]
    assert label_row[C.PERIOD_BASIS] == "published"


def test_group_cars_in_a_shared_period_say_where_the_period_came_from():
    ships, groups = frames(
        [
            make_ship("a", group="g", departure_earliest="2023-03-01", destination="X"),
            make_ship("b", group="g", published="2023-03-02", destination="Y"),
        ],
        [make_group("g", n_trains=2, cars_total=86)],
    )
    table = summarize(ships, groups=groups, by=("destination", "period"))
    row = table[table[C.DESTINATION] == "unallocated across 2 trains"].iloc[0]
    assert row[C.PERIOD] == pd.Timestamp("2023-02-27")
    assert row[C.PERIOD_BASIS] == "departure; published"


def test_members_exceeding_group_total_is_a_problem_not_negative_cars():
    ships, groups = frames(
        [
            make_ship("a", group="g", cars_total=60),
            make_ship("b", group="g", cars_total=50),
        ],
        [make_group("g", n_trains=2, cars_total=100)],
    )
    table = summarize(ships, groups=groups, by=())
    assert table.iloc[0][C.CARS_TOTAL] == 110
    assert table.iloc[0][C.CARS_UNALLOCATED] == 0
    assert any("more than the group's 100" in p for p in table.attrs["problems"])


def test_group_missing_from_groups_is_reported():
    ships, groups = frames([make_ship("a", group="nope", cars_total=5)])
    table = summarize(ships, groups=groups, by=())
    assert table.iloc[0][C.CARS_TOTAL] == 5
    assert table.attrs["problems"] == ["shipment a: group 'nope' is not among the groups"]


@st.composite
def reports(draw):
    """Random trains and groups; each group's members drawn from the trains."""
    n = draw(st.integers(0, 8))
    counts = st.one_of(st.none(), st.integers(0, 60))
    dests = st.sampled_from(["X", "Y", "Z", None])
    days = st.one_of(
        st.none(), st.dates(pd.Timestamp("2023-01-01").date(), pd.Timestamp("2023-03-31").date())
    )
    ships = []
    for i in range(n):
        total = draw(counts)
        passenger = None if total is None else draw(st.one_of(st.none(), st.integers(0, total)))
        ships.append(
            make_ship(
                f"t{i}",
                destination=draw(dests),
                origin=draw(st.sampled_from(["Belarus", "Slonim"])),
                departure_earliest=draw(days),
                published="2023-04-01",
                cars_total=total,
                cars_passenger=passenger,
            )
        )
    groups = []
    for j in range(draw(st.integers(0, 3))):
        members = draw(st.lists(st.sampled_from(range(n)), unique=True)) if n else []
        members = [m for m in members if ships[m][C.GROUP] is None]
        for m in members:
            ships[m][C.GROUP] = f"g{j}"
        extra = draw(st.integers(0, 2))
        groups.append(
            make_group(
                f"g{j}",
                n_trains=max(len(members) + extra, 1),
                cars_total=draw(st.integers(0, 200)),
                published="2023-02-15",
            )
        )
    return frames(ships, groups)


def oracle_total_cars(ships: pd.DataFrame, groups: pd.DataFrame) -> int:
    """Cars counted once, worked out independently of summarize."""
    own = int(pd.to_numeric(ships[C.CARS_TOTAL], errors="coerce").fillna(0).sum())
    extra = 0
    for g in groups.to_dict("records"):
        members = ships[ships[C.GROUP] == g[C.ID]]
        known = int(pd.to_numeric(members[C.CARS_TOTAL], errors="coerce").fillna(0).sum())
        extra += max(int(g[C.CARS_TOTAL]) - known, 0)
    return own + extra


@settings(max_examples=60, deadline=None)
@given(
    data=reports(),
    by=st.sampled_from(
        [(), ("destination",), ("origin", "destination"), ("period",), ("route", "period")]
    ),
)
def test_any_table_sums_to_the_oracle_total(data, by):
    ships, groups = data
    table = summarize(ships, groups=groups, by=by)
    expected_trains = len(ships) + sum(
        max(int(g[C.N_TRAINS]) - int((ships[C.GROUP] == g[C.ID]).sum()), 0)
        for g in groups.to_dict("records")
    )
    assert int(table[C.TRAINS].sum()) == expected_trains
    assert int(table[C.CARS_TOTAL].fillna(0).sum()) == oracle_total_cars(ships, groups)
    assert (table[C.CARS_UNALLOCATED] >= 0).all()


# --- several views at once --------------------------------------------------------------

ROUTE_LABELS = [
    "Slonim → Orsha → Smolensk",
    "Belarus → X",  # the same text as a train's "origin → destination" without a route
    " Gomel → Zlynka ",  # stripped
    "",  # blank: no route
    "ßa → Orsha",  # casefolds to "ssa", before "st"
    "Smolensk → " + " → ".join(f"Station {i}" for i in range(300)),  # a long label
]
CROSSINGS = ["", "Osinovka–Krasnoye", "Zlynka–Unecha; Osinovka–Krasnoye", None]


@st.composite
def tracked(draw):
    """Random trains, groups (some with unlisted trains or extra members) and routes."""
    ships, groups = draw(reports())
    ids = list(ships[C.ID])
    texts = st.sampled_from(["Belarus", "st", "ßa", " ", None])
    for i in range(len(ships)):
        ships.loc[i, C.ORIGIN] = draw(texts)
        ships.loc[i, C.DESTINATION_STATION] = draw(st.sampled_from(["X", "St", None]))
        ships.loc[i, C.PUBLISHED] = draw(st.sampled_from(["2023-04-01", "2023-01-09", None]))
        ships.loc[i, C.SOURCE] = draw(st.sampled_from(["Hajun", "Other", None]))
        ships.loc[i, C.RELIABILITY] = draw(st.sampled_from(["A", "C", None]))
        ships.loc[i, C.CREDIBILITY] = draw(st.one_of(st.none(), st.integers(1, 6)))
    for j in range(len(groups)):
        extra = draw(st.lists(st.sampled_from(ids), unique=True)) if ids else []
        groups.loc[j, C.MEMBERS] = "; ".join(extra) or None
        groups.loc[j, C.CARS_PASSENGER] = draw(st.one_of(st.none(), st.integers(0, 5)))
        groups.loc[j, C.PUBLISHED] = draw(st.sampled_from(["2023-02-15", None]))
    if not draw(st.booleans()):
        return ships, groups, None
    routed = draw(st.lists(st.sampled_from(ids), unique=True)) if ids else []
    routes = pd.DataFrame(
        {
            C.ID: routed,
            C.ROUTE_LABEL: [draw(st.sampled_from(ROUTE_LABELS)) for _ in routed],
            C.BORDER_CROSSINGS: [draw(st.sampled_from(CROSSINGS)) for _ in routed],
        }
    )
    return ships, groups, routes


VIEWS = {
    **SUMMARY_VIEWS,
    "by_crossing_week": (C.BORDER_CROSSING, C.PERIOD),
    "by_route_origin": (C.ROUTE_LABEL, C.ORIGIN),
    "by_claim": ("claim",),
}


@settings(max_examples=40, deadline=None)
@given(data=tracked(), name=st.sampled_from(list(VIEWS)))
def test_views_equal_one_summary_per_view(data, name):
    ships, groups, routes = data
    tables = summarize_views(ships, VIEWS, groups=groups, routes=routes)
    assert list(tables) == list(VIEWS)
    alone = summarize(ships, groups=groups, by=VIEWS[name], routes=routes)
    pd.testing.assert_frame_equal(tables[name], alone, check_exact=True)
    assert tables[name].attrs == alone.attrs


def test_views_of_the_seed_keep_86_cars(seed):
    tables = summarize_views(seed, SUMMARY_VIEWS)
    for name, keys in SUMMARY_VIEWS.items():
        table = tables[name]
        assert table.attrs["by"] == keys
        assert table[C.CARS_TOTAL].sum() == 86, name
        assert table[C.TRAINS].sum() == 2, name
        pd.testing.assert_frame_equal(table, summarize(seed, by=keys))


def test_categorical_or_chunked_route_labels_give_the_same_tables():
    ships, groups = frames(
        [make_ship(sid, group="g", cars_total=n) for sid, n in (("a", 3), ("b", None), ("c", 4))],
        [make_group("g", n_trains=4, cars_total=20)],
    )
    routes = pd.DataFrame(
        {
            C.ID: ["a", "b", "c"],
            C.ROUTE_LABEL: ROUTE_LABELS[-1:] + ["Slonim → Orsha"] * 2,
            C.BORDER_CROSSINGS: ["Osinovka–Krasnoye", "", "Osinovka–Krasnoye"],
        }
    )
    categorical = routes.astype({C.ROUTE_LABEL: "category"})
    chunked = pd.concat([routes.iloc[:2], routes.iloc[2:]], ignore_index=True)  # Arrow chunks
    views = {"route": (C.ROUTE_LABEL,), "crossing": (C.BORDER_CROSSING, C.ORIGIN)}
    plain = summarize_views(ships, views, groups=groups, routes=routes)
    for other in (categorical, chunked):
        for name, table in summarize_views(ships, views, groups=groups, routes=other).items():
            pd.testing.assert_frame_equal(table, plain[name], check_exact=True)


def test_routes_without_crossings_column_cross_no_border():
    ships, groups = frames([make_ship("a", cars_total=1), make_ship("b", cars_total=2)])
    routes = pd.DataFrame({C.ID: ["a"], C.ROUTE_LABEL: ["Slonim → Orsha"]})
    table = summarize(ships, groups=groups, by=(C.BORDER_CROSSING,), routes=routes)
    assert list(table[C.BORDER_CROSSING]) == ["none", "unknown"]


def test_route_labels_sort_by_casefold_not_lower_case():
    ships, groups = frames([make_ship("a", destination="st"), make_ship("b", destination="ßa")])
    # "ßa".casefold() == "ssa" sorts before "st"; "ßa".lower() sorts after it.
    table = summarize(ships, groups=groups, by=("destination",))
    assert list(table[C.DESTINATION]) == ["ßa", "st"]


def test_trains_without_a_routes_row_cross_unknown_borders():
    ships, groups = frames([make_ship("a", cars_total=10), make_ship("b", cars_total=20)])
    frame = pd.DataFrame(
        {C.ID: ["a"], C.ROUTE_LABEL: ["Slonim → Orsha"], C.BORDER_CROSSINGS: ["Osinovka–Krasnoye"]}
    )
    table = summarize(ships, groups=groups, by=(C.BORDER_CROSSING,), routes=frame)
    # One crossing whatever the direction: its stations in one order.
    assert list(table[C.BORDER_CROSSING]) == ["Krasnoye–Osinovka", "unknown"]


# --- keys and periods ------------------------------------------------------------------


def test_period_from_departure_else_published_and_basis():
    ships, groups = frames(
        [
            make_ship("a", departure_earliest="2023-03-01", published="2023-03-20", cars_total=10),
            make_ship("b", published="2023-03-02", cars_total=20),
        ]
    )
    table = summarize(ships, groups=groups, by=("period",), freq="W")
    assert list(table[C.PERIOD]) == [pd.Timestamp("2023-02-27")]  # week starts Monday
    assert table.iloc[0][C.PERIOD_BASIS] == "departure; published"
    monthly = summarize(ships, groups=groups, by=("period",), freq="M")
    assert list(monthly[C.PERIOD]) == [pd.Timestamp("2023-03-01")]


def test_undated_train_has_no_period():
    ships, groups = frames([make_ship("a", cars_total=3)])
    table = summarize(ships, groups=groups, by=("period",))
    assert table[C.PERIOD].isna().all()
    assert table.iloc[0][C.PERIOD_BASIS] == "unknown"


def test_place_label_prefers_station_then_region_then_text():
    ships, groups = frames(
        [
            make_ship("a", destination="Matveyev-Kurhan", destination_station="Matveev Kurgan"),
            make_ship("b", destination="Matveev Kurgan"),
            make_ship("c", origin="z Białorusi", origin_region="Belarus"),
        ]
    )
    dest = summarize(ships, groups=groups, by=("railhead",))
    assert dest.set_index(C.RAILHEAD).loc["Matveev Kurgan", C.TRAINS] == 2
    origin = summarize(ships, groups=groups, by=("origin",))
    assert set(origin[C.ORIGIN]) == {"Belarus", "unknown"}
    assert origin.iloc[-1][C.ORIGIN] == "unknown"  # unknown sorts last


def test_routes_frame_gives_route_and_border_crossings():
    ships, groups = frames(
        [
            make_ship("a", cars_total=10),
            make_ship("b", cars_total=20),
            make_ship("c", cars_total=5),
        ]
    )
    routes = pd.DataFrame(
        {
            C.ID: ["a", "b"],
            "route": ["Slonim → Orsha → Smolensk", "Gomel → Zlynka"],
            "border_crossings": ["Osinovka–Krasnoye", ""],
        }
    )
    table = summarize(ships, groups=groups, by=("border_crossing",), routes=routes)
    assert dict(zip(table[C.BORDER_CROSSING], table[C.CARS_TOTAL], strict=True)) == {
        "Krasnoye–Osinovka": 10,
        "none": 20,
        "unknown": 5,
    }
    by_route = summarize(ships, groups=groups, by=("route",), routes=routes)
    assert "Slonim → Orsha → Smolensk" in set(by_route[C.ROUTE_LABEL])
    assert "unknown → unknown" in set(by_route[C.ROUTE_LABEL])


def test_a_report_set_gives_its_own_groups():
    ships = [
        Shipment(id="t1", group="g1", origin=Place(text="Belarus"), source=HAJUN),
        Shipment(id="t2", group="g1", origin=Place(text="Belarus"), source=HAJUN),
    ]
    groups = [
        ShipmentGroup(id="g1", n_trains=2, cars=CarCounts(total=86, passenger=2), source=HAJUN)
    ]
    table = summarize(ReportSet(shipments=ships, groups=groups), by=("origin",))
    assert table.iloc[0][C.CARS_TOTAL] == 86
    assert table.iloc[0][C.TRAINS] == 2


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"by": ("colour",)}, "cannot summarise by 'colour'"),
        ({"by": ("origin", "origin")}, "duplicate keys"),
        # the accepted lengths, not pandas' own words (session 18)
        ({"by": ("period",), "freq": "fortnight"}, r"not a period length; use D \(day\)"),
    ],
)
def test_bad_arguments_raise_clear_errors(seed, kwargs, match):
    with pytest.raises(ValueError, match=match):
        summarize(seed, **kwargs)


def test_no_id_column_is_an_error():
    with pytest.raises(ValueError, match="no 'id' column"):
        summarize(pd.DataFrame({"x": [1]}))


def test_empty_input_gives_empty_table():
    ships, groups = frames([])
    table = summarize(ships, groups=groups, by=("destination",))
    assert table.empty
    assert list(table.columns[:3]) == [C.DESTINATION, C.TRAINS, C.TRAINS_WITH_CARS]


# --- personnel ---------------------------------------------------------------------


def test_personnel_factor_from_settings_and_note(seed):
    custom = Settings(people_per_passenger_car=40)
    assert personnel_estimate(2, settings=custom) == 80.0
    table = summarize(seed, by=(), settings=custom)
    assert table.iloc[0][C.PERSONNEL_ESTIMATE] == pytest.approx(80.0)
    assert table.attrs["personnel_note"].startswith("40 people per passenger car")
    assert "Charter97" in personnel_note()


def test_personnel_series_keeps_missing():
    out = personnel_estimate(pd.Series([2, None]))
    assert out.iloc[0] == pytest.approx(100.0)
    assert pd.isna(out.iloc[1])


def test_input_frame_is_not_modified(seed):
    df = seed.to_frame()
    before = df.copy()
    summarize(df, groups=seed.groups_frame(), by=("destination", "period"))
    pd.testing.assert_frame_equal(df, before)


def test_summarize_a_reportset_dates_periods_by_each_trains_best_date():
    # No departure: the sighting dates the train, as in the briefing; not "unknown".
    from datetime import datetime

    from _estimate_toys import as_reports, make_shipment, make_sighting

    from railtrack import columns as C
    from railtrack.models import Source
    from railtrack.summary import summarize

    ship = make_shipment("s", left=None, source=Source(reporter="Undated channel"))
    seen = make_sighting("s", "Bravo", datetime(2023, 2, 10, 9, 0))
    table = summarize(as_reports([ship], [seen]), by=["period"], freq="M")
    row = table.iloc[0]
    assert len(table) == 1
    assert str(row[C.PERIOD])[:10] == "2023-02-01"
    assert row[C.PERIOD_BASIS] == "sighting"


def test_sources_are_listed_once_each_with_one_grade():
    import pandas as pd

    from railtrack import columns as C
    from railtrack.summary import summarize

    ships = pd.DataFrame(
        {
            "id": ["a", "b", "c"],
            "destination": ["X", "X", "X"],
            "source": ["Hajun; Workers", "Workers", "hajun"],
            "reliability": ["C", "C", None],
        }
    )
    table = summarize(ships, by=[])
    text = table[C.SOURCES].iloc[0]
    assert text.count("Hajun") + text.count("hajun") == 1
    assert text.count("Workers") == 1


@pytest.mark.parametrize("period_key", [False, True])
@given(data=st.data())
def test_rows_sorted_before_their_keys_become_text_as_after(data: Any, period_key: bool) -> None:
    """The summary's rows are ordered on the keys' own texts (no Arrow copy of long labels)
    exactly as the old sort of the finished table ordered them."""
    from railtrack.summary import _key_texts, _order, _sort

    words = st.sampled_from(
        [
            "Орша",
            "орша",
            "ОРША",
            "Ab",
            "ab",
            "ß",
            "ss",
            "unknown",
            "unallocated across 3 trains",
            "Я → Ю → Э",
            "я → ю",
        ]
    )
    n = data.draw(st.integers(min_value=0, max_value=12))
    text = data.draw(st.lists(words, min_size=n, max_size=n))
    categorical = data.draw(st.booleans())
    col = pd.Series(pd.Categorical(text) if categorical else pd.Series(text, dtype=object))
    keys, before = ["route"], {"route": col.astype("str")}
    columns = [_key_texts(col)]
    if period_key:
        days = st.sampled_from([pd.NaT, pd.Timestamp("2023-03-06"), pd.Timestamp("2023-02-27")])
        period = pd.Series(
            data.draw(st.lists(days, min_size=n, max_size=n)), dtype="datetime64[ns]"
        )
        keys, before["period"] = ["period", "route"], period
        columns = [period, *columns]
    frame = pd.DataFrame({**before, "row": range(n)})
    expected = _sort(frame, keys)["row"].tolist()
    assert _order(columns, keys, n).tolist() == expected

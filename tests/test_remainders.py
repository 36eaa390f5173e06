"""Group remainders: a group's cars not carried by its trains, with who may hold them."""

from __future__ import annotations

from typing import Any

import pandas as pd

from railtrack import columns as C
from railtrack.remainders import REMAINDER_COLUMNS, group_remainders, unallocated_label


def tables(
    ships: list[dict[str, Any]], groups: list[dict[str, Any]]
) -> tuple[pd.DataFrame, pd.DataFrame]:
    return (
        pd.DataFrame(ships).reindex(columns=list(C.SHIPMENT_COLUMNS)),
        pd.DataFrame(groups).reindex(columns=list(C.GROUP_COLUMNS)),
    )


def test_the_seed_group_is_held_by_both_trains():
    ships, groups = tables(
        [{C.ID: "t1", C.GROUP: "g1"}, {C.ID: "t2", C.GROUP: "g1"}],
        [{C.ID: "g1", C.N_TRAINS: 2, C.CARS_TOTAL: 86, C.CARS_PASSENGER: 2}],
    )
    rest = group_remainders(ships, groups)
    assert list(rest.columns) == list(REMAINDER_COLUMNS)
    row = rest.iloc[0]
    assert (row[C.CARS_TOTAL], row[C.CARS_PASSENGER], row["holders"]) == (86, 2, (0, 1))
    assert pd.isna(row[C.CARS_FLAT])  # the group gives no flat cars
    assert row[C.UNALLOCATED] == "86 cars (2 passenger) of group g1 across 2 trains"


def test_counts_the_trains_carry_are_subtracted_and_they_hold_nothing():
    ships, groups = tables(
        [{C.ID: "a", C.GROUP: "g", C.CARS_TOTAL: 30}, {C.ID: "b", C.GROUP: "g"}],
        [{C.ID: "g", C.CARS_TOTAL: 86}],
    )
    row = group_remainders(ships, groups).iloc[0]
    assert row[C.CARS_TOTAL] == 56
    assert row["holders"] == (1,)


def test_listed_members_and_unlisted_trains():
    ships, groups = tables(
        [{C.ID: "a"}, {C.ID: "b", C.GROUP: "g"}],
        [{C.ID: "g", C.MEMBERS: "b; a; nobody", C.N_TRAINS: 4, C.CARS_TOTAL: 40}],
    )
    row = group_remainders(ships, groups).iloc[0]
    assert row["holders"] == (1, 0)  # the train naming the group first, then the listed one
    assert (row["unlisted"], row["n_across"]) == (2, 4)
    assert row[C.UNALLOCATED].endswith("across 4 trains (2 not listed)")


def test_more_than_the_group_gives_is_a_problem_and_nothing_is_left():
    ships, groups = tables(
        [{C.ID: "a", C.GROUP: "g", C.CARS_TOTAL: 50}, {C.ID: "b", C.GROUP: "g", C.CARS_TOTAL: 50}],
        [{C.ID: "g", C.CARS_TOTAL: 86}],
    )
    problems: list[str] = []
    rest = group_remainders(ships, groups, problems=problems)
    assert rest.empty
    assert problems == [
        "group g: its trains carry 100 cars_total, more than the group's 86; "
        "nothing left to allocate"
    ]


def test_no_groups_no_remainders():
    ships, groups = tables([{C.ID: "a", C.CARS_TOTAL: 5}], [])
    assert group_remainders(ships, groups).empty


def test_unallocated_label():
    assert unallocated_label(3) == "unallocated across 3 trains"


def test_positions_by_group_equals_the_pandas_groupby() -> None:
    """The one-pass dict equals ``groupby(sort=False).agg(tuple)`` on random members."""
    import numpy as np

    from railtrack.remainders import positions_by_group

    rng = np.random.default_rng(7)
    for n in (0, 1, 5, 200):
        members = pd.DataFrame(
            {
                "group": [f"g{k}" for k in rng.integers(0, max(1, n // 3), n)],
                "position": rng.permutation(n),
            }
        )
        plain = members.groupby("group", sort=False)["position"].agg(tuple).to_dict()
        got = positions_by_group(members)
        assert list(got) == list(plain)
        assert {k: tuple(map(int, v)) for k, v in plain.items()} == got

"""A ``seen_at`` text column mixing date-only and timed rows loses no sighting (review19 #8).

Under pandas 3, ``to_datetime(errors="coerce")`` infers one format from the first
row and turns every row of another precision into NaT: a Parquet/CSV part whose
``seen_at`` is text mixing "2026-08-14" and "2026-08-15T23:10" silently dropped one
kind of sighting from the relay linking (the Dask path).
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from railtrack.relays import day_ordinals, seen_days


def _day(text: str) -> int:
    return date.fromisoformat(text).toordinal()


@pytest.mark.parametrize(
    "values",
    [
        ["2026-08-14", "2026-08-15T23:10"],  # date-only first
        ["2026-08-15T23:10", "2026-08-14"],  # timed first
        ["2026-08-15 23:10:05", "2026-08-14", "2026-08-16T06:00"],  # seconds, space
    ],
)
def test_day_ordinals_reads_each_row_of_mixed_precision(values: list[str]) -> None:
    got = day_ordinals(pd.Series(values, dtype=object))
    assert got == [_day(v[:10]) for v in values]


def test_day_ordinals_leaves_text_that_is_no_date_missing() -> None:
    assert day_ordinals(pd.Series(["2026-08-14", "not a date", None], dtype=object)) == [
        _day("2026-08-14"),
        None,
        None,
    ]


@pytest.mark.parametrize("timed_first", [False, True])
def test_seen_days_keeps_both_kinds_of_sighting(timed_first: bool) -> None:
    ships = pd.DataFrame({"id": ["a-t1"]})
    rows = [
        ("a-t1", "BY-ORSHA", "2026-08-14", "date"),
        ("a-t1", "BY-ZHLOBIN", "2026-08-15T23:10", "datetime"),
    ]
    if timed_first:
        rows.reverse()
    seen = pd.DataFrame(rows, columns=["shipment", "station_id", "seen_at", "precision"])
    got = dict(seen_days(ships, seen, [0])[0])
    assert got["BY-ORSHA"] == _day("2026-08-14")
    assert got["BY-ZHLOBIN"] == _day("2026-08-15")


def test_a_late_timed_sighting_among_date_only_ones_is_on_the_next_day_too() -> None:
    ships = pd.DataFrame({"id": ["a-t1"]})
    seen = pd.DataFrame(
        [
            ("a-t1", "BY-ORSHA", "2026-08-14", "date"),
            ("a-t1", "BY-ZHLOBIN", "2026-08-15T23:10", "datetime"),
            ("a-t1", "BY-GOMEL", "2026-08-16T12:00", "datetime"),  # negative: midday
        ],
        columns=["shipment", "station_id", "seen_at", "precision"],
    )
    got = seen_days(ships, seen, [0], local_day_h=3)[0]
    assert ("BY-ZHLOBIN", _day("2026-08-16")) in got  # 23:10 UTC is the next local day
    assert ("BY-GOMEL", _day("2026-08-17")) not in got
    assert ("BY-ORSHA", _day("2026-08-15")) not in got  # a date-only sighting stays its day

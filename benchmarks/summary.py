"""Time ``railtrack.summarize`` on many synthetic trains against a plain pandas groupby.

The baseline is what an analyst would write by hand: ``groupby(...).sum()`` over
the trains' own counts. It is faster but wrong for groups of trains (it drops the
cars a report gives for several trains together, or counts them once per train);
the ratio is the price of counting each group once, with sources and notes.

Run: ``python benchmarks/summary.py [N_TRAINS]`` (default 100,000; 10% in groups).
"""

from __future__ import annotations

import statistics
import sys
import time

import numpy as np
import pandas as pd

from railtrack import columns as C
from railtrack.summary import summarize


def synthetic(n: int, *, seed: int = 0) -> tuple[pd.DataFrame, pd.DataFrame]:
    rng = np.random.default_rng(seed)
    grouped = rng.random(n) < 0.1
    group_ids = np.where(grouped, [f"g{i // 2}" for i in range(n)], None)
    known = rng.random(n) < 0.7
    ships = pd.DataFrame(
        {
            C.ID: [f"t{i}" for i in range(n)],
            C.GROUP: group_ids,
            C.ORIGIN_REGION: rng.choice(["Belarus", "Russia"], n),
            C.DESTINATION_STATION: rng.choice(
                ["Matveev Kurgan", "Neklinovka", "Rossosh", "Uspenskaya", "Valuyki"], n
            ),
            C.DEPARTURE_EARLIEST: pd.Timestamp("2023-01-01")
            + pd.to_timedelta(rng.integers(0, 365, n), unit="D"),
            C.CARS_TOTAL: pd.array(
                np.where(known & ~grouped, rng.integers(30, 60, n), -1), dtype="Int64"
            ),
            C.SOURCE: rng.choice(["Belarusian Hajun", "Community of Railway Workers"], n),
            C.RELIABILITY: rng.choice(["B", "C"], n),
        }
    ).reindex(columns=list(C.SHIPMENT_COLUMNS))
    ships.loc[ships[C.CARS_TOTAL] < 0, C.CARS_TOTAL] = pd.NA
    ids = sorted({g for g in group_ids if g is not None})
    groups = pd.DataFrame(
        {C.ID: ids, C.N_TRAINS: 2, C.CARS_TOTAL: 90, C.CARS_PASSENGER: 2, C.SOURCE: "Hajun"}
    ).reindex(columns=list(C.GROUP_COLUMNS))
    return ships, groups


def median_seconds(fn, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    ships, groups = synthetic(n)
    keys = ["destination_station", "period"]

    def naive() -> pd.DataFrame:
        df = ships.assign(period=ships[C.DEPARTURE_EARLIEST].dt.to_period("W").dt.start_time)
        return df.groupby(keys)[[C.CARS_TOTAL]].sum(min_count=1)

    def ours() -> pd.DataFrame:
        return summarize(ships, groups=groups, by=("destination", "period"), freq="W")

    t_naive = median_seconds(naive)
    t_ours = median_seconds(ours)
    table = ours()
    print(f"{n:,} trains, {len(groups):,} groups -> {len(table):,} rows")
    print(f"naive groupby (wrong for groups): median {t_naive * 1000:8.1f} ms")
    print(f"railtrack.summarize:              median {t_ours * 1000:8.1f} ms")
    print(f"ratio summarize / naive: {t_ours / t_naive:.1f}x")
    own = int(ships[C.CARS_TOTAL].sum())
    print(f"cars: naive {own:,} (group cars missing), summarize {int(table[C.CARS_TOTAL].sum()):,}")


if __name__ == "__main__":
    main()

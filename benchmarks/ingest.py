"""Time ``Store.ingest`` as the store grows: time per report must stay flat.

Reports arrive in batches (default 10 batches of 10,000 shipments, 100,000 in all)
into one store. Two inputs, each into a fresh store:

- ``one corridor``: the worst case of issue 18 point 3 -- every train from one
  source on one corridor (Slonim -> Rossosh), 25 departures a day as the reports
  arrive, and one train in twenty from a second source (linked to the first
  source's first train of that day). Before the R*Tree index each shipment re-read
  every stored shipment of its corridor: 1,000 took about 30 s and 20,000 did not
  finish in 10 minutes.
- ``many corridors``: 40 origins x 40 destinations, two sources, 100 trains a day
  with three-day departure windows.

The baseline is the first batch, ingested into an empty store in the same run; the
printed ratio is the last batch's time per report over the first's (1.0 = flat).
A second ingest of the last batch (all duplicates) is timed too.

Run: ``python benchmarks/ingest.py [--batches 10] [--batch-size 10000]``.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from railtrack.io import ReportSet
from railtrack.models import CarCounts, DateWindow, Place, Shipment, Source
from railtrack.store import Store

HAJUN = Source(reporter="Belarusian Hajun", reliability="B")
WORKERS = Source(reporter="Community of Railway Workers", reliability="C")
START = date(2023, 1, 1)


def one_corridor(first: int, n: int) -> ReportSet:
    out = ReportSet()
    origin, destination = Place(text="Slonim"), Place(text="Rossosh")
    for i in range(first, first + n):
        out.add(
            Shipment(
                id=f"t{i}",
                origin=origin,
                destination=destination,
                departure=DateWindow.day(START + timedelta(days=i // 25)),
                cars=CarCounts(total=34 + i % 18),
                source=WORKERS if i % 20 == 19 else HAJUN,
            )
        )
    return out


def many_corridors(first: int, n: int) -> ReportSet:
    out = ReportSet()
    origins = [Place(text=f"Garrison {k}") for k in range(40)]
    railheads = [Place(text=f"Railhead {k}") for k in range(40)]
    for i in range(first, first + n):
        day = START + timedelta(days=i // 100)
        window = DateWindow(earliest=day, latest=day + timedelta(days=2), precision="days")
        out.add(
            Shipment(
                id=f"t{i}",
                origin=origins[i % 40],
                destination=railheads[(i // 40) % 40],
                departure=window,
                cars=CarCounts(total=34 + i % 18),
                source=WORKERS if i % 3 == 0 else HAJUN,
            )
        )
    return out


def run(name: str, make: object, batches: int, size: int) -> None:
    assert callable(make)
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.sqlite") as store:
        per_report: list[float] = []
        print(f"\n{name}: {batches} batches of {size:,} shipments into one store")
        print(f"{'stored before':>14} {'s':>7} {'µs/report':>10} {'linked':>7}")
        last = None
        for b in range(batches):
            reports = make(b * size, size)
            t0 = time.perf_counter()
            result = store.ingest(reports)
            elapsed = time.perf_counter() - t0
            per_report.append(elapsed / size * 1e6)
            print(f"{b * size:>14,} {elapsed:>7.2f} {per_report[-1]:>10.0f} {result.linked:>7,}")
            last = reports
        t0 = time.perf_counter()
        again = store.ingest(last)
        dup = (time.perf_counter() - t0) / size * 1e6
        print(f"re-ingest of the last batch: {again.duplicates:,} duplicates, {dup:.0f} µs/report")
        ratio = per_report[-1] / per_report[0]
        print(
            f"median {statistics.median(per_report):.0f} µs/report; last batch / first batch "
            f"= {ratio:.2f} (1.00 = flat); {store.counts()['shipment']:,} shipments stored"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batches", type=int, default=10)
    parser.add_argument("--batch-size", type=int, default=10_000)
    args = parser.parse_args()
    run("one corridor, one source", one_corridor, args.batches, args.batch_size)
    run("many corridors", many_corridors, args.batches, args.batch_size)


if __name__ == "__main__":
    main()

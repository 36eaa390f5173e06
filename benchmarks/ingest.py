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

The baseline: each batch is also ingested into an empty store right after, in the
same run, and the ratio of the two CPU times is printed per batch (1.00 = the
grown store costs what an empty one does: flat). CPU time of this process is used,
not wall time, so other jobs on the machine do not blur the trend (wall seconds are
printed too). A second ingest of the last batch (all duplicates) is timed as well.

Run: ``python benchmarks/ingest.py [--batches 10] [--batch-size 10000]``.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
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


def _timed(store: Store, reports: ReportSet) -> tuple[float, float, int]:
    """Ingest; return (wall s, CPU s of this process, linked)."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = store.ingest(reports)
    return time.perf_counter() - wall, time.process_time() - cpu, result.linked


def run(name: str, make: Callable[[int, int], ReportSet], batches: int, size: int) -> None:
    """Ingest ``batches`` batches into one store, each beside an empty-store baseline."""
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.sqlite") as store:
        ratios: list[float] = []
        cpu_per_report: list[float] = []
        print(f"\n{name}: {batches} batches of {size:,} shipments into one store")
        print(
            f"{'stored before':>14} {'wall s':>7} {'CPU µs/report':>14} "
            f"{'empty-store CPU µs':>19} {'ratio':>6} {'linked':>7}"
        )
        reports = make(0, size)
        for b in range(batches):
            reports = make(b * size, size)
            wall, cpu, linked = _timed(store, reports)
            with Store(Path(tmp) / f"empty{b}.sqlite") as empty:
                _wall, base, _linked = _timed(empty, reports)
            ratios.append(cpu / base)
            cpu_per_report.append(cpu / size * 1e6)
            print(
                f"{b * size:>14,} {wall:>7.1f} {cpu_per_report[-1]:>14.0f} "
                f"{base / size * 1e6:>19.0f} {ratios[-1]:>6.2f} {linked:>7,}"
            )
        _wall, cpu, _linked = _timed(store, reports)
        print(f"re-ingest of the last batch (all duplicates): {cpu / size * 1e6:.0f} CPU µs/report")
        print(
            f"CPU µs/report: first batch {cpu_per_report[0]:.0f}, last {cpu_per_report[-1]:.0f}, "
            f"median {statistics.median(cpu_per_report):.0f}; grown store / empty store: median "
            f"{statistics.median(ratios):.2f}, last {ratios[-1]:.2f} (1.00 = flat); "
            f"{store.counts()['shipment']:,} shipments stored"
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

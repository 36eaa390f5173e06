"""Arrival-window accuracy by leave-one-out, and estimate speed at scale.

Usage: python benchmarks/calibration.py [--trips FILE] [--shipments N] [--repeat R]

Accuracy: each trip of data/calibration/trips.csv is held out in turn, the
transit-time model is refitted on the others (railtrack.calibration.leave_one_out)
and the held-out trip is predicted from its departure. Printed side by side with a
naive baseline computed in the same run (routed distance over one fixed speed,
Settings.naive_speed_km_per_day, no dwell; its "window" is p50 ± the minimum
credible half-width):

- coverage: share of held-out trips whose arrival interval meets p10-p90
  (target 75-90%: honest rather than wide);
- MAE of p50, days, to the middle of the arrival interval (all trips, and
  observed arrivals only);
- median window width p90 - p10, days.

Speed: median seconds of estimate_arrivals over N synthetic shipments on the
embedded network (routes cached per origin-destination pair), against the naive
baseline's vectorised arithmetic on the same routes in the same run.
"""

from __future__ import annotations

import argparse
import statistics
import time
from datetime import date, timedelta

import numpy as np
import pandas as pd

from railtrack import columns as C
from railtrack.calibration import calibrate, leave_one_out, load_trips
from railtrack.estimate import estimate_arrivals
from railtrack.io import ReportSet
from railtrack.models import DateWindow, Place, Shipment, Source
from railtrack.network import load_network
from railtrack.settings import DEFAULT_SETTINGS


def accuracy(trips_path: str | None) -> None:
    net = load_network()
    trips = load_trips(trips_path)
    cal = calibrate(trips, network=net)
    print(f"Trips: {len(trips)} loaded, {len(cal.trips)} used; skipped: {list(cal.skipped)}")
    print("Fitted on all trips:", {k: round(v, 3) for k, v in cal.params.items()})
    loo = leave_one_out(trips, network=net)
    width = (loo[C.P90] - loo[C.P10]) / pd.Timedelta(days=1)
    naive_width = 2 * DEFAULT_SETTINGS.min_half_width_days
    observed = loo[C.ARRIVAL_KIND] == "observed"
    rows = [
        ("coverage p10-p90", f"{loo['covered'].mean():.0%}", f"{loo['naive_covered'].mean():.0%}"),
        (
            "MAE p50, days (all)",
            f"{loo['abs_error_days'].mean():.2f}",
            f"{loo['naive_abs_error_days'].mean():.2f}",
        ),
        (
            "MAE p50, days (observed)",
            f"{loo.loc[observed, 'abs_error_days'].mean():.2f}",
            f"{loo.loc[observed, 'naive_abs_error_days'].mean():.2f}",
        ),
        ("median width p90-p10, days", f"{width.median():.2f}", f"{naive_width:.2f}"),
    ]
    print(f"\nLeave-one-out over {len(loo)} trips ({int(observed.sum())} observed):")
    print(f"{'':30}{'model':>10}{'naive':>10}")
    for name, model, naive in rows:
        print(f"{name:30}{model:>10}{naive:>10}")
    print("\nPer trip (held out):")
    shown = loo.assign(width_days=width.round(2))[
        [
            C.TRIP_ID,
            C.ARRIVAL_KIND,
            C.LENGTH_KM,
            C.P10,
            C.P50,
            C.P90,
            "covered",
            "abs_error_days",
            "naive_covered",
            "naive_abs_error_days",
        ]
    ]
    print(shown.round({"abs_error_days": 2, "naive_abs_error_days": 2}).to_string(index=False))


def speed(n: int, repeat: int) -> None:
    net = load_network()
    stations = [
        "Slonim",
        "Polonka",
        "Osipovichi-I",
        "Luninets",
        "Chepino",
        "Baranovichi-Polesskiye",
        "Belarus",
    ]
    railheads = ["Matveev Kurgan", "Neklinovka", "Uspenskaya", "Rossosh", "Valuyki"]
    source = Source(reporter="benchmark")
    rng = np.random.default_rng(1)
    shipments = []
    for i in range(n):
        left = date(2023, 1, 1) + timedelta(days=int(rng.integers(0, 120)))
        shipments.append(
            Shipment(
                id=f"b{i}",
                origin=Place(text=stations[i % len(stations)]),
                destination=Place(text=railheads[(i // len(stations)) % len(railheads)]),
                departure=DateWindow(earliest=left, latest=left + timedelta(days=int(i % 3))),
                source=source,
            )
        )
    model_times, naive_times = [], []
    df = pd.DataFrame()
    for _ in range(repeat):
        t0 = time.perf_counter()
        df = estimate_arrivals(ReportSet(shipments=shipments), net)
        model_times.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        start = df[C.DEPARTURE_EARLIEST].to_numpy()
        days = df[C.LENGTH_KM].to_numpy() / DEFAULT_SETTINGS.naive_speed_km_per_day
        _ = start + pd.to_timedelta(days, unit="D").to_numpy()
        naive_times.append(time.perf_counter() - t0)
    m, b = statistics.median(model_times), statistics.median(naive_times)
    print(
        f"\nestimate_arrivals on {n:,} shipments ({df[C.ROUTE_LABEL].nunique()} routes), "
        f"median of {repeat}: {m:.2f} s ({n / m:,.0f} shipments/s)"
    )
    print(
        f"naive baseline arithmetic on the same routes: {b * 1000:.1f} ms; "
        f"ratio model/naive: {m / max(b, 1e-9):,.0f}x"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trips", help="trips CSV (default: the embedded trips)")
    parser.add_argument("--shipments", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    accuracy(args.trips)
    speed(args.shipments, args.repeat)


if __name__ == "__main__":
    main()

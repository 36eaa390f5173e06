from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from _estimate_toys import toy_network

from railtrack import columns as C
from railtrack.calibration import (
    _interval,
    calibrate,
    leave_one_out,
    load_trips,
    trip_routes,
)
from railtrack.errors import InputPathError, ReportError
from railtrack.estimate import TransitModel
from railtrack.settings import Settings

SMALL_GRID = {
    "dwell_scale": (0.5, 1.0, 2.0, 4.0, 8.0),
    "speed_sigma": (0.1, 0.3),
    "dwell_sigma": (0.2, 0.6, 1.0),
}
FAST = Settings(transit_draws=400)


@pytest.fixture
def bad_trips(tests_data):
    return tests_data / "estimate" / "trips_bad.csv"


# --- loading ---------------------------------------------------------------------------


def test_embedded_trips_are_sourced_and_valid():
    trips = load_trips()
    assert trips.attrs["problems"] == []
    assert len(trips) >= 12
    assert trips[C.TRIP_ID].is_unique
    assert trips[C.REFERENCE].str.contains("https://").all()
    assert set(trips[C.ARRIVAL_KIND]) == {"observed", "planned"}
    # every trip off the embedded network says how its distance was obtained
    has_distance = trips[C.DISTANCE_KM].notna()
    assert trips.loc[has_distance, C.DISTANCE_NOTE].str.startswith("estimated").all()


def test_bad_rows_are_reported_and_good_rows_kept(bad_trips):
    trips = load_trips(bad_trips)
    assert list(trips[C.TRIP_ID]) == ["good-1", "good-2"]
    problems = trips.attrs["problems"]
    assert len(problems) == 5
    assert any("trips_bad.csv row 3, field 'departure_earliest'" in p for p in problems)
    assert any("row 4, field 'arrival_kind'" in p and "rumoured" in p for p in problems)
    assert any("row 5, field 'origin'" in p for p in problems)
    assert any("row 6, field 'departure_earliest'" in p and "after" in p for p in problems)
    assert any("row 7, field 'distance_km'" in p for p in problems)


def test_strict_raises_on_the_first_bad_row(bad_trips):
    with pytest.raises(ReportError, match=r"row 3, field 'departure_earliest'"):
        load_trips(bad_trips, strict=True)


def test_missing_columns_and_files(tests_data):
    with pytest.raises(ReportError, match="missing column"):
        load_trips(tests_data / "estimate" / "trips_missing_columns.csv")
    with pytest.raises(InputPathError, match="no such trips file"):
        load_trips(tests_data / "estimate" / "nope.csv")


def test_dates_are_intervals_at_their_precision():
    s = Settings(datetime_tolerance_h=1.0, open_departure_days=7.0)
    day = pd.Timestamp("2023-03-01")
    epoch_day = (day - pd.Timestamp("1970-01-01")).days
    assert _interval(day, day, "day", s) == (epoch_day, epoch_day + 1, False)
    lo, hi, is_open = _interval(
        day + pd.Timedelta(hours=12), day + pd.Timedelta(hours=12), "datetime", s
    )
    assert (lo, hi, is_open) == pytest.approx((epoch_day + 11 / 24, epoch_day + 13 / 24, False))
    assert _interval(None, day, "day", s) == (epoch_day - 7, epoch_day + 1, True)
    assert _interval(day, None, "day", s) == (epoch_day, epoch_day + 8, True)


# --- routes --------------------------------------------------------------------------------


def test_trip_routes_use_distance_then_network_and_say_why_not(bad_trips):
    trips = load_trips(bad_trips)
    extra = trips.iloc[[0]].assign(
        **{C.TRIP_ID: "far", C.ORIGIN: "Nowhere", C.DISTANCE_KM: 2500.0, C.BORDER_CROSSINGS_N: 1}
    )
    lost = trips.iloc[[0]].assign(**{C.TRIP_ID: "lost", C.ORIGIN: "Nowhere"})
    routed = trip_routes(pd.concat([trips, extra, lost]), toy_network()).set_index(C.TRIP_ID)
    assert routed.loc["good-1", C.LENGTH_KM] == 1000.0
    assert routed.loc["good-1", "length_source"] == "network"
    assert routed.loc["good-2", C.LENGTH_KM] == 500.0
    assert routed.loc["far", "routes"] == ((2500.0, 1),)
    assert routed.loc["far", "length_source"] == "distance_km"
    assert routed.loc["lost", "length_source"].startswith("none: origin not on the network")


# --- fitting on trips drawn from a known model ------------------------------------------------


def synthetic_trips(model: TransitModel, n: int = 24) -> pd.DataFrame:
    """Trips whose arrivals are quantiles of ``model`` spread evenly: an oracle."""
    rng = np.random.default_rng(7)
    lengths = rng.uniform(300, 3000, n).round()
    probs = (np.arange(n) + 0.5) / n
    rng.shuffle(probs)
    rows = []
    for i, (length, p) in enumerate(zip(lengths, probs, strict=True)):
        draws = model.transit_draws_days([length], [i % 2])[0]
        transit = pd.Timedelta(days=float(np.quantile(draws, p)))
        left = pd.Timestamp("2023-01-01 12:00") + pd.Timedelta(days=i)
        arrived = (left + transit).floor("h")
        rows.append(
            {
                C.TRIP_ID: f"s{i}",
                C.ORIGIN: "X",
                C.DESTINATION: "Y",
                C.DEPARTURE_EARLIEST: left,
                C.DEPARTURE_LATEST: left,
                C.DEPARTURE_PRECISION: "datetime",
                C.ARRIVAL_EARLIEST: arrived,
                C.ARRIVAL_LATEST: arrived,
                C.ARRIVAL_PRECISION: "datetime",
                C.ARRIVAL_KIND: "observed" if i % 3 else "planned",
                C.DISTANCE_KM: float(length),
                C.BORDER_CROSSINGS_N: i % 2,
            }
        )
    return pd.DataFrame(rows)


def test_calibrate_recovers_the_dwell_scale_of_known_trips():
    truth = TransitModel.from_settings(FAST).replace(
        dwell_scale=4.0, dwell_sigma=0.2, speed_sigma=0.1
    )
    cal = calibrate(synthetic_trips(truth), settings=FAST, grid=SMALL_GRID)
    assert cal.params["dwell_scale"] == 4.0
    assert cal.skipped == ()
    assert set(cal.trips[C.WEIGHT]) == {1.0, FAST.planned_weight}
    assert (cal.trips[C.P10] <= cal.trips[C.P90]).all()
    assert np.isfinite(cal.log_likelihood)


def test_planned_trips_weigh_less():
    truth = TransitModel.from_settings(FAST).replace(dwell_scale=2.0, dwell_sigma=0.2)
    trips = synthetic_trips(truth)
    # every planned trip claims an arrival three times later than it was
    slow = trips[C.ARRIVAL_KIND] == "planned"
    late = trips.loc[slow, C.DEPARTURE_EARLIEST] + 3 * (
        trips.loc[slow, C.ARRIVAL_EARLIEST] - trips.loc[slow, C.DEPARTURE_EARLIEST]
    )
    trips.loc[slow, C.ARRIVAL_EARLIEST] = late
    trips.loc[slow, C.ARRIVAL_LATEST] = late
    light = calibrate(
        trips, settings=FAST.model_copy(update={"planned_weight": 0.1}), grid=SMALL_GRID
    )
    heavy = calibrate(
        trips, settings=FAST.model_copy(update={"planned_weight": 1.0}), grid=SMALL_GRID
    )
    assert light.params["dwell_scale"] <= heavy.params["dwell_scale"]
    assert light.params["dwell_scale"] == 2.0


def test_calibrate_needs_a_usable_trip():
    trips = load_trips().iloc[[0]].assign(**{C.ORIGIN: "Nowhere"})
    with pytest.raises(ReportError, match="no calibration trip"):
        calibrate(trips, network=toy_network(), settings=FAST, grid=SMALL_GRID)


def test_leave_one_out_reports_coverage_beside_the_baseline():
    truth = TransitModel.from_settings(FAST).replace(dwell_scale=2.0, dwell_sigma=0.6)
    loo = leave_one_out(synthetic_trips(truth, n=12), settings=FAST, grid=SMALL_GRID)
    assert len(loo) == 12
    assert {"covered", "abs_error_days", "naive_covered", "naive_abs_error_days"} <= set(loo)
    assert (loo[C.P10] <= loo[C.P50]).all()
    assert (loo[C.P50] <= loo[C.P90]).all()
    # trips drawn from the model itself: most held-out arrivals fall in p10-p90
    assert loo["covered"].mean() >= 0.5
    assert (loo["abs_error_days"] >= 0).all()


@pytest.mark.slow
def test_default_settings_are_the_fit_on_the_embedded_trips():
    from railtrack.network import load_network

    # The defaults were fitted on the routes of the theatre network (settings.py says
    # so); the national default network's longer, truer routes fit dwell_scale 1.31.
    defaults = Settings()
    cal = calibrate(network=load_network(national=False))
    assert cal.skipped == ()
    assert cal.params["dwell_scale"] == pytest.approx(defaults.dwell_scale, abs=0.01)
    assert cal.params["speed_sigma"] == pytest.approx(defaults.speed_sigma)
    assert cal.params["dwell_sigma"] == pytest.approx(defaults.dwell_sigma)

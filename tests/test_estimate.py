from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest
from _estimate_toys import as_reports, make_shipment, toy_network
from hypothesis import given, settings
from hypothesis import strategies as st

from railtrack import columns as C
from railtrack.errors import RailtrackError
from railtrack.estimate import arrival_windows, estimate_arrivals
from railtrack.models import Place
from railtrack.network import RailNetwork
from railtrack.routes import shipment_routes
from railtrack.transit import (
    PROBS,
    TransitModel,
    arrival_quantiles,
    arrival_quantiles_by_route,
)

MODEL = TransitModel(draws=1000)
H = MODEL.min_half_width_days

lengths = st.floats(min_value=1.0, max_value=8000.0)
borders = st.integers(min_value=0, max_value=3)
widths = st.floats(min_value=0.0, max_value=40.0)
starts = st.floats(min_value=18_000.0, max_value=20_000.0)  # days since 1970


def window(start: float, width: float, length: float, n_borders: int) -> tuple[float, ...]:
    tq = MODEL.transit_quantiles_days([length], [n_borders])
    p10, p50, p90, _ = arrival_quantiles(
        np.array([start]), np.array([width]), tq, min_half_width_days=H
    )
    return float(p10[0]), float(p50[0]), float(p90[0])


# --- the transit model ------------------------------------------------------------------


@pytest.mark.parametrize("chunk", [1, 3, 4096])
def test_quantiles_by_route_match_the_full_matrix(chunk):
    rng = np.random.default_rng(7)
    n = 11
    routes = MODEL.transit_quantiles_days(np.array([300.0, 1200.0, 2500.0]), np.array([0, 1, 2]))
    rows = [None if i % 4 == 3 else routes[i % 3] for i in range(n)]
    start = rng.uniform(19_000, 19_100, n)
    width = rng.uniform(0, 6, n)
    floor = np.where(rng.random(n) < 0.5, start + rng.uniform(0, 20, n), np.nan)
    full = np.vstack([np.full(PROBS.size, np.nan) if r is None else r for r in rows])
    expected = arrival_quantiles(start, width, full, min_half_width_days=1.0, not_before_days=floor)
    got = arrival_quantiles_by_route(
        start, width, rows, min_half_width_days=1.0, not_before_days=floor, chunk=chunk
    )
    for a, b in zip(got, expected, strict=True):
        np.testing.assert_array_equal(a, b)
    assert np.isnan(got[1][3])
    assert not np.isnan(got[1][0])


def test_transit_quantiles_are_sorted_and_grow_with_length_and_borders():
    q = MODEL.transit_quantiles_days([500.0, 1000.0, 1000.0], [0, 0, 1])
    assert q.shape == (3, PROBS.size)
    assert (np.diff(q, axis=1) >= 0).all()
    assert (q[1] > q[0]).all()
    assert (q[2] > q[1]).all()


def test_transit_draws_match_the_formula_at_the_median_draw():
    # with no spread, every draw is running time plus dwell, exactly
    m = TransitModel(speed_sigma=0.0, dwell_sigma=0.0, draws=200)
    draws = m.transit_draws_days([1000.0], [1])
    dwell_h = m.dwell_scale * (m.technical_dwell_h_per_100km * 10 + m.border_dwell_h)
    expected = (1000.0 / m.moving_speed_kmh + dwell_h) / 24.0
    np.testing.assert_allclose(draws, expected)


def test_draws_are_repeatable():
    a = MODEL.transit_draws_days([1234.0], [1])
    b = TransitModel(draws=1000).transit_draws_days([1234.0], [1])
    np.testing.assert_array_equal(a, b)


def test_mixture_spans_its_routes():
    mix = MODEL.mixture_quantiles_days([500.0, 1500.0], [0, 1])
    short, long_ = MODEL.transit_quantiles_days([500.0, 1500.0], [0, 1])
    assert short[0] <= mix[0]
    assert mix[-1] <= long_[-1]
    assert short[len(PROBS) // 2] < mix[len(PROBS) // 2] < long_[len(PROBS) // 2]


# --- invariants (hypothesis) ---------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(start=starts, width=widths, length=lengths, n_borders=borders)
def test_window_is_ordered_wide_enough_and_after_departure(start, width, length, n_borders):
    p10, p50, p90 = window(start, width, length, n_borders)
    assert start <= p10 <= p50 <= p90
    assert p90 - p10 >= 2 * H - 1e-9


@settings(max_examples=60, deadline=None)
@given(start=starts, width=widths, a=lengths, b=lengths, n_borders=borders)
def test_a_longer_route_never_gives_an_earlier_p50(start, width, a, b, n_borders):
    short, long_ = sorted((a, b))
    assert window(start, width, short, n_borders)[1] <= window(start, width, long_, n_borders)[1]


@settings(max_examples=60, deadline=None)
@given(
    start=starts,
    width=widths,
    before=st.floats(0.0, 20.0),
    after=st.floats(0.0, 20.0),
    length=lengths,
    n_borders=borders,
)
def test_more_departure_uncertainty_never_narrows_the_window(
    start, width, before, after, length, n_borders
):
    p10, _, p90 = window(start, width, length, n_borders)
    q10, _, q90 = window(start - before, width + before + after, length, n_borders)
    assert q90 - q10 >= p90 - p10 - 1e-9
    assert q10 <= p10 + 1e-9 or q90 >= p90


@settings(max_examples=40, deadline=None)
@given(start=starts, length=lengths, late=st.floats(0.01, 30.0))
def test_a_bound_past_p90_moves_the_whole_window_past_it(start, length, late):
    _, _, p90 = window(start, 1.0, length, 0)
    bound = p90 + late
    tq = MODEL.transit_quantiles_days([length], [0])
    q10, q50, q90, _ = arrival_quantiles(
        np.array([start]),
        np.array([1.0]),
        tq,
        min_half_width_days=H,
        not_before_days=np.array([bound]),
    )
    assert bound <= q10[0] <= q50[0] <= q90[0]


# --- estimate_arrivals on a toy network -------------------------------------------------------


@pytest.fixture
def net() -> RailNetwork:
    return toy_network()


def test_station_to_station_row(net):
    df = estimate_arrivals(as_reports([make_shipment("t1")]), net, model=MODEL)
    assert list(df.columns) == list(C.ESTIMATE_COLUMNS)
    row = df.iloc[0]
    assert row[C.ROUTE_LABEL] == "Alpha → Bravo → Charlie → Delta → Echo"
    assert row[C.LENGTH_KM] == 1000.0
    assert row[C.BORDER_CROSSINGS] == "Charlie–Delta"
    assert row[C.METHOD] == "transit_model"
    assert row[C.DEPARTURE_EARLIEST] == pd.Timestamp("2023-03-01")
    assert pd.Timestamp("2023-03-01") <= row[C.P10] <= row[C.P50] <= row[C.P90]
    assert row[C.FLAGS] == ""


def test_estimate_matches_the_model_directly(net):
    df = estimate_arrivals(as_reports([make_shipment("t1")]), net, model=MODEL)
    epoch = pd.Timestamp("1970-01-01")
    start = (pd.Timestamp("2023-03-01") - epoch).days
    p10, p50, p90 = window(float(start), 1.0, 1000.0, 1)
    for col, value in ((C.P10, p10), (C.P50, p50), (C.P90, p90)):
        got = (df.iloc[0][col] - epoch) / pd.Timedelta(days=1)
        assert got == pytest.approx(value, abs=1 / 24)


def test_region_origin_uses_the_spread_of_its_stations(net):
    one = estimate_arrivals(
        as_reports([make_shipment("a", origin="Alpha")]), net, model=MODEL
    ).iloc[0]
    region = estimate_arrivals(
        as_reports([make_shipment("r", origin="Westland")]), net, model=MODEL
    ).iloc[0]
    assert region[C.METHOD] == "transit_model_region_spread"
    assert "origin_region" in region[C.FLAGS]
    assert pd.isna(region[C.ORIGIN_STATION])
    # the train's one route: the shortest from the region's report stations
    assert region[C.LENGTH_KM] == 950.0
    assert region[C.ROUTE_LABEL].startswith("Foxtrot → Bravo")
    # Foxtrot is 50 km nearer than Alpha: the pooled window starts no later
    assert region[C.P10] <= one[C.P10]
    assert region[C.P90] <= one[C.P90] + pd.Timedelta(hours=1)


@pytest.mark.parametrize(
    ("kwargs", "flag"),
    [
        ({"origin": "Nowhere"}, "origin_unresolved"),
        ({"destination": "Nowhere"}, "destination_unresolved"),
        ({"origin": None}, "no_origin"),
        ({"destination": "Zulu"}, "no_route"),
    ],
)
def test_unroutable_rows_stay_with_a_flag(net, kwargs, flag):
    df = estimate_arrivals(
        as_reports([make_shipment("bad", **kwargs), make_shipment("good")]), net, model=MODEL
    )
    bad, good = df.iloc[0], df.iloc[1]
    assert flag in bad[C.FLAGS].split(";")
    assert bad[C.METHOD] == "none"
    assert pd.isna(bad[C.P50])
    assert good[C.METHOD] == "transit_model"
    assert pd.notna(good[C.P50])


@pytest.mark.parametrize(
    ("left", "flag", "earliest", "latest"),
    [
        ((date(2023, 3, 1), None), "departure_open_end", "2023-03-01", "2023-03-02"),
        ((None, date(2023, 3, 1)), "departure_open_start", "2023-02-22", "2023-03-01"),
        (None, "no_departure_date", "2023-02-23", "2023-03-02"),
    ],
)
def test_open_departures_are_closed_and_flagged(net, left, flag, earliest, latest):
    # published 2023-03-02: a train reported as moving left by then
    row = estimate_arrivals(as_reports([make_shipment("o", left=left)]), net, model=MODEL).iloc[0]
    assert flag in row[C.FLAGS].split(";")
    assert row[C.DEPARTURE_EARLIEST] == pd.Timestamp(earliest)
    assert row[C.DEPARTURE_LATEST] == pd.Timestamp(latest)
    assert pd.notna(row[C.P50])


def test_planned_move_without_a_date_gets_no_window(net):
    row = estimate_arrivals(as_reports([make_shipment("p", left=None, claim="planned")]), net).iloc[
        0
    ]
    assert "no_departure_date" in row[C.FLAGS]
    assert pd.isna(row[C.P10])
    assert row[C.LENGTH_KM] == 1000.0


def test_claim_beside_the_model_and_flagged_when_outside(net):
    # claims the source expects (an arrival it saw by its publication day is the
    # arrival itself: test_tracking's told-arrival tests)
    inside = make_shipment("in", arrival=(date(2023, 3, 4), date(2023, 3, 6)), claim="expected")
    early = make_shipment("early", arrival=(date(2023, 3, 1), date(2023, 3, 1)), claim="expected")
    after = make_shipment("after", arrival=(date(2023, 3, 5), None), claim="expected")
    df = estimate_arrivals(as_reports([inside, early, after]), net, model=MODEL).set_index(C.ID)
    assert not df.loc["in", C.CLAIM_OUTSIDE_WINDOW]
    assert df.loc["in", C.CLAIMED_EARLIEST] == pd.Timestamp("2023-03-04")
    assert df.loc["early", C.CLAIM_OUTSIDE_WINDOW]
    assert "claim_outside_window" in df.loc["early", C.FLAGS]
    assert not df.loc["after", C.CLAIM_OUTSIDE_WINDOW]
    assert pd.isna(df.loc["after", C.CLAIMED_LATEST])


def test_window_before_as_of_is_flagged(net):
    row = estimate_arrivals(
        as_reports([make_shipment("t")]), net, as_of="2023-06-01", model=MODEL
    ).iloc[0]
    assert "window_before_as_of" in row[C.FLAGS]


def test_bad_as_of_is_a_railtrack_error(net):
    with pytest.raises(RailtrackError, match="not a date"):
        estimate_arrivals(as_reports([make_shipment("t")]), net, as_of="next tuesday")


def test_resolved_places_skip_the_gazetteer(net):
    place = Place(text="somewhere we call home", station_id="A", station="Alpha")
    row = estimate_arrivals(as_reports([make_shipment("t", origin=place)]), net, model=MODEL).iloc[
        0
    ]
    assert row[C.ORIGIN_STATION] == "Alpha"
    assert row[C.ORIGIN] == "somewhere we call home"


# --- the embedded network and reports ----------------------------------------------------------


@pytest.fixture(scope="module")
def embedded():
    network = pytest.importorskip("railtrack.network")
    from railtrack import data_path
    from railtrack.io import load_reports

    return network.load_network(), load_reports(data_path("reports", "seed-hajun-2023-03.yaml"))


def test_seed_nieklinovka_window_contains_march_8_beside_the_claim(embedded):
    net, reports = embedded
    df = estimate_arrivals(reports, net).set_index(C.ID)
    row = df.loc["seed-2023-03-t2"]
    assert row[C.DEPARTURE_EARLIEST] == pd.Timestamp("2023-03-01")
    assert row[C.P10] <= pd.Timestamp("2023-03-08") < row[C.P90]
    assert row[C.METHOD] == "transit_model_region_spread"
    assert "origin_region" in row[C.FLAGS]
    # the source's own claim ("shortly after March 8") sits beside the model's window
    assert row[C.CLAIMED_EARLIEST] == pd.Timestamp("2023-03-08")
    assert pd.isna(row[C.CLAIMED_LATEST])
    assert not row[C.CLAIM_OUTSIDE_WINDOW]
    # the first train has no date: routed, but no window, and it says why
    first = df.loc["seed-2023-03-t1"]
    assert pd.isna(first[C.P50])
    assert "no_departure_date" in first[C.FLAGS]
    assert first[C.LENGTH_KM] > 1000


def test_cli_estimate_json_lines(embedded):
    import json

    from typer.testing import CliRunner

    from railtrack import data_path
    from railtrack.cli import app

    path = data_path("reports", "seed-hajun-2023-03.yaml")
    result = CliRunner().invoke(app, ["estimate", str(path), "--json"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    t2 = next(obj for obj in lines if obj["id"] == "seed-2023-03-t2")
    assert {"id", "origin", "destination", "length_km", "p10", "p50", "p90", "claimed"} <= set(t2)
    assert t2["record"] == "estimate"
    assert (t2["origin"]["text"], t2["origin"]["region"]) == ("Belarus", "Belarus")
    assert t2["destination"]["station"] == "Neklinovka"
    assert t2["claimed"] == {
        "earliest": "2023-03-08",
        "latest": None,
        "precision": "days",
        "text": None,
    }
    assert t2["p10"][:10] <= "2023-03-08" <= t2["p90"][:10]
    t1 = next(obj for obj in lines if obj["id"] == "seed-2023-03-t1")
    assert t1["p50"] is None
    assert t1["claimed"] is None


def test_cli_estimate_table_and_bad_paths(embedded, tmp_path):
    from typer.testing import CliRunner

    from railtrack import data_path
    from railtrack.cli import app

    runner = CliRunner()
    result = runner.invoke(app, ["estimate", str(data_path("reports", "seed-hajun-2023-03.yaml"))])
    assert result.exit_code == 0, result.output
    assert "seed-2023-03-t2" in result.stdout
    assert runner.invoke(app, ["estimate", str(tmp_path / "missing.yaml")]).exit_code != 0
    bad_date = runner.invoke(app, ["estimate", str(tmp_path), "--as-of", "soon"])
    assert bad_date.exit_code == 2


def test_a_frame_without_ids_is_refused(net):
    with pytest.raises(ValueError, match="no 'id' column"):
        estimate_arrivals(pd.DataFrame({C.ORIGIN: ["Alpha"], C.DESTINATION: ["Echo"]}), net)


def test_routes_of_other_shipments_are_refused(net):
    ships = as_reports([make_shipment("t1"), make_shipment("t2")]).resolve(net).to_frame()
    routes = shipment_routes(ships, net)
    with pytest.raises(ValueError, match="same order"):
        arrival_windows(ships, routes.iloc[::-1], model=MODEL)


def test_estimates_read_the_routes_table(net):
    """The window follows the route it is given: a longer route, a later window."""
    ships = as_reports([make_shipment("t1")]).resolve(net).to_frame()
    routes = shipment_routes(ships, net)
    longer = routes.assign(**{C.LENGTH_KM: routes[C.LENGTH_KM] * 2})
    a = arrival_windows(ships, routes, model=MODEL).iloc[0]
    b = arrival_windows(ships, longer, model=MODEL).iloc[0]
    assert b[C.LENGTH_KM] == 2 * a[C.LENGTH_KM]
    assert b[C.P50] > a[C.P50]


@pytest.mark.ru_rail
def test_estimates_on_the_ru_rail_network(ru_rail_dir):
    network = pytest.importorskip("railtrack.network")
    net = network.load_network(ru_rail_dir)
    shipments = [
        make_shipment("cyrillic", origin="Россошь", destination="Матвеев Курган"),
        make_shipment("latin", origin="Rossosh", destination="Neklinovka"),
    ]
    df = estimate_arrivals(as_reports(shipments), net).set_index(C.ID)
    for sid in ("cyrillic", "latin"):
        row = df.loc[sid]
        assert row[C.METHOD] == "transit_model"
        assert 300 < row[C.LENGTH_KM] < 1500  # estimated from coordinates on ru-rail
        assert pd.Timestamp("2023-03-01") <= row[C.P10] <= row[C.P50] <= row[C.P90]

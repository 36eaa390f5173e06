"""The stages sped up for national scale (issue 20) give the same frames as before.

Each optimisation replaced a plain per-train or per-row computation. The plain
versions are kept here as references; ``track`` is run once with them patched in and
once as shipped, on the embedded reports and on a small generated input over the
embedded network, and every frame must be equal to the last bit.
"""

from __future__ import annotations

import itertools
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from railtrack import columns as C
from railtrack import (
    data_path,
    estimate,
    load_network,
    load_reports,
    pipeline,
    relays,
    summary,
    tracking,
    transit,
)
from railtrack.io import ReportSet
from railtrack.labels import DIRECTIONS
from railtrack.network import RailNetwork
from railtrack.outlets import outlet_key
from railtrack.routes import end_stations
from railtrack.routing import Route, passed_destination
from railtrack.transit import PROBS, QUANTILES, TransitModel, arrival_quantiles

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from _generate import generate_reports

AS_OF = "2023-07-01"


# --- the plain references (the code before the issue-20 work) -----------------------
def _named_stops(self: RailNetwork, route: Route) -> list[str]:
    """Every node looked at (the optimised code skips a route with no track node).

    A track junction near a station the route does not pass is named after it, once
    (the junction-to-station table is the network's own, tested in test_national).
    """
    last = len(route.stations) - 1
    named = set(route.stations)
    stops = []
    for i, (sid, name) in enumerate(zip(route.stations, route.names, strict=True)):
        if i in (0, last) or self.G.nodes[sid].get("kind") != "track":
            stops.append(name)
        elif (station := self._junction_stations.get(sid)) is not None and station not in named:
            named.add(station)
            stops.append(self.G.nodes[station]["name"])
    return stops


def _directed(stations: Any, names: dict[str, str], countries: dict[str, Any]) -> list[str]:
    if stations is None or isinstance(stations, float | str):
        return []
    return [
        f"{names.get(u, u)} → {names.get(v, v)}"
        for u, v in itertools.pairwise(list(stations))
        if u in countries and v in countries and countries[u] != countries[v]
    ]


def _crossing_directions(summary: pd.DataFrame, routes: pd.DataFrame, network: Any) -> pd.DataFrame:
    """The directions worked out train by train (the optimised code: once per route)."""
    from railtrack.labels import _directed as directed_links

    out = summary.copy()
    if C.BORDER_CROSSING not in out.columns or C.SHIPMENTS not in out.columns:
        return out
    G = network.G
    used = {n for s in routes.get(C.STATIONS, pd.Series(dtype=object)).dropna() for n in s}
    names = {n: str(G.nodes[n].get("name") or n) for n in used if n in G}
    countries = {n: G.nodes[n].get("country") for n in used if n in G}
    points = {
        n: (float(G.nodes[n]["lon"]), float(G.nodes[n]["lat"]))
        if G.nodes[n].get("lat") is not None and G.nodes[n].get("lon") is not None
        else None
        for n in used
        if n in G
    }
    directed = {
        str(i): directed_links(s, names, countries, points)
        for i, s in zip(routes[C.ID], routes[C.STATIONS], strict=True)
    }
    column = []
    for crossing, ids in zip(out[C.BORDER_CROSSING], out[C.SHIPMENTS], strict=True):
        counts: Counter[str] = Counter()
        for sid in str(ids or "").split(";"):
            for label, way in directed.get(sid.strip(), []):
                if label == crossing:
                    counts[way] += 1
        column.append("; ".join(f"{k}: {n}" for k, n in counts.most_common()) or None)
    out[DIRECTIONS] = pd.Series(column, index=out.index, dtype=object)
    return out


def _shipment_routes(shipments: pd.DataFrame, network: RailNetwork) -> pd.DataFrame:
    """The routes table worked out row by row (the optimised code: per distinct row)."""
    from railtrack import routes as R

    columns = [c for c in R.ROUTE_INPUTS if c in shipments.columns]
    records = shipments[columns].to_dict("records")
    regions: dict[str, Any] = {}
    ends = [R._ends(row, network, regions) for row in records]
    distinct = dict.fromkeys(e for e in ends if e.origins and e.destinations)
    pairs = {p for e in distinct for p in R._legs(e, use_via=True) if p[0] != p[1]}
    legs = dict(network.iter_routes_between(pairs))
    for station in {s for e in distinct for s in (*e.origins, *e.via)}:
        legs[(station, station)] = R.route_from_path(network.G, [station])
    found = {e: R._route(network, e, legs) for e in distinct}
    rows = []
    for row, e in zip(records, ends, strict=True):
        result = found.get(e)
        passes = result is not None and (  # the rule route by route (the code: all at once)
            passed_destination(network.G, result.route, network.settings) is not None
        )
        values = R._values(e, result, network, passes_destination=passes)
        values[C.ID] = str(row[C.ID])
        values[C.ORIGIN] = R._text(row.get(C.ORIGIN))
        values[C.DESTINATION] = R._text(row.get(C.DESTINATION))
        rows.append(values)
    df = pd.DataFrame(
        {col: pd.Series([r[col] for r in rows], dtype=object) for col in C.ROUTE_COLUMNS}
    )
    df[C.LENGTH_KM] = np.array([r[C.LENGTH_KM] for r in rows], dtype="float64")
    df[C.BORDER_CROSSINGS_N] = pd.array([r[C.BORDER_CROSSINGS_N] for r in rows], dtype="Int64")
    for col in R._REPEATED_TEXT:
        df[col] = pd.Categorical(
            [r[col] for r in rows],
            categories=pd.Index(sorted({r[col] for r in rows if r[col] is not None}), dtype=object),
        )
    for col in (C.ID, C.ORIGIN, C.DESTINATION, C.FLAGS, C.PROBLEM):
        df[col] = df[col].astype("string")
    return df[list(C.ROUTE_COLUMNS)]


def _transit_quantiles_days(
    self: TransitModel, length_km: Any, border_crossings: Any, *, chunk: int = 512
) -> np.ndarray:
    length = np.asarray(length_km, dtype=float).ravel()
    borders = np.asarray(border_crossings, dtype=float).ravel()
    out = np.empty((length.size, PROBS.size))
    for start in range(0, length.size, chunk):
        part = slice(start, start + chunk)
        draws = self.transit_draws_days(length[part], borders[part])
        out[part] = np.quantile(draws, PROBS, axis=1).T
    return out


def _arrival_quantiles(
    start_days: np.ndarray,
    width_days: np.ndarray,
    transit_q_days: np.ndarray,
    *,
    min_half_width_days: float,
    not_before_days: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    start = np.asarray(start_days, dtype=float)
    width = np.asarray(width_days, dtype=float)
    arrival = start[:, None] + PROBS[None, :] * width[:, None] + np.atleast_2d(transit_q_days)
    qs = np.asarray(QUANTILES)
    out = np.empty((start.size, qs.size))
    floor = np.full(start.size, np.nan) if not_before_days is None else not_before_days
    for i in range(start.size):
        row = arrival[i]
        if np.isnan(row).any():
            out[i] = np.nan
            continue
        targets = qs
        if not np.isnan(floor[i]) and floor[i] > row[0]:
            q0 = float(np.interp(floor[i], row, PROBS, left=0.0, right=1.0))
            if q0 >= PROBS[-1]:
                h = min_half_width_days
                out[i] = (floor[i], floor[i] + h, floor[i] + 2 * h)
                continue
            targets = q0 + qs * (1.0 - q0)
        out[i] = np.interp(targets, PROBS, row)
    p10, p50, p90 = out[:, 0], out[:, 1], out[:, 2]
    h = min_half_width_days
    widened = ((p50 - p10) < h - 1e-9) | ((p90 - p50) < h - 1e-9)
    p10 = np.minimum(p10, p50 - h)
    p90 = np.maximum(p90, p50 + h)
    lowest = np.fmax(start, floor)
    p10 = np.fmax(p10, lowest)
    p10 = np.where(np.isnan(p50), np.nan, p10)
    p50 = np.maximum(p50, p10)
    p90 = np.maximum(p90, np.maximum(p50 + h, p10 + 2 * h))
    return p10, p50, p90, widened & ~np.isnan(p50)


def _plain_view_keys(
    keys: Any, values: Any, rest: pd.DataFrame, periods: pd.Series, coded: Any = None
) -> pd.DataFrame:
    """Each view's keys as values, factorized by pandas (the optimised code: coded once)."""
    from railtrack.remainders import HOLDERS, N_ACROSS, UNLISTED, unallocated_label
    from railtrack.summary import _hashable

    def shared(values: pd.Series, own: list[Any], differ: list[Any]) -> list[Any]:
        codes, uniques = pd.factorize(values, use_na_sentinel=False)
        code_of = {_hashable(u): c for c, u in enumerate(uniques)}
        out = []
        for i, (holders, unlisted) in enumerate(zip(rest[HOLDERS], rest[UNLISTED], strict=True)):
            seen = {int(codes[p]) for p in holders}
            if unlisted:
                seen.add(code_of.get(_hashable(own[i]), -1))
            if len(seen) != 1:
                out.append(differ[i])
                continue
            code = seen.pop()
            out.append(uniques[code] if code >= 0 else own[i])
        return out

    labels = [unallocated_label(int(n)) for n in rest[N_ACROSS]]
    out = {}
    for key in keys:
        if key == C.PERIOD:
            own, differ = list(periods), [pd.NaT] * len(rest)
        elif key == C.BORDER_CROSSING:
            own = differ = [(label,) for label in labels]
        else:
            own = differ = labels
        tail = pd.Series(shared(values[key], own, differ), dtype=values[key].dtype)
        out[key] = pd.concat([values[key].reset_index(drop=True), tail], ignore_index=True)
    return pd.DataFrame(out)


def _plain_sort(df: pd.DataFrame, keys: Any) -> pd.DataFrame:
    """A summary sorted by pandas on casefolded columns (the optimised code: one tuple a row)."""
    if not keys or df.empty:
        return df.reset_index(drop=True)
    order: dict[str, pd.Series] = {}
    for key in keys:
        col = df[key]
        if key == C.PERIOD:
            order[f"_{key}_rank"] = col.isna().astype(int)
            order[f"_{key}_value"] = col
            continue
        text = col.astype(str)
        unallocated = text.str.startswith("unallocated across").astype(int)
        order[f"_{key}_rank"] = unallocated * 2 + (text == "unknown")
        order[f"_{key}_value"] = text.str.casefold()
    helper = pd.DataFrame(order, index=df.index)
    positions = helper.sort_values(list(helper.columns), kind="stable").index
    return df.loc[positions].reset_index(drop=True)


class _PlainBoundFor:
    """Where each train is bound, read cell by cell (the optimised code: two lists once)."""

    def __init__(self, ships: pd.DataFrame, network: RailNetwork) -> None:
        self.ships, self.network = ships, network

    def destinations(self, i: int) -> frozenset[str]:
        ships = self.ships
        sid = ships[C.DESTINATION_STATION_ID].iloc[i] if C.DESTINATION_STATION_ID in ships else None
        region = ships[C.DESTINATION_REGION].iloc[i] if C.DESTINATION_REGION in ships else None
        if isinstance(sid, str) and sid in self.network.G:
            return frozenset({sid})
        if isinstance(region, str):
            return frozenset(self.network.gazetteer.region_stations(region))
        return frozenset()

    def route_ends(self, i: int) -> tuple[str, ...]:
        ships = self.ships
        sid = ships.at[i, C.DESTINATION_STATION_ID] if C.DESTINATION_STATION_ID in ships else None
        if isinstance(sid, str):
            return (sid,)
        region = ships.at[i, C.DESTINATION_REGION] if C.DESTINATION_REGION in ships else None
        return end_stations(self.network, region) if isinstance(region, str) else ()


def _plain_route_keys(routes: pd.DataFrame) -> list[tuple[tuple[float, int], ...]]:
    """Each train's (km, crossings) keys read as numpy scalars (the optimised code: lists)."""
    lengths = routes[C.LENGTH_KM].to_numpy(dtype=float)
    borders = routes[C.BORDER_CROSSINGS_N].fillna(0).to_numpy(dtype=np.int64)
    keys: list[tuple[tuple[float, int], ...]] = []
    for km, n, spread in zip(lengths, borders, routes[C.ORIGIN_ROUTES], strict=True):
        if np.isnan(km):
            keys.append(())
        elif isinstance(spread, tuple) and len(spread) > 1:
            keys.append(tuple((float(r[1]), int(r[2])) for r in spread))
        else:
            keys.append(((float(km), int(n)),))
    return keys


def _plain_sighting_records(last: pd.DataFrame) -> dict[Any, dict[str, Any]]:
    return last.to_dict("index")  # type: ignore[no-any-return]


def _plain_seen_links(
    shipments: pd.DataFrame,
    sightings: pd.DataFrame,
    gone: set[int],
    settings: Any,
    within: Any = None,
) -> list[tuple[int, int, str]]:
    """Each lonely train's links found by a look-up per row (``iloc``), as before."""
    table = shipments.reset_index(drop=True)
    dest_sid = relays.text_values(table["destination_station_id"])
    dest_region = relays.text_values(table["destination_region"])
    dest = ("id:" + dest_sid).where(dest_sid.notna(), ("region:" + dest_region))
    dest = dest.where(dest_sid.notna() | dest_region.notna(), None)
    no_origin = (
        table["origin"].isna() & table["origin_station_id"].isna() & table["origin_region"].isna()
    ) | (table["departure_earliest"].isna() & table["arrival_earliest"].isna())
    lonely = [i for i in range(len(table)) if no_origin.iloc[i] and dest.iloc[i] is not None]
    lonely = [i for i in lonely if i not in gone and pd.isna(table[C.GROUP].iloc[i])]
    seen = relays.seen_days(table, sightings, lonely)
    if not seen:
        return []
    wanted = {dest.iloc[i] for i in seen}
    rows = [i for i in range(len(table)) if i not in gone and dest.iloc[i] in wanted]
    candidates = dict(
        zip(
            rows,
            relays._candidates(table.iloc[rows], rows, settings.relay_max_window_days),
            strict=True,
        )
    )
    origins = relays.text_values(table["origin_station_id"])
    vias = (
        relays.text_values(table[C.VIA_STATION_IDS])
        if C.VIA_STATION_IDS in table.columns
        else pd.Series([None] * len(table), dtype=object)
    )
    tolerance = settings.relay_cars_tolerance
    # one teller (the same known source, relayed by the same outlet or by none) dates its
    # posts on one calendar: its reports link on the same days only (session 18); reports
    # with no source or an "unknown" one may be anyone's, and keep the relay slack
    sources = relays.text_values(table[C.SOURCE])
    relayers = relays.text_values(table[C.RELAYED_BY])

    def slack_between(i: int, j: int) -> int:
        source, relayer = sources.iloc[i], relayers.iloc[i]
        one_teller = (
            source == sources.iloc[j]
            and relayer == relayers.iloc[j]
            and outlet_key(source or "") not in ("", outlet_key("unknown"))
        )
        return 0 if one_teller else int(settings.relay_slack_days)

    out: list[tuple[int, int, str]] = []
    for i in sorted(seen, key=lambda r: candidates[r].rank):
        c = candidates[i]
        for j in sorted(rows, key=lambda r: candidates[r].rank):
            other = candidates[j]
            if j == i or j in gone or other.report_key == c.report_key:
                continue
            if dest.iloc[j] != dest.iloc[i]:
                continue
            if not relays._origins_fit(c.origin, other.origin, within):
                continue
            if not (
                relays.counts_agree(
                    c.cars,
                    other.cars,
                    tolerance,
                    x_at_least=c.cars_at_least,
                    y_at_least=other.cars_at_least,
                )
                and relays.counts_agree(c.passenger, other.passenger, tolerance)
            ):
                continue
            if j in seen:  # both told only as seen: the same station, close days
                if c.rank < other.rank:
                    continue  # the better told is kept: linked when ``j``'s turn comes
                slack = slack_between(i, j)
                same = any(a == b and abs(d - e) <= slack for a, d in seen[i] for b, e in seen[j])
                how = "sighting" if same else None
            else:
                via = tuple(str(vias.iloc[j]).split("; ")) if vias.iloc[j] is not None else ()
                how = relays._seen_on_train(
                    seen[i], other, origins.iloc[j], via, settings, slack_between(i, j)
                )
            if how is not None:
                gone.add(i)
                out.append((int(table.index[i]), int(table.index[j]), how))
                break
    return out


class _EveryTold:
    """The plan rule before its index: every moving train tested against every plan."""

    def __init__(self, rows: Any, keys: Any, published: Any, windows: Any) -> None:
        self.rows = list(rows)

    def near(self, key: object, **_: Any) -> list[int]:
        return self.rows


def _plain_run(reports: ReportSet, network: RailNetwork, as_of: str | None) -> dict[str, Any]:
    """Run ``track`` with the plain references patched in for the optimised code."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(RailNetwork, "named_stops", _named_stops)
        mp.setattr(pipeline, "crossing_directions", _crossing_directions)
        mp.setattr(pipeline, "shipment_routes", _shipment_routes)
        mp.setattr(TransitModel, "transit_quantiles_days", _transit_quantiles_days)
        mp.setattr(transit, "arrival_quantiles", _arrival_quantiles)
        mp.setattr(summary, "_view_keys", _plain_view_keys)
        mp.setattr(summary, "_sort", _plain_sort)
        mp.setattr(pipeline, "group_remainders", _no_remainders)  # each stage its own
        mp.setattr(tracking, "_BoundFor", _PlainBoundFor)
        mp.setattr(estimate, "_route_keys", _plain_route_keys)
        mp.setattr(tracking, "_sighting_records", _plain_sighting_records)
        mp.setattr(relays, "_seen_links", _plain_seen_links)
        mp.setattr(relays, "ToldIndex", _EveryTold)
        return _run(reports, network, as_of)


def _no_remainders(*args: Any, **kwargs: Any) -> None:
    """Stands in for the shared remainders: summaries and graph each work out their own."""
    return None


# --- the comparison ------------------------------------------------------------------
def _frames(result: pipeline.TrackResult) -> dict[str, Any]:
    graph: nx.DiGraph = result.graph
    return {
        "shipments": result.shipments,
        "routes": result.routes,
        "estimates": result.estimates,
        "statuses": result.statuses,
        **{f"summary {k}": v for k, v in result.summaries.items()},
        "graph": sorted(
            (str(u), str(v), sorted(map(str, d.items()))) for u, v, d in graph.edges(data=True)
        ),
        "headline": result.headline(),
    }


def _assert_same(a: dict[str, Any], b: dict[str, Any]) -> None:
    assert a.keys() == b.keys()
    for name in a:
        if isinstance(a[name], pd.DataFrame):
            pd.testing.assert_frame_equal(a[name], b[name], check_exact=True, obj=name)
        else:
            assert a[name] == b[name], name


@pytest.fixture(scope="module")
def network() -> RailNetwork:
    return load_network()


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> ReportSet:
    root = tmp_path_factory.mktemp("generated")
    generate_reports(data_path("network"), root, 300, seed=11)
    reports = load_reports(root / "structured")
    reports.extend(load_reports(root / "text"))
    return reports


def _run(reports: ReportSet, network: RailNetwork, as_of: str | None) -> dict[str, Any]:
    transit._ROWS.clear()  # no rows kept from an earlier run
    return _frames(pipeline.track(reports, network, as_of=as_of))


def test_embedded_reports_give_the_same_frames(network: RailNetwork) -> None:
    reports = load_reports(data_path("reports"))
    _assert_same(_plain_run(reports, network, None), _run(reports, network, None))


def test_generated_reports_give_the_same_frames(network: RailNetwork, generated: ReportSet) -> None:
    shipped = _run(generated, network, AS_OF)
    assert shipped["headline"]["n_routed"] > 100  # the input exercises routing and windows
    _assert_same(_plain_run(generated, network, AS_OF), shipped)


def test_arrival_quantiles_equal_numpy_interpolation_row_by_row() -> None:
    rng = np.random.default_rng(3)
    n = 2_000
    start = rng.uniform(19_000, 19_100, n)
    width = rng.choice([0.0, 1.0, 3.5], n)
    transit_q = np.sort(rng.gamma(2.0, 2.0, (n, PROBS.size)), axis=1)
    transit_q[::7] = transit_q[::7, :1]  # flat rows: ties everywhere
    transit_q[::11] = np.nan  # no route
    floor = np.where(rng.random(n) < 0.5, start + rng.uniform(-2, 12, n), np.nan)
    for bound in (None, floor):
        got = arrival_quantiles(
            start, width, transit_q, min_half_width_days=0.5, not_before_days=bound
        )
        want = _arrival_quantiles(
            start, width, transit_q, min_half_width_days=0.5, not_before_days=bound
        )
        for g, w in zip(got, want, strict=True):
            np.testing.assert_array_equal(g, w)


def test_transit_quantiles_equal_numpy_quantiles_and_are_kept() -> None:
    model = TransitModel()
    transit._ROWS.clear()
    lengths = [120.0, 950.5, 120.0, 3000.0, float("nan")]
    borders = [0, 1, 0, 2, 0]
    got = model.transit_quantiles_days(lengths, borders)
    np.testing.assert_array_equal(got, _transit_quantiles_days(model, lengths, borders))
    assert len(transit._ROWS[model]) == 3  # three distinct routes kept, not the NaN one
    again = model.transit_quantiles_days(lengths[::-1], borders[::-1])
    np.testing.assert_array_equal(again, got[::-1])


def _merge_source_labels(texts: list[str]) -> str | None:
    names: dict[str, str] = {}
    grades: dict[str, str] = {}
    for text in texts:
        for part in str(text).split(";"):
            name, grade = part.strip(), ""
            if len(name) > 4 and name.endswith(")") and name[-4:-2] == " (":
                name, grade = name[:-4].rstrip(), name[-2]
            if not name:
                continue
            key = name.casefold()
            names.setdefault(key, name)
            if grade and (key not in grades or grade < grades[key]):
                grades[key] = grade
    labels = [f"{names[k]} ({grades[k]})" if k in grades else names[k] for k in sorted(names)]
    return "; ".join(labels) or None


def test_source_labels_merge_as_read_one_by_one() -> None:
    from railtrack.labels import merge_source_labels

    rng = np.random.default_rng(5)
    words = ["Hajun", "hajun", "Workers", "WORKERS", "Rail (B)", "Hajun (C)", "x (A)", " ", ""]
    for _ in range(500):
        texts = ["; ".join(rng.choice(words, rng.integers(1, 4))) for _ in range(rng.integers(8))]
        assert merge_source_labels(texts) == _merge_source_labels(texts), texts


def test_draws_in_order_equal_the_sorted_draws_on_every_kind_of_route() -> None:
    """The draws made in sorted order are ``np.sort`` of the draws, value for value."""
    rng = np.random.default_rng(7)
    n = 600
    lengths = rng.uniform(0.0, 9_000.0, n)
    lengths[::17] = 0.0  # a zero-length route: every draw zero
    lengths[::29] = np.nan  # no length: sorted as np.sort does (NaN last)
    lengths[5] = 1e-12
    borders = np.where(rng.random(n) < 0.2, rng.integers(1, 5, n), 0)  # crossings: not in order
    for model in (TransitModel(), TransitModel(draws=200, seed=3, border_dwell_h=48.0)):
        got = model._sorted_draws_days(lengths.tolist(), borders.tolist())
        want = np.sort(model.transit_draws_days(lengths, borders), axis=1)
        assert got.tobytes() == want.tobytes()
    transit._ROWS.clear()
    model = TransitModel()
    got = model.transit_quantiles_days(lengths, borders)
    np.testing.assert_array_equal(got, _transit_quantiles_days(model, lengths, borders))


def test_sighting_records_equal_to_dict_by_index(
    network: RailNetwork, generated: ReportSet
) -> None:
    """The last sightings read column by column are ``to_dict("index")``, key and value.

    A missing cell may come as ``pd.NA`` where ``to_dict`` gives None: the status
    step reads both as missing.
    """
    resolved = generated.resolve(network)
    last = tracking.last_sightings(resolved.sightings_frame(), as_of=pd.Timestamp(AS_OF))
    assert len(last) > 10  # the input has sightings
    for table in (last, last.iloc[:0], last.assign(station=pd.NA)):
        got = tracking._sighting_records(table)
        want = table.to_dict("index")
        assert list(got) == list(want)
        for key, row in want.items():
            assert list(got[key]) == list(row)
            for col, value in row.items():
                if pd.isna(value):
                    assert pd.isna(got[key][col]), col
                    continue
                assert type(got[key][col]) is type(value), col
                assert got[key][col] == value, col
    with pytest.raises(ValueError, match="unique"):  # a repeated index: refused as before
        tracking._sighting_records(pd.concat([last.iloc[:2], last.iloc[:1]]))


def test_route_keys_equal_the_keys_read_as_numpy_scalars(
    network: RailNetwork, generated: ReportSet
) -> None:
    """Each train's transit keys: the same values and the same Python types."""
    routes = pipeline.track(generated, network, as_of=AS_OF).routes
    region = routes.assign(  # a region origin's spread, and a train with no route
        origin_routes=[
            ((("a", 10.0, 0), ("b", 12.5, 1)) if i % 5 == 0 else r)
            for i, r in enumerate(routes[C.ORIGIN_ROUTES])
        ],
        length_km=routes[C.LENGTH_KM].where(routes.index % 7 != 0),
    )
    for table in (routes, region):
        got, want = estimate._route_keys(table), _plain_route_keys(table)
        assert got == want
        assert [type(v) for k in got for pair in k for v in pair] == [
            type(v) for k in want for pair in k for v in pair
        ]


def _told(reports: ReportSet, network: RailNetwork) -> tuple[pd.DataFrame, pd.DataFrame]:
    resolved = reports.resolve(network)
    return resolved.to_frame(), resolved.sightings_frame()


def test_seen_links_equal_the_links_found_row_by_row(
    network: RailNetwork, generated: ReportSet
) -> None:
    """Trains told only as seen link to the same trains when the columns are read once."""
    told, seen = _told(generated, network)
    # Another report's retelling of 40 trains: no origin, seen at the origin on the day
    # it left (linked), or a day before the window opens (not linked), or seen twice;
    # told by the same teller (linked on the same day only), by another channel or by an
    # unknown one (linked a day apart too: the relay slack)
    base = told[told["origin_station_id"].notna() & told["departure_earliest"].notna()]
    teller = ["same", "Zerkalo", "same", "unknown", "same"] * 8
    copies = base.head(40).assign(
        id=lambda df: "seen-" + df["id"].astype(str),
        report=lambda df: "seen-" + df["id"].astype(str),
        origin=None,
        origin_station_id=None,
        origin_region=None,
        group=None,
        source=[
            s if t == "same" else t for s, t in zip(base.head(40)[C.SOURCE], teller, strict=True)
        ],
    )
    shift = pd.to_timedelta([0, -9, 0, 1] * 10, unit="D")
    day = pd.to_datetime(base.head(40)["departure_earliest"]).to_numpy() + shift
    spotted = pd.DataFrame({c: [None] * len(copies) for c in seen.columns}).assign(
        id=["spot-" + str(i) for i in range(len(copies))],
        shipment=copies["id"].tolist(),
        station_id=base.head(40)["origin_station_id"].tolist(),
        seen_at=day.astype(str).tolist(),
    )
    told = pd.concat([told, copies], ignore_index=True)
    seen = pd.concat([seen.astype(object), spotted.astype(object)], ignore_index=True)
    settings = pipeline.DEFAULT_SETTINGS
    for gone in (set(), {len(told) - 1, len(told) - 2}):
        fast = relays._seen_links(told, seen, set(gone), settings)
        assert fast == _plain_seen_links(told, seen, set(gone), settings)
        assert 0 < len(fast) < len(copies)
    # a day after the departure: linked when another teller tells it, never by the same
    first = len(told) - len(copies)
    linked = {i - first for i, _, _ in relays._seen_links(told, seen, set(), settings)}
    a_day_late = {k for k in range(len(copies)) if k % 4 == 3}
    assert {k for k in a_day_late & linked if teller[k] == "same"} == set()
    assert {k for k in a_day_late & linked if teller[k] != "same"}


# --- the resolve stage apart (session 11) ----------------------------------------------
def _apart(reports: ReportSet, network: RailNetwork, as_of: str | None) -> dict[str, Any]:
    """Run the two halves of ``track`` as ``railtrack track`` does, the input dropped between."""
    transit._ROWS.clear()
    resolved = pipeline.resolve_reports(reports, network, as_of=as_of)
    return _frames(pipeline.track_resolved(resolved, network))


def test_embedded_reports_give_the_frames_of_track_in_two_steps(network: RailNetwork) -> None:
    reports = load_reports(data_path("reports"))
    _assert_same(_run(reports, network, None), _apart(reports, network, None))


def test_generated_reports_give_the_frames_of_track_in_two_steps(
    network: RailNetwork, generated: ReportSet
) -> None:
    _assert_same(_run(generated, network, AS_OF), _apart(generated, network, AS_OF))


def test_the_loaded_reports_are_released_once_resolved(network: RailNetwork) -> None:
    """What the later stages read holds no reference to the reports as loaded."""
    import gc
    import weakref

    reports = load_reports(data_path("reports"))
    ids = [s.id for s in reports.shipments]
    loaded = weakref.ref(reports)
    resolved = pipeline.resolve_reports(reports, network, as_of=None)
    del reports
    gc.collect()
    assert loaded() is None
    kept = set(resolved.shipments[C.ID]) | set(resolved.relays[C.ID])
    assert kept == set(ids)  # every train is still there, kept or as a relay
    assert len(resolved.reports.shipments) == len(resolved.shipments)

"""The files ``railtrack track`` writes are the same when written column-wise (issue 20).

At 100,000 trains writing the files took longer than the pipeline: every text cell of
every table went through a Python function one by one. The column-wise writers are
held here to the plain per-cell code they replaced: cell for cell on drawn columns,
and file for file (byte-identical) on the embedded reports.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from railtrack import _frames, accounting, briefing, data_path, load_network, load_reports, safetext
from railtrack import columns as C
from railtrack.pipeline import TrackResult, track

# Text that exercises every rule: formula signs (ASCII and full-width) after spaces,
# control characters, every kind of line break, lone surrogates, Cyrillic.
_TEXT = st.text(
    alphabet=st.sampled_from(
        [
            *"=+-@ \t\n\r\x0b\x0c\x00\x1b\x7f\x85\u2028\ufeff\u200bab1Ор",
            "\uff1d",
            "\ud800",
            "\ufffd",
        ]
    ),
    max_size=6,
)
_CELL = st.one_of(_TEXT, st.none(), st.just(float("nan")))
_ODD = st.one_of(
    _CELL, st.integers(-5, 5), st.booleans(), st.lists(_TEXT, max_size=2), st.floats(-1, 1)
)


def _same(a: pd.Series, b: pd.Series) -> None:
    assert a.dtype == b.dtype == object
    assert a.index.equals(b.index)
    for x, y in zip(a.tolist(), b.tolist(), strict=True):
        if pd.isna(x) if not isinstance(x, list) else False:
            # missing stays missing (pandas' map may turn None into NaN): an empty cell
            assert pd.isna(y), (x, y)
            continue
        assert type(x) is type(y)
        assert x == y, (x, y)


@settings(max_examples=300, deadline=None)
@given(st.lists(_CELL, max_size=30))
def test_text_columns_are_made_safe_as_cell_by_cell(cells: list[object]) -> None:
    series = pd.Series(cells, dtype=object, index=np.arange(len(cells)) * 3)
    _same(safetext.safe_column(series), safetext._safe_column_plain(series))


@settings(max_examples=300, deadline=None)
@given(st.lists(_ODD, max_size=30))
def test_mixed_columns_are_made_safe_as_cell_by_cell(cells: list[object]) -> None:
    series = pd.Series(cells, dtype=object)
    _same(safetext.safe_column(series), safetext._safe_column_plain(series))


@pytest.mark.parametrize(
    "series",
    [
        pd.Series(["=a", None, "b"], dtype="string"),
        pd.Series(pd.Categorical(["-1", "x", "-1"])).astype(object),
        pd.Series([], dtype=object),
        pd.Series([None, float("nan")], dtype=object),
    ],
    ids=["string-dtype", "categorical", "empty", "all-missing"],
)
def test_other_dtypes_are_made_safe_as_cell_by_cell(series: pd.Series) -> None:
    fast, plain = safetext.safe_column(series), safetext._safe_column_plain(series)
    assert fast.tolist() == plain.tolist() or fast.isna().equals(plain.isna())
    assert [type(v) for v in fast] == [type(v) for v in plain]


def test_text_made_safe_keeps_no_utf8_copy() -> None:
    """Issue 20, session 15: pandas.factorize's string table left each distinct text a
    cached UTF-8 copy (111 MB on the route labels of distinct_routes.csv at 100,000
    reports); sys.getsizeof counts that copy."""
    import sys

    label = " → ".join(["Орша", "Минск", "Брест", "Kraków"]) * 50  # a fresh, non-ASCII text
    size = sys.getsizeof(label)
    series = pd.Series([label, None, label, "=1"], dtype=object)
    assert safetext.safe_column(series).tolist() == [label, None, label, "'=1"]
    assert sys.getsizeof(label) == size


@pytest.fixture(scope="module")
def result() -> TrackResult:
    return track(load_reports(data_path("reports")), load_network(), as_of="2023-03-20")


def test_track_files_are_byte_identical_to_the_plain_writers(
    result: TrackResult, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fast = briefing.write_outputs(result, tmp_path / "fast")
    monkeypatch.setattr(safetext, "safe_column", safetext._safe_column_plain)
    monkeypatch.setattr(briefing, "parquet_ready", _frames._parquet_ready_plain)
    plain = briefing.write_outputs(result, tmp_path / "plain")
    assert fast.keys() == plain.keys()
    tables = [name for name in fast if name.endswith((".csv", ".parquet", ".geojson", ".graphml"))]
    assert "shipments.csv" in tables
    assert "estimates.parquet" in tables
    for name in tables:
        assert fast[name].read_bytes() == plain[name].read_bytes(), name


def _plain_cell(value: str) -> str:
    """The cell as made before the printable shortcut: both patterns always run."""
    text = safetext._CONTROL.sub("\ufffd", safetext._LINE_BREAKS.sub("\n", value))
    if text[safetext._LEADING.match(text).end() :].startswith(safetext.FORMULA_STARTS):  # type: ignore[union-attr]
        return "'" + text
    return text


def test_every_character_a_cell_pattern_replaces_is_not_printable() -> None:
    """The shortcut's premise, over every code point: a printable cell needs no replacing."""
    every = "".join(map(chr, range(0x110000)))
    replaced = safetext._CONTROL.findall(every) + safetext._LINE_BREAKS.findall(every)
    assert len(replaced) > 2048  # the C0/C1 controls and the surrogates at least
    assert not any(c.isprintable() for c in replaced)


@settings(max_examples=500, deadline=None)
@given(_TEXT)
def test_cells_equal_the_plain_patterns(text: str) -> None:
    assert safetext.spreadsheet_cell(text) == _plain_cell(text)


def test_routes_geojson_is_the_plain_feature_collection(
    result: TrackResult, tmp_path: Path
) -> None:
    """Each station's point encoded once gives the bytes ``json.dumps`` of each feature gives."""
    from railtrack.graph_export import write_feature_collection

    fast = briefing._geo_files(result, tmp_path)["routes.geojson"]
    plain = write_feature_collection(
        briefing.routes_geojson(result)["features"], tmp_path / "plain.geojson"
    )
    assert len(briefing.routes_geojson(result)["features"]) > 1
    assert fast.read_bytes() == plain.read_bytes()


def _plain_geojson(G: object, path: Path) -> bytes:
    """The corridors file as written before: ``json.dumps`` of each whole feature."""
    from railtrack.graph_export import to_geojson, write_feature_collection

    return write_feature_collection(to_geojson(G)["features"], path).read_bytes()  # type: ignore[arg-type]


def test_corridors_geojson_is_the_plain_feature_collection(
    result: TrackResult, tmp_path: Path
) -> None:
    """Shared route tuples and node points encoded once give ``json.dumps``' bytes."""
    from railtrack.graph_export import write_geojson

    fast = write_geojson(result.graph, tmp_path / "fast.geojson").read_bytes()
    assert result.graph.number_of_edges() > 1
    assert fast == _plain_geojson(result.graph, tmp_path / "plain.geojson")


def test_geojson_of_odd_values_is_the_plain_feature_collection(tmp_path: Path) -> None:
    """Dates, NaN, numpy scalars, nested and mixed lists, a node without a point,
    attribute names that override ``source``/``id``, and names that are not text."""
    import datetime as dt

    import networkx as nx

    from railtrack.graph_export import write_geojson

    G = nx.DiGraph()
    G.add_node("a", lat=52.0, lon=26.5, name='Орша "Ц"', when=dt.date(2023, 3, 1))
    G.add_node("b", lat=np.float64(53.25), lon=27, id="other", n=np.int64(3))
    G.add_node("c", name=None, lat=float("nan"), lon=1.0)  # no point: a null geometry
    shared = ("r1", "r2")
    G.add_edge("a", "b", route_ids=shared, route_trains=(2, 1), cars=float("nan"))
    G.add_edge("b", "c", route_ids=shared, mixed=[1, 2.5, float("nan"), dt.date(2023, 1, 2)])
    G.add_edge("c", "a", source="x", nested=[["a", 1], ("b",)], flag=True, big=np.float32(0.5))
    # values that are equal but written apart: 1 and True, 0.0 and -0.0
    G.add_edge("b", "a", flag=1, zero=0.0, when=dt.datetime(2023, 3, 1, 12, 0))
    G.add_edge("c", "b", flag=True, zero=-0.0, when=dt.date(2023, 3, 1))
    fast = write_geojson(G, tmp_path / "fast.geojson").read_bytes()
    assert fast == _plain_geojson(G, tmp_path / "plain.geojson")
    G.add_edge("a", "c")
    G.edges["a", "c"][7] = "seven"  # a name json.dumps turns into text its own way
    fast = write_geojson(G, tmp_path / "fast2.geojson").read_bytes()
    assert fast == _plain_geojson(G, tmp_path / "plain2.geojson")


def _plain_info(result: TrackResult, sid: str) -> dict[str, object]:
    """A popup's fields from the train's whole row (``iloc``), as before."""
    from railtrack import columns as C
    from railtrack.webmap import _text

    ships = result.shipments
    pos = ships[C.ID].astype(str).tolist().index(sid)
    row = ships.iloc[pos]
    departed = _text(row.get(C.DEPARTURE_EARLIEST))
    latest = _text(row.get(C.DEPARTURE_LATEST))
    if latest and latest != departed:
        departed = f"{departed}–{latest}" if departed else f"by {latest}"
    return {
        "departure": departed,
        "source": _text(row.get(C.SOURCE)),
        "published": _text(row.get(C.PUBLISHED)),
        "from": _text(row.get(C.ORIGIN_STATION)) or _text(row.get(C.ORIGIN)),
        "to": _text(row.get(C.DESTINATION_STATION)) or _text(row.get(C.DESTINATION)),
    }


def test_popup_fields_equal_the_whole_row_reads(result: TrackResult) -> None:
    from railtrack.webmap import _Trains

    trains = _Trains(result)
    ids = [str(i) for i in result.shipments["id"]]
    assert len(ids) > 5
    for sid in ids:
        info = trains.info(sid)
        assert {k: info[k] for k in _plain_info(result, sid)} == _plain_info(result, sid), sid


def test_route_outcomes_equal_those_of_every_column(
    result: TrackResult, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reading only the columns the rule reads gives the outcomes of the whole rows."""
    from railtrack import accounting

    fast = accounting.route_outcomes(result.shipments, result.routes)
    assert (fast["outcome"] != accounting.ROUTED).any()
    monkeypatch.setattr(accounting, "_OUTCOME_INPUTS", frozenset(result.shipments.columns))
    pd.testing.assert_frame_equal(fast, accounting.route_outcomes(result.shipments, result.routes))


@pytest.mark.parametrize(
    "cells",
    [["a", None, "b"], ["a", float("nan")], ["a", 1, None], [None, None], ["x", pd.NaT], []],
    ids=["text-none", "text-nan", "text-int", "none", "text-nat", "empty"],
)
def test_parquet_columns_equal_the_cell_by_cell_conversion(cells: list[object]) -> None:
    df = pd.DataFrame({"c": pd.Series(cells, dtype=object), "n": range(len(cells))})
    pd.testing.assert_frame_equal(_frames.parquet_ready(df), _frames._parquet_ready_plain(df))


def _unstamped(page: str) -> str:
    """The page less the minute it was written at (two renderings may straddle one)."""
    return re.sub(r"\d{4}-\d\d-\d\d \d\d:\d\d UTC", "(written)", page)


def _plain_first_rows(routes: pd.DataFrame, positions: list[int]) -> list[pd.Series]:
    """Each corridor's first route row as the whole row (``iloc``), as before."""
    return [routes.iloc[pos] for pos in positions]


@pytest.fixture(scope="module")
def generated_result(tmp_path_factory: pytest.TempPathFactory) -> TrackResult:
    """A generated input (300 reports over the embedded network), as the scale tests use."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from _generate import generate_reports

    root = tmp_path_factory.mktemp("generated")
    generate_reports(data_path("network"), root, 300, seed=11)
    reports = load_reports(root / "structured")
    reports.extend(load_reports(root / "text"))
    return track(reports, load_network(), as_of="2023-07-01")


@pytest.mark.parametrize("which", ["embedded", "generated"])
def test_map_and_route_files_equal_those_of_uncached_whole_row_reads(
    which: str,
    result: TrackResult,
    generated_result: TrackResult,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The routes grouped once per table and the first rows read by column change nothing.

    ``map_data``, ``routes.geojson`` and ``report.html`` are compared with the plain code:
    the routes grouped afresh at every call and each corridor's first row read whole.
    """
    from railtrack import briefing_html, webmap

    res = result if which == "embedded" else generated_result
    (tmp_path / "fast").mkdir()
    (tmp_path / "plain").mkdir()
    fast = (
        webmap.map_data(res),
        briefing._geo_files(res, tmp_path / "fast")["routes.geojson"].read_bytes(),
        _unstamped(briefing_html.render_briefing(res, {}, files=[])),
    )
    monkeypatch.setattr(webmap, "_route_groups", webmap._group_routes)
    monkeypatch.setattr(webmap, "_first_rows", _plain_first_rows)
    plain = (
        webmap.map_data(res),
        briefing._geo_files(res, tmp_path / "plain")["routes.geojson"].read_bytes(),
        _unstamped(briefing_html.render_briefing(res, {}, files=[])),
    )
    assert len(fast[0]["corridors"]) > 1
    assert fast == plain


def test_route_groups_are_kept_for_one_table_only(result: TrackResult) -> None:
    """The same table is grouped once; another table (or a longer one) afresh."""
    from railtrack import webmap

    routes = result.routes
    first = webmap._route_groups(routes)
    assert webmap._route_groups(routes) is first
    assert webmap._route_groups(routes.copy()) == first
    assert webmap._route_groups(routes) is not first  # the copy replaced it
    shorter = routes.iloc[:1]
    assert webmap._route_groups(shorter) == webmap._group_routes(shorter)
    features = webmap.corridor_features(result)
    assert all(f["ids"] is not g[2] for f in features for g in webmap._route_groups(routes))


def _plain_route_outcomes(shipments: pd.DataFrame, routes: pd.DataFrame) -> pd.DataFrame:
    """Every train's row read whole by ``to_dict``, as before."""
    by_id: dict[str, object] = {}
    if len(routes) and C.ID in routes.columns and "stations" in routes.columns:
        by_id = dict(zip(routes[C.ID].astype(str), routes["stations"], strict=True))
    rows: list[tuple[str, str, str | None]] = []
    read = [
        c for c in shipments.columns if c in accounting._OUTCOME_INPUTS
    ]  # not the other 60 columns
    for row in shipments[read].to_dict("records"):
        sid = str(row.get(C.ID))
        if accounting._has_route(by_id.get(sid)):
            rows.append((sid, accounting.ROUTED, None))
            continue
        origin = accounting._end(row, C.ORIGIN, C.ORIGIN_STATION_ID, C.ORIGIN_REGION)
        destination = accounting._end(
            row, C.DESTINATION, C.DESTINATION_STATION_ID, C.DESTINATION_REGION
        )
        if origin == "none":
            reason, text = accounting.NO_ORIGIN, "the report gives no origin"
        elif origin == "unresolved":
            reason = accounting.UNRESOLVED_ORIGIN
            text = f"origin {row.get(C.ORIGIN)!r} matches no station or region of the network"
        elif destination == "none":
            reason, text = accounting.NO_DESTINATION, "the report gives no destination"
        elif destination == "unresolved":
            reason = accounting.UNRESOLVED_DESTINATION
            text = (
                f"destination {row.get(C.DESTINATION)!r} matches no station or region "
                "of the network"
            )
        else:
            reason = accounting.NO_PATH
            text = (
                f"no rail path joins {row.get(C.ORIGIN)!r} and {row.get(C.DESTINATION)!r} "
                "on the network"
            )
        if origin is not None and destination == "unresolved":
            text += (
                f"; its destination {row.get(C.DESTINATION)!r} matches no station or region "
                "of the network either"
            )
        rows.append((sid, reason, text))
    return pd.DataFrame(rows, columns=list(accounting.OUTCOME_COLUMNS)).astype(
        {accounting.REASON_TEXT: object}
    )


@pytest.mark.parametrize("which", ["embedded", "generated"])
def test_route_outcomes_equal_the_whole_rows_read_train_by_train(
    which: str, result: TrackResult, generated_result: TrackResult
) -> None:
    """Only the unrouted trains' rows read gives the outcomes of every row read."""
    res = result if which == "embedded" else generated_result
    ships = res.shipments
    # every third train's route taken away: the unrouted are read whole
    cut = res.routes[C.STATIONS].where(np.arange(len(res.routes)) % 3 != 0, None)
    for routes in (res.routes, res.routes.assign(**{C.STATIONS: cut})):
        for shipments in (ships, ships.drop(columns=[C.ID]), ships.iloc[::-1], ships.iloc[:0]):
            fast = accounting.route_outcomes(shipments, routes)
            pd.testing.assert_frame_equal(fast, _plain_route_outcomes(shipments, routes))
    assert accounting.route_outcomes(ships, routes)[accounting.OUTCOME].nunique() > 1


@pytest.mark.parametrize("which", ["embedded", "generated"])
def test_briefing_route_cells_once_per_route_equal_those_of_every_train(
    which: str, result: TrackResult, generated_result: TrackResult
) -> None:
    """A route's cells worked out once give the page of each train's own station list."""
    import dataclasses

    from railtrack import briefing_html

    res = result if which == "embedded" else generated_result
    routes = res.routes.copy()
    own = [list(v) if isinstance(v, list) else v for v in routes[C.STATIONS].tolist()]
    routes[C.STATIONS] = pd.Series(own, index=routes.index, dtype=object)
    apart = dataclasses.replace(res, routes=routes)  # no two trains share a list
    if which == "generated":  # trains share their route's list: the cache is used
        shared = res.routes[C.STATIONS].dropna().map(id)
        assert shared.nunique() < len(shared)
    fast = _unstamped(briefing_html.render_briefing(res, {}, files=[]))
    assert fast == _unstamped(briefing_html.render_briefing(apart, {}, files=[]))


@pytest.mark.parametrize("which", ["embedded", "generated"])
def test_route_tables_from_ids_hashed_once_equal_those_hashed_each_time(
    which: str, result: TrackResult, generated_result: TrackResult, tmp_path: Path
) -> None:
    """The four tables naming ``route_id`` are the same from ids hashed once for all."""
    from railtrack import route_files as R

    res = result if which == "embedded" else generated_result
    routes = res.routes
    ids = R.route_ids(routes[C.STATIONS])
    assert ids.notna().any()
    pd.testing.assert_frame_equal(R.per_train_routes(routes, ids=ids), R.per_train_routes(routes))
    pd.testing.assert_frame_equal(R.distinct_routes(routes, ids=ids), R.distinct_routes(routes))
    pd.testing.assert_frame_equal(
        R.per_train_estimates(res.estimates, routes, ids=ids),
        R.per_train_estimates(res.estimates, routes),
    )
    by_route = res.summaries["by_route"]
    pd.testing.assert_frame_equal(
        R.summary_by_route_file(by_route, routes, ids=ids),
        R.summary_by_route_file(by_route, routes),
    )
    # and the files the briefing writes from them, as each table hashed its own
    written = briefing.write_outputs(res, tmp_path / "once")
    for name, table in {
        "routes.csv": R.per_train_routes(routes),
        "distinct_routes.csv": R.distinct_routes(routes),
        "estimates.csv": R.per_train_estimates(res.estimates, routes),
    }.items():
        plain = safetext.write_csv(table, tmp_path / name)
        assert written[name].read_bytes() == plain.read_bytes(), name


def test_the_command_writes_the_files_of_the_library_and_unfreezes(
    result: TrackResult, tmp_path: Path
) -> None:
    """``railtrack track`` (resolving apart, the input released, the heap frozen) writes the
    files of ``write_outputs(track(...))`` and leaves the collector as it found it."""
    import gc

    from typer.testing import CliRunner

    from railtrack.cli import app

    written = briefing.write_outputs(result, tmp_path / "library")
    out = tmp_path / "command"
    run = CliRunner().invoke(
        app, ["track", str(data_path("reports")), "--as-of", "2023-03-20", "-o", str(out), "-q"]
    )
    assert run.exit_code in (0, 1), run.output
    assert gc.get_freeze_count() == 0
    made = sorted(p.name for p in out.iterdir())
    assert made == sorted(written)
    for name, path in written.items():
        if name.endswith((".png", ".html")):
            continue  # images and the page: written by the same code, stamped with the time
        assert (out / name).read_bytes() == path.read_bytes(), name
    page = (out / "report.html").read_text(encoding="utf-8")
    assert _unstamped(page) == _unstamped(written["report.html"].read_text(encoding="utf-8"))

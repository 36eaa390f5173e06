"""The routes as files: per-train rows name their route, each route is listed once."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from railtrack import columns as C
from railtrack import data_path, load_network, load_reports
from railtrack.pipeline import TrackResult, track
from railtrack.route_files import (
    DISTINCT_ROUTE_COLUMNS,
    _label_route_pairs,
    distinct_routes,
    per_train_estimates,
    per_train_routes,
    route_id,
    route_ids,
    summary_by_route_file,
)


@pytest.fixture(scope="module")
def result() -> TrackResult:
    return track(load_reports(data_path("reports")), load_network())


def test_every_routed_train_names_a_listed_route_with_its_stations(result: TrackResult) -> None:
    per_train = per_train_routes(result.routes)
    table = distinct_routes(result.routes)
    assert list(table.columns) == list(DISTINCT_ROUTE_COLUMNS)
    assert C.STATIONS not in per_train.columns
    assert C.ROUTE_LABEL not in per_train.columns
    assert table[C.ROUTE_ID].is_unique
    assert int(table[C.TRAINS].sum()) == int(result.routes[C.STATIONS].notna().sum())
    listed = table.set_index(C.ROUTE_ID)
    for (_, row), stations, label in zip(
        per_train.iterrows(), result.routes[C.STATIONS], result.routes[C.ROUTE_LABEL], strict=True
    ):
        if not isinstance(stations, list):
            assert pd.isna(row[C.ROUTE_ID])
            continue
        route = listed.loc[row[C.ROUTE_ID]]
        assert route[C.STATIONS].split("; ") == stations  # the join loses nothing
        assert route[C.ROUTE_LABEL] == label
        assert route[C.LENGTH_KM] == row[C.LENGTH_KM]


def test_distinct_routes_hold_the_labels_not_copies(result: TrackResult) -> None:
    """Issue 20, session 15: the labels as pandas' Arrow text were copied twice on the way
    to distinct_routes.csv (about 290 MB at 100,000 reports); the table keeps the routes
    table's own label objects, as object columns."""
    table = distinct_routes(result.routes)
    assert len(table) > 1
    assert table[C.ROUTE_LABEL].dtype == object
    assert table[C.STATIONS].dtype == object
    labels = {id(label) for label in result.routes[C.ROUTE_LABEL].cat.categories}
    assert all(id(label) in labels for label in table[C.ROUTE_LABEL])


def test_route_id_depends_on_the_stations_only(result: TrackResult) -> None:
    routes = result.routes
    copied = routes.assign(
        stations=[list(s) if isinstance(s, list) else s for s in routes[C.STATIONS]]
    )
    assert per_train_routes(copied)[C.ROUTE_ID].equals(per_train_routes(routes)[C.ROUTE_ID])
    assert route_id(["A", "B"]) != route_id(["A", "B", "C"])
    assert route_id(["AB"]) != route_id(["A", "B"])  # ids are separated before hashing


def test_estimates_file_keeps_every_column_but_the_label(result: TrackResult) -> None:
    written = per_train_estimates(result.estimates, result.routes)
    assert list(written.columns) == [
        C.ROUTE_ID if c == C.ROUTE_LABEL else c for c in result.estimates.columns
    ]
    for col in result.estimates.columns.drop(C.ROUTE_LABEL):
        assert written[col].equals(result.estimates[col])
    with pytest.raises(ValueError, match="same trains"):
        per_train_estimates(result.estimates.iloc[::-1], result.routes)


def test_no_routed_train_gives_an_empty_table_with_its_columns() -> None:
    routes = pd.DataFrame(
        {C.ID: ["t1"], C.ROUTE_LABEL: [None], C.STATIONS: [None], C.LENGTH_KM: [float("nan")]}
    )
    assert list(distinct_routes(routes).columns) == list(DISTINCT_ROUTE_COLUMNS)
    assert distinct_routes(routes).empty
    assert per_train_routes(routes)[C.ROUTE_ID].isna().all()


def test_route_id_of_text_ids_equals_the_plain_join() -> None:
    """The C-speed join gives the ids of the plain ``str()``-per-station join."""
    import hashlib

    from railtrack.route_files import route_id

    def plain(stations: list[object]) -> str:
        text = "\n".join(str(s) for s in stations)
        return hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()

    for stations in (["T1", "T2"], ("GN1508350", "T87373", "T83114"), ["Ё", "ж"], [1, "T2"]):
        assert route_id(stations) == plain(list(stations))


def _plain_pairs(labels: pd.Series, ids: pd.Series) -> list[tuple[object, object]]:
    """The distinct (label, route id) pairs as ``summary_by_route_file`` read them before."""
    pairs = pd.DataFrame({"label": labels.astype(object), "id": ids})
    return list(pairs.dropna().drop_duplicates().itertuples(index=False, name=None))


_LABEL = st.one_of(st.none(), st.sampled_from(["A → B", "Орша → Брест", "", "x"]))
_ID = st.one_of(st.none(), st.sampled_from(["r1", "r2", "r3"]))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_LABEL, _ID), max_size=25), st.booleans())
def test_label_route_pairs_equal_the_plain_drop_duplicates(
    rows: list[tuple[str | None, str | None]], categorical: bool
) -> None:
    """By integer codes, for a categorical label column (the routes table's) or text."""
    labels = pd.Series([r[0] for r in rows], dtype=object)
    if categorical:
        labels = labels.astype("category")
    ids = pd.Series(pd.Categorical([r[1] for r in rows]))
    assert _label_route_pairs(labels, ids) == _plain_pairs(labels, ids)


def test_summary_by_route_file_names_the_same_route_ids(result: TrackResult) -> None:
    """The file of the embedded reports, against the pairs read row by row."""
    table = summary_by_route_file(result.summaries["by_route"], result.routes)
    plain: dict[str, list[str]] = {}
    ids = route_ids(result.routes[C.STATIONS])
    for label, rid in _plain_pairs(result.routes[C.ROUTE_LABEL], ids):
        plain.setdefault(str(label), []).append(str(rid))
    labels = result.summaries["by_route"][C.ROUTE_LABEL].astype(object).tolist()
    expected = ["; ".join(plain[x]) if isinstance(x, str) and x in plain else None for x in labels]
    assert [None if pd.isna(x) else x for x in table[C.ROUTE_ID].tolist()] == expected
    assert any(expected)

"""Volume summaries: trains and cars by type per origin, railhead, route, border and period.

A report often gives one total for several trains ("in both trains, there are a
total of 86 cars, with only two passenger cars"). Such a :class:`ShipmentGroup` is
counted once: its cars minus the counts its member trains already carry are the
*remainder*. When every member that could hold the remainder falls in the same
row of the table, the remainder counts in that row; otherwise it gets a row of its
own whose differing keys read ``"unallocated across N trains"``. Summing any
summary over its rows therefore gives the same totals as ``by=()``.

Examples
--------
>>> import pandas as pd
>>> ships = pd.DataFrame({
...     "id": ["t1", "t2"], "group": ["g1", "g1"],
...     "origin_region": ["Belarus", "Belarus"],
...     "destination_station": ["Matveev Kurgan", "Neklinovka"],
...     "departure_earliest": [None, "2023-03-01"], "published": ["2023-03-02"] * 2,
...     "source": ["Belarusian Hajun"] * 2, "reliability": ["C", "C"],
... })
>>> groups = pd.DataFrame({
...     "id": ["g1"], "n_trains": [2], "cars_total": [86], "cars_passenger": [2],
...     "source": ["Belarusian Hajun"], "reliability": ["C"],
... })
>>> total = summarize(ships, groups=groups, by=())
>>> total[["trains", "cars_total", "cars_passenger", "personnel_estimate"]].to_dict("records")
[{'trains': 2, 'cars_total': 86, 'cars_passenger': 2, 'personnel_estimate': 100.0}]
>>> by_dest = summarize(ships, groups=groups, by=("destination",))
>>> for row in by_dest[["destination", "trains", "cars_total"]].itertuples(index=False):
...     print(*row, sep=" | ")
Matveev Kurgan | 1 | <NA>
Neklinovka | 1 | <NA>
unallocated across 2 trains | 0 | 86
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from railtrack import columns as C
from railtrack.io.reportset import ReportSet
from railtrack.labels import crossing_pair
from railtrack.settings import DEFAULT_SETTINGS, Settings

__all__ = [
    "SPECIAL_KEYS",
    "groups_to_frame",
    "personnel_estimate",
    "personnel_note",
    "shipments_to_frame",
    "summarize",
    "summarize_views",
    "unallocated_label",
]

logger = logging.getLogger(__name__)

SPECIAL_KEYS: tuple[str, ...] = (
    C.ORIGIN,
    C.DESTINATION,
    C.RAILHEAD,
    C.ROUTE_LABEL,
    C.BORDER_CROSSING,
    C.PERIOD,
)
"""Keys ``summarize`` derives itself; any other shipment column may also be a key."""

Row = Mapping[Any, Any]
"""A record of a frame (``df.to_dict("records")``)."""

UNKNOWN = "unknown"
NO_CROSSING = "none"


def unallocated_label(n_trains: int) -> str:
    """Return the key label of cars that cannot be split between ``n_trains`` trains.

    Examples
    --------
    >>> unallocated_label(2)
    'unallocated across 2 trains'
    >>> unallocated_label(1)
    'unallocated across 1 train'
    """
    return f"unallocated across {n_trains} train{'' if n_trains == 1 else 's'}"


def personnel_estimate(passenger_cars: Any, *, settings: Settings | None = None) -> Any:
    """Estimate personnel from passenger cars: cars x ``Settings.people_per_passenger_car``.

    Parameters
    ----------
    passenger_cars
        A number of passenger cars, or a Series of them (missing stays missing).
    settings
        Where the factor comes from; :data:`railtrack.settings.DEFAULT_SETTINGS` if None.

    Returns
    -------
    float or pandas.Series
        People, as a float (or a float Series with NaN where the cars are unknown).

    Examples
    --------
    >>> personnel_estimate(2)
    100.0
    """
    factor = (settings or DEFAULT_SETTINGS).people_per_passenger_car
    if isinstance(passenger_cars, pd.Series):
        return pd.to_numeric(passenger_cars, errors="coerce").astype("Float64") * factor
    return float(passenger_cars) * factor


def personnel_note(*, settings: Settings | None = None) -> str:
    """Return the factor behind :func:`personnel_estimate` and its source, as one line.

    Examples
    --------
    >>> personnel_note().startswith("50 people per passenger car")
    True
    """
    s = settings or DEFAULT_SETTINGS
    field_info = Settings.model_fields["people_per_passenger_car"]
    return (
        f"{s.people_per_passenger_car:g} people per passenger car "
        f"(Settings.people_per_passenger_car). Source: {field_info.description}"
    )


# --- inputs ----------------------------------------------------------------------


def _report_set(shipments: Iterable[Any], groups: Iterable[Any] = ()) -> ReportSet:
    out = ReportSet()
    for record in (*shipments, *groups):
        out.add(record)
    return out


def shipments_to_frame(shipments: Iterable[Any]) -> pd.DataFrame:
    """Return :class:`~railtrack.models.Shipment` objects as a frame in ``SHIPMENT_COLUMNS``.

    Use it for shipments that do not come with a ``ReportSet`` (e.g. the result of
    :func:`railtrack.extract_shipments`).

    Examples
    --------
    >>> from railtrack.models import Shipment, Source
    >>> df = shipments_to_frame([Shipment(id="t1", source=Source(reporter="Hajun"))])
    >>> list(df.columns) == list(C.SHIPMENT_COLUMNS), df.loc[0, "source"]
    (True, 'Hajun')
    """
    return _report_set(shipments).to_frame()


def groups_to_frame(groups: Iterable[Any], *, shipments: Iterable[Any] = ()) -> pd.DataFrame:
    """Return :class:`~railtrack.models.ShipmentGroup` objects as a frame in ``GROUP_COLUMNS``.

    ``members`` lists the ids of the ``shipments`` that point to each group.

    Examples
    --------
    >>> from railtrack.models import CarCounts, ShipmentGroup, Source
    >>> g = ShipmentGroup(id="g1", n_trains=2, cars=CarCounts(total=86, passenger=2),
    ...                   source=Source(reporter="Hajun"))
    >>> groups_to_frame([g])[["id", "n_trains", "cars_total"]].to_dict("records")
    [{'id': 'g1', 'n_trains': 2, 'cars_total': 86}]
    """
    return _report_set(shipments, groups).groups_frame()


def _as_frames(shipments: Any, groups: Any) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Normalise the accepted inputs to (shipments frame, groups frame)."""
    models: list[Any] | None = None
    if isinstance(shipments, pd.DataFrame):
        ship_df = shipments
    elif callable(getattr(shipments, "to_frame", None)):
        ship_df = shipments.to_frame()
        if groups is None and callable(getattr(shipments, "groups_frame", None)):
            groups = shipments.groups_frame()
    elif hasattr(shipments, "shipments"):
        models = list(shipments.shipments)
        ship_df = shipments_to_frame(models)
        if groups is None:
            groups = list(getattr(shipments, "groups", []))
    else:
        models = list(shipments)
        ship_df = shipments_to_frame(models)
    if groups is None:
        group_df = pd.DataFrame(columns=list(C.GROUP_COLUMNS))
    elif isinstance(groups, pd.DataFrame):
        group_df = groups
    else:
        group_df = groups_to_frame(groups, shipments=models or ())
    if C.ID not in ship_df.columns:
        msg = f"the shipments table has no {C.ID!r} column"
        raise ValueError(msg)
    return ship_df.reset_index(drop=True), group_df.reset_index(drop=True)


# --- values per train ------------------------------------------------------------


def _text(value: Any) -> str | None:
    if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)):
        return None
    text = str(value).strip()
    return text or None


def _split_list(value: Any) -> list[str]:
    if value is None or value is pd.NA:
        return []
    if isinstance(value, str):
        return [part.strip() for part in value.split(";") if part.strip()]
    if isinstance(value, float) and np.isnan(value):
        return []
    return [str(part) for part in value]


_BASIS = "_basis"
_SOURCE_LABEL = "_source"
_GRADE = "_grade"
_CRED = "_credibility"
_SHIP = "_shipment"
_GROUP = "_group"


def _to_period(dates: pd.Series, freq: str) -> pd.Series:
    try:
        starts: pd.Series = dates.dt.to_period(freq).dt.start_time
    except (ValueError, TypeError) as exc:
        msg = f"freq {freq!r} is not a pandas period frequency (e.g. 'D', 'W', 'M', 'Q'): {exc}"
        raise ValueError(msg) from exc
    return starts.astype("datetime64[ns]")


def _dates(df: pd.DataFrame, col: str) -> pd.Series:
    if col not in df.columns:
        return pd.Series(pd.NaT, index=df.index, dtype="datetime64[ns]")
    if pd.api.types.is_datetime64_any_dtype(df[col]):
        return pd.to_datetime(df[col]).dt.normalize()
    values = df[col].map(lambda v: None if _text(v) is None else str(v)[:10])
    return pd.to_datetime(values, errors="coerce", format="ISO8601")


def _count(value: Any) -> int | None:
    if value is None or value is pd.NA:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if np.isnan(number) else int(number)


def _flag(value: Any) -> bool:
    return bool(value) if value is not None and value is not pd.NA and value == value else False


def _source_label(row: Row) -> tuple[str | None, str | None]:
    reporter = _text(row.get(C.SOURCE))
    grade = _text(row.get(C.RELIABILITY))
    if reporter is None:
        return None, grade
    return (f"{reporter} ({grade})" if grade else reporter), grade


def _stripped(df: pd.DataFrame, col: str) -> pd.Series:
    """Return a column as stripped ``str``, missing where blank (all missing if absent)."""
    if col not in df.columns:
        return pd.Series(np.nan, index=df.index, dtype="str")
    text = df[col].astype("str").str.strip()
    return text.where(text != "")


def _texts(df: pd.DataFrame, col: str) -> pd.Series:
    """Return a column as stripped strings, None where missing (all None if absent)."""
    text = _stripped(df, col)
    return text.astype(object).where(text.notna(), None)


def _coalesce(df: pd.DataFrame, cols: Sequence[str]) -> pd.Series:
    """Return the first known text of ``cols`` per row, else ``"unknown"``."""
    out = _stripped(df, cols[0])
    for col in cols[1:]:
        out = out.fillna(_stripped(df, col))
    return out.fillna(UNKNOWN)


def _counts(df: pd.DataFrame, col: str) -> pd.Series:
    """Return a count column as nullable integers (non-numbers are missing)."""
    if col not in df.columns:
        return pd.Series(pd.array([None] * len(df), dtype="Int64"), index=df.index)
    values = df[col]
    if not pd.api.types.is_numeric_dtype(values):
        values = pd.to_numeric(values.astype(object), errors="coerce")
    numbers = values.astype("float64")
    return pd.Series(pd.array(np.trunc(numbers), dtype="Int64"), index=df.index)


def _flags(df: pd.DataFrame, col: str) -> pd.Series:
    """Return a flag column as booleans (missing is False)."""
    if col not in df.columns:
        return pd.Series(False, index=df.index)
    try:
        return df[col].astype("boolean").fillna(False).astype(bool)
    except (TypeError, ValueError):
        return df[col].astype(object).map(_flag).astype(bool)


def _source_labels(df: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """Return "reporter (grade)" (or the reporter alone) and the grade per row."""
    reporter, grade = _texts(df, C.SOURCE), _texts(df, C.RELIABILITY)
    both = reporter.notna() & grade.notna()
    label = reporter.copy()
    label[both] = reporter[both] + " (" + grade[both] + ")"
    return label, grade


# --- keys as codes -----------------------------------------------------------------


def _objects(values: Sequence[Any]) -> np.ndarray:
    """Return ``values`` as a 1-d object array (tuples stay elements)."""
    return np.fromiter(values, dtype=object, count=len(values))


def _index(values: Sequence[Any], dtype: Any) -> pd.Index:
    """Return ``values`` as an Index of ``dtype`` (tuples stay tuples in an object Index)."""
    if pd.api.types.is_object_dtype(dtype):
        return pd.Index(list(values), dtype=object, tupleize_cols=False)
    return pd.Index(list(values), dtype=dtype)


def _append(index: pd.Index, values: Sequence[Any]) -> pd.Index:
    """Return ``index`` followed by ``values``, in the index's dtype unless it is empty."""
    if not len(values):
        return index
    return index.append(_index(values, index.dtype if len(index) else object))


def _positions(index: pd.Index, values: Sequence[str]) -> np.ndarray:
    """Return the position of each text of ``values`` in ``index`` (-1 where absent).

    Only entries no longer than the longest of ``values`` are compared, so a few
    short labels are found among long route labels without making Python strings
    of those (an Index lookup would).
    """
    if not len(index) or not len(values):
        return np.full(len(values), -1, dtype=np.int64)
    # A boolean mask filters Arrow chunks in place; positions would join the chunks.
    is_short = np.asarray(index.str.len() <= max(map(len, values)), dtype=bool)
    short = np.flatnonzero(is_short)
    found = index[is_short].get_indexer(pd.Index(list(values), dtype=object))
    out = np.full(len(values), -1, dtype=np.int64)
    out[found >= 0] = short[found[found >= 0]]
    return out


@dataclass
class _Key:
    """One key's value per train, as a code into ``base`` or into values added later.

    Trains keep codes rather than values, so that long repeated values (route labels)
    exist once and every view groups on integers. A border crossing key holds each
    train's tuple of crossings (``sets``); a view expands it to one row per crossing.
    """

    base: pd.Index
    codes: np.ndarray
    sets: bool = False
    added: dict[Any, int] = field(default_factory=dict)

    def code(self, value: Any) -> int:
        """Return the code of ``value``, adding it when it is new."""
        if value in self.added:
            return self.added[value]
        if isinstance(value, str):
            loc = int(_positions(self.base, [value])[0])
        else:
            try:
                loc = int(self.base.get_loc(value))
            except KeyError:
                loc = -1
        if loc < 0:
            loc = self.added[value] = len(self.base) + len(self.added)
        return loc

    def label_code(self, label: str) -> int:
        """Return the code of a label that stands for several trains' values."""
        return self.code((label,) if self.sets else label)

    def values(self) -> pd.Index:
        """Return every value by its code."""
        return _append(self.base, list(self.added))


def _factorized(values: pd.Series, *, sets: bool = False) -> _Key:
    """Return a key of ``values`` (hashable; tuples when ``sets``)."""
    if sets:
        seen: dict[Any, int] = {}
        codes = np.fromiter((seen.setdefault(v, len(seen)) for v in values), np.int64, len(values))
        return _Key(_index(list(seen), object), codes, sets=True)
    codes, uniques = pd.factorize(values, use_na_sentinel=False)
    return _Key(pd.Index(uniques), codes.astype(np.int64))


def _text_codes(values: pd.Series) -> tuple[np.ndarray, pd.Index]:
    """Return a code per row for equal values (-1 where missing) and the values by code.

    Arrow-backed strings are ranked in Arrow instead of hashed: a hash table would
    hold a second copy of every distinct text, and route labels run to thousands
    of characters.
    """
    if not (isinstance(values.dtype, pd.StringDtype) and values.dtype.storage == "pyarrow"):
        codes, uniques = pd.factorize(values)
        return codes.astype(np.int64), pd.Index(uniques)
    data = pa.array(values)
    ranks = pc.rank(data, tiebreaker="dense").to_numpy().astype(np.int64) - 1
    ranks[data.is_null().to_numpy(zero_copy_only=False)] = -1  # missing ranks last
    present, first = np.unique(ranks, return_index=True)
    first = first[present >= 0]
    # Number the values by first appearance, and select them with a mask: a mask
    # filters each Arrow chunk in place, where positions would join all the chunks.
    code_of_rank = np.empty(len(first), dtype=np.int64)
    code_of_rank[np.argsort(first)] = np.arange(len(first))
    codes = np.where(ranks >= 0, code_of_rank[np.maximum(ranks, 0)], -1)
    is_first = np.zeros(len(values), dtype=bool)
    is_first[first] = True
    return codes, pd.Index(values[is_first].array)


def _route_labels(routes: pd.DataFrame) -> tuple[np.ndarray, pd.Index]:
    """Return each route row's code among the stripped labels (-1 when blank or missing).

    Labels are told apart before any Python string is made, so that a label shared
    by many rows is converted and stripped once.
    """
    if C.ROUTE_LABEL not in routes.columns:
        return np.full(len(routes), -1, np.int64), pd.Index([], dtype=object)
    codes, labels = _text_codes(routes[C.ROUTE_LABEL])
    if isinstance(labels.dtype, pd.CategoricalDtype):
        labels = labels.astype(labels.dtype.categories.dtype)
    if labels.dtype == object:
        labels = pd.Index([str(v) for v in labels], dtype=object)
    text = labels.to_series(index=range(len(labels)))
    if len(text) and (text.str[:1].str.isspace() | text.str[-1:].str.isspace()).any():
        recodes, labels = pd.factorize(text.str.strip())
        codes = np.where(codes >= 0, recodes[codes], -1)
        labels = pd.Index(labels)
    blank = _positions(labels, [""])[0]
    if blank >= 0:
        codes = np.where(codes == blank, -1, codes)
    return codes.astype(np.int64), labels


def _crossing_sets(values: pd.Series) -> np.ndarray:
    """Return each row's sorted distinct border crossings, ``("none",)`` if it has none.

    A text column is parsed once per distinct text; lists (from a mapping of
    routes) one by one.
    """

    def parse(value: Any) -> tuple[str, ...]:
        # One crossing whatever the direction (the direction is a column of its own).
        return tuple(sorted({crossing_pair(c) for c in _split_list(value)})) or (NO_CROSSING,)

    if values.dtype != object:
        codes, uniques = pd.factorize(values, use_na_sentinel=False)
        return _objects([parse(value) for value in uniques])[codes]
    return _objects([parse(value) for value in values])


@dataclass
class _Routes:
    """Each train's route: label code (-1 without a route), labels, border crossings."""

    codes: np.ndarray
    labels: pd.Index
    crossings: np.ndarray


def _routes_frame(routes: Any) -> pd.DataFrame:
    """Return routes as a frame of ``id``, ``route`` and ``border_crossings``."""
    if isinstance(routes, pd.DataFrame):
        if C.ID not in routes.columns:
            msg = f"the routes table has no {C.ID!r} column"
            raise ValueError(msg)
        return routes
    known = [(str(sid), route) for sid, route in (routes or {}).items() if route is not None]
    return pd.DataFrame(
        {
            C.ID: pd.Series([sid for sid, _ in known], dtype=object),
            C.ROUTE_LABEL: pd.Series([" → ".join(r.names) for _, r in known], dtype=object),
            C.BORDER_CROSSINGS: pd.Series(
                [tuple(r.border_crossings) for _, r in known], dtype=object
            ),
        }
    )


def _train_routes(routes: Any, ids: np.ndarray) -> _Routes:
    """Look up each train's route by id; the last labelled row of an id counts."""
    frame = _routes_frame(routes)
    codes, labels = _route_labels(frame)
    rows = np.flatnonzero(codes >= 0)
    route_ids = frame[C.ID].iloc[rows].map(str).to_numpy(dtype=object)
    last = ~pd.Series(route_ids).duplicated(keep="last").to_numpy()
    found = pd.Index(route_ids[last]).get_indexer(ids)
    has_route = found >= 0
    row = rows[last][found[has_route]]
    label = np.full(len(ids), -1, dtype=np.int64)
    label[has_route] = codes[row]
    crossings = _objects([(UNKNOWN,)] * len(ids))
    if C.BORDER_CROSSINGS in frame.columns:
        crossings[has_route] = _crossing_sets(frame[C.BORDER_CROSSINGS].iloc[row])
    else:
        crossings[has_route] = _objects([(NO_CROSSING,)] * len(row))
    return _Routes(label, labels, crossings)


def _route_key(routes: _Routes, origin: pd.Series, destination: pd.Series) -> _Key:
    """Return the route key: the route's label, else "origin → destination"."""
    missing = routes.codes < 0
    fallback = origin[missing] + " → " + destination[missing]
    fb_codes, fb_values = pd.factorize(fallback.to_numpy(dtype=object))
    labels = routes.labels
    found = _positions(labels, fb_values)
    new = found < 0
    values = _append(labels, list(fb_values[new]))
    found[new] = len(labels) + np.arange(int(new.sum()))
    codes = routes.codes.copy()
    codes[missing] = found[fb_codes]
    return _Key(values, codes.astype(np.int64))


@dataclass
class _Trains:
    """Everything the views need per train, built once: key codes, counts and texts."""

    keys: dict[str, _Key]
    numbers: pd.DataFrame
    texts: dict[str, np.ndarray]


def _train_keys(
    ship_df: pd.DataFrame,
    keys: Sequence[str],
    *,
    ids: np.ndarray,
    period: pd.Series,
    routes: Any,
) -> dict[str, _Key]:
    """Return the codes of each key, per train."""
    origin = _coalesce(ship_df, (C.ORIGIN_STATION, C.ORIGIN_REGION, C.ORIGIN))
    destination = _coalesce(ship_df, (C.DESTINATION_STATION, C.DESTINATION_REGION, C.DESTINATION))
    routed = {C.ROUTE_LABEL, C.BORDER_CROSSING} & set(keys)
    train_routes = _train_routes(routes, ids) if routed else None
    out: dict[str, _Key] = {}
    for key in keys:
        if key == C.ORIGIN:
            out[key] = _factorized(origin)
        elif key in (C.DESTINATION, C.RAILHEAD):
            out[key] = _factorized(destination)
        elif key == C.ROUTE_LABEL:
            out[key] = _route_key(train_routes, origin, destination)
        elif key == C.BORDER_CROSSING:
            out[key] = _factorized(train_routes.crossings, sets=True)
        elif key == C.PERIOD:
            out[key] = _factorized(period)
        else:
            out[key] = _factorized(_stripped(ship_df, key).fillna(UNKNOWN))
    return out


def _trains(ship_df: pd.DataFrame, keys: Sequence[str], *, freq: str, routes: Any) -> _Trains:
    """Return one contribution per train: its key codes, its own counts and texts."""
    ids = ship_df[C.ID].map(str).to_numpy(dtype=object)
    if C.BEST_DATE in ship_df.columns:  # each train's best date (railtrack.dating)
        period = _to_period(_dates(ship_df, C.BEST_DATE), freq)
        basis = _texts(ship_df, C.DATE_BASIS).to_numpy(dtype=object)
    else:
        departure = _dates(ship_df, C.DEPARTURE_EARLIEST)
        published = _dates(ship_df, C.PUBLISHED)
        period = _to_period(departure.fillna(published), freq)  # checks freq, even if unused
        basis = np.where(
            departure.notna(), "departure", np.where(published.notna(), "published", None)
        )
    numbers = pd.DataFrame({C.TRAINS: np.ones(len(ship_df), np.int64)})
    for col in C.CAR_COLUMNS:
        numbers[col] = _counts(ship_df, col).array
    numbers[C.TRAINS_WITH_CARS] = numbers[C.CARS_TOTAL].notna().astype("int64")
    numbers[C.CARS_UNALLOCATED] = np.zeros(len(ship_df), np.int64)
    for col in (C.CARS_TOTAL_DERIVED, C.CARS_ESTIMATED):
        numbers[col] = _flags(ship_df, col).to_numpy()
    numbers[_CRED] = _counts(ship_df, C.CREDIBILITY).array
    source, grade = _source_labels(ship_df)
    texts = {
        C.UNALLOCATED: np.full(len(ship_df), None, dtype=object),
        _SOURCE_LABEL: source.to_numpy(dtype=object),
        _GRADE: grade.to_numpy(dtype=object),
        _SHIP: ids,
        _GROUP: _texts(ship_df, C.GROUP).to_numpy(dtype=object),
        _BASIS: basis.astype(object),
    }
    codes = _train_keys(ship_df, keys, ids=ids, period=period, routes=routes)
    return _Trains(keys=codes, numbers=numbers, texts=texts)


# --- group remainders ------------------------------------------------------------


@dataclass
class _Remainders:
    """Per group, its cars not carried by its member trains' own counts.

    ``numbers`` and ``texts`` are the remainders' contributions, shaped as those of
    :class:`_Trains`. Where the cars go depends on the keys of a view: the trains
    that may hold them are ``holders`` (train positions) of remainder ``owner``; a
    group with ``unlisted`` trains also counts a train of its own, dated like the
    group (``periods``). ``labels`` name the trains the cars are across, and
    ``bases`` give the period basis for when the cars get a period.
    """

    numbers: pd.DataFrame
    texts: dict[str, np.ndarray]
    holders: np.ndarray
    owner: np.ndarray
    unlisted: np.ndarray
    labels: list[str]
    periods: list[Any]
    bases: list[str | None]


def _members(
    group_df: pd.DataFrame, trains: _Trains
) -> tuple[dict[str, list[str]], dict[str, int]]:
    """Return each group's member ids and the train position of each member id."""
    ship, grp = trains.texts[_SHIP], trains.texts[_GROUP]
    grouped = pd.notna(grp)
    by_group: dict[str, list[str]] = {}
    for sid, gid in zip(ship[grouped], grp[grouped], strict=True):
        by_group.setdefault(gid, []).append(sid)
    listed = {m for value in group_df.get(C.MEMBERS, ()) for m in _split_list(value)}
    rows = grouped | pd.Series(ship).isin(listed).to_numpy()
    position = {sid: int(i) for i, sid in zip(np.flatnonzero(rows), ship[rows], strict=True)}
    return by_group, position


def _remainders(
    group_df: pd.DataFrame, trains: _Trains, *, freq: str, problems: list[str]
) -> _Remainders:
    """Return, per group, its cars not carried by its member trains, and who may hold them."""
    group_period = _to_period(_dates(group_df, C.PUBLISHED), freq).tolist() if len(group_df) else []
    by_group, position = _members(group_df, trains) if len(group_df) else ({}, {})
    cars = {
        col: trains.numbers[col].to_numpy(dtype=float, na_value=np.nan) for col in C.CAR_COLUMNS
    }
    basis = trains.texts[_BASIS]
    rows: list[dict[str, Any]] = []
    holders: list[list[int]] = []
    unlisted_n: list[int] = []
    labels: list[str] = []
    periods: list[Any] = []
    bases: list[str | None] = []
    for i, grp in enumerate(group_df.to_dict("records")):
        gid = str(grp[C.ID])
        members = list(by_group.get(gid, []))
        for extra in _split_list(grp.get(C.MEMBERS)):
            if extra in position and extra not in members:
                members.append(extra)
        at = [position[m] for m in members]
        unlisted = max(_count(grp.get(C.N_TRAINS)) or 0, len(at)) - len(at)
        remainder: dict[str, int | None] = {}
        for col in C.CAR_COLUMNS:
            total = _count(grp.get(col))
            if total is None:
                remainder[col] = None
                continue
            known = int(np.nansum(cars[col][at])) if at else 0
            if known > total:
                problems.append(
                    f"group {gid}: its trains carry {known} {col}, more than the group's "
                    f"{total}; nothing left to allocate"
                )
                known = total
            remainder[col] = total - known
        if not any(remainder.values()) and unlisted == 0:
            continue
        held = [p for p in at if np.isnan(cars[C.CARS_TOTAL][p])] or at
        n_across = len(held) + unlisted
        held_bases = {basis[p] for p in held}
        if unlisted:
            held_bases.add("published" if pd.notna(group_period[i]) else None)
        passenger = remainder[C.CARS_PASSENGER]
        parts = f" ({passenger} passenger)" if passenger else ""
        note = (
            f"{remainder[C.CARS_TOTAL] or 0} cars{parts} of group {gid} across {n_across} "
            f"train{'' if n_across == 1 else 's'}"
            + (f" ({unlisted} not listed)" if unlisted else "")
        )
        source, grade = _source_label(grp)
        rows.append(
            {
                C.TRAINS: unlisted,
                **remainder,
                C.TRAINS_WITH_CARS: 0,
                C.CARS_UNALLOCATED: remainder[C.CARS_TOTAL] or 0,
                C.CARS_TOTAL_DERIVED: _flag(grp.get(C.CARS_TOTAL_DERIVED)),
                C.CARS_ESTIMATED: _flag(grp.get(C.CARS_ESTIMATED)),
                _CRED: None,
                C.UNALLOCATED: note,
                _SOURCE_LABEL: source,
                _GRADE: grade,
                _SHIP: None,
                _GROUP: gid,
            }
        )
        holders.append(held)
        unlisted_n.append(unlisted)
        labels.append(unallocated_label(n_across))
        periods.append(group_period[i])
        bases.append("; ".join(sorted(b for b in held_bases if b)) or None)
    frame = pd.DataFrame(rows, columns=[*trains.numbers.columns, *trains.texts][:-1])
    numbers = frame[list(trains.numbers.columns)].astype(trains.numbers.dtypes.to_dict())
    texts = {col: frame[col].to_numpy(dtype=object) for col in trains.texts if col != _BASIS}
    return _Remainders(
        numbers=numbers,
        texts=texts,
        holders=np.array([p for h in holders for p in h], dtype=np.int64),
        owner=np.repeat(np.arange(len(holders)), [len(h) for h in holders]).astype(np.int64),
        unlisted=np.array(unlisted_n, dtype=np.int64),
        labels=labels,
        periods=periods,
        bases=bases,
    )


def _remainder_codes(rest: _Remainders, key: _Key, *, period: bool) -> np.ndarray:
    """Return each remainder's code of ``key`` in one view.

    It is the value its holders (and its unlisted trains) share, else the label
    "unallocated across N trains" (no date for a period).
    """
    n = len(rest.labels)
    cache: dict[Any, int] = {}

    def code(value: Any, *, label: bool) -> int:
        if value not in cache:
            cache[value] = key.label_code(value) if label else key.code(value)
        return cache[value]

    pseudo = np.flatnonzero(rest.unlisted > 0)
    own = [
        code(rest.periods[i], label=False) if period else code(rest.labels[i], label=True)
        for i in pseudo
    ]
    values = np.concatenate([key.codes[rest.holders], np.array(own, dtype=np.int64)])
    owner = np.concatenate([rest.owner, pseudo])
    low, high = np.full(n, np.iinfo(np.int64).max), np.full(n, -1)
    np.minimum.at(low, owner, values)
    np.maximum.at(high, owner, values)
    differ = [
        code(pd.NaT, label=False) if period else code(label, label=True) for label in rest.labels
    ]
    return np.where(low == high, low, np.array(differ, dtype=np.int64)).astype(np.int64)


# --- views -----------------------------------------------------------------------


def _group_ids(columns: Sequence[np.ndarray], n: int) -> np.ndarray:
    """Return ids 0, 1, ... of the distinct combinations of codes, by first appearance."""
    combined = np.zeros(n, dtype=np.int64)
    for col in columns:
        combined, _ = pd.factorize(combined * (int(col.max(initial=0)) + 1) + col)
        combined = combined.astype(np.int64)
    ids, _ = pd.factorize(combined)
    return ids.astype(np.int64)


def _join(texts: list[str]) -> str | None:
    return "; ".join(texts) or None


def _join_unique(texts: list[str]) -> str | None:
    return "; ".join(dict.fromkeys(texts)) or None


def _join_sorted(texts: list[str]) -> str | None:
    return "; ".join(sorted(set(texts))) or None


def _join_bases(texts: list[str]) -> str:
    parts = {p for v in texts for p in v.split("; ")}
    return "; ".join(sorted(parts)) or UNKNOWN


def _best_grade(texts: list[str]) -> str | None:
    return min(texts) if texts else None


def _per_group(
    values: np.ndarray, group: np.ndarray, n_groups: int, combine: Callable[[list[str]], Any]
) -> pd.Series:
    """Return ``combine`` of each group's strings (the known ``values``), in row order."""
    known = pd.notna(values)
    order = np.argsort(group[known], kind="stable")
    texts = values[known][order]
    bounds = np.searchsorted(group[known][order], np.arange(n_groups + 1))
    return pd.Series([combine(texts[a:b].tolist()) for a, b in itertools.pairwise(bounds)])


@dataclass
class _Contributions:
    """The rows a view sums: trains, then group remainders (views choose the keys)."""

    trains: _Trains
    rest: _Remainders
    numbers: pd.DataFrame
    texts: dict[str, np.ndarray]


def _contributions(trains: _Trains, rest: _Remainders) -> _Contributions:
    """Return the trains' and the remainders' contributions, stacked once for all views."""
    numbers = pd.concat([trains.numbers, rest.numbers], ignore_index=True)
    texts = {
        col: np.concatenate([values, rest.texts[col]])
        for col, values in trains.texts.items()
        if col != _BASIS
    }
    return _Contributions(trains, rest, numbers, texts)


def _view(rows: _Contributions, keys: Sequence[str], *, settings: Settings) -> pd.DataFrame:
    """Sum the contributions per combination of the values of ``keys``."""
    trains, rest = rows.trains, rows.rest
    codes = {
        k: np.concatenate(
            [trains.keys[k].codes, _remainder_codes(rest, trains.keys[k], period=k == C.PERIOD)]
        )
        for k in keys
    }
    values = {k: trains.keys[k].values() for k in keys}
    texts = dict(rows.texts)
    if C.PERIOD in keys:
        dated = pd.notna(values[C.PERIOD].take(codes[C.PERIOD][len(trains.numbers) :]))
        bases = np.array(rest.bases, dtype=object)
        texts[_BASIS] = np.concatenate([trains.texts[_BASIS], np.where(dated, bases, None)])
    numbers = rows.numbers
    if C.BORDER_CROSSING in keys:
        at, crossing = _explode(codes[C.BORDER_CROSSING], values[C.BORDER_CROSSING])
        codes = {k: crossing.codes if k == C.BORDER_CROSSING else v[at] for k, v in codes.items()}
        values[C.BORDER_CROSSING] = crossing.base
        texts = {col: v[at] for col, v in texts.items()}
        numbers = numbers.iloc[at]
    return _aggregate(numbers, texts, codes, values, keys, settings=settings)


def _explode(sets: np.ndarray, values: pd.Index) -> tuple[np.ndarray, _Key]:
    """Return, for each (row, crossing) pair, the row and the crossing's code."""
    exploded = pd.Series(_objects(list(values))[sets]).explode()
    return exploded.index.to_numpy(), _factorized(exploded.astype(object))


def _aggregate(
    numbers: pd.DataFrame,
    texts: Mapping[str, np.ndarray],
    codes: Mapping[str, np.ndarray],
    values: Mapping[str, pd.Index],
    keys: Sequence[str],
    *,
    settings: Settings,
) -> pd.DataFrame:
    """Sum the contributions per combination of key codes."""
    lead = [*keys, *([C.PERIOD_BASIS] if C.PERIOD in keys else [])]
    columns = [*lead, *C.SUMMARY_VALUE_COLUMNS]
    if numbers.empty:
        empty = pd.DataFrame(columns=columns)
        empty[C.PERSONNEL_ESTIMATE] = empty[C.PERSONNEL_ESTIMATE].astype("Float64")
        return empty
    group = _group_ids([codes[k] for k in keys], len(numbers))
    n = int(group.max()) + 1
    first = np.unique(group, return_index=True)[1]
    g = numbers.reset_index(drop=True).groupby(group, sort=True)
    parts: dict[str, Any] = {}
    for key in keys:
        taken = values[key].take(codes[key][first])
        parts[key] = taken.astype("datetime64[ns]" if key == C.PERIOD else "str")
    if C.PERIOD in keys:
        parts[C.PERIOD_BASIS] = _per_group(texts[_BASIS], group, n, _join_bases)
    parts |= {
        C.TRAINS: g[C.TRAINS].sum(),
        C.TRAINS_WITH_CARS: g[C.TRAINS_WITH_CARS].sum(),
        **{col: g[col].sum(min_count=1) for col in C.CAR_COLUMNS},
        C.CARS_UNALLOCATED: g[C.CARS_UNALLOCATED].sum(),
        C.CARS_TOTAL_DERIVED: g[C.CARS_TOTAL_DERIVED].any(),
        C.CARS_ESTIMATED: g[C.CARS_ESTIMATED].any(),
        C.UNALLOCATED: _per_group(texts[C.UNALLOCATED], group, n, _join),
        C.SOURCES: _per_group(texts[_SOURCE_LABEL], group, n, _join_sorted),
        C.BEST_RELIABILITY: _per_group(texts[_GRADE], group, n, _best_grade),
        C.BEST_CREDIBILITY: g[_CRED].min().astype("Int64"),
        C.SHIPMENTS: _per_group(texts[_SHIP], group, n, _join),
        C.GROUPS: _per_group(texts[_GROUP], group, n, _join_unique),
    }
    df = pd.DataFrame({k: v.array if isinstance(v, pd.Series) else v for k, v in parts.items()})
    df[C.PERSONNEL_ESTIMATE] = personnel_estimate(df[C.CARS_PASSENGER], settings=settings)
    return _sort(df[columns], keys)


def _validate_keys(keys: Sequence[str], ship_df: pd.DataFrame, routes: Any) -> None:
    for key in keys:
        if key not in SPECIAL_KEYS and key not in ship_df.columns:
            allowed = ", ".join((*SPECIAL_KEYS, "or a shipment column"))
            msg = f"cannot summarise by {key!r}: use {allowed}"
            raise ValueError(msg)
    if C.BORDER_CROSSING in keys and routes is None:
        logger.info("No routes given: border crossings are 'unknown'")
    if len(set(keys)) != len(keys):
        msg = f"duplicate keys in by={tuple(keys)!r}"
        raise ValueError(msg)


def _unknown_groups(trains: _Trains, group_df: pd.DataFrame) -> list[str]:
    """Return a problem for each train whose group is not among the groups."""
    known = set(group_df[C.ID].map(str)) if len(group_df) else set()
    grp = pd.Series(trains.texts[_GROUP], dtype=object)
    bad = np.flatnonzero((grp.notna() & ~grp.isin(known)).to_numpy())
    ship = trains.texts[_SHIP]
    return [f"shipment {ship[i]}: group {grp[i]!r} is not among the groups" for i in bad]


def summarize_views(
    shipments: Any,
    views: Mapping[str, Sequence[str]],
    *,
    freq: str = "W",
    groups: pd.DataFrame | Iterable[Any] | None = None,
    routes: pd.DataFrame | Mapping[str, Any] | None = None,
    settings: Settings | None = None,
) -> dict[str, pd.DataFrame]:
    """Return several :func:`summarize` tables of the same data, one per view.

    Each table equals ``summarize(shipments, by=keys, ...)`` for its view, but the
    per-train keys and counts, the route lookup and the group remainders are worked
    out once for all views, which is what makes many tables of many trains cheap.

    Parameters
    ----------
    shipments, freq, groups, routes, settings
        As for :func:`summarize`.
    views
        Table name -> keys (the ``by`` of :func:`summarize`).

    Returns
    -------
    dict of str to pandas.DataFrame
        One table per view, in the order of ``views``.

    Raises
    ------
    ValueError
        For an unknown key, a duplicate key or a ``freq`` that is not a period alias.

    Examples
    --------
    >>> import pandas as pd
    >>> ships = pd.DataFrame({"id": ["t1", "t2"], "destination": ["X", "Y"],
    ...                       "cars_total": [40, 20]})
    >>> tables = summarize_views(ships, {"total": (), "by_dest": ("destination",)})
    >>> int(tables["total"].loc[0, "cars_total"]), list(tables["by_dest"]["destination"])
    (60, ['X', 'Y'])
    """
    settings = settings or DEFAULT_SETTINGS
    ship_df, group_df = _as_frames(shipments, groups)
    for keys in views.values():
        _validate_keys(list(keys), ship_df, routes)
    needed = list(dict.fromkeys(k for keys in views.values() for k in keys))
    # Every key any view needs, worked out once.
    trains = _trains(ship_df, needed, freq=freq, routes=routes)
    problems = _unknown_groups(trains, group_df)
    rows = _contributions(trains, _remainders(group_df, trains, freq=freq, problems=problems))
    for problem in problems:
        logger.warning(problem)
    out: dict[str, pd.DataFrame] = {}
    for name, keys in views.items():
        table = _view(rows, list(keys), settings=settings)
        table.attrs = {
            "by": tuple(keys),
            "freq": freq,
            "personnel_note": personnel_note(settings=settings),
            "problems": list(problems),
        }
        logger.info(
            "Summarised %d trains and %d groups into %d rows",
            len(ship_df),
            len(group_df),
            len(table),
        )
        out[name] = table
    return out


def summarize(
    shipments: Any,
    *,
    by: Sequence[str] = (C.ORIGIN, C.DESTINATION),
    freq: str = "W",
    groups: pd.DataFrame | Iterable[Any] | None = None,
    routes: pd.DataFrame | Mapping[str, Any] | None = None,
    settings: Settings | None = None,
) -> pd.DataFrame:
    """Count trains and cars by type per origin, railhead, route, border crossing or period.

    Parameters
    ----------
    shipments
        A ``ReportSet`` (its groups are used when ``groups`` is None), the frame of
        ``ReportSet.to_frame()`` (columns in :data:`railtrack.columns.SHIPMENT_COLUMNS`),
        an extraction result with ``.shipments``/``.groups``, or a list of ``Shipment``.
    by
        Keys of the table, in order: ``"origin"``, ``"destination"`` (alias
        ``"railhead"``), ``"route"``, ``"border_crossing"``, ``"period"``, or any
        shipment column (e.g. ``"source"``, ``"claim"``). ``()`` gives one total row.
    freq
        Period length (a pandas period alias: ``"D"``, ``"W"``, ``"M"``, ``"Q"``). The
        period comes from the earliest departure, or from the published date when
        the departure is unknown; ``period_basis`` says which.
    groups
        Groups of trains (``ReportSet.groups_frame()`` or ``ShipmentGroup`` objects).
    routes
        Routes per shipment: a frame with ``id``, ``route`` and ``border_crossings``
        (the output of :func:`railtrack.estimate_arrivals` or
        :func:`railtrack.routes.shipment_routes`), or a mapping id -> ``Route``.
        Without it, ``route`` is "origin → destination" and border crossings are
        ``"unknown"``.
    settings
        Gives the personnel factor (``people_per_passenger_car``).

    Returns
    -------
    pandas.DataFrame
        One row per combination of keys: the keys, ``period_basis`` (when
        ``"period"`` is a key), then :data:`railtrack.columns.SUMMARY_VALUE_COLUMNS`.
        Car counts are nullable integers (missing when no train in the row has a
        count). A train crossing two borders counts under each. ``df.attrs`` holds
        ``by``, ``freq``, ``personnel_note`` and ``problems``.

    Raises
    ------
    ValueError
        For an unknown key, a duplicate key or a ``freq`` that is not a period alias.

    See Also
    --------
    personnel_estimate : the factor behind ``personnel_estimate``.
    """
    return summarize_views(
        shipments, {"table": by}, freq=freq, groups=groups, routes=routes, settings=settings
    )["table"]


def _casefold_ranks(text: pd.Series, *, prefix: int = 256, batch: int = 1024) -> np.ndarray:
    """Return each text's rank in casefolded order (equal casefolds share a rank).

    The texts are put in the order of their lower-cased first ``prefix`` characters
    (in Arrow, for ``str`` columns), then casefolded a batch at a time, texts that
    tie on that prefix sorted together. If the casefolds do not decrease along that
    order, it is theirs; else all texts are casefolded at once. Long route labels
    are then never all copied to Python together.
    """
    head = text.str[:prefix].str.lower()
    order = np.asarray(head.argsort(kind="stable"))
    tie = pd.factorize(head)[0][order]
    group = np.concatenate([[0], np.cumsum(tie[1:] != tie[:-1])])
    rank = np.empty(len(text), dtype=np.int64)
    previous, current, start = None, -1, 0
    while start < len(order):
        stop = int(np.searchsorted(group, group[min(start + batch, len(order)) - 1], "right"))
        at = order[start:stop]
        folded = [value.casefold() for value in text.iloc[at].tolist()]
        for _, value, pos in sorted(zip(group[start:stop], folded, at, strict=True)):
            if previous is not None and value < previous:
                return text.str.casefold().rank(method="dense").to_numpy(dtype=np.int64)
            current += value != previous
            rank[pos], previous = current, value
        start = stop
    return rank


def _sort(df: pd.DataFrame, keys: Sequence[str]) -> pd.DataFrame:
    """Sort by the keys, with unknown and unallocated rows after the known ones."""
    if not keys or df.empty:
        return df.reset_index(drop=True)
    order: list[pd.Series] = []
    for key in keys:
        col = df[key]
        if key == C.PERIOD:
            order.append(col.isna().astype(int).rename(f"_{key}_rank"))
            order.append(col.rename(f"_{key}_value"))
            continue
        text = col.astype(str)
        rank = text.str.startswith("unallocated across").astype(int) * 2 + (text == UNKNOWN)
        order.append(rank.rename(f"_{key}_rank"))
        order.append(pd.Series(_casefold_ranks(text), index=df.index, name=f"_{key}_value"))
    helper = pd.concat(order, axis=1)
    positions = helper.sort_values(list(helper.columns), kind="stable").index
    return df.loc[positions].reset_index(drop=True)

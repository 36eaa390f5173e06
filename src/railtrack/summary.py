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
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from railtrack import columns as C
from railtrack.io.reportset import ReportSet
from railtrack.settings import DEFAULT_SETTINGS, Settings

__all__ = [
    "SPECIAL_KEYS",
    "groups_to_frame",
    "personnel_estimate",
    "personnel_note",
    "shipments_to_frame",
    "summarize",
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


# --- keys ------------------------------------------------------------------------


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


@dataclass(frozen=True)
class _RouteInfo:
    label: str
    crossings: tuple[str, ...]


def _route_lookup(routes: Any) -> dict[str, _RouteInfo]:
    """Map shipment id -> route label and border crossings from a frame or a mapping."""
    if routes is None:
        return {}
    out: dict[str, _RouteInfo] = {}
    if isinstance(routes, pd.DataFrame):
        if C.ID not in routes.columns:
            msg = f"the routes table has no {C.ID!r} column"
            raise ValueError(msg)
        for row in routes.to_dict("records"):
            label = _text(row.get(C.ROUTE_LABEL))
            crossings = _split_list(row.get("border_crossings"))
            if label is None:
                continue
            out[str(row[C.ID])] = _RouteInfo(label, tuple(crossings))
        return out
    for sid, route in routes.items():
        if route is None:
            continue
        out[str(sid)] = _RouteInfo(" → ".join(route.names), tuple(route.border_crossings))
    return out


_BASIS = "_basis"
_SOURCE_LABEL = "_source"
_GRADE = "_grade"
_CRED = "_credibility"
_SHIP = "_shipment"
_GROUP = "_group"
_INTERNAL = (_BASIS, _SOURCE_LABEL, _GRADE, _CRED, _SHIP, _GROUP)
_STRINGS = (C.UNALLOCATED, _BASIS, _SOURCE_LABEL, _GRADE, _SHIP, _GROUP)


@dataclass
class _Remainder:
    """One group's cars not carried by its trains' own counts, with its key values."""

    keys: dict[str, list[Any]]
    period_basis: str | None
    trains: int
    cars: dict[str, int | None]
    derived: bool
    estimated: bool
    note: str
    source: str | None
    grade: str | None
    group: str


def _to_period(dates: pd.Series, freq: str) -> pd.Series:
    try:
        starts: pd.Series = dates.dt.to_period(freq).dt.start_time
    except (ValueError, TypeError) as exc:
        msg = f"freq {freq!r} is not a pandas period frequency (e.g. 'D', 'W', 'M', 'Q'): {exc}"
        raise ValueError(msg) from exc
    return starts


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


def _texts(df: pd.DataFrame, col: str) -> pd.Series:
    """Return a column as stripped strings, None where missing (all None if absent)."""
    if col not in df.columns:
        return pd.Series([None] * len(df), index=df.index, dtype=object)
    text = df[col].astype("string").str.strip()
    known = (text.notna() & (text != "")).fillna(False).astype(bool)
    return text.astype(object).where(known, None)


def _coalesce(df: pd.DataFrame, cols: Sequence[str]) -> pd.Series:
    """Return the first known text of ``cols`` per row, else ``"unknown"``."""
    out = pd.Series([None] * len(df), index=df.index, dtype=object)
    for col in cols:
        out = out.where(out.notna(), _texts(df, col))
    return out.where(out.notna(), UNKNOWN)


def _counts(df: pd.DataFrame, col: str) -> pd.Series:
    """Return a count column as nullable integers (non-numbers are missing)."""
    if col not in df.columns:
        return pd.Series(pd.array([None] * len(df), dtype="Int64"), index=df.index)
    numbers = pd.to_numeric(df[col].astype(object), errors="coerce").astype("float64")
    return pd.Series(pd.array(np.trunc(numbers), dtype="Int64"), index=df.index)


def _flags(df: pd.DataFrame, col: str) -> pd.Series:
    """Return a flag column as booleans (missing is False)."""
    if col not in df.columns:
        return pd.Series(False, index=df.index)
    try:
        return df[col].astype("boolean").fillna(False).astype(bool)
    except (TypeError, ValueError):
        return df[col].astype(object).map(_flag).astype(bool)


def _train_frame(
    ship_df: pd.DataFrame,
    keys: Sequence[str],
    *,
    freq: str,
    routes: Mapping[str, _RouteInfo],
) -> pd.DataFrame:
    """Return one contribution row per train: its key values and its own counts."""
    ids = ship_df[C.ID].map(str)
    departure = _dates(ship_df, C.DEPARTURE_EARLIEST)
    published = _dates(ship_df, C.PUBLISHED)
    period = _to_period(departure.fillna(published), freq)
    basis = np.where(departure.notna(), "departure", np.where(published.notna(), "published", ""))
    origin = _coalesce(ship_df, (C.ORIGIN_STATION, C.ORIGIN_REGION, C.ORIGIN))
    destination = _coalesce(ship_df, (C.DESTINATION_STATION, C.DESTINATION_REGION, C.DESTINATION))
    out = pd.DataFrame(index=ship_df.index)
    for key in keys:
        if key == C.ORIGIN:
            out[key] = origin
        elif key in (C.DESTINATION, C.RAILHEAD):
            out[key] = destination
        elif key == C.ROUTE_LABEL:
            fallback = origin + " → " + destination
            labels = [
                routes[i].label if i in routes else f for i, f in zip(ids, fallback, strict=True)
            ]
            out[key] = pd.Series(labels, index=ship_df.index, dtype=object)
        elif key == C.BORDER_CROSSING:
            out[key] = [
                (sorted(set(routes[i].crossings)) or [NO_CROSSING]) if i in routes else [UNKNOWN]
                for i in ids
            ]
        elif key == C.PERIOD:
            out[key] = period
        else:
            values = _texts(ship_df, key)
            out[key] = values.where(values.notna(), UNKNOWN)
    basis_text = pd.Series(basis, index=ship_df.index, dtype=object)
    out[_BASIS] = basis_text.where(basis_text != "", None)
    out[C.TRAINS] = 1
    for col in C.CAR_COLUMNS:
        out[col] = _counts(ship_df, col)
    out[C.TRAINS_WITH_CARS] = out[C.CARS_TOTAL].notna().astype("int64")
    out[C.CARS_UNALLOCATED] = 0
    for col in (C.CARS_TOTAL_DERIVED, C.CARS_ESTIMATED):
        out[col] = _flags(ship_df, col)
    out[C.UNALLOCATED] = None
    reporter, grade = _texts(ship_df, C.SOURCE), _texts(ship_df, C.RELIABILITY)
    out[_SOURCE_LABEL] = [
        None if r is None else (f"{r} ({g})" if g else r)
        for r, g in zip(reporter, grade, strict=True)
    ]
    out[_GRADE] = grade
    out[_CRED] = _counts(ship_df, C.CREDIBILITY)
    out[_SHIP] = ids
    out[_GROUP] = _texts(ship_df, C.GROUP)
    return out.reset_index(drop=True)


def _key_values(row: Row, key: str) -> tuple[Any, ...]:
    value = row[key]
    return tuple(value) if isinstance(value, list) else (value,)


def _group_remainders(
    group_df: pd.DataFrame,
    trains: pd.DataFrame,
    keys: Sequence[str],
    *,
    freq: str,
    problems: list[str],
) -> list[_Remainder]:
    """Return, per group, its cars not carried by its member trains, and where they go."""
    out: list[_Remainder] = []
    if group_df.empty:
        return out
    group_period = _to_period(_dates(group_df, C.PUBLISHED), freq).tolist()
    grouped = trains[trains[_GROUP].notna()]
    by_group: dict[str, list[str]] = {}
    for sid, gid in zip(grouped[_SHIP], grouped[_GROUP], strict=True):
        by_group.setdefault(gid, []).append(sid)
    listed_ids = set(trains[_SHIP])
    extra_ids = {
        m for value in group_df.get(C.MEMBERS, ()) for m in _split_list(value)
    } & listed_ids
    rows = {
        str(r[_SHIP]): r
        for r in trains[trains[_GROUP].notna() | trains[_SHIP].isin(extra_ids)].to_dict("records")
    }
    for i, grp in enumerate(group_df.to_dict("records")):
        gid = str(grp[C.ID])
        members = list(by_group.get(gid, []))
        for extra in _split_list(grp.get(C.MEMBERS)):
            if extra in rows and extra not in members:
                members.append(extra)
        listed = len(members)
        unlisted = max(_count(grp.get(C.N_TRAINS)) or 0, listed) - listed
        with_total = {m for m in members if _count(rows[m][C.CARS_TOTAL]) is not None}
        remainder: dict[str, int | None] = {}
        for col in C.CAR_COLUMNS:
            total = _count(grp.get(col))
            if total is None:
                remainder[col] = None
                continue
            known = sum(_count(rows[m][col]) or 0 for m in members)
            if known > total:
                problems.append(
                    f"group {gid}: its trains carry {known} {col}, more than the group's "
                    f"{total}; nothing left to allocate"
                )
                known = total
            remainder[col] = total - known
        rest_total = remainder[C.CARS_TOTAL] or 0
        if not any(remainder.values()) and unlisted == 0:
            continue
        holders = [m for m in members if m not in with_total] or members
        n_across = len(holders) + unlisted
        label = unallocated_label(n_across)
        candidates = [{k: _key_values(rows[m], k) for k in keys} for m in holders]
        bases = {rows[m][_BASIS] for m in holders}
        if unlisted:
            pseudo: dict[str, tuple[Any, ...]] = {k: (label,) for k in keys}
            if C.PERIOD in keys:
                pseudo[C.PERIOD] = (group_period[i],)
                bases.add("published" if pd.notna(group_period[i]) else None)
            candidates.append(pseudo)
        merged: dict[str, list[Any]] = {}
        for key in keys:
            values = [c[key] for c in candidates]
            if all(v == values[0] for v in values):
                merged[key] = list(values[0])
            else:
                merged[key] = [pd.NaT if key == C.PERIOD else label]
        dated = C.PERIOD in keys and pd.notna(merged[C.PERIOD][0])
        passenger = remainder[C.CARS_PASSENGER]
        parts = f" ({passenger} passenger)" if passenger else ""
        note = (
            f"{rest_total} cars{parts} of group {gid} across {n_across} "
            f"train{'' if n_across == 1 else 's'}"
            + (f" ({unlisted} not listed)" if unlisted else "")
        )
        source, grade = _source_label(grp)
        out.append(
            _Remainder(
                keys=merged,
                period_basis=("; ".join(sorted(b for b in bases if b)) or None) if dated else None,
                trains=unlisted,
                cars=remainder,
                derived=_flag(grp.get(C.CARS_TOTAL_DERIVED)),
                estimated=_flag(grp.get(C.CARS_ESTIMATED)),
                note=note,
                source=source,
                grade=grade,
                group=gid,
            )
        )
    return out


def _remainder_frame(remainders: Sequence[_Remainder], keys: Sequence[str]) -> pd.DataFrame:
    """Return the remainders as contribution rows, one per combination of key values."""
    rows = []
    for r in remainders:
        for combo in itertools.product(*(r.keys[k] for k in keys)):
            rows.append(
                {
                    **dict(zip(keys, combo, strict=True)),
                    _BASIS: r.period_basis,
                    C.TRAINS: r.trains,
                    **r.cars,
                    C.TRAINS_WITH_CARS: 0,
                    C.CARS_UNALLOCATED: r.cars[C.CARS_TOTAL] or 0,
                    C.CARS_TOTAL_DERIVED: r.derived,
                    C.CARS_ESTIMATED: r.estimated,
                    C.UNALLOCATED: r.note,
                    _SOURCE_LABEL: r.source,
                    _GRADE: r.grade,
                    _CRED: None,
                    _SHIP: None,
                    _GROUP: r.group,
                }
            )
    return pd.DataFrame(rows)


def _contributions(trains: pd.DataFrame, extra: pd.DataFrame, keys: Sequence[str]) -> pd.DataFrame:
    """Stack train rows (one per border crossing) and group rows with shared dtypes."""
    if C.BORDER_CROSSING in keys and len(trains):
        trains = trains.explode(C.BORDER_CROSSING, ignore_index=True)
    frames = [f for f in (trains, extra) if len(f)]
    columns = [*keys, _BASIS, C.TRAINS, *C.CAR_COLUMNS, C.TRAINS_WITH_CARS, C.CARS_UNALLOCATED,
               C.CARS_TOTAL_DERIVED, C.CARS_ESTIMATED, C.UNALLOCATED, *_INTERNAL[1:]]  # fmt: skip
    typed = []
    for frame in frames:
        frame = frame.reindex(columns=columns)
        for col in (*C.CAR_COLUMNS, _CRED):
            if frame[col].dtype != "Int64":
                frame[col] = pd.array(
                    [None if pd.isna(v) else int(v) for v in frame[col]], dtype="Int64"
                )
        for col in (C.TRAINS, C.TRAINS_WITH_CARS, C.CARS_UNALLOCATED):
            frame[col] = frame[col].astype("int64")
        for col in (C.CARS_TOTAL_DERIVED, C.CARS_ESTIMATED):
            frame[col] = frame[col].astype(bool)
        for col in (*_STRINGS, *(k for k in keys if k != C.PERIOD)):
            frame[col] = frame[col].astype(object)
        if C.PERIOD in keys:
            frame[C.PERIOD] = pd.to_datetime(frame[C.PERIOD]).astype("datetime64[ns]")
        typed.append(frame)
    if not typed:
        return pd.DataFrame(columns=columns)
    return pd.concat(typed, ignore_index=True) if len(typed) > 1 else typed[0]


def _strings(values: pd.Series) -> list[str]:
    return [v for v in values if isinstance(v, str)]


def _join(values: pd.Series) -> str | None:
    return "; ".join(_strings(values)) or None


def _join_unique(values: pd.Series) -> str | None:
    return "; ".join(dict.fromkeys(_strings(values))) or None


def _join_sorted(values: pd.Series) -> str | None:
    return "; ".join(sorted(set(_strings(values)))) or None


def _join_bases(values: pd.Series) -> str:
    parts = {p for v in _strings(values) for p in v.split("; ")}
    return "; ".join(sorted(parts)) or UNKNOWN


def _best_grade(values: pd.Series) -> str | None:
    grades = _strings(values)
    return min(grades) if grades else None


def _aggregate(frame: pd.DataFrame, keys: Sequence[str], *, settings: Settings) -> pd.DataFrame:
    """Sum the contributions per combination of key values."""
    lead = [*keys, *([C.PERIOD_BASIS] if C.PERIOD in keys else [])]
    columns = [*lead, *C.SUMMARY_VALUE_COLUMNS]
    if frame.empty:
        empty = pd.DataFrame(columns=columns)
        empty[C.PERSONNEL_ESTIMATE] = empty[C.PERSONNEL_ESTIMATE].astype("Float64")
        return empty
    by = list(keys) or ["_all"]
    if not keys:
        frame = frame.assign(_all=0)
    g = frame.groupby(by, dropna=False, sort=False)
    parts: dict[str, pd.Series] = {
        C.TRAINS: g[C.TRAINS].sum(),
        C.TRAINS_WITH_CARS: g[C.TRAINS_WITH_CARS].sum(),
        **{col: g[col].sum(min_count=1) for col in C.CAR_COLUMNS},
        C.CARS_UNALLOCATED: g[C.CARS_UNALLOCATED].sum(),
        C.CARS_TOTAL_DERIVED: g[C.CARS_TOTAL_DERIVED].any(),
        C.CARS_ESTIMATED: g[C.CARS_ESTIMATED].any(),
        C.UNALLOCATED: g[C.UNALLOCATED].agg(_join),
        C.SOURCES: g[_SOURCE_LABEL].agg(_join_sorted),
        C.BEST_RELIABILITY: g[_GRADE].agg(_best_grade),
        C.BEST_CREDIBILITY: g[_CRED].min(),
        C.SHIPMENTS: g[_SHIP].agg(_join),
        C.GROUPS: g[_GROUP].agg(_join_unique),
    }
    if C.PERIOD in keys:
        parts[C.PERIOD_BASIS] = g[_BASIS].agg(_join_bases)
    df = pd.DataFrame(parts).reset_index()
    if not keys:
        df = df.drop(columns="_all")
    df[C.BEST_CREDIBILITY] = df[C.BEST_CREDIBILITY].astype("Int64")
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
        :func:`railtrack.routegraph.shipment_routes`), or a mapping id -> ``Route``.
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
    settings = settings or DEFAULT_SETTINGS
    keys = list(by)
    ship_df, group_df = _as_frames(shipments, groups)
    _validate_keys(keys, ship_df, routes)
    problems: list[str] = []
    trains = _train_frame(ship_df, keys, freq=freq, routes=_route_lookup(routes))
    known_groups = set(group_df[C.ID].map(str)) if len(group_df) else set()
    for sid, gid in zip(trains[_SHIP], trains[_GROUP], strict=True):
        if gid is not None and gid not in known_groups:
            problems.append(f"shipment {sid}: group {gid!r} is not among the groups")
    remainders = _group_remainders(group_df, trains, keys, freq=freq, problems=problems)
    frame = _contributions(trains, _remainder_frame(remainders, keys), keys)
    for problem in problems:
        logger.warning(problem)
    table = _aggregate(frame, keys, settings=settings)
    table.attrs = {
        "by": tuple(keys),
        "freq": freq,
        "personnel_note": personnel_note(settings=settings),
        "problems": problems,
    }
    logger.info(
        "Summarised %d trains and %d groups into %d rows",
        len(ship_df),
        len(group_df),
        len(table),
    )
    return table


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
        order.append(text.str.casefold().rename(f"_{key}_value"))
    helper = pd.concat(order, axis=1)
    positions = helper.sort_values(list(helper.columns), kind="stable").index
    return df.loc[positions].reset_index(drop=True)

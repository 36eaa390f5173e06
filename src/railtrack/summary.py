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
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from railtrack import columns as C
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
_TYPED = (C.CARS_PASSENGER, C.CARS_COVERED, C.CARS_FLAT, C.CARS_TANK, C.CARS_OTHER)


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


def _place_cols(place: Any, prefix: str) -> dict[str, Any]:
    if place is None:
        return {prefix: None, f"{prefix}_station_id": None, f"{prefix}_station": None,
                f"{prefix}_region": None}  # fmt: skip
    return {
        prefix: place.text,
        f"{prefix}_station_id": place.station_id,
        f"{prefix}_station": place.station,
        f"{prefix}_region": place.region,
    }


def _window_cols(window: Any, prefix: str) -> dict[str, Any]:
    if window is None:
        return {f"{prefix}_earliest": None, f"{prefix}_latest": None, f"{prefix}_precision": None}
    return {
        f"{prefix}_earliest": window.earliest,
        f"{prefix}_latest": window.latest,
        f"{prefix}_precision": window.precision,
    }


def _cars_cols(cars: Any) -> dict[str, Any]:
    return {
        C.CARS_TOTAL: cars.total,
        C.CARS_PASSENGER: cars.passenger,
        C.CARS_COVERED: cars.covered,
        C.CARS_FLAT: cars.flat,
        C.CARS_TANK: cars.tank,
        C.CARS_OTHER: cars.other,
        C.CARS_TOTAL_DERIVED: cars.total_derived,
        C.CARS_ESTIMATED: cars.estimated,
    }


def _source_cols(source: Any) -> dict[str, Any]:
    return {
        C.SOURCE: source.reporter,
        C.RELAYED_BY: source.relayed_by,
        C.SOURCE_URL: source.url,
        C.PUBLISHED: source.published,
        C.RELIABILITY: source.reliability,
    }


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
    rows = []
    for s in shipments:
        rows.append(
            {
                C.ID: s.id,
                C.REPORT: s.report,
                C.GROUP: s.group,
                **_place_cols(s.origin, "origin"),
                **_place_cols(s.destination, "destination"),
                C.VIA: "; ".join(p.text for p in s.via) or None,
                **_window_cols(s.departure, "departure"),
                **_window_cols(s.expected_arrival, "arrival"),
                **_cars_cols(s.cars),
                C.EQUIPMENT: s.equipment,
                C.CLAIM: s.claim,
                C.CREDIBILITY: s.credibility,
                C.CONFIDENCE: s.confidence,
                **_source_cols(s.source),
                C.SOURCE_FILE: None,
            }
        )
    return pd.DataFrame(rows, columns=list(C.SHIPMENT_COLUMNS))


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
    members: dict[str, list[str]] = {}
    for s in shipments:
        if s.group is not None:
            members.setdefault(s.group, []).append(s.id)
    rows = [
        {
            C.ID: g.id,
            C.REPORT: g.report,
            C.N_TRAINS: g.n_trains,
            C.MEMBERS: "; ".join(members.get(g.id, [])) or None,
            **_cars_cols(g.cars),
            C.EQUIPMENT: g.equipment,
            **_source_cols(g.source),
            C.SOURCE_FILE: None,
        }
        for g in groups
    ]
    return pd.DataFrame(rows, columns=list(C.GROUP_COLUMNS))


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


def _first(row: Row, cols: Sequence[str]) -> str:
    for col in cols:
        text = _text(row.get(col))
        if text is not None:
            return text
    return UNKNOWN


def _place_label(row: Row, prefix: str) -> str:
    return _first(row, (f"{prefix}_station", f"{prefix}_region", prefix))


def _split_crossings(value: Any) -> list[str]:
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
            crossings = _split_crossings(row.get("border_crossings"))
            if label is None:
                continue
            out[str(row[C.ID])] = _RouteInfo(label, tuple(crossings))
        return out
    for sid, route in routes.items():
        if route is None:
            continue
        out[str(sid)] = _RouteInfo(" → ".join(route.names), tuple(route.border_crossings))
    return out


@dataclass
class _Contribution:
    """One train, or one group's remainder, with its key values and counts."""

    keys: dict[str, list[Any]]
    period_basis: str | None
    trains: int
    trains_with_cars: int
    cars: dict[str, Any]
    cars_unallocated: int
    derived: bool
    estimated: bool
    note: str | None
    sources: set[str] = field(default_factory=set)
    reliabilities: set[str] = field(default_factory=set)
    credibility: int | None = None
    shipments: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()


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


def _train_keys(
    row: Row,
    keys: Sequence[str],
    *,
    period: Any,
    routes: Mapping[str, _RouteInfo],
) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = {}
    route = routes.get(str(row[C.ID]))
    for key in keys:
        if key == C.ORIGIN:
            out[key] = [_place_label(row, C.ORIGIN)]
        elif key in (C.DESTINATION, C.RAILHEAD):
            out[key] = [_place_label(row, C.DESTINATION)]
        elif key == C.ROUTE_LABEL:
            if route is not None:
                out[key] = [route.label]
            else:
                origin = _place_label(row, C.ORIGIN)
                destination = _place_label(row, C.DESTINATION)
                out[key] = [f"{origin} → {destination}"]
        elif key == C.BORDER_CROSSING:
            if route is None:
                out[key] = [UNKNOWN]
            else:
                out[key] = sorted(set(route.crossings)) or [NO_CROSSING]
        elif key == C.PERIOD:
            out[key] = [period]
        else:
            out[key] = [_text(row.get(key)) or UNKNOWN]
    return out


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


def _group_contributions(
    group_df: pd.DataFrame,
    ship_df: pd.DataFrame,
    train_keys: Mapping[str, dict[str, list[Any]]],
    keys: Sequence[str],
    *,
    train_basis: Mapping[str, str | None],
    freq: str,
    problems: list[str],
) -> list[_Contribution]:
    """Return one contribution per group: its cars not carried by its member trains."""
    out: list[_Contribution] = []
    published = _dates(group_df, C.PUBLISHED)
    group_period = (
        _to_period(published, freq) if len(group_df) else pd.Series([], dtype="datetime64[ns]")
    )
    ship_group = ship_df[C.GROUP] if C.GROUP in ship_df.columns else pd.Series(dtype=object)
    ship_rows = {str(r[C.ID]): r for r in ship_df.to_dict("records")}
    for i, grp in enumerate(group_df.to_dict("records")):
        gid = str(grp[C.ID])
        members = [str(s) for s in ship_df.loc[ship_group.astype(str) == gid, C.ID]]
        for extra in _split_crossings(grp.get(C.MEMBERS)):
            if extra in ship_rows and extra not in members:
                members.append(extra)
        listed = len(members)
        n_trains = max(_count(grp.get(C.N_TRAINS)) or 0, listed)
        unlisted = n_trains - listed
        with_total = [m for m in members if _count(ship_rows[m].get(C.CARS_TOTAL)) is not None]
        remainder: dict[str, Any] = {}
        for col in C.CAR_COLUMNS:
            total = _count(grp.get(col))
            if total is None:
                remainder[col] = None
                continue
            known = sum(_count(ship_rows[m].get(col)) or 0 for m in members)
            if known > total:
                problems.append(
                    f"group {gid}: its trains carry {known} {col}, more than the group's "
                    f"{total}; nothing left to allocate"
                )
                known = total
            remainder[col] = total - known
        rest_total = remainder[C.CARS_TOTAL] or 0
        has_rest = any(v for v in remainder.values())
        if not has_rest and unlisted == 0:
            continue
        holders = [m for m in members if m not in with_total] or members
        n_across = len(holders) + unlisted
        label = unallocated_label(n_across)
        candidates = [train_keys[m] for m in holders]
        bases = {train_basis.get(m) for m in holders}
        if unlisted:
            pseudo = {k: [label] for k in keys}
            if C.PERIOD in keys:
                pseudo[C.PERIOD] = [group_period.iloc[i]]
                bases.add("published" if pd.notna(group_period.iloc[i]) else None)
            candidates.append(pseudo)
        merged: dict[str, list[Any]] = {}
        for key in keys:
            values = [tuple(c[key]) for c in candidates]
            if all(v == values[0] for v in values):
                merged[key] = list(values[0])
            else:
                merged[key] = [pd.NaT if key == C.PERIOD else label]
        passenger = remainder[C.CARS_PASSENGER]
        parts = f" ({passenger} passenger)" if passenger else ""
        note = (
            f"{rest_total} cars{parts} of group {gid} across {n_across} "
            f"train{'' if n_across == 1 else 's'}"
            + (f" ({unlisted} not listed)" if unlisted else "")
        )
        src, grade = _source_label(grp)
        out.append(
            _Contribution(
                keys=merged,
                period_basis=(
                    "; ".join(sorted(b for b in bases if b))
                    if C.PERIOD in keys and pd.notna(merged[C.PERIOD][0])
                    else None
                )
                or None,
                trains=unlisted,
                trains_with_cars=0,
                cars=remainder,
                cars_unallocated=rest_total,
                derived=_flag(grp.get(C.CARS_TOTAL_DERIVED)),
                estimated=_flag(grp.get(C.CARS_ESTIMATED)),
                note=note,
                sources={src} if src else set(),
                reliabilities={grade} if grade else set(),
                groups=(gid,),
            )
        )
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
    route_info = _route_lookup(routes)
    problems: list[str] = []

    departure = _dates(ship_df, C.DEPARTURE_EARLIEST)
    published = _dates(ship_df, C.PUBLISHED)
    basis = np.where(departure.notna(), "departure", np.where(published.notna(), "published", ""))
    when = departure.fillna(published) if len(ship_df) else departure
    period = _to_period(when, freq) if len(ship_df) else when
    known_groups = set(group_df[C.ID].astype(str)) if len(group_df) else set()

    contributions: list[_Contribution] = []
    train_keys: dict[str, dict[str, list[Any]]] = {}
    train_basis: dict[str, str | None] = {}
    for i, row in enumerate(ship_df.to_dict("records")):
        sid = str(row[C.ID])
        tk = _train_keys(row, keys, period=period.iloc[i], routes=route_info)
        train_keys[sid] = tk
        train_basis[sid] = basis[i] or None
        gid = _text(row.get(C.GROUP))
        if gid is not None and gid not in known_groups:
            problems.append(f"shipment {sid}: group {gid!r} is not among the groups")
        src, grade = _source_label(row)
        credibility = _count(row.get(C.CREDIBILITY))
        cars = {col: _count(row.get(col)) for col in C.CAR_COLUMNS}
        contributions.append(
            _Contribution(
                keys=tk,
                period_basis=basis[i] or None,
                trains=1,
                trains_with_cars=int(cars[C.CARS_TOTAL] is not None),
                cars=cars,
                cars_unallocated=0,
                derived=_flag(row.get(C.CARS_TOTAL_DERIVED)),
                estimated=_flag(row.get(C.CARS_ESTIMATED)),
                note=None,
                sources={src} if src else set(),
                reliabilities={grade} if grade else set(),
                credibility=credibility,
                shipments=(sid,),
                groups=(gid,) if gid else (),
            )
        )
    contributions += _group_contributions(
        group_df,
        ship_df,
        train_keys,
        keys,
        train_basis=train_basis,
        freq=freq,
        problems=problems,
    )
    for problem in problems:
        logger.warning(problem)
    table = _aggregate(contributions, keys, settings=settings)
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


def _aggregate(
    contributions: Sequence[_Contribution], keys: Sequence[str], *, settings: Settings
) -> pd.DataFrame:
    """Explode multi-valued keys, then sum the contributions per key combination."""
    cells: dict[tuple[Any, ...], list[_Contribution]] = {}
    for contribution in contributions:
        for combo in itertools.product(*(contribution.keys[k] for k in keys)):
            norm = tuple(None if v is pd.NaT else v for v in combo)
            cells.setdefault(norm, []).append(contribution)
    rows = []
    for combo, parts in cells.items():
        row: dict[str, Any] = dict(zip(keys, combo, strict=True))
        if C.PERIOD in keys:
            bases = sorted({p.period_basis for p in parts if p.period_basis})
            row[C.PERIOD_BASIS] = "; ".join(bases) or UNKNOWN
        row[C.TRAINS] = sum(p.trains for p in parts)
        row[C.TRAINS_WITH_CARS] = sum(p.trains_with_cars for p in parts)
        for col in C.CAR_COLUMNS:
            known = [p.cars[col] for p in parts if p.cars[col] is not None]
            row[col] = sum(known) if known else None
        row[C.CARS_UNALLOCATED] = sum(p.cars_unallocated for p in parts)
        row[C.CARS_TOTAL_DERIVED] = any(p.derived for p in parts)
        row[C.CARS_ESTIMATED] = any(p.estimated for p in parts)
        notes = [p.note for p in parts if p.note]
        row[C.UNALLOCATED] = "; ".join(notes) or None
        row[C.SOURCES] = "; ".join(sorted(set().union(*(p.sources for p in parts)))) or None
        grades = set().union(*(p.reliabilities for p in parts))
        row[C.BEST_RELIABILITY] = min(grades) if grades else None
        creds = [p.credibility for p in parts if p.credibility is not None]
        row[C.BEST_CREDIBILITY] = min(creds) if creds else None
        row[C.SHIPMENTS] = "; ".join(s for p in parts for s in p.shipments) or None
        group_ids = dict.fromkeys(g for p in parts for g in p.groups)
        row[C.GROUPS] = "; ".join(group_ids) or None
        rows.append(row)
    lead = [*keys, *([C.PERIOD_BASIS] if C.PERIOD in keys else [])]
    df = pd.DataFrame(rows, columns=[*lead, *C.SUMMARY_VALUE_COLUMNS])
    for col in (C.TRAINS, C.TRAINS_WITH_CARS, C.CARS_UNALLOCATED):
        df[col] = df[col].astype("int64")
    for col in (*C.CAR_COLUMNS, C.BEST_CREDIBILITY):
        df[col] = pd.array(df[col].tolist(), dtype="Int64")
    for col in (C.CARS_TOTAL_DERIVED, C.CARS_ESTIMATED):
        df[col] = df[col].astype(bool)
    df[C.PERSONNEL_ESTIMATE] = personnel_estimate(df[C.CARS_PASSENGER], settings=settings)
    if C.PERIOD in keys:
        df[C.PERIOD] = pd.to_datetime(df[C.PERIOD])
    return _sort(df, keys)


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

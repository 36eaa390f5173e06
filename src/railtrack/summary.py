"""Volume summaries: trains and cars by type per origin, railhead, route, border and period.

Each train contributes its own counts to the row of its keys. A group's cars that
its trains do not carry themselves (its *remainder*, :mod:`railtrack.remainders`)
count once: in the row every train that may hold them shares, or, when those trains
fall in different rows, in a row of its own whose differing keys read
``"unallocated across N trains"`` (no period). Summing any summary over its rows
therefore gives the same totals as ``by=()``.

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
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from railtrack import columns as C
from railtrack.accounting import not_counted
from railtrack.dating import middle_day
from railtrack.labels import crossing_pair, merge_source_labels
from railtrack.outlets import outlet_name
from railtrack.remainders import HOLDERS, N_ACROSS, UNLISTED, group_remainders, unallocated_label
from railtrack.settings import DEFAULT_SETTINGS, Settings

if TYPE_CHECKING:
    from railtrack.io import ReportSet

__all__ = [
    "FREQ_HELP",
    "PERIOD_WORDS",
    "SPECIAL_KEYS",
    "cars_phrase",
    "check_freq",
    "count_bounds",
    "personnel_estimate",
    "personnel_note",
    "returning_trips",
    "summarize",
    "summarize_views",
    "total_figures",
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

UNKNOWN = "unknown"
NO_CROSSING = "none"

# Private columns of the contributions table (one row per train, then per remainder).
_BASIS = "_basis"
_SOURCE_LABEL = "_source"
_GRADE = "_grade"
_CRED = "_credibility"
_SHIP = "_shipment"
_GROUP = "_group"
_OPEN = "_open"  # a count with no upper limit ("at least 40", a partial breakdown)


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

    Parameters
    ----------
    settings : railtrack.settings.Settings, optional
        Gives ``people_per_passenger_car``; the defaults when None.

    Returns
    -------
    str
        The factor (people per passenger car) and the source of the figure, as the
        setting's description gives it.

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


# --- values per train --------------------------------------------------------------


def _stripped(df: pd.DataFrame, col: str) -> pd.Series:
    """Return a column as stripped text (object), None where missing or blank.

    Each distinct value is stripped once and shared by its rows (route labels are
    long and repeat).
    """
    if col not in df.columns:
        return pd.Series(None, index=df.index, dtype=object)
    codes, uniques = pd.factorize(df[col])
    texts = [str(u).strip() or None for u in uniques]
    return pd.Series(np.array([*texts, None], dtype=object)[codes], index=df.index, dtype=object)


def _coalesce(df: pd.DataFrame, cols: Sequence[str]) -> pd.Series:
    """Return the first known text of ``cols`` per row, else ``"unknown"``."""
    out = _stripped(df, cols[0])
    for col in cols[1:]:
        out = out.where(out.notna(), _stripped(df, col))
    return out.where(out.notna(), UNKNOWN)


def _dates(df: pd.DataFrame, col: str) -> pd.Series:
    if col not in df.columns:
        return pd.Series(pd.NaT, index=df.index, dtype="datetime64[ns]")
    values = pd.to_datetime(df[col], errors="coerce", format="ISO8601")
    if getattr(values.dtype, "tz", None) is not None:
        values = values.dt.tz_localize(None)
    return values.dt.normalize().astype("datetime64[ns]")


FREQ_HELP = (
    "D (day), W (week, Monday to Sunday), M (month), Q (quarter) or Y (year), "
    "optionally with a count (2W: fortnights)"
)
"""The period lengths ``summarize`` and ``railtrack summary --freq`` accept, in words."""


def _to_period(dates: pd.Series, freq: str) -> pd.Series:
    """Return the start of the period of ``freq`` each date falls in (NaT stays NaT).

    A count before the length groups that many periods: "2W" is fortnights, "2M" two
    months, counted from the first period of 1970 (pandas' ordinal 0: the week of
    1 January 1970, January 1970), so "2M" is January-February, March-April, ...;
    pandas' ``to_period("2W")`` alone keeps one-week periods (review18 #17).

    >>> days = pd.Series(pd.to_datetime(["2023-01-02", "2023-01-09", "2023-01-16", None]))
    >>> [str(d)[:10] for d in _to_period(days, "2W")]
    ['2022-12-26', '2023-01-09', '2023-01-09', 'NaT']
    >>> [str(d)[:10] for d in _to_period(days, "W")]
    ['2023-01-02', '2023-01-09', '2023-01-16', 'NaT']
    """
    try:
        periods = dates.dt.to_period(freq)
    except (ValueError, TypeError) as exc:
        # pandas' own words ("last element must be blank") tell a reader nothing
        msg = f"freq {freq!r} is not a period length; use {FREQ_HELP}"
        raise ValueError(msg) from exc
    step = periods.dtype.freq
    if step.n > 1:
        base = dates.dt.to_period(step.base)
        ordinals = base.array.asi8.copy()
        told = ~base.isna().to_numpy()
        ordinals[told] = ordinals[told] // step.n * step.n
        binned = pd.arrays.PeriodArray(ordinals, dtype=pd.PeriodDtype(step.base))
        periods = pd.Series(binned, index=dates.index)
    starts: pd.Series = periods.dt.start_time
    return starts.astype("datetime64[ns]")


def check_freq(freq: str) -> None:
    """Raise ValueError, saying which lengths are accepted, unless ``freq`` is a period length.

    Parameters
    ----------
    freq
        A period length as :func:`summarize` takes it (``"W"``, ``"M"``, ``"2W"`` ...).

    Raises
    ------
    ValueError
        When pandas has no period of that length; the message lists the accepted ones
        (:data:`FREQ_HELP`), not pandas' own words.

    Examples
    --------
    >>> check_freq("M")
    >>> check_freq("Q9")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: freq 'Q9' is not a period length; use D (day), W (week, ...), M (month), ...
    """
    _to_period(pd.Series([], dtype="datetime64[ns]"), freq)


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
        return df[col].astype(object).map(lambda v: bool(v) if pd.notna(v) else False)


def count_bounds(df: pd.DataFrame) -> tuple[pd.Series, pd.Series, pd.Series]:
    """Return each row's fewest and most cars, and whether its count has no upper limit.

    How counts with bounds are summed (README "Counts with bounds"): the fewest is
    ``cars_total`` (exact, estimated, a lower bound or a range's low end) except for an
    upper bound alone ("up to 50 cars"), which gives no fewest; the most is
    ``cars_total_max`` (an upper bound, a range's high end), else ``cars_total`` when
    it is a count, and is missing (open) for a lower bound or a total summed from some
    car types only.

    Parameters
    ----------
    df
        Rows with ``cars_total`` and, where known, ``cars_total_max``,
        ``cars_at_least``, ``cars_at_most`` and ``cars_total_derived``.

    Returns
    -------
    least, most : pandas.Series
        Nullable integers.
    open_above : pandas.Series
        Bool: the row has a count but no upper limit.

    Examples
    --------
    >>> df = pd.DataFrame({"cars_total": [40, 50, 30, 20], "cars_total_max": [None, 50, 35, None],
    ...                    "cars_at_most": [False, True, True, False],
    ...                    "cars_at_least": [False, False, True, True]})
    >>> least, most, open_above = count_bounds(df)
    >>> least.tolist(), most.tolist(), open_above.tolist()
    ([40, <NA>, 30, 20], [40, 50, 35, <NA>], [False, False, False, True])
    """
    total = _counts(df, C.CARS_TOTAL)
    at_least, at_most = _flags(df, C.CARS_AT_LEAST), _flags(df, C.CARS_AT_MOST)
    lower = at_least | _flags(df, C.CARS_TOTAL_DERIVED)
    least = total.mask(at_most & ~at_least)
    most = _counts(df, C.CARS_TOTAL_MAX).fillna(total.mask(lower))
    open_above = total.notna() & most.isna()
    return least, most, open_above


def _source_labels(df: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """Return "reporter (grade)" (or the reporter alone) and the grade per row."""
    reporter, grade = _stripped(df, C.SOURCE), _stripped(df, C.RELIABILITY)
    both = reporter.notna() & grade.notna()
    label = reporter.copy()
    label[both] = reporter[both] + " (" + grade[both] + ")"
    return label, grade


def _crossings(text: Any) -> tuple[str, ...]:
    """Return a route's sorted distinct border crossings, ``("none",)`` when it has none."""
    parts = text.split(";") if isinstance(text, str) else []
    # One crossing whatever the direction (the direction is a column of its own).
    return tuple(sorted({crossing_pair(p.strip()) for p in parts if p.strip()})) or (NO_CROSSING,)


def _train_routes(routes: pd.DataFrame | None, ids: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Return each train's route label (None without one) and its border crossings.

    The last row of an id with a label counts; a train without one crosses "unknown".
    """
    label = pd.Series(None, index=ids.index, dtype=object)
    crossings = pd.Series([(UNKNOWN,)] * len(ids), index=ids.index, dtype=object)
    if routes is None or not len(routes):
        return label, crossings
    if C.ID not in routes.columns:
        msg = f"the routes table has no {C.ID!r} column"
        raise ValueError(msg)
    labelled = routes.assign(_label=_stripped(routes, C.ROUTE_LABEL))
    labelled = labelled[labelled["_label"].notna()]
    labelled = labelled.drop_duplicates(C.ID, keep="last")
    if not len(labelled):
        return label, crossings
    # Look up by position: Series.map would copy every label into a new string column.
    at = pd.Index(labelled[C.ID].astype(str)).get_indexer(pd.Index(ids))
    labels = labelled["_label"].to_numpy(dtype=object)
    label = pd.Series(
        [labels[i] if i >= 0 else None for i in at.tolist()], index=ids.index, dtype=object
    )
    if C.BORDER_CROSSINGS in labelled.columns:
        texts = labelled[C.BORDER_CROSSINGS].to_numpy(dtype=object)
        parsed = {t: _crossings(t) for t in pd.unique(texts)}
        sets = [parsed[t] for t in texts]
    else:
        sets = [(NO_CROSSING,)] * len(labelled)
    crossings = pd.Series(
        [sets[i] if i >= 0 else (UNKNOWN,) for i in at.tolist()], index=ids.index, dtype=object
    )
    return label, crossings


def _key_values(
    ships: pd.DataFrame, keys: Sequence[str], *, period: pd.Series, routes: pd.DataFrame | None
) -> dict[str, pd.Series]:
    """Return each key's value per train (a tuple of crossings for ``border_crossing``)."""
    origin = _coalesce(ships, (C.ORIGIN_STATION, C.ORIGIN_REGION, C.ORIGIN))
    destination = _coalesce(ships, (C.DESTINATION_STATION, C.DESTINATION_REGION, C.DESTINATION))
    label, crossings = _train_routes(routes, ships[C.ID].astype(str))
    special = {
        C.ORIGIN: origin,
        C.DESTINATION: destination,
        C.RAILHEAD: destination,
        C.PERIOD: period,
        C.ROUTE_LABEL: label.where(label.notna(), origin + " → " + destination),
        C.BORDER_CROSSING: crossings,
    }
    out = {}
    for key in keys:
        value = special.get(key)
        if value is None:
            value = _stripped(ships, key)
            if key in (C.SOURCE, C.RELAYED_BY):
                value = _one_name_per_outlet(value)
            value = value.where(value.notna(), UNKNOWN)
        out[key] = value.reset_index(drop=True)
    return out


def _one_name_per_outlet(names: pd.Series) -> pd.Series:
    """Return each reporter or outlet under its one shown name (:func:`outlet_name`).

    "Białoruski Hajun", "Беларускі Гаюн" and "Білоруський Гаюн" are one channel: a
    summary by ``source`` gives it one row, as the headline's source count does (trial11
    T18). Each distinct name is looked up once.

    Examples
    --------
    >>> shown = _one_name_per_outlet(pd.Series(["Беларускі Гаюн", "Białoruski Hajun", None]))
    >>> shown[:2].tolist(), bool(shown.isna()[2])
    (['Belarusian Hajun', 'Belarusian Hajun'], True)
    """
    shown = {name: outlet_name(str(name)) for name in names.dropna().unique()}
    return names.map(shown).where(names.notna(), None)


def returning_trips(ships: pd.DataFrame) -> pd.Series:
    """Return which shipments are a trip back whose outbound trip is in the table.

    A train that went A -> B and came back B -> A is two shipments (two movements),
    but one train's cars: its trip back (``return_of`` naming the outbound trip) adds
    no cars to a total that already counts the outbound trip (trial F122). A trip
    back whose outbound trip is not in the table (left out by the as-of date) still
    counts its cars.

    Parameters
    ----------
    ships
        The shipments table (``id``, ``return_of``).

    Returns
    -------
    pandas.Series
        Bool, on the index of ``ships``.

    Examples
    --------
    >>> ships = pd.DataFrame({"id": ["r-t1", "r-t2", "q-t2"],
    ...                       "return_of": [None, "r-t1", "q-t1"]})
    >>> returning_trips(ships).tolist()
    [False, True, False]
    """
    if C.RETURN_OF not in ships.columns or C.ID not in ships.columns:
        return pd.Series(False, index=ships.index)
    outbound = ships[C.RETURN_OF].astype(object)
    present = set(ships[C.ID].astype(str))
    return outbound.map(lambda v: isinstance(v, str) and v in present).astype(bool)


def _trains(ships: pd.DataFrame, *, period: pd.Series) -> pd.DataFrame:
    """Return one contribution per train: its own counts and texts."""
    if C.BEST_DATE in ships.columns:  # each train's best date (railtrack.dating)
        basis = _stripped(ships, C.DATE_BASIS)
    else:
        departure = _dates(ships, C.DEPARTURE_EARLIEST)
        published = _dates(ships, C.PUBLISHED)
        dated = np.where(
            departure.notna(), "departure", np.where(published.notna(), "published", "")
        )
        basis = pd.Series(dated, index=ships.index, dtype=object)
        basis = basis.where(basis != "", None)
    source, grade = _source_labels(ships)
    # a train retracted or told only as hearsay is listed but counted apart (trial17 T5)
    apart = not_counted(ships).to_numpy(dtype=bool)
    rows = pd.DataFrame({C.TRAINS: (~apart).astype(np.int64)}, index=ships.index)
    back = returning_trips(ships)
    left_out = back | apart
    for col in C.CAR_COLUMNS:
        # a trip back carries its outbound trip's cars: counted once, with the outbound
        rows[col] = _counts(ships, col).mask(left_out)
    rows[C.TRAINS_WITH_CARS] = rows[C.CARS_TOTAL].notna().astype("int64")
    # a total adds its fewest cars, never an upper bound as if it were a count
    least, most, open_above = count_bounds(ships)
    rows[C.CARS_TOTAL] = least.mask(left_out)
    rows[C.CARS_TOTAL_MAX] = most.mask(left_out)
    rows[_OPEN] = (open_above & ~left_out).astype(bool)
    rows[C.TRAINS_NOT_COUNTED] = apart.astype(np.int64)
    rows[C.CARS_NOT_COUNTED] = least.where(apart & ~back).fillna(0).astype("int64")
    rows[C.CARS_UNALLOCATED] = np.zeros(len(ships), np.int64)
    for col in (C.CARS_TOTAL_DERIVED, C.CARS_ESTIMATED, C.CARS_AT_LEAST, C.CARS_AT_MOST):
        rows[col] = _flags(ships, col).astype(bool) & ~apart
    rows[_CRED] = _counts(ships, C.CREDIBILITY)
    rows[C.UNALLOCATED] = None
    rows[_SOURCE_LABEL] = source
    rows[_GRADE] = grade
    rows[_SHIP] = ships[C.ID].astype(str).to_numpy(dtype=object)
    rows[_GROUP] = _stripped(ships, C.GROUP)
    rows[_BASIS] = basis
    return rows.reset_index(drop=True)


def _remainder_rows(rest: pd.DataFrame, trains: pd.DataFrame, periods: pd.Series) -> pd.DataFrame:
    """Return the remainders' contributions, shaped as the trains'."""
    source, grade = _source_labels(rest)
    rows = pd.DataFrame({C.TRAINS: rest[UNLISTED].to_numpy(np.int64)})
    for col in C.CAR_COLUMNS:
        rows[col] = rest[col].array
    rows[C.TRAINS_WITH_CARS] = 0
    rows[C.TRAINS_NOT_COUNTED] = 0
    rows[C.CARS_NOT_COUNTED] = 0
    rows[C.CARS_UNALLOCATED] = rest[C.CARS_TOTAL].fillna(0).to_numpy(np.int64)
    for col in (C.CARS_TOTAL_DERIVED, C.CARS_ESTIMATED, C.CARS_AT_LEAST):
        rows[col] = rest[col].to_numpy(bool)
    least, most, open_above = count_bounds(rest.reset_index(drop=True))
    rows[C.CARS_TOTAL] = least.array
    rows[C.CARS_TOTAL_MAX] = most.array
    rows[_OPEN] = open_above.to_numpy(bool)
    rows[C.CARS_AT_MOST] = _flags(rest, C.CARS_AT_MOST).to_numpy(bool)
    rows[_CRED] = pd.array([None] * len(rest), dtype="Int64")
    rows[C.UNALLOCATED] = rest[C.UNALLOCATED].to_numpy(dtype=object)
    rows[_SOURCE_LABEL] = source.to_numpy(dtype=object)
    rows[_GRADE] = grade.to_numpy(dtype=object)
    rows[_SHIP] = None
    rows[_GROUP] = rest[C.GROUP].to_numpy(dtype=object)
    basis = trains[_BASIS].to_numpy(dtype=object)
    bases = []
    for holders, unlisted, dated in zip(
        rest[HOLDERS], rest[UNLISTED], periods.notna(), strict=True
    ):
        held = set(basis[list(holders)].tolist())
        if unlisted:
            held.add("published" if dated else None)
        bases.append("; ".join(sorted(b for b in held if isinstance(b, str) and b)) or None)
    rows[_BASIS] = pd.Series(bases, dtype=object)
    return rows


@dataclass(frozen=True)
class _Coded:
    """A key's values per train as integer codes into its distinct values.

    Long texts (route labels run to thousands of characters) are hashed and compared
    once here, not once per view and step.
    """

    codes: np.ndarray  # shape (n_trains,): each train's value, a position in ``uniques``
    uniques: list[Any]  # the distinct values, in order of first use
    code_of: dict[Any, int]  # value -> its code (missing values as None)

    @classmethod
    def of(cls, values: pd.Series) -> _Coded:
        if values.dtype != object:
            codes, uniques = pd.factorize(values, use_na_sentinel=False)
            distinct = list(uniques)
            return cls(codes, distinct, {_hashable(u): c for c, u in enumerate(distinct)})
        # Texts by a dict: pandas' factorize copies every text into a string array
        # first (66 MB of route labels at 100,000 trains), a dict hashes each object once.
        code_of: dict[Any, int] = {}
        first: list[Any] = []
        codes = np.empty(len(values), np.intp)
        for i, value in enumerate(values.tolist()):
            key = value if isinstance(value, str | tuple) else _hashable(value)
            code = code_of.get(key)
            if code is None:
                code = code_of[key] = len(first)
                first.append(value)
            codes[i] = code
        return cls(codes, first, code_of)


def _shared(
    coded: _Coded, rest: pd.DataFrame, own: Sequence[Any], differ: Sequence[Any]
) -> list[Any]:
    """Return each remainder's key value: the one its holders (and unlisted trains) share.

    ``own`` is the value of a remainder's unlisted trains, ``differ`` its value when
    they differ ("unallocated across N trains", or no date for a period).
    """
    codes, uniques = coded.codes, coded.uniques
    out = []
    for i, (holders, unlisted) in enumerate(zip(rest[HOLDERS], rest[UNLISTED], strict=True)):
        seen = set(codes[list(holders)].tolist())
        if unlisted:
            seen.add(coded.code_of.get(_hashable(own[i]), -1))
        if len(seen) != 1:
            out.append(differ[i])
            continue
        code = seen.pop()
        out.append(uniques[code] if code >= 0 else own[i])
    return out


def _hashable(value: Any) -> Any:
    """Return ``value`` with missing dates and numbers as None, so that they compare equal."""
    return None if not isinstance(value, tuple) and pd.isna(value) else value


def _key_column(values: pd.Series, coded: _Coded, shared: list[Any]) -> pd.Series:
    """Return a key's values of the trains then of the remainders as one column.

    A text key becomes a categorical over its distinct values (the trains' codes,
    then the remainders'), so grouping never hashes the texts again; a key with
    missing values (dates) or tuples (border crossings) keeps its values.
    """
    if values.dtype != object or any(
        isinstance(u, tuple) or _hashable(u) is None for u in [*coded.uniques, *shared]
    ):
        tail = pd.Series(shared, dtype=values.dtype)
        return pd.concat([values.reset_index(drop=True), tail], ignore_index=True)
    extra: dict[Any, int] = {}
    n = len(coded.uniques)
    tail_codes = [
        coded.code_of.get(v) if v in coded.code_of else extra.setdefault(v, n + len(extra))
        for v in shared
    ]
    categories = pd.Index([*coded.uniques, *extra], dtype=object)
    codes = np.concatenate([coded.codes, np.asarray(tail_codes, dtype=coded.codes.dtype)])
    return pd.Series(pd.Categorical.from_codes(codes, categories=categories))


def _view_keys(
    keys: Sequence[str],
    values: Mapping[str, pd.Series],
    rest: pd.DataFrame,
    periods: pd.Series,
    coded: Mapping[str, _Coded] | None = None,
) -> pd.DataFrame:
    """Return the key values of every contribution (trains, then remainders) of a view.

    ``coded`` holds each key's :class:`_Coded` values when worked out already (for
    several views); None: coded here.
    """
    if coded is None:
        coded = {key: _Coded.of(values[key]) for key in keys}
    labels = [unallocated_label(int(n)) for n in rest[N_ACROSS]]
    out = {}
    own: list[Any]
    differ: list[Any]
    for key in keys:
        if key == C.PERIOD:
            own, differ = list(periods), [pd.NaT] * len(rest)
        elif key == C.BORDER_CROSSING:
            own = differ = [(label,) for label in labels]
        else:
            own = differ = labels
        shared = _shared(coded[key], rest, own, differ)
        out[key] = _key_column(values[key], coded[key], shared)
    return pd.DataFrame(out)


def _join(texts: list[str]) -> str | None:
    return "; ".join(texts) or None


def _join_unique(texts: list[str]) -> str | None:
    return "; ".join(dict.fromkeys(texts)) or None


def _join_sorted(texts: list[str]) -> str | None:
    return "; ".join(sorted(set(texts))) or None


def _join_bases(texts: list[str]) -> str:
    parts = {p for v in texts for p in str(v).split("; ")}
    return "; ".join(sorted(parts)) or UNKNOWN


def _best_grade(texts: list[str]) -> str | None:
    return min(texts) if texts else None


def _per_group(
    values: pd.Series, group: np.ndarray, n_groups: int, combine: Callable[[list[str]], Any]
) -> list[Any]:
    """Return ``combine`` of each group's known texts (in row order), group by group."""
    known = values.notna().to_numpy()
    order = np.argsort(group[known], kind="stable")
    texts = values.to_numpy(dtype=object)[known][order]
    bounds = np.searchsorted(group[known][order], np.arange(n_groups + 1))
    return [combine(texts[a:b].tolist()) for a, b in itertools.pairwise(bounds)]


_TEXTS: dict[str, tuple[str, Callable[[list[str]], Any]]] = {
    C.UNALLOCATED: (C.UNALLOCATED, _join),
    C.SOURCES: (_SOURCE_LABEL, merge_source_labels),
    C.BEST_RELIABILITY: (_GRADE, _best_grade),
    C.SHIPMENTS: (_SHIP, _join),
    C.GROUPS: (_GROUP, _join_unique),
}
"""Text columns of a summary: source column in the contributions, and how it is combined."""


def _aggregate(rows: pd.DataFrame, keys: Sequence[str], *, settings: Settings) -> pd.DataFrame:
    """Sum the contributions per combination of the keys' values (pandas groupby)."""
    lead = [*keys, *([C.PERIOD_BASIS] if C.PERIOD in keys else [])]
    columns = [*lead, *C.SUMMARY_VALUE_COLUMNS]
    if rows.empty:
        empty = pd.DataFrame(columns=columns)
        empty[C.PERSONNEL_ESTIMATE] = empty[C.PERSONNEL_ESTIMATE].astype("Float64")
        return empty
    codes = [pd.factorize(rows[k], use_na_sentinel=False)[0] for k in keys]
    by = codes or [np.zeros(len(rows), np.int64)]
    g = rows.groupby(by, sort=False)
    parts: dict[str, Any] = {k: g[k].first() for k in keys}
    if C.PERIOD in keys:
        parts[C.PERIOD] = parts[C.PERIOD].astype("datetime64[ns]")
    group, n = g.ngroup().to_numpy(), g.ngroups
    if C.PERIOD in keys:
        parts[C.PERIOD_BASIS] = pd.Series(_per_group(rows[_BASIS], group, n, _join_bases))
    parts |= {
        C.TRAINS: g[C.TRAINS].sum(),
        C.TRAINS_WITH_CARS: g[C.TRAINS_WITH_CARS].sum(),
        C.TRAINS_NOT_COUNTED: g[C.TRAINS_NOT_COUNTED].sum(),
        C.CARS_NOT_COUNTED: g[C.CARS_NOT_COUNTED].sum(),
        **{col: g[col].sum(min_count=1) for col in C.CAR_COLUMNS},
        C.CARS_UNALLOCATED: g[C.CARS_UNALLOCATED].sum(),
        C.CARS_TOTAL_DERIVED: g[C.CARS_TOTAL_DERIVED].any(),
        C.CARS_ESTIMATED: g[C.CARS_ESTIMATED].any(),
        C.CARS_AT_LEAST: g[C.CARS_AT_LEAST].any(),
        C.CARS_AT_MOST: g[C.CARS_AT_MOST].any(),
        # the most cars: unknown when any count has no upper limit
        C.CARS_TOTAL_MAX: g[C.CARS_TOTAL_MAX].sum(min_count=1).mask(g[_OPEN].any()),
        C.BEST_CREDIBILITY: g[_CRED].min().astype("Int64"),
    }
    parts |= {
        name: pd.Series(_per_group(rows[col], group, n, combine), dtype=object)
        for name, (col, combine) in _TEXTS.items()
    }
    # Sorted before the keys become text columns: a route label runs to thousands of
    # characters, and sorting the text columns (each label read back from Arrow, then
    # the sorted copy of the column) held 600 MB at 100,000 trains.
    texts = [_key_texts(parts[k]) if k != C.PERIOD else parts[k] for k in keys]
    order = _order(texts, keys, n)
    df = pd.DataFrame({k: v.array.take(order) for k, v in parts.items()})
    for key, text in zip(keys, texts, strict=True):
        if key == C.ROUTE_LABEL:
            # The labels' own objects, as the routes table holds them: "str" would copy
            # each into Arrow (6,111 labels of about 5,500 names: 63 MB at 100,000 trains).
            df[key] = pd.Series(text.to_numpy(dtype=object)[order], dtype=object)
        elif key != C.PERIOD:
            df[key] = df[key].astype("str")
    for col in (
        C.TRAINS,
        C.TRAINS_WITH_CARS,
        C.CARS_UNALLOCATED,
        C.TRAINS_NOT_COUNTED,
        C.CARS_NOT_COUNTED,
    ):
        df[col] = df[col].astype("int64")
    df[C.PERSONNEL_ESTIMATE] = personnel_estimate(df[C.CARS_PASSENGER], settings=settings)
    return df[columns]


def _key_texts(values: pd.Series) -> pd.Series:
    """Return a key's values as the text its column will hold, sharing the text objects.

    ``astype("str")`` would copy every text into Arrow; a categorical or object column's
    texts are taken as they are (others, e.g. numbers, as their ``str``).
    """
    texts = values.astype(object).tolist()
    return pd.Series(
        [v if isinstance(v, str) else str(v) for v in texts], index=values.index, dtype=object
    )


def _order(columns: Sequence[pd.Series], keys: Sequence[str], n: int) -> np.ndarray:
    """Return the positions that sort ``n`` rows by their key columns, as :func:`_sort` does."""
    if not keys or n == 0:
        return np.arange(n)
    sort_keys = [_sort_keys(c, period=k == C.PERIOD) for c, k in zip(columns, keys, strict=True)]
    rows = list(zip(*sort_keys, strict=True))
    return np.asarray(sorted(range(len(rows)), key=rows.__getitem__), dtype=np.intp)


def _sort(df: pd.DataFrame, keys: Sequence[str]) -> pd.DataFrame:
    """Sort by the keys (casefolded), with unknown and unallocated rows after the known ones.

    A stable sort on one tuple per row: for each key its rank (known, unknown,
    unallocated; a period known or not) and its value (the casefolded text, each
    distinct text casefolded once; a period's nanoseconds).
    """
    if not keys or df.empty:
        return df.reset_index(drop=True)
    return df.iloc[_order([df[key] for key in keys], keys, len(df))].reset_index(drop=True)


def _sort_keys(col: pd.Series, *, period: bool) -> list[tuple[int, Any]]:
    """Return one key's sort tuple per row (see :func:`_sort`)."""
    if period:
        known = col.notna().to_numpy()
        nanos = col.to_numpy(dtype="datetime64[ns]").astype(np.int64)
        pairs = zip(known.tolist(), nanos.tolist(), strict=True)
        return [(0, n) if k else (1, 0) for k, n in pairs]
    order: dict[str, tuple[int, str]] = {}
    out = []
    texts = col.tolist() if col.dtype == object else col.astype(str).tolist()
    for text in texts:
        key = order.get(text)
        if key is None:
            rank = 2 * text.startswith("unallocated across") + (text == UNKNOWN)
            key = order[text] = (rank, text.casefold())
        out.append(key)
    return out


PERIOD_WORDS = {"day": "D", "week": "W", "month": "M", "quarter": "Q"}
"""Words naming a period of a length (``--by week``), with the pandas frequency of the
``period`` key they stand for (``track`` writes ``summary_by_railhead_week.csv``)."""


def _validate_keys(keys: Sequence[str], ships: pd.DataFrame, routes: pd.DataFrame | None) -> None:
    for key in keys:
        if key not in SPECIAL_KEYS and key not in ships.columns:
            allowed = ", ".join((*SPECIAL_KEYS, "or a shipment column"))
            msg = f"cannot summarise by {key!r}: use {allowed}"
            if key.lower() in PERIOD_WORDS:
                freq = PERIOD_WORDS[key.lower()]
                msg += f" (a {key.lower()} is the key 'period' with freq={freq!r})"
            raise ValueError(msg)
    if C.BORDER_CROSSING in keys and routes is None:
        logger.info("No routes given: border crossings are 'unknown'")
    if len(set(keys)) != len(keys):
        msg = f"duplicate keys in by={tuple(keys)!r}"
        raise ValueError(msg)


def _unknown_groups(trains: pd.DataFrame, groups: pd.DataFrame) -> list[str]:
    """Return a problem for each train whose group is not among the groups."""
    known = set(groups[C.ID].map(str)) if len(groups) else set()
    grp = trains[_GROUP]
    bad = trains[grp.notna() & ~grp.isin(known)]
    return [
        f"shipment {s}: group {g!r} is not among the groups"
        for s, g in zip(bad[_SHIP], bad[_GROUP], strict=True)
    ]


def _tables(
    reports: ReportSet | pd.DataFrame, groups: pd.DataFrame | None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return the shipments and groups tables (a ReportSet's own groups when None)."""
    if isinstance(reports, pd.DataFrame):
        ships = reports
        if groups is None:
            groups = pd.DataFrame(columns=list(C.GROUP_COLUMNS))
    else:  # each train dated by its best date, as in the briefing (railtrack.dating)
        from railtrack.dating import with_best_dates

        ships = with_best_dates(reports.to_frame(), reports.sightings_frame())
        if groups is None:
            groups = reports.groups_frame()
    if C.ID not in ships.columns:
        msg = f"the shipments table has no {C.ID!r} column"
        raise ValueError(msg)
    return ships.reset_index(drop=True), groups.reset_index(drop=True)


def summarize_views(
    shipments: ReportSet | pd.DataFrame,
    views: Mapping[str, Sequence[str]],
    *,
    freq: str = "W",
    groups: pd.DataFrame | None = None,
    routes: pd.DataFrame | None = None,
    settings: Settings | None = None,
    remainders: pd.DataFrame | None = None,
) -> dict[str, pd.DataFrame]:
    """Return several :func:`summarize` tables of the same data, one per view.

    Each table equals ``summarize(shipments, by=keys, ...)`` for its view; the
    per-train values and the group remainders are worked out once for all views.

    Parameters
    ----------
    shipments, freq, groups, routes, settings
        As for :func:`summarize`.
    views
        Table name -> keys (the ``by`` of :func:`summarize`).
    remainders
        :func:`railtrack.remainders.group_remainders` of these shipments and groups,
        when the caller has worked it out already (the corridor graph reads it too);
        None: worked out here.

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
    ships, group_df = _tables(shipments, groups)
    for keys in views.values():
        _validate_keys(list(keys), ships, routes)
    if C.BEST_DATE in ships.columns:  # each train's best date (railtrack.dating)
        period = _to_period(_dates(ships, C.BEST_DATE), freq)
    else:
        # a window's middle day, as railtrack.dating dates it (trial19 T10)
        departure = middle_day(ships, C.DEPARTURE_EARLIEST, C.DEPARTURE_LATEST)
        period = _to_period(departure.fillna(_dates(ships, C.PUBLISHED)), freq)  # checks freq
    trains = _trains(ships, period=period)
    problems = _unknown_groups(trains, group_df)
    logged = list(problems)
    if remainders is None:
        rest = group_remainders(ships, group_df, problems=problems)
        logged = problems
    else:  # the same rule on the same tables, worked out once by the caller, who
        rest = remainders  # reports them (the main job: as problem records, not log lines)
        problems.extend(rest.attrs.get("problems", []))
    rest_periods = _to_period(_dates(rest, C.PUBLISHED), freq)
    contributions = pd.concat(
        [trains, _remainder_rows(rest, trains, rest_periods)], ignore_index=True
    )
    needed = list(dict.fromkeys(k for keys in views.values() for k in keys))
    values = _key_values(ships, needed, period=period, routes=routes)
    coded = {key: _Coded.of(value) for key, value in values.items()}
    for problem in logged:
        logger.warning(problem)
    out: dict[str, pd.DataFrame] = {}
    for name, keys in views.items():
        view_keys = _view_keys(keys, values, rest, rest_periods, coded)
        rows = pd.concat([view_keys, contributions], axis=1)
        if C.BORDER_CROSSING in keys:
            rows = rows.explode(C.BORDER_CROSSING, ignore_index=True)
        if C.PERIOD in keys:
            dated = rows[C.PERIOD].notna()
            rows[_BASIS] = rows[_BASIS].where(dated | rows[_SHIP].notna(), None)
        table = _aggregate(rows, list(keys), settings=settings)
        table.attrs = {
            "by": tuple(keys),
            "freq": freq,
            "personnel_note": personnel_note(settings=settings),
            "problems": list(problems),
        }
        logger.info(
            "Summarised %d trains and %d groups into %d rows", len(ships), len(group_df), len(table)
        )
        out[name] = table
    return out


def summarize(
    shipments: ReportSet | pd.DataFrame,
    *,
    by: Sequence[str] = (C.ORIGIN, C.DESTINATION),
    freq: str = "W",
    groups: pd.DataFrame | None = None,
    routes: pd.DataFrame | None = None,
    settings: Settings | None = None,
) -> pd.DataFrame:
    """Count trains and cars by type per origin, railhead, route, border crossing or period.

    Parameters
    ----------
    shipments
        The shipments table (columns :data:`railtrack.columns.SHIPMENT_COLUMNS`), or a
        :class:`railtrack.ReportSet` (its tables are taken, and its groups when
        ``groups`` is None).
    by
        Keys of the table, in order: ``"origin"``, ``"destination"`` (alias
        ``"railhead"``), ``"route"``, ``"border_crossing"``, ``"period"``, or any
        shipment column (e.g. ``"source"``, ``"claim"``). ``()`` gives one total row.
    freq
        Period length (a pandas period alias: ``"D"``, ``"W"``, ``"M"``, ``"Q"``). The
        period comes from the earliest departure, or from the published date when
        the departure is unknown; ``period_basis`` says which.
    groups
        The groups table (``ReportSet.groups_frame()``).
    routes
        The routes table (:func:`railtrack.routes.shipment_routes`; ``id``, ``route``
        and ``border_crossings`` are read). Without it, ``route`` is "origin →
        destination" and border crossings are ``"unknown"``.
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
    railtrack.remainders : the rule that counts a group's cars once.

    Notes
    -----
    A group's cars ("86 cars in both trains") are counted once: when its trains fall
    in different rows, the cars not given per train go to an "unallocated across N
    trains" row instead of being copied into each. The personnel factor and its
    sources are in ``df.attrs["personnel_note"]``.

    Examples
    --------
    The embedded seed report: two trains and one group fact of 86 cars.

    >>> from railtrack import data_path, load_reports
    >>> reports = load_reports(data_path("reports") / "seed-hajun-2023-03.yaml")
    >>> cols = ["trains", "cars_total", "cars_passenger", "personnel_estimate"]
    >>> summarize(reports, by=()).loc[:, cols]
       trains  cars_total  cars_passenger  personnel_estimate
    0       2          86               2               100.0
    >>> summarize(reports, by=("destination",)).loc[:, ["destination", "trains", "cars_total"]]
                       destination  trains  cars_total
    0              Matveyev-Kurhan       1        <NA>
    1                  Nieklinovka       1        <NA>
    2  unallocated across 2 trains       0          86
    >>> summarize(reports, by=("colour",))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: cannot summarise by 'colour': use origin, destination, railhead, ...
    """
    return summarize_views(
        shipments, {"table": by}, freq=freq, groups=groups, routes=routes, settings=settings
    )["table"]


def _true(value: object) -> bool:
    """Whether a flag cell is set (numpy and pandas booleans; NA is not)."""
    return value is not None and value is not pd.NA and bool(value == True)  # noqa: E712


def cars_phrase(figures: Mapping[str, Any]) -> str:
    """Return the cars of :func:`total_figures` in words, saying how bounds were summed.

    Parameters
    ----------
    figures
        ``cars_total``, ``cars_total_lower_bound``, ``cars_at_most`` and
        ``cars_total_max`` as :func:`total_figures` gives them.

    Returns
    -------
    str
        "412 cars", "at least 412 cars", "70 to 85 cars" (some counts were ranges or
        upper bounds, none open above), or "at least 30 cars (upper bounds and
        ranges: only their low ends summed)".

    Examples
    --------
    >>> cars_phrase({"cars_total": 412})
    '412 cars'
    >>> cars_phrase({"cars_total": 70, "cars_total_lower_bound": True, "cars_at_most": True,
    ...              "cars_total_max": 85})
    '70 to 85 cars'
    >>> cars_phrase({"cars_total": 30, "cars_total_lower_bound": True, "cars_at_most": True})
    'at least 30 cars (ranges and upper bounds: only low ends summed)'
    """
    low = figures.get("cars_total") or 0
    most = figures.get("cars_total_max")
    if figures.get("cars_at_most"):
        if most is not None and most != low:
            return f"{low:,} to {most:,} cars"
        if most is None:
            return f"at least {low:,} cars (ranges and upper bounds: only low ends summed)"
    least = "at least " if figures.get("cars_total_lower_bound") else ""
    return f"{least}{low:,} cars"


def total_figures(total: pd.DataFrame) -> dict[str, int | bool | None]:
    """Return the headline counts of the ``total`` summary: trains, cars, personnel.

    Parameters
    ----------
    total
        The one-row ``total`` view of :func:`summarize_views` (empty: every count None).

    Returns
    -------
    dict
        ``trains``, ``cars_total``, ``cars_passenger`` and ``personnel_estimate``,
        each an int or None where unknown, and ``cars_total_lower_bound``: True when
        some train's total is derived from a partial breakdown (only the car types
        its report counted: ``cars_total_derived``) or was given as a lower bound
        ("at least 40 cars": ``cars_at_least``), so the cars are at least
        ``cars_total``; ``cars_at_most``: True when some train's count was an upper
        bound or a range ("up to 50", "30-35"), whose low end alone is in
        ``cars_total`` (an upper bound alone adds nothing there); ``cars_total_max``:
        the most cars the counts allow (None when some count has no upper limit);
        ``trains_not_counted`` and ``cars_not_counted``: the trains listed but left out
        of those counts (retracted, or told only as hearsay:
        :func:`railtrack.accounting.not_counted`) and their cars (0 when none).

    Examples
    --------
    >>> total_figures(pd.DataFrame({"trains": [3], "cars_total": [86]}))["cars_total"]
    86
    >>> total_figures(pd.DataFrame())["trains"] is None
    True
    >>> total_figures(pd.DataFrame({"cars_total": [7], "cars_total_derived": [True]}))[
    ...     "cars_total_lower_bound"]
    True
    >>> total_figures(pd.DataFrame({"cars_total": [40], "cars_at_least": [True]}))[
    ...     "cars_total_lower_bound"]
    True
    >>> figures = total_figures(pd.DataFrame({"cars_total": [70], "cars_at_most": [True],
    ...                                       "cars_total_max": [85]}))
    >>> figures["cars_total"], figures["cars_total_max"], figures["cars_at_most"]
    (70, 85, True)
    """
    row = total.iloc[0] if len(total) else pd.Series(dtype=object)

    def number(col: str) -> int | None:
        value = row.get(col)
        return None if value is None or pd.isna(value) else int(value)

    at_most = _true(row.get(C.CARS_AT_MOST))
    return {
        "trains": number(C.TRAINS),
        "cars_total": number(C.CARS_TOTAL),
        "cars_at_most": at_most,
        "cars_total_max": number(C.CARS_TOTAL_MAX) if at_most else None,
        "cars_passenger": number(C.CARS_PASSENGER),
        "personnel_estimate": number(C.PERSONNEL_ESTIMATE),
        "cars_total_lower_bound": (
            _true(row.get(C.CARS_TOTAL_DERIVED)) or _true(row.get(C.CARS_AT_LEAST)) or at_most
        )
        and number(C.CARS_TOTAL) is not None,
        # trains listed but left out of the counts above: retracted or unconfirmed
        "trains_not_counted": number(C.TRAINS_NOT_COUNTED) or 0,
        "cars_not_counted": number(C.CARS_NOT_COUNTED) or 0,
    }

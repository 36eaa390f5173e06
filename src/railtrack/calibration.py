"""Fit the transit-time model to observed trips, and test it by leaving one trip out.

A trip is an origin, a destination, a departure and an arrival, each date an
interval at its precision (a day is the whole day; a time to the minute is
± ``Settings.datetime_tolerance_h``; "on or before 20 Dec" is open and closed with
``Settings.open_departure_days``). An announced (planned) arrival weighs
``Settings.planned_weight`` of an observed one.

:func:`calibrate` maximises the weighted interval-censored likelihood of the trips
over a grid of the model's free parameters (``dwell_scale``, ``speed_sigma``,
``dwell_sigma``); the moving speed and the dwell per 100 km stay at their sourced
values. :func:`leave_one_out` refits without each trip in turn and reports whether
the held-out arrival fell inside p10-p90, beside a naive baseline (distance over
one fixed speed, no dwell).

Examples
--------
>>> trips = load_trips()
>>> len(trips) >= 12, set(trips["arrival_kind"]) <= {"observed", "planned"}
(True, True)
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from railtrack import columns as C
from railtrack._data import data_path
from railtrack.errors import InputPathError, ReportError
from railtrack.routes import shipment_routes
from railtrack.settings import DEFAULT_SETTINGS, Settings
from railtrack.transit import PROBS, TransitModel, arrival_quantiles

if TYPE_CHECKING:
    from railtrack.network import RailNetwork

__all__ = ["Calibration", "calibrate", "leave_one_out", "load_trips", "trip_routes"]

logger = logging.getLogger(__name__)

ARRIVAL_KINDS = ("observed", "planned")
PRECISIONS = ("datetime", "day", "days", "week", "month")
REQUIRED = (
    C.TRIP_ID,
    C.ORIGIN,
    C.DESTINATION,
    C.DEPARTURE_EARLIEST,
    C.DEPARTURE_LATEST,
    C.ARRIVAL_EARLIEST,
    C.ARRIVAL_LATEST,
    C.ARRIVAL_KIND,
)

DEFAULT_GRID: dict[str, tuple[float, ...]] = {
    "dwell_scale": tuple(float(x) for x in np.geomspace(0.25, 12.0, 29)),
    "speed_sigma": (0.05, 0.1, 0.2, 0.3, 0.4),
    "dwell_sigma": tuple(float(x) for x in np.linspace(0.1, 1.5, 15)),
}
"""Values tried for each free parameter (a full grid; deterministic)."""

_DEPARTURE_POINTS = 16  # stratified points over the departure window in the likelihood
_MIN_PROB = 1e-6


# --- loading -----------------------------------------------------------------------------


def _stamp(value: Any, *, path: Path, row: int, column: str) -> pd.Timestamp | None:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return None
    text = str(value).strip()
    if not text:
        return None
    try:
        return pd.Timestamp(text)
    except (ValueError, TypeError) as exc:
        msg = f"{text!r} is not an ISO date or datetime"
        raise ReportError(msg, path=path, row=row, field=column) from exc


def load_trips(path: str | Path | None = None, *, strict: bool = False) -> pd.DataFrame:
    """Read calibration trips from a CSV file (default: the embedded ``trips.csv``).

    Parameters
    ----------
    path
        A CSV with the columns of :data:`railtrack.columns.TRIP_COLUMNS`
        (``distance_km``, ``distance_note``, ``border_crossings_n``, ``cars``,
        ``reference`` and ``note`` optional). Dates are ISO dates or datetimes.
    strict
        Raise on the first bad row instead of skipping it.

    Returns
    -------
    pandas.DataFrame
        The good rows, dates as Timestamps and a ``weight`` column; the bad rows'
        messages (file, row, field) are in ``df.attrs["problems"]``.

    Raises
    ------
    railtrack.errors.InputPathError
        If the file does not exist.
    railtrack.errors.ReportError
        If a required column is missing, or on a bad row with ``strict=True``.

    Notes
    -----
    The embedded trips, one row per observed or planned trip with its source, are
    described in ``data/calibration/README.md``.

    Examples
    --------
    >>> trips = load_trips()
    >>> trips.loc[0, ["trip_id", "origin", "destination", "arrival_kind"]].tolist()
    ['slonim-matveev-kurgan-2023-02', 'Slonim', 'Matveev Kurgan', 'planned']
    >>> len(trips), float(trips.loc[0, "cars"])
    (15, 51.0)
    >>> trips.loc[0, "departure_earliest"], trips.attrs["problems"]
    (Timestamp('2023-02-25 00:00:00'), [])
    >>> load_trips("no-such-trips.csv")
    Traceback (most recent call last):
    ...
    railtrack.errors.InputPathError: no such trips file: no-such-trips.csv
    """
    file = Path(path) if path is not None else data_path("calibration", "trips.csv")
    if not file.is_file():
        msg = f"no such trips file: {file}"
        raise InputPathError(msg)
    raw = pd.read_csv(file, dtype=str, keep_default_na=False)
    missing = [c for c in REQUIRED if c not in raw.columns]
    if missing:
        msg = f"missing column(s): {', '.join(missing)}"
        raise ReportError(msg, path=file, field=missing[0])
    rows: list[dict[str, Any]] = []
    problems: list[str] = []
    for i, rec in enumerate(raw.to_dict("records"), start=2):  # row 1 is the header
        try:
            rows.append(_trip_row(rec, path=file, row=i))
        except ReportError as exc:
            if strict:
                raise
            problems.append(str(exc))
            logger.warning("Skipped trip: %s", exc)
    df = pd.DataFrame(rows, columns=[*C.TRIP_COLUMNS, C.WEIGHT])
    for col in (C.DEPARTURE_EARLIEST, C.DEPARTURE_LATEST, C.ARRIVAL_EARLIEST, C.ARRIVAL_LATEST):
        df[col] = pd.to_datetime(df[col]).astype("datetime64[ns]")
    df[C.DISTANCE_KM] = df[C.DISTANCE_KM].astype("float64")
    df[C.WEIGHT] = df[C.WEIGHT].astype("float64")
    df.attrs["problems"] = problems
    df.attrs["source_file"] = str(file)
    logger.info("Loaded %d trips from %s, %d rows skipped", len(df), file.name, len(problems))
    return df


def _trip_row(rec: Mapping[Any, Any], *, path: Path, row: int) -> dict[str, Any]:
    """Return one trip's checked values; :class:`ReportError` naming the field if bad."""

    def text(col: str) -> str:
        return str(rec.get(col, "") or "").strip()

    for col in (C.TRIP_ID, C.ORIGIN, C.DESTINATION):
        if not text(col):
            raise ReportError("is empty", path=path, row=row, field=col)
    out: dict[str, Any] = {col: text(col) or None for col in C.TRIP_COLUMNS}
    for col in (C.DEPARTURE_EARLIEST, C.DEPARTURE_LATEST, C.ARRIVAL_EARLIEST, C.ARRIVAL_LATEST):
        out[col] = _stamp(rec.get(col), path=path, row=row, column=col)
    for lo, hi in (
        (C.DEPARTURE_EARLIEST, C.DEPARTURE_LATEST),
        (C.ARRIVAL_EARLIEST, C.ARRIVAL_LATEST),
    ):
        _check_window(out[lo], out[hi], path=path, row=row, field=lo)
    for col in (C.DEPARTURE_PRECISION, C.ARRIVAL_PRECISION):
        out[col] = _one_of(text(col) or "day", PRECISIONS, path=path, row=row, field=col)
    out[C.ARRIVAL_KIND] = _one_of(
        text(C.ARRIVAL_KIND).lower(), ARRIVAL_KINDS, path=path, row=row, field=C.ARRIVAL_KIND
    )
    for col, kind in ((C.DISTANCE_KM, float), (C.BORDER_CROSSINGS_N, int), (C.CARS, int)):
        out[col] = _positive(text(col), kind, path=path, row=row, field=col)
    out[C.WEIGHT] = None  # filled by calibrate from the settings
    return out


def _check_window(
    lo: pd.Timestamp | None, hi: pd.Timestamp | None, *, path: Path, row: int, field: str
) -> None:
    """Raise :class:`ReportError` unless a window has an end and does not end before it starts."""
    if lo is None and hi is None:
        raise ReportError(
            "needs at least one of earliest and latest", path=path, row=row, field=field
        )
    if lo is not None and hi is not None and lo > hi:
        msg = f"earliest {lo} is after latest {hi}"
        raise ReportError(msg, path=path, row=row, field=field)


def _one_of(value: str, allowed: Sequence[str], *, path: Path, row: int, field: str) -> str:
    """Return ``value`` when it is allowed; else :class:`ReportError`."""
    if value not in allowed:
        msg = f"{value!r} is not one of {', '.join(allowed)}"
        raise ReportError(msg, path=path, row=row, field=field)
    return value


def _positive(
    value: str, kind: type[int] | type[float], *, path: Path, row: int, field: str
) -> int | float | None:
    """Return a count or distance (None when blank); :class:`ReportError` if not positive."""
    if not value:
        return None
    try:
        number = kind(value)
    except ValueError as exc:
        msg = f"{value!r} is not a number"
        raise ReportError(msg, path=path, row=row, field=field) from exc
    if number < 0 or (field == C.DISTANCE_KM and number == 0):
        msg = f"{value!r} must be positive"
        raise ReportError(msg, path=path, row=row, field=field)
    return number


# --- intervals ---------------------------------------------------------------------------


def _days(ts: pd.Timestamp) -> float:
    return (ts - pd.Timestamp("1970-01-01")).total_seconds() / 86_400.0


def _interval(
    earliest: Any, latest: Any, precision: str, settings: Settings
) -> tuple[float, float, bool]:
    """Return (start, end) in days since the epoch, and whether an end was open."""
    lo = None if pd.isna(earliest) else pd.Timestamp(earliest)
    hi = None if pd.isna(latest) else pd.Timestamp(latest)
    open_days = settings.open_departure_days
    if precision == "datetime":
        tol = settings.datetime_tolerance_h / 24.0
        start = _days(lo) - tol if lo is not None else _days(hi) - open_days  # type: ignore[arg-type]
        end = _days(hi) + tol if hi is not None else _days(lo) + open_days  # type: ignore[arg-type]
        return start, end, lo is None or hi is None
    a = _days(lo.normalize()) if lo is not None else None
    b = _days(hi.normalize()) + 1.0 if hi is not None else None
    if a is None:
        assert b is not None
        return b - 1.0 - open_days, b, True
    if b is None:
        return a, a + 1.0 + open_days, True
    return a, b, False


# --- routes of the trips ---------------------------------------------------------------


def trip_routes(
    trips: pd.DataFrame, network: RailNetwork | None = None, *, settings: Settings | None = None
) -> pd.DataFrame:
    """Give each trip its routed lengths: the network's, or its own ``distance_km``.

    ``distance_km``, when given, is used as is (with ``border_crossings_n``, default
    0); otherwise the trip's ends are resolved on ``network`` (default: the embedded
    theatre network) and routed by :func:`railtrack.routes.shipment_routes`, a
    region origin giving one route from each of its report stations.

    Parameters
    ----------
    trips
        One row per trip, as :func:`load_trips` returns (``origin``, ``destination``,
        optional ``distance_km`` in km and ``border_crossings_n``).
    network
        Network to route trips without ``distance_km`` on (default: embedded).
    settings
        Settings the network is loaded and routed with (default
        :data:`railtrack.settings.DEFAULT_SETTINGS`).

    Returns
    -------
    pandas.DataFrame
        ``trips`` with ``length_km`` (the median over routes), ``routes`` (a tuple
        of (length_km, border crossings) per route) and ``length_source``
        ("distance_km", "network" or "none: <reason>").

    Examples
    --------
    >>> from railtrack import load_network
    >>> df = trip_routes(load_trips().head(2), load_network(national=False))
    >>> df.loc[:, ["trip_id", "length_km", "length_source"]]
                              trip_id  length_km length_source
    0   slonim-matveev-kurgan-2023-02    2192.10       network
    1  belarus-matveev-kurgan-2023-02    2086.95       network
    >>> [(round(km, 1), borders) for km, borders in df.loc[0, "routes"]]
    [(2192.1, 1)]
    """
    settings = settings or DEFAULT_SETTINGS
    rows = trips.reset_index(drop=True)
    given = rows[C.DISTANCE_KM].notna() if C.DISTANCE_KM in rows else rows[C.ORIGIN].isna()
    routed = _network_routes(rows[~given], network, settings) if (~given).any() else {}
    routes_col: list[tuple[tuple[float, int], ...]] = []
    sources: list[str] = []
    for i, rec in enumerate(rows.to_dict("records")):
        if bool(given.iloc[i]):
            borders = rec.get(C.BORDER_CROSSINGS_N)
            n_b = 0 if borders is None or pd.isna(borders) else int(borders)
            routes_col.append(((float(rec[C.DISTANCE_KM]), n_b),))
            sources.append("distance_km")
            continue
        found, source = routed[i]
        routes_col.append(found)
        sources.append(source)
    out = trips.copy()
    out["routes"] = pd.Series(routes_col, index=out.index, dtype=object)
    out[C.LENGTH_KM] = [float(np.median([r[0] for r in rs])) if rs else np.nan for rs in routes_col]
    out["length_source"] = sources
    return out


def _network_routes(
    trips: pd.DataFrame, network: RailNetwork | None, settings: Settings
) -> dict[int, tuple[tuple[tuple[float, int], ...], str]]:
    """Resolve the trips' ends once and route them; per trip its routes and their source."""
    if network is None:
        from railtrack.network import load_network

        network = load_network(settings=settings)
    ends: dict[str, Any] = {C.ID: [str(k) for k in trips.index]}
    for prefix in (C.ORIGIN, C.DESTINATION):
        names = trips[prefix].astype(str).tolist()
        resolved = network.resolve_many(names)
        ends[prefix] = names
        ends[f"{prefix}_station_id"] = resolved[C.STATION_ID].tolist()
        ends[f"{prefix}_region"] = resolved[C.REGION].tolist()
    routes = shipment_routes(pd.DataFrame(ends), network)
    out: dict[int, tuple[tuple[tuple[float, int], ...], str]] = {}
    for key, row in zip(trips.index, routes.to_dict("records"), strict=True):
        km = row[C.LENGTH_KM]
        if pd.isna(km):
            reason = "no route on the network"
            if row[C.FLAGS] and "unresolved" in str(row[C.FLAGS]):
                role = "origin" if "origin_unresolved" in str(row[C.FLAGS]) else "destination"
                reason = f"{role} not on the network and no distance_km"
            out[key] = ((), f"none: {reason}")
            continue
        spread = row[C.ORIGIN_ROUTES]
        if isinstance(spread, tuple) and spread:
            out[key] = (tuple((float(r[1]), int(r[2])) for r in spread), "network")
        else:
            out[key] = (((float(km), int(row[C.BORDER_CROSSINGS_N])),), "network")
    return out


# --- fitting ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Calibration:
    """A fitted model and what it was fitted on.

    ``trips`` holds the trips used (with ``length_km``, ``weight`` and the model's
    own p10/p50/p90 for each); ``skipped`` names the trips left out and why;
    ``log_likelihood`` is the weighted log-likelihood at the optimum.

    Examples
    --------
    >>> from railtrack import load_network
    >>> net = load_network(national=False)
    >>> grid = {"dwell_scale": (0.8, 1.2), "speed_sigma": (0.1,), "dwell_sigma": (0.5,)}
    >>> cal = calibrate(load_trips().head(4), network=net, grid=grid)
    >>> type(cal.model).__name__, len(cal.trips), cal.skipped
    ('TransitModel', 4, ())
    """

    model: TransitModel
    trips: pd.DataFrame
    log_likelihood: float
    skipped: tuple[str, ...] = field(default_factory=tuple)

    @property
    def params(self) -> dict[str, float]:
        """The fitted free parameters.

        Examples
        --------
        >>> from railtrack import load_network
        >>> net = load_network(national=False)
        >>> grid = {"dwell_scale": (0.8, 1.2), "speed_sigma": (0.1,), "dwell_sigma": (0.5,)}
        >>> calibrate(load_trips().head(4), network=net, grid=grid).params
        {'dwell_scale': 1.2, 'speed_sigma': 0.1, 'dwell_sigma': 0.5}
        """
        return {k: getattr(self.model, k) for k in DEFAULT_GRID}


@dataclass(frozen=True)
class _Prepared:
    trips: pd.DataFrame
    dep: np.ndarray  # (n, 2) departure interval, days since epoch
    arr: np.ndarray  # (n, 2) arrival interval
    weight: np.ndarray  # (n,)
    skipped: tuple[str, ...]


def _prepare(trips: pd.DataFrame, network: RailNetwork | None, settings: Settings) -> _Prepared:
    routed = trip_routes(trips, network, settings=settings)
    usable = routed["routes"].map(len) > 0
    skipped = tuple(
        f"{r[C.TRIP_ID]}: {r['length_source']}" for r in routed[~usable].to_dict("records")
    )
    for message in skipped:
        logger.warning("Trip left out of calibration: %s", message)
    used = routed[usable].reset_index(drop=True)
    dep = np.array(
        [
            _interval(
                r[C.DEPARTURE_EARLIEST], r[C.DEPARTURE_LATEST], r[C.DEPARTURE_PRECISION], settings
            )[:2]
            for r in used.to_dict("records")
        ],
        dtype=float,
    ).reshape(-1, 2)
    arr = np.array(
        [
            _interval(r[C.ARRIVAL_EARLIEST], r[C.ARRIVAL_LATEST], r[C.ARRIVAL_PRECISION], settings)[
                :2
            ]
            for r in used.to_dict("records")
        ],
        dtype=float,
    ).reshape(-1, 2)
    weight = np.where(used[C.ARRIVAL_KIND] == "planned", settings.planned_weight, 1.0)
    used = used.assign(**{C.WEIGHT: weight})
    return _Prepared(used, dep, arr, weight, skipped)


def _trip_log_probs(
    prep: _Prepared, base: TransitModel, grid: dict[str, tuple[float, ...]]
) -> tuple[list[TransitModel], np.ndarray]:
    """Log-probability of each trip's arrival interval under each grid model."""
    models = [
        base.replace(dwell_scale=a, speed_sigma=b, dwell_sigma=c)
        for a in grid["dwell_scale"]
        for b in grid["speed_sigma"]
        for c in grid["dwell_sigma"]
    ]
    u = (np.arange(_DEPARTURE_POINTS) + 0.5) / _DEPARTURE_POINTS
    out = np.empty((len(models), len(prep.trips)))
    routes = list(prep.trips["routes"])
    for j, rs in enumerate(routes):
        lengths = np.array([r[0] for r in rs])
        borders = np.array([r[1] for r in rs])
        dep = prep.dep[j, 0] + u * (prep.dep[j, 1] - prep.dep[j, 0])
        lo = prep.arr[j, 0] - dep
        hi = prep.arr[j, 1] - dep
        for i, model in enumerate(models):
            draws = np.sort(model.transit_draws_days(lengths, borders).ravel())
            n = draws.size
            cdf_hi = np.searchsorted(draws, hi, side="right") / n
            cdf_lo = np.searchsorted(draws, lo, side="left") / n
            p = float(np.mean(cdf_hi - cdf_lo))
            out[i, j] = np.log(max(p, _MIN_PROB))
    return models, out


def _predict(prep: _Prepared, model: TransitModel) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    tq = np.vstack(
        [
            model.mixture_quantiles_days([r[0] for r in rs], [r[1] for r in rs])
            if len(rs) > 1
            else model.transit_quantiles_days([rs[0][0]], [rs[0][1]])[0]
            for rs in prep.trips["routes"]
        ]
    ).reshape(-1, PROBS.size)
    p10, p50, p90, _ = arrival_quantiles(
        prep.dep[:, 0],
        prep.dep[:, 1] - prep.dep[:, 0],
        tq,
        min_half_width_days=model.min_half_width_days,
    )
    return p10, p50, p90


def _to_ts(days: np.ndarray) -> pd.Series:
    return pd.Series(pd.to_datetime(np.round(days * 1440.0) * 60.0, unit="s")).astype(
        "datetime64[ns]"
    )


def calibrate(
    trips: pd.DataFrame | None = None,
    *,
    network: RailNetwork | None = None,
    settings: Settings | None = None,
    grid: dict[str, tuple[float, ...]] | None = None,
) -> Calibration:
    """Fit the transit-time model's free parameters to observed and planned trips.

    Parameters
    ----------
    trips
        Trips as returned by :func:`load_trips` (default: the embedded trips).
    network
        Network to route trips without ``distance_km`` on (default: embedded).
    settings
        Fixed parameters (moving speed, dwell per 100 km and per border, planned
        weight, tolerances) and the starting model.
    grid
        Values to try for ``dwell_scale``, ``speed_sigma`` and ``dwell_sigma``
        (default :data:`DEFAULT_GRID`).

    Returns
    -------
    Calibration
        The fitted :class:`~railtrack.estimate.TransitModel` and the trips used.

    Raises
    ------
    railtrack.errors.ReportError
        If no trip can be used.

    Notes
    -----
    Each trip contributes ``weight * log P(arrival interval)``, the departure
    being uniform over its interval; the grid point with the largest sum wins.
    The model, the trips and the fitted values (with their sources) are described
    in ``data/calibration/README.md``.

    Examples
    --------
    A small grid on four embedded trips (the default grid on all trips takes
    seconds):

    >>> from railtrack import load_network
    >>> grid = {"dwell_scale": (0.8, 1.2), "speed_sigma": (0.1,), "dwell_sigma": (0.5,)}
    >>> cal = calibrate(load_trips().head(4), network=load_network(national=False), grid=grid)
    >>> cal.params
    {'dwell_scale': 1.2, 'speed_sigma': 0.1, 'dwell_sigma': 0.5}
    >>> len(cal.trips), cal.skipped, round(cal.log_likelihood, 2)
    (4, (), -4.72)
    """
    settings = settings or DEFAULT_SETTINGS
    trips = load_trips() if trips is None else trips
    grid = grid or DEFAULT_GRID
    prep = _prepare(trips, network, settings)
    if prep.trips.empty:
        msg = "no calibration trip could be routed or has a distance_km"
        raise ReportError(msg, field=C.DISTANCE_KM)
    models, logp = _trip_log_probs(prep, TransitModel.from_settings(settings), grid)
    total = logp @ prep.weight
    best = int(np.argmax(total))
    model = models[best]
    p10, p50, p90 = _predict(prep, model)
    used = prep.trips.assign(p10=_to_ts(p10), p50=_to_ts(p50), p90=_to_ts(p90))
    logger.info(
        "Calibrated on %d trips: %s",
        len(used),
        {k: round(v, 3) for k, v in Calibration(model, used, 0).params.items()},
    )
    return Calibration(model, used, float(total[best]), prep.skipped)


def leave_one_out(
    trips: pd.DataFrame | None = None,
    *,
    network: RailNetwork | None = None,
    settings: Settings | None = None,
    grid: dict[str, tuple[float, ...]] | None = None,
) -> pd.DataFrame:
    """Refit without each trip in turn and predict the trip held out.

    Parameters
    ----------
    trips
        As for :func:`calibrate` (default: the embedded trips).
    network
        Network to route trips without ``distance_km`` on (default: embedded).
    settings
        As for :func:`calibrate`.
    grid
        As for :func:`calibrate` (default :data:`DEFAULT_GRID`).

    Returns
    -------
    pandas.DataFrame
        One row per usable trip: ``trip_id``, ``arrival_kind``, ``length_km``,
        the held-out ``p10``, ``p50``, ``p90``, ``covered`` (the arrival interval
        meets p10-p90), ``abs_error_days`` (p50 to the arrival's midpoint), and the
        naive baseline's ``naive_p50``, ``naive_covered`` (p50 ± the minimum
        half-width) and ``naive_abs_error_days``.

    Raises
    ------
    railtrack.errors.ReportError
        When fewer than two trips can be used.

    Examples
    --------
    >>> from railtrack import load_network
    >>> net = load_network(national=False)
    >>> grid = {"dwell_scale": (0.8, 1.2), "speed_sigma": (0.1,), "dwell_sigma": (0.5,)}
    >>> df = leave_one_out(load_trips().head(4), network=net, grid=grid)
    >>> df.loc[:, ["trip_id", "covered", "naive_covered"]]
                              trip_id  covered  naive_covered
    0   slonim-matveev-kurgan-2023-02     True           True
    1  belarus-matveev-kurgan-2023-02     True           True
    2      belarus-neklinovka-2023-03     True           True
    3         chepino-rossosh-2023-01     True           True
    >>> round(float(df["abs_error_days"].max()), 1)
    2.5
    >>> leave_one_out(load_trips().head(1), network=net, grid=grid)
    Traceback (most recent call last):
    ...
    railtrack.errors.ReportError: field 'trip_id': leave-one-out needs at least two usable trips
    """
    settings = settings or DEFAULT_SETTINGS
    trips = load_trips() if trips is None else trips
    grid = grid or DEFAULT_GRID
    prep = _prepare(trips, network, settings)
    n = len(prep.trips)
    if n < 2:
        msg = "leave-one-out needs at least two usable trips"
        raise ReportError(msg, field=C.TRIP_ID)
    models, logp = _trip_log_probs(prep, TransitModel.from_settings(settings), grid)
    weighted = logp * prep.weight[None, :]
    p10 = np.empty(n)
    p50 = np.empty(n)
    p90 = np.empty(n)
    for j in range(n):
        total = weighted.sum(axis=1) - weighted[:, j]
        model = models[int(np.argmax(total))]
        one = _Prepared(prep.trips.iloc[[j]], prep.dep[[j]], prep.arr[[j]], prep.weight[[j]], ())
        a, b, c = _predict(one, model)
        p10[j], p50[j], p90[j] = a[0], b[0], c[0]
    arr_lo, arr_hi = prep.arr[:, 0], prep.arr[:, 1]
    mid = (arr_lo + arr_hi) / 2.0
    covered = (arr_hi >= p10) & (arr_lo <= p90)
    dep_mid = prep.dep.mean(axis=1)
    naive = dep_mid + prep.trips[C.LENGTH_KM].to_numpy() / settings.naive_speed_km_per_day
    h = settings.min_half_width_days
    naive_covered = (arr_hi >= naive - h) & (arr_lo <= naive + h)
    return pd.DataFrame(
        {
            C.TRIP_ID: prep.trips[C.TRIP_ID].to_numpy(),
            C.ARRIVAL_KIND: prep.trips[C.ARRIVAL_KIND].to_numpy(),
            C.LENGTH_KM: prep.trips[C.LENGTH_KM].to_numpy(),
            C.P10: _to_ts(p10),
            C.P50: _to_ts(p50),
            C.P90: _to_ts(p90),
            "covered": covered,
            "abs_error_days": np.abs(p50 - mid),
            "naive_p50": _to_ts(naive),
            "naive_covered": naive_covered,
            "naive_abs_error_days": np.abs(naive - mid),
        }
    )

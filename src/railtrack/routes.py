"""The routes step: each shipment's one route, computed once and read by every later step.

:func:`shipment_routes` takes the shipments table of resolved reports
(:meth:`railtrack.ReportSet.resolve`, then ``to_frame()``) and gives each train one
route on the network. It reads station ids and region keys only: names are resolved
before, once. The arrival windows, the statuses, the summaries, the corridor graph,
the plots and the briefing all read the table it returns, so a train has the same
route everywhere.

The routing rules, in one place:

- An end is a station (its resolved id), or a region (its report stations, else all
  of its stations); an end that resolved to nothing, or is missing, is not routed; an
  end that is a country or a place outside the network area (Germany, Duisburg) is
  not routed either, flagged ``origin_outside_network``/``destination_outside_network``.
- The route is the shortest by ``length_km``. From a region origin it is the
  shortest of the routes from each report station (``origin_basis`` names the one
  used), and ``origin_routes`` keeps one route length per report station, which the
  arrival window spreads over. To a region destination it ends at the nearest of
  the region's report stations.
- Via points are passed in order when every one resolved to a station; otherwise
  they are ignored (flag ``via_unresolved``); when no route passes them the train is
  routed without them (flag ``via_unreachable``). A via point past the destination
  (reached only through it, or the destination itself) and those after it are
  dropped (flag ``via_past_destination``): the train stops at its destination first.

Each distinct (origins, via, destinations) is routed once, and all station pairs in
one batch (:meth:`railtrack.RailNetwork.iter_routes_between`: one Dijkstra search
per distinct end on the side with fewer ends).

Examples
--------
>>> from railtrack import data_path, load_network, load_reports
>>> net = load_network()
>>> reports = load_reports(data_path("reports", "seed-hajun-2023-03.yaml")).resolve(net)
>>> routes = shipment_routes(reports.to_frame(), net)
>>> routes[["origin_basis", "border_crossings"]].drop_duplicates().shape[0] >= 1
True
>>> bool(routes["length_km"].gt(1000).all())
True
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from railtrack import columns as C
from railtrack._frames import shared_categorical
from railtrack.routing import Route, join_legs, route_from_path

if TYPE_CHECKING:
    from railtrack.network import RailNetwork

__all__ = ["end_stations", "remaining_routes", "shipment_routes"]

logger = logging.getLogger(__name__)

Stations = tuple[str, ...]
Pair = tuple[str, str]


@dataclass(frozen=True)
class _Ends:
    """One train's routable ends: candidate station ids per end, via ids, and flags."""

    origins: Stations
    via: Stations
    destinations: Stations
    flags: tuple[str, ...]
    origin_region: str | None


def _text(value: Any) -> str | None:
    """Return a cell as stripped text, None when missing or blank."""
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return None
    text = str(value).strip()
    return text or None


def end_stations(network: RailNetwork, region: str) -> Stations:
    """Return the stations a region end is routed from or to.

    Parameters
    ----------
    network
        The network the region's stations are looked up on.
    region
        A region key, as :meth:`railtrack.ReportSet.resolve` writes it (``"Belarus"``).

    Returns
    -------
    tuple of str
        The region's report stations on the network, else all of its stations;
        empty for a region the network does not know.

    Examples
    --------
    >>> from railtrack import load_network
    >>> len(end_stations(load_network(), "Belarus")) >= 5
    True
    """
    for defined in network.regions:
        if defined.key == region:
            report = tuple(s for s in defined.report_stations if s in network.G)
            if report:
                return report
    return tuple(network.gazetteer.region_stations(region))


def _end(
    row: dict[str, Any], prefix: str, network: RailNetwork, regions: dict[str, Stations]
) -> tuple[Stations, str | None, str | None]:
    """Return an end's candidate stations, its region key and a flag (None when fine)."""
    station = _text(row.get(f"{prefix}_station_id"))
    if station is not None and station in network.G:
        return (station,), None, None
    region = _text(row.get(f"{prefix}_region"))
    if region is not None:
        if region not in regions:
            regions[region] = end_stations(network, region)
        return regions[region], region, f"{prefix}_region"
    text = _text(row.get(prefix))
    if text is None:
        return (), None, f"no_{prefix}"
    if not network.resolve(text).in_network:  # resolved before; cached, says why
        return (), None, f"{prefix}_outside_network"
    return (), None, f"{prefix}_unresolved"


def _ends(row: dict[str, Any], network: RailNetwork, regions: dict[str, Stations]) -> _Ends:
    """Return one shipment's ends (see the module notes for the rules)."""
    origins, origin_region, origin_flag = _end(row, C.ORIGIN, network, regions)
    destinations, _, destination_flag = _end(row, C.DESTINATION, network, regions)
    flags = [f for f in (origin_flag, destination_flag) if f]
    via: Stations = ()
    if _text(row.get(C.VIA)) is not None:
        ids = tuple((_text(row.get(C.VIA_STATION_IDS)) or "").split("; "))
        if all(i in network.G for i in ids):
            via = ids
        else:
            flags.append("via_unresolved")
    return _Ends(origins, via, destinations, tuple(flags), origin_region)


def _legs(ends: _Ends, *, use_via: bool) -> Iterable[Pair]:
    """Yield the station pairs routing ``ends`` needs (with and without via points)."""
    if use_via and ends.via:
        stops = ends.via
        yield from ((o, stops[0]) for o in ends.origins)
        yield from itertools.pairwise(stops)
        yield from ((stops[-1], d) for d in ends.destinations)
        if len(ends.destinations) == 1:  # a via past the destination ends the via points
            yield from ((s, ends.destinations[0]) for s in stops[:-1])
    yield from itertools.product(ends.origins, ends.destinations)


@dataclass(frozen=True)
class _Found:
    """A train's route and what the routes table shows of it."""

    route: Route
    origin_routes: tuple[tuple[str, float, int], ...]
    flags: tuple[str, ...]
    via: Stations = ()


def _join(network: RailNetwork, legs: Sequence[Route]) -> Route:
    """Return the route through ``legs`` (each starting where the one before ended)."""
    if len(legs) == 1:
        return legs[0]
    plain = [*legs[0].stations, *(s for leg in legs[1:] for s in leg.stations[1:])]
    path = join_legs(network.G, [leg.stations for leg in legs])
    if path == plain:
        return route_from_path(network.G, path, length_km=sum(leg.length_km for leg in legs))
    return route_from_path(network.G, path)  # re-routed round an out-and-back


def _short_of_destination(origin: str, ends: _Ends, legs: dict[Pair, Route | None]) -> Stations:
    """Return the via points a train passes before its destination, in order.

    A via point the route from the stop before it reaches only through the
    destination, or the destination itself, lies past the destination: the train
    stops there first, so it and the via points after it are no via points ("left
    Minsk for Brest via Baranovichi and Terespol": Terespol is beyond Brest;
    trial19 T10). With a region destination (several stations) all are kept.
    """
    if len(ends.destinations) != 1:
        return ends.via
    destination = ends.destinations[0]
    at = origin
    for i, stop in enumerate(ends.via):
        leg = legs.get((at, stop)) if at != stop else None
        if stop == destination or (leg is not None and destination in leg.stations):
            return ends.via[:i]
        at = stop
    return ends.via


def _from(
    origin: str, ends: _Ends, legs: dict[Pair, Route | None], *, via: bool
) -> tuple[list[Route], Stations] | None:
    """Return the legs of the shortest route from one origin station and its via points.

    None when there is no route.
    """
    middle: list[Route] = []
    passed: Stations = ()
    if via:
        passed = _short_of_destination(origin, ends, legs)
        stops = (origin, *passed)
        for pair in itertools.pairwise(stops):
            leg = legs.get(pair) if pair[0] != pair[1] else None
            if leg is None and pair[0] != pair[1]:
                return None
            if leg is not None:
                middle.append(leg)
        origin = stops[-1]
    last = [r for d in ends.destinations if (r := legs.get((origin, d))) is not None]
    if not last:
        return None
    return [*middle, min(last, key=lambda r: r.length_km)], passed


def _route(network: RailNetwork, ends: _Ends, legs: dict[Pair, Route | None]) -> _Found | None:
    """Return a train's one route, trying the via points first; None when there is none."""
    attempts = [True, False] if ends.via else [False]
    for via in attempts:
        per_origin = {o: _from(o, ends, legs, via=via) for o in ends.origins}
        found = {o: (_join(network, p[0]), p[1]) for o, p in per_origin.items() if p}
        if not found:
            continue
        route, passed = min(found.values(), key=lambda f: f[0].length_km)
        spread = tuple(
            (o, float(r.length_km), len(r.border_crossings)) for o, (r, _) in found.items()
        )
        flags: tuple[str, ...] = ("via_unreachable",) if ends.via and not via else ()
        if via and passed != ends.via:
            flags = ("via_past_destination",)
        return _Found(route, spread if ends.origin_region else (), flags, passed)
    return None


def _origin_basis(ends: _Ends, route: Route, network: RailNetwork) -> str:
    if ends.origin_region is None:
        return "station"
    n = len(ends.origins)
    name = network.G.nodes[route.origin].get("name", route.origin)
    return (
        f"region {ends.origin_region}: shortest route from its {n} report "
        f"station{'s' if n != 1 else ''}, here {name}"
    )


def _problem(flags: Sequence[str]) -> str | None:
    """Return the routes table's ``problem`` text for a train's flags."""
    worst = [f for f in flags if f not in ("origin_region", "destination_region")]
    return "; ".join(C.ROUTE_FLAGS[f] for f in worst) or None


ROUTE_INPUTS: tuple[str, ...] = (
    C.ID,
    C.ORIGIN,
    C.ORIGIN_REGION,
    C.ORIGIN_STATION_ID,
    C.DESTINATION,
    C.DESTINATION_REGION,
    C.DESTINATION_STATION_ID,
    C.VIA,
    C.VIA_STATION_IDS,
)
"""The shipment columns :func:`shipment_routes` reads."""

_REPEATED_TEXT: tuple[str, ...] = (
    C.ROUTE_LABEL,
    C.BORDER_CROSSINGS,
    C.ORIGIN_BASIS,
    C.ORIGIN_GEO_PRECISION,
    C.DESTINATION_GEO_PRECISION,
)
"""Route columns shared by every train on a route: kept as pandas categoricals.

A national route label runs to hundreds of station names; as categoricals each
distinct label is stored once however many trains take the route.
"""


def shipment_routes(
    shipments: pd.DataFrame, network: RailNetwork, *, use_via: bool = True
) -> pd.DataFrame:
    """Give each shipment its one route on ``network`` (see the module notes for the rules).

    Parameters
    ----------
    shipments
        The shipments table of resolved reports (``ReportSet.resolve(net).to_frame()``,
        columns :data:`railtrack.columns.SHIPMENT_COLUMNS`); the ``id``, ``origin``,
        ``destination`` and ``*_station_id``/``*_region`` columns are read (``via``
        and ``via_station_ids`` when present).
    network
        The :class:`railtrack.RailNetwork` the ids belong to.
    use_via
        Route through the shipments' via points (default); False ignores them.

    Returns
    -------
    pandas.DataFrame
        One row per shipment, in order, columns :data:`railtrack.columns.ROUTE_COLUMNS`:
        the ends as written, the route's end stations and via ids, ``route`` (station
        names joined with " → "), ``stations`` (ids, a list shared by the trains on the
        route: copy it before changing it), ``length_km`` (km), ``border_crossings``
        ("A–B" links joined with "; "), ``border_crossings_n``, ``origin_basis``,
        ``origin_routes`` (region origins: ``(origin id, length_km, crossings)`` per
        report station, else an empty tuple), ``flags`` (see
        :data:`railtrack.columns.ROUTE_FLAGS`) and ``problem`` (missing when routed as
        asked). Unrouted trains have missing route columns.

    Raises
    ------
    ValueError
        When the table has no ``id`` column.

    Notes
    -----
    Needs a :class:`railtrack.RailNetwork` (the embedded one takes seconds to load); see
    ``tests/test_routes.py``.
    """
    if C.ID not in shipments.columns:
        msg = f"the shipments table has no {C.ID!r} column (see columns.SHIPMENT_COLUMNS)"
        raise ValueError(msg)
    columns = [c for c in ROUTE_INPUTS if c in shipments.columns and c != C.ID]
    first, inverse = _distinct_rows(shipments, columns)
    records = _records(shipments[columns].iloc[first])
    regions: dict[str, Stations] = {}
    ends = [_ends(row, network, regions) for row in records]  # per distinct input row
    distinct = dict.fromkeys(e for e in ends if e.origins and e.destinations)
    pairs = {p for e in distinct for p in _legs(e, use_via=use_via) if p[0] != p[1]}
    legs: dict[Pair, Route | None] = dict(network.iter_routes_between(pairs))
    for station in {s for e in distinct for s in (*e.origins, *e.via)}:
        legs[(station, station)] = route_from_path(network.G, [station])
    found = {e: _route(network, e if use_via else _no_via(e), legs) for e in distinct}
    ids = [str(v) for v in shipments[C.ID].tolist()]
    df = _frame(ids, records, ends, inverse, found, network)
    logger.info(
        "Routed %d of %d shipments (%d distinct routes)",
        int(df[C.LENGTH_KM].notna().sum()),
        len(df),
        len(found),
    )
    return df


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Return the rows of ``frame`` as dicts, as ``to_dict("records")`` gives them.

    Read column by column (``tolist``, ``pd.NA`` as None), not value by value: at
    100,000 trains a quarter of the time ``to_dict`` takes.
    """
    columns = list(frame.columns)
    if not columns:
        return [{} for _ in range(len(frame))]
    values = [[None if v is pd.NA else v for v in frame[c].tolist()] for c in columns]
    return [dict(zip(columns, row, strict=True)) for row in zip(*values, strict=True)]


def _no_via(ends: _Ends) -> _Ends:
    return _Ends(ends.origins, (), ends.destinations, ends.flags, ends.origin_region)


def _distinct_rows(frame: pd.DataFrame, columns: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Return the first row of each distinct combination of ``columns``, and each row's one.

    Missing values of every kind (None, NaN, ``pd.NA``) count as one value, as
    :func:`_text` reads them alike.

    Returns
    -------
    first : numpy.ndarray
        Shape (n_distinct,): positions of the first row of each combination, in order.
    inverse : numpy.ndarray
        Shape (len(frame),): each row's index into ``first``.

    Examples
    --------
    >>> df = pd.DataFrame({"a": ["x", None, "x", float("nan")], "b": [1, 2, 1, 2]})
    >>> first, inverse = _distinct_rows(df, ["a", "b"])
    >>> first.tolist(), inverse.tolist()
    ([0, 1], [0, 1, 0, 1])
    """
    n = len(frame)
    if not columns or n == 0:
        return np.zeros(min(n, 1), dtype=np.intp), np.zeros(n, dtype=np.intp)
    codes = np.column_stack([pd.factorize(frame[c])[0] for c in columns])
    _, first, inverse = np.unique(codes, axis=0, return_index=True, return_inverse=True)
    order = np.argsort(first, kind="stable")  # distinct rows in order of appearance
    rank = np.empty_like(order)
    rank[order] = np.arange(order.size)
    return first[order], rank[np.asarray(inverse).ravel()]


def _frame(
    ids: list[str],
    records: list[dict[str, Any]],
    ends: list[_Ends],
    inverse: np.ndarray,
    found: dict[_Ends, _Found | None],
    network: RailNetwork,
) -> pd.DataFrame:
    """Return the routes table; rows on one route share its values.

    ``records`` and ``ends`` are per distinct input row, ``inverse`` maps each train
    (row of ``ids``) to its distinct input row.
    """
    routed = [f.route for f in found.values() if f is not None]
    passing = dict(zip(map(id, routed), network.passes_destination(routed), strict=True))
    code_of: dict[_Ends, int] = {}
    shown: list[dict[str, Any]] = []
    route_of = np.empty(len(ends), dtype=np.intp)
    for k, e in enumerate(ends):
        code = code_of.get(e)
        if code is None:
            code = code_of[e] = len(shown)
            result = found.get(e)
            passes = result is not None and passing[id(result.route)]
            shown.append(_values(e, result, network, passes_destination=passes))
        route_of[k] = code
    codes = route_of[inverse]
    columns: dict[str, Any] = {}
    for col in C.ROUTE_COLUMNS:
        if col in (C.ID, C.ORIGIN, C.DESTINATION):
            continue
        per_route = np.empty(len(shown), dtype=object)
        for i, values in enumerate(shown):
            per_route[i] = values[col]  # one by one: a list stays one cell
        columns[col] = per_route[codes]  # rows on one route share its objects
    columns[C.ID] = ids
    for col in (C.ORIGIN, C.DESTINATION):
        per_row = np.array([_text(row.get(col)) for row in records], dtype=object)
        columns[col] = per_row[inverse]
    _named_precision(columns, records, route_of, shown, inverse, network)
    df = pd.DataFrame({col: pd.Series(columns[col], dtype=object) for col in C.ROUTE_COLUMNS})
    df[C.LENGTH_KM] = np.array(columns[C.LENGTH_KM].tolist(), dtype="float64")
    df[C.BORDER_CROSSINGS_N] = pd.array(columns[C.BORDER_CROSSINGS_N].tolist(), dtype="Int64")
    for col in _REPEATED_TEXT:
        df[col] = shared_categorical(columns[col].tolist())
    for col in (C.ID, C.ORIGIN, C.DESTINATION, C.FLAGS, C.PROBLEM):
        df[col] = df[col].astype("string")
    return df[list(C.ROUTE_COLUMNS)]


def _values(
    e: _Ends, result: _Found | None, network: RailNetwork, *, passes_destination: bool
) -> dict[str, Any]:
    """Return the routes-table values of one distinct (origins, via, destinations).

    ``passes_destination``: :func:`railtrack.routing.passed_destination` finds a
    station on the route (worked out for every route at once).
    """
    flags = list(e.flags)
    if result is None:
        if e.origins and e.destinations:
            flags.append("no_route")
        # an end that resolved to one station keeps it, routed or not (trial T17)
        origin = e.origins[0] if len(e.origins) == 1 and not e.origin_region else None
        destination = e.destinations[0] if len(e.destinations) == 1 else None
        return {
            **dict.fromkeys(C.ROUTE_COLUMNS),
            C.ORIGIN_STATION_ID: origin,
            C.DESTINATION_STATION_ID: destination,
            C.ORIGIN_ROUTES: (),
            C.FLAGS: ";".join(flags),
            C.PROBLEM: _problem(flags),
        }
    flags += result.flags
    route = result.route
    if passes_destination:
        flags.append("passes_destination")
    via = result.via
    return {
        C.ORIGIN_STATION_ID: route.origin,
        C.DESTINATION_STATION_ID: route.destination,
        C.VIA_STATION_IDS: "; ".join(via) or None,
        C.ROUTE_LABEL: " → ".join(network.named_stops(route)),
        C.STATIONS: list(route.stations),
        C.LENGTH_KM: float(route.length_km),
        C.BORDER_CROSSINGS: "; ".join(route.border_crossings),
        C.BORDER_CROSSINGS_N: len(route.border_crossings),
        C.ORIGIN_BASIS: _origin_basis(e, route, network),
        C.ORIGIN_ROUTES: result.origin_routes,
        C.ORIGIN_GEO_PRECISION: _geo_precision(network, route.origin, "origin_region" in flags),
        C.DESTINATION_GEO_PRECISION: _geo_precision(
            network, route.destination, "destination_region" in flags
        ),
        C.FLAGS: ";".join(flags),
        C.PROBLEM: _problem(flags),
    }


def _named_precision(
    columns: dict[str, Any],
    records: list[dict[str, Any]],
    route_of: np.ndarray,
    shown: list[dict[str, Any]],
    inverse: np.ndarray,
    network: RailNetwork,
) -> None:
    """Show an end at the precision of the name the report wrote, not of its node.

    "Orsha" names the town (its main station, Orsha-Tsentralnaya, is where the route
    ends): the routes table says ``town``, as ``railtrack resolve`` does; an end the
    report named by its station stays ``station``. Only the distinct input rows are
    resolved (the gazetteer caches names).
    """
    for written, end, col in (
        (C.ORIGIN, C.ORIGIN_STATION_ID, C.ORIGIN_GEO_PRECISION),
        (C.DESTINATION, C.DESTINATION_STATION_ID, C.DESTINATION_GEO_PRECISION),
    ):
        per_row = np.empty(len(records), dtype=object)
        for k, row in enumerate(records):
            values = shown[route_of[k]]
            per_row[k] = values[col]
            text = _text(row.get(written))
            if text is None or values[col] != "station" or values[end] is None:
                continue
            r = network.resolve(text)
            if r.station_id == values[end] and r.precision == "town":
                per_row[k] = "town"
        columns[col] = per_row[inverse]


def _geo_precision(network: RailNetwork, station: str, region: bool) -> str:
    """Return how exactly an end is known: "region", or its node's "station"/"town"."""
    if region:
        return "region"
    return str(network.G.nodes[station].get("precision") or "station")


Trip = tuple[str, Sequence[str], Sequence[str]]
"""Where a train was seen, its route's stations, and the stations it may be bound for."""


def remaining_routes(network: RailNetwork, trips: Sequence[Trip]) -> list[tuple[float, int] | None]:
    """Return the length (km) and border crossings left of each trip after a sighting.

    Parameters
    ----------
    network
        The network the routes lie on.
    trips
        Per sighting: the station id where the train was seen, the train's route
        (the routes table's ``stations``; empty when not routed) and the stations it
        may be bound for (its destination's candidates, used when it was not routed).

    Returns
    -------
    list of (float, int) or None
        The rest of the route from the station on when it lies on the route; else
        the shortest route from the station to the route's last station (or to the
        nearest of the candidates); None when no route joins them. Routes off the
        trains' routes are found in one batch.

    Examples
    --------
    >>> from railtrack import load_network
    >>> net = load_network()
    >>> (route,) = net.route("Slonim", "Matveev Kurgan")
    >>> [(km, n)] = remaining_routes(net, [(route.stations[1], route.stations, ())])
    >>> bool(km < route.length_km), n == len(route.border_crossings)
    (True, True)
    """
    out: list[tuple[float, int] | None] = [None] * len(trips)
    wanted: dict[int, tuple[str, list[str]]] = {}
    for i, (station, stations, destinations) in enumerate(trips):
        if station in stations:
            rest = route_from_path(network.G, list(stations[list(stations).index(station) :]))
            out[i] = (rest.length_km, len(rest.border_crossings))
            continue
        targets = [stations[-1]] if stations else [d for d in destinations if d in network.G]
        if station not in network.G or not targets:
            continue
        if station in targets:
            out[i] = (0.0, 0)
            continue
        wanted[i] = (station, targets)
    pairs = {(station, t) for station, targets in wanted.values() for t in targets}
    found = dict(network.iter_routes_between(pairs))
    for i, (station, targets) in wanted.items():
        routes = [r for t in targets if (r := found.get((station, t))) is not None]
        if routes:
            best = min(routes, key=lambda r: r.length_km)
            out[i] = (best.length_km, len(best.border_crossings))
    return out

"""Onward links: a later report of a train at a stop on its way, or told as known.

Two kinds of report tell a train another report already told, yet name a different
end or no count, so :func:`railtrack.relays.relay_links`' rules by ends, days and
counts keep them apart (trial14 T2, T12, T13):

- **A stop on the way of a direction** (``matched_on`` ``onward``). "Сёння праз Оршу ў
  кірунку Мінска прайшоў эшалон" tells the way the train went (its destination is a
  heading: ``destination_heading``), and "Skład dotarł do Borysowa" the next day tells
  where it stopped. A train whose destination is a station that lies on the way from
  the heading train's last known station (its last station passed, else its origin)
  to its heading (the network says so: the route through it is at most
  :data:`DETOUR` longer than the direct one) is that train when its report is no
  earlier, nothing tells it as another train ("the second train"), its origin is
  untold or one the heading train passed or left, its days meet the heading train's
  (same day or the next, ``relay_slack_days``) and the counts agree where both are
  given (``relay_cars_tolerance``).
- **A train told as known** (``matched_on`` ``told-before``). "Эшелон, о котором мы
  писали утром, прибыл в Борисов", "Ешелон, що прибув до Осиповичів, уже
  розвантажують" (``told_before``) speak of a train already told: it is the one
  train of another, no later report whose destination or a station passed is the
  same station, or whose heading it lies on the way to, with days that meet and
  counts that agree as above.

Of several trains that fit, none is linked (the report does not say which). The train
kept is the one :func:`railtrack.relays.relay_links` keeps (grouped, most credible,
seen over planned, tells more); the kept train then takes the stop as its destination
(:mod:`railtrack.relay_facts` reads a heading as no destination told).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import pandas as pd

from railtrack import columns as C

if TYPE_CHECKING:
    from railtrack.network import RailNetwork
    from railtrack.settings import Settings

logger = logging.getLogger(__name__)

__all__ = ["DETOUR", "OnTheWay", "onward_links", "way_test"]

MAX_SPAN_DAYS = 7
"""A train told over more days than this (its dates or sightings) is never the train a
later report's stop is compared with: the follow-up names one day or the next."""
DETOUR = 0.15
"""How much longer (a share) the route through a stop may be than the direct route for
the stop to lie on the way (Orsha - Borisov - Minsk is the direct line: 0.0)."""

OnTheWay = Callable[[str, str, str], bool]
"""``(from_id, stop_id, to_id) -> bool``: whether ``stop_id`` lies on the way."""


def way_test(network: RailNetwork, *, detour: float = DETOUR) -> OnTheWay:
    """Return a test of whether a station lies on the way between two others.

    Parameters
    ----------
    network
        The rail network whose route lengths (km) decide.
    detour
        The share by which the route through the stop may be longer than the direct
        one.

    Returns
    -------
    callable
        ``(from_id, stop_id, to_id) -> bool``, True when the stop differs from both
        ends and the shortest route from ``from_id`` through it to ``to_id`` is at most
        ``detour`` longer than the shortest route between the ends; False when a
        route is missing. Lengths are cached per pair.

    Examples
    --------
    >>> from railtrack import load_network
    >>> on_the_way = way_test(load_network())
    >>> on_the_way("BY-ORSHA", "BY-BORISOV", "BY-MINSK")
    True
    >>> on_the_way("BY-ORSHA", "BY-BREST", "BY-MINSK")
    False
    """

    @lru_cache(maxsize=4096)
    def length_km(a: str, b: str) -> float | None:
        try:
            value = network.route_lengths([(a, b)])[C.LENGTH_KM].iloc[0]
        except (KeyError, IndexError, ValueError):
            return None
        return None if pd.isna(value) else float(value)

    def on_the_way(start: str, stop: str, end: str) -> bool:
        if stop in (start, end) or start == end:
            return False
        direct, first, rest = length_km(start, end), length_km(start, stop), length_km(stop, end)
        if direct is None or first is None or rest is None:
            return False
        return first + rest <= direct * (1.0 + detour) + 1.0

    return on_the_way


@dataclass(frozen=True)
class _Told:
    """What one train says that an onward link reads."""

    row: int
    report: tuple[str, ...]
    origin: str | None
    destination: str | None
    via: tuple[str, ...]
    heading: bool
    told_before: bool
    later: bool
    days: tuple[int, int] | None
    published: int | None


def _flags(table: pd.DataFrame, column: str) -> list[bool]:
    if column not in table.columns:
        return [False] * len(table)
    return [v is True for v in table[column].astype("boolean").fillna(False).astype(object)]


def _told(
    table: pd.DataFrame,
    rows: list[int],
    seen: dict[int, list[tuple[str, int]]],
    slack: int,
    widest: int,
) -> list[_Told]:
    """Return what each of ``rows`` says (its days: dates, sightings, else its post's)."""
    from railtrack.relays import day_ordinals, day_windows, end_keys, report_keys, text_values

    part = table.iloc[rows]
    deps = day_windows(part["departure_earliest"], part["departure_latest"], widest)
    arrs = day_windows(part["arrival_earliest"], part["arrival_latest"], widest)
    published = day_ordinals(part[C.PUBLISHED])
    origins, dests = end_keys(part, "origin"), end_keys(part, "destination")
    vias = [
        () if v is None else tuple(f"id:{s}" for s in str(v).split("; ") if s)
        for v in text_values(part[C.VIA_STATION_IDS])
    ]
    heading, before = _flags(part, C.DESTINATION_HEADING), _flags(part, C.TOLD_BEFORE)
    later = _flags(part, C.LATER_TRAIN)
    reports = report_keys(part)
    out = []
    for n, row in enumerate(rows):
        days = [d for w in (deps[n], arrs[n]) if w is not None for d in w]
        days += [d for _, d in seen.get(row, [])]
        pub = published[n]
        if days:
            window: tuple[int, int] | None = (min(days), max(days))
        else:
            window = None if pub is None else (pub - slack, pub)
        out.append(
            _Told(
                row=row,
                report=reports[n],
                origin=origins[n],
                destination=dests[n],
                via=vias[n],
                heading=heading[n],
                told_before=before[n],
                later=later[n],
                days=window,
                published=pub,
            )
        )
    return out


def _on_heading(stop: str, kept: _Told, on_the_way: OnTheWay | None) -> bool:
    """Whether ``stop`` lies on the way of ``kept``'s heading from its last known station."""
    if on_the_way is None or not kept.heading or kept.destination is None:
        return False
    known = [p for p in (kept.origin, *kept.via) if p is not None and p.startswith("id:")]
    if not known or not stop.startswith("id:") or not kept.destination.startswith("id:"):
        return False
    return on_the_way(known[-1][3:], stop[3:], kept.destination[3:])


def _fits(stop: _Told, kept: _Told, slack: int, on_the_way: OnTheWay | None) -> str | None:
    """Return how ``stop`` is ``kept``'s train (``onward``, ``told-before``), or None."""
    if stop.report == kept.report or stop.destination is None or kept.told_before:
        return None
    if stop.days is None or kept.days is None:
        return None
    published = (stop.published, kept.published)
    if None not in published and published[0] < published[1]:  # type: ignore[operator]
        return None  # a follow-up is told after the train it follows
    if not (stop.days[0] <= kept.days[1] + slack and kept.days[0] <= stop.days[1] + slack):
        return None
    if stop.origin is not None and stop.origin not in (kept.origin, *kept.via):
        return None
    onward = not stop.heading and _on_heading(stop.destination, kept, on_the_way)
    if stop.told_before:
        if onward or stop.destination == kept.destination or stop.destination in kept.via:
            return "told-before"
        return None
    if onward and not stop.later:
        return "onward"
    return None


def onward_links(
    shipments: pd.DataFrame,
    gone: set[int],
    settings: Settings,
    *,
    sightings: pd.DataFrame | None = None,
    on_the_way: OnTheWay | None = None,
    keep: set[int] | None = None,
) -> list[tuple[int, int, str]]:
    """Return (dropped row, kept row, ``matched_on``) of the onward links (module notes).

    Parameters
    ----------
    shipments
        The shipments :func:`railtrack.relays.relay_links` reads (with the columns
        ``destination_heading`` and ``told_before``; absent: False).
    gone
        Rows already linked (neither kept nor dropped here).
    settings
        ``relay_slack_days`` and ``relay_cars_tolerance``.
    sightings
        The sightings table (``shipment``, ``station_id``, ``seen_at``): a train's
        sighting days are its days; None: its dates and post only.
    on_the_way
        A :func:`way_test` of the network; None: no stop is known to lie on a way
        (only ``told-before`` trains at the same station are linked).
    keep
        Rows other links keep: never dropped here (of two such rows, none is linked),
        but for a media relay the channel's own, better ranked post of the train
        replaces (its links then move to that post: ``relay_links`` re-points them).

    Returns
    -------
    list of (int, int, str)
        Positions in ``shipments``.

    Examples
    --------
    >>> from railtrack.settings import DEFAULT_SETTINGS
    >>> ships = pd.DataFrame({"id": ["a-t1", "b-t1"], "report": ["a", "b"],
    ...     "source_file": [None, None], "source": ["Hajun", "Hajun"],
    ...     "relayed_by": [None, None], "published": ["2023-04-17", "2023-04-17"],
    ...     "origin": [None, None], "origin_station_id": [None, None],
    ...     "origin_region": [None, None], "destination": ["Minsk", "Borisov"],
    ...     "destination_station_id": ["BY-MINSK", "BY-BORISOV"],
    ...     "destination_region": [None, None], "via_station_ids": ["BY-ORSHA", None],
    ...     "departure_earliest": [None, None], "departure_latest": [None, None],
    ...     "arrival_earliest": [None, None], "arrival_latest": [None, None],
    ...     "cars_total": [45, None], "cars_passenger": [3, None],
    ...     "via": ["Orsha", None], "group": [None, None], "credibility": [6, 6],
    ...     "claim": ["sighted", "sighted"],
    ...     "destination_heading": [True, False], "told_before": [False, False]})
    >>> def way(a, b, c): return (a, b, c) == ("BY-ORSHA", "BY-BORISOV", "BY-MINSK")
    >>> onward_links(ships, set(), DEFAULT_SETTINGS, on_the_way=way)
    [(1, 0, 'onward')]
    """
    from railtrack.relays import count_values, counts_agree, seen_days

    heading, before = _flags(shipments, C.DESTINATION_HEADING), _flags(shipments, C.TOLD_BEFORE)
    if not any(heading) and not any(before):
        return []
    table = shipments.reset_index(drop=True)
    rows = [i for i in range(len(table)) if i not in gone]
    seen = seen_days(table, sightings, rows) if sightings is not None else {}
    slack, tolerance = settings.relay_slack_days, settings.relay_cars_tolerance
    widest = settings.relay_max_window_days
    told = {t.row: t for t in _told(table, rows, seen, slack, widest)}
    cars, passengers = count_values(table[C.CARS_TOTAL]), count_values(table[C.CARS_PASSENGER])
    # rows by day: a follow-up is compared with the trains of its days only
    by_day: dict[int, list[int]] = {}
    for r, t in told.items():
        if (
            (heading[r] or not before[r])
            and t.days is not None
            and t.days[1] - t.days[0] <= MAX_SPAN_DAYS
        ):
            for day in range(t.days[0], t.days[1] + 1):
                by_day.setdefault(day, []).append(r)
    out: list[tuple[int, int, str]] = []
    linked: set[int] = set()
    for s, stop in told.items():
        if stop.days is None or stop.destination is None or not (before[s] or not heading[s]):
            continue
        near = {
            k
            for day in range(stop.days[0] - slack, stop.days[1] + slack + 1)
            for k in by_day.get(day, ())
            if k != s and k not in linked and s not in linked and (before[s] or heading[k])
        }
        fits = []
        for k in sorted(near):
            how = _fits(stop, told[k], slack, on_the_way)
            agree = counts_agree(cars[s], cars[k], tolerance) and counts_agree(
                passengers[s], passengers[k], tolerance
            )
            if how is not None and agree:
                fits.append((k, how))
        if len(fits) != 1:
            continue
        k, how = fits[0]
        pair = _kept_and_dropped(table, k, s, widest, keep)
        if pair is None:
            continue
        kept, dropped = pair
        out.append((dropped, kept, how))
        linked.add(dropped)
    logger.debug("onward links: %d", len(out))
    return out


def _kept_and_dropped(
    table: pd.DataFrame, a: int, b: int, widest: int, keep: set[int] | None
) -> tuple[int, int] | None:
    """Return (kept, dropped) of two linked rows, honouring the rows other links keep.

    None when both are kept by other links. A row another link keeps is kept, but a
    media relay gives way to the channel's own better ranked post
    (:func:`_first_hand_over_relay`).
    """
    kept, dropped = _kept_of(table, a, b, widest)
    if keep and dropped in keep:
        if kept in keep:
            return None
        if not _first_hand_over_relay(table, kept, dropped):
            kept, dropped = dropped, kept  # (else the relay's links move to ``kept``)
    return kept, dropped


def _first_hand_over_relay(table: pd.DataFrame, first: int, relay: int) -> bool:
    """Whether ``first`` is a channel's own post and ``relay`` a media relay, neither grouped.

    A relay another link keeps ("Jak podaje Biełaruski Hajun, ... Skład dotarł do
    Borysowa", kept for the channel's arrival post) gives way to the channel's own
    post of the train that ranks better (trial14: its 3 passenger cars were lost).
    """

    def said(row: int, column: str) -> bool:
        value: object = table[column].iat[row] if column in table.columns else None
        if value is None or value is pd.NA or (isinstance(value, float) and value != value):
            return False
        return bool(str(value).strip())

    if said(first, C.GROUP) or said(relay, C.GROUP):
        return False
    return not said(first, C.RELAYED_BY) and said(relay, C.RELAYED_BY)


def _kept_of(table: pd.DataFrame, a: int, b: int, widest: int) -> tuple[int, int]:
    """Return (kept, dropped) of two rows, ranked as :func:`railtrack.relays.relay_links` ranks.

    The ranks of the two rows alone (a group's best credibility is not looked up).
    """
    from railtrack.relays import keep_order

    return keep_order(table, a, b, widest)

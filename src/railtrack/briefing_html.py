"""The HTML briefing: what a reader sees, built from Jinja2 templates with autoescaping.

:func:`briefing_context` turns a :class:`~railtrack.pipeline.TrackResult` into the
plain values the template shows (a one-line headline, the period and the as-of
date, counted facts apart from estimates, tables with human column labels and
empty cells left empty, a glossary); :func:`render_briefing` renders
``templates/briefing.html.j2``. Every value is escaped by Jinja2; the only raw
inserts are Leaflet (vendored), railtrack's own map script and CSS, the map data
as JSON made safe for a ``<script>`` element, and the PNG pictures as data URIs.
"""

from __future__ import annotations

import base64
import itertools
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
import numpy as np
import pandas as pd

from railtrack import __version__
from railtrack import columns as C
from railtrack.accounting import (
    OUTCOME,
    REASON_TEXT,
    REASONS_EXPLAINED,
    ROUTED,
    announced,
    not_counted,
)
from railtrack.dating import BEST_DATE, BEST_FIRST, BEST_LAST, DATE_BASIS, best_dates
from railtrack.estimate import FLAGS
from railtrack.labels import DIRECTIONS, plural
from railtrack.route_files import route_id, route_outline
from railtrack.summary import cars_phrase
from railtrack.webmap import json_for_script, leaflet_assets, map_data

if TYPE_CHECKING:
    from railtrack.models import Shipment
    from railtrack.pipeline import TrackResult

__all__ = ["GLOSSARY", "STATUS_MEANINGS", "briefing_context", "render_briefing"]

STATUS_MEANINGS: dict[str, str] = {
    "undated": "nothing dates the record (no departure, arrival or publication date): "
    "nothing can be said of when it moved",
    "planned": "reported as planned, or its departure date (the day told included) is "
    "still to come",
    "expected": "only announced as expected (no report that it moved), and the arrival "
    "it was expected for has not passed; once it has, overdue",
    "departed": "has left; the model does not expect it at its destination before p10 "
    "(or no arrival window could be estimated)",
    "in transit": "the as-of date lies between p10 and p50: more likely still on its way "
    "than arrived",
    "likely arrived": "sighted at its destination, reported arrived by its source (dated "
    "or not), or past p50 of its window: more likely arrived than not",
    "overdue": "nothing says it arrived and the model still expects it (before p50), "
    "but the source's claimed arrival has passed, or a sighting on the way puts it "
    "past p90 of its first window; or it was only announced or planned (no report "
    "that it moved) and the arrival told for it, or with no arrival told the "
    "departure day told, has passed",
    "stale": "no arrival window could be estimated (or it was only announced), and no "
    "word of it for longer than the longest trip in the area takes (after the arrival "
    "told for it, if any): it most likely arrived or stopped, nothing says which",
}
"""Each status at the as-of date, in plain words."""

GLOSSARY: dict[str, str] = {
    "p10 / p50 / p90": "the model's arrival window: 1 train in 10 on such a route arrives "
    "before p10, half before p50 (the likeliest day) and 9 in 10 before p90",
    "source's claim": "the arrival the report itself gives, shown beside the model's window",
    "counted once": "a total a report gives for several trains is counted once, never once "
    "per train; a train several reports tell (relays by other outlets, a post saved "
    "twice) is counted once, under its most credible report, when the ends, the departure "
    "or arrival day (a day apart at most) and the car counts agree",
    "railhead": "the station where a military train is unloaded: the reported destination",
    "Admiralty grade A-F": "the reliability of a source: A completely reliable, B usually, "
    "C fairly, D not usually, E unreliable, F cannot be judged",
    "credibility 1-6": "how credible one claim is: 1 confirmed by other sources, 2 probably "
    "true, 3 possibly true, 4 doubtful, 5 improbable, 6 cannot be judged",
    "sighted / expected / planned": "what the source claims: the train was seen (left, "
    "passed or arrived), is expected somewhere, or is only planned",
    "~40": 'a count the source gave as an estimate ("about 40", "up to 40")',
}
"""Terms the briefing uses, in plain words."""

EXTRA_FLAGS: dict[str, str] = {
    "arrival_as_reported": "no model window: the status and window come from the arrival "
    "the source reported",
    "sighting_not_routed": "a sighting's station is not on the train's route; the window "
    "keeps to the departure",
    "arrival_denied": "the source says the train had not arrived by its publication day "
    "('never arrived'): overdue once the day it was awaited has passed",
    "destination_heading": "the destination is only the direction the train was seen "
    "heading ('towards Minsk'): stale, not likely arrived there, once its window has passed",
}
"""Flags the status step adds, in plain words (the estimate's are in ``FLAGS``)."""

PICTURES = ("route_map", "timeline", "volumes")
"""The pictures the page shows when given (PNG files by these names' keys)."""

_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def _day_span(first: Any, last: Any) -> str:
    """Return a window of days as '1 Mar 2026 to 10 Mar 2026', one day as '5 Mar 2026'."""
    a, b = _day(first), _day(last)
    return a if not b or a == b else f"{a} to {b}" if a else b


def _day(value: Any) -> str:
    """Return a date as '5 Mar 2023' ('' when missing)."""
    if value is None or value is pd.NA:
        return ""
    stamp = pd.Timestamp(value) if not isinstance(value, pd.Timestamp) else value
    if pd.isna(stamp):
        return ""
    return f"{stamp.day} {_MONTHS[stamp.month - 1]} {stamp.year}"


def _short(value: Any) -> str:
    """Return a date as '5 Mar' ('' when missing)."""
    text = _day(value)
    return text.rsplit(" ", 1)[0] if text else ""


def _text(value: Any) -> str:
    if value is None or value is pd.NA:
        return ""
    if isinstance(value, float) and pd.isna(value):
        return ""
    return str(value).strip()


def _int(value: Any) -> int | None:
    try:
        if value is None or value is pd.NA or pd.isna(value):
            return None
        return int(value)
    except (TypeError, ValueError):
        return None


def _number(value: Any) -> str:
    n = _int(value)
    return "" if n is None else f"{n:,}"


def _list(names: list[str], *, most: int = 3) -> str:
    if not names:
        return ""
    if len(names) <= most:
        return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return ", ".join(names[:most]) + f" and {len(names) - most} more"


def _png(path: Path | None) -> str | None:
    if path is None or not Path(path).is_file():
        return None
    return "data:image/png;base64," + base64.b64encode(Path(path).read_bytes()).decode("ascii")


# --- places ------------------------------------------------------------------------------


def _place(row: Mapping[Any, Any], end: str) -> tuple[str, str]:
    """Return (canonical name, as written when different) for ``origin``/``destination``."""
    written = _text(row.get(end))
    name = _text(row.get(f"{end}_station")) or _text(row.get(f"{end}_region")) or written
    return name, (written if written and written != name else "")


def _node_countries(G: Any) -> dict[Any, Any]:
    """Return each node of ``G`` and its ``country`` attribute (None when it has none).

    Read once per page: :func:`_route_cells` looks up the country of every station
    of a route, and a networkx node-view look-up per station cost about 8 ms a
    route (a national route runs to hundreds of stations; the page lists 1,000
    trains).

    Parameters
    ----------
    G
        A networkx graph whose nodes may carry ``country``.

    Returns
    -------
    dict
        Node -> its ``country`` (None when the node has no such attribute); every
        node of ``G`` is a key.
    """
    return {node: attrs.get("country") for node, attrs in G.nodes(data=True)}


def _route_cells(
    stations: list[str],
    G: Any,
    label: str,
    crossings: str = "",
    countries: Mapping[Any, Any] | None = None,
) -> tuple[str, str]:
    """Return the short route (origin → crossing → destination) and the full one.

    The crossings are named as the estimates name them (``border_crossings``:
    "Osinovka–Krasnoye", "BY–RU border near Krychaw"), never by unnamed track
    nodes; without that column, by the two stations either side of the border.
    ``countries``: :func:`_node_countries` of ``G``, when already read (None: read
    here).
    """
    if len(stations) < 2:
        return "", ""

    def name(node: str) -> str:
        return str(G.nodes[node].get("name") or node) if node in G else node

    short = [name(stations[0])]
    named = [c for c in crossings.split("; ") if c and c not in ("none", "unknown")]
    if named:
        short.extend(named)
    else:
        country = _node_countries(G) if countries is None else countries
        for u, v in itertools.pairwise(stations):
            if u in country and v in country and country[u] != country[v]:
                short.append(f"{name(u)}–{name(v)}")
    short.append(name(stations[-1]))
    return " → ".join(short), label or " → ".join(name(s) for s in stations)


def _outline(full: str, short: str, stations: Any) -> str:
    """Return a train's route as the table writes it out ('' when the short one says it all).

    At most :data:`~railtrack.route_files.MAX_ROUTE_NAMES` places; a longer route is
    outlined, naming its ``route_id`` in ``distinct_routes.csv``.
    """
    if full == short:
        return ""
    ids = _stations(stations)
    return route_outline(full, rid=route_id(ids) if ids else "")


def _stations(value: Any) -> list[str]:
    if value is None or isinstance(value, float):
        return []
    if isinstance(value, str):
        return [s for s in value.split(";") if s]
    return [str(s) for s in value]


# --- tables ------------------------------------------------------------------------------


def _window(p10: Any, p50: Any, p90: Any) -> str:
    if not _day(p50):
        return ""
    return f"{_short(p50)} (p10 {_short(p10)} – p90 {_short(p90)})"


def _claim(lo: Any, hi: Any) -> str:
    a, b = _short(lo), _short(hi)
    if a and b:
        return a if a == b else f"{a} – {b}"
    if a:
        return f"after {a}"
    return f"by {b}" if b else ""


def _flags(value: Any) -> list[str]:
    return [f for f in _text(value).split(";") if f]


_FIELD_WORDS = {
    "origin": "from",
    "destination": "to",
    "via": "via",
    "departure": "departed",
    "expected_arrival": "arrival",
    "arrival_told": "arrived",
    "claim": "claim",
    "n_trains": "trains",
}


def _field_word(field: str) -> str:
    """Return an evidence field as the briefing names it ("cars.flat" -> "flat cars")."""
    if field.startswith("cars."):
        kind = field.removeprefix("cars.")
        return "cars" if kind == "total" else f"{kind} cars"
    return _FIELD_WORDS.get(field, field.replace("_", " "))


def _quotes(shipment: Shipment | None) -> list[dict[str, str]]:
    """Return each sentence a train's facts were read from, with the facts read there.

    One entry per distinct quote, in the order of the text: ``quote`` (the sentence as
    written) and ``facts`` ("cars, flat cars, to"). Empty for a record from a
    structured file, which has no sentences.
    """
    if shipment is None:
        return []
    facts: dict[str, list[str]] = {}
    for ev in sorted(shipment.evidence, key=lambda e: e.start):
        if ev.quote:
            words = facts.setdefault(ev.quote, [])
            word = _field_word(ev.field)
            if word not in words:
                words.append(word)
    return [{"quote": q, "facts": ", ".join(words)} for q, words in facts.items()]


def _cars(
    value: Any,
    estimated: Any,
    derived: Any = False,
    at_least: Any = False,
    at_most: Any = False,
    most: Any = None,
) -> str:
    """Return a car count: "~40" for an estimate, "≥ 7" or "≤ 60" for a bound, "30–35".

    An estimate is "about 40"; a lower bound the sum of a partial breakdown, or a
    count the source gave as one ("at least 40 cars"); an upper bound one the source
    gave as "up to 60 cars" or "almost 50" (never shown as "~60"); a range both
    ("30-35 платформ", ``most`` its high end).

    Examples
    --------
    >>> _cars(30, False, False, True, True, 35), _cars(60, True, False, False, True, 60)
    ('30–35', '≤ 60')
    """
    text = _number(value)
    if text and at_most is True:
        high = _number(most)
        if at_least is True and high and high != text:
            return f"{text}–{high}"
        return f"≤ {high or text}"
    text = f"~{text}" if text and estimated is True else text
    return f"≥ {text}" if text and (derived is True or at_least is True) else text


def _relays_by_train(relays: pd.DataFrame) -> dict[str, list[str]]:
    """Return each kept train's other reports as "reporter, relayed by X, 8 Mar 2023"."""
    out: dict[str, list[str]] = {}
    for r in relays.to_dict("records"):
        said = _text(r.get(C.SOURCE)) or "a source"
        relayed = _text(r.get(C.RELAYED_BY))
        day = _day(r.get(C.PUBLISHED))
        text = said + (f", relayed by {relayed}" if relayed else "") + (f", {day}" if day else "")
        out.setdefault(str(r["train"]), []).append(text)
    return out


MAX_TRAIN_ROWS = 1_000
"""Most trains the briefing's table lists: beyond that, those with the latest dates.

A page of 100,000 train rows (each with its full route) ran to gigabytes; every
train is in ``status.csv``, ``estimates.csv`` and ``routes.csv``.
"""


def shown_trains(dates: pd.DataFrame, limit: int | None = None) -> set[str] | None:
    """Return the ids of the trains the briefing's table lists (None: every train).

    Parameters
    ----------
    dates
        :func:`railtrack.dating.best_dates` of the shipments (``id``, ``best_date``).
    limit
        Most rows (None: :data:`MAX_TRAIN_ROWS`); up to it every train is listed.

    Returns
    -------
    set of str or None
        The ``limit`` trains with the latest best dates (undated ones last, ties in
        input order), or None when there are at most ``limit`` trains.

    Examples
    --------
    >>> dates = pd.DataFrame({"id": ["a", "b", "c"], "best_date": pd.to_datetime(
    ...     ["2023-03-01", None, "2023-03-09"])})
    >>> shown_trains(dates, limit=3) is None, sorted(shown_trains(dates, limit=2))
    (True, ['a', 'c'])
    """
    limit = MAX_TRAIN_ROWS if limit is None else limit
    if len(dates) <= limit:
        return None
    day = pd.to_datetime(dates[BEST_DATE], errors="coerce")
    nanos = day.to_numpy(dtype="datetime64[ns]").astype("int64")
    nanos[day.isna().to_numpy()] = np.iinfo(np.int64).min  # undated: last
    order = np.argsort(-nanos.astype("float64"), kind="stable")[:limit]
    return set(dates[C.ID].astype(str).to_numpy()[order].tolist())


def _only(df: pd.DataFrame, shown: set[str] | None) -> pd.DataFrame:
    """Return the rows of the shown trains (every row when ``shown`` is None)."""
    if shown is None or C.ID not in df.columns:
        return df
    return df[df[C.ID].astype(str).isin(shown).to_numpy()]


def _train_rows(
    result: TrackResult, dates: pd.DataFrame, shown: set[str] | None = None
) -> list[dict[str, Any]]:
    """Return the table's row of each shown train (None: every train), in input order."""
    G = result.network.G
    models = {s.id: s for s in result.reports.shipments if shown is None or s.id in shown}
    told_by = _relays_by_train(result.relays)
    est = {str(r[C.ID]): r for r in _only(result.estimates, shown).to_dict("records")}
    status = {str(r[C.ID]): r for r in _only(result.statuses, shown).to_dict("records")}
    routes = {str(r[C.ID]): r for r in _only(result.routes, shown).to_dict("records")}
    outcome = dict(zip(result.outcomes[C.ID], result.outcomes[OUTCOME], strict=True))
    # the window as told ("1 Mar 2026 to 10 Mar 2026"), never its middle day, which
    # only places the train in a week (review19 #12)
    bounds = (
        (dates[BEST_FIRST], dates[BEST_LAST]) if BEST_FIRST in dates else (dates[BEST_DATE],) * 2
    )
    dated = dict(
        zip(
            dates[C.ID],
            zip(zip(*bounds, strict=True), dates[DATE_BASIS], strict=True),
            strict=True,
        )
    )
    # Each route's cells worked out once: the trains on one route share its station list
    # (one object, kept alive by ``routes``), so it is known by its id.
    cells: dict[tuple[int, str, str], tuple[str, str]] = {}
    countries: dict[Any, Any] | None = None  # each station's country, read once when needed
    rows = []
    for ship in _only(result.shipments, shown).to_dict("records"):
        sid = str(ship[C.ID])
        e, s, r = est.get(sid, {}), status.get(sid, {}), routes.get(sid, {})
        origin, origin_written = _place(ship, C.ORIGIN)
        if origin and ship.get(C.ORIGIN_DIRECTION) is True:
            # only the side it came from: the line, not where it was loaded (trial17 T7)
            origin = f"from the direction of {origin}"
        destination, destination_written = _place(ship, C.DESTINATION)
        stations = r.get(C.STATIONS)
        label, crossings = _text(r.get(C.ROUTE_LABEL)), _text(e.get(C.BORDER_CROSSINGS))
        key = (id(stations), label, crossings)
        found = cells.get(key)
        if found is None:
            if countries is None:
                countries = _node_countries(G)
            short, full = _route_cells(_stations(stations), G, label, crossings, countries)
            found = cells[key] = (short, _outline(full, short, stations))
        short, outline = found
        flags = sorted(set(_flags(e.get(C.FLAGS))) | set(_flags(s.get(C.FLAGS))))
        when, basis = dated.get(sid, (None, None))
        departed = _claim(ship.get(C.DEPARTURE_EARLIEST), ship.get(C.DEPARTURE_LATEST))
        rows.append(
            {
                "id": sid,
                "origin": origin,
                "origin_written": origin_written,
                "destination": destination,
                "destination_written": destination_written,
                "route": short,
                "route_full": outline,
                "length": _number(e.get(C.LENGTH_KM)),
                "routed": outcome.get(sid) == ROUTED,
                "not_routed": "" if outcome.get(sid) == ROUTED else outcome.get(sid, ""),
                "departed": departed,
                "date": _day_span(*(when or (None, None))),
                "date_basis": basis or "",
                "cars": _cars(
                    ship.get(C.CARS_TOTAL),
                    ship.get(C.CARS_ESTIMATED),
                    ship.get(C.CARS_TOTAL_DERIVED),
                    ship.get(C.CARS_AT_LEAST),
                    ship.get(C.CARS_AT_MOST),
                    ship.get(C.CARS_TOTAL_MAX),
                ),
                # a told arrival's window is that arrival, not counted from the report
                "assumed_departure": not departed
                and "no_departure_date" in flags
                and "arrival_as_reported" not in flags,
                "status": _text(s.get(C.STATUS)),
                # The status's window (status.csv): the model's, from a sighting if seen.
                "window": _window(*(s.get(q, e.get(q)) for q in (C.P10, C.P50, C.P90))),
                "claim": _claim(e.get(C.CLAIMED_EARLIEST), e.get(C.CLAIMED_LATEST)),
                "flags": flags,
                "standing": standing(ship),
                "claim_kind": _text(ship.get(C.CLAIM)),
                "credibility": _text(_int(ship.get(C.CREDIBILITY))),
                "quotes": _quotes(models.get(sid)),
                "also_told_by": told_by.get(sid, []),
                "source": _text(ship.get(C.SOURCE)),
                "grade": _text(ship.get(C.RELIABILITY)),
                "published": _day(ship.get(C.PUBLISHED)),
            }
        )
    return rows


def standing(ship: Mapping[Any, Any]) -> str:
    """Return how surely a train is known, as its row says it ('' for a train told as known).

    A train a later report retracts reads "retracted by <reporter> on <day>"; one its
    report tells only as hearsay reads "unconfirmed: <the word>" ("allegedly",
    "нібыта"). Neither is counted in the totals (:func:`railtrack.accounting.not_counted`).

    Parameters
    ----------
    ship : mapping
        One row of the shipments table (``retracted_by``, ``retracted_on``, ``hearsay``).

    Returns
    -------
    str
        The words, or ``""``.

    Examples
    --------
    >>> standing({"retracted_by": "Беларускі Гаюн", "retracted_on": "2023-05-21"})
    'retracted by Беларускі Гаюн on 21 May 2023: not counted'
    >>> standing({"hearsay": "allegedly"})
    'unconfirmed: "allegedly": not counted'
    >>> standing({"hearsay": None})
    ''
    """
    by = _text(ship.get(C.RETRACTED_BY))
    if by:
        day = _day(ship.get(C.RETRACTED_ON))
        return f"retracted by {by}" + (f" on {day}" if day else "") + ": not counted"
    word = _text(ship.get(C.HEARSAY))
    return f'unconfirmed: "{word}": not counted' if word else ""


def _volume_cars(row: Mapping[Any, Any]) -> str:
    """Return a volume row's cars: "40", or "40–90" when some counts were bounds or ranges.

    Examples
    --------
    >>> _volume_cars({"cars_total": 40}), _volume_cars(
    ...     {"cars_total": 40, "cars_at_most": True, "cars_total_max": 90})
    ('40', '40–90')
    >>> _volume_cars({"cars_total": 40, "cars_at_most": True, "cars_total_max": None})
    '≥ 40'
    """
    low, most = _number(row.get(C.CARS_TOTAL)), _number(row.get(C.CARS_TOTAL_MAX))
    flag = row.get(C.CARS_AT_MOST)
    if not (isinstance(flag, bool | np.bool_) and flag):
        return low
    if most and most != low:
        return f"{low or '0'}–{most}"
    return f"≥ {low}" if low else low


def _volume_rows(df: pd.DataFrame, key: str, *, label: Any = None) -> list[dict[str, Any]]:
    rows = []
    for r in df.to_dict("records"):
        name = label(r) if label else _text(r.get(key))
        rows.append(
            {
                "name": name or "not known",
                "trains": _number(r.get(C.TRAINS)),
                # listed but not counted: retracted or told only as hearsay (trial17 T5)
                "not_counted": _not_counted(r),
                "cars": _volume_cars(r),
                "passenger": _number(r.get(C.CARS_PASSENGER)),
                "unallocated": _number(r.get(C.CARS_UNALLOCATED))
                if _int(r.get(C.CARS_UNALLOCATED))
                else "",
                "personnel": _number(r.get(C.PERSONNEL_ESTIMATE)),
                "sources": _reporters(r.get(C.SOURCES)),
                "basis": _text(r.get(C.PERIOD_BASIS)),
                "directions": _text(r.get(DIRECTIONS)),
            }
        )
    return rows


def _not_counted(row: Mapping[Any, Any]) -> str:
    """Return a volume row's trains left out of its counts ("+1 not counted, 30 cars").

    Examples
    --------
    >>> _not_counted({"trains_not_counted": 2, "cars_not_counted": 55})
    '+2 not counted (retracted or unconfirmed), 55 cars'
    >>> _not_counted({"trains_not_counted": 0})
    ''
    """
    n = _int(row.get(C.TRAINS_NOT_COUNTED)) or 0
    if not n:
        return ""
    cars = _int(row.get(C.CARS_NOT_COUNTED)) or 0
    return f"+{n:,} not counted (retracted or unconfirmed)" + (f", {cars:,} cars" if cars else "")


def _reporters(value: Any) -> str:
    """Return the distinct reporters of a summary's ``sources`` cell, grades dropped.

    Examples
    --------
    >>> _reporters("Hajun (C); Hajun; Railway Workers (C)")
    'Hajun, Railway Workers'
    """
    names = {re.sub(r"\s*\([A-F]\)$", "", part.strip()) for part in _text(value).split(";")}
    return ", ".join(sorted(n for n in names if n))


def _week_label(row: dict[str, Any]) -> str:
    start = row.get(C.PERIOD)
    if not _day(start):
        return ""
    return f"week of {_day(start)}"


MAX_LIST_ROWS = 1_000
"""Most rows the briefing's lists of unrouted trains, problems and sources show.

Beyond it the page says how many were left out and which file holds every one
(``problems.csv``; each report's source in ``shipments.csv``).
"""


def _sources(result: TrackResult, most: int) -> tuple[list[dict[str, str]], str]:
    """Return the sources section's rows and its note ('' when every source is listed).

    One row per distinct source (reporter, relaying outlet, link, date, grade). With
    more than ``most`` of them, one row per reporter, outlet and grade instead,
    saying how many sources it stands for and their dates (the first ``most`` of
    those), and the note says so and where each report's own source is.
    """
    cols = [C.SOURCE, C.RELAYED_BY, C.SOURCE_URL, C.PUBLISHED, C.RELIABILITY]
    frames = [f[cols] for f in (result.shipments, result.groups, result.relays) if len(f)]
    if not frames:
        return [], ""
    table = pd.concat(frames, ignore_index=True).drop_duplicates()
    table = table.sort_values([C.SOURCE, C.PUBLISHED], na_position="last")
    if len(table) <= most:
        return [_source_row(r) for r in table.to_dict("records")], ""
    keys = [C.SOURCE, C.RELAYED_BY, C.RELIABILITY]
    spans = (
        table.assign(**{k: table[k].astype(object).fillna("") for k in keys})
        .groupby(keys, sort=True, dropna=False)[C.PUBLISHED]
        .agg(["size", "min", "max"])
        .reset_index()
    )
    rows = []
    for r in spans.head(most).to_dict("records"):
        first, last = _day(r["min"]), _day(r["max"])
        when = first if first == last else f"{first} – {last}"
        row = _source_row(dict(r, **{C.SOURCE_URL: "", C.PUBLISHED: None}))
        row["published"] = f"{r['size']:,} sources" + (f", {when}" if when else "")
        rows.append(row)
    note = (
        f"{len(table):,} sources (reporter, outlet, link, date) in all, listed one line per "
        f"reporter, outlet and grade"
        + (f" ({most:,} of {len(spans):,} shown)" if len(spans) > most else "")
        + "; each report's own source and link is in shipments.csv, groups.csv and "
        "relays.csv (columns source, relayed_by, source_url, published)."
    )
    return rows, note


def _grades_note(grades: Sequence[Any]) -> str:
    """Say, when sources are graded F, that F is what a report without a grade gets.

    A report that gives no ``reliability`` is graded F ("cannot be judged"), so a
    briefing whose every source is F cannot rank them (trial17 T10). railtrack gives
    no grade of its own: ``data/outlets/outlets.csv`` knows outlets' names but states
    no grade with a source, and a grade is never invented. The note says how to give
    one.

    Parameters
    ----------
    grades
        Each listed source's Admiralty grade (``"A"`` ... ``"F"``; missing is F).

    Returns
    -------
    str
        The note, or ``""`` when no source is graded F.

    Examples
    --------
    >>> _grades_note(["B", "A"])
    ''
    >>> _grades_note(["F", None]).split(":")[0]
    'Every source is graded F (reliability cannot be judged)'
    >>> _grades_note(["B", "F"]).split(":")[0]
    '1 of the 2 sources is graded F (reliability cannot be judged)'
    """
    shown = [_text(g) or "F" for g in grades]
    n = sum(g == "F" for g in shown)
    if not n:
        return ""
    if n == len(shown):
        who = "Every source is" if n > 1 else "The source is"
    else:
        who = f"{n:,} of the {len(shown):,} sources {'is' if n == 1 else 'are'}"
    return (
        f"{who} graded F (reliability cannot be judged): the grade of a report that "
        "gives none, so these cannot be ranked. railtrack grades no source itself. Give "
        "each report its source's Admiralty grade (A completely reliable ... E unreliable): "
        "a 'reliability: B' line in a text report's header, a reliability column in a "
        "spreadsheet, or source.reliability in JSON."
    )


def _source_row(r: Mapping[Any, Any]) -> dict[str, str]:
    url = _text(r.get(C.SOURCE_URL))
    return {
        "reporter": _text(r.get(C.SOURCE)),
        "relayed_by": _text(r.get(C.RELAYED_BY)),
        "url": url if url.startswith(("https://", "http://")) else "",
        "published": _day(r.get(C.PUBLISHED)),
        "grade": _text(r.get(C.RELIABILITY)) or "F",
    }


# --- headline ----------------------------------------------------------------------------

_ORIGINS_NAMED = 3
"""At most this many distinct origins are named in the headline; more are given by country
(a reader follows "from Gomel, Mozyr and Smolensk"; trial13 C3)."""

_COUNTRIES = {"BY": "Belarus", "RU": "Russia", "UA": "Ukraine", "PL": "Poland", "KZ": "Kazakhstan"}


def _origins(result: TrackResult, ships: pd.DataFrame) -> tuple[list[str], int]:
    """Return where trains came from (countries, regions) and how many trains that covers.

    ``ships``: the trains told of (rows of ``result.shipments``). The others' origins
    are off the network, unresolved or not given.
    """
    G = result.network.G
    stations, regions = (
        ships[col].tolist() if col in ships.columns else [None] * len(ships)
        for col in (C.ORIGIN_STATION_ID, C.ORIGIN_REGION)
    )
    counts: Counter[str] = Counter()
    named: Counter[str] = Counter()
    for station, region in zip(stations, regions, strict=True):
        if isinstance(station, str) and station in G:
            code = str(G.nodes[station].get("country") or "")
            counts[_COUNTRIES.get(code, code)] += 1
            named[str(G.nodes[station].get("name") or station)] += 1
        elif _text(region):
            counts[_text(region)] += 1
            named[_text(region)] += 1
    counts.pop("", None)
    if len(named) <= _ORIGINS_NAMED:
        # a few origins are named as the reports name them ("from Osipovichi-I", not
        # "from Belarus" for a train inside Belarus; trial12 C3)
        counts = named
    return [name for name, _ in counts.most_common()], sum(counts.values())


def _railheads(ships: pd.DataFrame) -> list[str]:
    """Return every train's destination as the table names it, most trains first."""
    names = [
        ships[col].tolist() if col in ships.columns else [None] * len(ships)
        for col in (C.DESTINATION_STATION, C.DESTINATION_REGION, C.DESTINATION)
    ]
    counts = Counter(
        _text(station) or _text(region) or _text(written)
        for station, region, written in zip(*names, strict=True)
    )
    counts.pop("", None)
    return [name for name, _ in counts.most_common()]


def _unrouted(result: TrackResult, most: int | None = None) -> list[dict[str, Any]]:
    """Return the trains that were not routed: id, reason, origin, destination, detail.

    The first ``most`` in input order (None: every one).
    """
    outcomes = result.outcomes
    missed = outcomes[outcomes[OUTCOME] != ROUTED]
    if most is not None:
        missed = missed.head(most)
    reason = dict(zip(missed[C.ID].astype(str), missed[OUTCOME], strict=True))
    detail = dict(zip(missed[C.ID].astype(str), missed[REASON_TEXT], strict=True))
    out = []
    for ship in _only(result.shipments, set(reason)).to_dict("records"):
        sid = str(ship[C.ID])
        origin, written = _place(ship, C.ORIGIN)
        out.append(
            {
                "id": sid,
                "reason": reason[sid],
                "origin": origin,
                "written": written,
                "destination": _place(ship, C.DESTINATION)[0],
                "detail": _text(detail.get(sid)),
            }
        )
    return out


def _where(result: TrackResult, ships: pd.DataFrame) -> str:
    """Return " from X (n of the N; ...) to Y and Z" for some trains, or ""."""
    n = len(ships)
    (origins, n_known), railheads = _origins(result, ships), _railheads(ships)
    where = f" from {_list(origins, most=_ORIGINS_NAMED)}" if origins else ""
    if origins and n_known < n:
        # never let the known origins stand for all: say how many trains they cover
        where += f" ({n_known:,} of the {n:,}; the others from places off the network"
        where += " or not given)"
    return where + (f" to {_list(railheads)}" if railheads else "")


def _announced_cars(ships: pd.DataFrame) -> tuple[int, bool]:
    """Return the cars the announced trains' reports give, and whether any is a bound."""
    if C.CARS_TOTAL not in ships.columns:
        return 0, False
    cars = pd.to_numeric(ships[C.CARS_TOTAL], errors="coerce")
    bound = (
        bool(ships.loc[cars.notna(), C.CARS_AT_LEAST].fillna(False).astype(bool).any())
        if C.CARS_AT_LEAST in ships.columns
        else False
    )
    return int(cars.fillna(0).sum()), bound


def _headline(result: TrackResult, period: tuple[str, str], as_of: str, undated: int = 0) -> str:
    """Return the briefing's first sentence; ``undated``: trains nothing dates (F123).

    Trains only announced (planned, expected) are not "reported moving": they are
    counted after, apart ("...; 2 more announced (planned or expected) to
    Osipovichi-I, with 70 cars"), and the cars the headline gives the moving trains
    leave theirs out (trial11 T5).
    """
    head = result.headline()
    n = head["shipments"]
    if not n:
        return f"No train reported as of {as_of or 'today'}."
    # retracted and unconfirmed trains are listed but not counted (trial17 T5)
    apart = not_counted(result.shipments).to_numpy(dtype=bool)
    ahead = announced(result.shipments).to_numpy(dtype=bool) & ~apart
    told_ahead = result.shipments[ahead]
    n_ahead = len(told_ahead)
    moving = result.shipments[~ahead & ~apart]
    cars = head["cars_total"] or 0
    ahead_cars, ahead_bound = _announced_cars(told_ahead) if n_ahead else (0, False)
    cars = max(0, cars - ahead_cars)
    figures = dict(head)
    if n_ahead:
        # the moving trains' share: the announced trains' low counts taken off both ends
        # (what is left above stays a true upper bound)
        figures["cars_total"] = cars
        if head.get("cars_total_max") is not None:
            figures["cars_total_max"] = max(0, head["cars_total_max"] - ahead_cars)
    start, end = period
    when = f" between {start} and {end}" if start and end and start != end else ""
    if start and start == end:
        when = f" on {start}"
    known = f"as known on {as_of or 'today'}"
    if len(moving):
        what = plural(len(moving), "train") + (f" with {cars_phrase(figures)}" if cars else "")
        said = f"{what} reported moving{_where(result, moving)}{when}, {known}."
    else:
        said = f"No train reported moving{when}, {known}."
    if n_ahead:
        more = "more " if len(moving) else ""
        with_cars = (
            f", with {'at least ' if ahead_bound else ''}{ahead_cars:,} cars" if ahead_cars else ""
        )
        said += (
            f" {n_ahead:,} {more}{'train was' if n_ahead == 1 else 'trains were'} announced"
            f" (planned or expected, not yet reported moving){_where(result, told_ahead)}"
            f"{with_cars}."
        )
    said += _not_counted_sentence(head, more=bool(len(moving) or n_ahead))
    if undated:
        # a row whose date was refused is counted, but nothing says it was known by then
        one = undated == 1
        said += (
            f" {undated:,} of the {n:,} {'is' if one else 'are'} undated: no report gives"
            f" {'its' if one else 'their'} date, so {'it' if one else 'they'} may not be"
            " in that period."
        )
    return said


def _not_counted_sentence(head: Mapping[str, Any], *, more: bool = True) -> str:
    """Return the headline's words for the trains listed but not counted ('' when none).

    Examples
    --------
    >>> _not_counted_sentence({"n_retracted": 1, "n_unconfirmed": 1, "cars_not_counted": 55})
    ' 2 more trains are listed but not counted: 1 retracted by its source, 1 unconfirmed\
 (told only as hearsay); 55 cars.'
    >>> _not_counted_sentence({"n_retracted": 0, "n_unconfirmed": 0})
    ''
    """
    gone, unsure = int(head.get("n_retracted") or 0), int(head.get("n_unconfirmed") or 0)
    n = gone + unsure
    if not n:
        return ""
    parts = []
    if gone:
        parts.append(f"{gone:,} retracted by {'its source' if gone == 1 else 'their sources'}")
    if unsure:
        parts.append(f"{unsure:,} unconfirmed (told only as hearsay)")
    cars = int(head.get("cars_not_counted") or 0)
    one = n == 1
    return (
        f" {n:,} {'more ' if more else ''}{'train is' if one else 'trains are'} listed but not"
        f" counted: {', '.join(parts)}" + (f"; {cars:,} cars." if cars else ".")
    )


# --- context -----------------------------------------------------------------------------


def _cars_value(head: Mapping[str, Any]) -> str:
    """Return the briefing's cars figure: "412", "≥ 412" or "70–85" (ranges, bounds).

    Examples
    --------
    >>> _cars_value({"cars_total": 70, "cars_at_most": True, "cars_total_max": 85})
    '70–85'
    >>> _cars_value({"cars_total": 30, "cars_total_lower_bound": True})
    '≥ 30'
    """
    low = _number(head["cars_total"]) or "none"
    most = head.get("cars_total_max")
    if head.get("cars_at_most") and most is not None and most != head["cars_total"]:
        return f"{_number(head['cars_total']) or '0'}–{_number(most)}"
    return ("≥ " if head.get("cars_total_lower_bound") else "") + low


def window_note(from_model: int | None, as_reported: int | None) -> str:
    """Return where the briefing's arrival windows came from, as many as there are of each.

    A window is worked out from the routed distance and the transit model only for a
    routed train; a train's report may give its arrival itself, routed or not. The
    note says how many came each way, so that "0 routed" never sits beside "windows
    from the routed distance" (trial11 T19).

    Examples
    --------
    >>> window_note(0, 3)
    '3 as their reports give them (none worked out from a route)'
    >>> window_note(2, 1).split("; ")[1]
    '1 as its report gives it'
    >>> window_note(None, None)
    'from the routed distance and a transit model, or as reports give them'
    """
    if from_model is None or as_reported is None:
        return "from the routed distance and a transit model, or as reports give them"
    parts = []
    if from_model:
        parts.append(
            f"{from_model:,} from the routed distance and a transit model fitted on public trips"
        )
    if as_reported:
        one = as_reported == 1
        parts.append(
            f"{as_reported:,} as {'its report gives it' if one else 'their reports give them'}"
        )
    if not from_model and as_reported:
        parts[-1] += " (none worked out from a route)"
    return "; ".join(parts) or "no train has one"


def _label(n: object, one: str, many: str | None = None) -> str:
    """Return a fact card's label in the number its value asks ("1 railhead", "2 railheads")."""
    return one if n == 1 else (many or one + "s")


def _facts(result: TrackResult) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    head = result.headline()
    n_apart = int(head.get("n_retracted") or 0) + int(head.get("n_unconfirmed") or 0)
    n_ahead = int(head.get("n_announced") or 0)
    reasons = ", ".join(f"{n} {reason}" for reason, n in head["unrouted_reasons"].items())
    counted = [
        {
            "value": _number(head["shipments"]),
            "label": _label(head["shipments"], "train reported", "trains reported"),
            "note": "; ".join(
                part
                for part in (
                    f"{_number(head['shipments'] - n_ahead - n_apart)} reported moving,"
                    f" {_number(n_ahead)} only announced (planned or expected)"
                    if n_ahead
                    else "",
                    f"{_number(n_apart)} not counted in the figures: "
                    f"{_number(head.get('n_retracted') or 0) or 'none'} retracted,"
                    f" {_number(head.get('n_unconfirmed') or 0) or 'none'} unconfirmed"
                    if n_apart
                    else "",
                )
                if part
            ),
        },
        {"value": _number(head["n_routed"]), "label": "routed on the rail network", "note": ""},
        {
            "value": _number(head["n_unrouted"]),
            "label": "not routed",
            "note": reasons or "every train was routed",
        },
        {
            "value": _cars_value(head),
            "label": "cars, counted once",
            "note": f"{_number(head['cars_passenger']) or 'no'} passenger cars"
            + (
                "; at least: some trains' totals are lower bounds (marked ≥ below): a "
                'report gave "at least" a number, or counted only some car types, not, '
                "for example, the flatcars its vehicles ride on"
                if head.get("cars_total_lower_bound")
                else ""
            )
            + (
                "; some counts were ranges or upper bounds (marked ≤ or a–b below): "
                "a range adds its low end, an upper bound alone adds nothing"
                + (
                    f", and the most the counts allow is {_number(head['cars_total_max'])}"
                    if head.get("cars_total_max") is not None
                    else ""
                )
                if head.get("cars_at_most")
                else ""
            ),
        },
        {
            "value": _number(len(head["destinations"])),
            "label": _label(len(head["destinations"]), "railhead"),
            "note": "",
        },
        {
            "value": _number(len(head.get("outlets") or head["sources"])),
            "label": _label(len(head.get("outlets") or head["sources"]), "source"),
            "note": "reporters and relaying outlets",
        },
    ]
    estimates = [
        {
            "value": _number(head["n_estimated"]),
            "label": _label(
                head["n_estimated"], "train with an arrival window", "trains with an arrival window"
            ),
            "note": window_note(
                head.get("n_estimated_from_model"), head.get("n_estimated_as_reported")
            ),
        }
    ]
    if head["personnel_estimate"] is not None:
        estimates.append(
            {
                "value": "about " + _number(head["personnel_estimate"]),
                "label": "personnel (estimate)",
                "note": " ".join(result.notes),
            }
        )
    return counted, estimates


def _period(dates: pd.DataFrame, as_of: pd.Timestamp | None) -> tuple[str, str, str]:
    """Return the first and last train dates (the last no later than ``as_of``) and bases.

    A date after the as-of date is a claimed arrival still to come, not part of the
    period the reports cover.
    """
    known = dates[dates[BEST_DATE].notna()]
    if not len(known):
        return "", "", ""
    basis = period_basis_text(Counter(known[DATE_BASIS]), len(dates) - len(known))
    # the windows as told, not their middle days (review19 #12)
    last = known[BEST_LAST if BEST_LAST in known else BEST_DATE].max()
    if as_of is not None and last > as_of:
        last = as_of.normalize()
    first = known[BEST_FIRST if BEST_FIRST in known else BEST_DATE].min()
    if first > last:  # every date still to come (plans only): no period yet (trial12 C6)
        return "", "", basis
    return _day(first), _day(last), basis


def period_basis_text(bases: Counter[str], undated: int) -> str:
    """Return how the period's trains are dated, adding up to every train shown.

    Examples
    --------
    >>> period_basis_text(Counter({"departure": 11, "sighting": 3, "published": 1}), 1)
    '16 trains: 11 dated by departure, 3 by sighting, 1 by published, 1 undated (not in the period)'
    >>> period_basis_text(Counter({"departure": 1}), 0)
    '1 train: dated by departure'
    """
    ordered = bases.most_common()
    total = sum(bases.values()) + undated
    parts = [f"{n} by {b}" for b, n in ordered]
    if parts:
        first_n, first_b = ordered[0][1], ordered[0][0]
        parts[0] = f"dated by {first_b}" if total == 1 else f"{first_n} dated by {first_b}"
    if undated:
        parts.append(f"{undated} undated (not in the period)")
    return f"{total} train{'' if total == 1 else 's'}: " + ", ".join(parts)


def briefing_context(
    result: TrackResult, pictures: dict[str, Path], *, files: list[str] | None = None
) -> dict[str, Any]:
    """Return the values ``briefing.html.j2`` shows, as plain Python objects.

    Parameters
    ----------
    result
        The main job's result.
    pictures
        Name (``route_map``, ``timeline``, ``volumes``) -> PNG path; missing ones
        are left out of the page.
    files
        Names of the files written beside the briefing, listed at its end.

    Returns
    -------
    dict
        ``headline``, ``period_start``, ``period_end``, ``period_basis``, ``as_of``,
        ``knowledge_note``, ``counted``, ``estimates``, ``trains``, ``unrouted``
        (at most :data:`MAX_LIST_ROWS`; ``n_unrouted`` in all), ``problems`` (likewise,
        ``n_problems``; the network's bad rows first), ``sources`` (with ``sources_note``
        when grouped, and ``grades_note`` when a source is graded F), ``map`` and the
        other sections' values (see the template).
    """
    from railtrack.relays import n_relayed

    dates = best_dates(result.shipments, result.sightings, window=True)
    shown = shown_trains(dates)
    rows = _train_rows(result, dates, shown)
    start, end, basis = _period(dates, result.as_of)
    as_of = _day(result.as_of) if result.as_of is not None else ""
    counted, estimates = _facts(result)
    unrouted = _unrouted(result, MAX_LIST_ROWS)
    n_unrouted = int((result.outcomes[OUTCOME] != ROUTED).sum())
    read_problems = result.input_problems  # the network's bad rows, then the reports'
    problems = [p.to_dict()["text"] for p in read_problems[:MAX_LIST_ROWS]]
    sources, sources_note = _sources(result, MAX_LIST_ROWS)
    grade_note = _grades_note([s["grade"] for s in sources])
    used_flags = sorted({f for r in rows for f in r["flags"]})
    data = map_data(result)
    css, js = leaflet_assets()
    summaries = result.summaries
    volume_note = _volume_note(summaries.get("by_week"))
    return {
        "title": "Rail shipments briefing",
        "css": _asset("briefing.css"),
        "headline": _headline(result, (start, end), as_of, int(dates[BEST_DATE].isna().sum())),
        "period_start": start,
        "period_end": end,
        "period_basis": basis,
        "as_of": as_of,
        "knowledge_note": result.knowledge.note() if result.knowledge is not None else "",
        "written": f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
        "version": __version__,
        "counted": counted,
        "estimates": estimates,
        "trains": rows,
        "n_trains": len(result.shipments),
        "unrouted": unrouted,
        "n_unrouted": n_unrouted,
        "n_relays": n_relayed(result.relays),
        "reasons_explained": REASONS_EXPLAINED,
        "map": {
            "data": json_for_script(data),
            "leaflet_css": css,
            "leaflet_js": js,
            "script": _asset("map.js"),
            "n_corridors": len(data["corridors"]),
            "n_routes": data["n_corridors"],
        },
        "pictures": {
            name: _png(pictures.get(name)) for name in dict.fromkeys([*PICTURES, *pictures])
        },
        "by_railhead": _volume_rows(summaries.get("by_railhead", pd.DataFrame()), C.DESTINATION),
        "by_week": _volume_rows(
            summaries.get("by_week", pd.DataFrame()), C.PERIOD, label=_week_label
        ),
        "by_crossing": _volume_rows(
            summaries.get("by_border_crossing", pd.DataFrame()), C.BORDER_CROSSING
        ),
        "volume_note": volume_note,
        "problems": problems,
        "n_problems": len(read_problems),
        "sources": sources,
        "sources_note": sources_note,
        "grades_note": grade_note,
        "flags": [
            (f, FLAGS.get(f) or EXTRA_FLAGS.get(f) or f.replace("_", " ")) for f in used_flags
        ],
        "statuses": STATUS_MEANINGS,
        "glossary": GLOSSARY,
        "files": files or [],
    }


def _volume_note(by_week: pd.DataFrame | None) -> str:
    if by_week is None or not len(by_week) or C.PERIOD not in by_week.columns:
        return ""
    undated = by_week[by_week[C.PERIOD].isna()]

    def total(col: str) -> int:
        if col not in undated.columns:
            return 0
        return int(pd.to_numeric(undated[col], errors="coerce").fillna(0).sum())

    trains, grouped = total(C.TRAINS), total(C.CARS_UNALLOCATED)
    own = total(C.CARS_TOTAL) - grouped
    parts = []
    if trains:  # the trains themselves, with only their own cars
        parts.append(
            f"{plural(trains, 'train')} that no report dates (no departure, sighting, "
            f"arrival or publication date), with {plural(own, 'car')} of their own"
        )
    if grouped:  # a group's total is one figure for all its trains, dated or not
        groups = "; ".join(
            t for t in undated.get("unallocated", pd.Series(dtype=object)).dropna().astype(str)
        )
        parts.append(
            f"{plural(grouped, 'car')} given only as a total for a group of trains that "
            f"are not all dated alike ({groups})"
        )
    return f"Left out of the chart: {' and '.join(parts)}." if parts else ""


@lru_cache(maxsize=4)
def _asset(name: str) -> str:
    return (resources.files("railtrack") / "templates" / name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("railtrack", "templates"),
        autoescape=jinja2.select_autoescape(["html", "j2"], default=True),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_briefing(
    result: TrackResult, pictures: dict[str, Path], *, files: list[str] | None = None
) -> str:
    """Return the briefing page as HTML text (see :func:`briefing_context`)."""
    template = _environment().get_template("briefing.html.j2")
    return template.render(**briefing_context(result, pictures, files=files))

"""Relays: one train told by several reports is counted once.

Hajun's and the railway workers' posts are relayed by dozens of outlets, each in its
own words and language (DOMAIN.md: "many outlets echoing one origin are one
source"). Loaded side by side, the relays of one post are one train each, and every
total counts that train once per outlet. :func:`link_relays` finds the shipments of
*different* reports that tell one movement and keeps one of them.

Two shipments tell the same movement when, by the rules below, nothing they say
tells them apart:

- **the same ends**: the same origin and the same destination after resolving
  (station ids; a region or an unresolved name compares as itself), and at least one
  end resolved to a station, so that two trains "from Belarus to Ukraine" are never
  one by default; to one station, an origin one leaves untold fits as the same
  origin would (a missing origin is no disagreement), and one told as a region the
  other's station lies in ("з Расіі", "ze Smoleńska") fits when their days agree
  with no slack (:func:`_origins_fit`; never a plan beside a moving train);
- **the same movement dates**: their departure windows overlap, or their arrival
  windows do, within ``slack_days`` (relays date the same event a day apart when
  they resolve "yesterday" against different publication days); a departure window
  of one and an arrival window of the other agree when the arrival comes no earlier
  than the departure and at most ``max_transit_days`` after it. A window wider than
  ``max_window_days`` ("in March") links nothing, and two departure (or two arrival)
  windows that do *not* overlap tell the trains apart whatever else agrees;
- **compatible make-up**: car totals (and passenger-car counts), where both give
  them, differ by at most ``cars_tolerance`` of the larger (at least one car); a
  total given as a lower bound ("at least 30 cars", ``cars_at_least``, or summed from
  the only kinds a report counted, ``cars_total_derived``) agrees with
  any count that is no smaller (within the same tolerance), and two lower bounds
  always agree;
- **the closest**: of several kept trains a shipment may retell, the one on the same
  days, then with the nearest count, then from the same origin (:func:`_best_match`),
  so a relay's two trains each take their own; an untold origin fitting two trains
  of other origins equally links neither;
- **different reports**: two shipments of one report, or two rows of one file without
  report ids (a spreadsheet) that name the same source, are never linked: a report
  that lists two trains means two trains. Rows of one table that name different
  sources (a log with one row per outlet that told of a train: Hajun, then Zerkalo,
  then Kyiv Independent) are reports of their own and link as two files' rows would.

**One channel's posts that follow a train up** (first seen, then arrived, then a
forwarded retelling without a date) are linked by a looser rule within that Telegram
channel only (``follow-up``, see :func:`_follow_ups`): one of the two leaves an end or its dates
untold, a post's undated train is dated by the post's day and the day before, and
both must give car totals that agree.

**A plan and the train it announced** ("в период с 15 по 17 марта в Осиповичи из
России прибудут еще 2 эшелона", then "в Осиповичи прибыл эшелон из Брянска"; "The
second one is expected tomorrow", then its arrival) are one train (``plan``, see
:func:`_plan_links`): a ``planned`` or ``expected`` train is linked to a train told
as moving, published no earlier, of another report, that goes to the same station,
whose date lies inside the plan's window (an arrival in its arrival window, a
departure in its departure window, or an arrival at most ``max_transit_days`` after
its departure), whose car counts agree, and whose origin fits the plan's: the same
station, or, for a plan from a region ("из России"), a station or the region itself
that lies in it; either left untold fits any. One moving train takes at most one
train of each plan report (a plan of two trains is two trains), and the train told
as moving is kept. A plan whose every train arrived goes with its group.

**Three rules of "told before", side by side** (not to be mixed up): ``follow-up``
(above, :func:`_follow_ups`) links one channel's later post to its earlier one by ends,
days and counts; ``told-before`` (:mod:`railtrack.onward`) links a report whose text
says it speaks of a train already told ("о котором мы писали", ``Shipment.told_before``
from :mod:`railtrack.extract.toldbefore`), and ``onward`` one that stops on the way of a
train told as a direction; ``later_train`` ("ещё один эшелон", a further train) keeps a report from
being linked as a retelling at all (:func:`_told_as_later`).

A train told only as **seen on its way** ("seen at Orsha heading to Smolensk", no
origin; a sighting dates it) is linked to another report's train by where and when
it was seen instead of by its ends (:func:`relay_links` with ``sightings``): the same
destination, a sighting at the other train's origin on a day of its departure window
(within ``slack_days``), or at a station its report says it passed (``via``) no earlier
than its departure and at most ``max_transit_days`` after it, or, two trains both
told only as seen, at the same station on days ``slack_days`` apart; the car counts
agree as above. Such a pair is matched on ``sighting-origin``, ``sighting-via`` or
``sighting``, and the train with an origin is kept.

Each set of linked shipments keeps its best record: a shipment that belongs to a
group first (a group's total must keep its members), then the best credibility
(Admiralty 1 before 6), then the one that says most (dates, cars, via points), then
the earliest published, then the id. The others are dropped from the shipments and
listed in the relays table with the train they were linked to; a sighting of a
dropped shipment is moved to the kept one (:func:`without_relays`). A kept train
whose total is a lower bound takes the count of a linked report that says more
("at least 30" and "42": 42 cars, exact; :func:`merged_counts`); a kept train
linked to a post that corrects its count takes the corrected count. A shipment that
belongs to a group is never dropped, so no group total loses a member it counts.

The rule is deliberately narrow: an ambiguous pair stays two trains (and both are
counted) rather than two trains becoming one; the briefing says how many reports
were linked. The store (:mod:`railtrack.store`) links relays as it ingests, by the
same rule (:func:`same_train` on two shipment records, which this module's table
path applies too); this step links them in one run without a store.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Collection, Hashable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from railtrack import columns as C
from railtrack._kept_days import KeptDays
from railtrack._told_index import ToldIndex
from railtrack.extract.corrections import corrected_totals, corrects_earlier
from railtrack.io import ReportSet
from railtrack.io.reportset import Problem
from railtrack.models import UNKNOWN_CREDIBILITY, Shipment
from railtrack.onward import OnTheWay, onward_links
from railtrack.outlets import outlet_key
from railtrack.recounts import correction_links, unmatched_correction_problems
from railtrack.relay_facts import (
    Disagreement,
    fact_disagreements,
    linked_fills,
    with_fills,
    with_linked_facts,
)
from railtrack.settings import DEFAULT_SETTINGS, Settings

if TYPE_CHECKING:
    from railtrack.models import DateWindow, Place
    from railtrack.network import RailNetwork

logger = logging.getLogger(__name__)

__all__ = [
    "LINK_COLUMNS",
    "RELAY_COLUMNS",
    "claim_rank",
    "count_values",
    "counts_agree",
    "day_ordinals",
    "day_windows",
    "disagreement_problems",
    "drop_relays",
    "end_keys",
    "ends_key",
    "keep_order",
    "keep_rank",
    "lookup_span",
    "merged_counts",
    "movement_span",
    "n_relayed",
    "placed_sightings",
    "relay_links",
    "report_keys",
    "retold_group",
    "retold_groups",
    "same_train",
    "seen_days",
    "station_namer",
    "text_values",
    "with_merged_counts",
    "with_told_counts",
    "without_relays",
]

RELAY_COLUMNS: tuple[str, ...] = (
    C.ID,
    "train",
    C.REPORT,
    C.SOURCE,
    C.RELAYED_BY,
    C.SOURCE_URL,
    C.RELIABILITY,
    C.PUBLISHED,
    C.SOURCE_FILE,
    "matched_on",
)
"""Columns of the relays table: the dropped shipment (``id`` and who said it), the
``train`` (the kept shipment's id) it was linked to, and how (``departure``,
``arrival`` or ``departure-arrival``: which dates agreed; ``sighting-origin``,
``sighting-via``, ``sighting``: by a sighting; ``station``: a train told only at a
station (a log row) by the train told there; ``follow-up``: a channel's later post;
``onward``: a stop on the way of a train told by its direction, ``told-before``: a
report of a train already told (:mod:`railtrack.onward`); ``plan``: the train a plan
announced, told as moving; ``correction``: a report correcting the train's count
(:mod:`railtrack.recounts`))."""

_ENDS = ("origin", "destination")

LINK_COLUMNS: tuple[str, ...] = (
    *(c for c in RELAY_COLUMNS if c not in ("train", "matched_on")),  # who said it
    *(f"{end}{suffix}" for end in _ENDS for suffix in ("", "_station_id", "_region")),
    C.GROUP,
    C.CREDIBILITY,
    C.CLAIM,
    C.VIA,
    *C.CAR_COLUMNS,  # the total and each kind: a correction reads the one it corrects
    C.CARS_AT_LEAST,
    "departure_earliest",
    "departure_latest",
    "arrival_earliest",
    "arrival_latest",
    C.VIA_STATION_IDS,
    C.LATER_TRAIN,
    C.DESTINATION_HEADING,
    C.TOLD_BEFORE,
    C.CORRECTS_ONLY,
    C.ORIGIN_DIRECTION,
    C.ARRIVAL_TOLD,
    C.NOTE,
    C.HEARSAY,  # a first-hand report is kept before hearsay of the train (mend1 #2)
)
"""The shipment columns :func:`relay_links` reads (a distributed engine gathers only these)."""

Window = tuple[int, int]


@dataclass(frozen=True)
class _Candidate:
    """What one shipment says that matters for linking, as plain values."""

    row: int
    report_key: tuple[str, ...]
    grouped: bool
    departure: Window | None
    arrival: Window | None
    cars: int | None
    passenger: int | None
    rank: tuple[int, int, int, float, int, int, int, int, str]
    cars_at_least: bool = False
    group: tuple[str, ...] | None = None
    group_rank: tuple[int, float, int, str, int, str] = (0, 0.0, 0, "", 0, "")
    origin: str = "?"  # "id:...", "region:...", "text:..." or "?" (untold)
    later: bool = False  # told as one after another ("the second train", "kolejny")
    teller: str = ""  # who told it: the source and the outlet relaying it
    published: int = 0  # the report's publication day (ordinal; also in ``rank``)


def text_values(column: pd.Series) -> pd.Series:
    """Return a column's values as objects, None where missing (NaN, NA, NaT).

    The shipments table's text columns hold NaN or ``pd.NA`` for an untold value; the
    linking rules (here, :mod:`railtrack.onward`, :mod:`railtrack.recounts`) compare
    plain values, so each reads a column through this.

    Parameters
    ----------
    column
        A column of the shipments or sightings table.

    Returns
    -------
    pandas.Series
        Of dtype object, the same index, None for each missing value.

    Examples
    --------
    >>> text_values(pd.Series(["BY-ORSHA", None, float("nan")])).tolist()
    ['BY-ORSHA', None, None]
    """
    values = column.astype(object)
    return values.where(values.notna(), None)


def _letters(text: object) -> str:
    return "".join(filter(str.isalnum, str(text).casefold()))


def _corridor_keys(shipments: pd.DataFrame) -> pd.Series:
    """Return the key of the corridor each shipment is linked in; None when too vague.

    A shipment to a station is compared with every shipment to that station (their
    origins must fit, :func:`_origins_fit`: "з Расіі" and an untold origin, "z Rosji"
    and "ze Smoleńska" may be one train's); one whose destination is no station, with
    those of the same ends (:func:`_ends_keys`).
    """
    keys = _ends_keys(shipments)
    sid = text_values(shipments["destination_station_id"])
    return ("to:" + sid).where(sid.notna() & keys.notna(), keys)


def _ends_keys(shipments: pd.DataFrame) -> pd.Series:
    """Return each shipment's ends key; None when too vague to link (no station end)."""
    keys = []
    station = pd.Series(False, index=shipments.index)
    for end in _ENDS:
        sid, region = (
            text_values(shipments[f"{end}_station_id"]),
            text_values(shipments[f"{end}_region"]),
        )
        key = ("id:" + sid).where(sid.notna(), ("region:" + region).where(region.notna()))
        bare = key.isna()  # neither a station nor a region: the name as written
        said = text_values(shipments.loc[bare, end]).map(_letters, na_action="ignore")
        key[bare] = ("text:" + said).where(said.notna())
        keys.append(key.fillna("?"))
        station = station | sid.notna()
    joined = keys[0] + ">" + keys[1]
    return joined.where(station, None)


_EPOCH_ORDINAL = 719_163  # date(1970, 1, 1).toordinal()


def day_ordinals(column: pd.Series) -> list[int | None]:
    """Return a column of dates as day ordinals (:meth:`datetime.date.toordinal`).

    The linking rules compare days as integers: a window is a pair of ordinals.

    Parameters
    ----------
    column
        Dates (``date`` objects as the shipments table holds them, timestamps, or ISO
        8601 text, date-only and timed rows mixed: each row is read on its own, not
        in the format pandas would infer from the first); a time of day is dropped.

    Returns
    -------
    list of int or None
        One per row; None where missing or not a date.

    Examples
    --------
    >>> from datetime import date, datetime
    >>> day_ordinals(pd.Series([date(2023, 3, 8), None, datetime(2023, 3, 9, 6, 40)]))
    [738587, None, 738588]
    >>> date.fromordinal(738587)
    datetime.date(2023, 3, 8)
    """
    parsed = pd.to_datetime(column, errors="coerce", format="ISO8601")  # each row its own
    days = parsed.to_numpy(dtype="datetime64[D]")
    out = days.astype("int64") + _EPOCH_ORDINAL
    return [None if missing else int(v) for v, missing in zip(out, pd.isna(days), strict=True)]


def day_windows(lo: pd.Series, hi: pd.Series, widest: int) -> list[Window | None]:
    """Return the closed date windows of two columns as pairs of day ordinals.

    Parameters
    ----------
    lo, hi
        The windows' first and last days (e.g. ``departure_earliest`` and
        ``departure_latest``), row for row.
    widest
        The widest window kept, in days (``Settings.relay_max_window_days``): a wider
        one ("in early March") would link every train of its corridor.

    Returns
    -------
    list of (int, int) or None
        One per row: (first, last) as :func:`day_ordinals`; None when either end is
        missing, the window is reversed, or it spans more than ``widest`` days.

    Examples
    --------
    >>> lo = pd.Series(["2023-03-08", "2023-03-01", None])
    >>> hi = pd.Series(["2023-03-09", "2023-03-10", "2023-03-09"])
    >>> day_windows(lo, hi, widest=3)
    [(738587, 738588), None, None]
    """
    return [
        (a, b) if a is not None and b is not None and 0 <= b - a <= widest else None
        for a, b in zip(day_ordinals(lo), day_ordinals(hi), strict=True)
    ]


def count_values(column: pd.Series) -> list[int | None]:
    """Return a column of car counts as whole numbers, None where missing.

    Parameters
    ----------
    column
        A count column (``cars_total``, ``cars_passenger``), numbers or text.

    Returns
    -------
    list of int or None
        One per row; None where missing or not a number (a fraction is cut).

    Examples
    --------
    >>> count_values(pd.Series([40, None, "45"]))
    [40, None, 45]
    """
    values = pd.to_numeric(column, errors="coerce").astype("float64")
    return [None if v != v else int(v) for v in values.tolist()]


def _report_key(
    report: object, file: object, reporter: object, relayed_by: object, record_id: str
) -> tuple[str, ...]:
    """Return what makes a shipment part of one report (never linked to each other).

    A report id is the report; the rows of one table without report ids are one
    report per source they name (who reported it, who relayed it), so a log with a
    row per outlet links its outlets' rows of one train; else the record is its own.

    >>> _report_key(None, "log.csv", "Hajun", None, "row2")
    ('file', 'log.csv', 'hajun', '')
    >>> _report_key("r1", "log.csv", "Hajun", None, "row2")
    ('report', 'r1')
    """
    if report is not None:
        return ("report", str(report))
    if file is not None:
        return ("file", str(file), _letters(reporter or ""), _letters(relayed_by or ""))
    return ("record", record_id)


def report_keys(table: pd.DataFrame) -> list[tuple[str, ...]]:
    """Return what makes each row part of one report: rows with one key are never linked.

    A report id is the report; the rows of one table without report ids are one
    report per source they name (who reported it, who relayed it); else the record
    is its own report.

    Parameters
    ----------
    table
        The shipments table (``report``, ``source_file``, ``id``; ``source`` and
        ``relayed_by`` when present).

    Returns
    -------
    list of tuple of str
        One key per row: ``("report", id)``, ``("file", path, reporter, relayed by)``
        (letters only, case folded) or ``("record", id)``.

    Examples
    --------
    >>> table = pd.DataFrame({"id": ["a-t1", "row2", "row3"], "report": ["a", None, None],
    ...                       "source_file": [None, "log.csv", None],
    ...                       "source": ["Hajun", "Hajun", None], "relayed_by": [None] * 3})
    >>> report_keys(table)
    [('report', 'a'), ('file', 'log.csv', 'hajun', ''), ('record', 'row3')]
    """
    missing = pd.Series([None] * len(table), index=table.index, dtype=object)
    return [
        _report_key(report, file, reporter, relayed_by, record_id)
        for report, file, reporter, relayed_by, record_id in zip(
            text_values(table[C.REPORT]),
            text_values(table[C.SOURCE_FILE]),
            text_values(table[C.SOURCE]) if C.SOURCE in table.columns else missing,
            text_values(table[C.RELAYED_BY]) if C.RELAYED_BY in table.columns else missing,
            table[C.ID].astype(str),
            strict=True,
        )
    ]


def _candidates(
    table: pd.DataFrame,
    rows: list[int],
    widest: int,
    group_credibility: dict[tuple[str, ...], float] | None = None,
) -> list[_Candidate]:
    """Return one candidate per row of ``table`` (``rows``: their places in the input).

    ``group_credibility``: each group's best credibility, which its members rank by.
    """
    departures = day_windows(table["departure_earliest"], table["departure_latest"], widest)
    arrivals = _told_arrivals(
        table, day_windows(table["arrival_earliest"], table["arrival_latest"], widest)
    )
    cars, passengers = count_values(table["cars_total"]), count_values(table["cars_passenger"])
    bounds = _bounds(table)
    vias = [0 if v is None else str(v).count(";") + 1 for v in text_values(table[C.VIA])]
    grouped = table[C.GROUP].notna().tolist()
    grades = pd.to_numeric(table[C.CREDIBILITY], errors="coerce")
    credibility = grades.fillna(UNKNOWN_CREDIBILITY).tolist()
    claims = (
        [claim_rank(c) for c in table[C.CLAIM].tolist()]
        if C.CLAIM in table.columns
        else [0] * len(table)
    )
    published = [10**7 if d is None else d for d in day_ordinals(table[C.PUBLISHED])]
    by_report, ids = report_keys(table), table[C.ID].astype(str).tolist()
    groups = _group_keys(table)
    # an origin that is only the side the train came from is no origin here: a report
    # naming where it was loaded, on that line, tells the same train (trial17 T7)
    sides = (
        table[C.ORIGIN_DIRECTION].astype("boolean").fillna(False).tolist()
        if C.ORIGIN_DIRECTION in table.columns
        else [False] * len(table)
    )
    origin_keys = end_keys(table, "origin")
    origins = ["?" if side else (o or "?") for o, side in zip(origin_keys, sides, strict=True)]
    later = (
        table[C.LATER_TRAIN].astype("boolean").fillna(False).tolist()
        if C.LATER_TRAIN in table.columns
        else [False] * len(table)
    )
    # a report that only corrects an earlier one's count is never the train kept: the
    # post it corrects is, and takes the corrected count (trial18 T1)
    fixing = (
        [corrects_earlier(v) for v in table[C.CORRECTS_ONLY].tolist()]
        if C.CORRECTS_ONLY in table.columns
        else [False] * len(table)
    )
    relayed_by = text_values(table[C.RELAYED_BY]).tolist()
    hearsay = (
        [h is not None for h in text_values(table[C.HEARSAY])]
        if C.HEARSAY in table.columns
        else [False] * len(table)
    )
    tellers = [
        f"{s or ''}\x1f{r or ''}"
        for s, r in zip(text_values(table[C.SOURCE]), relayed_by, strict=True)
    ]
    # the ends a report names, a side or a heading too: the first-hand post that names
    # where its train came from tells more than a digest line of it (trial18b T7)
    dest_keys = (
        end_keys(table, "destination") if C.DESTINATION in table.columns else [None] * len(table)
    )
    named = [(o is not None) + (d is not None) for o, d in zip(origin_keys, dest_keys, strict=True)]
    out = []
    for i, (dep, arr, n, p) in enumerate(zip(departures, arrivals, cars, passengers, strict=True)):
        says = sum(x is not None for x in (dep, arr, n, p)) + vias[i] + named[i]
        group = groups[i]
        cred = float(credibility[i])
        if group is not None and group_credibility is not None:
            cred = group_credibility.get(group, cred)
        out.append(
            _Candidate(
                row=rows[i],
                report_key=by_report[i],
                grouped=bool(grouped[i]),
                departure=dep,
                arrival=arr,
                cars=n,
                passenger=p,
                rank=(
                    1 if fixing[i] else 0,
                    0 if grouped[i] else 1,
                    1 if hearsay[i] else 0,  # a first-hand report before hearsay (mend1 #2)
                    float(credibility[i]),
                    claims[i],
                    -says,
                    # of two that tell as much, the first-hand post before a relay of it
                    # (trial17 T6)
                    1 if relayed_by[i] else 0,
                    published[i],
                    ids[i],
                ),
                cars_at_least=bounds[i],
                group=group,
                group_rank=(
                    1 if fixing[i] else 0,
                    cred,
                    published[i],
                    "\x1f".join(group or ()),
                    -says,
                    ids[i],
                ),
                origin=origins[i],
                later=bool(later[i]),
                published=published[i],
                teller=tellers[i],
            )
        )
    return out


def keep_order(table: pd.DataFrame, a: int, b: int, widest: int) -> tuple[int, int]:
    """Return (kept, dropped) of two rows that tell one train, as :func:`relay_links` ranks.

    The rows are ranked alone: a group's best credibility is not looked up.

    Parameters
    ----------
    table
        The shipments table; ``a`` and ``b`` are positions (``iloc``) in it.
    a, b
        The two rows.
    widest
        The widest date window compared, in days (``Settings.relay_max_window_days``).

    Returns
    -------
    tuple of int
        ``(a, b)`` or ``(b, a)``: the row kept first.

    Examples
    --------
    >>> table = pd.DataFrame({
    ...     "id": ["a-t1", "b-t1"], "report": ["a", "b"], "source_file": [None, None],
    ...     "source": ["Hajun", "Hajun"], "relayed_by": [None, None],
    ...     "published": ["2023-03-09", "2023-03-09"],
    ...     "origin": ["Orsha", "Orsha"], "origin_station_id": ["BY-ORSHA"] * 2,
    ...     "origin_region": [None, None],
    ...     "departure_earliest": ["2023-03-08", None], "departure_latest": ["2023-03-08", None],
    ...     "arrival_earliest": [None, None], "arrival_latest": [None, None],
    ...     "arrival_told": [False, False],
    ...     "cars_total": [None, 40], "cars_passenger": [None, None], "via": [None, None],
    ...     "group": [None, None], "credibility": [6, 2], "claim": ["sighted", "sighted"]})
    >>> keep_order(table, 0, 1, widest=3)
    (1, 0)
    """
    first, second = _candidates(table.iloc[[a, b]], [a, b], widest)
    return (a, b) if first.rank <= second.rank else (b, a)


def _told_arrivals(table: pd.DataFrame, arrivals: list[Window | None]) -> list[Window | None]:
    """Return the arrival windows, an undated told arrival dated by its publication day.

    "Яшчэ адзін эшалон, 35 вагонаў, прыбыў у Лунінец увечары" (published 19 April, no
    date: ``arrival_told``) arrived by that day: it is compared with another report's
    arrival on the publication day (``relay_slack_days`` apart at most), so a next-day
    recap of the channel's posts links to it (trial14 T1).
    """
    if C.ARRIVAL_TOLD not in table.columns or C.PUBLISHED not in table.columns:
        return arrivals
    told = table[C.ARRIVAL_TOLD].astype("boolean").fillna(False).tolist()
    if not any(t and a is None for t, a in zip(told, arrivals, strict=True)):
        return arrivals
    published = day_ordinals(table[C.PUBLISHED])
    return [
        (p, p) if a is None and t is True and p is not None else a
        for a, t, p in zip(arrivals, told, published, strict=True)
    ]


def claim_rank(claim: object) -> int:
    """Rank a claim for keeping: a train seen or told gone (0) before a plan or forecast (1).

    Of two reports of one train, the one that says it left (``sighted``) is kept
    over the one that announced it (``planned``, ``expected``), in ``track`` with or
    without a store: the plan was published first, but the departure is the fact.

    Parameters
    ----------
    claim : object
        A shipment's ``claim`` (``"sighted"``, ``"planned"``, ``"expected"`` or None).

    Returns
    -------
    int
        1 for a plan or forecast, 0 otherwise.

    Examples
    --------
    >>> [claim_rank(c) for c in ("sighted", "planned", "expected", None)]
    [0, 1, 1, 0]
    """
    return 1 if claim in ("planned", "expected") else 0


def keep_rank(shipment: Shipment) -> tuple[int, int, float, int, int, int]:
    """Return the order in which reports of one train are kept (lowest first).

    A report that only corrects an earlier one's count
    (:attr:`~railtrack.models.Shipment.corrects_only`) last: the post it corrects is
    the train (trial18 T1). A first-hand report before one telling the train only as
    hearsay ("якобы", "allegedly"), then the best credibility, then a sighted train before a plan
    (:func:`claim_rank`),
    then the report that tells more (departure, arrival, car and passenger-car
    counts, stations passed, the ends it names: Hajun's post "со стороны Гомеля" before
    the digest line of its train, trial18b T7): the rule :func:`relay_links` keeps a
    train's report by, used by :meth:`railtrack.store.Store.reports` too.

    Parameters
    ----------
    shipment : railtrack.models.Shipment
        One report's record of the train.

    Returns
    -------
    tuple
        ``(corrects only, hearsay, credibility, claim_rank, -facts told, relayed)``; the
        lowest is kept: of
        two that tell as much, the first-hand report before a relay of it
        (``relayed_by`` empty: the channel's own post, not the site relaying it;
        trial17 T6).

    Examples
    --------
    >>> from railtrack.models import CarCounts, Place, Source
    >>> plan = Shipment(id="a", claim="planned", source=Source(reporter="Hajun"))
    >>> gone = Shipment(id="b", cars=CarCounts(total=33), source=Source(reporter="Hajun"))
    >>> keep_rank(gone) < keep_rank(plan)
    True
    >>> alleged = gone.model_copy(update={"hearsay": "allegedly", "via": [Place(text="Minsk")]})
    >>> keep_rank(gone) < keep_rank(alleged)
    True
    >>> fix = Shipment(id="c", cars=CarCounts(total=49), corrects_only=True,
    ...                source=Source(reporter="Hajun"))
    >>> keep_rank(plan) < keep_rank(fix)
    True
    """
    says = sum(
        x is not None
        for x in (
            shipment.departure,
            shipment.expected_arrival,
            shipment.cars.total,
            shipment.cars.passenger,
            shipment.origin,
            shipment.destination,
        )
    ) + len(shipment.via)
    relayed = 1 if shipment.source.relayed_by else 0
    hearsay = 1 if shipment.hearsay is not None else 0
    fixing = 1 if shipment.corrects_only else 0
    return (fixing, hearsay, shipment.credibility, claim_rank(shipment.claim), -says, relayed)


def _group_credibility(table: pd.DataFrame) -> dict[tuple[str, ...], float]:
    """Return each group's best credibility (lowest grade) among its trains."""
    grades = pd.to_numeric(table[C.CREDIBILITY], errors="coerce")
    credibility = grades.fillna(UNKNOWN_CREDIBILITY).tolist()
    best: dict[tuple[str, ...], float] = {}
    for group, cred in zip(_group_keys(table), credibility, strict=True):
        if group is not None:
            best[group] = min(best.get(group, 6.0), float(cred))
    return best


def _group_keys(table: pd.DataFrame) -> list[tuple[str, ...] | None]:
    """Return each row's group as (report, file, group id); None for a row of no group.

    A group id is unique only within its report, so the report (or, without one,
    the file) comes with it.
    """
    missing = [None] * len(table)
    reports = text_values(table[C.REPORT]).tolist() if C.REPORT in table.columns else missing
    files = (
        text_values(table[C.SOURCE_FILE]).tolist() if C.SOURCE_FILE in table.columns else missing
    )
    return [
        None if group is None else (str(report or ""), str(file or ""), str(group))
        for group, report, file in zip(
            text_values(table[C.GROUP]).tolist(), reports, files, strict=True
        )
    ]


def _overlap(a: Window, b: Window, slack: int) -> bool:
    return a[0] <= b[1] + slack and b[0] <= a[1] + slack


def _dates_agree(
    a: _Candidate, b: _Candidate, settings: Settings, *, slack: int | None = None
) -> str | None:
    """Return which dates agree (``departure``, ``arrival``, ``departure-arrival``), or None.

    ``slack``: the days two windows of one kind may lie apart (default
    ``relay_slack_days``).
    """
    transit = settings.relay_max_transit_days
    slack = settings.relay_slack_days if slack is None else slack
    if a.departure and b.departure and not _overlap(a.departure, b.departure, slack):
        return None
    if a.arrival and b.arrival and not _overlap(a.arrival, b.arrival, slack):
        return None
    if a.departure and b.departure:
        return "departure"
    if a.arrival and b.arrival:
        return "arrival"
    for dep, arr in ((a.departure, b.arrival), (b.departure, a.arrival)):
        # an arrival no earlier than the departure (the two reports' calendars may lie
        # ``slack`` days apart, as for two departures: a log's "07.03" beside a post's
        # "arrived" of 6 March, trial20 T1), and at most ``transit`` days after it
        if dep and arr and arr[1] >= dep[0] - slack and arr[0] <= dep[1] + transit:
            return "departure-arrival"
    return None


def _bounds(table: pd.DataFrame) -> list[bool]:
    """Return whether each row's car total is a lower bound (False where not said).

    A total given as one ("at least 30", ``cars_at_least``) is, and so is a total summed
    from the only kinds a report counted (``cars_total_derived``: "2 passenger and 7
    freight cars" beside 40 loaded platforms is 9 or more cars, trial F109).
    """
    bound = [False] * len(table)
    for column in (C.CARS_AT_LEAST, C.CARS_TOTAL_DERIVED):
        if column in table.columns:
            flags = table[column].astype(object).tolist()
            bound = [
                b or v is True or (isinstance(v, bool | np.bool_) and bool(v))
                for b, v in zip(bound, flags, strict=True)
            ]
    return bound


def counts_agree(
    x: int | None,
    y: int | None,
    tolerance: float,
    *,
    x_at_least: bool = False,
    y_at_least: bool = False,
) -> bool:
    """Whether two car counts may be one train's: within tolerance, or within a lower bound.

    Parameters
    ----------
    x, y
        The two counts (cars); None when untold, which agrees with any count.
    tolerance
        The share of the larger count they may differ by, at least one car
        (``Settings.relay_cars_tolerance``: relays round, or count the locomotive).
    x_at_least, y_at_least
        Whether a count is a lower bound ("more than 40 cars"): a bound agrees with a
        count no smaller than it (less the tolerance); two bounds always agree.

    Returns
    -------
    bool
        True when the counts may be one train's.

    Examples
    --------
    >>> counts_agree(40, 43, 0.1), counts_agree(40, 45, 0.1), counts_agree(None, 45, 0.1)
    (True, False, True)
    >>> counts_agree(40, 60, 0.1, x_at_least=True), counts_agree(40, 30, 0.1, x_at_least=True)
    (True, False)
    """
    if x is None or y is None or (x_at_least and y_at_least):
        return True
    if x_at_least or y_at_least:
        bound, other = (x, y) if x_at_least else (y, x)
        return other >= bound - max(1.0, tolerance * bound)
    return abs(x - y) <= max(1.0, tolerance * max(x, y))


def _cars_agree(x: _Candidate, y: _Candidate, tolerance: float) -> bool:
    """Whether two candidates' car and passenger-car counts may be one train's."""
    return counts_agree(
        x.cars, y.cars, tolerance, x_at_least=x.cars_at_least, y_at_least=y.cars_at_least
    ) and counts_agree(x.passenger, y.passenger, tolerance)


def _window(window: DateWindow | None, widest: int) -> Window | None:
    """Return a record's date window as day ordinals (as :func:`day_windows` reads a table)."""
    if window is None or window.earliest is None or window.latest is None:
        return None
    lo, hi = window.earliest.toordinal(), window.latest.toordinal()
    return (lo, hi) if 0 <= hi - lo <= widest else None


def _place_key(place: Place | None) -> tuple[str, bool]:
    """Return an end's key as :func:`_ends_keys` makes it, and whether it is a station."""
    if place is None:
        return "?", False
    if place.station_id:
        return f"id:{place.station_id}", True
    if place.region:
        return f"region:{place.region}", False
    return "text:" + _letters(place.text), False


def ends_key(shipment: Shipment) -> str | None:
    """Return a shipment's ends key; None when too vague to link (no station end).

    Parameters
    ----------
    shipment : railtrack.models.Shipment
        The record.

    Returns
    -------
    str or None
        ``"<origin>><destination>"``, each end ``id:<station id>`` when resolved,
        else ``text:<casefolded text>``; None when neither end has a station.

    Examples
    --------
    >>> from railtrack.models import Place, Shipment, Source
    >>> ship = Shipment(id="a", source=Source(reporter="Hajun"),
    ...                 origin=Place(text="Vyazma", station_id="RU-VYAZMA"),
    ...                 destination=Place(text="Полонка"))
    >>> ends_key(ship)
    'id:RU-VYAZMA>text:полонка'
    """
    (origin, o_station), (destination, d_station) = (
        _place_key(shipment.origin),
        _place_key(shipment.destination),
    )
    return f"{origin}>{destination}" if o_station or d_station else None


def _record_candidate(
    shipment: Shipment, source_file: str | None, settings: Settings
) -> _Candidate:
    """Return what a shipment record says that matters for linking."""
    widest = settings.relay_max_window_days
    report_key = _report_key(
        shipment.report,
        source_file,
        shipment.source.reporter,
        shipment.source.relayed_by,
        shipment.id,
    )
    return _Candidate(
        row=0,
        report_key=report_key,
        grouped=shipment.group is not None,
        departure=_window(shipment.departure, widest),
        arrival=_window(shipment.expected_arrival, widest),
        cars=shipment.cars.total,
        passenger=shipment.cars.passenger,
        rank=(1 if shipment.corrects_only else 0, 0, 0, 0.0, 0, 0, 0, 0, shipment.id),
        cars_at_least=shipment.cars.at_least or shipment.cars.total_derived,
        teller=f"{shipment.source.reporter or ''}\x1f{shipment.source.relayed_by or ''}",
    )


def same_train(
    a: Shipment,
    b: Shipment,
    settings: Settings | None = None,
    *,
    files: tuple[str | None, str | None] = (None, None),
) -> str | None:
    """Return which dates agree when two shipment records tell one movement, else None.

    The rule of this module (see the notes above) on two records: the same ends (one
    of them a station), overlapping departure or arrival windows (or a departure and
    an arrival within ``relay_max_transit_days``), car counts within tolerance, and
    different reports (``files``: each record's file, which stands for the report of
    a record without a ``report`` id, such as a spreadsheet row). The store links by
    it; :func:`relay_links` applies it to a table.

    Parameters
    ----------
    a, b
        Resolved shipment records.
    settings
        The ``relay_*`` settings; defaults when None.
    files
        The files the two records came from (None when unknown).

    Returns
    -------
    str or None
        ``"departure"``, ``"arrival"`` or ``"departure-arrival"``; None when the two
        may be two trains.

    Examples
    --------
    >>> from datetime import date
    >>> from railtrack.models import DateWindow, Place, Shipment, Source
    >>> ends = {"origin": Place(text="Vyazma", station_id="RU-VYAZMA"),
    ...         "destination": Place(text="Polonka", station_id="BY-POLONKA")}
    >>> left = Shipment(id="row4", source=Source(reporter="Svoboda"), **ends,
    ...                 departure=DateWindow.day(date(2023, 3, 6)))
    >>> came = Shipment(id="tg-17-t1", report="tg-17", source=Source(reporter="Hajun"),
    ...                 **ends, expected_arrival=DateWindow.day(date(2023, 3, 6)))
    >>> same_train(left, came, files=("log.csv", None))
    'departure-arrival'
    """
    settings = settings or DEFAULT_SETTINGS
    key = ends_key(a)
    if key is None or key != ends_key(b):
        return None
    return _same_train(
        _record_candidate(a, files[0], settings), _record_candidate(b, files[1], settings), settings
    )


def movement_span(shipment: Shipment, settings: Settings | None = None) -> Window | None:
    """Return the days a shipment's told movement covers, as day ordinals (an index's key).

    From the first day of its departure window to the last of its arrival window
    (either alone when only one is closed and narrow enough to link); None when
    neither is: such a record links nothing.

    Parameters
    ----------
    shipment : railtrack.models.Shipment
        The record.
    settings : railtrack.config.Settings, optional
        Link limits; the defaults when not given.

    Returns
    -------
    tuple of int or None
        ``(first day, last day)`` as :meth:`datetime.date.toordinal` numbers, or None.

    Examples
    --------
    >>> from datetime import date
    >>> from railtrack.models import DateWindow, Shipment, Source
    >>> ship = Shipment(id="a", source=Source(reporter="x"),
    ...                 expected_arrival=DateWindow.day(date(2023, 3, 6)))
    >>> movement_span(ship) == (date(2023, 3, 6).toordinal(),) * 2
    True
    """
    c = _record_candidate(shipment, None, settings or DEFAULT_SETTINGS)
    windows = [w for w in (c.departure, c.arrival) if w is not None]
    if not windows:
        return None
    return min(w[0] for w in windows), max(w[1] for w in windows)


def lookup_span(shipment: Shipment, settings: Settings | None = None) -> Window | None:
    """Return the days whose stored movements may tell the same train (None: none).

    The shipment's windows widened by ``relay_slack_days`` and
    ``relay_max_transit_days`` as :func:`same_train` allows, as one span.

    Parameters
    ----------
    shipment : railtrack.models.Shipment
        The record.
    settings : railtrack.config.Settings, optional
        Link limits (days of slack and of transit); the defaults when not given.

    Returns
    -------
    tuple of int or None
        ``(first day, last day)`` as :meth:`datetime.date.toordinal` numbers; None
        when the record has no window narrow enough to link.

    Examples
    --------
    >>> from datetime import date
    >>> from railtrack.models import DateWindow, Shipment, Source
    >>> ship = Shipment(id="a", source=Source(reporter="x"),
    ...                 expected_arrival=DateWindow.day(date(2023, 3, 6)))
    >>> first, last = lookup_span(ship)
    >>> first <= date(2023, 3, 6).toordinal() <= last
    True
    """
    settings = settings or DEFAULT_SETTINGS
    days = _lookup_days(_record_candidate(shipment, None, settings), settings)
    return (min(days), max(days)) if days else None


Within = Callable[[str], Collection[str]]
"""A region key ("Russia") -> the station ids it covers."""


def _origins_fit(a: str, b: str, within: Within | None) -> bool:
    """Whether two told origins (:func:`end_keys` keys, ``?`` untold) may be one train's.

    The same key; an untold origin beside any; a region ("з Расіі") beside a station
    that lies in it ("ze Smoleńska"), when ``within`` says which stations it covers.

    Examples
    --------
    >>> russia = lambda key: {"RU-SMOLENSK"} if key == "Russia" else set()
    >>> _origins_fit("region:Russia", "?", None), _origins_fit("?", "id:RU-SMOLENSK", None)
    (True, True)
    >>> _origins_fit("region:Russia", "id:RU-SMOLENSK", russia)
    True
    >>> _origins_fit("id:BY-ORSHA", "region:Russia", russia)
    False
    """
    if a == b or a == "?" or b == "?":
        return True
    if within is None:
        return False
    for region, station in ((a, b), (b, a)):
        if region.startswith("region:") and station.startswith("id:"):
            return station[3:] in within(region[7:])
    return False


def _same_train(
    a: _Candidate, b: _Candidate, settings: Settings, within: Within | None = None
) -> str | None:
    """Return which dates agree when ``a`` and ``b`` tell one movement, else None."""
    if a.report_key == b.report_key or _told_as_later(a, b):
        return None
    # an origin one report leaves untold is no disagreement (the relay that names none
    # of Hajun's "з Расіі" and dates "yesterday" by its own day; trial18, trial18b):
    # only origins told two ways link on the same days alone
    loose = a.origin != b.origin and "?" not in (a.origin, b.origin)
    claims = a.rank[4], b.rank[4]  # (corrects only, grouped, hearsay, credibility, claim, ...)
    if a.origin != b.origin and claims[0] != claims[1]:
        # a plan and a moving train told from different places, or one of them from
        # none ("прибудут ... из России" beside "Сегодня ночью прибыл"): the plan rule
        # decides (trial12 T2; the untold-origin slack above is for two moving trains)
        return None
    if loose and not _origins_fit(a.origin, b.origin, within):
        return None
    tolerance = settings.relay_cars_tolerance
    if not _cars_agree(a, b, tolerance):
        return None
    # origins told differently ("з Расіі", "ze Smoleńska"): the same days, no slack
    return _dates_agree(a, b, settings, slack=0 if loose else _slack(a, b, settings))


def _slack(a: _Candidate, b: _Candidate, settings: Settings) -> int:
    """Return the days two reports' dates of one event may lie apart.

    Relays resolve "yesterday" against their own publication day, often a day after
    the channel's post: ``relay_slack_days``. One teller (the same source and relaying
    outlet) dates its own posts on one calendar: a train it tells on 20 May is no
    train it told arriving on 19 May (trial17b T2: "Итоги дня 20 мая: Лунинец — 2
    эшелона" beside the channel's "Вчера вечером ... прибыл" of 20 May), so its
    reports link on the same days only.

    Examples
    --------
    >>> from railtrack.settings import DEFAULT_SETTINGS as S
    >>> hajun = _Candidate(0, ("report", "a"), False, None, (5, 5), 40, None,
    ...                    (0, 1, 0, 6.0, 0, 0, 0, 0, "a"), teller="Hajun\x1f")
    >>> _slack(hajun, hajun, S), _slack(hajun, _Candidate(**{**hajun.__dict__,
    ...     "teller": "Zerkalo\x1f"}), S)
    (0, 1)

    Reports with no known reporter (no ``source:`` line, reporter ``unknown``) may be
    anyone's: two of them are two tellers (review18 #4).

    >>> nobody = _Candidate(**{**hajun.__dict__, "teller": "unknown\x1f"})
    >>> _slack(nobody, nobody, S)
    1
    """
    return 0 if _one_teller(a, b) else settings.relay_slack_days


_UNKNOWN_TELLER = outlet_key("unknown")


def _one_teller(a: _Candidate, b: _Candidate) -> bool:
    """Whether two reports come from one known teller (the same source and relaying outlet).

    A reporter left empty or ``unknown`` (a text file with no ``source:`` line, a table
    row without a source) is no teller: such reports may be anyone's.
    """
    if a.teller != b.teller:
        return False
    reporter = outlet_key(a.teller.split("\x1f", 1)[0])
    return reporter not in ("", _UNKNOWN_TELLER)


def _told_as_later(a: _Candidate, b: _Candidate) -> bool:
    """Whether one teller's later report tells its train as the next after the other's.

    A channel posts the first train, then "Другі эшалон прыбыў ...", "Второй эшелон
    прибыл ...", "Drugi pociąg przyjechał ...", "Another train arrived ..." (trial13
    T13): the later post's train, told as one after another (``later_train``), is a
    new train, though its ends, counts and days fit, unless the earlier one was told
    so too (the second train told twice).
    """
    if a.later == b.later or not _one_teller(a, b):
        return False
    first, then = (a, b) if a.published <= b.published else (b, a)
    return then.later and first.published < then.published


def _fit(a: _Candidate, b: _Candidate) -> tuple[int, int, int]:
    """Return how closely two matching trains agree (lower first): days apart, cars, origin.

    The days between their departure windows and between their arrival windows (0
    when they overlap), the difference of their car totals (0 when one is untold),
    and 1 when their origins differ (one untold or a region, the other told finer).
    """
    days = sum(
        max(0, x[0] - y[1], y[0] - x[1])
        for x, y in ((a.departure, b.departure), (a.arrival, b.arrival))
        if x is not None and y is not None
    )
    cars = abs(a.cars - b.cars) if a.cars is not None and b.cars is not None else 0
    return days, cars, int(a.origin != b.origin)


@dataclass
class _Train:
    """A kept shipment and the reports linked to it."""

    kept: _Candidate
    reports: set[tuple[str, ...]]
    linked: list[tuple[_Candidate, str]]


def _anchor_days(c: _Candidate) -> Iterator[int]:
    """Days under which a kept train is filed for look-up: its windows' days."""
    for window in (c.departure, c.arrival):
        if window is not None:
            yield from range(window[0], window[1] + 1)


def _lookup_days(c: _Candidate, settings: Settings) -> set[int]:
    """Days whose filed trains may match ``c`` (its windows widened by slack and transit)."""
    slack, transit = settings.relay_slack_days, settings.relay_max_transit_days
    days: set[int] = set()
    if c.departure is not None:
        days.update(range(c.departure[0] - slack, c.departure[1] + transit + slack + 1))
    if c.arrival is not None:
        days.update(range(c.arrival[0] - transit - slack, c.arrival[1] + slack + 1))
    return days


def _best_match(
    c: _Candidate,
    trains: list[_Train],
    by_day: KeptDays,
    settings: Settings,
    within: Within | None = None,
) -> tuple[_Train, str] | None:
    """Return the kept train ``c`` tells again (and how), or None.

    Of several that match, the one told on the same days (then with the nearest car
    count, then the same origin, then the best ranked): a relay of two trains, 4 and 5
    April, takes another report's 5 April train as its own 5 April train, never as the
    4 April one a day's slack would also allow. When the best fits equally trains
    from different origins, none of which ``c`` names, ``c`` may be either: not linked.
    """
    found: list[tuple[tuple[int, int, int], int, _Train, str]] = []
    for index in by_day.near(c.origin, _lookup_days(c, settings)):  # origins that may fit
        train = trains[index]
        if c.report_key in train.reports:
            continue
        how = _same_train(train.kept, c, settings, within)
        if how is not None:
            found.append((_fit(train.kept, c), index, train, how))
    if not found:
        return None
    best = min(found, key=lambda f: (f[0], f[1]))
    ties = {f[2].kept.origin for f in found if f[0] == best[0]}
    if len(ties) > 1 and c.origin not in ties:
        return None
    return best[2], best[3]


def _link_corridor(
    candidates: list[_Candidate],
    settings: Settings,
    *,
    groups: bool = False,
    within: Within | None = None,
) -> list[_Train]:
    """Link the shipments of one pair of ends, best record first.

    ``groups``: link groups' trains to each other (all candidates grouped), the
    members of one group ranking together (``group_rank``: the group's best
    credibility, its published day and id), so that of two reports telling the
    same trains one report's are kept in every corridor; else a grouped train is
    always kept (its group's links were settled before, :func:`_group_links`).
    ``within``: the stations of a region, for origins told as a region
    (:func:`_origins_fit`).
    """
    trains: list[_Train] = []
    by_day = KeptDays()
    for c in sorted(candidates, key=(lambda c: c.group_rank) if groups else (lambda c: c.rank)):
        match = (
            None if c.grouped and not groups else _best_match(c, trains, by_day, settings, within)
        )
        if match is not None:
            train, how = match
            train.reports.add(c.report_key)
            train.linked.append((c, how))
            continue
        trains.append(_Train(kept=c, reports={c.report_key}, linked=[]))
        by_day.add(len(trains) - 1, c.origin, _anchor_days(c))
    return trains


def _corridors(shipments: pd.DataFrame, settings: Settings) -> Iterator[list[_Candidate]]:
    """Yield the linkable shipments grouped by their ends (corridors told twice or more)."""
    keys = _corridor_keys(shipments).reset_index(drop=True)
    rows = keys.index[keys.notna() & keys.duplicated(keep=False)]
    if not len(rows):
        return
    by_key: dict[str, list[_Candidate]] = {}
    candidates = _candidates(
        shipments.iloc[rows],
        rows.tolist(),
        settings.relay_max_window_days,
        _group_credibility(shipments) if shipments[C.GROUP].notna().any() else None,
    )
    for c, key in zip(candidates, keys.iloc[rows], strict=True):
        if c.departure is not None or c.arrival is not None:
            by_key.setdefault(key, []).append(c)
    yield from (group for group in by_key.values() if len(group) > 1)


def _undated_rows(shipments: pd.DataFrame) -> list[int]:
    """Return the rows that tell a moving train with no day at all, in a dated report."""
    said = pd.Series(False, index=shipments.index)
    for column in ("departure_earliest", "departure_latest", "arrival_earliest", "arrival_latest"):
        said = said | shipments[column].notna()
    if C.ARRIVAL_TOLD in shipments.columns:  # dated by its report (:func:`_told_arrivals`)
        said = said | shipments[C.ARRIVAL_TOLD].astype("boolean").fillna(False).astype(bool)
    plan = (
        shipments[C.CLAIM].isin(["planned", "expected"])
        if C.CLAIM in shipments.columns
        else pd.Series(False, index=shipments.index)
    )
    undated = ~said & ~plan & shipments[C.PUBLISHED].notna() & shipments[C.GROUP].isna()
    return np.flatnonzero(undated.to_numpy()).tolist()


def _by_report_day(
    c: _Candidate, train: _Candidate, settings: Settings, within: Within | None
) -> bool:
    """Whether ``c``, a train its report leaves undated, tells the dated ``train``.

    Told as gone in a report published on day P ("Ешелон №969 у складі 49 вагонів був
    відправлений зі станції Вязьма на станцію Полонка", published 7 March), it moved
    by P: it is dated by that day and the ``relay_slack_days`` before it, the rule a
    channel's undated post follows (:func:`_follow_days`). Both tell their origin (the
    same, or a region and a station in it), both tell a car total, and they agree.
    """
    if c.report_key == train.report_key or _told_as_later(c, train):
        return False
    if "?" in (c.origin, train.origin) or train.rank[4] != 0:  # no origin, or a plan
        return False
    if c.origin != train.origin and not _origins_fit(c.origin, train.origin, within):
        return False
    if c.cars is None or train.cars is None:
        return False
    if not _cars_agree(c, train, settings.relay_cars_tolerance):
        return False
    slack = _slack(c, train, settings)
    told = (c.published - settings.relay_slack_days, c.published)
    return any(w is not None and _overlap(told, w, slack) for w in (train.departure, train.arrival))


def _undated_links(
    shipments: pd.DataFrame, gone: set[int], settings: Settings, within: Within | None
) -> list[tuple[int, int, str]]:
    """Return links of trains their reports leave undated, each to the one train it fits.

    A relay that drops the day ("був відправлений зі станції Вязьма на станцію
    Полонка", its day only in a border crossing it does not date as a movement) is
    linked to another report's train of the same ends and count whose departure or
    arrival lies on the relay's publication day or the day before
    (:func:`_by_report_day`; ``matched_on`` ``published-day``, trial20 T1). Of two
    kept trains that fit, neither: the undated one may be either. An undated train is
    never the one kept, and never takes another undated one.
    """
    rows = [r for r in _undated_rows(shipments) if r not in gone]
    if not rows:
        return []
    keys = _corridor_keys(shipments).reset_index(drop=True)
    said = keys.notna().to_numpy()  # a corridor with a station end (else too vague)
    rows = [r for r in rows if said[r]]
    wanted = {str(keys.iloc[r]) for r in rows}
    if not wanted:
        return []
    undated = set(rows)
    targets = [
        r
        for r in np.flatnonzero((keys.isin(wanted) & keys.notna()).to_numpy()).tolist()
        if r not in gone and r not in undated
    ]
    if not targets:
        return []
    widest = settings.relay_max_window_days
    dated: dict[str, list[_Candidate]] = {}
    for c in _candidates(shipments.iloc[targets], targets, widest):
        if c.departure is not None or c.arrival is not None:
            dated.setdefault(keys.iloc[c.row], []).append(c)
    links: list[tuple[int, int, str]] = []
    for c in _candidates(shipments.iloc[rows], rows, widest):
        fits = [
            t for t in dated.get(keys.iloc[c.row], []) if _by_report_day(c, t, settings, within)
        ]
        if len(fits) == 1:
            links.append((c.row, fits[0].row, "published-day"))
    return links


def seen_days(
    shipments: pd.DataFrame,
    sightings: pd.DataFrame,
    rows: list[int],
    *,
    local_day_h: float = 0.0,
) -> dict[int, list[tuple[str, int]]]:
    """Return where and on which day each of some shipments was seen.

    Parameters
    ----------
    shipments
        The shipments table (its ``id`` column); ``rows`` are positions in it.
    sightings
        The sightings table (``shipment``, ``station_id``, ``seen_at``); a table
        without these columns gives no days.
    rows
        The positions (``iloc``) of the shipments to look up.
    local_day_h
        Hours before UTC midnight in which a sighting timed to the minute (``precision``
        ``datetime``) is also on the next day: the local day of a channel east of UTC
        (``Settings.relay_local_day_h``; Hajun's 02:10 Minsk is 23:10 UTC the day
        before, and its digest dates the train by the Minsk day; trial18b T2). 0 keeps
        the UTC day alone.

    Returns
    -------
    dict
        Position -> [(station id, day ordinal as :func:`day_ordinals`), ...] in the
        sightings' order (a late sighting's next day right after its own); a sighting
        without a station id or a day is left out.

    Examples
    --------
    >>> ships = pd.DataFrame({"id": ["a-t1", "b-t1"]})
    >>> seen = pd.DataFrame({"shipment": ["b-t1", "b-t1", "a-t1"],
    ...                      "station_id": ["BY-ORSHA", None, "RU-SMOLENSK"],
    ...                      "seen_at": ["2023-03-08T06:40", "2023-03-08", "2023-03-09"]})
    >>> seen_days(ships, seen, [1])
    {1: [('BY-ORSHA', 738587)]}

    A train seen at 23:10 UTC, 02:10 in Minsk, is on the Minsk day too:

    >>> from datetime import date
    >>> late = pd.DataFrame({"shipment": ["a-t1"], "station_id": ["BY-LUNINETS"],
    ...                      "seen_at": ["2026-08-15T23:10"], "precision": ["datetime"]})
    >>> [date.fromordinal(d).isoformat() for _, d in seen_days(
    ...     ships, late, [0], local_day_h=3)[0]]
    ['2026-08-15', '2026-08-16']
    """
    needed = {C.SHIPMENT, C.STATION_ID, C.SEEN_AT}
    if not needed <= set(sightings.columns) or not rows:
        return {}
    by_id = {str(shipments[C.ID].iloc[r]): r for r in rows}
    seen = sightings[sightings[C.SHIPMENT].astype(str).isin(by_id)]
    out: dict[int, list[tuple[str, int]]] = {}
    days = day_ordinals(seen[C.SEEN_AT])
    late = _late_in_day(seen, local_day_h)
    for shipment, station, day, next_day in zip(
        seen[C.SHIPMENT].astype(str), text_values(seen[C.STATION_ID]), days, late, strict=True
    ):
        if station is not None and day is not None:
            pairs = out.setdefault(by_id[shipment], [])
            pairs.append((str(station), day))
            if next_day:
                pairs.append((str(station), day + 1))
    return out


def _late_in_day(seen: pd.DataFrame, hours: float) -> list[bool]:
    """Return whether each sighting is timed in the last ``hours`` of its UTC day."""
    if hours <= 0 or C.PRECISION not in seen.columns or seen.empty:
        return [False] * len(seen)
    at = pd.to_datetime(seen[C.SEEN_AT], errors="coerce", format="ISO8601")  # mixed precisions
    into_day = (at - at.dt.normalize()) / pd.Timedelta(hours=1)
    timed = seen[C.PRECISION].astype(str).eq("datetime")
    return (timed & into_day.ge(24 - hours)).fillna(False).astype(bool).tolist()


def _seen_on_train(
    seen: list[tuple[str, int]],
    other: _Candidate,
    origin: str | None,
    via: tuple[str, ...],
    settings: Settings,
    slack: int | None = None,
) -> str | None:
    """Return how sightings of a train told only as seen fit ``other``'s told movement."""
    transit = settings.relay_max_transit_days
    slack = settings.relay_slack_days if slack is None else slack
    dep, arr = other.departure, other.arrival
    for station, day in seen:
        if station == origin:
            if dep is not None and dep[0] - slack <= day <= dep[1] + slack:
                return "sighting-origin"
            if dep is None and arr is not None and arr[0] - transit - slack <= day <= arr[1]:
                return "sighting-origin"
        if station in via:
            if dep is not None and dep[0] - slack <= day <= dep[1] + transit + slack:
                return "sighting-via"
            if dep is None and arr is not None and arr[0] - transit - slack <= day <= arr[1]:
                return "sighting-via"
    return None


def _seen_links(
    shipments: pd.DataFrame,
    sightings: pd.DataFrame,
    gone: set[int],
    settings: Settings,
    within: Within | None = None,
) -> list[tuple[int, int, str]]:
    """Link each train told only as seen on its way to the train of another report it is.

    A shipment with a destination, whose report dates it by a sighting only (no origin
    at all, or no departure or arrival day: "a train of 36 cars passed Zhlobin towards
    Gomel on 4 April; it came from Bryansk"), is the train of another report going to
    the same destination that left from the station it was seen at on that day, or
    passed it then (``via``); or, told only as seen too, was seen at the same station
    within ``slack_days``. Car counts must agree and origins fit (:func:`_origins_fit`);
    the train with an origin and dates (else the better ranked) is kept.
    """
    table = shipments.reset_index(drop=True)
    dest_sid = text_values(table["destination_station_id"])
    dest_region = text_values(table["destination_region"])
    dest = ("id:" + dest_sid).where(dest_sid.notna(), ("region:" + dest_region))
    dest = dest.where(dest_sid.notna() | dest_region.notna(), None)
    no_origin = (
        table["origin"].isna() & table["origin_station_id"].isna() & table["origin_region"].isna()
    )
    # (told with an origin but dated by its sighting alone: seen on its way too)
    undated = table["departure_earliest"].isna() & table["arrival_earliest"].isna()
    no_origin = no_origin | undated
    # read as lists once: a look-up per row of a 100,000-row Series costs seconds
    dests = dest.tolist()
    grouped = table[C.GROUP].notna().tolist()
    lonely = [
        i
        for i, (alone, d) in enumerate(zip(no_origin.tolist(), dests, strict=True))
        if alone and d is not None and i not in gone
    ]
    seen = seen_days(table, sightings, lonely, local_day_h=settings.relay_local_day_h)
    if not seen:
        return []
    wanted = {dests[i] for i in seen}
    rows = [i for i, d in enumerate(dests) if i not in gone and d in wanted]
    candidates = dict(
        zip(rows, _candidates(table.iloc[rows], rows, settings.relay_max_window_days), strict=True)
    )
    origins = text_values(table["origin_station_id"]).tolist()
    vias = (
        text_values(table[C.VIA_STATION_IDS]).tolist()
        if C.VIA_STATION_IDS in table.columns
        else [None] * len(table)
    )
    order = sorted(rows, key=lambda r: candidates[r].rank)  # the same for every train seen
    told = _Seen(candidates, dests, seen, origins, vias, gone, settings, within)
    out: list[tuple[int, int, str]] = []
    in_groups: list[tuple[int, int, str]] = []
    taken: set[tuple[int, tuple[str, ...]]] = set()  # (kept train, report) of group links
    for i in sorted(seen, key=lambda r: candidates[r].rank):
        if grouped[i]:
            found = _group_train_seen(i, [j for j in order if grouped[j]], told, taken)
            if found is not None:
                in_groups.append((int(table.index[i]), int(table.index[found[0]]), found[1]))
            continue
        for j in order:
            how = told.how(i, j)
            if how is not None:
                gone.add(i)
                out.append((int(table.index[i]), int(table.index[j]), how))
                break
    if in_groups:
        whole = _whole_groups(shipments, in_groups)
        gone.update(i for i, _, _ in whole)
        out.extend(whole)
    return out


@dataclass(frozen=True)
class _Seen:
    """What :func:`_seen_links` compares a train told only as seen by."""

    candidates: dict[int, _Candidate]
    dests: Sequence[str | None]
    seen: dict[int, list[tuple[str, int]]]
    origins: Sequence[Any]
    vias: Sequence[Any]
    gone: set[int]
    settings: Settings
    within: Within | None

    def how(self, i: int, j: int) -> str | None:
        """Return how train ``i``, told only as seen, retells ``j``; None when it does not."""
        c, other, settings = self.candidates[i], self.candidates[j], self.settings
        if j == i or j in self.gone or other.report_key == c.report_key:
            return None
        if self.dests[j] != self.dests[i] or not _origins_fit(c.origin, other.origin, self.within):
            return None
        if not _cars_agree(c, other, settings.relay_cars_tolerance):
            return None
        seen = self.seen
        if j in seen:  # both told only as seen: the same station, close days
            if c.grouped and other.grouped:
                if c.group_rank < other.group_rank:
                    return None  # the better told group is kept, as a whole
            elif c.rank < other.rank:
                return None  # the better told is kept: linked when ``j``'s turn comes
            slack = _slack(c, other, settings)
            same = any(a == b and abs(d - e) <= slack for a, d in seen[i] for b, e in seen[j])
            return "sighting" if same else None
        via = tuple(str(self.vias[j]).split("; ")) if self.vias[j] is not None else ()
        return _seen_on_train(
            seen[i], other, self.origins[j], via, settings, _slack(c, other, settings)
        )


def _group_train_seen(
    i: int, grouped: list[int], told: _Seen, taken: set[tuple[int, tuple[str, ...]]]
) -> tuple[int, str] | None:
    """Return the group's train that a train of a group, told only as seen, retells.

    "Два військові ешелони — на 35 і 40 вагонів" through Orel: each of the two retells
    a train of another report's group ("2 эшелона (35 и 40 вагонов)"), the closest count
    first, one train of that report each (``taken``, updated); the links are kept only
    when the whole group is retold (:func:`_whole_groups`; trial18b T4).
    """
    c = told.candidates[i]
    fits = []
    for j in grouped:
        if (j, c.report_key) in taken:
            continue
        how = told.how(i, j)
        if how is not None:
            other = told.candidates[j]
            fits.append((abs((c.cars or 0) - (other.cars or 0)), other.rank, j, how))
    if not fits:
        return None
    _, _, j, how = min(fits)
    taken.add((j, c.report_key))
    return j, how


def _at_station(
    table: pd.DataFrame,
    sightings: pd.DataFrame | None,
    gone: set[int],
    widest: int,
    local_day_h: float = 0.0,
) -> dict[int, list[tuple[str, int]]]:
    """Return the trains told only at one station, with their (station id, day) pairs.

    A log sheet's row ("14.04.2023;;Baranowicze;;;30;...;przyjazd") names a station,
    a day and a count but neither end: read, it is a train with the station as its
    only ``via`` point and the day as a window (or a sighting). The pairs are its
    sightings, else its one via station on each day of its departure or arrival window.
    """
    none = [None] * len(table)
    vias = text_values(table[C.VIA_STATION_IDS]).tolist() if C.VIA_STATION_IDS in table else none
    ends = zip(end_keys(table, "origin"), end_keys(table, "destination"), strict=True)
    rows = [
        i
        for i, ((o, d), g) in enumerate(zip(ends, table[C.GROUP].notna().tolist(), strict=True))
        if o is None and d is None and not g and i not in gone
    ]
    seen = (
        seen_days(table, sightings, rows, local_day_h=local_day_h) if sightings is not None else {}
    )
    dep = day_windows(table["departure_earliest"], table["departure_latest"], widest)
    arr = day_windows(table["arrival_earliest"], table["arrival_latest"], widest)
    out: dict[int, list[tuple[str, int]]] = {}
    for i in rows:
        if i in seen:
            out[i] = seen[i]
            continue
        via, window = vias[i], dep[i] or arr[i]
        if via is None or ";" in str(via) or window is None:
            continue
        out[i] = [(str(via), day) for day in range(window[0], window[1] + 1)]
    return out


def _at_station_fits(
    seen: list[tuple[str, int]],
    other: _Candidate,
    ends: tuple[str | None, str | None],
    via: tuple[str, ...],
    settings: Settings,
    slack: int | None = None,
    other_seen: Sequence[tuple[str, int]] = (),
) -> int | None:
    """Return how many days a train told only at a station is off ``other``'s movement.

    None when it does not fit: the station is ``other``'s destination and the day
    within ``slack_days`` of its arrival (or after its departure, within the transit
    days, when no arrival is told), its origin and the day by its departure, a
    station it passed (``via``) between its departure and the transit days after, or
    a station ``other`` was seen at (``other_seen``: its (station id, day ordinal)
    sightings) on that day, for a train told with a heading and no day of its own
    ("вчера через станцию Орёл в сторону Курска проследовал эшелон"; trial18 T4).
    """
    transit = settings.relay_max_transit_days
    slack = settings.relay_slack_days if slack is None else slack
    dep, arr = other.departure, other.arrival
    best: int | None = None
    for station, day in seen:
        spans: list[tuple[int, int]] = [(d, d) for s, d in other_seen if s == station]
        if ends[1] == f"id:{station}":
            if arr is not None:
                spans.append(arr)
            elif dep is not None:
                spans.append((dep[0], dep[1] + transit))
        if ends[0] == f"id:{station}" and dep is not None:
            spans.append(dep)
        if station in via and dep is not None:
            spans.append((dep[0], dep[1] + transit))
        for lo, hi in spans:
            off = max(0, lo - day, day - hi)
            if off <= slack and (best is None or off < best):
                best = off
    return best


def _station_links(
    shipments: pd.DataFrame,
    sightings: pd.DataFrame | None,
    gone: set[int],
    settings: Settings,
) -> list[tuple[int, int, str]]:
    """Link each train told only at a station to the train another report tells there.

    Rows of a log sheet name a station, a day and a count, not the ends ("14.04.2023;
    Baranowicze; 30; przyjazd"), while a text relay tells the same arrivals ("14
    kwietnia do Baranowicz przybyły dwa transporty: pierwszy z 30 wagonami, drugi z
    25"): such a train is the train of another report that arrived at that station
    (its destination) on that day, left it (its origin) or passed it (``via``), within
    ``slack_days``, whose car counts agree (``matched_on`` ``station``; trial13 T12).
    Of several, the nearest in days then in cars; one train takes at most one train
    of each report, so two rows of one sheet go to the two trains they tell; the
    train with its ends is kept.
    """
    table = shipments.reset_index(drop=True)
    lonely = _at_station(
        table, sightings, gone, settings.relay_max_window_days, settings.relay_local_day_h
    )
    if not lonely:
        return []
    stations = {station for pairs in lonely.values() for station, _ in pairs}
    ends = list(zip(end_keys(table, "origin"), end_keys(table, "destination"), strict=True))
    vias = (
        [
            () if v is None else tuple(str(v).split("; "))
            for v in text_values(table[C.VIA_STATION_IDS])
        ]
        if C.VIA_STATION_IDS in table
        else [()] * len(table)
    )

    def told_there(end: tuple[str | None, str | None], via: tuple[str, ...]) -> bool:
        ids = {e[3:] for e in end if e is not None and e.startswith("id:")}
        return bool(stations & (ids | set(via)))

    rows = [
        j
        for j, (end, via) in enumerate(zip(ends, vias, strict=True))
        if j not in gone and j not in lonely and told_there(end, via)
    ]
    every = sorted({*rows, *lonely})
    candidates = dict(
        zip(
            every,
            _candidates(table.iloc[every], every, settings.relay_max_window_days),
            strict=True,
        )
    )
    taken: set[tuple[int, tuple[str, ...]]] = set()  # (kept train, report) pairs linked
    tolerance = settings.relay_cars_tolerance
    # where and when the trains told there were seen (a heading and no day of its own)
    sighted = (
        seen_days(table, sightings, rows, local_day_h=settings.relay_local_day_h)
        if sightings is not None and len(rows)
        else {}
    )
    out: list[tuple[int, int, str]] = []
    # the rows that say more first: a counted row takes its train before an uncounted one
    for i in sorted(lonely, key=lambda r: (candidates[r].cars is None, candidates[r].rank)):
        c = candidates[i]
        found = []
        for j in rows:
            other = candidates[j]
            if other.report_key == c.report_key or (j, c.report_key) in taken:
                continue
            if _told_as_later(c, other) or not _cars_agree(c, other, tolerance):
                continue
            slack = _slack(c, other, settings)
            off = _at_station_fits(
                lonely[i], other, ends[j], vias[j], settings, slack, sighted.get(j, ())
            )
            if off is not None:
                cars = (
                    abs(c.cars - other.cars) if c.cars is not None and other.cars is not None else 0
                )
                found.append((off, cars, other.rank, j))
        if found:
            j = min(found)[3]
            taken.add((j, c.report_key))
            out.append((int(table.index[i]), int(table.index[j]), "station"))
    linked = {i for i, _, _ in out}
    rest = {i: lonely[i] for i in lonely if i not in linked}
    for i, j in _both_at_station(rest, candidates, settings):
        out.append((int(table.index[i]), int(table.index[j]), "station"))
    return out


def _both_at_station(
    lonely: dict[int, list[tuple[str, int]]],
    candidates: dict[int, _Candidate],
    settings: Settings,
) -> list[tuple[int, int]]:
    """Link trains told only at a station to one another: (dropped row, kept row) pairs.

    A hand log's row ("20.05.2026, Брест, 44": seen at Brest that day) and a day
    digest's line ("Итоги дня 20 мая: ▪️ Брест — 1 эшелон (44 вагона)") tell one train
    (trial17b T3): of two reports, both at one station on days that agree
    (:func:`_slack`), both counted, with counts that agree. The better ranked is kept;
    one kept train takes at most one train of each report, and a train that fits two
    of one report equally (38 cars beside "36 и 40") is linked to neither.
    """
    tolerance, widest = settings.relay_cars_tolerance, settings.relay_slack_days
    kept: dict[tuple[str, int], list[int]] = {}  # (station, day) -> kept trains told there
    taken: set[tuple[int, tuple[str, ...]]] = set()
    out: list[tuple[int, int]] = []
    for i in sorted(lonely, key=lambda r: candidates[r].rank):
        c = candidates[i]
        near: dict[int, int] = {}  # kept train -> fewest days apart at one station
        if c.cars is not None:
            for station, day in lonely[i]:
                for d in range(day - widest, day + widest + 1):
                    for j in kept.get((station, d), ()):
                        near[j] = min(near.get(j, widest + 1), abs(d - day))
        found = []
        for j, off in near.items():
            other = candidates[j]
            if other.report_key == c.report_key or (j, c.report_key) in taken:
                continue
            if c.cars is None or other.cars is None or not _cars_agree(c, other, tolerance):
                continue
            if _told_as_later(c, other) or off > _slack(c, other, settings):
                continue
            found.append((off, abs(c.cars - other.cars), j))
        best = min(found, default=None)
        ties = [f for f in found if best is not None and f[:2] == best[:2]]
        if best is None or len({candidates[f[2]].report_key for f in ties}) < len(ties):
            for pair in lonely[i]:  # none fits, or two trains of one report fit equally
                kept.setdefault(pair, []).append(i)
            continue
        taken.add((best[2], c.report_key))
        out.append((i, best[2]))
    return out


def placed_sightings(
    sightings: pd.DataFrame,
    shipments: pd.DataFrame,
    station_name: Callable[[str], str | None] | None = None,
) -> pd.DataFrame:
    """Return the sightings, each unplaced one at its own train's place of that name.

    A name two places bear ("Светлогорск": Gomel region and Kaliningrad) is settled by
    the other places of its report where the report's trains are resolved; a sighting
    resolved apart (the Dask engine reads sightings in partitions of their own) may stay
    without a station. The train's origin, destination or place passed written as the
    sighting's station is where it was seen (trial18b T3): its station id, and the
    station's name (the end's, else ``station_name`` of the id).

    Parameters
    ----------
    sightings
        The sightings table (``shipment``, ``station``, ``station_id``, ``station_name``).
    shipments
        The trains' table: ``id`` and the ``origin``/``destination`` (with
        ``_station_id`` and ``_station``) and ``via``/``via_station_ids`` it has.
    station_name
        The name of a station id (None: a place passed gives its id and no name).

    Returns
    -------
    pandas.DataFrame
        ``sightings`` itself when none changes, else a copy.

    Examples
    --------
    >>> seen = pd.DataFrame({"shipment": ["d-t1"], "station": ["Светлогорск"],
    ...                      "station_id": [None], "station_name": [None]})
    >>> ships = pd.DataFrame({"id": ["d-t1"], "via": ["Речица; Светлогорск"],
    ...                       "via_station_ids": ["BY-RECHITSA; GN621074"]})
    >>> placed_sightings(seen, ships, {"GN621074": "Svetlogorsk"}.get)[
    ...     ["station_id", "station_name"]].values.tolist()
    [['GN621074', 'Svetlogorsk']]
    """
    if not len(sightings) or C.STATION_ID not in sightings.columns:
        return sightings
    open_rows = sightings[C.STATION_ID].isna() & sightings[C.STATION].notna()
    if not open_rows.any():
        return sightings
    wanted = set(sightings.loc[open_rows, C.SHIPMENT].astype(str))
    places = _train_places(shipments[shipments[C.ID].astype(str).isin(wanted)], station_name)
    if not places:
        return sightings
    open_at = sightings.index[open_rows.to_numpy()]
    keys = zip(
        sightings.loc[open_at, C.SHIPMENT].astype(str),
        sightings.loc[open_at, C.STATION],
        strict=True,
    )
    found = {i: places[key] for i, key in zip(open_at, keys, strict=True) if key in places}
    if not found:
        return sightings
    out = sightings.copy()
    for i, (station_id, name) in found.items():
        out.at[i, C.STATION_ID] = station_id
        if name is not None and C.STATION_NAME in out.columns:
            out.at[i, C.STATION_NAME] = name
    return out


def _train_places(
    ships: pd.DataFrame, station_name: Callable[[str], str | None] | None
) -> dict[tuple[str, str], tuple[str, str | None]]:
    """Return (train id, name as written) -> (station id, station name) of its places."""
    places: dict[tuple[str, str], tuple[str, str | None]] = {}
    for end in (C.ORIGIN, C.DESTINATION):
        cols = [C.ID, end, f"{end}_station_id", f"{end}_station"]
        if not all(c in ships.columns for c in cols):
            continue
        for sid, text, at, name in ships[cols].itertuples(index=False):
            if isinstance(text, str) and isinstance(at, str):
                places.setdefault((str(sid), text), (at, name if isinstance(name, str) else None))
    if C.VIA not in ships.columns or C.VIA_STATION_IDS not in ships.columns:
        return places
    for sid, texts, ids in ships[[C.ID, C.VIA, C.VIA_STATION_IDS]].itertuples(index=False):
        if not isinstance(texts, str) or not isinstance(ids, str):
            continue
        names, stations = texts.split("; "), ids.split("; ")
        if len(names) != len(stations):
            continue  # (names and ids not aligned: none is placed)
        for text, at in zip(names, stations, strict=True):
            named = station_name(at) if station_name is not None else None
            places.setdefault((str(sid), text), (at, named))
    return places


def station_namer(network: RailNetwork) -> Callable[[str], str | None]:
    """Return the name of a station id on ``network`` (None for an id it lacks).

    Parameters
    ----------
    network
        The rail network whose graph nodes carry each station's ``name``.

    Returns
    -------
    callable
        ``name(station_id) -> str or None``: the node's name as text; None for an
        id not in the network or a node without a name. It reads the network as it
        is when called (no copy is taken).

    Examples
    --------
    >>> from railtrack.network import load_network
    >>> name = station_namer(load_network())
    >>> name("BY-ORSHA"), name("XX-NOWHERE")
    ('Orsha-Tsentralnaya', None)
    """
    nodes = network.G.nodes

    def name(station_id: str) -> str | None:
        found = nodes[station_id].get("name") if station_id in nodes else None
        return None if found is None else str(found)

    return name


def retold_group(linked: Sequence[frozenset[Hashable] | None]) -> bool:
    """Whether a group's trains retell another report's group, the group rule of relays.

    A report that tells two or more trains together (a group) retells another
    report's when *every* one of its trains is linked to a train of that other
    report's group: then its trains and its group are relays. When only some are
    linked (a relay that tells one train the same and another differently), none of
    its trains is linked: an ambiguous group stays as told. ``track`` applies this
    rule to the trains of one run (:func:`relay_links`), the store to the trains of
    an ingest against those stored.

    Parameters
    ----------
    linked
        One entry per train of the group: the groups (any hashable keys) of the
        train it was linked to, or None when it was not linked to another report's.

    Returns
    -------
    bool
        True when every train is linked and one group holds all the trains they were
        linked to.

    Examples
    --------
    >>> retold_group([frozenset({"hajun-g1"}), frozenset({"hajun-g1"})])
    True
    >>> retold_group([frozenset({"hajun-g1"}), None])
    False
    >>> retold_group([frozenset({"hajun-g1"}), frozenset({"other-g1"})])
    False
    """
    if not linked or any(groups is None for groups in linked):
        return False
    return bool(frozenset.intersection(*(g for g in linked if g is not None)))


def _whole_groups(
    shipments: pd.DataFrame, dropped: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """Return the links without those of groups not retold as a whole (:func:`retold_group`)."""
    groups = _group_keys(shipments)
    to_kept = {row: kept for row, kept, _ in dropped}
    touched = {groups[row] for row in to_kept if groups[row] is not None}
    if not touched:
        return dropped
    members: dict[tuple[str, ...], list[int]] = {}
    for i, group in enumerate(groups):
        if group is not None and group in touched:
            members.setdefault(group, []).append(i)
    undo: set[int] = set()
    for rows in members.values():
        linked = [
            None if i not in to_kept else frozenset({groups[to_kept[i]]} - {None}) for i in rows
        ]
        if not retold_group(linked):
            undo.update(i for i in rows if i in to_kept)
    if undo:
        logger.debug("%d trains of groups told only in part by another report kept", len(undo))
    return [link for link in dropped if link[0] not in undo]


def _group_links(
    shipments: pd.DataFrame,
    corridors: list[list[_Candidate]],
    settings: Settings,
    within: Within | None = None,
) -> list[tuple[int, int, str]]:
    """Return the links of groups' trains that retell another report's group as a whole."""
    links: list[tuple[int, int, str]] = []
    for candidates in corridors:
        grouped = [c for c in candidates if c.grouped]
        if len(grouped) > 1:
            for train in _link_corridor(grouped, settings, groups=True, within=within):
                links.extend((c.row, train.kept.row, how) for c, how in train.linked)
    return _whole_groups(shipments, links) if links else links


def retold_groups(shipments: pd.DataFrame, relays: pd.DataFrame) -> set[tuple[str | None, str]]:
    """Return the groups whose every train is a relay: ``(report, group id)`` each.

    Such a group retells another report's group (:func:`retold_group`); dropping it
    with its trains keeps the group's total from being counted once per outlet.

    Parameters
    ----------
    shipments
        The shipment table :func:`relay_links` read (``id``, ``group``, ``report``).
    relays
        :func:`relay_links` of ``shipments``.

    Returns
    -------
    set of tuple
        ``(report or None, group id)`` of each group all of whose trains are in
        ``relays``; empty when there are no relays or no ``group`` column.

    Examples
    --------
    >>> ships = pd.DataFrame({"id": ["a-t1", "a-t2", "b-t1", "b-t2"],
    ...                       "group": ["a-g1", "a-g1", "b-g1", "b-g1"],
    ...                       "report": ["a", "a", "b", "b"]})
    >>> retold_groups(ships, pd.DataFrame({"id": ["b-t1", "b-t2"]}))
    {('b', 'b-g1')}
    """
    if not len(relays) or C.GROUP not in shipments.columns:
        return set()
    gone = set(relays[C.ID].astype(str))
    reports = (
        text_values(shipments[C.REPORT]).tolist()
        if C.REPORT in shipments.columns
        else [None] * len(shipments)
    )
    all_gone: dict[tuple[str | None, str], bool] = {}
    for record_id, group, report in zip(
        shipments[C.ID].astype(str), text_values(shipments[C.GROUP]).tolist(), reports, strict=True
    ):
        if group is not None:
            key = (None if report is None else str(report), str(group))
            all_gone[key] = all_gone.get(key, True) and record_id in gone
    return {key for key, is_gone in all_gone.items() if is_gone}


def _post_window(published: int | None, c: _Candidate, slack: int) -> list[Window]:
    """Return the windows a post's train is compared by: its own, else the post's days.

    A channel's post about a train tells of a movement of the day it is posted or the
    ``slack`` days before; a train its text leaves undated is compared by those days.
    """
    own = [w for w in (c.departure, c.arrival) if w is not None]
    if own or published is None:
        return own
    return [(published - slack, published)]


def _ends_fit(a: tuple[str | None, str | None], b: tuple[str | None, str | None]) -> bool:
    """Whether two trains' ends may be one train's: equal where both are told, one a station."""
    shared = False
    for x, y in zip(a, b, strict=True):
        if x is not None and y is not None:
            if x != y:
                return False
            shared = shared or x.startswith("id:")
    return shared


def _follow_ups(
    shipments: pd.DataFrame, gone: set[int], settings: Settings
) -> list[tuple[int, int, str]]:
    """Link a channel's posts that follow one train up (``matched_on`` ``follow-up``).

    One channel often tells a train in several posts: first seen ("38 flatcars at
    Zhlobin, heading for Gomel"), then arrived ("arrived in Gomel from Zhlobin
    overnight"), then a forwarded retelling without a date. Two trains of different
    Telegram posts of one channel (the channel their post links name, so a forwarded
    post counts as the forwarding channel's) are one when
    one of them leaves an end or its dates untold and nothing they say tells them
    apart: the ends they both give are the same (one a station), their car totals
    are both given and agree (passenger cars too), and their dates agree, a train
    its post leaves undated dated by the post's day and the ``relay_slack_days``
    before. The train that says most is kept; two trains that both give both ends
    and dates are left to the rule of :func:`relay_links`, unless one names the town
    of the other's station ("Брянск" beside "Брянск-Льговский", :func:`_town_as_station`),
    which that rule does not link.
    """
    table = shipments.reset_index(drop=True)
    urls = text_values(table[C.SOURCE_URL]).tolist()
    reports = text_values(table[C.REPORT]).tolist()
    cars = count_values(table[C.CARS_TOTAL])
    channel: dict[int, str] = {}
    for i, (url, report, n) in enumerate(zip(urls, reports, cars, strict=True)):
        found = _POST_LINK.match(url) if url is not None else None
        if found and report is not None and n is not None and i not in gone:
            channel[i] = found.group(1).casefold()
    by_channel: dict[str, list[int]] = {}
    for i, key in channel.items():
        by_channel.setdefault(key, []).append(i)
    rows = [i for members in by_channel.values() if len(members) > 1 for i in members]
    if not rows:
        return []
    part = table.iloc[rows]
    candidates = dict(
        zip(rows, _candidates(part, rows, settings.relay_max_window_days), strict=True)
    )
    ends = dict(
        zip(
            rows,
            zip(end_keys(part, "origin"), end_keys(part, "destination"), strict=True),
            strict=True,
        )
    )
    published = dict(zip(rows, day_ordinals(part[C.PUBLISHED]), strict=True))
    towns = dict(
        zip(
            rows,
            zip(
                text_values(part[C.DESTINATION]).tolist(),
                text_values(part[C.DESTINATION_STATION]).tolist(),
                strict=True,
            ),
            strict=True,
        )
    )
    out: list[tuple[int, int, str]] = []
    for members in by_channel.values():
        if len(members) < 2:
            continue
        # kept trains by (an end they tell, a day they are compared by)
        by_day: dict[tuple[str, int], list[int]] = {}
        for k in sorted(members, key=lambda k: candidates[k].rank):
            c = candidates[k]
            told = [e for e in ends[k] if e is not None]
            days = _follow_days(c, published[k], settings)
            near = sorted({j for e in told for d in days for j in by_day.get((e, d), ())})
            match = next(
                (
                    j
                    for j in near
                    if _follows(
                        c,
                        candidates[j],
                        (mine := _town_as_station(ends[k], ends[j], towns[k], towns[j])),
                        ends[j],
                        published[k],
                        published[j],
                        settings,
                        town_read=mine != ends[k],
                    )
                ),
                None,
            )
            if match is None:
                for window in _post_window(published[k], c, settings.relay_slack_days):
                    for day in range(window[0], window[1] + 1):
                        for e in told:
                            by_day.setdefault((e, day), []).append(k)
            else:
                out.append((k, match, "follow-up"))
    return out


def _town_as_station(
    mine: tuple[str | None, str | None],
    theirs: tuple[str | None, str | None],
    my_names: tuple[str | None, str | None],
    their_names: tuple[str | None, str | None],
) -> tuple[str | None, str | None]:
    """Return a post's ends with a town for its destination read as the other's station.

    One channel tells a train arrived at "Брянск-Льговский" in its post and at "Брянск"
    in its day's digest (trial18b T10): a destination station named as the other's town
    and a word more ("Bryansk-Lgovsky" beside "Bryansk") is that town's station, so the
    two posts' ends are one train's when the rest agrees (:func:`_follows` still checks
    the origin, the cars and the days). Each destination is compared by its name as
    told and by its station's name: a town resolved to its nearest station (on ru-rail,
    "Брянск" to Брянск-Орловский) is still the town its report named.

    Parameters
    ----------
    mine, theirs : tuple of (str or None, str or None)
        The two trains' (origin, destination) keys.
    my_names, their_names : tuple of (str or None, str or None)
        Each train's destination as told and its destination station's name.

    Examples
    --------
    >>> _town_as_station(
    ...     ("id:A", "id:TOWN"), ("id:A", "id:ST"), ("Bryansk", None), (None, "Bryansk-Lgovsky")
    ... )
    ('id:A', 'id:ST')
    >>> _town_as_station(
    ...     ("id:A", "id:X"), ("id:A", "id:ST"), ("Orsha", "Orsha"), (None, "Bryansk-Lgovsky")
    ... )
    ('id:A', 'id:X')
    """
    if mine[1] is None or theirs[1] is None or mine[1] == theirs[1]:
        return mine
    for my_name in my_names:
        for their_name in their_names:
            if _names_town_and_station(my_name, their_name):
                return mine[0], theirs[1]
    return mine


def _names_town_and_station(a: str | None, b: str | None) -> bool:
    """Tell whether one name is the other's town and a word more ("Брянск", "Брянск-Льговский")."""
    if not a or not b:
        return False
    a, b = a.casefold(), b.casefold()
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return long.startswith(short) and long[len(short) : len(short) + 1] in ("-", " ")


def _follow_days(c: _Candidate, published: int | None, settings: Settings) -> set[int]:
    """Return the days whose kept trains a post's train may follow up (a look-up's keys)."""
    slack, transit = settings.relay_slack_days, settings.relay_max_transit_days
    days: set[int] = set()
    for lo, hi in _post_window(published, c, slack):
        days.update(range(lo - slack - transit, hi + slack + transit + 1))
    return days


_POST_LINK = re.compile(r"^https?://t\.me/(c/\d+|[A-Za-z0-9_]+)/\d+", re.IGNORECASE)


def end_keys(table: pd.DataFrame, end: str) -> list[str | None]:
    """Return one end's key per row: its station id, else its region, else its name.

    Parameters
    ----------
    table
        The shipments table (``<end>``, ``<end>_station_id``, ``<end>_region``).
    end
        ``"origin"`` or ``"destination"``.

    Returns
    -------
    list of str or None
        ``"id:<station id>"``, ``"region:<region>"`` or ``"text:<letters>"`` (the
        name as written, letters and digits only, case folded); None when untold.

    Examples
    --------
    >>> table = pd.DataFrame({"origin": ["Orsha", "Belarus", "Slonim-2", None],
    ...                       "origin_station_id": ["BY-ORSHA", None, None, None],
    ...                       "origin_region": [None, "BY", None, None]})
    >>> end_keys(table, "origin")
    ['id:BY-ORSHA', 'region:BY', 'text:slonim2', None]
    """
    sid, region = text_values(table[f"{end}_station_id"]), text_values(table[f"{end}_region"])
    # A national table repeats its place names: each distinct name is reduced once.
    letters: dict[str, str] = {}
    said = [
        (letters.get(t) or letters.setdefault(t, _letters(t))) if isinstance(t, str) else ""
        for t in text_values(table[end]).tolist()
    ]
    keys: list[str | None] = []
    for s, r, t in zip(sid.tolist(), region.tolist(), said, strict=True):
        if s is not None:
            keys.append(f"id:{s}")
        elif r is not None:
            keys.append(f"region:{r}")
        else:
            keys.append(f"text:{t}" if t else None)
    return keys


def _follows(
    c: _Candidate,
    kept: _Candidate,
    c_ends: tuple[str | None, str | None],
    kept_ends: tuple[str | None, str | None],
    c_published: int | None,
    kept_published: int | None,
    settings: Settings,
    *,
    town_read: bool = False,
) -> bool:
    """Whether ``c``, a post of the channel ``kept`` was posted in, follows that train up.

    ``town_read``: ``c_ends`` name the other's station for a town
    (:func:`_town_as_station`), which the rule of :func:`relay_links` does not.
    """
    if c.report_key == kept.report_key or c.grouped or kept.grouped:
        return False
    if _told_as_later(c, kept):
        return False
    told = all(e is not None for e in (*c_ends, *kept_ends))
    dated = (c.departure or c.arrival) is not None and (kept.departure or kept.arrival) is not None
    if told and dated and not town_read:
        return False  # both told in full: the rule of relay_links decides
    if not _ends_fit(c_ends, kept_ends):
        return False
    tolerance, slack = settings.relay_cars_tolerance, settings.relay_slack_days
    if not _cars_agree(c, kept, tolerance):
        return False
    if dated:
        return _dates_agree(c, kept, settings) is not None
    mine = _post_window(c_published, c, slack)
    theirs = _post_window(kept_published, kept, slack)
    # two undated posts: their days must meet; a dated train may be a day off the post's
    if (
        c.departure is None
        and c.arrival is None
        and kept.departure is None
        and kept.arrival is None
    ):
        slack = 0
    return any(_overlap(a, b, slack) for a in mine for b in theirs)


_PLAN_CLAIMS = ("planned", "expected")


def _inside_plan(plan: _Candidate, told: _Candidate, transit: int) -> bool:
    """Whether a moving train's dates lie inside a plan's window (no slack).

    An arrival inside its arrival window, a departure inside its departure window, or
    an arrival at most ``transit`` days after its departure window (a departure at
    most that many days before its arrival window); two windows of one kind that do
    not meet tell the trains apart.
    """
    pairs = ((plan.arrival, told.arrival), (plan.departure, told.departure))
    if any(a and b and not _overlap(a, b, 0) for a, b in pairs):
        return False
    if any(a and b for a, b in pairs):
        return True
    dep, arr = plan.departure, told.arrival
    if dep and arr and arr[1] >= dep[0] and arr[0] <= dep[1] + transit:
        return True
    arr, dep = plan.arrival, told.departure
    return bool(arr and dep and dep[0] <= arr[1] and dep[1] >= arr[0] - transit)


def _plan_fits(plan: _Candidate, told: _Candidate, settings: Settings) -> bool:
    """Whether a moving train's car counts and dates fit a plan's (not its ends)."""
    tolerance = settings.relay_cars_tolerance
    return _cars_agree(plan, told, tolerance) and _inside_plan(
        plan, told, settings.relay_max_transit_days
    )


@dataclass(frozen=True)
class _Origin:
    """An origin as told: a station id, a region key, the name as written (all optional)."""

    station: str | None
    region: str | None
    text: str | None

    @property
    def told(self) -> bool:
        return bool(self.station or self.region or self.text)


def _origin_fits(
    plan: _Origin, told: _Origin, region_stations: Callable[[str], frozenset[str]] | None
) -> bool:
    """Whether a moving train's origin may be the one a plan announced.

    Either untold fits; a plan's station must be the same station; a plan's region
    ("Russia") takes the same region or a station that lies in it; a name neither
    resolved must be written alike.

    Examples
    --------
    >>> russia = _Origin(None, "Russia", "России")
    >>> bryansk = _Origin("RU-BRYANSK", None, "Брянска")
    >>> _origin_fits(russia, bryansk, lambda key: frozenset({"RU-BRYANSK"}))
    True
    >>> _origin_fits(russia, _Origin("BY-ORSHA", None, "Орши"), lambda key: frozenset())
    False
    >>> _origin_fits(russia, _Origin(None, None, None), None)
    True
    """
    if not plan.told or not told.told:
        return True
    if plan.station is not None:
        return told.station == plan.station
    if plan.region is not None:
        if told.region == plan.region:
            return True
        return (
            told.station is not None
            and region_stations is not None
            and told.station in region_stations(plan.region)
        )
    return (
        told.station is None and told.region is None and _letters(plan.text) == _letters(told.text)
    )


def _origins(table: pd.DataFrame) -> list[_Origin]:
    """Return each row's origin as told (:class:`_Origin`)."""
    return [
        _Origin(station, region, text)
        for station, region, text in zip(
            text_values(table["origin_station_id"]).tolist(),
            text_values(table["origin_region"]).tolist(),
            text_values(table["origin"]).tolist(),
            strict=True,
        )
    ]


def _plans_and_told(
    claims: list[object], dests: list[str | None], gone: set[int]
) -> tuple[list[int], list[int]]:
    """Return the rows of plans to a station, and of moving trains to a station a plan names."""
    plans = [
        i
        for i, (claim, dest) in enumerate(zip(claims, dests, strict=True))
        if claim in _PLAN_CLAIMS and i not in gone and dest is not None and dest.startswith("id:")
    ]
    wanted = {dests[i] for i in plans}
    told = [
        j
        for j, (claim, dest) in enumerate(zip(claims, dests, strict=True))
        if claim not in _PLAN_CLAIMS and j not in gone and dest in wanted
    ]
    return plans, told


def _plan_links(
    shipments: pd.DataFrame,
    gone: set[int],
    settings: Settings,
    region_stations: Callable[[str], Collection[str]] | None = None,
) -> list[tuple[int, int, str]]:
    """Link each planned or expected train to the train told as moving that it announced.

    The rule of the module notes (``plan``): the same destination station, the
    moving train published no earlier, of another report, dated inside the plan's
    window (:func:`_inside_plan`), car counts that agree and an origin that fits
    (:func:`_origin_fits`). Of several moving trains that fit, the earliest dated is
    taken; one moving train takes at most one train of each plan report. Plans are
    matched in the order they were published.
    """
    if C.CLAIM not in shipments.columns:
        return []
    table = shipments.reset_index(drop=True)
    dests = end_keys(table, "destination")
    plans, told = _plans_and_told(table[C.CLAIM].tolist(), dests, gone)
    if not plans or not told:
        return []
    rows = sorted({*plans, *told})
    part = table.iloc[rows]
    candidates = dict(
        zip(rows, _candidates(part, rows, settings.relay_max_window_days), strict=True)
    )
    origins = dict(zip(rows, _origins(part), strict=True))
    published = dict(zip(rows, day_ordinals(part[C.PUBLISHED]), strict=True))
    ids = dict(zip(rows, part[C.ID].astype(str).tolist(), strict=True))
    members: dict[str, frozenset[str]] = {}

    def within(key: str) -> frozenset[str]:
        if key not in members:
            members[key] = frozenset(region_stations(key)) if region_stations else frozenset()
        return members[key]

    def fits(i: int, j: int) -> bool:
        plan, other = candidates[i], candidates[j]
        return (
            dests[j] == dests[i]
            and other.report_key != plan.report_key
            and (published[j] or 0) >= (published[i] or 0)
            and _plan_fits(plan, other, settings)
            and _origin_fits(origins[i], origins[j], within if region_stations else None)
        )

    def first_day(j: int) -> tuple[int, int, str]:
        other = candidates[j]
        first = min(w[0] for w in (other.departure, other.arrival) if w is not None)
        return first, published[j] or 0, ids[j]

    # The rule is tested only on the moving trains it may link (same destination,
    # published no earlier, dated near the plan): each pair was tested before.
    near = ToldIndex(
        told,
        [dests[j] for j in told],
        [published[j] for j in told],
        [(candidates[j].departure, candidates[j].arrival) for j in told],
    )
    transit = settings.relay_max_transit_days
    taken: dict[int, set[tuple[str, ...]]] = {}
    out: list[tuple[int, int, str]] = []
    for i in sorted(plans, key=lambda r: (published[r] or 0, ids[r])):
        plan = candidates[i]
        if plan.departure is None and plan.arrival is None:
            continue  # an undated plan announces no one train
        maybe = near.near(
            dests[i],
            published=published[i],
            windows=(plan.departure, plan.arrival),
            transit=transit,
        )
        fitting = [j for j in maybe if plan.report_key not in taken.get(j, set()) and fits(i, j)]
        if fitting:
            j = min(fitting, key=first_day)
            out.append((i, j, "plan"))
            taken.setdefault(j, set()).add(plan.report_key)
    return out


def _cached_regions(region_stations: Within | None) -> Within | None:
    """Return ``region_stations`` asked once per region, its answers kept as sets."""
    if region_stations is None:
        return None
    members: dict[str, frozenset[str]] = {}

    def within(key: str) -> frozenset[str]:
        if key not in members:
            members[key] = frozenset(region_stations(key))
        return members[key]

    return within


def relay_links(
    shipments: pd.DataFrame,
    settings: Settings | None = None,
    *,
    sightings: pd.DataFrame | None = None,
    region_stations: Callable[[str], Collection[str]] | None = None,
    on_the_way: OnTheWay | None = None,
) -> pd.DataFrame:
    """Return the shipments that retell another report's train, and the train each tells.

    Parameters
    ----------
    shipments
        One row per shipment, resolved (:meth:`railtrack.io.ReportSet.to_frame`
        columns; ends compared by station id).
    settings
        ``relay_max_window_days``, ``relay_slack_days``, ``relay_max_transit_days``
        (days) and ``relay_cars_tolerance`` (a share); defaults when None.
    sightings
        The sightings table (:meth:`railtrack.io.ReportSet.sightings_frame`:
        ``shipment``, ``station_id``, ``seen_at``); a train told only as seen on its
        way (no origin) is linked by its sightings (see the notes above). None: by
        ends only.
    region_stations
        A region key ("Russia") -> the station ids it covers (e.g.
        ``network.gazetteer.region_stations``): a plan from a region is linked to a
        moving train from one of them. None: only to a train from the same region or
        from an untold origin.

    Returns
    -------
    pandas.DataFrame
        One row per shipment to drop, columns :data:`RELAY_COLUMNS`, in the order of
        ``shipments``; ``train`` is the id of the shipment kept for it. Empty when no
        two reports tell one train.

    Examples
    --------
    >>> import pandas as pd
    >>> from railtrack import data_path, load_network, load_reports
    >>> ships = load_reports(data_path("reports")).resolve(load_network()).to_frame()
    >>> relay = ships.iloc[[0]].assign(id="relay-t1", report="relay", relayed_by="Onet")
    >>> links = relay_links(pd.concat([ships, relay], ignore_index=True))
    >>> links[["id", "train", "matched_on"]].to_dict("records")
    [{'id': 'relay-t1', 'train': 'lb-2022-12-14-t1', 'matched_on': 'departure'}]
    """
    settings = settings or DEFAULT_SETTINGS
    within = _cached_regions(region_stations)
    moments = _clock_moments(shipments, sightings)  # trains timed at a station
    corridors = list(_corridors(shipments, settings))
    dropped = _group_links(shipments, corridors, settings, within)
    gone = {row for row, _, _ in dropped}
    for candidates in corridors:
        rest = [c for c in candidates if c.row not in gone] if gone else candidates
        for train in _link_corridor(rest, settings, within=within):
            told = [(c.row, train.kept.row, how) for c, how in train.linked]
            dropped.extend(_timed_apart(told, moments, settings))
    if len(shipments):  # a train its report leaves undated, by the report's day (trial20 T1)
        dropped.extend(_undated_links(shipments, {r for r, _, _ in dropped}, settings, within))
    if len(shipments):  # a report correcting a count, by its old count (trial15 T13)
        dropped.extend(correction_links(shipments, dropped, settings, sightings=sightings))
    if sightings is not None and len(sightings) and len(shipments):
        gone = {row for row, _, _ in dropped}
        seen = _seen_links(shipments, sightings, gone, settings, within)
        dropped.extend(_timed_apart(seen, moments, settings))
    if len(shipments):
        gone = {row for row, _, _ in dropped}
        told = _station_links(shipments, sightings, gone, settings)
        dropped.extend(_timed_apart(told, moments, settings))
    if len(shipments):
        dropped.extend(_follow_ups(shipments, {row for row, _, _ in dropped}, settings))
        gone, keep = {row for row, _, _ in dropped}, {kept for _, kept, _ in dropped}
        dropped.extend(
            onward_links(
                shipments, gone, settings, sightings=sightings, on_the_way=on_the_way, keep=keep
            )
        )
        dropped = _repointed(dropped)
        gone = {row for row, _, _ in dropped}
        dropped.extend(_plan_links(shipments, gone, settings, region_stations))
    if not dropped:
        return pd.DataFrame({name: pd.Series(dtype=object) for name in RELAY_COLUMNS})
    dropped.sort()
    rows = [row for row, _, _ in dropped]
    said = [C.ID, C.REPORT, C.SOURCE, C.RELAYED_BY, C.SOURCE_URL, C.RELIABILITY]
    out = shipments.iloc[rows][said]
    ids = shipments[C.ID].to_numpy()
    out = out.assign(  # kept -1: a correction that is no train (recounts.correction_links)
        train=[ids[kept] if kept >= 0 else "" for _, kept, _ in dropped],
        published=shipments[C.PUBLISHED].iloc[rows].to_numpy(),
        source_file=shipments[C.SOURCE_FILE].iloc[rows].to_numpy(),
        matched_on=[how for _, _, how in dropped],
    )
    return out[list(RELAY_COLUMNS)].reset_index(drop=True)


def _clock_moments(
    shipments: pd.DataFrame, sightings: pd.DataFrame | None
) -> dict[int, list[tuple[str, float]]]:
    """Return each shipment's timed sightings: (station id, hours since the epoch).

    Only sightings told to the minute (``precision`` ``datetime``) count; rows are
    positions in ``shipments``.
    """
    needed = {C.SHIPMENT, C.STATION_ID, C.SEEN_AT, "precision"}
    if sightings is None or not len(sightings) or not needed <= set(sightings.columns):
        return {}
    timed = sightings[sightings["precision"].astype(str) == "datetime"]
    if not len(timed):
        return {}
    where = {str(v): n for n, v in enumerate(shipments[C.ID].astype(str))}
    moments = pd.to_datetime(timed[C.SEEN_AT], errors="coerce", utc=True, format="ISO8601")
    out: dict[int, list[tuple[str, float]]] = {}
    for shipment, station, moment in zip(
        timed[C.SHIPMENT].astype(str), text_values(timed[C.STATION_ID]), moments, strict=True
    ):
        if station is None or pd.isna(moment) or shipment not in where:
            continue
        out.setdefault(where[shipment], []).append((str(station), moment.timestamp() / 3600))
    return out


def _clocks_apart(
    a: list[tuple[str, float]] | None, b: list[tuple[str, float]] | None, hours: float
) -> bool:
    """Whether two trains were timed at one station hours apart, and never close there.

    "Сёння а 01:20 праз станцыю Асіповічы ..." and "Сёння а 06:40 праз станцыю
    Асіповічы ..." are two trains (trial17b T1), whatever their counts and days say.

    Examples
    --------
    >>> _clocks_apart([("BY-OSIPOVICHI", 1.3)], [("BY-OSIPOVICHI", 6.7)], 3.0)
    True
    >>> _clocks_apart([("BY-OSIPOVICHI", 1.3)], [("BY-OSIPOVICHI", 2.0)], 3.0)
    False
    >>> _clocks_apart([("BY-ORSHA", 1.3)], [("BY-OSIPOVICHI", 6.7)], 3.0)
    False
    """
    if not a or not b:
        return False
    gaps = [abs(x - y) for s, x in a for t, y in b if s == t]
    return bool(gaps) and min(gaps) > hours


def _timed_apart(
    links: list[tuple[int, int, str]],
    moments: dict[int, list[tuple[str, float]]],
    settings: Settings,
) -> list[tuple[int, int, str]]:
    """Return the links whose two trains were not timed hours apart at one station."""
    if not moments:
        return links
    hours = settings.relay_max_clock_hours
    return [
        (row, kept, how)
        for row, kept, how in links
        if not _clocks_apart(moments.get(row), moments.get(kept), hours)
    ]


def n_relayed(relays: pd.DataFrame) -> int:
    """Return how many links tell a kept train (a correction that is no train is not one).

    Parameters
    ----------
    relays : pandas.DataFrame
        :func:`relay_links` output (``id`` and, usually, ``train``).

    Returns
    -------
    int
        Rows whose ``train`` is not empty; every row when there is no ``train`` column.

    Examples
    --------
    >>> n_relayed(pd.DataFrame({"id": ["b-t1", "c-t1"], "train": ["a-t1", ""]}))
    1
    """
    if not len(relays) or "train" not in relays.columns:
        return len(relays)
    return int(relays["train"].astype(str).ne("").sum())


def _repointed(dropped: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Return the links with each one whose kept train was dropped since moved to its train.

    An onward link may drop a relay another link kept, for the channel's own post
    (:mod:`railtrack.onward`): the relay's linked reports then tell that post's train.

    Examples
    --------
    >>> _repointed([(1, 2, "arrival"), (2, 0, "onward")])
    [(1, 0, 'arrival'), (2, 0, 'onward')]
    """
    to = {row: kept for row, kept, _ in dropped}
    out = []
    for row, kept, how in dropped:
        seen = {row}
        while kept in to and kept not in seen:
            seen.add(kept)
            kept = to[kept]
        out.append((row, kept, how))
    return out


def without_relays(
    shipments: pd.DataFrame, sightings: pd.DataFrame, relays: pd.DataFrame
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return the shipments without the relays, and sightings moved to the kept trains.

    Parameters
    ----------
    shipments, sightings
        Shipment and sighting tables (:meth:`railtrack.io.ReportSet.to_frame`,
        :meth:`~railtrack.io.ReportSet.sightings_frame`).
    relays
        :func:`relay_links` of ``shipments``.

    Returns
    -------
    tuple of (pandas.DataFrame, pandas.DataFrame)
        The shipments whose id is not in ``relays`` (index reset; a kept train whose
        total is a lower bound takes a linked report's count, :func:`merged_counts`,
        and the facts it leaves untold from its linked reports,
        :func:`railtrack.relay_facts.linked_fills`),
        and the sightings with ``shipment`` set to the kept train where it named a
        dropped one.

    Examples
    --------
    >>> import pandas as pd
    >>> ships = pd.DataFrame({"id": ["a-t1", "b-t1"]})
    >>> seen = pd.DataFrame({"id": ["s1"], "shipment": ["b-t1"]})
    >>> relays = pd.DataFrame({"id": ["b-t1"], "train": ["a-t1"]})
    >>> kept, moved = without_relays(ships, seen, relays)
    >>> kept["id"].tolist(), moved["shipment"].tolist()
    (['a-t1'], ['a-t1'])
    """
    if not len(relays):
        return shipments, sightings
    to_kept = dict(zip(relays[C.ID], relays["train"], strict=True))
    merged = merged_counts(shipments, relays)
    fills = linked_fills(shipments, relays)
    kept = shipments[~shipments[C.ID].isin(to_kept)].reset_index(drop=True)
    kept = with_fills(with_merged_counts(kept, merged), fills)
    if len(sightings) and C.SHIPMENT in sightings.columns:
        named = sightings[C.SHIPMENT]
        sightings = sightings.assign(**{C.SHIPMENT: named.map(to_kept).fillna(named)})
        sightings = sightings[sightings[C.SHIPMENT].ne("").fillna(True)]  # of no train
        sightings = sightings.reset_index(drop=True)
    return kept, sightings


def drop_relays(reports: ReportSet, relays: pd.DataFrame) -> ReportSet:
    """Return the reports without the relayed shipments, sightings moved to kept trains.

    The record-level twin of :func:`without_relays`, for code that reads the
    :class:`~railtrack.io.ReportSet` (evidence, quotes, status records).

    Parameters
    ----------
    reports
        The resolved reports.
    relays
        :func:`relay_links` of ``reports.to_frame()``.

    Returns
    -------
    ReportSet
        ``reports`` itself when nothing was linked; else a copy without the dropped
        shipments and without the groups all of whose trains were dropped (a group
        that retells another report's group, :func:`retold_group`); a kept record
        takes the facts it leaves untold from its linked reports
        (:func:`railtrack.relay_facts.with_linked_facts`), and a fact they tell
        otherwise (origin, destination, a car kind's count) is a problem added to the
        problems; files, skips and posts unchanged.

    Examples
    --------
    >>> from railtrack.models import Shipment, Sighting, Place, Source
    >>> from datetime import datetime
    >>> src = Source(reporter="Hajun")
    >>> reports = ReportSet(
    ...     shipments=[Shipment(id="a-t1", source=src), Shipment(id="b-t1", source=src)],
    ...     sightings=[Sighting(id="s1", shipment="b-t1", station=Place(text="Orsha"),
    ...                         seen_at=datetime(2023, 3, 8, 10), source=src)])
    >>> kept = drop_relays(reports, pd.DataFrame({"id": ["b-t1"], "train": ["a-t1"]}))
    >>> [s.id for s in kept.shipments], kept.sightings[0].shipment
    (['a-t1'], 'a-t1')
    """
    if not len(relays):
        return reports
    to_kept = dict(zip(relays[C.ID].astype(str), relays["train"].astype(str), strict=True))
    told: dict[str, list[tuple[int, bool]]] = {}
    for s in reports.shipments:
        if s.id in to_kept and s.cars.least is not None:  # ("up to 50" says no fewest)
            told.setdefault(to_kept[s.id], []).append((s.cars.least, s.cars.at_least))
    linked: dict[str, list[Shipment]] = {}
    for s in reports.shipments:
        if s.id in to_kept:
            linked.setdefault(to_kept[s.id], []).append(s)
    out = reports._empty_copy()
    out.shipments = []
    for s in reports.shipments:
        if s.id in to_kept:
            continue
        kept, argued = with_linked_facts(
            with_told_counts(s, told.get(s.id, [])), linked.get(s.id, [])
        )
        out.shipments.append(kept)
        out.problems.extend(_disagreement_problem(d, reports.file_of(s)) for d in argued)
    if any(kept == "" for kept in to_kept.values()):  # corrections that are no train
        nothing = reports._empty_copy()
        nothing.shipments = [s for s in reports.shipments if to_kept.get(s.id) == ""]
        out.problems.extend(unmatched_correction_problems(nothing.to_frame(), relays))
    retold = _retold(reports, to_kept)
    out.groups = [g for g in reports.groups if (g.report, g.id) not in retold]
    out.sightings = [
        s.model_copy(update={"shipment": to_kept[s.shipment]})
        if s.shipment is not None and s.shipment in to_kept
        else s
        for s in reports.sightings
        if not s.shipment or to_kept.get(s.shipment) != ""  # a correction that is no train
    ]
    return out


def _disagreement_problem(d: Disagreement, path: str | None) -> Problem:
    """Return a fact two reports of one train tell differently as an input problem."""
    return Problem(path or "", None, d.fact, d.message(), unit="shipment")


def disagreement_problems(shipments: pd.DataFrame, relays: pd.DataFrame) -> list[Problem]:
    """Return the facts linked reports tell otherwise than their kept train, as problems.

    The table twin of the problems :func:`drop_relays` adds (the Dask engine's path):
    one per :func:`railtrack.relay_facts.fact_disagreements`, in the kept train's file.

    Parameters
    ----------
    shipments : pandas.DataFrame
        The shipment table (``id``, ``source_file`` and the compared fact columns).
    relays : pandas.DataFrame
        :func:`relay_links` of ``shipments`` (``id`` of the relay, ``train`` kept).

    Returns
    -------
    list of railtrack.models.Problem
        One per disagreeing fact, then the corrections that matched no train.

    Examples
    --------
    >>> ships = pd.DataFrame({"id": ["c-t1", "a-t1"], "cars_total": [48, 48],
    ...     "cars_passenger": [2, 3], "source_file": ["c.txt", "a.txt"]})
    >>> [p.field for p in disagreement_problems(
    ...     ships, pd.DataFrame({"id": ["a-t1"], "train": ["c-t1"]}))]
    ['cars_passenger']
    """
    argued = fact_disagreements(shipments, relays)
    unmatched = unmatched_correction_problems(shipments, relays)
    if not argued:
        return unmatched
    files = dict(zip(shipments[C.ID].astype(str), shipments[C.SOURCE_FILE], strict=True))
    return [_disagreement_problem(d, _file_text(files.get(d.train))) for d in argued] + unmatched


def _file_text(value: object) -> str | None:
    return None if value is None or pd.isna(value) else str(value)  # type: ignore[call-overload]


def _retold(reports: ReportSet, to_kept: dict[str, str]) -> set[tuple[str | None, str]]:
    """Return ``(report, group id)`` of the groups whose every train is dropped as a relay."""
    all_gone: dict[tuple[str | None, str], bool] = {}
    for s in reports.shipments:
        if s.group is not None:
            key = (s.report, s.group)
            all_gone[key] = all_gone.get(key, True) and s.id in to_kept
    return {key for key, gone in all_gone.items() if gone}


def _raised(kept: tuple[int | None, bool], told: list[tuple[int, bool]]) -> tuple[int, bool] | None:
    """Return the count a lower-bound total takes from its relays' counts, else None.

    An exact count no smaller than the bound wins (the largest such, if several);
    else the largest bound above it.
    """
    total, at_least = kept
    if not at_least or total is None:
        return None
    exact = [n for n, bound in told if not bound and n >= total]
    if exact:
        return max(exact), False
    higher = [n for n, _ in told if n > total]
    return (max(higher), True) if higher else None


def merged_counts(shipments: pd.DataFrame, relays: pd.DataFrame) -> dict[str, tuple[int, bool]]:
    """Return the kept trains whose lower-bound car total a linked report's count raises.

    Two reports of one train, "at least 30 cars" and "42 cars", are one train of 42
    cars: the kept train takes the linked exact count, or a higher bound.

    Parameters
    ----------
    shipments
        The shipment table :func:`relay_links` read (kept and dropped rows alike);
        ``cars_total`` and, when present, ``cars_at_least``.
    relays
        :func:`relay_links` of ``shipments``.

    Returns
    -------
    dict
        Kept train id -> (its new ``cars_total``, whether that is still a lower bound).

    Examples
    --------
    >>> ships = pd.DataFrame({"id": ["a-t1", "b-t1"], "cars_total": [30, 42],
    ...                       "cars_at_least": [True, False]})
    >>> merged_counts(ships, pd.DataFrame({"id": ["b-t1"], "train": ["a-t1"]}))
    {'a-t1': (42, False)}
    """
    if not len(relays) or C.CARS_AT_LEAST not in shipments.columns:
        return {}
    # a linked post correcting the count wins (trial13 T4; extract.corrections)
    fixed = corrected_totals(shipments, relays)
    ids = shipments[C.ID].astype(str).tolist()
    totals = shipments[C.CARS_TOTAL]
    if C.CARS_AT_MOST in shipments.columns:  # an upper bound alone says no fewest cars
        upper = shipments[C.CARS_AT_MOST].astype("boolean").fillna(False).to_numpy(bool)
        totals = totals.mask(upper & ~np.asarray(_bounds(shipments), dtype=bool))
    said = zip(count_values(totals), _bounds(shipments), strict=True)
    counts = dict(zip(ids, said, strict=True))
    told: dict[str, list[tuple[int, bool]]] = {}
    for dropped, train in zip(relays[C.ID].astype(str), relays["train"].astype(str), strict=True):
        n, bound = counts.get(dropped, (None, False))
        if n is not None:
            told.setdefault(train, []).append((n, bound))
    out = {}
    for train, heard in told.items():
        raised = _raised(counts.get(train, (None, False)), heard)
        if raised is not None:
            out[train] = raised
    return {**out, **fixed}


def with_merged_counts(
    shipments: pd.DataFrame, merged: dict[str, tuple[int, bool]]
) -> pd.DataFrame:
    """Return the shipments with :func:`merged_counts` applied (a copy when any applies).

    Parameters
    ----------
    shipments : pandas.DataFrame
        The shipment table (``id``, ``cars_total``, ``cars_at_least`` and optionally
        ``cars_at_most``, ``cars_total_max``).
    merged : dict
        ``id -> (cars_total, at_least)`` of :func:`merged_counts`, in cars.

    Returns
    -------
    pandas.DataFrame
        ``shipments`` itself when no id is in ``merged``; else a copy with those
        rows' counts replaced (``cars_at_most`` False and ``cars_total_max`` NA there).

    Examples
    --------
    >>> ships = pd.DataFrame({"id": ["a-t1"], "cars_total": [30], "cars_at_least": [True]})
    >>> with_merged_counts(ships, {"a-t1": (42, False)})[["cars_total", "cars_at_least"]
    ...     ].to_dict("records")
    [{'cars_total': 42, 'cars_at_least': False}]
    """
    if not merged or not len(shipments):
        return shipments
    ids = shipments[C.ID].astype(str)
    hit = ids.isin(merged).to_numpy()
    if not hit.any():
        return shipments
    totals = shipments[C.CARS_TOTAL].astype("Int64").tolist()
    bounds = shipments[C.CARS_AT_LEAST].astype("boolean").tolist()
    for i in np.flatnonzero(hit).tolist():
        totals[i], bounds[i] = merged[ids.iloc[i]]
    out = shipments.copy()
    out[C.CARS_TOTAL] = pd.array(totals, dtype="Int64")
    out[C.CARS_AT_LEAST] = pd.array(bounds, dtype="boolean")
    # the count that says more replaces the bound, a range's high end with it
    if C.CARS_AT_MOST in out.columns:
        out[C.CARS_AT_MOST] = out[C.CARS_AT_MOST].astype("boolean").mask(hit, False)
    if C.CARS_TOTAL_MAX in out.columns:
        out[C.CARS_TOTAL_MAX] = out[C.CARS_TOTAL_MAX].astype("Int64").mask(hit)
    return out


def with_told_counts(shipment: Shipment, told: list[tuple[int, bool]]) -> Shipment:
    """Return the kept record of a train with the count its other reports say more by.

    The record-level twin of :func:`merged_counts`: a total given as a lower bound
    takes an exact count no smaller (or a higher bound) of the same train's other
    reports; the record itself when none raises it.

    Parameters
    ----------
    shipment
        The record kept for the train.
    told
        The car totals of the train's other reports: ``(total, at_least)`` each.

    Returns
    -------
    railtrack.models.Shipment
        A copy with the raised count (cars), or ``shipment`` itself.

    Examples
    --------
    >>> from railtrack.models import CarCounts, Source
    >>> kept = Shipment(id="a", source=Source(reporter="x"),
    ...                 cars=CarCounts(total=30, at_least=True))
    >>> with_told_counts(kept, [(42, False)]).cars.total
    42
    >>> with_told_counts(kept, [(25, False)]) is kept
    True
    >>> ranged = kept.model_copy(update={"cars": CarCounts(total=30, total_max=35, at_least=True)})
    >>> told = with_told_counts(ranged, [(42, False)]).cars
    >>> told.total, told.at_most, told.total_max
    (42, False, None)
    """
    raised = _raised((shipment.cars.total, shipment.cars.at_least), told)
    if raised is None:
        return shipment
    total, at_least = raised
    # the count that says more replaces the bound, a range's high end with it
    update = {"total": total, "at_least": at_least, "at_most": False, "total_max": None}
    cars = shipment.cars.model_copy(update=update)
    return shipment.model_copy(update={"cars": cars})

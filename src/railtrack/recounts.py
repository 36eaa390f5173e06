"""A train's count told again: a correction or the teller's later post wins.

Channels correct themselves, in a post of their own ("Удакладненне: у эшалоне, які
ўчора прайшоў праз Жлобін, было 33 цыстэрны, а не 30.", "Sprostowanie: ... były 33
cysterny, a nie 30", "Correction: ... had 33 tank cars, not 30") or by posting the
train again with another count (an edited re-post, trial15 T13, S4). Read as they
are, the correction is a second train (its count no longer agrees with the first
post's) and the linked re-post loses to the first count. This module does two things:

- :func:`correction_links` links a report that corrects a count
  (:func:`railtrack.extract.corrections.count_corrections` notes it on the train) to
  the one train of another, no later report that carries the old count and that the
  correction names by a station (an end, a station passed, a sighting) on days that
  meet (``matched_on`` ``correction``); the train first told is kept;
- :func:`recount_of` picks, of a kept train's linked reports, the one whose counts
  replace the kept train's: a correction of a count the kept train carries, else the
  latest report of the kept report's own teller (same source and relaying outlet:
  published later, or the same day in a later post of the same Telegram channel) that
  counts otherwise. :mod:`railtrack.relay_facts` applies it and says so in a problem
  ("... which corrects it: cars_tank 33, not 30: 33 taken").
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

import pandas as pd

from railtrack import columns as C
from railtrack.extract.corrections import corrected_pair, corrects_earlier
from railtrack.models import CAR_TYPES

if TYPE_CHECKING:
    from railtrack.io import Problem
    from railtrack.settings import Settings

__all__ = [
    "NO_TRAIN",
    "RECOUNT_COLUMNS",
    "RECOUNT_CORRECTION",
    "SEVERAL_TRAINS",
    "blank_cell",
    "correction_links",
    "recount_of",
    "unmatched_correction_problems",
]

NO_TRAIN = "correction of no train"
"""``matched_on`` of a report that only corrects a count no train told before carries."""
SEVERAL_TRAINS = "correction of several trains"
"""``matched_on`` of a report that only corrects a count several trains carry."""

RECOUNT_CORRECTION = "a correction"
"""Why :func:`recount_of` takes a linked report's counts when it corrects one of them."""

RECOUNT_COLUMNS: tuple[str, ...] = (C.NOTE, C.SOURCE, C.RELAYED_BY, C.PUBLISHED, C.SOURCE_URL)
"""The shipment columns :func:`recount_of` reads besides the counts."""

_COUNTED = (C.CARS_TOTAL, *(f"cars_{kind}" for kind in CAR_TYPES))
_BOUNDS = (C.CARS_AT_LEAST, C.CARS_AT_MOST, C.CARS_ESTIMATED)
_POST = re.compile(r"^https?://t\.me/(c/\d+|[A-Za-z0-9_]+)/(\d+)", re.IGNORECASE)


def blank_cell(value: object) -> bool:
    """Return whether a frame cell says nothing: None, NA, NaN, NaT or empty text.

    Parameters
    ----------
    value : object
        A cell of a DataFrame.

    Returns
    -------
    bool
        True for None, ``pd.NA``, ``pd.NaT``, a float NaN or a string of only whitespace.

    Examples
    --------
    >>> blank_cell(float("nan")), blank_cell(" "), blank_cell(0)
    (True, True, False)
    """
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    if isinstance(value, float) and value != value:
        return True
    return isinstance(value, str) and not value.strip()


def _text(value: object) -> str:
    return "" if blank_cell(value) else str(value).strip().casefold()


def _count(row: Mapping[str, object], column: str) -> int | None:
    value = row.get(column)
    return None if blank_cell(value) else int(value)  # type: ignore[call-overload]


def _bounded(row: Mapping[str, object]) -> bool:
    return any(row.get(b) is True for b in _BOUNDS)


def _told_otherwise(kept: Mapping[str, object], row: Mapping[str, object]) -> list[str]:
    """Return the count columns both rows give, with different numbers."""
    out = []
    for column in _COUNTED:
        mine, theirs = _count(kept, column), _count(row, column)
        if mine is not None and theirs is not None and mine != theirs:
            out.append(column)
    return out


def _order(row: Mapping[str, object]) -> tuple[str, str, int]:
    """Return (published day, channel, post number) of a row: when its report was told."""
    published = "" if blank_cell(row.get(C.PUBLISHED)) else str(row.get(C.PUBLISHED))[:10]
    url = row.get(C.SOURCE_URL)
    post = _POST.match(url) if isinstance(url, str) else None
    return (published, post.group(1).casefold() if post else "", int(post.group(2)) if post else 0)


def _later(row: Mapping[str, object], kept: Mapping[str, object]) -> bool:
    """Whether ``row``'s report was told after ``kept``'s (a later day, or a later post)."""
    (day, channel, post), (kept_day, kept_channel, kept_post) = _order(row), _order(kept)
    if not day or not kept_day:
        return False
    if day != kept_day:
        return day > kept_day
    return bool(channel) and channel == kept_channel and post > kept_post


def _same_teller(a: Mapping[str, object], b: Mapping[str, object]) -> bool:
    return bool(_text(a.get(C.SOURCE))) and all(
        _text(a.get(c)) == _text(b.get(c)) for c in (C.SOURCE, C.RELAYED_BY)
    )


def recount_of(
    kept: Mapping[str, object], linked: Sequence[Mapping[str, object]]
) -> tuple[int, str] | None:
    """Return which linked report's counts replace the kept train's, and why.

    Parameters
    ----------
    kept
        The kept train's row (shipment-table columns: the counts and
        :data:`RECOUNT_COLUMNS`).
    linked
        Its linked reports' rows.

    Returns
    -------
    tuple of (int, str) or None
        The index into ``linked`` and ``"a correction"`` (its note corrects a count
        the kept train carries) or ``"a later report of its teller"``; None when no
        linked report counts otherwise, or none of them is a correction or the
        teller's later word. A count given as a bound never replaces an exact one.

    Examples
    --------
    >>> kept = {"id": "a-t1", "cars_total": 30, "cars_tank": 30, "source": "Hajun",
    ...         "published": "2023-05-15"}
    >>> later = {**kept, "id": "b-t1", "cars_total": 33, "cars_tank": 33,
    ...          "published": "2023-05-16"}
    >>> recount_of(kept, [later])
    (0, 'a later report of its teller')
    >>> recount_of(later, [kept]) is None  # an earlier post never replaces a later one
    True
    """
    best: int | None = None
    for i, row in enumerate(linked):
        otherwise = _told_otherwise(kept, row)
        if not otherwise or (_bounded(row) and not _bounded(kept)):
            continue
        fix = corrected_pair(row.get(C.NOTE))
        if fix is not None and any(_count(kept, c) == fix[1] for c in otherwise):
            return i, RECOUNT_CORRECTION
        later = _same_teller(kept, row) and _later(row, kept)
        if later and (best is None or _later(row, linked[best])):
            best = i
    return None if best is None else (best, "a later report of its teller")


def _places(table: pd.DataFrame, i: int, seen: Mapping[int, list[tuple[str, int]]]) -> set[str]:
    places = {str(station) for station, _ in seen.get(i, [])}
    for column in (f"{C.ORIGIN}_station_id", f"{C.DESTINATION}_station_id"):
        value = table[column].iat[i] if column in table.columns else None
        if not blank_cell(value):
            places.add(str(value))
    if C.VIA_STATION_IDS in table.columns and not blank_cell(
        via := table[C.VIA_STATION_IDS].iat[i]
    ):
        places.update(str(via).split("; "))
    return places


def _days(
    table: pd.DataFrame,
    i: int,
    seen: Mapping[int, list[tuple[str, int]]],
    published: list[int | None],
    widest: int,
) -> set[int]:
    """Return the days a row's train is told on (its sightings, dates, else its post's)."""
    from railtrack.relays import day_ordinals

    days = {day for _, day in seen.get(i, [])}
    for end in ("departure", "arrival"):
        lo, hi = (
            day_ordinals(table[f"{end}_earliest"].iloc[[i]]),
            day_ordinals(table[f"{end}_latest"].iloc[[i]]),
        )
        if lo[0] is not None and hi[0] is not None and hi[0] - lo[0] < widest:
            days.update(range(lo[0], hi[0] + 1))
    day = published[i]
    if not days and day is not None:
        days = {day - 1, day}  # an undated post: its day or the day before
    return days


def correction_links(
    shipments: pd.DataFrame,
    dropped: Sequence[tuple[int, int, str]],
    settings: Settings,
    *,
    sightings: pd.DataFrame | None = None,
) -> list[tuple[int, int, str]]:
    """Return (dropped row, kept row, ``"correction"``) for each correcting report's train.

    Parameters
    ----------
    shipments
        The shipments :func:`railtrack.relays.relay_links` reads, with ``note`` (a
        correction's note, :func:`railtrack.extract.corrections.corrected_pair`).
    dropped
        The links made so far (a train already dropped is reached through the train
        kept for it; a correcting train already dropped is left as linked).
    settings
        ``relay_slack_days`` (days) and ``relay_max_window_days``.
    sightings
        The sightings table (``shipment``, ``station_id``, ``seen_at``); None: the
        trains' ends and stations passed only.

    Returns
    -------
    list of (int, int, str)
        Positions in ``shipments``: the correcting train, the train it corrects (the
        one train of another report, published no later, that carries the old count
        and shares a station and a day with it, within ``relay_slack_days``; of
        several, those of the same source; still several, those of the same teller,
        source and relaying outlet: a channel correcting its own post, not a media
        relay of it, trial20 T10; still several: none). A report that only
        corrects (:func:`~railtrack.extract.corrections.corrects_earlier`: its train
        was told by the correction alone) and names no such train, or several, tells
        no train: its row comes with the kept row -1 and :data:`NO_TRAIN` or
        :data:`SEVERAL_TRAINS` (:func:`unmatched_correction_problems` says why).

    Examples
    --------
    >>> from railtrack.settings import DEFAULT_SETTINGS
    >>> ships = pd.DataFrame({"id": ["a-t1", "b-t1"], "report": ["a", "b"],
    ...     "source": ["Hajun", "Hajun"], "published": ["2023-05-15", "2023-05-16"],
    ...     "origin_station_id": [None, None], "destination_station_id": ["BY-GOMEL", None],
    ...     "via_station_ids": ["BY-ZHLOBIN", "BY-ZHLOBIN"],
    ...     "departure_earliest": [None, None], "departure_latest": [None, None],
    ...     "arrival_earliest": [None, None], "arrival_latest": [None, None],
    ...     "cars_total": [30, 33], "cars_tank": [30, 33],
    ...     "note": [None, "count corrected: 33, not 30 (33, а не 30)"]})
    >>> correction_links(ships, [], DEFAULT_SETTINGS)
    [(1, 0, 'correction')]
    """
    if C.NOTE not in shipments.columns or not len(shipments):
        return []
    table = shipments.reset_index(drop=True)
    fixes = {i: f for i, note in enumerate(table[C.NOTE].tolist()) if (f := corrected_pair(note))}
    gone = {row for row, _, _ in dropped}
    fixes = {i: f for i, f in fixes.items() if i not in gone}
    if not fixes:
        return []
    told = _Told(table, sightings, settings.relay_max_window_days)
    flagged = table[C.CORRECTS_ONLY].tolist() if C.CORRECTS_ONLY in table.columns else None
    kept_for = {row: kept for row, kept, _ in dropped}
    out: list[tuple[int, int, str]] = []
    for i, (_, old) in fixes.items():
        fits = [j for j in told.rows if j not in fixes and told.corrects(i, j, old, settings)]
        if len(fits) > 1:  # of several, those of the correction's own source
            fits = [j for j in fits if told.sources[j] == told.sources[i]]
        if len({kept_for.get(j, j) for j in fits}) > 1:  # still several: its own posts
            fits = [j for j in fits if told.tellers[j] == told.tellers[i]] or fits
        kept = {kept_for.get(j, j) for j in fits}
        if kept == {i}:  # the train it corrects is already kept as this one: never a self-link
            continue
        if len(kept) == 1:
            out.append((i, kept.pop(), "correction"))
        elif flagged is not None and corrects_earlier(flagged[i]):  # none named, none its own
            out.append((i, -1, SEVERAL_TRAINS if kept else NO_TRAIN))
    return out


def unmatched_correction_problems(shipments: pd.DataFrame, relays: pd.DataFrame) -> list[Problem]:
    """Return one problem per correcting report that names no train, or several.

    Parameters
    ----------
    shipments
        The shipment table :func:`railtrack.relays.relay_links` read (``id``,
        ``report``, ``note``, ``source_file``).
    relays
        Its relay links; the rows matched on :data:`NO_TRAIN` or
        :data:`SEVERAL_TRAINS` are the corrections that are no train.

    Returns
    -------
    list of Problem
        In the correcting report's file, field ``cars_total``: the report, its
        correction and why it is counted as no train.

    Examples
    --------
    >>> ships = pd.DataFrame({"id": ["b-t1"], "report": ["b"], "source_file": ["b.txt"],
    ...     "note": ["count corrected: 33, not 31 (33, а не 31) of an earlier report"],
    ...     "corrects_only": [True]})
    >>> relays = pd.DataFrame({"id": ["b-t1"], "matched_on": [NO_TRAIN]})
    >>> print(unmatched_correction_problems(ships, relays)[0].message)  # doctest: +ELLIPSIS
    report 'b' corrects a count (33, not 31), but no train of 31 cars was told before at...
    """
    from railtrack.io import Problem

    why = {
        NO_TRAIN: "no train of {old} cars was told before",
        SEVERAL_TRAINS: "several trains of {old} cars were told before",
    }
    if not len(relays) or "matched_on" not in relays.columns:
        return []
    unmatched = dict(zip(relays[C.ID].astype(str), relays["matched_on"], strict=True))
    unmatched = {k: v for k, v in unmatched.items() if v in why}
    if not unmatched:
        return []
    out = []
    for row in shipments[shipments[C.ID].astype(str).isin(unmatched)].to_dict("records"):
        pair = corrected_pair(row.get(C.NOTE))
        if pair is None:
            continue
        new, old = pair
        file = row.get(C.SOURCE_FILE)
        said = why[unmatched[str(row[C.ID])]].format(old=old)
        several = unmatched[str(row[C.ID])] == SEVERAL_TRAINS
        unclear = ", and which one it corrects is not clear" if several else ""
        message = (
            f"report '{row.get(C.REPORT)}' corrects a count ({new}, not {old}), but {said} "
            f"at the stations and on the days it names{unclear}: not counted as a train"
        )
        path = "" if blank_cell(file) else str(file)
        out.append(Problem(path, None, C.CARS_TOTAL, message, unit="shipment"))
    return out


class _Told:
    """What each row tells that a correction is compared by: counts, places, days."""

    def __init__(self, table: pd.DataFrame, sightings: pd.DataFrame | None, widest: int) -> None:
        from railtrack.relays import day_ordinals, seen_days

        self.table, self.widest = table, widest
        self.rows = list(range(len(table)))
        self.published = day_ordinals(table[C.PUBLISHED])
        self.reports = table[C.REPORT].astype(str).tolist()
        self.sources = (
            [_text(s) for s in table[C.SOURCE].tolist()]
            if C.SOURCE in table.columns
            else [""] * len(table)
        )
        relayed = (
            [_text(s) for s in table[C.RELAYED_BY].tolist()]
            if C.RELAYED_BY in table.columns
            else [""] * len(table)
        )
        self.tellers = list(zip(self.sources, relayed, strict=True))
        self.counts = [
            [None if blank_cell(v) else int(v) for v in table[c].tolist()]
            for c in _COUNTED
            if c in table.columns
        ]
        self.seen = seen_days(table, sightings, self.rows) if sightings is not None else {}

    def places(self, i: int) -> set[str]:
        return _places(self.table, i, self.seen)

    def days(self, i: int) -> set[int]:
        return _days(self.table, i, self.seen, self.published, self.widest)

    def corrects(self, i: int, j: int, old: int, settings: Settings) -> bool:
        """Whether row ``i``'s correction of ``old`` names row ``j``'s train."""
        mine, theirs = self.published[i], self.published[j]
        if j == i or self.reports[j] == self.reports[i] or mine is None or theirs is None:
            return False
        if theirs > mine or not any(told[j] == old for told in self.counts):
            return False
        if not self.places(i) & self.places(j):
            return False
        slack = settings.relay_slack_days
        return any(abs(a - b) <= slack for a in self.days(i) for b in self.days(j))

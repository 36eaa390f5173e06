"""Linked facts: the train kept for several reports takes the facts the others add.

When :mod:`railtrack.relays` links reports of one train, one record is kept (a
grouped train first, then the most credible ...) and the others are dropped. A
media relay of two trains ("Do Brześcia dotarły dwa transporty: 4 i 5 kwietnia.
Pierwszy liczył 48 wagonów, drugi 40.") is kept over the channel's own posts
because it is grouped, yet the channel told more: the origin (Smolensk), the
stations passed (Gomel), the passenger cars (3). This module gives the kept record
those facts, one kind of fact at a time (:data:`FACTS`):

- a fact the kept record leaves untold is taken from the first linked report that
  tells it (the most credible first, then in load order);
- a destination told only as a direction ("у кірунку Мінска": ``destination_heading``)
  is no destination told: a linked report's stop ("dotarł do Borysowa") replaces it
  (:mod:`railtrack.onward`), and a direction is never taken from a linked report;
  so is an origin told only as the side the train came from ("со стороны Могилёва":
  ``origin_direction``): a linked report's origin ("from Orsha") replaces it;
- a fact the kept record tells is never overwritten; a linked report telling a
  different origin, destination or count of a car kind is a disagreement
  (:func:`fact_disagreements`), named as a problem;
- counts are never summed (one train told twice is one train): a car kind is taken
  only when the kept total, if exact, still holds every kind told
  (45 flatcars and 3 passenger cars in a train of 48), and a whole set of counts only
  when the kept record gives none.

The same rule runs on shipment tables (:func:`linked_fills`, :func:`with_fills`:
``track``'s frames and the Dask engine's partitions) and on records
(:func:`with_linked_facts`: the :class:`~railtrack.io.ReportSet` and the store).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from railtrack import columns as C
from railtrack._translit import name_tokens, tokens_skeleton
from railtrack.extract.corrections import corrected_pair
from railtrack.models import CAR_TYPES, UNKNOWN_CREDIBILITY, CarCounts, Shipment
from railtrack.recounts import RECOUNT_COLUMNS, RECOUNT_CORRECTION, blank_cell, recount_of

logger = logging.getLogger(__name__)

__all__ = [
    "FACTS",
    "FACT_COLUMNS",
    "Disagreement",
    "fact_disagreements",
    "linked_fills",
    "told_first_hand",
    "with_fills",
    "with_linked_facts",
]

_PLACE = ("", "_station_id", "_station", "_region")
_WINDOW = ("_earliest", "_latest", "_precision")
_KINDS = tuple(f"cars_{kind}" for kind in CAR_TYPES)
_COUNTS = (
    C.CARS_TOTAL,
    *_KINDS,
    C.CARS_TOTAL_DERIVED,
    C.CARS_ESTIMATED,
    C.CARS_AT_LEAST,
    C.CARS_AT_MOST,
    C.CARS_TOTAL_MAX,
)

FACTS: dict[str, tuple[str, ...]] = {
    C.ORIGIN: (*(f"{C.ORIGIN}{s}" for s in _PLACE), C.ORIGIN_DIRECTION),
    C.DESTINATION: (*(f"{C.DESTINATION}{s}" for s in _PLACE), C.DESTINATION_HEADING),
    C.VIA: (C.VIA, C.VIA_STATION_IDS),
    "departure": tuple(f"departure{s}" for s in _WINDOW),
    "arrival": (*(f"arrival{s}" for s in _WINDOW), C.ARRIVAL_TOLD),
    "cars": _COUNTS,
    **{kind: (kind,) for kind in _KINDS},
    # the total alone, with its bounds: taken only from a correction of it (trial17b T7)
    C.CARS_TOTAL: (
        C.CARS_TOTAL,
        C.CARS_TOTAL_DERIVED,
        C.CARS_ESTIMATED,
        C.CARS_AT_LEAST,
        C.CARS_AT_MOST,
        C.CARS_TOTAL_MAX,
    ),
    C.EQUIPMENT: (C.EQUIPMENT,),
}
"""Each kind of fact a kept train may take, with the shipment columns it spans
(:data:`railtrack.columns.SHIPMENT_COLUMNS`): ``cars`` is the whole set of counts
(taken only by a record that gives none), ``cars_<kind>`` one car kind, ``cars_total``
the total with its bounds (taken only from a correction of the total: the kinds stay)."""

FACT_COLUMNS: tuple[str, ...] = tuple(
    dict.fromkeys((*(c for cols in FACTS.values() for c in cols), *RECOUNT_COLUMNS, C.HEARSAY))
)
"""The shipment columns :func:`linked_fills` reads besides ``id`` and ``credibility``
(who told each report and when: :data:`railtrack.recounts.RECOUNT_COLUMNS`; whether
it tells the train only as hearsay: :func:`told_first_hand`)."""


def told_first_hand(kept_hearsay: object, linked_hearsay: Iterable[object]) -> bool:
    """Whether a kept train told as hearsay is told first-hand by a report linked to it.

    A train is hearsay ("якобы", "allegedly") only when every report of it is: one
    first-hand report of it makes the kept train first-hand (its ``hearsay`` cleared),
    whichever report is kept.

    Parameters
    ----------
    kept_hearsay
        The kept record's ``hearsay`` (the word, or None / a blank cell).
    linked_hearsay
        The ``hearsay`` of each report linked to it.

    Returns
    -------
    bool
        True when the kept train is hearsay and a linked report is not.

    Examples
    --------
    >>> told_first_hand("якобы", [None]), told_first_hand("якобы", ["allegedly"])
    (True, False)
    >>> told_first_hand(None, [None])
    False
    """
    return not blank_cell(kept_hearsay) and any(blank_cell(h) for h in linked_hearsay)


_TOTAL_ATTRS = ("total", "total_derived", "estimated", "at_least", "at_most", "total_max")
"""The :class:`~railtrack.models.CarCounts` fields of the ``cars_total`` fact."""
_ARGUED = (C.ORIGIN, C.DESTINATION, *_KINDS)  # facts whose difference is a problem
_COUNTED = (C.CARS_TOTAL, *_KINDS)  # the counts a recount replaces, said in its problem


@dataclass(frozen=True)
class Disagreement:
    """A fact the kept record and a linked report tell differently (the kept one stays)."""

    train: str
    linked: str
    fact: str
    kept_value: str
    linked_value: str
    taken_as: str | None = None
    """Why the linked value replaced the kept one (:func:`railtrack.recounts.recount_of`:
    ``"a correction"``, ``"a later report of its teller"``); None: the kept one stays."""

    def message(self) -> str:
        """Return the problem's wording.

        Examples
        --------
        >>> Disagreement("c-t1", "a-t1", "cars_passenger", "3", "2").message()
        "train 'c-t1' is told by 'a-t1' too, which gives cars_passenger 2, not 3: 3 kept"
        >>> Disagreement("a-t1", "b-t1", "cars_tank", "30", "33", "a correction").message()
        ... # doctest: +NORMALIZE_WHITESPACE
        "train 'a-t1' is told by 'b-t1' too, a correction, which gives cars_tank 33,
        not 30: 33 taken"
        """
        if self.taken_as is not None:
            return (
                f"train {self.train!r} is told by {self.linked!r} too, {self.taken_as}, "
                f"which gives {self.fact} {self.linked_value}, not {self.kept_value}: "
                f"{self.linked_value} taken"
            )
        return (
            f"train {self.train!r} is told by {self.linked!r} too, which gives "
            f"{self.fact} {self.linked_value}, not {self.kept_value}: {self.kept_value} kept"
        )


def _key(fact: str, row: Mapping[str, object]) -> str | None:
    """Return what a row tells of ``fact`` as one comparable text, None when untold."""
    if fact == C.DESTINATION and row.get(C.DESTINATION_HEADING) is True:
        return None  # a direction ("towards Minsk") is no end: a stop told later is taken
    if fact == C.ORIGIN and row.get(C.ORIGIN_DIRECTION) is True:
        return None  # the side it came from ("со стороны Могилёва"): a start told is taken
    if fact in (C.ORIGIN, C.DESTINATION):
        for suffix in ("_station_id", "_region", ""):
            value = row.get(f"{fact}{suffix}")
            if not blank_cell(value):
                return f"{suffix or 'text'}:{str(value).casefold()}"
        return None
    if fact == C.VIA:
        value = row.get(C.VIA_STATION_IDS)
        value = row.get(C.VIA) if blank_cell(value) else value
        return None if blank_cell(value) else str(value).casefold()
    if fact == "cars":
        told = [row.get(c) for c in (C.CARS_TOTAL, *_KINDS)]
        return None if all(blank_cell(v) for v in told) else "told"
    value_cols = FACTS[fact][:2] if fact in ("departure", "arrival") else FACTS[fact][:1]
    values = [row.get(c) for c in value_cols]
    return None if all(blank_cell(v) for v in values) else "|".join(str(v) for v in values)


def _count(row: Mapping[str, object], column: str) -> int | None:
    value = row.get(column)
    return None if blank_cell(value) else int(value)  # type: ignore[call-overload]


def _kind_fits(kept: Mapping[str, object], kind: str, n: int, taken: dict[str, int]) -> bool:
    """Return whether ``n`` cars of ``kind`` fit the kept train's exact total."""
    total = _count(kept, C.CARS_TOTAL)
    if kept.get(C.CARS_TOTAL_DERIVED) is True:  # a total summed from its kinds: it grows
        return True  # (:func:`_summed_total`; "46 flatcars" and a linked "3 passenger")
    if total is None or kept.get(C.CARS_AT_LEAST) is True:
        return True
    told = sum(_count(kept, k) or 0 for k in _KINDS) + sum(taken.values())
    return told + n <= total


def _recounted(
    kept: Mapping[str, object],
    linked: Sequence[Mapping[str, object]],
    argued: list[tuple[str, int, str, str, str | None]],
) -> tuple[Mapping[str, object], int | None, tuple[str, ...] | None]:
    """Return the kept row with a linked report's recount applied, its index and facts.

    Each count the recount changes is appended to ``argued`` with the reason it was
    taken (:func:`railtrack.recounts.recount_of`). A correction replaces only the
    counts it corrects (the facts returned: ``cars_total`` and ``cars_<kind>``), so
    that "не 38, а 42 вагона" keeps the train's "2 пассажирских" (trial17b T7), and
    the car kinds the correction itself states: "не 48, а 50 вагонов, из них 32
    платформы" takes the 32 flatcars with the 50 (trial18b T6; a kind it does not
    name stays); a later report of the teller replaces the whole set of counts
    (facts None).

    Examples
    --------
    >>> kept = {"cars_total": 48, "cars_flat": 30, "cars_covered": 18}
    >>> fix = {"cars_total": 50, "cars_flat": 32, "note": "count corrected: 50, not 48 (...)",
    ...        "reporter": "Hajun"}
    >>> argued = []
    >>> row, i, facts = _recounted(kept, [fix], argued)
    >>> row["cars_total"], row["cars_flat"], row["cars_covered"], facts
    (50, 32, 18, ('cars_total', 'cars_flat'))
    """
    recounted = recount_of(kept, linked)
    if recounted is None:
        return kept, None, None
    i, why = recounted
    fix = corrected_pair(linked[i].get(C.NOTE)) if why == RECOUNT_CORRECTION else None
    changed: list[str] = []
    for column in _COUNTED:
        had, told = _count(kept, column), _count(linked[i], column)
        if had is None or told is None or had == told:
            continue
        if fix is not None and had != fix[1] and (column not in _KINDS or _loose(linked[i])):
            # a total the correction does not touch: argued as any other; a kind the
            # correction states is its own word (its total no sum of kinds it names)
            continue
        changed.append(column)
        argued.append((column, i, str(had), str(told), why))
    if fix is None:
        return {**kept, **{c: linked[i].get(c) for c in _COUNTS}}, i, None
    columns = [c for fact in changed for c in FACTS[fact]]
    return {**kept, **{c: linked[i].get(c) for c in columns}}, i, tuple(changed)


def _choose(
    kept: Mapping[str, object], linked: Sequence[Mapping[str, object]]
) -> tuple[dict[str, int], list[tuple[str, int, str, str, str | None]]]:
    """Return fact -> index into ``linked`` to take it from, and the disagreements.

    A disagreement is (fact, linked index, kept value, linked value, why the linked
    value was taken or None); a recount (:func:`railtrack.recounts.recount_of`)
    replaces the kept counts with a linked report's.
    """
    taken: dict[str, int] = {}
    kinds_taken: dict[str, int] = {}
    argued: list[tuple[str, int, str, str, str | None]] = []
    kept, recounted, corrected = _recounted(kept, linked, argued)
    if recounted is not None:  # the teller's later word: its counts; a correction: those
        taken.update(dict.fromkeys(("cars",) if corrected is None else corrected, recounted))
    whole = _key("cars", kept) is None
    for fact in FACTS:
        if _settled(fact, whole, taken):
            continue
        mine = _key(fact, kept)
        for i, row in enumerate(linked):
            theirs = _key(fact, row)
            if theirs is None or not _owned(fact, row, kept):
                continue
            if mine is None:
                if fact in _KINDS:
                    n = _count(row, fact)
                    if n is None or not _kind_fits(kept, fact, n, kinds_taken):
                        continue
                    kinds_taken[fact] = n
                taken[fact] = i
                mine = theirs
            elif theirs != mine and fact in _ARGUED and fact not in taken:
                kept_text = _shown(fact, kept)
                argued.append((fact, i, kept_text, _shown(fact, row), None))
    side = _side_taken(kept, linked) if C.ORIGIN not in taken else None
    if side is not None:
        taken[C.ORIGIN] = side
    if recounted is None:
        argued.extend(_totals_argued(kept, linked))
    return taken, argued


def _side_taken(kept: Mapping[str, object], linked: Sequence[Mapping[str, object]]) -> int | None:
    """Return the linked report whose side of origin a kept train with no origin takes.

    A side the train came from ("со стороны Гомеля": ``origin_direction``) is no
    origin to link by, and a linked report's real origin replaces it; but a kept
    train that tells no origin at all (a digest's "▪️ Речица — 1 эшелон (36 вагонов)")
    takes the side a linked report tells (Hajun's own post of that train), still marked
    a side, rather than stay unrouted (trial18b T7). None when the kept train tells an
    origin or no linked report tells a side.

    Examples
    --------
    >>> side = {"origin": "Гомеля", "origin_station_id": "BY-GOMEL", "origin_direction": True}
    >>> _side_taken({"origin": None}, [{"origin": None}, side])
    1
    >>> _side_taken({"origin": "Орши", "origin_station_id": "BY-ORSHA"}, [side]) is None
    True
    """
    if any(not blank_cell(kept.get(f"{C.ORIGIN}{s}")) for s in _PLACE):
        return None
    for i, row in enumerate(linked):
        if row.get(C.ORIGIN_DIRECTION) is True and any(
            not blank_cell(row.get(f"{C.ORIGIN}{s}")) for s in _PLACE
        ):
            return i
    return None


def _settled(fact: str, whole: bool, taken: Mapping[str, int]) -> bool:
    """Whether :func:`_choose` leaves a fact as it is before weighing the linked reports.

    The car total comes from a correction only; the set of counts ("cars") only when
    the kept train counts nothing and no recount gave it; a car kind not when the
    whole set of counts came with its kinds.
    """
    if fact == C.CARS_TOTAL:
        return True
    if fact == "cars":
        return not whole or "cars" in taken
    return fact in _KINDS and whole and "cars" in taken


def _totals_argued(
    kept: Mapping[str, object], linked: Sequence[Mapping[str, object]]
) -> list[tuple[str, int, str, str, None]]:
    """Return the linked reports whose exact car total differs from the kept train's.

    Two reports linked as one train that count it differently (40 and 44 cars at
    Asipovichy on one day, trial17b T1) may be two trains: the link stands (the
    counts agree within ``relay_cars_tolerance``) but a problem says so. A total given
    as a bound or summed from its kinds is no count to argue with.

    Examples
    --------
    >>> _totals_argued({"cars_total": 44}, [{"cars_total": 40}, {"cars_total": 44}])
    [('cars_total', 0, '44', '40', None)]
    >>> _totals_argued({"cars_total": 44}, [{"cars_total": 40, "cars_at_least": True}])
    []
    """
    if _loose(kept) or (mine := _count(kept, C.CARS_TOTAL)) is None:
        return []
    out: list[tuple[str, int, str, str, None]] = []
    for i, row in enumerate(linked):
        theirs = _count(row, C.CARS_TOTAL)
        if theirs is not None and theirs != mine and not _loose(row):
            out.append((C.CARS_TOTAL, i, str(mine), str(theirs), None))
    return out


def _loose(row: Mapping[str, object]) -> bool:
    """Whether a row's car total is a bound, an estimate or a sum of its kinds."""
    return any(
        row.get(c) is True
        for c in (C.CARS_AT_LEAST, C.CARS_AT_MOST, C.CARS_ESTIMATED, C.CARS_TOTAL_DERIVED)
    )


def _summed_total(kept: Mapping[str, object], kinds: Mapping[str, object]) -> int | None:
    """Return the total of a kept train summed from its kinds, with the kinds taken.

    A total read from the kinds a report counted ("46 платформаў": 46, a lower
    bound) is no exact count: a kind a linked report adds ("3 passenger cars") adds
    to it. None when the kept total is not such a sum or no kind was taken.

    Examples
    --------
    >>> _summed_total({"cars_total": 46, "cars_flat": 46, "cars_total_derived": True},
    ...               {"cars_passenger": 3})
    49
    """
    if kept.get(C.CARS_TOTAL_DERIVED) is not True or not kinds:
        return None
    told = {k: _count(kept, k) for k in _KINDS}
    told.update({k: None if blank_cell(v) else int(v) for k, v in kinds.items()})  # type: ignore[call-overload]
    summed = sum(n for n in told.values() if n is not None)
    total = _count(kept, C.CARS_TOTAL)
    return summed if total is None or summed > total else None


def _owned(fact: str, row: Mapping[str, object], kept: Mapping[str, object]) -> bool:
    """Whether a linked report's fact belongs to the train's movement as the kept one tells it.

    A day belongs to an end: a departure is taken from a report that names the origin,
    an arrival from one that names the destination (a log row dated at a station it
    names as passed tells neither). Stations passed are taken only when none is an
    end of the kept train (a log row's station is often the train's destination).
    """
    if fact == "departure":
        return _key(C.ORIGIN, row) is not None
    if fact == "arrival":
        return _key(C.DESTINATION, row) is not None
    if fact == C.VIA:
        ids = row.get(C.VIA_STATION_IDS)
        passed = set() if blank_cell(ids) else set(str(ids).split("; "))
        ends = {kept.get(f"{end}_station_id") for end in (C.ORIGIN, C.DESTINATION)}
        if passed & {str(e) for e in ends if not blank_cell(e)}:
            return False
        names = row.get(C.VIA)
        return blank_cell(names) or not any(
            town_of_end(str(name), kept) for name in str(names).split("; ")
        )
    return True


def town_of_end(name: str, row: Mapping[str, object]) -> bool:
    """Whether a place passed is the town of one of a train's ends, or that end by name.

    A digest line or a heading names the town ("▪️ Брянск — 1 эшелон (46 вагонов)"),
    the post the station ("на станцию Брянск-Льговский прибыл"): the town resolves to
    another station of it (Брянск-Орловский), yet the train passed no other place; as a
    via point it draws a spur (trial18b T9). The town is the end's name (as written or
    as resolved) with its distinguishing words left off.

    Parameters
    ----------
    name
        The place passed, as written.
    row
        The train's record: ``origin``/``destination`` and their ``_station``.

    Returns
    -------
    bool
        True when ``name``'s words are the first words of an end's name, or all of them.

    Examples
    --------
    >>> town_of_end("Брянск", {"destination": "Брянск-Льговский"})
    True
    >>> town_of_end("Bryansk", {"destination": "Брянск", "destination_station": "Брянск-Льговский"})
    True
    >>> town_of_end("Брянск", {"destination": "Орёл", "destination_station": "Орёл"})
    False
    >>> town_of_end("Брянск-Орловский", {"destination": "Брянск-Льговский"})
    False
    """
    passed = name_tokens(name)
    if not passed:
        return False
    key = tokens_skeleton(passed)
    for end in (C.ORIGIN, C.DESTINATION):
        for column in (end, f"{end}_station"):
            value = row.get(column)
            if blank_cell(value):
                continue
            words = name_tokens(str(value))
            if len(words) >= len(passed) and tokens_skeleton(words[: len(passed)]) == key:
                return True
    return False


def _shown(fact: str, row: Mapping[str, object]) -> str:
    """Return a fact as a reader would name it (a station rather than its id)."""
    if fact in (C.ORIGIN, C.DESTINATION):
        for suffix in ("_station", "_region", ""):
            value = row.get(f"{fact}{suffix}")
            if not blank_cell(value):
                return str(value)
    return str(row.get(FACTS[fact][0]))


def _involved(
    shipments: pd.DataFrame, relays: pd.DataFrame
) -> tuple[list[dict[str, object]], dict[str, tuple[int, list[int]]]]:
    """Return the rows of linked trains only, and each kept train's row and linked rows.

    Only the rows a link names are read, so a table of a million trains with a few
    links costs a few rows' dictionaries.
    """
    dropped = relays[C.ID].astype(str).tolist()
    trains = relays["train"].astype(str).tolist()
    ids = shipments[C.ID].astype(str)
    named = ids.isin({*dropped, *trains}).to_numpy()
    rows = _rows(shipments[named])
    where = {str(r[C.ID]): n for n, r in enumerate(rows)}
    out: dict[str, tuple[int, list[int]]] = {}
    for gone, train in zip(dropped, trains, strict=True):
        if gone in where and train in where:
            out.setdefault(train, (where[train], []))[1].append(where[gone])
    return rows, out


def _rows(shipments: pd.DataFrame) -> list[dict[str, object]]:
    cols = [c for c in (C.ID, C.CREDIBILITY, *FACT_COLUMNS) if c in shipments.columns]
    return shipments[cols].to_dict("records")  # type: ignore[return-value]


def _most_credible_first(rows: list[dict[str, object]], linked: list[int]) -> list[int]:
    """Return linked rows most credible first, then in load order."""

    def credibility(n: int) -> float:
        value = rows[n].get(C.CREDIBILITY)
        return float(UNKNOWN_CREDIBILITY) if blank_cell(value) else float(value)  # type: ignore[arg-type]

    return sorted(linked, key=lambda n: (credibility(n), n))


def linked_fills(shipments: pd.DataFrame, relays: pd.DataFrame) -> dict[str, dict[str, object]]:
    """Return the facts each kept train takes from the reports linked to it.

    Parameters
    ----------
    shipments
        The shipment table :func:`railtrack.relays.relay_links` read (kept and dropped
        rows alike): ``id``, ``credibility`` and the :data:`FACT_COLUMNS` it has.
    relays
        :func:`railtrack.relays.relay_links` of ``shipments`` (``id``: dropped,
        ``train``: kept).

    Returns
    -------
    dict
        Kept train id -> {column: value} for the facts it leaves untold and a linked
        report tells (see the module notes); trains taking nothing are left out.

    Examples
    --------
    >>> ships = pd.DataFrame({"id": ["c-t1", "a-t1"], "origin": [None, "Smoleńsk"],
    ...     "origin_station_id": [None, "RU-SMOLENSK"], "cars_total": [48, 48],
    ...     "cars_passenger": pd.array([None, 3], dtype="Int64")})
    >>> fills = linked_fills(ships, pd.DataFrame({"id": ["a-t1"], "train": ["c-t1"]}))
    >>> fills["c-t1"]["origin_station_id"], fills["c-t1"]["cars_passenger"]
    ('RU-SMOLENSK', 3)
    """
    if not len(relays) or not len(shipments):
        return {}
    rows, linked = _involved(shipments, relays)
    out: dict[str, dict[str, object]] = {}
    for train, (at, members) in linked.items():
        kept = rows[at]
        order = _most_credible_first(rows, members)
        taken, _ = _choose(kept, [rows[n] for n in order])
        fills: dict[str, object] = {}
        for fact, i in taken.items():
            source = rows[order[i]]
            fills.update({c: source[c] for c in FACTS[fact] if c in source})
        if "cars" not in taken and C.CARS_TOTAL not in taken:  # (a corrected total is told)
            summed = _summed_total(kept, {k: v for k, v in fills.items() if k in _KINDS})
            if summed is not None:
                fills[C.CARS_TOTAL] = summed
        if told_first_hand(kept.get(C.HEARSAY), (rows[n].get(C.HEARSAY) for n in members)):
            fills[C.HEARSAY] = None  # (a first-hand report of it is linked: mend1 #2)
        if fills:
            out[train] = fills
    return out


def fact_disagreements(shipments: pd.DataFrame, relays: pd.DataFrame) -> list[Disagreement]:
    """Return the facts a linked report tells otherwise than the kept train.

    Parameters
    ----------
    shipments, relays
        As for :func:`linked_fills`.

    Returns
    -------
    list of Disagreement
        One per (kept train, linked report, fact) whose origin, destination or car
        kind count differ; the kept train's fact stays.

    Examples
    --------
    >>> ships = pd.DataFrame({"id": ["c-t1", "a-t1"], "cars_total": [48, 48],
    ...     "cars_passenger": [2, 3]})
    >>> [d.message() for d in fact_disagreements(
    ...     ships, pd.DataFrame({"id": ["a-t1"], "train": ["c-t1"]}))]
    ["train 'c-t1' is told by 'a-t1' too, which gives cars_passenger 3, not 2: 2 kept"]
    """
    if not len(relays) or not len(shipments):
        return []
    rows, linked = _involved(shipments, relays)
    out: list[Disagreement] = []
    for train, (at, members) in linked.items():
        order = _most_credible_first(rows, members)
        _, argued = _choose(rows[at], [rows[n] for n in order])
        out.extend(
            Disagreement(train, str(rows[order[i]][C.ID]), fact, mine, theirs, why)
            for fact, i, mine, theirs, why in argued
        )
    return out


def with_fills(shipments: pd.DataFrame, fills: Mapping[str, Mapping[str, object]]) -> pd.DataFrame:
    """Return the shipments with :func:`linked_fills` applied (a copy when any applies).

    Parameters
    ----------
    shipments : pandas.DataFrame
        The shipment table (one row per record; ``id`` and the columns filled).
    fills : mapping
        Kept train id -> {column: value}, as :func:`linked_fills` returns.

    Returns
    -------
    pandas.DataFrame
        ``shipments`` itself when no fill applies; else a copy with the values set,
        each column keeping its dtype.

    Examples
    --------
    >>> ships = pd.DataFrame({"id": ["c-t1"], "origin": [None]})
    >>> with_fills(ships, {"c-t1": {"origin": "Smoleńsk"}})["origin"].tolist()
    ['Smoleńsk']
    """
    if not fills or not len(shipments):
        return shipments
    ids = shipments[C.ID].astype(str).tolist()
    hits = [(n, fills[i]) for n, i in enumerate(ids) if i in fills]
    if not hits:
        return shipments
    out = shipments.copy()
    for column in {c for _, fill in hits for c in fill if c in out.columns}:
        values = out[column].tolist()
        for n, fill in hits:
            if column in fill:
                values[n] = fill[column]
        out[column] = pd.Series(values, index=out.index).astype(out[column].dtype)
    return out


_RECORD: dict[str, tuple[str, ...]] = {
    C.ORIGIN: ("origin", "origin_direction"),
    C.DESTINATION: ("destination", "destination_heading"),
    C.VIA: ("via",),
    "departure": ("departure",),
    "arrival": ("expected_arrival", "arrival_told"),
    C.EQUIPMENT: ("equipment",),
}


def _record_row(shipment: Shipment) -> dict[str, object]:
    """Return a record's facts as the shipment table's columns say them."""
    row: dict[str, object] = {C.ID: shipment.id, C.CREDIBILITY: shipment.credibility}
    for end in (C.ORIGIN, C.DESTINATION):
        place = getattr(shipment, end)
        for suffix, attr in zip(_PLACE, ("text", "station_id", "station", "region"), strict=True):
            row[f"{end}{suffix}"] = None if place is None else getattr(place, attr)
    row[C.DESTINATION_HEADING] = shipment.destination_heading
    row[C.ORIGIN_DIRECTION] = shipment.origin_direction
    ids = [p.station_id for p in shipment.via]
    row[C.VIA] = "; ".join(p.text for p in shipment.via) or None
    row[C.VIA_STATION_IDS] = None if not ids or None in ids else "; ".join(map(str, ids))
    for name, window in (("departure", shipment.departure), ("arrival", shipment.expected_arrival)):
        for suffix in _WINDOW:
            row[f"{name}{suffix}"] = None if window is None else getattr(window, suffix[1:])
    row[C.ARRIVAL_TOLD] = shipment.arrival_told
    cars = shipment.cars
    row[C.CARS_TOTAL] = cars.total
    for kind in CAR_TYPES:
        row[f"cars_{kind}"] = getattr(cars, kind)
    row[C.CARS_TOTAL_DERIVED] = cars.total_derived
    row[C.CARS_AT_LEAST] = cars.at_least
    row[C.CARS_AT_MOST] = cars.at_most
    row[C.CARS_ESTIMATED] = cars.estimated
    row[C.EQUIPMENT] = shipment.equipment
    row[C.NOTE] = shipment.note
    source = shipment.source
    row[C.SOURCE], row[C.RELAYED_BY], row[C.SOURCE_URL] = (
        source.reporter,
        source.relayed_by,
        source.url,
    )
    row[C.PUBLISHED] = None if source.published is None else source.published.isoformat()
    return row


def with_linked_facts(
    shipment: Shipment, linked: Iterable[Shipment]
) -> tuple[Shipment, list[Disagreement]]:
    """Return the kept record of a train with the facts its linked reports add.

    The record-level twin of :func:`linked_fills` and :func:`with_fills` (the same
    rule; see the module notes).

    Parameters
    ----------
    shipment
        The record kept for the train.
    linked
        The train's other reports, in load order.

    Returns
    -------
    tuple of (Shipment, list of Disagreement)
        The record (itself when it takes nothing) and the facts told otherwise.

    Examples
    --------
    >>> from railtrack.models import CarCounts, Place, Source
    >>> src = Source(reporter="Hajun")
    >>> kept = Shipment(id="c-t1", source=src, cars=CarCounts(total=48))
    >>> told = Shipment(id="a-t1", source=src, origin=Place(text="Smoleńsk"),
    ...                 cars=CarCounts(total=48, flat=45, passenger=3))
    >>> merged, argued = with_linked_facts(kept, [told])
    >>> merged.origin.text, merged.cars.passenger, merged.cars.total, argued
    ('Smoleńsk', 3, 48, [])
    """
    others = list(linked)
    if not others:
        return shipment, []
    if told_first_hand(shipment.hearsay, (o.hearsay for o in others)):
        shipment = shipment.model_copy(update={"hearsay": None})  # (mend1 #2)
    rows = [_record_row(s) for s in others]
    order = sorted(range(len(rows)), key=lambda n: (float(others[n].credibility), n))
    taken, argued = _choose(_record_row(shipment), [rows[n] for n in order])
    disagreements = [
        Disagreement(shipment.id, others[order[i]].id, fact, mine, theirs, why)
        for fact, i, mine, theirs, why in argued
    ]
    if not taken:
        return shipment, disagreements
    update: dict[str, object] = {}
    cars = shipment.cars
    for fact, i in taken.items():
        source = others[order[i]]
        if fact == "cars":
            cars = source.cars
        elif fact == C.CARS_TOTAL:  # a correction of the total: the kinds stay
            cars = cars.model_copy(update={k: getattr(source.cars, k) for k in _TOTAL_ATTRS})
        elif fact in _KINDS:
            kind = fact.removeprefix("cars_")
            cars = cars.model_copy(update={kind: getattr(source.cars, kind)})
        else:
            update.update({attr: getattr(source, attr) for attr in _RECORD[fact]})
    if "cars" not in taken and C.CARS_TOTAL not in taken:  # (a corrected total is told)
        kinds = {
            f"cars_{kind}": getattr(cars, kind)
            for kind in CAR_TYPES
            if getattr(cars, kind) != getattr(shipment.cars, kind)
        }
        summed = _summed_total(_record_row(shipment), kinds)
        if summed is not None:
            cars = cars.model_copy(update={"total": summed})
    if cars is not shipment.cars:
        update["cars"] = CarCounts.model_validate(cars.model_dump())
    return shipment.model_copy(update=update), disagreements

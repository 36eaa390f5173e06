"""Name the train of an earlier report that a later report retracts (trial15 T2, trial17b T6).

A channel posts a train ("Учора ў Брэст прыбыў эшалон з танкамі") and later retracts it
("інфармацыя пра эшалон ..., які нібыта прыбыў учора ў Брэст, не пацвердзілася").
The retraction lists no train (:mod:`railtrack.extract.retractions`); here each train
it denies is matched, by its place and its day, with the trains of the same input told
no later than it (:func:`retraction_matches`):

- a train **fits** when its report puts it at the denied place on a day the denied
  window holds: its told arrival there, a sighting there (a digest line "▪️ Брест — 1
  эшелон", a log row), its departure from there, or a station passed that day when
  the report gives no other day (a hand log's row "20.05.2026, Брест");
- when none fits, a train to that place whose report tells no day at all **may be**
  the one, if it was published at most ``Settings.retraction_match_days`` (3) days
  before the retraction;
- never a train that left after the denied day, nor one told after the retraction,
  nor one whose report tells another day: a train told leaving Smolensk for Brest on
  20 May was never told arriving there on 20 May, so "информация о прибытии эшелона
  в Брест 20 мая не подтвердилась" does not retract it.

Each train matched gets a problem on its own file saying which report retracts it,
and the retraction a problem saying which trains it fits: one, several (then it is
ambiguous, and says so), or none (then there is nothing to strike, and it says so).

What a user gets: the train stays listed, with that problem beside it, rather than
being dropped; it is marked (``Shipment.retracted_by``, ``retracted_on``), so the
briefing shows "retracted by ... on ..." at its row and counts it apart from the
totals. A retraction names its train only by place and day, so a match can be wrong
(two trains at Brest that day); deleting a train on such a match would lose one
silently, while a problem line tells the analyst which train to strike (or to keep,
if the match is wrong). A train matched no longer passes unnoticed.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Literal

from railtrack._translit import same_case_form
from railtrack.io.reportset import Problem, ReportSet
from railtrack.models import DateWindow, Place, Shipment, Sighting
from railtrack.settings import DEFAULT_SETTINGS, Settings

__all__ = [
    "RetractionMatch",
    "keep_counted",
    "keep_ids",
    "marked_retracted",
    "note_retracted",
    "retraction_label",
    "retraction_matches",
    "retraction_problem",
    "summaries_later",
    "summary_problem",
    "sure_retracted",
    "tell_one_train",
    "told_elsewhere",
]

logger = logging.getLogger(__name__)

UNDO = (
    "if the retraction is not of it, leave the retraction's report (an export's message) "
    "out of the input to count it again"
)
"""How a user counts again a train wrongly marked retracted (the problems say it)."""


def _undo(trains: Sequence[Shipment]) -> str:
    """Say how to count again the trains a retraction marked (trial18 leftover).

    >>> from railtrack.models import Source
    >>> print(_undo([Shipment(id="d-t3", source=Source(reporter="H"))]))  # doctest: +ELLIPSIS
    if it is not of it, give --keep-retracted d-t3 or leave ... out of the input to count it again
    """
    if not trains:
        return UNDO
    ids = ",".join(t.id for t in trains)
    return (
        f"if it is not of it, give --keep-retracted {ids} or leave the retraction's report "
        "out of the input to count it again"
    )


def keep_ids(values: Iterable[str]) -> tuple[str, ...]:
    """Return the shipment ids ``--keep-retracted`` gives (repeated, or comma-separated).

    Parameters
    ----------
    values
        The option's values as given: each one id or several joined by commas.

    Returns
    -------
    tuple of str
        The ids stripped of spaces, in the order first given, each once; empty
        pieces ("a-t1,,") are dropped. Raises nothing; an id no train has is
        :func:`keep_counted`'s to report.

    Examples
    --------
    >>> keep_ids(["a-t1,b-t1", " c-t2 "])
    ('a-t1', 'b-t1', 'c-t2')
    >>> keep_ids(["a-t1", "a-t1,", ""])
    ('a-t1',)
    """
    return tuple(
        dict.fromkeys(i.strip() for value in values for i in value.split(",") if i.strip())
    )


KEPT = "kept counted as asked (--keep-retracted)"
"""What a train the user keeps counted though a retraction fits it is said to be."""

_SUMMARISE: ContextVar[bool] = ContextVar("railtrack_retraction_summaries", default=True)


@contextmanager
def summaries_later() -> Iterator[None]:
    """Within: :func:`note_retracted` matches no retraction (unless told to).

    A batch of :func:`railtrack.io.converted.convert_in_batches` sees only its own
    trains; which trains a retraction fits is said once, for the whole folder, when
    the last batch is written (a batch's own match could name one train where the
    folder holds two).

    Examples
    --------
    >>> with summaries_later():
    ...     _SUMMARISE.get()
    False
    >>> _SUMMARISE.get()
    True
    """
    token = _SUMMARISE.set(False)
    try:
        yield
    finally:
        _SUMMARISE.reset(token)


_Role = Literal["end", "start", "passed"]
# which told roles a denied role may be: an arrival denied is an arrival, a sighting or a
# station passed there, never a departure from there (and the other way round)
_FITS: dict[_Role, frozenset[_Role]] = {
    "end": frozenset({"end", "passed"}),
    "start": frozenset({"start", "passed"}),
    "passed": frozenset({"end", "start", "passed"}),
}


@dataclass(frozen=True)
class RetractionMatch:
    """The trains one denied train may be: those that fit it, else those that may."""

    fits: list[Shipment] = field(default_factory=list)
    """Trains told at the denied place on a day the denied window holds (a told arrival
    with no day: on its report's day or the day before), and, beside the one train that
    does, the reports telling no day of it with the same ends and car total."""
    may_be: list[Shipment] = field(default_factory=list)
    """When none fits: trains told going to the place by a report that tells no day."""

    @property
    def named(self) -> list[Shipment]:
        """The trains the retraction is said to retract (``fits``, else ``may_be``)."""
        return self.fits or self.may_be


def _same_place(a: Place | None, b: Place | None) -> bool:
    """Whether two resolved places are one: their stations, else their names' stems.

    Unresolved, a name may be written in another case form by each report ("Бресте",
    "Брест"): :func:`~railtrack._translit.same_case_form`, a case ending only
    ("Бор" is no form of "Борисов", review19 #5; the reading's own looser
    ``same_name_stem`` would match it, and a country there "may be" any of its
    places, never here: a retraction names where its train was not).
    """
    if a is None or b is None:
        return False
    if a.station_id and b.station_id:
        return a.station_id == b.station_id
    return same_case_form(a.text, b.text)


def _bounds(window: DateWindow | None) -> tuple[date, date] | None:
    if window is None:
        return None
    first, last = window.earliest or window.latest, window.latest or window.earliest
    return None if first is None or last is None else (first, last)


def _overlap(a: tuple[date, date], b: tuple[date, date]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _denied_at(denied: Shipment) -> list[tuple[_Role, Place, tuple[date, date] | None]]:
    """Return where and when the retraction says its train was (role, place, days)."""
    out: list[tuple[_Role, Place, tuple[date, date] | None]] = []
    if denied.destination is not None:
        out.append(("end", denied.destination, _bounds(denied.expected_arrival)))
    if denied.origin is not None:
        out.append(("start", denied.origin, _bounds(denied.departure)))
    # a place passed, with the train's only day when it tells no origin ("прошедший
    # через Полоцк 14 августа": its day there, as a told train's in :func:`_told_at`)
    day_there = _bounds(denied.departure) if denied.origin is None else None
    out.extend(("passed", v, day_there) for v in denied.via)
    return out


def _told_at(
    told: Shipment, seen: Sequence[Sighting]
) -> list[tuple[_Role, Place, tuple[date, date] | None]]:
    """Return where and when a train's report puts it (role, place, days or None)."""
    out: list[tuple[_Role, Place, tuple[date, date] | None]] = []
    if told.destination is not None:
        arrived = _bounds(told.expected_arrival)
        day = told.source.published
        if arrived is None and told.arrival_told and day is not None:
            # "прыбыў" with no day in a post of 6 March: it arrived by that day, on it or
            # the day before (the relays' rule for an undated post; trial20 T1)
            arrived = (day - timedelta(days=1), day)
        out.append(("end", told.destination, arrived))
    if told.origin is not None:
        out.append(("start", told.origin, _bounds(told.departure)))
    for s in seen:
        day = s.seen_at.date()
        out.append(("passed", s.station, (day, day)))
    # a station passed, with the report's only day when it tells no origin (a hand log's
    # "20.05.2026, Брест": the day it was there), else with no day of its own
    day_there = _bounds(told.departure) if told.origin is None else None
    out.extend(("passed", v, day_there) for v in told.via)
    return out


def _left_after(told: Shipment, days: tuple[date, date]) -> bool:
    """Whether the train left after the denied days (so it was not there then)."""
    left = _bounds(told.departure)
    return told.origin is not None and left is not None and left[0] > days[1]


def _verdict(
    denied: Shipment, told: Shipment, seen: Sequence[Sighting], match_days: int
) -> Literal["fits", "may be"] | None:
    """Whether ``told`` fits the train ``denied`` retracts, may be it, or is not it."""
    day, told_day = denied.source.published, told.source.published
    if day is not None and told_day is not None and told_day > day:
        return None  # (a report after the retraction tells another train)
    recent = day is not None and told_day is not None and day - timedelta(match_days) <= told_day
    best: Literal["fits", "may be"] | None = None
    told_at = _told_at(told, seen)
    for role, place, days in _denied_at(denied):
        if days is not None and _left_after(told, days):
            return None
        for told_role, told_place, told_days in told_at:
            if told_role not in _FITS[role] or not _same_place(place, told_place):
                continue
            if days is not None and told_days is not None:
                if _overlap(days, told_days):
                    return "fits"
            elif days is None and recent:  # the retraction gives no day: a recent report
                return "fits"
            elif told_role != "passed" and recent and not any(d for *_, d in told_at):
                best = "may be"  # a report that tells no day at all
    return best


def retraction_matches(
    denied: Shipment,
    told: Iterable[Shipment],
    sightings: Mapping[str, Sequence[Sighting]] | None = None,
    *,
    settings: Settings | None = None,
) -> RetractionMatch:
    """Return the trains a retracted train may be, by its place and its day.

    Parameters
    ----------
    denied
        A train a retraction denies, as the retraction tells it (its destination and
        arrival window, its origin and departure; ``source.published``: the
        retraction's day).
    told
        The trains told in other reports (the retraction's own report left out).
    sightings
        Each told train's sightings, by shipment id (a digest line's train is only
        a sighting at its station that day); None: none.
    settings
        ``retraction_match_days`` (default 3): how long before the retraction a report
        that tells no day may be the one it retracts.

    Returns
    -------
    RetractionMatch
        ``fits``: the trains told at the denied place on a day the denied window
        holds (an arrival, a sighting, a departure, a station passed that day); when
        none does, ``may_be``: the trains to that place whose report tells no day at
        all, published at most ``retraction_match_days`` days before the retraction. Never
        a train told after the retraction, nor one that left after the denied days,
        nor one whose report puts it there on another day or tells only its departure.

    Examples
    --------
    >>> from datetime import date, datetime
    >>> from railtrack.models import Source
    >>> brest = Place(text="Brest", station_id="BY-BREST")
    >>> on_20 = DateWindow(earliest=date(2026, 5, 20), latest=date(2026, 5, 20))
    >>> denied = Shipment(id="r-t1", destination=brest, expected_arrival=on_20,
    ...                   source=Source(reporter="H", published=date(2026, 5, 22)))
    >>> src = Source(reporter="H", published=date(2026, 5, 21))
    >>> digest = Shipment(id="d-t3", via=[brest], source=src)
    >>> seen = {"d-t3": [Sighting(id="d-t3-s1", shipment="d-t3", station=brest,
    ...                           seen_at=datetime(2026, 5, 20), precision="day", source=src)]}
    >>> later = Shipment(id="l-t1", origin=Place(text="Baranovichi"), destination=brest,
    ...                  departure=DateWindow(earliest=date(2026, 5, 21),
    ...                                       latest=date(2026, 5, 22)), source=src)
    >>> found = retraction_matches(denied, [digest, later], seen)
    >>> [s.id for s in found.fits], found.may_be
    (['d-t3'], [])
    """
    seen = sightings or {}
    days = (settings or DEFAULT_SETTINGS).retraction_match_days
    fits: list[Shipment] = []
    may_be: list[Shipment] = []
    for train in told:
        verdict = _verdict(denied, train, seen.get(train.id, ()), days)
        if verdict == "fits":
            fits.append(train)
        elif verdict == "may be":
            may_be.append(train)
    if not fits:
        return RetractionMatch([], may_be)
    # a report telling no day of the one train that fits, by both its ends and its car
    # total, is that train told again (a relay that dropped the day; trial20 T1)
    again = [m for m in may_be if all(_retold(m, f) for f in fits)]
    return RetractionMatch(fits + again if len(fits) == 1 else fits, [])


def _retold(undated: Shipment, train: Shipment) -> bool:
    """Whether a train its report leaves undated tells ``train`` again, as far as both say.

    Both ends told by both and the same, and both car totals told and equal; another
    report (:func:`tell_one_train`).
    """
    if undated.cars.total is None or undated.cars.total != train.cars.total:
        return False
    ends = ((undated.origin, train.origin), (undated.destination, train.destination))
    if not all(_same_place(x, y) for x, y in ends):
        return False
    return tell_one_train(undated, train)


def _sightings_of(result: ReportSet) -> dict[str, list[Sighting]]:
    out: dict[str, list[Sighting]] = {}
    for s in result.sightings:
        if s.shipment is not None:
            out.setdefault(s.shipment, []).append(s)
    return out


def note_retracted(
    result: ReportSet,
    retracted: list[tuple[str, Shipment]],
    *,
    summarise: bool | None = None,
    settings: Settings | None = None,
    keep: Iterable[str] = (),
) -> None:
    """Add a problem on each train of ``result`` that a retraction denies (in place).

    Parameters
    ----------
    result
        The loaded reports; a problem is appended for each train matched
        (:func:`retraction_matches`, with the trains' sightings), and one for each
        retraction saying which trains it fits (:func:`summary_problem`).
    retracted
        (file of the retraction, a train it denies), as the loaders read them.
    summarise
        False: no problem on the retraction itself, only on the trains it names; None:
        both, except within :func:`summaries_later` (a batch of a conversion, whose
        retractions are matched with the whole folder at its end): nothing then.
    settings
        ``retraction_match_days`` for :func:`retraction_matches`; None: the defaults.
    keep
        Ids of trains the user keeps counted (``--keep-retracted``): never marked,
        their problems say so (:func:`keep_counted` undoes a mark already stored).

    Examples
    --------
    >>> from datetime import date
    >>> from railtrack.models import Source
    >>> rs = ReportSet()
    >>> src = Source(reporter="Hajun", published=date(2023, 5, 14))
    >>> brest = Place(text="Brest")
    >>> day = DateWindow(earliest=date(2023, 5, 14), latest=date(2023, 5, 14))
    >>> rs.shipments = [Shipment(id="a-t1", destination=brest, expected_arrival=day, source=src)]
    >>> rs.files[("Shipment", "a-t1")] = "a.txt"
    >>> later = Source(reporter="Hajun", published=date(2023, 5, 15))
    >>> denied = Shipment(id="b-t1", destination=brest, expected_arrival=day, source=later)
    >>> note_retracted(rs, [("b.txt", denied)])
    >>> print(rs.problems[0])  # doctest: +ELLIPSIS
    a.txt: train a-t1 (to Brest, arrival 2023-05-14) is retracted by b.txt ...
    >>> print(rs.problems[1].message)  # doctest: +NORMALIZE_WHITESPACE
    the retraction (to Brest, arrival 2023-05-14) fits train a-t1 of a.txt: marked
    retracted and not counted in the totals; if it is not of it, give --keep-retracted
    a-t1 or leave the retraction's report out of the input to count it again
    """
    if not retracted or (summarise is None and not _SUMMARISE.get()):
        return  # (a batch of a conversion: matched with the whole folder at its end)
    said = {(p.path, p.row, p.message) for p in result.problems}  # (a converted folder's)
    seen = _sightings_of(result)
    kept = frozenset(keep_ids(keep))
    files = {told.id: result.files.get(("Shipment", told.id), "") for told in result.shipments}
    for path, denied in retracted:
        others = [t for t in result.shipments if told_elsewhere(denied, t, path, files[t.id])]
        found = retraction_matches(denied, others, seen, settings=settings)
        sure = {t.id for t in sure_retracted(found, files)}  # marked, counted apart (trial17 T5)
        result.shipments = [
            marked_retracted(t, denied) if t.id in sure - kept else t for t in result.shipments
        ]
        problems = [
            retraction_problem(files[t.id], t, path, denied, found, files, kept=kept)
            for t in found.named
        ]
        if summarise is not False:
            problems.append(summary_problem(path, denied, found, files, kept=kept))
        for problem in problems:
            if (problem.path, problem.row, problem.message) in said:
                continue  # said when the folder was converted
            said.add((problem.path, problem.row, problem.message))
            result.problems.append(problem)
        logger.info("%s retracts %s", path, ", ".join(t.id for t in found.named) or "no train")


def sure_retracted(
    found: RetractionMatch, files: Mapping[str, str] | None = None
) -> list[Shipment]:
    """Return the trains a retraction surely retracts: the one train that fits it, or none.

    Only the train that alone fits the retraction (its place and day) is marked
    retracted and counted apart from the totals. Several fits that tell one train (a
    post and its relays: different reports, the same places, counts equal or untold,
    :func:`tell_one_train`) are that one train, and each is marked; when the fits
    disagree (two trains), or one only may be the train (its report tells no day),
    the problem lines name them and the analyst decides: a wrong mark would drop a
    real train from the counts.

    Parameters
    ----------
    found
        What :func:`retraction_matches` found for one denied train.
    files
        Each told train's file, by shipment id (two records of one file with no report
        id are two trains); None: unknown.

    Returns
    -------
    list of Shipment
        The fits to mark (all of ``found.fits``), or an empty list.

    Examples
    --------
    >>> from datetime import date
    >>> from railtrack.models import CarCounts, Source
    >>> brest = Place(text="Брест")
    >>> src = Source(reporter="Hajun", published=date(2026, 5, 20))
    >>> post = Shipment(id="a-t1", report="a", destination=brest, source=src,
    ...                 cars=CarCounts(total=44))
    >>> relay = Shipment(id="b-t1", report="b", destination=brest, source=src)
    >>> other = Shipment(id="c-t1", report="c", destination=brest, source=src,
    ...                  cars=CarCounts(total=30))
    >>> [t.id for t in sure_retracted(RetractionMatch([post, relay]))]
    ['a-t1', 'b-t1']
    >>> sure_retracted(RetractionMatch([post, relay, other]))
    []
    """
    fits = found.fits
    if not fits:
        return []
    where = files or {}
    pairs = ((a, b) for n, a in enumerate(fits) for b in fits[n + 1 :])
    if all(tell_one_train(a, b, (where.get(a.id), where.get(b.id))) for a, b in pairs):
        return list(fits)
    return []


def tell_one_train(
    a: Shipment, b: Shipment, files: tuple[str | None, str | None] = (None, None)
) -> bool:
    """Whether two trains that fit one retraction tell one train (a post and its relay).

    They do when they come from different reports (``report``, else their files) and
    nothing they tell disagrees: each end told by both is the same place, and each car
    count told by both is the same number. Their place and day at the retracted place
    already agree (both fit the retraction).

    Parameters
    ----------
    a, b
        Two trains :func:`retraction_matches` found fitting one retraction.
    files
        Their files (None when unknown): two records of one file with no report id are
        two trains (two rows of one log).

    Returns
    -------
    bool

    Examples
    --------
    >>> from railtrack.models import CarCounts, Source
    >>> src = Source(reporter="Hajun")
    >>> a = Shipment(id="a-t1", report="a", destination=Place(text="Брест"), source=src)
    >>> b = a.model_copy(update={"id": "b-t1", "report": "b", "origin": Place(text="Орша")})
    >>> tell_one_train(a, b), tell_one_train(a, a.model_copy(update={"id": "a-t2"}))
    (True, False)
    >>> tell_one_train(a, b.model_copy(update={"cars": CarCounts(total=30)}))
    True
    """
    if a.report is not None and b.report is not None:
        if a.report == b.report:
            return False
    elif a.report is None and b.report is None and (files[0] is None or files[0] == files[1]):
        return False
    for x, y in ((a.origin, b.origin), (a.destination, b.destination)):
        if x is not None and y is not None and not _same_place(x, y):
            return False
    counts = ("total", "passenger")
    return all(
        getattr(a.cars, c) is None
        or getattr(b.cars, c) is None
        or getattr(a.cars, c) == getattr(b.cars, c)
        for c in counts
    )


def marked_retracted(told: Shipment, denied: Shipment) -> Shipment:
    """Return ``told`` marked as retracted by the report that tells ``denied``.

    Parameters
    ----------
    told
        The train a retraction retracts.
    denied
        The train as the retraction tells it (its ``source``: who retracted it, when).

    Returns
    -------
    Shipment
        ``told`` with ``retracted_by`` (the retraction's reporter) and ``retracted_on``
        (its published day); ``told`` itself when it is marked already.

    Examples
    --------
    >>> from datetime import date
    >>> from railtrack.models import Source
    >>> brest = Place(text="Брест")
    >>> told = Shipment(id="a-t1", destination=brest, source=Source(reporter="Zerkalo"))
    >>> denied = Shipment(id="r-t1", destination=brest,
    ...                   source=Source(reporter="Hajun", published=date(2026, 5, 21)))
    >>> marked = marked_retracted(told, denied)
    >>> marked.retracted_by, marked.retracted_on, told.retracted_by
    ('Hajun', datetime.date(2026, 5, 21), None)
    >>> marked_retracted(marked, denied) is marked
    True
    """
    if told.retracted_by is not None:
        return told
    return told.model_copy(
        update={"retracted_by": denied.source.reporter, "retracted_on": denied.source.published}
    )


def _ids(trains: Sequence[Shipment], files: Mapping[str, str] | None = None) -> str:
    if files is None:
        return ", ".join(t.id for t in trains)
    return ", ".join(f"{t.id} of {files[t.id]}" if files.get(t.id) else t.id for t in trains)


def retraction_problem(
    where: str,
    told: Shipment,
    path: str,
    denied: Shipment,
    found: RetractionMatch | None = None,
    files: Mapping[str, str] | None = None,
    *,
    kept: frozenset[str] = frozenset(),
) -> Problem:
    """Return the problem on train ``told`` (of file ``where``) that ``denied`` retracts.

    Parameters
    ----------
    where
        The told train's file.
    told
        The train matched.
    path
        The retraction's file.
    denied
        The train the retraction denies.
    found
        What the retraction was matched with (:func:`retraction_matches`): when it
        fits several trains the problem names the others and says which one is not
        clear; when ``told`` only may be it, the problem says its day there is untold.
        None: ``told`` alone fits.
    files
        Each told train's file, by shipment id (:func:`sure_retracted`); None: unknown.
    kept
        Ids of trains the user keeps counted (``--keep-retracted``): such a train is
        said to be kept counted as asked.

    Returns
    -------
    Problem
        On the told train's own message when it comes from a Telegram post, else on
        its file; it names the retraction (:func:`retraction_label`). A train marked
        retracted (:func:`sure_retracted`) is said to be left out of the totals, and how
        to count it again when the match is wrong (:data:`UNDO`); any other is said to
        be still counted.

    Examples
    --------
    >>> from datetime import date
    >>> from railtrack.models import Source
    >>> brest = Place(text="Брест")
    >>> told = Shipment(id="a-t1", report="a", destination=brest,
    ...                 source=Source(reporter="Zerkalo", published=date(2026, 5, 20)))
    >>> denied = Shipment(id="r-t1", destination=brest,
    ...                   source=Source(reporter="Hajun", published=date(2026, 5, 21)))
    >>> p = retraction_problem("a.txt", told, "r.txt", denied)
    >>> p.path, "marked retracted and not counted" in p.message
    ('a.txt', True)
    >>> other = Shipment(id="c-t1", report="c", destination=Place(text="Брянск"),
    ...                  source=told.source)
    >>> p = retraction_problem("a.txt", told, "r.txt", denied, RetractionMatch([told, other]))
    >>> for part in p.message.split(": the source")[0].split(", or "):
    ...     print(part)
    train a-t1 (to Брест) is retracted by r.txt (published 2026-05-21)
    it is c-t1: which one is not clear
    """
    told_message = told.source.message_id
    by = retraction_label(path, denied)
    fits = found.fits if found is not None else [told]
    if found is not None and not found.fits:
        what = f"may be the train retracted by {by} (its report tells no day)"
    else:
        what = f"is retracted by {by}"
    others = [t for t in (found.named if found is not None else fits) if t.id != told.id]
    sure = found is None or any(t.id == told.id for t in sure_retracted(found, files))
    if sure and told.id in kept:
        then = f"it is {KEPT}"
    elif sure:
        if others:
            what += f", as is {_ids(others)} (the same train, told again)"
        then = "it is marked retracted and not counted in the totals (still listed); " + _undo(
            [told]
        )
    else:
        if others:
            what += f", or it is {_ids(others)}: which one is not clear"
        then = "it is still listed and counted; strike it if the retraction is of it"
    return Problem(
        where,
        told_message,
        None,
        f"train {told.id} ({_label(told)}) {what}: the source says there was no such train; "
        + then,
        "message" if told_message is not None else "row",
        published=_when(denied),
    )


def summary_problem(
    path: str,
    denied: Shipment,
    found: RetractionMatch,
    files: Mapping[str, str],
    *,
    kept: frozenset[str] = frozenset(),
) -> Problem:
    """Return the problem on a retraction saying which trains it fits (trial17b T6).

    Parameters
    ----------
    path
        The retraction's file.
    denied
        The train it denies.
    found
        The trains it was matched with (:func:`retraction_matches`).
    files
        Each told train's file, by shipment id.
    kept
        Ids of trains the user keeps counted (``--keep-retracted``).

    Returns
    -------
    Problem
        On the retraction's message (a Telegram export) or file: the one train it fits;
        the several it fits, and that which one is not clear; the trains it may be;
        or that no train loaded with it fits, so nothing is struck.

    Examples
    --------
    >>> from railtrack.models import Source
    >>> denied = Shipment(id="r-t1", destination=Place(text="Брест"),
    ...                   source=Source(reporter="Hajun"))
    >>> print(summary_problem("r.txt", denied, RetractionMatch(), {}).message)
    ... # doctest: +NORMALIZE_WHITESPACE
    the retraction (to Брест) fits no train loaded with it (none told at that place on
    that day): NOT applied, nothing to strike; every train stays counted
    """
    said = f"the retraction ({_label(denied)})"
    marked = "marked retracted and not counted in the totals"
    sure = sure_retracted(found, files)
    if sure and all(t.id in kept for t in sure):
        marked = KEPT
    if len(found.fits) == 1:
        message = f"{said} fits train {_ids(found.fits, files)}: {marked}"
    elif sure:
        message = (
            f"{said} fits {len(found.fits)} reports of one train, {_ids(found.fits, files)}: "
            f"each {marked}"
        )
    elif found.fits:
        message = (
            f"{said} fits {len(found.fits)} trains, {_ids(found.fits, files)}: ambiguous, "
            "which one it retracts is not clear; each is still listed"
        )
    elif found.may_be:
        message = (
            f"{said} fits no train told there on that day; it may be "
            f"{_ids(found.may_be, files)} (its report tells no day)"
            + (": ambiguous, which one is not clear" if len(found.may_be) > 1 else "")
        )
    else:
        message = (
            f"{said} fits no train loaded with it (none told at that place on that day): "
            "NOT applied, nothing to strike; every train stays counted"
        )
    if sure and marked != KEPT:
        message += "; " + _undo([t for t in sure if t.id not in kept])
    row = denied.source.message_id
    unit = "message" if row is not None else "row"
    return Problem(path, row, None, message, unit, published=_when(denied))


def _when(denied: Shipment) -> date | datetime | None:
    """Return when a retraction was published: its post's time, else its day, else None.

    Its problems are known from then (:attr:`railtrack.problems.Problem.published`),
    the one on the train it strikes too.

    >>> from railtrack.models import Source
    >>> _when(Shipment(id="r-t1", source=Source(reporter="H", published=date(2023, 3, 9))))
    datetime.date(2023, 3, 9)
    """
    return denied.source.published_at or denied.source.published


def keep_counted(result: ReportSet, ids: Iterable[str]) -> None:
    """Count again the trains ``ids`` that a retraction marked (``--keep-retracted``).

    A retraction names its train by place and day only, so its mark may fall on the
    wrong train. The user names the trains to keep counted; their marks are undone
    (those :func:`note_retracted` kept from marking, and those stored marked by
    ``railtrack convert`` or a store) and a problem on each says so; an id that is no
    train of ``result``, or names one no retraction marked, is a problem too.

    Parameters
    ----------
    result
        The loaded reports (changed in place).
    ids
        Shipment ids, as the problems and ``shipments.csv`` give them.

    Examples
    --------
    >>> from datetime import date
    >>> from railtrack.models import Source
    >>> rs = ReportSet()
    >>> rs.shipments = [Shipment(id="d-t3", source=Source(reporter="H"), retracted_by="H",
    ...                          retracted_on=date(2026, 8, 15))]
    >>> rs.shipments.append(Shipment(id="d-t4", source=Source(reporter="H")))
    >>> keep_counted(rs, ["d-t3", "d-t9", "d-t4"])
    >>> rs.shipments[0].retracted_by is None
    True
    >>> [p.message for p in rs.problems]  # doctest: +NORMALIZE_WHITESPACE
    ['train d-t3: its retraction mark (H, 2026-08-15) is undone; kept counted as asked
      (--keep-retracted)', 'no train of the input has id d-t9',
     'train d-t4 was not marked retracted: nothing undone']
    """
    wanted = keep_ids(ids)
    if not wanted:
        return
    known = {t.id for t in result.shipments}
    undone: set[str] = set()
    for n, told in enumerate(result.shipments):
        if told.id in wanted and told.retracted_by is not None:
            undone.add(told.id)
            result.problems.append(
                Problem(
                    result.files.get(("Shipment", told.id), ""),
                    told.source.message_id,
                    None,
                    f"train {told.id}: its retraction mark ({told.retracted_by}, "
                    f"{told.retracted_on or 'undated'}) is undone; {KEPT}",
                    "message" if told.source.message_id is not None else "row",
                )
            )
            result.shipments[n] = told.model_copy(
                update={"retracted_by": None, "retracted_on": None}
            )
    for wrong in (i for i in wanted if i not in known):
        result.problems.append(
            Problem("--keep-retracted", None, None, f"no train of the input has id {wrong}")
        )
    # a known train no retraction marked, nor kept from marking (review19 #6: a typo
    # naming another train's id was silently ignored)
    kept = {i for i in wanted if any(KEPT in p.message and i in p.message for p in result.problems)}
    unmarked = {t.id for t in result.shipments if t.retracted_by is None} - undone - kept
    for idle in (i for i in wanted if i in unmarked):
        result.problems.append(
            Problem(
                "--keep-retracted",
                None,
                None,
                f"train {idle} was not marked retracted: nothing undone",
            )
        )


def retraction_label(path: str, denied: Shipment) -> str:
    """Name the report that retracts a train: its file, and its message and time in an export.

    A Telegram export holds a channel's whole season in one file, so the file alone
    does not say which post retracts: the message id and its posting time (UTC, as the
    export gives it) do.

    Parameters
    ----------
    path
        The file the retraction was read from.
    denied
        A train the retraction denies (its ``source`` is the retraction's).

    Returns
    -------
    str
        ``"result.json message 9 (posted 2023-05-15 07:30 UTC)"``, or for a report
        file ``"b.txt (published 2023-05-15)"``.

    Examples
    --------
    >>> from datetime import UTC, date, datetime
    >>> from railtrack.models import Source
    >>> src = Source(reporter="Hajun", published=date(2023, 5, 15), message_id=9,
    ...              published_at=datetime(2023, 5, 15, 7, 30, tzinfo=UTC))
    >>> retraction_label("export/result.json", Shipment(id="x", source=src))
    'result.json message 9 (posted 2023-05-15 07:30 UTC)'
    >>> retraction_label("b.txt", Shipment(id="y", source=Source(reporter="Hajun")))
    'b.txt (published undated)'
    """
    source = denied.source
    if source.message_id is None:
        return f"{path} (published {source.published or 'undated'})"
    path = Path(path).name  # (an export's messages: its file name and the message id)
    when = source.published_at
    if when is None:
        posted = f"published {source.published or 'undated'}"
    elif when.tzinfo is not None:
        posted = f"posted {when.astimezone(UTC):%Y-%m-%d %H:%M} UTC"
    else:
        posted = f"posted {when:%Y-%m-%d %H:%M}, the exporting computer's time"
    return f"{path} message {source.message_id} ({posted})"


def told_elsewhere(denied: Shipment, told: Shipment, path: str, where: str) -> bool:
    """Whether ``told`` (of file ``where``) comes from another report than the retraction's.

    A Telegram export holds a channel's posts in one file, the retracted post and its
    retraction among them: the report, not the file, tells them apart; a file's path
    stands in only where the report is not known. A retraction's own report's trains
    are never ones it retracts.

    Parameters
    ----------
    denied
        A train the retraction denies.
    told
        A train of the input.
    path
        The retraction's file.
    where
        The told train's file.

    Returns
    -------
    bool

    Examples
    --------
    >>> from railtrack.models import Source
    >>> src = Source(reporter="H")
    >>> told_elsewhere(Shipment(id="b-t1", report="b", source=src),
    ...                Shipment(id="a-t1", report="a", source=src), "x.json", "x.json")
    True
    """
    if denied.report is not None and told.report is not None:
        return denied.report != told.report
    return where != path


def _label(shipment: Shipment) -> str:
    """Name a train by its places, days and cars ("to Brest, arrival 2023-05-14", "at Brest").

    Examples
    --------
    >>> from railtrack.models import CarCounts, Source
    >>> _label(Shipment(id="d-t3", destination=Place(text="Витебск"), via=[Place(text="Полоцк")],
    ...                 cars=CarCounts(total=38), source=Source(reporter="Hajun")))
    'to Витебск, via Полоцк, 38 cars'
    """
    parts = []
    if shipment.destination is not None:
        parts.append(f"to {shipment.destination.text}")
        parts.extend(f"via {v.text}" for v in shipment.via[:1])
    elif shipment.via:
        parts.append(f"at {shipment.via[0].text}")
    # (with no origin, a "departure" is the day the report dates it: a log row's day)
    left = "left" if shipment.origin is not None else "on"
    for word, window in (("arrival", shipment.expected_arrival), (left, shipment.departure)):
        days = _bounds(window)
        if days is not None:
            parts.append(f"{word} {days[0].isoformat()}")
    if shipment.cars.total is not None:  # which train of a station's day (trial18 T3)
        parts.append(f"{shipment.cars.total} cars")
    return ", ".join(parts) or "a train"

"""The date of knowledge: what was known on the as-of date, and nothing published later.

A briefing "as of 5 March 2023" must read as it could have been written on 5 March:
a report published in May, or a sighting made in April, is not yet known then.
:func:`cut_off` keeps the records published (shipments, groups) or seen
(sightings) on or before the as-of date and counts those left out, so the briefing
can say so. Without an as-of date the knowledge date is the latest publication or
sighting date in the input (never the wall clock, which would give a 2023 train an
arrival window in 2026); ``"today"`` asks for the wall-clock date explicitly.

A record without a publication date was published no earlier than the latest thing
it reports as seen (:func:`logged_day`: its train's departure, else its arrival, and
any sighting: a report of a train seen on 6 March cannot predate 6 March), so it is
left out when that day is after the as-of date; an analyst's log row of a train that
left on 11 January is not known on 10 January. The floor is the whole report's
(:func:`publication_floors`): an undated article telling of a train that left on
1 March is not known before 1 March, nor is the train it gives no date for.
Otherwise a record is kept (its date is unknown, not later) and counted in
:attr:`Knowledge.undated`; but a table row whose date cell cannot be read at all and
that has no publication date is left out of a cut at a given as-of date, with a problem
naming its file, row and field: nobody can tell when it was known (trial19 T2;
counted in :attr:`Knowledge.undatable`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Literal

from railtrack.problems import Problem

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from railtrack.io import ReportSet
    from railtrack.models import Shipment, ShipmentGroup, Sighting
    from railtrack.problems import Problem

__all__ = [
    "AsOfBasis",
    "Knowledge",
    "cut_off",
    "knowledge_date",
    "logged_day",
    "logged_departure",
    "problem_times",
    "publication_floors",
    "unretracted",
]

AsOfBasis = Literal["given", "today", "latest in input", "none"]
"""How the as-of date was chosen: given by the user, ``today`` asked for, the latest
publication or sighting date in the input, or none (the input holds no date)."""


@dataclass(frozen=True)
class Knowledge:
    """The as-of date a run used and what the cut-off left out.

    Attributes
    ----------
    as_of
        The date of knowledge; None when the input holds no date at all.
    basis
        How ``as_of`` was chosen (see :data:`AsOfBasis`).
    shipments_after, groups_after, sightings_after
        Records published (sightings: seen) after ``as_of``, left out; of groups only
        those telling a car count (a group total: a group of trains with no count
        leaves nothing out but its trains, counted in ``shipments_after``).
    undated
        Shipments and groups kept although their publication date is unknown.
    undatable
        Table rows left out of a given as-of date's cut: no publication date, and a
        date cell that cannot be read (``ReportSet.unreadable_dates``).
    """

    as_of: date | None
    basis: AsOfBasis
    shipments_after: int = 0
    groups_after: int = 0
    sightings_after: int = 0
    undated: int = 0
    undatable: int = 0
    retractions_after: int = 0
    """Trains kept counted because the retraction marking them was published after
    ``as_of`` (:func:`unretracted`)."""
    problems_after: int = 0
    """Problems left out: about reports (or retractions) published after ``as_of``."""
    nothing_read: bool = False
    """Whether the input held no train, group or sighting at all (then no date is missing)."""

    @property
    def reports_after(self) -> int:
        """Shipments, groups and sightings left out because they came after ``as_of``."""
        return self.shipments_after + self.groups_after + self.sightings_after

    def note(self) -> str:
        """Return one plain sentence on the as-of date and what it left out.

        Examples
        --------
        >>> Knowledge(date(2023, 3, 5), "given", shipments_after=1).note()
        'Knowledge as of 2023-03-05 (the date asked for): 1 train reported after that date is left out.'
        >>> Knowledge(None, "none").note()
        'No record read from the input has a publication or sighting date; estimates are made as of today.'
        >>> Knowledge(None, "none", nothing_read=True).note()
        'No train, group or sighting was read from the input; estimates are made as of today.'
        """  # noqa: E501
        if self.as_of is None and self.nothing_read:
            # files with a published header that told no train date nothing (trial14 C4)
            return (
                "No train, group or sighting was read from the input; "
                "estimates are made as of today."
            )
        if self.as_of is None:
            return (
                "No record read from the input has a publication or sighting date; "
                "estimates are made as of today."
            )
        why = {
            "given": "the date asked for",
            "today": "today",
            "latest in input": "the latest publication, sighting or logged departure or "
            "arrival date of a train, group or sighting read from the input",
            "none": "no date",
        }[self.basis]
        text = f"Knowledge as of {self.as_of.isoformat()} ({why})"
        later = [
            _count(self.shipments_after, "train", "trains") + " reported",
            _count(self.groups_after, "group total", "group totals") + " reported",
            _count(self.sightings_after, "sighting", "sightings") + " made",
        ]
        counts = (self.shipments_after, self.groups_after, self.sightings_after)
        left = [text for text, n in zip(later, counts, strict=True) if n]
        if left:
            verb = "is" if sum(counts) == 1 else "are"
            text += f": {', '.join(left)} after that date {verb} left out."
        else:
            text += ": nothing in the input is later."
        if self.retractions_after:
            text += (
                f" {_count(self.retractions_after, 'train', 'trains')} retracted after that "
                "date counted as then (the retraction was not yet published)."
            )
        if self.problems_after:
            text += (
                f" {_count(self.problems_after, 'problem', 'problems')} about reports "
                "published after that date left out."
            )
        if self.undated:
            text += f" {_count(self.undated, 'record', 'records')} without a publication date kept."
        if self.undatable:
            text += (
                f" {_count(self.undatable, 'table row', 'table rows')} whose date cannot be "
                "read left out (when it was known cannot be told)."
            )
        return text


def _counted(group: ShipmentGroup) -> bool:
    """Whether a group tells a car figure: a total (a bound alone too) or a kind's count.

    "up to 50 cars", "two passenger cars in both": the rule of
    :func:`railtrack.engine_dask._counted_groups` over the group frame's car columns.
    """
    from railtrack.models import CAR_TYPES

    counts = group.cars.model_dump()
    return any(counts.get(kind) is not None for kind in ("total", *CAR_TYPES))


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _day(value: date | datetime | str) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _moment(value: date | datetime | str) -> datetime | None:
    """Return the as-of time (naive UTC) when ``value`` gives a time of day, else None.

    A naive midnight (``pd.Timestamp("2024-03-05")``, ``datetime(2024, 3, 5)``) is a
    day, as the date string is: the whole day is known (review20 #3).

    >>> _moment("2024-03-05 14:00"), _moment("2024-03-05"), _moment(datetime(2024, 3, 5))
    (datetime.datetime(2024, 3, 5, 14, 0), None, None)
    >>> _moment("2024-03-06T01:00+03:00")
    datetime.datetime(2024, 3, 5, 22, 0)
    """
    if isinstance(value, str) and len(value.strip()) > len("YYYY-MM-DD"):
        try:
            value = datetime.fromisoformat(value.strip())
        except ValueError:
            raise ValueError(
                f"as-of {value!r} is no date or time: give YYYY-MM-DD or YYYY-MM-DD HH:MM"
            ) from None
    if not isinstance(value, datetime):
        return None
    if value.tzinfo is None and value.time() == datetime.min.time():
        return None
    return _utc(value)


def _utc(value: datetime) -> datetime:
    """Return ``value`` as naive UTC (railtrack's time convention; naive is taken as UTC)."""
    if value.tzinfo is None:
        return value
    return value.astimezone(UTC).replace(tzinfo=None)


def knowledge_date(reports: ReportSet) -> date | None:
    """Return the latest date in ``reports`` by which their facts were known (None: no date).

    That is the latest publication or sighting date (a retraction's too), and for a
    shipment with no publication date (a row of an analyst's own log) the day it was
    seen leaving or, with no departure, arriving (:func:`logged_day`).
    A log of past trains is then read as known after its last train left, never as
    plans.

    Parameters
    ----------
    reports : railtrack.io.ReportSet
        Shipments, groups and sightings.

    Returns
    -------
    datetime.date or None
        The latest such date; None when there is none.

    Examples
    --------
    >>> from railtrack.io import ReportSet
    >>> from railtrack.models import DateWindow, Place, Shipment, Source
    >>> knowledge_date(ReportSet()) is None
    True
    >>> logged = Shipment(id="row-2", origin=Place(text="Slonim"), source=Source(reporter="me"),
    ...                   departure=DateWindow(earliest=date(2025, 4, 6), latest=date(2025, 4, 6)))
    >>> knowledge_date(ReportSet(shipments=[logged]))
    datetime.date(2025, 4, 6)
    """
    days: list[date | None] = [s.source.published for s in reports.shipments]
    days += [g.source.published for g in reports.groups]
    days += [x.seen_at.date() for x in reports.sightings]
    days += [logged_day(s) for s in reports.shipments]
    # a retraction is read too, though it lists no train (trial20 T4): the latest
    # date must not undo it
    days += [s.retracted_on for s in reports.shipments]
    days += [denied.source.published for _, denied in reports.retracted]
    known = [d for d in days if d is not None]
    return max(known) if known else None


def logged_departure(shipment: Shipment) -> date | None:
    """Return the day a record with no publication date saw its train leave.

    None when the record has a publication date, no departure, or a departure only
    planned (a plan may be written before its day). A train the source *expects* has
    left: what is expected is its arrival ("left on 1 March, likely to reach Donbas
    after 8 March"), so its departure counts.

    Parameters
    ----------
    shipment : railtrack.models.Shipment
        A record.

    Returns
    -------
    datetime.date or None
        The earliest day of its departure window, or None.

    Examples
    --------
    >>> from railtrack.models import DateWindow, Place, Shipment, Source
    >>> left = DateWindow(earliest=date(2025, 4, 6), latest=date(2025, 4, 7))
    >>> row = Shipment(id="r", origin=Place(text="Slonim"), source=Source(reporter="me"),
    ...                departure=left)
    >>> logged_departure(row)
    datetime.date(2025, 4, 6)
    >>> logged_departure(row.model_copy(update={"claim": "planned"})) is None
    True
    >>> logged_departure(row.model_copy(update={"claim": "expected"}))
    datetime.date(2025, 4, 6)
    """
    if shipment.source.published is not None or shipment.departure is None:
        return None
    return shipment.departure.earliest if shipment.claim != "planned" else None


def logged_day(shipment: Shipment) -> date | None:
    """Return the first day a record with no publication date reports as seen.

    Its departure's earliest day (:func:`logged_departure`); with no departure, the
    earliest day of the arrival it reports. None when the record has a publication
    date, no such day, or is only a plan, or reports only an expected arrival (a plan
    or an expectation may be written before its day). A record cannot have been
    written before the day it reports.

    Parameters
    ----------
    shipment : railtrack.models.Shipment
        A record.

    Returns
    -------
    datetime.date or None
        The earliest day of its departure (else of its sighted arrival), or None.

    Examples
    --------
    >>> from railtrack.models import DateWindow, Place, Shipment, Source
    >>> came = DateWindow(earliest=date(2023, 3, 4), latest=date(2023, 3, 4))
    >>> row = Shipment(id="r", destination=Place(text="Matveev Kurgan"),
    ...                source=Source(reporter="me"), expected_arrival=came)
    >>> logged_day(row)
    datetime.date(2023, 3, 4)
    >>> logged_day(row.model_copy(update={"claim": "expected"})) is None
    True
    """
    if shipment.source.published is not None or shipment.claim == "planned":
        return None
    if shipment.departure is not None:
        return logged_departure(shipment)
    if shipment.claim != "sighted":
        return None  # an arrival only expected may be written before its day
    arrival = shipment.expected_arrival
    return arrival.earliest if arrival is not None else None


def _floor_key(record: Shipment | ShipmentGroup) -> str:
    """Return the key a record's publication floor is kept under: its report, else its id."""
    return f"report:{record.report}" if record.report is not None else record.id


def publication_floors(reports: ReportSet) -> dict[str, date]:
    """Return the day before which each undated report cannot have been written.

    A report is written no earlier than the latest thing it tells as seen: any
    sighting of its trains and each train's logged departure or arrival
    (:func:`logged_day`). The floor belongs to the whole report (every train and
    group total with the same ``report``; a record with no ``report`` is its own),
    so a train the report gives no date for is not known before its dated sibling:
    an article telling of a train that left on 1 March is not known on 10 January,
    nor is the undated train beside it.

    Parameters
    ----------
    reports
        Loaded reports.

    Returns
    -------
    dict
        Keyed ``"report:<report>"`` for records that name their report, else by the
        record's id (a shipment, or a group through its trains); only records with a
        floor appear.

    Examples
    --------
    >>> from railtrack.io import ReportSet
    >>> from railtrack.models import DateWindow, Place, Shipment, Source
    >>> me = Source(reporter="me")
    >>> dated = Shipment(id="t2", report="a", destination=Place(text="Neklinovka"),
    ...                  source=me, departure=DateWindow.day(date(2023, 3, 1)))
    >>> undated = Shipment(id="t1", report="a", destination=Place(text="Matveev Kurgan"),
    ...                    source=me)
    >>> publication_floors(ReportSet(shipments=[undated, dated]))
    {'report:a': datetime.date(2023, 3, 1)}
    """
    seen: dict[str, date] = {}
    for x in reports.sightings:
        if x.shipment is not None:
            seen[x.shipment] = max(seen.get(x.shipment, x.seen_at.date()), x.seen_at.date())
    floors: dict[str, date] = {}

    def raise_to(key: str, floor: date) -> None:
        floors[key] = max(floors.get(key, floor), floor)

    for ship in reports.shipments:
        days = [d for d in (seen.get(ship.id), logged_day(ship)) if d is not None]
        if ship.source.published is None and days:
            raise_to(_floor_key(ship), max(days))
    for ship in reports.shipments:  # a group total is known with its trains
        floor = floors.get(_floor_key(ship))
        if ship.group is not None and floor is not None:
            raise_to(ship.group, floor)
    for group in reports.groups:
        if group.report is not None and group.id in floors:
            raise_to(_floor_key(group), floors[group.id])
    return floors


def unretracted(shipment: Shipment, day: date) -> Shipment:
    """Return ``shipment`` as known on ``day``: its retraction mark undone if published later.

    A retraction posted on 9 March did not exist on 8 March: a look-back to 8 March
    counts the train it strikes (trial20 T4). The mark keeps the retraction's day
    (``retracted_on``), not its time, so a look-back to a time of that very day still
    applies it; an undated mark stays (its day is unknown, not later).

    Parameters
    ----------
    shipment
        A train, perhaps marked retracted (:mod:`railtrack.io.retractions`).
    day
        The as-of day.

    Returns
    -------
    railtrack.models.Shipment
        ``shipment`` itself, or a copy without ``retracted_by`` and ``retracted_on``.

    Examples
    --------
    >>> from railtrack.models import Shipment, Source
    >>> told = Shipment(id="t1", source=Source(reporter="H"), retracted_by="H",
    ...                 retracted_on=date(2023, 3, 9))
    >>> unretracted(told, date(2023, 3, 8)).retracted_by is None
    True
    >>> unretracted(told, date(2023, 3, 9)).retracted_by
    'H'
    """
    if shipment.retracted_on is None or shipment.retracted_on <= day:
        return shipment
    return shipment.model_copy(update={"retracted_by": None, "retracted_on": None})


_When = tuple[datetime | None, date]
"""When a report was published: its time (naive UTC) if known, and its day."""


def _when(value: date | datetime) -> _When:
    if isinstance(value, datetime):
        return _utc(value), value.date()
    return None, value


def problem_times(reports: ReportSet) -> Callable[[Problem], _When | None]:
    """Return a function giving when each problem of ``reports`` became known.

    A problem that carries its own time (:attr:`railtrack.problems.Problem.published`:
    a retraction's, on the train it strikes too) has that one. Otherwise it is its
    report's: on a ``message`` of an export, that post's (from its trains, groups
    and sightings, else the post as read); on a file that is one report (every
    record read from it, and every train a retraction in it denies, names the same
    report: a text report, a web page), that report's latest publication. A problem
    of no report so dated (a table's row, a file that gave nothing) is None: it stays
    in every look-back.

    Parameters
    ----------
    reports
        Loaded reports and their problems.

    Returns
    -------
    callable
        Problem -> (time or None, day), or None when nothing dates it.

    Examples
    --------
    >>> from railtrack.io import ReportSet
    >>> from railtrack.models import Shipment, Source
    >>> from railtrack.problems import Problem
    >>> rs = ReportSet()
    >>> rs.add(Shipment(id="a-t1", report="a", source=Source(reporter="H",
    ...        published=date(2023, 3, 9))), file="a.txt")
    >>> when = problem_times(rs)
    >>> when(Problem("a.txt", 3, None, "a year out of range", "line"))
    (None, datetime.date(2023, 3, 9))
    >>> when(Problem("b.csv", 3, "cars", "not a count")) is None
    True
    """
    posts: dict[tuple[str, int], _When] = {}
    files: dict[str, list[tuple[str | None, date | datetime | None]]] = {}
    for file, report, message_id, published in _told_reports(reports):
        files.setdefault(file, []).append((report, published))
        if message_id is not None and published is not None:
            key = (file, message_id)
            posts[key] = max(posts.get(key, _when(published)), _when(published), key=_day_of)
    for post in reports.posts:  # a post that gave no record: the version read
        posts.setdefault((post.file, post.message_id), _when(datetime.fromisoformat(post.version)))
    whole: dict[str, _When] = {}
    for file, told in files.items():
        reports_of = {r for r, _ in told}
        days = [_when(p) for _, p in told if p is not None]
        if len(reports_of) == 1 and None not in reports_of and len(days) == len(told):
            whole[file] = max(days, key=_day_of)

    def when(problem: Problem) -> _When | None:
        if problem.published is not None:
            return _when(problem.published)
        if problem.unit == "message" and problem.row is not None:
            return posts.get((problem.path, problem.row))
        return whole.get(problem.path)

    return when


def _told_reports(
    reports: ReportSet,
) -> Iterator[tuple[str, str | None, int | None, date | datetime | None]]:
    """Yield each record's file, report, message id and publication (time, else day).

    The trains retractions deny count too (a retraction's report lists no train).
    """
    from railtrack.models import Sighting

    report_of = {s.id: s.report for s in reports.shipments}
    records: list[Shipment | ShipmentGroup | Sighting] = [
        *reports.shipments,
        *reports.groups,
        *reports.sightings,
    ]
    for record in records:
        file = reports.files.get((type(record).__name__, record.id))
        if file is None:
            continue
        source = record.source
        if isinstance(record, Sighting):
            report = report_of.get(record.shipment or "")
        else:
            report = record.report
        yield file, report, source.message_id, source.published_at or source.published
    for file, denied in reports.retracted:
        told = denied.source
        yield file, denied.report, told.message_id, told.published_at or told.published


def _day_of(when: _When) -> tuple[date, datetime]:
    return when[1], when[0] or datetime.combine(when[1], datetime.min.time())


def _known_by(when: _When | None, day: date, moment: datetime | None) -> bool:
    """Whether a report published ``when`` was known on ``day`` (at ``moment``, if given)."""
    if when is None:
        return True
    at, published = when
    if moment is not None and at is not None:
        return at <= moment
    return published <= day


def cut_off(
    reports: ReportSet, as_of: date | datetime | str | None = None
) -> tuple[ReportSet, Knowledge]:
    """Keep what was known on ``as_of``: return those reports and what was left out.

    Parameters
    ----------
    reports
        Loaded reports (shipments, groups, sightings and their problems).
    as_of
        The date of knowledge (a date, a datetime, ``"YYYY-MM-DD"`` or ``"today"``);
        None takes the latest date in ``reports`` (:func:`knowledge_date`: publications,
        sightings, and the departures of records with no publication date).

    Returns
    -------
    tuple of (ReportSet, Knowledge)
        A new set with the shipments and groups published on or before ``as_of`` and
        the sightings made on or before that day (problems and file names kept; an
        undated record whose report tells of a later sighting, departure or arrival
        is left out),
        and the :class:`Knowledge` that says what was left out. A shipment whose
        group was published later keeps its own counts; the group's total is left
        out with the group.

    Raises
    ------
    ValueError
        If ``as_of`` is a string that is neither a date nor ``"today"``.

    Examples
    --------
    >>> from railtrack import data_path, load_reports
    >>> known, k = cut_off(load_reports(data_path("reports")), "2023-03-05")
    >>> k.as_of.isoformat(), k.basis, k.shipments_after
    ('2023-03-05', 'given', 3)
    >>> _, latest = cut_off(load_reports(data_path("reports")))
    >>> latest.basis, latest.shipments_after
    ('latest in input', 0)
    """
    basis: AsOfBasis
    if as_of is None:
        day = knowledge_date(reports)
        basis = "latest in input" if day is not None else "none"
    elif isinstance(as_of, str) and as_of.strip().lower() == "today":
        day, basis = date.today(), "today"  # noqa: DTZ011 - the user's calendar day
    else:
        day, basis = _day(as_of), "given"
    if day is None:
        nothing = not (reports.shipments or reports.groups or reports.sightings)
        return reports, Knowledge(None, basis, nothing_read=nothing)

    floors = publication_floors(reports)
    moment = _moment(as_of) if basis == "given" and as_of is not None else None
    if moment is not None:
        day = moment.date()  # a zoned time's day is its UTC day, as its cut (review20 #3)
    undatable = _undatable(reports, floors, day) if basis in ("given", "today") else {}

    def known(record: Shipment | ShipmentGroup) -> bool:
        if (type(record).__name__, record.id) in undatable:
            return False
        at = record.source.published_at
        if moment is not None and at is not None:
            return _utc(at) <= moment  # a post timed later that day is not yet known
        published = record.source.published or floors.get(_floor_key(record))
        return published is None or published <= day

    def seen(sighting: Sighting) -> bool:
        if moment is not None and sighting.precision == "datetime":
            return _utc(sighting.seen_at) <= moment
        return sighting.seen_at.date() <= day

    shipments = [unretracted(s, day) for s in reports.shipments if known(s)]
    groups = [g for g in reports.groups if known(g)]
    sightings = [s for s in reports.sightings if seen(s)]
    undated = sum(s.source.published is None for s in shipments)
    undated += sum(g.source.published is None for g in groups)
    times = problem_times(reports)
    kept = replace(
        reports,
        shipments=shipments,
        groups=groups,
        sightings=sightings,
        problems=[
            *(p for p in reports.problems if _known_by(times(p), day, moment)),
            *undatable.values(),
        ],
        files=dict(reports.files),
    )
    return kept, Knowledge(
        as_of=day,
        basis=basis,
        shipments_after=len(reports.shipments) - len(shipments) - len(undatable),
        # a group total left out, never a group that holds no count (trial15 C3):
        # its trains are counted as trains left out; a count is any car figure, an
        # upper bound alone too, as the Dask engine counts them (_counted_groups)
        groups_after=sum(
            _counted(g) for g in reports.groups if ("ShipmentGroup", g.id) not in undatable
        )
        - sum(_counted(g) for g in groups),
        sightings_after=len(reports.sightings) - len(sightings),
        undated=undated,
        undatable=len(undatable),
        retractions_after=sum(
            s.retracted_by is not None and t.retracted_by is None
            for s, t in zip((s for s in reports.shipments if known(s)), shipments, strict=True)
        ),
        problems_after=len(reports.problems) - (len(kept.problems) - len(undatable)),
    )


def _undatable(
    reports: ReportSet, floors: dict[str, date], day: date
) -> dict[tuple[str, str], Problem]:
    """Return the table rows an as-of cut leaves out, each with its problem.

    A row with no publication date (nor a floor from what its report tells) whose
    date cell cannot be read: nobody can tell when it was known (trial19 T2).
    """
    out: dict[tuple[str, str], Problem] = {}
    records: list[Shipment | ShipmentGroup] = [*reports.shipments, *reports.groups]
    for record in records:
        key = (type(record).__name__, record.id)
        where = reports.unreadable_dates.get(key)
        if where is None or record.source.published or floors.get(_floor_key(record)):
            continue
        row, field, unit = where
        out[key] = Problem(
            reports.files.get(key, ""),
            row,
            field,
            f"its date cannot be read and it has no publication date, so when it was known "
            f"cannot be told: left out of the as-of cut ({day.isoformat()})",
            unit,
        )
    return out

"""Name the train of an earlier report that a later report retracts (trial15 T2).

A channel posts a train ("Учора ў Брэст прыбыў эшалон з танкамі") and later retracts it
("інфармацыя пра эшалон ..., які нібыта прыбыў учора ў Брэст, не пацвердзілася").
The retraction lists no train (:mod:`railtrack.extract.retractions`); here each train
it denies is matched with the trains of the same input told no later than it: the same
destination (station, else the name as written), and an arrival window that overlaps
the denied one (or, when either gives none, a report published at most
``Settings.retraction_match_days`` days before the retraction). Each train matched gets a problem on
its own file saying which report retracts it.

What a user gets: the train stays listed, with that problem beside it, rather than
being dropped. A retraction names its train only by place and day, so a match can be
wrong (two trains at Brest that day); deleting a train on such a match would lose one
silently, while a problem line tells the analyst which train to strike (or to keep,
if the match is wrong). A train matched no longer passes unnoticed.
"""

from __future__ import annotations

import logging
from datetime import UTC, timedelta
from typing import TYPE_CHECKING

from railtrack.io.reportset import Problem, ReportSet
from railtrack.models import DateWindow, Place, Shipment
from railtrack.settings import DEFAULT_SETTINGS

if TYPE_CHECKING:
    from railtrack.settings import Settings

__all__ = ["matches", "note_retracted", "retraction_label", "retraction_problem"]

logger = logging.getLogger(__name__)


def _same_place(a: Place | None, b: Place | None) -> bool:
    if a is None or b is None:
        return False
    if a.station_id and b.station_id:
        return a.station_id == b.station_id
    return a.text.casefold() == b.text.casefold()


def _overlap(a: DateWindow, b: DateWindow) -> bool:
    a_first, b_first = a.earliest or a.latest, b.earliest or b.latest
    a_last, b_last = a.latest or a.earliest, b.latest or b.earliest
    if None in (a_first, b_first, a_last, b_last):
        return False
    return bool(a_first <= b_last and b_first <= a_last)  # type: ignore[operator]


def _matches(denied: Shipment, told: Shipment, match_days: int) -> bool:
    """Whether ``told`` may be the train ``denied`` retracts."""
    if not _same_place(denied.destination, told.destination):
        return False
    day, told_day = denied.source.published, told.source.published
    if day is not None and told_day is not None and told_day > day:
        return False  # (a report after the retraction tells another train)
    if denied.expected_arrival is not None and told.expected_arrival is not None:
        return _overlap(denied.expected_arrival, told.expected_arrival)
    if day is None or told_day is None:
        return False
    return day - timedelta(days=match_days) <= told_day


def note_retracted(
    result: ReportSet,
    retracted: list[tuple[str, Shipment]],
    *,
    settings: Settings | None = None,
) -> None:
    """Add a problem on each train of ``result`` that a retraction denies (in place).

    Parameters
    ----------
    result
        The loaded reports; a problem is appended for each train matched.
    retracted
        (file of the retraction, a train it denies), as the loaders read them.
    settings
        ``retraction_match_days`` bounds how long before the retraction an undated
        train's report may be the one retracted; None: the defaults.

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
    """
    if not retracted:
        return
    match_days = (settings or DEFAULT_SETTINGS).retraction_match_days
    said = {(p.path, p.row, p.message) for p in result.problems}  # (a converted folder's)
    for path, denied in retracted:
        for told in result.shipments:
            where = result.files.get(("Shipment", told.id), "")
            if _same_report(denied, told, path, where) or not _matches(denied, told, match_days):
                continue
            problem = retraction_problem(where, told, path, denied)
            if (problem.path, problem.row, problem.message) in said:
                continue  # said when the folder was converted
            said.add((problem.path, problem.row, problem.message))
            result.problems.append(problem)
            logger.info("%s retracts %s", path, told.id)


def retraction_problem(where: str, told: Shipment, path: str, denied: Shipment) -> Problem:
    """Return the problem on train ``told`` (of file ``where``) that ``denied`` retracts.

    It stands on the told train's own message when the train comes from a Telegram
    post, else on its file, and names the retraction (:func:`retraction_label`).

    Parameters
    ----------
    where
        The file ``told`` was read from (the problem's path).
    told
        The train of an earlier report that the retraction matches.
    path
        The file the retraction was read from.
    denied
        The train the retraction denies (its ``source`` is the retraction's).

    Returns
    -------
    Problem
        On ``where``, row the told train's message id (``unit`` ``"message"``) when it
        comes from a Telegram post, else no row (``unit`` ``"row"``); no field.

    Examples
    --------
    >>> from datetime import date
    >>> from railtrack.models import Source
    >>> brest = Place(text="Brest")
    >>> told = Shipment(id="a-t1", destination=brest,
    ...                 source=Source(reporter="Hajun", published=date(2023, 5, 14)))
    >>> denied = Shipment(id="b-t1", destination=brest,
    ...                   source=Source(reporter="Hajun", published=date(2023, 5, 15)))
    >>> p = retraction_problem("a.txt", told, "b.txt", denied)
    >>> p.path, p.row, p.unit
    ('a.txt', None, 'row')
    >>> p.message[:60]
    'train a-t1 (to Brest) is retracted by b.txt (published 2023-'
    """
    told_message = told.source.message_id
    return Problem(
        where,
        told_message,
        None,
        f"train {told.id} ({_label(told)}) is retracted by {retraction_label(path, denied)}"
        ": the source says there was no such train; it is still listed, strike it if the "
        "retraction is of it",
        "message" if told_message is not None else "row",
    )


def matches(
    denied: Shipment,
    told: Shipment,
    path: str,
    where: str,
    *,
    settings: Settings | None = None,
) -> bool:
    """Whether ``told`` (read from file ``where``) may be the train ``denied`` retracts.

    A train of the retraction's own report is never one it retracts; nor is one told
    after the retraction. Otherwise it needs the same destination (station id, else the
    name as written) and arrival windows that overlap, or, when either gives none, a
    report published at most ``settings.retraction_match_days`` days before it.

    Parameters
    ----------
    denied
        A train the retraction denies (its ``source`` is the retraction's).
    told
        A train of an earlier report.
    path
        The file the retraction was read from.
    where
        The file ``told`` was read from.
    settings
        Gives ``retraction_match_days``; None: the defaults (3 days).

    Returns
    -------
    bool
        True when ``told`` may be the train retracted.

    Examples
    --------
    >>> from datetime import date
    >>> from railtrack.models import Source
    >>> from railtrack.settings import Settings
    >>> def told_on(day):
    ...     src = Source(reporter="Hajun", published=date(2023, 5, day))
    ...     return Shipment(id=f"t{day}", destination=Place(text="Brest"), source=src)
    >>> denied = told_on(15)
    >>> [matches(denied, told_on(d), "b.txt", "a.txt") for d in (11, 12, 15, 16)]
    [False, True, True, False]
    >>> matches(denied, told_on(11), "b.txt", "a.txt",
    ...         settings=Settings(retraction_match_days=4))
    True
    """
    match_days = (settings or DEFAULT_SETTINGS).retraction_match_days
    return not _same_report(denied, told, path, where) and _matches(denied, told, match_days)


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
    'export/result.json message 9 (posted 2023-05-15 07:30 UTC)'
    >>> retraction_label("b.txt", Shipment(id="y", source=Source(reporter="Hajun")))
    'b.txt (published undated)'
    """
    source = denied.source
    if source.message_id is None:
        return f"{path} (published {source.published or 'undated'})"
    when = source.published_at
    if when is None:
        posted = f"published {source.published or 'undated'}"
    elif when.tzinfo is not None:
        posted = f"posted {when.astimezone(UTC):%Y-%m-%d %H:%M} UTC"
    else:
        posted = f"posted {when:%Y-%m-%d %H:%M}, the exporting computer's time"
    return f"{path} message {source.message_id} ({posted})"


def _same_report(denied: Shipment, told: Shipment, path: str, where: str) -> bool:
    """Whether ``told`` comes from the retraction's own report (its own train is kept aside).

    A Telegram export holds a channel's posts in one file, the retracted post and its
    retraction among them: the report, not the file, tells them apart; a file's path
    stands in only where the report is not known.
    """
    if denied.report is not None and told.report is not None:
        return denied.report == told.report
    return where == path


def _label(shipment: Shipment) -> str:
    parts = []
    if shipment.destination is not None:
        parts.append(f"to {shipment.destination.text}")
    arrival = shipment.expected_arrival
    if arrival is not None and (arrival.earliest or arrival.latest) is not None:
        parts.append(f"arrival {(arrival.earliest or arrival.latest).isoformat()}")  # type: ignore[union-attr]
    return ", ".join(parts) or "a train"

"""Exception hierarchy: one root, :class:`RailtrackError`, each subclass also a built-in.

Catch ``RailtrackError`` to handle anything railtrack raises on purpose; catch the
built-in (``ValueError``, ``LookupError``, ``OSError``) where that reads better.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

__all__ = [
    "InputPathError",
    "NetworkError",
    "NoRoute",
    "RailtrackError",
    "ReportError",
    "StationNotFound",
    "StoreError",
]


class RailtrackError(Exception):
    """Root of every error railtrack raises on purpose.

    Raised as such (not a subclass) for an as-of date that is not a date
    (:func:`railtrack.estimate_arrivals`, :func:`railtrack.track_status`); every
    other railtrack error is one of the subclasses below, so ``except
    RailtrackError`` catches them all. Validation errors of the report models are
    pydantic's ``ValidationError`` (a ``ValueError``), not railtrack errors.

    Examples
    --------
    >>> issubclass(StationNotFound, RailtrackError), issubclass(StationNotFound, LookupError)
    (True, True)
    """


class InputPathError(RailtrackError, FileNotFoundError):
    """A path given by the user does not exist or cannot be read.

    Raised by :func:`railtrack.load_reports`, :func:`railtrack.load_network`,
    :func:`railtrack.load_trips`, the Telegram reader and the command line when an
    input file or directory is missing. Also a ``FileNotFoundError``.

    Examples
    --------
    >>> from railtrack import load_network
    >>> load_network("no-such-network")
    Traceback (most recent call last):
    ...
    railtrack.errors.InputPathError: network directory not found: no-such-network
    """


class ReportError(RailtrackError, ValueError):
    """A report record is invalid; names the file, the row or line and the field.

    Raised by :func:`railtrack.load_reports` with ``strict=True`` on the first
    problem (without it, problems are collected instead), by
    :func:`railtrack.load_trips` for a missing column or (strict) a bad row, and by
    :func:`railtrack.calibrate` when no trip can be used. Also a ``ValueError``.

    Parameters
    ----------
    message
        What is wrong (kept as ``reason``).
    path, row, field
        Where: the file (its name starts the message), the row or line, the field.

    Examples
    --------
    >>> err = ReportError("'eighty six?' is not a number", path="data/reports.csv",
    ...                   row=14, field="cars")
    >>> print(err)
    reports.csv row 14, field 'cars': 'eighty six?' is not a number
    >>> err.row, err.field, isinstance(err, ValueError)
    (14, 'cars', True)
    """

    def __init__(
        self,
        message: str,
        *,
        path: str | Path | None = None,
        row: int | None = None,
        field: str | None = None,
    ) -> None:
        self.path = None if path is None else str(path)
        self.row = row
        self.field = field
        self.reason = message
        head = " ".join(
            part
            for part in (
                Path(self.path).name if self.path is not None else "",
                f"row {row}" if row is not None else "",
            )
            if part
        )
        if field is not None:
            head = f"{head}, field {field!r}" if head else f"field {field!r}"
        prefix = head
        super().__init__(f"{prefix}: {message}" if prefix else message)


class NetworkError(RailtrackError, ValueError):
    """A network directory is malformed beyond what can be repaired.

    Raised by :func:`railtrack.load_network` for a stations or links file that
    lacks a required column, is not UTF-8 or is not CSV, or a malformed
    ``regions.yaml``; by the OSM import for an extract it cannot read; and by
    routing for a bad request (``k`` < 1, a region as a via point). Also a
    ``ValueError``.

    Examples
    --------
    >>> from railtrack import load_network
    >>> load_network(national=False).route("Slonim", "Kursk", k=0)
    Traceback (most recent call last):
    ...
    railtrack.errors.NetworkError: k must be at least 1, got 0
    """


class StationNotFound(RailtrackError, LookupError):
    """A name did not resolve to one station; ``candidates`` lists the nearest ones.

    Raised by routing (:meth:`railtrack.RailNetwork.route` and the like) for an end
    or via point that resolves to no station or region, or a station id not in the
    network. Resolving a name itself never raises: it returns an unresolved
    :class:`~railtrack.gazetteer.Resolution`. Also a ``LookupError``.

    Parameters
    ----------
    name
        The name as given.
    candidates
        ``(station_id, name, score)`` of the nearest stations, best first (score
        0-100); the message lists the first five.

    Examples
    --------
    >>> err = StationNotFound("Slonimm", [("BY-SLONIM", "Slonim", 92.0)])
    >>> print(err)
    station 'Slonimm' not resolved; nearest: Slonim (BY-SLONIM, 92)
    >>> err.candidates[0][0], isinstance(err, LookupError)
    ('BY-SLONIM', True)
    """

    def __init__(self, name: str, candidates: Sequence[tuple[str, str, float]] = ()) -> None:
        self.name = name
        self.candidates = list(candidates)
        if self.candidates:
            near = ", ".join(f"{n} ({sid}, {score:.0f})" for sid, n, score in self.candidates[:5])
            msg = f"station {name!r} not resolved; nearest: {near}"
        else:
            msg = f"station {name!r} not resolved; no candidate found"
        super().__init__(msg)


class NoRoute(RailtrackError, LookupError):
    """No rail path joins the two ends; the message names both.

    Raised by routing when the ends lie in unconnected parts of the network, or an
    end is a place outside the network area (a town the track does not reach, a
    foreign country) or a region with no stations in the network. Also a
    ``LookupError``.

    Examples
    --------
    >>> from railtrack import load_network
    >>> load_network(national=False).route("Slonim", "Atlantis")
    Traceback (most recent call last):
    ...
    railtrack.errors.NoRoute: 'Atlantis' is Atlantis (ZA), outside the network area: no route
    """


class StoreError(RailtrackError, OSError):
    """The local report store cannot be opened, migrated or written.

    Raised by :mod:`railtrack.store` when the store file is not a store, is locked
    by another run for longer than ``Settings.store_lock_wait_s`` seconds, or
    cannot be written. Also an ``OSError``.

    Examples
    --------
    >>> err = StoreError("cannot open the store reports.db: file is not a database")
    >>> isinstance(err, OSError), isinstance(err, RailtrackError)
    (True, True)
    """

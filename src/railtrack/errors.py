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
    """Root of every error railtrack raises on purpose."""


class InputPathError(RailtrackError, FileNotFoundError):
    """A path given by the user does not exist or cannot be read."""


class ReportError(RailtrackError, ValueError):
    """A report record is invalid; names the file, the row or line and the field."""

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
    """A network directory is malformed beyond what can be repaired."""


class StationNotFound(RailtrackError, LookupError):
    """A name did not resolve to one station; ``candidates`` lists the nearest ones."""

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
    """No rail path joins the two ends; the message names both."""


class StoreError(RailtrackError, OSError):
    """The local report store cannot be opened, migrated or written."""

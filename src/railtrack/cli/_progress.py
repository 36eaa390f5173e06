"""The progress bar of ``railtrack track``: the stage, reports read and reports per second."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import Any

__all__ = ["TRACK_STEPS", "StageProgress", "rate_text"]

TRACK_STEPS: tuple[str, ...] = (
    "load",
    "resolve",
    "route",
    "estimate",
    "status",
    "summarise",
    "route graph",
    "tables",
    "plots",
    "report",
)
"""The steps the bar counts: loading, :data:`railtrack.pipeline.STAGES`, then the files."""


def rate_text(reports: int, seconds: float) -> str:
    """Return "N reports, R reports/s" for the bar (no rate before any time has passed).

    Examples
    --------
    >>> rate_text(12_345, 2.0)
    '12,345 reports, 6,172 reports/s'
    >>> rate_text(0, 0.0)
    '0 reports'
    """
    if seconds <= 0 or reports <= 0:
        return f"{reports:,} reports"
    return f"{reports:,} reports, {reports / seconds:,.0f} reports/s"


class StageProgress:
    """Drive a :class:`rich.progress.Progress` task through :data:`TRACK_STEPS`.

    The task's description is the current step; its ``rate`` field is the number of
    reports (records: trains, group totals, sightings) read so far and the reports
    per second since the start: live, file by file, while loading, and over the run
    so far at each later step.

    Parameters
    ----------
    bar
        The progress display (any object with ``add_task`` and ``update``).
    steps
        Step names; the first is the step the task starts in.
    clock
        Seconds, for the rate (default :func:`time.perf_counter`).

    Examples
    --------
    >>> class Bar:
    ...     def add_task(self, description, **fields): self.fields = fields; return 0
    ...     def update(self, task, **fields): self.fields |= fields
    >>> ticks = iter([0.0, 2.0, 4.0])
    >>> p = StageProgress(Bar(), ("load", "resolve"), clock=lambda: next(ticks))
    >>> p.loaded(1_000); p.bar.fields["rate"]
    '1,000 reports, 500 reports/s'
    >>> p.stage("resolve"); p.bar.fields["description"], p.bar.fields["rate"]
    ('resolve', '1,000 reports, 250 reports/s')
    """

    def __init__(
        self,
        bar: Any,
        steps: Sequence[str] = TRACK_STEPS,
        *,
        clock: Callable[[], float] = time.perf_counter,
    ) -> None:
        self.bar, self.clock = bar, clock
        self.reports = 0
        self.task = bar.add_task(steps[0], total=len(steps), rate=rate_text(0, 0.0))
        self.start = clock()

    def loaded(self, reports: int) -> None:
        """Show ``reports`` read so far (a :func:`railtrack.load_reports` progress callback)."""
        self.reports = reports
        self.bar.update(self.task, rate=rate_text(reports, self.clock() - self.start))

    def stage(self, name: str) -> None:
        """Move to the step ``name`` (a :func:`railtrack.pipeline.track` progress callback)."""
        rate = rate_text(self.reports, self.clock() - self.start)
        self.bar.update(self.task, description=name, advance=1, rate=rate)

"""A problem found in an input: the file, where in it, the field, and what is wrong.

One shape for every input railtrack reads: report files, names files and network
directories (:func:`railtrack.network.load_network` keeps its skipped rows as
:class:`Problem` objects). The command line prints each as a ``problem`` record
(:class:`railtrack.records.ProblemRecord`). This module imports nothing heavy, so
the network loader and ``railtrack resolve`` can use it without loading the report
readers.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["MESSAGE_MAX_CHARS", "PROBLEM_COLUMNS", "NetworkProblem", "Problem", "problems_frame"]

PROBLEM_COLUMNS = ("path", "row", "unit", "field", "message", "text")
"""The columns of a table of problems (``problems.csv``), in order."""

MESSAGE_MAX_CHARS = 400
"""The longest problem message: a longer one has its middle cut."""


@dataclass(frozen=True)
class Problem:
    """One bad record or file: where it is, which field, and what is wrong.

    ``unit`` says what ``row`` counts: a CSV ``row`` (the line in the file, header = 1),
    a JSON Lines ``line``, or a ``record``/``shipment``/``group``/``sighting`` index
    (1-based) in a JSON or YAML file, or a Telegram ``message`` id.

    Parameters
    ----------
    path
        The file the problem is in, as given to :func:`railtrack.load_reports`.
    row
        Where in the file (counted as ``unit`` says), or None for the whole file.
    field
        The field (column) at fault, or None.
    message
        What is wrong, in words; a message longer than :data:`MESSAGE_MAX_CHARS`
        characters has its middle cut.
    unit
        What ``row`` counts (see above); ``"row"`` by default.
    published
        When what the problem tells became known, if it is not its report's own
        publication: a retraction's problems, on the train it strikes too, carry the
        retraction's time (UTC) or day. :func:`railtrack.knowledge.cut_off` leaves a
        problem out of a look-back to before it. None: the problem's report dates it
        (or nothing does). Not compared: the same problem is equal whatever it says.

    Examples
    --------
    >>> p = Problem("data/reports.csv", 14, "cars_total", "'eighty six?' is not a count")
    >>> print(p)
    reports.csv row 14, field 'cars_total': 'eighty six?' is not a count
    >>> p.to_dict()["unit"], Problem("a.jsonl", 3, None, "not JSON", unit="line").row
    ('row', 3)
    """

    path: str
    row: int | None
    field: str | None
    message: str
    unit: str = "row"
    published: date | datetime | None = dataclasses.field(default=None, compare=False)

    def __post_init__(self) -> None:
        # A message quoting a huge cell or line stays one readable line: its middle
        # is cut (the values it quotes are cut already; this catches the rest).
        if len(self.message) > MESSAGE_MAX_CHARS:
            object.__setattr__(self, "message", _cut_middle(self.message))

    def __str__(self) -> str:
        where = Path(self.path).name
        if self.row is not None:
            where += f" {self.unit} {self.row}"
        if self.field is not None:
            where += f", field {self.field!r}"
        return f"{where}: {self.message}"

    def to_dict(self) -> dict[str, Any]:
        """Return the problem as a JSON-ready dict (with a ``text`` rendering).

        Returns
        -------
        dict
            ``path``, ``row``, ``unit``, ``field``, ``message`` and ``text`` (the
            problem as one line): the ``problem`` record of :mod:`railtrack.records`.

        Examples
        --------
        >>> Problem("data/reports.csv", 14, "cars_total", "not a count").to_dict()["text"]
        "reports.csv row 14, field 'cars_total': not a count"
        """
        return {
            "path": self.path,
            "row": self.row,
            "unit": self.unit,
            "field": self.field,
            "message": self.message,
            "text": str(self),
        }


def _cut_middle(message: str) -> str:
    """Return ``message`` with its middle cut so that it holds at most MESSAGE_MAX_CHARS.

    The cut message, marker included, is no longer than :data:`MESSAGE_MAX_CHARS`, so
    cutting is done once: a problem written to a converted folder and read back (or
    made again from its message) keeps the same message. A message cut to the limit
    without its marker counted grew past it, was cut again when read back, and no
    longer matched the same problem made afresh: a batched conversion listed one
    retraction's problem twice when the paths it names were long (session 19).

    Examples
    --------
    >>> cut = _cut_middle("x" * 1000)
    >>> len(cut) <= MESSAGE_MAX_CHARS, "(" in cut, _cut_middle(cut) == cut
    (True, True, True)
    """
    if len(message) <= MESSAGE_MAX_CHARS:
        return message
    cut = len(message) - MESSAGE_MAX_CHARS
    while True:
        marker = f" … ({cut:,} characters cut) … "
        keep = MESSAGE_MAX_CHARS - len(marker)
        if len(message) - keep == cut:
            break
        cut = len(message) - keep
    head = (keep + 1) // 2
    return message[:head] + marker + message[len(message) - (keep - head) :]


@dataclass(frozen=True, eq=False)
class NetworkProblem(Problem):
    """A problem in a file of a network directory (``--network DIR``): its text names DIR.

    A reports folder may hold a ``stations.csv`` or ``links.csv`` of its own, so the
    one-line form says which directory's file is meant, as the directory was given:
    ``network nets/mine: links.csv row 3: …``. ``path`` (and so ``--json``'s
    ``path``) is the file's path; the fields are those of :class:`Problem`, and a
    network problem equals a :class:`Problem` with the same fields.

    Examples
    --------
    >>> p = NetworkProblem("nets/mine/links.csv", 3, "length_km", "'-5' is no length")
    >>> print(p)
    network nets/mine: links.csv row 3, field 'length_km': '-5' is no length
    >>> p.to_dict()["path"], p == Problem(p.path, 3, "length_km", p.message)
    ('nets/mine/links.csv', True)
    """

    def __str__(self) -> str:
        return f"network {Path(self.path).parent}: {super().__str__()}"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Problem):
            return NotImplemented
        return _fields(self) == _fields(other)

    def __hash__(self) -> int:
        return hash(_fields(self))


def _fields(problem: Problem) -> tuple[Any, ...]:
    return (problem.path, problem.row, problem.field, problem.message, problem.unit)


def problems_frame(problems: Iterable[Problem]) -> pd.DataFrame:
    """Return problems as a table, one row each, ``row`` a whole number or missing.

    Every table of problems railtrack writes (``problems.csv`` of ``track`` on either
    engine, the Dask engine's problem parts) is made here: a frame built from
    problems some of which have no row would hold ``row`` as floats (``2.0``) and
    write them so (trial18b T10).

    Parameters
    ----------
    problems
        The problems, in the order the table lists them.

    Returns
    -------
    pandas.DataFrame
        The columns :data:`PROBLEM_COLUMNS`; ``row`` is pandas' nullable ``Int64``.

    Examples
    --------
    >>> df = problems_frame([Problem("a.csv", 2, "cars", "bad"), Problem("b.txt", None, None, "x")])
    >>> df["row"].tolist(), str(df["row"].dtype)
    ([2, <NA>], 'Int64')
    >>> print(df.to_csv(index=False).splitlines()[1])
    a.csv,2,row,cars,bad,"a.csv row 2, field 'cars': bad"
    """
    import pandas as pd

    frame = pd.DataFrame([p.to_dict() for p in problems], columns=list(PROBLEM_COLUMNS))
    return frame.astype({"row": "Int64"})  # whole row numbers, never 2.0

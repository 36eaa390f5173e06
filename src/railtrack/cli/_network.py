"""Load the network a command was given, and say what in it could not be read.

A network directory of the user's own (``--network DIR``) may have bad rows: a
station whose latitude is "fifty", a link of -5 km, a link to a station that does
not exist. :func:`railtrack.network.load_network` skips them into
``net.problems``; every command that takes ``--network`` prints them on stderr,
as it prints the problems of the reports it reads (trial F77: silence is a bug).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from railtrack.cli._output import Format, check_paths, print_problems

if TYPE_CHECKING:
    from railtrack.io import Problem
    from railtrack.network import RailNetwork

__all__ = ["load_given_network", "network_problem_records", "network_problems"]

_WHERE = re.compile(
    r"^(?P<file>[\w.-]+\.csv)(?: row (?P<row>\d+))?(?:, field '(?P<field>[^']*)')?: (?P<msg>.*)$",
    re.DOTALL,
)
"""A network load problem: ``links.csv row 3, field 'length_km': message``."""


def network_problems(net: RailNetwork, path: Path | None) -> list[str]:
    """Return the network's load problems as lines naming the directory.

    Parameters
    ----------
    net
        The loaded network.
    path
        The ``--network`` directory; None for the embedded network (its problems,
        if any, are the project's and are tested, not printed).

    Returns
    -------
    list of str
        ``"network DIR: links.csv row 2, field 'length_km': ..."``, one per problem.

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> net = SimpleNamespace(problems=["links.csv row 3: unknown station target 'X9'"])
    >>> network_problems(net, Path("n"))
    ["network n: links.csv row 3: unknown station target 'X9'"]
    >>> network_problems(net, None)
    []
    """
    if path is None:
        return []
    return [f"network {path}: {problem}" for problem in net.problems]


def network_problem_records(net: RailNetwork, path: Path | None) -> list[Problem]:
    """Return the network's load problems as problems naming file, row and field.

    The form ``--json`` prints: each ``problem`` record has the CSV file's path
    in the directory, the row and the field as their own keys, not only in the text.

    Parameters
    ----------
    net
        The loaded network.
    path
        The ``--network`` directory; None for the embedded network (nothing printed).

    Returns
    -------
    list of Problem
        One per problem; a problem of no one file keeps the directory as its path.

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> net = SimpleNamespace(problems=["links.csv row 3, field 'length_km': '-5' is bad"])
    >>> p = network_problem_records(net, Path("n"))[0]
    >>> p.path, p.row, p.field, p.message
    ('n/links.csv', 3, 'length_km', "'-5' is bad")
    >>> network_problem_records(net, None)
    []
    """
    from railtrack.io import Problem

    if path is None:
        return []
    found = []
    for problem in net.problems:
        m = _WHERE.match(problem)
        if m is None:
            found.append(Problem(str(path), None, None, problem))
            continue
        row = int(m["row"]) if m["row"] else None
        found.append(Problem(str(path / m["file"]), row, m["field"], m["msg"]))
    return found


def load_given_network(
    path: Path | None, fmt: Format = "table", *, quiet: bool = False
) -> RailNetwork:
    """Load ``path`` (None: the embedded network) and print its problems on stderr.

    Raises
    ------
    typer.Exit
        With the usage exit code when ``path`` does not exist (:func:`check_paths`).
    """
    from railtrack.network import load_network  # imported here to keep --help fast

    if path is not None:
        check_paths([path])
    net = load_network(path)
    if fmt == "json":  # problem records with path, row and field of their own
        print_problems(network_problem_records(net, path), fmt, quiet=quiet)
    else:
        print_problems(network_problems(net, path), fmt, quiet=quiet)
    return net

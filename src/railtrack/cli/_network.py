"""Load the network a command was given; its problems are input problems like any other.

A network directory of the user's own (``--network DIR``) may have bad rows: a
station whose latitude is "fifty", a link of -5 km, a link to a station that does
not exist. :func:`railtrack.network.load_network` skips them into
``net.problems``, each a :class:`~railtrack.problems.Problem` with the file's path,
the row and the field of its own (made where the row is read, never parsed back
out of a message). Every command that takes ``--network`` lists them first among
its problems: printed once on stderr (``problem`` records with ``--json``), counted
in ``n_problems`` of its summary record, and exit code 1, as for a bad report
(trial17b T9: silence is a bug). ``route`` and ``resolve`` print what they found on
the network as read, then exit 1 too: a skipped link may have made a route longer.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from railtrack.cli._output import check_paths

if TYPE_CHECKING:
    from railtrack.network import RailNetwork

__all__ = ["load_given_network"]


def load_given_network(path: Path | None) -> RailNetwork:
    """Load ``path`` (None: the embedded network); its problems are in ``net.problems``.

    Nothing is printed here: each command prints the network's problems with its
    own, once, after its output, and counts them.

    Parameters
    ----------
    path
        The ``--network`` directory, or None.

    Returns
    -------
    RailNetwork
        The network; ``problems`` lists its skipped or repaired rows.

    Raises
    ------
    typer.Exit
        With the usage exit code when ``path`` does not exist (:func:`check_paths`).
    """
    from railtrack.network import load_network  # imported here to keep --help fast

    if path is not None:
        check_paths([path])
    return load_network(path)

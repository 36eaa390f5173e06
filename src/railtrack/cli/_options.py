"""Options shared by the commands, so each reads and is spelt the same everywhere.

Short options: ``-h`` help, ``-o`` ``--out``, ``-k`` alternatives, ``-f`` ``--format``,
``-q`` ``--quiet``; metavars are words (``PATH...``, ``DIR``, ``DATE``, ``STATION``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

__all__ = [
    "AsOfOption",
    "FormatOption",
    "JsonOption",
    "NetworkOption",
    "PathsArg",
    "PublishedOption",
    "QuietOption",
    "StoreOption",
]

CONTEXT = {"help_option_names": ["-h", "--help"]}
"""Click context settings for every command: ``-h`` is help everywhere."""

PathsArg = Annotated[
    list[Path],
    typer.Argument(
        help="Report files or directories (CSV, Excel .xlsx, JSON, JSON Lines, YAML, text).",
        metavar="PATH...",
        show_default=False,
    ),
]
NetworkOption = Annotated[
    Path | None,
    typer.Option(
        "--network",
        metavar="DIR",
        help="Network directory (stations.csv, links.csv); default: the embedded network.",
    ),
]
AsOfOption = Annotated[
    str | None,
    typer.Option("--as-of", metavar="DATE", help="Date of knowledge, YYYY-MM-DD; default: today."),
]
PublishedOption = Annotated[
    str | None,
    typer.Option(
        "--published",
        metavar="DATE",
        help="Publication date (YYYY-MM-DD) for text reports whose header gives none.",
    ),
]
StoreOption = Annotated[
    Path | None,
    typer.Option(
        "--store",
        metavar="FILE",
        help="The SQLite store (default: railtrack.sqlite in the user data directory).",
    ),
]
FormatOption = Annotated[
    str | None,
    typer.Option(
        "--format",
        "-f",
        metavar="table|csv|tsv|json",
        help="Output format: a table fitting the terminal (default), CSV or TSV with a "
        "header row, or JSON Lines (one record per line).",
        show_default=False,
    ),
]
JsonOption = Annotated[
    bool, typer.Option("--json", help="Shorthand for --format json.", show_default=False)
]
QuietOption = Annotated[
    bool,
    typer.Option(
        "--quiet",
        "-q",
        help="Print only what scripts need: no titles, notes or progress; problems as a count.",
        show_default=False,
    ),
]


def _plain_argument_help() -> None:
    """Show arguments by their metavar in words (``PATH...``), not Python types.

    typer renders an argument as ``PATH... <list[Path]>`` and its usage as
    ``{PATH...}...``; railtrack's arguments all name themselves in words, so only
    the metavar is shown (``PATH...``; ``[PATH...]`` when optional). Applied only
    when typer has the methods this relies on.
    """
    from typer import core

    argument = getattr(core, "TyperArgument", None)
    if argument is None or not hasattr(argument, "display_type"):
        return

    def usage_name(self: Any) -> str:
        name = str(self.display_name_raw)
        if self.nargs != 1 and not name.rstrip("]").endswith("..."):
            name += "..."
        if not self.required and not name.startswith("["):
            name = f"[{name}]"
        return name

    argument.display_type = lambda self, ctx: None
    if hasattr(argument, "_usage_display_name"):
        argument._usage_display_name = usage_name


_plain_argument_help()

"""The ``railtrack`` command line: parse, call the library, print or save.

Each command lives in its own module below this package and registers itself on
:data:`app`; command modules import pandas, scipy and matplotlib only inside the
commands that need them, so ``--help`` and ``--version`` start fast. Exit codes:
0 success; 1 input problems were found (the good records were still processed); 2
usage, I/O or store error; 3 an unexpected error (a bug in railtrack: one line
names the command, the error and where it happened; ``--debug`` prints the full
trace); 130 interrupted. Errors print one line, never a traceback unless
``--debug`` is given.
"""

from __future__ import annotations

import logging
import os
import sys
import traceback
from pathlib import Path
from typing import Annotated

import typer

from railtrack import __version__
from railtrack.errors import RailtrackError

__all__ = ["EXIT_INTERNAL", "EXIT_INTERRUPTED", "app", "main"]

EXIT_INTERNAL = 3
"""Exit code of an unexpected error: a bug, reported in one line (``--debug``: the trace)."""

EXIT_INTERRUPTED = 130
"""Exit code after Ctrl-C (128 + SIGINT), as shells expect."""

DEBUG_ENV = "RAILTRACK_DEBUG"
"""Set to 1 for the same full traces as ``--debug``."""

app = typer.Typer(
    name="railtrack",
    help=(
        "Track military rail shipments from reports: load, resolve stations, route, "
        "estimate arrivals, summarise and plot.\n\n"
        "Example: railtrack track   (runs on the embedded reports and network)"
    ),
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"railtrack {__version__}")
        raise typer.Exit


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
    verbose: Annotated[
        int, typer.Option("--verbose", "-v", count=True, help="More log output (-vv: debug).")
    ] = 0,
    debug: Annotated[
        bool,
        typer.Option("--debug", help="On an unexpected error, print the full trace (exit code 3)."),
    ] = False,
) -> None:
    """Track military rail shipments from reports."""
    if debug:
        os.environ[DEBUG_ENV] = "1"
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


# Command modules register themselves on ``app`` when imported.
from railtrack.cli import convert as _convert  # noqa: E402, F401
from railtrack.cli import estimate as _estimate  # noqa: E402, F401
from railtrack.cli import extract as _extract  # noqa: E402, F401
from railtrack.cli import ingest as _ingest  # noqa: E402, F401
from railtrack.cli import load as _load  # noqa: E402, F401
from railtrack.cli import network as _network  # noqa: E402, F401
from railtrack.cli import plot as _plot  # noqa: E402, F401
from railtrack.cli import schema as _schema  # noqa: E402, F401
from railtrack.cli import summary as _summary  # noqa: E402, F401
from railtrack.cli import track as _track  # noqa: E402, F401


def _command() -> str:
    """Return the subcommand named on the command line, for the one-line error."""
    return next((arg for arg in sys.argv[1:] if not arg.startswith("-")), "railtrack")


def _where(exc: BaseException) -> str:
    """Return ``file:line in function`` of the innermost frame of ``exc``."""
    frames = traceback.extract_tb(exc.__traceback__)
    if not frames:
        return "unknown place"
    last = frames[-1]
    return f"{Path(last.filename).name}:{last.lineno} in {last.name}"


def _one_line(text: str) -> str:
    """Return ``text`` on one line, shortened: an error message is data too."""
    flat = " ".join(text.split()).encode("utf-8", "backslashreplace").decode("utf-8")
    return flat if len(flat) <= 300 else flat[:297] + "..."


def main() -> None:
    """Run the command line; turn every error into one line and a documented exit code.

    Railtrack errors and I/O errors exit 2; anything else is a bug: one line names
    the command, the error type and message and where it was raised, and the exit
    code is :data:`EXIT_INTERNAL` (never 1, which means "input problems").
    """
    try:
        app()
    except (RailtrackError, OSError) as exc:
        typer.echo(f"railtrack: error: {_one_line(str(exc))}", err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        typer.echo("railtrack: interrupted", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except Exception as exc:  # the last resort: never a bare traceback
        if os.environ.get(DEBUG_ENV) == "1":
            traceback.print_exc()
        typer.echo(
            f"railtrack: internal error in {_command()!r}: {type(exc).__name__}: "
            f"{_one_line(str(exc)) or '(no message)'} (at {_where(exc)}); this is a bug in "
            "railtrack: run again with --debug for the full trace and report it",
            err=True,
        )
        sys.exit(EXIT_INTERNAL)

"""The ``railtrack`` command line: parse, call the library, print or save.

Each command lives in its own module below this package and registers itself on
:data:`app`. Command modules import
pandas, scipy and matplotlib only inside the commands that need them, so ``--help``
and ``--version`` start fast. Exit codes: 0 success; 1 input problems were found (the good records
were still processed); 2 usage or I/O error. Errors print one line, never a
traceback.
"""

from __future__ import annotations

import logging
import sys
from typing import Annotated

import typer

from railtrack import __version__
from railtrack.errors import RailtrackError

__all__ = ["app", "main"]

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
) -> None:
    """Track military rail shipments from reports."""
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


# Command modules register themselves on ``app`` when imported.
from railtrack.cli import estimate as _estimate  # noqa: E402, F401
from railtrack.cli import extract as _extract  # noqa: E402, F401
from railtrack.cli import ingest as _ingest  # noqa: E402, F401
from railtrack.cli import load as _load  # noqa: E402, F401
from railtrack.cli import network as _network  # noqa: E402, F401
from railtrack.cli import plot as _plot  # noqa: E402, F401
from railtrack.cli import schema as _schema  # noqa: E402, F401
from railtrack.cli import summary as _summary  # noqa: E402, F401
from railtrack.cli import track as _track  # noqa: E402, F401


def main() -> None:
    """Run the command line; turn railtrack errors into one line and exit code 2."""
    try:
        app()
    except RailtrackError as exc:
        typer.echo(f"railtrack: error: {exc}", err=True)
        sys.exit(2)
    except OSError as exc:
        typer.echo(f"railtrack: error: {exc}", err=True)
        sys.exit(2)

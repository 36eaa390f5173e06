"""Options shared by the commands, so each reads and is spelt the same everywhere.

Short options: ``-h`` help, ``-o`` ``--out``, ``-k`` alternatives, ``-f`` ``--format``,
``-q`` ``--quiet``; metavars are words (``PATH...``, ``DIR``, ``DATE``, ``STATION``).
"""

from __future__ import annotations

from datetime import tzinfo
from pathlib import Path
from typing import Annotated, Any

import typer

__all__ = [
    "AsOfOption",
    "ChannelUsernameOption",
    "ColumnsOption",
    "FormatOption",
    "JsonOption",
    "NetworkOption",
    "PathsArg",
    "PublishedOption",
    "QuietOption",
    "ReportPathsArg",
    "StoreOption",
    "TzOption",
    "parse_channel_usernames",
    "parse_tz_option",
    "report_paths",
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
ReportPathsArg = Annotated[
    list[Path] | None,
    typer.Argument(
        help="Report files or directories (CSV, Excel .xlsx, JSON, JSON Lines, YAML, text); "
        "default: the embedded sample reports.",
        metavar="[PATH...]",
        show_default=False,
    ),
]
"""Reports to read, optional: without any, the embedded sample (as ``track`` and ``status``)."""


def report_paths(paths: list[Path] | None) -> list[Path]:
    """Return the paths given, or the embedded sample reports when none were given."""
    if paths:
        return list(paths)
    from railtrack._data import data_path

    return [data_path("reports")]


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
    typer.Option(
        "--as-of",
        metavar="DATE",
        help="Date of knowledge (YYYY-MM-DD, a time YYYY-MM-DDTHH:MM in UTC, or 'today'): "
        "only reports published and sightings made by then count. Default: the latest "
        "date in the input.",
    ),
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


ColumnsOption = Annotated[
    str | None,
    typer.Option(
        "--columns",
        metavar="HEADER=FIELD,...",
        help="Map a table's column headers to fields when the automatic mapping does not "
        'know them, e.g. "Von=origin,Nach=destination,Datum=departure".',
    ),
]
TzOption = Annotated[
    str | None,
    typer.Option(
        "--tz",
        metavar="ZONE",
        help="The IANA time zone the channels write in, e.g. --tz Europe/Minsk: a "
        "post's 'today' is its local day there, and its clock times and a table's times "
        "without a zone are converted to UTC (default: a known channel's zone from "
        "data/outlets/zones.csv, else UTC).",
        show_default=False,
    ),
]
ChannelUsernameOption = Annotated[
    list[str] | None,
    typer.Option(
        "--channel-username",
        metavar="CHANNEL=USERNAME",
        help="A Telegram channel's public username, by its id or title in the export, so "
        "its posts link as https://t.me/USERNAME/N (an export names no username); "
        'repeat for more channels, e.g. --channel-username "Belarusian Hajun=Hajun_BY".',
        show_default=False,
    ),
]
KeepRetractedOption = Annotated[
    list[str] | None,
    typer.Option(
        "--keep-retracted",
        metavar="ID",
        help="Keep counting the train with this shipment id though a retraction was matched "
        "to it (the retraction's problem names the id when the match is wrong); repeat it, "
        "or give several ids with commas.",
        show_default=False,
    ),
]


def parse_tz_option(value: str | None) -> tzinfo | None:
    """Parse ``--tz ZONE`` (an IANA zone name) into a zone; None when not given.

    Raises
    ------
    typer.BadParameter
        For a name the tz database does not know.

    Examples
    --------
    >>> parse_tz_option("Europe/Minsk").key, parse_tz_option(None)
    ('Europe/Minsk', None)
    """
    if value is None:
        return None
    from railtrack.zones import UnknownZone, parse_zone

    try:
        return parse_zone(value)
    except UnknownZone as exc:
        raise typer.BadParameter(str(exc), param_hint="--tz") from None


def parse_channel_usernames(values: list[str] | None) -> dict[str, str]:
    """Parse ``--channel-username CHANNEL=USERNAME`` options into ``{channel: username}``.

    The channel is the id or title the export gives (the part before the last
    ``=``, so a title may contain ``=``); the username may start with ``@``.

    Raises
    ------
    typer.BadParameter
        For a value without ``=`` or with an empty side, or a username that is not a
        Telegram username (5-32 letters, digits and underscores).

    Examples
    --------
    >>> parse_channel_usernames(["Belarusian Hajun=@Hajun_BY", "1234567890=railwatch"])
    {'Belarusian Hajun': 'Hajun_BY', '1234567890': 'railwatch'}
    """
    import re

    out: dict[str, str] = {}
    for value in values or []:
        channel, sep, username = value.rpartition("=")
        username = username.strip().lstrip("@")
        if not sep or not channel.strip() or not username:
            raise typer.BadParameter(
                f"{value!r} is not CHANNEL=USERNAME", param_hint="--channel-username"
            )
        if not re.fullmatch(r"[A-Za-z][A-Za-z0-9_]{4,31}", username):
            raise typer.BadParameter(
                f"{username!r} is not a Telegram username (5-32 letters, digits, _)",
                param_hint="--channel-username",
            )
        out[channel.strip()] = username
    return out


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

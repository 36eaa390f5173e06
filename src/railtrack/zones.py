"""Time zones of the channels whose posts are read (trial15 T5).

A channel's author writes "сёння", "учора", "а 01:20" in the channel's local time; a
Telegram export dates each post in UTC. Read against the UTC day, a post written between
local midnight and 03:00 in Minsk (UTC+3) puts every relative date a day early.
:func:`channel_zone` gives a channel's zone: the one the user names (``--tz``), else the
one ``data/outlets/zones.csv`` lists for a known channel (matched through
:func:`railtrack.outlets.outlet_name`, so "Беларускі Гаюн" is Belarusian Hajun), else
none: a zone is never guessed.
"""

from __future__ import annotations

import csv
from datetime import date, datetime, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from railtrack._data import data_path
from railtrack.errors import RailtrackError

__all__ = ["UnknownZone", "channel_zone", "known_zones", "local_day", "parse_zone", "zone_names"]


class UnknownZone(RailtrackError, ValueError):
    """A time zone name the tz database does not know."""


_NOT_PLACES = frozenset({"Factory", "localtime", "posixrules"})
"""Names the tz database holds that are no place's zone: ``Factory`` (a placeholder that
names its abbreviation "-00"), ``localtime`` (whatever this computer is set to) and
``posixrules``; ``posix/`` and ``right/`` copies are refused too."""


@lru_cache(maxsize=1)
def zone_names() -> frozenset[str]:
    """Return the IANA zone names railtrack accepts: every place's zone, and UTC.

    :func:`zoneinfo.available_timezones` (the system's tz database, else the tzdata
    package) without the names that are no place (:data:`_NOT_PLACES`, ``posix/``,
    ``right/``).

    Examples
    --------
    >>> names = zone_names()
    >>> "Europe/Minsk" in names, "UTC" in names, "Factory" in names, "Europe" in names
    (True, True, False, False)
    """
    return frozenset(
        name
        for name in available_timezones()
        if name not in _NOT_PLACES and not name.startswith(("posix/", "right/"))
    ) | {"UTC"}


def parse_zone(name: str) -> ZoneInfo:
    """Return the IANA time zone ``name`` names ("Europe/Minsk", "UTC").

    Only the names of :func:`zone_names` are zones: a region alone ("Europe", a
    folder of the tz database), "localtime", "Factory" and file paths are refused.

    Raises
    ------
    UnknownZone
        When the name is no zone of the tz database; the message names the value,
        gives an example and, when one is close, the zone meant.

    Examples
    --------
    >>> parse_zone("Europe/Minsk").key
    'Europe/Minsk'
    >>> parse_zone("Minsk")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    railtrack.zones.UnknownZone: time zone 'Minsk' is not an IANA zone name (e.g. ...)
    >>> parse_zone("Europe")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    railtrack.zones.UnknownZone: time zone 'Europe' is not an IANA zone name (e.g. ...
    """
    key = name.strip()
    if key in zone_names():
        try:
            return ZoneInfo(key)
        except (ZoneInfoNotFoundError, ValueError, OSError):
            pass  # listed but unreadable: refused below
    msg = (
        f"time zone {name!r} is not an IANA zone name (e.g. Europe/Minsk, Europe/Kyiv, "
        f"Europe/Warsaw, UTC: a region and a city){_meant(key)}"
    )
    raise UnknownZone(msg)


def _meant(key: str) -> str:
    """Return "; did you mean ...?" for a zone name close to ``key``, else "".

    >>> _meant("europe/minsk"), _meant("Europe/Minks"), _meant("xyz")
    ('; did you mean Europe/Minsk?', '; did you mean Europe/Minsk?', '')
    """
    import difflib

    names = sorted(zone_names())
    folded = {n.casefold(): n for n in names}
    if key.casefold() in folded:
        return f"; did you mean {folded[key.casefold()]}?"
    close = difflib.get_close_matches(key, names, n=1, cutoff=0.8)
    return f"; did you mean {close[0]}?" if close else ""


@lru_cache(maxsize=1)
def known_zones() -> dict[str, ZoneInfo]:
    """Return the zone of each outlet ``data/outlets/zones.csv`` lists, by outlet name.

    Examples
    --------
    >>> known_zones()["Belarusian Hajun"].key
    'Europe/Minsk'
    """
    with data_path("outlets", "zones.csv").open(encoding="utf-8", newline="") as f:
        return {row["outlet"]: parse_zone(row["zone"]) for row in csv.DictReader(f)}


def channel_zone(channel: str | None, *, tz: tzinfo | None = None) -> tzinfo | None:
    """Return the time zone a channel's posts are written in, None when unknown.

    Parameters
    ----------
    channel
        The channel's title as the export gives it.
    tz
        The zone the user named (``--tz``): it wins over the table.

    Examples
    --------
    >>> channel_zone("Беларускі Гаюн").key
    'Europe/Minsk'
    >>> channel_zone("Rail watch") is None
    True
    >>> channel_zone("Rail watch", tz=parse_zone("Europe/Kyiv")).key
    'Europe/Kyiv'
    """
    if tz is not None:
        return tz
    if not channel:
        return None
    from railtrack.outlets import outlet_name

    return known_zones().get(outlet_name(channel))


def local_day(moment: datetime, zone: tzinfo | None) -> date:
    """Return the day of ``moment`` in ``zone`` (a naive moment is taken as it stands).

    Examples
    --------
    >>> from datetime import UTC
    >>> local_day(datetime(2023, 5, 14, 22, 30, tzinfo=UTC), parse_zone("Europe/Minsk"))
    datetime.date(2023, 5, 15)
    >>> local_day(datetime(2023, 5, 14, 22, 30, tzinfo=UTC), None)
    datetime.date(2023, 5, 14)
    """
    if zone is None or moment.tzinfo is None:
        return moment.date()
    return moment.astimezone(zone).date()

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
from datetime import date, datetime, timedelta, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from railtrack._data import data_path
from railtrack.errors import RailtrackError

__all__ = [
    "UnknownZone",
    "channel_zone",
    "day_summed_up",
    "known_zones",
    "local_day",
    "parse_zone",
    "zone_names",
]


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
    railtrack.zones.UnknownZone: time zone 'Minsk' is not ...; did you mean Europe/Minsk?
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

    A bare city is the zone named after it, in any case and with spaces for
    underscores ("Minsk", "minsk", "new york"); an old spelling the tz database keeps
    as a link names the zone it links to ("Kiev": Europe/Kyiv, trial17b T12).

    >>> _meant("europe/minsk"), _meant("Europe/Minks"), _meant("xyz")
    ('; did you mean Europe/Minsk?', '; did you mean Europe/Minsk?', '')
    >>> for name in ("Minsk", "kyiv", "Kiev", "new york"):
    ...     print(_meant(name))
    ; did you mean Europe/Minsk?
    ; did you mean Europe/Kyiv?
    ; did you mean Europe/Kyiv?
    ; did you mean America/New_York?
    """
    import difflib

    names = sorted(zone_names())
    folded = {n.casefold(): n for n in names}
    if key.casefold() in folded:
        return f"; did you mean {folded[key.casefold()]}?"
    city = _city_key(key)
    by_city = sorted({_canonical(n) for n in names if "/" in n and _city_key(n) == city})
    if city and by_city:
        return f"; did you mean {' or '.join(by_city)}?"
    close = difflib.get_close_matches(key, names, n=1, cutoff=0.8)
    return f"; did you mean {close[0]}?" if close else ""


def _city_key(name: str) -> str:
    """Return the city a zone name ends with, folded ("America/New_York": "new york")."""
    return " ".join(name.rsplit("/", 1)[-1].replace("_", " ").split()).casefold()


@lru_cache(maxsize=1)
def _listed_zones() -> frozenset[str]:
    """Return the zones the tz database lists by country (``zone1970.tab``): no links.

    Read from the system's tz database, else the tzdata package; empty when neither
    has the table.
    """
    import contextlib
    import zoneinfo
    from importlib import resources
    from pathlib import Path

    tables = [Path(root) / "zone1970.tab" for root in zoneinfo.TZPATH]
    with contextlib.suppress(ModuleNotFoundError, TypeError):
        tables.append(Path(str(resources.files("tzdata.zoneinfo") / "zone1970.tab")))
    for table in tables:
        try:
            lines = table.read_text(encoding="utf-8").splitlines()
        except OSError:
            continue
        return frozenset(row.split("\t")[2] for row in lines if row and not row.startswith("#"))
    return frozenset()


def _canonical(name: str) -> str:
    """Return the listed zone a link (an old name, "Europe/Kiev") stands for, else ``name``.

    A link is the same rules under another name: the listed zone whose transitions
    are the link's own, in the same region ("Europe/"). ``name`` when it is listed,
    or when no listed zone matches.
    """
    listed = _listed_zones()
    if not listed or name in listed:
        return name
    region = name.split("/", 1)[0] + "/"
    mine = _rules(name)
    same = sorted(n for n in listed if n.startswith(region) and _rules(n) == mine)
    return same[0] if mine is not None and len(same) == 1 else name


def _rules(name: str) -> tuple[object, ...] | None:
    """Return a zone's UTC offsets over 1970-2037 (sampled monthly), None when unreadable."""
    from datetime import UTC

    try:
        zone = ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None
    return tuple(
        datetime(year, month, 15, tzinfo=UTC).astimezone(zone).utcoffset()
        for year in range(1970, 2038)
        for month in range(1, 13)
    )


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


def day_summed_up(moment: datetime, zone: tzinfo | None, *, night_h: float = 4.0) -> date:
    """Return the day a day's digest with no date of its own, posted at ``moment``, sums up.

    "Итоги дня:" posted at 00:15 Minsk counts the trains of the day just ended
    (trial18b T2): a post made in the first ``night_h`` hours after the author's local
    midnight sums up the day before; any later post, its own local day.

    Parameters
    ----------
    moment
        When the digest was posted (aware, or naive as :func:`local_day` takes it).
    zone
        The author's time zone (:func:`channel_zone`); None reads ``moment`` as it stands.
    night_h
        Hours after midnight still summing up the day before
        (``Settings.day_digest_night_h``).

    Returns
    -------
    datetime.date
        The local day summed up.

    Examples
    --------
    >>> from datetime import UTC
    >>> minsk = parse_zone("Europe/Minsk")
    >>> day_summed_up(datetime(2026, 8, 16, 21, 15, tzinfo=UTC), minsk)  # 00:15 Minsk
    datetime.date(2026, 8, 16)
    >>> day_summed_up(datetime(2026, 8, 16, 20, 35, tzinfo=UTC), minsk)  # 23:35 Minsk
    datetime.date(2026, 8, 16)
    >>> day_summed_up(datetime(2026, 8, 17, 3, 0, tzinfo=UTC), minsk)  # 06:00 Minsk
    datetime.date(2026, 8, 17)
    """
    local = moment if zone is None or moment.tzinfo is None else moment.astimezone(zone)
    return (local - timedelta(hours=night_h)).date()

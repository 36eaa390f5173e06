"""Telegram channel exports as a source: every post a report.

Analysts save the channels they follow with Telegram Desktop's "Export chat
history", as JSON (``result.json``) or HTML (``messages.html``, ``messages2.html``,
...). :func:`read_telegram_export` reads either (one file or the export folder) and
turns each post into a report through the same extraction as any text
(:func:`railtrack.extract.extract_shipments`); :func:`railtrack.load_reports` does
the same for any export it meets among other report files.

Each post's :class:`~railtrack.models.Source` keeps its channel: ``reporter`` is the
channel's title (for a forward, the channel or person it was forwarded from, with
the channel as ``relayed_by``), ``channel``, ``channel_id``, ``message_id``, the
post's link as ``url`` (``https://t.me/<username>/<id>`` when the username is known,
else ``https://t.me/c/<channel id>/<id>``, which opens for the channel's members),
``published_at`` and ``published`` (its date), ``forwarded_from`` and ``edited_at``.

Service messages, stickers and posts without text are skipped and counted; captions
of photos, videos and files are text. Posts without any train, car, railway or
station word (:func:`~railtrack.io.telegram_filter.mentions_rail`) are counted and
not extracted. Nothing is sent over the network.

Examples
--------
>>> import json, tempfile, pathlib
>>> chat = {"name": "Rail watch", "type": "public_channel", "id": 1234, "messages": [
...     {"id": 7, "type": "message", "date": "2023-03-03T12:00:00",
...      "date_unixtime": "1677844800",
...      "text": "A military echelon of 40 flatcars left Orsha for Smolensk yesterday."},
...     {"id": 8, "type": "message", "date": "2023-03-03T12:05:00",
...      "date_unixtime": "1677845100", "text": "Thank you for your support!"}]}
>>> with tempfile.TemporaryDirectory() as tmp:
...     path = pathlib.Path(tmp) / "result.json"
...     _ = path.write_text(json.dumps(chat))
...     reports = read_telegram_export(path, usernames={"1234": "railwatch"})
>>> (s,) = reports.shipments
>>> s.id, s.source.reporter, s.source.url, s.source.published.isoformat()
('tg-1234-7-t1', 'Rail watch', 'https://t.me/railwatch/7', '2023-03-03')
>>> s.origin.station, s.cars.flat, s.departure.earliest.isoformat()
('Orsha-Tsentralnaya', 40, '2023-03-02')
>>> dict(reports.skipped)
{'telegram posts without train words (pre-filter)': 1}
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from railtrack.errors import InputPathError
from railtrack.extract import extract_shipments
from railtrack.io.reportset import Problem, ReportSet
from railtrack.io.telegram_filter import mentions_rail
from railtrack.io.telegram_html import is_html_export_page, page_number, read_html_export
from railtrack.io.telegram_json import is_json_export, read_json_export
from railtrack.io.telegram_posts import Post, PostProblem, PostRef, ReadLog
from railtrack.models import Shipment, ShipmentGroup, Sighting, Source
from railtrack.zones import channel_zone, local_day

if TYPE_CHECKING:
    from railtrack.extract.result import Extraction
    from railtrack.network import RailNetwork
    from railtrack.settings import Settings

__all__ = [
    "PREFILTER_SKIP",
    "PostRef",
    "TelegramFile",
    "export_files",
    "is_export_folder",
    "is_telegram_file",
    "post_link",
    "post_source",
    "read_telegram_export",
    "read_telegram_file",
]

logger = logging.getLogger(__name__)

PREFILTER_SKIP = "telegram posts without train words (pre-filter)"
"""The skip count of posts the pre-filter kept from extraction."""

_SLUG = re.compile(r"[^0-9A-Za-z]+")


def is_telegram_file(path: Path) -> bool:
    """Return whether a file is a Telegram Desktop export (a JSON export or an HTML page).

    Parameters
    ----------
    path
        A file (``.json`` is read for its first keys; ``.html`` is judged by its name).

    Returns
    -------
    bool
        True for a JSON export or a page of an HTML export.

    Examples
    --------
    >>> import json, tempfile
    >>> chat = {"name": "Rail watch", "type": "public_channel", "id": 1234, "messages": [
    ...     {"id": 7, "type": "message", "date": "2023-03-03T12:00:00",
    ...      "date_unixtime": "1677844800",
    ...      "text": "A military echelon of 40 flatcars left Orsha for Smolensk yesterday."},
    ...     {"id": 8, "type": "message", "date": "2023-03-03T12:05:00",
    ...      "date_unixtime": "1677845100", "text": "Thank you for your support!"}]}
    >>> tmp = tempfile.TemporaryDirectory()
    >>> folder = Path(tmp.name)
    >>> _ = (folder / "result.json").write_text(json.dumps(chat))
    >>> _ = (folder / "notes.json").write_text("{}")
    >>> is_telegram_file(folder / "result.json"), is_telegram_file(folder / "notes.json")
    (True, False)
    >>> tmp.cleanup()
    """
    suffix = path.suffix.lower()
    if suffix == ".html":
        return is_html_export_page(path)
    return suffix == ".json" and is_json_export(path)


def is_export_folder(folder: Path) -> bool:
    """Return whether a folder holds a Telegram Desktop export at its top.

    Parameters
    ----------
    folder
        A directory.

    Returns
    -------
    bool
        True when it holds ``messages.html``, or a ``result.json`` that is an export.

    Examples
    --------
    >>> import json, tempfile
    >>> chat = {"name": "Rail watch", "type": "public_channel", "id": 1234, "messages": [
    ...     {"id": 7, "type": "message", "date": "2023-03-03T12:00:00",
    ...      "date_unixtime": "1677844800",
    ...      "text": "A military echelon of 40 flatcars left Orsha for Smolensk yesterday."},
    ...     {"id": 8, "type": "message", "date": "2023-03-03T12:05:00",
    ...      "date_unixtime": "1677845100", "text": "Thank you for your support!"}]}
    >>> tmp = tempfile.TemporaryDirectory()
    >>> folder = Path(tmp.name)
    >>> _ = (folder / "result.json").write_text(json.dumps(chat))
    >>> is_export_folder(folder), is_export_folder(folder / "photos")
    (True, False)
    >>> tmp.cleanup()
    """
    result = folder / "result.json"
    return (folder / "messages.html").is_file() or (result.is_file() and is_json_export(result))


def export_files(folder: Path) -> list[Path]:
    """Return an export folder's message files: ``result.json``, or the HTML pages in order.

    The media folders beside them (``photos/``, ``files/``, ...) are never read: an
    attached ``.txt`` or ``.json`` is a file someone posted, not a report.

    Parameters
    ----------
    folder
        An export folder (:func:`is_export_folder`).

    Returns
    -------
    list of Path
        ``[result.json]``, else the HTML pages by page number (empty when neither).

    Examples
    --------
    >>> import json, tempfile
    >>> chat = {"name": "Rail watch", "type": "public_channel", "id": 1234, "messages": [
    ...     {"id": 7, "type": "message", "date": "2023-03-03T12:00:00",
    ...      "date_unixtime": "1677844800",
    ...      "text": "A military echelon of 40 flatcars left Orsha for Smolensk yesterday."},
    ...     {"id": 8, "type": "message", "date": "2023-03-03T12:05:00",
    ...      "date_unixtime": "1677845100", "text": "Thank you for your support!"}]}
    >>> tmp = tempfile.TemporaryDirectory()
    >>> folder = Path(tmp.name)
    >>> _ = (folder / "result.json").write_text(json.dumps(chat))
    >>> [p.name for p in export_files(folder)]
    ['result.json']
    >>> tmp.cleanup()
    """
    result = folder / "result.json"
    if result.is_file() and is_json_export(result):
        return [result]
    pages = [p for p in folder.iterdir() if p.is_file() and is_html_export_page(p)]
    return sorted(pages, key=lambda p: page_number(p) or 0)


def _channel_slug(post: Post) -> str:
    if post.channel_id is not None:
        return post.channel_id
    slug = _SLUG.sub("-", post.channel).strip("-").lower()
    if not slug or not slug.isascii():
        slug = "c" + hashlib.sha1(post.channel.encode()).hexdigest()[:10]
    return slug


def post_link(post: Post, username: str | None = None) -> str | None:
    """Return a post's link: by username, else by channel id, else None (HTML, no username).

    Parameters
    ----------
    post
        A post read from an export.
    username
        The channel's public username (with or without ``@``), if known.

    Returns
    -------
    str or None
        ``https://t.me/<username>/<id>`` or ``https://t.me/c/<channel id>/<id>``.

    Examples
    --------
    >>> from datetime import datetime
    >>> p = Post("result.json", "Rail", "1234", "public_channel", 7, "text", datetime(2023, 3, 3))
    >>> post_link(p, "railwatch"), post_link(p)
    ('https://t.me/railwatch/7', 'https://t.me/c/1234/7')
    """
    if username:
        return f"https://t.me/{username.lstrip('@')}/{post.message_id}"
    if post.channel_id is not None:
        return f"https://t.me/c/{post.channel_id}/{post.message_id}"
    return None


def post_source(post: Post, *, username: str | None = None, zone: tzinfo | None = None) -> Source:
    """Return the :class:`~railtrack.models.Source` of one post.

    The reporter is the channel, or for a forward the original sender (the channel
    is then ``relayed_by``). ``published`` is the date of ``published_at``: the UTC
    date when the export gives Unix time, else the exporting computer's local date.

    Parameters
    ----------
    post
        A post read from an export.
    username
        The channel's public username, for the post's link (:func:`post_link`).
    zone
        The channel's time zone (:func:`railtrack.zones.channel_zone`): ``published``
        is then the channel's local day of the post, its author's "today".

    Returns
    -------
    Source
        Reliability as a :class:`~railtrack.models.Source` defaults it.

    Examples
    --------
    >>> from datetime import datetime
    >>> post = Post("result.json", "Rail watch", "1234", "public_channel", 7,
    ...             "A train left Orsha.", datetime(2023, 3, 3, 12))
    >>> s = post_source(post, username="railwatch")
    >>> s.reporter, s.relayed_by, s.url, s.published
    ('Rail watch', None, 'https://t.me/railwatch/7', datetime.date(2023, 3, 3))
    >>> fwd = Post("result.json", "Rail watch", "1234", "public_channel", 8, "A train.",
    ...            datetime(2023, 3, 3, 12), forwarded_from="Belarusian Hajun")
    >>> s = post_source(fwd)
    >>> s.reporter, s.relayed_by, s.url
    ('Belarusian Hajun', 'Rail watch', 'https://t.me/c/1234/8')
    """
    forwarded = post.forwarded_from
    return Source(
        reporter=forwarded or post.channel,
        relayed_by=post.channel if forwarded else None,
        url=post_link(post, username),
        published=local_day(post.published_at, zone),
        channel=post.channel,
        channel_id=post.channel_id,
        message_id=post.message_id,
        published_at=post.published_at,
        forwarded_from=forwarded,
        edited_at=post.edited_at,
    )


def post_ref(post: Post) -> PostRef:
    """Return the store's reference to a post (its key, version and text digest).

    Parameters
    ----------
    post
        A post read from an export.

    Returns
    -------
    PostRef
        ``channel_key`` (the channel id, else ``title:<channel>``), ``message_id``,
        ``version`` (the edit time, else the publication time, ISO), ``digest`` (SHA-1
        of the text, 40 hex digits) and the file.

    Examples
    --------
    >>> from datetime import datetime
    >>> post = Post("result.json", "Rail watch", "1234", "public_channel", 7,
    ...             "A train left Orsha.", datetime(2023, 3, 3, 12))
    >>> ref = post_ref(post)
    >>> ref.channel_key, ref.message_id, ref.version, len(ref.digest)
    ('1234', 7, '2023-03-03T12:00:00', 40)
    """
    version = (post.edited_at or post.published_at).isoformat()
    digest = hashlib.sha1(post.text.encode("utf-8", "surrogatepass")).hexdigest()
    return PostRef(post.channel_key, post.message_id, version, digest, post.file)


@dataclass
class TelegramFile:
    """The reports of one export file: records, problems, skip counts and post references.

    Made by :func:`read_telegram_file`; ``read`` counts the posts read (with text or
    not), ``posts`` holds a :class:`PostRef` for each post with text.

    Examples
    --------
    >>> part = TelegramFile(Path("result.json"), read=2)
    >>> part.shipments, part.read, dict(part.skipped)
    ([], 2, {})
    """

    path: Path
    shipments: list[Shipment] = field(default_factory=list)
    groups: list[ShipmentGroup] = field(default_factory=list)
    sightings: list[Sighting] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # the trains retractions deny ("не пацвердзілася", trial15 T2): never listed
    retracted: list[Shipment] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)
    posts: list[PostRef] = field(default_factory=list)
    read: int = 0


def _posts(path: Path, log: ReadLog, settings: Settings | None) -> Iterator[Post]:
    if path.suffix.lower() == ".html":
        return read_html_export(path, log, settings=settings)
    return read_json_export(path, log, settings=settings)


def _username(post: Post, usernames: Mapping[str, str]) -> str | None:
    if not usernames:
        return None
    by_key = {k.strip().casefold(): v.strip().lstrip("@") for k, v in usernames.items()}
    for key in (post.channel_id, post.channel):
        if key is not None and key.strip().casefold() in by_key:
            return by_key[key.strip().casefold()]
    return None


def read_telegram_file(
    path: Path,
    *,
    network: RailNetwork | Literal[False] | None = None,
    usernames: Mapping[str, str] | None = None,
    prefilter: bool = True,
    tz: tzinfo | None = None,
    settings: Settings | None = None,
) -> TelegramFile:
    """Read one export file (``result.json`` or a ``messages*.html`` page) into reports.

    Parameters
    ----------
    path
        The export file.
    network
        Resolves station names (None: the embedded network; False: keep as written).
    usernames
        Channel usernames (without ``@``) by channel id or title, for the posts' links.
    prefilter
        Skip posts without any train, car, railway or station word before extraction.
    tz
        The time zone the channels write in (``--tz``); None takes a known channel's
        zone from ``data/outlets/zones.csv`` (:func:`railtrack.zones.channel_zone`) and
        reads other channels' posts against their UTC day.
    settings
        Bounds a post's time (``earliest_telegram_post``, ``latest_plausible_date``:
        :func:`~railtrack.io.telegram_posts.implausible_post_time`); None: the defaults.

    Returns
    -------
    TelegramFile
        Shipments and groups (ids ``tg-<channel>-<message id>-t1``...), problems that
        name the file and the message id (``unit`` ``"message"``), skip counts by
        reason, and a :class:`PostRef` for every post with text.

    Examples
    --------
    >>> import json, tempfile
    >>> chat = {"name": "Rail watch", "type": "public_channel", "id": 1234, "messages": [
    ...     {"id": 7, "type": "message", "date": "2023-03-03T12:00:00",
    ...      "date_unixtime": "1677844800",
    ...      "text": "A military echelon of 40 flatcars left Orsha for Smolensk yesterday."},
    ...     {"id": 8, "type": "message", "date": "2023-03-03T12:05:00",
    ...      "date_unixtime": "1677845100", "text": "Thank you for your support!"}]}
    >>> tmp = tempfile.TemporaryDirectory()
    >>> folder = Path(tmp.name)
    >>> _ = (folder / "result.json").write_text(json.dumps(chat))
    >>> part = read_telegram_file(folder / "result.json", network=False)
    >>> part.read, [s.id for s in part.shipments], part.shipments[0].origin.text
    (2, ['tg-1234-7-t1'], 'Orsha')
    >>> dict(part.skipped)
    {'telegram posts without train words (pre-filter)': 1}
    >>> tmp.cleanup()
    """
    out = TelegramFile(path)
    log = ReadLog()
    names = usernames or {}
    # (channel, message id) of the posts that told a train -> their trains
    told: dict[tuple[str, int], list[Shipment]] = {}
    local: list[int] = []  # the posts dated only in the exporting computer's local time
    unzoned: set[str] = set()  # the channels said to have no time zone (trial18 T9)
    for post in _posts(path, log, settings):
        out.posts.append(post_ref(post))
        if post.published_at.tzinfo is None:
            local.append(post.message_id)
            post = _in_zone(post, tz)
        if prefilter and not mentions_rail(post.text):
            out.skipped[PREFILTER_SKIP] += 1
            continue
        answered = (
            told.get((post.channel_key, post.reply_to)) if post.reply_to is not None else None
        )
        zone = channel_zone(post.channel, tz=tz)
        username = _username(post, names)
        before = len(out.sightings)
        first = len(out.shipments)
        if _extract(post, out, network=network, username=username, answered=answered, zone=zone):
            told[(post.channel_key, post.message_id)] = out.shipments[first:]
        if zone is None and post.channel_key not in unzoned:
            odd = _clock_off_post(post, out.sightings[before:])
            if odd is not None:
                unzoned.add(post.channel_key)
                log.problems.append(_no_zone_problem(post, odd))
    if local:
        log.problems.append(_local_time_problem(path, local, tz))
    out.read = log.posts
    out.skipped.update({f"telegram {reason}": n for reason, n in log.skipped.items()})
    for p in log.problems:
        unit = "message" if p.message_id is not None else "row"
        out.problems.append(Problem(p.file, p.message_id, p.field, p.message, unit))
    logger.info(
        "%s: %d posts read, %d shipments; skipped %s",
        path.name,
        log.posts,
        len(out.shipments),
        dict(out.skipped),
    )
    return out


def _in_zone(post: Post, tz: tzinfo | None) -> Post:
    """Return a post dated in local time (no zone) with its times in UTC under ``tz``.

    Without ``tz`` the post is returned as it is: its local times are taken as UTC.
    """
    if tz is None:
        return post
    edited = post.edited_at
    if edited is not None and edited.tzinfo is None:
        edited = edited.replace(tzinfo=tz).astimezone(UTC)
    return replace(
        post, published_at=post.published_at.replace(tzinfo=tz).astimezone(UTC), edited_at=edited
    )


_HOURS_BEFORE = 12  # a clock time of the post's own day this far before it: a zone missing


def _clock_off_post(post: Post, sightings: Iterable[Sighting]) -> Sighting | None:
    """Return a post's sighting whose clock time, read as UTC, says the zone is missing.

    A post of a channel with no known zone and no ``--tz`` is read against its UTC day
    and its clock times as UTC. "Сегодня в 00:50" posted at 01:10 Minsk time (22:10
    UTC the day before) then reads 00:50 UTC of that day, 21 hours before the post; a
    time of the post's own UTC day more than ``_HOURS_BEFORE`` hours before the post is
    the sign (trial18 T9; a time after the post is read as a plan and gives no
    sighting). None when the post is dated in local time only (a problem of its own
    says so) or no time is that far off.
    """
    if post.published_at.tzinfo is None:
        return None
    posted = post.published_at.astimezone(UTC).replace(tzinfo=None)
    for sighting in sightings:
        seen = sighting.seen_at
        if sighting.precision == "day" or seen.date() != posted.date():
            continue
        if (posted - seen).total_seconds() > _HOURS_BEFORE * 3600:
            return sighting
    return None


def _no_zone_problem(post: Post, sighting: Sighting) -> PostProblem:
    """Say once for a channel that it has no time zone, with the time that shows it."""
    off = post.published_at.astimezone(UTC).replace(tzinfo=None) - sighting.seen_at
    return PostProblem(
        str(post.file),
        post.message_id,
        "date",
        f"channel '{post.channel}' has no time zone: times read as UTC; give --tz ZONE "
        f"(a time told for {sighting.seen_at:%Y-%m-%d %H:%M} reads "
        f"{off.total_seconds() / 3600:.1f} h before the post)",
    )


def _local_time_problem(path: Path, ids: list[int], tz: tzinfo | None) -> PostProblem:
    """Say that posts are dated only in the exporting computer's local time, and how read.

    A JSON export without ``date_unixtime`` (older Telegram Desktop, or a file edited
    by hand), or an HTML page whose times carry no ``UTC+HH:MM``, gives a post's time
    only as the clock of the computer that made the export showed it: its zone is in
    no file (trial17b T11). It is read as ``--tz``'s time when given, else as UTC.
    """
    html = path.suffix.lower() == ".html"
    key = "date" if html else "date_unixtime"
    lacking = "no UTC offset in its time" if html else "no 'date_unixtime'"
    read = (
        f"read as {tz} time (--tz)"
        if tz is not None
        else "read as UTC (give --tz ZONE to read it in that zone)"
    )
    said = (
        "the local time of the computer that made the export, whose zone the export "
        f"does not say; {read}"
    )
    if len(ids) == 1:
        return PostProblem(
            str(path), ids[0], key, f"{lacking}: the post's time is its 'date', {said}"
        )
    shown = ", ".join(map(str, ids[:5])) + (f" and {len(ids) - 5} more" if len(ids) > 5 else "")
    return PostProblem(
        str(path),
        None,
        key,
        f"{len(ids)} posts (messages {shown}) have {lacking}: each post's time is its "
        f"'date', {said}",
    )


def _extract(
    post: Post,
    out: TelegramFile,
    *,
    network: RailNetwork | Literal[False] | None,
    username: str | None,
    answered: list[Shipment] | None = None,
    zone: tzinfo | None = None,
) -> bool:
    """Read one post's trains into ``out``; return whether it told any.

    A post that replies to a post of the channel that told a train (``answered``: its
    trains) speaks of that train (``told_before``, linked by :mod:`railtrack.onward`),
    unless it tells its train as another one ("the second train": ``later_train``); a
    reply that corrects a count and names no place ("Папраўка: у эшалоне было не 40, а
    42 вагоны.") tells the answered train with the new count, as a correction
    (:func:`~railtrack.extract.corrections.reply_corrections`; trial19 T4). With the
    channel's ``zone``, "today" is the channel's local day and clock times are
    converted to UTC.
    """
    source = post_source(post, username=username, zone=zone)
    result = extract_shipments(
        post.text,
        published=source.published,
        source=source,
        network=network,
        report_id=f"tg-{_channel_slug(post)}-{post.message_id}",
        zone=zone,
    )
    shipments = result.shipments
    problems = [*result.problems]
    if answered:
        shipments = [
            s if s.later_train or s.told_before else s.model_copy(update={"told_before": True})
            for s in shipments
        ]
        if not shipments and not result.groups:
            shipments, said = _reply_correction(post, result, answered, source)
            if said is not None:  # the post is read: no "no shipment was read from it"
                problems = [p for p in problems if _NOTHING_READ not in p]
                problems += [said] if not shipments else []
    retraction_notes = result.retraction_notes()
    if answered and result.retraction is not None and not shipments and len(answered) == 1:
        # a reply retracting the post it answers binds to that post's train, whatever
        # place it names or not (trial19b T3; as a reply's count correction does)
        retraction_notes = [_reply_retraction(post, out, answered[0], source, result.retraction)]
    else:
        out.retracted.extend(result.retracted)
    out.shipments.extend(shipments)
    out.groups.extend(result.groups)
    out.sightings.extend(result.sightings)
    unresolved = set(result.unresolved)
    out.problems.extend(
        Problem(post.file, post.message_id, None, message, "message")
        for message in [*problems, *result.tally_notes(), *retraction_notes]
        if message not in unresolved
    )
    return bool(shipments)


def _reply_retraction(
    post: Post, out: TelegramFile, answered: Shipment, source: Source, words: str
) -> str:
    """Mark the train of the post a retraction replies to; return what to say of it.

    The answered train is marked retracted (:func:`~railtrack.io.retractions.marked_retracted`)
    in ``out`` and a problem on its own message says by which reply; the returned line is
    the retraction's own problem.
    """
    from railtrack.io.retractions import _undo, marked_retracted

    rid = f"tg-{_channel_slug(post)}-{post.message_id}"
    denied = Shipment(id=f"{rid}-t1", report=rid, source=source)
    out.shipments = [
        marked_retracted(t, denied) if t.id == answered.id else t for t in out.shipments
    ]
    undo = _undo([answered])
    out.problems.append(
        Problem(
            post.file,
            answered.source.message_id,
            None,
            f"train {answered.id} is retracted by message {post.message_id}, a reply to its "
            "post: the source says there was no such train; it is marked retracted and not "
            f"counted in the totals (still listed); {undo}",
            "message",
            published=source.published_at or source.published,  # known from the reply
        )
    )
    return (
        f"{words!r}: the report replies to message {post.reply_to} and retracts its train "
        f"{answered.id}: marked retracted and not counted in the totals; {undo}"
    )


_NOTHING_READ = "but no shipment was read"
"""Words of the problem a post naming a train that no shipment was read from gets."""


def _reply_correction(
    post: Post, result: Extraction, answered: list[Shipment], source: Source
) -> tuple[list[Shipment], str | None]:
    """Return the trains a reply correcting a count tells, and what to say of it.

    None said: the reply corrects no count. A correction of a count no answered train
    carries tells no train and says so ("Папраўка: вагонаў было 38, а не 36." under a
    post of 40 cars), never silently.
    """
    from railtrack.extract.corrections import count_corrections, reply_corrections

    fixes = count_corrections(post.text, (result.lang or "").split("-")[0]) if result.lang else []
    if not fixes:
        return [], None
    rid = f"tg-{_channel_slug(post)}-{post.message_id}"
    told = reply_corrections(answered, fixes, report=rid, source=source, text=post.text)
    if told:
        return told, ""
    olds = ", ".join(sorted({str(f.old) for f in fixes}))
    news = ", ".join(f"{f.new}, not {f.old}" for f in fixes)
    return [], (
        f"{rid}: replies to message {post.reply_to} correcting a count ({news}), but no "
        f"train of that message had {olds} cars; nothing corrected"
    )


def _export_paths(path: Path) -> list[Path]:
    if path.is_file():
        return [path]
    if is_export_folder(path):
        return export_files(path)
    found: list[Path] = []
    for folder in sorted(
        {p.parent for p in path.rglob("result.json")}
        | {p.parent for p in path.rglob("messages.html")}
    ):
        if is_export_folder(folder):
            found.extend(export_files(folder))
    return found


def read_telegram_export(
    paths: str | Path | Iterable[str | Path],
    *,
    network: RailNetwork | Literal[False] | None = None,
    usernames: Mapping[str, str] | None = None,
    prefilter: bool = True,
    settings: Settings | None = None,
) -> ReportSet:
    """Read Telegram Desktop exports into a :class:`~railtrack.io.ReportSet`.

    Parameters
    ----------
    paths
        A ``result.json``, a ``messages*.html`` page, an export folder, a folder of
        export folders, or several of them.
    network
        Resolves station names (None: the embedded network; False: keep as written).
    usernames
        Channel usernames (without ``@``) by channel id or title, for the posts'
        links (a JSON export gives the channel id, never its username).
    prefilter
        Skip posts without any train, car, railway or station word before extraction.
    settings
        Bounds a post's time, as in :func:`read_telegram_file`; None: the defaults.

    Returns
    -------
    ReportSet
        Shipments and groups of every post, ``problems`` naming the file and message
        id, ``skipped`` counts by reason and ``posts`` (a :class:`PostRef` per post
        read, which the store uses to keep each post once and follow its edits).

    Raises
    ------
    InputPathError
        When a path does not exist.

    Examples
    --------
    >>> import json, tempfile
    >>> chat = {"name": "Rail watch", "type": "public_channel", "id": 1234, "messages": [
    ...     {"id": 7, "type": "message", "date": "2023-03-03T12:00:00",
    ...      "date_unixtime": "1677844800",
    ...      "text": "A military echelon of 40 flatcars left Orsha for Smolensk yesterday."},
    ...     {"id": 8, "type": "message", "date": "2023-03-03T12:05:00",
    ...      "date_unixtime": "1677845100", "text": "Thank you for your support!"}]}
    >>> tmp = tempfile.TemporaryDirectory()
    >>> folder = Path(tmp.name)
    >>> _ = (folder / "result.json").write_text(json.dumps(chat))
    >>> reports = read_telegram_export(folder, network=False, usernames={"1234": "railwatch"})
    >>> [(s.id, s.source.url) for s in reports]
    [('tg-1234-7-t1', 'https://t.me/railwatch/7')]
    >>> len(reports.posts), reports.problems
    (2, [])
    >>> tmp.cleanup()
    >>> read_telegram_export("no-such-export")
    Traceback (most recent call last):
    ...
    railtrack.errors.InputPathError: no such file or directory: no-such-export
    """
    if isinstance(paths, str | Path):
        paths = [paths]
    out = ReportSet()
    for root in map(Path, paths):
        if not root.exists():
            msg = f"no such file or directory: {root}"
            raise InputPathError(msg)
        for path in _export_paths(root):
            add_telegram_file(
                out,
                read_telegram_file(
                    path,
                    network=network,
                    usernames=usernames,
                    prefilter=prefilter,
                    settings=settings,
                ),
            )
    if usernames:
        out.problems.extend(out.unknown_channels(usernames))
    return out


def add_telegram_file(out: ReportSet, part: TelegramFile) -> None:
    """Add one export file's records, problems, skip counts and posts to a report set.

    ``out`` is changed in place; each record's file is the export file's path.

    Parameters
    ----------
    out
        The report set to add to (changed in place).
    part
        What :func:`read_telegram_file` read from one export file.

    Examples
    --------
    >>> out = ReportSet()
    >>> part = TelegramFile(Path("result.json"), skipped=Counter({"telegram service": 3}))
    >>> add_telegram_file(out, part)
    >>> len(out), dict(out.skipped)
    (0, {'telegram service': 3})
    """
    name = str(part.path)
    for shipment in part.shipments:
        out.add(shipment, file=name)
    for group in part.groups:
        out.add(group, file=name)
    for sighting in part.sightings:
        out.add(sighting, file=name)
    out.problems.extend(part.problems)
    out.skipped.update(part.skipped)
    out.posts.extend(part.posts)

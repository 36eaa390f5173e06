"""What the Telegram export readers produce: posts, skip counts and problems.

Both readers (:mod:`railtrack.io.telegram_json`, :mod:`railtrack.io.telegram_html`)
yield :class:`Post` objects, one per message with text, and fill a
:class:`ReadLog` with what they skipped and why, and with the problems they met,
each naming the message id.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from railtrack.settings import Settings

__all__ = [
    "CHANNEL_TYPES",
    "GROUP_TYPES",
    "MAX_MESSAGE_ID",
    "MAX_POST_CHARS",
    "Post",
    "PostProblem",
    "PostRef",
    "ReadLog",
    "implausible_post_time",
]

CHANNEL_TYPES = frozenset({"public_channel", "private_channel"})
"""Telegram Desktop's ``type`` of a channel (``export_output_json.cpp``, ``TypeString``)."""

GROUP_TYPES = frozenset({"public_supergroup", "private_supergroup", "private_group"})
"""Group chats: read like channels, each post's sender kept as its ``author``."""

MAX_MESSAGE_ID = 2**31 - 1
"""Largest message id Telegram gives (its ids are 32-bit signed integers); a larger one
is a damaged or hand-made file (SQLite, the store, holds no integer past 2**63)."""

MAX_POST_CHARS = 20_000
"""Longest text read from one post.

Telegram limits a message to 4,096 characters and a caption to 1,024 (4,096 with
Premium); a longer "post" is a damaged or hand-made file, reported and skipped.
"""


def implausible_post_time(moment: datetime, settings: Settings | None = None) -> str | None:
    """Say why no Telegram post can have been posted at ``moment``; None when one can.

    A post is dated from the day Telegram opened (``Settings.earliest_telegram_post``,
    14 August 2013) to ``Settings.latest_plausible_date``, give or take a day for the
    zone of a local time; a time outside (the Unix epoch of a ``date_unixtime`` of
    "0", a year 9999) is a damaged or hand-made export.

    Parameters
    ----------
    moment
        The post's time: aware, or naive (a local time, compared as UTC).
    settings
        Gives the bounds (``earliest_telegram_post``, ``latest_plausible_date``);
        None: :data:`~railtrack.settings.DEFAULT_SETTINGS`. The export readers pass
        the loader's settings down.

    Returns
    -------
    str or None
        "dates the post to 1970-01-01, before Telegram opened (2013-08-14): ...".

    Examples
    --------
    >>> from datetime import UTC
    >>> implausible_post_time(datetime(2023, 3, 3, tzinfo=UTC)) is None
    True
    >>> implausible_post_time(datetime(1970, 1, 1, tzinfo=UTC))
    'dates the post to 1970-01-01, before Telegram opened (2013-08-14): no date of a Telegram post'

    A caller's settings move the bounds:

    >>> from datetime import date
    >>> from railtrack.settings import Settings
    >>> late = Settings(earliest_telegram_post=date(2020, 1, 1))
    >>> implausible_post_time(datetime(2019, 6, 1, tzinfo=UTC), late)
    'dates the post to 2019-06-01, before Telegram opened (2020-01-01): no date of a Telegram post'
    """
    from railtrack.settings import DEFAULT_SETTINGS

    s = settings or DEFAULT_SETTINGS
    first, last = s.earliest_telegram_post, s.latest_plausible_date
    day = moment.date()
    if first - timedelta(days=1) <= day <= last + timedelta(days=1):
        return None
    when = "before Telegram opened" if day < first else "after"
    bound = first if day < first else last
    return (
        f"dates the post to {day.isoformat()}, {when} ({bound.isoformat()}): "
        "no date of a Telegram post"
    )


@dataclass(frozen=True, slots=True)
class Post:
    """One message with text from a channel export.

    ``published_at`` is timezone-aware (UTC) when the export gives Unix time, and
    naive (the exporting computer's local time) when it gives only the local date.
    ``media`` names an attached photo, video or file (whose caption is ``text``).

    Examples
    --------
    >>> from datetime import datetime, timedelta
    >>> post = Post("result.json", "Rail watch", "1234", "public_channel", 7,
    ...             "A train left Orsha.", datetime(2023, 3, 3, 12))
    >>> post.message_id, post.text, post.forwarded_from
    (7, 'A train left Orsha.', None)
    """

    file: str
    channel: str
    channel_id: str | None
    channel_type: str | None
    message_id: int
    text: str
    published_at: datetime
    forwarded_from: str | None = None
    edited_at: datetime | None = None
    author: str | None = None
    media: str | None = None
    reply_to: int | None = None
    """The message id of the post this one replies to (``reply_to_message_id``)."""

    @property
    def channel_key(self) -> str:
        """The channel's identity in ids and the store: its id, else its title.

        Examples
        --------
        >>> from datetime import datetime, timedelta
        >>> Post("a.json", "Rail watch", "1234", None, 7, "x", datetime(2023, 3, 3)).channel_key
        '1234'
        >>> Post("a.html", "Rail watch", None, None, 7, "x", datetime(2023, 3, 3)).channel_key
        'title:Rail watch'
        """
        return self.channel_id if self.channel_id is not None else f"title:{self.channel}"


@dataclass(frozen=True, slots=True)
class PostProblem:
    """Something wrong with one message or one part of a file.

    ``message_id`` is None for a problem with the file as a whole.

    Examples
    --------
    >>> PostProblem("result.json", 7, "text", "not a string").message_id
    7
    """

    file: str
    message_id: int | None
    field: str | None
    message: str


@dataclass
class ReadLog:
    """What a reader skipped (by reason) and the problems it met.

    ``posts`` counts the posts read.

    Examples
    --------
    >>> log = ReadLog()
    >>> log.skipped["service message"] += 1
    >>> dict(log.skipped), log.problems, log.posts
    ({'service message': 1}, [], 0)
    """

    skipped: Counter[str] = field(default_factory=Counter)
    problems: list[PostProblem] = field(default_factory=list)
    posts: int = 0

    def problem(
        self, file: str, message_id: int | None, message: str, *, field: str | None = None
    ) -> None:
        """Record a problem with message ``message_id`` (None: the file as a whole).

        Parameters
        ----------
        file
            The export file.
        message_id
            The post's message id, or None for the file as a whole.
        message
            What is wrong.
        field
            The post's field concerned, if any.

        Examples
        --------
        >>> log = ReadLog()
        >>> log.problem("result.json", None, "not an export")
        >>> log.problems
        [PostProblem(file='result.json', message_id=None, field=None, message='not an export')]
        """
        self.problems.append(PostProblem(file, message_id, field, message))


class PostRef(NamedTuple):
    """One post read from an export, as the store keeps it: which post, which version.

    ``channel_key`` is the channel id (or ``title:<title>`` when the export gives
    none); ``version`` the edit time, else the publication time (ISO); ``digest`` a
    hash of the text, so an edit that changes nothing is no new version.

    Examples
    --------
    >>> ref = PostRef("1234", 7, "2023-03-03T12:00:00", "3d68d8b9", "result.json")
    >>> ref.channel_key, ref.message_id, ref.version
    ('1234', 7, '2023-03-03T12:00:00')
    """

    channel_key: str
    message_id: int
    version: str
    digest: str
    file: str

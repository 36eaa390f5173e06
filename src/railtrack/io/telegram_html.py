"""Read the posts of one page of a Telegram Desktop HTML export (``messages*.html``).

Checked against the program that writes it, Telegram Desktop's
``Telegram/SourceFiles/export/output/export_output_html.cpp``:

- a chat is split into pages of 1,000 messages, ``messages.html``,
  ``messages2.html``, ...; each page opens with ``div.page_header`` holding the
  chat's name, then ``div.history`` with one ``div.message`` per message, whose id
  is ``message<ID>`` (date separators are service messages with negative ids);
- a message is ``div.message.default`` (``div.message.service`` for service
  messages); a follow-on message from the same sender within 15 minutes has the
  class ``joined`` and no ``div.from_name``: its sender is the last one named. Each
  page starts afresh, so one page is read on its own;
- the time is in the ``title`` of ``div.date.details``:
  ``DD.MM.YYYY HH:MM:SS``, followed by `` UTC+HH:MM`` in newer exports;
- a forward has ``div.forwarded.body`` whose ``div.from_name`` names the original
  sender (left out for a run of forwards from one sender); the text (or caption) is
  ``div.text``, with ``<br>`` for line breaks; a sticker is ``a.sticker_wrap`` or a
  media block titled "Sticker". The HTML export has no chat id and no edit times.

Parsed with lxml's HTML parser (libxml2), which recovers from broken markup.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lxml import etree, html

from railtrack.io.telegram_posts import (
    MAX_MESSAGE_ID,
    MAX_POST_CHARS,
    Post,
    ReadLog,
    implausible_post_time,
)

if TYPE_CHECKING:
    from railtrack.settings import Settings

__all__ = ["is_html_export_page", "read_html_export"]

_PAGE_NAME = re.compile(r"^messages(\d*)\.html$", re.IGNORECASE)
_DATE = re.compile(
    r"^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s+(\d{1,2}):(\d{2}):(\d{2})"
    r"(?:\s*UTC\s*([+-])(\d{1,2}):?(\d{2}))?\s*$"
)


def _has_class(name: str) -> str:
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


_MESSAGES = etree.XPath(f"//div[{_has_class('history')}]/div[{_has_class('message')}]")
_HEADER = etree.XPath(f"//div[{_has_class('page_header')}]//div[{_has_class('text')}]")


_PARSER = html.HTMLParser(encoding="utf-8")
"""Telegram Desktop writes its pages in UTF-8; a page cut before its ``<meta charset>``
must not be read as Latin-1."""


def _parts(element: Any) -> dict[str, Any]:
    """Map each class of an element's direct children to the first child that has it.

    One pass over the children instead of one XPath search per part: a page of
    1,000 messages is read several times faster.
    """
    out: dict[str, Any] = {}
    for child in element:
        for name in str(child.get("class") or "").split():
            out.setdefault(name, child)
    return out


def _media(wrap: Any) -> tuple[bool, str | None]:
    """Return (is a sticker, kind of media) of a ``div.media_wrap``."""
    kind = None
    for node in wrap.iterdescendants():
        classes = str(node.get("class") or "").split()
        if "sticker_wrap" in classes or "sticker" in classes:
            return True, "sticker"
        if "title" in classes and (node.text or "").strip() == "Sticker":
            return True, "sticker"
        if kind is None and "photo_wrap" in classes:
            kind = "photo"
        if kind is None:
            kind = next((c.removeprefix("media_") for c in classes if c.startswith("media_")), None)
    return False, kind


def page_number(path: Path) -> int | None:
    """Return 1 for ``messages.html``, N for ``messagesN.html``, None for other names.

    Parameters
    ----------
    path
        A file name or path (only the name is read).

    Returns
    -------
    int or None
        The page's number, counting from 1.

    Examples
    --------
    >>> [page_number(Path(name)) for name in ("messages.html", "messages12.html", "index.html")]
    [1, 12, None]
    """
    match = _PAGE_NAME.match(path.name)
    if match is None:
        return None
    return int(match.group(1) or 1)


def is_html_export_page(path: Path) -> bool:
    """Return whether ``path`` is named like a page of a Telegram HTML export.

    Only the name is read (the file need not exist).

    Parameters
    ----------
    path
        A file name or path.

    Returns
    -------
    bool
        True for ``messages.html`` and ``messagesN.html``.

    Examples
    --------
    >>> is_html_export_page(Path("export/messages3.html")), is_html_export_page(Path("a.html"))
    (True, False)
    """
    return page_number(path) is not None


def _parse_date(title: str) -> datetime | None:
    """Read ``DD.MM.YYYY HH:MM:SS[ UTC+HH:MM]``: in UTC when a zone is given, else naive."""
    match = _DATE.match(title)
    if match is None:
        return None
    day, month, year, hour, minute, second, sign, off_h, off_m = match.groups()
    try:
        moment = datetime(int(year), int(month), int(day), int(hour), int(minute), int(second))
        if sign is None:
            return moment
        offset = timedelta(hours=int(off_h), minutes=int(off_m))
        zone = timezone(-offset if sign == "-" else offset)
        return moment.replace(tzinfo=zone).astimezone(UTC)  # as the JSON export's Unix times
    except (ValueError, OverflowError):  # 31.02, an offset of 24 hours or more, year 1 UTC+3
        return None


def _text_of(element: Any) -> str:
    """Return the text of an element, each ``<br>`` read as a line break."""
    for br in element.iter("br"):
        br.tail = "\n" + (br.tail or "")
    return str(element.text_content()).strip()


def _first_text(elements: list[Any]) -> str | None:
    if not elements:
        return None
    return _text_of(elements[0]) or None


class _PageReader:
    """Read one page, carrying the sender and forward origin between joined messages."""

    def __init__(self, path: Path, log: ReadLog, settings: Settings | None = None) -> None:
        self.path = path
        self.file = str(path)
        self.log = log
        self.settings = settings  # bounds a post's time (implausible_post_time)
        self.channel = ""
        self.sender: str | None = None
        self.forwarded_from: str | None = None

    def posts(self) -> Iterator[Post]:
        try:
            tree = html.parse(str(self.path), parser=_PARSER)
        except (OSError, etree.ParserError) as exc:
            self.log.problem(self.file, None, f"cannot read the page: {exc}")
            return
        root = tree.getroot()
        if root is None:
            self.log.problem(self.file, None, "the page is empty")
            return
        header = _first_text(_HEADER(root))
        if header is None:
            self.channel = self.path.parent.name or "unnamed chat"
            self.log.problem(
                self.file,
                None,
                f"no chat name in the page header; the folder name {self.channel!r} is used",
                field="page_header",
            )
        else:
            self.channel = header
        self._check_end()
        messages = _MESSAGES(root)
        if not messages:
            self.log.problem(self.file, None, "no messages found on the page (no div.history)")
        for element in messages:
            post = self._message(element)
            if post is not None:
                yield post

    def _check_end(self) -> None:
        """Say so when a page does not end with ``</html>``: it may have been cut short."""
        with self.path.open("rb") as raw:
            raw.seek(max(0, self.path.stat().st_size - 64))
            tail = raw.read().rstrip()
        if not tail.lower().endswith(b"</html>"):
            self.log.problem(
                self.file,
                None,
                "the page does not end with </html>: it may be cut short; the messages "
                "on it were read, the last one may be incomplete",
            )

    def _message_id(self, element: Any) -> int | None:
        raw = str(element.get("id") or "")
        number = raw.removeprefix("message")
        if (
            number.lstrip("-").isascii()
            and number.lstrip("-").isdigit()
            and raw.startswith("message")
            and int(number) <= MAX_MESSAGE_ID
        ):
            return int(number)
        self.log.problem(
            self.file, None, f"a message has no usable id ({raw!r}); skipped", field="id"
        )
        return None

    def _message(self, element: Any) -> Post | None:
        message_id = self._message_id(element)
        if message_id is None or message_id < 1:
            return None  # negative ids are the date separators
        classes = str(element.get("class") or "").split()
        if "service" in classes:
            self.log.skipped["service messages"] += 1
            self.sender = self.forwarded_from = None
            return None
        body = _parts(element).get("body")
        if body is None:
            self.log.problem(self.file, message_id, "the message has no body; skipped")
            return None
        parts = _parts(body)
        self._carry_sender(parts.get("from_name"), joined="joined" in classes)
        forwarded = parts.get("forwarded")
        content = _parts(forwarded) if forwarded is not None else parts
        origin = self._origin(content.get("from_name")) if forwarded is not None else None
        wrap = content.get("media_wrap")
        sticker, media = _media(wrap) if wrap is not None else (False, None)
        if sticker:
            self.log.skipped["stickers"] += 1
            return None
        text = _text_of(content["text"]) if "text" in content else ""
        if not text:
            self.log.skipped["posts without text"] += 1
            return None
        title = parts["date"].get("title") if "date" in parts else None
        signature = _text_of(content["signature"]) if "signature" in content else None
        return self._build(message_id, title, text, origin, media, signature or None)

    def _carry_sender(self, name: Any, *, joined: bool) -> None:
        named = _text_of(name) or None if name is not None else None
        if named is not None:
            self.sender = named
        elif not joined:
            self.sender = None

    def _origin(self, name: Any) -> str | None:
        if name is not None:
            for span in name.findall("span"):
                span.drop_tree()  # the original post's date
            self.forwarded_from = _text_of(name) or None
        return self.forwarded_from

    def _build(
        self,
        message_id: int,
        title: str | None,
        text: str,
        origin: str | None,
        media: str | None,
        signature: str | None,
    ) -> Post | None:
        published_at = _parse_date(title) if title else None
        if published_at is None:
            self.log.problem(
                self.file,
                message_id,
                f"no usable date in div.date.details (title: {title!r}); skipped",
                field="date",
            )
            return None
        why = implausible_post_time(published_at, self.settings)
        if why is not None:
            self.log.problem(self.file, message_id, f"{title!r} {why}; skipped", field="date")
            return None
        if len(text) > MAX_POST_CHARS:
            self.log.problem(
                self.file,
                message_id,
                f"the text is {len(text):,} characters, longer than any Telegram post "
                f"(read up to {MAX_POST_CHARS:,}); skipped",
                field="text",
            )
            return None
        self.log.posts += 1
        return Post(
            file=self.file,
            channel=self.channel,
            channel_id=None,
            channel_type=None,
            message_id=message_id,
            text=text,
            published_at=published_at,
            forwarded_from=origin,
            author=signature or (self.sender if self.sender != self.channel else None),
            media=media,
        )


def read_html_export(
    path: Path, log: ReadLog, *, settings: Settings | None = None
) -> Iterator[Post]:
    """Yield the posts with text on one page of a Telegram Desktop HTML export.

    Parameters
    ----------
    path
        ``messages.html``, ``messages2.html``, ... of an export folder.
    log
        Collects the messages skipped (service messages, stickers, posts without
        text) and the problems met, each naming the message id.
    settings
        Bounds a post's time (:func:`~railtrack.io.telegram_posts.implausible_post_time`);
        None: the defaults.

    Yields
    ------
    Post
        Each post with text, in page order; ``channel_id`` is None (the HTML export
        does not give it).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> page = ('<div class="page_header"><div class="text bold">Rail watch </div></div>'
    ...   '<div class="history"><div class="message default clearfix" id="message5">'
    ...   '<div class="body"><div class="pull_right date details" '
    ...   'title="03.03.2023 10:15:00 UTC+02:00">10:15</div>'
    ...   '<div class="from_name">Rail watch</div>'
    ...   '<div class="text">A train<br>left Orsha.</div></div></div></div>')
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     p = pathlib.Path(tmp) / "messages.html"
    ...     _ = p.write_text(page)
    ...     (post,) = read_html_export(p, ReadLog())
    >>> post.channel, post.message_id, post.text, post.published_at.isoformat()
    ('Rail watch', 5, 'A train\\nleft Orsha.', '2023-03-03T08:15:00+00:00')
    """
    return _PageReader(path, log, settings).posts()

"""Stream the posts out of a Telegram Desktop JSON export (``result.json``).

Checked against the program that writes it, Telegram Desktop's
``Telegram/SourceFiles/export/output/export_output_json.cpp``:

- a one-chat export is the chat object itself: ``name``, ``type``, ``id`` (a bare
  number), ``messages``; a whole-account export starts with ``about`` and puts chats
  under ``chats.list`` and ``left_chats.list``;
- each message has ``id``, ``type`` (``message``, ``service`` or ``unsupported``),
  ``date`` (the exporting computer's local time, ISO, no offset), in newer exports
  ``date_unixtime`` (Unix seconds as a string), ``edited``/``edited_unixtime``,
  ``from``/``from_id``, ``author`` (a post signature), ``forwarded_from`` (a name,
  or null), media keys (``photo``, ``file``, ``media_type`` such as ``sticker``),
  and ``text``: a string when the text is one plain part, else a list of strings and
  ``{"type", "text"}`` objects; newer exports add ``text_entities``. Empty values
  are left out, except ``text``, which is ``""`` for a message without text;
- control characters other than newline, return and tab are written as ``\\xNN``,
  which is not JSON: they are read as ``\\u00NN``.

The file is read with ijson's C parser, one message at a time, so memory stays flat
however long the export; a file that ends early or breaks keeps the posts read up to
the break, and the break becomes a problem naming the last message read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

import ijson

from railtrack.io.telegram_posts import (
    CHANNEL_TYPES,
    GROUP_TYPES,
    MAX_POST_CHARS,
    Post,
    ReadLog,
)

__all__ = ["is_json_export", "read_json_export"]

_CHAT_LISTS = ("chats.list.item", "left_chats.list.item")
_MESSAGES = {"messages.item": "", **{f"{p}.messages.item": p for p in _CHAT_LISTS}}
_META = {
    f"{p}.{key}" if p else key: key for p in ("", *_CHAT_LISTS) for key in ("name", "type", "id")
}
_ACCOUNT_KEYS = frozenset(
    {
        "about",
        "personal_information",
        "profile_pictures",
        "stories",
        "contacts",
        "frequent_contacts",
        "sessions",
        "web_sessions",
        "other_data",
        "chats",
        "left_chats",
    }
)
_CHAT_TYPES = CHANNEL_TYPES | GROUP_TYPES
_ALL_CHAT_TYPES = _CHAT_TYPES | {
    "saved_messages",
    "replies",
    "verification_codes",
    "personal_chat",
    "bot_chat",
}
_STRUCTURE_EVENTS = frozenset({"start_map", "start_array"})
_END_EVENTS = frozenset({"end_map", "end_array"})

_ESCAPE = re.compile(rb"\\(x[0-9A-Fa-f]{2}|.)", re.DOTALL)
_MAX_DIGITS = 4_000  # below Python's default int conversion limit of 4,300 digits
_DIGIT_RUN = re.compile(rb"[0-9]{%d,}" % (_MAX_DIGITS + 1))


def _fix_escape(match: re.Match[bytes]) -> bytes:
    body = match.group(1)
    return b"\\u00" + body[1:] if body[:1] == b"x" and len(body) == 3 else match.group(0)


class _Repaired:
    """A binary file whose ``\\xNN`` string escapes (not JSON) read as ``\\u00NN``.

    Escapes are matched from the start of the file, so an escaped backslash followed
    by ``x`` is left alone; a chunk never ends inside an escape.
    """

    def __init__(self, raw: IO[bytes]) -> None:
        self.raw = raw
        self.carry = b""
        self.offset = 0  # bytes of the original file handed on so far
        self.digits = 0  # length of the run of digits that ended the last chunk

    def _check_digits(self, head: bytes) -> None:
        """Refuse a run of digits longer than Python converts to an int.

        ijson's C backend crashes the process on such a number (Python refuses to
        convert more than ``sys.get_int_max_str_digits()`` digits, 4,300 by default),
        so a file holding one is refused as broken JSON before the parser sees it.
        """
        limit = _MAX_DIGITS
        lead = len(head) - len(head.lstrip(b"0123456789"))
        run = self.digits + lead if lead else 0
        if lead == len(head):
            self.digits = run
        else:
            longest = max((len(m) for m in _DIGIT_RUN.findall(head)), default=0)
            run = max(run, longest)
            self.digits = len(head) - len(head.rstrip(b"0123456789"))
        if max(run, self.digits) > limit:
            msg = f"a number of more than {limit:,} digits near byte {self.offset:,}"
            raise ijson.JSONError(msg)

    def read(self, size: int = -1) -> bytes:
        if size == 0:
            return b""  # ijson asks for nothing to learn whether the file gives bytes
        data = self.raw.read(size if size > 0 else 1 << 16)
        final = not data
        chunk = self.carry + data
        cut = len(chunk)
        if not final:
            tail = chunk.rfind(b"\\", max(0, len(chunk) - 4))
            if tail >= 0:
                # the escape the tail backslash belongs to may still be incomplete
                for match in _ESCAPE.finditer(chunk, max(0, len(chunk) - 8)):
                    if match.end() > len(chunk) - 4:
                        cut = match.start()
                        break
        self.carry = chunk[cut:]
        head = chunk[:cut]
        self._check_digits(head)
        self.offset += len(head)
        if b"\\x" in head:
            return _ESCAPE.sub(_fix_escape, head)
        if not head and not final:
            return self.read(size)
        return head


def is_json_export(path: Path) -> bool:
    """Return whether ``path`` starts like a Telegram Desktop JSON export.

    Reads only the file's first top-level keys: a chat object (``name``, ``type``
    naming a Telegram chat type, ``id``, ``messages``) or an account export (``about``,
    ``chats``, ...). A file that is not JSON is not an export.

    Parameters
    ----------
    path
        A ``.json`` file.

    Returns
    -------
    bool
        False also when the file cannot be read.

    Examples
    --------
    >>> import json, tempfile, pathlib
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     p = pathlib.Path(tmp) / "result.json"
    ...     _ = p.write_text(json.dumps({"name": "Rail", "type": "public_channel",
    ...                                  "id": 1, "messages": []}))
    ...     q = pathlib.Path(tmp) / "reports.json"
    ...     _ = q.write_text(json.dumps([{"id": "t1", "source": "Hajun"}]))
    ...     is_json_export(p), is_json_export(q)
    (True, False)
    """
    try:
        with path.open("rb") as raw:
            head = raw.read(4096).lstrip(b"\xef\xbb\xbf \t\r\n")
            if not head.startswith(b"{"):
                return False  # a list or a scalar at the top (read no further: a
                # file of nested brackets made the prefixed parser quadratic)
            raw.seek(0)
            return _starts_like_export(ijson.basic_parse(_Repaired(raw)))
    except (ijson.JSONError, OSError, UnicodeDecodeError):
        return False


def _starts_like_export(events: Iterator[tuple[str, Any]]) -> bool:
    """Read a JSON document's first top-level keys (see :func:`is_json_export`)."""
    key: str | None = None
    for event, value in events:
        if event == "start_map" and key is None:
            continue
        if event == "map_key":
            if value in _ACCOUNT_KEYS or value == "messages":
                return True
            if value not in ("name", "type", "id"):
                return False
            key = value
        elif key == "type":
            return value in _ALL_CHAT_TYPES
        elif event in _STRUCTURE_EVENTS:
            return False  # "name" or "id" holding a list or an object
    return False


def _text(value: Any) -> str | None:
    """Join a message's ``text`` (a string, or a list of strings and entity objects)."""
    if isinstance(value, str):
        return value
    if not isinstance(value, list):
        return None
    parts = []
    for part in value:
        if isinstance(part, str):
            parts.append(part)
        elif isinstance(part, dict) and isinstance(part.get("text"), str):
            parts.append(part["text"])
        else:
            return None
    return "".join(parts)


def _unix(value: Any) -> datetime | None:
    if isinstance(value, str) and value.isdigit():
        return datetime.fromtimestamp(int(value), UTC)
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return datetime.fromtimestamp(value, UTC)
    return None


def _local(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def _when(message: dict[str, Any], unix_key: str, local_key: str) -> datetime | None:
    """Return ``<x>_unixtime`` as UTC when given, else ``<x>`` (local time, no zone)."""
    return _unix(message.get(unix_key)) or _local(message.get(local_key))


class _Chat:
    """The chat whose messages are being read."""

    def __init__(self) -> None:
        self.name: str | None = None
        self.type: str | None = None
        self.id: str | None = None
        self.refused = 0  # messages skipped because the chat is not a channel or group
        self.in_account = False  # one chat of a whole-account export

    @property
    def title(self) -> str:
        return self.name or (f"chat {self.id}" if self.id else "unnamed chat")

    def readable(self) -> bool:
        return self.type in _CHAT_TYPES or self.type is None


class _JsonExportReader:
    """Turn the parse events of one export into posts, logging skips and problems."""

    def __init__(self, path: Path, log: ReadLog) -> None:
        self.path = path
        self.file = str(path)
        self.log = log
        self.chat = _Chat()
        self.last_id: int | None = None
        self.position = 0  # messages seen in the current chat

    def posts(self) -> Iterator[Post]:
        try:
            with self.path.open("rb") as raw:
                yield from self._events(ijson.parse(_Repaired(raw), use_float=True))
        except ijson.JSONError as exc:
            after = (
                f" after message {self.last_id}"
                if self.last_id is not None
                else " before any message"
            )
            reason = str(exc).splitlines()[0]
            self.log.problem(
                self.file,
                None,
                f"the JSON breaks off or is invalid{after} ({reason}); the posts before "
                "it are kept, the rest of the file is not read",
            )
        except OSError as exc:
            self.log.problem(self.file, None, f"cannot read the file: {exc.strerror or exc}")
        self._end_chat()

    def _events(self, events: Iterator[tuple[str, str, Any]]) -> Iterator[Post]:
        builder: ijson.common.ObjectBuilder | None = None
        depth = 0
        for prefix, event, value in events:
            if builder is not None:
                builder.event(event, value)
                if event in _STRUCTURE_EVENTS:
                    depth += 1
                elif event in _END_EVENTS:
                    depth -= 1
                    if depth == 0:
                        post = self._message(builder.value)
                        builder = None
                        if post is not None:
                            yield post
                continue
            if prefix in _MESSAGES:
                self.position += 1
                if event != "start_map":
                    self._not_an_object(event)
                if event in _STRUCTURE_EVENTS:
                    # built whole (a list is read to its end), then refused by _message
                    builder = ijson.common.ObjectBuilder()
                    builder.event(event, value)
                    depth = 1
                continue
            self._structure(prefix, event, value)

    def _not_an_object(self, event: str) -> None:
        after = f" (after message {self.last_id})" if self.last_id is not None else ""
        self.log.problem(
            self.file,
            None,
            f"item {self.position} of the messages of {self.chat.title!r}{after} is "
            f"{event.replace('start_', 'a ')}, not a message object; skipped",
        )

    def _structure(self, prefix: str, event: str, value: Any) -> None:
        if event == "start_map" and (prefix in _CHAT_LISTS or prefix == ""):
            self._end_chat()
            self.chat = _Chat()
            self.chat.in_account = prefix != ""
            self.position = 0
            return
        key = _META.get(prefix)
        if key is None or event in _STRUCTURE_EVENTS or event in _END_EVENTS:
            return
        text = None if value is None else str(value)
        setattr(self.chat, key, text)

    def _end_chat(self) -> None:
        chat = self.chat
        if chat.refused and chat.in_account:
            # expected in an account export: counted, never named or read
            self.log.skipped[f"messages of {chat.type} chats (not read)"] += chat.refused
            chat.refused = 0
        elif chat.refused:
            self.log.skipped[f"messages of {chat.type} chats (not read)"] += chat.refused
            self.log.problem(
                self.file,
                None,
                f"{chat.title!r} is a {chat.type}, not a channel or group: its "
                f"{chat.refused} messages are not read",
            )
            chat.refused = 0

    def _message(self, message: Any) -> Post | None:
        if not isinstance(message, dict):  # a list item: reported in _events
            return None
        raw_id = message.get("id")
        if isinstance(raw_id, bool) or not isinstance(raw_id, int) or raw_id < 1:
            after = f" after message {self.last_id}" if self.last_id is not None else ""
            self.log.problem(
                self.file,
                None,
                f"a message of {self.chat.title!r}{after} has no usable id ({raw_id!r}); skipped",
                field="id",
            )
            return None
        self.last_id = raw_id
        if not self.chat.readable():
            self.chat.refused += 1
            return None
        return self._post(raw_id, message)

    def _skip_reason(self, message: dict[str, Any], text: str) -> str | None:
        kind = message.get("type")
        if kind == "service":
            return "service messages"
        if kind == "unsupported":
            return "messages this Telegram Desktop could not export"
        if message.get("media_type") == "sticker":
            return "stickers"
        if not text.strip():
            return "posts without text"
        return None

    def _post(self, message_id: int, message: dict[str, Any]) -> Post | None:
        log = self.log
        text = _text(message.get("text", ""))
        if text is None:
            log.problem(
                self.file,
                message_id,
                "'text' is neither a string nor a list of strings and entities; skipped",
                field="text",
            )
            return None
        reason = self._skip_reason(message, text)
        if reason is not None:
            log.skipped[reason] += 1
            return None
        if len(text) > MAX_POST_CHARS:
            log.problem(
                self.file,
                message_id,
                f"the text is {len(text):,} characters, longer than any Telegram post "
                f"(read up to {MAX_POST_CHARS:,}); skipped",
                field="text",
            )
            return None
        published_at = _when(message, "date_unixtime", "date")
        if published_at is None:
            log.problem(
                self.file,
                message_id,
                f"no usable date ({message.get('date')!r}); the post is skipped",
                field="date",
            )
            return None
        return self._build(message_id, message, text, published_at)

    def _build(
        self, message_id: int, message: dict[str, Any], text: str, published_at: datetime
    ) -> Post:
        media = message.get("media_type") or (
            "photo" if "photo" in message else ("file" if "file" in message else None)
        )
        forwarded = message.get("forwarded_from")
        author = message.get("author")
        sender = message.get("from")
        if self.chat.type in GROUP_TYPES and isinstance(sender, str):
            author = sender
        self.log.posts += 1
        return Post(
            file=self.file,
            channel=self.chat.title,
            channel_id=self.chat.id,
            channel_type=self.chat.type,
            message_id=message_id,
            text=text,
            published_at=published_at,
            forwarded_from=forwarded if isinstance(forwarded, str) and forwarded else None,
            edited_at=_when(message, "edited_unixtime", "edited"),
            author=author if isinstance(author, str) and author else None,
            media=str(media) if media else None,
            reply_to=_reply_to(message),
        )


def _reply_to(message: dict[str, Any]) -> int | None:
    """Return the message id a post replies to (``reply_to_message_id``), None when none.

    >>> _reply_to({"reply_to_message_id": 10}), _reply_to({"reply_to_message_id": "x"})
    (10, None)
    """
    value = message.get("reply_to_message_id")
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def read_json_export(path: Path, log: ReadLog) -> Iterator[Post]:
    """Yield the posts with text of a Telegram Desktop JSON export, one at a time.

    Parameters
    ----------
    path
        A ``result.json`` written by Telegram Desktop (one chat or a whole account).
    log
        Collects the messages skipped (by reason: service messages, stickers, posts
        without text, chats that are not channels or groups) and the problems met,
        each naming the message id.

    Yields
    ------
    Post
        Each channel or group post with text (a caption counts as text), in file order.

    Examples
    --------
    >>> import json, tempfile, pathlib
    >>> chat = {"name": "Rail watch", "type": "public_channel", "id": 77, "messages": [
    ...     {"id": 1, "type": "service", "date": "2023-03-01T09:00:00", "action": "create_channel",
    ...      "text": ""},
    ...     {"id": 2, "type": "message", "date": "2023-03-03T10:15:00",
    ...      "date_unixtime": "1677831300", "text": ["A ", {"type": "bold", "text": "train"},
    ...      " left Orsha."]}]}
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     p = pathlib.Path(tmp) / "result.json"
    ...     _ = p.write_text(json.dumps(chat))
    ...     log = ReadLog()
    ...     posts = list(read_json_export(p, log))
    >>> posts[0].text, posts[0].channel_id, posts[0].published_at.isoformat()
    ('A train left Orsha.', '77', '2023-03-03T08:15:00+00:00')
    >>> dict(log.skipped)
    {'service messages': 1}
    """
    return _JsonExportReader(path, log).posts()

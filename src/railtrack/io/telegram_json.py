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
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import ijson

from railtrack.io.telegram_posts import (
    CHANNEL_TYPES,
    GROUP_TYPES,
    MAX_MESSAGE_ID,
    MAX_POST_CHARS,
    Post,
    ReadLog,
    implausible_post_time,
)

if TYPE_CHECKING:
    from railtrack.settings import Settings

__all__ = ["MAX_MESSAGE_ID", "is_json_export", "json_kind", "read_json_export"]

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
_CONTAINERS = {
    "chats": "start_map",
    "left_chats": "start_map",
    "chats.list": "start_array",
    "left_chats.list": "start_array",
    **{f"{p}.messages" if p else "messages": "start_array" for p in ("", *_CHAT_LISTS)},
}
"""Each part of an export's structure and what it must be (an object or an array)."""
_CONTENTS = {"chats": "chats", "left_chats": "chats", "list": "chats", "messages": "messages"}
_EVENT_KINDS = {
    "start_map": "an object",
    "start_array": "an array",
    "number": "a number",
    "string": "a string",
    "boolean": "true or false",
    "null": "null",
}
"""What a JSON parse event's value is, with its article (not "a array")."""
_META_WHAT = {"name": "the chat's title", "type": "a chat type", "id": "a number"}
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
    """Read a JSON document's first top-level keys (see :func:`is_json_export`).

    A ``name``, ``type`` or ``id`` holding a list or an object (a damaged export) is
    passed over: the object is an export when a ``messages`` key follows, and the
    export reader then names the bad field, rather than the chat becoming one report
    record (a fake train).
    """
    depth = 0
    key: str | None = None
    for event, value in events:
        if event in _STRUCTURE_EVENTS:
            depth += 1
            continue
        if event in _END_EVENTS:
            depth -= 1
            if depth <= 0:
                return False
            continue
        if depth != 1:
            continue  # inside a value passed over
        if event == "map_key":
            if value in _ACCOUNT_KEYS or value == "messages":
                return True
            if value not in ("name", "type", "id"):
                return False
            key = value
        elif key == "type" and isinstance(value, str):
            return value in _ALL_CHAT_TYPES
    return False


def _entity(part: Any) -> bool:
    """Whether a part of a message's ``text`` is a text entity (``{"type", "text"}``)."""
    return isinstance(part, dict) and isinstance(part.get("text"), str)


def _text(value: Any) -> str | None:
    """Join a message's ``text`` (a string, or a list of strings and entity objects).

    None when ``text`` is neither; the parts of a list that hold no text are left
    out (:func:`_bad_parts` names them).

    >>> _text(["A ", {"type": "bold", "text": "train"}, {"type": "bold"}, 42, "."])
    'A train.'
    """
    if isinstance(value, str):
        return value
    if not isinstance(value, list):
        return None
    return "".join(
        part if isinstance(part, str) else part["text"]
        for part in value
        if isinstance(part, str) or _entity(part)
    )


def _bad_parts(value: Any) -> list[str]:
    """Name each part of a ``text`` array that holds no text, by its place (1-based).

    >>> for named in _bad_parts([{"type": "bold"}, "Сегодня в Гомель прибыл эшелон.", 42]):
    ...     print(named)
    part 1 is a text entity with no 'text' (type 'bold')
    part 3 is a number (42), not a string
    >>> _bad_parts([{"type": "link", "text": 7}, None])
    ["part 1 is a text entity whose 'text' is a number, not a string", 'part 2 is null']
    """
    if not isinstance(value, list):
        return []
    named = []
    for n, part in enumerate(value, start=1):
        if isinstance(part, str) or _entity(part):
            continue
        if isinstance(part, dict) and "text" not in part:
            kind = part.get("type")
            of = f" (type {_shown(kind)})" if isinstance(kind, str) else ""
            named.append(f"part {n} is a text entity with no 'text'{of}")
        elif isinstance(part, dict):
            what = json_kind(part["text"])
            named.append(f"part {n} is a text entity whose 'text' is {what}, not a string")
        elif isinstance(part, int | float | Decimal) and not isinstance(part, bool):
            named.append(f"part {n} is a number ({_shown(part)}), not a string")
        else:
            named.append(f"part {n} is {json_kind(part)}")
    return named


def json_kind(value: Any) -> str:
    """Name a JSON value's kind with its article, for problem messages.

    Parameters
    ----------
    value
        A value as the JSON parser returns it (``ijson`` gives numbers as
        :class:`~decimal.Decimal`).

    Returns
    -------
    str
        "an array", "an object", "a number", "a string", "true", "false" or "null";
        for another Python type, "a" and its type name.

    Examples
    --------
    >>> [json_kind(v) for v in ([1], {}, 5, 2.5, "x", True, None)]
    ['an array', 'an object', 'a number', 'a number', 'a string', 'true', 'null']
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float | Decimal):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return f"a {type(value).__name__}"


def _shown(value: Any) -> str:
    """Quote a field's value for a problem: short, whatever its size.

    >>> _shown("99999999999999"), _shown([1, 2]), _shown("x" * 80)[-4:]
    ("'99999999999999'", 'an array', "...'")
    """
    if isinstance(value, list | dict):
        return json_kind(value)
    text = str(value) if isinstance(value, Decimal) else repr(value)
    return text if len(text) <= 40 else text[:36] + "...'"


def _chat_number(value: Any) -> bool:
    """Whether a chat's ``id`` is a channel number: a whole number above 0, or its digits.

    >>> [_chat_number(v) for v in (1549397001, "1549397001", "not-a-number", -5, 1.5, "")]
    [True, True, False, False, False, False]
    """
    if isinstance(value, str):
        return value.strip().isascii() and value.strip().isdigit() and int(value) > 0
    if isinstance(value, int) and not isinstance(value, bool):
        return value > 0
    return _whole(value) and value > 0


class _BadField(ValueError):
    """A message field that cannot be read: its name and why."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(reason)
        self.field = field
        self.reason = reason


def _plausible(moment: datetime, key: str, value: Any, settings: Settings | None) -> datetime:
    """Return ``moment`` when a Telegram post can carry it, else raise :class:`_BadField`."""
    why = implausible_post_time(moment, settings)
    if why is None:
        return moment
    raise _BadField(key, f"{_shown(value)} {why}")


def _unix(key: str, value: Any, settings: Settings | None = None) -> datetime:
    """Read ``<x>_unixtime`` (Unix seconds, a string of digits or a number) as UTC.

    Raises
    ------
    _BadField
        For another type, a negative or fractional number, or a time no post has.
    """
    number: int | None = None
    if isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
        number = int(value.strip()) if len(value.strip()) <= 20 else None
    elif isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif _whole(value):
        number = int(value)
    if number is None or number < 0:
        raise _BadField(key, f"{_shown(value)} is not Unix time (whole seconds since 1970)")
    try:
        moment = datetime.fromtimestamp(number, UTC)
    except (OverflowError, OSError, ValueError):
        raise _BadField(
            key, f"{_shown(value)} is past the year 9999: no date of a Telegram post"
        ) from None
    return _plausible(moment, key, value, settings)


def _whole(value: Any) -> bool:
    """Whether a float or a Decimal (the Python parser's numbers) is a whole number.

    >>> _whole(3.0), _whole(3.5), _whole(Decimal("1e12")), _whole(Decimal("1e400"))
    (True, False, True, False)
    """
    if isinstance(value, float):
        return value.is_integer()
    if isinstance(value, Decimal):  # (past 10**20 no time: never turned into a huge int)
        return value.is_finite() and value.adjusted() <= 20 and value == value.to_integral_value()
    return False


def _local(key: str, value: Any, settings: Settings | None = None) -> datetime:
    """Read ``<x>`` (the exporting computer's local time, ISO) as a naive time.

    Raises
    ------
    _BadField
        For another type, a text that is no ISO time, or a time no post has.
    """
    if not isinstance(value, str):
        raise _BadField(key, f"{_shown(value)} is {json_kind(value)}, not a date and time")
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        raise _BadField(key, f"{_shown(value)} is not a date and time (ISO)") from None
    return _plausible(moment, key, value, settings)


def _when(
    message: dict[str, Any], unix_key: str, local_key: str, settings: Settings | None = None
) -> datetime | None:
    """Return ``<x>_unixtime`` as UTC when given, else ``<x>`` (local time, no zone).

    None when the message gives neither; a value given but unreadable raises
    :class:`_BadField` naming its key (the other key is never read instead: the two
    say different things, and a damaged value is no time to guess past).
    """
    if message.get(unix_key) is not None:
        return _unix(unix_key, message[unix_key], settings)
    if message.get(local_key) is not None:
        return _local(local_key, message[local_key], settings)
    return None


class _Chat:
    """The chat whose messages are being read."""

    def __init__(self) -> None:
        self.name: str | None = None
        self.type: str | None = None
        self.id: str | None = None
        self.refused = 0  # messages skipped because the chat is not a channel or group
        self.in_account = False  # one chat of a whole-account export
        self.has_messages = False  # its "messages" key was met

    @property
    def title(self) -> str:
        return self.name or (f"chat {self.id}" if self.id else "unnamed chat")

    def readable(self) -> bool:
        return self.type in _CHAT_TYPES or self.type is None


class _JsonExportReader:
    """Turn the parse events of one export into posts, logging skips and problems."""

    def __init__(self, path: Path, log: ReadLog, settings: Settings | None = None) -> None:
        self.path = path
        self.file = str(path)
        self.log = log
        self.settings = settings  # bounds a post's time (implausible_post_time)
        self.chat = _Chat()
        self.last_id: int | None = None
        self.position = 0  # messages seen in the current chat
        self.account = False  # the file is a whole-account export (its top has "about", ...)
        self.items = 0  # message items met in the file, all chats
        self.items_done = 0  # message items read to their end
        self.handed_on = 0  # on a second reading: the items whose posts were handed on

    def posts(self) -> Iterator[Post]:
        log = self.log
        before = (len(log.problems), Counter(log.skipped), log.posts)
        try:
            with self.path.open("rb") as raw:
                yield from self._events(ijson.parse(_Repaired(raw), use_float=True))
        except ijson.JSONError as exc:
            if "overflow" not in str(exc):
                self._broken(exc)
            else:
                # A number too large for the C parser (an id of 10**30, a time of 1e400)
                # is valid JSON: the file is read again by ijson's Python parser, which
                # keeps such numbers (ints, Decimals) for the message checks to refuse;
                # the posts already handed on are not handed on again.
                del log.problems[before[0] :]
                log.skipped.clear()
                log.skipped.update(before[1])
                log.posts = before[2]
                yield from self._again()
        except OSError as exc:
            log.problem(self.file, None, f"cannot read the file: {exc.strerror or exc}")
        self._end_chat()

    def _again(self) -> Iterator[Post]:
        """Read the file again with ijson's Python parser after the C parser overflowed."""
        self.handed_on, self.items = self.items_done, 0
        self.chat, self.last_id, self.position, self.account = _Chat(), None, 0, False
        try:
            with self.path.open("rb") as raw:
                python = ijson.get_backend("python")
                yield from self._events(python.parse(_Repaired(raw)))
        except ijson.JSONError as exc:
            self._broken(exc)
        except OSError as exc:
            self.log.problem(self.file, None, f"cannot read the file: {exc.strerror or exc}")

    def _broken(self, exc: Exception) -> None:
        after = (
            f" after message {self.last_id}" if self.last_id is not None else " before any message"
        )
        reason = str(exc).splitlines()[0]
        self.log.problem(
            self.file,
            None,
            f"the JSON breaks off or is invalid{after} ({reason}); the posts before "
            "it are kept, the rest of the file is not read",
        )

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
                        self.items_done = self.items
                        if post is not None and self.items > self.handed_on:
                            yield post
                continue
            if prefix in _MESSAGES:
                self.position += 1
                self.items += 1
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
            f"{_EVENT_KINDS.get(event, event)}, not a message object; skipped",
        )

    def _structure(self, prefix: str, event: str, value: Any) -> None:
        if event == "start_map" and (prefix in _CHAT_LISTS or prefix == ""):
            self._end_chat()
            self.chat = _Chat()
            self.chat.in_account = prefix != ""
            self.position = 0
            return
        if event == "end_map" and (prefix in _CHAT_LISTS or prefix == ""):
            self._no_messages(prefix)
            return
        if event == "map_key" and prefix == "" and value in _ACCOUNT_KEYS:
            self.account = True
        if prefix in _CONTAINERS and event != "map_key" and event not in _END_EVENTS:
            self._container(prefix, event)
            return
        key = _META.get(prefix)
        if key is None or event in _END_EVENTS or event == "map_key":
            return  # (a map_key here is a key inside an object given as the value)
        wrong = not isinstance(value, str) and (key != "id" or isinstance(value, bool))
        if event in _STRUCTURE_EVENTS or (value is not None and wrong):
            kind = _EVENT_KINDS.get(event) or json_kind(value)
            self.log.problem(
                self.file,
                None,
                f"the chat's {key!r} is {kind}, not {_META_WHAT[key]}; read as not given",
                field=key,
            )
            return
        text = None if value is None else str(int(value) if _whole(value) else value)
        if key == "id" and text is not None and not _chat_number(value):
            # ("id": "not-a-number": links to t.me/c/not-a-number/1, trial17b T11)
            self.log.problem(
                self.file,
                None,
                f"the chat's 'id' is {_shown(value)}, not a channel number (Telegram Desktop "
                "writes one, e.g. 1549397001); read as not given: no t.me/c/ link is made, "
                "its posts' ids are made from the chat's title",
                field="id",
            )
            return
        setattr(self.chat, key, text)

    def _container(self, prefix: str, event: str) -> None:
        """Check that a part of the export's structure is the list or object it must be."""
        wanted = _CONTAINERS[prefix]
        if prefix.endswith("messages"):
            self.chat.has_messages = True
        if event == wanted:
            return
        name = prefix.replace(".item", "[]")
        whose = f" of {self.chat.title!r}" if prefix.endswith("messages") else ""
        self.log.problem(
            self.file,
            None,
            f"{name!r}{whose} is {_EVENT_KINDS.get(event, 'a value')}, not "
            f"{_EVENT_KINDS[wanted]} of {_CONTENTS[prefix.rsplit('.', 1)[-1]]}: nothing in it "
            "is read",
            field=name,
        )

    def _no_messages(self, prefix: str) -> None:
        """Say so when a chat object ends without a ``messages`` list (a damaged export)."""
        if self.chat.has_messages or (prefix == "" and self.account):
            return
        self.log.problem(
            self.file,
            None,
            f"the chat {self.chat.title!r} has no 'messages' list: none of its messages is read",
            field="messages",
        )
        self.chat.has_messages = True

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
        if (
            isinstance(raw_id, bool)
            or not isinstance(raw_id, int)
            or not 1 <= raw_id <= MAX_MESSAGE_ID
        ):
            after = f" after message {self.last_id}" if self.last_id is not None else ""
            what = "no id" if raw_id is None else f"no usable id ({_shown(raw_id)})"
            self.log.problem(
                self.file,
                None,
                f"a message of {self.chat.title!r}{after} has {what}: Telegram numbers "
                f"messages 1 to {MAX_MESSAGE_ID:,}; skipped",
                field="id",
            )
            return None
        self.last_id = raw_id
        if not self.chat.readable():
            self.chat.refused += 1
            return None
        try:
            return self._post(raw_id, message)
        except _BadField as bad:
            self.log.problem(
                self.file, raw_id, f"{bad.reason}; the post is skipped", field=bad.field
            )
            return None

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
        """Read one message into a post; a field it cannot do without raises _BadField."""
        log = self.log
        kind = message.get("type", "message")
        if not isinstance(kind, str):
            raise _BadField("type", f"{json_kind(kind)}, not a message type such as 'message'")
        if "text" not in message and kind == "message":
            raise _BadField("text", "missing: Telegram Desktop writes it for every message")
        raw_text = message.get("text", "")
        text = _text(raw_text)
        if text is None:
            raise _BadField(
                "text",
                f"{json_kind(raw_text)}, not a string nor an array of strings and text entities",
            )
        if bad := _bad_parts(raw_text):
            # (trial17b T11: a 50-car train was lost to one entity with no text)
            kept = "the rest of the text is read" if text.strip() else "no text is left"
            log.problem(
                self.file,
                message_id,
                f"'text' {', '.join(bad)}: left out, {kept}",
                field="text",
            )
        media_type = message.get("media_type")
        if media_type is not None and not isinstance(media_type, str):
            log.problem(
                self.file,
                message_id,
                f"'media_type' is {json_kind(media_type)}, not a media type; ignored",
                field="media_type",
            )
            media_type = None
        reason = self._skip_reason({**message, "media_type": media_type}, text)
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
        published_at = _when(message, "date_unixtime", "date", self.settings)
        if published_at is None:
            raise _BadField("date", "missing, and so is 'date_unixtime': the post has no date")
        return self._build(message_id, message, text, published_at, media_type)

    def _optional(self, message_id: int, message: dict[str, Any], key: str, what: str) -> Any:
        """Return a field the post can do without; a wrong type is a problem, read as None."""
        value = message.get(key)
        if value is None or isinstance(value, str):
            return value or None
        self.log.problem(
            self.file,
            message_id,
            f"{key!r} is {json_kind(value)}, not {what}; ignored, the post is read without it",
            field=key,
        )
        return None

    def _edited(self, message_id: int, message: dict[str, Any]) -> datetime | None:
        try:
            return _when(message, "edited_unixtime", "edited", self.settings)
        except _BadField as bad:
            self.log.problem(
                self.file,
                message_id,
                f"{bad.reason}; the edit time is ignored, the post is read",
                field=bad.field,
            )
            return None

    def _build(
        self,
        message_id: int,
        message: dict[str, Any],
        text: str,
        published_at: datetime,
        media_type: str | None,
    ) -> Post:
        media = media_type or (
            "photo" if "photo" in message else ("file" if "file" in message else None)
        )
        forwarded = self._optional(message_id, message, "forwarded_from", "a name")
        author = self._optional(message_id, message, "author", "a name")
        sender = self._optional(message_id, message, "from", "a name")
        if self.chat.type in GROUP_TYPES and sender is not None:
            author = sender
        edited_at = self._edited(message_id, message)
        reply_to = _reply_to(message)
        if reply_to is None and message.get("reply_to_message_id") is not None:
            self.log.problem(
                self.file,
                message_id,
                f"'reply_to_message_id' is {_shown(message['reply_to_message_id'])}, not a "
                "message id; ignored, the post is read as no reply",
                field="reply_to_message_id",
            )
        self.log.posts += 1
        return Post(
            file=self.file,
            channel=self.chat.title,
            channel_id=self.chat.id,
            channel_type=self.chat.type,
            message_id=message_id,
            text=text,
            published_at=published_at,
            forwarded_from=forwarded,
            edited_at=edited_at,
            author=author,
            media=media,
            reply_to=reply_to,
        )


def _reply_to(message: dict[str, Any]) -> int | None:
    """Return the message id a post replies to (``reply_to_message_id``), None when none.

    >>> _reply_to({"reply_to_message_id": 10}), _reply_to({"reply_to_message_id": "x"})
    (10, None)
    >>> _reply_to({"reply_to_message_id": 10**30}) is None
    True
    """
    value = message.get("reply_to_message_id")
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= MAX_MESSAGE_ID:
        return value
    return None


def read_json_export(
    path: Path, log: ReadLog, *, settings: Settings | None = None
) -> Iterator[Post]:
    """Yield the posts with text of a Telegram Desktop JSON export, one at a time.

    Parameters
    ----------
    path
        A ``result.json`` written by Telegram Desktop (one chat or a whole account).
    log
        Collects the messages skipped (by reason: service messages, stickers, posts
        without text, chats that are not channels or groups) and the problems met,
        each naming the message id.
    settings
        Bounds a post's time (:func:`~railtrack.io.telegram_posts.implausible_post_time`);
        None: the defaults.

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
    return _JsonExportReader(path, log, settings).posts()

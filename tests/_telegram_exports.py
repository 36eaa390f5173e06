"""Telegram Desktop exports built in code, shaped as Telegram Desktop writes them.

The shapes follow ``export_output_json.cpp`` and ``export_output_html.cpp`` of
telegramdesktop/tdesktop: the JSON chat object (``name``, ``type``, ``id``,
``messages``), a whole-account export (``about``, ``chats.list``,
``left_chats.list``), the older generation without ``date_unixtime`` and
``text_entities``, and HTML pages of ``div.message`` blocks with joined messages,
forwards, stickers, captions and date separators. Every post text here was written
for these tests.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

EXPORT_TZ = timezone(timedelta(hours=3))
"""The exporting computer's zone: ``date`` is local time in it."""

POSTS = {
    "en": "A military echelon of 40 flatcars left Orsha for Smolensk yesterday.",
    "ru": "Вчера со станции Осиповичи отправился воинский эшелон из 30 платформ на Гомель.",
    "uk": "Ешелон із 40 вагонів з технікою прибув на станцію Мозир.",
    "be": "На станцыю Асіповічы прыбыў вайсковы эшалон з тэхнікай.",
    "pl": "Pociąg z 30 platformami z czołgami minął stację w Brześciu.",
}
"""One post about a train in each language."""

CHATTER = {
    "en": "Thank you all for your support, friends!",
    "ru": "Спасибо всем за поддержку, друзья!",
    "uk": "Дякуємо всім за підтримку, друзі!",
    "be": "Дзякуй усім за падтрымку, сябры!",
    "pl": "Dziękujemy wszystkim za wsparcie, przyjaciele!",
}
"""One post about nothing railway in each language."""


def at(day: int, hour: int = 12, minute: int = 0) -> datetime:
    """A time in March 2023 on the exporting computer's clock."""
    return datetime(2023, 3, day, hour, minute, tzinfo=EXPORT_TZ)


START = at(3)


@dataclass
class Msg:
    """One message, to be written in either format."""

    id: int
    text: Any = ""  # a string, or a list of strings and {"type", "text"} entities
    when: datetime = START
    type: str = "message"
    sender: str | None = None  # None: the channel itself
    forwarded_from: str | None = None
    edited: datetime | None = None
    photo: bool = False
    media_type: str | None = None
    action: str | None = None


def _plain(text: Any) -> str:
    if isinstance(text, str):
        return text
    return "".join(p if isinstance(p, str) else p["text"] for p in text)


def _entities(text: Any) -> list[dict[str, str]]:
    if isinstance(text, str):
        return [{"type": "plain", "text": text}] if text else []
    return [{"type": "plain", "text": p} if isinstance(p, str) else p for p in text]


def json_message(m: Msg, channel: str, channel_id: int, *, new: bool = True) -> dict[str, Any]:
    """The JSON object Telegram Desktop writes for ``m`` (``new``: with Unix times)."""
    out: dict[str, Any] = {
        "id": m.id,
        "type": m.type,
        "date": m.when.replace(tzinfo=None).isoformat(),
    }
    if new:
        out["date_unixtime"] = str(int(m.when.timestamp()))
    if m.edited is not None:
        out["edited"] = m.edited.replace(tzinfo=None).isoformat()
        if new:
            out["edited_unixtime"] = str(int(m.edited.timestamp()))
    if m.type == "service":
        out["actor"] = channel
        out["actor_id"] = f"channel{channel_id}"
        out["action"] = m.action or "pin_message"
    else:
        out["from"] = m.sender or channel
        out["from_id"] = f"channel{channel_id}"
        if m.forwarded_from is not None:
            out["forwarded_from"] = m.forwarded_from
    if m.photo:
        out["photo"] = f"photos/photo_{m.id}@03-03-2023_12-00-00.jpg"
        out["width"], out["height"] = 1280, 960
    if m.media_type is not None:
        out["file"] = f"files/file_{m.id}"
        out["media_type"] = m.media_type
        if m.media_type == "sticker":
            out["sticker_emoji"] = "🚂"
    out["text"] = m.text
    if new:
        out["text_entities"] = _entities(m.text)
    return out


def chat_object(
    messages: list[Msg],
    *,
    name: str = "Rail Watch",
    chat_type: str = "public_channel",
    chat_id: int = 1234567890,
    new: bool = True,
) -> dict[str, Any]:
    """A one-chat export (what ``result.json`` holds)."""
    return {
        "name": name,
        "type": chat_type,
        "id": chat_id,
        "messages": [json_message(m, name, chat_id, new=new) for m in messages],
    }


def write_json(path: Path, document: Any) -> Path:
    """Write a document as Telegram Desktop does (indented, UTF-8, not ASCII-escaped)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def account_export(chats: list[dict[str, Any]], left: list[dict[str, Any]] = ()) -> dict[str, Any]:
    """A whole-account export holding ``chats`` (and ``left`` channels)."""
    doc: dict[str, Any] = {
        "about": "Here is the data you requested.",
        "personal_information": {"user_id": 1, "first_name": "Ana", "phone_number": "+0"},
        "contacts": {"about": "contacts", "list": []},
        "chats": {"about": "chats", "list": chats},
    }
    if left:
        doc["left_chats"] = {"about": "left", "list": list(left)}
    return doc


def _date_title(when: datetime, *, zone: bool) -> str:
    text = when.strftime("%d.%m.%Y %H:%M:%S")
    if zone:
        offset = when.utcoffset() or timedelta()
        minutes = int(offset.total_seconds() // 60)
        sign = "+" if minutes >= 0 else "-"
        text += f" UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    return text


def _text_html(text: Any) -> str:
    parts = []
    for p in [text] if isinstance(text, str) else text:
        if isinstance(p, str):
            parts.append(html.escape(p).replace("\n", "<br>"))
        else:
            parts.append(f"<strong>{html.escape(p['text'])}</strong>")
    return "".join(parts)


def html_message(m: Msg, channel: str, previous: Msg | None, *, zone: bool = True) -> str:
    """The HTML Telegram Desktop writes for ``m`` after ``previous`` on the same page."""
    if m.type == "service":
        return (
            f'<div class="message service" id="message{m.id}">'
            f'<div class="body details">{html.escape(channel)} pinned a message</div></div>'
        )
    sender = m.sender or channel
    joined = (
        previous is not None
        and previous.type != "service"
        and (previous.sender or channel) == sender
        and previous.forwarded_from == m.forwarded_from
        and abs((m.when - previous.when).total_seconds()) <= 900
    )
    cls = "message default clearfix" + (" joined" if joined else "")
    out = [f'<div class="{cls}" id="message{m.id}">']
    if not joined:
        out.append('<div class="pull_left userpic_wrap"><div class="userpic"></div></div>')
    out.append('<div class="body">')
    out.append(
        f'<div class="pull_right date details" title="{_date_title(m.when, zone=zone)}">'
        f"{m.when:%H:%M}</div>"
    )
    if not joined:
        out.append(f'<div class="from_name">{html.escape(sender)} </div>')
    if m.forwarded_from is not None:
        out.append('<div class="forwarded body">')
        if not joined:
            out.append(
                f'<div class="from_name">{html.escape(m.forwarded_from)}<span class="date '
                f'details" title="01.03.2023 10:00:00 UTC+03:00"> 01.03.2023 10:00:00</span>'
                "</div>"
            )
    out.append(_media_html(m))
    text = _plain(m.text)
    if text:
        out.append(f'<div class="text">{_text_html(m.text)}</div>')
    if m.forwarded_from is not None:
        out.append("</div>")
    out.append("</div></div>")
    return "".join(out)


def _media_html(m: Msg) -> str:
    if m.media_type == "sticker":
        return (
            '<div class="media_wrap clearfix"><a class="sticker_wrap clearfix pull_left" '
            f'href="stickers/sticker_{m.id}.webp"><img class="sticker" '
            f'src="stickers/sticker_{m.id}.webp_thumb.jpg"></a></div>'
        )
    if m.photo:
        return (
            '<div class="media_wrap clearfix"><a class="photo_wrap clearfix pull_left" '
            f'href="photos/photo_{m.id}.jpg"><img class="photo" src="photos/photo_{m.id}.jpg">'
            "</a></div>"
        )
    if m.media_type == "video_file":
        return (
            '<div class="media_wrap clearfix"><a class="media clearfix pull_left block_link '
            f'media_video" href="video_files/v{m.id}.mp4"><div class="fill pull_left"></div>'
            '<div class="body"><div class="title bold">Video file</div></div></a></div>'
        )
    return ""


def html_page(messages: list[Msg], *, channel: str = "Rail Watch", zone: bool = True) -> str:
    """One ``messages*.html`` page: header, date separators, the messages."""
    body = []
    previous: Msg | None = None
    separator = 0
    for m in messages:
        if previous is None or previous.when.date() != m.when.date():
            separator -= 1
            body.append(
                f'<div class="message service" id="message{separator}">'
                f'<div class="body details">{m.when.day} March {m.when.year}</div></div>'
            )
        body.append(html_message(m, channel, previous, zone=zone))
        previous = m
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8"/><title>Exported Data</title>'
        '</head><body><div class="page_wrap"><div class="page_header"><div class="content">'
        f'<div class="text bold">{html.escape(channel)} </div></div></div>'
        '<div class="page_body chat_page"><div class="history">'
        + "".join(body)
        + "</div></div></div></body></html>"
    )


def write_html_export(
    folder: Path,
    messages: list[Msg],
    *,
    channel: str = "Rail Watch",
    per_page: int = 1000,
    zone: bool = True,
) -> list[Path]:
    """Write an HTML export folder, ``per_page`` messages a page, as Telegram Desktop pages it."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(0, max(len(messages), 1), per_page):
        number = index // per_page + 1
        path = folder / ("messages.html" if number == 1 else f"messages{number}.html")
        path.write_text(
            html_page(messages[index : index + per_page], channel=channel, zone=zone),
            encoding="utf-8",
        )
        paths.append(path)
    return paths


def utc(when: datetime) -> datetime:
    """``when`` in UTC."""
    return when.astimezone(UTC)

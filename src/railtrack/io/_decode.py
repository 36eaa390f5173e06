"""Read a report file's bytes as text: BOMs, Windows line endings, cp1251 Cyrillic.

Report files come from spreadsheets and chat exports on every platform. This module
turns bytes into clean ``str`` or says, in one sentence, why the file is not text.
"""

from __future__ import annotations

import logging
from pathlib import Path

from charset_normalizer import from_bytes

__all__ = ["NotText", "read_text"]

logger = logging.getLogger(__name__)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


class NotText(ValueError):
    """The file is empty, binary or in no encoding we can read."""


def _cyrillic_lower_share(text: str) -> float:
    high = [c for c in text if ord(c) > 127]
    if not high:
        return 0.0
    return sum(1 for c in high if "\u0430" <= c <= "\u044f" or c == "\u0451") / len(high)


def _single_byte_cyrillic(raw: bytes) -> str | None:
    """Decode cp1251 or KOI8-R Cyrillic, whichever reads as mostly lower-case Cyrillic.

    Both encodings put Cyrillic letters in the upper half of the byte range, with the
    cases swapped; ordinary text is mostly lower case, which tells them apart far more
    reliably than a generic detector on a short file.
    """
    best: tuple[float, str] | None = None
    for encoding in ("cp1251", "koi8_r"):
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        share = _cyrillic_lower_share(text)
        if share >= 0.6 and (best is None or share > best[0]):
            best = (share, text)
    return None if best is None else best[1]


def read_text(path: Path) -> str:
    """Return the text of ``path`` with BOM removed and line endings normalised to ``\\n``.

    UTF-8 is tried first; otherwise the encoding is detected (cp1251 and KOI8-R
    Cyrillic are common in exports from Russian and Belarusian systems).

    Raises
    ------
    NotText
        When the file is empty, holds NUL bytes (a binary file) or cannot be decoded.
    """
    raw = path.read_bytes()
    if not raw.strip():
        msg = "the file is empty"
        raise NotText(msg)
    text: str | None = None
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            text = raw[len(bom) :].decode(encoding, errors="replace")
            break
    if text is None:
        if b"\x00" in raw[:4096]:
            msg = "not a text file (it holds binary data)"
            raise NotText(msg)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = _single_byte_cyrillic(raw)
        if text is None:
            best = from_bytes(raw).best()
            if best is None:
                msg = "not a text file (no text encoding fits its bytes)"
                raise NotText(msg) from None
            logger.info("%s is not UTF-8; read as %s", path, best.encoding)
            text = str(best)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        msg = "the file is empty"
        raise NotText(msg)
    return text

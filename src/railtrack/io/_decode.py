"""Read a report file's bytes as text: BOMs, Windows line endings, cp1251 Cyrillic.

Report files come from spreadsheets and chat exports on every platform. This module
turns bytes into clean ``str`` or says, in one sentence, why the file is not text.
"""

from __future__ import annotations

import codecs
import logging
import re
import stat
from pathlib import Path
from typing import BinaryIO

from charset_normalizer import from_bytes

__all__ = [
    "MAX_REPORT_BYTES",
    "NotText",
    "decode_text",
    "display_path",
    "read_stream",
    "read_text",
    "stray_bytes_note",
    "stray_nuls",
    "utf16_encoding",
]

MAX_REPORT_BYTES = 256 * 1024 * 1024
"""Largest report file railtrack reads (256 MiB, about a million JSON Lines reports).

A larger file, a device or a FIFO is a problem naming it, never an unbounded read.
Split larger exports into several files (a directory of them loads as one set)."""

_HEAD_BYTES = 4096
"""Bytes read first: NULs there mean a binary file, rejected before reading the rest."""

logger = logging.getLogger(__name__)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


_BINARY = "not a text file (it holds binary data)"
"""What a file with NUL bytes that no UTF-16 text explains is told."""

_UTF16_PRINTABLE = 0.98
"""Share of the characters a UTF-16 text without BOM must have printable (or blank)."""

_UTF16_HIGH_NULS = 0.3
"""Share of NULs among the high bytes that makes UTF-16 text of any script."""

_UTF16_HIGH_BYTES = 8
"""Most distinct high-byte values of UTF-16 text with fewer NULs (Latin, Cyrillic, Polish)."""

_STRAY_NULS = 50
"""A UTF-8 text may hold one NUL byte in this many bytes (at least one) and be read."""


def utf16_encoding(raw: bytes) -> str | None:
    """Return ``"utf-16-le"`` or ``"utf-16-be"`` when ``raw`` is UTF-16 text without BOM.

    Notepad and some exporters write UTF-16 without a byte-order mark. Its NUL bytes
    (the high byte of every ASCII character, in Latin, Cyrillic and Polish text alike:
    spaces, digits, punctuation) then all fall on one side of each two-byte unit: odd
    offsets in little-endian, even in big-endian. A file is read as UTF-16 only when
    its first 4 KiB have NULs on one side only, decode without error, and are text
    (at least 98% printable characters or whitespace, no NUL character); binary data
    fails one of these.

    Parameters
    ----------
    raw
        The bytes of a file (at least its first 4 KiB).

    Returns
    -------
    str or None
        The codec name, or None when the bytes are not UTF-16 text without BOM.

    Examples
    --------
    >>> utf16_encoding("Эшелон: 40 вагонов".encode("utf-16-le"))
    'utf-16-le'
    >>> utf16_encoding("8 marca, 40 wagonów".encode("utf-16-be"))
    'utf-16-be'
    >>> utf16_encoding(bytes(8)) is None, utf16_encoding(b"Orsha") is None
    (True, True)
    """
    head = raw[:_HEAD_BYTES]
    head = head[: len(head) - len(head) % 2]
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if not head or (even and odd) or not (even or odd):
        return None
    encoding = "utf-16-le" if odd else "utf-16-be"
    # the high bytes of UTF-16 text in the languages read are few: 0x00 (ASCII), 0x04
    # (Cyrillic), 0x01 (Polish letters), 0x20 (dashes, quotes); a stray NUL in UTF-8
    # text has letters of every kind beside it
    high = head[1::2] if odd else head[0::2]
    if high.count(0) < _UTF16_HIGH_NULS * len(high) and len(set(high)) > _UTF16_HIGH_BYTES:
        return None
    try:
        text = head.decode(encoding)
    except UnicodeDecodeError:
        try:  # the head may end inside a surrogate pair
            text = head[:-2].decode(encoding)
        except UnicodeDecodeError:
            return None
    if "\x00" in text:
        return None
    printable = sum(1 for c in text if c.isprintable() or c.isspace())
    return encoding if printable >= _UTF16_PRINTABLE * len(text) else None


class NotText(ValueError):
    """The file is empty, binary or in no encoding we can read.

    Examples
    --------
    >>> decode_text(bytes(8))
    Traceback (most recent call last):
        ...
    railtrack.io._decode.NotText: not a text file (it holds binary data)
    """


def _cyrillic_lower_share(text: str) -> float:
    high = [c for c in text if ord(c) > 127]
    if not high:
        return 0.0
    return sum(1 for c in high if "\u0430" <= c <= "\u044f" or c == "\u0451") / len(high)


def _mixed_script_share(text: str) -> float:
    """Return the share of Cyrillic letters that sit in words with Latin letters too."""
    pure = mixed = 0
    for word in _WORD.findall(text):
        n = sum(1 for c in word if "\u0400" <= c <= "\u04ff")
        if n:
            if any("a" <= c.lower() <= "z" for c in word):
                mixed += n
            else:
                pure += n
    return mixed / (pure + mixed) if pure + mixed else 0.0


_WORD = re.compile(r"\w+")


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
        if _mixed_script_share(text) > 0.3:
            continue  # a Western text's accented letters ("café" is "cafй" in cp1251)
        if share >= 0.6 and (best is None or share > best[0]):
            best = (share, text)
    return None if best is None else best[1]


_LATIN2_LETTERS = frozenset("ąćęłńóśźżĄĆĘŁŃÓŚŹŻčšžŭČŠŽŬ")
"""Letters of Polish and Belarusian Łacinka outside ASCII."""


def _single_byte_latin2(raw: bytes) -> str | None:
    """Decode cp1250 or ISO-8859-2 Polish, whichever reads as Polish letters.

    Windows saves Polish text as cp1250 and older systems as ISO-8859-2; the two
    put ą, ś and ź at different bytes, and a generic detector on a short report
    often takes either for Western cp1252 ("Pociπg"), which no reader then reads.
    Used only when the bytes are not UTF-8 and not Cyrillic.
    """
    best: tuple[float, str] | None = None
    for encoding in ("cp1250", "iso8859_2"):
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        high = [c for c in text if ord(c) > 127]
        if not high:
            continue
        share = sum(c in _LATIN2_LETTERS for c in high) / len(high)
        if share >= 0.8 and (best is None or share > best[0]):
            best = (share, text)
    return None if best is None else best[1]


def display_path(path: str | Path) -> str:
    """Return ``path`` as printable text: bytes of a non-UTF-8 file name as ``\\xNN``.

    File names from Windows archives are often cp1251 or cp866 bytes that Python
    keeps as lone surrogates; they cannot be printed, stored in SQLite or put in a
    DataFrame, so every name railtrack reports is made printable here.

    Parameters
    ----------
    path
        A path as Python holds it (undecodable bytes as lone surrogates).

    Returns
    -------
    str
        The same text when it is valid UTF-8.

    Examples
    --------
    >>> display_path(b"/r/\\xc1\\xe5.txt".decode("utf-8", "surrogateescape"))
    '/r/\\\\xc1\\\\xe5.txt'
    """
    text = str(path)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raw = text.encode("utf-8", "surrogateescape")
        return raw.decode("utf-8", "backslashreplace")
    return text


def read_stream(stream: BinaryIO, *, limit: int = MAX_REPORT_BYTES, name: str = "input") -> bytes:
    """Read at most ``limit`` bytes of a stream; :class:`NotText` when there is more.

    Binary data (NUL bytes in the first 4 KiB that are not UTF-16 text:
    :func:`utf16_encoding`) is rejected before the rest is read.

    Parameters
    ----------
    stream
        A binary stream (standard input, an open file).
    limit
        The most bytes a report may have (default 256 MiB).
    name
        How messages name the input.

    Returns
    -------
    bytes
        Everything read, at most ``limit`` bytes.

    Raises
    ------
    NotText
        When the stream holds NUL bytes in its first 4 KiB (and is not UTF-16 text,
        with or without a byte-order mark) or is longer than ``limit``.

    Examples
    --------
    >>> import io
    >>> read_stream(io.BytesIO(b"Orsha"))
    b'Orsha'
    >>> read_stream(io.BytesIO(b"a" + bytes(3)))
    Traceback (most recent call last):
        ...
    railtrack.io._decode.NotText: not a text file (it holds binary data)
    """
    head = stream.read(_HEAD_BYTES)
    bom = head.startswith((b"\xff\xfe", b"\xfe\xff"))
    if b"\x00" in head and not bom and utf16_encoding(head) is None and not stray_nuls(head):
        raise NotText(_BINARY)
    rest = stream.read(max(limit - len(head), 0) + 1)
    raw = head + rest
    if len(raw) > limit:
        msg = f"{name} is larger than the {limit // (1024 * 1024)} MiB a report file may be"
        raise NotText(msg)
    return raw


def read_text(
    path: Path, *, limit: int = MAX_REPORT_BYTES, notes: list[tuple[int, str]] | None = None
) -> str:
    """Return the text of ``path`` with BOM removed and line endings normalised to ``\\n``.

    UTF-8 is tried first; otherwise the encoding is detected (cp1251 and KOI8-R
    Cyrillic are common in exports from Russian and Belarusian systems). Only a
    regular file of at most ``limit`` bytes is read (:data:`MAX_REPORT_BYTES`).
    With ``notes``, what the caller should report of a text read with a change (a
    few stray bytes replaced: :func:`stray_bytes_note`) is appended to it as
    ``(line, message)``, for a problem record; without, it is logged as a warning.

    Parameters
    ----------
    path
        A report file.
    limit
        The most bytes it may have (default 256 MiB).
    notes
        A list to append ``(line, message)`` notes to, or None to log them.

    Returns
    -------
    str
        The decoded text.

    Raises
    ------
    NotText
        When the path is not a regular file (a FIFO, a device), is larger than
        ``limit``, is empty, holds NUL bytes (a binary file) or cannot be decoded.
    OSError
        When the file cannot be opened or read.

    Examples
    --------
    A cp1251 file (Windows Cyrillic) with CRLF line ends:

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = Path(tmp) / "r.txt"
    ...     _ = path.write_bytes("Эшелон вышел из Орши.\\r\\n".encode("cp1251"))
    ...     read_text(path)
    'Эшелон вышел из Орши.\\n'
    """
    info = path.stat()
    if not stat.S_ISREG(info.st_mode):
        msg = "not a regular file (a device, FIFO or socket); railtrack reads files"
        raise NotText(msg)
    if info.st_size > limit:
        msg = (
            f"the file is {info.st_size / (1024 * 1024):,.0f} MiB, more than the "
            f"{limit // (1024 * 1024)} MiB a report file may be; split it"
        )
        raise NotText(msg)
    with path.open("rb") as handle:
        raw = read_stream(handle, limit=limit, name="the file")
    return decode_text(raw, name=display_path(path), notes=notes)


_MAX_STRAY = 8
"""Most stray bytes a "nearly UTF-8" text may have (or one per 500 bytes, if more)."""


def _nearly_utf8(raw: bytes, name: str, *, ascii_only: bool) -> str | None:
    """Return ``raw`` decoded as UTF-8 with its few stray bytes replaced, or None.

    Text copied from web pages or old editors is UTF-8 but for a stray byte or two
    (a Windows no-break space 0xA0, a cut sequence): those become U+FFFD, instead of
    refusing the whole report, and :func:`decode_text` says where.
    ``ascii_only`` is the last resort for an ASCII text that no
    single-byte encoding fits either; otherwise the text must already hold
    well-formed non-ASCII UTF-8 letters, at least twice as many as stray bytes (a
    cp1251 or cp1250 file has none and is left to the single-byte readers); there
    are never more than :data:`_MAX_STRAY` stray bytes, or one per 500 bytes.

    Examples
    --------
    >>> raw = "Эшелон прибыл в Брест".encode() + b" \\xa0 " + "Гаюн".encode()
    >>> _nearly_utf8(raw, "r.txt", ascii_only=False).endswith("\ufffd Гаюн")
    True
    >>> _nearly_utf8("Эшелон".encode("cp1251"), "r.txt", ascii_only=False) is None
    True
    """
    text = raw.decode("utf-8", errors="replace")
    stray = text.count("\ufffd") - raw.count("\ufffd".encode())
    letters = sum(1 for c in text if ord(c) > 127) - stray
    if stray > max(_MAX_STRAY, len(raw) // 500):
        return None
    if (letters > 0) if ascii_only else (letters < 2 * stray):
        return None
    return text


def stray_bytes_note(text: str, stray: int) -> tuple[int, str]:
    """Return where the first replaced byte of a decoded text is, and a sentence saying so.

    Parameters
    ----------
    text
        The text as decoded, stray bytes replaced by U+FFFD.
    stray
        How many bytes were replaced.

    Returns
    -------
    tuple
        ``(line, message)``: the 1-based line of the first replaced byte (lines as
        the file has them) and a message naming that line and column.

    Examples
    --------
    >>> line, message = stray_bytes_note("Эшелон\\nпрыбыў \\ufffd у Оршу", 1)
    >>> line, message[:30], message[42:72]
    (2, '1 byte is not UTF-8, replaced ', '(first on line 2, column 8); c')
    """
    first = text.find("\ufffd")
    line = text.count("\n", 0, first) + 1
    column = first - (text.rfind("\n", 0, first) + 1) + 1
    plural = " is" if stray == 1 else "s are"
    return line, (
        f"{stray} byte{plural} not UTF-8, replaced with U+FFFD (first on line {line}, "
        f"column {column}); check the text there"
    )


def stray_nuls(raw: bytes) -> bool:
    """Whether ``raw`` is UTF-8 text with a few stray NUL bytes (a broken export).

    Parameters
    ----------
    raw
        The bytes of a file, or its first 4 KiB.

    Returns
    -------
    bool
        True when ``raw`` holds NUL bytes, at most one in 50 bytes (one at least), and
        is valid UTF-8 once they are removed (a character cut at the end allowed);
        binary data fails one of these.

    Examples
    --------
    >>> stray_nuls(b"date,origin\\n2023-03-01,Slonim\\x00,Brest\\n")
    True
    >>> stray_nuls(b"Orsha"), stray_nuls(b"a" + bytes(3)), stray_nuls(b"\\x89PNG\\x00\\xff" * 20)
    (False, False, False)
    """
    n = raw.count(0)
    if not n or n > max(1, len(raw) // _STRAY_NULS):
        return False
    try:
        codecs.getincrementaldecoder("utf-8")().decode(raw.replace(b"\x00", b""), final=False)
    except UnicodeDecodeError:
        return False
    return True


def decode_text(
    raw: bytes, *, name: str = "input", notes: list[tuple[int, str]] | None = None
) -> str:
    """Decode report bytes (BOM, UTF-16 without BOM, UTF-8, cp1251/KOI8-R, cp1250, detected).

    Line ends are normalised to ``\\n``.

    The same detection serves files and standard input. A UTF-8 text with a few
    stray bytes is read with them replaced by U+FFFD; with ``notes`` that is
    appended to it as ``(line, message)`` (:func:`stray_bytes_note`), else logged
    as a warning naming ``name``.

    Parameters
    ----------
    raw
        The bytes of a report.
    name
        How messages name the input.
    notes
        A list to append ``(line, message)`` notes to, or None to log them.

    Returns
    -------
    str
        The text without a byte-order mark, line ends ``\\n``.

    Raises
    ------
    NotText
        When the bytes are empty, binary or in no encoding that fits.

    Examples
    --------
    >>> decode_text("Орша".encode("cp1251")), decode_text(b"\\xef\\xbb\\xbfA\\r\\nB")
    ('Орша', 'A\\nB')
    >>> decode_text(b"")
    Traceback (most recent call last):
        ...
    railtrack.io._decode.NotText: the file is empty
    """
    if not raw.strip():
        msg = "the file is empty"
        raise NotText(msg)
    text: str | None = None
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            text = raw[len(bom) :].decode(encoding, errors="replace")
            break
    if text is None and b"\x00" in raw[:_HEAD_BYTES]:
        utf16 = utf16_encoding(raw)
        if utf16 is None and not stray_nuls(raw):
            raise NotText(_BINARY)
        if utf16 is not None:
            logger.info("%s has no byte-order mark; read as %s", name, utf16)
            text = raw[: len(raw) - len(raw) % 2].decode(utf16, errors="replace")
        else:
            _note_nuls(raw, name, notes)
            raw = raw.replace(b"\x00", b"")
    if text is None:
        text, nearly = _without_bom(raw, name, notes)
        if nearly:
            _note_stray(text, raw, name, notes)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        msg = "the file is empty"
        raise NotText(msg)
    return text


def _line_encoding(raw: bytes) -> tuple[str, str | None]:
    """Decode one line that is not UTF-8: the legacy encoding that fits it, else U+FFFD.

    Returns the text and the encoding's name (None: bytes replaced by U+FFFD).

    >>> _line_encoding("Эшелон из Орши".encode("cp1251"))
    ('Эшелон из Орши', 'cp1251')
    """
    text = _single_byte_cyrillic(raw)
    if text is not None:
        return text, "cp1251" if text == raw.decode("cp1251", errors="replace") else "koi8_r"
    text = _single_byte_latin2(raw)
    if text is not None:
        return text, "cp1250" if text == raw.decode("cp1250", errors="replace") else "iso8859_2"
    return raw.decode("utf-8", errors="replace"), None


def mixed_lines(raw: bytes) -> tuple[str, list[tuple[int, str]]] | None:
    """Decode a UTF-8 text with whole lines in a legacy encoding (notes pasted together).

    A file whose lines are UTF-8 (at least one with non-ASCII letters) but for some
    lines that are not: each such line is read in the single-byte encoding that fits
    it best (cp1251 or KOI8-R Cyrillic, cp1250 or ISO-8859-2 Polish), else with its
    bytes replaced by U+FFFD, and a note names it. None when no line is UTF-8 beyond
    ASCII, or every line is (the file is not mixed).

    Returns
    -------
    tuple or None
        The text, and ``(line, message)`` notes, one per line read otherwise.

    Examples
    --------
    >>> raw = "Орша\\n".encode() + "Смоленск\\n".encode("cp1251") + "Брест\\n".encode()
    >>> text, notes = mixed_lines(raw)
    >>> text.split(), notes[0][0], notes[0][1][-24:]
    (['Орша', 'Смоленск', 'Брест'], 2, 'read as cp1251; check it')
    """
    lines = raw.splitlines(keepends=True)
    decoded: list[str] = []
    notes: list[tuple[int, str]] = []
    utf8_letters = False
    for number, line in enumerate(lines, start=1):
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            text, encoding = _line_encoding(line)
            how = f"read as {encoding}" if encoding else "its bytes replaced with U+FFFD"
            notes.append(
                (number, f"the line is not UTF-8 like the rest of the file; {how}; check it")
            )
        else:
            utf8_letters = utf8_letters or any(ord(c) > 127 for c in text)
        decoded.append(text)
    if not notes or not utf8_letters:
        return None
    return "".join(decoded), notes


def _without_bom(
    raw: bytes, name: str, notes: list[tuple[int, str]] | None = None
) -> tuple[str, bool]:
    """Decode bytes with no BOM; say whether stray bytes were replaced (nearly UTF-8).

    Lines of a UTF-8 text read in another encoding (:func:`mixed_lines`) are noted
    into ``notes`` (else logged as a warning naming ``name``).
    """
    try:
        return raw.decode("utf-8"), False
    except UnicodeDecodeError:
        mixed = mixed_lines(raw)
        # a line a legacy encoding fits is read in it, even with few bytes ("ą", "ł");
        # else a few stray bytes are replaced (their note says where)
        if mixed is None or not any("read as" in m for _, m in mixed[1]):
            text = _nearly_utf8(raw, name, ascii_only=False)
            if text is not None:
                return text, True
        if mixed is not None:
            for line, message in mixed[1]:
                if notes is None:
                    logger.warning("%s: %s", name, message)
                else:
                    notes.append((line, message))
            return mixed[0], False
        text = _single_byte_cyrillic(raw) or _single_byte_latin2(raw)
        if text is not None:
            return text, False
    best = from_bytes(raw).best()
    if best is not None:
        logger.info("%s is not UTF-8; read as %s", name, best.encoding)
        return str(best), False
    text = _nearly_utf8(raw, name, ascii_only=True)
    if text is None:
        msg = "not a text file (no text encoding fits its bytes)"
        raise NotText(msg) from None
    return text, True


def _note_nuls(raw: bytes, name: str, notes: list[tuple[int, str]] | None) -> None:
    """Say that the NUL bytes of ``raw`` are removed: into ``notes``, else as a warning."""
    first = raw[: raw.index(0)].replace(b"\r\n", b"\n").replace(b"\r", b"\n").count(b"\n") + 1
    count = raw.count(0)
    message = "a NUL byte removed" if count == 1 else f"{count} NUL bytes removed (the first here)"
    if notes is None:
        logger.warning("%s: %s", name, message)
    else:
        logger.info("%s: %s", name, message)
        notes.append((first, message))


def _note_stray(text: str, raw: bytes, name: str, notes: list[tuple[int, str]] | None) -> None:
    """Say that ``text`` had stray bytes replaced: into ``notes``, else as a warning."""
    stray = text.count("\ufffd") - raw.count("\ufffd".encode())
    # lines as the file has them: a Windows file's \r\n ends one line, not two
    line, message = stray_bytes_note(text.replace("\r\n", "\n").replace("\r", "\n"), stray)
    if notes is None:
        logger.warning("%s: %s", name, message)
    else:
        logger.info("%s: %s", name, message)
        notes.append((line, message))

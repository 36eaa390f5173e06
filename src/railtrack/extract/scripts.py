"""Letters of a script counted in a text's UTF-8 bytes: a few passes in C per text.

Deleting every byte but one per letter of a script (its lead byte, or the letter
itself in ASCII) with ``bytes.translate`` counts the letters without one match object
per letter; :mod:`~railtrack.extract.language` and :mod:`~railtrack.extract.lacinka`
use these counts to tell scripts apart.

Examples
--------
>>> cyrillic_count("Ешелон у Slonim"), latin_count("Ешелон у Slonim")
(7, 6)
"""

from __future__ import annotations

import re

__all__ = ["UPPER", "cyrillic_count", "latin_count", "utf8_bytes"]

UPPER = "A-ZĄĆĘŁŃÓŚŹŻА-ЯЁІЇЄЎҐ"
"""The capital letters of the five scripts read (English and Polish Latin; Russian,
Ukrainian and Belarusian Cyrillic), as the inside of a regex character class: a name
word opens with ``[{UPPER}]`` (station lists, headings, datelines, sections)."""

# Letters of a script are counted in the text's UTF-8 bytes, deleting every byte but
# one per letter of the script (its lead byte, or the letter itself in ASCII): a C loop
# instead of one match object per letter. These are the bytes deleted.
_DROP_BUT_CYRILLIC = bytes(b for b in range(256) if not 0xD0 <= b <= 0xD3)  # U+0400-U+04FF
_DROP_BUT_LATIN = bytes(  # A-Z, a-z, U+00C0-U+023F; U+0240-U+024F are counted apart
    b for b in range(256) if not (65 <= b <= 90 or 97 <= b <= 122 or 0xC3 <= b <= 0xC8)
)
_LATIN_C9 = re.compile(rb"\xc9[\x80-\x8f]")  # U+0240-U+024F in UTF-8


def utf8_bytes(text: str) -> bytes:
    """Return ``text`` in UTF-8, lone surrogates kept (so any ``str`` can be counted).

    Parameters
    ----------
    text : str
        Any text, lone surrogates included.

    Returns
    -------
    bytes
        Its UTF-8 encoding (``surrogatepass``).

    Examples
    --------
    >>> utf8_bytes("Орша")
    b'\\xd0\\x9e\\xd1\\x80\\xd1\\x88\\xd0\\xb0'
    """
    return text.encode("utf-8", "surrogatepass")


def cyrillic_count(text: str) -> int:
    """Count the characters of ``text`` in U+0400-U+04FF (the Cyrillic block).

    The same count as ``len(re.findall("[\\u0400-\\u04ff]", text))``.

    Parameters
    ----------
    text : str
        Any text.

    Returns
    -------
    int
        The number of Cyrillic characters.

    Examples
    --------
    >>> cyrillic_count("Эшелон left Orsha")
    6
    """
    return len(utf8_bytes(text).translate(None, _DROP_BUT_CYRILLIC))


def latin_count(text: str) -> int:
    """Count the characters of ``text`` in a-z, A-Z and U+00C0-U+024F.

    The same count as ``len(re.findall("[a-zA-Z\\u00c0-\\u024f]", text))``.

    Parameters
    ----------
    text : str
        Any text.

    Returns
    -------
    int
        The number of Latin letters (accented ones included).

    Examples
    --------
    >>> latin_count("Эшелон left Łódź")
    8
    """
    raw = utf8_bytes(text)
    n = len(raw.translate(None, _DROP_BUT_LATIN))
    return n + len(_LATIN_C9.findall(raw)) if b"\xc9" in raw else n

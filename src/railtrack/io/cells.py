"""Read a spreadsheet's count cell the way free text is read.

Analysts type counts into tables as they would write them: ``40``, ``about 40``,
``~40``, ``30-40``, ``сорок девять``, ``około 30``. :func:`read_count` reads such a
cell with the same number words and approximation words the text readers use
(English through :func:`railtrack.extract.numbers.parse_number`; Russian,
Ukrainian, Belarusian and Polish through their lexicons,
``railtrack/extract/lexicons/*.yaml``).

Examples
--------
>>> read_count("about 40"), read_count("сорок девять"), read_count("30-40")
(Count(value=40, estimated=True), Count(value=49, estimated=False), Count(value=30, estimated=True))
>>> read_count("many") is None
True
"""

from __future__ import annotations

import re
from functools import cache
from itertools import pairwise
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from railtrack.extract.lexicon import Lexicon

__all__ = ["Count", "read_count"]

_LANGS = ("ru", "uk", "be", "pl")
_DIGITS = re.compile(r"^\d{1,3}(?:[ ,\u00a0\u202f]\d{3})*$|^\d+$")
_RANGE = re.compile(r"^(\d+)\s*(?:[-–—]|to|до|да|do)\s*(\d+)$")
_SIGNS = re.compile(r"^(?:~|≈|>=?|<=?|\+/?-|c\.|ca\.|ok\.|approx\.)\s*")
_EN_APPROX = re.compile(
    r"^(?:about|around|approximately|approx|roughly|some|nearly|almost|up to|over|"
    r"more than|at least|circa|an estimated)\s+"
)


class Count(NamedTuple):
    """A count read from a cell: its value and whether the cell gave it as approximate."""

    value: int
    estimated: bool


@cache
def _lexicon(lang: str) -> Lexicon:
    from railtrack.extract.lexicon import lexicon

    return lexicon(lang)


def _strip_approx(text: str) -> tuple[str, bool]:
    """Return the cell without a leading approximation word or sign, and whether it had one."""
    from railtrack.extract.lexicon import tokens

    stripped = _SIGNS.sub("", text)
    stripped = _EN_APPROX.sub("", stripped)
    if stripped != text:
        return stripped.strip(), True
    toks = tokens(text)
    for lang in _LANGS:
        found = _lexicon(lang).approx.match(toks, 0) if toks else None
        if found is not None:
            rest = toks[found[1] :]
            return (text[rest[0].start :].strip() if rest else ""), True
    return text, False


def _words(text: str) -> int | None:
    """Return a number written in words in any of the five languages, else None."""
    from railtrack.extract.lexicon import tokens
    from railtrack.extract.numbers import parse_number

    english = parse_number(text)
    if english is not None:
        return english
    words = [t.low for t in tokens(text)]
    for lang in _LANGS:
        numbers = _lexicon(lang).numbers
        if not words or not all(w in numbers for w in words):
            continue
        values = [numbers[w] for w in words]
        if all(a > b for a, b in pairwise(values)):
            return sum(values)  # "сорок девять": each part smaller than the one before
    return None


def read_count(cell: str) -> Count | None:
    """Return the count a table cell gives, or None when it gives none.

    Parameters
    ----------
    cell
        The cell as text.

    Returns
    -------
    Count or None
        Digits are exact; an approximation (``about``, ``около``, ``~``) is flagged
        ``estimated``; a range (``30-40``) gives its lower end, estimated (at least
        that many were reported); number words in English, Russian, Ukrainian,
        Belarusian and Polish are read as in free text. None for anything else
        (``many``, ``?``), which the caller reports.
    """
    text = " ".join(cell.split()).casefold()
    if not text:
        return None
    text, estimated = _strip_approx(text)
    if _DIGITS.match(text):
        return Count(int(re.sub(r"\D", "", text)), estimated)
    if (span := _RANGE.match(text)) is not None:
        lo, hi = int(span[1]), int(span[2])
        return Count(min(lo, hi), True) if lo != hi else Count(lo, estimated)
    value = _words(text)
    return None if value is None else Count(value, estimated)

"""Read a spreadsheet's count cell the way free text is read.

Analysts type counts into tables as they would write them: ``40``, ``about 40``,
``~40``, ``30-40``, ``сорок девять``, ``około 30``, ``at least 40``, ``40+``.
:func:`read_count` reads such a cell with the same number words, approximation
words and lower-bound words the text readers use
(English through :func:`railtrack.extract.numbers.parse_number`; Russian,
Ukrainian, Belarusian and Polish through their lexicons,
``railtrack/extract/lexicons/*.yaml``).

Examples
--------
>>> read_count("about 40")
Count(value=40, estimated=True, at_least=False, at_most=False, most=None)
>>> read_count("сорок девять").value, read_count("30-40")
(49, Count(value=30, estimated=True, at_least=True, at_most=True, most=40))
>>> read_count("не менее 30").at_least, read_count("40+").at_least, read_count("do 50").most
(True, True, 50)
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

__all__ = ["Count", "is_blank", "read_count", "whole_count"]

_LANGS = ("ru", "uk", "be", "pl")
_DIGITS = re.compile(r"^\d{1,3}(?:[ ,\u00a0\u202f]\d{3})*$|^\d+$")
# a decimal fraction ("2.5", "2,5", "38.0"): a whole count only when the fraction is zero
_DECIMAL = re.compile(r"^(\d+)[.,](\d{1,2})$")
_WORD_RANGE = re.compile(r"\s*[-–—]\s*|\s+(?:to|and|до|да|do|и|і|i|a)\s+")
# "от сорока до пятидесяти", "between forty and fifty", "od 40 do 50": the range's
# opening word, dropped before the range is read (trial F128)
_RANGE_OPENING = re.compile(r"^(?:from|between|от|від|ад|od|między|pomiędzy)\s+")
_RANGE = re.compile(r"^(\d+)\s*(?:[-–—]|to|до|да|do)\s*(\d+)$")
_SIGNS = re.compile(r"^(?:~|≈|\+/?-|c\.|ca\.|ok\.|approx\.)\s*")
_EN_APPROX = re.compile(
    r"^(?:about|around|approximately|approx|roughly|some|circa|an estimated)\s+"
)
# an upper bound: "<50", "≤ 50", "up to 50", "no more than 50" (trial11 T21)
_AT_MOST_SIGNS = re.compile(r"^(?:<=?|≤)\s*")
_EN_AT_MOST = re.compile(
    r"^(?:nearly|almost|up to|no more than|not more than|at most|a maximum of|maximum|"
    r"max\.)\s*"
)
# a lower bound: ">40", "≥ 40", "40+", "at least 40", "over 40"
_AT_LEAST_SIGNS = re.compile(r"^(?:>=?|≥)\s*|\s*\+$")
_EN_AT_LEAST = re.compile(
    r"^(?:at least|more than|over|upwards of|in excess of|no (?:fewer|less) than|"
    r"not (?:fewer|less) than|a minimum of|minimum|min\.)\s*"
)


class Count(NamedTuple):
    """A count read from a cell: its value, and how the cell qualified it.

    ``estimated``: approximate ("about 40"); ``at_least``: a lower bound ("at least
    40", "40+"); ``at_most``: an upper bound, ``most`` ("up to 50", "не более 50",
    "do 50": 50, also estimated). A range ("30-40") is both: ``value`` its low end,
    ``most`` its high end.

    Examples
    --------
    >>> Count(40, estimated=True)
    Count(value=40, estimated=True, at_least=False, at_most=False, most=None)
    >>> Count(30, False, at_least=True).at_least
    True
    """

    value: int
    estimated: bool
    at_least: bool = False
    at_most: bool = False
    most: int | None = None


@cache
def _lexicon(lang: str) -> Lexicon:
    from railtrack.extract.lexicon import lexicon

    return lexicon(lang)


def _strip_approx(text: str) -> tuple[str, str | None]:
    """Return the cell without a leading approximation or lower-bound word or sign.

    The second value says which it had: ``"approx"``, ``"at_least"``, ``"at_most"``
    or None.
    """
    from railtrack.extract.lexicon import tokens

    stripped = _AT_LEAST_SIGNS.sub("", _EN_AT_LEAST.sub("", text))
    if stripped != text:
        return stripped.strip(), "at_least"
    stripped = _EN_AT_MOST.sub("", _AT_MOST_SIGNS.sub("", text))
    if stripped != text:
        return stripped.strip(), "at_most"
    stripped = _EN_APPROX.sub("", _SIGNS.sub("", text))
    if stripped != text:
        return stripped.strip(), "approx"
    toks = tokens(text)
    for lang in _LANGS:
        found = _lexicon(lang).approx.match(toks, 0) if toks else None
        if found is not None:
            rest = toks[found[1] :]
            return (text[rest[0].start :].strip() if rest else ""), str(found[0])
    return text, None


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
        ``estimated``; a lower bound (``at least``, ``не менее``, ``co najmniej``,
        ``>40``, ``40+``) ``at_least``; an upper bound (``up to 50``, ``не более
        50``, ``do 50``, ``<50``) ``at_most`` with ``most`` (also estimated); a range
        (``30-40``) gives its low end and ``most`` its high end, with both bounds set
        (and estimated); number words in English, Russian, Ukrainian,
        Belarusian and Polish are read as in free text. None for anything else
        (``many``, ``?``, a fraction such as ``2.5`` or ``2,5``; ``38.0`` is 38),
        which the caller reports.

    Examples
    --------
    >>> read_count("около 40")
    Count(value=40, estimated=True, at_least=False, at_most=False, most=None)
    >>> read_count("co najmniej 30").at_least, read_count("не более 50").most
    (True, 50)
    >>> read_count("38.0").value, read_count("2,5")
    (38, None)
    """
    text = " ".join(cell.split()).casefold()
    if not text:
        return None
    text, qualifier = _strip_approx(text)
    if qualifier == "at_most":  # "up to 50", "не более 50", "do 50": at most 50
        bound = read_count(text)
        if bound is None or bound.at_least or bound.at_most:
            return None
        return Count(bound.value, True, at_most=True, most=bound.value)
    estimated, at_least = qualifier == "approx", qualifier == "at_least"
    if (fraction := _DECIMAL.match(text)) is not None:
        whole = int(fraction[1])
        return Count(whole, estimated, at_least) if int(fraction[2]) == 0 else None
    if _DIGITS.match(text):
        return Count(int(re.sub(r"\D", "", text)), estimated, at_least)
    opened = _RANGE_OPENING.match(text)
    if opened is not None:
        text = text[opened.end() :]
        text = re.sub(r"\s+(?:and|и|і|i|a)\s+(?=\d)", "-", text)
    if (span := _RANGE.match(text)) is not None:
        lo, hi = int(span[1]), int(span[2])
        if lo == hi:
            return Count(lo, estimated, at_least)
        return Count(min(lo, hi), True, at_least=True, at_most=True, most=max(lo, hi))
    if opened is not None:  # a range it must be: "between forty and fifty"
        return _word_range(text)
    value = _words(text)
    if value is None:
        return _word_range(text)
    return Count(value, estimated, at_least)


def _word_range(text: str) -> Count | None:
    """Return a range written in words (its low end, and its high end as ``most``), else None.

    "сорок-пятьдесят", "forty to fifty": as "40-50" is read. The first number must be
    the smaller, so a compound ("forty-eight") is never a range.

    >>> _word_range("сорок-пятьдесят"), _word_range("пятьдесят-сорок")
    (Count(value=40, estimated=True, at_least=True, at_most=True, most=50), None)
    >>> read_count("от сорока до пятидесяти").most, read_count("between forty and fifty").most
    (50, 50)
    """
    parts = _WORD_RANGE.split(text)
    if len(parts) != 2:
        return None
    lo, hi = _words(parts[0]), _words(parts[1])
    if lo is None or hi is None or lo >= hi:
        return None
    return Count(lo, True, at_least=True, at_most=True, most=hi)


def whole_count(value: object) -> int | None:
    """Return a count cell as read so far as a whole number (None when it is not one).

    An int, a float with no fraction or a string of at most nine digits; a longer run of
    digits is left to the record's own check, and a bool is no count.

    Parameters
    ----------
    value : object
        A cell as read (int, float, str, bool or anything else).

    Returns
    -------
    int or None
        The count; None when the cell is no whole number.

    Examples
    --------
    >>> whole_count(40), whole_count(40.0), whole_count(" 40 "), whole_count(True)
    (40, 40, 40, None)
    >>> whole_count("about 40") is None, whole_count("1" * 10) is None
    (True, True)
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().isdigit() and len(value.strip()) <= 9:
        return int(value.strip())
    return None


def is_blank(value: object) -> bool:
    """Return whether a cell holds nothing: None, or a string of only spaces.

    Parameters
    ----------
    value : object
        A cell.

    Returns
    -------
    bool
        True for None or a string of only whitespace.

    Examples
    --------
    >>> is_blank(None), is_blank("  "), is_blank(0), is_blank("x")
    (True, True, False, False)
    """
    return value is None or (isinstance(value, str) and not value.strip())

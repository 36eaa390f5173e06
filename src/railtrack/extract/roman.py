"""Months written as Roman numerals: "19.V", "Dnia 19.V", "19 V 2023", "19.V.2023".

Polish, Belarusian, Russian and Ukrainian writers (and official papers) write a date's
month as a capital Roman numeral after the day: "19.V" is 19 May, "3.XII.2022 r." is 3
December 2022 (trial15 S1). The day comes first, as in every numeric date railtrack
reads. Only capitals count: a lower-case "v" or "i" is a word ("19 i 20 maja" is a list
of days, not 19 January), and only I to XII are months.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from railtrack.extract.lexicon import Token

__all__ = ["roman_date_at", "roman_month"]

_MONTHS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
_MONTH_OF = {numeral: n for n, numeral in enumerate(_MONTHS, start=1)}
_DAY = re.compile(r"(?:0?[1-9]|[12]\d|3[01])")
_YEAR = re.compile(r"(?:19|20)\d\d")
_SEPARATORS = frozenset({".", "/", "-", "–"})


def roman_month(word: str) -> int | None:
    """Return the month a capital Roman numeral names (1-12), None for anything else.

    Parameters
    ----------
    word : str
        One word, case-sensitive (``I`` .. ``XII``).

    Returns
    -------
    int or None
        The month number 1-12, or None.

    Examples
    --------
    >>> roman_month("V"), roman_month("XII"), roman_month("v"), roman_month("XIII")
    (5, 12, None, None)
    """
    return _MONTH_OF.get(word)


def roman_date_at(toks: tuple[Token, ...], i: int) -> tuple[list[tuple[str, str]], int] | None:
    """Read a day and a Roman-numeral month (and a year) starting at token ``i``.

    Parameters
    ----------
    toks
        The tokens of a text (:func:`railtrack.extract.lexicon.tokens`).
    i
        The index of the day's token.

    Returns
    -------
    tuple of (fields, next index) or None
        The fields of a day-month date (``dm_d``, ``dm_m``, ``dm_y`` when a year
        follows), as the lexicon readers write a date with a month name; None when the
        tokens at ``i`` are no such date.

    Examples
    --------
    >>> from railtrack.extract.lexicon import tokens
    >>> roman_date_at(tokens("19.V do Brześcia"), 0)
    ([('dm_d', '19'), ('dm_m', '5')], 3)
    >>> roman_date_at(tokens("3 XII 2022 r."), 0)
    ([('dm_d', '3'), ('dm_m', '12'), ('dm_y', '2022')], 3)
    >>> roman_date_at(tokens("19 i 20 maja"), 0) is None
    True
    """
    if not _DAY.fullmatch(toks[i].low):
        return None
    k = i + 1
    if k < len(toks) and toks[k].low in _SEPARATORS and toks[k].start == toks[i].end:
        k += 1
    if k >= len(toks):
        return None
    month = roman_month(toks[k].text)
    if month is None:
        return None
    fields = [("dm_d", str(int(toks[i].low))), ("dm_m", str(month))]
    end = k + 1
    year = end
    if year < len(toks) and toks[year].low in _SEPARATORS and toks[year].start == toks[end - 1].end:
        year += 1
    if year < len(toks) and _YEAR.fullmatch(toks[year].low):
        return [*fields, ("dm_y", toks[year].low)], year + 1
    return fields, end

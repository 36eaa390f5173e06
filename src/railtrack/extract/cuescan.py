"""Every cue pattern of a lexicon searched in one pass over a text.

A lexicon reader asks a dozen questions of each clause ("an accident?", "a
timetable?", "unloaded?", "planned?"), each a stem pattern of the lexicon
(:func:`~railtrack.extract.lexicon._stem_re`: ``(?<![\\w-])`` and a trie of stems,
``re.IGNORECASE``). Searched one by one, Python's engine walks the clause once per
question and enters its matcher at every character (the look-behind first gives it
no letter to skip to). :class:`CueScan` joins the patterns into one: at each word
start, one look-ahead per pattern, each capturing that pattern's match there
(``(?=(stems)?)``), and a condition that at least one matched. One walk over the
text then gives, for every pattern, every position it matches at and the span of
that match: the first is what ``pattern.search(text)`` returns, and those that do
not overlap the one before are what ``pattern.finditer(text)`` returns (a
look-ahead is atomic: the match it keeps at a position is the one the pattern
alone finds there). The walk is made case-sensitively over the lower-cased text
when that is exact (:func:`~railtrack.extract.casefold.folded`), consuming the
character before each word start, so the engine skips from one non-word character
to the next in C; other texts are searched with the case-insensitive pattern.
``tests/test_extract_fast_paths.py`` holds it to each pattern's own search on
every corpus text and on generated text.

Examples
--------
>>> import re
>>> scan = CueScan({
...     "late": re.compile(r"(?<![\\w-])(?:delay|late)", re.IGNORECASE),
...     "rail": re.compile(r"(?<![\\w-])(?:train|rail)", re.IGNORECASE),
... })
>>> found = scan.spans("The TRAIN was delayed; trains delayed too")
>>> found["late"], found["rail"]
([(14, 19), (30, 35)], [(4, 9), (23, 28)])
>>> scan.spans("nothing here")
{}
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from railtrack.extract.casefold import _lower_source, folded

__all__ = ["CueScan", "first_span", "spans_as_finditer"]

WORD_START = r"(?<![\w-])"
"""How every stem pattern starts: not after a letter, digit, underscore or hyphen."""


class CueScan:
    """Stem patterns searched together; see the module docstring.

    Parameters
    ----------
    patterns
        Name -> a compiled pattern that starts with :data:`WORD_START` and has
        ``re.IGNORECASE`` and no groups of its own.

    Raises
    ------
    ValueError
        For a pattern of another form.
    """

    __slots__ = ("ignorecase", "kinds", "lower")

    def __init__(self, patterns: Mapping[str, re.Pattern[str]]) -> None:
        self.kinds = tuple(patterns)
        parts = []
        for name, pattern in patterns.items():
            if not self.accepts(pattern):
                msg = f"cue pattern {name!r} is not a word-start stem pattern without groups"
                raise ValueError(msg)
            parts.append(f"(?=({pattern.pattern[len(WORD_START) :]})?)")
        condition = "(?!)"  # fail where no pattern matched
        for number in range(len(parts), 0, -1):
            condition = f"(?({number})|{condition})"
        body = "".join(parts) + condition
        self.ignorecase = re.compile(WORD_START + body, re.IGNORECASE)
        # over " " + text lower-cased: the character before a word start is consumed
        self.lower = re.compile(r"[^\w-]" + _lower_source(body))

    @staticmethod
    def accepts(pattern: re.Pattern[str]) -> bool:
        """Whether ``pattern`` can be searched in a scan.

        It must start with :data:`WORD_START`, have ``re.IGNORECASE`` and no groups,
        never match an empty string (the spans of a search resume where the match before
        ended), and fold (:func:`~railtrack.extract.casefold._lower_source`).

        Examples
        --------
        >>> CueScan.accepts(re.compile(r"(?<![\\w-])(?:rail)", re.IGNORECASE))
        True
        >>> CueScan.accepts(re.compile(r"rail", re.IGNORECASE))
        False
        """
        source = pattern.pattern
        if (
            not source.startswith(WORD_START)
            or not pattern.flags & re.IGNORECASE
            or pattern.flags & (re.MULTILINE | re.DOTALL | re.VERBOSE | re.ASCII)
            or pattern.groups
            or pattern.search("") is not None
        ):
            return False
        try:
            _lower_source(source)
        except ValueError:
            return False
        return True

    def spans(self, text: str) -> dict[str, list[tuple[int, int]]]:
        """Return each pattern's matches in ``text`` at every position, in order.

        Parameters
        ----------
        text
            Any text.

        Returns
        -------
        dict
            Pattern name -> ``(start, end)`` of its match at each position it matches
            (overlapping ones included); patterns with no match are left out.
        """
        low = folded(text)
        if low is None:
            found, shift = self.ignorecase.finditer(text), 0
        else:
            found, shift = self.lower.finditer(" " + low), 1
        spans: dict[str, list[tuple[int, int]]] = {}
        kinds = self.kinds
        for m in found:
            for number, kind in enumerate(kinds, start=1):
                start = m.start(number)
                if start >= 0:
                    spans.setdefault(kind, []).append((start - shift, m.end(number) - shift))
        return spans


def first_span(spans: list[tuple[int, int]] | None) -> tuple[int, int] | None:
    """Return the span ``pattern.search`` finds, from one pattern's :meth:`CueScan.spans`.

    Examples
    --------
    >>> first_span([(3, 7), (5, 9)]), first_span(None)
    ((3, 7), None)
    """
    return spans[0] if spans else None


def spans_as_finditer(spans: list[tuple[int, int]] | None) -> list[tuple[int, int]]:
    """Return the spans ``pattern.finditer`` yields: each match not overlapping the last.

    The pattern's matches are never empty (stems have letters), so a search resumes
    where the match before ended.

    Examples
    --------
    >>> spans_as_finditer([(0, 6), (2, 5), (6, 9)])
    [(0, 6), (6, 9)]
    """
    kept: list[tuple[int, int]] = []
    end = 0
    for start, stop in spans or ():
        if start >= end:
            kept.append((start, stop))
            end = stop
    return kept

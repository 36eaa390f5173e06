"""The sentence a value was read from, as written: the quote a briefing shows.

A journalist checks a number against the sentence it came from. Each
:class:`~railtrack.models.Evidence` keeps the sentence around its words
(:attr:`~railtrack.models.Evidence.quote`), cut to at most
:data:`~railtrack.models.QUOTE_MAX_CHARS` characters around them when the sentence is
longer (a channel post with no full stop).

Examples
--------
>>> q = Quotes("One train left Slonim. It had 40 cars and two tanks.")
>>> q.quote(29, 36)
'It had 40 cars and two tanks.'
"""

from __future__ import annotations

import bisect

from railtrack.extract.sentences import sentence_bounds
from railtrack.models import QUOTE_MAX_CHARS

__all__ = ["Quotes"]

_ELLIPSIS = "…"


class Quotes:
    """The sentences of one report, split once, quoted by character offsets.

    Parameters
    ----------
    text
        The report as written (the text the evidence offsets point into).
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._bounds: list[tuple[int, int]] | None = None
        self._starts: list[int] = []
        self._cache: dict[int, str] = {}

    def quote(self, start: int, end: int) -> str:
        """Return the sentence holding ``text[start:end]``, whitespace collapsed.

        Parameters
        ----------
        start, end
            Character offsets into the text (``end`` exclusive).

        Returns
        -------
        str
            The sentence, or at most :data:`~railtrack.models.QUOTE_MAX_CHARS`
            characters of it centred on the words, with "…" where it was cut.

        Examples
        --------
        >>> Quotes("A. " + "word " * 200 + "40 cars here " + "word " * 200).quote(1003, 1010)[:8]
        '… word w'
        """
        if self._bounds is None:
            self._bounds = sentence_bounds(self.text) or [(0, len(self.text))]
            self._starts = [s for s, _ in self._bounds]
        k = max(bisect.bisect_right(self._starts, start) - 1, 0)
        s, e = self._bounds[k]
        e = max(e, min(end, len(self.text)))  # words running past a sentence's end
        if e - s <= QUOTE_MAX_CHARS:
            cached = self._cache.get(k)
            if cached is None:
                cached = self._cache[k] = " ".join(self.text[s:e].split())
            return cached
        half = max((QUOTE_MAX_CHARS - (end - start)) // 2, 0)
        lo, hi = max(s, start - half), min(e, end + half)
        head = _ELLIPSIS + " " if lo > s else ""
        tail = " " + _ELLIPSIS if hi < e else ""
        return head + " ".join(self.text[lo:hi].split()) + tail

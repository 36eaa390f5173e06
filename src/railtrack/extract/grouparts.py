"""A group of trains split into counted parts, a place each (issue 13 T6).

Hajun sums up several trains in one sentence and then says where each part went::

    Тры эшалоны: два — у Асіповічы, адзін — у Лунінец.
    Три эшелона: два — в Осиповичи, один — в Лунинец.
    Trzy pociągi: dwa – do Osipowicz, jeden – do Łuńca.
    Three trains: two to Asipovichy, one to Luninets.

After an announcement of N trains and a colon, each part of the list (split at commas,
semicolons and the lexicon's ``list_joins``) opens with a count, then (a dash, in the
Slavic layouts) its place: that many trains went there. :func:`counted_parts` finds
such lists; the train assembly (:mod:`railtrack.extract.trains`) gives each part's
place to that many of the group's trains, in order, a train told inside a part (the
"адзін" read as a train of its own) keeping its part.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from railtrack.extract.lexicon import LANGUAGES, lexicon

if TYPE_CHECKING:
    from railtrack.extract.places import PlaceSpan
    from railtrack.extract.readers import Reader

__all__ = ["CountedPart", "CountedParts", "counted_parts"]

# the roles of a part's place: where its trains went or came from
_ROLES = ("origin", "destination")
# the most words before a part's place: a count, a train noun, a dash ("два эшалоны —")
_PART_WORDS = 3
_SENTENCE_END = re.compile(r"[.!?\n]")
# a colon before a list on the same line, and the list's first word ("два", "2", "two")
_COLON = re.compile(r":[^\S\n]*(?P<first>[^\W_]+)")
_MIN_PARTS = 2


@dataclass(frozen=True)
class CountedPart:
    """``n_trains`` trains of a group and their places (offsets into the whole text)."""

    n_trains: int
    places: tuple[PlaceSpan, ...]
    start: int
    end: int


@dataclass(frozen=True)
class CountedParts:
    """A group announced over a colon (``start``/``end`` bound the sentence) and its parts."""

    start: int
    colon: int
    end: int
    n_trains: int
    parts: tuple[CountedPart, ...]


@lru_cache(maxsize=len(LANGUAGES))
def _split_re(lang: str) -> re.Pattern[str]:
    """Return the pattern splitting a list into its parts: marks and ``list_joins``."""
    joins = sorted(lexicon(lang).list_joins, key=len, reverse=True) if lang in LANGUAGES else []
    words = "|".join(re.escape(w) for w in joins)
    return re.compile(rf"[,;]|(?<![\w-])(?:{words})(?![\w-])" if words else "[,;]", re.I)


def counted_parts(text: str, rd: Reader) -> list[CountedParts]:
    """Return the groups of ``text`` split into counted parts with a place each.

    Parameters
    ----------
    text
        The report.
    rd
        The reader of its language (its group announcements, numbers and places).

    Returns
    -------
    list of CountedParts
        In text order: each sentence announcing N trains before a colon and listing,
        after it, two parts or more that each open with a count of trains; at least
        one part names a place of origin or destination, and the counts add up to N at
        most.

    Examples
    --------
    >>> from railtrack.extract.readers import reader_for
    >>> t = "Тры эшалоны: два — у Асіповічы, адзін — у Лунінец."
    >>> (found,) = counted_parts(t, reader_for("be"))
    >>> [(p.n_trains, [q.text for q in p.places]) for p in found.parts]
    [(2, ['Асіповічы']), (1, ['Лунінец'])]
    >>> counted_parts("Тры эшалоны: 40, 41 і 45 вагонаў.", reader_for("be"))
    []
    """
    found: list[CountedParts] = []
    lone_number = getattr(rd, "lone_number", None)
    if lone_number is None:
        return found
    for colon in _COLON.finditer(text):
        at = colon.start()
        if lone_number(colon["first"]) is None:
            continue  # (the list opens with a count: "два — ...", "two to ...")
        start = max((m.end() for m in _SENTENCE_END.finditer(text, 0, at)), default=0)
        stop = _SENTENCE_END.search(text, at)
        end = stop.start() if stop else len(text)
        announcement = rd.group_announcement(text[start:at])
        if announcement is None or not isinstance(announcement.n_trains, int):
            continue
        parts = _parts(text, at + 1, end, rd)
        told = sum(p.n_trains for p in parts)
        if len(parts) < _MIN_PARTS or told > announcement.n_trains:
            continue
        if any(p.places for p in parts):
            found.append(CountedParts(start, at, end, announcement.n_trains, tuple(parts)))
    return found


def _parts(text: str, start: int, end: int, rd: Reader) -> list[CountedPart]:
    """Return the counted parts of the list at ``text[start:end]``; none if one is not."""
    parts: list[CountedPart] = []
    pos = start
    cuts = [m.span() for m in _split_re(rd.lang).finditer(text, start, end)]
    for cut_start, cut_end in [*cuts, (end, end)]:
        piece = text[pos:cut_start]
        a, b = pos, cut_start
        pos = cut_end
        if not piece.strip():
            continue
        part = _part(piece, a, rd)
        if part is None:
            return []
        parts.append(replace(part, end=b))
    return parts


def _part(piece: str, at: int, rd: Reader) -> CountedPart | None:
    """Read one part ("два — у Асіповічы"): its count and places; None when not one."""
    places = [p for p in rd.find_places(piece) if p.role in _ROLES]
    head = piece[: places[0].cue_start] if places else piece
    if len(head.split()) > _PART_WORDS:
        return None
    lone_number = getattr(rd, "lone_number", None)
    n = lone_number(head) if lone_number is not None else None
    if not isinstance(n, int) or n < 1:
        return None
    moved = tuple(
        replace(p, start=p.start + at, end=p.end + at, cue_start=p.cue_start + at) for p in places
    )
    return CountedPart(n, moved, at, at + len(piece))

"""Trains told by an ordinal whose verb is left out, each with its own count, day and place.

Hajun closes most posts of several trains with one sentence ("Першы эшалон (38
вагонаў) прыбыў 10 траўня ў Баранавічы, другі (44 вагоны) — 11 траўня ў Брэст",
"Pierwszy pociąg (38 wagonów) dotarł 10 maja do Baranowicz, drugi (44 wagony) – 11
maja do Brześcia", "The first (38 cars) arrived in Baranovichi on May 10, the second
(44 cars) in Brest on May 11"). The ordinal opens a clause of its own: a count in
brackets right after it is that train's, and the clause's day and place are that
train's too, told with the verb of the clause before (trial15 T1).

:func:`past_gloss` is where the words after an ordinal resume past such a bracket;
the marker readers (:mod:`railtrack.extract.lexread`,
:mod:`railtrack.extract.cues`) judge the ordinal by what follows it there.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping

    from railtrack.extract.lexicon import PhraseTable, Token

__all__ = ["GLOSS", "opens_with_count", "opens_with_ordinal", "past_gloss"]

# the longest bracket read as a gloss of the word before it ("(44 вагоны)",
# "(45 вагонаў, з іх 3 пасажырскія)"): longer brackets are asides of their own
_GLOSS_TOKENS = 12

# a bracketed gloss right after a word, as a pattern to build on ("the second (44 cars)
# in Brest"): the English marker pattern reads past it
GLOSS = r"(?:\s*\([^()\n]{1,80}\))"


# the words a clause may open with before its ordinal ("а второй", ", і другі")
_OPENERS = frozenset({",", ";", "—", "–", "-", "а", "a", "и", "і", "i", "й", "та", "ды", "and"})


def past_gloss(toks: tuple[Token, ...], at: int) -> int:
    """Return the index of the first token after a bracketed gloss that opens at ``at``.

    Parameters
    ----------
    toks
        The tokens of a text (:func:`railtrack.extract.lexicon.tokens`).
    at
        The index of the token right after an ordinal.

    Returns
    -------
    int
        The index after the closing bracket when ``toks[at]`` opens a short bracket
        (at most 12 tokens, none of them another bracket), else ``at``.

    Examples
    --------
    >>> from railtrack.extract.lexicon import tokens
    >>> toks = tokens("второй (44 вагона) — 11 мая в Брест")
    >>> toks[past_gloss(toks, 1)].low
    '—'
    >>> past_gloss(toks, 2)
    2
    """
    if at >= len(toks) or toks[at].low != "(":
        return at
    for k in range(at + 1, min(len(toks), at + 1 + _GLOSS_TOKENS)):
        low = toks[k].low
        if low == "(":
            return at
        if low == ")":
            return k + 1
    return at


def opens_with_ordinal(toks: tuple[Token, ...], at: int, markers: PhraseTable) -> bool:
    """Whether the words before ``toks[at]`` are an ordinal, its gloss and a day at most.

    In a clause whose verb is left out ("второй (44 вагона) — 11 мая в Брест", "другі
    — 11 траўня ў Брэст"), "в/ў/на" before a name is the motion of the verb told
    before, as it is right after a train noun ("эшелон в Валуйки").

    Parameters
    ----------
    toks
        The tokens of a clause.
    at
        The index of the place's preposition.
    markers
        The lexicon's train markers (``Lexicon.markers``).

    Returns
    -------
    bool
        True when a marker opens the clause (after a joining word at most) and a
        bracketed gloss, a dash, a day or a time are all that stand before ``at``.

    Examples
    --------
    >>> from railtrack.extract.lexicon import lexicon, tokens
    >>> toks = tokens("второй (44 вагона) — 11 мая в Брест")
    >>> opens_with_ordinal(toks, 7, lexicon("ru").markers)
    True
    >>> toks = tokens("сообщение о Бресте в Минске")
    >>> opens_with_ordinal(toks, 3, lexicon("ru").markers)
    False
    """
    k = 0
    while k < at and toks[k].low in _OPENERS:
        k += 1
    hit = markers.match(toks, k) if k < at else None
    if hit is None:
        return False
    between = toks[past_gloss(toks, hit[1]) : at]
    # what may stand between: a dash, a day ("11 мая", "ночью", "May 11"), a time
    # ("в 19:40"): digits, marks and two words at most
    words = [t for t in between if _WORD.match(t.low)]
    return len(words) <= _DAY_WORDS and all(
        t.low in _OPENERS or t.low.isdecimal() or t.low in (":", ".") or _WORD.match(t.low)
        for t in between
    )


_DASHES = frozenset({"—", "–", "-"})


def opens_with_count(toks: tuple[Token, ...], at: int, numbers: Mapping[str, int]) -> bool:
    """Whether a clause opens with a count of trains and a dash right before ``toks[at]``.

    "Тры эшалоны: два — у Асіповічы, адзін — у Лунінец": a part of a group counted, its
    verb left out, as after an ordinal (issue 13 T6); "в/ў/у/do" before the name is the
    motion of the group's verb.

    Parameters
    ----------
    toks
        The tokens of a clause.
    at
        The index of the place's preposition.
    numbers
        The lexicon's number words (``Lexicon.numbers``).

    Returns
    -------
    bool
        True when a number (in digits or one word) and a dash stand right before
        ``at``, the number opening the text or a part of it (after a comma, a colon, a
        semicolon or a joining word).

    Examples
    --------
    >>> from railtrack.extract.lexicon import lexicon, tokens
    >>> toks = tokens("Тры эшалоны: два — у Асіповічы")
    >>> opens_with_count(toks, 5, lexicon("be").numbers)
    True
    >>> toks = tokens("два эшалоны у Асіповічах")
    >>> opens_with_count(toks, 2, lexicon("be").numbers)
    False
    """
    k = at - 2
    if k < 0 or toks[k + 1].low not in _DASHES:
        return False
    if not (toks[k].low.isdecimal() or toks[k].low in numbers):
        return False
    return k == 0 or toks[k - 1].low in _PART_OPENERS


# what opens a part of a list: a mark or a joining word
_PART_OPENERS = (_OPENERS - _DASHES) | {":"}


# a word of letters only; a day told with its verb left out takes two at most
# ("11 траўня", "вчера вечером", "w nocy")
_WORD = re.compile(r"[^\W\d_]+$")
_DAY_WORDS = 2

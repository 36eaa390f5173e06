"""Case-insensitive patterns searched as case-sensitive ones over the lower-cased text.

Python's regular-expression engine is several times slower with ``re.IGNORECASE``:
it lower-cases every character it compares and cannot skip ahead to a possible
first character. The cue patterns of the English reader (verbs, claims, off-topic
words, date hints) are searched in every clause, so a :class:`FoldedPattern` keeps
the case-insensitive pattern and a case-sensitive twin whose letters are lower-cased,
and searches the twin over ``text.lower()`` whenever that finds exactly what the
case-insensitive search of ``text`` finds: the same matches at the same offsets.

That holds when lower-casing keeps every character one character (``"İ"`` becomes
two), the text has no capital sigma (lower-cased by its neighbours) and no
character that ``re.IGNORECASE`` equates with a letter it does not lower-case to
(:data:`ALIEN`: ``"ſ"`` matches ``s``, ``"ı"`` matches ``i``, Greek and Cyrillic
variants such as ``"ᲂ"``); other texts are searched with the original pattern. The
letters a pattern may contain are ASCII, Cyrillic and Latin letters; the twin is
checked against the original pattern on every code point in
``tests/test_extract_fast_paths.py``. Matched text (``m[0]``, groups) is read from
the lower-cased text: use the offsets, or lower-case it anyway.

Examples
--------
>>> import re
>>> hint = FoldedPattern(re.compile(r"\\b(?:march|ETA)\\b", re.IGNORECASE))
>>> hint.search("It left on 8 MARCH.").span()
(13, 18)
>>> hint.search("ſtation") is None, hint.search("eta 5 March") is not None
(True, True)
"""

from __future__ import annotations

import importlib
import logging
import re
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from types import ModuleType
from typing import Any, NamedTuple

__all__ = [
    "ALIEN",
    "FoldedPattern",
    "blank_matches",
    "fold_compile",
    "folded",
    "required_words",
]

logger = logging.getLogger(__name__)

ALIEN = frozenset(
    chr(code)
    for code in (
        *(0xB5, 0x131, 0x17F, 0x345, 0x390, 0x3B0, 0x3B2, 0x3B5, 0x3B8, 0x3B9, 0x3BA),
        *(0x3BC, 0x3C0, 0x3C1, 0x3C2, 0x3C3, 0x3C6, 0x3D0, 0x3D1, 0x3D5, 0x3D6, 0x3F0),
        *(0x3F1, 0x3F5, *range(0x1C80, 0x1C89), 0x1E61, 0x1E9B, 0x1FBE, 0x1FD3, 0x1FE3),
        *(0xA64B, 0xFB05, 0xFB06, 0x3A3),  # the last: capital sigma
    )
)
"""Characters ``re.IGNORECASE`` equates with a letter that ``str.lower`` does not give
(from ``re._casefix``; Greek letters and capital sigma wholesale): a text with one
is searched with the case-insensitive pattern."""

_ALIEN_RE = re.compile("[" + re.escape("".join(sorted(ALIEN))) + "]")
_INLINE_FLAGS = re.compile(r"\(\?[aiLmsux-]")


@lru_cache(maxsize=256)
def folded(text: str) -> str | None:
    """Return ``text.lower()`` when a case-sensitive search of it is exact, else None.

    Cached: the cue patterns of one clause fold the same text.

    Parameters
    ----------
    text : str
        The text to search.

    Returns
    -------
    str or None
        The lower-cased text, or None when lower-casing changes its length (offsets
        would drift) or the text holds a character ``re.IGNORECASE`` equates with a
        letter that ``str.lower`` does not give (Greek letters, the long s, ...).

    Examples
    --------
    >>> folded("Left SLONIM"), folded("İzmir"), folded("ſtation")
    ('left slonim', None, None)
    """
    low = text.lower()
    if len(low) != len(text) or _ALIEN_RE.search(text) is not None:
        return None
    return low


def _lower_source(source: str) -> str:
    """Lower-case the letters of a pattern's source, escapes and classes aside.

    Raises
    ------
    ValueError
        When the source has inline flags, a named character escape or a capital
        letter inside a character class, whose lower case may mean something else.
    """
    if _INLINE_FLAGS.search(source) or "\\N" in source:
        raise ValueError(f"cannot fold a pattern with inline flags or \\N: {source[:60]!r}")
    out: list[str] = []
    escaped = in_class = False
    for ch in source:
        if escaped:
            out.append(ch)
            escaped = False
            continue
        if ch == "\\":
            escaped = True
        elif ch == "[" and not in_class:
            in_class = True
        elif ch == "]" and in_class:
            in_class = False
        elif in_class and ch != ch.lower():
            raise ValueError(f"cannot fold a capital inside a character class: {source[:60]!r}")
        elif ch in ALIEN:
            raise ValueError(f"cannot fold a pattern with {ch!r}: {source[:60]!r}")
        keep = in_class or (ch == "P" and out[-2:] == ["(", "?"])  # (?P<name>, (?P=name)
        out.append(ch if keep else ch.lower())
    return "".join(out)


MAX_NEEDS = 16
"""At most this many words are tried before a folded pattern (:func:`required_words`)."""
MIN_NEED_LENGTH = 3
"""Shorter words are not tried first: they occur in most clauses ("a", "of")."""


class _Parser(NamedTuple):
    """The standard library's own parser of patterns and its opcodes (private modules)."""

    parse: Callable[[str, int], Any]
    literal: object
    subpattern: object
    branch: object
    atomic_group: object
    repeats: tuple[object, ...]


def _load_parser(
    import_module: Callable[[str], ModuleType] = importlib.import_module,
) -> _Parser | None:
    """Return the standard library's pattern parser, or None when it cannot be trusted.

    Python has no public API that parses a regular expression: ``re._parser`` and
    ``re._constants`` (Python 3.11 to 3.13 at least) are private and may change or go.
    They are used only when they import, have what :func:`_needs` reads, and read two
    probe patterns as expected; otherwise :func:`required_words` finds no words and
    every folded pattern is searched in every text (the same matches, without the
    skip). ``import_module`` is for the tests.
    """
    try:
        constants = import_module("re._constants")
        parser = import_module("re._parser")
        found = _Parser(
            parse=parser.parse,
            literal=constants.LITERAL,
            subpattern=constants.SUBPATTERN,
            branch=constants.BRANCH,
            atomic_group=getattr(constants, "ATOMIC_GROUP", object()),
            repeats=tuple(
                getattr(constants, name)
                for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")
                if hasattr(constants, name)
            ),
        )
        probes_read = (
            _words_of(found, re.compile(r"\b(?:left\s+)?(?:slonim|orsha)\b"))
            == frozenset({"orsha", "slonim"})
            and _words_of(found, re.compile(r"(?:train)*\d+|gomel")) is None
        )
    except (ImportError, AttributeError, TypeError, ValueError, IndexError) as exc:
        logger.debug(
            "re's private parser is not usable (%s): folded patterns search every text", exc
        )
        return None
    if not probes_read:
        logger.debug("re's private parser reads patterns otherwise: not used")
        return None
    return found


def _words_of(parser: _Parser, pattern: re.Pattern[str]) -> frozenset[str] | None:
    return _needs(parser, parser.parse(pattern.pattern, pattern.flags).data)


def _needs(parser: _Parser, items: Sequence[tuple[Any, Any]]) -> frozenset[str] | None:
    """Return strings one of which every match of a parsed sequence holds, or None.

    Runs of literal characters are such strings; a group, a branch whose every
    alternative has some, or a repeat of at least one holds theirs. Of the sets
    found, the one with the fewest (then longest) strings is returned, one that
    :func:`required_words` would refuse only when there is no other.
    """
    found: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in [*items, (None, None)]:
        if op is parser.literal:
            run.append(chr(av))
            continue
        if run:
            found.append(frozenset({"".join(run)}))
            run = []
        sub: frozenset[str] | None = None
        if op is parser.subpattern:
            sub = None if av[1] & re.IGNORECASE else _needs(parser, av[3])
        elif op in parser.repeats:
            sub = _needs(parser, av[2]) if av[0] >= 1 else None
        elif op is parser.atomic_group:
            sub = _needs(parser, av)
        elif op is parser.branch:
            alternatives = [_needs(parser, alternative) for alternative in av[1]]
            if all(alternatives):
                sub = _shortest(frozenset().union(*alternatives))  # type: ignore[arg-type]
        if sub:
            found.append(sub)
    if not found:
        return None
    return min(
        found, key=lambda words: (not _worth_trying(words), len(words), -min(map(len, words)))
    )


def _shortest(words: frozenset[str]) -> frozenset[str]:
    """Return ``words`` without those that hold another of them.

    A text holds one of ``words`` exactly when it holds one of those kept ("trains"
    holds "train"): the same test with fewer words, so that a pattern of singular and
    plural nouns is looked for by its singulars, within :data:`MAX_NEEDS`.

    Examples
    --------
    >>> sorted(_shortest(frozenset({"train", "trains", "echelons", "echelon", "rain"})))
    ['echelon', 'rain']
    """
    return frozenset(w for w in words if not any(v != w and v in w for v in words))


def _worth_trying(words: frozenset[str]) -> bool:
    return len(words) <= MAX_NEEDS and min(map(len, words)) >= MIN_NEED_LENGTH


_PARSER = _load_parser()
"""The parser :func:`required_words` reads patterns with; None: no words, no skip."""


def required_words(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Return strings one of which every match of a case-sensitive pattern holds.

    A folded pattern first looks for them with ``in`` (a plain substring search in
    C, many times faster than the pattern's search) and skips the search when none
    is in the text. None when there are none, more than :data:`MAX_NEEDS` or one
    shorter than :data:`MIN_NEED_LENGTH` (found in nearly every clause, it would
    cost more than it saves), and when the standard library's private pattern parser
    is not there or reads patterns otherwise than expected (:func:`_load_parser`):
    a folded pattern then searches every text, with the same matches.

    Parameters
    ----------
    pattern : re.Pattern
        A compiled pattern without ``re.IGNORECASE`` (with it, None is returned).

    Returns
    -------
    tuple of str or None
        The strings, sorted; None when there is nothing worth looking for.

    Examples
    --------
    >>> required_words(re.compile(r"\\bwould\\s+(?:not\\s+)?have\\b"))
    ('would',)
    >>> required_words(re.compile(r"\\b(?:each|every\\s+one|apiece)\\b"))
    ('apiece', 'each', 'every')
    >>> required_words(re.compile(r"\\b(?:the|a)\\s+train"))  # rarer than "the" or "a"
    ('train',)
    >>> required_words(re.compile(r"\\b(?:of|a)\\s+\\d+")) is None  # "a", "of": too short
    True
    >>> required_words(re.compile(r"\\d+|march")) is None
    True
    """
    if pattern.flags & re.IGNORECASE or _PARSER is None:
        return None
    try:
        needs = _words_of(_PARSER, pattern)
    except (AttributeError, TypeError, ValueError, IndexError) as exc:  # a construct the
        # private parser gives in a shape _needs does not know: no words, no skip
        logger.debug("no words required found in %r: %s", pattern.pattern[:60], exc)
        return None
    if not needs or not _worth_trying(needs):
        return None
    return tuple(sorted(needs))


class FoldedPattern:
    """A ``re.IGNORECASE`` pattern, searched case-sensitively over lower-cased text.

    Parameters
    ----------
    pattern
        Compiled with ``re.IGNORECASE``; its letters are lower-cased for the twin.

    Raises
    ------
    ValueError
        For a pattern without ``re.IGNORECASE``, or one :func:`_lower_source` refuses.
    """

    __slots__ = ("ignorecase", "lower", "needs", "pattern")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        if not pattern.flags & re.IGNORECASE:
            raise ValueError("a folded pattern replaces a re.IGNORECASE one")
        self.ignorecase = pattern
        self.pattern = pattern.pattern
        self.lower = re.compile(_lower_source(pattern.pattern), pattern.flags & ~re.IGNORECASE)
        if self.lower.groupindex != pattern.groupindex:
            raise ValueError("folding changed the pattern's group names")
        self.needs = required_words(self.lower)

    def _cannot_match(self, low: str, pos: int, endpos: int | None = None) -> bool:
        """Whether no string every match holds is in ``low[pos:endpos]``."""
        needs = self.needs
        if needs is None:
            return False
        if pos or endpos is not None:  # (re reads a negative bound as 0)
            low = low[max(pos, 0) : None if endpos is None else max(endpos, 0)]
        for word in needs:  # noqa: SIM110 (a loop: no generator made at each call)
            if word in low:
                return False
        return True

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        """Return the first match in ``text[pos:endpos]``, as the original's search."""
        low = folded(text)
        if endpos is None:
            if low is None:
                return self.ignorecase.search(text, pos)
            if self._cannot_match(low, pos):
                return None
            return self.lower.search(low, pos)
        if low is None:
            return self.ignorecase.search(text, pos, endpos)
        if self._cannot_match(low, pos, endpos):
            return None
        return self.lower.search(low, pos, endpos)

    def match(self, text: str, pos: int = 0) -> re.Match[str] | None:
        """Return the match at ``pos`` in ``text``, as the original's match."""
        low = folded(text)
        if low is None:
            return self.ignorecase.match(text, pos)
        if self._cannot_match(low, pos):
            return None
        return self.lower.match(low, pos)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """Return every match in ``text``, as the original's finditer."""
        low = folded(text)
        if low is None:
            return self.ignorecase.finditer(text)
        if self._cannot_match(low, 0):
            return iter(())
        return self.lower.finditer(low)


def fold_compile(pattern: str, flags: int = re.IGNORECASE) -> FoldedPattern:
    """Compile ``pattern`` with ``flags`` (which must include ``re.IGNORECASE``), folded.

    Parameters
    ----------
    pattern : str
        A regular expression.
    flags : int, optional
        ``re`` flags; ``re.IGNORECASE`` by default.

    Returns
    -------
    FoldedPattern
        The pattern, searched case-sensitively over folded text where it can be.

    Raises
    ------
    ValueError
        When ``flags`` lacks ``re.IGNORECASE`` (see :class:`FoldedPattern`).
    re.error
        When ``pattern`` is not a valid expression.

    Examples
    --------
    >>> fold_compile(r"\\bleft\\b").search("It LEFT Gomel.").start()
    3
    """
    return FoldedPattern(re.compile(pattern, flags))


def blank_matches(pattern: re.Pattern[str] | FoldedPattern, text: str) -> str:
    """Return ``text`` with every match of ``pattern`` replaced by as many spaces.

    The same string as ``pattern.sub(lambda m: " " * len(m[0]), text)`` (the matches
    ``finditer`` finds are those ``sub`` replaces, left to right, never overlapping),
    for a :class:`FoldedPattern` too, which has no ``sub``: every offset stays as
    written.

    Parameters
    ----------
    pattern : re.Pattern or FoldedPattern
        What to blank.
    text : str
        The text.

    Returns
    -------
    str
        ``text`` with each match replaced by spaces: same length, same offsets.

    Examples
    --------
    >>> blank_matches(fold_compile(r"\\bw\\s+sk\\w+"), "Trafił W SKŁADZIE brygady")
    'Trafił            brygady'
    """
    spans = [m.span() for m in pattern.finditer(text)]
    if not spans:
        return text
    out: list[str] = []
    last = 0
    for start, end in spans:
        out.append(text[last:start])
        out.append(" " * (end - start))
        last = end
    out.append(text[last:])
    return "".join(out)

"""Legs by sea or air: their ends are no train's ends, in every language.

A shipment often goes part of its way by ship or ferry ("loaded onto a ship in
Ust-Luga", "паромом из Балтийска в Усть-Лугу", "statkiem do Gdyni"). The places of
such a leg are the ship's: :func:`without_sea_legs` blanks them before the train
assembly reads the text (spaces, so every offset stays as written). A sentence with a
word of the sea and none of the railway is blanked whole; in a sentence that also
speaks of the railway only the clauses holding a word of the sea are, so "arrived by
rail at the port of Ust-Luga, where the tanks were loaded onto a ship" keeps its train.

English words of the sea are the patterns below; the other languages' come from their
lexicons (``sea_onward.by`` and ``other_mode_verbs``, see the lexicon README).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Protocol

from railtrack.extract.casefold import fold_compile
from railtrack.extract.sentences import STOP_OR_PARAGRAPH

__all__ = [
    "EN_GOES_ON",
    "EN_RAIL",
    "EN_SEA",
    "EN_SHIPPED",
    "without_english_sea_legs",
    "without_sea_legs",
]


class _Finder(Protocol):
    def finditer(self, text: str) -> Iterator[re.Match[str]]: ...


class _Matcher(Protocol):
    def match(self, text: str, pos: int = 0) -> re.Match[str] | None: ...


# (the English patterns are folded, casefold.fold_compile: the same matches as
# re.IGNORECASE, searched in the lower-cased text; only their offsets are read)
# a ship, a ferry, a voyage: "loaded onto a ship", "by ferry", "sailed from Qinzhou
# Port", "the sea leg", "railway-sea intermodal transport" (a "rail-sea train" is a
# train: the compound counts only before a word of transport or a route)
EN_SEA = fold_compile(
    r"\b(?:(?:a|an|the|one|two|by|onto|on|aboard|cargo|container|ro-ro|roll-on)\s+"
    r"(?:[\w-]+\s+)?ships?|vessels?|ferr(?:y|ies|ied)|barges?|freighters?|"
    r"car\s+carriers?|sail(?:ed|s|ing)?|seaborne|maritime|by\s+(?:sea|water)|"
    r"sea\s+(?:leg|route|voyage|freight|shipping|transport(?:ation)?)|"
    r"(?:rail(?:way)?|land)-sea\s+(?:intermodal\s+)?(?:transport|route|shipping|link))\b",
    re.IGNORECASE,
)
# "shipped from Pusan Port to Vostochny Port": "shipped" names a sea leg only in a
# clause that names a port and no railway word, or in a sentence of the sea
EN_SHIPPED = fold_compile(r"\bshipp(?:ed|ing)\b", re.IGNORECASE)
_EN_PORT = fold_compile(r"\bports?\b", re.IGNORECASE)
# words of the railway: a sentence with one keeps its train's clauses
EN_RAIL = fold_compile(
    r"\b(?:trains?|rail(?:way|road)?s?|echelons?|wagons?|flatcars?|railcars?|"
    r"locomotives?|stations?|by\s+rail)\b",
    re.IGNORECASE,
)
# a sentence that goes on with the leg a sentence of the sea ended with ("They are
# expected to arrive at Port Klang after 10 days"), when it names no railway
EN_GOES_ON = fold_compile(
    r"\s*(?:they|it|she|these|the\s+(?:ship|vessel|ferry|cargo|goods|containers?))\b",
    re.IGNORECASE,
)
# a clause ends at a comma, colon or dash, or before "then" ("went by train to Ust-Luga
# and were then shipped by sea", "а затем паромом", "a potem promem")
_CLAUSE_STOP = re.compile(
    r"[,;:–—]|\s(?=(?:and\s+(?:(?:were|was)\s+)?)?then\b|(?:а|и|і|a|i)\s+(?:затем|потом|"
    r"далее|дальше|потім|далі|потым|далей|potem|dalej|następnie)(?!\w)|(?:затем|потом|потім|"
    r"потым|następnie|potem)(?!\w))",
    re.IGNORECASE,
)


def _spans(starts_at: int, text: str, end: int, stop: re.Pattern[str]) -> list[tuple[int, int]]:
    """Split ``text[starts_at:end]`` at each match of ``stop`` (the stop kept before)."""
    spans, start = [], starts_at
    for m in stop.finditer(text, starts_at, end):
        spans.append((start, m.end()))
        start = m.end()
    if start < end:
        spans.append((start, end))
    return spans


def _hits(finders: Iterable[_Finder | None], text: str) -> list[tuple[int, int]]:
    return [m.span() for f in finders if f is not None for m in f.finditer(text)]


def without_sea_legs(
    text: str,
    sea: Iterable[_Finder | None],
    rail: _Finder | None,
    shipped: _Finder | None = None,
    port: _Finder | None = None,
    goes_on: _Matcher | None = None,
    onward: tuple[str, ...] | None = None,
) -> str:
    """Blank what tells of a leg by sea: the sentence, or in a railway sentence the clause.

    Parameters
    ----------
    text
        A report's text.
    sea
        Patterns of the words of the sea (a ship, a ferry, "by sea", "морем", "promem").
    rail
        Pattern of the words of the railway (train, rail, station, "поезд", "kolej");
        None: every sentence of the sea is blanked whole.
    shipped, port
        English "shipped" and "port": "shipped" is of the sea in a clause that names a
        port and no railway word, or in a sentence with a word of the sea.
    goes_on
        Matched at a sentence's start ("They", "It"): a sentence with no railway word
        after one whose last clause told of the sea goes on with that leg (blanked).
    onward
        Words of a leg on from the place before ("откуда", "с дальнейшей отправкой",
        the lexicon's ``sea_onward.from``): a clause with one is left to that reading.

    Returns
    -------
    str
        ``text`` with the words of those sentences and clauses replaced by spaces (same
        length, every offset as written; brackets, quotes and stops kept, so quotes and
        sentences stay as written); ``text`` itself when it tells of no sea.

    Examples
    --------
    >>> t = "The tanks arrived by rail at Ust-Luga, where they were loaded onto a ship."
    >>> without_sea_legs(t, [EN_SEA], EN_RAIL).split()
    ['The', 'tanks', 'arrived', 'by', 'rail', 'at', 'Ust-Luga,', '.']
    >>> without_sea_legs("A ferry took them from Baltiysk to Ust-Luga.", [EN_SEA], EN_RAIL).split()
    ['-', '.']
    """
    finders = list(sea)
    hits = _hits(finders, text)
    weak = [m.span() for m in shipped.finditer(text)] if shipped is not None else []
    if not hits and not weak:
        return text
    out = list(text)
    changed = sea_tail = False
    for start, end in _spans(0, text, len(text), STOP_OR_PARAGRAPH):
        strong = [h for h in hits if start <= h[0] < end]
        weak_here = [w for w in weak if start <= w[0] < end]
        sentence = text[start:end]
        if (
            sea_tail
            and goes_on is not None
            and goes_on.match(sentence) is not None
            and (rail is None or not _first(rail, sentence))
        ):
            strong.append((start, start))
        sea_tail = False
        if not strong and not weak_here:
            continue
        if any(not _in_brackets(text, start, h[0]) for h in strong) and (
            rail is None or not _rail_outside(sentence, rail, finders)
        ):
            out[start:end] = _blank(sentence)
            changed = sea_tail = True
            continue
        for c_start, c_end in _spans(start, text, end, _CLAUSE_STOP):
            clause = text[c_start:c_end]
            # an aside in brackets ("(a stevedore loading grain onto ships)") is left
            sea_here = any(
                c_start <= h[0] < c_end and not _in_brackets(text, start, h[0]) for h in strong
            )
            shipped_here = any(c_start <= w[0] < c_end for w in weak_here)
            sea_tail = sea_here or (
                shipped_here
                and (
                    bool(strong)
                    or (
                        port is not None
                        and _first(port, clause)
                        and (rail is None or not _first(rail, clause))
                    )
                )
            )
            if sea_tail and onward is not None and _has_any(clause, onward):
                # "через станцию Новороссийск, откуда ... морским путем": the lexicon's
                # sea_onward reading makes that station the train's end; left to it
                sea_tail = False
            if sea_tail:
                out[c_start:c_end] = _blank(clause)
                changed = True
    return "".join(out) if changed else text


_WORD_CHAR = re.compile(r"\w")


def _blank(text: str) -> list[str]:
    """Return ``text``'s characters with each letter and digit made a space."""
    return list(_WORD_CHAR.sub(" ", text))


# letters the lexicons write one way ("адпраўкай" is kept as "адпраукай")
_FOLD = str.maketrans({"ў": "у", "ё": "е", "’": "'", "ʼ": "'"})


def _has_any(text: str, words: tuple[str, ...]) -> bool:
    """Whether ``text`` holds one of ``words`` (lower-cased, ў read as у, ё as е)."""
    low = text.lower().translate(_FOLD)
    return any(w.translate(_FOLD) in low for w in words)


def _in_brackets(text: str, start: int, at: int) -> bool:
    """Whether ``at`` is inside brackets opened after ``start`` ("(... на суда)": an aside)."""
    part = text[start:at]
    return part.count("(") > part.count(")")


def _first(finder: _Finder, text: str) -> bool:
    return next(iter(finder.finditer(text)), None) is not None


def _rail_outside(sentence: str, rail: _Finder, sea: list[_Finder | None]) -> bool:
    """Whether ``sentence`` has a railway word outside its words of the sea."""
    inside = _hits(sea, sentence)
    return any(not any(a <= m.start() < b for a, b in inside) for m in rail.finditer(sentence))


def without_english_sea_legs(text: str) -> str:
    """:func:`without_sea_legs` with the English words.

    Parameters
    ----------
    text : str
        An English sentence or report.

    Returns
    -------
    str
        ``text`` with its sea and road legs blanked by spaces (same length, same
        offsets), so their ports and towns are not read as rail stations.

    Examples
    --------
    >>> t = "Initially shipped from Pusan Port to Vostochny Port, the boxes went by train."
    >>> without_english_sea_legs(t).split()
    [',', 'the', 'boxes', 'went', 'by', 'train.']
    >>> t = "It left Xiaonanya, halving the time from Chongqing to Vientiane by road."
    >>> without_english_sea_legs(t).split()
    ['It', 'left', 'Xiaonanya,', 'halving', 'the', 'time', '.']
    """
    text = without_sea_legs(text, [EN_SEA], EN_RAIL, EN_SHIPPED, _EN_PORT, EN_GOES_ON)
    return _EN_ROAD_LEG.sub(lambda m: " " * len(m[0]), text)


# a stretch by road: its ends, before or after the words of the road ("from Chongqing
# to Vientiane by road", "continued by truck to the range"), are no train's ends; the
# rest of the clause keeps its train ("arrived at Polonka and the tanks continued by
# road to the range")
# (a run of words within one leg: it never crosses "and" or the rail's words, so "by
# road from Nizhnekamsk and will be carried by rail to Vladivostok" keeps the rail leg)
_LEG_WORDS = r"(?:(?!\b(?:and|rail|railway|train)\b)[^,;.:()]){1,40}?"
_BY_ROAD = r"\bby\s+(?:road|trucks?|lorr(?:y|ies))\b"
# the road's start after it, up to where the clause goes on ("by road from Nizhnekamsk
# and will be carried by rail"): the lorries' origin, not the train's
_ROAD_FROM = rf"\s+from\s+{_LEG_WORDS}(?=\s+(?:and|to)\b|\s*[,;.:()]|\s*$)"
_EN_ROAD_LEG = re.compile(
    rf"(?:\bfrom\s+{_LEG_WORDS}\s+)?\bto\s+{_LEG_WORDS}\s+{_BY_ROAD}(?:{_ROAD_FROM})?"
    rf"|{_BY_ROAD}(?:{_ROAD_FROM})?\s+to\s+[^,;.:()]{{1,40}}"
    rf"|{_BY_ROAD}{_ROAD_FROM}",
    re.IGNORECASE,
)

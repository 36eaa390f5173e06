"""Language data for reading reports: one lexicon per language, loaded from YAML.

The words a report uses to name trains, cars, months, weekdays, numbers, the
prepositions that make a place an origin or a destination, the verbs that govern a
date, and the phrases of relative dates differ between languages; the way railtrack
assembles trains from them does not. Each language's words live in
``extract/lexicons/<lang>.yaml`` (sources and conventions in the README beside them)
and are compiled here into lookup tables over word tokens.

Conventions of the files: every form of a word is listed as written (all its case
forms); a phrase of several words is split into tokens the same way report text is;
an entry ending in ``*`` matches any word starting with it; *stems* (verbs, claims,
adjectives, off-topic words) match any word that starts with them.

Examples
--------
>>> ru = lexicon("ru")
>>> ru.months["марта"], ru.numbers["сорока"], ru.car_nouns["платформ"]
(3, 40, 'flat')
>>> [t.low for t in tokens("Эшелон из 48 вагонов — в Осиповичи-1.")]
['эшелон', 'из', '48', 'вагонов', '—', 'в', 'осиповичи-1', '.']
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache, partial
from importlib import resources
from typing import Any, NamedTuple, Protocol

import yaml

from railtrack.extract.sections import section_pattern

__all__ = [
    "LANGUAGES",
    "Lexicon",
    "PhraseTable",
    "Token",
    "all_month_forms",
    "every_language_stems",
    "first_span",
    "lexicon",
    "month_of",
    "tokens",
    "tokens_among",
    "trie_pattern",
]

LANGUAGES = ("en", "ru", "uk", "be", "pl")
"""The languages railtrack reads (ISO 639-1 codes)."""

_TOKEN_RE = re.compile(
    # words first: most tokens are words, and no other alternative starts with a letter
    # (the three of numbers start with a digit, punctuation with a non-word character),
    # so trying them first changes no token (tests/test_extract_fast_paths.py)
    r"[^\W\d_][^\W_]*(?:[-'’ʼ][^\W_]+)*"  # words, Ростов-на-Дону, Осиповичи-1, п'ять
    r"|\d{4}-\d{1,2}-\d{1,2}(?!\d)"  # ISO date
    r"|\d{1,2}[./]\d{1,2}(?:[./]\d{2,4})?(?![\d])"  # 05.03.2023, 05.03, 03/04/23
    r"|\d+(?:-[^\W\d_]+)?"  # 48, 48-вагонный
    r"|[^\w\s]"  # punctuation, one character a token
)
# ("ґ" as "г": the Belarusian classical orthography writes "ваґон", "ґенэрал" where the
# official one writes "г"; Ukrainian words of the lexicons do not turn on it)
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "`": "'", "ё": "е", "ў": "у", "ґ": "г"})


class Token(NamedTuple):
    """A word, number or punctuation mark; ``low`` is its normalised lower case.

    A named tuple: immutable like the frozen dataclass it was, and built several
    times faster (a report has hundreds of tokens).
    """

    start: int
    end: int
    text: str
    low: str


# Token((start, end, text, low)) without the Python-level __new__ of a named tuple
_new_token: Callable[[tuple[int, int, str, str]], Token] = partial(tuple.__new__, Token)
_NORM_PAIRS = (("’", "'"), ("ʼ", "'"), ("`", "'"), ("ё", "е"), ("ў", "у"), ("ґ", "г"))


def _norm(word: str) -> str:
    return word.lower().translate(_APOSTROPHES)


def _norm_text(text: str) -> str | None:
    """Return ``_norm`` of the whole text when it maps character to character, else None.

    Then ``_norm`` of a token is the same slice of the normalised text: one pass over a
    clause instead of one per token. ``str.lower`` maps a few characters to two ("İ")
    and reads "Σ" by its neighbours (final sigma): such texts are normalised per token.
    """
    low = text.lower()
    if len(low) != len(text) or "Σ" in text:
        return None
    for a, b in _NORM_PAIRS:
        if a in low:
            low = low.replace(a, b)
    return low


@lru_cache(maxsize=512)
def tokens(text: str) -> tuple[Token, ...]:
    """Split ``text`` into tokens with their offsets (cached: finders share them).

    ``ё`` is read as ``е``, Belarusian ``ў`` as ``у``, ``ґ`` as ``г`` (the classical
    orthography's "ваґон") and every apostrophe as ``'`` in ``low``; offsets always point
    into ``text`` as given.
    """
    low = _norm_text(text)
    if low is None:
        return tuple(Token(m.start(), m.end(), m[0], _norm(m[0])) for m in _TOKEN_RE.finditer(text))
    found = []
    for m in _TOKEN_RE.finditer(text):
        start, end = m.span()
        found.append(_new_token((start, end, m[0], low[start:end])))
    return tuple(found)


_PIECE_END = re.compile(r"[.!?;]\s|\n")


def tokens_among(text: str, words: frozenset[str]) -> list[Token]:
    """Return the tokens of ``text`` whose ``low`` is one of ``words``, as :func:`tokens`.

    The same tokens, offsets and order as ``[t for t in tokens(text) if t.low in
    words]``, without splitting the whole text: only its pieces (sentences, lines)
    whose normalised text holds one of ``words`` are split, and their offsets moved
    by the piece's start. A token never holds whitespace and each piece starts and
    ends at whitespace (or the text's ends), so a piece has the tokens the whole text
    has there. ``words`` are normalised lower case, as ``Token.low``.

    Examples
    --------
    >>> text = "Pociąg dotarł. Transport czołgów wyjechał ze Słonimia."
    >>> [(t.start, t.text) for t in tokens_among(text, frozenset({"transport"}))]
    [(15, 'Transport')]
    """
    found: list[Token] = []
    start = 0
    for end in [*(m.end() for m in _PIECE_END.finditer(text)), len(text)]:
        piece = text[start:end]
        low = _norm(piece)
        # ("Σ" lower-cases by its neighbours: a piece with one is always split)
        if "Σ" in piece or any(word in low for word in words):
            found.extend(
                _new_token((t.start + start, t.end + start, t.text, t.low))
                for t in tokens(piece)
                if t.low in words
            )
        start = end
    return found


class PhraseTable:
    """Phrases of one or more tokens, each with a value; longest match wins.

    Examples
    --------
    >>> table = PhraseTable({"в ночь": "night", "в": "into"})
    >>> table.match(tokens("в ночь на 5 марта"), 0)
    ('night', 2)
    """

    def __init__(self, entries: dict[str, Any]) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], Any]]] = {}
        self._prefixes: list[tuple[str, Any]] = []
        for phrase, value in entries.items():
            words = tuple(t.low for t in tokens(str(phrase).replace("*", "")))
            if not words:
                continue
            if str(phrase).endswith("*") and len(words) == 1:
                self._prefixes.append((words[0], value))
                continue
            self._by_first.setdefault(words[0], []).append((words, value))
        for options in self._by_first.values():
            options.sort(key=lambda item: -len(item[0]))
        self._prefixes.sort(key=lambda item: -len(item[0]))
        # the prefix entries by length, longest first: a word is looked up once per
        # length instead of tried against every prefix (the first entry of a prefix wins)
        by_length: dict[int, dict[str, Any]] = {}
        for prefix, value in self._prefixes:
            by_length.setdefault(len(prefix), {}).setdefault(prefix, value)
        self._prefix_lengths = tuple(sorted(by_length.items(), key=lambda item: -item[0]))

    def match(self, toks: tuple[Token, ...], i: int) -> tuple[Any, int] | None:
        """Return (value, index after the phrase) for the phrase starting at ``toks[i]``."""
        if i >= len(toks):
            return None
        low = toks[i].low
        options = self._by_first.get(low)
        if options is not None:
            size = len(toks)
            for words, value in options:
                n = len(words)
                if n == 1:
                    return value, i + 1
                if i + n <= size:
                    for k in range(1, n):  # a loop, not all(): called for every token
                        if toks[i + k].low != words[k]:
                            break
                    else:
                        return value, i + n
        for n, by_prefix in self._prefix_lengths:
            if low[:n] in by_prefix:
                return by_prefix[low[:n]], i + 1
        return None

    def __contains__(self, word: str) -> bool:
        return word in self._by_first

    @property
    def first_words(self) -> frozenset[str]:
        """The words a phrase of the table starts with (prefix entries aside)."""
        return frozenset(self._by_first)

    @property
    def prefixes(self) -> tuple[str, ...]:
        """The entries that match any word starting with them."""
        return tuple(p for p, _ in self._prefixes)


def _phrase_re(phrases: list[Any]) -> re.Pattern[str] | None:
    """Compile whole phrases, any case, matched at a word's start ("w soboty").

    >>> _phrase_re(["w soboty"]).match("W soboty i niedziele").group()
    'W soboty'
    >>> _phrase_re([]) is None
    True
    """
    words = sorted({str(p).lower() for p in phrases}, key=len, reverse=True)
    if not words:
        return None
    return re.compile(r"(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)", re.IGNORECASE)


def _stem_re(stems: list[str]) -> re.Pattern[str] | None:
    """Return a pattern matching text where a word starts with one of ``stems``.

    A stem ending in ``$`` matches only as a whole word.

    The stems are factored into a trie (:func:`trie_pattern`): the same matches as
    an alternation of the stems longest first, tried in a fraction of the time.
    """
    entries = {_norm(str(s)) for s in stems if str(s).strip()}
    # an entry ending in "$" is a whole word ("возможно$": not "возможность")
    words = sorted({e[:-1] for e in entries if e.endswith("$")}, key=len, reverse=True)
    parts = sorted({e for e in entries if not e.endswith("$")}, key=len, reverse=True)
    if not parts and not words:
        return None
    branches = [trie_pattern(parts, escape=_loose_char)] if parts else []
    if words:
        branches.append(rf"(?:{trie_pattern(words, escape=_loose_char)})(?![\w-])")
    return re.compile(rf"(?<![\w-])(?:{'|'.join(branches)})", re.IGNORECASE)


_LOOSE_CHARS = {"е": "[её]", "у": "[уў]", "г": "[гґ]", "'": "['’ʼ`]", " ": r"\s+"}


def _beside_re(table: dict[str, Any]) -> re.Pattern[str] | None:
    """Return a pattern for a ``words`` stem next to a ``nouns`` stem, in either order.

    ``table`` holds two lists of stems (as :func:`_stem_re`): ``words`` (an adjective or
    a genitive: "эвакуационн", "ewakuac", "evacuation") and ``nouns`` (what they
    qualify: "машин", "wozami", "vehicles"). The pair matches as written side by side,
    the word first ("эвакуационными тягачами", "evacuation vehicles") or the noun first
    ("wozami ewakuacyjnymi", "pojazdy ewakuacji"), with at most one word between
    ("evacuation armoured vehicles"). Returns None when either list is empty.

    Examples
    --------
    >>> pat = _beside_re({"words": ["эвакуационн"], "nouns": ["машин", "тягач"]})
    >>> bool(pat.search("с эвакуационными тягачами")), bool(pat.search("эвакуационный поезд"))
    (True, False)
    """
    words = _stem_re(list(table.get("words") or []))
    nouns = _stem_re(list(table.get("nouns") or []))
    if words is None or nouns is None:
        return None
    word, noun, gap = words.pattern, nouns.pattern, r"[\w-]*\s+(?:[\w-]+\s+)?"
    return re.compile(rf"{word}{gap}{noun}[\w-]*|{noun}{gap}{word}[\w-]*", re.IGNORECASE)


def _on_board_re(table: dict[str, Any]) -> re.Pattern[str] | None:
    """Return a pattern for people carried on a train: a ``with`` word, then people.

    ``table`` is a lexicon's ``people_on_board``: ``with`` holds the whole words that
    put people on a train ("with", "с", "z"), ``people`` the stems of the people as
    that word's object (in the Slavic languages the instrumental forms only: "с
    делегацией", "z delegacją", never "z pomocą prezydenta"); ``carrying`` the verbs
    that do ("carrying", "везущий", "wiozący") and ``carried`` their objects (the
    accusative; ``people`` when absent). Stems are as :func:`_stem_re` (a trailing
    ``$`` is a whole word). The people must be the object: at most three words
    stand between ("with a Russian-South Korean commission"), none of them one of
    ``not_between`` (prepositions: "with humanitarian aid from President Zelensky",
    "с техникой для министра обороны" carry a load, not the president).

    Returns None when the table names no ``with`` words or no people.
    """
    barred = _stem_re(table.get("not_between") or [])
    word = r"[\w'’.-]+\s+"
    if barred is not None:
        word = rf"(?!(?:{barred.pattern})(?![\w-])){word}"
    branches = []
    for verbs, objects in (
        (table.get("with"), table.get("people")),
        (table.get("carrying"), table.get("carried") or table.get("people")),
    ):
        lead, people = _stem_re(verbs or []), _stem_re(objects or [])
        if lead is not None and people is not None:
            branches.append(
                rf"(?:{lead.pattern})(?![\w-])\s+(?:{word}){{0,3}}?(?:{people.pattern})"
            )
    if not branches:
        return None
    return re.compile("|".join(f"(?:{b})" for b in branches), re.IGNORECASE)


def _not_military_re(table: dict[str, Any]) -> re.Pattern[str] | None:
    """Return a pattern for a retraction told by what the train turned out to be.

    ``table`` is a lexicon's ``not_military`` (trial18b T1). The report says its train
    was no military train, in any of three ways, one logic for every language:

    - ``turned_out`` then, at most three words on, a ``civilian`` word not followed by
      a ``military`` one ("оказался обычным грузовым поездом", "turned out to be an
      ordinary freight train"; not "turned out to carry tanks, not trucks": a
      correction of kinds);
    - ``negation`` right before a ``military`` word and, a word on at most, a ``train``
      noun, or before a ``train`` noun and a ``military`` word ("а не воинским
      эшелоном", "not a military echelon", "nie pociąg wojskowy"), or a ``military``
      word then a ``civilian`` one ("не воинский, а обычный грузовой");
    - a ``struck`` verb then, at most two words on, a ``tally`` ("Удаляем его из
      сводки", "we remove it from the tally").

    Stems are as :func:`_stem_re`. Returns None when the table names none of the three.

    Examples
    --------
    >>> table = {"turned_out": ["turned out to be$"], "civilian": ["ordinary"],
    ...          "military": ["military"], "negation": ["not a$"], "train": ["train$"]}
    >>> found = _not_military_re(table)
    >>> found.search("It turned out to be an ordinary freight train.").group()
    'turned out to be an ordinary'
    >>> found.search("It turned out to be an ordinary military train.") is None
    True
    >>> found.search("It was not a military train.").group()
    'not a military train'
    """
    part = {
        key: _stem_re(table.get(key) or [])
        for key in ("turned_out", "civilian", "negation", "military", "train", "struck", "tally")
    }
    pat = {key: None if found is None else found.pattern for key, found in part.items()}
    word = r"[\w'’.-]+,?\s+"
    branches = []
    if pat["turned_out"] and pat["civilian"]:
        not_after = rf"(?!\w*\s+(?:{pat['military']}))" if pat["military"] else ""
        branches.append(
            rf"(?:{pat['turned_out']})(?![\w-])\s+(?:{word}){{0,3}}?(?:{pat['civilian']})"
            + not_after
        )
    if pat["negation"] and pat["military"]:
        neg, mil = rf"(?:{pat['negation']})(?![\w-])\s+", f"(?:{pat['military']})"
        if pat["train"]:
            branches.append(rf"{neg}{mil}[\w-]*\s+(?:{word})?(?:{pat['train']})")
            branches.append(rf"{neg}(?:{pat['train']})[\w-]*\s+{mil}")
        if pat["civilian"]:
            branches.append(rf"{neg}{mil}[\w-]*,?\s+(?:{word}){{0,2}}?(?:{pat['civilian']})")
    if pat["struck"] and pat["tally"]:
        branches.append(rf"(?:{pat['struck']})[\w-]*\s+(?:{word}){{0,2}}?(?:{pat['tally']})")
    if not branches:
        return None
    return re.compile("|".join(f"(?:{b})" for b in branches), re.IGNORECASE)


class _Searcher(Protocol):
    def search(self, text: str) -> re.Match[str] | None: ...


def first_span(text: str, *patterns: _Searcher | None) -> tuple[int, int] | None:
    """Return the span of the earliest match in ``text`` of any of ``patterns``.

    Parameters
    ----------
    text : str
        A report or a clause.
    *patterns
        Compiled (or folded) patterns; None stands for a pattern a lexicon lacks.

    Returns
    -------
    tuple of (int, int) or None
        Start and end offsets of the match that starts first (the longer on a tie),
        None when no pattern matches.

    Examples
    --------
    >>> first_span("a fake train", re.compile("train"), None, re.compile("fake"))
    (2, 6)
    """
    spans = [m.span() for p in patterns if p is not None and (m := p.search(text)) is not None]
    return min(spans, key=lambda span: (span[0], -span[1])) if spans else None


def _loose_char(ch: str) -> str:
    """Return a pattern for one character of a normalised stem (see :func:`_loose`)."""
    return _LOOSE_CHARS.get(ch) or re.escape(ch)


def _loose(stem: str) -> str:
    """Return a pattern for a normalised stem that also matches the text as written.

    Words are normalised with "ё" as "е", "ў" as "у", "ґ" as "г" and one apostrophe;
    the text a pattern searches is not, so those letters match either way.
    """
    pattern = re.escape(stem).replace(r"\ ", r"\s+")
    pattern = pattern.replace("е", "[её]").replace("у", "[уў]").replace("г", "[гґ]")
    return pattern.replace("'", "['’ʼ`]")


def _forms(data: dict[Any, list[str]]) -> dict[str, Any]:
    """Invert ``{value: [form, ...]}`` into ``{form: value}``."""
    return {_norm(str(form)): key for key, forms in (data or {}).items() for form in forms}


@dataclass(frozen=True)
class Lexicon:
    """The compiled words of one language (see the module docstring)."""

    lang: str
    name: str
    script: str
    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, int] = field(default_factory=dict)
    dozen: frozenset[str] = frozenset()
    # "полсотни", "десяток": a round number on its own, always an estimate
    collective: dict[str, int] = field(default_factory=dict)
    # "два десятка", "двох десятків": the number before times this (an estimate)
    multipliers: dict[str, int] = field(default_factory=dict)
    train_nouns: dict[str, str] = field(default_factory=dict)  # form -> "sg" | "pl"
    # forms both singular and plural ("поезда": gen. sg. and nom. pl.), and the endings of
    # a singular word before one that make it singular ("первого поезда")
    train_nouns_both: frozenset[str] = frozenset()
    singular_before: tuple[str, ...] = ()
    car_nouns: dict[str, str] = field(default_factory=dict)  # form -> CarCounts field
    car_adjectives: tuple[tuple[str, str], ...] = ()  # (stem, kind), longest first
    # words before a count -> "approx" ("около", "ok.": an estimate) or "at_least" ("не
    # менее", "co najmniej": a lower bound); both are read in front of a number
    approx: PhraseTable = field(default_factory=lambda: PhraseTable({}))
    # words of an estimate, not a bound ("blisko", "около"): a count of trains after one
    # with no verb of movement is a plan's or a period's total
    about: PhraseTable = field(default_factory=lambda: PhraseTable({}))
    # round numbers that are estimates ("pół setki" -> 50): value read, flagged estimated
    approx_numbers: PhraseTable = field(default_factory=lambda: PhraseTable({}))
    place_cues: PhraseTable = field(default_factory=lambda: PhraseTable({}))
    # the last word of each place label ("направление", "назначения", "kierunek")
    label_words: frozenset[str] = frozenset()
    # a hedge between a destination cue and its place ("His destination is tentatively
    # Slutsk", "Станция назначения — предположительно Слуцк"): the place is still the
    # destination, an expected one (issue 13, session 18)
    destination_hedges: tuple[str, ...] = ()
    # English "the territory of" before a country after a verb of arriving or entering
    # ("arrived on the territory of Russia"; the lexicon languages' place cues hold
    # "на территорию" as a whole)
    territory_of: tuple[str, ...] = ()
    # English verbs before ``territory_of``: of arriving (the country is the end), of
    # entering (a place passed) (review18 #15)
    territory_arrival: tuple[str, ...] = ()
    territory_entry: tuple[str, ...] = ()
    # the last word of each route cue ("маршруту", "trasie"): a route list of places
    # joined by dashes may follow it ("по маршруту Сиань – Алтынколь – Тегеран")
    route_words: tuple[str, ...] = ()
    # the last word of each route label ("маршрут", "trasa", "route"): before a colon it
    # gives the route of the train told, a list of places joined by dashes ("Маршрут:
    # Орша — Смоленськ — Брянськ"), in a sentence of its own; the words are route words
    route_labels: frozenset[str] = frozenset()
    place_kinds: PhraseTable = field(default_factory=lambda: PhraseTable({}))
    broad_stems: tuple[str, ...] = ()
    locative_endings: tuple[str, ...] = ()
    # endings that look locative but are a plural town's accusative ("у Баранавічы")
    plural_town_endings: tuple[str, ...] = ()
    verbs: re.Pattern[str] | None = None
    forward: re.Pattern[str] | None = None
    markers: PhraseTable = field(default_factory=lambda: PhraseTable({}))
    # what counts a group ("оба", "всего", "в этих эшелонах"): the ``both`` words, the
    # ``totals`` and the lexicon's own ``group_refs``
    group_refs: PhraseTable = field(default_factory=lambda: PhraseTable({}))
    # the words of a total ("всего", "łącznie", "in total"): a count after one is a group's
    totals: tuple[str, ...] = ()
    group_lead: frozenset[str] = frozenset()
    # words right before or after a count of trains that make them further trains of the
    # run a train told before began ("ще три потяги", "ещё три поезда", "three more
    # trains"): not that train's group, and going where it went unless told otherwise
    more_trains: frozenset[str] = frozenset()
    # route words that are a train when a count of cars follows ("угольный маршрут из
    # 64 полувагонов"), each with the train noun of its case it reads as
    count_train_nouns: dict[str, str] = field(default_factory=dict)
    # "ещё один", "another one" after a comma with a count of cars: a further train
    one_more_train: PhraseTable | None = None
    one_more_firsts: frozenset[str] = frozenset()  # their first words ("ещё", "another")
    each: frozenset[str] = frozenset()
    planned: re.Pattern[str] | None = None
    expected: re.Pattern[str] | None = None
    # words of expecting that describe a train ("ожидаемый эшелон"): not the claim
    attributive: re.Pattern[str] | None = None
    off_topic: re.Pattern[str] | None = None
    military: re.Pattern[str] | None = None
    relative: PhraseTable = field(default_factory=lambda: PhraseTable({}))
    weekday_mods: PhraseTable = field(default_factory=lambda: PhraseTable({}))
    qualifiers: PhraseTable = field(default_factory=lambda: PhraseTable({}))
    ranges: frozenset[str] = frozenset()
    range_start: frozenset[str] = frozenset()
    # a count range: its opening words, the words joining its numbers, and the openers
    # after which the list words of ``ranges`` join them ("между 30 и 40 вагонов")
    count_range_from: frozenset[str] = frozenset()
    count_range_to: frozenset[str] = frozenset()
    count_range_between: frozenset[str] = frozenset()
    pieces: frozenset[str] = frozenset()  # "(8 шт.)" after a car noun: 8 of them
    # "of" between a count's bound and its number ("почти из 50"): the bound is the count's
    bound_of: frozenset[str] = frozenset()
    # "each" before a number ("по 40 вагонов", "po 40"): so many for each train
    each_before_number: frozenset[str] = frozenset()
    # words joining the items of a list ("а", "і", "a"): an ordinal after one opens a train
    list_joins: frozenset[str] = frozenset()
    running_count: frozenset[str] = frozenset()  # "уже" before "третий эшелон"
    # words after a number that make it a lower bound ("40 с лишним", "40 z okładem")
    at_least_after: PhraseTable = field(default_factory=lambda: PhraseTable({}))
    batches: frozenset[str] = frozenset()  # "grupy 6-10 wagonów": a group's size
    month_parts: PhraseTable = field(default_factory=lambda: PhraseTable({}))
    month_prep: PhraseTable = field(default_factory=lambda: PhraseTable({}))
    night_prefix: PhraseTable = field(default_factory=lambda: PhraseTable({}))
    night_from: frozenset[str] = frozenset()
    night_to: frozenset[str] = frozenset()
    year_words: PhraseTable = field(default_factory=lambda: PhraseTable({}))
    whole_train: PhraseTable = field(default_factory=lambda: PhraseTable({}))
    region_words: frozenset[str] = frozenset()
    # words opening a relative clause (", which are likely intended for ...,"): a
    # hedge inside one is about the load, not the train's claim
    relative_pronouns: frozenset[str] = frozenset()
    report_that: frozenset[str] = frozenset()  # "что" after "сообщил": the told clause
    # words opening a live blog entry's own stamp ("Updated 3 March 2023, 10:15")
    entry_stamps: frozenset[str] = frozenset()
    # endings of a state's adjectives ("народной") and of a day as an ordinal ("15-го")
    state_adjective_endings: tuple[str, ...] = ()
    ordinal_day_endings: tuple[str, ...] = ()
    # the words before a clock time in a stamp line ("at", "в", "o godz.")
    clock_prepositions: tuple[str, ...] = ()
    # words telling the way a train was seen going ("towards", "в направлении"): a
    # country after one is a heading, a shipment's destination (extract/headings.py)
    headings: tuple[str, ...] = ()
    # "both" words ("оба", "абодва", "obydwa", "both"): before a train noun with no
    # train told before, a pair of trains (extract/pairs.py)
    both: tuple[str, ...] = ()
    # the heading words that tell only a direction ("towards", "в направлении", "w
    # kierunku"): the place after one is no end the train is told to reach; the
    # ``headings`` less the lexicon's ``heading_ends`` ("heading to", "zmierza do"), which
    # name one (extract/headings.py told_as_direction)
    directions: tuple[str, ...] = ()
    # phrases telling a train already told ("о котором мы писали", "o którym
    # pisaliśmy", "we reported earlier"; a relative clause of a past arrival "що
    # прибув до"): the report follows an earlier one up (extract/toldbefore.py)
    told_before: tuple[str, ...] = ()
    # a relative clause of a past move opening on the sentence's first train ("Эшелон,
    # который прибыл в ...", "Ешелон, що прибув до ..."): a train already told
    told_before_clauses: tuple[str, ...] = ()
    # verbs of carrying before "by rail" ("shipped by rail", "will head by rail to"): the
    # rail move is a train, as "by train" (English: extract/cues.py)
    by_rail_verbs: tuple[str, ...] = ()
    # endings of verbal nouns ("dostarczenie", "przybycie"): named, not done
    verbal_noun_endings: tuple[str, ...] = ()
    # a negation right before a verb ("не", "nie", "never"; "-n't" ends a word)
    negations: tuple[str, ...] = ()
    # endings of a verb's last word told as past (Slavic; English cues carry the tense)
    past_endings: tuple[str, ...] = ()
    # English: words before a negation that make it deny a past arrival ("did", "has")
    past_denial: tuple[str, ...] = ()
    # words telling a plan or a need ahead ("will", "are planned", "будут", "będą"):
    # trains counted under them alone, with no day or station, are a plan, not trains
    plan_words: tuple[str, ...] = ()
    not_places: re.Pattern[str] | None = None
    accident: re.Pattern[str] | None = None
    service: re.Pattern[str] | None = None  # "pasażerów", "uchodźców": people, not a shipment
    # an evacuation word beside a vehicle noun ("ремонтно-эвакуационные машины", "wozy
    # ewakuacyjne"): recovery equipment on the train, not people evacuated (_beside_re)
    service_vehicles: re.Pattern[str] | None = None
    returns: re.Pattern[str] | None = None  # "вернулся": the train goes back (a new trip)
    loading: re.Pattern[str] | None = None  # "загружают": the station is the origin
    unloading: re.Pattern[str] | None = None  # "разгружают": the station is the destination
    final_stop: re.Pattern[str] | None = None  # "конечный пункт": the destination over others
    # "появился эшелон", "pojawił się pociąg": an arrival, in a clause that names a train
    appear: re.Pattern[str] | None = None
    after_words: frozenset[str] = frozenset()  # "через", "праз", "po": a time after a date
    # "в течение", "протягом", "на працягу", "w ciągu": a time up to which a trip takes
    within_words: frozenset[str] = frozenset()
    day_units: frozenset[str] = frozenset()  # "дней", "суток", "діб", "dni"
    week_units: frozenset[str] = frozenset()  # "неделю", "тиждень", "тыдзень": seven days
    ago: frozenset[str] = frozenset()  # "назад", "тому": "два дня назад" = 2 days before
    # a day counted back from the day told just before (trial17 T3b): "<before> <number>
    # <days> <after>" ("двумя днями ранее", "за два дні до того", "dwa dni wcześniej"),
    # and the day before it with no number ("накануне", "dzień wcześniej")
    earlier_before: frozenset[str] = frozenset()
    earlier_days: frozenset[str] = frozenset()
    earlier_after: PhraseTable = field(default_factory=lambda: PhraseTable({}))
    earlier_day: PhraseTable = field(default_factory=lambda: PhraseTable({}))
    earlier_phrases: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())  # (after, day) as written
    period: re.Pattern[str] | None = None  # "в течение недели": trains counted, a statistic
    # "за неделю", "w ciągu ostatniego tygodnia": a past span; trains counted over it
    # with no station and none described are a tally
    past_span: re.Pattern[str] | None = None
    # a channel's digest of a week or a period ("Итоги недели", "Podsumowanie tygodnia"):
    # trains it counts are a tally whatever it says of their cars
    digest: re.Pattern[str] | None = None
    # trains counted over one week ("за неделю", "w ciągu jednego tygodnia"), or an
    # earlier count recalled ("Напомним", "Przypomnijmy"): a tally whatever the places
    week_count: re.Pattern[str] | None = None
    recall: re.Pattern[str] | None = None
    # a past week or month named from the report's day ("на прошлой неделе", "last
    # week"): trains counted over it with no station are a recap, a tally
    recap_span: re.Pattern[str] | None = None
    # a digest's heading over the day before the post ("за суткі", "w ciągu doby")
    past_day: re.Pattern[str] | None = None
    # a digest's heading over the post's own day, with no date ("Итоги дня:",
    # "Podsumowanie dnia:"): its trains are dated by the post's day
    day_digest: re.Pattern[str] | None = None
    # a total line under a day's lines ("Всего за день 4 эшелона, 153 вагона", "Łącznie"):
    # with trains told above it, a tally of them, never new trains
    day_total: re.Pattern[str] | None = None
    # "Раней", "Earlier" opening a clause: an arrival told there is the leg before
    earlier_leg: re.Pattern[str] | None = None
    # "ён", "it": a pronoun for the train told before; "делегацыя", "minister": a
    # subject that is no train (a sentence naming one speaks of something else)
    train_pronouns: re.Pattern[str] | None = None
    # "passed", "проследовал", "przez": the word before a colon opening a list of places
    list_colon_words: tuple[str, ...] = ()
    # "it is expected that", "it is reported": a dummy subject, no pronoun for the train
    dummy_subjects: re.Pattern[str] | None = None
    other_movers: re.Pattern[str] | None = None
    # "the train carrying North Korean leader Kim", "поезд с делегацией": a train of
    # people on an official trip (a leader, a delegation, a commission), no shipment
    # (extract/onboard.py; issue 13, session 18)
    people_on_board: re.Pattern[str] | None = None
    # most words from the train noun to the ``with`` word, the noun included (the
    # table's ``noun_reach``; review18 #15)
    people_on_board_reach: int = 3
    # most characters before a region's name in which a station word ("станция", "station")
    # makes a lone train's region its station's (``station_word_reach``; review19 #11)
    station_word_reach: int = 60
    # stems of the words for a station, the stop or its building ("станция", "вокзал",
    # "dworzec", "station"): one between a cue and a place names a station there
    station_words: re.Pattern[str] | None = None
    # most words between the travel-time words and their number ("время в пути около 7
    # дней": one word; ``trip_length_reach``; review19 #11)
    trip_length_reach: int = 3
    # "Поправка:", "Sprostowanie:", "Correction:": a later statement corrects a fact
    correction: re.Pattern[str] | None = None
    # how a corrected count is put: "не {old}, а {new}" ({old}/{new} are numbers)
    correction_swap: tuple[str, ...] = ()
    # years back from the report ("dwa lata temu", "пять лет назад"): history told
    years_ago: re.Pattern[str] | None = None
    # the words naming how long the trip takes ("journey time", "время в пути"); a
    # number of days or weeks follows them
    trip_length: re.Pattern[str] | None = None
    # "Читайте также:", "Czytaj także:", "Read also:": a line opening with one links to
    # another article (its headline), not part of the report (extract/related.py)
    related_links: re.Pattern[str] | None = None
    generic: re.Pattern[str] | None = None  # "zwykłe pociągi": trains in general, compared
    hypothetical: re.Pattern[str] | None = None  # "gdyby": what would have been, not what was
    # "a najpóźniej": the date after it is the latest bound of the date before
    latest_bound: re.Pattern[str] | None = None
    denial: re.Pattern[str] | None = None  # "це фейк": the report debunks the train it tells of
    # "оказался обычным грузовым поездом", "not a military echelon": a retraction
    # told by what the train turned out to be (trial18b T1; :func:`_not_military_re`)
    not_military: re.Pattern[str] | None = None
    # its ``civilian`` words alone: what the train turned out to be, no fact of it
    civilian: re.Pattern[str] | None = None
    timetable: re.Pattern[str] | None = None  # "пассажирский поезд", "с задержкой": a service
    # a service named by its route or number ("поезд Москва — Минск", "поезд № 95"):
    # the nouns, the words between noun and route, the marks of a number (extract/services.py)
    service_trains: tuple[str, ...] = ()
    service_links: tuple[str, ...] = ()
    service_numbers: tuple[str, ...] = ()
    # the route told before the noun ("the Kyiv-Przemyśl train"); not in the Slavic
    # languages, where "на станцию Калининград-Сортировочный поезд прибыл" names a station
    service_route_first: bool = False
    # verbs of seeing and passing not marked for tense ("was spotted", "passed"): a
    # passage with no day is told as done without a tense test (English; review17 #5)
    seeing_verbs_unmarked_for_tense: bool = False
    exhibition: re.Pattern[str] | None = None  # "ретропоезд", "выставочный": a museum train
    retro_stock: re.Pattern[str] | None = None  # "паровоз", "теплушка": a show train's stock
    shown: re.Pattern[str] | None = None  # "зрителям продемонстрируют": a train shown
    by_train: frozenset[str] = frozenset()  # "поездом": a train as the means of a habit
    from_giver: frozenset[str] = frozenset()  # "od": from a giver, before a country
    # "проследовал", "проїхав", "прайшоў": a neutral verb of a train on its way (not of
    # one seen): with an origin and no place passed, its day is the departure's
    passage: re.Pattern[str] | None = None
    first_ordinals: frozenset[str] = frozenset()  # "первый": no new train after the first
    # "третий" -> 3: the ordinals after "first" by their number
    ordinal_values: dict[str, int] = field(default_factory=dict)
    freight: re.Pattern[str] | None = None  # "контейнерный": a freight train on its schedule
    sea_from: frozenset[str] = frozenset()  # "откуда": a leg on from the place before
    sea_by: re.Pattern[str] | None = None  # "морским путем": that leg goes by sea
    leg_on_relative: frozenset[str] = frozenset()  # ", откуда": from the place just named
    leg_on_demonstrative: frozenset[str] = frozenset()  # "Оттуда": from the place told
    passenger: re.Pattern[str] | None = None  # "пассажир": a passenger service
    # a show named as a military train's purpose or end ("на выставку", "с выставки")
    show_prepositions: frozenset[str] = frozenset()
    show_with: frozenset[str] = frozenset()  # "с": "with" (the show carried) + instrumental
    show_with_endings: tuple[str, ...] = ()  # instrumental endings after such a cue
    show_on_wheels: re.Pattern[str] | None = None  # "передвижная": the show is the train
    heard: re.Pattern[str] | None = None  # "слышали шум поездов": trains heard, not seen
    # words before a time of day ("o godzinie 15.12", "о 15.12"): "15.12" after one is
    # a clock time, not the 15th of December
    clock: frozenset[str] = frozenset()
    # a part of the day told with no day ("вечером", "увечары", "wieczorem"): of a
    # same-day post's own day, as a clock time is (trial14 S5)
    part_of_day: frozenset[str] = frozenset()
    # stems of another mode of transport ("transporty morskie", "transport drogowy"): a
    # train noun beside one names a ship's or a road column's load, not a train
    other_modes: re.Pattern[str] | None = None
    # "личный состав", "особовим складом": a train noun beside it names people, no train
    personnel: re.Pattern[str] | None = None
    # verbs of sailing or flying ("przypłynął", "приплыл"): the load of a sentence with
    # one went by sea or air, so a train noun that names any mode's load there is none
    other_mode_verbs: re.Pattern[str] | None = None
    # a sea port by case ("do portu w Szczecinie"): in a report with no word of the
    # railway, a load of any mode that arrives at one came by sea
    ports: re.Pattern[str] | None = None
    # train nouns that name any mode's load ("transport"): a train only in a sentence
    # with no verb of sailing or flying, in a report that speaks of the railway
    any_mode_nouns: frozenset[str] = frozenset()
    # nouns of a delivery or a batch ("dostawa", "partia"): in a report with no word of
    # the railway they are never a train, even when they move ("Do Braniewa trafiła
    # cała dostawa" of tanks); a "transport" that moves there may still be one
    delivery_nouns: frozenset[str] = frozenset()
    # a section of line named by its ends ("linii 179 od stacji Kosztowy do Lędzin", "на
    # участке Орша — Смоленск"): where the line runs, no train's ends (sections.py)
    line_sections: re.Pattern[str] | None = None
    # weekdays told as a habit ("w soboty i niedziele", "по субботам", "щосуботи"):
    # every such day, never the day of a train
    habitual_days: re.Pattern[str] | None = None
    # stems of the railway's words ("pociąg", "wagon", "stacja", "kolej"): a report with
    # none of them tells of no train, whatever its "transport" moved
    rail_words: re.Pattern[str] | None = None
    # idioms that look like the railway's words ("wchodzić w skład": to be part of)
    not_rail: re.Pattern[str] | None = None
    # phrases holding a word of doubt that doubt nothing ("nie byłoby to możliwe bez ...":
    # thanks, not a guess): read past when the claim is asked
    not_hedge: re.Pattern[str] | None = None
    # "точно по графику прибыл": a schedule word beside a past verb of motion says how it
    # went, not a plan ("по графику", "за графіком", "па графіку", "zgodnie z rozkładem")
    on_schedule: re.Pattern[str] | None = None
    # what cannot be ruled out ("nie można wykluczyć", "не исключено"): a doubt, not a plan
    doubt: re.Pattern[str] | None = None
    # "koordynowany przez LTG Cargo": a cue after a passive participle (``agent_endings``)
    # names the agent, no place passed
    agent_cues: frozenset[str] = frozenset()
    agent_endings: tuple[str, ...] = ()
    agent_way: tuple[str, ...] = ()  # "wysłany przez Terespol": the way, not the agent
    # verbs of an activity taking place ("transport ma się odbywać", "odbędzie się"):
    # a noun of any mode's load beside one names the activity, not a train
    activity_verbs: re.Pattern[str] | None = None
    # a train standing ("stoi", "стоит"): after an incident, the train it befell
    standing: re.Pattern[str] | None = None
    # a train standing now ("он уже вторые сутки стоит на станции Лунинец", "stoi na
    # stacji"): where it stands is where it was last seen, on the report's day
    stands_now: re.Pattern[str] | None = None
    # "od rana rozładowywany jest pociąg": unloaded now, at the place told (trial15 S6)
    unloading_now: re.Pattern[str] | None = None
    # "идёт погрузка эшелона": loaded now, at its origin, no departure yet (trial19b T4)
    loading_now: re.Pattern[str] | None = None
    # "until now" ("do dziś", "до сих пор", "to this day"): the report's day as the
    # bound of what is told, never the day of an event (trial14 T5, extract/untilnow.py)
    until_now: re.Pattern[str] | None = None
    # the words before the place a retraction names its train by ("Уточнение по
    # Слуцку", "эшелон в Слуцке", "pociąg w Słucku"; trial19b T3): the train retracted
    # was there, when the retraction tells it no other way (extract/retractions.py)
    retraction_place: re.Pattern[str] | None = None
    # words of hearsay ("allegedly", "reportedly", "якобы", "нібито", "по слухам",
    # "rzekomo"): the fact is kept, told at second hand; its train's confidence is lowered
    # (issue 13, session 17; extract/hearsay.py)
    hearsay: re.Pattern[str] | None = None
    # words naming the source a report tells its news from ("according to", "по данным",
    # "за даними", "паводле", "według"), before the source's name: the train's reporter
    # is that source when it is a known outlet (trial17 T8; extract/attribution.py)
    attribution: re.Pattern[str] | None = None
    # verbs of reporting after the source's name ("Belarusian Hajun reported", "the
    # Hajun monitoring group said", "Гаюн сообщил", "Hajun podał"): the same credit as
    # ``attribution`` (trial18 T8; extract/attribution.py)
    attribution_after: re.Pattern[str] | None = None
    # a photo or video named ("Zdjęcie", "Фота", "Photo of"): a caption that only names
    # a photo of a train tells no movement (trial14 T7, extract/captions.py)
    photo_nouns: re.Pattern[str] | None = None
    # verbs of entering ("въехал", "wjechał"): into a country or region, a border
    # crossed on the way, no arrival (trial12 T6)
    entry_verbs: re.Pattern[str] | None = None
    # a blast ("взрыв", "вибух"): with ``accident``, an incident at the line or a train
    blast: re.Pattern[str] | None = None
    # "just then" ("как раз", "саме"): after an incident, the train it befell
    at_that_moment: re.Pattern[str] | None = None
    # "the same day" ("того ж дня", "tego samego dnia"): the day of the date told last
    same_day: re.Pattern[str] | None = None
    road: re.Pattern[str] | None = None  # "колонна грузовиков": a road convoy, not a train
    road_batch: re.Pattern[str] | None = None  # "партия автобусов": a batch, by road
    preparation: re.Pattern[str] | None = None  # "учения", "подготовлено": no train moving
    reporting: re.Pattern[str] | None = None  # "сообщила": a date of the announcement
    # "опубликовано", "opublikowane": a date right after it is the publication's
    published: re.Pattern[str] | None = None
    place_heads: PhraseTable = field(default_factory=lambda: PhraseTable({}))  # "в столицу"
    uncouple: re.Pattern[str] | None = None  # "отцепили": part of a train sent on its own
    onward: PhraseTable = field(default_factory=lambda: PhraseTable({}))
    same_route: PhraseTable = field(default_factory=lambda: PhraseTable({}))
    same_place: PhraseTable = field(default_factory=lambda: PhraseTable({}))  # -> role
    # "со станции" under a station heading: that station, the role's end (trial18b T5)
    heading_station: PhraseTable = field(default_factory=lambda: PhraseTable({}))  # -> role
    alternatives: frozenset[str] = frozenset()
    # a modal before an infinitive ("ma przyjechać", "должен прибыть"): a plan (trial15 T3)
    modals: frozenset[str] = frozenset()
    infinitive_endings: tuple[str, ...] = ()
    group_pronouns: frozenset[str] = frozenset()  # "они", "іх", "ich": the trains told, all
    with_cues: frozenset[str] = frozenset()  # "z"/"с": "from" + gen., "with" + ins.
    with_endings: tuple[str, ...] = ()  # endings after which such a cue means "with"
    month_forms: tuple[str, ...] = ()  # as written in the file (with ё, ў)
    # "железной дороги", "залізниці": a railway named after a station ("Столбовая
    # Московской железной дороги"): the word before is the railway's, not the station's
    railway_words: frozenset[str] = frozenset()
    # a port named by its town's adjective ("Маріупольського порту", "Клайпедского порта",
    # "Клайпедскага порта"): the noun after the adjective is part of the place's name
    port_nouns: frozenset[str] = frozenset()
    schedule: re.Pattern[str] | None = None  # "расписание": a schedule among the timetable cues


def _table(data: dict[str, list[str]] | None) -> PhraseTable:
    return PhraseTable(_forms(data or {}))


def _directions(data: dict[str, Any]) -> tuple[str, ...]:
    """Return a lexicon's heading words that tell only a direction, in their order.

    The ``headings`` less the ``heading_ends`` (words that name an end: "heading to").
    """
    ends = {str(w).lower() for w in data.get("heading_ends") or []}
    return tuple(w for w in (str(w).lower() for w in data.get("headings") or []) if w not in ends)


def _flat(values: list[str] | None, value: Any = True) -> PhraseTable:
    return PhraseTable({str(v): value for v in values or []})


def _verbs(data: dict[str, list[str]]) -> re.Pattern[str] | None:
    groups = []
    for role, key in (("departure", "dep"), ("arrival", "arr"), ("neutral", "neutral")):
        entries = {_norm(s) for s in data.get(role) or []}
        # a stem ending in "$" is a whole word ("відбув$": not "відбувається")
        words = sorted({e[:-1] for e in entries if e.endswith("$")}, key=len, reverse=True)
        stems = sorted({e for e in entries if not e.endswith("$")}, key=len, reverse=True)
        branches = []
        if stems:
            body = trie_pattern(stems, escape=_loose_char)  # see _stem_re
            branches.append(rf"(?:{body})[\w'-]*")
        if words:
            body = trie_pattern(words, escape=_loose_char)
            branches.append(rf"(?:{body})(?![\w'-])")
        if branches:
            groups.append(rf"(?P<{key}>{'|'.join(branches)})")
    if not groups:
        return None
    # words that start as a stem but are no verb ("направлении" after "направлен": the
    # direction of "в направлении Гомеля", as "в сторону" is): never a verb cue (trial13 T7)
    nouns = sorted({_norm(s) for s in data.get("not") or []}, key=len, reverse=True)
    skip = rf"(?!(?:{trie_pattern(nouns, escape=_loose_char)}))" if nouns else ""
    return re.compile(rf"(?<![\w-]){skip}(?:{'|'.join(groups)})", re.IGNORECASE)


# the marks after a label that names a place ("Направление — Валуйки", "Kierunek: Wałujki")
_LABEL_MARKS = (":", "—", "–", "-")


def _place_cue_entries(cues: dict[str, Any], hedges: tuple[str, ...] = ()) -> dict[str, str]:
    """Return the place cue phrases with their roles.

    A ``label`` ("направление", "пункт назначения", "kierunek") is a destination cue
    when a colon or dash follows it: "Направление — Валуйки" names the end as
    "Destination: Valuyki" does in English.
    """
    entries = {str(f): role for role, forms in cues.items() if role != "label" for f in forms or []}
    for label in cues.get("label") or []:
        for mark in _LABEL_MARKS:
            entries.setdefault(f"{label} {mark}", "destination")
    # a hedge after a destination cue ("пункт назначения — предположительно Слуцк",
    # "stacją docelową jest prawdopodobnie Słuck"): still the destination
    ends = [phrase for phrase, role in entries.items() if role == "destination"]
    for phrase in ends:
        for hedge in hedges:
            entries.setdefault(f"{phrase} {hedge}", "destination")
    return entries


def _build(data: dict[str, Any]) -> Lexicon:
    cues = data.get("place_cues") or {}
    kinds: dict[str, tuple[str, str]] = {}
    for kind, cases in (data.get("place_kinds") or {}).items():
        for case, forms in cases.items():
            for form in forms:
                # a form shared by two cases ("станции": gen and loc) keeps the first
                kinds.setdefault(str(form), (kind, case))
    adjectives = [
        (_norm(stem), kind)
        for kind, stems in (data.get("car_adjectives") or {}).items()
        for stem in stems
    ]
    relative = {
        str(form): canonical
        for canonical, forms in (data.get("relative") or {}).items()
        for form in forms
    }
    # a single-word relative form that is a stem ("вчерашн") matches as a prefix
    relative = {(f"{k}*" if " " not in k and k[-1] in "нш" else k): v for k, v in relative.items()}
    claims = data.get("claims") or {}
    night = data.get("night") or {}
    show = data.get("show_purpose") or {}
    markers: dict[str, str] = {}
    for kind in ("ordinal", "same", "more", "another", "one", "other", "weak"):
        for form in (data.get("markers") or {}).get(kind) or []:
            markers.setdefault(str(form), kind)  # the first list naming a word wins
    train = _forms(data.get("train_nouns") or {})
    train_nouns = {form: ("pl" if kind == "plural" else "sg") for form, kind in train.items()}
    # a form that is both (Russian "поезда": gen. sg. and nom. pl.) counts as plural
    for form in (data.get("train_nouns") or {}).get("plural") or []:
        train_nouns[_norm(form)] = "pl"
    nouns = data.get("train_nouns") or {}
    both = {_norm(f) for f in nouns.get("singular") or []} & {
        _norm(f) for f in nouns.get("plural") or []
    }
    count_ranges = data.get("count_ranges") or {}
    return Lexicon(
        lang=data["language"],
        name=data.get("name", data["language"]),
        script=data.get("script", "latin"),
        months=_forms(data.get("months") or {}),
        weekdays=_forms(data.get("weekdays") or {}),
        numbers=_forms(data.get("numbers") or {}),
        dozen=frozenset(_norm(w) for w in data.get("dozen") or []),
        collective=_forms(data.get("collective") or {}),
        multipliers=_forms(data.get("multipliers") or {}),
        train_nouns=train_nouns,
        train_nouns_both=frozenset(both),
        singular_before=tuple(_norm(e) for e in data.get("singular_before") or []),
        car_nouns=_forms(data.get("car_nouns") or {}),
        car_adjectives=tuple(sorted(adjectives, key=lambda a: -len(a[0]))),
        approx=PhraseTable(
            {
                **{str(w): "approx" for w in data.get("approx") or []},
                **{str(w): "at_most" for w in data.get("at_most") or []},
                **{str(w): "at_least" for w in data.get("at_least") or []},
            }
        ),
        about=_flat(data.get("about")),
        approx_numbers=PhraseTable(_forms(data.get("approx_numbers") or {})),
        place_cues=PhraseTable(
            _place_cue_entries(cues, tuple(str(h) for h in data.get("destination_hedges") or []))
        ),
        destination_hedges=tuple(str(h) for h in data.get("destination_hedges") or []),
        territory_of=tuple(str(h) for h in data.get("territory_of") or []),
        territory_arrival=tuple(str(h) for h in data.get("territory_arrival") or []),
        territory_entry=tuple(str(h) for h in data.get("territory_entry") or []),
        label_words=frozenset(_norm(str(w).split()[-1]) for w in cues.get("label") or []),
        route_words=tuple(
            sorted(
                {str(w).split()[-1].lower() for w in cues.get("route") or []}
                | {str(w).split()[-1].lower() for w in data.get("route_labels") or []}
            )
        ),
        route_labels=frozenset(_norm(str(w).split()[-1]) for w in data.get("route_labels") or []),
        place_kinds=PhraseTable(kinds),
        broad_stems=tuple(_norm(s) for s in data.get("broad_stems") or []),
        locative_endings=tuple(_norm(s) for s in data.get("locative_endings") or []),
        plural_town_endings=tuple(_norm(s) for s in data.get("plural_town_endings") or []),
        verbs=_verbs(data.get("verbs") or {}),
        forward=_stem_re((data.get("verbs") or {}).get("forward") or []),
        appear=_stem_re((data.get("verbs") or {}).get("appear") or []),
        markers=PhraseTable(markers),
        group_refs=_flat(
            [
                *(data.get("both") or []),
                *(data.get("totals") or []),
                *(data.get("group_refs") or []),
            ]
        ),
        totals=tuple(str(w).lower() for w in data.get("totals") or []),
        group_lead=frozenset(_norm(w) for w in data.get("group_lead") or []),
        more_trains=frozenset(_norm(w) for w in data.get("more_trains") or []),
        count_train_nouns={
            _norm(str(k)): str(v) for k, v in (data.get("count_train_nouns") or {}).items()
        },
        one_more_train=_flat(data["one_more_train"]) if data.get("one_more_train") else None,
        one_more_firsts=frozenset(
            _norm(str(w).split()[0]) for w in data.get("one_more_train") or [] if str(w).strip()
        ),
        each=frozenset(_norm(w) for w in data.get("each") or []),
        planned=_stem_re(claims.get("planned") or []),
        expected=_stem_re(claims.get("expected") or []),
        attributive=_stem_re(claims.get("attributive") or []),
        off_topic=_stem_re(data.get("off_topic") or []),
        military=_stem_re(data.get("military") or []),
        relative=PhraseTable(relative),
        weekday_mods=_table(data.get("weekday_mods")),
        qualifiers=_table(data.get("qualifiers")),
        ranges=frozenset(_norm(str(w)) for w in data.get("ranges") or []),
        range_start=frozenset(_norm(str(w)) for w in data.get("range_start") or []),
        count_range_from=frozenset(_norm(str(w)) for w in count_ranges.get("from") or []),
        count_range_to=frozenset(_norm(str(w)) for w in count_ranges.get("to") or []),
        count_range_between=frozenset(_norm(str(w)) for w in count_ranges.get("between") or []),
        pieces=frozenset(_norm(str(w)) for w in data.get("pieces") or []),
        bound_of=frozenset(_norm(str(w)) for w in data.get("bound_of") or []),
        each_before_number=frozenset(_norm(str(w)) for w in data.get("each_before_number") or []),
        list_joins=frozenset(_norm(w) for w in data.get("list_joins") or []),
        running_count=frozenset(_norm(w) for w in data.get("running_count") or []),
        at_least_after=PhraseTable({str(w): "at_least" for w in data.get("at_least_after") or []}),
        batches=frozenset(_norm(str(w)) for w in data.get("batches") or []),
        month_parts=_table(data.get("month_parts")),
        month_prep=_flat(data.get("month_prep")),
        night_prefix=_flat(night.get("prefix")),
        night_from=frozenset(_norm(w) for w in night.get("from") or []),
        night_to=frozenset(_norm(w) for w in night.get("to") or []),
        year_words=_flat(data.get("year_words")),
        whole_train=_flat(data.get("whole_train")),
        not_places=_stem_re(data.get("not_places") or []),
        accident=_stem_re(data.get("accident") or []),
        service=_stem_re(data.get("service") or []),
        service_vehicles=_beside_re(data.get("service_vehicles") or {}),
        returns=_stem_re(data.get("return_verbs") or []),
        loading=_stem_re(data.get("loading") or []),
        unloading=_stem_re(data.get("unloading") or []),
        final_stop=_stem_re(data.get("final_stop") or []),
        uncouple=_stem_re(data.get("uncouple") or []),
        period=_stem_re(data.get("period") or []),
        past_span=_stem_re(data.get("past_span") or []),
        digest=_stem_re(data.get("digest") or []),
        week_count=_stem_re(data.get("week_count") or []),
        recall=_stem_re(data.get("recall") or []),
        recap_span=_stem_re(data.get("recap_span") or []),
        past_day=_stem_re(data.get("past_day") or []),
        day_digest=_stem_re(data.get("day_digest") or []),
        day_total=_stem_re(data.get("day_total") or []),
        earlier_leg=_stem_re(data.get("earlier_leg") or []),
        train_pronouns=_stem_re(data.get("train_pronouns") or []),
        list_colon_words=tuple(str(w).lower() for w in data.get("list_colon_words") or []),
        dummy_subjects=_stem_re(data.get("dummy_subjects") or []),
        other_movers=_stem_re(data.get("other_movers") or []),
        people_on_board=_on_board_re(data.get("people_on_board") or {}),
        people_on_board_reach=int((data.get("people_on_board") or {}).get("noun_reach", 3)),
        station_word_reach=int(data.get("station_word_reach", 60)),
        station_words=_stem_re(data.get("station_words") or []),
        trip_length_reach=int(data.get("trip_length_reach", 3)),
        correction=_stem_re(data.get("correction") or []),
        correction_swap=tuple(str(t) for t in data.get("correction_swap") or []),
        years_ago=_stem_re(data.get("years_ago") or []),
        trip_length=_stem_re(data.get("trip_length") or []),
        related_links=_stem_re(data.get("related_links") or []),
        generic=_stem_re(data.get("generic") or []),
        hypothetical=_stem_re(data.get("hypothetical") or []),
        latest_bound=_stem_re([f"{w}$" for w in data.get("latest_bound") or []]),
        denial=_stem_re(data.get("denial") or []),
        not_military=_not_military_re(data.get("not_military") or {}),
        civilian=_stem_re((data.get("not_military") or {}).get("civilian") or []),
        timetable=_stem_re(data.get("timetable") or []),
        service_trains=tuple(str(w) for w in data.get("service_trains") or []),
        service_links=tuple(str(w) for w in data.get("service_links") or []),
        service_numbers=tuple(str(w) for w in data.get("service_numbers") or []),
        service_route_first=bool(data.get("service_route_first", False)),
        seeing_verbs_unmarked_for_tense=bool(data.get("seeing_verbs_unmarked_for_tense", False)),
        exhibition=_stem_re(data.get("exhibition") or []),
        retro_stock=_stem_re(data.get("retro_stock") or []),
        shown=_stem_re(data.get("shown") or []),
        by_train=frozenset(_norm(str(w)) for w in data.get("by_train") or []),
        from_giver=frozenset(_norm(str(w)) for w in data.get("from_giver") or []),
        passage=_stem_re(data.get("passage") or []),
        first_ordinals=frozenset(_norm(str(w)) for w in data.get("first_ordinals") or []),
        ordinal_values=_forms(data.get("ordinal_values") or {}),
        freight=_stem_re(data.get("freight") or []),
        sea_from=frozenset(_norm(str(w)) for w in (data.get("sea_onward") or {}).get("from") or []),
        sea_by=_stem_re((data.get("sea_onward") or {}).get("by") or []),
        leg_on_relative=frozenset(
            _norm(str(w)) for w in (data.get("leg_on") or {}).get("relative") or []
        ),
        leg_on_demonstrative=frozenset(
            _norm(str(w)) for w in (data.get("leg_on") or {}).get("demonstrative") or []
        ),
        passenger=_stem_re(data.get("passenger") or []),
        show_prepositions=frozenset(_norm(str(w)) for w in show.get("prepositions") or []),
        show_with=frozenset(_norm(str(w)) for w in show.get("with") or []),
        show_with_endings=tuple(_norm(str(w)) for w in show.get("with_endings") or []),
        show_on_wheels=_stem_re(show.get("on_wheels") or []),
        heard=_stem_re(data.get("heard") or []),
        clock=frozenset(_norm(str(w)) for w in data.get("clock") or []),
        part_of_day=frozenset(_norm(str(w)) for w in data.get("part_of_day") or []),
        other_modes=_stem_re(data.get("other_modes") or []),
        personnel=_stem_re(data.get("personnel") or []),
        other_mode_verbs=_stem_re(data.get("other_mode_verbs") or []),
        ports=_stem_re([f"{w}$" for w in data.get("ports") or []]),
        any_mode_nouns=frozenset(_norm(str(w)) for w in data.get("any_mode_nouns") or []),
        delivery_nouns=frozenset(_norm(str(w)) for w in data.get("delivery_nouns") or []),
        line_sections=section_pattern(str(w) for w in data.get("line_sections") or []),
        habitual_days=_phrase_re(data.get("habitual_days") or []),
        rail_words=_stem_re(data.get("rail_words") or []),
        not_rail=_stem_re([f"{w}$" for w in data.get("not_rail") or []]),
        not_hedge=_stem_re([f"{w}$" for w in data.get("not_hedge") or []]),
        on_schedule=_stem_re([f"{w}$" for w in data.get("on_schedule") or []]),
        doubt=_stem_re(data.get("doubt") or []),
        agent_cues=frozenset(_norm(str(w)) for w in (data.get("agent") or {}).get("cues") or []),
        agent_endings=tuple(_norm(str(w)) for w in (data.get("agent") or {}).get("endings") or []),
        agent_way=tuple(_norm(str(w)) for w in (data.get("agent") or {}).get("way") or []),
        activity_verbs=_stem_re(data.get("activity_verbs") or []),
        standing=_stem_re(data.get("standing") or []),
        stands_now=_stem_re(data.get("stands_now") or []),
        unloading_now=_stem_re(data.get("unloading_now") or []),
        loading_now=_stem_re(data.get("loading_now") or []),
        until_now=_stem_re(data.get("until_now") or []),
        retraction_place=_stem_re(data.get("retraction_place") or []),
        hearsay=_stem_re(data.get("hearsay") or []),
        attribution=_stem_re(data.get("attribution") or []),
        attribution_after=_stem_re(data.get("attribution_after") or []),
        photo_nouns=_stem_re(data.get("photo_nouns") or []),
        entry_verbs=_stem_re(data.get("entry_verbs") or []),
        blast=_stem_re(data.get("blast") or []),
        at_that_moment=_stem_re(data.get("at_that_moment") or []),
        same_day=_stem_re(data.get("same_day") or []),
        road=_stem_re(data.get("road") or []),
        road_batch=_stem_re(data.get("road_batch") or []),
        preparation=_stem_re(data.get("preparation") or []),
        reporting=_stem_re(data.get("reporting") or []),
        published=_stem_re(data.get("published") or []),
        place_heads=PhraseTable(
            {str(f): case for case, forms in (data.get("place_heads") or {}).items() for f in forms}
        ),
        after_words=frozenset(_norm(w) for w in (data.get("duration") or {}).get("after") or []),
        within_words=frozenset(_norm(w) for w in (data.get("duration") or {}).get("within") or []),
        day_units=frozenset(_norm(w) for w in (data.get("duration") or {}).get("days") or []),
        week_units=frozenset(_norm(w) for w in (data.get("duration") or {}).get("weeks") or []),
        ago=frozenset(_norm(w) for w in (data.get("duration") or {}).get("ago") or []),
        earlier_before=frozenset(_norm(w) for w in (data.get("earlier") or {}).get("before") or []),
        earlier_days=frozenset(_norm(w) for w in (data.get("earlier") or {}).get("days") or []),
        earlier_after=PhraseTable(
            {str(w): "after" for w in (data.get("earlier") or {}).get("after") or []}
        ),
        earlier_day=PhraseTable(
            {str(w): "day before" for w in (data.get("earlier") or {}).get("day") or []}
        ),
        earlier_phrases=(
            tuple(str(w) for w in (data.get("earlier") or {}).get("after") or []),
            tuple(str(w) for w in (data.get("earlier") or {}).get("day") or []),
        ),
        onward=_flat(data.get("onward")),
        same_route=_flat(data.get("same_route")),
        same_place=PhraseTable(
            {str(p): role for role, forms in (data.get("same_place") or {}).items() for p in forms}
        ),
        heading_station=PhraseTable(
            {
                str(p): role
                for role, forms in (data.get("heading_station") or {}).items()
                for p in forms
            }
        ),
        alternatives=frozenset(_norm(str(w)) for w in data.get("alternatives") or []),
        modals=frozenset(_norm(str(w)) for w in (data.get("modals") or {}).get("words") or []),
        infinitive_endings=tuple(
            _norm(str(w)) for w in (data.get("modals") or {}).get("infinitive_endings") or []
        ),
        group_pronouns=frozenset(
            _norm(str(w)) for w in [*(data.get("group_pronouns") or []), *(data.get("both") or [])]
        ),
        with_cues=frozenset(_norm(str(w)) for w in (data.get("with_case") or {}).get("cues") or []),
        with_endings=tuple(
            _norm(str(w)) for w in (data.get("with_case") or {}).get("endings") or []
        ),
        schedule=_stem_re(data.get("schedule") or []),
        railway_words=frozenset(_norm(str(w)) for w in data.get("railway_words") or []),
        port_nouns=frozenset(_norm(str(w)) for w in data.get("port_nouns") or []),
        month_forms=tuple(
            str(f).lower() for forms in (data.get("months") or {}).values() for f in forms
        ),
        region_words=frozenset(
            _norm(str(form))
            for forms in ((data.get("place_kinds") or {}).get("region") or {}).values()
            for form in forms
        ),
        relative_pronouns=frozenset(_norm(str(w)) for w in data.get("relative_pronouns") or []),
        report_that=frozenset(_norm(str(w)) for w in data.get("report_that") or []),
        entry_stamps=frozenset(_norm(str(w)) for w in data.get("entry_stamps") or []),
        state_adjective_endings=tuple(str(w) for w in data.get("state_adjective_endings") or []),
        ordinal_day_endings=tuple(str(w) for w in data.get("ordinal_day_endings") or []),
        clock_prepositions=tuple(str(w).lower() for w in data.get("clock_prepositions") or []),
        headings=tuple(str(w).lower() for w in data.get("headings") or []),
        both=tuple(str(w).lower() for w in data.get("both") or []),
        directions=_directions(data),
        told_before=tuple(str(w).lower() for w in data.get("told_before") or []),
        told_before_clauses=tuple(str(w).lower() for w in data.get("told_before_clauses") or []),
        by_rail_verbs=tuple(str(w).lower() for w in data.get("by_rail_verbs") or []),
        verbal_noun_endings=tuple(str(w) for w in data.get("verbal_noun_endings") or []),
        negations=tuple(str(w).lower() for w in data.get("negations") or []),
        past_endings=tuple(str(w).lower() for w in data.get("past_endings") or []),
        past_denial=tuple(str(w).lower() for w in data.get("past_denial") or []),
        plan_words=tuple(str(w).lower() for w in data.get("plan_words") or []),
    )


@lru_cache(maxsize=8)
def lexicon(lang: str) -> Lexicon:
    """Return the compiled lexicon of ``lang`` (one of :data:`LANGUAGES`).

    Raises
    ------
    KeyError
        For a language railtrack has no lexicon for.
    """
    return _build(_parsed(lang))


def _parsed(lang: str) -> Any:
    """Return the parsed YAML of the lexicon of ``lang`` (KeyError if there is none).

    Read with libyaml's safe loader when PyYAML was built with it (the same document, six
    times less CPU: 0.06 s instead of 0.34 s for the five lexicons), else the Python one.
    """
    if lang not in LANGUAGES:
        msg = f"no lexicon for {lang!r}; railtrack reads {', '.join(LANGUAGES)}"
        raise KeyError(msg)
    text = (
        resources.files("railtrack.extract")
        .joinpath("lexicons", f"{lang}.yaml")
        .read_text(encoding="utf-8")
    )
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


@lru_cache(maxsize=8)
def raw_strings(lang: str) -> tuple[tuple[str, str], ...]:
    """Return every string of the lexicon of ``lang`` with the top-level key it is under.

    The walk goes through nested mappings and lists in file order; the strings are
    as written in ``lexicons/{lang}.yaml`` (stems, ``$`` marks and all), for readers
    that need the lexicon's words rather than its compiled patterns (restoring Polish
    letters, naming the language of a romanised text).

    Parameters
    ----------
    lang : str
        One of :data:`LANGUAGES`.

    Returns
    -------
    tuple of (str, str)
        ``(top-level key, string)`` pairs.

    Raises
    ------
    KeyError
        For a language railtrack has no lexicon for.

    Examples
    --------
    >>> ("train_nouns", "eszelon") in raw_strings("pl")
    True
    """
    out: list[tuple[str, str]] = []

    def walk(node: Any, key: str) -> None:
        if isinstance(node, str):
            out.append((key, node))
        elif isinstance(node, dict):
            for k, v in node.items():
                walk(v, key or str(k))
        elif isinstance(node, list):
            for v in node:
                walk(v, key)

    walk(_parsed(lang), "")
    return tuple(out)


@lru_cache(maxsize=8)
def every_language_stems(key: str) -> re.Pattern[str] | None:
    """Return one pattern for the stems every lexicon lists under ``key``.

    For words read whatever the language of the text around them (a station word in
    a name: "Union Station", "станция Орша", "stacja Orsza"): each lexicon's list is
    read as one language's list is (stems, ``$`` for a whole word), then joined.

    Parameters
    ----------
    key : str
        A top-level key of the lexicons whose value is a list of stems.

    Returns
    -------
    re.Pattern or None
        None when no lexicon lists a word under ``key``.

    Examples
    --------
    >>> pattern = every_language_stems("station_words")
    >>> [bool(pattern.search(t)) for t in ("Union Station", "stacja Orsza", "St Petersburg")]
    [True, True, False]
    """
    stems = [str(s) for lang in LANGUAGES for s in _parsed(lang).get(key) or []]
    return _stem_re(stems)


@lru_cache(maxsize=1)
def _all_months() -> dict[str, int]:
    table: dict[str, int] = {}
    for lang in LANGUAGES:
        table.update(lexicon(lang).months)
    return table


def trie_pattern(words: list[str], *, escape: Callable[[str], str] = re.escape) -> str:
    """Return a regular expression matching any of ``words``, factored by common prefixes.

    Python's ``re`` tries the branches of an alternation one by one; a pattern
    factored into a trie fails after one character on most words, which keeps a
    finder with hundreds of month forms fast. Where several words match, the
    longest does (each optional continuation is tried first), as in an alternation
    of the words longest first. ``escape`` turns one character into its pattern.

    Examples
    --------
    >>> trie_pattern(["марта", "март", "мая"])
    'ма(?:рта?|я)'
    """
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        ends = "" in node
        branches = [escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            body = (body + "?") if len(branches) == 1 and len(body) == 1 else f"(?:{body})?"
        return body

    return build(trie)


def all_month_forms(*, exclude: str | None = None) -> list[str]:
    """Every month form of every language (except ``exclude``), longest first."""
    forms: set[str] = set()
    for lang in LANGUAGES:
        if lang != exclude:
            lex = lexicon(lang)
            forms.update(lex.months)
            forms.update(lex.month_forms)
    return sorted(forms, key=len, reverse=True)


def month_of(word: str) -> int | None:
    """Return the month a month name in any read language stands for, else None.

    Examples
    --------
    >>> month_of("марта"), month_of("Березня"), month_of("сакавіка"), month_of("marca")
    (3, 3, 3, 3)
    """
    return _all_months().get(_norm(word.rstrip(".")))

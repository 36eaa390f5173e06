"""Split a report into sentences and clauses, keeping character offsets.

A sentence ends at ``.``, ``!`` or ``?`` followed by a capital letter, unless the
word before the stop is an abbreviation ("No. 967", "St. Petersburg"); a blank line
also ends one. A clause is a part of a sentence between semicolons.

Examples
--------
>>> [c.text for c in split_clauses("Train No. 967 left. It has 40 cars; the other one 30.")]
['Train No. 967 left.', 'It has 40 cars;', 'the other one 30.']
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from railtrack.extract.lexicon import LANGUAGES, lexicon
from railtrack.extract.scripts import UPPER

__all__ = [
    "SENTENCE_END",
    "SENTENCE_OR_LINE_END",
    "STOP_OR_PARAGRAPH",
    "STOP_SEMICOLON_OR_PARAGRAPH",
    "Clause",
    "after_clock_word",
    "sentence_around",
    "sentence_bounds",
    "sentence_ends",
    "split_clauses",
]

_ABBREVIATIONS = frozenset(
    {
        "no",
        "nos",
        "st",
        "mr",
        "mrs",
        "ms",
        "dr",
        "approx",
        "ca",
        "vs",
        "e.g",
        "i.e",
        "km",
        "sq",
        "u.s",
        "u.k",
        # Russian, Ukrainian, Belarusian and Polish abbreviations before a name
        "ст",
        "обл",
        "р-н",
        "рн",
        "ул",
        "вул",
        "пос",
        "им",
        "ім",
        "вобл",
        "пров",  # провинция
        "адм",  # административный
        "долл",
        "дол",
        "тыс",
        "тис",
        "woj",
        "pow",
        "ul",
        "im",
        "ok",
        "np",
        "tzw",
        "wg",
        "nr",
    }
)
# "2023 г. Эшелон ...", "2023 r. Pociąg ...": a year's abbreviation often ends a sentence
_YEAR_WORDS = frozenset({"г", "r", "р"})
# "on Feb. 25 a train left": a month's abbreviation before a day ends no sentence
_MONTH_ABBREVIATIONS = frozenset(
    [
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "янв",
        "фев",
        "февр",
        "мар",
        "апр",
        "авг",
        "сент",
        "окт",
        "нояб",
        "дек",
        "сту",
        "лют",
        "бер",
        "кві",
        "тра",
        "чер",
        "лип",
        "сер",
        "вер",
        "жов",
        "лис",
        "гру",
        "sty",
        "lut",
        "kwi",
        "maj",
        "cze",
        "lip",
        "sie",
        "wrz",
        "paź",
        "lis",
        "gru",
    ]
)
# A sentence may start with a day and a word ("... эшелон. 5 марта был отправлен"), also
# after a quoted name ("... «Эшелон Победы». 7 мая ...").
_BOUNDARY_RE = re.compile(
    r"(?<=[.!?])[\"'”’)]*\s+(?=[\"“‘(]?[^\W\d_])|(?<=[^\W\d_]{3}[.!?])\s+(?=\d{1,2}\s[^\W\d_])"
    r"|(?<=[^\W\d_]{2}[»”\")][.!?])\s+(?=\d{1,2}\s[^\W\d_])"
    r"|\n\s*\n"
    # a live blog's entries one a line, each opening on its time ("...Valuyki.\n14:05 A
    # train ..."): a new sentence at the time (issue 13 T4)
    r"|(?<=[.!?])[\"'”’)]*[ \t]*\n(?=[ \t]*(?:[01]?\d|2[0-3])[:.][0-5]\d(?!\d|[./]\d))"
    # a headline with no full stop, then the lead on the next line: "... 1.475 million
    # TEUs\nThe first ... train left Xi'an" (a wrapped line seldom starts so)
    r"|(?<=[^\W_])\n(?=(?:The|A|An|On|It|This|According)\s)"
    # a headline, then a paragraph that opens by quoting the post: 'До Лунинця прибув
    # ешелон, — "Гаюн"\n"12 марта ... прибыл эшелон ...", — йдеться в повідомленні'
    # (a quote of forty characters or more is a passage, not a name wrapped to the line)
    r"|(?<=[^\W_]|[\"”»])\n(?=[ \t]*[\"“«„][^\"”»“\n]{40})"
    # a station heading on a line of its own, marked ("🔴 Осиповичи", "#Лунинец"), between
    # two lines of text: no sentence's (trial17b T4; extract/stationheads.py)
    rf"|\n[ \t]*[^\w\s]{{1,3}}[ \t]*#?[{UPPER}][\w'’-]*"
    rf"(?:[ \t]+[{UPPER}][\w'’-]*){{0,2}}[ \t]*:?[ \t]*\n\s*"
)
# A clause ends at ";" and at ":" (not in "13:45", nor after a word of a lexicon's
# ``list_colon_words``, "destination:", "route:", or a word of passing before the places
# passed: "the train passed: Bereza, Zhabinka", "continued through: Orsha, Mogilev",
# "проследовал: Орша, Смоленск"; issue 13, session 17; review17 #5).
_CLAUSE_RE = re.compile(r"(?<=;)\s+|(?<=[^\d\s]:)\s+(?=\D)")
# the word before a colon (the lexicons' ``list_colon_words`` keep it in its clause)
_WORD_BEFORE_COLON_RE = re.compile(r"([^\W\d_]+):$")


@lru_cache(maxsize=1)
def _list_colon_words() -> frozenset[str]:
    """Return every lexicon's ``list_colon_words`` ("passed", "проследовал", "przez")."""
    return frozenset(w for lang in LANGUAGES for w in lexicon(lang).list_colon_words)


def opens_a_list(text: str, colon_end: int) -> bool:
    """Whether the colon ending at ``colon_end`` follows a word that opens a list of places.

    Parameters
    ----------
    text
        The report.
    colon_end
        The offset just past the colon.

    Returns
    -------
    bool
        True when the word before the colon is one of a lexicon's ``list_colon_words``
        (any case): "passed:", "through:", "destination:", "проследовал:", "przez:".

    Examples
    --------
    >>> opens_a_list("Эшелон проследовал: Орша, Смоленск", 19)
    True
    >>> opens_a_list("Update: a train left", 7)
    False
    """
    m = _WORD_BEFORE_COLON_RE.search(text, max(0, colon_end - 40), colon_end)
    return m is not None and m[1].lower() in _list_colon_words()


# what may follow a label's colon to the sentence's end and stay in its clause: a name of
# up to three capitalised words ("Kierunek: Wałujki.", "Куда: Матвеев Курган")
# the dash between two names of a route ("Орша — Смоленськ", "Orsha - Smolensk"); a
# hyphen inside a name ("Матвеев-Курган") has no space beside it
_ROUTE_DASH_RE = re.compile(r"\s*[–—]\s*|\s+-\s*|\s*-\s+")
_LABELLED_NAME_RE = re.compile(r"[^\W\d_][\w'’-]*(?:[ -][^\W\d_][\w'’-]*){0,2}\W*")


@lru_cache(maxsize=1)
def _label_words() -> frozenset[str]:
    """Return the last words of every lexicon's place labels ("kierunek", "назначения")."""
    return frozenset(w for lang in LANGUAGES for w in lexicon(lang).label_words)


@lru_cache(maxsize=1)
def _route_labels() -> frozenset[str]:
    """Return the last words of every lexicon's route labels ("маршрут", "trasa")."""
    return frozenset(w for lang in LANGUAGES for w in lexicon(lang).route_labels)


def labelled_name(text: str, colon_end: int, name_start: int, end: int) -> bool:
    """Whether a colon ending at ``colon_end`` joins a place label and the name it gives.

    "Kierunek: Wałujki.", "Направление: Матвеев Курган": the label word before the colon
    (a lexicon's ``place_cues.label``) and a name of capitalised words to the sentence's
    end stay one clause; so do a route label (a lexicon's ``route_labels``) and the
    names joined by dashes it lists ("Маршрут: Орша — Смоленськ — Брянськ"). Any other
    colon ends a clause.

    >>> text = "Маршрут: Орша — Смоленськ — Брянськ."
    >>> labelled_name(text, 8, 9, len(text))
    True
    >>> text = "Маршрут: ешелон пройшов Оршу."
    >>> labelled_name(text, 8, 9, len(text))
    False
    """
    if text[colon_end - 1] != ":":
        return False
    words = text[: colon_end - 1].split()
    if not words:
        return False
    last = words[-1].lower()
    if last in _route_labels():
        return _only_a_route(text[name_start:end])
    if last not in _label_words():
        return False
    return _only_a_name(text[name_start:end])


def _only_a_route(rest: str) -> bool:
    """Whether ``rest`` (a sentence after a colon) is only names joined by dashes."""
    names = _ROUTE_DASH_RE.split(rest.rstrip(".!?;\"'”’) "))
    return len(names) >= 2 and all(_only_a_name(n) for n in names)


def _only_a_name(rest: str) -> bool:
    """Whether ``rest`` (a sentence after a colon) is only a name of capitalised words."""
    if _LABELLED_NAME_RE.fullmatch(rest) is None:
        return False
    return all(w[:1].isupper() for w in re.split(r"[ -]", rest.rstrip(".!?;\"'”’) ")) if w)


_LETTER_RE = re.compile(r"[^\W\d_]")
# Where a boundary may start: right after ".", "!" or "?", or at a line break.
_BOUNDARY_AFTER_RE = re.compile(r"[.!?]|(\n)")


def _boundaries(text: str) -> Iterator[re.Match[str]]:
    """Yield the matches of ``_BOUNDARY_RE.finditer(text)``, tried only where one may start.

    Every boundary starts right after a full stop, "!" or "?" (the look-behinds) or at
    a line break: matching the pattern at those places only, left to right and never
    inside the boundary found before, finds what a scan of every character finds, in a
    fraction of the time.
    """
    end = 0
    for mark in _BOUNDARY_AFTER_RE.finditer(text):
        at = mark.start() if mark[1] else mark.end()
        if at < end:
            continue
        m = _BOUNDARY_RE.match(text, at)
        if m is not None:
            end = m.end()
            yield m


_set = object.__setattr__


@dataclass(frozen=True, slots=True, init=False)
class Clause:
    """A clause of a report: its text, its offsets in the report, its sentence number."""

    text: str
    start: int
    end: int
    sentence: int

    # Written out: twice as fast as the frozen dataclass's generated __init__ (see
    # trains.Fact); tests/test_extract_fast_paths.py holds it to the fields.
    def __init__(self, text: str, start: int, end: int, sentence: int) -> None:
        _set(self, "text", text)
        _set(self, "start", start)
        _set(self, "end", end)
        _set(self, "sentence", sentence)


@lru_cache(maxsize=1)
def _stamp_words() -> tuple[str, ...]:
    """Return every lexicon's ``entry_stamps`` words, the longest first."""
    words = {w for lang in LANGUAGES for w in lexicon(lang).entry_stamps}
    return tuple(sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _stamp_clock_re() -> re.Pattern[str]:
    """Return the pattern of a time of day in a stamp line ("10:15", "at 09.40", "в 9:40").

    The words before the time are every lexicon's ``clock_prepositions``.
    """
    words = sorted(
        {w for lang in LANGUAGES for w in lexicon(lang).clock_prepositions}, key=len, reverse=True
    )
    before = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    prep = rf"(?:(?:{before})\s+)?" if words else ""
    return re.compile(rf"(?:^|(?<=[\s,|–—-])){prep}\d{{1,2}}[:.]\d{{2}}(?=$|[\s,|–—-])")


def is_stamp_line(line: str) -> bool:
    """Whether a line is only a live blog entry's stamp: a day, a time, a stamp word.

    "Updated 3 March 2023, 10:15", "3 March 2023, 10:15", "02.03.2023 09:40": the
    entry on the next line is of that day (issue 13 T4), one sentence with it. A time
    alone or a relative day ("Yesterday") is no such line.

    Examples
    --------
    >>> is_stamp_line("Updated 3 March 2023, 10:15"), is_stamp_line("02.03.2023 09:40")
    (True, True)
    >>> is_stamp_line("14:05"), is_stamp_line("Trains seen on 3 March 2023")
    (False, False)
    >>> is_stamp_line("Обновлено 3 марта 2023 в 10:15")
    True
    """
    rest = line.strip().lower()
    if not rest or len(rest) > 60 or not rest[-1:].isalnum():
        return False
    for word in _stamp_words():
        if rest.startswith(word) and not rest[len(word) : len(word) + 1].isalpha():
            rest = rest[len(word) :].lstrip(" :")
            break
    rest = _stamp_clock_re().sub(" ", rest).strip(" ,|–—-")
    if not rest or not rest[0].isalnum():
        return False
    from railtrack.extract.dates import find_dates  # (dates reads the lexicons too)

    spans = find_dates(rest)
    return (
        len(spans) == 1
        and spans[0].start == 0
        and spans[0].end >= len(rest)
        and not spans[0].is_relative
    )


@lru_cache(maxsize=64)
def _sentence_bounds(text: str) -> tuple[tuple[int, int], ...]:
    """Each sentence's offsets, computed once per text.

    Cached by the text: :func:`split_clauses` and the evidence quotes
    (:class:`~railtrack.extract.quotes.Quotes`) of one report split it once.
    """
    bounds = []
    start = 0
    for m in _boundaries(text):
        before = text[start : m.start()].rstrip(".!?\"'”’)")
        words = before.rsplit(None, 2)  # the last words only: no split of the whole sentence
        last_word = words[-1].lower() if words else ""
        # "в г. Горловка": "г." after a word, not a year, is "город", a city's abbreviation
        city = last_word in _YEAR_WORDS and len(words) > 1 and not words[-2][-1:].isdigit()
        # An abbreviation ("st.", "woj.", "обл."), an initial or a lower-case next word
        # ("2023 r. do Lidy", "2,2 tys. pociągów") ends no sentence; a blank line always does.
        if m[0].count("\n") == 1 and is_stamp_line(text[start : m.start()]):
            continue  # "Updated 3 March 2023, 10:15\nA train left ...": the entry's stamp
        if (
            m[0].count("\n") < 2
            and (
                last_word in _ABBREVIATIONS
                # ("Schwarzach-St. Veit": the abbreviation ends a double-barrelled name)
                or ("-" in last_word and last_word.rsplit("-", 1)[1] in _ABBREVIATIONS)
                or (_LETTER_RE.fullmatch(last_word) and (last_word not in _YEAR_WORDS or city))
                or text[m.end() : m.end() + 1].islower()
                or (last_word in _MONTH_ABBREVIATIONS and text[m.end() : m.end() + 1].isdigit())
            )
        ):
            continue
        bounds.append((start, m.start()))
        start = m.end()
    bounds.append((start, len(text)))
    return tuple((s, e) for s, e in bounds if text[s:e].strip())


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """Return each sentence's ``(start, end)`` character offsets in ``text``, in order.

    Examples
    --------
    >>> sentence_bounds("No. 967 left. It had 40 cars.")
    [(0, 13), (14, 29)]
    """
    return list(_sentence_bounds(text))


def split_clauses(text: str) -> list[Clause]:
    """Return the clauses of ``text`` in order, with offsets into ``text``.

    Parameters
    ----------
    text
        A whole report.

    Examples
    --------
    >>> [(c.sentence, c.start) for c in split_clauses("One left. Two arrived.")]
    [(0, 0), (1, 10)]
    """
    clauses = []
    for number, (s_start, s_end) in enumerate(_sentence_bounds(text)):
        start = s_start
        marks = ";" in text[s_start:s_end] or ":" in text[s_start:s_end]
        for m in _CLAUSE_RE.finditer(text, s_start, s_end) if marks else ():
            if m.group() and text[m.start() - 1] == ":" and opens_a_list(text, m.start()):
                continue  # "the train passed: Orsha, Smolensk": one clause with its list
            if labelled_name(text, m.start(), m.end(), s_end):
                continue  # "Kierunek: Wałujki.": a label and the name it gives, one clause
            clauses.append(Clause(text[start : m.start()], start, m.start(), number))
            start = m.end()
        piece = text[start:s_end].rstrip()
        clauses.append(Clause(piece, start, start + len(piece), number))
    return [c for c in clauses if c.text.strip()]


# Light sentence ends, for a finder that looks around one offset rather than splitting
# the whole report (:func:`split_clauses` above knows abbreviations and capitals). They
# differ in one thing each:
# - SENTENCE_END: a stop or a line break, then a space ("[.!?\n]\s"); the match's end is
#   past the space. Headings (the sentence of a heading word) and times in turn.
# - SENTENCE_OR_LINE_END: a stop before a space, or any line break, the match being the
#   character itself. Listed times: a list of times ends with its line; a clock word's
#   period (after_clock_word) is skipped there too ("o godz. 8:00, 12:30 i 19:10").
# - sentence_ends(): SENTENCE_END less a clock word's period ("o godz. 22:40", trial13
#   S1): a time beside a date.
# - STOP_OR_PARAGRAPH: a stop before a space, or a blank line (a line break alone goes on
#   with the sentence): the legs by sea. STOP_SEMICOLON_OR_PARAGRAPH: the same, a
#   semicolon ending one too: the lexicon reader's sentences.
# sentence_around() finds the sentence around one offset with any of them.
SENTENCE_END = re.compile(r"[.!?\n]\s")
"""A stop or a line break followed by a space: where a sentence ends (light form)."""

SENTENCE_OR_LINE_END = re.compile(r"[.!?](?=\s)|\n")
"""A stop before a space, or a line break: where a sentence or a line ends."""

STOP_OR_PARAGRAPH = re.compile(r"[.!?]\s|\n\s*\n")
"""A stop before a space, or a blank line: the sentences of a sea leg (``sealegs``)."""

STOP_SEMICOLON_OR_PARAGRAPH = re.compile(r"[.!?;]\s|\n\s*\n")
"""The same, a semicolon also ending one: the lexicon reader's sentences."""

_WORD_BEFORE_END = re.compile(r"([\w]+)?([.!?\n])\s")


@lru_cache(maxsize=1)
def _clock_words() -> frozenset[str]:
    """Return the clock words of every lexicon ("godz", "час"): an abbreviation's stem."""
    words: set[str] = set()
    for lang in LANGUAGES:
        if lang != "en":
            words |= {w.rstrip(".").lower() for w in lexicon(lang).clock}
    return frozenset(words)


def sentence_ends(text: str, lo: int, hi: int) -> list[re.Match[str]]:
    """Return the sentence ends between ``lo`` and ``hi``, not a clock word's period.

    "13 kwietnia o godz. 22:40 przez Żłobin": the period of "godz." ends no sentence.

    Parameters
    ----------
    text : str
        A report.
    lo, hi : int
        The stretch of ``text`` searched.

    Returns
    -------
    list of re.Match
        In text order; group 2 of each is the stop.

    Examples
    --------
    >>> [m.start(2) for m in sentence_ends("o godz. 22:40 przez Żłobin. Dalej", 0, 34)]
    [26]
    """
    return [
        m for m in _WORD_BEFORE_END.finditer(text, lo, hi) if not after_clock_word(text, m.start(2))
    ]


def sentence_around(
    text: str, at: int, *, ends: re.Pattern[str] = SENTENCE_END, past_clock_words: bool = False
) -> tuple[int, int]:
    """Return the (start, end) of the sentence of ``text`` holding offset ``at``.

    The light finder (no abbreviations, no capitals): the sentence begins after the
    last end that closes before ``at`` and runs to the first end at or after ``at``,
    that end's stop included.

    Parameters
    ----------
    text : str
        A report.
    at : int
        An offset inside the sentence (0 <= at <= len(text)).
    ends : re.Pattern
        Where sentences end: :data:`SENTENCE_END` (a stop or line break, then a space)
        or :data:`SENTENCE_OR_LINE_END` (a stop before a space, or any line break).
    past_clock_words : bool
        Whether a clock word's period ("o godz. 8:00") ends no sentence.

    Returns
    -------
    tuple of int
        Character offsets; ``text[start:end]`` is the sentence with its stop.

    Examples
    --------
    >>> t = "Was in Orsha. Seen at 10:00 in Minsk. Then"
    >>> t[slice(*sentence_around(t, 20))]
    'Seen at 10:00 in Minsk.'
    >>> t = "o godz. 8:00, 12:30 i 19:10. Dalej"
    >>> t[slice(*sentence_around(t, 9, ends=SENTENCE_OR_LINE_END, past_clock_words=True))]
    'o godz. 8:00, 12:30 i 19:10.'
    """
    found = [
        m
        for m in ends.finditer(text)
        if not (past_clock_words and after_clock_word(text, m.start()))
    ]
    start = max((m.end() for m in found if m.end() <= at), default=0)
    stop = next((m for m in found if m.start() >= at), None)
    return start, (stop.start() + 1 if stop else len(text))


_LAST_WORD = re.compile(r"(\w+)$")


def after_clock_word(text: str, stop: int) -> bool:
    """Whether the character at ``stop`` is the period of a clock word ("godz.").

    Parameters
    ----------
    text : str
        A report.
    stop : int
        An offset in ``text``.

    Returns
    -------
    bool
        True when ``text[stop]`` is "." right after a word of the lexicons' clock
        words.

    Examples
    --------
    >>> t = "o godz. 8:00, 12:30 i 19:10."
    >>> after_clock_word(t, 6), after_clock_word(t, len(t) - 1)
    (True, False)
    """
    if text[stop : stop + 1] != ".":
        return False
    word = _LAST_WORD.search(text, max(0, stop - 20), stop)
    return word is not None and word[1].lower() in _clock_words()

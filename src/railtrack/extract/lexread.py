"""The finders for languages read through a lexicon (Russian, Ukrainian, Belarusian, Polish).

One set of rules over word tokens serves every language; all language knowledge is
in the :class:`~railtrack.extract.lexicon.Lexicon`. Each finder returns the same
spans as the English finders (:class:`~railtrack.extract.places.PlaceSpan`,
:class:`~railtrack.extract.dates.DateSpan`, :class:`~railtrack.extract.numbers.CarCount`,
the cues of :mod:`~railtrack.extract.cues`), with offsets into the text given, so
the one train assembly (:mod:`~railtrack.extract.trains`) reads them all.

Examples
--------
>>> r = LexiconReader("ru")
>>> [(p.role, p.text) for p in r.find_places("Эшелон из Слонима прибыл на станцию Валуйки.")]
[('origin', 'Слонима'), ('destination', 'Валуйки')]
>>> [(c.kind, c.value) for c in r.find_car_counts("сорок восемь платформ и 2 пассажирских вагона")]
[('flat', 48), ('passenger', 2)]
>>> [s.text for s in r.find_dates("в ночь на 5 марта, а 7 марта 2023 года прибыл")]
['в ночь на 5 марта', '7 марта 2023 года']
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import fields
from functools import lru_cache
from typing import Any

from railtrack.extract.ahead import modal_before, modal_plan_at
from railtrack.extract.casefold import FoldedPattern, blank_matches, fold_compile
from railtrack.extract.cues import GroupAnnouncement, TrainMarker, VerbCue
from railtrack.extract.dates import DateSpan
from railtrack.extract.dates import at_dateline as _at_dateline
from railtrack.extract.lexicon import (
    LANGUAGES,
    Lexicon,
    Token,
    first_span,
    lexicon,
    month_of,
    tokens,
    tokens_among,
)
from railtrack.extract.numbers import CarCount
from railtrack.extract.onboard import carries_people
from railtrack.extract.ordinals import opens_with_count, opens_with_ordinal, past_gloss
from railtrack.extract.places import PlaceSpan
from railtrack.extract.relatives import relative_clauses
from railtrack.extract.roman import roman_date_at
from railtrack.extract.sealegs import without_sea_legs
from railtrack.extract.sections import without_line_sections
from railtrack.extract.sentences import STOP_SEMICOLON_OR_PARAGRAPH, sentence_around
from railtrack.extract.services import names_a_service
from railtrack.extract.tense import past_form
from railtrack.extract.textpass import without_quoted

__all__ = ["LexiconReader"]


def _sentence_starts(text: str) -> list[int]:
    """Return where each sentence of ``text`` starts (see :func:`_sentence_around`)."""
    return [0, *(m.end() for m in STOP_SEMICOLON_OR_PARAGRAPH.finditer(text))]


def _sentence_at(text: str, starts: list[int], at: int) -> tuple[int, int]:
    """Return the bounds of the sentence around ``at``, given :func:`_sentence_starts`.

    Examples
    --------
    >>> text = "Pierwszy. Drugi tu. Trzeci."
    >>> start, end = _sentence_at(text, _sentence_starts(text), 11)
    >>> text[start:end]
    'Drugi tu.'
    """
    k = bisect_right(starts, at) - 1
    start = starts[k]
    if k + 1 < len(starts):
        stop = STOP_SEMICOLON_OR_PARAGRAPH.search(text, start)
        return start, (stop.start() + 1 if stop else len(text))
    return start, len(text)


def _sentence_around(text: str, at: int) -> tuple[int, int]:
    """Return the bounds of the sentence around offset ``at`` (to its stop, inclusive).

    Examples
    --------
    >>> text = "Pierwszy. Drugi tu. Trzeci."
    >>> start, end = _sentence_around(text, 11)
    >>> text[start:end]
    'Drugi tu.'
    """
    return sentence_around(text, at, ends=STOP_SEMICOLON_OR_PARAGRAPH)


_CLAUSE_STOP = re.compile(r"[,:–—]")


def _clause_around(text: str, at: int, start: int, end: int) -> str:
    """Return the clause around offset ``at`` within the sentence ``text[start:end]``.

    From the comma, colon or dash before ``at`` to the next one (or the sentence's
    bounds): "Do sieci trafiło nagranie, które pokazuje transport czołgów, ..." gives
    "które pokazuje transport czołgów".

    Examples
    --------
    >>> text = "Trafiło nagranie, które pokazuje transport, jak mówią."
    >>> _clause_around(text, 33, 0, len(text)).strip()
    'które pokazuje transport'
    """
    before = [m.end() for m in _CLAUSE_STOP.finditer(text, start, at)]
    after = _CLAUSE_STOP.search(text, at, end)
    return text[before[-1] if before else start : after.start() if after else end]


_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# (folded: searched case-sensitively in the lower-cased text; only offsets and digits read)
_NUMBER_RE = fold_compile(r"(?:№|#|\bnr\.?|\bno\.?|\bномер)\s*(?P<number>\d{2,5})\b")
_ROMAN_OR_DIGIT = re.compile(r"[IVX]{1,3}|\d{1,2}")
_NUMBER_SIGNS = frozenset({"№", "#", "nr", "no", "номер", "номером", "нумар", "под", "пад", "під"})
_ENDS = frozenset({"origin", "destination"})
_DASHES = frozenset({"-", "–", "—"})


_REGION_ENDINGS = (
    r"(?:sk|ck|зк|ск|цк|ськ|цьк|зьк)(?:im|iego|i|a|iej|ą|ой|ого|ий|ая|ую|ім|ого|ай|ае|ої|ій|у)"
)
_REGION_ADJECTIVE = re.compile(rf"{_REGION_ENDINGS}$")


@lru_cache(maxsize=1)
def _state_adjective() -> re.Pattern[str]:
    """Return the pattern of a state's adjective before its noun.

    "Китайской Народной Республики" ("Chińskiej Republiki Ludowej" has its adjective
    after): the region adjectives' endings and the lexicons' ``state_adjective_endings``
    ("ной", "ної", "nej").
    """
    extra = sorted(
        {e for lang in LANGUAGES for e in lexicon(lang).state_adjective_endings},
        key=len,
        reverse=True,
    )
    return re.compile(rf"(?:{'|'.join([_REGION_ENDINGS, *map(re.escape, extra)])})$")


def _cut_state_adjectives(toks: tuple[Token, ...], j: int, k: int) -> int:
    """Return where a state's adjectives before token ``k`` start (not before ``j``).

    "з Уханя Китайської Народної Республіки": from the state's noun back over its
    adjectives; ``j`` when every token from ``j`` on is one.
    """
    pattern = _state_adjective()
    while k > j and pattern.search(toks[k - 1].low) is not None:
        k -= 1
    return k


def _after_gloss(toks: tuple[Token, ...], k: int) -> int:
    """Step over a short gloss in brackets at ``k`` ("(Україна)", "(Польша)").

    Returns the index after its closing bracket, or ``k`` when no gloss of at most
    three words starts there.

    >>> toks = tokens("Скнилів (Україна) – Славкув")
    >>> toks[_after_gloss(toks, 1)].text
    '–'
    """
    if k >= len(toks) or toks[k].text != "(":
        return k
    for m in range(k + 1, min(k + 5, len(toks))):
        if toks[m].text == ")":
            return m + 1 if m > k + 1 else k
    return k


_PARTICLES = frozenset(
    {"жа", "же", "ж", "тієї", "тої", "самай", "самой", "самую", "саму", "самої", "samej", "samą"}
)
_WITH = frozenset({"с", "со", "з", "зі", "із", "са", "зь"})  # from (gen.) or with (ins.)
# a type designation: capitals, a dash, a number ("БМП-2", "Т-72Б3", "BMP-1", "С-300")
_DESIGNATION = re.compile(r"[^\W\d_a-zа-яёіїєўґ]{1,6}-\d[\w-]*")
_THROUGH = frozenset({"через", "праз", "przez"})  # a list after these: every place passed
# languages whose country adjective stands before its noun ("Российская Федерация"): a
# capitalised word that is no place ends a name ("Борисов Білоруської залізниці")
_ADJECTIVE_FIRST = frozenset({"ru", "uk", "be"})
# the endings of an East Slavic adjective made from a town's name ("Маріупольського",
# "Клайпедского", "Клайпедскага", "Новоросійському"): before a port noun it names the port
_PLACE_ADJECTIVE = re.compile(
    r"(?:ск|цк|зк|ськ|цьк|зьк)(?:ого|ому|им|ом|ий|ій|ая|ой|ую|ага|аму|ім|ы|і|ае|ай)$"
)
_DIRECTION_NOUNS = frozenset(
    {"направлении", "направление", "напрямку", "напрямок", "напрамку", "кірунку", "kierunku"}
)
# compass words before "od"/"от"/"ад" (stems: "zachód", "południowy", "югу", "захад")
_COMPASS = (
    "północ",
    "połud",
    "wschód",
    "zachód",
    "wschodn",
    "zachodn",
    "север",
    "юг",
    "восток",
    "запад",
    "північ",
    "півден",
    "схід",
    "захід",
    "поўнач",
    "поўдз",
    "усход",
    "захад",
)
_BETWEEN = frozenset({"между", "між", "паміж", "między", "between"})
_AND = frozenset({"и", "і", "й", "та", "ды", "i", "oraz"})
_BE_INSTRUMENTAL = ("ай", "ой", "ам", "амі", "ямі", "ем", "ём", "ым", "ім", "яй", "ою", "ею")
# the instrumental of the Belarusian region words ("вобласцю", "раёнам", "краем")
_BE_REGION_INSTRUMENTAL = ("цю", "сцю", "ам", "ем", "ём")
_QUOTES = frozenset({'"', "«", "“", "„"})
_OPENING = frozenset({".", ",", ";", ":", "•", "-", "—", "–", '"', "«", "“", "„", "(", "'"})
_YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b")
# a word ending in a vowel (a case ending): "эшелона", "поезда", "pociągi"
_VOWEL_END = re.compile(r"[аеёиоуыэюяіїєaeiouyąęó]$")
_YEAR_TOKEN = re.compile(r"(?:19|20)\d\d")  # fullmatch: a token that is a year
_ISO_TOKEN = re.compile(r"\d{4}-\d{1,2}-\d{1,2}")
# words joining list items, in the lexicon languages ("i", "oraz", "и", "і", "and")
_LIST_AND = frozenset({"i", "oraz", "a", "и", "і", "й", "та", "and"})
_NUMERIC_DATE_TOKEN = re.compile(r"(\d{1,2})[./](\d{1,2})(?:[./](\d{2,4}))?")
# two times of day as a span ("с 21.00 до 23.00", "z 8:00 do 10:00"): a count over it is traffic
# (a time written with a dot has minutes no month can be: "21.00", not "05.03")
_TIME = r"(?:[01]?\d|2[0-3])(?::[0-5]\d|\.(?:00|1[3-9]|[2-5]\d))"
_TIME_SPAN = fold_compile(rf"(?<![\w.:]){_TIME}\s*(?:-|–|—|до|по|do|to)\s*{_TIME}(?![\w.:])")
_DISTANCE = frozenset(
    {"км", "km", "кіламетраў", "кілометрів", "километров", "kilometrów", "kilometry", "м", "m"}
)
# "z Ołeniwki do tego miasta jest ok. 15 kilometrów": a distance told after the names
_DISTANCE_VERBS = frozenset({"jest", "wynosi", "leży", "есть", "составляет", "становить"})
_SOURCE_BEFORE = frozenset(
    {"ссылкой", "посиланням", "спасылкай", "powołaniem", "powołując", "według"}
)
# no train is longer: a count of cars above it is traffic over a period, not a make-up
MAX_TRAIN_CARS = 300
_BIG_NUMBER = re.compile(r"\d{3}")  # a number of three digits or more (a quick first look)
_THOUSANDS = frozenset(
    {"тыс", "тис", "тысяч", "тисяч", "тысячи", "тисячі", "tys", "тыс.", "млн", "mln"}
)
_ADJECTIVE_END = re.compile(
    r"(?:ых|их|ые|ие|ий|ый|ой|ая|яя|ое|ее|ого|его|ым|ім|ыя|ія|ае|ага|ні|ня|ній|ого|ай|яй|ую|юю|ych|ich|"
    r"ie|ego|ymi|imi|y|e|i|ые|і|ы)$"
)
# a show's adjective ("выставочном", "виставкова", "музейнай", "wystawowy"), not its noun
# ("выставкой", "виставкою", "выставай": the show carried)
_SHOW_ADJECTIVE_END = re.compile(
    r"(?:н|ков|ow)(?:ый|ий|ій|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|им|ім|ом|ем|ую|юю|ых|их|ыми|ими|імі|"
    r"ымі|ыя|ія|ае|ага|аму|ай|яй|ої|ою|ым|ых|ы|і|ym|ej|ego|ych|ymi|ą|y|a|e)$"
)
# a modifier's ending between a preposition and its noun ("на международную выставку",
# "na międzynarodową wystawę"): not a verb's or a noun's ("из вагонов развернута")
_MODIFIER_END = re.compile(
    r"(?:ый|ий|ій|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|им|ім|ую|юю|ых|их|ыми|ими|імі|ымі|"
    r"ыя|ія|ае|ага|аму|ай|яй|ої|ою|ну|ню|ym|ej|ego|ych|ymi|ą|owe|owy|ne|ny|na)$"
)
# oblique (locative, genitive) adjective endings of a word before the town a nameless
# station is said to be in ("на станцию в оккупированном Иловайске", "зі станції у
# прифронтовому Куп'янську", "са станцыі ў памежным Гудагаі", "ze stacji w pobliskim Słonimie")
_INNER_ADJECTIVE = re.compile(
    r"^[^\W\d_]{4,}(?:ом|ем|ой|ей|ым|им|ых|их|ому|ему|ім|ій|ої|ай|ым|ым|ych|ich|ym|im|ej)$"
)
# two capitalised names joined by one hyphen ("Szczecin-Dorohusk") after a route word
_HYPHEN_PAIR = re.compile(r"(?P<a>[^\W\d_][^\W\d_']+)-(?P<b>[^\W\d_][^\W\d_']+)")
# oblique adjective endings of a word after a kind word ("portu morskiego", "терминала
# контейнерного"): it says what the facility is, it is not its name
_KIND_ADJECTIVE = re.compile(r"^[^\W\d_]{3,}(?:ego|ej|ym|im|ych|ich|ого|его|ой|ей|ым|им|ых|их)$")
# adjective endings (oblique cases) of a word standing before a place name
_NAME_ADJECTIVE = re.compile(
    r"(?:skiego|skiej|skim|ckiego|ckiej|ckim|nego|nej|nym|owego|owej|owym|"
    r"ского|ской|ском|цкого|цкой|нага|най|ным|ськ(?:ого|ої|ому)|"
    # the Cyrillic genitive, dative and locative of any adjective, long enough not to be
    # a pronoun ("з окупованої Волновахи", "до захопленого Бердянська", "из оккупированного
    # Донецка", "з акупаванага Мелітопаля"); the instrumental ("с новыми КамАЗами") is none
    r"[^\W\d_]{4}(?:ого|его|ої|ому|ему|ій|ых|их|ага|ай|ім))$"
)
# an adverb before such an adjective ("з тимчасово окупованого Мелітополя", "из временно
# оккупированного", "з часова акупаванага")
_ADVERB = re.compile(r"^[^\W\d_]{5,}(?:ово|єво|ево|енно|ова)$")
_MORE = frozenset(
    {
        "ещё",
        "еще",
        "ще",
        "яшчэ",
        "jeszcze",
        "więcej",
        "новых",
        "нових",
        "nowe",
        "nowych",
        "kolejne",
        "kolejnych",
        "чергові",
        "очередных",
        "очередные",
        "новыя",
    }
)


# "and" joining two car nouns counted by one number ("260 platform i wagonów")
_AND_WORDS = frozenset({"i", "и", "і", "oraz", "та", "ды", "and", "й"})
# what may follow a count whose noun is left out ("из них 2 пассажирских", "w tym 3
# osobowe – 6 kwietnia"): the end of the text or clause, a bracket, a dash or "and"
_ADJECTIVE_COUNT_ENDS = frozenset(
    {"", ",", ".", ";", ")", "(", ":", "-", "–", "—", "а", *_AND_WORDS} - {"and"}
)


def named_trip_lengths(
    text: str,
    lex: Lexicon,
    pattern: re.Pattern[str] | FoldedPattern | None,
    number_at: Callable[[tuple[Token, ...], int], tuple[int, int] | None],
) -> list[tuple[int, int, int]]:
    """Return each trip length named as such ("время в пути 7 дней") as (days, start, end).

    The one reading of every language (review17 #5): a word of the lexicon's
    ``trip_length`` (``pattern``), then at most three words ("составляет около",
    "wynosi", "is about"), then a number (``number_at``: the reader's own, digits or
    words) and a unit of the lexicon's ``duration`` (a week counts seven days). A
    comma or a stop ends the phrase.

    Parameters
    ----------
    text : str
        A sentence or a whole report.
    lex : Lexicon
        The language's lexicon (its ``day_units`` and ``week_units``).
    pattern : re.Pattern or None
        The lexicon's ``trip_length`` words; None: no length is named.
    number_at : callable
        ``number_at(tokens, i)``: the value of a number written at token ``i`` and
        the index after it, or None.

    Returns
    -------
    list of (int, int, int)
        Days, and the start and end offsets in ``text`` of the words naming them.

    Examples
    --------
    >>> rd = LexiconReader("ru")
    >>> named_trip_lengths("Время в пути около 7 дней.", rd.lex, rd._pattern("trip_length"),
    ...                    rd._number_at)
    [(7, 0, 25)]
    """
    if pattern is None:
        return []
    toks = tokens(text)
    found: list[tuple[int, int, int]] = []
    for m in pattern.finditer(text):
        i = next((k for k, t in enumerate(toks) if t.start >= m.end()), len(toks))
        for k in range(i, min(i + lex.trip_length_reach + 1, len(toks) - 1)):
            if not toks[k].low[:1].isalnum():
                break  # (a comma or a stop ends the phrase)
            number = number_at(toks, k)
            if number is None or number[1] >= len(toks):
                continue
            value, j = number
            unit = toks[j].low
            if unit in lex.day_units or unit in lex.week_units:
                days = value * 7 if unit in lex.week_units else value
                found.append((days, m.start(), toks[j].end))
                break
    return found


def _not_a_count(toks: tuple[Token, ...], i: int) -> bool:
    """Whether the digits at ``toks[i]`` are a time, a decimal or thousands (10:40, 2,2 tys.)."""
    before = toks[i - 1].low if i > 0 else ""
    after = toks[i + 1].low if i + 1 < len(toks) else ""
    # "10:40" is a time; "эшелон: 32 платформы" and "а 05:40: 38 платформаў" are a
    # count after a colon (a time is written together)
    if (
        before == ":"
        and i > 1
        and toks[i - 2].low.isdecimal()
        and toks[i - 1].start == toks[i - 2].end
        and toks[i].start == toks[i - 1].end
    ):
        return True
    if after == ":" and i + 2 < len(toks) and toks[i + 2].low.isdecimal():
        return toks[i + 1].start == toks[i].end and toks[i + 1].end == toks[i + 2].start
    if before in _DASHES and i > 1 and toks[i - 2].low.isdecimal():
        return True  # "2-3 вагона": a range is no count
    if after in _DASHES and i + 2 < len(toks) and toks[i + 2].low.isdecimal():
        return True
    # "2,2" or "2.5" written together is one number; "около 05:40. 38 платформ" or
    # "18:30, 42 вагона" is a time, a stop or a comma, then a count (trial11 T12)
    if after in (",", ".") and i + 2 < len(toks) and toks[i + 2].low.isdecimal():
        return toks[i + 1].start == toks[i].end and toks[i + 2].start == toks[i + 1].end
    if before in (",", ".") and i > 1 and toks[i - 2].low.isdecimal():
        return toks[i - 1].start == toks[i - 2].end and toks[i].start == toks[i - 1].end
    return after in _THOUSANDS


@lru_cache(maxsize=1)
def _ordinal_day() -> re.Pattern[str]:
    """Return the pattern of a day written as an ordinal ("15-го", "16-га", "5-go").

    The endings are the lexicons' ``ordinal_day_endings``.
    """
    endings = sorted(
        {e for lang in LANGUAGES for e in lexicon(lang).ordinal_day_endings}, key=len, reverse=True
    )
    return re.compile(rf"(\d{{1,2}})-(?:{'|'.join(map(re.escape, endings))})")


def _day(tok: Token) -> str | None:
    """Return the day a token gives ("5", and "15-го", "16-га", "29-е" written as ordinals)."""
    low = tok.low
    if not low.isdecimal():
        m = _ordinal_day().fullmatch(low)
        if m is None:
            return None
        low = m[1]
    return low if len(low) <= 2 and 1 <= int(low) <= 31 else None


def _is_day(tok: Token) -> bool:
    return _day(tok) is not None


_STEM_START = r"(?<![\w-])"  # how every pattern of lexicon._stem_re starts


def _union(*patterns: re.Pattern[str] | None) -> FoldedPattern | None:
    """Join patterns of :func:`~railtrack.extract.lexicon._stem_re` into one.

    The joined pattern matches somewhere exactly when one of them does: each starts
    with the same look-behind and is case-blind, so the look-behind is put once before
    an alternation of what follows it. None when a pattern is not such a pattern (or
    none is given): the caller then asks each. The joined pattern is folded
    (:class:`~railtrack.extract.casefold.FoldedPattern`: searched case-sensitively in
    the lower-cased text, 1.3-1.8x faster on the Russian clauses): it only answers
    whether a text has such a word, never which.
    """
    bodies = []
    for p in patterns:
        if p is None:
            continue
        if not p.pattern.startswith(_STEM_START) or p.flags != re.IGNORECASE | re.UNICODE:
            return None
        bodies.append(p.pattern[len(_STEM_START) :])
    if not bodies:
        return None
    return fold_compile(f"{_STEM_START}(?:{'|'.join(bodies)})")


# the batch nouns among the train nouns ("партия", "партія", "партыя", "partia"): a train
# noun only when what the batch holds does not move by road (the lexicon's ``road_batch``)
_BATCH_STEMS = ("парти", "парті", "парты", "parti")


# how far a schedule phrase may stand from the verb it qualifies ("по графику прибыл",
# "прибыл точно по графику в Находку")
_SCHEDULE_GAP = 24


def _beside(text: str, a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether two spans of ``text`` stand at most ``_SCHEDULE_GAP`` apart in one sentence.

    Examples
    --------
    >>> _beside("по графику прибыл", (0, 10), (11, 17))
    True
    >>> _beside("по графику. Прибыл", (0, 10), (12, 18))
    False
    """
    lo, hi = (a[1], b[0]) if a[1] <= b[0] else (b[1], a[0])
    return hi - lo <= _SCHEDULE_GAP and not any(c in text[lo:hi] for c in ".!?;")


def _folded(lex: Lexicon) -> dict[str, FoldedPattern]:
    """Return a folded twin of each case-blind pattern of the lexicon that folds, by name.

    A :class:`~railtrack.extract.casefold.FoldedPattern` finds the same matches at the
    same offsets, searching the lower-cased text case-sensitively and skipping a text
    that holds none of the words every match needs; its matched text is lower-cased, so
    it is asked (:meth:`LexiconReader._pattern`) where only offsets and groups taken or
    not are read: the patterns searched in whole clauses, sentences and reports. Every
    case-blind pattern is folded, so that one the lexicon gains is folded too; a
    pattern that does not fold stays as it is.
    """
    found: dict[str, FoldedPattern] = {}
    for field in fields(lex):
        pattern = getattr(lex, field.name)
        if not isinstance(pattern, re.Pattern) or not pattern.flags & re.IGNORECASE:
            continue
        try:
            found[field.name] = FoldedPattern(pattern)
        except ValueError:  # a source _lower_source refuses: searched as it is
            continue
    return found


def _told_as_past_word(word: str, lang: str) -> bool:
    """Whether a lower-cased word ends as a verb told as past in ``lang`` (tense.py)."""
    past = past_form(lang)
    return past is not None and past.search(word) is not None


class LexiconReader:
    """The finders and cues of one lexicon language.

    Parameters
    ----------
    lang
        An ISO 639-1 code with a lexicon (``ru``, ``uk``, ``be``, ``pl``).
    """

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.lex: Lexicon = lexicon(lang)
        # months of every language: a Russian report may quote "8 marca"
        self._month = month_of  # months of every language
        lex = self.lex
        tables = (
            lex.qualifiers,
            lex.night_prefix,
            lex.month_parts,
            lex.month_prep,
            lex.weekday_mods,
            lex.relative,
            lex.earlier_day,
        )
        # the words a date expression can start with: dates are tried only there
        self._date_starts = frozenset().union(
            *(t.first_words for t in tables), lex.weekdays, lex.range_start, lex.earlier_before
        )
        self._date_prefixes = tuple(p for t in tables for p in t.prefixes)
        # the words a place kind ("станцию") can start with: a station named without a
        # preposition (_bare_station) is looked for only after them
        self._kind_starts = lex.place_kinds.first_words
        self._kind_prefixes = lex.place_kinds.prefixes
        self._verb_cache: dict[str, list[VerbCue]] = {}
        # the patterns searched in whole texts, folded (_pattern): the same matches
        self._folded = _folded(lex)
        # every word that can make a clause off topic, a timetable, a road convoy or a
        # preparation, in one search (most clauses have none: one search, not six)
        self._turn_away = _union(
            lex.accident, lex.service, lex.off_topic, lex.timetable, lex.road, lex.preparation
        )
        # every word that can make a sentence tell of a train of no shipment, in one
        # search (asked of every sentence; most have none: one search, not four)
        self._no_shipment = _union(
            lex.exhibition, lex.retro_stock, lex.shown, lex.service, lex.timetable
        )
        # the words a number in words starts with: at any other token that is not
        # digits, _number_at finds no number (the loops over every token skip it)
        self._number_words = frozenset(lex.numbers) | lex.dozen | frozenset(lex.collective)

    def _pattern(self, name: str) -> re.Pattern[str] | FoldedPattern | None:
        """Return the lexicon's pattern ``name``, folded when it folds (:func:`_folded`).

        Examples
        --------
        >>> LexiconReader("ru")._pattern("verbs").search("Эшелон ПРИБЫЛ в Брест").span()
        (7, 13)
        """
        folded = self._folded.get(name)
        return folded if folded is not None else getattr(self.lex, name)

    def quiet(self, text: str) -> bool:
        """Whether ``text`` has no word that can turn a clause away.

        True means that :meth:`is_off_topic`, :meth:`is_timetable`, :meth:`is_road` and
        :meth:`is_preparation` are all False for ``text`` (none of the accident,
        service, off-topic, timetable, road and preparation patterns matches): one
        search of the patterns joined instead of one each. False tells nothing.

        Examples
        --------
        >>> LexiconReader("ru").quiet("Эшелон прибыл в Брест")
        True
        >>> LexiconReader("ru").quiet("Поезд прибудет в Брест с задержкой")
        False
        """
        return self._turn_away is not None and self._turn_away.search(text) is None

    # -- numbers ---------------------------------------------------------------------
    def lone_number(self, text: str) -> int | None:
        """Return the one number a text holds, in digits or words; None for none or more.

        "из Барановичей — 1", "z Baranowicz – jeden": the count of an item whose train
        noun is left out, told after an item that names it.

        Examples
        --------
        >>> rd = LexiconReader("ru")
        >>> rd.lone_number("из Барановичей ушёл ещё один"), rd.lone_number("2 и 3") is None
        (1, True)
        """
        toks = tokens(text)
        found: list[int] = []
        i = 0
        while i < len(toks):
            number = self._number_at(toks, i)
            if number is None:
                i += 1
                continue
            found.append(number[0])
            i = number[1]
        return found[0] if len(found) == 1 else None

    def _number_at(self, toks: tuple[Token, ...], i: int) -> tuple[int, int] | None:
        """Return (value, next index) of a number written in digits or words at ``i``."""
        tok = toks[i]
        if tok.low.isdecimal():
            if _not_a_count(toks, i):
                return None
            return int(tok.low), i + 1
        if tok.low in self.lex.dozen:
            return 12, i + 1
        if tok.low in self.lex.collective:
            return self.lex.collective[tok.low], i + 1  # "полсотни", "десяток"
        value = self.lex.numbers.get(tok.low)
        if value is None:
            return None
        total, j = value, i + 1
        last = value
        while j < len(toks) and toks[j].low in self.lex.numbers:
            nxt = self.lex.numbers[toks[j].low]
            if nxt >= last:  # "сорок восемь" grows smaller; "два сорок" is not one number
                break
            total += nxt
            last = nxt
            j += 1
        if j < len(toks) and toks[j].low in self.lex.multipliers:
            return total * self.lex.multipliers[toks[j].low], j + 1  # "двух десятков"
        if j < len(toks) and toks[j].low in self.lex.dozen:
            return total * 12, j + 1  # "dwa tuziny", "z dwoma tuzinami": 24
        return total, j

    def _round_number(self, toks: tuple[Token, ...], j: int, k: int) -> bool:
        """Whether the number at ``toks[j:k]`` is a round word ("полсотни", "два десятка").

        Such a number is an estimate, as "около 50" is.

        Examples
        --------
        >>> rd = LexiconReader("ru")
        >>> from railtrack.extract.lexread import tokens
        >>> toks = tokens("двух десятков платформ")
        >>> rd._number_at(toks, 0), rd._round_number(toks, 0, 2)
        ((20, 2), True)
        """
        lex = self.lex
        return any(t.low in lex.collective or t.low in lex.multipliers for t in toks[j:k])

    # -- cars ------------------------------------------------------------------------
    def _adjective_kind(self, low: str) -> str | None:
        for stem, kind in self.lex.car_adjectives:
            if low.startswith(stem):
                return kind
        return None

    def find_car_counts(self, text: str) -> list[CarCount]:
        """Return the counts of railway cars: "48 вагонов", "сорок восемь платформ"."""
        toks = tokens(text)
        counts: list[CarCount] = []
        i = 0
        while i < len(toks):
            if not self._may_start_count(toks[i].low):
                i += 1
                continue
            round_number = self.lex.approx_numbers.match(toks, i)
            if round_number is not None:  # "pół setki wagonów": about 50
                value, k = round_number
                found = self._count_noun(toks, i, k)
                if found is not None:
                    kind, end_i = found
                    start, end = toks[i].start, toks[end_i - 1].end
                    counts.append(CarCount(kind, value, True, start, end, text[start:end]))
                    i = end_i
                    continue
            approx = self.lex.approx.match(toks, i)
            start_i = i
            j = i if approx is None else self._after_bound(toks, approx[1])
            if j >= len(toks):
                break
            shaped = self._shaped_count(text, toks, start_i, j, approx=approx is not None)
            if shaped is not None:
                counts += shaped[0]
                i = shaped[1]
                continue
            number = self._number_at(toks, j)
            if number is None:
                i += 1
                continue
            value, k = number
            # "40+ вагонов": at least 40
            plus, k = self._bound_after(toks, k)
            found = self._count_noun(toks, j, k)
            if found is None:
                i = k if k > i else i + 1
                continue
            kind, end_i = found
            first = start_i if approx else j
            if approx is not None and self._range_end(toks, start_i):
                i = end_i  # "от 30 до 40 вагонов", "ад 30 да 40 вагонаў": a range, no count
                continue
            if kind == "tank" and self._among_vehicles(toks, first, end_i):
                i = end_i  # "23 czołgi, 8 cystern, 9 ciężarówek": fuel trucks, not tank cars
                continue
            start, end = toks[first].start, toks[end_i - 1].end
            at_least = plus or (approx is not None and approx[0] == "at_least")
            at_most = approx is not None and approx[0] == "at_most"
            estimated = (bool(approx) and not at_least) or self._round_number(toks, j, k)
            counts.append(
                CarCount(
                    kind,
                    value,
                    estimated,
                    start,
                    end,
                    text[start:end],
                    at_least=at_least,
                    at_most=at_most,
                )
            )
            i = end_i
        return counts

    def _bound_after(self, toks: tuple[Token, ...], k: int) -> tuple[bool, int]:
        """Return whether a lower bound follows a number ending at ``k``, and the index after.

        "40+ вагонов", "40 с лишним вагонов", "40 z okładem" (lexicon
        ``at_least_after``): at least 40.

        Examples
        --------
        >>> LexiconReader("ru")._bound_after(tokens("40 с лишним вагонов"), 1)
        (True, 3)
        """
        if k < len(toks) and toks[k].low == "+" and toks[k].start == toks[k - 1].end:
            return True, k + 1
        odd = self.lex.at_least_after.match(toks, k)
        return (True, odd[1]) if odd is not None else (False, k)

    def find_bare_count(self, text: str) -> CarCount | None:
        """Return a count whose car noun is left out, ending the text ("drugi 40").

        A train of a list counted after one counted with its noun ("Pierwszy liczył 48
        wagonów, drugi 40", "во втором — около 40", "у другім — 40"): the number (digits
        or number words) that ends the clause, with nothing but punctuation after it and
        no clock mark before it; an estimate word before it (lexicon ``approx``) marks it
        as such. ``kind`` is ``total``: the caller gives it the kind the train before
        was counted in, and tells a day or a time from a count.

        Examples
        --------
        >>> rd = LexiconReader("ru")
        >>> found = rd.find_bare_count("во втором — около сорока.")
        >>> found.value, found.estimated, found.text
        (40, True, 'около сорока')
        >>> rd.find_bare_count("во втором — 40 вагонов") is None
        True
        >>> LexiconReader("pl").find_bare_count("drugi 40.").value
        40
        """
        toks = tokens(text)
        end_i = len(toks)
        # (", a trzeci ...": the joining word before the next train's ordinal is no word
        # of this clause; trial14 T6)
        while end_i and (
            not toks[end_i - 1].low[0].isalnum() or toks[end_i - 1].low in self.lex.list_joins
        ):
            end_i -= 1
        for i in range(max(0, end_i - 4), end_i):
            number = self._plain_number(toks, i)
            if number is None or number[1] != end_i:
                continue
            if i > 1 and toks[i - 1].low in (":", ".", ",", "/") and toks[i - 2].low.isdecimal():
                return None  # "о 14:30", "8.30", "05/04": a time or a day, not a count
            value = number[0]
            if not 0 < value < 1000:
                return None
            bound, first = None, i
            for k in range(max(0, i - 4), i):
                found = self.lex.approx.match(toks, k)
                if found is not None and found[1] == i:
                    bound, first = found[0], k
                    break
            start, end = toks[first].start, toks[end_i - 1].end
            return CarCount(
                "total",
                value,
                bound is not None and bound != "at_least",
                start,
                end,
                text[start:end],
                at_least=bound == "at_least",
                at_most=bound == "at_most",
            )
        return None

    def _may_start_count(self, low: str) -> bool:
        """Whether a count may start at a word: a digit, a number or an estimate word."""
        lex = self.lex
        return (
            low[0].isdecimal()
            or low in lex.numbers
            or low in lex.approx
            or low in lex.collective
            or low in lex.dozen
            or low in lex.approx_numbers
        )

    def _shaped_count(
        self, text: str, toks: tuple[Token, ...], start_i: int, j: int, *, approx: bool
    ) -> tuple[list[CarCount], int] | None:
        """Return the count of a special shape at ``toks[j]`` and the index after it, if any.

        A group's size ("grupy 6-10 wagonów": no count, an empty list), a count in
        pieces ("цистерны с топливом (8 шт.)") or a range ("30-35 платформ", "od 30 do
        40 wagonów"); ``start_i`` is where an estimate word before it starts.
        """
        if self._batch_size(toks, start_i):
            return [], start_i + 1
        found = None if approx else self._pieces_count(text, toks, j)
        if found is None:
            found = self._count_range(text, toks, j, estimate=start_i if approx else None)
        return None if found is None else ([found[0]], found[1])

    def _plain_number(self, toks: tuple[Token, ...], i: int) -> tuple[int, int] | None:
        """Return (value, next index) of digits or number words at ``i``, as written."""
        if i >= len(toks):
            return None
        if toks[i].low.isdecimal():
            return int(toks[i].low), i + 1
        return self._number_at(toks, i)

    def _count_range(
        self, text: str, toks: tuple[Token, ...], j: int, *, estimate: int | None = None
    ) -> tuple[CarCount, int] | None:
        """Return a count given as a range at ``toks[j]`` and the index after it, if any.

        "30-35 платформ", "30 – 35 platform", "от 30 до 40 вагонов", "від 30 до 40",
        "ад 30 да 40 вагонаў", "od 30 do 40 wagonów", "между 30 и 40 вагонами", "от
        тридцати до сорока вагонов": at least the first number and at most the second,
        which must be the larger (lexicon ``count_ranges``). ``estimate`` is the index of
        an estimate word that opens it ("около 40-45 вагонов"): the range is estimated.

        Examples
        --------
        >>> rd = LexiconReader("ru")
        >>> text = "из 30-35 платформ"
        >>> count, end = rd._count_range(text, tokens(text), 1)
        >>> count.kind, count.value, count.most, count.at_least, count.at_most, count.text
        ('flat', 30, 35, True, True, '30-35 платформ')
        >>> days = "с 10 по 15 марта"
        >>> rd._count_range(days, tokens(days), 1) is None
        True
        """
        lex = self.lex
        low = self._plain_number(toks, j)
        if low is None or low[1] + 1 >= len(toks):
            return None
        k = low[1]
        opener = toks[j - 1].low if j > 0 else ""
        joint = toks[k].low
        if not (
            joint in _DASHES
            or joint in lex.count_range_to
            or (opener in lex.count_range_between and joint in lex.ranges)
        ):
            return None
        high = self._plain_number(toks, k + 1)
        if high is None or high[0] <= low[0]:
            return None
        found = self._count_noun(toks, k + 1, high[1])
        if found is None:
            return None
        kind, end_i = found
        first = j - 1 if opener in lex.count_range_from else j
        if estimate is not None:
            first = estimate
        start, end = toks[first].start, toks[end_i - 1].end
        estimated = estimate is not None
        count = CarCount(kind, low[0], estimated, start, end, text[start:end], True, True, high[0])
        return count, end_i

    def _batch_size(self, toks: tuple[Token, ...], i: int) -> bool:
        """Whether the count at ``toks[i]`` follows a plural "groups" (lexicon ``batches``).

        Examples
        --------
        >>> pl = LexiconReader("pl")
        >>> pl._batch_size(tokens("grupy 6-10 wagonów"), 1), pl._batch_size(tokens("z 6"), 1)
        (True, False)
        """
        before = toks[i - 1].low if i > 0 else ""
        if before in ("по", "po", "па") and i > 1:
            before = toks[i - 2].low
        return before in self.lex.batches

    def _pieces_count(
        self, text: str, toks: tuple[Token, ...], j: int
    ) -> tuple[CarCount, int] | None:
        """Return a count in brackets after its car noun ("цистерны (8 шт.)"), if any.

        The number at ``toks[j]`` stands in brackets with a word for pieces (lexicon
        ``pieces``: "шт", "штук", "szt") and a car noun within four words before the
        bracket ("цистерны с топливом (8 шт.)", "cysterny z paliwem (8 szt.)"); the
        count runs from the noun (or its type adjective) to the closing bracket.

        Examples
        --------
        >>> rd = LexiconReader("ru")
        >>> text = "25 крытых вагонов и цистерны с топливом (8 шт.)"
        >>> count, end = rd._pieces_count(text, tokens(text), 8)
        >>> count.kind, count.value, count.text
        ('tank', 8, 'цистерны с топливом (8 шт.)')
        """
        end_i = self._pieces_end(toks, j)
        if end_i is None:
            return None
        opening = j - 1
        if toks[opening].low in self.lex.each and opening > 1:
            opening -= 1  # "(по 8 шт.)": each train's (read as such by ``is_each``)
        if toks[opening].low == ",":  # "(цистерны, по 50 штук)"
            return self._kind_then_pieces(text, toks, opening - 1, j, end_i)
        if opening < j - 1 and self._car_noun_kind(toks[opening].low) is not None:
            return self._kind_then_pieces(text, toks, opening, j, end_i)  # "(цистерны по 50 шт.)"
        if toks[opening].low != "(":
            return None
        for m in range(opening - 1, max(-1, opening - 6), -1):
            kind = self._car_noun_kind(toks[m].low)
            if kind is None:
                if toks[m].low in (",", ";", ":", "(", ")") or toks[m].low.isdecimal():
                    return None  # another clause or another count stands between
                continue
            first = m
            adjective = self._adjective_kind(toks[m - 1].low) if m > 0 else None
            if adjective not in (None, "neutral"):
                kind, first = adjective, m - 1  # "крытые вагоны (5 шт.)"
            start, end = toks[first].start, toks[end_i - 1].end
            value = int(toks[j].low)
            return CarCount(kind, value, False, start, end, text[start:end]), end_i
        return None

    def _pieces_end(self, toks: tuple[Token, ...], j: int) -> int | None:
        """Return the index after "8 шт.)" at ``toks[j]`` (number, pieces word, bracket)."""
        if j < 2 or j + 1 >= len(toks):
            return None
        if not toks[j].low.isdecimal() or toks[j + 1].low not in self.lex.pieces:
            return None
        end_i = j + 2
        if end_i < len(toks) and toks[end_i].low == ".":
            end_i += 1  # "(8 шт.)"
        if end_i >= len(toks) or toks[end_i].low != ")":
            return None
        return end_i + 1

    def _kind_then_pieces(
        self, text: str, toks: tuple[Token, ...], m: int, j: int, end_i: int
    ) -> tuple[CarCount, int] | None:
        """Return a count whose car noun opens its bracket ("(цистерны, по 50 штук)").

        ``m`` is the car noun, ``j`` the number, ``end_i`` the index after the closing
        bracket. The noun (with its type adjective) stands right
        after the opening bracket: "(цыстэрны, па 50 штук)", "(cysterny, po 50
        sztuk)", "(крытые вагоны, 8 шт.)".

        Examples
        --------
        >>> rd = LexiconReader("be")
        >>> text = "два эшалоны з палівам (цыстэрны, па 50 штук)"
        >>> count, end = rd._kind_then_pieces(text, tokens(text), 5, 8, 11)
        >>> count.kind, count.value, count.text
        ('tank', 50, 'цыстэрны, па 50 штук)')
        """
        kind = self._car_noun_kind(toks[m].low) if m >= 0 else None
        if kind is None:
            return None
        first = m
        adjective = self._adjective_kind(toks[m - 1].low) if m > 0 else None
        if adjective not in (None, "neutral"):
            kind, first = adjective, m - 1  # "(крытые вагоны, 8 шт.)"
        if first == 0 or toks[first - 1].low != "(":
            return None
        start, end = toks[first].start, toks[end_i - 1].end
        return CarCount(kind, int(toks[j].low), False, start, end, text[start:end]), end_i

    def _range_end(self, toks: tuple[Token, ...], i: int) -> bool:
        """Whether ``toks[i]`` ("до", "да", "do") closes a range of numbers ("30 до 40").

        "до 40 вагонов" alone is a bound (up to 40: an estimate); after a number ("от
        30 до 40 вагонов", "від 30 до 40", "ад 30 да 40") it ends a range, which the
        labelling rules read as no count.

        Examples
        --------
        >>> rd = LexiconReader("ru")
        >>> rd._range_end(tokens("от 30 до 40 вагонов"), 2), rd._range_end(tokens("до 40"), 0)
        (True, False)
        """
        if i == 0 or toks[i].low not in self.lex.ranges:
            return False
        before = toks[i - 1].low
        return before.isdecimal() or before in self.lex.numbers

    def _among_vehicles(self, toks: tuple[Token, ...], first: int, end: int) -> bool:
        """Whether a count stands in a list beside counted road vehicles or tanks.

        "23 czołgi T-80, 8 cystern, 9 ciężarówek": a tank noun ("cysterna",
        "цистерна") there is a fuel truck on a platform, not a tank car. A list item
        is a number and the word after it, next to this count across a comma.
        """

        def vehicle_at(k: int) -> bool:
            if k < 0 or k + 1 >= len(toks):
                return False
            number = self._number_at(toks, k)
            if number is None or number[1] >= len(toks):
                return False
            word = toks[number[1]].low
            return (
                word[:1].isalpha()
                and self._car_noun_kind(word) is None
                and (self._adjective_kind(word) is None)
            )

        # the item before: "<n> <word> [<word>] ," just before this count
        for back in (3, 4):
            k = first - back
            if k >= 0 and toks[first - 1].low == "," and vehicle_at(k):
                return True
        return end + 1 < len(toks) and toks[end].low == "," and vehicle_at(end + 1)

    def _count_noun(self, toks: tuple[Token, ...], j: int, k: int) -> tuple[str, int] | None:
        """Return the car type after a number at ``toks[j:k]``, and where the count ends."""
        tok = toks[j]
        if "-" in tok.low and tok.low.split("-", 1)[1].startswith(("вагон", "wagon")):
            return "total", k  # "48-вагонный состав"
        kind: str | None = None
        m = k
        while m < len(toks) and m < k + 4:
            low = toks[m].low
            noun_kind = self._car_noun_kind(low)
            if noun_kind is not None:
                after = self._adjective_kind(toks[m + 1].low) if m + 1 < len(toks) else None
                if kind is None and after not in (None, "neutral"):
                    return after, m + 2  # "wagony pasażerskie", "вагонов пассажирских"
                if (
                    kind is None
                    and m + 2 < len(toks)
                    and toks[m + 1].low in _AND_WORDS
                    and self._car_noun_kind(toks[m + 2].low) not in (None, noun_kind)
                ):
                    # "ponad 260 platform i wagonów", "40 вагонов и платформ": one number
                    # over two kinds of car is the total of both (not "25 крытых вагонов
                    # и цистерны (8 шт.)": a typed count stays its type's)
                    return "total", m + 3
                return (kind or noun_kind), m + 1
            adjective = self._adjective_kind(low)
            if adjective is None:
                break
            if adjective != "neutral":
                kind = adjective
            m += 1
        if kind is not None and kind != "neutral" and m > k:
            # "из них 2 пассажирских": an adjective standing for its noun, to the end of
            # its clause ("w tym 3 osobowe – 6 kwietnia", "з іх 3 пасажырскія — з ...")
            nxt = toks[m].low if m < len(toks) else ""
            if nxt in _ADJECTIVE_COUNT_ENDS:
                return kind, m
        return None

    def _car_noun_kind(self, low: str) -> str | None:
        """Return the car type a word names ("вагонов", "вагонов-платформ": flat), else None."""
        kind = self.lex.car_nouns.get(low)
        if kind is not None or "-" not in low:
            return kind
        kinds = [self.lex.car_nouns.get(part) for part in low.split("-")]
        typed = [k for k in kinds if k not in (None, "total")]
        if typed:
            return typed[0]
        return "total" if "total" in kinds else None

    def find_count_series(self, text: str) -> tuple[list[int], str, int, int] | None:
        """Return the counts of a series "48 и 38 вагонов", one per train, and their car type."""
        toks = tokens(text)
        number_words = self._number_words
        for i in range(len(toks)):
            if not (toks[i].low.isdecimal() or toks[i].low in number_words):
                continue  # no number starts here
            values: list[int] = []
            j = i
            while j < len(toks):
                number = self._number_at(toks, j)
                if number is None:
                    break
                values.append(number[0])
                j = number[1]
                if j < len(toks) and (toks[j].low in (",", "и", "і", "i", "та", "ды", "oraz")):
                    j += 1
                    continue
                break
            if len(values) >= 2:
                found = self._count_noun(toks, j - 0, j)
                if found is not None:
                    kind, end_i = found
                    return values, kind, toks[i].start, toks[end_i - 1].end
        return None

    def counts_other_things(self, text: str) -> bool:
        """Whether the text counts something that is neither a train nor a railway car.

        "прибыли 600 бурятов", "в Горловку - 200 казачков": people (or vehicles,
        containers) arriving, with no train or car named, are no train of their own.

        Examples
        --------
        >>> ru = LexiconReader("ru")
        >>> ru.counts_other_things("29 марта в Иловайск прибыли 600 бойцов")
        True
        >>> ru.counts_other_things("29 марта в Иловайск прибыли 20 платформ")
        False
        """
        if self.has_train_noun(text) or self.has_car_noun(text):
            return False
        toks = tokens(text)
        for i in range(len(toks)):
            number = self._number_at(toks, i)
            if number is None:
                continue
            k = number[1]
            while k < len(toks) and not toks[k].low.isalpha():
                k += 1  # quotes, dashes
            if k < len(toks) and self._month(toks[k].low) is None and toks[k].low.isalpha():
                return True
        return False

    def has_car_noun(self, text: str) -> bool:
        """Whether the text names railway cars."""
        return any(self._car_noun_kind(t.low) is not None for t in tokens(text))

    def car_kinds(self, text: str) -> set[str]:
        """Return the kinds of car a text names by a noun of their own ("платформ": flat).

        The generic noun ("вагонів") is ``total``.

        Examples
        --------
        >>> sorted(LexiconReader("ru").car_kinds("30 платформ и 2 пассажирских вагона"))
        ['flat', 'total']
        """
        kinds = {self._car_noun_kind(t.low) for t in tokens(text)}
        return {k for k in kinds if k is not None}

    def car_kinds_named(self, text: str) -> frozenset[str]:
        """Return the car types the text names without a count (``total``: of no type).

        >>> pl = LexiconReader("pl")
        >>> sorted(pl.car_kinds_named("TIRy na platformach, a także dwa wagony sypialne"))
        ['flat']
        >>> sorted(pl.car_kinds_named("Przybyło 6 cystern, a do Homla 20 platform"))
        []
        """
        counted = [(c.start, c.end) for c in self.find_car_counts(text)]
        kinds = (
            self._car_noun_kind(t.low)
            for t in tokens(text)
            if not any(a <= t.start < b for a, b in counted)
        )
        return frozenset(k for k in kinds if k is not None)

    def same_route(self, text: str) -> bool:
        """Whether the text says a train took the route of the one before ("tą samą trasą")."""
        table = self.lex.same_route
        toks = tokens(text)
        return any(t.low in table.first_words and table.match(toks, i) for i, t in enumerate(toks))

    def same_place_roles(self, text: str) -> list[str]:
        """Return the ends the text gives as those of the train before ("на цю ж станцію").

        Examples
        --------
        >>> LexiconReader("uk").same_place_roles("Такий самий прибув на цю ж станцію 6 січня")
        ['destination']
        >>> LexiconReader("ru").same_place_roles("Второй ушел с той же станции в Брест")
        ['origin']
        """
        table = self.lex.same_place
        toks = tokens(text)
        roles: list[str] = []
        for i, tok in enumerate(toks):
            if tok.low in table:
                hit = table.match(toks, i)
                if hit is not None and hit[0] not in roles:
                    roles.append(hit[0])
        return roles

    def is_whole_train(self, before: str) -> bool:
        """Whether a count after ``before`` is the whole train ("эшелон из 48 ...")."""
        toks = tokens(before)
        for n in (3, 2, 1):
            if len(toks) <= n:
                continue
            hit = self.lex.whole_train.match(toks, len(toks) - n)
            if hit is not None and hit[1] == len(toks):
                back = toks[: len(toks) - n]
                return any(t.low in self.lex.train_nouns for t in back[-3:]) or n > 1
        return False

    # -- trains ----------------------------------------------------------------------
    def train_noun_at(self, text: str) -> int | None:
        """Return the offset of the first train noun in the text, or None.

        A train noun is a word of the lexicon's ``train_nouns`` in any case form
        (эшелон, эшелона; потяг; цягнік; pociąg, pociągu).

        Parameters
        ----------
        text : str
            A sentence or clause in the reader's language.

        Returns
        -------
        int or None
            The character offset of the first train noun's first letter; None when
            the text names none.

        Examples
        --------
        >>> LexiconReader("ru").train_noun_at("Вчера поезд с делегацией прибыл в Хасан.")
        6
        >>> LexiconReader("pl").train_noun_at("Wczoraj do Brześcia przyjechał pociąg.")
        31
        >>> LexiconReader("uk").train_noun_at("Делегація прибула до Хасана.") is None
        True
        """
        nouns = self.lex.train_nouns
        return next((t.start for t in tokens(text) if t.low in nouns), None)

    def has_train_noun(self, text: str, *, singular: bool = False) -> bool:
        """Whether the text names a train (эшелон, потяг, цягнік, pociąg, ...).

        With ``singular``, only a singular form counts ("pociągami z Chin": trains in
        general).
        """
        nouns = self.lex.train_nouns
        if singular:
            toks = tokens(text)
            return any(
                nouns.get(t.low) == "sg" or self._singular_by_agreement(toks, i)
                for i, t in enumerate(toks)
            )
        return any(t.low in nouns for t in tokens(text))

    def without_other_modes(self, text: str) -> str:
        """Blank each train noun named with another mode of transport, and that word.

        "3 transporty morskie do portu w Antwerpii", "transport drogowy": a ship's or a
        road column's load, not a train (Polish "transport" names both). The list item
        it heads, from its count to the next comma or conjunction, is replaced by
        spaces, so every offset into the text stays as written.

        Examples
        --------
        >>> rd = LexiconReader("pl")
        >>> rd.without_other_modes("3 transporty morskie do Antwerpii, 2 pociągi").split()
        [',', '2', 'pociągi']
        >>> rd.without_other_modes("transport kolejowy dotarł do Żagania")
        'transport kolejowy dotarł do Żagania'
        """
        # "zamknięcia linii 179 od stacji Kosztowy do Lędzin": where a line runs
        text = without_line_sections(text, self.lex.line_sections)
        text = self._without_any_mode_nouns(self._without_personnel(text))
        # "паромом из Балтийска в Усть-Лугу": a leg by sea, the ship's ends
        text = without_sea_legs(
            text,
            [self._pattern("sea_by"), self._pattern("other_mode_verbs")],
            self._pattern("rail_words"),
            onward=tuple(sorted(self.lex.sea_from)),
        )
        modes = self._pattern("other_modes")
        if modes is None or modes.search(text) is None:
            return text
        toks = tokens(text)
        nouns = self.lex.train_nouns
        spans: list[tuple[int, int]] = []
        for i, tok in enumerate(toks):
            if tok.low not in nouns:
                continue
            for j in (i + 1, i - 1):
                if 0 <= j < len(toks) and modes.match(toks[j].low) is not None:
                    spans.append(self._list_item_span(toks, min(i, j), max(i, j)))
                    break
        if not spans:
            return text
        out = list(text)
        for start, end in spans:
            out[start:end] = " " * (end - start)
        return "".join(out)

    def _without_personnel(self, text: str) -> str:
        """Blank a train noun that names people, and the word beside it that says so.

        "10 автомобилей с личным составом", "з особовим составом", "з асабовым саставам":
        "состав" with "личный" (the lexicon's ``personnel`` stems, next to it) is a unit's
        personnel, no train (issue 13, session 16). Only the two words are blanked: the
        train a sentence also names ("Эшелон с личным составом прибыл") is read as usual.
        Offsets stay as written.

        Examples
        --------
        >>> rd = LexiconReader("ru")
        >>> rd.has_train_noun(rd._without_personnel("10 автомобилей с личным составом"))
        False
        >>> rd.has_train_noun(rd._without_personnel("Эшелон с личным составом прибыл"))
        True
        """
        people = self._pattern("personnel")
        if people is None or people.search(text) is None:
            return text
        toks = tokens(text)
        nouns = self.lex.train_nouns
        out = list(text)
        for i, tok in enumerate(toks):
            if tok.low not in nouns:
                continue
            for j in (i - 1, i + 1):
                if 0 <= j < len(toks) and people.match(toks[j].low) is not None:
                    start, end = toks[min(i, j)].start, toks[max(i, j)].end
                    out[start:end] = " " * (end - start)
                    break
        return "".join(out)

    def _without_any_mode_nouns(self, text: str) -> str:
        """Blank what names a ship's or a plane's load, or a load in a report of no railway.

        "Pierwszy transport sprzętu przypłynął drogą morską": in a sentence with a word
        of sailing or flying (the lexicon's ``other_mode_verbs``: "przypłynął",
        "samochodowiec") a noun of any mode's load (``any_mode_nouns``: "transport") is
        the ship's; such a sentence with no word of the railway (``rail_words``) is
        blanked whole ("Przypłynął ze Stanów Zjednoczonych": its places are the ship's,
        not a train's). In a report with no word of the railway at all ("nagranie
        pokazuje transport czołgów w okolicy Kantemirowki") such a noun in a sentence
        with no verb of departure or arrival is blanked: it tells of no train (one that
        left or arrived in its clause, "wysłano transport ze Słonimia", may be a train;
        "trafiło nagranie, które pokazuje transport" is the video's verb); nor does one
        beside a verb of an activity taking place
        (``activity_verbs``: "transport ma się odbywać ze stacji Bohatyrewka": a plan of
        transports, not a train); in such a report a sentence naming a sea port (the
        lexicon's ``ports``: "do portu w Szczecinie przybył transport wojskowy",
        "wyładowane w porcie") tells of a ship and is blanked too. Blanks are spaces, so
        every offset stays as written.

        Examples
        --------
        >>> rd = LexiconReader("pl")
        >>> rd.without_other_modes("Transport czołgów przypłynął do Gdyni.").split()
        []
        >>> rd.without_other_modes("Nagranie pokazuje transport czołgów w Gdyni.").split()
        ['Nagranie', 'pokazuje', 'czołgów', 'w', 'Gdyni.']
        >>> rd.without_other_modes("Transport czołgów dotarł do Gdyni.").split()[0]
        'Transport'
        >>> rd.without_other_modes("Transport czołgów dotarł koleją do Gdyni.").split()[0]
        'Transport'
        >>> rd.without_other_modes("Transport ma się odbywać ze stacji Orsza.").split()[0]
        'ma'
        >>> rd.without_other_modes("Pociąg dotarł do Gdyni. Statek przypłynął z Kilonii.").split()
        ['Pociąg', 'dotarł', 'do', 'Gdyni.']
        >>> rd.without_other_modes("Do Braniewa trafiła cała dostawa czołgów.").split()
        ['Do', 'Braniewa', 'trafiła', 'cała', 'czołgów.']
        >>> rd.without_other_modes("Do portu w Gdyni przybył transport czołgów.").split()
        []
        >>> rd.without_other_modes("Do portu w Gdyni przybył pociąg z czołgami.").split()[0]
        'Do'
        """
        nouns, verbs = self.lex.any_mode_nouns, self._pattern("other_mode_verbs")
        if not nouns and verbs is None:
            return text
        rail = self._pattern("rail_words")
        not_rail = self._pattern("not_rail")
        if rail is not None and not_rail is not None:
            # "wchodzącym w skład brygady": read past the idioms, every offset kept
            searched = blank_matches(not_rail, text)
        else:
            searched = text
        hits = [m.start() for m in verbs.finditer(text)] if verbs is not None else []
        ports = self._pattern("ports")
        if ports is not None and rail is not None and rail.search(searched) is None:
            # "Maszyny zostały wyładowane w porcie w Szczecinie": in a report with no
            # word of the railway, a sentence naming a sea port tells of the ship
            hits += [m.start() for m in ports.finditer(text)]
        lowered = text.lower()
        has_noun = any(noun in lowered for noun in nouns)
        if not hits and not has_noun:
            return text  # (most reports: nothing to blank)
        starts = _sentence_starts(text)
        out = list(text)
        for at in hits:
            start, end = _sentence_at(text, starts, at)
            if rail is None or rail.search(searched, start, end) is None:
                out[start:end] = " " * (end - start)
        if not has_noun:
            return "".join(out)
        railless = rail is not None and rail.search(searched) is None
        activity = self._pattern("activity_verbs")
        for tok in tokens_among(text, nouns):
            start, end = _sentence_at(text, starts, tok.start)
            clause = _clause_around(text, tok.start, start, end)
            if (
                (
                    railless
                    and (
                        tok.low in self.lex.delivery_nouns
                        or not self._moves(clause)
                        # "do portu w Szczecinie przybył transport wojskowy": a load
                        # that arrives at a sea port, in a report of no railway, sailed
                        or (ports is not None and ports.search(clause) is not None)
                    )
                )
                or any(start <= at < end for at in hits)
                or (activity is not None and activity.search(text, start, end) is not None)
            ):
                out[tok.start : tok.end] = " " * (tok.end - tok.start)
        return "".join(out)

    def _moves(self, sentence: str) -> bool:
        """Whether a sentence has a verb of departure or arrival (not only of seeing)."""
        return any(cue.role in ("departure", "arrival") for cue in self.verb_cues(sentence))

    def _list_item_span(self, toks: tuple[Token, ...], first: int, last: int) -> tuple[int, int]:
        """Return the span of the list item around ``toks[first:last + 1]``.

        From the count before it ("3 transporty morskie") to the next comma, semicolon,
        full stop or list conjunction: its places and numbers ("do portu w Antwerpii")
        belong to it, not to the next item.
        """
        if first > 0 and toks[first - 1].low.isdigit():
            first -= 1
        end = last
        while end + 1 < len(toks):
            nxt = toks[end + 1].low
            if nxt in (",", ";", ".", ":") or nxt in self.lex.alternatives or nxt in _LIST_AND:
                break
            end += 1
        return toks[first].start, toks[end].end

    def _singular_by_agreement(self, toks: tuple[Token, ...], i: int) -> bool:
        """Whether a form both singular and plural is singular by the word before it.

        "отправку первого ускоренного поезда": "поезда" after "ускоренного" is the
        genitive singular, one train (not "поезда прибыли", trains).

        Examples
        --------
        >>> rd = LexiconReader("ru")
        >>> rd.has_train_noun("отправка контейнерного поезда", singular=True)
        True
        >>> rd.has_train_noun("поезда прибыли", singular=True)
        False
        """
        lex = self.lex
        return (
            i > 0
            and toks[i].low in lex.train_nouns_both
            and bool(lex.singular_before)
            and toks[i - 1].low.endswith(lex.singular_before)
        )

    def _train_noun_within(self, toks: tuple[Token, ...], i: int, n: int = 3) -> int | None:
        for j in range(i, min(len(toks), i + n + 1)):
            if toks[j].low in self.lex.train_nouns:
                return j
            if toks[j].low in (".", ";", ":"):
                return None
        return None

    def same_day_at(self, text: str) -> tuple[int, int] | None:
        """Return where "the same day" ("того ж дня", "tego samego dnia") is, else None.

        Examples
        --------
        >>> LexiconReader("pl").same_day_at("Tego samego dnia skład dotarł do Chełma.")
        (0, 16)
        >>> LexiconReader("pl").same_day_at("Skład dotarł do Chełma.") is None
        True
        """
        same_day = self._pattern("same_day")
        found = same_day.search(text) if same_day is not None else None
        return found.span() if found is not None else None

    def is_incident(self, text: str) -> bool:
        """Whether a sentence tells of an accident, an attack or vandalism at a train.

        Examples
        --------
        >>> rd = LexiconReader("pl")
        >>> rd.is_incident("Nieznani sprawcy wysypali rzepak z wagonów na bocznicy.")
        True
        >>> rd.is_incident("Pociąg wyjechał z Chełma.")
        False
        >>> LexiconReader("uk").is_incident("Від вибуху постраждала ділянка залізниці.")
        True
        """
        return any(
            words is not None and words.search(text) is not None
            for words in (self._pattern("accident"), self._pattern("blast"))
        )

    def names_standing(self, text: str) -> bool:
        """Whether a clause tells a train standing (the lexicon's ``standing``).

        "18 grudnia na stacji Polonka stał pociąg" may be the train that arrived there
        a week before, still standing; "zauważono pociąg" there is a train seen arriving.

        Examples
        --------
        >>> rd = LexiconReader("pl")
        >>> rd.names_standing("18 grudnia na stacji Polonka nadal stał pociąg.")
        True
        >>> rd.names_standing("18 grudnia na stacji Polonka zauważono pociąg.")
        False
        """
        words = self._pattern("standing")
        return words is not None and words.search(text) is not None

    def names_the_same_train(self, text: str) -> bool:
        """Whether a clause after an incident speaks of the train of the incident.

        These languages have no article ("the freight train"): after an accident,
        vandalism or an attack at a train, a clause naming one train standing (the
        lexicon's ``standing``: "stoi", "стоит") or told "just then" (``at_that_moment``:
        "по ній саме рухався потяг із Дніпрорудного", "как раз проходил состав": the
        train on the line when it blew up) with no word of another train ("kolejny",
        "jeszcze jeden") tells of the train the incident befell ("na bocznicy stoi
        pociąg, który wjechał z Ukrainy": where the spilled train came from), no
        shipment of its own. A train told on its way ("zmierzał ze Szczecina na
        Ukrainę") is a shipment the incident only stopped.

        Examples
        --------
        >>> rd = LexiconReader("pl")
        >>> rd.names_the_same_train("Na bocznicy stoi pociąg, który wjechał z Ukrainy.")
        True
        >>> rd.names_the_same_train("Pociąg zmierzał ze Szczecina na Ukrainę.")
        False
        >>> rd.names_the_same_train("Kolejny pociąg stoi w Chełmie.")
        False
        >>> LexiconReader("uk").names_the_same_train("По колії саме рухався потяг із Токмака.")
        True
        """
        return (
            any(
                words is not None and words.search(text) is not None
                for words in (self._pattern("standing"), self._pattern("at_that_moment"))
            )
            and self.has_train_noun(text, singular=True)
            and not self.new_train_markers(text)
        )

    def new_train_markers(self, text: str) -> list[TrainMarker]:
        """Words that introduce a new train: "второй эшелон", "ещё один", "kolejny pociąg"."""
        toks = tokens(text)
        markers: list[TrainMarker] = []
        i = 0
        table = self.lex.markers
        while i < len(toks):
            if toks[i].low not in table:
                i += 1
                continue
            hit = table.match(toks, i)
            if hit is None:
                i += 1
                continue
            kind, j = hit
            noun = self._train_noun_within(toks, j)
            # "второй (44 вагона) — 11 мая в Брест": what follows the bracketed count
            # tells whether the ordinal opens a train (trial15 T1)
            k = past_gloss(toks, j) if kind in ("ordinal", "another", "other") else j
            nxt = toks[k].low if k < len(toks) else ""
            verb_next = k < len(toks) and self._verb_at(text, toks[k].start)
            ok = False
            if kind in ("ordinal", "more", "another", "other", "same"):
                ok = noun is not None or nxt in (",", "—", "-", ":") or verb_next
                if not ok and kind == "ordinal" and nxt in ("", ".", "!", ";"):
                    # "Сегодня ожидается третий.", "Dziś oczekiwany jest trzeci.": an
                    # ordinal closing its clause after the verb is that verb's train
                    ok = any(self._verb_at(text, t.start) for t in toks[:i])
            elif (
                kind == "one" and noun is None and i > 0 and toks[i - 1].low in self.lex.place_cues
            ):
                # "на один із вокзалів", "na jeden z dworców": one of the places the
                # preposition leads to, no train (issue 13, session 20)
                i = j
                continue
            elif kind == "one":
                ok = noun is not None
                if not ok and nxt in ("из", "з", "із", "са", "z", "ze"):
                    ok = True  # "один из эшелонов"
            # (", a trzeci około 30 wagonów": a joining word opens it as a comma does)
            opening = (
                i == 0 or toks[i - 1].low in _OPENING or toks[i - 1].low in self.lex.list_joins
            )
            if kind == "ordinal" and not ok and opening:
                kind, ok = "weak", True  # "первый 2 марта с 40 вагонами": one of a group
            if (
                kind in ("one", "weak", "other")
                and not ok
                and (nxt in (",", "—", "–", ":") or verb_next or nxt in self.lex.place_cues)
            ):
                kind, ok = "weak", True
            if ok:
                end = toks[j - 1].end
                start = toks[i].start
                markers.append(TrainMarker(kind, start, end, text[start:end]))
                i = noun + 1 if noun is not None else j
            else:
                i = j
        return markers

    def group_announcement(self, text: str) -> GroupAnnouncement | None:
        """Return the announcement of several trains: "два эшелона", "pięć pociągów"."""
        toks = tokens(text)
        number_words = self._number_words
        for i in range(len(toks)):
            low = toks[i].low
            if not (low.isdecimal() or low in number_words):
                continue  # no number starts here
            if i > 0 and toks[i - 1].low in self.lex.group_lead:
                continue
            number = self._announced_number(text, toks, i)
            if number is None:
                continue
            value, most, j = number
            noun = self._train_noun_within(toks, j, 3)
            if noun is None or value < 2 or (toks[i].low.isdecimal() and value > 200):
                continue
            if any(self._month(t.low) is not None for t in toks[j:noun]):
                continue  # "6 marca pociąg": a date, not six trains
            if not self._counted_by(toks[noun].low, value):
                continue  # "Хвілін праз 15 цягнік стаў": 15 counts the minutes
            between = toks[j:noun]
            if any(
                t.low not in _MORE and (_ADJECTIVE_END.search(t.low) is None or t.low.isdecimal())
                for t in between
            ):
                continue  # "W 30 kontenerach pociąg": the number counts something else
            if _YEAR_RE.search(text) and not self.verb_cues(text):
                return None  # "w 2011 roku było to 17 pociągów": a statistic
            if self._approx_before(toks, i) and not self.verb_cues(text):
                # "zorganizowano blisko 30 transportów": an estimate with no movement, a
                # plan's or a period's total, not trains told (a bound is not an estimate:
                # "co najmniej pięć transportów: 26 sierpnia, ..." are trains)
                return None
            more = (i > 0 and toks[i - 1].low in self.lex.more_trains) or any(
                t.low in self.lex.more_trains for t in between
            )
            return GroupAnnouncement(
                value,
                toks[i].start,
                toks[noun].end,
                text[toks[i].start : toks[noun].end],
                most,
                more=more,
            )
        return None

    def _announced_number(
        self, text: str, toks: tuple[Token, ...], i: int
    ) -> tuple[int, int | None, int] | None:
        """Return (trains, high end of a range or None, index after) of a number at ``i``.

        "ещё 3-4 эшелона", "3 или 4 эшелона": the low end is listed (trial12 T2); a range
        with no verb of moving is a rate ("на зміну припадає 10-12 ешелонів"), no trains.
        """
        ranged = self._numbers_range(toks, i)
        if ranged is not None:
            return ranged if self.verb_cues(text) else None
        number = self._number_at(toks, i)
        return None if number is None else (number[0], None, number[1])

    def _numbers_range(self, toks: tuple[Token, ...], i: int) -> tuple[int, int, int] | None:
        """Return (low, high, index after) of a range of two numbers at ``toks[i]``, if any.

        "3-4", "3 – 4", "3 или 4", "trzy albo cztery", "три-четыре": a number, a dash or
        a joining word of a count range (lexicon ``count_ranges.to``), then a larger
        number. What the range counts is the caller's to check.

        Examples
        --------
        >>> rd = LexiconReader("ru")
        >>> rd._numbers_range(tokens("ещё 3-4 эшелона"), 1)
        (3, 4, 4)
        >>> rd._numbers_range(tokens("ещё 3 эшелона"), 1) is None
        True
        """

        def number(k: int) -> tuple[int, int] | None:
            if k >= len(toks):
                return None
            if toks[k].low.isdecimal():
                return int(toks[k].low), k + 1
            return self._number_at(toks, k)

        low = number(i)
        if low is None or low[1] + 1 >= len(toks):
            return None
        joint = toks[low[1]].low
        if joint not in _DASHES and joint not in self.lex.count_range_to:
            return None
        high = number(low[1] + 1)
        if high is None or high[0] <= low[0]:
            return None
        return low[0], high[0], high[1]

    def bound_before(self, text: str, at: int) -> bool:
        """Whether a lower bound ("не менее", "щонайменше", "co najmniej") ends at ``at``.

        Examples
        --------
        >>> LexiconReader("ru").bound_before("убыло не менее 4 эшелонов", 14)
        True
        >>> LexiconReader("ru").bound_before("убыло около 4 эшелонов", 12)
        False
        """
        toks = tokens(text)
        i = next((n for n, t in enumerate(toks) if t.start >= at), len(toks))
        for n in (4, 3, 2, 1):  # the longest phrase first ("не менее", not "менее")
            if i - n < 0:
                continue
            hit = self.lex.approx.match(toks, i - n)
            if hit is not None and hit[1] == i:
                return bool(hit[0] == "at_least")
        return False

    def _approx_before(self, toks: tuple[Token, ...], i: int) -> bool:
        """Whether a word of estimate ("blisko", "около") ends just before ``i``.

        Bounds ("co najmniej", "не менее") are not estimates (the lexicon's ``about``).

        Examples
        --------
        >>> from railtrack.extract.lexicon import tokens
        >>> LexiconReader("pl")._approx_before(tokens("blisko 30 transportów"), 1)
        True
        >>> LexiconReader("pl")._approx_before(tokens("i 30 transportów"), 1)
        False
        """
        for n in (1, 2, 3):
            if i - n < 0:
                break
            hit = self.lex.about.match(toks, i - n)
            if hit is not None and hit[1] == i:
                return True
        return False

    def _counted_by(self, noun: str, value: int) -> bool:
        """Whether a train noun's form agrees with a number before it.

        A singular form ending in a consonant is the nominative (or accusative,
        instrumental) singular ("цягнік", "поезд", "pociąg", "эшалонам"): a number
        counts it only when it ends in 1 ("21 поезд"), never 2-20 ("праз 15 цягнік
        стаў": fifteen minutes); "два эшелона", "15 поездов" agree.

        Examples
        --------
        >>> be = LexiconReader("be")
        >>> be._counted_by("цягнік", 15), be._counted_by("цягнікоў", 15)
        (False, True)
        >>> be._counted_by("цягнік", 21)
        True
        """
        if self.lex.train_nouns.get(noun) != "sg" or _VOWEL_END.search(noun) is not None:
            return True
        return value % 10 == 1 and value % 100 != 11

    def is_group_reference(self, text: str) -> bool:
        """Whether the text speaks of trains already named, together ("в обоих", "łącznie").

        "Всего в эшелоне 40 вагонов" is a total of one train: a total word beside
        train nouns that are all singular is no reference to several.
        """
        at = self.generic_at(text)
        toks = tokens(text if at is None else text[:at])
        refs = self.lex.group_refs
        if not any(t.low in refs and refs.match(toks, i) for i, t in enumerate(toks)):
            return False
        nouns = [self.lex.train_nouns[t.low] for t in toks if t.low in self.lex.train_nouns]
        return not nouns or "pl" in nouns

    def names_them_all(self, text: str) -> bool:
        """Whether the text speaks of the trains told, all of them ("Их прибытие", "оба").

        Examples
        --------
        >>> LexiconReader("be").names_them_all("Іх прыбыццё ў Смаленск чакаецца 21 сакавіка.")
        True
        >>> LexiconReader("ru").names_them_all("Эшелон прибыл в Брянск 21 марта.")
        False
        """
        pronouns = self.lex.group_pronouns
        toks = tokens(text)
        if any(t.low in pronouns for t in toks):
            return True
        return self.is_group_reference(text) or self._trains_as_subject(toks, text)

    def _trains_as_subject(self, toks: tuple[Token, ...], text: str) -> bool:
        """Whether a clause opens on the trains in the plural, before its verb.

        "Эшалоны прыйшлі з боку Мінска", "Pociągi przyjechały od strony Mińska", "Оба
        эшелона шли со стороны Бреста": the trains told, all of them (trial13 S2). A
        train named in the singular anywhere in the clause makes it no such subject.
        """
        nouns = self.lex.train_nouns
        words = [t for t in toks if t.low.isalpha()][:3]
        first = next((t for t in words if t.low in nouns), None)
        if first is None or nouns[first.low] != "pl":
            return False
        if any(nouns.get(t.low) == "sg" for t in toks):
            return False
        # ("Эшалоны ішлі з боку Брэста": a verb of no direction, none read before it)
        return all(first.start < v.start for v in self.verb_cues(text) if v.role != "neutral")

    def bounds_latest(self, gap: str) -> bool:
        """Whether the words between two dates make the second the first's latest bound.

        "pod koniec bieżącego tygodnia, a najpóźniej na początku przyszłego tygodnia": the
        train comes from the end of this week to, at the latest, the start of the next.

        Examples
        --------
        >>> rd = LexiconReader("pl")
        >>> rd.bounds_latest(", a najpóźniej "), rd.bounds_latest(" i ")
        (True, False)
        """
        found = self._pattern("latest_bound")
        if found is None:
            return False
        words = gap.strip(" ,;–—-")
        m = found.search(words)
        return m is not None and m.start() == 0 and not words[m.end() :].strip()

    def is_denial(self, text: str) -> bool:
        """Whether a report says the train it tells of is not real (a debunked claim).

        Examples
        --------
        >>> rd = LexiconReader("uk")
        >>> rd.is_denial("ЗМІ писали про ешелон у Мінську. Гаюн пише, що це фейк.")
        True
        >>> rd.is_denial("Ешелон прибув до Мінська 3 березня.")
        False
        >>> rd.is_denial("Ешелон виявився звичайним вантажним потягом.")  # trial18b T1
        True
        """
        return self._matches("denial", text) or self._matches("not_military", text)

    def denial_span(self, text: str) -> tuple[int, int] | None:
        """Where a report says the train it tells of is not real, if it does.

        The words :meth:`is_denial` finds: the lexicon's ``denial``, or its
        ``not_military`` (the train turned out to be no military train, trial18b T1),
        whichever comes first.

        Parameters
        ----------
        text : str
            A report or a clause.

        Returns
        -------
        tuple of (int, int) or None
            The start and end offsets of the first denying words in ``text``, else None.

        Examples
        --------
        >>> text = "Информация об эшелоне в Бресте не подтвердилась."
        >>> text[slice(*LexiconReader("ru").denial_span(text))]
        'не подтвердилась'
        >>> LexiconReader("ru").denial_span("Эшелон прибыл в Брест.") is None
        True
        >>> text = "Состав оказался обычным грузовым поездом. Удаляем его из сводки."
        >>> text[slice(*LexiconReader("ru").denial_span(text))]
        'оказался обычн'
        """
        return first_span(text, self._pattern("denial"), self._pattern("not_military"))

    def is_hypothetical(self, text: str) -> bool:
        """Whether a sentence tells what would have been ("gdyby"), not what was.

        Examples
        --------
        >>> LexiconReader("pl").is_hypothetical("Gdyby jechał do Kijowa, wyjechałby z Chełma.")
        True
        """
        return self._matches("hypothetical", text)

    def generic_at(self, text: str) -> int | None:
        """Where a text starts to speak of trains in general ("zwykłe pociągi"), else None.

        Examples
        --------
        >>> LexiconReader("pl").generic_at("dwa razy dłuższy niż zwykłe pociągi z 40 wagonami")
        21
        """
        generic = self._pattern("generic")
        found = generic.search(text) if generic is not None else None
        return None if found is None else found.start()

    def _after_bound(self, toks: tuple[Token, ...], j: int) -> int:
        """Return where the number starts after a bound word ending at ``j``.

        "почти из 50 вагонов", "майже з 50" (the bound before "of": the lexicon's
        ``bound_of``) and "примерно по 30 вагонов" (about 30 each, trial14 T8:
        ``each_before_number``) skip the word between.
        """
        if j + 1 < len(toks) and (
            toks[j].low in self.lex.bound_of or toks[j].low in self.lex.each_before_number
        ):
            return j + 1
        return j

    def is_each(self, text: str) -> bool:
        """Whether counts hold for each train ("в каждом", "po 40 wagonów")."""
        toks = tokens(text)
        for i, tok in enumerate(toks):
            if tok.low in self.lex.each:
                if tok.low in self.lex.each_before_number:
                    at = i + 1
                    bound = self.lex.approx.match(toks, at)
                    if bound is not None:
                        at = bound[1]  # "po ok. 30 wagonów", "по около 30": about 30 each
                    number = self._number_at(toks, at) if at < len(toks) else None
                    if number is not None and not self._ends_a_day_range(toks, i, number[1]):
                        return True
                    continue
                return True
        return False

    def _ends_a_day_range(self, toks: tuple[Token, ...], i: int, after: int) -> bool:
        """Whether "по N" at ``toks[i]`` ends a span of days ("с 10 по 15 марта").

        "по 40 вагонов" is a count for each train; "с 10 по 15 марта", "od 3 po 5
        marca" end a range of days: a day before "по" or a month after the number.
        """
        if i > 0 and toks[i - 1].low.isdecimal():
            return True
        return after < len(toks) and self._month(toks[after].low) is not None

    def train_number(self, text: str) -> str | None:
        """Return the train number ("поезд № 967", "pociąg nr 967"), if any."""
        m = _NUMBER_RE.search(text)
        if m is None or not self.has_train_noun(text[: m.start()][-40:] + " "):
            return None
        return m["number"]

    # -- claims and topic ------------------------------------------------------------
    def claim_kind(self, text: str) -> str | None:
        """``planned`` or ``expected`` when the text plans or expects; the first cue wins.

        A phrase that only holds a word of doubt (the lexicon's ``not_hedge``: "nie
        byłoby to możliwe bez współpracy", thanks for what happened) is read past.

        Examples
        --------
        >>> rd = LexiconReader("pl")
        >>> rd.claim_kind("Pociąg dotarł do Kijowa. Nie byłoby to możliwe bez kolei.") is None
        True
        >>> rd.claim_kind("Pociąg prawdopodobnie dotarł do Kijowa.")
        'expected'
        """
        not_hedge = self._pattern("not_hedge")
        if not_hedge is not None:
            text = blank_matches(not_hedge, text)
        text = self._without_attributive_claims(self._without_kept_schedules(text))
        planned_re, expected_re = self._pattern("planned"), self._pattern("expected")
        planned = planned_re.search(text) if planned_re is not None else None
        expected = expected_re.search(text) if expected_re is not None else None
        at = planned.start() if planned else None
        if self.lex.modals and not self.lex.modals.isdisjoint(t.low for t in tokens(text)):
            # "ma przyjechać", "mają przyjechać": a modal with an infinitive (trial15 T3)
            modal = modal_plan_at(text, self.lang, self.verb_cues(text))
            if modal is not None and (at is None or modal < at):
                at = modal
        if at is not None and (not expected or at <= expected.start()):
            return "planned"
        return "expected" if expected else None

    def _without_kept_schedules(self, text: str) -> str:
        """Blank each schedule phrase that says how a past trip went (issue 13, session 16).

        "Сегодня на станцию Находка точно по графику прибыл поезд", "прибув за графіком",
        "прыбыў па графіку", "przyjechał zgodnie z rozkładem": the lexicon's
        ``on_schedule`` phrase beside a past verb of motion (at most
        ``_SCHEDULE_GAP`` characters apart, no sentence end between) tells that the
        train kept its time, not that it is planned. Beside a future verb ("прибудет по
        графику") or alone it stays a plan. Offsets stay as written.

        Examples
        --------
        >>> rd = LexiconReader("ru")
        >>> rd.claim_kind("Поезд точно по графику прибыл в Находку.") is None
        True
        >>> rd.claim_kind("Поезд прибудет в Находку по графику.")
        'planned'
        """
        on_schedule = self._pattern("on_schedule")
        if on_schedule is None or on_schedule.search(text) is None:
            return text
        past = [v for v in self.verb_cues(text) if v.past and v.role != "neutral"]
        spans = [
            (m.start(), m.end())
            for m in on_schedule.finditer(text)
            if any(_beside(text, (m.start(), m.end()), (v.start, v.end)) for v in past)
        ]
        for start, end in spans:
            text = text[:start] + " " * (end - start) + text[end:]
        return text

    def _without_attributive_claims(self, text: str) -> str:
        """Blank each word of expecting that describes a train noun (trial11 T3).

        "Ожидаемый эшелон прибыл", "первый из двух ожидаемых эшелонов", "Чакаемы
        эшалон прыбыў", "Очікуваний ешелон прибув", "oczekiwany pociąg przyjechał":
        the adjective (the lexicon's ``attributive`` claim stems) says the train was
        awaited; the verb says what it did, and the claim is read from the verb. A
        word of expecting that is the predicate ("ожидается", "очікується") is kept.
        Offsets stay as written.

        Examples
        --------
        >>> rd = LexiconReader("ru")
        >>> rd.claim_kind("Ожидаемый эшелон прибыл в Осиповичи.") is None
        True
        >>> rd.claim_kind("Эшелон ожидается в Осиповичах завтра.")
        'expected'
        """
        attributive = self._pattern("attributive")
        if attributive is None or attributive.search(text) is None:
            return text
        toks = tokens(text)
        nouns = self.lex.train_nouns
        spans = []
        for i, tok in enumerate(toks):
            if not tok.text[:1].isalpha() or attributive.match(text, tok.start) is None:
                continue
            after = toks[i + 1 : i + 3]
            # the train noun next, or after an adjective that agrees with the word
            # ("ожидаемый военный эшелон"; not "ожидаемое прибытие эшелона")
            if (after and after[0].low in nouns) or (
                len(after) == 2 and after[1].low in nouns and after[0].low[-2:] == tok.low[-2:]
            ):
                spans.append((tok.start, tok.end))
        for start, end in spans:
            text = text[:start] + " " * (end - start) + text[end:]
        return text

    def doubts(self, text: str) -> bool:
        """Whether a text says what cannot be ruled out (a guess, not a plan).

        Examples
        --------
        >>> LexiconReader("pl").doubts("Nie można wykluczyć, że skład skierowano do Brześcia.")
        True
        >>> LexiconReader("ru").doubts("Ожидается, что состав прибудет в Минскую область.")
        False
        """
        return self._matches("doubt", text)

    def is_off_topic(self, text: str) -> bool:
        """Sabotage, battle news or freight statistics, without military rail words.

        An accident or an attack (a derailment, a train overturned or struck) is never a
        shipment report, military train or not; nor is a passenger service (travellers,
        refugees, an evacuation: ``service``).
        """
        unpeopled = self.without_service_vehicles(text)
        for never, searched in (
            (self._pattern("accident"), text),
            (self._pattern("service"), unpeopled),
        ):
            if never is not None and never.search(searched) is not None:
                return True
        off_topic, military = self._pattern("off_topic"), self._pattern("military")
        if off_topic is None or off_topic.search(text) is None:
            return False
        if military is not None and military.search(text) is not None:
            return False
        # one train on its way is the topic, whatever else the sentence counts ("состав,
        # груженный 2 тыс. тонн товаров на 24,9 млн юаней, прибудет в Минскую область")
        moving = any(cue.role != "neutral" for cue in self.verb_cues(text))
        return not (moving and self.has_train_noun(text, singular=True))

    # -- stages of a trip ---------------------------------------------------------------
    def return_at(self, text: str) -> int | None:
        """Return where a verb of going back starts ("вернулся обратно в Полонку"), else None.

        Examples
        --------
        >>> LexiconReader("ru").return_at("прибыл в Лунинец, а затем вернулся в Полонку")
        26
        """
        returns = self._pattern("returns")
        found = returns.search(text) if returns is not None else None
        return found.start() if found else None

    def place_stage(self, text: str) -> str | None:
        """``unloading`` or ``loading`` when the text says a train is (un)loaded, else None.

        A station where a train is unloaded is its destination, one where it is loaded
        its origin ("на станции Муляровка разгружают технику").
        """
        unloading, loading = self._pattern("unloading"), self._pattern("loading")
        if unloading is not None and unloading.search(text):
            return "unloading"
        if loading is not None and loading.search(text):
            return "loading"
        return None

    def is_statistic(self, sentence: str) -> bool:
        """Whether a sentence counts over a period or at a rate ("в течение недели", "щодня").

        Trains counted between two times of day ("с 21.00 до 23.00 прошло 8 составов")
        are a count of traffic too.

        Examples
        --------
        >>> LexiconReader("ru").is_statistic("20 февраля с 21.00 до 23.00 прошло 8 составов")
        True
        """
        period = self._pattern("period")
        if period is not None and period.search(sentence) is not None:
            return True
        return _TIME_SPAN.search(sentence) is not None or self._counts_traffic(sentence)

    def names_past_span(self, text: str) -> bool:
        """Whether a text names a past week, month or range ("за неделю", "w ciągu ostatnich").

        Trains counted over it are a tally when no station is named and none is
        described after (the lexicon's ``past_span``).

        Examples
        --------
        >>> LexiconReader("pl").names_past_span("w ciągu ostatniego tygodnia wyjechało 5 pociągów")
        True
        >>> LexiconReader("ru").names_past_span("вчера ушло 2 эшелона")
        False
        """
        return self._matches("past_span", text)

    def _matches(self, key: str, text: str) -> bool:
        """Whether the lexicon's pattern ``key`` finds a match in ``text`` (False if none)."""
        pattern = self._pattern(key)
        return pattern is not None and pattern.search(text) is not None

    def names_digest(self, text: str) -> bool:
        """Whether a text is headed as a digest of a week or a period ("Итоги недели").

        The trains a digest counts are a tally whatever it says of their cars (the
        lexicon's ``digest``; trial11 T2).

        Examples
        --------
        >>> LexiconReader("be").names_digest("Вынікі тыдня: прыбылі 3 эшалоны")
        True
        >>> LexiconReader("uk").names_digest("За тиждень прибули 3 ешелони")
        False
        """
        return self._matches("digest", text)

    def names_week_count(self, text: str) -> bool:
        """Whether a text counts over one week ("за неделю", "w ciągu jednego tygodnia").

        Trains told arrived or left over it are a tally whatever the places (the
        lexicon's ``week_count``; trial12 T13).

        Examples
        --------
        >>> LexiconReader("ru").names_week_count("За неделю в Брест прибыло 2 эшелона")
        True
        >>> LexiconReader("pl").names_week_count("5 kwietnia do Brześcia dotarły 2 pociągi")
        False
        """
        return self._matches("week_count", text)

    def names_day_total(self, text: str) -> bool:
        """Whether a text opens a total line of a day ("Всего за день 4 эшелона", "Łącznie").

        With trains told above it, the trains it counts are a tally of those, never
        new trains (the lexicon's ``day_total``; trial19b T1).

        Examples
        --------
        >>> LexiconReader("ru").names_day_total("Всего за день 4 эшелона, 153 вагона.")
        True
        >>> LexiconReader("be").names_day_total("Сёння прыбылі 2 эшалоны")
        False
        """
        return self._matches("day_total", text)

    def recalls(self, text: str) -> bool:
        """Whether a text recalls an earlier count ("Напомним", "Przypomnijmy, że").

        Trains it counts over a past span are a tally whatever the places (the
        lexicon's ``recall``; trial12 T13).

        Examples
        --------
        >>> LexiconReader("uk").recalls("Нагадаємо, у лютому до Барановичів прибули 4 ешелони")
        True
        >>> LexiconReader("be").recalls("У лютым у Баранавічы прыбылі 4 эшалоны")
        False
        """
        return self._matches("recall", text)

    def tells_years_ago(self, text: str) -> bool:
        """Whether a text dates what it tells years back from the report ("dwa lata temu").

        The lexicon's ``years_ago``: such a sentence with no date of its own tells
        history, no shipment to track.

        Examples
        --------
        >>> LexiconReader("pl").tells_years_ago("skład, który dwa lata temu pokonał trasę")
        True
        >>> LexiconReader("ru").tells_years_ago("Эшелон ушёл два дня назад")
        False
        """
        return self._matches("years_ago", text)

    def _counts_traffic(self, text: str) -> bool:
        """Whether a text counts more trains than any group a report describes.

        "В январе из России в Беларусь прибыло 5000 эшелонов": a month's traffic (a
        statistic), not 5000 trains to list (digits over 200, as ``group_announcement``
        never reads them).

        Examples
        --------
        >>> LexiconReader("ru").is_statistic("В январе прибыло 5000 эшелонов")
        True
        """
        if _BIG_NUMBER.search(text) is None:
            return False  # (a number over 200 has three digits: ``\d`` is ``str.isdecimal``)
        toks = tokens(text)
        for i, tok in enumerate(toks):
            if not tok.low.isdecimal() or int(tok.low) <= 200:
                continue
            if i > 0 and toks[i - 1].low in _NUMBER_SIGNS:
                continue  # "эшелон №961, эшелон №969": train numbers
            if self._train_noun_within(toks, i + 1, 3) is not None:
                return True
        return False

    def counts_car_traffic(self, text: str) -> bool:
        """Whether a text counts more cars than one train has, and names no train.

        "За 12 месяцаў 2020 года на станцыі Смаргонь пагружана 16467 вагонаў",
        "до портів ... йдуть щодоби 5 992 вагони": cars loaded, unloaded or sent over a
        period are traffic (a statistic), not a train's make-up; no train is longer than
        :data:`MAX_TRAIN_CARS` cars.

        Parameters
        ----------
        text : str
            A clause of a report.

        Returns
        -------
        bool
            True when a number above ``MAX_TRAIN_CARS`` counts railway cars and the
            text has no train noun.

        Examples
        --------
        >>> rd = LexiconReader("be")
        >>> rd.counts_car_traffic("на станцыі Смаргонь пагружана 16467 вагонаў")
        True
        >>> rd.counts_car_traffic("эшалон з 37 вагонаў прыбыў у Барысаў")
        False
        """
        if _BIG_NUMBER.search(text) is None or self.has_train_noun(text):
            return False
        toks = tokens(text)
        cars = self.lex.car_nouns
        return any(
            tok.low.isdigit()
            and int(tok.low) > MAX_TRAIN_CARS
            and any(t.low in cars for t in toks[i + 1 : i + 3])
            for i, tok in enumerate(toks)
        )

    def is_road(self, text: str) -> bool:
        """Whether a text tells of a road convoy and names no train or railway car.

        Examples
        --------
        >>> LexiconReader("ru").is_road("через КПП въехала колонна из 8 грузовиков")
        True
        >>> LexiconReader("ru").is_road("эшелон обогнал колонну грузовиков")
        False
        >>> LexiconReader("uk").is_road("армія пригнала до Мелітополя дві партії автобусів")
        True
        """
        road = self._pattern("road")
        if road is None or road.search(text) is None:
            return False
        toks = tokens(text)
        nouns = self.lex.train_nouns
        trains = [i for i, t in enumerate(toks) if t.low in nouns]
        # "дві партії автобусів": a batch of buses or cars is no train, nor one told
        # beside a lorry, a bus or a plane ("самолетом была доставлена партия"); a batch
        # of lorries alone may well come by train ("партия грузовиков прибыла")
        of_road = all(
            toks[i].low.startswith(_BATCH_STEMS) and self._batch_by_road(text, toks, i)
            for i in trains
        )
        return of_road and not self.has_car_noun(text)

    def _batch_by_road(self, text: str, toks: tuple[Token, ...], i: int) -> bool:
        """Whether the batch at ``toks[i]`` holds buses or cars, or has a road word apart."""
        held = " ".join(t.text for t in toks[i + 1 : i + 3])
        batch, road = self.lex.road_batch, self._pattern("road")
        if batch is not None and batch.match(held) is not None:
            return True
        if road is None:
            return False
        start = toks[i + 1].start if i + 1 < len(toks) else len(text)
        end = toks[min(i + 2, len(toks) - 1)].end if i + 1 < len(toks) else len(text)
        return any(m.start() < start or m.start() >= end for m in road.finditer(text))

    def tells_of_road_only(self, text: str) -> bool:
        """Whether a report tells of lorries, buses or planes and of nothing on the railway.

        "Чатыры грузавыя аўтамабілі з гуманітарнай дапамогай перасеклі мяжу ... Летась
        Беларусь дастаўляла дапамогу ў Кіеў": a report with a word of the road or the
        air (the lexicon's ``road``) and no train noun, railway car or word of the
        railway (``rail_words``: "станцыя", "чыгунка", "рэйкі") anywhere moves nothing
        by rail, whatever it says was delivered where; no shipment is read from it.

        Examples
        --------
        >>> rd = LexiconReader("be")
        >>> rd.tells_of_road_only("Грузавыя аўтамабілі з дапамогай прыбылі ў Кіеў.")
        True
        >>> rd.tells_of_road_only("Грузавыя аўтамабілі прыбылі на станцыю Кіеў.")
        False
        """
        road = self._pattern("road")
        if road is None or road.search(text) is None:
            return False
        rail = self._pattern("rail_words")
        return not (
            self.has_train_noun(text)
            or self.has_car_noun(text)
            or (rail is not None and rail.search(text) is not None)
        )

    def is_preparation(self, text: str) -> bool:
        """Whether a text tells of an exercise or of stock being prepared, no train moving.

        "Учения по погрузке техники на эшелон", "идет формирование составов",
        "подготовлено 48 пассажирских вагонов": loading drills and rolling stock being
        assembled are no train on its way (the real corpus's labelling rule: a train's
        make-up with no movement is no shipment); a verb of departure or arrival in the
        same text ("эшелон прибыл на учения") keeps it a train.

        Examples
        --------
        >>> LexiconReader("ru").is_preparation("Идет формирование составов на станции Богатырево")
        True
        >>> LexiconReader("ru").is_preparation("Эшелон прибыл на учения в Брест")
        False
        >>> LexiconReader("ru").is_preparation("С 3 февраля идет проверка боевой готовности")
        True
        """
        preparation = self._pattern("preparation")
        if preparation is None:
            return False
        spans = [(m.start(), m.end()) for m in preparation.finditer(text)]
        if not spans:
            return False
        # ("идет формирование", "идет проверка боевой готовности": the verb of the
        # preparation itself moves no train, inside the cue or right before it)
        return all(
            cue.role == "neutral"
            or any(
                a <= cue.start < b or (cue.end <= a and not text[cue.end : a].strip())
                for a, b in spans
            )
            for cue in self.verb_cues(text)
        )

    def is_attribution(self, text: str) -> bool:
        """Whether a clause only says who reported, and when ("об этом сообщила ... 9 июня").

        A date there is the announcement's, not the train's: the arrival may be dated in
        the next sentence ("Поїзд прибув 8 червня"). A clause with a verb of movement
        ("сообщили, что эшелон прибыл 5 марта") is read as usual.

        Examples
        --------
        >>> LexiconReader("uk").is_attribution("про це повідомила пресслужба 9 червня")
        True
        >>> LexiconReader("ru").is_attribution("сообщили, что эшелон прибыл 5 марта")
        False
        """
        reporting = self._pattern("reporting")
        if reporting is None or reporting.search(text) is None:
            return False
        return not self.verb_cues(text)

    def is_reported_at(self, before: str) -> bool:
        """Whether a date after ``before`` is when something was reported or published.

        "Nagranie, które pokazuje przyjazd pociągu ..., zostało opublikowane w
        poniedziałek", "об этом сообщила пресс-служба 9 июня": a reporting word right
        before the date (a preposition between them at most) dates the report, not the
        train, whatever verb of movement the clause has.

        Examples
        --------
        >>> rd = LexiconReader("pl")
        >>> rd.is_reported_at("Nagranie przyjazdu pociągu zostało opublikowane w ")
        True
        >>> rd.is_reported_at("Pociąg przyjechał w ")
        False
        """
        marks = [p for p in (self.lex.reporting, self.lex.published) if p is not None]
        words = before.split()[-2:]
        if words and words[-1].lower() in self.lex.report_that:
            return False  # "паведаміў, што ў нядзелю": the told clause's date (trial15 T7)
        if len(words) == 2 and len(words[1]) > 3:
            words = words[1:]  # (only a preposition may stand between)
        return any(p.match(w.lower()) is not None for p in marks for w in words)

    def is_exhibition(self, text: str) -> bool:
        """Whether a text tells of a museum, exhibition or excursion train.

        "Ретропоезд «Воинский эшелон» прибыл на станцию Волгоград-1", "рэтравандроўка
        да станцыі Парэчча": a train shown to the public or run for an excursion carries
        no shipment, though its platforms carry tanks (military words do not make it one).

        Examples
        --------
        >>> LexiconReader("ru").is_exhibition("На вокзал прибыл ретропоезд «Эшелон Победы»")
        True
        >>> LexiconReader("ru").is_exhibition("Эшелон с танками прибыл на станцию")
        False
        """
        return self._matches("exhibition", text)

    def is_first_ordinal(self, word: str) -> bool:
        """Whether a word is "first" in some form ("перший", "первого", "першая").

        Examples
        --------
        >>> LexiconReader("uk").is_first_ordinal("Перший")
        True
        >>> LexiconReader("uk").is_first_ordinal("другий")
        False
        """
        return word.lower() in self.lex.first_ordinals

    def ordinal_value(self, word: str) -> int | None:
        """Return the number of an ordinal after "first" ("третий": 3), else None.

        Parameters
        ----------
        word : str
            One word, in any case.

        Returns
        -------
        int or None
            From the lexicon's ``ordinal_values``.

        Examples
        --------
        >>> LexiconReader("pl").ordinal_value("Trzeci"), LexiconReader("pl").ordinal_value("z")
        (3, None)
        """
        return self.lex.ordinal_values.get(word.lower())

    def names_trains_as_means(self, text: str) -> bool:
        """Whether every train noun of a text is plural or the means of a habit.

        "поїздом окупанти щодня возили боєприпаси": "by train", no one train (the caller
        asks this of a clause with a rate or period word).

        Examples
        --------
        >>> rd = LexiconReader("uk")
        >>> rd.names_trains_as_means("поїздом окупанти щодня возили боєприпаси")
        True
        >>> rd.names_trains_as_means("потяг щодня стояв на станції")
        False
        """
        nouns = self.lex.train_nouns
        found = [t.low for t in tokens(text) if t.low in nouns]
        return bool(found) and all(w in self.lex.by_train or nouns[w] == "pl" for w in found)

    def is_shown(self, text: str) -> bool:
        """Whether a text tells of a train shown to spectators (a touring show train).

        "На вокзалах зрителям продемонстрируют оружие", "экскурсовод рассказывает":
        the train the report tells of is the show, though the sentence names no train.

        Examples
        --------
        >>> LexiconReader("ru").is_shown("На вокзалах зрителям продемонстрируют оружие")
        True
        >>> LexiconReader("ru").is_shown("Эшелон с оружием прибыл на станцию")
        False
        """
        return self._matches("shown", text)

    def is_entry(self, word: str) -> bool:
        """Whether a verb is one of entering (the lexicon's ``entry_verbs``; trial12 T6).

        Examples
        --------
        >>> LexiconReader("ru").is_entry("въехал"), LexiconReader("ru").is_entry("прибыл")
        (True, False)
        >>> LexiconReader("pl").is_entry("wjechał")
        True
        """
        found = self._pattern("entry_verbs")
        return found is not None and found.match(word) is not None

    def stands_now_at(self, text: str) -> int | None:
        """Where the text tells a train standing now (the lexicon's ``stands_now``), if it does.

        "он уже вторые сутки стоит на станции Лунинец", "od dwóch dni stoi na stacji
        Łuniniec": where it stands is where it was last seen, on the report's day
        (trial12 T4, trial14 T5).

        Parameters
        ----------
        text : str
            One clause in the reader's language.

        Returns
        -------
        int or None
            The offset of the verb telling it, else None.

        Examples
        --------
        >>> LexiconReader("pl").stands_now_at("Do dziś nie dotarł i stoi w Baranowiczach.")
        21
        >>> LexiconReader("ru").stands_now_at("Он стоял на станции Лунинец.") is None
        True
        """
        pattern = self._pattern("stands_now")
        found = pattern.search(text) if pattern is not None else None
        return found.start() if found is not None else None

    def is_passage(self, word: str) -> bool:
        """Whether a verb is one of a train on its way, not of a train seen.

        "проследовал из Орши в Смоленск 9 марта": the train was moving from its
        origin that day (its departure), as "отправился" would say; "замечен" (seen)
        dates a sighting, never a departure.

        Examples
        --------
        >>> LexiconReader("ru").is_passage("проследовал"), LexiconReader("ru").is_passage("замечен")
        (True, False)
        >>> LexiconReader("be").is_passage("прайшоў"), LexiconReader("uk").is_passage("рухався")
        (True, True)
        """
        return self.lex.passage is not None and self.lex.passage.match(word) is not None

    def show_is_purpose(self, text: str) -> bool:
        """Whether a military text names a show only as its train's purpose or end.

        "Эшелон с трофейной техникой отправлен в Москву на выставку", "тэхніка для
        выставачнай пляцоўкі", "вертається з виставки": equipment carried to or from an
        exhibition, a museum or a display by a military train is a shipment with ends and
        dates. Each exhibition cue must follow a preposition of purpose, origin or
        destination (at most two words between) and name no train: the train that IS
        the show ("ретропоезд", "поезд-выставка", "вагон-музей", "передвижная выставка",
        "с выставкой" with the instrumental: the show carried) is not a purpose. A text
        with no military word outside quotes is never one (a show of its own).

        Examples
        --------
        >>> rd = LexiconReader("ru")
        >>> rd.show_is_purpose("Эшелон с трофейной техникой прибыл в Москву на выставку")
        True
        >>> rd.show_is_purpose("Поезд-выставка с трофейной техникой прибыл в Тюмень")
        False
        >>> rd.show_is_purpose("Поезд с выставкой трофейной техники прибыл в Тюмень")
        False
        >>> rd.show_is_purpose("Туристы едут на выставку")
        False
        >>> rd.show_is_purpose("Эшелон вывез выставочную технику в Мулино")
        True
        >>> rd.show_is_purpose("Эшелон отправлен на международную военную выставку")
        True
        >>> rd.show_is_purpose("В одном из вагонов эшелона развернута выставка техники")
        False
        """
        if not self.is_military(without_quoted(text)):
            return False
        exhibition = self._pattern("exhibition")
        return (
            exhibition is not None
            and exhibition.search(text) is not None
            and not (self.show_is_the_train(text))
        )

    def show_is_the_train(self, text: str) -> bool:
        """Whether a show word of a military text qualifies a train: the train is the show.

        A show word vetoes only the train it qualifies: a train named as the show
        ("ретропоезд", "поезд-выставка", "Эшелон Победы"), a train or its cars with the
        show's adjective ("выставочный поезд", "pociąg wystawowy"), a show on wheels
        ("передвижная выставка"), a show carried "with" the train in the instrumental
        ("поезд с выставкой"), a show laid out in the train's cars ("в вагонах развернута
        выставка") or a show that itself travels ("выставка прибыла"). Never a military
        train whose cargo ("выставочная техника") or purpose ("на выставку", "для
        выставки") names a show, nor a train of another clause ("эшелон прибыл, выставка
        откроется"). The caller asks this of a text with a military word.

        Parameters
        ----------
        text : str
            One sentence (or clause) of a report.

        Returns
        -------
        bool
            True when one of the text's show words qualifies a train.

        Examples
        --------
        >>> rd = LexiconReader("be")
        >>> rd.show_is_the_train("Эшалон з выставачнымі ўзорамі тэхнікі прыбыў у Мінск")
        False
        >>> rd.show_is_the_train("Выставачны цягнік з тэхнікай прыбыў у Гродна")
        True
        >>> rd.show_is_the_train("Эшалон з танкамі прыбыў у Мінск, дзе адкрыецца выстава")
        False
        >>> rd.show_is_the_train("У вагонах эшалона разгорнута выстава тэхнікі")
        True
        """
        exhibition = self._pattern("exhibition")
        if exhibition is None:
            return False
        toks = tokens(text)
        return any(self._show_cue_is_the_train(toks, m) for m in exhibition.finditer(text))

    def _show_cue_is_the_train(self, toks: tuple[Token, ...], cue: re.Match[str]) -> bool:
        """Whether the show word matched at ``cue`` qualifies a train (see above)."""
        lex = self.lex
        span = [i for i, t in enumerate(toks) if t.end > cue.start() and t.start < cue.end()]
        if not span:
            return False
        at = span[0]
        if any(self._is_train_word(toks[i].low) for i in span):
            return True  # "ретропоезд", "поезд-выставка", "эшелон победы": the show is the train
        before = self._modifiers_before(toks, at)
        if self._names_a_train(before):
            return True  # "передвижная выставка", "пересувна виставка": the show on wheels
        last = span[-1]
        if _SHOW_ADJECTIVE_END.search(toks[last].low):
            # the show's adjective qualifies the noun after it ("выставочный поезд",
            # "выставочную технику") or, in Polish, before it ("pociąg wystawowy")
            near = toks[last + 1 : last + 3] + toks[max(at - 1, 0) : at]
            return any(self._is_train_word(t.low) or t.low in lex.car_nouns for t in near)
        k = at - len(before) - 1
        if k >= 0 and toks[k].low in lex.show_prepositions:
            carried = toks[k].low in lex.show_with and toks[at].low.endswith(lex.show_with_endings)
            # "поезд с выставкой": the show carried with the train; any other preposition
            # names the show as a purpose, an origin or an end ("на выставку", "з выставы")
            return carried and k >= 1 and self._is_train_word(toks[k - 1].low)
        clause = self._clause_of(toks, at)
        stock = [j for j in clause if self._is_rolling_stock(toks[j].low)]
        if any(j < at and self._after_preposition(toks, j) for j in stock):
            return True  # "в вагонах эшелона развернута выставка": the show laid out in it
        if stock:
            return False  # "эшелон привёз экспонаты": the show's things are its cargo
        # no train in its clause: a show that itself travels ("выставка прибыла")
        return bool(self.verb_cues(" ".join(toks[j].text for j in clause)))

    def _is_train_word(self, low: str) -> bool:
        """Whether a word is a train noun, alone, hyphened or compounded ("ретропоезд")."""
        nouns = self.lex.train_nouns
        if low in nouns or any(part in nouns for part in low.split("-")):
            return True
        return any(len(n) >= 5 and low.endswith(n) for n in nouns)

    def _is_rolling_stock(self, low: str) -> bool:
        """Whether a word names a train or a car ("эшелона", "вагонах")."""
        return self._is_train_word(low) or low in self.lex.car_nouns

    def _modifiers_before(self, toks: tuple[Token, ...], at: int) -> tuple[Token, ...]:
        """Return the (at most two) modifiers standing right before the word at ``at``."""
        k = at
        while (
            k > max(at - 2, 0)
            and _MODIFIER_END.search(toks[k - 1].low)
            and toks[k - 1].low not in self.lex.show_prepositions
        ):
            k -= 1
        return toks[k:at]

    def _after_preposition(self, toks: tuple[Token, ...], at: int) -> bool:
        """Whether the noun at ``at`` follows a preposition (three words back at most)."""
        return any(toks[k].low in self.lex.show_prepositions for k in range(max(at - 3, 0), at))

    @staticmethod
    def _clause_of(toks: tuple[Token, ...], at: int) -> range:
        """Return the indexes of the words of the clause around ``at`` (between stops)."""
        first = at
        while first > 0 and toks[first - 1].text[:1].isalnum():
            first -= 1
        last = at
        while last + 1 < len(toks) and toks[last + 1].text[:1].isalnum():
            last += 1
        return range(first, last + 1)

    def _names_a_train(self, toks: tuple[Token, ...]) -> bool:
        """Whether words name a train or a show on wheels ("поезд-", "передвижная")."""
        wheels = self.lex.show_on_wheels
        for t in toks:
            if any(part in self.lex.train_nouns for part in t.low.split("-")):
                return True
            if wheels is not None and wheels.match(t.low) is not None:
                return True
        return False

    def is_military(self, text: str) -> bool:
        """Whether a text has a military word ("эшелон", "танк", "військов").

        Examples
        --------
        >>> LexiconReader("be").is_military("вайсковы эшалон прыбыў у Асіповічы")
        True
        >>> LexiconReader("be").is_military("рэтрацягнік прыбыў у Гародню")
        False
        """
        return self._matches("military", text)

    def tells_of_no_shipment(self, text: str) -> bool:
        """Whether a text tells of a train that carries no shipment.

        A museum or excursion train, a passenger service on its timetable, an
        evacuation train (``exhibition``, ``timetable``, ``service``): the cue vetoes
        the train the sentence describes, not the report (a report may tell of a
        museum train and of a real echelon). Accidents (``accident``) put their
        sentence off only (:meth:`is_off_topic`).

        Examples
        --------
        >>> LexiconReader("ru").tells_of_no_shipment("В Волгоград прибыл ретропоезд")
        True
        >>> LexiconReader("ru").tells_of_no_shipment("Эшелон с танками прибыл в Брест")
        False
        """
        return self.no_shipment_kind(text) is not None

    def without_service_vehicles(self, text: str) -> str:
        """Return ``text`` with recovery vehicles blanked (``service_vehicles``).

        "ремонтно-эвакуационные машины", "wozy ewakuacyjne": equipment a military train
        carries, not people evacuated; blanked (spaces, every offset kept) before the
        ``service`` words are looked for, so an evacuation train is still one.

        Examples
        --------
        >>> rd = LexiconReader("pl")
        >>> rd.without_service_vehicles("eszelon z wozami ewakuacyjnymi").rstrip()
        'eszelon z'
        >>> rd.without_service_vehicles("pociąg ewakuacyjny")
        'pociąg ewakuacyjny'
        """
        found = self.lex.service_vehicles
        return text if found is None else blank_matches(found, text)

    def no_shipment_kind(self, text: str) -> str | None:
        """Return ``exhibition``, ``service`` or ``timetable``: what train of no shipment.

        None when the text tells of none (see :meth:`tells_of_no_shipment`).

        Examples
        --------
        >>> LexiconReader("uk").no_shipment_kind("Поїзд повертався вже як евакуаційний")
        'service'
        >>> LexiconReader("uk").no_shipment_kind("Ешелон прибув до Полонки") is None
        True
        """
        if carries_people(text, self.lang, self.train_noun_at):
            return "service"  # "поезд с делегацией": people on an official trip
        if self._no_shipment is not None and self._no_shipment.search(text) is None:
            # none of the exhibition, shown, service and timetable patterns
            return "timetable" if self._route_service(text) else None
        exhibition = self._pattern("exhibition")
        if exhibition is not None and exhibition.search(text) and not self.show_is_purpose(text):
            return "exhibition"
        retro_stock = self._pattern("retro_stock")
        if retro_stock is not None and retro_stock.search(text) is not None:
            return "exhibition"  # "с настоящим паровозом, теплушкой": a replica train
        if self.is_shown(text):
            return "exhibition"
        service = self._pattern("service")
        if service is not None and service.search(self.without_service_vehicles(text)):
            return "service"
        if self.is_timetable(text) or self._route_service(text):
            return "timetable"  # a train named by its route: the train's veto, not the clause's
        return None

    def is_heard(self, text: str) -> bool:
        """Whether a report tells of trains heard, not seen ("слышали шум поездов").

        Trains counted by their noise ("Предположительно, 11 составов следовали в
        Россию") are a weekly count of sounds, their cargo and ends unseen: a statistic.

        Examples
        --------
        >>> LexiconReader("ru").is_heard("наблюдатели слышали шум поездов у Гуково")
        True
        >>> LexiconReader("ru").is_heard("наблюдатели видели эшелон у Гуково")
        False
        """
        return self._matches("heard", text)

    def is_timetable(self, text: str) -> bool:
        """Whether a text tells of a scheduled passenger service, with no military word.

        "Поезд № 51 ... прибудет с задержкой", "пасажирський поїзд", "хуткі цягнік":
        a service on a timetable carries people, not a shipment (the real corpus's
        labelling rule); a military echelon delayed is still a shipment.

        Examples
        --------
        >>> LexiconReader("ru").is_timetable("Поезд прибудет в Брест с задержкой в 2 часа")
        True
        >>> LexiconReader("ru").is_timetable("Эшелон прибыл в Брест с задержкой")
        False
        >>> LexiconReader("ru").is_timetable("Грузовой поезд прибыл в Брест по расписанию")
        False
        """
        timetable = self._pattern("timetable")
        if timetable is None or timetable.search(text) is None:
            return False
        if self._freight_on_schedule(text):
            return False  # "Контейнерный поезд прибыл по расписанию": a shipment
        military = self._pattern("military")
        return military is None or military.search(text) is None

    def _route_service(self, text: str) -> bool:
        """Whether a text names a passenger service by its route or number, and no cargo.

        "поезд Москва — Минск", "pociąg Warszawa – Mińsk", "поезд № 95"
        (:func:`~railtrack.extract.services.names_a_service`), with no military word
        and no freight word (a container train named by its ends is a shipment).

        Examples
        --------
        >>> LexiconReader("ru")._route_service("Поезд Москва — Минск прибыл в Минск.")
        True
        >>> LexiconReader("ru")._route_service("Поезд Москва — Минск с танками прибыл.")
        False
        >>> LexiconReader("pl")._route_service("Pociąg Xi'an – Gdańsk z 41 kontenerowcami")
        False
        """
        if not names_a_service(self.lang, text):
            return False
        for name in ("military", "freight"):
            words = self._pattern(name)
            if words is not None and words.search(text) is not None:
                return False
        return True

    def only_a_route(self, text: str) -> bool:
        """Whether a text's only timetable cue is a train named by its route or number.

        In a report of freight ("контейнерный поезд"), "поезд Чэнду — Лодзь" names the
        freight train, no service (``trains``: the veto is lifted).

        Examples
        --------
        >>> LexiconReader("pl").only_a_route("Pociąg Xi'an – Gdańsk dotarł do Gdańska.")
        True
        >>> LexiconReader("ru").only_a_route("Поезд Москва — Минск прибыл с опозданием.")
        False
        """
        timetable = self._pattern("timetable")
        told = timetable is not None and timetable.search(text) is not None
        return not told and names_a_service(self.lang, text)

    def has_passengers(self, text: str) -> bool:
        """Whether a text has a passenger word (the lexicon's ``passenger``).

        Parameters
        ----------
        text
            A sentence or a report.

        Returns
        -------
        bool
            True for "пассажиры", "pasażerowie", "білети" and the like.

        Examples
        --------
        >>> LexiconReader("ru").has_passengers("Поезд Москва — Минск с пассажирами прибыл.")
        True
        >>> LexiconReader("ru").has_passengers("Поезд Слоним — Брест с 40 вагонами ушёл.")
        False
        """
        return self._matches("passenger", text)

    def tells_of_freight(self, text: str) -> bool:
        """Whether a report tells of a freight train and of no passengers.

        Examples
        --------
        >>> rd = LexiconReader("ru")
        >>> rd.tells_of_freight("Контейнерный поезд ушел. Введут специальное расписание.")
        True
        >>> rd.tells_of_freight("Пассажирский поезд ушел по расписанию.")
        False
        """
        return self._freight_on_schedule(text)

    def only_a_schedule(self, text: str) -> bool:
        """Whether a text's only timetable cues are the words of a schedule (``schedule``).

        "С декабря введут специальное расписание" names a schedule and no passenger
        service; "Поезд прибудет с задержкой" (a delay) and "электропоезд" are more.

        Examples
        --------
        >>> rd = LexiconReader("ru")
        >>> rd.only_a_schedule("С декабря введут специальное расписание с ускоренной доставкой")
        True
        >>> rd.only_a_schedule("Поезд идет по расписанию, с задержкой в час")
        False
        """
        timetable, schedule = self.lex.timetable, self.lex.schedule
        if timetable is None or schedule is None or timetable.search(text) is None:
            return False
        rest = schedule.sub(lambda m: " " * len(m[0]), text)
        return timetable.search(rest) is None

    def _freight_on_schedule(self, text: str) -> bool:
        """Whether a text tells of a freight train and of no passengers.

        Examples
        --------
        >>> rd = LexiconReader("ru")
        >>> rd._freight_on_schedule("Контейнерный поезд прибыл по расписанию")
        True
        >>> rd._freight_on_schedule("Пассажирские поезда идут с задержкой, пропуская грузовые")
        False
        """
        freight, passenger = self._pattern("freight"), self._pattern("passenger")
        if freight is None or freight.search(text) is None:
            return False
        return passenger is None or passenger.search(text) is None

    def durations(self, text: str) -> list[tuple[int, int, int]]:
        """Return each "через 17 дней" as (days, start, end): a time after a known date.

        Examples
        --------
        >>> LexiconReader("ru").durations("и прибудет в Минск через 15 суток")
        [(15, 19, 33)]

        A week counts seven days ("дойдет до Новороссийска за неделю", "за два тижні"):

        >>> LexiconReader("ru").durations("дойдет за неделю"), LexiconReader("uk").durations(
        ...     "прибуде за два тижні")
        ([(7, 7, 16)], [(14, 8, 20)])
        """
        toks = tokens(text)
        lex = self.lex
        found: list[tuple[int, int, int]] = []
        for i, tok in enumerate(toks):
            if tok.low not in lex.after_words or i + 1 >= len(toks):
                continue
            if toks[i + 1].low in lex.week_units:
                found.append((7, tok.start, toks[i + 1].end))
                continue
            number = self._number_at(toks, i + 1) if i + 2 < len(toks) else None
            if number is None or number[1] >= len(toks):
                continue
            value, j = number
            if lex.earlier_after.match(toks, j + 1) is not None:
                continue  # "за два дні до того": a day counted back (earlier.py), no trip
            if toks[j].low in lex.day_units:
                found.append((value, tok.start, toks[j].end))
            elif toks[j].low in lex.week_units:
                found.append((value * 7, tok.start, toks[j].end))
        return found

    def trip_lengths(self, text: str) -> list[tuple[int, int, int]]:
        """Return each trip length named as such ("время в пути 7 дней") as (days, start, end).

        The lexicon's ``trip_length`` words, then at most three words ("составляет
        около", "wynosi"), then a number and a unit of the lexicon's ``duration``
        (a week counts seven days). ``start``/``end`` are offsets into ``text``.

        Examples
        --------
        >>> LexiconReader("ru").trip_lengths("Время в пути составляет около 7 дней.")
        [(7, 0, 36)]
        >>> LexiconReader("pl").trip_lengths("Czas przejazdu wynosi 10 dni.")
        [(10, 0, 28)]
        >>> LexiconReader("uk").trip_lengths("Час у дорозі невідомий.")
        []
        """
        return named_trip_lengths(text, self.lex, self._pattern("trip_length"), self._number_at)

    def duration_ranges(self, text: str) -> list[tuple[int, int, int, int]]:
        """Return each "в течение 3-5 дней", "за 3-5 днів" as (least, most days, start, end).

        A range after a word of "after" or "within", or one number after "within" (from
        no days to that many), is how long a trip takes; :meth:`durations` reads one
        number after "after".

        Examples
        --------
        >>> LexiconReader("ru").duration_ranges("прибытие ожидается в течение 3-5 дней")
        [(3, 5, 19, 37)]
        >>> LexiconReader("pl").duration_ranges("dotrze w ciągu tygodnia")
        []
        """
        toks = tokens(text)
        lex = self.lex
        found: list[tuple[int, int, int, int]] = []
        for i, tok in enumerate(toks[:-2]):
            within = tok.low in lex.within_words
            if not within and tok.low not in lex.after_words:
                continue
            first = toks[i + 1]
            if not first.low.isdecimal():
                continue
            k, low, high = i + 2, int(first.low), int(first.low)
            if (
                k + 1 < len(toks)
                and toks[k].low in ("-", "–", "—", "до")
                and toks[k + 1].low.isdecimal()
            ):
                high, k = int(toks[k + 1].low), k + 2
            elif within:
                low = 0
            else:
                continue  # (one number after "after": :meth:`durations`)
            if k >= len(toks) or toks[k].low not in lex.day_units | lex.week_units:
                continue
            days = 7 if toks[k].low in lex.week_units else 1
            if 0 <= low < high:
                # (with its preposition: "в течение", "на працягу", "w ciągu")
                lead = within and i > 0 and len(toks[i - 1].low) <= 2
                start = toks[i - 1].start if lead else tok.start
                found.append((low * days, high * days, start, toks[k].end))
        return found

    def _cue(self, name: str, text: str) -> tuple[int, int] | None:
        """Return the span the lexicon's ``name`` pattern first matches in ``text``, else None.

        None too when the lexicon has no such pattern.

        Examples
        --------
        >>> LexiconReader("ru")._cue("timetable", "Поезд прибудет в Брест с задержкой")
        (23, 34)
        """
        pattern = self._pattern(name)
        found = pattern.search(text) if pattern is not None else None
        return None if found is None else found.span()

    def uncouples(self, text: str) -> bool:
        """Whether part of a train is uncoupled ("отцепили девять вагонов и отправили")."""
        return self._matches("uncouple", text)

    def is_final_stop(self, text: str) -> bool:
        """Whether the text names the end of the route ("конечный пункт", "станція призначення")."""
        return self.final_stop_at(text) is not None

    def final_stop_at(self, text: str) -> int | None:
        """Where the words naming the end of the route start ("после чего был направлен").

        Examples
        --------
        >>> LexiconReader("ru").final_stop_at("прибыл в Оршу, после чего был направлен в Брест")
        15
        """
        span = self._cue("final_stop", text)
        return None if span is None else span[0]

    def leg_on_at(self, text: str) -> int | None:
        """Where a relative adverb of place starts a leg on from the place before.

        A ``leg_on.demonstrative`` word ("оттуда", "stamtąd") anywhere, a
        ``leg_on.relative`` one ("откуда", "skąd") only right after a place (", откуда":
        "Nie wiadomo, skąd czołgi przyjechały" asks, names no leg); not followed in the
        clause by words of the sea (that leg is the sea's: ``sea_onward``). Whether the
        leg was gone (a verb in the past) is for the caller.

        Examples
        --------
        >>> rd = LexiconReader("ru")
        >>> rd.leg_on_at("прибыл в Оршу, откуда ушёл в Смоленск")
        15
        >>> rd.leg_on_at("Неизвестно, откуда он прибыл в Оршу") is None
        True
        >>> rd.leg_on_at("прибыл в Новороссийск, откуда морем в Сирию") is None
        True
        """
        lex = self.lex
        words = lex.leg_on_relative | lex.leg_on_demonstrative
        if not words:
            return None
        toks = tokens(text)
        for tok in toks:
            if tok.low not in words:
                continue
            if tok.low in lex.leg_on_relative and not self._place_ends_at(text, tok.start):
                continue
            sea_by = self._pattern("sea_by")
            if sea_by is not None and sea_by.search(text, tok.start) is not None:
                return None
            return tok.start
        return None

    def _place_ends_at(self, text: str, position: int) -> bool:
        """Whether a place named in ``text`` ends right before ``position`` (", ")."""
        return any(
            p.end <= position and not text[p.end : position].strip(" ,\u00a0")
            for p in self.find_places(text)
        )

    # -- verbs -----------------------------------------------------------------------
    def _verb_at(self, text: str, position: int) -> bool:
        return bool(self.lex.verbs and self.lex.verbs.match(text, position))

    def _plan_at(self, text: str, position: int) -> bool:
        """Whether a word of a plan starts at ``position`` ("zaplanowano", "запланирован")."""
        return bool(self.lex.planned and self.lex.planned.match(text, position))

    def verb_cues(self, text: str) -> list[VerbCue]:
        """Verbs that say whether a nearby date is a departure or an arrival."""
        cached = self._verb_cache.get(text)
        if cached is not None:
            return cached
        if len(self._verb_cache) > 2048:
            self._verb_cache.clear()
        cues = self._verb_cache[text] = []
        verbs = self._pattern("verbs")
        if verbs is None:
            return cues
        forward_re = self._pattern("forward")
        relatives = relative_clauses(text, self.lang)
        modals = self.lex.modals
        has_modal = bool(modals) and not modals.isdisjoint(t.low for t in tokens(text))
        for m in verbs.finditer(text):
            role = "departure" if m["dep"] else "arrival" if m["arr"] else "neutral"
            # the tense of a verb in a relative clause is its own ("должен отправиться
            # эшелон, который прибыл 4 апреля": arrived, trial13 T8)
            opens = [a for a, b in relatives if a < m.start() < b]
            window = text[max(0, m.start() - 24, *opens) : m.end()]
            forward = forward_re is not None and forward_re.search(window) is not None
            cue = VerbCue(role, m.start(), m.end(), not forward)
            if not forward and has_modal and modal_before(text, self.lang, cue):
                cue = VerbCue(role, m.start(), m.end(), False)  # "ma przyjechać" (trial15 T3)
            cues.append(cue)
        appear = self.lex.appear
        if appear is not None and appear.search(text) is not None and self.has_train_noun(text):
            # "w Rostoku pojawią się trzy pociągi": a train that appears somewhere came there
            # (only where a train is named: "pojawiło się 30 osób" is people)
            for m in appear.finditer(text):
                end = m.end()
                while end < len(text) and (text[end].isalpha() or text[end] in "'’-"):
                    end += 1  # the whole word ("появятся" after the stem "появят")
                window = text[max(0, m.start() - 24) : end]
                forward = forward_re is not None and forward_re.search(window) is not None
                cues.append(VerbCue("arrival", m.start(), end, not forward))
            cues.sort(key=lambda cue: cue.start)
        return cues

    # -- places ----------------------------------------------------------------------
    def is_broad(self, name: str) -> bool:
        """Whether a name is a country or region word of this language ("Беларуси")."""
        low = name.lower()
        return low.startswith(self.lex.broad_stems) if self.lex.broad_stems else False

    def _sited_in(
        self, toks: tuple[Token, ...], end_j: int, breaks: frozenset[int]
    ) -> tuple[int, int] | None:
        """Return the token span of the town an institution's name is sited in, if any.

        An organisation or works named where an end is expected ("z Wojskowych Zakładów
        Motoryzacyjnych w Poznaniu") is no place; the name right after it, behind a
        preposition of place ("w Poznaniu"), is where it is.

        >>> pl = LexiconReader("pl")
        >>> [p.text for p in pl.find_places("Czołgi przyjechały z Wojskowych Zakładów w Poznaniu.")]
        ['Poznaniu']
        """
        cue = self.lex.place_cues.match(toks, end_j) if end_j < len(toks) else None
        if cue is None or cue[0] != "at" or cue[1] >= len(toks) or cue[1] in breaks:
            return None
        k = cue[1]
        if not toks[k].text[:1].isupper() or (
            self.lex.not_places is not None and self.lex.not_places.match(toks[k].low)
        ):
            return None
        end = self._name_at(toks, k, breaks)
        return (k, end) if end > k else None

    def _name_at(
        self, toks: tuple[Token, ...], i: int, breaks: frozenset[int] = frozenset()
    ) -> int:
        """Index after the capitalised name starting at ``toks[i]`` (``i`` if none).

        A name never runs on past a line break (``breaks``: indices of the tokens
        that start a line): a headline's last word is not part of the next line.
        """
        j = i
        while j < len(toks) and j < i + 3:
            tok = toks[j]
            if j > i and j in breaks:
                break
            first = tok.text[0]
            if first.isupper() and first.isalpha():
                if j > i and (
                    tok.low in self.lex.train_nouns
                    or self.lex.markers.match(toks, j)
                    or tok.low in self.lex.months
                    or (
                        self.lang in _ADJECTIVE_FIRST
                        and self.lex.not_places is not None
                        and self.lex.not_places.match(tok.low)
                    )
                ):
                    break  # (nor into "Білоруської залізниці": "Борисов Білоруської")
                if (
                    j > i
                    and j + 1 < len(toks)
                    and toks[j + 1].low in self.lex.railway_words
                    and j + 1 not in breaks
                ):
                    break  # "Столбовая Московской железной дороги": the railway's name
                j += 1
                continue
            if (
                j > i
                and _ROMAN_OR_DIGIT.fullmatch(tok.text)
                and toks[j - 1].end == tok.start - 1
                and not self._month_follows(toks, j + 1)
                and not self._counts_something(toks, j)
            ):
                j += 1  # "Осиповичи 1", "Brest II" (not "Валуйки 5 марта", "Białoruś 4 i 6 marca")
                continue
            break
        if (
            j > i
            and j < len(toks)
            and j not in breaks
            and toks[j].low in self.lex.port_nouns
            and _PLACE_ADJECTIVE.search(toks[j - 1].low)
        ):
            j += 1  # "Маріупольського порту": the port of Mariupol, named by its adjective
        return j

    @staticmethod
    def _counts_something(toks: tuple[Token, ...], j: int) -> bool:
        """Whether the digits at ``j`` count the word after them ("из КНР 43 контейнера").

        A station's number stands at the end of its name ("Осиповичи 1", "Brest II"),
        never before a word in lower case (other than a preposition), which a count is.
        """
        if not toks[j].low.isdecimal() or j + 1 >= len(toks):
            return False
        word = toks[j + 1].text
        return len(word) > 2 and word[:1].isalpha() and word[:1].islower()

    def _month_follows(self, toks: tuple[Token, ...], k: int) -> bool:
        """Whether a month name follows ``toks[k:]``, after at most a list of days."""
        for tok in toks[k : k + 8]:
            if self._month(tok.low) is not None:
                return True
            if not (tok.low.isdecimal() or tok.low == "," or tok.low in self.lex.ranges):
                return False
        return False

    # Over the C901 cap; the languages work (issue 13) splits it.
    def find_places(self, text: str) -> list[PlaceSpan]:  # noqa: C901
        """Place names after a cue ("из Слонима", "до станції Валуйки", "ze stacji Słonim")."""
        toks = tokens(text)
        places: list[PlaceSpan] = []
        i = 0
        cues = self.lex.place_cues
        # the tokens a line break comes before (a name never runs across one); a clause
        # without a line break, most of them, is not searched token by token
        breaks = (
            frozenset(
                k for k in range(1, len(toks)) if "\n" in text[toks[k - 1].end : toks[k].start]
            )
            if "\n" in text
            else frozenset()
        )
        while i < len(toks):
            low = toks[i].low
            # (a cue may start with a kind word, "станция назначения —": no cue here, the
            # kind word may still name a station, "(станция Гондки, ...)")
            hit = cues.match(toks, i) if low in cues else None
            if hit is None and low in self.lex.train_nouns:
                relation = self._relation_after(toks, i, text, breaks)
                if relation:
                    places.extend(relation)
                    i += 1
                    continue
            if hit is None:
                kind_here = low in self._kind_starts or low.startswith(self._kind_prefixes)
                bare = self._bare_station(toks, i, text, breaks) if kind_here else None
                if bare is not None:
                    places.append(bare[0])
                    i = bare[1]
                    continue
                i += 1
                continue
            role, j = hit
            if (
                role == "at"
                and j < len(toks)
                and toks[j].low in cues
                and self.is_passage(toks[i].text)
            ):
                i += 1  # "пройшов зі станції Лида": the place is the next cue's, not passed
                continue
            if role == "route":
                # "по маршруту Шицзячжуан – Минск": the origin, then the destination
                pair = self._route_pair(toks, j, text, breaks, toks[i].start)
                places.extend(pair[0])
                i = pair[1]
                continue
            if self._not_a_place_cue(toks, i, role, text):
                i += 1
                continue
            case = None
            kind_hit = (
                self.lex.place_kinds.match(toks, j)
                or self._kind_after_words(toks, j)
                or self._head_at(toks, j)
            )
            kind_start = j
            if kind_hit is not None:
                case, j = kind_hit[0][1], kind_hit[1]
                if kind_hit[0][0] == "area":
                    j = self._past_inner_kind(toks, j)
                j = self._skip_kind_adjectives(toks, j)
                if j < len(toks) and toks[j].low == ".":
                    j += 1
                while j < len(toks) and toks[j].low in _QUOTES:
                    j += 1  # на станцію "Вітебськ" (and a page's doubled `"«Киев-Лиски"`)
                if kind_hit[0][0] == "crossing" and j < len(toks) and toks[j].low in _BETWEEN:
                    j += 1  # "через пропускной пункт между Маньчжоули и ..."
            if role == "origin" and case == "ins" and toks[i].low in self.lex.with_cues:
                i = j  # "z portem w Rotterdamie", "со станцией": "with" a place, not "from" it
                continue
            if j + 1 < len(toks) and toks[j].low == "#" and toks[j].end == toks[j + 1].start:
                j += 1  # "на станцію #Барановичі-Поліські": a channel's hashtag of the station
            if (
                kind_hit is None
                and j + 2 < len(toks)
                and _ADVERB.search(toks[j].low) is not None
                and toks[j + 1].text[:1].islower()
                and _NAME_ADJECTIVE.search(toks[j + 1].low) is not None
                and toks[j + 2].text[:1].isupper()
            ):
                j += 1  # "з тимчасово окупованого Мелітополя": the adverb, then the adjective
            if (
                kind_hit is None
                and j + 1 < len(toks)
                and toks[j].text[:1].islower()
                and _NAME_ADJECTIVE.search(toks[j].low) is not None
                and toks[j + 1].text[:1].isupper()
            ):
                j += 1  # "z podlondyńskiego Stanford-Le-Hope": an adjective before the name
            end_j = self._name_at(toks, j, breaks)
            if kind_hit is not None and end_j == j and j < len(toks):
                inside = self._place_inside(toks, j, kind_hit[0], breaks)
                if inside is not None:
                    # "со станции в Воронежской области": the region is the place
                    (k, end_k), inner_kind = inside
                    start, end = toks[k].start, toks[end_k - 1].end
                    role_here = role
                    if inner_kind == "crossing":
                        role_here = "crossing"
                    elif role == "into":
                        located = kind_hit[0][0] == "station" and case in ("loc", "gen")
                        role_here = "at" if located else "destination"
                    places.append(
                        PlaceSpan(role_here, text[start:end], start, end, toks[i].start, self.lang)
                    )
                    i = end_k
                    continue
            if role == "destination" and kind_hit is None and end_j == j:
                zone = self._region_of_zone(toks, j, breaks)
                if zone is not None:
                    # "do strefy walk w obwodzie donieckim": the region is the destination
                    start, end = toks[zone[0]].start, toks[zone[1] - 1].end
                    places.append(
                        PlaceSpan(role, text[start:end], start, end, toks[i].start, self.lang)
                    )
                    i = zone[1]
                    continue
            region_first = (
                kind_hit is not None
                and kind_hit[0][0] == "region"
                and end_j == j
                and j < len(toks)
                and _REGION_ADJECTIVE.search(toks[j].low) is not None
            )
            if region_first:
                # the kind word is part of the name: "obwodzie rostowskim"
                start = toks[j - 1].start
                end = toks[j].end
                places.append(
                    PlaceSpan(
                        "at" if role == "into" else role,
                        text[start:end],
                        start,
                        end,
                        toks[i].start,
                        lang=self.lang,
                    )
                )
                i = j + 1
                continue
            if end_j == j or (self.lex.not_places and self.lex.not_places.match(toks[j].low)):
                sited = self._sited_in(toks, end_j, breaks) if role in _ENDS else None
                if sited is not None:
                    # "z Wojskowych Zakładów Motoryzacyjnych w Poznaniu": the works' town
                    start, end = toks[sited[0]].start, toks[sited[1] - 1].end
                    places.append(
                        PlaceSpan(role, text[start:end], start, end, toks[i].start, self.lang)
                    )
                    i = sited[1]
                    continue
                i += 1
                continue
            if role in _ENDS and end_j == j + 1 and _is_acronym(toks[j].text):
                sited = self._sited_in(toks, end_j, breaks)
                if sited is not None:
                    # "do terminala BCT w Gdyni": a company's or terminal's letters, then
                    # the town it is in
                    start, end = toks[sited[0]].start, toks[sited[1] - 1].end
                    places.append(
                        PlaceSpan(role, text[start:end], start, end, toks[i].start, self.lang)
                    )
                    i = sited[1]
                    continue
            if (
                self._adjective_of_a_noun(toks, j, end_j)
                and kind_hit is None
                and not self._verb_at(text, toks[end_j].start)
                and not self._plan_at(text, toks[end_j].start)
            ):
                # "на Керченский мост": a bridge, not a place named "Керченский" (but "do
                # Briańska wyjechał pociąg": a name in -ska before its verb is the place)
                i = end_j
                continue
            if (
                kind_hit is not None
                and kind_hit[0][0] in ("crossing", "station")
                and end_j + 1 < len(toks)
                and toks[end_j].low in _DASHES
                and toks[end_j + 1].text[:1].isupper()
            ):
                # "розв'язку Асинука – Красне", "на станцію Київ – Ліски": one name
                end_j = self._name_at(toks, end_j + 1, breaks)
            if role == "origin" and self._with_not_from(toks, i, end_j):
                i = end_j  # "z Iskanderami": "with", not "from"
                continue
            if role == "origin" and self._not_the_trains_origin(toks, i, j, end_j, text):
                i = end_j  # "z żołnierzami z Rosji", "transzy od Stanów Zjednoczonych"
                continue
            if (
                role == "origin"
                and toks[i].low in self.lex.with_cues
                and self.names_cargo(text[toks[j].start : toks[end_j - 1].end])
            ):
                i = end_j  # "платформ с БМП-2", "z BMP-2": the load, not where it came from
                continue
            # "з міста Ухань Китайської Народної Республіки", "из Бреста Республики Беларусь":
            # the town, then the state it is in (issue 13, session 17)
            end_j = self._before_its_state(toks, j, end_j)
            # a region: "Брянской области", "в Курскую область"
            after = self.lex.place_kinds.match(toks, end_j)
            if (
                after is not None
                and after[0][0] == "region"
                and end_j - j >= 2
                and _REGION_ADJECTIVE.search(toks[end_j - 1].low) is not None
            ):
                # "в Горлівці Донецької області": the town, then the region it is in
                end_j -= 1
                after = None
            elif (
                after is not None
                and after[0][0] == "region"
                and (
                    toks[end_j].text[:1].isupper()
                    or (after[1] < len(toks) and toks[after[1]].text[:1].isupper())
                )
            ):
                # "з Уханя Китайської Народної Республіки", "из Бреста Республики Беларусь":
                # the town, then the state it is in (its adjectives before the word, its
                # name after it) (issue 13, session 17)
                cut = _cut_state_adjectives(toks, j, end_j)
                if cut > j:
                    end_j, after = cut, None
            name_last = toks[end_j - 1]  # (its case, not the region word's, gives the role)
            region_word = None
            if after is not None and after[0][0] == "region":
                region_word = toks[end_j]
                end_j = after[1]
            start, end = toks[j].start, toks[end_j - 1].end
            if kind_hit is not None and kind_hit[0][0] == "region" and kind_start < j:
                # "у провінції Хубей", "в Республику Беларусь": a region keeps its word, as
                # written (a region, not a town named "Хубей") (issue 13, session 17)
                start = toks[kind_start].start
            if kind_hit is not None and kind_hit[0][0] == "crossing" and role != "destination":
                # "через КПП Алашанькоу": a border crossing is passed; "в сторону
                # погранперехода Брузги" is the way the train went (trial19 T10)
                role = "crossing"
            elif role == "into":
                role = self._into_role(name_last, case)
            elif (
                role == "origin"
                and case is None
                and toks[i].low in _WITH
                and self._instrumental(name_last, region_word)
            ):
                role = "at"  # "мяжа з Украінай", "граница с Россией": with, not from
            role, next_i = self._qualified_role(toks, i, end_j, role, breaks)
            places.append(
                PlaceSpan(role, text[start:end], start, end, toks[i].start, lang=self.lang)
            )
            if role == "at" and (toks[i].low in _THROUGH or self.is_passage(toks[i].text)):
                # "через Белгород (Россия), Наушки (Россия), Замин Ууд", "прошёл Оршу, в
                # 14:30 — Могилёв": each is passed
                next_i = self._places_listed(toks, next_i, text, breaks, toks[i].start, places)
            i = next_i
        return self._with_route_lists(text, places)

    def _with_route_lists(self, text: str, places: list[PlaceSpan]) -> list[PlaceSpan]:
        """Read the route lists after a route word into the places found.

        In "по маршруту Сиань – Алтынколь – Тегеран" the first name is the origin, the
        last the destination and those between are passed (role ``crossing``),
        whatever the cues had made of them.

        >>> [(p.role, p.text) for p in LexiconReader("ru").find_places(
        ...     "Поезд прошёл по маршруту Сиань – Алтынколь – Тегеран.")]
        [('origin', 'Сиань'), ('crossing', 'Алтынколь'), ('destination', 'Тегеран')]
        """
        if not self.lex.route_words or not any(w in text.lower() for w in self.lex.route_words):
            return places
        from railtrack.extract.places import is_broad
        from railtrack.extract.routelists import route_list_places

        listed = route_list_places(
            text,
            self.lex.route_words,
            is_broad=lambda n: self.is_broad(n) or is_broad(n),
            labels=tuple(self.lex.route_labels),
        )
        if not listed:
            return places
        kept = [
            p
            for p in places
            if not any(q.start <= p.start < q.end or p.start <= q.start < p.end for q in listed)
        ]
        for q in listed:
            role = "crossing" if q.role == "at" else q.role
            kept.append(PlaceSpan(role, q.text, q.start, q.end, q.start, lang=self.lang))
        kept.sort(key=lambda p: p.start)
        return kept

    def _before_its_state(self, toks: tuple[Token, ...], j: int, end_j: int) -> int:
        """Where a town's name ends when the state or region it is in follows in it.

        A capitalised region word inside the name run (``place_kinds`` ``region``:
        "Республики", "Республіки", "Republiki") and the adjectives before it
        ("Китайської Народної") name the state the town is in, not the town: the name
        ends before them. A name that is only the state ("Донецкой Народной
        Республики", "Чеченской Республики") is kept whole.

        Parameters
        ----------
        toks
            The sentence's tokens.
        j, end_j
            The name's first token and the token after its last (``end_j`` exclusive).

        Returns
        -------
        int
            The new ``end_j`` (``end_j`` itself when nothing follows the town).
        """
        for k in range(j + 1, end_j):
            hit = self.lex.place_kinds.match(toks, k)
            if hit is None or hit[0][0] != "region" or not toks[k].text[:1].isupper():
                continue
            cut = _cut_state_adjectives(toks, j, k)
            return end_j if cut == j else cut
        return end_j

    def _adjective_of_a_noun(self, toks: tuple[Token, ...], j: int, end_j: int) -> bool:
        """Whether a one-word "name" is an adjective of the common noun after it.

        "на Керченский мост", "на Керченський міст": the place is a bridge; a name
        followed by its region ("в Ростовскую область") is not meant, nor one followed
        by a Polish verb's past form (:func:`railtrack.extract.tense.past_form`: "do Mińska
        przewoził") or
        a day ("do Mińska wczoraj dotarł").
        """
        return (
            end_j == j + 1
            and end_j < len(toks)
            and _REGION_ADJECTIVE.search(toks[j].low) is not None
            and toks[end_j].text[:1].islower()
            and toks[end_j].text.isalpha()
            and len(toks[end_j].text) > 2  # "do Jelska w obwodzie", "do Jelska i ...": a name
            and self.lex.place_cues.match(toks, end_j) is None
            and self.lex.place_kinds.match(toks, end_j) is None
            # "do Mińska przewoził paliwo", "do Mińska wczoraj dotarł": a verb or a day
            # after the name, no noun it qualifies (session 15; Polish only, whose town
            # adjectives are lower case: "у Слов'янську розбомбили" stays as it was read)
            and not (self.lang == "pl" and _told_as_past_word(toks[end_j].low, self.lang))
            and self._date_at(toks, end_j) is None
        )

    def _relation_after(
        self, toks: tuple[Token, ...], i: int, text: str, breaks: frozenset[int]
    ) -> list[PlaceSpan]:
        """Read a train named by its relation: "цягнік Сіань – Мінск", "поезд Сиань – Минск".

        Two names joined by a spaced dash right after a train noun are the train's
        origin and destination, as after "па маршруце" (issue 13, session 12), in a text
        with a verb of departure or arrival (a train told only moving along a line, as
        before an accident, gets no ends from its name). A name with a hyphen and no
        spaces ("Баранавічы-Палескія") is one station.

        Examples
        --------
        >>> [(p.role, p.text) for p in LexiconReader("be").find_places(
        ...     "Кантэйнерны цягнік Сіань – Мінск адправіцца 15 сакавіка")]
        [('origin', 'Сіань'), ('destination', 'Мінск')]
        """
        j = i + 1
        if j >= len(toks) or not toks[j].text[:1].isupper():
            return []
        if not any(c.role != "neutral" for c in self.verb_cues(text)):
            return []  # "поезд Калинковичи — Минск-Сортировочный ... двигался": no trip told
        end1 = self._name_at(toks, j, breaks)
        if (
            end1 == j
            or end1 >= len(toks)
            or toks[end1].low not in _DASHES
            or toks[end1].start == toks[end1 - 1].end  # "Мінск-Пасажырскі": one name
        ):
            return []
        pair = self._route_pair(toks, j, text, breaks, toks[i].start)[0]
        return pair if len(pair) == 2 else []

    def _route_pair(
        self, toks: tuple[Token, ...], j: int, text: str, breaks: frozenset[int], cue: int
    ) -> tuple[list[PlaceSpan], int]:
        """Read "X – Y" after a route word: X the origin, Y the destination.

        Examples
        --------
        >>> [(p.role, p.text) for p in LexiconReader("ru").find_places(
        ...     "по маршруту Шицзячжуан – Минск отбыл состав")]
        [('origin', 'Шицзячжуан'), ('destination', 'Минск')]
        """
        end1 = self._name_at(toks, j, breaks)
        if end1 == j + 1 and (end1 >= len(toks) or toks[end1].low not in _DASHES):
            # "relacji Szczecin-Dorohusk": the two ends joined by a hyphen in one token
            parts = _HYPHEN_PAIR.fullmatch(toks[j].text)
            if parts is not None:
                a, b = toks[j].start, toks[j].start + parts.end("a")
                c = toks[j].start + parts.start("b")
                return [
                    PlaceSpan("origin", text[a:b], a, b, cue, lang=self.lang),
                    PlaceSpan(
                        "destination", text[c : toks[j].end], c, toks[j].end, cue, lang=self.lang
                    ),
                ], end1
        # "за маршрутом Скнилів (Україна) – Славкув (Польща)": a country glossed in
        # brackets after a name is no part of the route (issue 13, session 17)
        dash = _after_gloss(toks, end1)
        if end1 == j or dash + 1 >= len(toks) or toks[dash].low not in _DASHES:
            return [], j
        end2 = self._name_at(toks, dash + 1, breaks)
        if end2 == dash + 1:
            return [], j
        first, second = (
            (toks[j].start, toks[end1 - 1].end),
            (toks[dash + 1].start, toks[end2 - 1].end),
        )
        end2 = _after_gloss(toks, end2)
        return [
            PlaceSpan("origin", text[first[0] : first[1]], *first, cue, lang=self.lang),
            PlaceSpan("destination", text[second[0] : second[1]], *second, cue, lang=self.lang),
        ], end2

    def _past_inner_kind(self, toks: tuple[Token, ...], j: int) -> int:
        """Step over a kind or head word after an area word, to the name.

        "на территорию станции Брест", "на территорию железнодорожного вокзала города
        Артемовск": the area word's case gives the role, the name follows the inner
        words.

        Examples
        --------
        >>> rd = LexiconReader("ru")
        >>> toks = tokens("на территорию железнодорожного вокзала города Брест")
        >>> toks[rd._past_inner_kind(toks, 2)].text
        'Брест'
        """
        inner = self.lex.place_kinds.match(toks, j) or self._head_at(toks, j)
        return inner[1] if inner is not None else j

    def _head_at(self, toks: tuple[Token, ...], j: int) -> tuple[Any, int] | None:
        """Match the nouns before a name that only say what it is ("в столицу Беларуси г.").

        "из центра провинции Харбина", "в столицу Беларуси г. Минск": the head noun's
        case is the place's case; a country it belongs to is skipped when a place
        word follows it.
        """
        hit = self.lex.place_heads.match(toks, j)
        if hit is None:
            return None
        case, k = hit
        while (more := self.lex.place_heads.match(toks, k)) is not None:
            k = more[1]
        kind = self.lex.place_kinds.match(toks, k)
        if kind is None and k + 1 < len(toks) and self.is_broad(toks[k].text):
            kind = self.lex.place_kinds.match(toks, k + 1)
        return ("city", case), (kind[1] if kind is not None else k)

    def _places_listed(
        self,
        toks: tuple[Token, ...],
        k: int,
        text: str,
        breaks: frozenset[int],
        cue: int,
        places: list[PlaceSpan],
    ) -> int:
        """Read the further names of a list after "через"; return where reading resumes."""
        while k < len(toks):
            if toks[k].low == "(":  # "Белгород (Россия)": a gloss, not another place
                close = next(
                    (m for m in range(k, min(k + 6, len(toks))) if toks[m].low == ")"), None
                )
                if close is None:
                    return k
                k = close + 1
                continue
            if toks[k].low not in (",", *_AND) or k + 1 >= len(toks):
                return k
            # "прошёл Оршу, в 14:30 — Могилёв": the verb left out, the time kept
            at = self._after_gapped_time(toks, k + 1)
            end = self._name_at(toks, at, breaks)
            if end == at or self.is_broad(toks[at].text):
                return k
            start, stop = toks[at].start, toks[end - 1].end
            places.append(PlaceSpan("at", text[start:stop], start, stop, cue, lang=self.lang))
            k = end
        return k

    def _after_gapped_time(self, toks: tuple[Token, ...], k: int) -> int:
        """Return where a name starts after a time and a dash standing for the verb.

        In a run of places passed, "в 10:00 прошёл Оршу, в 14:30 — Могилёв", the
        second clause leaves its verb out: a word of the time of day, the time and a
        dash come before the name. Returns ``k`` when the tokens there are not that.

        Examples
        --------
        >>> from railtrack.extract.lexicon import tokens
        >>> LexiconReader("ru")._after_gapped_time(tokens("в 14:30 — Могилёв"), 0)
        5
        >>> LexiconReader("pl")._after_gapped_time(tokens("Mohylew"), 0)
        0
        """
        j = k + 1 if k < len(toks) and toks[k].low in self.lex.clock else k
        if (
            j + 3 < len(toks)
            and toks[j].low.isdigit()
            and toks[j + 1].low in (":", ".")
            and toks[j + 2].low.isdigit()
            and toks[j + 3].low in _DASHES
        ):
            return j + 4
        return k

    def _region_of_zone(
        self, toks: tuple[Token, ...], j: int, breaks: frozenset[int]
    ) -> tuple[int, int] | None:
        """Return the token span of a region after a common noun ("strefy walk w obwodzie X").

        A destination named as an area ("the combat zone", "зона боевых действий") in
        a region is the region: up to two lower-case words, then "w"/"в"/"у" and a
        region ("obwodzie donieckim", "Донецкой области").
        """
        for k in (j + 1, j + 2):
            if k >= len(toks) or any(
                not toks[m].text[:1].islower() or not toks[m].text.isalpha() for m in range(j, k)
            ):
                return None
            inner = self.lex.place_cues.match(toks, k)
            if inner is None or inner[0] not in ("into", "at") or k in breaks:
                continue
            at = inner[1]
            kind = self.lex.place_kinds.match(toks, at)
            if (
                kind is not None
                and kind[0][0] == "region"
                and kind[1] < len(toks)
                and _REGION_ADJECTIVE.search(toks[kind[1]].low) is not None
            ):
                return at, kind[1] + 1  # "w obwodzie donieckim"
            end = self._name_at(toks, at, breaks)
            after = self.lex.place_kinds.match(toks, end) if end > at else None
            if after is not None and after[0][0] == "region":
                return at, after[1]  # "в Донецкой области"
        return None

    def _bare_station(
        self, toks: tuple[Token, ...], i: int, text: str, breaks: frozenset[int] = frozenset()
    ) -> tuple[PlaceSpan, int] | None:
        """Read a station word with no preposition before it: "называют станцию Лесная".

        The place is only ``at`` (named, role unknown): the clause's words give it one
        (the end of the route, a station where a train is unloaded).
        """
        kind = self.lex.place_kinds.match(toks, i)
        if kind is None or kind[0][0] != "station" or kind[0][1] not in ("nom", "acc"):
            return None
        j = kind[1]
        end_j = self._name_at(toks, j, breaks)
        if end_j == j or (self.lex.not_places and self.lex.not_places.match(toks[j].low)):
            return None
        start, end = toks[j].start, toks[end_j - 1].end
        return PlaceSpan("at", text[start:end], start, end, toks[i].start, lang=self.lang), end_j

    def _skip_kind_adjectives(self, toks: tuple[Token, ...], j: int) -> int:
        """Step over adjectives of a kind word when a town follows ("w", "в" + name).

        "do Portu Morskiego w Kołobrzegu", "z terminalu przeładunkowego w Warszawie":
        the adjectives say what the facility is, the town after "w" is the place. A
        capitalised word after a kind word in lower case is the name, whatever its
        ending ("со станции Слоним на Гомель": Слоним, not an adjective in "-им").
        """
        k = j
        named = j > 0 and toks[j - 1].text[:1].isupper()
        while (
            k < min(j + 2, len(toks))
            and _KIND_ADJECTIVE.search(toks[k].low)
            and (named or not toks[k].text[:1].isupper())
        ):
            k += 1
        if k == j or k >= len(toks):
            return j
        inner = self.lex.place_cues.match(toks, k)
        return k if inner is not None and inner[0] in ("into", "at") else j

    def _kind_after_words(self, toks: tuple[Token, ...], j: int) -> tuple[Any, int] | None:
        """Match a place kind after one or two adjectives or "той жа" ("the same").

        "в китайский город Цзинань", "na białoruską stację", "з той жа станцыі Місяш".
        """
        for k in (j, j + 1):
            if k + 1 >= len(toks):
                return None
            low = toks[k].low
            if not toks[k].text[:1].islower() or not (
                # (Polish feminine genitive "z chińskiej miejscowości": -ej before a kind word)
                _ADJECTIVE_END.search(low) or low.endswith("ej") or low in _PARTICLES
            ):
                return None
            hit = self.lex.place_kinds.match(toks, k + 1)
            if hit is not None:
                return hit
        return None

    def names_cargo(self, name: str) -> bool:
        """Whether a name after "с/з/z" is a load, not a place ("БМП-2", "танками", "BMP").

        A vehicle or weapon of the military lexicon ("бмп", "танк", "bwp") or a type
        designation (capitals, a dash, a number: "Т-72Б3", "BMP-2", "С-300") is what a
        car carries; the name of an embedded station or town as written stays a place.

        Examples
        --------
        >>> rd = LexiconReader("ru")
        >>> rd.names_cargo("БМП-2"), rd.names_cargo("Т-72"), rd.names_cargo("Осиповичей")
        (True, True, False)
        """
        first = name.split()[0] if name.split() else ""
        military = self.lex.military
        cargo = _DESIGNATION.fullmatch(first) is not None or (
            military is not None and military.match(first) is not None
        )
        if not cargo:
            return False
        from railtrack.extract.nominatives import is_nominative_name

        return not is_nominative_name(name)

    def _not_the_trains_origin(
        self, toks: tuple[Token, ...], i: int, j: int, end_j: int, text: str
    ) -> bool:
        """Whether a "from" phrase names where the load or a giver is from, not the train.

        A country right after the load "with" governs ("pociąg z żołnierzami z Rosji",
        "transporty z bronią i sprzętem z Rosji") is where the soldiers or arms are
        from; a country after a giver's "from" ("transza od Stanów Zjednoczonych",
        ``from_giver``) is who gave them; a name joined by "&" ("ekspertów ze
        Strategy&Future") is a firm's. A town or station stays the train's origin
        ("pociąg z czołgami z Orszy").
        """
        name = text[toks[j].start : toks[end_j - 1].end]
        if "&" in text[toks[j].start : toks[end_j - 1].end + 2]:
            return True
        if not self.is_broad(name):
            return False
        if toks[i].low in self.lex.from_giver:
            return True
        if i < 2 or not toks[i - 1].low.endswith(self.lex.with_endings):
            return False
        return any(toks[k].low in self.lex.with_cues for k in range(max(0, i - 5), i - 1))

    def _with_not_from(self, toks: tuple[Token, ...], i: int, end_j: int) -> bool:
        """Whether "z"/"с" governs the instrumental here ("z Iskanderami": with, not from)."""
        return toks[i].low in self.lex.with_cues and toks[end_j - 1].low.endswith(
            self.lex.with_endings
        )

    def _qualified_role(
        self, toks: tuple[Token, ...], i: int, end_j: int, role: str, breaks: frozenset[int]
    ) -> tuple[str, int]:
        """Return the role of a place as its context qualifies it, and where reading resumes.

        Two names joined by "or" ("do Orszy bądź Witebska", "с Северного Кавказа или из
        Краснодарского края": the second with its own preposition) are alternatives,
        neither of them a stated end (role ``alternative``); a place after "from there"
        ("Stamtąd ... do Iłowajska") is a later leg, not this trip's end (``onward``).
        Neither role is an origin, a destination or a place passed.
        """
        nxt = end_j + 1
        if (
            nxt + 1 < len(toks)
            and toks[nxt].text.isalpha()
            and toks[nxt].text.islower()
            and len(toks[nxt].text) <= 3
            and toks[nxt + 1].text[:1].isupper()
        ):
            nxt += 1  # "или из Краснодарского края": the alternative's own preposition
        if (
            role in ("origin", "destination", "at")
            and nxt < len(toks)
            and toks[end_j].low in self.lex.alternatives
            and toks[nxt].text[:1].isupper()
        ):
            return "alternative", self._name_at(toks, nxt, breaks)
        if role == "destination" and any(
            self.lex.onward.match(toks, k) is not None for k in range(i)
        ):
            return "onward", end_j
        if role in ("at", "destination") and self._sea_leg_from(toks, end_j):
            return "destination", end_j  # "через станцию Новороссийск, откуда ... морем"
        if role == "destination" and any(self._sea_leg_from(toks, k) for k in range(i)):
            return "onward", end_j  # (the sea leg's end is no end of the train)
        return role, end_j

    def _sea_leg_from(self, toks: tuple[Token, ...], k: int) -> bool:
        """Whether ", откуда ... морским путем" follows ``toks[k - 1]``: a sea leg from it.

        Examples
        --------
        >>> rd = LexiconReader("ru")
        >>> toks = tokens("через Новороссийск, откуда морским путем в Сирию")
        >>> rd._sea_leg_from(toks, 2)
        True
        >>> rd._sea_leg_from(tokens("через Оршу, откуда эшелон ушел в Брест"), 2)
        False
        """
        sea_by = self._pattern("sea_by")
        if sea_by is None or k >= len(toks):
            return False
        start = k + 1 if toks[k].low == "," else k
        if not self._sea_from_at(toks, start):
            return False
        rest = " ".join(t.text for t in toks[start:])
        return sea_by.search(rest) is not None

    def _sea_from_at(self, toks: tuple[Token, ...], k: int) -> bool:
        """Whether a word or phrase of a leg on from there starts at ``toks[k]``.

        ", откуда" (after a comma) or, with no comma, a phrase of several words ("с
        дальнейшей отправкой груза в Турцию морским транспортом", "з подальшим
        відправленням").

        Examples
        --------
        >>> rd = LexiconReader("ru")
        >>> rd._sea_from_at(tokens("с дальнейшей отправкой груза"), 0)
        True
        >>> rd._sea_from_at(tokens("с техникой"), 0)
        False
        """
        if k >= len(toks):
            return False
        for phrase in self.lex.sea_from:
            words = phrase.split()
            if len(words) == 1 and (k == 0 or toks[k - 1].low != ","):
                continue  # a single word ("откуда") only after a comma
            if [t.low for t in toks[k : k + len(words)]] == words:
                return True
        return False

    def _not_a_place_cue(self, toks: tuple[Token, ...], i: int, role: str, text: str) -> bool:
        """Whether the cue at ``toks[i]`` governs no place of the train.

        "в 50 км от Луганской области" gives a distance, "со ссылкой на Сообщество" a
        source; "в/на" before a name mean motion only in a clause with a verb of motion.
        """
        back = [t.low for t in toks[max(0, i - 4) : i]]
        if any(
            w in _DISTANCE and k > 0 and back[k - 1][:1].isdecimal() for k, w in enumerate(back)
        ):
            return True  # "в 50 км от X", "в 400 км к югу от X" (not "m.in. przez X")
        ahead = [t.low for t in toks[i + 1 : i + 10]]
        verb = next((k for k, w in enumerate(ahead) if w in _DISTANCE_VERBS), None)
        if verb is not None and any(w in _DISTANCE for w in ahead[verb + 1 :]):
            return True  # "z Ołeniwki do tego miasta jest ok. 15 kilometrów"
        if role == "origin" and back and back[-1] in _DIRECTION_NOUNS:
            return True  # "в противоположном направлении от Киева": away from, not from
        if role == "origin" and back and back[-1].startswith(_COMPASS):
            return True  # "na południowy zachód od Doniecka", "к югу от Курска": where, not from
        if back and back[-1] in _SOURCE_BEFORE:
            return True
        if (
            back
            and toks[i].low in self.lex.agent_cues
            and back[-1].endswith(self.lex.agent_endings)
            and len(back[-1]) > 5  # (a participle, not "one", "ona")
            and not back[-1].startswith(self.lex.agent_way)  # ("wysłany przez Terespol")
        ):
            return True  # "koordynowany przez LTG Cargo Polska": the agent, no place passed
        if role != "into" or self.verb_cues(text) or self.place_stage(text):
            return False  # (a station where a train is loaded or unloaded is one of its ends)
        if self._station_after(toks, i + 1) and self.has_train_noun(text[: toks[i].start]):
            return False  # "Эшелон 13 марта в 19:40 на станции Жлобин": where it was seen
        if self.claim_kind(text) == "planned" and self.has_train_noun(text):
            return False  # "Поезд из Барановичей в Брянск запланирован": a trip planned
        if (
            (i == 0 and self.find_car_counts(text))
            or opens_with_ordinal(toks, i, self.lex.markers)
            or opens_with_count(toks, i, self.lex.numbers)
        ):
            # "[, а] на станцию Амвросиевка - 20 платформ", "второй (44 вагона) — 11 мая
            # в Брест", "два — у Асіповічы": the verb is elided (trial15 T1, issue 13 T6)
            return False
        # "эшелон в Валуйки": after a train noun the preposition is motion too, and after
        # the ordinal standing for one ("первый в Минск, второй в Гомель"), also past the
        # place it came from ("эшелон из Орши в Брянск", "первый — из Слонима в Валуйки")
        k = self._past_the_origin(toks, i)
        if k != i:
            # past an origin, a singular train noun or an ordinal right before it: "эшелон
            # из Орши в Брянск", not "pociąg towarowy z Chin na Pomorze" (a lead's words
            # of its own) nor "саставы зь Беларусі на Маскоўскім кірунку" (trains at large)
            k -= 1
            return not (
                self.lex.train_nouns.get(toks[k].low) == "sg"
                or self.lex.markers.match(toks, k) is not None
            )
        before = range(max(0, k - 2), k)
        return not any(
            toks[k].low in self.lex.train_nouns or self.lex.markers.match(toks, k) is not None
            for k in before
        )

    def _station_after(self, toks: tuple[Token, ...], i: int) -> bool:
        """Whether a station's kind word stands at ``toks[i]`` ("станции", "stacji")."""
        hit = self.lex.place_kinds.match(toks, i)
        return hit is not None and hit[0][0] == "station"

    def _past_the_origin(self, toks: tuple[Token, ...], i: int) -> int:
        """Return where "from X" right before ``toks[i]`` starts (past a dash), else ``i``.

        "эшелон из Орши в Брянск", "первый — из Слонима в Валуйки": the words before
        "в" are a place the train came from; what stands before them says whether "в"
        is motion.
        """
        k = i
        while k > 0 and toks[k - 1].text[:1].isupper():
            k -= 1  # the origin's name ("Орши", "Бекасово-Сортировочное")
        if k == i or k == 0:
            return i
        k -= 1
        while k > 0 and toks[k].low not in self.lex.place_cues:
            if not self.lex.place_kinds.match(toks, k):
                return i
            k -= 1  # ("из станции Орша"): a kind word between the cue and the name
        cue = self.lex.place_cues.match(toks, k)
        if cue is None or cue[0] != "origin":
            return i
        if k > 0 and toks[k - 1].low in ("—", "–", "-", ":"):
            k -= 1  # "первый — из Слонима"
        return k

    def _instrumental(self, last: Token, region_word: Token | None = None) -> bool:
        """Whether a name is in the instrumental ("с Украиной"): "with", not "from".

        A Belarusian feminine adjective has one ending for the genitive and the
        instrumental ("з Бранскай вобласці", from; "з Бранскай вобласцю", with): the
        region word after it tells the case; with none, an adjectival name in "-ай" is
        read as the genitive, the usual case of a place after "з" (issue 13, session 12).
        """
        if self.lang in ("ru", "uk"):
            from railtrack.extract.morph import is_instrumental

            return is_instrumental(last.text, self.lang)
        if self.lang == "be":
            if region_word is not None:
                return region_word.low.endswith(_BE_REGION_INSTRUMENTAL)
            if last.low.endswith(("ай", "яй")) and _REGION_ADJECTIVE.search(last.low):
                return False
            return last.low.endswith(_BE_INSTRUMENTAL)
        return False

    def _place_inside(
        self,
        toks: tuple[Token, ...],
        j: int,
        kind: tuple[str, str],
        breaks: frozenset[int],
    ) -> tuple[tuple[int, int], str] | None:
        """Return the place a nameless station or facility is said to be in, and its kind.

        After "ze stacji", "на станцию", "do portu" with no name, "w"/"в" + a place
        names where: a region ("ze stacji w obwodzie czelabińskim", "со станции в
        Воронежской области"), a town named after its kind word ("ze stacji w
        mieście Miass"), or, after a station, facility or crossing word, the town
        itself ("ze stacji w Orszy", "do portu w Gdańsku"). Returns the token span
        and the kind that decides the role (``region``, ``facility``, ``crossing``).
        """
        inner = self.lex.place_cues.match(toks, j)
        if inner is None or inner[0] not in ("into", "at"):
            return None
        k = inner[1]
        inner_kind = self.lex.place_kinds.match(toks, k)
        if inner_kind is not None and inner_kind[1] < len(toks):
            kk = inner_kind[1]
            if inner_kind[0][0] == "region" and _REGION_ADJECTIVE.search(toks[kk].low):
                return (k, kk + 1), "region"  # "w obwodzie czelabińskim"
            end_kk = self._name_at(toks, kk, breaks)
            if inner_kind[0][0] == "city" and end_kk > kk:
                return (kk, end_kk), "facility"  # "w mieście Miass": the town
            return None
        if (
            k + 1 < len(toks)
            and toks[k].text[:1].islower()
            and _INNER_ADJECTIVE.search(toks[k].low) is not None
            and toks[k + 1].text[:1].isupper()
        ):
            k += 1  # "на станцию в оккупированном Иловайске": an adjective before the town
        end_k = self._name_at(toks, k, breaks)
        if end_k == k:
            return None
        after = self.lex.place_kinds.match(toks, end_k)
        if after is not None and after[0][0] == "region":
            return (k, after[1]), "region"  # "в Воронежской области"
        if after is None and kind[0] in ("facility", "crossing", "station"):
            return (k, end_k), ("crossing" if kind[0] == "crossing" else "facility")
        return None

    def _into_role(self, last: Token, case: str | None) -> str:
        """Return the role after "в/на/у": destination (accusative) or at (locative)."""
        if case in ("acc", "nom"):
            return "destination"
        if case in ("loc", "gen", "ins"):
            return "at"
        plural_town = bool(self.lex.plural_town_endings) and last.low.endswith(
            self.lex.plural_town_endings
        )
        if self.lang in ("ru", "uk"):
            from railtrack.extract.morph import is_locative

            located = is_locative(last.text, self.lang)
            if located and plural_town:
                # "в Осиповичі": a plural town pymorphy does not know, named as written
                from railtrack.extract.nominatives import is_nominative_name

                located = not is_nominative_name(last.text)
        else:
            located = last.low.endswith(self.lex.locative_endings) and not plural_town
            if located and self.lang == "be":
                # "ў Клінцы": a plural town's accusative is its name (into Klintsy);
                # "у Лунінцы" names no place as written: the locative of Лунінец
                from railtrack.extract.nominatives import is_nominative_name

                located = not is_nominative_name(last.text)
        return "at" if located else "destination"

    # -- dates -----------------------------------------------------------------------
    def _year_after(self, toks: tuple[Token, ...], k: int) -> tuple[str | None, int]:
        if k < len(toks) and _YEAR_TOKEN.fullmatch(toks[k].low):
            year, k = toks[k].low, k + 1
            hit = self.lex.year_words.match(toks, k)
            if hit is not None:
                k = hit[1]
                if k < len(toks) and toks[k].low == ".":
                    k += 1
            return year, k
        return None, k

    def _range_to(self, toks: tuple[Token, ...], k: int) -> tuple[str, int, int] | None:
        """Read the end of a range across months, "по 30 вересня": (day, month, next index)."""
        if k + 2 >= len(toks) or toks[k].low not in self.lex.ranges or toks[k].low == ",":
            return None
        if not _is_day(toks[k + 1]):
            return None
        month = self._month_at(toks, k + 2)
        if month is None:
            return None
        return _day(toks[k + 1]) or toks[k + 1].low, month, k + 3

    def _month_at(self, toks: tuple[Token, ...], k: int) -> int | None:
        return self._month(toks[k].low) if k < len(toks) else None

    def find_dates(self, text: str) -> list[DateSpan]:
        """Date expressions, as :class:`~railtrack.extract.dates.DateSpan` fields."""
        toks = tokens(text)
        spans: list[DateSpan] = []
        i = 0
        starts = self._date_starts
        month_told: str | None = None
        while i < len(toks):
            low = toks[i].low
            if not (
                low[0].isdecimal()
                or low in starts
                or low.startswith(self._date_prefixes)
                or (low in self.lex.numbers and (self.lex.ago or self.lex.earlier_days))
            ):
                i += 1
                continue
            found = self._date_at(toks, i)
            if found is None:
                i += 1
                continue
            fields, end_i = found
            start, end = toks[i].start, toks[end_i - 1].end
            if any(k == "dom" for k, _ in fields):
                if not self._day_alone(text, toks, end_i):
                    i = end_i
                    continue
                if month_told is not None:  # "5 марта ..., а 7-го": of the month told
                    fields = [(("dm_d" if k == "dom" else k), v) for k, v in fields]
                    fields.append(("dm_m", month_told))
            month_told = next((v for k, v in fields if k in _MONTH_KEYS), month_told)
            if self._months_on(fields, toks, end_i):
                i = end_i + 2  # "за январь — ноябрь 2025 года": a span of months, a total's
                continue
            habit = self.lex.habitual_days
            if habit is not None and habit.match(text, start) is not None:
                i = end_i  # "w soboty i niedziele": every such day, no train's day
                continue
            if not _at_dateline(text, start, end):
                spans.append(DateSpan(start, end, text[start:end], tuple(fields)))
            i = end_i
        return spans

    def _day_alone(self, text: str, toks: tuple[Token, ...], k: int) -> bool:
        """Whether a day with a case ending ("17-го") ending before ``toks[k]`` is a date.

        It is when nothing follows, or a sign, a short word (a preposition, a
        conjunction), a train noun or a verb; a longer word after it ("4-го гвардейского
        корпуса", "5-го батальона") makes it a unit's ordinal.

        Examples
        --------
        >>> rd = LexiconReader("ru")
        >>> [d.text for d in rd.find_dates("Эшелон прибыл 17-го.")]
        ['17-го']
        >>> rd.find_dates("Танки 4-го гвардейского корпуса прибыли.")
        []
        """
        if k >= len(toks) or not toks[k].low.isalpha() or len(toks[k].low) <= 3:
            return True
        nxt = toks[k]
        if nxt.low in self.lex.train_nouns:
            return True
        return any(cue.start == nxt.start for cue in self.verb_cues(text))

    def _after_clock_word(self, toks: tuple[Token, ...], i: int) -> bool:
        """Whether the token at ``i`` follows a word of the time of day.

        "o godzinie 15.12", "o godz. 15.12", "о 15.12", "at 15.12": the number is a
        clock time (15:12), not a day and month. A full date ("о 15.12.2022") is a
        date whatever comes before it; callers check that first.

        Examples
        --------
        >>> from railtrack.extract.lexicon import tokens
        >>> LexiconReader("pl")._after_clock_word(tokens("o godz. 15.12"), 3)
        True
        >>> LexiconReader("pl")._after_clock_word(tokens("w dniu 15.12"), 2)
        False
        """
        clock = self.lex.clock
        j = i - 1
        if j >= 0 and toks[j].low == ".":  # "godz. 15.12": the abbreviation's point
            j -= 1
        return j >= 0 and toks[j].low in clock

    # Over the C901 cap; the languages work (issue 13) splits it.
    def _months_on(self, fields: list[tuple[str, str]], toks: tuple[Token, ...], k: int) -> bool:
        """Whether a month read with no day runs on to another month ("январь — ноябрь").

        Months from one to another are the period of a total ("за январь — ноябрь 2025
        года погружено 540 тыс. тонн зерна"), never the day or month of a train.

        Examples
        --------
        >>> rd = LexiconReader("ru")
        >>> [d.text for d in rd.find_dates("за январь — ноябрь 2025 года погружено 540 тыс. тонн")]
        []
        >>> [d.text for d in rd.find_dates("в январе эшелон прибыл")]
        ['в январе']
        """
        if not fields or any(name.startswith("dm_d") for name, _ in fields):
            return False
        if not any(name == "mo_m" for name, _ in fields) or k + 1 >= len(toks):
            return False
        dash = toks[k].low in _DASHES or toks[k].low in self.lex.ranges
        return dash and self._month(toks[k + 1].low) is not None

    def _date_at(self, toks: tuple[Token, ...], i: int) -> tuple[list[tuple[str, str]], int] | None:  # noqa: C901
        lex = self.lex
        tok = toks[i]
        # numeric: 05.03.2023, 05/03/2023, 2023-03-05, "05.03" after a preposition
        if _ISO_TOKEN.fullmatch(tok.low):
            y, m, d = tok.low.split("-")
            return [("iso_y", y), ("iso_m", m), ("iso_d", d)], i + 1
        m_num = _NUMERIC_DATE_TOKEN.fullmatch(tok.low)
        if m_num:
            d, mo, y = m_num.groups()
            if not 1 <= int(mo) <= 12 or not 1 <= int(d) <= 31:
                return None
            if not y and self._after_clock_word(toks, i):
                return None  # "o godzinie 15.12", "о 15.12": a time of day
            fields = [("n_d", d), ("n_m", mo)]
            if "/" in tok.low and int(d) <= 12:
                fields.append(("ambiguous", "day-first"))
            if y:
                return [*fields, ("n_y", y)], i + 1
            return [("n2_d", d), ("n2_m", mo), *fields[2:]], i + 1
        # a Roman-numeral month: "19.V", "19 V 2023", "19.V.2023" (trial15 S1)
        roman = roman_date_at(toks, i) if tok.low.isdecimal() else None
        if roman is not None:
            return roman
        # the night: "в ночь на 5 марта", "в ночь с 4 на 5 марта", "w nocy z 5 na 6 marca",
        # "в ночь с пятницы на субботу"
        night = lex.night_prefix.match(toks, i)
        if night is not None:
            found = self._night(toks, night[1])
            if found is not None:
                return found
        # a range or list: "5-7 марта", "с 5 по 7 марта", "15 и 17 июня", "11, 14 и 16 мая"
        j = i + 1 if tok.low in lex.range_start else i
        if j < len(toks) and _is_day(toks[j]):
            days = [_day(toks[j]) or toks[j].low]
            seps: list[str] = []
            k = j + 1
            joins = lex.ranges | lex.alternatives
            while k + 1 < len(toks) and (toks[k].low in joins or toks[k].low == ","):
                if not _is_day(toks[k + 1]):
                    break
                seps.append(toks[k].low)
                days.append(_day(toks[k + 1]) or toks[k + 1].low)
                k += 2
            month = self._month_at(toks, k)
            if month is not None and len(days) == 1 and j > i:
                across = self._range_to(toks, k + 1)
                if across is not None:  # "з 1 квітня по 30 вересня": a range across months
                    day2, month2, after = across
                    year, end = self._year_after(toks, after)
                    fields = [("x1_d1", days[0]), ("x1_m1", str(month))]
                    fields += [("x1_d2", day2), ("x1_m2", str(month2))]
                    return ([*fields, ("x1_y", year)] if year else fields), end
            if month is not None and not (len(days) == 1 and j > i):  # "с 5 марта": below
                year, end = self._year_after(toks, k + 1)
                if len(days) == 1:
                    fields = [("dm_d", days[0]), ("dm_m", str(month))]
                    return ([*fields, ("dm_y", year)] if year else fields), end
                is_range = len(days) == 2 and (
                    seps[0] in _DASHES
                    or seps[0] in ("по", "до", "па", "da", "do", "to")
                    or j > i  # "между 5 и 7 марта", "с 5 по 7"
                    # "5 или 6 мая", "5 lub 6 maja": either day, one window (trial15 T10)
                    or seps[0] in lex.alternatives
                )
                if is_range:
                    fields = [("r1_d1", days[0]), ("r1_d2", days[1]), ("r1_m", str(month))]
                    return ([*fields, ("r1_y", year)] if year else fields), end
                fields = [("list_d", ",".join(days)), ("dm_d", days[-1]), ("dm_m", str(month))]
                return ([*fields, ("dm_y", year)] if year else fields), end
            if month is None and j == i and len(days) == 1 and not tok.low.isdecimal():
                # "17-го", "17-ого", "17-га", "17-go" with no month: a day of the month told
                # earlier or of the published month (issue 13 S); find_dates checks the
                # word after it ("4-го гвардейского корпуса" is a unit)
                return [("dom", days[0])], i + 1
        # qualifier ("после", "до", "około") before a date
        qual = lex.qualifiers.match(toks, i)
        if qual is not None and qual[1] < len(toks):
            inner = self._date_at(toks, qual[1])
            if inner is not None and not any(k == "qual" for k, _ in inner[0]):
                fields, end = inner
                keys = {k for k, _ in fields}
                if keys & {"dm_d", "n_d", "n2_d", "iso_d", "r1_d1", "p_m", "wd", "dom"}:
                    return [("qual", qual[0]), *fields], end
        # part of a month: "в начале марта", "w połowie marca"
        part = lex.month_parts.match(toks, i)
        if part is not None:
            month = self._month_at(toks, part[1])
            if month is not None:
                year, end = self._year_after(toks, part[1] + 1)
                fields = [("part", part[0]), ("p_m", str(month))]
                return ([*fields, ("p_y", year)] if year else fields), end
        # a month: "в марте", "у березні", "w marcu"
        prep = lex.month_prep.match(toks, i)
        if prep is not None:
            month = self._month_at(toks, prep[1])
            if month is not None:
                year, end = self._year_after(toks, prep[1] + 1)
                fields = [("mo_prep", toks[i].low), ("mo_m", str(month))]
                return ([*fields, ("mo_y", year)] if year else fields), end
        # weekday: "в пятницу", "в прошлый вторник", "w piątek"
        mod = lex.weekday_mods.match(toks, i)
        k = mod[1] if mod is not None else i
        if mod is not None and k < len(toks) and toks[k].low in lex.weekday_mods:
            second = lex.weekday_mods.match(toks, k)  # "в прошлую пятницу"
            if second is not None:
                mod = second if second[0] != "on" else mod
                k = second[1]
        if k < len(toks) and toks[k].low in lex.weekdays:
            fields = [("wd", _WEEKDAY_NAMES[lex.weekdays[toks[k].low]])]
            if mod is not None:
                fields.append(("wd_mod", mod[0]))
            other = self._other_weekday(toks, k + 1)
            if other is not None:  # "в субботу или в воскресенье": either day (trial15 T10)
                fields.append(("wd2", _WEEKDAY_NAMES[other[0]]))
                return fields, other[1]
            return fields, k + 1
        day_before = lex.earlier_day.match(toks, i)
        if day_before is not None:  # "накануне": the day before the day told (earlier.py)
            return [("rel", "yesterday"), ("earlier", "1")], day_before[1]
        rel = lex.relative.match(toks, i)
        if rel is not None:
            return [("rel", rel[0])], rel[1]
        return self._days_ago(toks, i) or self._days_earlier(toks, i)

    def _other_weekday(self, toks: tuple[Token, ...], k: int) -> tuple[int, int] | None:
        """Read "или в воскресенье", "lub w niedzielę" after a weekday: (weekday, next index).

        Two days joined by "or" (the lexicon's ``alternatives``) are either day: one
        window spanning both (trial15 T10).

        Examples
        --------
        >>> rd = LexiconReader("be")
        >>> rd.find_dates("чакаецца ў суботу ці ў нядзелю")[0].fields
        (('wd', 'saturday'), ('wd_mod', 'on'), ('wd2', 'sunday'))
        """
        lex = self.lex
        if k + 1 >= len(toks) or toks[k].low not in lex.alternatives:
            return None
        k += 1
        mod = lex.weekday_mods.match(toks, k)
        if mod is not None and mod[0] == "on":
            k = mod[1]
        if k < len(toks) and toks[k].low in lex.weekdays:
            return lex.weekdays[toks[k].low], k + 1
        return None

    def _days_ago(
        self, toks: tuple[Token, ...], i: int
    ) -> tuple[list[tuple[str, str]], int] | None:
        """Read "два дні тому", "3 дня назад": that many days before the report.

        Examples
        --------
        >>> LexiconReader("uk").find_dates("Два дні тому ешелон прибув")[0].fields
        (('rel', 'days ago'), ('ago_n', '2'))
        """
        lex = self.lex
        if not lex.ago:
            return None
        number = self._number_at(toks, i)
        if number is None:
            return None
        value, k = number
        if k + 1 < len(toks) and toks[k].low in lex.day_units and toks[k + 1].low in lex.ago:
            end = k + 2
            if end < len(toks) and f"{toks[k + 1].low} {toks[end].low}" in lex.ago:
                end += 1  # "тому назад"
            return [("rel", "days ago"), ("ago_n", str(value))], end
        return None

    def _days_earlier(
        self, toks: tuple[Token, ...], i: int
    ) -> tuple[list[tuple[str, str]], int] | None:
        """Read "двумя днями ранее", "за два дні до того": days before the day told.

        The span counts from the report's day ("days ago") and is marked ``earlier``:
        :mod:`railtrack.extract.earlier` counts it from the day the sentence before
        tells, when it tells one (trial17 T3b).

        Examples
        --------
        >>> LexiconReader("ru").find_dates("Двумя днями ранее эшелон прибыл")[0].fields
        (('rel', 'days ago'), ('ago_n', '2'), ('earlier', '2'))
        >>> LexiconReader("uk").find_dates("за два дні до того ешелон прибув")[0].text
        'за два дні до того'
        """
        lex = self.lex
        if not lex.earlier_days:
            return None
        k = i + 1 if toks[i].low in lex.earlier_before and i + 1 < len(toks) else i
        number = self._number_at(toks, k)
        if number is None:
            return None
        value, k = number
        if k >= len(toks) or toks[k].low not in lex.earlier_days:
            return None
        after = lex.earlier_after.match(toks, k + 1)
        if after is None:
            return None
        fields = [("rel", "days ago"), ("ago_n", str(value)), ("earlier", str(value))]
        return fields, after[1]

    def _night(self, toks: tuple[Token, ...], k: int) -> tuple[list[tuple[str, str]], int] | None:
        lex = self.lex
        first: str | None = None
        if k < len(toks) and toks[k].low in lex.night_from:
            k += 1
            if k < len(toks) and _is_day(toks[k]):
                first, k = _day(toks[k]) or toks[k].low, k + 1
            elif k < len(toks) and toks[k].low in lex.weekdays:
                wd1 = lex.weekdays[toks[k].low]
                k += 1
                if k + 1 < len(toks) and toks[k].low in lex.night_to:
                    wd2 = lex.weekdays.get(toks[k + 1].low)
                    if wd2 is not None:
                        return [("night_wd1", str(wd1)), ("night_wd2", str(wd2))], k + 2
                return None
        if k < len(toks) and toks[k].low in lex.night_to:
            k += 1
        if k < len(toks) and toks[k].low in lex.weekdays:
            wd2 = lex.weekdays[toks[k].low]
            return [("night_wd1", str((wd2 - 1) % 7)), ("night_wd2", str(wd2))], k + 1
        if k < len(toks) and _is_day(toks[k]):
            day2 = _day(toks[k]) or toks[k].low
            month = self._month_at(toks, k + 1)
            if month is None:
                return None
            year, end = self._year_after(toks, k + 2)
            fields = [("night_d2", day2), ("night_m", str(month))]
            if first is not None:
                fields.append(("night_d1", first))
            if year:
                fields.append(("night_y", year))
            return fields, end
        return None


# the fields that give a date's month: a day with no month after it takes the last one
_MONTH_KEYS = frozenset({"dm_m", "r1_m", "x1_m2", "mo_m", "p_m", "night_m", "n_m", "n2_m"})


@lru_cache(maxsize=8)
def reader_for(lang: str) -> LexiconReader:
    """Return the (shared) reader of a lexicon language."""
    return LexiconReader(lang)


def _is_acronym(word: str) -> bool:
    """Whether a word is a Latin acronym of two to five capitals ("BCT", "DCT", "LHS").

    >>> _is_acronym("BCT"), _is_acronym("Gdynia"), _is_acronym("ЛНР")
    (True, False, False)
    """
    return 2 <= len(word) <= 5 and word.isascii() and word.isalpha() and word.isupper()

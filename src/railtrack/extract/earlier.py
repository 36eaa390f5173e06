"""Days counted back from the day told just before, not from the report's (trial17 T3b).

"The train left Brest for Smolensk late on May 17. Two days earlier, a train of 36 cars
arrived in Asipovichy" (published 18 May): the arrival is on 15 May, two days before the
day the sentence before tells, not two days before the report (16 May). So are
"двумя днями ранее", "за два дні до того", "двума днямі раней", "dwa dni wcześniej",
and the day before it, "накануне", "напередодні", "напярэдадні", "dzień wcześniej",
"the day before" (the lexicons' ``earlier``). With no day told in the sentence before
(nor earlier in the same sentence), they keep counting from the report's day, as "два
дня назад" and "вчера" do: a day is never taken from further back.

The readers mark such a date span ``earlier`` (its number of days) and resolve it from
the report's day; :func:`shifts_told_back` says by how many days each must move.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

from railtrack.extract.dates import DateSpan, resolve_date
from railtrack.extract.lexicon import LANGUAGES, lexicon
from railtrack.extract.numbers import NUMBER_PATTERN, parse_number
from railtrack.extract.sentences import sentence_bounds

if TYPE_CHECKING:
    from railtrack.extract.readers import Reader

__all__ = ["english_days_earlier", "shifts_told_back"]


@lru_cache(maxsize=len(LANGUAGES))
def _hint_re(lang: str) -> re.Pattern[str] | None:
    """Return a cheap test that a text may hold one of the language's ``earlier`` phrases."""
    after, day = lexicon(lang).earlier_phrases
    if not after and not day:
        return None
    return re.compile(rf"(?<!\w)(?:{_alternation([*after, *day])})(?!\w)", re.IGNORECASE)


def _alternation(words: list[str]) -> str:
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


@lru_cache(maxsize=1)
def _english_res() -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """Return the English ``earlier`` phrases: "<number> <days> <after>", and the day ones."""
    lex = lexicon("en")
    after, day = lex.earlier_phrases
    counted = one = None
    if lex.earlier_days and after:
        days = _alternation(list(lex.earlier_days))
        counted = re.compile(
            rf"(?<![\w-])(?P<n>{NUMBER_PATTERN})\s+(?:{days})\s+(?:{_alternation(list(after))})"
            r"(?![\w-])",
            re.IGNORECASE,
        )
    if day:
        # ("the day before yesterday" is the report's, no day told before)
        one = re.compile(
            rf"(?<![\w-])(?:{_alternation(list(day))})(?![\w-])(?!\s+yesterday)", re.IGNORECASE
        )
    return counted, one


def english_days_earlier(text: str, spans: list[DateSpan]) -> list[DateSpan]:
    """Mark or add the English date spans counted back from the day told before.

    Parameters
    ----------
    text
        One clause or sentence of an English report.
    spans
        Its date spans (:func:`railtrack.extract.dates.find_dates`).

    Returns
    -------
    list of DateSpan
        ``spans`` with "the day before" and the like marked ``earlier`` 1, and "two days
        earlier" added (``rel`` "days ago", ``ago_n`` and ``earlier`` its days), in order.

    Examples
    --------
    >>> from railtrack.extract.dates import find_dates
    >>> text = "Two days earlier, a train arrived."
    >>> [(s.text, s.get("earlier")) for s in english_days_earlier(text, find_dates(text))]
    [('Two days earlier', '2')]
    """
    hint = _hint_re("en")
    if hint is None or hint.search(text) is None:
        return spans
    counted, one = _english_res()
    out = list(spans)
    for m in one.finditer(text) if one is not None else ():
        for k, span in enumerate(out):
            if span.start == m.start() and span.end == m.end():
                out[k] = DateSpan(span.start, span.end, span.text, (*span.fields, ("earlier", "1")))
                break
        else:
            if not any(s.start < m.end() and m.start() < s.end for s in out):
                fields = (("rel", "yesterday"), ("earlier", "1"))
                out.append(DateSpan(m.start(), m.end(), m[0], fields))
    for m in counted.finditer(text) if counted is not None else ():
        n = parse_number(m["n"])
        if n is None or any(s.start < m.end() and m.start() < s.end for s in out):
            continue
        counted_fields = (("rel", "days ago"), ("ago_n", str(n)), ("earlier", str(n)))
        out.append(DateSpan(m.start(), m.end(), m[0], counted_fields))
    return sorted(out, key=lambda s: s.start)


def _day_of(span: DateSpan, published: date) -> date | None:
    """Return the one day a date span tells, or None (a window, a month, none)."""
    window = resolve_date(span, published)
    if window is None or window.precision != "day" or window.earliest != window.latest:
        return None
    return window.earliest


def shifts_told_back(text: str, rd: Reader, published: date | None) -> dict[int, int]:
    """Return, for each day told back from the day before, the days it must move by.

    Parameters
    ----------
    text
        A report's text.
    rd
        The reader of its language.
    published
        The report's day, from which the readers counted the spans back.

    Returns
    -------
    dict of int to int
        The start offset (in ``text``) of each ``earlier`` date span whose anchor is
        found (a day told earlier in its sentence, else the last one told in the
        sentence before), to the number of days between that anchor and ``published``
        (negative for an anchor before it). Spans with no anchor are left out.

    Examples
    --------
    >>> from datetime import date
    >>> from railtrack.extract.readers import reader_for
    >>> text = "15 мая эшелон ушёл из Бреста. Двумя днями ранее эшелон прибыл в Осиповичи."
    >>> shifts_told_back(text, reader_for("ru"), date(2026, 5, 18))
    {30: -3}
    """
    if published is None or rd.lang not in LANGUAGES:
        return {}
    hint = _hint_re(rd.lang)
    if hint is None or hint.search(text) is None:
        return {}
    shifts: dict[int, int] = {}
    before: DateSpan | None = None  # the last day-precise span of the sentence before
    for start, end in sentence_bounds(text):
        sentence = text[start:end]
        spans = rd.find_dates(sentence)
        last = None
        for span in spans:
            if span.get("earlier") is None:
                if _day_of(span, published) is not None:
                    last = span
                continue
            anchor = last or before
            day = _day_of(anchor, published) if anchor is not None else None
            if day is not None:
                shifts[start + span.start] = (day - published).days
        before = last
    return shifts

"""Dates in free text, resolved to :class:`~railtrack.models.DateWindow` spans.

:func:`find_dates` finds the words ("March 1st", "01.03.2023", "on Tuesday", "last
week", "in early March", "shortly after March 8", "by the 7th"); :func:`resolve_date`
turns one into a window against the report's published date. Calendar arithmetic
uses python-dateutil (``relativedelta`` weekdays and month ends, ``parser`` for the
day and month).

Rules: numeric dates are day.month.year (European sources). Without a year, a
backward-looking date (a departure) in a month later than the published month
belongs to the year before; a forward-looking one (an expected arrival) takes the
year that puts it within six months after publication.

Examples
--------
>>> from datetime import date
>>> [s.text for s in find_dates("It left on March 1st and should arrive by the 7th.")]
['March 1st', 'by the 7th']
>>> span = find_dates("departed on 29 December")[0]
>>> resolve_date(span, date(2023, 1, 5)).earliest
datetime.date(2022, 12, 29)
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from dateutil import parser as date_parser
from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta

from railtrack.extract.casefold import fold_compile
from railtrack.extract.lexicon import all_month_forms, lexicon, month_of, tokens, trie_pattern
from railtrack.extract.numbers import _UNITS, NUMBER_PATTERN, parse_number, scan
from railtrack.models import DateWindow, Precision, check_plausible

__all__ = ["DateSpan", "at_dateline", "find_dates", "resolve_date", "why_undated"]

# English month names, and those of the other languages read (a relay writes "On 8
# марта"): every case form, from the lexicons.
_FOREIGN_MONTHS = trie_pattern(all_month_forms(exclude="en"))
_MONTH = (
    r"(?:(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?![a-z])"
    rf"|(?:{_FOREIGN_MONTHS})(?![^\W\d_]))"
)
# (a colon then a digit is a time, "8:30"; "March 8: a train from Orsha" is the day)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"
_YEAR = r"(?:19|20)\d{2}(?!\d)"
_SEP = r"\s*(?:-|–|—|to|and|or|/|until|till)\s*"
_QUAL = (
    r"(?:shortly|soon|immediately|just|right)\s+after|after|by|no\s+later\s+than|"
    r"not\s+later\s+than|until|till|before|around|about|approximately|circa|"
    r"no\s+earlier\s+than|not\s+earlier\s+than|not\s+before|since"
)
FEW_DAYS = 3
"""Days of "a few days", "на днях", "in the coming days": before the report (told as
done) or after it (told ahead). A round reading of "a few"; the trial reports' trains
told so arrived within it."""

PAST_DAY = "past day"
"""The relative date of the past day named in prose ("за минувшие сутки", "w ciągu
ostatniej doby", "over the past day"; the lexicons' ``past_day``,
:func:`railtrack.extract.pastday.past_day_span`): the day before the report through its
day, as a digest heading with the same words dates its lines."""
_COMING_DAYS_RE = re.compile(r"(?:coming|next few|following few) days$|days ahead$")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY_REL = (MO, TU, WE, TH, FR, SA, SU)

_DATE_RE = re.compile(
    rf"(?<![\w.])(?:(?P<qual>{_QUAL})\s+(?:on\s+)?)?(?:"
    r"(?P<iso_y>\d{4})-(?P<iso_m>\d{1,2})-(?P<iso_d>\d{1,2})(?!\d)"
    r"|(?P<n_d>\d{1,2})[./](?P<n_m>\d{1,2})[./](?P<n_y>\d{4}|\d{2})(?!\d|\.\d)"
    rf"|(?P<x1_d1>{_DAY})(?:\s+of)?\s+(?P<x1_m1>{_MONTH}){_SEP}(?P<x1_d2>{_DAY})(?:\s+of)?\s+"
    rf"(?P<x1_m2>{_MONTH})(?:,?\s+(?P<x1_y>{_YEAR}))?"
    rf"|(?P<x2_m1>{_MONTH})\s+(?P<x2_d1>{_DAY}){_SEP}(?P<x2_m2>{_MONTH})\s+(?P<x2_d2>{_DAY})"
    rf"(?:,?\s+(?P<x2_y>{_YEAR}))?"
    rf"|(?P<l_days>{_DAY}(?:\s*,\s*{_DAY})+,?\s+and\s+{_DAY})(?:\s+of)?\s+(?P<l_m>{_MONTH})"
    rf"(?:,?\s+(?P<l_y>{_YEAR}))?"
    rf"|(?P<r1_d1>{_DAY}){_SEP}(?P<r1_d2>{_DAY})(?:\s+of)?\s+(?P<r1_m>{_MONTH})"
    rf"(?:,?\s+(?P<r1_y>{_YEAR}))?"
    rf"|(?P<r2_m>{_MONTH})\s+(?P<r2_d1>{_DAY}){_SEP}(?P<r2_d2>{_DAY})(?:,?\s+(?P<r2_y>{_YEAR}))?"
    r"|(?P<part>early|mid|late|(?:the\s+)?(?:beginning|start|middle|end)\s+of|"
    r"(?:the\s+)?(?:first|second)\s+half\s+of)[\s-]+"
    rf"(?P<p_m>{_MONTH})(?:\s+(?P<p_y>{_YEAR}))?"
    rf"|(?P<dm_d>{_DAY})(?:\s+of)?\s+(?P<dm_m>{_MONTH})(?:,?\s+(?P<dm_y>{_YEAR}))?"
    rf"|(?P<md_m>{_MONTH})\s+(?P<md_d>{_DAY})(?:,?\s+(?P<md_y>{_YEAR}))?"
    # "the 7th" is a day of the month; "the 4th Guards Tank Division" is a unit
    # (a unit's nickname in quotes may follow: 'the 2nd "Dagger" Brigade')
    r"|the\s+(?P<dom>(?:[12]\d|3[01]|[1-9])(?:st|nd|rd|th))\b(?!(?-i:\s+[\"“‘«]?[A-Z])|\s+(?:guards|"
    r"tank|motori[sz]ed|rifle|army|division|brigade|regiment|battalion|corps|separate|"
    r"artillery|airborne|echelon|train)\b)"
    rf"(?!\s+(?:of\s+)?{_MONTH})"
    # "on 16.03", "on 16/03": a day and month, day-first (trial11 T17)
    r"|on\s+(?P<n2_d>[0-2]?\d|3[01])[./](?P<n2_m>0[1-9]|1[0-2])(?![./]?\d)"
    # ("for March 12" is a day: the month with a day after it is read as that day)
    rf"|(?P<mo_prep>in|during|for|throughout)\s+(?P<mo_m>{_MONTH})(?!\s+\d{{1,2}}(?!\d))"
    rf"(?:\s+(?P<mo_y>{_YEAR}))?"
    r"|(?:overnight|(?:on\s+|during\s+|in\s+)?the\s+night)\s+(?:from|of|between)\s+"
    r"(?P<ewd1>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s+(?:to|into|and)\s+"
    r"(?P<ewd2>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
    r"|(?P<rel>the\s+day\s+before\s+yesterday|yesterday|the\s+day\s+after\s+tomorrow|"
    # "overnight from March 7 to 8" is that night, not last night: the span is read instead
    rf"tomorrow|today|tonight|overnight(?!\s+(?:from|of|between|on|in|into|to)\s+(?:the\s+)?(?:\d|{_MONTH}))|"
    rf"(?:over|during|in|within|for)\s+the\s+(?:past|last)\s+(?P<past_n>{NUMBER_PATTERN})\s+days|"
    r"(?:the\s+)?(?:previous|preceding)\s+(?:day|night|evening)|the\s+day\s+before|"
    r"earlier\s+this\s+week|(?:last|this|past|previous|next|coming)\s+weekend|"
    r"(?:at|over|during|on)\s+the\s+weekend|"
    # parts of a week ("early next week", "at the end of the week", "midweek"): rel.WEEK_PARTS
    r"(?:early|mid|late)[\s-]+(?:next|this|last)\s+week|midweek|"
    r"(?:at\s+)?the\s+(?:start|beginning|middle|end)\s+of\s+(?:the\s+|this\s+|next\s+|last\s+)?"
    r"(?:next\s+|following\s+|previous\s+)?week|"
    # "in the coming days", "by the end of the month" (trial15 T3, S2): rel.COMING_DAYS,
    # rel.BY_MONTH_END
    # ("over the coming days the equipment will be sent": a process over days, no window)
    r"(?:in|within)\s+the\s+(?:coming|next\s+few|following\s+few)\s+days|"
    r"in\s+the\s+days\s+ahead|"
    r"(?:by|before|until|till)\s+the\s+end\s+of\s+(?:the|this)\s+month|"
    r"this\s+(?:morning|afternoon|evening)|last\s+night|"
    r"(?:last|this|previous|next)\s+(?:week|month)|"
    r"(?:over|during|in|within)\s+the\s+(?:past|last)\s+(?:week|few\s+days|month)|"
    r"the\s+(?:past|previous)\s+week|a\s+week\s+ago|"
    rf"(?P<in_kind>in|within)\s+(?P<in_n>{NUMBER_PATTERN}|a|an)\s+(?P<in_unit>days?|weeks?)|"
    rf"(?P<ago_n>{NUMBER_PATTERN})\s+days?\s+ago)(?![a-z])"
    r"|(?:(?P<wd_mod>last|this|next|past|on)\s+)?"
    r"(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"(?:\s+(?:morning|afternoon|evening|night))?"
    # "on Saturday or Sunday": either day, one window (trial15 T10)
    r"(?:\s+or\s+(?:on\s+)?(?P<wd2>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b)?"
    r")",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class DateSpan:
    """A date expression found in a text, not yet resolved to days.

    ``fields`` keeps the regular expression's named parts (month, day, qualifier, ...);
    ``start``/``end`` are character offsets into the text searched.
    """

    start: int
    end: int
    text: str
    fields: tuple[tuple[str, str], ...]

    def get(self, name: str) -> str | None:
        """Return one named part of the match, or None."""
        for key, value in self.fields:
            if key == name:
                return value
        return None

    @property
    def is_relative(self) -> bool:
        """Whether the date depends on the published day ("yesterday", "on Tuesday")."""
        return any(self.get(k) is not None for k in ("rel", "wd", "night_wd2", "ewd2"))

    @property
    def days(self) -> tuple[int, ...]:
        """The days of a list of dates ("15 and 17 June" -> (15, 17)); () otherwise."""
        listed = self.get("list_d")
        return tuple(int(d) for d in listed.split(",")) if listed else ()

    @property
    def is_ambiguous(self) -> bool:
        """Whether a numeric date could be read month-first (03/04/2023: read day-first)."""
        if self.get("ambiguous") is not None:
            return True
        day = self.get("n_d") or self.get("n2_d")
        month = self.get("n_m") or self.get("n2_m")
        return bool(day and month and "/" in self.text and int(day) <= 12 and int(month) <= 12)

    @property
    def is_day_range(self) -> bool:
        """Whether the text spans days from one to another ("с 10 по 14 апреля", "April 10-14").

        A list of days ("15 and 17 June") or one day is not; "between 5 and 7 March" is.
        """
        return any(self.get(k) is not None for k in ("r1_d1", "r2_d1", "x1_d1", "x2_d1"))

    @property
    def has_year(self) -> bool:
        """Whether the text gives the year."""
        keys = (
            "iso_y",
            "n_y",
            "x1_y",
            "x2_y",
            "r1_y",
            "r2_y",
            "p_y",
            "dm_y",
            "md_y",
            "mo_y",
            "night_y",
        )
        return any(self.get(k) for k in keys)


_MONTH_WORDS = (
    "jan january feb february mar march apr april may jun june jul july aug august sep sept "
    "september oct october nov november dec december"
)
_OTHER_FIRST_WORDS = (
    "monday tuesday wednesday thursday friday saturday sunday shortly soon immediately just "
    "right after by no not until till before around about approximately circa since the "
    "early mid late beginning start middle end first second in during for throughout "
    "yesterday tomorrow today tonight overnight previous preceding earlier last this next "
    "past at over within a on midweek coming"
)
_FIRST_WORDS = frozenset(
    (_MONTH_WORDS + " " + _OTHER_FIRST_WORDS).split()
    + _UNITS.split("|")
    + all_month_forms(exclude="en")
)
"""Words a date expression can start with (digits always can)."""

_HINT_RE = fold_compile(
    r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|"
    r"yesterday|today|tomorrow|tonight|overnight|night|week|month|previous|preceding|"
    # ("left this evening back towards Smolensk": no digit in the clause, trial12 T3)
    r"the\s+day|weekend|midweek|days|morning|afternoon|evening)",
    re.IGNORECASE,
)


# a news agency's dateline: a place at the start of a line, a comma, the date, a dash and
# the agency ("Кузбасс, 10 ноября - АиФ-Кузбасс.", "МИНСК, 5 мая — БЕЛТА", "КИЇВ, 5
# травня - УНІАН", "ZHENGZHOU, Feb. 1 (Xinhua) --"): the date of the page, not of a train
_DATELINE_BEFORE = re.compile(
    r"(?:^|\n)[ \t]*[^\W\d_][^\W\d_.-]*(?:[ -][^\W\d_][^\W\d_.-]*)?,[ \t]*$"
)
_DATELINE_AFTER = re.compile(r"[ \t]*(?:\(|[-–—][ \t]*)[^\W\d_]")


def at_dateline(text: str, start: int, end: int) -> bool:
    """Whether the date at ``text[start:end]`` is a news agency's dateline.

    Examples
    --------
    >>> text = "Кузбасс, 10 ноября - АиФ-Кузбасс.\\nПоезд ушел 9 ноября."
    >>> at_dateline(text, 9, 18), at_dateline(text, 45, 53)
    (True, False)
    """
    before = _DATELINE_BEFORE.search(text, max(0, start - 40), start)
    if before is None or before.end() != start:
        return False
    return _DATELINE_AFTER.match(text, end) is not None


def find_dates(text: str) -> list[DateSpan]:
    """Return the date expressions in ``text``, in order, without overlaps.

    Parameters
    ----------
    text
        Free text, e.g. one clause of a report.

    Examples
    --------
    >>> [s.text for s in find_dates("On the night of March 12-13 it left; due in mid-April")]
    ['March 12-13', 'mid-April']
    """
    spans: list[DateSpan] = []
    if _HINT_RE.search(text) is None:
        return spans
    for m in scan(_DATE_RE, text, _FIRST_WORDS):
        fields = tuple((k, v) for k, v in m.groupdict().items() if v is not None)
        if m["mo_prep"]:
            # "in March": the preposition is context, not part of the date.
            start = m.start("mo_m") if not m["qual"] else m.start()
            spans.append(DateSpan(start, m.end(), text[start : m.end()], fields))
            continue
        if at_dateline(text, m.start(), m.end()):
            continue  # "ZHENGZHOU, Feb. 1 (Xinhua) --": the page's date, no train's
        spans.append(DateSpan(m.start(), m.end(), m[0], _as_list(m, fields)))
    return _with_weekdays(text, spans)


def _with_weekdays(text: str, spans: list[DateSpan]) -> list[DateSpan]:
    """Join a weekday to the day and month right after it ("Thursday, 2 March").

    The date names the day: one span with the date's fields, so that a heading of a
    live blog's day ("Thursday, 2 March") is one day told (issue 13 T4).

    >>> [(s.text, s.get("dm_d")) for s in find_dates("Thursday, 2 March: a train left")]
    [('Thursday, 2 March', '2')]
    """
    joined: list[DateSpan] = []
    for span in spans:
        last = joined[-1] if joined else None
        if (
            last is not None
            and last.get("wd") is not None
            and last.get("wd2") is None
            and last.get("wd_mod") is None
            and re.fullmatch(r",?\s*", text[last.end : span.start]) is not None
            and not span.is_relative
            and any(span.get(k) for k in ("dm_d", "md_d", "n_d", "n2_d", "iso_d"))
        ):
            joined[-1] = DateSpan(last.start, span.end, text[last.start : span.end], span.fields)
            continue
        joined.append(span)
    return joined


def _as_list(m: re.Match[str], fields: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    """Read "15 and 17 June", "March 4 and 6", "11, 14 and 16 May" as lists of days."""
    if m["l_days"]:
        days = [str(_day_number(d)) for d in re.findall(r"\d+", m["l_days"])]
        listed = (("list_d", ",".join(days)), ("dm_d", days[-1]), ("dm_m", m["l_m"]))
        return listed + ((("dm_y", m["l_y"]),) if m["l_y"] else ())
    between = m.string[max(0, m.start() - 9) : m.start()].lower()
    if "between" in between:
        return fields  # "between 5 and 7 March": a span
    # "15 and 17 June", "March 4 and 6", "March 4 and March 6": two days of one month
    for d1k, d2k, m1k, m2k, yk in _TWO_DAYS:
        if not m[d1k] or re.search(r"\band\b|&", m.string[m.end(d1k) : m.start(d2k)]) is None:
            continue
        if m2k is not None and _month_number(m[m1k].lower()) != _month_number(m[m2k].lower()):
            return fields
        d1, d2 = _day_number(m[d1k]), _day_number(m[d2k])
        listed = (("list_d", f"{d1},{d2}"), ("dm_d", str(d2)), ("dm_m", m[m1k]))
        return listed + ((("dm_y", m[yk]),) if m[yk] else ())
    return fields


_TWO_DAYS = (
    ("r1_d1", "r1_d2", "r1_m", None, "r1_y"),
    ("r2_d1", "r2_d2", "r2_m", None, "r2_y"),
    ("x1_d1", "x1_d2", "x1_m1", "x1_m2", "x1_y"),
    ("x2_d1", "x2_d2", "x2_m1", "x2_m2", "x2_y"),
)


@lru_cache(maxsize=256)
def _month_number(word: str) -> int:
    if word.isdigit():
        return int(word)
    known = month_of(word)
    if known is not None:
        return known
    parsed: datetime = date_parser.parse(word.rstrip("."), default=datetime(2000, 1, 1))
    return parsed.month


def _day_number(word: str) -> int:
    return int(re.match(r"\d+", word).group())  # type: ignore[union-attr]


def _year_for(month: int, published: date, *, forward: bool) -> int:
    """Year of a month given without one, relative to the published date."""
    year = published.year
    if forward:
        if month < published.month - 6:
            return year + 1
        return year if month <= published.month + 6 else year - 1
    return year - 1 if month > published.month else year


def _year(
    span: DateSpan, key: str, month: int, published: date | None, *, forward: bool
) -> int | None:
    """Return the year a date gives, else the one the published date implies, else None."""
    given = _explicit_year(span, key)
    if given is not None:
        return given
    if published is None:
        return None
    return _year_for(month, published, forward=forward)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _plausible(day: date) -> bool:
    """Whether ``day`` lies in the range reports may give (Settings, 1900-2100)."""
    try:
        check_plausible(day)
    except ValueError:
        return False
    return True


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _explicit_year(span: DateSpan, key: str) -> int | None:
    value = span.get(key)
    if value is None:
        return None
    year = int(value)
    # two digits ("01.03.23") are this century; four are the year as written (0001 is 1)
    return year + 2000 if len(value.strip()) <= 2 else year


_PARTS = {
    "early": (1, 10),
    "beginning of": (1, 10),
    "start of": (1, 10),
    "mid": (11, 20),
    "middle of": (11, 20),
    "late": (21, 31),
    "end of": (21, 31),
    "first half of": (1, 15),
    "second half of": (16, 31),
}


def _night_window(
    span: DateSpan, published: date | None, *, forward: bool
) -> tuple[date, date, Precision] | None:
    """Return the window of a night ("в ночь на 5 марта", "overnight from Sat to Sun")."""
    get = span.get
    if get("night_m"):
        month = int(get("night_m") or 0)
        year = _year(span, "night_y", month, published, forward=forward)
        if year is None:
            return None
        last = _safe_date(year, month, int(get("night_d2") or 0))
        if last is None:
            return None
        first_day = get("night_d1")
        first = last - timedelta(days=1)
        if first_day is not None and int(first_day) < last.day:
            first = last.replace(day=int(first_day))
        return first, last, "days"
    ewd1, ewd2 = get("ewd1"), get("ewd2")
    wd1 = get("night_wd1") or (str(_WEEKDAYS.index(ewd1.lower())) if ewd1 else None)
    wd2 = get("night_wd2") or (str(_WEEKDAYS.index(ewd2.lower())) if ewd2 else None)
    if wd2 is None or published is None:
        return None
    if forward:
        morning = published + relativedelta(days=1, weekday=_WEEKDAY_REL[int(wd2)](+1))
    else:
        morning = published + relativedelta(weekday=_WEEKDAY_REL[int(wd2)](-1))
    evening = morning - timedelta(days=1)
    if wd1 is not None and int(wd1) != evening.weekday():
        evening = morning - timedelta(days=(morning.weekday() - int(wd1)) % 7 or 7)
    return evening, morning, "days"


# Over the C901 cap; the languages work (issue 13) splits it.
def _base_window(  # noqa: C901
    span: DateSpan, published: date | None, *, forward: bool
) -> tuple[date, date, Precision] | None:
    get = span.get
    if get("night_m") or get("night_wd2") or get("ewd2"):
        return _night_window(span, published, forward=forward)
    if get("iso_y"):
        day = _safe_date(int(get("iso_y") or 0), int(get("iso_m") or 0), int(get("iso_d") or 0))
        return None if day is None else (day, day, "day")
    if get("n_y"):
        day = _safe_date(
            _explicit_year(span, "n_y") or 0, int(get("n_m") or 0), int(get("n_d") or 0)
        )
        return None if day is None else (day, day, "day")
    for prefix in ("x1", "x2"):
        if get(f"{prefix}_m1"):
            month1 = _month_number(get(f"{prefix}_m1") or "")
            month2 = _month_number(get(f"{prefix}_m2") or "")
            year2 = _year(span, f"{prefix}_y", month2, published, forward=forward)
            if year2 is None:
                return None
            year1 = year2 - 1 if month1 > month2 else year2  # "28 December - 2 January"
            first = _safe_date(year1, month1, _day_number(get(f"{prefix}_d1") or ""))
            last = _safe_date(year2, month2, _day_number(get(f"{prefix}_d2") or ""))
            if first is None or last is None or last < first:
                return None
            return first, last, "days"
    for prefix in ("r1", "r2"):
        if get(f"{prefix}_m"):
            month = _month_number(get(f"{prefix}_m") or "")
            year = _year(span, f"{prefix}_y", month, published, forward=forward)
            if year is None:
                return None
            first = _safe_date(year, month, _day_number(get(f"{prefix}_d1") or ""))
            last = _safe_date(year, month, _day_number(get(f"{prefix}_d2") or ""))
            if first is None or last is None or last < first:
                return None
            return first, last, "days"
    for month_key, day_key, year_key in (
        ("dm_m", "dm_d", "dm_y"),
        ("md_m", "md_d", "md_y"),
        ("n2_m", "n2_d", "n2_y"),
    ):
        if get(month_key):
            word = get(month_key) or ""
            month = int(word) if word.isdigit() else _month_number(word)
            year = _year(span, year_key, month, published, forward=forward)
            if year is None:
                return None
            day = _safe_date(year, month, _day_number(get(day_key) or ""))
            if day is not None and get("list_d") and day_key == "dm_d":
                first = _safe_date(year, month, int((get("list_d") or "").split(",")[0]))
                if first is not None and first < day:
                    return first, day, "days"  # "15 и 17 июня": one window, several days
            return None if day is None else (day, day, "day")
    if get("part"):
        month = _month_number(get("p_m") or "")
        year = _year(span, "p_y", month, published, forward=forward)
        if year is None:
            return None
        part = re.sub(r"^the\s+|\s+", " ", (get("part") or "").lower()).strip()
        first_day, last_day = _PARTS[part]
        end = _month_end(year, month)
        return date(year, month, first_day), end.replace(day=min(last_day, end.day)), "days"
    if get("mo_m"):
        month = _month_number(get("mo_m") or "")
        year = _year(span, "mo_y", month, published, forward=forward)
        if year is None:
            return None
        return date(year, month, 1), _month_end(year, month), "month"
    if published is None:
        return None
    if get("dom"):
        day_number = _day_number(get("dom") or "")
        anchor = published.replace(day=1)
        if forward and day_number < published.day:
            anchor += relativedelta(months=1)
        elif not forward and day_number > published.day:
            anchor -= relativedelta(months=1)
        day = _safe_date(anchor.year, anchor.month, day_number)
        return None if day is None else (day, day, "day")
    if get("rel"):
        return _relative(span, published, forward=forward)
    if get("wd"):
        index = _WEEKDAYS.index((get("wd") or "").lower())
        mod = (get("wd_mod") or "").lower()
        ahead = mod == "next" or (forward and mod not in ("last", "past"))
        if ahead:
            day = published + relativedelta(days=1, weekday=_WEEKDAY_REL[index](+1))
        else:
            day = published + relativedelta(weekday=_WEEKDAY_REL[index](-1))
        other = get("wd2")
        if other:
            # "в субботу или в воскресенье", "on Saturday or Sunday": either day, one
            # window from the first to the second day after it (trial15 T10)
            second = day + relativedelta(
                days=1, weekday=_WEEKDAY_REL[_WEEKDAYS.index(other.lower())](+1)
            )
            return day, second, "days"
        return day, day, "day"
    return None


# the parts of a week a lexicon names ("pod koniec bieżącego tygodnia", "на початку
# наступного тижня", "early next week"): the week's offset from this one, and its first
# and last day (0 = Monday). The start of a week is Monday and Tuesday, its middle
# Tuesday to Thursday, its end Friday to Sunday, as the real corpus's labels read them
# (r901; issue 13 T3b).
_WEEK_PARTS: dict[str, tuple[int, int, int]] = {
    f"{part} of {which} week": (offset, first, last)
    for which, offset in (("last", -1), ("this", 0), ("next", 1))
    for part, first, last in (("start", 0, 1), ("middle", 1, 3), ("end", 4, 6))
}


@lru_cache(maxsize=256)
def _week_part_key(rel: str) -> str | None:
    """Return the :data:`_WEEK_PARTS` key of a part of a week, or None.

    A lexicon language's reader gives the key itself; an English phrase is looked up
    in the English lexicon's ``relative`` table, which names the week parts under the
    same keys ("early next week": ``start of next week``); the phrase may open with
    other words ("at the end of the week").

    >>> _week_part_key("early next week"), _week_part_key("at the end of the week")
    ('start of next week', 'end of this week')
    >>> _week_part_key("midweek"), _week_part_key("late-last week")
    ('middle of this week', 'end of last week')
    >>> _week_part_key("next week"), _week_part_key("the week")
    (None, None)
    """
    if rel in _WEEK_PARTS:
        return rel
    toks = tokens(rel.replace("-", " "))
    table = lexicon("en").relative
    for i in range(len(toks)):
        found = table.match(toks, i)
        if found is not None and found[1] == len(toks) and found[0] in _WEEK_PARTS:
            return str(found[0])
    return None


def _week_part(rel: str, published: date, *, forward: bool) -> tuple[date, date, Precision] | None:
    """Return the days of a named part of a week, or None when ``rel`` names none.

    A part of this week told in the past tense ("прибыл в конце недели") that starts
    after the report is that of the week before, and ends at the report at the latest;
    one told ahead that ended before the report is that of the next week.

    >>> _week_part("start of next week", date(2022, 8, 8), forward=True)
    (datetime.date(2022, 8, 15), datetime.date(2022, 8, 16), 'days')
    >>> _week_part("end of this week", date(2022, 8, 9), forward=False)
    (datetime.date(2022, 8, 5), datetime.date(2022, 8, 7), 'days')
    """
    key = _week_part_key(rel)
    if key is None:
        return None
    weeks, first, last = _WEEK_PARTS[key]
    start = published - timedelta(days=published.weekday()) + timedelta(days=7 * weeks)
    earliest, latest = start + timedelta(days=first), start + timedelta(days=last)
    if weeks == 0 and not forward and earliest > published:
        earliest, latest = earliest - timedelta(days=7), latest - timedelta(days=7)
    elif weeks == 0 and forward and latest < published:
        earliest, latest = earliest + timedelta(days=7), latest + timedelta(days=7)
    if not forward and earliest <= published < latest:
        latest = published
    return earliest, latest, "days"


def _weekend(rel: str, published: date, *, forward: bool) -> tuple[date, date, Precision]:
    """Return the Saturday and Sunday of a weekend ("на выходных", "at the weekend").

    "Last weekend" ("на прошлых выходных") is the one before the report and "next
    weekend" ("на следующих выходных") the one after it; a weekend named alone takes
    the tense of its verb: the coming one told ahead ("ожидается на выходных"), the
    past one told as done (issue 13 T3a).

    >>> _weekend("weekend", date(2023, 3, 8), forward=True)[:2]
    (datetime.date(2023, 3, 11), datetime.date(2023, 3, 12))
    >>> _weekend("weekend", date(2023, 3, 8), forward=False)[:2]
    (datetime.date(2023, 3, 4), datetime.date(2023, 3, 5))
    """
    saturday = published - timedelta(days=published.weekday()) + timedelta(days=5)
    if rel.startswith(("last", "past", "previous")):
        ahead = False
    elif rel.startswith(("next", "coming")):
        ahead = True
    else:
        ahead = forward
    if ahead and rel.startswith(("next", "coming")) and saturday <= published:
        saturday += timedelta(days=7)  # "next weekend" told on a weekend: the one after
    elif not ahead and saturday > published:
        saturday -= timedelta(days=7)
    return saturday, saturday + timedelta(days=1), "days"


def _relative(  # noqa: C901
    span: DateSpan, published: date, *, forward: bool
) -> tuple[date, date, Precision] | None:
    rel = " ".join((span.get("rel") or "").lower().split())
    if span.get("ago_n"):
        n = parse_number(span.get("ago_n") or "")
        if n is None:
            return None
        day = published - timedelta(days=n)
        return day, day, "day"
    one_day = {
        "today": 0,
        "tonight": 0,
        "this morning": 0,
        "this afternoon": 0,
        "this evening": 0,
        "yesterday": -1,
        "day before yesterday": -2,
        "day before": -1,
        "tomorrow": 1,
        "day after tomorrow": 2,
    }
    if span.get("in_unit"):
        word = (span.get("in_n") or "").lower()
        n = 1 if word in ("a", "an") else parse_number(word)
        if n is None:
            return None
        days = n * (7 if (span.get("in_unit") or "").lower().startswith("week") else 1)
        if (span.get("in_kind") or "").lower() == "within":
            return published, published + timedelta(days=days), "days"
        day = published + timedelta(days=days)
        return day, day, "day"
    if span.get("past_n"):
        n = parse_number(span.get("past_n") or "")
        return None if n is None else (published - timedelta(days=n), published, "days")
    rel = re.sub(r"^the ", "", rel)
    if rel.startswith(("previous", "preceding")):
        rel = "yesterday"
    if rel in ("overnight", "last night", PAST_DAY):
        # the night before the report: from the evening before to the morning of the day
        # (the past day, "за минувшие сутки", likewise: the day before and the day)
        # (a night is a two-day window, "Nocą" after a Sunday-morning report: Sat-Sun)
        return published - timedelta(days=1), published, "days"
    if rel in one_day:
        day = published + timedelta(days=one_day[rel])
        return day, day, "day"
    monday = published - timedelta(days=published.weekday())
    part = _week_part(rel, published, forward=forward)
    if part is not None:
        return part
    if rel in ("last week", "previous week"):
        return monday - timedelta(days=7), monday - timedelta(days=1), "week"
    if rel == "next week":
        return monday + timedelta(days=7), monday + timedelta(days=13), "week"
    if "weekend" in rel:
        return _weekend(
            re.sub(r"^(?:at|over|during|on) (?:the )?", "", rel), published, forward=forward
        )
    if rel == "earlier this week":
        return monday, published, "week"
    if rel == "this week":
        end = monday + timedelta(days=6) if forward else published
        return monday, end, "week"
    if "month" in rel:
        first = published.replace(day=1)
        if rel.startswith(("last", "previous")):
            first -= relativedelta(months=1)
        elif rel.startswith("next"):
            first += relativedelta(months=1)
        elif rel.startswith(("over", "during", "in", "within")):
            return published - relativedelta(months=1), published, "month"
        return first, _month_end(first.year, first.month), "month"
    if rel == "coming days" or _COMING_DAYS_RE.search(rel):
        # "в ближайшие дни", "найближчими днями", "in the coming days" (trial15 T3): the
        # days after the report, never before it
        return published + timedelta(days=1), published + timedelta(days=FEW_DAYS), "days"
    if "few days" in rel:
        # "на днях", "днями": the days before a report told as done, after it told ahead
        # ("Цими днями ... прибуде", trial15 T3)
        if forward:
            return published + timedelta(days=1), published + timedelta(days=FEW_DAYS), "days"
        return published - timedelta(days=FEW_DAYS), published, "days"
    if _is_month_end_bound(span):
        # "до конца месяца", "do końca miesiąca", "by the end of the month" (trial15 S2):
        # an upper bound, the month's last day; the open start is set by resolve_date
        return published, _month_end(published.year, published.month), "days"
    # "the past week", "over the last week", "a week ago"
    if rel == "a week ago":
        day = published - timedelta(days=7)
        return day, day, "day"
    return published - timedelta(days=7), published, "week"


def resolve_date(
    span: DateSpan, published: date | None, *, forward: bool = False
) -> DateWindow | None:
    """Return the window a date expression stands for, or None if it cannot be dated.

    Parameters
    ----------
    span
        A date expression from :func:`find_dates`.
    published
        The day the report was published; needed for relative dates and for dates
        written without a year.
    forward
        Whether the date looks forward (an expected or planned arrival): "on
        Tuesday" is then the next Tuesday, and a year is chosen after publication.

    Examples
    --------
    >>> from datetime import date
    >>> pub = date(2023, 3, 3)
    >>> w = resolve_date(find_dates("shortly after March 8")[0], pub, forward=True)
    >>> (w.earliest, w.latest, w.precision)
    (datetime.date(2023, 3, 8), None, 'days')
    >>> w = resolve_date(find_dates("last week")[0], pub)
    >>> (w.earliest, w.latest, w.precision)
    (datetime.date(2023, 2, 20), datetime.date(2023, 2, 26), 'week')
    """
    try:
        base = _base_window(span, published, forward=forward)
    except (ValueError, OverflowError):  # a year at the calendar's end
        return None
    if base is None or not all(_plausible(day) for day in base[:2]):
        return None
    earliest: date | None
    latest: date | None
    earliest, latest, precision = base
    qual = " ".join((span.get("qual") or "").lower().split())
    if _is_month_end_bound(span):
        earliest, precision = None, "days"
    elif qual.endswith("after") or qual in (
        "since",
        "no earlier than",
        "not earlier than",
        "not before",
    ):
        latest, precision = None, "days"
    elif qual in ("by", "no later than", "not later than", "until", "till"):
        earliest, precision = None, "days"
    elif qual == "before":
        earliest, latest, precision = None, base[0] - timedelta(days=1), "days"
    elif qual in ("around", "about", "approximately", "circa") and precision == "day":
        earliest, latest = base[0] - timedelta(days=1), base[1] + timedelta(days=1)
        precision = "days"
    return DateWindow(earliest=earliest, latest=latest, precision=precision, text=span.text)


def _is_month_end_bound(span: DateSpan) -> bool:
    """Whether ``span`` bounds a day by the end of the month ("до конца месяца")."""
    rel = " ".join((span.get("rel") or "").lower().split())
    return rel == "by end of month" or rel.endswith(("end of the month", "end of this month"))


# (month key, day keys, year key) of every pattern that writes a day of a month
_DAY_FIELDS = (
    ("iso_m", ("iso_d",), "iso_y"),
    ("n_m", ("n_d",), "n_y"),
    ("n2_m", ("n2_d",), None),
    ("dm_m", ("dm_d",), "dm_y"),
    ("md_m", ("md_d",), "md_y"),
    ("r1_m", ("r1_d1", "r1_d2"), "r1_y"),
    ("r2_m", ("r2_d1", "r2_d2"), "r2_y"),
    ("x1_m1", ("x1_d1",), None),
    ("x1_m2", ("x1_d2",), "x1_y"),
    ("x2_m1", ("x2_d1",), None),
    ("x2_m2", ("x2_d2",), "x2_y"),
    ("night_m", ("night_d1", "night_d2"), "night_y"),
    ("l_m", (), "l_y"),
)


def _missing_day(span: DateSpan) -> str | None:
    """Return why a written day of a month does not exist ("31 June"), else None."""
    for month_key, day_keys, year_key in _DAY_FIELDS:
        month_word = span.get(month_key)
        if not month_word:
            continue
        try:
            month = _month_number(month_word)
        except (ValueError, OverflowError):
            return None
        if not 1 <= month <= 12:
            return f"no such day: there is no month {month}"
        year = _explicit_year(span, year_key) if year_key else None
        days = [d for k in day_keys if (d := span.get(k))] or [str(d) for d in span.days]
        for day_word in days:
            day = _day_number(day_word)
            name = calendar.month_name[month]
            if day > calendar.monthrange(2000, month)[1] or day == 0:
                return f"no such day: {day} {name} does not exist"
            if year is not None and 1 <= year <= 9999 and day > calendar.monthrange(year, month)[1]:
                return (
                    f"no such day: {day} {name} {year} does not exist ({year} is not a leap year)"
                )
    return None


def why_undated(span: DateSpan, published: date | None) -> str:
    """Say why :func:`resolve_date` gave no window for ``span`` (for a problem message).

    Parameters
    ----------
    span
        A date expression from :func:`find_dates` (or a lexicon reader).
    published
        The report's published day, or None.

    Returns
    -------
    str
        The reason: a day that does not exist ("31 June does not exist"), a year
        outside 1900-2100, or no published date to resolve a date that needs one.

    Examples
    --------
    >>> why_undated(find_dates("31 June 2023")[0], None)
    'no such day: 31 June does not exist'
    >>> why_undated(find_dates("29 February 2023")[0], date(2023, 3, 1))
    'no such day: 29 February 2023 does not exist (2023 is not a leap year)'
    >>> why_undated(find_dates("on Tuesday")[0], None)
    'no published date to resolve it'
    """
    missing = _missing_day(span)
    if missing is not None:
        return missing
    if published is None and (span.is_relative or not span.has_year):
        return "no published date to resolve it"
    return "no such day, or outside the plausible range 1900-2100"

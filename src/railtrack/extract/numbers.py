"""Car counts in free text: "51 cars", "forty-eight platforms", "about 30 flats".

Number words go through :mod:`numerizer` (a maintained English number-words parser);
"dozen" is multiplied out here because numerizer leaves it as a word ("two dozen" ->
"2 dozen"). Only railway cars are counted: "23 T-80 tanks" or "50 Ural trucks" are
equipment, not cars, and are ignored.

Examples
--------
>>> parse_number("forty-eight"), parse_number("two dozen"), parse_number("1,200")
(48, 24, 1200)
>>> [(c.kind, c.value, c.estimated) for c in find_car_counts("about 30 flats and 2 tank cars")]
[('flat', 30, True), ('tank', 2, False)]
>>> [(c.value, c.estimated, c.at_least) for c in find_car_counts("at least 40 cars")]
[(40, False, True)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from numerizer import numerize

from railtrack.extract.casefold import FoldedPattern, fold_compile

__all__ = [
    "AtLeast",
    "AtMost",
    "CarCount",
    "CountRange",
    "bound_before",
    "candidate_starts",
    "find_bare_count",
    "find_car_counts",
    "find_count_series",
    "parse_number",
    "scan",
]

_UNITS = (
    "zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    "fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|"
    "sixty|seventy|eighty|ninety|hundred|thousand|dozen"
)
_WORD = rf"(?:{_UNITS})"
NUMBER_PATTERN = (
    # ("a pair of tank-laden flatcars": two)
    rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+|an?\s+pair\s+of|(?:an?\s+(?=(?:dozen|hundred)\b))?{_WORD}"
    rf"(?:(?:\s+and\s+|[\s-]+){_WORD})*)"
)
"""A count written in digits ("1,200", "48") or words ("forty-eight", "two dozen")."""

# an upper bound ("up to 60 cars", "almost 50", "no more than 30"): an estimate kept as
# "at most", never "at least" (trial10 T18)
_AT_MOST = (
    r"almost|up\s+to|(?:just|slightly|a\s+little)\s+(?:under|below|fewer\s+than|less\s+than)|"
    r"fewer\s+than|less\s+than|under|"
    r"no\s+more\s+than|not\s+more\s+than|not\s+over|at\s+most|a\s+maximum\s+of|maximum"
)
_ESTIMATE = (
    # ("nearly 50" is read as "около 50", "blisko 50": about so many, issue 13 S)
    r"about|around|approximately|approx\.|roughly|some|nearly|"
    rf"an\s+estimated|circa|~|≈|{_AT_MOST}"
)
# a lower bound: "at least 40 cars", "over 30 wagons", "no fewer than 25 flatcars"
_AT_LEAST = (
    r"at\s+least|more\s+than|over|upwards\s+of|in\s+excess\s+of|no\s+(?:fewer|less)\s+than|"
    r"not\s+(?:fewer|less)\s+than|a\s+minimum\s+of|(?:a\s+)?minimum|well\s+over"
)
_APPROX = rf"{_AT_LEAST}|{_ESTIMATE}"
_APPROX_RE = re.compile(rf"^(?:{_ESTIMATE})$", re.IGNORECASE)
_AT_LEAST_RE = re.compile(rf"^(?:{_AT_LEAST})$", re.IGNORECASE)
_AT_MOST_RE = re.compile(rf"^(?:{_AT_MOST})$", re.IGNORECASE)
_AT_LEAST_BEFORE_RE = re.compile(rf"\b(?:{_AT_LEAST})\s+$", re.IGNORECASE)
# "dozen"/"hundred" after a vague word is no number ("several dozen cars"); after
# "half" it is halved ("half a hundred cars": about 50)
_ROUND_RE = re.compile(r"\b(?:dozen|hundred)s?\b", re.IGNORECASE)
_VAGUE_BEFORE_RE = re.compile(r"\b(?:several|a\s+few|few|many|multiple)\s+$", re.IGNORECASE)
_HALF_BEFORE_RE = re.compile(r"\bhalf\s+$", re.IGNORECASE)
# The end of a range ("30-40 cars", "30 to 40 cars", "30 or 40", "between 30 and 40"):
# a range is no count, in English as in the other languages (README, trial T3)
_RANGE_BEFORE_RE = re.compile(
    r"(?:(?<![\w.,])\d{1,4}\s*[-\u2013\u2014]\s*|(?<![\w.,])\d{1,4}\s+(?:to|or)\s+"
    r"|\bbetween\s+\S+\s+and\s+|\b(?:from\s+)?[a-z]+(?:[\s-][a-z]+)?\s+(?:to|or)\s+)$",
    re.IGNORECASE,
)
# the words that open a range ("from 30 to 40", "between 30 and 40") and an estimate
# before it ("about 30-40 cars"): part of the range's evidence
_RANGE_OPENING_RE = re.compile(r"\b(?:from|between)\s+$", re.IGNORECASE)
_APPROX_BEFORE_RE = re.compile(rf"\b(?:{_ESTIMATE})\s+$", re.IGNORECASE)

# Words that say what kind of car a count is; each maps to a CarCounts field.
_ADJECTIVE_KIND = {
    "passenger": "passenger",
    "personnel": "passenger",
    "sleeping": "passenger",
    "compartment": "passenger",
    "couchette": "passenger",
    "tanker": "tank",
    "flat": "flat",
    "covered": "covered",
    "box": "covered",
    # "three closed cars", "closed wagons": covered wagons, as translations of
    # "крытые вагоны" write them (issue 13, session 17)
    "closed": "covered",
    "tank": "tank",
    "freight": "other",
    "cargo": "other",
    "goods": "other",
    "gondola": "other",
    "open": "other",
    "open-top": "other",  # "56 open-top cars": gondolas
    "open-topped": "other",
    "hopper": "other",
    "refrigerator": "other",
    "refrigerated": "other",
}
_NOUN_KIND = {
    "car": None,
    "wagon": None,
    "carriage": "passenger",
    "coach": "passenger",
    "platform": "flat",
    "flatcar": "flat",
    "flat": "flat",
    "boxcar": "covered",
    "cistern": "tank",
    "tanker": "tank",
    "railcar": None,
    "rail-car": None,
    "gondola": "other",
    "hopper": "other",
}
# Words allowed between a number and a car noun without changing its kind.
# (what a car carries: "26 fuel tank cars", "40 grain hopper cars", "12 coal wagons")
_NEUTRAL = (
    r"military|railway|rail|train|loaded|empty|more|other|further|additional|russian|"
    r"fuel|oil|petrol|diesel|grain|coal|cement|ammunition|special|heavy|new|old|"
    # what the cars are laden with ("a pair of tank-laden flatcars": flatcars)
    r"[a-z]+-(?:laden|loaded)"
)
_LADEN_RE = re.compile(r"[a-z]+-(?:laden|loaded)", re.IGNORECASE)
_ADJ = "|".join(sorted(_ADJECTIVE_KIND, key=len, reverse=True))
# A kind word standing for its car ("8 passenger, 3 cargo"): not "personnel", which
# alone names people ("30 platforms and about 100 military personnel": no cars)
_BARE = "|".join(sorted(set(_ADJECTIVE_KIND) - {"personnel"}, key=len, reverse=True))
_NOUN = (
    r"cars?|wagons?|carriages?|coach(?:es)?|platforms?|flat-?cars?|flats|box-?cars?|"
    r"cisterns?|tankers|gondolas?|hoppers?|rail-?cars?"
)

# "a passenger car": one car, but only before a singular car noun.
_SINGULAR = r"(?:car|wagon|carriage|coach|platform|flat-?car|box-?car|cistern)"
_COUNT_RE = fold_compile(
    # ("~40 cars", "≈40 cars": the sign is the estimate word, with no space after it)
    rf"(?:(?P<approx>{_APPROX})(?:\s+|(?<=[~≈])))?"
    rf"(?<![\w.,])(?P<num>{NUMBER_PATTERN}|an?(?=\s+(?:(?:{_ADJ})\s+)?{_SINGULAR}\b))"
    # "40+ cars", "40-odd cars", "forty odd cars", "40-plus cars": at least 40
    r"(?P<plus>\+|(?:-|\s+)odd\b|-plus\b)?"
    r"(?:"
    r"(?P<dash>-(?:car|wagon)\b)"  # "a 47-car train"
    # "4 of them are passenger cars", "4 of them passenger cars", "4 are passenger"
    r"|\s+(?:of\s+(?:which|them|these|those)\s+(?:(?:are|were|is|was)\s+)?"
    r"|(?:are|were|is|was)\s+)?"
    rf"(?P<adjs>(?:(?:{_ADJ}|{_NEUTRAL})(?:\s+|-(?=[a-z])))*)"
    rf"(?:(?P<noun>{_NOUN})\b|(?P<bare>{_BARE})\b(?=\s*(?:[,.;:)]|and\b|or\b|$)))"
    r")",
    re.IGNORECASE,
)


# cars said to carry people: "two wagon cars for people", "4 cars with soldiers"
_FOR_PEOPLE_RE = re.compile(
    r"(?:\s+(?:cars?|wagons?|coach(?:es)?))?\s+(?:for|with)\s+(?:the\s+)?(?:\w+\s+)?"
    r"(?:people|personnel|soldiers|troops|servicemen|crews?|staff)\b",
    re.IGNORECASE,
)
_WORDS_RE = re.compile(r"(?<![\w.,])[\w~≈]+")
_FIRST_WORDS = frozenset(
    {
        *_UNITS.split("|"),
        "a",
        "an",
        "about",
        "around",
        "approximately",
        "approx",
        "roughly",
        "some",
        "nearly",
        "almost",
        "up",
        "over",
        "more",
        "at",
        "upwards",
        "in",
        "no",
        "not",
        "minimum",
        "maximum",
        "just",
        "slightly",
        "fewer",
        "less",
        "under",
        "well",
        "circa",
        "~",
        "≈",
    }
)


# what follows "personnel" when the cars carry more than people: "40 wagons with
# personnel and equipment" is a train's make-up, not 40 passenger cars
_AND_MORE_RE = re.compile(r"\s*(?:and\b|&|as\s+well\s+as\b|plus\b)", re.IGNORECASE)


def _only_people(text: str, end: int) -> bool:
    """Whether the cars counted before ``end`` are said to carry people and nothing else.

    Examples
    --------
    >>> _only_people("4 cars with soldiers arrived", 6)
    True
    >>> _only_people("40 wagons with personnel and equipment", 10)
    False
    """
    found = _FOR_PEOPLE_RE.match(text, end)
    return found is not None and _AND_MORE_RE.match(text, found.end()) is None


class _RangeStart(NamedTuple):
    """The low end of a count range, where its words start, and whether it is estimated."""

    low: int
    start: int
    estimated: bool


def _range_start(before: str) -> _RangeStart | None:
    """Return the low end of a range that the text before a number opens.

    ``before`` ends just before the range's high end ("30-" before "40 cars"). The
    start is the offset in ``before`` of the range's first word ("from", "between",
    or an estimate word: "about 30-40 cars" is an estimated range). None when the
    number ends no range.

    Examples
    --------
    >>> _range_start("Between 30 and "), _range_start("some 30-")
    (_RangeStart(low=30, start=0, estimated=False), _RangeStart(low=30, start=0, estimated=True))
    >>> _range_start("a train of thirty to "), _range_start("a train of from 30 to ")
    (_RangeStart(low=30, start=11, estimated=False), _RangeStart(low=30, start=11, estimated=False))
    >>> _range_start("On March 8, "), _range_start("a train of "), _range_start("went to ")
    (None, None, None)
    """
    found = _RANGE_BEFORE_RE.search(before)
    if found is None:
        return None
    words = found[0].split()
    start = found.start()
    if words[0].lower() == "between":
        low = parse_number(words[1])
    elif words[0][:1].isdigit():
        low = parse_number(re.sub(r"\D.*", "", words[0]))
    else:
        if words[0].lower() != "from":
            start += len(found[0]) - len(found[0].lstrip())
        numbers = [w for w in words[:-1] if w.lower() != "from"]  # the words before "to"/"or"
        low = next(
            (
                value
                for n in (2, 1)
                if n <= len(numbers) and (value := parse_number(" ".join(numbers[-n:]))) is not None
            ),
            None,
        )
        if low is not None and len(numbers) == 2 and parse_number(numbers[-1]) == low:
            start = before.rfind(numbers[-1], start)  # "a train of thirty to": from "thirty"
    if low is None:
        return None
    opening = _RANGE_OPENING_RE.search(before, 0, start)
    if opening is not None and opening.end() == start:
        start = opening.start()
    estimate = _APPROX_BEFORE_RE.search(before, 0, start)
    if estimate is not None and estimate.end() == start:
        return _RangeStart(low, estimate.start(), estimated=True)
    return _RangeStart(low, start, estimated=False)


_BETWEEN_BEFORE_RE = re.compile(r"\bbetween\s+$", re.IGNORECASE)
_BATCHES_BEFORE_RE = re.compile(r"\bgroups\s+of\s+$", re.IGNORECASE)
# a count after its car noun, in brackets, in pieces: "tank cars with fuel (8 pcs)"
_PIECES_RE = re.compile(
    rf"\b(?P<adjs>(?:(?:{_ADJ})[\s-]+)*)(?P<noun>{_NOUN})\b"
    rf"(?:(?!\b(?:{_NOUN})\b)[^()\d,;:.]){{0,40}}?"
    r"\(\s*(?P<num>\d{1,3})\s*(?:pcs|pieces|units)\.?\s*\)",
    re.IGNORECASE,
)
# a count in brackets after the car noun that opens them: "(tank cars, 50 each)",
# "(tank cars, 50 pcs each)" (trial14 T16)
_KIND_THEN_PIECES_RE = re.compile(
    rf"\(\s*(?P<adjs>(?:(?:{_ADJ})[\s-]+)*)(?P<noun>{_NOUN})\s*[,:]\s*"
    r"(?P<num>\d{1,3})\s*(?:(?:pcs|pieces|units)\.?\s*)?(?:each\s*)?\)",
    re.IGNORECASE,
)


def _pieces_counts(text: str) -> list[CarCount]:
    """Return the counts given in pieces after their car noun ("tank cars (8 pcs)").

    Examples
    --------
    >>> [(c.kind, c.value, c.text) for c in _pieces_counts("and tank cars with fuel (8 pcs.)")]
    [('tank', 8, 'tank cars with fuel (8 pcs.)')]
    >>> [(c.kind, c.value, c.text) for c in _pieces_counts("with fuel (tank cars, 50 each)")]
    [('tank', 50, '(tank cars, 50 each)')]
    """
    if "(" not in text:
        return []
    return [
        CarCount(_kind(m["adjs"], m["noun"], None), int(m["num"]), False, *m.span(), m[0])
        for pattern in (_PIECES_RE, _KIND_THEN_PIECES_RE)
        for m in pattern.finditer(text)
    ]


def _words_range(number: str) -> tuple[int, int] | None:
    """Return the ends of "thirty and forty" (after "between"), smaller first, else None.

    Examples
    --------
    >>> _words_range("thirty and forty"), _words_range("forty and thirty")
    ((30, 40), None)
    """
    parts = re.split(r"\s+and\s+", number.strip(), maxsplit=1)
    if len(parts) != 2:
        return None
    low, most = parse_number(parts[0]), parse_number(parts[1])
    if low is None or most is None or low >= most:
        return None
    return low, most


def candidate_starts(text: str, first_words: frozenset[str]) -> list[int]:
    """Return the word starts where a pattern that begins with one of ``first_words`` may match.

    Matching a large regular expression only at these positions, instead of scanning
    every character, keeps the finders fast. Words starting with a digit always count.

    Examples
    --------
    >>> candidate_starts("about 30 flats and two cars", frozenset({"about", "two"}))
    [0, 6, 19]
    """
    # ("~40": the word starts with an estimate sign, then its digits)
    return [
        start
        for start, word in _words(text)
        if word[0].isdigit() or word in first_words or (word[0] in "~≈" and word[1:2].isdigit())
    ]


@lru_cache(maxsize=256)
def _words(text: str) -> tuple[tuple[int, str], ...]:
    """Return the (start, lower-case word) pairs of a text; cached for the finders.

    The text is lower-cased once and its words found in the lower case, unless
    ``str.lower`` does not map it character to character ("İ" becomes two, "Σ"
    depends on its neighbours). Lower-casing one character never changes whether it
    is a word character (checked over every code point in
    ``tests/test_extract_fast_paths.py``), so the words and their starts are those of
    the text as written.
    """
    low = text.lower()
    if len(low) != len(text) or "Σ" in text:
        return tuple((m.start(), m[0].lower()) for m in _WORDS_RE.finditer(text))
    # one pass, each match read once: 1.5x faster than a pass for the starts and a
    # findall for the words (CPU time over the English clauses, 2026-12-01, load 15)
    return tuple([(m.start(), m[0]) for m in _WORDS_RE.finditer(low)])


def scan(
    pattern: re.Pattern[str] | FoldedPattern, text: str, first_words: frozenset[str]
) -> list[re.Match[str]]:
    """Non-overlapping matches of ``pattern`` starting at candidate word starts."""
    matches = []
    end = 0
    for start in candidate_starts(text, first_words):
        if start < end:
            continue
        m = pattern.match(text, start)
        if m is not None:
            matches.append(m)
            end = m.end()
    return matches


_SERIES_RE = re.compile(
    rf"(?<![\w.,])(?P<nums>{NUMBER_PATTERN}(?:\s*,\s*{NUMBER_PATTERN})*\s+(?:and|&)\s+)"
    rf"(?P<last>{NUMBER_PATTERN})\s+(?P<adjs>(?:(?:{_ADJ}|{_NEUTRAL})\s+)*)(?P<noun>{_NOUN})\b",
    re.IGNORECASE,
)


def find_count_series(text: str) -> tuple[list[int], str, int, int] | None:
    """Return the counts of a series such as "48 and 38 cars" (one per train), if any.

    Returns ``(values, kind, start, end)``; the car type is read as for a single count.

    Examples
    --------
    >>> find_count_series("Two trains with 48 and 38 cars left.")
    ([48, 38], 'total', 16, 30)
    >>> find_count_series("with forty and thirty-two flat cars")[:2]
    ([40, 32], 'flat')
    >>> find_count_series("48 cars and 2 tank cars") is None
    True
    """
    m = _SERIES_RE.search(text)
    if m is None:
        return None
    words = re.split(r"\s*,\s*|\s+(?:and|&)(?:\s+|$)", m["nums"].strip())
    values = [parse_number(w) for w in words if w.strip()] + [parse_number(m["last"])]
    if any(v is None for v in values):
        return None
    kind = _kind(m["adjs"] or "", m["noun"], None)
    return [v for v in values if v is not None], kind, m.start(), m.end()


class AtMost(int):
    """A count the source gives as an upper bound ("up to 60 cars"): the int is the bound.

    It travels as the value of a count fact like any int; the shipment built from it
    sets :attr:`railtrack.models.CarCounts.at_most`.

    Examples
    --------
    >>> n = AtMost(60)
    >>> n - 1, isinstance(n, AtMost), str(n)
    (59, True, '60')
    """

    __slots__ = ()


class AtLeast(int):
    """A count the source gives as a lower bound ("at least 40 cars"): the int is the bound.

    It travels as the value of a count fact like any int; the shipment built from it
    sets :attr:`railtrack.models.CarCounts.at_least`.

    Examples
    --------
    >>> n = AtLeast(40)
    >>> n + 2, isinstance(n, AtLeast), str(n)
    (42, True, '40')
    """

    __slots__ = ()


class CountRange(AtLeast):
    """A count the source gives as a range ("30-35 platforms"): the int is the low end.

    ``most`` is the high end. A range is a lower bound (so it travels as an
    :class:`AtLeast`) with an upper one; the shipment built from it sets
    :attr:`railtrack.models.CarCounts.at_least`, ``at_most`` and ``total_max``.

    Examples
    --------
    >>> n = CountRange(30, 35)
    >>> int(n), n.most, isinstance(n, AtLeast)
    (30, 35, True)
    """

    most: int

    def __new__(cls, low: int, most: int) -> CountRange:
        """Return the range from ``low`` to ``most``."""
        value = super().__new__(cls, low)
        value.most = most
        return value

    def __reduce__(self) -> tuple[type[CountRange], tuple[int, int]]:
        return CountRange, (int(self), self.most)


@dataclass(frozen=True, slots=True)
class CarCount:
    """One count of cars found in a text.

    ``kind`` is a :class:`~railtrack.models.CarCounts` field: ``total`` for untyped
    "cars"/"wagons", else ``passenger``, ``covered``, ``flat``, ``tank`` or ``other``.
    ``start``/``end`` are character offsets into the text searched. ``estimated``
    marks an approximate count ("about 30"), ``at_least`` a lower bound ("at least
    40", "over 30", "не менее 30", "co najmniej 35"), ``at_most`` an upper one ("up to
    60", "почти 50", "maksymalnie 60", also ``estimated``): the value is the bound. A
    range ("30-35 flatcars", "от 30 до 40 вагонов") is both: ``value`` is its low end,
    ``most`` its high end, and ``at_least`` and ``at_most`` are set.
    """

    kind: str
    value: int
    estimated: bool
    start: int
    end: int
    text: str
    at_least: bool = False
    at_most: bool = False
    most: int | None = None


@lru_cache(maxsize=4096)
def parse_number(text: str) -> int | None:
    """Return the integer a count is written as, or None if it is not a number.

    Parameters
    ----------
    text
        Digits ("48", "1,200") or English number words ("forty-eight", "a dozen").

    Examples
    --------
    >>> parse_number("one hundred and five"), parse_number("a dozen"), parse_number("many")
    (105, 12, None)
    >>> parse_number("a pair of")
    2
    """
    cleaned = text.strip().lower().replace(",", "")
    if cleaned.isdigit():
        return int(cleaned)
    if re.fullmatch(r"an?\s+pair\s+of", cleaned):
        return 2
    multiplier = 1
    if re.search(r"\bdozens?\b", cleaned):
        multiplier = 12
        cleaned = re.sub(r"\s*\bdozens?\b", "", cleaned).strip()
        if cleaned in ("", "a", "an"):
            return 12
    cleaned = re.sub(r"^an?\s+(?=hundred|thousand)", "one ", cleaned)
    value = numerize(cleaned).strip()
    if not value.isdigit():
        return None
    return int(value) * multiplier


def _kind(adjectives: str, noun: str | None, bare: str | None) -> str:
    if bare:
        return _ADJECTIVE_KIND[bare.lower()]
    kind: str | None = None
    # (what the cars are laden with is no kind of car: "tank-laden flatcars" are flats)
    adjectives = _LADEN_RE.sub(" ", adjectives)
    for word in re.split(r"[\s-]+", adjectives.lower()):
        if word in _ADJECTIVE_KIND:
            kind = _ADJECTIVE_KIND[word]
    if kind is not None:
        return kind
    stem = (noun or "car").lower().replace("-", "")
    stem = stem.removesuffix("es") if stem.endswith("coaches") else stem.removesuffix("s")
    return _NOUN_KIND.get(stem) or "total"


# a clause's last number with no noun after it ("the second 41", "the second, about
# 40."): nothing but closing punctuation follows it, no clock or decimal mark before it
_BARE_RE = re.compile(
    rf"(?<![\w:.,/-])(?:(?P<approx>{_APPROX})\s+)?(?P<num>{NUMBER_PATTERN})[\s.,;:!?)\]]*"
    # (", and the third ...": the word joining the next train's clause; trial14 T6)
    r"(?:\b(?:and|while|whereas)\s*)?$",
    re.IGNORECASE,
)


def find_bare_count(text: str) -> CarCount | None:
    """Return a count whose car noun is left out, ending the text ("the second 41").

    A train of a list counted after one counted with its noun ("The first had 28
    flatcars, the second 41") gives its number alone: the number that ends the clause,
    with nothing but punctuation after it. Whether it counts the cars is for the caller
    to decide (a number in a date or a time is none).

    Parameters
    ----------
    text
        One clause (the words that tell one train).

    Returns
    -------
    CarCount or None
        ``kind`` ``total`` (the caller gives it the kind the train before was counted
        in), the value and its offsets; an estimate word before it ("about 40") marks
        it ``estimated`` (or ``at_least``/``at_most``). None when the clause does not
        end with a number.

    Examples
    --------
    >>> found = find_bare_count("the second about 41.")
    >>> found.value, found.estimated, found.text
    (41, True, 'about 41')
    >>> find_bare_count("the second 41 cars") is None, find_bare_count("at 14:30") is None
    (True, True)
    >>> find_bare_count("the second 38, and ").value
    38
    """
    m = _BARE_RE.search(text)
    if m is None:
        return None
    value = parse_number(m["num"])
    if value is None or not 0 < value < 1000:
        return None
    word = m["approx"] or ""
    at_least = bool(word) and _AT_LEAST_RE.match(word) is not None
    at_most = bool(word) and _AT_MOST_RE.match(word) is not None
    start = m.start("approx") if word else m.start("num")
    end = m.end("num")
    return CarCount(
        "total",
        value,
        bool(word) and not at_least,
        start,
        end,
        text[start:end],
        at_least=at_least,
        at_most=at_most,
    )


def find_car_counts(text: str) -> list[CarCount]:
    """Return every count of railway cars in ``text``, in order.

    Parameters
    ----------
    text
        Free text, e.g. one clause of a report.

    Returns
    -------
    list of CarCount
        One entry per count, typed by the words around it. Approximate counts
        ("about", "some", "up to") are flagged ``estimated``; lower bounds ("at least",
        "more than", "over") ``at_least``.

    Examples
    --------
    >>> [(c.kind, c.value) for c in find_car_counts(
    ...     "51 cars: five passenger cars, three covered wagons and 43 platforms")]
    [('total', 51), ('passenger', 5), ('covered', 3), ('flat', 43)]
    >>> find_car_counts("23 T-80 tanks and 50 Ural trucks")
    []
    >>> [(c.kind, c.value) for c in find_car_counts("two wagon cars for people")]
    [('passenger', 2)]
    >>> find_car_counts("several dozen cars"), find_car_counts("half a hundred cars")[0].value
    ([], 50)
    """
    counts = []
    for m in scan(_COUNT_RE, text, _FIRST_WORDS):
        value = 1 if m["num"].lower() in ("a", "an") else parse_number(m["num"])
        start, end = m.span()
        if value is None and not m["approx"]:
            ends, opening = _words_range(m["num"]), text[max(0, start - 40) : start]
            between = _BETWEEN_BEFORE_RE.search(opening)
            if ends is not None and between is not None:  # "between thirty and forty cars"
                first = start - len(opening) + between.start()
                kind = _kind(m["adjs"] or "", m["noun"], m["bare"])
                low, most = ends
                counts.append(
                    CarCount(kind, low, False, first, end, text[first:end], True, True, most)
                )
            continue
        if value is None:
            continue
        before = text[max(0, start - 12) : start]
        round_word = _ROUND_RE.search(m["num"]) is not None
        if round_word and _VAGUE_BEFORE_RE.search(before):
            continue  # "several dozen cars", "a few hundred wagons": no number
        opened = None if m["approx"] else _range_start(text[max(0, start - 40) : start])
        if opened is not None and opened.low >= value:
            continue  # "3-40 cars" read backwards, "forty-eight": no range of counts
        kind = "total" if m["dash"] else _kind(m["adjs"] or "", m["noun"], m["bare"])
        if kind == "total" and not m["dash"] and _only_people(text, end):
            kind = "passenger"  # "two wagon cars for people", "4 cars with soldiers"
        first = start if opened is None else max(0, start - 40) + opened.start
        if _BATCHES_BEFORE_RE.search(text, max(0, first - 20), first):
            continue  # "groups of 6-10 cars are sent": each group's size, no train's count
        if opened is not None:  # "30-40 cars", "between thirty and forty wagons": a range
            counts.append(
                CarCount(
                    kind,
                    opened.low,
                    opened.estimated,
                    first,
                    end,
                    text[first:end],
                    at_least=True,
                    at_most=True,
                    most=value,
                )
            )
            continue
        bound = " ".join(m["approx"].split()) if m["approx"] else ""
        at_least = _AT_LEAST_RE.match(bound) is not None or m["plus"] is not None
        at_most = _AT_MOST_RE.match(bound) is not None
        estimated = _APPROX_RE.match(bound) is not None
        half = _HALF_BEFORE_RE.search(before) if round_word and not m["approx"] else None
        if half is not None:  # "half a hundred cars": about 50; "half a dozen": 6
            value //= 2
            start -= len(half[0])
            estimated = estimated or "hundred" in m["num"].lower()
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
    pieces = _pieces_counts(text)
    if pieces:  # "tank cars with fuel (8 pcs)": in text order, beside the others
        taken = [(c.start, c.end) for c in counts]
        counts += [p for p in pieces if not any(a < p.end and p.start < b for a, b in taken)]
        counts.sort(key=lambda c: c.start)
    return counts


def bound_before(text: str, at: int) -> bool:
    """Whether an English lower bound ("at least", "more than") ends just before ``at``.

    Examples
    --------
    >>> bound_before("Hajun has recorded at least 20 echelons", 28)
    True
    >>> bound_before("Hajun has recorded about 20 echelons", 25)
    False
    """
    return _AT_LEAST_BEFORE_RE.search(text[max(0, at - 40) : at]) is not None

"""The shared text pass: invisible format characters out, with offsets back to the text.

Text copied from news sites and Telegram carries characters that are not shown: a soft
hyphen (U+00AD) a site puts inside long words, zero-width spaces and joiners
(U+200B-U+200D), the word joiner (U+2060), a byte-order mark (U+FEFF) in the middle of
a text, direction marks and embeddings (U+200E, U+200F, U+202A-U+202E, U+2066-U+2069).
Inside a word they cut it: "Ор\\u200bша" was read as the station "Ор". They are all
of Unicode's general category Cf (format); :func:`strip_format` removes every one of
them but the prepended concatenation marks (Arabic and Syriac number and year signs,
which are shown), once per report, before the language and the words are read, and
returns the map from each character kept to its place in the text as written: the
report is read, and its models built, from the text without them, and
:func:`railtrack.extract.result.pointed_at_written` then points every evidence span
back into the ORIGINAL text (evidence spans keep character offsets into the text the
user gave; :func:`to_written` does the same for a draft's facts). A hyphen written
as U+2010 or U+2011 (the non-breaking hyphen of "Санкт\u2011Петербург") is read as "-",
one character for one, and so is the "#" of a channel's hashtag on a word as a space
("#помічено на станції Смоленськ").

Examples
--------
>>> read, origin = strip_format("на станцию Ор\\u200bша")
>>> read, origin[-3:]
('на станцию Орша', [12, 14, 15])
>>> strip_format("no invisible characters")
('no invisible characters', None)
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Callable
from typing import Any

__all__ = [
    "FORMAT_CHARACTERS",
    "LONGEST_NUMBER",
    "blank_long_numbers",
    "map_facts",
    "strip_format",
    "tag_labels",
    "to_written",
    "without_format",
    "without_quoted",
    "written_span",
]

# Unicode's format characters (general category Cf) removed before reading, all of
#: them but the prepended concatenation marks (U+0600-U+0605, U+06DD, U+070F, U+0890,
#: U+0891, U+08E2, U+110BD, U+110CD), which are shown; held to ``unicodedata`` in
#: ``tests/test_extract_textpass.py``. U+13439-U+1343F (Egyptian format controls) are
#: Cf from Unicode 15, unassigned before.
_BMP_FORMAT = (
    "\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
)
_ASTRAL_FORMAT = (
    "\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
)
#: The characters removed, as the body of a regular-expression class (see above).
FORMAT_CHARACTERS = _BMP_FORMAT + _ASTRAL_FORMAT
_FORMAT = re.compile(f"[{FORMAT_CHARACTERS}]+")
# Looking for them costs about 5 µs in a report of 650 characters: a class of characters
# beyond U+FFFF is tried range by range at each character (six times slower), so the
# characters of the BMP are looked for alone, and the others only in a text with a
# character in U+13430-U+E007F at all (one range).
_BMP = re.compile(f"[{_BMP_FORMAT}]")
_ASTRAL = re.compile("[\U00013430-\U000e007f]")


# Hyphens written as other code points: U+2010 HYPHEN and U+2011 NON-BREAKING HYPHEN (a
# site keeps "Санкт\u2011Петербург" and "вагонов\u2011зерновозов" on one line with it).
# They join the parts of one word as "-" does and are read as "-", one character for one,
# so offsets do not move. Dashes (U+2012-U+2015) and the minus sign stay: they separate.
_HYPHENS = re.compile("[\u2010\u2011]")
_AS_HYPHEN = str.maketrans({"\u2010": "-", "\u2011": "-"})


# A channel's hashtag on a word ("#помічено", "#эшелон", "#Барановичі"): the "#" is read
# as a space, one character for one, so the tagged word reads as the word (a tagged verb
# of sighting was no verb). A "#" before a digit (a train's number) stays.
_HASHTAG = re.compile(r"#(?=[^\W\d_])")


# A channel's tags heading a post or standing on a line of their own ("#эшелон Сегодня
# ночью ...", "❗️#эшалон Сёння ...", "#pociąg\nDziś ...", "... 40 вагонов.\n#эшелон
# #Брест"): a run of tags at the start of a line, after nothing but symbols (an emoji,
# a mark), and followed by the end of the line or by a capitalised word (the post's
# first sentence). "#помічено на станції Смоленськ" goes on with a lower-case word: the
# tag is a word of the sentence.
_TAG = r"#[^\W\d_][\w-]*(?![\w-])"
_LABEL_RUN = re.compile(
    rf"^[^\w#\n]*(?P<run>{_TAG}(?:[^\S\n]*[,;]?[^\S\n]+{_TAG})*)[^\w\n]*", re.MULTILINE
)
_TAG_WORD = re.compile(_TAG)


def tag_labels(text: str) -> list[tuple[int, int]]:
    """Return the (start, end) of each word of a channel's tags that label a post.

    Tags that head a post or a line ("#эшелон Сегодня ночью ...", "❗️#эшалон Сёння
    ноччу ...", a line "#эшелон #Брест") name its topic, not a train of its text; a
    tag that goes on in lower case ("#помічено на станції Смоленськ") is a word of the
    sentence and is not returned. The spans are of the words without their ``#``.

    Parameters
    ----------
    text : str
        A post.

    Returns
    -------
    list of tuple of int
        ``(start, end)`` character offsets into ``text``, in order; empty when it
        has no ``#``.

    Examples
    --------
    >>> tag_labels("#эшелон Сегодня ночью прибыл эшелон")
    [(1, 7)]
    >>> tag_labels("#помічено на станції Смоленськ")
    []
    >>> tag_labels("Эшелон прибыл.\\n#эшелон #Брест")
    [(16, 22), (24, 29)]
    """
    if "#" not in text:
        return []
    spans: list[tuple[int, int]] = []
    for run in _LABEL_RUN.finditer(text):
        after = text[run.end() : run.end() + 1]
        if after not in ("", "\n") and not after.isupper():
            continue  # ("#помічено на станції": the sentence goes on)
        start = run.start("run")
        spans.extend(
            (start + m.start() + 1, start + m.end()) for m in _TAG_WORD.finditer(run["run"])
        )
    return spans


# Combining marks (U+0300-U+036F) after a letter: a decomposed letter ("и" + U+0306 for
# "й", "z" + U+0307 for "ż", as some editors and macOS file names write them) is read as
# the one letter, and a stress mark an encyclopaedia or a textbook puts on a Cyrillic
# vowel ("Бре\u0301ст", "эше\u0300лон") is dropped: either cut the word in two.
_COMBINING = re.compile("[\u0300-\u036f]")
_STRESS_MARKS = frozenset("\u0300\u0301")


def _composed(text: str) -> tuple[str, list[int]]:
    """Return ``text`` with its combining marks composed or dropped, and the origin map."""
    pieces: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        if _COMBINING.match(ch) and pieces:
            one = unicodedata.normalize("NFC", pieces[-1] + ch)
            if len(one) == 1:
                pieces[-1] = one  # the letter's place stays the base letter's
                continue
            if ch in _STRESS_MARKS:
                continue
        pieces.append(ch)
        origin.append(i)
    return "".join(pieces), origin


def _has_format(text: str) -> bool:
    if text.isascii():
        return False
    if _BMP.search(text) is not None:
        return True
    return _ASTRAL.search(text) is not None and _FORMAT.search(text) is not None


def strip_format(text: str) -> tuple[str, list[int] | None]:
    """Remove invisible format characters; return the text read and where each came from.

    Parameters
    ----------
    text
        A report as written.

    Returns
    -------
    read : str
        ``text`` without the characters of :data:`FORMAT_CHARACTERS`, and with the
        hyphens written as U+2010 or U+2011 read as ``-``, the ``#`` of a hashtag on
        a word as a space, a letter and its combining mark as one letter where Unicode
        has one (NFC), and the stress marks U+0300 and U+0301 dropped otherwise;
        ``text`` itself (the same object) when it has none of them.
    origin : list of int or None
        ``origin[i]`` is the offset in ``text`` of ``read[i]`` (length ``len(read)``);
        None when nothing was changed (offsets are the same).

    Examples
    --------
    >>> strip_format("Бря\\u00adнска")
    ('Брянска', [0, 1, 2, 4, 5, 6, 7])
    >>> strip_format("в Бре\\u0301ст")
    ('в Брест', [0, 1, 2, 3, 4, 6, 7])
    >>> strip_format("в Санкт\\u2011Петербург")
    ('в Санкт-Петербург', [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16])
    """
    changed = False
    if not text.isascii() and _HYPHENS.search(text) is not None:
        # "Санкт\u2011Петербург": a hyphen written as another code point, one for one
        text = text.translate(_AS_HYPHEN)
        changed = True
    if "#" in text and _HASHTAG.search(text) is not None:
        # "#помічено на станції Смоленськ": a channel's tag is the word it tags
        text = _HASHTAG.sub(" ", text)
        changed = True
    marks: list[int] | None = None
    if not text.isascii() and _COMBINING.search(text) is not None:
        # "Бре\u0301ст", "и\u0306": a stress mark dropped, a decomposed letter as one
        text, marks = _composed(text)
    if not _has_format(text):
        if marks is not None:
            return text, marks
        return text, (list(range(len(text))) if changed else None)
    origin: list[int] = []
    pieces: list[str] = []
    pos = 0
    for m in _FORMAT.finditer(text):
        pieces.append(text[pos : m.start()])
        origin.extend(range(pos, m.start()))
        pos = m.end()
    pieces.append(text[pos:])
    origin.extend(range(pos, len(text)))
    if marks is not None:
        origin = [marks[i] for i in origin]
    return "".join(pieces), origin


LONGEST_NUMBER = 15
"""The most digits a number railtrack reads may have (E.164 phone numbers have 15; a
count, a day, an ESR code or a train number far fewer)."""

_LONG_NUMBER_RE = re.compile(rf"\d{{{LONGEST_NUMBER + 1},}}")


def blank_long_numbers(text: str) -> str:
    """Return ``text`` with each run of more than 15 digits turned into spaces.

    No fact railtrack reads is written with so many digits, and Python refuses to
    convert a string of more than 4,300 digits to an integer (a hostile report once
    cost the whole report: "cannot read the report text"); a shorter run that large
    is no count either. One character for one, so offsets are kept.

    Parameters
    ----------
    text
        A report's text.

    Returns
    -------
    str
        The same text, of the same length.

    Examples
    --------
    >>> blank_long_numbers("Эшелон " + "1" * 20 + " вагонов, 40 платформ")
    'Эшелон                      вагонов, 40 платформ'
    >>> blank_long_numbers("+375291234567 (15 digits at most) stays")
    '+375291234567 (15 digits at most) stays'
    """
    return _LONG_NUMBER_RE.sub(lambda m: " " * len(m.group()), text)


def without_format(text: str) -> str:
    """Return ``text`` without the characters of :data:`FORMAT_CHARACTERS` (no offsets).

    Parameters
    ----------
    text : str
        Any text.

    Returns
    -------
    str
        The text without those characters (soft hyphens, zero-width spaces, ...);
        ``text`` itself when it has none. Offsets change.

    Examples
    --------
    >>> without_format("эше\u00adлон\u200b")
    'эшелон'
    """
    return _FORMAT.sub("", text) if _has_format(text) else text


# A span in quotes of any of the five languages' typography: «…», “…”, „…“, "…"
_QUOTED = re.compile(r"«[^»]*»|“[^”]*”|„[^“”]*[“”]|\"[^\"]*\"")


def without_quoted(text: str) -> str:
    """Return ``text`` with each quoted span replaced by a space (a name, not a fact).

    «Воинский эшелон» names a museum train or a film; the words inside say nothing of
    what the sentence tells.

    Parameters
    ----------
    text : str
        A sentence.

    Returns
    -------
    str
        ``text`` with each quoted span (quotes included) replaced by one space.

    Examples
    --------
    >>> without_quoted('Ретропоезд «Воинский эшелон» прибыл в Тулу')
    'Ретропоезд   прибыл в Тулу'
    """
    return _QUOTED.sub(" ", text)


def written_span(origin: list[int], start: int, end: int) -> tuple[int, int]:
    """Map ``read[start:end]`` to the span of the written text from its first to last character.

    Format characters inside the span are kept in it; those just before or after it
    are not. An empty span maps to the empty span where its character would be.

    Parameters
    ----------
    origin
        :func:`strip_format`'s offsets of the text read in the text as written.
    start, end
        A span of the text read (``end`` exclusive).

    Returns
    -------
    tuple of int
        ``(start, end)`` in the text as written.

    Examples
    --------
    >>> read, origin = strip_format("из Бря\u00adнска")
    >>> written_span(origin, 3, 10)
    (3, 11)
    """
    if end <= start:
        at = origin[start] if start < len(origin) else (origin[-1] + 1 if origin else start)
        return at, at
    return origin[start], origin[end - 1] + 1


def to_written(draft: Any, text: str, origin: list[int]) -> None:
    """Point every fact of a report draft read from :func:`strip_format`'s text at ``text``.

    A fact's ``start``, ``end`` and ``text`` become the span of the report as written
    (``fact.text == text[fact.start:fact.end]``); its value (a place name, a date
    window's words) keeps the words as read, without the invisible characters, so that
    names resolve and print as they look.

    Parameters
    ----------
    draft
        The :class:`~railtrack.extract.trains.ReportDraft`; changed in place.
    text
        The report as written.
    origin
        The offsets :func:`strip_format` returned.

    Examples
    --------
    >>> from railtrack.extract.trains import Fact, ReportDraft, TrainDraft
    >>> written = "из Бря\\u00adнска"
    >>> read, origin = strip_format(written)
    >>> draft = ReportDraft(trains=[TrainDraft(origin=Fact("Брянска", read[3:], 3, 10))])
    >>> to_written(draft, written, origin)
    >>> fact = draft.trains[0].origin
    >>> (fact.start, fact.end), fact.text == written[fact.start : fact.end], fact.value
    ((3, 11), True, 'Брянска')
    """

    def remap(fact: Any) -> Any:
        start, end = written_span(origin, fact.start, fact.end)
        return type(fact)(fact.value, text[start:end], start, end, fact.inferred)

    map_facts(draft, remap)
    # a tally's count too: its problem line names the line it is on (trial19 T9)
    draft.tallies = [
        dataclasses.replace(t, start=span[0], end=span[1])
        for t in draft.tallies
        for span in [written_span(origin, t.start, t.end)]
    ]


def map_facts(draft: Any, fn: Callable[[Any], Any]) -> None:
    """Replace every fact of a report draft's trains and groups by ``fn(fact)``, in place.

    Parameters
    ----------
    draft
        A :class:`~railtrack.extract.trains.ReportDraft`.
    fn
        Called once per fact (a :class:`~railtrack.extract.trains.Fact`; never None)
        and returning the fact to keep.

    Notes
    -----
    Needs a :class:`~railtrack.extract.trains.ReportDraft` read from a report;
    :func:`railtrack.extract.extract_shipments` uses it.
    """

    def one(fact: Any) -> Any:
        return None if fact is None else fn(fact)

    for holder in (*draft.trains, *draft.groups):
        for f in dataclasses.fields(holder):
            value = getattr(holder, f.name)
            if f.name in ("counts", "each"):
                setattr(holder, f.name, {k: one(v) for k, v in value.items()})
            elif f.name == "via":
                setattr(holder, f.name, [one(v) for v in value])
            elif f.name == "sightings":
                setattr(holder, f.name, [(one(p), one(d)) for p, d in value])
            elif f.name == "series":
                setattr(holder, f.name, [{k: one(v) for k, v in s.items()} for s in value])
            elif hasattr(value, "inferred") and hasattr(value, "start"):
                setattr(holder, f.name, one(value))

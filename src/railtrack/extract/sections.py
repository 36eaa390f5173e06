"""Sections of line named by their ends: no train's ends, in every language.

Reports of closures, works, accidents and rates name a stretch of line by the two
stations that bound it ("zamknięcia linii 179 od stacji Kosztowy do Lędzin", "на
участке Москва — Смоленск", "on the section between Gomel and Kalinkovichi"). Those
two places are where the line runs, not where a train left or went:
:func:`without_line_sections` blanks the phrase (spaces, so every offset stays as
written) before the train assembly reads the text. A train's relation ("pociąg
relacji Szczecin-Chełm") and a route ("na trasie Kutno-Brześć") are not sections and
stay.

The words that open a section are each lexicon's ``line_sections`` (see the lexicon
README); English has its own below.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from railtrack.extract.scripts import UPPER

__all__ = ["EN_SECTIONS", "section_pattern", "without_line_sections"]

# upper-case letters of the five languages' scripts: a place name starts with one
_UP = UPPER
# a place name: one to three capitalised words, hyphenated parts kept ("Nowy Oskoł",
# "Piast-Ziemowit", "Ростов-на-Дону")
_NAME = rf"[{_UP}][\w'’.-]*(?:\s+[{_UP}][\w'’.-]*){{0,2}}"
# a station word before the first name ("od stacji Kosztowy", "от станции Орша")
_STATION = r"(?i:(?:stacji|станции|станції|станцыі|station)\s+)?"
_FROM = r"(?i:od|z|ze|między|pomiędzy|от|між|від|паміж|ад|between|from)"
_TO = r"(?i:do|a|i|до|и|і|й|да|to|and)"
_DASH = r"\s*[—–-]\s*"

EN_SECTIONS = ("section", "sections", "stretch", "segment")


def section_pattern(heads: Iterable[str]) -> re.Pattern[str] | None:
    """Return the pattern of a section opened by one of ``heads``, None for none.

    A head, up to two words (a line's number or name), then either "from X to Y" or
    "X — Y".

    Parameters
    ----------
    heads : iterable of str
        The head words (any case), e.g. a lexicon's words for a line or section.

    Returns
    -------
    re.Pattern or None
        The compiled pattern; None when ``heads`` is empty.

    Examples
    --------
    >>> p = section_pattern(["linii", "odcinku"])
    >>> p.search("zamknięcia linii 179 od stacji Kosztowy do Lędzin z kopalń")[0]
    'linii 179 od stacji Kosztowy do Lędzin'
    >>> p.search("na odcinku Wółkonowka - Nowy Oskoł pociąg")[0]
    'odcinku Wółkonowka - Nowy Oskoł'
    >>> section_pattern([]) is None
    True
    """
    words = sorted({h.lower() for h in heads}, key=len, reverse=True)
    if not words:
        return None
    head = "|".join(re.escape(w) for w in words)
    return re.compile(
        rf"(?<!\w)(?i:{head})(?!\w)(?:\s+[\w./-]+){{0,2}}?\s+"
        rf"(?:{_FROM}\s+{_STATION}{_NAME}\s+{_TO}\s+{_STATION}{_NAME}|{_NAME}{_DASH}{_NAME})"
    )


def without_line_sections(text: str, pattern: re.Pattern[str] | None) -> str:
    """Blank every section of line ``pattern`` finds, offsets kept.

    Parameters
    ----------
    text : str
        A sentence or report.
    pattern : re.Pattern or None
        :func:`section_pattern`; None returns ``text``.

    Returns
    -------
    str
        ``text`` with each match replaced by as many spaces (same length).

    Examples
    --------
    >>> p = section_pattern(["участке", "перегоне"])
    >>> without_line_sections("Движение на участке Орша — Смоленск закрыто.", p).split()
    ['Движение', 'на', 'закрыто.']
    >>> without_line_sections("Эшелон прибыл из Орши в Смоленск.", p)
    'Эшелон прибыл из Орши в Смоленск.'
    """
    if pattern is None:
        return text
    found = list(pattern.finditer(text))
    if not found:
        return text
    out = list(text)
    for m in found:
        out[m.start() : m.end()] = " " * (m.end() - m.start())
    return "".join(out)

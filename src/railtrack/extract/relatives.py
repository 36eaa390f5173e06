"""Relative clauses that name a train by what it did before ("эшелон, который прибыл 4 апреля").

"Завтра из Бреста в сторону России должен отправиться эшелон, который прибыл 4 апреля":
the sentence plans a departure (tomorrow); the relative clause tells which train leaves,
the one that arrived on 4 April. Its date is the earlier arrival's (a stop before this
trip), never the arrival of the trip planned (trial13 T8). A relative clause is opened by
a comma and one of the lexicon's ``relative_pronouns`` ("который", "який", "які",
"który", "which") and ends at the next comma, dash, bracket or end of sentence.
"""

from __future__ import annotations

import re
from functools import lru_cache

from railtrack.extract.cues import VerbCue
from railtrack.extract.lexicon import LANGUAGES, lexicon

__all__ = ["earlier_arrival", "main_verbs", "relative_clauses"]


@lru_cache(maxsize=len(LANGUAGES))
def _relative_re(lang: str) -> re.Pattern[str]:
    words = sorted(lexicon(lang).relative_pronouns, key=len, reverse=True)
    body = "|".join(re.escape(w) for w in words) or r"(?!)"
    return re.compile(rf",\s*(?:{body})(?![\w'-])[^,;:.!?()]*", re.IGNORECASE)


def relative_clauses(text: str, lang: str) -> list[tuple[int, int]]:
    """Return the (start, end) offsets of the relative clauses in ``text``.

    Parameters
    ----------
    text
        One clause or sentence of a report.
    lang
        Its language (ISO 639-1: en, ru, uk, be, pl).

    Returns
    -------
    list of (int, int)
        Character offsets into ``text``, from the comma before the relative pronoun to
        the end of the relative clause.

    Examples
    --------
    >>> text = "Завтра отправится эшелон, который прибыл 4 апреля."
    >>> [text[a:b] for a, b in relative_clauses(text, "ru")]
    [', который прибыл 4 апреля']
    """
    return [m.span() for m in _relative_re(lang).finditer(text)]


def earlier_arrival(text: str, lang: str, at: int, verbs: list[VerbCue]) -> bool:
    """Whether the date at ``at`` dates an arrival told in a relative clause, before a plan.

    True when the date lies in a relative clause whose verb is a past arrival ("который
    прибыл 4 апреля", "які прыбыў 4 красавіка", "który przyjechał 4 kwietnia", "which
    arrived on April 4") while the sentence outside it plans the train's departure
    ("должен отправиться", "ma wyjechać", "is due to leave"): the train arrived there
    before, the trip told leaves from there later, so the date is no date of that trip.

    Parameters
    ----------
    text
        The clause the date is in.
    lang
        Its language.
    at
        The date's start offset in ``text``.
    verbs
        The clause's verb cues (:func:`railtrack.extract.cues.verb_cues` or a lexicon
        reader's).

    Returns
    -------
    bool

    Examples
    --------
    >>> from railtrack.extract.cues import VerbCue
    >>> text = "Завтра должен отправиться эшелон, который прибыл 4 апреля."
    >>> verbs = [VerbCue("departure", 14, 25, False), VerbCue("arrival", 42, 48, True)]
    >>> earlier_arrival(text, "ru", text.index("4 апреля"), verbs)
    True
    >>> earlier_arrival(text, "ru", 0, verbs)
    False
    """
    for start, end in relative_clauses(text, lang):
        if not start <= at < end:
            continue
        inside = [v for v in verbs if start <= v.start < end]
        outside = [v for v in verbs if not start <= v.start < end]
        return (
            bool(inside)
            and all(v.role == "arrival" and v.past for v in inside)
            and any(v.role == "departure" and not v.past for v in outside)
        )
    return False


def main_verbs(text: str, lang: str, at: int, verbs: list[VerbCue]) -> list[VerbCue]:
    """Return the verbs that may govern a date at ``at``: not those of another clause.

    A date outside every relative clause is governed by the sentence's own verbs, never
    by a verb inside a relative clause ("Tomorrow a train, which arrived on April 4, is
    to leave Brest": tomorrow is the leaving's); a date inside one by all the verbs. When
    the sentence has no verb of its own outside them, all the verbs are returned.

    Parameters
    ----------
    text : str
        One sentence.
    lang : str
        Its language (the lexicon's ``relative_pronouns``).
    at : int
        The date's offset in ``text``.
    verbs : list of VerbCue
        The sentence's verb cues.

    Returns
    -------
    list of VerbCue
        A sub-list of ``verbs``, in their order.

    Examples
    --------
    >>> from railtrack.extract.cues import VerbCue
    >>> text = "Tomorrow a train, which arrived on April 4, is to leave Brest."
    >>> verbs = [VerbCue("arrival", 24, 31, True), VerbCue("departure", 50, 55, False)]
    >>> [v.role for v in main_verbs(text, "en", 0, verbs)]
    ['departure']
    """
    spans = relative_clauses(text, lang)
    if not spans or any(a <= at < b for a, b in spans):
        return verbs
    own = [v for v in verbs if not any(a <= v.start < b for a, b in spans)]
    return own or verbs

"""An arrival the report denies ("так и не пришёл", "nie dotarł", "never arrived").

"Ожидавшийся 15 апреля в Бресте эшелон так и не пришёл" (published 16 April) tells that
the train awaited at Brest had not arrived by the report's day: never an arrival, never
a sighting there (trial13 T1). The train keeps the day it was awaited (its expected
arrival) and is marked ``arrival_denied``; the status reads it as not arrived as of the
report (:mod:`railtrack.tracking`). A verb of arrival in the past (or English "did not
arrive", "has not arrived", "never arrived") with a negation right before it denies it;
a future one ("не прибудет", "will not arrive") is a forecast, left alone.
"""

from __future__ import annotations

import re

from railtrack.extract.cues import VerbCue

__all__ = ["denied_arrival"]

# English: a denial of a past arrival ("did not arrive", "has not arrived", "never
# arrived"); a present or future one ("do not unload", "will not arrive") is none
_PAST_DENIAL_EN = re.compile(
    r"\b(?:did|didn't|has|hasn't|have|haven't|had|hadn't|never|yet)\b[\w\s']*$", re.I
)


def denied_arrival(
    text: str,
    verbs: list[VerbCue],
    *,
    negated: re.Pattern[str],
    past: re.Pattern[str] | None,
) -> VerbCue | None:
    """Return the verb of an arrival ``text`` denies as done, if any.

    Parameters
    ----------
    text
        One clause of a report.
    verbs
        Its verb cues.
    negated
        A pattern that matches (with ``search``) a negation at the end of the words
        before a verb ("так и не ", "do tej pory nie ", "never ", "has not yet ").
    past
        A pattern that matches (with ``search``) the last word of a Slavic verb told as
        past; None for English, whose cues carry it (``VerbCue.past``) and whose
        negated past is the bare form ("did not arrive").

    Returns
    -------
    VerbCue or None
        The denied arrival's verb.

    Examples
    --------
    >>> from railtrack.extract.cues import VerbCue
    >>> neg = re.compile(r"(?:\\b(?:not|never|не)|n't)\\s+(?:\\w+\\s+){0,2}$", re.I)
    >>> text = "The train expected in Brest on April 15 never arrived."
    >>> denied_arrival(text, [VerbCue("arrival", 46, 53, True)], negated=neg, past=None)
    VerbCue(role='arrival', start=46, end=53, past=True)
    >>> text = "The train will not arrive in Brest."
    >>> denied_arrival(text, [VerbCue("arrival", 19, 25, False)], negated=neg, past=None)
    >>> text = "They do not unload the trains."
    >>> denied_arrival(text, [VerbCue("arrival", 12, 18, False)], negated=neg, past=None)
    """
    for verb in verbs:
        if verb.role != "arrival":
            continue
        before = text[max(0, verb.start - 32) : verb.start]
        found = negated.search(before)
        if found is None:
            continue
        if past is None:
            if verb.past or _PAST_DENIAL_EN.search(before[max(0, found.start() - 12) :]):
                return verb
            continue
        words = text[verb.start : verb.end].lower().split()
        if words and past.search(words[-1]) is not None:
            return verb
    return None

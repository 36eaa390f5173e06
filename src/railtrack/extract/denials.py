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

from railtrack.extract.cues import VerbCue
from railtrack.extract.tense import negated_before, past_denial, told_as_past

__all__ = ["denied_arrival"]


def denied_arrival(text: str, verbs: list[VerbCue], *, lang: str) -> VerbCue | None:
    """Return the verb of an arrival ``text`` denies as done, if any.

    Parameters
    ----------
    text
        One clause of a report.
    verbs
        Its verb cues.
    lang
        The clause's language: a Slavic verb is told as past by its ending
        (:func:`railtrack.extract.tense.told_as_past`); an English one by its cue or
        by a ``past_denial`` word before the negation ("did not arrive", "has not
        arrived", "never arrived").

    Returns
    -------
    VerbCue or None
        The denied arrival's verb.

    Examples
    --------
    >>> from railtrack.extract.cues import VerbCue
    >>> text = "The train expected in Brest on April 15 never arrived."
    >>> denied_arrival(text, [VerbCue("arrival", 46, 53, True)], lang="en")
    VerbCue(role='arrival', start=46, end=53, past=True)
    >>> text = "The train will not arrive in Brest."
    >>> denied_arrival(text, [VerbCue("arrival", 19, 25, False)], lang="en")
    >>> text = "They do not unload the trains."
    >>> denied_arrival(text, [VerbCue("arrival", 12, 18, False)], lang="en")
    """
    negated = negated_before()
    denial = past_denial(lang)
    for verb in verbs:
        if verb.role != "arrival":
            continue
        before = text[max(0, verb.start - 32) : verb.start]
        found = negated.search(before)
        if found is None:
            continue
        if denial is not None:
            if verb.past or denial.search(before[max(0, found.start() - 12) :]):
                return verb
            continue
        if told_as_past(text, verb, lang):
            return verb
    return None

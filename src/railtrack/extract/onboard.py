"""Whether a sentence tells of a train carrying people on an official trip.

"The armored train carrying North Korean leader Kim Jong-un has left the border station
of Hasan", "A special train with a Russian-South Korean commission ... left Primorye for
the DPRK", "поезд с делегацией прибыл в Хасан": a leader's, a delegation's or a
commission's train carries people, not a shipment, as a passenger service does (issue
13, session 18). The words are the lexicons' ``people_on_board`` (a ``with`` word, then
the people as its object: at most three words between and no preposition among them,
in the Slavic languages the instrumental forms only), after a train noun of the same
sentence. "A train with humanitarian aid from President Zelensky", "pociąg z pomocą
prezydenta", "эшелон с техникой для министра обороны" carry a load (review 18, #3).
"""

from __future__ import annotations

from collections.abc import Callable

from railtrack.extract.lexicon import LANGUAGES, lexicon

__all__ = ["carries_people"]


def carries_people(text: str, lang: str, train_at: Callable[[str], int | None]) -> bool:
    """Whether a sentence's train carries a leader, a delegation or a commission.

    Parameters
    ----------
    text
        One sentence (or clause) of a report.
    lang
        Its language (en, ru, uk, be, pl); another language has none.
    train_at
        Returns the character offset of the first train noun in a text, or None when
        it names none (the reader's own train nouns).

    Returns
    -------
    bool
        True when the lexicon's ``people_on_board`` phrase follows a train noun, its
        ``with`` word at most ``noun_reach`` words from the noun (3 in every lexicon:
        "train, which was carrying").

    Examples
    --------
    >>> def at(text):
    ...     return text.lower().find("train") if "train" in text.lower() else None
    >>> carries_people("The armored train carrying North Korean leader Kim left Hasan.", "en", at)
    True
    >>> carries_people("A train with 40 flatcars of tanks left Slonim.", "en", at)
    False
    >>> carries_people("The leader with his delegation visited the station.", "en", at)
    False
    >>> carries_people("A train of 30 cars with goods agreed with the commission left.", "en", at)
    False
    """
    if lang not in LANGUAGES:
        return False
    table = lexicon(lang)
    pattern = table.people_on_board
    if pattern is None:
        return False
    found = pattern.search(text)
    if found is None:
        return False
    start = train_at(text)
    if start is None or start >= found.start():
        return False
    # the people are the train's load only right after its noun ("the armored train
    # carrying", "a special train with"): "a train of 30 cars with equipment agreed
    # with the commission" carries equipment
    return len(text[start : found.start()].split()) <= table.people_on_board_reach

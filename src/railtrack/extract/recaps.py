"""Trains recalled over a past week or month: a tally, not trains told now.

News items and a channel's own posts close with a recap of the trains told before
("Last week, five trains with more than 200 cars in total arrived in Belarus", "На
прошлой неделе в Беларусь прибыли пять эшелонов", "W zeszłym tygodniu na Białoruś
przyjechało pięć pociągów, łącznie ponad 200 wagonów"). Listing those trains again
would count each twice, and the week says nothing of when each arrived. A count of
trains over a past month named from the report's day, or over a past week when the
sentence sums their cars (the lexicons' ``recap_span``), with no station and no day of
its own, is a tally, as a recalled count ("Нагадаємо, минулого тижня ...") already was
(trial15 T11). "Last week, five echelons left Belarus for the Donbas", no sum, may be
the week's news: trains.

:func:`names_recap_span` finds the span; the train assembly
(:mod:`railtrack.extract.trains`) judges the rest.
"""

from __future__ import annotations

from railtrack.extract.lexicon import LANGUAGES, lexicon

__all__ = ["names_recap_span"]


def names_recap_span(text: str, lang: str) -> bool:
    """Whether a text names a past week or month from the report's day ("last week").

    Parameters
    ----------
    text
        A sentence or a line of a report.
    lang
        Its language, one of :data:`railtrack.extract.lexicon.LANGUAGES`; another
        language names none.

    Returns
    -------
    bool
        True when one of the language's ``recap_span`` phrases is in the text.

    Examples
    --------
    >>> names_recap_span("Last week, five trains arrived in Belarus.", "en")
    True
    >>> names_recap_span("На мінулым тыдні ў Беларусь прыбылі пяць эшалонаў.", "be")
    True
    >>> names_recap_span("W zeszłym tygodniu na Białoruś przyjechało pięć pociągów.", "pl")
    True
    >>> names_recap_span("Вчера в Брест прибыли два эшелона.", "ru")
    False
    """
    if lang not in LANGUAGES:
        return False
    pattern = lexicon(lang).recap_span
    return pattern is not None and pattern.search(text) is not None

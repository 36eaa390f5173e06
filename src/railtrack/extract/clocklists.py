"""Times of day listed for several trains: one time for each train, in turn.

"3 trains passed Zhlobin today: at 8:00, 12:30 and 19:10", "за сутки через Оршу прошли
три эшелона: в 06:10, 11:40 и 19:25", "Przez Żłobin przejechały dziś 3 pociągi: o 8:00,
12:30 i 19:10": a sentence that counts N trains and names N times of day gives each
train its own time, in the order told (trial13 T9). A time is written in digits with
a colon ("8:00", "19:25"; "19.25" also writes a date, so it is not read), the same in
every language: this needs no language's words.

:func:`listed_times` finds them; the train assembly
(:mod:`railtrack.extract.trains`) gives each train of the group a sighting at that time.
"""

from __future__ import annotations

from railtrack.extract.clock import TIME_OF_DAY
from railtrack.extract.sentences import SENTENCE_OR_LINE_END, sentence_around

__all__ = ["listed_times"]


def listed_times(text: str, at: int, n_trains: int) -> list[tuple[int, int]] | None:
    """Return the (start, end) of each train's time in the sentence around ``at``.

    Parameters
    ----------
    text
        The report's text.
    at
        An offset inside the sentence that counts the trains (e.g. the count's start).
    n_trains
        How many trains the sentence counts.

    Returns
    -------
    list of (int, int) or None
        ``n_trains`` character spans of times of day, in text order, or None when the
        sentence does not name exactly one time for each of two or more trains.

    Examples
    --------
    >>> t = "Сегодня через Жлобин прошли 3 эшелона: в 8:00, 12:30 и 19:10. В 21:00 ..."
    >>> [t[a:b] for a, b in listed_times(t, 28, 3)]
    ['8:00', '12:30', '19:10']
    >>> listed_times("13 апреля в 22:40 прошли 2 эшелона.", 25, 2) is None
    True
    """
    if n_trains < 2 or not 0 <= at <= len(text):
        return None
    # a list of times ends with its line; "o godz. 8:00, 12:30 i 19:10": a clock word's
    # period ends no sentence
    lo, hi = sentence_around(text, at, ends=SENTENCE_OR_LINE_END, past_clock_words=True)
    spans = [(m.start(), m.end()) for m in TIME_OF_DAY.finditer(text, lo, hi)]
    return spans if len(spans) == n_trains else None

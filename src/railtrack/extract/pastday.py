"""Days a report leaves untold: the past day named in prose, a sighting with no day.

Two kinds of words date a train without naming a day (issue 13, session 17):

- **the past day** named in a sentence of prose ("За мінулыя суткі праз Асіповічы
  прайшлі два эшалоны", "За минувшие сутки ...", "За минулу добу ...", "W ciągu
  ostatniej doby ...", "Over the past day, ..."): the day before the report through
  the report's day, as a digest's heading with the same words dates its lines
  (the lexicon's ``past_day``, read by :func:`past_day_span`);
- **a sighting told as done with no day** ("Эшалон прайшоў праз Оршу ў бок
  Смаленска" in a post published on a known day): the train was there on or before
  the report's day. A sighting needs a day to be linked to the relays of the same
  post (:mod:`railtrack.relays`), so its window is the day before the report through
  the report's day (:func:`untold_day_window`), as the relays' follow-up rule dates
  a post's undated train; a told arrival with no day keeps its arrival undated
  (``arrival_told``), bounded by the report's day when tracked.
"""

from __future__ import annotations

from datetime import date, timedelta

from railtrack.extract.dates import PAST_DAY, DateSpan
from railtrack.extract.lexicon import LANGUAGES, lexicon
from railtrack.models import DateWindow

__all__ = ["past_day_span", "untold_day_window"]


def past_day_span(text: str, lang: str) -> DateSpan | None:
    """Return the words naming the past day in a sentence, as a relative date span.

    Parameters
    ----------
    text
        One clause or sentence of a report.
    lang
        Its language (en, ru, uk, be, pl); another language has none.

    Returns
    -------
    DateSpan or None
        The first match of the lexicon's ``past_day`` words, with offsets into
        ``text`` and the relative date ``past day`` (resolved by
        :func:`~railtrack.extract.dates.resolve_date` to the day before the report
        through its day); None when the text names no past day.

    Examples
    --------
    >>> from datetime import date
    >>> from railtrack.extract.dates import resolve_date
    >>> span = past_day_span("За минулу добу через Осиповичі пройшли два ешелони.", "uk")
    >>> span.text
    'За минулу добу'
    >>> w = resolve_date(span, date(2023, 5, 12))
    >>> (w.earliest, w.latest, w.precision)
    (datetime.date(2023, 5, 11), datetime.date(2023, 5, 12), 'days')
    >>> past_day_span("Эшелон прибыл в Брест.", "ru") is None
    True
    """
    if lang not in LANGUAGES:
        return None
    pattern = lexicon(lang).past_day
    found = pattern.search(text) if pattern is not None else None
    if found is None:
        return None
    start, end = found.span()
    return DateSpan(start, end, text[start:end], (("rel", PAST_DAY),))


def untold_day_window(published: date) -> DateWindow:
    """Return the window of an event told as done with no day: on or before ``published``.

    Parameters
    ----------
    published
        The report's publication day.

    Returns
    -------
    DateWindow
        The day before ``published`` through ``published`` (precision ``days``), so
        that the relays of one post, published the same day or the next, meet.

    Examples
    --------
    >>> w = untold_day_window(date(2023, 5, 12))
    >>> (w.earliest, w.latest, w.precision)
    (datetime.date(2023, 5, 11), datetime.date(2023, 5, 12), 'days')
    """
    return DateWindow(earliest=published - timedelta(days=1), latest=published, precision="days")

"""A departure told after the train's arrival: the train's next leg (trial15 T8).

"Эшалон з 45 вагонаў, які ўчора прыбыў у Асіповічы, сёння раніцай адправіўся ў бок
Бабруйска", "Pociąg ..., który wczoraj przyjechał do Osipowicz, dziś rano odjechał w
stronę Bobrujska", "The train that arrived in Osipovichi yesterday left this morning
towards Bobruisk": the arrival names the train (a relative clause), the main clause
tells where it went next. Read as one trip, the departure runs past the arrival and
was dropped, the direction lost, and the train left standing where it had arrived.

It is the train's next leg, told as :mod:`railtrack.onward` and
:mod:`railtrack.extract.itinerary` tell legs: the station it arrived at is where the
leg starts (its origin; the arrival's day is not kept as a sighting there, which
would date the train's last evidence before it left and have ``status`` read it as
arrived at its heading), the departure is the leg's, and the place told after the
departure verb (a direction, "ў бок Бабруйска", kept as such:
``destination_heading``) is where it goes. The verbs and places are the language's
reader's (its lexicon); no word is written here.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from railtrack.extract.readers import Reader
    from railtrack.extract.trains import TrainDraft

__all__ = ["next_leg"]

_ENDS = ("destination", "reach", "onward")
_SENTENCE_END = ".!?\n"


def _sentence_end(text: str, at: int) -> int:
    ends = [i for i in (text.find(c, at) for c in _SENTENCE_END) if i >= 0]
    return min(ends) if ends else len(text)


def _left_after(train: TrainDraft, text: str, rd: Reader) -> int | None:
    """Return where a past departure verb told after the train's arrival starts, or None."""
    dep, arr, dest = train.departure, train.arrival, train.destination
    if dep is None or arr is None or dest is None:
        return None
    if dep.value.earliest is None or arr.value.latest is None:
        return None
    told = [arr.end, dest.end, *([train.arrived.end] if train.arrived is not None else [])]
    after = max(told)  # the arrival as told: its day, its place, its verb
    if dep.value.earliest <= arr.value.latest or dep.start < arr.end:
        return None  # (a departure before the arrival: the one trip)
    end = _sentence_end(text, max(dep.start, after))
    verbs = [v for v in rd.verb_cues(text[after:end]) if v.role == "departure" and v.past]
    return after + verbs[0].start if verbs else None


def next_leg(train: TrainDraft, text: str, rd: Reader) -> bool:
    """Make a train's departure told after its arrival the train's next leg.

    Parameters
    ----------
    train
        A train of the report (changed in place when it applies).
    text
        The report's text (the facts' offsets are into it).
    rd
        The report's language reader (verbs and places from its lexicon).

    Returns
    -------
    bool
        Whether the train was read as its next leg: its arrival station is its
        origin, the departure is kept, the place told
        after the departure verb (in that sentence) is its destination, and the
        arrival is no longer the train's. False (the train unchanged) unless a past
        departure verb follows the arrival, the departure is dated after the arrival,
        and the train tells no origin of its own.

    Examples
    --------
    >>> from railtrack.extract import extract_shipments
    >>> t = ("Эшелон из 45 вагонов, который вчера прибыл в Осиповичи, сегодня утром "
    ...      "отправился в сторону Бобруйска.")
    >>> (s,) = extract_shipments(t, published="2023-05-19", lang="ru").shipments
    >>> s.origin.text, s.destination.text, s.destination_heading, str(s.departure.earliest)
    ('Осиповичи', 'Бобруйска', True, '2023-05-19')
    """
    from railtrack.extract.trains import Fact

    at = _left_after(train, text, rd)
    if at is None or train.origin is not None or train.destination is None:
        return False  # (a train with an origin of its own: one trip, its dates at odds)
    end = _sentence_end(text, at)
    places = [p for p in rd.find_places(text[at:end]) if p.role in _ENDS]
    arrived_at = train.destination
    train.origin = Fact(arrived_at.value, arrived_at.text, arrived_at.start, arrived_at.end)
    train.arrival = None
    train.arrived = None
    train.destination = None
    if places:
        p = places[0]
        span = replace(p, start=p.start + at, end=p.end + at, cue_start=p.cue_start + at)
        train.destination = Fact(span, span.text, span.start, span.end)
    return True

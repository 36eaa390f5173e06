"""A report's lead: the destination of every train it goes on to tell.

Military and logistics pages open with where the movement goes and only then tell the
trains: "Kierunek: Drawsko Pomorskie" over an article on a unit's rail transport, "W
kierunku Orzysza ... przemieszczają się żołnierze oraz sprzęt" before "Zorganizowano
11 transportów operacyjnych", "Направление — Валуйки" over a post. The trains told
later name no destination of their own: the lead's is theirs.
:func:`lead_destination` finds such a lead (the report's first sentence opens with
a destination cue, names one destination and no origin); :func:`give_lead_destination`
gives it to the trains when none of the report's trains or groups has a destination
(a report whose trains name their own ends keeps them).

Examples
--------
>>> from railtrack.extract.readers import reader_for
>>> lead = lead_destination("Kierunek: Drawsko Pomorskie\\nPociąg wyjechał.", reader_for("pl"))
>>> lead.text, lead.start
('Drawsko Pomorskie', 10)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from railtrack.extract.places import PlaceSpan
from railtrack.extract.sentences import sentence_bounds

if TYPE_CHECKING:
    from railtrack.extract.trains import ReportDraft

__all__ = ["give_lead_destination", "lead_destination"]


def lead_destination(text: str, reader: Any) -> PlaceSpan | None:
    """Return the destination a report's opening sentence heads with, else None.

    Parameters
    ----------
    text
        The report.
    reader
        The report language's reader (``find_places``).

    Returns
    -------
    PlaceSpan or None
        The place, its offsets in ``text``: only when the first sentence (or first
        line) opens with a destination cue ("Kierunek:", "W kierunku", "Направление
        —", "In the direction of"), names no other destination, no origin and no
        train (a sentence that tells a train is no lead).

    Examples
    --------
    >>> from railtrack.extract.readers import reader_for
    >>> text = "Kierunek: Drawsko Pomorskie. Na stację przyjechał pociąg z 30 platformami."
    >>> lead_destination(text, reader_for("pl")).text
    'Drawsko Pomorskie'
    >>> lead_destination("Pociąg przyjechał do Brześcia.", reader_for("pl")) is None
    True
    """
    bounds = sentence_bounds(text)
    if not bounds:
        return None
    start, end = bounds[0]
    newline = text.find("\n", start, end)
    if newline != -1:
        end = newline  # a lead on its own line
    first = text[start:end]
    if reader.has_train_noun(first):
        return None  # a sentence telling a train ("В г. Кинель ... заметили состав"): no lead
    skipped = len(first) - len(first.lstrip())
    places = reader.find_places(first)
    destinations = [p for p in places if p.role == "destination"]
    if len(destinations) != 1 or any(p.role == "origin" for p in places):
        return None
    place = destinations[0]
    if place.cue_start != skipped:
        return None  # the sentence opens with something else: no lead
    return PlaceSpan(
        place.role, place.text, place.start + start, place.end + start, place.cue_start + start,
        place.lang,
    )  # fmt: skip


def give_lead_destination(draft: ReportDraft, text: str, reader: Any) -> None:
    """Give a report's lead destination to its trains when none names one.

    Parameters
    ----------
    draft
        The report's trains and groups; changed in place (each train kept, not
        vetoed, takes the lead's as an inferred destination).
    text
        The report as read.
    reader
        The report language's reader.

    Examples
    --------
    >>> from railtrack.extract.readers import reader_for
    >>> from railtrack.extract.trains import ReportDraft, TrainDraft
    >>> draft = ReportDraft(trains=[TrainDraft()])
    >>> text = "Kierunek: Drawsko Pomorskie. Na stację przyjechał pociąg z 30 platformami."
    >>> give_lead_destination(draft, text, reader_for("pl"))
    >>> draft.trains[0].destination.text, draft.trains[0].destination.inferred
    ('Drawsko Pomorskie', True)
    """
    kept = [t for t in draft.trains if not t.vetoed]
    if not kept or any(t.destination is not None for t in kept):
        return
    if any(g.destination is not None for g in draft.groups):
        return
    lead = lead_destination(text, reader)
    if lead is None:
        return
    from railtrack.extract.trains import Fact

    fact = Fact(lead, text[lead.start : lead.end], lead.start, lead.end, inferred=True)
    for train in kept:
        train.destination = fact

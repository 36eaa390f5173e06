"""Trains counted by day and station in one sentence: one item each.

"13 апреля из Бреста ушли 2 эшелона, 12 апреля из Барановичей — 1", "on April 13 two
echelons left Brest, on April 12 one left Baranavichy", "13 kwietnia z Brześcia
wyjechały 2 składy, 12 kwietnia z Baranowicz – 1": each part of the sentence between
commas or semicolons that gives a date, a place and a count of trains is its own group
of trains, with its own day and its own place (trial13 T6). The parts after the first
often leave out the train noun and the verb ("— 1"): their count is the one number
they hold, and the trains are of the kind the first part names.

:func:`day_items` finds the parts; the train assembly (:mod:`railtrack.extract.trains`)
reads each as a group (or one train), the left-out verb's role taken from the part
before. This needs no words of a language beyond what the readers already know
(dates, places, numbers, train nouns).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from railtrack.extract.places import PlaceSpan
    from railtrack.extract.readers import Reader

__all__ = ["DayItem", "day_items"]

# where the parts of a sentence meet: a comma or a semicolon, not inside a number ("1,5"),
# after a date too ("two trains left Orsha on May 3, one left Slonim on May 2")
_PART_END = re.compile(r"(?<!\d)[,;]|[,;](?!\d)")


@dataclass(frozen=True)
class DayItem:
    """One part of a sentence counting trains by day and station.

    ``start``/``end`` are offsets into the text given; ``n_trains`` is the count;
    ``elided`` says the part names no train itself ("12 апреля из Барановичей — 1");
    ``places`` are the places it names, offsets into the part, read as if the verb
    left out stood before it ("13 апреля в Лунинец — 2": "в Лунинец" as after
    "прибыли", a destination).
    """

    start: int
    end: int
    n_trains: int
    elided: bool
    places: tuple[PlaceSpan, ...] = ()


def day_items(text: str, rd: Reader) -> list[DayItem] | None:
    """Return the parts of a sentence that each count trains on a day at a place.

    Parameters
    ----------
    text
        One clause or sentence of a report.
    rd
        The reader of the text's language.

    Returns
    -------
    list of DayItem or None
        Two or more parts, in order, up to the text's end (the first starts after a
        preamble ending with a colon, "Эшелоны возвращаются в Россию:", which is said
        of them all, else at 0), or None when the text is no such list: a part without
        exactly one date, without a place, or whose count is not one number of trains;
        the first part must name the trains it counts.

    Examples
    --------
    >>> from railtrack.extract.readers import reader_for
    >>> t = "13 апреля из Бреста ушли 2 эшелона, 12 апреля из Барановичей — 1."
    >>> [(t[i.start : i.end].strip(), i.n_trains, i.elided) for i in day_items(t, reader_for("ru"))]
    [('13 апреля из Бреста ушли 2 эшелона', 2, False), ('12 апреля из Барановичей — 1.', 1, True)]
    >>> day_items("13 апреля из Бреста ушли 2 эшелона.", reader_for("ru")) is None
    True
    """
    cuts = list(_PART_END.finditer(text))
    if not cuts:
        return None
    starts = [0, *(m.end() for m in cuts)]
    parts = list(zip(starts, [*(m.start() for m in cuts), len(text)], strict=True))
    items: list[DayItem] = []
    for k, (start, end) in enumerate(parts):
        verb = _verb_of(text[items[0].start : items[0].end], rd) if items else ""
        item = _item(text, start, end, rd, verb, first=not items)
        if item is None:
            if items and k == len(parts) - 1:
                break  # (a closing remark after the list: left to the last item)
            if items:
                return None
            continue  # (words before the list, a preamble: the first item takes them)
        items.append(item)
    if len(items) < 2:
        return None
    first = items[0]
    head = text.rfind(":", 0, first.start + rd.find_dates(text[first.start : first.end])[0].start)
    # ("Эшелоны возвращаются в Россию: 13 апреля ...": the preamble is said of them all)
    items[0] = replace(first, start=head + 1)
    items[-1] = replace(items[-1], end=len(text))
    return items


def _verb_of(part: str, rd: Reader) -> str:
    """Return the words of the last verb of moving in a part ("ушли"), "" for none."""
    verbs = [v for v in rd.verb_cues(part) if v.role != "neutral"]
    return part[verbs[-1].start : verbs[-1].end] if verbs else ""


def _places(part: str, rd: Reader, verb: str) -> tuple[PlaceSpan, ...]:
    """Return the places a part names, read after ``verb`` when it names none alone."""
    found = rd.find_places(part)
    if found or not verb:
        return tuple(found)
    lead = f"{verb} "
    return tuple(
        replace(
            p, start=p.start - len(lead), end=p.end - len(lead), cue_start=p.cue_start - len(lead)
        )
        for p in rd.find_places(lead + part)
        if p.cue_start >= len(lead)
    )


def _item(text: str, start: int, end: int, rd: Reader, verb: str, *, first: bool) -> DayItem | None:
    """Read one part as an item: one date, a place, a count of trains; None if not."""
    part = text[start:end]
    dates = rd.find_dates(part)
    places = _places(part, rd, verb)
    if len(dates) != 1 or not places or rd.find_car_counts(part):
        return None
    announcement = rd.group_announcement(part)
    if announcement is not None:
        return DayItem(start, end, announcement.n_trains, elided=False, places=places)
    lone_number = getattr(rd, "lone_number", None)
    # the number of trains, before the date or after it ("12 апреля из Барановичей — 1",
    # "one left Slonim on May 2"): the part's one number once its date is left out
    day = dates[0]
    undated = f"{part[: day.start]} {part[day.end :]}"
    n = lone_number(undated) if lone_number is not None else None
    if n is None or n < 1:
        return None
    named = rd.has_train_noun(part)
    if first and not named:
        return None  # (the first item names the trains the others leave out)
    return DayItem(start, end, n, elided=not named, places=places)

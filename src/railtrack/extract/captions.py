"""A caption that only names a photo of a train ("Zdjęcie pociągu z Brześcia"): no train.

A channel's photo post captioned "Zdjęcie pociągu z Brześcia", "Фота эшалона з Брэста",
"Фото эшелона из Бреста" or "Photo of a train from Brest" shows a train; the words
tell no movement of it: no verb, no day, no place it was seen at. Read as a train from
Brest it was counted among the trains "reported moving" (trial14 T7). A caption that
tells more is read as before: "На фота эшалон, які сёння прыбыў у Брэст" has a verb
and a day (an arrival), "Nagranie pociągu z czołgami w Orszy" a place the train was
at (a sighting there), "Photo of a train in Homel on 3 May" a place and a day.

The photo words are each lexicon's ``photo_nouns``; what a caption tells is asked of
the language's reader (verbs, dates, places and their roles).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from railtrack.extract.lexicon import lexicon

if TYPE_CHECKING:
    from railtrack.extract.readers import Reader

__all__ = ["is_bare_caption"]

# what may stand before the photo word: spaces, quotes, dashes, brackets, bullets
_LEAD_RE = re.compile(r"[\s\"'«»„“”()\[\]•*–—-]*")
# the roles of a place a train is named by ("pociąg z Brześcia", "a train to Minsk"),
# not one it was at
_NAMING_ROLES = frozenset({"origin", "destination", "reach"})


def is_bare_caption(rd: Reader, text: str) -> bool:
    """Whether ``text`` is a caption naming a photo of a train and no movement of it.

    Parameters
    ----------
    rd
        The reader of the text's language.
    text
        A sentence or clause of a report.

    Returns
    -------
    bool
        True when the text starts with a photo word (the lexicon's ``photo_nouns``:
        "Zdjęcie", "Na zdjęciu", "Фота", "Photo of"), names a train, and has no verb
        of its own (a cue inside the photo word, as English "photo of a train", does
        not count), no date, and no place but those a train is named by (its origin
        or destination).

    Examples
    --------
    >>> from railtrack.extract.readers import reader_for
    >>> is_bare_caption(reader_for("pl"), "Zdjęcie pociągu z Brześcia")
    True
    >>> is_bare_caption(reader_for("pl"), "Na zdjęciu pociąg, który dziś przyjechał do Brześcia.")
    False
    >>> is_bare_caption(reader_for("en"), "Photo of a train from Brest")
    True
    >>> is_bare_caption(reader_for("en"), "Photo of a train in Homel on 3 May")
    False
    """
    pattern = lexicon(rd.lang).photo_nouns
    if pattern is None:
        return False
    lead = _LEAD_RE.match(text)
    begin = lead.end() if lead is not None else 0
    photo = pattern.match(text, begin)
    if photo is None or not rd.has_train_noun(text):
        return False
    if any(not photo.start() <= v.start < photo.end() for v in rd.verb_cues(text)):
        return False
    if rd.find_dates(text):
        return False
    return all(p.role in _NAMING_ROLES for p in rd.find_places(text))

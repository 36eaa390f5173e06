"""Later trains: a train told as one after another ("the second", "another", "kolejny").

A channel posts "Сёння ноччу ў Лунінец прыбыў першы з двух чаканых эшалонаў ...", then
"Другі эшалон прыбыў у Лунінец а 05:20 ...": the second post tells a new train, though
its ends, counts and days fit the first (trial13 T13). The words that introduce a train
(:class:`railtrack.extract.cues.TrainMarker`: "the second", "ещё один", "чарговы",
"kolejny", "another") say so; :func:`told_later` reads them, and the shipment keeps it
(``later_train``), so that :mod:`railtrack.relays` never takes it for a follow-up of
the channel's earlier train that was not itself told as a later one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from railtrack.extract.lexicon import LANGUAGES, lexicon
from railtrack.extract.textpass import without_format

if TYPE_CHECKING:
    from railtrack.extract.trains import Fact

__all__ = ["told_later"]

_LATER_KINDS = frozenset({"more", "another"})  # "ещё один", "kolejny", "another"
_ORDERED_KINDS = frozenset({"ordinal", "other"})  # "the second" / "the last": not "the first"


def told_later(marker: Fact | None, lang: str | None) -> bool:
    """Return whether the words introducing a train tell it as one after another.

    Parameters
    ----------
    marker
        The fact of the words that introduced the train (``TrainDraft.marker``, whose
        value is a :class:`~railtrack.extract.cues.TrainMarker`), or None.
    lang
        The language they were read in; its lexicon's ``first_ordinals`` say which
        ordinals are "first".

    Returns
    -------
    bool
        True for "another", "one more", "the next" (``more``, ``another`` markers) and
        for an ordinal or "the other/last" that is not "first"; False otherwise.

    Examples
    --------
    >>> from railtrack.extract.cues import TrainMarker
    >>> from railtrack.extract.trains import Fact
    >>> def fact(kind, text):
    ...     return Fact(TrainMarker(kind, 0, len(text), text), text, 0, len(text))
    >>> told_later(fact("ordinal", "Другі"), "be"), told_later(fact("ordinal", "Першы"), "be")
    (True, False)
    >>> told_later(fact("another", "Kolejny"), "pl"), told_later(None, "pl")
    (True, False)
    >>> told_later(fact("ordinal", "The first"), "en")
    False
    """
    if marker is None:
        return False
    kind = getattr(marker.value, "kind", None)
    if kind in _LATER_KINDS:
        return True
    if kind not in _ORDERED_KINDS:
        return False
    first = lexicon(lang).first_ordinals if lang in LANGUAGES else frozenset()
    # (the marker's text as written: a soft hyphen or a zero-width space may cut a word)
    words = without_format(marker.text).split()
    return not any(word.casefold() in first for word in words)

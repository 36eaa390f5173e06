"""A train's place in a running count is no new train (trial17 T4).

"Сегодня утром на станцию Лунинец прибыл эшелон. Это уже третий эшелон в Лунинец за
неделю" tells one train and counts it: "третий" is that train's place among the week's
trains, not a third train. An ordinal right after a word of the lexicon's
``running_count`` ("уже", "вже", "ўжо", "już", "already"; three words at most between)
opens no train.
"""

from __future__ import annotations

from railtrack.extract.lexicon import LANGUAGES, lexicon, tokens

__all__ = ["counts_running"]

_WORDS_BEFORE = 3
"""How many words before the ordinal may hold the running-count word."""


def counts_running(text: str, start: int, lang: str | None) -> bool:
    """Whether the ordinal at ``start`` of ``text`` counts a train told already.

    Parameters
    ----------
    text : str
        A clause.
    start : int
        The offset in ``text`` of the ordinal's marker (its article included).
    lang : str or None
        The clause's language; one railtrack does not read has no such words.

    Returns
    -------
    bool
        True when one of the last three words before ``start`` is one of the
        language's ``running_count`` words.

    Examples
    --------
    >>> text = "Это уже третий эшелон в Лунинец за неделю."
    >>> counts_running(text, text.index("третий"), "ru")
    True
    >>> text = "This is already the third train to Luninets this week."
    >>> counts_running(text, text.index("the third"), "en")
    True
    >>> text = "Второй эшелон прибыл в Брест."
    >>> counts_running(text, 0, "ru")
    False
    """
    if lang not in LANGUAGES:
        return False
    words = lexicon(lang).running_count
    if not words:
        return False
    before = [t.low for t in tokens(text[:start]) if t.low[:1].isalpha()]
    return any(w in words for w in before[-_WORDS_BEFORE:])

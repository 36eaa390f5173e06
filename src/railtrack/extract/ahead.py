"""A move told ahead: a modal before an infinitive, or a verb in the future, is a plan.

"Do Brześcia ma przyjechać jeszcze jeden pociąg" (is to arrive), "Do Łunińca mają
przyjechać 2 pociągi", "должен прибыть", "має прибути", "павінен прыбыць": a modal (the
lexicon's ``modals.words``) with the infinitive of a verb of moving after it (a word
ending in one of ``modals.infinitive_endings`` where a verb cue starts) tells a move
not made yet, so the train is planned, never seen (trial15 T3). A clause whose verbs
of moving are all told ahead ("Цими днями до Бреста прибуде ешелон", "В Брест прибудет
эшелон": the lexicon's ``verbs.forward``) is a plan too, as it is with a day ("Завтра
... прибудет"). English carries its future in its own cues ("is to arrive", "is due",
"will arrive": :mod:`railtrack.extract.cues`).
"""

from __future__ import annotations

from collections.abc import Sequence

from railtrack.extract.cues import VerbCue
from railtrack.extract.lexicon import LANGUAGES, lexicon, tokens

__all__ = ["modal_before", "modal_plan_at", "told_ahead"]

_SKIPPED = 1
"""Words that may stand between a modal and its infinitive ("ma jeszcze przyjechać")."""


def _infinitive_after(lang: str, text: str, start: int, verbs: Sequence[VerbCue]) -> int | None:
    """Return the start of a verb of moving in the infinitive right after ``start``."""
    lex = lexicon(lang)
    starts = {v.start for v in verbs if v.role != "neutral"}
    toks = [t for t in tokens(text[start:]) if t.low[:1].isalpha()]
    for tok in toks[: _SKIPPED + 1]:
        if tok.low.endswith(lex.infinitive_endings) and start + tok.start in starts:
            return start + tok.start
    return None


def modal_plan_at(text: str, lang: str, verbs: Sequence[VerbCue]) -> int | None:
    """Where a modal with the infinitive of a verb of moving starts in ``text``, if any.

    Parameters
    ----------
    text : str
        One clause.
    lang : str
        Its language; one with no ``modals`` in its lexicon (English) has none.
    verbs : sequence of VerbCue
        The clause's verb cues: the infinitive must be one of them (a verb of moving).

    Returns
    -------
    int or None
        The modal's offset in ``text``.

    Examples
    --------
    >>> text = "Do Brześcia ma przyjechać jeszcze jeden pociąg."
    >>> modal_plan_at(text, "pl", [VerbCue("arrival", 15, 25, True)])
    12
    >>> modal_plan_at("Pociąg ma 40 wagonów.", "pl", []) is None
    True
    """
    if lang not in LANGUAGES:
        return None
    lex = lexicon(lang)
    if not lex.modals or not lex.infinitive_endings:
        return None
    for tok in tokens(text):
        if tok.low in lex.modals and _infinitive_after(lang, text, tok.end, verbs) is not None:
            return tok.start
    return None


def modal_before(text: str, lang: str, verb: VerbCue) -> bool:
    """Whether ``verb`` is an infinitive after a modal ("ma przyjechać", "має прибути").

    Examples
    --------
    >>> modal_before("Do Brześcia ma przyjechać pociąg.", "pl", VerbCue("arrival", 15, 25, True))
    True
    >>> modal_before("Do Brześcia przyjechał pociąg.", "pl", VerbCue("arrival", 12, 22, True))
    False
    """
    if lang not in LANGUAGES:
        return False
    lex = lexicon(lang)
    if not lex.modals or not lex.infinitive_endings:
        return False
    before = [t for t in tokens(text[: verb.start]) if t.low[:1].isalpha()]
    return any(
        t.low in lex.modals and _infinitive_after(lang, text, t.end, [verb]) == verb.start
        for t in before[-(_SKIPPED + 1) :]
    )


def told_ahead(verbs: Sequence[VerbCue], lang: str) -> bool:
    """Whether a clause's verbs of moving are all told ahead (Slavic languages only).

    A lexicon language's verb cue is not ``past`` only when a word of its ``forward``
    list (a future form, a modal) is right before it or is it; English cues mark the
    present as not past too ("is heading"), so English is never read here.

    Examples
    --------
    >>> told_ahead([VerbCue("arrival", 10, 18, False)], "uk")
    True
    >>> told_ahead([VerbCue("arrival", 10, 18, True)], "uk")
    False
    >>> told_ahead([VerbCue("arrival", 10, 18, False)], "en")
    False
    """
    if lang == "en" or lang not in LANGUAGES:
        return False
    moving = [v for v in verbs if v.role != "neutral"]
    return bool(moving) and not any(v.past for v in moving)

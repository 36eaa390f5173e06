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
from railtrack.extract.relatives import relative_clauses

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


def told_ahead(text: str, verbs: Sequence[VerbCue], lang: str) -> bool:
    """Whether a clause's verbs of moving are all arrivals told ahead (Slavic languages).

    Each must itself be a finite future form (a word of the lexicon's ``forward`` list
    starts where the verb does: "прибудет", "прибуде", "прыбудзе", "przyjedzie"); a
    word of the future merely near a verb told as done ("может", "будет" before
    "прибыл"), an infinitive of purpose ("by dotrzeć") or a verbal noun ("прибытие")
    is not one. Such an arrival is awaited (``expected``), as English "will arrive" is;
    a departure told ahead is read as a plan elsewhere
    (:func:`railtrack.extract.trains._leaves_later`). English cues carry their tense
    themselves, so English is never read here.

    Examples
    --------
    >>> text = "Цими днями до Бреста прибуде ешелон."
    >>> told_ahead(text, [VerbCue("arrival", 21, 28, False)], "uk")
    True
    >>> text = "Учора до Бреста прибув ешелон."
    >>> told_ahead(text, [VerbCue("arrival", 16, 22, True)], "uk")
    False
    >>> told_ahead("A train will arrive.", [VerbCue("arrival", 13, 19, False)], "en")
    False
    """
    if lang == "en" or lang not in LANGUAGES:
        return False
    # a relative clause's verb tells of another train or another time ("ten skład nie
    # jest ostatnim, który przybędzie": the next one)
    inside = relative_clauses(text, lang)
    moving = [
        v for v in verbs if v.role != "neutral" and not any(a < v.start < b for a, b in inside)
    ]
    if not moving or any(v.role != "arrival" or v.past for v in moving):
        return False
    lex = lexicon(lang)
    for verb in moving:
        word = text[verb.start : verb.end].split()[-1].lower() if verb.end > verb.start else ""
        if word.endswith(lex.infinitive_endings) or word.endswith(lex.verbal_noun_endings):
            return False  # ("by dotrzeć", "обеспечили прибытие": no verb told ahead)
        if lex.forward is None or lex.forward.match(text, verb.start) is None:
            return False
    return True

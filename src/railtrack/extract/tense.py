"""Whether a verb is told as done, and the negations before verbs, from the lexicons.

A Slavic verb tells its past by its ending ("прибыл", "прибыла", "отправлен",
"dotarł", "przyjechali"): the ``past_endings`` of the language's lexicon. English verb
cues carry the tense themselves (:class:`railtrack.extract.cues.VerbCue` ``past``).
A negation right before a verb ("так и не пришёл", "nie dotarł", "has not yet
arrived") is any language's ``negations`` (quotes mix languages); English tells a
denied past arrival by a ``past_denial`` word before the negation ("did not arrive",
"has not arrived"), not by the verb ("will not arrive" denies nothing).
"""

from __future__ import annotations

import re
from functools import lru_cache

from railtrack.extract.cues import VerbCue
from railtrack.extract.lexicon import LANGUAGES, lexicon

__all__ = ["negated_before", "past_denial", "past_form", "told_as_past", "told_as_plan"]


def _alternation(words: list[str]) -> str:
    """Return an alternation of ``words`` (longest first), a space matching any run."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


@lru_cache(maxsize=1)
def negated_before() -> re.Pattern[str]:
    """Return the pattern of a negation at the end of the words before a verb.

    Up to two words may stand between the negation and the verb ("has not yet
    arrived", "так и не смог прибыть"); match with ``search`` on the text before the
    verb. The negations of every language are read at once.

    Returns
    -------
    re.Pattern
        Case-insensitive.

    Examples
    --------
    >>> bool(negated_before().search("Эшелон так и не "))
    True
    >>> bool(negated_before().search("The train didn't "))
    True
    >>> bool(negated_before().search("The train has "))
    False
    """
    words = [w for lang in LANGUAGES for w in lexicon(lang).negations]
    whole = [w for w in words if not w.startswith("-")]
    endings = [w[1:] for w in words if w.startswith("-")]
    told = rf"\b(?:{_alternation(whole)})"
    if endings:
        told = rf"(?:{told}|{_alternation(endings)})"
    return re.compile(told + r"\s+(?:\w+\s+){0,2}$", re.IGNORECASE)


@lru_cache(maxsize=len(LANGUAGES))
def past_form(lang: str) -> re.Pattern[str] | None:
    """Return the pattern of a word told as past in ``lang``, None where verbs carry it.

    Parameters
    ----------
    lang : str
        A language code; one railtrack has no lexicon for has no pattern.

    Returns
    -------
    re.Pattern or None
        Matches (with ``search``) the ending of a verb's last word; None for a
        language with no ``past_endings`` (English).

    Examples
    --------
    >>> bool(past_form("ru").search("прибыл")), bool(past_form("ru").search("прибудет"))
    (True, False)
    >>> past_form("en") is None
    True
    """
    endings = lexicon(lang).past_endings if lang in LANGUAGES else ()
    if not endings:
        return None
    return re.compile(rf"(?:{_alternation(list(endings))})$")


@lru_cache(maxsize=len(LANGUAGES))
def past_denial(lang: str) -> re.Pattern[str] | None:
    """Return the pattern of words that make a negation deny a past arrival, if any.

    Match with ``search`` on the text from a dozen characters before the negation to
    the verb ("The train did not arrive", "it has not yet arrived").

    Parameters
    ----------
    lang : str
        A language code; one railtrack has no lexicon for has no pattern.

    Returns
    -------
    re.Pattern or None
        None for a language whose lexicon has no ``past_denial`` words (the Slavic
        ones: their verbs tell the past by their endings).

    Examples
    --------
    >>> bool(past_denial("en").search("train has not "))
    True
    >>> bool(past_denial("en").search("train will not "))
    False
    """
    words = lexicon(lang).past_denial if lang in LANGUAGES else ()
    if not words:
        return None
    return re.compile(rf"\b(?:{_alternation(list(words))})\b[\w\s']*$", re.IGNORECASE)


def told_as_past(text: str, verb: VerbCue, lang: str) -> bool:
    """Whether ``verb`` is told as past in ``text``.

    Parameters
    ----------
    text : str
        The clause the verb cue's offsets point into.
    verb : VerbCue
        A verb cue of ``text``.
    lang : str
        The clause's language.

    Returns
    -------
    bool
        For a Slavic language, whether the verb's last word has a past ending of
        the lexicon; for English, the cue's own ``past``.

    Examples
    --------
    >>> told_as_past("Эшелон прибыл в Брест.", VerbCue("arrival", 7, 13, True), "ru")
    True
    >>> told_as_past("Эшелон прибудет в Брест.", VerbCue("arrival", 7, 15, True), "ru")
    False
    >>> told_as_past("The train arrived.", VerbCue("arrival", 10, 17, True), "en")
    True
    """
    past = past_form(lang)
    if past is None:
        return verb.past
    words = text[verb.start : verb.end].lower().split()
    return bool(words) and past.search(words[-1]) is not None


@lru_cache(maxsize=len(LANGUAGES))
def _plan_words(lang: str) -> re.Pattern[str] | None:
    """Return the pattern of a language's ``plan_words`` as whole words, or None."""
    words = lexicon(lang).plan_words
    if not words:
        return None
    return re.compile(rf"(?<![\w-])(?:{_alternation(list(words))})(?![\w-])", re.IGNORECASE)


def told_as_plan(text: str, lang: str) -> bool:
    """Whether ``text`` tells a plan or a need ahead (the lexicon's ``plan_words``).

    "22 echelons will be withdrawn", "будут выведены", "zostaną wycofane": what is
    counted under such words is planned or needed, not seen.

    Parameters
    ----------
    text : str
        One clause or piece of one.
    lang : str
        The clause's language (one of :data:`railtrack.extract.lexicon.LANGUAGES`).

    Returns
    -------
    bool
        Whether one of the language's plan words stands in ``text`` as a whole word.

    Examples
    --------
    >>> told_as_plan("22 echelons will be withdrawn from the base.", "en")
    True
    >>> told_as_plan("22 echelons were withdrawn from the base.", "en")
    False
    >>> told_as_plan("Из Грузии будут выведены 22 эшелона.", "ru")
    True
    """
    pattern = _plan_words(lang)
    return pattern is not None and pattern.search(text) is not None

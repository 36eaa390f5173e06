"""Whether a sentence told after a train speaks of that train at all.

"Eszelon z 40 wagonami przyjechał do Baranowicz. Jutro spodziewany jest przyjazd
delegacji do Kijowa.": the second sentence names no train; its subject is a
delegation, so Kyiv is no end of the train, tomorrow no day of it, the expectation no
claim on it (session 17 T1). A sentence after a train speaks of it when it names a
train or a car, a count, a pronoun for the train (the lexicons' ``train_pronouns``:
"ён", "он", "він", "on", "it"; not the impersonal "it" of the lexicons'
``dummy_subjects``, "It is expected that"), or leaves its subject out, continuing the train's
clause ("Planowany przyjazd do Briańska po 16 marca"); it speaks of something else
when, with none of these, it names a subject that is no train (the lexicons'
``other_movers``: a delegation, a minister, a column of cars, people; and their
``road`` words).
"""

from __future__ import annotations

from railtrack.extract.lexicon import LANGUAGES, lexicon

__all__ = ["names_another_subject", "names_train_pronoun"]


def names_train_pronoun(text: str, lang: str) -> bool:
    """Whether a text has a pronoun that may stand for a train told before.

    Parameters
    ----------
    text
        One clause or sentence of a report.
    lang
        Its language (en, ru, uk, be, pl); another language has none.

    Returns
    -------
    bool

    Examples
    --------
    >>> names_train_pronoun("Ожидается, что он прибудет в Клинцы 15 марта.", "ru")
    True
    >>> names_train_pronoun("Завтра ожидается прибытие делегации в Киев.", "ru")
    False
    >>> names_train_pronoun("It is expected that the minister will arrive in Kyiv.", "en")
    False
    >>> names_train_pronoun("It is expected that it will arrive in Kyiv.", "en")
    True
    """
    if lang not in LANGUAGES:
        return False
    lex = lexicon(lang)
    pattern = lex.train_pronouns
    if pattern is None:
        return False
    if lex.dummy_subjects is not None:
        # "It is expected that ...": an impersonal "it" stands for nothing (review17 #7)
        text = lex.dummy_subjects.sub(lambda m: " " * len(m[0]), text)
    return pattern.search(text) is not None


def names_another_subject(text: str, lang: str) -> bool:
    """Whether a text names a subject that is no train (a delegation, a minister, a column of cars).

    Parameters
    ----------
    text
        One clause or sentence of a report.
    lang
        Its language (en, ru, uk, be, pl); another language has none.

    Returns
    -------
    bool
        True when a word of the lexicon's ``other_movers`` or ``road`` is in ``text``.
        Whether the text names a train too is the caller's to ask.

    Examples
    --------
    >>> names_another_subject("Jutro spodziewany jest przyjazd delegacji do Kijowa.", "pl")
    True
    >>> names_another_subject("The minister is expected to arrive in Kyiv tomorrow.", "en")
    True
    >>> names_another_subject("Planowany przyjazd do Briańska po 16 marca.", "pl")
    False
    """
    if lang not in LANGUAGES:
        return False
    lex = lexicon(lang)
    return any(
        pattern is not None and pattern.search(text) is not None
        for pattern in (lex.other_movers, lex.road)
    )

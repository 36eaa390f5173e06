"""A word's nominative as pymorphy3's ``Parse.inflect({"nomn"})`` gives it, without its lexeme.

The rule (pymorphy3 2.0, ``MorphAnalyzer._inflect``): of the forms of the word's lexeme
whose grammemes include ``nomn``, take the first most similar to the parse's own
grammemes with ``nomn`` put in (similarity: shared grammemes less a tenth of the
differing ones); no such form gives None. ``Parse.inflect`` builds the whole lexeme to
do it (every form's word and parse, 10-30 of them), which was a quarter of the time of a
Cyrillic case form's resolution (issue 15, session 14).

Here the choice is made on the paradigm's tags alone, once per (paradigm, form index)
of a dictionary, and only the chosen word is built. That holds for the parses whose
lexeme is the paradigm's, word by word: a dictionary word (``DictionaryAnalyzer``) or
a word guessed by its ending (``KnownSuffixAnalyzer``), with any prefixes the prefix
units split off (``KnownPrefixAnalyzer``, ``UnknownPrefixAnalyzer``: their lexeme is the
base lexeme with the prefix put back). Any other parse (a hyphenated word, a unit this
module does not know) returns :data:`NOT_HANDLED` and the caller asks ``Parse.inflect``.
``tests/test_nominative.py`` holds it to ``Parse.inflect`` word by word.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Final

__all__ = ["NOT_HANDLED", "nominative_word"]

NOT_HANDLED: Final = object()
"""Returned for a parse whose lexeme is not its paradigm's (ask ``Parse.inflect``)."""

_NOMN: Final = frozenset({"nomn"})


def _units() -> tuple[Any, Any, Any]:
    from pymorphy3.units.by_analogy import (  # type: ignore[import-untyped]
        KnownSuffixAnalyzer,
        _PrefixAnalyzer,
    )
    from pymorphy3.units.by_lookup import DictionaryAnalyzer  # type: ignore[import-untyped]

    return DictionaryAnalyzer, KnownSuffixAnalyzer, _PrefixAnalyzer


@lru_cache(maxsize=65536)
def _chosen_index(dictionary: Any, para_id: int, idx: int) -> int | None:
    """Return the index of the paradigm form ``inflect({"nomn"})`` picks for form ``idx``."""
    paradigm = dictionary.paradigms[para_id]
    n = len(paradigm) // 3
    gramtab = dictionary.gramtab
    wanted = gramtab[paradigm[n + idx]].updated_grammemes(_NOMN)
    best, best_score = None, 0.0
    for i in range(n):
        grammemes = gramtab[paradigm[n + i]].grammemes
        if not grammemes >= _NOMN:
            continue
        score = len(wanted & grammemes) - 0.1 * len(wanted ^ grammemes)
        if best is None or score > best_score:  # the first of the best, as max() keeps
            best, best_score = i, score
    return best


def nominative_word(parse: Any) -> object:
    """Return the word of ``parse.inflect({"nomn"})``, None when it is None.

    Parameters
    ----------
    parse
        A pymorphy3 ``Parse``.

    Returns
    -------
    str or None or NOT_HANDLED
        The nominative word (lower case, as pymorphy3 spells it), None when no form of
        the lexeme is a nominative, or :data:`NOT_HANDLED` for a parse of another unit.

    Examples
    --------
    >>> import pymorphy3
    >>> p = pymorphy3.MorphAnalyzer(lang="ru").parse("орши")[0]
    >>> nominative_word(p) == p.inflect({"nomn"}).word
    True
    """
    dictionary_unit, suffix_unit, prefix_unit = _units()
    stack = parse.methods_stack
    first: Any = stack[0]
    analyzer: Any = first[0]
    if not isinstance(analyzer, dictionary_unit):
        return NOT_HANDLED
    prefix = ""
    for method in stack[:0:-1]:  # outermost first: each strips its prefix off the rest
        unit = method[0]
        if isinstance(unit, prefix_unit):
            prefix += method[1]
        elif not isinstance(unit, suffix_unit):
            return NOT_HANDLED
    dictionary: Any = analyzer.dict
    para_id, idx = first[2], first[3]
    chosen = _chosen_index(dictionary, para_id, idx)
    if chosen is None:
        return None
    paradigm = dictionary.paradigms[para_id]
    n = len(paradigm) // 3
    word = parse.word[len(prefix) :]
    stem = dictionary.build_stem(paradigm, idx, word)
    para_prefix = dictionary.paradigm_prefixes[paradigm[2 * n + chosen]]
    return prefix + para_prefix + stem + dictionary.suffixes[paradigm[chosen]]

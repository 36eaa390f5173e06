"""Suffix rules looked up by ending instead of tried one by one (a speed-up).

The rule it implements, stated plainly: given rules ``((ending, nominatives), ...)``
in order, the rules that apply to a lower-cased word are those whose ending the word
ends with, in the order the rules are listed::

    [(ending, noms) for ending, noms in rules if word.endswith(ending)]

:class:`SuffixTable` gives exactly that list with one dict look-up per possible
ending length (at most the longest ending, 4-8 letters) instead of one
``str.endswith`` per rule (30-50 per language), for each word of each name a
resolution declines (:func:`railtrack.inflection._rule_forms`,
:func:`railtrack.extract.morph._word_forms`). ``tests/test_suffix_table.py`` holds
it to the plain loop above.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["SuffixTable"]

Rule = tuple[str, tuple[str, ...]]


class SuffixTable:
    """Suffix rules indexed by ending; :meth:`matches` lists those a word ends with.

    Parameters
    ----------
    rules
        ``(ending, nominative endings)`` pairs in the order they are tried, shape
        (n,); an ending may repeat.

    Examples
    --------
    >>> table = SuffixTable((("ска", ("ск",)), ("а", ("",)), ("ой", ("ая",))))
    >>> table.matches("курска")
    (('ска', ('ск',)), ('а', ('',)))
    >>> table.matches("орёл")
    ()
    """

    __slots__ = ("_by_ending", "_lengths")

    def __init__(self, rules: Sequence[Rule]) -> None:
        by_ending: dict[str, list[tuple[int, Rule]]] = {}
        for order, rule in enumerate(rules):
            by_ending.setdefault(rule[0], []).append((order, rule))
        self._by_ending = by_ending
        self._lengths = sorted({len(ending) for ending in by_ending})

    def matches(self, word: str) -> tuple[Rule, ...]:
        """Return the rules whose ending ``word`` ends with, in the rules' order.

        Parameters
        ----------
        word
            A word, already lower-cased where the rules are.

        Returns
        -------
        tuple of (str, tuple of str)
            The matching ``(ending, nominatives)`` rules, in the order given to the
            table; empty when none applies.
        """
        found: list[tuple[int, Rule]] = []
        get = self._by_ending.get
        size = len(word)
        for length in self._lengths:
            if length > size:
                break
            hit = get(word[size - length :])
            if hit is not None:
                found.extend(hit)
        if len(found) > 1:
            found.sort(key=lambda item: item[0])
        return tuple(rule for _, rule in found)

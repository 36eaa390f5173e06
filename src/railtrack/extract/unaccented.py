"""Polish written without its diacritics: recognise it and give its words their letters back.

Comments and quick posts often drop the Polish letters: "Pociag z Orszy do Smolenska
odjechal wczoraj z 40 wagonami." Read as it is, such a text looks like English with
no English words, and nothing is read. :func:`plain_polish_words` counts the words of
a text that are Polish lexicon words with their letters folded ("pociag", "odjechal",
"wagonami"): enough of them make the text Polish
(:func:`~railtrack.extract.language.detect_language`). :func:`restore_diacritics`
then writes each such word as the lexicon does ("pociąg", "odjechał"), one letter for
one letter, so that every offset into the text stays the same and the Polish reader
reads it as written Polish; evidence is cut from the text as written.

The words come from the Polish lexicon (``extract/lexicons/pl.yaml``) only: a whole
word is restored when every lexicon word folded to it is written the same way and no
lexicon word is written plain like it ("ze" stays "ze": "from", not "że"); the start
of a word is restored from the stems of the keys matched as stems (verbs, claims,
adjectives, military words: "sprzetem" reads "sprzętem"); the lexicon's verb stems are
plain already ("przyjecha", "odjecha"). Names are left as written: the
gazetteer folds them ("Smolenska", "Brzescia" resolve).

Examples
--------
>>> restore_diacritics("Pociag z Orszy do Smolenska odjechal wczoraj z 40 wagonami.")
'Pociąg z Orszy do Smolenska odjechał wczoraj z 40 wagonami.'
>>> plain_polish_words("Pociag z Orszy do Smolenska odjechal wczoraj z 40 wagonami.")
4
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from railtrack.extract.lexicon import raw_strings

__all__ = [
    "FOLD",
    "is_unaccented",
    "plain_polish_words",
    "restore_diacritics",
    "to_typed",
    "with_polish_letters",
]

FOLD = str.maketrans("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ", "acelnoszzACELNOSZZ")
"""Each Polish letter to the plain letter it is typed as without diacritics."""

_POLISH_LETTER = re.compile(r"[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]")
_WORD = re.compile(r"[A-Za-ząćęłńóśźżĄĆĘŁŃÓŚŹŻ]+")
_PLAIN_WORD = re.compile(r"(?<![^\W\d_])[A-Za-z]+(?![^\W\d_])")

# Keys of the lexicon whose entries are matched as stems (extract/lexicons/README.md,
# "matched: stem"): a word starting with one folded is restored over that stem.
_STEM_KEYS = frozenset(
    {
        "exhibition", "retro_stock", "shown", "freight", "passenger", "car_adjectives",
        "broad_stems", "published", "verbs", "passage", "schedule", "claims", "off_topic",
        "accident", "military", "service", "preparation", "reporting", "return_verbs",
        "stands_now", "entry_verbs", "loading", "unloading", "final_stop", "uncouple",
        "timetable", "heard", "same_day", "other_modes", "period", "road", "road_batch",
        "rail_words", "blast", "denial", "unloading_now",
        "loading_now",
    }
)  # fmt: skip
MIN_STEM = 4
"""Stems shorter than this restore no word start (too many words start alike)."""
MIN_CUE = 4
"""Words shorter than this are no cue to Polish ("do", "na", "z" are Czech, Slovak too)."""
MIN_CUE_STEM = 6
"""Stems shorter than this are no cue to Polish ("front", "europ" start English words)."""
MIN_PLAIN_CUES = 2
"""At least this many distinct lexicon words make a text in plain letters Polish."""


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[dict[str, str], frozenset[str], dict[str, str], frozenset[str]]:
    """Return the Polish lexicon's words as tables for restoring and recognising them.

    (folded word -> word, plain words, folded stem -> stem with Polish letters, folded
    stems of at least :data:`MIN_CUE_STEM` letters).

    A folded word two lexicon words write differently, or one the lexicon also writes
    plain in other lists ("maja" of May, "mają"), is left out of the first table (it
    cannot be restored for sure); stems marked ``$`` (whole words) restore no word
    start.
    """
    entries = raw_strings("pl")
    words: dict[str, set[str]] = {}
    keys: dict[str, set[str]] = {}  # the keys each written word is under
    stems: dict[str, set[str]] = {}
    cue_stems: set[str] = set()
    for key, entry in entries:
        whole = entry.endswith("$")  # a stem matched as a whole word only
        for word in _WORD.findall(entry.lower()):
            folded = word.translate(FOLD)
            words.setdefault(folded, set()).add(word)
            keys.setdefault(word, set()).add(key)
            if key not in _STEM_KEYS or whole:
                continue
            if len(word) >= MIN_CUE_STEM:
                cue_stems.add(folded)
            if len(word) >= MIN_STEM and _POLISH_LETTER.search(word):
                stems.setdefault(folded, set()).add(word)
    restore: dict[str, str] = {}
    for folded, written in words.items():
        marked = written - {folded}
        if len(marked) != 1:
            continue
        word = next(iter(marked))
        # written both ways, the plain word is the same word typed plain only when it
        # stands in the same lists ("pociag" beside "pociąg"); elsewhere it is another
        # word ("maja" of May, "mają" they have; "ze" from, "że" that)
        if folded not in written or keys[folded] <= keys[word]:
            restore[folded] = word
    plain = frozenset(f for f, ws in words.items() if f in ws and f not in restore)
    stem = {f: next(iter(ws)) for f, ws in stems.items() if len(ws) == 1}
    return restore, plain, stem, frozenset(cue_stems)


def plain_polish_words(text: str) -> int:
    """Count the distinct words of ``text`` in plain letters that are Polish lexicon words.

    Words of at least :data:`MIN_CUE` letters, compared lower-cased and folded, whole
    ("wagonami", "pociag") or, for the lexicon's stems, by their start ("odjechala").

    Parameters
    ----------
    text : str
        A report or sentence in Latin letters.

    Returns
    -------
    int
        The number of distinct such words (:data:`MIN_PLAIN_CUES` of them make the
        text Polish for the language identifier).

    Examples
    --------
    >>> plain_polish_words("Do Baranowicz przyjechal pociag wojskowy z 30 wagonami.")
    4
    >>> plain_polish_words("The train left Orsha for Smolensk with 40 wagons yesterday.")
    0
    """
    restore, plain, _, cue_stems = _vocabulary()
    found = set()
    for word in _PLAIN_WORD.findall(text):
        low = word.lower()
        if len(low) < MIN_CUE:
            continue
        if low in restore or low in plain or _stem_of(low, cue_stems) is not None:
            found.add(low)
    return len(found)


def is_unaccented(text: str) -> bool:
    """Whether a Polish text is mostly typed without its letters.

    True when more of its words could take their Polish letters back than have them.

    Parameters
    ----------
    text : str
        A Polish text.

    Returns
    -------
    bool
        Whether the words that could take Polish letters back outnumber those
        written with them.

    Examples
    --------
    >>> is_unaccented("Pociag przyjechal do Brzescia z 40 wagonami.")
    True
    >>> is_unaccented("Pociąg przyjechał do Brześcia z 40 wagonami.")
    False
    """
    written = sum(1 for w in _WORD.findall(text) if _POLISH_LETTER.search(w))
    return _restorable(text) > written


def _restorable(text: str) -> int:
    restore, _, stem, _ = _vocabulary()
    return sum(
        1
        for w in _PLAIN_WORD.findall(text)
        if w.lower() in restore or _stem_of(w.lower(), stem) is not None
    )


def _stem_of(low: str, stem: dict[str, str] | frozenset[str]) -> str | None:
    """Return the longest folded stem ``low`` starts with (and is longer than), else None."""
    for n in range(len(low), MIN_STEM - 1, -1):
        if low[:n] in stem:
            return low[:n]
    return None


def _with_case(word: str, low: str) -> str:
    """Write ``low`` (restored) with the capitals of ``word``."""
    return "".join(r.upper() if w.isupper() else r for w, r in zip(word, low, strict=True))


def restore_diacritics(text: str) -> str:
    """Give the Polish words of a text typed without diacritics their letters back.

    Parameters
    ----------
    text
        A Polish report, any of whose words may be typed without Polish letters.

    Returns
    -------
    str
        The same text, the same length: each word in plain letters that folds to one
        Polish lexicon word is written as that word (its capitals kept); a word that
        starts with a folded stem of the lexicon takes that stem's letters; words
        written in capitals only (abbreviations), names and other words stay.

    Examples
    --------
    >>> restore_diacritics("W srode do Luninca przyjechaly dwa sklady: 30 i 25 wagonow.")
    'W środę do Luninca przyjechały dwa składy: 30 i 25 wagonów.'
    >>> restore_diacritics("Pociag SA ze Lwowa przejechal przez Hrubieszow.")
    'Pociąg SA ze Lwowa przejechał przez Hrubieszow.'
    """
    restore, plain, stem, _ = _vocabulary()

    def one(m: re.Match[str]) -> str:
        word = m[0]
        low = word.lower()
        if word.isupper() and len(word) > 1:
            return word
        if low in restore:
            return _with_case(word, restore[low])
        if low in plain:
            return word
        found = _stem_of(low, stem)
        if found is None:
            return word
        return _with_case(word, stem[found] + low[len(found) :])

    return _PLAIN_WORD.sub(one, text)


def with_polish_letters(text: str, lang: str) -> str:
    """Return a Polish text mostly typed without its letters with them given back.

    Any other text (another language, Polish written with its letters) is returned
    as it is, the same object.

    Parameters
    ----------
    text : str
        A report or sentence.
    lang : str
        Its language; only ``pl`` is restored.

    Returns
    -------
    str
        The text with the letters given back (same length: offsets stand), or
        ``text`` itself.

    Examples
    --------
    >>> with_polish_letters("Sklad przyjechal do Brzescia z 40 wagonami.", "pl")
    'Skład przyjechał do Brzescia z 40 wagonami.'
    >>> text = "Skład przyjechał do Brześcia z 40 wagonami."
    >>> with_polish_letters(text, "pl") is text
    True
    """
    if lang != "pl" or not is_unaccented(text):
        return text
    return restore_diacritics(text)


def to_typed(draft: Any, text: str) -> None:
    """Point every fact of a draft read from :func:`restore_diacritics`'s text at ``text``.

    The restored text has the same length, so a fact's offsets stand; its ``text``
    becomes the words as typed (``fact.text == text[fact.start:fact.end]``) and its
    value keeps the words as read.

    Parameters
    ----------
    draft
        The :class:`~railtrack.extract.trains.ReportDraft`; changed in place.
    text
        The text before :func:`restore_diacritics`.

    Returns
    -------
    None
        ``draft`` is changed in place.

    Examples
    --------
    >>> from railtrack.extract.trains import Fact, ReportDraft, TrainDraft
    >>> typed = "Sklad przyjechal do Brzescia."
    >>> draft = ReportDraft(trains=[TrainDraft()])
    >>> draft.trains[0].destination = Fact("Brześcia", "Brześcia", 20, 28)
    >>> to_typed(draft, typed)
    >>> draft.trains[0].destination.text, draft.trains[0].destination.value
    ('Brzescia', 'Brześcia')
    """
    from railtrack.extract.textpass import map_facts

    map_facts(
        draft,
        lambda fact: type(fact)(
            fact.value, text[fact.start : fact.end], fact.start, fact.end, fact.inferred
        ),
    )

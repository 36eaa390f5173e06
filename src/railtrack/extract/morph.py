"""Case forms of place names: the nominative forms a gazetteer knows.

Reports inflect station names: "из Слонима", "до Валуйок", "ze Słonima", "do
Kapustina Jaru", "у Асіповічах". :func:`name_forms` returns the candidate
nominative forms of a name as written, most likely first, for the gazetteer
(:meth:`RailNetwork.resolve <railtrack.network.RailNetwork.resolve>`) to try:

- Russian and Ukrainian: pymorphy3 with its dictionaries (``pymorphy3-dicts-ru``,
  ``-uk``) puts each word in the nominative, keeping gender and number ("Брянской
  области" -> "Брянская область", "Валуйок" -> "Валуйки");
- Belarusian (no pymorphy dictionary) and Polish: the suffix rules below, built from
  the declension tables of the grammars cited in ``lexicons/README.md``; each rule
  maps an oblique-case ending to the nominative endings it may come from.

Examples
--------
>>> name_forms("Слонима", "ru")[:2]
('Слонима', 'Слоним')
>>> "Kapustin Jar" in name_forms("Kapustina Jaru", "pl")
True
>>> "Асіповічы" in name_forms("Асіповічах", "be")
True
>>> "Асіповічы" in name_forms("Asipovičach", "be")
True
"""

from __future__ import annotations

import itertools
import logging
import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from railtrack._suffixes import SuffixTable
from railtrack.extract._nominative import NOT_HANDLED, nominative_word

__all__ = ["is_instrumental", "is_locative", "name_forms", "oblique_forms"]

logger = logging.getLogger(__name__)

# (oblique ending, nominative endings) per language, longest ending first.
_SUFFIX_RULES: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "be": (
        ("ічах", ("ічы",)),
        ("ічаў", ("ічы",)),
        # consonant changes before -е/-ы of the locative and dative ("на Палонцы" <-
        # Палонка, "у Зябраўцы" <- Зябраўка, "у Лідзе" <- Ліда, "у Слаўгарадзе" <-
        # Слаўгарад, "на Волзе" <- Волга), the feminine accusative of an adjectival name
        # ("на станцыю Навабеліцкую"), a genitive plural with a fleeting vowel ("з
        # Крупак" <- Крупкі) and the genitive of a name in -ай ("з Гудагая") (issue 13,
        # session 12)
        ("дзе", ("да", "д")),
        ("цы", ("ка",)),
        ("зе", ("га",)),
        ("ую", ("ая",)),
        ("ак", ("кі",)),
        ("ая", ("ай",)),
        ("ахі", ("ахі",)),
        ("аве", ("аў",)),
        ("ева", ("еў",)),
        ("ава", ("аў",)),
        ("ага", ("і", "ы")),
        ("ай", ("а", "ая")),
        ("ой", ("а", "ая")),
        ("ам", ("",)),
        ("ах", ("ы", "і")),
        ("ях", ("і",)),
        ("аў", ("ы",)),
        ("ля", ("ль", "ель")),
        ("ня", ("нь", "ень")),
        ("ы", ("а",)),
        ("і", ("а", "ь", "я")),
        ("е", ("", "а")),
        ("а", ("",)),
        ("я", ("ь",)),
        ("у", ("", "а")),
        ("ю", ("я", "ь")),
    ),
    "pl": (
        ("owicz", ("owicze",)),
        ("owiczach", ("owicze",)),
        ("owiczami", ("owicze",)),
        ("iczach", ("icze",)),
        ("ach", ("y", "i", "e")),
        ("owa", ("ów", "ow")),
        ("owie", ("ów", "ow")),
        ("ego", ("y", "i")),
        ("iej", ("a",)),
        ("ej", ("a",)),
        ("ą", ("a",)),
        ("ę", ("a",)),
        ("la", ("el",)),
        ("lu", ("el",)),
        ("mla", ("mel",)),
        ("mlu", ("mel",)),
        ("ca", ("ec", "c")),
        ("cu", ("ec", "c")),
        # locative -ce of -ka ("w Połonce", "w Nieklinowce"); gen. pl. -ek of -ki ("do
        # Wałujek"); -ia/-iu after a soft stem ("ze Słonimia", "w Słonimiu"); -ć stems
        # ("z Brześcia", "w Brześciu")
        # a port or station named by its town's adjective ("w Porcie Gdańskim"): the town
        ("skim", ("sk",)),
        ("skiego", ("sk",)),
        ("ce", ("ka",)),
        ("ek", ("ki",)),
        ("cia", ("ć",)),
        ("ciu", ("ć",)),
        ("ia", ("",)),
        ("iu", ("",)),
        ("ka", ("ek", "k")),
        ("ku", ("ek", "k")),
        ("ina", ("in",)),
        ("ru", ("r",)),
        ("ie", ("", "a")),
        ("y", ("a", "")),
        ("i", ("a", "e")),
        ("a", ("",)),
        ("u", ("",)),
    ),
}
_MORPH_LANGS = ("ru", "uk")
# the suffix rules of each language indexed by ending (the same rules, the same order)
_SUFFIX_TABLES = {lang: SuffixTable(rules) for lang, rules in _SUFFIX_RULES.items()}
_LATIN = re.compile(r"[a-zA-Z\u00c0-\u024f]")


@lru_cache(maxsize=2)
def _analyzer(lang: str) -> Any:
    """Return the pymorphy3 analyser of ``lang``, or None when it is not installed."""
    try:
        import pymorphy3  # type: ignore[import-untyped]
    except ImportError:  # pragma: no cover - a declared dependency
        logger.warning("pymorphy3 is not installed: %s names are not put in the nominative", lang)
        return None
    try:
        return pymorphy3.MorphAnalyzer(lang=lang)
    except (ValueError, OSError) as exc:  # pragma: no cover - dictionary missing
        logger.warning("no pymorphy3 dictionary for %s (%s)", lang, exc)
        return None


def _like(form: str, original: str) -> str:
    """Give ``form`` the capitalisation of ``original`` ("слоним" -> "Слоним")."""
    if original[:1].isupper():
        parts = form.split("-")
        orig_parts = original.split("-")
        out = []
        for i, part in enumerate(parts):
            upper = i < len(orig_parts) and orig_parts[i][:1].isupper()
            out.append(part[:1].upper() + part[1:] if upper else part)
        return "-".join(out)
    return form


def _nominative(parse: Any) -> str:
    """Return the word of ``parse.inflect({"nomn"})``, else the parse's normal form.

    Made from the paradigm without building the lexeme where that gives the same word
    (:func:`railtrack.extract._nominative.nominative_word`).
    """
    word = nominative_word(parse)
    if word is NOT_HANDLED:
        inflected = parse.inflect({"nomn"})
        word = None if inflected is None else inflected.word
    return str(word) if word is not None else str(parse.normal_form)


@lru_cache(maxsize=8192)
def _word_forms(word: str, lang: str) -> tuple[str, ...]:
    """Nominative candidates of one word (itself first)."""
    forms = [word]
    if lang in _MORPH_LANGS:
        morph = _analyzer(lang)
        if morph is not None and "-" not in word:
            for parse in morph.parse(word)[:3]:
                case = parse.tag.case
                if case in (None, "nomn"):
                    continue
                form = _nominative(parse)
                forms.append(_like(form, word))
    table = _SUFFIX_TABLES.get(lang)
    low = word.lower()
    for ending, nominatives in table.matches(low) if table is not None else ():
        if len(low) > len(ending) + 2:
            for nominative in nominatives:
                forms.append(word[: len(word) - len(ending)] + nominative)
    return tuple(dict.fromkeys(forms))


@lru_cache(maxsize=8192)
def name_forms(name: str, lang: str | None) -> tuple[str, ...]:
    """Return the candidate nominative forms of a place name, the name itself first.

    Parameters
    ----------
    name
        The name as written (one to three words).
    lang
        The language of the text around it (``ru``, ``uk``, ``be``, ``pl``; others
        give the name alone).

    Returns
    -------
    tuple of str
        At most 12 distinct forms; combinations of the words' forms for a name of
        several words.

    Examples
    --------
    >>> name_forms("Orsha", "en")
    ('Orsha',)
    >>> "Слоним" in name_forms("Слонима", "ru")
    True
    """
    if lang not in ("ru", "uk", "be", "pl"):
        return (name,)
    words = name.split()
    if len(words) > 3:
        return (name,)
    if lang == "be" and _LATIN.search(name):
        # Łacinka ("Asipovičach"): the forms of its Cyrillic spelling
        from railtrack.extract.lacinka import to_cyrillic

        spelled = to_cyrillic(name)[0]
        if _LATIN.search(spelled):
            return (name,)  # letters Łacinka has not ("Brëkhovo", "obwód"): no Belarusian forms
        cyrillic = name_forms(spelled, lang)
        return tuple(dict.fromkeys([name, *cyrillic]))[:12]
    options = [_word_forms(w, lang)[:4] for w in words]
    # the name with every word in its likeliest nominative comes right after the name
    likeliest = " ".join(o[1] if len(o) > 1 else o[0] for o in options)
    combos = (" ".join(c) for c in itertools.product(*options))
    return _first_distinct(itertools.chain((name, likeliest), combos), _MAX_NAME_FORMS)


_MAX_NAME_FORMS = 12


def _first_distinct(items: Iterable[str], n: int) -> tuple[str, ...]:
    """Return the first ``n`` distinct items in order: ``tuple(dict.fromkeys(items))[:n]``.

    Stops reading ``items`` once it has ``n`` (a name of three words has up to 64
    combinations of its words' forms, of which the first 12 distinct are kept).

    >>> _first_distinct(iter("abacdb"), 3)
    ('a', 'b', 'c')
    """
    seen: dict[str, None] = {}
    for item in items:
        seen[item] = None
        if len(seen) == n:
            break
    return tuple(seen)


@lru_cache(maxsize=8192)
def is_locative(word: str, lang: str) -> bool:
    """Whether a Russian or Ukrainian word is in the locative ("в Брянске"), not the accusative.

    Parameters
    ----------
    word : str
        One word.
    lang : str
        ``ru`` or ``uk`` (pymorphy3's dictionaries); other languages are judged by
        their endings alone.

    Returns
    -------
    bool
        True when the word may be locative and is neither nominative nor accusative.

    Examples
    --------
    >>> is_locative("Брянске", "ru"), is_locative("Брянск", "ru"), is_locative("Валуйки", "ru")
    (True, False, False)
    """
    morph = _analyzer(lang) if lang in _MORPH_LANGS else None
    if morph is None:
        return word.lower().endswith(("е", "ах", "ях", "і"))
    cases = {p.tag.case for p in morph.parse(word)[:4]}
    return bool(cases & {"loct", "loc2"}) and not cases & {"nomn", "accs"}


@lru_cache(maxsize=8192)
def is_instrumental(word: str, lang: str) -> bool:
    """Whether a Russian or Ukrainian name is in the instrumental only ("с Украиной").

    After "с"/"з" the genitive means "from" and the instrumental "with" ("граница с
    Украиной", "кордон з Росією"): only the first names an origin.

    Parameters
    ----------
    word : str
        One word.
    lang : str
        ``ru`` or ``uk`` (pymorphy3's dictionaries); other languages are judged by
        their endings alone.

    Returns
    -------
    bool
        True when the word may be instrumental and is neither genitive nor nominative.

    Examples
    --------
    >>> is_instrumental("Украиной", "ru"), is_instrumental("Украины", "ru")
    (True, False)
    >>> is_instrumental("Росією", "uk"), is_instrumental("Бреста", "uk")
    (True, False)
    """
    morph = _analyzer(lang) if lang in _MORPH_LANGS else None
    if morph is None:
        return word.lower().endswith(("ой", "ей", "ом", "ем", "ами", "ями", "ою", "ею"))
    cases = {p.tag.case for p in morph.parse(word)[:4]}
    return "ablt" in cases and not cases & {"gent", "gen2", "nomn"}


@lru_cache(maxsize=8192)
def oblique_forms(word: str, lang: str, cases: tuple[str, ...]) -> tuple[str | None, ...]:
    """Put one word of a name in each of ``cases``, as pymorphy3 inflects it.

    The inverse of :func:`name_forms` for one word: a name's word in the nominative
    (a noun or adjective: "Брянская", "Орша") in the genitive, dative, ...; its
    number and gender kept, its capitalisation kept ("Орша" -> "Орши").

    Parameters
    ----------
    word
        One word of a name, in the nominative.
    lang
        ``ru`` or ``uk`` (pymorphy3's dictionaries); other languages give no forms.
    cases
        pymorphy3 case grammemes ("gent", "datv", "accs", "ablt", "loct").

    Returns
    -------
    tuple of str or None
        One per case, shape (len(cases),): the word in that case, or None when it
        is not a nominative noun or adjective, or pymorphy3 cannot inflect it.

    Examples
    --------
    >>> oblique_forms("Орша", "ru", ("gent", "loct"))
    ('Орши', 'Орше')
    >>> oblique_forms("Брянская", "ru", ("gent", "ablt"))
    ('Брянской', 'Брянской')
    >>> oblique_forms("Калуга", "uk", ("loct",))
    ('Калузі',)
    >>> oblique_forms("быстро", "ru", ("gent",))
    (None,)
    """
    morph = _analyzer(lang) if lang in _MORPH_LANGS else None
    if morph is None:
        return (None,) * len(cases)
    for parse in morph.parse(word.lower())[:3]:
        if parse.tag.case != "nomn" or parse.tag.POS not in ("NOUN", "ADJF"):
            continue
        out = []
        for case in cases:
            inflected = parse.inflect({case})
            out.append(None if inflected is None else _like(inflected.word, word))
        return tuple(out)
    return (None,) * len(cases)

"""Which language a report, or one of its sentences, is written in.

railtrack reads English, Russian, Ukrainian, Belarusian and Polish
(:data:`~railtrack.extract.lexicon.LANGUAGES`). :func:`detect_language` asks
lingua (``lingua-language-detector``), restricted to those five, which tells them
apart on sentences and most single words; a text too short to judge, or judged
with low confidence, takes the declared language (a ``lang`` header, the
``lang`` argument of :func:`~railtrack.extract.extract_shipments`, a channel's
language). A report in another language is recognised (a second lingua detector
over common languages of the region, asked only when the text has letters the five
do not use or the first detector is unsure) so that railtrack can say so instead
of finding nothing.

Examples
--------
>>> detect_language("Военный эшелон прибыл на станцию Валуйки.").lang
'ru'
>>> detect_language("Ешелон прибув до станції Валуйки.").lang
'uk'
>>> detect_language("Valuyki", declared="ru").lang    # too short: the declared language
'ru'
>>> detect_language("Traukinys su karine technika atvyko į Baranovičius.").lang
'lt'
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from railtrack.extract.lacinka import is_lacinka
from railtrack.extract.lexicon import LANGUAGES

__all__ = [
    "LanguageGuess",
    "detect_language",
    "mixes_languages",
    "script_of",
    "sentence_language",
]

logger = logging.getLogger(__name__)

MIN_LETTERS = 20
"""Texts with fewer letters than this take the declared language when there is one."""
MIN_CONFIDENCE = 0.5
"""Below this lingua confidence, the declared language wins."""

# Letters none of the five languages writes: their presence means another language.
_OTHER_LETTERS = re.compile(
    r"[àâãäåæçèéêëìíîïðñòôõöøùúûüýþÿāăčďēėěğģīįķĺļľņňőŕřşšţťūůűųŵŷžșț"
    r"ѓѕјљњќџђћәғқңөұүһ]",
    re.IGNORECASE,
)
_OTHER_SET = frozenset(
    "àâãäåæçèéêëìíîïðñòôõöøùúûüýþÿāăčďēėěğģīįķĺļľņňőŕřşšţťūůűųŵŷžșțѓѕјљњќџђћәғқңөұүһ"
)
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN_LOW = re.compile(r"[a-ząćęłńóśźż]")
_LETTER = re.compile(r"[^\W\d_]")
_POLISH_RE = re.compile(r"[ąćęłńśźż]", re.IGNORECASE)
_LATIN = re.compile(r"[a-zA-Z\u00c0-\u024f]")
_READ_LETTERS = frozenset("ґєіїўё")  # Ukrainian and Belarusian letters: read languages
# Languages of the region and of the outlets that relay reports: a text in one of them
# is named in the problem railtrack gives.
_OTHER_CANDIDATES = (
    "LITHUANIAN",
    "LATVIAN",
    "ESTONIAN",
    "GERMAN",
    "FRENCH",
    "CZECH",
    "SLOVAK",
    "ROMANIAN",
    "BULGARIAN",
    "SERBIAN",
    "KAZAKH",
    "FINNISH",
)


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    """A text's language (ISO 639-1), how sure the guess is, and how it was made.

    ``basis`` is ``alphabet`` (letters only one of the five languages writes),
    ``detected`` (lingua), ``declared`` (the fallback was used) or ``default``
    (nothing to go on: English).
    """

    lang: str
    confidence: float
    basis: str

    @property
    def supported(self) -> bool:
        """Whether railtrack reads this language."""
        return self.lang in LANGUAGES


@lru_cache(maxsize=1)
def _detector() -> Any:
    try:
        from lingua import Language, LanguageDetectorBuilder
    except ImportError:  # pragma: no cover - a declared dependency
        logger.warning("lingua is not installed: the language is guessed from the script")
        return None
    languages = [
        Language.ENGLISH,
        Language.RUSSIAN,
        Language.UKRAINIAN,
        Language.BELARUSIAN,
        Language.POLISH,
    ]
    return LanguageDetectorBuilder.from_languages(*languages).build()


@lru_cache(maxsize=1)
def _wide_detector() -> Any:
    from lingua import Language, LanguageDetectorBuilder

    others = [getattr(Language, name) for name in _OTHER_CANDIDATES if hasattr(Language, name)]
    languages = [
        Language.ENGLISH,
        Language.RUSSIAN,
        Language.UKRAINIAN,
        Language.BELARUSIAN,
        Language.POLISH,
        *others,
    ]
    # low accuracy mode: trigram models only, loaded in a fraction of the time; enough
    # to name the language of a whole report that is in none of the five
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


@lru_cache(maxsize=2)
def _script_detector(script: str) -> Any:
    """Return a detector among the read languages of one script (en/pl, or ru/uk/be)."""
    from lingua import Language, LanguageDetectorBuilder

    if script == "latin":
        languages = [Language.ENGLISH, Language.POLISH]
    else:
        languages = [Language.RUSSIAN, Language.UKRAINIAN, Language.BELARUSIAN]
    return LanguageDetectorBuilder.from_languages(*languages).build()


def sentence_language(sentence: str, report_lang: str) -> str:
    """Return the language of one sentence of a report written in ``report_lang``.

    A relay quotes the original ("Z Białorusi do Rosji: a military transport left
    ..."), so each sentence long enough to judge is judged again: a Latin sentence by
    whether it writes Polish letters outside its names, a Cyrillic one by the letters
    only one language writes; a sentence in the other script than the report's by
    lingua among that script's languages. A short one keeps the report's language.

    Examples
    --------
    >>> sentence_language("A military transport left Iłowajsk for Asipovičy.", "pl")
    'en'
    >>> sentence_language("Ок.", "uk")
    'uk'
    """
    script = script_of(sentence)
    letters = len(_LETTER.findall(sentence))
    same_script = (script == "latin") == (report_lang in ("en", "pl"))
    if letters < MIN_LETTERS and same_script:
        return report_lang
    if script == "latin":
        # Polish letters outside names make a Latin sentence Polish; none, English
        if len(_POLISH_RE.findall(sentence)) >= 4:
            return "pl"  # names alone rarely carry four
        stripped = _without_names(sentence)
        if _POLISH_RE.search(stripped):
            return "pl"
        return "en" if len(_LETTER.findall(stripped)) >= MIN_LETTERS else report_lang
    by_letters = _by_letters(sentence)
    if by_letters is not None:
        return by_letters
    if same_script or _detector() is None:
        return report_lang if same_script else _by_script(sentence)
    found = _script_detector(script).detect_language_of(_without_names(sentence))
    return report_lang if found is None else _code(found)


_NAME_RE = re.compile(r"(?<=[\w,;:)] )[^\W\d_][\w'’-]*")


def _without_names(text: str) -> str:
    """Return the text without its capitalised words after the first of a sentence (names).

    Station names in a foreign spelling ("left Iłowajsk for Asipovičy") would pull the
    guess towards the language the names are spelt in; the words around them tell the
    language of the text. Kept whole when little would be left.
    """
    stripped = _NAME_RE.sub(lambda m: "" if m[0][0].isupper() else m[0], text)
    return stripped if len(_LETTER.findall(stripped)) >= MIN_LETTERS else text


def mixes_languages(text: str, lang: str) -> bool:
    """Whether sentences of a report in ``lang`` may be in another language.

    True when the text writes both scripts, or is Polish (a relay may quote English),
    or is English with Polish letters; a report in one Cyrillic language, or in plain
    English, is read in its language throughout, which saves judging each sentence.

    Examples
    --------
    >>> mixes_languages("Эшелон прибыл в Валуйки.", "ru")
    False
    >>> mixes_languages("Z Białorusi do Rosji: a military transport left Orsha.", "pl")
    True
    """
    if lang == "pl":
        return True
    cyrillic = len(_CYRILLIC.findall(text))
    latin = len(_LATIN.findall(text))
    if min(cyrillic, latin) >= MIN_LETTERS:
        return True
    return lang == "en" and _POLISH_RE.search(text) is not None


def script_of(text: str) -> str:
    """``cyrillic`` or ``latin``: the script most of the text's letters are in."""
    cyrillic = len(_CYRILLIC.findall(text))
    latin = len(_LATIN.findall(text))
    return "cyrillic" if cyrillic > latin else "latin"


def _code(language: Any) -> str:
    return str(language.iso_code_639_1.name).lower()


def _by_script(text: str) -> str:
    if script_of(text) == "latin":
        return "pl" if re.search(r"[ąćęłńśźż]", text, re.IGNORECASE) else "en"
    low = text.lower()
    if "ў" in low or ("і" in low and "и" not in low):
        return "be"
    if any(c in low for c in "ґєї") or ("і" in low):
        return "uk"
    return "ru"


_RU_ONLY = frozenset("ыэъё")  # Russian and Belarusian, never Ukrainian
_UK_ONLY = frozenset("їєґ")
_I = "і"  # Ukrainian and Belarusian, never Russian
_NOT_BE = frozenset("ищъ")  # Russian and Ukrainian, never Belarusian
_POLISH_LETTERS = frozenset("ąćęłńśźż")


def _by_letters(text: str) -> str | None:
    """Return the language the alphabet alone tells, or None when it does not.

    Each of the five writes letters the others do not: Ukrainian "ї є ґ" and "і"
    without "ы э"; Belarusian "ў", "і" with "ы э" and no "и щ"; Russian "ы э" with
    "и" and no "і"; English plain Latin letters. Polish letters also appear in names
    quoted in English, and Cyrillic without "ы э і" may be Bulgarian or Serbian: such
    texts go to lingua.
    """
    low = text.lower()
    letters = set(low)
    if letters & _OTHER_SET:
        return None
    cyrillic = len(_CYRILLIC.findall(low))
    latin = len(_LATIN_LOW.findall(low))
    if cyrillic > latin:
        if latin > cyrillic / 4:
            return None  # mixed scripts
        if "ў" in letters and not letters & _NOT_BE - {"ъ"}:
            return "be"
        if letters & _UK_ONLY and not letters & _RU_ONLY:
            return "uk"
        if _I in letters and not letters & _RU_ONLY:
            return "uk"
        if _I in letters and letters & {"ы", "э"} and not letters & _NOT_BE:
            return "be"
        if letters & {"ы", "э"} and "и" in letters and _I not in letters:
            return "ru"
        return None
    if cyrillic == 0 and not letters & _POLISH_LETTERS and latin >= MIN_LETTERS:
        return "en"
    if cyrillic == 0 and len(_POLISH_RE.findall(_without_names(text))) >= 3:
        return "pl"  # Polish letters in the words around the names
    return None


def _other_language(text: str) -> tuple[str, float] | None:
    """Return the language of a text in none of the five, if the wide detector says so."""
    values = _wide_detector().compute_language_confidence_values(text)
    if not values:
        return None
    top = values[0]
    code = _code(top.language)
    return (code, top.value) if code not in LANGUAGES else None


def detect_language(text: str, *, declared: str | None = None) -> LanguageGuess:
    """Return the language of ``text``.

    Parameters
    ----------
    text
        A report or one sentence of it.
    declared
        The language the report's header, channel or caller gives, if any: used
        when the text is too short or the detector unsure.

    Returns
    -------
    LanguageGuess
        ``lang`` may be a language railtrack does not read (``lt``, ``de``, ...);
        check :attr:`LanguageGuess.supported`.
    """
    declared = declared.lower().strip()[:2] if declared else None
    if is_lacinka(text):  # Belarusian in the Latin alphabet: lingua has no model of it
        return LanguageGuess("be", 1.0, "alphabet")
    letters = len(_LETTER.findall(text))
    if letters < MIN_LETTERS and declared:
        return LanguageGuess(declared, 1.0, "declared")
    if letters >= MIN_LETTERS:
        by_letters = _by_letters(text)
        if by_letters is not None:
            return LanguageGuess(by_letters, 1.0, "alphabet")
    detector = _detector()
    if detector is None:  # pragma: no cover - lingua missing
        if declared:
            return LanguageGuess(declared, 1.0, "declared")
        return LanguageGuess(_by_script(text), 0.5, "detected")
    values = detector.compute_language_confidence_values(_without_names(text))
    if not values or letters == 0:
        return LanguageGuess(declared or "en", 0.0, "declared" if declared else "default")
    top = values[0]
    lang, confidence = _code(top.language), float(top.value)
    low = text.lower()
    strange = sum(1 for c in _OTHER_LETTERS.findall(low) if c not in _READ_LETTERS)
    if letters >= MIN_LETTERS and (strange >= 2 or confidence < MIN_CONFIDENCE):
        other = _other_language(text)
        if other is not None and (strange >= 2 or other[1] > confidence):
            return LanguageGuess(other[0], other[1], "detected")
    if confidence < MIN_CONFIDENCE and declared:
        return LanguageGuess(declared, confidence, "declared")
    return LanguageGuess(lang, confidence, "detected")

"""Which language a report, or one of its sentences, is written in.

railtrack reads English, Russian, Ukrainian, Belarusian and Polish
(:data:`~railtrack.extract.lexicon.LANGUAGES`). :func:`detect_language` asks
lingua (``lingua-language-detector``), restricted to those five, which tells them
apart on sentences and most single words; a text too short to judge, or judged
with low confidence, takes the declared language (a ``lang`` header, the
``lang`` argument of :func:`~railtrack.extract.extract_shipments`, a channel's
language). A report in another language is recognised (a second lingua detector
over every language it knows, asked only when the text has letters the five do not
use or the first detector is unsure) so that railtrack can say so, naming the
language, instead of finding nothing.

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
>>> detect_language("Fonti affermano che un treno è arrivato alla stazione di Polonka, "
...                 "composto da vagoni. Questo treno è partito il 3 gennaio.").lang
'it'
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from railtrack.extract.lacinka import is_lacinka
from railtrack.extract.lexicon import LANGUAGES
from railtrack.extract.scripts import cyrillic_count as _cyrillic_count
from railtrack.extract.scripts import latin_count as _latin_count
from railtrack.extract.scripts import utf8_bytes as _utf8
from railtrack.extract.unaccented import MIN_PLAIN_CUES, plain_polish_words

__all__ = [
    "UNDETERMINED",
    "LanguageGuess",
    "detect_language",
    "mixes_languages",
    "not_read_as_english",
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
# "ó" outside names: Polish too (names written with it, "Kraków", are stripped first)
_POLISH_O_RE = re.compile(r"(?<![^\W\d_])[a-ząćęłńóśźż]*ó[a-ząćęłńóśźż]*")
_LATIN = re.compile(r"[a-zA-Z\u00c0-\u024f]")
_READ_LETTERS = frozenset("ґєіїўё")  # Ukrainian and Belarusian letters: read languages
_OTHER_CHAR = re.compile("[" + "".join(sorted(_OTHER_SET)) + "]")  # any of _OTHER_SET
# At least MIN_LETTERS letters (what _LETTER matches), found without listing them all.
_ENOUGH_LETTERS = re.compile(rf"(?:[\W\d_]*+[^\W\d_]){{{MIN_LETTERS}}}")
_DROP_BUT_ASCII_LOWER = bytes(b for b in range(256) if not 97 <= b <= 122)
_POLISH_LOWER = "ąćęłńóśźż"  # with a-z: the letters _LATIN_LOW matches


def _latin_low_count(low: str) -> int:
    """Count the letters of ``low`` that ``_LATIN_LOW`` matches (a-z, Polish letters)."""
    n = len(_utf8(low).translate(None, _DROP_BUT_ASCII_LOWER))
    return n + sum(low.count(c) for c in _POLISH_LOWER)


def _enough_letters(text: str) -> bool:
    """Whether ``text`` has at least :data:`MIN_LETTERS` letters (as ``_LETTER`` counts)."""
    return _ENOUGH_LETTERS.match(text) is not None


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    """A text's language (ISO 639-1), how sure the guess is, and how it was made.

    ``basis`` is ``alphabet`` (letters only one of the five languages writes),
    ``detected`` (lingua), ``unaccented`` (Polish typed without its letters: lexicon
    words folded), ``declared`` (the fallback was used), ``default``
    (nothing to go on: English) or ``sentences`` (the whole text was found in a
    language railtrack does not read, some of its sentences in this one).
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
    """Return a detector over every language lingua knows (75), for naming a report's.

    Every language, not a list of the region's: a report in a language left off a
    list is named as the listed language nearest it (Italian as French). Low
    accuracy mode (trigram models only): loaded once, on the first report that needs
    it, in about a second; enough to name the language of a whole report.
    """
    from lingua import LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode().build()


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

    Parameters
    ----------
    sentence : str
        One sentence of the report.
    report_lang : str
        The report's language (ISO 639-1: ``en``, ``ru``, ``uk``, ``be``, ``pl``).

    Returns
    -------
    str
        An ISO 639-1 code; may name a language railtrack does not read (``lt``).

    Examples
    --------
    >>> sentence_language("A military transport left Iłowajsk for Asipovičy.", "pl")
    'en'
    >>> sentence_language("Ок.", "uk")
    'uk'
    >>> sentence_language("Planowany przyjazd do Briańska po 16 marca.", "pl")
    'pl'
    >>> sentence_language("Traukinys su 40 vagonų išvyko iš Oršos į Smolenską kovo 9 d.", "pl")
    'lt'
    """
    script = script_of(sentence)
    same_script = (script == "latin") == (report_lang in ("en", "pl"))
    if same_script and not _enough_letters(sentence):
        return report_lang
    if script == "latin":
        # Polish letters outside names make a Latin sentence Polish; none, English
        if len(_POLISH_RE.findall(sentence)) >= 4:
            return "pl"  # names alone rarely carry four
        stripped = _without_names(sentence)
        if _POLISH_RE.search(stripped) or _POLISH_O_RE.search(stripped):
            return "pl"  # ("Ten transport liczy 38 wagonów.": ó in a common word)
        if not _enough_letters(stripped):
            return report_lang
        if _reads_as_english(stripped):
            return "en"
        # no Polish letter and no English word: "Planowany przyjazd do Briańska po 16
        # marca" is Polish, "Traukinys su 40 vagonų išvyko" Lithuanian (not read)
        found = detect_language(sentence, declared=report_lang).lang
        return report_lang if found == UNDETERMINED else found
    by_letters = _by_letters(sentence)
    if by_letters is not None:
        return by_letters
    quoted = _quoted_passage(sentence) if same_script else None
    if quoted is not None:
        # '"12 марта ... прибыл эшелон из 31 платформы", — йдеться в повідомленні
        # «Білоруського Гаюну».': the post is quoted in its language and credited in the
        # report's; the facts are in the quote, so the quote's language reads the sentence
        return sentence_language(quoted, report_lang)
    if same_script or _detector() is None:
        return report_lang if same_script else _by_script(sentence)
    found = _script_detector(script).detect_language_of(_without_names(sentence))
    return report_lang if found is None else _code(found)


# A passage between quotation marks: "…", “…”, „…“, «…» (the marks a relay puts
# around the post it quotes; straight quotes open after a space, a dash or the start).
_QUOTED_RE = re.compile(r'(?:(?:^|(?<=[\s(:—–-]))"([^"]+)"|“([^”]+)”|„([^“”]+)[“”]|«([^»]+)»)')


def _quoted_passage(sentence: str) -> str | None:
    """Return the quoted passage holding most of a sentence's letters, or None.

    A relay quotes the channel's post and credits it in its own language; a quoted
    name ("«Білоруський Гаюн»", "«Роснєфть»") holds few of the sentence's letters and
    is no passage.

    Examples
    --------
    >>> _quoted_passage('"Эшелон из 31 платформы прибыл в Лунинец", — пише «Гаюн».')
    'Эшелон из 31 платформы прибыл в Лунинец'
    >>> _quoted_passage("Ешелон прибув до Лунинця, — повідомляє «Білоруський Гаюн».") is None
    True
    """
    best = max(
        (next(g for g in m.groups() if g is not None) for m in _QUOTED_RE.finditer(sentence)),
        key=len,
        default=None,
    )
    if best is None or not _enough_letters(best):
        return None
    letters = len(_LETTER.findall(sentence))
    return best if 2 * len(_LETTER.findall(best)) > letters else None


_NAME_RE = re.compile(r"(?<=[\w,;:)] )[^\W\d_][\w'’-]*")
# The same words when they start with a capital of the Latin, Greek or Cyrillic blocks
# (U+0000-U+052F): removed by one sub, without a Python call per word. A text with
# letters beyond those blocks takes _NAME_RE and a test per word.
_UPPER_BLOCKS = "".join(
    c for c in map(chr, range(0x530)) if c.isupper() and re.match(r"[^\W\d_]", c)
)
_CAPITALISED_RE = re.compile(rf"(?<=[\w,;:)] )[{re.escape(_UPPER_BLOCKS)}][\w'’-]*")
_LETTER_BEYOND_BLOCKS = re.compile(r"(?![\u0000-\u052f])[^\W\d_]")


def read_part_language(text: str) -> str | None:
    """Return the language of the sentences railtrack reads in a report found unread.

    A Polish report followed by a Lithuanian sentence is taken whole for another
    language ("sw"); its sentences are judged one by one (:func:`detect_language`),
    and the language of those in one of the five with the most letters is returned,
    None when no sentence is in one of the five.

    Examples
    --------
    >>> read_part_language("Wczoraj z Orszy do Smoleńska odjechał skład wojskowy z 40 "
    ...     "wagonami. Traukinys su 40 vagonų išvyko iš Oršos į Smolenską kovo 9 d.")
    'pl'
    >>> read_part_language("Traukinys su 40 vagonų išvyko iš Oršos į Smolenską.") is None
    True
    """
    from railtrack.extract.sentences import split_clauses

    letters: dict[str, int] = {}
    sentences: dict[int, list[str]] = {}
    for clause in split_clauses(text):
        sentences.setdefault(clause.sentence, []).append(clause.text)
    if len(sentences) < 2:
        return None
    for parts in sentences.values():
        sentence = " ".join(parts)
        if not _enough_letters(sentence):
            continue
        guess = detect_language(sentence)
        # (a fragment of a German report is no English: the language must show itself)
        if guess.supported and not _implausible(guess.lang, sentence.lower(), sentence):
            letters[guess.lang] = letters.get(guess.lang, 0) + len(_LETTER.findall(sentence))
    return max(letters, key=lambda k: letters[k]) if letters else None


def _without_names(text: str) -> str:
    """Return the text without its capitalised words after the first of a sentence (names).

    Station names in a foreign spelling ("left Iłowajsk for Asipovičy") would pull the
    guess towards the language the names are spelt in; the words around them tell the
    language of the text. Kept whole when little would be left.
    """
    if _LETTER_BEYOND_BLOCKS.search(text) is None:
        stripped = _CAPITALISED_RE.sub("", text)
    else:
        stripped = _NAME_RE.sub(lambda m: "" if m[0][0].isupper() else m[0], text)
    return stripped if _enough_letters(stripped) else text


# Letters a Cyrillic report's own language never writes and another of the three does.
_OTHER_CYRILLIC = {
    "ru": re.compile("[іїєґў]"),
    "uk": re.compile("[ыэъёў]"),
    "be": re.compile("[ищїєґ]"),
}


def mixes_languages(text: str, lang: str) -> bool:
    """Whether sentences of a report in ``lang`` may be in another language.

    True when the text writes both scripts, or is Polish (a relay may quote English),
    or is English with Polish letters, or is Russian, Ukrainian or Belarusian with a
    letter only another of the three writes (a digest quoting a post in the other
    language); a report in one Cyrillic language, or in plain English, is read in its
    language throughout, which saves judging each sentence.

    Parameters
    ----------
    text : str
        The report.
    lang : str
        Its language (ISO 639-1).

    Returns
    -------
    bool
        True when its sentences should each be judged by :func:`sentence_language`.

    Examples
    --------
    >>> mixes_languages("Эшелон прибыл в Валуйки.", "ru")
    False
    >>> mixes_languages("Z Białorusi do Rosji: a military transport left Orsha.", "pl")
    True
    """
    if lang == "pl":
        return True
    other_cyrillic = _OTHER_CYRILLIC.get(lang)
    if other_cyrillic is not None and other_cyrillic.search(text.lower()) is not None:
        return True  # a Russian paragraph in a Ukrainian digest, or the other way round
    cyrillic = _cyrillic_count(text)
    latin = _latin_count(text) if cyrillic >= MIN_LETTERS else 0
    if min(cyrillic, latin) >= MIN_LETTERS:
        return True
    return lang == "en" and _POLISH_RE.search(text) is not None


def script_of(text: str) -> str:
    """``cyrillic`` or ``latin``: the script most of the text's letters are in.

    Parameters
    ----------
    text : str
        Any text.

    Returns
    -------
    str
        ``"cyrillic"`` when more of its letters are Cyrillic than Latin, else
        ``"latin"`` (also for a text without letters).

    Examples
    --------
    >>> script_of("Эшелон прибыл в Orsha"), script_of("Эшелон left Orsha"), script_of("42")
    ('cyrillic', 'latin', 'latin')
    """
    cyrillic = _cyrillic_count(text)
    return "cyrillic" if cyrillic and cyrillic > _latin_count(text) else "latin"


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

    Each of the five writes letters the others do not: Ukrainian "ї є ґ", and "і"
    beside "и" without "ы э"; Belarusian "ў", "і" with "ы э" and no "и щ"; Russian "ы э" with
    "и" and no "і"; English plain Latin letters. Polish letters also appear in names
    quoted in English, and Cyrillic without "ы э і" may be Bulgarian or Serbian: such
    texts go to lingua. Letters are looked up with ``in`` and counted in the UTF-8
    bytes: a report is scanned a few times in C, never letter by letter in Python.
    """
    low = text.lower()
    if _OTHER_CHAR.search(low):
        return None
    cyrillic = _cyrillic_count(low)
    latin = _latin_low_count(low)
    if cyrillic > latin:
        if latin > cyrillic / 4:
            return None  # mixed scripts
        ru_only = "ы" in low or "э" in low or "ъ" in low or "ё" in low
        ru_be = "ы" in low or "э" in low
        not_be = "и" in low or "щ" in low  # _NOT_BE without "ъ"
        if "ў" in low:
            # Russian and Ukrainian never write "ў"; with "и" or "щ" too, a Belarusian
            # sentence quotes a Russian name or the other way round: lingua decides
            return None if not_be else "be"
        if ("ї" in low or "є" in low or "ґ" in low) and not ru_only:
            return "uk"
        if _I in low and not ru_only and "и" in low:
            # Ukrainian writes "і" beside "и"; "і" alone, with no "ы э ў", is also a
            # short Belarusian sentence ("Цягнік пачне курсіраваць паміж Мінскам і
            # Пекінам"): lingua tells those apart (issue 13, session 12)
            return "uk"
        if _I in low and ru_be and not (not_be or "ъ" in low):
            return "be"
        if ru_be and "и" in low and _I not in low:
            return "ru"
        return None
    polish = any(c in low for c in _POLISH_LETTERS)
    if cyrillic == 0 and not polish and latin >= MIN_LETTERS:
        return "en"
    if cyrillic == 0 and len(_POLISH_RE.findall(_without_names(text))) >= 3:
        return "pl"  # Polish letters in the words around the names
    return None


def _other_language(text: str) -> tuple[str, float] | None:
    """Return the language of a text in none of the five, if the wide detector says so.

    A text with fewer than :data:`MIN_LETTERS_TO_NAME` letters is
    :data:`UNDETERMINED`: the wide detector (low accuracy mode) names short texts
    wrongly and surely ("Dnes do Borisova přijel vlak se 40 vagony z Ruska.", Czech,
    as Hungarian at 0.998; trial14 C1).

    Examples
    --------
    >>> _other_language("Dnes do Borisova přijel vlak se 40 vagony z Ruska.")[0]
    'und'
    >>> text = "Vlak se 40 vagony dnes přijel do Borisova z Ruska, jak informoval kanál."
    >>> _other_language(text)[0]
    'cs'
    """
    values = _wide_detector().compute_language_confidence_values(text)
    if not values:
        return None
    top = values[0]
    code = _code(top.language)
    if code in LANGUAGES:
        return None
    if len(_LETTER.findall(text)) < MIN_LETTERS_TO_NAME:
        return UNDETERMINED, top.value
    return code, top.value


# Words English writes often and Spanish, Italian, Portuguese, French, German, Dutch,
# the Scandinavian and Baltic languages do not (short words such as "in", "is", "on",
# "of", "was", "to", "for", "an", "no" are words of those too, so they are left out):
# a text in plain Latin letters with none of them, or few for its length, is asked of
# the wide detector before it is read as English.
_ENGLISH_WORDS = re.compile(
    r"\b(?:the|and|with|from|were|which|that|this|these|those|has|have|had|been|into|"
    r"towards?|its|their|they|there|would|will|after|near|yesterday|trains?|cars|left|"
    r"arrived|departed|heading|headed|military|equipment|reported|spotted|carrying|"
    r"loaded|unloaded|are|echelons?|wagon|flatcars|platforms|tanks)\b"
)  # searched in the lower-cased text
MIN_LETTERS_TO_NAME = 40
"""Fewer letters around the names than this are too few for the wide detector (its low
accuracy mode) to name the language: a short report in plain Latin letters that is not
English is refused as :data:`UNDETERMINED` ("El tren llego a Valuyki ayer" is not
called German)."""
UNDETERMINED = "und"
"""The language (ISO 639-2 "undetermined") of a report that is in none of the five
but too short to name."""
MIN_ENGLISH_SHARE = 0.03
"""A text in plain Latin letters is read as English when at least this share of its
words (and at least one) are among ``_ENGLISH_WORDS``; English reports in the
corpora have 7% or more."""


def _reads_as_english(text: str) -> bool:
    """Whether a text in plain Latin letters has the common English words its length needs.

    The words are looked for in the lower-cased text, and only until enough are found.
    """
    needed = max(1.0, MIN_ENGLISH_SHARE * (text.count(" ") + 1))
    for hits, _ in enumerate(_ENGLISH_WORDS.finditer(text.lower()), start=1):
        if hits >= needed:
            return True
    return False


def _around_names(text: str) -> str:
    """Return ``text`` without its capitalised words after the first (the names)."""
    if _LETTER_BEYOND_BLOCKS.search(text) is None:
        return _CAPITALISED_RE.sub("", text)
    return _NAME_RE.sub(lambda m: "" if m[0][0].isupper() else m[0], text)


def _other_language_around_names(text: str) -> tuple[str, float] | None:
    """Return the language, if not English, of the words around a text's names.

    Only the words around the names are judged (names say nothing of the language
    they are quoted in), and only when they have :data:`MIN_LETTERS` letters and
    the wide detector is at least :data:`MIN_CONFIDENCE` sure: a list of names and
    numbers in plain Latin letters stays English.
    """
    around = _around_names(text)
    if not _enough_letters(around):
        return None
    values = _wide_detector().compute_language_confidence_values(around)
    if not values or values[0].value < MIN_CONFIDENCE:
        return None
    code, confidence = _code(values[0].language), float(values[0].value)
    if code == "en":
        return None
    if code in LANGUAGES:  # Polish written without its letters: read as Polish
        return code, confidence
    if _latin_count(around) < MIN_LETTERS_TO_NAME:  # too short to name: not English, though
        return UNDETERMINED, confidence
    return code, confidence


def _not_english(text: str) -> LanguageGuess | None:
    """Return the language of a text taken for English that is not, else None.

    Lingua restricted to the five calls German or Italian with one accented letter
    ("Militärzug", "è partito") English, the nearest of the five; the same check as
    for plain Latin letters (:func:`_reads_as_english`) decides.
    """
    if _reads_as_english(text):
        return None
    other = _other_language_around_names(text)
    return None if other is None else LanguageGuess(other[0], other[1], "detected")


def not_read_as_english(text: str) -> str | None:
    """Name the language of a text read as English of which nothing was read, if not English.

    A short report in plain Latin letters whose words around its names are too few to
    judge ("Am 13. April traf in Baranawitschy ein Zug mit 40 Waggons ein.") is read
    as English. When nothing is read from it and it holds none of the common English
    words, the wide detector judges the whole text: when it names a language that
    is neither English nor one of the five, :data:`UNDETERMINED` (a text this short is
    not named: the detector called this one Tswana), else None.

    Parameters
    ----------
    text : str
        The report read as English.

    Returns
    -------
    str or None
        :data:`UNDETERMINED` (``"und"``) when the text is in some other language
        railtrack does not read, else None.

    Examples
    --------
    >>> not_read_as_english("Am 13. April traf in Baranawitschy ein Zug mit 40 Waggons ein.")
    'und'
    >>> not_read_as_english("On 13 April a train of 40 cars arrived at Baranavichy.") is None
    True
    """
    if not _enough_letters(text) or _reads_as_english(text):
        return None
    values = _wide_detector().compute_language_confidence_values(text)
    if not values or values[0].value < MIN_CONFIDENCE:
        return None
    code = _code(values[0].language)
    return None if code == "en" or code in LANGUAGES else UNDETERMINED


def _by_alphabet(text: str) -> LanguageGuess | None:
    """Return the language the alphabet tells (:func:`_by_letters`), if it tells one.

    Plain Latin letters are English only with English words around the names
    (:func:`_reads_as_english`); without them, Polish lexicon words typed plain
    (:func:`~railtrack.extract.unaccented.plain_polish_words`) make the text Polish,
    else the wide detector names the language.

    Examples
    --------
    >>> _by_alphabet("Pociag z Orszy do Smolenska odjechal wczoraj z 40 wagonami.")
    LanguageGuess(lang='pl', confidence=1.0, basis='unaccented')
    """
    by_letters = _by_letters(text)
    if by_letters == "en" and not _reads_as_english(text):
        if plain_polish_words(text) >= MIN_PLAIN_CUES:
            # "Pociag z Orszy do Smolenska odjechal wczoraj": Polish typed without
            # its letters (extract/unaccented.py gives them back before reading)
            return LanguageGuess("pl", 1.0, "unaccented")
        other = _other_language_around_names(text)  # (what _not_english asks)
        if other is not None:
            return LanguageGuess(other[0], other[1], "detected")
    return None if by_letters is None else LanguageGuess(by_letters, 1.0, "alphabet")


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

    Examples
    --------
    >>> detect_language("Ок.", declared="uk").lang
    'uk'
    >>> guess = detect_language("Эшалон з 40 вагонаў прыбыў у Асіповічы.")
    >>> guess.lang, guess.supported
    ('be', True)
    """
    declared = declared.lower().strip()[:2] if declared else None
    if is_lacinka(text):  # Belarusian in the Latin alphabet: lingua has no model of it
        return LanguageGuess("be", 1.0, "alphabet")
    enough = _enough_letters(text)
    if not enough and declared:
        return LanguageGuess(declared, 1.0, "declared")
    by_alphabet = _by_alphabet(text) if enough else None
    if by_alphabet is not None:
        return by_alphabet
    detector = _detector()
    if detector is None:  # pragma: no cover - lingua missing
        if declared:
            return LanguageGuess(declared, 1.0, "declared")
        return LanguageGuess(_by_script(text), 0.5, "detected")
    values = detector.compute_language_confidence_values(_without_names(text))
    if not values or (not enough and _LETTER.search(text) is None):
        return LanguageGuess(declared or "en", 0.0, "declared" if declared else "default")
    top = values[0]
    lang, confidence = _code(top.language), float(top.value)
    low = text.lower()
    strange = sum(1 for c in _OTHER_LETTERS.findall(low) if c not in _READ_LETTERS)
    if (
        enough
        and (strange >= 2 or confidence < MIN_CONFIDENCE)
        and not _plainly_english(lang, confidence, text)
    ):
        other = _other_language(text)
        if other is not None and (strange >= 2 or other[1] > confidence):
            return LanguageGuess(other[0], other[1], "detected")
    second = _second_opinion(lang, low, text) if enough else None
    if second is not None:
        return second
    if confidence < MIN_CONFIDENCE and declared:
        return LanguageGuess(declared, confidence, "declared")
    return LanguageGuess(lang, confidence, "detected")


def _plainly_english(lang: str, confidence: float, text: str) -> bool:
    """Whether the five-language pick, English, stands without asking the wide detector.

    Letters none of the five languages writes ("Kėdainiai", "Dnipró", "Šiauliai") are
    most often in the names an English report quotes; a text that the five-language
    model calls English with confidence and that has the common English words its
    length needs (:func:`_reads_as_english`) is English whatever its names are
    written with, so the 75-language model (about 13 ms on a long report) is not
    asked. A text in another language has too few of those words to pass.

    Examples
    --------
    >>> _plainly_english("en", 0.9, "The train left Šiauliai for Kėdainiai with the tanks.")
    True
    >>> _plainly_english("en", 0.9, "Traukinys išvyko iš Šiaulių į Kėdainius.")
    False
    """
    return lang == "en" and confidence >= MIN_CONFIDENCE and _reads_as_english(text)


def _second_opinion(lang: str, low: str, text: str) -> LanguageGuess | None:
    """Return the language a text is in when the five-language model's pick cannot be.

    Spanish and Italian read as "pl", German as "en" by the five-language model:
    Polish with no Polish letter, English with none of its common words
    (:func:`_implausible`); then lingua's English among five is checked for being
    English at all (:func:`_not_english`). None when the pick stands.
    """
    if _implausible(lang, low, text):
        other = _other_language(text)
        if other is not None:
            return LanguageGuess(other[0], other[1], "detected")
    return _not_english(text) if lang == "en" else None


def _implausible(lang: str, low: str, text: str) -> bool:
    """Whether the five-language model's pick lacks what that language always shows.

    Examples
    --------
    >>> _implausible("pl", "un treno militare è arrivato", "Un treno militare è arrivato")
    True
    >>> _implausible("pl", "pociąg przyjechał", "Pociąg przyjechał")
    False
    """
    if lang == "pl":
        return not any(c in low for c in _POLISH_LETTERS)
    return lang == "en" and not _reads_as_english(text)

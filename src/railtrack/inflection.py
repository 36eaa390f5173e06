"""Dictionary forms of inflected place names, for an exact second look-up.

Reports write place names in oblique cases: "в Криму", "у Маскву", "из Киева", "у
Калузі", "у Брэсце", "do Kapustina Jaru", "w Puławach", "z Federacji Rosyjskiej".
When a name as written does not resolve, the gazetteer asks :func:`lemma_forms` for
the nominative forms the name may stand for and looks each one up **exactly** (never
fuzzily): a lemma guessed by a rule is only trusted when a place bears exactly that
name.

Sources of the forms, per script (the language hint only puts its language first):

- Cyrillic: pymorphy3 with its Russian and Ukrainian dictionaries, through
  :func:`railtrack.extract.morph.name_forms` (dictionary words and its suffix
  predictor for names it does not know), then the suffix rules below for Russian,
  Ukrainian and Belarusian (Belarusian has no pymorphy3 dictionary).
- Latin: the Polish suffix rules of :mod:`railtrack.extract.morph` ("Puławach" ->
  "Puławy", "Szczecina" -> "Szczecin"). simplemma's Polish lemmatiser is not used
  here: loading its Polish dictionary takes 5-20 s, too long for a look-up that
  must answer in milliseconds, and it lemmatises common words, not place names
  ("Kapustina" stays "Kapustina", "Jaru" becomes "jar").

The suffix rules are the noun and adjective declension endings of place names in the
grammars cited in ``extract/lexicons/README.md``: each maps an oblique-case ending
to the nominative endings it may come from. Consonant alternations before the
locative ending are listed as rules of their own: Belarusian "ст" -> "сц", "т" ->
"ц", "д" -> "дз" ("Брэст" -> "у Брэсце"), Ukrainian "г" -> "з", "к" -> "ц", "х" ->
"с" ("Калуга" -> "у Калузі", "Полонка" -> "у Полонці").

Examples
--------
>>> "Брэст" in lemma_forms("Брэсце")
True
>>> "Світлогорськ" in lemma_forms("Світлогорська", "uk")
True
>>> "Puławy" in lemma_forms("Puławach")
True
>>> lemma_forms("Minsk")
()
"""

from __future__ import annotations

import itertools
import logging
import re
from functools import lru_cache

from railtrack._suffixes import SuffixTable

__all__ = [
    "MAX_FORMS",
    "lemma_forms",
    "neuter_adjective_forms",
    "neuter_ending_forms",
    "region_word_forms",
    "singular_region_forms",
    "station_town_forms",
]

logger = logging.getLogger(__name__)

MAX_FORMS = 24
# a suffix rule leaves at least this stem, in letters: "Орле" -> "Орёл" keeps "Ор";
# a shorter rest is the word itself, not a stem ("Ое")
_RULE_STEM_LEAST = 2
# a compound's parts both decline only when each has this many letters
# ("Новгорода-Сіверського"; "Ак-Мечеть"'s "Ак" is no word that declines)
_COMPOUND_PART_LEAST = 3
# a neuter ending is swapped only in a name this long ("Barwinkowo"): in a shorter one
# the "-owo"/"-ово" is most of the name, not its ending
_NEUTER_NAME_LEAST = 6
"""Most candidate forms returned for one name."""

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_WORD = re.compile(r"\w+(?:[’'-]\w+)*", re.UNICODE)

# (oblique ending, nominative endings), longest ending first within a language.
_RULES: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "ru": (
        ("ской", ("ская",)),
        ("ском", ("ск", "ское")),
        ("ского", ("ск", "ское", "ский")),
        ("ску", ("ск",)),
        ("ска", ("ск",)),
        ("ске", ("ск",)),
        ("ого", ("ое", "ий", "ый")),
        ("ому", ("ое", "ий", "ый")),
        ("ами", ("ы", "и")),
        ("ах", ("ы", "и")),
        ("ях", ("и",)),
        # the fleeting vowel: "Орла", "в Орле" -> Орёл; "Ельца" -> Елец; "Гомля" ->
        # Гомель; "Городка" -> Городок; "Камня" -> Камень (pymorphy3 knows some, not all)
        ("ьцом", ("ец",)),
        ("ьца", ("ец",)),
        ("ьце", ("ец",)),
        ("ьцу", ("ец",)),
        ("лом", ("ёл", "ел")),
        ("ла", ("ёл", "ел")),
        ("ле", ("ёл", "ел", "ель")),
        ("лу", ("ёл", "ел")),
        ("лем", ("ель",)),
        ("ля", ("ель",)),
        ("лю", ("ель",)),
        ("ка", ("ок",)),
        ("ке", ("ок",)),
        ("ку", ("ок",)),
        ("ком", ("ок",)),
        ("мня", ("мень",)),
        ("мне", ("мень",)),
        ("ой", ("а", "ая")),
        ("ою", ("а",)),
        ("ом", ("", "о")),
        ("ем", ("ь", "е")),
        ("ы", ("а",)),
        ("и", ("а", "я", "ь")),
        ("е", ("", "а", "о")),
        ("у", ("", "а")),
        ("ю", ("я", "ь")),
        ("а", ("", "о")),
        ("я", ("ь", "е")),
    ),
    "uk": (
        ("ському", ("ськ", "ське")),
        ("ського", ("ськ", "ське", "ський")),
        ("ській", ("ська",)),
        ("ську", ("ськ",)),
        ("ська", ("ськ",)),
        ("ськa", ("ськ",)),
        ("цької", ("цька",)),
        ("цьку", ("цьк",)),
        ("цька", ("цьк",)),
        ("ові", ("",)),
        # "і" of a closed last syllable is "о" once an ending opens it: "Схід" ->
        # "Сходу", "Ріг" -> "Рогу" / "у Розі", "Миргород" is not one (no "і")
        ("огу", ("іг",)),
        ("озі", ("іг",)),
        ("оду", ("ід",)),
        ("оді", ("ід",)),
        ("ору", ("ір",)),
        ("орі", ("ір",)),
        ("олу", ("іл",)),
        ("олі", ("іл",)),
        ("ову", ("ів",)),
        ("ові", ("ів",)),
        ("осу", ("іс",)),
        ("осі", ("іс",)),
        # the fleeting vowel: "Єльця", "у Єльці" -> Єлець; "Кременця" -> Кременець;
        # "Орла", "в Орлі" -> Орел; "Городка" -> Городок
        ("ьцем", ("ець",)),
        ("ьця", ("ець",)),
        ("ьці", ("ець",)),
        ("ьцю", ("ець",)),
        ("цем", ("ець",)),
        ("ця", ("ець",)),
        ("ці", ("ець",)),
        ("цю", ("ець",)),
        ("лом", ("ел",)),
        ("ла", ("ел",)),
        ("лі", ("ел",)),
        ("лу", ("ел",)),
        ("ка", ("ок",)),
        ("ку", ("ок",)),
        ("ому", ("е", "ий")),
        ("ого", ("е", "ий")),
        ("ах", ("и", "і")),
        ("ях", ("і",)),
        ("зі", ("га",)),
        ("ці", ("ка",)),
        ("сі", ("ха",)),
        ("ою", ("а",)),
        ("ом", ("",)),
        ("ої", ("а",)),
        ("и", ("а",)),
        ("і", ("а", "ь", "я")),
        ("у", ("", "а")),
        ("ю", ("я", "ь")),
        ("а", ("",)),
        ("я", ("ь",)),
    ),
    "be": (
        # "ў" closes a syllable, "в" opens one: "Кіеў" -> "з Кіева", "у Кіеве";
        # "Магілёў" -> "Магілёва", "Барысаў" -> "Барысавам"
        ("вам", ("ў",)),
        ("ва", ("ў",)),
        ("ве", ("ў",)),
        ("ву", ("ў",)),
        ("сцы", ("ст",)),
        ("сце", ("ст", "ста")),
        ("дзе", ("д", "да")),
        ("це", ("т", "та")),
        ("ску", ("ск",)),
        ("ска", ("ск",)),
        ("ўскай", ("ўская",)),
        ("скай", ("ская",)),
        # plural genitive of a plural town name: "з Клінцоў" -> Клінцы (Klintsy)
        ("оў", ("ы",)),
        # the fleeting vowel of "-ель", "-ец", "-ок", "-ол" stems, gone once an ending
        # follows: "у Гомлі", "з Гомля", "Гомлем" -> Гомель; "у Лунінцы" -> Лунінец;
        # "з Гарадка", "у Гарадку" -> Гарадок; "з Арла" -> Арол; "з Ельца" -> Елец
        ("лем", ("ель",)),
        ("лі", ("ель",)),
        ("ля", ("ель",)),
        ("лю", ("ель",)),
        ("ьца", ("ец",)),
        ("ьцы", ("ец",)),
        ("цом", ("ец",)),
        ("цы", ("ец",)),
        ("ца", ("ец",)),
        ("цу", ("ец",)),
        ("ком", ("ок",)),
        ("ка", ("ок",)),
        ("ку", ("ок",)),
        ("лом", ("ол", "ёл")),
        ("ла", ("ол", "ёл")),
        ("ле", ("ол", "ёл")),
        ("лу", ("ол", "ёл")),
    ),
    # Polish soft stems, beside the rules of railtrack.extract.morph: "Słonimia" ->
    # "Słonim", "Białorusi" -> "Białoruś", "Grodnie" -> "Grodno".
    "pl": (
        # plural genitive of a plural town name: "do Klińców" -> Klińce (Klintsy)
        ("ców", ("ce", "cy")),
        # the mobile "ie" of "-iec" towns: "Królewca", "w Królewcu", "Królewcem" ->
        # Królewiec; "Kamieńca" -> Kamieniec
        ("ńcem", ("niec",)),
        ("ńca", ("niec",)),
        ("ńcu", ("niec",)),
        ("cem", ("iec",)),
        ("ca", ("iec",)),
        ("cu", ("iec",)),
        # neuter adjective and soft-stem nouns: "do Równego" -> Równe, "z Zaporoża",
        # "w Zaporożu" -> Zaporoże
        ("ego", ("e",)),
        ("ża", ("że",)),
        ("żu", ("że",)),
        ("wicz", ("wicze",)),
        ("owem", ("ów",)),  # masculine instrumental: "pod Lwowem" -> Lwów
        ("iami", ("",)),
        ("iach", ("",)),
        ("iem", ("",)),
        ("lem", ("el",)),  # the mobile "e": "z Homlem" -> Homel (Homla, Homlu)
        ("em", ("",)),  # "pod Iziumem" -> Izium
        ("ami", ("y", "i")),  # plural instrumental: "pod Sumami" -> Sumy, "Łukami" -> Łuki
        ("nie", ("no", "na", "ń")),
        # locative and dative of "-a"/"-ł" nouns, with their consonant alternations:
        # "w Ołeniwce" -> Ołeniwka, "w Wołnowasze" -> Wołnowacha, "w Tule" -> Tula,
        # "w Orle" / "z Orła" -> Oreł (Orzeł, with its mobile "e")
        ("dzie", ("da",)),
        ("dze", ("ga",)),
        ("sze", ("cha",)),
        ("rze", ("ra",)),
        ("cie", ("ta",)),
        ("ce", ("ka",)),
        ("le", ("la", "eł")),
        ("ła", ("eł",)),
        ("si", ("ś",)),
        ("ci", ("ć",)),
        ("ni", ("ń",)),
        ("zi", ("ź",)),
        ("ia", ("",)),
        ("iu", ("",)),
    ),
}
_CYRILLIC_LANGS = ("ru", "uk", "be")


def _words(name: str) -> list[str]:
    return _WORD.findall(name)


# vowels after which a final "я" is part of an adjective's nominative ending ("-ая",
# "-яя"), not the genitive "-я" of a soft noun ("Любомля"): "и" is left out ("Россия")
_VOWELS_BEFORE_YA = frozenset("аяоеуыэюёі")

# the rules of each language indexed by ending (the same rules, the same order)
_RULE_TABLES = {lang: SuffixTable(rules) for lang, rules in _RULES.items()}


@lru_cache(maxsize=8192)
def _rule_forms(word: str, lang: str) -> tuple[str, ...]:
    """Nominative candidates of one word by the suffix rules of ``lang``."""
    table = _RULE_TABLES.get(lang)
    if table is None:
        return ()
    low = word.lower()
    out: list[str] = []
    for ending, nominatives in table.matches(low):  # the rules whose ending it ends with
        if len(low) - len(ending) >= _RULE_STEM_LEAST:
            if ending == "я" and low[-2] in _VOWELS_BEFORE_YA:
                continue  # "-ая", "-яя": a feminine adjective, no case of "-ое" ("Айвазовская")
            stem = word[: len(word) - len(ending)]
            out.extend(stem + nom for nom in nominatives)
    return tuple(dict.fromkeys(out))


def _combine(options: list[tuple[str, ...]], sep: str) -> list[str]:
    return [sep.join(c) for c in itertools.product(*options)]


def _morph_forms(name: str, lang: str) -> tuple[str, ...]:
    """:func:`railtrack.extract.morph.name_forms` without the name; () if it fails.

    A mixed-script name ("obwód woroneskiом") sent morph.name_forms' Łacinka
    conversion into endless recursion; a name look-up must not raise for that.
    """
    from railtrack.extract.morph import name_forms

    try:
        return tuple(name_forms(name, lang)[1:])
    except RecursionError:
        logger.warning("no case forms for %r (%s): morph.name_forms recursed", name, lang)
        return ()


# A town named with its river or position: "Ростов-на-Дону", "Каменск-Шахтинский" is not
# one; the head word alone takes the case ending ("в Ростове-на-Дону")
_COMPOUND = re.compile(r"^([^\W\d_]{3,})(-(?:на|над|под|пад|у)-[^\W\d_][\w-]*)$")


_COMPOUND_STEM = re.compile(r"(?<=\w\w)([сц])ько-(?=\w)")


def _cyrillic_forms(name: str, lang: str | None) -> list[str]:
    langs = [lang] if lang in _CYRILLIC_LANGS else []
    langs += [x for x in _CYRILLIC_LANGS if x not in langs]
    forms: list[str] = []
    compound = _COMPOUND.match(name)
    if compound is not None:  # "Ростове-на-Дону": only the head word declines
        head, tail = compound.groups()
        for code in langs:
            forms.extend(f + tail for f in (*_morph_forms(head, code), *_rule_forms(head, code)))
    for code in langs:
        forms.extend(_morph_forms(name, code))
    words = _words(name)
    parts = name.split("-")
    if " " not in name and len(parts) == 2 and min(map(len, parts)) >= _COMPOUND_PART_LEAST:
        # "Новгорода-Сіверського", "Каменска-Шахтинского": both parts decline
        words = parts
    if 0 < len(words) <= 3:
        per_word = []
        for w in words:
            options = [w]
            for code in langs:
                options.extend(_rule_forms(w, code))
            per_word.append(tuple(dict.fromkeys(options))[:6])
        sep = "-" if "-" in name and " " not in name else " "
        forms.extend(_combine(per_word, sep))
    # Ukrainian writes a compound town's first part as an adjective stem in its case
    # forms: "у Каменсько-Шахтинському" is Каменськ-Шахтинський
    forms += [_COMPOUND_STEM.sub(r"\1ьк-", f) for f in forms[:6] if _COMPOUND_STEM.search(f)]
    forms = list(dict.fromkeys(forms))
    respelled = _respelled([name, *forms[:4]]) + _belarusian_as_russian([name, *forms[:4]])
    return forms[: MAX_FORMS // 2] + respelled + forms[MAX_FORMS // 2 :]


# Belarusian "ц"/"дз" for Russian "т"/"д" before a soft vowel (цеканне, дзеканне), with
# the unstressed "я" for "е" (яканне): "Пецярбург" is Петербург, "Цюмень" Тюмень
_BELARUSIAN_SOFT = re.compile(r"(ц|дз)([яеёіюь])", re.IGNORECASE)
_RUSSIAN_VOWEL = {"я": "е", "е": "е", "ё": "ё", "і": "и", "ю": "ю", "ь": "ь"}
_BELARUSIAN_MARK = re.compile(r"ця|цю|ць|сц[іеяюь]|дз[яеёіюь]", re.IGNORECASE)
# Belarusian akanye in Russian names: "-аўка" for the Russian "-овка"/"-евка"
# ("Зайцаўка" / Зайцевка), "а" for an unstressed "е" after "ч ш ж" in the first
# syllable ("Чабаркуль" / Чебаркуль); the letters Russian writes for "і э ў"
_BELARUSIAN_OVKA = re.compile(r"[ая]ўк")
_BELARUSIAN_FIRST_A = re.compile(r"^([ЧШЖчшж])а")
_RUSSIAN_LETTERS = str.maketrans("іІэЭўЎ", "иИеЕвВ")


def _belarusian_as_russian(forms: list[str]) -> list[str]:
    """Russian spellings of Belarusian forms of Russian names: "Пецярбург" / "Петербург".

    Belarusian writes "ц" and "дз" where Russian has a soft "т" and "д", and "я" for an
    unstressed "е" after them. Only a form with a pair Russian does not write ("ця",
    "цю", "ць", "дз" before a soft vowel) is respelled: "Целина" stays as it is.

    Examples
    --------
    >>> _belarusian_as_russian(["Санкт-Пецярбург", "Цюмень", "Целина"])
    ['Санкт-Петербург', 'Тюмень']
    >>> _belarusian_as_russian(["Капусцін Яр", "Зайцаўка", "Чабаркуль"])
    ['Капустин Яр', 'Зайцовка', 'Зайцевка', 'Чебаркуль']
    """

    def russian(m: re.Match[str]) -> str:
        consonant = "т" if m[1].lower() == "ц" else "д"
        if m[1][0].isupper():
            consonant = consonant.upper()
        vowel = _RUSSIAN_VOWEL[m[2].lower()]
        return consonant + (vowel.upper() if m[2].isupper() else vowel)

    out = [_BELARUSIAN_SOFT.sub(russian, f) for f in forms if _BELARUSIAN_MARK.search(f)]
    for f in forms:
        # akanye (issue 13, session 12): "Зайцаўка" -> Зайцевка, "Чабаркуль" -> Чебаркуль
        vowels = [_BELARUSIAN_OVKA.sub(ending, f) for ending in ("овк", "евк")]
        vowels = [v for v in vowels if v != f]
        if _BELARUSIAN_FIRST_A.match(f):
            vowels.append(_BELARUSIAN_FIRST_A.sub(r"\1е", f))
        out.extend(v.translate(_RUSSIAN_LETTERS) for v in vowels)
    return list(dict.fromkeys(out))


# Regions named after their centre: uk "Бєлгородщина", "Брянщина", "Донеччина"; ru
# "Белгородчина", "Смоленщина"; be "Гомельшчына", "Віцебшчына". The centre drops
# its "-ськ"/"-ск" ("-цьк" before "ччина") before the suffix.
_REGION_SUFFIX = re.compile(r"^(\w{3,}?)(щина|щини|щині|щину|щиною|шчына|шчыны|шчыне|шчыну|"
                            r"ччина|ччини|ччині|ччину|ччына|чина|чини|чині|чину|чыны|чына|"
                            r"щины|щине|щиной|чины|чине|чиной)$")  # fmt: skip


def region_word_forms(name: str) -> list[str]:
    """Region names a one-word "-щина"/"-чина" name stands for; empty for other names.

    Parameters
    ----------
    name : str
        A place name as written, in any case form ("Смоленщине", "Гомельщина").

    Returns
    -------
    list of str
        The region names it may stand for (such as ``"Смоленськ область"``); empty
        for a name of several words or without the suffix.

    Examples
    --------
    >>> region_word_forms("Смоленщине")[1]
    'Смоленськ область'
    >>> region_word_forms("Orsha")
    []
    """
    name = name.strip()
    if " " in name or _REGION_SUFFIX.match(name) is None:
        return []
    return _region_forms(name)


def _region_forms(name: str) -> list[str]:
    """Region names ("<centre> область") a "-щина" word may stand for.

    Examples
    --------
    >>> _region_forms("Бєлгородщині")[:2]
    ['Бєлгород область', 'Бєлгородськ область']
    >>> _region_forms("Донеччина")[0]
    'Донецьк область'
    """
    m = _REGION_SUFFIX.match(name)
    if m is None:
        return []
    stem, suffix = m.groups()
    if suffix.startswith("чч"):
        centres = [stem + "цьк", stem + "цк"]
    else:
        centres = [stem, stem + "ськ", stem + "ск"]
    return [f"{c} область" for c in centres]


# A station named after its town in the adjective form: "Тихорецкая" (Tikhoretsk),
# "Kamenskaya" (Kamensk), uk "Тихорецька"; the town it stands for is a form to look
# up (a station of that exact name, where the gazetteer has one, resolves first).
_STATION_ADJECTIVE = re.compile(
    r"^(\w{3,}?)(ская|цкая|зская|ська|цька|skaya|skaja|tskaya|ckaja)$", re.IGNORECASE
)
_TOWN_OF_ADJECTIVE = {"ская": "ск", "цкая": "цк", "зская": "зск", "ська": "ськ", "цька": "цьк",
                      "skaya": "sk", "skaja": "sk", "tskaya": "tsk", "ckaja": "ck"}  # fmt: skip


_FEMININE_ADJECTIVE = re.compile(r"^(\w{3,}?)(ная|ская|цкая)$", re.IGNORECASE)
_MASCULINE_OF = {"ная": "ный", "ская": "ский", "цкая": "цкий"}


def station_town_forms(name: str) -> list[str]:
    """Return the town a station name in the adjective form is named after.

    Only for a name that does not resolve as written: a town named "Troitskaya"
    is not Troitsk.

    Parameters
    ----------
    name
        One word, a nominative ("Тихорецкая", "Kamenskaya").

    Returns
    -------
    list of str
        The town's name, or empty when the word is no such adjective.

    Examples
    --------
    >>> station_town_forms("Тихорецкая"), station_town_forms("Tikhoretskaya")
    (['Тихорецк', 'Тихорецкий'], ['Tikhoretsk'])
    >>> station_town_forms("Высокогорная")
    ['Высокогорный']
    """
    out = []
    m = _STATION_ADJECTIVE.match(name)
    if m is not None:
        stem, ending = m.groups()
        out.append(stem + _TOWN_OF_ADJECTIVE[ending.lower()])
    # the settlement's own adjective in the masculine: station Высокогорная of the
    # settlement Высокогорный, Верхнезейская of Верхнезейск's neighbour Верхнезейский
    m = _FEMININE_ADJECTIVE.match(name)
    if m is not None:
        out.append(m[1] + _MASCULINE_OF[m[2].lower()])
    return out


_NEUTER_OF = {"ская": ("ское",), "цкая": ("цкое",), "skaya": ("skoye", "skoe", "ske"),
              "tskaya": ("tskoye", "tskoe", "tske"), "ська": ("ське",)}  # fmt: skip
_FEMININE_STATION = re.compile(r"^(\w{3,}?)(ская|цкая|ська|skaya|tskaya)$", re.IGNORECASE)


def neuter_adjective_forms(name: str) -> list[str]:
    """Return the neuter town names a feminine station adjective may be named after.

    "Кировская" is the station of Кировское as well as of Кировск
    (:func:`station_town_forms`); empty for a name that is no such adjective.

    Parameters
    ----------
    name : str
        A station name in Cyrillic or Latin letters.

    Returns
    -------
    list of str
        The neuter forms, in the name's script; empty when it is no feminine
        adjective.

    Examples
    --------
    >>> neuter_adjective_forms("Kirovskaya")
    ['Kirovskoye', 'Kirovskoe', 'Kirovske']
    >>> neuter_adjective_forms("Кировская"), neuter_adjective_forms("Орша")
    (['Кировское'], [])
    """
    m = _FEMININE_STATION.match(name)
    if m is None:
        return []
    stem, ending = m.groups()
    return [stem + neuter for neuter in _NEUTER_OF[ending.lower()]]


def _respelled(forms: list[str]) -> list[str]:
    """Russian spellings of Ukrainian forms: "і" written for Russian "е".

    Ukrainian writes "і" where Russian has "е" ("Світлогорськ" / "Светлогорск");
    names of Russian and Belarusian places in Ukrainian reports often keep only that
    difference. ("і" for "о", as in "Ріг" / "Рог", is not tried: "Лісова" would
    become "Лосова", another town; only in the suffix "-івка", the Ukrainian
    "-овка": "Волоконівка" / "Волоконовка".)

    Examples
    --------
    >>> _respelled(["Волоконівка"])
    ['Волоконевка', 'Волоконовка']
    """
    out = [f.replace("і", "е").replace("І", "Е") for f in forms if "і" in f.lower()]
    return out + [f.replace("івк", "овк") for f in forms if "івк" in f]


def _latin_forms(name: str, lang: str | None) -> list[str]:
    if lang == "be":
        return [*_lacinka_forms(name, lang), *_ia_accusative(name)]
    if lang not in (None, "pl", "en"):
        return []
    forms = [*_morph_forms(name, "pl"), *_ia_accusative(name)]
    words = _words(name)
    if 0 < len(words) <= 3:
        per_word = [tuple(dict.fromkeys([w, *_rule_forms(w, "pl")]))[:6] for w in words]
        forms.extend(_combine(per_word, " "))
    if lang != "en":
        forms.extend(_polish_kh([name, *forms]))
        forms.extend(_polish_soft_r([name, *forms]))
        forms.extend(_polish_neuter_genitive(name, lang))
    if lang is None:
        forms.extend(_lacinka_forms(name, lang))
    return forms


_IA_ACCUSATIVE = re.compile(r"(?<=\w)([ij])u$", re.IGNORECASE)


def _ia_accusative(name: str) -> list[str]:
    """Read a final "-iu" / "-ju" as the accusative of a "-ia" / "-ja" name.

    Belarusian in Łacinka and Ukrainian romanised write the accusative of a feminine
    "-ia" / "-ja" name with "-iu" / "-ju": "ŭ Vilniu" (Vilnia, Vilnius), "u Rasiju"
    (Rasija), "u Vinnytsiu" (Vinnytsia). Polish reads "-iu" as a locative ("w
    Poznaniu"), whose forms the Polish rules give beside this one.

    Examples
    --------
    >>> _ia_accusative("Vilniu"), _ia_accusative("Rasiju"), _ia_accusative("Orsha")
    (['Vilnia'], ['Rasija'], [])
    """
    m = _IA_ACCUSATIVE.search(name)
    if m is None:
        return []
    a = "A" if m[0][-1].isupper() else "a"
    return [f"{name[: m.start()]}{m[1]}{a}"]


# "rz" before a vowel: the Polish spelling of a soft р ("Krzyczew" is Кричев, "Rzeczyca"
# Речица, "Orzeł" Орёл); Polish letters only Łacinka does not write ("ó", "ą", "ę", "w",
# "sz", "cz", "rz") mark a name that is not Łacinka
_POLISH_SOFT_R = re.compile(r"rz(?=[aeiouyąęó])", re.IGNORECASE)
# a letter only Łacinka among the languages of reports writes (Polish has none of them)
_LACINKA_MARK = re.compile(r"[ŭčšž]", re.IGNORECASE)


# Polish letters and digraphs that Russian, Ukrainian and Belarusian romanisations do
# not write: "w" (v), "sz", "cz", "rz", "ó", "ą", "ę", "ł", "ń", "ś", "ź", "ż"
_POLISH_MARK = re.compile(r"w|sz|cz|rz|[óąęłńśźż]", re.IGNORECASE)
_NEUTER_GENITIVE = re.compile(r"(?<=\w\w)na$")


def _polish_neuter_genitive(name: str, lang: str | None) -> list[str]:
    """Read a final "-na" as the genitive of a neuter "-no" town: "do Kowna" -> Kowno.

    Polish declines Kowno (Kaunas), Gniezno, Grodno as neuter nouns: "z Kowna", "do
    Gniezna". Only with the report's language "pl", or without one for a name spelt the
    Polish way ("w", "sz", "ó", ...): a romanised Russian "Rodina" is a name of its own,
    never the village Rodino.

    Examples
    --------
    >>> _polish_neuter_genitive("Kowna", None), _polish_neuter_genitive("Gniezna", "pl")
    (['Kowno'], ['Gniezno'])
    >>> _polish_neuter_genitive("Rodina", None), _polish_neuter_genitive("Kowel", "pl")
    ([], [])
    """
    if _NEUTER_GENITIVE.search(name) is None:
        return []
    if lang != "pl" and not _POLISH_MARK.search(name):
        return []
    return [name[:-1] + ("O" if name[-1].isupper() else "o")]


def _polish_soft_r(forms: list[str]) -> list[str]:
    """Read "rz" before a vowel as "r" in Polish-spelled names: "Krzyczew" is Kryczew.

    Polish exonyms of Belarusian and Russian towns write the soft р as "rz"; the
    spelling key reads "rz" as ж. The respelled form is looked up exactly, like every
    case form.

    Examples
    --------
    >>> _polish_soft_r(["Krzyczew", "Rzeczycy", "Grodno"])
    ['Kryczew', 'Reczycy']
    """
    out = []
    for form in forms:
        respelled = _POLISH_SOFT_R.sub(lambda m: m[0][0], form)
        if respelled != form:
            out.append(respelled)
    return out


def _lacinka_forms(name: str, lang: str | None) -> list[str]:
    """Cyrillic spelling of a Łacinka name and its nominatives: "Druju" -> Друю, Друя.

    Belarusian in Łacinka ("u Połack", "na Druju", "z Haradni") is read by its Cyrillic
    spelling (:func:`railtrack.extract.lacinka.to_cyrillic`) and that spelling's
    Belarusian and Russian case forms. Without a language, only a name with a letter
    that Łacinka writes and Polish does not ("ŭ", "č", "š", "ž") is read so: "Garrett"
    is no Łacinka "Ґаррэтт" (the Romanian village Haret).

    Examples
    --------
    >>> _lacinka_forms("Druju", "be")[:2]
    ['Друю', 'Друя']
    >>> _lacinka_forms("Čarnihaŭskaj vobłaści", "be")[0]
    'Чарнігаўскай вобласці'
    >>> _lacinka_forms("Druju", None), _lacinka_forms("Garrett", None)
    ([], [])
    """
    if lang is None and not _LACINKA_MARK.search(name):
        return []
    from railtrack.extract.lacinka import to_cyrillic

    spelled = to_cyrillic(name)[0]
    if _LATIN_LETTER.search(spelled) or not _CYRILLIC.search(spelled):
        return []
    # Łacinka writes the soft "ś" of "vobłaści" as the classical spelling does
    # ("вобласьці"); the official spelling has no soft sign there ("вобласці")
    official = _CLASSICAL_SOFT_SIGN.sub("", spelled)
    heads = list(dict.fromkeys([official, spelled]))
    forms = [f for head in heads for f in _cyrillic_forms(head, "be")[: MAX_FORMS // 2]]
    return list(dict.fromkeys([*heads, *forms]))


_CLASSICAL_SOFT_SIGN = re.compile(r"(?<=[сзцСЗЦ])ь(?=[бвгджзклмнпрстфхцчшщ])")


# Letters and pairs only a Polish spelling of a Slavic name writes: the Polish marks,
# "cz"/"sz"/"rz" for ч/ш/р-soft, "w" for в, "j" beside a vowel for й/я/е/ю, "ie" for е;
# and the pairs only an English one writes ("sh", "zh", "kh", "ts")
_POLISH_SPELLING = re.compile(r"[ąćęłńóśźż]|cz|sz|rz|w|[aeiouy]j|j[aeiou]|ie", re.IGNORECASE)
_ENGLISH_SPELLING = re.compile(r"sh|zh|kh|ts", re.IGNORECASE)


def _polish_kh(forms: list[str]) -> list[str]:
    """Read "ch" as х in Polish-spelled words: "Chojniki" is Хойники (Khoyniki).

    Polish writes х as "ch" and ч as "cz"; English writes them "kh" and "ch". A word
    spelled the Polish way (:data:`_POLISH_SPELLING`, outside its "ch") and in no
    English way gets its "kh" spelling, which the spelling key reads as х; other words
    keep "ch" as ч ("Chernihiv", "Chop", "Troyeshchyna", "Drachyno railway station").

    Examples
    --------
    >>> _polish_kh(["Chojniki", "Chernihiv", "Czerkasy", "Drachyno railway station"])
    ['Khojniki']
    """

    def kh(m: re.Match[str]) -> str:
        word = m[0]
        rest = re.sub("ch", "", word, flags=re.IGNORECASE)
        if not _POLISH_SPELLING.search(rest) or _ENGLISH_SPELLING.search(word):
            return word
        return word.replace("Ch", "Kh").replace("ch", "kh").replace("CH", "KH")

    out = []
    for form in forms:
        if "ch" in form.casefold():
            respelled = _WORD.sub(kh, form)
            if respelled != form:
                out.append(respelled)
    return out


_HOMOGLYPHS = str.maketrans("aceiopxyABCEHIKMOPTX", "асеіорхуАВСЕНІКМОРТХ")
_LATIN_LETTER = re.compile(r"[A-Za-z]")


def _cyrillic_homoglyphs(name: str) -> str:
    """Spell Latin look-alike letters in Cyrillic inside words that are mostly Cyrillic.

    Posts typed on mixed keyboards carry Latin letters that look Cyrillic ("Оршi"
    with a Latin i, "Минcк" with a Latin c); a word with Cyrillic letters is read
    with them in Cyrillic. Whole Latin words are left as they are.

    Examples
    --------
    >>> _cyrillic_homoglyphs("до Оршi"), _cyrillic_homoglyphs("Orsha")
    ('до Орші', 'Orsha')
    """
    words = name.split(" ")
    for k, word in enumerate(words):
        if _CYRILLIC.search(word) and _LATIN_LETTER.search(word):
            words[k] = word.translate(_HOMOGLYPHS)
    return " ".join(words)


# A region noun in the plural, as reports write two regions at once ("в Брянской и
# Курской областях", "у Гомельскай і Магілёўскай абласцях", "w obwodach charkowskim i
# zaporoskim", "Belgorod and Kursk regions"): the name beside it is one region, the noun
# in the singular of the same case (ru/uk "областях" is ru "области", uk "області").
_SINGULAR_REGION_NOUN: dict[str, tuple[str, ...]] = {
    "областях": ("области", "області"), "областям": ("области", "області"),
    "областей": ("области", "області"), "областями": ("областью", "областю"),
    "краях": ("крае", "краї"), "краям": ("краю",), "краев": ("края",), "краёв": ("края",),
    "республиках": ("республике", "республіці"), "республик": ("республики",),
    "абласцях": ("вобласці",), "абласцей": ("вобласці",), "абласцям": ("вобласці",),
    "абласцямі": ("вобласцю",),
    "obwodach": ("obwodzie",), "obwodów": ("obwodu",), "obwodom": ("obwodowi",),
    "obwodami": ("obwodem",), "krajach": ("kraju",), "republikach": ("republice",),
    "oblasts": ("oblast",), "regions": ("region",), "provinces": ("province",),
    "krais": ("krai",),
}  # fmt: skip


def singular_region_forms(name: str) -> list[str]:
    """Return a name with its plural region noun in the singular; empty when it has none.

    Parameters
    ----------
    name : str
        A place name of one or more words.

    Returns
    -------
    list of str
        The name with its first plural region noun replaced by each singular it may
        stand for; empty when it has none.

    Examples
    --------
    >>> singular_region_forms("Магілёўскай абласцях")
    ['Магілёўскай вобласці']
    >>> singular_region_forms("Курской областях")
    ['Курской области', 'Курской області']
    >>> singular_region_forms("Kursk regions"), singular_region_forms("Orsha")
    (['Kursk region'], [])
    """
    words = name.split(" ")
    for k, word in enumerate(words):
        singulars = _SINGULAR_REGION_NOUN.get(word.lower())
        if singulars is not None:
            return [" ".join([*words[:k], s, *words[k + 1 :]]) for s in singulars]
    return []


# Ukrainian neuter town names end in "-ове"/"-еве"/"-єве" where Russian has "-ово"/"-ево"
# (Барвінкове / Барвенково, Ясинувате); Polish and English reports mix the two, the
# Ukrainian stem with the Russian ending ("Barwinkowo", "Barvinkovo") or the reverse.
_NEUTER_SWAPS = (
    ("ово", "ове"), ("ево", "еве"), ("ове", "ово"), ("еве", "ево"), ("єве", "єво"),
    ("owo", "owe"), ("ewo", "ewe"), ("owe", "owo"), ("ewe", "ewo"),
    ("ovo", "ove"), ("evo", "eve"), ("ove", "ovo"), ("eve", "evo"),
)  # fmt: skip


def neuter_ending_forms(name: str) -> list[str]:
    """Return a one-word name with the other neuter ending ("-ово" / "-ове"); empty otherwise.

    Parameters
    ----------
    name : str
        A place name.

    Returns
    -------
    list of str
        At most one form; empty for names of several words, shorter than six
        letters or without the ending.

    Examples
    --------
    >>> neuter_ending_forms("Barwinkowo"), neuter_ending_forms("Барвінково")
    (['Barwinkowe'], ['Барвінкове'])
    >>> neuter_ending_forms("Orsha"), neuter_ending_forms("Nowe Miasto")
    ([], [])
    """
    if " " in name or len(name) < _NEUTER_NAME_LEAST:
        return []
    low = name.lower()
    return [name[:-3] + new for old, new in _NEUTER_SWAPS if low.endswith(old)][:1]


@lru_cache(maxsize=16384)
def lemma_forms(name: str, lang: str | None = None) -> tuple[str, ...]:
    """Return candidate nominative forms of a place name, without the name itself.

    Parameters
    ----------
    name
        A place name as written, one to three words ("Калузі", "Kapustina Jaru").
    lang
        Optional language of the text around the name (``ru``, ``uk``, ``be``,
        ``pl``, ``en``): its rules come first. Without it every language of the
        name's script is tried.

    Returns
    -------
    tuple of str
        At most :data:`MAX_FORMS` distinct forms, likeliest first; empty when the
        name has no oblique-case ending in any language tried (a name in neither
        Cyrillic nor Latin script, or Latin text in another language than Polish or
        English).

    Examples
    --------
    >>> lemma_forms("России", "ru")[0]
    'Россия'
    >>> "Federacja Rosyjska" in lemma_forms("Federacji Rosyjskiej")
    True
    """
    name = " ".join(name.split())
    if not name:
        return ()
    singular = singular_region_forms(name)
    if singular:  # "Курской областях": the singular and its nominatives
        more = [f for s in singular for f in (s, *lemma_forms(s, lang))]
        return tuple(dict.fromkeys(more))[:MAX_FORMS]
    cyrillic = _CYRILLIC.search(name) is not None
    written = name
    if cyrillic:
        name = _cyrillic_homoglyphs(name)  # "Оршi" typed with a Latin i is "Орші"
    forms = _cyrillic_forms(name, lang) if cyrillic else _latin_forms(name, lang)
    if name != written:
        forms = [name, *forms]
    if cyrillic and " " not in name:
        forms = _region_forms(name) + forms

    seen = {written.casefold()}
    out = []
    for form in forms:
        key = form.casefold()
        if form and key not in seen:
            seen.add(key)
            out.append(form)
    return tuple(out[:MAX_FORMS])

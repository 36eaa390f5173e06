"""Station-name normalisation: noise removal, one fixed transliteration, a skeleton.

A report writes one station many ways: Matveyev-Kurhan, Matveev Kurgan, Матвеев
Курган; Asipovichy and Osipovichi; Homel and Gomel. :func:`skeleton` maps all of
them to one ASCII key by (1) NFKC, case folding and removal of noise words such as
"station", "st." or "ж/д"; (2) one fixed Cyrillic-to-Latin transliteration covering
Russian, Ukrainian and Belarusian letters; (3) folding diacritics and Polish
digraphs; (4) merging the letter groups that the romanisation systems disagree on:
{g, h, kh, x}, {e, ie, je, ye}, {i, y, j}, {ts, tz, c}, {a, o} (Belarusian
akanye), {sh, sz, shch, š}, {zh, ż, ž}, {ch, cz, č} (ч, kept apart from х), {w, v};
(5) dropping soft signs, apostrophes,
hyphens and spaces and collapsing doubled letters. Roman numerals after the name
("Osipovichi-I") become digits.

The mapping follows the project's domain fact sheet (section 4), except that ч (ch,
cz, č) is kept apart from х (kh, x): English-language reports write ч as "ch", and
merging the two made distinct stations collide on ru-rail. Likewise ш and ж keep
their own classes (S, Z) instead of merging with s and z (Шапка is not Сопка). Fuzzy ranking
of skeletons is left to :mod:`rapidfuzz` in :mod:`railtrack.gazetteer`.

Examples
--------
>>> skeleton("Matveyev-Kurhan") == skeleton("Матвеев Курган") == skeleton("Matwiejew-Kurhan")
True
>>> skeleton("Asipovichy") == skeleton("Osipovichi")
True
>>> skeleton("Homel station") == skeleton("ст. Гомель")
True
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = [
    "base_tokens",
    "is_suffix_word",
    "name_tokens",
    "role_rank",
    "same_case_form",
    "same_name_stem",
    "skeleton",
    "to_latin",
    "tokens_skeleton",
]

# One fixed transliteration of Russian, Ukrainian and Belarusian Cyrillic (close to
# BGN/PCGN); the skeleton merges what the systems disagree on afterwards.
_CYRILLIC = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "ґ": "g",
    "д": "d",
    "е": "e",
    "ё": "yo",
    "є": "ye",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "і": "i",
    "ї": "yi",
    "й": "y",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ў": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ъ": "",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "yu",
    "я": "ya",
}

# Latin letters with diacritics whose plain letter would lose a distinction the
# romanisations make (ISO 9, Belarusian Łacinka, Polish).
_LATIN_SPECIAL = {
    "š": "sh",
    "ž": "zh",
    "č": "ch",
    "ć": "c",
    "ż": "zh",
    "ź": "z",
    "ł": "l",
    "ĺ": "l",
    "ŭ": "u",
    "â": "ya",
    "û": "yu",
    "ê": "ye",
    "ë": "yo",
    "ß": "ss",
}

# Look-alike and punctuation characters folded before anything else.
_FOLD = str.maketrans(
    {
        "’": "'",
        "ʼ": "'",
        "ʹ": "'",
        "`": "'",
        "´": "'",
        "–": "-",
        "—": "-",
        "‑": "-",
        "«": " ",
        "»": " ",
        '"': " ",
        "„": " ",
        "“": " ",
        "”": " ",
    }
)

# Noise words: "station", "st.", "railway station", their Russian, Ukrainian,
# Belarusian and Polish forms, and rail abbreviations.
_NOISE = re.compile(
    r"(?<![\w])("
    r"railway\s+station|railroad\s+station|rail\s+station|train\s+station|railway|railhead|"
    r"stations?|stn|st|sta|"
    r"ж\s*/\s*д|ж\.\s*д|жд|ст|станция|станции|станцию|станцией|станція|станції|станцію|"
    r"станцыя|станцыі|вокзал|stacja|stacji|stację|dworzec|"
    r"rzhd|ржд|bch|бч|бжд|узел|junction|yard|рзд|разъезд|rzd|razyezd|razezd"
    r")(?![\w])\.?",
    re.IGNORECASE,
)

_ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4", "v": "5"}
_SPLIT = re.compile(r"[^\w]+", re.UNICODE)

# Applied left to right, longest first, in one pass.
_MERGES = {
    "shch": "S",
    "szcz": "S",
    "sch": "S",
    "sh": "S",
    "sz": "S",
    "zh": "Z",
    "kh": "h",
    "ch": "C",
    "cz": "C",
    "ts": "c",
    "tz": "c",
    "x": "h",
    "g": "h",
    "w": "v",
    "q": "k",
    "ye": "e",
    "ie": "e",
    "je": "e",
    "yo": "o",
    "io": "o",
    "jo": "o",
    "ya": "a",
    "ia": "a",
    "ja": "a",
    "yu": "u",
    "iu": "u",
    "ju": "u",
    "yi": "i",
    "y": "i",
    "j": "i",
    "o": "a",
}
_MERGE_RE = re.compile("|".join(sorted(_MERGES, key=len, reverse=True)))
_DOUBLES = re.compile(r"(.)\1+")


def to_latin(text: str) -> str:
    """Transliterate Cyrillic letters to Latin with one fixed table and fold diacritics.

    Parameters
    ----------
    text
        A name in any mix of Cyrillic and Latin script.

    Returns
    -------
    str
        Lower-case ASCII letters, digits and the original separators.

    Examples
    --------
    >>> to_latin("Асіповічы")
    'asipovichy'
    >>> to_latin("Baranavičy")
    'baranavichy'
    """
    latin = unicodedata.normalize("NFKC", text).casefold().translate(_TO_LATIN)
    if latin.isascii():
        return latin
    return "".join(ch if ord(ch) < 128 else _fold_letter(ch) for ch in latin)


# One table for str.translate: the Cyrillic and special Latin letters (their Latin
# forms are ASCII, so one pass gives the same result as a letter-by-letter loop).
_TO_LATIN = str.maketrans({**_LATIN_SPECIAL, **_CYRILLIC})


@lru_cache(maxsize=4096)
def _fold_letter(ch: str) -> str:
    """ASCII letters of a character's decomposition ("é" -> "e"; none: "")."""
    return "".join(c for c in unicodedata.normalize("NFKD", ch) if ord(c) < 128)


def name_tokens(text: str) -> list[str]:
    """Split a name into lower-case Latin tokens without noise words.

    Roman numerals after the first token become digits ("Osipovichi-I" ->
    ``['osipovichi', '1']``).

    Parameters
    ----------
    text
        A station name as written.

    Returns
    -------
    list of str
        The name's tokens, transliterated to Latin.

    Examples
    --------
    >>> name_tokens("ст. Осиповичи-I")
    ['osipovichi', '1']
    >>> name_tokens("Matveev Kurgan railway station")
    ['matveev', 'kurgan']
    """
    return list(_name_tokens(text))


@lru_cache(maxsize=65536)
def _name_tokens(text: str) -> tuple[str, ...]:
    """Return :func:`name_tokens` as a tuple, cached (names are split many times over).

    Resolving one name splits the gazetteer's written names of its candidates and
    the query's case forms again and again.
    """
    return tuple(_plain_name_tokens(text))


def _plain_name_tokens(text: str) -> list[str]:
    """Split a name as :func:`name_tokens` does, uncached (the cache is tested against it)."""
    folded = unicodedata.normalize("NFKC", text).translate(_FOLD)
    folded = folded.replace("'", "")
    folded = _NOISE.sub(" ", folded)
    tokens: list[str] = []
    for raw in _SPLIT.split(folded):
        if not raw or raw == "_":
            continue
        # A Cyrillic "І" standing alone is a Roman numeral, not a letter.
        token = to_latin(raw.replace("І", "I").replace("Ι", "I")).strip("_")
        if not token:
            continue
        if tokens and token in _ROMAN:
            token = _ROMAN[token]
        tokens.append(token)
    return tokens


@lru_cache(maxsize=262144)
def _merge(token: str) -> str:
    merged = _MERGE_RE.sub(lambda m: _MERGES[m.group(0)], token)
    return _DOUBLES.sub(r"\1", merged)


def base_tokens(tokens: list[str]) -> list[str]:
    """Drop trailing station-role words and numbers ("-Passazhirsky", "-Sort.", "-I").

    The first token is always kept, so a name is never emptied.

    Parameters
    ----------
    tokens
        Tokens from :func:`name_tokens`.

    Returns
    -------
    list of str
        The tokens that name the place.

    Examples
    --------
    >>> base_tokens(name_tokens("Смоленск-Сортировочный"))
    ['smolensk']
    >>> base_tokens(name_tokens("Baranovichi-Polesskiye"))
    ['baranovichi', 'polesskiye']
    """
    kept = list(tokens)
    while len(kept) > 1 and _is_role(kept[-1]):
        kept.pop()
    return kept


# Skeleton prefixes of station-role words: passazhirsky, tovarny, sortirovochny,
# glavny, tsentralny, ekspeditsiya ("эксп."), SAIPS, park, post, vostochny, zapadny,
# severny, yuzhny, novy (not: those are parts of names) are excluded on purpose.
_ROLE_PREFIXES = (
    "pasaZ",
    "pasas",
    "tavar",
    "sart",
    "hlavn",
    "centr",
    "cenral",
    "eksp",
    "saips",
    "park",
)


_MAIN_ROLES = ("pasaZ", "pasas", "hlavn", "centr", "cenral")
_TECHNICAL_ROLES = ("eksp", "saips", "park")


def role_rank(tokens: list[str]) -> int:
    """Rank a station name by its role suffix: 0 main, 1 freight or yard, 2 technical.

    Among stations of one place, a report's bare city name most likely means the
    main passenger station; technical code-table entries ("(эксп.)", "САИПС") least.

    Parameters
    ----------
    tokens
        Tokens from :func:`name_tokens`.

    Returns
    -------
    int
        0, 1 or 2.

    Examples
    --------
    >>> role_rank(name_tokens("Смоленск-Центральный")), role_rank(name_tokens("Смоленск-Сорт."))
    (0, 1)
    >>> role_rank(name_tokens("Успенская (эксп.)")), role_rank(name_tokens("ЧЕЛЯБИНСК-А"))
    (2, 2)
    """
    rank = 0
    for token in tokens[len(base_tokens(tokens)) :]:
        merged = _merge(token)
        technical = merged.startswith(_TECHNICAL_ROLES) or is_park_letter(token)
        if technical or (token.isdigit() and token != "1"):
            rank = max(rank, 2)
        elif not merged.startswith(_MAIN_ROLES) and token != "1":
            rank = max(rank, 1)
    return rank


_ROLE_CODES = {"pasas": "pasaZ", "cenral": "centr"}


# Skeleton prefixes of the compass and yard-park words that tell apart the stations of
# one town: vostochny/wschodnia/uskhodni/skhidna, zapadny/zachodnia/zakhodni,
# severny/polnocna/paunochny/pivnichna, yuzhny/poludniowa/paudnyovy/pivdenna,
# tekhnichesky, nechotny/chotny (odd/even park)
_COMPASS_PREFIXES = (
    "vastaC", "vSad", "ushad", "shidn", "zapad", "zaCad", "zahad",
    "sever", "palnac", "paunaC", "pivniC", "uZn", "palud", "paud", "pivden",
    "tehn", "neCot", "Cotn", "Catn", "neCet", "Cetn",
)  # fmt: skip


def is_station_role_word(token: str) -> bool:
    """Whether a token is a number, a station-role word or a compass word of a station.

    Narrower than :func:`is_suffix_word`: "Kujawski" (of Brześć Kujawski) and
    "Wołyński" are adjectives of a place's own name, never of one of its stations.

    Parameters
    ----------
    token
        A token from :func:`name_tokens`.

    Returns
    -------
    bool

    Examples
    --------
    >>> [is_station_role_word(t) for t in ("poludniowa", "towarowy", "2", "paudnyovy")]
    [True, True, True, True]
    >>> [is_station_role_word(t) for t in ("kujawski", "wolynski", "oskol")]
    [False, False, False]
    """
    return _is_role(token) or _merge(token).startswith(_COMPASS_PREFIXES)


def _is_role(token: str) -> bool:
    if token.isdigit() or is_park_letter(token):
        return True
    merged = _merge(token)
    return merged.startswith(_ROLE_PREFIXES)


def is_park_letter(token: str) -> bool:
    """Whether a token is one letter: a yard park of its station ("ЧЕЛЯБИНСК-А", "Вязьма-Б").

    Russian Railways' code table names a station's parks by a letter after its name
    (as ``../shared/datasets/ru-rail`` carries it); the letter names no place of its
    own. The first token of a name is kept whatever it is (:func:`base_tokens`).

    Parameters
    ----------
    token
        A token from :func:`name_tokens`.

    Returns
    -------
    bool

    Examples
    --------
    >>> [is_park_letter(t) for t in name_tokens("ЧЕЛЯБИНСК-А")]
    [False, True]
    >>> [is_park_letter(t) for t in ("1", "na", "b")]
    [False, False, True]
    """
    return len(token) == 1 and token.isalpha()


@lru_cache(maxsize=65536)
def skeleton(text: str) -> str:
    """Return the spelling-independent key of a station name.

    Parameters
    ----------
    text
        A station name in any script and spelling.

    Returns
    -------
    str
        ASCII key (lower case, with S, Z and C for the ш, ж and ч classes); empty
        when the text holds no letters or digits.

    Examples
    --------
    >>> skeleton("Nieklinovka") == skeleton("Неклиновка") == skeleton("Nieklinowka")
    True
    >>> skeleton("Osipovichi-1") == skeleton("Асіповічы-I")
    True
    """
    return tokens_skeleton(name_tokens(text))


# A case form keeps its name's first letters: all but the last of a short name ("Орша",
# "Оршу"; "Hajun", "Гаюна"), the first five of a longer one, whose stem may soften or
# lengthen in its cases ("Łuniniec", "Łunińca"; "Лунинец", "Лунинца"); never fewer than three.
_STEM_MOST = 5
_STEM_LEAST = 3


@lru_cache(maxsize=16384)
def same_name_stem(a: str, b: str) -> bool:
    """Whether two names as written may be one name in two case forms, by skeleton stem.

    The two :func:`skeleton` keys share their first letters: all but the last of the
    shorter when it has five letters or fewer (its last is a case ending), else five;
    three at least. A rule of thumb, not a declension: the gazetteer's dictionary case
    forms (:func:`railtrack._formindex.case_forms`) resolve names; this only tells
    whether two mentions in one text (or an outlet's name and its mention) are one.

    Parameters
    ----------
    a, b : str
        Two names, or two words of names, in any script and spelling.

    Returns
    -------
    bool
        True when the stems agree; False when either has no letters.

    Examples
    --------
    >>> same_name_stem("Орша", "Оршу"), same_name_stem("Брест", "Бреста")
    (True, True)
    >>> same_name_stem("Łuniniec", "Łunińca"), same_name_stem("Лунинца", "Лунинце")
    (True, True)
    >>> same_name_stem("Hajun", "Гаюна"), same_name_stem("Orsha", "Оршы")
    (True, True)
    >>> same_name_stem("Орша", "Омск"), same_name_stem("Брест", "Брянск"), same_name_stem("", "")
    (False, False, False)
    """
    x, y = skeleton(a), skeleton(b)
    if not x or not y:
        return False
    stem = max(_STEM_LEAST, min(_STEM_MOST, min(len(x), len(y)) - 1))
    return x[:stem] == y[:stem]


# A case form of a name (review19 #5): the shorter name's skeleton has at least this
# many letters, and each name goes on past the common stem by at most
# ``_ENDING_MOST`` letters, which begin with a vowel (a case ending)
_CASE_NAME_LEAST = 4
_ENDING_MOST = 3
_SKELETON_VOWELS = frozenset("aeiouy")


def same_case_form(a: str, b: str) -> bool:
    """Whether two names are one name in two case forms ("Брест", "Бресте").

    Stricter than :func:`same_name_stem`, for a comparison that destroys (a
    retraction takes its train out of every total): the two skeletons share a stem
    and differ by a case ending only. The shorter has at least four letters; past
    the common start each goes on by at most three letters, none or beginning with a
    vowel, and the shorter loses at most two of its own.

    Parameters
    ----------
    a, b
        Two names in any script and spelling.

    Returns
    -------
    bool
        True when one is a case form of the other; False when either has no letters.

    Examples
    --------
    >>> same_case_form("Брест", "Бресте"), same_case_form("Орша", "Оршы")
    (True, True)
    >>> same_case_form("Полоцк", "Полоцка"), same_case_form("Orsha", "Оршу")
    (True, True)
    >>> same_case_form("Бор", "Борисов"), same_case_form("Калуга", "Калуш")
    (False, False)
    >>> same_case_form("Луга", "Лугань"), same_case_form("", "")
    (False, False)
    """
    x, y = skeleton(a), skeleton(b)
    if min(len(x), len(y)) < _CASE_NAME_LEAST:
        return False
    common = 0
    for p, q in zip(x, y, strict=False):
        if p != q:
            break
        common += 1
    shorter = min(len(x), len(y))
    if common < shorter - 2:
        return False
    rests = (x[common:], y[common:])
    return all(
        len(rest) <= _ENDING_MOST and (not rest or rest[0] in _SKELETON_VOWELS) for rest in rests
    )


def tokens_skeleton(tokens: list[str]) -> str:
    """Join tokens into a skeleton (see :func:`skeleton`).

    Parameters
    ----------
    tokens
        Tokens from :func:`name_tokens` or :func:`base_tokens`.

    Returns
    -------
    str
        The skeleton key.

    Examples
    --------
    >>> tokens_skeleton(["rostov", "glavny"])
    'rastavhlavn'
    >>> tokens_skeleton(["smolensk", "sort"]) == tokens_skeleton(["smolensk", "sortirovochny"])
    True
    >>> tokens_skeleton(["chelyabinsk", "a"]) == tokens_skeleton(["chelyabinska"])
    False
    >>> tokens_skeleton([])  # a name of punctuation only
    ''
    """
    if not tokens:
        return ""
    if len(tokens) == 1:
        return _merge(tokens[0])  # already without doubled letters
    parts = [
        _merge(tokens[0]),
        *("-" + t if is_park_letter(t) else _role_code(_merge(t)) for t in tokens[1:]),
    ]
    # A park letter keeps its hyphen: "ЧЕЛЯБИНСК-А" is no key of the genitive "Челябинска".
    # Each part is free of doubled letters, so only a joint can double one; dropping
    # a part's first letter when it repeats the last one kept is the regex
    # ``(.)\1+`` -> ``\1`` over the joined parts, at a fraction of the cost.
    out = parts[0]
    for part in parts[1:]:
        out += part[1:] if part and out and part[0] == out[-1] else part
    return out


def _role_code(merged: str) -> str:
    """Shorten a role word to its prefix, so "Sort." matches "Sortirovochnaya"."""
    for prefix in _ROLE_PREFIXES:
        if merged.startswith(prefix):
            return _ROLE_CODES.get(prefix, prefix)
    return merged


# a word shorter than this is no station adjective whatever its ending ("yar",
# "Ново": the ending is most of the word; :func:`is_suffix_word`)
_SUFFIX_WORD_LEAST = 4

# the adjective endings of station words; "owa"/"owy"/"owe": Polish ("Brześć
# Południowa", "Mińsk Towarowy", "Kowel Osobowe"; session 14)
_SUFFIX_ENDINGS = re.compile(
    r"(aya|aja|ia|iy|ij|yi|yj|ii|ye|ie|oe|yy|ny|nyi|ni|na|sky|ski|ska|kiy|ogo|oy|owa|owy|owe"
    # Belarusian "-ёвы", "-авы" and plural "-ыя" ("Паўднёвы", "Тэхнічныя"); Polish "-cki",
    # "-dzki" ("Niecki")
    r"|ovy|evy|yya|cki|zki)$"
)


def is_suffix_word(token: str) -> bool:
    """Whether a token after a place name looks like a station's distinguishing word.

    Numbers, role words ("Sort.", "Passazhirsky") and adjectives ("Vostochnaya",
    "Lgovsky", "Polesskiye") tell apart stations of one town; nouns ("Kurgan",
    "Oskol", "Yar") are part of a place's own name.

    Parameters
    ----------
    token
        A token from :func:`name_tokens`.

    Returns
    -------
    bool

    Examples
    --------
    >>> [is_suffix_word(t) for t in ("2", "vostochnaya", "lgovsky", "kurgan", "yar")]
    [True, True, True, False, False]
    >>> [is_suffix_word(t) for t in ("poludniowa", "towarowy", "kijow")]
    [True, True, False]
    >>> [is_suffix_word(t) for t in ("paudnyovy", "tekhnichnyya", "niecki", "oskol")]
    [True, True, True, False]
    """
    if token.isdigit() or _is_role(token):
        return True
    return len(token) >= _SUFFIX_WORD_LEAST and _SUFFIX_ENDINGS.search(token) is not None

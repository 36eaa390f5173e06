"""Block trains named by a route word, and a further train told in the same sentence.

Freight of one cargo is written as a "route" in Russian, Ukrainian and Belarusian:
"отправлен угольный маршрут из 64 полувагонов" (a block train of 64 gondolas). The
same word is the route itself ("Маршрут: Орша — Смоленск", "по новому маршруту"), so
it is a train only when a count of cars follows it ("маршрут из 65 хопперов",
"маршрут (60 вагонов)", "маршрутом в 57 вагонов"). A lexicon's
``count_train_nouns`` maps each such form to the train noun of the same case it reads
as; :func:`read_block_trains` writes that noun in its place (padded with spaces: the
offsets of the text do not move), so that one train-assembly logic reads it.

A further train told after a comma with its own count ("..., ещё один (60 вагонов)
ушёл из Воронежа на Новороссийск", "..., jeszcze jeden (60 wagonów) wyjechał ...",
"..., another one (60 cars) left ...") is a train of its own, never the first one's
total: the comma before a lexicon's ``one_more_train`` phrase followed by a count of
cars is read as a semicolon, which ends a clause (trial19 T1).
"""

from __future__ import annotations

from functools import lru_cache

from railtrack.extract.lexicon import Lexicon, Token, lexicon, tokens

__all__ = ["read_block_trains"]

# tokens read between a noun (or a "one more" phrase) and its count: "(", a "from"
# word ("из", "з", "z", "of") and a bound ("около", "более")
_OPENERS = frozenset({"(", "["})
_WINDOW = 4  # at most this many tokens from the noun to the number
_NOUN_AFTER = 3  # at most this many tokens from the number to the car noun


def _car_noun(lex: Lexicon, low: str) -> bool:
    if low in lex.car_nouns:
        return True
    return "-" in low and any(part in lex.car_nouns for part in low.split("-"))


def _number(lex: Lexicon, tok: Token) -> bool:
    return tok.low.isdigit() or tok.low in lex.numbers


def _count_of_cars_after(lex: Lexicon, toks: tuple[Token, ...], i: int) -> bool:
    """Tell whether a count of cars starts within a few tokens from ``toks[i]``."""
    j = i
    end = min(len(toks), i + _WINDOW)
    while j < end:
        tok = toks[j]
        if _number(lex, tok):
            upto = min(len(toks), j + 1 + _NOUN_AFTER)
            return any(_car_noun(lex, toks[k].low) for k in range(j + 1, upto))
        if tok.low in _OPENERS:
            j += 1
            continue
        skip = lex.whole_train.match(toks, j) or lex.approx.match(toks, j)
        if skip is None:
            return False
        j = skip[1]
    return False


@lru_cache(maxsize=8)
def _triggers(lang: str) -> tuple[str, ...]:
    """Return the words (normalised lower case) one of which a text must hold to be read.

    A route word's forms, and each "one more" phrase's first word after a comma: most
    reports hold none and are returned without being split into tokens.
    """
    lex = lexicon(lang)
    return (*lex.count_train_nouns, *(f", {w}" for w in sorted(lex.one_more_firsts)))


def read_block_trains(text: str, lang: str) -> str:
    """Return ``text`` with route words that name a train read as train nouns.

    Parameters
    ----------
    text : str
        A report (or any text) in ``lang``.
    lang : str
        Its language (``en``, ``ru``, ``uk``, ``be``, ``pl``).

    Returns
    -------
    str
        The text read, of the same length (offsets stand): each form of the lexicon's
        ``count_train_nouns`` followed by a count of cars replaced by its train noun
        and spaces, and each comma right before a ``one_more_train`` phrase followed
        by a count of cars replaced by a semicolon; ``text`` itself (the same object)
        when nothing is read so.

    Examples
    --------
    >>> read_block_trains("отправлен угольный маршрут из 64 полувагонов", "ru")
    'отправлен угольный состав  из 64 полувагонов'
    >>> read_block_trains("Маршрут: Орша — Смоленск. Маршрут из Орши в Смоленск.", "ru")
    'Маршрут: Орша — Смоленск. Маршрут из Орши в Смоленск.'
    >>> read_block_trains("ушёл маршрут, ещё один (60 вагонов) ушёл", "ru")
    'ушёл маршрут; ещё один (60 вагонов) ушёл'
    """
    lex = lexicon(lang)
    nouns = lex.count_train_nouns
    triggers = _triggers(lang)
    low = text.lower().replace("ё", "е").replace("ў", "у") if triggers else ""
    if not any(t in low for t in triggers):
        return text
    toks = tokens(text)
    chars: list[str] | None = None
    for i, tok in enumerate(toks):
        noun = nouns.get(tok.low)
        if noun is not None and len(noun) <= len(tok.text):
            if _count_of_cars_after(lex, toks, i + 1):
                chars = chars if chars is not None else list(text)
                word = noun.capitalize() if tok.text[:1].isupper() else noun
                chars[tok.start : tok.end] = word.ljust(len(tok.text))
            continue
        if tok.text != "," or lex.one_more_train is None:
            continue
        more = lex.one_more_train.match(toks, i + 1)
        if more is not None and _count_of_cars_after(lex, toks, more[1]):
            chars = chars if chars is not None else list(text)
            chars[tok.start] = ";"
    return text if chars is None else "".join(chars)

"""The fast paths of extraction agree with the plain ones they replace.

:mod:`railtrack.extract.language` counts letters in UTF-8 bytes and strips names with
one substitution instead of listing every letter with a regular expression and
calling Python per word; a :class:`~railtrack.extract.lexicon.PhraseTable` looks a
word's prefixes up by length instead of trying every prefix entry;
:func:`~railtrack.extract.lexicon.tokens` normalises a clause once instead of each
token alone, and the number finders' words are sliced from the clause lower-cased
once; a sentence without ";" or ":" is not searched for clause ends. These tests hold
the fast paths to the plain definitions on
every text of the extraction corpora (whole reports, their sentences, lower-cased)
and on generated strings mixing the scripts, the letters of other languages and
characters beyond the Latin, Greek and Cyrillic blocks. The speed itself is measured
by ``benchmarks/extraction.py``, never here.
"""

from __future__ import annotations

import importlib
import re
import sys
from functools import cache
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from railtrack.extract import language as lang_mod
from railtrack.extract import lexicon as lexicon_mod
from railtrack.extract import numbers as numbers_mod
from railtrack.extract import sentences as sentences_mod
from railtrack.extract.lacinka import is_lacinka
from railtrack.extract.language import (
    MIN_LETTERS,
    detect_language,
    mixes_languages,
    script_of,
    sentence_language,
)
from railtrack.extract.lexicon import LANGUAGES, PhraseTable, lexicon, tokens
from railtrack.extract.sentences import split_clauses
from tests._corpora import corpus_reports, corpus_texts

DATA = Path(__file__).parent / "data"
CORPORA = ("extraction", "extraction_holdout", "extraction_real", "extraction_real_holdout")

# The plain definitions the fast paths replace.
_LETTER = re.compile(r"[^\W\d_]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[a-zA-Z\u00c0-\u024f]")
_LATIN_LOW = re.compile(r"[a-ząćęłńóśźż]")


def _plain_without_names(text: str) -> str:
    stripped = lang_mod._NAME_RE.sub(lambda m: "" if m[0][0].isupper() else m[0], text)
    return stripped if len(_LETTER.findall(stripped)) >= MIN_LETTERS else text


def _plain_by_letters(text: str) -> str | None:  # the reference, as it was
    low = text.lower()
    letters = set(low)
    if letters & lang_mod._OTHER_SET:
        return None
    cyrillic = len(_CYRILLIC.findall(low))
    latin = len(_LATIN_LOW.findall(low))
    if cyrillic > latin:
        if latin > cyrillic / 4:
            return None
        if "ў" in letters:  # never Russian or Ukrainian (session 12)
            return None if letters & {"и", "щ"} else "be"
        if letters & set("їєґ") and not letters & set("ыэъё"):
            return "uk"
        if "і" in letters and "и" in letters and not letters & set("ыэъё"):
            return "uk"  # (with no "и", Belarusian as often: lingua decides; session 12)
        if "і" in letters and letters & {"ы", "э"} and not letters & set("ищъ"):
            return "be"
        if letters & {"ы", "э"} and "и" in letters and "і" not in letters:
            return "ru"
        return None
    if cyrillic == 0 and not letters & set("ąćęłńśźż") and latin >= MIN_LETTERS:
        return "en"
    if cyrillic == 0 and len(lang_mod._POLISH_RE.findall(_plain_without_names(text))) >= 3:
        return "pl"
    return None


def _corpus_texts() -> list[str]:
    return corpus_texts(*CORPORA)


def _pieces(texts: list[str]) -> list[str]:
    """Every text, each of its sentences, and their lower case."""
    out: list[str] = []
    for text in texts:
        sentences: dict[int, list[int]] = {}
        for clause in split_clauses(text):
            first, last = sentences.get(clause.sentence, [clause.start, clause.end])
            sentences[clause.sentence] = [min(first, clause.start), max(last, clause.end)]
        for piece in [text, *(text[a:b] for a, b in sentences.values())]:
            out.extend((piece, piece.lower()))
    return out


TEXTS = _corpus_texts()
PIECES = _pieces(TEXTS)

# Generated text: both scripts, Polish, Ukrainian and Belarusian letters, letters of
# other languages (č, ñ, Ɋ in U+0240-U+024F, ѕ, Greek, CJK, a letter outside the BMP),
# capitals of every kind, digits, punctuation, apostrophes and a lone surrogate.
ALPHABET = (
    "abcxyzABCXYZ ąćęłńóśźżĄĆŁŻ аоиыэъёщіїєґўАОИЫІЇЎ čšžñéÉÇÿĳɊɋ ѕјҚ ΣσΑ 中文 𝐀𝐚 ǅ"
    " 0123 ,.;:)-'’ʼ\n\t_\ud800"
)
texts_st = st.text(alphabet=ALPHABET, max_size=200)


def test_the_corpora_are_there():
    assert len(TEXTS) >= 100, "the extraction corpora should be under tests/data"


def _check_counts(text: str) -> None:
    assert lang_mod._cyrillic_count(text) == len(_CYRILLIC.findall(text))
    assert lang_mod._latin_count(text) == len(_LATIN.findall(text))
    assert lang_mod._latin_low_count(text) == len(_LATIN_LOW.findall(text))
    assert lang_mod._enough_letters(text) == (len(_LETTER.findall(text)) >= MIN_LETTERS)


def test_letter_counts_match_the_patterns_on_the_corpora():
    for text in PIECES:
        _check_counts(text)


@settings(max_examples=200, deadline=None)
@given(texts_st)
def test_letter_counts_match_the_patterns_on_any_text(text):
    _check_counts(text)
    _check_counts(text.lower())


def test_names_are_stripped_as_before_on_the_corpora():
    for text in PIECES:
        assert lang_mod._without_names(text) == _plain_without_names(text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([*ALPHABET.split(), " ", ", ", ". "]), max_size=40))
def test_names_are_stripped_as_before_on_any_text(words):
    text = " ".join(words)
    assert lang_mod._without_names(text) == _plain_without_names(text)


def test_the_alphabet_shortcut_decides_as_before_on_the_corpora():
    for text in PIECES:
        assert lang_mod._by_letters(text) == _plain_by_letters(text), text[:80]


@settings(max_examples=200, deadline=None)
@given(texts_st)
def test_the_alphabet_shortcut_decides_as_before_on_any_text(text):
    assert lang_mod._by_letters(text) == _plain_by_letters(text)


@pytest.mark.parametrize("report_lang", ["en", "pl", "ru", "uk", "be"])
def test_script_and_mixing_as_the_patterns_count(report_lang):
    for text in PIECES:
        cyrillic, latin = len(_CYRILLIC.findall(text)), len(_LATIN.findall(text))
        assert script_of(text) == ("cyrillic" if cyrillic > latin else "latin")
        expected = (
            report_lang == "pl"
            or min(cyrillic, latin) >= MIN_LETTERS
            or (report_lang == "en" and lang_mod._POLISH_RE.search(text) is not None)
            # a letter only another Cyrillic language writes (a quoted post): by sentence
            or bool(set(text.lower()) & set(_OTHER_CYRILLIC_LETTERS.get(report_lang, "")))
        )
        assert mixes_languages(text, report_lang) == expected


_OTHER_CYRILLIC_LETTERS = {"ru": "іїєґў", "uk": "ыэъёў", "be": "ищїєґ"}


def test_the_alphabet_shortcut_agrees_with_lingua_where_it_decides():
    """Where the letters of the five alphabets decide a report's language, lingua agrees."""
    detector = lang_mod._detector()
    if detector is None:
        pytest.skip("lingua is not installed")
    decided = 0
    for text in TEXTS:
        guess = detect_language(text)
        if guess.basis != "alphabet" or lang_mod.is_lacinka(text):
            continue  # Belarusian in Łacinka: lingua has no model of it
        decided += 1
        if is_lacinka(text):
            continue  # lingua has no Belarusian-in-Latin model (tests/test_extract_east.py)
        found = detector.detect_language_of(lang_mod._without_names(text))
        if found is not None:
            assert lang_mod._code(found) == guess.lang, text[:80]
    assert decided >= len(TEXTS) // 2


def test_sentences_of_a_relay_keep_their_languages():
    relay = (
        "Z Białorusi do Rosji wyjechał kolejny pociąg wojskowy, podaje Hajun. "
        "A military transport left Iłowajsk for Asipovičy on Monday morning. "
        "Эшелон прибыл на станцию Валуйки, сообщили наблюдатели в субботу."
    )
    sentences = ["Z Białorusi", "A military", "Эшелон"]
    found = []
    for start in sentences:
        i = relay.index(start)
        end = relay.find(". ", i)
        found.append(sentence_language(relay[i : end if end > 0 else None], "pl"))
    assert found == ["pl", "en", "ru"]


def _plain_match(table: PhraseTable, toks: tuple, i: int) -> tuple | None:
    """PhraseTable.match as a scan of every prefix entry, longest first."""
    if i >= len(toks):
        return None
    low = toks[i].low
    for words, value in table._by_first.get(low, ()):
        if tuple(t.low for t in toks[i : i + len(words)]) == words:
            return value, i + len(words)
    for prefix, value in table._prefixes:
        if low.startswith(prefix):
            return value, i + 1
    return None


@pytest.mark.parametrize("lang", LANGUAGES)
def test_phrase_tables_match_as_a_scan_of_their_entries(lang):
    lex = lexicon(lang)
    tables = [v for v in vars(lex).values() if isinstance(v, PhraseTable)]
    assert tables
    for text in TEXTS:
        toks = tokens(text)
        for table in tables:
            for i in range(len(toks) + 1):
                assert table.match(toks, i) == _plain_match(table, toks, i)


def _plain_tokens(text: str) -> list[tuple[int, int, str, str]]:
    """Tokens as each token's own ``_norm``, the plain way."""
    return [
        (m.start(), m.end(), m[0], lexicon_mod._norm(m[0]))
        for m in lexicon_mod._TOKEN_RE.finditer(text)
    ]


def test_tokens_are_normalised_as_each_token_alone_on_the_corpora():
    for text in PIECES:
        assert [tuple(t) for t in lexicon_mod.tokens.__wrapped__(text)] == _plain_tokens(text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=ALPHABET + "ΣΟΔİЁёЎў`ʼ’-", max_size=120))
def test_tokens_are_normalised_as_each_token_alone_on_any_text(text):
    assert [tuple(t) for t in lexicon_mod.tokens.__wrapped__(text)] == _plain_tokens(text)


def _words_to_look_for(text: str) -> list[frozenset[str]]:
    """Sets of words to look for in a text: some of its own tokens, and the lexicons'."""
    lows = sorted({t.low for t in tokens(text) if t.low[:1].isalnum()})
    return [
        frozenset(lows[::3]),
        frozenset(lows[1::7]),
        frozenset({"transport", "σος"}),
        lexicon("pl").any_mode_nouns,
    ]


def test_tokens_among_are_the_tokens_of_the_whole_text_on_the_corpora():
    for text in PIECES[::2]:
        whole = tokens(text)
        for words in _words_to_look_for(text):
            want = [tuple(t) for t in whole if t.low in words]
            assert [tuple(t) for t in lexicon_mod.tokens_among(text, words)] == want


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=ALPHABET + "ΣΟΔİЁёЎў`ʼ’-.!?;\x1f\u2028", max_size=160),
    st.lists(st.text(alphabet="abcąσςοδ ёеўу'’", min_size=1, max_size=4), max_size=4),
)
def test_tokens_among_are_the_tokens_of_the_whole_text_on_any_text(text, extra):
    for words in [*_words_to_look_for(text), frozenset(extra)]:
        want = [tuple(t) for t in tokens(text) if t.low in words]
        assert [tuple(t) for t in lexicon_mod.tokens_among(text, words)] == want


def _plain_words(text: str) -> list[tuple[int, str]]:
    return [(m.start(), m[0].lower()) for m in numbers_mod._WORDS_RE.finditer(text)]


def test_number_finder_words_are_lower_cased_as_each_word_alone():
    for text in PIECES:
        assert list(numbers_mod._words.__wrapped__(text)) == _plain_words(text)


def test_lower_casing_a_character_keeps_its_word_class():
    """The number finders find words in the lower-cased text: every code point whose
    lower case is one character is a word character (or ``.``/``,``/``~``/``≈``) exactly
    when its lower case is."""
    word, before = re.compile(r"[\w~≈]"), re.compile(r"[\w.,]")
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        low = char.lower()
        if len(low) == 1:
            assert bool(word.match(char)) == bool(word.match(low)), hex(code)
            assert bool(before.match(char)) == bool(before.match(low)), hex(code)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=ALPHABET + "ΣΟΔİ~≈", max_size=120))
def test_number_finder_words_on_any_text(text):
    assert list(numbers_mod._words.__wrapped__(text)) == _plain_words(text)


SENTENCE_PARTS = ("St.", "No.", "A.", "route:", "13:45", " ", ". ", "; ", ": ", "\n\n", "?")
SENTENCE_PARTS += ('"', ";", ")")
_PLAIN_CLAUSE_RE = re.compile(
    r"(?<=;)\s+|(?<![Dd]estination:)(?<![Rr]oute:)(?<![Oo]rigin:)"
    r"(?<![Pp]assed:)(?<![Tt]hrough:)(?<![Vv]ia:)(?<=[^\d\s]:)\s+(?=\D)"
)


def _plain_split(text: str) -> list[tuple[str, int, int, int]]:
    """split_clauses as it was: every sentence searched, the whole sentence split."""
    bounds, start = [], 0
    for m in sentences_mod._BOUNDARY_RE.finditer(text):
        before = text[start : m.start()].rstrip(".!?\"'”’)")
        words = before.split()
        last_word = words[-1].lower() if words else ""
        abbreviation = last_word in sentences_mod._ABBREVIATIONS or (
            "-" in last_word and last_word.rsplit("-", 1)[1] in sentences_mod._ABBREVIATIONS
        )  # ("Schwarzach-St. Veit")
        # "в г. Горловка": "г." after a word that is no year is a city's abbreviation
        city = len(words) > 1 and not words[-2][-1].isdigit()
        initial = re.fullmatch(r"[^\W\d_]", last_word) and (
            last_word not in {"г", "r", "р"} or city
        )
        nxt = text[m.end() : m.end() + 1]
        month_day = last_word in sentences_mod._MONTH_ABBREVIATIONS and nxt.isdigit()
        if m[0].count("\n") == 1 and sentences_mod.is_stamp_line(text[start : m.start()]):
            continue  # a live blog entry's stamp line (issue 13 T4)
        if m[0].count("\n") < 2 and (abbreviation or initial or nxt.islower() or month_day):
            continue
        bounds.append((start, m.start()))
        start = m.end()
    bounds.append((start, len(text)))
    clauses = []
    for number, (s_start, s_end) in enumerate(b for b in bounds if text[b[0] : b[1]].strip()):
        start = s_start
        for m in _PLAIN_CLAUSE_RE.finditer(text, s_start, s_end):
            if sentences_mod.labelled_name(text, m.start(), m.end(), s_end):
                continue  # ("Kierunek: Wałujki.": one clause, issue 13 trial T9)
            clauses.append((text[start : m.start()], start, m.start(), number))
            start = m.end()
        piece = text[start:s_end].rstrip()
        clauses.append((piece, start, start + len(piece), number))
    return [c for c in clauses if c[0].strip()]


def _clauses(text: str) -> list[tuple[str, int, int, int]]:
    return [(c.text, c.start, c.end, c.sentence) for c in split_clauses(text)]


def test_clauses_are_split_as_before_on_the_corpora():
    for text in TEXTS:
        assert _clauses(text) == _plain_split(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*ALPHABET.split(), *SENTENCE_PARTS]), max_size=40))
def test_clauses_are_split_as_before_on_any_text(parts):
    text = "".join(parts)
    assert _clauses(text) == _plain_split(text)


def _plain_stem_re(stems: list[str]) -> re.Pattern[str] | None:
    """A lexicon's stem pattern as an alternation of its stems, longest first."""
    parts = sorted({lexicon_mod._norm(str(s)) for s in stems if str(s).strip()}, key=len)
    if not parts:
        return None
    # (an entry ending in "$" matches a whole word only)
    body = "|".join(
        rf"{lexicon_mod._loose(p[:-1])}(?![\w-])" if p.endswith("$") else lexicon_mod._loose(p)
        for p in parts[::-1]
    )
    return re.compile(rf"(?<![\w-])(?:{body})", re.IGNORECASE)


def _plain_verbs(data: dict) -> re.Pattern[str] | None:
    groups = []
    for role, key in (("departure", "dep"), ("arrival", "arr"), ("neutral", "neutral")):
        entries = {lexicon_mod._norm(s) for s in data.get(role) or []}
        stems = sorted({e for e in entries if not e.endswith("$")}, key=len)[::-1]
        # a stem ending in "$" is a whole word ("підуть$"), as the lexicon reads it
        words = sorted({e[:-1] for e in entries if e.endswith("$")}, key=len)[::-1]
        branches = []
        if stems:
            body = "|".join(lexicon_mod._loose(s) for s in stems)
            branches.append(rf"(?:{body})[\w'-]*")
        if words:
            body = "|".join(lexicon_mod._loose(s) for s in words)
            branches.append(rf"(?:{body})(?![\w'-])")
        if branches:
            groups.append(rf"(?P<{key}>{'|'.join(branches)})")
    nouns = sorted({lexicon_mod._norm(s) for s in data.get("not") or []}, key=len, reverse=True)
    skip = rf"(?!(?:{'|'.join(lexicon_mod._loose(s) for s in nouns)}))" if nouns else ""
    if not groups:
        return None
    return re.compile(rf"(?<![\w-]){skip}(?:{'|'.join(groups)})", re.IGNORECASE)


def _lexicon_data(lang: str) -> dict:
    path = Path(lexicon_mod.__file__).parent / "lexicons" / f"{lang}.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_stem_tries_match_as_the_alternations_of_their_stems(lang):
    data, lex = _lexicon_data(lang), lexicon(lang)
    claims, verbs = data.get("claims") or {}, data.get("verbs") or {}
    pairs = [
        (lex.planned, _plain_stem_re(claims.get("planned") or [])),
        (lex.expected, _plain_stem_re(claims.get("expected") or [])),
        (lex.off_topic, _plain_stem_re(data.get("off_topic") or [])),
        (lex.military, _plain_stem_re(data.get("military") or [])),
        (lex.not_places, _plain_stem_re(data.get("not_places") or [])),
        (lex.accident, _plain_stem_re(data.get("accident") or [])),
        (lex.forward, _plain_stem_re(verbs.get("forward") or [])),
        (lex.verbs, _plain_verbs(verbs)),
    ]
    words = sorted({t.low for text in TEXTS for t in tokens(text)})
    texts = [*TEXTS, *(t.lower() for t in TEXTS), " ".join(words)]
    for fast, plain in pairs:
        assert (fast is None) == (plain is None)
        if fast is None or plain is None:
            continue
        for text in texts:
            assert [(m.span(), m.lastgroup) for m in fast.finditer(text)] == [
                (m.span(), m.lastgroup) for m in plain.finditer(text)
            ]


# -- case-folded patterns (extract/casefold.py) ----------------------------------------
def _folded_patterns() -> list:
    from railtrack.extract import cues as cues_mod
    from railtrack.extract import dates as dates_mod
    from railtrack.extract import lexread as lexread_mod
    from railtrack.extract import places as places_mod
    from railtrack.extract import sealegs as sealegs_mod
    from railtrack.extract.casefold import FoldedPattern

    found = [
        value
        for module in (cues_mod, dates_mod, numbers_mod, places_mod, lexread_mod, sealegs_mod)
        for value in vars(module).values()
        if isinstance(value, FoldedPattern)
    ]
    assert len(found) >= 10, "the English cue patterns are folded"
    return found


FOLDED = _folded_patterns()


def _spans(matches) -> list:
    return [(m.span(), tuple(m.span(g) for g in range(1 + (m.re.groups or 0)))) for m in matches]


def _same_matches(pattern, text: str) -> None:
    original = pattern.ignorecase
    assert _spans(pattern.finditer(text)) == _spans(original.finditer(text)), pattern.pattern
    got, want = pattern.search(text), original.search(text)
    assert (got and got.span()) == (want and want.span())
    for pos in range(0, len(text), 5):  # the finders match at word starts
        got, want = pattern.match(text, pos), original.match(text, pos)
        assert (got and _spans([got])) == (want and _spans([want])), (pattern.pattern, pos)


def test_every_match_of_a_folded_pattern_holds_one_of_the_words_looked_for_first():
    from railtrack.extract.casefold import required_words

    assert any(pattern.needs for pattern in FOLDED), "some cue patterns are skipped by words"
    for pattern in FOLDED:
        if pattern.needs is None:
            continue
        for text in PIECES:
            for m in pattern.ignorecase.finditer(text):
                assert any(word in m[0].lower() for word in pattern.needs), (pattern.pattern, m[0])
    # optional parts, repeats of none and lookarounds are never required
    assert required_words(re.compile(r"(?:left\s+)?(?:slonim|orsha)")) == ("orsha", "slonim")
    assert required_words(re.compile(r"\bgomel(?:ski)*")) == ("gomel",)
    assert required_words(re.compile(r"(?:train)*\d+")) is None
    assert required_words(re.compile(r"(?<=from )\d+")) is None
    assert required_words(re.compile(r"(?:slonim|\d+)")) is None


def _no_module(name: str):
    raise ImportError(f"No module named {name!r}")


def _module_without_opcodes(name: str):
    import types

    return types.SimpleNamespace(parse=lambda pattern, flags: None)  # no LITERAL, BRANCH


def _parser_reading_nothing(name: str):
    import types

    if name == "re._parser":  # parses every pattern into nothing
        return types.SimpleNamespace(parse=lambda pattern, flags: types.SimpleNamespace(data=[]))
    return importlib.import_module(name)


@pytest.mark.parametrize(
    "import_module", [_no_module, _module_without_opcodes, _parser_reading_nothing]
)
def test_without_re_private_parser_folded_patterns_search_every_text(monkeypatch, import_module):
    """re._parser is private (Python 3.11-3.13): when it is missing, lacks an opcode or
    reads the probe patterns otherwise, no words are required and every folded pattern
    is searched in every text, with the same matches as before."""
    from railtrack.extract import casefold

    assert casefold._load_parser() is not None  # this Python's parser is used
    assert casefold._load_parser(import_module) is None
    monkeypatch.setattr(casefold, "_PARSER", None)
    assert casefold.required_words(re.compile(r"\bwould\s+(?:not\s+)?have\b")) is None
    for pattern in FOLDED:
        fallback = casefold.FoldedPattern(pattern.ignorecase)
        assert fallback.needs is None
        for text in PIECES[::7]:
            assert _spans(fallback.finditer(text)) == _spans(pattern.finditer(text))
            got, want = fallback.search(text), pattern.search(text)
            assert (got and got.span()) == (want and want.span())


def test_a_parse_in_an_unknown_shape_requires_no_words(monkeypatch):
    from railtrack.extract import casefold

    broken = casefold._PARSER._replace(parse=lambda pattern, flags: [("no", "data")])
    monkeypatch.setattr(casefold, "_PARSER", broken)
    assert casefold.required_words(re.compile(r"\bwould\b")) is None


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != "en"])
def test_the_lexicon_gates_are_folded_and_match_as_the_case_insensitive_ones(lang):
    """LexiconReader.quiet and the no-shipment gate search one folded pattern each: it
    finds a word exactly where the case-insensitive union of the lexicon patterns does
    (on the corpora, upper-cased too, and at word starts)."""
    from railtrack.extract.casefold import FoldedPattern
    from railtrack.extract.lexread import LexiconReader

    reader = LexiconReader(lang)
    gates = [reader._turn_away, reader._no_shipment]
    assert all(isinstance(gate, FoldedPattern) for gate in gates)
    for text in [*PIECES, *(t.upper() for t in TEXTS)]:
        for gate in gates:
            _same_matches(gate, text)


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != "en"])
def test_the_lexicon_patterns_searched_in_texts_are_folded_and_match_as_the_originals(lang):
    """The lexicon patterns a reader searches in whole clauses, sentences and reports
    (verbs, claims, the other-mode words, ...) are folded: each finds the same matches
    at the same offsets and with the same groups taken as the case-insensitive pattern
    of the lexicon (on the corpora, upper-cased too, at word starts, and between two
    bounds as the Polish other-mode check searches a sentence). Every case-blind
    pattern of the lexicon is folded (a pattern the lexicon gains too), or searched as
    it is only when folding refuses it."""
    from dataclasses import fields

    from railtrack.extract.casefold import FoldedPattern
    from railtrack.extract.lexread import LexiconReader

    reader = LexiconReader(lang)
    assert {"verbs", "hypothetical", "period", "road", "sea_by", "timetable"} <= set(reader._folded)
    for field in fields(reader.lex):
        original = getattr(reader.lex, field.name)
        if not isinstance(original, re.Pattern) or not original.flags & re.IGNORECASE:
            continue
        try:
            FoldedPattern(original)
        except ValueError:  # a source folding refuses: searched as it is
            continue
        assert field.name in reader._folded, field.name
    for name, pattern in reader._folded.items():
        assert isinstance(pattern, FoldedPattern)
        assert pattern.ignorecase is getattr(reader.lex, name)
        assert reader._pattern(name) is pattern
        for text in [*PIECES[::3], *(t.upper() for t in TEXTS[::5])]:
            _same_matches(pattern, text)
            for start, end in ((len(text) // 4, len(text) // 2), (0, len(text) // 3)):
                got = pattern.search(text, start, end)
                want = pattern.ignorecase.search(text, start, end)
                assert (got and _spans([got])) == (want and _spans([want])), (name, start, end)


def test_words_that_hold_another_are_not_looked_for_first():
    """A pattern of singular and plural nouns is looked for by its singulars: a text
    holds "trains" only if it holds "train", so twenty words are ten, within MAX_NEEDS
    (before, such a pattern had no words and was searched in every text)."""
    from railtrack.extract import casefold

    nouns = ["train", "echelon", "shipment", "transport", "consignment", "wagon"]
    nouns += ["flatcar", "platform", "tanker", "convoy"]
    pattern = re.compile(r"\b(?:" + "|".join(f"{n}|{n}s" for n in nouns) + r")\b")
    assert len(nouns) * 2 > casefold.MAX_NEEDS
    assert casefold.required_words(pattern) == tuple(sorted(nouns))
    assert casefold.required_words(re.compile(r"\b(?:rain|trains?|drain)\b")) == ("rain",)


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != "en"])
def test_blanking_the_matches_of_a_folded_pattern_is_the_original_sub(lang):
    """casefold.blank_matches(folded, text) is the original pattern's sub with spaces
    (how the readers read past idioms such as "w składzie brygady"), upper-cased too."""
    from railtrack.extract.casefold import blank_matches
    from railtrack.extract.lexread import LexiconReader

    reader = LexiconReader(lang)
    for text in [*PIECES[::3], *(t.upper() for t in TEXTS[::5]), "W SKŁADZIE brygady, w skład"]:
        for pattern in reader._folded.values():
            want = pattern.ignorecase.sub(lambda m: " " * len(m[0]), text)
            assert blank_matches(pattern, text) == want, pattern.pattern[:60]
            assert blank_matches(pattern.ignorecase, text) == want


# the token pattern as it was, numbers first (lexicon._TOKEN_RE tries words first)
_PLAIN_TOKEN_RE = re.compile(
    r"\d{4}-\d{1,2}-\d{1,2}(?!\d)"
    r"|\d{1,2}[./]\d{1,2}(?:[./]\d{2,4})?(?![\d])"
    r"|\d+(?:-[^\W\d_]+)?"
    r"|[^\W\d_][^\W_]*(?:[-'’ʼ][^\W_]+)*"
    r"|[^\w\s]"
)


def _same_tokens(text: str) -> None:
    from railtrack.extract.lexicon import _TOKEN_RE

    got = [(m.span(), m[0]) for m in _TOKEN_RE.finditer(text)]
    assert got == [(m.span(), m[0]) for m in _PLAIN_TOKEN_RE.finditer(text)], text


def test_the_token_pattern_tries_words_first_and_splits_as_before():
    for text in [*PIECES, *TEXTS, "2023-03-05 05.03.2023 48-вагонный ²³ Ⅷ 1½ п'ять _x_ ٥٠"]:
        _same_tokens(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET + "0123456789٥²Ⅷ½_-./'’ʼ ", max_size=40))
def test_the_token_pattern_splits_drawn_text_as_before(text):
    _same_tokens(text)


def _plain_counts_traffic(reader, text: str) -> bool:  # as it was, every text split
    from railtrack.extract.lexread import _NUMBER_SIGNS

    toks = tokens(text)
    for i, tok in enumerate(toks):
        if not tok.low.isdecimal() or int(tok.low) <= 200:
            continue
        if i > 0 and toks[i - 1].low in _NUMBER_SIGNS:
            continue
        if reader._train_noun_within(toks, i + 1, 3) is not None:
            return True
    return False


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != "en"])
def test_a_text_without_three_digits_counts_no_traffic_without_being_split(lang):
    from railtrack.extract.lexread import LexiconReader

    reader = LexiconReader(lang)
    extra = ["прибыло ٥٠٠٠ эшелонов", "прибыло 5000 эшелонов", "№ 961 эшелон", "201 pociągów"]
    for text in [*PIECES[::2], *extra]:
        assert reader._counts_traffic(text) == _plain_counts_traffic(reader, text), text


def _development_words() -> list[str]:
    """The words of the development corpora (a failing example shows no held-out word)."""
    words: set[str] = set()
    for text in corpus_texts("extraction", "extraction_real"):
        words.update(re.findall(r"[\w'’-]+", text))
    return sorted(words)


def _lexicon_gates() -> list:
    from railtrack.extract.lexread import LexiconReader

    readers = [LexiconReader(lang) for lang in LANGUAGES if lang != "en"]
    gates = [gate for reader in readers for gate in (reader._turn_away, reader._no_shipment)]
    # and every lexicon pattern a reader searches folded in whole texts (LexiconReader._pattern)
    return [*gates, *(pattern for reader in readers for pattern in reader._folded.values())]


_CORPUS_WORDS = _development_words()
_GATES = _lexicon_gates()


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(_CORPUS_WORDS).map(lambda w: w.upper())
        | st.sampled_from(_CORPUS_WORDS)
        | st.text(alphabet=ALPHABET + "ſıİKΣᲂẞßµ", max_size=6),
        max_size=25,
    ),
    st.sampled_from([" ", "  ", "\n", "-", ", "]),
)
def test_the_lexicon_gates_match_as_the_case_insensitive_ones_on_drawn_text(parts, sep):
    text = sep.join(parts)
    for gate in _GATES:
        _same_matches(gate, text)


def test_a_station_before_received_is_looked_for_only_after_the_verb():
    from railtrack.extract import places as places_mod

    for text in [*PIECES, "Nieklinovka  has\n received a train", "Orsha Took  In 40 cars"]:
        if places_mod._RECEIVED_RE.search(text) is not None:
            assert places_mod._RECEIVED_VERB_RE.search(text) is not None, text


def test_folded_patterns_match_as_the_case_insensitive_ones_on_the_corpora():
    for text in [*PIECES, *(t.upper() for t in TEXTS)]:
        for pattern in FOLDED:
            _same_matches(pattern, text)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "left",
                "LEFT",
                "Planned",
                "ETA",
                "eta",
                "due to",
                "expected",
                "derailed",
                "trains",
                "Echelons",
                "both",
                "the first",
                "another",
                "train No. 967",
                "March",
                "MARCH",
                "ſ",
                "ı",
                "İ",
                "K",
                "Σ",
                "ᲂ",
                "ẞ",
                "ß",
                " ",
                ", ",
                ".",
                "5",
                "Ural",
                "T-80",
                "BMPs",
                "passed",
                "arriving",
                "moving through",
            ]
        )
        | st.text(alphabet=ALPHABET + "ſıİKΣᲂẞßµ", max_size=6),
        max_size=30,
    )
)
def test_folded_patterns_match_as_the_case_insensitive_ones_on_any_text(parts):
    text = " ".join(parts)
    for pattern in FOLDED:
        _same_matches(pattern, text)


def test_folding_keeps_every_character_of_the_patterns_alphabets():
    """For every code point a text may hold (outside ALIEN, lower case one character),
    re.IGNORECASE matches it to a letter of a folded pattern exactly when its lower case
    is that letter, and a class of letters or word characters reads it alike in either
    case (digits and spaces have no case)."""
    from railtrack.extract.casefold import ALIEN

    letters = "".join(
        sorted(
            {ch.lower() for p in FOLDED for ch in p.pattern if ch.isalpha()}
            | set("abcdefghijklmnopqrstuvwxyz")
        )
    )
    any_letter = re.compile(f"[{re.escape(letters)}]", re.IGNORECASE).fullmatch
    latin = re.compile("[a-z]", re.IGNORECASE).fullmatch
    word = re.compile(r"\w").fullmatch
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        low = char.lower()
        if len(low) != 1 or char in ALIEN:
            continue
        if any_letter(char):
            # it matches some letter: the one it lower-cases to, and no other
            assert low in letters, hex(code)
            assert re.fullmatch(f"[{re.escape(letters.replace(low, ''))}]", char, re.I) is None
        else:
            assert low not in letters, hex(code)
        assert bool(latin(char)) == ("a" <= low <= "z"), hex(code)
        assert bool(word(char)) == bool(word(low)), hex(code)


def test_alien_characters_are_those_re_equates_beyond_lower_case():
    from re import _casefix  # the table re.IGNORECASE adds to simple lower-casing

    from railtrack.extract.casefold import ALIEN

    table = {chr(c) for k, v in _casefix._EXTRA_CASES.items() for c in (k, *v)}
    ordinary = {ch for ch in table if ord(ch) < 0x80 or 0x400 <= ord(ch) <= 0x4FF}
    assert table - ordinary <= ALIEN


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from([*ALPHABET.split(), *SENTENCE_PARTS, "\n", ".\n", "!"]), max_size=40)
)
def test_sentence_boundaries_are_tried_only_where_one_may_start(parts):
    for text in ("".join(parts), " ".join(parts)):
        fast = [m.span() for m in sentences_mod._boundaries(text)]
        assert fast == [m.span() for m in sentences_mod._BOUNDARY_RE.finditer(text)]


def test_sentence_boundaries_on_the_corpora():
    for text in PIECES:
        fast = [m.span() for m in sentences_mod._boundaries(text)]
        assert fast == [m.span() for m in sentences_mod._BOUNDARY_RE.finditer(text)]


@pytest.mark.parametrize("lang", LANGUAGES[1:])
def test_a_bare_station_is_looked_for_only_after_a_place_kind_word(lang):
    from railtrack.extract.lexread import reader_for

    reader = reader_for(lang)
    for text in TEXTS:
        toks = tokens(text)
        for i, tok in enumerate(toks):
            kind_here = tok.low in reader._kind_starts or tok.low.startswith(reader._kind_prefixes)
            if not kind_here:
                assert reader._bare_station(toks, i, text) is None, (lang, tok.text)


# Łacinka is spelled word by word (each word once per load) instead of letter by letter.
LACINKA_ALPHABET = "aąbcčćdeęfghijklłmnńoópqrsśštuŭvwxyzžźAČĆŁŃŚŠŬŽŹ ΣΟİⒶⅫ²'’-.,;:0123456789эўі\n"


@pytest.mark.parametrize("upper", [False, True])
def test_lacinka_is_spelled_word_by_word_as_letter_by_letter_on_the_corpora(upper):
    from railtrack.extract.lacinka import _to_cyrillic_letters, to_cyrillic

    texts = _corpus_texts()
    texts = [t.upper() if upper else t for t in texts]
    assert any(is_lacinka(t) for t in texts)  # the corpora hold Łacinka reports
    for text in texts:
        assert to_cyrillic(text) == _to_cyrillic_letters(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=LACINKA_ALPHABET, max_size=120))
def test_lacinka_is_spelled_word_by_word_as_letter_by_letter_on_any_text(text):
    from railtrack.extract.lacinka import _to_cyrillic_letters, to_cyrillic

    assert to_cyrillic(text) == _to_cyrillic_letters(text)


def _plain_is_lacinka(text: str) -> bool:  # the reference, as it was
    from railtrack.extract import lacinka as lac

    if not lac._LACINKA_ONLY.search(text) or lac._ESPERANTO.search(text):
        return False
    words = lac._WORD.findall(text)
    marked = sum(1 for w in words if lac._LACINKA_ONLY.search(w) or lac._LACINKA_LETTERS.search(w))
    if marked < 0.15 * len(words):
        return False
    if len({w.lower() for w in words} & lac._ENGLISH) >= 2:
        return False
    return len(_LATIN.findall(text)) > len(_CYRILLIC.findall(text))


def test_lacinka_is_recognised_as_before_on_the_corpora():
    for text in _pieces(_corpus_texts()):
        assert is_lacinka(text) == _plain_is_lacinka(text), text


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                *[
                    "Ešalon",
                    "adpraviŭsia",
                    "sa",
                    "stancyi",
                    "Asipovičy",
                    "ŭ",
                    "z",
                    "ł",
                    "ć",
                    "the",
                    "and",
                    "of",
                    "THE",
                    "Was",
                    "ſ",
                    "K",
                ],
                "waſ",
                "tHe",
                " ",
                ". ",
                "2",
                "_",
                "эшалон",
                "ĉ",
                "Ŭ",
                "x²ŭ",
            ]
        ),
        max_size=30,
    )
)
def test_lacinka_is_recognised_as_before_on_any_text(words):
    text = " ".join(words)
    assert is_lacinka(text) == _plain_is_lacinka(text)


def test_sentence_bounds_are_split_once_and_handed_out_as_new_lists():
    # split_clauses and the evidence quotes share one split per text (cached); a
    # caller's list is its own, so changing it never changes what the next one gets
    text = "One train left Slonim. It had 40 cars; the other one 30."
    sentences_mod._sentence_bounds.cache_clear()
    first = sentences_mod.sentence_bounds(text)
    first.append((99, 100))
    split_clauses(text)
    assert sentences_mod.sentence_bounds(text) == [(0, 22), (23, 56)]
    assert sentences_mod._sentence_bounds.cache_info().misses == 1
    for text in TEXTS:
        plain = sentences_mod._sentence_bounds.__wrapped__(text)
        assert sentences_mod.sentence_bounds(text) == list(plain)


def test_once_reads_as_cached_property_does():
    from functools import cached_property

    from railtrack.extract.once import once

    calls = []

    class Plain:
        @cached_property
        def value(self) -> int:
            calls.append("plain")
            return 7

    class Fast:
        @once
        def value(self) -> int:
            calls.append("fast")
            return 7

    for cls in (Plain, Fast):
        obj = cls()
        assert (obj.value, obj.value, obj.__dict__) == (7, 7, {"value": 7})
        obj.value = 8  # settable, as a cached_property's value is
        assert obj.value == 8
        assert isinstance(cls.__dict__["value"], (cached_property, once))
    assert calls == ["plain", "fast"]
    assert Fast.value.__doc__ is None


@pytest.mark.parametrize(
    "cls", ["railtrack.extract.trains.Fact", "railtrack.extract.sentences.Clause"]
)
def test_written_out_inits_set_every_field_as_the_dataclass_one_does(cls):
    import dataclasses
    import importlib
    import inspect

    module, _, name = cls.rpartition(".")
    kind = getattr(importlib.import_module(module), name)
    fields = dataclasses.fields(kind)
    # the generated __init__ of the same fields, for the signature and the values
    plain = dataclasses.make_dataclass(
        "Plain",
        [
            (f.name, f.type, f.default)
            if f.default is not dataclasses.MISSING
            else (f.name, f.type)
            for f in fields
        ],
        frozen=True,
        slots=True,
    )
    written = inspect.signature(kind.__init__)
    generated = inspect.signature(plain.__init__)
    assert [(p.name, p.default, p.kind) for p in written.parameters.values()] == [
        (p.name, p.default, p.kind) for p in generated.parameters.values()
    ]
    args = [f"v{i}" for i in range(len(fields))]
    made = kind(*args)
    assert dataclasses.astuple(made) == dataclasses.astuple(plain(*args))
    assert made == kind(**{f.name: a for f, a in zip(fields, args, strict=True)})
    assert hash(made) == hash(kind(*args))
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.start = 1
    assert dataclasses.replace(made, text="x").text == "x"


# One search for every word that can turn a clause away (lexread.LexiconReader.quiet)
_TURN_AWAY = ("accident", "service", "off_topic", "timetable", "road", "preparation")


def _quiet_as_each(reader, text: str, *, questions: bool = True) -> None:
    lex = reader.lex
    plain = not any(p.search(text) for p in (getattr(lex, k) for k in _TURN_AWAY) if p is not None)
    assert reader.quiet(text) == plain, text[:80]
    if plain and questions:
        assert not reader.is_off_topic(text)
        assert not reader.is_timetable(text)
        assert not reader.is_road(text)
        assert not reader.is_preparation(text)


@pytest.mark.parametrize("lang", ["ru", "uk", "be", "pl"])
def test_a_quiet_clause_is_quiet_as_each_pattern_tells_on_the_corpora(lang):
    from railtrack.extract.lexread import reader_for

    reader = reader_for(lang)
    assert reader._turn_away is not None  # the patterns could be joined
    clauses = [c.text for text in TEXTS for c in split_clauses(text)]
    for text in clauses:
        _quiet_as_each(reader, text)
    for text in [*PIECES, *(c.upper() for c in clauses)]:
        _quiet_as_each(reader, text, questions=False)


@cache
def _stem_words(lang: str) -> list[str]:
    data = yaml.safe_load(
        (Path(lexicon_mod.__file__).parent / "lexicons" / f"{lang}.yaml").read_text("utf-8")
    )
    return sorted({str(w).rstrip("$") for k in _TURN_AWAY for w in data.get(k) or []})


@pytest.mark.parametrize("lang", ["ru", "uk", "be", "pl"])
@settings(max_examples=50, deadline=None)
@given(data=st.data())
def test_a_quiet_clause_is_quiet_as_each_pattern_tells_on_any_text(lang, data):
    from railtrack.extract.lexread import reader_for

    words = _stem_words(lang)
    parts = st.one_of(st.sampled_from(words), st.text(alphabet=ALPHABET, max_size=6))
    text = "".join(data.draw(st.lists(parts, max_size=8)))
    _quiet_as_each(reader_for(lang), text)


# One search for every word that can make a sentence tell of no shipment
_NO_SHIPMENT = ("exhibition", "shown", "service", "timetable")


def _plain_no_shipment_kind(reader, text: str) -> str | None:  # one search per pattern
    lex = reader.lex
    exhibition = lex.exhibition
    if exhibition is not None and exhibition.search(text) and not reader.show_is_purpose(text):
        return "exhibition"
    if lex.retro_stock is not None and lex.retro_stock.search(text) is not None:
        return "exhibition"
    if lex.shown is not None and lex.shown.search(text) is not None:
        return "exhibition"
    # recovery vehicles ("wozy ewakuacyjne") are blanked before the service words
    if lex.service is not None and lex.service.search(reader.without_service_vehicles(text)):
        return "service"
    # a train named by its route ("pociąg nr 73 relacji Charków–Przemyśl", extract/services.py)
    return "timetable" if reader.is_timetable(text) or reader._route_service(text) else None


@pytest.mark.parametrize("lang", ["ru", "uk", "be", "pl"])
def test_sentences_of_no_shipment_are_told_as_by_each_pattern_on_the_corpora(lang):
    from railtrack.extract.lexread import reader_for

    reader = reader_for(lang)
    assert reader._no_shipment is not None  # the patterns could be joined
    clauses = [c.text for text in TEXTS for c in split_clauses(text)]
    kinds = set()
    for text in [*PIECES, *clauses, *(c.upper() for c in clauses)]:
        kind = reader.no_shipment_kind(text)
        assert kind == _plain_no_shipment_kind(reader, text), text[:80]
        kinds.add(kind)
    assert None in kinds  # the corpora have both kinds of sentence
    assert len(kinds) >= 2


@cache
def _no_shipment_words(lang: str) -> list[str]:
    data = yaml.safe_load(
        (Path(lexicon_mod.__file__).parent / "lexicons" / f"{lang}.yaml").read_text("utf-8")
    )
    keys = (*_NO_SHIPMENT, "military")
    return sorted({str(w).rstrip("$") for k in keys for w in data.get(k) or []})


@pytest.mark.parametrize("lang", ["ru", "uk", "be", "pl"])
@settings(max_examples=50, deadline=None)
@given(data=st.data())
def test_sentences_of_no_shipment_are_told_as_by_each_pattern_on_any_text(lang, data):
    from railtrack.extract.lexread import reader_for

    words = _no_shipment_words(lang)
    parts = st.one_of(st.sampled_from(words), st.text(alphabet=ALPHABET, max_size=6))
    text = "".join(data.draw(st.lists(parts, max_size=8)))
    reader = reader_for(lang)
    assert reader.no_shipment_kind(text) == _plain_no_shipment_kind(reader, text)


def _lexicon_reports() -> list[tuple[str, object, str]]:
    """(text, published, lang) of every corpus report in a lexicon language."""
    found = []
    for data in corpus_reports(*CORPORA):
        lang = data.get("lang") or detect_language(data["text"])
        if lang in ("ru", "uk", "be", "pl"):
            found.append((data["text"], data.get("published"), lang))
    return found


def test_uncounted_car_kinds_are_read_only_when_they_can_decide(monkeypatch):
    """The lazy ``_one_kind_totals`` gives every report the trains the eager rule gives.

    The eager rule read the car kinds a report names (``car_kinds_named``) for every
    lexicon-language report and offered them to every train; the lazy one reads them
    only when a train is counted in one kind of car alone, the only train
    ``_one_kind_is_the_total`` can change.
    """
    from railtrack.extract import trains as trains_mod

    reports = _lexicon_reports()
    assert len(reports) > 100
    lazy = [repr(trains_mod.read_trains(t, published=p, lang=lang)) for t, p, lang in reports]
    monkeypatch.setattr(trains_mod, "_counted_in_one_kind", lambda train: True)
    eager = [repr(trains_mod.read_trains(t, published=p, lang=lang)) for t, p, lang in reports]
    assert lazy == eager


@pytest.mark.parametrize(
    "counts",
    [{}, {"total": 1}, {"flat": 1, "total": 1}, {"flat": 1, "tank": 1}, {"total": 1, "tank": 1}],
)
def test_a_train_not_counted_in_one_kind_alone_keeps_its_counts(counts):
    from railtrack.extract import trains as trains_mod

    train = trains_mod.TrainDraft()
    train.counts.update(counts)
    assert not trains_mod._counted_in_one_kind(train)
    for named in (frozenset(), frozenset({"flat"}), frozenset({"total", "tank", "flat"})):
        trains_mod._one_kind_is_the_total(train, named)
        assert train.counts == counts


def test_a_train_counted_in_one_kind_alone_is_told_the_kinds_named():
    """F71's kind: "TIRy na platformach, a także dwa wagony sypialne" (the named kinds)."""
    from railtrack.extract import trains as trains_mod
    from railtrack.extract.lexread import reader_for

    text = "Pociąg przywiózł 20 platform. Widziano też dwa wagony sypialne i cysterny."
    one = trains_mod.TrainDraft()
    one.counts["flat"] = "20 platform"  # (a Fact in the reader; any value does here)
    trains_mod._one_kind_totals([one], reader_for("pl"), text)
    assert "total" not in one.counts  # tank cars named besides: 20 is not the train's size
    alone = trains_mod.TrainDraft()
    alone.counts["flat"] = "20 platform"
    trains_mod._one_kind_totals([alone], reader_for("pl"), "Pociąg przywiózł 20 platform.")
    assert alone.counts["total"] == "20 platform"


def _no_number_unless_a_number_word(reader, text: str) -> None:
    toks = tokens(text)
    for i, tok in enumerate(toks):
        if not (tok.low.isdecimal() or tok.low in reader._number_words):
            assert reader._number_at(toks, i) is None, (text[:80], tok)


@pytest.mark.parametrize("lang", ["ru", "uk", "be", "pl"])
def test_a_number_starts_only_at_digits_or_a_number_word_on_the_corpora(lang):
    """The token loops of ``group_announcement`` and ``find_count_series`` skip the rest."""
    from railtrack.extract.lexread import reader_for

    reader = reader_for(lang)
    for text in PIECES:
        _no_number_unless_a_number_word(reader, text)


@pytest.mark.parametrize("lang", ["ru", "uk", "be", "pl"])
@settings(max_examples=50, deadline=None)
@given(data=st.data())
def test_a_number_starts_only_at_digits_or_a_number_word_on_any_text(lang, data):
    from railtrack.extract.lexread import reader_for

    reader = reader_for(lang)
    lex = reader.lex
    words = sorted({*lex.numbers, *lex.dozen, *lex.collective, *lex.multipliers})
    parts = st.one_of(st.sampled_from(words), st.text(alphabet=ALPHABET, max_size=6))
    text = " ".join(data.draw(st.lists(parts, max_size=8)))
    _no_number_unless_a_number_word(reader, text)

"""A report that names its source: "according to Hajun" makes Hajun the train's reporter.

A relay channel or a news site posts "Według Biełaruskiego Hajuna w nocy do Kalinkowicz
przyjechał pociąg ...", "По данным Гаюна ...", "За даними Гаюну ...", "Паводле Гаюна
...", "According to Hajun ...". The news is Hajun's: the train's ``reporter`` is the
outlet named, and the channel or site that posted it is ``relayed_by`` (trial17 T8), so
the sources table credits Hajun, not the relay, as the first-hand source, and the
relay's train links to Hajun's own post.

The words that name a source are each lexicon's ``attribution`` list; the name after
them counts only when it is one of the outlets of ``data/outlets/outlets.csv``, in any
case form ("Hajuna", "Гаюну", "Biełaruskiego Hajuna"): "according to the ministry" or
"по данным источника" name no outlet and change nothing. A report whose source line
already names its relay (``relayed_by``), or whose own reporter is the outlet named (a
channel quoting itself), is left as it is.

The credit is per train (review 18, #7): a train is the outlet's when the attribution
stands in a sentence that tells one of its facts ("Our correspondent saw a train in
Orsha. According to Hajun, another train arrived in Brest": only the second), or when
it opens the report or stands in a sentence that tells no train's fact (a lead-in
"Hajun reports:", a closing "Source: Hajun"): then every train of the report is.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache

from railtrack._data import data_path
from railtrack._translit import same_name_stem, skeleton
from railtrack.extract.lexicon import LANGUAGES, lexicon
from railtrack.extract.sentences import SENTENCE_OR_LINE_END, sentence_around
from railtrack.models import Source
from railtrack.outlets import outlet_key, outlet_name
from railtrack.settings import DEFAULT_SETTINGS, Settings

__all__ = ["attributed_outlet", "attributed_source", "credited_sources"]

_WORD = re.compile(r"[^\W\d_][\w'’-]*")


@lru_cache(maxsize=1)
def _outlet_names() -> tuple[tuple[tuple[str, ...], str], ...]:
    """Return each known outlet name as its words, with the outlet, longest first.

    One spelling per skeleton ("Hajun" and "Гаюн" are one name).
    """
    names: dict[tuple[str, ...], tuple[tuple[str, ...], str]] = {}
    with data_path("outlets", "outlets.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            outlet = (row.get("outlet") or "").strip()
            for name in [outlet, *(row.get("names") or "").split("|")]:
                words = tuple(_WORD.findall(name))
                key = tuple(skeleton(w) for w in words)
                if key and all(key):
                    names.setdefault(key, (words, outlet))
    return tuple(sorted(names.values(), key=lambda item: -len(item[0])))


@lru_cache(maxsize=1)
def _most_words() -> int:
    """Return the word count of the longest known outlet name (4: "Беларускі Гаюн ...")."""
    return max((len(words) for words, _ in _outlet_names()), default=1)


def _named(words: list[str]) -> tuple[str, int] | None:
    """Return the outlet ``words`` (as written, from the first) begin with, and its size.

    Each word may be a case form of the name's (:func:`~railtrack._translit.same_name_stem`:
    "Hajuna" of "Hajun", "Гаюна" of "Гаюн").
    """
    for name, outlet in _outlet_names():
        if len(name) <= len(words) and all(
            same_name_stem(w, n) for w, n in zip(words, name, strict=False)
        ):
            return outlet, len(name)
    return None


def attributed_outlet(
    text: str, lang: str | None, *, settings: Settings | None = None
) -> str | None:
    """Return the known outlet a report names as its source ("according to Hajun"), else None.

    Parameters
    ----------
    text : str
        The report as written.
    lang : str or None
        Its language (en, ru, uk, be, pl); None or another language: None.
    settings : Settings, optional
        ``attribution_words_between``: the lower-case words of what the source is
        allowed between the attribution words and the name.

    Returns
    -------
    str or None
        The outlet's name in ``data/outlets/outlets.csv`` ("Belarusian Hajun").

    Examples
    --------
    >>> attributed_outlet("Według Biełaruskiego Hajuna w nocy przyjechał pociąg.", "pl")
    'Belarusian Hajun'
    >>> attributed_outlet("По данным мониторинговой группы «Гаюн», эшелон прибыл.", "ru")
    'Belarusian Hajun'
    >>> attributed_outlet("According to the ministry, a train arrived.", "en") is None
    True
    """
    found = _attributions(text, lang, (settings or DEFAULT_SETTINGS).attribution_words_between)
    return found[0][2] if found else None


def _attributions(text: str, lang: str | None, between: int) -> list[tuple[int, int, str]]:
    """Return each place a report names a known outlet as its source: (start, end, outlet).

    ``start`` and ``end`` are the offsets of the attribution words ("according to");
    up to ``between`` lower-case words may stand between them and the name.
    """
    if not text or lang not in LANGUAGES:
        return []
    pattern = lexicon(lang).attribution
    if pattern is None:
        return []
    named: list[tuple[int, int, str]] = []
    for found in pattern.finditer(text):
        after = _WORD.findall(text[found.end() : found.end() + 160])[: between + _most_words()]
        for skip in range(min(between, len(after)) + 1):
            if skip and after[skip - 1][:1].isupper():
                break  # only lower-case words of what the source is are passed over
            name = _named(after[skip : skip + _most_words()])
            if name is not None:
                named.append((found.start(), found.end(), name[0]))
                break
    after_verb = lexicon(lang).attribution_after
    if after_verb is not None:
        for found in after_verb.finditer(text):
            outlet = _named_before(text[max(0, found.start() - 160) : found.start()], between)
            if outlet is not None:
                named.append((found.start(), found.end(), outlet))
        named.sort()
    return named


def _named_before(before: str, between: int) -> str | None:
    """Return the outlet named right before a verb of reporting ("Belarusian Hajun reported").

    ``before`` is the text before the verb; only its last sentence counts. Up to
    ``between`` lower-case words of what the source is may stand between the name and
    the verb ("the Hajun monitoring group said").
    """
    last = max(before.rfind(end) for end in ".!?\n")
    words = _WORD.findall(before[last + 1 :])[-(between + _most_words()) :]
    for skip in range(min(between, len(words)) + 1):
        if skip and words[len(words) - skip][:1].isupper():
            break  # only lower-case words of what the source is are passed over
        end = len(words) - skip
        for size in range(min(_most_words(), end), 0, -1):
            outlet = _named(words[end - size : end])
            if outlet is not None and outlet[1] == size:
                return outlet[0]
    return None


def credited_sources(
    source: Source,
    text: str | None,
    lang: str | None,
    told: list[list[tuple[int, int]]],
    *,
    settings: Settings | None = None,
) -> list[Source]:
    """Return the source of each train of a report, crediting the outlet it names per train.

    Parameters
    ----------
    source : Source
        The report's source as loaded.
    text : str or None
        The report as written.
    lang : str or None
        Its language.
    told : list of list of (int, int)
        For each train (or group), the character offsets (start, end) of the facts
        read for it (its evidence).
    settings : Settings, optional
        ``attribution_words_between`` (see :func:`attributed_outlet`).

    Returns
    -------
    list of Source
        One per entry of ``told``: :func:`attributed_source`'s copy for a train told
        in a sentence that names the outlet ("According to Hajun, a train arrived"),
        and for every train when the naming opens the report or stands in a sentence
        that tells no train's fact ("Hajun reports:"); else ``source`` itself. A
        report that names no known outlet, or whose source names its relay already,
        keeps ``source`` for all.

    Examples
    --------
    >>> text = ("Our correspondent saw a train of 40 cars leave Orsha today. "
    ...         "According to Hajun, another train of 30 cars arrived in Brest.")
    >>> told = [[(23, 28), (47, 52)], [(text.index("Brest"), len(text) - 1)]]
    >>> [s.reporter for s in credited_sources(Source(reporter="Kolej Monitor"), text, "en", told)]
    ['Kolej Monitor', 'Belarusian Hajun']
    """
    if source.relayed_by or not text:
        return [source] * len(told)
    named = _attributions(text, lang, (settings or DEFAULT_SETTINGS).attribution_words_between)
    if not named:
        return [source] * len(told)

    def sentence(at: int) -> tuple[int, int]:
        return sentence_around(text, min(max(at, 0), len(text)), ends=SENTENCE_OR_LINE_END)

    sentences = [{sentence(start) for start, _ in spans} for spans in told]
    opening = sentence(len(text) - len(text.lstrip()))
    every: str | None = None
    each: list[str | None] = [None] * len(told)
    for start, _, outlet in named:
        around = sentence(start)
        holders = [i for i, held in enumerate(sentences) if around in held]
        if around == opening or not holders:
            every = every or outlet
        for i in holders:
            each[i] = each[i] or outlet
    credited = []
    for own in each:
        credit = own or every
        if credit is None or outlet_key(outlet_name(source.reporter)) == outlet_key(credit):
            credited.append(source)
            continue
        relay = None if source.reporter == "unknown" else source.reporter
        credited.append(source.model_copy(update={"reporter": credit, "relayed_by": relay}))
    return credited


def attributed_source(
    source: Source, text: str | None, lang: str | None, *, settings: Settings | None = None
) -> Source:
    """Return ``source`` with the outlet the report names as reporter and itself as relay.

    Parameters
    ----------
    source : Source
        The report's source as loaded (its ``source:`` line, its channel).
    text : str or None
        The report as written.
    lang : str or None
        Its language.
    settings : Settings, optional
        ``attribution_words_between`` (see :func:`attributed_outlet`).

    Returns
    -------
    Source
        ``source`` itself when the report names no known outlet, when ``relayed_by``
        is already given, or when the outlet named is its own reporter; else a copy
        whose ``reporter`` is the outlet named and whose ``relayed_by`` is the former
        reporter (None when that was "unknown": a text with no source line).

    Examples
    --------
    >>> s = attributed_source(Source(reporter="Kolej Monitor"),
    ...                       "Według Hajuna w nocy do Kalinkowicz przyjechał pociąg.", "pl")
    >>> s.reporter, s.relayed_by
    ('Belarusian Hajun', 'Kolej Monitor')
    >>> attributed_source(Source(reporter="Беларускі Гаюн"), "Паводле Гаюна ...", "be").relayed_by
    """
    if source.relayed_by or not text:
        return source
    outlet = attributed_outlet(text, lang, settings=settings)
    if outlet is None or outlet_key(outlet_name(source.reporter)) == outlet_key(outlet):
        return source
    relay = None if source.reporter == "unknown" else source.reporter
    return source.model_copy(update={"reporter": outlet, "relayed_by": relay})

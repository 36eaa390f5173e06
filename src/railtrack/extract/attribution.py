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
from railtrack._translit import skeleton
from railtrack.extract.lexicon import LANGUAGES, lexicon
from railtrack.extract.sentences import SENTENCE_OR_LINE_END, sentence_around
from railtrack.models import Source
from railtrack.outlets import outlet_key, outlet_name

__all__ = ["attributed_outlet", "attributed_source", "credited_sources"]

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_SKIPPED = 3  # lower-case words allowed between the verb and the name ("мониторинговой группы")
_MOST_WORDS = 4


@lru_cache(maxsize=1)
def _outlet_names() -> tuple[tuple[tuple[str, ...], str], ...]:
    """Return each known outlet name as its words' skeletons, with the outlet, longest first."""
    names: dict[tuple[str, ...], str] = {}
    with data_path("outlets", "outlets.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            outlet = (row.get("outlet") or "").strip()
            for name in [outlet, *(row.get("names") or "").split("|")]:
                words = tuple(skeleton(w) for w in _WORD.findall(name))
                if words and all(words):
                    names.setdefault(words, outlet)
    return tuple(sorted(names.items(), key=lambda item: -len(item[0])))


def _inflected(written: str, name: str) -> bool:
    """Whether a word's skeleton is a case form of a name word's ("hauna" of "haun")."""
    if written == name:
        return True
    stem = name[: max(3, len(name) - 2)]
    return written.startswith(stem) and len(written) <= len(name) + 4


def _named(words: list[str]) -> str | None:
    """Return the outlet ``words`` (skeletons, from the first) begin with, else None."""
    for name, outlet in _outlet_names():
        if len(name) <= len(words) and all(
            _inflected(w, n) for w, n in zip(words, name, strict=False)
        ):
            return outlet
    return None


def attributed_outlet(text: str, lang: str | None) -> str | None:
    """Return the known outlet a report names as its source ("according to Hajun"), else None.

    Parameters
    ----------
    text : str
        The report as written.
    lang : str or None
        Its language (en, ru, uk, be, pl); None or another language: None.

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
    found = _attributions(text, lang)
    return found[0][2] if found else None


def _attributions(text: str, lang: str | None) -> list[tuple[int, int, str]]:
    """Return each place a report names a known outlet as its source: (start, end, outlet).

    ``start`` and ``end`` are the offsets of the attribution words ("according to").
    """
    if not text or lang not in LANGUAGES:
        return []
    pattern = lexicon(lang).attribution
    if pattern is None:
        return []
    named = []
    for found in pattern.finditer(text):
        after = _WORD.findall(text[found.end() : found.end() + 160])[: _SKIPPED + _MOST_WORDS]
        for skip in range(min(_SKIPPED, len(after)) + 1):
            if skip and after[skip - 1][:1].isupper():
                break  # only lower-case words of what the source is are passed over
            outlet = _named([skeleton(w) for w in after[skip : skip + _MOST_WORDS]])
            if outlet is not None:
                named.append((found.start(), found.end(), outlet))
                break
    after_verb = lexicon(lang).attribution_after
    if after_verb is not None:
        for found in after_verb.finditer(text):
            outlet = _named_before(text[max(0, found.start() - 160) : found.start()])
            if outlet is not None:
                named.append((found.start(), found.end(), outlet))
        named.sort()
    return named


def _named_before(before: str) -> str | None:
    """Return the outlet named right before a verb of reporting ("Belarusian Hajun reported").

    ``before`` is the text before the verb; only its last sentence counts. Up to
    ``_SKIPPED`` lower-case words of what the source is may stand between the name and
    the verb ("the Hajun monitoring group said").
    """
    last = max(before.rfind(end) for end in ".!?\n")
    words = _WORD.findall(before[last + 1 :])[-(_SKIPPED + _MOST_WORDS) :]
    for skip in range(min(_SKIPPED, len(words)) + 1):
        if skip and words[len(words) - skip][:1].isupper():
            break  # only lower-case words of what the source is are passed over
        end = len(words) - skip
        for size in range(min(_MOST_WORDS, end), 0, -1):
            part = [skeleton(w) for w in words[end - size : end]]
            outlet = _named(part)
            if outlet is not None and _name_size(part) == size:
                return outlet
    return None


def _name_size(words: list[str]) -> int:
    """Return the word count of the longest known outlet name ``words`` begin with."""
    for name, _ in _outlet_names():
        if len(name) <= len(words) and all(
            _inflected(w, n) for w, n in zip(words, name, strict=False)
        ):
            return len(name)
    return 0


def credited_sources(
    source: Source,
    text: str | None,
    lang: str | None,
    told: list[list[tuple[int, int]]],
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
    named = _attributions(text, lang)
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


def attributed_source(source: Source, text: str | None, lang: str | None) -> Source:
    """Return ``source`` with the outlet the report names as reporter and itself as relay.

    Parameters
    ----------
    source : Source
        The report's source as loaded (its ``source:`` line, its channel).
    text : str or None
        The report as written.
    lang : str or None
        Its language.

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
    outlet = attributed_outlet(text, lang)
    if outlet is None or outlet_key(outlet_name(source.reporter)) == outlet_key(outlet):
        return source
    relay = None if source.reporter == "unknown" else source.reporter
    return source.model_copy(update={"reporter": outlet, "relayed_by": relay})

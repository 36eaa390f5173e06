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
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache

from railtrack._data import data_path
from railtrack._translit import skeleton
from railtrack.extract.lexicon import LANGUAGES, lexicon
from railtrack.models import Source
from railtrack.outlets import outlet_key, outlet_name

__all__ = ["attributed_outlet", "attributed_source"]

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
    if not text or lang not in LANGUAGES:
        return None
    pattern = lexicon(lang).attribution
    if pattern is None:
        return None
    for found in pattern.finditer(text):
        after = _WORD.findall(text[found.end() : found.end() + 160])[: _SKIPPED + _MOST_WORDS]
        for skip in range(min(_SKIPPED, len(after)) + 1):
            if skip and after[skip - 1][:1].isupper():
                break  # only lower-case words of what the source is are passed over
            outlet = _named([skeleton(w) for w in after[skip : skip + _MOST_WORDS]])
            if outlet is not None:
                return outlet
    return None


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

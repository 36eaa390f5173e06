"""Read shipments, dates, stations and car counts from reports in five languages.

:func:`extract_shipments` turns a report's text into the same
:class:`~railtrack.models.Shipment` and :class:`~railtrack.models.ShipmentGroup`
models the file loaders return, each value with the words it was read from
(:class:`~railtrack.models.Evidence`) and a confidence. It reads English, Russian,
Ukrainian, Belarusian and Polish: the language is detected with lingua
(:mod:`~railtrack.extract.language`), each language's words come from a lexicon
(:mod:`~railtrack.extract.lexicon`, ``extract/lexicons/*.yaml``) and inflected place
names are put in the nominative (:mod:`~railtrack.extract.morph`); one train
assembly reads them all. Deterministic and offline.

Modules, one job each: :mod:`~railtrack.extract.sentences` (clauses),
:mod:`~railtrack.extract.places`, :mod:`~railtrack.extract.dates`,
:mod:`~railtrack.extract.numbers` (finders), :mod:`~railtrack.extract.cues` (what a
clause says about trains), :mod:`~railtrack.extract.trains` (which facts belong to
which train), :mod:`~railtrack.extract.result` (the models and their JSON shape).

Examples
--------
>>> from datetime import date
>>> seed = (
...     "Two more military echelons have left Belarus. One military shipment headed for "
...     "the Matveyev-Kurhan station in the Rostov region; the second transport left on "
...     "March 1 for the Nieklinovka station and is likely to reach Donbas shortly after "
...     "March 8. In both trains, there are a total of 86 cars, with only two passenger cars."
... )
>>> result = extract_shipments(seed, published=date(2023, 3, 3), network=False)
>>> [s.destination.text for s in result.shipments]
['Matveyev-Kurhan', 'Nieklinovka']
>>> result.shipments[1].departure.earliest, result.shipments[1].expected_arrival.earliest
(datetime.date(2023, 3, 1), datetime.date(2023, 3, 8))
>>> result.groups[0].cars.total, result.groups[0].cars.passenger, result.shipments[0].cars.total
(86, 2, None)
"""

from __future__ import annotations

import hashlib
import logging
from datetime import date, tzinfo
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Literal

from railtrack.errors import RailtrackError
from railtrack.models import Source
from railtrack.settings import DEFAULT_SETTINGS, Settings

if TYPE_CHECKING:
    from railtrack.extract.lexicon import LANGUAGES
    from railtrack.extract.result import Extraction
    from railtrack.network import RailNetwork

# The readers (lingua, dateparser, the lexicons) load on first use, so importing a
# light submodule such as ``railtrack.extract.morph`` (the gazetteer's inflection
# fallback) does not load them all.
_LAZY = {"LANGUAGES": "railtrack.extract.lexicon", "Extraction": "railtrack.extract.result"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    msg = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(msg)


__all__ = ["LANGUAGES", "Extraction", "extract_shipments"]

logger = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def _embedded_network() -> RailNetwork | None:
    """Load the embedded theatre network once; None if it cannot be loaded."""
    try:
        from railtrack.network import load_network
    except ImportError as exc:  # the network module is missing from this install
        logger.warning("station names are not resolved: %s", exc)
        return None
    try:
        return load_network()
    except (RailtrackError, OSError) as exc:
        logger.warning("station names are not resolved: %s", exc)
        return None


def _as_source(source: Source | str | None, published: date | None) -> Source:
    if isinstance(source, Source):
        if source.published is None and published is not None:
            return source.model_copy(update={"published": published})
        return source
    return _named_source(source or "unknown", published)


@lru_cache(maxsize=1024)
def _named_source(reporter: str, published: date | None) -> Source:
    """One frozen :class:`Source` per reporter's name and day (validated once, shared)."""
    return Source(reporter=reporter, published=published)


def _names_a_train(text: str, lang: str) -> bool:
    """Whether a text plainly tells of one train: its noun, with a date or a car count."""
    from railtrack.extract.readers import reader_for

    rd = reader_for(lang)
    if not rd.has_train_noun(text, singular=True):
        return False
    return bool(rd.find_car_counts(text) or rd.find_dates(text))


def extract_shipments(
    text: str,
    *,
    published: date | str | None = None,
    source: Source | str | None = None,
    network: RailNetwork | Literal[False] | None = None,
    report_id: str | None = None,
    settings: Settings | None = None,
    lang: str | None = None,
    zone: tzinfo | None = None,
) -> Extraction:
    """Read the shipments and groups of trains a report describes.

    Parameters
    ----------
    text
        The report as written (English; station names in any Latin spelling).
    published
        The day the report was published (a date or an ISO ``YYYY-MM-DD`` string):
        relative dates ("yesterday", "on Tuesday", "last week") and dates without a
        year resolve against it. Defaults to the source's ``published`` date.
    source
        Who reported it: a :class:`~railtrack.models.Source` or the reporter's name.
    network
        The network whose gazetteer resolves station names; None loads the embedded
        theatre network (once); ``False`` keeps names as written, unresolved.
    report_id
        Prefix of the shipment and group ids (``<report_id>-t1``, ``<report_id>-g1``);
        defaults to ``r`` plus a hash of the text, so ids are deterministic.
    settings
        Confidence levels and the largest group expanded into trains.
    lang
        The language the report is declared in (a ``lang`` header, the channel's
        language): used when the text is too short to tell
        (:func:`~railtrack.extract.language.detect_language`). The language read is
        ``result.lang`` and each shipment's ``lang``.
    zone
        The time zone the report's author writes in (a channel's, ``--tz``): clock
        times told ("а 01:20") are its local times, kept in UTC; None keeps them as
        written (railtrack's times are UTC).

    Returns
    -------
    Extraction
        ``shipments``, ``groups``, ``problems`` (unresolved names, undatable dates,
        a language railtrack does not read) and ``to_dict()`` for the JSON shape of
        ``railtrack extract --json``.

    Examples
    --------
    >>> from datetime import date
    >>> r = extract_shipments("Yesterday a military train with forty-eight platforms "
    ...     "departed from Gomel.", published=date(2023, 2, 14), network=False)
    >>> s = r.shipments[0]
    >>> s.origin.text, s.departure.earliest, s.cars.flat
    ('Gomel', datetime.date(2023, 2, 13), 48)
    >>> extract_shipments("Russian forces launched 23 attacks near Bakhmut.").shipments
    []
    >>> r = extract_shipments("Вчера эшелон из 40 вагонов отправился из Слонима в Валуйки.",
    ...     published=date(2023, 3, 3), network=False)
    >>> r.lang, r.shipments[0].origin.text, r.shipments[0].departure.earliest
    ('ru', 'Слонима', datetime.date(2023, 3, 2))
    """
    from railtrack.extract.blocktrains import read_block_trains
    from railtrack.extract.bylines import without_bylines
    from railtrack.extract.lacinka import is_lacinka, remap_draft, to_cyrillic
    from railtrack.extract.language import (
        LanguageGuess,
        detect_language,
        mixes_languages,
        read_part_language,
        sentence_language,
    )
    from railtrack.extract.readers import reader_for
    from railtrack.extract.related import blank_related_links
    from railtrack.extract.result import Extraction, build_extraction, pointed_at_written
    from railtrack.extract.textpass import blank_long_numbers, strip_format, tag_labels
    from railtrack.extract.trains import read_trains
    from railtrack.extract.unaccented import to_typed, with_polish_letters

    settings = settings or DEFAULT_SETTINGS
    if isinstance(published, str):
        try:
            published = date.fromisoformat(published.strip()[:10])
        except ValueError:
            msg = f"published {published!r} is not a date (YYYY-MM-DD)"
            raise ValueError(msg) from None
    if isinstance(source, Source) and published is None:
        published = source.published
    src = _as_source(source, published)
    rid = (
        report_id or "r" + hashlib.sha1(text.encode("utf-8"), usedforsecurity=False).hexdigest()[:8]
    )
    net = _embedded_network() if network is None else (network or None)
    written = text
    # soft hyphens, zero-width spaces and other invisible characters cut words: the
    # report is read without them, from here to its models (every reading of its words
    # sees the text as read), and only the evidence is pointed back at the text as
    # written at the end (pointed_at_written)
    text, origin = strip_format(written)
    stripped = text
    # a number of 5,000 digits cannot even be converted: no fact is written so
    text = blank_long_numbers(text)
    guess = detect_language(text, declared=lang)
    part = None if guess.supported else read_part_language(text)
    if part is not None:
        # "Wczoraj z Orszy ... odjechał skład. Traukinys su 40 vagonų išvyko ...": the
        # Polish sentences are read, the others named in a problem (each sentence judged)
        guess = LanguageGuess(part, guess.confidence, "sentences")
    if not guess.supported:
        lang_read, message = _not_read(rid, text, guess.lang)
        return Extraction(problems=[message], lang=lang_read)
    lacinka = guess.lang == "be" and is_lacinka(text)
    # Belarusian in Łacinka is read spelled in Cyrillic; offsets point back at the text
    # and Polish typed without its letters with them given back (the same offsets)
    # (and "угольный маршрут из 64 полувагонов" read as a block train, "..., ещё один (60
    # вагонов) ушёл ..." as a further train of its own: the same length too)
    read, spans = (
        to_cyrillic(text)
        if lacinka
        else (read_block_trains(with_polish_letters(text, guess.lang), guess.lang), [])
    )
    restored = not lacinka and read is not text
    if not lacinka:
        read = _without_train_tags(read, tag_labels(written), origin, reader_for(guess.lang))
    # "Читайте также: «...»": a link to another article, not read (trial13 T2)
    read = blank_related_links(read, guess.lang)
    # "18 травня 2023, 10:15" under the headline: the day published, no train's (T6)
    read = without_bylines(read, reader_for(guess.lang))
    draft = read_trains(
        read,
        published=published,
        max_group_trains=settings.extract_max_group_trains,
        echelon_min_cars=settings.extract_echelon_min_cars,
        lang=guess.lang,
        sentence_lang=(
            sentence_language
            if not lacinka and (part is not None or mixes_languages(text, guess.lang))
            else None
        ),
        day_summed=_day_summed(src, published, zone, settings),
    )
    if lacinka:
        remap_draft(draft, text, spans)
    elif restored:
        to_typed(draft, text)
    result = build_extraction(
        draft,
        report_id=rid,
        source=src,
        network=net,
        settings=settings,
        lang=guess.lang,
        text=stripped,
        zone=zone,
    )
    if origin is not None:
        result = pointed_at_written(result, written, origin)
    result = _corrected(result, read, guess.lang)
    if not result.shipments and not result.groups:
        said = _why_nothing_read(rid, read, written, guess.lang, untold=draft.untold)
        if said is not None and not (result.problems and not draft.untold):
            result.problems.append(said)
    logger.debug(
        "%s: %d shipment(s), %d group(s), %d problem(s)",
        rid,
        len(result.shipments),
        len(result.groups),
        len(result.problems),
    )
    return result


def _day_summed(
    source: Source | None, published: date | None, zone: tzinfo | None, settings: Settings
) -> date | None:
    """Return the day a day's digest with no date sums up, None for the publication day.

    A post timed (``Source.published_at``) in the first ``Settings.day_digest_night_h``
    hours after its author's midnight sums up the day before its publication day
    (:func:`railtrack.zones.day_summed_up`; trial18b T2).
    """
    from railtrack.zones import day_summed_up, local_day

    moment = None if source is None else source.published_at
    if moment is None or published is None:
        return None
    behind = local_day(moment, zone) - day_summed_up(
        moment, zone, night_h=settings.day_digest_night_h
    )
    return published - behind if behind else None


def _corrected(result: Extraction, read: str, lang: str) -> Extraction:
    """Return ``result`` with the counts its report corrects put on its trains.

    "Поправка: было не 40, а 44 вагона" (:mod:`railtrack.extract.corrections`; trial13 T4).
    """
    from dataclasses import replace

    from railtrack.extract.corrections import apply_count_corrections, count_corrections

    fixes = count_corrections(read, lang)
    if not fixes:
        return result
    return replace(result, shipments=apply_count_corrections(result.shipments, fixes))


def _not_read(rid: str, text: str, lang: str) -> tuple[str, str]:
    """Return the language to file and the problem of a report in a language not read.

    A text typed in Latin letters most of whose words are Russian, Ukrainian or
    Belarusian words (:func:`~railtrack.extract.romanized.romanized_language`) is named
    as that language in Latin letters (``ru-Latn``), not as one too short to name nor as
    the language lingua finds nearest (Esperanto, Welsh); Latvian typed plain stays Latvian.
    """
    from railtrack.extract.language import UNDETERMINED
    from railtrack.extract.lexicon import LANGUAGES
    from railtrack.extract.romanized import romanized_language

    cyrillic = romanized_language(text)
    if cyrillic is not None:
        return f"{cyrillic}-Latn", _romanized_problem(rid, cyrillic)
    named = (
        "a language railtrack does not read (too short to name)" if lang == UNDETERMINED else lang
    )
    message = (
        f"{rid}: report is in {named}; railtrack reads {', '.join(LANGUAGES)} (nothing was read)"
    )
    return lang, message


def _romanized_problem(rid: str, lang: str) -> str:
    """Return the problem of a report in ``lang`` (ru, uk, be) typed in Latin letters."""
    return (
        f"{rid}: report reads as {lang} typed in Latin letters (a transliteration); "
        f"railtrack reads {lang} in Cyrillic only (and Belarusian in Łacinka): "
        "nothing was read"
    )


def _why_nothing_read(rid: str, read: str, written: str, lang: str, *, untold: bool) -> str | None:
    """Return the problem that says why a text gave no shipment, None when it needs none.

    A text that plainly tells of a train ("Эшелон 13 марта ... Жлобин: 38 платформ",
    "- March 13: Zhlobin, 40 cars") read as nothing says so, never a silent empty
    result; so does a short text taken for English with none of its words ("Am 13.
    April traf in Baranawitschy ein Zug mit 40 Waggons ein.", trial13 T9: too few words
    around its names to judge its language).
    """
    from railtrack.extract.language import not_read_as_english
    from railtrack.extract.lexicon import LANGUAGES
    from railtrack.extract.listing import tells_listed_trains
    from railtrack.extract.readers import reader_for
    from railtrack.extract.romanized import romanized_language

    if untold:
        if _names_a_train(read, lang):
            return (
                f"{rid}: the text names a train with a date or a count, but no shipment "
                "was read from it (no place, date or count could be given to a train)"
            )
        if tells_listed_trains(read, reader_for(lang)):
            return (
                f"{rid}: the text lists trains with dates, places and car counts, but no "
                "shipment was read from it (no item names a trip such as 'X to Y', "
                "'X — Y' or 'from X to Y')"
            )
        # "Эшелоны за 10 апреля: 36 вагонов и 44 вагона" (trial12 T16)
        return (
            f"{rid}: the text names trains and counts cars, but no shipment was read "
            "from it (no place or date could be given to a train)"
        )
    cyrillic = romanized_language(written) if lang == "en" else None
    if cyrillic is not None and not_read_as_english(written) is not None:
        return _romanized_problem(rid, cyrillic)
    if lang == "en" and not_read_as_english(written) is not None:
        return (
            f"{rid}: report is in a language railtrack does not read (too short to name; "
            f"it has no English words); railtrack reads {', '.join(LANGUAGES)} "
            "(nothing was read)"
        )
    return None


def _without_train_tags(
    text: str, labels: list[tuple[int, int]], origin: list[int] | None, rd: Any
) -> str:
    """Blank the words of a channel's label tags that name a train or a car.

    "#эшелон Сегодня ночью ... прибыл первый из двух ожидаемых эшелонов", "#pociąg
    Dziś w nocy ...": the tag heading the post is its topic, no train of its own
    (trial12 T12: the post was split into a train with the arrival and one with the
    cars). A tagged place or verb stays a word. ``labels`` are spans of the text as
    written, ``origin`` maps ``text`` back to it (None: the same offsets); blanked
    words become spaces, so offsets do not move.
    """
    if not labels:
        return text
    where = {w: i for i, w in enumerate(origin)} if origin is not None else None
    chars = list(text)
    for start, end in labels:
        first = start if where is None else where.get(start)
        if first is None or first + (end - start) > len(text):
            continue
        word = text[first : first + end - start]
        if rd.has_train_noun(word) or rd.has_car_noun(word):
            chars[first : first + len(word)] = " " * len(word)
    return "".join(chars)

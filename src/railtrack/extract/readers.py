"""One reader per language: the finders and cues the train assembly asks for.

:mod:`~railtrack.extract.trains` assembles trains from what a reader finds in each
clause (places, dates, car counts, train markers, verbs, claims); it never looks at
the words itself. English is read by the tuned patterns of
:mod:`~railtrack.extract.places`, :mod:`~railtrack.extract.dates`,
:mod:`~railtrack.extract.numbers` and :mod:`~railtrack.extract.cues`; Russian,
Ukrainian, Belarusian and Polish by one :class:`~railtrack.extract.lexread.LexiconReader`
over each language's lexicon.

Examples
--------
>>> [p.text for p in reader_for("en").find_places("It left Gomel for Valuyki.")]
['Gomel', 'Valuyki']
>>> [p.text for p in reader_for("pl").find_places("Pociąg wyjechał ze stacji Słonim.")]
['Słonim']
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Protocol

from railtrack.extract import cues
from railtrack.extract.cues import GroupAnnouncement, TrainMarker, VerbCue
from railtrack.extract.dates import DateSpan, find_dates
from railtrack.extract.earlier import english_days_earlier
from railtrack.extract.lexicon import Token, lexicon
from railtrack.extract.lexread import LexiconReader, named_trip_lengths
from railtrack.extract.numbers import (
    NUMBER_PATTERN,
    CarCount,
    bound_before,
    find_bare_count,
    find_car_counts,
    find_count_series,
    parse_number,
)
from railtrack.extract.onboard import carries_people
from railtrack.extract.places import PlaceSpan, find_places
from railtrack.extract.sealegs import without_english_sea_legs
from railtrack.extract.sections import EN_SECTIONS, section_pattern, without_line_sections
from railtrack.extract.services import names_a_service

# "on the section between Gomel and Kalinkovichi": where a line runs (sections.py)
_EN_SECTION_RE = section_pattern(EN_SECTIONS)
# a number in digits or words, standing alone ("on April 12 one left Baranavichy")
_LONE_NUMBER_RE = re.compile(rf"(?<![\w.,:])(?:{NUMBER_PATTERN})(?![\w:])", re.IGNORECASE)
# a relative adverb of place starting a leg on from the place named before ("arrived in
# Orsha, from where it left for Smolensk"; "From there it went on to Bryansk")
_THEY_RE = re.compile(r"\b(?:they|their)\b", re.IGNORECASE)
_LEG_ON_RE = re.compile(
    r"\b(?:(?P<relative>from\s+where|whence)|from\s+there|thence)\b", re.IGNORECASE
)

__all__ = ["EnglishReader", "Reader", "reader_for"]


class Reader(Protocol):
    """What the train assembly asks of a language (offsets are into the text given)."""

    lang: str

    def find_places(self, text: str) -> list[PlaceSpan]: ...  # noqa: D102
    def find_dates(self, text: str) -> list[DateSpan]: ...  # noqa: D102
    def find_car_counts(self, text: str) -> list[CarCount]: ...  # noqa: D102
    def find_bare_count(self, text: str) -> CarCount | None: ...  # noqa: D102
    def find_count_series(self, text: str) -> tuple[list[int], str, int, int] | None: ...  # noqa: D102
    def verb_cues(self, text: str) -> list[VerbCue]: ...  # noqa: D102
    def claim_kind(self, text: str) -> str | None: ...  # noqa: D102
    def new_train_markers(self, text: str) -> list[TrainMarker]: ...  # noqa: D102
    def group_announcement(self, text: str) -> GroupAnnouncement | None: ...  # noqa: D102
    def is_group_reference(self, text: str) -> bool: ...  # noqa: D102
    def is_each(self, text: str) -> bool: ...  # noqa: D102
    def names_day_total(self, text: str) -> bool: ...  # noqa: D102
    def train_number(self, text: str) -> str | None: ...  # noqa: D102
    def is_off_topic(self, text: str) -> bool: ...  # noqa: D102
    def has_train_noun(self, text: str, *, singular: bool = False) -> bool: ...  # noqa: D102
    def has_car_noun(self, text: str) -> bool: ...  # noqa: D102
    def is_whole_train(self, before: str) -> bool: ...  # noqa: D102
    def same_route(self, text: str) -> bool: ...  # noqa: D102
    def stands_now_at(self, text: str) -> int | None: ...  # noqa: D102
    def ordinal_value(self, word: str) -> int | None: ...  # noqa: D102
    def denial_span(self, text: str) -> tuple[int, int] | None: ...  # noqa: D102


class EnglishReader:
    """English: the tuned pattern finders."""

    lang = "en"
    # "on the same day", "that evening": the day told last (en.yaml's ``same_day``)
    same_day = lexicon("en").same_day

    def __init__(self) -> None:
        # the assembly asks for the verbs of a clause and of its head again and again
        self._verb_cache: dict[str, list[VerbCue]] = {}

    def find_places(self, text: str) -> list[PlaceSpan]:  # noqa: D102
        return find_places(text)

    def find_dates(self, text: str) -> list[DateSpan]:  # noqa: D102
        return english_days_earlier(text, find_dates(text))

    def find_car_counts(self, text: str) -> list[CarCount]:  # noqa: D102
        return find_car_counts(text)

    def find_bare_count(self, text: str) -> CarCount | None:  # noqa: D102
        return find_bare_count(text)

    def find_count_series(self, text: str) -> tuple[list[int], str, int, int] | None:  # noqa: D102
        return find_count_series(text)

    def verb_cues(self, text: str) -> list[VerbCue]:  # noqa: D102
        found = self._verb_cache.get(text)
        if found is None:
            if len(self._verb_cache) > 2048:
                self._verb_cache.clear()
            found = self._verb_cache[text] = cues.verb_cues(text)
        return found

    def claim_kind(self, text: str) -> str | None:  # noqa: D102
        return cues.claim_kind(text)

    def leg_on_at(self, text: str) -> int | None:
        """Where "from where", "whence", "from there" starts a leg on, if anywhere.

        >>> EnglishReader().leg_on_at("arrived in Orsha, from where it left for Smolensk")
        18
        """
        for found in _LEG_ON_RE.finditer(text):
            if found["relative"] and not any(
                p.end <= found.start() and not text[p.end : found.start()].strip(" ,\u00a0")
                for p in find_places(text)
            ):
                continue  # "It is not known from where it came": a question, no leg
            return found.start()
        return None

    def is_final_stop(self, text: str) -> bool:  # noqa: D102
        return self.final_stop_at(text) is not None

    def final_stop_at(self, text: str) -> int | None:
        """Where the words naming a further end of the route start, if anywhere.

        >>> EnglishReader().final_stop_at("Its further destination is Yelsk.")
        4
        """
        pattern = lexicon("en").final_stop  # en.yaml's ``final_stop``, as the others'
        found = pattern.search(text) if pattern is not None else None
        return None if found is None else found.start()

    def without_other_modes(self, text: str) -> str:
        """Blank the legs by sea and the sections of line named by their ends.

        "loaded onto a ship", "by ferry"; "on the section between Gomel and
        Kalinkovichi": no train's ends (offsets kept).
        """
        return without_line_sections(without_english_sea_legs(text), _EN_SECTION_RE)

    def new_train_markers(self, text: str) -> list[TrainMarker]:  # noqa: D102
        return cues.new_train_markers(text)

    def group_announcement(self, text: str) -> GroupAnnouncement | None:  # noqa: D102
        return cues.group_announcement(text)

    def is_group_reference(self, text: str) -> bool:  # noqa: D102
        return cues.is_group_reference(text)

    def is_each(self, text: str) -> bool:  # noqa: D102
        return cues.is_each(text)

    def names_them_all(self, text: str) -> bool:
        """Whether the text speaks of the trains told, all of them ("they", "both").

        >>> EnglishReader().names_them_all("They are expected to arrive on March 21.")
        True
        """
        return _THEY_RE.search(text) is not None or cues.is_group_reference(text)

    def generic_at(self, text: str) -> int | None:  # noqa: D102
        return cues.generic_at(text)

    def lone_number(self, text: str) -> int | None:
        """Return the one number a text holds, in digits or words; None for none or more.

        >>> EnglishReader().lone_number("on April 12 one left Baranavichy"[12:])
        1
        """
        found = [parse_number(m[0]) for m in _LONE_NUMBER_RE.finditer(text)]
        return found[0] if len(found) == 1 else None

    def is_hypothetical(self, text: str) -> bool:  # noqa: D102
        return cues.is_hypothetical(text)

    def one_of_group(self, text: str) -> int | None:  # noqa: D102
        return cues.one_of_group(text)

    def train_number(self, text: str) -> str | None:  # noqa: D102
        return cues.train_number(text)

    def is_off_topic(self, text: str) -> bool:  # noqa: D102
        return cues.is_off_topic(text)

    def is_attribution(self, text: str) -> bool:  # noqa: D102
        return cues.is_attribution(text)

    def is_stamp(self, before: str) -> bool:  # noqa: D102
        return cues.is_stamp(before)

    def is_report_date(self, text: str, start: int, end: int) -> bool:  # noqa: D102
        return cues.is_report_date(text, start, end)

    def is_statistic(self, text: str) -> bool:  # noqa: D102
        return cues.is_statistic(text)

    def is_passage(self, word: str) -> bool:  # noqa: D102
        return cues.is_passage(word)

    def is_future(self, text: str, at: int) -> bool:  # noqa: D102
        return cues.is_future(text, at)

    def stands_now_at(self, text: str) -> int | None:
        """Where the text tells a train standing now (:func:`cues.stands_now_at`).

        Parameters
        ----------
        text : str
            One clause.

        Returns
        -------
        int or None
            The offset of the words telling it, else None.

        Examples
        --------
        >>> EnglishReader().stands_now_at("It stands at Orsha.")
        3
        """
        return cues.stands_now_at(text)

    def duration_ranges(self, text: str) -> list[tuple[int, int, int, int]]:  # noqa: D102
        return cues.duration_ranges(text)

    def names_past_span(self, text: str) -> bool:  # noqa: D102
        return cues.names_past_span(text)

    def names_digest(self, text: str) -> bool:  # noqa: D102
        return cues.names_digest(text)

    def names_day_total(self, text: str) -> bool:
        """Whether a text opens a total line of a day ("In total: 4 trains, 153 cars").

        en.yaml's ``day_total``, read as the other lexicons' (trial19b T1).

        Examples
        --------
        >>> EnglishReader().names_day_total("In total, 4 trains and 153 cars today.")
        True
        >>> EnglishReader().names_day_total("Four trains arrived in Orsha.")
        False
        """
        pattern = lexicon("en").day_total
        return pattern is not None and pattern.search(text) is not None

    def names_week_count(self, text: str) -> bool:  # noqa: D102
        return cues.names_week_count(text)

    def recalls(self, text: str) -> bool:  # noqa: D102
        return cues.recalls(text)

    def tells_years_ago(self, text: str) -> bool:  # noqa: D102
        return cues.tells_years_ago(text)

    def bound_before(self, text: str, at: int) -> bool:  # noqa: D102
        return bound_before(text, at)

    def place_stage(self, text: str) -> str | None:  # noqa: D102
        return cues.place_stage(text)

    def has_train_noun(self, text: str, *, singular: bool = False) -> bool:  # noqa: D102
        return cues.has_train_noun(text, singular=singular)

    def has_car_noun(self, text: str) -> bool:  # noqa: D102
        return cues.has_car_noun(text)

    def ordinal_value(self, word: str) -> int | None:
        """Return the number of an ordinal after "first" ("third": 3), else None.

        Parameters
        ----------
        word : str
            One word, in any case.

        Returns
        -------
        int or None
            From the English lexicon's ``ordinal_values``.

        Examples
        --------
        >>> EnglishReader().ordinal_value("Third"), EnglishReader().ordinal_value("the")
        (3, None)
        """
        return lexicon("en").ordinal_values.get(word.lower())

    def is_whole_train(self, before: str) -> bool:  # noqa: D102
        return cues.is_whole_train(before)

    def same_route(self, text: str) -> bool:  # noqa: D102
        return cues.same_route(text)

    def return_at(self, text: str) -> int | None:  # noqa: D102
        return cues.return_at(text)

    def durations(self, text: str) -> list[tuple[int, int, int]]:  # noqa: D102
        return cues.trip_durations(text)

    def trip_lengths(self, text: str) -> list[tuple[int, int, int]]:
        """Return each trip length named as such ("the journey time is 7 days").

        The lexicon languages' one rule (:func:`railtrack.extract.lexread.named_trip_lengths`)
        over the English lexicon's ``trip_length`` and ``duration`` words, numbers in
        digits or words ("two weeks", "a week").

        Examples
        --------
        >>> rd = EnglishReader()
        >>> rd.trip_lengths("The journey time is 7 days at 800 km/day.")
        [(7, 4, 26)]
        >>> rd.trip_lengths("The trip takes about two weeks."), rd.trip_lengths("It takes a day.")
        ([(14, 0, 30)], [])
        """
        return named_trip_lengths(
            text, lexicon("en"), lexicon("en").trip_length, _english_number_at
        )

    def is_denial(self, text: str) -> bool:  # noqa: D102
        return cues.is_denial(text)

    def denial_span(self, text: str) -> tuple[int, int] | None:  # noqa: D102
        return cues.denial_span(text)

    def is_exhibition(self, text: str) -> bool:  # noqa: D102
        return cues.is_exhibition(text)

    def is_military(self, text: str) -> bool:  # noqa: D102
        return cues.is_military(text)

    def no_shipment_kind(self, text: str) -> str | None:
        """Return ``exhibition`` for a heritage, museum or excursion train, else None.

        ``timetable`` for a passenger service named by its route or number ("the
        Kyiv-Przemyśl train", "train No. 43") with no military and no freight word
        (:func:`railtrack.extract.services.names_a_service`). The veto is the train's
        (``trains._vetoed_train``), as in the lexicon languages: a report may tell of a
        museum train and of a real echelon.

        Examples
        --------
        >>> rd = EnglishReader()
        >>> rd.no_shipment_kind("The Kyiv-Przemyśl train with 10 coaches left Kyiv.")
        'timetable'
        >>> rd.no_shipment_kind("The Slonim-Valuyki train with troops left Slonim.") is None
        True

        ``service`` for a train carrying a leader, a delegation or a commission
        (:func:`railtrack.extract.onboard.carries_people`).

        >>> rd.no_shipment_kind("The armored train carrying leader Kim left Hasan.")
        'service'
        """
        if cues.is_exhibition(text):
            return "exhibition"
        if names_a_service("en", text) and not (cues.is_military(text) or cues.is_freight(text)):
            return "timetable"
        if carries_people(text, "en", cues.train_noun_at):
            return "service"  # "the armored train carrying North Korean leader Kim"
        return None

    def is_incident(self, text: str) -> bool:  # noqa: D102
        return cues.is_incident(text)

    def tells_of_freight(self, text: str) -> bool:
        """Whether a report tells of freight and of no passengers.

        Examples
        --------
        >>> rd = EnglishReader()
        >>> rd.tells_of_freight("The Xi'an-Duisburg train covered it. Freight volumes grew.")
        True
        >>> rd.tells_of_freight("The Kyiv-Przemyśl train with its passengers left.")
        False
        """
        return cues.is_freight(text) and not cues.has_passengers(text)

    def has_passengers(self, text: str) -> bool:
        """Whether a text has a passenger word (the lexicon's ``passenger``).

        Parameters
        ----------
        text
            A sentence or a report.

        Returns
        -------
        bool
            True for "passengers", "tickets", "coaches" and the like.

        Examples
        --------
        >>> EnglishReader().has_passengers("The Kyiv-Przemyśl train with 10 coaches left.")
        True
        """
        return cues.has_passengers(text)

    def only_a_route(self, text: str) -> bool:
        """Whether a text names a train by its route or number (no other service cue).

        Examples
        --------
        >>> EnglishReader().only_a_route("The Xi'an-Duisburg train arrived.")
        True
        """
        return names_a_service("en", text)

    def names_the_same_train(self, text: str) -> bool:  # noqa: D102
        return cues.names_the_same_train(text)


@lru_cache(maxsize=8)
def _english_number_at(toks: tuple[Token, ...], i: int) -> tuple[int, int] | None:
    """Return (value, next index) of an English number at token ``i`` ("7", "two", "a").

    Number words of up to three tokens are one number ("twenty one"), the longest read.
    """
    word = toks[i].low
    if word.isdecimal():
        return int(word), i + 1
    if word == "a":
        return 1, i + 1
    for n in (3, 2, 1):
        words = [t.low for t in toks[i : i + n]]
        if len(words) == n and all(w.isalpha() for w in words):
            value = parse_number(" ".join(words))
            if value is not None:
                return value, i + n
    return None


def reader_for(lang: str) -> Reader:
    """Return the reader of ``lang`` (``en``, ``ru``, ``uk``, ``be`` or ``pl``).

    Raises
    ------
    KeyError
        For a language railtrack does not read.
    """
    if lang == "en":
        return EnglishReader()
    return LexiconReader(lang)

"""Segment a report into trains and groups of trains, and gather each one's facts.

This is the reading step between the finders (places, dates, counts, cues) and the
models: clause by clause, it decides whether the words introduce a new train ("the
second transport left ..."), announce several ("two more military echelons"), speak
of the trains together ("in both trains, a total of 86 cars") or go on about the
current one ("It consists of 45 wagons"), and files every value with its span.

Counts said of several trains stay on the group; places, dates and the claim said
of the group are shared by its trains unless a train has its own.

Examples
--------
>>> from datetime import date, timedelta
>>> drafts = read_trains(
...     "Two echelons left Belarus. The first went to Rossosh with 40 cars. "
...     "The second left for Millerovo. In both trains there are 86 cars.",
...     published=date(2023, 3, 3))
>>> [t.destination.value.text for t in drafts.trains]
['Rossosh', 'Millerovo']
>>> drafts.groups[0].counts["total"].value
86
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from railtrack._translit import same_name_stem
from railtrack.extract import cues
from railtrack.extract.ahead import told_ahead
from railtrack.extract.captions import is_bare_caption
from railtrack.extract.clock import NIGHT as _NIGHT
from railtrack.extract.clock import TIME_OF_DAY, clock_day, is_night
from railtrack.extract.clocklists import listed_times
from railtrack.extract.datelines import datelines
from railtrack.extract.dates import DateSpan, resolve_date, why_undated
from railtrack.extract.daylists import DayItem, day_items
from railtrack.extract.denials import denied_arrival
from railtrack.extract.earlier import shifts_told_back
from railtrack.extract.grouparts import CountedPart, CountedParts, counted_parts
from railtrack.extract.headings import told_as_heading
from railtrack.extract.itinerary import days_in_turn
from railtrack.extract.leads import give_lead_destination
from railtrack.extract.lexicon import LANGUAGES, lexicon, month_of
from railtrack.extract.listing import (
    ListedTrip,
    list_items,
    listed_trips,
    moved,
    tells_listed_trains,
)
from railtrack.extract.nextleg import next_leg
from railtrack.extract.numbers import AtLeast, AtMost, CarCount, CountRange
from railtrack.extract.once import once
from railtrack.extract.pairs import pair_announcement
from railtrack.extract.pastday import past_day_span, untold_day_window
from railtrack.extract.percounts import count_per_train
from railtrack.extract.places import PlaceSpan, is_broad
from railtrack.extract.previousleg import opens_with_earlier
from railtrack.extract.readers import Reader, reader_for
from railtrack.extract.recaps import names_recap_span
from railtrack.extract.relatives import earlier_arrival, main_verbs
from railtrack.extract.reportdays import split_report_days
from railtrack.extract.retractions import denial_words, without_what_it_was
from railtrack.extract.runningcount import counts_running
from railtrack.extract.sentences import Clause, is_stamp_line, sentence_around, split_clauses
from railtrack.extract.stationheads import heading_station_roles, station_headings
from railtrack.extract.stationlists import (
    StationDigest,
    StationLine,
    line_stage,
    names_day_digest,
    names_past_day,
    names_total,
    station_digest,
    why_unread,
)
from railtrack.extract.subjects import names_another_subject, names_train_pronoun
from railtrack.extract.tense import negated_before, told_as_past, told_as_plan
from railtrack.extract.textpass import map_facts, without_quoted
from railtrack.extract.unloading import loading_now_at, unloading_now_at
from railtrack.extract.untilnow import without_until_now
from railtrack.models import DateWindow

# the end of a sentence or a line: a goal after it is not the goal its words name
_SENTENCE_BREAK = re.compile(r"[.!?][\s\u00bb\u201d\"]|\n")
__all__ = ["Fact", "GroupDraft", "ReportDraft", "TrainDraft", "read_trains"]


_set = object.__setattr__


@dataclass(frozen=True, slots=True, init=False)
class Fact:
    """One value read from the text, with where it was read and how sure we are.

    ``start``/``end`` are offsets into the whole report; ``inferred`` marks values
    that are approximate, relative, or shared from a sentence about several trains.
    """

    value: Any
    text: str
    start: int
    end: int
    inferred: bool = False

    # Written out: the frozen dataclass's generated __init__ (a global look-up of
    # object.__setattr__ per field) took twice as long, for several facts per report.
    # tests/test_extract_fast_paths.py holds it to the fields.
    def __init__(self, value: Any, text: str, start: int, end: int, inferred: bool = False) -> None:
        _set(self, "value", value)
        _set(self, "text", text)
        _set(self, "start", start)
        _set(self, "end", end)
        _set(self, "inferred", inferred)

    def shared(self) -> Fact:
        """Return the same fact, marked as inferred (shared from a group)."""
        return Fact(self.value, self.text, self.start, self.end, inferred=True)


@dataclass
class _Facts:
    origin: Fact | None = None
    destination: Fact | None = None
    goal: Fact | None = None  # "likely to reach Donbas": a destination only if none
    # "od strony Mińska", "со стороны Минска": the side the train came from, its origin
    # only if none is told (then no longer a place passed), else a place passed
    approach: Fact | None = None
    # the origin is only that side: the line the train came in on, not where it was
    # loaded (``Shipment.origin_direction``; trial17 T7)
    origin_side: bool = False
    departure: Fact | None = None
    arrival: Fact | None = None
    # an arrival told as past ("arrived at Polonka"): value is the place's text, kept
    # only while that place is still the train's end (:func:`arrival_told`)
    arrived: Fact | None = None
    claim: Fact | None = None
    counts: dict[str, Fact] = field(default_factory=dict)
    via: list[Fact] = field(default_factory=list)  # places passed or seen at, in order
    sightings: list[tuple[Fact, Fact]] = field(default_factory=list)  # (place, date window)
    last_role: str | None = None  # the role of the last verb read for these facts
    # days an arrival is expected after a departure not read yet ("другий та третій
    # очікуються протягом 2-3 днів": the group's departure): value (least, most)
    trip_days: Fact | None = None
    # an arrival the report denies ("так и не пришёл", "never arrived", trial13 T1)
    denied: Fact | None = None


@dataclass
class TrainDraft(_Facts):
    """The facts gathered for one train; ``group`` is the index of its group."""

    group: int | None = None
    marker: Fact | None = None
    number: str | None = None
    trip_of: TrainDraft | None = field(default=None, repr=False)  # the outbound trip
    vague: bool = False  # made from trains named in the plural only ("trains from China")
    # a museum train, a passenger service, a train in an accident: read so that what
    # the report goes on to say of it is not taken for a shipment, then dropped
    vetoed: bool = False


@dataclass
class GroupDraft(_Facts):
    """The facts said of several trains together; ``each`` holds per-train counts."""

    n_trains: int | None = None
    each: dict[str, Fact] = field(default_factory=dict)
    series: list[dict[str, Fact]] = field(default_factory=list)  # "48 and 38 cars" in order
    members: list[int] = field(default_factory=list)
    marker: Fact | None = None
    # trains counted over a past span: a tally unless a train of it is described
    tally: TallyDraft | None = None
    firm_tally: bool = False  # a tally even with cars told of it (a month, a lower bound)
    dated: int = 0  # trains made one per listed day, still to be described by ordinals
    # the train told before a count of further trains ("ще три потяги"), by its index
    further_of: int | None = None


@dataclass(frozen=True)
class TallyDraft:
    """Trains counted over a period, not described ("С начала года ушло 33 эшелона").

    ``start``/``end`` are the offsets of the count ("33 эшелона") in the report's text.
    """

    n_trains: int
    at_least: bool
    start: int
    end: int
    text: str


@dataclass
class ReportDraft:
    """The trains and groups of one report, and the problems met reading it."""

    trains: list[TrainDraft] = field(default_factory=list)
    groups: list[GroupDraft] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    tallies: list[TallyDraft] = field(default_factory=list)
    untold: bool = False  # a train was named, but nothing of it could be kept
    # a retraction ("информация ... не подтвердилась", trial15 T2): the words that deny,
    # and the trains the report denies, read as told (never listed as shipments)
    retraction: str | None = None
    retracted: list[TrainDraft] = field(default_factory=list)


def _set_place(facts: _Facts, role: str, fact: Fact) -> None:
    """Set an origin or destination unless a more specific one is known.

    A station or town beats a region, a region beats a country ("прибудет в
    Беларусь ... в Минскую область": the region).
    """
    current = getattr(facts, role)
    if current is None or _specificity(fact) > _specificity(current):
        setattr(facts, role, fact)


def _approach_into(facts: _Facts, fact: Fact) -> None:
    """Note the side a train came from ("od strony Mińska"): a place passed, for now.

    It becomes the origin when no origin is told by the end (:func:`_approach_to_origin`).
    The side of a country ("wjazd na most Kerczeński od strony Rosji", "з боку Росії")
    is a side of a border, a bridge or a front, not a place the train came through.
    """
    if is_broad(fact.value.text):
        return
    if facts.approach is None:
        facts.approach = fact
    if not any(v.text == fact.text for v in facts.via):
        facts.via.append(fact)


def _approach_to_origin(facts: _Facts) -> None:
    """Make the side a train came from its origin when no origin is told.

    "oba pociągi przyjechały od strony Mińska", "со стороны Минска прибыл эшелон",
    "from the direction of Minsk": with no other origin, the place the train came from
    is the best known start of its route (and no longer a place passed), marked as
    only a direction (``origin_side``: the line it came in on, not where it was loaded;
    trial17 T7); with one ("из Брянска ... со стороны Унечи") it stays a place passed.
    """
    side = facts.approach
    if side is None or facts.origin is not None:
        return
    facts.origin = side
    facts.origin_side = True
    facts.via = [v for v in facts.via if v.text != side.text]


def _specificity(fact: Fact) -> int:
    """2 for a station or town, 1 for a region, 0 for a country or front."""
    text = fact.value.text
    if not is_broad(text):
        return 2
    return 1 if _names_region(text) else 0


def _set_final(facts: _Facts, fact: Fact) -> None:
    """Make ``fact`` the destination: the end of the route beats a station on the way.

    The destination read before becomes a place passed, and its arrival day the day
    the train was seen there ("прибыл в Оршу 28 ноября ... конечный пункт — Лесная").
    """
    old = facts.destination
    if (
        old is not None
        and old.value.text.lower() != fact.value.text.lower()
        and not is_broad(old.value.text)
    ):
        facts.via.append(old)
        if facts.arrival is not None:
            facts.sightings.append((old, facts.arrival))
            facts.arrival = None
    facts.destination = fact


def arrival_told(train: _Facts) -> bool:
    """Whether the text tells the train's arrival at its end as past, dated or not.

    The arrival verb must govern the place that is still the train's end (its
    destination, else its goal): "прибыл в Оршу ..., после чего был направлен в
    Барановичи" told an arrival at Orsha, a place passed, not at the end.
    """
    told = train.arrived
    end = train.destination or train.goal
    if told is None or end is None:
        return False
    return bool(told.value == end.value.text.lower())


def _has_facts(facts: _Facts) -> bool:
    return any(
        getattr(facts, name) is not None
        for name in ("origin", "destination", "goal", "departure", "arrival")
    ) or bool(facts.counts or facts.via)  # a train seen on its way is a shipment too


def _on_stamp_line(text: str, span: DateSpan) -> bool:
    """Whether ``span`` stands on a line of ``text`` that is a live blog entry's stamp."""
    if "\n" not in text:
        return False
    end = text.find("\n", span.end)
    line = text[text.rfind("\n", 0, span.start) + 1 : end if end >= 0 else len(text)]
    return is_stamp_line(line)


def _at_clock(day: DateSpan, clock: DateSpan) -> DateSpan:
    """Return ``clock``'s span dated by ``day``, a date told before, at its time of day.

    >>> day = DateSpan(0, 9, "20 апреля", (("day", "20"), ("month", "4")))
    >>> _at_clock(day, DateSpan(30, 35, "21:15", (("rel", "today"), ("clock", "21:15")))).fields
    (('day', '20'), ('month', '4'), ('clock', '21:15'))
    """
    kept = tuple(f for f in day.fields if f[0] not in ("clock", "daypart"))
    return DateSpan(clock.start, clock.end, clock.text, (*kept, ("clock", clock.text)))


_NIGHT_RELS = ("last night", "overnight")
_NIGHT_CLOCK_REACH = 12  # characters from a night word to its clock time ("ночью, в 01:40")
# between the night word and its time, at most two short words ("ночью, в", "w nocy o
# godz.", "last night at"): a verb between them tells another moment ("ночью прибыл в")
_NIGHT_GAP = re.compile(r"[\s,]*(?:\w{1,4}\.?[\s,]*){0,2}")
_MORNING_END_H = 12  # a night's clock time before noon is after its midnight
_EVENING_START_H = 18  # one from 18:00 is before it, on the day before


def _night_at_clock(span: DateSpan, text: str) -> DateSpan:
    """Return a night word's span at the clock time told just after it, if one.

    "Сегодня ночью, в 01:40", "Сёння ноччу а 01:40", "Сьогодні вночі о 01:40", "Dziś w
    nocy o 01:40", "Last night at 01:40": a night word (a relative "last night" of the
    lexicons) before a time after midnight is that time on the report's day ("today");
    before one of the evening ("ночью в 23:40"), on the day before. Otherwise (no time,
    or one in the day) the night's two-day window stays (trial19b T6).

    >>> _night_at_clock(DateSpan(0, 13, "Сегодня ночью", (("rel", "last night"),)),
    ...                 "Сегодня ночью, в 01:40, прибыл").fields
    (('rel', 'today'), ('clock', '01:40'))
    >>> _night_at_clock(DateSpan(0, 13, "Сегодня ночью", (("rel", "last night"),)),
    ...                 "Сегодня ночью прибыл в 01:40 эшелон").fields
    (('rel', 'last night'),)
    """
    if " ".join((span.get("rel") or "").lower().split()) not in _NIGHT_RELS:
        return span
    found = TIME_OF_DAY.search(text, span.end, span.end + _NIGHT_CLOCK_REACH + 5)
    if found is None or _NIGHT_GAP.fullmatch(text[span.end : found.start()]) is None:
        return span
    hour = int(found[1])
    if hour < _MORNING_END_H:
        rel = "today"
    elif hour >= _EVENING_START_H:
        rel = "yesterday"
    else:
        return span
    kept = tuple(f for f in span.fields if f[0] not in ("rel", "clock", "daypart"))
    return DateSpan(span.start, span.end, span.text, (("rel", rel), *kept, ("clock", found[0])))


class _ClauseReader:
    """Read the places, dates, counts and claim of one clause into a facts holder."""

    def __init__(
        self,
        clause: Clause,
        text: str,
        published: date | None,
        reader: Reader,
        *,
        places: list[PlaceSpan] | None = None,
    ) -> None:
        self.clause = clause
        if places is not None:
            # places already read for this text (a list item whose verb is left out):
            # the value :attr:`places` would compute, kept where ``once`` keeps it
            self.__dict__["places"] = list(places)
        self.offset = clause.start
        self.text = text
        self.published = published
        self.rd = reader
        # the verb of the piece before, for a train named with no verb of its own
        # ("the first arrived in Asipovichy, the second in Baranovichi")
        self.elided: cues.VerbCue | None = None
        # the last one-day date told before this clause, for "the same day"
        self.told_day: DateSpan | None = None
        # whether the report told any day before this clause (a clock time alone is of
        # the report's day only when it did not, trial13 T16)
        self.day_told_earlier = True

    # Each finder runs on first use only: most clauses need a few of them.
    @once
    def verbs(self) -> list[cues.VerbCue]:
        return self.rd.verb_cues(self.text)

    @once
    def places(self) -> list[PlaceSpan]:
        return self.rd.find_places(self.text)

    @once
    def dates(self) -> list[DateSpan]:
        # "do dziś nie dotarł": the report's day as a bound, no event's day (trial14 T5)
        found = without_until_now(self.rd.find_dates(self.text), self.text, self.rd.lang)
        found = found or self._past_day()
        found = [_night_at_clock(d, self.text) for d in found]
        day = _one_day(found)
        if day is not None:
            same = _same_day_at(self.rd, self.text)
            if same is not None and same[0] >= day.end:
                # "13 марта ... прошёл станцию Орша, а вечером того же дня был замечен в
                # Смоленске": the day told before in the clause, for the second sighting
                start, end = same
                found = [*found, DateSpan(start, end, self.text[start:end], day.fields)]
        if not found and self.told_day is not None:
            same = _same_day_at(self.rd, self.text)
            if same is not None:
                # "ешелон відправився в районі 22 годин того ж дня": the day told last
                start, end = same
                return [DateSpan(start, end, self.text[start:end], self.told_day.fields)]
            clock = clock_day(self.text) if self._told_as_seen() else None
            if clock is not None:
                # "20 апреля из Гомеля вышли два эшелона. Их заметили в Калинковичах в
                # 21:15": a clock time alone goes on with the day told last (trial14 T17)
                return [_at_clock(self.told_day, clock)]
        if not found and not self.day_told_earlier and self._told_as_past():
            # "Эшелон прибыл в Брест в 17:30": a same-day post's clock time is of its day
            clock = clock_day(self.text, self.rd.lang)
            found = [clock] if clock is not None else found
        # "Updated 3 March 2023, 10:15\nA train left ...": a live blog entry's own stamp
        # dates the entry, whatever the stamp word (issue 13 T4)
        stamped = [d for d in found if _on_stamp_line(self.text, d)]
        is_stamp = getattr(self.rd, "is_stamp", None)
        if is_stamp is not None:
            # "Release time:2018-09-04": the page's own time, never the train's
            found = [d for d in found if not is_stamp(self.text[: d.start])]
        # "У панядзелак Гаюн паведаміў, што ў нядзелю ...": Monday dates the report (T7)
        found, bound = split_report_days(self.text, found, self.rd.lang, moves=self._moves_in)
        if bound is not None:
            return [bound]  # ("Учора Гаюн паведаміў, што ...": on or before that day)
        found = self._not_told(found)
        if not stamped:
            return found
        return sorted({*stamped, *found}, key=lambda d: d.start)

    def _not_told(self, found: list[DateSpan]) -> list[DateSpan]:
        """Return the dates of ``found`` that are no day of a report or announcement."""
        is_report_date = getattr(self.rd, "is_report_date", None)
        if is_report_date is not None:
            # "On March 3, Hajun reported that ...": the report's day, not the train's
            found = [d for d in found if not is_report_date(self.text, d.start, d.end)]
        is_reported_at = getattr(self.rd, "is_reported_at", None)
        if is_reported_at is not None:
            # "opublikowane w poniedziałek": the day of the report, no train's
            found = [d for d in found if not is_reported_at(self.text[: d.start])]
        is_attribution = getattr(self.rd, "is_attribution", None)
        if is_attribution is None:
            return found
        # "..., про це повідомила пресслужба 9 червня": the announcement's date, no train's
        return [d for d in found if not is_attribution(_segment(self.text, d.start, d.end))]

    @once
    def counts(self) -> list[CarCount]:
        found = self.rd.find_car_counts(self.text)
        generic_at = getattr(self.rd, "generic_at", None)
        at = generic_at(self.text) if found and generic_at is not None else None
        # "twice as long as the usual trains, which sit at 40 wagons": trains in general
        return found if at is None else [c for c in found if c.start < at]

    @once
    def claim(self) -> str | None:
        own = _without_relative_clauses(self.text)
        claim = self.rd.claim_kind(own)
        verbs = self.verbs if own == self.text else self.rd.verb_cues(own)
        if (
            claim is None
            and self._no_day_or_bounds_only()
            and not self._trip_lengths  # ("прибудет в Минск через 15 суток": on its way)
            and told_ahead(own, verbs, self.rd.lang)
        ):
            # "В Брест прибудет эшелон": an arrival told ahead is awaited, as "will
            # arrive" is; with a day after the report it is a plan
            # (``_plan_of_a_later_arrival``: "Завтра ... прибудет") (trial15 T3)
            return "expected"
        if (
            claim not in (None, "expected")
            or not _leaves_later(self.rd, own, self.verbs if own == self.text else None)
            or not self.rd.has_train_noun(own)
        ):
            return claim  # ("откуда зерно будет отправлено морем": the load, no train)
        if self.dates:
            return claim  # (a day ahead plans the departure: ``_plan_of_a_later_arrival``)
        # "В ближайшее время ... отправится эшелон", "wyjadą dwa pociągi", "will leave
        # ... in the near future": a train that has not left, with no day: a plan
        # (status planned), never a train seen (trial10 T3)
        return "planned"

    def _announces_list(self) -> bool:
        """Whether the clause ends with a colon before a list ("... три эшелона: в 8:00, ...").

        The list's items (times, stations) date its trains; the clause gives them no
        window of its own (trial14 T7).
        """
        return self.text.rstrip().endswith(":")

    def _past_day(self) -> list[DateSpan]:
        """Return the past day named in a clause told as done, as its one date, if any.

        "За мінулыя суткі праз Асіповічы прайшлі два эшалоны" in prose: the day before
        the report through its day, as a digest heading's (session 17 T9); a trip's
        length told ahead ("дойдёт до Бреста за сутки") is none.
        """
        if not self._told_as_seen() or self._announces_list():
            # (a clause announcing a list, "За сутки ... прошли три эшелона: в 8:00,
            # 12:30 и 19:10": the list's times date its trains, trial14 T7)
            return []
        past_day = past_day_span(self.text, self.rd.lang)
        return [past_day] if past_day is not None else []

    def _no_day_or_bounds_only(self) -> bool:
        """Whether the clause tells no day, or only a latest one ("до конца месяца").

        A day after the report makes an arrival told ahead a plan on its own
        (:func:`_plan_of_a_later_arrival`); an upper bound alone does not.
        """
        windows = [resolve_date(d, self.published, forward=True) for d in self.dates]
        return all(w is not None and w.earliest is None for w in windows)

    @once
    def stage(self) -> str | None:
        """``loading`` or ``unloading`` when the clause says so (lexicon languages)."""
        place_stage = getattr(self.rd, "place_stage", None)
        return place_stage(self.text) if place_stage is not None else None

    @once
    def final(self) -> bool:
        """Whether the clause names the end of the route ("конечный пункт").

        A leg told as gone on from the place named before ("прибыл в Оршу, откуда
        ушёл в Смоленск", "from where it left for Smolensk") names it too: the
        train's end is the last leg's end.
        """
        if self._leg_on_at is not None:
            return True
        is_final_stop = getattr(self.rd, "is_final_stop", None)
        return bool(is_final_stop(self.text)) if is_final_stop is not None else False

    @once
    def _leg_on_at(self) -> int | None:
        """Where a leg on from the place before starts, told as done, if the clause has one.

        A relative adverb of place ("откуда", "звідки", "адкуль", "skąd", "from
        where", "whence", "from there") then a verb of the train moving, in the past,
        and a place after the adverb: "прибыл в Оршу, откуда ушёл в Смоленск". A leg
        planned ("Stamtąd skład ma się udać do Biełgorodu", "from there the equipment
        will go on to Belgorod") is no end told: left an onward leg.
        """
        find = getattr(self.rd, "leg_on_at", None)
        at: int | None = find(self.text) if find is not None else None
        if at is None:
            return None
        if not any(
            v.start > at and v.past and v.role in ("departure", "arrival") for v in self.verbs
        ):
            return None
        if not any(p.start > at and p.role in ("destination", "onward", "at") for p in self.places):
            return None
        return at

    def _moves_in(self, text: str) -> bool:
        """Whether a stretch of the clause has a verb of a train moving."""
        return any(v.role != "neutral" for v in self.rd.verb_cues(text))

    def _told_as_past(self) -> bool:
        """Whether a verb of the clause tells a movement as done ("прибыл", "arrived")."""
        return any(v.past and told_as_past(self.text, v, self.rd.lang) for v in self.verbs)

    def _told_as_seen(self) -> bool:
        """Whether the clause tells a movement as done or a sighting with no claim.

        "прибыл", "arrived", or only verbs of seeing, which English does not mark as
        past ("They were spotted in Kalinkavichy"), in a clause whose words claim no
        plan or expectation (the reader's ``claim_kind``; not :attr:`claim`, which
        reads the clause's dates).
        """
        if self._told_as_past():
            return True
        verbs = self.verbs
        return (
            bool(verbs)
            and all(v.role == "neutral" for v in verbs)
            and self.rd.claim_kind(self.text) is None
        )

    def _fact(self, value: Any, start: int, end: int, *, inferred: bool = False) -> Fact:
        return Fact(value, self.text[start:end], self.offset + start, self.offset + end, inferred)

    def _verb_for(self, position: int, end: int | None = None) -> cues.VerbCue | None:
        """Return the verb that governs words at ``position``: the one before, else after.

        With ``end`` (where those words end), in the Slavic languages, whose
        adverbials stand before their verb, a verb right after them ("w sobotę
        zatrzymał się", "28 lutego skierował się") governs them rather than a verb
        further back; English puts them after ("departed on December 29 reached").
        """
        if not self.verbs and self.elided is not None:
            return self.elided
        # a relative clause's verb governs its own dates only ("Tomorrow a train, which
        # arrived on April 4, is to leave": tomorrow is the leaving's, trial13 T8)
        verbs = main_verbs(self.text, self.rd.lang, position, self.verbs)
        # (a verb cue that takes the preposition of the words, "ожидается в" before "в
        # субботу", governs them: trial15 T10)
        before = [v for v in verbs if v.end <= position or v.start < position < v.end]
        after = [v for v in verbs if v.start >= (position if end is None else end)]
        if before and after and end is not None and self.rd.lang != "en":
            gap_after = self.text[end : after[0].start]
            if not gap_after.strip():
                return after[0]
        if before:
            return before[-1]
        return after[0] if after else None

    def places_into(
        self,
        facts: _Facts,
        *,
        before: int | None = None,
        after: int = 0,
        default_role: str | None = None,
    ) -> None:
        """Read the clause's places (those before ``before`` and from ``after``) into facts.

        ``default_role`` is the role of the verb a verbless clause goes on from: "two
        echelons arrived: the first at Asipovichy, the second at Baranavichy" tells
        each train's arrival place in a clause of its own.
        """
        final_read = False
        marked: dict[str, bool] = {}  # role -> whether this clause's end was a "станция"
        for place in self.places:
            if place.start < after or (before is not None and place.start >= before):
                continue
            role = self.place_role(place)
            if (
                role is None
                and default_role == "arrival"
                and place.role == "at"
                and not self.verbs
                and not self._passed(place)
                and not is_broad(place.text)
            ):
                role = "goal"  # ("the second at Baranavichy": where it arrived)
            fact = self._fact(place, place.start, place.end)
            if role in ("destination", "goal", "final"):
                self._arrival_told_into(facts, place)
            if role == "final":
                # the first place named as the end ("станцію Лісова під Барановичами")
                if not final_read:
                    _set_final(facts, fact)
                final_read = True
                continue
            if role is None:
                if (
                    self._passed(place)
                    and not (is_broad(place.text) and self._passage_cue(place))
                    and not any(v.text == fact.text for v in facts.via)
                ):
                    facts.via.append(fact)  # "spotted in Bryansk", "через Оршу"
                continue
            if role in ("origin", "destination"):
                self._end_into(facts, role, fact, place, marked)
                continue
            if role == "approach":
                _approach_into(facts, fact)
                continue
            _set_place(facts, role, fact)

    def _arrival_told_into(self, facts: _Facts, place: PlaceSpan) -> None:
        """Note an arrival at ``place`` told as past ("arrived at", "прибыл в", "dotarł do").

        The verb that governs the place must be an arrival verb in the past (not
        "will arrive", "is expected"), not negated ("has not arrived", "не прибыл",
        "nie dotarł").
        """
        # the cue may be the verb itself ("reached Polonka")
        inside = [v for v in self.verbs if place.cue_start <= v.start < place.start]
        verb = inside[-1] if inside else self._verb_for(place.cue_start)
        if verb is None or verb.role != "arrival" or not verb.past:
            return
        if self._entered is not None and verb == self._entered[0]:
            return  # ("въехал в Беларусь, направляясь в Гомель": a border crossed, trial12 T6)
        elided = verb is self.elided and verb not in self.verbs
        if not elided and negated_before().search(self.text[max(0, verb.start - 24) : verb.start]):
            return
        if not elided and not told_as_past(self.text, verb, self.rd.lang):
            return  # "docierają", "trafi do", "прибудет": not told as past
        start = place.cue_start if elided else min(verb.start, place.cue_start)
        end = place.end if elided else max(verb.end, place.end)
        facts.arrived = self._fact(place.text.lower(), start, end)

    def _end_into(
        self, facts: _Facts, role: str, fact: Fact, place: PlaceSpan, marked: dict[str, bool]
    ) -> None:
        """Set an end; in one clause a place named as a station beats a bare name.

        "партия зерна из Запорожья была отправлена в Крым со станции Мелитополь": the
        station is where the train left, the bare name where the cargo came from.
        """
        station = _names_a_station(self.text[place.cue_start : place.start], self.rd.lang)
        current = getattr(facts, role)
        if (
            current is not None
            and station
            and marked.get(role) is False
            and _specificity(fact) >= _specificity(current)
        ):
            setattr(facts, role, fact)
        else:
            _set_place(facts, role, fact)
        if getattr(facts, role) is fact:
            marked[role] = station

    def staged_at_station(self) -> bool:
        """Whether a train is (un)loaded at a named station ("на станции Муляровка разгружают").

        Loading and unloading happen at a railhead: a train is there, named or not.
        """
        if self.stage is None:
            return False
        # ("tanks loaded onto rail cars at Fort Stewart": the place read as the origin; a
        # destination beside unloading may be a ship's port, "rozładunek ... do portu")
        roles = ("at", "origin") if self.stage == "loading" else ("at",)
        return any(
            p.role in roles and not is_broad(p.text) and self.place_role(p) is not None
            for p in self.places
        )

    def _seen_into(self, place: PlaceSpan) -> bool:
        """Whether "в/на/у" + a name is where the train was seen, not where it goes.

        "В г. Горловка местные жители заметили состав": a place set before the train
        is named, governed by a verb of seeing or passing, is passed (even when the
        name, after "г." or as written, looks accusative).
        """
        if place.role != "destination":
            return False
        cue = self.text[place.cue_start : place.start].strip().lower().split()
        if not cue or cue[0] not in _INTO_WORDS:
            return False
        if len(cue) > 1 and cue[1].rstrip(".") not in _TOWN_ABBREVIATIONS:
            return False  # "в бік Борисова": a heading
        line = self.text[: place.cue_start]
        if self.rd.has_train_noun(line[line.rfind("\n") + 1 :]):
            return False  # "Эшелон ... в Курск ... заметили в Брянске": Kursk is its goal
        if any(
            p.role == "origin" and p.end <= place.cue_start and not line[p.end :].strip()
            for p in self.places
        ):
            return False  # "из Жлобина в Гомель проследовал эшелон": from one end to the other
        verb = self._verb_for(place.cue_start, place.end)
        # (the place set before its verb: "... заметили на станции Тамань, у въезда на
        # Керченский мост" is not where the train was seen)
        return verb is not None and verb.role == "neutral" and verb.start >= place.end

    def _passage_cue(self, place: PlaceSpan) -> bool:
        """Whether a place follows a word of passage ("through Belarus", "через Польшу").

        A country or region passed is a route's list of countries, no via point; one a
        train was seen in ("filmed in the Bryansk region") is where it was seen.
        """
        if place.role == "crossing":
            return True
        return self.text[place.cue_start : place.start].strip().lower().startswith(_VIA_CUES)

    def _passed(self, place: PlaceSpan) -> bool:
        """Whether the train passed or was seen at an "at" place (a via point).

        A border crossing (role ``crossing``) is always passed.
        """
        if place.role == "crossing":
            return True
        if self._seen_into(place):
            return True
        if place.role != "at":
            return False
        cue = self.text[place.cue_start : place.start].strip().lower()
        if cue.startswith(_VIA_CUES):
            return True
        if self.rd.lang == "en" and cue.split(" ", 1)[0] in _ON_THE_WAY_CUES:
            # "to the Saryagash border station and then to Tashkent", "the final section
            # from Duisberg to London": an end of a leg the train ran on its way
            return True
        verb = self._verb_for(place.cue_start)
        if verb is None and self._noted_sighting:
            return True  # "Эшелон 13 марта в 19:40 на станции Жлобин: 38 платформ"
        # ("проедет до станции Угольная на Дальнем Востоке": a way ahead, no place seen)
        return (
            verb is not None
            and verb.role == "neutral"
            and not _passes_ahead(self.rd, self.text, verb)
        )

    @once
    def _noted_sighting(self) -> bool:
        """Whether a clause with no verb notes a train seen at a place on a day.

        Channels post sightings as notes: "Эшелон 13 марта в 19:40 на станции Жлобин:
        38 платформ с техникой", "Ешелон 13 березня о 19:40 на станції Жлобін": a
        train named in the singular, a date, and a place where it was, no verb, no
        claim, no place it came from or went to.
        """
        if self.verbs or self.stage is not None or self.claim is not None or not self.dates:
            return False
        # (with its make-up counted: "при осмотре состава поезда №2744 ... ст. Минск-
        # Сортировочный" is an incident's scene, no note of a train seen)
        if not self.counts or not self.rd.has_train_noun(self.text, singular=True):
            return False
        if any(p.role in ("origin", "destination") for p in self.places):
            return False
        # (named as a station: "Pociąg swój finisz miał wczoraj w Porcie Gdańskim" is no note)
        return any(
            p.role == "at" and _names_a_station(self.text[p.cue_start : p.start], self.rd.lang)
            for p in self.places
        )

    @once
    def final_at(self) -> int | None:
        """Where the words naming the end of the route start in the clause, if any."""
        find = getattr(self.rd, "final_stop_at", None)
        at = find(self.text) if find is not None else None
        return at if at is not None else self._leg_on_at

    def _final_candidate(self, place: PlaceSpan) -> bool:
        if (
            place.role == "onward"
            and self._leg_on_at is not None
            and place.start > self._leg_on_at
            and not is_broad(place.text)
        ):
            return True  # "skąd odjechał do Smoleńska": the leg on, told as done
        if place.role not in ("destination", "at"):
            return False
        if not is_broad(place.text):
            return True
        # a country or region told as a goal ("до", "у напрямку") after the end-of-route
        # words in their sentence, with no named place after them, is the end ("у напрямку
        # Орші, де пізніше ... у напрямку до РФ": Russia, Orsha passed); a named place after
        # them, in any role, still wins over it, and a region the end lies in is no goal
        # ("Конечная точка маршрута, город Цзинань, расположен в ... провинции")
        at = self.final_at
        return (
            at is not None
            and place.role == "destination"
            and place.start >= at
            and _SENTENCE_BREAK.search(self.text, at, place.start) is None
            and not any(p.start >= at and not is_broad(p.text) for p in self.places)
        )

    def _names_the_end(self, place: PlaceSpan) -> bool:
        """Whether ``place`` is the one the clause's end-of-route words name.

        A place after those words, when there is one ("прибыл в Оршу, после чего был
        направлен в Барановичи": Барановичи); else any ("станция Лесная — конечная").
        """
        at = self.final_at
        if at is None or place.start >= at:
            return True
        return not any(p.start >= at and self._final_candidate(p) for p in self.places)

    def place_role(self, place: PlaceSpan) -> str | None:
        if self.final and self._final_candidate(place) and self._names_the_end(place):
            return "final"  # "конечным пунктом называют станцию Лесная"
        if place.role in ("origin", "destination"):
            return None if self._seen_into(place) else place.role
        if (
            place.role == "at"
            and self.stage is not None
            and not self._passed(place)
            and _names_a_station(self.text[place.cue_start : place.start], self.rd.lang)
        ):
            # "на станции Муляровка разгружают технику": unloaded there, loaded there
            return "destination" if self.stage == "unloading" else "origin"
        if place.role == "reach":
            return "goal"
        if place.role == "approach":
            return "approach"
        if place.role != "at":
            return None  # "alternative" ("to X or Y"), "onward" ("from there to X")
        if self.text[place.cue_start : place.start].strip().lower().startswith(_VIA_CUES):
            return None  # "arrived in Barcelona after stops in Lodz": Lodz is passed
        # "arrived in Luninets", "na stacji Łuniniec rozładowano": an arrival there
        verb = self._verb_for(place.cue_start)
        if verb is not None and verb.role == "arrival":
            return "goal"
        return None

    def conflicts_with(self, facts: _Facts) -> bool:
        """Whether this clause names another specific origin or destination."""
        for place in self.places:
            role = self.place_role(place)
            if role not in ("origin", "destination"):
                continue
            mine = getattr(facts, role)
            if (
                mine is not None
                and not is_broad(mine.value.text)
                and not is_broad(place.text)
                and mine.value.text.lower() != place.text.lower()
            ):
                return True
        return False

    def dates_into(
        self, facts: _Facts, problems: list[str], default_role: str | None = None
    ) -> None:
        """File each date as the departure or arrival its verb says.

        A clause with no verb at all ("This happened on 5 March") dates the verb
        read last for the same train (``default_role``, else ``facts.last_role``).
        A date of a sighting ("spotted in Bryansk on March 6") dates the via point.
        """
        fallback = self._fallback_role(facts, default_role)
        for span, bound in self._dates_with_bounds():
            if earlier_arrival(self.text, self.rd.lang, span.start, self.verbs):
                continue  # ("отправится эшелон, который прибыл 4 апреля": a stop before)
            verb = self._verb_for(span.start, span.end)
            if verb is None and fallback is None and self._noted_sighting:
                self._sighting(facts, span, problems)  # (a note of a train seen, no verb)
                continue
            if verb is None and (self.verbs or fallback is None):
                continue
            if verb is not None and self._no_trip_date(facts, span, verb, problems):
                continue
            if verb is not None and verb.past and span.get("in_unit"):
                # "arrived in Chongqing in 16 days": how long the trip took, not a date
                self._trip_time(facts, span, verb)
                continue
            # a past verb dates the past even in a clause that also plans ("departed from
            # Kursk on Monday and is due in Gomel on Thursday")
            forward = not verb.past if verb is not None else self.claim is not None
            window = self._trip_window(span, forward, problems, bound)
            if window is None:
                continue
            # a numeric date that could be read month-first is read day-first, flagged
            inferred = (
                span.is_relative or span.is_ambiguous or window.precision in ("week", "month")
            )
            fact = self._fact(window, span.start, span.end, inferred=inferred)
            if verb is not None:
                role = "departure" if verb.role == "departure" else "arrival"
                if role == "arrival" and self._between_the_ends(span):
                    role = "departure"  # "прибув із Острогозька 11 грудня до Полонки 14 грудня"
            else:
                role = fallback or "departure"
            if getattr(facts, role) is None or _narrower(fact, getattr(facts, role)):
                setattr(facts, role, fact)  # ("В мае ..." then "5 мая ...": the day)
        self._duration_into(facts)
        self._standing_into(facts)
        self._unloading_into(facts)
        self._passed_untold_day_into(facts)
        roles = [v.role for v in self.verbs if v.role != "neutral"]
        if roles:
            facts.last_role = "departure" if roles[-1] == "departure" else "arrival"

    def _no_trip_date(
        self, facts: _Facts, span: DateSpan, verb: cues.VerbCue, problems: list[str]
    ) -> bool:
        """File a date that is no departure or arrival told as done; whether it was one.

        A border crossed ("въехал в Беларусь, направляясь в Гомель"), a passage told
        ahead ("пройдут через Оршу 14-15 апреля") or a train seen ("замечен в Орше").
        """
        if self._entered is not None and verb == self._entered[0]:
            self._crossing_into(facts, span, self._entered[1], problems)
            return True
        if _passes_ahead(self.rd, self.text, verb):
            self._passage_ahead(facts, span, problems)
            return True
        if verb.role == "neutral":
            self._sighting(facts, span, problems)
            return True
        return False

    def _dates_with_bounds(self) -> list[tuple[DateSpan, DateSpan | None]]:
        """Return each date with the date after it that bounds it ("a najpóźniej"), if any.

        A date that is the latest bound of the one before is read with it, not alone.
        """
        spans = self._dates_not_trip_lengths()
        bounds = getattr(self.rd, "bounds_latest", None)
        found: dict[int, DateSpan] = {}
        if bounds is not None:
            for first, later in itertools.pairwise(spans):
                if later.start > first.end and bounds(self.text[first.end : later.start]):
                    found[id(first)] = later
        bounding = {id(later) for later in found.values()}
        return [(s, found.get(id(s))) for s in spans if id(s) not in bounding]

    def _to_latest(self, window: DateWindow, later: DateSpan, forward: bool) -> DateWindow:
        """Widen ``window`` to the end of its latest bound, when that ends after it."""
        last = resolve_date(later, self.published, forward=forward)
        if last is None or last.latest is None or window.earliest is None:
            return window
        if window.latest is not None and last.latest <= window.latest:
            return window
        return window.model_copy(update={"latest": last.latest, "precision": "days"})

    def _fallback_role(self, facts: _Facts, default_role: str | None) -> str | None:
        """Return the role a date with no verb of its own takes in this clause, if any."""
        fallback = facts.last_role or default_role
        if (
            fallback is not None
            and not self.verbs
            and default_role is None
            and not _refers_back(self.text)
        ):
            fallback = None  # (a train of a group, "drugi 3 marca z Homla", keeps its verb)
        if (
            fallback is None
            and not self.verbs
            and self.claim in ("planned", "expected")
            and self.rd.has_train_noun(self.text, singular=True)
            # (an expectation dates a train only when it names one awaited: "another")
            and (self.claim == "planned" or _awaits_another(self.rd, self.text))
        ):
            # "A train from Baranovichi to Bryansk is planned for March 12": a train's plan
            # with a day and no verb of moving plans when it leaves; a train awaited
            # ("Очікується ще один ешелон до 12 березня") is awaited where it arrives
            fallback = "departure" if self.claim == "planned" else "arrival"
        if fallback is None and self._telegraphic_trip():
            # "8 марта эшелон из Орши в Брянск, 40 вагонов", "March 8: a train from Orsha
            # to Bryansk": a trip told with no verb is dated by the day it set off
            fallback = "departure"
        return fallback

    def _telegraphic_trip(self) -> bool:
        """Whether a clause with no verb tells a train's trip: a train noun and its origin.

        Channels post trips as notes ("8 березня ешелон з Орші до Брянська, 40 вагонів",
        "8 marca pociąg z Orszy do Briańska"): a train named with where it came from,
        and no verb, no claim, no loading and no place where it was seen.
        """
        if self.verbs or self.stage is not None or self.claim is not None:
            return False  # ("na stacji Słonim załadowano eszelon": loaded there, not left)
        if not self.rd.has_train_noun(self.text, singular=True):
            return False
        # (where it came from named: "The first goods train chugged into the Gajwel
        # station on Monday" has a verb the lexicon does not know, no note)
        roles = {self.place_role(p) for p in self.places}
        return "origin" in roles and not roles & {"at", "via"}

    def _between_the_ends(self, span: DateSpan) -> bool:
        """Whether a date stands right after the origin and before the destination.

        "прибув із станції Острогозьк 11 грудня до Полонки зранку 14 грудня": the day
        after the origin is the day the train left it, whatever the verb.
        """
        roles = [(p, self.place_role(p)) for p in self.places]
        before = [p for p, role in roles if p.end <= span.start]
        after = [p for p, role in roles if role == "destination" and p.cue_start >= span.end]
        if not (before and after and self.place_role(before[-1]) == "origin"):
            return False
        # right after it: nothing between but a gloss ("Острогозьк (Воронезька обл., РФ)")
        gap = _GLOSS.sub("", self.text[before[-1].end : span.start])
        return not gap.strip(" ,")

    def _dates_not_trip_lengths(self) -> list[DateSpan]:
        """Return the clause's dates but a trip's length ("дойдет до Новороссийска за неделю")."""
        if not self.dates:
            return []
        lengths = self._trip_lengths
        return [d for d in self.dates if not any(a < d.end and d.start < b for _, a, b in lengths)]

    @once
    def _trip_lengths(self) -> list[tuple[int, int, int]]:
        """Return each time after the departure an arrival verb governs, as (days, start, end).

        "прибыл через 17 дней", "дойдет до Новороссийска за неделю", "прибуде за три
        дні": how long the trip takes, never a date of its own.
        """
        durations = getattr(self.rd, "durations", None)
        if durations is None:
            return []
        found = []
        for days, start, end in durations(self.text):
            # a verb right after governs it in any language ("after 5 days arrived")
            verb = next(
                (v for v in self.verbs if v.start >= end and not self.text[end : v.start].strip()),
                None,
            ) or self._verb_for(start, end)
            if verb is not None and verb.role == "arrival" and 0 < days <= 60:
                found.append((days, start, end))
        return found

    def _duration_into(self, facts: _Facts) -> None:
        """Date an arrival given as a time after the departure ("прибыл через 17 дней")."""
        dep = facts.departure
        if facts.arrival is not None:
            return
        for days, start, end in self._trip_lengths:
            if dep is None or dep.value.precision != "day" or dep.value.earliest is None:
                break
            day = dep.value.earliest + timedelta(days=days)
            window = DateWindow(
                earliest=day, latest=day, precision="day", text=self.text[start:end]
            )
            facts.arrival = self._fact(window, start, end, inferred=True)
            return
        ranges = getattr(self.rd, "duration_ranges", None)
        if ranges is None or not any(v.role == "arrival" for v in self.verbs):
            return
        for least, most, start, end in ranges(self.text):
            if dep is None or dep.value.precision != "day" or dep.value.earliest is None:
                facts.trip_days = self._fact((least, most), start, end, inferred=True)
                return
            # "прибытие ожидается в течение 3-5 дней": 3 to 5 days after it left
            window = DateWindow(
                earliest=dep.value.earliest + timedelta(days=least),
                latest=dep.value.earliest + timedelta(days=most),
                precision="days",
                text=self.text[start:end],
            )
            facts.arrival = self._fact(window, start, end, inferred=True)
            return

    def _trip_time(self, facts: _Facts, span: DateSpan, verb: cues.VerbCue) -> None:
        """Date an arrival told as a past trip's length ("arrived ... in 16 days").

        The arrival is the departure day plus the days, when the departure is known to
        the day; otherwise the length dates nothing.
        """
        dep = facts.departure
        if verb.role != "arrival" or facts.arrival is not None or dep is None:
            return
        if dep.value.precision != "day" or dep.value.earliest is None:
            return
        n = span.get("in_n") or ""
        if not n.isdigit():
            return
        unit = 7 if (span.get("in_unit") or "").lower().startswith("week") else 1
        day = dep.value.earliest + timedelta(days=int(n) * unit)
        window = DateWindow(earliest=day, latest=day, precision="day", text=span.text)
        facts.arrival = self._fact(window, span.start, span.end, inferred=True)

    def _sighting(self, facts: _Facts, span: DateSpan, problems: list[str]) -> None:
        passed = [p for p in self.places if self._passed(p)]
        if not passed:
            self._passage(facts, span, problems)
            return
        window = resolve_date(span, self.published)
        if window is None:
            problems.append(f"cannot date {span.text!r}: {why_undated(span, self.published)}")
            return
        # "passed Orsha at 10:00 and Mogilev at 14:30" on one day: the train was seen
        # at each place this date is the nearest date of (one date for each, when the
        # clause dates them one by one: "passed Orsha on 5 March and Minsk on 6 March")
        spans = [s for s, _ in self._dates_with_bounds()] or [span]
        # ("19 апреля прошёл через Могилёв, а 20 апреля — через Кричев": days and places
        # in turn, T4; a place out of turn keeps the nearest day)
        in_turn = days_in_turn([p.start for p in passed], [s.start for s in spans])
        mine = [p for p in passed if in_turn.get(p.start, span.start) == span.start]
        if not mine:
            return
        closest = min(mine, key=lambda p: abs(p.start - span.start))
        for place in mine:
            nearest = (
                span
                if place.start in in_turn
                else min(spans, key=lambda s: abs(place.start - s.start))
            )
            if place is closest or (
                nearest == span and not is_broad(place.text) and self.place_role(place) is None
            ):
                # a night's sighting: its midnight, not the first day's start (S4)
                seen = window.model_copy(update={"text": _NIGHT}) if is_night(span) else window
                facts.sightings.append(
                    (
                        self._fact(place, place.start, place.end),
                        self._fact(seen, span.start, span.end),
                    )
                )

    def _trip_window(
        self,
        span: DateSpan,
        forward: bool,
        problems: list[str],
        bound: DateSpan | None = None,
    ) -> DateWindow | None:
        """Return the window of a date that can date one trip, or None.

        ``bound`` is a date that bounds it ("a najpóźniej ..."): the window runs to its end.

        An undatable span ("8 March" with no publication date) adds its problem; a
        window longer than :data:`MAX_TRIP_WINDOW_DAYS` ("в період з 1 квітня по 30
        вересня") is a period of many trips and dates none.
        """
        window = resolve_date(span, self.published, forward=forward)
        if window is None:
            problems.append(f"cannot date {span.text!r}: {why_undated(span, self.published)}")
            return None
        if bound is not None:
            window = self._to_latest(window, bound, forward)
        if (
            window.earliest is not None
            and window.latest is not None
            and (window.latest - window.earliest).days > MAX_TRIP_WINDOW_DAYS
        ):
            return None
        return window

    def _passage(self, facts: _Facts, span: DateSpan, problems: list[str]) -> None:
        """Date the departure by a verb of a train on its way from a named origin (F127).

        "Эшелон проследовал из Орши в Смоленск 9 марта", "Ешелон проїхав з Орші до
        Смоленська 9 березня", "Эшалон прайшоў з Оршы ў Смаленск 9 сакавіка": with
        an origin and no place passed, the day is the one the train was on its way
        from the origin, filed as its departure as "отправился" files it. A verb of
        seeing ("замечен 9 марта") or a clause with no origin dates nothing here.
        """
        verb = self._verb_for(span.start, span.end)
        is_passage = getattr(self.rd, "is_passage", None)
        if verb is None or is_passage is None:
            return
        if not is_passage(self.text[verb.start : verb.end]):
            return
        if not any(self.place_role(p) == "origin" for p in self.places):
            return
        window = self._trip_window(span, not verb.past, problems)
        if window is None:
            return
        inferred = span.is_relative or span.is_ambiguous or window.precision in ("week", "month")
        fact = self._fact(window, span.start, span.end, inferred=inferred)
        if facts.departure is None or _narrower(fact, facts.departure):
            facts.departure = fact

    @once
    def _entered(self) -> tuple[cues.VerbCue, PlaceSpan] | None:
        """Return a verb of entering and the country or region it enters, if told.

        "11 апреля в Беларусь въехал эшелон из России, направляясь в Гомель", "na
        Białoruś wjechał pociąg", "у Беларусь заехаў эшалон" (trial12 T6): a train
        entering a country on its way to a station named crosses the border there;
        its day is no arrival at the train's end (the reader's ``is_entry``; English
        "entered" is a verb of a train seen already). With no end beyond the
        country, entering it is the arrival there.
        """
        is_entry = getattr(self.rd, "is_entry", None)
        if is_entry is None:
            return None
        # ("на территорию Беларуси заехал": the territory's country, read as "at")
        broad = [p for p in self.places if p.role in ("destination", "at") and is_broad(p.text)]
        if not broad or not any(
            p.role == "destination" and not is_broad(p.text) for p in self.places
        ):
            return None  # ("въехал в Беларусь" with no end beyond: its arrival in the country)
        for verb in self.verbs:
            word = self.text[verb.start : verb.end]
            if not (verb.role == "arrival" and verb.past and is_entry(word)):
                continue
            if any(not is_broad(p.text) and 0 <= p.cue_start - verb.end <= 2 for p in self.places):
                continue  # ("в Беларуси заехал на станцию Брест": entering the station)
            return verb, min(broad, key=lambda p: abs(p.start - verb.start))
        return None

    def _crossing_into(
        self, facts: _Facts, span: DateSpan, place: PlaceSpan, problems: list[str]
    ) -> None:
        """Note the day a train entered a country as a sighting at it (trial12 T6)."""
        window = resolve_date(span, self.published)
        if window is None:
            problems.append(f"cannot date {span.text!r}: {why_undated(span, self.published)}")
            return
        facts.sightings.append(
            (self._fact(place, place.start, place.end), self._fact(window, span.start, span.end))
        )

    def _standing_into(self, facts: _Facts) -> None:
        """Note a train told standing now at a place as seen there on the report's day.

        "Он уже вторые сутки стоит на станции Лунинец", "od dwóch dni stoi na stacji
        Łuniniec", "it has been standing at Luninets station for two days" (trial12
        T4): a clause with no date of its own, in the present (the reader's
        ``stands_now``), and a place passed: the train was there when the report was
        written, a sighting dated its publication day (inferred), so it is not taken
        for arrived at its destination. Dates told of another verb of the clause ("który
        15 kwietnia wyjechał ze Smoleńska, do dziś nie dotarł ... i stoi w
        Baranowiczach") leave the standing undated, so it is read so too (trial14 T5).
        """
        if self.published is None:
            return
        at = self.rd.stands_now_at(self.text)
        if at is None or _dates_of_verb(self.dates, self.verbs, at):
            # ("stoi w Łunińcu od 15 kwietnia": the standing's own day, read as told)
            return
        passed = [p for p in self.places if self.place_role(p) is None and self._passed(p)]
        if not passed:
            return
        place = passed[-1]
        day = self.published
        window = DateWindow(earliest=day, latest=day, precision="day")
        fact = self._fact(place, place.start, place.end)
        if any(_same_place(fact, seen) for seen, _ in facts.sightings):
            return
        facts.sightings.append((fact, self._fact(window, place.start, place.end, inferred=True)))

    def _passed_untold_day_into(self, facts: _Facts) -> None:
        """Date a place passed, told as done with no day, by the report's day (T8).

        "Эшалон прайшоў праз Оршу ў бок Смаленска", "Ешелон пройшов через Оршу",
        "Eszelon przejechał przez Orszę", "A train passed through Orsha" in a report
        published on a known day, telling no day before: the train was there on or
        before that day, a sighting dated the day before the report through its day
        (inferred, :func:`~railtrack.extract.pastday.untold_day_window`), so that
        relays of the post link (session 17). A clause with a day of its own, a
        passage told ahead ("пройдёт через Оршу") or a report that told a day before
        (the day may go on) is left as it was.
        """
        if self.published is None or self.day_told_earlier or self.dates:
            return
        if not self._told_as_seen() or self.claim is not None or self._announces_list():
            return  # (a clause announcing a list: its times date its trains, trial14 T7)
        passed = [p for p in self.places if self._seen_untold_day(p)]
        if not passed:
            return
        window = untold_day_window(self.published)
        for place in passed:
            fact = self._fact(place, place.start, place.end)
            if any(_same_place(fact, seen) for seen, _ in facts.sightings):
                continue
            seen = self._fact(window, place.start, place.end, inferred=True)
            facts.sightings.append((fact, seen))

    def _seen_untold_day(self, place: PlaceSpan) -> bool:
        """Whether a place is a station or town the train was seen at or passed, as done.

        A place passed (:meth:`_passed`), no country or region ("через Польшу": a route's
        countries), governed by a verb of passing or seeing told as done ("прайшоў
        праз", "замечен в", "passed through"); a place of a route listed ("traveled the
        route Xi'an - Altynkol") or a border crossed is no sighting of its own.
        """
        if place.role == "crossing" or is_broad(place.text):
            return False
        if self.place_role(place) is not None or not self._passed(place):
            return False
        verb = self._verb_for(place.cue_start, place.end)
        if verb is None:
            # "The train passed: Orsha, Smolensk, Vyazma": the verb of passing is the
            # list's cue itself, and governs it across the colon (review17 #13)
            verb = next((v for v in self.verbs if v.start == place.cue_start), None)
        if verb is None or verb.role != "neutral":
            return False
        between = self.text[min(verb.end, place.cue_start) : place.cue_start]
        if (
            _passes_ahead(self.rd, self.text, verb)
            or self.rd.claim_kind(between)
            or told_as_plan(between, self.rd.lang)
        ):
            return False  # ("is now passing through Xi'an and will exit through Khorgas")
        # (English verbs of seeing are not marked past: "was spotted", "passed")
        if lexicon(self.rd.lang).seeing_verbs_unmarked_for_tense:
            return True
        return told_as_past(self.text, verb, self.rd.lang)

    def _unloading_into(self, facts: _Facts) -> None:
        """Note a train told being (un)loaded now as seen at that station on the report's day.

        "Na stacji Łuniniec od rana rozładowywany jest pociąg", "с утра разгружается
        эшелон" (trial15 S6, :mod:`railtrack.extract.unloading`): with no date of its
        own, the unloading goes on that day where the clause names (its last place
        that is no origin nor a country), a sighting dated its publication day. A
        train being loaded ("на станции Осиповичи идёт погрузка эшелона"; trial19b T4)
        is seen that day at the place it is loaded at: its origin, or the clause's
        first place that is no destination nor a country.
        """
        if self.published is None:
            return
        at = unloading_now_at(self.text, self.rd.lang)
        loading = at is None
        if loading:
            at = loading_now_at(self.text, self.rd.lang)
        if at is None or _dates_of_verb(self.dates, self.verbs, at):
            return
        named = [p for p in self.places if not is_broad(p.text)]
        if loading:
            named = [p for p in named if self.place_role(p) != "destination"][:1]
        else:
            named = [p for p in named if self.place_role(p) != "origin"][-1:]
        if not named:
            return
        place = named[0]
        fact = self._fact(place, place.start, place.end)
        if any(_same_place(fact, seen) for seen, _ in facts.sightings):
            return
        day = DateWindow(earliest=self.published, latest=self.published, precision="day")
        facts.sightings.append((fact, self._fact(day, place.start, place.end, inferred=True)))

    def _passage_ahead(self, facts: _Facts, span: DateSpan, problems: list[str]) -> None:
        """Date a passage told ahead as the train's departure window (trial12 T2).

        "14-15 апреля через Оршу пройдут ещё 3 эшелона", "праз Оршу пройдзе эшалон",
        "przez Orszę przejadą", "will pass through Orsha on April 14-15": no one has
        seen the trains yet, so the day is no sighting; it is the day the trains are
        on their way, filed as their departure (as a passage told as done files it,
        :meth:`_passage`), which a day after the report makes a plan
        (:func:`_plan_of_a_later_arrival`). The place passed stays a via point.
        """
        window = self._trip_window(span, True, problems)
        if window is None:
            return
        fact = self._fact(window, span.start, span.end, inferred=True)
        if facts.departure is None or _narrower(fact, facts.departure):
            facts.departure = fact

    def counts_into(self, counts: dict[str, Fact]) -> None:
        """File the clause's car counts; an exact count replaces an estimate told before.

        "щонайменше 31 вагон" in the lead, "складався з 32 вагонів" in the detail: the
        detail's exact count is the train's.
        """
        for count in self.counts:
            said = counts.get(count.kind)
            if (
                said is None
                or (said.inferred and not count.estimated and not count.at_least)
                or _raises(said.value, count.value, bound=count.at_least)
            ):
                counts[count.kind] = self._count_fact(count)
        # "an echelon of forty-eight platforms": the one count is the whole train.
        if len(self.counts) == 1 and "total" not in counts:
            count = self.counts[0]
            if self.rd.is_whole_train(self.text[: count.start]):
                counts["total"] = self._count_fact(count)

    def _count_fact(self, count: CarCount) -> Fact:
        """Return a count as a fact; a lower bound ("не менее 30") keeps its value as AtLeast.

        A lower bound is stated, not inferred: "at least 40" is sure of its 40.
        """
        return self._fact(_count_value(count), count.start, count.end, inferred=count.estimated)

    def series_into(self, group: GroupDraft) -> bool:
        """File "two trains with 48 and 38 cars" as one count per train, in order."""
        found = self.rd.find_count_series(self.text)
        if found is None and group.n_trains is not None:
            # "два эшелона: ночью (40 вагонов) и вечером (35 вагонов)" (trial14 T1)
            listed = count_per_train(self.counts, self.text, group.n_trains, self.rd.lang)
            if listed is not None and not self.rd.is_each(self.text):
                group.series = [{c.kind: self._count_fact(c)} for c in listed]
                return True
        if found is None or len(found[0]) != group.n_trains:
            return False
        values, kind, start, end = found
        group.series = [{kind: self._fact(v, start, end)} for v in values]
        return True

    def date_list(self) -> DateSpan | None:
        """Return a list of several days ("15 and 17 June"), which means several trains."""
        return next((d for d in self.dates if len(d.days) >= 2), None)

    def role_of(self, span: DateSpan) -> str | None:
        """Return ``departure`` or ``arrival`` as the verb near a date says, else None."""
        verb = self._verb_for(span.start, span.end)
        if verb is None or verb.role == "neutral":
            return None
        return "departure" if verb.role == "departure" else "arrival"

    def seen_on_the_move(self, span: DateSpan) -> bool:
        """Whether a date is the day a train was seen ("spotted", "zauważono"), no place said."""
        verb = self._verb_for(span.start, span.end)
        return (
            verb is not None
            and verb.role == "neutral"
            and not any(self._passed(p) for p in self.places)
        )

    def claim_into(self, facts: _Facts) -> None:
        """File the clause's claim, if the clause says something of the train.

        "Как ожидается, в будущем по этому маршруту будут перевозить товары": an
        expectation about the route, with no place, date, count or verb of the
        train's motion, is not this train's claim; nor is "probably intended for the
        troops at the range near Polonka" (a guess about the load, its places no end
        of the train).
        """
        if self.claim is None or facts.claim is not None:
            return
        if self._passes_ahead_only and _left_by(facts, self.published):
            return  # ("отправился ... Поезд пройдет по новому маршруту": its way on, no plan)
        placed = any(self.place_role(p) is not None or self._passed(p) for p in self.places)
        if self.verbs or placed or self.dates or self.counts:
            facts.claim = self._fact(self.claim, 0, len(self.text))

    @once
    def _passes_ahead_only(self) -> bool:
        """Whether the clause's only verbs are passages told ahead ("пройдёт через Оршу")."""
        return bool(self.verbs) and all(_passes_ahead(self.rd, self.text, v) for v in self.verbs)

    def _moves(self) -> bool:
        """Whether a verb of motion (not a verbal noun: "dostarczenie") is in the clause."""
        lex = getattr(self.rd, "lex", None)
        endings = tuple(getattr(lex, "verbal_noun_endings", ()) or ())
        for verb in self.verbs:
            word = self.text[verb.start : verb.end].lower()
            if verb.role != "neutral" and not (endings and word.endswith(endings)):
                return True
        return False

    def _names_another_move(self) -> bool:
        """Whether the clause names a movement by a verbal noun, and no train, day or count.

        "Przemieszczenie ze Stanów Zjednoczonych odbywa się różnymi drogami" (the
        relocation from the United States goes by many ways): the places are those of
        the movement the noun names (a whole unit's, by sea and air), not of the train
        told before; a clause with a train noun, a date or a count still tells of it.
        """
        verbs = self.verbs
        if not verbs or self.dates or self.counts or self.rd.has_train_noun(self.text):
            return False
        endings = tuple(getattr(getattr(self.rd, "lex", None), "verbal_noun_endings", ()) or ())
        if not endings:
            return False
        # (a label cueing a place is no movement: "Направление — Валуйки")
        labels = [(p.cue_start, p.start) for p in self.places]
        words = [
            self.text[v.start : v.end].lower()
            for v in verbs
            if v.role != "neutral" and not any(a <= v.start < b for a, b in labels)
        ]
        return bool(words) and all(w.endswith(endings) for w in words)

    def guesses_the_origin(self, facts: _Facts) -> bool:
        """Whether the clause only guesses where a train already told of came from.

        "The train was headed for Houston; probably came from Fort Hood",
        "Prawdopodobnie wracały z poligonu w Orzyszu": a hedge whose only fact is an
        origin, said of a train whose ends were told without one, is a guess about one
        field, not a fact: the origin is not filed, and the train's claim stays what
        its other clauses made it. A hedged destination is an inferred goal (claim
        ``expected``); a hedge with a date or a count still tells of the train.
        """
        if self.claim != "expected" or self.dates or self.counts:
            return False
        if facts.origin is not None or (facts.destination is None and not facts.via):
            return False
        roles = {self.place_role(p) for p in self.places} - {None}
        return roles == {"origin"}

    def guesses_another_goal(self, facts: _Facts) -> bool:
        """Whether the clause only guesses another goal for a train whose goal was told.

        "kierował się na Białoruś ... nie można wykluczyć, że ... skierowano na zachód,
        do obwodu brzeskiego": a doubt (the lexicon's ``doubt``: what cannot be ruled
        out, not what is expected) whose only fact is a destination, said of a train
        whose destination a clause of no doubt already told, is a guess about one field:
        the told goal stays (a hedged goal of a train told without one is its inferred
        goal, claim ``expected``, as before).
        """
        told = facts.destination
        if self.claim != "expected" or self.dates or self.counts or told is None:
            return False
        if not _asks(self.rd, "doubts", self.text):
            return False  # ("Ожидается, что состав прибудет в Минскую область": a plan)
        if facts.claim is not None and facts.claim.value == "expected":
            return False  # (the goal told was itself a guess)
        roles = {self.place_role(p) for p in self.places} - {None}
        return roles == {"destination"}

    def awaits_the_heading(self, facts: _Facts) -> bool:
        """Whether the clause only awaits, at the place a seen train was heading, its end.

        "... в направлении Лунинца проследовал эшелон из 42 вагонов. Ожидается разгрузка
        в Лунинце.", "... w kierunku Łunińca przejechał skład. Oczekiwany jest rozładunek
        w Łunińcu.": the train was seen on its way (a place passed, a sighting); only
        its unloading at the place it was heading is awaited. The clause adds nothing:
        the destination stays the heading, the claim stays the sighting (trial17 T6).
        An expectation with a date or a count, or naming another place, is read as
        before.

        Parameters
        ----------
        facts : _Facts
            The facts read so far for the train the clause is of.

        Returns
        -------
        bool
            True when the clause expects (claim ``expected``), tells no date and no
            count, and names only the place ``facts`` already has as its destination
            (a case form of it, :func:`~railtrack._translit.same_name_stem`), told
            before the clause, of a train seen on its way (a place passed or a
            sighting) with no claim yet.

        Examples
        --------
        >>> from railtrack.extract.places import PlaceSpan
        >>> from railtrack.extract.readers import reader_for
        >>> from railtrack.extract.sentences import Clause
        >>> heading = Fact(PlaceSpan("destination", "Лунинца", 14, 21, 0), "Лунинца", 14, 21)
        >>> passed = Fact(PlaceSpan("at", "Барановичи", 30, 40, 25), "Барановичи", 30, 40)
        >>> seen = _Facts(destination=heading, via=[passed])
        >>> def clause(text):
        ...     return _ClauseReader(Clause(text, 80, 80 + len(text), 0), text, None,
        ...                          reader_for("ru"))
        >>> clause("Ожидается разгрузка в Лунинце.").awaits_the_heading(seen)
        True
        >>> clause("Ожидается разгрузка в Бресте.").awaits_the_heading(seen)  # another place
        False
        >>> clause("Ожидается разгрузка в Лунинце 5 марта.").awaits_the_heading(seen)  # a date
        False
        >>> clause("Ожидается разгрузка в Лунинце.").awaits_the_heading(_Facts(destination=heading))
        False
        """
        told = facts.destination
        if self.claim != "expected" or self.dates or self.counts or told is None:
            return False
        if told.start >= self.offset:
            return False  # (the destination is this clause's own: nothing told before)
        if facts.claim is not None or not (facts.via or facts.sightings):
            return False
        named = [p for p in self.places if self.place_role(p) is not None]
        return bool(named) and all(
            self.place_role(p) in ("destination", "goal", "final")
            and same_name_stem(self.text[p.start : p.end], told.text)
            for p in named
        )

    def all_into(self, facts: _Facts, problems: list[str], default_role: str | None = None) -> None:
        if self.guesses_the_origin(facts) or self.guesses_another_goal(facts):
            return
        if self.awaits_the_heading(facts):
            return
        before = _known(facts)
        at = self.final_at
        if (
            at is not None
            and any(p.start < at for p in self.places)
            and any(p.start >= at and self._final_candidate(p) for p in self.places)
        ):
            # "прибыл в Оршу 28 ноября, после чего был направлен в Барановичи": the
            # arrival read first, then the end named after it (Orsha becomes a place
            # passed, seen on 28 November)
            self.places_into(facts, before=at)
            self.dates_into(facts, problems, default_role)
            self.places_into(facts, after=at)
        elif not self._names_another_move():
            self.places_into(facts, default_role=default_role)
            self.dates_into(facts, problems, default_role)
        elif not self.places:
            # "прибытие ожидается в течение 3-5 дней": the train's arrival named, no other
            # movement's places: how long its trip takes
            self._duration_into(facts)
        self.counts_into(facts.counts)
        denied = denied_arrival(self.text, self.verbs, lang=self.rd.lang)
        if denied is not None:
            facts.denied = self._fact(True, denied.start, denied.end)
        if _known(facts) == before and not self._moves():
            # "Zadaniem pociągu jest najprawdopodobniej dostarczenie zaopatrzenia ...":
            # a guess that adds no fact and moves nothing is no claim on the train
            return
        self.claim_into(facts)


def _count_value(count: CarCount) -> int:
    """Return a count's value, a bound kept as :class:`AtLeast`, :class:`AtMost` or a range."""
    if count.most is not None:
        return CountRange(count.value, count.most)
    if count.at_least:
        return AtLeast(count.value)
    return AtMost(count.value) if count.at_most else count.value


def _known(facts: _Facts) -> tuple[object, ...]:
    """Return what is known of a train or group (to tell whether a clause added a fact)."""
    return (
        facts.origin,
        facts.destination,
        facts.goal,
        facts.departure,
        facts.arrival,
        len(facts.via),
        len(facts.sightings),
        tuple(sorted(facts.counts)),
    )


def _pieces(
    clause: Clause, rd: Reader, *, merge_head: bool, group_has_room: bool
) -> list[tuple[Clause, cues.TrainMarker | None]]:
    """Split a clause where a new train is introduced mid-sentence.

    The words before the first marker go with the train it introduces when
    ``merge_head`` is set (no train is being described yet) or when they only set
    the scene ("On February 25, a military echelon left").
    """
    found = _new_markers(rd, clause.text)
    markers = [
        m for m in found if m.kind != "weak" or group_has_room or _after_a_first(m, found, rd)
    ]
    if not markers:
        parallel = _parallel_at(clause.text, rd)
        if parallel is None:
            return _apart_from_further_trains([(clause, None)], rd)
        # "на станцию Иловайск прибыло 6 цистерн, а на станцию Амвросиевка - 20 платформ":
        # a second train, which may still be one told earlier (a marker that allows it)
        markers = [cues.TrainMarker("another", parallel, parallel, "")]
        merge_head = False
    pieces: list[tuple[Clause, cues.TrainMarker | None]] = []
    bounds = [m.start for m in markers]
    head = clause.text[: bounds[0]]
    says_more = bool(rd.verb_cues(head) or rd.find_places(head))
    # "11 жніўня быў адпраўлены са станцыі Барысаў ... адзін вайсковы эшалон": the
    # train named after its verb is the one the words before describe
    after = clause.text[markers[0].end :]
    late_subject = _late_subject(head, markers[0], rd, after) and (
        markers[0].kind == "one"
        or _names_its_train(clause.text, markers[0], rd)
        or (markers[0].kind in _ORDINAL and _closes_its_clause(after))
    )
    if head.strip() and (
        rd.has_train_noun(head) or (says_more and not merge_head and not late_subject)
    ):
        pieces.append((Clause(head, clause.start, clause.start + len(head), clause.sentence), None))
    for i, marker in enumerate(markers):
        end = bounds[i + 1] if i + 1 < len(bounds) else len(clause.text)
        begin = 0 if i == 0 and not pieces else marker.start
        part = clause.text[begin:end]
        local = cues.TrainMarker(marker.kind, marker.start - begin, marker.end - begin, marker.text)
        pieces.append(
            (Clause(part, clause.start + begin, clause.start + end, clause.sentence), local)
        )
    return _apart_from_further_trains(pieces, rd)


# a new train named right after the verb it is the subject of: nothing but adverbials
# (no comma, dash or conjunction) between that verb and the marker
_SUBJECT_GAP = re.compile(r"[^,;:—–\-]*", re.IGNORECASE)
_CONJUNCTION = re.compile(r"(?<!\w)(?:and|а|и|і|й|та|ды|i|a|oraz)(?!\w)", re.IGNORECASE)


def _late_subject(head: str, marker: cues.TrainMarker, rd: Reader, text_after: str = "") -> bool:
    """Whether a train marked after its verb is the one the words before describe.

    "11 жніўня быў адпраўлены са станцыі Барысаў ... адзін вайсковы эшалон", "Также 9
    марта на станции Брест замечен другой состав из 40 вагонов", "9 marca na stacji
    Brześć zauważono inny skład": the Slavic languages put the subject after its verb,
    so the place and date before the marker are the new train's, not the train told
    before ("Separately, on March 9 another train ... was spotted at Brest" reads the
    same way in English). So does an ordinal: "В тот же день со станции Барановичи в
    Россию ушел второй эшелон", "Tego samego dnia ze stacji Baranowicze wyjechał drugi
    pociąg" start the second train at their first word, and "на станцию Брест прибыл
    первый из двух ожидаемых эшелонов" the first (the one train told before, if any:
    trial12 T12). A comma, dash or conjunction
    between the verb and the marker ends the first train's words ("прибыл в Брест, а
    другой ...").
    """
    # ("очередной эшелон", kind ``another``, may be a headline's train told again: its
    # head is left to the train before, as it was; after a group's train, words naming
    # other ends than the group's start another train: trial13 T3)
    if marker.kind not in ("one", "other", "more", *_ORDINAL):
        return False
    if marker.kind in _ORDINAL and _is_first(rd, marker.text):
        # ("10 dni jechał pierwszy w historii pociąg": the train told; "прибыл первый из
        # двух ожидаемых эшелонов": the subject after its verb)
        return _first_of_trains(text_after, rd)
    verbs = rd.verb_cues(head)
    if not verbs:
        return False
    if marker.kind == "one":
        return True
    gap = head[verbs[-1].end :]
    if marker.kind in _ORDINAL:
        if _closes_its_clause(text_after):
            # "Сегодня ожидается третий.", "Dziś oczekiwany jest trzeci.": the ordinal
            # closing its clause is the subject of the verb before it (trial14 T1)
            return _SUBJECT_GAP.fullmatch(gap) is not None and _CONJUNCTION.search(gap) is None
        # an ordinal right after its verb only ("ушел второй эшелон"; not "прибув на
        # станцію 7 березня\n • другий ешелон", a list's next item)
        return not gap.strip() and "\n" not in gap
    return _SUBJECT_GAP.fullmatch(gap) is not None and _CONJUNCTION.search(gap) is None


def _past_the_group(marker: cues.TrainMarker, group: GroupDraft, rd: Reader) -> bool:
    """Whether an ordinal counts past the trains a group announced ("третий" of two)."""
    value_of = rd.ordinal_value
    words = marker.text.split()
    if not words or marker.kind not in _ORDINAL or not group.n_trains:
        return False
    value = next((v for w in words if (v := value_of(w)) is not None), None)  # "a third"
    return value is not None and value > group.n_trains


def _ends_of_the_group(train: TrainDraft, group: GroupDraft) -> None:
    """Give a train awaited after a group the group's ends it was told none of."""
    if train.via or any(getattr(train, role) is not None for role in (*_PLACE_ROLES, "goal")):
        return
    for role in _PLACE_ROLES:
        theirs = getattr(group, role)
        if theirs is not None:
            setattr(train, role, theirs.shared())


def _closes_its_clause(text_after: str) -> bool:
    """Whether nothing but closing punctuation follows a marker ("ожидается третий.")."""
    return not text_after.strip(" \t.!?;…")


def _after_a_first(marker: cues.TrainMarker, markers: list[cues.TrainMarker], rd: Reader) -> bool:
    """Whether an ordinal of a group follows "the first" or "one" in its sentence (trial15 T1).

    "The first train (38 cars) arrived in Baranovichi on May 10, the second (44 cars)
    in Brest on May 11": with no group announced, the ordinal still opens a train.
    """
    return marker.kind in _ELIDING and any(
        m.start < marker.start
        and (m.kind == "one" or (m.kind in _ORDINAL and _is_first(rd, m.text)))
        for m in markers
    )


def _is_first(rd: Reader, marker: str) -> bool:
    """Whether a marker's first word is "first" ("pierwszy", "первый", "the first")."""
    words = marker.split()
    if not words:
        return False
    is_first = getattr(rd, "is_first_ordinal", None)
    if is_first is not None:
        return bool(is_first(words[0]))
    return any(w.lower() == "first" for w in words[:2])


def _names_its_train(text: str, marker: cues.TrainMarker, rd: Reader) -> bool:
    """Whether the marker is followed by its train noun ("другой состав", not "последний").

    The noun may come after "of the N" ("первый из двух ожидаемых эшелонов", "the first
    of the two expected echelons"), within the marker's phrase (up to a comma or colon).
    """
    phrase = _PHRASE_END.split(text[marker.end :], maxsplit=1)[0]
    return rd.has_train_noun(" ".join(phrase.split()[:5]))


_PHRASE_END = re.compile(r"[,;:—–()]")


def _first_of_trains(after: str, rd: Reader) -> bool:
    """Whether the words after a "first" marker name trains in the plural ("of the two ...").

    "первый из двух ожидаемых эшелонов", "pierwszy z dwóch oczekiwanych pociągów", "the
    first of the two expected echelons": the first of several trains, the subject of the
    verb before it; "pierwszy w historii pociąg" (a train in the singular) is not.
    """
    phrase = " ".join(_PHRASE_END.split(after, maxsplit=1)[0].split()[:5])
    return rd.has_train_noun(phrase) and not rd.has_train_noun(phrase, singular=True)


# what joins a count of further trains to the clause before it: a comma or "and", and
# at most two words, no preposition ("and soon three more trains", "а вскоре ещё два")
_JOINT_BEFORE = re.compile(
    r"(?:[,;]|\s(?:and|then|и|і|й|та|а|ды|i|a|oraz))\s+"
    r"(?:(?!(?:with|of|among|from|by|to|z|ze|с|со|з|из|са|sa)\s)[^\W\d]+\s+){0,2}$",
    re.IGNORECASE,
)


def _apart_from_further_trains(
    pieces: list[tuple[Clause, cues.TrainMarker | None]], rd: Reader
) -> list[tuple[Clause, cues.TrainMarker | None]]:
    """Cut off a count of further trains told after a train in one clause.

    "A trial train of 21 wagons has arrived in Rostock, and soon three more trains
    will enter the country": the three are a group of their own (here a plan), not
    counts, places or a claim of the train told first; the piece from the count on is
    read as an announcement (no marker).
    """
    out: list[tuple[Clause, cues.TrainMarker | None]] = []
    for piece, marker in pieces:
        announcement = rd.group_announcement(piece.text)
        head = piece.text[: announcement.start] if announcement is not None else ""
        if (
            announcement is None
            or not head.strip()
            or _JOINT_BEFORE.search(head) is None
            or not (rd.has_train_noun(head) or rd.verb_cues(head))
        ):
            out.append((piece, marker))
            continue
        at = announcement.start
        out.append((Clause(head, piece.start, piece.start + at, piece.sentence), marker))
        out.append((Clause(piece.text[at:], piece.start + at, piece.end, piece.sentence), None))
    return out


# Over the C901 cap; the languages work (issue 13) splits it.
def read_trains(
    text: str,
    *,
    published: date | None,
    max_group_trains: int = 20,
    echelon_min_cars: int = 34,
    lang: str = "en",
    sentence_lang: Callable[[str, str], str] | None = None,
    day_summed: date | None = None,
) -> ReportDraft:
    """Read the trains and groups a report describes.

    Parameters
    ----------
    text
        The report.
    published
        Its publication day, to resolve relative dates and years.
    max_group_trains
        The most trains made from one announcement ("five echelons left").
    echelon_min_cars
        Fewest cars of a military echelon: a train named by its two ends that counts
        this many, with no passenger word, is no passenger service
        (``Settings.extract_echelon_min_cars``).
    lang
        The report's language (a code of :data:`~railtrack.extract.lexicon.LANGUAGES`).
    sentence_lang
        Called with (sentence, ``lang``), returns the language of one sentence (a
        relay quoting the original); None reads every sentence in ``lang``.
    day_summed
        The day a day's digest with no date of its own ("Итоги дня:") sums up: the
        day before ``published`` for a post made in the first hours after the
        author's midnight (:func:`day_summed_up`); None: ``published``.

    Returns
    -------
    ReportDraft
        Trains and groups with their facts; no train for text about no shipment.
    """
    # "3 transporty morskie do portu w Antwerpii": a ship's load, not a train (blanked,
    # offsets kept)
    blank = getattr(reader_for(lang), "without_other_modes", None)
    as_given = text
    if blank is not None:
        text = blank(text)
    assembly = _Assembly.start(
        text, published, lang, sentence_lang, echelon_min_cars=echelon_min_cars
    )
    if assembly is None:
        # a debunked claim ("Our rating: False", "не подтвердилась"): no shipment; the
        # trains it tells of are kept aside as the ones it retracts (trial15 T2)
        # (read from what it says of the train, not from what the train turned out to be)
        told = _Assembly.start(
            without_what_it_was(text, lang), published, lang, sentence_lang, denied_too=True
        )
        if told is None:
            return ReportDraft()
        for clause in told.clauses:
            told.read_clause(clause)
        denied = _finish(told, lang=lang, max_group_trains=max_group_trains)
        words = denial_words(text, lang)
        return ReportDraft(retraction=words, retracted=denied.trains)
    assembly.day_summed = day_summed or published
    for clause in assembly.clauses:
        assembly.read_clause(clause)
    draft = _finish(assembly, lang=lang, max_group_trains=max_group_trains)
    # "Kierunek: Drawsko Pomorskie" as the lead of a report whose trains name no end
    give_lead_destination(draft, text, assembly.default)
    if text is not as_given and text != as_given:
        # a fact's words are quoted as the report gives them, not with the blanked legs
        # by sea or sections of line between them (the offsets are the same)
        map_facts(
            draft,
            lambda f: type(f)(f.value, as_given[f.start : f.end], f.start, f.end, f.inferred),
        )
    return draft


class _Assembly:
    """The state of :func:`read_trains` while it reads a report clause by clause.

    ``current`` is the train being described, ``group`` the group of trains being
    described (the trains an announcement such as "two echelons left" promised);
    each step below reads one kind of clause or piece of a clause and moves them on.
    """

    def __init__(
        self,
        text: str,
        published: date | None,
        default: Reader,
        clauses: list[Clause],
        bounds: dict[int, tuple[int, int]],
        sentence_readers: dict[int, Reader],
        sentences_off: set[int],
        *,
        echelon_min_cars: int = 34,
    ) -> None:
        self.text = text
        self.published = published
        # the day an undated day's digest sums up ("Итоги дня:" after midnight: the day before)
        self.day_summed = published
        self.default = default
        self.clauses = clauses
        self.bounds = bounds  # sentence -> (start, end)
        self.sentence_readers = sentence_readers
        self.sentences_off = sentences_off
        self.draft = ReportDraft()
        self.current: TrainDraft | None = None
        self.group: GroupDraft | None = None
        self.returned: dict[int, TrainDraft] = {}  # outbound train (by id) -> its return trip
        self.vetoing: dict[int, str | None] = {  # sentence -> the kind of train of no shipment
            n: _no_shipment_kind(sentence_readers.get(n, default), text[first:last])
            for n, (first, last) in self.bounds.items()
        }
        if "timetable" in self.vetoing.values():
            self._lift_cargo_vetoes(text)
            self._lift_counted_route_vetoes(text, echelon_min_cars)
        # (a sentence of no shipment makes the military words matter)
        self.watch = any(kind is not None for kind in self.vetoing.values())
        # the last one-day date told: "the same day" and a clock time alone refer to it
        self.told_day: DateSpan | None = None
        # a day told in the report's text or its dateline (trial13 T16: a clock time
        # alone is of the publication day only when none is)
        self.day_told_earlier = False
        self.heard = _is_heard(default, text)  # trains counted by their noise: a statistic
        self.incident = False  # an accident or attack at a train was told
        self.military: set[int] = set()  # the trains (by id) told of with a military word
        self.vetoed_groups: set[int] = set()  # groups (by id) a sentence of no shipment tells of
        self.shows: list[TrainDraft] = []  # trains of no shipment told (museum trains, services)
        # sentences whose service train the report's one problem names, and where it is
        self.told_services: list[int] = []
        self.service_problem: int | None = None

    def _lift_cargo_vetoes(self, text: str) -> None:
        """Lift the timetable vetoes a report of cargo shows to be its freight train's.

        "Контейнерный поезд ушел ... С декабря введут специальное расписание": the
        freight train's schedule, in a sentence naming no train, is no service. A train
        named by its route or number ("pociąg Xi'an – Gdańsk", "поезд Москва — Минск")
        is a service only when the report tells of no freight and no military cargo
        (trial17 T7: "... На платформах была военная техника").
        """
        default = self.default
        freight = _asks(default, "tells_of_freight", text)
        cargo = freight or _asks(default, "is_military", text)
        if not cargo:
            return
        for n, kind in self.vetoing.items():
            if kind != "timetable":
                continue
            rd, sentence = self.sentence_readers.get(n, default), text[slice(*self.bounds[n])]
            schedule = (
                freight
                and _asks(rd, "only_a_schedule", sentence)
                and not rd.has_train_noun(sentence)
            )
            if schedule or _asks(rd, "only_a_route", sentence):
                self.vetoing[n] = None

    def _lift_counted_route_vetoes(self, text: str, echelon_min_cars: int) -> None:
        """Lift the veto of a train named by its ends that counts an echelon's cars.

        "Поезд Слоним — Брест с 40 вагонами ушёл 3 марта": the route alone is no
        positive passenger cue (review17 #1); a sentence with no timetable or passenger
        word that counts at least ``echelon_min_cars`` cars tells of a shipment.
        "Поезд Москва — Минск из 15 вагонов" (a passenger train's length) stays vetoed.
        """
        default = self.default
        for n, kind in self.vetoing.items():
            if kind != "timetable":
                continue
            rd, sentence = self.sentence_readers.get(n, default), text[slice(*self.bounds[n])]
            if not _asks(rd, "only_a_route", sentence) or _asks(rd, "has_passengers", sentence):
                continue
            counted = [c.most or c.value for c in rd.find_car_counts(sentence)]
            if counted and max(counted) >= echelon_min_cars:
                self.vetoing[n] = None

    @classmethod
    def start(
        cls,
        text: str,
        published: date | None,
        lang: str,
        sentence_lang: Callable[[str, str], str] | None,
        *,
        denied_too: bool = False,
        echelon_min_cars: int = 34,
    ) -> _Assembly | None:
        """Split the report and judge its sentences; None for a debunked claim.

        ``denied_too`` reads a debunked report all the same (the trains it retracts).
        """
        clauses = split_clauses(text)
        bounds = _sentence_spans(clauses)
        sentence_readers: dict[int, Reader] = {}
        unread: dict[int, str] = {}  # sentence -> a language railtrack does not read
        if sentence_lang is not None:
            for sentence_no, (first, last) in bounds.items():
                code = sentence_lang(text[first:last], lang)
                if code not in LANGUAGES:
                    unread[sentence_no] = code  # ("Traukinys su 40 vagonų išvyko ...")
                    continue
                sentence_readers[sentence_no] = reader_for(code)
        sentences_off = set(_repeated_sentences(text, clauses)) | set(unread)
        sentences_off |= _digest_sentences(text, bounds, reader_for(lang), published)
        default = reader_for(lang)
        # "If they were going to Asia, they would have left from the West Coast", "w 1988
        # roku jechał z Paryża do Hongkongu": no facts of a shipment to track
        sentences_off |= {
            n
            for n, (first, last) in bounds.items()
            if _asks(sentence_readers.get(n, default), "is_hypothetical", text[first:last])
            or _is_history(sentence_readers.get(n, default), text[first:last], published)
        }
        if not denied_too and _asks(default, "is_denial", text):
            return None
        assembly = cls(
            text,
            published,
            default,
            clauses,
            bounds,
            sentence_readers,
            sentences_off,
            echelon_min_cars=echelon_min_cars,
        )
        for sentence_no, code in unread.items():
            assembly.draft.problems.append(
                f"sentence {sentence_no + 1} is in {code}; railtrack reads "
                f"{', '.join(LANGUAGES)} (that sentence was not read)"
            )
        return assembly

    def read_clause(self, clause: Clause) -> None:
        """Read one clause: put its sentence off, or read each piece a marker starts."""
        if clause.sentence in self.sentences_off:
            return
        rd = self.sentence_readers.get(clause.sentence, self.default)
        parts = self._apart_from_show(clause, rd)
        if parts:
            for part in parts:
                self.read_clause(part)
            return
        if self._put_off(clause, rd) or self._read_day_items(clause, rd):
            return
        group = self.group
        room = group is not None and (len(group.members) < (group.n_trains or 0) or group.dated > 0)
        pieces = _pieces(
            clause, rd, merge_head=self.current is None and group is None, group_has_room=room
        )
        current = self.current
        home = current.origin.value.text if current is not None and current.origin else None
        piece_verb: cues.VerbCue | None = None
        for piece, marker in _split_returns(pieces, rd, home):
            reader = _ClauseReader(piece, piece.text, self.published, rd)
            reader.told_day = self.told_day
            reader.day_told_earlier = self.day_told_earlier
            if marker is not None and marker.kind in _ELIDING and not reader.verbs:
                reader.elided = piece_verb
            piece_verb = next((v for v in reversed(reader.verbs) if v.role != "neutral"), None)
            done = self._read_piece(clause, piece, marker, reader, rd)
            self.told_day = _one_day(reader.dates) or self.told_day
            self.day_told_earlier = self.day_told_earlier or any(
                not (d.get("clock") or d.get("daypart")) for d in reader.dates
            )
            if done:
                break
        if self.watch and _is_military(rd, clause.text):
            for told in (self.current, self.group):
                if told is not None:
                    self.military.add(id(told))

    def _read_day_items(self, clause: Clause, rd: Reader) -> bool:
        """Read each item of a sentence counting trains by day and station on its own.

        "13 апреля из Бреста ушли 2 эшелона, 12 апреля из Барановичей — 1": two trains
        from Brest on 13 April and one from Baranovichi on 12 April (trial13 T6,
        :func:`~railtrack.extract.daylists.day_items`). An item that leaves out its
        verb and train noun takes the role of the verb before ("ушли": departures), and
        the end told once for them all ("в Россию", "Эшелоны возвращаются в Россию:").
        Whether the clause was such a sentence.
        """
        items = day_items(clause.text, rd)
        if items is None:
            return False
        told: _Facts | None = None
        said_of_all = TrainDraft()  # (the preamble before the first item, if any)
        head = self._preamble_before(clause, items[0].start)
        if head is not None:
            _ClauseReader(head, head.text, self.published, rd).places_into(said_of_all)
        read: list[_Facts] = []
        for item in items:
            piece = Clause(
                clause.text[item.start : item.end],
                clause.start + item.start,
                clause.start + item.end,
                clause.sentence,
            )
            reader = _ClauseReader(
                piece,
                piece.text,
                self.published,
                rd,
                places=list(item.places) if item.elided else None,  # (read after the verb)
            )
            self.group, self.current = None, None
            if not item.elided and item.n_trains > 1:
                self._read_piece(clause, piece, None, reader, rd)
                facts: _Facts | None = self.group
            else:
                facts = self._day_item_train(item, reader, told)
            if facts is not None:
                read.append(facts)
                told = told or facts
        for facts in read:
            for role in _PLACE_ROLES:
                theirs: Fact | None = getattr(said_of_all, role)
                if theirs is None and told is not None:
                    theirs = getattr(told, role)
                if getattr(facts, role) is None and theirs is not None:
                    setattr(facts, role, theirs.shared())
        return True

    def _preamble_before(self, clause: Clause, first: int) -> Clause | None:
        """Return the preamble said of every item of a day list, if there is one.

        The words before the first item in the clause ("Эшелоны возвращаются в Россию:
        13 апреля ..."), or, when the clause starts with the list, the words of its
        sentence before it that end with a colon ("Trains are returning to Russia: on
        April 13 two echelons left Brest, on April 12 one left Baranavichy": the
        English clauses part at the colon).
        """
        if first > 0:
            return Clause(clause.text[:first], clause.start, clause.start + first, clause.sentence)
        start = self.bounds[clause.sentence][0]
        before = self.text[start : clause.start]
        if start >= clause.start or not before.rstrip().endswith(":"):
            return None
        return Clause(before, start, clause.start, clause.sentence)

    def _day_item_train(self, item: DayItem, reader: _ClauseReader, told: _Facts | None) -> _Facts:
        """Read an item of one train, or of trains whose noun it leaves out, as told."""
        role = _role_told(told) if told is not None else None
        if item.n_trains > 1:
            group = GroupDraft(n_trains=item.n_trains)
            self.draft.groups.append(group)
            self.group = group
            reader.all_into(group, self.draft.problems, role)
            return group
        train = TrainDraft()
        self._new_train(train)
        reader.all_into(train, self.draft.problems, role)
        return train

    def _apart_from_show(self, clause: Clause, rd: Reader) -> list[Clause]:
        """Return the parts of a clause joining a show train and a military train, or none.

        "Эшелон с танками прибыл в Мулино, а ретропоезд ушёл в Москву": each part is
        read on its own, so the show vetoes only its own train (the caller reads the
        parts; the military part is no longer put off with its sentence).
        """
        if self.vetoing[clause.sentence] != "exhibition":
            return []
        text = clause.text
        cuts = [m.start() for m in _CLAUSE_JOINT.finditer(text)]
        if not cuts:
            return []
        edges = [0, *cuts, len(text)]
        parts = [
            Clause(text[a:b], clause.start + a, clause.start + b, clause.sentence)
            for a, b in itertools.pairwise(edges)
        ]
        show = [_no_shipment_kind(rd, p.text) == "exhibition" for p in parts]
        apart = [
            not s and _military_train_apart(rd, p, text) for p, s in zip(parts, show, strict=True)
        ]
        return parts if any(show) and any(apart) else []

    def _put_off(self, clause: Clause, rd: Reader) -> bool:
        """Whether the clause is done before its pieces are read (its sentence put off).

        A question, an exhibition named with no trip, a sentence of no shipment (its
        train vetoed), what is said next of a vetoed train, a clause turned away (off
        topic, a timetable, a road convoy, a rate of trains) and, after an accident,
        the train of the accident told again.
        """
        text = self.text
        if _is_question(text, clause):
            self.sentences_off.add(clause.sentence)
            return True
        kind = self.vetoing[clause.sentence]
        sentence = text[slice(*self.bounds[clause.sentence])]
        if kind == "exhibition" and _military_train_apart(rd, clause, sentence):
            kind = None  # "Эшелон с танками прибыл в Мулино, а ретропоезд ушёл в Москву"
        if (
            kind == "exhibition"
            and _names_no_trip(rd, sentence)
            and not _asks(rd, "is_shown", sentence)
        ):
            # "Выставачны цэнтр прыняў удзельнікаў": an exhibition named, no train
            self.sentences_off.add(clause.sentence)
            return True
        if kind:
            # "В Волгоград прибыл ретропоезд": that train, and what is said of it next
            self._veto(clause, rd, timetable=kind == "timetable")
            return True
        if self.current is not None and self.current.vetoed and self._told_of_vetoed(clause, rd):
            return True
        if _is_rate_of_trains(rd, clause) and not _turned_away(rd, clause):
            self.incident = self.incident or _asks(rd, "is_incident", clause.text)
            announcement = rd.group_announcement(clause.text)
            if announcement is not None:
                # "С начала года ушло 33 эшелона": counted trains kept as a tally
                self.draft.tallies.append(_tally(announcement, clause, rd))
            self.sentences_off.add(clause.sentence)
            return True
        if _turned_away(rd, clause) or _asks(rd, "counts_car_traffic", clause.text):
            self.incident = self.incident or _asks(rd, "is_incident", clause.text)
            self.sentences_off.add(clause.sentence)
            return True
        if is_bare_caption(rd, text[slice(*self.bounds[clause.sentence])]):
            # "Zdjęcie pociągu z Brześcia": a photo of a train named, no movement told
            # (trial14 T7)
            self.sentences_off.add(clause.sentence)
            return True
        if self.incident and (
            _asks(rd, "names_the_same_train", clause.text) or _names_no_train(rd, clause.text)
        ):
            # "Nearly a dozen cars jumped the tracks ... the freight train was traveling
            # from Grafton": the train of the accident told again, no shipment
            self.sentences_off.add(clause.sentence)
            return True
        return False

    def _veto(self, clause: Clause, rd: Reader, *, timetable: bool) -> None:
        """Make the train a sentence of no shipment tells of the current one, vetoed."""
        draft = self.draft
        current = _vetoed_train(
            draft, self.current, clause, rd, self.published, self.military, timetable=timetable
        )
        self.current = current
        if current.vetoed and not timetable:
            self.shows.append(current)
        if timetable and clause.sentence not in self.told_services:
            # a train dropped as a passenger service is said so, never silently (review17
            # #1), in one problem for the report however many sentences tell of it
            # (trial18b T10)
            self.told_services.append(clause.sentence)
            first, last = self.bounds[self.told_services[0]]
            words = " ".join(self.text[first:last].split())
            said = _sentences_named([n + 1 for n in self.told_services])
            message = f"{said} of a passenger service, not counted as a shipment: {words[:80]!r}"
            at = self.service_problem
            if at is None or at >= len(self.draft.problems):
                self.service_problem = len(self.draft.problems)
                self.draft.problems.append(message)
            else:
                self.draft.problems[at] = message
        if current.vetoed and current.group is not None:
            self.vetoed_groups.add(id(draft.groups[current.group]))  # its trains told again

    def _told_of_vetoed(self, clause: Clause, rd: Reader) -> bool:
        """Whether a clause after a vetoed train goes on about it (then it is read into it)."""
        current = self.current
        assert current is not None
        reader = _ClauseReader(clause, clause.text, self.published, rd)
        # a passenger service (vetoed on its timetable, no show) carries no military load
        service = not any(show is current for show in self.shows)
        if not _separate_shipment(rd, reader, current, after_service=service):
            reader.all_into(current, [])  # the museum train told on
            return True
        self.current = None  # "7 мая на станцию Барановичи прибыл воинский эшелон": its own
        return False

    def _read_piece(
        self,
        clause: Clause,
        piece: Clause,
        marker: cues.TrainMarker | None,
        reader: _ClauseReader,
        rd: Reader,
    ) -> bool:
        """Read one piece of a clause; True when its sentence is a count of traffic."""
        if marker is not None and marker.kind == "return":
            lead = clause.text[: max(0, piece.start - clause.start)]
            self.current = _return_trip(self.draft, self.current, reader, self.returned, lead=lead)
            return False
        if self._one_of_a_group(piece, reader, rd):
            return False
        announcement = rd.group_announcement(piece.text)
        if announcement is None and not self.draft.trains and not self.draft.groups:
            # "Оба эшелона прибыли в Брест: 40 и 44 вагона" with no train told before:
            # two trains (trial14 T3)
            announcement = pair_announcement(piece.text, rd)
        if announcement is not None and self._counts_traffic(clause, piece, reader, rd):
            self.sentences_off.add(clause.sentence)  # "за неделю слышали 14 поездов"
            self.draft.tallies.append(_tally(announcement, piece, rd))
            return True
        listed = reader.date_list()
        if (
            announcement is not None
            and announcement.more
            and (marker is None or marker.start < announcement.start)
            and self._further_apart(piece, announcement, marker, rd)
        ):
            return False
        if announcement is not None and (marker is None or marker.start > announcement.start):
            self._announced(piece, announcement, listed, reader, rd)
            first, last = self.bounds[clause.sentence]
            # the sentence on the count's line (a heading on a line above heads a list)
            line = self.text[max(first, self.text.rfind("\n", 0, piece.start) + 1) : last]
            if self.group is not None and self._totals_above(piece, announcement, rd):
                # "Всего за день 4 эшелона, 153 вагона." under the day's lines: a
                # tally of the trains told above, never new trains (trial19b T1)
                self.group.tally = _tally(announcement, piece, rd)
                self.group.firm_tally = True
                return False
            digest = self.group is not None and _is_digest(piece, line, reader, rd)
            if self.group is not None and (digest or _counted_over_a_span(piece, reader, rd)):
                # "In January, about 15 trains arrived from Russia": a tally, unless
                # its trains are described after ("the first ..."); a channel's digest
                # of its week is one whatever it says of the cars
                self.group.tally = _tally(announcement, piece, rd)
                self.group.firm_tally = digest or _firm_tally(piece, announcement.start, reader, rd)
            elif self.group is not None and _counted_in_a_plan(piece, announcement.end, reader, rd):
                # "A total number of 400 wagons (22 echelons) will be withdrawn from the
                # base": trains of a plan, none told (unless described after)
                self.group.tally = _tally(announcement, piece, rd)
                self.group.firm_tally = True
        else:
            self._described(piece, marker, listed, reader, rd)
        return False

    def _totals_above(
        self, piece: Clause, announcement: cues.GroupAnnouncement, rd: Reader
    ) -> bool:
        """Whether a line totals the trains told above it ("Всего за день 4 эшелона").

        A line opening with a total (the readers' ``names_day_total``: "Всего за
        день", "Итого", "Усяго за дзень", "Всього за добу", "Łącznie", "In total")
        after trains already told sums them up: a tally (trial19b T1). When the trains
        or the cars it counts differ from those told above, a problem says so.
        """
        # the whole line holding the count ("Итого: 4 эшелона" is split at its colon)
        at = self.text.rfind("\n", 0, piece.start) + 1
        end = self.text.find("\n", piece.start)
        line = self.text[at : len(self.text) if end < 0 else end]
        name, colon, _ = line.partition(":")
        if not _asks(rd, "names_day_total", line) and not (colon and names_total(name)):
            return False
        mine = next((g for g, group in enumerate(self.draft.groups) if group is self.group), None)
        cars: list[object] = [
            None if (c := t.counts.get("total")) is None else c.value
            for t in self.draft.trains
            if t.group is None or t.group != mine
        ]
        # the lines of a digest by station above it, read apart (_station_digest_trains)
        found = _digest_of_trains(self.text, rd, self.published)
        if found is not None and not found[1]:
            for ln in found[0].lines:
                if ln.end <= at:
                    counted = [
                        next((c.value for c in per if c.kind == "total"), None)
                        for per in ln.cars[: ln.n_trains]
                    ]
                    cars += counted + [None] * (ln.n_trains - len(counted))
        if not cars:
            return False
        told = [c for c in cars if isinstance(c, int)]
        n_total = announcement.n_trains
        said = [c for c in rd.find_car_counts(line) if c.kind == "total" and not c.estimated]
        total_cars = said[0].value if said and len(cars) == len(told) else None
        if isinstance(n_total, int) and n_total != len(cars):
            self.draft.problems.append(
                f"the total line {line.strip()!r} counts {n_total} trains, "
                f"{len(cars)} told above it: read as a tally of those"
            )
        elif isinstance(total_cars, int) and total_cars != sum(told):
            self.draft.problems.append(
                f"the total line {line.strip()!r} counts {total_cars} cars, "
                f"{sum(told)} told above it: read as a tally of those"
            )
        return True

    def _further_apart(
        self,
        piece: Clause,
        announcement: cues.GroupAnnouncement,
        marker: cues.TrainMarker | None,
        rd: Reader,
    ) -> bool:
        """Read a train and a count of further trains told after it in one clause.

        "Прибув потяг із 21 вагона, незабаром до країни в'їдуть іще три потяги з
        кукурудзою з України" (r1017): the words before the comma that opens the count
        of further trains (a lexicon's ``more_trains``) describe the train; the rest
        announces the further trains, whose ends and counts are theirs, not its.
        True when the piece was read so.
        """
        cut = piece.text.rfind(",", marker.end if marker is not None else 0, announcement.start)
        if cut < 0:
            return False
        head = Clause(piece.text[:cut], piece.start, piece.start + cut, piece.sentence)
        if marker is None and not rd.has_train_noun(head.text, singular=True):
            return False
        rest_text = piece.text[cut + 1 :]
        lead = len(rest_text) - len(rest_text.lstrip())
        rest = Clause(rest_text.lstrip(), piece.start + cut + 1 + lead, piece.end, piece.sentence)
        further = rd.group_announcement(rest.text)
        if further is None or not further.more:
            return False
        first = _ClauseReader(head, head.text, self.published, rd)
        first.told_day = self.told_day
        self._described(head, marker, first.date_list(), first, rd)
        second = _ClauseReader(rest, rest.text, self.published, rd)
        second.told_day = self.told_day
        self._announced(rest, further, second.date_list(), second, rd)
        return True

    def _one_of_a_group(self, piece: Clause, reader: _ClauseReader, rd: Reader) -> bool:
        """Read "This was one of four trains operated to Port Adelaide" (True if so).

        The train told and three more make a group; the group's place is shared by
        those not told, and a place said of "the other three" is not the told train's.
        """
        one_of = _one_of_group(rd, piece.text)
        current = self.current
        if one_of is None or current is None or current.group is not None:
            return False
        group = GroupDraft(n_trains=one_of, members=[self.draft.trains.index(current)])
        self.draft.groups.append(group)
        current.group = len(self.draft.groups) - 1
        others = _OTHERS.search(piece.text)  # (", with the other three loaded at Dimboola")
        reader.places_into(group, before=others.start() if others else None)
        self.group, self.current = group, None
        return True

    def _counts_traffic(
        self, clause: Clause, piece: Clause, reader: _ClauseReader, rd: Reader
    ) -> bool:
        """Whether an announcement of trains counts traffic: heard, or a statistic."""
        return (
            (self.heard and not _separate_shipment(rd, reader, None))
            or _is_heard(rd, piece.text)
            or _is_statistic(rd, self.text, self.clauses, clause.sentence)
        )

    def _announced(
        self,
        piece: Clause,
        announcement: cues.GroupAnnouncement,
        listed: DateSpan | None,
        reader: _ClauseReader,
        rd: Reader,
    ) -> None:
        """Read a piece announcing several trains ("Two echelons left Belarus")."""
        if listed is not None and len(listed.days) == announcement.n_trains:
            # "Two echelons arrived on 12 and 14 January": one train per day
            told = _headline_group(self.draft, self.group, announcement.n_trains, reader)
            self.group = _group_of_dates(self.draft, reader, listed, None, piece.text)
            if told is not None:
                _restated_into(told, self.group)
            self.current = None
            return
        recapped = _recapped_group(self.draft, announcement.n_trains, reader)
        if recapped is not None:
            # "Thus Russia sent two more echelons ...": the two just described
            reader.counts_into(recapped.each if rd.is_each(piece.text) else recapped.counts)
            return
        group = self.group
        if group is None or group.members or group.n_trains != announcement.n_trains:
            # (the same count again, before any train is described, is the
            # headline's announcement restated in the lead: one group)
            group = GroupDraft(
                n_trains=announcement.n_trains,
                marker=reader._fact(announcement, announcement.start, announcement.end),
            )
            self.draft.groups.append(group)
            self.group = group
            before = self.current
            if announcement.more and before is not None and before.group is None:
                # "Прибув потяг ... Незабаром в'їдуть іще три потяги": further trains
                # of the run the told train began, beside it (session 18, r1017)
                group.further_of = next(i for i, t in enumerate(self.draft.trains) if t is before)
            if announcement.most is not None:
                # "ещё 3-4 эшелона": as many trains as are sure, the range said (trial12 T2)
                self.draft.problems.append(
                    f"{announcement.text!r} is a range of trains: {announcement.n_trains} "
                    f"listed (its low end), up to {announcement.most}"
                )
        self.current = None
        reader.places_into(group)
        reader.dates_into(group, self.draft.problems)
        reader.claim_into(group)
        if not reader.series_into(group):
            reader.counts_into(group.each if rd.is_each(piece.text) else group.counts)

    def _described(
        self,
        piece: Clause,
        marker: cues.TrainMarker | None,
        listed: DateSpan | None,
        reader: _ClauseReader,
        rd: Reader,
    ) -> None:
        """Read a piece that announces no group: dated trains, a new train, or more."""
        text = piece.text
        if (
            listed is not None
            and self.group is None
            and (rd.has_train_noun(text) or reader.counts or rd.has_car_noun(text))
        ):
            self.group = _group_of_dates(self.draft, reader, listed, self.current, text)
            self.current = None
        elif marker is not None:
            self._marked(piece, marker, reader, rd)
        elif not self._counts_of_a_group(piece, reader, rd):
            self._told_on(piece, reader, rd)

    def _marked(
        self, piece: Clause, marker: cues.TrainMarker, reader: _ClauseReader, rd: Reader
    ) -> None:
        """Read a piece a train marker starts: the next dated train of a group, or a new one."""
        group = self.group
        if marker.kind in _ORDINAL and group is not None and group.dated:
            # "arrived on 4 and 6 March. The first ..., the second ...": the trains of
            # the days, in order, described now
            current = self.current = self.draft.trains[group.members[-group.dated]]
            group.dated -= 1
            reader.all_into(current, self.draft.problems, group.last_role)
            at = self.draft.trains.index(current)
            if not current.counts and at and self.draft.trains[at - 1].counts:
                # "Pierwszy liczył 48 wagonów, drugi 40": the number alone is its count
                _elided_count(current, self.draft.trains[at - 1], reader)
            return
        if self._first_is_the_one_told(piece, marker, rd):
            # "Эшелон\nСегодня ночью ... прибыл первый из двух ожидаемых эшелонов: 45
            # платформ": the first of them is the one train told so far (trial12 T12)
            reader.all_into(self.current_train, self.draft.problems)
            return
        self._new_marked_train(piece, marker, reader, rd)

    def _first_is_the_one_told(self, piece: Clause, marker: cues.TrainMarker, rd: Reader) -> bool:
        """Whether "the first of the trains" names the only train told so far.

        A headline ("Эшелон с БМП прибыл в Брест") names a train; "прибыл первый из
        двух ожидаемых эшелонов", "przyjechał pierwszy z dwóch oczekiwanych pociągów",
        "the first of the two expected echelons" (the first of trains named in the
        plural) then tells that train, not a second one. With a group announced ("Два
        эшелона ... Первый ..."), the first is the group's; "the first train of this
        service" (a train in the singular) may be another.
        """
        if marker.kind not in _ORDINAL or not _is_first(rd, marker.text):
            return False
        if not _first_of_trains(piece.text[marker.end :], rd):
            return False
        current = self.current
        return (
            self.group is None
            and current is not None
            and current.group is None
            and not current.vetoed
            and len(self.draft.trains) == 1
            and self.draft.trains[0] is current
        )

    def _new_marked_train(
        self, piece: Clause, marker: cues.TrainMarker, reader: _ClauseReader, rd: Reader
    ) -> None:
        """Start the train a marker introduces ("the second transport left ...")."""
        draft = self.draft
        current = TrainDraft(
            marker=reader._fact(marker, marker.start, marker.end),
            number=rd.train_number(piece.text),
        )
        self.current = current
        group = self.group
        gi = len(draft.groups) - 1
        past = group is not None and _past_the_group(marker, group, rd)
        if group is not None and len(group.members) < (group.n_trains or 0) and not past:
            current.group = gi
            group.members.append(len(draft.trains))
        elif marker.kind == "indefinite":
            self.group = group = None
        if marker.kind == "same" and draft.trains:
            # "Такий самий прибув 6 січня": another train of the same make-up
            for kind, fact in draft.trains[-1].counts.items():
                current.counts[kind] = fact.shared()
        previous = draft.trains[-1] if draft.trains else None
        draft.trains.append(current)
        group_role = group.last_role if current.group is not None and group else None
        reader.all_into(current, draft.problems, group_role)
        if past and group is not None:
            # "два эшелона прибыли в Лунинец ... Сегодня ожидается третий": a further
            # train, awaited where the group went (its ends shared, inferred)
            _ends_of_the_group(current, group)
        if previous is None:
            return
        if rd.same_route(piece.text) or (
            marker.kind == "another" and rd.same_route(self._sentence_before(piece))
        ):
            # "a similar train passed along the same route": another train, that route
            # ("This train repeated the exact route of the previous one": the route is
            # told in the clause, before the marker of the other train)
            _follow_route(current, previous)
            other = cues.TrainMarker("other", marker.start, marker.end, marker.text)
            current.marker = reader._fact(other, marker.start, marker.end)
        if not current.counts and previous.counts:
            _elided_count(current, previous, reader)
        _elided_day(current, previous, reader, self.bounds.get(piece.sentence, (0, 0)))
        _end_as_before(current, previous, rd, piece.text)
        if (
            marker.kind in ("more", "another")
            and not current.via
            and all(getattr(current, role) is None for role in (*_PLACE_ROLES, "goal"))
            and current.claim is not None
            and current.claim.value in ("planned", "expected")
        ):
            # "Очікується ще один ешелон до 12 березня", "Kolejny pociąg planowany jest na
            # 12 marca": one more train awaited, named with no place, goes where the one
            # before went (its ends shared, marked inferred)
            for role in _PLACE_ROLES:
                theirs = getattr(previous, role)
                if theirs is not None:
                    setattr(current, role, theirs.shared())

    def _sentence_before(self, piece: Clause) -> str:
        """Return the words of the piece's sentence before the piece."""
        start = self.bounds.get(piece.sentence, (piece.start, piece.start))[0]
        return self.text[start : piece.start]

    def _counts_of_a_group(self, piece: Clause, reader: _ClauseReader, rd: Reader) -> bool:
        """Read counts said of a group ("In total, 40 cars", "each with 40 cars")."""
        text = piece.text
        if rd.is_group_reference(text) and reader.counts:
            if not self.draft.groups:
                # "In total, 40 cars": the headline and lead may be this train again
                merged = _merge_restated(self.draft, self.text)
                if self.current is not None:
                    self.current = merged.get(id(self.current), self.current)
            target = _group_for_reference(self.draft, self.group)
            if target is not None:
                self.group = target
                reader.counts_into(target.each if rd.is_each(text) else target.counts)
                return True
        if rd.is_each(text) and self.group is not None and self.current is None:
            reader.counts_into(self.group.each)
            return True
        return False

    def _told_on(self, piece: Clause, reader: _ClauseReader, rd: Reader) -> None:
        """Read a piece with no marker: about the current train, the group, or a new train."""
        number = rd.train_number(piece.text)
        if self.current is not None:
            self._about_the_train(self.current, piece, number, reader, rd)
        elif self.group is not None and _first_of_the_group(self.group, piece.text, reader, rd):
            # "Из Беларуси ушли два эшелона. 17 марта из Осиповичей отправился эшелон из
            # 35 платформ": the headline's count announces the trains told after it;
            # the one told first is its first member, not the group
            self._member(TrainDraft(number=number))
            reader.all_into(self.current_train, self.draft.problems, self.group.last_role)
        elif self.group is not None and _speaks_of_a_train(piece, reader, rd):
            group = self.group
            told = dict(group.counts)
            listed = not group.members and not group.series and reader.series_into(group)
            reader.all_into(group, self.draft.problems)
            if listed:
                # "два эшелона: ночью (40 вагонов) и вечером (35 вагонов)": one count per
                # train, none the group's (trial14 T1)
                group.counts = told
        elif _starts_a_train(piece.text, reader, rd):
            # "Twenty-two flatcars were dispatched from Brest to Kursk" is a train too.
            self._new_train(TrainDraft(number=number, vague=_plural_only(rd, piece.text, reader)))
            reader.all_into(self.current_train, self.draft.problems)

    @property
    def current_train(self) -> TrainDraft:
        """The current train, when one is known to be."""
        assert self.current is not None
        return self.current

    def _new_train(self, train: TrainDraft) -> None:
        self.current = train
        self.draft.trains.append(train)

    def _member(self, train: TrainDraft) -> None:
        """Start ``train`` as the next member of the group being described."""
        group = self.group
        assert group is not None
        train.group = next(i for i, g in enumerate(self.draft.groups) if g is group)
        group.members.append(len(self.draft.trains))
        self._new_train(train)

    def _about_the_train(
        self,
        current: TrainDraft,
        piece: Clause,
        number: str | None,
        reader: _ClauseReader,
        rd: Reader,
    ) -> None:
        """Read a piece while a train is described: more of it, or another train."""
        text, problems = piece.text, self.draft.problems
        if number is not None and current.number is None:
            current.number = number
        # ("Jutro spodziewany jest przyjazd delegacji do Kijowa": not the train's, T1)
        if self._told_of_them_all(current, piece, reader, rd) or not _speaks_of_a_train(
            piece, reader, rd
        ):
            return
        if _previous_leg(current, piece, reader, rd):
            # "Эшалон адправіўся з Асіповічаў у бок Гомеля. Раней, 10 траўня, ён прыбыў з
            # Расіі": the leg before, an arrival at the origin, not at Gomel (T2)
            _previous_leg_into(current, reader, problems)
        elif number not in (None, current.number):
            # "Train No. 969 ..." after "Train No. 967 ...": another train; the next of
            # the group when the group announced has room for it ("прибули 2 ешелони.
            # Ешелон №967 ... Ешелон №969 ...": its two trains, trial20 T5)
            self._next_numbered(current, number, reader)
        elif _uncouples(rd, text) and reader.counts:
            self.current = _uncoupled_part(self.draft, current, reader)
        elif (
            current.trip_of is not None
            and reader.conflicts_with(current)
            and not reader.conflicts_with(current.trip_of)
        ):
            # back to the outbound trip ("Эшелон прибыл в Лунинец" after the return)
            self.current = current.trip_of
            reader.all_into(current.trip_of, problems)
        elif (
            # ("в направлении Лунинца проследовал ... Ожидается разгрузка в Лунинце": the
            # heading awaited, no end further on; all_into adds nothing, trial17 T6)
            not reader.awaits_the_heading(current)
            and (end := _goes_on_to(current, piece, reader, rd)) is not None
        ):
            # "Planowany przyjazd do Briańska po 16 marca", "Чакаецца, што ён прыбудзе ў
            # Клінцы 15 сакавіка": the train's end, further on; the end told is passed
            _set_final(current, reader._fact(end, end.start, end.end))
            reader.all_into(current, problems)
        elif reader.conflicts_with(current) or self._other_ends_than_its_group(current, reader):
            self._other_ends(piece, reader, rd)
        elif self.group is None and _another_train_told(current, piece, reader, rd):
            # "Также 9 марта замечен состав не менее 40 вагонов на станции Брест" after a
            # train of 48 that left on the 10th: a train named again with another count,
            # or seen away from its origin before it left, is another train
            self._new_train(TrainDraft())
            reader.all_into(self.current_train, problems)
        elif not current.vague and self.group is None and _other_trains(rd, text, reader):
            return  # "Wcześniej w rejon Baranowicz przybyły transporty": other trains
        else:
            if current.vague and rd.has_train_noun(text, singular=True):
                current.vague = False  # "... loaded on to trains. ... onto a train at X"
            reader.all_into(current, problems)

    def _next_numbered(
        self, current: TrainDraft, number: str | None, reader: _ClauseReader
    ) -> None:
        """Start the train a new number names: the group's next when it has room."""
        train = TrainDraft(number=number)
        if self._room_in_group_of(current, reader):
            self._member(train)
        else:
            self._new_train(train)
        reader.all_into(train, self.draft.problems)

    def _room_in_group_of(self, current: TrainDraft, reader: _ClauseReader) -> bool:
        """Whether the next train told is the next member of the current train's group.

        The group being described counts more trains than it holds, the current train
        is one of them, and the piece names no other ends than the group's.
        """
        group = self.group
        return (
            group is not None
            and current.group is not None
            and self.draft.groups[current.group] is group
            and len(group.members) < (group.n_trains or 0)
            and not self._other_ends_than_its_group(current, reader)
        )

    def _other_ends_than_its_group(self, current: TrainDraft, reader: _ClauseReader) -> bool:
        """Whether a piece names other ends than the group the current train is one of.

        "Do Baranowicz przyjechały dwa pociągi ... drugi – 25." then "W sobotę z Mozyrza
        do Brześcia wyruszył pociąg wojskowy": the group's end (Baranovichi) is its
        second train's too, so a train leaving Mozyr for Brest is another train, not
        the second one moving on (trial13 T3).
        """
        group = self.group
        return current.group is not None and group is not None and reader.conflicts_with(group)

    def _told_of_them_all(
        self, current: TrainDraft, piece: Clause, reader: _ClauseReader, rd: Reader
    ) -> bool:
        """Read a piece told of every train of the group into each; whether it was one.

        "According to Hajun, they are expected to arrive in Bryansk between March 21
        and 23", "Іх прыбыццё ў Смаленск чакаецца 21–22 сакавіка": each one's.
        """
        members = self._members_named_together(current, piece, reader, rd)
        for member in members:
            if (end := _goes_on_to(member, piece, reader, rd)) is not None:
                _set_final(member, reader._fact(end, end.start, end.end))
            reader.all_into(member, self.draft.problems)
        return bool(members)

    def _members_named_together(
        self, current: TrainDraft, piece: Clause, reader: _ClauseReader, rd: Reader
    ) -> list[TrainDraft]:
        """Return the trains of the current group when a piece tells of them all.

        A piece whose subject is the trains told, all of them ("they", "оба эшелона",
        "Іх прыбыццё", "obydwa pociągi"), with a place or a date and no count of its
        own, after two or more members were described: what it says (an arrival, a
        destination, a claim) is each one's, not only the last one's. Empty otherwise.
        """
        group = self.group
        if group is None or len(group.members) < 2 or current.group is None:
            return []
        if reader.counts or not (reader.dates or reader.places):
            return []
        names = getattr(rd, "names_them_all", None)
        if names is None or not names(piece.text):
            return []
        members = [self.draft.trains[i] for i in group.members]
        return members if current in members else []

    def _other_ends(self, piece: Clause, reader: _ClauseReader, rd: Reader) -> None:
        """Start another train where a piece gives the current one other ends.

        A train has one origin and one destination: other ones mean the text has moved
        on to another train ("that echelon is to go to Slutsk", a load put on cars at
        another station), if the clause speaks of a train at all ("Ранее ... были
        запущены 4 маршрута ... до Гамбурга": routes, not a train; "в Горловку прибыли
        200 казачков": people).
        """
        text = piece.text
        if not (
            rd.has_train_noun(text)
            or reader.counts
            or any(v.role != "neutral" for v in reader.verbs)
            # "na stacji Zasłonowo załadowano na platformy 20 czołgów" after a train
            # from Połonka: a train loaded at another station is another train
            or reader.staged_at_station()
        ) or _counts_other_things(rd, text):
            return
        # ("Контейнерные поезда ... из Татарстана были введены": trains in general)
        self._new_train(TrainDraft(vague=_plural_only(rd, text, reader)))
        reader.all_into(self.current_train, self.draft.problems)


def _speaks_of_a_train(piece: Clause, reader: _ClauseReader, rd: Reader) -> bool:
    """Whether a piece told after a train may speak of it (session 17 T1).

    It does when it names a train or a car, counts cars, gives a train's number,
    has a pronoun for the train ("ён", "он", "він", "on", "it") or leaves its subject
    out ("Planowany przyjazd do Briańska po 16 marca"); it does not when, with none
    of these, it names a subject that is no train ("przyjazd delegacji do Kijowa",
    "The minister is expected to arrive in Kyiv", "Колонна автомобилей ушла в сторону
    Бреста"; :mod:`railtrack.extract.subjects`): then it gives the train no end, no
    day and no claim.
    """
    text = piece.text
    if rd.has_train_noun(text) or rd.has_car_noun(text) or reader.counts:
        return True
    if rd.train_number(text) is not None or names_train_pronoun(text, rd.lang):
        return True
    return not names_another_subject(text, rd.lang)


def _previous_leg(current: TrainDraft, piece: Clause, reader: _ClauseReader, rd: Reader) -> bool:
    """Whether a clause tells the leg before the one told: an arrival at the origin.

    "Раней, 10 траўня, ён прыбыў з Расіі", "Ранее, 10 мая, он прибыл из России",
    "Wcześniej, 10 maja, przyjechał z Rosji", "Earlier, on 10 May, it arrived from
    Russia" after the train was told leaving its origin ("адправіўся з Асіповічаў у
    бок Гомеля"), with no arrival told: a clause opening with an ``earlier_leg`` word
    (:func:`~railtrack.extract.previousleg.opens_with_earlier`) whose verbs are
    arrivals told as done, naming no end but that origin, on no day after the
    departure, tells how the train came to its origin (session 17 T2). Trains in
    the plural ("Wcześniej w rejon Baranowicz przybyły transporty") are others.
    """
    text = piece.text
    if not opens_with_earlier(text, rd.lang):
        return False
    if current.origin is None or current.arrival is not None:
        return False
    if current.departure is None and current.last_role != "departure":
        return False
    moving = [v for v in reader.verbs if v.role != "neutral"]
    if not moving or any(
        v.role != "arrival" or not (v.past and told_as_past(text, v, rd.lang)) for v in moving
    ):
        return False
    if rd.has_train_noun(text) and not rd.has_train_noun(text, singular=True):
        return False
    origin = current.origin
    for place in reader.places:
        role = reader.place_role(place)
        if role in ("destination", "final", "goal") and not _same_place(
            reader._fact(place, place.start, place.end), origin
        ):
            return False  # ("Раней ён прыбыў у Гомель": another end, not the leg before)
    left = current.departure.value.latest if current.departure is not None else None
    for span in reader.dates:
        window = resolve_date(span, reader.published)
        if window is None or (
            left is not None and window.earliest is not None and window.earliest > left
        ):
            return False
    return True


def _previous_leg_into(current: TrainDraft, reader: _ClauseReader, problems: list[str]) -> None:
    """File the leg before the one told: the train seen at its origin on the day it arrived.

    The day of the clause dates a sighting at the train's origin (the place it then
    left); its other places (where it came from) and its claim are the earlier
    leg's, no end or date of the trip told. Its car counts are the train's.
    """
    for span in reader.dates:
        window = resolve_date(span, reader.published)
        if window is None:
            problems.append(f"cannot date {span.text!r}: {why_undated(span, reader.published)}")
            continue
        inferred = span.is_relative or span.is_ambiguous
        assert current.origin is not None
        seen = reader._fact(window, span.start, span.end, inferred=inferred)
        current.sightings.append((current.origin.shared(), seen))
    reader.counts_into(current.counts)


def _role_told(facts: _Facts) -> str | None:
    """Return the role of the last verb read for a train or group, else of its day."""
    if facts.last_role is not None:
        return facts.last_role
    if facts.departure is not None and facts.arrival is None:
        return "departure"
    return "arrival" if facts.arrival is not None and facts.departure is None else None


def _first_of_the_group(group: GroupDraft, text: str, reader: _ClauseReader, rd: Reader) -> bool:
    """Whether a piece with no marker tells the first train of an announced group.

    A headline or lead counts the trains ("Из Беларуси в Россию ушли еще два эшелона",
    "Kolejne dwa transporty wyjechały"); a train then named in the singular with its own
    move ("17 марта из Осиповичей отправился эшелон из 35 платформ") is the first of
    them, not more words about the group: its count, places and date are its own. The
    trains in the plural ("Эшелоны ушли в Брянск"), a total ("всего 80 вагонов") or
    a count for each stay the group's.
    """
    if group.members or (group.n_trains or 0) < 2 or group.dated:
        return False
    if rd.is_group_reference(text) or rd.is_each(text):
        return False
    if rd.group_announcement(text) is not None:
        return False
    if not rd.has_train_noun(text, singular=True):
        return False
    if _asks(rd, "names_the_same_train", text):
        return False  # ("the train with corn was on the road": one told before, in English)
    return any(v.role != "neutral" for v in reader.verbs) or bool(reader.counts)


def _elided_day(
    current: TrainDraft, previous: TrainDraft, reader: _ClauseReader, sentence: tuple[int, int]
) -> None:
    """Date a train told with its verb left out by the day its sentence gives the one before.

    "8 марта первый эшелон ушёл из Слонима ..., второй — из Лунинца в Клинцы": the
    second left on 8 March too (shared, marked inferred); a day of its own wins.
    """
    if reader.elided is None or reader.dates or current.departure is not None:
        return
    dep = previous.departure
    if dep is not None and sentence[0] <= dep.start < sentence[1]:
        current.departure = dep.shared()


def _awaits_another(rd: Reader, text: str) -> bool:
    """Whether a clause names one more train ("ще один ешелон", "another train")."""
    return any(m.kind in ("more", "another") for m in rd.new_train_markers(text))


def _goes_on_to(
    current: TrainDraft, piece: Clause, reader: _ClauseReader, rd: Reader
) -> PlaceSpan | None:
    """Return the place a clause expects the current train to arrive at, further on.

    A clause naming no train (or only a pronoun for it) and no count, whose only end
    is where a planned or expected arrival will be ("Planowany przyjazd do Briańska po
    16 marca", "Ожидается, что он прибудет в Клинцы 15 марта") after a train sent to
    another place with no arrival told, tells where that train goes on to: the end told
    before becomes a place passed. None otherwise.
    """
    if current.destination is None or current.arrival is not None or current.trip_of:
        return None
    if not any(v.role == "arrival" for v in reader.verbs) or not reader.places:
        return None
    ends = [p for p in reader.places if reader.place_role(p) in ("destination", "goal", "final")]
    if len(ends) != 1 or any(reader.place_role(p) == "origin" for p in reader.places):
        return None
    end = ends[0]
    known = current.destination.value.text.lower()
    if end.text.lower() == known or is_broad(end.text):
        return None
    if rd.has_train_noun(piece.text) or reader.counts:
        return None
    if reader.claim not in ("planned", "expected") and not any(
        v.role == "arrival" and not v.past for v in reader.verbs
    ):
        return None
    return end


def _another_train_told(
    current: TrainDraft, piece: Clause, reader: _ClauseReader, rd: Reader
) -> bool:
    """Whether a clause naming a train with no marker tells of another train.

    English marks a new train with its article ("a train of 40 cars was spotted");
    Russian, Ukrainian, Belarusian and Polish have none, so the facts decide: a train
    noun told with a verb of moving or seeing and a count that cannot be the current
    train's ("состав из 40 вагонов" after an echelon of 48), or seen at a place other
    than its origin before the
    current train left, is another train. The clause is read into a scratch train
    to compare (the caller reads it again into the train it belongs to).
    """
    counted = bool(reader.counts) and "total" in current.counts
    seen = (
        bool(reader.dates)
        and current.departure is not None
        and any(v.role == "neutral" for v in reader.verbs)
    )
    dated = bool(reader.dates) and (current.departure is not None or current.arrival is not None)
    if not (counted or seen or dated):
        return False  # (nothing that could tell another train: no scratch read)
    if not rd.has_train_noun(piece.text, singular=True) or not reader.verbs:
        return False  # ("The train is made up of two flatbed cars": its make-up described)
    scratch = TrainDraft()
    reader.all_into(scratch, [])
    return (
        _counts_differ(current, scratch)
        or _seen_before_leaving(current, scratch)
        # (English marks another train with its article: "The train was formed at
        # Polonka on the morning of May 13" after "left Polonka yesterday" is the same)
        or (rd.lang != "en" and _moved_on_another_day(current, scratch))
        or _leaves_elsewhere_after_arriving(current, scratch)
        or (
            rd.lang != "en"
            and _seen_after_arriving(current, scratch)
            and not _tells_standing(rd, piece.text)
        )
    )


def _leaves_elsewhere_after_arriving(arrived: _Facts, later: _Facts) -> bool:
    """Whether ``later`` leaves a place other than where ``arrived`` ended, after it ended.

    "Утром 5 марта эшелон прибыл в Оршу. Тем же вечером эшелон покинул Смоленск": a
    train that arrived in Orsha cannot leave Smolensk that evening, so the train named
    again (its noun, no pronoun) is another one. Leaving the place it arrived at ("Тем
    же вечером эшелон покинул Оршу") or a departure dated before the arrival (the
    train's start told after its end) is the same train's.
    """
    end, arrival = arrived.destination, arrived.arrival
    start, departure = later.origin, later.departure
    if end is None or arrival is None or start is None or departure is None:
        return False
    if is_broad(end.value.text) or is_broad(start.value.text) or _same_place(end, start):
        return False
    leaves: date | None = departure.value.earliest
    arrived_by: date | None = arrival.value.latest
    return leaves is not None and arrived_by is not None and leaves >= arrived_by


def _seen_after_arriving(arrived: TrainDraft, seen: _Facts) -> bool:
    """Whether ``seen`` was sighted on a day after ``arrived`` had arrived.

    "11 grudnia na stację Polonka przybył eszelon" and "18 grudnia na stacji Polonka
    zauważono pociąg": a train arrives at its destination once, so a train seen
    there a later day, or at another place than its origin (where a trip back
    goes), is another train (trial20 T7). Only an arrival told as done counts (an
    expected one may come later); a train said to stand there still is the
    caller's to keep (:func:`_tells_standing`).
    """
    arr, dest = arrived.arrival, arrived.destination
    if arr is None or dest is None or arr.inferred:
        return False
    if arrived.claim is not None and arrived.claim.value in ("planned", "expected"):
        return False
    last = arr.value.latest or arr.value.earliest
    if last is None:
        return False
    origin = arrived.origin
    return any(
        (window.value.earliest or last) > last
        and (_same_place(dest, place) or origin is None or not _same_place(origin, place))
        for place, window in seen.sightings
    )


def _tells_standing(rd: Reader, text: str) -> bool:
    """Whether a clause tells a train standing (the lexicon's ``standing``: "стоял")."""
    names_standing = getattr(rd, "names_standing", None)
    return bool(names_standing is not None and names_standing(text))


def _moved_on_another_day(first: _Facts, later: _Facts) -> bool:
    """Whether two trains leave, or arrive, on two different days given exactly.

    "Pierwszy pociąg miał przyjechać do Brześcia w piątek 18 sierpnia" and "w pociągu,
    który przyjechał do Brześcia w sobotę 19 sierpnia": a train arrives once, so the
    second arrival is another train's. Windows wider than a day (a month in a headline,
    the day in the detail) may be one train's.
    """
    for role in _DATE_ROLES:
        a, b = getattr(first, role), getattr(later, role)
        if a is None or b is None or a.value.precision != "day" or b.value.precision != "day":
            continue
        if a.value.earliest != b.value.earliest and a.value.latest == a.value.earliest:
            return bool(b.value.latest == b.value.earliest)
    return False


def _counts_differ(first: _Facts, later: _Facts) -> bool:
    """Whether two trains give totals that cannot be one train's (40 and 48 cars)."""
    a, b = first.counts.get("total"), later.counts.get("total")
    return a is not None and b is not None and not _counts_agree(a.value, b.value)


def _seen_before_leaving(left: TrainDraft, seen: _Facts) -> bool:
    """Whether ``seen`` was sighted away from ``left``'s origin before ``left`` departed.

    A train seen at Brest on 9 March is not the train that left Slonim on 10 March.
    """
    dep = left.departure
    start = dep.value.earliest if dep is not None else None
    if start is None:
        return False
    for place, window in seen.sightings:
        latest = window.value.latest or window.value.earliest
        at_origin = left.origin is not None and _same_place(left.origin, place)
        if latest is not None and latest < start and not at_origin:
            return True
    return False


def _starts_a_train(text: str, reader: _ClauseReader, rd: Reader) -> bool:
    """Whether a piece read with no train or group before it tells of a train."""
    return (
        rd.has_train_noun(text)
        or reader.staged_at_station()
        or (
            bool(reader.counts or rd.has_car_noun(text))
            and any(v.role != "neutral" for v in reader.verbs)
            and any(reader.place_role(p) is not None for p in reader.places)
        )
    )


def _days_told_back(assembly: _Assembly) -> None:
    """Count the days told back ("двумя днями ранее", "накануне") from the day told before.

    The readers count them from the report's day; when the sentence before tells a day
    (:func:`railtrack.extract.earlier.shifts_told_back`), every date read from such a
    span (a departure, an arrival, a sighting's day, of a train or a group) moves by the
    days between that day and the report's (trial17 T3b).
    """
    shifts = shifts_told_back(assembly.text, assembly.default, assembly.published)
    if not shifts:
        return
    draft = assembly.draft

    def moved(fact: Fact | None) -> Fact | None:
        if fact is None or fact.start not in shifts or not isinstance(fact.value, DateWindow):
            return fact
        step = timedelta(days=shifts[fact.start])
        w = fact.value
        window = DateWindow(
            earliest=w.earliest + step if w.earliest is not None else None,
            latest=w.latest + step if w.latest is not None else None,
            precision=w.precision,
            text=w.text,
        )
        return Fact(window, fact.text, fact.start, fact.end, fact.inferred)

    for facts in [*draft.trains, *draft.groups]:
        facts.departure = moved(facts.departure)
        facts.arrival = moved(facts.arrival)
        facts.sightings = [(place, moved(day) or day) for place, day in facts.sightings]


def _finish(assembly: _Assembly, *, lang: str, max_group_trains: int) -> ReportDraft:
    """Fill the groups, drop the trains of no shipment, merge restated ones, check each."""
    draft, text = assembly.draft, assembly.text
    _days_told_back(assembly)
    named = any(not t.vetoed for t in draft.trains)
    if _asks(assembly.default, "tells_of_road_only", text):
        # "Чатыры грузавыя аўтамабілі ... перасеклі мяжу": lorries, nothing by rail
        draft.trains, draft.groups = [], []
    _drop_passing_groups(draft)
    _tallies_of_undescribed_groups(draft)
    _fill_groups(draft, max_group_trains=max_group_trains)
    _further_trains_go_the_same_way(draft)
    _places_of_counted_parts(draft, text, assembly)
    _totals_pinned_by_groups(draft)
    _times_listed_for_groups(draft, text, assembly.published)
    _drop_trains_of_no_shipment(assembly)
    _drop_background_groups(draft)
    _drop_groups_without_trains(draft)
    merged = _merge_restated(draft, text)
    if lang == "en":
        merged.update(_one_train_told_again(draft, text))
    _share_between_trips(draft, merged)
    _later_ordinal_goes_the_firsts_way(draft, assembly.default, text)
    listed = _listed_trains(assembly, lang) | _station_digest_trains(assembly)
    _dateline_sightings(assembly)
    _station_heading_places(assembly)
    tracked = any(_has_a_station(t) for t in draft.trains)
    kept = [
        t
        for t in draft.trains
        if not _nothing_to_track(t, tracked=tracked)
        or _seen_heading_for_a_country(t, assembly.text, lang)
        or _at_a_station_in_a_region(t, assembly.text, lang)
    ]
    # a train told of and nothing read of it, with no sentence of no shipment: the
    # caller says so (``ReportDraft.untold``)
    # (a list of dated, counted trips read as nothing says so too: see listing.py)
    told = (
        named
        or listed
        or ("\n" in text and tells_listed_trains(text, assembly.default))
        or (not draft.tallies and _names_counted_trains(text, assembly.default))
    )
    draft.untold = told and not kept and not draft.groups and not assembly.watch
    draft.trains = kept
    _trip_length_of_the_train_before(draft, assembly)
    for train in list(draft.trains):  # (an outbound trip may be put in before a train)
        _plan_of_a_later_arrival(train, assembly.published)
        _late_departure_is_the_trip_backs(train, draft.trains)
        _arrival_after_trip_days(train)
        _arrived_before_leaving_again(train, draft.trains)
        next_leg(train, assembly.text, assembly.default)  # (trial15 T8: extract/nextleg.py)
        _no_departure_after_arrival(train, draft.problems)
        _no_end_as_via(train)
        _no_gloss_as_via(train, assembly.text)
        _bracketed_station_is_the_end(train, assembly.text)
        _no_broad_via_beside_a_finer(train)
        _no_round_trip(train)
    if lang != "en":
        _one_kind_totals(draft.trains, assembly.default, text)
    _say_short_groups(draft, max_group_trains=max_group_trains)
    return draft


def _further_trains_go_the_same_way(draft: ReportDraft) -> None:
    """Give further trains of a run the ends of the train told before them.

    "До порту Росток прибув потяг ... незабаром до країни в'їдуть іще три потяги з
    кукурудзою з України": the three further trains (a group counted with a lexicon's
    ``more_trains`` word) go where the train told went when they name no end of their
    own (r1017), and come from where it came when they name no origin ("Pierwszy pociąg
    z darami z Warszawy dotarł do Kijowa ... w drodze są dwa kolejne pociągi", r725);
    their own ends, when told, stay.
    """
    for g, group in enumerate(draft.groups):
        if group.further_of is None or group.further_of >= len(draft.trains):
            continue
        told = draft.trains[group.further_of]
        if any(_over_a_span(f) for f in (group, *(t for t in draft.trains if t.group == g))):
            continue  # a week's further trains are news of a run (_drop_background_groups)
        for role in ("origin", "destination"):
            if getattr(told, role) is None or getattr(group, role) is not None:
                continue
            for train in draft.trains:
                if train.group == g and getattr(train, role) is None:
                    setattr(train, role, getattr(told, role))


def _names_counted_trains(text: str, rd: Reader) -> bool:
    """Whether a text names trains (in the plural too) and counts cars (trial12 T16).

    "Эшелоны за 10 апреля: 36 вагонов и 44 вагона": such a text read as nothing is
    said, never dropped in silence.
    """
    return rd.has_train_noun(text) and bool(rd.find_car_counts(text))


def _listed_trains(assembly: _Assembly, lang: str) -> bool:
    """Add a train for each list item telling of a trip that gave none; whether any did.

    "- March 13: Zhlobin to Gomel, 40 cars": an item with no verb and no train noun
    is one train, with its own ends, day (its departure, as a dated item with a train
    noun has it) and cars (:func:`~railtrack.extract.listing.listed_trips`). An item
    a train or group already has a place or day from is read already; an item in a
    sentence of no shipment (a museum train) or of a language not read is none.
    """
    draft, text = assembly.draft, assembly.text
    items = list_items(text) if "\n" in text else []
    if not items or _asks(assembly.default, "tells_of_road_only", text):
        return False  # (no list; lorries, nothing by rail)
    trips = listed_trips(text, assembly.default, lang)
    listed = {(t.start, t.end) for t in trips}
    for facts in (*draft.trains, *draft.groups):
        _only_its_own_item(facts, items, listed, assembly.default, text)
    added = False
    for trip in trips:
        if _item_read(draft, trip.start, trip.end) or _item_off(
            assembly, trip.start, trip.end, items
        ):
            continue
        train = TrainDraft()
        train.origin = Fact(trip.origin, trip.origin.text, trip.origin.start, trip.origin.end)
        train.destination = Fact(
            trip.destination, trip.destination.text, trip.destination.start, trip.destination.end
        )
        if trip.day is not None:
            window = resolve_date(trip.day, assembly.published)
            if window is None:
                draft.problems.append(
                    f"cannot date {trip.day.text!r}: {why_undated(trip.day, assembly.published)}"
                )
            elif trip.heading_day and window.earliest != window.latest:
                pass  # "Итоги недели (13-19 марта):" dates no item
            elif (
                window.earliest is None
                or window.latest is None
                or (window.latest - window.earliest).days <= MAX_TRIP_WINDOW_DAYS
            ):
                train.departure = Fact(window, trip.day.text, trip.day.start, trip.day.end)
                _seen_at_listed_time(train, trip, assembly.text)
        for count in trip.counts:
            if count.kind not in train.counts:
                train.counts[count.kind] = Fact(
                    _count_value(count), count.text, count.start, count.end, count.estimated
                )
        draft.trains.append(train)
        added = True
    return added


def _sentences_named(numbers: list[int]) -> str:
    """Return the sentences a problem names and its verb ("sentences 1 to 3 tell").

    >>> _sentences_named([3]), _sentences_named([1, 2, 3]), _sentences_named([1, 2, 4])
    ('sentence 3 tells', 'sentences 1 to 3 tell', 'sentences 1, 2 and 4 tell')
    """
    if len(numbers) == 1:
        return f"sentence {numbers[0]} tells"
    ordered = sorted(numbers)
    if ordered == list(range(ordered[0], ordered[-1] + 1)):
        return f"sentences {ordered[0]} to {ordered[-1]} tell"
    return f"sentences {', '.join(map(str, ordered[:-1]))} and {ordered[-1]} tell"


def _digest_of_trains(
    text: str, rd: Reader, published: date | None
) -> tuple[StationDigest, bool] | None:
    """Return a text's digest of trains by station and whether it is a tally, or None.

    Lines under a week's or a period's heading ("Итоги недели:", "За неделю:", "last
    week", a span of days) count trains told before: a tally (trial15 T4, T12).
    """
    digest = station_digest(text, rd) if "\n" in text else None
    if digest is None:
        return None
    heading = text[digest.heading[0] : digest.heading[1]]
    if not digest.past_day and (
        any(
            _asks(rd, q, heading)
            for q in ("names_digest", "names_week_count", "names_past_span", "recalls")
        )
        or names_recap_span(heading, rd.lang)
    ):
        return digest, True
    window = resolve_date(digest.day, published) if digest.day is not None else None
    if window is None or window.earliest is None or window.latest is None:
        return digest, False
    # ("13-19 марта:" is a week's lines; a night or "за суткі" is one day's)
    return digest, (window.latest - window.earliest).days + 1 >= _PERIOD_MIN_DAYS


def _digest_sentences(
    text: str, bounds: dict[int, tuple[int, int]], rd: Reader, published: date | None
) -> set[int]:
    """Return the sentences of a digest by station (read by :func:`_station_digest_trains`)."""
    found = _digest_of_trains(text, rd, published)
    if found is None:
        return set()
    low, high = found[0].span
    return {n for n, (first, last) in bounds.items() if first < high and last > low}


def _digest_tallies(digest: StationDigest, text: str, rd: Reader) -> list[TallyDraft]:
    """Return the tallies of a digest over a period, its heading's count first.

    "Итоги недели:" over "▪️ Лунинец — 2 эшелона": the week's trains, counted; the
    heading's own count ("За неделю ... прошли 6 воинских эшелонов:") is the week's
    tally too, said once on its line (trial19 T9).
    """
    out = []
    h_start, h_end = digest.heading
    head = rd.group_announcement(text[h_start:h_end])
    if head is not None:
        start, end = h_start + head.start, h_start + head.end
        out.append(TallyDraft(head.n_trains, False, start, end, head.text))
    for line in digest.lines:
        if line.cars_only:
            continue  # (cars (un)loaded, no count of trains told)
        start, end = line.counted
        out.append(TallyDraft(line.n_trains, False, start, end, text[start:end]))
    return out


def _station_digest_trains(assembly: _Assembly) -> bool:
    """Add the trains of a digest by station, a line each (trial15 T4); whether any.

    "За 19 траўня ў Беларусь прыбылі:" over "▪️ Лунінец — 2 эшалоны (36 і 40
    вагонаў)": two trains arrived at Luninets on 19 May, of 36 and 40 cars
    (:func:`~railtrack.extract.stationlists.station_digest`). A line's own verb and
    places come first (trial17 T2): "▪️ Брест — прибыл эшелон ... из Смоленска" arrived
    at Brest from Smolensk, "▪️ Орша — эшелон ... отправился в Смоленск" left Orsha for
    Smolensk, "▪️ Гомель — 2 эшелона ..., оба в сторону Калинковичей" were seen at Gomel
    heading for Kalinkovichi. A line with no verb of its own takes the heading's: the
    station is the end of trains it tells arrived, the origin of trains it tells left,
    else a place the trains were seen at. Its words of loading or unloading tell what
    happened at the station when it tells no verb ("▪️ Бобруйск — погрузка 30 платформ":
    a train loaded there, trial18b T8), and a train "from X" under a heading with no
    verb arrived there (:func:`_digest_line_role`). A bulleted line of the digest read
    as none is named in a problem that says what it lacks.
    """
    text, draft, rd = assembly.text, assembly.draft, assembly.default
    found = _digest_of_trains(text, rd, assembly.published)
    if found is None:
        return False
    digest, tally = found
    if tally:
        draft.tallies.extend(_digest_tallies(digest, text, rd))
        return False
    day = _digest_day(digest, assembly.published, draft.problems, text, assembly.day_summed)
    # "Из Беларуси в Россию за сутки ушли:": the far end the heading names
    far = {"arrival": "origin", "departure": "destination"}.get(digest.role or "")
    ends = [Fact(p, p.text, p.start, p.end) for p in digest.places if p.role == far]
    far_ends = {far: ends[-1]} if ends and far else {}  # (the line's trains' too)
    heading_no_verb = not rd.verb_cues(text[slice(*digest.heading)])
    for line in digest.lines:
        place = Fact(line.station, line.station.text, line.station.start, line.station.end)
        role = _digest_line_role(line, digest.role, heading_no_verb, text, rd)
        own = _digest_line_reading(line, text, rd)[1]
        group = _digest_line_group(line, draft, text)
        for k in range(line.n_trains):
            train = TrainDraft(last_role=None if role == "loading" else role, group=group)
            _place_digest_train(train, role, place, day, {**far_ends, **own})
            cars = line.cars[k] if k < len(line.cars) else ()
            for count in cars:
                train.counts[count.kind] = Fact(
                    _count_value(count), count.text, count.start, count.end, count.estimated
                )
            draft.trains.append(train)
    for start, end in digest.unread:
        said = text[start:end].strip()
        draft.problems.append(f"digest line {said!r} {why_unread(said)}: not read")
    return bool(digest.lines)


def _place_digest_train(
    train: TrainDraft, role: str | None, place: Fact, day: Fact | None, ends: dict[str, Fact]
) -> None:
    """Give a digest line's train its station as ``role`` says, and its ends.

    Arrived: the station is its end, the day its arrival; left: its origin, the day its
    departure; loaded (``loading``): its origin, seen there on the day, no departure
    yet (trial18b T8); else a place it was seen at on the day. ``ends`` holds the
    origin and destination the line (or the heading's far end) names.
    """
    if role == "loading":
        # "▪️ Бобруйск — погрузка 30 платформ": loaded there, where it starts
        train.origin, train.destination = place, ends.get("destination")
        if day is not None:
            train.sightings.append((place, day))
    elif role == "arrival":
        train.destination, train.arrival = place, day
        train.origin = ends.get("origin")
    elif role == "departure":
        train.origin, train.departure = place, day
        train.destination = ends.get("destination")
    else:
        train.via.append(place)
        if day is not None:
            train.sightings.append((place, day))
        train.origin, train.destination = ends.get("origin"), ends.get("destination")


def _digest_line_role(
    line: StationLine, heading_role: str | None, heading_no_verb: bool, text: str, rd: Reader
) -> str | None:
    """Return what a digest line's trains did at its station: its own words first.

    ``arrival``, ``departure``, ``loading`` or None (seen there). A line of cars
    (un)loaded with no train noun is what its stage says ("▪️ Калинковичи — разгрузка
    20 платформ": arrived, trial18 T5; "▪️ Бобруйск — погрузка 30 платформ": loaded,
    trial18b T8). Else the line's own verb of arriving or leaving, else its stage ("1
    ешелон (36 вагонів), розвантаження": arrived), else, when neither the line nor the
    heading tells a verb, a line whose trains came "from X" and go nowhere it names
    arrived at its station ("▪️ Брянск — 1 эшелон (46 вагонов) из Челябинска", trial18b
    T10), else the heading's verb.
    """
    staged = {"unloading": "arrival", "loading": "loading"}.get(line.stage or "")
    if line.cars_only and staged is not None:
        return staged
    role, own = _digest_line_reading(line, text, rd)
    if role is not None or staged is not None:
        return role or staged
    if (
        heading_role is None
        and heading_no_verb
        and "origin" in own
        and "destination" not in own
        and not rd.verb_cues(text[line.station.end : line.end])
    ):
        return "arrival"
    return heading_role


def _digest_line_reading(
    line: StationLine, text: str, rd: Reader
) -> tuple[str | None, dict[str, Fact]]:
    """Return a digest line's own verb role and the ends its own words name.

    "▪️ Брест — прибыл эшелон из 25 вагонов из Смоленска": ``arrival``, origin
    Smolensk; "▪️ Гомель — 2 эшелона: 30 и 33 вагона, оба в сторону Калинковичей": no
    role, destination Kalinkovichi (a heading, told so by the result's
    ``destination_heading``). The line's station is no end of its own words.
    """
    start = line.station.end
    said = text[start : line.end]
    roles = [v.role for v in rd.verb_cues(said) if v.role in ("arrival", "departure")]
    own: dict[str, Fact] = {}
    for p in rd.find_places(said):
        if p.role not in ("origin", "destination") or p.role in own:
            continue
        if p.text == line.station.text:
            continue
        at = replace(p, start=p.start + start, end=p.end + start, cue_start=p.cue_start + start)
        own[p.role] = Fact(at, at.text, at.start, at.end)
    return (roles[-1] if roles else None), own


def _digest_line_group(line: StationLine, draft: ReportDraft, text: str) -> int | None:
    """Return the group a digest line's trains make, if it has one; say what fits none.

    "▪️ Лунінец — 2 эшалоны (80 вагонаў)": the 80 cars are the two trains' total,
    held by a group of two (its trains get no count of their own). "3 эшалоны (30 і 41
    вагон)": the counts are the first trains', the third's is unknown; a line with
    more counts than trains gives none. Either mismatch is named in a problem.
    """
    said = text[line.start : line.end].strip()
    if line.miscounted:
        draft.problems.append(
            f"digest line {said!r} gives {len(line.miscounted)} car counts for "
            f"{line.n_trains} trains: none is given to a train"
        )
    elif line.n_trains > 1 and 0 < len(line.cars) < line.n_trains:
        draft.problems.append(
            f"digest line {said!r} gives {len(line.cars)} car counts for {line.n_trains} "
            f"trains: given to the first {len(line.cars)} in order, the others' unknown"
        )
    if line.total is None:
        return None
    total = line.total
    group = GroupDraft(n_trains=line.n_trains, members=[])
    group.counts[total.kind] = Fact(
        _count_value(total), total.text, total.start, total.end, total.estimated
    )
    group.members = list(range(len(draft.trains), len(draft.trains) + line.n_trains))
    draft.groups.append(group)
    return len(draft.groups) - 1


def _digest_day(
    digest: StationDigest,
    published: date | None,
    problems: list[str],
    text: str,
    summed: date | None = None,
) -> Fact | None:
    """Return the day a digest's heading dates its lines by, None for none."""
    return _heading_day(
        digest.day,
        digest.past_day,
        digest.day_of_post,
        digest.heading,
        published,
        problems,
        text,
        summed,
    )


def _heading_day(
    day: DateSpan | None,
    past_day: bool,
    day_of_post: bool,
    span: tuple[int, int],
    published: date | None,
    problems: list[str],
    text: str,
    summed: date | None = None,
) -> Fact | None:
    """Return the day a heading names: its one day, the post's, or "за сутки"'s two.

    ``summed`` is the day a day's digest with no date sums up (None: ``published``):
    "Итоги дня:" posted at 00:15 sums up the day before (trial18b T2).
    """
    start, end = span
    if day is not None:
        window = resolve_date(day, published)
        if window is None:
            why = why_undated(day, published)
            problems.append(f"cannot date {day.text!r}: {why}")
            return None
        return Fact(window, day.text, day.start, day.end)
    if past_day and published is not None:
        # "за суткі", "w ciągu doby": the day before the post and the post's day
        window = DateWindow(
            earliest=published - timedelta(days=1), latest=published, precision="days"
        )
        return Fact(window, text[start:end], start, end, inferred=True)
    summed = summed or published
    if day_of_post and summed is not None:
        # "Итоги дня:", "Podsumowanie dnia:": the post's own day (trial17b T8), the day
        # before for a post made just after midnight (trial18b T2)
        window = DateWindow(earliest=summed, latest=summed, precision="day")
        return Fact(window, text[start:end], start, end, inferred=True)
    return None


def _told_at(train: TrainDraft) -> int | None:
    """Where the text first tells of a train: its marker or its first fact."""
    facts = [
        f
        for f in (train.marker, train.origin, train.destination, train.departure, train.arrival)
        if f is not None
    ]
    return min((f.start for f in [*facts, *train.counts.values(), *train.via]), default=None)


def _dateline_sightings(assembly: _Assembly) -> None:
    """Give each train told after a dateline a sighting at its place, on its day (T17).

    "Лунинец, 12 апреля, 12:40. Эшелон со стороны Барановичей: 31 платформа ...": the
    train was seen at Luninets on 12 April at 12:40 (the time is read beside the day,
    :func:`railtrack.extract.result.time_beside`); the place is a via point, or the
    destination of a train told as arrived ("Лунинец, 12 апреля. Прибыл эшелон: ..."),
    dated by the dateline when it has no arrival day. A train with a destination or a
    place seen of its own keeps them alone (a news dateline names the newsroom's city).
    """
    draft, text = assembly.draft, assembly.text
    lines = datelines(text, assembly.default)
    for k, line in enumerate(lines):
        stop = lines[k + 1].place.start if k + 1 < len(lines) else len(text)
        window = resolve_date(line.day, assembly.published)
        if window is None or window.earliest is None:
            continue
        place = Fact(line.place, line.place.text, line.place.start, line.place.end)
        day = Fact(window, line.day.text, line.day.start, line.day.end)
        for train in draft.trains:
            at = _told_at(train)
            if train.vetoed or at is None or not line.place.start <= at < stop:
                continue
            if train.destination is not None or train.via or train.sightings:
                continue  # placed by the text itself: the dateline may be a newsroom's
            train.sightings.append((place, day))
            ends = [p for p in (train.origin, train.destination) if p is not None]
            if any(_same_place(p, place) for p in ends):
                continue
            if train.last_role == "arrival":
                train.destination = place
                train.arrival = train.arrival or day
            else:
                train.via.append(place)


# the marks around a word of a sentence split at spaces ("прошёл,", "(passed)")
_MARKS = ".,;:!?()«»\"'“”—–-"


def _counted_parts_by_sentence(assembly: _Assembly, text: str) -> list[CountedParts]:
    """Return the counted parts of a report, each read by its announcing sentence's reader.

    A mixed report (a relay quoting the original) reads a Belarusian announcement with
    the Belarusian reader, whatever the report's language (review17 #14).
    """
    default = assembly.default
    readers = {id(rd): rd for rd in (default, *assembly.sentence_readers.values())}
    found: list[CountedParts] = []
    for rd in readers.values():
        for parts in counted_parts(text, rd):
            n = next((k for k, (a, b) in assembly.bounds.items() if a <= parts.start < b), None)
            if n is None or assembly.sentence_readers.get(n, default) is rd:
                found.append(parts)
    return sorted(found, key=lambda parts: parts.start)


def _places_of_counted_parts(draft: ReportDraft, text: str, assembly: _Assembly) -> None:
    """Give the trains of a group split into counted parts each its part's place (T6).

    "Тры эшалоны: два — у Асіповічы, адзін — у Лунінец": two of the group's trains
    went to Asipovichy, one to Luninets (:func:`~railtrack.extract.grouparts.counted_parts`).
    A train told inside a part ("адзін", read as a train of its own) keeps its part;
    the others are given the parts in order. A group of fewer trains than its parts
    count is given more (up to the parts' count).
    """
    for found in _counted_parts_by_sentence(assembly, text):
        gi = next(
            (
                i
                for i, g in enumerate(draft.groups)
                if g.marker is not None and found.start <= g.marker.start < found.colon
            ),
            None,
        )
        if gi is None:
            continue
        group = draft.groups[gi]
        while len(group.members) < sum(p.n_trains for p in found.parts):
            group.members.append(len(draft.trains))
            draft.trains.append(TrainDraft(group=gi))
        members = [draft.trains[i] for i in group.members]
        places: dict[int, CountedPart] = {}
        left = [p.n_trains for p in found.parts]
        for train in members:
            at = _told_at(train)
            at = -1 if at is None else at
            k = next((k for k, p in enumerate(found.parts) if p.start <= at < p.end), None)
            if k is not None and left[k]:
                places[id(train)], left[k] = found.parts[k], left[k] - 1
        loose = iter(t for t in members if id(t) not in places)
        for k, part in enumerate(found.parts):
            for train in itertools.islice(loose, left[k]):
                places[id(train)] = part
        for train in members:
            given = places.get(id(train))
            for place in given.places if given is not None else ():
                setattr(train, place.role, Fact(place, place.text, place.start, place.end))


def _station_heading_places(assembly: _Assembly) -> None:
    """Give each train told under a station heading that station (issue 13 T5).

    "🔴 Асіповічы" over "Сёння раніцай прыбыў эшалон з 40 вагонаў": the train arrived
    at Asipovichy (:func:`~railtrack.extract.stationheads.station_headings`). A train
    told as arrived or unloaded takes the station as its end, one told as passing
    (the lexicon's ``passage``) as a place passed, seen there on its day if it has one,
    whatever end it is heading for ("🔴 Лунинец" over "через станцию в сторону Бреста
    проследовал эшелон": seen at Luninets). A train with an end or a place seen of its
    own keeps them alone; a place it passed ("праз Гомель") is no end and leaves the
    heading its end (trial18 T2), and an arrival there told as past at a time is seen
    there then (T7); a train told as leaving is not given the heading.

    Under a digest's title ("Итоги дня 22 мая", "Итоги дня:", "За суткі") a train
    with no day of its own takes the title's (trial17b T4). A heading whose lines
    tell of no train but of cars unloaded there ("Разгружают платформы с
    грузовиками") is a train unloaded at the station; one naming trains or cars that
    gives none says so in a problem.
    """
    draft, text, rd = assembly.draft, assembly.text, assembly.default
    heads = station_headings(text, rd)
    if not heads:
        return
    day = _title_day(
        text, heads[0].place.start, rd, assembly.published, draft.problems, assembly.day_summed
    )
    for k, head in enumerate(heads):
        stop = heads[k + 1].place.start if k + 1 < len(heads) else len(text)
        place = Fact(head.place, head.place.text, head.place.start, head.place.end)
        under = [
            t
            for t in draft.trains
            if not t.vetoed and (at := _told_at(t)) is not None and head.end <= at < stop
        ]
        for train in under:
            _place_under_heading(train, place, day, assembly)
        if not under:
            _train_of_heading_lines(assembly, head.place, place, day, head.end, stop)


def _place_under_heading(
    train: TrainDraft, place: Fact, day: Fact | None, assembly: _Assembly
) -> None:
    """Give one train told under a station heading the station, and the title's day."""
    text, rd = assembly.text, assembly.default
    at = _told_at(train)
    if at is None:
        return
    said = text[slice(*sentence_around(text, at))]
    undated = train.departure is None and train.arrival is None and not train.sightings
    if any(_asks(rd, "is_passage", w.strip(_MARKS)) for w in said.split()):
        ends = [p for p in (train.origin, train.destination) if p is not None]
        if train.via or train.sightings or any(_same_place(p, place) for p in ends):
            return  # (its own place)
        train.via.append(place)
        seen = _sentence_day(rd, text, sentence_around(text, at), assembly.published) or day
        if seen is not None:
            train.sightings.append((place, seen))
        return
    # a place passed on the way is no end of its own: "🔴 Жлобін" over "на станцыю
    # прыбыў ... Эшалон прыйшоў з Расіі праз Гомель" arrived at Zhlobin (trial18 T2)
    own = train.destination is not None or bool(train.sightings)
    if (
        train.origin is None
        and train.last_role == "departure"
        and "origin" in heading_station_roles(said, rd.lang)
    ):
        # "🔴 Барысаў" over "са станцыі адправіўся эшалон": it left the heading's
        # station (trial18b T5); a train told as leaving with no such words is not given it
        train.origin = place
    if not own and (train.last_role == "arrival" or _stage(rd, said) == "unloading"):
        train.destination = place
        if train.arrived is None and _arrival_told_in(rd, said):
            # "Сёння а 05:50 на станцыю прыбыў": the arrival at the heading's station
            # told as past, seen there at its time (trial18 T7)
            train.arrived = Fact(place.value.text.lower(), place.text, place.start, place.end)
    if undated and day is not None:
        if train.last_role == "departure":
            train.departure = day
        elif train.destination is not None and train.last_role == "arrival":
            train.arrival = day
        elif train.destination is not None and _same_place(train.destination, place):
            train.sightings.append((place, day))


def _arrival_told_in(rd: Reader, said: str) -> bool:
    """Whether a sentence tells an arrival as past and not denied ("на станцыю прыбыў")."""
    for verb in rd.verb_cues(said):
        if verb.role != "arrival" or not verb.past:
            continue
        if negated_before().search(said[max(0, verb.start - 24) : verb.start]):
            continue
        if told_as_past(said, verb, rd.lang):
            return True
    return False


def _train_of_heading_lines(
    assembly: _Assembly, head: PlaceSpan, place: Fact, day: Fact | None, start: int, stop: int
) -> None:
    """Read the lines under a station heading that told of no train (trial17b T4).

    "🔴 Гомель" over "Разгружают платформы с грузовиками.": cars unloaded at Gomel, a
    train there (seen on the title's day), its cars counted if the lines count them.
    "🔴 Калінкавічы" over "Ідзе пагрузка тэхнікі на платформы": a train loaded there,
    its origin, seen there (trial18b T8). Lines naming trains or cars that give no
    train say so in a problem.
    """
    text, rd, draft = assembly.text, assembly.default, assembly.draft
    said = text[start:stop].strip()
    if not said:
        return
    cars = rd.has_car_noun(said)
    stage = line_stage(said, rd)
    if stage is not None and cars:
        # unloaded there, its end; loaded there, where it starts (trial18b T8)
        train = TrainDraft(last_role="arrival" if stage == "unloading" else None)
        if stage == "unloading":
            train.destination = place
        else:
            train.origin = place
        for count in rd.find_car_counts(said):
            at = start + text[start:stop].find(said)
            train.counts[count.kind] = Fact(
                _count_value(count), count.text, at + count.start, at + count.end, count.estimated
            )
        if day is not None:
            train.sightings.append((place, day))
        draft.trains.append(train)
    elif cars or rd.has_train_noun(said):
        draft.problems.append(
            f"under the station heading {head.text!r}: {said!r} names trains or cars, "
            "but no train could be read from it"
        )


def _title_day(
    text: str,
    first_head: int,
    rd: Reader,
    published: date | None,
    problems: list[str],
    summed: date | None = None,
) -> Fact | None:
    """Return the day a digest's title above its station headings names, None for none.

    The title is the one line of text above the first heading ("Итоги дня 22 мая",
    "Вынікі дня:", "За суткі:"), telling no train of its own: its one day, the post's
    day for a day's digest with no date, the day before the post and the post's day
    for "за сутки".
    """
    above = text[: text.rfind("\n", 0, first_head) + 1]  # (the lines above the heading's)
    title = above.strip().rstrip(":").strip()
    if not title or "\n" in title or rd.has_train_noun(title):
        return None
    at = above.find(title)
    dates = rd.find_dates(title)
    past_day = names_past_day(title, rd.lang)
    day_of_post = names_day_digest(title, rd.lang)
    if len(dates) != 1 and not past_day and not day_of_post:
        return None
    if len(dates) == 1 and not (past_day or day_of_post) and rd.verb_cues(title):
        return None  # (a sentence, not a title)
    span = moved(dates[0], at) if len(dates) == 1 else None
    return _heading_day(
        span, past_day, day_of_post, (at, at + len(title)), published, problems, text, summed
    )


def _sentence_day(
    rd: Reader, text: str, bounds: tuple[int, int], published: date | None
) -> Fact | None:
    """Return the one day a sentence names ("Сёння ... прайшоў"), None for none or several."""
    days = rd.find_dates(text[bounds[0] : bounds[1]])
    window = resolve_date(days[0], published) if len(days) == 1 else None
    if window is None or window.earliest is None:
        return None
    day = moved(days[0], bounds[0])
    return Fact(window, day.text, day.start, day.end)


def _stage(rd: Reader, text: str) -> str | None:
    """Return ``loading`` or ``unloading`` when a reader that knows them says so."""
    stage = _ask(rd, "place_stage", text, None)
    return stage if isinstance(stage, str) else None


def _seen_at_listed_time(train: TrainDraft, trip: ListedTrip, text: str) -> None:
    """Give a listed train with a time of day a sighting at its first place then (T16).

    "Эшелоны за 10 апреля: — Жлобин — Гомель, 36 вагонов (08:20)": seen at Zhlobin on
    10 April at 08:20 (the date fact stands at the time, where
    :func:`railtrack.extract.result.time_beside` reads it).
    """
    dep, origin = train.departure, train.origin
    if trip.time is None or dep is None or origin is None:
        return
    if dep.value.earliest is None or dep.value.earliest != dep.value.latest:
        return
    start, end = trip.time
    seen = Fact(dep.value, f"{dep.text} {text[start:end]}", start, end)
    train.sightings.append((origin, seen))


def _own_end(rd: Reader, text: str, item: tuple[int, int], role: str) -> Fact | None:
    """Return the last place of ``role`` the list item ``item`` names, None for none."""
    found = [p for p in rd.find_places(text[item[0] : item[1]]) if p.role == role]
    if not found:
        return None
    p = found[-1]
    start, end = item[0] + p.start, item[0] + p.end
    return Fact(replace(p, start=start, end=end), p.text, start, end)


def _only_its_own_item(
    facts: _Facts,
    items: list[tuple[int, int]],
    listed: set[tuple[int, int]],
    rd: Reader,
    text: str,
) -> None:
    """Drop the places and days a train or group took from another train's list item.

    "- March 13: Zhlobin to Gomel, 40 cars ... - March 17: two trains from Belarus to
    Russia (35 and 28 cars)": the two trains of the last item are not going to the
    Gomel of the first. A fact is dropped only when it stands in an item told as a
    trip (``listed``) and the counts and marker all stand in one other item of
    ``items`` (a train told in a sentence of its own keeps what it read).
    """
    marker = facts.marker if isinstance(facts, (TrainDraft, GroupDraft)) else None
    anchors = [f.start for f in (marker, *facts.counts.values()) if f is not None]
    if isinstance(facts, GroupDraft):
        anchors += [f.start for f in facts.each.values()]
    if not anchors:
        return

    def item_of(at: int) -> int | None:
        return next((i for i, (a, b) in enumerate(items) if a <= at < b), None)

    own = {item_of(at) for at in anchors}
    mine = next(iter(own))
    if len(own) != 1 or mine is None:
        return

    def other(f: Fact | None) -> bool:
        if f is None or (at := item_of(f.start)) is None or at in own:
            return False
        return items[at] in listed

    for role in ("origin", "destination", "goal", "departure", "arrival"):
        if other(getattr(facts, role)):
            # a place: the one its own item names, passed over for the other's town
            own_end = _own_end(rd, text, items[mine], role) if role in _PLACE_ROLES else None
            setattr(facts, role, own_end)
    facts.via = [f for f in facts.via if not other(f)]


def _item_read(draft: ReportDraft, start: int, end: int) -> bool:
    """Whether a train or group of ``draft`` has a place or a day read in [start, end)."""
    for facts in (*draft.trains, *draft.groups):
        told = [facts.origin, facts.destination, facts.departure, facts.arrival, *facts.via]
        if any(f is not None and start <= f.start < end for f in told):
            return True
    return False


def _item_off(assembly: _Assembly, start: int, end: int, items: list[tuple[int, int]]) -> bool:
    """Whether the list item [start, end) tells of no shipment or is in a language not read.

    Items written without a full stop make one sentence: one item of no shipment (a
    rate of trains, a museum train) puts off that sentence, not the other items, so
    an item sharing its sentence is judged alone.
    """
    rd, published = assembly.default, assembly.published
    for n, (first, last) in assembly.bounds.items():
        if not first <= start < last:
            continue
        if sum(first <= a < last for a, _ in items) <= 1:
            return assembly.vetoing.get(n) is not None or n in assembly.sentences_off
        body = assembly.text[start:end]
        return (
            _no_shipment_kind(rd, body) is not None
            or _asks(rd, "is_hypothetical", body)
            or _is_history(rd, body, published)
            or _asks(rd, "counts_car_traffic", body)
        )
    return False


def _later_ordinal_goes_the_firsts_way(draft: ReportDraft, rd: Reader, text: str = "") -> None:
    """Give a train told by a later ordinal the ends of the train told before it.

    "Pociąg z Ukrainy dotarł do Kołobrzegu 6 kwietnia. Druga dostawa spodziewana jest
    13-14 kwietnia", "The second train is expected on 13 April", "Второй эшелон
    ожидается 13 апреля": the second train, told by its rank and its day only, goes the
    way of the one before it (its ends are inferred). Only a lone train marked by an
    ordinal other than "first", with a day of its own, takes them, from the nearest
    lone train before it that names an end, and only the ends it does not name (one it
    names must be the same place).
    """
    endless = {gi for gi in range(len(draft.groups)) if _endless_group(draft, gi, text, rd)}
    for k, train in enumerate(draft.trains):
        if train.group is not None and train.group in endless:
            _take_the_ends_before(draft, k)
            continue
        marker = train.marker
        if train.group is not None or marker is None or marker.value.kind != "ordinal":
            continue
        words = str(marker.value.text).lower().split()
        if any(w.startswith("first") or _asks(rd, "is_first_ordinal", w) for w in words):
            continue  # ("the first train ... rolled out in March 2011": a service's start)
        if train.departure is None and train.arrival is None:
            continue
        _take_the_ends_before(draft, k)


# words that tell trains as more of those told before ("dwa kolejne pociągi", "pięć
# takich transportów", "two more trains", "ещё два эшелона", "ще два ешелони")
_MORE_OF_THE_SAME = re.compile(
    r"(?<!\w)(?:kolejn|takich|takie|następn|more|further|such|ещ[её]|таких|такие|подобн|"
    r"наступн|ще|такі|яшчэ|такіх|такія)",
    re.IGNORECASE,
)


def _endless_group(draft: ReportDraft, gi: int, text: str, rd: Reader | None = None) -> bool:
    """Whether a group told as more of the same names no end and no place passed.

    "W drodze są dwa kolejne pociągi", "pięć takich transportów": more trains of the
    kind told before, with no way of their own; "at least two trains ... in Minsk and
    in Orsha" are trains of their own. So are the earlier trains a running count
    recalls ("Это уже третий эшелон за неделю, первые два прибыли 18 и 20 мая",
    trial17b T5): they went the way of the train counted.
    """
    group = draft.groups[gi]
    marker = group.marker
    if marker is None or not text:
        return False
    near = text[max(0, marker.start - 25) : marker.end + 30]
    if _MORE_OF_THE_SAME.search(near) is None and not _recalled_by_running_count(
        rd, text, marker.start
    ):
        return False
    if group.origin is not None or group.destination is not None or group.via:
        return False
    members = [draft.trains[i] for i in group.members if i < len(draft.trains)]
    # (trains seen "in Minsk and in Orsha" are sightings where they were, no way)
    return all(t.origin is None and t.destination is None and not t.via for t in members)


def _recalled_by_running_count(rd: Reader | None, text: str, at: int) -> bool:
    """Whether the trains named at ``at`` are those a running count before them recalls.

    "Это уже третий эшелон за неделю, первые два прибыли 18 и 20 мая", "To już trzeci
    pociąg w tym tygodniu, dwa pierwsze przyjechały 18 i 20 maja": an ordinal of a
    running count (:func:`railtrack.extract.runningcount.counts_running`) earlier in
    the same sentence, or in the sentence right before ("Это уже третий эшелон за
    неделю. Первые два эшелона прибыли 18 и 20 мая."), makes the trains after it the
    ones counted before.
    """
    if rd is None:
        return False
    start, _ = sentence_around(text, at)
    last = len(text[:start].rstrip()) - 1  # the stop of the sentence before, if any
    if last >= 0:
        start, _ = sentence_around(text, last)
    before = text[start:at]
    if not before.strip():
        return False
    return any(
        m.kind in _ORDINAL and counts_running(before, m.start, rd.lang)
        for m in rd.new_train_markers(before)
    )


def _take_the_ends_before(draft: ReportDraft, k: int) -> None:
    """Give ``draft.trains[k]`` the ends it lacks from the lone train told before it.

    "W drodze są dwa kolejne pociągi" after "Pierwszy pociąg z darami z Warszawy dotarł
    do Kijowa": more trains named with no way of their own go the way of the nearest
    lone train before them that names an end (inferred). A train whose own end differs
    from that train's goes elsewhere and takes nothing; so does one that names an end
    that train did not name ("Тем же вечером второй эшелон покинул Оршу" after a train
    told only as arriving in Gomel: nothing says the second went to Gomel, review19 #1).
    A train naming an end takes the others only when one of its ends is that train's.
    """
    train = draft.trains[k]
    before = next(
        (
            t
            for t in reversed(draft.trains[:k])
            if t.group is None and (t.origin is not None or t.destination is not None)
        ),
        None,
    )
    if before is None:
        return
    ends = [(getattr(train, r), getattr(before, r)) for r in ("origin", "destination")]
    if any(a is not None and b is not None and not _same_place(a, b) for a, b in ends):
        return  # (the second train goes elsewhere)
    if any(a is not None for a, _ in ends) and not any(
        a is not None and b is not None for a, b in ends
    ):
        return  # (its own ends, none shared: its way is its own, the day alone is shared)
    for role in ("origin", "destination"):
        had = getattr(before, role)
        if getattr(train, role) is None and had is not None:
            setattr(train, role, Fact(had.value, had.text, had.start, had.end, inferred=True))


def _tallies_of_undescribed_groups(draft: ReportDraft) -> None:
    """Turn each group counted over a past span, none of its trains described, to a tally.

    "Since February ... at least 20 echelons" or "In January, about 15 trains arrived"
    at the end of a relay counts trains, it tells of none: listing them would add
    trains no one saw (trial10 T2). "Two batches ... over the past few days. The first
    batch ..." describes its trains: a group.
    """
    tallied = [
        g
        for g, group in enumerate(draft.groups)
        if group.tally
        and not group.members
        and (group.firm_tally or not (group.counts or group.each or group.series))
    ]
    if not tallied:
        return
    for g in tallied:
        tally = draft.groups[g].tally
        if tally is not None:
            draft.tallies.append(tally)
    keep = [g for g in range(len(draft.groups)) if g not in tallied]
    new_index = {old: new for new, old in enumerate(keep)}
    draft.groups = [draft.groups[g] for g in keep]
    draft.trains = [t for t in draft.trains if t.group not in tallied]
    for train in draft.trains:
        if train.group is not None:
            train.group = new_index.get(train.group)


def _say_short_groups(draft: ReportDraft, *, max_group_trains: int) -> None:
    """Add a problem for each group kept with fewer trains listed than it counts.

    "Od początku roku ... 33 pociągi" told with a train beside it keeps ``n_trains``
    33 and lists at most ``max_group_trains`` trains; trains told with nothing to
    track are dropped. Either way the user is told why the numbers differ, never left
    to guess (trial10 T20).
    """
    for g, group in enumerate(draft.groups):
        n = group.n_trains
        listed = sum(1 for t in draft.trains if t.group == g)
        if n is None or listed >= n:
            continue
        told = f" ({group.marker.text!r})" if group.marker is not None else ""
        if listed == max_group_trains:
            why = (
                f"only the first {max_group_trains} are listed as trains "
                "(setting extract_max_group_trains)"
            )
        else:
            why = f"{n - listed} of them are told with nothing to track"
        draft.problems.append(
            f"group of {n} trains{told} lists {listed}: {why}; the group keeps n_trains {n}"
        )


def _totals_pinned_by_groups(draft: ReportDraft) -> None:
    """Give a train of a group the total the group's total leaves it.

    "The second, about 30 flatcars ... In both trains, a total of 75 cars" after a first
    train of 45: the 30 flatcars are the whole second train, exactly as "A train of about
    30 flatcars" says it, not a part of a train of unknown size (whose total would be
    a lower bound). Only a train counted in kinds of car with no total, whose kinds add
    up to what the group's exact total leaves after its other trains' totals, is given
    that total (the kinds' own facts, so an estimate stays an estimate).
    """
    for group in draft.groups:
        total = group.counts.get("total")
        members = [draft.trains[i] for i in group.members if i < len(draft.trains)]
        if total is None or isinstance(total.value, AtLeast) or len(members) < 2:
            continue
        open_ = [t for t in members if "total" not in t.counts and t.counts]
        if len(open_) != 1 or len(members) - 1 != sum("total" in t.counts for t in members):
            continue
        train = open_[0]
        others = sum(int(t.counts["total"].value) for t in members if t is not train)
        kinds = list(train.counts.values())
        if int(total.value) - others != sum(int(f.value) for f in kinds):
            continue
        train.counts["total"] = (
            kinds[0]
            if len(kinds) == 1
            else Fact(int(total.value) - others, total.text, total.start, total.end, inferred=True)
        )


def _times_listed_for_groups(draft: ReportDraft, text: str, published: date | None) -> None:
    """Give each train of a group its own time of day when the count lists one each.

    "Сегодня через Жлобин прошли 3 эшелона: в 8:00, 12:30 и 19:10": the first train was
    seen at Zhlobin at 8:00, the second at 12:30, the third at 19:10, not all three at
    the first time (or none) (trial13 T9, :func:`~railtrack.extract.clocklists.listed_times`).
    The time is the sighting's, read where its date fact stands; trains seen at a place
    with no day told ("за сутки через Оршу прошли три эшелона: в 06:10, ...") were seen
    on the published day.
    """
    for group in draft.groups:
        members = [draft.trains[i] for i in group.members if i < len(draft.trains)]
        if group.marker is None or len(members) < 2:
            continue
        spans = listed_times(text, group.marker.start, len(members))
        if spans is None:
            continue
        for train, (start, end) in zip(members, spans, strict=True):
            clock = text[start:end]
            if train.sightings:
                train.sightings = [
                    (place, Fact(day.value, f"{day.text} {clock}", start, end))
                    if day.value.precision == "day"
                    else (place, day)
                    for place, day in train.sightings
                ]
            elif train.via and published is not None and not _has_a_day(train):
                window = DateWindow(earliest=published, latest=published, precision="day")
                train.sightings = [(train.via[0].shared(), Fact(window, clock, start, end))]


def _has_a_day(facts: _Facts) -> bool:
    """Whether a train or group has a departure or an arrival day told."""
    return facts.departure is not None or facts.arrival is not None


def _nothing_to_track(train: TrainDraft, *, tracked: bool) -> bool:
    """Whether a train gives nothing to track: only a country, a make-up, vague, no place."""
    return (
        _only_a_country(train, beside_tracked=tracked)
        or _only_a_make_up(train)
        or _only_vague(train)
        or _no_place(train)
    )


def _seen_heading_for_a_country(train: TrainDraft, text: str, lang: str) -> bool:
    """Whether a lone train's only fact is a country it was seen heading for.

    "A huge train with military equipment was seen moving towards Ukraine", "Эшелон
    движется в направлении Украины": one train on its way, whose heading an analyst
    records (``extract/headings.py``); "переброска в Беларусь" is no heading and stays
    news about trains in general (:func:`_only_a_country`).
    """
    dest = train.destination
    return (
        dest is not None
        and train.origin is None
        and not train.vague
        and train.group is None
        and is_broad(dest.value.text)
        and told_as_heading(text, dest.start, lang)
    )


def _at_a_station_in_a_region(train: TrainDraft, text: str, lang: str = "en") -> bool:
    """Whether a lone train's only fact is a station told only by its region.

    "Ешелон прибув на залізничну станцію у Воронезькій області", "a train left a station
    in the Voronezh region": one train at one (unnamed) station, whose region an analyst
    records so that a window can be computed, dated or not; "переброска в Воронежскую
    область", with no station word before the region, stays news about trains in general
    (:func:`_only_a_country`).
    """
    if train.group is not None or train.vague or train.via:
        return False
    places = [getattr(train, role) for role in (*_PLACE_ROLES, "goal")]
    places = [p for p in places if p is not None]
    if len(places) != 1 or not _names_region(places[0].value.text):
        return False
    start = places[0].start
    reach = lexicon(lang).station_word_reach  # characters back to a station word
    lead = text[max(0, start - reach) : start]
    breaks = list(_SENTENCE_BREAK.finditer(lead))
    if breaks:
        lead = lead[breaks[-1].end() :]
    return _names_a_station(lead, lang)


def _names_a_station(text: str, lang: str) -> bool:
    """Whether ``text`` holds a word for a station (the lexicon's ``station_words``).

    Examples
    --------
    >>> _names_a_station("на один із залізничних вокзалів у", "uk")
    True
    >>> _names_a_station("na jeden z dworców w", "pl"), _names_a_station("troops in", "en")
    (True, False)
    """
    words = lexicon(lang).station_words
    return words is not None and words.search(text) is not None


def _drop_trains_of_no_shipment(assembly: _Assembly) -> None:
    """Drop the trains without facts, vetoed, or told of beside a show or a service."""
    draft, military, vetoing = assembly.draft, assembly.military, assembly.vetoing
    # (people on another train, "pociąg z 475 pasażerami", say nothing of this one)
    told_again = any(kind in ("exhibition", "timetable") for kind in vetoing.values())
    # a report that tells of a museum train or a service in two sentences or more is
    # about it: only a separate dated, routed military shipment stays
    about_service = sum(kind is not None for kind in vetoing.values()) >= 2
    only_people_cars = _only_people_cars(assembly)
    for t in draft.trains:
        if t.group is not None and id(draft.groups[t.group]) in military:
            military.add(id(t))
    draft.trains = [
        t
        for t in draft.trains
        if (_has_facts(t) or t.group is not None)
        and not t.vetoed
        and (t.group is None or id(draft.groups[t.group]) not in assembly.vetoed_groups)
        and not (told_again and _told_again(t, military))
        and not (told_again and _show_told_again(t, assembly.shows))
        and not (about_service and not _kept_beside_a_service(t, military))
        and not (only_people_cars and _passengers_only(t, military))
    ]


def _only_people_cars(assembly: _Assembly) -> bool:
    """Whether the report names no car but passenger cars, and no military word.

    A report that names platforms or tank cars, counted or not, has more than people;
    its car nouns are read only when a train has passenger cars alone (reading them
    tokenises the whole report, half a Belarusian report's time when asked of each).
    """
    default, text = assembly.default, assembly.text
    car_kinds = getattr(default, "car_kinds", None)
    return (
        car_kinds is not None
        and any(_passengers_only(t, assembly.military) for t in assembly.draft.trains)
        and car_kinds(text) <= {"total"}
        and not _is_military(default, text)
    )


# a date window wider than this is a period of traffic ("з 1 квітня по 30 вересня"),
# not one train's departure or arrival (a month named alone is 31 days at most)
MAX_TRIP_WINDOW_DAYS = 45
_RETURN = "return"
_ORDINAL = frozenset({"ordinal", "weak"})  # "the first", "drugi": a train of a group in order
# markers whose clause may leave out the verb told before ("другой (44 вагона) — 11 мая
# в Брест", "the other in Brest": trial15 T1)
_ELIDING = _ORDINAL | {"other", "another"}
# a comma that joins two clauses of their own ("..., а ретропоезд ушёл", "..., while a")
_CLAUSE_JOINT = re.compile(
    r",\s*(?=(?:а|a|але|але ж|но|ale|zaś|natomiast|while|whereas|and|и|і|i|тады як|тогда как|"
    r"тоді як)\s)",
    re.IGNORECASE,
)
_JOINT = re.compile(r",\s*|\s(?:а|и|і|й|ды|та|затем|потом|потім|потым)\s", re.IGNORECASE)


def _split_returns(
    pieces: list[tuple[Clause, cues.TrainMarker | None]], rd: Reader, home: str | None
) -> list[tuple[Clause, cues.TrainMarker | None]]:
    """Cut a piece where the train goes back ("..., а затем вернулся в Полонку").

    The words from the verb of return on are marked ``return``: they describe the
    trip back, a shipment of its own. It is a trip back only when it goes to the
    specific place the train came from (``home``, or an origin before the verb):
    "эшелон вернулся в Россию" alone is the train's one trip.
    """
    return_at = getattr(rd, "return_at", None)
    if return_at is None:
        return pieces
    out: list[tuple[Clause, cues.TrainMarker | None]] = []
    for piece, marker in pieces:
        at = return_at(piece.text)
        if at is None or not (
            _goes_home(rd, piece.text, at, home)
            or _names_the_trip_back(rd, piece.text, at)
            or _back_from_an_arrival(rd, piece.text, at, home)
        ):
            out.append((piece, marker))
            continue
        # the trip back starts at the comma or conjunction before the verb ("а 5 марта")
        joints = list(_JOINT.finditer(piece.text, 0, at))
        at = joints[-1].end() if joints else at
        if piece.text[:at].strip():
            head = Clause(piece.text[:at], piece.start, piece.start + at, piece.sentence)
            out.append((head, marker))
        tail = Clause(piece.text[at:], piece.start + at, piece.end, piece.sentence)
        out.append((tail, cues.TrainMarker(_RETURN, 0, 0, "")))
    return out


def _plural_only(rd: Reader, text: str, reader: _ClauseReader) -> bool:
    """Whether a clause names trains only in the plural, uncounted and not at a station.

    Such a train ("trains from China", "поезда ... из Татарстана") is kept only when
    a date or a count later makes it one train.
    """
    return not (
        reader.counts or rd.has_train_noun(text, singular=True) or reader.staged_at_station()
    )


def _other_trains(rd: Reader, text: str, reader: _ClauseReader) -> bool:
    """Whether a clause speaks of other trains in the plural, uncounted.

    "Earlier, trains with Russian equipment arrived in the Baranovichi area" after one
    train is described (not trains named in the plural), with no group in play, is
    news of other trains: its places and dates are not the current train's.
    """
    return (
        rd.has_train_noun(text)
        and not rd.has_train_noun(text, singular=True)
        and not reader.counts
        and rd.group_announcement(text) is None
    )


def _recapped_group(
    draft: ReportDraft, n_trains: int | None, reader: _ClauseReader
) -> GroupDraft | None:
    """Return the group a later announcement only sums up, else None.

    "Thus, in just a few days, Russia transferred two more echelons" after both
    trains were described is that group again, not two more trains: the last group
    has as many trains, all described, and the words name no station and no date.
    """
    if not draft.groups or n_trains is None:
        return None
    last = draft.groups[-1]
    if last.n_trains != n_trains or len(last.members) < n_trains:
        return None
    described = [draft.trains[i] for i in last.members if i < len(draft.trains)]
    if not all(_has_facts(t) for t in described):
        return None
    if reader.dates or any(not is_broad(p.text) for p in reader.places):
        return None
    return last


def _in_passing(group: GroupDraft) -> bool:
    """Whether a group is only named: no train of it described, no count, date or station."""
    if group.members or group.counts or group.each or group.series:
        return False
    if group.departure is not None or group.arrival is not None:
        return False
    places = [getattr(group, r) for r in ("origin", "destination", "goal")]
    return all(p is None or is_broad(p.value.text) for p in places)


# ("the other with 41": English names the count as the Slavic languages do)
def _elided_count(train: TrainDraft, previous: TrainDraft, reader: _ClauseReader) -> None:
    """Read "drugi 40", "во втором — 40", "другий — з 35" after a train counted in full.

    The car word is left out: the number that ends the clause (the reader's
    ``find_bare_count``; not a day or a time of the clause) counts the kind of car the
    train before was counted in (its total when it was counted in several kinds).
    """
    found = reader.rd.find_bare_count(reader.text)
    if found is None or any(
        span.start < found.end and found.start < span.end
        for span in reader.rd.find_dates(reader.text)
    ):
        return
    kinds = [k for k in previous.counts if k != "total"] or ["total"]
    fact = reader._count_fact(found)
    train.counts[kinds[0] if len(kinds) == 1 else "total"] = fact


def _drop_passing_groups(draft: ReportDraft) -> None:
    """Drop groups mentioned in passing before a group the report describes.

    "Замість 5 ешелонів, які відправилися на Донбас, прибувають нові ... прибуло 2
    ешелони: перший ..., другий ...": the five are other news; the report is about the
    two it describes. A group with nothing described after it (a lone "16 эшелонов",
    several groups only counted) stays.
    """
    passing = {
        i
        for i, g in enumerate(draft.groups)
        if _in_passing(g) and any(later.members for later in draft.groups[i + 1 :])
    }
    if not passing:
        return
    keep = [i for i in range(len(draft.groups)) if i not in passing]
    new_index = {old: new for new, old in enumerate(keep)}
    draft.groups = [draft.groups[i] for i in keep]
    for train in draft.trains:
        if train.group is not None:
            train.group = new_index.get(train.group)


def _is_statistic(rd: Reader, text: str, clauses: list[Clause], sentence: int) -> bool:
    """Whether a sentence counts trains over a period or at a rate: no group.

    "В течение отчетной недели ... 14 поездов следовали в Украину", "щодня 5 потягів":
    trains counted, not described (the real corpus's ``aggregate`` rule).
    """
    is_statistic = getattr(rd, "is_statistic", None)
    if is_statistic is None:
        return False
    spans = [(c.start, c.end) for c in clauses if c.sentence == sentence]
    return bool(is_statistic(text[spans[0][0] : spans[-1][1]]))


_DIGIT = re.compile(r"\d")
_GLOSS = re.compile(r"\([^()]*\)")
_PARALLEL = re.compile(r"[,;]\s+(?:а|a|и|і|й|та|ды|oraz|while|whereas)\s+", re.IGNORECASE)


# a count of trains dated only by a span at least this long ("В январе", "с 10 по 15
# марта", "last week") counts them over a period: a tally, not trains told (a night
# "с 5 на 6 марта" or a weekend is two days, still one trip's day)
_PERIOD_MIN_DAYS = 3
# a month or longer ("В январе", "W lutym"): trains counted over it are a tally even
# with their cars counted
_MONTH_DAYS = 28


def _left_by(facts: _Facts, published: date | None) -> bool:
    """Whether the facts date a departure told no later than the report's day."""
    dep = facts.departure
    if dep is None or published is None or dep.value.latest is None:
        return False
    return bool(dep.value.latest <= published)


def _passes_ahead(rd: Reader, text: str, verb: cues.VerbCue) -> bool:
    """Whether ``verb`` tells a passage still to come ("пройдут через Оршу", "will pass").

    A neutral verb of a train on its way (the lexicon's ``passage`` stems) that is not
    past (its ``forward`` words: "пройдут", "пройдзе", "przejadą"), or an English
    neutral verb in the future ("will pass through Orsha") (trial12 T2).
    """
    if verb.role != "neutral":
        return False
    is_future = getattr(rd, "is_future", None)
    if is_future is not None:
        return bool(is_future(text, verb.start))
    is_passage = getattr(rd, "is_passage", None)
    return not verb.past and is_passage is not None and is_passage(text[verb.start : verb.end])


def _leaves_later(rd: Reader, text: str, verbs: list[cues.VerbCue] | None = None) -> bool:
    """Whether a clause's only verbs of moving are departures or passages told ahead.

    A lexicon language's verb that is not past is one told ahead (its ``forward``
    words); an English one must be ("will leave", not "is heading"). A passage told
    ahead ("через Оршу пройдёт эшелон", "will pass through Orsha") counts as one
    (:func:`_passes_ahead`). ``verbs`` are the text's verbs when already read.
    """
    found = rd.verb_cues(text) if verbs is None else verbs
    moving = [v for v in found if v.role != "neutral"]
    if not moving:
        ahead = [v for v in found if _passes_ahead(rd, text, v)]
        return bool(ahead) and len(ahead) == len(found)
    if not moving or any(v.role != "departure" or v.past for v in moving):
        return False
    is_future = getattr(rd, "is_future", None)
    return is_future is None or all(is_future(text, v.start) for v in moving)


def _counted_over_a_span(piece: Clause, reader: _ClauseReader, rd: Reader) -> bool:
    """Whether a piece counts trains over a past span and names no station.

    "In January, about 15 trains arrived from Russia", "W ciągu ostatniego tygodnia z
    Białorusi do Rosji wyjechało co najmniej pięć pociągów", "В период с 10 по 15 марта
    из Беларуси в Россию убыло не менее 4 эшелонов": a month, a past week or a range
    of days, with countries or regions for ends. A station named ("Over the past three
    days, 4 echelons arrived at Luninets", "в апреле do portu w Kołobrzegu") makes the
    trains ones an analyst lists, unless the span runs from one day to another ("From
    10 to 14 April 7 trains passed Zhlobin"): a channel's count over the days it told
    train by train, a tally.
    """
    if reader.claim in ("planned", "expected") or _leaves_later(rd, piece.text):
        return False  # ("We wrześniu wyjadą trzy pociągi do Chin": trains planned)
    if any(not is_broad(p.text) for p in reader.places):
        # "С 10 по 14 апреля через Жлобин прошло 7 эшелонов", "W dniach 10-14 kwietnia
        # do Brześcia przyjechało 7 pociągów": trains counted from one day to another
        # are a tally even at a station, like a week's count (trial13 T11)
        return all(span.is_day_range for span in reader.dates) and _dated_over_a_period(
            reader, _PERIOD_MIN_DAYS
        )
    if _dated_over_a_period(reader, _MONTH_DAYS):
        return True
    names_past_span = getattr(rd, "names_past_span", None)
    return (names_past_span is not None and names_past_span(piece.text)) or _dated_over_a_period(
        reader, _PERIOD_MIN_DAYS
    )


def _counted_in_a_plan(piece: Clause, counted: int, reader: _ClauseReader, rd: Reader) -> bool:
    """Whether a piece counts trains only in a plan or a need, with nothing of their own.

    "A total number of 400 wagons of weapons ... (22 echelons) will be withdrawn from
    the military base", "Up to 30 trains will be needed", "Из Грузии будут выведены 22
    эшелона": trains counted under a word of the lexicon's ``plan_words``, with no verb
    told as done, no day and no place, are a plan with no train (the real corpus's
    labelling rules), not trains to list. A day or a place ahead ("Two trains will
    leave Baranovichi on 5 March", "13 trains ... will be sent to railway stations in
    Rostov Oblast", "three more trains with corn from Ukraine will enter the country")
    makes them trains an analyst lists as planned or expected. The plan word is looked
    for up to the first comma after the count (``counted``: where it ends): "Kolejne
    trzy pociągi są w drodze, dzięki czemu możliwe będzie zgromadzenie do 6000 ton"
    tells trains on their way; the plan is the tonnage's.
    """
    if reader.dates or reader.places:
        return False
    comma = piece.text.find(",", counted)
    text = piece.text if comma < 0 else piece.text[:comma]
    for verb in rd.verb_cues(text):
        # (a participle after a plan word is ahead: "будут выведены", "zostaną wysłane")
        if told_as_past(text, verb, rd.lang) and not told_as_plan(
            text[max(0, verb.start - 24) : verb.start], rd.lang
        ):
            return False  # ("22 echelons have already left ..."): trains told
    return told_as_plan(text, rd.lang)


def _is_digest(piece: Clause, line: str, reader: _ClauseReader, rd: Reader) -> bool:
    """Whether a piece counting trains is a digest of a week or a period, a firm tally.

    A channel's round-up of its week ("Итоги недели: за неделю в Беларусь прибыло 3
    эшелона (около 110 вагонов), из Беларуси убыл 1 эшелон", "Weekly summary: ...",
    "Підсумки тижня", "Вынікі тыдня", "Podsumowanie tygodnia") counts the trains its
    posts told one by one: listing them again would count each twice (trial11 T2).
    A piece is one when its ends are countries or regions (no station named), it is
    not told ahead, and its sentence (on the count's line: a heading on a line of its
    own heads a list of trains) is headed as a digest (the readers' ``names_digest``)
    or counts trains both in and out (an arrival and a departure verb) over a named
    week or a longer span ("This week 3 trains arrived in Belarus
    from Russia, and one left for Russia"). Its trains are then a tally whatever is
    said of their cars. A piece dated by a day of its own (an item of a digest's
    list) tells that day's trains.

    A digest's heading, a count over one week ("За неделю в Брест прибыло 2 эшелона",
    "w ciągu jednego tygodnia") or an earlier count recalled over a past span
    ("Напомним, в феврале в Барановичи ... прибыли четыре эшелона") is the cue, whatever
    the places: a station named makes no difference (trial12 T13); without a cue,
    trains counted in and out over a week are a digest only between countries or
    regions.
    """
    if reader.claim in ("planned", "expected") or _leaves_later(rd, piece.text):
        return False
    if reader.dates and not _names_a_week(piece, reader, rd):
        return False  # ("- 8 апреля: два эшелона ..." under the heading: that day's trains)
    if _asks(rd, "names_digest", line) or _counted_as_background(piece, line, reader, rd):
        return True
    if any(not is_broad(p.text) for p in reader.places):
        return False
    if _recapped(piece, line, reader, rd):
        return True
    roles = {v.role for v in rd.verb_cues(line)}
    if not {"arrival", "departure"} <= roles:
        return False
    return _names_a_week(piece, reader, rd)


def _counted_as_background(piece: Clause, line: str, reader: _ClauseReader, rd: Reader) -> bool:
    """Whether trains told as past are counted over one week, or recalled over a span.

    "За неделю в Брест прибыло 2 эшелона", "Four trains arrived in Baranavichy within
    one week" (the readers' ``names_week_count``), "Напомним, в феврале в Барановичи
    прибыли четыре эшелона", "Przypomnijmy, że w lutym ..." (``recalls``, with a month,
    a week or a range of days): a tally, not trains to list again (trial12 T13).
    Trains that will go ("за неделю прибудут") are not counted.
    """
    moving = [v for v in rd.verb_cues(piece.text) if v.role != "neutral"]
    if not moving or not all(v.past for v in moving):
        return False
    if _asks(rd, "names_week_count", line):
        return True
    return _asks(rd, "recalls", line) and _names_a_week(piece, reader, rd)


def _recapped(piece: Clause, line: str, reader: _ClauseReader, rd: Reader) -> bool:
    """Whether trains told as past are recalled over last week or month (trial15 T11).

    "Last week, five trains (more than 200 cars in total) arrived in Belarus", "На
    мінулым тыдні ў Беларусь прыбылі пяць эшалонаў, агулам больш за 200 вагонаў", "Last
    month, 23 trains arrived in Belarus": with no station (checked by the caller) and
    no day of their own, trains the report told before, a tally
    (:func:`~railtrack.extract.recaps.names_recap_span`); over a week, only when their
    cars are summed.
    """
    if _one_day(reader.dates) is not None or not names_recap_span(line, rd.lang):
        return False
    moving = [v for v in rd.verb_cues(piece.text) if v.role != "neutral"]
    if not moving or not all(v.past for v in moving):
        return False
    # over last month, as over a month named, a tally; over last week only when it
    # sums their cars ("more than 200 cars in total"): "Last week, five echelons left
    # Belarus for the Donbas" may be the week's news, trains to list
    month = any(_MONTH.search(span.get("rel") or "") for span in reader.dates)
    return month or bool(rd.find_car_counts(line))


_MONTH = re.compile(r"month", re.IGNORECASE)  # a relative span of a month ("last month")
# relative spans of a week or a month ("this week", "на этой неделе", "last month")
_WEEK_OR_MONTH = re.compile(r"week|month", re.IGNORECASE)


def _names_a_week(piece: Clause, reader: _ClauseReader, rd: Reader) -> bool:
    """Whether a piece is dated by a week, a month or a past span of at least three days."""
    if any(_WEEK_OR_MONTH.search(span.get("rel") or "") for span in reader.dates):
        return True
    return _asks(rd, "names_past_span", piece.text) or _dated_over_a_period(
        reader, _PERIOD_MIN_DAYS
    )


def _firm_tally(piece: Clause, announced: int, reader: _ClauseReader, rd: Reader) -> bool:
    """Whether trains counted over a span are a tally whatever is told of their cars.

    Over a month or longer, or counted as a lower bound ("не менее 4 эшелонов (около
    180 вагонов)", "co najmniej pięć pociągów, łącznie ponad 200 wagonów"), they are;
    over a week or a few days, counted exactly, cars told of them ("between 1 and 3
    March three trains ... They carried 20 tank cars") make them trains to list.
    """
    return _dated_over_a_period(reader, _MONTH_DAYS) or _bound_before(rd, piece.text, announced)


def _dated_over_a_period(reader: _ClauseReader, min_days: int) -> bool:
    """Whether a piece is dated only by spans of days that began before publication.

    "In January, about 15 trains arrived", "В период с 10 по 15 марта ... убыло 4
    эшелона", "W lutym przyjechało 12 pociągów": trains counted over a month, a week or
    a range of days are a tally (the real corpus's ``aggregate``), whatever the
    language. A list of days ("on 12 and 14 January") dates one train each, and a span
    ahead ("в ближайшие дни") is a plan, not a count over a period.
    """
    spans = reader.dates
    if not spans or any(span.days or span.is_relative for span in spans):
        return False  # ("last week, five echelons left": a week's trains an analyst lists)
    for span in spans:
        window = resolve_date(span, reader.published)
        if window is None or window.earliest is None or window.latest is None:
            return False
        if (window.latest - window.earliest).days + 1 < min_days:
            return False
        if reader.published is not None and window.earliest >= reader.published:
            return False
    return True


def _tally(announcement: cues.GroupAnnouncement, piece: Clause, rd: Reader) -> TallyDraft:
    """Return the tally a piece counts, a lower bound when the count is one."""
    start, end = piece.start + announcement.start, piece.start + announcement.end
    at_least = isinstance(announcement.n_trains, AtLeast) or _bound_before(
        rd, piece.text, announcement.start
    )
    return TallyDraft(announcement.n_trains, at_least, start, end, announcement.text)


def _bound_before(rd: Reader, text: str, at: int) -> bool:
    """Whether a lower bound ("не менее", "at least", "co najmniej") ends just before ``at``."""
    bound_before = getattr(rd, "bound_before", None)
    return bool(bound_before(text, at)) if bound_before is not None else False


def _parallel_at(text: str, rd: Reader) -> int | None:
    """Where a clause turns to a second train told in parallel, else None.

    "на станцию Иловайск прибыло 6 цистерн, а на станцию Амвросиевка - 20 платформ":
    each half names its own place of one role and its own count of cars, so each is
    a train of its own (the counts are never shared).
    """
    # (cheap first: each half needs a number before places and counts are read)
    joints = [
        j
        for j in _PARALLEL.finditer(text)
        if _DIGIT.search(text, 0, j.start()) and _DIGIT.search(text, j.end())
    ]
    if not joints:
        return None
    places = [(p.start, p.role) for p in rd.find_places(text) if p.role in _PLACE_ROLES]
    counts = [c.start for c in rd.find_car_counts(text)]
    for joint in joints:
        left = {role for start, role in places if start < joint.start()}
        right = {role for start, role in places if start >= joint.end()}
        if (
            left & right
            and any(c < joint.start() for c in counts)
            and any(c >= joint.end() for c in counts)
        ):
            return joint.end()
    return None


def _is_road(rd: Reader, clause: Clause) -> bool:
    """Whether a clause tells of a road convoy, not a train ("колонна из 8 грузовиков")."""
    is_road = getattr(rd, "is_road", None)
    return bool(is_road(clause.text)) if is_road is not None else False


def _repeated_sentences(text: str, clauses: list[Clause]) -> set[int]:
    """Return the sentences that repeat an earlier one word for word (read once).

    A stored page that repeats a paragraph ("Так, первый контейнерный поезд ... 13
    августа" twice) tells of one train, not two. Only a sentence long enough to be a
    statement (eight words or more) counts: "Он прибыл." may well be said twice.
    """
    bounds: dict[int, tuple[int, int]] = {}
    for c in clauses:
        first, last = bounds.get(c.sentence, (c.start, c.end))
        bounds[c.sentence] = (min(first, c.start), max(last, c.end))
    seen: set[str] = set()
    repeated: set[int] = set()
    for number in sorted(bounds):
        first, last = bounds[number]
        words = text[first:last].lower().split()
        if len(words) < 8:
            continue
        key = " ".join(words)
        if key in seen:
            repeated.add(number)
        seen.add(key)
    return repeated


_SEGMENT_END = re.compile(r"[,;:.!?()—–]")


def _segment(text: str, start: int, end: int) -> str:
    """Return the stretch of ``text`` between the punctuation around ``start``-``end``."""
    before = max((m.end() for m in _SEGMENT_END.finditer(text, 0, start)), default=0)
    after = _SEGMENT_END.search(text, end)
    return text[before : after.start() if after else len(text)]


def _counts_other_things(rd: Reader, text: str) -> bool:
    """Whether a text counts people or things, and names no train or railway car."""
    counts_other_things = getattr(rd, "counts_other_things", None)
    return bool(counts_other_things(text)) if counts_other_things is not None else False


def _turned_away(rd: Reader, clause: Clause) -> bool:
    """Whether a clause is off topic, a timetable, a road convoy or a preparation.

    A lexicon reader first tells with one search whether the clause has a word that
    can make any of them true (:meth:`~railtrack.extract.lexread.LexiconReader.quiet`);
    most clauses have none.
    """
    quiet = getattr(rd, "quiet", None)
    if quiet is not None and quiet(clause.text):
        return False
    return (
        rd.is_off_topic(clause.text)
        or _is_timetable(rd, clause.text)
        or _is_road(rd, clause)
        or _is_preparation(rd, clause)
    )


def _is_rate_of_trains(rd: Reader, clause: Clause) -> bool:
    """Whether a clause gives a rate of trains and names no one train.

    "с регулярностью 2-3 поезда в месяц были открыты маршруты из СУАР": a rate over a
    period, of trains in the plural only, is a statistic (the real corpus's rule:
    rates and totals over uncounted trains are no shipment); so is a habit run "by
    train" ("поїздом ... щодня возили").
    """
    is_statistic = getattr(rd, "is_statistic", None)
    if is_statistic is None or not is_statistic(clause.text):
        return False
    if _asks(rd, "names_trains_as_means", clause.text):
        return True  # "поїздом окупанти щодня возили боєприпаси": a habit, no one train
    return rd.has_train_noun(clause.text) and not rd.has_train_noun(clause.text, singular=True)


def _is_preparation(rd: Reader, clause: Clause) -> bool:
    """Whether a clause tells of a drill or of stock being prepared, no train moving."""
    is_preparation = getattr(rd, "is_preparation", None)
    return bool(is_preparation(clause.text)) if is_preparation is not None else False


def _is_timetable(rd: Reader, text: str) -> bool:
    """Whether a text (a report or a clause) tells of a scheduled passenger service.

    "Поезд № 51 ... прибудет с задержкой", "хуткі цягнік штодзень адпраўляецца": a
    train on a timetable carries passengers, not a shipment; a text with military
    words is never one (a military echelon may be delayed too).
    """
    is_timetable = getattr(rd, "is_timetable", None)
    return bool(is_timetable(text)) if is_timetable is not None else False


def _sentence_spans(clauses: list[Clause]) -> dict[int, tuple[int, int]]:
    """Return each sentence's (start, end) in the report, from its clauses (one pass)."""
    bounds: dict[int, tuple[int, int]] = {}
    for c in clauses:
        first, last = bounds.get(c.sentence, (c.start, c.end))
        bounds[c.sentence] = (min(first, c.start), max(last, c.end))
    return bounds


def _names_no_trip(rd: Reader, sentence: str) -> bool:
    """Whether a sentence names no train and no place ("Выставочный центр принял ...").

    An exhibition named so is a venue, not a train: it vetoes nothing but itself (a
    train shown to spectators, "На вокзалах зрителям продемонстрируют оружие", is the
    train told before: the caller asks ``is_shown``).
    """
    return not (rd.has_train_noun(sentence) or rd.find_places(sentence))


def _military_train_apart(rd: Reader, clause: Clause, sentence: str) -> bool:
    """Whether a clause tells of a military train of its own beside a show in its sentence.

    A show vetoes only the train it qualifies: in "Эшелон с танками прибыл в Мулино, а
    ретропоезд ушёл в Москву" the retro train's clause is vetoed, the echelon's clause
    (no show word of its own, a train noun and a military word) is read as a shipment.
    """
    text = clause.text
    return (
        len(text) < len(sentence.strip())
        and _no_shipment_kind(rd, text) is None
        and rd.has_train_noun(text)
        and _is_military(rd, text)
    )


def _no_shipment_kind(rd: Reader, text: str) -> str | None:
    """Whether a sentence tells of a museum train, a passenger service or an evacuation.

    Returns the lexicon's kind of cue (``exhibition``, ``timetable``, ``service``), or
    None (also for a reader with no such cues).
    """
    kind = getattr(rd, "no_shipment_kind", None)
    return None if kind is None else kind(text)


def _is_military(rd: Reader, text: str) -> bool:
    """Whether a text has a military word outside quotes (a name: «Воинский эшелон»)."""
    is_military = getattr(rd, "is_military", None)
    return bool(is_military(without_quoted(text))) if is_military is not None else False


def _vetoed_train(
    draft: ReportDraft,
    current: TrainDraft | None,
    clause: Clause,
    rd: Reader,
    published: date | None,
    military: set[int],
    *,
    timetable: bool,
) -> TrainDraft:
    """Return the train a sentence of no shipment tells of, marked ``vetoed``.

    The veto is the train's, not the report's: "Ретропоезд прибыл в Волгоград" vetoes
    the retro train (and what the report goes on to say of it), never a military
    echelon the report tells of apart. It is the train just read when the sentence
    names no other one (no train noun of its own, or the same one singular, with
    no other end, of a ``timetable`` cue: "Поезд прибудет с задержкой в 2 часа"; a
    train noun beside people or exhibits, "pociąg z 475 pasażerami", is that train's
    own), unless that train (or its
    group, whose trains are then all vetoed) was told of with a military word (a
    passenger service delayed by an echelon leaves the echelon a shipment).
    Otherwise it is a train of its own, kept out of the report.
    """
    reader = _ClauseReader(clause, clause.text, published, rd)
    if current is not None and current.vetoed and not _names_other_end(reader, current):
        reader.all_into(current, [])
        return current
    told = None
    if current is not None and current.group is not None:
        told = draft.groups[current.group]
    if (
        current is not None
        and (told is None or id(told) not in military)
        and id(current) not in military
        and not _names_other_end(reader, current)
        and not _new_train_after(draft, rd, clause.text)
        and (
            not rd.has_train_noun(clause.text)
            or (timetable and rd.has_train_noun(clause.text, singular=True))
        )
    ):
        current.vetoed = True
        return current
    sink = TrainDraft(vetoed=True)
    reader.all_into(sink, [])
    return sink


def _new_markers(rd: Reader, text: str) -> list[cues.TrainMarker]:
    """Return the reader's new-train markers less the ordinals of a running count.

    "Это уже третий эшелон за неделю" counts the train told already (trial17 T4).
    """
    return [
        m
        for m in rd.new_train_markers(text)
        if m.kind not in _ORDINAL or not counts_running(text, m.start, rd.lang)
    ]


def _new_train_after(draft: ReportDraft, rd: Reader, text: str) -> bool:
    """Whether a text has a word introducing a train other than those told so far.

    "The first train" said again while only one train was told ("прибув перший потяг
    ... квитки на перший потяг") is that train, not a new one.
    """
    markers = _new_markers(rd, text)
    if len(draft.trains) == 1:
        markers = [m for m in markers if not _asks(rd, "is_first_ordinal", m.text)]
    return bool(markers)


def _names_other_end(reader: _ClauseReader, train: TrainDraft) -> bool:
    """Whether a clause names an end other than the train's, by stem ("Петербург").

    A station the clause places a train at ("niedaleko stacji Gołąb") that is none
    of the train's places is another train's too.
    """
    known = [getattr(train, r) for r in ("origin", "destination")] + list(train.via)
    stems = {f.value.text[:5].lower() for f in known if f is not None}
    for place in reader.places:
        if is_broad(place.text):
            continue
        role = reader.place_role(place)
        if role not in ("origin", "destination"):
            if stems and place.text[:5].lower() not in stems:
                return True
            continue
        mine = getattr(train, role)
        if mine is None or is_broad(mine.value.text):
            continue
        if mine.value.text[:5].lower() != place.text[:5].lower():
            return True
    return False


def _told_again(train: TrainDraft, military: set[int]) -> bool:
    """Whether a train is, in a report of a museum train or a service, that train again.

    Told of with no military word, no date and no count of cars ("особливий поїзд з
    Ужгорода до Краматорська" in a report whose cars are "заповнені на 70 %"), it is
    the service the report is about, not a shipment of its own.
    """
    return (
        id(train) not in military
        and train.group is None
        and train.departure is None
        and train.arrival is None
        and not train.counts
    )


def _show_told_again(train: TrainDraft, trains: list[TrainDraft]) -> bool:
    """Whether a train is a vetoed show train told again, with its end (a headline).

    "Поезд с боевой техникой прибыл в Читу. ... Агитационный поезд «Армия Победы»,
    выехавший из Москвы, прибыл в Читу": the headline's train, told of with military
    words (the exhibits) but with no date and no count of its own, ends where the
    touring train does: it is that train, not a shipment. A military train with a
    date or a count, or with ends of its own, is kept.
    """
    if train.vetoed or train.group is not None or train.departure or train.arrival:
        return False
    if train.counts:
        return False
    ends = {
        getattr(train, role).value.text.lower()
        for role in ("origin", "destination")
        if getattr(train, role) is not None
    }
    if not ends:
        return False
    for show in trains:
        if not show.vetoed:
            continue
        show_ends = {
            getattr(show, role).value.text.lower()
            for role in ("origin", "destination")
            if getattr(show, role) is not None
        }
        if ends <= show_ends:
            return True
    return False


def _kept_beside_a_service(train: TrainDraft, military: set[int]) -> bool:
    """Whether a train is a military shipment with a date and a station: kept anywhere."""
    dated = train.departure is not None or train.arrival is not None
    return id(train) in military and dated and _has_a_station(train)


def _passengers_only(train: TrainDraft, military: set[int]) -> bool:
    """Whether a train is counted in passenger cars only, with no military word.

    "незвичний невеликий потяг з трьох пасажирських вагонів": a train of passenger
    cars alone carries people (a service), when the report names no other kind of car
    and no military train; an echelon's passenger cars carry its soldiers ("Такой же
    прибыл" after "эшелон из 15 пассажирских вагонов" is that echelon's make-up again).
    A total beyond its passenger cars ("41 wagonów, w tym 3 osobowe", "41 вагон, из
    них 3 пассажирских") tells of other cars too: not passengers alone.
    """
    kinds = {k for k in train.counts if k != "total"}
    if kinds != {"passenger"} or id(train) in military:
        return False
    total, passenger = train.counts.get("total"), train.counts["passenger"]
    return not (
        total is not None
        and isinstance(total.value, int)
        and isinstance(passenger.value, int)
        and total.value > passenger.value
    )


def _drop_background_groups(draft: ReportDraft) -> None:
    """Drop the trains of a group that has only countries, beside a train with a station.

    "Український зерновий поїзд прибув на станцію Шештокай ... ми плануємо доставити два
    поїзди" (from Ukraine to Lithuania): trains counted with only countries for ends,
    no cars, no dates and no place passed, told beside a tracked train, are background
    news, as a lone countries-only train is (``_only_a_country``).
    """
    if not draft.groups or not any(t.group is None and _has_a_station(t) for t in draft.trains):
        return
    background = set()
    for g, group in enumerate(draft.groups):
        members = [t for t in draft.trains if t.group == g]
        # further trains ("ще три потяги") are a group of their own, unless counted over
        # a week or a month ("на этой неделе ... приедут ещё два поезда"): news of a run
        # (session 8), as any countries-only count is
        spanned = any(_over_a_span(f) for f in (group, *members))
        if (group.further_of is None or spanned or _names_its_places(group, members)) and (
            _only_countries(group, vague_dates=True)
            and all(_only_countries(t, vague_dates=True) for t in members)
            and any(_places_of(t) for t in members)
        ):
            background.add(g)
    if background:
        draft.trains = [t for t in draft.trains if t.group not in background]


def _names_its_places(group: _Facts, members: list[TrainDraft]) -> bool:
    """Whether further trains name both their ends themselves ("з України до Литви")."""
    return any(f.origin is not None and f.destination is not None for f in (group, *members))


def _over_a_span(facts: _Facts) -> bool:
    """Whether facts are dated only by a week or a month ("this week", "в этом месяце")."""
    dates = [d for d in (getattr(facts, r) for r in _DATE_ROLES) if d is not None]
    return bool(dates) and all(_precision_of(d) in ("week", "month") for d in dates)


def _only_countries(facts: _Facts, *, vague_dates: bool = False) -> bool:
    """Whether facts name no car, date or place passed, and only countries as places.

    With ``vague_dates``, a week or a month ("На гэтым тыдні з Украіны ў Літву прыедуць
    яшчэ два цягнікі", "this week") is no date: only a day or a few days are.
    """
    dates = [getattr(facts, r) for r in _DATE_ROLES]
    if vague_dates:
        dates = [d for d in dates if d is None or _precision_of(d) not in ("week", "month")]
    if facts.counts or facts.via or any(d is not None for d in dates):
        return False
    return all(
        is_broad(p.value.text) and not _names_region(p.value.text) for p in _places_of(facts)
    )


def _precision_of(fact: Fact) -> str | None:
    """Return the precision of a date fact's window (None when it has none)."""
    return getattr(fact.value, "precision", None)


def _places_of(facts: _Facts) -> list[Fact]:
    """Return the places named as the ends or the goal of a train or group."""
    places = [getattr(facts, role) for role in (*_PLACE_ROLES, "goal")]
    return [p for p in places if p is not None]


def _drop_groups_without_trains(draft: ReportDraft) -> None:
    """Drop the groups none of whose trains is left (all of them vetoed), renumbered."""
    used = {t.group for t in draft.trains if t.group is not None}
    if len(used) == len(draft.groups):
        return
    keep = [i for i in range(len(draft.groups)) if i in used]
    new_index = {old: new for new, old in enumerate(keep)}
    draft.groups = [draft.groups[i] for i in keep]
    for train in draft.trains:
        if train.group is not None:
            train.group = new_index[train.group]


def _separate_shipment(
    rd: Reader, reader: _ClauseReader, vetoed: TrainDraft | None, *, after_service: bool = False
) -> bool:
    """Whether a clause tells of a military shipment of its own, dated and routed.

    After a train of no shipment (``vetoed``, a museum train) or in a report of trains
    heard ("слышали шум поездов"), the clause is a shipment of its own only when it
    has a military word, a verb of motion, a station (not a country or region) in a
    role and a date, and, when ``vetoed`` has a station for an end, another end or
    a word introducing another train ("7 мая на станцию Барановичи прибыл воинский
    эшелон"). What else follows tells on about that train.

    After a passenger service (``after_service``: "Пассажирские поезда ходят по
    расписанию"), which carries no military load, a clause naming a train of its own
    with a military word and a verb of motion is a shipment of its own, dated or not,
    passing a station or ending there ("Вечером через Оршу прошёл эшелон с техникой").
    """
    text = reader.text
    if after_service and _is_military(rd, text) and reader.verbs and rd.has_train_noun(text):
        return any(not is_broad(p.text) for p in reader.places)
    if not _is_military(rd, text) or not any(v.role != "neutral" for v in reader.verbs):
        return False
    if not reader.dates:
        return False
    if not any(reader.place_role(p) is not None and not is_broad(p.text) for p in reader.places):
        return False
    if vetoed is None or not _has_a_station(vetoed):
        return True
    return reader.conflicts_with(vetoed) or bool(rd.new_train_markers(text))


# A year said alone ("w 1988 roku", "in 2008", "с 2014 года", "каля 1960 года"): when it is
# years before the report, the sentence tells history
_YEAR_ALONE = re.compile(
    r"(?<![\w.])(?:in|since|w|we|od|в|во|с|со|у|ў|з|u|ад|около|близько|каля)\s+"
    r"(1[89]\d\d|20\d\d)(?![\w.:/-]|\.\d)",
    re.IGNORECASE,
)
_YEAR_DIGITS = re.compile(r"1[89]\d\d|20\d\d")  # in every _YEAR_ALONE match
# years before the report told relatively ("dwa lata temu", "rok temu", "три года назад",
# "два роки тому", "тры гады таму", "two years ago"): history too
HISTORY_YEARS = 3  # a trip dated this many years or more before its report is history


def _is_history(rd: Reader, sentence: str, published: date | None) -> bool:
    """Whether a sentence dates what it tells by a year long before the report.

    "Te wagony wchodziły w skład pociągu, który w 1988 roku jechał z Paryża do
    Hongkongu" (published in 2018): a train of history, no shipment to track. A
    sentence that also gives a date ("built in 1988, it left Gomel on 3 March") is
    read as usual.

    >>> from railtrack.extract.readers import reader_for
    >>> _is_history(reader_for("en"), "In 1988 it ran from Paris to Hong Kong.", date(2018, 2, 1))
    True
    >>> _is_history(reader_for("en"), "In 2017 it ran from Paris to Hong Kong.", date(2018, 2, 1))
    False
    >>> _is_history(reader_for("pl"), "Dwa lata temu jechał z Opola do Łodzi.", date(2022, 1, 9))
    True
    """
    if (
        published is not None
        and _asks(rd, "tells_years_ago", sentence)
        and not rd.find_dates(sentence)
    ):
        return True  # ("skład, który dwa lata temu pokonał trasę z Tarnowskich Gór do Łodzi")
    if published is None or _YEAR_DIGITS.search(sentence) is None:  # cheap test first
        return False
    old = [m for m in _YEAR_ALONE.finditer(sentence) if int(m[1]) <= published.year - HISTORY_YEARS]
    if not old:
        return False
    return not any(
        not (d.start <= m.start(1) < d.end) for d in rd.find_dates(sentence) for m in old
    )


_OTHERS = re.compile(
    r"\b(?:the\s+other|the\s+rest|others|pozostałe|pozostałych|inne|остальные|остальных|"
    r"решта|інші|астатнія)\b",
    re.IGNORECASE,
)


def _one_of_group(rd: Reader, text: str) -> int | None:
    """Return N when a clause says the train just told is one of N trains, else None."""
    one_of = getattr(rd, "one_of_group", None)
    return None if one_of is None else one_of(text)


def _same_day_at(rd: Reader, text: str) -> tuple[int, int] | None:
    """Return where "the same day" ("того ж дня", "tego samego dnia", "on the same day") is."""
    same_day_at = getattr(rd, "same_day_at", None)
    if same_day_at is not None:
        found_at: tuple[int, int] | None = same_day_at(text)
        return found_at
    pattern = getattr(rd, "same_day", None)
    found = pattern.search(text) if pattern is not None else None
    return found.span() if found is not None else None


def _one_day(dates: list[DateSpan]) -> DateSpan | None:
    """Return the last date of a clause that names one day ("5 квітня"), else None.

    Ranges, lists, nights, months and relative words are no one day to refer back to.
    """
    for span in reversed(dates):
        names = {key for key, _ in span.fields}
        if names & {"dm_d", "md_d", "n_d", "n2_d", "iso_d"} and not names & {"list_d", "rel", "wd"}:
            return span
    return None


def _asks(rd: Reader, question: str, text: str) -> bool:
    """Ask a reader an optional yes/no question about a text (False if it has none).

    ``is_denial`` (a report debunking the train it tells of), ``is_incident`` (an
    accident or attack at a train) and ``names_the_same_train`` ("the freight train":
    a train already named) are asked of readers that know them.
    """
    return bool(_ask(rd, question, text, False))


def _ask(rd: Reader, question: str, text: str, default: object) -> object:
    """Ask a reader an optional question about a text; ``default`` if it has none.

    The readers' optional methods (``is_denial``, ``place_stage``, ...) are asked
    through here (review17 #14: one pattern for yes/no and other answers).
    """
    method = getattr(rd, question, None)
    return method(text) if method is not None else default


def _names_no_train(rd: Reader, text: str) -> bool:
    """Whether a clause after an incident names no train, no car and no new train.

    "Osiem z czterdziestu wagonów było otwartych. ... Potwierdził, że ziarno było
    transportowane z Ukrainy do Maroka": after an accident, vandalism or an attack at a
    train, a clause that names no train noun, counts no car and marks no other train
    ("kolejny", "another") tells where the load of the incident's train was going, not
    a shipment of its own.

    Examples
    --------
    >>> from railtrack.extract.readers import reader_for
    >>> rd = reader_for("pl")
    >>> _names_no_train(rd, "Potwierdził, że ziarno było transportowane z Ukrainy do Maroka.")
    True
    >>> _names_no_train(rd, "Pociąg jechał z Ukrainy do Gdańska.")
    False
    >>> _names_no_train(rd, "Do Gdańska dotarło 40 wagonów zboża.")
    False
    """
    return (
        not rd.has_train_noun(text)
        and not rd.find_car_counts(text)
        and not rd.has_car_noun(text)
        and not rd.new_train_markers(text)
    )


def _is_heard(rd: Reader, text: str) -> bool:
    """Whether a report tells of trains heard, not seen (their counts are statistics)."""
    is_heard = getattr(rd, "is_heard", None)
    return bool(is_heard(text)) if is_heard is not None else False


def _uncouples(rd: Reader, text: str) -> bool:
    uncouples = getattr(rd, "uncouples", None)
    return bool(uncouples(text)) if uncouples is not None else False


def _uncoupled_part(draft: ReportDraft, current: TrainDraft, reader: _ClauseReader) -> TrainDraft:
    """Read part of a train uncoupled and sent on: a shipment with its own count.

    "На станцыі Навабеліцкай адчапілі дзевяць вагонаў і адправілі іх на Мазыр": it
    leaves from where it was uncoupled (the station named, else the train's
    destination) with the cars counted here (the labelling rule of the real corpus).
    """
    part = TrainDraft()
    at = [p for p in reader.places if p.role == "at" and not is_broad(p.text)]
    if at:
        part.origin = reader._fact(at[0], at[0].start, at[0].end)
    elif current.destination is not None:
        part.origin = current.destination.shared()
    reader.all_into(part, draft.problems)
    draft.trains.append(part)
    return part


# a trip back named as a trip, not a verb: "the return trip to", "обратным рейсом",
# "зворотним рейсом", "w drodze powrotnej", "kursem powrotnym"
_TRIP_BACK = re.compile(
    r"return\s+(?:trip|journey|leg|run|voyage)|way\s+back|обратн\w*\s+(?:рейс|пут)|"
    r"зворотн\w*\s+(?:рейс|шлях)|зваротн\w*\s+(?:рэйс|шлях)|powrotn",
    re.IGNORECASE,
)


def _names_the_trip_back(rd: Reader, text: str, at: int) -> bool:
    """Whether the words from ``at`` name the trip back as a trip, with where it goes.

    "loaded with grain for the return trip to Barcelona": the train's second trip,
    from where the first ended, wherever it goes (not only home: a train from Madrid
    to Chelm may return to Barcelona).
    """
    tail = text[at:]
    return _TRIP_BACK.search(tail[:40]) is not None and any(
        p.role == "destination" for p in rd.find_places(tail)
    )


def _back_from_an_arrival(rd: Reader, text: str, at: int, home: str | None) -> bool:
    """Whether a train told arrived at a place goes back from it, home unknown (trial12 T3).

    "Эшелон, прибывший в Брест 4 апреля, сегодня вечером отправился обратно — через
    Барановичи в сторону Смоленска", "Pociąg, który 4 kwietnia przyjechał do Brześcia,
    dziś wieczorem wyjechał z powrotem", "The echelon that arrived in Brest on April 4
    left this evening back towards Smolensk": the words before the verb of going back
    tell an arrival at a specific place and name no origin; the words after it name
    a specific place the train goes to, which is where it came from.
    """
    head = text[:at]
    if home is not None or any(p.role == "origin" for p in rd.find_places(head)):
        return False
    if not any(v.role == "arrival" and v.past for v in rd.verb_cues(head)):
        return False
    if not any(p.role == "destination" and not is_broad(p.text) for p in rd.find_places(head)):
        return False
    return any(p.role == "destination" and not is_broad(p.text) for p in rd.find_places(text[at:]))


def _goes_home(rd: Reader, text: str, at: int, home: str | None) -> bool:
    """Whether the words from ``at`` on send the train to where it came from."""
    origins = [
        p.text for p in rd.find_places(text[:at]) if p.role == "origin" and not is_broad(p.text)
    ]
    home = origins[0] if origins else home
    if home is None or is_broad(home):
        return False
    return any(
        p.role == "destination" and same_name_stem(p.text, home) for p in rd.find_places(text[at:])
    )


def _return_trip(
    draft: ReportDraft,
    current: TrainDraft | None,
    reader: _ClauseReader,
    returned: dict[int, TrainDraft],
    *,
    lead: str = "",
) -> TrainDraft | None:
    """Read the trip back of ``current``: a new train from its destination to its origin.

    "вернулся обратно в Полонку", "повернувся до Полонки 21 грудня": one shipment per
    trip (the labelling rule of the real corpus); the make-up is the same train's
    (:func:`_share_between_trips`). It is a trip back only when it goes to the
    specific place the train came from; otherwise the clause goes on about ``current``.
    The trip back of a train already read is read again into the same one.
    """
    if current is None or current.destination is None:
        if current is not None:
            reader.all_into(current, draft.problems)
        return current
    outbound = current.trip_of or current
    back = returned.get(id(outbound))
    if back is not None:
        reader.all_into(back, draft.problems)
        return back
    if outbound.destination is None:
        return current
    back = TrainDraft(origin=outbound.destination.shared(), trip_of=outbound)
    reader.places_into(back)
    home = outbound.origin
    named = _names_the_trip_back(reader.rd, reader.text, 0)
    # (a train from a place not told goes back to a specific place: where it came from)
    end = back.destination
    unknown_home = home is None and end is not None and not is_broad(end.value.text)
    if not ((named or unknown_home) and back.destination is not None) and (
        home is None
        or back.destination is None
        or is_broad(home.value.text)
        or not _same_place(home, back.destination)
    ):
        # "вернулся в Россию" of a train read from nowhere: its one trip, not a trip back
        reader.all_into(current, draft.problems)
        return current
    reader.dates_into(back, draft.problems)
    _next_day_into(back, outbound, reader, lead)
    reader.counts_into(back.counts)
    reader.claim_into(back)
    draft.trains.append(back)
    returned[id(outbound)] = back
    return back


# "the next day" of a trip back, in the five languages (trial F122). Kept here, beside
# the one rule that reads it, until the lexicons carry a ``next_day`` key of their own.
_NEXT_DAY = re.compile(
    r"(?<!\w)(?:на\s+следующий\s+день|на\s+другой\s+день|наступного\s+дня"
    r"|на\s+наступний\s+день|наступнага\s+дня|на\s+наступны\s+дзень"
    r"|następnego\s+dnia|nazajutrz|(?:the\s+)?(?:next|following)\s+day)(?!\w)",
    re.IGNORECASE,
)


def _next_day_into(
    back: TrainDraft, outbound: TrainDraft, reader: _ClauseReader, lead: str = ""
) -> None:
    """Date a trip back told "the next day" from the outbound trip's last day.

    "6 марта прибыл в Калинковичи, а на следующий день вернулся обратно в Оршу",
    "następnego dnia wrócił", "наступного дня повернувся": the trip back's arrival
    is the day after the outbound trip's arrival (else its departure), when that is
    known to the day; a trip back dated otherwise keeps its own date. The words
    may stand before the verb's piece of the clause (``lead``: "На следующий день он
    | вернулся").
    """
    if back.departure is not None or back.arrival is not None:
        return
    found = _NEXT_DAY.search(reader.text)
    start = reader.offset + found.start() if found is not None else 0
    if found is None:
        found = _NEXT_DAY.search(lead)
        start = reader.offset - len(lead) + found.start() if found is not None else 0
    told = outbound.arrival or outbound.departure
    if found is None or told is None:
        return
    window = told.value
    if window.precision != "day" or window.latest is None or window.earliest != window.latest:
        return
    day = window.latest + timedelta(days=1)
    words = found.group(0)
    dated = DateWindow(earliest=day, latest=day, precision="day", text=words)
    back.arrival = Fact(dated, words, start, start + len(words), True)


def _share_between_trips(draft: ReportDraft, merged: dict[int, TrainDraft]) -> None:
    """Give both trips of a train that went and came back the counts either was given.

    The cars are one train's, so a count is as exact on the other trip as where it was
    told: it is shared as it is, not as an estimate (trial F121: "51 вагон" after "а
    на следующий день вернулся" made the outbound trip's count "~51").
    """
    for train in draft.trains:
        if train.trip_of is None:
            continue
        outbound = merged.get(id(train.trip_of), train.trip_of)
        train.trip_of = outbound
        for kind, fact in outbound.counts.items():
            train.counts.setdefault(kind, fact)
        for kind, fact in train.counts.items():
            outbound.counts.setdefault(kind, fact)


def _one_kind_totals(trains: list[TrainDraft], rd: Reader, text: str) -> None:
    """Apply :func:`_one_kind_is_the_total` to each train of a lexicon-language report.

    The car kinds the report names uncounted (``car_kinds_named``: the whole report
    tokenised and its counts found again, a tenth of a report's time) are read only
    when a train is counted in exactly one kind of car, the one case they decide.
    """
    if not any(_counted_in_one_kind(t) for t in trains):
        return
    kinds_named = getattr(rd, "car_kinds_named", None)
    named = kinds_named(text) if kinds_named is not None else frozenset()
    for train in trains:
        _one_kind_is_the_total(train, named)


def _counted_in_one_kind(train: TrainDraft) -> bool:
    """Whether a train has a count of exactly one kind of car and no total."""
    return "total" not in train.counts and len(train.counts) == 1


def _one_kind_is_the_total(train: TrainDraft, named: frozenset[str] = frozenset()) -> None:
    """Give a train counted in one kind of car only that many cars in all.

    "Усього в ешелоні було 26 вагонів-платформ", "31 фітингова платформа": the labelling
    rule of the real reports (``tests/data/extraction_real/README.md``), applied to the
    lexicon languages; English keeps the written corpus's narrower rule (the total
    only when the train is said to consist of the one count). When the report names
    another kind of car uncounted (``named``: "TIRy na platformach ... a także dwa
    wagony sypialne"), the one count is part of the train, not its size (trial F71).
    """
    kinds = [k for k in train.counts if k != "total"]
    if len(kinds) == 1 and "total" not in train.counts and not (named - {"total", kinds[0]}):
        train.counts["total"] = train.counts[kinds[0]]


_WORD_INSIDE = re.compile(r"(?<=[\w,] )[^\W\d_][\w'’-]*")


_WEEKDAY_WORDS = frozenset(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
)


def _refers_back(text: str) -> bool:
    """Whether a clause without a verb of motion can only be about the train just read.

    "It happened on 5 March." / "Это произошло 5 марта." are short and name nothing
    else; a long clause naming people or places is about something else.
    """
    if len(text) > 80:
        return False
    return not any(
        w[0].isupper() and month_of(w) is None and w.lower() not in _WEEKDAY_WORDS
        for w in _WORD_INSIDE.findall(text)
    )


def _is_question(text: str, clause: Clause) -> bool:
    """Whether the clause ends a question ("Is a unit en route to Canada?"): no report."""
    end = clause.end
    while end < len(text) and text[end] in " \t\"'”»)":
        end += 1
    return clause.text.rstrip().endswith("?") or (end < len(text) and text[end] == "?")


def _has_a_station(train: TrainDraft) -> bool:
    """Whether a train has an end or a via point finer than a country or region."""
    places = [getattr(train, role) for role in _PLACE_ROLES]
    return any(p is not None and not is_broad(p.value.text) for p in [*places, *train.via])


@lru_cache(maxsize=1)
def _relative_clause_re() -> re.Pattern[str]:
    words = sorted({w for lang in LANGUAGES for w in lexicon(lang).relative_pronouns}, key=len)
    body = "|".join(re.escape(w) for w in reversed(words)) or r"(?!)"
    return re.compile(rf",\s*(?:{body})\b[^,;:.!?()]*?(?=,|\s[-–—]\s)", re.IGNORECASE)


def _without_relative_clauses(text: str) -> str:
    """Blank out relative clauses set off by commas (offsets kept), for the claim.

    "the first batch, which are likely intended to support the war, left Chebarkul
    on Dec. 8": the hedge is about the load; the departure is reported as fact.

    >>> _without_relative_clauses("A train, which is likely bound for the front, left.")
    'A train                                     , left.'
    """
    return _relative_clause_re().sub(lambda m: " " * len(m[0]), text)


def _only_a_country(train: TrainDraft, *, beside_tracked: bool = False) -> bool:
    """Whether all a lone train has is one country or region, or countries only.

    "переброска в Беларусь", or (``beside_tracked``: beside a train with a station)
    "the first train from China to Britain arrived in January": news about trains
    in general, not a shipment one can track; a country is so even with a date
    ("с 12 августа не принимают составы из Беларуси"), a region with a date is a
    shipment whose arrival window can still be computed.
    """
    if train.group is not None or train.counts or train.via or train.number:
        return False
    dated = any(getattr(train, role) is not None for role in _DATE_ROLES)
    places = [getattr(train, role) for role in (*_PLACE_ROLES, "goal")]
    places = [p for p in places if p is not None]
    if len(places) > 1:
        # "the first train from China to Britain arrived on January 18", "a train
        # carrying troops arrived in Belarus from Russia": countries only, news about
        # trains in general, dated or not
        return all(is_broad(p.value.text) and not _names_region(p.value.text) for p in places)
    if len(places) != 1 or not is_broad(places[0].value.text):
        return False
    # a dated region is kept: "left a station in the Voronezh region on 3 January"
    return not (dated and _names_region(places[0].value.text))


_REGION_WORDS_EN = frozenset({"region", "oblast", "krai", "province", "district", "raion"})


@lru_cache(maxsize=1)
def _region_words() -> frozenset[str]:
    words = set(_REGION_WORDS_EN)
    for lang in LANGUAGES:
        if lang != "en":
            words |= lexicon(lang).region_words
    return frozenset(words)


def _names_region(name: str) -> bool:
    """Whether a broad place is a region ("Воронежской области"), not a country."""
    return any(w in _region_words() for w in name.lower().split())


def _no_place(train: TrainDraft) -> bool:
    """Whether a lone train has neither a place nor a count ("a train left on Saturday").

    A date alone does not make a shipment one can track: it is a timetable train or
    news about trains in general (a train of a group is kept: the group counts it).
    """
    if train.group is not None or train.counts or train.via:
        return False
    return all(getattr(train, role) is None for role in (*_PLACE_ROLES, "goal"))


def _follow_route(train: TrainDraft, previous: TrainDraft) -> None:
    """Give a train "on the same route" the ends and places passed of the train before."""
    for role in (*_PLACE_ROLES, "goal"):
        theirs = getattr(previous, role)
        if getattr(train, role) is None and theirs is not None:
            setattr(train, role, theirs.shared())
    if not train.via:
        train.via = [f.shared() for f in previous.via]
    if train.claim is None and previous.claim is not None:
        train.claim = previous.claim


def _end_as_before(train: TrainDraft, previous: TrainDraft, rd: Reader, text: str) -> None:
    """Give a train the end the text says is the one before's ("на цю ж станцію")."""
    same_place_roles = getattr(rd, "same_place_roles", None)
    if same_place_roles is None:
        return
    for role in same_place_roles(text):
        theirs = getattr(previous, role)
        if getattr(train, role) is None and theirs is not None:
            setattr(train, role, theirs.shared())


def _late_departure_is_the_trip_backs(train: TrainDraft, trains: list[TrainDraft]) -> None:
    """Give the trip back a departure the text dates after the outbound arrival.

    "Прибыл в Лунинец 20 декабря ... вернулся обратно в Полонку ... отправился 21
    декабря в 16:10": a train that went and came back left again after it arrived;
    that departure is the trip back's (when it has none), never the outbound's.
    """
    dep, arr = train.departure, train.arrival
    if dep is None or arr is None or dep.value.earliest is None or arr.value.latest is None:
        return
    if dep.value.earliest <= arr.value.latest:
        return
    back = next((t for t in trains if t.trip_of is train), None)
    if back is None or back.departure is not None:
        return
    back.departure = dep
    train.departure = None


def _trip_length_of_the_train_before(draft: ReportDraft, assembly: _Assembly) -> None:
    """Give a trip length named as such to the train told before it (issue 13, r1007).

    "The train left Tomsk on 28 May. ... The journey time is 7 days": a sentence that
    names how long the trip takes (the lexicon's ``trip_length``) and tells no train
    of its own gives its days to the train whose departure was read last before it,
    when that train has no arrival yet; :func:`_arrival_after_trip_days` then dates
    the expected arrival from a departure known to the day.
    """
    lengths = getattr(assembly.default, "trip_lengths", None)
    if lengths is None:
        return
    rd = assembly.default
    for days, start, end in lengths(assembly.text):
        told = [t for t in draft.trains if t.departure is not None and t.departure.end <= start]
        if not told or not 0 < days <= 60:
            continue
        train = max(told, key=lambda t: t.departure.start if t.departure else -1)
        begin, stop = sentence_around(assembly.text, start)
        departed = train.departure.end if train.departure is not None else begin
        sentence = assembly.text[max(begin, departed) : stop]
        if (
            _new_markers(rd, sentence)
            or rd.group_announcement(sentence) is not None
            or names_another_subject(sentence, rd.lang)
        ):
            continue  # "Another train will go to Chengdu; the journey time is 9 days", "by truck"
        if train.arrival is not None or train.trip_days is not None:
            continue
        train.trip_days = Fact((days, days), assembly.text[start:end], start, end, inferred=True)


def _arrival_after_trip_days(train: TrainDraft) -> None:
    """Date an arrival expected some days after a departure read later (trial11 T15).

    "19 березня ... вирушили три ешелони. Перший прибув ..., другий та третій
    очікуються протягом 2-3 днів": the days were read before the trains had the
    group's departure; with it known to the day, the arrival window is those days
    after it.
    """
    days, dep = train.trip_days, train.departure
    if days is None or train.arrival is not None or dep is None:
        return
    if dep.value.precision != "day" or dep.value.earliest is None:
        return
    least, most = days.value
    window = DateWindow(
        earliest=dep.value.earliest + timedelta(days=least),
        latest=dep.value.earliest + timedelta(days=most),
        precision="day" if least == most else "days",
        text=days.text,
    )
    train.arrival = Fact(window, days.text, days.start, days.end, inferred=True)


def _arrived_before_leaving_again(train: TrainDraft, trains: list[TrainDraft]) -> None:
    """Read an arrival told after a later departure as the earlier trip's (trial12 T3).

    "7 апреля из Бреста ... в сторону Смоленска ушёл порожний эшелон — тот, что прибыл
    4 апреля": the train left a specific origin on a day after the arrival told of
    it further on, so it had arrived there first. That arrival is an outbound trip's
    to the origin (a train of its own, which the trip back points to), never an
    arrival at the end the train is now heading for. An arrival with a place of its
    own, or a departure inferred, is left to :func:`_no_departure_after_arrival`.
    """
    dep, arr, origin = train.departure, train.arrival, train.origin
    if dep is None or arr is None or origin is None or train.trip_of is not None:
        return
    if dep.inferred or arr.start < dep.end or train.arrived is not None:
        return
    if is_broad(origin.value.text) or any(t.trip_of is train for t in trains):
        return
    if dep.value.earliest is None or arr.value.latest is None:
        return
    if dep.value.earliest <= arr.value.latest:
        return
    outbound = TrainDraft(destination=origin.shared(), arrival=arr)
    outbound.arrived = Fact(origin.value.text, arr.text, arr.start, arr.end, inferred=True)
    train.arrival = None
    train.trip_of = outbound
    trains.insert(trains.index(train), outbound)


def _no_departure_after_arrival(train: TrainDraft, problems: list[str]) -> None:
    """Drop a departure window that lies after the arrival, and say so.

    A train cannot leave after it arrived: one of the two dates belongs to something
    else ("soldiers moved in the last two days"). The inferred one (relative or
    shared) is dropped, else the departure; never stored silently.
    """
    dep, arr = train.departure, train.arrival
    if dep is None or arr is None:
        return
    first, last = dep.value.earliest, arr.value.latest
    if first is None or last is None:
        return
    # (an inferred departure window, "in the last two days", may not run past the arrival)
    runs_past = dep.inferred and dep.value.latest is not None and dep.value.latest > last
    if first <= last and not runs_past:
        return
    if arr.inferred and not dep.inferred:
        train.arrival = None
        dropped, kept, role = arr, dep, "arrival"
    else:
        train.departure = None
        dropped, kept, role = dep, arr, "departure"
    problems.append(
        f"departure {dep.text!r} ({first} to {dep.value.latest}) runs past the arrival "
        f"{arr.text!r} (by {last}): {role} {dropped.text!r} dropped, {kept.text!r} kept"
    )


def _plan_of_a_later_arrival(train: TrainDraft, published: date | None) -> None:
    """Claim ``planned`` for an arrival or a departure dated after the report was published.

    No one has seen an arrival that has not happened yet: "Date of arrival at the
    destination station - March 4" in a report of 26 February is a schedule, and so is
    "Следующий состав отправится из Китая в начале апреля" in a report of March. A claim
    the text states (``expected``: "likely") is kept.
    """
    if published is None or train.claim is not None:
        return
    for when in (train.arrival, train.departure):
        earliest = when.value.earliest if when is not None else None
        if when is not None and earliest is not None and earliest > published:
            train.claim = Fact("planned", when.text, when.start, when.end, inferred=True)
            return


def _no_end_as_via(train: TrainDraft) -> None:
    """Drop a place passed that is the train's own origin or destination.

    "Эшелон ... в Россошь. Станция Россошь находится в 50 км от ...": a later
    mention of the destination is not a place on the way.
    """
    ends = [
        f for f in (train.origin, train.destination) if f is not None and not is_broad(f.value.text)
    ]
    if ends and train.via:
        train.via = [v for v in train.via if not any(_same_place(v, e) for e in ends)]


# Between a place and the region or country that says where it is: "Tamań, w rosyjskim
# Kraju Krasnodarskim", "Smolensk, in the Smolensk region", "Полонка (Барановичский р-н)"
_GLOSS_GAP = re.compile(
    r"\s*(?:\(|[,–—-]\s*(?:in|w|we|в|у|ў|u)\s+(?:the\s+|[\w-]+\s+)?)\s*$", re.IGNORECASE
)
_COMMA_GAP = re.compile(r"\s*,\s*$")
# a region or country right after a place with only "in" between ("do Łunińca w
# obwodzie brzeskim", "до Россоши в Воронежской области", "to Valuyki in the Belgorod
# region"): where that place lies, whatever the punctuation
_BARE_GAP = re.compile(r"\s+(?:in|w|we|в|во|у|ў|u)\s+(?:the\s+)?", re.IGNORECASE)


def _no_broad_via_beside_a_finer(train: TrainDraft) -> None:
    """Drop a country or region seen when a finer place passed is known.

    "Filmed in the Bryansk region": the region is where the train was seen; "at the Taman
    railway station in Russia", "in Salem, Oregon": the country or state only says where
    the station lies.
    """
    if any(not is_broad(v.value.text) for v in train.via):
        train.via = [v for v in train.via if not is_broad(v.value.text)]


def _no_gloss_as_via(train: TrainDraft, text: str) -> None:
    """Drop a place passed that only says where the place before it lies.

    "Skład znajdował się na stacji Tamań, w rosyjskim Kraju Krasnodarskim": the
    train was seen at Tamań; the region is where Tamań is, not a second place on the
    way (a sighting there is a sighting at Tamań). A region or country right after a
    comma ("Smolensk, Russia") or after a bare "in" ("do Łunińca w obwodzie
    brzeskim") is one too; a town after a comma is the next place of a list ("via
    Orsha, Vitebsk").
    """
    if not (train.via or train.sightings):
        return
    places = [f for f in (train.origin, train.destination, train.goal, *train.via) if f]
    train.via = [v for v in train.via if _glossed_place(v, places, text) is None]
    seen = []
    for place, when in train.sightings:
        # "seen at Smolensk, in the Smolensk region, on March 6": seen at Smolensk
        seen.append((_glossed_place(place, places, text) or place, when))
    train.sightings = seen


# an opening bracket and at most one word of the place's kind ("(станция ", "(stacja ")
_BRACKET_KIND_GAP = re.compile(r"\s*\(\s*(?:[^\W\d_]+\.?\s+)?")


def _bracketed_station_is_the_end(train: TrainDraft, text: str) -> None:
    """Make a place in brackets right after a country or region end that end's place.

    "проследовал из Яньтая в республику Польша (станция Гондки, регион города
    Познань)", "прибув до Польщі (станція Гондки)": the bracket names where in the
    country the train goes, not a place it passed on the way, whether or not the
    gazetteer knows the station (a known one already refines its country).
    """
    for role in ("destination", "origin"):
        end = getattr(train, role)
        if end is None or not (is_broad(end.value.text) or _names_region(end.value.text)):
            continue
        for place in train.via:
            gap = text[end.end : place.start]
            if (
                0 <= place.start - end.end <= 24
                and _BRACKET_KIND_GAP.fullmatch(gap)
                and not (is_broad(place.value.text) or _names_region(place.value.text))
            ):
                setattr(train, role, place)
                train.via = [v for v in train.via if v is not place]
                break


def _glossed_place(fact: Fact, places: list[Fact], text: str) -> Fact | None:
    """Return the place ``fact`` says the whereabouts of, else None."""
    for p in places:
        if (
            p.end > fact.start
            or fact.start - p.end > 40
            or (p.start, p.end)
            == (
                fact.start,
                fact.end,
            )
        ):
            continue
        gap = text[p.end : fact.start]
        if _GLOSS_GAP.fullmatch(gap) or (
            (_COMMA_GAP.fullmatch(gap) or _BARE_GAP.fullmatch(gap))
            and (is_broad(fact.value.text) or _names_region(fact.value.text))
        ):
            return p
    return None


def _no_round_trip(train: TrainDraft) -> None:
    """Keep one end of two written alike: the one told first.

    "przetransportowano do Gdyni ... Amerykanie często korzystają z portu w Gdyni":
    one trip does not start where it ends (a trip back is a train of its own, read by
    the return rule), so the later of two ends with the same name came from a
    sentence about the place, not about this train's trip.
    """
    a, b = train.origin, train.destination
    if a is None or b is None or a.value.text.casefold() != b.value.text.casefold():
        return
    if a.start > b.start:
        train.origin = None
    else:
        train.destination = None


def _only_a_make_up(train: TrainDraft) -> bool:
    """Whether a lone train is only a make-up: cars but no place, date or number.

    "The train consists of four locomotives and up to 11 cars" describes a train,
    it reports no movement one can track.
    """
    if train.group is not None or train.via or train.number:
        return False
    roles = (*_PLACE_ROLES, "goal", *_DATE_ROLES)
    return all(getattr(train, role) is None for role in roles)


def _only_vague(train: TrainDraft) -> bool:
    """Whether a lone train comes only from trains named in the plural, with no date.

    "The bridge is clogged with trains arriving from China" speaks of trains in
    general; a counted or dated mention is a shipment.
    """
    if not train.vague or train.group is not None or train.number or train.counts:
        return False
    return all(getattr(train, role) is None for role in _DATE_ROLES)


_PLACE_ROLES = ("origin", "destination")
# English cues of an end that the place reader made a place passed ("to A and then to
# B", "the final section from A to B")
_ON_THE_WAY_CUES = frozenset({"to", "towards", "toward", "into", "from"})
_VIA_CUES = (
    "through",
    "via",
    "by way of",  # ("to arrive in Vientiane by way of Yunnan Province")
    "past",
    "passed",
    "passing",
    "crossed",
    # a stop on the way ("after stops in Lodz", "with a stop at Brest", "calling at")
    "after",
    "with",
    "making",
    "stopping",
    "calling",
    "called",
    # a leg of the route ("the final section from Duisburg"), a point a distance from a
    # place ("one mile west of Gorham"): passed there
    "section",
    "leg",
    "stretch",
    "stage",
    "north",
    "south",
    "east",
    "west",
    "через",
    "праз",
    "przez",
)
_INTO_WORDS = frozenset({"в", "во", "на", "у", "ў", "w", "we", "na", "in", "at"})
_TOWN_ABBREVIATIONS = frozenset({"г", "м", "гор"})  # "в г. Горловка", "у м. Горлівка"
_DATE_ROLES = ("departure", "arrival")


def _dates_of_verb(dates: list[DateSpan], verbs: list[cues.VerbCue], at: int) -> list[DateSpan]:
    """Return the dates of a clause told of the verb at ``at``, not of another verb.

    "Pociąg, który 15 kwietnia wyjechał ze Smoleńska, do dziś nie dotarł do Brześcia i
    stoi w Baranowiczach": 15 April is the departure's (a verb between it and "stoi"),
    so the train standing now is seen at Baranovichi on the report's day (trial14 T5).
    """
    others = [v.start for v in verbs if not v.start <= at < max(v.end, v.start + 1)]
    return [d for d in dates if not any(min(d.end, at) <= v < max(d.start, at) for v in others)]


def _same_place(a: Fact, b: Fact) -> bool:
    """Whether two place facts may name the same place (same stem, or one is a country).

    The name rule is :func:`~railtrack._translit.same_name_stem`, as a retraction's
    (``railtrack.io.retractions._same_place``, where a country is no fit).
    """
    x: str = a.value.text.lower()
    y: str = b.value.text.lower()
    if same_name_stem(x, y):
        return True
    broad = [is_broad(a.value.text), is_broad(b.value.text)]
    if all(broad) and not (_names_region(x) or _names_region(y)):
        return False  # two countries ("from Britain" and "from China"): two places
    return any(broad)


def _same_ordinal(first: TrainDraft, later: TrainDraft) -> bool:
    """Whether both mentions open with the same ordinal ("Pierwszy pociąg ... pierwszy").

    "The first train from China" in the headline and "the first ever train" in the
    lead are one train told twice, not the first and the second of a list.
    """
    a, b = first.marker, later.marker
    if a is None or b is None or a.value.kind != "ordinal" or b.value.kind != "ordinal":
        return False
    x, y = str(a.value.text).lower(), str(b.value.text).lower()
    stem = min(len(x), len(y), 5)
    return x[:stem] == y[:stem]


def _ordinal_on_the_same_ends(first: TrainDraft, later: TrainDraft) -> bool:
    """Whether an ordinal opens a mention of a train told before unmarked, with its ends.

    "The first full-time China-Europe freight train left Xi'an, heading to Duisburg"
    (no marker read), then "The first China-Europe freight train with full time
    schedule has been launched from Xi'an, China to Duisburg, Germany": both ends named
    again, the same, by a mention that opens with an ordinal, is the train told before,
    not the first of a list after it (a list's trains differ in their dates, checked
    apart). A mention that dates what the first left undated is another train's story
    ("the first train of 100 cars was sent on 16 September 2024", the service's first
    train a year before the one told).
    """
    marker = later.marker
    told = first.marker
    if told is not None and told.value.kind != "indefinite":
        return False  # ("the second", "another": a list of its own)
    if marker is None or marker.value.kind != "ordinal":
        return False
    if any(getattr(later, r) is not None and getattr(first, r) is None for r in _DATE_ROLES):
        return False
    ends = [(getattr(first, r), getattr(later, r)) for r in ("origin", "destination")]
    return all(a is not None and b is not None and _same_place(a, b) for a, b in ends)


def _ordinal_on_the_same_day(first: TrainDraft, later: TrainDraft) -> bool:
    """Whether an ordinal opens a mention of a train told before unmarked, on its day.

    "Do Brześcia w piątek przyjechał pierwszy transport kolejowy" (the ordinal read on
    the detail) and "18 sierpnia wojskowy pociąg towarowy ... przybył na stację
    Brześć-Południowa": the same day, to the same place (the town, then its station),
    is the train told before, not the second of a list. Both mentions must date the
    same move to the same day and name the same end of it; a list's trains differ in
    their days or ends.
    """
    marker = later.marker
    told = first.marker
    if told is not None and told.value.kind != "indefinite":
        return False
    if marker is None or marker.value.kind != "ordinal":
        return False
    same_day = False
    for role in _DATE_ROLES:
        a, b = getattr(first, role), getattr(later, role)
        if a is None or b is None:
            continue
        if a.value.precision != "day" or (a.value.earliest, a.value.latest) != (
            b.value.earliest,
            b.value.latest,
        ):
            return False
        same_day = True
    ends = [(getattr(first, r), getattr(later, r)) for r in ("origin", "destination")]
    named = [(a, b) for a, b in ends if a is not None and b is not None]
    return same_day and bool(named) and all(_same_place(a, b) for a, b in named)


def _arrives_before_leaving(left: TrainDraft, arrived: TrainDraft) -> bool:
    """Whether one mention's arrival ends before the other's departure begins."""
    dep, arr = left.departure, arrived.arrival
    if dep is None or arr is None:
        return False
    start, end = dep.value.earliest, arr.value.latest or arr.value.earliest
    return start is not None and end is not None and end < start


def _restates(first: TrainDraft, later: TrainDraft, text: str = "") -> bool:
    """Whether ``later`` can be ``first`` told again (a headline, a lead, a detail).

    A station said to be in the town another mention names ("Из Казани в Санкт-Петербург
    отправился ..." and "со станции Юдино в Казани отправился ...") is that town's
    station: the same end, told more exactly (``text`` is the report, where the town
    follows the station).
    """
    if first.group is not None or later.group is not None:
        return False
    if (
        later.marker is not None
        and later.marker.value.kind in ("ordinal", "other", "same", "more")
        and not _same_ordinal(first, later)
        and not _ordinal_on_the_same_ends(first, later)
        and not _ordinal_on_the_same_day(first, later)
    ):
        return False  # ("ещё один эшелон ... туда же": one more train, not the first again)
    if first.number and later.number and first.number != later.number:
        return False
    for role in _PLACE_ROLES:
        a, b = getattr(first, role), getattr(later, role)
        if (
            a is not None
            and b is not None
            and not _same_place(a, b)
            and not (role == "origin" and _leg_from_a_place_passed(first, later))
            and not _sited_in_town(b, a, text)
            and not _sited_in_town(a, b, text)
        ):
            return False
    for role in _DATE_ROLES:
        a, b = getattr(first, role), getattr(later, role)
        if (
            a is not None
            and b is not None
            and a.value.earliest != b.value.earliest
            and not (_narrower(a, b) or _narrower(b, a))
        ):
            return False  # (a month in the headline, its day in the detail: one train)
    if _arrives_before_leaving(first, later) or _arrives_before_leaving(later, first):
        return False  # ("left on 9 April" and "arrived on January 18": two trains)
    if _seen_before_leaving(first, later) or _seen_before_leaving(later, first):
        return False  # (seen at Brest on 9 March, left Slonim on 10 March: two trains)
    if _leaves_elsewhere_after_arriving(first, later):
        return False  # (arrived in Orsha in the morning, left Smolensk that evening: two)
    if _seen_after_arriving(first, later) or _seen_after_arriving(later, first):
        return False  # (arrived at Polonka on 11 December, seen there on the 18th: two)
    return all(
        _counts_agree(first.counts[kind].value, fact.value)
        for kind, fact in later.counts.items()
        if kind in first.counts
    )


# "Юдино в Казани", "Юдіно у Казані", "Hrubieszów w Lublinie": a station, then the town it is
# in; "Республику Саха (Якутия)": a place, then its other name in brackets
_IN_TOWN = re.compile(
    r"(?:,?\s+(?:в|во|у|ў|w|we)\s+(?:г\.\s*|городе\s+|місті\s+|горадзе\s+)?|\s*\()(\w+)"
)


def _sited_in_town(station: Fact, town: Fact, text: str) -> bool:
    """Whether the report names ``town`` right after ``station``.

    Either the town the station is in ("со станции Юдино в Казани" and "из Казани") or
    the place's other name in brackets ("в Республику Саха (Якутия)" and "в Якутию").
    """
    if not text or station.end > len(text):
        return False
    m = _IN_TOWN.match(text, station.end)
    if m is None or not m[1][:1].isupper():
        return False  # ("Polonka w obwodzie brzeskim": a region, not the town)
    x, y = m[1].lower(), str(town.value.text).lower()
    stem = min(len(x), len(y), 5)
    return stem >= 3 and x[:stem] == y[:stem]


def _counts_agree(a: int, b: int) -> bool:
    """Whether two counts may be one train's: equal, or one a lower bound of the other.

    "At least 30 cars" in the headline and "42 cars" in the detail tell one train.
    """
    if a == b:
        return True
    if isinstance(a, AtLeast) and b >= a:
        return True
    return isinstance(b, AtLeast) and a >= b


def _raises(old: object, new: object, *, bound: bool | None = None) -> bool:
    """Whether a count said later replaces one said before: a lower bound it meets.

    "At least 30 cars ... the train of 42 cars": 42. An exact count is never replaced,
    nor a bound by a smaller or equal bound. ``bound`` says whether ``new`` is a
    lower bound (default: whether it is an :class:`AtLeast`).
    """
    if not isinstance(old, AtLeast) or not isinstance(new, int) or new < old:
        return False
    return not (isinstance(new, AtLeast) if bound is None else bound) or new > old


def _narrower(new: Fact, old: Fact) -> bool:
    """Whether a date window lies inside another and is shorter ("5 мая" in "в мае").

    A headline's month or week and the detail's day tell one date at two precisions:
    the day is kept.
    """
    a, b = new.value, old.value
    ends = [getattr(w, end, None) for w in (a, b) for end in ("earliest", "latest")]
    if any(e is None for e in ends):
        return False  # (an open window, "after 5 May", is no precision of a date)
    inside = b.earliest <= a.earliest and a.latest <= b.latest
    return bool(inside and (a.earliest, a.latest) != (b.earliest, b.latest))


def _leg_from_a_place_passed(first: TrainDraft, later: TrainDraft) -> bool:
    """Whether ``later`` is ``first``'s last leg, told from a place it passed.

    "Поезд проследовал из Даляня через станцию Забайкальск ... от станции Забайкальск на
    станцию Калининград-Сортировочный поезд прибыл за 9 суток": the same train, from
    the place passed on to (a more exact name of) its destination.
    """
    b, dest, end = later.origin, first.destination, later.destination
    if b is None or dest is None or end is None or not _same_place(dest, end):
        return False
    return any(_same_place(v, b) for v in first.via)


def _more_exact(a: Fact, b: Fact) -> bool:
    """Whether ``b`` names ``a``'s place more exactly ("Калининград-Сортировочный").

    The town in any case, then a station of it named by a compound ("do Brześcia",
    then "na stację Brześć-Południowa"; "в Оршу", then "Орша-Центральная").

    >>> def f(t):
    ...     return Fact(PlaceSpan("destination", t, 0, len(t), 0, "pl"), t, 0, len(t))
    >>> _more_exact(f("Brześcia"), f("Brześć-Południowa")), _more_exact(f("Gdańska"), f("Gdańskim"))
    (True, False)
    """
    x, y = a.value.text.lower(), b.value.text.lower()
    if len(x) <= 3 or any(c in x for c in "- –"):
        return False
    if y.startswith(x[:-1]):
        # a compound name ("Киев-Лиски", "Минск Пассажирский"), not a case form ("Gdańskim")
        return any(c in y[len(x) - 1 :] for c in "- –")
    head = re.split(r"[- –]", y, maxsplit=1)
    # the town's case form before the station's own name ("Brześcia", "Brześć-Południowa")
    return len(head) == 2 and bool(head[1]) and same_name_stem(x, head[0])


def _merge_into(first: TrainDraft, later: TrainDraft, text: str = "") -> None:
    leg = _leg_from_a_place_passed(first, later)
    for role in (*_PLACE_ROLES, "goal"):
        a, b = getattr(first, role), getattr(later, role)
        if b is None or (leg and role == "origin"):
            continue  # (the leg's start is a place the train passed, not its origin)
        if a is None or (is_broad(a.value.text) and not is_broad(b.value.text)):
            setattr(first, role, b)
        elif role in _PLACE_ROLES and _more_exact(a, b) and not is_broad(b.value.text):
            setattr(first, role, b)  # "Калининград", then "Калининград-Сортировочный"
        elif role in _PLACE_ROLES and _sited_in_town(b, a, text):
            setattr(first, role, b)  # "из Казани", then "со станции Юдино в Казани"
    for role in (*_DATE_ROLES, "claim"):
        a, b = getattr(first, role), getattr(later, role)
        if b is not None and (a is None or (role != "claim" and _narrower(b, a))):
            setattr(first, role, b)
    for kind, fact in later.counts.items():
        if kind not in first.counts or _raises(first.counts[kind].value, fact.value):
            first.counts[kind] = fact  # a detail's count over the headline's "at least"
    # places passed and sightings told in either mention belong to the one train
    for fact in later.via:
        if not any(v.value.text.lower() == fact.value.text.lower() for v in first.via):
            first.via.append(fact)
    first.sightings.extend(s for s in later.sightings if s not in first.sightings)
    first.number = first.number or later.number
    first.denied = first.denied or later.denied
    first.vague = first.vague and later.vague


# words that speak of more than one train of the report's own
_NEW_TRAIN_WORDS_RE = re.compile(
    r"\b(?:another|second|both|two|three|several|other)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:trains?|echelons?|consignments?|shipments?)\b",
    re.IGNORECASE,
)


def _speaks_of_one_train(draft: ReportDraft, text: str) -> bool:
    """Whether a report's train mentions may all be one train (see the caller)."""
    trains = draft.trains
    if len(trains) < 2 or draft.groups or _NEW_TRAIN_WORDS_RE.search(text) is not None:
        return False
    if any(t.group is not None or t.trip_of is not None or t.vague for t in trains):
        return False
    if len({t.number for t in trains} - {None}) > 1:
        return False
    first = trains[0]
    if first.marker is not None and first.marker.value.kind not in ("indefinite", "ordinal"):
        return False
    if any(t.marker is not None and not _same_ordinal(first, t) for t in trains[1:]):
        return False  # ("a train ... another train", "the first ... the second"): two trains
    departures = {t.departure.value.earliest for t in trains if t.departure is not None}
    return len(departures) <= 1


def _one_train_told_again(draft: ReportDraft, text: str) -> dict[int, TrainDraft]:
    """Make one train of mentions that name its places differently (English only).

    "the first freight train from China arrived ... at Barking" and "The train left
    on January 1 from ... Jiwu", "from Southern California to the Portola area" and
    "The train originated in Oxnard and is headed to the Sierra Army Depot in
    Herlong": a report that speaks of one train only (no group, no "another",
    "second" or "two trains", no other ordinal or number, no trains named only in
    the plural, one departure day) tells it again in other words. The mention told
    last with both ends and no hedge is taken whole (the detail follows the
    headline); the others only fill what it leaves open.
    """
    if not _speaks_of_one_train(draft, text):
        return {}
    trains = draft.trains
    full = [
        t
        for t in trains
        if t.origin is not None
        and t.destination is not None
        and (t.claim is None or t.claim.value not in ("planned", "expected"))
    ]
    base = full[-1] if full else trains[-1]
    if any(_another_trip(base, t) for t in trains if t is not base):
        return {}
    merged: dict[int, TrainDraft] = {}
    for other in trains:
        if other is base:
            continue
        for role in (*_PLACE_ROLES, "goal", *_DATE_ROLES, "claim"):
            if getattr(base, role) is None and getattr(other, role) is not None:
                setattr(base, role, getattr(other, role))
        for kind, fact in other.counts.items():
            base.counts.setdefault(kind, fact)
        base.via.extend(v for v in other.via if v not in base.via)
        base.sightings.extend(x for x in other.sightings if x not in base.sightings)
        merged[id(other)] = base
    draft.trains = [base]
    return merged


def _another_trip(a: TrainDraft, b: TrainDraft) -> bool:
    """Whether two mentions must be two trips.

    One arrives before the other leaves, or one goes the other way ("from Britain to
    China" and "from China to Britain").
    """
    if _arrives_before_leaving(a, b) or _arrives_before_leaving(b, a):
        return True
    return any(
        x is not None and y is not None and _same_stem(x, y)
        for x, y in ((a.origin, b.destination), (a.destination, b.origin))
    )


def _same_stem(a: Fact, b: Fact) -> bool:
    """Whether two place facts are written with the same stem ("China", "Chinas")."""
    x: str = a.value.text.lower()
    y: str = b.value.text.lower()
    stem = min(len(x), len(y), 5)
    return x[:stem] == y[:stem]


def _merge_restated(draft: ReportDraft, text: str = "") -> dict[int, TrainDraft]:
    """Make one train of a headline, a lead and a detail that tell the same train.

    Real reports name a train in the headline, again in the lead and in full in the
    body; each mention reads as a train. A train that contradicts nothing an earlier
    lone train says (places, dates, counts, number), and that no ordinal or "the
    other" marks as a different one, is merged into it. Trains of a group are left
    as the group made them, and a lone train told beside a group is merged only
    with another lone train ("First train of corn arrived at Rostock" and "A trial
    train of 21 wagons has arrived in Rostock, and soon three more trains will
    follow": one train and a group). Returns the trains merged away, by ``id``, with
    the train each was merged into.
    """
    lone = [t for t in draft.trains if t.group is None]
    if len(lone) < 2 or (draft.groups and len(lone) == len(draft.trains)):
        return {}
    kept: list[TrainDraft] = []
    merged: dict[int, TrainDraft] = {}
    for train in draft.trains:
        if train.group is not None:
            kept.append(train)
            continue
        target = next((k for k in kept if k.group is None and _restates(k, train, text)), None)
        if target is None:
            kept.append(train)
        else:
            _merge_into(target, train, text)
            merged[id(train)] = target
    draft.trains = kept
    return merged


def _group_of_dates(
    draft: ReportDraft,
    reader: _ClauseReader,
    listed: DateSpan,
    current: TrainDraft | None,
    text: str,
) -> GroupDraft:
    """Make one train per day of a list ("On 15 and 17 June, 87 wagons were sent ...").

    The places and claim of the clause (and of a train the sentence before began to
    describe without a date) are shared; counts go on the group, or on each train
    when the text says each. A train told before whose ends the list's clause
    contradicts ("... arrived at Osipovichi from Kapustin Yar. On 15 and 17 June 87
    empty wagons were sent from Orsha to Kapustin Yar") is another train, kept as told
    (trial20 T2).
    """
    group = GroupDraft(n_trains=len(listed.days))
    group.marker = reader._fact(len(listed.days), listed.start, listed.end)
    undated = (
        current is not None
        and current.group is None
        and draft.trains
        and draft.trains[-1] is current
        and current.departure is None
        and current.arrival is None
        and not current.counts
        and not _names_other_ends(reader, current)
    )
    if undated and current is not None:
        for role in ("origin", "destination", "goal", "claim"):
            setattr(group, role, getattr(current, role))
        draft.trains.pop()
    draft.groups.append(group)
    reader.places_into(group)
    reader.claim_into(group)
    if not reader.series_into(group):  # "with 40 and 45 cars": one count per train
        reader.counts_into(group.each if reader.rd.is_each(text) else group.counts)
    date_role = reader.role_of(listed)
    if date_role is None and reader.seen_on_the_move(listed):
        # "Pociągi zauważono 11, 14, 15 i 16 maja": each train was seen on the move on
        # its day, the earliest day it is known to have left (a sighting with no place)
        date_role = "departure"
    gi = len(draft.groups) - 1
    for day in listed.days:
        train = TrainDraft(group=gi)
        if date_role is not None and reader.published is not None:
            one = DateSpan(
                listed.start,
                listed.end,
                listed.text,
                (
                    *((k, v) for k, v in listed.fields if k not in ("list_d", "dm_d")),
                    ("dm_d", str(day)),
                ),
            )
            window = resolve_date(one, reader.published, forward=reader.claim is not None)
            if window is not None:
                fact = reader._fact(window, listed.start, listed.end)
                setattr(train, date_role, fact)
        group.members.append(len(draft.trains))
        draft.trains.append(train)
    group.dated = len(listed.days)
    return group


def _names_other_ends(reader: _ClauseReader, facts: _Facts) -> bool:
    """Whether a clause names an origin or destination other than the one ``facts`` has.

    Names are compared by :func:`_same_place` (a stem, whatever the case form:
    "Kapustin Jaru" and "Kapustina Jaru" are one place; a country fits any place).
    """
    for place in reader.places:
        role = reader.place_role(place)
        told = getattr(facts, role) if role in ("origin", "destination") else None
        if told is not None and not _same_place(told, reader._fact(place, place.start, place.end)):
            return True
    return False


def _headline_group(
    draft: ReportDraft, group: GroupDraft | None, n_trains: int, reader: _ClauseReader
) -> GroupDraft | None:
    """Take out the group a headline announced when the lead lists its trains by day.

    "В Барановичи прибыли два эшелона" over "5 и 6 апреля на станцию Барановичи-Полесские
    прибыли два воинских эшелона": the lead's trains, one per day, are the headline's
    (trial12 T10); the headline's group, still with no train described, counting as
    many trains and naming no other station for an end, is removed from the draft and
    returned so that what it said fills what the lead leaves open. None (and the draft
    as it was) otherwise.
    """
    if (
        group is None
        or group.members
        or group.dated
        or group.n_trains != n_trains
        or not draft.groups
        or draft.groups[-1] is not group
    ):
        return None
    for place in reader.places:
        role = reader.place_role(place)
        told = getattr(group, role) if role in ("origin", "destination") else None
        if told is not None and not _same_place(told, reader._fact(place, place.start, place.end)):
            return None  # ("Two trains arrived in Brest. On 5 and 6 April two ... Orsha")
    draft.groups.pop()
    return group


def _restated_into(told: GroupDraft, group: GroupDraft) -> None:
    """Fill a lead's group with what the headline said of the same trains.

    A place the lead names more closely stays ("Барановичи-Полесские" over
    "Барановичи"); the headline's fills a role the lead leaves open, and so do its
    claim and counts.
    """
    for role in ("origin", "destination"):
        fact = getattr(told, role)
        if fact is not None:
            _set_place(group, role, fact)
    if group.goal is None:
        group.goal = told.goal
    if group.claim is None:
        group.claim = told.claim
    for kind, fact in told.counts.items():
        group.counts.setdefault(kind, fact)
    for kind, fact in told.each.items():
        group.each.setdefault(kind, fact)


def _group_for_reference(draft: ReportDraft, group: GroupDraft | None) -> GroupDraft | None:
    """Return the group a "both trains"/"in total" clause speaks of, made if needed."""
    if group is not None:
        return group
    loose = [i for i, t in enumerate(draft.trains) if t.group is None]
    if len(loose) < 2:
        return None
    made = GroupDraft(n_trains=len(loose), members=loose)
    draft.groups.append(made)
    for i in loose:
        draft.trains[i].group = len(draft.groups) - 1
    return made


# Over the C901 cap; the languages work (issue 13) splits it.
def _fill_groups(draft: ReportDraft, *, max_group_trains: int) -> None:  # noqa: C901
    """Make the trains a group announced but did not describe; share group facts."""
    for train in draft.trains:
        # a train's own goal ("the other stopped at Gomel") beats its group's destination
        if train.destination is None and train.goal is not None:
            train.destination = train.goal
    for gi, group in enumerate(draft.groups):
        while len(group.members) < min(group.n_trains or 0, max_group_trains):
            group.members.append(len(draft.trains))
            draft.trains.append(TrainDraft(group=gi))
        for index in group.members:
            train = draft.trains[index]
            for name in (
                "origin",
                "destination",
                "goal",
                "approach",
                "departure",
                "arrival",
                "arrived",
                "claim",
            ):
                mine, theirs = getattr(train, name), getattr(group, name)
                if theirs is None:
                    continue
                if mine is None or (
                    name in ("origin", "destination")
                    and is_broad(mine.value.text)
                    and not is_broad(theirs.value.text)
                ):
                    setattr(train, name, theirs.shared())
            for kind, fact in group.each.items():
                # "два эшелона по 40 вагонов": said of each train, not shared out, so
                # an estimate only when the count itself is one ("по около 40")
                train.counts.setdefault(kind, fact)
            if not train.via:  # "two echelons passed through Orsha": each passed there
                train.via = [f.shared() for f in group.via]
                train.sightings = [(p.shared(), d.shared()) for p, d in group.sightings]
        for index, counts in zip(group.members, group.series, strict=False):
            for kind, fact in counts.items():
                draft.trains[index].counts.setdefault(kind, fact)
    for train in draft.trains:
        # "probably going to Ukraine; it will be unloaded near Belgorod": the specific
        # place given later is the destination
        if train.goal is not None and (
            train.destination is None
            or (is_broad(train.destination.value.text) and not is_broad(train.goal.value.text))
        ):
            train.destination = train.goal
        _approach_to_origin(train)

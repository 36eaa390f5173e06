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
>>> from datetime import date
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

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any

from railtrack.extract import cues
from railtrack.extract.dates import DateSpan, resolve_date
from railtrack.extract.lexicon import month_of
from railtrack.extract.numbers import CarCount
from railtrack.extract.places import PlaceSpan, is_broad
from railtrack.extract.readers import Reader, reader_for
from railtrack.extract.sentences import Clause, split_clauses

__all__ = ["Fact", "GroupDraft", "ReportDraft", "TrainDraft", "read_trains"]


@dataclass(frozen=True, slots=True)
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

    def shared(self) -> Fact:
        """Return the same fact, marked as inferred (shared from a group)."""
        return Fact(self.value, self.text, self.start, self.end, inferred=True)


@dataclass
class _Facts:
    origin: Fact | None = None
    destination: Fact | None = None
    goal: Fact | None = None  # "likely to reach Donbas": a destination only if none
    departure: Fact | None = None
    arrival: Fact | None = None
    claim: Fact | None = None
    counts: dict[str, Fact] = field(default_factory=dict)
    via: list[Fact] = field(default_factory=list)  # places passed or seen at, in order
    sightings: list[tuple[Fact, Fact]] = field(default_factory=list)  # (place, date window)
    last_role: str | None = None  # the role of the last verb read for these facts


@dataclass
class TrainDraft(_Facts):
    """The facts gathered for one train; ``group`` is the index of its group."""

    group: int | None = None
    marker: Fact | None = None
    number: str | None = None
    vague: bool = False  # made from trains named in the plural only ("trains from China")


@dataclass
class GroupDraft(_Facts):
    """The facts said of several trains together; ``each`` holds per-train counts."""

    n_trains: int | None = None
    each: dict[str, Fact] = field(default_factory=dict)
    series: list[dict[str, Fact]] = field(default_factory=list)  # "48 and 38 cars" in order
    members: list[int] = field(default_factory=list)
    marker: Fact | None = None


@dataclass
class ReportDraft:
    """The trains and groups of one report, and the problems met reading it."""

    trains: list[TrainDraft] = field(default_factory=list)
    groups: list[GroupDraft] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def _set_place(facts: _Facts, role: str, fact: Fact) -> None:
    current = getattr(facts, role)
    if current is None or (is_broad(current.value.text) and not is_broad(fact.value.text)):
        setattr(facts, role, fact)


def _has_facts(facts: _Facts) -> bool:
    return any(
        getattr(facts, name) is not None
        for name in ("origin", "destination", "goal", "departure", "arrival")
    ) or bool(facts.counts or facts.via)  # a train seen on its way is a shipment too


class _ClauseReader:
    """Read the places, dates, counts and claim of one clause into a facts holder."""

    def __init__(self, clause: Clause, text: str, published: date | None, reader: Reader) -> None:
        self.clause = clause
        self.offset = clause.start
        self.text = text
        self.published = published
        self.rd = reader

    # Each finder runs on first use only: most clauses need a few of them.
    @cached_property
    def verbs(self) -> list[cues.VerbCue]:
        return self.rd.verb_cues(self.text)

    @cached_property
    def places(self) -> list[PlaceSpan]:
        return self.rd.find_places(self.text)

    @cached_property
    def dates(self) -> list[DateSpan]:
        return self.rd.find_dates(self.text)

    @cached_property
    def counts(self) -> list[CarCount]:
        return self.rd.find_car_counts(self.text)

    @cached_property
    def claim(self) -> str | None:
        return self.rd.claim_kind(self.text)

    def _fact(self, value: Any, start: int, end: int, *, inferred: bool = False) -> Fact:
        return Fact(value, self.text[start:end], self.offset + start, self.offset + end, inferred)

    def _verb_for(self, position: int, end: int | None = None) -> cues.VerbCue | None:
        """Return the verb that governs words at ``position``: the one before, else after.

        With ``end`` (where those words end), in the Slavic languages, whose
        adverbials stand before their verb, a verb right after them ("w sobotę
        zatrzymał się", "28 lutego skierował się") governs them rather than a verb
        further back; English puts them after ("departed on December 29 reached").
        """
        before = [v for v in self.verbs if v.end <= position]
        after = [v for v in self.verbs if v.start >= (position if end is None else end)]
        if before and after and end is not None and self.rd.lang != "en":
            gap_after = self.text[end : after[0].start]
            if not gap_after.strip():
                return after[0]
        if before:
            return before[-1]
        return after[0] if after else None

    def places_into(self, facts: _Facts) -> None:
        for place in self.places:
            role = self.place_role(place)
            fact = self._fact(place, place.start, place.end)
            if role is None:
                if (
                    self._passed(place)
                    and not is_broad(place.text)
                    and not any(v.text == fact.text for v in facts.via)
                ):
                    facts.via.append(fact)  # "spotted in Bryansk", "через Оршу"
                continue
            _set_place(facts, role, fact)

    def _passed(self, place: PlaceSpan) -> bool:
        """Whether the train passed or was seen at an "at" place (a via point).

        A border crossing (role ``crossing``) is always passed.
        """
        if place.role == "crossing":
            return True
        if place.role != "at":
            return False
        cue = self.text[place.cue_start : place.start].strip().lower()
        if cue.startswith(_VIA_CUES):
            return True
        verb = self._verb_for(place.cue_start)
        return verb is not None and verb.role == "neutral"

    def place_role(self, place: PlaceSpan) -> str | None:
        if place.role in ("origin", "destination"):
            return place.role
        if place.role == "reach":
            return "goal"
        if place.role != "at":
            return None  # "alternative" ("to X or Y"), "onward" ("from there to X")
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
        fallback = facts.last_role or default_role
        if (
            fallback is not None
            and not self.verbs
            and default_role is None
            and not _refers_back(self.text)
        ):
            fallback = None  # (a train of a group, "drugi 3 marca z Homla", keeps its verb)
        for span in self.dates:
            verb = self._verb_for(span.start, span.end)
            if verb is None and (self.verbs or fallback is None):
                continue
            if verb is not None and verb.role == "neutral":
                self._sighting(facts, span, problems)
                continue
            # a past verb dates the past even in a clause that also plans ("departed from
            # Kursk on Monday and is due in Gomel on Thursday")
            forward = not verb.past if verb is not None else self.claim is not None
            window = resolve_date(span, self.published, forward=forward)
            if window is None:
                why = (
                    "no published date to resolve it"
                    if self.published is None
                    else "no such day, or outside the plausible range 1900-2100"
                )
                problems.append(f"cannot date {span.text!r}: {why}")
                continue
            # a numeric date that could be read month-first is read day-first, flagged
            inferred = (
                span.is_relative or span.is_ambiguous or window.precision in ("week", "month")
            )
            fact = self._fact(window, span.start, span.end, inferred=inferred)
            if verb is not None:
                role = "departure" if verb.role == "departure" else "arrival"
            else:
                role = fallback or "departure"
            if getattr(facts, role) is None:
                setattr(facts, role, fact)
        roles = [v.role for v in self.verbs if v.role != "neutral"]
        if roles:
            facts.last_role = "departure" if roles[-1] == "departure" else "arrival"

    def _sighting(self, facts: _Facts, span: DateSpan, problems: list[str]) -> None:
        passed = [p for p in self.places if self._passed(p)]
        if not passed:
            return
        window = resolve_date(span, self.published)
        if window is None:
            problems.append(f"cannot date {span.text!r}: no published date to resolve it")
            return
        place = min(passed, key=lambda p: abs(p.start - span.start))
        facts.sightings.append(
            (self._fact(place, place.start, place.end), self._fact(window, span.start, span.end))
        )

    def counts_into(self, counts: dict[str, Fact]) -> None:
        for count in self.counts:
            if count.kind not in counts:
                counts[count.kind] = self._fact(
                    count.value, count.start, count.end, inferred=count.estimated
                )
        # "an echelon of forty-eight platforms": the one count is the whole train.
        if len(self.counts) == 1 and "total" not in counts:
            count = self.counts[0]
            if self.rd.is_whole_train(self.text[: count.start]):
                counts["total"] = self._fact(
                    count.value, count.start, count.end, inferred=count.estimated
                )

    def series_into(self, group: GroupDraft) -> bool:
        """File "two trains with 48 and 38 cars" as one count per train, in order."""
        found = self.rd.find_count_series(self.text)
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

    def claim_into(self, facts: _Facts) -> None:
        if self.claim is not None and facts.claim is None:
            facts.claim = self._fact(self.claim, 0, len(self.text))

    def all_into(self, facts: _Facts, problems: list[str], default_role: str | None = None) -> None:
        self.places_into(facts)
        self.dates_into(facts, problems, default_role)
        self.counts_into(facts.counts)
        self.claim_into(facts)


def _pieces(
    clause: Clause, rd: Reader, *, merge_head: bool, group_has_room: bool
) -> list[tuple[Clause, cues.TrainMarker | None]]:
    """Split a clause where a new train is introduced mid-sentence.

    The words before the first marker go with the train it introduces when
    ``merge_head`` is set (no train is being described yet) or when they only set
    the scene ("On February 25, a military echelon left").
    """
    markers = [m for m in rd.new_train_markers(clause.text) if m.kind != "weak" or group_has_room]
    if not markers:
        return [(clause, None)]
    pieces: list[tuple[Clause, cues.TrainMarker | None]] = []
    bounds = [m.start for m in markers]
    head = clause.text[: bounds[0]]
    says_more = bool(rd.verb_cues(head) or rd.find_places(head))
    if head.strip() and (rd.has_train_noun(head) or (says_more and not merge_head)):
        pieces.append((Clause(head, clause.start, clause.start + len(head), clause.sentence), None))
    for i, marker in enumerate(markers):
        end = bounds[i + 1] if i + 1 < len(bounds) else len(clause.text)
        begin = 0 if i == 0 and not pieces else marker.start
        part = clause.text[begin:end]
        local = cues.TrainMarker(marker.kind, marker.start - begin, marker.end - begin, marker.text)
        pieces.append(
            (Clause(part, clause.start + begin, clause.start + end, clause.sentence), local)
        )
    return pieces


# Over the C901 cap; the languages work (issue 13) splits it.
def read_trains(  # noqa: C901
    text: str,
    *,
    published: date | None,
    max_group_trains: int = 20,
    lang: str = "en",
    sentence_lang: Callable[[str, str], str] | None = None,
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
    lang
        The report's language (a code of :data:`~railtrack.extract.lexicon.LANGUAGES`).
    sentence_lang
        Called with (sentence, ``lang``), returns the language of one sentence (a
        relay quoting the original); None reads every sentence in ``lang``.

    Returns
    -------
    ReportDraft
        Trains and groups with their facts; no train for text about no shipment.
    """
    draft = ReportDraft()
    current: TrainDraft | None = None
    group: GroupDraft | None = None
    sentences_off: set[int] = set()
    sentence_readers: dict[int, Reader] = {}
    clauses = split_clauses(text)
    if sentence_lang is not None:
        bounds: dict[int, tuple[int, int]] = {}
        for c in clauses:
            first, last = bounds.get(c.sentence, (c.start, c.end))
            bounds[c.sentence] = (min(first, c.start), max(last, c.end))
        for sentence_no, (first, last) in bounds.items():
            sentence_readers[sentence_no] = reader_for(sentence_lang(text[first:last], lang))
    default = reader_for(lang)
    for clause in clauses:
        if clause.sentence in sentences_off:
            continue
        rd = sentence_readers.get(clause.sentence, default)
        if _is_question(text, clause):
            sentences_off.add(clause.sentence)
            continue
        if rd.is_off_topic(clause.text):
            sentences_off.add(clause.sentence)
            continue
        room = group is not None and len(group.members) < (group.n_trains or 0)
        for piece, marker in _pieces(
            clause, rd, merge_head=current is None and group is None, group_has_room=room
        ):
            reader = _ClauseReader(piece, piece.text, published, rd)
            announcement = rd.group_announcement(piece.text)
            listed = reader.date_list()
            if (
                announcement is not None
                and listed is not None
                and len(listed.days) == announcement.n_trains
                and (marker is None or marker.start > announcement.start)
            ):
                # "Two echelons arrived on 12 and 14 January": one train per day
                group = _group_of_dates(draft, reader, listed, None, piece.text)
                current = None
                continue
            if announcement is not None and (marker is None or marker.start > announcement.start):
                if not (
                    group is not None
                    and not group.members
                    and group.n_trains == announcement.n_trains
                ):
                    # (the same count again, before any train is described, is the
                    # headline's announcement restated in the lead: one group)
                    group = GroupDraft(
                        n_trains=announcement.n_trains,
                        marker=reader._fact(announcement, announcement.start, announcement.end),
                    )
                    draft.groups.append(group)
                current = None
                reader.places_into(group)
                reader.dates_into(group, draft.problems)
                reader.claim_into(group)
                if not reader.series_into(group):
                    reader.counts_into(group.each if rd.is_each(piece.text) else group.counts)
                continue
            if (
                listed is not None
                and group is None
                and (rd.has_train_noun(piece.text) or reader.counts or rd.has_car_noun(piece.text))
            ):
                group = _group_of_dates(draft, reader, listed, current, piece.text)
                current = None
                continue
            if marker is not None:
                current = TrainDraft(
                    marker=reader._fact(marker, marker.start, marker.end),
                    number=rd.train_number(piece.text),
                )
                gi = len(draft.groups) - 1
                if group is not None and len(group.members) < (group.n_trains or 0):
                    current.group = gi
                    group.members.append(len(draft.trains))
                elif marker.kind == "indefinite":
                    group = None
                previous = draft.trains[-1] if draft.trains else None
                draft.trains.append(current)
                group_role = group.last_role if current.group is not None and group else None
                reader.all_into(current, draft.problems, group_role)
                if previous is not None and rd.same_route(piece.text):
                    # "a similar train passed along the same route": another train, that route
                    _follow_route(current, previous)
                    other = cues.TrainMarker("other", marker.start, marker.end, marker.text)
                    current.marker = reader._fact(other, marker.start, marker.end)
                continue
            if rd.is_group_reference(piece.text) and reader.counts:
                if not draft.groups:
                    # "In total, 40 cars": the headline and lead may be this train again
                    merged = _merge_restated(draft)
                    if current is not None:
                        current = merged.get(id(current), current)
                target = _group_for_reference(draft, group)
                if target is not None:
                    group = target
                    reader.counts_into(group.each if rd.is_each(piece.text) else group.counts)
                    continue
            if rd.is_each(piece.text) and group is not None and current is None:
                reader.counts_into(group.each)
                continue
            number = rd.train_number(piece.text)
            if current is not None and number is not None and current.number is None:
                current.number = number
            if current is not None and number not in (None, current.number):
                # "Train No. 969 ..." after "Train No. 967 ...": another train.
                current = TrainDraft(number=number)
                draft.trains.append(current)
                reader.all_into(current, draft.problems)
            elif current is not None and reader.conflicts_with(current):
                # A train has one origin and one destination: other ones mean the
                # text has moved on to another train ("that echelon is to go to Slutsk").
                current = TrainDraft()
                draft.trains.append(current)
                reader.all_into(current, draft.problems)
            elif current is not None:
                if current.vague and rd.has_train_noun(piece.text, singular=True):
                    current.vague = False  # "... loaded on to trains. ... onto a train at X"
                reader.all_into(current, draft.problems)
            elif group is not None:
                reader.all_into(group, draft.problems)
            elif rd.has_train_noun(piece.text) or (
                (reader.counts or rd.has_car_noun(piece.text))
                and any(v.role != "neutral" for v in reader.verbs)
                and any(reader.place_role(p) is not None for p in reader.places)
            ):
                # "Twenty-two flatcars were dispatched from Brest to Kursk" is a train too.
                current = TrainDraft(
                    number=number,
                    vague=not (reader.counts or rd.has_train_noun(piece.text, singular=True)),
                )
                draft.trains.append(current)
                reader.all_into(current, draft.problems)
    _fill_groups(draft, max_group_trains=max_group_trains)
    draft.trains = [t for t in draft.trains if _has_facts(t) or t.group is not None]
    _merge_restated(draft)
    draft.trains = [
        t for t in draft.trains if not (_only_a_country(t) or _only_a_make_up(t) or _only_vague(t))
    ]
    for train in draft.trains:
        _plan_of_a_later_arrival(train, published)
    return draft


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


def _only_a_country(train: TrainDraft) -> bool:
    """Whether all a lone train has is one country or region ("переброска в Беларусь").

    Such a mention is news about trains in general, not a shipment one can track.
    """
    if train.group is not None or train.counts or train.via or train.number:
        return False
    if any(getattr(train, role) is not None for role in _DATE_ROLES):
        return False
    places = [getattr(train, role) for role in (*_PLACE_ROLES, "goal")]
    places = [p for p in places if p is not None]
    return len(places) == 1 and is_broad(places[0].value.text)


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


def _plan_of_a_later_arrival(train: TrainDraft, published: date | None) -> None:
    """Claim ``planned`` for an arrival dated after the report was published.

    No one has seen an arrival that has not happened yet: "Date of arrival at the
    destination station - March 4" in a report of 26 February is a schedule. A claim
    the text states (``expected``: "likely") is kept.
    """
    arrival = train.arrival
    if published is None or train.claim is not None or arrival is None:
        return
    earliest = arrival.value.earliest
    if earliest is not None and earliest > published:
        train.claim = Fact("planned", arrival.text, arrival.start, arrival.end, inferred=True)


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
_VIA_CUES = ("through", "via", "past", "passed", "passing", "crossed", "через", "праз", "przez")
_DATE_ROLES = ("departure", "arrival")


def _same_place(a: Fact, b: Fact) -> bool:
    """Whether two place facts may name the same place (same stem, or one is a country)."""
    x: str = a.value.text.lower()
    y: str = b.value.text.lower()
    if is_broad(a.value.text) or is_broad(b.value.text):
        return True
    stem = min(len(x), len(y), 5)
    return x[:stem] == y[:stem]


def _restates(first: TrainDraft, later: TrainDraft) -> bool:
    """Whether ``later`` can be ``first`` told again (a headline, a lead, a detail)."""
    if first.group is not None or later.group is not None:
        return False
    if later.marker is not None and later.marker.value.kind in ("ordinal", "other"):
        return False
    if first.number and later.number and first.number != later.number:
        return False
    for role in _PLACE_ROLES:
        a, b = getattr(first, role), getattr(later, role)
        if a is not None and b is not None and not _same_place(a, b):
            return False
    for role in _DATE_ROLES:
        a, b = getattr(first, role), getattr(later, role)
        if a is not None and b is not None and a.value.earliest != b.value.earliest:
            return False
    return all(
        first.counts[kind].value == fact.value
        for kind, fact in later.counts.items()
        if kind in first.counts
    )


def _merge_into(first: TrainDraft, later: TrainDraft) -> None:
    for role in (*_PLACE_ROLES, "goal"):
        a, b = getattr(first, role), getattr(later, role)
        if b is not None and (a is None or (is_broad(a.value.text) and not is_broad(b.value.text))):
            setattr(first, role, b)
    for role in (*_DATE_ROLES, "claim"):
        if getattr(first, role) is None and getattr(later, role) is not None:
            setattr(first, role, getattr(later, role))
    for kind, fact in later.counts.items():
        first.counts.setdefault(kind, fact)
    # places passed and sightings told in either mention belong to the one train
    for fact in later.via:
        if not any(v.value.text.lower() == fact.value.text.lower() for v in first.via):
            first.via.append(fact)
    first.sightings.extend(s for s in later.sightings if s not in first.sightings)
    first.number = first.number or later.number
    first.vague = first.vague and later.vague


def _merge_restated(draft: ReportDraft) -> dict[int, TrainDraft]:
    """Make one train of a headline, a lead and a detail that tell the same train.

    Real reports name a train in the headline, again in the lead and in full in the
    body; each mention reads as a train. A train that contradicts nothing an earlier
    lone train says (places, dates, counts, number), and that no ordinal or "the
    other" marks as a different one, is merged into it. Trains of a group are left
    as the group made them. Returns the trains merged away, by ``id``, with the train
    each was merged into.
    """
    if len(draft.trains) < 2 or draft.groups:
        return {}
    kept: list[TrainDraft] = []
    merged: dict[int, TrainDraft] = {}
    for train in draft.trains:
        target = next((k for k in kept if _restates(k, train)), None)
        if target is None:
            kept.append(train)
        else:
            _merge_into(target, train)
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
    when the text says each.
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
    return group


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
            for name in ("origin", "destination", "goal", "departure", "arrival", "claim"):
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
                train.counts.setdefault(kind, fact.shared())
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

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

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any

from railtrack.extract import cues
from railtrack.extract.dates import DateSpan, find_dates, resolve_date
from railtrack.extract.numbers import CarCount, find_car_counts, find_count_series
from railtrack.extract.places import PlaceSpan, find_places, is_broad
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


@dataclass
class TrainDraft(_Facts):
    """The facts gathered for one train; ``group`` is the index of its group."""

    group: int | None = None
    marker: Fact | None = None
    number: str | None = None


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
    ) or bool(facts.counts)


class _ClauseReader:
    """Read the places, dates, counts and claim of one clause into a facts holder."""

    def __init__(self, clause: Clause, text: str, published: date | None) -> None:
        self.clause = clause
        self.offset = clause.start
        self.text = text
        self.published = published

    # Each finder runs on first use only: most clauses need a few of them.
    @cached_property
    def verbs(self) -> list[cues.VerbCue]:
        return cues.verb_cues(self.text)

    @cached_property
    def places(self) -> list[PlaceSpan]:
        return find_places(self.text)

    @cached_property
    def dates(self) -> list[DateSpan]:
        return find_dates(self.text)

    @cached_property
    def counts(self) -> list[CarCount]:
        return find_car_counts(self.text)

    @cached_property
    def claim(self) -> str | None:
        return cues.claim_kind(self.text)

    def _fact(self, value: Any, start: int, end: int, *, inferred: bool = False) -> Fact:
        return Fact(value, self.text[start:end], self.offset + start, self.offset + end, inferred)

    def _verb_for(self, position: int) -> cues.VerbCue | None:
        before = [v for v in self.verbs if v.end <= position]
        if before:
            return before[-1]
        after = [v for v in self.verbs if v.start >= position]
        return after[0] if after else None

    def places_into(self, facts: _Facts) -> None:
        for place in self.places:
            role = self._place_role(place)
            if role is None:
                continue
            fact = self._fact(place, place.start, place.end)
            _set_place(facts, role, fact)

    def _place_role(self, place: PlaceSpan) -> str | None:
        if place.role in ("origin", "destination"):
            return place.role
        if place.role == "reach":
            return "goal"
        verb = self._verb_for(place.cue_start)
        if verb is not None and verb.role == "arrival" and verb.end <= place.cue_start:
            return "goal"
        return None

    def conflicts_with(self, facts: _Facts) -> bool:
        """Whether this clause names another specific origin or destination."""
        for place in self.places:
            role = self._place_role(place)
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

    def dates_into(self, facts: _Facts, problems: list[str]) -> None:
        for span in self.dates:
            verb = self._verb_for(span.start)
            if verb is None or verb.role == "neutral":
                continue
            forward = not verb.past or self.claim is not None
            window = resolve_date(span, self.published, forward=forward)
            if window is None:
                problems.append(f"cannot date {span.text!r}: no published date to resolve it")
                continue
            inferred = span.is_relative or window.precision in ("week", "month")
            fact = self._fact(window, span.start, span.end, inferred=inferred)
            role = "departure" if verb.role == "departure" else "arrival"
            if getattr(facts, role) is None:
                setattr(facts, role, fact)

    def counts_into(self, counts: dict[str, Fact]) -> None:
        for count in self.counts:
            if count.kind not in counts:
                counts[count.kind] = self._fact(
                    count.value, count.start, count.end, inferred=count.estimated
                )
        # "an echelon of forty-eight platforms": the one count is the whole train.
        if len(self.counts) == 1 and "total" not in counts:
            count = self.counts[0]
            if cues.is_whole_train(self.text[: count.start]):
                counts["total"] = self._fact(
                    count.value, count.start, count.end, inferred=count.estimated
                )

    def series_into(self, group: GroupDraft) -> bool:
        """File "two trains with 48 and 38 cars" as one count per train, in order."""
        found = find_count_series(self.text)
        if found is None or len(found[0]) != group.n_trains:
            return False
        values, kind, start, end = found
        group.series = [{kind: self._fact(v, start, end)} for v in values]
        return True

    def claim_into(self, facts: _Facts) -> None:
        if self.claim is not None and facts.claim is None:
            facts.claim = self._fact(self.claim, 0, len(self.text))

    def all_into(self, facts: _Facts, problems: list[str]) -> None:
        self.places_into(facts)
        self.dates_into(facts, problems)
        self.counts_into(facts.counts)
        self.claim_into(facts)


def _pieces(
    clause: Clause, *, merge_head: bool, group_has_room: bool
) -> list[tuple[Clause, cues.TrainMarker | None]]:
    """Split a clause where a new train is introduced mid-sentence.

    The words before the first marker go with the train it introduces when
    ``merge_head`` is set (no train is being described yet) or when they only set
    the scene ("On February 25, a military echelon left").
    """
    markers = [m for m in cues.new_train_markers(clause.text) if m.kind != "weak" or group_has_room]
    if not markers:
        return [(clause, None)]
    pieces: list[tuple[Clause, cues.TrainMarker | None]] = []
    bounds = [m.start for m in markers]
    head = clause.text[: bounds[0]]
    says_more = bool(cues.verb_cues(head) or find_places(head))
    if head.strip() and (cues.has_train_noun(head) or (says_more and not merge_head)):
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


# Over the C901 cap: train reading; the languages work (issue 13) splits it.
def read_trains(text: str, *, published: date | None, max_group_trains: int = 12) -> ReportDraft:  # noqa: C901
    """Read the trains and groups a report describes.

    Parameters
    ----------
    text
        The report.
    published
        Its publication day, to resolve relative dates and years.
    max_group_trains
        The most trains made from one announcement ("five echelons left").

    Returns
    -------
    ReportDraft
        Trains and groups with their facts; no train for text about no shipment.
    """
    draft = ReportDraft()
    current: TrainDraft | None = None
    group: GroupDraft | None = None
    sentences_off: set[int] = set()
    for clause in split_clauses(text):
        if clause.sentence in sentences_off:
            continue
        if cues.is_off_topic(clause.text):
            sentences_off.add(clause.sentence)
            continue
        room = group is not None and len(group.members) < (group.n_trains or 0)
        for piece, marker in _pieces(
            clause, merge_head=current is None and group is None, group_has_room=room
        ):
            reader = _ClauseReader(piece, piece.text, published)
            announcement = cues.group_announcement(piece.text)
            if announcement is not None and (marker is None or marker.start > announcement.start):
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
                    reader.counts_into(group.each if cues.is_each(piece.text) else group.counts)
                continue
            if marker is not None:
                current = TrainDraft(
                    marker=reader._fact(marker, marker.start, marker.end),
                    number=cues.train_number(piece.text),
                )
                gi = len(draft.groups) - 1
                if group is not None and len(group.members) < (group.n_trains or 0):
                    current.group = gi
                    group.members.append(len(draft.trains))
                elif marker.kind == "indefinite":
                    group = None
                draft.trains.append(current)
                reader.all_into(current, draft.problems)
                continue
            if cues.is_group_reference(piece.text) and reader.counts:
                target = _group_for_reference(draft, group)
                if target is not None:
                    group = target
                    reader.counts_into(group.each if cues.is_each(piece.text) else group.counts)
                    continue
            if cues.is_each(piece.text) and group is not None and current is None:
                reader.counts_into(group.each)
                continue
            number = cues.train_number(piece.text)
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
                reader.all_into(current, draft.problems)
            elif group is not None:
                reader.all_into(group, draft.problems)
            elif cues.has_train_noun(piece.text) or (
                (reader.counts or cues.has_car_noun(piece.text))
                and any(v.role != "neutral" for v in reader.verbs)
                and any(p.role != "at" for p in reader.places)
            ):
                # "Twenty-two flatcars were dispatched from Brest to Kursk" is a train too.
                current = TrainDraft(number=number)
                draft.trains.append(current)
                reader.all_into(current, draft.problems)
    _fill_groups(draft, max_group_trains=max_group_trains)
    draft.trains = [t for t in draft.trains if _has_facts(t) or t.group is not None]
    return draft


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


# Over the C901 cap: train reading; the languages work (issue 13) splits it.
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
        for index, counts in zip(group.members, group.series, strict=False):
            for kind, fact in counts.items():
                draft.trains[index].counts.setdefault(kind, fact)
    for train in draft.trains:
        if train.destination is None and train.goal is not None:
            train.destination = train.goal

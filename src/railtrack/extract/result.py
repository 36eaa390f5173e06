"""Turn read train drafts into models, and models into the ``extract --json`` shape.

:class:`Extraction` holds the :class:`~railtrack.models.Shipment` and
:class:`~railtrack.models.ShipmentGroup` models of one report and the problems met;
:meth:`Extraction.to_dict` gives ``{"shipments": [...], "groups": [...]}`` with the
field names scripts depend on.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field, replace
from datetime import datetime, time, tzinfo
from functools import cached_property
from math import fsum
from typing import TYPE_CHECKING, Any, TypeVar, cast

from pydantic import ValidationError

from railtrack._intern import Interner, current
from railtrack.extract.attribution import credited_sources
from railtrack.extract.clock import NIGHT, TIME_OF_DAY
from railtrack.extract.dates import resolve_date
from railtrack.extract.headings import told_as_direction
from railtrack.extract.hearsay import hearsay_at
from railtrack.extract.later import told_later
from railtrack.extract.lexicon import LANGUAGES
from railtrack.extract.midnight import past_midnight
from railtrack.extract.numbers import AtLeast, AtMost, CountRange
from railtrack.extract.places import resolve_place
from railtrack.extract.quotes import Quotes
from railtrack.extract.readers import reader_for
from railtrack.extract.sentences import sentence_around, sentence_ends
from railtrack.extract.textpass import written_span
from railtrack.extract.toldbefore import speaks_of_told_train
from railtrack.extract.trains import (
    Fact,
    GroupDraft,
    ReportDraft,
    TallyDraft,
    TrainDraft,
    arrival_told,
)
from railtrack.models import (
    CAR_TYPES,
    CarCounts,
    ClaimKind,
    DateWindow,
    Evidence,
    Place,
    Shipment,
    ShipmentGroup,
    Sighting,
    Source,
    utc_naive,
)
from railtrack.settings import Settings

if TYPE_CHECKING:
    from pydantic import BaseModel

    from railtrack.network import RailNetwork

M = TypeVar("M", bound="BaseModel")

__all__ = [
    "Extraction",
    "build_extraction",
    "cars_dict",
    "place_dict",
    "pointed_at_written",
    "time_beside",
    "window_dict",
]

_CAR_FIELDS = ("total", *CAR_TYPES)

# Every Evidence is built with all its fields set: one set serves them all (a copy of
# a model copies its set before changing it, so sharing it is safe).
_EVIDENCE_FIELDS = set(Evidence.model_fields)


@dataclass(frozen=True)
class Extraction:
    """What one report says: its shipments, its groups of trains, and the problems met.

    ``problems`` are messages such as unresolved station names (kept as written and
    flagged ``Place.unresolved``) or dates that could not be resolved.
    """

    shipments: list[Shipment] = field(default_factory=list)
    groups: list[ShipmentGroup] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    unresolved: list[str] = field(default_factory=list)
    """The problems that are place names left unresolved (also in ``problems``)."""
    sightings: list[Sighting] = field(default_factory=list)
    """Trains seen at a place on the way, with the day ("spotted in Bryansk on March 6")."""
    lang: str | None = None
    """The language the report was read in (ISO 639-1), or the one it was found to be
    in when railtrack does not read it (then a problem says so)."""
    tallies: list[TallyDraft] = field(default_factory=list)
    """Trains counted over a period, not told one by one ("С начала года ... 33
    эшелона", "In January, about 15 trains arrived"): background, never shipments."""
    retraction: str | None = None
    """The words by which the report retracts a train ("не подтвердилась", "was not
    confirmed"; :mod:`railtrack.extract.retractions`), or None."""
    retracted: list[Shipment] = field(default_factory=list)
    """The trains the report retracts, as it tells them (never listed as shipments):
    a loader names the train of an earlier report each one matches."""
    retracted_seen: list[Sighting] = field(default_factory=list)
    """Where and when the report says its retracted trains were seen ("прошедший через
    Полоцк 14 августа"): named in :meth:`retraction_notes`, never listed as sightings."""

    def retraction_notes(self) -> list[str]:
        """Return one line saying the report retracts a train and lists none (trial15 T2).

        Examples
        --------
        The train is named by its places, days and cars as the retraction tells them
        ("via Полоцк, seen 2026-08-14, 38 cars"; trial18 T3), "a train" only when it
        tells none.

        Examples
        --------
        >>> print(Extraction(retraction="не подтвердилась").retraction_notes()[0])
        ... # doctest: +NORMALIZE_WHITESPACE
        'не подтвердилась': the report retracts a train told before (not listed as a
        train): it names no place, day or count of that train, so it is NOT applied (no
        train struck; every train stays counted)
        >>> Extraction().retraction_notes()
        []
        """
        if self.retraction is None:
            return []
        told = "; ".join(_retracted_label(s, self.retracted_seen) for s in self.retracted)
        what = f" ({told})" if told else ""
        # no place, day or count told: nothing to bind it to (unless it is a reply, which
        # a loader binds to the post it answers); said plainly (trial19b T3)
        undone = (
            ""
            if told
            else ": it names no place, day or count of that train, so it is NOT applied "
            "(no train struck; every train stays counted)"
        )
        return [
            f"{self.retraction!r}: the report retracts a train told before{what} "
            f"(not listed as a train){undone}"
        ]

    def tally_notes(self) -> list[str]:
        """Return one line per tally saying it was read and why it lists no train.

        A tally ("33 эшелона" counted since January) is read, not dropped: loaders put
        these lines among a report's problems and ``railtrack extract`` prints them, so
        a report of tallies alone never reads as a silent "no shipment".

        Returns
        -------
        list of str
            ``"'<words>' counts trains over a period (a tally of N trains[ or more]):
            not listed as trains"`` ("a tally of 1 train" for one), in the order the
            tallies are told.

        Examples
        --------
        >>> from railtrack.extract.trains import TallyDraft
        >>> (note,) = Extraction(tallies=[TallyDraft(33, True, 0, 10, "33 эшелона")]).tally_notes()
        >>> note.split(" (")[0], note.endswith("or more): not listed as trains")
        ("'33 эшелона' counts trains over a period", True)
        """
        return [
            f"{t.text!r} counts trains over a period (a tally of {t.n_trains} "
            f"{'train' if t.n_trains == 1 else 'trains'}"
            f"{' or more' if t.at_least else ''}): not listed as trains"
            for t in self.tallies
        ]

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON shape of ``railtrack extract --json``.

        ``lang`` is the report's language. Each shipment has ``id``, ``lang``,
        ``origin``/``destination`` (``text``, ``station``,
        ``station_id``, ``region`` or null), ``departure``/``expected_arrival``
        (``earliest``, ``latest`` ISO dates, ``precision``, ``text`` or null),
        ``arrival_told`` (the arrival told as past, dated or not), ``arrival_denied``
        (the source says it had not arrived by its publication day),
        ``cars`` (``total``, ``passenger``, ``covered``, ``flat``, ``tank``, ``other``),
        ``cars_estimated``, ``cars_at_least`` (the total is a lower bound: "at least 40
        cars"), ``cars_at_most`` (an upper bound: "up to 60 cars"; with
        ``cars_at_least``, a range: "30-35 flat cars"), ``cars_total_max`` (the most
        cars the source allows: the bound, or a range's high end; null without one),
        ``group``, ``claim``, ``confidence`` and ``evidence``; each group ``id``,
        ``n_trains``, ``members``, ``cars``, ``cars_estimated``, ``cars_at_least``,
        ``cars_at_most``, ``cars_total_max`` and ``evidence``; each tally (trains
        counted over a period, no shipment) ``n_trains``, ``at_least``, ``text`` and
        its ``start``/``end`` offsets.
        """
        members: dict[str, list[str]] = {}
        for s in self.shipments:
            if s.group is not None:
                members.setdefault(s.group, []).append(s.id)
        return {
            "lang": self.lang,
            "shipments": [
                {
                    "id": s.id,
                    "lang": s.lang,
                    "origin": place_dict(s.origin),
                    "destination": place_dict(s.destination),
                    "via": [place_dict(v) for v in s.via],
                    "departure": window_dict(s.departure),
                    "expected_arrival": window_dict(s.expected_arrival),
                    "arrival_told": s.arrival_told,
                    "arrival_denied": s.arrival_denied,
                    "cars": cars_dict(s.cars),
                    "cars_estimated": s.cars.estimated,
                    "cars_at_least": s.cars.at_least,
                    "cars_at_most": s.cars.at_most,
                    "cars_total_max": s.cars.total_max,
                    "group": s.group,
                    "claim": s.claim,
                    "confidence": round(s.confidence, 3),
                    "evidence": [e.model_dump(mode="json") for e in s.evidence],
                }
                for s in self.shipments
            ],
            "groups": [
                {
                    "id": g.id,
                    "n_trains": g.n_trains,
                    "members": members.get(g.id, []),
                    "cars": cars_dict(g.cars),
                    "cars_estimated": g.cars.estimated,
                    "cars_at_least": g.cars.at_least,
                    "cars_at_most": g.cars.at_most,
                    "cars_total_max": g.cars.total_max,
                    "evidence": [e.model_dump(mode="json") for e in g.evidence],
                }
                for g in self.groups
            ],
            "sightings": [
                {
                    "id": x.id,
                    "shipment": x.shipment,
                    "place": place_dict(x.station),
                    "seen": {
                        "earliest": x.seen_at.date().isoformat(),
                        "precision": x.precision,
                        "text": x.note,
                        # the time of day, when told ("ў 11:20"): "11:20", else null
                        "time": (
                            x.seen_at.time().isoformat(timespec="minutes")
                            if x.precision == "datetime"
                            else None
                        ),
                    },
                }
                for x in self.sightings
            ],
            "tallies": [
                {
                    "n_trains": t.n_trains,
                    "at_least": t.at_least,
                    "text": t.text,
                    "start": t.start,
                    "end": t.end,
                }
                for t in self.tallies
            ],
        }


def place_dict(place: Place | None) -> dict[str, Any] | None:
    """Return the JSON object of a place: ``text`` as written and what it resolved to.

    Parameters
    ----------
    place : railtrack.models.Place or None
        The place.

    Returns
    -------
    dict or None
        ``text``, ``station``, ``station_id``, ``region``, ``unresolved``; None for None.

    Examples
    --------
    >>> from railtrack.models import Place
    >>> place_dict(Place(text="Orsha"))["text"], place_dict(None)
    ('Orsha', None)
    """
    if place is None:
        return None
    return {
        "text": place.text,
        "station": place.station,
        "station_id": place.station_id,
        "region": place.region,
        "unresolved": place.unresolved,
    }


def window_dict(window: DateWindow | None) -> dict[str, Any] | None:
    """Return the JSON object of a date window (ISO dates or null, precision, text).

    Parameters
    ----------
    window : railtrack.models.DateWindow or None
        The window.

    Returns
    -------
    dict or None
        ``earliest`` and ``latest`` (ISO dates or None), ``precision`` and ``text``;
        None for None.

    Examples
    --------
    >>> from datetime import date
    >>> from railtrack.models import DateWindow
    >>> window_dict(DateWindow.day(date(2023, 3, 6)))["earliest"]
    '2023-03-06'
    """
    if window is None:
        return None
    return {
        "earliest": window.earliest.isoformat() if window.earliest else None,
        "latest": window.latest.isoformat() if window.latest else None,
        "precision": window.precision,
        "text": window.text,
    }


def cars_dict(cars: CarCounts) -> dict[str, int | None]:
    """Return the JSON object of car counts: total and each type, integers or null.

    ``total`` is the total the report states: a total only derived from the typed
    parts (:attr:`CarCounts.total_derived`) is null here, as nothing in the text says it.

    Parameters
    ----------
    cars : railtrack.models.CarCounts
        The counts (cars).

    Returns
    -------
    dict of str to int or None
        ``total`` and one key per car type.

    Examples
    --------
    >>> from railtrack.models import CarCounts
    >>> cars_dict(CarCounts(total=40))["total"]
    40
    """
    data = {name: getattr(cars, name) for name in _CAR_FIELDS}
    if cars.total_derived:
        data["total"] = None
    return data


def time_beside(text: str, start: int, end: int, *, reach: int = 30) -> time | None:
    """Return the time of day written within ``reach`` characters of a date, if any.

    Only a time in the same sentence counts; the nearest one wins.

    Parameters
    ----------
    text : str
        The report.
    start, end : int
        Character offsets of the date in ``text``.
    reach : int, optional
        How many characters either side are searched (30).

    Returns
    -------
    datetime.time or None
        The nearest time of day (``HH:MM``) in the date's sentence, or None.

    Examples
    --------
    >>> time_beside("14 сакавіка ў 11:20 праз станцыю Орша", 0, 11)
    datetime.time(11, 20)
    >>> time_beside("At around 09:00 on March 14, a train", 19, 27)
    datetime.time(9, 0)
    >>> time_beside("On March 14 a train left. At 09:00 another", 3, 11) is None
    True
    """
    lo, hi = max(0, start - reach), min(len(text), end + reach)
    # ("o godz. 22:40": the period of a clock word ends no sentence, trial13 S1)
    stops = [m.end() for m in sentence_ends(text, lo, start)]
    lo = max([lo, *stops])
    after = sentence_ends(text, end, hi)
    hi = after[0].start(2) if after else hi
    best: tuple[int, time] | None = None
    for m in TIME_OF_DAY.finditer(text, lo, hi):
        # (0 for a time inside the span: a date fact set on the time itself)
        distance = max(0, m.start() - end, start - m.end())
        if best is None or distance < best[0]:
            best = (distance, time(int(m[1]), int(m[2])))
    return best[1] if best else None


def times_in_turn(text: str, places: list[tuple[int, int]]) -> dict[int, time]:
    """Return the time each place of a run of places passed was seen at, by position.

    "passed Orsha at 10:00 and Mogilev at 14:30", "в 10:00 прошёл Оршу, в 14:30 —
    Могилёв": a sentence that names as many times of day as places seen gives them
    in turn, whichever side of its place a time is written on. ``places`` are the
    (start, end) of the places seen; the result maps a place's start to its time,
    and is empty unless every sentence with two or more of them has one time each.

    Examples
    --------
    >>> t = "passed Orsha at 10:00 and Mogilev at 14:30, heading for Zhlobin."
    >>> times_in_turn(t, [(7, 12), (26, 33)])
    {7: datetime.time(10, 0), 26: datetime.time(14, 30)}
    >>> times_in_turn("passed Orsha and Mogilev at 14:30.", [(7, 12), (17, 24)])
    {}
    """
    found: dict[int, time] = {}
    by_sentence: dict[tuple[int, int], list[int]] = {}
    for start, _ in sorted(set(places)):
        by_sentence.setdefault(sentence_around(text, start), []).append(start)
    for (lo, hi), starts in by_sentence.items():
        clock = [time(int(m[1]), int(m[2])) for m in TIME_OF_DAY.finditer(text, lo, hi)]
        if len(starts) >= 2 and len(clock) == len(starts):
            found.update(zip(starts, clock, strict=True))
    return found


class _Builder:
    def __init__(
        self,
        *,
        report_id: str,
        source: Source,
        network: RailNetwork | None,
        settings: Settings,
        lang: str | None = None,
        text: str | None = None,
    ) -> None:
        self.lang = lang
        self.text = text
        self.quotes = Quotes(text) if text else None
        self.report_id = report_id
        # Within a load, equal values share one frozen model and each name is
        # resolved once for all its reports; alone, a report keeps its own cache.
        self.shared: Interner | None = current()
        self.source = self.same(source)
        self.network = network
        self.settings = settings
        self.cache: dict[str, Any] = (
            {} if self.shared is None else self.shared.table(("places", network))
        )
        self.problems: list[str] = []
        self.unresolved: list[str] = []
        self.zone: tzinfo | None = None  # the author's: a time told is local (trial15 T5)

    def confidence(self, fact: Fact) -> float:
        s = self.settings
        return s.extract_confidence_inferred if fact.inferred else s.extract_confidence_stated

    def evidence(self, name: str, fact: Fact, confidence: float | None = None) -> Evidence:
        # Built from values read here (offsets >= 0, confidence in [0, 1]): skip validation.
        return Evidence.model_construct(
            _EVIDENCE_FIELDS,
            field=name,
            text=fact.text,
            start=fact.start,
            end=fact.end,
            confidence=self.confidence(fact) if confidence is None else confidence,
            quote=None if self.quotes is None else self.quotes.quote(fact.start, fact.end),
        )

    def place(
        self, name: str, fact: Fact | None, owner: str
    ) -> tuple[Place | None, list[Evidence]]:
        if fact is None:
            return None, []
        text = fact.value.text
        lang = getattr(fact.value, "lang", None)
        place = self.same(resolve_place(text, self.network, cache=self.cache, lang=lang))
        confidence = self.confidence(fact)
        if place.unresolved:
            confidence = min(confidence, self.settings.extract_confidence_unresolved)
            message = f"{owner}: {name} {text!r} did not resolve to a station; kept as written"
            if message not in self.unresolved:
                self.unresolved.append(message)
        elif place.resolved_score is not None:
            confidence = min(confidence, place.resolved_score / 100)
        return place, [self.evidence(name, fact, confidence)]

    def cars(
        self, counts: dict[str, Fact], owner: str, *, trains: int = 1
    ) -> tuple[CarCounts, list[Evidence]]:
        values = {kind: fact.value for kind, fact in counts.items()}
        estimated = any(fact.inferred for fact in counts.values())
        # "at least 40 cars": the total is a lower bound; so is a total summed from
        # parts one of which is ("не менее 30 платформ и 2 вагона")
        bounds = [
            isinstance(v, AtLeast)
            for k, v in values.items()
            if k == "total" or "total" not in values
        ]
        at_least = any(bounds)
        # "up to 60 cars", "почти 50": the total (or a part, with no total) is an upper bound
        at_most = any(
            isinstance(v, (AtMost, CountRange))
            for k, v in values.items()
            if k == "total" or "total" not in values
        )
        total_max = _total_max(values) if at_most else None
        values = {k: int(v) if isinstance(v, (AtLeast, AtMost)) else v for k, v in values.items()}
        limit = self.settings.max_cars_per_train * trains
        # the total, or the typed parts together ("30 flats and 100 passenger": 130)
        typed = sum(v for k, v in values.items() if k != "total" and isinstance(v, int))
        most = max([typed, total_max or 0, *(v for v in values.values() if isinstance(v, int))])
        if most > limit:
            self.problems.append(
                f"{owner}: {most} cars is more than {trains} train(s) can "
                f"carry ({limit}, Settings.max_cars_per_train); counts dropped"
            )
            values, counts, total_max, at_least, at_most = {}, {}, None, False, False
        try:
            cars = CarCounts(
                **values,
                estimated=estimated,
                at_least=at_least,
                at_most=at_most,
                total_max=total_max,
            )
        except ValidationError:
            total = values.pop("total", None)
            self.problems.append(
                f"{owner}: typed cars add up to more than the total {total}; total dropped"
            )
            counts = {k: f for k, f in counts.items() if k != "total"}
            at_least = any(isinstance(f.value, AtLeast) for f in counts.values())
            at_most = any(isinstance(f.value, (AtMost, CountRange)) for f in counts.values())
            total_max = _total_max({k: f.value for k, f in counts.items()}) if at_most else None
            cars = CarCounts(
                **values,
                estimated=estimated,
                at_least=at_least,
                at_most=at_most,
                total_max=total_max,
            )
        cars = self.same(cars)
        evidence = [self.evidence(f"cars.{kind}", fact) for kind, fact in counts.items()]
        return cars, evidence

    def same(self, model: M) -> M:
        """Return the model of the load equal to ``model`` (``model`` itself outside a load)."""
        return model if self.shared is None else self.shared.share(model)

    def heading(self, train: TrainDraft, *, told: bool) -> bool:
        """Whether the train's destination is only a direction ("ў кірунку Мінска")."""
        dest = train.destination
        if dest is None or told or train.arrival is not None or not self.text:
            return False
        return told_as_direction(self.text, dest.start, self.lang)

    @cached_property
    def told_before(self) -> bool:
        """Whether the report speaks of a train already told ("о котором мы писали")."""
        return bool(self.text) and speaks_of_told_train(self.text or "", self.lang)

    def window(self, fact: Fact | None, moment: datetime | None = None) -> DateWindow | None:
        """Return a fact's window; one told with a time of day is the UTC day of ``moment``.

        Parameters
        ----------
        fact : Fact or None
            A date fact of a train (its value a :class:`~railtrack.models.DateWindow`).
        moment : datetime, optional
            The moment (naive UTC) the fact is told at, from :meth:`end_moments`.

        Returns
        -------
        DateWindow or None
            The fact's window (shared within a load), moved to ``moment``'s day when
            that differs; None for no fact.

        Examples
        --------
        >>> from datetime import date, datetime
        >>> from railtrack.extract.trains import Fact
        >>> from railtrack.models import DateWindow, Source
        >>> from railtrack.settings import DEFAULT_SETTINGS
        >>> b = _Builder(report_id="r", source=Source(reporter="H"), network=None,
        ...              settings=DEFAULT_SETTINGS)
        >>> day = DateWindow(earliest=date(2026, 5, 20), latest=date(2026, 5, 20),
        ...                  precision="day", text="Сёння")
        >>> b.window(Fact(day, "Сёння", 0, 5)).earliest
        datetime.date(2026, 5, 20)
        >>> b.window(Fact(day, "Сёння", 0, 5), datetime(2026, 5, 19, 22, 20)).earliest
        datetime.date(2026, 5, 19)
        >>> b.window(None) is None
        True
        """
        if fact is None:
            return None
        window: DateWindow = fact.value
        if moment is not None and window.earliest != moment.date():
            day = moment.date()
            window = window.model_copy(update={"earliest": day, "latest": day})
        return self.same(window)

    def end_moments(self, train: TrainDraft) -> dict[str, datetime]:
        """Return the moments (UTC) a train's departure and arrival are told at, by end.

        "Сёння а 01:20 на станцыю Асіповічы прыбыў", "Dziś o 01:20 ... przybył",
        "Today at 01:20 ... arrived" (trial17b T10): a one-day window with a time of
        day beside its words is that time, the author's local time when the post
        has a zone, kept in UTC (so its day is the UTC day of that moment, as a
        passing train's sighting is). A date shared by both ends or by a place seen
        on the way takes only a time written beside the end's own place ("вчера в
        10:00 вышел из Орши, в 18:00 прибыл в Брест").

        Parameters
        ----------
        train : TrainDraft
            The train's facts as read (offsets into the builder's text).

        Returns
        -------
        dict of str to datetime
            ``"departure"`` and/or ``"arrival"``: the naive UTC moment told; an end
            with no one-day window or no time of day within
            ``Settings.extract_time_reach_chars`` of its date (or
            ``extract_place_time_reach_chars`` of its place, for a shared date) is
            left out. Empty for a builder with no text.

        Examples
        --------
        >>> from datetime import date
        >>> from railtrack.extract.places import PlaceSpan
        >>> from railtrack.extract.trains import Fact, TrainDraft
        >>> from railtrack.models import DateWindow, Source
        >>> from railtrack.settings import DEFAULT_SETTINGS
        >>> text = "Сёння а 01:20 на станцыю Асіповічы прыбыў эшалон."
        >>> b = _Builder(report_id="r", source=Source(reporter="H"), network=None,
        ...              settings=DEFAULT_SETTINGS, lang="be", text=text)
        >>> day = DateWindow(earliest=date(2026, 5, 20), latest=date(2026, 5, 20),
        ...                  precision="day", text="Сёння")
        >>> at = text.index("Асіповічы")
        >>> place = PlaceSpan("destination", "Асіповічы", at, at + 9, at - 15)
        >>> train = TrainDraft(destination=Fact(place, "Асіповічы", at, at + 9),
        ...                    arrival=Fact(day, "Сёння", 0, 5))
        >>> b.end_moments(train)
        {'arrival': datetime.datetime(2026, 5, 20, 1, 20)}
        """
        if not self.text:
            return {}
        shared = {(d.start, d.end) for _, d in train.sightings}
        ends = {"departure": train.departure, "arrival": train.arrival}
        spans = [(f.start, f.end) for f in ends.values() if f is not None]
        shared.update(x for x in spans if spans.count(x) > 1)
        places = {"departure": train.origin, "arrival": train.destination}
        found: dict[str, datetime] = {}
        for end, fact in ends.items():
            if fact is None:
                continue
            window: DateWindow = fact.value
            if window.precision != "day" or window.earliest is None:
                continue
            if window.earliest != window.latest:
                continue
            place = places[end]
            at = (
                None
                if (fact.start, fact.end) in shared
                else time_beside(
                    self.text, fact.start, fact.end, reach=self.settings.extract_time_reach_chars
                )
            )
            if at is None and place is not None and (fact.start, fact.end) in shared:
                at = time_beside(
                    self.text,
                    place.start,
                    place.end,
                    reach=self.settings.extract_place_time_reach_chars,
                )
            if at is None:
                continue
            found[end] = utc_naive(datetime.combine(window.earliest, at, tzinfo=self.zone))
        return found

    def shipment(self, train: TrainDraft, ordinal: int, group_ids: list[str]) -> Shipment:
        sid = f"{self.report_id}-t{ordinal}"
        origin, ev_o = self.place("origin", train.origin, sid)
        destination, ev_d = self.place("destination", train.destination, sid)
        cars, ev_c = self.cars(train.counts, sid)
        via: list[Place] = []
        ev_v: list[Evidence] = []
        for passed in train.via:
            place, ev = self.place("via", passed, sid)
            if place is not None:
                via.append(place)
                ev_v.extend(ev)
        evidence = [*ev_o, *ev_d, *ev_v]
        for name, fact in (("departure", train.departure), ("expected_arrival", train.arrival)):
            if fact is not None:
                evidence.append(self.evidence(name, fact))
        evidence.extend(ev_c)
        if train.claim is not None:
            evidence.append(self.evidence("claim", train.claim))
        # "It allegedly arrived", "якобы прибыл": told at second hand, kept with
        # less trust (extract/hearsay.py; issue 13, session 17). A hedge on the
        # destination alone ("Its destination is reportedly Slutsk") lowers that fact
        # only: the train told elsewhere as the source's own is no hearsay (review 18, #8)
        said = None
        if self.text and evidence:
            facts = [(e.start, e.end) for e in evidence if e.field != "destination"]
            said = hearsay_at(self.text, facts or [(e.start, e.end) for e in evidence], self.lang)
            ends = [(e.start, e.end) for e in evidence if e.field == "destination"]
            if said is None and facts and ends and hearsay_at(self.text, ends, self.lang):
                cap = self.settings.extract_confidence_hearsay
                evidence = [
                    e.model_copy(update={"confidence": min(e.confidence, cap)})
                    if e.field == "destination"
                    else e
                    for e in evidence
                ]
        # the mean as statistics.fmean computes it (fsum / n), without its generator
        confidence = (
            fsum([e.confidence for e in evidence]) / len(evidence)
            if evidence
            else self.settings.extract_confidence_inferred
        )
        if said is not None:
            confidence = min(confidence, self.settings.extract_confidence_hearsay)
        told = arrival_told(train)
        moments = self.end_moments(train)
        if told and train.arrived is not None:
            # the words that tell it (not counted in the confidence: no value read)
            evidence.append(self.evidence("arrival_told", train.arrived))
        return Shipment(
            id=sid,
            report=self.report_id,
            origin=origin,
            destination=destination,
            via=tuple(via),
            departure=self.window(train.departure, moments.get("departure")),
            expected_arrival=self.window(train.arrival, moments.get("arrival")),
            arrival_told=told,
            arrival_denied=train.denied is not None,
            cars=cars,
            claim=_claim(train),
            source=self.source,
            group=None if train.group is None else group_ids[train.group],
            evidence=tuple(evidence),
            confidence=confidence,
            lang=self.lang,
            later_train=told_later(train.marker, self.lang),
            destination_heading=self.heading(train, told=told),
            told_before=self.told_before,
            hearsay=None if said is None or not self.text else self.text[said[0] : said[1]],
            origin_direction=origin is not None and train.origin_side,
        )

    def sightings(self, train: TrainDraft, sid: str) -> list[Sighting]:
        """Return the sightings of one train: a place on the way and the day seen there.

        One place seen on one day is one sighting, however many words date it ("вчора,
        19 грудня": trial F110 had two sightings alike but for the note).
        """
        found = []
        told: list[tuple[int, Hashable, datetime | None]] = []
        seen: set[tuple[object, object, object]] = set()
        in_turn = (
            times_in_turn(self.text, [(p.start, p.end) for p, _ in train.sightings])
            if self.text and len(train.sightings) > 1
            else {}
        )
        for n, (place_fact, date_fact) in enumerate(train.sightings, start=1):
            place, _ = self.place("via", place_fact, sid)
            window = date_fact.value
            if place is None or window.earliest is None:
                continue
            key = (place.station_id or place.text, window.earliest, window.precision)
            if key in seen:
                continue
            seen.add(key)
            # "14 сакавіка ў 11:20 праз станцыю Орша", "At around 09:00 on March 14": the
            # time of day told beside the day is when it was seen (trial10 T17)
            # ("проїхав станцію Орша о 22:40": the time told after the station, S1)
            at = (
                in_turn.get(place_fact.start)
                or time_beside(
                    self.text,
                    date_fact.start,
                    date_fact.end,
                    reach=self.settings.extract_time_reach_chars,
                )
                or time_beside(
                    self.text,
                    place_fact.start,
                    place_fact.end,
                    reach=self.settings.extract_place_time_reach_chars,
                )
                if self.text and window.precision == "day"
                else None
            )
            day = window.earliest
            if at is None and window.text == NIGHT and window.latest is not None:
                day = window.latest  # ("в ночь на 13 апреля": around 13 April 00:00, S4)
            found.append(
                Sighting(
                    id=f"{sid}-s{n}",
                    shipment=sid,
                    station=place,
                    seen_at=(
                        datetime.combine(day, at or time())
                        if at is None or self.zone is None
                        else datetime.combine(day, at, tzinfo=self.zone)
                    ),
                    precision="datetime" if at is not None else window.precision,
                    source=self.source,
                    note=date_fact.text,
                )
            )
            moment = found[-1].seen_at if at is not None else None
            told.append((place_fact.start, (date_fact.start, date_fact.end), moment))
        # "учора а 23:50 прайшоў Оршу, а 00:40 быў ужо ў Шклове": past midnight (T9)
        for n, moment in enumerate(past_midnight(told)):
            if moment is not None and moment != found[n].seen_at:
                found[n] = found[n].model_copy(update={"seen_at": moment})
        found.extend(self.end_sightings(train, sid, len(train.sightings), found))
        return found

    def end_sightings(
        self, train: TrainDraft, sid: str, after: int, found: list[Sighting]
    ) -> list[Sighting]:
        """Return a train seen at its origin or destination at the time its move is told.

        An arrival told as done at a time ("а 01:20 ... прыбыў") is the train seen at
        its destination then, as a passing train is seen where it passed (and as a
        table row's arrival time is, ``io/passages.py``); a departure told at a time,
        at its origin. A time after the post was published is a plan: no sighting
        (the end's day is still that moment's UTC day, :meth:`end_moments`).

        Parameters
        ----------
        train : TrainDraft
            The train's facts as read.
        sid : str
            The train's shipment id (``"<report>-t<n>"``).
        after : int
            How many sightings of the train are made already (the new ones are
            numbered after them).
        found : list of Sighting
            Those sightings: one at the same place and moment is not made twice.

        Returns
        -------
        list of Sighting
            At most one per end, ``precision="datetime"``, at the end's place
            (resolved as the train's own), ``note`` the date as written.

        Examples
        --------
        "Dziś o 01:20 do Brześcia przyjechał pociąg", posted on that day and the day
        before (when 01:20 is still to come: a plan):

        >>> import datetime as dt
        >>> from railtrack import models, settings
        >>> from railtrack.extract import places, trains
        >>> said = "Dziś o 01:20 do Brześcia przyjechał pociąg."
        >>> def builder(day):
        ...     told = models.Source(reporter="H", published=day)
        ...     return _Builder(report_id="r", source=told, network=None, lang="pl",
        ...                     settings=settings.DEFAULT_SETTINGS, text=said)
        >>> on = dt.date(2026, 5, 20)
        >>> today = models.DateWindow(earliest=on, latest=on, precision="day", text="Dziś")
        >>> at = said.index("Brześcia")
        >>> end = places.PlaceSpan("destination", "Brześcia", at, at + 8, at - 3)
        >>> train = trains.TrainDraft(destination=trains.Fact(end, "Brześcia", at, at + 8),
        ...                           arrival=trains.Fact(today, "Dziś", 0, 4),
        ...                           arrived=trains.Fact("brześcia", "przyjechał", 22, 32))
        >>> [(s.id, s.station.text, str(s.seen_at))
        ...  for s in builder(on).end_sightings(train, "r-t1", 0, [])]
        [('r-t1-s1', 'Brześcia', '2026-05-20 01:20:00')]
        >>> builder(on - dt.timedelta(days=1)).end_sightings(train, "r-t1", 0, [])
        []
        """
        moments = self.end_moments(train)
        if not moments:
            return []
        published = self.source.published_at
        latest: datetime | None = None  # (a report with no date: no time is a plan)
        if published is not None:
            latest = utc_naive(published)
        elif self.source.published is not None:
            latest = datetime.combine(self.source.published, time.max)
        ends = (
            ("departure", "origin", train.origin, train.departure, _claim(train) != "expected"),
            ("arrival", "destination", train.destination, train.arrival, arrival_told(train)),
        )
        kept = {(x.station.station_id or x.station.text, x.seen_at) for x in found}
        made: list[Sighting] = []
        for end, role, place_fact, date_fact, done in ends:
            moment = moments.get(end)
            if moment is None or place_fact is None or date_fact is None or not done:
                continue
            if latest is not None and moment > latest:
                continue
            place, _ = self.place(role, place_fact, sid)
            if place is None or (place.station_id or place.text, moment) in kept:
                continue
            kept.add((place.station_id or place.text, moment))
            made.append(
                Sighting(
                    id=f"{sid}-s{after + len(made) + 1}",
                    shipment=sid,
                    station=place,
                    seen_at=moment,
                    precision="datetime",
                    source=self.source,
                    note=date_fact.text,
                )
            )
        return made

    def group(self, group: GroupDraft, gid: str) -> ShipmentGroup:
        trains = group.n_trains or self.settings.extract_max_group_trains
        cars, evidence = self.cars(group.counts, gid, trains=trains)
        if group.marker is not None:
            evidence.insert(0, self.evidence("n_trains", group.marker))
        return ShipmentGroup(
            id=gid,
            report=self.report_id,
            n_trains=group.n_trains,
            cars=cars,
            source=self.source,
            evidence=tuple(evidence),
        )


def build_extraction(
    draft: ReportDraft,
    *,
    report_id: str,
    source: Source,
    network: RailNetwork | None,
    settings: Settings,
    lang: str | None = None,
    text: str | None = None,
    zone: tzinfo | None = None,
) -> Extraction:
    """Build the models of one report from its drafts.

    Parameters
    ----------
    draft
        Trains and groups read by :func:`~railtrack.extract.trains.read_trains`.
    report_id
        Prefix of the ids: trains ``<report_id>-t1``..., groups ``<report_id>-g1``...
    source
        The source every model keeps; when the report names a known outlet as its
        source ("according to Hajun", "по данным Гаюна", "według Hajuna"), that outlet
        is the reporter of the trains told in that sentence (of all when it opens the
        report) and ``source``'s reporter their relay
        (:func:`~railtrack.extract.attribution.credited_sources`).
    network
        Resolves place names; None keeps them as written.
    settings
        Confidence levels.
    lang
        The language the report was read in, kept on the result and each shipment.
    text
        The report as written: each evidence quotes its sentence from it
        (:class:`~railtrack.extract.quotes.Quotes`); None keeps no quotes.
    zone
        The author's time zone: a time of day told is its local time, kept in UTC.

    Returns
    -------
    railtrack.extract.result.Extraction
        The report's shipments, groups, sightings and problems, ids prefixed by
        ``report_id``.

    Examples
    --------
    A draft read by :func:`~railtrack.extract.trains.read_trains`, place names kept as
    written (:func:`railtrack.extract.extract_shipments` does the same with a network):

    >>> from datetime import date
    >>> from railtrack.extract.trains import read_trains
    >>> from railtrack.models import Source
    >>> from railtrack.settings import DEFAULT_SETTINGS
    >>> text = "A train of 40 flatcars left Orsha for Smolensk on 8 March."
    >>> draft = read_trains(text, published=date(2023, 3, 9))
    >>> x = build_extraction(draft, report_id="r1", network=None, text=text,
    ...                      source=Source(reporter="Hajun", published=date(2023, 3, 9)),
    ...                      settings=DEFAULT_SETTINGS)
    >>> (s,) = x.shipments
    >>> s.id, s.origin.text, s.destination.text, s.cars.total, s.departure.earliest
    ('r1-t1', 'Orsha', 'Smolensk', 40, datetime.date(2023, 3, 8))
    """
    builder = _Builder(
        report_id=report_id,
        source=source,
        network=network,
        settings=settings,
        lang=lang,
        text=text,
    )
    builder.zone = zone
    builder.problems.extend(f"{report_id}: {p}" for p in draft.problems)
    group_ids = [f"{report_id}-g{i + 1}" for i in range(len(draft.groups))]
    groups = [builder.group(g, gid) for g, gid in zip(draft.groups, group_ids, strict=True)]
    shipments = [builder.shipment(t, i + 1, group_ids) for i, t in enumerate(draft.trains)]
    # a trip back names its outbound trip: the same cars, counted once in totals
    ordinal = {id(t): i + 1 for i, t in enumerate(draft.trains)}
    shipments = [
        s.model_copy(update={"return_of": f"{report_id}-t{ordinal[id(t.trip_of)]}"})
        if t.trip_of is not None and id(t.trip_of) in ordinal and t.trip_of is not t
        else s
        for s, t in zip(shipments, draft.trains, strict=True)
    ]
    sightings = [
        x for i, t in enumerate(draft.trains) for x in builder.sightings(t, f"{report_id}-t{i + 1}")
    ]
    # "according to Hajun" in a relay's post: Hajun is the reporter of the trains told
    # in that sentence (or of all, when it opens the report), the relay relays
    # (extract/attribution.py; trial17 T8, review 18 #7)
    told = [[(e.start, e.end) for e in s.evidence] for s in shipments]
    told += [[(e.start, e.end) for e in g.evidence] for g in groups]
    credited = (
        credited_sources(builder.source, text, lang, told, settings=builder.settings)
        if told
        else []
    )
    credits = [builder.same(c) for c in credited]
    by_train: dict[str | None, Source] = {s.id: c for s, c in zip(shipments, credits, strict=False)}
    shipments = [
        s if c is s.source else s.model_copy(update={"source": c})
        for s, c in zip(shipments, credits, strict=False)
    ]
    groups = [
        g if c is g.source else g.model_copy(update={"source": c})
        for g, c in zip(groups, credits[len(shipments) :], strict=True)
    ]
    sightings = [
        x
        if by_train.get(x.shipment, x.source) is x.source
        else x.model_copy(update={"source": by_train[x.shipment]})
        for x in sightings
    ]
    # the trains a retraction denies: built as told, listed nowhere (their names'
    # problems are not the report's: no train of it is listed)
    aside = _Builder(
        report_id=report_id, source=source, network=network, settings=settings, lang=lang
    )
    retracted = [aside.shipment(t, i + 1, []) for i, t in enumerate(draft.retracted)]
    retracted_seen = [
        seen for i, t in enumerate(draft.retracted) for seen in aside.sightings(t, retracted[i].id)
    ]
    retracted = [_dated_there(t, retracted_seen, text, lang) for t in retracted]
    if draft.retraction is not None and not retracted and text and lang:
        # "Уточнение по Слуцку: эшелон ... оказался обычным": no route told, the place
        # named is where the train was (trial19b T3)
        from railtrack.extract.retractions import retracted_places

        retracted = [
            Shipment(
                id=f"{report_id}-t{i + 1}", report=report_id, via=[Place(text=name)], source=source
            )
            for i, name in enumerate(retracted_places(text, lang))
        ]
    return Extraction(
        shipments=shipments,
        groups=groups,
        sightings=sightings,
        problems=[*builder.problems, *builder.unresolved],
        unresolved=builder.unresolved,
        lang=lang,
        tallies=list(draft.tallies),
        retraction=draft.retraction,
        retracted=retracted,
        retracted_seen=retracted_seen,
    )


def _dated_there(
    denied: Shipment, seen: list[Sighting], text: str | None, lang: str | None
) -> Shipment:
    """Return a retracted train told only at a place passed, with its day there.

    "состав, прошедший через Полоцк 14 августа, оказался обычным грузовым поездом"
    tells no departure nor arrival: its day at Polotsk is its sighting's, else the one
    day the retraction names ("Ошибка в итогах дня 14 августа: состав, прошедший через
    Полоцк, ..."; trial18b T1). It is kept as the train's departure with no origin, as
    a hand log's row ("20.05.2026, Полоцк") gives the day its station was passed
    (:func:`railtrack.io.retractions.retraction_matches` reads it so), so that the
    retraction fits the train told there that day, not any train told there lately.
    A train with an origin, a day of its own, or no place passed is returned as it is,
    and so is one whose retraction names several days.
    """
    told = denied.origin is not None or denied.departure is not None
    if told or denied.expected_arrival is not None or not denied.via:
        return denied
    days = sorted({s.seen_at.date() for s in seen if s.shipment == denied.id})
    window: DateWindow | None = None
    if days:
        window = DateWindow(earliest=days[0], latest=days[-1], precision="day")
    elif text and lang in LANGUAGES and denied.source.published is not None:
        found = {
            (w.earliest, w.latest, w.precision): w
            for span in reader_for(lang).find_dates(text)
            if (w := resolve_date(span, denied.source.published)) is not None
        }
        window = next(iter(found.values())) if len(found) == 1 else None
    return denied if window is None else denied.model_copy(update={"departure": window})


def _retracted_label(shipment: Shipment, seen: list[Sighting] | None = None) -> str:
    """Return a retracted train as a reader names it: places, days, cars (trial18 T3).

    ``seen``: the retraction's sightings (those of other trains are passed over).

    Examples
    --------
    >>> from datetime import date, datetime
    >>> from railtrack.models import CarCounts, Place, Source
    >>> polotsk = Place(text="Полоцк")
    >>> denied = Shipment(id="r-t1", via=[polotsk], cars=CarCounts(total=38),
    ...                   source=Source(reporter="Hajun"))
    >>> at = Sighting(id="r-t1-s1", shipment="r-t1", station=polotsk, precision="day",
    ...               seen_at=datetime(2026, 8, 14), source=denied.source)
    >>> _retracted_label(denied, [at])
    'via Полоцк, seen 2026-08-14, 38 cars'
    """
    parts = []
    if shipment.origin is not None:
        parts.append(f"from {shipment.origin.text}")
    if shipment.destination is not None:
        parts.append(f"to {shipment.destination.text}")
    if shipment.via:
        parts.append("via " + ", ".join(dict.fromkeys(v.text for v in shipment.via)))
    days = sorted({x.seen_at.date() for x in seen or () if x.shipment == shipment.id})
    # (a train with no origin: its "departure" is its day at the places passed)
    there = "left" if shipment.origin is not None else "on"
    for word, window in ((there, shipment.departure), ("arrival", shipment.expected_arrival)):
        if word == "on" and days:
            continue  # (the days seen, said below)
        if window is not None and window.earliest is not None:
            day = window.earliest.isoformat()
            if window.latest is not None and window.latest != window.earliest:
                day += f" to {window.latest.isoformat()}"
            parts.append(f"{word} {day}")
    if days:
        parts.append("seen " + ", ".join(day.isoformat() for day in days))
    if shipment.cars.total is not None:
        parts.append(f"{shipment.cars.total} cars")
    return ", ".join(parts) or "a train"


def _total_max(values: dict[str, object]) -> int | None:
    """Return the most cars counts allow when one is an upper bound or a range, else None.

    The total's bound ("up to 60 cars": 60; "30-35 вагонов": 35); with no total, the
    typed parts' highs summed, when none of them is open above ("30-35 платформ и 2
    пассажирских вагона": 37; "не менее 30 платформ и до 5 цистерн": None).

    Examples
    --------
    >>> _total_max({"total": CountRange(30, 35)}), _total_max({"total": AtMost(60)})
    (35, 60)
    >>> _total_max({"flat": CountRange(30, 35), "passenger": 2})
    37
    >>> _total_max({"flat": AtLeast(30), "tank": AtMost(5)}) is None
    True
    """
    if "total" in values:
        values = {"total": values["total"]}
    highs = []
    for value in values.values():
        if isinstance(value, CountRange):
            highs.append(value.most)
        elif isinstance(value, AtLeast) or not isinstance(value, int):
            return None
        else:
            highs.append(int(value))
    return sum(highs) if highs else None


def _claim(train: TrainDraft) -> ClaimKind:
    """Return a train's claim: one whose arrival is denied, seen nowhere, was awaited."""
    if train.claim is not None:
        return cast("ClaimKind", train.claim.value)
    moved = train.departure is not None or train.via or train.sightings or train.origin
    return "expected" if train.denied is not None and not moved else "sighted"


def pointed_at_written(result: Extraction, written: str, origin: list[int]) -> Extraction:
    """Return ``result`` with every evidence span pointed at the report as written.

    A report is read without its invisible format characters (soft hyphens, zero-width
    spaces: :func:`~railtrack.extract.textpass.strip_format`), and its models are built
    from that text as read, so every reading of the words (hearsay, attribution, a time
    beside a date, a heading) and every value is what the plain text gives; only the
    evidence is then pointed back at the text the user gave: its ``start``, ``end``
    and ``text`` become the span of the report as written (from the first character
    read to the last, format characters inside kept) and its ``quote`` that span's
    sentence as written.

    Parameters
    ----------
    result
        The extraction built from the text as read (offsets into it).
    written
        The report as written.
    origin
        ``strip_format(written)[1]``: ``origin[i]`` is the offset in ``written`` of the
        ``i``-th character read (length of the text read).

    Returns
    -------
    Extraction
        A copy whose shipments, groups and retracted trains have their evidence in
        ``written`` (``e.text == written[e.start:e.end]``); everything else unchanged.

    Examples
    --------
    >>> from railtrack.extract.textpass import strip_format
    >>> written = "Эшелон из Бря\u00adнска прибыл в Оршу 8 марта."
    >>> read, origin = strip_format(written)
    >>> ev = Evidence(field="origin", text="Брянска", start=10, end=17, quote=read)
    >>> s = Shipment(id="r-t1", report="r", source=Source(reporter="Hajun"), evidence=(ev,))
    >>> (e,) = pointed_at_written(Extraction(shipments=[s]), written, origin).shipments[0].evidence
    >>> (e.start, e.end), e.text == written[e.start : e.end], e.quote == written
    ((10, 18), True, True)
    """
    quotes = Quotes(written)

    def moved(evidence: tuple[Evidence, ...]) -> tuple[Evidence, ...]:
        out = []
        for e in evidence:
            start, end = written_span(origin, e.start, e.end)
            quote = None if e.quote is None else quotes.quote(start, end)
            update = {"start": start, "end": end, "text": written[start:end], "quote": quote}
            out.append(e.model_copy(update=update))
        return tuple(out)

    return replace(
        result,
        shipments=[s.model_copy(update={"evidence": moved(s.evidence)}) for s in result.shipments],
        groups=[g.model_copy(update={"evidence": moved(g.evidence)}) for g in result.groups],
        retracted=[s.model_copy(update={"evidence": moved(s.evidence)}) for s in result.retracted],
    )

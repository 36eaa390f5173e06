"""The report model: shipments, groups and sightings, each fact with its provenance.

Every model is a frozen pydantic v2 model that forbids unknown fields, so a typo in
a report file is an error rather than a silently dropped value. Dates are never
bare strings: they are :class:`DateWindow` spans with a precision. Car counts are
validated (:class:`CarCounts`). Every shipment, group and sighting keeps its
:class:`Source`.

Examples
--------
>>> from datetime import date
>>> w = DateWindow.day(date(2023, 3, 1))
>>> (w.earliest, w.latest, w.precision)
(datetime.date(2023, 3, 1), datetime.date(2023, 3, 1), 'day')
>>> CarCounts(total=86, passenger=2).passenger
2
>>> CarCounts(passenger=5, flat=43, covered=3).total, CarCounts(passenger=5, flat=43).total_derived
(51, True)
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Annotated, Literal, Self

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)

from railtrack.settings import DEFAULT_SETTINGS

__all__ = [
    "CAR_TYPES",
    "MAX_COUNT",
    "QUOTE_MAX_CHARS",
    "CarCounts",
    "ClaimKind",
    "DateWindow",
    "Evidence",
    "Place",
    "Precision",
    "Reliability",
    "Shipment",
    "ShipmentGroup",
    "Sighting",
    "Source",
    "check_plausible",
    "utc_naive",
]

Precision = Literal["datetime", "day", "days", "week", "month"]
"""How precise a date is: an exact time, a day, a span of a few days, a week, a month."""

Reliability = Literal["A", "B", "C", "D", "E", "F"]
"""NATO Admiralty source reliability: A completely reliable ... F cannot be judged."""

ClaimKind = Literal["sighted", "planned", "expected"]
"""What the source claims: it saw the train; the move is planned; the source expects it."""

Credibility = Annotated[int, Field(ge=1, le=6)]
"""Admiralty information credibility: 1 confirmed ... 6 cannot be judged."""
UNKNOWN_CREDIBILITY = 6
"""The Admiralty grade of a claim whose credibility is not told (6: cannot be judged)."""

Confidence = Annotated[float, Field(ge=0.0, le=1.0)]

CAR_TYPES: tuple[str, ...] = ("passenger", "covered", "flat", "tank", "other")
"""Typed car columns, in display order; ``total`` is kept apart."""


MAX_COUNT = DEFAULT_SETTINGS.max_cars_per_train * DEFAULT_SETTINGS.extract_max_group_trains
"""Most cars any count may give: the most a train carries times the most trains of a group."""


def check_plausible(day: date | datetime, *, what: str = "date") -> None:
    """Raise ``ValueError`` when ``day`` lies outside the plausible range of a report.

    The range is ``Settings.earliest_plausible_date`` .. ``latest_plausible_date``
    (1900-01-01 .. 2100-12-31), well inside what pandas can hold.

    Parameters
    ----------
    day
        A date, or a datetime (its date is checked).
    what
        The name of the value in the message (``"published date"``, ``"sighting time"``).

    Raises
    ------
    ValueError
        When ``day`` is before 1900-01-01 or after 2100-12-31.

    Examples
    --------
    >>> check_plausible(date(9999, 12, 31))
    Traceback (most recent call last):
    ...
    ValueError: date 9999-12-31 is outside the plausible range 1900-01-01..2100-12-31
    """
    lo, hi = DEFAULT_SETTINGS.earliest_plausible_date, DEFAULT_SETTINGS.latest_plausible_date
    plain = day.date() if isinstance(day, datetime) else day
    if not lo <= plain <= hi:
        msg = f"{what} {plain.isoformat()} is outside the plausible range {lo}..{hi}"
        raise ValueError(msg)


def utc_naive(moment: datetime) -> datetime:
    """Return ``moment`` in railtrack's time convention: UTC, without a zone.

    A time with a zone (``2023-03-02T10:00+03:00``) is converted to UTC; a time
    without one is taken to be UTC already.

    Parameters
    ----------
    moment
        A datetime, with or without a time zone.

    Returns
    -------
    datetime
        Naive, in UTC.

    Examples
    --------
    >>> utc_naive(datetime.fromisoformat("2023-03-02T10:00+03:00"))
    datetime.datetime(2023, 3, 2, 7, 0)
    """
    if moment.tzinfo is None or moment.utcoffset() is None:
        return moment.replace(tzinfo=None)
    return moment.astimezone(UTC).replace(tzinfo=None)


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


class Source(_Frozen):
    """Who reported a fact, who relayed it, and how far the reporter is trusted.

    ``reporter`` is the origin of the claim (e.g. a Telegram channel such as
    "Belarusian Hajun"); ``relayed_by`` the outlet that carried it (a news site).
    Many outlets echoing one reporter are one source.

    A post read from a Telegram export also keeps where it was posted: ``channel``
    (the channel's title), ``channel_id`` (Telegram's number for it, when the export
    gives one), ``message_id``, ``published_at`` (the exact time: UTC when the
    export gives Unix time, else the exporting computer's local time without a
    zone), ``forwarded_from`` (the channel or person a forwarded post came from,
    which is then the ``reporter``, with the channel as ``relayed_by``) and
    ``edited_at``; ``url`` is the post's link.

    Parameters
    ----------
    reporter
        Who made the claim (non-empty).
    relayed_by, url
        The outlet that carried it and the link to the report or post.
    published
        The day the report was published (a date, 1900-2100): "today" for its
        relative dates and the knowledge cut-off of tracking.
    reliability
        NATO Admiralty source reliability, ``"A"`` (completely reliable) to ``"F"``
        (cannot be judged, the default); lower case is accepted.
    channel, channel_id, message_id, published_at, forwarded_from, edited_at
        Where a Telegram post was posted, as above (``message_id`` >= 1).

    Raises
    ------
    pydantic.ValidationError
        (a ``ValueError``) for an empty reporter, an unknown field, a grade outside
        A-F or a publication date outside 1900-2100 (:func:`check_plausible`).

    Notes
    -----
    The A-F grades are the Admiralty (NATO) system's source reliability; the rail
    facts behind the channels named here are in ``DOMAIN.md``.

    Examples
    --------
    >>> s = Source(reporter="Belarusian Hajun", relayed_by="LB.ua", reliability="c",
    ...            published=date(2022, 12, 14))
    >>> s.reliability, s.published
    ('C', datetime.date(2022, 12, 14))
    >>> Source(reporter="Belarusian Hajun", published=date(1800, 1, 1))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    pydantic_core._pydantic_core.ValidationError: 1 validation error for Source
    published
      Value error, published date 1800-01-01 is outside the plausible range ...
    """

    reporter: str = Field(min_length=1)
    relayed_by: str | None = None
    url: str | None = None
    published: date | None = None
    reliability: Reliability = "F"
    channel: str | None = None
    channel_id: str | None = None
    message_id: Annotated[int, Field(ge=1)] | None = None
    published_at: datetime | None = None
    forwarded_from: str | None = None
    edited_at: datetime | None = None

    @field_validator("published")
    @classmethod
    def _plausible_published(cls, value: date | None) -> date | None:
        if value is not None:
            check_plausible(value, what="published date")
        return value

    @field_validator("reliability", mode="before")
    @classmethod
    def _upper_grade(cls, value: object) -> object:
        return value.strip().upper() if isinstance(value, str) else value


class DateWindow(_Frozen):
    """A date known to lie between ``earliest`` and ``latest`` (inclusive).

    One end may be open: ``latest=None`` means "on or after earliest" (e.g. "likely
    to reach Donbas shortly after March 8"), ``earliest=None`` "by latest" ("expected
    by the 7th"). ``text`` keeps the words the window was read from, if any.

    Parameters
    ----------
    earliest, latest
        The first and last possible day (dates; a ``datetime`` or an ISO string with
        a time keeps its date only). At least one is given, and earliest <= latest.
    precision
        How precise the window is: ``"datetime"``, ``"day"`` (default), ``"days"``,
        ``"week"`` or ``"month"``.
    text
        The words the window was read from ("in the night of 5 March"), or None.

    Raises
    ------
    pydantic.ValidationError
        (a ``ValueError``) when both ends are missing, ``earliest`` is after
        ``latest``, or an end lies outside 1900-2100.

    Examples
    --------
    >>> w = DateWindow(earliest=date(2023, 3, 5), latest=date(2023, 3, 6), precision="days")
    >>> w.width_days, w.is_open
    (1, False)
    >>> DateWindow(earliest=date(2023, 3, 8), precision="days").is_open
    True
    >>> DateWindow(earliest=date(2023, 3, 5), latest=date(2023, 3, 1))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    pydantic_core._pydantic_core.ValidationError: 1 validation error for DateWindow
      Value error, earliest 2023-03-05 is after latest 2023-03-01 ...
    """

    earliest: date | None = None
    latest: date | None = None
    precision: Precision = "day"
    text: str | None = None

    @field_validator("earliest", "latest", mode="before")
    @classmethod
    def _datetime_to_date(cls, value: object) -> object:
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, str) and "T" in value:
            return datetime.fromisoformat(value).date()
        return value

    @model_validator(mode="after")
    def _check_order(self) -> Self:
        for end in (self.earliest, self.latest):
            if end is not None:
                check_plausible(end)
        if self.earliest is None and self.latest is None:
            msg = "a date window needs at least one of earliest and latest"
            raise ValueError(msg)
        if self.earliest is not None and self.latest is not None and self.earliest > self.latest:
            msg = f"earliest {self.earliest} is after latest {self.latest}"
            raise ValueError(msg)
        return self

    @classmethod
    def day(cls, day: date, *, text: str | None = None) -> DateWindow:
        """Return the window of one whole day.

        Parameters
        ----------
        day
            The day.
        text
            The words that gave it, as written.

        Returns
        -------
        DateWindow
            ``earliest == latest == day``, precision ``"day"``.

        Examples
        --------
        >>> w = DateWindow.day(date(2023, 3, 8), text="8 марта")
        >>> w.earliest == w.latest == date(2023, 3, 8), w.precision, w.text
        (True, 'day', '8 марта')
        """
        return cls(earliest=day, latest=day, precision="day", text=text)

    @property
    def is_open(self) -> bool:
        """Whether one end of the window is unknown.

        Examples
        --------
        >>> DateWindow(latest=date(2023, 3, 7), precision="days").is_open
        True
        >>> DateWindow.day(date(2023, 3, 7)).is_open
        False
        """
        return self.earliest is None or self.latest is None

    @property
    def width_days(self) -> int | None:
        """Days between the ends (0 for a single day), or None when open.

        Examples
        --------
        >>> DateWindow(earliest=date(2023, 3, 5), latest=date(2023, 3, 7)).width_days
        2
        >>> day = date(2023, 3, 5)
        >>> DateWindow.day(day).width_days, DateWindow(earliest=day).width_days
        (0, None)
        """
        if self.earliest is None or self.latest is None:
            return None
        return (self.latest - self.earliest).days


def _as_count(value: object) -> int | None:
    """Return a non-negative whole count from an int or a digit string, else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value >= 0 else None
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


class CarCounts(_Frozen):
    """Cars in a train or a group of trains, by type.

    Typed parts may be partial (only passenger cars known) but never exceed the
    total. When no total is reported but parts are, the total is their sum and
    ``total_derived`` is set: it is then a lower bound. ``estimated`` marks counts
    the source gave as approximate ("about 30 flats").

    Parameters
    ----------
    total
        Cars of all types (whole number, 0 .. :data:`MAX_COUNT`), or None.
    passenger, covered, flat, tank, other
        Cars of each type (:data:`CAR_TYPES`): passenger cars, covered (box) wagons,
        flat cars (platforms, for vehicles), tank cars, and any other (freight) cars.
    total_derived
        Set when ``total`` is the sum of the typed parts (then a lower bound).
    estimated
        The source gave the counts as approximate.
    at_least
        The source gave ``total`` as a lower bound ("more than 40 cars").
    at_most
        The source gave an upper bound: the train has at most ``total_max`` cars.
        Alone, ``total`` is that bound ("up to 60 cars", "almost 50"; the count is
        also ``estimated``); with ``at_least``, the count is a range ("30-35 flat
        cars", "от 30 до 40 вагонов"): ``total`` is its low end.
    total_max
        The most cars the source allows: the bound of ``at_most`` (the high end of a
        range, or ``total`` for a bound alone); None without an upper bound. Setting
        it sets ``at_most``.

    Raises
    ------
    pydantic.ValidationError
        (a ``ValueError``) for a negative count, a count above :data:`MAX_COUNT`, or
        typed parts that add up to more than ``total``.

    Examples
    --------
    >>> cars = CarCounts(passenger=2, flat=42, other=7)
    >>> cars.total, cars.total_derived, cars.typed_sum
    (51, True, 51)
    >>> rng = CarCounts(flat=30, total_max=35, at_least=True)  # "30-35 platforms"
    >>> rng.total, rng.at_most, (rng.least, rng.most)
    (30, True, (30, 35))
    >>> CarCounts(total=50, at_most=True, estimated=True).total_max  # "up to 50 cars"
    50
    >>> CarCounts(total=10, flat=12)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    pydantic_core._pydantic_core.ValidationError: 1 validation error for CarCounts
      Value error, typed cars add up to 12, more than the total 10 ...
    """

    total: Annotated[int, Field(ge=0, le=MAX_COUNT)] | None = None
    passenger: Annotated[int, Field(ge=0, le=MAX_COUNT)] | None = None
    covered: Annotated[int, Field(ge=0, le=MAX_COUNT)] | None = None
    flat: Annotated[int, Field(ge=0, le=MAX_COUNT)] | None = None
    tank: Annotated[int, Field(ge=0, le=MAX_COUNT)] | None = None
    other: Annotated[int, Field(ge=0, le=MAX_COUNT)] | None = None
    total_derived: bool = False
    estimated: bool = False
    at_least: bool = False
    at_most: bool = False
    total_max: Annotated[int, Field(ge=0, le=MAX_COUNT)] | None = None

    @property
    def least(self) -> int | None:
        """The fewest cars the counts allow, or None when they give no lower figure.

        ``total`` (exact, estimated, a lower bound or a range's low end), except for
        an upper bound alone ("up to 50 cars"), which says nothing of the fewest.

        Examples
        --------
        >>> CarCounts(total=40).least, CarCounts(total=50, at_most=True).least
        (40, None)
        >>> CarCounts(total=30, total_max=35, at_least=True).least
        30
        """
        if self.at_most and not self.at_least:
            return None
        return self.total

    @property
    def most(self) -> int | None:
        """The most cars the counts allow, or None when they set no upper limit.

        ``total_max`` when the source gave an upper bound or a range; ``total`` when
        it is a count (exact or estimated); None for a lower bound ("at least 40"),
        a total summed from some car types only, or no count.

        Examples
        --------
        >>> CarCounts(total=40).most, CarCounts(total=40, at_least=True).most
        (40, None)
        >>> CarCounts(total=30, total_max=35, at_least=True).most, CarCounts(flat=38).most
        (35, None)
        """
        if self.total_max is not None:
            return self.total_max
        if self.at_least or self.total_derived:
            return None
        return self.total

    @property
    def total_is_lower_bound(self) -> bool:
        """Whether the train may have more cars than ``total`` (a bound or a partial sum).

        Examples
        --------
        >>> CarCounts(total=40, at_least=True).total_is_lower_bound
        True
        >>> CarCounts(passenger=5).total_is_lower_bound, CarCounts(total=40).total_is_lower_bound
        (True, False)
        """
        return self.at_least or self.total_derived

    @model_validator(mode="before")
    @classmethod
    def _derive_total(cls, data: object) -> object:
        if not isinstance(data, dict):
            return data
        if data.get("total_max") is not None and not data.get("at_most"):
            data = {**data, "at_most": True}  # a high end is an upper bound
        if data.get("total") is not None:
            if data.get("at_most") and data.get("total_max") is None:
                data = {**data, "total_max": data["total"]}  # "up to 60": the bound
            return data
        known = [n for n in (_as_count(data.get(name)) for name in CAR_TYPES) if n is not None]
        if known:
            data = {**data, "total": sum(known), "total_derived": True}
            if data.get("at_most") and data.get("total_max") is None:
                data["total_max"] = data["total"]
        return data

    @model_validator(mode="after")
    def _parts_within_total(self) -> Self:
        typed = self.typed_sum
        if self.total is not None and typed > self.total:
            msg = f"typed cars add up to {typed}, more than the total {self.total}"
            raise ValueError(msg)
        if self.total_max is not None and self.total is not None and self.total_max < self.total:
            msg = f"the most cars {self.total_max} is less than the total {self.total}"
            raise ValueError(msg)
        return self

    @property
    def typed_sum(self) -> int:
        """Sum of the typed parts that are known.

        Examples
        --------
        >>> CarCounts(total=51, passenger=5, flat=43).typed_sum
        48
        >>> CarCounts(total=40).typed_sum
        0
        """
        return sum(getattr(self, name) or 0 for name in CAR_TYPES)

    @property
    def is_empty(self) -> bool:
        """Whether no count at all is known.

        Examples
        --------
        >>> CarCounts().is_empty, CarCounts(tank=12).is_empty
        (True, False)
        """
        return self.total is None and all(getattr(self, n) is None for n in CAR_TYPES)


class Evidence(_Frozen):
    """Where in a free-text report a value was read, and how sure the reader is.

    ``text`` is the words the value was read from, ``start``/``end`` their character
    offsets into the report as written. ``quote`` is the sentence around them, as
    written (at most :data:`QUOTE_MAX_CHARS` characters, cut with "…" around the
    words), so a reader can check the value against what the source said; None for
    evidence made before quotes were kept.

    Parameters
    ----------
    field
        The field the value went to (``"origin"``, ``"cars.flat"``, ``"departure"``).
    text
        The words read, as written.
    start, end
        Character offsets of ``text`` in the report (>= 0; ``report[start:end]``).
    confidence
        How sure the reader is, 0..1.
    quote
        The sentence around the words, or None.

    Raises
    ------
    pydantic.ValidationError
        (a ``ValueError``) for a negative offset or a confidence outside 0..1.

    Examples
    --------
    >>> report = "Eszelon z 40 platformami wyjechał ze Słonimia."
    >>> ev = Evidence(field="cars.flat", text="40 platformami", start=10, end=24, quote=report)
    >>> report[ev.start : ev.end] == ev.text
    True
    """

    field: str
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    confidence: Confidence = 1.0
    quote: str | None = None


QUOTE_MAX_CHARS = 400
"""The longest :attr:`Evidence.quote`: a sentence longer than this (a post with no full
stop) is cut around the words the value was read from."""


class Place(_Frozen):
    """An origin, destination or via point as written, and what it resolved to.

    ``text`` is the name as the report writes it. ``station_id``/``station`` are
    filled when it resolves to one station; ``region`` when it names a region or
    country ("Belarus", "Rostov region"). ``resolved_score`` is the gazetteer's
    score (0-100), None when unresolved (two exact namesakes tie at 100: the score
    of a candidate is no resolution); ``unresolved`` flags a name that matched
    nothing with confidence.
    ``geo_precision`` says how exactly the place is known: ``"station"``, ``"town"``
    (a town, or a station known only by its town: the rail node nearest it) or
    ``"region"`` (like ACLED's geo precision 1/2/3), or ``"country"`` (a country
    outside the network's regions); ``None`` when unresolved or not resolved yet. A
    place outside the network area (Duisburg, Germany) is resolved (``unresolved``
    False) with neither a station nor a region: it is known but not routable.
    ``lat``/``lon`` are the WGS84 degrees of the station (or of the place outside
    the network) once resolved on a network; None for a region, a name not yet
    resolved or an unresolved one.

    Parameters
    ----------
    text
        The name as written (non-empty).
    station_id, station, region, resolved_score, unresolved, geo_precision, lat, lon
        What the name resolved to, as above (usually filled by
        :meth:`railtrack.ReportSet.resolve`, not by hand); ``lat`` in -90..90 and
        ``lon`` in -180..180 degrees (WGS84).

    Raises
    ------
    pydantic.ValidationError
        (a ``ValueError``) for an empty text, a score outside 0-100, a
        ``geo_precision`` not listed above or coordinates out of range.

    Examples
    --------
    >>> Place(text="Polonka").station_id is None
    True
    >>> p = Place(text="Rostov region", region="Rostov region", geo_precision="region")
    >>> p.is_region
    True
    """

    text: str = Field(min_length=1)
    station_id: str | None = None
    station: str | None = None
    region: str | None = None
    resolved_score: Annotated[float, Field(ge=0, le=100)] | None = None
    unresolved: bool = False
    geo_precision: Literal["station", "town", "region", "country"] | None = None
    lat: Annotated[float, Field(ge=-90, le=90)] | None = None
    lon: Annotated[float, Field(ge=-180, le=180)] | None = None

    @field_validator("station_id", mode="before")
    @classmethod
    def _id_as_string(cls, value: object) -> object:
        return str(value) if isinstance(value, int) and not isinstance(value, bool) else value

    @property
    def is_region(self) -> bool:
        """Whether this place is a region or country rather than one station.

        Examples
        --------
        >>> Place(text="Belarus", region="Belarus").is_region
        True
        >>> Place(text="Слонима", station_id="BY-SLONIM", station="Slonim").is_region
        False
        """
        return self.region is not None and self.station_id is None


class Shipment(_Frozen):
    """One train (echelon) as a source reported it.

    ``expected_arrival`` is the source's own claim; railtrack's estimate is kept
    apart (see :func:`railtrack.estimate_arrivals`). ``group`` names the
    :class:`ShipmentGroup` whose totals include this train: a group's cars are
    never copied into its trains.

    Parameters
    ----------
    id
        The train's id, unique in a :class:`railtrack.ReportSet` (an int is kept as
        its string).
    report
        The id of the report the train was read from.
    origin, destination, via
        Where the train left, where it goes and the stations it passed
        (:class:`Place`; ``via`` in order of travel).
    departure, expected_arrival
        :class:`DateWindow` of the departure and of the arrival the source gives.
    arrival_told
        Whether the source tells the arrival as having happened (see below).
    cars
        The train's :class:`CarCounts` (at most ``Settings.max_cars_per_train``).
    equipment
        What the train carries, as the source words it.
    claim
        ``"sighted"`` (default), ``"planned"`` or ``"expected"``.
    credibility
        Admiralty information credibility, 1 (confirmed) to 6 (cannot be judged).
    source
        The :class:`Source` (required).
    group
        The id of the :class:`ShipmentGroup` this train belongs to, if any.
    evidence
        Where in a free-text report each value was read.
    confidence
        How sure the reader is, 0..1 (1 for a structured record).
    lang
        ISO 639 code of the language the train was read in, or None.

    Raises
    ------
    pydantic.ValidationError
        (a ``ValueError``) for a missing id or source, an unknown field, a
        credibility outside 1-6, or more cars than one train carries.

    Examples
    --------
    >>> t = Shipment(id="t1", origin=Place(text="Slonim"), destination=Place(text="Valuyki"),
    ...              departure=DateWindow.day(date(2023, 3, 8)), cars=CarCounts(total=40),
    ...              source=Source(reporter="Belarusian Hajun"))
    >>> t.destination.text, t.departure.earliest, t.cars.total, t.claim
    ('Valuyki', datetime.date(2023, 3, 8), 40, 'sighted')
    >>> Shipment(id="t2", cars=CarCounts(total=500),
    ...          source=Source(reporter="Belarusian Hajun"))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    pydantic_core._pydantic_core.ValidationError: 1 validation error for Shipment
    cars
      Value error, 500 cars is more than a train carries (120; ...
    """

    id: str = Field(min_length=1)
    report: str | None = None
    origin: Place | None = None
    destination: Place | None = None
    via: tuple[Place, ...] = ()
    departure: DateWindow | None = None
    expected_arrival: DateWindow | None = None
    arrival_told: bool = False
    """Whether the source tells the arrival as having happened ("arrived at Polonka",
    "прибыл в Калинковичи", "przyjechał do Słonimia"), dated or not: a told arrival
    happened by the report's publication day, even when no day is given (then
    ``expected_arrival`` stays None: the publication day is a bound, not a date)."""
    arrival_denied: bool = False
    """Whether the source says the train had not arrived by its publication day ("так и
    не пришёл", "do tej pory nie dotarł", "never arrived"): never an arrival or a
    sighting at its destination; ``expected_arrival`` keeps the day it was awaited
    (trial13 T1)."""
    cars: CarCounts = CarCounts()
    equipment: str | None = None
    claim: ClaimKind = "sighted"
    credibility: Credibility = UNKNOWN_CREDIBILITY
    source: Source
    group: str | None = None
    note: str | None = None
    """What the record's comment or notes column says ("Комментарий", "Примечание",
    "Uwagi", "Notes"), kept as written (trial F118); None when none."""
    later_train: bool = False
    """Whether the report tells the train as one after another ("Другі эшалон
    прыбыў", "ещё один эшелон", "kolejny pociąg", "the second train"): a channel's
    later post telling it is a new train, never a follow-up of its earlier train
    (:mod:`railtrack.relays`); False when nothing says so."""
    destination_heading: bool = False
    """Whether the destination is only the way the train was seen heading ("праз Оршу ў
    кірунку Мінска", "w kierunku Mińska", "в направлении Минска", "у напрямку Мінська",
    "towards Minsk"), not a place it is told to reach: a later report of the train
    stopping on the way (Borisov) tells the same train (:mod:`railtrack.onward`), and
    the status never says it likely arrived there; False for a destination told as one
    (trial14 T2, T12)."""
    told_before: bool = False
    """Whether the report speaks of a train already told ("Эшалон, о котором мы писали
    утром, прибыл в Борисов", "Pociąg, o którym pisaliśmy rano", "Ешелон, що прибув до
    Осиповичів, уже розвантажують", "the train we reported earlier"; a Telegram reply to
    the post that told it): a follow-up of an earlier report's train, never a new train
    (:mod:`railtrack.onward`; trial14 T12, T13); False when nothing says so."""
    corrects_only: bool = False
    """Whether the report only corrects a count of a train an earlier report told
    ("Уточнение: эшелон, прибывший вчера в Лунинец, насчитывал не 38, а 42 вагона"):
    the train carries the corrected count and never the old one, so it is that earlier
    train, never a new one (:func:`railtrack.recounts.correction_links`); False for a
    report that tells its own train, corrected or not (review17 #9: the flag was a
    suffix of ``note``)."""
    origin_direction: bool = False
    """Whether the origin is only the side the train came from ("со стороны Могилёва",
    "з боку Магілёва", "od strony Homla", "from the direction of Gomel"): the line it came
    in on, not where it was loaded. The briefing shows it as "from the direction of X",
    and linking takes it as no origin, so a report naming the real origin on that line
    tells the same train (trial17 T7); False for an origin told as one."""
    hearsay: str | None = None
    """The word by which the report tells the train at second hand or unconfirmed
    ("allegedly", "reportedly", "якобы", "нібито", "нібыта", "rzekomo": each lexicon's
    ``hearsay`` list), as written; None when the source tells the train as its own. Such
    a train is listed, marked "unconfirmed", and counted apart from the totals
    (:func:`railtrack.accounting.not_counted`)."""
    retracted_by: str | None = None
    """Who retracted the train ("Абвяржэнне: ... не пацвердзілася", "was not
    confirmed"): the retracting report's reporter, set when the reports are loaded
    (:mod:`railtrack.io.retractions`); None when no report retracts it. Such a train is
    listed, marked "retracted", and counted apart from the totals."""
    retracted_on: date | None = None
    """The day the retraction was published (with ``retracted_by``); None when unknown."""
    return_of: str | None = None
    """The id of the outbound trip this one is the trip back of ("вернулся обратно в
    Брест", "повернувся до Бреста"): the same train and cars, so totals count its
    cars once (:func:`railtrack.summary.summarize`); None for a trip of its own."""
    evidence: tuple[Evidence, ...] = ()
    confidence: Confidence = 1.0
    lang: str | None = Field(default=None, pattern=r"^[a-z]{2,3}$")
    """The language the train was read in (ISO 639-1: en, ru, uk, be, pl); None when
    the record came from a structured file that does not say."""

    @field_validator("id", "group", "report", mode="before")
    @classmethod
    def _ids_as_strings(cls, value: object) -> object:
        return str(value) if isinstance(value, int) and not isinstance(value, bool) else value

    @field_validator("cars")
    @classmethod
    def _one_train(cls, cars: CarCounts) -> CarCounts:
        _check_cars(cars, trains=1)
        return cars


def _check_cars(cars: CarCounts, *, trains: int) -> None:
    """Raise ``ValueError`` when ``cars`` is more than ``trains`` trains can carry."""
    limit = DEFAULT_SETTINGS.max_cars_per_train * trains
    count = max(cars.total or 0, cars.typed_sum, cars.total_max or 0)
    if count > limit:
        what = "a train carries" if trains == 1 else f"{trains} trains carry"
        msg = (
            f"{count} cars is more than {what} ({limit}; "
            f"Settings.max_cars_per_train = {DEFAULT_SETTINGS.max_cars_per_train})"
        )
        raise ValueError(msg)


class ShipmentGroup(_Frozen):
    """A fact about several trains together, kept once.

    "In both trains, there are a total of 86 cars, with only two passenger cars"
    is one group with ``n_trains=2`` and ``cars.total=86``; the trains point to it
    through :attr:`Shipment.group`.

    Parameters
    ----------
    id, report
        The group's id and the id of its report.
    n_trains
        How many trains the fact covers (>= 1), or None when the source does not say.
    cars
        The cars of all the group's trains together (:class:`CarCounts`).
    equipment, source, evidence
        As for :class:`Shipment`.

    Raises
    ------
    pydantic.ValidationError
        (a ``ValueError``) for a missing id or source, ``n_trains`` < 1, or more cars
        than ``n_trains`` trains carry (``Settings.max_cars_per_train`` each).

    Examples
    --------
    >>> g = ShipmentGroup(id="g1", n_trains=2, cars=CarCounts(total=86, passenger=2),
    ...                   source=Source(reporter="Belarusian Hajun"))
    >>> g.n_trains, g.cars.total, g.cars.passenger
    (2, 86, 2)
    """

    id: str = Field(min_length=1)
    report: str | None = None
    n_trains: Annotated[int, Field(ge=1)] | None = None
    cars: CarCounts = CarCounts()
    equipment: str | None = None
    source: Source
    evidence: tuple[Evidence, ...] = ()

    @field_validator("id", "report", mode="before")
    @classmethod
    def _ids_as_strings(cls, value: object) -> object:
        return str(value) if isinstance(value, int) and not isinstance(value, bool) else value

    @field_validator("cars")
    @classmethod
    def _its_trains(cls, cars: CarCounts, info: ValidationInfo) -> CarCounts:
        n_trains = info.data.get("n_trains")
        _check_cars(cars, trains=n_trains or DEFAULT_SETTINGS.extract_max_group_trains)
        return cars


class Sighting(_Frozen):
    """A train seen at a station at a time, used to track shipments.

    ``seen_at`` follows railtrack's one time convention: UTC without a zone. A time
    given with a zone (``2023-03-02T10:00Z``, ``+03:00``) is converted to UTC when
    the record is read; a time without one is taken as UTC (see :func:`utc_naive`).

    Parameters
    ----------
    id
        The sighting's id.
    shipment
        The id of the :class:`Shipment` seen, or None when it is not known.
    station
        Where the train was seen (:class:`Place`).
    seen_at
        When (UTC; a zoned time is converted, a naive one is taken as UTC).
    precision
        How precise ``seen_at`` is (``"datetime"`` by default; ``"day"`` for a date).
    source, note
        The :class:`Source`, and what the source said about the sighting.

    Raises
    ------
    pydantic.ValidationError
        (a ``ValueError``) for a missing id, station or source, or a time outside
        1900-2100.

    Examples
    --------
    >>> s = Sighting(id="s1", shipment="t1", station=Place(text="Osinovka"),
    ...              seen_at=datetime.fromisoformat("2023-03-06T13:45+03:00"),
    ...              source=Source(reporter="Community of Railway Workers of Belarus"))
    >>> s.seen_at
    datetime.datetime(2023, 3, 6, 10, 45)
    """

    id: str = Field(min_length=1)
    shipment: str | None = None
    station: Place
    seen_at: datetime
    precision: Precision = "datetime"
    source: Source
    note: str | None = None

    @field_validator("id", "shipment", mode="before")
    @classmethod
    def _ids_as_strings(cls, value: object) -> object:
        return str(value) if isinstance(value, int) and not isinstance(value, bool) else value

    @field_validator("seen_at")
    @classmethod
    def _utc_plausible(cls, value: datetime) -> datetime:
        check_plausible(value, what="sighting time")
        return utc_naive(value)

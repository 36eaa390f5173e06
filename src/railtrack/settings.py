"""Every tunable default in one frozen place, each with its source.

Pass a :class:`Settings` explicitly (``settings: Settings | None = None``); there is
no mutable module state. Figures and their sources are those of
``data/calibration/README.md`` and ``data/network/README.md``; the numbered sources
refer to the project's domain fact sheet.
"""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["DEFAULT_SETTINGS", "Settings"]


class Settings(BaseModel):
    """Defaults for name resolution, routing, arrival estimates and summaries.

    Each field is a keyword argument with a documented default; its unit is in its
    name (``_km`` kilometres, ``_kmh`` km/h, ``_h`` hours, ``_days`` days, ``_s``
    seconds; scores are 0-100) and its meaning and source in its ``description``
    (``Settings.model_fields[name].description``). The instance is frozen: derive a
    variant with ``settings.model_copy(update={...})`` or a new ``Settings(...)``,
    and pass it explicitly (``settings=``) to the functions that take one.

    Parameters
    ----------
    **fields
        Any of the fields below; the others keep their defaults
        (:data:`DEFAULT_SETTINGS`).

    Raises
    ------
    pydantic.ValidationError
        (a ``ValueError``) for an unknown field or a value outside its bounds (e.g.
        ``circuity_factor`` <= 1, a score above 100).

    Notes
    -----
    The figures and their sources are those of ``data/calibration/README.md`` and
    ``data/network/README.md``; numbered sources ("domain sources [4]") are those of
    the project's domain fact sheet (``DOMAIN.md``).

    Examples
    --------
    >>> s = Settings(moving_speed_kmh=35.0)
    >>> s.moving_speed_kmh, s.max_cars_per_train
    (35.0, 120)
    >>> Settings.model_fields["moving_speed_kmh"].description.split(",")[0]
    'Median moving (technical) speed of a freight train between stops'
    >>> Settings(circuity_factor=0.9)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    pydantic_core._pydantic_core.ValidationError: 1 validation error for Settings
    circuity_factor
      Input should be greater than 1 ...
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    # --- network -----------------------------------------------------------------
    circuity_factor: float = Field(
        1.25,
        gt=1.0,
        description=(
            "Rail length over straight-line distance, used where a link has no published "
            "length. Rail detour indexes of 1.2-1.3 are typical for mainline networks "
            "(see data/network/README.md)."
        ),
    )

    circuity_full_km: float = Field(
        50.0,
        gt=0,
        description=(
            "Straight-line link length from which the full circuity_factor applies; "
            "shorter links get proportionally less (factor 1 + (c - 1) * d / this), since "
            "track between neighbouring stations a few km apart is nearly straight. On "
            "ru-rail the flat factor overstated a 1,700 km trip by about 20% "
            "(data/network/README.md)."
        ),
    )

    route_passes_destination_km: float = Field(
        5.0,
        gt=0,
        description=(
            "A route that passes a station this close (straight line, km) to its "
            "destination and then runs on more than four times that distance plus "
            "20 km before arriving is flagged passes_destination: a real train stops "
            "there, so the route doubles back, most often because the network lists a "
            "station out of its line's order (ru-rail's Kursk - Belgorod, 234 km through "
            "Belgorod-1 and back, about 155 km in reality: trial19 T7). 5 km is about "
            "the spread of one town's stations."
        ),
    )

    # --- gazetteer ---------------------------------------------------------------
    resolve_min_score: float = Field(
        85.0, ge=0, le=100, description="Score (0-100) below which a name stays unresolved."
    )
    resolve_min_margin: float = Field(
        4.0,
        ge=0,
        le=100,
        description="Lead the best candidate needs over a different station to be accepted.",
    )
    resolve_base_score: float = Field(
        95.0,
        ge=0,
        le=100,
        description=(
            "Score given when a name matches a station's name without its role suffix "
            "('Smolensk' for Smolensk-Tsentralny): below an exact match, above the "
            "minimum, so an exact name or alias wins by more than resolve_min_margin."
        ),
    )
    same_place_km: float = Field(
        30.0,
        gt=0,
        description=(
            "Stations sharing a base name within this distance are one place (a city's "
            "passenger, freight and yard stations); a tie among them is not ambiguous. "
            "30 km spans the station groups of the largest cities on the network."
        ),
    )
    town_snap_km: float = Field(
        15.0,
        gt=0,
        description=(
            "On a network without the national town layer (ru-rail, an OpenStreetMap "
            "extract), a town of one of its countries that no station is named after "
            "resolves to the network's station nearest it within this distance, at geo "
            "precision 'town'; farther, it stays a place the track does not reach. 15 km "
            "is the distance within which the national layer keeps GeoNames towns "
            "(data/network/national/README.md)."
        ),
    )
    resolve_candidates: int = Field(
        5, ge=1, description="Ranked candidates kept with every resolution."
    )
    route_cache_size: int = Field(
        256,
        ge=0,
        description=(
            "Single-source shortest-path trees kept per network for repeated origins "
            "(about 0.2 MB each on a 16,500-station network)."
        ),
    )

    # --- arrival estimates (data/calibration/README.md) ---------------------------
    moving_speed_kmh: float = Field(
        40.6,
        gt=0,
        description=(
            "Median moving (technical) speed of a freight train between stops, km/h: RZD "
            "2024, the lowest since 1960 (domain sources [4])."
        ),
    )
    speed_sigma: float = Field(
        0.05,
        ge=0,
        description=(
            "Log-sd of the moving speed (lognormal). Fitted by calibrate() on "
            "data/calibration/trips.csv (0.05, the grid's lowest value)."
        ),
    )
    technical_dwell_h_per_100km: float = Field(
        2.1,
        ge=0,
        description=(
            "Hours stood at yards and crew/locomotive changes per 100 km at the median: "
            "100/521 km/day x 24 h (block trains [3]) less 100/40.6 km/h moving ([4])."
        ),
    )
    border_dwell_h: float = Field(
        6.0,
        ge=0,
        description=(
            "Hours at each border crossing (hand-over, crew/locomotive change) at the "
            "median. Assumption: no published figure; scaled by dwell_scale."
        ),
    )
    dwell_scale: float = Field(
        1.144,
        gt=0,
        description=(
            "Median multiplier on all dwell for military trains in 2022-23 congestion "
            "([5]: +26 h per wagon turnaround at technical stations). Fitted by calibrate() "
            "on data/calibration/trips.csv routed on the theatre network (grid value 1.1441; "
            "on the national default network the fit is 1.314, not yet adopted)."
        ),
    )
    dwell_sigma: float = Field(
        0.8,
        ge=0,
        description=(
            "Log-sd of the dwell multiplier (lognormal). Fitted by calibrate() on "
            "data/calibration/trips.csv (0.8)."
        ),
    )
    min_half_width_days: float = Field(
        1.0,
        ge=0,
        description=(
            "Arrival windows are never narrower than p50 +/- this many days: commercial "
            "rail ETAs with live sightings still miss by ~1 day on average ([32])."
        ),
    )
    geo_widen_town_days: float = Field(
        0.5,
        ge=0,
        description=(
            "Days taken off p10 and added to p90 for each end known only as a town "
            "(geo precision 'town': the station may be another one of the town or its "
            "district, a few to ~25 km and a shunting move from the node routed to). "
            "Assumption."
        ),
    )
    geo_widen_region_days: float = Field(
        1.0,
        ge=0,
        description=(
            "Days taken off p10 and added to p90 when the destination is only a region: "
            "its stations lie some 100-300 km apart, about half a day to a day at the "
            "345-520 km/day of DOMAIN.md section 2. A region origin is not widened: its "
            "window already spans the routes from the region's report stations. "
            "Assumption."
        ),
    )
    open_departure_days: float = Field(
        7.0,
        gt=0,
        description=(
            "Width given to a departure known only as 'after X' or 'by Y'. Assumption "
            "(one week); such rows are flagged."
        ),
    )
    longest_trip_km: float = Field(
        10_000.0,
        gt=0,
        description=(
            "Longest rail trip in the area, km: the Far East to Belarus is about 10,000 km "
            "(relay_max_transit_days). A train with no arrival window (no route) is taken "
            "as still on its way until the model's p90 for this trip, counted from its "
            "last evidence (departure, report or sighting), about 5 weeks; after that it "
            "is 'stale'."
        ),
    )
    planned_weight: float = Field(
        0.5,
        ge=0,
        le=1,
        description=(
            "Calibration weight of a planned (announced) arrival relative to an observed "
            "one: sources rank planned claims below sightings (DOMAIN.md section 5)."
        ),
    )
    datetime_tolerance_h: float = Field(
        1.0,
        gt=0,
        description=(
            "Half-width, hours, given to a time reported to the minute: a reported time "
            "is that of the observation, not of the stop."
        ),
    )
    naive_speed_km_per_day: float = Field(
        345.0,
        gt=0,
        description=(
            "The naive baseline's one fixed speed: average RZD delivery speed, Jan-Jul 2015 ([3])."
        ),
    )
    transit_draws: int = Field(
        4000, ge=200, description="Monte Carlo draws of the transit-time model (fixed seed)."
    )
    transit_seed: int = Field(
        20230301, description="Seed of the transit-time draws, so estimates are repeatable."
    )

    # --- free-text extraction (src/railtrack/extract) ------------------------------
    extract_max_group_trains: int = Field(
        20,
        ge=1,
        description=(
            "Most trains made from one announcement ('five echelons left ...'); larger "
            "counts are kept on the group only. Reported batches are mostly 1-5 trains "
            "(Radio Svoboda, Mar 2023: 5 echelons); the largest counted batch in the real "
            "corpus is 16 echelons in a week (Charter97, tests/data/extraction_real r053), "
            "each of which an analyst lists."
        ),
    )
    extract_max_report_chars: int = Field(
        100_000,
        ge=1_000,
        description=(
            "Longest report text read, in characters; a longer text is read up to the "
            "last sentence end before this length, with a problem naming the file. The "
            "longest report of the real corpus is about 2,000 characters and a long "
            "article about 20,000; reading costs a few milliseconds a sentence, so a "
            "3.7 MB one-line file took about 2 minutes (trial19 T10) and 100,000 "
            "characters take a few seconds. A text this long is seldom one report: "
            "split it into files, or raise this value."
        ),
    )
    extract_confidence_stated: float = Field(
        0.9, ge=0, le=1, description="Confidence of a value stated outright for one train."
    )
    extract_confidence_inferred: float = Field(
        0.7,
        ge=0,
        le=1,
        description=(
            "Confidence of a value inferred: approximate ('about 30 flats'), relative "
            "('on Tuesday') or shared from a sentence about several trains."
        ),
    )
    extract_confidence_hearsay: float = Field(
        0.6,
        ge=0,
        le=1,
        description=(
            "Highest confidence of a train told at second hand or unconfirmed ('allegedly', "
            "'reportedly', 'якобы', 'rzekomo'; not a named source, 'according to Hajun'): "
            "the facts are kept, a step "
            "below an inferred value (0.7), as the Admiralty code grades a report not "
            "confirmed by the source itself 'possibly true' (3) rather than 'probably "
            "true' (2) (DOMAIN.md section 5 [27])."
        ),
    )
    extract_confidence_unresolved: float = Field(
        0.5, ge=0, le=1, description="Confidence of a place name the gazetteer did not resolve."
    )
    extract_time_reach_chars: int = Field(
        30,
        ge=0,
        description=(
            "Characters either side of a one-day date searched for its time of day, in "
            "the date's sentence (railtrack.extract.result.time_beside): 'At around 09:00 "
            "on March 14' (the time 13 characters before the date), '14 сакавіка ў 11:20' "
            "(3 after); 30 holds a clock word and a preposition or two ('o godz. 22:40 "
            "w dniu') and no other clause's time."
        ),
    )
    extract_place_time_reach_chars: int = Field(
        16,
        ge=0,
        description=(
            "Characters either side of a place searched for the time a train was there, "
            "when its date is shared with another end or a place seen "
            "(railtrack.extract.result): 'проїхав станцію Орша о 22:40' (3 after), 'в "
            "18:00 прибыл в Брест' (a verb and a preposition, 10 before). Shorter than "
            "extract_time_reach_chars: a date shared by both ends takes only the time "
            "written beside each end's own place ('вчера в 10:00 вышел из Орши, в 18:00 "
            "прибыл в Брест'; trial17b T10)."
        ),
    )
    attribution_words_between: int = Field(
        3,
        ge=0,
        description=(
            "Most lower-case words of what a source is that may stand between the words of "
            "attribution and a known outlet's name, or between the name and a verb of "
            "reporting (railtrack.extract.attribution): 'по данным мониторинговой группы "
            "«Гаюн»' (2), 'podaje projekt monitoringowy Hajun' (2), 'the Hajun monitoring "
            "group said' (2): a noun and its adjective; 3 leaves one more adjective "
            "('независимой мониторинговой группы')."
        ),
    )

    # --- what a report may say (src/railtrack/models.py) ------------------------------
    max_cars_per_train: int = Field(
        120,
        ge=1,
        description=(
            "Most cars one train (echelon) can carry. Reported echelons run 34-51 cars "
            "(DOMAIN.md section 3: Hajun, Charter97, RBC-Ukraine, 2022-2023); freight "
            "trains on the 1520 mm network are limited by the ~850 m useful length of "
            "passing sidings to about 57-71 four-axle cars, and even the longest regular "
            "trains stay under 120. A larger count is a problem for its record, never a "
            "headline; a group may carry this many per train it covers."
        ),
    )
    extract_echelon_min_cars: int = Field(
        34,
        ge=1,
        description=(
            "Fewest cars of a reported military echelon: 34-51 cars (DOMAIN.md section 3: "
            "Hajun, Charter97, RBC-Ukraine, 2022-2023). A train named by its two ends "
            "('Поезд Слоним — Брест с 40 вагонами') that counts this many cars, with no "
            "passenger word, is read as a shipment, not a passenger service (review17 #1)."
        ),
    )
    earliest_plausible_date: date = Field(
        date(1900, 1, 1),
        description=(
            "Earliest date a report may give (departures, arrivals, sightings, published "
            "dates). Dates outside the plausible range are a problem for their record; "
            "the range also keeps every date inside what pandas can hold (1677-2262)."
        ),
    )
    latest_plausible_date: date = Field(
        date(2100, 12, 31), description="Latest date a report or --as-of may give."
    )
    earliest_telegram_post: date = Field(
        date(2013, 8, 14),
        description=(
            "Earliest day a Telegram post can carry: Telegram opened on 14 August 2013 "
            "(its first app, for iOS, was released that day). A post of a Telegram export "
            "dated before it (a 'date_unixtime' of \"0\", the Unix epoch of 1970) is a "
            "problem naming the message, never a post of that day."
        ),
    )
    day_digest_night_h: float = Field(
        4.0,
        ge=0,
        le=12,
        description=(
            "Hours after the author's midnight within which a day's digest with no date "
            "('Итоги дня:', 'Podsumowanie dnia:') sums up the day before: posted at 00:15 "
            "Minsk it counts the trains of the day just ended (trial18b T2). The hours "
            "Russian and Belarusian call night, not morning ('в три часа ночи', 'в пять "
            "утра'): no channel sums up a day that has only begun."
        ),
    )
    relay_local_day_h: float = Field(
        3.0,
        ge=0,
        le=14,
        description=(
            "Hours before UTC midnight in which a clock time told by a channel (kept in "
            "UTC) already falls on the channel's next local day, when it is compared with "
            "a day told with no time (a digest line dated by the channel's calendar). The "
            "largest UTC offset of the channels data/outlets/zones.csv knows: Europe/Minsk, "
            "UTC+3 all year since 2011 (IANA tz database); Hajun's 02:10 arrival is 23:10 "
            "UTC the day before (trial18b T2)."
        ),
    )
    retraction_match_days: int = Field(
        3,
        ge=0,
        description=(
            "Days before a retraction within which a report of an undated train may be the "
            "one it retracts (railtrack.io.retractions). A channel retracts a post within a "
            "day or two: the trial's retraction (trial15 T2, Hajun's 'не пацвердзілася' of "
            "a train to Brest) came the day after; 3 leaves a day for a relay's later post."
        ),
    )

    # --- the store (src/railtrack/store.py) -----------------------------------------
    # --- relays (railtrack.relays) --------------------------------------------------
    relay_max_window_days: int = Field(
        3,
        ge=0,
        description=(
            "Widest departure or arrival window (days) used to link two reports as one "
            "train: 'on 8 March' or 'overnight into 9 March' link, 'in early March' does "
            "not (it would link every train of the corridor that month)."
        ),
    )
    relay_slack_days: int = Field(
        1,
        ge=0,
        description=(
            "Days two relays' dates of one event may differ: outlets resolve 'yesterday' "
            "against their own publication day, often a day after the channel's post."
        ),
    )
    relay_max_transit_days: int = Field(
        14,
        ge=0,
        description=(
            "Longest time (days) between one report's departure and another's arrival for "
            "the two to be one train: the Far East to Belarus, about 10,000 km, is about 10 "
            "days at the median moving speed (moving_speed_kmh), plus dwell."
        ),
    )
    relay_max_clock_hours: float = Field(
        3.0,
        ge=0,
        description=(
            "Most hours apart two reports may time one train at one station ('a 01:20' "
            "and 'a 06:40' at Asipovichy are two trains): a link whose reports both give "
            "a clock time there, further apart than this, is not made."
        ),
    )
    relay_cars_tolerance: float = Field(
        0.1,
        ge=0,
        le=1,
        description=(
            "Share of the larger car count two reports of one train may differ by (at "
            "least one car): relays round ('about 40') or count the locomotive's cars."
        ),
    )

    store_lock_wait_s: float = Field(
        30.0,
        ge=0,
        description=(
            "Seconds an ingest waits for another process's write lock on the store (or a "
            "reader's) before giving up with one line. An ingest of 10,000 reports takes a "
            "few seconds (benchmarks/ingest.py), so 30 s covers a running one."
        ),
    )

    # --- summaries ---------------------------------------------------------------
    people_per_passenger_car: float = Field(
        50.0,
        gt=0,
        description=(
            "Personnel per passenger car, as reports themselves reckon it: 5 cars ~ 250 "
            "people (Charter97, 26 Feb 2023), 8 ~ 400 (RBC-Ukraine, Jan 2023), 2 ~ 100 "
            "(Korrespondent.net, 9 Jan 2023)."
        ),
    )


DEFAULT_SETTINGS = Settings()
"""The settings used when a function is given none."""

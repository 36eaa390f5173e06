"""Column names of every DataFrame railtrack returns, in one place.

Import the constants rather than spelling column names in code, so a rename is one
edit and a typo is an ``AttributeError`` rather than a silent ``KeyError`` later.
"""

from __future__ import annotations

__all__ = [
    "CAR_COLUMNS",
    "ESTIMATE_COLUMNS",
    "GROUP_COLUMNS",
    "REMAINDER_COLUMNS",
    "RESOLVE_COLUMNS",
    "ROUTE_COLUMNS",
    "ROUTE_FLAGS",
    "ROUTE_LENGTH_COLUMNS",
    "SHIPMENT_COLUMNS",
    "SIGHTING_COLUMNS",
    "STATION_COLUMNS",
    "STATUS_COLUMNS",
    "SUMMARY_VALUE_COLUMNS",
    "TRIP_COLUMNS",
]

# --- shipments: ReportSet.to_frame(), one row per train ---------------------------
ID = "id"
REPORT = "report"
GROUP = "group"
ORIGIN = "origin"  # the origin as written
ORIGIN_STATION_ID = "origin_station_id"
ORIGIN_STATION = "origin_station"
ORIGIN_REGION = "origin_region"
DESTINATION = "destination"
DESTINATION_STATION_ID = "destination_station_id"
DESTINATION_STATION = "destination_station"
DESTINATION_REGION = "destination_region"
VIA = "via"  # "; "-joined names as written
VIA_STATION_IDS = "via_station_ids"  # "; "-joined resolved ids; missing if any is unresolved
DEPARTURE_EARLIEST = "departure_earliest"
DEPARTURE_LATEST = "departure_latest"
DEPARTURE_PRECISION = "departure_precision"
ARRIVAL_EARLIEST = "arrival_earliest"  # the source's claimed arrival window
ARRIVAL_LATEST = "arrival_latest"
ARRIVAL_PRECISION = "arrival_precision"
ARRIVAL_TOLD = "arrival_told"  # the source tells the arrival as past, dated or not (bool)
# the source says it had not arrived by its publication day ("так и не пришёл", bool)
ARRIVAL_DENIED = "arrival_denied"
RETURN_OF = "return_of"  # the outbound trip's id of a trip back (its cars counted once)
NOTE = "note"  # a comment the record carries as written (a table's comment column)
LATER_TRAIN = "later_train"  # told as one after another ("the second train", "kolejny") (bool)
# the destination is only a heading ("в направлении Минска", "towards Minsk") (bool)
DESTINATION_HEADING = "destination_heading"
TOLD_BEFORE = "told_before"  # the report speaks of a train already told ("о котором мы писали")
CORRECTS_ONLY = "corrects_only"  # the report only corrects an earlier report's count (bool)
ORIGIN_DIRECTION = "origin_direction"  # the origin is only the side it came from (bool)
HEARSAY = "hearsay"  # the word telling the train unconfirmed ("allegedly", "нібыта"), else empty
RETRACTED_BY = "retracted_by"  # who retracted the train (a later report), else empty
RETRACTED_ON = "retracted_on"  # the day the retraction was published
CARS_TOTAL = "cars_total"
CARS_PASSENGER = "cars_passenger"
CARS_COVERED = "cars_covered"
CARS_FLAT = "cars_flat"
CARS_TANK = "cars_tank"
CARS_OTHER = "cars_other"
CARS_TOTAL_DERIVED = "cars_total_derived"
CARS_ESTIMATED = "cars_estimated"
CARS_AT_LEAST = "cars_at_least"  # the source gave the total as a lower bound ("at least 40")
CARS_AT_MOST = "cars_at_most"  # the source gave the total as an upper bound ("up to 60")
# the most cars the source allows: the upper bound ("up to 60": 60) or a range's high end
# ("30-35 платформ": 35, with cars_at_least and cars_at_most); None without an upper bound
CARS_TOTAL_MAX = "cars_total_max"
EQUIPMENT = "equipment"
CLAIM = "claim"
CREDIBILITY = "credibility"
CONFIDENCE = "confidence"
SOURCE = "source"  # the reporter, e.g. "Belarusian Hajun"
RELAYED_BY = "relayed_by"
SOURCE_URL = "source_url"
PUBLISHED = "published"
RELIABILITY = "reliability"  # Admiralty grade A-F
SOURCE_FILE = "source_file"

CAR_COLUMNS: tuple[str, ...] = (
    CARS_TOTAL,
    CARS_PASSENGER,
    CARS_COVERED,
    CARS_FLAT,
    CARS_TANK,
    CARS_OTHER,
)

SHIPMENT_COLUMNS: tuple[str, ...] = (
    ID,
    REPORT,
    GROUP,
    ORIGIN,
    ORIGIN_STATION_ID,
    ORIGIN_STATION,
    ORIGIN_REGION,
    DESTINATION,
    DESTINATION_STATION_ID,
    DESTINATION_STATION,
    DESTINATION_REGION,
    VIA,
    VIA_STATION_IDS,
    DEPARTURE_EARLIEST,
    DEPARTURE_LATEST,
    DEPARTURE_PRECISION,
    ARRIVAL_EARLIEST,
    ARRIVAL_LATEST,
    ARRIVAL_PRECISION,
    ARRIVAL_TOLD,
    ARRIVAL_DENIED,
    *CAR_COLUMNS,
    CARS_TOTAL_DERIVED,
    CARS_ESTIMATED,
    CARS_AT_LEAST,
    CARS_AT_MOST,
    CARS_TOTAL_MAX,
    EQUIPMENT,
    CLAIM,
    CREDIBILITY,
    CONFIDENCE,
    SOURCE,
    RELAYED_BY,
    SOURCE_URL,
    PUBLISHED,
    RELIABILITY,
    SOURCE_FILE,
    RETURN_OF,
    NOTE,
    LATER_TRAIN,
    DESTINATION_HEADING,
    TOLD_BEFORE,
    CORRECTS_ONLY,
    ORIGIN_DIRECTION,
    HEARSAY,
    RETRACTED_BY,
    RETRACTED_ON,
)

# Added by railtrack.pipeline.track (railtrack.dating.best_dates): each train's best
# date (departure, else first sighting, else reported arrival, else published) and
# which of those it is; summaries by period use them when present.
BEST_DATE = "best_date"
DATE_BASIS = "date_basis"

# --- groups: ReportSet.groups_frame(), one row per group of trains ---------------
N_TRAINS = "n_trains"
MEMBERS = "members"  # "; "-joined shipment ids that point to the group

GROUP_COLUMNS: tuple[str, ...] = (
    ID,
    REPORT,
    N_TRAINS,
    MEMBERS,
    *CAR_COLUMNS,
    CARS_TOTAL_DERIVED,
    CARS_ESTIMATED,
    CARS_AT_LEAST,
    CARS_AT_MOST,
    CARS_TOTAL_MAX,
    EQUIPMENT,
    SOURCE,
    RELAYED_BY,
    SOURCE_URL,
    PUBLISHED,
    RELIABILITY,
    SOURCE_FILE,
)

# --- sightings: ReportSet.sightings_frame() ---------------------------------------
SHIPMENT = "shipment"
STATION = "station"  # as written
STATION_ID = "station_id"
STATION_NAME = "station_name"
SEEN_AT = "seen_at"
PRECISION = "precision"

SIGHTING_COLUMNS: tuple[str, ...] = (
    ID,
    SHIPMENT,
    STATION,
    STATION_ID,
    STATION_NAME,
    SEEN_AT,
    PRECISION,
    NOTE,
    SOURCE,
    RELIABILITY,
    SOURCE_FILE,
)

# --- summaries: railtrack.summarize(), one row per group of `by` keys -------------
PERIOD = "period"  # start of the period (Timestamp)
PERIOD_BASIS = "period_basis"  # "departure" | "published" | "; "-joined when mixed
ROUTE_LABEL = "route"  # station names joined with " → ", or "origin → destination"
BORDER_CROSSING = "border_crossing"  # one "A–B" link per row; "none" / "unknown"
RAILHEAD = "railhead"  # alias key for the destination
TRAINS = "trains"  # trains counted in the row (listed, plus unlisted ones of a group)
TRAINS_WITH_CARS = "trains_with_cars"  # of those, trains whose own total is known
# trains listed but left out of the counts (retracted, or told only as hearsay), and their cars
TRAINS_NOT_COUNTED = "trains_not_counted"
CARS_NOT_COUNTED = "cars_not_counted"
CARS_UNALLOCATED = "cars_unallocated"  # group cars not attributable to one train
UNALLOCATED = "unallocated"  # note: "86 cars (2 passenger) of group g1 across 2 trains"
PERSONNEL_ESTIMATE = "personnel_estimate"  # passenger cars x people per car
SOURCES = "sources"  # "; "-joined "reporter (grade)"
BEST_RELIABILITY = "best_reliability"  # best Admiralty grade among the sources, A-F
BEST_CREDIBILITY = "best_credibility"  # best claim credibility among the trains, 1-6
SHIPMENTS = "shipments"  # "; "-joined shipment ids
GROUPS = "groups"  # "; "-joined group ids

SUMMARY_VALUE_COLUMNS: tuple[str, ...] = (
    TRAINS,
    TRAINS_WITH_CARS,
    *CAR_COLUMNS,
    CARS_UNALLOCATED,
    CARS_TOTAL_DERIVED,
    CARS_ESTIMATED,
    CARS_AT_LEAST,
    CARS_AT_MOST,
    CARS_TOTAL_MAX,
    PERSONNEL_ESTIMATE,
    UNALLOCATED,
    SOURCES,
    BEST_RELIABILITY,
    BEST_CREDIBILITY,
    SHIPMENTS,
    GROUPS,
    TRAINS_NOT_COUNTED,
    CARS_NOT_COUNTED,
)

# --- arrival estimates: estimate_arrivals(), one row per shipment ---------------------
# (also ID, ORIGIN, DESTINATION, ORIGIN_STATION, DESTINATION_STATION, ROUTE_LABEL,
# DEPARTURE_EARLIEST, DEPARTURE_LATEST above)
LENGTH_KM = "length_km"  # routed length of the train's one route, km
BORDER_CROSSINGS = "border_crossings"  # "; "-joined "A–B" links where the country changes
P10 = "p10"  # arrival quantiles, pandas Timestamps
P50 = "p50"
P90 = "p90"
METHOD = "method"  # "transit_model" | "transit_model_region_spread" | "reported_arrival" | "none"
CLAIMED_EARLIEST = "claimed_earliest"  # the source's own arrival claim
CLAIMED_LATEST = "claimed_latest"
CLAIMED_PRECISION = "claimed_precision"
CLAIM_OUTSIDE_WINDOW = "claim_outside_window"  # claim and [p10, p90] do not overlap
FLAGS = "flags"  # ";"-joined flag names

ESTIMATE_COLUMNS: tuple[str, ...] = (
    ID,
    ORIGIN,
    DESTINATION,
    ORIGIN_STATION,
    DESTINATION_STATION,
    ROUTE_LABEL,
    LENGTH_KM,
    BORDER_CROSSINGS,
    DEPARTURE_EARLIEST,
    DEPARTURE_LATEST,
    P10,
    P50,
    P90,
    METHOD,
    CLAIMED_EARLIEST,
    CLAIMED_LATEST,
    CLAIMED_PRECISION,
    CLAIM_OUTSIDE_WINDOW,
    FLAGS,
)

# --- tracking: track_status(), one row per shipment -----------------------------------
STATUS = "status"  # one of railtrack.tracking.STATUSES (undated, planned, expected, ... stale)
LAST_SEEN_STATION = "last_seen_station"
LAST_SEEN_AT = "last_seen_at"
AS_OF = "as_of"

STATUS_COLUMNS: tuple[str, ...] = (
    ID,
    STATUS,
    LAST_SEEN_STATION,
    LAST_SEEN_AT,
    P10,
    P50,
    P90,
    AS_OF,
    FLAGS,
)

# --- calibration trips: load_trips(), one row per observed or planned trip -------------
TRIP_ID = "trip_id"
ARRIVAL_KIND = "arrival_kind"  # "observed" | "planned"
CARS = "cars"
DISTANCE_KM = "distance_km"  # optional, for ends not on the embedded network
DISTANCE_NOTE = "distance_note"  # how distance_km was obtained
BORDER_CROSSINGS_N = "border_crossings_n"  # optional count used with distance_km
REFERENCE = "reference"  # the public source: outlet and URL
WEIGHT = "weight"  # calibration weight: 1 observed, Settings.planned_weight planned

TRIP_COLUMNS: tuple[str, ...] = (
    TRIP_ID,
    ORIGIN,
    DESTINATION,
    DEPARTURE_EARLIEST,
    DEPARTURE_LATEST,
    DEPARTURE_PRECISION,
    ARRIVAL_EARLIEST,
    ARRIVAL_LATEST,
    ARRIVAL_PRECISION,
    ARRIVAL_KIND,
    CARS,
    DISTANCE_KM,
    DISTANCE_NOTE,
    BORDER_CROSSINGS_N,
    REFERENCE,
    NOTE,
)

# --- network: RailNetwork.stations_frame(), one row per station (issue 4) -------------
NAME = "name"
NAME_RU = "name_ru"
ALIASES = "aliases"  # "|"-joined other names
COUNTRY = "country"
REGION = "region"
LAT = "lat"
LON = "lon"
COORD_ESTIMATED = "coord_estimated"
KIND = "kind"
BORDER = "border"
ESR = "esr"
DEGREE = "degree"
COMPONENT = "component"  # 0 = the largest connected component; -1 = no links

STATION_COLUMNS: tuple[str, ...] = (
    ID,
    NAME,
    NAME_RU,
    ALIASES,
    COUNTRY,
    REGION,
    LAT,
    LON,
    COORD_ESTIMATED,
    KIND,
    BORDER,
    RAILHEAD,
    ESR,
    DEGREE,
    COMPONENT,
)

# --- gazetteer: RailNetwork.resolve_many(), one row per name ----------------------
QUERY = "query"
RESOLVED = "resolved"
SCORE = "score"
REGION_STATIONS = "region_stations"  # "; "-joined station ids of a region
CANDIDATES = "candidates"  # "; "-joined "name (id, score)", best first
GEO_PRECISION = "geo_precision"  # "station", "town", "region" (ACLED-style 1/2/3)

RESOLVE_COLUMNS: tuple[str, ...] = (
    QUERY,
    RESOLVED,
    STATION_ID,
    NAME,
    SCORE,
    REGION,
    REGION_STATIONS,
    CANDIDATES,
    GEO_PRECISION,
)

# --- routing: RailNetwork.route_lengths(), one row per origin-destination pair -----
N_STATIONS = "n_stations"

ROUTE_LENGTH_COLUMNS: tuple[str, ...] = (ORIGIN, DESTINATION, LENGTH_KM, N_STATIONS)

# --- routes: railtrack.routes.shipment_routes(), one row per shipment (the one route) ---
# (also ID, ORIGIN, DESTINATION as written, ORIGIN_STATION_ID, DESTINATION_STATION_ID,
# VIA_STATION_IDS, ROUTE_LABEL, LENGTH_KM, BORDER_CROSSINGS, FLAGS above)
STATIONS = "stations"  # the route's station ids, origin first (a list shared by its trains)
ROUTE_ID = "route_id"  # in the written files: a route's id (railtrack.route_files.route_id)
ROUTE_IDS = "route_ids"  # a corridor edge: the route_id of each route that passed it
ROUTE_TRAINS = "route_trains"  # a corridor edge: the trains on each of those routes
BORDER_CROSSINGS_N = "border_crossings_n"  # number of border crossings on the route
ORIGIN_BASIS = "origin_basis"  # "station", or how a region origin was routed
ORIGIN_ROUTES = "origin_routes"  # region origin: ((origin id, length_km, crossings), ...)
PROBLEM = "problem"  # why a shipment has no route, or how it was routed otherwise
ORIGIN_GEO_PRECISION = "origin_geo_precision"  # "station", "town" or "region"
DESTINATION_GEO_PRECISION = "destination_geo_precision"

ROUTE_COLUMNS: tuple[str, ...] = (
    ID,
    ORIGIN,
    DESTINATION,
    ORIGIN_STATION_ID,
    DESTINATION_STATION_ID,
    VIA_STATION_IDS,
    ROUTE_LABEL,
    STATIONS,
    LENGTH_KM,
    BORDER_CROSSINGS,
    BORDER_CROSSINGS_N,
    ORIGIN_BASIS,
    ORIGIN_ROUTES,
    ORIGIN_GEO_PRECISION,
    DESTINATION_GEO_PRECISION,
    FLAGS,
    PROBLEM,
)

ROUTE_FLAGS: dict[str, str] = {
    "no_origin": "the shipment names no origin",
    "no_destination": "the shipment names no destination",
    "origin_unresolved": "the origin matched no station or region with confidence",
    "destination_unresolved": "the destination matched no station or region with confidence",
    "origin_outside_network": "the origin is a country or a place outside the network area",
    "destination_outside_network": (
        "the destination is a country or a place outside the network area"
    ),
    "via_unresolved": "a via point did not resolve to a station and was ignored",
    "via_unreachable": "no route passes the via points: routed without them",
    "via_past_destination": (
        "a via point lies past the destination (the train stops there first): "
        "it and the via points after it are ignored"
    ),
    "origin_region": "the origin is a region: routed from its report stations",
    "destination_region": "the destination is a region, not one station",
    "no_route": "no rail route joins the two ends on this network",
    "passes_destination": (
        "the route passes within a few km of its destination and leaves it again "
        "(route_passes_destination_km): its length is likely too long; check the "
        "network's line order there"
    ),
}
"""Every flag of the routes table's ``flags`` column, with its meaning."""

# --- group remainders: railtrack.remainders.group_remainders(), one row per group ------
# (also GROUP, CAR_COLUMNS, CARS_TOTAL_DERIVED, CARS_ESTIMATED, CARS_AT_LEAST, SOURCE,
# RELIABILITY, PUBLISHED and UNALLOCATED above)
HOLDERS = "holders"  # positions in the shipments table of the trains that may hold the cars
UNLISTED = "unlisted"  # trains the group names beyond those listed
N_ACROSS = "n_across"  # holders plus unlisted trains

REMAINDER_COLUMNS: tuple[str, ...] = (
    GROUP,
    *CAR_COLUMNS,
    HOLDERS,
    UNLISTED,
    N_ACROSS,
    CARS_TOTAL_DERIVED,
    CARS_ESTIMATED,
    CARS_AT_LEAST,
    SOURCE,
    RELIABILITY,
    PUBLISHED,
    UNALLOCATED,
)

"""Column names of every DataFrame railtrack returns, in one place.

Import the constants rather than spelling column names in code, so a rename is one
edit and a typo is an ``AttributeError`` rather than a silent ``KeyError`` later.
"""

from __future__ import annotations

__all__ = [
    "CAR_COLUMNS",
    "GROUP_COLUMNS",
    "SHIPMENT_COLUMNS",
    "SIGHTING_COLUMNS",
    "SUMMARY_VALUE_COLUMNS",
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
DEPARTURE_EARLIEST = "departure_earliest"
DEPARTURE_LATEST = "departure_latest"
DEPARTURE_PRECISION = "departure_precision"
ARRIVAL_EARLIEST = "arrival_earliest"  # the source's claimed arrival window
ARRIVAL_LATEST = "arrival_latest"
ARRIVAL_PRECISION = "arrival_precision"
CARS_TOTAL = "cars_total"
CARS_PASSENGER = "cars_passenger"
CARS_COVERED = "cars_covered"
CARS_FLAT = "cars_flat"
CARS_TANK = "cars_tank"
CARS_OTHER = "cars_other"
CARS_TOTAL_DERIVED = "cars_total_derived"
CARS_ESTIMATED = "cars_estimated"
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
    DEPARTURE_EARLIEST,
    DEPARTURE_LATEST,
    DEPARTURE_PRECISION,
    ARRIVAL_EARLIEST,
    ARRIVAL_LATEST,
    ARRIVAL_PRECISION,
    *CAR_COLUMNS,
    CARS_TOTAL_DERIVED,
    CARS_ESTIMATED,
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
)

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
NOTE = "note"

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
    PERSONNEL_ESTIMATE,
    UNALLOCATED,
    SOURCES,
    BEST_RELIABILITY,
    BEST_CREDIBILITY,
    SHIPMENTS,
    GROUPS,
)

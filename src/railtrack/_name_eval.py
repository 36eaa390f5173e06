"""Score name resolution against labelled places: right, unresolved or wrong.

A label gives a name as written and where it is: coordinates (right when the
resolved place lies within :data:`RIGHT_KM`), or a region (right when the name
resolves to the region or country the label's canonical name resolves to), or only a
canonical name (right when both resolve to one place or places within
:data:`RIGHT_KM` of each other). A resolved name that fails its check is wrong; a
name left unresolved is unresolved, never wrong.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

from railtrack.gazetteer import Resolution
from railtrack.network import RailNetwork, haversine_km

__all__ = ["RIGHT_KM", "PlaceLabel", "label_from_row", "score_names"]

RIGHT_KM = 10.0
"""A resolved place within this distance of the labelled one is right, km."""


@dataclass(frozen=True)
class PlaceLabel:
    """One labelled name: as written, its canonical name, kind and position.

    ``kind`` is ``"station"``, ``"town"``, ``"region"`` or ``"country"``; ``lat``/``lon``
    are None when the label gives no position.
    """

    name: str
    canonical: str = ""
    kind: str = "station"
    lat: float | None = None
    lon: float | None = None
    source: str = ""


def label_from_row(row: Mapping[str, str]) -> PlaceLabel:
    """Return the label of one row of a labelled names table (a ``csv.DictReader`` row).

    The tables (``tests/data/network_names.csv``, ``extraction_real/places.csv``,
    ``names_real/spellings.csv``) have the columns ``name_as_written``,
    ``canonical``, ``kind``, ``lat`` and ``lon`` (empty when not given).

    Examples
    --------
    >>> label_from_row({"name_as_written": "Homla", "canonical": "Gomel", "kind": "town",
    ...                 "lat": "52.43", "lon": ""})
    PlaceLabel(name='Homla', canonical='Gomel', kind='town', lat=52.43, lon=None, source='')
    """
    return PlaceLabel(
        row["name_as_written"],
        row["canonical"],
        row["kind"],
        float(row["lat"]) if row.get("lat") else None,
        float(row["lon"]) if row.get("lon") else None,
    )


def _position(net: RailNetwork, r: Resolution) -> tuple[float, float] | None:
    if r.lat is not None and r.lon is not None:  # a place outside the network
        return r.lat, r.lon
    if r.station_id is None or r.station_id not in net.G:
        return None
    d = net.G.nodes[r.station_id]
    if d.get("lat") is None or d.get("lon") is None:
        return None
    return float(d["lat"]), float(d["lon"])


def _judge(net: RailNetwork, label: PlaceLabel, r: Resolution) -> tuple[str, float]:
    if not r.resolved:
        return "unresolved", math.nan
    if label.kind in ("region", "country"):
        ref = net.resolve(label.canonical) if label.canonical else None
        if ref is None or not ref.resolved:
            return "unjudged", math.nan
        if ref.region is not None:
            return ("right" if r.region == ref.region else "wrong"), math.nan
        same = ref.precision == r.precision == "country" and r.country == ref.country
        return ("right" if same else "wrong"), math.nan
    got = _position(net, r)
    if label.lat is not None and label.lon is not None:
        if got is None:
            return "wrong", math.nan
        km = haversine_km(label.lat, label.lon, *got)
        return ("right" if km <= RIGHT_KM else "wrong"), km
    ref = net.resolve(label.canonical) if label.canonical else None
    if ref is None or not ref.resolved or got is None:
        return "unjudged", math.nan
    there = _position(net, ref)
    if ref.station_id == r.station_id:
        return "right", 0.0
    if there is None:
        return "unjudged", math.nan
    km = haversine_km(*there, *got)
    return ("right" if km <= RIGHT_KM else "wrong"), km


def score_names(net: RailNetwork, labels: Iterable[PlaceLabel]) -> pd.DataFrame:
    """Resolve each labelled name and judge the result.

    Parameters
    ----------
    net
        The network whose gazetteer resolves the names.
    labels
        Labelled names.

    Returns
    -------
    pandas.DataFrame
        One row per label: ``name``, ``canonical``, ``kind``, ``source``,
        ``resolved_id``, ``resolved_name``, ``precision``, ``outcome`` (``right``,
        ``unresolved``, ``wrong``, or ``unjudged`` when the label gives nothing to
        check against) and ``error_km`` (NaN when not measured).

    Examples
    --------
    >>> from railtrack import load_network
    >>> df = score_names(load_network(), [PlaceLabel("Matveyev-Kurhan", "Matveev Kurgan",
    ...                                              lat=47.566, lon=38.867)])
    >>> df["outcome"].tolist()
    ['right']
    """
    rows = []
    for label in labels:
        r = net.resolve(label.name)
        outcome, km = _judge(net, label, r)
        rows.append(
            {
                "name": label.name,
                "canonical": label.canonical,
                "kind": label.kind,
                "source": label.source,
                "resolved_id": r.station_id if r.station_id else r.region,
                "resolved_name": r.name,
                "precision": r.precision,
                "outcome": outcome,
                "error_km": km,
            }
        )
    return pd.DataFrame(rows)

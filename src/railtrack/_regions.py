"""Regions and countries named instead of a station, read from ``regions.yaml``."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

import yaml

from railtrack.errors import NetworkError

__all__ = ["Region", "read_regions"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Region:
    """A region or country: its aliases and the stations it covers.

    Attributes
    ----------
    key
        Canonical name, e.g. ``"Belarus"`` or ``"Rostov region"``.
    kind
        ``"country"`` or ``"region"``.
    aliases
        Names reports use for it, in any language and script.
    countries
        Station ``country`` codes it covers.
    station_regions
        Station ``region`` values it covers.
    stations
        Station ids it covers besides those.
    report_stations
        The stations reports use there; routing from or to the region uses these.
    """

    key: str
    kind: str = "region"
    aliases: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    station_regions: tuple[str, ...] = ()
    stations: tuple[str, ...] = ()
    report_stations: tuple[str, ...] = ()


def _strings(value: object, *, path: Path, key: str, field: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str | int):
        return (str(value),)
    if isinstance(value, list):
        return tuple(str(v) for v in value if v is not None and str(v).strip())
    msg = f"{path.name}: region {key!r}, field {field!r}: expected a list of names"
    raise NetworkError(msg)


def read_regions(path: Path) -> list[Region]:
    """Read region definitions from a YAML file.

    Parameters
    ----------
    path
        A ``regions.yaml`` with a top-level ``regions`` list.

    Returns
    -------
    list of Region
        The regions in file order.

    Raises
    ------
    NetworkError
        When the file is not valid YAML or an entry is malformed.

    Examples
    --------
    >>> from railtrack import data_path
    >>> regions = read_regions(data_path("network", "regions.yaml"))
    >>> next(r for r in regions if r.key == "Belarus").countries
    ('BY',)
    """
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        msg = f"{path.name}: not valid YAML: {exc}"
        raise NetworkError(msg) from exc
    entries = (doc or {}).get("regions", []) if isinstance(doc, dict) else None
    if not isinstance(entries, list):
        msg = f"{path.name}: expected a top-level 'regions' list"
        raise NetworkError(msg)
    regions: list[Region] = []
    for i, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict) or not str(entry.get("key") or "").strip():
            msg = f"{path.name}: region {i} has no 'key'"
            raise NetworkError(msg)
        key = str(entry["key"]).strip()
        fields = {
            name: _strings(entry.get(name), path=path, key=key, field=name)
            for name in ("aliases", "countries", "station_regions", "stations", "report_stations")
        }
        regions.append(Region(key=key, kind=str(entry.get("kind") or "region"), **fields))
    logger.debug("Read %d regions from %s", len(regions), path)
    return regions

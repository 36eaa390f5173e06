"""Cache keys of a network load and of its name index, computed without loading either.

A key hashes what a load reads (every data file's contents), how it is called
(directory, national layer, closed crossings, settings), railtrack's code and the
versions of the libraries whose objects the cached entry holds (:mod:`railtrack._netcache`).
The name index holds only plain Python objects and pydantic settings, so its key
needs neither networkx nor numpy: ``railtrack resolve`` reads the index without
importing them.
"""

from __future__ import annotations

from pathlib import Path

from railtrack import _netcache
from railtrack._data import data_path
from railtrack.settings import Settings

__all__ = ["INDEX_LIBRARIES", "NATIONAL_FILES", "NETWORK_LIBRARIES", "load_key"]

NATIONAL_FILES = ("track_nodes.csv.gz", "track_links.csv.gz", "towns.csv.gz", "stations.csv")
"""The national layer's files under ``data/network/national``."""

NETWORK_LIBRARIES = ("networkx", "numpy", "pydantic")
"""Libraries whose objects a cached network holds (its graph and arrays)."""

INDEX_LIBRARIES = ("pydantic",)
"""Libraries whose objects a cached name index holds (its settings)."""


def load_key(
    root: Path,
    settings: Settings,
    *,
    national: bool,
    close_crossings: bool,
    libraries: tuple[str, ...],
) -> str | None:
    """Return the cache key of loading network directory ``root``, or None.

    Parameters
    ----------
    root
        The network directory (``stations.csv``, ``links.csv``, optional ``regions.yaml``).
    settings
        The load's settings (part of the key).
    national, close_crossings
        The options of :func:`railtrack.network.load_network`.
    libraries
        Module names whose versions enter the key: :data:`NETWORK_LIBRARIES` for the
        network, :data:`INDEX_LIBRARIES` for its name index.

    Returns
    -------
    str or None
        32 hex digits; None when caching is off or a file cannot be read (the load
        itself then says which).

    Examples
    --------
    >>> from railtrack.settings import DEFAULT_SETTINGS
    >>> root = data_path("network")
    >>> a = load_key(root, DEFAULT_SETTINGS, national=True, close_crossings=True,
    ...              libraries=NETWORK_LIBRARIES)
    >>> b = load_key(root, DEFAULT_SETTINGS, national=True, close_crossings=True,
    ...              libraries=INDEX_LIBRARIES)
    >>> a != b or not _netcache.enabled()
    True
    """
    if not _netcache.enabled():
        return None
    regions = root / "regions.yaml"
    files = [
        root / "stations.csv",
        root / "links.csv",
        regions if regions.is_file() else data_path("network", "regions.yaml"),
    ]
    if national:
        files += [data_path("network", "national", name) for name in NATIONAL_FILES]
    options = {
        "root": str(root.resolve()),
        "national": national,
        "close_crossings": close_crossings,
        "settings": settings.model_dump(mode="json"),
    }
    try:
        return _netcache.network_key(files, options, libraries=libraries)
    except OSError:
        return None

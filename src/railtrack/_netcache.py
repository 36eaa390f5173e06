"""A cache of loaded networks and their name indexes, on disk and in the process.

Loading the default network (the theatre stations merged into 13,000 track nodes and
6,800 towns) and building its gazetteer index take seconds; both depend only on the
data files, the call's options and railtrack's code. :func:`railtrack.load_network`
therefore keeps what it built:

- **on disk**, as pickles in the user's cache directory (``platformdirs``:
  ``~/.cache/railtrack/networks`` on Linux, ``~/Library/Caches/railtrack/networks`` on
  macOS, ``%LOCALAPPDATA%\\railtrack\\Cache\\networks`` on Windows), or in
  ``$RAILTRACK_CACHE_DIR`` when that is set. An entry is named by a key
  (:func:`network_key`) hashed from the *contents* of every data file read, the
  options, the settings, the source of every railtrack module, and the versions of
  Python and of the libraries whose objects the entry holds (networkx, numpy and
  pydantic for a network; pydantic alone for a name index, which holds no graph and
  so loads without networkx: :mod:`railtrack._netkey`): any change to one of them is
  a miss, never a stale hit. The newest :data:`MAX_ENTRIES` networks are kept. A
  cache directory that cannot be written is reported once (a warning in the log)
  and the network is built as if there were no cache; an unreadable or corrupt
  entry is deleted and rebuilt.
- **in the process**, as the same pickled bytes (the newest :data:`MAX_MEMORY`
  networks): every call unpickles its own copy, so a caller that changes its network
  (``net.G.remove_edge``) never changes what the next call returns. Objects callers
  only read (the name index) are kept live and shared (:func:`share`).

``RAILTRACK_NO_CACHE=1`` (or ``load_network(..., cache=False)``) turns both off;
:func:`clear` (``railtrack network cache --clear``) empties the directory. Only
railtrack writes the directory; like any pickle cache (matplotlib's font cache, the
Jupyter caches) it trusts the files in it, so point ``RAILTRACK_CACHE_DIR`` only at a
directory other users cannot write.
"""

from __future__ import annotations

import gc
import hashlib
import importlib
import json
import logging
import os
import pickle
import sys
import tempfile
import time
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager, suppress
from functools import cache
from pathlib import Path
from typing import Any

__all__ = [
    "CACHE_DIR_ENV",
    "DISK_MIN_NODES",
    "MAX_ENTRIES",
    "MAX_MEMORY",
    "NO_CACHE_ENV",
    "cache_dir",
    "clear",
    "code_digest",
    "enabled",
    "load",
    "network_key",
    "save",
    "share",
    "shared",
]

logger = logging.getLogger(__name__)

CACHE_DIR_ENV = "RAILTRACK_CACHE_DIR"
"""Environment variable naming the cache directory (default: the platform's)."""
NO_CACHE_ENV = "RAILTRACK_NO_CACHE"
"""Environment variable that turns the cache off when set to anything but 0/no/false."""
FORMAT = 1
"""Version of the entries' layout; raising it orphans every old entry."""
MAX_ENTRIES = 8
"""Entries (keys) kept on disk: six networks, and the indexes of the world tables and of
the national layer's towns (:mod:`railtrack.world_places`); older ones are deleted after
each write."""
MAX_MEMORY = 8
"""Networks kept in the process (their pickled bytes)."""
DISK_MIN_NODES = 2000
"""Smaller networks load in well under a second and stay out of the disk cache."""

_SUFFIX = ".pickle"
_PACKAGE = Path(__file__).resolve().parent
# key -> kind -> pickled bytes (copied out by unpickling) or, for "shared:" kinds, a live
# object handed to every caller; the newest MAX_MEMORY keys are kept
_memory: OrderedDict[str, dict[str, Any]] = OrderedDict()
_warned: set[str] = set()


def enabled() -> bool:
    """Whether caching is on: ``RAILTRACK_NO_CACHE`` is unset, empty, 0, no or false.

    Examples
    --------
    >>> import os
    >>> enabled() == (os.environ.get("RAILTRACK_NO_CACHE", "").lower() in ("", "0", "no", "false"))
    True
    """
    return os.environ.get(NO_CACHE_ENV, "").strip().lower() in ("", "0", "no", "false")


def cache_dir() -> Path:
    """Return the directory of network cache entries (it may not exist yet).

    Returns
    -------
    pathlib.Path
        ``$RAILTRACK_CACHE_DIR`` when set, else ``networks`` under the platform's user
        cache directory for railtrack.

    Examples
    --------
    >>> cache_dir().name == "networks" or "RAILTRACK_CACHE_DIR" in os.environ
    True
    """
    override = os.environ.get(CACHE_DIR_ENV, "").strip()
    if override:
        return Path(override).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("railtrack", appauthor=False)) / "networks"


@cache
def code_digest() -> str:
    """Hash of the source of every railtrack module (names, paths and contents).

    Any edit to railtrack's code, however small, gives a new digest and so new cache
    keys: an index built by older code is never reused.

    Returns
    -------
    str
        Hex digest (computed once per process).

    Examples
    --------
    >>> len(code_digest())
    32
    """
    h = hashlib.blake2b(digest_size=16)
    for path in sorted(_PACKAGE.rglob("*.py")):
        h.update(path.relative_to(_PACKAGE).as_posix().encode())
        h.update(b"\0")
        h.update(path.read_bytes())
        h.update(b"\0")
    return h.hexdigest()


def _file_digest(path: Path) -> str:
    with path.open("rb") as f:
        return hashlib.file_digest(f, "blake2b").hexdigest()[:32]


def network_key(
    files: Iterable[Path],
    options: Mapping[str, Any],
    *,
    libraries: Iterable[str] = ("networkx", "numpy", "pydantic"),
) -> str:
    """Return the cache key of a network built from ``files`` with ``options``.

    Parameters
    ----------
    files
        Every data file the load reads (their contents are hashed, not their dates).
    options
        JSON-serialisable call options (directory, flags, settings).
    libraries
        Modules whose objects the cached entry holds: their versions enter the key
        (each is imported to read its ``__version__``).

    Returns
    -------
    str
        32 hex digits.

    Raises
    ------
    OSError
        When a file cannot be read.

    Examples
    --------
    >>> from railtrack import data_path
    >>> files = [data_path("network", "stations.csv")]
    >>> network_key(files, {"national": False}) == network_key(files, {"national": False})
    True
    >>> network_key(files, {"national": False}) == network_key(files, {"national": True})
    False
    >>> network_key(files, {}, libraries=["pydantic"]) == network_key(files, {})
    False
    """
    parts = {
        "format": FORMAT,
        "python": [sys.implementation.name, *map(str, sys.version_info[:3])],
        "versions": [[name, str(importlib.import_module(name).__version__)] for name in libraries],
        "code": code_digest(),
        "files": [[str(p), _file_digest(p)] for p in files],
        "options": dict(options),
    }
    text = json.dumps(parts, sort_keys=True, default=str)
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


@contextmanager
def _no_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector: unpickling 100,000 dicts triggers it often."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _dumps(key: str, obj: object) -> bytes:
    return pickle.dumps((FORMAT, key, obj), protocol=pickle.HIGHEST_PROTOCOL)


def _loads(key: str, data: bytes) -> object:
    with _no_gc():
        fmt, stored_key, obj = pickle.loads(data)
    if fmt != FORMAT or stored_key != key:
        msg = "entry written for another key"
        raise pickle.UnpicklingError(msg)
    return obj


def _remember(key: str, kind: str, value: object) -> None:
    _memory.setdefault(key, {})[kind] = value
    _memory.move_to_end(key)
    while len(_memory) > MAX_MEMORY:
        _memory.popitem(last=False)


def shared(key: str, kind: str) -> Any | None:
    """Return the live object :func:`share` kept for network ``key``, or None.

    Examples
    --------
    >>> share("0" * 32, "doc-example", ["one object"])
    >>> shared("0" * 32, "doc-example") is shared("0" * 32, "doc-example")
    True
    """
    if not enabled():
        return None
    return _memory.get(key, {}).get(f"shared:{kind}")


def share(key: str, kind: str, obj: object) -> None:
    """Keep ``obj`` in this process to hand the same object to every caller.

    For objects that callers only read (a name index), where a copy per caller
    would cost as much as the object's first load.
    """
    if enabled():
        _remember(key, f"shared:{kind}", obj)


def load(key: str, kind: str) -> Any | None:
    """Return a fresh copy of the cached ``kind`` object of network ``key``, or None.

    Parameters
    ----------
    key
        From :func:`network_key`.
    kind
        ``"network"`` or ``"gazetteer"``.

    Returns
    -------
    object or None
        None on a miss, when caching is off, or when the entry is unreadable (then
        it is deleted and the reason logged).
    """
    if not enabled():
        return None
    data = _memory.get(key, {}).get(kind)
    path = cache_dir() / f"{key}.{kind}{_SUFFIX}"
    if data is None:
        try:
            data = path.read_bytes()
        except OSError:
            return None
        _touch(path)
    try:
        obj = _loads(key, data)
    except Exception as exc:  # a corrupt pickle raises errors of any type
        logger.warning("Network cache entry %s is unreadable (%s); rebuilding it", path, exc)
        _memory.get(key, {}).pop(kind, None)
        path.unlink(missing_ok=True)
        return None
    _remember(key, kind, data)
    logger.debug("Network cache hit: %s %s", key, kind)
    return obj


def save(key: str, kind: str, obj: object, *, disk: bool) -> None:
    """Keep ``obj`` as the ``kind`` object of network ``key``, in memory and on disk.

    Parameters
    ----------
    key
        From :func:`network_key`.
    kind
        ``"network"`` or ``"gazetteer"``.
    obj
        The object; it must not be changed before this call returns.
    disk
        Also write the entry to :func:`cache_dir` (atomically: a reader never sees
        half a file). A directory that cannot be written is reported once per process.
    """
    if not enabled():
        return
    data = _dumps(key, obj)
    _remember(key, kind, data)
    if not disk:
        return
    folder = cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{key}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            Path(tmp).replace(folder / f"{key}.{kind}{_SUFFIX}")
            _touch(folder / f"{key}.{kind}{_SUFFIX}")
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        if str(folder) not in _warned:
            _warned.add(str(folder))
            logger.warning(
                "Cannot write the network cache in %s (%s); networks are rebuilt on each "
                "run. Set %s to a writable directory, or %s=1 to turn the cache off.",
                folder,
                exc.strerror or exc,
                CACHE_DIR_ENV,
                NO_CACHE_ENV,
            )
        return
    _prune(folder)


def _touch(path: Path) -> None:
    """Mark an entry as just used (exact time: the newest entries are the ones kept)."""
    now = time.time_ns()
    with suppress(OSError):
        os.utime(path, ns=(now, now))


def _entries(folder: Path) -> dict[str, list[Path]]:
    entries: dict[str, list[Path]] = {}
    for path in folder.glob(f"*{_SUFFIX}"):
        entries.setdefault(path.name.split(".", 1)[0], []).append(path)
    return entries


def _prune(folder: Path) -> None:
    """Delete all but the :data:`MAX_ENTRIES` most recently used networks."""
    try:
        entries = _entries(folder)
        newest = sorted(
            entries, key=lambda k: max(p.stat().st_mtime_ns for p in entries[k]), reverse=True
        )
        for key in newest[MAX_ENTRIES:]:
            for path in entries[key]:
                path.unlink(missing_ok=True)
    except OSError as exc:  # another process pruning at the same time
        logger.debug("Network cache pruning skipped: %s", exc)


def clear(*, memory: bool = True) -> int:
    """Delete every network cache entry on disk (and in this process).

    Parameters
    ----------
    memory
        Also forget the entries held in this process.

    Returns
    -------
    int
        Number of files deleted.

    Raises
    ------
    OSError
        When an entry cannot be deleted.
    """
    if memory:
        _memory.clear()
    folder = cache_dir()
    if not folder.is_dir():
        return 0
    paths = [p for ps in _entries(folder).values() for p in ps]
    paths += list(folder.glob(".*.tmp"))
    for path in paths:
        path.unlink(missing_ok=True)
    return len(paths)

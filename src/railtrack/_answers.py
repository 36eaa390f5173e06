"""Answers a name index gave, kept in the network cache for the next run.

A tracker re-run on a growing season of reports names the same few thousand places
each time. :meth:`railtrack.gazetteer.Gazetteer.resolve_all` keeps the answers it
gave (by name as written, and by name and language) as one entry of the network
cache (:mod:`railtrack._netcache`: the user's cache directory, or
``$RAILTRACK_CACHE_DIR``; ``RAILTRACK_NO_CACHE=1`` turns it off), and the next
process that resolves on the same index starts from them.

The entry's key (:func:`answers_key`) hashes everything an answer depends on: the
index's own key (the network's data files, options, settings and railtrack's code),
the files of the places outside the network (``data/network/world``) and of the
extraction lexicons, and the versions of rapidfuzz, pymorphy3 and its Russian and
Ukrainian dictionaries. Any change to one of them is a new key, never a stale answer.
"""

from __future__ import annotations

import logging
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from railtrack import _netcache
from railtrack._data import data_path

if TYPE_CHECKING:
    from railtrack.gazetteer import Resolution

__all__ = ["KIND", "SAVE_MIN", "answers_key", "load_answers", "save_answers"]

logger = logging.getLogger(__name__)

KIND = "answers"
"""Kind of the cache entry (``<key>.answers.pickle``)."""
SAVE_MIN = 200
"""New answers a batch must have given before it writes the entry again."""
_LIBRARIES = ("rapidfuzz", "pymorphy3", "pymorphy3-dicts-ru", "pymorphy3-dicts-uk")

Answers = tuple[dict[str, "Resolution"], dict[tuple[str, str], "Resolution"]]
"""Answers by name as written, and by (name, language)."""


def answers_key(index_key: str) -> str | None:
    """Return the key of the stored answers of the name index ``index_key``.

    Parameters
    ----------
    index_key
        The index's cache key (:func:`railtrack._netkey.load_key`).

    Returns
    -------
    str or None
        32 hex digits; None when caching is off or a file cannot be read (the
        answers are then not stored).

    Examples
    --------
    >>> key = answers_key("0" * 32)
    >>> key is None or (len(key) == 32 and key != answers_key("1" * 32))
    True
    """
    if not _netcache.enabled():
        return None
    world = data_path("network", "world")
    lexicons = Path(__file__).resolve().parent / "extract" / "lexicons"
    files = sorted(p for folder in (world, lexicons) for p in folder.glob("*") if p.is_file())
    try:
        # versions read from the installed distributions: importing pymorphy3 to read
        # its __version__ would cost more than the look-ups it saves
        versions = {name: metadata.version(name) for name in _LIBRARIES}
        return _netcache.network_key(
            files, {"index": index_key, "versions": versions}, libraries=()
        )
    except (OSError, metadata.PackageNotFoundError) as exc:
        logger.debug("Name answers not stored: %s", exc)
        return None


def load_answers(key: str) -> Answers | None:
    """Return the answers stored under ``key``, or None (a miss, or caching off)."""
    found: Any = _netcache.load(key, KIND)
    if (
        isinstance(found, tuple)
        and len(found) == 2
        and all(isinstance(part, dict) for part in found)
    ):
        return found[0], found[1]
    return None


def save_answers(key: str, answers: Answers) -> None:
    """Store ``answers`` under ``key`` (atomically; a failure is logged, never raised)."""
    _netcache.save(key, KIND, (dict(answers[0]), dict(answers[1])), disk=True)

"""Whether a word as written is a place's nominative name in the embedded gazetteer.

A Belarusian plural town's accusative is its nominative ("ў Клінцы", "у Баранавічы":
into Klintsy, into Baranavichy), and a feminine or masculine town's locative may end
the same way ("у Оршы", "у Лунінцы": in Orsha, in Luninets). The ending cannot tell
them apart; the names the gazetteer knows can: "Клінцы" is Klintsy's name, "Лунінцы"
is no place's (Luninets is "Лунінец"). The names are those of the embedded network's
stations (``data/network/stations.csv``) and of the national layer's towns
(``data/network/national/towns.csv.gz``, GeoNames), each with its Russian name and
aliases, compared in one transliteration (:func:`railtrack._translit.to_latin`), so
that the Belarusian "Клінцы" meets the Russian "Клинцы".

Examples
--------
>>> is_nominative_name("Клінцы"), is_nominative_name("Лунінцы")
(True, False)
"""

from __future__ import annotations

import csv
import gzip
import logging
from functools import lru_cache

from railtrack._data import data_path
from railtrack._translit import to_latin

__all__ = ["is_nominative_name"]

logger = logging.getLogger(__name__)

_NAME_COLUMNS = ("name", "name_ru")


@lru_cache(maxsize=1)
def _name_keys() -> frozenset[str]:
    """Return the transliterated key of every name of an embedded station or town."""
    keys: set[str] = set()
    files = (
        data_path("network", "stations.csv"),
        data_path("network", "national", "stations.csv"),
        data_path("network", "national", "towns.csv.gz"),
    )
    for path in files:
        if not path.is_file():
            continue
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                names = [row.get(c) or "" for c in _NAME_COLUMNS]
                names += (row.get("aliases") or "").split("|")
                keys.update(to_latin(n) for n in names if n)
    logger.debug("Read %d place-name keys for case decisions", len(keys))
    return frozenset(keys)


def is_nominative_name(word: str) -> bool:
    """Whether ``word`` is, as written, the name of an embedded station or town.

    Parameters
    ----------
    word
        A place name as written in a report, in any script.

    Returns
    -------
    bool
        True when a station or town of the embedded network is named so (its name,
        Russian name or an alias, compared transliterated and case-folded).

    Examples
    --------
    >>> is_nominative_name("Асіповічы"), is_nominative_name("Асіповічах")
    (True, False)
    """
    return to_latin(word) in _name_keys()

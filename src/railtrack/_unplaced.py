"""Stations reports name that railtrack knows by name only: no carried source places them.

A station such as Vidzibor (Выдзібар, Відзібар, Wydybór) is named in real reports, but
neither the theatre network, the GeoNames towns nor another source the repository may
carry (OpenStreetMap ODbL, Wikidata CC0, GeoNames CC-BY) at hand gives its position. Such a
name stays unresolved (a guessed position would be a confident wrong answer), and its
note says what is missing and how to supply it, instead of "no station scores 85".
The names are listed in ``data/network/national/unplaced.csv`` (``name``, ``country``,
``aliases`` ``|``-joined, ``what``).
"""

from __future__ import annotations

import csv
from functools import lru_cache

from railtrack._data import data_path

__all__ = ["unplaced_note"]


def _key(text: str) -> str:
    return " ".join(text.casefold().replace("ё", "е").split())


@lru_cache(maxsize=1)
def _unplaced() -> dict[str, tuple[str, str, str]]:
    """Return spelling (folded) -> (name, country, what), read once per process."""
    path = data_path("network", "national", "unplaced.csv")
    found: dict[str, tuple[str, str, str]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            entry = (row["name"], row["country"], row["what"])
            for spelling in (row["name"], *row["aliases"].split("|")):
                if spelling.strip():
                    found[_key(spelling)] = entry
    return found


def unplaced_note(query: str, lang: str | None = None) -> str | None:
    """Return why a name that names a known but unplaced station is unresolved, else None.

    The name as written and its nominative forms
    (:func:`railtrack.inflection.lemma_forms`: "зь Відзібару" names Відзібар) are
    looked up in the list.

    Parameters
    ----------
    query
        The name as written.
    lang
        Optional language of the text around it (its case rules first).

    Returns
    -------
    str or None
        A note naming the station, saying that no source the repository may carry
        places it, and how to give it a position; None for a name not listed.

    Examples
    --------
    >>> unplaced_note("Відзібару").split(":")[0]
    "'Відзібару' is Vidzibor (BY), a station railtrack knows by name only"
    >>> unplaced_note("Minsk") is None
    True
    """
    from railtrack.inflection import lemma_forms

    table = _unplaced()
    for form in (query, *lemma_forms(query, lang)):
        entry = table.get(_key(form))
        if entry is not None:
            name, country, what = entry
            return (
                f"{query!r} is {name} ({country}), a station railtrack knows by name only: "
                f"{what}, but no source the repository may carry (OpenStreetMap, Wikidata, "
                "GeoNames) at hand gives its position (data/network/national/unplaced.csv); "
                "give it a position in your own network (--network DIR, stations.csv)"
            )
    return None

"""The form index: the answer of every form reports write the network's names in, built once.

Reports mostly write a place as the network writes it ("Валуйки", "Matveev Kurgan",
"Асіповічы", "ст. Орша": the kind of place is dropped before the look-up), in an
oblique case ("из Курска" without its preposition: "Курска"), in capitals or with
hyphens for spaces. This index holds, for each such form, the
:class:`~railtrack.gazetteer.Resolution` the gazetteer gives it, computed once per
network by the gazetteer's own code (:meth:`Gazetteer.resolve
<railtrack.gazetteer.Gazetteer.resolve>`), so resolving a name written so is one
look-up instead of the rules of issue 15 (case-form rivals, countries and places
outside the network, namesakes, ...), with exactly the answer those rules give. A
name of no held form is resolved by the rules as before.

The forms (:func:`report_forms`): every name a place of the network is written with
(its name, its Russian name and every alias: GeoNames alternate names and their
romanisations) and every region's key and aliases, as written (:func:`known_forms`);
the Cyrillic ones in the genitive, dative, accusative, instrumental and locative as
pymorphy3 declines them in Russian and in Ukrainian (:func:`case_forms`); all of those
in capitals and with hyphens for spaces and spaces for hyphens; the Latin ones followed
by "station" and "railway station". Which forms are held changes no answer (each is
the rules' own); it only decides which names skip the rules. Misspellings, other
romanisations and names of places outside the network are not held.

The index lives in the user's cache directory (:func:`railtrack._netcache.cache_dir`,
never the repository) as one network cache entry, ``<key>.forms.pickle``, keyed by
:func:`railtrack._answers.answers_key` of the name index's cache key: the network's
data files, options and settings, railtrack's code, the world tables, the lexicons and
the versions of rapidfuzz and pymorphy3 (any change is a new entry, never a stale
answer). It maps each form to the position of its answer among the distinct answers,
each answer's fields pickled on their own (the query stored as a marker when it is the
form itself, so the forms of one place share a row): reading the entry builds no
resolution; a form's answer is rebuilt when a name asks for it (a few µs). It is built
by :func:`build_form_index` (``railtrack network cache --build-names``), once per
network: for the default network about 326,000 forms, 37,000 distinct answers, a
file of some 16 MB, read in about 0.2 s of CPU (55 MB in memory); the build takes
2-3 minutes of CPU and 840 MB at its peak (benchmarks/README.md, "Session 10").
"""

from __future__ import annotations

import logging
import pickle
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from railtrack import _netcache

if TYPE_CHECKING:
    from railtrack.gazetteer import Gazetteer, Resolution

__all__ = [
    "CASES",
    "KIND",
    "FormIndex",
    "build_form_index",
    "case_forms",
    "known_forms",
    "load_form_index",
    "report_forms",
]

logger = logging.getLogger(__name__)

KIND = "forms"
"""Kind of the network cache entry (``<key>.forms.pickle``)."""
_FIELDS = (
    "query", "resolved", "station_id", "name", "score", "region", "region_stations",
    "candidates", "report_stations", "note", "precision", "snap_km", "form",
    "in_network", "country", "lat", "lon",
)  # fmt: skip
_MEMBERS = "members"  # stored instead of a region's station tuples (rebuilt from the index)
_QUERY = 0  # stored instead of the query when it is the form itself (answers shared)
CASES = ("gent", "datv", "accs", "ablt", "loct")
"""The oblique cases :func:`case_forms` puts a name in (pymorphy3's grammemes)."""
_CYRILLIC = re.compile("[\u0400-\u04ff]")
# English writes the kind of place after a romanised name ("Kursk railway station");
# before a name ("st. Kursk", "ст. Курск") the rules drop it first, so those need no form
_STATION_AFTER = ("station", "railway station")


def _entry_key(index_key: str) -> str | None:
    """Return the cache key of the form index of ``index_key`` (None: caching off)."""
    from railtrack._answers import answers_key

    return answers_key(index_key)


def known_forms(gaz: Gazetteer) -> list[str]:
    """Return every form the index holds: each place's and region's names as written.

    Parameters
    ----------
    gaz
        The name index.

    Returns
    -------
    list of str
        Distinct names, sorted, shape (n,) (about 40,000 for the default network).

    Examples
    --------
    >>> from railtrack import load_network
    >>> forms = known_forms(load_network().gazetteer)
    >>> "Гомель" in forms and "Belarus" in forms
    True
    """
    names = {w for written in gaz._written.values() for w in written if w.strip()}
    for region in gaz._regions:
        names.update(n for n in (region.key, *region.aliases) if n.strip())
    return sorted(names)


def case_forms(name: str) -> list[str]:
    """Return a Cyrillic name in the oblique cases, as Russian and Ukrainian decline it.

    Reports write "из Курска", "у Калузі", "до Брянської області": each word of the
    name that pymorphy3 reads as a nominative noun or adjective is put in each of
    :data:`CASES` (:func:`railtrack.extract.morph.oblique_forms`), every such word
    of the name in the same case, once with the Russian and once with the Ukrainian
    dictionary (reports of either language name places of both countries).

    Parameters
    ----------
    name
        A name as the network writes it.

    Returns
    -------
    list of str
        Distinct forms other than the name, shape (k,) with k <= 2 * len(CASES);
        empty for a Latin name or one no word of which declines.

    Examples
    --------
    >>> "Брянской области" in case_forms("Брянская область")
    True
    >>> "Брянської області" in case_forms("Брянська область")
    True
    >>> case_forms("Minsk")
    []
    """
    from railtrack.extract.morph import oblique_forms

    if not _CYRILLIC.search(name):
        return []
    words = name.split(" ")
    out: dict[str, None] = {}
    for lang in ("ru", "uk"):
        per_word = [oblique_forms(w, lang, CASES) for w in words]
        for k in range(len(CASES)):
            form = " ".join((f[k] or w) for w, f in zip(words, per_word, strict=True))
            if form != name:
                out[form] = None
    return list(out)


def report_forms(gaz: Gazetteer) -> list[str]:
    """Return the forms the index holds: the known forms as reports write them.

    Each of :func:`known_forms` (the names as the network writes them), and each
    Cyrillic one in its oblique cases (:func:`case_forms`); each of those in
    capitals (headlines and tables write "КУРСК", "MATVEEV KURGAN") and with the
    words of a name joined by hyphens instead of spaces and by spaces instead of
    hyphens ("Matveev-Kurgan", "Kamensk Shakhtinsky"); each Latin one of all those
    followed by "station" and "railway station", as English reports write a
    station ("Kursk railway station"; a kind of place before the name, "st. Kursk",
    "ст. Курск", is dropped by the rules before the index is asked). Which forms the index holds
    changes no answer (each is the rules' own); it only decides which names skip
    the rules.

    Parameters
    ----------
    gaz
        The name index.

    Returns
    -------
    list of str
        Distinct forms, sorted, shape (n,) (about 400,000 for the default network).

    Examples
    --------
    >>> from railtrack import load_network
    >>> forms = set(report_forms(load_network().gazetteer))
    >>> {"Гомель", "Гомеля", "Гомелі", "ГОМЕЛЬ", "Matveev-Kurgan"} <= forms
    True
    """
    written = known_forms(gaz)
    forms = dict.fromkeys(written)
    for name in written:
        forms.update(dict.fromkeys(case_forms(name)))
    for name in list(forms):
        forms[name.upper()] = None
        if " " in name:
            forms[name.replace(" ", "-")] = None
        if "-" in name:
            forms[name.replace("-", " ")] = None
    for name in [f for f in forms if not _CYRILLIC.search(f)]:
        for after in _STATION_AFTER:
            forms[f"{name} {after}"] = None
    return sorted(f for f in forms if f.strip())


def _row(gaz: Gazetteer, text: str, r: Resolution) -> bytes:
    """Return a resolution as stored: its fields, a region's station tuples as a marker.

    The query is stored as a marker when it is the form itself, so the forms of one
    place that get one answer share one stored row.
    """
    fields: list[Any] = [getattr(r, f) for f in _FIELDS]
    if r.query == text:
        fields[0] = _QUERY
    members = gaz.region_members(r.region) if r.region is not None else None
    if members is not None and (r.region_stations, r.report_stations) == members:
        fields[_FIELDS.index("region_stations")] = _MEMBERS
        fields[_FIELDS.index("report_stations")] = _MEMBERS
    return pickle.dumps(tuple(fields), protocol=pickle.HIGHEST_PROTOCOL)


def build_form_index(
    gaz: Gazetteer, index_key: str, *, forms: Iterable[str] | None = None
) -> int | None:
    """Resolve every known form on a fresh copy of ``gaz`` and store the index.

    Parameters
    ----------
    gaz
        The name index (not changed: a copy with no stored answers resolves).
    index_key
        Its cache key (as :meth:`Gazetteer.keep_answers` is given).
    forms
        The names to hold; :func:`known_forms` when omitted (tests pass fewer).

    Returns
    -------
    int or None
        Number of forms stored (written atomically: a reader never sees half an
        entry; a directory that cannot be written is logged, as for every cache
        entry); None when caching is off.
    """
    key = _entry_key(index_key)
    if key is None:
        return None
    fresh: Gazetteer = pickle.loads(pickle.dumps(gaz))
    fresh.keep_answers(None)  # every answer computed here, none read from an earlier run
    fresh._cache.clear()
    fresh._lang_cache.clear()
    texts = report_forms(fresh) if forms is None else sorted(set(forms))
    rows: dict[bytes, int] = {}
    table: dict[str, int] = {}
    for text, r in zip(texts, fresh.resolve_all(texts), strict=True):
        table[text] = rows.setdefault(_row(fresh, text, r), len(rows))
    _netcache.save(key, KIND, {"forms": table, "rows": list(rows)}, disk=True)
    logger.info(
        "Form index of %d names (%d distinct answers) stored under %s", len(table), len(rows), key
    )
    return len(table)


def load_form_index(index_key: str) -> FormIndex | None:
    """Return the form index stored for the name index ``index_key``, or None.

    Parameters
    ----------
    index_key
        The name index's cache key.

    Returns
    -------
    FormIndex or None
        None when none was built for this key (or caching is off, or the entry is
        unreadable: then it is deleted and names resolve as usual).

    Examples
    --------
    >>> load_form_index("no such index") is None
    True
    """
    key = _entry_key(index_key)
    found = _netcache.load(key, KIND) if key is not None else None
    if not isinstance(found, dict) or found.keys() != {"forms", "rows"}:
        return None
    return FormIndex(found["forms"], found["rows"])


class FormIndex:
    """The answers of the known forms of one network, by name as written.

    Parameters
    ----------
    forms
        Name as written -> the position of its answer in ``rows``.
    rows
        The distinct answers' fields, each pickled (see :func:`build_form_index`).
    """

    def __init__(self, forms: dict[str, int], rows: list[bytes]) -> None:
        self._table = forms
        self._rows = rows

    def get(self, gaz: Gazetteer, text: str) -> Resolution | None:
        """Return the answer stored for ``text`` as written, or None when it is not a form.

        Parameters
        ----------
        gaz
            The name index the entry was built for (a region's stations are its own).
        text
            A name as written.

        Returns
        -------
        Resolution or None
            Exactly what ``gaz.resolve(text)`` gives, or None (not a known form).
        """
        row = self._table.get(text)
        return None if row is None else _answer(gaz, self._rows[row], text)

    def __len__(self) -> int:
        """Return the number of forms."""
        return len(self._table)

    def __iter__(self) -> Iterator[str]:
        """Iterate over the forms, sorted."""
        return iter(sorted(self._table))


def _answer(gaz: Gazetteer, blob: bytes, text: str) -> Resolution:
    """Rebuild a stored resolution of ``text`` (see :func:`_row`)."""
    fields = dict(zip(_FIELDS, pickle.loads(blob), strict=True))
    if fields["query"] == _QUERY:
        fields["query"] = text
    if fields["region_stations"] == _MEMBERS:
        members = gaz.region_members(fields["region"])
        assert members is not None
        fields["region_stations"], fields["report_stations"] = members
    r = object.__new__(_resolution())  # a frozen dataclass: its fields set as stored
    r.__dict__.update(fields)
    return r


def _resolution() -> type[Resolution]:
    from railtrack.gazetteer import Resolution

    return Resolution

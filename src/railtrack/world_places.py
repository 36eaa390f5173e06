"""Countries and places reports name outside the routable network.

China–Europe container trains run through Belarus from Chongqing, Wuhan and Yiwu to
Duisburg and Małaszewicze; reports name Dostyk, Erenhot, Szczecin, Germany, Ukraine.
None of these is on the 1520 mm network, but "not found" would be a wrong answer: the
place is known. :class:`WorldPlaces` indexes ``data/network/world/`` (built by
``scripts/build_world_places.py`` from GeoNames and pycountry; sources and licences in
its README):

- ``countries.csv``: every ISO country with its English, Russian, Ukrainian,
  Belarusian and Polish names; a country resolves at geo precision ``country``;
  ``country_aliases.csv`` adds the short names and abbreviations reports use ("UK",
  "Britain", "США", "КНР"), and a country's ISO alpha-2 or alpha-3 code names it
  when written in capitals (:meth:`WorldPlaces.country_by_code`);
- ``continents.csv``: continents and large world regions ("Asia", "Европа",
  "Skandynawia"): names of no place railtrack can locate, never a town so spelled
  (:meth:`WorldPlaces.continent`);
- ``places.tsv.gz``: GeoNames places outside the routable network (places of
  Russia, Belarus and Ukraine with no track of the network within 15 km, places of
  500 or more inhabitants in the countries around the 1520 mm area, and of 15,000 or
  more elsewhere); they resolve at precision ``town`` with their coordinates and
  ``in_network=False``;
- ``terminals.csv``: 1520 mm terminals and border stations outside Russia, Belarus
  and Ukraine that GeoNames' populated places lack (Małaszewicze), each with its
  source;
- ``town_names.tsv.gz``: more names of the network's own GeoNames towns ("Москва",
  "Киев"), which resolve to the town on the network.

Look-ups are exact on the spelling-independent key of a name (the gazetteer's
skeleton), and a hit whose name is written exactly as the query ("Китай") is
preferred to one that only shares its key ("Китой").

Examples
--------
>>> world = WorldPlaces.default()
>>> [p.name for p in world.lookup("Duisburg")]
['Duisburg']
>>> world.lookup("Niemcy")[0].country
'DE'
"""

from __future__ import annotations

import csv
import gzip
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from rapidfuzz import fuzz, process

from railtrack._data import data_path
from railtrack._translit import name_tokens, tokens_skeleton

__all__ = ["WorldPlace", "WorldPlaces", "country_code", "is_country_name", "name_key"]

T = TypeVar("T")


def name_key(name: str) -> str:
    """Return the gazetteer's spelling-independent key of a name ("" when it has no letters).

    Parameters
    ----------
    name
        A name in any of the scripts reports use.

    Returns
    -------
    str
        The skeleton of its tokens; equal for spellings of one name.

    Examples
    --------
    >>> name_key("Medyka") == name_key("Medika"), name_key(":")
    (True, '')
    """
    tokens = name_tokens(name)
    return tokens_skeleton(tokens) if tokens else ""


@dataclass(frozen=True)
class WorldPlace:
    """A country, a place outside the network, or more names of a network town.

    Attributes
    ----------
    id
        ``GN<geonameid>`` of a place, the ISO 3166-1 alpha-2 code of a country.
    name
        English (GeoNames) name.
    kind
        ``"country"``, ``"town"`` (outside the network) or ``"network_town"`` (a
        town of the network, by a name the network's table leaves out).
    country
        ISO 3166-1 alpha-2 code.
    lat, lon
        WGS84 degrees; ``None`` for a country.
    population
        GeoNames population (0 when unknown or a network town).
    names
        All its names, as written.

    Examples
    --------
    >>> place = WorldPlaces.default().lookup("Duisburg")[0]
    >>> place.id, place.kind, place.country, round(place.lat, 2), round(place.lon, 2)
    ('GN2934691', 'town', 'DE', 51.43, 6.77)
    >>> WorldPlace("CN", "China", "country", "CN", names=("China", "Китай")).lat is None
    True
    """

    id: str
    name: str
    kind: str
    country: str
    lat: float | None = None
    lon: float | None = None
    population: int = 0
    names: tuple[str, ...] = ()

    def written_as(self, text: str) -> bool:
        """Whether one of the place's names is ``text`` (case and spacing aside).

        Parameters
        ----------
        text
            A name as written.

        Returns
        -------
        bool
            True when a name of the place equals it, blind to case, hyphens and
            Kazakh or Mongolian letters (folded to Russian ones), spaces collapsed.

        Examples
        --------
        >>> WorldPlace("CN", "China", "country", "CN", names=("China", "Китай")).written_as("китай")
        True
        """
        want = _fold(text)
        return any(_fold(n) == want for n in self.names)

    def main_key_is(self, text: str) -> bool:
        """Whether ``text`` has the spelling key of the place's own (GeoNames) name.

        "Medika" is a spelling of Medyka's own name; a name that only shares the key of
        one of its many alternate names is not trusted.

        Parameters
        ----------
        text
            A name as written.

        Returns
        -------
        bool
            False for a network town (its own name is the network's).

        Examples
        --------
        >>> WorldPlace("GN765028", "Medyka", "town", "PL", names=("Medyka",)).main_key_is("Medika")
        True
        """
        if self.kind == "network_town":
            return False
        return name_key(text) == name_key(self.name)


# Letters of Kazakh, Mongolian and other Cyrillic alphabets that Russian writes with its
# own ("Достық" is "Достык", "Замын-Үүд" is "Замын-Ууд").
_CYRILLIC_FOLD = str.maketrans(
    "қғңүұөәһё’ʼ`´", "кгнууоахе" + "'" * 4
)  # and apostrophes: "Знам’янка"


@lru_cache(maxsize=262144)
def _fold(text: str) -> str:
    """Case-, hyphen- and alphabet-blind form of a name, for "written exactly" checks."""
    return " ".join(text.replace("-", " ").casefold().translate(_CYRILLIC_FOLD).split())


def _rows(path: Path) -> Iterator[dict[str, str]]:
    """Rows of a small CSV file (``countries.csv``)."""
    with path.open(encoding="utf-8", newline="") as f:
        yield from csv.DictReader(f)


class WorldPlaces:
    """Exact name index of countries and of places outside the routable network.

    Parameters
    ----------
    root
        Directory with ``countries.csv``, ``places.tsv.gz`` and ``town_names.tsv.gz``
        (missing files are skipped). The index is built from each row's ``keys``
        column; a row is parsed into a :class:`WorldPlace` only when a look-up hits
        it.

    Examples
    --------
    >>> sorted({p.kind for p in WorldPlaces.default().lookup("Китай")})
    ['country']
    """

    def __init__(self, root: Path) -> None:
        self.root = root
        self._small: list[WorldPlace] = []  # countries and terminals, parsed
        self._lines: dict[str, list[str]] = {}
        # key -> row code or [row codes]: table number * _ROWS + row, tables in _TABLES
        # ("small": countries and terminals, "town", "network_town"); one int for the
        # usual single hit keeps the index of 140,000 keys quick to build
        self._by_key: dict[str, int | list[int]] = {}
        self._extra: dict[str, int] = {}
        self._parsed: dict[tuple[str, int], WorldPlace] = {}
        self._national: dict[str, list[WorldPlace]] | None = None
        self._national_ids: dict[str, WorldPlace] | None = None
        self._national_keys: list[str] | None = None
        self._codes_iso: dict[str, int] = {}
        self._continents: dict[str, str] = {}
        self._read_countries(root / "countries.csv", _country_aliases(root / "country_aliases.csv"))
        self._read_continents(root / "continents.csv")
        # the first three letters of every continent name: the cheap filter, one look-up
        self._continent_heads = frozenset(k[:3] for k in self._continents if len(k) >= 3)
        self._read_lines(root / "places.tsv.gz", "town")
        self._read_terminals(root / "terminals.csv")
        self._read_lines(root / "town_names.tsv.gz", "network_town")
        self._extra = {
            line.split("\t", 2)[1]: i for i, line in enumerate(self._lines.get("network_town", []))
        }

    @classmethod
    def default(cls) -> WorldPlaces:
        """Return the embedded tables (``data/network/world``), read once per process.

        Returns
        -------
        WorldPlaces
            One shared index per process (the tables are read on the first call).

        Examples
        --------
        >>> WorldPlaces.default() is WorldPlaces.default()
        True
        """
        return _default()

    def __len__(self) -> int:
        return len(self._small) + sum(len(v) for v in self._lines.values())

    def _read_countries(self, path: Path, aliases: dict[str, tuple[str, ...]]) -> None:
        if not path.is_file():
            return
        for i, row in enumerate(_rows(path)):
            more = aliases.get(row["iso"], ())
            names = tuple(n for n in row["names"].split("|") if n) + more
            self._small.append(
                WorldPlace(row["iso"], row["name"], "country", row["iso"], names=names)
            )
            self._codes_iso[row["iso"]] = self._codes_iso[row["iso3"]] = i
            for key in {*row["keys"].split("|"), *(name_key(a) for a in more)}:
                if key:
                    self._add(key, i)

    def _read_continents(self, path: Path) -> None:
        if not path.is_file():
            return
        for row in _rows(path):
            for name in row["names"].split("|"):
                if name:
                    self._continents[_fold(name)] = row["name"]

    def country_by_code(self, code: str) -> WorldPlace | None:
        """Return the country of an ISO 3166-1 alpha-2 or alpha-3 code ("GB", "DEU").

        Parameters
        ----------
        code
            Two or three letters, any case.

        Returns
        -------
        WorldPlace or None
            The country, None for an unknown code.

        Examples
        --------
        >>> WorldPlaces.default().country_by_code("DEU").name
        'Germany'
        """
        i = self._codes_iso.get(code.upper())
        return self._small[i] if i is not None else None

    def continent(self, text: str) -> str | None:
        """Return the continent or world region ``text`` names as written, else None.

        Parameters
        ----------
        text
            A name as written (case, hyphens and spacing aside).

        Returns
        -------
        str or None
            The English name of the continent or region.

        Examples
        --------
        >>> WorldPlaces.default().continent("Азия"), WorldPlaces.default().continent("Азов")
        ('Asia', None)
        """
        return self._continents.get(_fold(text))

    def country_prefix(self, text: str) -> bool:
        """Whether ``text`` begins like a country's name (4 letters; a cheap filter).

        Parameters
        ----------
        text
            A word as written.

        Returns
        -------
        bool
            True when its first four letters (case-folded) begin some country's name.

        Examples
        --------
        >>> world = WorldPlaces.default()
        >>> world.country_prefix("Германии"), world.country_prefix("Орша")
        (True, False)
        """
        return _fold(text)[:4] in _country_prefixes()

    def continent_prefix(self, text: str) -> bool:
        """Whether ``text`` begins like a continent's name (a cheap filter for case forms).

        Parameters
        ----------
        text
            A word as written.

        Returns
        -------
        bool
            True when its first three letters (case-folded) begin some continent's name.

        Examples
        --------
        >>> world = WorldPlaces.default()
        >>> world.continent_prefix("Азии"), world.continent_prefix("Орша")
        (True, False)
        """
        return _fold(text)[:3] in self._continent_heads

    def _read_terminals(self, path: Path) -> None:
        """Index the hand-sourced terminals outside GeoNames' populated places."""
        if not path.is_file():
            return
        for row in _rows(path):
            names = tuple(n for n in row["names"].split("|") if n)
            place = WorldPlace(
                row["id"], row["name"], "town", row["country"], float(row["lat"]),
                float(row["lon"]), 0, names,
            )  # fmt: skip
            i = len(self._small)
            self._small.append(place)
            for key in {name_key(n) for n in names} - {""}:
                self._add(key, i)

    def _read_lines(self, path: Path, table: str) -> None:
        """Index a table whose lines split on tabs, keys first (see the build script)."""
        if not path.is_file():
            return
        with gzip.open(path, "rt", encoding="utf-8", newline="") as f:
            lines = f.read().splitlines()[1:]
        self._lines[table] = lines
        by_key = self._by_key
        base = _TABLES.index(table) * _ROWS
        for i, line in enumerate(lines):
            for key in line[: line.index("\t")].split("|"):
                if not key:
                    continue
                if key in by_key:
                    self._add(key, base + i)
                else:
                    by_key[key] = base + i

    def _add(self, key: str, code: int) -> None:
        """Index the row of ``code`` (see ``_by_key``) under ``key``."""
        old = self._by_key.get(key)
        if old is None:
            self._by_key[key] = code
        elif isinstance(old, int):
            self._by_key[key] = [old, code]
        else:
            old.append(code)

    def _codes(self, key: str) -> list[int]:
        found = self._by_key.get(key)
        if found is None:
            return []
        return [found] if isinstance(found, int) else found

    def _place(self, table: str, i: int) -> WorldPlace:
        place = self._parsed.get((table, i))
        if place is None:
            place = self._parse(table, i)
            self._parsed[(table, i)] = place
        return place

    def _parse(self, table: str, i: int) -> WorldPlace:
        if table == "small":
            return self._small[i]
        fields = self._lines[table][i].split("\t")
        if table == "network_town":
            _, gid, names = fields
            return WorldPlace(gid, gid, table, "", names=tuple(names.split("|")))
        _, gid, name, country, lat, lon, population, names = fields
        return WorldPlace(
            gid,
            name,
            table,
            country,
            float(lat),
            float(lon),
            int(population or 0),
            tuple(names.split("|")),
        )

    def extra_names(self, town_id: str) -> tuple[str, ...]:
        """More names of a network town (``GN<geonameid>``) than its own table keeps.

        Parameters
        ----------
        town_id
            ``GN<geonameid>`` of a town of the network.

        Returns
        -------
        tuple of str
            Its names from ``town_names.tsv.gz`` as written; empty when the table has none.

        Examples
        --------
        >>> "Mogilew" in WorldPlaces.default().extra_names("GN625665")
        True
        >>> WorldPlaces.default().extra_names("GN0")
        ()
        """
        i = self._extra.get(town_id)
        return self._place("network_town", i).names if i is not None else ()

    def _national_layer(self) -> dict[str, list[WorldPlace]]:
        """Return the national layer's towns by spelling key, read on first use."""
        if self._national is None:
            path = self.root.parent / "national" / "towns.csv.gz"
            self._national = _cached("national", path, lambda: _national_index(path), dict)
        return self._national

    def national_towns(self, name: str, key: str | None = None) -> list[WorldPlace]:
        """GeoNames towns of the national layer (RU, BY, UA) whose names share ``name``'s key.

        For a network loaded without the national layer (ru-rail, an OpenStreetMap
        extract): "Orsza", "Ліда", "Пинск" name towns of Belarus such a network may
        lack; they answer as places outside the network instead of a station of a
        near spelling. The index (``data/network/national/towns.csv.gz``, 6,766
        towns) is built on the first call, about a second of CPU.

        Parameters
        ----------
        name
            A name as written.
        key
            Its spelling key when already computed (:func:`name_key`).

        Returns
        -------
        list of WorldPlace
            Towns of Russia, Belarus and Ukraine, those written exactly as ``name`` first;
            empty when none.

        Examples
        --------
        >>> [p.country for p in WorldPlaces.default().national_towns("Orsza")]
        ['BY']
        """
        key = name_key(name) if key is None else key
        hits = self._national_layer().get(key, [])
        return sorted(hits, key=lambda p: not p.written_as(name))

    def national_near(self, name: str, min_score: float) -> list[tuple[WorldPlace, str, float]]:
        """National-layer towns one of whose names is a near spelling of ``name``.

        The fuzzy counterpart of :meth:`national_towns` (rapidfuzz ``fuzz.ratio`` over
        the spelling keys, best first, one entry per town): a network without the
        national layer reads it before it trusts a guessed case form of a name to
        another place ("Gatjina" is a near spelling of Gatchina; its "nominative"
        "Gatjin" only shares a key with Khotyn). The key list is built on the first
        call.

        Parameters
        ----------
        name
            A name as written.
        min_score
            The least ``fuzz.ratio`` score (0-100) a key must reach.

        Returns
        -------
        list of (WorldPlace, str, float)
            Each town, the key that matched and its score, best first; at most the towns
            of the ten best keys.

        Examples
        --------
        >>> [(p.name, k, s) for p, k, s in WorldPlaces.default().national_near("Gatjina", 85)][0]
        ('Gatchina', 'hatina', 100.0)
        """
        national = self._national_layer()
        if self._national_keys is None:
            self._national_keys = list(national)
        key = name_key(name)
        if not key:
            return []
        best: dict[str, tuple[WorldPlace, str, float]] = {}
        found = process.extract(
            key, self._national_keys, scorer=fuzz.ratio, limit=10, score_cutoff=min_score
        )
        for k, score, _ in found:
            for place in national.get(k, ()):
                if place.id not in best or best[place.id][2] < score:
                    best[place.id] = (place, k, float(score))
        return sorted(best.values(), key=lambda pks: -pks[2])

    def national_town(self, town_id: str) -> WorldPlace | None:
        """Return the national layer's town ``GN<geonameid>`` with all its names, or None.

        ``town_names.tsv.gz`` keys more names of a town ("Mohylew" of Mogilev) than the
        town table: a network without the national layer reaches the town by them.

        Parameters
        ----------
        town_id
            ``GN<geonameid>``.

        Returns
        -------
        WorldPlace or None
            The town with its national-layer names and those of ``town_names.tsv.gz``.

        Examples
        --------
        >>> town = WorldPlaces.default().national_town("GN625665")
        >>> town.country, town.written_as("Mohylew")
        ('BY', True)
        """
        if self._national_ids is None:
            self._national_ids = {p.id: p for ps in self._national_layer().values() for p in ps}
        town = self._national_ids.get(town_id)
        if town is None:
            return None
        more = self.extra_names(town_id)
        return replace(town, names=town.names + more) if more else town

    def in_larger_town(self, town: WorldPlace, km: float) -> bool:
        """Whether a national town lies within ``km`` of a larger one (a city's district).

        "Lenino" is a former name of Tsaritsyno, a district of Moscow, not a city of its
        own. A linear scan of the national layer: call it on rare candidates only.

        Parameters
        ----------
        town
            A town of the national layer (:meth:`national_towns`).
        km
            The distance, km (great circle), within which a more populous town counts.

        Returns
        -------
        bool
            False for a town without coordinates.

        Examples
        --------
        >>> world = WorldPlaces.default()
        >>> tsaritsyno = world.national_towns("Tsaritsyno")[0]
        >>> world.in_larger_town(tsaritsyno, 15.0)
        True
        >>> world.in_larger_town(world.national_town("GN625665"), 15.0)
        False
        """
        if town.lat is None or town.lon is None:
            return False
        self.national_town(town.id)  # builds the id index
        from railtrack.network import haversine_km

        return any(
            other.population > town.population
            and other.lat is not None
            and other.lon is not None
            and abs(other.lat - town.lat) < 1.0
            and haversine_km(town.lat, town.lon, other.lat, other.lon) <= km
            for other in (self._national_ids or {}).values()
        )

    def has_key(self, key: str) -> bool:
        """Whether any place has a name of spelling key ``key`` (a dict look-up).

        Parameters
        ----------
        key
            A spelling key (:func:`name_key`).

        Returns
        -------
        bool
            True when some place is indexed under it.

        Examples
        --------
        >>> world = WorldPlaces.default()
        >>> world.has_key(name_key("Duisburg")), world.has_key(name_key("Qwxyzzy"))
        (True, False)
        """
        return key in self._by_key

    def lookup(self, name: str, key: str | None = None) -> list[WorldPlace]:
        """Places whose names share the key of ``name``; written-exactly ones first.

        Parameters
        ----------
        name
            A name as written or a nominative form of it.
        key
            Its key when already computed (:func:`name_key`).

        Returns
        -------
        list of WorldPlace
            Empty when no place has the key.

        Examples
        --------
        >>> [(p.id, p.kind) for p in WorldPlaces.default().lookup("Китай")]
        [('CN', 'country')]
        >>> WorldPlaces.default().lookup(":")
        []
        """
        key = name_key(name) if key is None else key
        if not key or key not in self._by_key:
            return []
        hits = [
            self._place(_TABLES[c // _ROWS], c % _ROWS) for c in dict.fromkeys(self._codes(key))
        ]
        return sorted(hits, key=lambda p: not p.written_as(name))


_TABLES = ("small", "town", "network_town")
_ROWS = 1 << 24  # rows per table in a row code (the tables hold about 50,000)


@lru_cache(maxsize=1)
def _default() -> WorldPlaces:
    root = data_path("network", "world")
    return _cached("world", root, lambda: WorldPlaces(root), WorldPlaces)


def _cached(kind: str, path: Path, build: Callable[[], T], of: type[T]) -> T:
    """Return ``build()``, read from the network cache when the same files built it before.

    Indexing the world tables (140,000 keys) and the national layer's towns (their
    spelling keys worked out name by name) takes about 0.15 s and 0.3 s of every process
    that resolves names; unpickling the built index, about a third and a tenth of that.
    The entry's key (:func:`railtrack._netcache.network_key`) hashes the contents of
    every file under ``path`` (a table, or a directory of them) and railtrack's code, so
    an edited table or rule is never read stale; with the cache off (``RAILTRACK_NO_CACHE``)
    or unreadable files, the index is built as before.
    """
    from railtrack import _netcache

    if not _netcache.enabled():
        return build()
    try:
        files = sorted(p for p in path.iterdir() if p.is_file()) if path.is_dir() else [path]
        key = _netcache.network_key(files, {"table": kind, "path": str(path)}, libraries=())
    except OSError:
        return build()
    found = _netcache.load(key, kind)
    if isinstance(found, of):
        return found
    built = build()
    _netcache.save(key, kind, built, disk=True)
    return built


def is_country_name(text: str) -> bool:
    """Whether ``text`` is a country's name as written (cheap: reads ``countries.csv`` only).

    Parameters
    ----------
    text
        A name as written (case and spacing aside).

    Returns
    -------
    bool
        True when it is one of the names ``countries.csv`` gives a country.

    Examples
    --------
    >>> is_country_name("Китай"), is_country_name("Китой")
    (True, False)
    """
    return _fold(text) in _country_names()


def country_code(text: str) -> str | None:
    """Return the ISO alpha-2 code of the country ``text`` names as written, else None.

    Parameters
    ----------
    text
        A name as written (case and spacing aside): English, Russian, Ukrainian,
        Belarusian or Polish, full or short (``countries.csv``,
        ``country_aliases.csv``).

    Returns
    -------
    str or None
        The code (``"KZ"``); None when ``text`` names no country.

    Examples
    --------
    >>> country_code("Казахстан"), country_code("Республика Казахстан"), country_code("Курган")
    ('KZ', 'KZ', None)
    """
    return _country_codes().get(_fold(text))


@lru_cache(maxsize=1)
def _country_codes() -> dict[str, str]:
    """Folded country name -> ISO alpha-2 code (a name two countries share is left out)."""
    path = data_path("network", "world", "countries.csv")
    if not path.is_file():
        return {}
    pairs = [(_fold(n), row["iso"]) for row in _rows(path) for n in row["names"].split("|") if n]
    aliases = _country_aliases(data_path("network", "world", "country_aliases.csv"))
    pairs += [(_fold(a), iso) for iso, more in aliases.items() for a in more]
    codes: dict[str, set[str]] = {}
    for name, iso in pairs:
        codes.setdefault(name, set()).add(iso)
    return {name: next(iter(isos)) for name, isos in codes.items() if len(isos) == 1}


@lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    path = data_path("network", "world", "countries.csv")
    if not path.is_file():
        return frozenset()
    names = {_fold(n) for row in _rows(path) for n in row["names"].split("|") if n}
    aliases = _country_aliases(data_path("network", "world", "country_aliases.csv"))
    return frozenset(names | {_fold(a) for more in aliases.values() for a in more})


@lru_cache(maxsize=1)
def _country_prefixes() -> frozenset[str]:
    return frozenset(n[:4] for n in _country_names() if len(n) >= 4)


def _national_index(path: Path) -> dict[str, list[WorldPlace]]:
    """Key -> the national layer's towns bearing a name of that key (see ``national_towns``)."""
    index: dict[str, list[WorldPlace]] = {}
    if not path.is_file():
        return index
    with gzip.open(path, "rt", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            names = tuple(n for n in (row["name"], row["name_ru"], *row["aliases"].split("|")) if n)
            place = WorldPlace(
                row["id"], row["name"], "town", row["country"], float(row["lat"]),
                float(row["lon"]), int(row["population"] or 0), names,
            )  # fmt: skip
            for key in {name_key(n) for n in names} - {""}:
                index.setdefault(key, []).append(place)
    return index


def _country_aliases(path: Path) -> dict[str, tuple[str, ...]]:
    """ISO alpha-2 code -> short names and abbreviations (``country_aliases.csv``)."""
    out: dict[str, tuple[str, ...]] = {}
    if path.is_file():
        for row in _rows(path):
            out[row["iso"]] = (*out.get(row["iso"], ()), row["alias"])
    return out

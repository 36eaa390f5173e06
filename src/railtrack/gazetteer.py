"""Resolve station, region and country names as reports write them.

Every name of every station (its name, Cyrillic name and aliases) is reduced to a
spelling-independent skeleton (:mod:`railtrack._translit`), with a second *base* key
without role suffixes ("-Passazhirsky", "-Sort.", "-I"). A query is reduced the same
way and scored against the keys:

- an exact skeleton match scores 100; a match of base keys scores
  :attr:`Settings.resolve_base_score`;
- otherwise :func:`rapidfuzz.fuzz.ratio` ranks the keys that share the query's
  two-letter skeleton prefix, and all keys when that block has no good match.

The best station is accepted only when it scores at least
:attr:`Settings.resolve_min_score` and leads every *different* station by
:attr:`Settings.resolve_min_margin`; stations of one place (same base name within
:attr:`Settings.same_place_km`) are not rivals, and the main one among them wins.
Anything else stays unresolved with ranked candidates: never a silent guess.
Results are cached per distinct name.
"""

from __future__ import annotations

import heapq
import logging
import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from railtrack import columns as C
from railtrack._lazy import lazy_module
from railtrack._regions import Region, RegionIndex, region_core
from railtrack._translit import (
    base_tokens,
    is_park_letter,
    is_station_role_word,
    is_suffix_word,
    name_tokens,
    role_rank,
    to_latin,
    tokens_skeleton,
)
from railtrack.extract.lexicon import every_language_stems
from railtrack.extract.textpass import without_format
from railtrack.inflection import (
    lemma_forms,
    neuter_adjective_forms,
    neuter_ending_forms,
    region_word_forms,
    station_town_forms,
)
from railtrack.settings import DEFAULT_SETTINGS, Settings
from railtrack.world_places import WorldPlace, WorldPlaces, is_country_name, name_key

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd

    from railtrack._formindex import FormIndex
    from railtrack.models import Place
else:
    pd = lazy_module("pandas")  # imported on first use: resolving a name does not need it

__all__ = ["GEO_PRECISION", "Gazetteer", "Resolution", "load_gazetteer"]

logger = logging.getLogger(__name__)

# Leading words of "from Belarus", "to the Rostov region", "из Беларуси", "do Rosji".
_LEADING = frozenset(
    {"from", "to", "the", "towards", "into", "via", "through", "in", "at", "near"}
    | {"iz", "v", "vo", "na", "do", "cherez", "z", "ze", "s", "so", "u", "w", "we", "przez"}
    # "near": "під Читою", "под Брянском", "koło Orszy", "біля", "каля", "около" (not be
    # "пад": "Падь" begins place names, "Pad’-Mel’nichnaya")
    | {"pid", "pod", "kolo", "okolo", "vozle", "bilya", "kalya", "poblizu"}
)
_PREFIX = 2
# Stem bounds of name matching, in letters (one place, each with its reason):
# a word shorter than this is no abbreviation of a longer one ("Vost." of
# "Vostochnaya"; "Ve" is no word's abbreviation)
_ABBREVIATION_LEAST = 3
# a word shorter than this is never a misspelling of another word: one letter off
# in four is another name ("Ліда"/"Линда")
_MISSPELLING_LEAST = 5
# a continent's or country's name shorter than this is looked up as written, never
# through its case forms ("Азии", "Польши" have four letters or more; the lemmas of a
# 3-letter word are noise)
_INFLECTED_NAME_LEAST = 4
# a case ending leaves at least this stem ("Орла" -> "Орёл"; "Ока" is no case form)
_CASE_STEM_LEAST = 3
# a fuzzy match below the strict ratio with the same first letter is a misspelling
# only in names this long: in shorter ones one letter off is another place
# ("Ельск"/"Вельск"; :func:`_fuzzy_plausible`)
_LOOSE_FUZZY_LEAST = 7
_FUZZY_LIMIT = 25

GEO_PRECISION = {"station": 1, "town": 2, "region": 3, "country": 4}
"""Precision name -> ACLED-style geo precision code (1 exact ... 3 region, 4 country)."""

_TIER = {"station": 0, "town": 1}
_TAIL_FUZZ = 85.0
_FUZZY_STRICT = 92.0  # fuzzy ratio a short name or a different first letter needs
_TOWN_ALIAS_SCORE = 95.0
_FUZZY_TOWN_GAP = 0.1
# Case endings of Russian, Ukrainian and Belarusian nouns and the nominative endings
# they may stand for ("Борисова" -> "Борисов", "Полонки" -> "Полонка", "Калузі" -> ...).
_CASE_ENDINGS = (
    ("ами", ""), ("ого", ""), ("ому", ""), ("ові", ""), ("ой", "а"), ("ою", "а"), ("ій", "а"),
    ("ом", ""), ("ем", ""), ("ы", "а"), ("и", "а"), ("і", "а"), ("е", "а"), ("у", "а"),
    ("ю", "я"), ("а", ""), ("у", ""), ("е", ""), ("і", ""),
)  # fmt: skip
_VOWELS = frozenset("аеёиоуыэюяіїєў")
_CYRILLIC_WORD_END = re.compile(r"([\u0400-\u04ff]{4,})$")
_LATIN_WORD = re.compile(r"[^\W\d_\u0400-\u04ff]{4,}")
# English words for a station's distinguishing suffix ("Homel-North", "Orsha East"):
# Russian, Belarusian, Ukrainian and Polish ones are adjectives is_suffix_word knows.
_ENGLISH_SUFFIXES = frozenset(
    {"north", "south", "east", "west", "central", "centre", "center", "main"}
    | {"passenger", "freight", "sorting", "marshalling", "yard", "junction"}
)
_POPULATION_LEAD = 10
# Two names joined by a dash or slash ("Асинука – Красне", "Замин Ууд/Эрлянь"), and
# how far apart they may lie to be one crossing or twin towns, km.
_PAIR_SPLIT = re.compile(r"\s*[–—/]\s*|\s+-\s+")
_PAIR_KM = 30.0
# "Зайцевка (Воронежская обл.)", "Красное, Смоленская область": a name and its region
_QUALIFIED = re.compile(
    r"^\s*(?P<name>[^(),]*[^\s(),])\s*(?:\((?P<region_a>[^()]+)\)|,\s*(?P<region_b>[^,()]+))\s*$"
)
# The kind of place written before its name: "г. Осиповичи", "ст. Полонка", "ж/д ст.
# Барановичи-Полесские", "пгт Кантемировка", "м. Ковель", "stacja Orsza" (an
# abbreviation with its dot, or a word that only ever names a kind of place)
_KIND_PREFIX = re.compile(
    r"^(?:(?:г|гор|пос|п|с|д|дер|м|ст|стан|рзд|ст-ция|st|m)\.\s*"
    r"|(?:пгт|смт|ж\s*/\s*д|ж\.\s*-?\s*д\.|з\s*/\s*д|з\.\s*-?\s*д\.|станция|станции|станцию|"
    r"станція|станції|станцію|станцыя|станцыі|stacja|stacji|station)\.?\s+)+",
    re.IGNORECASE,
)
# Words in brackets that name a district or a railway's division, which railtrack has
# no boundaries for: "Барановичский р-н", "Баранівецьке відділення БЧ", "Lida district"
_DISTRICT = re.compile(
    r"(?:\bр-н\b|\bр-ну\b|район|раён|\bрайона\b|відділення|отделени|аддзяленн|\bотд\.|"
    r"\bdistrict\b|\brayon\b|\braion\b|\brejon|\bpowiat|\bgmina\b)",
    re.IGNORECASE,
)
# A district named by its centre's adjective: "Барановичский р-н", "Лунинецкий район"
_DISTRICT_ADJECTIVE = re.compile(
    r"([^\W\d_]{3,}?)(ский|цкий|ський|цький|скі|цкі|ski|cki)\s", re.IGNORECASE
)
_DISTRICT_KM = 80.0  # a district's places lie this close to its centre, km (the largest span ~100)
_POPULATION_MIN = 5000
_CACHE_MAX = 1_000_000  # answers kept per gazetteer (each cache), about 1 KB each
_CITY_POPULATION = 50_000  # a town this large keeps its own name against larger namesakes
# A namesake of this many people in the area reports are about (within _THEATRE_KM of a
# curated station) is a town reports name: a 10 times larger town outside that area
# does not hide it, only a regional capital does ("Seversk" is the Tomsk oblast town
# and Siversk of Donetsk oblast, F67; "Kirov" is the oblast's city)
_TOWN_FLOOR = 10_000
_THEATRE_KM = 100.0
# Names resolved one at a time by the rules before the exact-form index is read (reading
# it costs about as much CPU as resolving this many names); a batch of as many new names
# reads it at once (Gazetteer.resolve_all)
_FORMS_AFTER = 200
_UNKNOWN_STATION = "no station "  # how the note of a suffixed name's town answer starts
_CLASH_NOTE = ", or a case form of"  # the note of _case_form_clash, read by the fallback
_NEAR_TOWN_NOTE = " is a near spelling of"  # the note of _near_town_guard


@dataclass(frozen=True)
class Resolution:
    """What a name resolved to.

    Attributes
    ----------
    query
        The name as given.
    resolved
        True when the name names one station, or a region or country.
    station_id, name
        The station's id and canonical name (``None`` for a region or unresolved).
    score
        0-100; how well the best match fits.
    region
        Region key when the name is a region or country ("Belarus").
    region_stations
        Station ids the region covers in this network.
    candidates
        ``(station_id, name, score)``, best first.
    report_stations
        The region's stations that reports use (routing ends), when a region.
    note
        Why a name is unresolved ("no match above 85", "ambiguous: ...").
    precision
        How exactly the place is known, like ACLED's geo precision: ``"station"``
        (the station the name names), ``"town"`` (a town or a station not in the
        gazetteer, placed at the rail node nearest the town) or ``"region"``;
        ``None`` when unresolved.
    snap_km
        Distance from the place to the rail node it resolved to, km (``None`` when
        not measured).
    form
        The nominative form that resolved an inflected name ("Калуга" for
        "Калузі"); ``None`` when the name resolved as written.
    in_network
        False for a place outside the routable network (a country or a town with no
        track of the network near it: Duisburg, Wuhan, Yeysk); routing says "outside
        the network area" for it. True otherwise.
    country
        ISO 3166-1 alpha-2 code of a place outside the network ("DE"); ``None`` for
        network places.
    lat, lon
        Position of a place outside the network, WGS84 degrees (``None`` for a
        country and for network places, whose position is the station's).

    Examples
    --------
    >>> from railtrack import load_network
    >>> gaz = load_network(national=False).gazetteer
    >>> r = gaz.resolve("Матвеев Курган")
    >>> r.resolved, r.station_id, r.name, r.precision
    (True, '511103', 'Matveev Kurgan', 'station')
    >>> r = gaz.resolve("Blorpton")
    >>> r.resolved, r.note
    (False, 'no station scores 85 or more')
    """

    query: str
    resolved: bool
    station_id: str | None = None
    name: str | None = None
    score: float = 0.0
    region: str | None = None
    region_stations: tuple[str, ...] = ()
    candidates: tuple[tuple[str, str, float], ...] = ()
    report_stations: tuple[str, ...] = ()
    note: str = ""
    precision: str | None = None
    snap_km: float | None = None
    form: str | None = None
    in_network: bool = True
    country: str | None = None
    lat: float | None = None
    lon: float | None = None

    @property
    def geo_precision(self) -> int | None:
        """ACLED-style geo precision: 1 station, 2 town, 3 region; None unresolved.

        Examples
        --------
        >>> Resolution(query="x", resolved=True, region="Belarus", precision="region").geo_precision
        3
        """
        return GEO_PRECISION.get(self.precision or "")

    @property
    def is_region(self) -> bool:
        """Whether the name is a region or country rather than one station.

        Examples
        --------
        >>> from railtrack import load_network
        >>> gaz = load_network(national=False).gazetteer
        >>> gaz.resolve("Belarus").is_region, gaz.resolve("Slonim").is_region
        (True, False)
        """
        return self.region is not None and self.station_id is None

    def to_place(self, text: str | None = None) -> Place:
        """Return the :class:`railtrack.models.Place` for this resolution.

        Parameters
        ----------
        text
            The name as written; defaults to the query.

        Returns
        -------
        Place
            With ``station_id``/``station``, or ``region``, or ``unresolved=True``.

        Examples
        --------
        >>> from railtrack import load_network
        >>> gaz = load_network(national=False).gazetteer
        >>> p = gaz.resolve("Матвеев Курган").to_place("из Матвеева Кургана")
        >>> p.text, p.station_id, p.station, p.geo_precision
        ('из Матвеева Кургана', '511103', 'Matveev Kurgan', 'station')
        >>> gaz.resolve("Blorpton").to_place().unresolved
        True
        """
        from railtrack.models import Place  # pydantic models: not needed to resolve a name

        return Place(
            text=text if text else self.query,
            station_id=self.station_id,
            station=self.name if self.station_id else None,
            region=self.region,
            # an unresolved name has no resolved score (its candidates keep theirs): a
            # tie of two exact namesakes scored 100 and read as a confident answer
            resolved_score=round(self.score, 1) if self.resolved else None,
            unresolved=not self.resolved,
            geo_precision=self.precision if self.resolved else None,
            # a place known but outside the network has only these to say where it is
            lat=self.lat if self.resolved and not self.region else None,
            lon=self.lon if self.resolved and not self.region else None,
        )

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready form: ``id`` and ``name`` of the station, candidates.

        Examples
        --------
        >>> from railtrack import load_network
        >>> gaz = load_network(national=False).gazetteer
        >>> d = gaz.resolve("Матвеев Курган").to_dict()
        >>> d["id"], d["name"], d["score"]
        ('511103', 'Matveev Kurgan', 100.0)
        >>> d["candidates"]
        [{'id': '511103', 'name': 'Matveev Kurgan', 'score': 100.0}]
        """
        return {
            "query": self.query,
            "resolved": self.resolved,
            "id": self.station_id,
            "name": self.name,
            "score": round(self.score, 1),
            "region": self.region,
            "region_stations": list(self.region_stations),
            "report_stations": list(self.report_stations),
            "candidates": [
                {"id": sid, "name": name, "score": round(score, 1)}
                for sid, name, score in self.candidates
            ],
            "note": self.note,
            "precision": self.precision,
            "geo_precision": self.geo_precision,
            "snap_km": self.snap_km,
            "form": self.form,
            "in_network": self.in_network,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
        }


@dataclass
class _Station:
    id: str
    name: str
    lat: float | None
    lon: float | None
    placed: bool  # has its own (not estimated) coordinates
    rank: int
    degree: int
    tier: int = 0  # 0 station, 1 town
    population: int = 0
    snap_km: float | None = None
    tail: tuple[str, ...] = ()  # distinguishing words of its canonical name
    bases: set[str] = field(default_factory=set)


def _float_or_none(value: Any) -> float | None:
    """Return a coordinate or distance as a plain float (numpy scalars pickle with numpy)."""
    return None if value is None else float(value)


def _place_facts(n: Any, d: dict[str, Any]) -> dict[str, Any]:
    """Return the node attributes resolving reports (see :meth:`Gazetteer.place`)."""
    facts: dict[str, Any] = {"name": str(d.get("name") or n)}
    facts.update({k: d[k] for k in ("country", "region") if d.get(k)})
    facts.update({k: float(d[k]) for k in ("lat", "lon") if d.get(k) is not None})
    return facts


def _tail(tokens: Sequence[str]) -> tuple[str, ...]:
    """Return the role-coded skeletons of the tokens after the first (what tells stations apart)."""
    return tuple(tokens_skeleton([t]) if t.isdigit() else _tail_code(t) for t in tokens[1:])


def _tail_code(token: str) -> str:
    return tokens_skeleton(["x", token])[1:] if token else ""


def _tails_compatible(q: tuple[str, ...], k: tuple[str, ...]) -> bool:
    """Whether a query's distinguishing words can name the same station as a key's.

    Numbers must be equal ("Kubinka-2" is never "Kubinka-1"); words must be equal,
    one an abbreviation of the other, or a near spelling of a long word
    ("Poleskie"/"Polesskiye"); never "Vostochnaya" for "Tsentralnaya".
    """
    if len(q) != len(k):
        return False
    for a, b in zip(q, k, strict=True):
        if a == b:
            continue
        if a.isdigit() or b.isdigit():
            return False
        short, long_ = sorted((a, b), key=len)
        if len(short) >= _ABBREVIATION_LEAST and long_.startswith(short):
            continue
        if min(len(a), len(b)) >= _MISSPELLING_LEAST and fuzz.ratio(a, b) >= _TAIL_FUZZ:
            continue
        return False
    return True


class Gazetteer:
    """Name index of one network's stations, towns and regions.

    Parameters
    ----------
    G
        Station graph (node attributes ``name``, ``name_ru``, ``aliases``,
        ``country``, ``region``, ``lat``, ``lon``, ``coord_estimated``, and for the
        national layer ``kind`` (``"track"`` nodes are not names), ``precision``,
        ``population``, ``snap_km``).
    regions
        Region and country definitions.
    settings
        Thresholds; :data:`railtrack.settings.DEFAULT_SETTINGS` when omitted.

    Examples
    --------
    >>> from railtrack import load_network
    >>> gaz = load_network().gazetteer
    >>> gaz.resolve("Матвеев Курган").name
    'Matveev Kurgan'
    """

    def __init__(
        self,
        G: nx.Graph,
        *,
        regions: Sequence[Region] = (),
        settings: Settings | None = None,
    ) -> None:
        self.settings = settings or DEFAULT_SETTINGS
        # What resolving reads of the graph, copied: the index holds no reference to
        # the graph, so it is cached and loaded without it (and without networkx).
        self._places = {str(n): _place_facts(n, d) for n, d in G.nodes(data=True)}
        self._written: dict[str, tuple[str, ...]] = {}
        self._stations: list[_Station] = []
        self._index: dict[str, int] = {}
        # key -> [(station index, is_base, is_alias)]
        keys: dict[str, list[tuple[int, bool, bool]]] = defaultdict(list)
        tails: dict[str, tuple[str, ...]] = {}
        respelt: set[tuple[str, int]] = set()  # (key, station) of an "е for ё" name only
        for n, d in G.nodes(data=True):
            if d.get("kind") == "track":
                continue
            idx = len(self._stations)
            self._stations.append(self._station(n, d, G.degree(n)))
            self._index[str(n)] = idx
            names = [d.get("name") or str(n), d.get("name_ru") or "", *d.get("aliases", [])]
            self._written[str(n)] = tuple(str(x) for x in names)
            written = len(names)
            names += _yo_as_ye(names)
            seen: set[tuple[str, bool]] = set()
            for j, x in enumerate(names):
                tokens = name_tokens(x) if x else []
                if not tokens:
                    continue
                base = base_tokens(tokens)
                for toks, is_base in ((tokens, False), (base, len(base) < len(tokens))):
                    key = tokens_skeleton(toks)
                    self._stations[idx].bases.add(key)
                    if key and (key, is_base) not in seen:
                        seen.add((key, is_base))
                        keys[key].append((idx, is_base, j >= 2))
                        if j >= written:
                            respelt.add((key, idx))
                        if key not in tails:  # (setdefault would compute every tail)
                            tails[key] = _tail(toks)
        _drop_respelt(keys, respelt)
        self._keys = list(keys)
        self._key_hits = [keys[k] for k in self._keys]
        self._key_tails = [tails[k] for k in self._keys]
        self._exact = {k: i for i, k in enumerate(self._keys)}
        # Fuzzy ranking runs over the keys of stations only: towns match by spelling
        # alone, so their ~30,000 alternate names need no fuzzy index.
        fuzzy = [
            i
            for i, hits in enumerate(self._key_hits)
            if any(self._stations[j].tier == 0 for j, _, _ in hits)
        ]
        blocks: dict[str, list[int]] = defaultdict(list)
        by_length: dict[int, list[int]] = defaultdict(list)
        for i in fuzzy:
            blocks[self._keys[i][:_PREFIX]].append(i)
            by_length[len(self._keys[i])].append(i)
        self._blocks = {p: list(ix) for p, ix in blocks.items()}
        self._block_keys = {p: [self._keys[i] for i in ix] for p, ix in blocks.items()}
        self._by_length = {n: list(ix) for n, ix in by_length.items()}
        # query length -> the fuzzy keys of about that length (index, keys), on first use
        self._length_windows: dict[int, tuple[list[int], list[str]]] = {}
        self._length_keys = {n: [self._keys[i] for i in ix] for n, ix in by_length.items()}
        self._regions = list(regions)
        self._region_index = RegionIndex(self._regions)
        by_country: dict[str, list[str]] = defaultdict(list)
        by_region: dict[str, list[str]] = defaultdict(list)
        for st in self._stations:
            d = self._places[st.id]
            by_country[str(d.get("country") or "")].append(st.id)
            by_region[str(d.get("region") or "")].append(st.id)
        self._region_members = [self._members(r, by_country, by_region) for r in self._regions]
        self._countries = frozenset(c for c in by_country if c)  # countries of the network
        # a network without the national town layer (ru-rail, an OSM extract) looks its
        # towns up as places outside it ("Orsza" on a network of Russia only)
        self._has_towns = any(st.tier == 1 for st in self._stations)
        self._theatre_in: bool | None = None
        self._grid: dict[tuple[int, int], list[int]] | None = None  # see _grid_near
        self._cache: dict[str, Resolution] = {}
        # (name as written, language) -> its resolution, for calls with a language
        self._lang_cache: dict[tuple[str, str], Resolution] = {}
        # the index key, then the key resolve_all keeps its answers under (keep_answers)
        self._store_key: str | None = None
        self._stored = -1
        # the exact-form index of this network (railtrack._formindex), read by the
        # first large batch once keep_answers gave the index key
        self._index_key: str | None = None
        self._forms: FormIndex | None = None
        self._forms_tried = True
        self._by_rules = 0  # names resolved by the rules (the index is read after a few)
        # name tokens -> their station match: "st. Kursk", "KURSK" and "Kursk station"
        # are three queries but one token list, scored once
        self._token_cache: dict[tuple[str, ...], Resolution] = {}
        logger.debug(
            "Gazetteer: %d places, %d name keys, %d regions",
            len(self._stations),
            len(self._keys),
            len(self._regions),
        )

    @staticmethod
    def _station(n: Any, d: dict[str, Any], degree: int) -> _Station:
        tokens = name_tokens(str(d.get("name") or n))
        precision = d.get("precision") or "station"
        return _Station(
            id=str(n),
            name=str(d.get("name") or n),
            lat=_float_or_none(d.get("lat")),
            lon=_float_or_none(d.get("lon")),
            placed=d.get("lat") is not None and not d.get("coord_estimated", False),
            rank=role_rank(tokens) if tokens else 2,
            degree=degree,
            tier=_TIER.get(precision, 0),
            population=int(d.get("population") or 0),
            snap_km=_float_or_none(d.get("snap_km")),
            tail=_tail(tokens),
        )

    def place(self, station_id: str) -> dict[str, Any]:
        """Return what the index knows of a node: name, country, region, lat, lon.

        Parameters
        ----------
        station_id
            A node id of the network (a station, a town or a track node).

        Returns
        -------
        dict
            ``name``, and those of ``country``, ``region`` (str), ``lat``, ``lon``
            (degrees, float) the node has; empty when the id is not a node.

        Examples
        --------
        >>> from railtrack import load_network
        >>> load_network().gazetteer.place("BY-GOMEL")["country"]
        'BY'
        """
        return dict(self._places.get(station_id, {}))

    @property
    def n_places(self) -> int:
        """Number of stations and towns the gazetteer resolves to.

        Examples
        --------
        >>> from railtrack import load_network
        >>> load_network(national=False).gazetteer.n_places
        119
        """
        return len(self._stations)

    @property
    def n_names(self) -> int:
        """Number of distinct name keys (spellings reduced to skeletons).

        Examples
        --------
        >>> from railtrack import load_network
        >>> gaz = load_network(national=False).gazetteer
        >>> gaz.n_names > gaz.n_places
        True
        """
        return len(self._keys)

    # --- regions -------------------------------------------------------------------
    def _members(
        self,
        region: Region,
        by_country: dict[str, list[str]],
        by_region: dict[str, list[str]],
    ) -> tuple[tuple[str, ...], tuple[str, ...]]:
        found: set[str] = {s for s in region.stations if s in self._index}
        for country in region.countries:
            found.update(by_country.get(country, ()))
        for name in region.station_regions:
            found.update(by_region.get(name, ()))
        members = tuple(sorted(found, key=self._index.__getitem__))
        report = tuple(s for s in region.report_stations if s in self._index)
        if not report and members:
            report = self._main_places(members)
        return members, report

    def _main_places(self, members: tuple[str, ...]) -> tuple[str, ...]:
        """Routing ends of a region without report stations: its largest towns."""
        towns = [self._stations[self._index[m]] for m in members]
        towns.sort(key=lambda st: (-st.population, st.tier, st.id))
        return tuple(st.id for st in towns[:3])

    def region_stations(self, key: str) -> tuple[str, ...]:
        """Station ids a region covers, by its key ("Belarus").

        Parameters
        ----------
        key
            A region key from ``regions.yaml``.

        Returns
        -------
        tuple of str
            Station ids in this network; empty for an unknown key.

        Examples
        --------
        >>> from railtrack import load_network
        >>> gaz = load_network(national=False).gazetteer
        >>> stations = gaz.region_stations("Belarus")
        >>> len(stations), "BY-SLONIM" in stations, gaz.region_stations("Atlantis")
        (58, True, ())
        """
        for region, (members, _) in zip(self._regions, self._region_members, strict=True):
            if region.key == key:
                return members
        return ()

    # --- resolution ----------------------------------------------------------------
    def resolve(self, name: str, *, lang: str | None = None) -> Resolution:
        """Resolve one name (see the module docstring for the rules).

        Parameters
        ----------
        name
            Station, town, region or country name, or a station id.
        lang
            Optional language of the text the name comes from (``ru``, ``uk``,
            ``be``, ``pl``, ``en``): its case forms are tried first when the name as
            written does not resolve (:func:`railtrack.inflection.lemma_forms`).

        Returns
        -------
        Resolution
            Resolved, or unresolved with ranked candidates.

        Examples
        --------
        >>> from railtrack import load_network
        >>> gaz = load_network().gazetteer
        >>> gaz.resolve("Asipovichy").station_id
        'BY-OSIPOVICHI'
        >>> r = gaz.resolve("Blorpton")
        >>> r.resolved, len(r.candidates) > 0
        (False, True)
        """
        query = str(name)
        if lang is not None:
            found = self._lang_cache.get((query, lang))
            if found is None:
                found = self._resolve(query, lang)
                if len(self._lang_cache) < _CACHE_MAX:
                    self._lang_cache[(query, lang)] = found
            return found
        cached = self._cache.get(query)
        if cached is None:
            cached = self._known_form(query)
            if cached is None:
                self._by_rules += 1
                if self._by_rules >= _FORMS_AFTER and not self._forms_tried:
                    self._read_forms()  # names one at a time (extraction): read it now
                cached = self._resolve(query)
            if len(self._cache) < _CACHE_MAX:
                self._cache[query] = cached
        return cached

    def _known_form(self, query: str) -> Resolution | None:
        """Return the answer the exact-form index holds for a name as written, or None.

        Exactly what :meth:`_resolve` gives (the index was built by it); see
        :mod:`railtrack._formindex`.
        """
        return self._forms.get(self, query) if self._forms is not None else None

    def _read_forms(self) -> None:
        """Read the exact-form index of this index's key, once (None when none was built)."""
        from railtrack._formindex import load_form_index

        self._forms_tried = True
        if self._index_key is not None:
            self._forms = load_form_index(self._index_key)

    def __getstate__(self) -> dict[str, Any]:
        """Pickle the index without its exact-form index (read again on the next batch)."""
        state = dict(self.__dict__)
        state["_forms"] = None
        state["_forms_tried"] = state.get("_index_key") is None
        return state

    def region_members(self, key: str) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
        """Return a region's station ids and its report stations, by its key, or None.

        Parameters
        ----------
        key
            A region key from ``regions.yaml`` ("Belarus").

        Returns
        -------
        tuple or None
            ``(region_stations, report_stations)`` as a resolution of the region
            gives them (station ids of this network); None for an unknown key.

        Examples
        --------
        >>> from railtrack import load_network
        >>> members, report = load_network().gazetteer.region_members("Belarus")
        >>> "BY-GOMEL" in members
        True
        """
        for region, members in zip(self._regions, self._region_members, strict=True):
            if region.key == key:
                return members
        return None

    def resolve_all(
        self, names: Iterable[str], *, lang: str | Sequence[str | None] | None = None
    ) -> list[Resolution]:
        """Resolve a batch of names: each distinct (name, language) once, in input order.

        A 100,000-report input names the same few thousand places again and again;
        this resolves each distinct name as written once and hands the same
        :class:`Resolution` to every occurrence. The answers are exactly those of
        :meth:`resolve` name by name (names are not normalised first: a resolution
        quotes the name as written).

        Parameters
        ----------
        names
            Names as written, shape (n,).
        lang
            One language for all names, or one per name (shape (n,), ``None`` where
            unknown); see :meth:`resolve`.

        Returns
        -------
        list of Resolution
            One per input name, shape (n,), in order.

        Raises
        ------
        ValueError
            When ``lang`` is a sequence of another length than ``names``.

        Examples
        --------
        >>> from railtrack import load_network
        >>> gaz = load_network().gazetteer
        >>> [r.station_id for r in gaz.resolve_all(["Homel", "Gomel", "Homel"])]
        ['BY-GOMEL', 'BY-GOMEL', 'BY-GOMEL']
        >>> gaz.resolve_all(["у Калузі"], lang=["uk"])[0].form
        'Калуга'
        """
        queries = [str(n) for n in names]
        if lang is None or isinstance(lang, str):
            langs: list[str | None] = [lang] * len(queries)
        else:
            langs = list(lang)
            if len(langs) != len(queries):
                raise ValueError(f"{len(queries)} names but {len(langs)} languages")
        pairs = list(zip(queries, langs, strict=True))
        distinct = dict.fromkeys(pairs)
        if (self._store_key is not None and self._stored < 0) or not self._forms_tried:
            # the answers of earlier runs and the exact-form index, read when this batch
            # has enough names of its own to pay for it (reading costs about a tenth of
            # resolving, per answer)
            from railtrack._answers import SAVE_MIN

            new = sum(
                1
                for q, lg in distinct
                if (q not in self._cache if lg is None else (q, lg) not in self._lang_cache)
            )
            if new >= SAVE_MIN and self._store_key is not None and self._stored < 0:
                self._load_answers()
            if new >= SAVE_MIN and not self._forms_tried:
                self._read_forms()
        found = {pair: self.resolve(pair[0], lang=pair[1]) for pair in distinct}
        if self._store_key is not None and self._stored >= 0:
            self._save_answers()
        return [found[pair] for pair in pairs]

    def keep_answers(self, index_key: str | None) -> None:
        """Keep the answers of :meth:`resolve_all` in the network cache for the next run.

        Called by :func:`railtrack.load_network` (``RailNetwork.gazetteer``) and
        :func:`load_gazetteer` for an index read from or written to the cache, with
        the index's cache key; None stops it. The answers are stored under
        :func:`railtrack._answers.answers_key`, read by the first batch with
        :data:`railtrack._answers.SAVE_MIN` names or more not resolved yet (a batch of
        a few names resolves them faster than it reads the stored ones), and written
        after each batch that added that many. The same key finds the network's
        exact-form index (:mod:`railtrack._formindex`), when one was built, read by
        the same first batch: a name written as the network writes it is then
        answered from it.
        """
        self._store_key = index_key
        self._stored = -1  # not read yet
        self._index_key = index_key
        self._forms = None
        self._forms_tried = index_key is None  # the form index is looked for on first use
        self._by_rules = 0  # counted again towards reading it

    def _load_answers(self) -> None:
        """Add the stored answers to this index's caches (answers given here win)."""
        from railtrack._answers import answers_key, load_answers

        assert self._store_key is not None
        self._store_key = answers_key(self._store_key)
        stored = load_answers(self._store_key) if self._store_key is not None else None
        if stored is not None:
            self._cache = {**stored[0], **self._cache}
            self._lang_cache = {**stored[1], **self._lang_cache}
        self._stored = len(self._cache) + len(self._lang_cache)

    def _save_answers(self) -> None:
        """Store this index's answers when a batch added enough new ones."""
        from railtrack._answers import SAVE_MIN, save_answers

        assert self._store_key is not None
        size = len(self._cache) + len(self._lang_cache)
        if size - self._stored >= SAVE_MIN:
            save_answers(self._store_key, (self._cache, self._lang_cache))
            self._stored = size

    def resolve_many(self, names: Iterable[str]) -> pd.DataFrame:
        """Resolve names in a batch; one row per name (``columns.RESOLVE_COLUMNS``).

        Parameters
        ----------
        names
            Names as written.

        Returns
        -------
        pandas.DataFrame
            One row per input name, in order: ``query``, ``resolved``, ``station_id``,
            ``name``, ``score`` (0-100), ``region``, ``region_stations`` and
            ``candidates`` (``"; "``-joined) and ``geo_precision``.

        Examples
        --------
        >>> from railtrack import load_network
        >>> gaz = load_network(national=False).gazetteer
        >>> gaz.resolve_many(["Slonim", "Blorpton"]).loc[:, ["query", "resolved", "station_id"]]
              query  resolved station_id
        0    Slonim      True  BY-SLONIM
        1  Blorpton     False        NaN
        """
        rows = []
        for r in self.resolve_all(names):
            rows.append(
                {
                    C.QUERY: r.query,
                    C.RESOLVED: r.resolved,
                    C.STATION_ID: r.station_id,
                    C.NAME: r.name,
                    C.SCORE: round(r.score, 1),
                    C.REGION: r.region,
                    C.REGION_STATIONS: "; ".join(r.region_stations),
                    C.CANDIDATES: "; ".join(f"{n} ({sid}, {s:.0f})" for sid, n, s in r.candidates),
                    C.GEO_PRECISION: r.precision,
                }
            )
        return pd.DataFrame(rows, columns=list(C.RESOLVE_COLUMNS))

    def _resolve(self, query: str, lang: str | None = None) -> Resolution:
        found = self._resolve_name(query, lang)
        if not found.resolved and found.note.startswith("ambiguous") and _belarusian(query):
            found = self._namesake_in_belarus(query, found) or found
        if found.resolved and found.note.startswith(_UNKNOWN_STATION):
            found = self._alias_town_tie(query, found) or found
        if found.resolved and found.precision in ("region", "country") and _names_station(query):
            return self._station_not_region(query, found)
        if not found.resolved and not found.note.startswith("ambiguous"):
            from railtrack._unplaced import unplaced_note

            note = unplaced_note(query, lang)  # Vidzibor: known by name, no position
            return found if note is None else replace(found, note=note)
        if not found.resolved or found.precision not in ("station", "town"):
            return found
        found = self._at_town_station(query, found)
        if self._has_theatre():
            return found
        return self._theatre_namesake(query, found)

    def _alias_town_tie(self, query: str, found: Resolution) -> Resolution | None:
        """Return a suffixed station name unresolved when its town bears the name as an alias.

        "Свердловск-пассажирский" (a station the network lacks) reached the town
        Dovzhansk by "Свердловск", one of its other names (its name until 2016); the
        stations of Yekaterinburg, Sverdlovsk until 1991, keep that name, and
        Yekaterinburg bears it too (``town_names.tsv.gz``). When the name's base is
        not the town's own name and another town of the network bears it as written,
        the station's town is unknown: both stay candidates. None otherwise
        ("Минск-Сортировочный": Minsk is the town's own name).
        """
        tokens = list(_query_tokens(query.strip()))
        words = [w for w in re.split(r"[-\s]+", query.strip()) if w]
        n = len(base_tokens(tokens))
        if len(words) != len(tokens) or n >= len(tokens) or found.station_id is None:
            return None
        head = " ".join(words[:n])
        want = _fold(head)
        if any(_fold(x) == want for x in self._written.get(found.station_id, ())[:2]):
            return None  # the town's own name
        others = [
            p
            for p in WorldPlaces.default().lookup(head)
            if p.kind == "network_town" and p.id != found.station_id and p.written_as(head)
        ]
        if not others:
            return None
        cands = (
            (found.station_id, found.name or "", found.score),
            *((p.id, self._place_name(p), found.score) for p in others),
        )
        names = ", ".join(c[1] for c in cands[:4])
        return Resolution(
            query=query,
            resolved=False,
            score=found.score,
            candidates=cands,
            note=f"{found.note.split(':')[0]}, and {head!r} names several towns: {names}",
        )

    def _place_name(self, place: WorldPlace) -> str:
        """Return a world-table place's name; a network town's as the network writes it."""
        i = self._index.get(place.id)
        return self._stations[i].name if i is not None else place.name

    def _namesake_in_belarus(self, query: str, found: Resolution) -> Resolution | None:
        """Return the one tied place in Belarus of a name spelt in Belarusian, or None.

        "Слаўгарада" ties the Belarusian Slawharad (Prapoisk) with the Altai Slavgorod,
        whose Belarusian name it also is; a report writing "ў" writes Belarusian, and a
        Belarusian report naming a town Belarus has means that town. None unless
        exactly one of the places tied at the top score lies in Belarus.
        """
        top = [c for c in found.candidates if c[2] >= found.score]
        world = WorldPlaces.default()
        in_by: list[tuple[str, str]] = []
        for place_id, name, _ in top:
            facts = self._places.get(place_id)
            if facts is not None:
                country = str(facts.get("country") or "")
            else:
                place = next((p for p in world.lookup(name) if p.id == place_id), None)
                country = place.country if place is not None else ""
            if country == "BY":
                in_by.append((place_id, name))
        if len(in_by) != 1 or len(top) < 2:
            return None
        place_id, name = in_by[0]
        note = f"spelt in Belarusian: the namesake in Belarus of {len(top)} tied places"
        i = self._index.get(place_id)
        if i is not None:
            return replace(
                self._found(query, self._stations[i], found.score, found.candidates, ""), note=note
            )
        place = next((p for p in world.lookup(name) if p.id == place_id), None)
        r = self._world_resolution(query, place, None) if place is not None else None
        return None if r is None else replace(r, note=note, candidates=found.candidates)

    def _at_town_station(self, query: str, found: Resolution) -> Resolution:
        """Return a town's answer as the town's own station, when it has one (trial T8).

        "Навазыбкаў" (a GeoNames town's Belarusian name) is the station Novozybkov, as
        "Новозыбков" is, so one train told in two languages stays one train; only for
        the bare name (never "Kubinka-2", whose station is not known: its town stays).
        """
        i = self._index.get(found.station_id) if found.station_id else None
        town = self._stations[i] if i is not None else None
        if town is None or town.tier != 1:
            return found
        if len(_query_tokens(query)) != len(name_tokens(town.name)):
            return found
        station = self._town_station(town)
        if station is None:
            return found
        return replace(
            found,
            station_id=station.id,
            name=station.name,
            snap_km=station.snap_km,
            note=f"the station of the town {town.name}",
        )

    def _station_not_region(self, query: str, found: Resolution) -> Resolution:
        """Return the place a name with a station word names, when a region answered it.

        "ст. Krym" is the station of the village Krym (Rostov oblast), never Crimea; when
        exactly one place of the network bears the name at full score, the name is that
        place; otherwise (the station Orlovshchyna, which no source places) it stays
        unresolved with the region as a candidate.
        """
        places = [
            self._stations[self._index[c]]
            for c, _, sc in found.candidates
            if sc >= 100.0 and c in self._index
        ]
        if len(places) == 1:
            st = places[0]
            r = self._found(query, st, 100.0, found.candidates, "")
            note = (
                f"the name says it is a station: the place of that name, not the {found.precision}"
            )
            return replace(r, note=f"{note} {found.name}")
        return _no_station(query, found)

    def _has_theatre(self) -> bool:
        """Whether this network holds every station of the theatre network (the default)."""
        if self._theatre_in is None:
            ids = {sid for hits in _theatre_stations().values() for sid, *_ in hits}
            self._theatre_in = ids <= self._index.keys()
        return self._theatre_in

    def _theatre_namesake(self, query: str, found: Resolution) -> Resolution:
        """Unresolve a station whose name a theatre station far from it bears, on another network.

        Reports are about the theatre (``data/network/stations.csv``): on ru-rail, whose
        only Полонка is a halt of Pskov oblast, "ст. Полонка" may well be the Belarusian
        railhead Polonka, which ru-rail lacks. Both stay candidates.
        """
        text = " ".join(_strip_leading(_cleaned(query).split()))
        keys = {name_key(text), name_key(found.form)} if found.form else {name_key(text)}
        spot = self._spot(found)
        own = found.station_id or (found.candidates[0][0] if found.candidates else "")
        for key in keys - {""}:
            for sid, name, lat, lon in _theatre_stations().get(key, ()):
                km = _distance_km(*spot, lat, lon) if spot is not None else None
                if sid in self._index or km is None or km <= self.settings.same_place_km:
                    continue
                return Resolution(
                    query=query,
                    resolved=False,
                    score=found.score,
                    candidates=((own, found.name or "", found.score), (sid, name, 100.0)),
                    note=f"ambiguous: {found.name} ({own}) bears the name, and so "
                    f"does the theatre network's station {name} ({sid}), {km:.0f} km away, "
                    "which this network lacks",
                )
        return found

    def _resolve_name(self, query: str, lang: str | None = None) -> Resolution:
        found = self._resolve_as_written(query, lang)
        least = self.settings.resolve_min_score
        if found.resolved or any(sc >= least for _, _, sc in found.candidates):
            return found  # resolved, or a tie of places bearing the name ("Товарково")
        other = self._other_neuter_ending(query, lang)
        return other if other is not None else found

    def _other_neuter_ending(self, query: str, lang: str | None) -> Resolution | None:
        """Resolve a name by the other neuter ending, when it names a place for certain.

        Ukrainian "-ове" is Russian "-ово" (Барвінкове / Барвенково); reports mix the
        two ("Barwinkowo", "Barvinkovo"). The name with the other ending is resolved by
        every rule (never with this one again); only a certain answer (score 100) is
        kept, so a name whose other form is a tie ("Stepovo": several Stepove) stays
        unresolved; a name that is itself a tie or near a place is never tried. None
        when the name has no such ending or the other form fails.
        """
        text = " ".join(_strip_leading(_cleaned(query).split()))
        for form in neuter_ending_forms(text):
            r = self._resolve_as_written(form, lang)
            if r.resolved and r.score >= 100.0:
                note = f"resolved as {form!r}, the other neuter ending"
                return replace(
                    r, query=query, form=form, note=f"{note}; {r.note}" if r.note else note
                )
        return None

    def _resolve_as_written(self, query: str, lang: str | None = None) -> Resolution:
        clean = _cleaned(query)
        if clean != query:
            return self._resolve_cleaned(query, clean, lang)
        special = self._abbreviation_or_continent(query, lang)
        if special is not None:
            return special
        region = self._region_word(query)
        if region is not None:
            return region
        if "(" in query or "," in query:
            qualified = self._resolve_qualified(query, lang)
            if qualified is not None:
                return qualified
        found = self._resolve_written(query)
        if found.resolved and found.score < 100.0 and found.station_id is not None:
            elsewhere = self._named_elsewhere(query, found, lang)
            if elsewhere is not None:
                return elsewhere
        if found.resolved:
            weighed = self._country_over_town(query, found)
            if weighed.station_id is None or weighed.station_id != found.station_id:
                return weighed
            return self._station_adjective_rivals(self._larger_namesakes(weighed))
        fallback = self._written_town_over_tie(query, found) or self._resolve_fallback(
            query, found, lang
        )
        if fallback is None or not fallback.resolved:
            pair = self._resolve_pair(query, lang)
            if pair is not None:
                return pair
        return fallback if fallback is not None else found

    def _resolve_cleaned(self, query: str, clean: str, lang: str | None) -> Resolution:
        """Resolve a name without the kind of place before it and without hidden characters.

        "г. Осиповичи" is Osipovichi, "ж/д ст. Барановичи-Полесские" the station: the
        abbreviation of a town, settlement or station (F68) is no part of the name; a
        soft hyphen or zero-width space copied from a web page ("Ор\u200bша") never
        cuts a name (F73).
        """
        if not clean:
            return Resolution(query=query, resolved=False, note="no name after the kind of place")
        r = self.resolve(clean, lang=lang) if lang else self.resolve(clean)
        return replace(r, query=query)

    def _abbreviation_or_continent(self, query: str, lang: str | None) -> Resolution | None:
        """Resolve an abbreviation or a continent's name before any place of that spelling.

        "UK" is the United Kingdom, never the village Uk (Irkutsk oblast) nor ru-rail's
        halt Ук: a name of 2-4 capital letters matches only a region or country alias
        written so ("ДНР", "США", "UK"), a country's ISO code ("RU", "DEU") or a
        curated station that bears it letter for letter in its own script ("ОРША"),
        never a GeoNames town (a village's two-letter name is no abbreviation's
        meaning), never by a transliterated spelling, never fuzzily. "Asia", "Азии",
        "Europy" are continents (``data/network/world/continents.csv``): not a place
        railtrack can locate, so unresolved with that reason, never the town Asia
        (Philippines) so named. None for every other name (a cheap check).
        """
        text = " ".join(_strip_leading(query.split()))
        world = WorldPlaces.default()
        if _is_abbreviation(text):
            return self._abbreviation(query, text, world)
        country = self._country_word(query, text, lang, world)
        if country is not None:
            return country
        if not world.continent_prefix(text):
            return None
        forms = (text, *lemma_forms(text, lang)) if len(text) >= _INFLECTED_NAME_LEAST else (text,)
        name = next((c for c in map(world.continent, forms) if c is not None), None)
        if name is None:
            return None
        return Resolution(
            query=query,
            resolved=False,
            note=f"a continent or world region ({name}): not a place railtrack can locate",
        )

    def _country_word(
        self, query: str, text: str, lang: str | None, world: WorldPlaces
    ) -> Resolution | None:
        """Resolve a country's name (or a case form of it) before any place so spelled.

        A country's name never matches a settlement by spelling, on any network:
        "Украина", "Ukrainę", "в Україну" are Ukraine, not ru-rail's station Украина.
        Case forms are tried only for a name that begins like a country's name (a
        cheap filter). None when the name is no country's.
        """
        forms: tuple[str, ...] = (text,)
        if not is_country_name(text):
            if len(text) < _INFLECTED_NAME_LEAST or not world.country_prefix(text):
                return None
            forms = tuple(
                f
                for f in (*lemma_forms(text, lang), *_plural_country_nominatives(text, lang))
                if is_country_name(f)
            )
        for form in forms:
            for place in world.lookup(form):
                if place.kind == "country" and place.written_as(form):
                    r = self._world_resolution(query, place, form if form != text else None)
                    if r is not None:
                        return r
        return None

    def _abbreviation(self, query: str, text: str, world: WorldPlaces) -> Resolution:
        """Resolve a name of capital letters only as written (see the caller)."""
        found = self._resolve_written(query)
        exact = found.resolved and found.score >= 100.0
        if exact and found.precision == "region":
            return found  # "ДНР", "LPR"
        letters = text.replace(".", "")
        written = next(
            (p for p in world.lookup(text) if p.kind == "country" and p.written_as(text)), None
        )
        place = written or (world.country_by_code(letters) if letters.isascii() else None)
        if written is None and place is not None and letters.upper() in US_STATE_CODES:
            return Resolution(
                query=query,
                resolved=False,
                note=f"{text!r} is the ISO code of {place.name} and the postal abbreviation "
                "of a US state: a two-letter code names neither for sure",
            )
        r = self._world_resolution(query, place, None) if place is not None else None
        if r is not None:
            return r
        st = self._stations[self._index[found.station_id]] if found.station_id else None
        if exact and st is not None and st.tier == 0 and self._written_as(found, text):
            return found  # "ОРША": a curated station's name in capitals
        return Resolution(
            query=query,
            resolved=False,
            candidates=found.candidates,
            note=f"{text!r} reads as an abbreviation: no region, country or station is "
            "written so, and an abbreviation is never matched to a place by its spelling",
        )

    def _named_elsewhere(
        self, query: str, found: Resolution, lang: str | None
    ) -> Resolution | None:
        """Return the country or place outside the network a fuzzily matched name names.

        "London" is not the halt Ляндо, "Пекіна" not Перкино, "Orsza" not Арья (F45,
        F58): a name that is (or whose case form is) the name of a country or of a
        place outside the network (:meth:`_resolve_fallback`'s rules) is that place
        before any near spelling of a station, on any network. None when it is not.
        """
        i = self._index.get(found.station_id or "")
        text = " ".join(_strip_leading(query.split()))
        if (
            i is not None
            and self._stations[i].tier == 0
            and found.precision == "town"
            and tokens_skeleton(name_tokens(text)) in self._stations[i].bases
            and self._written_base(self._stations[i], text)
        ):
            return None  # "Чита" on ru-rail: Чита I, the town's main station, not Chita (JP)
        blank = replace(found, resolved=False, candidates=(), note="")
        other = self._resolve_fallback(query, blank, lang)
        tied = {c for c, _, _ in other.candidates} if other is not None else set()
        if (
            other is not None
            and not other.resolved
            and other.note.startswith("ambiguous")
            and (
                _NEAR_TOWN_NOTE in other.note
                or self._bears_written(query)
                # "Мічуринськом": its case forms name the near spelling (Мичуринская)
                # and a town alike (Michurinsk): the near spelling does not settle it
                or self._tied_far_away(query, found, tied, lang)
            )
        ):
            # "Kamensk" on ru-rail: places bearing the name exactly tie; a near
            # spelling of a station (Каменская, 93) does not settle the tie
            near = f"{found.name} ({found.station_id}, {found.score:.0f}) is only a near spelling"
            cands = (*other.candidates, (found.station_id or "", found.name or "", found.score))
            return replace(other, candidates=cands, note=f"{other.note}; {near}")
        if other is None or not other.resolved:
            return None
        if (
            other.in_network
            and other.precision != "country"
            and other.region is None
            and not self._snapped_town(other)
        ):
            return None  # a case form of a network place: the near spelling stays
        if other.form and other.station_id is None and other.precision == "town":
            world = WorldPlaces.default()
            places = self._world_lookup(world, other.form, name_key(other.form))
            if not any(p.written_as(other.form) for p in places):
                return (
                    None  # a guessed nominative ("Gatjin") sharing a key: the near spelling stays
                )
        if self._near_spot(found, other):
            return None  # the town of the station the near spelling reached ("Smolensk")
        st = self._stations[self._index[found.station_id]] if found.station_id else None
        form = other.form or " ".join(_strip_leading(query.split()))
        if st is not None and tokens_skeleton(name_tokens(form)) in st.bases:
            return None  # "Брянске": its nominative is the town part of Bryansk-Orlovsky
        near = f"{found.name} ({found.station_id}, {found.score:.0f}) is only a near spelling"
        return replace(other, note=f"{other.note}; {near}" if other.note else near)

    def _written_base(self, st: _Station, text: str) -> bool:
        """Whether a station's name begins with ``text`` as written ("Чита I" with "Чита")."""
        want = _fold(text)
        return any(
            _fold(str(n)) == want or _fold(str(n)).startswith(want + " ")
            for n in self._written.get(st.id, ())
        )

    def _tied_far_away(
        self, query: str, found: Resolution, tied: set[str], lang: str | None
    ) -> bool:
        """Whether a near-spelled place ties, by a form it does not bear, with places away from it.

        True when the place is among the tied candidates, bears none of the name's
        nominative forms as written (Мичуринская is only a key of "Мічуринсько"; the town
        Kaliningrad bears "Калининград" and keeps "Калининграда" against Korolev, once so
        named), and none of the others is the same place.
        """
        i = self._index.get(found.station_id or "")
        if i is None or found.station_id not in tied or len(tied) < 2:
            return False
        text = " ".join(_strip_leading(query.split()))
        if any(self._written_as(found, f) for f in lemma_forms(text, lang)):
            return False
        st = self._stations[i]
        others = [self._index.get(c) for c in tied - {st.id}]
        return not any(j is not None and self._near(st, self._stations[j]) for j in others)

    def _near(self, a: _Station, b: _Station) -> bool:
        """Whether two places lie within ``Settings.same_place_km`` (unplaced: near)."""
        if None in (a.lat, a.lon, b.lat, b.lon):
            return True
        return _distance_km(a.lat, a.lon, b.lat, b.lon) <= self.settings.same_place_km  # type: ignore[arg-type]

    def _bears_written(self, query: str) -> bool:
        """Whether a place outside the network bears the name exactly as written ("Kamensk")."""
        text = " ".join(_strip_leading(query.split()))
        world = WorldPlaces.default()
        key = name_key(text)
        return any(p.written_as(text) for p in self._world_lookup(world, text, key))

    def _near_spot(self, a: Resolution, b: Resolution) -> bool:
        """Whether two resolutions lie within ``Settings.same_place_km`` of each other."""
        spot = self._spot(a)
        if spot is None or b.lat is None or b.lon is None:
            return False
        return _distance_km(*spot, b.lat, b.lon) <= self.settings.same_place_km

    def _region_word(self, query: str) -> Resolution | None:
        """Resolve a "-щина"/"-чина" word to its region before any place of that spelling.

        "Смоленщина", "на Брянщине" name the Smolensk and Bryansk regions on any
        network, even one with a station or village of that name (ru-rail's halt
        "Смоленщина" in Irkutsk oblast) or a near spelling (Бряндино).
        """
        text = " ".join(_strip_leading(query.split()))
        for form in region_word_forms(text):
            r = self._resolve_form(form) if self._may_name(form) else None
            if r is not None and r.resolved and r.region is not None:
                note = f"resolved as the nominative {form!r}"
                return replace(r, query=query, form=form, note=note)
        return None

    def _resolve_qualified(self, query: str, lang: str | None) -> Resolution | None:
        """Resolve a name with its region (:meth:`_qualified`), checked against its district.

        A district named after its centre ("Барановичский р-н": Baranovichi) rules out
        a place of the name farther than :data:`_DISTRICT_KM` from that town: on
        ru-rail, "Полонка (Барановичский район)" is not the Russian halt Полонка.
        """
        found = self._qualified(query, lang)
        m = _QUALIFIED.match(query)
        if found is None or not found.resolved or m is None:
            return found
        note = found.note
        for part in (m["region_a"] or m["region_b"]).split(","):
            centre = self._district_centre(part)
            here = self._spot(found)
            there = self._spot(centre) if centre is not None else None
            if centre is None or here is None or there is None:
                continue
            km = _distance_km(*here, *there)
            checked = f"{part.strip()!r} checked: {km:.0f} km from {centre.name}"
            note = note.replace(f"{part.strip()!r} in brackets not checked", checked)
            note = note.replace(f"{part.strip()!r} not checked", checked)
            if km > _DISTRICT_KM:
                return Resolution(
                    query=query,
                    resolved=False,
                    candidates=found.candidates,
                    note=f"no {m['name']!r} near {centre.name}, the centre of {part.strip()!r}: "
                    f"{found.name} lies {km:.0f} km from it",
                )
        return replace(found, note=note)

    def _district_centre(self, part: str) -> Resolution | None:
        """Return the town a district is named after ("Барановичский р-н"), or None."""
        if not _DISTRICT.search(part):
            return None
        m = _DISTRICT_ADJECTIVE.match(part.strip())
        if m is None:
            return None
        stems = (m[1], m[1] + "ц") if m[2].lower().startswith(("ц", "c")) else (m[1],)
        for stem in stems:  # "Лунинецкий": Лунинец; "Барановичский": Барановичи
            for ending in ("и", "ы", "і", "а", "", "о", "е"):
                r = self.resolve(stem + ending)
                if (
                    r.resolved
                    and r.form is None
                    and r.score >= 100.0
                    and r.precision in ("town", "station")
                ):
                    return r
        return None

    def _qualified(self, query: str, lang: str | None) -> Resolution | None:
        """Resolve a name followed by its region, in brackets or after a comma.

        "Зайцевка (Воронежская обл.)", "Красное, Смоленская область": the region
        picks among the places of that name, never breaks the lookup. Only places
        of the region answer; several of them (not one place) stay ambiguous unless
        one town has 10 times the people of each other. None when the words after
        the name are not a region (then the whole text is resolved as usual).
        """
        m = _QUALIFIED.match(query)
        if m is None:
            return None
        name = m["name"]
        members, where, unread = self._qualifier(m["region_a"] or m["region_b"])
        if members is None:
            if m["region_a"] is None or not unread:
                return None  # "Osinovka, Krasnoye": not a qualifier (the whole text is read)
            found = self.resolve(name, lang=lang) if lang else self.resolve(name)
            note = f"{', '.join(map(repr, unread))} in brackets not checked"
            return replace(found, query=query, note=f"{note}; {found.note}" if found.note else note)
        found = self.resolve(name, lang=lang) if lang else self.resolve(name)
        note = f"the {name!r} of {where}"
        if unread:
            note += f" ({', '.join(map(repr, unread))} not checked)"
        if found.resolved and (found.station_id in members or found.station_id is None):
            if found.station_id is None and found.precision != "town":
                return None  # a region or country named twice: the usual lookup says so
            if found.station_id is None:
                note += " (a place outside the network: its region is not checked)"
            keep = found.note and not found.note.startswith("the network's station")
            return replace(found, query=query, note=f"{note}; {found.note}" if keep else note)
        inside = [self._stations[self._index[i]] for i in self._named(name, found) if i in members]
        cands = tuple((st.id, st.name, 100.0) for st in inside)
        pick = self._one_place(inside)
        if pick is not None:
            own = self._exact.get(tokens_skeleton(list(_query_tokens(name.strip()))), -1)
            named = own >= 0 and any(
                self._stations[i].id == pick.id and not base for i, base, _ in self._key_hits[own]
            )
            precision = "station" if pick.tier == 0 and named else "town"
            return replace(self._found(query, pick, 100.0, cands, precision), note=note)
        if inside:
            names = ", ".join(f"{st.name} ({st.id})" for st in inside[:4])
            why = f"ambiguous: several places of {where} bear the name: {names}"
        else:
            why = f"no place named {name!r} in {where}"
        return Resolution(
            query=query, resolved=False, candidates=cands or found.candidates, note=why
        )

    def _qualifier(self, text: str) -> tuple[set[str] | None, str, list[str]]:
        """Read the words after a name: the stations they allow, their name, the parts not read.

        "Барановичский р-н, Брестская обл.", "Воронежская область, РФ": each part
        separated by a comma is a region or country (its stations narrow the choice;
        several narrow together) or a district or a railway's division, which
        railtrack has no boundaries for (kept as not read). The stations are None when
        no part is a region or country of the network; a part that is neither a region
        nor a district is kept as not read too.
        """
        members: set[str] | None = None
        names: list[str] = []
        unread: list[str] = []
        for part in (p.strip() for p in text.split(",")):
            if not part:
                continue
            where = None if _DISTRICT.search(part) else self.resolve(part)
            if where is None or not where.resolved or where.precision != "region":
                unread.append(part)
                continue
            inside = set(where.region_stations)  # empty for a region with no station
            members = inside if members is None else members & inside
            names.append(where.name or part)
        return members, " and ".join(names), unread

    def _named(self, name: str, found: Resolution) -> list[str]:
        """Ids of the places a name (or one of its case forms) names exactly, and its candidates."""
        ids = [c for c, _, sc in found.candidates if sc >= self.settings.resolve_min_score]
        text = " ".join(_strip_leading(name.split()))
        for form in (text, *lemma_forms(text)):
            tokens = list(_query_tokens(form.strip()))
            for key in {tokens_skeleton(tokens), tokens_skeleton(base_tokens(tokens))}:
                k = self._exact.get(key) if key else None
                ids += (
                    [self._stations[i].id for i, _, _ in self._key_hits[k]] if k is not None else []
                )
        return list(dict.fromkeys(ids))

    def _one_place(self, places: list[_Station]) -> _Station | None:
        """Return the one place among places of a name: all one place, or a town 10x larger."""
        if not places:
            return None
        order = sorted(places, key=lambda st: (st.tier, st.rank, -st.population, st.id))
        best = order[0]
        if all(self._same_place(best, st) for st in order[1:]):
            return best
        towns = sorted(places, key=lambda st: -st.population)
        lead = towns[0].population
        second = max(
            (st.population for st in towns[1:] if not self._same_place(towns[0], st)), default=0
        )
        if lead >= _POPULATION_MIN and lead >= _POPULATION_LEAD * max(second, 1):
            return towns[0]
        return None

    def _resolve_pair(self, query: str, lang: str | None) -> Resolution | None:
        """Resolve two names joined by a dash or slash as the first, when they are one spot.

        Reports name a border crossing by its two stations ("Осинавка-Червоне",
        "Асинука – Красне") and border towns by both names ("Замин Ууд/Эрлянь"). The
        name resolves to the first place when the second lies within
        :data:`_PAIR_KM` of it (or, after a slash, is unknown); two places farther
        apart (a section of line, "Волоконовка — Новый Оскол" is 31 km) stay
        unresolved.
        """
        text = query.strip()
        parts = [p for p in _PAIR_SPLIT.split(text) if p.strip()]
        slash = "/" in text
        if len(parts) != 2 and text.count("-") == 1 and not _PAIR_SPLIT.search(text):
            parts = text.split("-")
        if len(parts) != 2 or not all(_query_tokens(p.strip()) for p in parts):
            return None
        first, second = (self.resolve(p.strip(), lang=lang) for p in parts)
        here = self._spot(first) if first.resolved else None
        if here is None:
            return self._second_of_slash_pair(query, text, slash, first, second)
        there = self._spot(second) if second.resolved else None
        if there is None and not (slash and not second.resolved):
            return None
        km = _distance_km(*here, *there) if there is not None else None
        if km is not None and km > _PAIR_KM:
            return None
        apart = f", {km:.0f} km from {second.name}" if km is not None else ""
        note = f"the first of the pair {text!r} (a crossing or twin places{apart})"
        return replace(first, query=query, note=f"{note}; {first.note}" if first.note else note)

    def _second_of_slash_pair(
        self, query: str, text: str, slash: bool, first: Resolution, second: Resolution
    ) -> Resolution | None:
        """Resolve a slash pair whose first name is unknown as its second.

        "Erlian/Zamyn-Uud" names one border crossing by its Chinese and Mongolian towns;
        no table holds "Erlian", so the pair is Zamiin Uud, as "Замин Ууд/Эрлянь" is by
        its first name. Only after a slash (a dash may join the ends of a section of
        line), and only when the first name is unknown: a first name that ties between
        places, or names a place with no position, keeps the pair unresolved.
        """
        if not slash or first.resolved or (first.candidates and "ambiguous" in first.note):
            return None
        if not second.resolved or self._spot(second) is None:
            return None
        note = f"the second of the pair {text!r} (twin places; the first is unknown)"
        return replace(second, query=query, note=f"{note}; {second.note}" if second.note else note)

    def _spot(self, r: Resolution) -> tuple[float, float] | None:
        """Return where a resolved station, town or place outside the network lies."""
        if r.lat is not None and r.lon is not None:
            return r.lat, r.lon
        if r.station_id is None or r.station_id not in self._index:
            return None
        st = self._stations[self._index[r.station_id]]
        return (st.lat, st.lon) if st.lat is not None and st.lon is not None else None

    def _country_over_town(self, query: str, found: Resolution) -> Resolution:
        """Weigh a GeoNames town of the network against countries and places outside it.

        "Китай" shares its key with the village Kitoy, "Paris" is an alternate name
        of a Ukrainian village: a country or place outside the network bearing the
        name exactly competes with the town by the rules of :meth:`_pick` (a country
        beats a town; a town needs 10 times the population of each rival).
        """
        if found.station_id is None or found.form is not None:
            return found
        i = self._index.get(found.station_id)
        if i is not None and self._stations[i].tier == 0:
            return self._country_over_station(query, found)
        if i is None or found.precision != "town" or self._stations[i].tier != 1:
            return found
        tokens = list(_query_tokens(query.strip()))  # cached by _resolve_written
        key = tokens_skeleton(tokens) if tokens else ""
        world = WorldPlaces.default()
        text = " ".join(_strip_leading(query.split()))
        rivals = self._form_rivals(text, found)
        own_population = self._stations[i].population
        own_literal = self._written_as(found, text)
        if world.has_key(key) or not self._has_towns:
            for place in self._world_lookup(world, text, key):
                if place.kind == "network_town":
                    rivals += self._town_written_so(query, text, place, found, own_literal)
                    continue
                if not (place.written_as(text) or (not own_literal and place.main_key_is(text))):
                    continue  # "Łebedyń": neither is written so, both own the spelling key
                abroad = place.country not in self._countries
                if (
                    place.kind != "country"
                    and place.population < _POPULATION_LEAD * max(own_population, 1)
                    and (abroad or place.population < _TOWN_FLOOR)
                ):
                    continue  # a smaller namesake abroad (Chita, Japan) never hides a town here
                r = self._world_resolution(query, place, None)
                if r is not None:
                    rivals.append(_Hit(text, r, place.written_as(text), place.population))
        rivals += self._form_places_abroad(query, text, found, own_population, own_literal)
        if not rivals:
            return found
        own = _Hit(text, found, own_literal)
        return self._weigh_rivals(query, own, rivals)

    def _written_town_over_tie(self, query: str, found: Resolution) -> Resolution | None:
        """Return the city a name of tied key-only namesakes names as written, or None.

        "Zaporozhye" shares its spelling key with two villages named Zaporizhzhia and is
        written so among the city Zaporizhzhia's GeoNames names (``town_names.tsv.gz``):
        a town written so that is 10 times larger than each tied place answers.
        """
        if found.resolved or not found.note.endswith("score alike") or not self._has_towns:
            return None
        text = " ".join(_strip_leading(query.split()))
        tied = [c for c, _, sc in found.candidates if sc >= found.score and c in self._index]
        if not tied or any(
            self._written_as(self._found(text, self._stations[self._index[c]], 100.0, (), ""), text)
            for c in tied
        ):
            return None  # a tied place is written so itself
        most = max(self._stations[self._index[c]].population for c in tied)
        world = WorldPlaces.default()
        floor = max(_POPULATION_LEAD * max(most, 1), _POPULATION_MIN)
        for place in world.lookup(text):
            i = self._index.get(place.id)
            if (
                place.kind == "network_town"
                and i is not None
                and place.written_as(text)
                and self._stations[i].population >= floor
            ):
                r = self._world_resolution(query, place, None)
                if r is not None:
                    return r
        return None

    def _town_written_so(
        self, query: str, text: str, place: WorldPlace, found: Resolution, own_literal: bool
    ) -> list[_Hit]:
        """Return the network town ``place`` as a rival when it bears the name as written.

        "Królewiec" is Kaliningrad's Polish name (``town_names.tsv.gz``) and only shares
        its spelling key with Krolevets: the town written so wins (:meth:`_pick`). None
        when the found town bears the name as written itself (``own_literal``).
        """
        if own_literal or place.id == found.station_id or not place.written_as(text):
            return []
        r = self._world_resolution(query, place, None)
        return [] if r is None else [_Hit(text, r, True, place.population)]

    def _form_places_abroad(
        self, query: str, text: str, found: Resolution, own_population: int, own_literal: bool
    ) -> list[_Hit]:
        """Places a case form names as written, for a town the name only spells by its key.

        "Wilnie" only shares a spelling key with the village Vilne (5,000 people); it is
        the Polish locative of "Wilno", which Vilnius bears as written. A place a form
        names as written is a rival the key-only town never beats: it wins when 10 times
        larger, else the name stays ambiguous (:meth:`_weigh_rivals`). None when the
        found town bears the name as written (``own_literal``).
        """
        if own_literal:
            return []
        world = WorldPlaces.default()
        own_key = _spelling_key(text)
        floor = _POPULATION_LEAD * max(own_population, 1)
        rivals: list[_Hit] = []
        for form in lemma_forms(text):
            key = _spelling_key(form)
            if key == own_key or not world.has_key(key) or self._written_as(found, form):
                continue  # "Odessie": Odesa bears "Odessa" itself, not only Odessa (Texas)
            for place in world.lookup(form, key):
                if place.kind == "country" or place.id == found.station_id:
                    continue
                if not place.written_as(form) or place.population < _POPULATION_MIN:
                    continue
                r = self._world_resolution(query, place, form)
                if r is not None:
                    rivals.append(_Hit(form, r, place.population >= floor, place.population))
        return rivals

    def _weigh_rivals(self, query: str, own: _Hit, rivals: list[_Hit]) -> Resolution:
        """Pick among a network town and its rivals; a rival sharing only a key never wins.

        "Łebedyń", "Baranivka station": when neither place is written so, a spelling key
        shared with a larger namesake makes the name ambiguous, never the other place.
        """
        picked = self._pick(query, [own, *rivals])
        if own.literal or not picked.resolved or picked.station_id is not None:
            return picked  # the town, or a network place a case form names ("Полацка")
        if any(h.literal for h in rivals):
            return picked
        known = self._population(own) > 0  # GeoNames gives Fokino (Bryansk oblast) 0 people
        if picked.name == own.resolution.name and picked.country in self._countries and known:
            # "Klimowo": the key is shared by two places of one name (Klimovo of Bryansk
            # oblast, 14,500 people, and a Crimean village of 640), not by two names:
            # namesakes of the network's countries, of which the one 10 times larger
            # wins as its own name would (a namesake abroad, Flora of Suriname, does not)
            why = f"the much larger of the places named {picked.name}"
            return replace(picked, note=f"{why}; {picked.note}" if picked.note else why)
        names = ", ".join(f"{h.resolution.name}" for h in [own, *rivals][:4])
        return Resolution(
            query=query,
            resolved=False,
            score=own.resolution.score,
            candidates=tuple((h.target, h.resolution.name or "", 100.0) for h in [own, *rivals]),
            note=f"ambiguous: places of that spelling: {names}",
        )

    def _country_over_station(self, query: str, found: Resolution) -> Resolution:
        """Prefer a country written exactly to a station that only shares its spelling key.

        "Китай" is China, not ru-rail's station Китой (one key, another word): a
        station keeps a name it bears as written.
        """
        text = " ".join(_strip_leading(query.split()))
        key = name_key(text)
        world = WorldPlaces.default()
        if not world.has_key(key) or self._written_as(found, text):
            return found
        for place in world.lookup(text, key):
            if place.kind == "country" and place.written_as(text):
                r = self._world_resolution(query, place, None)
                if r is not None:
                    note = f"{found.name} ({found.station_id}) only shares its spelling"
                    return replace(r, note=f"{r.note}; {note}" if r.note else note)
        for place in world.lookup(text, key):
            # "Dzeržinsk": Dzerzhinsk (Nizhny Novgorod oblast) is written so, the station
            # Dzerzhinsk (Belarus) only shares the key: neither is sure
            if place.kind != "network_town" or not place.written_as(text):
                continue
            r = self._world_resolution(query, place, None)
            spot, there = self._spot(found), self._spot(r) if r is not None else None
            if r is None or spot is None or there is None:
                continue
            if _distance_km(*spot, *there) > self.settings.same_place_km:
                return Resolution(
                    query=query,
                    resolved=False,
                    score=found.score,
                    candidates=(
                        (place.id, r.name or "", 100.0),
                        (found.station_id or "", found.name or "", found.score),
                    ),
                    note=f"ambiguous: {r.name} ({place.id}) bears the name as written, "
                    f"and the station {found.name} ({found.station_id}) shares its spelling",
                )
        return found

    def _form_rivals(self, text: str, found: Resolution) -> list[_Hit]:
        """Places a case form of a name names exactly, other than the town it spells.

        "Smoleńska" is spelled like the village Smolenskaya and is the Polish
        genitive of Smoleńsk: the city competes with the village by the rules of
        :meth:`_pick`, so the village never wins by spelling alone.
        """
        rivals = []
        own_key = _spelling_key(text)
        for form in lemma_forms(text):
            if _spelling_key(form) == own_key:
                continue  # spelled like the name itself: the spelling already chose
            r = self._resolve_form(form) if self._may_name(form) else None
            if r is not None and r.resolved and r.station_id != found.station_id:
                named = _names_region(r, form, text)  # "Смоленщина": not the village
                rivals.append(_Hit(form, r, named or self._written_as(r, form)))
        return rivals

    def _resolve_fallback(
        self, query: str, found: Resolution, lang: str | None
    ) -> Resolution | None:
        """Resolve an unresolved name by its nominative forms and by places outside the network.

        The forms (:func:`railtrack.inflection.lemma_forms`) are looked up exactly,
        never fuzzily; so are the name and its forms among the countries and places
        outside the network (:class:`railtrack.world_places.WorldPlaces`). A name the
        gazetteer knows fuzzily (a candidate at the minimum score or more) is left
        unresolved: an inflection or a foreign place is not preferred to a near
        spelling of a network station, unless the forms name that very station (the
        genitive "Ростова" of Rostov) or its town (the locative "Брянске" of Bryansk,
        whose stations are the near spellings).
        """
        near = {c for c, _, sc in found.candidates if sc >= self.settings.resolve_min_score}
        if near and "a case form of" not in found.note:
            return self._fallback_near(query, found, near, lang)
        text = " ".join(_strip_leading(query.split()))
        if not text:
            return None
        forms = lemma_forms(text, lang)
        # "Тихорецкая", "на Тихорецкую": the station named after its town, Tikhoretsk
        towns_of = tuple(
            t for f in (text, *forms[:6]) if " " not in f for t in station_town_forms(f)
        )
        # a station's town lies on the track: never a place the track does not reach
        # ("Угольная" is no station of Karpinsk, once called Угольный)
        off_track = set(towns_of) - set(forms) - {text}
        forms += towns_of
        world = WorldPlaces.default()
        hits: list[_Hit] = []
        for form in forms:
            r = self._resolve_form(form) if self._may_name(form) else None
            if r is not None:
                # "на Смоленщине": the "-щина" word names the region, whatever else
                # (the village Smolenshchina) bears it
                named = _names_region(r, form, text)
                hits.append(_Hit(form, r, named or self._written_as(r, form, respelled=True)))
        hits += self._clashing_own_name(query, text, found)
        towns = [self._population(h) for h in hits if self._hit_class(h) == 2]
        for form in (text, *forms):
            if form in off_track:
                continue
            for place in self._world_lookup(world, form, _spelling_key(form)):
                if self._world_hit_allowed(place, form, towns, bool(hits)) and not (
                    place.country != "BY" and _o_for_a(text, place.name)
                ):
                    r = self._world_resolution(query, place, form if form != text else None)
                    if r is not None:
                        hits.append(_Hit(form, r, place.written_as(form), place.population))
        if not hits:
            port = self._port_town(query, text, lang)
            return port if port is not None else self._station_abroad(query, text, lang)
        picked = self._pick(query, hits)
        picked = self._tied_nominative_guard(query, forms, picked, hits)
        return self._near_town_guard(query, text, picked, hits)

    def _fallback_near(
        self, query: str, found: Resolution, near: set[str], lang: str | None
    ) -> Resolution | None:
        """Return the fallback's answer for a name with near spellings, when it names them.

        The answer without the near spellings is kept only when it is one of them or
        their town, and either a case form written so ("Ростова": its nominative
        "Ростов" is a name of the near spelling, Rostov) or, on a network without
        towns, the town written so at its nearest station ("Карталы" on ru-rail,
        whose stations are Карталы 1, Карталы-II). None otherwise.
        """
        confirmed = self._resolve_fallback(query, replace(found, candidates=()), lang)
        if confirmed is None or not self._near_place(confirmed, near):
            return None
        if not confirmed.form:
            return confirmed if self._snapped_town(confirmed) else None
        return confirmed if self._written_as(confirmed, confirmed.form) else None

    def _port_town(self, query: str, text: str, lang: str | None) -> Resolution | None:
        """Resolve a port named by its town to the town (precision ``town``).

        "Port of San Diego", "portu Charleston", "порт Клайпеда", "Клайпедского порта",
        "Маріупольського порту": the port word is dropped and the rest, or the town of
        its adjective ("Клайпедского" -> Клайпеда, "Маріупольського" -> Маріуполь), must
        name exactly one place exactly (score 100); a tie or two readings stay
        unresolved.
        """
        words = [w for w in re.split(r"[\s\-–—]+", text) if w]
        rest = [w for w in words if not _PORT_WORD.match(w)]
        if len(words) < 2 or len(rest) == len(words) or not rest:
            return None
        if rest[0].casefold() == "of":  # "Port of San Diego"
            rest = rest[1:]
        name = " ".join(rest)
        places: dict[tuple[str | None, str | None], Resolution] = {}
        for form in (name, *_adjective_towns(name)):
            r = self.resolve(form, lang=lang) if lang else self.resolve(form)
            if r.resolved and r.region is None and r.score >= 100.0 and _spelt_as(form, r):
                places.setdefault((r.station_id, r.name), r)
        if len(places) != 1:
            return None
        (r,) = places.values()
        note = f"resolved to the town: {text!r} names its port"
        return replace(r, query=query, precision="town", note=note)

    def _station_abroad(self, query: str, text: str, lang: str | None) -> Resolution | None:
        """Resolve a station abroad named by its town and a role or direction word.

        "Warszawa Wschodnia", "Przemyśl Główny", "Пшемисль Головний": no table lists the
        stations of towns outside the network, but the town is their place, so the name
        resolves to the town (precision "town"), as "Minsk-Vostochny" resolves to Minsk
        when the network has no such station. Only a word of :data:`_ROLE_OR_SIDE` counts
        (never an adjective that is part of a name, "Biała Podlaska"), only the town
        itself may resolve, as written (a tie stays a tie: "Донецк-Северный"; a case
        form is a name of its own: "Karolinie Południowej", South Carolina, is no station
        of Carolina), and only to a place outside the network (the network's own towns
        are :meth:`_resolve_written`'s).
        """
        words = [w for w in re.split(r"[\s\-–—]+", text) if w]
        if len(words) != 2 or not _ROLE_OR_SIDE.match(_ascii_fold(words[1])):
            return None
        head = self.resolve(words[0], lang=lang) if lang else self.resolve(words[0])
        if not head.resolved or head.in_network is not False or head.region is not None:
            return None
        if head.form not in (None, words[0]):
            return None  # a case form ("Karolinie Południowej"): a name in its own right
        if head.precision not in ("town", None):
            return None
        note = f"resolved to the town: {text!r} names one of its stations, which no table lists"
        return replace(head, query=query, precision="town", form=words[0], note=note)

    def _tied_nominative_guard(
        self, query: str, forms: Sequence[str], picked: Resolution, hits: list[_Hit]
    ) -> Resolution:
        """Unresolve a place off the network when a nominative of the name ties on it.

        "Николаевом" is the instrumental of "Николаев", which names Mykolaiv (470,000
        people), Mykolaiv of Lviv oblast and Mykolaivka alike on the network: the
        nominative is an honest tie, so its case form does not pick the Rostov village
        Nikolayev (630 people, off the track) that bears the nominative as its own name.
        A place off the network beats the tie only with 10 times the people of each
        tied place (a city abroad against two villages of the network).
        """
        if not picked.resolved or picked.in_network is not False or picked.station_id:
            return picked
        size = max((h.population for h in hits if h.resolution.name == picked.name), default=0)
        for form in forms:
            tied = self._exact_tie(form) if self._may_name(form) else ()
            if not tied or size >= _POPULATION_LEAD * max(st.population for st in tied):
                continue
            names = ", ".join(f"{st.name} ({st.id}, {st.population:,})" for st in tied[:3])
            return Resolution(
                query=query,
                resolved=False,
                score=picked.score,
                candidates=(
                    *((st.id, st.name, 100.0) for st in tied),
                    *picked.candidates,
                ),
                note=f"ambiguous: its nominative {form!r} names {names} alike on the "
                f"network; {picked.name} off the track bears it too",
            )
        return picked

    def _exact_tie(self, form: str) -> tuple[_Station, ...]:
        """Return the network towns an exact nominative names alike, when it names several."""
        tokens = name_tokens(form)
        while len(tokens) > 1 and tokens[0] in _LEADING:
            tokens = tokens[1:]
        if not tokens:
            return ()
        found = self._resolve_tokens(form, tokens, exact=True)
        if found.resolved or not found.note.startswith("ambiguous"):
            return ()
        top = max((sc for _, _, sc in found.candidates), default=0.0)
        if top < self.settings.resolve_base_score:
            return ()
        return tuple(
            self._stations[self._index[c]]
            for c, _, sc in found.candidates
            if sc == top and c in self._index
        )

    @staticmethod
    def _km(spot: tuple[float, float], place: WorldPlace) -> float:
        if place.lat is None or place.lon is None:
            return math.inf
        return _distance_km(*spot, place.lat, place.lon)

    def _near_town_guard(
        self, query: str, text: str, picked: Resolution, hits: list[_Hit]
    ) -> Resolution:
        """Unresolve a guessed case form's place when the name is a near spelling of another town.

        On the default network a near spelling of a town (the national layer, fuzzy)
        keeps a case form from naming another place. A network without that layer
        (ru-rail, an OpenStreetMap extract) asks the layer's towns instead: "Gatjina" is
        a near spelling of Gatchina, so its "nominative" "Gatjin", which only shares a
        key with Khotyn, does not answer; nor does "Drogijina" (Drogichin) name
        Drahynia by its key. Only a place named by a key alone (not as written) is
        doubted; a near town at the place itself confirms it.
        """
        if self._has_towns or not picked.resolved or picked.precision != "town":
            return picked
        form = picked.form or text
        won = [h for h in hits if h.form == form and h.resolution.name == picked.name]
        spot = self._spot(picked)
        if not won or any(h.literal for h in won) or spot is None:
            return picked
        key = _spelling_key(text)
        world = WorldPlaces.default()
        near = [
            (p, s)
            for p, k, s in world.national_near(text, self.settings.resolve_min_score)
            if _fuzzy_plausible(key, k, s)
        ]
        at = [s for p, s in near if self._km(spot, p) <= self.settings.same_place_km]
        far = [(p, s) for p, s in near if self._km(spot, p) > self.settings.same_place_km]
        if not far or (at and max(at) > far[0][1]):
            return picked  # no near town elsewhere, or the nearest spelling is the place's
        town, score = far[0]
        size = max((self._population(h) for h in won), default=0)
        if size >= _POPULATION_MIN and size >= _POPULATION_LEAD * max(town.population, 1):
            return picked  # "Kamiańskie": the city Kamianske, not a village spelled alike
        own = picked.station_id or (picked.candidates[0][0] if picked.candidates else "")
        return Resolution(
            query=query,
            resolved=False,
            score=score,
            candidates=((own, picked.name or "", 100.0), (town.id, town.name, score)),
            note=f"ambiguous: {form!r} shares only a spelling key with a name of "
            f"{picked.name}, and the name{_NEAR_TOWN_NOTE} {town.name} ({town.id}, "
            f"{town.country}, {town.population:,} people)",
        )

    def _near_place(self, r: Resolution, near: set[str]) -> bool:
        """Whether ``r`` is one of the ``near`` candidates or the town of one of them.

        "в Брянске": its nominative names the town Bryansk, whose stations
        Bryansk-Orlovsky and Bryansk-Lgovsky are the near spellings.
        """
        if r.station_id in near:
            return True
        i = self._index.get(r.station_id or "")
        if i is None:
            return False
        st = self._stations[i]
        return any(
            self._same_place(st, self._stations[self._index[c]]) for c in near if c in self._index
        )

    def _clashing_own_name(self, query: str, text: str, found: Resolution) -> list[_Hit]:
        """Return the place a name spells as written, when a case form of it names another.

        "Пятихатки" is the town P'iatykhatky and looks like a case form of
        "Пятихатка" (a Crimean village): :meth:`_case_form_clash` leaves it
        ambiguous, and the fallback must weigh the town the name spells beside the
        village its nominative spells, never drop it.
        """
        if _CLASH_NOTE not in found.note or not found.candidates:
            return []
        sid = found.candidates[0][0]
        if sid not in self._index:
            return []
        st = self._stations[self._index[sid]]
        own = self._found(query, st, 100.0, ((st.id, st.name, 100.0),), "")
        return [_Hit(text, own, self._written_as(own, text))]

    def _world_lookup(self, world: WorldPlaces, form: str, key: str) -> list[WorldPlace]:
        """Countries and places outside the network bearing a name of ``form``'s key.

        On a network without the national town layer, its towns of RU, BY and UA in
        countries the network has no station of count as places outside it.
        """
        found = world.lookup(form, key)
        if not self._has_towns and key:
            # a town of a country the network covers only by its own name's key: an
            # alternate name ("Lenino", a former name of Moscow's Tsaritsyno) is not
            # enough where the network's own stations may bear the name; a city of
            # _CITY_POPULATION or more bearing the name as written is that city ("Москва",
            # "Петербург", "Луганськ"), never a namesake abroad (F66)
            towns = world.national_towns(form, key)
            seen = {p.id for p in towns}
            for p in found:  # "Mohylew": a name only the more-names table keys
                t = world.national_town(p.id) if p.kind == "network_town" else None
                if t is not None and t.id not in seen and t.written_as(form):
                    towns.append(t)
            for p in towns:
                if p.id in self._index:
                    continue
                if p.population >= _CITY_POPULATION:
                    p = _with_all_names(world, p)
                    if p.written_as(form) and not world.in_larger_town(p, _PAIR_KM):
                        found.append(p)
                        continue
                if p.country not in self._countries or p.main_key_is(form):
                    found.append(p)
        return found

    def _world_hit_allowed(
        self, place: WorldPlace, form: str, towns: list[int], network_hits: bool
    ) -> bool:
        """Whether a country or place outside the network may answer a form of a name."""
        literal = place.written_as(form)
        if not (literal or place.main_key_is(form)):
            return False  # only an alternate name's key: too loose off the network
        if not literal and _last_vowels_differ(form, place.name):
            return False  # "Ліда" is not Lido: the key merges "-a" and "-o"
        abroad = place.kind == "town" and place.country not in self._countries
        if (
            not literal
            and abroad
            and place.country not in _CYRILLIC_COUNTRIES
            and not _latin_near(form, place.name)
        ):
            return False  # "Garrett" is not Haret (RO): the key merges g/h, rr/r, tt/t
        if (
            not literal
            and abroad
            and place.country in _LATIN_SCRIPT_COUNTRIES
            and _cyrillic(form)
            and not _near_theatre(place.lat, place.lon)
            and Levenshtein.distance(_ascii_fold(to_latin(form)), _ascii_fold(place.name)) > 1
        ):
            # "Ясень" (a Belarusian station) is not Assen (NL) nor Jasień (PL): a town of a
            # Latin-script country far from the area reports are about is named in
            # Cyrillic by a Cyrillic name of its own ("Дуйсбург") or by its name letter
            # for letter ("Медыка", Medyka), never by a name that only shares its key
            return False
        if abroad and station_word(form):
            return False  # "Union Station" is no station of Union (US): none abroad is known
        if towns and abroad and place.population < _POPULATION_LEAD * max(max(towns), 1):
            return False  # a smaller namesake abroad never hides a town here ("под Читою")
        # nor does a village abroad hide a station here ("w Orle": Orzeł, not Orle)
        return not (network_hits and abroad and place.population < _POPULATION_MIN)

    @staticmethod
    def _form_key(form: str) -> tuple[str, str]:
        """Spelling key of a form without leading prepositions, and its region core key."""
        return _form_key(form)

    def _may_name_a_place(self, keys: tuple[str, str]) -> bool:
        """Whether a form's key is a network name or a region's (a cheap filter)."""
        key, core = keys
        if not key:
            return False
        if key in self._exact:
            return True
        return self._region_index.has_key(key, core)

    def _may_name(self, form: str) -> bool:
        """:meth:`_may_name_a_place` of ``_form_key(form)``, the region core only when needed."""
        key = _spelling_key(form)
        if not key:
            return False
        if key in self._exact:
            return True
        return self._region_index.has_key(key, _core_key(form))

    def _written_as(self, r: Resolution, form: str, *, respelled: bool = False) -> bool:
        """Whether a network place or region bears ``form`` exactly as written.

        With ``respelled``, a Russian name spelled in Ukrainian letters counts too:
        "Ліски" (the nominative of "у Лісках") is Liski's "Лиски" as Ukrainian writes it.
        """
        if r.station_id is None:
            region = next((x for x in self._regions if x.key == r.region), None)
            names = [r.region or "", *(region.aliases if region is not None else ())]
        else:
            names = [*self._written.get(r.station_id, ())]
            names += WorldPlaces.default().extra_names(r.station_id)
        want = _fold(form)
        if any(_fold(str(n)) == want for n in names):
            return True
        return respelled and any(_fold(_ru_in_uk_letters(str(n))) == want for n in names)

    def _world_resolution(
        self, query: str, place: WorldPlace, form: str | None
    ) -> Resolution | None:
        """Return the resolution a country or a place outside the network gives."""
        note = f"resolved as the nominative {form!r}; " if form else ""
        if place.kind == "network_town":
            if place.id not in self._index:
                return None
            st = self._stations[self._index[place.id]]
            return replace(
                self._found(query, st, 100.0, ((st.id, st.name, 100.0),), "town"),
                form=form,
                note=note + "a GeoNames alternate name of the town",
            )
        if place.kind == "country":
            for ri, region in enumerate(self._regions):
                if place.country in region.countries:
                    return replace(self._region_result(query, ri, 100.0, (), note), form=form)
            return Resolution(
                query=query,
                resolved=True,
                name=place.name,
                score=100.0,
                note=note + "a country: no station, no route",
                precision="country",
                form=form,
                in_network=False,
                country=place.country,
            )
        near = self._station_near_town(place)
        if near is not None:
            st, km = near
            found = self._found(query, st, 100.0, ((place.id, place.name, 100.0),), "town")
            where = f"the town {place.name} ({place.country}), at the network's station"
            return replace(
                found,
                form=form,
                snap_km=round(km, 2),
                country=found.country or place.country,
                note=note + f"{where} nearest it: {st.name}, {km:.1f} km",
            )
        return Resolution(
            query=query,
            resolved=True,
            name=place.name,
            score=100.0,
            candidates=((place.id, place.name, 100.0),),
            note=note + self._outside_note(place.country),
            precision="town",
            form=form,
            in_network=False,
            country=place.country,
            lat=place.lat,
            lon=place.lon,
        )

    def _station_near_town(self, place: WorldPlace) -> tuple[_Station, float] | None:
        """Return the station of a network without towns nearest a town, and its distance.

        Only on a network without the national town layer (ru-rail, an OpenStreetMap
        extract) and for a town of one of its countries: "Брянск" on ru-rail, which
        lists Брянск-Орловский and Брянск-Льговский but no station "Брянск", is the
        town Bryansk at its nearest station. Within :attr:`Settings.town_snap_km`, a
        station joined to the track comes before an isolated one (ru-rail's
        Москва-Пассажирская-Курская has no link); then the station named as the town
        without a distinguishing word (Москва-Пассажирская: its base is the town's
        name), then one whose name begins with the town's (Брянск-Орловский), by role
        rank, then any station, each nearest first; None when nothing placed lies
        within that distance.
        """
        if self._has_towns or place.lat is None or place.lon is None:
            return None
        if place.country not in self._countries:
            return None
        limit = self.settings.town_snap_km
        keys = {name_key(n) for n in place.names} - {""}
        near: list[tuple[bool, bool, bool, int, float, int]] = []
        for i in self._grid_near(place.lat, place.lon, limit):
            st = self._stations[i]
            if st.lat is None or st.lon is None:  # the grid holds placed stations only
                continue
            km = _distance_km(place.lat, place.lon, st.lat, st.lon)
            if km <= limit:
                named = bool(st.bases & keys)  # "Москва-Пассажирская": the town's own
                own = named or tokens_skeleton(name_tokens(st.name)[:1]) in keys
                rank = st.rank if own else 0
                near.append((st.degree == 0, not own, not named, rank, km, i))
        if not near:
            return None
        *_, km, i = min(near)
        return self._stations[i], km

    def _snapped_town(self, r: Resolution) -> bool:
        """Whether a resolution is a town off the network, at its nearest station.

        Such a resolution (:meth:`_station_near_town`) lists the town first among its
        candidates, a place the network does not hold; a station found by its own name
        lists network places only ("Челябинска": Челябинск-Главный after the park
        ЧЕЛЯБИНСК-А, review18 #10).
        """
        return (
            r.station_id is not None
            and bool(r.candidates)
            and r.candidates[0][0] != r.station_id
            and r.candidates[0][0] not in self._index
        )

    def _grid_near(self, lat: float, lon: float, km: float) -> list[int]:
        """Return the placed stations in the grid cells within ``km`` of a point.

        Cells are :data:`_GRID_DEG` degrees (built on first use); as many rings of
        cells are read as ``km`` spans at the point's latitude (one each way for the
        default ``town_snap_km`` south of about 70 degrees north), so a larger setting
        never misses a station (review18 #15).
        """
        if self._grid is None:
            grid: dict[tuple[int, int], list[int]] = defaultdict(list)
            for i, st in enumerate(self._stations):
                if st.tier == 0 and st.placed and st.lat is not None and st.lon is not None:
                    grid[(int(st.lat // _GRID_DEG), int(st.lon // _GRID_DEG))].append(i)
            self._grid = dict(grid)
        y, x = int(lat // _GRID_DEG), int(lon // _GRID_DEG)
        cell_km = _KM_PER_DEGREE * _GRID_DEG
        ny = math.ceil(km / cell_km)
        nx = math.ceil(km / max(cell_km * math.cos(math.radians(min(abs(lat), 89.0))), 1e-6))
        return [
            i
            for dy in range(-ny, ny + 1)
            for dx in range(-nx, nx + 1)
            for i in self._grid.get((y + dy, x + dx), ())
        ]

    def _outside_note(self, country: str) -> str:
        """Say why a town is off the network: abroad, or a gap in the national layer."""
        if country in self._countries and not self._has_towns:
            return (
                f"a town of {country} this network has no station or town of that name "
                "for (a network without the national town layer)"
            )
        if country in self._countries:  # Yeysk, Svatove: rail towns whose line is missing
            return (
                f"a town of {country} the network's track does not reach (no track within "
                "15 km: the national layer lacks its line)"
            )
        return f"a town outside the network area ({country})"

    def _hit_class(self, h: _Hit) -> int:
        """0 a curated station, 1 a region or country, 2 a town (network or outside)."""
        r = h.resolution
        if r.station_id is not None and r.station_id in self._index and not self._snapped_town(r):
            return self._stations[self._index[r.station_id]].tier * 2
        return 1 if r.precision in ("region", "country") else 2

    def _pick(self, query: str, hits: list[_Hit]) -> Resolution:
        """One place among the exact hits of a name and its forms, or unresolved on a tie.

        Hits whose place bears the form exactly as written beat those that only share
        its key. Then a curated station beats a town, a region or country beats a
        town, a station and a region tie; among towns one wins only with at least
        10 times the population of each other (and 5,000 inhabitants).
        """
        if any(h.literal for h in hits):
            hits = [h for h in hits if h.literal]
        unique = list({h.target: h for h in reversed(hits)}.values())[::-1]
        classes = {self._hit_class(h) for h in unique}
        best_class = min(classes)
        top = [h for h in unique if self._hit_class(h) == best_class]
        winner: _Hit | None = None
        if not (best_class == 0 and (1 in classes or self._city_apart(top, unique))):
            winner = self._lead(top, best_class)
        if winner is not None:
            r = winner.resolution
            if r.form is None and winner.form != " ".join(_strip_leading(query.split())):
                note = f"resolved as the nominative {winner.form!r}"
                r = replace(r, form=winner.form, note=f"{note}; {r.note}" if r.note else note)
            return replace(r, query=query)
        names = ", ".join(f"{h.form!r}: {h.resolution.name}" for h in unique[:4])
        return Resolution(
            query=query,
            resolved=False,
            score=max(h.resolution.score for h in unique),
            candidates=tuple((h.target, h.resolution.name or "", 100.0) for h in unique),
            note=f"ambiguous: the name or a case form of it names {names}",
        )

    def _city_apart(self, stations: list[_Hit], hits: list[_Hit]) -> bool:
        """Whether another form of the name names a city away from the stations it names.

        "Львова" is the genitive of Lviv (717,000 people) and of ru-rail's halt Львово:
        a station one case form names does not beat a city another form names.
        """
        forms = {h.form for h in stations}
        for h in hits:
            if h.form in forms or self._hit_class(h) != 2 or self._population(h) < _CITY_POPULATION:
                continue
            spot = self._spot(h.resolution)
            if spot is None:
                continue
            if not any(
                (s := self._spot(st.resolution)) is not None
                and _distance_km(*spot, *s) <= self.settings.same_place_km
                for st in stations
            ):
                return True
        return False

    def _lead(self, top: list[_Hit], best_class: int) -> _Hit | None:
        """Return the one hit that leads the others of its class, or None."""
        if len(top) == 1:
            return top[0]
        if best_class == 0:
            order = sorted(
                top, key=lambda h: self._order(self._index[h.target], h.resolution.score)
            )
            st = self._stations[self._index[order[0].target]]
            others = [self._index[h.target] for h in order[1:]]
            if all(self._outranks(st, order[0].resolution.score, i) for i in others):
                return order[0]
            return None
        if best_class == 2:
            order = sorted(top, key=lambda h: -self._population(h))
            lead, second = self._population(order[0]), self._population(order[1])
            if lead >= _POPULATION_MIN and lead >= _POPULATION_LEAD * max(second, 1):
                if second < _TOWN_FLOOR or self._capital_hit(order[0]):
                    return order[0]
                if self._in_theatre(order[0]):
                    return order[0]
                big = [h for h in order[1:] if self._population(h) >= _TOWN_FLOOR]
                if not any(self._in_theatre(h) for h in big):
                    return order[0]
        return None

    def _in_theatre(self, h: _Hit) -> bool:
        """Whether a hit lies within :data:`_THEATRE_KM` of a station of the theatre network.

        The theatre network (``data/network/stations.csv``: Belarus, western Russia, the
        Donbas) marks the area reports are about, whatever network resolves the name;
        read on the rare ties between towns only.
        """
        spot = self._spot(h.resolution)
        return spot is not None and _near_theatre(*spot)

    def _capital_hit(self, h: _Hit) -> bool:
        sid = h.resolution.station_id
        return sid is not None and sid in self._index and self._gives_region_name(sid)

    def _gives_region_name(self, station_id: str) -> bool:
        """Whether a town is the city its region is named after (Kaliningrad, Kirov, Bryansk).

        Read on the rare ties between namesakes, never per name: a regional capital
        keeps its name against other towns that bear it (Korolev, once Kaliningrad).
        """
        i = self._index.get(station_id)
        if i is None or self._stations[i].tier != 1:
            return False
        if self._stations[i].population < _CITY_POPULATION:
            return False  # "Primorskiy": a village of the krai named after the sea
        where = self.place(station_id).get("region")
        st = self._stations[i]
        cores = {
            region_core(name_tokens(n))[0] for n in (st.name, *self._written.get(st.id, ())[:3])
        }
        return any(
            where in r.station_regions and region_core(name_tokens(r.key))[0] in cores
            for r in self._regions
            if r.kind == "region"
        )

    def _population(self, h: _Hit) -> int:
        sid = h.resolution.station_id
        if sid is not None and sid in self._index and not self._snapped_town(h.resolution):
            return self._stations[self._index[sid]].population
        return h.population

    def _resolve_form(self, form: str) -> Resolution | None:
        """Resolve a nominative form exactly (a region alias or a place's name), never fuzzily."""
        tokens = name_tokens(form)
        while len(tokens) > 1 and tokens[0] in _LEADING:
            tokens = tokens[1:]
        if not tokens:
            return None
        region = self._region_index.match(tokens)
        found = self._resolve_tokens(form, tokens, exact=True)
        wins = region.explicit or self._region_wins(region.score, found)
        if region.index is not None and region.score >= 100.0 and wins:
            return self._region_result(form, region.index, 100.0, (), "")
        if found.resolved and found.score >= self.settings.resolve_base_score:
            return found
        return None

    def _resolve_written(self, query: str) -> Resolution:
        stripped = query.strip()
        if stripped in self._index:  # a station id
            st = self._stations[self._index[stripped]]
            return self._found(query, st, 100.0, ((st.id, st.name, 100.0),), "")
        if stripped in self._places:  # a track node of the national layer, by id
            name = str(self._places[stripped].get("name") or stripped)
            return Resolution(
                query=query,
                resolved=True,
                station_id=stripped,
                name=name,
                score=100.0,
                candidates=((stripped, name, 100.0),),
                precision="station",
            )
        tokens = list(_query_tokens(stripped))
        if not tokens:
            return Resolution(query=query, resolved=False, note="no letters or digits in name")
        region = self._region_index.match(tokens)
        if region.explicit:  # "... oblast", "... region": never a station
            return self._region_result(query, region.index, region.score, (), region.note)
        found = self._resolve_tokens_once(query, tokens)
        if region.index is not None and self._region_wins(region.score, found):
            return self._region_result(query, region.index, region.score, found.candidates, "")
        if found.resolved and found.station_id is not None:
            clash = self._case_form_clash(query, found)
            if clash is not None:
                return clash
            # a near spelling too ("Kamenskayo", 94, for Kamenskaya): the rule is the
            # name's ending, not the score
            if self._other_word(tokens, found.station_id):
                return Resolution(
                    query=query,
                    resolved=False,
                    score=found.score,
                    candidates=found.candidates,
                    note=f"no place of that name: {found.name} ({found.station_id}) is "
                    "another word (its last letter differs)",
                )
        if not found.resolved and len(tokens) > 1 and all(map(_is_suffix, tokens[1:])):
            return self._suffixed_town(query, tokens, found)
        return found

    def _suffixed_town(self, query: str, tokens: list[str], found: Resolution) -> Resolution:
        """Resolve "Минск-Сортировочный" (a station word after a town) to the town.

        The town at geo precision ``town`` with a note that the station is unknown;
        ``found`` (unresolved) when the words name two places or no town.
        """
        head = self._resolve_tokens(query, tokens[:1], plain=True)
        if not head.resolved and all(map(is_station_role_word, tokens[1:])):
            # "Brześć-Południowa": a town named by a station's alias ("Brześć
            # Kujawski" names another town: its word is no station's)
            head = self._town_of_station_alias(query, tokens[:1], head)
        # a tail of station-role and compass words only ("Северный" of
        # "Брест-Северный") is never a second place, though a town bears it
        roles_only = all(map(is_station_role_word, tokens[1:]))
        tail = found if roles_only else self._resolve_tokens(query, tokens[1:], exact=True)
        if tail.resolved and tail.station_id is not None and tail.score >= 100.0:
            return found  # "Valuyki-Liski", "Osinovka–Krasnoye": two places (_resolve_pair)
        if head.resolved and head.score >= self.settings.resolve_base_score:
            note = _unknown_station_note(tokens, head.name)
            return replace(head, precision="town", note=note, candidates=found.candidates)
        return found

    def _town_of_station_alias(
        self, query: str, tokens: list[str], unresolved: Resolution
    ) -> Resolution:
        """Resolve a town name that only a station of the town carries, to the town.

        "Brześć" is an alias of Brest-Tsentralny, and the town table (its aliases
        capped) lacks it, so "Brześć-Południowa" found no town for its suffix rule.
        The station's own name less its distinguishing words ("Brest") names the town
        (:meth:`_resolve_tokens`, ``plain``) when it lies within
        ``Settings.same_place_km`` of the station; never the station itself, which is
        another station of that town. ``unresolved`` is returned otherwise.
        """
        bare = self._resolve_tokens(query, tokens)
        if not bare.resolved or bare.station_id not in self._index:
            return unresolved
        station = self._stations[self._index[bare.station_id]]
        own = name_tokens(station.name)
        if station.tier != 0 or len(own) < 2 or not all(map(_is_suffix, own[1:])):
            return unresolved
        town = self._resolve_tokens(query, own[:1], plain=True)
        if not town.resolved or town.station_id not in self._index:
            return unresolved
        if not self._same_place(station, self._stations[self._index[town.station_id]]):
            return unresolved
        return town

    def _resolve_tokens_once(self, query: str, tokens: list[str]) -> Resolution:
        """Return :meth:`_resolve_tokens`, scored once per distinct token list.

        Its answer depends on the query only through the ``query`` field.
        """
        key = tuple(tokens)
        found = self._token_cache.get(key)
        if found is None:
            found = self._resolve_tokens(query, tokens)
            if len(self._token_cache) < 1_000_000:
                self._token_cache[key] = found
        if found.query == query:
            return found
        # a shallow copy with another query: dataclasses.replace would run __init__ and
        # copy.copy goes through __reduce_ex__; both cost more than the fields
        same = object.__new__(Resolution)
        same.__dict__.update(found.__dict__)
        object.__setattr__(same, "query", query)
        return same

    def _case_form_clash(self, query: str, found: Resolution) -> Resolution | None:
        """Unresolve a Cyrillic name that may be a case form of another place's name.

        "Борисова" is the town Borisovo, or the genitive of Borisov; when a
        nominative the ending may stand for names another place exactly, the name is
        ambiguous (de-inflect it first, e.g. with the languages module).
        """
        m = _CYRILLIC_WORD_END.search(query.strip())
        if m is None and found.station_id is not None:
            return self._latin_case_form_clash(query, found)
        if m is None or found.station_id is None:
            return None
        word = m.group(1)
        best = self._stations[self._index[found.station_id]]
        for ending, nominative in _CASE_ENDINGS:
            stem = word[: len(word) - len(ending)]
            if (
                not word.lower().endswith(ending)
                or len(stem) < _CASE_STEM_LEAST
                or stem[-1].lower() in _VOWELS
            ):
                continue  # "Красное" is an adjective's nominative, not a case form
            form = query.strip()[: m.start()] + stem + nominative
            rival = self._exact_rival(form, best)
            exact = found.score >= 100.0  # a near spelling: _named_elsewhere weighs the city
            city = (
                self._city_named(form) if rival is None and exact and not self._has_towns else None
            )
            if city is not None and self._own_town_outweighs(best, query.strip(), city):
                city = None  # "Самара": the station of the city Samara, not Samar's genitive
            if city is not None and not self._at_station(best, city):
                # "Львова" on ru-rail: the station Львово, or Lviv's genitive
                return _city_case_clash(query, found, best, form, city, "is so named")
            if rival is None:
                nom = self.resolve(form)  # "Светлогорска": as ambiguous as "Светлогорск"
                ids = {c[0] for c in nom.candidates}
                if not nom.resolved and best.id in ids and nom.note.startswith("ambiguous"):
                    note = f"ambiguous like its nominative {form!r}: {nom.note}"
                    return replace(nom, query=query, note=note)
            if rival is not None:
                return _station_case_clash(query, found, best, form, rival)
        return None

    def _latin_case_form_clash(self, query: str, found: Resolution) -> Resolution | None:
        """Unresolve a Latin name a station only spells by its key when it may be a Polish case.

        "Lwowa" on ru-rail spells the halt Львово by its key and is the Polish genitive
        of "Lwów", Lviv (717,000 people): on a network without the national town layer
        neither is sure when a town of 5,000 people or more away from the station is
        written as the guessed nominative (the Cyrillic "Львова" is weighed above).
        """
        text = query.strip()
        if self._has_towns or found.score < 100.0 or not _LATIN_WORD.fullmatch(text):
            return None
        if self._written_as(found, text):
            return None  # the station is written so
        best = self._stations[self._index[found.station_id or ""]]
        if to_latin(best.name) == to_latin(text):
            return None  # its name letter for letter ("Gamma": Гамма, not a case of Hamm)
        if text.lower().endswith(("ia", "ja", "ya")) and best.name.lower().endswith("я"):
            return None  # "Rudnia" is Рудня's nominative as Polish writes it, not a case
        for form in lemma_forms(text, "pl"):
            rival = self._exact_rival(form, best)
            if rival is not None:  # "Arsienjewa": Арсеньево, or the genitive of Арсеньев
                return _station_case_clash(query, found, best, form, rival)
            city = self._city_named(form, _POPULATION_MIN)
            if city is not None and city.written_as(text):
                continue  # the name is the town's own, not a case of it: namesakes' rules
            if city is not None and not self._at_station(best, city):
                return _city_case_clash(query, found, best, form, city, "shares the spelling")
        return None

    def _at_station(self, st: _Station, place: WorldPlace) -> bool:
        """Whether a place lies within ``Settings.same_place_km`` of a station."""
        if st.lat is None or st.lon is None or place.lat is None or place.lon is None:
            return False
        return _distance_km(st.lat, st.lon, place.lat, place.lon) <= self.settings.same_place_km

    def _own_town_outweighs(self, st: _Station, written: str, rival: WorldPlace) -> bool:
        """Whether a station is the station of a town written so, larger than ``rival``.

        On ru-rail the station "Самара" is the city Samara's (1.1 million people), so
        "Самара" is no genitive of Samar (Ukraine, 70,000) as the halt "Львово" may be
        of Lviv: a town written exactly as the station within ``Settings.town_snap_km``
        of it, at least as large as the town the case form names, settles it.
        """
        if st.lat is None or st.lon is None:
            return False
        world = WorldPlaces.default()
        key = name_key(written)
        return bool(key) and any(
            p.kind == "town"
            and p.population >= rival.population
            and p.written_as(written)
            and p.lat is not None
            and p.lon is not None
            and _distance_km(st.lat, st.lon, p.lat, p.lon) <= self.settings.town_snap_km
            for p in self._world_lookup(world, written, key)
        )

    def _city_named(self, form: str, population: int = _CITY_POPULATION) -> WorldPlace | None:
        """Return a town of ``population`` or more off the network written ``form``."""
        world = WorldPlaces.default()
        key = name_key(form)
        if not key:
            return None
        for p in self._world_lookup(world, form, key):
            if p.kind == "town" and p.population >= population and p.written_as(form):
                return p
        return None

    def _exact_rival(self, form: str, best: _Station) -> _Station | None:
        """Return a place other than ``best`` (not of its place) named exactly ``form``."""
        tokens = name_tokens(form)
        k = self._exact.get(tokens_skeleton(tokens)) if tokens else None
        if k is None:
            return None
        hits = self._key_hits[k]
        if any(self._stations[i].id == best.id for i, _, _ in hits):
            return None  # an oblique form of the place's own name
        for i, key_is_base, alias in hits:
            st = self._stations[i]
            if key_is_base or (alias and st.tier):
                continue
            if st.id != best.id and not self._same_place(best, st):
                return st
        return None

    def _region_wins(self, score: float, found: Resolution) -> bool:
        """Whether a region alias wins: over fuzzy matches and towns, not exact stations."""
        if not found.resolved or found.score < score:
            return True
        # a region's name written exactly is the region, never a station so named
        # ("Крым" is Crimea, not ru-rail's station Крым in Krasnodar krai)
        return score >= 100.0

    def _region_result(
        self,
        query: str,
        ri: int | None,
        score: float,
        candidates: tuple[tuple[str, str, float], ...],
        note: str,
    ) -> Resolution:
        if ri is None:
            return Resolution(query=query, resolved=False, candidates=candidates, note=note)
        members, report = self._region_members[ri]
        return Resolution(
            query=query,
            resolved=True,
            score=score,
            name=self._regions[ri].key,
            region=self._regions[ri].key,
            region_stations=members,
            report_stations=report,
            candidates=candidates,
            precision="region",
        )

    def _found(
        self,
        query: str,
        st: _Station,
        score: float,
        candidates: tuple[tuple[str, str, float], ...],
        precision: str,
    ) -> Resolution:
        return Resolution(
            query=query,
            resolved=True,
            station_id=st.id,
            name=st.name,
            score=score,
            candidates=candidates,
            precision=precision or ("town" if st.tier else "station"),
            snap_km=st.snap_km,
        )

    def _town_station(self, town: _Station) -> _Station | None:
        """Return the one network station that is a town's own station, else None.

        A station of the same place (:meth:`_same_place`) named after the town alone
        ("Novozybkov") or as its main station ("Brest-Tsentralny"); None when there is
        none or several (a town of several stations of its own name keeps the town).
        """
        k = self._exact.get(tokens_skeleton(name_tokens(town.name)))
        if k is None:
            return None
        own = {
            st.id: st
            for i, _, _ in self._key_hits[k]
            if (st := self._stations[i]).tier == 0
            and self._same_place(town, st)
            and (not st.tail or _is_main(st))
        }
        return next(iter(own.values())) if len(own) == 1 else None

    def _resolve_tokens(
        self, query: str, tokens: list[str], *, plain: bool = False, exact: bool = False
    ) -> Resolution:
        s = self.settings
        scores, town_level = self._score_stations(tokens, plain=plain, exact=exact)
        capped = {i for i in self._last_capped if scores.get(i, 0.0) < s.resolve_min_score}
        ranked = self._ranked(scores)
        candidates = tuple(
            (self._stations[i].id, self._stations[i].name, round(sc, 1))
            for i, sc in ranked[: s.resolve_candidates]
        )
        best_score = ranked[0][1] if ranked else 0.0
        if not ranked or best_score < s.resolve_min_score:
            return Resolution(
                query=query,
                resolved=False,
                score=best_score,
                candidates=candidates,
                note=f"no station scores {s.resolve_min_score:g} or more",
            )
        best_i = self._park_to_main(ranked, best_score)
        best = self._stations[best_i]
        rivals = [
            i
            for i, sc in ranked[1:]
            if sc >= best_score - s.resolve_min_margin
            and i not in capped
            and not self._outranks(best, best_score, i)
        ]
        if rivals and best_score >= 100.0 and best.tier == 0:
            # "Луга" on ru-rail: the station Луга bears it as written, Люга only shares
            # its spelling key; the one place written so answers
            written = self._written_one(query, [best_i, *rivals])
            if written is not None:
                best_i, best, rivals = written, self._stations[written], []
        if rivals:
            names = ", ".join(
                f"{self._stations[i].name} ({self._stations[i].id})" for i in rivals[:3]
            )
            return Resolution(
                query=query,
                resolved=False,
                score=best_score,
                candidates=candidates,
                note=f"ambiguous: {best.name} ({best.id}) and {names} score alike",
            )
        precision = "town" if best_i in town_level else ""
        if best.tier == 0 and best.tail and not plain and _bare(tokens, best):
            return self._bare_town(query, tokens, best, best_score, candidates)
        found = self._found(query, best, best_score, candidates, precision)
        if best_i in town_level:  # "Минск-Сортировочный": the town, its station unknown
            return replace(found, note=_unknown_station_note(tokens, best.name))
        namesakes = [
            self._stations[i]
            for i, sc in ranked[1:]
            if best.tier == 0 and sc >= best_score and self._stations[i].tier == 1
        ]
        namesakes = [st for st in namesakes if not self._same_place(best, st)]
        if namesakes:  # "Krasnoye": the network's crossing station, and villages so named
            also = ", ".join(f"{st.name} ({st.id})" for st in namesakes[:3])
            n = len(namesakes)
            bear = "other place bears" if n == 1 else "other places bear"
            note = f"the network's station; {n} {bear} the name: {also}"
            found = replace(found, note=note)
        return found

    def _larger_namesakes(self, found: Resolution) -> Resolution:
        """Unresolve a town's own name when it is another name of larger towns.

        "Kamensk" is a village's own name and the short name of Kamensk-Shakhtinsky and
        Kamensk-Uralsky: a village's own name does not beat much larger places that
        reports call by it, nor does it pick one of them; the name stays ambiguous
        with all of them as candidates. A city of :data:`_CITY_POPULATION` or more
        keeps its own name ("Самар", the Ukrainian city, is no other name of Samara).
        Two cities of alike size (neither 10 times the other) tie when the other
        bears the name as written among its names: "Новомосковск" is Novomoskovsk
        (Tula oblast, 131,000 people) and the former name of Samar (Dnipropetrovsk
        oblast, 71,000), so it stays ambiguous with both as candidates (F44's kind).
        """
        i = self._index.get(found.station_id or "")
        if i is None or found.score < 100.0 or self._stations[i].tier != 1:
            return found
        best = self._stations[i]
        key = tokens_skeleton(list(_query_tokens(found.query.strip())))
        rivals = [
            st
            for st in (
                self._stations[self._index[c]]
                for c, _, sc in found.candidates
                if sc >= _TOWN_ALIAS_SCORE and c != best.id and c in self._index
            )
            if st.tier == 1 and not self._same_place(best, st) and not self._adjective_of(key, st)
        ]
        if not rivals:
            return found
        floor = _POPULATION_LEAD * max(best.population, 1)
        larger = [st for st in rivals if st.population >= floor]
        if best.population >= _CITY_POPULATION:
            larger = []  # a city's own name is its name ("Самар", not Samara's other name)
            if self._gives_region_name(best.id):
                return found  # "Калининград": the oblast's city, not Korolev's old name
        text = " ".join(_strip_leading(found.query.split()))
        twins = [
            st
            for st in rivals
            if st not in larger
            and st.population >= _POPULATION_MIN
            and best.population < _POPULATION_LEAD * st.population
            and st.population < floor  # a 10 times larger namesake: the rule above
            and self._written_as(self._found(text, st, 100.0, (), ""), text)
        ]
        if larger:
            names = ", ".join(f"{st.name} ({st.id}, {st.population:,})" for st in larger[:3])
            why = f"it is another name of the much larger {names}"
        elif twins:  # "Nowomoskowsk": Novomoskovsk (Tula), and Samar's former name
            names = ", ".join(f"{st.name} ({st.id}, {st.population:,})" for st in twins[:3])
            why = f"so does {names}, by another of its names"
        else:
            return found
        return Resolution(
            query=found.query,
            resolved=False,
            score=found.score,
            candidates=found.candidates,
            note=f"ambiguous: {best.name} ({best.id}, {best.population:,} people) bears "
            f"the name, and {why}",
        )

    def _station_adjective_rivals(self, found: Resolution) -> Resolution:
        """Unresolve a town whose name is also the station name of a town as large.

        "Kirovskaya" is the own name of a stanitsa of Rostov oblast (5,900 people) and
        the name of the stations of the towns called Kirovske ("the Crimean Kirovskaya
        station", Kirovske, 7,100): a station name in the feminine adjective does not
        pick the village bearing it over towns named in the neuter adjective of that
        stem at least as large (and of 5,000 people); the name stays ambiguous with
        them as candidates. A town larger than each of them keeps its name
        ("Pavlovskaya"); towns of the short form ("Kirovsk") are no rivals, their
        stations bear the town's own name.
        """
        i = self._index.get(found.station_id or "")
        if i is None or found.score < 100.0 or self._stations[i].tier != 1:
            return found
        best = self._stations[i]
        text = " ".join(_strip_leading(found.query.split()))
        forms = neuter_adjective_forms(text)  # not "Kirovsk": a town's station bears its name
        rivals: dict[str, _Station] = {}
        for form in forms:
            k = self._exact.get(tokens_skeleton(name_tokens(form)))
            for j, key_is_base, _ in self._key_hits[k] if k is not None else ():
                st = self._stations[j]
                if st.tier == 1 and not key_is_base and not self._same_place(best, st):
                    rivals[st.id] = st
        large = [
            st for st in rivals.values() if st.population >= max(best.population, _POPULATION_MIN)
        ]
        if not large:
            return found
        large.sort(key=lambda st: (-st.population, st.id))  # one order in every process
        names = ", ".join(f"{st.name} ({st.id}, {st.population:,})" for st in large[:3])
        return Resolution(
            query=found.query,
            resolved=False,
            score=found.score,
            candidates=((best.id, best.name, 100.0), *((st.id, st.name, 95.0) for st in large)),
            note=f"ambiguous: {best.name} ({best.id}, {best.population:,} people) bears the "
            f"name, and it is the station name of the towns {names}",
        )

    def _adjective_of(self, key: str, st: _Station) -> bool:
        """Whether a key extends a town's own name ("Smolenskaya" of Smolensk).

        GeoNames lists such adjective forms among a city's alternate names; they are
        the names of other places (the village Smolenskaya), not of the city.
        """
        for written in self._written.get(st.id, ())[:2]:
            own = tokens_skeleton(name_tokens(written)) if written else ""
            if own and len(key) > len(own) and key.startswith(own):
                return True
        return False

    def _bare_town(
        self,
        query: str,
        tokens: list[str],
        best: _Station,
        score: float,
        candidates: tuple[tuple[str, str, float], ...],
    ) -> Resolution:
        """Resolve a bare town name that reached one of the town's suffixed stations.

        "Bryansk" is the town, not Bryansk-Lgovsky: a name without a distinguishing
        word resolves to the town's main station (a role-0 name: "-Tsentralny",
        "-Passazhirsky", "-Glavny", "-I") or else to the town, at geo precision
        ``town`` either way; with neither (a network without towns), to the station
        the name reached, at precision ``town``; unresolved when it names several
        towns of alike size.
        """
        if _is_main(best):
            note = f"the main station of the town {' '.join(tokens)!r}"
            return replace(self._found(query, best, score, candidates, "town"), note=note)
        k = self._exact.get(tokens_skeleton(tokens))
        if k is None:  # a case form ("Барановичей") reached the station by spelling
            k = self._exact.get(tokens_skeleton(name_tokens(best.name)[: len(tokens)]))
        hits = [
            (self._stations[i], key_is_base)
            for i, key_is_base, _ in (self._key_hits[k] if k is not None else [])
            if self._stations[i].id != best.id and self._same_place(best, self._stations[i])
        ]
        kin = [st for st, _ in hits]
        mains = list({st.id: st for st in kin if st.tier == 0 and _is_main(st)}.values())
        named = [st for st, key_is_base in hits if st.tier == 1 and not key_is_base]
        towns = sorted(
            {st.id: st for st in named or [st for st in kin if st.tier == 1]}.values(),
            key=lambda st: -st.population,
        )
        place = mains[0] if len(mains) == 1 else None
        if place is None and not mains and towns:
            lead = towns[0].population
            second = towns[1].population if len(towns) > 1 else 0
            if len(towns) == 1 or lead >= _POPULATION_LEAD * max(second, 1):
                place = towns[0]
        if place is not None:
            what = "main station" if place.tier == 0 else "town"
            note = f"the {what} {place.name}: {best.name} is one station of that town"
            return replace(self._found(query, place, score, candidates, "town"), note=note)
        if towns:  # towns of alike size
            return Resolution(
                query=query,
                resolved=False,
                score=score,
                candidates=candidates,
                note=f"ambiguous: {' '.join(tokens)!r} names several towns",
            )
        others = sorted({st.name for st in kin if st.tier == 0})
        also = f" (also: {', '.join(others)})" if others else ""
        note = f"the town {' '.join(tokens)!r}, at its station {best.name}{also}"
        return replace(self._found(query, best, score, candidates, "town"), note=note)

    def _ranked(self, scores: dict[int, float]) -> list[tuple[int, float]]:
        """Return the scored places in :meth:`_order`, as far as resolving reads them.

        That is the candidates shown and every place within the margin of the best
        score: only those are ordered (the rest cannot change the answer).
        """
        s = self.settings
        if not scores:
            return []
        floor = max(scores.values()) - s.resolve_min_margin
        near = [(i, sc) for i, sc in scores.items() if sc >= floor]
        want = s.resolve_candidates - len(near)
        if want > 0 and len(scores) > len(near):
            # the order puts higher scores first: only places scoring at least the
            # want-th best score below the floor can be among the candidates shown
            below = [sc for sc in scores.values() if sc < floor]
            least = min(heapq.nlargest(want, below))
            near += [(i, sc) for i, sc in scores.items() if least <= sc < floor]
        return sorted(near, key=lambda kv: self._order(kv[0], kv[1]))

    def _park_to_main(self, ranked: list[tuple[int, float]], best_score: float) -> int:
        """Return the index of the best place, a yard park giving way to its town's station.

        "Челябинска" is spelt one letter from "ЧЕЛЯБИНСК-А" (a park of Chelyabinsk in
        Russian Railways' code table) and scores above Челябинск-Главный by that letter;
        a park named by a letter is only ever meant when written with it (an exact
        match). Otherwise the same place's station of the lowest role rank within the
        margin is taken (:func:`railtrack._translit.role_rank`).
        """
        best_i = ranked[0][0]
        best = self._stations[best_i]
        if best_score >= 100.0 or not _ends_in_park_letter(best):
            return best_i
        floor = best_score - self.settings.resolve_min_margin
        kin = [
            i
            for i, sc in ranked[1:]
            if sc >= floor
            and self._stations[i].rank < best.rank
            and self._same_place(best, self._stations[i])
        ]
        return min(kin, key=lambda i: self._stations[i].rank, default=best_i)

    def _order(self, i: int, score: float) -> tuple[Any, ...]:
        st = self._stations[i]
        return (-score, st.tier, st.rank, not st.placed, -st.population, -st.degree, st.id)

    def _written_one(self, query: str, tied: list[int]) -> int | None:
        """Return the one tied station that bears the query exactly as written, else None.

        Stations (never towns: population weighs those) that only share the query's
        spelling key ("Люга" for "Луга": both skeletons read "luga") tie at full
        score; when exactly one of them bears the name letter for letter (case and
        hyphens aside), it is the place meant. None when none or several do (the two
        stations named "Тихорецкая" stay a tie).
        """
        want = _fold(" ".join(_strip_leading(query.split())))
        written = [
            i
            for i in tied
            if self._stations[i].tier == 0
            and any(_fold(str(n)) == want for n in self._written.get(self._stations[i].id, ()))
        ]
        return written[0] if len(written) == 1 else None

    def _outranks(self, best: _Station, best_score: float, i: int) -> bool:
        """Whether candidate ``i`` is no rival of ``best`` (same place, or outranked)."""
        other = self._stations[i]
        if self._same_place(best, other):
            return True
        if best.tier == 0 and other.tier == 1 and best_score >= self.settings.resolve_base_score:
            return True  # a curated station named exactly outranks towns of that name
        return (
            best.tier == other.tier == 1
            and best_score > _TOWN_ALIAS_SCORE  # an alternate name alone is no lead
            and best.population >= _POPULATION_MIN
            and best.population >= _POPULATION_LEAD * max(other.population, 1)
            and (other.population > 0 or best.population >= _TOWN_FLOOR)
            and not self._theatre_town_apart(best, other)
        )

    def _theatre_town_apart(self, best: _Station, other: _Station) -> bool:
        """Whether ``other`` is a town of the theatre that a larger namesake away from it hides.

        "Иваново" is the city of Ivanovo oblast (400,000 people) and the Russian name of
        Ivanava, a town of 13,000 on the Brest-Homel line: reports about Belarus mean
        the one, reports from Russia the other. A town of :data:`_TOWN_FLOOR` or more
        within :data:`_THEATRE_KM` of the theatre network is no "ten times smaller"
        namesake of a place outside it: the name stays a tie with both as candidates,
        which the report's other places settle (:func:`railtrack.context.pick_by_context`).
        """
        return (
            other.population >= _TOWN_FLOOR
            and _near_theatre(other.lat, other.lon)
            and not _near_theatre(best.lat, best.lon)
        )

    # Over the C901 cap; the national network work (issue 15) splits it.
    def _score_stations(  # noqa: C901
        self, tokens: list[str], *, plain: bool = False, exact: bool = False
    ) -> tuple[dict[int, float], set[int]]:
        """Score places for a query; also return those matched only at town level.

        ``plain`` leaves out stations with a distinguishing suffix of their own (for
        a town-level answer to "Orsha-Vostochnaya", never Orsha-Tsentralnaya);
        ``exact`` scores exact and base-key matches only (no fuzzy ranking).
        """
        s = self.settings
        scores: dict[int, float] = {}
        town_level: set[int] = set()
        self._last_capped: set[int] = set()
        qbase_tokens = base_tokens(tokens)
        qfull, qbase = tokens_skeleton(tokens), tokens_skeleton(qbase_tokens)
        qtail = _tail(tokens)

        def put(i: int, score: float, town: bool, alias: bool = False) -> None:
            st = self._stations[i]
            if (town or plain) and st.tier == 0 and st.tail:
                return  # a station with its own suffix is another station ("Kubinka-I")
            if alias and st.tier == 1:
                score = min(score, _TOWN_ALIAS_SCORE)  # a town's own name beats alternates
            if score > scores.get(i, -1.0):
                scores[i] = score
                if town:
                    town_level.add(i)
                else:
                    town_level.discard(i)

        k = self._exact.get(qfull)
        if k is not None:
            for i, key_is_base, alias in self._key_hits[k]:
                put(i, s.resolve_base_score if key_is_base else 100.0, False, alias)
        k = self._exact.get(qbase) if qbase != qfull else None
        if k is not None:
            for i, key_is_base, alias in self._key_hits[k]:
                if not key_is_base:  # "Smolensk-Sort." for a place named just "Smolensk"
                    put(i, s.resolve_base_score, True, alias)
        if exact:
            return scores, town_level
        block = self._block_keys.get(qfull[:_PREFIX], [])
        cutoff = max(0.0, s.resolve_min_score - 30)
        hits = self._fuzzy(qfull, block, self._blocks.get(qfull[:_PREFIX]), cutoff=cutoff)
        if not hits or max(sc for _, sc in hits) < s.resolve_min_score:
            hits = self._fuzzy_by_length(qfull)
        for k, sc in hits:
            if not _fuzzy_plausible(qfull, self._keys[k], sc):
                continue
            ktail = self._key_tails[k]
            if _tails_compatible(qtail, ktail):
                town = False
            elif not ktail and all(map(is_suffix_word, tokens[1:])):
                town = True  # "Kubinka-2" near a place named just "Kubinka"
            elif not qtail and len(tokens) == 1:
                town = False  # one word against a name of several: the ratio judges
            else:
                continue
            for i, key_is_base, alias in self._key_hits[k]:
                score = min(sc, s.resolve_base_score) if key_is_base else min(sc, 99.9)
                if self._stations[i].tier:  # towns match only by spelling, never fuzzily
                    score = min(score, s.resolve_min_score - _FUZZY_TOWN_GAP)
                    if score > scores.get(i, -1.0):
                        self._last_capped.add(i)
                put(i, score, town, alias)
        return scores, town_level

    def _other_word(self, tokens: list[str], station_id: str) -> bool:
        """Whether a query shares a place's key only as another word ("Lenino", "Lenina").

        The skeleton reads unstressed "o" as "a" so that Belarusian spellings match
        Russian ones ("Asipovichy", "Osipovichi"). A name ending in "-o" (the neuter
        village "Lenino") never names a place all of whose names end in "-a" (the
        genitive "[imeni] Lenina", a feminine name) outside Belarus: no case of such a
        name ends in "-o". The other way round it may ("из Миллерова", the genitive of
        Millerovo; the Belarusian "Мілерава").
        """
        last = tokens[-1][-1:] if tokens and tokens[-1] else ""
        if last != "o" or self._places[station_id].get("country") == "BY":
            return False
        # the stems less their last letter: "Kamenskayo" (a near spelling, 94) has
        # Kamenskaya's stem, though "-yo" skeletons apart from "-ya"
        # (or the whole key: "Braniewo" and Броневая skeleton alike, "-ya" and all)
        key = tokens_skeleton([*tokens[:-1], tokens[-1][:-1]])
        whole = tokens_skeleton(tokens)
        ends = set()
        for written in self._written.get(station_id, ()):
            toks = name_tokens(written)
            if (toks and whole == tokens_skeleton(toks)) or (
                toks and tokens_skeleton([*toks[:-1], toks[-1][:-1]]) == key
            ):
                ends.add(toks[-1][-1:])
        return "a" in ends and "o" not in ends

    def _fuzzy_by_length(self, query: str) -> list[tuple[int, float]]:
        """Fuzzy-rank the station keys of about the query's length, outside its block.

        A ratio of 85 or more needs lengths within about a quarter of each other.
        """
        window = self._length_windows.get(len(query))
        if window is None:
            spread = max(2, len(query) // 4)
            lengths = [
                n
                for n in range(len(query) - spread, len(query) + spread + 1)
                if n in self._by_length
            ]
            window = (
                [i for n in lengths for i in self._by_length[n]],
                [k for n in lengths for k in self._length_keys[n]],
            )
            self._length_windows[len(query)] = window
        index, choices = window
        return self._fuzzy(query, choices, index, cutoff=0.0)

    def _fuzzy(
        self, query: str, choices: Sequence[str], index: Sequence[int] | None, *, cutoff: float
    ) -> list[tuple[int, float]]:
        if not choices:
            return []
        found = process.extract(
            query,
            choices,
            scorer=fuzz.ratio,
            limit=_FUZZY_LIMIT,
            score_cutoff=cutoff,
        )
        return [(int(index[j]) if index is not None else j, float(sc)) for _, sc, j in found]

    def _same_place(self, a: _Station, b: _Station) -> bool:
        if not (a.bases & b.bases):
            return False
        if not (a.placed and b.placed) or a.lat is None or b.lat is None:
            return True
        if a.lon is None or b.lon is None:
            return True
        return _distance_km(a.lat, a.lon, b.lat, b.lon) <= self.settings.same_place_km


def _o_for_a(text: str, name: str) -> bool:
    """Whether ``text`` ends in "-o" and ``name`` in "-a": "Ленино" is not Lenina.

    No case form of a feminine "-a" name ends in "-o" (outside Belarusian spelling):
    the rule of ``Gazetteer._other_word``, for places off the network.
    """
    tt, tn = name_tokens(text), name_tokens(name)
    return bool(tt and tn) and tt[-1][-1:] == "o" and tn[-1][-1:] == "a"


def _last_vowels_differ(a: str, b: str) -> bool:
    """Whether two names end one in "-a", the other in "-o" (one key, two words)."""
    ta, tb = name_tokens(a), name_tokens(b)
    ends = {ta[-1][-1:] if ta else "", tb[-1][-1:] if tb else ""}
    return ends == {"a", "o"}


def _fuzzy_plausible(query: str, key: str, score: float) -> bool:
    """Whether a fuzzy match may be a misspelling rather than another name.

    Two names that differ in their first letter ("Гайнаўка"/"Асінаўка", Hajnówka and
    Osinovka) or short names one letter apart ("Ліда"/"Линда", "Ельск"/"Вельск") are
    different places far more often than misspellings: such a match needs a ratio of
    :data:`_FUZZY_STRICT` (a 5-letter name one letter off scores 80-89).
    """
    if score >= _FUZZY_STRICT:
        return True
    return (
        bool(query)
        and bool(key)
        and query[0] == key[0]
        and min(len(query), len(key)) >= _LOOSE_FUZZY_LEAST
    )


# A word for a port, in the five languages and their cases: "порта", "порту", "portu"
_PORT_WORD = re.compile(
    r"(?i)^(?:port|ports|portu|porcie|porty|порт|порта|порту|портом|порте|порті|партом"
    r"|seaport|harbour|harbor)$"
)

# Adjective endings of a town's name ("Клайпедского", "Маріупольського", "Одесского")
# and the endings of the town each may come from
_ADJECTIVE_TOWN = re.compile(
    r"(?i)^(?P<stem>\w+?)(?P<end>ского|ский|ском|ським|ського|ський|ському|скага|скі)$"
)
_TOWN_ENDINGS = ("", "а", "ь", "и", "ы", "е", "о", "ск", "ськ", "са")
_SHORTEST_BARE_STEM = 4


def _spelt_as(form: str, r: Resolution) -> bool:
    """Whether a place off the network is spelt as written, not a translation of it.

    "порт Кавказ" is the port of that name, not Caucasia (Colombia), whose alias
    "Кавказ" is a translation; Klaipėda is "Клайпеда" letter for letter.
    """
    if r.in_network is not False or r.name is None:
        return True
    written = tokens_skeleton(name_tokens(form))
    return fuzz.ratio(written, tokens_skeleton(name_tokens(r.name))) >= 80.0


def _adjective_towns(name: str) -> tuple[str, ...]:
    """Town names an adjective may come from: "Клайпедского" -> "Клайпеда", ... .

    >>> "Клайпеда" in _adjective_towns("Клайпедского")
    True
    >>> "Маріуполь" in _adjective_towns("Маріупольського")
    True
    >>> "Одеса" in _adjective_towns("Одеського"), "Оде" in _adjective_towns("Одеського")
    (True, False)
    >>> _adjective_towns("San Diego")
    ()
    """
    m = _ADJECTIVE_TOWN.match(name)
    if m is None:
        return ()
    stem = m.group("stem")
    # a stem of three letters or fewer is no town of its own ("Одеського": "Оде" is the
    # Nigerian town Ode, not Odesa, which "са" gives)
    return tuple(stem + end for end in _TOWN_ENDINGS if end or len(stem) >= _SHORTEST_BARE_STEM)


# A station's role or side after its town's name, as _ascii_fold writes it (marks
# dropped: "Główny" glowny, "Паўночны" пауночны): Polish, Russian, Ukrainian,
# Belarusian and English
_ROLE_OR_SIDE = re.compile(
    r"(wschodn|zachodn|polnocn|poludniow|glown|centraln|osobow|towarow"
    r"|восточн|западн|северн|южн|главн|центральн|пассажирск|сортировочн|товарн"
    r"|східн|західн|північн|південн|головн|пасажирськ|сортувальн"
    r"|усходн|заходн|пауночн|паудн|галоун|цэнтральн|пасажырск"
    r"|east|west|north|south|central|main)"
)


def _bare(tokens: list[str], st: _Station) -> bool:
    """Whether query tokens spell a station's town, its name without its last words.

    "Брянск" for Bryansk-Lgovsky, not "BryanskLgovsky" written without its hyphen.
    """
    own = name_tokens(st.name)
    if len(tokens) >= len(own):
        return False
    query = tokens_skeleton(tokens)
    town = tokens_skeleton(own[: len(tokens)])
    return fuzz.ratio(query, town) >= fuzz.ratio(query, tokens_skeleton(own))


def _names_region(r: Resolution, form: str, text: str) -> bool:
    """Whether a one-word name is a "-щина" word of the region ``r`` (see ``lemma_forms``).

    "Смоленщина" names the Smolensk region whatever village bears the word, so the
    region's hit counts as one bearing the name as written.
    """
    return r.region is not None and form.endswith(" область") and " " not in text.strip()


def _drop_respelt(
    keys: dict[str, list[tuple[int, bool, bool]]], respelt: set[tuple[str, int]]
) -> None:
    """Drop the "е for ё" hits of keys another station bears as its own full name.

    "Коренево" is the station Коренево (Kursk oblast) before Коренёво (Moscow oblast)
    respelt; "Орел" still reaches Орёл, as ОРЕЛ-Н bears that key only as its base.
    """
    for key, hits in keys.items():
        if any((key, i) not in respelt and not is_base for i, is_base, _ in hits):
            hits[:] = [h for h in hits if (key, h[0]) not in respelt]


def _yo_as_ye(names: Sequence[Any]) -> list[str]:
    """Return the names with "ё" written "е", as Russian text mostly writes it.

    "Орел" is Орёл (Oryol): Russian print leaves the two dots out except where the
    word would be misread, so reports write "из Орла", "Орел", "Семеновка". Without the
    "е" spelling the name only reached ru-rail's yard park ОРЕЛ-Н by its base.

    Examples
    --------
    >>> _yo_as_ye(["Орёл", "Oryol", "ЛЁВЕНО"])
    ['Орел', 'ЛЕВЕНО']
    """
    return [
        str(x).replace("ё", "е").replace("Ё", "Е")
        for x in names
        if x and ("ё" in str(x) or "Ё" in str(x))
    ]


_GRID_DEG = 0.5
"""Cell size in degrees of :meth:`Gazetteer._grid_near` (how many cells it reads follows
from ``Settings.town_snap_km`` and the latitude)."""

_KM_PER_DEGREE = 111.2
"""Kilometres per degree of latitude (and of longitude at the equator), WGS84 mean."""


def _ends_in_park_letter(st: _Station) -> bool:
    """Whether a station's name ends in a yard park's letter ("ЧЕЛЯБИНСК-А")."""
    tokens = name_tokens(st.name)
    return len(tokens) > 1 and is_park_letter(tokens[-1])


def _is_main(st: _Station) -> bool:
    """Whether a station's name is its town's name and a main-station role only.

    "Minsk-Passazhirsky", "Orsha-Tsentralnaya", "Osipovichi-I" (role rank 0, see
    :func:`railtrack._translit.role_rank`); not "Bryansk-Lgovsky" (a name of its own).
    """
    tokens = name_tokens(st.name)
    return len(base_tokens(tokens)) < len(tokens) and role_rank(tokens) == 0


def _distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    # Equirectangular approximation: exact enough for the same-place test (< 100 km).
    x = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    y = math.radians(lat2 - lat1)
    return 6371.0088 * math.hypot(x, y)


@dataclass(frozen=True)
class _Hit:
    """A place one form of a name names exactly (see :meth:`Gazetteer._pick`)."""

    form: str
    resolution: Resolution
    literal: bool
    population: int = 0

    @property
    def target(self) -> str:
        r = self.resolution
        if r.station_id is not None:
            return r.station_id
        if r.region is not None:
            return f"region:{r.region}"
        if r.precision == "town" and r.candidates:
            return r.candidates[0][0]  # its GeoNames id: two towns may share name and country
        return f"{r.precision}:{r.country}:{r.name}"


def _form_key(form: str) -> tuple[str, str]:
    """Spelling key of a form without leading prepositions, and its region core key.

    Cached: the case forms of different names overlap ("Kursk", "Kurska", "Kursku").
    """
    return _spelling_key(form), _core_key(form)


@lru_cache(maxsize=65536)
def _form_tokens(form: str) -> tuple[str, ...]:
    """Tokens of a form without leading prepositions (cached)."""
    tokens = name_tokens(form)
    while len(tokens) > 1 and tokens[0] in _LEADING:
        tokens = tokens[1:]
    return tuple(tokens)


@lru_cache(maxsize=65536)
def _spelling_key(form: str) -> str:
    """Return the first half of :func:`_form_key`: the spelling key ("" without letters)."""
    tokens = _form_tokens(form)
    return tokens_skeleton(list(tokens)) if tokens else ""


@lru_cache(maxsize=65536)
def _core_key(form: str) -> str:
    """Return the second half of :func:`_form_key`: the form's region core key."""
    tokens = _form_tokens(form)
    return region_core(tokens)[0] if tokens else ""


@lru_cache(maxsize=65536)
def _query_tokens(stripped: str) -> tuple[str, ...]:
    """Tokens of a query without leading prepositions ("from Belarus" -> ``('belarus',)``)."""
    tokens = name_tokens(stripped)
    while len(tokens) > 1 and tokens[0] in _LEADING:
        tokens = tokens[1:]
    return tuple(tokens)


def _strip_leading(words: list[str]) -> list[str]:
    """Drop leading prepositions ("из", "do", "from") of a name of several words."""
    while len(words) > 1 and name_tokens(words[0]) and set(name_tokens(words[0])) <= _LEADING:
        words = words[1:]
    return words


@lru_cache(maxsize=1)
def _theatre_stations() -> dict[str, list[tuple[str, str, float, float]]]:
    """Return the curated stations by the spelling key of each of their names.

    The theatre network's (``data/network/stations.csv``) and the national layer's
    curated additions (``data/network/national/stations.csv``: the border station
    Zernove, not the Crimean village Zernovoye).
    """
    import csv

    from railtrack._data import data_path

    out: dict[str, list[tuple[str, str, float, float]]] = defaultdict(list)
    for path in (
        data_path("network", "stations.csv"),
        data_path("network", "national", "stations.csv"),
    ):
        if not path.is_file():
            continue
        with path.open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                lat, lon = _float_or_none(row.get("lat")), _float_or_none(row.get("lon"))
                if lat is None or lon is None:
                    continue
                names = [row.get("name") or "", row.get("name_ru") or ""]
                names += (row.get("aliases") or "").split("|")
                for key in {name_key(n) for n in names if n} - {""}:
                    out[key].append((row["id"], row["name"], lat, lon))
    return dict(out)


@lru_cache(maxsize=1)
def _theatre_cells() -> dict[tuple[int, int], list[tuple[float, float]]]:
    """Return the theatre network's station positions by one-degree cell (lat, lon floors)."""
    import csv

    from railtrack._data import data_path

    cells: dict[tuple[int, int], list[tuple[float, float]]] = defaultdict(list)
    path = data_path("network", "stations.csv")
    if path.is_file():
        with path.open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                lat, lon = _float_or_none(row.get("lat")), _float_or_none(row.get("lon"))
                if lat is not None and lon is not None:
                    cells[(math.floor(lat), math.floor(lon))].append((lat, lon))
    return dict(cells)


def _with_all_names(world: WorldPlaces, place: WorldPlace) -> WorldPlace:
    """Return a national town with all its GeoNames names (its table keeps the first few)."""
    more = world.extra_names(place.id)
    return replace(place, names=place.names + more) if more else place


def _cleaned(query: str) -> str:
    """Return a query without hidden characters and the kind of place before its name.

    Examples
    --------
    >>> _cleaned("г. Осиповичи"), _cleaned("ж/д ст. Барановичи-Полесские"), _cleaned("Ор\u00adша")
    ('Осиповичи', 'Барановичи-Полесские', 'Орша')
    >>> _cleaned("Полонка"), _cleaned("ст. ")
    ('Полонка', '')
    """
    text = without_format(query)  # soft hyphens, zero-width spaces of copied text
    stripped = text.lstrip()
    m = _KIND_PREFIX.match(stripped)
    if m is None:
        return text
    return stripped[m.end() :].strip()


# USPS two-letter abbreviations of the US states and DC that are also ISO 3166-1 alpha-2
# country codes ("PA" Pennsylvania / Panama, "GA" Georgia / Gabon, "CA", "IN", "DE", ...)
US_STATE_CODES = frozenset(
    {"AL", "AR", "AZ", "CA", "CO", "DE", "GA", "ID", "IL", "IN", "KY", "LA", "MA"}
    | {"MD", "ME", "MN", "MO", "MS", "MT", "NC", "NE", "PA", "SC", "SD", "TN", "VA"}
)


def _plural_country_nominatives(text: str, lang: str | None) -> tuple[str, ...]:
    """Nominatives of a Polish plural country name's genitive ("z Chin": Chiny, "Niemiec": Niemcy).

    Polish plural country names (Chiny, Czechy, Włochy, Niemcy) take no ending in
    the genitive plural; only exact country names are looked up with these.
    """
    if lang not in (None, "pl") or not text.isalpha():
        return ()
    stem = text[:-3] + "c" if text.endswith("iec") else text  # Niemiec -> Niemc-y
    return (stem + "y", stem + "i")


# Countries whose places' Latin names are romanisations of Cyrillic ones, which the
# spelling key is built for ("Asipovičy", "Osypovychi": Osipovichi)
_CYRILLIC_COUNTRIES = frozenset({"RU", "BY", "UA", "KZ", "KG", "TJ", "UZ", "TM", "MN"})


# Countries whose own names are Latin: a Cyrillic name that only shares the spelling key
# of one of their towns is no name of it (Chinese or Arabic names, romanised, are keyed
# as reports transcribe them: "Суйфэньхэ" is Suifenhe)
_LATIN_SCRIPT_COUNTRIES = frozenset(
    [
        "AT",
        "BE",
        "CH",
        "CZ",
        "DE",
        "DK",
        "EE",
        "ES",
        "FI",
        "FR",
        "GB",
        "HR",
        "HU",
        "IE",
        "IS",
        "IT",
        "LT",
        "LU",
        "LV",
        "NL",
        "NO",
        "PL",
        "PT",
        "RO",
        "SE",
        "SI",
        "SK",
        "US",
        "CA",
        "AU",
    ]
)


def _near_theatre(lat: float | None, lon: float | None) -> bool:
    """Whether a point lies within :data:`_THEATRE_KM` of a station of the theatre network."""
    if lat is None or lon is None:
        return False
    cells = _theatre_cells()
    la, lo = math.floor(lat), math.floor(lon)
    return any(
        _distance_km(lat, lon, *p) <= _THEATRE_KM
        for a in (-1, 0, 1)
        for b in (-2, -1, 0, 1, 2)
        for p in cells.get((la + a, lo + b), ())
    )


def _cyrillic(text: str) -> bool:
    """Whether ``text`` has a Cyrillic letter ("Ясень", not "Yasen")."""
    return any("\u0400" <= c <= "\u04ff" for c in text)


def _latin_near(form: str, name: str) -> bool:
    """Whether a Latin name is the Latin name of a place abroad but for one letter.

    The spelling key is built for romanisations of Cyrillic names (г as g or h, и as
    i or y); a place abroad with a Latin name of its own is written so, diacritics and
    one letter aside ("Medika", Medyka), not by a key ("Garrett" is not Haret). Always
    True when either name is not Latin.
    """
    a, b = _ascii_fold(form), _ascii_fold(name)
    if not (a.isascii() and b.isascii() and a.replace(" ", "").isalpha()):
        return True
    return Levenshtein.distance(a, b) <= 1


def _ascii_fold(text: str) -> str:
    """Lower-case ``text`` without diacritics ("Przemyśl" -> "przemysl", "Łódź" -> "lodz")."""
    decomposed = unicodedata.normalize("NFKD", text.replace("ł", "l").replace("Ł", "L"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


_RU_TO_UK_LETTERS = str.maketrans(
    {"и": "і", "ы": "и", "э": "е", "ъ": "ʼ", "И": "І", "Ы": "И", "Э": "Е"}
)


def _ru_in_uk_letters(name: str) -> str:
    """Spell a Russian name with Ukrainian letters ("Лиски" -> "Ліски", "Сызрань" -> "Сизрань").

    Ukrainian texts write Russian towns so, letter for letter (и -> і, ы -> и, э -> е).
    """
    return name.translate(_RU_TO_UK_LETTERS)


def station_word(text: str) -> bool:
    """Whether a name carries a word for a station ("Union Station", "вокзал", "stacja").

    The words are every lexicon's ``station_words``: a name is read whatever the
    language of its report.

    Examples
    --------
    >>> station_word("Union Station"), station_word("St Petersburg")
    (True, False)
    >>> station_word("станцыі Орша"), station_word("ze stacji Orsza")
    (True, True)
    """
    pattern = every_language_stems("station_words")
    return pattern is not None and pattern.search(text) is not None


# A word or abbreviation for a station before or in a name: "станция", "на станции",
# "ст.", "рзд.", "stacja", "station", "вокзал" (not "St.", which is Saint)
_STATION_ABBREVIATION = re.compile(r"(?<![\w])(?:ст|рзд|ст-ция)\.", re.IGNORECASE)


def _names_station(query: str) -> bool:
    """Whether a name says it is a station ("станции Орловщина", "ст. Смоленщина")."""
    return station_word(query) or _STATION_ABBREVIATION.search(query) is not None


def _belarusian(text: str) -> bool:
    """Whether a name is spelt in Belarusian letters ("ў", which no other language has).

    >>> _belarusian("Слаўгарада"), _belarusian("Славгорода")
    (True, False)
    """
    return "ў" in text or "Ў" in text


def _unknown_station_note(tokens: Sequence[str], town: str | None) -> str:
    """Say that a suffixed station name is not known and its town was given instead.

    "Минск-Сортировочный" on a network without that yard resolves to the town Minsk
    (geo precision "town"), never to another station of Minsk; the note says so.
    """
    return f"{_UNKNOWN_STATION}{' '.join(tokens)!r} is known: resolved to the town {town}"


def _no_station(query: str, found: Resolution) -> Resolution:
    """Unresolve a region or country a name with a station word reached: it is no station.

    "на станции Орловщина" is the station Orlovshchyna of Dnipropetrovsk oblast, never
    the Oryol region its "-щина" word names; the region stays a candidate.
    """
    cand = (found.region or found.country or "", found.name or "", found.score)
    return Resolution(
        query=query,
        resolved=False,
        score=found.score,
        candidates=found.candidates or (cand,),
        note=f"the name says it is a station, and it names the {found.precision} "
        f"{found.name}: no station of that name is known",
    )


def _station_case_clash(
    query: str, found: Resolution, best: _Station, form: str, rival: _Station
) -> Resolution:
    """Return ``query`` unresolved between station ``best`` and the station ``rival``.

    ``form`` is the guessed nominative that names ``rival`` ("Arsienjewa": Арсеньево,
    or the genitive of Арсеньев).
    """
    return Resolution(
        query=query,
        resolved=False,
        score=found.score,
        candidates=((best.id, best.name, found.score), (rival.id, rival.name, 100.0)),
        note=f"ambiguous: {best.name} ({best.id}){_CLASH_NOTE} {form!r}: {rival.name} ({rival.id})",
    )


def _city_case_clash(
    query: str, found: Resolution, best: _Station, form: str, city: WorldPlace, how: str
) -> Resolution:
    """Return ``query`` unresolved between station ``best`` and a city it may be a case of.

    ``how`` says why the station is a candidate ("is so named", "shares the spelling");
    ``form`` is the guessed nominative that names ``city``.
    """
    return Resolution(
        query=query,
        resolved=False,
        score=found.score,
        candidates=((best.id, best.name, found.score), (city.id, city.name, 100.0)),
        note=f"ambiguous: {best.name} ({best.id}) {how}, and the name may be an oblique "
        f"case of {form!r}, the city {city.name} ({city.id}, {city.population:,} people)",
    )


def _fold(text: str) -> str:
    return " ".join(text.replace("-", " ").replace("ё", "е").casefold().split())


def _is_abbreviation(text: str) -> bool:
    """Whether a name is 2-4 capital letters, dots aside ("UK", "U.K.", "США", "ДНР")."""
    letters = text.replace(".", "")
    return 2 <= len(letters) <= 4 and letters.isalpha() and letters.isupper()


def _is_suffix(token: str) -> bool:
    """Whether a token is a station's distinguishing word, in a report's language or English."""
    return token in _ENGLISH_SUFFIXES or is_suffix_word(token)


def load_gazetteer(
    path: str | Path | None = None,
    *,
    settings: Settings | None = None,
    national: bool | None = None,
    close_crossings: bool = True,
    cache: bool = True,
) -> Gazetteer:
    """Return the name index of a network directory, from the cache when it can.

    The index of ``load_network(path, ...).gazetteer``, read on its own: a warm cache
    resolves names without loading the graph or importing networkx and numpy (what
    ``railtrack resolve`` does). On a miss the network is loaded (and cached) and its
    index built and cached.

    Parameters
    ----------
    path, settings, national, close_crossings, cache
        As for :func:`railtrack.network.load_network`.

    Returns
    -------
    Gazetteer
        The network's index; :meth:`Gazetteer.place` gives a node's country, region
        and coordinates.

    Raises
    ------
    InputPathError
        When the directory or one of its CSV files does not exist.
    NetworkError
        When a file lacks a required column or is not UTF-8 CSV.

    Examples
    --------
    >>> load_gazetteer().resolve("Homel").station_id
    'BY-GOMEL'
    """
    from railtrack import _netcache
    from railtrack._data import data_path
    from railtrack._netkey import INDEX_LIBRARIES, load_key

    settings = settings or DEFAULT_SETTINGS
    root = data_path("network") if path is None else Path(path)
    national = path is None if national is None else national
    key = None
    if cache and root.is_dir():
        key = load_key(
            root,
            settings,
            national=national,
            close_crossings=close_crossings,
            libraries=INDEX_LIBRARIES,
        )
    if key is not None:
        found = _netcache.shared(key, "gazetteer")
        if not isinstance(found, Gazetteer):
            found = _netcache.load(key, "gazetteer")
        if isinstance(found, Gazetteer) and found.settings == settings:
            _netcache.share(key, "gazetteer", found)
            if found._store_key is None:  # keep the answers of resolve_all across runs
                found.keep_answers(key)
            return found
    from railtrack.network import load_network

    network = load_network(
        path, settings=settings, national=national, close_crossings=close_crossings, cache=cache
    )
    return network.gazetteer

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

import logging
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import networkx as nx
import numpy as np
from rapidfuzz import fuzz, process

from railtrack import columns as C
from railtrack._lazy import lazy_module
from railtrack._regions import Region
from railtrack._translit import base_tokens, name_tokens, role_rank, tokens_skeleton
from railtrack.models import Place
from railtrack.settings import DEFAULT_SETTINGS, Settings

if TYPE_CHECKING:
    import pandas as pd
else:
    pd = lazy_module("pandas")  # imported on first use: resolving a name does not need it

__all__ = ["Gazetteer", "Resolution"]

logger = logging.getLogger(__name__)

# Leading words of "from Belarus", "to the Rostov region", "из Беларуси", "do Rosji".
_LEADING = frozenset(
    {"from", "to", "the", "towards", "into", "via", "through", "in", "at", "near"}
    | {"iz", "v", "vo", "na", "do", "cherez", "z", "ze", "s", "so", "u", "w", "we", "przez"}
)
_PREFIX = 2
_FUZZY_LIMIT = 25


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

    @property
    def is_region(self) -> bool:
        """Whether the name is a region or country rather than one station."""
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
        """
        return Place(
            text=text if text else self.query,
            station_id=self.station_id,
            station=self.name if self.station_id else None,
            region=self.region,
            resolved_score=round(self.score, 1),
            unresolved=not self.resolved,
        )

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready form: ``id`` and ``name`` of the station, candidates."""
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
    bases: set[str] = field(default_factory=set)


class Gazetteer:
    """Name index of one network's stations and regions.

    Parameters
    ----------
    G
        Station graph (node attributes ``name``, ``name_ru``, ``aliases``,
        ``country``, ``region``, ``lat``, ``lon``, ``coord_estimated``).
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
        self._G = G
        self._stations: list[_Station] = []
        self._index: dict[str, int] = {}
        # key -> [(station index, is_base)]
        keys: dict[str, list[tuple[int, bool]]] = defaultdict(list)
        for n, d in G.nodes(data=True):
            idx = len(self._stations)
            names = [d.get("name") or str(n), d.get("name_ru") or "", *d.get("aliases", [])]
            tokens_list = [name_tokens(x) for x in names if x]
            tokens_list = [t for t in tokens_list if t]
            station = _Station(
                id=str(n),
                name=str(d.get("name") or n),
                lat=d.get("lat"),
                lon=d.get("lon"),
                placed=d.get("lat") is not None and not d.get("coord_estimated", False),
                rank=role_rank(tokens_list[0]) if tokens_list else 2,
                degree=G.degree(n),
            )
            seen: set[tuple[str, bool]] = set()
            for tokens in tokens_list:
                full = tokens_skeleton(tokens)
                base = tokens_skeleton(base_tokens(tokens))
                station.bases.update((full, base))
                for key, is_base in ((full, False), (base, base != full)):
                    if key and (key, is_base) not in seen:
                        seen.add((key, is_base))
                        keys[key].append((idx, is_base))
            self._stations.append(station)
            self._index[str(n)] = idx
        self._keys = list(keys)
        self._key_hits = [keys[k] for k in self._keys]
        self._exact = {k: i for i, k in enumerate(self._keys)}
        blocks: dict[str, list[int]] = defaultdict(list)
        for i, key in enumerate(self._keys):
            blocks[key[:_PREFIX]].append(i)
        self._blocks = {p: np.asarray(ix) for p, ix in blocks.items()}
        self._block_keys = {p: [self._keys[i] for i in ix] for p, ix in blocks.items()}
        self._regions = list(regions)
        self._region_keys: dict[str, int] = {}
        for ri, region in enumerate(self._regions):
            for alias in (region.key, *region.aliases):
                key = tokens_skeleton(name_tokens(alias))
                if key:
                    self._region_keys.setdefault(key, ri)
        self._region_key_list = list(self._region_keys)
        by_country: dict[str, list[str]] = defaultdict(list)
        by_region: dict[str, list[str]] = defaultdict(list)
        for n, d in G.nodes(data=True):
            by_country[str(d.get("country") or "")].append(str(n))
            by_region[str(d.get("region") or "")].append(str(n))
        self._region_members = [self._members(r, by_country, by_region) for r in self._regions]
        self._cache: dict[str, Resolution] = {}
        logger.debug(
            "Gazetteer: %d stations, %d name keys, %d regions",
            len(self._stations),
            len(self._keys),
            len(self._regions),
        )

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
        return members, report

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
        """
        for region, (members, _) in zip(self._regions, self._region_members, strict=True):
            if region.key == key:
                return members
        return ()

    # --- resolution ----------------------------------------------------------------
    def resolve(self, name: str) -> Resolution:
        """Resolve one name (see the module docstring for the rules).

        Parameters
        ----------
        name
            Station, region or country name, or a station id.

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
        cached = self._cache.get(query)
        if cached is None:
            cached = self._resolve(query)
            if len(self._cache) < 1_000_000:
                self._cache[query] = cached
        return cached

    def resolve_many(self, names: Iterable[str]) -> pd.DataFrame:
        """Resolve names in a batch; one row per name (``columns.RESOLVE_COLUMNS``).

        Parameters
        ----------
        names
            Names as written.

        Returns
        -------
        pandas.DataFrame
            One row per input name, in order.
        """
        rows = []
        for name in names:
            r = self.resolve(name)
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
                }
            )
        return pd.DataFrame(rows, columns=list(C.RESOLVE_COLUMNS))

    def _resolve(self, query: str) -> Resolution:
        s = self.settings
        stripped = query.strip()
        if stripped in self._index:  # a station id
            st = self._stations[self._index[stripped]]
            return Resolution(
                query=query,
                resolved=True,
                station_id=st.id,
                name=st.name,
                score=100.0,
                candidates=((st.id, st.name, 100.0),),
            )
        tokens = name_tokens(stripped)
        while len(tokens) > 1 and tokens[0] in _LEADING:
            tokens = tokens[1:]
        if not tokens:
            return Resolution(query=query, resolved=False, note="no letters or digits in name")
        qfull = tokens_skeleton(tokens)
        qbase = tokens_skeleton(base_tokens(tokens))
        scores = self._score_stations(qfull, qbase)
        ranked = sorted(
            scores.items(),
            key=lambda kv: (
                -kv[1],
                self._stations[kv[0]].rank,
                not self._stations[kv[0]].placed,
                -self._stations[kv[0]].degree,
                self._stations[kv[0]].id,
            ),
        )
        candidates = tuple(
            (self._stations[i].id, self._stations[i].name, round(sc, 1))
            for i, sc in ranked[: s.resolve_candidates]
        )
        region = self._match_region(qfull)
        best_score = ranked[0][1] if ranked else 0.0
        if region is not None and region[1] >= s.resolve_min_score and region[1] >= best_score:
            ri, rscore = region
            members, report = self._region_members[ri]
            return Resolution(
                query=query,
                resolved=True,
                score=rscore,
                name=self._regions[ri].key,
                region=self._regions[ri].key,
                region_stations=members,
                report_stations=report,
                candidates=candidates,
            )
        if not ranked or best_score < s.resolve_min_score:
            return Resolution(
                query=query,
                resolved=False,
                score=best_score,
                candidates=candidates,
                note=f"no station scores {s.resolve_min_score:g} or more",
            )
        best_i = ranked[0][0]
        best = self._stations[best_i]
        rivals = [
            i
            for i, sc in ranked[1:]
            if sc >= best_score - s.resolve_min_margin
            and not self._same_place(best, self._stations[i])
        ]
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
        return Resolution(
            query=query,
            resolved=True,
            station_id=best.id,
            name=best.name,
            score=best_score,
            candidates=candidates,
        )

    def _score_stations(self, qfull: str, qbase: str) -> dict[int, float]:
        s = self.settings
        scores: dict[int, float] = {}

        def put(i: int, score: float) -> None:
            if score > scores.get(i, -1.0):
                scores[i] = score

        for q, q_is_base in ((qfull, False), (qbase, True)):
            k = self._exact.get(q)
            if k is None:
                continue
            for i, key_is_base in self._key_hits[k]:
                put(i, s.resolve_base_score if (q_is_base or key_is_base) else 100.0)
            if qbase == qfull:
                break
        block = self._block_keys.get(qfull[:_PREFIX], [])
        cutoff = max(0.0, s.resolve_min_score - 30)
        hits = self._fuzzy(qfull, block, self._blocks.get(qfull[:_PREFIX]), cutoff=cutoff)
        if not hits or max(sc for _, sc in hits) < s.resolve_min_score:
            hits = self._fuzzy(qfull, self._keys, None, cutoff=0.0)
        for k, sc in hits:
            for i, key_is_base in self._key_hits[k]:
                put(i, min(sc, s.resolve_base_score) if key_is_base else min(sc, 99.9))
        return scores

    def _fuzzy(
        self, query: str, choices: Sequence[str], index: np.ndarray | None, *, cutoff: float
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

    def _match_region(self, qfull: str) -> tuple[int, float] | None:
        if not self._region_keys:
            return None
        ri = self._region_keys.get(qfull)
        if ri is not None:
            return ri, 100.0
        found = process.extractOne(qfull, self._region_key_list, scorer=fuzz.ratio)
        if found is None:
            return None
        key, score, _ = found
        return self._region_keys[key], float(min(score, 99.9))

    def _same_place(self, a: _Station, b: _Station) -> bool:
        if not (a.bases & b.bases):
            return False
        if not (a.placed and b.placed) or a.lat is None or b.lat is None:
            return True
        if a.lon is None or b.lon is None:
            return True
        return _distance_km(a.lat, a.lon, b.lat, b.lon) <= self.settings.same_place_km


def _distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    # Equirectangular approximation: exact enough for the same-place test (< 100 km).
    x = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    y = math.radians(lat2 - lat1)
    return 6371.0088 * math.hypot(x, y)

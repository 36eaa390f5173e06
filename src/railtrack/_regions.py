"""Regions and countries named instead of a station, read from ``regions.yaml``."""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process

from railtrack._translit import name_tokens, tokens_skeleton
from railtrack.errors import NetworkError

__all__ = ["Region", "RegionIndex", "RegionMatch", "read_regions", "region_core"]

logger = logging.getLogger(__name__)


def _safe_loader() -> Any:
    """Return the libyaml safe loader when PyYAML was built with it, else the Python one.

    libyaml reads ``regions.yaml`` ten times faster, into the same document. PyYAML is
    imported here, on the first read: a network read back from the cache needs none.
    """
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


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
    import yaml

    try:
        doc = yaml.load(path.read_text(encoding="utf-8"), Loader=_safe_loader())
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


# Words that make a name a region name ("... oblast", "... region", "Республика ..."),
# in the Latin forms :func:`name_tokens` gives for English, Russian, Ukrainian,
# Belarusian and Polish, with common case endings.
_MARKER_CLASSES = {
    "oblast": ("oblast", "oblasti", "oblastu", "oblastyu", "oblasts", "obl", "oblasc", "voblasts",
               "voblastsi", "voblasci", "voblasc", "obwod", "obwodzie", "obwodu"),
    "krai": ("krai", "kray", "kraj", "kraya", "krayu", "kraju", "kraje", "krayi", "territory"),
    "republic": ("respublika", "respubliki", "respubliku", "republic", "republika"),
    "okrug": ("okrug", "okruga", "okrugu", "autonomous", "avtonomnyy", "avtonomnaya",
              "avtonomny"),
    "any": ("region", "regions", "reg", "province", "district"),
}  # fmt: skip
MARKER_CLASS = {word: cls for cls, words in _MARKER_CLASSES.items() for word in words}
"""Region marker word -> its kind; "any" ("region") fits every kind of division."""
REGION_MARKERS = frozenset(MARKER_CLASS)
_FILLER = frozenset({"of", "the", "and"})
_POLISH_MARKERS = frozenset({"obwod", "obwodzie", "obwodu"})
# Adjective endings after -sk/-ck/-zk (Курская, Курской, Kurskaya, Донецька, doniecki).
_ADJECTIVE = re.compile(
    r"(?<=[sczh]k)(aya|aja|ya|ia|a|iy|ij|ii|yi|yj|y|i|oy|oj|oi|ogo|oho|uyu|uju|omu|im|ym|oe"
    r"|oye|ie|iye|e|ey|ei|iei|oyi|yy)$"
)
_REGION_FUZZ = 92.0
_REGION_MARGIN = 4.0


def region_core(tokens: Sequence[str]) -> tuple[str, str]:
    """Skeleton of a region name without marker words, adjectives cut to ``-sk``.

    Parameters
    ----------
    tokens
        Tokens from :func:`railtrack._translit.name_tokens`.

    Returns
    -------
    tuple
        The core key and the kind of division its marker word names: ``"oblast"``,
        ``"krai"``, ``"republic"``, ``"okrug"``, ``"any"`` ("region") or ``""`` (no
        marker word).

    Examples
    --------
    >>> region_core(name_tokens("Курской области")) == region_core(name_tokens("Kursk oblast"))
    True
    >>> region_core(name_tokens("Amur region"))[0] == region_core(name_tokens("Kursk oblast"))[0]
    False
    """
    classes = [MARKER_CLASS[t] for t in tokens if t in MARKER_CLASS]
    specific = [c for c in classes if c != "any"]
    kind = specific[0] if specific else ("any" if classes else "")
    core = [_ADJECTIVE.sub("", t) for t in tokens if t not in REGION_MARKERS and t not in _FILLER]
    if any(t in _POLISH_MARKERS for t in tokens):
        # Polish "ch" is х ("obwód astrachański": Астраханская), "cz" is ч
        core = [t.replace("ch", "kh") for t in core]
    return (tokens_skeleton(core) if core else ""), kind


def _kinds_fit(query: str, entry: str) -> bool:
    return query in ("any", "") or entry in ("any", "") or query == entry


@dataclass(frozen=True)
class RegionMatch:
    """A region a name matched.

    ``index`` into the regions (None: none), ``score``, ``explicit`` (the name held a
    region word, so it never names a station), ``note``.
    """

    index: int | None
    score: float
    explicit: bool
    note: str = ""


class RegionIndex:
    """Exact region names and marker-free cores of region names, for matching.

    Parameters
    ----------
    regions
        Region definitions; each alias is indexed by its skeleton when it has no
        marker word ("Crimea", "DPR") and by its core ("Kursk region" -> ``kursk``;
        a core not ending in -sk also as core + ``sk``, so "Amur region" meets
        "Амурская область").

    Examples
    --------
    >>> idx = RegionIndex([Region("Amur region", aliases=("Amur region",)),
    ...                    Region("Kursk region", aliases=("Kursk region",))])
    >>> idx.match(name_tokens("Амурская область")).index
    0
    >>> idx.match(name_tokens("Тамбовская область")).index is None
    True
    >>> RegionIndex([Region("Altai Republic", aliases=("Altai Republic",))]).match(
    ...     name_tokens("Altai Krai")).index is None
    True
    """

    def __init__(self, regions: Sequence[Region]) -> None:
        full: dict[str, set[int]] = defaultdict(set)
        core: dict[str, set[tuple[int, str]]] = defaultdict(set)
        for ri, region in enumerate(regions):
            for alias in (region.key, *region.aliases):
                tokens = name_tokens(alias)
                key, kind = region_core(tokens)
                if not key:
                    continue
                core[key].add((ri, kind))
                if not key.endswith("sk"):
                    core[key + "sk"].add((ri, kind))
                if not kind:
                    full[tokens_skeleton(tokens)].add(ri)
        self._full = dict(full)
        self._core = dict(core)
        self._core_keys = list(core)
        self._full_keys = list(full)
        self._matched: dict[tuple[str, ...], RegionMatch] = {}  # per distinct token list
        # (which keys, query length) -> the keys a ratio of 88 or more can reach
        self._windows: dict[tuple[bool, int], list[str]] = {}

    def match(self, tokens: Sequence[str]) -> RegionMatch:
        """Match a name's tokens to a region.

        A name with a marker word is matched on its core only (exactly, or fuzzily
        at 92+ with a clear lead), among regions of a fitting kind ("krai" never
        finds a republic; "region" fits all), and never falls back to stations; a
        name without one matches an alias written without marker words ("Crimea",
        "Belarus"). Names shared by two regions stay unresolved.
        """
        memo = tuple(tokens)
        found = self._matched.get(memo)
        if found is None:
            found = self._match(tokens)
            if len(self._matched) < 1_000_000:
                self._matched[memo] = found
        return found

    def _match(self, tokens: Sequence[str]) -> RegionMatch:
        key, kind = region_core(tokens)
        if kind:
            table = {
                k: {ri for ri, entry in hits if _kinds_fit(kind, entry)}
                for k, hits in ((k, self._core.get(k, ())) for k in self._candidates(key))
            }
            table = {k: v for k, v in table.items() if v}
            return self._lookup(key, table, list(table), explicit=True)
        full = tokens_skeleton(list(tokens))
        return self._lookup(full, self._full, self._window(False, len(full)), explicit=False)

    def _window(self, core: bool, n: int) -> list[str]:
        """Return the core or full alias keys (in order) a key of length ``n`` may fuzzy-match.

        ``fuzz.ratio`` is at most ``200 * min(n, m) / (n + m)`` for lengths n and m,
        so a key under :data:`_REGION_FUZZ` - :data:`_REGION_MARGIN` by length alone
        can change no answer; leaving it out saves rapidfuzz the comparison.
        """
        found = self._windows.get((core, n))
        if found is None:
            keys = self._core_keys if core else self._full_keys
            floor = _REGION_FUZZ - _REGION_MARGIN - 0.01
            found = [k for k in keys if 200.0 * min(n, len(k)) / max(n + len(k), 1) >= floor]
            self._windows[(core, n)] = found
        return found

    def has_key(self, full: str, core: str) -> bool:
        """Whether a name's full key or core key is a region alias exactly (dict look-ups).

        Examples
        --------
        >>> RegionIndex([]).has_key("krim", "krim")
        False
        """
        return full in self._full or (bool(core) and core in self._core)

    def _candidates(self, key: str) -> list[str]:
        if key in self._core:
            return [key]
        found = process.extract(key, self._window(True, len(key)), scorer=fuzz.ratio, limit=4,
                                score_cutoff=_REGION_FUZZ - _REGION_MARGIN)  # fmt: skip
        return [k for k, _, _ in found]

    @staticmethod
    def _lookup(
        key: str, table: dict[str, set[int]], keys: list[str], *, explicit: bool
    ) -> RegionMatch:
        if not key:
            return RegionMatch(None, 0.0, explicit, "no region name left")
        hit = table.get(key)
        score = 100.0
        if hit is None:
            # only a best of 92+ matches, and a second alias matters only within 4
            # points of it: aliases under 88 can change nothing (rapidfuzz skips them)
            found = process.extract(key, keys, scorer=fuzz.ratio, limit=2,
                                    score_cutoff=_REGION_FUZZ - _REGION_MARGIN)  # fmt: skip
            if not found or found[0][1] < _REGION_FUZZ:
                return RegionMatch(None, 0.0, explicit, "no region of that name")
            if len(found) > 1 and found[1][1] > found[0][1] - _REGION_MARGIN:
                return RegionMatch(None, 0.0, explicit, "ambiguous region name")
            hit, score = table[found[0][0]], min(float(found[0][1]), 99.9)
        if len(hit) > 1:
            return RegionMatch(None, 0.0, explicit, "name shared by several regions")
        return RegionMatch(next(iter(hit)), score, explicit)

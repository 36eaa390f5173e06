"""Add the Polish and Belarusian names of oblasts, krais and republics to ``regions.yaml``.

Usage::

    python scripts/add_region_translations.py

Source: the ISO 3166-2 subdivision names of Russia, Ukraine and Belarus and their
translations in Debian's ``iso-codes`` message catalogues, via the ``pycountry``
package (``build-network`` extra; licence GNU LGPL 2.1 or later, carried unchanged
with that notice as for ``world/countries.csv``). A subdivision is matched to the
region of ``data/network/regions.yaml`` its Russian or Ukrainian translation
resolves to on the default network (exactly, at geo precision ``region``); its Polish
and Belarusian translations that do not already resolve to that region are appended
to the region's ``aliases`` list. City subdivisions (Moscow, Sevastopol, ...) that do
not resolve to a region are skipped. Rerunning adds nothing new.
"""

from __future__ import annotations

import gettext
import re
import sys
from pathlib import Path

import pycountry

from railtrack import load_network

REGIONS = Path(__file__).resolve().parents[1] / "data" / "network" / "regions.yaml"


def translations(lang: str) -> gettext.NullTranslations:
    """Return the ``iso3166-2`` catalogue of one language."""
    return gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[lang], fallback=True)


def new_aliases() -> dict[str, list[str]]:
    """Return region key -> the Polish and Belarusian names to add."""
    net = load_network()
    cat = {lang: translations(lang) for lang in ("ru", "uk", "pl", "be")}
    out: dict[str, list[str]] = {}
    for cc in ("RU", "UA", "BY"):
        for sd in pycountry.subdivisions.get(country_code=cc):
            keys = set()
            for lang in ("ru", "uk"):
                name = cat[lang].gettext(sd.name)
                r = net.resolve(name) if name != sd.name else None
                if r is not None and r.precision == "region" and r.region:
                    keys.add(r.region)
            if len(keys) != 1:
                continue  # no region, or two: not carried
            key = keys.pop()
            for lang in ("pl", "be"):
                name = cat[lang].gettext(sd.name)
                if name == sd.name or "," in name or "]" in name:
                    continue
                if net.resolve(name).region != key:
                    out.setdefault(key, []).append(name)
    return out


def main() -> int:
    """Append the new aliases to regions.yaml, keeping its layout and comments."""
    text = REGIONS.read_text(encoding="utf-8")
    added = 0
    for key, names in sorted(new_aliases().items()):
        block = re.search(rf"- key: {re.escape(key)}\n(?:\s+\w+:.*\n)*?(\s+aliases: \[)", text)
        if block is None:
            print(f"{key}: no aliases list found; skipped", file=sys.stderr)
            continue
        end = text.index("]", block.end())
        have = text[block.end() : end]
        extra = [n for n in names if n not in have]
        if extra:
            text = text[:end] + ", " + ", ".join(extra) + text[end:]
            added += len(extra)
    REGIONS.write_text(text, encoding="utf-8")
    print(f"{added} aliases added to {REGIONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

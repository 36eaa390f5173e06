"""Every answer of the name resolver, dumped or compared: the check that a speed change keeps them.

Usage::

    python benchmarks/names_check.py --dump /tmp/before.json     # on the tree before a change
    python benchmarks/names_check.py --compare /tmp/before.json  # on the tree after it

Resolves, on a fresh index of the default network with no exact-form index and no
stored answers (every answer computed by the rules in this process):

- every name of the label tables (``tests/data/network_names.csv``,
  ``tests/data/extraction_real/places.csv``, ``tests/data/names_real/*.csv``), as
  written and with the table's language where it has one;
- every place text of the embedded reports (``data/reports``, read by
  :func:`railtrack.load_reports`);
- ``--variants`` report-style variants of the network's names (the distinct-name
  queries of ``names.py --speed``);
- ``--ru-rail`` station names of ``../shared/datasets/ru-rail`` (GPL, read at run
  time, never stored in the repository; skipped when absent), each as listed, in
  title case and romanised, so the check reaches names no table carries.

Each name is resolved twice, name by name (``Gazetteer.resolve``) on one fresh index
and in one batch (``Gazetteer.resolve_all``) on another, and every field of each
resolution is kept (:func:`fields`). ``--compare`` prints how many answers differ
from the dump (and the first few) and exits 1 when any does. The dump is written
outside the repository (it holds ru-rail names).
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
import time
from pathlib import Path
from typing import Any

import pandas as pd

from railtrack import load_network, load_reports
from railtrack._translit import to_latin
from railtrack.gazetteer import Gazetteer, Resolution

REPO = Path(__file__).resolve().parents[1]
RU_RAIL = REPO.parent / "shared" / "datasets" / "ru-rail" / "stations.csv"
TABLES = (
    REPO / "tests" / "data" / "network_names.csv",
    REPO / "tests" / "data" / "extraction_real" / "places.csv",
    *sorted((REPO / "tests" / "data" / "names_real").glob("*.csv")),
)


def fields(r: Resolution) -> list[Any]:
    """Every field of a resolution, as JSON-ready values."""
    return [
        r.query, r.resolved, r.station_id, r.region, r.name, r.score, r.precision, r.form,
        r.note, [list(c) for c in r.candidates], list(r.region_stations),
        list(r.report_stations), r.snap_km, r.in_network, r.lat, r.lon, r.country,
    ]  # fmt: skip


def table_queries() -> list[tuple[str, str | None]]:
    """(name, language or None) of every row of the label tables, both with and without it."""
    out: list[tuple[str, str | None]] = []
    for path in TABLES:
        df = pd.read_csv(path, dtype=str, keep_default_na=False)
        langs = list(df["lang"]) if "lang" in df else [""] * len(df)
        for name, lang in zip(df["name_as_written"], langs, strict=True):
            out.append((name, None))
            if lang:
                out.append((name, lang))
    return out


def report_queries() -> list[tuple[str, str | None]]:
    """Every place text of the embedded reports."""
    reports = load_reports(REPO / "data" / "reports")
    df = reports.to_frame()
    texts = []
    for col in ("origin", "destination", "via"):
        for x in df[col].dropna():
            texts += [t.strip() for t in str(x).split(";") if t.strip()]
    return [(t, None) for t in dict.fromkeys(texts)]


def ru_rail_queries(n: int, seed: int) -> list[tuple[str, str | None]]:
    """``n`` ru-rail station names: as listed, in title case and romanised."""
    if not RU_RAIL.is_file() or n <= 0:
        return []
    with RU_RAIL.open(encoding="utf-8", newline="") as f:
        names = sorted({r["name"] for r in csv.DictReader(f) if r["name"]})
    rng = random.Random(seed)
    out: list[tuple[str, str | None]] = []
    for name in rng.sample(names, min(n, len(names))):
        out += [(name, None), (name.title(), None), (to_latin(name).title(), None)]
    return out


def answers(queries: list[tuple[str, str | None]]) -> dict[str, list[Any]]:
    """Each distinct (name, language) resolved name by name and in a batch, on fresh indexes."""
    net = load_network()
    distinct = list(dict.fromkeys(queries))
    one = Gazetteer(net.G, regions=net.regions, settings=net.settings)
    batch = Gazetteer(net.G, regions=net.regions, settings=net.settings)
    t = time.process_time()
    singly = [one.resolve(q, lang=lang) for q, lang in distinct]
    t1 = time.process_time()
    together = batch.resolve_all([q for q, _ in distinct], lang=[lg for _, lg in distinct])
    t2 = time.process_time()
    print(
        f"{len(distinct)} distinct (name, language) pairs: name by name {t1 - t:.1f} s CPU, "
        f"batch {t2 - t1:.1f} s CPU",
        file=sys.stderr,
    )
    out = {}
    for (q, lang), a, b in zip(distinct, singly, together, strict=True):
        key = json.dumps([q, lang], ensure_ascii=False)
        out[key] = [fields(a), fields(b)]
    return out


def main() -> int:
    """Dump or compare every answer."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dump", type=Path, help="write every answer to this JSON file")
    parser.add_argument("--compare", type=Path, help="compare every answer with this dump")
    parser.add_argument("--variants", type=int, default=10000)
    parser.add_argument("--ru-rail", type=int, default=2000, metavar="N")
    parser.add_argument("--seed", type=int, default=4)
    args = parser.parse_args()
    if not args.dump and not args.compare:
        parser.error("give --dump FILE or --compare FILE")
    sys.path.insert(0, str(Path(__file__).parent))
    from names import variant_queries

    queries = table_queries() + report_queries()
    queries += [(q, None) for q in variant_queries(load_network(), args.variants, args.seed)]
    queries += ru_rail_queries(args.ru_rail, args.seed)
    now = json.loads(json.dumps(answers(queries), ensure_ascii=False))
    if args.dump:
        args.dump.write_text(json.dumps(now, ensure_ascii=False), encoding="utf-8")
        print(f"{len(now)} answers written to {args.dump}")
    if args.compare:
        before = json.loads(args.compare.read_text(encoding="utf-8"))
        differ = [k for k in before if now.get(k) != before[k]]
        same_keys = before.keys() == now.keys()
        print(
            f"same answers as {args.compare}: {not differ and same_keys} "
            f"({len(before)} names, {len(differ)} differ, same names: {same_keys})"
        )
        for k in differ[:10]:
            print(f"  {k}:\n    before {before[k]}\n    now    {now.get(k)}")
        return 1 if differ or not same_keys else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())

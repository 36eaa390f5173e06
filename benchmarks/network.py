"""Benchmark the default network, and resolution and routing on ru-rail against naive loops.

Run from the repository root:

    python benchmarks/network.py [--names 10000] [--pairs 10000] [--naive-sample 500]

Default network (always). Load: each run in a fresh Python process (import, then
``load_network()``, then a first ``resolve``), median of ``--runs``, for the baseline
checkout (``--baseline-ref``, main before the network cache, checked out into a
temporary git worktree), for this checkout with an empty cache directory (cold: the
network and its name index are built and written) and with the cache written
(warm); then in this process ``load_network(cache=False)`` against repeated
``load_network()`` calls (the process cache) and the gazetteer index build against
reading it back. Names per second resolving report-style variants of its station and
town names, by this checkout and by the baseline on the same queries; the share of
labelled names resolved right (within 10 km) / unresolved / wrong
on ``tests/data/network_names.csv`` (embedded reports, DOMAIN.md spellings) and the
real-report corpus's ``tests/data/extraction_real/places.csv`` when present; route
lengths against ``data/network/distances.csv``. The ru-rail part needs
../shared/datasets/ru-rail and is skipped without it.

Names: report-style variants of ru-rail station names (Cyrillic as written, upper case,
BGN/PCGN, Polish-style and Ukrainian-style romanisations, noise words such as "st." or
"station", hyphens for spaces, an occasional dropped letter), drawn with repeats as
reports repeat places. Ours: ``net.resolve`` per name (skeleton blocking + rapidfuzz,
cached per distinct name). Naive: ``rapidfuzz.process.extractOne`` over all station
names per query (WRatio, default processor), timed on a sample.

Routes: origin-destination pairs within the largest component, few origins and many
destinations as in shipment reports. Ours: ``net.route`` per pair (one cached
single-source Dijkstra tree per origin) and ``net.route_lengths`` for the whole batch.
Naive: ``nx.shortest_path(G, o, d, weight="length_km")`` per pair, timed on a sample.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import networkx as nx
from rapidfuzz import process, utils

from railtrack import load_network
from railtrack._data import data_path
from railtrack._name_eval import PlaceLabel, label_from_row, score_names
from railtrack.gazetteer import Gazetteer

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _baseline import baseline_checkout

REPO = Path(__file__).resolve().parents[1]
BASELINE_REF = "fc8cd9d"  # main before the network cache and the faster index (issues 15, 19)
RU_RAIL = REPO.parent / "shared" / "datasets" / "ru-rail"

BGN = dict(zip("абвгдезийклмнопрстуфыэ", "abvgdeziyklmnoprstufye", strict=True)) | {
    "ё": "yo", "ж": "zh", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch",
    "ю": "yu", "я": "ya", "ь": "'", "ъ": "",
}  # fmt: skip
POLISH = BGN | {
    "в": "w", "й": "j", "х": "ch", "ц": "c", "ч": "cz", "ш": "sz", "щ": "szcz", "ж": "ż",
    "ю": "ju", "я": "ja", "е": "ie", "ё": "io", "ы": "y", "ь": "", "л": "ł",
}  # fmt: skip
UKRAINIAN = BGN | {"г": "h", "и": "y", "ы": "y", "е": "e", "й": "i", "ь": "", "я": "ia"}
NOISE = ["{}", "{}", "{}", "st. {}", "{} station", "ст. {}", "{} railway station"]


def translit(name: str, table: dict[str, str]) -> str:
    out = []
    for ch in name:
        low = ch.lower()
        rep = table.get(low, ch)
        out.append(rep.capitalize() if ch != low and rep else rep)
    return "".join(out)


def variant(name: str, rng: random.Random) -> str:
    kind = rng.randrange(6)
    if kind == 0:
        text = name
    elif kind == 1:
        text = name.upper()
    else:
        text = translit(name, (BGN, POLISH, UKRAINIAN, BGN)[kind - 2])
    if rng.random() < 0.3:
        text = text.replace(" ", "-")
    if rng.random() < 0.1 and len(text) > 6:  # a dropped letter
        i = rng.randrange(1, len(text) - 1)
        text = text[:i] + text[i + 1 :]
    return rng.choice(NOISE).format(text)


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def bench_names(net, n_names: int, n_naive: int, rng: random.Random) -> list[str]:
    G = net.G
    names = {n: d["name"] for n, d in G.nodes(data=True) if d.get("kind") != "track"}
    counts: dict[str, int] = {}
    for name in names.values():
        counts[name.casefold()] = counts.get(name.casefold(), 0) + 1
    # Stations whose name is unique (so the truth is one id), not "123 км" halts.
    pool = [
        n
        for n, name in names.items()
        if counts[name.casefold()] == 1 and not re.search(r"\d", name) and len(name) >= 4
    ]
    places = rng.sample(pool, min(3000, len(pool)))
    queries = []
    for _ in range(n_names):
        sid = rng.choice(places)
        queries.append((variant(names[sid], rng), sid))

    # ours: a fresh gazetteer index (never the cached one), then one resolve per query
    t0 = time.perf_counter()
    gaz = Gazetteer(G, regions=net.regions, settings=net.settings)
    build_s = time.perf_counter() - t0
    ours, cold = [], []
    seen: set[str] = set()
    ours_counts: Counter[str] = Counter()
    for q, sid in queries:
        t = time.perf_counter()
        r = gaz.resolve(q)
        dt = time.perf_counter() - t
        ours.append(dt)
        if q not in seen:
            cold.append(dt)
            seen.add(q)
        ours_counts[_outcome(r.station_id if r.resolved else None, sid)] += 1

    # naive: extractOne over every name, on a sample of the same queries
    ids = list(names)
    choices = [names[i] for i in ids]
    sample = rng.sample(queries, min(n_naive, len(queries)))
    naive = []
    naive_counts: Counter[str] = Counter()
    sample_counts: Counter[str] = Counter()
    for q, sid in sample:
        t = time.perf_counter()
        best = process.extractOne(q, choices, processor=utils.default_process)
        naive.append(time.perf_counter() - t)
        good = best is not None and best[1] >= net.settings.resolve_min_score
        naive_counts[_outcome(ids[best[2]] if good else None, sid)] += 1
        r = gaz.resolve(q)
        sample_counts[_outcome(r.station_id if r.resolved else None, sid)] += 1

    n = len(queries)
    m = len(sample)
    print(f"== names: {n} queries, {len(seen)} distinct, {len(places)} stations")
    print(f"gazetteer index build: {build_s:.2f} s ({len(G)} stations)")
    print(
        f"ours : median {median_ms(ours) * 1000:.1f} us/name (all), "
        f"{median_ms(cold) * 1000:.1f} us/name (first sight of a name), "
        f"total {sum(ours):.2f} s"
    )
    print(
        f"ours : {n / sum(ours):,.0f} names/s over all queries (repeats cached), "
        f"{len(cold) / sum(cold):,.0f} names/s over distinct names"
    )
    print(f"naive: median {median_ms(naive) * 1000:.1f} us/name on {m} sampled queries")
    base = statistics.median(naive)
    print(f"ratio naive/ours (median, all)  : {base / statistics.median(ours):.0f}x")
    print(f"ratio naive/ours (median, first): {base / statistics.median(cold):.0f}x")
    print(f"accuracy ours  (all {n}): {_shares(ours_counts, n, ', ')}")
    print(
        f"accuracy on the {m} sampled: ours {_shares(sample_counts, m)} | "
        f"naive {_shares(naive_counts, m)}"
    )
    return [q for q, _ in queries]


def _outcome(found: str | None, truth: str) -> str:
    """Classify one resolution: "correct", "wrong" or "unresolved" (None found)."""
    if found is None:
        return "unresolved"
    return "correct" if found == truth else "wrong"


def _shares(counts: Counter[str], n: int, sep: str = " ") -> str:
    return sep.join(f"{k} {counts[k] / n:.1%}" for k in ("correct", "wrong", "unresolved"))


def bench_routes(net, n_pairs: int, n_naive: int, rng: random.Random) -> None:
    G = net.G
    big = sorted(net.components[0])
    origins = rng.sample(big, 100)
    dests = rng.sample(big, 400)
    pairs = [(rng.choice(origins), rng.choice(dests)) for _ in range(n_pairs)]

    ours = []
    lengths = {}
    for o, d in pairs:
        t = time.perf_counter()
        (r,) = net.route(o, d)
        ours.append(time.perf_counter() - t)
        lengths[o, d] = r.length_km

    t = time.perf_counter()
    df = net.route_lengths(pairs)
    batch_s = time.perf_counter() - t

    sample = rng.sample(pairs, min(n_naive, len(pairs)))
    naive = []
    mismatches = 0
    for o, d in sample:
        t = time.perf_counter()
        path = nx.shortest_path(G, o, d, weight="length_km")
        naive.append(time.perf_counter() - t)
        km = nx.path_weight(G, path, weight="length_km")
        mismatches += abs(km - lengths[o, d]) > 1e-6
    batch_mismatch = int(
        sum(abs(a - lengths[p]) > 1e-6 for a, p in zip(df["length_km"], pairs, strict=True))
    )
    print(f"== routes: {n_pairs} pairs, {len(origins)} origins x {len(dests)} destinations")
    print(f"ours : net.route median {median_ms(ours):.3f} ms/route, total {sum(ours):.2f} s")
    print(
        f"ours : net.route_lengths batch {batch_s:.2f} s = {batch_s / n_pairs * 1000:.3f} ms/pair"
    )
    print(f"naive: nx.shortest_path median {median_ms(naive):.3f} ms/route on {len(sample)} pairs")
    base = statistics.median(naive)
    print(f"ratio naive/ours (median per route): {base / statistics.median(ours):.0f}x")
    print(f"ratio naive/ours (batch, per pair) : {base / (batch_s / n_pairs):.0f}x")
    print(f"length mismatches vs naive: {mismatches} of {len(sample)}; batch vs route: ", end="")
    print(batch_mismatch)


def _labels(path: Path) -> list[PlaceLabel]:
    import pandas as pd

    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    return [label_from_row(r) for r in df.to_dict("records")]


_LOAD_PROBE = """
import json, sys, time
t0 = time.perf_counter()
sys.path.insert(0, {src!r})
from railtrack.network import load_network
t1 = time.perf_counter()
net = load_network()
t2 = time.perf_counter()
r = net.resolve("Valuyki")
t3 = time.perf_counter()
print(json.dumps({{"import": t1 - t0, "load": t2 - t1, "resolve": t3 - t2, "id": r.station_id}}))
"""

_NAMES_PROBE = """
import json, sys, time
sys.path.insert(0, {src!r})
from railtrack.network import load_network
net = load_network()
gaz = net.gazetteer
queries = json.load(open({queries!r}, encoding="utf-8"))
t = time.process_time()
found = [gaz.resolve(q) for q in queries]
cpu = time.process_time() - t
same = [[r.station_id, r.region, r.score, list(map(list, r.candidates)), r.note] for r in found]
print(json.dumps({{"cpu": cpu, "results": same}}))
"""


def run_probe(code: str, cache_dir: Path | None) -> tuple[dict, float, float]:
    """Run ``code`` in a fresh Python; return its JSON output, wall and CPU seconds."""
    env = dict(os.environ)
    env.pop("RAILTRACK_NO_CACHE", None)
    if cache_dir is not None:
        env["RAILTRACK_CACHE_DIR"] = str(cache_dir)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=env,
        cwd=tempfile.gettempdir(),
        check=True,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return json.loads(done.stdout.strip().splitlines()[-1]), wall, cpu


def _load_row(label: str, runs: list[tuple[dict, float, float]]) -> dict[str, float]:
    med = {k: statistics.median(r[0][k] for r in runs) for k in ("import", "load", "resolve")}
    med["wall"] = statistics.median(r[1] for r in runs)
    med["cpu"] = statistics.median(r[2] for r in runs)
    print(
        f"{label:<30} {med['import']:>8.2f} {med['load']:>8.2f} {med['resolve']:>9.2f} "
        f"{med['wall']:>8.2f} {med['cpu']:>7.2f}"
    )
    return med


def bench_load(base_src: Path | None, n_runs: int, tmp: Path) -> None:
    """Load and first resolve in fresh processes: baseline, cold cache, warm cache."""
    print(f"== default network load, fresh process per run, median of {n_runs} (seconds)")
    print(f"{'':<30} {'import':>8} {'load':>8} {'resolve':>9} {'wall':>8} {'cpu':>7}")
    this = _LOAD_PROBE.format(src=str(REPO / "src"))
    rows = {}
    if base_src is not None:
        code = _LOAD_PROBE.format(src=str(base_src))
        run_probe(code, None)  # warm the file cache
        rows["base"] = _load_row(
            f"baseline {BASELINE_REF} (no cache)", [run_probe(code, None) for _ in range(n_runs)]
        )
    cold = [run_probe(this, tmp / f"cold{i}") for i in range(n_runs)]
    rows["cold"] = _load_row("this, cold (empty cache)", cold)
    warm_dir = tmp / "warm"
    run_probe(this, warm_dir)  # writes the cache
    rows["warm"] = _load_row(
        "this, warm (cache written)", [run_probe(this, warm_dir) for _ in range(n_runs)]
    )
    if "base" in rows:
        for kind in ("cold", "warm"):
            b, r = rows["base"], rows[kind]
            print(
                f"ratio baseline/{kind}: load {b['load'] / r['load']:.1f}x, load + first "
                f"resolve {(b['load'] + b['resolve']) / (r['load'] + r['resolve']):.1f}x, "
                f"process wall {b['wall'] / r['wall']:.1f}x, CPU {b['cpu'] / r['cpu']:.1f}x"
            )


def bench_in_process(n_runs: int) -> None:
    """``load_network`` built from files against the process cache, in this process."""
    built, again, theatre = [], [], []
    for _ in range(n_runs):
        t = time.perf_counter()
        net = load_network(cache=False)
        built.append(time.perf_counter() - t)
        t = time.perf_counter()
        load_network(national=False, cache=False)
        theatre.append(time.perf_counter() - t)
    load_network().gazetteer  # noqa: B018  (fills the process cache)
    for _ in range(n_runs):
        t = time.perf_counter()
        load_network().gazetteer  # noqa: B018
        again.append(time.perf_counter() - t)
    t = time.perf_counter()
    Gazetteer(net.G, regions=net.regions, settings=net.settings)
    index_s = time.perf_counter() - t
    b, a = statistics.median(built), statistics.median(again)
    print(f"== in one process, median of {n_runs}: {net}")
    print(
        f"load_network(cache=False): {b:.2f} s (theatre alone {statistics.median(theatre):.3f} s)"
        f" + gazetteer index build {index_s:.2f} s"
    )
    print(
        f"load_network() + .gazetteer from the process cache: {a:.3f} s "
        f"(ratio {(b + index_s) / a:.0f}x)"
    )


def bench_names_baseline(base_src: Path, queries: list[str], tmp: Path) -> None:
    """Resolve the same queries with the baseline code (fresh process, CPU time)."""
    path = tmp / "queries.json"
    path.write_text(json.dumps(queries, ensure_ascii=False), encoding="utf-8")
    base, _, _ = run_probe(_NAMES_PROBE.format(src=str(base_src), queries=str(path)), None)
    mine, _, _ = run_probe(_NAMES_PROBE.format(src=str(REPO / "src"), queries=str(path)), None)
    n = len(queries)
    print(
        f"names, fresh process each, CPU: baseline {n / base['cpu']:,.0f} names/s, "
        f"this {n / mine['cpu']:,.0f} names/s (ratio {base['cpu'] / mine['cpu']:.1f}x); "
        f"same answers (id, region, score, candidates, note): {base['results'] == mine['results']}"
    )


def bench_default(
    n_names: int, n_naive: int, rng: random.Random, n_runs: int, baseline: str | None
) -> None:
    import pandas as pd

    with tempfile.TemporaryDirectory() as tmp_dir:
        tmp = Path(tmp_dir)
        with baseline_checkout(baseline, tmp / "baseline") as base_src:
            bench_load(base_src, n_runs, tmp)
            bench_in_process(3)
            net = load_network()
            queries = bench_names(net, n_names, n_naive, rng)
            if base_src is not None:
                bench_names_baseline(base_src, queries, tmp)
    for path in (
        REPO / "tests/data/network_names.csv",
        REPO / "tests/data/extraction_real/places.csv",
    ):
        if not path.is_file():
            print(f"names: {path.relative_to(REPO)} not present; skipped")
            continue
        df = score_names(net, _labels(path))
        judged = df[df["outcome"] != "unjudged"]
        shares = judged["outcome"].value_counts(normalize=True)
        print(
            f"names {path.relative_to(REPO)}: {len(df)} labels, {len(judged)} judged: "
            + ", ".join(f"{k} {shares.get(k, 0):.1%}" for k in ("right", "unresolved", "wrong"))
        )
        for r in judged[judged["outcome"] != "right"].itertuples():
            print(f"   {r.outcome}: {r.name!r} -> {r.resolved_name} ({r.resolved_id})")
    table = pd.read_csv(data_path("network", "distances.csv"))
    errors = []
    for r in table.itertuples():
        (route,) = net.route(r.origin, r.destination)
        errors.append(route.length_km / r.published_km - 1)
    print(
        f"distances: {len(table)} published pairs, median error {statistics.median(errors):+.1%}, "
        f"worst {max(errors, key=abs):+.1%}, within 10%: {sum(abs(e) <= 0.1 for e in errors)}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--names", type=int, default=10_000)
    parser.add_argument("--pairs", type=int, default=10_000)
    parser.add_argument("--naive-sample", type=int, default=500)
    parser.add_argument("--seed", type=int, default=4)
    parser.add_argument("--network", type=Path, default=RU_RAIL)
    parser.add_argument("--runs", type=int, default=5, help="fresh-process runs per load case")
    parser.add_argument("--baseline-ref", default=BASELINE_REF)
    parser.add_argument("--no-baseline", action="store_true")
    args = parser.parse_args()
    baseline = None if args.no_baseline else args.baseline_ref
    bench_default(args.names, args.naive_sample, random.Random(args.seed), args.runs, baseline)
    if not (args.network / "stations.csv").is_file():
        print(f"ru-rail not found at {args.network}; ru-rail part skipped", file=sys.stderr)
        return 0
    t = time.perf_counter()
    net = load_network(args.network)
    print(f"load_network: {time.perf_counter() - t:.2f} s; {net}")
    rng = random.Random(args.seed)
    bench_names(net, args.names, args.naive_sample, rng)
    bench_routes(net, args.pairs, args.naive_sample, rng)
    return 0


if __name__ == "__main__":
    sys.exit(main())

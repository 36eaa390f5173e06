"""Name resolution accuracy on labelled real names: right / unresolved / wrong.

Usage::

    python benchmarks/names.py
    python benchmarks/names.py --speed 10000 --runs 3 --baseline-ref f400c79
    python benchmarks/names.py --speed 4000 --no-forms --baseline-src /tmp/base/src \
        --network ../shared/datasets/ru-rail

``--speed N`` times instead (CPU, fresh processes, best of ``--runs``): names per
second for the distinct ones of N report-style names never seen before (Latin
spellings: case, BGN, Polish and Ukrainian romanisations), for the distinct ones of
``N // 4`` Russian names of the network's places in an oblique case (``cyrillic``:
genitive, dative, accusative, locative as pymorphy3 inflects them; the names Russian,
Ukrainian and Belarusian reports write) and for 100,000 names as reports name them
(the same places again and again), name by name, through the batch path with nothing
stored (cold) and with the answers of an earlier run stored (warm), beside a baseline
commit's loop; then ``load_network()`` and its name index, cold (empty cache
directory) and warm. Each figure says whether it meets issue 15's 20,000 names/s or 1
s. With ``--network DIR`` the queries are made from that network's names and resolved
on it; ``--no-forms`` leaves out the exact-form index (building it takes minutes of
CPU on a large network). The baseline is ``--baseline-ref REF`` (checked out in a
temporary worktree) or ``--baseline-src DIR`` (a checkout's ``src``); it runs with
pymorphy3's pure-Python dictionary reader when its ``pyproject.toml`` does not ask for
DAWG2, as it was installed (the C++ reader of this tree changes no answer:
``tests/test_morph_reader.py``).

Scores the default network's gazetteer (:func:`railtrack._name_eval.score_names`:
right = within 10 km of the labelled place, or the labelled region/country) on

- ``tests/data/network_names.csv``: the names of the embedded reports and the
  spellings table of DOMAIN.md;
- ``tests/data/extraction_real/places.csv``: every place the real-report corpus
  labels, split into the development reports and the 19 held-out reports of
  ``tests/data/extraction_real_holdout`` (held out: never used for tuning, only
  reported);
- ``tests/data/names_real/spellings.csv``: more real spellings from published rail
  reports (source URL beside each; development names);
- ``tests/data/names_real/unseen.csv``: real spellings gathered in session 4 and
  scored before any rule was changed for them (their first score is in the table's
  README).

``--network DIR`` scores on another network (e.g. ``../shared/datasets/ru-rail``, read
only) instead of the embedded one; ``--no-baseline`` skips the second figure below.
Each figure is printed twice in the same run: with the fallbacks of issue 15 (case
forms looked up exactly, countries and places outside the network) and without them
(the gazetteer as it resolves a name as written), so the change is measured against a
baseline of this run. Every name not right is listed with why; a name still
unresolved is looked up in the ru-rail station list beside the repository (GPL, read
only, skipped when absent) to say whether it is a real station no source the
repository may carry places.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import re
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import yaml

from railtrack import load_network
from railtrack._name_eval import PlaceLabel, label_from_row, score_names
from railtrack.gazetteer import Gazetteer
from railtrack.inflection import lemma_forms
from railtrack.world_places import name_key

REPO = Path(__file__).resolve().parents[1]
FORMS_KEY = "names-benchmark-forms"  # the index key the speed runs build a form index under
RU_RAIL = REPO.parent / "shared" / "datasets" / "ru-rail" / "stations.csv"
HOLDOUT = REPO / "tests" / "data" / "extraction_real_holdout"


def labels(path: Path) -> tuple[list[PlaceLabel], list[str]]:
    """Labels of a table, and each row's language ("" when the table has none)."""
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    out = [label_from_row(r) for r in df.to_dict("records")]
    return out, list(df["lang"]) if "lang" in df else [""] * len(out)


def holdout_names() -> set[tuple[str, str]]:
    """(name as written, language) of every place the held-out reports label."""
    found: set[tuple[str, str]] = set()
    for path in sorted(HOLDOUT.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        exp = data["expected"]
        places = []
        for s in exp["shipments"]:
            places += [s[k] for k in ("origin", "destination") if k in s]
            places += list(s.get("via") or [])
        places += [seen["place"] for seen in exp.get("sightings") or [] if seen["place"]]
        found.update((p["text"], data["lang"]) for p in places)
    return found


def ru_rail_keys() -> dict[str, str]:
    """Skeleton key -> ru-rail station name (empty when ru-rail is absent)."""
    if not RU_RAIL.is_file():
        return {}
    with RU_RAIL.open(encoding="utf-8", newline="") as f:
        return {name_key(r["name"]): r["name"] for r in csv.DictReader(f)}


@contextmanager
def fallbacks_off() -> Any:
    """Resolve names as written only: the gazetteer before the fallbacks (baseline)."""
    saved = (Gazetteer._resolve_fallback, Gazetteer._country_over_town)
    Gazetteer._resolve_fallback = lambda self, query, found, lang: None  # type: ignore[method-assign]
    Gazetteer._country_over_town = lambda self, query, found: found  # type: ignore[method-assign]
    try:
        yield
    finally:
        Gazetteer._resolve_fallback, Gazetteer._country_over_town = saved  # type: ignore[method-assign]


def clear_answers(gaz: Gazetteer) -> None:
    """Forget the answers an index cached (by name, and by name and language)."""
    gaz._cache.clear()
    getattr(gaz, "_lang_cache", {}).clear()


def why(net: Any, row: Any, ru_rail: dict[str, str]) -> str:
    """A reason for a name that is not right."""
    if row.outcome == "wrong":
        return f"WRONG: {row.resolved_name} ({row.resolved_id}), {row.error_km:.0f} km off"
    note = net.resolve(row.name).note
    if note.startswith("ambiguous"):
        return note[:160]
    keys = {name_key(n) for n in (row.name, *lemma_forms(row.name))}
    hit = next((ru_rail[k] for k in keys if k in ru_rail), None)
    if hit is not None:
        return (
            f"ru-rail (GPL, not carried) has a station of that key, {hit}; no source the "
            "repository may carry places it"
        )
    return "no place of that name (or of a case form of it) in the gazetteer or world tables"


def report(
    net: Any,
    name: str,
    df: pd.DataFrame,
    base: pd.DataFrame,
    ru_rail: dict[str, str],
    *,
    list_names: bool = True,
) -> None:
    """Print one table's figures, with and without the fallbacks, and the names not right."""

    def shares(d: pd.DataFrame) -> str:
        n = len(d)
        c = d["outcome"].value_counts()
        return ", ".join(
            f"{k} {c.get(k, 0)}/{n} ({c.get(k, 0) / max(n, 1):.1%})"
            for k in ("right", "unresolved", "wrong")
        ) + (f", unjudged {c['unjudged']}" if "unjudged" in c else "")

    print(f"{name}: {shares(df)}")
    print(f"{' ' * len(name)}  without fallbacks: {shares(base)}")
    if not list_names:
        return
    for row in df[df["outcome"] != "right"].itertuples():
        print(f"    {row.outcome:10} {row.name!r}: {why(net, row, ru_rail)}")


def variant_queries(net: Any, n: int, seed: int) -> list[str]:
    """``n`` report-style variants of the network's unique place names (with repeats)."""
    sys.path.insert(0, str(Path(__file__).parent))
    from network import variant

    names = [str(d["name"]) for _, d in net.G.nodes(data=True) if d.get("kind") != "track"]
    pool = sorted(x for x in set(names) if len(x) >= 4 and not re.search(r"\d", x))
    rng = random.Random(seed)
    places = rng.sample(pool, min(3000, len(pool)))
    return [variant(rng.choice(places), rng) for _ in range(n)]


def cyrillic_queries(net: Any, n: int, seed: int) -> list[str]:
    """``n`` Russian names of the network's places, the last word in an oblique case.

    The case (genitive, dative, accusative, locative) is drawn per name and made by
    pymorphy3 (``Parse.inflect``); a word it cannot inflect gets a suffix-rule ending.
    """
    import pymorphy3

    names = {str(d.get("name_ru") or "") for _, d in net.G.nodes(data=True)}
    pool = sorted(x for x in names if len(x) >= 4 and not re.search(r"\d", x))
    rng = random.Random(seed)
    morph = pymorphy3.MorphAnalyzer(lang="ru")
    out = []
    for name in rng.sample(pool, min(n, len(pool))):
        head, _, last = name.rpartition(" ")
        inflected = morph.parse(last)[0].inflect({rng.choice(["gent", "datv", "accs", "loct"])})
        word = inflected.word if inflected is not None else last + rng.choice(["а", "е", "у"])
        out.append(f"{head} {word[:1].upper()}{word[1:]}".strip())
    return out


def answers(net: Any, queries: list[str]) -> dict[str, list[Any]]:
    """What each distinct query resolves to: every field of its resolution.

    Resolved by the batch path (``Gazetteer.resolve_all``) where the tree has one,
    name by name on an older tree, so a dump of the old tree checks the new path.
    """
    out = {}
    distinct = list(dict.fromkeys(queries))
    if hasattr(net.gazetteer, "keep_answers"):
        net.gazetteer.keep_answers(None)  # computed here, never read from an earlier run
        clear_answers(net.gazetteer)
    batch = getattr(net.gazetteer, "resolve_all", None)
    found = batch(distinct) if batch is not None else [net.resolve(q) for q in distinct]
    for q, r in zip(distinct, found, strict=True):
        out[q] = [
            r.resolved, r.station_id, r.region, r.name, r.score, r.precision, r.form,
            r.note, [list(c) for c in r.candidates], r.lat, r.lon, r.country,
        ]  # fmt: skip
    return out


def compare(path: Path, now: dict[str, list[Any]]) -> int:
    """Print whether ``now`` equals the answers dumped in ``path``; 1 when not."""
    before = json.loads(path.read_text(encoding="utf-8"))
    now = json.loads(json.dumps(now, ensure_ascii=False))
    differ = [q for q in before if now.get(q) != before[q]]
    print(
        f"same answers as {path}: {not differ and before.keys() == now.keys()} "
        f"({len(before)} names, {len(differ)} differ)"
    )
    for q in differ[:20]:
        print(f"    {q!r}: before {before[q]}\n    {' ' * len(repr(q))}  now    {now.get(q)}")
    return 1 if differ or before.keys() != now.keys() else 0


def speed_child(path: Path, mode: str, network: Path | None = None) -> int:
    """Time one resolving pass in this process; print its CPU seconds as JSON.

    ``path`` holds ``{"distinct": [...], "repeated": [...]}``. Each list is resolved
    by a fresh index (never the shared one), first use included (the pymorphy3
    dictionaries and the world-places table load on the first name that needs them):
    ``loop`` name by name with ``Gazetteer.resolve`` (the plain path; all a baseline
    tree has), ``batch`` with ``Gazetteer.resolve_all``, ``stored`` with
    ``resolve_all`` starting from the answers an earlier run kept in the cache.
    ``network`` is the network directory (None: the default network).
    """
    sys.path.insert(0, str(Path(__file__).parent))
    from _baseline import follow_reader_env

    follow_reader_env()  # a baseline as installed: pymorphy3's pure-Python reader
    if mode == "load":
        return load_child(network)
    net = load_network(network) if network is not None else load_network()
    if mode == "build":
        return build_child(net)
    lists = json.loads(path.read_text(encoding="utf-8"))
    out = {}
    for what, queries in lists.items():
        gaz = Gazetteer(net.G, regions=net.regions, settings=net.settings)
        if mode == "stored":  # the answers an earlier run stored (the parent wrote them)
            gaz.keep_answers("names-benchmark-" + what)
        if mode == "forms":  # the form index the parent built; no answers of earlier runs
            gaz.keep_answers(FORMS_KEY)
            gaz._store_key = None
        t = time.process_time()
        if mode in ("batch", "stored", "forms"):
            gaz.resolve_all(queries)
        else:
            for q in queries:
                gaz.resolve(q)
        out[what] = time.process_time() - t
    print(json.dumps(out))
    return 0


def build_child(net: Any) -> int:
    """Build the form index of a fresh index under :data:`FORMS_KEY`; print CPU s as JSON."""
    from railtrack._formindex import build_form_index, load_form_index

    gaz = Gazetteer(net.G, regions=net.regions, settings=net.settings)
    t = time.process_time()
    build_form_index(gaz, FORMS_KEY)
    cpu = time.process_time() - t
    stored = load_form_index(FORMS_KEY)
    assert stored is not None
    print(json.dumps({"build": cpu, "forms": list(stored)}, ensure_ascii=False))
    return 0


def load_child(network: Path | None = None) -> int:
    """Time ``load_network()`` and its name index in this fresh process; print CPU s as JSON."""
    t = time.process_time()
    net = load_network(network) if network is not None else load_network()
    loaded = time.process_time() - t
    t = time.process_time()
    net.gazetteer  # noqa: B018 (the index: read from the cache, or built and written)
    print(json.dumps({"load_network": loaded, "index": time.process_time() - t}))
    return 0


def load_times(runs: int, tmp: Path, network: Path | None = None) -> None:
    """Print the CPU time of loading the network, cold and warm, best of ``runs``.

    Cold: an empty cache directory each run (the network and its name index built
    from the files and written); warm: the cache the cold run wrote.
    """
    import subprocess

    best: dict[str, dict[str, float]] = {}
    loads = []
    for r in range(runs):
        for case in ("cold", "warm"):
            cache = tmp / f"load-cache-{r}"
            env = {**os.environ, "RAILTRACK_CACHE_DIR": str(cache)}
            done = subprocess.run(
                [sys.executable, __file__, "--speed-child", "-", "load", *where(network)],
                env=env, capture_output=True, text=True, check=True,
            )  # fmt: skip
            cpu = json.loads(done.stdout.strip().splitlines()[-1])
            loads.append(os.getloadavg()[0])
            old = best.setdefault(case, cpu)
            for k, v in cpu.items():
                old[k] = min(old[k], v)
    print(
        f"{network or 'default network'}, CPU s, best of {runs} fresh processes "
        f"(load average {min(loads):.1f}-{max(loads):.1f}):"
    )
    for case, cpu in best.items():
        total = cpu["load_network"] + cpu["index"]
        print(
            f"  {case}: load_network() {cpu['load_network']:.2f} s, name index "
            f"{cpu['index']:.2f} s, together {total:.2f} s "
            f"(target 1 s: load_network() {'met' if cpu['load_network'] <= 1 else 'NOT met'})"
        )


def known_forms_of(q: str, forms: set[str]) -> bool:
    """Whether a name as written (or without the kind of place before it) is a known form."""
    from railtrack.gazetteer import _cleaned

    return q in forms or _cleaned(q) in forms


def known_share(queries: list[str], forms: set[str]) -> float:
    """Share of ``queries`` the form index answers."""
    return sum(known_forms_of(q, forms) for q in queries) / max(len(queries), 1)


def where(network: Path | None) -> list[str]:
    """The network argument of a child process (none for the default network)."""
    return [] if network is None else [str(network)]


def speed(
    n: int,
    seed: int,
    repeated: int,
    runs: int,
    baseline: str | None,
    baseline_src: Path | None,
    *,
    network: Path | None = None,
    forms: bool = True,
) -> int:
    """Print CPU names/s of the plain loop and the batch path, beside a baseline tree.

    Distinct: the distinct ones of ``n`` report-style variants of the network's
    names. Repeated: ``repeated`` names drawn from those with weights 1/rank (a long
    input naming the same places again and again). Every pass runs in a fresh
    process, the trees and modes alternating, ``runs`` times; the best (least CPU)
    of each is printed with the load average. ``network`` is the network directory
    (None: the default network); ``forms=False`` leaves out the exact-form index
    (its build takes minutes of CPU on a large network).
    """
    import subprocess
    import tempfile

    from _baseline import baseline_checkout, reader_env

    net = load_network(network) if network is not None else load_network()
    distinct = list(dict.fromkeys(variant_queries(net, n, seed)))
    rng = random.Random(seed)
    weights = [1 / (k + 1) for k in range(len(distinct))]
    lists = {
        "distinct": distinct,
        "cyrillic": list(dict.fromkeys(cyrillic_queries(net, n // 4, seed))),
        "repeated": rng.choices(distinct, weights, k=repeated),
    }
    sizes = {k: len(v) for k, v in lists.items()}
    print(
        f"{sizes['distinct']} distinct names; {sizes['cyrillic']} distinct Cyrillic case "
        f"forms; {sizes['repeated']} repeated names "
        f"({len(set(lists['repeated']))} distinct); best of {runs} fresh processes, CPU"
    )
    with tempfile.TemporaryDirectory() as tmp_dir:
        tmp = Path(tmp_dir)
        data = tmp / "queries.json"
        data.write_text(json.dumps(lists, ensure_ascii=False), encoding="utf-8")
        with baseline_checkout(baseline, tmp / "baseline") as base_src:
            trees = {"this tree": str(REPO / "src")}
            if baseline_src is not None:
                base_src, baseline = baseline_src, str(baseline_src)
            readers = {"this tree": reader_env(REPO / "src")}
            if base_src is not None:
                trees = {f"baseline {baseline}": str(base_src), **trees}
                readers[f"baseline {baseline}"] = reader_env(base_src)
                if readers[f"baseline {baseline}"]:
                    print(f"baseline {baseline}: pymorphy3's pure-Python reader (no DAWG2)")
            modes = ("batch", "forms", "stored") if forms else ("batch", "stored")
            cases = [(t, "loop") for t in trees] + [("this tree", m) for m in modes]
            cache = {"RAILTRACK_CACHE_DIR": str(tmp / "cache")}  # never the user's cache
            fill = [sys.executable, __file__, "--speed-child", str(data), "stored"]
            fill += where(network)
            subprocess.run(fill, env={**os.environ, **cache}, capture_output=True, check=True)
            if forms:
                build = [sys.executable, __file__, "--speed-child", "-", "build", *where(network)]
                built = subprocess.run(
                    build, env={**os.environ, **cache}, capture_output=True, text=True, check=True
                )
                index = json.loads(built.stdout.strip().splitlines()[-1])
                print(
                    f"form index: {len(index['forms']):,} known forms, built in "
                    f"{index['build']:.1f} s of CPU (cold, once per network; load average "
                    f"{os.getloadavg()[0]:.1f}); known forms among the distinct names: "
                    f"{known_share(distinct, set(index['forms'])):.1%}"
                )
            best: dict[tuple[str, str], dict[str, float]] = {}
            loads = []
            for _ in range(runs):
                for tree, mode in cases:
                    env = {**os.environ, **cache, **readers[tree], "PYTHONPATH": trees[tree]}
                    done = subprocess.run(
                        [sys.executable, __file__, "--speed-child", str(data), mode,
                         *where(network)],
                        env=env, capture_output=True, text=True, check=True,
                    )  # fmt: skip
                    cpu = json.loads(done.stdout.strip().splitlines()[-1])
                    loads.append(os.getloadavg()[0])
                    old = best.setdefault((tree, mode), cpu)
                    for k, v in cpu.items():
                        old[k] = min(old[k], v)
        print(f"load average during the runs: {min(loads):.1f}-{max(loads):.1f}")
        ref = best[(next(iter(trees)), "loop")]
        label = {
            "loop": "name by name",
            "batch": "resolve_all, cold (no form index, nothing stored)",
            "forms": "resolve_all, form index built (names never seen; warm)",
            "stored": "resolve_all, answers of an earlier run stored (names seen before)",
        }
        for (tree, mode), cpu in best.items():
            cells = []
            for k in lists:
                rate = sizes[k] / cpu[k]
                met = "meets" if rate >= 20_000 else "below"
                cells.append(
                    f"{k} {rate:,.0f} names/s ({cpu[k]:.2f} s, {ref[k] / cpu[k]:.2f}x, "
                    f"{met} 20,000/s)"
                )
            print(f"  {tree} {label[mode]}:\n      " + "; ".join(cells))
        load_times(runs, tmp, network)
    return 0


def main() -> int:
    """Score both label tables and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dump", type=Path, help="write every answer to this JSON file")
    parser.add_argument("--compare", type=Path, help="compare every answer with this dump")
    parser.add_argument("--variants", type=int, default=4000)
    parser.add_argument("--seed", type=int, default=4)
    parser.add_argument("--show-held-out", action="store_true")
    parser.add_argument(
        "--network", type=Path, help="score on this network directory (default: the embedded one)"
    )
    parser.add_argument(
        "--no-baseline", action="store_true", help="skip the figures without the fallbacks"
    )
    parser.add_argument(
        "--speed",
        type=int,
        metavar="N",
        help="only time N report-style variants: CPU names/s, distinct and repeated",
    )
    parser.add_argument("--repeated", type=int, default=100_000, metavar="M")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--baseline-ref", help="also time this commit's plain loop")
    parser.add_argument(
        "--baseline-src", type=Path, help="or a checkout's src directory (e.g. of main)"
    )
    parser.add_argument(
        "--no-forms",
        action="store_true",
        help="with --speed: leave out the exact-form index (minutes of CPU to build)",
    )
    parser.add_argument("--speed-child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.speed_child:
        query_path, mode, *network = args.speed_child
        return speed_child(Path(query_path), mode, Path(network[0]) if network else None)
    if args.speed:
        return speed(
            args.speed,
            args.seed,
            args.repeated,
            args.runs,
            args.baseline_ref,
            args.baseline_src,
            network=args.network,
            forms=not args.no_forms,
        )
    t = time.perf_counter()
    net = load_network(args.network) if args.network else load_network()
    print(f"network loaded in {time.perf_counter() - t:.1f} s: {net}")
    ru_rail = ru_rail_keys()
    if not ru_rail:
        print(f"ru-rail not found at {RU_RAIL}: unresolved names are not checked against it")
    held = holdout_names()
    tables = {
        "network_names.csv": REPO / "tests" / "data" / "network_names.csv",
        "places.csv": REPO / "tests" / "data" / "extraction_real" / "places.csv",
        "spellings.csv": REPO / "tests" / "data" / "names_real" / "spellings.csv",
        "unseen.csv": REPO / "tests" / "data" / "names_real" / "unseen.csv",
        "unseen5.csv": REPO / "tests" / "data" / "names_real" / "unseen5.csv",
        "unseen6.csv": REPO / "tests" / "data" / "names_real" / "unseen6.csv",
        "unseen7.csv": REPO / "tests" / "data" / "names_real" / "unseen7.csv",
        "unseen8.csv": REPO / "tests" / "data" / "names_real" / "unseen8.csv",
        "unseen9.csv": REPO / "tests" / "data" / "names_real" / "unseen9.csv",
        "unseen10.csv": REPO / "tests" / "data" / "names_real" / "unseen10.csv",
        "unseen11.csv": REPO / "tests" / "data" / "names_real" / "unseen11.csv",
        "unseen12.csv": REPO / "tests" / "data" / "names_real" / "unseen12.csv",
        "unseen13.csv": REPO / "tests" / "data" / "names_real" / "unseen13.csv",
        "unseen14.csv": REPO / "tests" / "data" / "names_real" / "unseen14.csv",
    }
    for title, path in tables.items():
        if not path.is_file():
            print(f"{path} not present; skipped", file=sys.stderr)
            continue
        labelled, langs = labels(path)
        t = time.perf_counter()
        df = score_names(net, labelled)
        seconds = time.perf_counter() - t
        clear_answers(net.gazetteer)
        if args.no_baseline:
            base = df.iloc[0:0]
        else:
            with fallbacks_off():
                base = score_names(net, labelled)
            clear_answers(net.gazetteer)
        print(f"({len(labelled)} names resolved in {seconds:.2f} s, first use included)")
        is_held = np.array(
            [(lab.name, lang) in held for lab, lang in zip(labelled, langs, strict=True)],
            dtype=bool,
        )  # by position; the baseline is empty with --no-baseline

        def part(d: pd.DataFrame, rows: np.ndarray) -> pd.DataFrame:
            return d[rows] if len(d) == len(rows) else d

        if is_held.any():
            report(net, f"{title} development", df[~is_held], part(base, ~is_held), ru_rail)
            report(
                net,
                f"{title} held out",
                df[is_held],
                part(base, is_held),
                ru_rail,
                list_names=args.show_held_out,
            )
        else:
            report(net, f"{title} all", df, base, ru_rail)
    if args.dump or args.compare:
        present = [path for path in tables.values() if path.is_file()]
        queries = [lab.name for path in present for lab in labels(path)[0]]
        queries += variant_queries(net, args.variants, args.seed)
        now = answers(net, queries)
        if args.dump:
            args.dump.write_text(json.dumps(now, ensure_ascii=False), encoding="utf-8")
            print(f"{len(now)} answers written to {args.dump}")
        if args.compare:
            return compare(args.compare, now)
    return 0


if __name__ == "__main__":
    sys.exit(main())

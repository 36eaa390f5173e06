"""Where resolving a name never seen before spends its time: a breakdown by kind of work.

Usage: python benchmarks/names_profile.py [--names N] [--rate HZ] [--functions N]

Resolves the distinct ones of ``N`` report-style names never seen before (the
queries of ``python benchmarks/names.py --speed N``: variants of the default
network's names) name by name with ``Gazetteer.resolve`` on a fresh index, the
pymorphy3 dictionaries and the world-places table loaded first, in a child process
sampled from outside by ``py-spy`` (``--nonblocking``: nothing is added to the
child's calls, unlike ``cProfile``, whose per-call hooks inflate small Python
functions several times over). Each sample is charged to one kind of work, by the
outermost frame of the sample that belongs to a kind (:data:`KINDS`, first match
from the outside in):

- **case-form generation**: ``lemma_forms`` (pymorphy3, the suffix rules), the
  "-щина" and station-town forms;
- **fuzzy matching**: rapidfuzz extracts over station keys and region aliases and
  the plausibility check of each fuzzy hit;
- **Resolution building**: constructing and copying ``Resolution`` objects;
- **exact-form lookup**: a form's tokens, its spelling key and region core, the
  dict look-ups of keys, region aliases and places outside the network;
- **rules**: everything else of the gazetteer (scoring the exact hits, ordering the
  candidates, ``_pick``, the case-form clash, larger namesakes, the country and
  continent checks, ...).

The child's names/s (CPU time of the sampled pass; ``--nonblocking`` barely slows
it) is printed with the load average: read the shares, not the seconds.
Needs ``py-spy`` (``pip install "railtrack[profile]"``; allowed to read another
process's memory).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
MARK = "sampled_pass"

# (kind, function names whose frames are charged to it), first match from the outside in
KINDS = (
    (
        "case-form generation",
        ("lemma_forms", "region_word_forms", "station_town_forms", "name_forms"),
    ),
    (
        "fuzzy matching",
        ("_fuzzy", "_fuzzy_by_length", "_fuzzy_plausible", "_lookup", "_window", "_bare"),
    ),
    ("Resolution building", ("replace", "__init__", "_found", "_region_result")),
    (
        "exact-form lookup",
        (
            "_may_name",
            "_may_name_a_place",
            "_spelling_key",
            "_core_key",
            "_form_tokens",
            "_query_tokens",
            "_form_key",
            "name_tokens",
            "tokens_skeleton",
            "base_tokens",
            "_resolve_form",
            "_exact_rival",
            "_world_lookup",
            "lookup",
            "has_key",
            "_cleaned",
            "name_key",
            "_written_as",
        ),
    ),
)


def kind_of(stack: list[str]) -> str:
    """Return the kind of work a sample's frames (outermost first) are charged to."""
    names = [re.sub(r" \(.*$", "", frame).rsplit(".", 1)[-1] for frame in stack]
    for name in names:
        for kind, functions in KINDS:
            if name in functions:
                return kind
    return "rules"


def child(n: int) -> int:
    """Resolve the distinct names once on a fresh index, timed (and sampled from outside).

    Only one pass: a second would find every name's case forms and tokens in the
    module-level caches the first filled.
    """
    sys.path.insert(0, str(HERE))
    from names import variant_queries

    from railtrack import load_network
    from railtrack.gazetteer import Gazetteer

    net = load_network()
    queries = list(dict.fromkeys(variant_queries(net, n, 4)))
    warm = Gazetteer(net.G, regions=net.regions, settings=net.settings)
    for q in ("в Брянске", "Kurska", "Orsza", "Азии"):  # dictionaries and tables loaded
        warm.resolve(q)
    gaz = Gazetteer(net.G, regions=net.regions, settings=net.settings)
    cpu = globals()[MARK](gaz, queries)
    print(json.dumps({"names": len(queries), "cpu": cpu, "load": os.getloadavg()[0]}))
    return 0


def sampled_pass(gaz: object, queries: list[str]) -> float:
    """Resolve each name; return the CPU seconds (py-spy's samples are counted in here)."""
    t = time.process_time()
    for q in queries:
        gaz.resolve(q)  # type: ignore[attr-defined]
    return time.process_time() - t


def main() -> int:
    """Run the sampled child and print the shares of each kind of work."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--names", type=int, default=10000)
    parser.add_argument("--rate", type=int, default=200)
    parser.add_argument("--functions", type=int, default=15)
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args.child)
    spy = shutil.which("py-spy")
    if spy is None:
        print('py-spy not found: pip install "railtrack[profile]"', file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / "samples.txt"
        cmd = [spy, "record", "--nonblocking", "-r", str(args.rate), "-f", "raw"]
        cmd += ["-o", str(raw), "--", sys.executable, __file__, "--child", str(args.names)]
        done = subprocess.run(cmd, capture_output=True, text=True, check=True)
        lines = raw.read_text(encoding="utf-8").splitlines()
    info = json.loads(next(x for x in done.stdout.splitlines() if x.startswith("{")))
    kinds: Counter[str] = Counter()
    functions: Counter[str] = Counter()
    total = 0
    for line in lines:
        stack_text, _, count = line.rpartition(" ")
        frames = stack_text.split(";")
        at = next((i for i, f in enumerate(frames) if f.startswith(MARK + " ")), None)
        if at is None:
            continue
        inner = frames[at + 1 :]
        kinds[kind_of(inner)] += int(count)
        if inner:
            functions[re.sub(r":\d+\)", ")", inner[-1])] += int(count)
        total += int(count)
    print(
        f"{info['names']} distinct names, {info['names'] / info['cpu']:,.0f} names/s of CPU "
        f"unsampled (load average {info['load']:.1f}); {total} samples in the sampled pass"
    )
    for kind, n in kinds.most_common():
        print(f"  {kind:22} {n / max(total, 1):6.1%}")
    print(f"innermost frames (self time), top {args.functions}:")
    for name, n in functions.most_common(args.functions):
        print(f"  {n / max(total, 1):6.1%} {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

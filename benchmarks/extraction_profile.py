"""Where extraction spends its CPU time, per language: a stage breakdown in µs per report.

Usage: python benchmarks/extraction_profile.py [--repeat N] [--rate HZ] [--langs en,ru]
[--functions N]

Reads the development corpora's reports (``tests/data/extraction/`` and
``tests/data/extraction_real/``) grouped by language, as ``extraction.py`` times them
(a warm-up pass, then passes with the caches keyed by a whole text emptied before
each), in a child process sampled from outside by ``py-spy`` (``--nonblocking``:
the child is never paused, and nothing is added to its calls, unlike ``cProfile``
or ``pyinstrument``, whose per-call hooks inflate small Python functions several
times over and make a per-character loop look ten times its cost). Each sample's
innermost Python frame, C functions it calls included, is charged to the stage its
module belongs to (language identification, clauses, the lexicon readers' tokens
and finders, the English finders, train assembly, models and names, pydantic,
other), so the stages add up to the whole; the share of samples inside a few
entry points is printed beside them. The child's reports/s (CPU time of its own
passes, before the sampled ones) are printed with the load average: run it on a
quiet machine, and read the shares.

Needs ``py-spy`` (``pip install py-spy``; allowed to read another process's memory).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
LANGS = ("en", "ru", "uk", "be", "pl")

# (stage, path fragments of the modules whose frames are charged to it), first match wins
STAGES = (
    ("language id", ("extract/language.py", "lingua")),
    ("Łacinka", ("extract/lacinka.py",)),
    ("clauses", ("extract/sentences.py",)),
    ("lexicon tokens/tables", ("extract/lexicon.py", "extract/casefold.py")),
    ("lexicon finders", ("extract/lexread.py",)),
    ("morphology", ("extract/morph.py", "pymorphy", "simplemma")),
    ("English places", ("extract/places.py",)),
    ("English dates", ("extract/dates.py", "dateparser")),
    ("English numbers", ("extract/numbers.py",)),
    ("English cues", ("extract/cues.py", "extract/readers.py")),
    ("assembly", ("extract/trains.py",)),
    ("models and names", ("extract/result.py", "railtrack/models", "gazetteer", "network")),
    ("pydantic", ("pydantic",)),
)
ENTRY_POINTS = (
    ("detect_language", "language.py"),
    ("to_cyrillic", "lacinka.py"),
    ("split_clauses", "sentences.py"),
    ("read_trains", "trains.py"),
    ("build_extraction", "result.py"),
    ("resolve_place", ""),
)
MARK = "sampled_passes"


def stage_of(frame: str) -> str:
    """Return the stage a frame (``function (path:line)``) is charged to."""
    for stage, fragments in STAGES:
        if any(f in frame for f in fragments):
            return stage
    return "other"


def _items(lang: str) -> list[tuple[str, date | None]]:
    sys.path.insert(0, str(HERE))
    from extraction import CORPORA, _timed_reports, load_corpus

    snippets = load_corpus(CORPORA["development"]) + load_corpus(CORPORA["real"])
    return [
        (r["text"], date.fromisoformat(r["published"]) if r["published"] else None)
        for r in _timed_reports(snippets)
        if r["lang"] == lang
    ]


def sampled_passes(items: list, network: object) -> None:
    """One pass py-spy's samples are kept from (their stacks hold this name)."""
    from railtrack.extract import extract_shipments

    for text, published in items:
        extract_shipments(text, published=published, network=network)


def child(lang: str, repeat: int) -> None:
    """Warm up, time ``repeat`` passes (CPU time), then run the sampled passes."""
    sys.path.insert(0, str(HERE))
    from _extraction_speed import forget_texts

    from railtrack.extract import extract_shipments
    from railtrack.network import load_network

    network = load_network()
    items = _items(lang)
    for text, published in items:
        extract_shipments(text, published=published, network=network)
    best = float("inf")
    for _ in range(repeat):
        forget_texts()
        t0 = time.process_time()
        for text, published in items:
            extract_shipments(text, published=published, network=network)
        best = min(best, time.process_time() - t0)
    print(f"RATE {len(items)} {len(items) / best:.1f} {os.getloadavg()[0]:.1f}", flush=True)
    for _ in range(repeat):
        forget_texts()  # outside the sampled function: not counted
        sampled_passes(items, network)


def breakdown(raw: Path) -> tuple[Counter, Counter, int, Counter, Counter]:
    """Return samples by stage, by entry point, kept, by own function and with callees."""
    stages: Counter = Counter()
    entries: Counter = Counter()
    own: Counter = Counter()
    inclusive: Counter = Counter()
    kept = 0
    for line in raw.read_text(encoding="utf-8").splitlines():
        stack, _, count = line.rpartition(" ")
        frames = stack.split(";")
        if not any(f.startswith(MARK + " ") for f in frames):
            continue
        n = int(count)
        kept += n
        stages[stage_of(frames[-1])] += n
        own[_short(frames[-1])] += n
        for name in {
            _short(f)
            for f in frames[frames.index(next(f for f in frames if f.startswith(MARK + " "))) + 1 :]
        }:
            inclusive[name] += n
        for name, fragment in ENTRY_POINTS:
            if any(f.startswith(name + " ") and fragment in f for f in frames):
                entries[name] += n
    return stages, entries, kept, own, inclusive


def _short(frame: str) -> str:
    """``function (module.py)`` of a py-spy frame ``function (path/module.py:line)``."""
    name, _, where = frame.partition(" (")
    return f"{name} ({where.rsplit('/', 1)[-1].split(':', 1)[0]})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="passes timed, then sampled")
    parser.add_argument("--rate", type=int, default=500, help="py-spy samples per second")
    parser.add_argument("--langs", default=",".join(LANGS), help="languages, comma-separated")
    parser.add_argument(
        "--functions", type=int, default=0, help="also list the N largest functions"
    )
    parser.add_argument("--child", nargs=2, metavar=("LANG", "REPEAT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], int(args.child[1]))
        return 0
    spy = shutil.which("py-spy") or str(Path(sys.executable).parent / "py-spy")
    if not Path(spy).exists():
        print("py-spy is not installed: pip install py-spy", file=sys.stderr)
        return 2
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs")
    for lang in args.langs.split(","):
        with tempfile.TemporaryDirectory() as tmp:
            raw = Path(tmp) / "raw.txt"
            cmd = [spy, "record", "--nonblocking", "--format", "raw", "-r", str(args.rate)]
            cmd += ["-o", str(raw), "--", sys.executable, __file__]
            cmd += ["--child", lang, str(args.repeat)]
            done = subprocess.run(cmd, check=True, capture_output=True, text=True)
            line = next(x for x in done.stdout.splitlines() if x.startswith("RATE "))
            _, n, rate, load = line.split()
            stages, entries, kept, own, inclusive = breakdown(raw)
        us = 1e6 / float(rate)
        print(
            f"\n{lang}: {n} reports, {float(rate):,.0f} reports/s = {us:,.0f} µs/report "
            f"(best of {args.repeat} passes, CPU time, load average {load}); {kept} samples"
        )
        print(f"  {'stage (innermost frame)':<28}{'µs/report':>10}{'share':>8}")
        for stage, k in stages.most_common():
            print(f"  {stage:<28}{us * k / kept:>10,.0f}{k / kept:>8.0%}")
        print(f"  {'inside':<28}{'µs/report':>10}{'share':>8}")
        for name, _ in ENTRY_POINTS:
            k = entries.get(name, 0)
            print(f"  {name:<28}{us * k / kept:>10,.0f}{k / kept:>8.0%}")
        for title, table in (("own time", own), ("with callees", inclusive)):
            if args.functions:
                print(f"  {'function, ' + title:<48}{'µs/report':>10}{'share':>8}")
            for name, k in table.most_common(args.functions):
                print(f"  {name[:48]:<48}{us * k / kept:>10,.0f}{k / kept:>8.0%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

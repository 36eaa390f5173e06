"""Start-up time of the command line, beside the version before lazy imports.

Each command runs in a fresh Python process several times; the script prints the
median wall time and CPU time (user + system: what the command costs, less
disturbed by other work on a busy machine) and the ratio to the same command run
on a baseline checkout
(by default the commit before the command line imported its heavy libraries
lazily, checked out into a temporary git worktree), measured in the same run on
the same machine. Targets from issue 19: ``--help`` and ``--version`` under 0.5 s,
``resolve NAME`` under 1.5 s.

``resolve`` runs twice: warm (the network cache of :mod:`railtrack._netcache` written
by the warm-up run, as on every run after the first) and cold (an empty cache
directory each run: the network and its name index are built and written, as on the
first run after installing or upgrading railtrack). The cache lives in a temporary
directory, never the user's.

    python benchmarks/startup.py                 # 7 runs per command, beside the baseline
    python benchmarks/startup.py --runs 11 --baseline-ref 59ff1a6   # before lazy imports
    python benchmarks/startup.py --no-baseline

Also prints which heavy libraries ``import railtrack.cli`` loads (none should be).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _baseline import baseline_checkout

ROOT = Path(__file__).resolve().parents[1]
BASELINE_REF = "fc8cd9d"  # main before the network cache (59ff1a6: before lazy imports)
HEAVY = ("pandas", "numpy", "scipy", "matplotlib", "networkx", "rapidfuzz", "pyarrow")

# label, arguments, target seconds, cold (an empty network cache on every run)
COMMANDS: list[tuple[str, list[str], float | None, bool]] = [
    ("railtrack --help", ["--help"], 0.5, False),
    ("railtrack --version", ["--version"], 0.5, False),
    ("railtrack load --help", ["load", "--help"], 0.5, False),
    ("railtrack schema shipment", ["schema", "shipment"], None, False),
    ("railtrack resolve Homel", ["resolve", "Homel"], 1.5, False),
    ("railtrack resolve Homel --json", ["resolve", "Homel", "--json"], 1.5, False),
    ("railtrack resolve Valuyki", ["resolve", "Valuyki"], 1.5, False),
    ("resolve Valuyki, cold cache", ["resolve", "Valuyki"], None, True),
]

_RUNNER = (
    "import sys; sys.path.insert(0, {src!r}); sys.argv = ['railtrack', *{args!r}]\n"
    "from railtrack.cli import main\n"
    "try:\n    main()\nexcept SystemExit:\n    pass\n"
)


def time_once(src: Path, args: list[str], cache: Path) -> tuple[float, float]:
    """Run the command line of the checkout at ``src`` once; return (wall, CPU) seconds.

    CPU time (user + system of the child) is what the command itself costs; on a
    busy machine wall time also counts the time spent waiting for a core. ``cache``
    is the network cache directory the command uses.
    """
    code = _RUNNER.format(src=str(src), args=args)
    env = {k: v for k, v in os.environ.items() if k != "RAILTRACK_NO_CACHE"}
    env["RAILTRACK_CACHE_DIR"] = str(cache)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", code],
        check=False,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=tempfile.gettempdir(),
        env=env,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def median_time(
    src: Path, args: list[str], runs: int, cache: Path, *, cold: bool
) -> tuple[float, float]:
    """Return the median (wall, CPU) seconds of ``runs`` runs after one warm-up run.

    The warm-up run fills the file cache and the network cache in ``cache``; with
    ``cold`` each timed run gets an empty network cache directory instead.
    """
    time_once(src, args, cache)
    times = [
        time_once(src, args, Path(tempfile.mkdtemp(dir=cache.parent)) if cold else cache)
        for _ in range(runs)
    ]
    return statistics.median(t[0] for t in times), statistics.median(t[1] for t in times)


def heavy_imports(src: Path) -> list[str]:
    code = (
        f"import sys; sys.path.insert(0, {str(src)!r}); import railtrack.cli\n"
        f"print(' '.join(m for m in {HEAVY!r} if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], check=False, capture_output=True, text=True
    ).stdout
    return out.split()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--baseline-ref", default=BASELINE_REF)
    parser.add_argument("--no-baseline", action="store_true")
    opts = parser.parse_args()

    src = ROOT / "src"
    print(f"python {sys.version.split()[0]}, {opts.runs} runs per command (median)")
    print(f"heavy libraries loaded by `import railtrack.cli`: {heavy_imports(src) or 'none'}")
    ref = None if opts.no_baseline else opts.baseline_ref
    with tempfile.TemporaryDirectory() as tmp, baseline_checkout(ref, Path(tmp) / "base") as base:
        if base is not None:
            print(f"baseline {opts.baseline_ref} loads: {heavy_imports(base) or 'none'}")
        print(
            f"{'command':<32} {'wall s':>7} {'cpu s':>6} {'target':>7} "
            f"{'base wall':>9} {'base cpu':>8} {'speed-up (cpu)':>14}"
        )
        for label, args, target, cold in COMMANDS:
            cache = Path(tmp) / "cache-this"
            now, now_cpu = median_time(src, args, opts.runs, cache, cold=cold)
            goal = f"< {target}" if target else ""
            if base is None:
                print(f"{label:<32} {now:>7.2f} {now_cpu:>6.2f} {goal:>7}")
                continue
            then, then_cpu = median_time(base, args, opts.runs, Path(tmp) / "cache-base",
                                         cold=cold)  # fmt: skip
            print(
                f"{label:<32} {now:>7.2f} {now_cpu:>6.2f} {goal:>7} {then:>9.2f} "
                f"{then_cpu:>8.2f} {then / now:>6.1f}x ({then_cpu / now_cpu:.1f}x)"
            )


if __name__ == "__main__":
    main()

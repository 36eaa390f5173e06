"""Start-up time of the command line, beside the version before lazy imports.

Each command runs in a fresh Python process several times; the script prints the
median wall time and the ratio to the same command run on a baseline checkout
(by default the commit before the command line imported its heavy libraries
lazily, checked out into a temporary git worktree), measured in the same run on
the same machine. Targets from issue 19: ``--help`` and ``--version`` under 0.5 s,
``resolve NAME`` under 1.5 s.

    python benchmarks/startup.py                 # 7 runs per command
    python benchmarks/startup.py --runs 11 --baseline-ref 59ff1a6
    python benchmarks/startup.py --no-baseline

Also prints which heavy libraries ``import railtrack.cli`` loads (none should be).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BASELINE_REF = "59ff1a6"  # main before issue 19: pandas, scipy, matplotlib at start-up
HEAVY = ("pandas", "numpy", "scipy", "matplotlib", "networkx", "rapidfuzz", "pyarrow")

COMMANDS: list[tuple[str, list[str], float | None]] = [
    ("railtrack --help", ["--help"], 0.5),
    ("railtrack --version", ["--version"], 0.5),
    ("railtrack load --help", ["load", "--help"], 0.5),
    ("railtrack schema shipment", ["schema", "shipment"], None),
    ("railtrack resolve Homel", ["resolve", "Homel"], 1.5),
    ("railtrack resolve Homel --json", ["resolve", "Homel", "--json"], 1.5),
]

_RUNNER = (
    "import sys; sys.path.insert(0, {src!r}); sys.argv = ['railtrack', *{args!r}]\n"
    "from railtrack.cli import main\n"
    "try:\n    main()\nexcept SystemExit:\n    pass\n"
)


def time_once(src: Path, args: list[str]) -> float:
    """Run the command line of the checkout at ``src`` once; return seconds."""
    code = _RUNNER.format(src=str(src), args=args)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", code],
        check=False,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=tempfile.gettempdir(),
    )
    return time.perf_counter() - start


def median_time(src: Path, args: list[str], runs: int) -> float:
    time_once(src, args)  # warm the file cache
    return statistics.median(time_once(src, args) for _ in range(runs))


def heavy_imports(src: Path) -> list[str]:
    code = (
        f"import sys; sys.path.insert(0, {str(src)!r}); import railtrack.cli\n"
        f"print(' '.join(m for m in {HEAVY!r} if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], check=False, capture_output=True, text=True
    ).stdout
    return out.split()


def baseline_checkout(ref: str, into: Path) -> Path | None:
    """Check ``ref`` out into a detached git worktree at ``into``; None without git."""
    done = subprocess.run(
        ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(into), ref],
        check=False,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        print(f"no baseline: git worktree add {ref} failed: {done.stderr.strip()}")
        return None
    return into / "src"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--baseline-ref", default=BASELINE_REF)
    parser.add_argument("--no-baseline", action="store_true")
    opts = parser.parse_args()

    src = ROOT / "src"
    print(f"python {sys.version.split()[0]}, {opts.runs} runs per command (median)")
    print(f"heavy libraries loaded by `import railtrack.cli`: {heavy_imports(src) or 'none'}")
    with tempfile.TemporaryDirectory() as tmp:
        base = None
        if not opts.no_baseline:
            base = baseline_checkout(opts.baseline_ref, Path(tmp) / "baseline")
        try:
            if base is not None:
                print(f"baseline {opts.baseline_ref} loads: {heavy_imports(base) or 'none'}")
            print(f"{'command':<34} {'now s':>7} {'target':>7} {'baseline s':>11} {'speed-up':>9}")
            for label, args, target in COMMANDS:
                now = median_time(src, args, opts.runs)
                then = median_time(base, args, opts.runs) if base is not None else None
                goal = f"< {target}" if target else ""
                ratio = f"{then / now:.1f}x" if then else ""
                shown = f"{then:.2f}" if then else ""
                print(f"{label:<34} {now:>7.2f} {goal:>7} {shown:>11} {ratio:>9}")
        finally:
            if base is not None:
                subprocess.run(
                    ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(base.parent)],
                    check=False,
                    capture_output=True,
                )


if __name__ == "__main__":
    main()

"""Load benchmark: reading and extracting N generated reports by each engine (issue 20).

The per-report part of the pipeline (reading files, extracting free text, resolving
its place names on the embedded network) is timed four ways on the same input, each
run in a fresh process (imports, the embedded network and the peak memory count
every time), medians over ``--repeats`` runs:

- ``serial``: ``load_reports(DIR, workers=1)``: the baseline of this run;
- ``workers=2``: the same through the process pool (:mod:`railtrack.io.parallel`);
- ``dask``: ``load_reports(DIR, client=...)`` on a two-worker ``distributed``
  ``LocalCluster`` started in the run (its start-up is timed separately and not
  counted);
- ``converted``: ``load_reports`` of the same reports converted once to Parquet by
  ``railtrack convert`` (the conversion itself is timed once and printed).

Each prints wall seconds, the loading process's CPU seconds and peak RSS, and the
ratio of its median wall time to the serial median. Every engine must give the
serial load's records (checked: shipment count and a digest of their ids).

Run from the repository root (the input is generated over ru-rail into a temporary
directory, or pass one written by ``scale.py --keep``)::

    python benchmarks/load.py --n 10000 --repeats 3
    python benchmarks/load.py --reports /tmp/gen/n10000
"""

from __future__ import annotations

import argparse
import hashlib
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

REPO = Path(__file__).resolve().parents[1]
RU_RAIL = REPO.parent / "shared" / "datasets" / "ru-rail"
ENGINES = ("serial", "workers=2", "dask", "converted")


def _child(engine: str, reports: str, converted: str) -> dict[str, Any]:
    """Load once with ``engine``; return wall/CPU seconds, peak MB and a digest."""
    from railtrack.io import load_reports

    cpu0, wall0 = time.process_time(), time.perf_counter()
    setup = 0.0
    if engine == "dask":
        from distributed import Client, LocalCluster

        with (
            LocalCluster(
                n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
            ) as cluster,
            Client(cluster) as client,
        ):
            setup = time.perf_counter() - wall0
            cpu0, wall0 = time.process_time(), time.perf_counter()
            result = load_reports(reports, client=client)
            wall = time.perf_counter() - wall0
    else:
        if engine == "converted":
            result = load_reports(converted)
        else:
            result = load_reports(reports, workers=1 if engine == "serial" else 2)
        wall = time.perf_counter() - wall0
    ids = "\n".join(s.id for s in result.shipments)
    return {
        "wall_s": wall,
        "cpu_s": time.process_time() - cpu0,
        "setup_s": setup,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "shipments": len(result.shipments),
        "digest": hashlib.sha256(ids.encode()).hexdigest()[:12],
    }


def _run(engine: str, reports: Path, converted: Path) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, __file__, "--child", engine, str(reports), str(converted)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def _input(args: argparse.Namespace, tmp: Path) -> Path:
    if args.reports is not None:
        return Path(args.reports)
    from _generate import generate_reports

    if not (RU_RAIL / "stations.csv").is_file():
        sys.exit(f"ru-rail not found at {RU_RAIL}; pass --reports DIR")
    out = tmp / f"n{args.n}"
    generate_reports(RU_RAIL, out, args.n, seed=args.seed)
    return out


def main() -> None:
    """Parse the arguments, run every engine, print medians and ratios."""
    if len(sys.argv) == 5 and sys.argv[1] == "--child":
        print(json.dumps(_child(*sys.argv[2:5])))
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=10_000, help="reports to generate")
    parser.add_argument("--reports", help="a generated directory instead")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--seed", type=int, default=20231)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="railtrack-load-") as tmpdir:
        tmp = Path(tmpdir)
        reports = _input(args, tmp)
        n_files = sum(1 for p in reports.rglob("*") if p.is_file())
        print(f"railtrack load benchmark, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
        print(f"input {reports} ({n_files:,} files); medians of {args.repeats} runs")
        converted = tmp / "converted"
        t0 = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "railtrack", "convert", str(reports), "--out", str(converted)],
            capture_output=True,
            check=False,
        )
        if done.returncode not in (0, 1):  # 1: the input had problems, kept as problems
            sys.exit(f"railtrack convert failed: {done.stderr.decode(errors='replace')}")
        print(f"railtrack convert (once, default workers): {time.perf_counter() - t0:.1f} s wall")
        runs = {e: [_run(e, reports, converted) for _ in range(args.repeats)] for e in ENGINES}
    base = statistics.median(r["wall_s"] for r in runs["serial"])
    reference = runs["serial"][0]
    print(f"\n{'engine':<11}{'wall s':>9}{'CPU s':>9}{'peak MB':>9}{'vs serial':>11}  records")
    for engine, results in runs.items():
        wall = statistics.median(r["wall_s"] for r in results)
        cpu = statistics.median(r["cpu_s"] for r in results)
        peak = statistics.median(r["peak_mb"] for r in results)
        same = all(
            (r["shipments"], r["digest"]) == (reference["shipments"], reference["digest"])
            for r in results
        )
        print(
            f"{engine:<11}{wall:9.1f}{cpu:9.1f}{peak:9.0f}{base / wall:10.2f}x  "
            f"{reference['shipments'] if same else 'DIFFERENT'}"
        )
    setup = statistics.median(r["setup_s"] for r in runs["dask"])
    print(f"(dask: starting the LocalCluster took {setup:.1f} s more, not counted)")


if __name__ == "__main__":
    main()

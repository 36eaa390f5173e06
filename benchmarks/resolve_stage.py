"""The resolve stage of ``railtrack track`` at national scale, beside a baseline commit.

Usage::

    python benchmarks/resolve_stage.py --reports /tmp/scale-gen/n100000 --baseline-ref 682cd56
    python benchmarks/resolve_stage.py --n 10000 --runs 3     # generate the reports first

Reads the generated reports of ``scale.py`` (``--keep`` writes them; or ``--n N``
generates them into a temporary directory with the same seed) once, pickles the
loaded :class:`~railtrack.io.ReportSet`, then times, in fresh processes of this tree
and of ``--baseline-ref`` (alternating, ``--runs`` times, best of each), the steps of
:func:`railtrack.pipeline.track`'s ``resolve`` stage over ``../shared/datasets/ru-rail``
(read at run time):

- ``names``: ``ReportSet.resolve`` (the name index of the network, the world tables,
  every distinct name, the records' places, namesakes settled by their report);
- ``frame``, ``relays``, ``dates``: the frame, the relays dropped and each train's
  best date, as the stage does them.

Each tree runs twice per round: with an empty cache directory (``cold``: the first
run after installing or editing railtrack, nothing stored) and then with the same
directory again (``warm``: the network's name index, the world tables and the
answers of the cold run read back, as any later run of ``track``). CPU seconds
(``time.process_time``), printed with the load average: the machine is shared.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
RU_RAIL = REPO.parent / "shared" / "datasets" / "ru-rail"


def child(reports: Path) -> int:
    """Time the resolve stage's steps in this process; print CPU seconds as JSON."""
    sys.path.insert(0, str(HERE))
    from _baseline import follow_reader_env

    follow_reader_env()  # a baseline as installed: pymorphy3's pure-Python reader
    from scale import AS_OF

    from railtrack import pipeline as P
    from railtrack._intern import full_collections_paused
    from railtrack.estimate import known_on
    from railtrack.network import load_network

    net = load_network(RU_RAIL)
    loaded = pickle.loads(reports.read_bytes())
    cpu = time.process_time
    with full_collections_paused():
        known, _, _ = known_on(loaded, AS_OF)
        t0 = cpu()
        resolved = known.resolve(net)
        t1 = cpu()
        told = P._one_source_label(resolved.to_frame())
        t2 = cpu()
        relays = P.relay_links(told, net.settings)
        told, sightings = P.without_relays(told, resolved.sightings_frame(), relays)
        resolved = P.drop_relays(resolved, relays)
        t3 = cpu()
        P.with_best_dates(told, sightings)
        P._one_source_label(resolved.groups_frame())
        t4 = cpu()
    out = {"names": t1 - t0, "frame": t2 - t1, "relays": t3 - t2, "dates": t4 - t3}
    out["stage"] = t4 - t0
    out["by_rules"] = net.gazetteer._by_rules
    print(json.dumps(out))
    return 0


def load(root: Path, into: Path) -> None:
    """Read the generated reports (structured, then text) and pickle the set to ``into``."""
    from railtrack.io import load_reports

    reports = load_reports(root / "structured", workers=2)
    reports.extend(load_reports(root / "text", workers=2))
    into.write_bytes(pickle.dumps(reports, protocol=pickle.HIGHEST_PROTOCOL))


def main() -> int:
    """Time the resolve stage of this tree (and of a baseline) and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=Path, help="generated reports (scale.py --keep)")
    parser.add_argument("--n", type=int, default=100_000, help="reports to generate")
    parser.add_argument("--seed", type=int, default=20231)
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--baseline-ref", help="also time this commit")
    parser.add_argument("--baseline-src", type=Path, help="or a checkout's src directory")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args.child)
    if not (RU_RAIL / "stations.csv").is_file():
        print(f"ru-rail not found at {RU_RAIL}", file=sys.stderr)
        return 2
    from _baseline import baseline_checkout, reader_env

    with tempfile.TemporaryDirectory() as tmp_dir:
        tmp = Path(tmp_dir)
        root = args.reports
        if root is None:
            from _generate import generate_reports

            root = tmp / "reports"
            generate_reports(RU_RAIL, root, args.n, seed=args.seed)
        data = tmp / "reports.pickle"
        load(root, data)
        with baseline_checkout(args.baseline_ref, tmp / "baseline") as base_src:
            trees = {"this tree": str(REPO / "src")}
            if args.baseline_src is not None:
                base_src, args.baseline_ref = args.baseline_src, str(args.baseline_src)
            if base_src is not None:
                trees = {f"baseline {args.baseline_ref}": str(base_src), **trees}
            best: dict[tuple[str, str], dict[str, float]] = {}
            loads = []
            for run in range(args.runs):
                for t, (tree, src) in enumerate(trees.items()):
                    cache = tmp / f"cache-{run}-{t}"
                    env = {**os.environ, **reader_env(Path(src)), "PYTHONPATH": src}
                    env["RAILTRACK_CACHE_DIR"] = str(cache)
                    env.pop("RAILTRACK_NO_CACHE", None)
                    for case in ("cold", "warm"):
                        done = subprocess.run(
                            [sys.executable, __file__, "--child", str(data)],
                            env=env, capture_output=True, text=True, check=True,
                        )  # fmt: skip
                        got: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
                        loads.append(os.getloadavg()[0])
                        old = best.setdefault((tree, case), got)
                        for k, v in got.items():
                            old[k] = min(old[k], v)
    print(
        f"resolve stage over ru-rail, {root}: CPU s, best of {args.runs} fresh processes "
        f"(load average {min(loads):.1f}-{max(loads):.1f})"
    )
    ref = {case: best[(next(iter(trees)), case)] for case in ("cold", "warm")}
    for (tree, case), got in best.items():
        parts = ", ".join(f"{k} {got[k]:.2f}" for k in ("names", "frame", "relays", "dates"))
        print(
            f"  {tree:>20} {case}: stage {got['stage']:.2f} s ({parts}; "
            f"{ref[case]['stage'] / got['stage']:.2f}x; {got['by_rules']:.0f} names by the rules)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""``railtrack track`` with its files, this tree beside a baseline commit (issue 20).

Runs the whole command (``python -m railtrack track INPUT --network ru-rail --as-of
2023-07-01 --out DIR --json``) in a fresh process per run, for a baseline commit
(checked out into a temporary git worktree, run with ``PYTHONPATH`` at its ``src``)
and for this tree, alternating ``--repeats`` times so that other work on the machine
slows both alike. For each it prints the medians of

- CPU seconds (user + system of the command and of its loading workers, from
  ``wait4``),
- wall seconds,
- peak resident MB (the largest of the command and its workers),

and the ratio of this tree's median to the baseline's. The machine is shared, so
read the ratios (both sides measured in the same run), not the absolute figures.

Every run's files must equal the first baseline run's: CSV, GeoJSON, GraphML, PNG
and JSON byte for byte, Parquet as frames, ``report.html`` less its time stamp; the
``--json`` record too (less the output directory). A difference is printed and the
script exits 1: a speed change must not change the output.

The input is a directory of reports (``scale.py --keep`` writes one; give
``structured`` and ``text`` as one directory holding both) or a conversion
(``railtrack convert REPORTS --out DIR``: the command then reads Parquet back and
extracts nothing, so the figures are the stages and the files)::

    python benchmarks/scale.py --sizes 10000 --repeats 1 --keep /tmp/gen
    railtrack convert /tmp/gen/n10000 --out /tmp/conv10k --workers 2
    python benchmarks/track_files.py --input /tmp/conv10k --baseline-ref main --repeats 3
    python benchmarks/track_files.py --input /tmp/gen/n10000 --baseline-ref main   # with loading
    python benchmarks/track_files.py --network default --repeats 1  # the embedded default
"""

from __future__ import annotations

import argparse
import filecmp
import json
import os
import re
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
AS_OF = "2023-07-01"
_STAMP = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d UTC")  # the minute the page was written


def run_track(src: Path, inputs: list[Path], network: Path | None, out: Path) -> dict[str, Any]:
    """Run ``railtrack track`` of the checkout ``src`` once; return its figures.

    Returns
    -------
    dict
        ``cpu_s`` (user + system of the command and its workers, from ``wait4``),
        ``wall_s``, ``peak_mb`` (the largest resident set of the command or one of
        its workers), ``returncode`` and ``json`` (the ``--json`` record as text).
    """
    env = {**os.environ, "PYTHONPATH": str(src)}
    command = [
        sys.executable, "-m", "railtrack", "track", *map(str, inputs),
        *(["--network", str(network)] if network is not None else []),
        "--as-of", AS_OF, "--out", str(out), "--json",
    ]  # fmt: skip
    with tempfile.TemporaryFile() as stdout, tempfile.TemporaryFile() as stderr:
        start = time.perf_counter()
        proc = subprocess.Popen(command, stdout=stdout, stderr=stderr, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        stdout.seek(0)
        stderr.seek(0)
        text, err = stdout.read().decode(), stderr.read().decode()
    if proc.returncode not in (0, 1):  # 1: unrouted trains' problems, files still written
        msg = f"railtrack track failed ({proc.returncode}):\n{err[-3000:]}"
        raise RuntimeError(msg)
    return {
        "cpu_s": usage.ru_utime + usage.ru_stime,
        "wall_s": wall,
        "peak_mb": usage.ru_maxrss / 1024.0,
        "returncode": proc.returncode,
        "json": text,
    }


def _json_record(text: str, out: Path, root: str) -> Any:
    record = json.loads(text.strip() or "null")
    plain = json.dumps(record).replace(str(out), "<out>")
    return json.loads(plain.replace(root, "<checkout>") if root else plain)


def differences(a: Path, b: Path, roots: tuple[str, str] = ("", "")) -> list[str]:
    """Return the names of the files that differ between two output directories.

    ``roots``: each run's checkout directory, replaced by one placeholder before the
    comparison (the embedded reports' paths name the checkout they were read from).
    """
    import pandas as pd

    def text(path: Path, root: str) -> str:
        if path.suffix == ".parquet":
            body = pd.read_parquet(path).to_csv()
        elif path.suffix == ".png":
            return path.read_bytes().hex()
        else:
            body = path.read_text(encoding="utf-8")
        body = body.replace(root, "<checkout>") if root else body
        return _STAMP.sub("(written)", body) if path.suffix == ".html" else body

    names = sorted({p.name for p in a.iterdir()} | {p.name for p in b.iterdir()})
    out = []
    for name in names:
        x, y = a / name, b / name
        if not x.is_file() or not y.is_file():
            out.append(f"{name} (only in one)")
        elif not filecmp.cmp(x, y, shallow=False) and text(x, roots[0]) != text(y, roots[1]):
            out.append(name)
    return out


def main(argv: list[str] | None = None) -> int:
    """Time both trees, compare their files, print medians and ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--input", type=Path, nargs="*", default=[], help="none: the embedded reports"
    )
    parser.add_argument("--network", default=str(RU_RAIL), help="'default': the embedded network")
    parser.add_argument("--baseline-ref", default="main", help="commit to time beside")
    parser.add_argument("--baseline-src", type=Path, help="or a checkout's src directory")
    parser.add_argument(
        "--this-src", type=Path, default=REPO / "src", help="this tree's src (or a snapshot)"
    )
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--work", type=Path, help="keep the outputs here (default: temporary)")
    args = parser.parse_args(argv)

    from _baseline import baseline_checkout

    work = args.work or Path(tempfile.mkdtemp(prefix="railtrack-track-files-"))
    work.mkdir(parents=True, exist_ok=True)
    with baseline_checkout(
        None if args.baseline_src else args.baseline_ref, work / "baseline"
    ) as checked:
        base_src = args.baseline_src or checked
        if base_src is None:
            print("no baseline to time beside")
            return 2
        trees = {"baseline": Path(base_src), "this tree": args.this_src}
        runs: dict[str, list[dict[str, Any]]] = {name: [] for name in trees}
        reference: Path | None = None
        reference_root = ""
        reference_json: Any = None
        failed = False
        for i in range(args.repeats):
            for name, src in trees.items():
                out = work / f"{name.replace(' ', '-')}-{i}"
                network = None if args.network == "default" else Path(args.network)
                got = run_track(src, args.input, network, out)
                runs[name].append(got)
                print(
                    f"round {i + 1} {name:9s}: CPU {got['cpu_s']:7.1f} s, "
                    f"wall {got['wall_s']:7.1f} s, peak {got['peak_mb']:6.0f} MB "
                    f"(exit {got['returncode']})",
                    flush=True,
                )
                root = str(src.parent)
                record = _json_record(got["json"], out, root)
                if reference is None:
                    reference, reference_json, reference_root = out, record, root
                    continue
                diff = differences(reference, out, (reference_root, root))
                if record != reference_json:
                    diff.append("--json record")
                if diff:
                    failed = True
                    print(f"  differs from {reference.name}: {', '.join(diff)}")
                else:
                    print(f"  files and --json equal to {reference.name}'s")
    print()
    print(f"medians of {args.repeats} runs | baseline | this tree | ratio")
    for key, label in (("cpu_s", "CPU s"), ("wall_s", "wall s")):
        base = statistics.median(r[key] for r in runs["baseline"])
        this = statistics.median(r[key] for r in runs["this tree"])
        print(f"{label:6s} | {base:8.1f} | {this:9.1f} | {this / base:5.2f}")
    base = statistics.median(r["peak_mb"] for r in runs["baseline"])
    this = statistics.median(r["peak_mb"] for r in runs["this tree"])
    print(f"peak MB | {base:8.0f} | {this:9.0f} | {this / base:5.2f}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())

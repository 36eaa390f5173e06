"""Dask engine at scale: generated reports over ru-rail on a two-worker ``LocalCluster``.

What it does, for ``--reports N`` (default 1,000,000):

1. ``generate``: N seeded reports over ``../shared/datasets/ru-rail``
   (``_generate.py``; a fifth free text) into a temporary directory (or ``--keep``);
2. ``convert``: the files loaded on the cluster (free text extracted by the
   workers, :func:`railtrack.load_reports` with ``client=``) in batches of about
   ``--batch`` reports, each batch appended to one converted directory
   (:func:`railtrack.io.converted.write_converted` with ``append=True``), so the
   client never holds more than a batch of records;
3. ``track``: :func:`railtrack.engine_dask.write_dask` over the converted
   directory (or ``--converted DIR``) on a ``LocalCluster`` of ``--workers``
   single-threaded worker processes with ``memory_limit=--memory-limit`` each (a
   worker above it is paused, then restarted by its nanny: the run would fail),
   timed per stage from its progress callback; the workers write the per-train
   tables under ``--tables`` and checkpoint finished partitions under ``--work-dir``
   (the same command run again skips them).

It prints seconds per stage, reports per second, CPU seconds of each worker and
the client, the peak resident memory of each
worker process (``ru_maxrss``, asked of each worker after each stage) and of the
client process.

With ``--check M`` (default 100,000) it first generates M other reports and runs
both engines on them: the default engine (:func:`railtrack.pipeline.track` after
``load_reports`` of the files, in a child process so its memory is its own) and
the Dask engine (after a conversion), and compares the headline figures
(``TrackResult.headline()``) and the ``total`` summary row; it prints whether they
are equal, and exits 1 when they are not.

Run from the repository root (the full run takes a long time on a busy machine)::

    python benchmarks/dask_scale.py                          # 1,000,000; check at 100,000
    python benchmarks/dask_scale.py --reports 200000 --check 20000
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _generate import generate_reports, report_stations

logger = logging.getLogger("railtrack.benchmarks.dask_scale")

REPO = Path(__file__).resolve().parents[1]
RU_RAIL = Path(os.environ.get("RAILTRACK_RU_RAIL", REPO.parent / "shared" / "datasets" / "ru-rail"))
"""The ru-rail dataset (``RAILTRACK_RU_RAIL`` overrides, e.g. for a copy of the code in /tmp)."""
AS_OF = "2023-04-01"


def _peak_mb() -> float:
    """This process's own peak resident memory in MB (``VmHWM``; Linux reports kB).

    ``ru_maxrss`` of a forked child starts at its parent's peak, so the process's own
    high-water mark is read from ``/proc/self/status`` where there is one.
    """
    try:
        with Path("/proc/self/status").open(encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _report_files(root: Path) -> list[Path]:
    """The generated files in the order ``load_reports(root)`` reads them."""
    return sorted(p for p in root.rglob("*") if p.suffix in {".jsonl", ".txt"})


def _batches(files: list[Path], batch: int) -> list[list[Path]]:
    """Cut files into runs of about ``batch`` reports (a JSON Lines file holds 5,000)."""
    out: list[list[Path]] = [[]]
    n = 0
    for f in files:
        size = 5_000 if f.suffix == ".jsonl" else 1
        if n + size > batch and out[-1]:
            out.append([])
            n = 0
        out[-1].append(f)
        n += size
    return out


def convert(root: Path, out: Path, client: Any, batch: int) -> dict[str, Any]:
    """Load ``root``'s files on the cluster in batches, appending each to ``out``."""
    from railtrack.io import load_reports
    from railtrack.io.converted import write_converted

    manifest: dict[str, Any] = {}
    start = time.perf_counter()
    for i, files in enumerate(_batches(_report_files(root), batch)):
        reports = load_reports(files, client=client)
        manifest = write_converted(reports, out, append=i > 0)
        print(
            f"  convert batch {i}: {manifest['shipments']:,} shipments so far, "
            f"{time.perf_counter() - start:.0f} s",
            flush=True,
        )
        del reports
    return manifest


def _cluster(workers: int, memory_limit: str) -> tuple[Any, Any]:
    from distributed import Client, LocalCluster

    cluster = LocalCluster(
        n_workers=workers,
        threads_per_worker=1,
        processes=True,
        memory_limit=memory_limit,
        dashboard_address=":0",
    )
    return cluster, Client(cluster)


def _worker_peaks(client: Any) -> dict[str, float]:
    peaks: dict[str, float] = client.run(_peak_mb)
    return {addr.rsplit(":", 1)[-1]: round(mb) for addr, mb in peaks.items()}


def _cpu() -> float:
    """This process's CPU seconds (user and system, all threads)."""
    return time.process_time()


def _timed_track(
    source: Path,
    client: Any,
    network: Any,
    *,
    tables_dir: Path | None = None,
    work_dir: Path | None = None,
    as_of: str = AS_OF,
) -> tuple[Any, dict[str, Any]]:
    """Run the Dask engine; return its result and per-stage seconds, CPU and peaks.

    With ``tables_dir`` the workers write the per-train tables there
    (:func:`railtrack.engine_dask.write_dask`); else they are gathered
    (:func:`railtrack.engine_dask.track_dask`). Per stage: wall seconds, each
    worker's and the client's CPU seconds and peak resident memory, the load average.
    """
    from railtrack.engine_dask import track_dask, write_dask

    stages: dict[str, dict[str, Any]] = {}
    current: list[Any] = []

    def mark() -> tuple[float, dict[str, float], float]:
        return time.perf_counter(), client.run(_cpu), _cpu()

    def close() -> None:
        if current:
            name, (start, workers, own) = current.pop()
            now, workers_now, own_now = mark()
            stages[name] = {
                "seconds": round(now - start, 1),
                "worker_cpu_s": [
                    round(workers_now[a] - workers.get(a, 0.0), 1) for a in workers_now
                ],
                "client_cpu_s": round(own_now - own, 1),
                "worker_peak_mb": _worker_peaks(client),
                "client_peak_mb": round(_peak_mb()),
                "load": round(os.getloadavg()[0], 1),
            }
            print(f"  {name:<12} {stages[name]}", flush=True)

    def progress(name: str) -> None:
        close()
        current.append((name, mark()))

    if tables_dir is None:
        result = track_dask(
            source, network, client, as_of=as_of, progress=progress, work_dir=work_dir
        )
    else:
        result = write_dask(
            source, network, client, tables_dir, as_of=as_of, progress=progress, work_dir=work_dir
        )
    close()
    return result, stages


def _timed_briefing(written: Any, network: Any, out: Path) -> dict[str, Any]:
    """Write the briefing from the workers' tables, as ``railtrack track --engine dask`` does.

    The client reads the per-train tables back (:meth:`WrittenRun.result`) and
    :func:`railtrack.briefing.write_outputs` writes every file; per step: wall and
    client CPU seconds, the client's peak resident memory.
    """
    from railtrack.briefing import write_outputs

    steps: dict[str, Any] = {}
    current: list[tuple[str, float, float]] = []

    def close() -> None:
        if current:
            name, start, cpu = current.pop()
            steps[name] = {
                "seconds": round(time.perf_counter() - start, 1),
                "client_cpu_s": round(_cpu() - cpu, 1),
                "client_peak_mb": round(_peak_mb()),
                "load": round(os.getloadavg()[0], 1),
            }
            print(f"  {name:<12} {steps[name]}", flush=True)

    def progress(name: str) -> None:
        close()
        current.append((name, time.perf_counter(), _cpu()))

    progress("read back")
    result = written.result(network)
    files = write_outputs(result, out, progress=progress)
    close()
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    print(f"  briefing: {len(files)} files, {size / 1e6:,.0f} MB in {out}", flush=True)
    return steps


def _figures(result: Any) -> dict[str, Any]:
    head = result.headline()
    total = result.summaries["total"].drop(columns=["shipments", "groups"], errors="ignore")
    head["total_row"] = json.loads(total.to_json(orient="records", date_format="iso"))
    return head


def _default_child(root: str) -> None:
    """Child process: the default engine on the files under ``root``; print its figures."""
    from railtrack import load_network
    from railtrack.io import load_reports
    from railtrack.pipeline import track

    start = time.perf_counter()
    result = track(load_reports(Path(root)), load_network(RU_RAIL), as_of=AS_OF)
    figures = _figures(result)
    figures["_seconds"] = round(time.perf_counter() - start, 1)
    figures["_peak_mb"] = round(_peak_mb())
    print(json.dumps(figures, default=str))


def check(n: int, tmp: Path, client: Any, network: Any, stations: Any) -> bool:
    """Both engines on ``n`` other reports; print and return whether the figures agree."""
    root = tmp / f"check-{n}"
    generate_reports(RU_RAIL, root, n, seed=2, stations=stations)
    child = subprocess.run(
        [sys.executable, __file__, "--default-child", str(root)],
        capture_output=True,
        text=True,
        check=False,
    )
    if child.returncode:
        sys.exit(f"the default engine failed on {root}:\n{child.stderr[-3000:]}")
    default = json.loads(child.stdout.strip().splitlines()[-1])
    seconds, peak = default.pop("_seconds"), default.pop("_peak_mb")
    print(f"default engine on {n:,} reports: {seconds} s, peak {peak} MB", flush=True)
    conv = tmp / f"check-{n}-converted"
    convert(root, conv, client, batch=n)
    print(f"dask engine on {n:,} reports:", flush=True)
    result, _ = _timed_track(conv, client, network, tables_dir=tmp / f"check-{n}-tables")
    dask_figures = json.loads(json.dumps(_figures(result), default=str))
    print(f"  {result.totals.shipments:,} trains; client peak {round(_peak_mb())} MB", flush=True)
    same = dask_figures == default
    print(f"totals equal at {n:,} reports: {same}", flush=True)
    if not same:
        for key in sorted(set(default) | set(dask_figures)):
            if default.get(key) != dask_figures.get(key):
                print(f"  {key}: default {default.get(key)!r} dask {dask_figures.get(key)!r}")
    return same


def _step(name: str, run: Callable[[], Any]) -> Any:
    start = time.perf_counter()
    value = run()
    print(f"{name}: {time.perf_counter() - start:.1f} s", flush=True)
    return value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reports", type=int, default=1_000_000, help="0: the check only")
    parser.add_argument("--check", type=int, default=100_000, help="0: no comparison")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--memory-limit", default="3GB")
    parser.add_argument("--batch", type=int, default=100_000, help="reports per convert batch")
    parser.add_argument("--keep", type=Path, help="work here and keep the files (reused)")
    parser.add_argument(
        "--converted", type=Path, help="run the engine on this `railtrack convert` output"
    )
    parser.add_argument(
        "--work-dir", type=Path, help="checkpoints: a restarted run skips finished partitions"
    )
    parser.add_argument("--tables", type=Path, help="where the workers write per-train tables")
    parser.add_argument("--as-of", default=AS_OF, help=f"date of knowledge (default {AS_OF})")
    parser.add_argument(
        "--briefing",
        type=Path,
        help="then write the briefing here from the tables, as `track --engine dask` does",
    )
    parser.add_argument("--default-child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.default_child:
        _default_child(args.default_child)
        return
    if not (RU_RAIL / "stations.csv").is_file():
        sys.exit(f"ru-rail dataset not found at {RU_RAIL}")
    logging.basicConfig(level=logging.WARNING)
    logging.getLogger("distributed").setLevel(logging.WARNING)
    from railtrack import load_network

    tmp_ctx = tempfile.TemporaryDirectory(prefix="railtrack-dask-scale-")
    tmp = args.keep or Path(tmp_ctx.name)
    tmp.mkdir(parents=True, exist_ok=True)
    print(f"machine: {os.cpu_count()} cores; python {sys.version.split()[0]}", flush=True)
    network = _step("network", lambda: load_network(RU_RAIL))
    stations = report_stations(RU_RAIL)
    cluster, client = _step("cluster start", lambda: _cluster(args.workers, args.memory_limit))
    ok = True
    try:
        if args.check:
            ok = check(args.check, tmp, client, network, stations)
        if not args.reports:
            return
        root, conv = tmp / f"in-{args.reports}", args.converted or tmp / f"converted-{args.reports}"
        if not (conv / "railtrack-reports.json").is_file():
            _step(
                f"generate {args.reports:,}",
                lambda: generate_reports(RU_RAIL, root, args.reports, seed=1, stations=stations),
            )
            manifest = _step(
                "convert (extract on the cluster)",
                lambda: convert(root, conv, client, args.batch),
            )
            print(
                f"  {manifest['shipments']:,} shipments, {manifest['groups']:,} groups, "
                f"{manifest['sightings']:,} sightings",
                flush=True,
            )
        print(f"dask engine on {args.reports:,} reports:", flush=True)
        start, cpu0 = time.perf_counter(), client.run(_cpu)
        tables = args.tables or tmp / f"tables-{args.reports}"
        result, stages = _timed_track(
            conv, client, network, tables_dir=tables, work_dir=args.work_dir, as_of=args.as_of
        )
        total = time.perf_counter() - start
        cpu = sum(v - cpu0.get(k, 0.0) for k, v in client.run(_cpu).items())
        cpu += sum(s["client_cpu_s"] for s in stages.values())
        peaks = [max(s["worker_peak_mb"].values()) for s in stages.values()]
        print(
            f"track: {total:.1f} s, {args.reports / total:,.0f} reports/s; "
            f"{cpu:.0f} CPU s ({1000 * cpu / args.reports:.2f} ms per report); "
            f"{result.totals.shipments:,} trains known; worker peak {max(peaks)} MB "
            f"(limit {args.memory_limit}); client peak {round(_peak_mb())} MB; "
            f"tables in {tables}",
            flush=True,
        )
        print(json.dumps(_figures(result), default=str)[:2000], flush=True)
        if args.briefing is not None:
            print(f"briefing of {args.reports:,} reports:", flush=True)
            _timed_briefing(result, network, args.briefing)
    finally:
        client.close()
        cluster.close()
        if not ok:
            sys.exit(1)


if __name__ == "__main__":
    main()

"""Read report files in worker processes: the per-report work of a load on every core.

Reading a file and extracting the trains of a free-text report are independent per
file, so :func:`railtrack.load_reports` hands chunks of files to a
:class:`concurrent.futures.ProcessPoolExecutor` (``workers`` processes) and merges
what comes back **in file order**, through the same code as a serial load: the
records, the problems, the duplicate-id rule and the ids are the same whatever the
number of workers.

The network that resolves the place names of free-text reports is sent to each
worker once, as the pool's initializer argument (inherited without copying where the
platform starts processes by ``fork``, pickled once per worker elsewhere). Telegram
exports are streamed by the parent process, one at a time, as in a serial load.

When is it worth it? Starting the workers and sending the records back costs a few
tenths of a second, and free-text extraction costs about 2 ms of CPU a report, JSON
Lines about 0.2 ms a record. :func:`default_workers` therefore uses one process
below :data:`PARALLEL_MIN_TEXT_FILES` free-text files and :data:`PARALLEL_MIN_BYTES`
bytes of input, and every core the process may run on above either.

Examples
--------
>>> from railtrack import data_path
>>> from railtrack.io import load_reports
>>> serial = load_reports(data_path("reports"), workers=1)
>>> pooled = load_reports(data_path("reports"), workers=2)
>>> pooled.shipments == serial.shipments and pooled.problems == serial.problems
True
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from datetime import date, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from railtrack.network import RailNetwork

__all__ = [
    "CHUNK_BYTES",
    "CHUNK_FILES",
    "PARALLEL_MIN_BYTES",
    "PARALLEL_MIN_TEXT_FILES",
    "available_cores",
    "chunk_files",
    "default_workers",
    "load_chunk",
    "load_chunks",
    "runs_by_place",
]

PARALLEL_MIN_TEXT_FILES = 200
"""Free-text files from which a load uses every core by default (about 0.4 s of CPU)."""

PARALLEL_MIN_BYTES = 32 * 1024 * 1024
"""Bytes of input from which a load uses every core by default (about 100,000 records)."""

CHUNK_FILES = 64
"""Most files handed to a worker at once."""

CHUNK_BYTES = 4 * 1024 * 1024
"""A chunk is closed once its files reach this many bytes (a large file is a chunk alone)."""

_TEXT_SUFFIXES = (".txt", ".md")

# The network a worker process resolves free-text place names on (set by _init_worker).
_WORKER_NETWORK: RailNetwork | Literal[False] | None = None


def available_cores() -> int:
    """Return the number of cores this process may run on (at least 1).

    Returns
    -------
    int
        The CPU affinity's size where the platform has it, else ``os.cpu_count()``.

    Examples
    --------
    >>> available_cores() >= 1
    True
    """
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # reported by name when the file is read


def default_workers(files: Sequence[Path]) -> int:
    """Return how many processes a load of ``files`` uses when none is asked for.

    Parameters
    ----------
    files
        The report files of the load.

    Returns
    -------
    int
        1 for a small input; :func:`available_cores` from
        :data:`PARALLEL_MIN_TEXT_FILES` free-text files or :data:`PARALLEL_MIN_BYTES`
        bytes of input.

    Examples
    --------
    >>> default_workers([Path("a.jsonl")])
    1
    """
    n_text = sum(1 for f in files if f.suffix.lower() in _TEXT_SUFFIXES)
    if n_text >= PARALLEL_MIN_TEXT_FILES or sum(map(_size, files)) >= PARALLEL_MIN_BYTES:
        return available_cores()
    return 1


def chunk_files(files: Sequence[Path]) -> list[list[Path]]:
    """Split files, in order, into chunks of at most :data:`CHUNK_FILES` files.

    A chunk is closed once its files reach :data:`CHUNK_BYTES`, so a large file is
    read by one worker while the small ones are spread over the others.

    Parameters
    ----------
    files
        Report files, in load order.

    Returns
    -------
    list of list of Path
        Consecutive runs of ``files``; concatenated they are ``files``.

    Examples
    --------
    >>> [len(c) for c in chunk_files([Path(f"{i}.txt") for i in range(130)])]
    [64, 64, 2]
    """
    chunks: list[list[Path]] = []
    current: list[Path] = []
    size = 0
    for file in files:
        current.append(file)
        size += _size(file)
        if len(current) >= CHUNK_FILES or size >= CHUNK_BYTES:
            chunks.append(current)
            current, size = [], 0
    if current:
        chunks.append(current)
    return chunks


def _init_worker(network: RailNetwork | Literal[False] | None) -> None:
    global _WORKER_NETWORK  # one network per worker process, set once
    _WORKER_NETWORK = network


def load_chunk(
    paths: Sequence[Path],
    *,
    published: date | None,
    network: RailNetwork | Literal[False] | None,
    tz: tzinfo | None = None,
) -> list[Any]:
    """Load a chunk of files; return their finished loaders (picklable, in order).

    What a worker process (or a Dask worker) runs. Telegram exports are not sent here.

    Parameters
    ----------
    paths
        Report files.
    published
        The load's default publication date for free text.
    network
        Resolves free-text place names (None: the embedded network).
    tz
        The zone a table's clock times are written in (``--tz``; None: UTC).

    Returns
    -------
    list of _FileLoader
        One per path, with its records and problems.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = Path(tmp) / "r.csv"
    ...     _ = path.write_text('''id,origin,destination,cars
    ... T1,Orsha,Brest,40
    ... ''')
    ...     (loader,) = load_chunk([path], published=None, network=False)
    >>> [(model.id, model.cars.total, row) for model, row in loader.models]
    [('T1', 40, 2)]
    """
    from railtrack._intern import collector_paused, interning
    from railtrack.io import _FileLoader

    loaders = []
    with collector_paused(), interning() as shared:
        for path in paths:
            loader = _FileLoader(path, published=published, shared=shared, network=network, tz=tz)
            loader.load()
            loader.shared = None  # the table stays here; the records keep what they share
            loader.network = None
            loaders.append(loader)
    return loaders


def _load_chunk(paths: list[Path], published: date | None, tz: tzinfo | None) -> list[Any]:
    return load_chunk(paths, published=published, network=_WORKER_NETWORK, tz=tz)


def runs_by_place(
    files: Sequence[Path], in_parent: Callable[[Path], bool]
) -> list[tuple[bool, list[Path]]]:
    """Split files, in order, into runs loaded here (True) and runs sent to workers.

    Parameters
    ----------
    files
        Report files, in load order.
    in_parent
        Whether a file is loaded in this process.

    Returns
    -------
    list of (bool, list of Path)
        Consecutive files with the same answer, in order; True runs are loaded here.

    Examples
    --------
    >>> runs = runs_by_place([Path("a.txt"), Path("b.txt"), Path("c.html")],
    ...                      lambda p: p.suffix == ".html")
    >>> [(here, [f.name for f in run]) for here, run in runs]
    [(False, ['a.txt', 'b.txt']), (True, ['c.html'])]
    """
    runs: list[tuple[bool, list[Path]]] = []
    for file in files:
        parent = in_parent(file)
        if runs and runs[-1][0] == parent:
            runs[-1][1].append(file)
        else:
            runs.append((parent, [file]))
    return runs


def _context() -> Any:
    """``fork`` where the platform has it (the network is inherited, not copied)."""
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else None)


def load_chunks(
    files: Sequence[Path],
    *,
    published: date | None,
    workers: int,
    network: RailNetwork | Literal[False] | None,
    serial: Callable[[Path], Any],
    in_parent: Callable[[Path], bool],
    tz: tzinfo | None = None,
) -> Iterator[Any]:
    """Yield the finished loader of each file, in file order, reading in ``workers`` processes.

    Parameters
    ----------
    files
        Report files, in load order.
    published
        The load's default publication date for free text.
    workers
        Worker processes (at least 2; a load with one process never calls this).
    network
        Resolves free-text place names in the workers (sent to each once).
    serial
        Loads one file in this process (Telegram exports, streamed).
    in_parent
        Whether a file is loaded by ``serial`` rather than by a worker.
    tz
        The zone a table's clock times are written in (``--tz``; None: UTC).

    Yields
    ------
    _FileLoader
        One per file, in the order of ``files``.

    Examples
    --------
    Two files read in two worker processes, yielded in file order:

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     paths = [Path(tmp) / "a.csv", Path(tmp) / "b.csv"]
    ...     _ = paths[0].write_text('''id,cars
    ... T1,40
    ... T2,12
    ... ''')
    ...     _ = paths[1].write_text('''id,cars
    ... T3,5
    ... ''')
    ...     loaders = list(
    ...         load_chunks(paths, published=None, workers=2, network=False,
    ...                     serial=lambda p: None, in_parent=lambda p: False)
    ...     )
    >>> [[model.id for model, _row in loader.models] for loader in loaders]
    [['T1', 'T2'], ['T3']]
    """
    runs = runs_by_place(files, in_parent)
    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=_context(),
        initializer=_init_worker,
        initargs=(network,),
    ) as pool:
        for parent, run in runs:
            if parent:
                yield from map(serial, run)
                continue
            chunks = chunk_files(run)
            for loaders in pool.map(
                _load_chunk, chunks, [published] * len(chunks), [tz] * len(chunks)
            ):
                yield from loaders

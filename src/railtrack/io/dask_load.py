"""The Dask engine's load: files read and free text extracted on a ``distributed`` cluster.

:func:`load_chunks_dask` is what :func:`railtrack.load_reports` runs when given a
``client`` (``railtrack track --engine dask``): the report files are cut into chunks
(:func:`railtrack.io.parallel.chunk_files`), each chunk is one Dask task run by
:func:`railtrack.io.parallel.load_chunk` on a worker, and the loaders come back to
be merged **in file order** by the same code as a serial load, so the records,
problems and ids are the same as the default engine's. The network that resolves
free-text place names is scattered to every worker once (``broadcast=True``), not
sent with each task. Telegram exports are streamed by the client, as in a serial
load.

**Resumability.** With a ``work_dir``, each finished chunk is saved there as it
arrives (``chunk-<key>.pkl``, written to a temporary name and renamed, so a killed
run leaves no half file); ``key`` hashes the chunk's paths, sizes and modification
times and the default publication date. A restarted run reads the saved chunks
instead of sending them to the cluster again. The files are Python pickles: point
``work_dir`` only at a directory railtrack wrote for you.

Examples
--------
>>> chunk_key([Path("a.txt")], None) == chunk_key([Path("a.txt")], None)
True
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from railtrack._codekey import code_key
from railtrack.errors import RailtrackError
from railtrack.io.parallel import chunk_files, load_chunk, runs_by_place

if TYPE_CHECKING:
    from railtrack.network import RailNetwork

__all__ = [
    "DaskMissingError",
    "SchedulerAddressError",
    "SchedulerUnreachableError",
    "check_scheduler_address",
    "chunk_key",
    "dask_client",
    "load_chunks_dask",
]

logger = logging.getLogger(__name__)

_KEY_VERSION = "1"


def chunk_key(paths: Sequence[Path], published: date | None, tz: tzinfo | None = None) -> str:
    """Return the hash naming a chunk's saved result in a work directory.

    It changes when a file of the chunk changes (size or modification time), when
    the chunk holds other files, when the default publication date changes, or when
    railtrack's code does (:func:`railtrack._codekey.code_key`: a changed extractor
    reads the chunk again).

    Parameters
    ----------
    paths
        The chunk's files.
    published
        The load's default publication date.
    tz
        The zone a table's clock times are written in (``--tz``): another zone is
        another key.

    Returns
    -------
    str
        24 hexadecimal characters.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = Path(tmp) / "r.csv"
    ...     _ = path.write_text('''id,cars
    ... T1,40
    ... ''')
    ...     key = chunk_key([path], None)
    ...     same = chunk_key([path], None)
    ...     other_date = chunk_key([path], date(2023, 3, 1))
    >>> len(key), key == same, key == other_date
    (24, True, False)
    """
    digest = hashlib.sha256(f"{_KEY_VERSION}|{code_key()}|{published}".encode())
    if tz is not None:
        digest.update(f"|tz={tz}".encode())
    for path in paths:
        try:
            stat = path.stat()
            mark = f"{stat.st_size}:{stat.st_mtime_ns}"
        except OSError:
            mark = "missing"
        digest.update(f"|{path.resolve()}|{mark}".encode())
    return digest.hexdigest()[:24]


def _save(path: Path, loaders: list[Any]) -> None:
    tmp = path.with_name(path.name + f".{os.getpid()}.tmp")
    with tmp.open("wb") as fh:
        pickle.dump(loaders, fh, protocol=pickle.HIGHEST_PROTOCOL)
    tmp.replace(path)


def _saved(path: Path) -> list[Any] | None:
    try:
        with path.open("rb") as fh:
            loaders: list[Any] = pickle.load(fh)
    except (OSError, EOFError, pickle.UnpicklingError):
        return None
    return loaders


def _chunk_task(
    paths: list[Path],
    published: date | None,
    network: RailNetwork | Literal[False] | None,
    tz: tzinfo | None = None,
) -> list[Any]:
    return load_chunk(paths, published=published, network=network, tz=tz)


def load_chunks_dask(
    files: Sequence[Path],
    *,
    client: Any,
    published: date | None,
    network: RailNetwork | Literal[False] | None,
    serial: Callable[[Path], Any],
    in_parent: Callable[[Path], bool],
    work_dir: Path | None = None,
    progress: Callable[[int, int], None] | None = None,
    tz: tzinfo | None = None,
) -> Iterator[Any]:
    """Yield each file's finished loader, in file order, chunks loaded on a Dask cluster.

    Parameters
    ----------
    files
        Report files, in load order.
    client
        A ``distributed.Client``.
    published
        The load's default publication date for free text.
    network
        Resolves free-text place names; scattered to every worker once.
    serial
        Loads one file in this process (Telegram exports).
    in_parent
        Whether a file is loaded by ``serial``.
    work_dir
        Where finished chunks are saved and found again on a restart (None: not saved).
    progress
        Called with (chunks done, chunks in all) as chunks finish or are found saved.
    tz
        The zone a table's clock times are written in (``--tz``; None: UTC).

    Yields
    ------
    _FileLoader
        One per file, in the order of ``files``.

    Examples
    --------
    Files loaded here (``in_parent``) never reach the cluster, so none is needed:

    >>> files = [Path("a.json"), Path("b.json")]
    >>> list(load_chunks_dask(files, client=None, published=None, network=False,
    ...                       serial=lambda p: p.name, in_parent=lambda p: True))
    ['a.json', 'b.json']
    """
    from distributed import as_completed

    runs = runs_by_place(files, in_parent)
    chunks = [chunk for here, run in runs if not here for chunk in chunk_files(run)]
    keys = [chunk_key(chunk, published, tz) for chunk in chunks]
    done: dict[int, list[Any]] = {}
    if work_dir is not None:
        work_dir.mkdir(parents=True, exist_ok=True)
        for i, key in enumerate(keys):
            saved = _saved(work_dir / f"chunk-{key}.pkl")
            if saved is not None:
                done[i] = saved
    total = len(chunks)
    if progress is not None:
        progress(len(done), total)
    todo = [i for i in range(total) if i not in done]
    if todo:
        # A fresh key per load (hash=False): scattered by content, a second load on the
        # same client reused the first load's key while the client was releasing it,
        # and the scheduler lost the network during replication (FutureCancelledError).
        shared = client.scatter(network, broadcast=True, hash=False)
        futures = {
            client.submit(
                _chunk_task, chunks[i], published, shared, tz, key=f"railtrack-load-{keys[i]}"
            ): i
            for i in todo
        }
        for future, loaders in as_completed(futures, with_results=True):  # type: ignore[no-untyped-call]
            i = futures[future]
            done[i] = loaders
            if work_dir is not None:
                _save(work_dir / f"chunk-{keys[i]}.pkl", loaders)
            if progress is not None:
                progress(len(done), total)
    position = 0
    for here, run in runs:
        if here:
            yield from map(serial, run)
            continue
        for _ in chunk_files(run):
            yield from done.pop(position)
            position += 1


class DaskMissingError(RailtrackError):
    """The Dask engine was asked for and ``dask``/``distributed`` are not installed.

    Examples
    --------
    >>> issubclass(DaskMissingError, RailtrackError)
    True
    """


class SchedulerAddressError(RailtrackError, ValueError):
    """A scheduler address that is not one (``--scheduler``).

    Examples
    --------
    >>> check_scheduler_address("localhost")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
        ...
    railtrack.io.dask_load.SchedulerAddressError: --scheduler 'localhost' is not a ...
    """


class SchedulerUnreachableError(RailtrackError, OSError):
    """No Dask scheduler answered at the address given (``--scheduler``).

    Examples
    --------
    >>> issubclass(SchedulerUnreachableError, OSError)
    True
    """


_ADDRESS_HELP = "give the address `dask scheduler` prints, such as tcp://10.0.0.5:8786"


def check_scheduler_address(address: str) -> str:
    """Return ``address`` if it reads as a scheduler address, else say why not.

    Parameters
    ----------
    address
        ``PROTOCOL://HOST:PORT`` (``tcp``, ``tls``, ...) or ``HOST:PORT`` (tcp).

    Returns
    -------
    str
        ``address`` unchanged.

    Raises
    ------
    SchedulerAddressError
        When it names no port, or its port is not a number.
    DaskMissingError
        When ``distributed`` is not installed.

    Examples
    --------
    >>> check_scheduler_address("tcp://127.0.0.1:8786")
    'tcp://127.0.0.1:8786'
    >>> check_scheduler_address("localhost")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    railtrack.io.dask_load.SchedulerAddressError: --scheduler 'localhost' is not a ...
    """
    try:
        from distributed.comm.addressing import parse_address, parse_host_port
    except ImportError as exc:
        msg = f'the Dask engine needs dask and distributed: pip install "railtrack[dask]" ({exc})'
        raise DaskMissingError(msg) from exc
    try:
        protocol, location = parse_address(address.strip())
        if protocol in ("tcp", "tls", "ws", "wss"):
            parse_host_port(location)
    except (ValueError, TypeError) as exc:
        msg = f"--scheduler {address!r} is not a scheduler address ({exc}): {_ADDRESS_HELP}"
        raise SchedulerAddressError(msg) from exc
    return address


_BENIGN = ("Shuffle %s initialized", "Shuffle %s deactivated")
"""How ``distributed`` words the warnings every shuffle of a normal run gives."""


class _QuietDistributed(logging.Filter):
    """Drop what ``distributed`` says of a normal run.

    That is its benign shuffle warnings, and the worker processes its nannies stop at
    shutdown ("still alive after 4.0 seconds, killing", "killed by signal 9": a worker
    slow to close on a busy machine), which a user reads as a crash. Records of a
    failing run (a worker over its memory, lost, or restarted while running) pass.
    """

    def __init__(self) -> None:
        super().__init__()
        self.closing = False

    def filter(self, record: logging.LogRecord) -> bool:
        text = str(record.msg)
        stopping = "was killed by" in text or "still alive after" in text
        if self.closing and record.name == "distributed.nanny" and stopping:
            logger.debug("dask: a worker process was stopped at shutdown: %s", record.getMessage())
            return False
        return not text.startswith(_BENIGN)


@contextmanager
def _quiet_logs() -> Iterator[_QuietDistributed]:
    """Log ``distributed`` at railtrack's level (WARNING; INFO with -v), benign lines dropped.

    ``distributed`` sets its loggers to INFO, and its records reach the handler the
    command line installs; railtrack's own level (``-v``) decides instead. The
    benign shuffle warnings and the shutdown's stopped workers are dropped at every
    level (see :class:`_QuietDistributed`).
    """
    quiet = _QuietDistributed()
    base = logging.getLogger("distributed")
    level = max(logging.getLogger().getEffectiveLevel(), logging.INFO)
    before = base.level
    base.setLevel(level)
    named = [logging.getLogger(n) for n in ("distributed.nanny", _SHUFFLE_LOGGER)]
    for one in named:
        one.addFilter(quiet)
    try:
        yield quiet
    finally:
        for one in named:
            one.removeFilter(quiet)
        base.setLevel(before)


_SHUFFLE_LOGGER = "distributed.shuffle._scheduler_plugin"


@contextmanager
def _connected(address: str) -> Iterator[Any]:
    """Yield a client of the scheduler at ``address``; say so when none answers."""
    from distributed import Client

    try:
        client = Client(address)  # type: ignore[no-untyped-call]
    except (OSError, TimeoutError) as exc:
        msg = (
            f"no Dask scheduler answered at {address} ({exc}): start one there with "
            "`dask scheduler` (and workers with `dask worker ADDRESS`), or leave out "
            "--scheduler to run a local cluster"
        )
        raise SchedulerUnreachableError(msg) from exc
    with client:
        yield client


@contextmanager
def dask_client(scheduler: str | None = None, *, workers: int | None = None) -> Iterator[Any]:
    """Open a ``distributed.Client``: on ``scheduler``, or on a new local cluster.

    Parameters
    ----------
    scheduler
        A scheduler address (``tcp://host:8786``); None starts a ``LocalCluster`` of
        ``workers`` single-threaded worker processes (default: every core), closed
        on exit. ``distributed`` logs at railtrack's level (WARNING, INFO with
        ``-v``), without its benign shuffle warnings or the workers its nannies stop
        at shutdown.
    workers
        Worker processes of the local cluster.

    Yields
    ------
    distributed.Client

    Raises
    ------
    DaskMissingError
        When Dask is not installed (``pip install "railtrack[dask]"``).
    SchedulerAddressError
        When ``scheduler`` is not an address (:func:`check_scheduler_address`).
    SchedulerUnreachableError
        When no scheduler answers at ``scheduler``.

    Examples
    --------
    An address is checked before anything is started:

    >>> with dask_client("localhost") as client:  # doctest: +ELLIPSIS
    ...     pass
    Traceback (most recent call last):
        ...
    railtrack.io.dask_load.SchedulerAddressError: --scheduler 'localhost' is not a ...
    """
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        msg = f'the Dask engine needs dask and distributed: pip install "railtrack[dask]" ({exc})'
        raise DaskMissingError(msg) from exc
    with _quiet_logs() as quiet:
        if scheduler is not None:
            with _connected(check_scheduler_address(scheduler)) as client:
                yield client
            return
        from railtrack.io.parallel import available_cores

        with LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=workers or available_cores(),
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",
            silence_logs=max(logging.getLogger().getEffectiveLevel(), logging.INFO),
        ) as cluster:
            try:
                with Client(cluster) as client:  # type: ignore[no-untyped-call]
                    yield client
            finally:
                quiet.closing = True  # the cluster closes: its nannies stop the workers

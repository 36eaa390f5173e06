"""The version of railtrack's code that saved a checkpoint: its source files' digest.

A Dask run's work directory keeps finished chunks and partitions for a restart
(:mod:`railtrack.io.dask_load`, :mod:`railtrack.engine_dask`). Their keys hash what
the work depends on; the code is part of that: a railtrack whose extractor, resolver
or estimates changed must compute again, not read what an older one saved. The
version number alone does not change with every change of code (an editable install,
a checkout of another commit), so the key hashes the package's own source files.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from railtrack import __version__
from railtrack._data import data_path

__all__ = ["code_key"]


@lru_cache(maxsize=1)
def code_key() -> str:
    """Return a 24-character digest of this railtrack's version and source files.

    Hashes ``__version__`` and, in path order, the relative path and bytes of every
    file of the installed ``railtrack`` package (modules, lexicons, templates) and of
    its embedded data directory (:func:`railtrack.data_path`: place names, regions,
    calibration trips), about 7 MB: tens of milliseconds, once per process.
    Compiled caches (``__pycache__``) are left out.

    Returns
    -------
    str
        The same for the same code, in any process or directory; another for any
        change of a source file.

    Examples
    --------
    >>> key = code_key()
    >>> len(key), key == code_key()
    (24, True)
    """
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256(f"railtrack {__version__}\x1f".encode())
    roots = [package]
    try:
        data = data_path().resolve()
    except FileNotFoundError:  # said where the data is read; the code still has a key
        data = package
    if not data.is_relative_to(package):  # a clone: data/ beside src/, not inside
        roots.append(data)
    for n, root in enumerate(roots):
        for path in sorted(root.rglob("*")):
            if "__pycache__" in path.parts or not path.is_file():
                continue
            digest.update(f"{n}:{path.relative_to(root).as_posix()}\x1f".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:24]

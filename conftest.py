"""Doctests of code an optional extra runs: skipped, with the reason, when it is missing.

The README's test command installs the ``test`` extra only; ``.ci/run`` adds ``dask``.
"""

from __future__ import annotations

import importlib.util

import pytest

# the doctests that run code of an optional library, by that library: a doctest's name,
# or a module's name followed by "." for every doctest of that module
_NEEDS = {
    "distributed": ("railtrack.io.dask_load.",),
    "dask": ("railtrack.engine_dask._gathered",),
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark the doctests whose optional library is not installed as skipped."""
    for library, names in _NEEDS.items():
        if importlib.util.find_spec(library) is not None:
            continue
        skip = pytest.mark.skip(reason=f'needs {library}: pip install ".[test,dask]"')
        for item in items:
            if isinstance(item, pytest.DoctestItem) and item.name.startswith(names):
                item.add_marker(skip)

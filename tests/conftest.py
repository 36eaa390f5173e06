"""Shared fixtures: the embedded network, the ru-rail dataset (skipped when absent), Dask."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import matplotlib as mpl
import pytest
from hypothesis import settings

from railtrack.network import RailNetwork, load_network

mpl.use("Agg")

# Property tests draw the same examples on every run ("deterministic", the default), so a
# test run fails or passes for the code, not for the seed; HYPOTHESIS_PROFILE=explore
# draws new examples each run to look for counterexamples while developing.
# no deadline: a loaded 2-core machine (CI beside other work) made timing flaky, never the answer
settings.register_profile("deterministic", derandomize=True, database=None, deadline=None)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "deterministic"))

REPO = Path(__file__).resolve().parents[1]
TESTS_DATA = REPO / "tests" / "data"
RU_RAIL = Path(os.environ.get("RAILTRACK_RU_RAIL", REPO.parent / "shared" / "datasets" / "ru-rail"))


@pytest.fixture(scope="session")
def tests_data() -> Path:
    """The directory of small test input files."""
    return TESTS_DATA


@pytest.fixture(scope="session")
def ru_rail_dir() -> Path:
    """The ru-rail dataset directory; skips the test when it is not beside the repo."""
    if not (RU_RAIL / "stations.csv").is_file():
        pytest.skip(f"ru-rail dataset not found at {RU_RAIL} (../shared/datasets/ru-rail)")
    return RU_RAIL


@pytest.fixture(scope="session")
def ru_rail_network(ru_rail_dir: Path) -> RailNetwork:
    """The ru-rail network loaded once per session (skips when the dataset is absent)."""
    return load_network(ru_rail_dir)


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    """A one-worker, in-process Dask client (skips without ``railtrack[dask]``).

    A test module that needs another cluster (more workers, processes) defines its own
    ``client`` fixture, which wins over this one.
    """
    pytest.importorskip("distributed", reason="the Dask engine needs railtrack[dask]")
    from distributed import Client, LocalCluster

    with (
        LocalCluster(
            n_workers=1, threads_per_worker=1, processes=False, dashboard_address=":0"
        ) as cluster,
        Client(cluster) as c,
    ):
        yield c

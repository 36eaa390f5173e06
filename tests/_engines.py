"""Shared assertion of the engine-equivalence tests: the Dask engine tracks as the default."""

from __future__ import annotations

from typing import Any

import pandas as pd


def assert_engines_agree(default: Any, on_dask: Any) -> None:
    """Assert two track results have one headline, one shipments frame and the same links."""
    assert default.headline() == on_dask.headline()
    pd.testing.assert_frame_equal(
        default.shipments.reset_index(drop=True), on_dask.shipments, check_dtype=False
    )
    assert sorted(default.relays["matched_on"]) == sorted(on_dask.relays["matched_on"])

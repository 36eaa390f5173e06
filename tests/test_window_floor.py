"""An arrival window never opens before the train could have left."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from railtrack import columns as C
from railtrack import data_path, load_network, load_reports
from railtrack.pipeline import track


def _never_before_departure(result) -> int:
    est = result.estimates.dropna(subset=[C.P10, C.DEPARTURE_EARLIEST])
    assert (pd.to_datetime(est[C.P10]) >= pd.to_datetime(est[C.DEPARTURE_EARLIEST])).all()
    status = result.statuses.merge(result.estimates[[C.ID, C.DEPARTURE_EARLIEST]], on=C.ID)
    status = status.dropna(subset=[C.P10, C.DEPARTURE_EARLIEST])
    assert (pd.to_datetime(status[C.P10]) >= pd.to_datetime(status[C.DEPARTURE_EARLIEST])).all()
    return len(est)


def test_a_short_trip_between_towns_is_not_widened_before_its_departure(tmp_path: Path) -> None:
    # Ends named by their towns widen the window by half a day each (geo precision):
    # on a 450 km trip that once put p10 the evening before the departure day.
    path = tmp_path / "towns.csv"
    path.write_text(
        "id,origin,destination,departure,published,source\n"
        "t,Osipovichi,Bryansk,2023-02-28,2023-02-28,Sheet\n",
        encoding="utf-8",
    )
    result = track(load_reports(path), load_network(), as_of="2023-02-28")
    assert "window_widened_geo" in str(result.estimates[C.FLAGS].iloc[0])
    assert _never_before_departure(result) == 1


def test_no_embedded_train_arrives_before_it_left() -> None:
    result = track(load_reports(data_path("reports")), load_network())
    assert _never_before_departure(result) > 0


def test_a_train_with_no_window_gets_no_p10(tmp_path: Path) -> None:
    """The floor never invents a p10 where the model has no window (no route)."""
    path = tmp_path / "unrouted.csv"
    path.write_text(
        "id,origin,destination,departure,published,source\n"
        "u,Atlantis,Polonka,2023-02-28,2023-02-28,Sheet\n",
        encoding="utf-8",
    )
    result = track(load_reports(path), load_network(), as_of="2023-03-01")
    for frame in (result.estimates, result.statuses):
        row = frame.iloc[0]
        assert pd.isna(row[C.P50])
        assert pd.isna(row[C.P10])

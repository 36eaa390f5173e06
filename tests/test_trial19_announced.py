"""Trial 19 T8, helper "tfdates": a train only announced as expected is never "likely arrived".

"A military train of 38 cars is expected to arrive in Gomel around March 5, coming
from Bryansk" (published 3 March) showed status "likely arrived" once its window
had passed, although no report says it moved. Such a train is ``expected`` until
the arrival it was expected for has passed, then ``overdue``; a sighting of it, or a
later word that it left, gives it the usual statuses (:mod:`railtrack.tracking`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from railtrack import columns as C
from railtrack.io import load_reports
from railtrack.network import RailNetwork, load_network
from railtrack.pipeline import track
from tests._engines import assert_engines_agree
from tests._report_files import write_report

_EXPECTED = [
    (
        "en",
        "A military train of 38 cars is expected to arrive in Gomel around March 5, "
        "coming from Bryansk.",
        "expected",
    ),
    (
        "ru",
        "Около 5 марта в Гомель ожидается прибытие эшелона из 38 вагонов из Брянска.",
        "expected",
    ),
    ("en", "Hajun says a train of 40 cars is due in Gomel on March 5 from Bryansk.", "planned"),
]


@pytest.fixture(scope="module")
def network() -> RailNetwork:
    """The embedded network."""
    return load_network()


def _statuses(folder: Path, network: RailNetwork, as_of: str) -> dict[str, str]:
    result = track(load_reports(folder), network, as_of=as_of)
    ships = result.statuses
    return dict(zip(ships[C.ID], ships[C.STATUS].astype(str), strict=True))


@pytest.mark.parametrize(("lang", "text", "before"), _EXPECTED)
def test_an_announced_train_is_expected_then_overdue(
    tmp_path: Path, network: RailNetwork, lang: str, text: str, before: str
) -> None:
    write_report(tmp_path, f"hedged-{lang}.txt", text, "2026-03-03")
    assert set(_statuses(tmp_path, network, "2026-03-04").values()) == {before}
    assert set(_statuses(tmp_path, network, "2026-03-12").values()) == {"overdue"}


def test_a_train_that_left_and_is_expected_is_moving(tmp_path: Path, network: RailNetwork) -> None:
    text = (
        "A train of 38 cars left Bryansk on March 2 and is expected to arrive in Gomel on March 4."
    )
    write_report(tmp_path, "left.txt", text, "2026-03-03")
    assert set(_statuses(tmp_path, network, "2026-03-12").values()) == {"likely arrived"}


def test_an_expected_train_seen_there_arrived(tmp_path: Path, network: RailNetwork) -> None:
    write_report(tmp_path, "hedged.txt", _EXPECTED[0][1], "2026-03-03")
    seen = "On March 5 a military train of 38 cars arrived in Gomel from Bryansk."
    write_report(tmp_path, "seen.txt", seen, "2026-03-06")
    statuses = _statuses(tmp_path, network, "2026-03-12")
    assert "likely arrived" in statuses.values()
    assert "expected" not in statuses.values()


def test_both_engines_give_expected_alike(
    client: Any, tmp_path: Path, network: RailNetwork
) -> None:
    from railtrack.engine_dask import track_converted

    for lang, text, _ in _EXPECTED:
        write_report(tmp_path / "in", f"hedged-{lang}.txt", text, "2026-03-03")
    reports = load_reports(tmp_path / "in")
    default = track(reports, network, as_of="2026-03-12")
    on_dask = track_converted(reports, network, client, as_of="2026-03-12")
    assert_engines_agree(default, on_dask)
    assert set(on_dask.statuses[C.STATUS].astype(str)) == {"overdue"}

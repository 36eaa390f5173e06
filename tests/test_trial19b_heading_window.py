"""Trial 19b T9a: a train told only by its direction is not stale inside its window.

"Вчера из Осиповичей отправился эшелон из 30 платформ в сторону Бреста." (published
4 March) was ``stale`` on 5 March, the as-of date still inside its arrival window: a
train told "towards" a place is ``stale`` once its window has passed (the as-of date
at or after p90) with nothing saying it arrived, and ``in transit`` before (never
``likely arrived`` at a direction; trial14 T2).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from railtrack.io import load_reports
from railtrack.network import RailNetwork, load_network
from railtrack.tracking import track_status
from tests._report_files import write_report

HEADING = {
    "ru": "Вчера из Осиповичей отправился эшелон из 30 платформ в сторону Бреста.",
    "uk": "Учора з Осиповичів вирушив ешелон із 30 платформ у напрямку Бреста.",
    "be": "Учора з Асіповічаў адправіўся эшалон з 30 платформаў у бок Брэста.",
    "pl": "Wczoraj z Osipowicz odjechał eszelon z 30 platformami w kierunku Brześcia.",
    "en": "Yesterday a train of 30 flatcars left Asipovichy heading towards Brest.",
}


@pytest.fixture(scope="module")
def network() -> RailNetwork:
    """The embedded network."""
    return load_network()


@pytest.mark.parametrize("lang", sorted(HEADING))
def test_stale_only_once_the_window_has_passed(
    lang: str, tmp_path: Path, network: RailNetwork
) -> None:
    write_report(tmp_path, "post.txt", HEADING[lang], "2024-03-04")
    reports = load_reports(tmp_path).resolve(network)
    first = track_status(reports, network, as_of="2024-03-04")
    p50, p90 = first["p50"].iloc[0], first["p90"].iloc[0]
    assert first["status"].tolist() == ["in transit"]  # before p50
    inside = p50 + (p90 - p50) / 2  # more likely there than not, window still open
    status = track_status(reports, network, as_of=inside.isoformat())
    assert status["status"].tolist() == ["in transit"]
    assert "destination_heading" in status["flags"].iloc[0]
    after = track_status(reports, network, as_of=(p90 + pd.Timedelta(hours=1)).isoformat())
    assert after["status"].tolist() == ["stale"]

"""An unresolved destination is named in the problem line even when the origin is the reason.

trial13 S3: "на станцию Колядичи прибыл эшелон" gave the destination "Колядичи", which
no place matches, and the only problem was "not routed (no origin)": the report's one
named place went unmentioned. The outcome stays the first reason (the origin); its text
names the destination too.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from railtrack.accounting import route_outcomes, unrouted_problems
from railtrack.cli import app


def _ships(
    origin: str | None, origin_id: str | None, dest: str, dest_id: str | None
) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "id": ["t1"],
            "origin": [origin],
            "origin_station_id": [origin_id],
            "origin_region": [None],
            "destination": [dest],
            "destination_station_id": [dest_id],
            "destination_region": [None],
            "source_file": ["r.txt"],
        }
    )


NO_ROUTE = pd.DataFrame({"id": ["t1"], "stations": [None]})


@pytest.mark.parametrize(
    ("origin", "origin_id", "outcome"),
    [(None, None, "no origin"), ("Xqzville", None, "unresolved origin")],
)
def test_unresolved_destination_is_named_beside_the_origin_reason(
    origin: str | None, origin_id: str | None, outcome: str
) -> None:
    ships = _ships(origin, origin_id, "Колядичи", None)
    out = route_outcomes(ships, NO_ROUTE)
    assert out["outcome"].tolist() == [outcome]
    (problem,) = unrouted_problems(out, ships)
    assert "destination 'Колядичи' matches no station or region" in str(problem)


@pytest.mark.parametrize(("origin", "origin_id"), [(None, None), ("Xqzville", None)])
def test_a_resolved_destination_is_not_called_unmatched(
    origin: str | None, origin_id: str | None
) -> None:
    out = route_outcomes(_ships(origin, origin_id, "Polonka", "BY-POLONKA"), NO_ROUTE)
    assert "destination" not in out["reason_text"].iloc[0]


def test_a_report_naming_only_an_unknown_destination_gives_a_problem_naming_it(
    tmp_path: Path,
) -> None:
    report = tmp_path / "kol.txt"
    report.write_text(
        "14 апреля на станцию Хатангаево прибыл эшелон из 30 цистерн с топливом.\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["estimate", str(report)])
    assert "Хатангаево" in result.output
    lines = [ln for ln in result.output.splitlines() if "not routed" in ln]
    assert lines, result.output
    assert any("destination 'Хатангаево'" in ln for ln in lines), result.output

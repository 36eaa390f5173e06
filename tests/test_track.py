"""End to end: ``railtrack track`` on the embedded default, from a fresh directory."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from railtrack import columns as C
from railtrack import data_path, load_network, load_reports
from railtrack.briefing import escape_formulas, timeline_rows, write_outputs
from railtrack.labels import DIRECTIONS
from railtrack.pipeline import SUMMARY_VIEWS, track
from railtrack.summary import summarize

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
OUTPUTS = (
    "shipments.csv",
    "shipments.parquet",
    "estimates.csv",
    "estimates.parquet",
    "routes.csv",
    "distinct_routes.csv",
    "groups.csv",
    "problems.csv",
    "summary_by_railhead.csv",
    "summary_by_week.csv",
    "summary_by_route.csv",
    "summary_by_border_crossing.csv",
    "route_map.png",
    "timeline.png",
    "volumes.png",
    "report.html",
)


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "railtrack", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


@pytest.fixture(scope="module")
def embedded_run(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, subprocess.CompletedProcess[str]]:
    cwd = tmp_path_factory.mktemp("fresh")
    return cwd, _cli("track", "--json", cwd=cwd)


def test_track_writes_every_output(
    embedded_run: tuple[Path, subprocess.CompletedProcess[str]],
) -> None:
    cwd, run = embedded_run
    # 1: the good records were processed; some trains could not be routed (problems).
    assert run.returncode == 1, run.stderr
    assert "not routed" in run.stderr + run.stdout  # problems: stderr, or the JSON
    out = cwd / "railtrack-out"
    for name in OUTPUTS:
        assert (out / name).is_file(), name
        assert (out / name).stat().st_size > 0, name
    for name in ("route_map.png", "timeline.png", "volumes.png"):
        data = (out / name).read_bytes()
        assert data.startswith(PNG_MAGIC)
        assert len(data) > 5_000  # a real picture, not an empty canvas
    summary = json.loads(run.stdout)
    assert summary["n_shipments"] == len(pd.read_csv(out / "shipments.csv"))
    assert {o["name"] for o in summary["outputs"]} >= set(OUTPUTS)


def test_briefing_names_both_railheads_and_the_86_cars(
    embedded_run: tuple[Path, subprocess.CompletedProcess[str]],
) -> None:
    cwd, _run = embedded_run
    page = (cwd / "railtrack-out" / "report.html").read_text(encoding="utf-8")
    assert "Matveev Kurgan" in page
    assert "Neklinovka" in page
    assert ">86<" in page or " 86 " in page
    assert "Belarusian Hajun" in page
    assert "<script src" not in page  # Leaflet and the map data are inlined
    assert "<link" not in page
    assert "data:image/png;base64," in page


def test_seed_group_counted_once() -> None:
    net = load_network()
    seed = load_reports(data_path("reports") / "seed-hajun-2023-03.yaml")
    result = track(seed, net)
    total = result.summaries["total"].iloc[0]
    assert int(total["cars_total"]) == 86
    assert int(total["cars_passenger"]) == 2
    assert result.headline()["cars_total"] == 86


def test_track_summaries_are_summarize_per_view() -> None:
    result = track(load_reports(data_path("reports")), load_network())
    assert list(result.summaries) == list(SUMMARY_VIEWS)
    for name, keys in SUMMARY_VIEWS.items():
        alone = summarize(result.shipments, groups=result.groups, by=keys, routes=result.routes)
        table = result.summaries[name]
        if name == "by_border_crossing":  # track adds each crossing's directions
            assert table[DIRECTIONS].notna().sum() >= 1
            table = table.drop(columns=[DIRECTIONS])
        pd.testing.assert_frame_equal(table, alone, check_exact=True)
        assert result.summaries[name].attrs == alone.attrs


def test_track_on_bad_input_still_writes(tmp_path: Path, tests_data: Path) -> None:
    run = _cli(
        "track", str(tests_data / "reports" / "broken"), "--out", str(tmp_path / "o"), cwd=tmp_path
    )
    assert run.returncode == 1, run.stderr
    assert "Traceback" not in run.stderr
    assert (tmp_path / "o" / "report.html").is_file()
    problems = pd.read_csv(tmp_path / "o" / "problems.csv")
    assert problems["text"].str.contains("rows.csv row 3, field 'cars_total'").any()


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    missing = _cli("track", "nope/", cwd=tmp_path)
    assert missing.returncode == 2
    assert "nope" in missing.stderr
    assert "Traceback" not in missing.stderr
    bad_date = _cli("track", "--as-of", "March 3", cwd=tmp_path)
    assert bad_date.returncode == 2
    assert "Traceback" not in bad_date.stderr


def test_store_roundtrip_through_track(tmp_path: Path) -> None:
    db = tmp_path / "s.sqlite"
    first = _cli("ingest", str(data_path("reports")), "--store", str(db), "--json", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    again = _cli("ingest", str(data_path("reports")), "--store", str(db), "--json", cwd=tmp_path)
    assert json.loads(again.stdout)["n_new"] == 0
    run = _cli("track", "--store", str(db), "--out", str(tmp_path / "o"), "--json", cwd=tmp_path)
    assert run.returncode == 1, run.stderr  # unrouted trains are problems
    assert json.loads(run.stdout)["n_unrouted"] > 0
    # the same date of knowledge as the run above (the latest date in the input)
    status = _cli("status", "--store", str(db), "--json", cwd=tmp_path)
    assert status.returncode == 1, status.stderr  # the same unrouted trains, the same rule
    lines = [json.loads(line) for line in status.stdout.splitlines()]
    assert len(lines) == json.loads(run.stdout)["n_shipments"]
    problems = [json.loads(line) for line in status.stderr.splitlines() if line.startswith("{")]
    assert len(problems) == json.loads(run.stdout)["n_unrouted"]
    assert all({"id", "status", "p10", "p50", "p90"} <= set(line) for line in lines)
    direct = _cli("track", "--out", str(tmp_path / "d"), "--json", cwd=tmp_path)
    assert json.loads(run.stdout)["cars_total"] == json.loads(direct.stdout)["cars_total"]


def test_csv_cells_that_look_like_formulas_are_escaped(tmp_path: Path) -> None:
    df = pd.DataFrame(
        {"origin": ['=HYPERLINK("x")', "+1", "@cmd", "-2+3", "Slonim"], "cars": [1, -2, 3, 4, 5]}
    )
    escaped = escape_formulas(df)
    assert escaped["origin"].tolist() == ['\'=HYPERLINK("x")', "'+1", "'@cmd", "'-2+3", "Slonim"]
    assert escaped["cars"].tolist() == [1, -2, 3, 4, 5]


def test_hostile_names_are_escaped_everywhere(tmp_path: Path) -> None:
    reports_dir = tmp_path / "r"
    reports_dir.mkdir()
    (reports_dir / "evil.csv").write_text(
        "id,origin,destination,cars_total,source\n"
        "e1,=cmd|' /C calc'!A0,<script>alert(1)</script>,10,@evil\n",
        encoding="utf-8",
    )
    result = track(load_reports(reports_dir), load_network())
    written = write_outputs(result, tmp_path / "o")
    text = written["shipments.csv"].read_text(encoding="utf-8")
    assert "\n'=cmd" in text.replace(",'=cmd", "\n'=cmd") or ",'=cmd" in text
    assert ",'@evil" in text
    page = written["report.html"].read_text(encoding="utf-8")
    assert "<script>alert" not in page


def test_empty_input_writes_an_empty_briefing(tmp_path: Path) -> None:
    from railtrack.io import ReportSet

    result = track(ReportSet(), load_network())
    written = write_outputs(result, tmp_path / "o")
    assert result.headline()["shipments"] == 0
    assert "No sources." in written["report.html"].read_text(encoding="utf-8")
    assert written["timeline.png"].read_bytes().startswith(PNG_MAGIC)


def test_timeline_keeps_the_windows_nearest_the_as_of_date() -> None:
    days = pd.to_datetime(["2023-03-01", "2023-03-20", None, "2023-03-09", "2023-03-07"])
    est = pd.DataFrame({C.ID: list("abcde"), C.P50: days})
    near = timeline_rows(est, pd.Timestamp("2023-03-08"), limit=2)
    assert near[C.ID].tolist() == ["d", "e"]  # nearest two, in input order
    latest = timeline_rows(est, None, limit=2)
    assert latest[C.ID].tolist() == ["b", "d"]
    with_gaps = timeline_rows(est, pd.Timestamp("2023-03-08"), limit=4)
    assert "c" not in with_gaps[C.ID].tolist()  # rows without a window come last
    assert timeline_rows(est, None, limit=10) is est


def test_csv_written_in_chunks_equals_one_piece(tmp_path: Path) -> None:
    from railtrack.briefing import write_csv

    df = pd.DataFrame(
        {"a": ["=1", "x", None, "-y", "z"], "n": [1, 2, 3, 4, 5], "l": [[1], [2], None, [4], [5]]}
    )
    whole = tmp_path / "whole.csv"
    escape_formulas(df).to_csv(whole, index=False)
    for rows in (1, 2, 5, 100):
        chunked = write_csv(df, tmp_path / f"chunked-{rows}.csv", chunk_rows=rows)
        assert chunked.read_bytes() == whole.read_bytes()
    assert write_csv(df.iloc[:0], tmp_path / "empty.csv").read_text() == "a,n,l\n"


def test_progress_bar_counts_every_step_and_the_reports_read() -> None:
    from railtrack.cli._progress import TRACK_STEPS, StageProgress
    from railtrack.pipeline import STAGES

    assert ("load", *STAGES, "tables", "plots", "report") == TRACK_STEPS

    class Bar:
        def __init__(self) -> None:
            self.fields: dict[str, object] = {}
            self.advanced = 0

        def add_task(self, description: str, **fields: object) -> int:
            self.fields = {"description": description, **fields}
            return 0

        def update(self, task: int, *, advance: int = 0, **fields: object) -> None:
            self.advanced += advance
            self.fields |= fields

    bar = Bar()
    shown = StageProgress(bar)
    counts: list[int] = []

    def seen(n: int) -> None:
        counts.append(n)
        shown.loaded(n)

    reports = load_reports(data_path("reports"), progress=seen)
    result = track(reports, load_network(), progress=shown.stage)
    assert counts == sorted(counts)
    assert counts[-1] == len(reports.shipments) + len(reports.groups) + len(reports.sightings)
    assert bar.advanced == len(STAGES)
    assert bar.fields["description"] == STAGES[-1]
    assert str(bar.fields["rate"]).startswith(f"{counts[-1]:,} reports")
    assert len(result.shipments) == len(reports.shipments)

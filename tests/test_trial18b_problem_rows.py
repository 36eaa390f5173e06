"""Every writer of problems gives whole row numbers (trial18b T10 a).

``track``'s ``problems.csv`` wrote ``export/result.json,9008.0,message``, ``my-log.csv,1.0,row``
and ``timetable-be.txt,5.0,line`` again: the run's problems table was built from
problems some of which have no row (a train not routed, a file skipped), and pandas made
the column float. The reports' own table had been mended (``ReportSet.problems_frame``),
the run's had its own copy. Both now come from :func:`railtrack.problems.problems_frame`;
the tests read every writer's output as text: ``problems.csv`` of either engine,
``track --json`` and ``load --json``.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest
from _telegram_exports import Msg, at, chat_object, write_json
from typer.testing import CliRunner

from railtrack.cli import app
from railtrack.io import load_reports
from railtrack.network import RailNetwork, load_network
from railtrack.pipeline import track
from railtrack.problems import Problem, problems_frame
from railtrack.safetext import write_csv
from tests._report_files import write_report

runner = CliRunner()


def _inputs(folder: Path) -> Path:
    """Reports with problems at a line, a row, a message id, and with no row at all."""
    # a passenger post in a Telegram export: a problem at message 9008
    service = (
        "Цягнік № 655 Гомель — Мінск сёння адпраўляецца са станцыі Бабруйск з затрымкай "
        "на 40 хвілін. У складзе 14 вагонаў, з іх 4 купэйныя."
    )
    post = "Вчера со станции Осиповичи отправился воинский эшелон из 30 платформ на Гомель."
    messages = [Msg(9007, post, at(3)), Msg(9008, service, at(3, 13))]
    write_json(folder / "export" / "result.json", chat_object(messages, name="Гаюн"))
    # a hand log with a title line above its header and a bad count: problems at rows
    (folder / "my-log.csv").write_text(
        "Hajun log, August\ndate,station,cars,source\n2026-08-14,Гомель,abc,Hajun\n"
        "2026-08-14,Речица,40,Hajun\n",
        encoding="utf-8",
    )
    # a text report's problem at a line; a train from nowhere: a problem with no row
    write_report(
        folder,
        "timetable-be.txt",
        "Цягнік № 712 Брэст — Мінск сёння адпраўляецца са станцыі Баранавічы з затрымкай "
        "на 30 хвілін. Пасажыраў просяць сачыць за аб'явамі.",
        "2026-08-14",
    )
    return folder


def _whole(cell: str) -> bool:
    return cell == "" or cell.isdigit()


def _csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _check_rows(rows: list[dict[str, str]]) -> None:
    cells = [r["row"] for r in rows]
    assert all(_whole(c) for c in cells), cells
    assert "" in cells  # a problem with no row is among them (what made the floats)
    assert {"9008", "1", "3"} <= set(cells), cells  # a message id, a title line, a row


@pytest.fixture(scope="module")
def network() -> RailNetwork:
    """The embedded network."""
    return load_network()


def test_problems_frame_keeps_whole_rows_beside_missing_ones() -> None:
    problems = [
        Problem("export/result.json", 9008, None, "a service", unit="message"),
        Problem("my-log.csv", 1, None, "a title", unit="row"),
        Problem("out/x.parquet", None, None, "skipped"),
    ]
    df = problems_frame(problems)
    assert str(df["row"].dtype) == "Int64"
    text = df.to_csv(index=False)
    assert "9008.0" not in text
    assert text.splitlines()[1].startswith("export/result.json,9008,message,")
    assert text.splitlines()[3].startswith("out/x.parquet,,row,")
    # no problems at all: the columns, still typed
    assert list(problems_frame([]).columns) == ["path", "row", "unit", "field", "message", "text"]


def test_track_writes_whole_rows_in_problems_csv(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = runner.invoke(app, ["track", str(_inputs(tmp_path / "in")), "-o", str(out), "-q"])
    assert result.exit_code == 1, result.output
    _check_rows(_csv_rows(out / "problems.csv"))


def test_track_json_and_load_json_give_whole_rows(tmp_path: Path) -> None:
    folder = _inputs(tmp_path / "in")
    run = runner.invoke(app, ["track", str(folder), "-o", str(tmp_path / "out"), "--json"])
    (doc,) = [json.loads(x) for x in run.stdout.splitlines() if x.startswith("{")]
    rows = [p["row"] for p in doc["problems"]]
    assert all(r is None or type(r) is int for r in rows), rows
    assert {9008, 1, 3} <= set(rows)
    loaded = runner.invoke(app, ["load", str(folder), "--json"])
    records = [json.loads(x) for x in loaded.stderr.splitlines() if x.startswith("{")]
    rows = [r["row"] for r in records if r["record"] == "problem"]
    assert all(r is None or type(r) is int for r in rows), rows
    assert {9008, 1, 3} <= set(rows)


def test_both_engines_write_whole_rows(client: Any, tmp_path: Path, network: RailNetwork) -> None:
    from railtrack.engine_dask import track_converted

    reports = load_reports(_inputs(tmp_path / "in"))
    default = track(reports, network)
    on_dask = track_converted(reports, network, client)
    for name, result in (("default", default), ("dask", on_dask)):
        path = write_csv(result.problems_frame(), tmp_path / f"{name}.csv")
        _check_rows(_csv_rows(path))
    assert default.problems_frame().to_csv(index=False) == on_dask.problems_frame().to_csv(
        index=False
    )

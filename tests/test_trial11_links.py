"""Trial 11, helper "links": ids shared by files (T10), plan vs departure in a store (T1)."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from _telegram_exports import Msg, at, chat_object, write_json
from typer.testing import CliRunner

from railtrack.cli import app
from railtrack.io import load_reports
from railtrack.io._ids import with_ids
from railtrack.models import Place, Shipment, Sighting, Source
from railtrack.relays import claim_rank, keep_rank


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# ---------------------------------------------------------------- T10: same id, different files

_TEXT_PAIRS = [
    (
        "ru",
        "14 марта из Гомеля в Калинковичи ушёл эшелон из 40 вагонов.",
        "14 марта из Орши в Смоленск ушёл эшелон из 45 вагонов.",
    ),
    (
        "en",
        "On 14 March a train of 40 wagons left Gomel for Kalinkovichi.",
        "On 14 March a train of 45 wagons left Orsha for Smolensk.",
    ),
]


@pytest.mark.parametrize(("lang", "first", "second"), _TEXT_PAIRS, ids=["ru", "en"])
def test_same_file_name_in_two_folders_keeps_both(
    tmp_path: Path, lang: str, first: str, second: str
) -> None:
    head = "source: Гаюн\npublished: 2023-03-14\n\n"
    _write(tmp_path / "hajun" / "2023-03-14.txt", head + first + "\n")
    _write(tmp_path / "zerkalo" / "2023-03-14.txt", head + second + "\n")
    reports = load_reports(tmp_path)
    cars = sorted(s.cars.total for s in reports.shipments if s.cars.total is not None)
    assert cars == [40, 45], lang
    ids = [s.id for s in reports.shipments]
    assert len(set(ids)) == len(ids)
    assert any(i.endswith("@zerkalo") for i in ids)
    notes = [p.message for p in reports.problems if p.field == "id"]
    assert len(notes) == 1
    assert "hajun/2023-03-14.txt" in notes[0]
    assert "zerkalo/2023-03-14.txt" in notes[0]
    assert "skipped" not in notes[0]


_SHEETS = [
    ("№;Дата;Откуда;Куда;Вагонов;Источник", "1;13.03.2023;Осиповичи;Брянск;33;Гаюн"),
    ("Nr;Data;Skąd;Dokąd;Wagonów;Źródło", "1;13.03.2023;Homel;Nowozybków;50;Hajun"),
    ("id;date;from;to;wagons;source", "1;13.03.2023;Orsha;Smolensk;45;Hajun"),
]


@pytest.mark.parametrize("second", range(1, len(_SHEETS)))
def test_numbered_rows_of_two_sheets_keep_both(tmp_path: Path, second: int) -> None:
    for name, (header, row) in (
        ("hajun-log.csv", _SHEETS[0]),
        ("moj-rejestr.csv", _SHEETS[second]),
    ):
        _write(tmp_path / name, f"{header}\n{row}\n")
    reports = load_reports(tmp_path)
    assert len(reports.shipments) == 2
    assert sorted(s.id for s in reports.shipments) == ["1", "1@moj-rejestr"]
    (note,) = [p for p in reports.problems if "renamed" in p.message]
    assert "hajun-log.csv" in note.message
    assert "moj-rejestr.csv" in note.message


def test_duplicate_within_one_file_is_still_skipped(tmp_path: Path) -> None:
    header, row = _SHEETS[0]
    _write(tmp_path / "log.csv", f"{header}\n{row}\n{row.replace('33', '34')}\n")
    reports = load_reports(tmp_path)
    assert [s.cars.total for s in reports.shipments] == [33]
    (problem,) = [p for p in reports.problems if p.field is not None and "id" in p.message]
    assert problem.row == 3
    assert "log.csv" in problem.path
    assert "skipped" in problem.message


def test_a_copy_in_another_folder_is_the_same_record(tmp_path: Path) -> None:
    text = "source: Гаюн\npublished: 2023-03-14\n\n" + _TEXT_PAIRS[0][1] + "\n"
    _write(tmp_path / "hajun" / "2023-03-14.txt", text)
    _write(tmp_path / "backup" / "2023-03-14.txt", text)
    reports = load_reports(tmp_path)
    assert len(reports.shipments) == 1
    (problem,) = [p for p in reports.problems if p.field == "id"]
    assert "skipped" in problem.message
    assert "/2023-03-14.txt" in problem.message  # the first file named with its folder


def test_same_file_loaded_twice_is_not_kept_twice(tmp_path: Path) -> None:
    header, row = _SHEETS[0]
    path = _write(tmp_path / "log.csv", f"{header}\n{row}\n")
    reports = load_reports([path, path])
    assert len(reports.shipments) == 1


def test_references_follow_a_renamed_id() -> None:
    src = Source(reporter="Гаюн")
    renames = {("Shipment", "1"): ("1@b", "a/x.csv")}
    train = with_ids(Shipment(id="1", source=src, return_of="1"), renames)
    at: dict[str, Any] = {
        "station": Place(text="Orsha"),
        "seen_at": datetime(2023, 3, 14, 10, 0),
        "source": src,
    }
    seen = with_ids(Sighting(id="s1", shipment="1", **at), renames)
    other = with_ids(Sighting(id="s2", shipment="2", **at), renames)
    assert (train.id, train.return_of) == ("1@b", "1@b")
    assert (seen.id, seen.shipment) == ("s1", "1@b")
    assert other.shipment == "2"


# ---------------------------------------------------------------- T1: a plan, then its departure

_PLAN_THEN_GONE = {
    "ru": (
        "По нашим данным, 15 марта из Осиповичей в Брянск планируется отправка эшелона.",
        "15 марта из Осиповичей в Брянск ушёл эшелон из 33 платформ.",
    ),
    "uk": (
        "За нашими даними, 15 березня з Осиповичів до Брянська планується відправлення ешелону.",
        "15 березня з Осиповичів до Брянська вирушив ешелон із 33 платформ.",
    ),
    "be": (
        "Паводле нашых звестак, 15 сакавіка з Асіповічаў у Брянск плануецца адпраўка эшалона.",
        "15 сакавіка з Асіповічаў у Брянск адправіўся эшалон з 33 платформаў.",
    ),
    "pl": (
        "Według naszych informacji 15 marca z Osipowicz do Briańska ma wyjechać eszelon.",
        "15 marca z Osipowicz do Briańska wyjechał eszelon z 33 platformami.",
    ),
    "en": (
        "According to our information, a train is planned to leave Osipovichi for Bryansk "
        "on 15 March.",
        "On 15 March a train of 33 flatcars left Osipovichi for Bryansk.",
    ),
}

_HEAD = ("n_trains", "cars_total", "n_relays", "sources", "outlets", "as_of")


def _track(inputs: list[Path], out: Path, store: Path | None = None) -> tuple[dict[str, Any], Any]:
    args = ["track", *map(str, inputs), "--json", "-o", str(out)]
    if store is not None:
        args += ["--store", str(store)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code in (0, 1), result.output
    head = next(json.loads(line) for line in result.stdout.splitlines() if line.startswith("{"))
    status = pd.read_csv(out / "status.csv")
    relays = pd.read_csv(out / "relays.csv")
    return {k: head.get(k) for k in _HEAD}, (status[["status"]], len(relays))


@pytest.mark.parametrize("lang", sorted(_PLAN_THEN_GONE))
def test_a_plan_then_its_departure_same_with_or_without_a_store(tmp_path: Path, lang: str) -> None:
    plan, gone = _PLAN_THEN_GONE[lang]
    folder = tmp_path / "in"
    _write(folder / "a-plan.txt", f"source: Гаюн\npublished: 2023-03-13\n\n{plan}\n")
    _write(folder / "b-dep.txt", f"source: Зеркало\npublished: 2023-03-15\n\n{gone}\n")
    plain, (plain_status, plain_relays) = _track([folder], tmp_path / "o1")
    stored, (stored_status, stored_relays) = _track(
        [folder], tmp_path / "o2", tmp_path / "s.sqlite"
    )
    assert plain["n_trains"] == 1
    assert plain["cars_total"] == 33
    assert stored == plain
    assert stored_status["status"].tolist() == plain_status["status"].tolist()
    assert "planned" not in stored_status["status"].tolist()
    assert stored_relays == plain_relays == 1


def test_a_plan_then_its_departure_in_a_telegram_export(tmp_path: Path) -> None:
    posts = [
        Msg(
            202,
            "По нашим данным, 15 марта из Осиповичей в Брянск планируется отправка "
            "эшелона, 30-35 платформ.",
            when=at(13),
        ),
        Msg(206, "15 марта из Осиповичей в Брянск ушёл эшелон из 33 платформ.", when=at(15)),
    ]
    path = write_json(tmp_path / "tg" / "result.json", chat_object(posts, name="Беларускі Гаюн"))
    plain, (plain_status, _) = _track([path], tmp_path / "o1")
    stored, (stored_status, _) = _track([path], tmp_path / "o2", tmp_path / "s.sqlite")
    assert plain["cars_total"] == 33
    assert "planned" not in plain_status["status"].tolist()  # the plan counts cars too
    assert stored == plain
    assert stored_status["status"].tolist() == plain_status["status"].tolist()


def test_a_told_departure_is_kept_over_the_plan_in_the_store(tmp_path: Path) -> None:
    src = Source(reporter="Hajun")
    plan = Shipment(id="a", claim="planned", source=src, credibility=6)
    gone = Shipment(id="b", claim="sighted", source=src, credibility=6)
    assert keep_rank(gone) < keep_rank(plan)
    assert claim_rank("expected") == claim_rank("planned") > claim_rank("sighted")


@pytest.mark.parametrize(
    ("plan", "gone"),
    [
        (
            "15 марта из Осиповичей в Брянск планируется отправка эшелона из 33 платформ.",
            "15 марта из Осиповичей в Брянск ушёл эшелон из 33 платформ.",
        ),
        (
            "A train of 33 flatcars is planned to leave Osipovichi for Bryansk on 15 March.",
            "On 15 March a train of 33 flatcars left Osipovichi for Bryansk.",
        ),
    ],
    ids=["ru", "en"],
)
def test_a_plan_that_tells_as_much_still_yields_to_the_departure(
    tmp_path: Path, plan: str, gone: str
) -> None:
    folder = tmp_path / "in"
    _write(folder / "a-plan.txt", f"source: Гаюн\npublished: 2023-03-13\n\n{plan}\n")
    _write(folder / "b-dep.txt", f"source: Зеркало\npublished: 2023-03-15\n\n{gone}\n")
    plain, (plain_status, _) = _track([folder], tmp_path / "o1")
    stored, (stored_status, _) = _track([folder], tmp_path / "o2", tmp_path / "s.sqlite")
    assert plain["n_trains"] == 1
    assert plain_status["status"].tolist() == stored_status["status"].tolist()
    assert "planned" not in plain_status["status"].tolist()
    assert stored == plain

"""Review 18 #1, #2, #6, #11: a retracted post and its relays, hearsay relays, the store.

A channel posts a train, an outlet relays it, the channel retracts it: the post and the
relay tell one train, so the retraction marks it and ``track`` leaves it out of the
totals (it was "2 trains, ambiguous" and counted). Two reports that disagree (other
counts) stay ambiguous. A first-hand report is kept before a hearsay relay of it, and a
train is hearsay only when every report of it is. The store never stores a report again
because a later load marked it retracted.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from railtrack.cli import app
from railtrack.io import load_reports
from railtrack.io.retractions import RetractionMatch, sure_retracted, tell_one_train
from railtrack.models import CarCounts, Place, Shipment, Source
from railtrack.network import RailNetwork, load_network
from railtrack.pipeline import track
from railtrack.relays import keep_rank
from railtrack.store import Store
from tests._engines import assert_engines_agree
from tests._report_files import write_report

runner = CliRunner()

# (lang, the post, its relay, the retraction); the post and relay tell 44 cars at Brest
_CASES = [
    (
        "ru",
        "Сегодня в Брест прибыл эшелон из 44 вагонов с танками.",
        "Сегодня в Брест прибыл эшелон из 44 вагонов с танками, сообщают наблюдатели.",
        "Опровержение: информация о прибытии эшелона в Брест 20 мая не подтвердилась.",
    ),
    (
        "uk",
        "Сьогодні до Бреста прибув ешелон з 44 вагонів з танками.",
        "Сьогодні до Бреста прибув ешелон з 44 вагонів з танками з Орші.",
        "Спростування: інформація про прибуття ешелону до Бреста 20 травня не підтвердилася.",
    ),
    (
        "en",
        "Today a train of 44 cars with tanks arrived in Brest.",
        "A train with tanks arrived in Brest today.",
        "Correction: the report of a train arriving in Brest on 20 May was not confirmed.",
    ),
]


@pytest.fixture(scope="module")
def network() -> RailNetwork:
    """The embedded network."""
    return load_network()


def _inputs(folder: Path, post: str, relay: str, retraction: str | None) -> Path:
    write_report(folder, "a.txt", post, "2026-05-20", source="Hajun")
    write_report(folder, "b.txt", relay, "2026-05-20", source="Zerkalo")
    if retraction is not None:
        write_report(folder, "c.txt", retraction, "2026-05-21", source="Hajun")
    return folder


def _run(stdout: str) -> dict[str, Any]:
    rows = [json.loads(line) for line in stdout.splitlines() if line.startswith("{")]
    return next(r for r in rows if r.get("record") == "run")


@pytest.mark.parametrize(("lang", "post", "relay", "retraction"), _CASES)
def test_a_post_and_its_relay_are_one_train_the_retraction_marks(
    tmp_path: Path, lang: str, post: str, relay: str, retraction: str
) -> None:
    folder = _inputs(tmp_path / "in", post, relay, retraction)
    loaded = load_reports(folder)
    assert {s.id: s.retracted_by for s in loaded.shipments} == {"a-t1": "Hajun", "b-t1": "Hajun"}
    said = [p.message for p in loaded.problems if p.message.startswith("the retraction (")]
    assert len(said) == 1
    assert "reports of one train" in said[0]
    assert "not counted in the totals" in said[0]
    assert "ambiguous" not in said[0]
    out = runner.invoke(app, ["track", str(folder), "--json", "-o", str(tmp_path / "out")])
    run = _run(out.stdout)
    assert (run["n_shipments"], run["n_trains"], run["n_retracted"]) == (1, 0, 1), lang
    assert run["trains_not_counted"] == 1


def test_without_the_retraction_the_train_is_counted(tmp_path: Path) -> None:
    _, post, relay, _ = _CASES[0]
    folder = _inputs(tmp_path / "in", post, relay, None)
    out = runner.invoke(app, ["track", str(folder), "--json", "-o", str(tmp_path / "out")])
    run = _run(out.stdout)
    assert (run["n_trains"], run["n_retracted"], run["cars_total"]) == (1, 0, 44)


@pytest.mark.parametrize(
    "other",
    [
        "Сегодня в Брест прибыл эшелон из 30 вагонов с танками.",  # another count
        "Сегодня в Брест из Смоленска прибыл эшелон с танками.",  # another origin
    ],
)
def test_reports_that_disagree_stay_ambiguous(tmp_path: Path, other: str) -> None:
    folder = tmp_path / "in"
    write_report(
        folder,
        "a.txt",
        "Сегодня в Брест из Орши прибыл эшелон из 44 вагонов.",
        "2026-05-20",
        source="Hajun",
    )
    write_report(folder, "b.txt", other, "2026-05-20", source="Zerkalo")
    write_report(folder, "c.txt", _CASES[0][3], "2026-05-21", source="Hajun")
    loaded = load_reports(folder)
    assert all(s.retracted_by is None for s in loaded.shipments)
    said = [p.message for p in loaded.problems if "retracted by" in p.message]
    assert said
    assert all("which one is not clear" in m for m in said)
    assert all("still listed and counted" in m for m in said)


def _ship(sid: str, report: str | None, cars: int | None = None, **kw: Any) -> Shipment:
    return Shipment(
        id=sid,
        report=report,
        destination=Place(text="Брест"),
        cars=CarCounts(total=cars),
        source=Source(reporter="Hajun"),
        **kw,
    )


def test_two_trains_of_one_report_are_never_one() -> None:
    a, b = _ship("a-t1", "a", 44), _ship("a-t2", "a", 44)
    assert not tell_one_train(a, b)
    assert sure_retracted(RetractionMatch([a, b])) == []
    rows = _ship("log-r1", None, 44), _ship("log-r2", None, 44)
    assert not tell_one_train(*rows, files=("log.csv", "log.csv"))
    assert tell_one_train(*rows, files=("log.csv", "hand.csv"))
    relay = _ship("b-t1", "b", None, origin=Place(text="Орша"))
    assert [t.id for t in sure_retracted(RetractionMatch([a, relay]))] == ["a-t1", "b-t1"]
    other = _ship("c-t1", "c", 30)
    assert sure_retracted(RetractionMatch([a, relay, other])) == []


def test_a_sole_fit_says_it_is_left_out_and_how_to_undo(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_report(folder, "a.txt", _CASES[0][1], "2026-05-20", source="Hajun")
    write_report(folder, "c.txt", _CASES[0][3], "2026-05-21", source="Hajun")
    problems = [p.message for p in load_reports(folder).problems if "a-t1" in p.message]
    assert problems
    for message in problems:
        assert "not counted in the totals" in message
        assert "strike it" not in message
        assert "leave the retraction's report" in message


# --- hearsay (review 18 #2) ----------------------------------------------------------

_HEARSAY = [
    (
        "Сегодня в Брест прибыл эшелон из 44 вагонов с танками.",
        "Сегодня из Орши через Минск в Брест якобы прибыл эшелон из 44 вагонов с танками.",
    ),
    (
        "Dziś do Brześcia przyjechał skład z 44 wagonami z czołgami.",
        "Dziś z Orszy przez Mińsk do Brześcia rzekomo przyjechał skład z 44 wagonami.",
    ),
    (
        "Today a train of 44 cars with tanks arrived in Brest.",
        "Today a train of 44 cars with tanks from Orsha via Minsk allegedly arrived in Brest.",
    ),
]


@pytest.mark.parametrize(("first_hand", "alleged"), _HEARSAY)
def test_a_first_hand_report_makes_the_train_counted(
    tmp_path: Path, network: RailNetwork, first_hand: str, alleged: str
) -> None:
    folder = _inputs(tmp_path / "in", first_hand, alleged, None)
    loaded = load_reports(folder)
    assert {s.id: s.hearsay is not None for s in loaded.shipments} == {
        "a-t1": False,
        "b-t1": True,
    }
    result = track(loaded, network)
    assert result.relays["train"].tolist() == ["a-t1"]  # the first-hand post is kept
    assert result.shipments["hearsay"].isna().all()
    head = result.headline()
    assert (head["n_unconfirmed"], head["cars_total"]) == (0, 44)


def test_a_train_told_only_as_hearsay_stays_unconfirmed(
    tmp_path: Path, network: RailNetwork
) -> None:
    _, alleged = _HEARSAY[0]
    folder = _inputs(tmp_path / "in", alleged.replace("якобы ", "по слухам якобы "), alleged, None)
    head = track(load_reports(folder), network).headline()
    assert head["n_unconfirmed"] == 1
    assert head["trains_not_counted"] == 1


def test_keep_rank_puts_a_first_hand_report_first() -> None:
    told = _ship("a-t1", "a", 44)
    alleged = _ship("b-t1", "b", 44, hearsay="якобы", via=[Place(text="Минск")])
    assert keep_rank(told) < keep_rank(alleged)


def test_the_store_keeps_one_train_first_hand(tmp_path: Path) -> None:
    first_hand = "Сегодня из Орши в Брест прибыл эшелон из 44 вагонов с танками."
    folder = _inputs(tmp_path / "in", first_hand, _HEARSAY[0][1], None)  # the same ends
    with Store(tmp_path / "s.sqlite") as store:
        store.ingest(load_reports(folder))
        kept = store.reports().shipments
    assert [s.hearsay for s in kept] == [None]


def test_both_engines_agree_on_retracted_relays_and_hearsay(
    client: Any, tmp_path: Path, network: RailNetwork
) -> None:
    from railtrack.engine_dask import track_converted

    folder = _inputs(tmp_path / "in", *_CASES[0][1:])
    write_report(
        folder, "d.txt", _HEARSAY[0][0].replace("Брест", "Осиповичи"), "2026-05-20", source="Hajun"
    )
    write_report(
        folder,
        "e.txt",
        _HEARSAY[0][1].replace("Брест", "Осиповичи"),
        "2026-05-20",
        source="Zerkalo",
    )
    reports = load_reports(folder)
    default = track(reports, network)
    on_dask = track_converted(reports, network, client)
    assert_engines_agree(default, on_dask)
    head = on_dask.headline()
    assert (head["n_retracted"], head["n_unconfirmed"]) == (1, 0)


# --- the store (review 18 #6) --------------------------------------------------------


def test_a_retraction_loaded_later_adds_no_record_and_marks_the_stored_one(
    tmp_path: Path,
) -> None:
    post, _, retraction = _CASES[0][1], _CASES[0][2], _CASES[0][3]
    first, second = tmp_path / "a", tmp_path / "b"
    write_report(first, "post.txt", post, "2026-05-20", source="Hajun")
    write_report(second, "post.txt", post, "2026-05-20", source="Hajun")
    write_report(second, "retr.txt", retraction, "2026-05-21", source="Hajun")
    with Store(tmp_path / "s.sqlite") as store:
        assert store.ingest(load_reports(first)).new == 1
        again = store.ingest(load_reports(second))
        assert (again.new, again.duplicates) == (0, 1)
        (kept,) = store.reports().shipments
        assert kept.retracted_by == "Hajun"
        assert str(kept.retracted_on) == "2026-05-21"
        assert store.ingest(load_reports(first)).new == 0  # the unmarked post: the same
        (still,) = store.reports().shipments
        assert still.retracted_by == "Hajun"

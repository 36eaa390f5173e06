"""Trial 17b T6: a retraction hits the train it fits by place and day, and says so.

"Опровержение: информация о прибытии эшелона в Брест 20 мая не подтвердилась" was pinned
on a train that left Baranovichi on 21-22 May and on one that left Smolensk on 20 May
(it cannot have arrived on 20 May), while the digest's "▪️ Брест — 1 эшелон (44
вагона)" under "Итоги дня 20 мая" and a log row "20.05.2026, Брест" were never named;
the retraction's own problem said "(no train listed)". Now a retraction matches a
train told at its place on its day (an arrival, a sighting, a log row), never one that
left after that day or was told only leaving for the place, and its own file gets a
problem saying which train it fits, several (ambiguous), or none
(:mod:`railtrack.io.retractions`).
"""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from railtrack.cli import app
from railtrack.io import load_reports, retractions
from railtrack.models import DateWindow, Place, Shipment, Sighting, Source
from railtrack.network import load_network
from railtrack.pipeline import track
from tests._engines import assert_engines_agree
from tests._report_files import write_report as _write

runner = CliRunner()

_RETRACTION = {
    "ru": "Опровержение: информация о прибытии эшелона в Брест 20 мая не подтвердилась.",
    "uk": "Спростування: інформація про прибуття ешелону до Бреста 20 травня не підтвердилася.",
    "be": "Абвяржэнне: інфармацыя пра прыбыццё эшалона ў Брэст 20 мая не пацвердзілася.",
    "pl": "Sprostowanie: informacja o przybyciu eszelonu do Brześcia 20 maja nie potwierdziła się.",
    "en": "Correction: the report of a train arriving in Brest on 20 May was not confirmed.",
}

_DIGEST = (
    "Итоги дня 20 мая:\n▪️ Лунинец — 2 эшелона (36 и 40 вагонов)\n▪️ Брест — 1 эшелон "
    "(44 вагона)\n▪️ Гомель — эшелон с техникой"
)
_LATER = (
    "По непроверенным данным, сегодня ночью из Барановичей в сторону Бреста отправился "
    "эшелон из 35 вагонов с грузовиками."
)
_LEFT_ON_THE_DAY = "Another train with 51 cars left Smolensk for Brest on May 20."


def _not_it(folder: Path) -> None:
    """Two trains to Brest the retraction does not fit: left after 20 May, only left."""
    _write(folder, "later.txt", _LATER, "2026-05-22", source="Hajun")
    _write(folder, "article.txt", _LEFT_ON_THE_DAY, "2026-05-21", source="Hajun")


def _named(problems: list[Any]) -> dict[str, str]:
    """Each train a retraction names: its file -> the problem."""
    return {
        Path(p.path).name: p.message
        for p in problems
        if "retracted by" in p.message and "the retraction (" not in p.message
    }


def _summary(problems: list[Any]) -> list[str]:
    return [p.message for p in problems if p.message.startswith("the retraction (")]


def test_the_digest_train_and_the_log_row_are_named_and_the_others_not(tmp_path: Path) -> None:
    _write(tmp_path, "digest.txt", _DIGEST, "2026-05-21", source="Hajun")
    (tmp_path / "log.csv").write_text(  # 30 cars, the digest's 44: two trains (mend1 #1)
        "дата,станция,вагонов,источник\n20.05.2026,Брест,30,Hajun\n", encoding="utf-8"
    )
    _not_it(tmp_path)
    _write(tmp_path, "retraction.txt", _RETRACTION["ru"], "2026-05-22", source="Hajun")
    problems = load_reports(tmp_path).problems
    named = _named(problems)
    assert sorted(named) == ["digest.txt", "log.csv"]
    assert named["digest.txt"].startswith(
        "train digest-t3 (at Брест, 44 cars)"
    )  # not Luninets, Gomel
    assert "which one is not clear" in named["digest.txt"]
    (said,) = _summary(problems)
    assert "fits 2 trains" in said
    assert "digest-t3 of " in said
    assert "digest.txt" in said
    assert "log.csv" in said
    assert "ambiguous" in said


@pytest.mark.parametrize("lang", sorted(_RETRACTION))
def test_a_train_told_arriving_that_day_is_the_one(tmp_path: Path, lang: str) -> None:
    _write(
        tmp_path, "a.txt", "Сегодня в Брест прибыл эшелон из 40 вагонов.", "2026-05-20", source="H"
    )
    _write(  # the day before: another train, not it
        tmp_path, "c.txt", "Сегодня в Брест прибыл эшелон из 30 вагонов.", "2026-05-18", source="H"
    )
    _not_it(tmp_path)
    _write(tmp_path, "r.txt", _RETRACTION[lang], "2026-05-22", source="H")
    problems = load_reports(tmp_path).problems
    named = _named(problems)
    assert list(named) == ["a.txt"]
    assert named["a.txt"].startswith(
        "train a-t1 (to Брест, arrival 2026-05-20, 40 cars) is retracted by"
    )
    assert "not clear" not in named["a.txt"]
    (said,) = _summary(problems)
    assert said.startswith("the retraction (to ")
    assert "fits train a-t1 of " in said
    assert "a.txt: marked retracted and not counted in the totals; if " in said
    assert said.endswith("out of the input to count it again")  # how to undo it (mend1 #11)


def test_a_retraction_that_fits_no_train_says_so(tmp_path: Path) -> None:
    _not_it(tmp_path)
    _write(tmp_path, "r.txt", _RETRACTION["en"], "2026-05-22", source="H")
    problems = load_reports(tmp_path).problems
    assert _named(problems) == {}
    (said,) = _summary(problems)
    assert "fits no train loaded with it" in said
    assert "nothing to strike" in said
    (own,) = [p.message for p in problems if "the report retracts a train" in p.message]
    assert "(no train listed)" not in own


def test_a_report_published_after_the_retraction_is_never_it(tmp_path: Path) -> None:
    _write(tmp_path, "r.txt", _RETRACTION["ru"], "2026-05-22", source="H")
    late = "Позавчера в Брест прибыл эшелон из 40 вагонов."  # 20 May, told on the 22nd... after
    _write(tmp_path, "z.txt", late, "2026-05-23", source="H")
    assert _named(load_reports(tmp_path).problems) == {}


# -- the matching itself -----------------------------------------------------------------------

_BREST = Place(text="Брест", station_id="BY-BREST")
_ON_20 = DateWindow(earliest=date(2026, 5, 20), latest=date(2026, 5, 20))
_DENIED = Shipment(
    id="r-t1",
    destination=_BREST,
    expected_arrival=_ON_20,
    source=Source(reporter="H", published=date(2026, 5, 22)),
)
_SRC = Source(reporter="H", published=date(2026, 5, 21))


def _window(first: int, last: int) -> DateWindow:
    return DateWindow(earliest=date(2026, 5, first), latest=date(2026, 5, last))


def test_windows_that_hold_the_day_fit_and_others_do_not() -> None:
    holds = Shipment(id="a", destination=_BREST, expected_arrival=_window(19, 21), source=_SRC)
    before = Shipment(id="b", destination=_BREST, expected_arrival=_window(17, 19), source=_SRC)
    left_from = Shipment(id="c", origin=_BREST, departure=_ON_20, source=_SRC)  # not an arrival
    elsewhere = Shipment(
        id="d",
        destination=Place(text="Орша", station_id="BY-ORSHA"),
        expected_arrival=_ON_20,
        source=_SRC,
    )
    found = retractions.retraction_matches(_DENIED, [holds, before, left_from, elsewhere])
    assert [s.id for s in found.fits] == ["a"]
    assert found.may_be == []


def test_a_sighting_fits_on_its_day_only() -> None:
    train = Shipment(id="a", via=[_BREST], source=_SRC)

    def seen(day: int) -> dict[str, list[Sighting]]:
        at = Sighting(
            id="a-s1",
            shipment="a",
            station=_BREST,
            seen_at=datetime(2026, 5, day),
            precision="day",
            source=_SRC,
        )
        return {"a": [at]}

    assert [s.id for s in retractions.retraction_matches(_DENIED, [train], seen(20)).fits] == ["a"]
    assert retractions.retraction_matches(_DENIED, [train], seen(19)).named == []


def test_an_undated_report_to_the_place_may_be_it_only_when_none_fits() -> None:
    undated = Shipment(id="u", destination=_BREST, source=_SRC)
    gone = Shipment(
        id="g",
        origin=Place(text="Барановичи"),
        destination=_BREST,
        departure=_window(21, 22),
        source=_SRC,
    )
    found = retractions.retraction_matches(_DENIED, [undated, gone])
    assert (found.fits, [s.id for s in found.may_be]) == ([], ["u"])
    dated = Shipment(id="a", destination=_BREST, expected_arrival=_ON_20, source=_SRC)
    found = retractions.retraction_matches(_DENIED, [undated, dated])
    assert ([s.id for s in found.fits], found.may_be) == (["a"], [])
    old = Shipment(
        id="o", destination=_BREST, source=Source(reporter="H", published=date(2026, 5, 1))
    )
    assert retractions.retraction_matches(_DENIED, [old]).named == []


# -- converted folders and the Dask engine -------------------------------------------------


def _digest_then_retraction(folder: Path) -> Path:
    _write(folder / "a", "digest.txt", _DIGEST, "2026-05-21", source="Hajun")
    _write(folder / "a", "later.txt", _LATER, "2026-05-22", source="Hajun")
    _write(folder / "b", "retraction.txt", _RETRACTION["be"], "2026-05-22", source="Hajun")
    return folder


def test_a_batched_conversion_matches_a_retraction_with_an_earlier_digest(tmp_path: Path) -> None:
    folder = _digest_then_retraction(tmp_path / "in")
    loaded = load_reports(folder).problems
    assert list(_named(loaded)) == ["digest.txt"]
    out = tmp_path / "season"
    conv = runner.invoke(app, ["convert", str(folder), "--out", str(out), "--batch-files", "1"])
    assert conv.exit_code == 1, conv.output
    converted = load_reports(out).problems
    assert _named(converted) == _named(loaded)
    assert _summary(converted) == _summary(loaded)
    (said,) = _summary(converted)
    assert "fits train digest-t3 of" in said
    manifest = json.loads((out / "railtrack-reports.json").read_text(encoding="utf-8"))
    assert manifest["problems"] == len(converted)


def test_the_dask_engine_names_the_same_trains(client: Any, tmp_path: Path) -> None:
    from railtrack.engine_dask import track_converted

    folder = _digest_then_retraction(tmp_path / "in")
    out = tmp_path / "season"
    runner.invoke(app, ["convert", str(folder), "--out", str(out), "--batch-files", "1"])
    network = load_network()
    default = track(load_reports(folder), network)
    on_dask = track_converted(out, network, client)
    assert_engines_agree(default, on_dask)
    assert _named(on_dask.problems) == _named(default.problems) != {}
    assert _summary(on_dask.problems) == _summary(default.problems) != []


def _retraction_first(folder: Path) -> Path:
    """The retraction in the folder's first batch, the digest it retracts in a later one."""
    _write(folder / "a", "retraction.txt", _RETRACTION["be"], "2026-05-22", source="Hajun")
    _write(folder / "b", "digest.txt", _DIGEST, "2026-05-21", source="Hajun")
    _write(folder / "b", "later.txt", _LATER, "2026-05-22", source="Hajun")
    return folder


@pytest.mark.parametrize("batch_files", ["1", "2"])
def test_a_retraction_in_an_earlier_batch_matches_the_whole_folder(
    tmp_path: Path, batch_files: str
) -> None:
    """review18 #9: batches match a retraction with the whole folder, as one load does."""
    folder = _retraction_first(tmp_path / "in")
    loaded = load_reports(folder)
    assert list(_named(loaded.problems)) == ["digest.txt"]
    out = tmp_path / "season"
    conv = runner.invoke(
        app, ["convert", str(folder), "--out", str(out), "--batch-files", batch_files]
    )
    assert conv.exit_code == 1, conv.output
    converted = load_reports(out)
    assert _named(converted.problems) == _named(loaded.problems)
    assert _summary(converted.problems) == _summary(loaded.problems)
    marked = sorted((s.id, s.retracted_by) for s in converted.shipments if s.retracted_by)
    assert marked == sorted((s.id, s.retracted_by) for s in loaded.shipments if s.retracted_by)


def test_the_dask_engine_agrees_with_a_retraction_sorting_first(
    client: Any, tmp_path: Path
) -> None:
    from railtrack.engine_dask import track_converted

    folder = _retraction_first(tmp_path / "in")
    out = tmp_path / "season"
    runner.invoke(app, ["convert", str(folder), "--out", str(out), "--batch-files", "1"])
    network = load_network()
    default = track(load_reports(folder), network)
    on_dask = track_converted(out, network, client)
    assert_engines_agree(default, on_dask)
    assert _named(on_dask.problems) == _named(default.problems) != {}
    assert _summary(on_dask.problems) == _summary(default.problems) != []

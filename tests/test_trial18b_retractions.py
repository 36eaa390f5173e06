"""Trial 18b T1, T6 and trial18 leftovers: retractions by what the train turned out to be.

Hajun retracts a digest line as "состав, прошедший через Полоцк, оказался обычным
грузовым поездом со щебнем, а не воинским эшелоном. Удаляем его из сводки." or "через
Полоцк прошёл не воинский эшелон, а обычный грузовой поезд": the first was read as a
new car-less train, the second gave nothing, and the retracted train stayed counted.
Now both (in every language: the lexicons' ``not_military``) are retractions: the
retracted train is marked and not counted, no train is added. A train that "turned out
to carry tanks, not trucks" is no retraction. The retraction's own problem names its
train (place, day, cars), a wrong mark is undone with ``--keep-retracted ID``, a
correction's own count of a car kind is taken with its total (T6), and a batched
conversion matches retractions under the run's settings.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from railtrack.cli import app
from railtrack.extract import extract_shipments
from railtrack.io import load_reports
from railtrack.io.converted import convert_in_batches
from railtrack.network import RailNetwork, load_network
from railtrack.pipeline import track
from railtrack.settings import Settings
from tests._engines import assert_engines_agree
from tests._report_files import write_report

runner = CliRunner()

_DIGEST = (
    "Итоги дня 14 августа:\n▪️ Кобрин — 2 эшелона (40 и 46 вагонов) прибыли со стороны "
    "Бреста;\n▪️ Полоцк — эшелон из 38 вагонов проследовал в сторону Витебска;\n▪️ Жлобин — "
    "проследовал эшелон из 50 цистерн."
)

# (language, a retraction of the Polotsk train worded by what it turned out to be)
_RETRACTIONS = [
    (
        "ru",
        "Ошибка в итогах дня 14 августа: состав, прошедший через Полоцк, оказался обычным "
        "грузовым поездом со щебнем, а не воинским эшелоном. Удаляем его из сводки.",
    ),
    (
        "ru",
        "Уточнение: через Полоцк 14 августа прошёл не воинский эшелон, а обычный грузовой "
        "поезд со щебнем.",
    ),
    ("ru", "Уточнение: через Полоцк 14 августа прошёл не воинский эшелон, а пассажирский поезд."),
    (
        "uk",
        "Помилка в підсумках дня 14 серпня: состав, що пройшов через Полоцьк, виявився "
        "звичайним вантажним потягом зі щебенем.",
    ),
    (
        "be",
        "Памылка ў выніках дня 14 жніўня: састаў, які прайшоў праз Полацк, аказаўся "
        "звычайным грузавым цягніком са шчэбнем.",
    ),
    (
        "pl",
        "Korekta: skład, który 14 sierpnia przejechał przez Połock, okazał się zwykłym "
        "pociągiem towarowym z tłuczniem, a nie wojskowym eszelonem.",
    ),
    (
        "en",
        "Correction: the train that passed through Polotsk on August 14 turned out to be an "
        "ordinary freight train carrying gravel. We remove it from the tally.",
    ),
    (
        "en",
        "Correction: the train seen at Polotsk on August 14 was not a military echelon but a "
        "passenger train.",
    ),
]

# a correction of kinds, no retraction: the train was military all the same
_NOT_RETRACTIONS = [
    (
        "en",
        "Correction: the train that passed through Polotsk on August 14 turned out to carry "
        "tanks, not trucks.",
    ),
    (
        "ru",
        "Поправка: эшелон, прошедший через Полоцк 14 августа, оказался с танками, а не с "
        "грузовиками.",
    ),
    ("ru", "Через Полоцк 14 августа прошёл не только воинский эшелон из 38 вагонов."),
]


@pytest.fixture(scope="module")
def network() -> RailNetwork:
    return load_network()


def _inputs(folder: Path, retraction: str) -> Path:
    write_report(folder, "digest.txt", _DIGEST, "2026-08-14")
    write_report(folder, "retraction.txt", retraction, "2026-08-15")
    return folder


@pytest.mark.parametrize(("lang", "text"), _RETRACTIONS)
def test_a_train_that_was_no_military_train_is_a_retraction(lang: str, text: str) -> None:
    found = extract_shipments(text, lang=lang, published=date(2026, 8, 15), source="Hajun")
    assert found.shipments == []  # never a new train
    assert found.retraction is not None
    assert [s.via[0].station_id for s in found.retracted] == ["BY-POLOTSK"]
    (note,) = found.retraction_notes()
    assert "(a train)" not in note  # which train (trial18 T3)
    assert "via " in note


@pytest.mark.parametrize(("lang", "text"), _NOT_RETRACTIONS)
def test_a_correction_of_kinds_is_no_retraction(lang: str, text: str) -> None:
    found = extract_shipments(text, lang=lang, published=date(2026, 8, 15), source="Hajun")
    assert found.retraction is None


def test_the_retraction_note_names_the_day_and_the_cars() -> None:
    text = "Опровержение: эшелон из 38 вагонов, прошедший через Полоцк 14 августа, не подтвердился."
    found = extract_shipments(text, lang="ru", published=date(2026, 8, 15), source="Hajun")
    (note,) = found.retraction_notes()
    assert "via Полоцк, seen 2026-08-14, 38 cars" in note


@pytest.mark.parametrize(("lang", "text"), _RETRACTIONS[:2] + _RETRACTIONS[-2:])
def test_the_retracted_digest_train_is_marked_and_not_counted(
    tmp_path: Path, network: RailNetwork, lang: str, text: str
) -> None:
    reports = load_reports(_inputs(tmp_path / "in", text))
    assert sorted(s.id for s in reports.shipments) == [f"digest-t{i}" for i in range(1, 5)]
    marked = [s.id for s in reports.shipments if s.retracted_by is not None]
    assert marked == ["digest-t3"]  # the Polotsk train, no other
    said = [p.message for p in reports.problems if "digest-t3" in p.message]
    assert any("38 cars" in m and "--keep-retracted digest-t3" in m for m in said)
    result = track(reports, network)
    said = result.headline()
    assert (said["cars_total"], said["n_retracted"]) == (136, 1)  # 40 + 46 + 50: not the 38


def test_keep_retracted_counts_a_wrongly_marked_train_again(tmp_path: Path) -> None:
    folder = _inputs(tmp_path / "in", _RETRACTIONS[0][1])
    out = tmp_path / "out"
    ran = runner.invoke(
        app,
        ["track", str(folder), "-o", str(out), "--keep-retracted", "digest-t3",
         "--keep-retracted", "digest-t9"],
    )  # fmt: skip
    assert ran.exit_code == 1, ran.output
    assert "174 cars" in ran.output  # the 38 counted again
    assert "kept counted as asked (--keep-retracted)" in ran.output
    assert "no train of the input has id digest-t9" in ran.output
    plain = runner.invoke(app, ["track", str(folder), "-o", str(tmp_path / "o2")])
    assert "136 cars" in plain.output


def test_keep_retracted_undoes_a_mark_a_converted_folder_stores(tmp_path: Path) -> None:
    folder = _inputs(tmp_path / "in", _RETRACTIONS[1][1])
    convert_in_batches([folder], tmp_path / "conv", batch_files=1)
    stored = load_reports(tmp_path / "conv")
    assert [s.id for s in stored.shipments if s.retracted_by] == ["digest-t3"]
    kept = load_reports(tmp_path / "conv", keep_retracted=["digest-t3"])
    assert [s.id for s in kept.shipments if s.retracted_by] == []
    assert any("mark" in p.message and "undone" in p.message for p in kept.problems)


def test_a_batched_conversion_matches_retractions_under_the_runs_settings(
    tmp_path: Path,
) -> None:
    """The retraction names no day; the digest is 1 day older: 0 days of slack match none."""
    folder = tmp_path / "in"
    write_report(folder, "digest.txt", _DIGEST, "2026-08-14")
    write_report(
        folder,
        "retraction.txt",
        "Опровержение: информация об эшелоне в Жлобин не подтвердилась.",
        "2026-08-15",
    )
    strict = Settings(retraction_match_days=0)
    whole = load_reports(folder, settings=strict)
    convert_in_batches([folder], tmp_path / "conv", batch_files=1, settings=strict)
    batched = load_reports(tmp_path / "conv", settings=strict)

    def marked(reports: Any) -> list[str]:
        return sorted(s.id for s in reports.shipments if s.retracted_by)

    assert marked(whole) == marked(batched)
    default = tmp_path / "conv-default"
    convert_in_batches([folder], default, batch_files=1)
    assert marked(whole) != marked(load_reports(default))  # the setting matters here


def test_a_correction_takes_the_car_kind_it_states_with_its_total(
    tmp_path: Path, network: RailNetwork
) -> None:
    folder = tmp_path / "in"
    write_report(
        folder,
        "post.txt",
        "Лунінец\nСёння а 02:10 на станцыю Лунінец прыбыў вайсковы эшалон з 48 вагонаў: "
        "30 платформаў з САУ і 18 крытых вагонаў.",
        "2026-08-16",
    )
    write_report(
        folder,
        "fix.txt",
        "Поправка: в эшелоне, прибывшем ночью в Лунинец, было не 48, а 50 вагонов, из них "
        "32 платформы с САУ.",
        "2026-08-16",
    )
    reports = load_reports(folder)
    result = track(reports, network)
    (row,) = result.shipments.itertuples()
    assert (row.cars_total, row.cars_flat, row.cars_covered) == (50, 32, 18)
    said = [p.message for p in result.problems if "cars_flat" in p.message]
    assert said
    assert all("32 taken" in m for m in said)


def test_a_correction_leaves_a_kind_it_does_not_name(tmp_path: Path, network: RailNetwork) -> None:
    folder = tmp_path / "in"
    write_report(
        folder,
        "post.txt",
        "Сегодня в Лунинец прибыл воинский эшелон из 48 вагонов: 30 платформ и 18 крытых вагонов.",
        "2026-08-16",
    )
    write_report(
        folder,
        "fix.txt",
        "Поправка: в эшелоне, прибывшем сегодня в Лунинец, было не 48, а 50 вагонов.",
        "2026-08-16",
    )
    result = track(load_reports(folder), network)
    (row,) = result.shipments.itertuples()
    assert (row.cars_total, row.cars_flat, row.cars_covered) == (50, 30, 18)


def test_both_engines_agree_on_the_new_retractions_and_corrections(
    client: Any, tmp_path: Path, network: RailNetwork
) -> None:
    from railtrack.engine_dask import track_converted

    folder = _inputs(tmp_path / "in", _RETRACTIONS[0][1])
    write_report(
        folder,
        "post.txt",
        "Сегодня в Лунинец прибыл воинский эшелон из 48 вагонов: 30 платформ и 18 крытых вагонов.",
        "2026-08-16",
    )
    write_report(
        folder,
        "fix.txt",
        "Поправка: в эшелоне, прибывшем сегодня в Лунинец, было не 48, а 50 вагонов, из них 32 "
        "платформы.",
        "2026-08-16",
    )
    reports = load_reports(folder)
    default = track(reports, network)
    on_dask = track_converted(reports, network, client)
    assert_engines_agree(default, on_dask)
    assert default.headline()["cars_total"] == 186  # 40 + 46 + 50 + 50; not Polotsk's 38


_TO_POLOTSK_NEXT_DAY = (
    "Вынікі дня 15 жніўня\n🔴 Маладзечна\nПраз станцыю ў бок Полацка прайшлі 2 эшалоны: з 37 і "
    "41 вагонаў."
)


@pytest.mark.parametrize(
    "retraction",
    [
        _RETRACTIONS[0][1],  # the day only in "Ошибка в итогах дня 14 августа"
        _RETRACTIONS[1][1],  # "через Полоцк 14 августа прошёл"
        "Опровержение: эшелон, прошедший через Полоцк 14 августа, не подтвердился.",
    ],
)
def test_the_retraction_fits_the_train_told_there_that_day_only(
    tmp_path: Path, retraction: str
) -> None:
    """Trains told going to Polotsk the next day are not the one passed on 14 August."""
    folder = _inputs(tmp_path / "in", retraction)
    write_report(folder, "vyniki.txt", _TO_POLOTSK_NEXT_DAY, "2026-08-15")
    reports = load_reports(folder)
    assert [s.id for s in reports.shipments if s.retracted_by] == ["digest-t3"]
    (summary,) = [p.message for p in reports.problems if p.message.startswith("the retraction")]
    assert "at Полоцк, on 2026-08-14" in summary
    assert "fits train digest-t3 of" in summary


def test_keep_retracted_with_a_store_runs_once(tmp_path: Path) -> None:
    """Review19 #7: with --store an unknown id was reported twice (kept at load, then again)."""
    folder = _inputs(tmp_path / "in", _RETRACTIONS[0][1])
    ran = runner.invoke(
        app,
        ["track", str(folder), "-o", str(tmp_path / "out"), "--store", str(tmp_path / "s.db"),
         "--keep-retracted", "digest-t3", "--keep-retracted", "digest-t9"],
    )  # fmt: skip
    assert ran.output.count("no train of the input has id digest-t9") == 1, ran.output
    assert "kept counted as asked (--keep-retracted)" in ran.output  # (the mark still undone)

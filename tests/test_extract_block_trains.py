"""Two trains in one report: a block train named "маршрут", a further one told by "ещё один".

Issue 13, trial19 T1. Sanctions freight is written "из Гродно в Калининград отправлен
угольный маршрут из 64 полувагонов" (a block train: "маршрут" with a count of cars) and
"..., ещё один (60 вагонов) ушёл из Воронежа на Новороссийск" (a further train with its
own count and ends, in the same sentence). Both were lost or merged into the train told
before (its destination and, as its "total", its count). The same word without a count
of cars is the route ("Маршрут: Орша — Смоленск", "по новому маршруту"): no train.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from _extract_helpers import ends, read

from railtrack.extract.blocktrains import read_block_trains

PUB = date(2026, 3, 8)


def _cars(result: object) -> list[int | None]:
    return [s.cars.total if s.cars else None for s in result.shipments]  # type: ignore[attr-defined]


BLOCK = [
    (
        "ru",
        "7 марта через станцию Гродно в сторону погранперехода Брузги проследовал состав из "
        "55 вагонов с пшеницей. В тот же день из Гродно в Калининград отправлен угольный "
        "маршрут из 64 полувагонов.",
        "Калининград",
    ),
    (
        "ru",
        "Сегодня через Оршу проследовал воинский эшелон из 40 платформ. Также из Орши в "
        "Брест ушёл нефтяной маршрут из 57 цистерн.",
        "Брест",
    ),
    (
        "uk",
        "7 березня через станцію Гродно проїхав потяг із 55 вагонів. Того ж дня з Гродно "
        "до Калінінграда відправлено вугільний маршрут із 64 піввагонів.",
        "Калінінграда",
    ),
    (
        "be",
        "7 сакавіка праз станцыю Гродна прайшоў цягнік з 55 вагонаў. У той жа дзень з "
        "Гродна ў Калінінград адпраўлены вугальны маршрут з 64 паўвагонаў.",
        "Калінінград",
    ),
]


@pytest.mark.parametrize(("lang", "text", "end"), BLOCK)
def test_a_block_train_named_by_its_route_word_is_a_train_of_its_own(
    lang: str, text: str, end: str
) -> None:
    result = read(text, PUB, lang=lang)
    assert len(result.shipments) == 2
    assert sorted(c or 0 for c in _cars(result)) == sorted(
        [55 if "55" in text else 40, 64 if "64" in text else 57]
    )
    # the second train's destination is its own, never the first train's
    first, second = ends(result)
    assert second[1] == end
    assert first[1] != end


FURTHER = [
    (
        "ru",
        "14 марта из Ртищево в Новороссийск отправлен маршрут из 65 хопперов, ещё один "
        "(60 вагонов) ушёл из Воронежа на Новороссийск в тот же день.",
    ),
    (
        "ru",
        "14 марта из Ртищево в Новороссийск отправлен эшелон из 65 вагонов, ещё один "
        "эшелон из 60 вагонов ушёл из Воронежа в Новороссийск в тот же день.",
    ),
    (
        "uk",
        "14 березня з Ртищева до Новоросійська відправлено маршрут із 65 вагонів, ще один "
        "(60 вагонів) пішов з Воронежа до Новоросійська того ж дня.",
    ),
    (
        "be",
        "14 сакавіка з Ртішчава ў Новарасійск адпраўлены маршрут з 65 вагонаў, яшчэ адзін "
        "(60 вагонаў) пайшоў з Варонежа ў Новарасійск у той жа дзень.",
    ),
    (
        "pl",
        "14 marca z Rtiszczewa do Noworosyjska wyjechał skład całopociągowy z 65 wagonami, "
        "jeszcze jeden (60 wagonów) wyjechał z Woroneża tego samego dnia.",
    ),
    (
        "en",
        "On 14 March a unit train of 65 hoppers left Rtishchevo for Novorossiysk, another "
        "one (60 cars) left Voronezh for Novorossiysk the same day.",
    ),
]


@pytest.mark.parametrize(("lang", "text"), FURTHER)
def test_a_further_train_in_the_same_sentence_keeps_its_own_count_and_origin(
    lang: str, text: str
) -> None:
    result = read(text, PUB, lang=lang)
    assert _cars(result) == [65, 60]
    origins = [o for o, _ in ends(result)]
    assert origins[1] is not None
    assert origins[1][:4] in ("Воро", "Варо", "Voro", "Woro")
    # the second count is never the first train's total
    assert not any("total" in p and "60" in p for p in result.problems)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "Маршрут: Орша — Смоленск."),
        ("ru", "Поезд пройдет по новому маршруту, в составе 41 вагона."),
        ("ru", "Маршрут из Орши в Смоленск длиной 120 км."),
        ("uk", "Маршрут протяжністю 9000 км пролягав через чотири країни."),
        ("be", "Маршрут з Гродна ў Калінінград, 64 кіламетры."),
        ("ru", "Эшелон из 40 вагонов ушёл, ещё один ушёл вчера."),
        ("en", "The train left, another one was seen at 40 km."),
    ],
)
def test_a_route_word_without_a_count_of_cars_is_left_as_written(lang: str, text: str) -> None:
    assert read_block_trains(text, lang) is text


def test_the_read_text_keeps_offsets_and_evidence_quotes_the_words_as_written() -> None:
    text = "7 марта из Гродно в Калининград отправлен угольный маршрут из 64 полувагонов."
    read_text = read_block_trains(text, "ru")
    assert len(read_text) == len(text)
    assert "состав" in read_text
    result = read(text, PUB, lang="ru")
    (ship,) = result.shipments
    assert ship.cars.total == 64
    assert all("состав" not in (e.text or "") for e in ship.evidence)


def test_both_engines_track_the_two_trains_alike(client: Any, tmp_path: Path) -> None:
    from railtrack.engine_dask import track_converted
    from railtrack.io import load_reports
    from railtrack.network import load_network
    from railtrack.pipeline import track
    from tests._engines import assert_engines_agree
    from tests._report_files import write_report

    write_report(tmp_path, "grodno.txt", BLOCK[0][1], "2026-03-08", source="Рельсовый дозор")
    write_report(tmp_path, "grain.txt", FURTHER[0][1], "2026-03-15", source="Рельсовый дозор")
    network = load_network()
    reports = load_reports(tmp_path)
    default = track(reports, network)
    on_dask = track_converted(reports, network, client)
    assert_engines_agree(default, on_dask)
    assert sorted(default.shipments["cars_total"].tolist()) == [55, 60, 64, 65]

"""A station heading stays the end past a via, keeps its clock time; unloading digest lines.

Trial 18 (issue 13):

- T2: "🔴 Жлобін" over "Сёння а 07:15 на станцыю прыбыў ... Эшалон прыйшоў з Расіі праз
  Гомель.": the place passed ("праз Гомель") cancelled the heading, the train had no
  destination. A place passed is no end of its own: the train arrived at Zhlobin.
- T7: "Асіповічы" over "Сёння а 05:50 на станцыю прыбыў": the arrival told at a time
  under the heading made no sighting, as it does when the station is in the sentence.
- T5: a digest line "▪️ Калинковичи — разгрузка 20 платформ с ..." was dropped with the
  problem "gives no station": cars unloaded at the line's station are a train
  unloaded there on the digest's day.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from railtrack.extract import extract_shipments

DAY = date(2026, 6, 10)
# (heading station, arrival sentence told at 07:15 with 38 cars, "came from Russia via" + Gomel)
ARRIVALS = {
    "be": (
        "Жлобін",
        "Сёння а 07:15 на станцыю прыбыў вайсковы эшалон з 38 вагонаў.",
        "Эшалон прыйшоў з Расіі праз Гомель.",
    ),
    "ru": (
        "Жлобин",
        "Сегодня в 07:15 на станцию прибыл воинский эшелон из 38 вагонов.",
        "Эшелон пришёл из России через Гомель.",
    ),
    "uk": (
        "Жлобин",
        "Сьогодні о 07:15 на станцію прибув військовий ешелон із 38 вагонів.",
        "Ешелон прийшов з Росії через Гомель.",
    ),
    "pl": (
        "Żłobin",
        "Dziś o 07:15 na stację przyjechał wojskowy pociąg z 38 wagonami.",
        "Pociąg przyjechał z Rosji przez Homel.",
    ),
    "en": (
        "Zhlobin",
        "Today at 07:15 a military train of 38 cars arrived at the station.",
        "The train came from Russia via Gomel.",
    ),
}


def _post(lang: str, *, via: bool = True, mark: str = "🔴 ") -> str:
    head, arrived, came = ARRIVALS[lang]
    return f"{mark}{head}\n\n{arrived}" + (f" {came}" if via else "")


def _one(text: str, lang: str):
    result = extract_shipments(text, published=DAY, lang=lang)
    assert len(result.shipments) == 1, result.shipments
    return result, result.shipments[0]


@pytest.mark.parametrize("lang", sorted(ARRIVALS))
@pytest.mark.parametrize("mark", ["🔴 ", "#", ""], ids=["emoji", "hashtag", "bare"])
def test_a_place_passed_does_not_cancel_the_heading_station(lang: str, mark: str) -> None:
    _, train = _one(_post(lang, mark=mark), lang)
    assert train.destination is not None
    assert train.destination.text == ARRIVALS[lang][0]
    assert [p.text for p in train.via] == [ARRIVALS[lang][2].split()[-1].rstrip(".")]


@pytest.mark.parametrize("lang", sorted(ARRIVALS))
@pytest.mark.parametrize("via", [True, False], ids=["via", "no-via"])
def test_an_arrival_told_at_a_time_under_the_heading_is_seen_there(lang: str, via: bool) -> None:
    result, train = _one(_post(lang, via=via), lang)
    assert train.arrival_told
    seen = [(x.station.text, x.seen_at) for x in result.sightings if x.shipment == train.id]
    assert (ARRIVALS[lang][0], datetime(2026, 6, 10, 7, 15)) in seen


@pytest.mark.parametrize(
    ("lang", "text", "end"),
    [
        # negative: the sentence names its own end; the heading and the via do not move it
        ("ru", "🔴 Жлобин\n\nСегодня эшелон из 38 вагонов прибыл в Гомель через Речицу.", "Гомель"),
        ("be", "🔴 Жлобін\n\nСёння эшалон з 38 вагонаў прыбыў у Гомель праз Рэчыцу.", "Гомель"),
    ],
)
def test_a_sentence_naming_its_own_end_keeps_it(lang: str, text: str, end: str) -> None:
    _, train = _one(text, lang)
    assert train.destination is not None
    assert train.destination.text == end


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # negative: an arrival told as a plan is no sighting at the heading's station
        ("ru", "🔴 Жлобин\n\nСегодня в 23:15 на станцию прибудет эшелон из 38 вагонов."),
        ("uk", "🔴 Жлобин\n\nСьогодні о 23:15 на станцію прибуде ешелон із 38 вагонів."),
    ],
)
def test_a_planned_arrival_under_the_heading_is_not_seen(lang: str, text: str) -> None:
    result, train = _one(text, lang)
    assert not train.arrival_told
    assert not [x for x in result.sightings if x.shipment == train.id]


def test_a_via_in_a_station_heading_digest_keeps_the_heading() -> None:
    text = (
        "Вынікі дня 14 чэрвеня:\n🔴 Баранавічы\nПраз станцыю праследаваў эшалон з 36 вагонаў.\n"
        "🔴 Гомель\nПрыбыў эшалон з 44 вагонаў праз Жлобін."
    )
    result = extract_shipments(text, published=date(2026, 6, 15), lang="be")
    trains = {s.cars.total: s for s in result.shipments}
    assert trains[44].destination is not None
    assert trains[44].destination.text == "Гомель"
    assert trains[44].expected_arrival.earliest == date(2026, 6, 14)


# (title, a line of trains, an unloading line with 20 flatcars at the third station)
DIGESTS = {
    "ru": (
        "Итоги дня 11 июня:",
        "▪️ Лида — эшелон из 40 вагонов прибыл со стороны Гродно;",
        "▪️ Калинковичи — разгрузка 20 платформ с самоходными гаубицами;",
    ),
    "be": (
        "Вынікі дня 11 чэрвеня:",
        "▪️ Ліда — эшалон з 40 вагонаў прыбыў з боку Гродна;",
        "▪️ Калінкавічы — разгрузка 20 платформаў з самаходнымі гаўбіцамі;",
    ),
    "uk": (
        "Підсумки дня 11 червня:",
        "▪️ Ліда — ешелон із 40 вагонів прибув з боку Гродно;",
        "▪️ Калинковичі — розвантаження 20 платформ із самохідними гаубицями;",
    ),
    "pl": (
        "Podsumowanie dnia 11 czerwca:",
        "▪️ Lida — pociąg z 40 wagonami przyjechał od strony Grodna;",
        "▪️ Kalinkowicze — rozładunek 20 platform z haubicami samobieżnymi;",
    ),
}


@pytest.mark.parametrize("lang", sorted(DIGESTS))
def test_an_unloading_digest_line_is_a_train_unloaded_there(lang: str) -> None:
    title, trains_line, unloading = DIGESTS[lang]
    text = f"{title}\n{trains_line}\n{unloading}"
    result = extract_shipments(text, published=date(2026, 6, 12), lang=lang)
    assert not [p for p in result.problems if "digest line" in p]
    unloaded = [s for s in result.shipments if s.cars.flat == 20]
    assert len(unloaded) == 1
    station = unloading.split("—")[0].strip("▪️ ").strip()
    assert unloaded[0].destination is not None
    assert unloaded[0].destination.text == station
    assert unloaded[0].expected_arrival.earliest == date(2026, 6, 11)


def test_a_digest_line_of_neither_trains_nor_cars_is_still_a_problem() -> None:
    """Negative: unloading with no car named gives no train, and says so."""
    text = (
        "Итоги дня 11 июня:\n▪️ Лида — эшелон из 40 вагонов прибыл;\n"
        "▪️ Брест — эшелон из 30 вагонов прибыл;\n▪️ Калинковичи — разгрузка техники;"
    )
    result = extract_shipments(text, published=date(2026, 6, 12), lang="ru")
    assert sorted(s.cars.total for s in result.shipments) == [30, 40]
    assert any("Калинковичи" in p and "not read" in p for p in result.problems)

"""Status, tense, dates and times of trains told in real reports (issue 13, trial13).

T7 a direction cue ("в направлении Гомеля", "у направленні", "у накіраванні", "по
направлению к") with a verb of passing is a sighting at the place passed, as "в сторону"
is: the noun "направлении" is no departure verb (lexicon key ``verbs.not``).
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from railtrack import load_network
from railtrack.io import load_reports
from railtrack.tracking import track_status
from tests._extract_helpers import read

APR13 = date(2023, 4, 13)

# -- T7: a direction cue with a verb of passing ------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("13 апреля в 22:40 через Жлобин в направлении Гомеля проследовал воинский эшелон"
         " (42 вагона).", "ru"),
        ("13 апреля в 22:40 через станцию Жлобин в направлении Гомеля прошёл воинский"
         " эшелон (42 вагона).", "ru"),
        ("🚂 13.04 в 22:40 через Жлобин в направлении Гомеля проследовал воинский эшелон"
         " (42 вагона).", "ru"),
        ("13 апреля в 22:40 через Жлобин по направлению к Гомелю проследовал эшелон"
         " (42 вагона).", "ru"),
        ("13 квітня о 22:40 через Жлобин у направленні Гомеля пройшов військовий ешелон"
         " (42 вагони).", "uk"),
        ("13 квітня о 22:40 через Жлобин у напрямку Гомеля пройшов військовий ешелон"
         " (42 вагони).", "uk"),
        ("13 красавіка а 22:40 праз Жлобін у накіраванні Гомеля прайшоў вайсковы эшалон"
         " (42 вагоны).", "be"),
        ("13 красавіка а 22:40 праз Жлобін у напрамку Гомеля прайшоў вайсковы эшалон"
         " (42 вагоны).", "be"),
        ("13 kwietnia o 22:40 przez Żłobin w kierunku Homla przejechał pociąg wojskowy"
         " (42 wagony).", "pl"),
        ("On April 13 at 22:40 a military train (42 cars) passed through Zhlobin towards"
         " Gomel.", "en"),
        ("On April 13 at 22:40 a military train (42 cars) heading for Gomel passed through"
         " Zhlobin.", "en"),
    ],
)  # fmt: skip
def test_a_direction_with_a_passing_verb_is_a_sighting(text: str, lang: str) -> None:
    result = read(text, APR13, lang=lang)
    (train,) = result.shipments
    assert train.departure is None
    assert train.destination is not None
    assert [s.seen_at for s in result.sightings] == [datetime(2023, 4, 13, 22, 40)]


# -- T1: an arrival the report denies -------------------------------------------------------

APR16 = date(2023, 4, 16)

DENIED = [
    ("Ожидавшийся 15 апреля в Бресте эшелон так и не пришёл.", "ru"),
    ("Эшелон, который ожидали в Бресте 15 апреля, до сих пор не прибыл.", "ru"),
    ("Эшалон, які чакаўся ў Брэсце 15 красавіка, так і не прыйшоў.", "be"),
    ("Эшалон, які чакалі ў Брэсце 15 красавіка, так і не прыбыў.", "be"),
    ("Ешелон, який очікувався в Бресті 15 квітня, так і не прибув.", "uk"),
    ("Очікуваний 15 квітня у Бресті ешелон так і не прийшов.", "uk"),
    ("The train expected in Brest on April 15 never arrived.", "en"),
    ("The train that was expected in Brest on April 15 did not arrive.", "en"),
    ("Pociąg, który miał przyjechać do Brześcia 15 kwietnia, do tej pory nie dotarł.", "pl"),
    ("Oczekiwany 15 kwietnia w Brześciu pociąg nie przyjechał.", "pl"),
]


@pytest.mark.parametrize(("text", "lang"), DENIED)
def test_a_denied_arrival_is_no_arrival(text: str, lang: str) -> None:
    result = read(text, APR16, lang=lang)
    (train,) = result.shipments
    assert train.arrival_denied
    assert not train.arrival_told
    assert train.claim == "expected"
    assert not result.sightings
    assert train.expected_arrival is not None
    assert train.expected_arrival.earliest == date(2023, 4, 15)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("15 апреля эшелон прибыл в Брест.", "ru"),
        ("Эшелон не прибудет в Брест 17 апреля.", "ru"),
        ("The train will not arrive in Brest on April 17.", "en"),
        ("15 kwietnia pociąg dotarł do Brześcia.", "pl"),
    ],
)
def test_an_arrival_told_or_forecast_is_not_denied(text: str, lang: str) -> None:
    (train,) = read(text, APR16, lang=lang).shipments
    assert not train.arrival_denied


@pytest.mark.parametrize(("text", "lang"), [DENIED[0], DENIED[2], DENIED[4], DENIED[6], DENIED[8]])
def test_a_denied_arrival_is_overdue_not_likely_arrived(
    tmp_path: Path, text: str, lang: str
) -> None:
    del lang  # (the language is read from the text)
    path = tmp_path / "post.txt"
    path.write_text(f"source: Hajun\npublished: 2023-04-16\n\n{text}\n", "utf-8")
    reports = load_reports(path)
    status = track_status(reports, load_network(), as_of="2023-04-16")
    assert status["status"].astype(str).tolist() == ["overdue"]
    assert "arrival_denied" in status["flags"].iloc[0]


# -- T8: a relative clause's past arrival, a plan to leave ----------------------------------

APR14 = date(2023, 4, 14)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Заўтра з Брэста ў бок Расіі павінен адправіцца эшалон, які прыбыў 4 красавіка.", "be"),
        ("Завтра из Бреста в сторону России должен отправиться эшелон, который прибыл 4 апреля.",
         "ru"),
        ("Завтра з Бреста в бік Росії має вирушити ешелон, який прибув 4 квітня.", "uk"),
        ("Jutro z Brześcia w stronę Rosji ma wyjechać pociąg, który przyjechał 4 kwietnia.", "pl"),
        ("Tomorrow a train, which arrived on April 4, is to leave Brest towards Russia.", "en"),
    ],
)  # fmt: skip
def test_a_relative_clause_dates_the_stop_before_not_the_plan(text: str, lang: str) -> None:
    result = read(text, APR14, lang=lang)
    (train,) = result.shipments
    assert train.departure is not None
    assert train.departure.earliest == date(2023, 4, 15)
    assert train.expected_arrival is None
    assert not any("dropped" in p for p in result.problems)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("На наступным тыдні ў Баранавічы чакаюцца яшчэ 3 эшалоны з Расіі.", "be"),
        ("На следующей неделе в Барановичи ожидаются ещё 3 эшелона из России.", "ru"),
        ("Наступного тижня до Барановичів очікуються ще 3 ешелони з Росії.", "uk"),
        ("W przyszłym tygodniu do Baranowicz mają przyjechać kolejne 3 pociągi z Rosji.", "pl"),
        ("Next week 3 more trains from Russia are expected in Baranavichy.", "en"),
    ],
)
def test_trains_awaited_next_week_keep_their_end_and_week(text: str, lang: str) -> None:
    result = read(text, APR14, lang=lang)
    assert len(result.shipments) == 3
    for train in result.shipments:
        assert train.destination is not None
        assert train.expected_arrival is not None
        assert (train.expected_arrival.earliest, train.expected_arrival.latest) == (
            date(2023, 4, 17),
            date(2023, 4, 23),
        )


# -- T17: awaited on a day after the route ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Эшелон из Витебска в Полоцк (34 вагона) ожидается 14 апреля.", "ru"),
        ("Эшелон из Витебска в Полоцк ожидается 14 апреля.", "ru"),
        ("Эшелон (34 вагона) из Витебска в Полоцк ожидается 14 апреля.", "ru"),
        ("Эшалон з Віцебска ў Полацк (34 вагоны) чакаецца 14 красавіка.", "be"),
        ("Ешелон з Вітебська до Полоцька (34 вагони) очікується 14 квітня.", "uk"),
        ("Pociąg z Witebska do Połocka (34 wagony) ma przyjechać 14 kwietnia.", "pl"),
        ("A train from Vitebsk to Polotsk (34 cars) is expected on April 14.", "en"),
    ],
)
def test_a_train_awaited_on_a_day_arrives_that_day(text: str, lang: str) -> None:
    (train,) = read(text, APR13, lang=lang).shipments
    assert train.destination is not None
    assert train.expected_arrival is not None
    assert train.expected_arrival.earliest == date(2023, 4, 14)
    assert train.claim in ("expected", "planned")


# -- T16: a clock time with no day --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Pociąg przyjechał do Brześcia o 17:30. Liczył 41 wagonów.", "pl"),
        ("O 17:30 do Brześcia przyjechał pociąg z 41 wagonami.", "pl"),
        ("Эшелон прибыл в Брест в 17:30. В нём был 41 вагон.", "ru"),
        ("Эшалон прыбыў у Брэст а 17:30: 41 вагон.", "be"),
        ("Ешелон прибув до Бреста о 17:30: 41 вагон.", "uk"),
        ("The train arrived in Brest at 17:30. It had 41 cars.", "en"),
    ],
)
def test_a_clock_time_alone_is_of_the_reports_day(text: str, lang: str) -> None:
    (train,) = read(text, APR14, lang=lang).shipments
    assert train.expected_arrival is not None
    assert train.expected_arrival.earliest == APR14
    assert train.expected_arrival.latest == APR14
    assert train.expected_arrival.text == "17:30"
    assert train.cars.total == 41


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Лунинец, 12 апреля. Прибыл эшелон в 17:30: 31 платформа.", "ru"),
        ("Поезд Минск - Брест отправляется в 17:30.", "ru"),
        ("13 апреля эшелон вышел из Орши. Он прибыл в Брест в 17:30.", "ru"),
    ],
)
def test_a_clock_time_is_not_the_reports_day_when_a_day_is_told(text: str, lang: str) -> None:
    for train in read(text, APR14, lang=lang).shipments:
        for window in (train.departure, train.expected_arrival):
            assert window is None or window.earliest != APR14


# -- S1: a time after the station or after "godz." ----------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("13 kwietnia o godz. 22:40 przez Żłobin w kierunku Homla przejechał pociąg wojskowy"
         " (42 wagony).", "pl"),
        ("13 kwietnia przez Żłobin o godz. 22:40 przejechał pociąg wojskowy (42 wagony).", "pl"),
        ("13 квітня ешелон проїхав станцію Жлобин о 22:40.", "uk"),
        ("13 апреля эшелон прошёл станцию Жлобин в 22:40.", "ru"),
        ("13 красавіка эшалон прайшоў станцыю Жлобін а 22:40.", "be"),
    ],
)  # fmt: skip
def test_a_time_after_the_station_or_godz_is_the_sightings(text: str, lang: str) -> None:
    result = read(text, APR13, lang=lang)
    assert [s.seen_at for s in result.sightings] == [datetime(2023, 4, 13, 22, 40)]


# -- S4: a night's sighting -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("В ночь на 13 апреля через Жлобин в сторону Гомеля прошёл эшелон из 40 вагонов.", "ru"),
        ("W nocy z 12 na 13 kwietnia przez Żłobin przejechał pociąg wojskowy (42 wagony).", "pl"),
        ("У ноч на 13 красавіка праз Жлобін прайшоў эшалон з 40 вагонаў.", "be"),
        ("У ніч на 13 квітня через Жлобин пройшов ешелон із 40 вагонів.", "uk"),
    ],
)
def test_a_nights_sighting_is_at_its_midnight(text: str, lang: str) -> None:
    result = read(text, APR13, lang=lang)
    assert [(s.seen_at, s.precision) for s in result.sightings] == [(datetime(2023, 4, 13), "days")]

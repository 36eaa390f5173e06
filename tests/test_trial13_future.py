"""Trial12 findings on tense, trips back and trains that did not arrive (issue 13).

T2. A passage told ahead ("14-15 апреля через Оршу пройдут ещё 3 эшелона", "пройдзе",
"przejadą", "will pass through Orsha") was read as trains seen today (claim
``sighted``, dates lost): it is a plan, dated by its window; a range of trains ("3-4
эшелона") lists its low end and says so in a problem.
T3. A train told as back on its way ("Эшелон, прибывший в Брест 4 апреля, сегодня вечером
отправился обратно") was a second arrival at Brest on 4 April: it is the trip back,
leaving Brest on the report's day; the earlier arrival only names the train.
T4. A train that "has not arrived" and stands at a station on the way was "likely
arrived": the station is where it was last seen, on the report's day.
T6. "11 апреля в Беларусь въехал эшелон ..., направляясь в Гомель" dated an arrival at
Gomel: the day is the border crossing, a sighting at the country.
S11. "Прибытие ожидается в ближайшие 2-3 дня" gave no window: it is two to three days
from the report.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from railtrack import load_network, load_reports, track_status
from railtrack.pipeline import track
from tests._extract_helpers import read

APRIL_12 = date(2023, 4, 12)

# -- T2: a passage told ahead --------------------------------------------------------

PASSAGES_AHEAD = [
    ("По нашим данным, 14-15 апреля через Оршу пройдут ещё 3 эшелона.", "ru", 3),
    ("По нашим данным, 14-15 апреля через Оршу проследует эшелон с техникой.", "ru", 1),
    ("Паводле нашых звестак, 14-15 красавіка праз Оршу пройдзе эшалон з тэхнікай.", "be", 1),
    ("За нашими даними, 14-15 квітня через Оршу пройдуть ще 3 ешелони з технікою.", "uk", 3),
    (
        "Według naszych informacji 14-15 kwietnia przez Orszę na Białoruś przejadą jeszcze "
        "3 pociągi ze sprzętem.",
        "pl",
        3,
    ),
    ("Według naszych informacji 14-15 kwietnia przez Orszę przejedzie pociąg.", "pl", 1),
    (
        "According to our information, on April 14-15 three more echelons with equipment "
        "will pass through Orsha.",
        "en",
        3,
    ),
]


@pytest.mark.parametrize(("text", "lang", "n"), PASSAGES_AHEAD)
def test_a_passage_told_ahead_is_a_plan_with_its_window(text: str, lang: str, n: int) -> None:
    result = read(text, APRIL_12, lang)
    assert len(result.shipments) == n
    for train in result.shipments:
        assert train.claim == "planned"
        assert train.departure is not None
        assert (train.departure.earliest, train.departure.latest) == (
            date(2023, 4, 14),
            date(2023, 4, 15),
        )
        assert len(train.via) == 1  # Orsha, the place passed
    assert result.sightings == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("По нашим данным, через Оршу пройдёт эшелон с техникой.", "ru"),
        ("Паводле нашых звестак, праз Оршу пройдзе эшалон з тэхнікай.", "be"),
        ("За нашими даними, через Оршу пройде ешелон з технікою.", "uk"),
        ("Według naszych informacji przez Orszę przejedzie pociąg ze sprzętem.", "pl"),
    ],
)
def test_an_undated_passage_ahead_is_planned(text: str, lang: str) -> None:
    result = read(text, APRIL_12, lang)
    assert [s.claim for s in result.shipments] == ["planned"]
    assert result.sightings == []


def test_a_passage_told_as_done_is_still_a_sighting() -> None:
    result = read("12 апреля через Оршу прошёл эшелон из 40 вагонов.", APRIL_12, "ru")
    assert [s.claim for s in result.shipments] == ["sighted"]
    assert [z.station.text for z in result.sightings] == ["Оршу"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("По нашим данным, 14-15 апреля через Оршу пройдут ещё 3-4 эшелона.", "ru"),
        ("Паводле нашых звестак, 14-15 красавіка праз Оршу пройдуць яшчэ 3-4 эшалоны.", "be"),
        ("За нашими даними, 14-15 квітня через Оршу пройдуть ще 3 або 4 ешелони.", "uk"),
        ("14-15 kwietnia przez Orszę przejadą jeszcze 3–4 pociągi ze sprzętem.", "pl"),
        ("On April 14-15 three or four more echelons will pass through Orsha.", "en"),
        ("On April 14-15, 3-4 echelons will pass through Orsha.", "en"),
    ],
)
def test_a_range_of_trains_lists_its_low_end_and_says_so(text: str, lang: str) -> None:
    result = read(text, APRIL_12, lang)
    assert len(result.shipments) == 3
    assert [g.n_trains for g in result.groups] == [3]
    assert any("range of trains" in p and "up to 4" in p for p in result.problems)


# -- T4: a train that has not arrived, standing at a station on the way ----------------

NOT_ARRIVED = [
    (
        "Эшелон, который 10 апреля вышел из Мозыря, так и не прибыл в Брест: он уже вторые "
        "сутки стоит на станции Лунинец.",
        "ru",
    ),
    ("10 апреля из Мозыря в Брест вышел эшелон. Сейчас он стоит на станции Лунинец.", "ru"),
    (
        "Эшалон, што 10 красавіка выйшаў з Мазыра, так і не прыбыў у Брэст: ён стаіць на "
        "станцыі Лунінец ужо другія суткі.",
        "be",
    ),
    (
        "Ешелон, який 10 квітня вийшов з Мозиря, так і не прибув до Бреста: він уже другу "
        "добу стоїть на станції Лунинець.",
        "uk",
    ),
    (
        "Pociąg, który 10 kwietnia wyjechał z Mozyrza, nie dotarł do Brześcia: od dwóch dni "
        "stoi na stacji Łuniniec.",
        "pl",
    ),
    ("10 kwietnia z Mozyrza do Brześcia wyjechał pociąg. Obecnie stoi na stacji Łuniniec.", "pl"),
    (
        "The echelon that left Mazyr on April 10 has still not arrived in Brest: it has been "
        "standing at Luninets station for two days.",
        "en",
    ),
    ("On April 10 an echelon left Mazyr for Brest. It is still standing at Luninets.", "en"),
]


@pytest.mark.parametrize(("text", "lang"), NOT_ARRIVED)
def test_a_train_standing_on_the_way_is_seen_there_on_the_report_day(text: str, lang: str) -> None:
    result = read(text, APRIL_12, lang)
    (train,) = result.shipments
    assert not train.arrival_told
    assert train.expected_arrival is None
    (seen,) = result.sightings
    assert seen.shipment == train.id
    assert seen.station.text.lower().startswith(("лунин", "лунін", "łunin", "lunin"))
    assert (seen.seen_at.date(), seen.precision) == (APRIL_12, "day")


def test_a_train_that_stood_is_no_sighting_today() -> None:
    result = read(
        "10 апреля из Мозыря в Брест вышел эшелон. Он стоял на станции Лунинец.", APRIL_12, "ru"
    )
    assert result.sightings == []


def test_status_of_a_train_standing_on_the_way_is_not_arrived(tmp_path: Path) -> None:
    (tmp_path / "post.txt").write_text(
        f"source: Беларускі Гаюн\npublished: 2023-04-12\n\n{NOT_ARRIVED[0][0]}\n",
        encoding="utf-8",
    )
    df = track_status(load_reports(tmp_path), load_network(), as_of="2023-04-12")
    (row,) = df.to_dict("records")
    assert row["status"] != "likely arrived"
    assert row["last_seen_station"] is not None


# -- T6: entering a country on the way is a border crossed, no arrival -----------------

ENTRIES = [
    (
        "11 апреля в Беларусь въехал воинский эшелон из России (36 вагонов), направляясь в Гомель.",
        "ru",
        "беларус",
    ),
    (
        "11 апреля на территорию Беларуси заехал эшелон из 36 платформ, он следует в Гомель.",
        "ru",
        "беларус",
    ),
    (
        "11 красавіка ў Беларусь заехаў вайсковы эшалон з Расіі (36 вагонаў), які "
        "накіроўваўся ў Гомель.",
        "be",
        "беларус",
    ),
    (
        "11 квітня в Білорусь в'їхав військовий ешелон з Росії (36 вагонів), прямуючи до Гомеля.",
        "uk",
        "білорус",
    ),
    (
        "11 kwietnia na Białoruś wjechał pociąg wojskowy z Rosji (36 wagonów), kierując się "
        "do Homla.",
        "pl",
        "białoruś",
    ),
    (
        "On April 11 a military train from Russia (36 cars) entered Belarus, heading for Homel.",
        "en",
        "belarus",
    ),
]


@pytest.mark.parametrize(("text", "lang", "country"), ENTRIES)
def test_entering_a_country_on_the_way_is_a_crossing_not_an_arrival(
    text: str, lang: str, country: str
) -> None:
    result = read(text, APRIL_12, lang)
    (train,) = result.shipments
    assert train.expected_arrival is None
    assert not train.arrival_told
    assert train.destination is not None
    assert train.destination.text.lower().startswith(("гомел", "homl", "homel"))
    (seen,) = result.sightings
    assert seen.station.text.lower().startswith(country)
    assert seen.seen_at.date() == date(2023, 4, 11)


def test_entering_a_station_is_still_an_arrival() -> None:
    result = read("11 апреля эшелон из России заехал на станцию Брест.", APRIL_12, "ru")
    (train,) = result.shipments
    assert train.expected_arrival is not None
    assert train.expected_arrival.earliest == date(2023, 4, 11)
    assert result.sightings == []


# -- T3: a train told arrived earlier and gone back now ---------------------------------

APRIL_7 = date(2023, 4, 7)

BACK_AGAIN = [
    (
        "Эшелон, прибывший в Брест 4 апреля, сегодня вечером отправился обратно — через "
        "Барановичи в сторону Смоленска.",
        "ru",
    ),
    (
        "Эшалон, які прыбыў у Брэст 4 красавіка, сёння ўвечары адправіўся назад — праз "
        "Баранавічы ў бок Смаленска.",
        "be",
    ),
    (
        "Ешелон, який прибув до Бреста 4 квітня, сьогодні ввечері вирушив назад — через "
        "Барановичі в бік Смоленська.",
        "uk",
    ),
    (
        "Pociąg, który 4 kwietnia przyjechał do Brześcia, dziś wieczorem wyjechał z powrotem "
        "– przez Baranowicze w kierunku Smoleńska.",
        "pl",
    ),
    (
        "The echelon that arrived in Brest on April 4 left this evening back towards Smolensk "
        "via Baranavichy.",
        "en",
    ),
    (
        "Эшелон, прибывший в Брест 4 апреля, сегодня ушёл обратно в Смоленск.",
        "ru",
    ),
    (
        "7 апреля из Бреста через Барановичи в сторону Смоленска ушёл порожний эшелон — тот, "
        "что прибыл 4 апреля.",
        "ru",
    ),
]


@pytest.mark.parametrize(("text", "lang"), BACK_AGAIN)
def test_a_train_gone_back_after_its_arrival_is_its_trip_back(text: str, lang: str) -> None:
    result = read(text, APRIL_7, lang)
    outbound, back = result.shipments
    assert outbound.destination is not None
    assert outbound.destination.text.lower().startswith(("брест", "брэст", "brest", "brześ"))
    assert outbound.expected_arrival is not None
    assert outbound.expected_arrival.earliest == date(2023, 4, 4)
    assert back.return_of == outbound.id
    assert back.origin is not None
    assert back.origin.text == outbound.destination.text
    assert back.destination is not None
    assert back.destination.text.lower().startswith(("смолен", "смален", "smolensk", "smoleń"))
    assert back.expected_arrival is None
    assert back.departure is not None
    assert back.departure.earliest == APRIL_7


def test_a_train_gone_back_to_a_country_is_its_one_trip() -> None:
    result = read("Эшелон, прибывший в Брест 4 апреля, сегодня ушёл обратно в Россию.", APRIL_7)
    assert [s.return_of for s in result.shipments] == [None]


# -- S11: an arrival expected "in the next 2-3 days" -----------------------------------

APRIL_11 = date(2023, 4, 11)

NEXT_DAYS = [
    (
        "11 апреля из Брянска в Осиповичи ушёл эшелон из 40 платформ. Прибытие ожидается в "
        "ближайшие 2-3 дня.",
        "ru",
    ),
    (
        "11 красавіка з Бранска ў Асіповічы адправіўся эшалон з 40 платформаў. Прыбыццё "
        "чакаецца ў бліжэйшыя 2-3 дні.",
        "be",
    ),
    (
        "11 квітня з Брянська до Осиповичів вирушив ешелон з 40 платформ. Прибуття очікується "
        "найближчі 2-3 дні.",
        "uk",
    ),
    (
        "11 kwietnia z Briańska do Osipowicz wyjechał pociąg z 40 platformami. Przyjazd "
        "spodziewany jest w ciągu najbliższych 2-3 dni.",
        "pl",
    ),
    (
        "On April 11 a train of 40 flatcars left Bryansk for Asipovichy. It is expected to "
        "arrive in the next 2-3 days.",
        "en",
    ),
    (
        "On April 11 a train of 40 flatcars left Bryansk for Asipovichy. It is expected to "
        "arrive within 2 to 3 days.",
        "en",
    ),
]


@pytest.mark.parametrize(("text", "lang"), NEXT_DAYS)
def test_an_arrival_in_the_next_days_is_a_window_from_the_departure(text: str, lang: str) -> None:
    result = read(text, APRIL_11, lang)
    (train,) = result.shipments
    assert train.claim == "expected"
    assert train.expected_arrival is not None
    assert (train.expected_arrival.earliest, train.expected_arrival.latest) == (
        date(2023, 4, 13),
        date(2023, 4, 14),
    )


# -- trial11 T15: days after the group's departure, told of one train of it ------------

GROUP_DAYS = [
    (
        "19 марта из Бреста в Гомель ушли два эшелона. Первый прибыл в Гомель 20 марта, второй "
        "ожидается в течение 2-3 дней.",
        "ru",
    ),
    (
        "19 березня з Бреста до Гомеля вирушили два ешелони. Перший прибув до Гомеля 20 "
        "березня, другий очікується в Гомелі протягом 2-3 днів.",
        "uk",
    ),
    (
        "19 marca z Brześcia do Homla wyjechały dwa pociągi. Pierwszy dotarł do Homla 20 "
        "marca, drugi ma dotrzeć w ciągu 2-3 dni.",
        "pl",
    ),
]


@pytest.mark.parametrize(("text", "lang"), GROUP_DAYS)
def test_days_after_the_groups_departure_date_the_later_train(text: str, lang: str) -> None:
    result = read(text, date(2023, 3, 20), lang)
    first, second = result.shipments
    assert first.expected_arrival is not None
    assert first.expected_arrival.earliest == date(2023, 3, 20)
    assert second.expected_arrival is not None
    assert (second.expected_arrival.earliest, second.expected_arrival.latest) == (
        date(2023, 3, 21),
        date(2023, 3, 22),
    )


@pytest.mark.parametrize(
    "text",
    [
        "По нашим данным, 14-15 апреля через Оршу пройдут ещё 3 эшелона.",
        "According to our information, on April 14-15 three more echelons with equipment "
        "will pass through Orsha.",
    ],
)
def test_a_passage_ahead_is_announced_in_the_briefing(tmp_path: Path, text: str) -> None:
    (tmp_path / "post.txt").write_text(
        f"source: Hajun\npublished: 2023-04-12\n\n{text}\n", encoding="utf-8"
    )
    result = track(load_reports(tmp_path), load_network())
    assert result.headline()["n_announced"] == 3
    df = track_status(load_reports(tmp_path), load_network(), as_of="2023-04-12")
    assert set(df["status"].astype(str)) == {"planned"}

"""One train told several times in one report, and tallies (issue 13, trial12 T10, T12, T13).

Each finding stands for a kind, tested in every language it concerns with short inputs
written here (forms the trial did not show among them):

T10. A headline that counts the trains ("В Барановичи прибыли два эшелона") over a lead
     that lists them by day ("5 и 6 апреля ... прибыли два эшелона") tells those trains:
     N trains, not 2N. A lead naming another station for their end is other trains.
T12. A channel's tag heading a post ("#эшелон Сегодня ночью ...", "❗️#эшалон" in a
     Telegram export) is the post's label, no train of its own; "the first of the two
     expected trains" after the one train told (a tag, a headline) is that train.
T13. A digest ("Итоги недели: в Брест прибыло 2 эшелона"), a count over one week ("За
     неделю в Брест ...", "w ciągu jednego tygodnia") or an earlier count recalled
     ("Напомним, в феврале в Барановичи ...") is a tally whatever its places; trains
     told by day, or still to come, are not.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from railtrack import load_reports
from railtrack.extract.textpass import tag_labels
from tests._extract_helpers import read

PUB6 = date(2023, 4, 6)
PUB4 = date(2023, 4, 4)
PUB8 = date(2023, 4, 8)


def _cars(result) -> list[int | None]:
    return [s.cars.total for s in result.shipments]


# -- T10. a headline's count restated by the lead's trains, one per day --------------------

_HEADLINE_LEAD = [
    (
        "ru",
        "В Барановичи прибыли два эшелона с российской техникой\n\n5 и 6 апреля на станцию "
        "Барановичи-Полесские прибыли два воинских эшелона из России. В первом было 28 "
        "платформ с грузовиками, во втором — 41 вагон.",
        [28, 41],
    ),
    (
        "be",
        "У Баранавічы прыбылі два эшалоны з расійскай тэхнікай\n\n5 і 6 красавіка на станцыю "
        "Баранавічы-Палескія прыбылі два вайсковыя эшалоны з Расіі. У першым эшалоне было 28 "
        "платформаў з грузавікамі, у другім — 41 вагон.",
        [28, 41],
    ),
    (
        "uk",
        "До Барановичів прибули два ешелони з російською технікою\n\n5 і 6 квітня на станцію "
        "Барановичі-Поліські прибули два військові ешелони з Росії. У першому було 28 "
        "платформ з вантажівками, у другому — 41 вагон.",
        [28, 41],
    ),
    (
        "en",
        "Two Russian military trains arrive in Baranavichy\n\nOn April 5 and 6 two military "
        "echelons from Russia arrived at Baranavichy-Palyeskiya station. The first had 28 "
        "flatcars with trucks, the second 41 cars.",
        [28, 41],
    ),
    (
        "pl",
        "Do Baranowicz przyjechały dwa rosyjskie pociągi wojskowe\n\n5 i 6 kwietnia na stację "
        "Baranowicze Poleskie przyjechały dwa pociągi wojskowe z Rosji. W pierwszym było 28 "
        "platform, w drugim 41 wagonów.",
        [28, 41],
    ),
    # three trains, their counts listed in the lead
    (
        "ru",
        "Три эшелона прибыли в Лунинец\n\n3, 4 и 5 апреля на станцию Лунинец прибыли три "
        "эшелона: 30, 35 и 41 вагон.",
        [30, 35, 41],
    ),
    (
        "pl",
        "Trzy pociągi dotarły do Łunińca\n\n3, 4 i 5 kwietnia na stację Łuniniec przyjechały "
        "trzy pociągi z Rosji.",
        [None, None, None],
    ),
]


@pytest.mark.parametrize(("lang", "text", "cars"), _HEADLINE_LEAD)
def test_a_headline_count_restated_by_the_leads_dated_trains_is_those_trains(
    lang: str, text: str, cars: list[int | None]
) -> None:
    result = read(text, published=PUB6, lang=lang)
    assert _cars(result) == cars
    assert [g.n_trains for g in result.groups] == [len(cars)]
    days = [s.expected_arrival.earliest.day for s in result.shipments if s.expected_arrival]
    assert len(days) == len(cars)
    # the lead's station, more closely named than the headline's town, is every end
    lead = text.split("\n\n")[1]
    assert all(s.destination and s.destination.text in lead for s in result.shipments)


def test_a_headline_and_a_lead_at_another_station_stay_apart() -> None:
    text = (
        "В Брест прибыли два эшелона\n\n5 и 6 апреля на станцию Орша прибыли два эшелона из России."
    )
    result = read(text, published=PUB6, lang="ru")
    assert sorted(g.n_trains for g in result.groups) == [2, 2]
    assert len(result.shipments) == 4


# -- T12. a channel's tag heading a post; "the first of the two expected trains" -----------

_TAGGED = [
    (
        "ru",
        "#эшелон Сегодня ночью на станцию Брест-Центральный прибыл первый из двух ожидаемых "
        "эшелонов: 45 платформ с БМП-2 и 3 пассажирских вагона. Эшелон шёл из Смоленска через "
        "Оршу и Минск.",
        48,
    ),
    (
        "be",
        "#эшалон Сёння ноччу на станцыю Брэст-Цэнтральны прыбыў першы з двух чаканых "
        "эшалонаў: 45 платформаў з БМП-2 і 3 пасажырскія вагоны. Эшалон ішоў са Смаленска "
        "праз Оршу і Мінск.",
        48,
    ),
    (
        "pl",
        "#pociąg Dziś w nocy na stację Brześć przyjechał pierwszy z dwóch oczekiwanych "
        "pociągów: 45 platform z BMP-2 i 3 wagony osobowe. Pociąg jechał ze Smoleńska przez "
        "Orszę.",
        48,
    ),
    (
        "uk",
        "#ешелон Сьогодні вночі на станцію Брест-Центральний прибув перший з двох очікуваних "
        "ешелонів: 45 платформ з БМП-2 і 3 пасажирські вагони. Ешелон ішов зі Смоленська "
        "через Оршу.",
        48,
    ),
    (
        "en",
        "#train #Brest\nTonight the first of the two expected echelons arrived at Brest: 45 "
        "flatcars with BMP-2 and 3 passenger cars. The train came from Smolensk via Orsha.",
        48,
    ),
    # a tag after a mark, and a train told with another marker after it
    ("ru", "❗️#эшелон Вчера из Орши в Смоленск ушёл ещё один эшелон: 40 вагонов.", 40),
    ("uk", "#ешелон Вчора з Орші до Смоленська вирушив ще один ешелон: 40 вагонів.", 40),
    ("be", "#эшалон Учора з Оршы ў Смаленск адправіўся яшчэ адзін эшалон: 40 вагонаў.", 40),
    ("ru", "#эшелон #Брест\nСегодня утром на станцию Брест прибыл второй эшелон: 38 платформ.", 38),
]


@pytest.mark.parametrize(("lang", "text", "cars"), _TAGGED)
def test_a_tag_heading_a_post_is_no_train(lang: str, text: str, cars: int) -> None:
    result = read(text, published=PUB4, lang=lang)
    (shipment,) = result.shipments
    assert shipment.cars.total == cars
    assert shipment.destination is not None


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "ru",
            "Эшелон с БМП прибыл в Брест\n\nСегодня ночью на станцию Брест-Центральный прибыл "
            "первый из двух ожидаемых эшелонов: 45 платформ с БМП-2. Эшелон шёл из Смоленска.",
        ),
        (
            "uk",
            "Ешелон з БМП прибув до Бреста\n\nСьогодні вночі на станцію Брест-Центральний "
            "прибув перший з двох очікуваних ешелонів: 45 платформ з БМП-2. Ешелон ішов зі "
            "Смоленська.",
        ),
        (
            "be",
            "Эшалон з БМП прыбыў у Брэст\n\nСёння ноччу на станцыю Брэст-Цэнтральны прыбыў "
            "першы з двух чаканых эшалонаў: 45 платформаў з БМП-2. Эшалон ішоў са Смаленска.",
        ),
    ],
)
def test_the_first_of_the_expected_trains_after_a_headline_is_its_train(
    lang: str, text: str
) -> None:
    result = read(text, published=PUB4, lang=lang)
    (shipment,) = result.shipments
    assert shipment.cars.total == 45
    assert shipment.origin is not None
    assert shipment.destination is not None


def test_tag_labels_are_heads_of_posts_or_lines_only() -> None:
    text = "❗️#эшалон Сёння ноччу прыбыў эшалон.\n#эшелон #Брест"
    assert [text[a:b] for a, b in tag_labels(text)] == ["эшалон", "эшелон", "Брест"]
    # a tag that goes on in lower case is a word of its sentence
    assert tag_labels("#помічено на станції Смоленськ") == []
    assert tag_labels("Эшелон #эшелон прибыл") == []
    assert tag_labels("#Барановичи-Полесские 5 апреля") == []


def test_a_tagged_verb_and_a_tagged_station_still_read() -> None:
    result = read(
        "#Брест Сегодня ночью на станцию Брест прибыл эшелон: 40 вагонов.",
        published=PUB4,
        lang="ru",
    )
    (shipment,) = result.shipments
    assert shipment.destination.text == "Брест"
    assert shipment.cars.total == 40


def test_a_telegram_post_headed_by_a_hashtag_entity_is_one_train(tmp_path: Path) -> None:
    post = {
        "id": 302,
        "type": "message",
        "date": "2023-04-04T09:10:00",
        "date_unixtime": "1680599400",
        "from": "Беларускі Гаюн",
        "from_id": "channel1754228908",
        "text": [
            "❗️",
            {"type": "hashtag", "text": "#эшалон"},
            " Сёння ноччу на станцыю Брэст-Цэнтральны прыбыў першы з двух чаканых эшалонаў: "
            "45 платформаў з БМП-2 і 3 пасажырскія вагоны. Эшалон ішоў са Смаленска праз Оршу.",
        ],
        "text_entities": [],
    }
    doc = {"name": "Беларускі Гаюн", "type": "public_channel", "id": 1754228908, "messages": [post]}
    path = tmp_path / "result.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    reports = load_reports(path)
    (shipment,) = reports.shipments
    assert shipment.cars.total == 48
    assert shipment.origin is not None
    assert shipment.destination is not None


# -- T13. digests and background tallies naming a station ---------------------------------

_STATION_TALLIES = [
    (
        "ru",
        "Итоги недели: в Брест прибыло 2 эшелона с техникой (около 90 вагонов), 1 эшелон "
        "ушёл обратно.",
        2,
    ),
    ("ru", "За неделю в Брест прибыло 2 эшелона с техникой.", 2),
    ("be", "Вынікі тыдня: у Брэст прыбылі 2 эшалоны з тэхнікай (каля 90 вагонаў).", 2),
    ("be", "За тыдзень у Брэст прыбылі 2 эшалоны з тэхнікай.", 2),
    ("uk", "Підсумки тижня: до Бреста прибули 2 ешелони (близько 90 вагонів).", 2),
    ("uk", "За тиждень до Бреста прибули 2 ешелони з технікою.", 2),
    (
        "pl",
        "Podsumowanie tygodnia: do Brześcia przyjechały 2 pociągi ze sprzętem (około 90 wagonów).",
        2,
    ),
    ("pl", "W ciągu tygodnia do Brześcia przyjechały 2 pociągi ze sprzętem.", 2),
    (
        "en",
        "Weekly summary: 2 echelons with equipment (about 90 cars) arrived in Brest this week.",
        2,
    ),
    ("en", "Over the past week, 2 echelons with equipment arrived in Brest.", 2),
    # background tallies of a media article
    (
        "pl",
        "Przypomnijmy, że w lutym do Baranowicz dotarły cztery pociągi z rosyjskim "
        "sprzętem w ciągu jednego tygodnia.",
        4,
    ),
    (
        "ru",
        "Напомним, в феврале в Барановичи за неделю прибыли четыре эшелона с российской техникой.",
        4,
    ),
    (
        "be",
        "Нагадаем, у лютым у Баранавічы за тыдзень прыбылі чатыры эшалоны з расійскай тэхнікай.",
        4,
    ),
    (
        "uk",
        "Нагадаємо, у лютому до Барановичів за тиждень прибули чотири ешелони з російською "
        "технікою.",
        4,
    ),
    (
        "en",
        "Recall that in February four trains with Russian equipment arrived in Baranavichy "
        "within one week.",
        4,
    ),
    # recalled over a month, no week named
    ("ru", "Напомним, в феврале в Барановичи прибыли четыре эшелона.", 4),
    ("uk", "Нагадаємо, у лютому до Барановичів прибули чотири ешелони.", 4),
    ("en", "As a reminder, in February four echelons arrived at Baranavichy.", 4),
]


@pytest.mark.parametrize(("lang", "text", "n"), _STATION_TALLIES)
def test_a_digest_or_a_background_count_naming_a_station_is_a_tally(
    lang: str, text: str, n: int
) -> None:
    result = read(text, published=PUB8, lang=lang)
    assert result.shipments == []
    assert result.groups == []
    assert [t["n_trains"] for t in result.to_dict()["tallies"]] == [n]


@pytest.mark.parametrize(
    ("lang", "text", "n"),
    [
        # recalled, but dated by a day: those trains
        ("ru", "Напомним, 5 марта в Барановичи прибыли два эшелона.", 2),
        ("pl", "Przypomnijmy, że 5 marca do Baranowicz dotarły dwa pociągi.", 2),
        # still to come over the week: a plan, not a count
        ("ru", "За неделю в Брест прибудут 2 эшелона с техникой.", 2),
        # a month with no cue: trains to list
        ("pl", "W kwietniu do Kołobrzegu dotarły dwa transporty kukurydzy.", 2),
        ("en", "Last week, five echelons left Belarus for the Donbas.", 5),
    ],
)
def test_trains_with_no_digest_cue_stay_trains(lang: str, text: str, n: int) -> None:
    result = read(text, published=PUB8, lang=lang)
    assert len(result.shipments) == n
    assert result.to_dict()["tallies"] == []

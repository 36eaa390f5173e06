"""Several trains told in one sentence, one post or one line each (issue 13, trial15).

Each finding stands for a kind, tested in every language it concerns with short inputs
written here (forms the trial did not show among them):

T1.  An ordinal ("the first ..., the second ...", "the other", "one ..., the other")
     opening a clause whose verb is left out carries its own count (in brackets), day
     and place: "Першы эшалон (38 вагонаў) прыбыў 10 траўня ў Баранавічы, другі (44
     вагоны) — 11 траўня ў Брэст" is two trains; a country-level sentence before it is
     the group, not the second train's destination.
T4.  A digest post listing trains by station, one line each ("▪️ Лунінец — 2 эшалоны
     (36 і 40 вагонаў)"), gives each line's trains at that station, dated by the
     heading; a line read as no train gives a problem naming it.
T11. A recap of trains over last month, or over last week summing their cars ("Last
     week, five trains (more than 200 cars in total) arrived in Belarus"), with no
     station and no day of its own, is a tally.
T12. A week's tally headed in the singular or with an adjective ("Тыднёвы вынік: 3
     эшалоны, 118 вагонаў", "Недельный итог", "Тижневий підсумок", "Tygodniowy
     bilans", "Weekly tally") is a tally.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests._extract_helpers import read

PUB = date(2023, 5, 11)


def _trains(text: str, published: date = PUB) -> list[tuple[str | None, str | None, int | None]]:
    """Each shipment's (destination as written, arrival day, total cars)."""
    result = read(text, published=published)
    out = []
    for s in result.shipments:
        arrival = s.expected_arrival
        day = None
        if arrival is not None and arrival.earliest == arrival.latest:
            day = str(arrival.earliest)
        out.append((s.destination.text if s.destination else None, day, s.cars.total))
    return out


# -- T1. an ordinal whose verb is left out: its own count, day and place ------------------

_TWO = [
    (
        "be",
        "Першы эшалон (38 вагонаў) прыбыў 10 траўня ў Баранавічы, другі (44 вагоны) — "
        "11 траўня ў Брэст.",
        ("Баранавічы", "Брэст"),
    ),
    (
        "be",
        "Першы эшалон (38 вагонаў) прыбыў 10 траўня ў Баранавічы, другі (44 вагоны) "
        "прыбыў 11 траўня ў Брэст.",
        ("Баранавічы", "Брэст"),
    ),
    (
        "ru",
        "Первый эшелон (38 вагонов) прибыл 10 мая в Барановичи, второй (44 вагона) — 11 "
        "мая в Брест.",
        ("Барановичи", "Брест"),
    ),
    (
        "ru",
        "Первый эшелон (38 вагонов) прибыл 10 мая в Барановичи, второй (44 вагона) "
        "прибыл 11 мая в Брест.",
        ("Барановичи", "Брест"),
    ),
    (
        "pl",
        "Pierwszy pociąg (38 wagonów) dotarł 10 maja do Baranowicz, drugi (44 wagony) – "
        "11 maja do Brześcia.",
        ("Baranowicz", "Brześcia"),
    ),
    (
        "uk",
        "Перший ешелон (38 вагонів) прибув 10 травня у Барановичі, другий (44 вагони) — "
        "11 травня у Брест.",
        ("Барановичі", "Брест"),
    ),
    (
        "en",
        "The first train (38 cars) arrived in Baranovichi on May 10, the second (44 cars) "
        "in Brest on May 11.",
        ("Baranovichi", "Brest"),
    ),
    # forms the trial did not show: "one ..., the other", "другой", a third after a first
    (
        "ru",
        "Один эшелон (38 вагонов) прибыл 10 мая в Барановичи, другой (44 вагона) — 11 мая в Брест.",
        ("Барановичи", "Брест"),
    ),
    (
        "en",
        "One train (38 cars) arrived in Baranovichi on May 10, the other (44 cars) in "
        "Brest on May 11.",
        ("Baranovichi", "Brest"),
    ),
    (
        "uk",
        "Перший ешелон (38 вагонів) прибув 10 травня у Барановичі, третій (44 вагони) — "
        "11 травня у Брест.",
        ("Барановичі", "Брест"),
    ),
]


@pytest.mark.parametrize(
    ("lang", "text", "places"), _TWO, ids=[f"{x[0]}-{i}" for i, x in enumerate(_TWO)]
)
def test_the_second_of_one_sentence_keeps_its_count_day_and_place(
    lang: str, text: str, places: tuple[str, str]
) -> None:
    assert _trains(text) == [
        (places[0], "2023-05-10", 38),
        (places[1], "2023-05-11", 44),
    ], lang


_LEAD = [
    (
        "be",
        "У Беларусь заехалі яшчэ два расійскія эшалоны. Першы (38 вагонаў) прыбыў 10 "
        "траўня ў Баранавічы, другі (44 вагоны) — 11 траўня ў Брэст.",
        "Брэст",
    ),
    (
        "ru",
        "В Беларусь заехали ещё два российских эшелона. Первый (38 вагонов) прибыл 10 мая "
        "в Барановичи, второй (44 вагона) — 11 мая в Брест.",
        "Брест",
    ),
    (
        "pl",
        "Na Białoruś wjechały kolejne dwa pociągi. Pierwszy (38 wagonów) dotarł 10 maja "
        "do Baranowicz, drugi (44 wagony) – 11 maja do Brześcia.",
        "Brześcia",
    ),
    (
        "uk",
        "До Білорусі заїхали ще два російські ешелони. Перший (38 вагонів) прибув 10 "
        "травня до Барановичів, другий (44 вагони) — 11 травня до Бреста.",
        "Бреста",
    ),
    (
        "en",
        "Two more Russian trains have entered Belarus. The first (38 cars) arrived in "
        "Baranovichi on May 10, the second (44 cars) in Brest on May 11.",
        "Brest",
    ),
    (
        "en",
        "Two trains arrived in Belarus. One (38 cars) arrived in Baranovichi on May 10, "
        "the other (44 cars) in Brest on May 11.",
        "Brest",
    ),
]


@pytest.mark.parametrize(
    ("lang", "text", "second"), _LEAD, ids=[f"{x[0]}-{i}" for i, x in enumerate(_LEAD)]
)
def test_a_country_told_before_is_the_group_not_the_seconds_end(
    lang: str, text: str, second: str
) -> None:
    result = read(text, published=PUB)
    trains = _trains(text)
    assert [t[1:] for t in trains] == [("2023-05-10", 38), ("2023-05-11", 44)], lang
    assert trains[1][0] == second
    assert len(result.groups) == 1
    assert result.groups[0].cars.total is None  # (38 is the first train's, not a total)


# -- T11. a recap over last week or month is a tally --------------------------------------

_RECAPS = [
    (
        "en",
        "Last week, five trains with more than 200 cars in total arrived in Belarus, "
        "according to Hajun.",
    ),
    ("be", "На мінулым тыдні ў Беларусь прыбылі пяць эшалонаў, агулам больш за 200 вагонаў."),
    (
        "ru",
        "На прошлой неделе в Беларусь прибыли пять эшелонов, в общей сложности более 200 вагонов.",
    ),
    ("pl", "W zeszłym tygodniu na Białoruś przyjechało pięć pociągów, łącznie ponad 200 wagonów."),
    ("uk", "Минулого тижня до Білорусі прибули п'ять ешелонів, загалом понад 200 вагонів."),
    # forms the trial did not show: a month, "ubiegły", departures, no cars told
    ("en", "Last month, 23 trains arrived in Belarus from Russia."),
    (
        "pl",
        "W ubiegłym tygodniu z Białorusi do Rosji wyjechały trzy pociągi (łącznie 120 wagonów).",
    ),
    ("ru", "В прошлом месяце из Беларуси в Россию ушли 12 эшелонов."),
    ("be", "У мінулым месяцы з Беларусі ў Расію адправіліся 12 эшалонаў."),
    ("uk", "На минулому тижні до Білорусі прибули три ешелони, разом 130 вагонів."),
]


@pytest.mark.parametrize(
    ("lang", "text"), _RECAPS, ids=[f"{x[0]}-{i}" for i, x in enumerate(_RECAPS)]
)
def test_a_recap_over_last_week_is_a_tally(lang: str, text: str) -> None:
    result = read(text, published=date(2023, 5, 18))
    assert result.shipments == [], lang
    assert result.groups == []
    assert len(result.tallies) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Last week two trains arrived in Brest.",  # a station: trains an analyst lists
        "Last week, two echelons left Belarus for the Donbas.",  # a week's news, no sum
        "На прошлой неделе, 10 мая, в Беларусь прибыли два эшелона.",  # a day of their own
    ],
)
def test_a_recap_with_a_station_or_a_day_stays_trains(text: str) -> None:
    result = read(text, published=date(2023, 5, 18))
    assert len(result.shipments) == 2
    assert result.tallies == []


# -- T12. a week's tally in the singular or with an adjective ----------------------------

_WEEKLY = [
    ("be", "Тыднёвы вынік: 3 эшалоны, 118 вагонаў."),
    ("be", "Вынік тыдня: 3 эшалоны, 118 вагонаў."),
    ("be", "Тыднёвыя вынікі: 3 эшалоны, 118 вагонаў."),
    ("ru", "Недельный итог: 3 эшелона, 118 вагонов."),
    ("ru", "Итог недели: 3 эшелона, 118 вагонов."),
    ("uk", "Тижневий підсумок: 3 ешелони, 118 вагонів."),
    ("uk", "Підсумок тижня: 3 ешелони, 118 вагонів."),
    ("pl", "Tygodniowy bilans: 3 pociągi, 118 wagonów."),
    ("en", "Weekly tally: 3 trains, 118 cars."),
    ("en", "The week's tally: 3 trains, 118 cars."),
    # the plural heads the trial showed right stay right
    ("be", "Вынікі тыдня: 3 эшалоны, 118 вагонаў."),
    ("ru", "Итоги недели: 3 эшелона, 118 вагонов."),
    ("uk", "Підсумки тижня: 3 ешелони, 118 вагонів."),
    ("pl", "Podsumowanie tygodnia: 3 pociągi, 118 wagonów."),
    ("en", "Weekly summary: 3 trains, 118 cars."),
]


@pytest.mark.parametrize(
    ("lang", "text"), _WEEKLY, ids=[f"{x[0]}-{i}" for i, x in enumerate(_WEEKLY)]
)
def test_a_weeks_tally_is_no_train(lang: str, text: str) -> None:
    result = read(text, published=date(2023, 5, 17))
    assert result.shipments == [], lang
    assert result.groups == []
    assert [t.n_trains for t in result.tallies] == [3]


# -- T4. a digest by station, one line each ----------------------------------------------

_DIGESTS = [
    (
        "be",
        "За 19 траўня ў Беларусь прыбылі:\n▪️ Лунінец — 2 эшалоны (36 і 40 вагонаў)\n"
        "▪️ Брэст — 1 эшалон (44 вагоны)\n"
        "▪️ Асіповічы — 1 эшалон (45 вагонаў, з іх 3 пасажырскія)",
        ("Лунінец", "Лунінец", "Брэст", "Асіповічы"),
    ),
    (
        "ru",
        "19 мая в Беларусь прибыли:\n▪️ Лунинец — 2 эшелона (36 и 40 вагонов)\n"
        "▪️ Брест — 1 эшелон (44 вагона)\n"
        "▪️ Осиповичи — 1 эшелон (45 вагонов, из них 3 пассажирских)",
        ("Лунинец", "Лунинец", "Брест", "Осиповичи"),
    ),
    (
        "uk",
        "19 травня до Білорусі прибули:\n▪️ Лунинець — 2 ешелони (36 і 40 вагонів)\n"
        "▪️ Брест — 1 ешелон (44 вагони)\n"
        "▪️ Осиповичі — 1 ешелон (45 вагонів, з них 3 пасажирські)",
        ("Лунинець", "Лунинець", "Брест", "Осиповичі"),
    ),
    (
        "pl",
        "19 maja na Białoruś przyjechały:\n🔹 Łuniniec – 2 pociągi (36 i 40 wagonów)\n"
        "🔹 Brześć – 1 pociąg (44 wagony)\n"
        "🔹 Osipowicze – 1 pociąg (45 wagonów, w tym 3 osobowe)",
        ("Łuniniec", "Łuniniec", "Brześć", "Osipowicze"),
    ),
    (
        "en",
        "Arrived in Belarus on May 19:\n- Luninets: 2 trains (36 and 40 cars)\n"
        "- Brest: 1 train (44 cars)\n- Osipovichi: 1 train (45 cars, incl. 3 passenger cars)",
        ("Luninets", "Luninets", "Brest", "Osipovichi"),
    ),
]


@pytest.mark.parametrize(("lang", "text", "stations"), _DIGESTS, ids=[x[0] for x in _DIGESTS])
def test_each_digest_line_is_its_stations_trains(
    lang: str, text: str, stations: tuple[str, ...]
) -> None:
    result = read(text, published=date(2023, 5, 20))
    assert _trains(text, date(2023, 5, 20)) == [
        (stations[0], "2023-05-19", 36),
        (stations[1], "2023-05-19", 40),
        (stations[2], "2023-05-19", 44),
        (stations[3], "2023-05-19", 45),
    ], lang
    assert result.shipments[3].cars.passenger == 3


def test_a_digest_of_departures_over_the_past_day_with_numbered_lines() -> None:
    # forms the trial did not show: departures, "за сутки", "1)" items, a far end told
    # once in the heading, a line with no car count
    text = (
        "Из Беларуси в Россию за сутки ушли:\n1) Брест — 1 эшелон (44 вагона)\n"
        "2) Барановичи — 2 эшелона\n"
    )
    result = read(text, published=date(2023, 5, 20))
    got = [
        (
            s.origin.text if s.origin else None,
            s.destination.text if s.destination else None,
            s.cars.total,
        )
        for s in result.shipments
    ]
    baranovichi = ("Барановичи", "Россию", None)
    assert got == [("Брест", "Россию", 44), baranovichi, baranovichi]
    for s in result.shipments:
        assert s.departure is not None
        assert (s.departure.earliest, s.departure.latest) == (date(2023, 5, 19), date(2023, 5, 20))


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "be",
            "За суткі праз Беларусь прайшлі:\n• Орша — 2 эшалоны (40 і 42 вагоны)\n"
            "• Жлобін — 1 эшалон (30 цыстэрнаў)",
        ),
        (
            "pl",
            "W ciągu doby przez Białoruś przejechały:\n• Orsza – 2 pociągi (40 i 42 "
            "wagony)\n• Żłobin – 1 pociąg (30 cystern)",
        ),
    ],
)
def test_a_digest_of_trains_passing_gives_sightings(lang: str, text: str) -> None:
    result = read(text, published=date(2023, 5, 20))
    first, second = (line[2:].split()[0] for line in text.split("\n")[1:])
    assert [s.via[0].text for s in result.shipments] == [first, first, second], lang
    assert [s.cars.total for s in result.shipments][:2] == [40, 42]
    assert len(result.sightings) == 3


def test_a_digest_line_not_read_is_named() -> None:
    text = (
        "Over the past day, trains arrived in Belarus:\n* Luninets - 3 trains (36, 40 and "
        "41 cars)\n* Brest - 1 train (44 cars)\n* Gomel - unconfirmed"
    )
    result = read(text, published=date(2023, 5, 20))
    assert [s.destination.text for s in result.shipments if s.destination] == [
        "Luninets",
        "Luninets",
        "Luninets",
        "Brest",
    ]
    assert any("Gomel - unconfirmed" in p for p in result.problems)


def test_a_weeks_digest_by_station_stays_a_tally() -> None:
    text = "Итоги недели:\n▪️ Лунинец — 2 эшелона\n▪️ Брест — 1 эшелон"
    result = read(text, published=date(2023, 5, 20))
    assert result.shipments == []

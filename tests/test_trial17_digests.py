"""Digests and station headings, the layouts the Telegram channels use (issue 13, session 17).

Each finding stands for a kind, tested in every language it concerns with short inputs
written here (Belarusian and Russian as Hajun posts, Ukrainian, Polish and English as
relays write them), with a negative case:

T5.  A line that is only a known station (an emoji, a hashtag or a colon around it)
     heads the post: a train arriving, passing or unloading with no place of its own
     takes it. A heading that is a region, a country or no place is no station.
T6.  Counted parts of a group with a place each ("Тры эшалоны: два — у Асіповічы, адзін
     — у Лунінец") are that many trains to that place.
F1.  A digest line with no number ("▪️ Гомель — эшалон") is one train, and the other
     lines keep their destination and day.
F2.  A digest line that cannot be read is named in a problem; the lines after it are read.
F3.  One count for a line of several trains ("2 эшалоны (80 вагонаў)") is their group's
     total; fewer counts than trains go to the first trains, the rest said unknown.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests._extract_helpers import read

PUB = date(2023, 5, 20)


def _trains(text: str) -> list[tuple[str | None, str | None, int | None]]:
    """Each shipment's (destination as written, arrival day, total cars), in text order."""
    out = []
    for s in read(text, published=PUB).shipments:
        arrival = s.expected_arrival
        day = str(arrival.earliest) if arrival and arrival.earliest == arrival.latest else None
        out.append((s.destination.text if s.destination else None, day, s.cars.total))
    return out


# -- T5. a heading naming only the station ------------------------------------------------

_HEADED = [
    ("be", "🔴 Асіповічы\n\nСёння раніцай прыбыў эшалон з 40 вагонаў.", "Асіповічы"),
    ("ru", "🔴 Осиповичи\n\nСегодня утром прибыл эшелон из 40 вагонов.", "Осиповичи"),
    ("be", "#Асіповічы\n\nСёння раніцай прыбыў эшалон з 40 вагонаў.", "Асіповічы"),
    ("ru", "Осиповичи:\nСегодня утром на станцию прибыл эшелон из 40 вагонов.", "Осиповичи"),
    ("uk", "Осиповичі\n\nСьогодні вранці прибув ешелон з 40 вагонів.", "Осиповичі"),
    ("pl", "🔴 Osipowicze\n\nDziś rano przyjechał pociąg z 40 wagonami.", "Osipowicze"),
    ("en", "🔴 Asipovichy\n\nThis morning a train of 40 cars arrived.", "Asipovichy"),
    ("ru", "⚡️ Лунинец ⚡️\n\nСегодня прибыл эшелон из 40 вагонов.", "Лунинец"),
]


@pytest.mark.parametrize(
    ("lang", "text", "station"), _HEADED, ids=[f"{x[0]}-{i}" for i, x in enumerate(_HEADED)]
)
def test_a_train_arrived_under_a_station_heading_goes_there(
    lang: str, text: str, station: str
) -> None:
    result = read(text, published=PUB)
    assert result.lang == lang
    assert _trains(text) == [(station, "2023-05-20", 40)]


@pytest.mark.parametrize(
    ("text", "station", "note"),
    [
        ("🔴 Орша\n\nСегодня через станцию прошёл эшелон из 40 вагонов.", "Орша", "Сегодня"),
        ("#Orsza\n\nDziś przez stację przejechał pociąg z 40 wagonami.", "Orsza", "Dziś"),
        ("Lida:\n\nThis morning a train of 40 flatcars passed through.", "Lida", "This morning"),
    ],
)
def test_a_train_passing_under_a_station_heading_is_seen_there(
    text: str, station: str, note: str
) -> None:
    result = read(text, published=PUB)
    (s,) = result.shipments
    assert s.destination is None
    assert [v.text for v in s.via] == [station]
    assert [(w.station.text, w.seen_at.date(), w.note) for w in result.sightings] == [
        (station, PUB, note)
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a country, a region, a word that is no place: no station heads the post
        "🔴 Беларусь\n\nСёння раніцай прыбыў эшалон з 40 вагонаў.",
        "🔴 Гомельская область\n\nСегодня утром прибыл эшелон из 40 вагонов.",
        "🔴 Срочно\n\nСегодня утром прибыл эшелон из 40 вагонов.",
        "Update:\n\nThis morning a train of 40 cars arrived.",
    ],
)
def test_a_heading_that_is_no_station_gives_no_destination(text: str) -> None:
    assert _trains(text) == [(None, "2023-05-20", 40)]


def test_a_train_with_its_own_end_keeps_it_under_a_station_heading() -> None:
    text = "🔴 Асіповічы\n\nСёння раніцай у Лунінец прыбыў эшалон з 40 вагонаў."
    assert _trains(text) == [("Лунінец", "2023-05-20", 40)]


def test_a_train_leaving_is_not_given_the_heading_as_its_end() -> None:
    result = read("🔴 Асіповічы\n\nСёння раніцай адправіўся эшалон з 40 вагонаў.", published=PUB)
    assert [s.destination for s in result.shipments] == [None]


# -- T6. counted parts of a group, a place each -----------------------------------------

_PARTS = [
    ("be", "Учора ў Беларусь прыбылі тры эшалоны: два — у Асіповічы, адзін — у Лунінец.",
     {"Асіповічы": 2, "Лунінец": 1}),
    ("ru", "Вчера в Беларусь прибыли три эшелона: два — в Осиповичи, один — в Лунинец.",
     {"Осиповичи": 2, "Лунинец": 1}),
    ("uk", "Учора до Білорусі прибули три ешелони: два — в Осиповичі, один — в Лунинець.",
     {"Осиповичі": 2, "Лунинець": 1}),
    ("pl", "Wczoraj na Białoruś przyjechały trzy pociągi: dwa – do Osipowicz, jeden – do Łuńca.",
     {"Osipowicz": 2, "Łuńca": 1}),
    ("en", "Yesterday three trains arrived in Belarus: two to Asipovichy, one to Luninets.",
     {"Asipovichy": 2, "Luninets": 1}),
    # forms the finding did not show: parts of two each, a part of three, three parts of one
    ("be", "Учора ў Беларусь прыбылі чатыры эшалоны: два — у Асіповічы, два — у Лунінец.",
     {"Асіповічы": 2, "Лунінец": 2}),
    ("pl", "Wczoraj na Białoruś przyjechało pięć pociągów: trzy – do Osipowicz, dwa – do Brześcia.",
     {"Osipowicz": 3, "Brześcia": 2}),
    ("en", "Yesterday five trains arrived in Belarus: three to Asipovichy and two to Brest.",
     {"Asipovichy": 3, "Brest": 2}),
    ("ru", "Вчера в Беларусь прибыли три эшелона: один — в Лунинец, один — в Брест, один — в "
     "Осиповичи.", {"Лунинец": 1, "Брест": 1, "Осиповичи": 1}),
]  # fmt: skip


@pytest.mark.parametrize(
    ("lang", "text", "parts"), _PARTS, ids=[f"{x[0]}-{i}" for i, x in enumerate(_PARTS)]
)
def test_each_counted_part_is_that_many_trains_to_its_place(
    lang: str, text: str, parts: dict[str, int]
) -> None:
    result = read(text, published=PUB)
    assert result.lang == lang
    got: dict[str | None, int] = {}
    for s in result.shipments:
        name = s.destination.text if s.destination else None
        got[name] = got.get(name, 0) + 1
        assert s.expected_arrival is not None
        assert s.expected_arrival.earliest == date(2023, 5, 19)
    assert got == parts
    (group,) = result.groups
    assert group.n_trains == sum(parts.values())


def test_counted_parts_with_no_place_give_no_place() -> None:
    # negative: the parts count cars, not places; no part's place is made up
    text = "Вчера в Брест прибыли три эшелона: два — по 40 вагонов, один — 30 вагонов."
    result = read(text, published=PUB)
    assert {s.destination.text for s in result.shipments if s.destination} == {"Брест"}


# -- F1. a digest line with no number ----------------------------------------------------

_NO_NUMBER = [
    ("be", "За 19 траўня ў Беларусь прыбылі:\n▪️ Лунінец — 2 эшалоны (36 і 40 вагонаў)\n"
     "▪️ Гомель — эшалон\n▪️ Брэст — 1 эшалон (44 вагоны)",
     [("Лунінец", 36), ("Лунінец", 40), ("Гомель", None), ("Брэст", 44)]),
    ("be", "За 19 траўня ў Беларусь прыбылі:\n▪️ Гомель — эшалон з тэхнікай\n▪️ Лунінец — 2 "
     "эшалоны (36 і 40 вагонаў)\n▪️ Брэст — 1 эшалон (44 вагоны)",
     [("Гомель", None), ("Лунінец", 36), ("Лунінец", 40), ("Брэст", 44)]),
    ("ru", "19 мая в Беларусь прибыли:\n▪️ Лунинец — 2 эшелона (36 и 40 вагонов)\n"
     "▪️ Гомель — эшелон с техникой\n▪️ Брест — 1 эшелон (44 вагона)",
     [("Лунинец", 36), ("Лунинец", 40), ("Гомель", None), ("Брест", 44)]),
    ("pl", "19 maja na Białoruś przyjechały:\n🔹 Łuniniec – 2 pociągi (36 i 40 wagonów)\n"
     "🔹 Homel – pociąg z techniką\n🔹 Brześć – 1 pociąg (44 wagony)",
     [("Łuniniec", 36), ("Łuniniec", 40), ("Homel", None), ("Brześć", 44)]),
    ("en", "Arrived in Belarus on May 19:\n- Luninets: 2 trains (36 and 40 cars)\n"
     "- Gomel: a train with vehicles\n- Brest: 1 train (44 cars)",
     [("Luninets", 36), ("Luninets", 40), ("Gomel", None), ("Brest", 44)]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("lang", "text", "lines"), _NO_NUMBER, ids=[f"{x[0]}-{i}" for i, x in enumerate(_NO_NUMBER)]
)
def test_a_digest_line_with_no_number_is_one_train(
    lang: str, text: str, lines: list[tuple[str, int | None]]
) -> None:
    assert _trains(text) == [(name, "2023-05-19", cars) for name, cars in lines], lang


def test_a_digest_line_naming_trains_in_the_plural_with_no_number_is_not_read() -> None:
    # negative: "эшелоны" with no number counts no trains; the line is named, not guessed
    text = (
        "19 мая в Беларусь прибыли:\n▪️ Лунинец — 2 эшелона (36 и 40 вагонов)\n"
        "▪️ Гомель — эшелоны\n▪️ Брест — 1 эшелон (44 вагона)"
    )
    result = read(text, published=PUB)
    assert [c for _, _, c in _trains(text)] == [36, 40, 44]
    assert any("Гомель — эшелоны" in p for p in result.problems)


# -- F2. a line after an unreadable line ------------------------------------------------

_UNREAD = [
    ("ru", "19 мая в Беларусь прибыли:\n▪️ Лунинец — 2 эшелона (36 и 40 вагонов)\n"
     "▪️ Гомель — уточняется\n▪️ Брест — 1 эшелон (44 вагона)", "Гомель — уточняется"),
    ("be", "За 19 траўня ў Беларусь прыбылі:\n▪️ Гомель — удакладняецца\n"
     "▪️ Лунінец — 2 эшалоны (36 і 40 вагонаў)\n▪️ Брэст — 1 эшалон (44 вагоны)",
     "Гомель — удакладняецца"),
    ("en", "Arrived in Belarus on May 19:\n* Luninets - 2 trains (36 and 40 cars)\n"
     "* Gomel - unconfirmed\n* Brest - 1 train (44 cars)", "Gomel - unconfirmed"),
    ("pl", "19 maja na Białoruś przyjechały:\n1) Łuniniec – 2 pociągi (36 i 40 wagonów)\n"
     "2) Homel – brak danych\n3) Brześć – 1 pociąg (44 wagony)", "Homel – brak danych"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("lang", "text", "line"), _UNREAD, ids=[f"{x[0]}-{i}" for i, x in enumerate(_UNREAD)]
)
def test_the_lines_after_an_unread_digest_line_are_read(lang: str, text: str, line: str) -> None:
    result = read(text, published=PUB)
    got = sorted((t for t in _trains(text)), key=lambda t: t[2] or 0)
    assert [c for _, _, c in got] == [36, 40, 44], lang
    assert all(day == "2023-05-19" for _, day, _ in got), lang
    named = [p for p in result.problems if line in p]
    assert len(named) == 1, result.problems


def test_a_digest_with_every_line_read_names_no_line() -> None:
    text = "19 мая в Беларусь прибыли:\n▪️ Лунинец — 2 эшелона (36 и 40 вагонов)\n▪️ Брест — 1 эшелон"
    result = read(text, published=PUB)
    assert not any("digest line" in p for p in result.problems)


# -- F3. one count for several trains; fewer counts than trains --------------------------

_TOTALS = [
    ("be", "За 19 траўня ў Беларусь прыбылі:\n▪️ Лунінец — 2 эшалоны (80 вагонаў)\n"
     "▪️ Брэст — 1 эшалон (44 вагоны)"),
    ("ru", "19 мая в Беларусь прибыли:\n▪️ Лунинец — 2 эшелона (80 вагонов)\n"
     "▪️ Брест — 1 эшелон (44 вагона)"),
    ("uk", "19 травня до Білорусі прибули:\n▪️ Лунинець — 2 ешелони (80 вагонів)\n"
     "▪️ Брест — 1 ешелон (44 вагони)"),
    ("pl", "19 maja na Białoruś przyjechały:\n🔹 Łuniniec – 2 pociągi (80 wagonów)\n"
     "🔹 Brześć – 1 pociąg (44 wagony)"),
    ("en", "Arrived in Belarus on May 19:\n- Luninets: 2 trains (80 cars)\n"
     "- Brest: 1 train (44 cars)"),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "text"), _TOTALS, ids=[x[0] for x in _TOTALS])
def test_one_count_for_a_lines_trains_is_their_groups_total(lang: str, text: str) -> None:
    result = read(text, published=PUB)
    assert [s.cars.total for s in result.shipments] == [None, None, 44], lang
    (group,) = result.groups
    assert (group.n_trains, group.cars.total) == (2, 80)
    assert [s.group for s in result.shipments] == [group.id, group.id, None]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("be", "За 19 траўня ў Беларусь прыбылі:\n▪️ Брэст — 3 эшалоны (30 і 41 вагон)\n"
         "▪️ Лунінец — 1 эшалон (44 вагоны)"),
        ("ru", "19 мая в Беларусь прибыли:\n▪️ Брест — 3 эшелона (30 и 41 вагон)\n"
         "▪️ Лунинец — 1 эшелон (44 вагона)"),
        ("en", "Arrived in Belarus on May 19:\n- Brest: 3 trains (30 and 41 cars)\n"
         "- Luninets: 1 train (44 cars)"),
    ],
)  # fmt: skip
def test_fewer_counts_than_trains_go_to_the_first_ones_and_say_so(lang: str, text: str) -> None:
    result = read(text, published=PUB)
    assert [s.cars.total for s in result.shipments] == [30, 41, None, 44], lang
    assert result.groups == []
    assert any("2 car counts for 3 trains" in p for p in result.problems), result.problems


def test_more_counts_than_trains_go_to_none_and_say_so() -> None:
    text = (
        "19 мая в Беларусь прибыли:\n▪️ Брест — 2 эшелона (30, 41 и 45 вагонов)\n"
        "▪️ Лунинец — 1 эшелон (44 вагона)"
    )
    result = read(text, published=PUB)
    assert [s.cars.total for s in result.shipments] == [None, None, 44]
    assert any("3 car counts for 2 trains" in p for p in result.problems), result.problems

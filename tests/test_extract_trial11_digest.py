"""Digest findings of a new user's trial (issue 13, trial 10 T5): trips told as a list.

T5. A digest post lists trains one per item ("- March 13: Zhlobin to Gomel, 40 cars"),
    with no verb and often no train noun. Each item ("-", "•", "*", "–", "1.", "1)")
    naming a trip ("X to Y", "X → Y", "X — Y", "from X to Y", "из X в Y", "з X до Y",
    "са X у Y", "z X do Y") and giving a date or a car count is one train with its own
    ends, day and cars, in all five languages. The heading ("Weekly summary (March
    13-19)") is no train and its span dates none. An item naming no trip (a link, a
    remark) gives nothing. A list of dated, counted trains at places that is read as
    nothing says so in a problem, never an empty result in silence.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from railtrack import load_reports
from tests._extract_helpers import ends, read

PUB = date(2023, 4, 9)


def _days(text: str, lang: str | None = None) -> list[str | None]:
    return [
        str(s.departure.earliest) if s.departure else None
        for s in read(text, PUB, lang=lang).shipments
    ]


def _cars(text: str, lang: str | None = None) -> list[int | None]:
    return [s.cars.total for s in read(text, PUB, lang=lang).shipments]


# -- each item is a train, in every language and bullet -------------------------------

_DIGESTS = {
    "en": (
        "Rail traffic, week of April 3-9:\n"
        "• April 4: Baranovichi → Bryansk, 52 cars\n"
        "• April 6: from Luninets to Kursk, 30 wagons\n"
        "• April 8: Asipovichy - Valuyki, 44 flatcars\n",
        [("Baranovichi", "Bryansk"), ("Luninets", "Kursk"), ("Asipovichy", "Valuyki")],
    ),
    "ru": (
        "Итоги недели (3-9 апреля):\n"
        "1. 4 апреля: Барановичи — Брянск, 52 вагона\n"
        "2. 6 апреля: из Лунинца в Курск, 30 вагонов\n"
        "3. 8 апреля: Осиповичи → Валуйки, 44 платформы\n",
        [("Барановичи", "Брянск"), ("Лунинца", "Курск"), ("Осиповичи", "Валуйки")],
    ),
    "uk": (
        "Підсумки тижня (3-9 квітня):\n"
        "1) 4 квітня: Барановичі — Брянськ, 52 вагони\n"
        "2) 6 квітня: з Лунинця до Курська, 30 вагонів\n"
        "3) 8 квітня: Осиповичі → Валуйки, 44 платформи\n",
        [("Барановичі", "Брянськ"), ("Лунинця", "Курська"), ("Осиповичі", "Валуйки")],
    ),
    "be": (
        "Вынікі тыдня (3-9 красавіка):\n"
        "* 4 красавіка: Баранавічы — Бранск, 52 вагоны\n"
        "* 6 красавіка: з Лунінца ў Курск, 30 вагонаў\n"
        "* 8 красавіка: Асіповічы → Валуйкі, 44 платформы\n",
        [("Баранавічы", "Бранск"), ("Лунінца", "Курск"), ("Асіповічы", "Валуйкі")],
    ),
    "pl": (
        "Podsumowanie tygodnia (3-9 kwietnia):\n"
        "- 4 kwietnia: Baranowicze – Briańsk, 52 wagony\n"
        "- 6 kwietnia: z Łunińca do Kurska, 30 wagonów\n"
        "- 8 kwietnia: Osipowicze → Wałujki, 44 platformy\n",
        [("Baranowicze", "Briańsk"), ("Łunińca", "Kurska"), ("Osipowicze", "Wałujki")],
    ),
}


@pytest.mark.parametrize("lang", sorted(_DIGESTS))
def test_each_item_of_a_digest_is_a_train(lang: str) -> None:
    text, trips = _DIGESTS[lang]
    assert ends(read(text, PUB, lang=lang)) == trips
    assert _days(text, lang) == ["2023-04-04", "2023-04-06", "2023-04-08"]
    assert _cars(text, lang) == [52, 30, 44]


@pytest.mark.parametrize("lang", sorted(_DIGESTS))
def test_the_digest_reads_as_a_file(lang: str, tmp_path: Path) -> None:
    text, trips = _DIGESTS[lang]
    (tmp_path / "digest.txt").write_text(
        f"source: Belarusian Hajun\npublished: 2023-04-09\n\n{text}", "utf-8"
    )
    reports = load_reports(tmp_path / "digest.txt")
    assert len(reports.shipments) == len(trips)
    assert not reports.problems


# -- the heading, links and remarks are no trains -----------------------------------------


def test_the_headings_span_dates_no_undated_item() -> None:
    text = (
        "Weekly summary (April 3-9):\n"
        "- Orsha to Smolensk, 38 cars\n"
        "- April 7: Zhlobin to Gomel, 40 cars\n"
    )
    assert ends(read(text, PUB)) == [("Orsha", "Smolensk"), ("Zhlobin", "Gomel")]
    assert _days(text) == [None, "2023-04-07"]


@pytest.mark.parametrize(
    "extra",
    [
        "- Read the full report: https://t.me/hajun/4567",
        "- Thanks to everyone who sent us photos",
        "- Trains keep going to Russia every week",
        "- Source: Belarusian Hajun, April 9",
    ],
)
def test_an_item_naming_no_trip_gives_nothing(extra: str) -> None:
    text = f"Week of April 3-9:\n- April 4: Orsha to Smolensk, 38 cars\n{extra}\n"
    assert ends(read(text, PUB)) == [("Orsha", "Smolensk")]


_TWO_TRAINS = {
    "en": (
        "Weekly summary (April 3-9):\n"
        "- April 4: Zhlobin to Gomel, 40 cars\n"
        "- April 5: Gomel to Klintsy, 45 cars\n"
        "- April 8: two trains from Belarus to Russia (35 and 28 cars)\n",
        [("Zhlobin", "Gomel"), ("Gomel", "Klintsy")],
        ("Belarus", "Russia"),
    ),
    "ru": (
        "Итоги недели:\n"
        "- 4 апреля: Жлобин — Гомель, 40 вагонов\n"
        "- 8 апреля: два эшелона из Беларуси в Россию (35 и 28 вагонов)\n",
        [("Жлобин", "Гомель")],
        ("Беларуси", "Россию"),
    ),
}


@pytest.mark.parametrize("lang", sorted(_TWO_TRAINS))
def test_an_item_of_two_trains_takes_no_place_of_another_item(lang: str) -> None:
    text, trips, pair = _TWO_TRAINS[lang]
    got = ends(read(text, PUB, lang=lang))
    assert all(trip in got for trip in trips)
    # the two trains of the last item go where it says, not to the first item's town
    assert sorted(e for e in got if e not in trips) == [pair, pair]


@pytest.mark.parametrize(
    "text",
    [
        # months and days are no places: "from April 3 to April 9"
        "Totals:\n- from April 3 to April 9: 300 cars in all\n",
        # a list with no bullet line is prose, read as before
        "Orsha to Smolensk, 38 cars.",
        # a dialogue's dash opens no item, and a name running on is no trip's end
        "Она сказала:\n— 4 апреля я была в Орше — На станции 38 вагонов стояли.",
        "Notes:\n- April 4: Orsha - On the platform stood 38 cars.",
    ],
)
def test_no_trip_from_dates_or_prose(text: str) -> None:
    assert ends(read(text, PUB)) == []


# -- a list read as nothing says so ---------------------------------------------------------

_UNTOLD = {
    "en": "Summary (April 3-9):\n- April 4: Baranovichi, 52 cars\n- April 6: Luninets, 30 cars\n",
    "ru": "Итоги недели:\n- 4 апреля: Барановичи, 52 вагона\n- 6 апреля: Лунинец, 30 вагонов\n",
    "uk": "Підсумки тижня:\n• 4 квітня: Барановичі, 52 вагони\n",
    "be": "Вынікі тыдня:\n• 4 красавіка: Баранавічы, 52 вагоны\n",
    "pl": "Podsumowanie tygodnia:\n1) 4 kwietnia: Baranowicze, 52 wagony\n",
}


@pytest.mark.parametrize("lang", sorted(_UNTOLD))
def test_a_list_of_trains_read_as_nothing_says_so(lang: str) -> None:
    result = read(_UNTOLD[lang], PUB, lang=lang)
    assert not result.shipments
    assert any("lists trains" in p for p in result.problems)


@pytest.mark.parametrize(
    "text",
    [
        "Links:\n- https://t.me/hajun/1\n- https://t.me/hajun/2\n",
        "Weekly summary:\n- April 4: 52 cars in all\n",
        "Plan:\n- Orsha\n- Smolensk\n",
        # a quote after a dash is prose, not a digest's item
        "Policja:\n- Dzisiaj Służba Ochrony Kolei ujawniła, że doszło do wysypania soi "
        "na torowisko z jednego wagonu - powiedziała komisarz.\n",
    ],
)
def test_a_list_of_no_trains_raises_no_problem(text: str) -> None:
    assert not [p for p in read(text, PUB).problems if "lists trains" in p]

"""Findings of a new user's trial (issue 13, trial11 T2, T3, T5, T19): wrong facts, double counts.

T2. A channel's digest of its week ("Итоги недели: за неделю в Беларусь прибыло 3
    эшелона (около 110 вагонов), из Беларуси убыл 1 эшелон") counts the trains its
    posts told one by one: a tally in every language, whatever it says of the cars.
    In a week of posts, a plan from a region ("из России прибудут еще 2 эшелона") and
    "The second one is expected tomorrow" are the trains that arrived later: linked.
T3. "Ожидаемый эшелон прибыл", "the first of the two expected echelons arrived": the
    adjective describes the train; the verb is the claim.
T5. The briefing's headline counts trains only announced apart from those moving.
T19. The arrival-window note says how many windows came from a route and how many
    as reported.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from railtrack import load_network, load_reports
from railtrack.briefing_html import _headline, window_note
from railtrack.network import RailNetwork
from railtrack.pipeline import track
from railtrack.relays import relay_links
from tests._extract_helpers import read

PUB = date(2023, 3, 18)


# -- T2: a digest of a week is a tally ---------------------------------------------------

_DIGESTS = {
    "ru": "Итоги недели: за неделю в Беларусь прибыло 3 эшелона (около 110 вагонов), "
    "из Беларуси убыл 1 эшелон.",
    "ru-dates-in-heading": "Итоги недели (13–19 марта): в Беларусь прибыло 3 эшелона, убыл 1.",
    "ru-month": "Итоги месяца: в Беларусь прибыло 4 эшелона (около 150 вагонов).",
    "uk": "Підсумки тижня: за тиждень до Білорусі прибули 3 ешелони (близько 110 вагонів), "
    "з Білорусі вибув 1 ешелон.",
    "uk-both-ways": "Цього тижня до Білорусі прибули 3 ешелони з Росії, а з Білорусі вибув 1.",
    "be": "Вынікі тыдня: за тыдзень у Беларусь прыбылі 3 эшалоны (каля 110 вагонаў), "
    "з Беларусі адправіўся 1 эшалон.",
    "pl": "Podsumowanie tygodnia: w ciągu tygodnia na Białoruś przyjechały 3 pociągi "
    "wojskowe (około 110 wagonów), a z Białorusi wyjechał 1.",
    "pl-bilans": "Bilans tygodnia: na Białoruś przyjechały 4 pociągi (około 150 wagonów).",
    "en": "Weekly summary: over the past week, 3 echelons (about 110 cars) arrived in "
    "Belarus and 1 echelon left Belarus.",
    "en-both-ways": "This week 3 military trains arrived in Belarus from Russia, and one "
    "left for Russia.",
    "en-review": "Week in review: 4 echelons with about 150 cars arrived in Belarus.",
}


@pytest.mark.parametrize("key", sorted(_DIGESTS))
def test_a_digest_of_a_week_is_a_tally(key: str) -> None:
    lang = key.split("-")[0]
    result = read(_DIGESTS[key], PUB, lang=lang)
    assert result.shipments == []
    assert result.groups == []
    assert [t.n_trains for t in result.tallies][:1] in ([3], [4])
    assert any("counts trains over a period" in note for note in result.tally_notes())


_STILL_TRAINS = {
    # a station for each train: trains an analyst lists
    "ru": ("На этой неделе из России прибыли 2 эшелона: в Осиповичи и в Лунинец.", "ru"),
    # a digest's list: each dated item is that day's trains
    "ru-list": (
        "Итоги недели:\n- 14 марта: два эшелона из Беларуси в Россию (35 и 28 вагонов)\n",
        "ru",
    ),
    # told one way over a few days with their cars: a group to list (not a digest)
    "en": ("Between 1 and 3 March three trains left Belarus for Russia with 90 cars.", "en"),
}


@pytest.mark.parametrize("key", sorted(_STILL_TRAINS))
def test_trains_told_apart_are_no_digest(key: str) -> None:
    text, lang = _STILL_TRAINS[key]
    result = read(text, PUB, lang=lang)
    assert len(result.shipments) >= 2
    assert result.tallies == []


# -- T3: an adjective of expecting is not the claim ------------------------------------

PUB_C = date(2023, 3, 16)

_ARRIVED = {
    "ru": "Ожидаемый эшелон прибыл в Осиповичи сегодня ночью: 38 платформ и 2 пассажирских вагона.",
    "ru-of-two": "Сегодня ночью в Осиповичи прибыл первый из двух ожидаемых эшелонов — 38 "
    "платформ с БМП и 2 пассажирских вагона.",
    "ru-agreeing": "Долгожданный военный эшелон прибыл в Осиповичи сегодня ночью: 38 платформ.",
    "uk": "Очікуваний ешелон прибув до Осиповичів сьогодні вночі: 38 платформ і 2 "
    "пасажирські вагони.",
    "be": "Чакаемы эшалон прыбыў у Асіповічы сёння ноччу: 38 платформаў і 2 пасажырскія вагоны.",
    "pl": "Oczekiwany pociąg przyjechał do Osipowicz dziś w nocy: 38 platform i 2 wagony "
    "pasażerskie.",
    "en": "Tonight the first of the two expected echelons arrived in Asipovichy: 38 flatcars "
    "and 2 passenger cars.",
    "en-awaited": "The long-awaited train arrived in Asipovichy tonight with 38 flatcars.",
}


@pytest.mark.parametrize("key", sorted(_ARRIVED))
def test_the_expected_train_arrived_is_seen(key: str) -> None:
    lang = key.split("-")[0]
    (ship,) = read(_ARRIVED[key], PUB_C, lang=lang).shipments
    assert ship.claim == "sighted"
    assert ship.expected_arrival is not None


_STILL_EXPECTED = {
    "ru": "Эшелон ожидается в Осиповичи завтра.",
    "ru-arrival-noun": "Ожидаемое прибытие эшелона в Осиповичи — 17 марта.",
    "uk": "Завтра до Осиповичів очікується прибуття ешелону з 30 платформ.",
    "en": "A train is expected in Asipovichy tomorrow.",
}


@pytest.mark.parametrize("key", sorted(_STILL_EXPECTED))
def test_an_expectation_told_is_still_the_claim(key: str) -> None:
    lang = key.split("-")[0]
    ships = read(_STILL_EXPECTED[key], PUB_C, lang=lang).shipments
    assert [s.claim for s in ships] == ["expected"]


# -- T2 (a week of posts): plans linked to the trains they announced ---------------------


@pytest.fixture(scope="module")
def network() -> RailNetwork:
    return load_network()


def _post(folder: Path, name: str, published: str, text: str, url: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    head = f"source: Беларускі Гаюн\nurl: {url}\npublished: {published}\n\n"
    (folder / name).write_text(head + text + "\n", encoding="utf-8")


_PLAN = (
    "По нашим данным, в период с 15 по 17 марта в Осиповичи из России прибудут еще 2 "
    "эшелона с техникой."
)


def _links(folder: Path, network: RailNetwork) -> dict[str, str]:
    resolved = load_reports(folder).resolve(network)
    relays = relay_links(
        resolved.to_frame(),
        sightings=resolved.sightings_frame(),
        region_stations=network.gazetteer.region_stations,
    )
    plans = relays[relays["matched_on"] == "plan"]
    return dict(zip(plans["id"], plans["train"], strict=True))


def test_a_plan_from_a_region_links_to_the_trains_that_came(
    tmp_path: Path, network: RailNetwork
) -> None:
    _post(tmp_path, "a.txt", "2023-03-13", _PLAN, "https://t.me/Hajun_BY/1")
    _post(
        tmp_path,
        "b.txt",
        "2023-03-16",
        "Сегодня ночью в Осиповичи прибыл эшелон — 38 платформ с БМП.",
        "https://t.me/Hajun_EN/2",  # (another channel: no follow-up of the next post)
    )
    _post(
        tmp_path,
        "c.txt",
        "2023-03-17",
        "17 марта в Осиповичи прибыл эшелон из Брянска: 36 платформ с техникой.",
        "https://t.me/Hajun_BY/3",
    )
    # one plan report's two trains: two arrivals, one each
    assert _links(tmp_path, network) == {"a-t1": "b-t1", "a-t2": "c-t1"}


def test_a_plan_links_to_no_train_from_elsewhere_or_out_of_its_window(
    tmp_path: Path, network: RailNetwork
) -> None:
    _post(tmp_path, "a.txt", "2023-03-13", _PLAN, "https://t.me/Hajun_BY/1")
    # from a Belarusian station, not from Russia
    _post(
        tmp_path,
        "b.txt",
        "2023-03-16",
        "16 марта в Осиповичи прибыл эшелон из Орши: 38 платформ.",
        "https://t.me/Hajun_BY/2",
    )
    # after the plan's window
    _post(
        tmp_path,
        "c.txt",
        "2023-03-20",
        "20 марта в Осиповичи прибыл эшелон из Брянска: 36 платформ.",
        "https://t.me/Hajun_BY/3",
    )
    assert _links(tmp_path, network) == {}


def test_the_second_one_expected_tomorrow_is_the_next_days_arrival(
    tmp_path: Path, network: RailNetwork
) -> None:
    _post(
        tmp_path,
        "a.txt",
        "2023-03-16",
        "Tonight the first echelon arrived in Asipovichy: 38 flatcars and 2 passenger cars. "
        "The second one is expected tomorrow.",
        "https://t.me/Hajun_EN/1",
    )
    _post(
        tmp_path,
        "b.txt",
        "2023-03-17",
        "17 марта в 06:10 в Осиповичи прибыл второй эшелон из Брянска: 36 платформ.",
        "https://t.me/Hajun_BY/2",
    )
    assert _links(tmp_path, network) == {"a-t2": "b-t1"}


# -- T5, T19: the briefing -----------------------------------------------------------------


def test_the_headline_counts_announced_trains_apart(tmp_path: Path, network: RailNetwork) -> None:
    _post(tmp_path, "a.txt", "2023-03-13", _PLAN, "https://t.me/Hajun_BY/1")
    _post(
        tmp_path,
        "b.txt",
        "2023-03-12",
        "12 марта на станцию Лунинец прибыл эшелон из 31 платформы из Барановичей.",
        "https://t.me/Hajun_BY/2",
    )
    result = track(load_reports(tmp_path), network, as_of="2023-03-14")
    head = result.headline()
    assert head["shipments"] == 3
    assert head["n_announced"] == 2
    said = _headline(result, ("12 Mar 2023", "14 Mar 2023"), "14 Mar 2023")
    assert said.startswith("1 train with 31 cars reported moving from Baranovichi")
    assert "to Luninets" in said.split("announced")[0]
    assert "2 more trains were announced" in said
    assert "from Russia to Osipovichi-I" in said
    assert "Russia" not in said.split("announced")[0]


def test_the_window_count_splits_by_where_it_came_from(
    tmp_path: Path, network: RailNetwork
) -> None:
    # no origin (not routed), an arrival told: a window as reported, none from a route
    _post(
        tmp_path,
        "a.txt",
        "2023-03-12",
        "12 марта на станцию Лунинец прибыл эшелон из 31 платформы.",
        "https://t.me/Hajun_BY/1",
    )
    head = track(load_reports(tmp_path), network).headline()
    assert head["n_routed"] == 0
    assert head["n_estimated"] == head["n_estimated_as_reported"] == 1
    assert head["n_estimated_from_model"] == 0
    note = window_note(head["n_estimated_from_model"], head["n_estimated_as_reported"])
    assert "routed distance" not in note
    assert note.startswith("1 as its report gives it")


@pytest.mark.parametrize(
    ("from_model", "as_reported", "expected"),
    [
        (3, 0, "3 from the routed distance and a transit model fitted on public trips"),
        (0, 2, "2 as their reports give them (none worked out from a route)"),
        (0, 0, "no train has one"),
    ],
)
def test_window_note(from_model: int, as_reported: int, expected: str) -> None:
    assert window_note(from_model, as_reported) == expected


def test_headline_fields_are_added_not_renamed(tmp_path: Path, network: RailNetwork) -> None:
    _post(tmp_path, "a.txt", "2023-03-13", _PLAN, "https://t.me/Hajun_BY/1")
    head = track(load_reports(tmp_path), network, as_of="2023-03-14").headline()
    assert {"shipments", "n_estimated", "n_routed", "n_unrouted"} <= set(head)
    assert head["n_announced"] == head["shipments"] == 2

"""Article-shape findings of a new user's trial (issue 13, trial 10 T1, T4, T9, T12, T13, T16).

Each finding stands for a kind, tested in every language it concerns with short inputs
written here:

T1. A headline or lead counting trains ("два эшелона", "two trains", "dwa transporty")
    announces a group whose members are the trains told after it: the train told next
    in the singular is its first member, with its own places, date and count; "второй /
    другий / другі / second / drugi" starts the second with its own; "В тот же день /
    Того ж дня / On the same day / Tego samego dnia" is the day told last.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests._extract_helpers import ends, read

PUB18 = date(2023, 3, 18)

# -- T1. a headline's count, then each train told on its own -----------------------------

_ARTICLE = {
    "ru": (
        "Из Беларуси в Россию ушли еще два эшелона с техникой\n\n"
        "17 марта из Осиповичей в направлении Брянска отправился эшелон из 35 платформ, "
        "сообщает «Беларускі Гаюн».\n\n"
        "В тот же день со станции Барановичи в Россию ушел второй эшелон из 28 вагонов.",
        [("Осиповичей", "Брянска"), ("Барановичи", "Россию")],
    ),
    "uk": (
        "Із Білорусі до Росії вирушили ще два ешелони з технікою\n\n"
        "17 березня з Осиповичів у напрямку Брянська вирушив ешелон із 35 платформ, "
        "повідомляє «Білоруський Гаюн».\n\n"
        "Того ж дня зі станції Барановичі до Росії вирушив другий ешелон із 28 вагонів.",
        [("Осиповичів", "Брянська"), ("Барановичі", "Росії")],
    ),
    "be": (
        "З Беларусі ў Расію пайшлі яшчэ два эшалоны з тэхнікай\n\n"
        "17 сакавіка з Асіповіч у напрамку Бранска адправіўся эшалон з 35 платформаў, "
        "паведамляе «Беларускі Гаюн».\n\n"
        "У той жа дзень са станцыі Баранавічы ў Расію пайшоў другі эшалон з 28 вагонаў.",
        [("Асіповіч", "Бранска"), ("Баранавічы", "Расію")],
    ),
    "pl": (
        "Kolejne dwa transporty wojskowe wyjechały z Białorusi do Rosji\n\n"
        "17 marca z Osipowicz w kierunku Briańska wyjechał pociąg z 35 platformami, "
        "podaje Białoruski Hajun.\n\n"
        "Tego samego dnia ze stacji Baranowicze do Rosji wyjechał drugi pociąg z 28 wagonami.",
        [("Osipowicz", "Briańska"), ("Baranowicze", "Rosji")],
    ),
    "en": (
        "Two more military trains left Belarus for Russia\n\n"
        "On March 17 a train of 35 flatcars left Asipovichy towards Bryansk, "
        "Belarusian Hajun reported.\n\n"
        "On the same day the second train, of 28 cars, left Baranavichy for Russia.",
        [("Asipovichy", "Bryansk"), ("Baranavichy", "Russia")],
    ),
}


@pytest.mark.parametrize("lang", sorted(_ARTICLE))
def test_a_headline_count_announces_the_trains_told_after_it(lang: str) -> None:
    text, places = _ARTICLE[lang]
    result = read(text, published=PUB18)
    assert ends(result) == places
    assert [s.cars.total for s in result.shipments] == [35, 28]
    days = [s.departure.earliest if s.departure else None for s in result.shipments]
    assert days == [date(2023, 3, 17), date(2023, 3, 17)]
    (group,) = result.groups
    assert group.n_trains == 2
    assert group.cars.total is None  # the first train's 35 is no group total
    assert {s.group for s in result.shipments} == {group.id}


@pytest.mark.parametrize(
    ("text", "places", "cars"),
    [
        # the headline restated in the lead, then each train told on its own
        (
            "Два эшелона ушли из Беларуси в Россию. 8 марта эшелон из 40 вагонов ушёл из "
            "Слонима в Валуйки. Второй эшелон — 45 вагонов — ушёл из Лунинца в Клинцы.",
            [("Слонима", "Валуйки"), ("Лунинца", "Клинцы")],
            [40, 45],
        ),
        # the second told with a dash before its count, after the verb
        (
            "17 марта из Осиповичей в направлении Брянска отправился эшелон из 35 платформ. "
            "В тот же день со станции Барановичи в Россию ушел второй эшелон — 28 вагонов.",
            [("Осиповичей", "Брянска"), ("Барановичи", "Россию")],
            [35, 28],
        ),
        (
            "Dwa pociągi wyjechały z Białorusi. 8 marca pociąg z 40 wagonami wyjechał ze "
            "Słonimia do Wałujek. Drugi pociąg z 45 wagonami wyjechał z Łunińca do Klińców.",
            [("Słonimia", "Wałujek"), ("Łunińca", "Klińców")],
            [40, 45],
        ),
    ],
)
def test_each_train_after_the_announcement_keeps_its_own_facts(
    text: str, places: list[tuple[str, str]], cars: list[int]
) -> None:
    result = read(text, published=PUB18)
    assert ends(result) == places
    assert [s.cars.total for s in result.shipments] == cars


@pytest.mark.parametrize(
    "text",
    [
        # the trains in the plural, a total, a count for each: still the group's
        "Два эшелона ушли из Беларуси. Эшелоны 8 марта прибыли в Валуйки.",
        "Два эшелона ушли из Беларуси 8 марта. Всего в них 80 вагонов.",
    ],
)
def test_words_about_the_trains_together_stay_the_groups(text: str) -> None:
    result = read(text, published=PUB18)
    (group,) = result.groups
    assert group.n_trains == 2
    assert len(result.shipments) == 2
    assert ends(result)[0] == ends(result)[1]  # both members share the group's words


@pytest.mark.parametrize(
    "text",
    [
        "On March 17 a train left Asipovichy. On the same day another train left Baranavichy.",
        "On March 17 a train left Asipovichy. Later that day a second train left Baranavichy.",
        "17 марта эшелон ушёл из Осиповичей. В тот же день другой эшелон ушёл из Барановичей.",
        "17 marca pociąg wyjechał z Osipowicz. "
        "Tego samego dnia drugi pociąg wyjechał z Baranowicz.",
    ],
)
def test_the_same_day_is_the_day_told_last(text: str) -> None:
    result = read(text, published=PUB18)
    assert len(result.shipments) == 2
    assert [s.departure.earliest if s.departure else None for s in result.shipments] == [
        date(2023, 3, 17),
        date(2023, 3, 17),
    ]


def test_the_first_in_history_after_its_verb_is_the_train_told() -> None:
    result = read("Pierwszy pociąg dotarł do Gdańska. 10 dni jechał pierwszy pociąg z Chin.")
    assert len(result.shipments) == 1

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
from pathlib import Path

import pytest

from railtrack import load_reports
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


_PAGE = """<!DOCTYPE html>
<html lang="ru"><head><meta charset="utf-8">
<title>Из Беларуси в Россию ушли еще два эшелона с техникой</title>
<link rel="canonical" href="https://news.example.org/2023/03/18/eshelony">
<meta property="og:site_name" content="Пример Новости">
<meta property="article:published_time" content="2023-03-18T10:00:00+03:00">
</head><body><article>
<h1>Из Беларуси в Россию ушли еще два эшелона с техникой</h1>
<p>17 марта из Осиповичей в направлении Брянска отправился эшелон из 35 платформ с БМП-2,
сообщает «Беларускі Гаюн».</p>
<p>В тот же день со станции Барановичи в Россию ушел второй эшелон из 28 вагонов.</p>
</article></body></html>
"""


def test_a_saved_page_of_the_article_gives_both_trains(tmp_path: Path) -> None:
    (tmp_path / "article.html").write_text(_PAGE, "utf-8")
    ships = sorted(load_reports(tmp_path).shipments, key=lambda s: s.id)
    assert [s.origin.text if s.origin else None for s in ships] == ["Осиповичей", "Барановичи"]
    assert [s.cars.total for s in ships] == [35, 28]
    assert [str(s.departure.earliest) if s.departure else None for s in ships] == [
        "2023-03-17",
        "2023-03-17",
    ]


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


# -- T4. a load after "with" is no origin ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "origin"),
    [
        ("17 марта эшелон из 35 платформ с БМП-2 ушёл из Осиповичей в Брянск.", "Осиповичей"),
        ("Перший — 35 платформ із БМП-2 — рушив з Осиповичів у напрямку Брянська.", "Осиповичів"),
        ("17 сакавіка эшалон з 30 платформаў з БМП-2 пайшоў з Асіповіч у Бранск.", "Асіповіч"),
        ("17 marca pociąg z 30 platformami z BMP-2 wyjechał z Osipowicz do Briańska.", "Osipowicz"),
        ("17 марта эшелон с Т-72Б3 ушёл из Осиповичей в Брянск.", "Осиповичей"),
        ("17 марта эшелон с танками и БТР ушёл из Осиповичей в Брянск.", "Осиповичей"),
    ],
)
def test_a_load_after_with_is_no_origin(text: str, origin: str) -> None:
    (s,) = read(text, published=PUB18).shipments
    assert s.origin is not None
    assert s.origin.text == origin


def test_a_load_with_no_origin_leaves_the_origin_unknown() -> None:
    text = (
        "14 сакавіка праз станцыю Орша ў бок Смаленска праехаў эшалон: "
        "30 платформаў з БМП-2 і 2 пасажырскія вагоны."
    )
    (s,) = read(text, published=date(2023, 3, 14)).shipments
    assert s.origin is None
    assert [v.text for v in s.via] == ["Орша"]


# -- T9. a make-up sentence describes the train just told ---------------------------------


@pytest.mark.parametrize(
    ("text", "places", "cars"),
    [
        (
            "13 марта эшелон ушёл из Орши в Смоленск. В составе 30 платформ с БМП-2.",
            ("Орши", "Смоленск"),
            30,
        ),
        (
            "13 березня ешелон вирушив з Орші до Смоленська. У складі 30 платформ з БМП-2.",
            ("Орші", "Смоленська"),
            30,
        ),
        (
            "13 сакавіка эшалон пайшоў з Оршы ў Смаленск. У складзе 30 платформаў з БМП-2.",
            ("Оршы", "Смаленск"),
            30,
        ),
        (
            "13 marca pociąg wyjechał z Orszy do Smoleńska. W składzie 30 platform z BMP-2.",
            ("Orszy", "Smoleńska"),
            30,
        ),
        (
            "13 марта эшелон ушёл из Орши в Смоленск. В составе 42 вагона, из них 30 платформ "
            "с танками.",
            ("Орши", "Смоленск"),
            42,
        ),
    ],
)
def test_a_make_up_sentence_is_the_train_just_told(
    text: str, places: tuple[str, str], cars: int
) -> None:
    result = read(text, published=date(2023, 3, 14))
    assert ends(result) == [places]
    assert result.shipments[0].cars.total == cars


def test_the_second_one_in_its_own_sentence_is_the_groups_second() -> None:
    text = (
        "Two more Russian military echelons left Belarus for Russia on March 17, the "
        "Belarusian Hajun monitoring group reported. The first train, with 35 flatcars "
        "carrying BMP-2 infantry fighting vehicles, departed from Asipovichy towards "
        "Bryansk. The second one, consisting of 28 cars, left Baranavichy."
    )
    result = read(text, published=PUB18)
    assert [s.origin.text if s.origin else None for s in result.shipments] == [
        "Asipovichy",
        "Baranavichy",
    ]
    assert [s.cars.total for s in result.shipments] == [35, 28]
    assert all(s.group == result.groups[0].id for s in result.shipments)


# -- T13. telegraphic notes with no verb ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("8 марта эшелон из Орши в Брянск, 40 вагонов.", ("Орши", "Брянск")),
        ("8 березня ешелон з Орші до Брянська, 40 вагонів.", ("Орші", "Брянська")),
        ("8 сакавіка эшалон з Оршы ў Бранск, 40 вагонаў.", ("Оршы", "Бранск")),
        ("8 marca pociąg z Orszy do Briańska, 40 wagonów.", ("Orszy", "Briańska")),
        ("March 8: a train from Orsha to Bryansk, 40 cars.", ("Orsha", "Bryansk")),
        ("8 марта эшелон со станции Орша в Брянск, 40 вагонов.", ("Орша", "Брянск")),
    ],
)
def test_a_trip_noted_with_no_verb_is_dated_and_routed(text: str, places: tuple[str, str]) -> None:
    result = read(text, published=date(2023, 3, 14))
    assert ends(result) == [places]
    (s,) = result.shipments
    assert s.departure is not None
    assert s.departure.earliest == date(2023, 3, 8)
    assert s.cars.total == 40


@pytest.mark.parametrize(
    ("text", "places"),
    [
        (
            "Два эшелона покинули Беларусь 8 марта: первый — из Слонима в Валуйки "
            "(48 платформ), второй — из Лунинца в Клинцы (40 вагонов).",
            [("Слонима", "Валуйки"), ("Лунинца", "Клинцы")],
        ),
        (
            "Два эшалоны пакінулі Беларусь 8 сакавіка: першы — са Слоніма ў Валуйкі "
            "(48 платформаў), другі — з Лунінца ў Клінцы (40 вагонаў).",
            [("Слоніма", "Валуйкі"), ("Лунінца", "Клінцы")],
        ),
        (
            "8 марта первый эшелон ушёл из Слонима в Валуйки (48 платформ), второй — из "
            "Лунинца в Клинцы (40 вагонов).",
            [("Слонима", "Валуйки"), ("Лунинца", "Клинцы")],
        ),
    ],
)
def test_each_train_of_a_telegraphic_pair_has_its_ends_and_day(
    text: str, places: list[tuple[str, str]]
) -> None:
    result = read(text, published=date(2023, 3, 14))
    assert ends(result) == places
    assert [s.cars.total for s in result.shipments] == [48, 40]
    assert [s.departure.earliest if s.departure else None for s in result.shipments] == [
        date(2023, 3, 8),
        date(2023, 3, 8),
    ]


# -- T16. a group total in brackets ---------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # (on one day: counted over a span of days they are a tally, trial10 T2, tested in
        # test_extract_trial11_tally.py)
        "17 марта из Беларуси в Россию убыло не менее 4 эшелонов (около 180 вагонов).",
        "17 березня з Білорусі до Росії вирушило щонайменше 4 ешелони (близько 180 вагонів).",
        "17 сакавіка з Беларусі ў Расію адправілася не менш за 4 эшалоны (каля 180 вагонаў).",
        "17 marca z Białorusi do Rosji wyjechały co najmniej 4 pociągi (około 180 wagonów).",
        "On March 17, at least 4 trains (about 180 cars) left Belarus for Russia.",
    ],
)
def test_a_bracketed_total_after_n_trains_is_the_groups(text: str) -> None:
    result = read(text, published=date(2023, 3, 18))
    assert [g.cars.total for g in result.groups] == [180]
    assert all(s.cars.total is None for s in result.shipments)
    assert not [p for p in result.problems if "can carry" in p]


def test_po_before_a_count_of_cars_is_still_each() -> None:
    result = read("5 марта из Беларуси в Россию ушли 3 эшелона по 40 вагонов.")
    assert [s.cars.total for s in result.shipments] == [40, 40, 40]


# -- T12. a note of a train seen ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "station"),
    [
        ("Эшелон 13 марта в 19:40 на станции Жлобин: 38 платформ с техникой.", "Жлобин"),
        ("Ешелон 13 березня о 19:40 на станції Жлобін: 38 платформ з технікою.", "Жлобін"),
        ("Эшалон 13 сакавіка ў 19:40 на станцыі Жлобін: 38 платформаў з тэхнікай.", "Жлобін"),
        ("Pociąg 13 marca o 19:40 na stacji Żłobin: 38 platform ze sprzętem.", "Żłobin"),
    ],
)
def test_a_note_of_a_train_seen_is_a_sighting(text: str, station: str) -> None:
    result = read(text, published=date(2023, 3, 14))
    (s,) = result.shipments
    assert s.cars.total == 38
    assert [(x.station.text, x.seen_at.date()) for x in result.sightings] == [
        (station, date(2023, 3, 13))
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Echelon, March 13, 19:40: 38 flatcars with equipment.",
        "Ешелон 13 березня о 19:40: 38 платформ з технікою.",
    ],
)
def test_a_train_named_and_nothing_read_is_said(text: str) -> None:
    result = read(text, published=date(2023, 3, 14))
    assert not result.shipments  # (no place: nothing to track)
    assert any("names a train" in p for p in result.problems)


@pytest.mark.parametrize(
    "text",
    [
        "A heritage train with vintage carriages left York on 3 March.",
        "Russian forces launched 23 attacks near Bakhmut.",
    ],
)
def test_no_problem_where_no_train_is_told(text: str) -> None:
    assert not [p for p in read(text).problems if "names a train" in p]

"""Kinds of misreading found on unseen Polish and Ukrainian reports in session 19 (issue 13).

Every input is written here (not copied from a corpus or a trial input); each stands
for a kind, and the assertions are about the kind, never about one text.
"""

from datetime import date

import pytest
from _extract_helpers import read

# -- a train seen at a place "where later" it was seen heading on: the later heading is
# the end, the place before it a place passed (r1060's kind: "рух ... у напрямку Орші, де
# пізніше цей ешелон помітили вже у напрямку до РФ") ------------------------------------


@pytest.mark.parametrize(
    ("text", "passed", "end"),
    [
        (
            "Ешелон з технікою рухався у напрямку Орші, де пізніше цей ешелон помітили вже "
            "у напрямку Смоленська.",
            "Орші",
            "Смоленська",
        ),
        (
            "Ешелон з танками йшов до Жлобина, де згодом його бачили у бік Гомеля.",
            "Жлобина",
            "Гомеля",
        ),
        (
            "Эшелон с техникой двигался в направлении Орши, где позже этот эшелон заметили "
            "уже в направлении Смоленска.",
            "Орши",
            "Смоленска",
        ),
        (
            "Эшалон з тэхнікай рухаўся ў напрамку Оршы, дзе пазней гэты эшалон заўважылі "
            "ўжо ў напрамку Смаленска.",
            "Оршы",
            "Смаленска",
        ),
        (
            "Eszelon ze sprzętem jechał w kierunku Orszy, gdzie później ten eszelon "
            "zauważono już w kierunku Smoleńska.",
            "Orszy",
            "Smoleńska",
        ),
        (
            "The echelon was moving towards Orsha, where it was later seen heading towards "
            "Smolensk.",
            "Orsha",
            "Smolensk",
        ),
    ],
)
def test_a_heading_seen_later_is_the_end_and_the_place_before_it_is_passed(text, passed, end):
    result = read(text)
    assert len(result.shipments) == 1
    train = result.shipments[0]
    assert train.destination is not None
    assert train.destination.text == end
    assert [v.text for v in train.via] == [passed]


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("Ешелон з технікою прибув до Орші, де його розвантажили.", "Орші"),
        ("Эшелон с техникой прибыл в Оршу, где позже разгрузили технику.", "Оршу"),
        ("Pociąg ze sprzętem przyjechał do Orszy, gdzie rozładowano czołgi.", "Orszy"),
    ],
)
def test_a_place_where_the_train_was_unloaded_stays_its_end(text, end):
    """No heading after "where": the place reached is still the end, nothing is passed."""
    result = read(text)
    assert len(result.shipments) == 1
    train = result.shipments[0]
    assert train.destination is not None
    assert train.destination.text == end
    assert list(train.via) == []


@pytest.mark.parametrize(
    ("text", "passed", "end"),
    [
        (
            "Ешелон з технікою рухався у напрямку Орші, де пізніше цей ешелон помітили вже "
            "у напрямку до РФ.",
            "Орші",
            "РФ",
        ),
        (
            "Ешелон з технікою прибув до Орші, після чого був направлений до Росії.",
            "Орші",
            "Росії",
        ),
        ("Эшелон прибыл в Оршу, после чего был направлен в Россию.", "Оршу", "Россию"),
        (
            "Eszelon przyjechał do Orszy, gdzie później zauważono go w kierunku Rosji.",
            "Orszy",
            "Rosji",
        ),
    ],
)
def test_a_country_told_as_the_later_goal_is_the_end(text, passed, end):
    """Only a country follows the end-of-route words: it is the end, the station passed."""
    train = read(text).shipments[0]
    assert train.destination is not None
    assert train.destination.text == end
    assert [v.text for v in train.via] == [passed]


def test_a_named_place_after_the_later_goal_words_wins_over_a_country():
    text = "Эшелон прибыл в Оршу, после чего был направлен в Россию, на станцию Смоленск."
    train = read(text).shipments[0]
    assert train.destination is not None
    assert train.destination.text == "Смоленск"


def test_a_country_in_the_next_sentence_is_not_the_later_goal():
    """End-of-route words name no goal across a sentence: a quote after them is its own."""
    text = (
        "В четверг из Киева в китайский город Цзинань отправился контейнерный поезд. "
        "Конечная точка маршрута, город Цзинань, расположен в китайской провинции Шаньдун.\n"
        "«В Китай из нашей страны отправлено 43 контейнера на 31 платформе», — добавил "
        "директор."
    )
    assert [s.destination.text for s in read(text).shipments if s.destination] == ["Цзинань"]


# -- a train "launched" on a day left on that day (r1022's kind: "поезд, который был
# запущен 15 января 2016 года": the launch day was read as the arrival's) --------------


@pytest.mark.parametrize(
    "text",
    [
        "Первый грузовой поезд, который был запущен 15 января из Киева, прибыл в Стамбул "
        "20 января.",
        "Перший вантажний потяг, який був запущений 15 січня з Києва, прибув до Стамбула 20 січня.",
        "Першы грузавы цягнік, які быў запушчаны 15 студзеня з Мінска, прыбыў у Стамбул "
        "20 студзеня.",
        "Pierwszy pociąg towarowy, który wystartował 15 stycznia z Kijowa, dotarł do "
        "Stambułu 20 stycznia.",
    ],
)
def test_a_train_launched_on_a_day_left_that_day(text):
    train = read(text, published=date(2022, 2, 1)).shipments[0]
    assert train.departure is not None
    assert train.departure.earliest == date(2022, 1, 15)
    assert train.expected_arrival is not None
    assert train.expected_arrival.earliest == date(2022, 1, 20)


@pytest.mark.parametrize(
    "text",
    [
        "15 января был запущен новый сайт Укрзализныци.",
        "З 15 січня запущено новий сайт перевізника.",
    ],
)
def test_something_launched_that_is_no_train_is_no_shipment(text):
    assert read(text, published=date(2022, 2, 1)).shipments == []


# -- a lone train at a station told only by its region, undated (r1061's kind: "прибуття
# ... на один із залізничних вокзалів у Воронезькій області"): the region is kept, as it is
# when a day is told ("left a station in the Voronezh region on 3 January") -----------------


@pytest.mark.parametrize(
    ("text", "region"),
    [
        (
            "Ешелон з танками прибув на залізничну станцію у Воронезькій області.",
            "Воронезькій області",
        ),
        ("Ешелон з танками прибув на станцію в Бєлгородській області.", "Бєлгородській області"),
        (
            "Эшелон с танками прибыл на железнодорожную станцию в Воронежской области.",
            "Воронежской области",
        ),
        (
            "Эшалон з танкамі прыбыў на чыгуначную станцыю ў Варонежскай вобласці.",
            "Варонежскай вобласці",
        ),
        (
            "The train with tanks arrived at a railway station in the Voronezh region.",
            "Voronezh region",
        ),
    ],
)
def test_a_train_at_a_station_told_by_its_region_is_kept(text, region):
    result = read(text, published=date(2021, 11, 9))
    assert [s.destination.text for s in result.shipments if s.destination] == [region]


@pytest.mark.parametrize(
    "text",
    [
        "Ешелон з танками прибув до Воронезької області.",
        "Эшелон с танками прибыл в Воронежскую область.",
        "The train with tanks arrived in Belarus.",
    ],
)
def test_a_lone_undated_train_to_a_region_or_country_with_no_station_stays_news(text):
    """No station word before the region: news about trains in general, as before."""
    assert read(text, published=date(2021, 11, 9)).shipments == []


# -- a second leg joined by "and": its place is the end, the first a place passed (r1006's
# kind: "Later, the train headed to Orsha and left for Osipovichi") ------------------------


@pytest.mark.parametrize(
    ("text", "passed", "end"),
    [
        (
            "On December 20 the train headed to Orsha and left for Osipovichi.",
            "Orsha",
            "Osipovichi",
        ),
        ("20 декабря эшелон направился в Оршу и ушёл на Осиповичи.", "Оршу", "Осиповичи"),
        ("20 грудня ешелон попрямував до Орші та вирушив на Осиповичі.", "Орші", "Осиповичі"),
        ("20 снежня эшалон накіраваўся ў Оршу і адправіўся на Асіповічы.", "Оршу", "Асіповічы"),
        (
            "20 grudnia eszelon skierował się do Orszy i odjechał do Osipowicz.",
            "Orszy",
            "Osipowicz",
        ),
    ],
)
def test_a_second_leg_joined_by_and_is_the_end(text, passed, end):
    train = read(text, published=date(2022, 12, 21)).shipments[0]
    assert train.destination is not None
    assert train.destination.text == end
    assert [v.text for v in train.via] == [passed]


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("20 декабря эшелон прибыл в Оршу и простоял там сутки.", "Оршу"),
        ("On December 20 the train arrived in Orsha and was unloaded.", "Orsha"),
        ("On January 30 the train reached Balkhash and left at the station.", "Balkhash"),
        (
            "20 декабря эшелон прибыл в Оршу и проследовал через Смоленск, Вязьму и Москву.",
            "Оршу",
        ),
    ],
)
def test_a_stay_a_train_left_behind_or_places_passed_after_and_are_no_second_leg(text, end):
    train = read(text, published=date(2022, 12, 21)).shipments[0]
    assert train.destination is not None
    assert train.destination.text == end

"""The failure kinds seen on real reports (issue 13), each as a kind, in several languages."""

from datetime import date

import pytest

from railtrack.extract import extract_shipments

PUB = date(2023, 3, 10)


def read(text, published=PUB):
    return extract_shipments(text, published=published, network=False)


def one(text, published=PUB):
    (s,) = read(text, published).shipments
    return s


@pytest.mark.parametrize(
    "text",
    [
        "On 8 марта a train of 40 cars left Slonim for Valuyki.",
        "On 8 березня a train of 40 cars left Slonim for Valuyki.",
        "On 8 marca a train of 40 cars left Slonim for Valuyki.",
    ],
)
def test_1_a_month_name_of_another_language_in_english(text):
    s = one(text)
    assert s.departure.earliest == date(2023, 3, 8)
    assert s.cars.total == 40


@pytest.mark.parametrize(
    "text",
    [
        "The first batch of trucks left Slonim on 8 March and arrived at Polonka on 10 March.",
        "Первая партия грузовиков отправилась из Слонима 8 марта и прибыла в Полонку 10 марта.",
    ],
)
def test_2_a_batch_is_a_train(text):
    s = one(text)
    assert s.departure.earliest == date(2023, 3, 8)
    assert s.expected_arrival.earliest == date(2023, 3, 10)


@pytest.mark.parametrize(
    "text",
    [
        "Another military train left Belarus for Russia. A military echelon left the Slonim "
        "station on 8 March for Valuyki. The echelon consists of 40 cars.",
        "Очередной эшелон отправился из Беларуси в Россию. Сообщается, что со станции Слоним "
        "8 марта был отправлен очередной эшелон в Валуйки. Всего в эшелоне 40 вагонов.",
    ],
)
def test_3_a_headline_and_lead_restating_the_detail_are_one_train(text):
    s = one(text)
    assert s.departure.earliest == date(2023, 3, 8)
    assert s.destination.text in ("Valuyki", "Валуйки")
    assert s.cars.total == 40


@pytest.mark.parametrize(
    ("text", "destination"),
    [
        ("The train is probably going to Ukraine; it will be unloaded near Belgorod.", "Belgorod"),
        ("Эшелон, вероятно, идёт в Украину; его разгрузят под Белгородом.", "Белгородом"),
    ],
)
def test_4_a_specific_place_given_later_beats_a_general_destination(text, destination):
    assert one(text).destination.text == destination


def test_5_a_unit_ordinal_is_not_a_day():
    s = one("Tanks of the 4th Guards Tank Division arrived in Belgorod by train.")
    assert s.expected_arrival is None
    s = one("Танки 4-й гвардейской танковой дивизии прибыли эшелоном в Белгород.")
    assert s.expected_arrival is None


def test_6_an_adjective_between_the_article_and_the_station():
    assert one("A military echelon is heading to the nearby Valuyki station.").destination.text == (
        "Valuyki"
    )


@pytest.mark.parametrize(
    "text",
    [
        "Military echelons arrived overnight from Saturday to Sunday in Valuyki.",
        "A train arrived in Valuyki on the night from Saturday to Sunday.",
        "Эшелон прибыл в Валуйки в ночь с субботы на воскресенье.",
        "Pociąg przyjechał do Wałujek w nocy z soboty na niedzielę.",
    ],
)
def test_7_a_night_named_by_weekdays_is_a_two_day_window(text):
    window = one(text).expected_arrival
    assert (window.earliest, window.latest) == (date(2023, 3, 4), date(2023, 3, 5))


@pytest.mark.parametrize(
    "text",
    [
        "The echelon arrived in Valuyki. It happened on 5 March.",
        "Эшелон прибыл в Валуйки. Это произошло 5 марта.",
    ],
)
def test_8_an_arrival_date_in_the_next_sentence(text):
    assert one(text).expected_arrival.earliest == date(2023, 3, 5)


@pytest.mark.parametrize(
    ("text", "days", "total"),
    [
        ("On 15 and 17 June, 87 empty wagons were sent from Orsha to Kapustin Yar.", [15, 17], 87),
        ("15 и 17 июня из Орши в Капустин Яр отправили 87 пустых вагонов.", [15, 17], 87),
        ("15 i 17 czerwca z Orszy do Kapustina Jaru wysłano 87 pustych wagonów.", [15, 17], 87),
    ],
)
def test_9_several_dates_are_several_trains(text, days, total):
    r = read(text, published=date(2023, 6, 20))
    assert [s.departure.earliest.day for s in r.shipments] == days
    assert len({s.group for s in r.shipments}) == 1
    assert r.groups[0].cars.total == total
    assert all(s.cars.total is None for s in r.shipments)


@pytest.mark.parametrize(
    "text",
    [
        "Military trains were seen on 11, 14, 15 and 16 May.",
        "Pociągi wojskowe zauważono 11, 14, 15 i 16 maja.",
        "Эшелоны заметили 11, 14, 15 и 16 мая.",
    ],
)
def test_9_trains_seen_on_a_list_of_days(text):
    # each train keeps its own day (trial F20): the day it was seen on the move is the
    # earliest day it is known to have left, never the publication day
    r = read(text, published=date(2023, 5, 19))
    assert [s.departure.earliest.day for s in r.shipments] == [11, 14, 15, 16]
    assert all(s.departure.latest == s.departure.earliest for s in r.shipments)
    assert all(s.expected_arrival is None for s in r.shipments)


@pytest.mark.parametrize(
    "text",
    [
        "A military train left a station in the Voronezh region on 3 January.",
        "Военный эшелон отправился со станции в Воронежской области 3 января.",
    ],
)
def test_10_a_station_in_a_region_is_a_region_origin(text):
    s = one(text, published=date(2023, 1, 10))
    assert "Воронеж" in s.origin.text or "Voronezh" in s.origin.text
    assert s.departure.earliest == date(2023, 1, 3)


@pytest.mark.parametrize(
    "text",
    [
        "Two trains left Slonim for Matveev Kurgan: one on March 2 with 40 cars and another "
        "on March 4 with 45 cars.",
        "Два эшелона отправились из Слонима в Матвеев Курган: первый 2 марта с 40 вагонами, "
        "второй 4 марта с 45 вагонами.",
    ],
)
def test_11_counts_per_train_in_one_list(text):
    r = read(text)
    assert [(s.departure.earliest.day, s.cars.total) for s in r.shipments] == [(2, 40), (4, 45)]
    assert r.groups[0].cars.total in (None, 85)


def test_12_a_station_before_its_verb():
    s = one("Nieklinovka received a train of 30 flatcars on March 4.")
    assert s.destination.text == "Nieklinovka"
    assert s.expected_arrival.earliest == date(2023, 3, 4)
    assert s.cars.flat == 30


@pytest.mark.parametrize(
    ("text", "via"),
    [
        ("A train from Gomel heading to Kursk was spotted in Bryansk on March 6.", "Bryansk"),
        ("Эшелон из Гомеля в Курск 6 марта заметили в Брянске.", "Брянске"),
        ("Pociąg z Homla do Kurska zauważono 6 marca w Briańsku.", "Briańsku"),
    ],
)
def test_13_a_sighting_on_the_way_is_a_via_point_and_a_sighting(text, via):
    r = read(text)
    (s,) = r.shipments
    assert [v.text for v in s.via] == [via]
    (seen,) = r.sightings
    assert seen.station.text == via
    assert seen.seen_at.date() == date(2023, 3, 6)
    assert seen.shipment == s.id


def test_open_top_cars_are_counted_as_other_cars():
    s = one("The first container train numbering 56 open-top cars has left Nakhodka.")
    assert (s.cars.other, s.cars.total) == (56, 56)


def test_a_named_rail_line_is_not_a_place():
    r = read("Supplies were brought by train via the Homel-Kyiv rail line to Chernihiv.")
    assert all("Homel" not in (v.text for v in s.via) for s in r.shipments)
    assert all(s.destination is None or "Homel" not in s.destination.text for s in r.shipments)


@pytest.mark.parametrize(
    "text",
    [
        "A special train of 15 cars headed for Belarus. Last night it arrived in Orsha.",
        "Skład z 15 wagonami kierował się na Białoruś. Nocą eszelon przybył do Orszy.",
        "Эшелон из 15 вагонов шел в Беларусь. Ночью эшелон прибыл в Оршу.",
    ],
)
def test_last_night_is_the_night_before_the_report_a_two_day_window(text):
    # trial F10: a report of Sunday 8 January telling of "Nocą": the night 7-8 January
    r = read(text, published=date(2023, 1, 8))
    arrival = r.shipments[-1].expected_arrival
    assert (arrival.earliest, arrival.latest) == (date(2023, 1, 7), date(2023, 1, 8))


def test_an_earlier_train_between_countries_told_beside_the_tracked_one_is_background():
    # trial F43: the main train's specific origin beats "Britain"; "the first train from
    # China to Britain arrived on January 18" is news of another train, countries only
    r = read(
        "The first-ever freight train from Britain to China started its mammoth journey "
        "on 9th April. The 32-container train left from the vast London Gateway container "
        "port, bound for Yiwu. The first train from China to Britain arrived on January 18.",
        published=date(2017, 4, 10),
    )
    (s,) = r.shipments
    assert (s.origin.text, s.destination.text) == ("London Gateway", "Yiwu")
    assert s.departure.earliest == date(2017, 4, 9)


def test_a_lone_train_between_countries_is_no_shipment():
    # trial F43 and the README's rule: ends that are only countries are news about
    # trains in general, dated or not ("A train carrying Russian troops arrived in
    # Belarus"); precision first: a false shipment is worse than a missed one
    assert read("A container train from Ukraine reached China on 31 January.").shipments == []
    assert read("A train with troops arrived in Belarus from Russia on Friday.").shipments == []


def test_a_counted_train_between_countries_is_kept():
    # a count makes it a volume one can add up, even without a station
    (s,) = read("A train of 41 cars from Ukraine reached China on 31 January.").shipments
    assert (s.cars.total, s.expected_arrival.earliest) == (41, date(2023, 1, 31))


def test_a_leg_of_the_same_train_is_no_second_shipment():
    # trial F40: "working the final section from Duisberg to London" is a leg of the train
    r = read(
        "The first container train between China and the UK has arrived at Barking. "
        "DB Cargo was responsible for working the final section from Duisberg to London. "
        "The starting point was Yiwu in the eastern Chinese province of Zhejiang.",
        published=date(2017, 1, 18),
    )
    (s,) = r.shipments
    assert (s.origin.text, s.destination.text) == ("Yiwu", "Barking")

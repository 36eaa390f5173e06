"""Polish reading on real reports (issue 13), kinds from trial12 and the Polish corpus.

S6 "od strony Mińska" / "со стороны Минска" / "з боку Мінська" / "from the direction of
Minsk": the side a train came from is its origin when no other origin is told, else a
place passed (lexicon key ``place_cues.approach``).
S3 "41 wagonów, w tym 3 osobowe": the passenger cars of a train counted in all, also
with the noun left out before a dash; a total beyond its passenger cars is no
passenger service (the train was dropped as one).
S5 "Jego dalszym celem ma być Jelsk": a further destination named after the station
reached is the end of the route (lexicon ``final_stop``), the station a place passed.
S4 Belarusian Łacinka written "stanciju" (for "stancyju") reads the station passed and
its date.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests._extract_helpers import ends, read

PUB = date(2023, 4, 12)

# -- S6: the side a train came from -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "origin", "destination"),
    [
        ("10 kwietnia do Łunińca od strony Baranowicz przyjechał pociąg z 31 platformami.",
         "pl", "Baranowicz", "Łunińca"),
        ("10 kwietnia pociąg z 30 wagonami dotarł do Homla od strony Żłobina.",
         "pl", "Żłobina", "Homla"),
        ("10 апреля со стороны Орши в Смоленск прибыл эшелон из 44 вагонов.",
         "ru", "Орши", "Смоленск"),
        ("10 квітня з боку Орші до Смоленська прибув ешелон із 44 вагонів.",
         "uk", "Орші", "Смоленська"),
        ("10 красавіка з боку Оршы ў Смаленск прыбыў эшалон з 44 вагонаў.",
         "be", "Оршы", "Смаленск"),
        ("On April 10 a train of 44 cars reached Smolensk from the direction of Orsha.",
         "en", "Orsha", "Smolensk"),
        ("On April 10 an echelon coming from the side of Orsha arrived in Smolensk.",
         "en", "Orsha", "Smolensk"),
    ],
)  # fmt: skip
def test_the_side_a_train_came_from_is_its_origin(
    text: str, lang: str, origin: str, destination: str
) -> None:
    result = read(text, PUB, lang=lang)
    assert ends(result) == [(origin, destination)]
    assert not result.shipments[0].via


@pytest.mark.parametrize(
    ("text", "lang", "origin", "side"),
    [
        ("10 kwietnia z Briańska od strony Unieczy do Homla przyjechał pociąg z 40 wagonami.",
         "pl", "Briańska", "Unieczy"),
        ("10 апреля из Брянска со стороны Унечи в Гомель прибыл эшелон из 40 вагонов.",
         "ru", "Брянска", "Унечи"),
        ("10 квітня з Брянська з боку Унечі до Гомеля прибув ешелон із 40 вагонів.",
         "uk", "Брянська", "Унечі"),
        ("On April 10 a train of 40 cars from Bryansk reached Gomel from the direction of Unecha.",
         "en", "Bryansk", "Unecha"),
    ],
)  # fmt: skip
def test_beside_an_origin_the_side_is_a_place_passed(
    text: str, lang: str, origin: str, side: str
) -> None:
    (shipment,) = read(text, PUB, lang=lang).shipments
    assert shipment.origin is not None
    assert shipment.origin.text == origin
    assert [v.text for v in shipment.via] == [side]


@pytest.mark.parametrize(
    ("text", "lang", "side"),
    [
        ("Dwa pociągi dotarły do Baranowicz 5 i 6 kwietnia. Oba przyjechały od strony Mińska.",
         "pl", "Mińska"),
        ("Два эшалоны прыбылі ў Баранавічы 5 і 6 красавіка. Абодва эшалоны прыйшлі з боку Мінска.",
         "be", "Мінска"),
    ],
)  # fmt: skip
def test_a_group_told_to_come_from_a_side_gives_each_train_its_origin(
    text: str, lang: str, side: str
) -> None:
    result = read(text, PUB, lang=lang)
    assert len(result.shipments) == 2
    assert all(s.origin is not None and s.origin.text == side for s in result.shipments)


# -- S3: passenger cars of a train counted in all --------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("8 kwietnia do Orszy przyjechał pociąg: 52 wagony, w tym 4 osobowe.", "pl"),
        ("8 kwietnia do Orszy przyjechał pociąg: 52 wagony, w tym 4 wagony osobowe.", "pl"),
        ("8 kwietnia do Orszy przyjechał pociąg z 52 wagonami, w tym 4 wagonami osobowymi.", "pl"),
        ("8 kwietnia do Orszy dotarł pociąg: 52 wagony, w tym 4 osobowe – z żołnierzami.", "pl"),
        ("8 апреля в Оршу прибыл эшелон: 52 вагона, из них 4 пассажирских — с военными.", "ru"),
        ("8 квітня до Орші прибув ешелон: 52 вагони, з них 4 пасажирські – з військовими.", "uk"),
        ("8 красавіка ў Оршу прыбыў эшалон: 52 вагоны, з іх 4 пасажырскія — з вайскоўцамі.", "be"),
        ("On April 8 a train of 52 cars, including 4 passenger cars, arrived in Orsha.", "en"),
    ],
)
def test_passenger_cars_among_a_total_are_read(text: str, lang: str) -> None:
    (shipment,) = read(text, PUB, lang=lang).shipments
    assert (shipment.cars.total, shipment.cars.passenger) == (52, 4)


def test_a_train_of_passenger_cars_alone_is_still_no_shipment() -> None:
    # (the rule the S3 fix narrows: passenger cars alone, no other car, no military word)
    assert read("8 kwietnia do Orszy przyjechał pociąg: 4 wagony osobowe.", PUB).shipments == []


# -- S5: a further destination ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "end", "passed"),
    [
        ("11 kwietnia na stację Kalinkowicze przyjechał pociąg (40 wagonów). "
         "Jego dalszym celem ma być Jelsk.", "pl", "Jelsk", "Kalinkowicze"),
        ("11 kwietnia na stację Kalinkowicze przyjechał pociąg (40 wagonów). "
         "Następnym celem jest Jelsk.", "pl", "Jelsk", "Kalinkowicze"),
        ("11 kwietnia na stację Kalinkowicze przyjechał pociąg (40 wagonów). "
         "Dalszy cel: Jelsk.", "pl", "Jelsk", "Kalinkowicze"),
        ("11 апреля на станцию Калинковичи прибыл эшелон (40 вагонов). "
         "Дальнейшей целью должен стать Ельск.", "ru", "Ельск", "Калинковичи"),
        ("11 квітня на станцію Калинковичі прибув ешелон (40 вагонів). "
         "Подальшою метою має бути Єльськ.", "uk", "Єльськ", "Калинковичі"),
        ("11 красавіка на станцыю Калінкавічы прыбыў эшалон (40 вагонаў). "
         "Далейшай мэтай мае быць Ельск.", "be", "Ельск", "Калінкавічы"),
        ("On April 11 an echelon of 40 cars arrived at Kalinkavichy station. "
         "Its next destination will be Yelsk.", "en", "Yelsk", "Kalinkavichy"),
    ],
)  # fmt: skip
def test_a_further_destination_is_the_end_of_the_route(
    text: str, lang: str, end: str, passed: str
) -> None:
    (shipment,) = read(text, PUB, lang=lang).shipments
    assert shipment.destination is not None
    assert shipment.destination.text == end
    assert [v.text for v in shipment.via] == [passed]


# -- S4: Łacinka with an informal "ci" for "cy" ----------------------------------------


@pytest.mark.parametrize(
    "station",
    ["stanciju", "stancyju"],
)
def test_lacinka_station_passed_and_its_day_are_read(station: str) -> None:
    text = (
        f"6 krasavika praz {station} Asipovičy u bok Mazyra prajšoŭ ešalon: "
        "30 platformaŭ z technikaj."
    )
    result = read(text, PUB)
    (shipment,) = result.shipments
    assert [v.text for v in shipment.via] == ["Asipovičy"]
    assert [(z.station.text, z.seen_at.date()) for z in result.sightings] == [
        ("Asipovičy", date(2023, 4, 6))
    ]


def test_the_side_of_a_country_is_no_origin() -> None:
    # "the entrance to the bridge from the Russian side" places the bridge, not the train
    text = (
        "10 квітня ешелон із 30 платформ помітили на станції Тамань, біля в'їзду на міст "
        "з боку Росії."
    )
    (shipment,) = read(text, PUB, lang="uk").shipments
    assert shipment.origin is None


# -- a train that appears at a place (the Polish corpus, r901: "w Rostoku pojawią się") --


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("We wrześniu w Gdyni pojawią się jeszcze dwa pociągi z kukurydzą.", "pl", "Gdyni"),
        ("В сентябре в Гдыне появятся ещё два поезда с кукурузой.", "ru", "Гдыне"),
        ("У вересні в Гдині з'являться ще два потяги з кукурудзою.", "uk", "Гдині"),
        ("У верасні ў Гдыні з'явяцца яшчэ два цягнікі з кукурузай.", "be", "Гдыні"),
        ("In September two more trains with maize will appear in Gdynia.", "en", "Gdynia"),
    ],
)
def test_trains_that_will_appear_somewhere_arrive_there(text: str, lang: str, place: str) -> None:
    result = read(text, PUB, lang=lang)
    assert ends(result) == [(None, place), (None, place)]
    for shipment in result.shipments:
        assert shipment.expected_arrival is not None
        assert shipment.expected_arrival.earliest == date(2023, 9, 1)
        assert shipment.claim == "planned"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("W Warszawie pojawiło się około 30 osób z transparentami.", "pl"),
        ("About 30 people appeared in Warsaw with banners.", "en"),
    ],
)
def test_people_appearing_somewhere_are_no_train(text: str, lang: str) -> None:
    assert read(text, PUB, lang=lang).shipments == []


def test_polish_plural_future_of_arrive_keeps_the_date() -> None:
    # "przyjadą" (they will arrive) was no verb: the group lost its day
    result = read("15 kwietnia do Brześcia przyjadą dwa pociągi z 40 wagonami.", PUB)
    assert [s.expected_arrival.earliest for s in result.shipments if s.expected_arrival] == [
        date(2023, 4, 15),
        date(2023, 4, 15),
    ]

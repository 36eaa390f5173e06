"""Reading findings of a new user's trial (issue 13, trial 9 findings T1, T4, T5, T8-T11, T13).

Each finding stands for a kind, tested in every language it concerns with short inputs
written here:

T1. A second train told after the first ("другой состав", "інший", "іншы", "inny", or no
    marker at all) with another count, or seen away from the first's origin before the
    first left, is another train, not a sighting or place passed of the first.
T4. After "у/ў" a Belarusian word in -ы is a plural town's accusative (where the train
    goes: "ў Клінцы", "у Смалявічы") when it is a place's name as written in the
    gazetteer, else a locative ("у Лунінцы", "у Оршы": where it is); the Russian and
    Ukrainian forms ("в Клинцы", "в Клинці") are read by their morphology. A verb of
    going off ("ушоў", "пайшоў", "пішов") is a departure.
T5. Places told before the verb ("Z Baranowicz do Briańska wyjechał pociąg", "Из Орши в
    Смоленск ушёл эшелон"): a name with an adjective's ending ("Briańska", "Smoleńska",
    "Gdańska") right before a verb is the place, not an adjective of a noun.
T9. A label with a colon or dash ("Направление — Валуйки", "Пункт назначения: ...",
    "Напрямок —", "Кірунак —", "Kierunek:", "Cel podróży:") names the end: a later
    specific place beats the country told before, as "Destination: Valuyki" does.
T10. A train's plan with a day ("is planned for March 12", "zaplanowano na 12 marca",
    "запланирован на 12 марта") dates its departure, with no verb of moving as with one
    ("The departure ... is planned", "zaplanowano wyjazd"); "for March 12" is that day,
    not the month; a plan word after a place ("do Briańska zaplanowano", "в Брянск
    запланирован") keeps the place as the end. A date right after a word of publishing
    ("opublikowane w poniedziałek") is the publication's, no train's.
T11. Follow-up sentences: a planned or expected arrival at another place with no train
    named ("Planowany przyjazd do Briańska po 16 marca", "Чакаецца, што ён прыбудзе ў
    Клінцы 15 сакавіка") is the train's end further on (the end told before is passed);
    one more train awaited with no place ("Очікується ще один ешелон до 12 березня",
    "Kolejny pociąg planowany jest na 12 marca") goes where the one before went, dated;
    "the other with 41" counts the other train's cars as "drugi z 41" does; an arrival
    "в течение 3-5 дней" ("протягом", "на працягу", "w ciągu") after the departure is
    a window of those days after it.
T13. A train counted in kinds of car only, inside a group whose exact total leaves it
    just that many cars ("The second, about 30 flatcars ... a total of 75 cars" after a
    train of 45), has that total, as "A train of about 30 flatcars" has: not a lower
    bound summed from parts.
T8. A report found in a language railtrack does not read as a whole is read by
    sentence: the sentences in one of the five are read, the others named in a problem.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests._extract_helpers import ends, read

PUB11 = date(2023, 3, 11)

# -- T1. another train told after the first is its own train ---------------------------

_SLONIM = {
    "ru": "10 марта эшелон из 48 платформ отправился со станции Слоним в Валуйки.",
    "uk": "10 березня ешелон із 48 платформ відправився зі станції Слонім до Валуйок.",
    "be": "10 сакавіка эшалон з 48 платформ адправіўся са станцыі Слонім у Валуйкі.",
    "pl": "10 marca pociąg z 48 platformami wyjechał ze stacji Słonim do Wałujek.",
    "en": "On March 10 a train of 48 flatcars left Slonim for Valuyki.",
}


@pytest.mark.parametrize(
    ("lang", "second", "brest"),
    [
        # a marker of another train after the verb it is the subject of
        ("ru", "Также 9 марта на станции Брест замечен другой состав из 40 вагонов.", "Брест"),
        ("uk", "Також 9 березня на станції Брест помічено інший состав із 40 вагонів.", "Брест"),
        ("be", "Таксама 9 сакавіка на станцыі Брэст заўважаны іншы састаў з 40 вагонаў.", "Брэст"),
        ("pl", "Także 9 marca na stacji Brześć zauważono inny skład z 40 wagonami.", "Brześć"),
        ("ru", "9 марта в Бресте видели ещё один эшелон.", "Бресте"),
        # no marker: the count differs, or the day is before the first train left
        ("ru", "Также 9 марта замечен состав не менее 40 вагонов на станции Брест.", "Брест"),
        ("uk", "9 березня на станції Брест помічено состав із 40 вагонів.", "Брест"),
        ("pl", "9 marca na stacji Brześć zauważono skład z 40 wagonami.", "Brześć"),
        ("ru", "9 марта эшелон замечен на станции Брест.", "Брест"),
        ("en", "Separately, on March 9 another train of 40 cars was spotted at Brest.", "Brest"),
    ],
)
def test_another_train_told_after_the_first_is_its_own(lang: str, second: str, brest: str) -> None:
    result = read(f"{_SLONIM[lang]} {second}", published=PUB11)
    first = result.shipments[0]
    assert first.via == ()  # Brest is not a place the Slonim train passed
    assert first.departure is not None
    assert str(first.departure.earliest) == "2023-03-10"
    assert first.cars.total == 48
    assert len(result.shipments) == 2
    seen = [s for s in result.sightings if s.shipment == result.shipments[1].id]
    assert [(s.station.text, s.seen_at.date().isoformat()) for s in seen] == [(brest, "2023-03-09")]
    assert not [s for s in result.sightings if s.shipment == first.id]


@pytest.mark.parametrize(
    "second",
    [
        "11 марта эшелон замечен на станции Брянск.",  # seen after it left: on its way
        "Эшелон из 48 платформ замечен 11 марта в Брянске.",  # the same count
        "9 марта эшелон грузили на станции Слоним.",  # at its origin before it left
    ],
)
def test_the_same_train_told_again_stays_one(second: str) -> None:
    result = read(f"{_SLONIM['ru']} {second}", published=PUB11)
    assert len(result.shipments) == 1


# -- T4. "ў Клінцы": a plural town's accusative is where the train goes ------------------


@pytest.mark.parametrize(
    ("text", "destination"),
    [
        ("9 сакавіка эшалон адправіўся з Лунінца ў Клінцы.", "Клінцы"),
        ("9 сакавіка эшалон адправіўся з Лунінца у Смалявічы.", "Смалявічы"),
        ("Эшалон з 40 вагонаў ушоў з Лунінца ў Клінцы 9 сакавіка.", "Клінцы"),
        ("Эшалон пайшоў з Асіповіч у Калінкавічы 9 сакавіка.", "Калінкавічы"),
        ("9 марта эшелон отправился из Лунинца в Клинцы.", "Клинцы"),
        ("9 березня ешелон вирушив з Лунинця в Клинці.", "Клинці"),
        ("Ешелон пішов з Лунинця в Клинці 9 березня.", "Клинці"),
    ],
)
def test_plural_town_after_into_is_the_destination(text: str, destination: str) -> None:
    result = read(text)
    assert [s.destination.text if s.destination else None for s in result.shipments] == [
        destination
    ]
    assert result.shipments[0].departure is not None


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("9 сакавіка эшалон з 40 вагонаў стаяў у Лунінцы.", "Лунінцы"),
        ("9 сакавіка эшалон з 40 вагонаў стаяў у Оршы.", "Оршы"),
        ("9 сакавіка эшалон з 40 вагонаў стаяў у Клінцах.", "Клінцах"),
    ],
)
def test_locative_after_into_is_where_the_train_is(text: str, place: str) -> None:
    (shipment,) = read(text).shipments
    assert shipment.destination is None
    assert [v.text for v in shipment.via] == [place]


def test_locative_of_arrival_is_the_end() -> None:
    (shipment,) = read("9 сакавіка эшалон прыбыў у Лунінцы.").shipments
    assert shipment.destination is not None
    assert shipment.destination.text == "Лунінцы"
    assert shipment.arrival_told


# -- T5. places before the verb ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "origin", "destination"),
    [
        ("Z Baranowicz do Briańska wyjechał pociąg.", "Baranowicz", "Briańska"),
        ("3 marca z Baranowicz do Briańska odjechał pociąg wojskowy.", "Baranowicz", "Briańska"),
        ("Wczoraj z Orszy do Smoleńska odjechał skład wojskowy.", "Orszy", "Smoleńska"),
        ("Do Smoleńska przybył skład z Orszy.", "Orszy", "Smoleńska"),
        ("Do Briańska zmierza pociąg z Baranowicz.", "Baranowicz", "Briańska"),
        ("Из Орши в Смоленск ушёл эшелон.", "Орши", "Смоленск"),
        ("З Орші до Смоленська вирушив ешелон.", "Орші", "Смоленська"),
        ("З Оршы да Смаленска адправіўся эшалон.", "Оршы", "Смаленска"),
    ],
)
def test_places_before_the_verb(text: str, origin: str, destination: str) -> None:
    assert ends(read(text)) == [(origin, destination)]


def test_relay_with_places_first_gives_the_same_ends_and_day() -> None:
    told = read("On March 3 a military echelon of 30 cars left Baranovichi for Bryansk.")
    relay = read("3 marca z Baranowicz do Briańska wyjechał pociąg wojskowy z 30 wagonami.")
    (a,), (b,) = told.shipments, relay.shipments
    assert b.destination is not None
    assert a.departure is not None
    assert b.departure is not None
    assert (a.departure.earliest, a.cars.total) == (b.departure.earliest, b.cars.total)


def test_adjective_before_its_noun_is_still_no_place() -> None:
    assert read("Pociąg wjechał na Krymski most 3 marca.").shipments == []


# -- T9. a labelled destination after a country ------------------------------------------

_TO_RUSSIA = {
    "ru": "9 марта со станции Осиповичи в Россию ушёл эшелон: 45 вагонов.",
    "uk": "9 березня зі станції Осиповичі до Росії вирушив ешелон: 45 вагонів.",
    "be": "9 сакавіка са станцыі Асіповічы ў Расію адправіўся эшалон: 45 вагонаў.",
    "pl": "9 marca ze stacji Osipowicze do Rosji wyjechał pociąg: 45 wagonów.",
    "en": "On 9 March an echelon of 45 cars left Osipovichi for Russia.",
}


@pytest.mark.parametrize(
    ("lang", "label", "place"),
    [
        ("ru", "Направление — Валуйки.", "Валуйки"),
        ("ru", "Направление: Матвеев Курган.", "Матвеев Курган"),
        ("ru", "Пункт назначения — Валуйки.", "Валуйки"),
        ("ru", "Конечная станция - Валуйки.", "Валуйки"),
        ("uk", "Напрямок — Валуйки.", "Валуйки"),
        ("uk", "Пункт призначення: Єльськ.", "Єльськ"),
        ("be", "Кірунак — Валуйкі.", "Валуйкі"),
        ("pl", "Kierunek: Wałujki.", "Wałujki"),
        ("pl", "Cel podróży: Łuniniec.", "Łuniniec"),
        ("pl", "Stacja docelowa – Wałujki.", "Wałujki"),
        ("en", "Destination: Valuyki.", "Valuyki"),
    ],
)
def test_labelled_place_beats_the_country(lang: str, label: str, place: str) -> None:
    (shipment,) = read(f"{_TO_RUSSIA[lang]} {label}").shipments
    assert shipment.destination is not None
    assert shipment.destination.text == place
    assert shipment.cars.total == 45


def test_a_labelled_place_does_not_replace_a_station() -> None:
    text = "9 марта со станции Осиповичи в Брянск ушёл эшелон. Направление — Валуйки."
    (shipment,) = read(text).shipments
    assert shipment.destination is not None
    assert shipment.destination.text == "Брянск"


def test_a_colon_before_a_sentence_still_ends_a_clause() -> None:
    from railtrack.extract.sentences import split_clauses

    text = "Kierunek: Wałujki. Eszelon odjechał: ruszył rano do Orszy."
    assert [c.text for c in split_clauses(text)] == [
        "Kierunek: Wałujki.",
        "Eszelon odjechał:",
        "ruszył rano do Orszy.",
    ]


# -- T10. a planned day --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "destination"),
    [
        ("A train from Baranovichi to Bryansk is planned for March 12.", "Bryansk"),
        (
            "The departure of a military train from Baranovichi to Bryansk is planned for "
            "March 12.",
            "Bryansk",
        ),
        ("A train from Baranovichi to Bryansk is scheduled for March 12.", "Bryansk"),
        ("Na 12 marca zaplanowano wyjazd pociągu z Baranowicz do Briańska.", "Briańska"),
        ("Wyjazd pociągu z Baranowicz do Briańska zaplanowano na 12 marca.", "Briańska"),
        ("Pociąg z Baranowicz do Briańska zaplanowano na 12 marca.", "Briańska"),
        ("Поезд из Барановичей в Брянск запланирован на 12 марта.", "Брянск"),
        ("Ешелон з Барановичів до Брянська заплановано на 12 березня.", "Брянська"),
        ("Эшалон з Баранавіч у Бранск запланаваны на 12 сакавіка.", "Бранск"),
    ],
)
def test_a_planned_day_is_the_departure(text: str, destination: str) -> None:
    (shipment,) = read(text).shipments
    assert shipment.claim == "planned"
    assert shipment.destination is not None
    assert shipment.destination.text == destination
    assert shipment.departure is not None
    assert (shipment.departure.earliest, shipment.departure.latest) == (
        date(2023, 3, 12),
        date(2023, 3, 12),
    )


def test_for_a_month_is_still_the_month() -> None:
    (shipment,) = read("A train from Baranovichi to Bryansk is planned for March.").shipments
    assert shipment.departure is not None
    assert shipment.departure.precision == "month"


def test_a_planned_group_is_not_dated_by_the_plan() -> None:
    result = read("Na przyszły tydzień zaplanowano kilka pociągów z Ukrainy do Litwy.")
    assert all(s.departure is None for s in result.shipments)


@pytest.mark.parametrize(
    "text",
    [
        "Nagranie, które pokazuje przyjazd pociągu z Krymu do Melitopola, zostało "
        "opublikowane w poniedziałek.",
        "Видео, на котором видно прибытие эшелона в Брянск, было опубликовано в понедельник.",
    ],
)
def test_a_day_of_publishing_dates_no_train(text: str) -> None:
    result = read(text)
    assert all(s.expected_arrival is None and s.departure is None for s in result.shipments)


# -- T11. follow-up sentences ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "end", "passed", "arrival"),
    [
        (
            "Pociąg wojskowy z 38 wagonami wyjechał 9 marca ze stacji Baranowicze do Homla. "
            "Planowany przyjazd do Briańska po 16 marca.",
            "Briańska",
            "Homla",
            date(2023, 3, 16),
        ),
        (
            "12 сакавіка са станцыі Асіповічы адправіўся эшалон з 42 вагонаў у кірунку Гомеля. "
            "Чакаецца, што ён прыбудзе ў Клінцы 15 сакавіка.",
            "Клінцы",
            "Гомеля",
            date(2023, 3, 15),
        ),
        (
            "9 марта со станции Осиповичи отправился эшелон из 42 вагонов в направлении "
            "Гомеля. Ожидается, что он прибудет в Клинцы 15 марта.",
            "Клинцы",
            "Гомеля",
            date(2023, 3, 15),
        ),
        (
            "On March 9 an echelon of 42 cars left Osipovichi in the direction of Gomel. "
            "It is expected to arrive in Klintsy on March 15.",
            "Klintsy",
            "Gomel",
            date(2023, 3, 15),
        ),
    ],
)
def test_an_arrival_further_on_is_the_end(text: str, end: str, passed: str, arrival: date) -> None:
    (shipment,) = read(text).shipments
    assert shipment.destination is not None
    assert shipment.destination.text == end
    assert [v.text for v in shipment.via] == [passed]
    assert shipment.expected_arrival is not None
    assert shipment.expected_arrival.earliest == arrival
    assert shipment.claim in ("planned", "expected")  # (an arrival still to come)


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        (
            "Щонайменше 40 вагонів 8 березня прибули до Гомеля з Брянська. "
            "Очікується ще один ешелон до 12 березня.",
            "expected",
        ),
        (
            "W nocy z 7 na 8 marca do Osipowicz przybył eszelon z 40 wagonami z Rosji. "
            "Kolejny pociąg planowany jest na 12 marca.",
            "planned",
        ),
        (
            "8 марта в Гомель из Брянска прибыл эшелон из 40 вагонов. "
            "Ожидается ещё один эшелон 12 марта.",
            "expected",
        ),
        (
            "On March 8 a train of 40 cars arrived in Gomel from Bryansk. "
            "Another train is expected on March 12.",
            "expected",
        ),
    ],
)
def test_one_more_train_awaited_is_kept(text: str, claim: str) -> None:
    first, second = read(text).shipments
    assert second.claim == claim
    assert second.destination is not None
    assert first.destination is not None
    assert second.destination.text == first.destination.text
    day = second.departure or second.expected_arrival
    assert day is not None
    assert day.latest == date(2023, 3, 12)


@pytest.mark.parametrize(
    "text",
    [
        "On March 9 two echelons arrived in Osipovichi from Russia: one with 38 cars, "
        "the other with 41.",
        "Dwa pociągi przyjechały 9 marca do Osipowicz: jeden z 38 wagonami, drugi z 41.",
        "9 березня до Осиповичів прибули два ешелони: один із 38 вагонів, другий з 41.",
    ],
)
def test_the_other_count_with_its_car_word_left_out(text: str) -> None:
    assert [s.cars.total for s in read(text).shipments] == [38, 41]


# -- T8. a report with a sentence in an unread language --------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Wczoraj z Orszy do Smoleńska odjechał skład wojskowy z 40 wagonami. "
        "Traukinys su 40 vagonų išvyko iš Oršos į Smolenską kovo 9 d.",
        "Wczoraj z Orszy do Smoleńska odjechał skład — 9 marca. "
        "Traukinys su 40 vagonų išvyko iš Oršos į Smolenską kovo 9 d.",
    ],
)
def test_the_read_sentences_of_a_mixed_report_are_kept(text: str) -> None:
    result = read(text)
    assert result.lang == "pl"
    assert ends(result) == [("Orszy", "Smoleńska")]
    assert any("sentence 2 is in lt" in p for p in result.problems)


def test_a_report_wholly_in_an_unread_language_is_still_refused() -> None:
    result = read("Traukinys su 40 vagonų išvyko iš Oršos į Smolenską kovo 9 d.")
    assert result.shipments == []
    assert result.lang == "lt"
    assert any("report is in lt" in p for p in result.problems)


def test_a_polish_sentence_without_polish_letters_is_read_as_polish() -> None:
    from railtrack.extract.language import sentence_language

    assert sentence_language("Planowany przyjazd do Briańska po 16 marca.", "pl") == "pl"
    assert sentence_language("A military transport left Iłowajsk for Asipovičy.", "pl") == "en"


# -- T13. a count the group's total pins -----------------------------------------------------

_FIRST = (
    "Two military echelons left Belarus this week. The first train, with 45 cars including "
    "3 passenger cars, left Osipovichi on March 8 for Valuyki."
)


@pytest.mark.parametrize(
    "second",
    [
        "The second, about 30 flatcars with armoured vehicles, departed from Luninets on March 9.",
        "A train of about 30 flatcars with armoured vehicles departed from Luninets on March 9.",
    ],
)
def test_the_group_total_pins_the_count(second: str) -> None:
    result = read(f"{_FIRST} {second} In both trains, a total of 75 cars.")
    cars = result.shipments[1].cars
    assert (cars.total, cars.flat, cars.total_derived, cars.estimated) == (30, 30, False, True)
    assert not cars.total_is_lower_bound


def test_a_group_total_that_leaves_more_keeps_the_bound() -> None:
    second = "The second, about 30 flatcars, departed from Luninets on March 9."
    result = read(f"{_FIRST} {second} In both trains, a total of 80 cars.")
    assert result.shipments[1].cars.total_derived


def test_kinds_that_add_up_to_what_the_group_leaves() -> None:
    second = "The second, 30 flatcars and 2 passenger cars, departed from Luninets on March 9."
    cars = read(f"{_FIRST} {second} In both trains, a total of 77 cars.").shipments[1].cars
    assert (cars.total, cars.total_derived) == (32, False)


@pytest.mark.parametrize(
    ("text", "window"),
    [
        (
            "Вчера эшелон из 48 платформ отправился со станции Слоним в Валуйки. По нашим "
            "данным, прибытие ожидается в течение 3-5 дней.",
            (date(2023, 3, 12), date(2023, 3, 14)),
        ),
        (
            "Вчора ешелон із 48 платформ вирушив зі станції Слонім до Валуйок. Прибуття "
            "очікується протягом 3-5 днів.",
            (date(2023, 3, 12), date(2023, 3, 14)),
        ),
        (
            "Учора эшалон з 48 платформ адправіўся са станцыі Слонім у Валуйкі. Прыбыццё "
            "чакаецца на працягу 3-5 дзён.",
            (date(2023, 3, 12), date(2023, 3, 14)),
        ),
        (
            "Wczoraj pociąg z 48 platformami wyjechał ze stacji Słonim do Wałujek. Przyjazd "
            "jest spodziewany w ciągu 3-5 dni.",
            (date(2023, 3, 12), date(2023, 3, 14)),
        ),
        (
            "Вчера эшелон отправился из Слонима в Валуйки. Прибудет в течение 5 дней.",
            (date(2023, 3, 9), date(2023, 3, 14)),
        ),
    ],
)
def test_an_arrival_within_days_of_the_departure(text: str, window: tuple[date, date]) -> None:
    (shipment,) = read(text).shipments
    arrival = shipment.expected_arrival
    assert arrival is not None
    assert (arrival.earliest, arrival.latest) == window

"""Kinds of misreading found on real English and Polish reports (issue 13), one test per kind.

Every input is written here (not copied from a corpus); each stands for a kind.
"""

from datetime import date

import pytest

from railtrack.extract import extract_shipments
from railtrack.extract.readers import reader_for

PUB = date(2023, 3, 10)


def read(text, published=PUB):
    return extract_shipments(text, published=published, network=False)


def one(text, published=PUB):
    (s,) = read(text, published).shipments
    return s


# -- Polish lexicon: both aspects and the passive of the verbs of motion ------------------


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Skład skierowano na stację Mozyrz.", "departure"),
        ("Pociąg skierował się do Brześcia.", "departure"),
        ("Eszelony wyjeżdżają z Orszy.", "departure"),
        ("Wagony wysyłano z Homla.", "departure"),
        ("Transport ma przybyć do Rostowa.", "arrival"),
        ("Pociągi docierają do Mińska.", "arrival"),
        ("Skład dojeżdża do Lidy.", "arrival"),
        ("Pociąg zatrzymał się w Łunińcu.", "neutral"),
        ("Eszelony poruszają się w stronę granicy.", "neutral"),
    ],
)
def test_polish_verbs_of_both_aspects(text, role):
    assert [v.role for v in reader_for("pl").verb_cues(text)][:1] == [role]


@pytest.mark.parametrize(
    "form",
    [
        "skład",
        "składu",
        "składowi",
        "składem",
        "składzie",
        "eszelonowi",
        "eszelonach",
        "transportowi",
        "transportach",
    ],
)
def test_polish_train_nouns_in_every_case(form):
    assert reader_for("pl").has_train_noun(f"w {form}")


@pytest.mark.parametrize(
    "text",
    [
        "Wczoraj do Brześcia przyjechał skład, który liczy 22 wagony.",
        "Wczoraj wojskowy skład z 22 wagonami cysternami przyjechał do Brześcia.",
    ],
)
def test_polish_whole_train_count_after_a_verb_of_counting(text):
    s = one(text)
    assert s.cars.total == 22


# -- an onward leg ("from there ... to X") is not the trip's destination ------------------


def test_polish_onward_leg_is_not_the_destination_nor_another_train():
    s = one(
        "Eszelon wyjechał 2 marca ze stacji Słonim do stacji Kursk, gdzie dotrze 6 marca. "
        "Stamtąd skład ma się udać do Biełgorodu."
    )
    assert s.origin.text == "Słonim"
    assert s.destination.text == "Kursk"
    assert s.expected_arrival.earliest == date(2023, 3, 6)


# -- two places joined by "or" are alternatives, not the destination ---------------------


def test_polish_alternative_places_are_no_destination():
    s = one(
        "Pociąg wojskowy z 30 wagonami kierował się na Białoruś. Mógł przybyć do Lidy lub Grodna."
    )
    assert s.destination.text == "Białoruś"


# -- "z" with the instrumental means "with", not "from" -----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Pociąg z Iskanderami wyjechał ze stacji Mozyrz do Kurska.",
        "Pociąg z Rosjanami wyjechał ze stacji Mozyrz do Kurska.",
    ],
)
def test_polish_z_with_the_instrumental_is_no_origin(text):
    s = one(text)
    assert s.origin.text == "Mozyrz"


# -- an adjective between the preposition and the name -------------------------------------


def test_polish_adjective_before_the_name():
    s = one("Pociąg towarowy wyruszył z podwarszawskiego Pruszkowa do Kowla.")
    assert s.origin.text == "Pruszkowa"


def test_polish_railway_company_is_no_place():
    places = reader_for("pl").find_places("Pociągi kursują ze stacji Kolei Rosyjskich do Tuły.")
    assert [p.text for p in places] == ["Tuły"]


# -- English: the same kinds, and English-only patterns ----------------------------------


def test_english_onward_leg_is_not_the_destination():
    s = one(
        "A military echelon of 40 cars left Slonim on 2 March for Kursk. From there the "
        "equipment will go on to Belgorod."
    )
    assert s.destination.text == "Kursk"


def test_english_further_transport_is_an_onward_leg():
    s = one(
        "The first container train from Xi'an arrived in Brest on 3 March with 40 cars. "
        "The goods will be sorted there for further shipment to Germany."
    )
    assert s.destination.text == "Brest"


def test_english_alternative_places_are_no_destination():
    s = one("A train of 30 flatcars left Kursk on 2 March. It may have arrived in Orsha or Lida.")
    assert s.origin.text == "Kursk"
    assert s.destination is None


@pytest.mark.parametrize(
    ("text", "origin"),
    [
        ("The first train from the Chinese city of Xi'an arrived in Brest on 3 March.", "Xi'an"),
        ("A train left the Belarusian station Luninets for Kursk on 3 March.", "Luninets"),
        ("A train from the small town of Klintsy reached Bryansk on 3 March.", "Klintsy"),
    ],
)
def test_english_adjective_before_a_kind_word(text, origin):
    assert one(text).origin.text == origin


@pytest.mark.parametrize(
    "text",
    [
        "A train with tanks was spotted nearby Tula on 6 March.",
        "A train with tanks was seen outside Tula on 6 March.",
        "A train with tanks was seen at a railway station in Tula on 6 March.",
    ],
)
def test_english_seen_near_a_town_is_a_sighting_not_a_destination(text):
    s = one(text)
    assert s.destination is None
    assert [v.text for v in s.via] == ["Tula"]


def test_english_loading_place_is_the_origin():
    s = one(
        "Ten tanks were loaded onto a train at the army railhead in Tidworth and taken to "
        "Dover on 4 March."
    )
    assert s.origin.text == "Tidworth"
    assert s.destination.text == "Dover"


def test_english_region_as_territory_is_kept_with_its_word():
    s = one("Air defence systems were loaded onto a train in the Primorsky Territory for Chita.")
    assert s.origin.text == "Primorsky Territory"


def test_english_hyphenated_participle_is_no_place():
    r = read("Trains from the Russian-occupied territories may be sent to Belarus.")
    assert all(s.origin is None for s in r.shipments)


def test_english_a_posting_platform_is_no_destination():
    r = read("Tanks on flatcars were seen in Tula, in a video posted to TikTok on 6 March.")
    assert all(s.destination is None for s in r.shipments)


def test_a_place_passed_told_in_the_headline_stays_when_the_detail_merges():
    s = one(
        "Military train passed through Bryansk. A military echelon of 40 cars left Gomel on "
        "5 March and is heading to Kursk."
    )
    assert s.origin.text == "Gomel"
    assert [v.text for v in s.via] == ["Bryansk"]


def test_polish_przez_with_people_is_an_agent_not_a_place_passed():
    places = reader_for("pl").find_places("Tory zostały uszkodzone przez Rosjan w nocy.")
    assert places == []


def test_polish_blowing_up_a_train_is_no_shipment():
    r = read("Wczoraj wieczorem pociąg z paliwem został wysadzony przez partyzantów pod Kurskiem.")
    assert r.shipments == []


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        ("pl", "Pociąg z czołgami jedzie do Kurska\nRosjanie przerzucają sprzęt.", "Kurska"),
        ("en", "Tank train heads to Kursk\nDozens of tanks were seen.", "Kursk"),
    ],
)
def test_a_name_does_not_run_on_past_a_line_break(lang, text, name):
    assert [p.text for p in reader_for(lang).find_places(text)] == [name]


def test_polish_explosion_of_a_train_is_no_shipment():
    r = read("Pociąg przewożący amunicję eksplodował w nocy pod Kijowem. Dwa wagony spłonęły.")
    assert r.shipments == []


# -- assembly: which facts belong to which train -----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "W sobotę na stacji Łuniniec rozładowano 20 platform ze sprzętem.",
        "At Luninets station 20 flatcars were unloaded on Saturday.",
    ],
)
def test_unloading_at_a_station_named_before_the_verb_is_an_arrival_there(text):
    s = one(text)
    assert s.destination.text == "Łuniniec" if "W sobotę" in text else "Luninets"
    assert s.expected_arrival.earliest == date(2023, 3, 4)


@pytest.mark.parametrize(
    ("text", "origins"),
    [
        (
            "Z Białorusi do Rosji wyjechały trzy pociągi. Pierwszy wyruszył 2 marca z Mozyrza, "
            "drugi 3 marca z Homla.",
            ["Mozyrza", "Homla"],
        ),
        (
            "Three trains left Belarus for Russia. The first departed on 2 March from Mozyr, "
            "the second on 3 March from Gomel.",
            ["Mozyr", "Gomel"],
        ),
    ],
)
def test_a_train_of_a_group_told_without_a_verb_keeps_the_groups_verb(text, origins):
    r = read(text)
    dated = [(s.origin.text, s.departure.earliest) for s in r.shipments if s.departure]
    assert dated == [(origins[0], date(2023, 3, 2)), (origins[1], date(2023, 3, 3))]


@pytest.mark.parametrize(
    "text",
    [
        "Dwa eszelony z rosyjskim sprzętem przyjechały 12 i 14 stycznia na stację Lida.",
        "Two military trains arrived at Lida station on 12 and 14 January.",
    ],
)
def test_an_announced_group_with_one_date_per_train(text):
    r = read(text)
    assert [s.expected_arrival.earliest for s in r.shipments] == [
        date(2023, 1, 12),
        date(2023, 1, 14),
    ]
    assert r.groups[0].n_trains == 2


def test_counts_and_dates_of_a_group_go_one_per_train_in_order():
    r = read("Two military echelons with 40 and 45 cars left Slonim for Valuyki on 2 and 4 March.")
    assert [(s.departure.earliest.day, s.cars.total) for s in r.shipments] == [(2, 40), (4, 45)]
    assert r.groups[0].cars.total is None  # no group total is stated


@pytest.mark.parametrize(
    "text",
    [
        "Pociąg składa się z trzech lokomotyw i do 12 wagonów, w tym salonki dla prezydenta.",
        "The armoured train consists of two locomotives and 11 cars.",
    ],
)
def test_a_trains_make_up_with_no_movement_is_no_shipment(text):
    assert read(text).shipments == []


@pytest.mark.parametrize(
    "text",
    [
        "Terminal w Brześciu zapycha się pociągami jadącymi z Chin do Niemiec.",
        "The terminal is clogged with trains arriving from China.",
    ],
)
def test_trains_named_only_in_the_plural_are_no_shipment(text):
    assert read(text).shipments == []


def test_a_plural_mention_told_again_in_the_singular_is_a_shipment():
    s = one("Tanks were loaded on to trains. The train left Tidworth for Dover on 4 March.")
    assert s.origin.text == "Tidworth"


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("A train of 26 fuel tank cars", "tank", 26),
        ("an echelon of 40 grain hopper cars", "other", 40),
        ("a train of 18 oil tankers", "tank", 18),
    ],
)
def test_english_cargo_word_between_number_and_car_noun(text, kind, value):
    counts = reader_for("en").find_car_counts(text)
    assert [(c.kind, c.value) for c in counts] == [(kind, value)]


def test_english_moving_through_a_town_is_a_dated_sighting():
    r = read("Video shows a freight train with T-90 tanks moving through Millerovo on Monday.")
    (seen,) = r.sightings
    assert seen.station.text == "Millerovo"
    assert seen.seen_at.date() == date(2023, 3, 6)


@pytest.mark.parametrize(
    ("text", "via"),
    [
        ("W nocy z 5 na 6 marca przez Orszę przejechały dwa eszelony jadące do Mińska.", "Orszę"),
        ("Two echelons bound for Minsk passed through Orsha on the night of 5 March.", "Orsha"),
    ],
)
def test_a_place_a_group_passed_is_passed_by_each_train(text, via):
    r = read(text)
    assert len(r.shipments) == 2
    assert all([v.text for v in s.via] == [via] for s in r.shipments)


@pytest.mark.parametrize(
    ("lang", "text", "place"),
    [
        ("pl", "Eszelony jadą do strefy walk w obwodzie ługańskim.", "obwodzie ługańskim"),
        ("en", "Trains move to the combat zone in the Luhansk region.", "Luhansk region"),
    ],
)
def test_a_zone_in_a_region_names_the_region_as_destination(lang, text, place):
    places = reader_for(lang).find_places(text)
    assert [(p.role, p.text) for p in places][-1] == ("destination", place)


@pytest.mark.parametrize(
    ("text", "via"),
    [
        (
            "A train of 15 railcars passed through Orsha towards Minsk on Sunday. Two days "
            "earlier, a similar train passed along the same route.",
            "Orsha",
        ),
        (
            "Skład z 15 wagonami przejechał w niedzielę przez Orszę w kierunku Mińska. Dwa dni "
            "wcześniej podobny pociąg przejechał tą samą trasą.",
            "Orszę",
        ),
    ],
)
def test_a_train_on_the_same_route_is_another_train_on_that_route(text, via):
    first, second = read(text).shipments
    assert first.cars.total == 15
    assert second.cars.total is None
    assert second.destination.text == first.destination.text
    assert [v.text for v in second.via] == [via]


def test_polish_date_before_its_verb_dates_that_verb():
    s = one(
        "Pociąg towarowy jadący z Chin do Niemiec w sobotę zatrzymał się w Małaszewiczach. "
        "Skład wyruszył z Xi'an w poniedziałek."
    )
    assert s.departure.earliest == date(2023, 3, 6)  # not the Saturday of the stop


def test_polish_past_of_a_perfective_verb_is_not_its_future():
    (cue,) = reader_for("pl").verb_cues("Skład wyruszył z Xi'an.")
    assert cue.past
    (cue,) = reader_for("pl").verb_cues("Skład wyruszą z Xi'an.")
    assert not cue.past


@pytest.mark.parametrize(
    ("text", "role", "name"),
    [
        ("Pociąg ze zbożem kieruje się do portu w Gdyni.", "destination", "Gdyni"),
        ("Skład wjechał na Litwę przez przejście graniczne w Kienie.", "crossing", "Kienie"),
        ("Trasa prowadzi do przejścia granicznego w Terespolu.", "crossing", "Terespolu"),
    ],
)
def test_polish_facility_in_a_town_names_the_town(text, role, name):
    places = reader_for("pl").find_places(text)
    assert (role, name) in [(p.role, p.text) for p in places]


def test_polish_a_border_crossing_is_passed_not_the_destination():
    s = one(
        "Pociąg z Xi'an wyruszył 1 marca. Trasa prowadzi przez Rosję do przejścia granicznego "
        "w Terespolu, a 12 marca skład ma dotrzeć do Hamburga."
    )
    assert s.destination.text == "Hamburga"
    assert [v.text for v in s.via] == ["Terespolu"]


@pytest.mark.parametrize(
    "text",
    [
        "On 8 March a military train of 40 cars was sent from Slonim to Valuyki. Date of "
        "arrival at the destination station - March 12.",
        "8 marca ze stacji Słonim do Wałujek wysłano pociąg z 40 wagonami. Data przybycia "
        "na stację docelową - 12 marca.",
    ],
)
def test_an_arrival_after_the_published_date_is_a_plan(text):
    s = one(text)
    assert s.expected_arrival.earliest == date(2023, 3, 12)
    assert s.claim == "planned"


def test_a_stated_expectation_of_a_later_arrival_is_kept():
    s = one("A train left Slonim on 8 March and will likely arrive in Valuyki on 12 March.")
    assert s.claim == "expected"


@pytest.mark.parametrize(
    ("text", "ends"),
    [
        ("Два эшелона вышли из Бреста: первый в Минск, второй в Гомель.", ["Минск", "Гомель"]),
        (
            "Dwa eszelony wyjechały z Brześcia: pierwszy na Litwę, drugi na Ukrainę.",
            ["Litwę", "Ukrainę"],
        ),
        ("Two echelons left Brest: the first for Minsk, the second for Gomel.", ["Minsk", "Gomel"]),
    ],
)
def test_per_train_destinations_in_one_list(text, ends):
    r = read(text)
    assert [s.destination.text for s in r.shipments] == ends
    assert r.groups[0].n_trains == 2


@pytest.mark.parametrize(
    "text",
    [
        "The echelon departed from Kursk on Monday and is due in Gomel on Sunday.",
        "Eszelon wyjechał z Kurska w poniedziałek i ma dotrzeć do Homla w niedzielę.",
    ],
)
def test_a_past_departure_in_a_clause_that_also_plans_stays_in_the_past(text):
    s = one(text)
    assert s.departure.earliest == date(2023, 3, 6)  # the Monday before 10 March
    assert s.expected_arrival.earliest == date(2023, 3, 12)  # the Sunday after


@pytest.mark.parametrize(
    ("text", "n"),
    [
        ("Skład dotarł 5 marca 2023 r. do Lidy.", 1),
        ("W 2022 r. przejechało tędy 2,2 tys. pociągów.", 1),
        ("Eszelon przyjechał na st. Lida w woj. grodzieńskim. Potem odjechał.", 2),
        ("Эшелон прибыл на ст. Лида в Гродненской обл. вчера.", 1),
        ("Pociąg dotarł 5 marca 2023 r. Potem odjechał.", 2),
        ("It left. Then it came back.", 2),
        ("It left on March 1.\n\nsecond paragraph", 2),
    ],
)
def test_abbreviations_and_lower_case_words_end_no_sentence(text, n):
    from railtrack.extract.sentences import split_clauses

    assert len({c.sentence for c in split_clauses(text)}) == n


def test_a_months_abbreviation_before_a_day_ends_no_sentence():
    s = one("On Feb. 25 a train of 40 cars left Slonim for Valuyki.")
    assert s.departure.earliest == date(2023, 2, 25)


# -- session 2 (langwest): kinds found on new unseen English and Polish reports ------------


@pytest.mark.parametrize(
    "text",
    [
        "On 4 March a train from Japan arrived at Brest. The 30-car train left Vladivostok "
        "on 20 February.",
        "Pociąg z Chin dotarł 4 marca do Brześcia. Skład wyjechał z Dostyku 20 lutego.",
    ],
)
def test_a_lead_naming_the_country_and_a_detail_naming_the_station_are_one_train(text):
    # any country is broad (not only the theatre's): the lead's "from Japan" does not
    # contradict the detail's station, so the two mentions are one train
    s = one(text)
    assert s.departure.earliest == date(2023, 2, 20)
    assert s.expected_arrival.earliest == date(2023, 3, 4)


@pytest.mark.parametrize(
    "text",
    [
        "A missile strike hit a train of 12 ammunition cars at Kazanka on 8 March.",
        "Drones struck a military echelon of 40 cars at Valuyki station on 8 March.",
        "A military train of 30 flatcars derailed near Orsha on 8 March.",
        "A train with 900 passengers left Kharkiv for Przemyśl on 8 March.",
        "Wozy bojowe przewożone pociągiem z Gdańska do Żagania zahaczyły o wiatę w Toruniu.",
        "Pociąg z amunicją został trafiony podczas ataku rakietowego na stacji w Kazance. "
        "Uderzenie rakietowe zniszczyło 12 wagonów.",
        "Pociąg z 900 pasażerami wyjechał 8 marca z Charkowa do Przemyśla.",
        "Pociąg ewakuacyjny z uchodźcami przyjechał 8 marca z Kowla do Chełma.",
    ],
)
def test_an_attack_an_accident_or_a_passenger_service_is_no_shipment(text):
    assert read(text).shipments == []


def test_passenger_cars_of_an_echelon_are_still_read():
    s = one("Eszelon z 2 wagonami pasażerskimi i 40 platformami wyjechał 8 marca z Orszy.")
    assert s.cars.passenger == 2
    s = one("An echelon with 2 passenger cars and 40 flatcars left Orsha on 8 March.")
    assert s.cars.passenger == 2


def test_a_past_trips_length_is_no_date():
    # "arrived ... in 6 days" tells how long the trip took: the arrival is the
    # departure day plus six, never six days after the report
    s = one("A train of 30 flatcars left Orsha on 3 March and arrived in Valuyki in 6 days.")
    assert s.expected_arrival.earliest == date(2023, 3, 9)
    s = one("In February a container train left Kutno and arrived in Chongqing in 16 days.")
    assert s.expected_arrival is None
    assert s.departure.precision == "month"


def test_a_future_in_n_days_is_still_a_date():
    s = one("A train of 30 flatcars left Orsha on 3 March. It will arrive in Valuyki in 3 days.")
    assert s.expected_arrival.earliest == date(2023, 3, 13)


@pytest.mark.parametrize(
    ("text", "origin", "destination"),
    [
        # a nameless station "in" a region, a town named after "miasto", or a town
        (
            "Transport wysłano 3 marca ze stacji kolejowej w obwodzie smoleńskim na stację "
            "w obwodzie homelskim.",
            "obwodzie smoleńskim",
            "obwodzie homelskim",
        ),
        ("Eszelon wyjechał 3 marca ze stacji w mieście Briańsk do Homla.", "Briańsk", "Homla"),
        ("Eszelon wyjechał 3 marca ze stacji w Orszy do Homla.", "Orszy", "Homla"),
    ],
)
def test_a_nameless_station_in_a_region_or_town_is_that_place(text, origin, destination):
    s = one(text)
    assert (s.origin.text, s.destination.text) == (origin, destination)


def test_a_nameless_station_in_a_town_in_the_locative_is_a_place_seen_at():
    s = one("Eszelon z 40 platformami zauważono 3 marca na stacji w Orszy.")
    assert s.destination is None
    assert [v.text for v in s.via] == ["Orszy"]


@pytest.mark.parametrize(
    "text",
    [
        "A container train left Xian on 3 March. The destination station is Brest.",
        "Pociąg kontenerowy wyjechał 3 marca z Xian. Stacją docelową jest Brześć.",
    ],
)
def test_the_destination_station_named_in_a_sentence_of_its_own(text):
    assert one(text).destination.text in ("Brest", "Brześć")


@pytest.mark.parametrize(
    "text",
    [
        "A container train left Xian on 3 March and reached Brest on 15 March. There the "
        "containers were reloaded onto standard-gauge wagons and sent to Duisburg.",
        "Pociąg z kontenerami wyjechał 3 marca z Xian i 15 marca dotarł do Brześcia. Tam "
        "kontenery zostały przeładowane na wagony normalnotorowe i trafiły do Duisburga.",
    ],
)
def test_a_load_moved_to_another_train_goes_on_a_later_leg(text):
    s = one(text)
    assert s.destination.text in ("Brest", "Brześcia")


@pytest.mark.parametrize(
    ("words", "value"),
    [("dwudziestoma", 20), ("czterdziestoma ośmioma", 48), ("trzydziestoma dwoma", 32)],
)
def test_polish_number_words_in_the_instrumental(words, value):
    s = one(f"Skład z {words} wagonami wyjechał 5 marca z Orszy do Homla.")
    assert s.cars.total == value


@pytest.mark.parametrize(
    "text",
    [
        "Two trains with equipment arrived in Belarus on March 4 and March 6.",
        "Two trains with equipment arrived in Belarus on March 4 and 6.",
        "Two trains with equipment arrived in Belarus on 4 March and 6 March.",
        "Dwa pociągi ze sprzętem przyjechały na Białoruś 4 i 6 marca.",
    ],
)
def test_two_days_of_one_month_in_any_order_are_two_trains(text):
    r = read(text)
    assert [s.expected_arrival.earliest.day for s in r.shipments] == [4, 6]
    # the day after the country is a date, not part of its name ("Białoruś 4")
    assert {s.destination.text for s in r.shipments} in ({"Belarus"}, {"Białoruś"})


def test_a_span_between_two_days_stays_a_span():
    r = read("A train of 40 cars was seen in Orsha between March 4 and March 6.")
    assert r.groups == []
    assert r.shipments[0].via[0].text == "Orsha"


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("The train, which departed from Kursk on 2 March, reached Gomel two days later.", 4),
        ("A train of 40 flatcars left Orsha on 2 March. It arrived in Valuyki the next day.", 3),
        ("A train of 40 flatcars left Orsha on 2 March and after 5 days arrived in Rostov.", 7),
        ("Eszelon wyjechał z Orszy 2 marca i po 5 dniach dotarł do Rostowa.", 7),
    ],
)
def test_an_arrival_told_as_days_after_the_departure(text, day):
    assert one(text).expected_arrival.earliest == date(2023, 3, day)


def test_fuel_trucks_in_a_list_of_vehicles_are_no_tank_cars():
    s = one(
        "Eszelon wyjechał 3 marca z Połonki do Łunińca. Na platformach było 23 czołgi, "
        "8 cystern, 9 ciężarówek, a do tego 2 wagony osobowe."
    )
    assert s.cars.tank is None
    assert s.cars.passenger == 2
    s = one("Skład z 40 platformami, 8 cysternami i 2 wagonami osobowymi wyjechał 3 marca z Orszy.")
    assert s.cars.tank == 8


@pytest.mark.parametrize(
    "text",
    [
        "Two more echelons arrived in Belarus. The first was sent from Bryansk on 2 March and "
        "arrived at Polonka on 5 March. The second was sent from Kursk on 3 March and arrived "
        "at Polonka on 6 March. Thus Russia moved two more echelons with 60 vehicles.",
        "Dwa kolejne eszelony dotarły na Białoruś. Pierwszy wysłano 2 marca z Briańska, do "
        "Połonki dotarł 5 marca. Drugi wysłano 3 marca z Kurska, do Połonki dotarł 6 marca. "
        "W ten sposób Rosja przerzuciła dwa kolejne eszelony.",
    ],
)
def test_a_closing_recap_of_the_described_trains_adds_no_trains(text):
    r = read(text)
    assert len(r.shipments) == 2
    assert [g.n_trains for g in r.groups] == [2]


def test_a_guess_about_the_load_is_not_the_trains_claim():
    s = one(
        "A train left Bryansk on 2 March and arrived at Polonka on 5 March. It carried "
        "30 trucks, which are probably intended for the troops at the range near Polonka."
    )
    assert s.claim == "sighted"


def test_a_departure_after_the_arrival_is_dropped_and_said():
    r = read("A train of 40 cars arrived in Gomel on 3 March. It left Bryansk on 5 March.")
    (s,) = r.shipments
    assert s.departure is None
    assert s.expected_arrival.earliest == date(2023, 3, 3)
    assert any("runs past the arrival" in p for p in r.problems)


def test_an_inferred_departure_running_past_the_arrival_is_dropped():
    r = read(
        "On the night from Thursday to Friday a train with soldiers arrived in Vitebsk. "
        "Troops could have been moved to Vitebsk in the last two days.",
        published=date(2023, 1, 8),
    )
    (s,) = r.shipments
    assert s.departure is None
    assert (s.expected_arrival.earliest, s.expected_arrival.latest) == (
        date(2023, 1, 5),
        date(2023, 1, 6),
    )


@pytest.mark.parametrize(
    ("text", "via"),
    [
        (
            "On 3 March the echelon left Polonka and passed through Zhabinka, Drogichin and "
            "Ivanovo to reach Luninets.",
            ["Zhabinka", "Drogichin", "Ivanovo"],
        ),
        (
            "3 marca eszelon wyjechał z Połonki i przejechał przez miejscowości Żabinka, "
            "Drohiczyn i Janów, by dotrzeć do Łunińca.",
            ["Żabinka", "Drohiczyn", "Janów"],
        ),
    ],
)
def test_every_place_of_a_list_passed_is_a_via_point(text, via):
    assert [v.text for v in one(text).via] == via


@pytest.mark.parametrize(
    ("text", "ends"),
    [
        (
            "Two trains with equipment arrived in Belarus on 4 and 6 March. The first arrived "
            "in Asipovichy, the second in Baranovichi.",
            ["Asipovichy", "Baranovichi"],
        ),
        (
            "Dwa pociągi ze sprzętem przyjechały na Białoruś 4 i 6 marca. Pierwszy rozładowano "
            "w Osipowiczach, drugi w Baranowiczach.",
            ["Osipowiczach", "Baranowiczach"],
        ),
    ],
)
def test_ordinals_after_a_list_of_days_describe_those_trains_in_order(text, ends):
    r = read(text)
    assert [s.destination.text for s in r.shipments] == ends
    assert [s.expected_arrival.earliest.day for s in r.shipments] == [4, 6]
    assert [g.n_trains for g in r.groups] == [2]


@pytest.mark.parametrize(
    "text",
    [
        "On Sunday a train of 15 passenger cars passed through Smolensk heading to Belarus. "
        "Earlier, trains with Russian equipment arrived at Baranovichi.",
        "W niedzielę przez Smoleńsk przejechał skład z 15 wagonami pasażerskimi, który "
        "kierował się na Białoruś. Wcześniej do Baranowicz przybyły transporty z rosyjskim "
        "sprzętem.",
    ],
)
def test_other_trains_in_the_plural_do_not_give_the_train_their_place(text):
    (s,) = read(text, published=date(2023, 1, 8)).shipments
    assert s.destination.text in ("Belarus", "Białoruś")


# -- session 5: an impossible date says why (trial F55) ---------------------------------


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("On 31 June 2023 a train of 40 cars left Slonim for Valuyki.", "31 June does not exist"),
        ("31 czerwca 2023 r. pociąg z 40 wagonami wyjechał ze Słonima.", "31 June does not"),
        ("31.06.2023 a train of 40 cars left Slonim for Valuyki.", "31 June does not exist"),
        (
            "On 29 February 2023 a train of 40 cars left Slonim for Valuyki.",
            "29 February 2023 does not exist (2023 is not a leap year)",
        ),
        (
            "W nocy z 28 na 29 lutego 2023 r. eszelon z 40 wagonami wyjechał ze Słonima.",
            "29 February 2023 does not exist",
        ),
    ],
)
def test_an_impossible_day_is_named_as_such(text, why):
    problems = read(text, published=None).problems
    assert any(why in p for p in problems), problems
    assert not any("no published date" in p for p in problems)


def test_a_date_without_year_and_no_published_date_still_says_so():
    problems = read("On 12 March a train of 40 cars left Slonim for Valuyki.", None).problems
    assert any("no published date to resolve it" in p for p in problems)


# -- session 5: round and vague counts in words (trial F61, English and Polish) ---------


@pytest.mark.parametrize(
    ("text", "total", "estimated"),
    [
        ("A train of half a hundred cars left Slonim for Valuyki.", 50, True),
        ("A train of half a dozen flatcars left Slonim for Valuyki.", 6, False),
        ("Eszelon liczący pół setki wagonów wyjechał ze Słonima do Wałujek.", 50, True),
        ("Eszelon liczący tuzin wagonów wyjechał ze Słonima do Wałujek.", 12, False),
        ("Eszelon z dwoma tuzinami platform wyjechał ze Słonima do Wałujek.", 24, False),
    ],
)
def test_round_counts_in_words(text, total, estimated):
    cars = one(text).cars
    assert (cars.total, cars.estimated) == (total, estimated)


@pytest.mark.parametrize(
    "text",
    [
        "A train of several dozen cars left Slonim for Valuyki.",
        "A train of a few hundred wagons left Slonim for Valuyki.",
        "Eszelon liczący kilkadziesiąt wagonów wyjechał ze Słonima do Wałujek.",
        "Eszelon liczący kilkanaście platform wyjechał ze Słonima do Wałujek.",
    ],
)
def test_vague_counts_are_never_a_number(text):
    assert one(text).cars.total is None


# -- session 5: a hedge about the load or the task is not the train's claim --------------


@pytest.mark.parametrize(
    "text",
    [
        # a relative clause set off by commas
        "The first batch of 40 cars, which are likely intended for the troops, left Slonim "
        "for Polonka on 8 March.",
        "Pierwszy eszelon z 40 wagonami, który najprawdopodobniej wiezie amunicję, wyjechał "
        "8 marca ze Słonimia do Połonki.",
        # a later guess that adds no fact and moves nothing
        "A train of 40 cars left Slonim for Polonka on 8 March. Its task is probably to "
        "supply the troops in the south.",
        "Eszelon z 40 wagonami wyjechał 8 marca ze Słonimia do Połonki. Zadaniem pociągu jest "
        "najprawdopodobniej dostarczenie zaopatrzenia oddziałom.",
    ],
)
def test_a_guess_about_the_load_or_task_leaves_the_claim_sighted(text):
    assert one(text).claim == "sighted"


def test_a_hedged_destination_is_still_expected():
    text = "A train of 40 cars left Slonim on 8 March and is likely heading to Kursk."
    assert one(text).claim == "expected"


# -- session 5: incidents at a train (grain spilled, vandalism, protests) ---------------


@pytest.mark.parametrize(
    "text",
    [
        "Nieznani sprawcy otworzyli osiem wagonów pociągu jadącego do Gdańska. Na tory "
        "wysypały się tony kukurydzy.",
        "W nocy z ośmiu wagonów pociągu towarowego do Gdańska wysypano kukurydzę.",
        "Protesters opened the hatches of two freight cars of a train heading to Hamburg "
        "and spilled the grain.",
        "Earlier the protesters blocked two freight trains bound for Hamburg.",
    ],
)
def test_an_incident_at_a_train_is_no_shipment(text):
    assert read(text).shipments == []


# -- session 5: a Polish sentence whose only Polish letter is "ó" stays Polish -----------


def test_a_polish_sentence_with_only_o_acute_is_read_as_polish():
    from railtrack.extract.language import sentence_language

    assert sentence_language("Ten transport liczy 38 wagonów.", "pl") == "pl"
    text = "Drugi transport wyjechał 1 marca do stacji Nieklinowka. Ten transport liczy 38 wagonów."
    assert one(text).cars.total == 38


def test_a_polish_future_stem_is_not_matched_inside_the_infinitive():
    # "miała dotrzeć" (was to reach, told after the fact) is no plan; "dotrze" (will reach) is
    past = "11 grudnia wysłano transport ze Słonimia. Broń miała dotrzeć do Połonki 16 grudnia."
    assert one(past, published=date(2022, 12, 20)).claim == "sighted"
    future = "Transport wyjechał 11 grudnia ze Słonimia i dotrze do Połonki 16 grudnia."
    assert one(future, published=date(2022, 12, 12)).claim == "planned"

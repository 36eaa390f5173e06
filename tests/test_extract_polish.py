"""Polish: inflected station names in every case, and the lexicon keys the other languages have."""

from datetime import date
from pathlib import Path

import pytest
import yaml

from railtrack.extract import extract_shipments
from railtrack.extract.morph import name_forms

PUB = date(2022, 12, 22)
LEXICONS = Path(__file__).parents[1] / "src" / "railtrack" / "extract" / "lexicons"


def read(text, published=PUB, network=False):
    """Read ``text``; with ``network`` the names resolve on the embedded network."""
    if network:
        return extract_shipments(text, published=published)
    return extract_shipments(text, published=published, network=False)


def test_the_polish_lexicon_has_every_key_the_others_have():
    polish = set(yaml.safe_load((LEXICONS / "pl.yaml").read_text(encoding="utf-8")))
    for lang in ("en", "ru", "uk", "be"):
        other = set(yaml.safe_load((LEXICONS / f"{lang}.yaml").read_text(encoding="utf-8")))
        assert other - polish == set(), lang
    markers = yaml.safe_load((LEXICONS / "pl.yaml").read_text(encoding="utf-8"))["markers"]
    assert {"ordinal", "same", "more", "another", "one", "other", "weak"} <= set(markers)


@pytest.mark.parametrize(
    ("name", "nominative"),
    [
        ("Słonimia", "Słonim"),  # genitive
        ("Słonimiu", "Słonim"),  # locative
        ("Kapustina Jaru", "Kapustin Jar"),  # genitive of two words
        ("Orszy", "Orsza"),  # genitive, locative
        ("Orszą", "Orsza"),  # instrumental
        ("Orszę", "Orsza"),  # accusative
        ("Połonki", "Połonka"),  # genitive
        ("Połonce", "Połonka"),  # locative of -ka
        ("Wałujek", "Wałujki"),  # genitive plural of -ki
        ("Wałujkach", "Wałujki"),  # locative plural
        ("Brześcia", "Brześć"),  # genitive of -ć
        ("Homla", "Homel"),  # genitive with a mobile e
        ("Łunińca", "Łunińec"),
        ("Baranowicz", "Baranowicze"),  # genitive plural of -icze
        ("Baranowiczach", "Baranowicze"),
    ],
)
def test_polish_case_forms_give_the_nominative(name, nominative):
    assert nominative in name_forms(name, "pl")


@pytest.mark.parametrize(
    ("text", "origin", "destination", "via"),
    [
        (
            "Eszelon wyjechał ze Słonimia do Kapustina Jaru przez Smoleńsk.",
            "Slonim",
            "Kapustin Yar",
            ["Smolensk-Tsentralny"],
        ),
        ("Pociąg z Homla przyjechał do Orszy.", "Gomel", "Orsha-Tsentralnaya", []),
        ("Pociąg wyjechał z Połonki do Wałujek.", "Polonka", "Valuyki", []),
        ("Pociąg wyjechał z Brześcia do Słonimia.", "Brest-Tsentralny", "Slonim", []),
        (
            "Pociąg wyjechał z Brześcia i przejechał przez Baranowicze do Mińska.",
            "Brest-Tsentralny",
            "Minsk-Passazhirsky",
            ["Baranovichi-Tsentralnye"],
        ),
    ],
)
def test_inflected_polish_station_names_resolve(text, origin, destination, via):
    (s,) = read(text, network=True).shipments
    assert (s.origin.station, s.destination.station) == (origin, destination)
    assert [v.station for v in s.via] == via


def test_a_station_in_the_locative_where_a_train_is_unloaded_is_its_destination():
    (s,) = read("Eszelon rozładowano na stacji w Połonce.", network=True).shipments
    assert s.destination.station == "Polonka"


def test_loading_at_a_station_makes_it_the_origin():
    (s,) = read(
        "Na stacji kolejowej Zasłonowo załadowano na platformy ponad 20 czołgów "
        "i pociąg wyjechał do Słucka."
    ).shipments
    assert s.origin.text == "Zasłonowo"


def test_the_named_end_of_the_route_is_the_destination():
    (s,) = read(
        "Eszelon wyjechał ze Słonimia 3 grudnia, stacją docelową jest Baranowicze."
    ).shipments
    assert s.origin.text == "Słonimia"
    assert s.destination.text == "Baranowicze"


def test_a_return_trip_is_a_second_shipment():
    r = read(
        "Eszelon 20 grudnia przyjechał ze stacji Połonka do Łunińca, "
        "a następnego dnia wrócił do Połonki."
    )
    assert [(s.origin.text, s.destination.text) for s in r.shipments] == [
        ("Połonka", "Łunińca"),
        ("Łunińca", "Połonki"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Przez przejście graniczne wjechała kolumna 40 ciężarówek z Rosji do Homla.",
        "Pociąg pasażerski z Mińska do Brześcia przyjechał z opóźnieniem 2 godzin.",
        "W ciągu tygodnia przez Orszę przejechało 14 eszelonów.",
    ],
)
def test_road_convoys_timetables_and_statistics_are_not_shipments(text):
    assert read(text).shipments == []


def test_a_military_train_late_is_still_a_shipment():
    (s,) = read("Eszelon wojskowy przyjechał do Połonki z opóźnieniem.").shipments
    assert s.destination.text == "Połonki"


def test_one_more_train_is_never_the_first_told_again():
    r = read(
        "Eszelon z 40 wagonami przyjechał do Połonki 5 grudnia. "
        "Jeszcze jeden eszelon przyjechał do Połonki 7 grudnia."
    )
    assert [s.expected_arrival.earliest.day for s in r.shipments] == [5, 7]


def test_a_train_of_the_same_make_up_copies_the_count():
    r = read(
        "Eszelon z 40 wagonami przyjechał do Połonki 5 grudnia. "
        "Taki sam skład przyjechał tam 7 grudnia."
    )
    assert [s.cars.total for s in r.shipments] == [40, 40]


def test_part_of_a_train_uncoupled_and_sent_on_keeps_its_own_count():
    r = read("Na stacji Nowobielicka odczepiono dziewięć wagonów i wysłano je do Mozyrza.")
    assert [(s.destination.text, s.cars.total) for s in r.shipments] == [("Mozyrza", 9)]


@pytest.mark.parametrize(
    ("text", "destination"),
    [
        ("Pociąg przyjechał do Wałujek, 50 km na południe od Biełgorodu.", "Wałujek"),
        ("Эшелон прибыл в Валуйки, в 50 км к югу от Белгорода.", "Валуйки"),
        ("The train arrived at Valuyki, 10 kilometres away from Belgorod.", "Valuyki"),
    ],
)
def test_a_place_located_by_distance_or_compass_is_no_origin(text, destination):
    (s,) = read(text).shipments
    assert s.origin is None
    assert s.destination.text == destination


def test_a_distance_told_after_two_names_gives_no_route():
    r = read(
        "Skład stoi na linii kolejowej prowadzącej na południowy zachód od Doniecka "
        "(z Ołeniwki do tego miasta jest ok. 15 kilometrów)."
    )
    assert all(s.origin is None for s in r.shipments)


@pytest.mark.parametrize(
    ("text", "role", "town"),
    [
        ("Pociąg dotarł do Portu Morskiego w Kołobrzegu.", "destination", "Kołobrzegu"),
        ("Pociąg wyruszył z terminalu przeładunkowego w Warszawie.", "origin", "Warszawie"),
        ("Pociąg przywiózł sprzęt z chińskiej miejscowości Xi'an.", "origin", "Xi'an"),
    ],
)
def test_a_facility_or_town_word_with_adjectives_gives_the_town(text, role, town):
    (s,) = read(text).shipments
    assert getattr(s, role).text == town


@pytest.mark.parametrize(
    "text",
    [
        "Hamulec uruchomiono w wagonie pociągu relacji Szczecin-Dorohusk.",
        "Pociąg relacji Szczecin – Dorohusk stał w Puławach.",
    ],
)
def test_a_train_named_by_its_relation_has_both_ends(text):
    (s,) = read(text).shipments
    assert (s.origin.text, s.destination.text) == ("Szczecin", "Dorohusk")


@pytest.mark.parametrize(
    "text",
    [
        "Spłonął wykolejony pociąg paliwowy przewożący benzynę z Białorusi do Rosji.",
        "Pożar wykolejonego pociągu z benzyną z Białorusi do Rosji.",
        "Kontenerowiec wypływający z Szanghaju płynie do Gdańska ponad miesiąc.",
        "W marcu zakłady w Dnieprze wyprodukowały 37 otwartych wagonów.",
    ],
)
def test_derailments_ships_and_production_are_not_shipments(text):
    assert read(text).shipments == []


def test_an_onward_leg_by_sea_is_not_the_trains_destination():
    (s,) = read(
        "Pociąg z Ukrainy dotarł do Kołobrzegu 6 kwietnia. "
        "Po 19 kwietnia kukurydza zostanie przetransportowana drogą morską do Rotterdamu."
    ).shipments
    assert s.destination.text == "Kołobrzegu"


def test_the_same_station_named_again_is_the_trains_place():
    r = read(
        "Eszelon przybył do Połonki 5 marca. Taki sam skład przybył na tę samą stację 7 marca."
    )
    assert [s.destination.text for s in r.shipments] == ["Połonki", "Połonki"]


@pytest.mark.parametrize(
    "text",
    [
        "Do 25 lutego przygotowano 48 wagonów pasażerskich na stacji Bohatyrewicze.",
        "Trwają ćwiczenia z załadunku sprzętu na stacji Słonim.",
    ],
)
def test_stock_being_prepared_and_exercises_are_no_train_on_its_way(text):
    assert read(text).shipments == []


def test_a_headline_and_a_lead_both_saying_first_are_one_train():
    # trial F42: "Pierwszy pociąg z Chin dotarł do Gdańska" + "pierwszy historii pociąg
    # ... swój finisz miał wczoraj w Porcie Gdańskim" + part of the load sent on
    r = read(
        "Pierwszy pociąg z Chin dotarł do Gdańska.\n\n"
        "10 dni jechał pierwszy w historii pociąg towarowy z Chin na Pomorze. Pociąg "
        "swój finisz miał wczoraj w Porcie Gdańskim. Część z nich trafia do Skandynawii.",
        published=date(2019, 11, 23),
    )
    (s,) = r.shipments
    assert s.destination.text == "Gdańska"
    assert s.expected_arrival.earliest == date(2019, 11, 22)
    assert s.departure is None


def test_a_first_and_a_second_train_stay_two():
    r = read("Pierwszy eszelon przybył do Połonki 5 marca. Drugi przybył do Połonki 7 marca.")
    assert len(r.shipments) == 2


def test_an_abbreviation_ending_in_m_is_no_distance():
    # trial F8: "przejechał m.in. przez miejscowości Żabinka, Drohiczyn i Janów"
    (s,) = read(
        "Eszelon wyjechał z Połonki i przejechał m.in. przez Żabinkę, Drohiczyn i Janów."
    ).shipments
    assert [v.text for v in s.via] == ["Żabinkę", "Drohiczyn", "Janów"]

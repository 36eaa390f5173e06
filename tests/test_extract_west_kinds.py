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

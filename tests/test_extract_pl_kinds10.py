"""Failure kinds found on new real Polish reports (issue 13, session 10).

The reports r725-r742 of ``tests/data/extraction_real`` were labelled and scored
before any rule was changed for them (Polish F1 0.412, precision 0.318, 30 false
facts). Each kind of their false facts gets a test here, with inputs written for the
test (other names, numbers and words than the reports'). Each test failed on the
code before its fix (commit 052c068).
"""

from __future__ import annotations

from datetime import date

import pytest

from railtrack.extract.readers import reader_for
from railtrack.extract.trains import _names_no_train
from tests._extract_helpers import ends, read

PUB = date(2024, 2, 27)


def vias(text: str) -> list[list[str]]:
    """The places passed, as written, per shipment read."""
    return [[v.text for v in s.via or []] for s in read(text, PUB, "pl").shipments]


# -- the agent of a passive is no place passed ----------------------------------------
# "Transport, koordynowany przez LTG Cargo Polska": "przez" after a passive participle
# names who did it; after a participle of sending or carrying it is still the way.


@pytest.mark.parametrize(
    "text",
    [
        "Spółka zrealizowała transport 30 wagonów z Ukrainy do Rygi. Transport, "
        "koordynowany przez LTG Cargo Polska, wymagał wymiany wózków.",
        "Spółka zrealizowała transport 25 cystern z Ukrainy do Wilna. Transport, "
        "nadzorowany przez Rail Polska, wymagał specjalnych zezwoleń.",
    ],
)
def test_agent_of_a_passive_is_no_via(text: str) -> None:
    assert vias(text) == [[]]


def test_participle_of_sending_keeps_the_way() -> None:
    assert vias("Skład wysłany przez Terespol dotarł do Łodzi 5 lutego.") == [["Terespol"]]


# -- after an incident, a clause naming no train tells of the incident's train ----------


SPILL = (
    "Nie uda się zebrać 25 ton wysypanej z wagonów ukraińskiego pszenicy. Transport "
    "był skierowany do Egiptu\n"
    "W Medyce k. Przemyśla kończy się zbieranie wysypanej z wagonów na tory "
    "ukraińskiego pszenicy. Pracownik firmy zabezpieczającej transport powiedział "
    "PAP, że nie uda się zebrać ok. 25 ton. Potwierdził, że ziarno było "
    "transportowane z Ukrainy do Egiptu.\n"
    "W niedzielę wieczorem rzeczniczka prasowa przemyskiej policji kom. Anna Nowak "
    "powiedziała PAP, że rano tego dnia policjanci otrzymali zgłoszenie o wysypanej z "
    "sześciu wagonów pszenicy. Przekazała, że funkcjonariuszy zaalarmowała dróżniczka "
    "z Medyki, bo otrzymała sygnał o rozsypanych wielu tonach ziarna od maszynisty "
    "jednego ze składów, który przejeżdżał przez Medykę.\n"
    '"Sześć z trzydziestu wagonów było otwartych. Wagony na pewno zostały otwarte '
    "przez osoby trzecie. Zostały przecięte liny celne o grubości 8 mm. Zostały w ten "
    'sposób otwarte podwójne drzwi boczne z wagonów" – powiedział PAP Jan Kowalski z '
    "firmy organizującej zabezpieczenie transportu. Dodał, że po otwarciu drzwi z "
    "wagonu wylatuje połowa towaru."
)


def test_load_of_a_vandalised_train_is_no_shipment() -> None:
    assert ends(read(SPILL, PUB, "pl")) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Potwierdził, że rzepak był przewożony z Ukrainy do Hamburga.", True),
        ("Kolejny pociąg jechał z Ukrainy do Gdańska.", False),
        ("Do Gdyni dotarło 30 wagonów pszenicy.", False),
    ],
)
def test_clause_naming_no_train(text: str, expected: bool) -> None:
    assert _names_no_train(reader_for("pl"), text) is expected


def test_english_clause_naming_no_train() -> None:
    rd = reader_for("en")
    assert _names_no_train(rd, "The grain was bound from Ukraine to Gdansk.") is True
    assert _names_no_train(rd, "Another train left Chelm for Gdynia.") is False


# -- a train attacked or destroyed, told by a present or a verbal noun -------------------


@pytest.mark.parametrize(
    "text",
    [
        "Drony atakują skład z paliwem jadący z Rosji do Melitopola.",
        "Ukraińskie drony zaatakowały pociąg z amunicją jadący z Rosji do Dżankoja.",
    ],
)
def test_attacked_train_is_no_shipment(text: str) -> None:
    assert read(text, PUB, "pl").shipments == []


# -- words that look like the railway's: a report of "transport" with no railway --------


def test_next_and_part_of_are_no_railway_words() -> None:
    text = (
        "Brygada, wchodząca w skład dywizji, spodziewa się kolejnych dostaw. Do końca "
        "roku trafić mają jeszcze dwa transporty z 10 czołgami."
    )
    assert read(text, PUB, "pl").shipments == []


def test_a_railway_word_keeps_the_transport() -> None:
    text = "Kolejowy transport 12 czołgów dotarł do Orzysza z Gdyni."
    assert ends(read(text, PUB, "pl")) == [("Gdyni", "Orzysza")]


# -- a word of doubt in thanks is no hedge about the train -------------------------------


def test_thanks_is_no_hedge() -> None:
    text = (
        "Pierwszy pociąg z lekami z Krakowa dotarł do Charkowa! Nie byłoby to możliwe bez "
        "pomocy kolejarzy – poinformował burmistrz Krakowa. „Pierwszy pociąg z lekami z "
        "Krakowa dotarł do Charkowa! Trasa nie była łatwa” – napisał burmistrz."
    )
    (train,) = read(text, PUB, "pl").shipments
    assert train.claim == "sighted"


def test_a_real_hedge_stays() -> None:
    (train,) = read("Pociąg z lekami prawdopodobnie dotarł do Charkowa.", PUB, "pl").shipments
    assert train.claim == "expected"


# -- a train stopped on its way: where it stood is a place passed ------------------------


def test_stopped_train_passed_the_place() -> None:
    text = "Skład z paliwem, zatrzymany w Kutnie, jechał z Płocka do Gdańska."
    assert vias(text) == [["Kutnie"]]


# -- a country in any case is no place passed ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Pociąg ze zbożem zauważono w Hiszpanii, jechał z Ukrainy do Walencji.", "Hiszpanii"),
        ("Pociąg z nawozami zauważono w Polsce, jechał z Kłajpedy do Lwowa.", "Polsce"),
    ],
)
def test_country_seen_in_is_no_via(text: str, country: str) -> None:
    assert country not in [v for per in vias(text) for v in per]


# -- what cannot be ruled out is no goal over one told ------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "goal"),
    [
        (
            "Skład z 20 wagonami kierował się na Białoruś. Nie można wykluczyć, że po "
            "postoju wagony skierowano do obwodu mińskiego.",
            "pl",
            "Białoruś",
        ),
        (
            "Эшелон из 40 вагонов направлялся в Беларусь. Не исключено, что затем вагоны "
            "отправили в Гомельскую область.",
            "ru",
            "Беларусь",
        ),
    ],
)
def test_doubt_keeps_the_goal_told(text: str, lang: str, goal: str) -> None:
    assert ends(read(text, PUB, lang)) == [(None, goal)]


def test_hedged_goal_of_a_train_with_none_is_kept() -> None:
    text = "Pociąg z 30 wagonami wyjechał z Orszy. Nie można wykluczyć, że jedzie do Mińska."
    assert ends(read(text, PUB, "pl")) == [("Orszy", "Mińska")]

"""Polish kinds of issue 13, session 15: a station named with its role after the kind word.

Polish puts the adjective after the noun: "pociąg z 45 kontenerami dotarł do stacji
końcowej Sławków LHS" (r892), "do stacji docelowej Brześć", "przez stację graniczną
Terespol", "ze stacji załadunkowej Orsza". The word between the kind word and the name
hid the name: the place was lost, and with it the train when nothing else was told.
Russian, Ukrainian and Belarusian name the role in a genitive after the kind word the
same way ("на станцию назначения Брест", "на станцію призначення Брест", "на станцыю
прызначэння Брэст") and lost it alike. The lexicons now list the kind word with its role
word in every case (``place_kinds``: "stacji końcowej", "станции назначения").

The inputs are written for these tests (other names than any report's). Each test of
the kind failed on the code before its fix (branch langpl at 022a3b6).
"""

from __future__ import annotations

from datetime import date

import pytest

from tests._extract_helpers import read

PUB = date(2024, 5, 9)

ROLE_WORD = [
    ("pl", "Pociąg z 38 wagonami dotarł do stacji końcowej Kowel.", None, "Kowel", []),
    ("pl", "Skład dotarł do stacji docelowej Łuniniec.", None, "Łuniniec", []),
    ("pl", "Pociąg dotarł do stacji przeznaczenia Żłobin.", None, "Żłobin", []),
    ("pl", "Eszelon wyjechał ze stacji załadunkowej Rzeżyca do Połocka.", "Rzeżyca", "Połocka", []),
    ("pl", "Skład przejechał przez stację graniczną Bruzgi.", None, None, ["Bruzgi"]),
    ("pl", "Pociąg z Orszy przyjechał na stację rozładunkową Prybar.", "Orszy", "Prybar", []),
    ("ru", "Эшелон из 38 вагонов прибыл на станцию назначения Жлобин.", None, "Жлобин", []),
    ("ru", "Состав ушёл со станции погрузки Полоцк в Гомель.", "Полоцк", "Гомель", []),
    ("uk", "Ешелон із 38 вагонів прибув на станцію призначення Жлобин.", None, "Жлобин", []),
    ("uk", "Состав вирушив зі станції навантаження Полоцьк до Гомеля.", "Полоцьк", "Гомеля", []),
    ("be", "Эшалон з 38 вагонаў прыбыў на станцыю прызначэння Жлобін.", None, "Жлобін", []),
    ("be", "Састаў выйшаў са станцыі пагрузкі Полацк у Гомель.", "Полацк", "Гомель", []),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "text", "origin", "dest", "via"), ROLE_WORD)
def test_a_station_named_with_its_role_word_is_the_place(
    lang: str, text: str, origin: str | None, dest: str | None, via: list[str]
) -> None:
    (ship,) = read(text, PUB, lang).shipments
    assert (ship.origin.text if ship.origin else None) == origin
    assert (ship.destination.text if ship.destination else None) == dest
    assert [v.text for v in ship.via or []] == via


# the kind word alone, and an adjective before it (controls, read before)
PLAIN = [
    ("pl", "Pociąg dotarł do stacji Kowel.", "Kowel"),
    ("pl", "Pociąg dotarł do stacji kolejowej Kowel.", "Kowel"),
    ("ru", "Эшелон прибыл на конечную станцию Жлобин.", "Жлобин"),
    ("en", "The train arrived at the destination station Zhlobin.", "Zhlobin"),
]


@pytest.mark.parametrize(("lang", "text", "dest"), PLAIN)
def test_a_station_named_plainly_is_still_read(lang: str, text: str, dest: str) -> None:
    (ship,) = read(text, PUB, lang).shipments
    assert ship.destination is not None
    assert ship.destination.text == dest


def test_the_role_word_keeps_the_train_told_around_it() -> None:
    """r892's form: the count and the day stay on the train that reached the station."""
    text = (
        "9 maja do Polski przyjechał pociąg z Chin. "
        "Z miasta Chengdu pociąg z 41 wagonami dotarł do stacji końcowej Sławków LHS."
    )
    ships = read(text, PUB, "pl").shipments
    dests = [s.destination.text for s in ships if s.destination is not None]
    assert "Sławków LHS" in dests
    (reached,) = [s for s in ships if s.destination and s.destination.text == "Sławków LHS"]
    assert reached.cars.total == 41


# -- a town's genitive in "-ska" before a verb or a day is the place -------------------
#
# "Pociąg ze Szczecina do Dorohuska przewoził cysterny z ropą" (r154's train): a name in
# "-ska" followed by a lower-case word was taken for an adjective of that word ("na
# Krymski most"), so "do Dorohuska", "do Mińska", "do Smoleńska" were lost before a verb
# of carrying ("przewoził", "wiózł") or a day ("wczoraj"). Town adjectives are lower
# case in Polish; the word after is a verb's past form (the lexicon's ``verb_endings``)
# or a day.

GENITIVE_SKA = [
    ("Pociąg z Kowla do Pińska przewoził cysterny z paliwem.", "Kowla", "Pińska"),
    ("Skład z Kowla do Pińska wiózł czołgi.", "Kowla", "Pińska"),
    ("Pociąg jadący z Kowla do Pińska przewoził amunicję.", "Kowla", "Pińska"),
    ("Eszelon z Orszy do Kurska przewiózł paliwo.", "Orszy", "Kurska"),
    ("Eszelon z Orszy do Briańska wczoraj dotarł.", "Orszy", "Briańska"),
    ("Pociąg z Kowla do Słucka wczoraj wieczorem dotarł.", "Kowla", "Słucka"),
]


@pytest.mark.parametrize(("text", "origin", "dest"), GENITIVE_SKA)
def test_a_town_in_ska_before_a_verb_or_a_day_is_the_place(
    text: str, origin: str, dest: str
) -> None:
    (ship,) = read(text, PUB, "pl").shipments
    assert ship.origin is not None
    assert ship.destination is not None
    assert (ship.origin.text, ship.destination.text) == (origin, dest)


def test_an_adjective_before_its_noun_is_still_no_place() -> None:
    """Control: "na Krymski most" names a bridge, not a place "Krymski" (passed before)."""
    ships = read("Pociąg z Kowla wjechał na Krymski most.", PUB, "pl").shipments
    assert all(s.destination is None or s.destination.text != "Krymski" for s in ships)


# -- lorries and buses are another mode (the Polish lexicon had only columns) ----------
#
# Russian, Ukrainian and Belarusian name lorries, buses and planes among their ``road``
# words ("фурами", "вантажівок", "грузавікоў"); Polish had only "kolumna" and "konwój", so
# a sentence of goods coming by lorry beside a train report gave trains.

BY_ROAD = [
    ("Trzy pociągi wyjadą do Chin. "
     "Do terminala w Kowlu ciężarówkami będą przyjeżdżały towary z Niemiec i Czech."),
    ("Dwa pociągi wyjechały z Brześcia do Mińska. "
     "Do Pińska autobusami przyjechali żołnierze z Homla."),
]  # fmt: skip


@pytest.mark.parametrize("text", BY_ROAD)
def test_goods_or_people_by_lorry_or_bus_are_no_train(text: str) -> None:
    ships = read(text, PUB, "pl").shipments
    places = {s.origin.text for s in ships if s.origin} | {
        s.destination.text for s in ships if s.destination
    }
    assert not places & {"Niemiec", "Kowlu", "Pińska", "Homla"}, places


def test_a_train_carrying_lorries_is_still_a_train() -> None:
    """Control: "pociąg z 13 ciężarówkami" names a train (passed before)."""
    (ship,) = read("Pociąg z 13 ciężarówkami dotarł z Kowla do Sławkowa.", PUB, "pl").shipments
    assert ship.destination is not None

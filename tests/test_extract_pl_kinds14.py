"""Polish kinds of issue 13, session 14: text typed without its letters, and transliterations.

Polish typed without diacritics ("Pociag z Orszy do Smolenska odjechal wczoraj z 40
wagonami.", common in comments and quick posts) was taken for English and gave
nothing, with no problem; Russian, Ukrainian and Belarusian typed in Latin letters
were "too short to name". The inputs are written for these tests (other names,
numbers and words than any report's). Each test of a kind failed on the code
before its fix (main at 032d7f0).
"""

from __future__ import annotations

from datetime import date

import pytest

from railtrack.extract.language import detect_language
from railtrack.extract.unaccented import FOLD, restore_diacritics
from tests._extract_helpers import ends, read

PUB = date(2023, 4, 15)


def facts(text: str, lang: str | None = None) -> list[tuple[object, ...]]:
    """Each shipment's ends, dates, total and claim, as read offline."""
    out = []
    for s in read(text, PUB, lang).shipments:
        out.append(
            (
                s.origin.text.translate(FOLD) if s.origin else None,
                s.destination.text.translate(FOLD) if s.destination else None,
                s.departure.earliest if s.departure else None,
                s.expected_arrival.earliest if s.expected_arrival else None,
                s.cars.total,
                s.cars.flat,
                s.claim,
                [v.text.translate(FOLD) for v in s.via or []],
            )
        )
    return out


# -- Polish typed without its letters reads as Polish typed with them -----------------

WRITTEN = [
    "Wczoraj z Orszy do Smoleńska odjechał skład wojskowy z 44 wagonami.",
    "W środę do Łunińca przyjechały dwa pociągi: pierwszy liczył 31 wagonów, drugi 27.",
    "Transport z czołgami (36 platform i 2 wagony pasażerskie) dotarł do Mozyrza w piątek.",
    "Jutro do Brześcia ma przyjechać kolejny eszelon z Rosji, około 40 wagonów.",
    "13 kwietnia przez Żłobin w kierunku Homla przejechał pociąg wojskowy (38 wagonów).",
    "Eszelon ze sprzętem wojskowym wyjechał z Baranowicz do Słonimia 12 kwietnia.",
]


@pytest.mark.parametrize("written", WRITTEN)
def test_polish_typed_plain_reads_as_written_polish(written: str) -> None:
    typed = written.translate(FOLD)
    assert typed.isascii()
    got = facts(typed)
    assert got, f"nothing read from {typed!r}"
    assert got == facts(written, "pl")


# short posts: too few letters for lingua, no English word (was "und" or "en")
SHORT = [
    ("Eszelon odjechal z Homla do Orszy w piatek.", ("Homla", "Orszy")),
    ("Pociag do Brzescia, 42 wagony.", (None, "Brzescia")),
    ("Wczoraj pociag z Orszy do Witebska.", ("Orszy", "Witebska")),
    ("Sklad z Rosji dotarl do Lunińca.", ("Rosji", "Lunińca")),
]


@pytest.mark.parametrize(("typed", "ends_read"), SHORT)
def test_short_polish_typed_plain_is_detected_and_read(
    typed: str, ends_read: tuple[str | None, str | None]
) -> None:
    assert detect_language(typed).lang == "pl"
    result = read(typed, PUB)
    assert ends(result) == [ends_read]
    assert result.problems == []


def test_evidence_is_the_text_as_typed() -> None:
    typed = "Pociag wojskowy z 40 wagonami wyruszyl wczoraj z Mozyrza do Brzescia."
    evidence = read(typed, PUB).shipments[0].evidence
    assert {e.field for e in evidence} >= {"origin", "destination", "departure", "cars.total"}
    for e in evidence:
        assert typed[e.start : e.end] == e.text
        assert e.text.isascii()


def test_words_the_lexicon_writes_two_ways_keep_the_typed_one() -> None:
    # "maja" is May (a month) and "mają" they have: typed plain, May stays May
    assert restore_diacritics("15 maja do Gdanska dotarl sklad") == (
        "15 maja do Gdanska dotarł skład"
    )
    # short words written both ways are two words ("ze" from, "że" that)
    assert restore_diacritics("ze Lwowa") == "ze Lwowa"


def test_abbreviations_in_capitals_stay() -> None:
    assert restore_diacritics("PKP SA: SKLAD") == "PKP SA: SKLAD"


@pytest.mark.parametrize(
    "text",
    [
        "Two trains with 30 cars each left Orsha yesterday for Smolensk.",
        "Pociąg z 40 wagonami przyjechał wczoraj do Brześcia z Orszy.",
    ],
)
def test_english_and_written_polish_are_left_alone(text: str) -> None:
    guess = detect_language(text)
    assert guess.basis != "unaccented"
    assert restore_diacritics(text) == text or guess.lang == "en"


# -- Russian, Ukrainian, Belarusian typed in Latin letters are named ------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Vchera iz Gomelya v Bryansk otpravilsya eshelon, 38 platform.", "ru"),
        ("Sostav iz 41 vagona pribyl na stantsiyu Rossosh.", "ru"),
        ("Ukora do Mozyrya prybuv eshelon z 33 platform i 2 vahoniv.", "uk"),
        ("Eshalon z 36 vagonau prybyu u Asipovichy uchora.", "be"),
        # long enough for lingua to name the nearest language it knows (Esperanto, Welsh)
        (
            "Vchera iz Gomelya v Bryansk otpravilsya voinskiy eshelon iz 38 platform s "
            "tankami i dvukh passazhirskikh vagonov, soobshchayut zheleznodorozhniki.",
            "ru",
        ),
        (
            "Uchora z Homelya do Bryanska vyrushyv viyskovyi eshelon z 38 platform z tankamy "
            "ta dvoma pasazhyrskymy vahonamy, povidomlyayut zaliznychnyky.",
            "uk",
        ),
    ],
)
def test_transliterated_cyrillic_languages_are_named(text: str, lang: str) -> None:
    result = read(text, PUB)
    assert result.shipments == []
    assert result.lang == f"{lang}-Latn"
    assert any(f"reads as {lang} typed in Latin letters" in p for p in result.problems)


def test_a_report_in_another_language_is_still_named_as_before() -> None:
    result = read("Traukinys su karine technika atvyko į Baranovičius vakar vakare.", PUB)
    assert result.shipments == []
    assert result.problems
    assert "-Latn" not in result.lang


def test_ends_of_a_plain_typed_relay() -> None:
    typed = "Z Homla do Kalinkowicz wyjechal wczoraj kolejny sklad z 30 platformami."
    assert ends(read(typed, PUB)) == [("Homla", "Kalinkowicz")]


# -- a report's heading names the destination of the trains it then tells -------------
# "Kierunek: Drawsko Pomorskie" over the article, "W kierunku Orzysza ... przemieszczają
# się" before "Zorganizowano 11 transportów": the trains name no end of their own.


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "W kierunku Bemowa Piskiego przemieszczają się pododdziały brygady.\n"
            "Zorganizowano 4 transporty kolejowe z czołgami.",
            "pl",
            [(None, "Bemowa Piskiego")] * 4,
        ),
        (
            "Kierunek: Orzysz\nZ Żagania wyjechał wczoraj pociąg z 30 platformami.",
            "pl",
            [("Żagania", "Orzysz")],
        ),
        (
            "Направление — Валуйки\nЭшелон из 40 вагонов вышел вчера из Гомеля.",
            "ru",
            [("Гомеля", "Валуйки")],
        ),
        (
            "Напрямок — Валуйки\nЕшелон із 40 вагонів вийшов учора з Гомеля.",
            "uk",
            [("Гомеля", "Валуйки")],
        ),
        (
            "Кірунак — Валуйкі\nЭшалон з 40 вагонаў выйшаў учора з Гомеля.",
            "be",
            [("Гомеля", "Валуйкі")],
        ),
        (
            "In the direction of Valuyki.\nA train of 40 cars left Gomel yesterday.",
            "en",
            [("Gomel", "Valuyki")],
        ),
    ],
)
def test_heading_destination_goes_to_trains_without_one(
    text: str, lang: str, expected: list[tuple[str | None, str | None]]
) -> None:
    assert ends(read(text, PUB, lang)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the trains name their own end: the heading does not replace it
        (
            "Kierunek: Orzysz\nZ Żagania do Świętoszowa wyjechał wczoraj pociąg z 30 platformami.",
            [("Żagania", "Świętoszowa")],
        ),
        # the first sentence does not open with the cue: no heading
        (
            "Żołnierze przemieszczają się w kierunku Orzysza. Wczoraj z Żagania wyjechał "
            "pociąg z 30 platformami.",
            [("Żagania", None)],
        ),
    ],
)
def test_no_heading_destination_where_it_is_not_one(
    text: str, expected: list[tuple[str | None, str | None]]
) -> None:
    assert ends(read(text, PUB, "pl")) == expected


# -- a depot or store in a town is the place ("do magazynu w Mostach") ----------------
# The new report r972 ("z wojskowego składu w Hajnówce do podobnego magazynu w Mostach"):
# the depot's town was read as a place passed; the destination was lost.


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Pociąg z amunicją wyjechał z Homla do magazynu w Mozyrzu.", "pl", ("Homla", "Mozyrzu")),
        ("Skład z 20 wagonami przyjechał wczoraj do składnicy w Kutnie.", "pl", (None, "Kutnie")),
        ("Эшелон с боеприпасами ушёл из Гомеля на склад в Мозыре.", "ru", ("Гомеля", "Мозыре")),
        ("Ешелон з боєприпасами вийшов з Гомеля до складу в Мозирі.", "uk", ("Гомеля", "Мозирі")),
        ("Эшалон з боепрыпасамі выйшаў з Гомеля на склад у Мазыры.", "be", ("Гомеля", "Мазыры")),
        ("A train with ammunition left Gomel for the depot in Mozyr.", "en", ("Gomel", "Mozyr")),
    ],
)
def test_a_depot_in_a_town_is_the_place(
    text: str, lang: str, expected: tuple[str | None, str | None]
) -> None:
    assert ends(read(text, PUB, lang)) == [expected]


# -- a load that arrives at a sea port, in a report of no railway, came by ship -------
# The new report r976 ("W środę do portu w Szczecinie przybył transport wojskowy – 14
# czołgów Abrams", "wyładowane w porcie w Szczecinie"): read as a train to Szczecin.


@pytest.mark.parametrize(
    "text",
    [
        "W czwartek do portu w Gdyni przybył transport wojskowy z 20 haubicami.",
        "Sprzęt został wyładowany w porcie w Świnoujściu. Dostawa liczyła 12 wozów.",
        "Do Polski dotarło 18 czołgów. Maszyny wyładowano w porcie w Gdańsku we wtorek.",
    ],
)
def test_a_load_arriving_at_a_port_with_no_railway_word_is_no_train(text: str) -> None:
    assert read(text, PUB, "pl").shipments == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a railway word keeps the train
        ("W czwartek do portu w Gdyni przyjechał pociąg z 20 haubicami.", [(None, "Gdyni")]),
        ("Do portu w Gdańsku dotarł transport koleją z Ukrainy.", [("Ukrainy", "Gdańsku")]),
    ],
)
def test_a_port_reached_by_rail_stays_a_train(
    text: str, expected: list[tuple[str | None, str | None]]
) -> None:
    assert ends(read(text, PUB, "pl")) == expected

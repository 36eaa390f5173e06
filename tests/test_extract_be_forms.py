"""Belarusian has no pymorphy dictionary: the lexicon lists every case form itself.

These tests check the forms a report uses for car nouns, months, motion verbs and
station nouns, in the official Cyrillic orthography, in taraškievica (the classical
orthography Radio Svaboda and Nasha Niva write) and in Łacinka (read by spelling it
in Cyrillic, :mod:`railtrack.extract.lacinka`). The forms are those of the standard
declension and conjugation tables (nominative, genitive, dative, accusative,
instrumental, locative; singular and plural).
"""

import pytest

from railtrack.extract.lacinka import to_cyrillic
from railtrack.extract.lexicon import lexicon, tokens
from railtrack.extract.lexread import LexiconReader

BE = LexiconReader("be")

# noun: (forms of every case, singular then plural; the car type it names)
CAR_NOUNS = {
    "вагон": (
        "вагон вагона вагону вагонам вагоне вагоны вагонаў вагонам вагонамі вагонах",
        "total",
    ),
    "платформа": (
        "платформа платформы платформе платформу платформай платформаю платформ платформаў "
        "платформам платформамі платформах",
        "flat",
    ),
    "плятформа": (
        "плятформа плятформы плятформе плятформу плятформай плятформаў плятформамі",
        "flat",
    ),
    "цыстэрна": (
        "цыстэрна цыстэрны цыстэрне цыстэрну цыстэрнай цыстэрн цыстэрнаў цыстэрнам цыстэрнамі "
        "цыстэрнах",
        "tank",
    ),
    "паўвагон": (
        "паўвагон паўвагона паўвагону паўвагонам паўвагоне паўвагоны паўвагонаў паўвагонамі "
        "паўвагонах",
        "other",
    ),
}

# month: its forms (nominative, genitive, dative, instrumental, locative), official and
# taraškievica spellings
MONTHS = {
    1: "студзень студзеня студзеню студзенем студзені",
    2: "люты лютага лютаму лютым",
    3: "сакавік сакавіка сакавіку сакавіком",
    4: "красавік красавіка красавіку красавіком",
    5: "травень траўня траўню траўнем траўні",
    6: "чэрвень чэрвеня чэрвеню чэрвенем чэрвені",
    7: "ліпень ліпеня ліпеню ліпенем ліпені",
    8: "жнівень жніўня жніўню жніўнем жніўні",
    9: "верасень верасня верасню вераснем верасні верасьня верасьні",
    10: "кастрычнік кастрычніка кастрычніку кастрычнікам",
    11: "лістапад лістапада лістападу лістападам лістападзе",
    12: "снежань снежня снежню снежнем снежні сьнежань сьнежня сьнежні",
}

# the same months in Łacinka (genitive, as dates are written)
MONTHS_LATN = {
    1: "studzienia",
    2: "lutaha",
    3: "sakavika",
    4: "krasavika",
    5: "traŭnia",
    6: "červienia",
    7: "lipienia",
    8: "žniŭnia",
    9: "vieraśnia",
    10: "kastryčnika",
    11: "listapada",
    12: "śniežnia",
}

VERBS = {
    "departure": "адправіўся адправілася адправіліся адпраўлены адпраўлена адпраўленыя "
    "выехаў выехалі рушыў рушылі пакінуў пакінулі",
    "arrival": "прыбыў прыбыла прыбылі прыбудзе прыбудуць прыехаў прыехалі вярнуўся "
    "разгрузілі выгрузілі",
    "neutral": "праехаў праехалі прайшоў перасёк заўважылі рухаўся",
}

VERBS_LATN = {
    "departure": "adpraviŭsia adpravilisia vyjechaŭ rušyŭ",
    "arrival": "prybyŭ prybyli pryjechaŭ",
}


@pytest.mark.parametrize("noun", sorted(CAR_NOUNS))
def test_every_case_form_of_a_car_noun_is_counted(noun):
    forms, kind = CAR_NOUNS[noun]
    for form in forms.split():
        counts = BE.find_car_counts(f"12 {form}")
        assert [(c.kind, c.value) for c in counts] == [(kind, 12)], form


@pytest.mark.parametrize(
    ("text", "kind"),
    [("12 vahonaŭ", "total"), ("12 platformaŭ", "flat"), ("12 cysternaŭ", "tank")],
)
def test_car_nouns_in_lacinka(text, kind):
    cyrillic = to_cyrillic(text)[0]
    assert [(c.kind, c.value) for c in BE.find_car_counts(cyrillic)] == [(kind, 12)]


@pytest.mark.parametrize("month", sorted(MONTHS))
def test_every_case_form_of_a_month(month):
    lex = lexicon("be")
    for form in MONTHS[month].split():
        assert lex.months.get(tokens(form)[0].low) == month, form


@pytest.mark.parametrize("month", sorted(MONTHS_LATN))
def test_months_in_lacinka(month):
    lex = lexicon("be")
    cyrillic = to_cyrillic(MONTHS_LATN[month])[0]
    assert lex.months.get(tokens(cyrillic)[0].low) == month, cyrillic


@pytest.mark.parametrize("role", sorted(VERBS))
def test_forms_of_motion_verbs(role):
    for form in VERBS[role].split():
        assert [c.role for c in BE.verb_cues(f"цягнік {form}")] == [role], form


@pytest.mark.parametrize("role", sorted(VERBS_LATN))
def test_motion_verbs_in_lacinka(role):
    for form in VERBS_LATN[role].split():
        cyrillic = to_cyrillic(f"ciahnik {form}")[0]
        assert [c.role for c in BE.verb_cues(cyrillic)] == [role], cyrillic


@pytest.mark.parametrize(
    ("text", "role", "place"),
    [
        ("Эшалон адправіўся са станцыі Асіповічы.", "origin", "Асіповічы"),
        ("Эшалон прыбыў на станцыю Асіповічы.", "destination", "Асіповічы"),
        ("Эшалон рушыў да станцыі Асіповічы.", "destination", "Асіповічы"),
        ("Эшалон заўважылі на станцыі Асіповічы.", "at", "Асіповічы"),
        ("Эшалон адправіўся з чыгуначнай станцыі Асіповічы.", "origin", "Асіповічы"),
        ("Эшалон прыбыў на чыгуначную станцыю Асіповічы.", "destination", "Асіповічы"),
        ("Эшалён прыбыў на станцыю Асіповічы.", "destination", "Асіповічы"),
    ],
)
def test_station_nouns_in_every_case(text, role, place):
    assert (role, place) in [(p.role, p.text) for p in BE.find_places(text)]


@pytest.mark.parametrize(
    ("text", "role", "place"),
    [
        ("Ešalon adpraviŭsia sa stancyi Asipovičy.", "origin", "Асіповічы"),
        ("Ešalon prybyŭ na stancyju Asipovičy.", "destination", "Асіповічы"),
    ],
)
def test_station_nouns_in_lacinka(text, role, place):
    cyrillic = to_cyrillic(text)[0]
    assert (role, place) in [(p.role, p.text) for p in BE.find_places(cyrillic)]

"""Kinds of misreading found on real English reports in session 12 (issue 13).

Every input is written here (not copied from a corpus); each stands for a kind, and the
assertions are about the kind, never about one text. The reports that showed them are
in ``tests/data/extraction_real/`` (r850-r862 and the older English reports).
"""

import pytest

from railtrack.extract.lexread import LexiconReader
from railtrack.extract.places import find_places
from railtrack.extract.routelists import route_list_places
from tests._extract_helpers import ends, read


def vias(result):
    return [[v.text for v in s.via] for s in result.shipments]


# -- a route written as a list of three places or more: start, places passed, end -----


@pytest.mark.parametrize(
    ("text", "origin", "via", "destination"),
    [
        # names glossed with their country after a comma, en dashes spaced
        (
            "The block train ran the route Almaty, Kazakhstan – Saryagash, Kazakhstan – "
            "Tashkent, Uzbekistan last week.",
            "Almaty",
            ["Saryagash"],
            "Tashkent",
        ),
        # glosses in brackets, em dashes without spaces
        (
            "A train of 40 wagons went on the route Lanzhou (China)—Khorgos (China)—"
            "Altynkol (Kazakhstan)—Aktau (Kazakhstan)—Baku (Azerbaijan).",
            "Lanzhou",
            ["Khorgos", "Altynkol", "Aktau"],
            "Baku",
        ),
        # the list before the route word, hyphens after the glosses
        (
            "They sent the first train on the Chongqing (China) -Dostyk (Kazakhstan) "
            "-Brest (Belarus) -Lodz route on Monday.",
            "Chongqing",
            ["Dostyk", "Brest"],
            "Lodz",
        ),
        # spaced hyphens, no glosses
        (
            "The freight train took the route Hamburg - Hannover - Nuremberg - Vienna.",
            "Hamburg",
            ["Hannover", "Nuremberg"],
            "Vienna",
        ),
    ],
)
def test_a_route_list_names_the_start_the_places_passed_and_the_end(text, origin, via, destination):
    result = read(text)
    assert ends(result) == [(origin, destination)]
    assert vias(result) == [via]


def test_a_hyphen_inside_a_name_does_not_split_it():
    # "Ak-Yayla" is one name: only a dash, a spaced hyphen or a hyphen after a gloss
    # separates two names
    result = read("The train took the route Bereket – Ak-Yayla – Gorgan (Iran).")
    assert ends(result) == [("Bereket", "Gorgan")]
    assert vias(result) == [["Ak-Yayla"]]


@pytest.mark.parametrize(
    "text",
    [
        "The corridor follows the route China – Kazakhstan – Turkmenistan – Iran.",
        "The train runs on the China-Kazakhstan-Turkmenistan-Iran route.",
    ],
)
def test_a_route_list_of_countries_names_no_places_passed(text):
    assert all(p.role != "crossing" for p in find_places(text))
    assert all(not s.via for s in read(text).shipments)


def test_a_list_with_no_route_word_is_left_to_the_other_rules():
    assert route_list_places("Kyiv – Chelm – Warsaw trains", ["route"], is_broad=str.isupper) == []


@pytest.mark.parametrize(
    ("lang", "text", "origin", "via", "destination"),
    [
        (
            "ru",
            "Контейнерный поезд проследовал по маршруту Ланьчжоу – Хоргос – Актау – Баку.",
            "Ланьчжоу",
            ["Хоргос", "Актау"],
            "Баку",
        ),
        (
            "uk",
            "Поїзд вирушив за маршрутом Ланьчжоу – Хоргос – Актау – Баку.",
            "Ланьчжоу",
            ["Хоргос", "Актау"],
            "Баку",
        ),
        (
            "be",
            "Цягнік рушыў па маршруце Ланьчжоу – Хоргас – Актау – Баку.",
            "Ланьчжоу",
            ["Хоргас", "Актау"],
            "Баку",
        ),
        (
            "pl",
            "Pociąg pojechał na trasie Lanzhou – Chorgos – Aktau – Baku.",
            "Lanzhou",
            ["Chorgos", "Aktau"],
            "Baku",
        ),
    ],
)
def test_a_route_list_is_read_in_every_language(lang, text, origin, via, destination):
    places = [(p.role, p.text) for p in LexiconReader(lang).find_places(text)]
    assert places == [("origin", origin)] + [("crossing", v) for v in via] + [
        ("destination", destination)
    ]
    result = read(text, lang=lang)
    assert ends(result) == [(origin, destination)]
    assert vias(result) == [via]


# -- a border crossing named as such before "of": the place passed ------------------------


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "The container train ran through the border crossing station of Zabaykalsk to Moscow.",
            "Zabaykalsk",
        ),
        ("The train went via the border station of Altynkol and on to Aktau.", "Altynkol"),
        (
            "The train passed through the border crossing of Erenhot before reaching Ulaanbaatar.",
            "Erenhot",
        ),
        ("The freight train went through the crossing station of Brest to Warsaw.", "Brest"),
    ],
)
def test_a_border_crossing_named_before_of_is_a_place_passed(text, place):
    assert ("at", place) in [(p.role, p.text) for p in find_places(text)]
    assert [place] in vias(read(text))


# -- an outlet or office named as a source is no place of the train ----------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A grain train left Minsk on Monday (According to the Xinhua news agency).", "Minsk"),
        ("A grain train left Minsk on Monday, as reported to the Nasha Niva newspaper.", "Minsk"),
        ("A grain train left Minsk, Belta learned from the Kremlin press service.", "Minsk"),
        ("A grain train left Minsk on Monday, according to the Interfax news agency.", "Minsk"),
    ],
)
def test_an_outlet_named_as_a_source_is_no_place(text, expected):
    assert ends(read(text)) == [(expected, None)]


def test_an_outlet_named_as_a_source_is_no_origin():
    text = "A grain train reached Orsha, the editors wrote from the Zerkalo website."
    assert ends(read(text)) == [(None, "Orsha")]


# -- a people's adjective before "port of": the port's town is the place -----------------


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("The tanks will head by rail to the German port of Bremerhaven.", "Bremerhaven"),
        ("A grain train reached the Romanian port of Constanta on Monday.", "Constanta"),
        ("The train left the Chinese port of Lianyungang for Duisburg.", "Lianyungang"),
    ],
)
def test_a_peoples_adjective_before_port_of_is_no_place(text, place):
    names = [p.text for p in find_places(text)]
    assert place in names
    assert not any(n.endswith(("German", "Romanian", "Chinese")) for n in names)


# -- a unit's ordinal before its nickname in quotes is no day ---------------------------


@pytest.mark.parametrize(
    "text",
    [
        'The train left Orsha; the unit deployed before as the 2nd "Dagger" Brigade.',
        "The train left Orsha with the 3rd “Iron” Division aboard.",
        "The train left Orsha with the 1st «Kantemirovskaya» Division.",
    ],
)
def test_a_units_ordinal_before_a_quoted_nickname_is_no_day(text):
    (shipment,) = read(text).shipments
    assert shipment.departure is None


@pytest.mark.parametrize(
    ("text", "origin", "via", "destination"),
    [
        (
            "The send-off of a train to Lanzhou (China)–Khorgos (China)–Aktau (Kazakhstan)"
            "–Baku (Azerbaijan) was held on Friday.",
            "Lanzhou",
            ["Khorgos", "Aktau"],
            "Baku",
        ),
        (
            "A container train from Chongqing, China – Dostyk, Kazakhstan – Brest, Belarus – "
            "Lodz, Poland left on Friday.",
            "Chongqing",
            ["Dostyk", "Brest"],
            "Lodz",
        ),
    ],
)
def test_a_list_of_places_glossed_with_countries_needs_no_route_word(
    text, origin, via, destination
):
    result = read(text)
    assert ends(result) == [(origin, destination)]
    assert vias(result) == [via]


def test_two_glossed_places_are_no_list():
    # a route of two ends is read by the other rules: no place passed
    result = read("The container train left Kyiv (Ukraine) – Chelm (Poland) yesterday.")
    assert vias(result) == [[]]


# -- a "freightliner" is a container train ----------------------------------------------


def test_a_freightliner_is_a_train():
    result = read("On 12 May the third cargo freightliner left the city of Yinchuan for Tehran.")
    assert ends(result) == [("Yinchuan", "Tehran")]


# -- "the Middle East", "the Far East": a region's name ends in its compass word ---------


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("The train left Duisburg for the Middle East in May.", "Middle East"),
        ("An echelon from the Far East reached Chita.", "Far East"),
    ],
)
def test_a_region_named_with_a_compass_word_keeps_it(text, region):
    names = [p.text for p in find_places(text)]
    assert region in names
    assert region.split()[0] not in names


# -- a news agency's dateline dates the page, not the train ------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "WUHAN, March 3 (Xinhua) -- A container train left Wuhan for Duisburg on Tuesday.",
        "MINSK, Jan. 12 (Reuters) - A container train left Minsk for Duisburg on Tuesday.",
        "Almaty, 3 March – Kazinform. A container train left Almaty for Duisburg on Tuesday.",
    ],
)
def test_a_news_agency_dateline_is_no_date_of_the_train(text):
    from datetime import date

    (shipment,) = read(text, published=date(2023, 3, 3)).shipments
    # the train left on Tuesday 28 February, not on the dateline's 3 March
    assert shipment.departure is not None
    assert shipment.departure.earliest == date(2023, 2, 28)

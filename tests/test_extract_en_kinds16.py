"""Kinds of misreading found on the real English reports of session 16 (issue 13).

Every input is written here (not copied from a corpus); each stands for a kind, and the
assertions are about the kind, never about one text. The reports that showed them are
in ``tests/data/extraction_real/`` (r985-r994 and the older English reports).
"""

from __future__ import annotations

import pytest
from _extract_helpers import ends as ends_of
from _extract_helpers import read

from railtrack.extract.tense import told_as_plan

# -- trains counted only in a plan or a need, with no day and no place: no trains ----


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("In all, 600 wagons of ammunition (31 echelons) will be moved out of the depot.", "en"),
        ("Up to 40 trains will be needed to carry the division.", "en"),
        ("The redeployment of the brigade is planned; 12 echelons are to be formed.", "en"),
        ("Со склада будут вывезены 18 эшелонов.", "ru"),
        ("Зі складу будуть вивезені 18 ешелонів.", "uk"),
        ("Z magazynu zostaną wywiezione 18 eszelonów.", "pl"),
        ("Са склада будуць вывезены 18 эшалонаў.", "be"),
    ],
)
def test_trains_counted_in_a_plan_with_nothing_of_their_own_are_no_trains(
    text: str, lang: str
) -> None:
    result = read(text, lang=lang)
    assert result.shipments == []
    assert result.groups == []


@pytest.mark.parametrize(
    ("text", "lang", "n"),
    [
        # a day or a place of their own makes planned trains an analyst lists
        ("Three echelons will leave Slonim on 14 March.", "en", 3),
        ("Soon two more trains with grain from Ukraine will reach the port.", "en", 2),
        ("В Беларусь будут отправлены 5 эшелонов 12 марта.", "ru", 5),
        # told as done: trains, whatever follows the comma
        ("Four trains were withdrawn from the depot.", "en", 4),
        ("Kolejne trzy pociągi są w drodze, dzięki czemu będzie więcej zboża.", "pl", 3),
    ],
)
def test_trains_with_a_day_a_place_or_told_as_done_stay(text: str, lang: str, n: int) -> None:
    assert len(read(text, lang=lang).shipments) == n


def test_plan_words_are_whole_words() -> None:
    assert told_as_plan("Ten trains will be needed.", "en")
    assert not told_as_plan("The willing crews loaded ten trains.", "en")
    assert told_as_plan("Z bazy zostaną wycofane eszelony.", "pl")
    assert not told_as_plan("Ешелони вже прибули до Бреста.", "uk")


# -- "by way of" names a place passed -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "via"),
    [
        ("The container train left Chengdu for Lodz by way of Dostyk on 3 March.", "Dostyk"),
        ("The echelon will reach Valuyki by way of Liski.", "Liski"),
        ("Two trains ran from Orsha to Bryansk by way of Smolensk.", "Smolensk"),
    ],
)
def test_by_way_of_names_a_via_point(text: str, via: str) -> None:
    shipments = read(text).shipments
    assert shipments
    for s in shipments:
        assert [p.text for p in s.via] == [via]
        ends = {s.origin.text if s.origin else None, s.destination.text if s.destination else None}
        assert via not in ends


# -- a road leg beside a rail leg in one clause: the rail leg keeps its end ------------


@pytest.mark.parametrize(
    ("text", "ends"),
    [
        (
            "A block train left Kazan for China. The cargo was brought by truck from "
            "Nizhnekamsk and will travel by rail to Vladivostok.",
            [("Kazan", "Vladivostok")],
        ),
        (
            "A train of coke left Omsk for China. The coke was delivered to the terminal "
            "by lorry from the refinery and will be carried by rail to Zabaikalsk.",
            [("Omsk", "Zabaikalsk")],
        ),
        # the road's own ends stay no train's ends
        (
            "The train arrived at Polonka and the tanks went by road from Polonka to the range.",
            [(None, "Polonka")],
        ),
    ],
)
def test_a_road_leg_does_not_swallow_the_rail_leg(text: str, ends: list) -> None:
    assert ends_of(read(text)) == ends


# -- a people's adjective before its noun names no place -------------------------------


@pytest.mark.parametrize(
    ("text", "ends"),
    [
        (
            "A train left Chongqing for Uzbekistan on Sunday. It is expected to arrive in "
            "the Uzbek capital in about 12 days.",
            [("Chongqing", "Uzbekistan")],
        ),
        ("A freight train left Xi'an heading to Central Asian markets.", [("Xi'an", None)]),
        ("A container train left Lodz for East European ports.", [("Lodz", None)]),
        ("The echelon left Orsha for the Kazakh steppe.", [("Orsha", None)]),
        # a name of a place stays one
        ("A train left Wuxi for Central Asia on Saturday.", [("Wuxi", "Central Asia")]),
    ],
)
def test_a_demonym_before_its_noun_is_no_place(text: str, ends: list) -> None:
    assert ends_of(read(text)) == ends


# -- "in the area of the X village", "in the vicinity of X": where a train was seen ----


@pytest.mark.parametrize(
    "text",
    [
        "A train with tanks was seen in the area of the Zhlobin village.",
        "An echelon with howitzers was filmed in the vicinity of Zhlobin.",
        "Residents spotted a military train in the vicinity of the Zhlobin station.",
    ],
)
def test_the_area_of_a_place_is_where_the_train_was_seen(text: str) -> None:
    shipments = read(text).shipments
    assert len(shipments) == 1
    assert [p.text for p in shipments[0].via] == ["Zhlobin"]

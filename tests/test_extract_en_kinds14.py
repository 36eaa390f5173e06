"""Kinds of misreading found on real English reports and their twins in session 14 (issue 13).

Every input is written here (not copied from a corpus or a trial's files); each stands
for a kind, in every language it concerns, and the assertions are about the kind, never
about one text.
"""

import pytest

from railtrack.extract.headings import told_as_heading
from tests._extract_helpers import ends, read

# -- a lone train seen heading for a country ---------------------------------------------
# "A huge train with military equipment was seen moving towards Ukraine": one train on
# its way, whose heading an analyst records (the labelling rule "Headings"); a country
# with no heading word ("transfers to Belarus") stays news about trains in general.

_HEADINGS = [
    ("en", "A long train loaded with armour was filmed moving towards Belarus.", "Belarus"),
    ("en", "An echelon with howitzers is heading in the direction of Russia.", "Russia"),
    ("en", "A freight train carrying tanks was spotted en route to Poland on 4 March.", "Poland"),
    ("ru", "Состав с бронетехникой заметили, он шёл в сторону России.", "России"),
    ("ru", "Эшелон с гаубицами движется в направлении Белоруссии.", "Белоруссии"),
    ("uk", "Потяг із танками рухався у напрямку Росії.", "Росії"),
    ("be", "Эшалон з гаўбіцамі рухаецца ў напрамку Расіі.", "Расіі"),
    ("pl", "Skład z haubicami jechał w stronę Rosji.", "Rosji"),
]


@pytest.mark.parametrize(("lang", "text", "country"), _HEADINGS)
def test_a_lone_train_seen_heading_for_a_country_is_a_shipment(
    lang: str, text: str, country: str
) -> None:
    result = read(text, lang=lang)
    assert ends(result) == [(None, country)], text


_NO_HEADING = [
    # no heading word: news about transfers in general
    ("en", "Russia keeps transferring trains to Belarus."),
    ("ru", "Продолжается переброска эшелонов в Беларусь."),
    # a heading word, but no train in its clause: forces, not a train
    ("en", "He asked the workers not to transport troops in the direction of Ukraine."),
    # a heading the sentence itself calls untrue
    ("en", "Reports that the train was heading toward Ukraine were incorrect, he said."),
    ("ru", "Сообщения, что эшелон шёл в направлении Украины, — фейк."),
]


@pytest.mark.parametrize(("lang", "text"), _NO_HEADING)
def test_a_country_without_a_train_seen_heading_for_it_is_no_shipment(lang: str, text: str) -> None:
    assert read(text, lang=lang).shipments == [], text


def test_a_heading_word_may_stand_two_words_before_its_place() -> None:
    text = "A train was seen moving towards the nearby border of Latvia."
    assert told_as_heading(text, text.index("border"), "en")
    text = "A train was seen. Towards evening Latvia closed the border."
    assert not told_as_heading(text, text.index("Latvia"), "en")


# -- a move "by rail" after a verb of carrying or going ----------------------------------
# "The equipment and vehicles will head by rail to the German port of Bremerhaven": the
# rail move is a train, as "by train" is; "reported by Railway Supply" names a source.

_BY_RAIL = [
    ("en", "The howitzers were hauled by rail to Yavoriv.", "Yavoriv"),
    ("en", "On 3 March the battery's vehicles headed by rail to Gdynia.", "Gdynia"),
    ("en", "The battalion's trucks were dispatched via rail to Constanta.", "Constanta"),
    ("en", "The armour will be taken by rail to Bremerhaven next week.", "Bremerhaven"),
]


@pytest.mark.parametrize(("lang", "text", "place"), _BY_RAIL)
def test_a_move_by_rail_after_a_verb_of_carrying_is_a_train(
    lang: str, text: str, place: str
) -> None:
    assert ends(read(text, lang=lang)) == [(None, place)], text


def test_by_rail_after_a_verb_of_reporting_names_no_train() -> None:
    text = "The news was reported by Railway Supply magazine in Brest."
    assert read(text, lang="en").shipments == []

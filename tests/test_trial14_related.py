"""A new user's trial (trial13 T2): a link to another article is no part of the report.

A saved news page sets "Чытайце таксама: «У Асіповічы прыбыў эшалон з 36 вагонаў»"
between its paragraphs; read as a sentence, the other article's headline gave its
destination and count to the report's second train. Every line opening with such a
cue (a colon, dash or quote after it) is left unread, in all five languages.
"""

from __future__ import annotations

from datetime import date

import pytest

from railtrack.extract.related import blank_related_links
from tests._extract_helpers import read

PUB = date(2023, 4, 12)

_PAIR = {
    "be": (
        "11 і 12 красавіка на станцыю Лунінец прыбылі два вайсковыя эшалоны. У першым было "
        "33 платформы, у другім — 31 платформа.",
        [
            "Чытайце таксама: «У Асіповічы прыбыў эшалон з 36 вагонаў»",
            "Глядзіце таксама — У Жлобін прыбыў эшалон з 50 вагонаў",
        ],
    ),
    "uk": (
        "11 та 12 квітня на станцію Лунинець прибули два військові ешелони. У першому було "
        "33 платформи, у другому — 31 платформа.",
        [
            "Читайте також: До Осиповичів прибув ешелон із 36 вагонів",
            "Дивіться також: «У Жлобин прибув ешелон з 50 вагонів»",
        ],
    ),
    "ru": (
        "11 и 12 апреля на станцию Лунинец прибыли два воинских эшелона. В первом было "
        "33 платформы, во втором — 31 платформа.",
        [
            "Читайте также: «В Осиповичи прибыл эшелон из 36 вагонов»",
            "По теме: В Жлобин прибыл эшелон из 50 вагонов",
        ],
    ),
    "pl": (
        "11 i 12 kwietnia na stację Łuniniec przyjechały dwa pociągi wojskowe. Pierwszy "
        "liczył 33 platformy, drugi 31 platform.",
        [
            "Czytaj także: Do Osipowicz przyjechał pociąg z 36 wagonami",
            "Zobacz też: „Do Żłobina dotarł skład z 50 wagonami”",
        ],
    ),
    "en": (
        "Two military trains arrived at Luninets station on April 11 and 12. The first "
        "carried 33 flatcars, the second 31 flatcars.",
        [
            "Read also: Military train with 36 cars arrives in Asipovichy",
            "**Related:** A train of 50 cars arrived in Zhlobin",
        ],
    ),
}

_CASES = [(lang, n) for lang in sorted(_PAIR) for n in range(2)]


@pytest.mark.parametrize(("lang", "n"), _CASES)
def test_a_link_to_another_article_changes_no_train(lang: str, n: int) -> None:
    report, links = _PAIR[lang]
    alone = read(report, PUB, lang=lang)
    linked = read(f"{report}\n{links[n]}\n", PUB, lang=lang)
    assert len(alone.shipments) == 2
    assert [(s.destination, s.cars) for s in linked.shipments] == [
        (s.destination, s.cars) for s in alone.shipments
    ]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("По теме переговоров о поставках ничего не сказано.", "ru"),
        ("Related to the war, 40 cars of fuel went to Gomel.", "en"),
        ("Zobacz też, jak jechał pociąg z 40 wagonami do Homla.", "pl"),
    ],
)
def test_a_cue_word_in_a_sentence_is_read(text: str, lang: str) -> None:
    assert blank_related_links(text, lang) == text


def test_a_blanked_line_keeps_every_offset() -> None:
    text = "Эшелон прибыл в Брест.\nЧитайте также: «Эшелон в Гомеле»\nВ нём 40 вагонов."
    blanked = blank_related_links(text, "ru")
    assert len(blanked) == len(text)
    assert blanked.splitlines()[1].strip() == ""
    assert blanked.splitlines()[2] == "В нём 40 вагонов."

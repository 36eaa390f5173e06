"""Trial 11 findings T11, T14-T17 and onward legs: facts and rows a new user's reports lost.

- T14: a credit that says what the outlet is between the verb and its name
  ("сообщает мониторинговая группа «Беларускі Гаюн»", "the Belarusian Hajun monitoring
  group reported") names the reporter, in every language.
"""

from __future__ import annotations

from datetime import date

import pytest

from railtrack.io.webpage import cited_reporter, web_page_text
from tests._extract_helpers import read

# -- T14: a descriptor between the verb and the outlet's name ----------------------------

CREDITS = [
    ("arrived on March 12, the Belarusian Hajun monitoring group reported.", "Belarusian Hajun"),
    ("arrived on March 12, the Hajun monitoring project reported.", "Hajun"),
    ("arrived on March 12, reported the Telegram channel Belarusian Hajun.", "Belarusian Hajun"),
    ("прибыл 12 марта, сообщает мониторинговая группа «Беларускі Гаюн».", "Беларускі Гаюн"),
    ("прибыл 12 марта, сообщает телеграм-канал «Беларускі Гаюн».", "Беларускі Гаюн"),
    ("прыбыў 12 сакавіка, паведамляе маніторынгавая група «Беларускі Гаюн».", "Беларускі Гаюн"),
    ("прыбыў 12 сакавіка, паведамляе маніторынгавы праект «Беларускі Гаюн».", "Беларускі Гаюн"),
    ("прибув 12 березня, повідомляє моніторингова група «Білоруський Гаюн».", "Білоруський Гаюн"),
    ("прибув 12 березня, пише моніторинговий проєкт «Білоруський Гаюн».", "Білоруський Гаюн"),
    ("przyjechał 12 marca, podaje grupa monitoringowa „Biełaruski Hajun”.", "Biełaruski Hajun"),
    ("przyjechał 12 marca, informuje kanał Biełaruski Hajun.", "Biełaruski Hajun"),
    ("przyjechał 12 marca, podaje niezależny projekt monitoringowy Hajun.", "Hajun"),
]


@pytest.mark.parametrize(("text", "name"), CREDITS)
def test_a_descriptor_between_the_verb_and_the_name_keeps_the_reporter(
    text: str, name: str
) -> None:
    assert cited_reporter(text) == name


@pytest.mark.parametrize(
    "text",
    [
        "A train arrived on March 12, Hajun reported.",  # one bare word: any capitalised word
        "A train arrived on March 12, a monitoring group reported.",  # no name at all
        "Поезд прибыл 12 марта, сообщает группа.",
    ],
)
def test_no_name_with_or_without_a_descriptor_is_no_reporter(text: str) -> None:
    assert cited_reporter(text) is None


def test_a_saved_page_crediting_a_monitoring_group_names_its_reporter() -> None:
    html = (
        "<html><head><title>Echelon in Luninets</title></head><body><article>"
        "<h1>Russian military echelon arrives in Luninets</h1><p>A Russian military echelon "
        "arrived at the Luninets station on March 12, the Belarusian Hajun monitoring group "
        "reported.</p><p>According to the group, the train had 31 flatcars.</p>"
        "</article></body></html>"
    )
    header = web_page_text(html, name="kyiv.html").split("\n\n", 1)[0]
    assert "source: Belarusian Hajun" in header.splitlines()


# -- a leg on from the place named before: the train's end is the last leg's end ---------

ONWARD = [
    ("ru", "13 марта эшелон из 40 вагонов прибыл в Оршу, откуда ушёл в Смоленск."),
    ("ru", "13 марта эшелон из 40 вагонов прибыл в Оршу. Оттуда он ушёл в Смоленск."),
    ("uk", "13 березня ешелон із 40 вагонів прибув до Орші, звідки вирушив до Смоленська."),
    ("uk", "13 березня ешелон із 40 вагонів прибув до Орші. Звідти він вирушив до Смоленська."),
    ("be", "13 сакавіка эшалон з 40 вагонаў прыбыў у Оршу, адкуль адправіўся ў Смаленск."),
    ("pl", "13 marca pociąg z 40 wagonami przyjechał do Orszy, skąd odjechał do Smoleńska."),
    ("pl", "13 marca pociąg z 40 wagonami dotarł do Orszy. Stamtąd wyjechał do Smoleńska."),
    ("en", "On March 13 a train of 40 cars arrived in Orsha, from where it left for Smolensk."),
    ("en", "On March 13 a train of 40 cars arrived in Orsha, whence it left for Smolensk."),
    ("en", "On March 13 a train of 40 cars arrived in Orsha. From there it left for Smolensk."),
]


@pytest.mark.parametrize(("lang", "text"), ONWARD)
def test_a_leg_on_told_as_gone_ends_the_train_and_passes_the_stop(lang: str, text: str) -> None:
    result = read(text, lang=lang)
    assert len(result.shipments) == 1
    s = result.shipments[0]
    assert s.destination is not None
    assert s.destination.text.lower().startswith(("смолен", "smole", "смален"))
    assert [v.text[:3].lower() for v in s.via] in (["орш"], ["ors"])
    # the day it reached the stop is the day it was seen there, not its arrival
    assert s.expected_arrival is None
    assert [z.seen_at.date() for z in result.sightings] == [date(2023, 3, 13)]


def test_an_origin_told_before_the_legs_stays_the_origin() -> None:
    s = read("13 марта эшелон прибыл из Гомеля в Оршу, откуда ушёл в Смоленск.").shipments[0]
    assert (s.origin.text if s.origin else None, s.destination.text if s.destination else None) == (
        "Гомеля",
        "Смоленск",
    )


@pytest.mark.parametrize(
    ("lang", "text", "end"),
    [
        # a leg planned is no end told: the destination stays the place reached
        (
            "pl",
            "Eszelon dotarł 2 marca do Kurska. Stamtąd skład ma się udać do Biełgorodu.",
            "Kurska",
        ),
        (
            "en",
            "A train of 40 cars reached Kursk on 2 March. From there it will go on to Belgorod.",
            "Kursk",
        ),
        # a leg by sea is the load's, not the train's
        (
            "ru",
            "5 мая эшелон прибыл на станцию Новороссийск, откуда техника ушла морем в Сирию.",
            "Новороссийск",
        ),
    ],
)
def test_a_leg_planned_or_by_sea_is_no_end_of_the_train(lang: str, text: str, end: str) -> None:
    s = read(text, lang=lang).shipments[0]
    assert s.destination is not None
    assert s.destination.text == end

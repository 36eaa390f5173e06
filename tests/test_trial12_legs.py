"""Trial 11 findings T11, T14-T17 and onward legs: facts and rows a new user's reports lost.

- T14: a credit that says what the outlet is between the verb and its name
  ("сообщает мониторинговая группа «Беларускі Гаюн»", "the Belarusian Hajun monitoring
  group reported") names the reporter, in every language.
"""

from __future__ import annotations

import pytest

from railtrack.io.webpage import cited_reporter, web_page_text

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

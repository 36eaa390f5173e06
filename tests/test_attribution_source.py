"""Trial 17 T8: "according to Hajun" in a relay's post makes Hajun the train's reporter.

"Według Biełaruskiego Hajuna ...", "По данным Гаюна ...", "За даними Гаюну ...",
"Паводле Гаюна ...", "According to Hajun ..." posted by another channel or site: the
train's ``source.reporter`` is the outlet named (its one name from
``data/outlets/outlets.csv``) and ``relayed_by`` the channel that posted it, as the
README ("Reading reports in five languages") says.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from railtrack.extract import extract_shipments
from railtrack.extract.attribution import attributed_outlet
from railtrack.io import load_reports
from railtrack.models import Source
from tests._telegram_exports import Msg, at, chat_object, write_json

_SAID = [
    ("pl", "Według Biełaruskiego Hajuna w nocy do Kalinkowicz przyjechał pociąg z 35 wagonami."),
    ("pl", "Jak podaje Hajun, w nocy do Kalinkowicz przyjechał pociąg z 35 wagonami."),
    ("ru", "По данным Гаюна, сегодня ночью в Калинковичи прибыл эшелон из 35 вагонов."),
    ("ru", "Сегодня в Калинковичи прибыл эшелон из 35 вагонов, сообщает «Беларускі Гаюн»."),
    ("uk", "За даними Гаюну, сьогодні вночі до Калинковичів прибув ешелон з 35 вагонів."),
    ("be", "Паводле Гаюна, сёння ўначы ў Калінкавічы прыбыў эшалон з 35 вагонаў."),
    ("en", "According to Hajun, a train of 35 cars arrived in Kalinkovichi last night."),
    ("en", "According to the Belarusian Hajun group, a train of 35 cars arrived in Kalinkovichi."),
    (
        "ru",
        "По данным Сообщества железнодорожников Беларуси, в Калинковичи прибыл эшелон.",
    ),
    # the name before a verb of reporting (trial18 T8; lexicon key attribution_after)
    (
        "en",
        "The Belarusian Hajun monitoring group reported on June 10 that a train of 35 cars "
        "arrived in Kalinkovichi.",
    ),
    ("en", "A train of 35 cars arrived in Kalinkovichi on June 10, Belarusian Hajun reported."),
    ("en", "Hajun said a train of 35 cars arrived in Kalinkovichi last night."),
    ("ru", "Мониторинговая группа «Гаюн» сообщила, что в Калинковичи прибыл эшелон из 35 вагонов."),
    ("uk", "До Калинковичів прибув ешелон з 35 вагонів, Гаюн повідомив про це ввечері."),
    ("be", "Гаюн паведаміў, што ў Калінкавічы прыбыў эшалон з 35 вагонаў."),
    ("pl", "Do Kalinkowicz przyjechał pociąg z 35 wagonami, Biełaruski Hajun podał w nocy."),
]


@pytest.mark.parametrize(("lang", "text"), _SAID)
def test_the_outlet_named_is_the_reporter(lang: str, text: str) -> None:
    result = extract_shipments(text, published="2023-06-20", source="Kolej Monitor", lang=lang)
    assert result.shipments
    for ship in result.shipments:
        assert ship.source.reporter == attributed_outlet(text, lang)
        assert ship.source.reporter in {
            "Belarusian Hajun",
            "Community of Railway Workers of Belarus",
        }
        assert ship.source.relayed_by == "Kolej Monitor"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "According to the ministry, a train of 35 cars arrived in Kalinkovichi."),
        ("ru", "По данным источника, в Калинковичи прибыл эшелон из 35 вагонов."),
        ("pl", "Według świadków do Kalinkowicz przyjechał pociąg z 35 wagonami."),
        ("uk", "Сьогодні вночі до Калинковичів прибув ешелон з 35 вагонів."),
        ("en", "A train of 35 cars arrived in Kalinkovichi last night, the ministry said."),
        ("en", "Hajun. A train of 35 cars arrived in Kalinkovichi, witnesses said."),
        ("ru", "В Калинковичи прибыл эшелон из 35 вагонов, местные жители сообщили."),
    ],
)
def test_no_known_outlet_named_changes_nothing(lang: str, text: str) -> None:
    (ship,) = extract_shipments(
        text, published="2023-06-20", source="Kolej Monitor", lang=lang
    ).shipments
    assert (ship.source.reporter, ship.source.relayed_by) == ("Kolej Monitor", None)


def test_a_given_relay_and_a_channel_quoting_itself_are_kept() -> None:
    text = "Według Hajuna w nocy do Kalinkowicz przyjechał pociąg z 35 wagonami."
    given = Source(reporter="Biełaruski Hajun", relayed_by="Biełsat")
    (ship,) = extract_shipments(text, published="2023-06-20", source=given, lang="pl").shipments
    assert (ship.source.reporter, ship.source.relayed_by) == ("Biełaruski Hajun", "Biełsat")
    own = "Паводле Гаюна, сёння ў Калінкавічы прыбыў эшалон з 35 вагонаў."
    (ship,) = extract_shipments(own, published="2023-06-20", source="Беларускі Гаюн").shipments
    assert (ship.source.reporter, ship.source.relayed_by) == ("Беларускі Гаюн", None)


def test_with_no_source_line_the_outlet_named_is_the_reporter() -> None:
    text = "Według Hajuna w nocy do Kalinkowicz przyjechał pociąg z 35 wagonami."
    (ship,) = extract_shipments(text, published="2023-06-20", lang="pl").shipments
    assert (ship.source.reporter, ship.source.relayed_by) == ("Belarusian Hajun", None)


def test_a_relay_channels_post_credits_the_outlet(tmp_path: Path) -> None:
    post = "Według Biełaruskiego Hajuna w nocy do Kalinkowicz przyjechał pociąg z 40 wagonami."
    chat = chat_object([Msg(813, post, when=at(20))], name="Kolej Monitor")
    path = write_json(tmp_path / "relay" / "result.json", chat)
    (ship,) = load_reports(path).shipments
    assert ship.source.reporter == "Belarusian Hajun"
    assert ship.source.relayed_by == "Kolej Monitor"
    assert ship.source.channel == "Kolej Monitor"


# -- the credit is per train (review 18, #7) ---------------------------------------

_MIXED = [
    (
        "en",
        "Our correspondent saw a train of 40 flatcars with tanks leave Orsha for Minsk this "
        "morning. According to Hajun, another train of 30 cars arrived in Brest yesterday.",
    ),
    (
        "pl",
        "Nasz korespondent widział dziś rano w Orszy pociąg z 40 platformami z czołgami. "
        "Według Hajuna inny pociąg z 30 wagonami przyjechał wczoraj do Brześcia.",
    ),
    (
        "ru",
        "Сегодня утром наш корреспондент видел, как из Орши в Минск отправился эшелон из 40 "
        "платформ. По данным Гаюна, вчера в Брест прибыл другой эшелон из 30 вагонов.",
    ),
]


@pytest.mark.parametrize(("lang", "text"), _MIXED)
def test_only_the_train_told_with_the_attribution_is_the_outlets(lang: str, text: str) -> None:
    result = extract_shipments(text, published="2023-06-20", source="Kolej Monitor", lang=lang)
    credits = [(s.source.reporter, s.source.relayed_by) for s in result.shipments]
    assert credits == [("Kolej Monitor", None), ("Belarusian Hajun", "Kolej Monitor")]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "According to Hajun, a train of 30 cars arrived in Brest yesterday. Another "
            "train of 20 cars left Orsha for Minsk today.",
        ),
        (
            "ru",
            "По данным Гаюна:\nвчера в Брест прибыл эшелон из 30 вагонов. Сегодня из Орши в "
            "Минск отправился эшелон из 20 вагонов.",
        ),
    ],
)
def test_a_report_opening_with_the_attribution_credits_every_train(lang: str, text: str) -> None:
    result = extract_shipments(text, published="2023-06-20", source="Kolej Monitor", lang=lang)
    assert len(result.shipments) == 2
    assert {s.source.reporter for s in result.shipments} == {"Belarusian Hajun"}

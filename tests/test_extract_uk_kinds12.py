"""Failure kinds found on unseen Ukrainian reports (issue 13, session 12).

Each kind is tested in every language it concerns, with short inputs written here (forms
the reports did not use among them); the real reports that showed them are in
``tests/data/extraction_real/`` (r910-r929) and the trial's finding T9.

1. A relay quotes the channel's post in its language and credits it in the relay's
   ('"12 марта ... прибыл эшелон из 31 платформы", — йдеться в повідомленні
   «Білоруського Гаюну».'): the quoted passage holds the facts and is read in its own
   language, also when a headline with no full stop stands on the line before it (the
   headline and the quote are one train, not an undated train counted again). A quoted
   name ("«Роснефть»") is no passage.
"""

from __future__ import annotations

from datetime import date

import pytest
from _extract_helpers import read

from railtrack.extract.language import sentence_language

PUB = date(2024, 3, 14)

# -- 1. a quoted post in another language ---------------------------------------------

_RU_POST = (
    '"13 марта около 9:00 на станцию Барановичи-Полесские прибыл эшелон из 28 платформ '
    'с бронетехникой и 2 крытых вагонов"'
)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (_RU_POST + ", — ідеться в дописі моніторингової групи «Білоруський Гаюн».", "uk"),
        (_RU_POST + " – пише «Білоруський Гаюн» у своєму телеграм-каналі.", "uk"),
        (
            "Як повідомляє моніторингова група «Білоруський Гаюн», "
            + _RU_POST.replace('"', "«", 1).replace('"', "»", 1)
            + ".",
            "uk",
        ),
        (_RU_POST + ", — гаворыцца ў паведамленні маніторынгавай групы «Беларускі Гаюн».", "be"),
    ],
)
def test_a_post_quoted_in_russian_is_read_in_russian(text: str, lang: str) -> None:
    result = read(text, PUB, lang)
    assert len(result.shipments) == 1
    train = result.shipments[0]
    assert train.destination is not None
    assert train.destination.text == "Барановичи-Полесские"
    assert train.expected_arrival is not None
    assert train.expected_arrival.earliest == date(2024, 3, 13)
    assert (train.cars.flat, train.cars.covered) == (28, 2)


@pytest.mark.parametrize(
    "headline",
    [
        "До Барановичів прибув ешелон з бронетехнікою, — «Гаюн»",
        "Ешелон з бронетехнікою прибув до Барановичів",
    ],
)
def test_a_headline_then_the_quoted_post_is_one_train(headline: str) -> None:
    text = (
        headline
        + "\n"
        + _RU_POST
        + ", — йдеться в повідомленні «Білоруського Гаюну».\n"
        + "Барановичі розташовані за 150 км від кордону з Україною."
    )
    result = read(text, PUB, "uk")
    assert len(result.shipments) == 1
    train = result.shipments[0]
    assert train.expected_arrival is not None
    assert train.expected_arrival.earliest == date(2024, 3, 13)
    assert (train.cars.flat, train.cars.covered) == (28, 2)


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        (_RU_POST + ", — йдеться в повідомленні.", "uk", "ru"),
        # a quoted name holds few of the sentence's letters: the sentence keeps its language
        ("Цистерни з маркуванням «Роснефть» рухалися з Маріуполя в бік Ростова.", "uk", "uk"),
        ("Ешелон прибув до Барановичів, — повідомляє «Беларускі Гаюн».", "uk", "uk"),
    ],
)
def test_the_language_of_a_sentence_with_a_quote(sentence: str, lang: str, expected: str) -> None:
    assert sentence_language(sentence, lang) == expected

"""Kinds of misreading left by the first English pass of session 9 (issue 13).

Every input is written here (not copied from a corpus); each stands for a kind, and the
assertions are about the kind, never about one text. The reports that showed them are
in ``tests/data/extraction_real/`` (r675-r693 and the older English reports).
"""

from datetime import date

import pytest

from railtrack.extract import extract_shipments

PUB = date(2023, 3, 10)


def read(text, lang="en", published=PUB):
    return extract_shipments(text, published=published, network=False, lang=lang)


def summary(result):
    return [
        (
            s.origin.text if s.origin else None,
            s.destination.text if s.destination else None,
            s.claim,
        )
        for s in result.shipments
    ]


# -- a hedge on one field (a guessed origin) is no claim on the whole train -------------


@pytest.mark.parametrize(
    ("text", "lang", "destination"),
    [
        ("The echelon was heading to Valuyki; it probably came from Orsha.", "en", "Valuyki"),
        ("The train was bound for Houston, no doubt; probably came from Fort Hood.", "en", "Houston"),
        ("A train with tanks went to Kursk; presumably it came from Gomel.", "en", "Kursk"),
        ("Эшелон шёл в Валуйки; вероятно, пришёл из Орши.", "ru", "Валуйки"),
        ("Pociąg jechał do Kutna; prawdopodobnie wracał z Łodzi.", "pl", "Kutna"),
    ],
)
def test_a_guessed_origin_is_not_filed_and_keeps_the_claim(text, lang, destination):
    assert summary(read(text, lang)) == [(None, destination, "sighted")]


def test_a_hedged_origin_alone_still_tells_an_expected_train():
    assert summary(read("The echelon probably came from Orsha.")) == [("Orsha", None, "expected")]


def test_a_hedged_destination_is_still_an_expected_goal():
    result = read("A train left Orsha on 5 March; it will probably arrive in Valuyki.")
    assert [(o, d) for o, d, _ in summary(result)] == [("Orsha", "Valuyki")]

"""Review17 #5: language words read from the lexicons, not written in code.

A stamp line's clock preposition (``clock_prepositions``) in every language; a
station heading in any script's capitals (``str.isupper``).
"""

from __future__ import annotations

import pytest

from railtrack.extract.sentences import is_stamp_line


@pytest.mark.parametrize(
    "line",
    [
        "Updated 3 March 2023, at 10:15",
        "Обновлено 3 марта 2023 в 10:15",
        "Оновлено 3 березня 2023 о 10:15",
        "Aktualizacja 3 marca 2023 o 10:15",
    ],
)
def test_a_stamp_line_with_a_clock_preposition(line: str) -> None:
    assert is_stamp_line(line)


@pytest.mark.parametrize(
    "line",
    ["в 10:15", "Эшелон прибыл в 10:15", "Updated: a train left Orsha at 10:15"],
)
def test_a_time_alone_or_a_sentence_is_no_stamp_line(line: str) -> None:
    assert not is_stamp_line(line)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("uk", "Ешелон вирушив з Уханя Китайської Народної Республіки 15-го березня."),
        ("ru", "Эшелон ушёл из Уханя Китайской Народной Республики 15-го марта."),
    ],
)
def test_a_town_before_its_states_adjectives_and_an_ordinal_day(lang: str, text: str) -> None:
    """The lexicons' state_adjective_endings and ordinal_day_endings (review17 #5, #6)."""
    from datetime import date

    from railtrack.extract import extract_shipments

    result = extract_shipments(text, published=date(2023, 3, 20), network=False, lang=lang)
    (shipment,) = result.shipments
    assert shipment.origin is not None
    assert shipment.origin.text.startswith("Уханя")
    assert shipment.departure is not None
    assert shipment.departure.earliest == date(2023, 3, 15)


def test_the_new_keys_are_read_in_every_language() -> None:
    """Each language has its colon words; the dummy subjects and the tense flag are English."""
    from railtrack.extract.lexicon import LANGUAGES, lexicon

    for lang in LANGUAGES:
        assert lexicon(lang).list_colon_words, lang
        assert lexicon(lang).clock_prepositions, lang
    assert lexicon("en").dummy_subjects is not None
    assert lexicon("ru").dummy_subjects is None
    assert [lang for lang in LANGUAGES if lexicon(lang).seeing_verbs_unmarked_for_tense] == ["en"]


def test_counted_parts_quoted_in_a_relay_are_read_in_their_language() -> None:
    """Review17 #14: the announcing sentence's reader, not the report's, reads the parts."""
    from datetime import date

    from railtrack.extract import extract_shipments

    quote = "Учора прыбылі тры эшалоны: два — у Асіповічы, адзін — у Лунінец."
    relay = (
        "Моніторингова група Гаюн повідомила в п'ятницю про нові військові ешелони в "
        f"Білорусі, що прибувають з Росії. Допис: «{quote}»"
    )
    ends = []
    for text in (quote, relay):
        result = extract_shipments(text, published=date(2023, 5, 12), network=False)
        ends.append([s.destination.text if s.destination else None for s in result.shipments])
    assert ends[0] == ends[1] == ["Асіповічы", "Асіповічы", "Лунінец"]

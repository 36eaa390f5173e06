"""Invisible format characters inside words are read without, spans stay on the text.

Trial finding F73: a soft hyphen or a zero-width space inside a word of copied web
text cut a name ("Ор\\u200bша" was read as "Ор", which resolved to another station).
:mod:`railtrack.extract.textpass` removes every invisible format character once, before
the language and the words are read, and points every evidence span back into the
text as written.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from pathlib import Path

import pytest

from railtrack.extract import extract_shipments
from railtrack.extract.textpass import FORMAT_CHARACTERS, strip_format, without_format
from railtrack.io.telegram_filter import mentions_rail
from tests._corpora import corpus_reports

DATA = Path(__file__).parent / "data"
_LONG_WORD = re.compile(r"(?<![^\W\d_])([^\W\d_]{2})(?=[^\W\d_]{3})")

# The characters of copied web text: soft hyphen, zero-width space, non-joiner and
# joiner, word joiner, a byte-order mark inside the text, a left-to-right mark.
INVISIBLE = ("\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u200e")

# One report per language: a count, a month and two names, {c} inside each word.
REPORTS = {
    "ru": (
        "Эшелон из 4{c}0 вагонов прибыл 12 ян{c}варя 2023 года на станцию Ор{c}ша из Бря{c}нска.",
        ("Брянска", "Орша"),
    ),
    "uk": (
        "12 сі{c}чня 2023 року ешелон із 4{c}0 вагонів вирушив з Бря{c}нська до Ор{c}ші.",
        ("Брянська", "Орші"),
    ),
    "be": (
        "Эшалон з 4{c}0 вагонаў прыбыў 12 сту{c}дзеня 2023 года на станцыю Ар{c}ша з Бран{c}ска.",
        ("Бранска", "Арша"),
    ),
    "pl": (
        "12 stycz{c}nia 2023 r. pociąg wojskowy z 4{c}0 wagonami wyjechał "
        "z Bria{c}ńska do Or{c}szy.",
        ("Briańska", "Orszy"),
    ),
    "en": (
        "On 12 Janu{c}ary a military train of 4{c}0 cars left Bry{c}ansk for Or{c}sha.",
        ("Bryansk", "Orsha"),
    ),
}

# Prepended concatenation marks: format characters that are shown (Arabic and Syriac
# number signs), so kept.
PREPENDED = {0x600, 0x601, 0x602, 0x603, 0x604, 0x605, 0x6DD, 0x70F, 0x890, 0x891, 0x8E2}
PREPENDED |= {0x110BD, 0x110CD}


def test_the_removed_characters_are_the_invisible_format_characters():
    removed = {cp for cp in range(0x110000) if without_format(chr(cp)) == ""}
    for cp in range(0x110000):
        category = unicodedata.category(chr(cp))
        if category == "Cf" and cp not in PREPENDED:
            assert cp in removed, f"U+{cp:04X} is a format character and is kept"
        elif cp in removed:  # unassigned in this Python's Unicode, Cf in a later one
            assert category == "Cn", f"U+{cp:04X} ({category}) is removed"
    assert FORMAT_CHARACTERS.startswith("\u00ad")
    # and inside a text of each script, where the look-up takes a shortcut
    for cp in sorted(removed):
        assert without_format(f"Ор{chr(cp)}ша 40 cars") == "Орша 40 cars"


def test_a_text_without_them_is_read_as_it_is():
    text = "Эшелон из 40 вагонов прибыл на станцию Орша."
    read, origin = strip_format(text)
    assert read is text
    assert origin is None


def test_offsets_point_at_the_characters_kept():
    written = "\ufeffОр\u200b\u200bша\u00ad"
    read, origin = strip_format(written)
    assert read == "Орша"
    assert origin is not None
    assert len(origin) == len(read)
    assert [written[i] for i in origin] == list(read)


@pytest.mark.parametrize("char", INVISIBLE, ids=lambda c: f"U+{ord(c):04X}")
@pytest.mark.parametrize("lang", sorted(REPORTS))
def test_a_name_a_month_and_a_count_with_an_invisible_character_inside(lang, char):
    template, (origin, destination) = REPORTS[lang]
    written = template.format(c=char)
    clean = extract_shipments(
        template.format(c=""), published=date(2023, 1, 13), network=False, report_id="r"
    )
    result = extract_shipments(written, published=date(2023, 1, 13), network=False, report_id="r")
    assert result.lang == lang
    [s] = result.shipments
    assert (s.origin.text, s.destination.text) == (origin, destination)
    when = s.departure or s.expected_arrival
    assert when.earliest == date(2023, 1, 12)
    assert s.cars.total == 40
    # read as the same report without the characters, every value the same
    assert [x.model_dump(exclude={"evidence"}) for x in result.shipments] == [
        x.model_dump(exclude={"evidence"}) for x in clean.shipments
    ]
    # evidence spans point into the text as written, the character inside them
    fields = {e.field: e for e in s.evidence}
    for e in s.evidence:
        assert e.text == written[e.start : e.end]
    assert char in fields["origin"].text
    assert char in fields["destination"].text
    assert char in fields["cars.total"].text
    assert without_format(fields["origin"].text) == origin


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_the_name_resolves_to_the_station_it_names(lang):
    template, _ = REPORTS[lang]
    result = extract_shipments(template.format(c="\u200b"), published=date(2023, 1, 13))
    [s] = result.shipments
    assert s.destination.station is not None
    assert s.destination.station.startswith("Orsha")
    assert s.origin.station == "Bryansk"


def test_lacinka_with_an_invisible_character_keeps_its_spans():
    written = (
        "Ešałon z 40 vahonaŭ prybyŭ u Asi\u00adpovičy z Bra\u200bnska 12 studzienia 2023 hoda."
    )
    clean = written.replace("\u00ad", "").replace("\u200b", "")
    result = extract_shipments(written, published=date(2023, 1, 13), network=False, report_id="r")
    plain = extract_shipments(clean, published=date(2023, 1, 13), network=False, report_id="r")
    assert result.lang == "be"
    assert [x.model_dump(exclude={"evidence"}) for x in result.shipments] == [
        x.model_dump(exclude={"evidence"}) for x in plain.shipments
    ]
    evidence = [e for s in result.shipments for e in s.evidence]
    assert evidence
    for e in evidence:
        assert e.text == written[e.start : e.end]


def _development_reports() -> list[tuple[str, date | None]]:
    reports = []
    for data in corpus_reports("extraction", "extraction_real"):
        published = data.get("published")
        reports.append((data["text"], date.fromisoformat(str(published)) if published else None))
    return reports


def _sprinkle(text: str) -> str:
    """Put an invisible character after the second letter of every word of 5+ letters."""
    chars = iter(INVISIBLE * (len(text) // 2 + 1))
    return _LONG_WORD.sub(lambda m: m[1] + next(chars), text)


# the corpus in shards, so the suite's workers share it (one test of the whole took
# nine minutes of one worker in CI: session 20's --durations)
_SHARDS = 8


@pytest.mark.parametrize("shard", range(_SHARDS))
def test_every_development_report_reads_the_same_with_invisible_characters_inside(shard: int):
    reports = _development_reports()
    assert len(reports) > 100
    for text, published in reports[shard::_SHARDS]:
        written = _sprinkle(text)
        assert without_format(written) == without_format(text)
        result = extract_shipments(written, published=published, network=False, report_id="r")
        plain = extract_shipments(text, published=published, network=False, report_id="r")
        assert result.lang == plain.lang
        assert [x.model_dump(exclude={"evidence"}) for x in result.shipments] == [
            x.model_dump(exclude={"evidence"}) for x in plain.shipments
        ], text[:80]
        assert [g.model_dump(exclude={"evidence"}) for g in result.groups] == [
            g.model_dump(exclude={"evidence"}) for g in plain.groups
        ], text[:80]
        for item, same in zip(
            (*result.shipments, *result.groups), (*plain.shipments, *plain.groups), strict=True
        ):
            for e, p in zip(item.evidence, same.evidence, strict=True):
                assert e.text == written[e.start : e.end], text[:80]
                assert (e.field, without_format(e.text)) == (p.field, without_format(p.text))


# Session 19: the models are built from the text as read, and only the evidence is
# pointed back at the text as written. A hearsay word, a time beside a date and a
# sighting's note were read from the text as written: "al\u200blegedly" was kept as
# written, "в 1\u200b0:40" gave 00:40.
HEARSAY = [
    ("en", "The train al{c}legedly left Orsha for Bryansk on 8 March with 40 cars.", "allegedly"),
    ("ru", "Эшелон из 40 вагонов яко{c}бы отправился из Орши в Брянск 8 марта.", "якобы"),
    ("uk", "Ешелон із 40 вагонів ніби{c}то вирушив з Орші до Брянська 8 березня.", "нібито"),
    ("pl", "Pociąg z 40 wagonami rzeko{c}mo wyjechał z Orszy do Briańska 8 marca.", "rzekomo"),
]


@pytest.mark.parametrize("invisible", INVISIBLE[:3])
@pytest.mark.parametrize(("lang", "text", "word"), HEARSAY)
def test_a_hearsay_word_with_an_invisible_character_is_the_word(lang, text, word, invisible):
    written = text.format(c=invisible)
    result = extract_shipments(written, published=date(2023, 3, 9), network=False, lang=lang)
    plain = extract_shipments(text.format(c=""), published=date(2023, 3, 9), network=False)
    (shipment,) = result.shipments
    assert shipment.hearsay == word
    assert [e.confidence for e in shipment.evidence] == [
        e.confidence for e in plain.shipments[0].evidence
    ]
    for e in shipment.evidence:
        assert e.text == written[e.start : e.end]
        assert e.quote == " ".join(written.split())  # the sentence as written


@pytest.mark.parametrize("invisible", INVISIBLE[:3])
@pytest.mark.parametrize(
    ("lang", "text", "note"),
    [
        ("ru", "8 ма{c}рта эшелон из 40 вагонов в 1{c}0:40 прошёл станцию Орша.", "8 марта"),
        ("uk", "8 бе{c}резня ешелон із 40 вагонів о 1{c}0:40 пройшов станцію Орша.", "8 березня"),
        ("en", "A train of 40 cars passed Orsha station on 8 Ma{c}rch at 1{c}0:40.", "8 March"),
    ],
)
def test_a_sighting_time_and_note_read_through_invisible_characters(lang, text, note, invisible):
    result = extract_shipments(
        text.format(c=invisible), published=date(2023, 3, 9), network=False, lang=lang
    )
    plain = extract_shipments(
        text.format(c=""), published=date(2023, 3, 9), network=False, lang=lang
    )
    assert [(x.seen_at, x.note) for x in result.sightings] == [
        (x.seen_at, x.note) for x in plain.sightings
    ]
    assert [(x.seen_at.hour, x.seen_at.minute, x.note) for x in result.sightings] == [
        (10, 40, note)
    ]


def test_the_telegram_pre_filter_reads_a_train_word_with_a_soft_hyphen():
    assert mentions_rail("Эше\u00adлон прибыл")
    assert mentions_rail("echel\u200bon arrived")


# Stress marks as an encyclopaedia or a textbook writes them (U+0301 on a vowel) and
# letters written decomposed (a letter and its combining mark: "й" as "и" + U+0306,
# "ń" as "n" + U+0301, "ą" as "a" + U+0328, "ў" as "у" + U+0306)
MARKED = {
    "ru": (
        "Эше\u0301лон из 40 ваго\u0301нов прибыл 12 января 2023 года"
        " на станцию О\u0301рша из Бря\u0301нска."
    ),
    "uk": (
        "12 січня 2023 року ешело\u0301н із 40 ваго\u0301нів вирушив"
        " з Бря\u0301нська до О\u0301рші."
    ),
    "be": (
        "Эшалон з 40 вагонау\u0306 прыбыу\u0306 12 студзеня 2023 года"
        " на станцыю А\u0301рша з Бра\u0301нска."
    ),
    "pl": (
        "12 stycznia 2023 r. pocia\u0328g wojskowy z 40 wagonami wyjechał"
        " z Bria\u0301nska do Orszy."
    ),
    "en": "On 12 January a military train of 40 cars left Bryansk for Orsha\u0301.",
}


@pytest.mark.parametrize("lang", sorted(MARKED))
def test_stress_marks_and_decomposed_letters_read_as_the_plain_words(lang):
    # "Бре\u0301ст" was two words to the reader: a report with stress marks gave no
    # train and no problem
    written = MARKED[lang]
    plain = unicodedata.normalize("NFC", written).replace("\u0301", "").replace("\u0300", "")
    clean = extract_shipments(plain, published=date(2023, 1, 13), network=False, report_id="r")
    result = extract_shipments(written, published=date(2023, 1, 13), network=False, report_id="r")
    assert result.lang == lang
    assert [s.cars.total for s in result.shipments] == [40]
    assert [x.model_dump(exclude={"evidence"}) for x in result.shipments] == [
        x.model_dump(exclude={"evidence"}) for x in clean.shipments
    ]
    for e in result.shipments[0].evidence:
        assert e.text == written[e.start : e.end]


def test_marks_keep_offsets_and_compose_where_unicode_has_one_letter():
    written = "в Бре\u0301ст и\u0306 z\u0307"
    read, origin = strip_format(written)
    assert read == "в Брест й ż"
    assert origin is not None
    assert [written[i] for i in origin] == ["в", " ", "Б", "р", "е", "с", "т", " ", "и", " ", "z"]

"""A report in plain Latin letters is read as English only when it is English.

The alphabet shortcut of :mod:`railtrack.extract.language` calls a text with no
letters beyond a-z English; Spanish, Dutch, Italian, German, Lithuanian and Latvian
written without their accents (as posts often are) have none either. Such a text
is read as English only when the common English words its length needs are there;
otherwise the words around its names go to the wide detector, and the report is
refused naming its language, or as "a language railtrack does not read" when it is
too short to name (trial finding F5: an Italian report was called "fr").
"""

from __future__ import annotations

from datetime import date

import pytest

from railtrack.extract import extract_shipments
from railtrack.extract.language import UNDETERMINED, detect_language

PUB = date(2023, 3, 10)

PLAIN_LATIN = [
    (
        "Un tren militar con 40 vagones de plataforma salio de la estacion de Slonim "
        "hacia Valuyki el 3 de marzo, segun fuentes ferroviarias.",
        "es",
    ),
    (
        "Een militaire trein met 40 wagons vertrok op 3 maart van het station Slonim "
        "naar Valuyki, melden bronnen bij het spoor.",
        "nl",
    ),
    (
        "Un treno militare con 40 vagoni e partito dalla stazione di Slonim per Valuyki "
        "il 3 marzo, secondo fonti ferroviarie.",
        "it",
    ),
    (
        "Ein Militarzug mit 40 Waggons und Panzern fuhr am 3. Marz vom Bahnhof Slonim "
        "nach Valuyki ab, berichten Quellen bei der Bahn.",
        "de",
    ),
    (
        "Karinis traukinys su 40 vagonu kovo 3 d. isvyko is Slonimo stoties i Valuikus, "
        "praneša gelezinkelio saltiniai.".replace("š", "s"),
        "lt",
    ),
    (
        "Militarais vilciens ar 40 vagoniem 3. marta izbrauca no Slonimas stacijas uz "
        "Valuiki, zino dzelzcela avoti.",
        "lv",
    ),
]


@pytest.mark.parametrize(("text", "lang"), PLAIN_LATIN, ids=[lang for _, lang in PLAIN_LATIN])
def test_a_report_in_plain_latin_letters_not_english_is_refused_and_named(text, lang):
    r = extract_shipments(text, published=PUB, network=False)
    assert r.shipments == []
    assert r.groups == []
    assert r.lang == lang
    assert any(f"report is in {lang}; railtrack reads en, ru, uk, be, pl" in p for p in r.problems)


@pytest.mark.parametrize(
    "text",
    [
        "El tren llego a Valuyki ayer por la noche.",
        "Ein Zug fuhr gestern nach Valuyki ab.",
    ],
)
def test_a_short_report_not_english_is_refused_without_a_guessed_name(text):
    r = extract_shipments(text, published=PUB, network=False)
    assert r.shipments == []
    assert r.lang == UNDETERMINED
    assert any("report is in a language railtrack does not read" in p for p in r.problems)


@pytest.mark.parametrize(
    "text",
    [
        "A military train with 40 cars left Slonim for Valuyki on 3 March.",
        "Slonim to Valuyki, 40 cars, March 3. Source: Belarusian Hajun",
        "Echelon: Slonim - Valuyki, 40 platforms, 3 March, BMP-2, T-72",
        "Trains move from Gomel to Bryansk every night, says Hajun",
        "Belarusian Railway carried 11.2 million tonnes of freight in January.",
    ],
)
def test_english_with_few_common_words_stays_english(text):
    assert detect_language(text).lang == "en"


def test_polish_written_without_its_letters_is_polish_not_english():
    text = "Pociag wojskowy z 40 wagonami wyjechal ze stacji Slonim do Walujek 3 marca."
    assert detect_language(text).lang == "pl"


def test_the_command_line_refuses_such_a_report_and_exits_1(tmp_path):
    from typer.testing import CliRunner

    from railtrack.cli import app

    named = tmp_path / "es.txt"
    named.write_text(PLAIN_LATIN[0][0] + "\n", encoding="utf-8")
    short = tmp_path / "short.txt"
    short.write_text("El tren llego a Valuyki ayer por la noche.\n", encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(app, ["extract", str(named)])
    assert result.exit_code == 1
    assert "it is in es" in result.output
    result = runner.invoke(app, ["extract", str(short)])
    assert result.exit_code == 1
    assert "it is in a language too short to name" in result.output
    assert "report is in a language railtrack does not read" in " ".join(result.output.split())


@pytest.mark.parametrize(
    ("text", "named"),
    [
        (
            "Un treno militare con 40 vagoni è partito l'11 gennaio 2023 dalla stazione di "
            "Orsha verso Smolensk.",
            "it",
        ),
        (
            "Ein Militärzug mit 40 Waggons fuhr am 11. Januar 2023 vom Bahnhof Orscha nach "
            "Smolensk.",
            "de",  # named by the Polish/English plausibility check before the word count
        ),
        (
            "Um comboio militar com 40 vagões partiu de Orsha para Smolensk a 11 de janeiro "
            "de 2023, dizem fontes ferroviárias.",
            "pt",
        ),
    ],
)
def test_one_accented_letter_does_not_make_a_report_english(text, named):
    """Lingua among the five calls German or Italian with one accent English (trial F5)."""
    r = extract_shipments(text, published=PUB, network=False)
    assert r.shipments == []
    assert r.lang != "en"
    assert r.lang == (named or UNDETERMINED)
    assert any("railtrack reads en, ru, uk, be, pl (nothing was read)" in p for p in r.problems)


@pytest.mark.parametrize("order", [1, -1])
def test_a_digest_mixing_russian_and_ukrainian_reads_both_trains(order):
    """Trial F60: the Russian paragraph of a Ukrainian digest was lost without a word."""
    paragraphs = [
        "Эшелон из 30 вагонов прибыл 12 января 2023 года на станцию Осиповичи из Брянска.",
        "Ешелон із 40 вагонів вирушив 11 січня 2023 року зі станції Орша до Смоленська.",
    ][::order]
    r = extract_shipments("\n\n".join(paragraphs) + "\n", published=PUB, network=False)
    assert sorted(s.cars.total for s in r.shipments) == [30, 40]
    ends = {(s.origin.text, s.destination.text) for s in r.shipments}
    assert ends == {("Брянска", "Осиповичи"), ("Орша", "Смоленська")}


@pytest.mark.parametrize(
    ("text", "lang", "mixes"),
    [
        ("Эшелон прибыл в Валуйки.", "ru", False),
        ("Эшелон прибыл в Валуйки. Ешелон прибув до Валуйок із Білорусі.", "ru", True),
        ("Ешелон прибув до Валуйок. Эшелон прибыл в Валуйки.", "uk", True),
        ("Эшалон прыбыў у Асіповічы.", "be", False),
        ("Эшалон прыбыў у Асіповічы. Эшелон прибыл в Осиповичи.", "be", True),
    ],
)
def test_cyrillic_reports_with_another_languages_letters_are_read_by_sentence(text, lang, mixes):
    from railtrack.extract.language import mixes_languages

    assert mixes_languages(text, lang) is mixes

"""Reports in western languages railtrack does not read are refused by name, never read."""

from datetime import date

import pytest

from railtrack.extract import extract_shipments


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Un tren militar con cuarenta vagones llegó ayer a la estación de Polonka, en "
            "Bielorrusia, según los ferroviarios.",
            "es",
        ),
        (
            "Un treno militare con quaranta vagoni è arrivato ieri alla stazione di "
            "Polonka, in Bielorussia.",
            "it",
        ),
        (
            "Ein Militärzug mit vierzig Waggons ist gestern am Bahnhof Polonka in Belarus "
            "angekommen.",
            "de",
        ),
        (
            "Een militaire trein met veertig wagons is gisteren aangekomen op het station "
            "Polonka in Wit-Rusland.",
            "nl",
        ),
        (
            "Karinis traukinys su keturiasdešimčia vagonų vakar atvyko į Polonkos stotį "
            "Baltarusijoje.",
            "lt",
        ),
    ],
)
def test_a_western_report_railtrack_does_not_read_is_refused_by_its_name(text, lang):
    # Spanish and Italian once read as Polish, German as English: silently empty
    r = extract_shipments(text, published=date(2023, 3, 10), network=False)
    assert r.shipments == []
    assert r.lang == lang
    assert any(f"report is in {lang}; railtrack reads" in p for p in r.problems)


def test_polish_typed_without_diacritics_is_still_polish():
    r = extract_shipments(
        "Pociag wojskowy z czterdziestoma wagonami przyjechal wczoraj na stacje Polonka.",
        published=date(2023, 3, 10),
        network=False,
    )
    assert r.lang == "pl"


@pytest.mark.parametrize(
    "text",
    [
        "Dnes do Borisova přijel vlak se 40 vagony z Ruska.",  # Czech (was called hu)
        "Dnes do Borisova přišel vlak so 40 vagónmi z Ruska.",  # Slovak (was called ms)
        "Täna saabus Borisovi rong 40 vaguniga.",  # Estonian
        "Šodien Borisovā ieradās vilciens ar 40 vagoniem.",  # Latvian
    ],
)
def test_a_short_report_in_another_language_is_not_named_wrongly(text):
    # trial14 C1: the wide detector names texts this short wrongly and surely; railtrack
    # says it cannot name them rather than calling Czech Hungarian
    r = extract_shipments(text, published=date(2023, 4, 20), network=False)
    assert r.shipments == []
    assert r.lang == "und"
    assert any("too short to name" in p for p in r.problems)

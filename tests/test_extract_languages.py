"""Reading reports in Russian, Ukrainian, Belarusian and Polish: lexicons, language, names."""

from datetime import date

import pytest

from railtrack.extract import extract_shipments
from railtrack.extract.dates import resolve_date
from railtrack.extract.language import detect_language, sentence_language
from railtrack.extract.lexicon import LANGUAGES, lexicon, tokens
from railtrack.extract.morph import name_forms
from railtrack.extract.readers import reader_for
from railtrack.settings import DEFAULT_SETTINGS

PUB = date(2023, 3, 10)

# Every case form of a car noun, per language (nominative, genitive, dative,
# accusative, instrumental, locative; singular and plural), and the type it names.
CAR_FORMS = {
    "ru": ("вагон вагона вагону вагоном вагоне вагоны вагонов вагонам вагонами вагонах", "total"),
    "uk": ("вагон вагона вагону вагоном вагоні вагони вагонів вагонам вагонами вагонах", "total"),
    "be": ("вагон вагона вагону вагонам вагоне вагоны вагонаў вагонамі вагонах", "total"),
    "pl": (
        "platforma platformy platformie platformę platformą platform platformom "
        "platformami platformach",
        "flat",
    ),
}
# Every case form of March, per language.
MARCH = {
    "ru": "март марта марту мартом марте",
    "uk": "березень березня березню березнем березні",
    "be": "сакавік сакавіка сакавіку сакавіком",
    "pl": "marzec marca marcu marcem",
}


@pytest.mark.parametrize("lang", sorted(CAR_FORMS))
def test_every_case_form_of_a_car_noun_is_counted(lang):
    forms, kind = CAR_FORMS[lang]
    reader = reader_for(lang)
    for form in forms.split():
        counts = reader.find_car_counts(f"12 {form}")
        assert [(c.kind, c.value) for c in counts] == [(kind, 12)], form


@pytest.mark.parametrize("lang", sorted(MARCH))
def test_every_case_form_of_a_month_is_a_month(lang):
    lex = lexicon(lang)
    for form in MARCH[lang].split():
        assert lex.months[tokens(form)[0].low] == 3, form


@pytest.mark.parametrize(
    ("lang", "text", "value"),
    [
        ("ru", "сорок восемь вагонов", 48),
        ("ru", "из сорока восьми вагонов", 48),
        ("uk", "двадцять одна платформа", 21),
        ("uk", "з сорока восьми вагонів", 48),
        ("be", "сорак восем вагонаў", 48),
        ("pl", "dwadzieścia wagonów", 20),
        ("pl", "czterdzieści osiem platform", 48),
    ],
)
def test_number_words(lang, text, value):
    counts = reader_for(lang).find_car_counts(text)
    assert [c.value for c in counts] == [value]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("ru", "Эшелон прибыл в ночь на 5 марта.", (date(2023, 3, 4), date(2023, 3, 5))),
        ("ru", "в ночь с пятницы на субботу", (date(2023, 3, 3), date(2023, 3, 4))),
        ("uk", "позавчора", (date(2023, 3, 8), date(2023, 3, 8))),
        ("uk", "минулого тижня", (date(2023, 2, 27), date(2023, 3, 5))),
        ("be", "мінулага тыдня", (date(2023, 2, 27), date(2023, 3, 5))),
        ("be", "учора", (date(2023, 3, 9), date(2023, 3, 9))),
        ("pl", "w nocy z 5 na 6 marca", (date(2023, 3, 5), date(2023, 3, 6))),
        ("pl", "8 marca 2023 r.", (date(2023, 3, 8), date(2023, 3, 8))),
        ("ru", "с 5 по 7 марта", (date(2023, 3, 5), date(2023, 3, 7))),
    ],
)
def test_dates_in_every_language(lang, text, expected):
    (span,) = reader_for(lang).find_dates(text)
    window = resolve_date(span, PUB)
    assert (window.earliest, window.latest) == expected


def test_ambiguous_numeric_dates_are_read_day_first_and_flagged():
    (span,) = reader_for("ru").find_dates("03/04/2023")
    assert span.is_ambiguous
    assert resolve_date(span, PUB).earliest == date(2023, 4, 3)
    r = extract_shipments("Эшелон отправился из Слонима 03/04/2023.", published=PUB, network=False)
    (fact,) = [e for e in r.shipments[0].evidence if e.field == "departure"]
    assert fact.confidence == DEFAULT_SETTINGS.extract_confidence_inferred
    r = extract_shipments("A train left Orsha on 03/04/2023.", published=PUB, network=False)
    (fact,) = [e for e in r.shipments[0].evidence if e.field == "departure"]
    assert r.shipments[0].departure.earliest == date(2023, 4, 3)
    assert fact.confidence == DEFAULT_SETTINGS.extract_confidence_inferred


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Военный эшелон прибыл на станцию Валуйки из Слонима.", "ru"),
        ("Військовий ешелон прибув до станції Валуйки зі Слоніма.", "uk"),
        ("Вайсковы эшалон прыбыў на станцыю Асіповічы з Расіі.", "be"),
        ("Pociąg wojskowy przyjechał na stację Słonim z Rosji.", "pl"),
        ("A military train arrived at the Valuyki station from Slonim.", "en"),
    ],
)
def test_language_of_a_report(text, lang):
    assert detect_language(text).lang == lang


def test_short_texts_fall_back_to_the_declared_language():
    assert detect_language("Валуйки", declared="ru").lang == "ru"
    assert detect_language("Валуйки", declared="ru").basis == "declared"
    r = extract_shipments("Валуйки.", published=PUB, network=False, lang="uk")
    assert r.lang == "uk"


def test_a_report_in_another_language_is_a_problem_not_an_empty_result():
    r = extract_shipments(
        "Traukinys su karine technika atvyko į Baranovičius. Jame buvo keturiasdešimt vagonų.",
        published=PUB,
        network=False,
    )
    assert r.shipments == []
    assert r.lang == "lt"
    assert any("report is in lt; railtrack reads en, ru, uk, be, pl" in p for p in r.problems)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Fonti ferroviarie affermano che un treno militare è arrivato ieri alla stazione "
            "di Polonka, composto da quaranta vagoni a pianale. Questo treno è partito il 3 "
            "gennaio dalla regione di Voronezh.",
            "it",
        ),
        (
            "Fontes ferroviárias afirmam que um comboio militar chegou ontem à estação de "
            "Polonka, composto por quarenta vagões. Este comboio partiu a 3 de janeiro da "
            "região de Voronezh.",
            "pt",
        ),
        (
            "Vasúti források szerint egy katonai szerelvény tegnap érkezett Polonka "
            "állomására, negyven pőrekocsival. Ez a vonat január 3-án indult a voronyezsi "
            "területről.",
            "hu",
        ),
        (
            "Demiryolu kaynakları, kırk platform vagonlu askeri bir trenin dün Polonka "
            "istasyonuna ulaştığını bildirdi. Bu tren 3 Ocak günü Voronej bölgesinden yola "
            "çıktı.",
            "tr",
        ),
    ],
)
def test_a_report_in_a_language_off_any_list_is_named_as_itself(text, lang):
    """The language named in the refusal is the report's, whichever lingua knows: a
    language near one of a short list (Italian, French) is not named as that one."""
    r = extract_shipments(text, published=PUB, network=False)
    assert r.shipments == []
    assert r.lang == lang
    assert any(f"report is in {lang}; railtrack reads" in p for p in r.problems)


def test_a_relay_quoting_another_language_reads_each_sentence_in_its_own():
    assert sentence_language("A military transport left Iłowajsk for Asipovičy.", "pl") == "en"
    text = (
        "Białoruscy kolejarze donoszą o nowym eszelonie. "
        "Эшелон из 40 вагонов прибыл на станцию Валуйки 5 марта."
    )
    r = extract_shipments(text, published=PUB, network=False)
    assert r.lang == "pl"
    (s,) = r.shipments
    assert s.destination.text == "Валуйки"
    assert s.cars.total == 40
    assert s.expected_arrival.earliest == date(2023, 3, 5)


@pytest.mark.parametrize(
    ("name", "lang", "nominative"),
    [
        ("Слонима", "ru", "Слоним"),
        ("Валуйок", "uk", "Валуйки"),
        ("Асіповічах", "be", "Асіповічы"),
        ("Kapustina Jaru", "pl", "Kapustin Jar"),
        ("Słonima", "pl", "Słonim"),
    ],
)
def test_inflected_names_get_their_nominative(name, lang, nominative):
    assert nominative in name_forms(name, lang)


@pytest.mark.parametrize(
    ("text", "origin", "destination"),
    [
        ("Вчера эшелон отправился из Слонима в Валуйки.", "Slonim", "Valuyki"),
        ("Ешелон вирушив зі Слоніма до станції Валуйки.", "Slonim", "Valuyki"),
        ("Эшалон адправіўся са станцыі Асіповічы ў Гомель.", "Osipovichi-I", "Gomel"),
        ("Pociąg wyjechał ze stacji Słonim do Homla.", "Slonim", "Gomel"),
    ],
)
def test_inflected_station_names_resolve(text, origin, destination):
    (s,) = extract_shipments(text, published=PUB).shipments
    assert (s.origin.station, s.destination.station) == (origin, destination)


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != "en"])
def test_evidence_spans_point_into_the_original_text(lang):
    texts = {
        "ru": "Вчера эшелон из 48 платформ отправился со станции Слоним в Валуйки.",
        "uk": "Учора ешелон із 48 платформ вирушив зі станції Слонім до Валуйок.",
        "be": "Учора эшалон з 48 платформаў адправіўся са станцыі Слонім у Валуйкі.",
        "pl": "Wczoraj pociąg z 48 platformami wyjechał ze stacji Słonim do Wałujek.",
    }
    text = texts[lang]
    r = extract_shipments(text, published=PUB, network=False)
    assert r.lang == lang
    (s,) = r.shipments
    assert s.lang == lang
    assert s.departure.earliest == date(2023, 3, 9)
    assert s.cars.flat == 48
    for e in s.evidence:
        assert text[e.start : e.end] == e.text


def test_english_with_foreign_letters_in_its_names_skips_the_wide_detector(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Two letters none of the five writes, inside quoted names, do not cost the
    75-language model's 13 ms: the English words around them decide; a Lithuanian
    report, with too few English words, still goes to it and is named."""
    from railtrack.extract import language

    asked: list[str] = []
    real = language._other_language

    def counting(text: str) -> tuple[str, float] | None:
        asked.append(text)
        return real(text)

    monkeypatch.setattr(language, "_other_language", counting)
    english = (
        "A train with 40 cars left Šiauliai for Kėdainiai on 8 March, carrying tanks "
        "and the equipment of the unit that had been stationed there."
    )
    assert language.detect_language(english).lang == "en"
    assert asked == []
    lithuanian = "Traukinys su 40 vagonų išvyko iš Šiaulių į Kėdainius kovo 8 d. su tankais."
    assert language.detect_language(lithuanian).lang == "lt"
    assert asked

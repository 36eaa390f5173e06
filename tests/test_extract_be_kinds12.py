"""Belarusian kinds of session 12 (issue 13): forms the development reports do not use.

The Belarusian reader was written on a handful of real reports and did not
generalise beyond their words. Each class below is one kind of Belarusian text, tested
with forms no development report writes:

- verbs of motion in every aspect, tense and orthography ("вырушыў", "адбыў", the
  taraškievica "выправіўся", the future "прыедзе", "дабярэцца", "праедзе праз", the
  reflexive "разгрузіўся");
- the genitive of a feminine adjectival region after "з" ("з Бранскай вобласці": from,
  not "with", whose form is the same; "з ... вобласцю" is "with");
- the consonant changes of station names in the locative and dative ("на Палонцы",
  "у Зябраўцы", "у Слаўгарадзе"), the accusative of an adjectival name ("на станцыю
  Навабеліцкую") and a genitive plural ("з Крупак");
- Belarusian spellings of Russian stations (akanye, "сц" for "ст": "Зайцаўка",
  "Капусцін Яр", "Чабаркуль");
- a short Belarusian sentence written with "і" and none of "ы э ў", which the alphabet
  alone took for Ukrainian;
- words of expectation ("мяркуецца").
"""

from __future__ import annotations

from datetime import date

import pytest

from railtrack.extract.language import detect_language, sentence_language
from railtrack.extract.morph import name_forms
from tests._extract_helpers import PUB, ends, read

DAY = date(2023, 3, 4)


def _one(text: str) -> object:
    result = read(text)
    assert result.lang == "be"
    assert len(result.shipments) == 1, result.shipments
    return result.shipments[0]


class TestVerbsOfMotion:
    """Every aspect, tense and orthography of the verbs of a train on its way."""

    @pytest.mark.parametrize(
        "verb",
        [
            "вырушыў",
            "вырушыла",  # (партыя, fem.)
            "адбыў",
            "выправіўся",  # taraškievica
            "адышоў",
            "з'ехаў",
            "выбыла",
        ],
    )
    def test_a_departure_keeps_both_ends_and_its_day(self, verb: str) -> None:
        s = _one(f"Эшалон {verb} са станцыі Асіповічы ў Брэст 4 сакавіка.")
        assert (s.origin.text, s.destination.text) == ("Асіповічы", "Брэст")
        assert s.departure is not None
        assert s.departure.earliest == DAY

    def test_took_place_is_no_departure(self) -> None:
        # "адбыўся" (took place) shares its first letters with "адбыў" (departed)
        result = read("На станцыі Асіповічы 4 сакавіка адбыўся мітынг чыгуначнікаў.")
        assert result.shipments == []

    @pytest.mark.parametrize(
        ("sentence", "place"),
        [
            ("Цягнік прыедзе ў Гомель 14 сакавіка.", "Гомель"),
            ("Цягнікі прыедуць у Гомель 14 сакавіка.", "Гомель"),
            ("Эшалон дабярэцца да станцыі Лунінец 14 сакавіка.", "Лунінец"),
            ("Цягнік даедзе да Мазыра 14 сакавіка.", "Мазыра"),
        ],
    )
    def test_a_future_arrival_is_planned_on_its_day(self, sentence: str, place: str) -> None:
        result = read(sentence)
        assert result.shipments, sentence
        s = result.shipments[0]
        assert s.destination.text == place
        assert s.expected_arrival is not None
        assert s.expected_arrival.earliest == date(2023, 3, 14)
        assert s.claim == "planned"

    @pytest.mark.parametrize(
        "sentence",
        [
            "Эшалон дабраўся да станцыі Лунінец 4 сакавіка.",
            "Эшалон даставіў тэхніку на станцыю Лунінец 4 сакавіка.",
            "Эшалон разгрузіўся на станцыі Лунінец 4 сакавіка.",
            "Эшалоны выгрузіліся на станцыі Лунінец 4 сакавіка.",
        ],
    )
    def test_reaching_delivering_and_unloading_date_the_arrival(self, sentence: str) -> None:
        result = read(sentence)
        assert result.shipments, sentence
        s = result.shipments[0]
        assert s.destination.text == "Лунінец"
        assert s.expected_arrival is not None
        assert s.expected_arrival.earliest == DAY

    @pytest.mark.parametrize("verb", ["праедзе", "пройдзе", "праязджаў"])
    def test_passing_names_the_place_passed(self, verb: str) -> None:
        s = _one(f"Эшалон {verb} праз Оршу ў бок Смаленска.")
        assert [v.text for v in s.via] == ["Оршу"]
        assert s.destination.text == "Смаленска"


class TestRegionOrigins:
    """A feminine adjectival region: genitive and instrumental look alike."""

    @pytest.mark.parametrize(
        "sentence",
        [
            "Эшалон з Бранскай вобласці прыбыў у Оршу 4 сакавіка.",
            "Эшалон прыбыў у Оршу з Гомельскай вобласці 4 сакавіка.",
            "Эшалон з Варонежскай вобласці прыбыў у Оршу 4 сакавіка.",
        ],
    )
    def test_from_a_region_is_the_origin(self, sentence: str) -> None:
        s = _one(sentence)
        assert s.origin is not None
        assert s.origin.text.endswith("вобласці")
        assert s.destination.text == "Оршу"

    def test_with_a_region_is_no_origin(self) -> None:
        result = read("Каля мяжы з Бранскай вобласцю 4 сакавіка эшалон прыбыў у Оршу.")
        assert ends(result) == [(None, "Оршу")]


class TestStationCaseForms:
    """Consonant changes and case endings of station names, put back to the nominative."""

    @pytest.mark.parametrize(
        ("written", "nominative"),
        [
            ("Палонцы", "Палонка"),
            ("Зябраўцы", "Зябраўка"),
            ("Слаўгарадзе", "Слаўгарад"),
            ("Навабеліцкую", "Навабеліцкая"),
            ("Крупак", "Крупкі"),
            ("Гудагая", "Гудагай"),
        ],
    )
    def test_oblique_forms_give_the_nominative(self, written: str, nominative: str) -> None:
        assert nominative in name_forms(written, "be")

    @pytest.mark.parametrize(
        ("sentence", "station"),
        [
            ("Эшалон з тэхнікай разгрузілі на Палонцы 4 сакавіка.", "Polonka"),
            ("Эшалон з тэхнікай разгрузілі ў Зябраўцы 4 сакавіка.", "Zyabrovka"),
            ("Эшалон з тэхнікай прыбыў на станцыю Навабеліцкую 4 сакавіка.", "Novobelitskaya"),
        ],
    )
    def test_the_station_resolves(self, sentence: str, station: str) -> None:
        from railtrack.extract import extract_shipments

        result = extract_shipments(sentence, published=PUB)
        assert [s.destination.station for s in result.shipments] == [station]


class TestRussianStationsInBelarusian:
    """Akanye and "сц" in Belarusian spellings of Russian stations."""

    @pytest.mark.parametrize(
        ("written", "expected"),
        [
            ("Зайцаўкі", "Zaytsevka"),
            ("Капусціна Яра", "Kapustin Yar"),
            ("Чабаркуля", "Chebarkul"),
        ],
    )
    def test_the_russian_station_resolves(self, written: str, expected: str) -> None:
        from railtrack.network import load_network

        resolution = load_network().resolve(written, lang="be")
        assert resolution.resolved
        assert expected.split()[0][:6].lower() in str(resolution.name).lower().replace("ai", "ay")


class TestLanguageOfShortSentences:
    """A sentence with "і" and no "ы э ў" is Belarusian as often as Ukrainian."""

    @pytest.mark.parametrize(
        "sentence",
        [
            "Цягнік пачне курсіраваць паміж Мінскам і Пекінам.",
            "Цягнік наведае Оршу, Віцебск і Полацк з 15 па 20 сакавіка.",
            "Кантэйнерны цягнік з Пекіна ідзе на Мінск, у дарозе 15 дзён.",
        ],
    )
    def test_a_belarusian_sentence_without_y_is_belarusian(self, sentence: str) -> None:
        assert detect_language(sentence).lang == "be"
        assert sentence_language(sentence, "be") == "be"

    @pytest.mark.parametrize(
        "sentence",
        [
            "Потяг прибув на станцію Гомель 5 березня.",
            "Вагони з технікою стоять на станції Гомель.",
        ],
    )
    def test_ukrainian_stays_ukrainian(self, sentence: str) -> None:
        assert detect_language(sentence).lang == "uk"

    def test_a_belarusian_sentence_quoting_a_russian_name_is_not_russian(self) -> None:
        # "ў" is never Russian: with an "и" of a quoted name the alphabet cannot tell
        assert sentence_language("Эшалон прыбыў у Барановичи.", "be") != "ru"


class TestExpectation:
    def test_is_supposed_is_an_expectation(self) -> None:
        s = _one("Эшалон з тэхнікай мяркуецца адправіць з Барысава ў Брэст 14 сакавіка.")
        assert s.claim in ("expected", "planned")
        assert s.departure is not None
        assert s.departure.earliest == date(2023, 3, 14)


class TestDigestOfAWeek:
    """A digest headed "за тыдзень" lists trains: a past span, not a rate."""

    def test_the_trains_listed_under_the_header_are_read(self) -> None:
        result = read(
            "Рух эшалонаў па БЧ за тыдзень:\n"
            "• 5 сакавіка са станцыі Асіповічы ў Брэст адправіўся эшалон з 40 вагонаў;\n"
            "• 7 сакавіка на станцыю Лунінец прыбыў эшалон з 35 платформаў."
        )
        assert ends(result) == [("Асіповічы", "Брэст"), (None, "Лунінец")]
        assert [s.cars.total for s in result.shipments] == [40, 35]

    def test_trains_counted_over_a_week_with_no_place_stay_a_tally(self) -> None:
        result = read("За тыдзень па Беларускай чыгунцы прайшло каля 12 эшалонаў.")
        assert result.shipments == []


class TestTrainNamedByItsRelation:
    """Two names joined by a spaced dash after a train noun are its ends."""

    @pytest.mark.parametrize(
        "sentence",
        [
            "Кантэйнерны цягнік Чэнду – Мінск адправіцца ў першы рэйс 14 сакавіка.",
            "Контейнерный поезд Чэнду – Минск отправится в первый рейс 14 марта.",
        ],
    )
    def test_the_relation_gives_both_ends(self, sentence: str) -> None:
        (shipment,) = read(sentence).shipments
        assert shipment.origin.text == "Чэнду"
        assert shipment.destination.text in ("Мінск", "Минск")
        assert shipment.departure is not None
        assert shipment.departure.earliest == date(2023, 3, 14)

    def test_a_hyphenated_station_is_one_name(self) -> None:
        s = _one("Эшалон з тэхнікай прыбыў на станцыю Баранавічы-Палескія 4 сакавіка.")
        assert (s.origin, s.destination.text) == (None, "Баранавічы-Палескія")

    def test_a_passenger_relation_stays_a_service(self) -> None:
        assert read("Пасажырскі цягнік Мінск – Гомель затрымліваецца на 20 хвілін.").shipments == []

    def test_a_relation_with_no_trip_told_gives_no_ends(self) -> None:
        result = read(
            "Грузавы цягнік Жлобін — Мінск-Сартавальны са 70 вагонаў рухаўся па перагоне "
            "Калядзічы — Памыслішча. Пад Мінскам з рэек сышлі 12 вагонаў."
        )
        assert result.shipments == []

"""Wrong facts a new user found (issue 13, session 17, helper "hijack"), in five languages.

- T1: a later sentence whose subject is no train (a delegation, a minister, a column
  of cars) gave the train its end, day and claim ("... przyjechał do Baranowicz.
  Jutro spodziewany jest przyjazd delegacji do Kijowa." made the train expected in
  Kyiv); a sentence with a pronoun for the train, or none of its own subject, still
  tells of it;
- T2: "Раней, 10 траўня, ён прыбыў з Расіі" after a departure is the leg before: an
  arrival at the origin on 10 May, never at the destination;
- T8: a pass told as done with no day is on or before the published day (the day
  before through the published day), so relays of it link;
- T9: "за минувшие сутки" in a sentence of prose dates what it tells as the day
  before the post through the post's day (the digests' ``past_day``).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from railtrack.extract import extract_shipments
from railtrack.io import load_reports
from railtrack.network import load_network
from railtrack.pipeline import track
from tests._report_files import write_report

PUBLISHED = date(2023, 5, 12)


def _read(text: str, lang: str) -> dict[str, Any]:
    return dict(extract_shipments(text, published=PUBLISHED, lang=lang).to_dict())


def _one(text: str, lang: str) -> dict[str, Any]:
    shipments = _read(text, lang)["shipments"]
    assert len(shipments) == 1, shipments
    return dict(shipments[0])


def _arrival(shipment: dict[str, Any]) -> tuple[str | None, str | None] | None:
    window = shipment.get("expected_arrival")
    return None if window is None else (window["earliest"], window["latest"])


# -- T1: a sentence of another subject gives the train nothing ---------------------------

OTHER_SUBJECT = [
    (
        "pl",
        "Eszelon z 40 wagonami przyjechał do Baranowicz. "
        "Jutro spodziewany jest przyjazd delegacji do Kijowa.",
    ),
    ("ru", "Эшелон из 40 вагонов прибыл в Барановичи. Завтра ожидается прибытие делегации в Киев."),
    (
        "uk",
        "Ешелон із 40 вагонів прибув до Барановичів. "
        "Завтра очікується прибуття делегації до Києва.",
    ),
    ("be", "Эшалон з 40 вагонаў прыбыў у Баранавічы. Заўтра чакаецца прыезд дэлегацыі ў Кіеў."),
    (
        "en",
        "A train of 40 cars arrived in Baranovichi. "
        "The minister is expected to arrive in Kyiv tomorrow.",
    ),
    ("ru", "Эшелон из 40 вагонов прибыл в Барановичи. Министр обороны 11 мая прибыл в Минск."),
    ("uk", "Ешелон із 40 вагонів прибув до Барановичів. Колона автомобілів вирушила до Бреста."),
    (
        "pl",
        "Pociąg z 40 wagonami przyjechał do Baranowicz. "
        "W sobotę prezydent przyleci samolotem do Mińska.",
    ),
    # review17 #7: an impersonal "it" is no pronoun for the train
    (
        "en",
        "A train of 40 cars arrived in Baranovichi. "
        "It is expected that the minister will arrive in Kyiv tomorrow.",
    ),
    (
        "en",
        "A train of 40 cars arrived in Baranovichi. "
        "It was reported that a delegation will arrive in Kyiv tomorrow.",
    ),
]


@pytest.mark.parametrize(("lang", "text"), OTHER_SUBJECT)
def test_a_sentence_of_another_subject_gives_the_train_no_end(lang: str, text: str) -> None:
    shipment = _one(text, lang)
    assert shipment["destination"]["station"] == "Baranovichi-Tsentralnye"
    assert shipment["via"] == []
    assert shipment["expected_arrival"] is None
    assert shipment["claim"] == "sighted"


def test_a_sentence_of_another_subject_gives_a_group_nothing() -> None:
    read = _read(
        "Два эшелона прибыли в Барановичи. Завтра ожидается прибытие делегации в Киев.", "ru"
    )
    assert [s["destination"]["text"] for s in read["shipments"]] == ["Барановичи"] * 2
    assert all(s["claim"] == "sighted" for s in read["shipments"])


SAME_TRAIN = [
    # a pronoun for the train
    ("ru", "Эшелон из 40 вагонов прибыл в Барановичи. Завтра ожидается его прибытие в Брест."),
    ("be", "Эшалон з 40 вагонаў прыбыў у Баранавічы. Чакаецца, што заўтра ён прыбудзе ў Брэст."),
    ("en", "A train of 40 cars left Baranovichi. It is expected to arrive in Brest tomorrow."),
    # a dummy "it" before the train's own "it" (review17 #7, negative)
    (
        "en",
        "A train of 40 cars left Baranovichi. It is expected that it will arrive in Brest "
        "tomorrow.",
    ),
    # no subject of its own: the train's clause goes on
    ("pl", "Eszelon z 40 wagonami przyjechał do Baranowicz. Jutro ma dotrzeć do Brześcia."),
    ("uk", "Ешелон із 40 вагонів вирушив з Барановичів. Прибуття до Бреста очікується завтра."),
]


@pytest.mark.parametrize(("lang", "text"), SAME_TRAIN)
def test_a_sentence_of_the_train_still_gives_its_end(lang: str, text: str) -> None:
    shipment = _one(text, lang)
    assert shipment["destination"]["station"] == "Brest-Tsentralny"
    assert _arrival(shipment) == ("2023-05-13", "2023-05-13")


# -- T2: "earlier" tells the leg before ----------------------------------------------------

EARLIER_LEG = [
    (
        "be",
        "Эшалон (40 вагонаў) адправіўся з Асіповічаў у бок Гомеля. "
        "Раней, 10 траўня, ён прыбыў з Расіі.",
    ),
    (
        "ru",
        "Эшелон (40 вагонов) отправился из Осиповичей в сторону Гомеля. "
        "Ранее, 10 мая, он прибыл из России.",
    ),
    (
        "uk",
        "Ешелон (40 вагонів) вирушив з Осиповичів у бік Гомеля. "
        "Раніше, 10 травня, він прибув з Росії.",
    ),
    (
        "pl",
        "Eszelon (40 wagonów) wyjechał z Osipowicz w kierunku Homla. "
        "Wcześniej, 10 maja, przyjechał z Rosji.",
    ),
    (
        "en",
        "A train of 40 cars left Asipovichy towards Gomel. "
        "Earlier, on 10 May, it arrived from Russia.",
    ),
    (
        "ru",
        "Эшелон отправился из Осиповичей в сторону Гомеля. "
        "До этого, 10 мая, состав прибыл из России.",
    ),
]


@pytest.mark.parametrize(("lang", "text"), EARLIER_LEG)
def test_an_earlier_arrival_is_at_the_origin(lang: str, text: str) -> None:
    read = _read(text, lang)
    (shipment,) = read["shipments"]
    assert shipment["origin"]["station"] == "Osipovichi-I"
    assert shipment["destination"]["station"] == "Gomel"
    assert shipment["expected_arrival"] is None
    seen = [(s["place"]["station"], s["seen"]["earliest"]) for s in read["sightings"]]
    assert seen == [("Osipovichi-I", "2023-05-10")]


def test_a_later_arrival_without_earlier_is_at_the_destination() -> None:
    text = (
        "Эшелон (40 вагонов) отправился из Осиповичей в сторону Гомеля. 13 мая он прибыл в Гомель."
    )
    read = dict(extract_shipments(text, published=date(2023, 5, 14), lang="ru").to_dict())
    (shipment,) = read["shipments"]
    assert _arrival(shipment) == ("2023-05-13", "2023-05-13")
    assert read["sightings"] == []


# -- T8: a pass told as done with no day ----------------------------------------------------

UNDATED_PASS = [
    ("be", "Эшалон прайшоў праз Оршу ў бок Смаленска."),
    ("ru", "Эшелон прошёл через Оршу в сторону Смоленска."),
    ("uk", "Ешелон пройшов через Оршу в бік Смоленська."),
    ("pl", "Eszelon przejechał przez Orszę w kierunku Smoleńska."),
    ("en", "A train passed through Orsha towards Smolensk."),
    ("ru", "Эшелон был замечен в Орше. Он направляется в Смоленск."),
]


@pytest.mark.parametrize(
    "text",
    [
        # review17 #13: the colon list of places passed is dated like "passed through"
        "The train passed: Orsha, Smolensk, Vyazma.",
        "A train with 40 cars passed through: Orsha, Smolensk and Vyazma.",
    ],
)
def test_an_undated_colon_list_is_on_or_before_the_published_day(text: str) -> None:
    read = _read(text, "en")
    seen = [(s["place"]["text"], s["seen"]["earliest"]) for s in read["sightings"]]
    assert seen == [("Orsha", "2023-05-11"), ("Smolensk", "2023-05-11"), ("Vyazma", "2023-05-11")]


def test_a_colon_list_told_ahead_is_no_sighting() -> None:
    """Negative: a list of places the train will pass is no sighting."""
    assert _read("The train will pass: Orsha, Smolensk, Vyazma.", "en")["sightings"] == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "Эшелон проследовал: Орша, Смоленск, Вязьма."),
        ("uk", "Ешелон пройшов через: Оршу, Смоленськ, Вязьму."),
        ("pl", "Pociąg przejechał przez: Orszę, Smoleńsk, Wiaźmę."),
        ("en", "The train passed: Orsha, Smolensk, Vyazma."),
    ],
)
def test_a_word_of_passing_keeps_its_colon_list_in_its_clause(lang: str, text: str) -> None:
    from railtrack.extract.sentences import split_clauses

    assert len(split_clauses(text)) == 1


def test_a_colon_after_another_word_still_ends_a_clause() -> None:
    from railtrack.extract.sentences import split_clauses

    assert len(split_clauses("Эшелон ушёл из Орши. Итог: ушло 40 вагонов.")) == 3


@pytest.mark.parametrize(("lang", "text"), UNDATED_PASS)
def test_an_undated_pass_is_on_or_before_the_published_day(lang: str, text: str) -> None:
    read = _read(text, lang)
    (sighting,) = read["sightings"]
    assert sighting["place"]["station"] == "Orsha-Tsentralnaya"
    # the day before the published day, a window of two days
    assert (sighting["seen"]["earliest"], sighting["seen"]["precision"]) == ("2023-05-11", "days")


NO_UNDATED_SIGHTING = [
    ("ru", "Эшелон пройдёт через Оршу в сторону Смоленска."),  # ahead: no sighting
    ("en", "A train will pass through Orsha towards Smolensk."),
    ("ru", "10 мая эшелон вышел из Бреста. Он прошёл через Оршу."),  # a day told before
]


@pytest.mark.parametrize(("lang", "text"), NO_UNDATED_SIGHTING)
def test_no_untold_day_sighting_for_a_plan_or_a_day_told(lang: str, text: str) -> None:
    assert _read(text, lang)["sightings"] == []


def test_relays_of_an_undated_pass_are_one_train(tmp_path: Path) -> None:
    write_report(
        tmp_path, "h.txt", "Эшалон з 40 вагонаў прайшоў праз Оршу ў бок Смаленска.", "2023-05-12"
    )
    write_report(
        tmp_path,
        "r.txt",
        "Эшелон из 40 вагонов прошёл через Оршу в сторону Смоленска.",
        "2023-05-12",
        relayed_by="Зеркало",
    )
    write_report(
        tmp_path,
        "p.txt",
        "Pociąg z 40 wagonami przejechał przez Orszę w kierunku Smoleńska.",
        "2023-05-13",
        source="Białoruski Hajun",
        relayed_by="Rzeczpospolita",
    )
    result = track(load_reports(tmp_path), load_network())
    assert result.headline()["shipments"] == 1
    assert sorted(result.relays["id"]) == ["p-t1", "r-t1"]


# -- T9: the past day in prose ---------------------------------------------------------------

PAST_DAY = [
    ("be", "За мінулыя суткі праз Асіповічы прайшлі два эшалоны."),
    ("ru", "За минувшие сутки через Осиповичи прошли два эшелона."),
    ("uk", "За минулу добу через Осиповичі пройшли два ешелони."),
    ("pl", "W ciągu ostatniej doby przez Osipowicze przejechały dwa eszelony."),
    ("en", "Over the past day, two trains passed through Asipovichy."),
]


@pytest.mark.parametrize(("lang", "text"), PAST_DAY)
def test_the_past_day_in_prose_dates_each_train(lang: str, text: str) -> None:
    read = _read(text, lang)
    assert len(read["shipments"]) == 2
    seen = sorted(
        (s["shipment"], s["seen"]["earliest"], s["seen"]["precision"]) for s in read["sightings"]
    )
    ids = sorted(s["id"] for s in read["shipments"])
    assert seen == [(i, "2023-05-11", "days") for i in ids]


def test_the_past_day_dates_an_arrival() -> None:
    shipment = _one("За минувшие сутки в Брест прибыл эшелон из 40 вагонов.", "ru")
    assert _arrival(shipment) == ("2023-05-11", "2023-05-12")


def test_a_trip_of_a_day_ahead_is_no_past_day() -> None:
    shipment = _one("Эшелон из Орши дойдёт до Бреста за сутки.", "ru")
    # "дойдёт за сутки": a trip of a day still to come, from a departure the report
    # does not date. Extraction gives no window (the estimate stage works one out from
    # the route), and above all not the past day (11-12 May) the old reading made of
    # "сутки" (review17 #10, review18 #17: the window asserted exactly)
    assert _arrival(shipment) is None
    assert shipment["departure"] is None


def test_a_convoy_in_an_english_relay_is_the_train() -> None:
    # English relays call an echelon a "convoy" (Kyiv Independent on Hajun, r1005): the
    # sentence telling its stations is the train's, not another subject's
    text = (
        "Russia sent another military convoy to Belarus, consisting of 40 train wagons. "
        "Having arrived at the Chepino railway station on Jan. 11, the convoy was sent "
        "from the railway station in Omsk on Jan. 3."
    )
    result = extract_shipments(text, published=date(2023, 1, 12), lang="en", network=False)
    [train] = result.shipments
    assert (train.origin.text, train.destination.text) == ("Omsk", "Chepino")


def test_it_told_of_the_train_still_gives_its_end() -> None:
    text = "A train of 40 cars left Slonim. It is expected to arrive in Brest tomorrow."
    [train] = extract_shipments(
        text, published=date(2023, 5, 19), lang="en", network=False
    ).shipments
    assert train.destination is not None
    assert train.destination.text == "Brest"

"""What a report claims, and when (issue 13; trial15 T2, T3, T10, S2, S6).

T2 a retraction ("не подтвердилась", "was not confirmed", "there was no train") lists no
train and names the train of an earlier report it retracts; T3 a modal with an
infinitive ("ma przyjechać") is a plan, an arrival told ahead ("прибудет") is awaited,
"in the coming days" is a window after the report; T10 two days joined by "or" are one
window; S2 "by the end of the month" is an upper bound, "at the earliest" a lower one;
S6 a train being unloaded now is seen at that station on the report's day. Each kind in
every language it concerns, with forms the trial did not use.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from railtrack.extract.ahead import modal_plan_at, told_ahead
from railtrack.extract.cues import VerbCue
from railtrack.extract.dates import FEW_DAYS
from railtrack.extract.retractions import denial_words
from railtrack.io import load_reports
from tests._extract_helpers import read
from tests._report_files import write_report

FRI = date(2023, 5, 19)  # a Friday
SAT, SUN, MON = FRI + timedelta(days=1), FRI + timedelta(days=2), FRI + timedelta(days=3)

# -- T2: a retraction --------------------------------------------------------------------------

RETRACTIONS = [
    ("be", "Абвяржэнне: інфармацыя пра эшалон, які нібыта прыбыў учора ў Брэст, не пацвердзілася."),
    ("be", "Інфармацыя пра эшалон у Оршы аказалася ілжывай. Ніякага эшалона не было."),
    ("ru", "Опровержение: информация об эшелоне, который якобы прибыл вчера в Брест, не подтвердилась."),  # noqa: E501
    ("ru", "Сообщение о прибытии эшелона в Оршу оказалось ложным: никакого эшелона не было."),
    ("uk", "Інформація про ешелон, який нібито прибув учора до Бреста, не підтвердилася."),
    ("uk", "Повідомлення про потяг до Орші виявилося фейком: жодного потяга не було."),
    ("pl", "Informacja o pociągu, który rzekomo przyjechał wczoraj do Brześcia, nie potwierdziła się."),  # noqa: E501
    ("pl", "Wiadomość o składzie w Orszy okazała się fałszywa. Żadnego pociągu nie było."),
    ("en", "Correction: the report of a train that arrived in Brest yesterday was not confirmed."),
    ("en", "The train said to have reached Orsha turned out to be fake; there was no train."),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "text"), RETRACTIONS)
def test_a_retraction_lists_no_train_and_says_so(lang: str, text: str) -> None:
    result = read(text, FRI, lang=lang)
    assert result.shipments == []
    assert result.sightings == []
    (note,) = result.retraction_notes()
    assert "retracts a train" in note
    assert result.retraction is not None
    assert result.retraction in text


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "Эшелон из 40 вагонов прибыл в Брест вчера. Министерство не подтвердило эти данные."),  # noqa: E501
        ("pl", "Pociąg z 40 wagonami przyjechał wczoraj do Brześcia, co potwierdziła kolej."),
        ("en", "A train of 40 cars arrived in Brest yesterday; the count was confirmed."),
        ("uk", "Ешелон із 40 вагонів прибув учора до Бреста, це підтвердилося."),
    ],
)  # fmt: skip
def test_a_train_not_retracted_is_kept(lang: str, text: str) -> None:
    result = read(text, FRI, lang=lang)
    assert len(result.shipments) == 1
    assert result.retraction_notes() == []


def test_denial_words_are_the_words_as_written() -> None:
    assert denial_words("Информация не подтвердилась.", "ru") == "не подтвердилась"
    assert denial_words("Эшелон прибыл.", "ru") is None


@pytest.mark.parametrize(
    ("told", "retraction"),
    [
        ("Учора ў Брэст прыбыў эшалон з танкамі, 40 платформаў.",
         "Абвяржэнне: інфармацыя пра эшалон, які нібыта прыбыў учора ў Брэст, не пацвердзілася."),
        ("Wczoraj do Brześcia przyjechał pociąg z czołgami, 40 platform.",
         "Dementi: informacja o pociągu, który rzekomo przyjechał wczoraj do Brześcia, nie potwierdziła się."),  # noqa: E501
        ("A train with tanks, 40 flatcars, arrived in Brest yesterday.",
         "The report of a train that allegedly arrived in Brest yesterday was not confirmed."),
    ],
)  # fmt: skip
def test_the_train_a_later_report_retracts_gets_a_problem(
    tmp_path: Path, told: str, retraction: str
) -> None:
    write_report(tmp_path, "a.txt", told, "2023-05-15")
    write_report(tmp_path, "b.txt", retraction, "2023-05-15")
    # another train, at another station: not retracted
    write_report(tmp_path, "c.txt", "Today a train of 30 cars arrived in Orsha.", "2023-05-14")
    rs = load_reports(tmp_path)
    assert sorted(s.id for s in rs.shipments) == ["a-t1", "c-t1"]  # the retraction: none
    retracted = [p for p in rs.problems if "is retracted by" in p.message]
    assert [Path(p.path).name for p in retracted] == ["a.txt"]
    assert "a-t1" in retracted[0].message
    assert "b.txt" in retracted[0].message
    assert any(Path(p.path).name == "b.txt" and "retracts" in p.message for p in rs.problems)


def test_a_retraction_names_no_train_told_after_it(tmp_path: Path) -> None:
    write_report(tmp_path, "b.txt", RETRACTIONS[2][1], "2023-05-15")
    write_report(tmp_path, "a.txt", "Сегодня в Брест прибыл эшелон из 40 вагонов.", "2023-05-17")
    rs = load_reports(tmp_path)
    assert not [p for p in rs.problems if "is retracted by" in p.message]


# -- T3: told ahead ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("pl", "Do Brześcia ma przyjechać jeszcze jeden pociąg z Rosji."),
        ("pl", "Do Łunińca mają przyjechać jeszcze 2 pociągi z Rosji."),
        ("pl", "Pociąg z czołgami ma wjechać do Brześcia."),
        ("pl", "Do Orszy mają dojechać dwa pociągi."),
        ("ru", "В Брест должен прибыть ещё один эшелон из России."),
        ("uk", "До Бреста мають прибути ще два ешелони з Росії."),
        ("be", "У Брэст павінны прыбыць яшчэ два эшалоны з Расіі."),
        ("en", "Another train from Russia is to arrive in Brest."),
        ("en", "Two more trains are due in Luninets."),
    ],
)
def test_a_modal_with_an_infinitive_is_a_plan(lang: str, text: str) -> None:
    result = read(text, FRI, lang=lang)
    assert result.shipments
    assert {s.claim for s in result.shipments} == {"planned"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "В Брест прибудет ещё один эшелон из России."),
        ("uk", "До Бреста прибуде ще один ешелон з Росії."),
        ("be", "У Брэст прыбудзе яшчэ адзін эшалон з Расіі."),
        ("ru", "В Оршу придёт ещё один состав с техникой."),
        ("en", "Another train from Russia will arrive in Brest."),
    ],
)
def test_an_arrival_told_ahead_is_awaited(lang: str, text: str) -> None:
    (shipment,) = read(text, FRI, lang=lang).shipments
    assert shipment.claim == "expected"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "Вчера эшелон прибыл в Брест, его будут разгружать."),
        ("pl", "Pociąg przejechał przez Żabinkę, by dotrzeć do Łunińca."),
        ("uk", "Ешелон прибув до Бреста."),
    ],
)
def test_a_move_told_as_done_is_no_plan(lang: str, text: str) -> None:
    result = read(text, FRI, lang=lang)
    assert result.shipments
    assert all(s.claim not in ("planned", "expected") for s in result.shipments)


def test_modal_plan_and_told_ahead_read_the_verb() -> None:
    assert modal_plan_at("Pociąg ma 40 wagonów.", "pl", []) is None
    text = "Do Brześcia mają przyjechać pociągi."
    assert modal_plan_at(text, "pl", [VerbCue("arrival", 17, 27, True)]) == 12
    text = "До Бреста прибуде ешелон."
    assert told_ahead(text, [VerbCue("arrival", 10, 17, False)], "uk")
    assert not told_ahead(text, [VerbCue("arrival", 10, 17, False)], "en")


COMING_DAYS = [
    ("ru", "В ближайшие дни в Брест ожидается прибытие ещё одного эшелона из России."),
    ("ru", "В ближайшие несколько дней в Брест прибудет ещё один эшелон."),
    ("uk", "Найближчими днями до Бреста очікується прибуття ще одного ешелону з Росії."),
    ("uk", "У найближчі дні до Бреста має прибути ще один ешелон."),
    ("uk", "Цими днями до Бреста прибуде ще один ешелон з Росії."),
    ("be", "У бліжэйшыя дні ў Брэст чакаецца прыбыццё яшчэ аднаго эшалона з Расіі."),
    ("be", "Бліжэйшымі днямі ў Брэст павінен прыбыць яшчэ адзін эшалон."),
    ("pl", "W najbliższych dniach do Brześcia ma przyjechać jeszcze jeden pociąg z Rosji."),
    ("pl", "W nadchodzących dniach do Brześcia przyjedzie jeszcze jeden pociąg."),
    ("en", "Another train from Russia is expected to arrive in Brest in the coming days."),
    ("en", "Another train is due to arrive in Brest in the next few days."),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "text"), COMING_DAYS)
def test_the_coming_days_are_after_the_report(lang: str, text: str) -> None:
    (shipment,) = read(text, FRI, lang=lang).shipments
    window = shipment.expected_arrival
    assert window is not None
    assert window.earliest is not None
    assert window.latest is not None
    assert FRI < window.earliest <= window.latest <= FRI + timedelta(days=FEW_DAYS)
    assert shipment.claim in ("planned", "expected")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("uk", "Днями до Бреста прибув ешелон з Росії."),
        ("ru", "На днях в Брест прибыл эшелон из России."),
        ("be", "Днямі ў Брэст прыбыў эшалон з Расіі."),
    ],
)
def test_a_few_days_told_as_done_are_before_the_report(lang: str, text: str) -> None:
    (shipment,) = read(text, FRI, lang=lang).shipments
    window = shipment.expected_arrival
    assert window is not None
    assert window.latest == FRI
    assert window.earliest == FRI - timedelta(days=FEW_DAYS)
    assert shipment.claim == "sighted"


# -- T10: either day ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "first", "last"),
    [
        ("pl", "Do Brześcia jedzie pociąg z 40 wagonami; spodziewany jest w sobotę lub w niedzielę.", SAT, SUN),  # noqa: E501
        ("be", "У Брэст ідзе эшалон з 40 вагонаў; чакаецца ў суботу ці ў нядзелю.", SAT, SUN),
        ("ru", "В Брест идёт эшелон из 40 вагонов; ожидается в субботу или в воскресенье.", SAT, SUN),  # noqa: E501
        ("uk", "До Бреста їде ешелон із 40 вагонів; очікується в суботу або в неділю.", SAT, SUN),
        ("en", "A train of 40 cars is heading to Brest; it is expected on Saturday or Sunday.", SAT, SUN),  # noqa: E501
        ("ru", "Эшелон прибудет в Брест в субботу или воскресенье.", SAT, SUN),
        ("pl", "Pociąg przyjedzie do Brześcia w niedzielę albo w poniedziałek.", SUN, MON),
        ("en", "The train will arrive in Brest on Sunday or Monday.", SUN, MON),
        ("ru", "Эшелон ожидается в Бресте 21 или 22 мая.", SUN, MON),
        ("pl", "Pociąg spodziewany jest w Brześciu 21 lub 22 maja.", SUN, MON),
        ("uk", "Ешелон очікується в Бресті 21 або 22 травня.", SUN, MON),
        ("be", "Эшалон чакаецца ў Брэсце 21 ці 22 траўня.", SUN, MON),
        ("en", "The train is expected in Brest on 21 or 22 May.", SUN, MON),
    ],
)  # fmt: skip
def test_two_days_joined_by_or_are_one_window(
    lang: str, text: str, first: date, last: date
) -> None:
    result = read(text, FRI, lang=lang)
    assert len(result.shipments) == 1
    window = result.shipments[0].expected_arrival
    assert window is not None
    assert (window.earliest, window.latest) == (first, last)


# -- S2: bounds ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("be", "Да канца месяца ў Лунінец павінны прыбыць яшчэ 5 эшалонаў."),
        ("pl", "Do końca miesiąca do Łunińca ma przyjechać jeszcze 5 pociągów."),
        ("ru", "До конца месяца в Лунинец должны прибыть ещё 5 эшелонов."),
        ("ru", "К концу этого месяца в Лунинец прибудут ещё 2 эшелона."),
        ("uk", "До кінця місяця до Лунинця мають прибути ще 5 ешелонів."),
        ("en", "Five more trains are due in Luninets by the end of the month."),
    ],
)
def test_by_the_end_of_the_month_is_an_upper_bound(lang: str, text: str) -> None:
    result = read(text, FRI, lang=lang)
    assert result.shipments
    for shipment in result.shipments:
        window = shipment.expected_arrival
        assert window is not None
        assert (window.earliest, window.latest) == (None, date(2023, 5, 31))
        assert shipment.claim in ("planned", "expected")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("pl", "Pociąg wyjedzie z Brześcia najwcześniej w poniedziałek."),
        ("pl", "Pociąg wyjedzie z Brześcia nie wcześniej niż w poniedziałek."),
        ("ru", "Эшелон отправится из Бреста не раньше понедельника."),
        ("uk", "Ешелон вирушить з Бреста не раніше понеділка."),
        ("be", "Эшалон адправіцца з Брэста не раней за панядзелак."),
        ("en", "The train will leave Brest no earlier than Monday."),
    ],
)
def test_at_the_earliest_is_a_lower_bound(lang: str, text: str) -> None:
    (shipment,) = read(text, FRI, lang=lang).shipments
    window = shipment.departure
    assert window is not None
    assert (window.earliest, window.latest) == (MON, None)


# -- S6: unloaded now ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "station"),
    [
        ("pl", "Na stacji Łuniniec od rana rozładowywany jest pociąg wojskowy z Rosji: 40 platform.", "Łuniniec"),  # noqa: E501
        ("pl", "W Łunińcu trwa rozładunek pociągu z Rosji.", "Łunińcu"),
        ("ru", "На станции Лунинец с утра разгружается военный эшелон из России: 40 платформ.", "Лунинец"),  # noqa: E501
        ("ru", "В Лунинце разгружают эшелон из России.", "Лунинце"),
        ("uk", "На станції Лунинець з ранку розвантажують військовий ешелон з Росії.", "Лунинець"),
        ("be", "На станцыі Лунінец з раніцы разгружаецца вайсковы эшалон з Расіі.", "Лунінец"),
        ("en", "A military train from Russia has been unloading at Luninets station since morning.", "Luninets"),  # noqa: E501
        ("en", "A military train from Russia is being unloaded at Luninets station.", "Luninets"),
    ],
)  # fmt: skip
def test_a_train_unloaded_now_is_seen_there_that_day(lang: str, text: str, station: str) -> None:
    result = read(text, FRI, lang=lang)
    assert len(result.shipments) == 1
    seen = [(x.station.text, x.seen_at.date()) for x in result.sightings]
    assert seen == [(station, FRI)]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "Эшелон разгрузили в Лунинце."),
        ("pl", "Pociąg rozładowano w Łunińcu."),
        ("en", "The train was unloaded at Luninets."),
    ],
)
def test_an_unloading_told_as_done_is_no_sighting_today(lang: str, text: str) -> None:
    assert read(text, FRI, lang=lang).sightings == []


def test_a_retraction_in_a_telegram_export_flags_the_post_it_retracts(tmp_path: Path) -> None:
    # review16 #1: a channel's export holds the post and its retraction in one file
    from tests._telegram_exports import Msg, at, chat_object, write_json

    posts = [
        Msg(10, "Сёння ў Брэст прыбыў эшалон з танкамі, 40 платформаў.", at(14)),
        Msg(
            11,
            "Абвяржэнне: інфармацыя пра эшалон, які нібыта прыбыў учора ў Брэст, не пацвердзілася.",
            at(15),
        ),
        Msg(12, "Сёння ў Оршу прыбыў эшалон з 30 вагонаў.", at(15)),
    ]
    path = write_json(tmp_path / "export" / "result.json", chat_object(posts))
    rs = load_reports(path)
    retracted = [p for p in rs.problems if "is retracted by" in p.message]
    assert len(retracted) == 1
    (told,) = [s for s in rs.shipments if s.id in retracted[0].message]
    assert told.destination is not None
    assert told.destination.text == "Брэст"

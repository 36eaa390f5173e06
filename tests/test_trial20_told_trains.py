"""A listed day's trains keep their own ends; numbered trains fill the group announced.

Trial 20 (issue 13):

- T2: "Wojskowy pociąg ... przyjechał na stację Osipowicze z Kapustin Jaru. 15 i 17
  czerwca ze stacji Orsza-Wschodnia do Kapustina Jaru wysłano łącznie 87 pustych
  wagonów.": the undated train of the first sentence was taken for the one the list of
  days goes on to date, its ends overwrote the list's and it was lost. A train whose
  ends the list's clause contradicts is another train: three trains, two in a group.
- T5: "прибули 2 військові ешелони. Ешелон №967 ... Ешелон №969 ...": the second
  numbered train was started beside the group, the group filled with an empty third
  train. The numbered trains told after the announcement are its members.
"""

from __future__ import annotations

from datetime import date

import pytest

from railtrack.extract import extract_shipments

PUBLISHED = date(2023, 8, 3)

# (an undated train Kapustin Yar -> Osipovichi; "on 15 and 17 June 87 empty cars were
# sent from Orsha to Kapustin Yar")
OTHER_ENDS = {
    "pl": (
        "Wojskowy pociąg z wyrzutniami Iskander przyjechał na stację Osipowicze z "
        "Kapustin Jaru. 15 i 17 czerwca ze stacji Orsza-Wschodnia do Kapustina Jaru "
        "wysłano łącznie 87 pustych wagonów."
    ),
    "ru": (
        "Воинский эшелон с комплексами Искандер прибыл на станцию Осиповичи из "
        "Капустина Яра. 15 и 17 июня со станции Орша в Капустин Яр отправили 87 "
        "пустых вагонов."
    ),
    "uk": (
        "Військовий ешелон з комплексами Іскандер прибув на станцію Осиповичі з "
        "Капустина Яру. 15 і 17 червня зі станції Орша до Капустина Яру відправили "
        "87 порожніх вагонів."
    ),
    "be": (
        "Вайсковы эшалон з комплексамі Іскандэр прыбыў на станцыю Асіповічы з "
        "Капусцінага Яра. 15 і 17 чэрвеня са станцыі Орша ў Капусцін Яр адправілі "
        "87 пустых вагонаў."
    ),
    "en": (
        "A military train with Iskander launchers arrived at Osipovichi station from "
        "Kapustin Yar. On 15 and 17 June 87 empty wagons were sent from Orsha to "
        "Kapustin Yar."
    ),
}

# (an undated train told with the list's own origin: the list dates that train)
SAME_ENDS = {
    "pl": "Z Orszy do Kapustina Jaru wysłano pociąg. 15 i 17 czerwca ze stacji Orsza "
    "wysłano łącznie 87 pustych wagonów.",
    "ru": "Из Орши в Капустин Яр отправили эшелон. 15 и 17 июня со станции Орша "
    "отправили 87 пустых вагонов.",
    "uk": "З Орші до Капустина Яру відправили ешелон. 15 і 17 червня зі станції Орша "
    "відправили 87 порожніх вагонів.",
    "be": "З Оршы ў Капусцін Яр адправілі эшалон. 15 і 17 чэрвеня са станцыі Орша "
    "адправілі 87 пустых вагонаў.",
    "en": "A train was sent from Orsha to Kapustin Yar. On 15 and 17 June 87 empty "
    "wagons were sent from Orsha.",
}


def _stem(text: str | None) -> str:
    return (text or "")[:4].lower()


@pytest.mark.parametrize("lang", sorted(OTHER_ENDS))
def test_a_listed_days_trains_keep_their_own_ends(lang: str) -> None:
    result = extract_shipments(OTHER_ENDS[lang], published=PUBLISHED, lang=lang, network=False)
    trains = result.shipments
    assert len(trains) == 3
    told, *listed = trains
    assert told.group is None
    assert _stem(told.destination.text) in ("osip", "осип", "асіп")
    assert _stem(told.origin.text) in ("kapu", "капу")
    assert [_stem(t.origin.text) for t in listed] == [_stem(listed[0].origin.text)] * 2
    assert _stem(listed[0].origin.text) in ("orsz", "orsh", "орша", "орши")
    assert all(_stem(t.destination.text) in ("kapu", "капу") for t in listed)
    assert [t.departure.earliest for t in listed] == [date(2023, 6, 15), date(2023, 6, 17)]
    assert len(result.groups) == 1
    assert result.groups[0].cars.total == 87
    assert [t.group for t in listed] == [result.groups[0].id] * 2


@pytest.mark.parametrize("lang", sorted(SAME_ENDS))
def test_an_undated_train_with_the_lists_ends_is_dated_by_it(lang: str) -> None:
    result = extract_shipments(SAME_ENDS[lang], published=PUBLISHED, lang=lang, network=False)
    trains = result.shipments
    assert len(trains) == 2
    assert all(_stem(t.destination.text) in ("kapu", "капу") for t in trains)
    assert [t.departure.earliest for t in trains] == [date(2023, 6, 15), date(2023, 6, 17)]


# (a group of two announced to Belarus on 6 March; "echelon No. 967 left Bekasovo for
# Osipovichi"; "echelon No. 969 of 49 cars left Vyazma for Polonka")
NUMBERED = {
    "uk": (
        "6 березня 2023 року до Білорусі прибули 2 військові ешелони. Ешелон №967 "
        "вирушив зі станції Бекасово на станцію Осиповичі. Ешелон №969 у складі 49 "
        "вагонів був відправлений зі станції Вязьма на станцію Полонка."
    ),
    "ru": (
        "6 марта в Беларусь прибыли 2 воинских эшелона. Эшелон №967 отправился со "
        "станции Бекасово на станцию Осиповичи. Эшелон №969 из 49 вагонов отправлен "
        "со станции Вязьма на станцию Полонка."
    ),
    "be": (
        "6 сакавіка ў Беларусь прыбылі 2 вайсковыя эшалоны. Эшалон №967 адправіўся са "
        "станцыі Бекасава на станцыю Асіповічы. Эшалон №969 з 49 вагонаў адпраўлены са "
        "станцыі Вязьма на станцыю Палонка."
    ),
    "pl": (
        "6 marca na Białoruś przybyły 2 eszelony wojskowe. Eszelon nr 967 wyjechał ze "
        "stacji Biekasowo do Osipowicz. Eszelon nr 969 z 49 wagonami wyjechał ze stacji "
        "Wiaźma do Połonki."
    ),
    "en": (
        "On 6 March two military echelons arrived in Belarus. Echelon No. 967 left "
        "Bekasovo for Osipovichi. Echelon No. 969 of 49 cars left Vyazma for Polonka."
    ),
}

# the origins of trains 967, 969 and 971 as written
ORIGINS = {
    "uk": ("Бекасово", "Вязьма", "Орша"),
    "ru": ("Бекасово", "Вязьма", "Орша"),
    "be": ("Бекасава", "Вязьма", "Орша"),
    "pl": ("Biekasowo", "Wiaźma", "Orsza"),
    "en": ("Bekasovo", "Vyazma", "Orsha"),
}

# a third numbered train after the group is full: a train of its own, beside it
THIRD = {
    "uk": " Ешелон №971 вирушив зі станції Орша на станцію Мінськ.",
    "ru": " Эшелон №971 отправился со станции Орша на станцию Минск.",
    "be": " Эшалон №971 адправіўся са станцыі Орша на станцыю Мінск.",
    "pl": " Eszelon nr 971 wyjechał ze stacji Orsza do Mińska.",
    "en": " Echelon No. 971 left Orsha for Minsk.",
}


@pytest.mark.parametrize("lang", sorted(NUMBERED))
def test_numbered_trains_told_after_an_announcement_are_its_members(lang: str) -> None:
    result = extract_shipments(NUMBERED[lang], published=PUBLISHED, lang=lang, network=False)
    trains = result.shipments
    assert len(trains) == 2
    assert [_stem(t.origin.text) for t in trains] == [
        _stem(ORIGINS[lang][0]),
        _stem(ORIGINS[lang][1]),
    ]
    assert len(result.groups) == 1
    assert [t.group for t in trains] == [result.groups[0].id] * 2
    assert trains[1].cars.total == 49


@pytest.mark.parametrize("lang", sorted(NUMBERED))
def test_a_numbered_train_past_a_full_group_is_its_own(lang: str) -> None:
    text = NUMBERED[lang] + THIRD[lang]
    result = extract_shipments(text, published=PUBLISHED, lang=lang, network=False)
    trains = result.shipments
    assert len(trains) == 3
    assert [_stem(t.origin.text) for t in trains] == [_stem(o) for o in ORIGINS[lang]]
    assert [t.group for t in trains] == [result.groups[0].id] * 2 + [None]

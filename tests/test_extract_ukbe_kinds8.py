"""Failure kinds found on unseen Ukrainian and Belarusian reports (issue 13, session 8).

Each kind is tested in every language it concerns, with short inputs written here;
the real reports that showed them are in ``tests/data/extraction_real/`` (r525-r549).

1. A show word vetoes only the train it qualifies (a train that IS a show): never a
   military train whose cargo ("выставачная тэхніка", "wystawowe egzemplarze") or
   purpose names a show, nor a military train in another clause of the sentence.
2. A derailment told in the feminine or neuter ("одна з яких зійшла з рейок", "сышла з
   рэек", "сошла с рельсов"): an accident, no train of its dates.
3. Cars counted over a period at a station, more than one train has ("пагружана 16467
   вагонаў"): traffic, a statistic, no shipment.
4. A range across months ("з 1 квітня по 30 вересня") is one window; wider than any one
   trip, it is a period of traffic and dates no train.
5. A station named by two words and a spaced dash after a station word ("на станцію
   Київ – Ліски") is one name.
6. Trains counted with only countries for ends ("ще два поїзди з України до Литви"),
   beside a train tracked to a station, are background: not listed (and the headline,
   lead and detail of the tracked train are merged again).
7. An estimate in the lead ("щонайменше 31 вагон") gives way to the exact count of the
   detail ("складався з 32 вагонів").
"""

from __future__ import annotations

from datetime import date

import pytest

from railtrack.extract import extract_shipments
from railtrack.extract.lexread import LexiconReader

PUB = date(2023, 5, 10)


def read(text: str, lang: str) -> dict:
    return extract_shipments(text, published=PUB, network=False, lang=lang).to_dict()


def origins(text: str, lang: str) -> list[str | None]:
    return [(s["origin"] or {}).get("text") for s in read(text, lang)["shipments"]]


# -- 1. a show word qualifies the cargo, not the train: a shipment ---------------------


@pytest.mark.parametrize(
    ("text", "lang", "origin"),
    [
        ("Выставачныя ўзоры тэхнікі 5 мая прыбылі эшалонам у Мінск з Барысава.", "be", "Барысава"),
        (
            "Тэхніку з выставачнай пляцоўкі 5 мая адправілі эшалонам са станцыі Мінск у Барысаў.",
            "be",
            "Мінск",
        ),
        (
            "Вайсковы эшалон з выставачным узбраеннем 5 мая адправіўся са станцыі Барысаў на "
            "станцыю Мінск.",
            "be",
            "Барысаў",
        ),
        (
            "Выставочные образцы техники 5 мая прибыли эшелоном в Мулино из Кубинки.",
            "ru",
            "Кубинки",
        ),
        (
            "Военный эшелон с выставочным вооружением 5 мая отправился со станции Кубинка на "
            "станцию Мулино.",
            "ru",
            "Кубинка",
        ),
        (
            "Виставкові зразки техніки 5 травня прибули ешелоном до Мулино з Кубинки.",
            "uk",
            "Кубинки",
        ),
        (
            "Військовий ешелон з виставковим озброєнням 5 травня вирушив зі станції Кубинка на "
            "станцію Мулино.",
            "uk",
            "Кубинка",
        ),
        (
            "Wystawowe egzemplarze sprzętu 5 maja przyjechały eszelonem do Mulina z Kubinki.",
            "pl",
            "Kubinki",
        ),
        (
            "Sprzęt z placu wystawowego 5 maja wysłano eszelonem ze stacji Kubinka do Mulina.",
            "pl",
            "Kubinka",
        ),
        (
            "A military train with tanks from the exhibition grounds left Kubinka for Mulino on 5 "
            "May.",
            "en",
            "Kubinka",
        ),
    ],
)
def test_a_show_word_on_the_cargo_leaves_the_military_train(text, lang, origin):
    assert origins(text, lang) == [origin]


# -- 1. a show train and a military train in two clauses of one sentence ----------------


@pytest.mark.parametrize(
    ("text", "lang", "origin"),
    [
        (
            "Эшалон з танкамі прыбыў у Мінск з Барысава 5 мая, а рэтрацягнік пайшоў у Гродна.",
            "be",
            "Барысава",
        ),
        (
            "Эшелон с танками прибыл в Мулино из Кубинки 5 мая, а ретропоезд ушёл в Москву.",
            "ru",
            "Кубинки",
        ),
        (
            "Ешелон з танками прибув до Мулино з Кубинки 5 травня, а ретропоїзд пішов до Москви.",
            "uk",
            "Кубинки",
        ),
        (
            "Eszelon z czołgami przyjechał do Mulina z Kubinki 5 maja, a pociąg retro pojechał do "
            "Moskwy.",
            "pl",
            "Kubinki",
        ),
        (
            "A military train with tanks left Kubinka for Mulino on 5 May, while a heritage train "
            "ran to Moscow.",
            "en",
            "Kubinka",
        ),
    ],
)
def test_a_show_train_in_another_clause_leaves_the_military_train(text, lang, origin):
    assert origins(text, lang) == [origin]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Выставачны цягнік з тэхнікай прыбыў у Гродна з Мінска 5 мая.", "be"),
        ("5 мая з Мінска ў Гродна прыбыла перасоўная выстава трафейнай тэхнікі.", "be"),
        ("Выставка трофейной техники прибыла в Тюмень из Омска 5 мая.", "ru"),
        ("Виставковий потяг з технікою прибув до Тюмені з Омська 5 травня.", "uk"),
        ("Pociąg wystawowy ze zdobycznym sprzętem przyjechał do Tiumenia z Omska 5 maja.", "pl"),
        ("A museum train with tanks arrived at Tyumen station from Omsk on 5 May.", "en"),
    ],
)
def test_a_train_that_is_the_show_is_still_no_shipment(text, lang):
    assert read(text, lang)["shipments"] == []


@pytest.mark.parametrize(
    ("text", "lang", "is_train"),
    [
        ("Эшалон з выставачнымі ўзорамі тэхнікі прыбыў у Мінск", "be", False),
        ("Выставачны цягнік з тэхнікай прыбыў у Гродна", "be", True),
        ("У вагонах эшалона разгорнута выстава тэхнікі", "be", True),
        ("Эшелон привёз экспонаты для музея в Мулино", "ru", False),
        ("Эшелон с танками прибыл в Мулино, выставка откроется в субботу", "ru", False),
        ("Ешелон з виставкою техніки прибув", "uk", True),
        ("Pociąg wystawowy ze sprzętem przyjechał", "pl", True),
    ],
)
def test_show_is_the_train_reads_what_the_show_word_qualifies(text, lang, is_train):
    assert LexiconReader(lang).show_is_the_train(text) is is_train


@pytest.mark.parametrize(
    ("word", "lang"),
    [
        ("эшалёну", "be"),
        ("ваеннай", "be"),
        ("бранетэхнікі", "be"),
        ("озброєння", "uk"),
        ("вооружения", "ru"),
        ("uzbrojenie", "pl"),
    ],
)
def test_military_words_in_every_spelling(word, lang):
    assert LexiconReader(lang).is_military(word)


# -- 2. an accident verb in every gender -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "На знімках за 20 та 25 серпня видно, що зникли дві залізничні платформи, одна з "
            "яких зійшла з рейок.",
            "uk",
        ),
        (
            "На здымках за 20 і 25 жніўня відаць, што зніклі дзве чыгуначныя платформы, адна з "
            "якіх сышла з рэек.",
            "be",
        ),
        (
            "На снимках за 20 и 25 августа видно, что исчезли две железнодорожные платформы, "
            "одна из которых сошла с рельсов.",
            "ru",
        ),
    ],
)
def test_a_car_that_derailed_in_the_feminine_is_an_accident(text, lang):
    result = read(text, lang)
    assert result["shipments"] == []
    assert not result.get("groups")


# -- 3. cars counted over a period: traffic, not a train -------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("За 12 месяцаў 2020 года на станцыі Смаргонь пагружана 16467 вагонаў.", "be"),
        ("За 12 місяців 2020 року на станції Сморгонь вивантажено 40046 вагонів.", "uk"),
        ("За 12 месяцев 2020 года на станции Сморгонь выгружено 40046 вагонов.", "ru"),
        ("W ciągu 12 miesięcy 2020 roku na stację Małaszewicze przyjechało 16467 wagonów.", "pl"),
    ],
)
def test_cars_counted_over_a_period_are_traffic(text, lang):
    assert read(text, lang)["shipments"] == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("5 мая эшалон з 37 вагонаў прыбыў са станцыі Барысаў у Мінск.", "be"),
        ("5 травня на станцію Сморгонь прибуло 40 вагонів з Мінська.", "uk"),
    ],
)
def test_one_train_of_cars_is_still_a_shipment(text, lang):
    assert len(read(text, lang)["shipments"]) == 1


# -- 4. a period across months dates no train --------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Ешелон відправили зі станції Борисов до Росії, перевезення тривали з 1 квітня по "
            "30 вересня.",
            "uk",
        ),
        (
            "Эшелон отправили со станции Борисов в Россию, перевозки шли с 1 апреля по 30 "
            "сентября.",
            "ru",
        ),
        (
            "Эшалон адправілі са станцыі Барысаў у Расію, перавозкі ішлі з 1 красавіка па 30 "
            "верасня.",
            "be",
        ),
        (
            "Eszelon wysłano ze stacji Borysów do Rosji, transporty trwały od 1 kwietnia do 30 "
            "września.",
            "pl",
        ),
        (
            "The echelon was sent from Borisov station to Russia; shipments ran from 1 April to "
            "30 September.",
            "en",
        ),
    ],
)
def test_a_period_across_months_dates_no_train(text, lang):
    (shipment,) = read(text, lang)["shipments"]
    assert shipment["departure"] is None
    assert shipment["expected_arrival"] is None


def test_a_range_across_months_is_one_window():
    (span,) = LexiconReader("uk").find_dates("з 30 березня по 2 квітня")
    assert dict(span.fields) == {"x1_d1": "30", "x1_m1": "3", "x1_d2": "2", "x1_m2": "4"}


# -- 5. a station named with a spaced dash -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "destination"),
    [
        ("Поїзд прибув 8 червня на станцію Київ – Ліски з Китаю.", "uk", "Київ – Ліски"),
        ("Поезд прибыл 8 июня на станцию Киев – Лиски из Китая.", "ru", "Киев – Лиски"),
        ("Цягнік прыбыў 8 чэрвеня на станцыю Кіеў – Ліскі з Кітая.", "be", "Кіеў – Ліскі"),
        ("Pociąg przyjechał 8 czerwca na stację Kijów – Liski z Chin.", "pl", "Kijów – Liski"),
    ],
)
def test_a_station_name_with_a_spaced_dash_is_one_name(text, lang, destination):
    (shipment,) = read(text, lang)["shipments"]
    assert shipment["destination"]["text"] == destination


# -- 6. counted trains with only countries, beside a tracked train ------------------------


@pytest.mark.parametrize(
    ("text", "lang", "destination"),
    [
        (
            "Поїзд з українським зерном прибув на станцію Шештокай. Цього тижня з України до "
            "Литви приїдуть ще два поїзди.",
            "uk",
            "Шештокай",
        ),
        (
            "Поезд с украинским зерном прибыл на станцию Шяштокай. На этой неделе из Украины "
            "в Литву приедут ещё два поезда.",
            "ru",
            "Шяштокай",
        ),
        (
            "Поїзд з українським зерном прибув на станцію Шештокай. Цього тижня з України у "
            "Литву приїдуть ще два поїзди.",
            "uk",
            "Шештокай",
        ),
        (
            "Цягнік з украінскім збожжам прыбыў на станцыю Шэштакай. На гэтым тыдні з Украіны "
            "ў Літву прыедуць яшчэ два цягнікі.",
            "be",
            "Шэштакай",
        ),
        (
            "Pociąg z ukraińskim zbożem przyjechał na stację Szestokai. W tym tygodniu z "
            "Ukrainy na Litwę przyjadą jeszcze dwa pociągi.",
            "pl",
            "Szestokai",
        ),
        (
            "The grain train arrived at Sestokai station. Two more trains will come from "
            "Ukraine to Lithuania this week.",
            "en",
            "Sestokai",
        ),
    ],
)
def test_counted_trains_with_only_countries_beside_a_tracked_one_are_background(
    text, lang, destination
):
    result = read(text, lang)
    assert [s["destination"]["text"] for s in result["shipments"]] == [destination]
    assert not result.get("groups")


def test_counted_trains_with_only_countries_alone_stay_a_group():
    result = read("Цього тижня з України до Литви приїдуть ще два поїзди.", "uk")
    assert len(result["shipments"]) == 2


# -- 6b. the future of arriving by a vehicle ("приедут", "приїде") is a verb of motion ----
# (session 19: "в/у" before a place means motion only beside such a verb; Belarusian
# "прыедзе" and Polish "przyjedzie" were read, Russian "приедет" and Ukrainian "приїде"
# were not, so "в Литву", "в Брянск" after them was no destination)


@pytest.mark.parametrize(
    ("text", "lang", "ends", "arrival"),
    [
        ("Из Орши в Брянск приедет эшелон из 40 вагонов.", "ru", ("Орши", "Брянск"), None),
        ("Эшелон из Орши приедет в Брянск 12 мая.", "ru", ("Орши", "Брянск"), "12 мая"),
        ("Эшелоны из Орши доедут в Брянск 12 мая.", "ru", ("Орши", "Брянск"), "12 мая"),
        ("З Орші в Брянськ приїде ешелон із 40 вагонів.", "uk", ("Орші", "Брянськ"), None),
        ("Ешелон з Орші приїде у Брянськ 12 травня.", "uk", ("Орші", "Брянськ"), "12 травня"),
        ("З Оршы ў Бранск прыедзе эшалон з 40 вагонаў.", "be", ("Оршы", "Бранск"), None),
    ],
)
def test_a_train_that_will_come_goes_where_it_comes(text, lang, ends, arrival):
    (shipment,) = read(text, lang)["shipments"]
    assert (shipment["origin"]["text"], shipment["destination"]["text"]) == ends
    assert (shipment["expected_arrival"] or {}).get("text") == arrival


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("12 мая в Брянск приедут два эшелона из Орши.", "ru"),
        ("12 травня у Брянськ приїдуть два ешелони з Орші.", "uk"),
    ],
)
def test_trains_that_will_come_go_where_they_come(text, lang):
    shipments = read(text, lang)["shipments"]
    assert len(shipments) == 2
    assert {s["destination"]["text"] for s in shipments} == {
        "Брянск" if lang == "ru" else "Брянськ"
    }


def test_where_a_train_stood_is_no_destination():
    # the negative: "в" with the place's locative and no verb of motion is where it was
    (shipment,) = read("Эшелон из Орши в Брянске простоял два дня.", "ru")["shipments"]
    assert shipment["destination"] is None
    assert not read("В Брянск приедет министр транспорта.", "ru")["shipments"]


# -- 7. an exact count in the detail replaces the lead's estimate --------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Зі станції Борисов до Полонки відправили щонайменше 31 вагон з технікою. Потяг "
            "складався з 32 вагонів.",
            "uk",
        ),
        (
            "Со станции Борисов в Полонку отправили не менее 31 вагона с техникой. Поезд "
            "состоял из 32 вагонов.",
            "ru",
        ),
        (
            "Са станцыі Барысаў у Палонку адправілі не менш за 31 вагон з тэхнікай. Цягнік "
            "складаўся з 32 вагонаў.",
            "be",
        ),
        (
            "Ze stacji Borysów do Połonki wysłano co najmniej 31 wagonów ze sprzętem. Pociąg "
            "składał się z 32 wagonów.",
            "pl",
        ),
        (
            "At least 31 cars with equipment were sent from Borisov station to Polonka. The "
            "train consisted of 32 cars.",
            "en",
        ),
    ],
)
def test_an_exact_count_replaces_the_estimate_told_before(text, lang):
    (shipment,) = read(text, lang)["shipments"]
    assert shipment["cars"]["total"] == 32
    assert shipment["cars_estimated"] is False

"""Failure kinds of real Russian, Ukrainian and Belarusian reports (issue 13), one test per kind.

Every input is written here (not copied from a corpus); each stands for a kind.
"""

from datetime import date

import pytest

from railtrack.extract import extract_shipments
from railtrack.extract.lacinka import is_lacinka, to_cyrillic
from railtrack.extract.language import detect_language

PUB = date(2024, 8, 14)


def read(text: str, published: date = PUB) -> dict:
    return extract_shipments(text, published=published, network=False).to_dict()


# -- Belarusian in Łacinka ----------------------------------------------------------


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [
        ("Ešalon", "Эшалён"),
        ("ešałon", "эшалон"),
        ("ciahnik", "цягнік"),
        ("vahonaŭ", "вагонаў"),
        ("Biełarusi", "Беларусі"),
        ("žniŭnia", "жніўня"),
        ("Homiel", "Гомель"),
        ("pryjechaŭ", "прыехаў"),
        ("ź Lidy", "зь Ліды"),
        ("stancyi", "станцыі"),
        ("Vilniu", "Вільню"),
    ],
)
def test_lacinka_is_spelled_in_cyrillic(latin, cyrillic):
    assert to_cyrillic(latin)[0] == cyrillic


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ešalon z 40 vahonaŭ adpraviŭsia sa stancyi Lida ŭ bok Hrodna.", True),
        (
            "The echelon left Baranavičy and passed Lida on Tuesday, according to the channel.",
            False,
        ),
        ("Pociąg z 40 wagonami wyjechał ze stacji Łuniniec.", False),
        ("Vlak so štyridsiatimi vozňami odišiel zo stanice Čierna nad Tisou.", False),
    ],
)
def test_lacinka_is_recognised_and_nothing_else(text, expected):
    assert is_lacinka(text) is expected


def test_a_lacinka_report_is_read_as_belarusian_with_spans_as_written():
    text = (
        "Učora, 13 žniŭnia, ešalon z 35 vahonaŭ adpraviŭsia sa stancyi Baranavičy "
        "na stancyju Łuniniec."
    )
    assert detect_language(text).lang == "be"
    result = read(text)
    assert result["lang"] == "be"
    (s,) = result["shipments"]
    assert s["origin"]["text"] == "Baranavičy"
    assert s["destination"]["text"] == "Łuniniec"
    assert s["departure"]["earliest"] == "2024-08-13"
    assert s["cars"]["total"] == 35
    for ev in s["evidence"]:
        assert text[ev["start"] : ev["end"]] == ev["text"]


def test_lacinka_place_names_resolve_through_their_cyrillic_spelling():
    from railtrack.network import load_network

    result = extract_shipments(
        "Ciahnik z 20 vahonaŭ pryjechaŭ na stancyju Asipovičy z Homiela.",
        published=PUB,
        network=load_network(),
    ).to_dict()
    (s,) = result["shipments"]
    assert s["destination"]["text"] == "Asipovičy"
    assert s["destination"]["station"] is not None
    assert s["origin"]["station"] == "Gomel"


# -- a train with a date but no place and no count is no shipment --------------------


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("Ранкам у суботу цягнік адправіўся са спазненнем на дзве гадзіны.", PUB),
        ("В субботу утром поезд отправился с опозданием на два часа.", PUB),
    ],
)
def test_a_train_with_only_a_date_is_not_a_shipment(text, published):
    assert read(text, published)["shipments"] == []


# -- words between the preposition and the station word ------------------------------


@pytest.mark.parametrize(
    ("text", "origin"),
    [
        ("Эшалон адправіўся з расійскай станцыі Ліхая ў Асіповічы.", "Ліхая"),
        ("Эшелон отправился с той же станции Лихая в Брянск.", "Лихая"),
        ("Ешелон вирушив з тієї самої станції Лиха до Брянська.", "Лиха"),
        ("Цягнік прыбыў у Жлобін з той жа станцыі Ліхая.", "Ліхая"),
    ],
)
def test_an_adjective_or_the_same_before_the_station_word(text, origin):
    (s,) = read(text)["shipments"]
    assert s["origin"]["text"] == origin


# -- one kind of car counted: it is also the total ------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Поезд прибыл в Брянск. В его составе было 33 вагона-платформы.",
        "Потяг прибув до Брянська. У складі було 33 вагони-платформи.",
        "Цягнік прыбыў у Гомель. У саставе было 33 вагоны-платформы.",
    ],
)
def test_one_kind_of_car_is_also_the_total(text):
    (s,) = read(text)["shipments"]
    assert (s["cars"]["flat"], s["cars"]["total"]) == (33, 33)


# -- derailments ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Во вторник на перегоне Тайга — Юрга сошли 20 вагонов грузового поезда.",
        "У вівторок на перегоні Коростень — Овруч зійшли 20 вагонів вантажного поїзда.",
        "У аўторак на перагоне Орша — Багушэўск сышлі 20 вагонаў грузавога цягніка.",
    ],
)
def test_derailed_cars_are_no_shipment(text):
    assert read(text)["shipments"] == []


# -- a train that goes and comes back: one shipment per trip -------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Эшелон 3 марта прибыл со станции Брест в Гомель, а 5 марта вернулся обратно в Брест.",
        "Ешелон 3 березня прибув зі станції Брест до Гомеля, а 5 березня повернувся до Бреста.",
        "Эшалон 3 сакавіка прыбыў са станцыі Брэст у Гомель, а 5 сакавіка вярнуўся ў Брэст.",
    ],
)
def test_a_trip_back_to_the_origin_is_a_second_shipment(text):
    out, back = read(text, date(2023, 3, 10))["shipments"]
    assert out["expected_arrival"]["earliest"] == "2023-03-03"
    assert back["expected_arrival"]["earliest"] == "2023-03-05"
    assert back["origin"]["text"][:4] == out["destination"]["text"][:4]
    assert back["destination"]["text"][:4] == out["origin"]["text"][:4]


def test_a_return_somewhere_else_is_the_one_trip():
    (s,) = read("Эшелон из 40 вагонов вернулся в Брянск 5 марта.", date(2023, 3, 10))["shipments"]
    assert s["destination"]["text"] == "Брянск"
    assert s["expected_arrival"]["earliest"] == "2023-03-05"


# -- loading and unloading at a station ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "role", "name"),
    [
        ("На станции Лида разгружают бронетехнику.", "destination", "Лида"),
        ("На станції Ліда розвантажують бронетехніку.", "destination", "Ліда"),
        ("На станцыі Ліда загружаюць эшалон з танкамі.", "origin", "Ліда"),
        ("На станции Лида идёт погрузка техники в эшелон.", "origin", "Лида"),
    ],
)
def test_the_station_of_loading_or_unloading(text, role, name):
    (s,) = read(text)["shipments"]
    assert s[role]["text"] == name
    assert s["departure"] is None  # loading is not departure


# -- the end of the route beats a station on the way -----------------------------------


@pytest.mark.parametrize(
    ("text", "via", "final"),
    [
        (
            "Эшелон прибыл на станцию Орша 28 ноября. Конечным пунктом называют станцию Лесная.",
            "Орша",
            "Лесная",
        ),
        (
            "Ешелон прибув на станцію Орша 28 листопада. "
            "Кінцевою є станція Лісова під Барановичами.",
            "Орша",
            "Лісова",
        ),
    ],
)
def test_the_final_stop_is_the_destination_and_the_other_a_via_point(text, via, final):
    (s,) = read(text, date(2022, 11, 29))["shipments"]
    assert s["destination"]["text"] == final
    assert [v["text"] for v in s["via"]] == [via]
    assert s["expected_arrival"] is None


# -- Belarusian classical orthography (taraškievica) and "the day before" -----------


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("21 верасьня са станцыі Ліда адправіўся эшалён зь вайсковай тэхнікай.", "2024-09-21"),
        ("Напярэдадні са станцыі Ліда адправіўся эшалон.", "2024-09-29"),
        ("Накануне со станции Лида отправился эшелон.", "2024-09-29"),
        ("Напередодні зі станції Ліда вирушив ешелон.", "2024-09-29"),
    ],
)
def test_classical_spelling_and_the_day_before(text, day):
    (s,) = read(text, date(2024, 9, 30))["shipments"]
    assert s["departure"]["earliest"] == day
    assert s["origin"]["text"] == "Ліда" or s["origin"]["text"] == "Лида"


# -- "с"/"з" + instrumental is "with", not "from" -------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Эшелон с техникой прибыл на станцию Гудогай у границы с Литвой.",
        "Ешелон з технікою прибув на станцію Гудогай біля кордону з Литвою.",
        "Эшалон з тэхнікай прыбыў на станцыю Гудогай каля мяжы з Літвой.",
    ],
)
def test_a_border_with_a_country_is_no_origin(text):
    (s,) = read(text)["shipments"]
    assert s["origin"] is None
    assert s["destination"]["text"] == "Гудогай"


# -- the train named after its verb ---------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "В Беларусь прибыл эшелон. 5 марта был отправлен со станции Брест на станцию Лида "
        "один военный эшелон из 30 вагонов.",
        "Да Беларусі прыбыў эшалон. 5 сакавіка быў адпраўлены са станцыі Брэст на станцыю "
        "Ліда адзін вайсковы эшалон з 30 вагонаў.",
    ],
)
def test_a_train_named_after_its_verb_gets_the_facts_before_it(text):
    (s,) = read(text, date(2023, 3, 10))["shipments"]
    assert s["departure"]["earliest"] == "2023-03-05"
    assert s["origin"]["text"] in ("Брест", "Брэст")
    assert s["cars"]["total"] == 30


# -- part of a train uncoupled and sent on ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Эшелон из 40 вагонов прибыл на станцию Лида. На станции Лида отцепили восемь "
        "вагонов и отправили их на Гродно.",
        "Эшалон з 40 вагонаў прыбыў на станцыю Ліда. На станцыі Лідзе адчапілі восем "
        "вагонаў і адправілі іх на Гродна.",
    ],
)
def test_uncoupled_cars_sent_on_are_a_second_shipment(text):
    train, part = read(text)["shipments"]
    assert train["cars"]["total"] == 40
    assert part["cars"]["total"] == 8
    assert part["origin"]["text"][:3] == "Лід"[:3] or part["origin"]["text"][:3] == "Лид"
    assert part["destination"]["text"] in ("Гродно", "Гродна")


# -- trains counted over a period are a statistic; large counted groups -----------------


@pytest.mark.parametrize(
    "text",
    [
        "В течение недели наблюдатели насчитали 9 поездов, следовавших в Брянск.",
        "Щодня через станцію Ліда до Гродна проходять 6 потягів.",
        "На працягу месяца праз станцыю Ліда ў Гродна прайшлі 9 цягнікоў.",
    ],
)
def test_trains_counted_over_a_period_are_no_group(text):
    result = read(text)
    assert result["shipments"] == []
    assert result["groups"] == []


def test_a_redeployment_of_sixteen_echelons_lists_sixteen_trains():
    result = read("Речь идет о 16 эшелонах, которые прибыли в Брест.")
    (group,) = result["groups"]
    assert group["n_trains"] == 16
    assert len(result["shipments"]) == 16


# -- an arrival given as a time after the departure ---------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Контейнерный поезд выехал из Бреста 2 марта и прибыл в Гродно через 12 дней.",
        "Контейнерний потяг вирушив з Бреста 2 березня і прибув до Гродна через 12 днів.",
        "Кантэйнерны цягнік выехаў з Брэста 2 сакавіка і прыбыў у Гродна праз 12 дзён.",
    ],
)
def test_an_arrival_after_a_number_of_days(text):
    (s,) = read(text, date(2023, 3, 20))["shipments"]
    assert s["departure"]["earliest"] == "2023-03-02"
    assert s["expected_arrival"]["earliest"] == "2023-03-14"


# -- a group named in passing beside the trains a report describes --------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Замість 4 ешелонів, які пішли з Білорусі до Росії, прибувають нові. 6 березня "
        "прибуло 2 ешелони: перший зі станції Брянськ на станцію Ліда, другий зі станції "
        "Орел на станцію Гродно.",
        "Вместо 4 эшелонов, ушедших из Беларуси в Россию, прибывают новые. 6 марта прибыло "
        "2 эшелона: первый со станции Брянск на станцию Лида, второй со станции Орел на "
        "станцию Гродно.",
    ],
)
def test_a_group_named_in_passing_is_not_listed(text):
    result = read(text, date(2023, 3, 8))
    (group,) = result["groups"]
    assert group["n_trains"] == 2
    assert len(result["shipments"]) == 2


# -- "the same one arrived": another train of the same make-up ------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "На станцию Витебск прибыл эшелон из 15 пассажирских вагонов. Такой же прибыл "
        "в Витебск 6 января.",
        "На станцію Вітебськ прибув ешелон з 15 пасажирськими вагонами. Такий самий прибув "
        "до Вітебська 6 січня.",
    ],
)
def test_the_same_one_is_another_train_of_the_same_make_up(text):
    first, second = read(text, date(2023, 1, 7))["shipments"]
    assert first["cars"]["passenger"] == second["cars"]["passenger"] == 15
    assert second["expected_arrival"]["earliest"] == "2023-01-06"


# -- a container flat ("фітингова платформа") is a flatcar -------------------------------------


def test_container_flats_are_flatcars():
    (s,) = read("До складу поїзда з Китаю до Києва включена 31 фітингова платформа.")["shipments"]
    assert (s["cars"]["flat"], s["cars"]["total"]) == (31, 31)


# -- per-train counts after "в первом ..., во втором ..." --------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "На станцию Лунинец прибыли два эшелона: в первом 30 платформ, во втором 28 платформ.",
        "На станцію Лунінець прибули два ешелони: у першому 30 платформ, у другому 28 платформ.",
        "На станцыю Лунінец прыбылі два эшалоны: у першым 30 платформаў, у другім 28 платформаў.",
    ],
)
def test_counts_in_the_first_and_the_second_go_on_each_train(text):
    result = read(text)
    first, second = result["shipments"]
    assert (first["cars"]["flat"], second["cars"]["flat"]) == (30, 28)
    assert result["groups"][0]["cars"]["flat"] is None


@pytest.mark.parametrize(
    "text",
    [
        "Цягнік з 25 платформамі выехаў з Гомеля ў накірунку Мазыра.",
        "Потяг з 25 платформами виїхав з Гомеля в напрямку Мозиря.",
    ],
)
def test_a_heading_is_the_destination(text):
    (s,) = read(text)["shipments"]
    assert s["destination"]["text"] in ("Мазыра", "Мозиря")


# -- "the second — with 35": the car word left out -----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "На станцію Гомель прибули 2 ешелони. Перший складався з 40 вагонів, другий — з 35.",
        "На станцию Гомель прибыли 2 эшелона. Первый состоял из 40 вагонов, второй — из 35.",
        "На станцыю Гомель прыбылі 2 эшалоны: першы з 40 платформаў, другі з 35.",
    ],
)
def test_an_elided_car_word_counts_the_same_kind(text):
    first, second = read(text)["shipments"]
    assert first["cars"]["total"] == 40
    assert second["cars"]["total"] == 35

"""Trial 12, helper "relays": relays linked by their own trains, counts without nouns.

T5: a relay of two trains ("4 i 5 kwietnia. Pierwszy liczył 48 wagonów, drugi 40") took
another report's 5 April train as its 4 April one (a day's slack allowed it), and its
second train's bare count ("drugi 40", "во втором — 40") was not read. T7: "The first had
28 flatcars with trucks, the second 41 cars" gave the first train 41. T9: a retold
sighting that also names where the train came from was never linked (one train became
four). T11: "з Расіі" beside an untold origin, or beside a city in Russia, kept one
train as two.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from railtrack.extract import extract_shipments
from railtrack.io import load_reports
from railtrack.network import RailNetwork, load_network
from railtrack.pipeline import resolve_reports


@pytest.fixture(scope="module")
def network() -> RailNetwork:
    """The embedded network."""
    return load_network()


def _write(folder: Path, name: str, text: str, *, relayed_by: str | None = None) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    head = "source: Беларускі Гаюн\n"
    if relayed_by is not None:
        head += f"relayed_by: {relayed_by}\n"
    (folder / name).write_text(f"{head}published: 2023-04-09\n\n{text}\n", encoding="utf-8")


def _cars(text: str) -> list[int | None]:
    result = extract_shipments(text, published=date(2023, 4, 9), network=False)
    return [s.cars.total for s in result.shipments]


# ------------------------------------------------- counts with no car noun (T5, T7)

_BARE = [
    # (text, the cars of the two trains)
    (
        "Do Brześcia dotarły dwa transporty wojskowe: 4 i 5 kwietnia. Pierwszy liczył 48 "
        "wagonów, drugi 40.",
        [48, 40],
    ),
    (
        "В Брест прибыли два воинских эшелона: 4 и 5 апреля. В первом было 48 вагонов, во "
        "втором — 40.",
        [48, 40],
    ),
    (
        "У Брэст прыбылі два вайсковыя эшалоны: 4 і 5 красавіка. У першым было 48 вагонаў, у "
        "другім — 40.",
        [48, 40],
    ),
    (
        "До Бреста прибули два військові ешелони: 4 і 5 квітня. У першому було 48 вагонів, у "
        "другому — 40.",
        [48, 40],
    ),
    (
        "Two military echelons arrived in Brest on April 4 and 5. The first had 48 cars, the "
        "second 40.",
        [48, 40],
    ),
    # forms not seen in the trial: number words, an estimate, a verb before the number
    (
        "Do Brześcia dotarły dwa transporty: 4 i 5 kwietnia. Pierwszy liczył 48 wagonów, "
        "drugi czterdzieści.",
        [48, 40],
    ),
    (
        "В Брест прибыли два эшелона: 4 и 5 апреля. В первом было 48 вагонов, во втором — "
        "около 40.",
        [48, 40],
    ),
    (
        "До Бреста прибули два ешелони 4 і 5 квітня: перший мав 48 вагонів, другий — сорок.",
        [48, 40],
    ),
    (
        "Two echelons arrived in Brest on April 4 and 5. The first had 48 cars, the second "
        "about forty.",
        [48, 40],
    ),
    (
        "Two echelons arrived in Brest on April 4 and 5. The first had 48 cars, the second had 40.",
        [48, 40],
    ),
]


@pytest.mark.parametrize(("text", "cars"), _BARE, ids=[f"bare{i}" for i in range(len(_BARE))])
def test_a_second_trains_bare_count_is_its_cars(text: str, cars: list[int]) -> None:
    assert _cars(text) == cars


_NOUNED = [
    (
        "On April 5 and 6 two military echelons arrived at Baranavichy. The first had 28 "
        "flatcars with trucks, the second 41 cars.",
        [28, 41],
    ),
    (
        "On April 5 and 6 two echelons arrived at Baranavichy. The first had 28 flatcars, the "
        "second 41.",
        [28, 41],
    ),
    (
        "On April 5 and 6 two echelons arrived at Baranavichy. The first carried 30 flatcars, "
        "the second some 45 wagons.",
        [30, 45],
    ),
]


@pytest.mark.parametrize(("text", "cars"), _NOUNED, ids=["trucks", "bare", "estimate"])
def test_english_second_count_with_no_verb_is_the_seconds(text: str, cars: list[int]) -> None:
    assert _cars(text) == cars


_NOT_COUNTS = [
    # a day or a time ending the clause is no count
    "Do Brześcia dotarły dwa transporty. Pierwszy liczył 48 wagonów i przyjechał 4 "
    "kwietnia, drugi 5 kwietnia.",
    "В Брест прибыли два эшелона. Первый из 48 вагонов прибыл 4 апреля, второй — в 14:30.",
]


@pytest.mark.parametrize("text", _NOT_COUNTS, ids=["day", "time"])
def test_a_day_or_time_after_the_second_is_no_count(text: str) -> None:
    cars = _cars(text)
    assert cars[0] == 48
    assert all(n is None for n in cars[1:])


# ------------------------------------------ a relay's trains linked by their own days (T5)

_HAJUN_5 = (
    "Второй эшелон прибыл в Брест 5 апреля около 06:00: 38 платформ с танками и 2 "
    "пассажирских вагона."
)
_HAJUN_4 = "4 апреля в Брест прибыл эшелон из 48 вагонов."
_RELAYS = {
    "pl": "Do Brześcia dotarły dwa rosyjskie transporty wojskowe: 4 i 5 kwietnia. Pierwszy "
    "liczył 48 wagonów, drugi 40.",
    "ru": "В Брест прибыли два российских воинских эшелона: 4 и 5 апреля. В первом было 48 "
    "вагонов, во втором — 40.",
    "be": "У Брэст прыбылі два расійскія вайсковыя эшалоны: 4 і 5 красавіка. У першым было "
    "48 вагонаў, у другім — 40.",
    "uk": "До Бреста прибули два російські військові ешелони: 4 і 5 квітня. У першому було 48 "
    "вагонів, у другому — 40.",
    "en": "Two Russian military echelons arrived in Brest on April 4 and 5. The first had 48 "
    "cars, the second 40.",
}


@pytest.mark.parametrize("lang", sorted(_RELAYS))
def test_relay_of_two_trains_links_each_by_its_own_day(
    tmp_path: Path, network: RailNetwork, lang: str
) -> None:
    _write(tmp_path, "2.txt", _HAJUN_5)
    _write(tmp_path, "3.txt", _RELAYS[lang], relayed_by="Outlet")
    resolved = resolve_reports(load_reports(tmp_path), network)
    links = dict(zip(resolved.relays["id"], resolved.relays["train"], strict=True))
    assert links == {"2-t1": "3-t2"}
    assert sorted(resolved.shipments["cars_total"].tolist()) == [40, 48]


def test_both_trains_of_the_channel_go_to_their_own_relay_trains(
    tmp_path: Path, network: RailNetwork
) -> None:
    _write(tmp_path, "1.txt", _HAJUN_4)
    _write(tmp_path, "2.txt", _HAJUN_5)
    _write(tmp_path, "3.txt", _RELAYS["pl"], relayed_by="Polskie Radio")
    resolved = resolve_reports(load_reports(tmp_path), network)
    links = dict(zip(resolved.relays["id"], resolved.relays["train"], strict=True))
    assert links == {"1-t1": "3-t1", "2-t1": "3-t2"}
    assert int(resolved.shipments["cars_total"].sum()) == 88


# ------------------------------------- a retold sighting that names the origin (T9)

_SIGHTED = {
    "ru": "4 апреля в 21:15 через станцию Жлобин в сторону Гомеля прошёл эшелон из 36 "
    "вагонов. Эшелон пришёл из Брянска.",
    "be": "4 красавіка ў 21:15 праз станцыю Жлобін у бок Гомеля прайшоў эшалон з 36 "
    "вагонаў. Эшалон прыйшоў з Бранска.",
    "uk": "4 квітня о 21:15 через станцію Жлобин у бік Гомеля пройшов ешелон із 36 вагонів. "
    "Ешелон прибув з Брянська.",
    "pl": "4 kwietnia o 21:15 przez stację Żłobin w kierunku Homla przejechał pociąg z 36 "
    "wagonami. Pociąg przyjechał z Briańska.",
    "en": "On April 4 at 21:15 an echelon of 36 cars from Bryansk passed Zhlobin station "
    "heading towards Homel.",
}


@pytest.mark.parametrize("lang", sorted(_SIGHTED))
def test_retold_sighting_with_its_origin_is_one_train(
    tmp_path: Path, network: RailNetwork, lang: str
) -> None:
    _write(tmp_path, "a.txt", _SIGHTED[lang])
    _write(tmp_path, "b.txt", _SIGHTED[lang], relayed_by="Зеркало")
    resolved = resolve_reports(load_reports(tmp_path), network)
    assert len(resolved.shipments) == 1
    assert resolved.relays["matched_on"].tolist() == ["sighting"]


_ARRIVED = (
    "4 апреля в 21:15 через станцию Жлобин в сторону Гомеля прошёл эшелон из 36 вагонов. "
    "Эшелон пришёл из Брянска. Утром 5 апреля он разгружался на станции Гомель."
)


@pytest.mark.parametrize("lang", ["pl", "uk", "en"])
def test_retold_sighting_links_to_the_dated_original(
    tmp_path: Path, network: RailNetwork, lang: str
) -> None:
    _write(tmp_path, "a.txt", _ARRIVED)
    _write(tmp_path, "b.txt", _SIGHTED[lang], relayed_by="Outlet")
    resolved = resolve_reports(load_reports(tmp_path), network)
    assert len(resolved.shipments) == 1
    assert resolved.relays["train"].tolist() == ["a-t1"]


def test_retold_sighting_from_another_origin_stays_apart(
    tmp_path: Path, network: RailNetwork
) -> None:
    _write(tmp_path, "a.txt", _SIGHTED["ru"])
    _write(tmp_path, "b.txt", _SIGHTED["ru"].replace("Брянска", "Орши"), relayed_by="Зеркало")
    resolved = resolve_reports(load_reports(tmp_path), network)
    assert len(resolved.shipments) == 2


# ----------------------------------- a country beside no origin or a city in it (T11)

_BARANOVICHI = {
    "be": "5 красавіка на станцыю Баранавічы-Палескія прыбыў вайсковы эшалон{o}: 28 "
    "платформаў з грузавікамі.",
    "pl": "5 kwietnia na stację Baranowicze Poleskie przyjechał pociąg wojskowy{o}: 28 "
    "platform z ciężarówkami.",
    "ru": "5 апреля на станцию Барановичи-Полесские прибыл воинский эшелон{o}: 28 платформ с "
    "грузовиками.",
}
_FROM = {
    "be": (" з Расіі", " са Смаленска", " з Оршы"),
    "pl": (" z Rosji", " ze Smoleńska", " z Orszy"),
    "ru": (" из России", " из Смоленска", " из Орши"),
}


@pytest.mark.parametrize(
    ("first", "second"),
    [("be", "pl"), ("pl", "ru"), ("ru", "be")],
    ids=["be-pl", "pl-ru", "ru-be"],
)
@pytest.mark.parametrize(("told", "other"), [(0, None), (0, 1)], ids=["untold", "city"])
def test_country_origin_links_untold_or_a_city_in_it(
    tmp_path: Path, network: RailNetwork, first: str, second: str, told: int, other: int | None
) -> None:
    a = _BARANOVICHI[first].format(o=_FROM[first][told])
    b = _BARANOVICHI[second].format(o="" if other is None else _FROM[second][other])
    _write(tmp_path, "a.txt", a, relayed_by="Наша Ніва")
    _write(tmp_path, "b.txt", b, relayed_by="Onet")
    resolved = resolve_reports(load_reports(tmp_path), network)
    assert len(resolved.shipments) == 1
    assert resolved.relays["matched_on"].tolist() == ["arrival"]


def test_a_city_outside_the_country_stays_apart(tmp_path: Path, network: RailNetwork) -> None:
    _write(tmp_path, "a.txt", _BARANOVICHI["be"].format(o=_FROM["be"][0]), relayed_by="НН")
    _write(tmp_path, "b.txt", _BARANOVICHI["pl"].format(o=_FROM["pl"][2]), relayed_by="Onet")
    resolved = resolve_reports(load_reports(tmp_path), network)
    assert len(resolved.shipments) == 2


def test_untold_origin_between_two_trains_of_other_origins_is_not_linked(
    tmp_path: Path, network: RailNetwork
) -> None:
    # two trains on one day from two places; a third report names no origin: either
    _write(tmp_path, "a.txt", _BARANOVICHI["ru"].format(o=_FROM["ru"][1]))
    _write(tmp_path, "b.txt", _BARANOVICHI["ru"].format(o=_FROM["ru"][2]))
    _write(tmp_path, "c.txt", _BARANOVICHI["pl"].format(o=""), relayed_by="Onet")
    resolved = resolve_reports(load_reports(tmp_path), network)
    assert len(resolved.shipments) == 3

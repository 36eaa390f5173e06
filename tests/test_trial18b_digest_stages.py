"""Digest lines of loading and unloading, and of trains "from X" (trial18b T8, T10 d).

A day's digest by station lists trains loaded and unloaded as well as trains that
arrived: "▪️ Бобруйск — погрузка 30 платформ с техникой" was "not read" with the wrong
reason ("gives no station with a count of trains"), where the unloading line beside it
("▪️ Калинковичи — разгрузка 20 платформ", trial18 T5) was one train unloaded there. A
line of cars loaded is now one train loaded at its station (its origin, seen there on
the digest's day, no departure yet: loading is not leaving), in all five languages and
in both forms (no train noun, or "1 эшелон (40 вагонов), погрузка"); a train line of
unloading is an arrival in every language (Ukrainian and Belarusian, and English with
no train noun, were not). A line "▪️ Брянск — 1 эшелон (46 вагонов) из Челябинска"
under a heading with no verb arrived at Bryansk (it was a place passed, with no
destination). A line that is read as none says what it lacks.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from railtrack.extract import extract_shipments
from railtrack.extract.readers import reader_for
from railtrack.extract.stationlists import line_stage
from railtrack.io import load_reports
from railtrack.network import RailNetwork, load_network
from railtrack.pipeline import track
from tests._engines import assert_engines_agree
from tests._report_files import write_report

DAY = date(2026, 8, 14)
PUBLISHED = date(2026, 8, 15)

HEADING = {
    "ru": "Итоги дня 14 августа:",
    "uk": "Підсумки дня 14 серпня:",
    "be": "Вынікі дня 14 жніўня:",
    "pl": "Podsumowanie dnia 14 sierpnia:",
    "en": "Summary of the day, 14 August:",
}
# (cars unloaded, no train; a train unloaded; cars loaded, no train; a train loaded)
LINES = {
    "ru": (
        "▪️ Калинковичи — разгрузка 20 платформ с гаубицами;",
        "▪️ Речица — 1 эшелон (36 вагонов), разгрузка;",
        "▪️ Бобруйск — погрузка 30 платформ с техникой;",
        "▪️ Лунинец — 1 эшелон (40 вагонов), погрузка.",
    ),
    "uk": (
        "▪️ Калинковичі — розвантаження 20 платформ з гаубицями;",
        "▪️ Речиця — 1 ешелон (36 вагонів), розвантаження;",
        "▪️ Бобруйськ — завантаження 30 платформ з технікою;",
        "▪️ Лунинець — 1 ешелон (40 вагонів), завантаження.",
    ),
    "be": (
        "▪️ Калінкавічы — разгрузка 20 платформаў з гаўбіцамі;",
        "▪️ Рэчыца — 1 эшалон (36 вагонаў), разгрузка;",
        "▪️ Бабруйск — пагрузка 30 платформаў з тэхнікай;",
        "▪️ Лунінец — 1 эшалон (40 вагонаў), пагрузка.",
    ),
    "pl": (
        "▪️ Kalinkowicze – rozładunek 20 platform z haubicami;",
        "▪️ Rzeczyca – 1 pociąg (36 wagonów), rozładunek;",
        "▪️ Bobrujsk – załadunek 30 platform ze sprzętem;",
        "▪️ Łuniniec – 1 pociąg (40 wagonów), załadunek.",
    ),
    "en": (
        "▪️ Kalinkavichy: unloading of 20 flatcars with howitzers;",
        "▪️ Rechytsa: 1 echelon (36 cars), unloading;",
        "▪️ Babruysk: loading of 30 flatcars with vehicles;",
        "▪️ Luninets: 1 echelon (40 cars), loading.",
    ),
}
STATIONS = {
    20: "BY-KALINKOVICHI",
    36: "BY-RECHITSA",
    30: "BY-BOBRUISK",
    40: "BY-LUNINETS",
}


def _read(text: str, lang: str) -> Any:
    return extract_shipments(text, published=PUBLISHED, lang=lang)


def _by_cars(result: Any) -> dict[int, Any]:
    return {s.cars.total: s for s in result.shipments}


def _id(place: Any) -> str | None:
    return None if place is None else place.station_id


@pytest.mark.parametrize("lang", sorted(LINES))
def test_digest_lines_of_loading_and_unloading_are_trains_at_their_station(lang: str) -> None:
    result = _read("\n".join([HEADING[lang], *LINES[lang]]), lang)
    trains = _by_cars(result)
    assert sorted(trains) == [20, 30, 36, 40]
    for cars in (20, 36):  # unloaded: arrived there on the digest's day
        train = trains[cars]
        assert _id(train.destination) == STATIONS[cars]
        assert train.origin is None
        assert not train.via
        assert train.expected_arrival.earliest == train.expected_arrival.latest == DAY
    seen = {(x.shipment, _id(x.station), x.seen_at.date()) for x in result.sightings}
    for cars in (30, 40):  # loaded: starts there, seen there that day, not yet left
        train = trains[cars]
        assert _id(train.origin) == STATIONS[cars]
        assert train.destination is None
        assert train.departure is None
        assert not train.via
        assert (train.id, STATIONS[cars], DAY) in seen
    assert trains[30].cars.flat == 30
    assert not [p for p in result.problems if "digest line" in p]


@pytest.mark.parametrize("lang", sorted(LINES))
def test_a_loading_line_wins_over_an_arrival_heading(lang: str) -> None:
    """The line's own word of loading, not the heading's verb, tells what happened there."""
    heading = {
        "ru": "14 августа в Беларусь прибыли:",
        "uk": "14 серпня до Білорусі прибули:",
        "be": "14 жніўня ў Беларусь прыбылі:",
        "pl": "14 sierpnia na Białoruś przyjechały:",
        "en": "Arrived in Belarus on 14 August:",
    }[lang]
    unloaded_line, _, loaded_line, _ = LINES[lang]
    trains = _by_cars(_read(f"{heading}\n{unloaded_line}\n{loaded_line}", lang))
    assert _id(trains[30].origin) == STATIONS[30]
    assert trains[30].destination is None
    assert _id(trains[20].destination) == STATIONS[20]


@pytest.mark.parametrize(
    ("lang", "line", "expected"),
    [
        ("en", "loading of 30 flatcars", "loading"),
        ("en", "30 flatcars are being loaded", "loading"),
        ("en", "36 cars unloaded", "unloading"),
        ("en", "offloading of 20 flatcars", "unloading"),
        ("ru", "погрузка 30 платформ", "loading"),
        ("uk", "розвантаження 20 платформ", "unloading"),
        ("be", "пагрузка 30 платформаў", "loading"),
        ("pl", "rozładunek 20 platform", "unloading"),
        # negatives: a train's load described, or no stage
        ("en", "30 flatcars loaded with tanks", None),
        ("en", "a train of 30 cars", None),
        ("ru", "эшелон из 30 гружёных платформ", None),
        ("pl", "pociąg z 30 platformami", None),
    ],
)
def test_line_stage(lang: str, line: str, expected: str | None) -> None:
    assert line_stage(line, reader_for(lang)) == expected


@pytest.mark.parametrize(
    ("lang", "line", "station"),
    [
        ("en", "▪️ Babruysk: 30 flatcars loaded with tanks.", "Babruysk"),
        ("ru", "▪️ Бобруйск — погрузка техники.", "Бобруйск"),
        ("pl", "▪️ Bobrujsk – bez potwierdzenia.", "Bobrujsk"),
    ],
)
def test_a_line_read_as_none_names_its_station_in_the_reason(
    lang: str, line: str, station: str
) -> None:
    """Negative: no train and no cars (un)loaded is no train; the problem says what is missing."""
    unloaded_line = LINES[lang][0]
    result = _read("\n".join([HEADING[lang], unloaded_line, line]), lang)
    assert [s.cars.total for s in result.shipments] == [20]
    (problem,) = [p for p in result.problems if "digest line" in p]
    assert f"names {station!r} but counts no train, nor cars loaded or unloaded there" in problem
    assert "gives no station" not in problem


# -- a line's train "from X" and no verb arrived at its station (trial18b T10 d) -----------
FROM_LINES = {
    "ru": "▪️ Речица — 1 эшелон (44 вагона) из Гомеля;\n"
    "▪️ Орша — 1 эшелон (30 вагонов) из Смоленска.",
    "uk": "▪️ Речиця — 1 ешелон (44 вагони) з Гомеля;\n"
    "▪️ Орша — 1 ешелон (30 вагонів) зі Смоленська.",
    "be": "▪️ Рэчыца — 1 эшалон (44 вагоны) з Гомеля;\n▪️ Орша — 1 эшалон (30 вагонаў) са Смаленска.",
    "pl": "▪️ Rzeczyca – 1 pociąg (44 wagony) z Homla;\n"
    "▪️ Orsza – 1 pociąg (30 wagonów) ze Smoleńska.",
    "en": "▪️ Rechytsa: 1 echelon (44 cars) from Gomel;\n"
    "▪️ Orsha: 1 echelon (30 cars) from Smolensk.",
}


@pytest.mark.parametrize("lang", sorted(FROM_LINES))
def test_a_digest_lines_train_from_elsewhere_arrived_at_its_station(lang: str) -> None:
    trains = _by_cars(_read(f"{HEADING[lang]}\n{FROM_LINES[lang]}", lang))
    assert _id(trains[44].destination) == "BY-RECHITSA"
    assert _id(trains[44].origin) == "BY-GOMEL"
    assert _id(trains[30].destination) == "BY-ORSHA"
    assert _id(trains[30].origin) == "RU-SMOLENSK"
    for train in trains.values():
        assert not train.via
        assert train.expected_arrival.earliest == DAY


@pytest.mark.parametrize(
    ("lang", "heading", "lines"),
    [
        # a heading of trains that passed: the lines' stations are places passed
        (
            "ru",
            "14 августа через Беларусь проследовали:",
            FROM_LINES["ru"],
        ),
        # a line's own verb of passing
        (
            "ru",
            HEADING["ru"],
            "▪️ Речица — проследовал эшелон (44 вагона) из Гомеля;\n"
            "▪️ Орша — проследовал эшелон (30 вагонов) из Смоленска.",
        ),
        (
            "en",
            HEADING["en"],
            "▪️ Rechytsa: 1 echelon (44 cars) passed from Gomel;\n"
            "▪️ Orsha: 1 echelon (30 cars) passed from Smolensk.",
        ),
    ],
)
def test_a_train_from_elsewhere_that_passed_is_no_arrival(
    lang: str, heading: str, lines: str
) -> None:
    """Negative: a verb of passing, the line's or the heading's, keeps the station passed."""
    trains = _by_cars(_read(f"{heading}\n{lines}", lang))
    assert _id(trains[44].origin) == "BY-GOMEL"
    for train in trains.values():
        assert train.destination is None
        assert [_id(v) for v in train.via] in (["BY-RECHITSA"], ["BY-ORSHA"])


# -- a station heading over loading (trial18b T8, the heading form) -------------------------
@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("be", "🔴 Калінкавічы\n\nІдзе пагрузка тэхнікі на платформы, каля 25 платформаў."),
        ("ru", "🔴 Калинковичи\n\nИдёт погрузка техники на платформы, около 25 платформ."),
        ("uk", "🔴 Калинковичі\n\nТриває завантаження техніки на платформи, близько 25 платформ."),
        ("pl", "🔴 Kalinkowicze\n\nTrwa załadunek sprzętu na platformy, około 25 platform."),
    ],
)
def test_loading_under_a_station_heading_is_a_train_loaded_there(lang: str, text: str) -> None:
    result = _read(text, lang)
    (train,) = result.shipments
    assert _id(train.origin) == "BY-KALINKOVICHI"
    assert train.destination is None
    assert train.departure is None
    assert train.cars.total == 25
    assert not [p for p in result.problems if "no train could be read" in p]


# -- both engines -------------------------------------------------------------------------
@pytest.fixture(scope="module")
def network() -> RailNetwork:
    """The embedded network."""
    return load_network()


def _digests(folder: Path) -> Path:
    for lang in ("ru", "be", "en"):
        text = "\n".join([HEADING[lang], *LINES[lang]])
        write_report(folder, f"digest-{lang}.txt", text, "2026-08-15")
    return folder


def test_the_default_run_keeps_loaded_trains(tmp_path: Path, network: RailNetwork) -> None:
    result = track(load_reports(_digests(tmp_path)), network)
    ships = result.shipments
    loaded = ships[ships["cars_total"].isin([30, 40])]
    assert len(loaded) == 6
    assert loaded["destination"].isna().all()
    assert not [p for p in result.problems if "digest line" in p.message]


def test_dask_engine_reads_digest_stages_as_the_default(
    client: Any, tmp_path: Path, network: RailNetwork
) -> None:
    from railtrack.engine_dask import track_converted

    reports = load_reports(_digests(tmp_path))
    default = track(reports, network)
    on_dask = track_converted(reports, network, client)
    assert_engines_agree(default, on_dask)


# -- the digest's town and the channel's post's station: one train (trial18b T10 d) --------
_POST = (
    "Брянск\nВчера вечером на станцию Брянск-Льговский прибыл воинский эшелон из 46 вагонов "
    "из Челябинска."
)
_DIGEST = (
    "Итоги дня 20 мая:\n▪️ Брянск — 1 эшелон ({cars} вагонов) из Челябинска;\n"
    "▪️ Орел — 2 эшелона (35 и 40 вагонов) проследовали в сторону Курска."
)


def _channel(folder: Path, digest_cars: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, n, text in (
        ("post", 3298, _POST),
        ("digest", 3300, _DIGEST.format(cars=digest_cars)),
    ):
        head = f"source: ЖД Радар\npublished: 2026-05-21\nurl: https://t.me/zd_radar/{n}\n\n"
        (folder / f"{name}.txt").write_text(head + text + "\n", encoding="utf-8")
    return folder


def test_a_digests_town_is_the_channels_station_there(tmp_path: Path, network: RailNetwork) -> None:
    result = track(load_reports(_channel(tmp_path, 46)), network)
    relays = result.relays
    assert relays["matched_on"].tolist().count("follow-up") == 1
    ships = result.shipments
    assert ships["cars_total"].tolist().count(46) == 1


@pytest.mark.parametrize("cars", [30, 60])
def test_a_digests_town_with_other_cars_is_another_train(
    tmp_path: Path, network: RailNetwork, cars: int
) -> None:
    """Negative: the same town and day, but a count that disagrees: two trains."""
    ships = track(load_reports(_channel(tmp_path, cars)), network).shipments
    assert sorted(ships["cars_total"].dropna().astype(int).tolist()).count(46) == 1
    assert cars in ships["cars_total"].tolist()


def test_dask_engine_links_the_town_and_its_station_as_the_default(
    client: Any, tmp_path: Path, network: RailNetwork
) -> None:
    from railtrack.engine_dask import track_converted

    reports = load_reports(_channel(tmp_path, 46))
    default = track(reports, network)
    on_dask = track_converted(reports, network, client)
    assert_engines_agree(default, on_dask)

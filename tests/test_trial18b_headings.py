"""Hajun station headings: a train leaving "from the station", the post kept, no town spur.

Trial 18b (issue 13):

- T5: "🔴 Барысаў" over "Учора ўвечары са станцыі адправіўся эшалон ...": "са станцыі"
  is the heading's station, yet the train had no origin, and the hand-log row of it
  (same station, day, count) became a second train.
- T7: a day digest's line "▪️ Речица — 1 эшелон (36 вагонов)" was kept over Hajun's own
  post of that train ("со стороны Гомеля") and the train lost its origin: not routed.
- T9: a digest line naming the town ("▪️ Брянск — 1 эшелон") made the town a place
  passed of the post's train to the town's station ("на станцию Брянск-Льговский"): a
  back-and-forth route.
- T3: a namesake ("Светлогорск": Gomel region and Kaliningrad) settled by a report's other
  places left its sightings without a station, so a relay of that train did not link;
  a log row's ambiguous station was left unresolved with no word.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from railtrack.extract import extract_shipments
from railtrack.io import load_reports
from railtrack.network import RailNetwork, load_network
from railtrack.pipeline import track
from railtrack.relay_facts import linked_fills, town_of_end
from tests._engines import assert_engines_agree
from tests._report_files import write_report as _write

DAY = date(2026, 8, 14)


@pytest.fixture(scope="module")
def network() -> RailNetwork:
    """The embedded network."""
    return load_network()


# ------------------------------------------- T5: "from the station" under the heading

# (heading, "yesterday evening a train of 44 cars left from the station towards Orsha")
_LEFT = {
    "be": ("🔴 Барысаў", "Учора ўвечары са станцыі адправіўся вайсковы эшалон з 44 вагонаў. "
           "Эшалон рушыў у кірунку Оршы."),
    "ru": ("🔴 Борисов", "Вчера вечером со станции отправился воинский эшелон из 44 вагонов "
           "в сторону Орши."),
    "uk": ("#Борисов", "Учора ввечері зі станції вирушив військовий ешелон з 44 вагонів у "
           "напрямку Орші."),
    "pl": ("Borysów:", "Wczoraj wieczorem ze stacji wyjechał pociąg wojskowy z 44 wagonami w "
           "kierunku Orszy."),
    "en": ("Borisov:", "Yesterday evening a military train of 44 cars left from the station, "
           "heading toward Orsha."),
}  # fmt: skip


def _one(text: str, lang: str) -> Any:
    result = extract_shipments(text, published=DAY, lang=lang)
    assert len(result.shipments) == 1, result.shipments
    return result.shipments[0]


@pytest.mark.parametrize("lang", sorted(_LEFT))
def test_a_train_leaving_from_the_station_left_the_heading_station(lang: str) -> None:
    head, said = _LEFT[lang]
    train = _one(f"{head}\n\n{said}", lang)
    assert train.origin is not None
    assert train.origin.station_id == "BY-BORISOV"
    assert train.destination is not None
    assert train.destination.station_id == "BY-ORSHA"
    assert train.departure is not None
    assert train.departure.earliest == date(2026, 8, 13)


# the negatives: no heading; a station named of its own; a train that arrived
_NOT_LEFT = {
    "no heading": ("ru", "Вчера вечером со станции отправился воинский эшелон из 44 вагонов "
                   "в сторону Орши.", None, "BY-ORSHA"),
    "named": ("ru", "🔴 Борисов\n\nВчера со станции Орша отправился воинский эшелон из 44 "
              "вагонов.", "BY-ORSHA", None),
    "arrived": ("ru", "🔴 Борисов\n\nВчера вечером на станцию прибыл воинский эшелон из 44 "
                "вагонов.", None, "BY-BORISOV"),
    "arrived be": ("be", "🔴 Барысаў\n\nУчора ўвечары са станцыі Орша на станцыю прыбыў "
                   "вайсковы эшалон з 44 вагонаў.", "BY-ORSHA", "BY-BORISOV"),
    "no words": ("be", "🔴 Барысаў\n\nУчора ўвечары адправіўся вайсковы эшалон з 44 вагонаў "
                 "у кірунку Оршы.", None, "BY-ORSHA"),
}  # fmt: skip


@pytest.mark.parametrize("case", sorted(_NOT_LEFT))
def test_no_heading_station_as_origin_otherwise(case: str) -> None:
    lang, text, origin, destination = _NOT_LEFT[case]
    train = _one(text, lang)
    assert (train.origin.station_id if train.origin else None) == origin
    assert (train.destination.station_id if train.destination else None) == destination


@pytest.mark.parametrize("lang", ["be", "ru", "pl"])
def test_the_log_row_of_the_post_is_one_train(
    tmp_path: Path, network: RailNetwork, lang: str
) -> None:
    head, said = _LEFT[lang]
    _write(tmp_path, "post.txt", f"{head}\n\n{said}", "2026-08-14")
    (tmp_path / "log.csv").write_text(
        "date;station;Вагонов;source\n13.08.2026;Борисов;44;Hajun\n", encoding="utf-8"
    )
    result = track(load_reports(tmp_path), network)
    assert (result.headline()["shipments"], result.headline()["cars_total"]) == (1, 44)
    assert result.relays["matched_on"].tolist() == ["station"]


# ------------------------------------------------ T7: the first-hand post is kept

_POST = {
    "ru": ("#Речица\nСегодня в 04:30 на станцию прибыл воинский эшелон из 36 вагонов со "
           "стороны Гомеля. Началась разгрузка.",
           "Итоги дня 14 августа:\n▪️ Речица — 1 эшелон (36 вагонов), разгрузка;\n"
           "▪️ Полоцк — эшелон из 38 вагонов проследовал в сторону Витебска."),
    "be": ("🔴 Рэчыца\n\nСёння а 04:30 на станцыю прыбыў вайсковы эшалон з 36 вагонаў з боку "
           "Гомеля.",
           "Вынікі дня 14 жніўня:\n▪️ Рэчыца — 1 эшалон (36 вагонаў);\n"
           "▪️ Полацк — эшалон з 38 вагонаў прайшоў у бок Віцебска."),
}  # fmt: skip


def _post_and_digest(folder: Path, lang: str, *, digest_first: bool = False) -> None:
    post, digest = _POST[lang]
    names = ("a.txt", "b.txt") if digest_first else ("b.txt", "a.txt")
    _write(folder, names[0], digest, "2026-08-14")
    _write(folder, names[1], post, "2026-08-14")


@pytest.mark.parametrize("lang", sorted(_POST))
@pytest.mark.parametrize("digest_first", [True, False], ids=["digest-a", "digest-b"])
def test_the_post_naming_its_origin_is_kept_and_routed(
    tmp_path: Path, network: RailNetwork, lang: str, digest_first: bool
) -> None:
    _post_and_digest(tmp_path, lang, digest_first=digest_first)
    result = track(load_reports(tmp_path), network)
    assert result.headline()["shipments"] == 2
    post = "b" if digest_first else "a"
    assert result.relays["train"].tolist() == [f"{post}-t1"]
    kept = result.shipments.set_index("id").loc[f"{post}-t1"]
    assert kept["origin_station_id"] == "BY-GOMEL"
    assert kept["destination_station_id"] == "BY-RECHITSA"
    routed = result.outcomes.set_index("id").loc[f"{post}-t1", "outcome"]
    assert routed == "routed"


def test_a_kept_train_with_no_origin_takes_a_linked_side() -> None:
    ships = pd.DataFrame(
        {
            "id": ["d-t1", "p-t1"],
            "origin": [None, "Гомеля"],
            "origin_station_id": [None, "BY-GOMEL"],
            "origin_direction": [False, True],
            "cars_total": [36, 36],
        }
    )
    fills = linked_fills(ships, pd.DataFrame({"id": ["p-t1"], "train": ["d-t1"]}))
    assert fills["d-t1"]["origin_station_id"] == "BY-GOMEL"
    assert fills["d-t1"]["origin_direction"] is True  # still only the side it came from
    # the negative: a kept origin of its own stays, a side never replaces it
    ships.loc[0, ["origin", "origin_station_id"]] = ["Жлобина", "BY-ZHLOBIN"]
    fills = linked_fills(ships, pd.DataFrame({"id": ["p-t1"], "train": ["d-t1"]}))
    assert "origin_station_id" not in fills.get("d-t1", {})


def test_dask_engine_keeps_the_post_the_same(
    client: Any, tmp_path: Path, network: RailNetwork
) -> None:
    from railtrack.engine_dask import track_converted

    _post_and_digest(tmp_path, "ru", digest_first=True)
    reports = load_reports(tmp_path)
    default = track(reports, network)
    assert_engines_agree(default, track_converted(reports, network, client))


# ------------------------------------ T9: the town of the station is no place passed

_TOWN = {
    "via": ("Брянск", {"destination": "Брянск-Льговский",
                       "destination_station": "Брянск-Льговский"}),
    "latin": ("Bryansk", {"destination": "Брянск", "destination_station": "Брянск-Льговский"}),
    "origin": ("Орша", {"origin": "Орши", "origin_station": "Orsha-Tsentralnaya"}),
}  # fmt: skip


@pytest.mark.parametrize("case", sorted(_TOWN))
def test_the_town_of_an_end_is_that_end(case: str) -> None:
    name, row = _TOWN[case]
    assert town_of_end(name, row)


@pytest.mark.parametrize(
    ("name", "row"),
    [
        ("Брянск-Орловский", {"destination": "Брянск-Льговский"}),
        ("Орёл", {"destination": "Брянск-Льговский"}),
        ("Gomel", {"origin": "Zhlobin", "destination": "Kalinkovichi"}),
    ],
)
def test_another_station_or_town_is_no_end(name: str, row: dict[str, str]) -> None:
    assert not town_of_end(name, row)


def test_a_linked_town_line_adds_no_place_passed() -> None:
    ships = pd.DataFrame(
        {
            "id": ["p-t1", "d-t1"],
            "destination": ["Брянск-Льговский", None],
            "destination_station": ["Брянск-Льговский", None],
            "destination_station_id": ["200002", None],
            "via": [None, "Брянск"],
            "via_station_ids": [None, "200106"],
            "cars_total": [46, 46],
        }
    )
    links = pd.DataFrame({"id": ["d-t1"], "train": ["p-t1"]})
    assert "via" not in linked_fills(ships, links).get("p-t1", {})
    # the negative: a line naming another town is a place passed, taken
    ships.loc[1, ["via", "via_station_ids"]] = ["Орёл", "201001"]
    assert linked_fills(ships, links)["p-t1"]["via"] == "Орёл"


def _radar(folder: Path, name: str, post: int, text: str) -> None:
    head = f"source: ЖД Радар\npublished: 2026-05-21\nurl: https://t.me/zd_radar/{post}\n"
    (folder / name).write_text(f"{head}\n{text}\n", encoding="utf-8")


@pytest.mark.ru_rail
def test_bryansk_heading_and_digest_route_once(
    tmp_path: Path, ru_rail_network: RailNetwork
) -> None:
    _radar(
        tmp_path,
        "post.txt",
        3301,
        "Брянск\nВчера вечером на станцию Брянск-Льговский прибыл воинский эшелон из 46 вагонов "
        "из Челябинска: 34 платформы с танками, 10 крытых вагонов, 2 пассажирских.",
    )
    _radar(
        tmp_path,
        "digest.txt",
        3300,
        "Итоги дня 20 мая:\n▪️ Брянск — 1 эшелон (46 вагонов) из Челябинска;\n"
        "▪️ Ростов-на-Дону — эшелон из 52 вагонов убыл в Таганрог.",
    )
    result = track(load_reports(tmp_path), ru_rail_network)
    assert result.headline()["shipments"] == 2
    assert result.relays["train"].tolist() == ["post-t1"]
    kept = result.shipments.set_index("id").loc["post-t1"]
    assert pd.isna(kept["via"])
    assert kept["destination_station"] == "Брянск-Льговский"


# ------------------------- T3: a namesake settled by its report, for its sightings too

_SVETLOGORSK = {
    "digest.txt": (
        "2026-08-14",
        "Итоги дня 14 августа:\n▪️ Речица — 1 эшелон (36 вагонов), разгрузка;\n"
        "▪️ Кобрин — 2 эшелона (40 и 46 вагонов) прибыли со стороны Бреста;\n"
        "▪️ Светлогорск — проследовал эшелон из 50 цистерн;",
    ),
    "article.txt": (
        "2026-08-15",
        "On Aug. 14 a 36-car train arrived in Rechitsa and was unloaded.\n\n"
        "Separately, a train of 50 tank cars passed through Svetlogorsk on Aug. 14, heading "
        "south.",
    ),
}


def _svetlogorsk(folder: Path, log: str | None = None) -> None:
    for name, (day, text) in _SVETLOGORSK.items():
        _write(folder, name, text, day)
    if log is not None:
        (folder / "log.csv").write_text(f"date;station;Вагонов\n{log}\n", encoding="utf-8")


def test_a_settled_namesake_places_the_sightings_and_links(
    tmp_path: Path, network: RailNetwork
) -> None:
    _svetlogorsk(tmp_path)
    result = track(load_reports(tmp_path), network)
    seen = result.sightings[result.sightings["station"].isin(["Светлогорск", "Svetlogorsk"])]
    assert seen["station_id"].tolist() == ["GN621074", "GN621074"]  # the Gomel region's
    assert seen["station_name"].tolist() == ["Svetlogorsk", "Svetlogorsk"]
    assert ["article-t2", "station"] in result.relays[["id", "matched_on"]].values.tolist()
    assert result.headline()["shipments"] == 4  # Rechitsa, Kobrin x2, Svetlogorsk


def test_an_unsettled_log_row_says_which_places_bear_its_name(
    tmp_path: Path, network: RailNetwork
) -> None:
    (tmp_path / "log.csv").write_text(
        "date;station;Вагонов\n14.08.2026;Светлогорск;50\n14.08.2026;Мозырь;40\n",
        encoding="utf-8",
    )
    result = track(load_reports(tmp_path), network)
    said = [p for p in result.problems if "ambiguous" in p.message]
    assert [(Path(p.path).name, p.row, p.field) for p in said] == [("log.csv", 2, "via")]
    assert "GN621074" in said[0].message
    assert "GN485699" in said[0].message  # both places named, none chosen
    assert result.sightings.set_index("station").loc["Светлогорск", "station_id"] is None or (
        pd.isna(result.sightings.set_index("station").loc["Светлогорск", "station_id"])
    )


def test_a_sighting_of_another_name_is_left_as_it_is() -> None:
    from railtrack.relays import placed_sightings

    seen = pd.DataFrame(
        {"shipment": ["d-t1"], "station": ["Жлобин"], "station_id": [None], "station_name": [None]}
    )
    ships = pd.DataFrame({"id": ["d-t1"], "via": ["Светлогорск"], "via_station_ids": ["GN621074"]})
    assert placed_sightings(seen, ships) is seen


def test_dask_engine_places_and_says_the_same(
    client: Any, tmp_path: Path, network: RailNetwork
) -> None:
    from railtrack.engine_dask import track_converted

    _svetlogorsk(tmp_path, log="14.08.2026;Светлогорск;50")
    reports = load_reports(tmp_path)
    default = track(reports, network)
    on_dask = track_converted(reports, network, client)
    assert_engines_agree(default, on_dask)
    assert sorted(map(str, default.problems)) == sorted(map(str, on_dask.problems))
    columns = ["id", "station_id"]
    assert default.sightings[columns].sort_values("id").values.tolist() == (
        on_dask.sightings[columns].sort_values("id").values.tolist()
    )

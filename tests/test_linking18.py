"""Session 18, helper "linking": links that neither merge two trains nor count one twice.

trial17b T1: two trains timed at one station hours apart (01:20 and 06:40) were merged;
linked reports that count a train differently said nothing. T2: a day digest's train was
folded into the channel's train of the day before because the station matched. T3: a hand
log kept by station ("дата, станция, вагонов") was read as departures and never met the
digest's train of that day and station: one train counted twice.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from railtrack.io import load_reports
from railtrack.io.tables import map_headers
from railtrack.network import RailNetwork, load_network
from railtrack.pipeline import track
from tests._engines import assert_engines_agree
from tests._report_files import write_report as _write

DATA = Path(__file__).parent / "data" / "linking18"


@pytest.fixture(scope="module")
def network() -> RailNetwork:
    """The embedded network."""
    return load_network()


def _head(folder: Path, network: RailNetwork) -> tuple[int, int | None]:
    head = track(load_reports(folder), network).headline()
    return head["shipments"], head["cars_total"]


# --------------------------------------- T1: timed hours apart at one station: two trains

_PASSING = {
    "be": "Сёння а {t} праз станцыю Асіповічы ў бок Мінска праследаваў эшалон з {n} вагонаў.",
    "ru": "Сегодня в {t} через станцию Осиповичи в сторону Минска проследовал эшелон из {n} "
    "вагонов.",
    "uk": "Сьогодні о {t} через станцію Осиповичі в бік Мінська пройшов ешелон із {n} вагонів.",
    "pl": "Dziś o {t} przez stację Osipowicze w kierunku Mińska przejechał pociąg z {n} wagonami.",
}


def test_two_posts_timed_hours_apart_are_two_trains(network: RailNetwork) -> None:
    result = track(load_reports(DATA / "clock"), network)
    assert (result.headline()["shipments"], result.headline()["cars_total"]) == (2, 84)
    assert not len(result.relays)


@pytest.mark.parametrize("lang", sorted(_PASSING))
def test_timed_hours_apart_in_each_language(
    tmp_path: Path, network: RailNetwork, lang: str
) -> None:
    said = _PASSING[lang]
    _write(tmp_path, "a.txt", said.format(t="01:20", n=40), "2026-05-19")
    _write(tmp_path, "b.txt", said.format(t="06:40", n=44), "2026-05-19")
    assert _head(tmp_path, network) == (2, 84)


@pytest.mark.parametrize("lang", sorted(_PASSING))
def test_timed_close_together_is_still_one_train(
    tmp_path: Path, network: RailNetwork, lang: str
) -> None:
    said = _PASSING[lang]  # the negative: a relay's own post 40 minutes later
    _write(tmp_path, "a.txt", said.format(t="01:20", n=40), "2026-05-19")
    _write(tmp_path, "b.txt", said.format(t="02:00", n=40), "2026-05-19", relayed_by="Зеркало")
    assert _head(tmp_path, network) == (1, 40)


def test_linked_reports_that_count_otherwise_say_so(tmp_path: Path, network: RailNetwork) -> None:
    _write(
        tmp_path,
        "a.txt",
        "Сёння на станцыю Асіповічы прыбыў эшалон з 44 платформаў.",
        "2026-05-19",
        source="Belarusian Hajun",
    )
    _write(
        tmp_path,
        "b.txt",
        "Сегодня на станцию Осиповичи прибыл эшелон из 40 вагонов.",
        "2026-05-19",
        source="Belarusian Hajun",
        relayed_by="Зеркало",
    )
    result = track(load_reports(tmp_path), network)
    assert result.headline()["shipments"] == 1  # the link is still the best reading
    said = [p.message for p in result.problems if p.field == "cars_total"]
    assert any("cars_total 40, not 44: 44 kept" in m for m in said), said


# ------------------------------------------ T2: never folded into another day's train


def test_a_digest_train_is_not_folded_into_the_day_before(network: RailNetwork) -> None:
    result = track(load_reports(DATA / "days"), network)
    assert (result.headline()["shipments"], result.headline()["cars_total"]) == (4, 158)
    assert not len(result.relays)


_BREST = {
    "ru": "Брест — 1 эшелон (44 вагона)",
    "uk": "Брест — 1 ешелон (44 вагони)",
    "be": "Брэст — 1 эшалон (44 вагоны)",
    "pl": "Brześć — 1 pociąg (44 wagony)",
}
_DAYS = {
    "ru": ("Итоги дня 20 мая:\n▪️ Лунинец — 2 эшелона (36 и 40 вагонов)",
           "Вчера вечером на станцию Лунинец прибыл эшелон из 38 вагонов."),
    "uk": ("Підсумки доби 20 травня:\n▪️ Лунинець — 2 ешелони (36 і 40 вагонів)",
           "Учора ввечері на станцію Лунинець прибув ешелон із 38 вагонів."),
    "be": ("Вынікі дня 20 траўня:\n▪️ Лунінец — 2 эшалоны (36 і 40 вагонаў)",
           "Учора ўвечары на станцыю Лунінец прыбыў эшалон з 38 вагонаў."),
    "pl": ("Podsumowanie dnia 20 maja:\n▪️ Łuniniec — 2 pociągi (36 i 40 wagonów)",
           "Wczoraj wieczorem na stację Łuniniec przyjechał pociąg z 38 wagonami."),
}  # fmt: skip
"""A day digest in each language (its Brest line, :data:`_BREST`, keeps the Luninets
line's trains at the station) and the channel's post of the day before."""


@pytest.mark.parametrize("lang", sorted(_DAYS))
def test_one_teller_links_on_its_own_days(tmp_path: Path, network: RailNetwork, lang: str) -> None:
    digest, post = _DAYS[lang]
    _write(tmp_path, "digest.txt", f"{digest}\n▪️ {_BREST[lang]}", "2026-05-21")
    _write(tmp_path, "post.txt", post, "2026-05-20")
    assert _head(tmp_path, network) == (4, 158)


@pytest.mark.parametrize("lang", sorted(_DAYS))
def test_a_relay_a_day_apart_still_links(tmp_path: Path, network: RailNetwork, lang: str) -> None:
    digest, post = _DAYS[lang]  # the negative: another outlet's "yesterday" may be a day off
    _write(tmp_path, "digest.txt", f"{digest}\n▪️ {_BREST[lang]}", "2026-05-21")
    _write(tmp_path, "post.txt", post, "2026-05-20", relayed_by="Nasha Niva")
    assert _head(tmp_path, network)[0] == 3  # the post is one of the digest's two


# -------------------------------------- T3: a log kept by station: seen there that day

_DIGEST = "Итоги дня {day} мая:\n▪️ Брест — 1 эшелон (44 вагона)\n▪️ Орша — 1 эшелон (30 вагонов)"


def test_a_station_log_row_is_the_digest_train(network: RailNetwork) -> None:
    result = track(load_reports(DATA / "log"), network)
    links = result.relays[["train", "matched_on"]].values.tolist()
    assert links == [["digest-t3", "station"]]  # Brest 44: one train
    # Luninets 38 fits the digest's 36 and 40 alike: linked to neither
    assert (result.headline()["shipments"], result.headline()["cars_total"]) == (4, 158)


@pytest.mark.parametrize(
    "header",
    ["дата,станция,вагонов", "date,station,cars", "data,stacja,wagony", "дата,станція,вагонів",
     "Дата,Станцыя,Вагонаў"],
)  # fmt: skip
def test_a_plain_date_beside_a_station_is_the_day_seen(
    tmp_path: Path, network: RailNetwork, header: str
) -> None:
    assert map_headers(header.split(",")).columns[header.split(",")[0]] == "seen_at"
    (tmp_path / "log.csv").write_text(f"{header}\n20.05.2026,Брест,44\n", encoding="utf-8")
    _write(tmp_path, "digest.txt", _DIGEST.format(day=20), "2026-05-21")
    result = track(load_reports(tmp_path), network)
    assert (result.headline()["shipments"], result.headline()["cars_total"]) == (2, 74)
    assert result.relays["matched_on"].tolist() == ["station"]


def test_a_log_with_an_end_keeps_its_departure(tmp_path: Path, network: RailNetwork) -> None:
    assert map_headers(["дата", "откуда", "станция"]).columns["дата"] == "departure"
    assert map_headers(["date", "station"], {"date": "departure"}).columns["date"] == "departure"
    (tmp_path / "log.csv").write_text("date,station,cars\n20.05.2026,Брест,44\n", encoding="utf-8")
    _write(tmp_path, "digest.txt", _DIGEST.format(day=22), "2026-05-23")
    assert _head(tmp_path, network)[0] == 3  # seen two days apart: two trains


# ------------- trial18 T4: a digest line naming only the station, and a post's heading train

_OSIPOVICHI = {
    "ru": ("▪️ Осиповичи — 1 эшелон (38 вагонов)",
           "Вчера вечером через станцию Осиповичи в сторону Минска проследовал эшелон из {n} "
           "вагонов."),
    "uk": ("▪️ Осиповичі — 1 ешелон (38 вагонів)",
           "Учора ввечері через станцію Осиповичі в бік Мінська пройшов ешелон із {n} вагонів."),
    "be": ("▪️ Асіповічы — 1 эшалон (38 вагонаў)",
           "Учора ўвечары праз станцыю Асіповічы ў бок Мінска праследаваў эшалон з {n} вагонаў."),
    "pl": ("▪️ Osipowicze — 1 pociąg (38 wagonów)",
           "Wczoraj wieczorem przez stację Osipowicze w kierunku Mińska przejechał pociąg z {n} "
           "wagonami."),
}  # fmt: skip


def _digest_and_heading(
    folder: Path, lang: str, *, cars: int = 38, published: str = "2026-05-21", **head: str
) -> None:
    line, post = _OSIPOVICHI[lang]
    digest = _DAYS[lang][0].splitlines()[0]  # "Итоги дня 20 мая:"
    _write(folder, "digest.txt", f"{digest}\n{line}\n▪️ {_BREST[lang]}", "2026-05-20")
    _write(folder, "post.txt", post.format(n=cars), published, **head)


@pytest.mark.parametrize("source", ["Беларускі Гаюн", "Другой канал"])
@pytest.mark.parametrize("lang", sorted(_OSIPOVICHI))
def test_a_digest_station_line_is_the_heading_train_seen_there(
    tmp_path: Path, network: RailNetwork, lang: str, source: str
) -> None:
    _digest_and_heading(tmp_path, lang, source=source)
    result = track(load_reports(tmp_path), network)
    assert (result.headline()["shipments"], result.headline()["cars_total"]) == (2, 82)
    assert result.relays["matched_on"].tolist() == ["station"]
    assert result.relays["train"].str.startswith("post-").all()  # the heading train is kept


@pytest.mark.parametrize("lang", sorted(_OSIPOVICHI))
def test_another_count_or_day_at_the_station_stays_two_trains(
    tmp_path: Path, network: RailNetwork, lang: str
) -> None:
    _digest_and_heading(tmp_path / "count", lang, cars=45)
    assert _head(tmp_path / "count", network) == (3, 127)
    _digest_and_heading(tmp_path / "day", lang, published="2026-05-25")
    assert _head(tmp_path / "day", network) == (3, 120)


# ----------------------------------------------------- the Dask engine does the same


@pytest.mark.parametrize("folder", ["days", "log", "clock"])
def test_dask_engine_links_the_same(client: Any, network: RailNetwork, folder: str) -> None:
    from railtrack.engine_dask import track_converted

    reports = load_reports(DATA / folder)
    default = track(reports, network)
    on_dask = track_converted(reports, network, client)
    assert_engines_agree(default, on_dask)
    assert sorted(p.message for p in default.problems) == sorted(
        p.message for p in on_dask.problems
    )


# ------------------- review18 #4: reports with no source line are not one teller

_YESTERDAY = {
    "ru": "Вчера в Брест прибыл эшелон из 44 вагонов с танками из Орши.",
    "uk": "Учора до Бреста прибув ешелон із 44 вагонів з танками з Орші.",
    "be": "Учора ў Брэст прыбыў эшалон з 44 вагонаў з танкамі з Оршы.",
    "pl": "Wczoraj do Brześcia przyjechał pociąg z 44 wagonami z czołgami z Orszy.",
}


def _unsourced(folder: Path, lang: str, source: str | None) -> Path:
    """Two reports of one "yesterday" published a day apart, with or without a source."""
    for name, day in (("a.txt", "2026-05-20"), ("b.txt", "2026-05-21")):
        head = f"published: {day}\n" + (f"source: {source}\n" if source else "")
        (folder / name).write_text(f"{head}\n{_YESTERDAY[lang]}\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize("lang", sorted(_YESTERDAY))
@pytest.mark.parametrize("source", [None, "unknown", "Unknown"])
def test_reports_with_no_known_source_are_not_one_teller(
    tmp_path: Path, network: RailNetwork, lang: str, source: str | None
) -> None:
    # two anonymous observers' "yesterday" may be a day apart, as relays' are
    assert _head(_unsourced(tmp_path, lang, source), network)[0] == 1


@pytest.mark.parametrize("lang", sorted(_YESTERDAY))
def test_one_known_source_still_links_on_its_own_days(
    tmp_path: Path, network: RailNetwork, lang: str
) -> None:
    # the negative: one named channel's posts of 20 and 21 May are two days' trains
    assert _head(_unsourced(tmp_path, lang, "Беларускі Гаюн"), network)[0] == 2


@pytest.mark.parametrize("source", [None, "Беларускі Гаюн"])
def test_dask_engine_links_unsourced_reports_the_same(
    client: Any, tmp_path: Path, network: RailNetwork, source: str | None
) -> None:
    from railtrack.engine_dask import track_converted

    folder = _unsourced(tmp_path, "ru", source)
    _write(folder, "c.txt", _YESTERDAY["ru"], "2026-05-20", source="Hajun")
    _write(folder, "e.txt", _YESTERDAY["ru"], "2026-05-21", source="Zerkalo")
    reports = load_reports(folder)
    default = track(reports, network)
    assert_engines_agree(default, track_converted(reports, network, client))
    assert default.headline()["shipments"] == (1 if source is None else 2)


def test_dask_engine_links_a_digest_station_line_the_same(
    client: Any, tmp_path: Path, network: RailNetwork
) -> None:
    from railtrack.engine_dask import track_converted

    _digest_and_heading(tmp_path, "ru", source="Другой канал")
    reports = load_reports(tmp_path)
    default = track(reports, network)
    assert default.relays["matched_on"].tolist() == ["station"]
    assert_engines_agree(default, track_converted(reports, network, client))


# ------ session 19: a train told only as seen keeps the one-teller rule on both engines


@pytest.mark.parametrize(
    ("relayed_by", "day", "shipments"),
    [
        (None, 20, 1),  # the channel's own sighting on the day it left: its train
        (None, 21, 2),  # the channel's own sighting a day later: another train
        ("Nasha Niva", 21, 1),  # a relay's day may be a day off: linked
        ("Nasha Niva", 22, 2),  # (never two days off)
    ],
)
def test_a_train_told_only_as_seen_links_by_its_teller_on_both_engines(
    client: Any,
    tmp_path: Path,
    network: RailNetwork,
    relayed_by: str | None,
    day: int,
    shipments: int,
) -> None:
    from railtrack.engine_dask import track_converted

    _write(
        tmp_path, "a.txt", "20 мая из Орши в Брест отправился эшелон из 44 вагонов.", "2026-05-20"
    )
    seen = f"{day} мая на станции Орша замечен эшелон из 44 вагонов, следующий в Брест."
    head = {} if relayed_by is None else {"relayed_by": relayed_by}
    _write(tmp_path, "b.txt", seen, "2026-05-22", **head)
    reports = load_reports(tmp_path)
    default = track(reports, network)
    assert default.headline()["shipments"] == shipments
    assert list(default.relays["matched_on"]) == ["sighting-origin"] * (2 - shipments)
    assert_engines_agree(default, track_converted(reports, network, client))

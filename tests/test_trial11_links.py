"""Trial 10 findings on linking (T7, T10): one train told by several reports counts once."""

from __future__ import annotations

from pathlib import Path

import pytest

from railtrack import load_network, load_reports
from railtrack.pipeline import track
from railtrack.relays import relay_links, retold_group, retold_groups
from railtrack.store import Store

# --- T7: relays of a report that tells two or more trains --------------------------------

_TWO_TRAINS = {
    "en": (
        "Kyiv Independent",
        "Two military echelons left Belarus on March 8, Belarusian Hajun reported. The first, "
        "48 flatcars, left Slonim for Valuyki; the second, 40 cars, left Luninets for Klintsy.",
    ),
    "uk": (
        "УНІАН",
        "Два ешелони залишили Білорусь 8 березня: перший — зі Слоніма до Валуйок (48 платформ), "
        "другий — з Лунинця до Клинців (40 вагонів). Так повідомляє «Білоруський Гаюн».",
    ),
    "ru": (
        "Зеркало",
        "Два эшелона покинули Беларусь 8 марта. Первый эшелон из 48 платформ ушёл из Слонима "
        "в Валуйки, второй эшелон из 40 вагонов ушёл из Лунинца в Клинцы.",
    ),
}
_TOTAL = {"en": " In total, 88 cars.", "uk": " Загалом 88 вагонів.", "ru": " Всего 88 вагонов."}


def _write(folder: Path, langs: tuple[str, ...], *, total: bool = False) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for lang in langs:
        outlet, text = _TWO_TRAINS[lang]
        text += _TOTAL[lang] if total else ""
        head = f"source: Гаюн\npublished: 2023-03-14\nrelayed_by: {outlet}\n\n"
        (folder / f"{lang}.txt").write_text(head + text + "\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def network():  # type: ignore[no-untyped-def]
    return load_network()


@pytest.mark.parametrize("total", [False, True], ids=["no-total", "group-total"])
@pytest.mark.parametrize("langs", [("en", "uk"), ("en", "uk", "ru")], ids=["two", "three"])
def test_relays_of_a_two_train_report_count_its_trains_once(
    tmp_path: Path, network, langs: tuple[str, ...], total: bool
) -> None:
    reports = load_reports(_write(tmp_path / "in", langs, total=total))
    assert len(reports.shipments) == 2 * len(langs)  # each outlet reads both trains
    result = track(reports, network)
    head = result.headline()
    assert head["shipments"] == 2
    assert head["cars_total"] == 88
    assert head["groups"] == 1
    assert len(result.relays) == 2 * (len(langs) - 1)
    assert set(result.relays["matched_on"]) == {"departure"}


@pytest.mark.parametrize("total", [False, True], ids=["no-total", "group-total"])
def test_track_and_the_store_give_the_same_trains_and_cars(
    tmp_path: Path, network, total: bool
) -> None:
    folder = _write(tmp_path / "in", ("en", "uk", "ru"), total=total)
    plain = track(load_reports(folder), network).headline()
    with Store(tmp_path / "s.sqlite") as store:
        result = store.ingest(load_reports(folder).resolve(network))
        stored = store.reports()
    assert result.linked == 4
    from_store = track(stored, network).headline()
    for key in ("shipments", "groups", "cars_total"):
        assert plain[key] == from_store[key] == {"shipments": 2, "groups": 1, "cars_total": 88}[key]


def test_a_group_told_only_in_part_by_another_report_keeps_its_trains(
    tmp_path: Path, network
) -> None:
    folder = _write(tmp_path / "in", ("en",), total=True)
    # the same first train, but a second train the English report does not tell
    text = (
        "Два ешелони залишили Білорусь 8 березня: перший — зі Слоніма до Валуйок "
        "(48 платформ), другий — з Лунинця до Клинців (70 вагонів). Загалом 118 вагонів."
    )
    (folder / "uk.txt").write_text(
        f"source: Гаюн\npublished: 2023-03-14\nrelayed_by: УНІАН\n\n{text}\n", encoding="utf-8"
    )
    reports = load_reports(folder).resolve(network)
    relays = relay_links(reports.to_frame())
    assert relays.empty  # the first trains agree, the second do not: both groups stand
    with Store(tmp_path / "s.sqlite") as store:
        assert store.ingest(reports).linked == 0
        assert len(store.reports().shipments) == 4


def test_one_reports_trains_are_kept_in_every_corridor(tmp_path: Path, network) -> None:
    """The kept trains of two groups telling the same trains come from one report.

    The Ukrainian report says more about its second train (its arrival) than the
    English one, and less about the first: a train-by-train choice would keep one
    train of each and link neither group as a whole.
    """
    folder = _write(tmp_path / "in", ("en",))
    text = (
        "Два ешелони залишили Білорусь 8 березня: перший — зі Слоніма до Валуйок, "
        "другий — з Лунинця до Клинців (40 вагонів), прибув до Клинців 9 березня."
    )
    (folder / "uk.txt").write_text(
        f"source: Гаюн\npublished: 2023-03-14\nrelayed_by: УНІАН\n\n{text}\n", encoding="utf-8"
    )
    ships = load_reports(folder).resolve(network).to_frame()
    relays = relay_links(ships)
    assert len(relays) == 2
    assert len({train.split("-")[0] for train in relays["train"]}) == 1
    assert retold_groups(ships, relays) in ({("uk", "uk-g1")}, {("en", "en-g1")})


def test_retold_group_needs_every_train_linked_to_one_group() -> None:
    a, b = frozenset({("hajun", "g1")}), frozenset({("zerkalo", "g1")})
    assert retold_group([a, a, a])
    assert retold_group([a | b, a])
    assert not retold_group([a, b])
    assert not retold_group([a, None])
    assert not retold_group([frozenset(), frozenset()])
    assert not retold_group([])


# --- T10: one channel's posts that follow one train up ------------------------------------

from _telegram_exports import Msg, at, chat_object, write_json  # noqa: E402

_CHANNEL = {"name": "Беларускі Гаюн", "chat_id": 1754228908}
_FIRST_SEEN = (
    "Ешелон 13 березня о 19:40 на станції Жлобін: #ешелон 38 платформ з технікою, "
    "2 пасажирські вагони. Рухався в напрямку Гомеля."
)
_ARRIVED = (
    "Сегодня ночью на станцию Гомель прибыл эшелон из Жлобина (38 платформ, 2 пассажирских вагона)."
)
_FORWARDED = "Ze Żłobina do Homla przejechał skład wojskowy, 40 wagonów."
_OTHER = "14 марта из Гомеля в Клинцы ушёл эшелон из 45 вагонов."


def _export(tmp_path: Path, messages: list[Msg]) -> Path:
    folder = tmp_path / "tg"
    write_json(folder / "ChatExport_2023-03-20" / "result.json", chat_object(messages, **_CHANNEL))
    return folder


def test_a_channels_follow_ups_of_one_train_count_it_once(tmp_path: Path, network) -> None:
    folder = _export(
        tmp_path,
        [
            Msg(100, _FIRST_SEEN, when=at(13, 20, 5)),
            Msg(101, _ARRIVED, when=at(14, 8, 10)),
            Msg(102, _FORWARDED, when=at(14, 9), forwarded_from="Białoruski Hajun"),
            Msg(105, _OTHER, when=at(14, 18)),
        ],
    )
    reports = load_reports(folder)
    assert len(reports.shipments) == 4
    result = track(reports, network)
    head = result.headline()
    assert (head["shipments"], head["cars_total"]) == (2, 85)
    linked = result.relays.set_index("id")
    assert sorted(linked.index) == ["tg-1754228908-100-t1", "tg-1754228908-102-t1"]
    assert set(linked["train"]) == {"tg-1754228908-101-t1"}
    # the forwarded post follows the train up; the first post saw it at Zhlobin, where
    # the arrival report says it came from (a sighting at its origin links as well)
    assert linked.loc["tg-1754228908-102-t1", "matched_on"] == "follow-up"
    assert linked.loc["tg-1754228908-100-t1", "matched_on"] in {"follow-up", "sighting-origin"}


@pytest.mark.parametrize(
    ("second", "when"),
    [
        ("Эшелон из Жлобина прибыл на станцию Гомель: 38 платформ, 2 пассажирских вагона.", 17),
        ("Эшелон из Жлобина прибыл на станцию Гомель: 30 платформ.", 14),
        ("Эшелон из Жлобина прибыл на станцию Брянск: 38 платформ, 2 пассажирских вагона.", 14),
    ],
    ids=["days-apart", "other-count", "other-end"],
)
def test_a_channels_posts_that_differ_stay_two_trains(
    tmp_path: Path, network, second: str, when: int
) -> None:
    folder = _export(
        tmp_path,
        [Msg(100, _FIRST_SEEN, when=at(13, 20, 5)), Msg(101, second, when=at(when, 8))],
    )
    ships = load_reports(folder).resolve(network).to_frame()
    assert len(ships) == 2
    assert relay_links(ships).empty


def test_follow_ups_are_sought_within_one_channel_only(tmp_path: Path, network) -> None:
    one = _export(tmp_path / "a", [Msg(100, _FIRST_SEEN, when=at(13, 20, 5))])
    other = tmp_path / "b" / "tg"
    write_json(
        other / "ChatExport_2023-03-20" / "result.json",
        chat_object([Msg(7, _ARRIVED, when=at(14, 8, 10))], name="Rail Watch", chat_id=42),
    )
    reports = load_reports(one)
    reports.extend(load_reports(other))
    ships = reports.resolve(network).to_frame()
    assert len(ships) == 2
    assert relay_links(ships).empty


def test_a_channels_follow_ups_count_once_from_the_store_too(tmp_path: Path, network) -> None:
    folder = _export(
        tmp_path,
        [
            Msg(100, _FIRST_SEEN, when=at(13, 20, 5)),
            Msg(101, _ARRIVED, when=at(14, 8, 10)),
            Msg(102, _FORWARDED, when=at(14, 9), forwarded_from="Białoruski Hajun"),
            Msg(105, _OTHER, when=at(14, 18)),
        ],
    )
    with Store(tmp_path / "s.sqlite") as store:
        store.ingest(load_reports(folder).resolve(network))
        stored = store.reports()
    head = track(stored, network).headline()
    assert (head["shipments"], head["cars_total"]) == (2, 85)

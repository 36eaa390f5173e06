"""One train told by a relay that dates nothing, a channel post and a hand log (trial20 T1).

Echelon No. 969 (Vyazma -> Polonka, 49 cars) was told by Radio Svoboda (no day of the
movement: "був відправлений", published 7 March), by Hajun ("прыбыў", posted 6 March)
and by the analyst's log (a row dated 07.03.2023, read as the departure): three trains.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from railtrack import load_network, load_reports
from railtrack.io import ReportSet
from railtrack.io.retractions import retraction_matches, sure_retracted
from railtrack.models import CarCounts, DateWindow, Place, Shipment, Source
from railtrack.pipeline import track
from railtrack.relays import relay_links

VYAZMA = Place(text="Вязьма", station_id="RU-VYAZMA", station="Vyazma")
POLONKA = Place(text="Полонка", station_id="BY-POLONKA", station="Polonka")
ORSHA = Place(text="Орша", station_id="BY-ORSHA", station="Orsha-Tsentralnaya")


def _day(text: str | None) -> DateWindow | None:
    if text is None:
        return None
    day = date.fromisoformat(text)
    return DateWindow(earliest=day, latest=day)


def _ship(
    sid: str,
    *,
    teller: str,
    published: str,
    dep: str | None = None,
    arr: str | None = None,
    cars: int | None = 49,
    origin: Place | None = VYAZMA,
    destination: Place | None = POLONKA,
    **extra: Any,
) -> Shipment:
    return Shipment(
        id=sid,
        report=sid.rsplit("-", 1)[0],
        origin=origin,
        destination=destination,
        departure=_day(dep),
        expected_arrival=_day(arr),
        cars=CarCounts(total=cars),
        source=Source(reporter=teller, published=date.fromisoformat(published)),
        **extra,
    )


def _links(*ships: Shipment) -> list[tuple[str, str, str]]:
    reports = ReportSet()
    for s in ships:
        reports.add(s)
    links = relay_links(reports.to_frame())
    return sorted(zip(links["id"], links["train"], links["matched_on"], strict=True))


def _undated(**kw: Any) -> Shipment:
    """The relay: both ends and a count, no day of the movement, published 7 March."""
    return _ship("svoboda-t2", teller="Svoboda", published="2023-03-07", **kw)


def _arrived(**kw: Any) -> Shipment:
    """The channel's post: arrived on 6 March."""
    return _ship("hajun-t1", teller="Hajun", published="2023-03-06", **{"arr": "2023-03-06", **kw})


def test_an_undated_relay_is_the_train_moving_on_its_report_day() -> None:
    assert _links(_arrived(), _undated()) == [("svoboda-t2", "hajun-t1", "published-day")]
    # the day before its report too (the relay's "yesterday" it left out)
    on_5 = _arrived(arr="2023-03-05")
    assert _links(on_5, _undated()) == [("svoboda-t2", "hajun-t1", "published-day")]


@pytest.mark.parametrize(
    ("told", "relay"),
    [
        ({"arr": "2023-02-27"}, {}),  # the dated train moved a week before the report
        ({"arr": "2023-03-10"}, {}),  # ... or days after it
        ({"cars": 36}, {}),  # another make-up
        ({"cars": None}, {}),  # a count told by one only: nothing tells them one
        ({}, {"cars": None}),
        ({"origin": ORSHA}, {}),  # another origin
        ({"origin": None}, {}),  # an origin untold: the ends are all the relay says
        ({}, {"origin": None}),
        ({"destination": ORSHA}, {}),  # another destination
        ({"claim": "planned", "arr": None, "dep": "2023-03-06"}, {}),  # a plan
    ],
)
def test_what_keeps_an_undated_relay_apart(told: dict[str, Any], relay: dict[str, Any]) -> None:
    assert _links(_arrived(**told), _undated(**relay)) == []


def test_an_undated_relay_fitting_two_trains_is_neither() -> None:
    other = _ship("sheet-t1", teller="Charter97", published="2023-03-07", dep="2023-03-07")
    late = _ship("hajun2-t1", teller="Hajun", published="2023-03-07", dep="2023-03-07")
    # the two dated ones are one train: the relay joins it
    assert [x[:2] for x in _links(_arrived(), _undated(), other)] == [
        ("sheet-t1", "hajun-t1"),
        ("svoboda-t2", "hajun-t1"),
    ]
    # one teller's two trains, a day apart: two trains, and the relay may be either
    assert _links(_arrived(), _undated(), late) == []


def test_two_undated_reports_are_not_linked_by_their_days_alone() -> None:
    twin = _ship("zerkalo-t1", teller="Zerkalo", published="2023-03-07")
    assert _links(_undated(), twin) == []


def test_a_departure_a_day_after_an_arrival_of_another_teller_is_one_train() -> None:
    """A log's row dated the day after the post that told the arrival (its calendar)."""
    logged = _ship("log-t1", teller="Svoboda", published="2023-03-07", dep="2023-03-07")
    assert _links(_arrived(), logged) == [("log-t1", "hajun-t1", "departure-arrival")]
    # two days after: no
    later = _ship("log-t1", teller="Svoboda", published="2023-03-08", dep="2023-03-08")
    assert _links(_arrived(), later) == []
    # one teller dates its own reports on one calendar: no slack
    own = _ship("hajun3-t1", teller="Hajun", published="2023-03-07", dep="2023-03-07")
    assert _links(_arrived(), own) == []


HAJUN = """{"name": "Беларускі Гаюн", "type": "public_channel", "id": 1549397001, "messages": [
 {"id": 102, "type": "message", "date": "2023-03-06T18:00:00", "date_unixtime": "1678125600",
  "text": "На станцыю Палонка прыбыў эшалон з 49 вагонаў, адпраўлены з Вязьмы."}]}"""

SVOBODA = """source: Спільнота залізничників Білорусі
relayed_by: Радіо Свобода
published: 2023-03-07

Ешелон №969 у складі 49 вагонів був відправлений зі станції Вязьма на станцію Полонка.
"""

LOG = """Дата;Откуда;Куда;Вагонов;Источник
07.03.2023;Вязьма;Полонка;49;Радио Свобода
"""


@pytest.fixture
def three_tellers(tmp_path: Path) -> Path:
    (tmp_path / "tg").mkdir()
    (tmp_path / "tg" / "result.json").write_text(HAJUN, encoding="utf-8")
    (tmp_path / "svoboda.txt").write_text(SVOBODA, encoding="utf-8")
    (tmp_path / "log.csv").write_text(LOG, encoding="utf-8")
    return tmp_path


def test_track_counts_a_post_its_undated_relay_and_a_log_row_once(three_tellers: Path) -> None:
    result = track(load_reports(three_tellers), load_network(), as_of="2023-03-20")
    head = result.headline()
    assert (head["shipments"], head["n_relays"], head["cars_total"]) == (1, 2, 49)
    assert sorted(result.relays["matched_on"]) == ["departure-arrival", "published-day"]


def test_track_keeps_a_relay_of_another_count_apart(three_tellers: Path) -> None:
    text = SVOBODA.replace("49 вагонів", "36 вагонів")
    (three_tellers / "svoboda.txt").write_text(text, encoding="utf-8")
    result = track(load_reports(three_tellers), load_network(), as_of="2023-03-20")
    assert result.relays["matched_on"].tolist() == ["departure-arrival"]
    assert (result.headline()["shipments"], result.headline()["cars_total"]) == (2, 85)


# the retraction (T1 follow-up): the post's undated "прыбыў" and the relay that dated
# nothing were "ambiguous, which one is not clear", and both stayed counted


def _denied(**kw: Any) -> Shipment:
    return _ship("retraction-t1", teller="Hajun", published="2023-03-08", origin=None, **kw)


def test_an_undated_told_arrival_fits_a_retraction_of_its_post_day() -> None:
    denied = _denied(arr="2023-03-06")
    post = _arrived(arr=None, arrival_told=True)
    assert [t.id for t in retraction_matches(denied, [post]).fits] == ["hajun-t1"]
    # told arriving, but posted three days after the day the retraction denies: no fit
    late = _ship("hajun-t1", teller="Hajun", published="2023-03-09", arrival_told=True)
    assert retraction_matches(denied, [late]).fits == []
    # a train told with no arrival at all still only "may be" it
    assert [t.id for t in retraction_matches(denied, [_arrived(arr=None)]).may_be] == ["hajun-t1"]


def test_a_relay_that_dates_nothing_is_struck_with_the_train_it_tells() -> None:
    denied = _denied(arr="2023-03-06")
    post = _arrived(arr=None, arrival_told=True)
    found = retraction_matches(denied, [post, _undated()])
    assert [t.id for t in found.fits] == ["hajun-t1", "svoboda-t2"]
    assert [t.id for t in sure_retracted(found)] == ["hajun-t1", "svoboda-t2"]


@pytest.mark.parametrize(
    "relay",
    [{"cars": 36}, {"cars": None}, {"origin": ORSHA}, {"origin": None}],
)
def test_an_undated_relay_of_another_train_is_not_struck(relay: dict[str, Any]) -> None:
    found = retraction_matches(
        _denied(arr="2023-03-06"), [_arrived(arr=None, arrival_told=True), _undated(**relay)]
    )
    assert [t.id for t in found.fits] == ["hajun-t1"]


RETRACTION = """source: Беларускі Гаюн
published: 2023-03-08

Опровержение: информация о прибытии эшелона из 49 вагонов на станцию Полонка 6 марта
не подтвердилась.
"""


def test_track_strikes_the_post_and_its_undated_relay(three_tellers: Path) -> None:
    (three_tellers / "log.csv").unlink()
    (three_tellers / "retraction.txt").write_text(RETRACTION, encoding="utf-8")
    result = track(load_reports(three_tellers), load_network(), as_of="2023-03-20")
    head = result.headline()
    assert (head["trains"], head["trains_not_counted"], head["cars_not_counted"]) == (0, 1, 49)
    assert (head["n_retracted"], head["n_relays"]) == (1, 1)


def test_an_undated_relay_between_regions_links_nothing() -> None:
    """Two trains "from Russia to Belarus" are never one by default, dated or not."""
    ends = {
        "origin": Place(text="Россия", region="Russia"),
        "destination": Place(text="Беларусь", region="Belarus"),
    }
    assert _links(_arrived(**ends), _undated(**ends)) == []

"""Trial 19b T4: a train told being loaded now has not left.

"На станции Осиповичи идёт погрузка эшелона. Состав отправится в сторону Бреста." was a
train moving on: loading goes on at its station on the report's day, so the train is
seen there, its origin, with no departure; the next sentence's destination stays its
destination (told as a plan), and a hand-log row of that station and day is the same
train (its sighting there links them). A sighting at the origin of a train with no
departure told is no word that it moved: its status stays ``planned``. The words are
each lexicon's ``loading_now``; a loading told as done ("загрузили") is not read here.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from railtrack.extract import extract_shipments
from railtrack.extract.unloading import loading_now_at
from railtrack.io import load_reports
from railtrack.network import RailNetwork, load_network
from railtrack.pipeline import track
from tests._report_files import write_report

# (being loaded now, the next sentence: where it will go, the origin, the destination)
LOADING = {
    "ru": (
        "На станции Осиповичи идёт погрузка эшелона, около 30 платформ.",
        "Состав отправится в сторону Бреста.",
        "Осиповичи",
        "Бреста",
    ),
    "uk": (
        "На станції Осиповичі вантажать техніку на 30 платформ.",
        "Ешелон вирушить у напрямку Бреста.",
        "Осиповичі",
        "Бреста",
    ),
    "be": (
        "На станцыі Асіповічы ідзе пагрузка эшалона, каля 30 платформаў.",
        "Састаў адправіцца ў бок Брэста.",
        "Асіповічы",
        "Брэста",
    ),
    "pl": (
        "Na stacji Osipowicze trwa załadunek eszelonu, około 30 platform.",
        "Skład odjedzie w kierunku Brześcia.",
        "Osipowicze",
        "Brześcia",
    ),
    "en": (
        "Military equipment is being loaded onto 30 flatcars at Asipovichy station.",
        "The train will leave towards Brest.",
        "Asipovichy",
        "Brest",
    ),
}
# negatives: a loading told as done, and a train that left, say nothing of today
NOT_NOW = {
    "ru": ["Эшелон загрузили в Осиповичах.", "Из Осиповичей отправился эшелон."],
    "uk": ["Ешелон завантажили в Осиповичах.", "З Осиповичів вирушив ешелон."],
    "be": ["Эшалон загрузілі ў Асіповічах.", "З Асіповічаў адправіўся эшалон."],
    "pl": ["Eszelon załadowano w Osipowiczach.", "Z Osipowicz odjechał eszelon."],
    "en": ["The train was loaded at Asipovichy.", "A train left Asipovichy."],
}


@pytest.mark.parametrize("lang", sorted(LOADING))
def test_a_train_being_loaded_is_seen_at_its_origin_and_has_not_left(lang: str) -> None:
    loading, onward, origin, destination = LOADING[lang]
    result = extract_shipments(
        f"{loading} {onward}", published="2024-03-04", lang=lang, network=False
    )
    (train,) = result.shipments
    assert train.origin is not None
    assert train.origin.text == origin
    assert train.destination is not None
    assert train.destination.text == destination
    assert train.departure is None
    assert train.claim == "planned"
    assert [(s.station.text, s.seen_at.date().isoformat()) for s in result.sightings] == [
        (origin, "2024-03-04")
    ]


@pytest.mark.parametrize("lang", sorted(NOT_NOW))
def test_loading_told_as_done_or_a_departure_is_no_loading_now(lang: str) -> None:
    for text in NOT_NOW[lang]:
        assert loading_now_at(text, lang) is None, text
    assert loading_now_at(LOADING[lang][0], lang) is not None


@pytest.fixture(scope="module")
def network() -> RailNetwork:
    """The embedded network."""
    return load_network()


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_a_log_row_links_to_the_train_loaded_there_which_stays_planned(
    lang: str, tmp_path: Path, network: RailNetwork
) -> None:
    loading, onward, _, _ = LOADING[lang]
    write_report(tmp_path, "post.txt", f"{loading} {onward}", "2024-03-04")
    (tmp_path / "log.csv").write_text(
        "date,station,cars,source\n2024-03-04,Осиповичи,30,Hajun\n", encoding="utf-8"
    )
    run = track(load_reports(tmp_path), network=network, as_of=pd.Timestamp("2024-03-06"))
    status = run.statuses.set_index("id")
    assert list(status.index) == ["post-t1"]  # the row is that train, not another
    assert status.loc["post-t1", "status"] == "planned"
    assert status.loc["post-t1", "last_seen_station"] == "Osipovichi-I"
    assert run.relays["matched_on"].tolist() == ["station"]


def test_a_log_row_seen_at_its_origin_dates_its_train(tmp_path: Path, network: RailNetwork) -> None:
    """A sighting at a train's origin is no sign it stands there unless it is only planned.

    review20 #1: the loading rule had made a hand-log row seen at its origin ``undated``.
    """
    (tmp_path / "log.csv").write_text(
        "seen_at,origin,destination,station,cars,source\n"
        "2024-03-02 10:00,Осиповичи,Брест,Осиповичи,30,Hajun\n",
        encoding="utf-8",
    )
    run = track(load_reports(tmp_path), network=network, as_of=pd.Timestamp("2024-03-10"))
    status = run.statuses
    assert status["status"].iloc[0] not in ("undated", "planned")
    assert status["last_seen_station"].iloc[0] == "Osipovichi-I"

"""Trial 19b T9c: a log row's sighting keeps the row's Admiralty grade.

A hand log with a reliability column ("date,station,cars,source,reliability" with
"C") gave the row's train grade C but the sighting made from the same row (a train
seen at the station that day) grade F, "cannot be judged": the sighting shares the
row's source, grade included. Headers in each language name the column.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from railtrack.io import load_reports

HEADERS = {
    "en": "date,station,cars,source,reliability",
    "ru": "дата,станция,вагонов,источник,надёжность",
    "uk": "дата,станція,вагонів,джерело,надійність",
    "be": "дата,станцыя,вагонаў,крыніца,надзейнасць",
    "pl": "data,stacja,wagony,źródło,wiarygodność źródła",
}


@pytest.mark.parametrize("lang", sorted(HEADERS))
def test_a_rows_sighting_keeps_its_grade(lang: str, tmp_path: Path) -> None:
    path = tmp_path / "log.csv"
    path.write_text(
        f"{HEADERS[lang]}\n2024-03-04,Жлобин,41,Hajun,C\n2024-03-05,Орша,30,Hajun,\n",
        encoding="utf-8",
    )
    reports = load_reports(path)
    trains = {s.id: s.source.reliability for s in reports.shipments}
    seen = {s.shipment: s.source.reliability for s in reports.sightings}
    assert sorted(trains.values()) == ["C", "F"]  # an empty cell: no grade given
    assert seen == trains

"""An arrival told only as "by" a day, and car totals from a partial breakdown (trial F84)."""

from __future__ import annotations

import pandas as pd

from railtrack import columns as C


def test_an_arrival_told_by_a_day_is_likely_arrived_at_every_later_as_of(tmp_path):
    from railtrack import load_network, load_reports
    from railtrack.tracking import track_status

    # the source saw it arrive "by" its publication day (no day given): a told arrival
    path = tmp_path / "post.jsonl"
    path.write_text(
        '{"id": "k", "origin": "Orsha", "destination": "Kalinkovichi", "claim": "sighted", '
        '"expected_arrival": {"latest": "2023-02-10"}, '
        '"source": {"reporter": "Test channel", "published": "2023-02-10"}}\n',
        encoding="utf-8",
    )
    reports = load_reports(path)
    for as_of in ("2023-02-10", "2023-03-01", "2023-08-01"):
        row = track_status(reports, load_network(), as_of=as_of).iloc[0]
        assert row[C.STATUS] == "likely arrived", as_of
        assert "arrival_as_reported" in row[C.FLAGS]
        assert row[C.P90] <= pd.Timestamp("2023-02-11")
        assert row[C.P10] < pd.Timestamp("2023-02-10")  # the day is not known: a span


def test_a_derived_total_is_a_lower_bound_in_the_headline(tmp_path):
    from railtrack import load_network, load_reports
    from railtrack.briefing_html import _cars, _headline
    from railtrack.pipeline import track

    path = tmp_path / "log.csv"
    path.write_text(
        "id,origin,destination,departure,published,source,wagons,passenger\n"
        "a,Orsha,Zhlobin,2023-02-01,2023-02-02,Test channel,40,\n"
        "b,Orsha,Zhlobin,2023-02-03,2023-02-04,Test channel,,3\n",
        encoding="utf-8",
    )
    result = track(load_reports(path), load_network(), as_of="2023-02-10")
    head = result.headline()
    assert head["cars_total"] == 43
    assert head["cars_total_lower_bound"] is True
    assert "at least 43 cars" in _headline(result, ("", ""), "10 Feb 2023")
    assert _cars(3, False, True) == "≥ 3"
    assert _cars(40, False, False) == "40"
    exact = tmp_path / "exact.csv"
    exact.write_text(
        "id,origin,destination,departure,published,source,wagons\n"
        "a,Orsha,Zhlobin,2023-02-01,2023-02-02,Test channel,40\n",
        encoding="utf-8",
    )
    assert track(load_reports(exact), load_network()).headline()["cars_total_lower_bound"] is False

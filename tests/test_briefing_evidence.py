"""The briefing lets a reader check each train against what its source said.

Each train row quotes the sentences its facts were read from, marks a count the
source gave as an estimate with "~", says the claim kind and credibility, names
border crossings as the estimates do, and says when the window is counted from the
report's date because no departure was reported.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from railtrack import extract_shipments, load_network, load_reports
from railtrack.briefing_html import briefing_context
from railtrack.extract.quotes import Quotes
from railtrack.models import QUOTE_MAX_CHARS
from railtrack.pipeline import track


def test_each_evidence_quotes_its_sentence_as_written() -> None:
    text = (
        "Hajun reports new trains. On 3 March an echelon of 40 flatcars left Slonim "
        "for Valuyki.\n\nThe second train had about 30 cars."
    )
    result = extract_shipments(text, published=date(2023, 3, 5), network=False)
    evidence = [e for s in result.shipments for e in s.evidence]
    assert evidence
    for e in evidence:
        assert e.quote is not None
        assert text[e.start : e.end] == e.text
        assert e.text in e.quote  # the words read sit inside the quoted sentence
        assert e.quote in " ".join(text.split())
    slonim = next(e for e in evidence if e.text == "Slonim")
    assert slonim.quote == "On 3 March an echelon of 40 flatcars left Slonim for Valuyki."


def test_lacinka_quotes_keep_the_text_as_written() -> None:
    text = "Echalon z 40 vahonaŭ prybyŭ na stanciju Asipovičy 3 sakavika."
    result = extract_shipments(text, published=date(2023, 3, 5), network=False)
    quotes = {e.quote for s in result.shipments for e in s.evidence}
    assert quotes == {text} or not result.shipments


def test_a_long_sentence_is_cut_around_the_words() -> None:
    filler = "слово " * 300
    text = f"{filler}эшелон из 40 вагонов {filler}"
    start = text.index("40 вагонов")
    q = Quotes(text).quote(start, start + len("40 вагонов"))
    assert "40 вагонов" in q
    assert q.startswith("… ")
    assert q.endswith(" …")
    assert len(q) <= QUOTE_MAX_CHARS + 4


def test_quotes_are_kept_out_of_a_stored_reports_identity() -> None:
    from railtrack.store import report_identity

    s = extract_shipments(
        "Yesterday a train with 40 flatcars left Slonim.", published=date(2023, 3, 5)
    ).shipments[0]
    bare = s.model_copy(
        update={"evidence": tuple(e.model_copy(update={"quote": None}) for e in s.evidence)}
    )
    assert report_identity(s) == report_identity(bare)


@pytest.fixture(scope="module")
def rows(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict]:
    folder: Path = tmp_path_factory.mktemp("ev")
    (folder / "about.txt").write_text(
        "source: Test channel\npublished: 2023-03-05\nreliability: C\n\n"
        "On 3 March a military echelon of about 40 flatcars left Slonim for Matveev Kurgan.\n",
        encoding="utf-8",
    )
    (folder / "sheet.csv").write_text(
        "id,origin,destination,departure,published,source,cars_total\n"
        "s1,Orsha,Polonka,2023-03-01,2023-03-02,Sheet,30\n",
        encoding="utf-8",
    )
    result = track(load_reports(folder), load_network(), as_of="2023-03-06")
    return {r["id"]: r for r in briefing_context(result, {})["trains"]}


def test_a_train_read_from_text_shows_its_sentence_and_estimated_count(rows: dict) -> None:
    row = next(r for r in rows.values() if r["id"].startswith("about"))
    assert row["cars"] == "~40"
    assert row["claim_kind"] == "sighted"
    assert row["credibility"]
    (q,) = row["quotes"]
    assert "about 40 flatcars left Slonim" in q["quote"]
    assert "flat cars" in q["facts"]
    assert "from" in q["facts"]


def test_a_row_from_a_table_has_no_quote_and_a_plain_count(rows: dict) -> None:
    assert rows["s1"]["cars"] == "30"
    assert rows["s1"]["quotes"] == []


def test_crossings_are_named_as_the_estimates_name_them(rows: dict) -> None:
    for r in rows.values():
        assert "track near" not in r["route"]
    row = next(r for r in rows.values() if r["id"].startswith("about"))
    assert "border" in row["route"] or "–" in row["route"]


def test_the_page_shows_quotes_and_explains_the_marks(tmp_path: Path) -> None:
    from railtrack.briefing_html import render_briefing

    text = "On 3 March a military echelon of about 40 flatcars left Slonim for Matveev Kurgan."
    path = tmp_path / "r.txt"
    path.write_text(f"source: Test channel\npublished: 2023-03-05\n\n{text}\n", encoding="utf-8")
    result = track(load_reports(path), load_network(), as_of="2023-03-06")
    html = render_briefing(result, {})
    assert "what the source said" in html
    assert "about 40 flatcars left Slonim" in html
    assert ">~40<" in html
    assert "sighted" in html


def test_the_timeline_draws_recent_trains_by_their_network_names(tmp_path: Path) -> None:
    from railtrack import columns as C
    from railtrack.briefing import TIMELINE_DAYS, timeline_rows
    from railtrack.plot import _row_label

    path = tmp_path / "log.csv"
    path.write_text(
        "id,origin,destination,departure,published,source\n"
        "old,Orsha,Polonka,2015-03-01,2015-03-02,Sheet\n"
        "new,Białorusi,Polonka,2023-03-01,2023-03-02,Sheet\n",
        encoding="utf-8",
    )
    result = track(load_reports(path), load_network(), as_of="2023-03-06")
    shown = timeline_rows(result.estimates, result.as_of)
    assert shown[C.ID].tolist() == ["new"]  # 2015 lies more than TIMELINE_DAYS back
    assert (result.as_of - pd.Timestamp("2015-03-01")).days > TIMELINE_DAYS
    row = result.shipments.set_index(C.ID).loc["new"]
    label = _row_label({**shown.iloc[0].to_dict(), C.ORIGIN_REGION: row[C.ORIGIN_REGION]})
    assert label.startswith(f"{row[C.ORIGIN_REGION]} →")
    assert "Białorusi" not in label


def test_the_headline_never_lets_known_origins_stand_for_all(tmp_path: Path) -> None:
    from railtrack.briefing_html import briefing_context

    path = tmp_path / "mixed.csv"
    path.write_text(
        "id,origin,destination,departure,published,source\n"
        "by,Orsha,Polonka,2023-03-01,2023-03-02,Sheet\n"
        "cn1,Xi'an,Polonka,2023-03-01,2023-03-02,Sheet\n"
        "cn2,,Polonka,2023-03-01,2023-03-02,Sheet\n",
        encoding="utf-8",
    )
    result = track(load_reports(path), load_network(), as_of="2023-03-06")
    headline = briefing_context(result, {})["headline"]
    assert "from Orsha" in headline  # one origin is named as the report names it
    assert "(1 of the 3;" in headline
    assert "off the network or not given" in headline


def test_no_input_problem_is_not_read_as_no_problem(tmp_path: Path) -> None:
    """Trial F57: "Problems: None" beside a command line that counted 4 unrouted trains."""
    from railtrack.briefing_html import render_briefing

    path = tmp_path / "r.csv"
    path.write_text(
        "id,origin,destination,departure,published,source\n"
        "u,,Polonka,2023-03-01,2023-03-02,Sheet\n",
        encoding="utf-8",
    )
    html = render_briefing(track(load_reports(path), load_network(), as_of="2023-03-06"), {})
    assert "None: every file and record was read (the 1 train not routed" in html

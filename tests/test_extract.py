from datetime import date
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from railtrack.extract import extract_shipments
from railtrack.extract.result import cars_dict
from railtrack.models import Shipment, Source

CORPUS = Path(__file__).parent / "data" / "extraction"
SEED = (
    "Belarusian Hajun reports that two more military echelons have left Belarus for Russia. "
    "One military shipment headed for the Matveyev-Kurhan station in the Rostov region; the "
    "second transport left on March 1 for the Nieklinovka station and is likely to reach "
    "Donbas shortly after March 8. In both trains, there are a total of 86 cars, with only "
    "two passenger cars."
)
CAR_FIELDS = ("total", "passenger", "covered", "flat", "tank", "other")


def make_report(*, cars="51 cars", left="on March 1", origin="Slonim", dest="Rossosh"):
    return f"A military echelon with {cars} left {origin} {left} for {dest}."


def test_seed_text_only():
    result = extract_shipments(SEED, published=date(2023, 3, 3), network=False)
    first, second = result.shipments
    assert (first.origin.text, first.destination.text) == ("Belarus", "Matveyev-Kurhan")
    assert first.departure is None
    assert first.expected_arrival is None
    assert (second.destination.text, second.departure.earliest) == ("Nieklinovka", date(2023, 3, 1))
    assert (second.expected_arrival.earliest, second.expected_arrival.latest) == (
        date(2023, 3, 8),
        None,
    )
    (group,) = result.groups
    assert (group.n_trains, group.cars.total, group.cars.passenger) == (2, 86, 2)
    # no per-train count is invented
    assert first.cars.is_empty
    assert second.cars.is_empty
    assert first.group == second.group == group.id
    assert (first.claim, second.claim) == ("sighted", "expected")


def test_seed_resolves_through_the_embedded_network():
    result = extract_shipments(SEED, published=date(2023, 3, 3), source="Polskie Nowiny")
    first, second = result.shipments
    assert first.destination.station == "Matveev Kurgan"
    assert second.destination.station == "Neklinovka"
    assert first.origin.region == "Belarus"
    # "Belarusian Hajun reports that ...": the monitoring group told it, the paper relays
    # it (trial18 T8; "X reported" credits X as "according to X" does)
    assert first.source.reporter == "Belarusian Hajun"
    assert first.source.relayed_by == "Polskie Nowiny"
    assert first.source.published == date(2023, 3, 3)


def test_to_dict_has_the_issue_shape():
    data = extract_shipments(SEED, published=date(2023, 3, 3), report_id="seed").to_dict()
    assert set(data) == {"lang", "shipments", "groups", "sightings", "tallies"}
    assert data["lang"] == "en"
    s = data["shipments"][1]
    assert s["id"] == "seed-t2"
    assert s["lang"] == "en"
    assert s["group"] == "seed-g1"
    assert s["destination"]["text"] == "Nieklinovka"
    assert s["destination"]["station"] == "Neklinovka"
    assert s["departure"] == {
        "earliest": "2023-03-01",
        "latest": "2023-03-01",
        "precision": "day",
        "text": "March 1",
    }
    assert s["expected_arrival"]["earliest"] == "2023-03-08"
    assert s["expected_arrival"]["latest"] is None
    assert set(s["cars"]) == set(CAR_FIELDS)
    assert all(v is None for v in s["cars"].values())
    assert data["groups"][0]["id"] == "seed-g1"
    assert data["groups"][0]["cars"]["total"] == 86


def test_evidence_spans_point_into_the_text():
    result = extract_shipments(SEED, published=date(2023, 3, 3), network=False)
    evidence = [e for s in result.shipments for e in s.evidence] + list(result.groups[0].evidence)
    assert {e.field for e in evidence} >= {
        "origin",
        "destination",
        "departure",
        "expected_arrival",
        "cars.total",
    }
    for e in evidence:
        assert SEED[e.start : e.end] == e.text
        assert 0 < e.confidence <= 1


def test_ids_are_deterministic():
    a = extract_shipments(SEED, published=date(2023, 3, 3), network=False)
    b = extract_shipments(SEED, published=date(2023, 3, 3), network=False)
    assert [s.id for s in a.shipments] == [s.id for s in b.shipments]
    assert a.shipments[0].id.endswith("-t1")


def test_unresolved_names_are_kept_and_flagged():
    result = extract_shipments(make_report(dest="Xqzvillegrad"), published=date(2023, 3, 3))
    dest = result.shipments[0].destination
    assert dest.text == "Xqzvillegrad"
    assert dest.unresolved
    assert dest.station_id is None
    assert any("Xqzvillegrad" in p for p in result.problems)
    assert result.unresolved == [p for p in result.problems if "Xqzvillegrad" in p]


def test_relative_date_without_published_is_a_problem_not_a_guess():
    result = extract_shipments(make_report(left="yesterday"), network=False)
    assert result.shipments[0].departure is None
    assert any("yesterday" in p for p in result.problems)


def test_source_object_gives_the_published_date():
    source = Source(reporter="Hajun", published=date(2023, 1, 19))
    result = extract_shipments(make_report(left="on Tuesday"), source=source, network=False)
    assert result.shipments[0].departure.earliest == date(2023, 1, 17)


@pytest.mark.parametrize(
    "text",
    [
        "Russian forces launched 23 attacks near Bakhmut on Saturday.",
        "Partisans set fire to a relay cabinet near Asipovichy; trains to Minsk were delayed.",
        "Belarusian Railway carried 11.2 million tonnes of freight in January.",
        "A freight train derailed in the Bryansk region after an explosion.",
        "",
    ],
)
def test_no_shipment_in_other_news(text):
    result = extract_shipments(text, published=date(2023, 3, 3), network=False)
    assert result.shipments == []
    assert result.groups == []


def test_announced_trains_share_group_facts_but_not_counts():
    text = "Two echelons with 90 cars in total departed from Osipovichi for Russia yesterday."
    result = extract_shipments(text, published=date(2023, 1, 30), network=False)
    assert len(result.shipments) == 2
    assert {s.origin.text for s in result.shipments} == {"Osipovichi"}
    assert all(s.cars.is_empty for s in result.shipments)
    assert result.groups[0].cars.total == 90


def test_each_counts_go_to_every_train():
    text = "Three trains left Gomel for Bryansk on March 1. Each had 40 wagons."
    result = extract_shipments(text, published=date(2023, 3, 3), network=False)
    assert [s.cars.total for s in result.shipments] == [40, 40, 40]
    assert result.groups[0].cars.is_empty


def test_inconsistent_counts_drop_the_total_with_a_problem():
    text = "A military train of 10 cars left Gomel with 30 flatcars and 5 passenger cars."
    result = extract_shipments(text, published=date(2023, 3, 3), network=False)
    cars = result.shipments[0].cars
    assert (cars.total, cars.flat, cars.passenger, cars.total_derived) == (35, 30, 5, True)
    assert any("more than the total" in p for p in result.problems)


def _corpus():
    return sorted(CORPUS.glob("*.yaml"))


def _window(w):
    if w is None:
        return None
    return (w.get("earliest"), w.get("latest"), w.get("precision"))


def _got_window(w):
    return None if w is None else (w.earliest, w.latest, w.precision)


@pytest.mark.parametrize("path", _corpus(), ids=lambda p: p.stem)
def test_development_corpus(path):
    snippet = yaml.safe_load(path.read_text(encoding="utf-8"))
    result = extract_shipments(snippet["text"], published=snippet["published"], network=False)
    expected = snippet["expected"]
    assert len(result.shipments) == len(expected["shipments"])
    labels = {}
    for got, exp in zip(result.shipments, expected["shipments"], strict=True):
        for role in ("origin", "destination"):
            want = (exp.get(role) or {}).get("text")
            have = getattr(got, role).text if getattr(got, role) else None
            assert have == want, role
        assert _got_window(got.departure) == _window(exp.get("departure"))
        assert _got_window(got.expected_arrival) == _window(exp.get("expected_arrival"))
        cars = cars_dict(got.cars)
        for car in CAR_FIELDS:
            assert cars[car] == (exp.get("cars") or {}).get(car), car
        assert got.claim == exp.get("claim", "sighted")
        if exp.get("group") is None:
            assert got.group is None
        else:
            assert labels.setdefault(exp["group"], got.group) == got.group
    assert len(result.groups) == len(expected.get("groups") or [])
    for got, exp in zip(result.groups, expected.get("groups") or [], strict=True):
        assert got.n_trains == exp.get("n_trains")
        for car in CAR_FIELDS:
            assert getattr(got.cars, car) == (exp.get("cars") or {}).get(car), car


def test_corpus_is_big_enough_and_has_negatives():
    snippets = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in _corpus()]
    assert len(snippets) >= 30
    assert sum(1 for s in snippets if not s["expected"]["shipments"]) >= 5
    assert all(s.get("published") and s.get("source") for s in snippets)


@settings(max_examples=60, deadline=None)
@given(
    n_cars=st.integers(0, 120),
    n_flat=st.integers(0, 120),
    words=st.sampled_from(["cars", "wagons"]),
    day=st.integers(1, 28),
)
def test_per_train_parts_never_exceed_total(n_cars, n_flat, words, day):
    text = (
        f"A military train with {n_cars} {words} left Gomel on February {day}, "
        f"incl. {n_flat} platforms."
    )
    result = extract_shipments(text, published=date(2023, 3, 3), network=False)
    (shipment,) = result.shipments
    cars = shipment.cars
    assert cars.total is not None
    assert cars.typed_sum <= cars.total
    assert shipment.departure.earliest == date(2023, 2, day)


def test_a_weak_one_is_a_train_only_inside_a_group():
    text = "Two echelons were seen: one at Orsha heading to Unecha, the other at Gomel."
    result = extract_shipments(text, published=date(2023, 3, 7), network=False)
    assert [s.destination.text if s.destination else None for s in result.shipments] == [
        "Unecha",
        None,
    ]
    # (echelons named only in the plural are no shipment: the weak "one" is tested on one)
    alone = extract_shipments("One at a time, the echelon left Brest.", network=False)
    assert len(alone.shipments) == 1
    assert alone.groups == []


def test_a_count_before_the_noun_is_not_read_as_two_numbers():
    text = "On March 6 two echelons left Orsha."
    result = extract_shipments(text, published=date(2023, 3, 7), network=False)
    assert result.groups[0].n_trains == 2


def test_cars_moved_without_a_train_noun_are_a_train():
    text = "Russia transferred 40 wagons of equipment from Kursk to Belarus on March 2."
    (shipment,) = extract_shipments(text, published=date(2023, 3, 7), network=False).shipments
    assert (shipment.origin.text, shipment.destination.text) == ("Kursk", "Belarus")
    assert shipment.cars.total == 40


def test_numbered_trains_are_different_trains():
    text = (
        "Train No. 967 from Bekasovo arrived in Osipovichi on March 7. "
        "Train No. 969 from Vyazma, with 49 wagons, is heading to Polonka."
    )
    result = extract_shipments(text, published=date(2023, 3, 8), network=False)
    assert [s.origin.text for s in result.shipments] == ["Bekasovo", "Vyazma"]
    assert [s.cars.total for s in result.shipments] == [None, 49]


def test_road_convoys_are_not_trains():
    text = "A convoy of 40 trucks left Gomel for Mozyr. A column of tanks drove to Brest."
    assert extract_shipments(text, published=date(2023, 3, 8), network=False).shipments == []


def test_large_announcements_keep_their_count_but_make_few_trains():
    text = "Last week, 40 echelons left Belarus for Russia."
    result = extract_shipments(text, published=date(2023, 3, 8), network=False)
    (group,) = result.groups
    assert group.n_trains == 40
    assert len(result.shipments) == 20  # Settings.extract_max_group_trains
    assert {s.group for s in result.shipments} == {group.id}


def test_a_series_of_counts_goes_one_per_train():
    text = "Three echelons of 30, 35 and 41 wagons arrived in Luninets on March 2."
    result = extract_shipments(text, published=date(2023, 3, 3), network=False)
    assert [s.cars.total for s in result.shipments] == [30, 35, 41]
    assert result.groups[0].cars.is_empty


def test_reports_read_in_one_load_share_equal_models():
    from railtrack._intern import interning

    texts = [make_report(), make_report(dest="Rossosh", left="on March 1")]

    def read() -> list[Shipment]:
        return [
            extract_shipments(t, published=date(2023, 3, 3), report_id=f"r{i}").shipments[0]
            for i, t in enumerate(texts)
        ]

    alone = read()
    assert alone[0].origin is not alone[1].origin  # outside a load: nothing shared
    with interning():
        shared = read()
    a, b = shared
    assert a.origin is b.origin
    assert a.destination is b.destination
    assert a.departure is b.departure
    assert a.cars is b.cars
    assert a.source is b.source
    assert shared == alone


def test_evidence_field_sets_are_shared_but_never_changed_by_a_copy():
    result = extract_shipments(make_report(), published=date(2023, 3, 3), network=False)
    first, second = result.shipments[0].evidence[:2]
    assert first.model_fields_set == {"field", "text", "start", "end", "confidence", "quote"}
    assert first.model_fields_set is second.model_fields_set
    copy = first.model_copy(update={"confidence": 0.5})
    assert copy.confidence == 0.5
    assert second.model_fields_set == {"field", "text", "start", "end", "confidence", "quote"}

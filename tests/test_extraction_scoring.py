"""The extraction benchmark's scorer pairs read trains with labelled ones fairly.

A reader that splits one train in two, or misses the first of several, must not
have every later train scored against the wrong label (``pair_shipments``).
"""

from __future__ import annotations

import importlib.util
from collections import Counter
from pathlib import Path

_PATH = Path(__file__).resolve().parents[1] / "benchmarks" / "extraction.py"
_SPEC = importlib.util.spec_from_file_location("_extraction_benchmark", _PATH)
assert _SPEC is not None
assert _SPEC.loader is not None
bench = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(bench)


def _ship(origin: str, dest: str, group: str | None = None) -> dict:
    return {"origin": {"text": origin}, "destination": {"text": dest}, "group": group}


def test_a_spurious_first_train_does_not_shift_the_rest() -> None:
    expected = {"shipments": [_ship("Slonim", "Rossosh"), _ship("Orsha", "Valuyki")]}
    got = {"shipments": [_ship("Minsk", "Brest"), *expected["shipments"]], "groups": []}
    counts: Counter = Counter()
    bench.score_snippet(expected, got, counts, use_station=False)
    assert (counts["origin", "tp"], counts["destination", "tp"]) == (2, 2)
    assert counts["shipment", "fp"] == 1
    assert counts["origin", "fp"] == 1


def test_a_missed_first_train_costs_only_its_own_fields() -> None:
    pairs = bench.pair_shipments(
        [_ship("A", "B"), _ship("C", "D"), _ship("E", "F")],
        [_ship("C", "D"), _ship("E", "F")],
        use_station=False,
    )
    assert pairs == [(0, None), (1, 0), (2, 1)]


def test_ties_keep_text_order() -> None:
    pairs = bench.pair_shipments(
        [_ship("A", "B"), _ship("A", "B")], [_ship("A", "B"), _ship("A", "B")], use_station=False
    )
    assert pairs == [(0, 0), (1, 1)]


def test_group_membership_is_compared_through_the_pairing() -> None:
    expected = {
        "shipments": [_ship("A", "B", "g1"), _ship("C", "D", "g1")],
        "groups": [{"id": "g1", "n_trains": 2}],
    }
    got = {
        "shipments": [_ship("X", "Y"), _ship("A", "B", "g0"), _ship("C", "D", "g0")],
        "groups": [{"n_trains": 2}],
    }
    counts: Counter = Counter()
    bench.score_snippet(expected, got, counts, use_station=False)
    assert counts["group", "tp"] == 2
    assert counts["group.n_trains", "tp"] == 1
    assert counts["group", "fn"] == 0

"""Report model validation: valid and invalid tables kept apart."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from railtrack.models import CarCounts, DateWindow, Place, Shipment, ShipmentGroup, Source

HAJUN = Source(reporter="Belarusian Hajun", relayed_by="Charter97", published=date(2023, 2, 26))


def make_shipment(**overrides: object) -> Shipment:
    data: dict[str, object] = {"id": "t1", "source": HAJUN, "origin": Place(text="Slonim")}
    data.update(overrides)
    return Shipment.model_validate(data)


VALID_CARS = [
    ({"total": 86, "passenger": 2}, 86, False),
    ({"passenger": 5, "covered": 3, "flat": 43}, 51, True),
    ({"total": 51, "passenger": 5, "covered": 3, "flat": 43}, 51, False),
    ({}, None, False),
    ({"total": 0}, 0, False),
]

INVALID_CARS = [
    ({"total": -1}, "greater than or equal to 0"),
    ({"passenger": -2}, "greater than or equal to 0"),
    ({"total": 10, "passenger": 8, "flat": 5}, "add up to 13, more than the total 10"),
    ({"total": "eighty six"}, "valid integer"),
    ({"total": 10, "wheels": 4}, "Extra inputs"),
]


@pytest.mark.parametrize(("data", "total", "derived"), VALID_CARS)
def test_valid_car_counts(data: dict[str, object], total: int | None, derived: bool) -> None:
    cars = CarCounts.model_validate(data)
    assert cars.total == total
    assert cars.total_derived is derived


@pytest.mark.parametrize(("data", "message"), INVALID_CARS)
def test_invalid_car_counts(data: dict[str, object], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        CarCounts.model_validate(data)


def test_date_window_precision_and_open_ends() -> None:
    left = DateWindow.day(date(2023, 3, 1))
    assert (left.earliest, left.latest, left.precision) == (
        date(2023, 3, 1),
        date(2023, 3, 1),
        "day",
    )
    after = DateWindow(earliest=date(2023, 3, 8), precision="days")
    assert after.is_open
    assert after.latest is None
    early_march = DateWindow(earliest=date(2023, 3, 1), latest=date(2023, 3, 10), precision="days")
    assert early_march.width_days == 9


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "at least one of earliest and latest"),
        ({"earliest": "2023-03-09", "latest": "2023-03-01"}, "after latest"),
        ({"earliest": "2023-03-01", "precision": "fortnight"}, "precision"),
        ({"earliest": "early March"}, "valid date"),
    ],
)
def test_invalid_date_windows(data: dict[str, object], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        DateWindow.model_validate(data)


def test_source_grades() -> None:
    assert Source(reporter="x").reliability == "F"
    assert Source(reporter="x", reliability="c").reliability == "C"
    with pytest.raises(ValidationError, match="reliability"):
        Source(reporter="x", reliability="G")
    with pytest.raises(ValidationError, match="reporter"):
        Source(reporter="")


def test_shipment_is_frozen_and_strict() -> None:
    shipment = make_shipment(credibility=3, claim="planned")
    assert shipment.credibility == 3
    with pytest.raises(ValidationError):
        shipment.id = "t2"  # type: ignore[misc]
    with pytest.raises(ValidationError, match="credibility"):
        make_shipment(credibility=7)
    with pytest.raises(ValidationError, match="claim"):
        make_shipment(claim="rumoured")
    with pytest.raises(ValidationError, match="Extra inputs"):
        make_shipment(colour="red")


def test_group_keeps_totals_once() -> None:
    group = ShipmentGroup(id="g1", n_trains=2, cars=CarCounts(total=86, passenger=2), source=HAJUN)
    trains = [make_shipment(id=f"t{i}", group="g1") for i in (1, 2)]
    assert all(t.cars.total is None for t in trains)
    assert group.cars.total == 86


@given(
    st.lists(st.one_of(st.none(), st.integers(min_value=0, max_value=200)), min_size=5, max_size=5),
    st.one_of(st.none(), st.integers(min_value=0, max_value=400)),
)
def test_typed_parts_never_exceed_total(parts: list[int | None], total: int | None) -> None:
    data = dict(zip(("passenger", "covered", "flat", "tank", "other"), parts, strict=True))
    try:
        cars = CarCounts(total=total, **data)
    except ValidationError:
        assert total is not None
        assert sum(p or 0 for p in parts) > total
        return
    assert cars.total is None or cars.typed_sum <= cars.total


@given(
    st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 10, 31)),
    st.integers(min_value=0, max_value=60),
)
def test_window_earliest_not_after_latest(start: date, days: int) -> None:
    from datetime import timedelta

    window = DateWindow(earliest=start, latest=start + timedelta(days=days), precision="days")
    assert window.earliest is not None
    assert window.latest is not None
    assert window.earliest <= window.latest


def test_total_derived_from_text_parts_as_from_numbers() -> None:
    # CSV cells arrive as strings: the derived total must not depend on that
    assert CarCounts.model_validate({"flat": "26"}).total == 26
    assert CarCounts.model_validate({"flat": "26"}) == CarCounts.model_validate({"flat": 26})

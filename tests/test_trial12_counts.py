"""Car counts with times, ranges, bounds and pieces (issue 13, trial11 T12, T13, T17, T21).

Each finding stands for a kind, tested in every language it concerns with short inputs
written here:

T12. A time of day right before a count ("около 05:40. 38 платформ", "а 05:40: 38
     платформаў", "18:30, 42 вагона") hid the count: a number after a time, a stop or a
     comma is a count unless written together with it ("2,5", "10:40").
T13. A range ("30-35 платформ", "od 30 do 40 wagonów", "30-35 flatcars", "40+ вагонов")
     gave no count. It is a count with both bounds: ``total`` its low end,
     ``at_least`` and ``at_most`` set and ``total_max`` its high end, in text and in
     table cells ("30-40").
T21. An upper bound ("не более 50", "no more than 50", "do 50" in a cell) keeps its
     bound in ``total_max``; summaries never add it as if exact: a total adds a
     range's low end and nothing for an upper bound alone, and says so
     (``cars_at_most``, ``cars_total_max``).
T17. A count in pieces after its car noun ("цистерны с топливом (8 шт.)", "(8 szt.)",
     "(8 pcs)") counts those cars.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd
import pytest

from railtrack import columns as C
from railtrack.io import load_reports
from railtrack.io.cells import read_count
from railtrack.models import CarCounts
from railtrack.summary import cars_phrase, count_bounds, summarize, total_figures
from tests._extract_helpers import read

PUB = date(2023, 3, 17)


def cars_of(text: str, lang: str | None = None) -> list[dict[str, Any]]:
    """Return each shipment's cars as ``extract --json`` gives them, with the flags."""
    out = read(text, published=PUB, lang=lang).to_dict()
    return [
        {
            **{k: v for k, v in s["cars"].items() if v is not None},
            **{k[5:]: s[k] for k in ("cars_at_least", "cars_at_most", "cars_estimated") if s[k]},
            **({"max": s["cars_total_max"]} if s["cars_total_max"] is not None else {}),
        }
        for s in out["shipments"]
    ]


# -- T12. a time of day before a count -------------------------------------------------

_TIME_THEN_COUNT = [
    (
        "ru",
        "Эшелон из России прибыл на станцию Осиповичи 16 марта около 05:40. 38 платформ, "
        "2 пассажирских вагона.",
    ),
    (
        "ru",
        "Эшелон из России прибыл на станцию Осиповичи 16.03 в 05:40. 38 платформ, "
        "2 пассажирских вагона.",
    ),
    (
        "be",
        "Эшалон з Расіі прыбыў на станцыю Асіповічы 16.03 а 05:40: 38 платформаў, "
        "2 пасажырскія вагоны.",
    ),
    (
        "be",
        "🚂 Эшалон з Расіі прыбыў на станцыю Асіповічы 16.03 а 05:40. 38 платформаў, "
        "2 пасажырскія вагоны.",
    ),
    (
        "uk",
        "Ешелон з Росії прибув на станцію Осиповичі 16 березня близько 05:40. 38 платформ, "
        "2 пасажирські вагони.",
    ),
    (
        "pl",
        "Skład z Rosji przyjechał na stację Osipowicze 16 marca ok. 05:40. 38 platform, "
        "2 wagony pasażerskie.",
    ),
    (
        "en",
        "At 05:40 on March 16 an echelon from Russia arrived at Asipovichy: 38 flatcars, "
        "2 passenger cars.",
    ),
]


@pytest.mark.parametrize(("lang", "text"), _TIME_THEN_COUNT)
def test_a_time_before_the_count_keeps_the_count(lang: str, text: str) -> None:
    (cars,) = cars_of(text, lang)
    assert (cars.get("flat"), cars.get("passenger")) == (38, 2)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "ru",
            "Эшелон на станции Орша 14 марта около 18:30, 42 вагона, движется в сторону Смоленска.",
        ),
        (
            "be",
            "Эшалон на станцыі Орша 14 сакавіка каля 18:30, 42 вагоны, рухаецца ў бок Смаленска.",
        ),
        (
            "en",
            "An echelon was at Orsha station on March 14 around 18:30, 42 cars, going to Smolensk.",
        ),
    ],
)
def test_a_time_and_a_comma_before_the_count_keep_the_count(lang: str, text: str) -> None:
    (cars,) = cars_of(text, lang)
    assert cars.get("total") == 42


def test_numbers_written_together_are_still_no_count() -> None:
    from railtrack.extract.lexread import LexiconReader

    ru = LexiconReader("ru")
    assert ru.find_car_counts("в 10:40 вагонов не было") == []
    assert ru.find_car_counts("2,5 вагона") == []
    assert [c.value for c in ru.find_car_counts("в 10:40. 38 вагонов")] == [38]


# -- T13. ranges are counts with both bounds --------------------------------------------

_RANGES = [
    ("ru", "15 марта из Осиповичей в Брянск ушёл эшелон из 30-35 платформ.", "flat", 30, 35),
    ("ru", "15 марта из Осиповичей в Брянск ушёл эшелон из 30–35 платформ.", "flat", 30, 35),
    ("ru", "15 марта из Осиповичей в Брянск ушёл эшелон, от 30 до 40 вагонов.", "total", 30, 40),
    ("ru", "15 марта из Осиповичей в Брянск ушёл эшелон между 30 и 40 вагонами.", "total", 30, 40),
    ("ru", "15 марта из Орши ушёл эшелон из тридцати - сорока вагонов.", "total", 30, 40),
    (
        "uk",
        "15 березня з Осиповичів до Брянська вирушив ешелон, від 30 до 40 вагонів.",
        "total",
        30,
        40,
    ),
    ("uk", "15 березня з Осиповичів до Брянська вирушив ешелон з 30-35 платформ.", "flat", 30, 35),
    (
        "be",
        "15 сакавіка з Асіповічаў у Брянск адправіўся эшалон, ад 30 да 40 вагонаў.",
        "total",
        30,
        40,
    ),
    (
        "be",
        "15 сакавіка з Асіповічаў у Брянск адправіўся эшалон з 30-35 платформаў.",
        "flat",
        30,
        35,
    ),
    (
        "pl",
        "15 marca z Osipowicz do Briańska odjechał pociąg liczący od 30 do 40 wagonów.",
        "total",
        30,
        40,
    ),
    (
        "pl",
        "15 marca z Osipowicz do Briańska odjechał pociąg z 30 – 35 platformami.",
        "flat",
        30,
        35,
    ),
    ("en", "On March 15 a train of 30-35 flatcars left Asipovichy for Bryansk.", "flat", 30, 35),
    ("en", "On March 15 a train of between thirty and forty wagons left Orsha.", "total", 30, 40),
    ("en", "On March 15 a train of 30 to 40 cars left Orsha for Smolensk.", "total", 30, 40),
]


@pytest.mark.parametrize(("lang", "text", "kind", "low", "high"), _RANGES)
def test_a_range_is_a_count_with_both_bounds(
    lang: str, text: str, kind: str, low: int, high: int
) -> None:
    (cars,) = cars_of(text, lang)
    assert cars.get(kind) == low
    assert (cars.get("at_least"), cars.get("at_most"), cars.get("max")) == (True, True, high)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "15 марта из Осиповичей в Брянск ушёл эшелон в составе около 40-45 вагонов."),
        ("en", "On March 15 a train of about 40-45 cars left Asipovichy for Bryansk."),
    ],
)
def test_an_estimated_range_is_estimated(lang: str, text: str) -> None:
    (cars,) = cars_of(text, lang)
    assert (cars.get("total"), cars.get("max"), cars.get("estimated")) == (40, 45, True)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "15 марта из Осиповичей в Брянск ушёл эшелон, 40+ вагонов."),
        ("pl", "15 marca z Osipowicz do Briańska odjechał pociąg, 40+ wagonów."),
        ("en", "On March 15 a train of 40+ cars left Asipovichy for Bryansk."),
    ],
)
def test_a_plus_after_the_count_is_a_lower_bound(lang: str, text: str) -> None:
    (cars,) = cars_of(text, lang)
    assert (cars.get("total"), cars.get("at_least"), cars.get("max")) == (40, True, None)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "Эшелон с 10 по 15 марта стоял в Орше."),  # days, not cars
        ("pl", "Po załadunku grupy 6-10 wagonów są wysyłane do Mińska."),  # a group's size
        ("en", "After loading, groups of 6-10 cars are sent to Minsk."),
    ],
)
def test_no_range_of_cars_where_none_is_given(lang: str, text: str) -> None:
    assert all("max" not in cars for cars in cars_of(text, lang))


def test_a_per_train_series_is_no_range() -> None:
    (cars,) = cars_of("15 марта из Орши в Смоленск ушёл эшелон из 48 вагонов.", "ru")
    assert "max" not in cars


@pytest.mark.parametrize(
    ("cell", "low", "high"),
    [
        ("30-40", 30, 40),
        ("30 – 40", 30, 40),
        ("от 30 до 40", 30, 40),
        ("od 30 do 40", 30, 40),
        ("between forty and fifty", 40, 50),
        ("сорок-пятьдесят", 40, 50),
    ],
)
def test_a_range_in_a_cell_has_both_bounds(cell: str, low: int, high: int) -> None:
    count = read_count(cell)
    assert count is not None
    assert (count.value, count.most, count.at_least, count.at_most) == (low, high, True, True)


# -- T21. upper bounds -------------------------------------------------------------------

_BOUNDS = [
    ("ru", "15 марта из Осиповичей в Брянск ушёл эшелон, не более 50 вагонов."),
    ("ru", "15 марта из Осиповичей в Брянск ушёл эшелон до 50 вагонов."),
    ("en", "On March 15 a train of no more than 50 cars left Asipovichy for Bryansk."),
    ("en", "On March 15 a train of up to 50 cars left Asipovichy for Bryansk."),
    ("pl", "15 marca z Osipowicz do Briańska odjechał pociąg, nie więcej niż 50 wagonów."),
    ("be", "15 сакавіка з Асіповічаў у Брянск адправіўся эшалон, не больш за 50 вагонаў."),
    ("uk", "15 березня з Осиповичів до Брянська вирушив ешелон, не більше 50 вагонів."),
]


@pytest.mark.parametrize(("lang", "text"), _BOUNDS)
def test_an_upper_bound_keeps_its_bound(lang: str, text: str) -> None:
    (cars,) = cars_of(text, lang)
    assert (cars.get("total"), cars.get("at_most"), cars.get("max")) == (50, True, 50)
    assert not cars.get("at_least")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "15 марта из Осиповичей в Брянск ушёл эшелон примерно из 40 вагонов."),
        ("ru", "15 марта из Осиповичей в Брянск ушёл эшелон, состоящий примерно из 40 вагонов."),
        ("uk", "15 березня з Осиповичів до Брянська вирушив ешелон приблизно з 40 вагонів."),
        ("be", "15 сакавіка з Асіповічаў у Брянск адправіўся эшалон прыкладна з 40 вагонаў."),
    ],
)
def test_about_of_n_is_an_estimate(lang: str, text: str) -> None:
    (cars,) = cars_of(text, lang)
    assert (cars.get("total"), cars.get("estimated"), cars.get("max")) == (40, True, None)


@pytest.mark.parametrize("cell", ["do 50", "не более 50", "up to 50", "<50", "не больш за 50"])
def test_an_upper_bound_in_a_cell_is_no_estimate_of_its_bound(cell: str) -> None:
    count = read_count(cell)
    assert count is not None
    assert (count.value, count.at_most, count.most, count.at_least) == (50, True, 50, False)


def test_a_sheet_keeps_ranges_and_bounds(tmp_path) -> None:
    sheet = tmp_path / "log.csv"
    sheet.write_text(
        "date,origin,destination,cars,source\n"
        "2023-03-15,Orsha,Smolensk,30-40,Hajun\n"
        "2023-03-16,Orsha,Smolensk,do 50,Hajun\n",
        encoding="utf-8",
    )
    df = load_reports(sheet).to_frame()
    assert df[C.CARS_TOTAL].tolist() == [30, 50]
    assert df[C.CARS_TOTAL_MAX].tolist() == [40, 50]
    assert df[C.CARS_AT_LEAST].tolist() == [True, False]
    assert df[C.CARS_AT_MOST].tolist() == [True, True]


# -- T17. a count in pieces after its noun ----------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "ru",
            "15 марта из Орши в Смоленск ушёл эшелон: 25 крытых вагонов и цистерны с топливом "
            "(8 шт.).",
        ),
        (
            "uk",
            "15 березня з Орші до Смоленська вирушив ешелон: 25 критих вагонів і цистерни з "
            "пальним (8 шт.).",
        ),
        (
            "pl",
            "15 marca z Orszy do Smoleńska odjechał pociąg: 25 wagonów krytych i cysterny z "
            "paliwem (8 szt.).",
        ),
        (
            "en",
            "On March 15 a train left Orsha for Smolensk: 25 covered wagons and tank cars with "
            "fuel (8 pcs).",
        ),
    ],
)
def test_a_count_in_pieces_counts_its_cars(lang: str, text: str) -> None:
    (cars,) = cars_of(text, lang)
    assert (cars.get("covered"), cars.get("tank")) == (25, 8)


def test_pieces_of_vehicles_are_no_cars() -> None:
    (cars,) = cars_of(
        "15 марта из Орши в Смоленск ушёл эшелон из 30 платформ: танки (8 шт.).", "ru"
    )
    assert cars.get("tank") is None


# -- the model and the summaries ---------------------------------------------------------


def test_car_counts_bounds() -> None:
    assert (CarCounts(total=40).least, CarCounts(total=40).most) == (40, 40)
    bound = CarCounts(total=50, at_most=True, estimated=True)
    assert (bound.least, bound.most, bound.total_max) == (None, 50, 50)
    rng = CarCounts(total=30, total_max=35, at_least=True)
    assert (rng.least, rng.most, rng.at_most) == (30, 35, True)
    assert (CarCounts(total=40, at_least=True).most, CarCounts(flat=38).most) == (None, None)
    with pytest.raises(ValueError, match="less than the total"):
        CarCounts(total=40, total_max=35)


def make_ship(sid: str, **kw: Any) -> dict[str, Any]:
    row: dict[str, Any] = dict.fromkeys(C.SHIPMENT_COLUMNS)
    row.update({C.ID: sid, C.SOURCE: "Belarusian Hajun", C.RELIABILITY: "C"})
    row.update(kw)
    return row


def frame(*rows: dict[str, Any]) -> pd.DataFrame:
    return pd.DataFrame(list(rows), columns=list(C.SHIPMENT_COLUMNS))


EXACT = {C.CARS_TOTAL: 40}
RANGE = {C.CARS_TOTAL: 30, C.CARS_TOTAL_MAX: 35, C.CARS_AT_LEAST: True, C.CARS_AT_MOST: True}
UP_TO = {C.CARS_TOTAL: 50, C.CARS_TOTAL_MAX: 50, C.CARS_AT_MOST: True, C.CARS_ESTIMATED: True}
AT_LEAST = {C.CARS_TOTAL: 20, C.CARS_AT_LEAST: True}


def test_a_total_never_adds_an_upper_bound_as_a_count() -> None:
    total = summarize(
        frame(make_ship("a", **EXACT), make_ship("b", **RANGE), make_ship("c", **UP_TO)), by=()
    )
    figures = total_figures(total)
    # the fewest: 40 + 30 (a range's low end) + nothing for "up to 50"; the most: 40+35+50
    assert (figures["cars_total"], figures["cars_total_max"]) == (70, 125)
    assert (figures["cars_at_most"], figures["cars_total_lower_bound"]) == (True, True)
    assert cars_phrase(figures) == "70 to 125 cars"


def test_a_total_with_an_open_count_has_no_most() -> None:
    total = summarize(frame(make_ship("a", **AT_LEAST), make_ship("b", **RANGE)), by=())
    figures = total_figures(total)
    assert (figures["cars_total"], figures["cars_total_max"]) == (50, None)
    assert cars_phrase(figures).startswith("at least 50 cars (")


def test_totals_without_bounds_are_unchanged() -> None:
    total = summarize(frame(make_ship("a", **EXACT), make_ship("b", **{C.CARS_TOTAL: 2})), by=())
    figures = total_figures(total)
    assert (figures["cars_total"], figures["cars_at_most"], figures["cars_total_max"]) == (
        42,
        False,
        None,
    )
    assert cars_phrase(figures) == "42 cars"


def test_count_bounds_by_row() -> None:
    least, most, open_above = count_bounds(
        frame(
            make_ship("a", **EXACT),
            make_ship("b", **RANGE),
            make_ship("c", **UP_TO),
            make_ship("d", **AT_LEAST),
            make_ship("e"),
        )
    )
    assert least.tolist() == [40, 30, pd.NA, 20, pd.NA]
    assert most.tolist() == [40, 35, 50, pd.NA, pd.NA]
    assert open_above.tolist() == [False, False, False, True, False]


def test_summary_rows_by_destination_carry_the_bounds() -> None:
    table = summarize(
        frame(
            make_ship("a", **EXACT, **{C.DESTINATION: "Bryansk"}),
            make_ship("b", **UP_TO, **{C.DESTINATION: "Bryansk"}),
            make_ship("c", **AT_LEAST, **{C.DESTINATION: "Smolensk"}),
        ),
        by=("destination",),
    ).set_index(C.DESTINATION)
    assert table.loc["Bryansk", C.CARS_TOTAL] == 40
    assert table.loc["Bryansk", C.CARS_TOTAL_MAX] == 90
    assert bool(table.loc["Bryansk", C.CARS_AT_MOST])
    assert pd.isna(table.loc["Smolensk", C.CARS_TOTAL_MAX])


def test_a_relay_count_replaces_a_bound_whole() -> None:
    """Relays of one train: an exact count raises a range or an upper bound, whole.

    A range's high end and an upper bound's flag go with the bound they belonged to;
    an upper bound alone says no fewest cars, so it never raises another report's count.
    """
    from railtrack.relays import merged_counts, with_merged_counts

    ships = frame(
        make_ship("a-t1", **RANGE),
        make_ship("b-t1", **{C.CARS_TOTAL: 42}),
        make_ship("c-t1", **AT_LEAST),
        make_ship("d-t1", **UP_TO),
    )
    relays = pd.DataFrame({C.ID: ["b-t1", "d-t1"], "train": ["a-t1", "c-t1"]})
    merged = merged_counts(ships, relays)
    assert merged == {"a-t1": (42, False)}  # "up to 50" does not raise "at least 20"
    out = with_merged_counts(ships, merged).set_index(C.ID)
    assert out.loc["a-t1", C.CARS_TOTAL] == 42
    assert not out.loc["a-t1", C.CARS_AT_MOST]
    assert pd.isna(out.loc["a-t1", C.CARS_TOTAL_MAX])

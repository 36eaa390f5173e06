"""Loaders: every format, the embedded reports, and bad input that never loses good rows."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from railtrack import data_path
from railtrack.errors import InputPathError, ReportError
from railtrack.io import ReportSet, load_reports
from railtrack.io._records import parse_window
from railtrack.models import Place
from railtrack.network import RailNetwork


@pytest.fixture
def good(tests_data: Path) -> Path:
    return tests_data / "reports" / "good"


@pytest.fixture
def broken(tests_data: Path) -> Path:
    return tests_data / "reports" / "broken"


def test_each_format_loads(good: Path) -> None:
    reports = load_reports(good)
    assert reports.problems == []
    ids = {s.id for s in reports.shipments}
    assert ids == {"t1", "t2", "slonim-1", "chepino-1", "ym-1"}
    assert {g.id for g in reports.groups} == {"g1", "ym-g"}
    assert [x.id for x in reports.sightings] == ["x-chepino"]
    slonim = next(s for s in reports.shipments if s.id == "slonim-1")
    assert slonim.cars.total == 51
    assert slonim.cars.flat == 43
    assert slonim.source.relayed_by == "Charter97"
    assert slonim.source.reliability == "C"
    assert slonim.expected_arrival is not None
    assert slonim.expected_arrival.earliest == date(2023, 3, 4)
    month = next(s for s in reports.shipments if s.id == "ym-1")
    assert month.departure is not None
    assert (month.departure.earliest, month.departure.latest) == (
        date(2023, 3, 1),
        date(2023, 3, 31),
    )
    assert month.departure.precision == "month"
    assert month.cars.estimated is True
    assert month.source.reporter == "Community of Railway Workers of Belarus"


def test_frame_types_and_group_not_duplicated(good: Path) -> None:
    reports = load_reports(good / "trains.csv")
    df = reports.to_frame()
    assert len(df) == 2
    assert str(df["cars_total"].dtype) == "Int64"
    assert pd.api.types.is_datetime64_any_dtype(df["departure_earliest"])
    assert df["cars_total"].isna().all()  # the group's 86 is not copied into the trains
    groups = reports.groups_frame()
    assert groups.loc[0, "cars_total"] == 86
    assert groups.loc[0, "members"] == "t1; t2"
    t2 = df.set_index("id").loc["t2"]
    assert t2["arrival_earliest"] == pd.Timestamp("2023-03-08")
    assert pd.isna(t2["arrival_latest"])


def test_embedded_seed_report() -> None:
    reports = load_reports(data_path("reports"))
    assert reports.problems == []
    seed_groups = [g for g in reports.groups if g.cars.total == 86]
    assert len(seed_groups) == 1
    group = seed_groups[0]
    assert group.cars.passenger == 2
    assert group.source.reporter == "Belarusian Hajun"
    members = reports.members(group.id)
    assert len(members) == 2
    destinations = sorted(m.destination.text for m in members if m.destination)
    assert destinations == ["Matveyev-Kurhan", "Nieklinovka"]
    nieklinovka = next(m for m in members if m.destination and m.destination.text == "Nieklinovka")
    assert nieklinovka.departure is not None
    assert nieklinovka.departure.earliest == date(2023, 3, 1)
    assert nieklinovka.expected_arrival is not None
    assert nieklinovka.expected_arrival.earliest == date(2023, 3, 8)
    assert nieklinovka.expected_arrival.latest is None
    df = reports.to_frame()
    assert not (df.loc[df["group"] == group.id, "cars_total"] == 86).any()
    assert len(reports.shipments) >= 10


EXPECTED_PROBLEMS = [
    ("bom_crlf.csv", None, None),
    ("empty.csv", None, "empty"),
    ("hostile.yaml", None, "not valid YAML"),
    ("image.csv", None, "binary"),
    ("lines.jsonl", None, "not valid JSON"),
    ("lines.jsonl", "departure", "after latest"),
    ("lines.jsonl", "source", "no source given"),
    ("rows.csv", "colour", "unknown field"),
    ("rows.csv", "cars_total", "eighty six"),
    ("rows.csv", "cars_total", "'-4' is not a count; the record is kept without this field"),
    ("rows.csv", "cars_total", "more than the total"),
    ("rows.csv", "credibility", "less than or equal to 6"),
    ("rows.csv", None, "broken quoting"),
    ("rows.csv", "published", "2023-02-30"),
    ("rows.csv", "id", "shipment id 'r1' is also the id of row 2"),
    ("truncated.json", None, "not valid JSON"),
    ("wrong_kind.csv", None, "no column gives a train's id, origin, destination"),
]


@pytest.mark.parametrize(("file", "field", "text"), [p for p in EXPECTED_PROBLEMS if p[2]])
def test_broken_inputs_become_problems(
    broken: Path, file: str, field: str | None, text: str
) -> None:
    reports = load_reports(broken)
    matches = [
        p
        for p in reports.problems
        if Path(p.path).name == file and text in p.message and (field is None or p.field == field)
    ]
    assert matches, f"no problem for {file} {field} {text!r}: {reports.problems}"


def test_good_rows_survive_broken_files(broken: Path) -> None:
    reports = load_reports(broken)
    ids = {s.id for s in reports.shipments}
    # good rows of broken files, BOM + CRLF, cp1251 and the whole good file are kept;
    # a table row whose count cell cannot be read keeps its other fields (r2, r3), and
    # so does one whose typed cars exceed its total (r4: the total is left out, F78)
    assert {"slonim-1", "bom-1", "bom-2", "w1", "l1", "l5", "r1", "r8", "r2", "r3", "r4"} <= ids
    assert not {"r5", "r7", "l4"} & ids
    r4 = next(s for s in reports.shipments if s.id == "r4")
    assert (r4.cars.total, r4.cars.passenger, r4.cars.total_derived) == (12, 12, True)
    assert next(s for s in reports.shipments if s.id == "r2").cars.passenger == 5
    cp1251 = next(s for s in reports.shipments if s.id == "w1")
    assert cp1251.origin is not None
    assert cp1251.origin.text == "Гомель"
    assert next(s for s in reports.shipments if s.id == "r1").origin.text == "Slonim"  # type: ignore[union-attr]
    problem = next(p for p in reports.problems if p.field == "cars_total" and "eighty" in p.message)
    assert str(problem).startswith("rows.csv row 3, field 'cars_total'")


def test_strict_raises_report_error(broken: Path) -> None:
    with pytest.raises(ReportError, match=r"rows.csv row 1, field 'colour'"):
        load_reports(broken / "rows.csv", strict=True)


def test_missing_path_raises() -> None:
    with pytest.raises(InputPathError, match="no-such-dir"):
        load_reports("no-such-dir")


def test_yaml_never_constructs_objects(broken: Path, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    hostile = tmp_path / "evil.yaml"
    hostile.write_text(f'- !!python/object/apply:os.system ["touch {marker}"]\n', encoding="utf-8")
    reports = load_reports(hostile)
    assert not marker.exists()
    assert reports.problems


@pytest.mark.parametrize(
    ("text", "earliest", "latest", "precision"),
    [
        ("2023-03-01", date(2023, 3, 1), date(2023, 3, 1), "day"),
        ("01.03.2023", date(2023, 3, 1), date(2023, 3, 1), "day"),
        ("2023-03-01/2023-03-05", date(2023, 3, 1), date(2023, 3, 5), "days"),
        ("2023-03-08/", date(2023, 3, 8), None, "days"),
        ("/2023-03-07", None, date(2023, 3, 7), "days"),
        ("2023-02", date(2023, 2, 1), date(2023, 2, 28), "month"),
        ("2023-12", date(2023, 12, 1), date(2023, 12, 31), "month"),
        ("2023-W09", date(2023, 2, 27), date(2023, 3, 5), "week"),
    ],
)
def test_window_syntax(
    text: str, earliest: date | None, latest: date | None, precision: str
) -> None:
    window = parse_window(text, field="departure")
    assert window == {"earliest": earliest, "latest": latest, "precision": precision}


def _cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "railtrack", *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=cwd,
        timeout=120,
    )


def test_cli_json_round_trip(good: Path, tmp_path: Path) -> None:
    first = _cli("load", str(good), "--json")
    assert first.returncode == 0, first.stderr
    lines = [json.loads(line) for line in first.stdout.splitlines()]
    assert all("record" in line for line in lines)
    shipments = [line for line in lines if line["record"] == "shipment"]
    assert {s["id"] for s in shipments} == {"t1", "t2", "slonim-1", "chepino-1", "ym-1"}
    assert all(
        {"origin", "destination", "departure", "cars", "source"} <= set(s) for s in shipments
    )
    dump = tmp_path / "out.jsonl"
    dump.write_text(first.stdout, encoding="utf-8")
    again = load_reports(dump)
    from railtrack import load_network

    original = load_reports(good).resolve(load_network())  # load resolves (trial F86)
    assert again.problems == []
    assert sorted(again.shipments, key=lambda s: s.id) == sorted(
        original.shipments, key=lambda s: s.id
    )
    assert sorted(again.groups, key=lambda g: g.id) == sorted(original.groups, key=lambda g: g.id)
    assert again.sightings == original.sightings


def test_cli_exit_codes(broken: Path) -> None:
    missing = _cli("load", "definitely-missing.csv")
    assert missing.returncode == 2
    assert "definitely-missing.csv" in missing.stderr
    assert "Traceback" not in missing.stderr
    problems = _cli("load", str(broken))
    assert problems.returncode == 1
    assert "rows.csv row 3, field 'cars_total'" in problems.stderr
    assert "slonim-1" in problems.stdout
    assert "Traceback" not in problems.stderr


def test_cli_version_and_help() -> None:
    version = _cli("--version")
    assert version.returncode == 0
    assert version.stdout.startswith("railtrack ")
    help_text = _cli("load", "--help")
    assert "Example" in help_text.stdout


def test_resolve_replaces_ids_of_another_network(tmp_path: Path) -> None:
    from railtrack import load_network
    from railtrack.models import Place, Shipment, Source

    net = load_network()
    reports = load_reports(data_path("reports") / "seed-hajun-2023-03.yaml")
    foreign = Shipment(
        id="x1",
        origin=Place(text="Slonim", station_id="NOT-IN-THIS-NETWORK", station="Slonim"),
        destination=Place(text="Nieklinovka"),
        source=Source(reporter="test"),
    )
    reports.add(foreign)
    resolved = reports.resolve(net)
    by_id = {s.id: s for s in resolved.shipments}
    assert by_id["x1"].origin is not None
    assert by_id["x1"].origin.station_id in net.G
    assert by_id["x1"].destination is not None
    assert by_id["x1"].destination.station == "Neklinovka"
    t1 = by_id["seed-2023-03-t1"]
    assert t1.origin is not None
    assert t1.origin.region == "Belarus"
    assert t1.destination is not None
    assert t1.destination.station_id == "511103"


# --- one model per distinct value within a load; resolve copies only what changes ----


def _write_jsonl(path: Path, rows: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


_COMMON = {
    "source": "Belarusian Hajun",
    "reliability": "c",
    "published": "2023-03-03",
    "origin": "Orsha",
    "departure": "2023-03-02",
    "cars_total": 40,
}


def test_equal_parts_of_records_share_one_frozen_model(tmp_path: Path) -> None:
    from pydantic import ValidationError

    from railtrack.models import Source

    path = _write_jsonl(
        tmp_path / "r.jsonl",
        [
            {"id": "a", **_COMMON, "destination": "Gomel"},
            {"id": "b", **_COMMON, "destination": "Minsk"},
            {"id": "c", **_COMMON, "source": "Rail Watch"},
        ],
    )
    a, b, c = load_reports(path).shipments
    assert a.source is b.source
    assert a.origin is b.origin
    assert a.departure is b.departure
    assert a.cars is b.cars
    assert (a.destination, b.destination) == (Place(text="Gomel"), Place(text="Minsk"))
    assert c.source is not a.source
    assert c.source.reporter == "Rail Watch"
    assert a.source == Source(
        reporter="Belarusian Hajun", reliability="C", published=date(2023, 3, 3)
    )
    with pytest.raises(ValidationError):
        a.source.reporter = "changed"  # type: ignore[misc]
    assert b.source.reporter == "Belarusian Hajun"
    again = load_reports(path).shipments[0]
    assert again == a
    assert again.source is not a.source  # each load has its own table


def test_sharing_keeps_problems_as_validation_gives_them(tmp_path: Path) -> None:
    from railtrack.io._records import RecordError, normalise_record, validate_record

    bad_rows: list[dict[str, object]] = [
        {"id": "r", **_COMMON, "reliability": "Z"},
        {"id": "t", **_COMMON, "cars_total": 3, "cars_flat": 5},
        {"id": "w", **_COMMON, "departure": {"earliest": "2023-03-05", "latest": "2023-03-01"}},
    ]
    rows = [{"id": "ok", **_COMMON}, *bad_rows]
    reports = load_reports(_write_jsonl(tmp_path / "r.jsonl", rows))
    assert [s.id for s in reports.shipments] == ["ok"]
    expected = []
    for row in bad_rows:
        kind, nested, names = normalise_record(row)
        with pytest.raises(RecordError) as info:
            validate_record(kind, nested, names)  # no shared models: the reference
        expected.append((info.value.field, f"{info.value.message}; record skipped"))
    assert [(p.field, p.message) for p in reports.problems] == expected
    assert [p.field for p in reports.problems] == ["reliability", "cars_total", "departure"]


def test_interner_keys_by_type_and_value() -> None:
    from railtrack._intern import Interner
    from railtrack.models import CarCounts, Place

    table = Interner()
    one, true = table.model(CarCounts, {"flat": 1}), table.model(CarCounts, {"flat": True})
    assert one is not true  # 1 == True, but they are different inputs
    assert table.model(CarCounts, {"flat": 1}) is one
    assert table.model(CarCounts, {"total": 1, "flat": 2}) == {"total": 1, "flat": 2}  # invalid
    unhashable = {"text": ["Orsha"]}
    assert table.model(Place, unhashable) is unhashable
    orsha = Place(text="Orsha")
    assert table.share(orsha) is orsha
    assert table.share(Place(text="Orsha")) is orsha
    assert table.share(Place(text="Orsha", unresolved=True)) is not orsha


def test_collector_paused_restores_the_collector() -> None:
    import gc

    from railtrack._intern import collector_paused

    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def _resolve_by_copy(reports: ReportSet, network: RailNetwork) -> ReportSet:
    """Reference: the former resolve, which copied every record with every place.

    A place on a station gets the station's coordinates (``lat``/``lon``).
    """

    def located(p: Place) -> Place:
        node = network.G.nodes[p.station_id] if p.station_id in network.G else {}
        if "lat" not in node:
            return p
        return p.model_copy(update={"lat": node["lat"], "lon": node["lon"]})

    def place(p: Place) -> Place:
        if p.station_id is not None and p.station_id in network.G:
            return located(p)
        return located(network.resolve(p.text).to_place(p.text))

    out = ReportSet(problems=list(reports.problems), files=dict(reports.files))
    for s in reports.shipments:
        update = {
            "origin": None if s.origin is None else place(s.origin),
            "destination": None if s.destination is None else place(s.destination),
            "via": tuple(place(v) for v in s.via),
        }
        out.add(s.model_copy(update=update))
    out.groups = list(reports.groups)
    out.sightings = [x.model_copy(update={"station": place(x.station)}) for x in reports.sightings]
    return out


def test_resolve_gives_what_copying_every_record_gave() -> None:
    from railtrack import load_network
    from railtrack.models import Shipment, Source

    net = load_network()
    reports = load_reports(data_path("reports"))
    slonim = net.resolve("Slonim").to_place("Slonim")
    node = net.G.nodes[slonim.station_id]
    slonim = slonim.model_copy(update={"lat": node["lat"], "lon": node["lon"]})
    kept = Shipment(id="kept", origin=slonim, destination=slonim, source=Source(reporter="x"))
    reports.add(kept)
    before = list(reports.to_records())
    resolved = reports.resolve(net)
    reference = _resolve_by_copy(reports, net)
    assert resolved.shipments == reference.shipments
    assert resolved.sightings == reference.sightings
    assert resolved.groups == reference.groups
    assert (resolved.problems, resolved.files) == (reference.problems, reference.files)
    pd.testing.assert_frame_equal(resolved.to_frame(), reference.to_frame())
    assert list(reports.to_records()) == before  # the loaded set is left as it was
    assert resolved.shipments[-1] is kept  # nothing to resolve: not copied
    twice = resolved.resolve(net)
    assert twice.shipments == resolved.shipments


def test_csv_trailing_empty_fields_keep_the_row_and_extra_values_are_named(
    tmp_path: Path,
) -> None:
    """A spreadsheet export's trailing commas are no fields; values past the header are named."""
    path = tmp_path / "log.csv"
    path.write_text(
        "date,from,to,wagons,source\n"
        "2023-03-04,Brest,Baranovichi,20,q,\n"
        "2023-03-05,Orsha,Smolensk,30,r,,\n"
        "2023-03-06,Brest,Belarus,Minsk,21,s\n",
        encoding="utf-8",
    )
    reports = load_reports(path)
    assert [s.cars.total for s in reports.shipments] == [20, 30]
    (problem,) = reports.problems
    assert problem.row == 4
    assert "'s' past the last column" in problem.message


# --- trial10: what a structured record gives and is not read is never silent --------------

_BASE = {"source": "Hajun", "origin": "Orsha", "destination": "Bryansk"}


@pytest.mark.parametrize("suffix", [".json", ".jsonl", ".yaml"])
@pytest.mark.parametrize(
    ("extra", "field"),
    [
        ({"cars": {"totl": 40, "flat": 40}}, "cars.totl"),
        ({"source": {"reporter": "Hajun", "channel_nme": "x"}}, "source.channel_nme"),
        ({"origin": {"text": "Orsha", "stationid": "X"}}, "origin.stationid"),
        ({"destination": {"text": "Bryansk", "lat_deg": 53.2}}, "destination.lat_deg"),
        ({"departure": {"earliest": "2023-03-01", "tz": 3}}, "departure.tz"),
        ({"via": [{"text": "Krichev", "kind": "station"}]}, "via.kind"),
        ({"unknown_block": {"a": 1}}, "unknown_block"),
    ],
)
def test_an_unknown_nested_key_is_named_and_the_record_kept(
    tmp_path: Path, suffix: str, extra: dict[str, object], field: str
) -> None:
    import yaml

    rows = [{"id": "bad", **_BASE, **extra}, {"id": "good", **_BASE, "cars_total": 30}]
    path = tmp_path / f"r{suffix}"
    if suffix == ".json":
        path.write_text(json.dumps(rows), encoding="utf-8")
    elif suffix == ".jsonl":
        path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    else:
        path.write_text(yaml.safe_dump(rows, allow_unicode=True), encoding="utf-8")
    reports = load_reports(path)
    assert [s.id for s in reports.shipments] == ["bad", "good"]
    (problem,) = reports.problems
    assert (problem.field, problem.row) == (field, 1)
    assert str(problem).startswith(f"{path.name} ")
    assert f"unknown field {field!r} ignored" in str(problem)


@pytest.mark.parametrize("cars", [40, "40", 40.0])
def test_a_plain_cars_count_is_the_total(tmp_path: Path, cars: object) -> None:
    rows = [{"id": "a", **_BASE, "cars": cars}]
    reports = load_reports(_write_jsonl(tmp_path / "r.jsonl", rows))
    assert [s.cars.total for s in reports.shipments] == [40]
    assert reports.problems == []


def test_a_plain_cars_count_beside_a_total_is_named_when_not_read(tmp_path: Path) -> None:
    rows = [{"id": "a", **_BASE, "cars": 40, "cars_total": 42}]
    reports = load_reports(_write_jsonl(tmp_path / "r.jsonl", rows))
    assert [s.cars.total for s in reports.shipments] == [42]
    (problem,) = reports.problems
    assert problem.field == "cars"
    assert "'cars' (40) ignored" in problem.message


@pytest.mark.parametrize("cars", [[40], True, {"total": "many"}])
def test_cars_that_are_no_count_cost_their_record_with_a_problem(
    tmp_path: Path, cars: object
) -> None:
    rows = [{"id": "a", **_BASE, "cars": cars}, {"id": "b", **_BASE}]
    reports = load_reports(_write_jsonl(tmp_path / "r.jsonl", rows))
    assert [s.id for s in reports.shipments] == ["b"]
    (problem,) = reports.problems
    assert problem.field is not None
    assert problem.field.startswith("cars")
    assert problem.row == 1

"""Every command's --json output against the published schemas; the schemas are fresh.

The schemas in ``src/railtrack/schemas/`` are generated from ``railtrack.records``;
a test fails when they are stale (refresh: ``python -m railtrack.records``).
"""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from railtrack import data_path
from railtrack.cli import app
from railtrack.records import KINDS, SCHEMA_DIR, generate, render, schema

jsonschema = pytest.importorskip("jsonschema")

runner = CliRunner()
SEED = str(data_path("reports", "seed-hajun-2023-03.yaml"))
REPORTS = str(data_path("reports"))
SPREADSHEETS = Path(__file__).parent / "data" / "spreadsheets"

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?")

checker = jsonschema.FormatChecker(formats=())


@checker.checks("date")
def _is_date(value: object) -> bool:
    if not isinstance(value, str):
        return True
    return bool(_DATE.fullmatch(value)) and date.fromisoformat(value) is not None


@checker.checks("date-time")
def _is_datetime(value: object) -> bool:
    if not isinstance(value, str):
        return True
    return bool(_DATETIME.fullmatch(value)) and datetime.fromisoformat(value) is not None


def validate(record: dict[str, Any]) -> None:
    """Validate one printed record against the schema its ``record`` field names."""
    kind = record["record"]
    validator = jsonschema.Draft202012Validator(schema(kind), format_checker=checker)
    errors = sorted(validator.iter_errors(record), key=lambda e: list(e.path))
    assert not errors, f"{kind}: " + "; ".join(
        f"{'/'.join(map(str, e.path))}: {e.message}" for e in errors[:5]
    )


def json_lines(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


# --- the schemas themselves ----------------------------------------------------------


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_checked_in_schema_is_fresh(kind: str) -> None:
    path = SCHEMA_DIR / f"{kind}.json"
    assert path.exists(), f"{path} missing: run python -m railtrack.records"
    assert path.read_text(encoding="utf-8") == render(generate(kind)), (
        f"{path.name} is stale: run python -m railtrack.records"
    )


def test_no_schema_file_without_a_kind() -> None:
    assert {p.stem for p in SCHEMA_DIR.glob("*.json")} == set(KINDS)


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_kind_names_itself_and_is_valid_json_schema(kind: str) -> None:
    doc = schema(kind)
    jsonschema.Draft202012Validator.check_schema(doc)
    assert doc["properties"]["record"]["const"] == kind
    assert "record" in doc["required"]


def test_counts_are_named_as_counts_and_lists_as_lists() -> None:
    for kind in KINDS:
        for name, prop in schema(kind)["properties"].items():
            types = {prop.get("type")} | {p.get("type") for p in prop.get("anyOf", [])}
            types.discard(None)
            if name.startswith("n_"):
                assert types <= {"integer", "null"}, (kind, name)
            if name in {"problems", "stations", "flags", "sources", "members", "outputs"}:
                assert "array" in types, (kind, name)


def test_schema_command_prints_each_kind() -> None:
    listing = runner.invoke(app, ["schema"])
    assert listing.exit_code == 0
    assert set(re.findall(r"^(\w+)\s", listing.stdout, re.M)) == set(KINDS)
    one = runner.invoke(app, ["schema", "estimate"])
    assert json.loads(one.stdout) == schema("estimate")
    every = json.loads(runner.invoke(app, ["schema", "all"]).stdout)
    assert set(every) == set(KINDS)
    assert runner.invoke(app, ["schema", "train"]).exit_code == 2


# --- every command's output ----------------------------------------------------------

COVERED = {
    "load",
    "extract",
    "estimate",
    "status",
    "resolve",
    "route",
    "summary",
    "ingest",
    "plot map",
    "plot timeline",
    "plot volumes",
    "track",
    "convert",
    "network import-osm",
    "network cache",
}
"""The commands the tests below validate against the schemas."""


def run(*args: str, code: int = 0) -> Any:
    assert (args[0] if args[0] not in ("plot", "network") else " ".join(args[:2])) in COVERED
    result = runner.invoke(app, list(args))
    assert result.exit_code == code, result.output
    return result


def test_load_json_lines_are_records_of_their_kind() -> None:
    out = run("load", REPORTS, str(SPREADSHEETS / "en-analyst.csv"), "--json", code=1).stdout
    lines = json_lines(out)
    kinds = {line["record"] for line in lines}
    assert kinds == {"file", "shipment", "group", "sighting"}
    for line in lines:
        validate(line)


def test_load_problems_are_problem_records_on_stderr(tests_data: Path) -> None:
    result = run("load", str(tests_data / "reports" / "broken"), "--json", code=1)
    problems = json_lines(result.stderr)
    assert problems
    for p in problems:
        validate(p)
        assert p["row"] is None or isinstance(p["row"], int)


def test_extract_json_is_the_load_shape() -> None:
    text = Path(__file__).parent / "data" / "extraction" / "files" / "seed_header.txt"
    lines = json_lines(run("extract", str(text), "--json").stdout)
    assert [line["record"] for line in lines] == ["shipment", "shipment", "group"]
    for line in lines:
        validate(line)
    loaded = json_lines(run("load", str(text), "--json").stdout)
    assert set(loaded[0]) == set(lines[0])  # extract leaves out nothing load gives


def test_estimate_and_status_records() -> None:
    for line in json_lines(run("estimate", SEED, "--json").stdout):
        validate(line)
    status = json_lines(run("status", "--as-of", "2023-03-07", "--json", code=1).stdout)
    assert status
    for line in status:
        validate(line)
        assert line["as_of"] == "2023-03-07T00:00:00"


def test_resolve_and_route_records() -> None:
    validate(json.loads(run("resolve", "Matveyev-Kurhan", "--json").stdout))
    validate(json.loads(run("resolve", "Xyzzyville", "--json", code=1).stdout))
    routes = json_lines(run("route", "Slonim", "Matveev Kurgan", "-k", "2", "--json").stdout)
    assert len(routes) == 2
    for line in routes:
        validate(line)
        assert line["origin"]["text"] == "Slonim"
        assert line["origin"]["station_id"] == line["stations"][0]


def test_summary_document_and_rows() -> None:
    doc = json.loads(run("summary", REPORTS, "--by", "destination,period", "--json", code=1).stdout)
    unrouted = [p for p in doc["problems"] if "not routed" in p["message"]]
    assert doc["n_unrouted"] == len(unrouted) > 0  # the embedded reports have unrouted trains
    validate(doc)
    for row in doc["rows"]:
        validate(row)
        assert row["period"] is None or _DATE.fullmatch(row["period"])


def test_ingest_and_plot_and_track_summaries(tmp_path: Path) -> None:
    store = tmp_path / "s.sqlite"
    validate(json.loads(run("ingest", SEED, "--store", str(store), "--json").stdout))
    for kind, extra in (("map", []), ("timeline", ["--as-of", "2023-03-05"]), ("volumes", [])):
        doc = json.loads(
            run("plot", kind, SEED, "-o", str(tmp_path / "p.png"), *extra, "--json").stdout
        )
        validate(doc)
    doc = json.loads(
        run("track", SEED, "-o", str(tmp_path / "out"), "--as-of", "2023-03-05", "--json").stdout
    )
    validate(doc)
    assert doc["n_shipments"] == 2
    assert doc["as_of"] == "2023-03-05T00:00:00"


def test_convert_and_import_osm_print_their_kinds(tmp_path: Path) -> None:
    doc = json.loads(run("convert", SEED, "-o", str(tmp_path / "conv"), "--json").stdout)
    validate(doc)
    assert (doc["record"], doc["n_shipments"], doc["n_problems"]) == ("convert", 2, 0)
    osm_import = pytest.importorskip("test_osm_import", reason="needs pyosmium (osmium)")
    pbf = osm_import.write_pbf(tmp_path / "small.osm.pbf")
    doc = json.loads(
        run("network", "import-osm", str(pbf), "-o", str(tmp_path / "net"), "--json").stdout
    )
    validate(doc)
    assert (doc["record"], doc["n_stations"]) == ("network", 4)


def test_network_cache_prints_its_kind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RAILTRACK_CACHE_DIR", str(tmp_path / "cache"))
    for args in (["network", "cache", "--json"], ["network", "cache", "--clear", "--json"]):
        doc = json.loads(run(*args).stdout)
        validate(doc)
        assert (doc["record"], doc["n_files"]) == ("cache", 0)


def test_every_command_was_checked() -> None:
    commands = {c.name or c.callback.__name__ for c in app.registered_commands} | {
        f"{g.name} {c.name}"
        for g in app.registered_groups
        for c in g.typer_instance.registered_commands
    }
    commands.discard("schema")  # prints schemas, tested above
    assert commands <= COVERED, f"not checked against the schemas: {commands - COVERED}"


# --- other formats ----------------------------------------------------------------------


@pytest.mark.parametrize(("fmt", "delimiter"), [("csv", ","), ("tsv", "\t")])
def test_csv_and_tsv_have_a_header_and_one_row_per_record(fmt: str, delimiter: str) -> None:
    result = runner.invoke(app, ["estimate", SEED, "--format", fmt])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout), delimiter=delimiter))
    assert [r["id"] for r in rows] == ["seed-2023-03-t1", "seed-2023-03-t2"]
    assert rows[1]["origin"] == "Belarus"
    assert rows[1]["claimed_earliest"] == "2023-03-08"


def test_json_flag_and_format_json_agree_and_conflicts_are_usage_errors() -> None:
    a = runner.invoke(app, ["resolve", "Homel", "--json"]).stdout
    b = runner.invoke(app, ["resolve", "Homel", "--format", "json"]).stdout
    assert a == b
    assert runner.invoke(app, ["resolve", "Homel", "--json", "--format", "csv"]).exit_code == 2
    assert runner.invoke(app, ["resolve", "Homel", "--format", "xml"]).exit_code == 2


@pytest.mark.parametrize("width", [60, 80, 100, 140])
def test_tables_fit_the_terminal(width: int) -> None:
    result = runner.invoke(app, ["load", REPORTS], env={"COLUMNS": str(width)})
    assert result.exit_code == 0, result.output
    assert max(len(line) for line in result.stdout.splitlines()) <= width
    if width < 140:
        assert "did not fit the terminal" in result.stderr
    wide = runner.invoke(app, ["load", REPORTS], env={"COLUMNS": "400"})
    assert "source_reporter" in wide.stdout


def test_quiet_prints_only_what_scripts_need(tmp_path: Path) -> None:
    assert runner.invoke(app, ["resolve", "Matveyev-Kurhan", "-q"]).stdout.strip() == "511103"
    out = tmp_path / "o"
    track = runner.invoke(app, ["track", SEED, "-o", str(out), "--quiet"])
    assert track.exit_code == 0, track.output
    assert track.stdout.strip() == str(out)


def test_csv_columns_come_from_the_schema_whatever_the_data() -> None:
    """A window no record has still gives its columns, and never a stray bare one."""
    result = runner.invoke(app, ["load", SEED, "--format", "csv"])
    header = next(csv.reader(io.StringIO(result.stdout)))
    assert header[:2] == ["record", "id"]
    assert "expected_arrival_earliest" in header
    assert "departure_text" in header
    assert "expected_arrival" not in header
    assert "departure" not in header
    assert header.count("origin") == 1


# --- one shape for every place ----------------------------------------------------------

_PLACE_FIELDS = ("origin", "destination", "station", "last_seen_station")


def _places(record: dict[str, Any]) -> list[dict[str, Any]]:
    found = [record[k] for k in _PLACE_FIELDS if isinstance(record.get(k), dict)]
    return found + [p for p in record.get("via", []) if isinstance(p, dict)]


def test_every_command_prints_places_in_one_shape() -> None:
    from railtrack.models import Place

    text = Path(__file__).parent / "data" / "extraction" / "files" / "seed_header.txt"
    outputs = {
        "load": json_lines(run("load", SEED, "--json").stdout),
        "extract": json_lines(run("extract", str(text), "--json").stdout),
        "estimate": json_lines(run("estimate", SEED, "--json").stdout),
        "status": json_lines(run("status", "--as-of", "2023-03-07", "--json", code=1).stdout),
        "route": json_lines(run("route", "Belarus", "Matveev Kurgan", "--json").stdout),
    }
    # these resolve on a network (load too: table rows as free text, trial F86)
    resolved = {"load", "extract", "estimate", "status", "route"}
    for command, records in outputs.items():
        places = [p for r in records for p in _places(r)]
        assert places, command
        for place in places:
            assert list(place) == list(Place.model_fields), (command, place)
            on_station = place["station_id"] is not None
            if command in resolved and on_station:
                assert None not in (place["lat"], place["lon"]), (command, place)
                assert place["geo_precision"] is not None, (command, place)
    seen = [r["last_seen_station"] for r in outputs["status"] if r["last_seen_station"]]
    assert seen, "the embedded reports have sightings"
    region_end = outputs["route"][0]["origin"]
    assert (region_end["region"], region_end["geo_precision"]) == ("Belarus", "region")


def test_geo_precision_is_one_word_everywhere() -> None:
    doc = json.loads(run("resolve", "Matveyev-Kurhan", "--json").stdout)
    assert (doc["geo_precision"], doc["geo_precision_code"]) == ("station", 1)
    assert "precision" not in doc
    words = {"station", "town", "region", "country", None}
    for kind in ("resolution", "shipment", "estimate", "route", "status"):
        text = json.dumps(schema(kind))
        assert '"geo_precision"' in text, kind
    estimate = json_lines(run("estimate", SEED, "--json").stdout)
    assert {p["geo_precision"] for r in estimate for p in _places(r)} <= words


def test_report_paths_default_to_the_embedded_reports() -> None:
    given = runner.invoke(app, ["estimate", REPORTS, "--json"])
    default = runner.invoke(app, ["estimate", "--json"])
    assert default.exit_code == given.exit_code
    assert default.stdout == given.stdout
    assert json_lines(runner.invoke(app, ["load", "--json"]).stdout)

"""Hostile input: one bad value costs only its record, reads are bounded, nothing is silent.

Issue 18 points 5-10, 13-15 and 17, each as a kind: several inputs of each kind,
through the library (``load_reports``) and the command line (exit codes, one line,
no traceback). ``test_fuzz_*`` are hypothesis harnesses: set
``RAILTRACK_FUZZ_EXAMPLES`` to run them longer.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from railtrack.io import load_reports
from railtrack.io._decode import MAX_REPORT_BYTES, NotText, read_text

FUZZ = settings(
    max_examples=int(os.environ.get("RAILTRACK_FUZZ_EXAMPLES", "100")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

GOOD = {
    "id": "good",
    "origin": "Slonim",
    "destination": "Rossosh",
    "departure": "2023-03-01",
    "cars_total": 40,
    "source": "Hajun",
}


def cli(
    *args: str, stdin: bytes | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "railtrack", *args],
        capture_output=True,
        input=stdin,
        timeout=300,
        check=False,
        env={**os.environ, **(env or {})},
    )


def assert_clean(run: subprocess.CompletedProcess[bytes], codes: tuple[int, ...]) -> None:
    err = run.stderr.decode("utf-8", "replace")
    assert run.returncode in codes, err
    assert "Traceback" not in err


def load_one(path: Path, bad: dict[str, object]) -> tuple[list[str], list[str]]:
    """Write GOOD and one bad record as JSON Lines; return (loaded ids, problems)."""
    path.write_text(json.dumps(GOOD) + "\n" + json.dumps({**GOOD, "id": "bad", **bad}) + "\n")
    reports = load_reports(path)
    return [s.id for s in reports.shipments], [str(p) for p in reports.problems]


# --- 5, 6, 8: one bad value costs only its record ------------------------------------------


@pytest.mark.parametrize(
    ("bad", "field"),
    [
        ({"departure": "2023-02-30"}, "departure"),
        ({"departure": "9999-12"}, "departure"),
        ({"departure": "9999-W52"}, "departure"),
        ({"departure": "0001-01"}, "departure"),
        ({"arrival": "31.12.9999"}, "arrival"),
        ({"departure": "1600-01-01/1600-02-01"}, "departure"),
        ({"departure": {"earliest": "9999-12-31"}}, "departure"),
        ({"published": "2500-01-01"}, "published"),
        ({"via": 5}, "via"),
        ({"via": {"a": 1}}, "via"),
        ({"cars_total": 2**63}, "cars_total"),
        ({"cars_total": 500}, "cars"),
        ({"cars_flat": 10**30}, "cars_flat"),
        ({"cars_total": -4}, "cars_total"),
        ({"credibility": 10**50}, "credibility"),
        ({"origin": ["nested", ["list"]]}, "origin"),
    ],
)
def test_one_bad_value_costs_only_its_record(
    tmp_path: Path, bad: dict[str, object], field: str
) -> None:
    ids, problems = load_one(tmp_path / "r.jsonl", bad)
    assert ids == ["good"]
    assert len(problems) == 1
    assert "record skipped" in problems[0]
    assert "line 2" in problems[0]


def test_an_integer_too_long_for_python_costs_its_record(tmp_path: Path) -> None:
    digits = "9" * 5000
    for name, text in (
        (
            "r.jsonl",
            json.dumps(GOOD) + '\n{"id": "bad", "source": "H", "cars_total": ' + digits + "}\n",
        ),
        (
            "r.json",
            "["
            + json.dumps(GOOD)
            + ', {"id": "bad", "source": "H", "cars_total": '
            + digits
            + "}]",
        ),
        ("r.yaml", f"- id: good\n  source: H\n- id: bad\n  source: H\n  cars_total: {digits}\n"),
        ("r.csv", f"id,source,cars_total\ngood,H,40\nbad,H,{digits}\n"),
    ):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        reports = load_reports(path)
        assert [s.id for s in reports.shipments] == ["good"], name
        assert len(reports.problems) == 1, (name, reports.problems)


def test_car_totals_never_overflow_a_headline(tmp_path: Path) -> None:
    from railtrack.network import load_network
    from railtrack.pipeline import track

    path = tmp_path / "r.jsonl"
    rows = [{**GOOD, "id": f"t{i}", "cars_total": 2**62} for i in range(2)] + [GOOD]
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    reports = load_reports(path)
    assert [s.id for s in reports.shipments] == ["good"]
    head = track(reports, load_network()).headline()
    assert head["cars_total"] == 40


# --- 7: one time convention ----------------------------------------------------------------


def test_sighting_times_are_utc_without_a_zone(tmp_path: Path) -> None:
    from railtrack.network import load_network
    from railtrack.tracking import track_status

    rows = [
        GOOD,
        {"record": "sighting", "id": "z", "shipment": "good", "station": "Orsha",
         "seen_at": "2023-03-02T10:00Z", "source": "H"},
        {"record": "sighting", "id": "plus3", "shipment": "good", "station": "Smolensk",
         "seen_at": "2023-03-02T15:00+03:00", "source": "H"},
        {"record": "sighting", "id": "plain", "shipment": "good", "station": "Bryansk",
         "seen_at": "2023-03-02T13:00", "source": "H"},
    ]  # fmt: skip
    path = tmp_path / "r.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    reports = load_reports(path)
    assert reports.problems == []
    seen = {x.id: x.seen_at for x in reports.sightings}
    assert all(t.tzinfo is None for t in seen.values())
    assert seen["z"].hour == 10
    assert seen["plus3"].hour == 12
    assert seen["plain"].hour == 13
    status = track_status(reports, load_network(), as_of="2023-03-05")
    assert len(status) == 1
    run = cli("status", str(path), "--as-of", "2023-03-05")
    assert_clean(run, (0,))


# --- 9: deep nesting -------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".json", ".jsonl", ".yaml"])
def test_deeply_nested_documents_are_a_problem_not_a_crash(tmp_path: Path, suffix: str) -> None:
    depth = 100_000
    deep = "[" * depth + "]" * depth
    if suffix == ".jsonl":
        text = json.dumps(GOOD) + "\n" + deep + "\n"
    elif suffix == ".yaml":
        text = "[" * 5000 + "]" * 5000
    else:
        text = deep
    bad = tmp_path / f"deep{suffix}"
    bad.write_text(text, encoding="utf-8")
    (tmp_path / "ok.jsonl").write_text(json.dumps({**GOOD, "id": "other"}), encoding="utf-8")
    reports = load_reports(tmp_path)
    ids = sorted(s.id for s in reports.shipments)
    assert "other" in ids
    assert any("deep" in str(p) for p in reports.problems)


# --- 10: file names that are not UTF-8 ------------------------------------------------------


def test_non_utf8_file_names_load_track_and_ingest(tmp_path: Path) -> None:
    raw_dir = os.fsencode(tmp_path) + b"/\xc1\xe5\xeb\xe0\xf0\xf3\xf1\xfc"  # cp1251 bytes
    os.mkdir(raw_dir)
    name = raw_dir + b"/\xee\xf2\xf7\xb8\xf2.txt"
    with open(name, "w", encoding="utf-8") as fh:
        fh.write(
            "source: Hajun\npublished: 2023-03-03\n\n"
            "A military train of 40 cars left Orsha for Bryansk yesterday.\n"
        )
    with open(raw_dir + b"/bad\xff.jsonl", "w", encoding="utf-8") as fh:
        fh.write('{"id": 1, "source": "H", "cars_total": -1}\n')
    directory = Path(os.fsdecode(raw_dir))
    reports = load_reports(directory)
    assert len(reports.shipments) == 1
    assert reports.problems
    for p in reports.problems:
        str(p).encode("utf-8")  # printable
    assert reports.to_frame()["id"].notna().all()
    out = tmp_path / "out"
    assert_clean(cli("track", os.fsdecode(raw_dir), "--out", str(out)), (0, 1))
    assert_clean(cli("load", os.fsdecode(raw_dir)), (1,))
    assert_clean(cli("ingest", os.fsdecode(raw_dir), "--store", str(tmp_path / "s.sqlite")), (1,))


# --- 13, 14, 15: bounded reads, stdin, things that are not files ------------------------------


def test_devices_and_fifos_are_never_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.jsonl"
    os.mkfifo(fifo)
    for path in (Path("/dev/zero"), Path("/dev/null"), fifo):
        with pytest.raises(NotText, match="not a regular file"):
            read_text(path)
        reports = load_reports(path)
        assert reports.shipments == []
        assert [p.path for p in reports.problems] == [str(path)]


def test_cli_on_devices_and_fifos(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    for path in ("/dev/zero", str(fifo)):
        assert_clean(cli("extract", path), (2,))
        run = cli("track", path, "--out", str(tmp_path / "o"))
        assert_clean(run, (1,))  # a problem naming the path, never an empty briefing with 0
        assert Path(path).name.encode() + b": not a regular file" in run.stderr


def test_size_limit_and_binary_head(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    big = tmp_path / "big.jsonl"
    with big.open("wb") as fh:
        fh.truncate(MAX_REPORT_BYTES + 1)  # sparse: no disk used
    with pytest.raises(NotText, match="more than the 256 MiB"):
        read_text(big)
    nuls = tmp_path / "nuls.csv"
    nuls.write_bytes(b"\x00" * (1024 * 1024))
    with pytest.raises(NotText, match="binary"):
        read_text(nuls)
    reports = load_reports(tmp_path)
    assert {Path(p.path).name for p in reports.problems} == {"big.jsonl", "nuls.csv"}


def test_a_csv_without_a_report_column_is_rejected_on_its_header(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import railtrack.io as io_module

    path = tmp_path / "wide.csv"
    path.write_text("a,b,c\n" + "1,2,3\n" * 50_000, encoding="utf-8")

    def never(*args: object, **kwargs: object) -> object:
        raise AssertionError("rows were split before the header was checked")

    monkeypatch.setattr(io_module, "read_csv_records", never)
    reports = load_reports(path)
    assert "no column gives a train's id" in str(reports.problems[0])


def test_dangling_and_looping_links_and_unreadable_directories(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "reports"
    (root / "sub").mkdir(parents=True)
    (root / "locked").mkdir()
    (root / "sub" / "ok.jsonl").write_text(json.dumps(GOOD), encoding="utf-8")
    (root / "gone.jsonl").symlink_to(tmp_path / "missing.jsonl")
    (root / "loop.jsonl").symlink_to(root / "loop.jsonl")
    (root / "sub" / "up").symlink_to(root)
    os.mkfifo(root / "fifo.csv")
    real_iterdir = Path.iterdir

    def iterdir(self: Path) -> object:
        if self.name == "locked":
            raise PermissionError(13, "Permission denied", str(self))
        return real_iterdir(self)

    monkeypatch.setattr(Path, "iterdir", iterdir)
    reports = load_reports(root)
    assert [s.id for s in reports.shipments] == ["good"]
    named = {Path(p.path).name: p.message for p in reports.problems}
    assert "dangling" in named["gone.jsonl"]
    assert "loop.jsonl" in named
    assert "not a regular file" in named["fifo.csv"]
    assert "cannot be read" in named["locked"]
    assert "already read" in named["up"]


def test_stdin_in_any_encoding_under_a_strict_locale() -> None:
    text = (
        "source: Hajun\npublished: 2023-03-03\n\nВоинский эшелон из 40 вагонов. "
        "A military train of 40 cars left Orsha for Bryansk yesterday.\n"
    )
    for encoding in ("cp1251", "koi8_r", "utf-8", "utf-16"):
        run = cli(
            "extract",
            "-",
            "--json",
            stdin=text.encode(encoding),
            env={"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0"},
        )
        assert_clean(run, (0, 1))
        records = [json.loads(line) for line in run.stdout.splitlines() if line.strip()]
        assert [r for r in records if r["record"] == "shipment"], encoding
    assert_clean(cli("extract", "-", stdin=b"\x00\x01\x02" * 100), (2,))
    assert_clean(cli("extract", "-", stdin=b""), (2,))


# --- 17: smaller ones ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written", ["0123", "12:30", "yes", "no", "1e3", "0x1F", "~x", "2023-03-01", "null_id", "1_000"]
)
def test_yaml_ids_stay_the_text_as_written(tmp_path: Path, written: str) -> None:
    path = tmp_path / "r.yaml"
    path.write_text(f"- id: {written}\n  source: H\n  cars_total: 40\n  departure: 2023-03-01\n")
    reports = load_reports(path)
    assert reports.problems == []
    assert [s.id for s in reports.shipments] == [written]
    assert reports.shipments[0].cars.total == 40


def test_free_text_dates_that_cannot_be(tmp_path: Path) -> None:
    cases = {
        "feb.txt": ("on February 30", "no such day"),
        "old.txt": ("on 01.03.0001", "outside the plausible range"),
        "far.txt": ("on 01.03.9999", "outside the plausible range"),
        "about.txt": ("about 31.12.9999", "outside the plausible range"),
    }
    for name, (when, _why) in cases.items():
        (tmp_path / name).write_text(
            "source: Hajun\npublished: 2023-03-03\n\n"
            f"A military train of 40 cars left Orsha for Bryansk {when}.\n",
            encoding="utf-8",
        )
    reports = load_reports(tmp_path)
    assert len(reports.shipments) == len(cases)  # the train is kept, its date is not
    assert all(s.departure is None for s in reports.shipments)
    by_file = {Path(p.path).name: p.message for p in reports.problems}
    for name, (_when, why) in cases.items():
        assert why in by_file[name], by_file[name]
        assert "no published date" not in by_file[name]


def test_network_csv_with_an_unclosed_quote_is_an_error_naming_the_line(tmp_path: Path) -> None:
    from railtrack.errors import NetworkError
    from railtrack.network import load_network

    (tmp_path / "stations.csv").write_text(
        'id,name,lat,lon\n1,A,53,27\n2,"B,53,28\n3,C,54,28\n4,D,54,29\n', encoding="utf-8"
    )
    (tmp_path / "links.csv").write_text("source,target\n1,2\n", encoding="utf-8")
    with pytest.raises(NetworkError, match="line 3"):
        load_network(tmp_path)


# --- 18: exit codes ---------------------------------------------------------------------------


def test_an_unexpected_error_is_one_line_and_exit_3(tmp_path: Path) -> None:
    script = textwrap.dedent(
        """\
        import sys
        import railtrack.io
        def boom(*a, **k):
            raise ZeroDivisionError("injected")
        railtrack.io.load_reports = boom  # the load command imports it when it runs
        from railtrack.cli import main
        sys.argv = ["railtrack"] + sys.argv[1:]
        main()
        """
    )
    for extra in ([], ["--debug"]):
        run = subprocess.run(
            [sys.executable, "-c", script, *extra, "load", str(tmp_path)],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert run.returncode == 3, run.stderr
        last = run.stderr.strip().splitlines()[-1]
        assert "internal error in 'load'" in last
        assert "ZeroDivisionError: injected" in last
        assert "--debug" in last
        assert ("Traceback" in run.stderr) == bool(extra)


# --- fuzzing harnesses --------------------------------------------------------------------

_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=10,
)
_fields = st.sampled_from(
    ["id", "origin", "destination", "via", "departure", "arrival", "cars_total", "cars_flat",
     "cars_passenger", "credibility", "claim", "source", "published", "group", "record",
     "seen_at", "station", "n_trains", "reliability", "cars", "confidence", "evidence"]
)  # fmt: skip


@FUZZ
@given(st.lists(st.dictionaries(_fields, _json_values, max_size=8), min_size=1, max_size=4))
def test_fuzz_structured_records_never_crash_a_load(
    tmp_path: Path, rows: list[dict[str, object]]
) -> None:
    path = tmp_path / "fuzz.jsonl"
    path.write_text(
        "\n".join([json.dumps(GOOD), *(json.dumps(r, default=str) for r in rows)]),
        encoding="utf-8",
    )
    reports = load_reports(path)
    assert "good" in [s.id for s in reports.shipments]
    reports.to_frame()
    yaml_path = tmp_path / "fuzz.yaml"
    import yaml

    yaml_path.write_text(yaml.safe_dump([GOOD, *rows], allow_unicode=True), encoding="utf-8")
    assert "good" in [s.id for s in load_reports(yaml_path).shipments]


@FUZZ
@given(st.binary(max_size=400))
def test_fuzz_bytes_in_any_report_format_never_crash(tmp_path: Path, raw: bytes) -> None:
    for suffix in (".csv", ".json", ".jsonl", ".yaml", ".txt"):
        path = tmp_path / f"x{suffix}"
        path.write_bytes(raw)
        load_reports(path, published=None)


@FUZZ
@given(st.text(max_size=300))
def test_fuzz_free_text_never_crashes(tmp_path: Path, text: str) -> None:
    path = tmp_path / "x.txt"
    path.write_text(
        "source: H\npublished: 2023-03-03\n\n" + text + " 31.12.9999 5000 cars",
        encoding="utf-8",
        errors="replace",
    )
    load_reports(path)


@pytest.mark.parametrize("encoding", ["cp1250", "iso8859_2"])
def test_polish_in_legacy_encodings_is_read(tmp_path: Path, encoding: str) -> None:
    """Windows (cp1250) and ISO-8859-2 Polish read as Polish, never as Western mojibake."""
    from railtrack.io._decode import decode_text

    text = (
        "source: Hajun\npublished: 2023-03-03\n\n"
        "Wczoraj pociąg z 30 platformami wyjechał ze stacji Słonim do Homla.\n"
    )
    assert decode_text(text.encode(encoding)) == text
    path = tmp_path / "raport.txt"
    path.write_bytes(text.encode(encoding))
    run = cli("extract", str(path), "--json")
    assert_clean(run, (0, 1))
    lines = run.stdout.decode("utf-8").splitlines()
    (ship,) = [json.loads(x) for x in lines if '"shipment"' in x]
    assert (ship["lang"], ship["origin"]["text"]) == ("pl", "Słonim")


def test_western_accents_are_not_read_as_cyrillic() -> None:
    from railtrack.io._decode import decode_text

    assert decode_text("Café résumé at the station".encode("cp1252")).startswith("Café")


# --- trial10 T19: UTF-16 without a byte-order mark ------------------------------------------

_UTF16_TEXTS = {
    "ru": "Эшелон из 40 вагонов вышел из Орши в Брянск 8 марта.",
    "uk": "8 березня ешелон із 48 платформ вирушив зі Слоніма до Валуйок.",
    "be": "17 сакавіка з Гомеля ў Навазыбкаў адправіўся эшалон з 36 вагонаў.",
    "pl": "8 marca pociąg wojskowy, 40 wagonów, wyjechał z Orszy do Briańska.",
    "en": "On March 8 a train of 48 flatcars left Slonim for Valuyki.",
}


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("lang", sorted(_UTF16_TEXTS))
def test_utf16_without_bom_is_read(tmp_path: Path, lang: str, encoding: str) -> None:
    text = f"source: Hajun\npublished: 2023-03-14\n\n{_UTF16_TEXTS[lang]}\r\n"
    path = tmp_path / f"{lang}.txt"
    path.write_bytes(text.encode(encoding))  # no byte-order mark, as Notepad may write
    assert read_text(path) == text.replace("\r\n", "\n")
    reports = load_reports(path)
    assert not [p for p in reports.problems if "binary" in str(p)]
    assert reports.shipments, (lang, encoding, [str(p) for p in reports.problems])


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_csv_without_bom_is_read(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "log.csv"
    table = "date,from,to,cars,source\n08.03.2023,Орша,Брянск,40,Гаюн\n"
    path.write_bytes(table.encode(encoding))
    reports = load_reports(path)
    assert [s.cars.total for s in reports.shipments] == [40]


@pytest.mark.parametrize(
    "raw",
    [
        bytes(range(256)) * 4,  # NULs and every byte: no text
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(200),  # a zip (an .xlsx renamed)
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(100),
        "Orsha".encode("utf-16-le") + b"\x00\x00\xff\xfe\x00\x01\x02\x03" * 40,
        "Orsha, 40 cars".encode("utf-16-le") + bytes(2),  # a NUL character is not text
    ],
    ids=["all-bytes", "zip", "png", "utf16-then-binary", "utf16-nul-char"],
)
def test_binary_files_still_get_one_clear_line(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes(raw)
    with pytest.raises(NotText, match=r"^not a text file \(it holds binary data\)$"):
        read_text(path)
    reports = load_reports(path)
    assert not reports.shipments
    assert any("not a text file" in str(p) for p in reports.problems)


@pytest.mark.parametrize(
    ("name", "raw", "origin"),
    [
        (
            "log.csv",
            b"date,origin,destination,cars,source\n2023-03-01,Slonim\x00,Brest,40,Hajun\n",
            "Slonim",
        ),
        (
            "log.csv",
            "date,from,to,cars,source\n08.03.2023,Орша\x00,Брянск,40,Гаюн\n".encode(),
            "Орша",
        ),
        ("post.txt", "5 марта 2023 г. эшелон из 40 вагонов\x00 прибыл в Брест.\n".encode(), None),
    ],
    ids=["csv-latin", "csv-cyrillic", "text"],
)
def test_a_stray_nul_byte_in_utf8_costs_nothing_but_a_line(
    tmp_path: Path, name: str, raw: bytes, origin: str | None
) -> None:
    # one NUL in a UTF-8 file (a broken export) was read as UTF-16 without BOM: every
    # row became CJK characters and the file gave no train; it is UTF-8 text with the
    # NUL removed, and one problem line names the line that held it
    path = tmp_path / name
    path.write_bytes(raw)
    reports = load_reports(path)
    assert [s.cars.total for s in reports.shipments] == [40]
    first = reports.shipments[0]
    assert (first.origin.text if first.origin else None) == origin
    notes = [str(p) for p in reports.problems if "NUL" in str(p)]
    line = 1 if name == "post.txt" else 2
    assert notes == [f"{name} line {line}: a NUL byte removed"]


@pytest.mark.parametrize(
    "template",
    [
        "5 марта 2023 г. эшелон {n} из 40 вагонов прибыл в Брест.",
        "On 5 March 2023 a train {n} with 40 cars arrived in Brest.",
        "5 marca 2023 r. pociąg {n} z 40 wagonami przyjechał do Brześcia.",
    ],
    ids=["ru", "en", "pl"],
)
@pytest.mark.parametrize("digits", [20, 5000])
def test_a_number_too_long_to_be_a_fact_costs_nothing(
    tmp_path: Path, template: str, digits: int
) -> None:
    # a run of 5,000 digits raised Python's int conversion limit inside the reader and
    # the whole report was lost ("cannot read the report text (ValueError ...)")
    path = tmp_path / "post.txt"
    path.write_text(template.format(n="9" * digits), encoding="utf-8")
    reports = load_reports(path)
    assert [s.cars.total for s in reports.shipments] == [40]
    assert reports.shipments[0].destination is not None
    assert not [p for p in reports.problems if "cannot read" in str(p)]

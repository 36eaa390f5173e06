import json
from pathlib import Path

from typer.testing import CliRunner

from railtrack.cli import app

FILES = Path(__file__).parent / "data" / "extraction" / "files"
runner = CliRunner()


def test_json_shape():
    result = runner.invoke(app, ["extract", str(FILES / "seed_header.txt"), "--json"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["record"] for line in lines] == ["shipment", "shipment", "group"]
    first, second, group = lines
    assert first["destination"]["text"] == "Matveyev-Kurhan"
    assert first["destination"]["station"] == "Matveev Kurgan"
    assert first["departure"] is None
    assert second["departure"]["earliest"] == "2023-03-01"
    assert second["expected_arrival"]["earliest"] == "2023-03-08"
    assert second["group"] == group["id"]
    assert group["members"] == [first["id"], second["id"]]
    assert group["cars"] == {
        "total": 86,
        "passenger": 2,
        "covered": None,
        "flat": None,
        "tank": None,
        "other": None,
        "total_derived": False,
        "estimated": False,
        "at_least": False,
        "at_most": False,
        "total_max": None,
    }


def test_stdin_and_published_option():
    text = (FILES / "no_header.txt").read_text(encoding="utf-8")
    result = runner.invoke(app, ["extract", "-", "--published", "2023-02-26", "--json"], input=text)
    assert result.exit_code == 0, result.output
    shipment = json.loads(result.stdout.splitlines()[0])
    assert shipment["departure"]["earliest"] == "2023-02-25"
    assert shipment["origin"]["station"] == "Slonim"


def test_table_output():
    result = runner.invoke(app, ["extract", str(FILES / "seed_header.txt")])
    assert result.exit_code == 0
    assert "Nieklinovka" in result.stdout
    assert "86" in result.stdout


def test_input_problems_exit_1():
    result = runner.invoke(app, ["extract", str(FILES / "no_header.txt")])
    assert result.exit_code == 1
    assert "yesterday" in result.output


def test_bad_date_option_is_a_usage_error():
    result = runner.invoke(app, ["extract", str(FILES / "no_header.txt"), "--published", "March 1"])
    assert result.exit_code == 2


def test_missing_file_is_one_line_error(tmp_path):
    import subprocess
    import sys

    from railtrack.cli import main

    proc = subprocess.run(
        [sys.executable, "-m", "railtrack", "extract", str(tmp_path / "nope.txt")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2
    assert proc.stderr.strip().startswith("railtrack: error:")
    assert "Traceback" not in proc.stderr
    assert callable(main)


def test_help_shows_an_example():
    result = runner.invoke(app, ["extract", "--help"])
    assert result.exit_code == 0
    assert "Example: railtrack extract" in result.stdout


def test_extract_problems_name_file_and_line(tmp_path):
    """A problem from free text has the structured shape of every other input's problems."""
    import json as _json

    from typer.testing import CliRunner

    from railtrack.cli import app

    path = tmp_path / "lt.txt"
    path.write_text(
        "source: Hajun\nlang: xx\n\nLabai daug traukinių išvyko iš Vilniaus stoties į Kauną. "
        "Traukinyje buvo keturiasdešimt vagonų su technika.\n",
        encoding="utf-8",
    )
    run = CliRunner().invoke(app, ["extract", str(path), "--json"])
    assert run.exit_code == 1
    problems = [_json.loads(x) for x in run.stderr.splitlines() if x.startswith("{")]
    # the path as the file was given on the command line, as every command names it
    assert {(p["path"], p["row"], p["unit"], p["field"]) for p in problems} == {
        (str(path), 2, "line", "lang"),
        (str(path), 4, "line", None),
    }
    assert any(p["message"].startswith("report is in lt") for p in problems)

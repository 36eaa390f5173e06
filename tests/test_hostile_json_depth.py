"""A file of nested brackets is refused in a few megabytes, not gigabytes (trial F59).

Telegram detection used ijson's prefixed events, whose prefix grows with the depth:
20,000 nested brackets (40 KB) took 1.1 GB, 200,000 took 10.6 GB.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from railtrack.io import load_reports
from railtrack.io.telegram_json import is_json_export

# The child's own peak: VmHWM starts afresh at exec, while ru_maxrss keeps the peak of
# the process that forked it (a pytest worker of a gigabyte).
_PEAK = (
    "import sys; from railtrack.io import load_reports; "
    "r = load_reports(sys.argv[1], workers=1); "
    "hwm = [l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM')]; "
    "print(hwm[0], r.problems[0])"
)


@pytest.mark.skipif(not Path("/proc/self/status").is_file(), reason="needs Linux /proc")
def test_nested_brackets_are_refused_without_the_memory(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text("[" * 20_000 + "]" * 20_000, encoding="utf-8")
    assert not is_json_export(path)
    run = subprocess.run(
        [sys.executable, "-c", _PEAK, str(path)], capture_output=True, text=True, check=True
    )
    peak_kb, _, problem = run.stdout.partition(" ")
    assert "nested too deeply" in problem
    assert int(peak_kb) < 600_000  # the import alone is about 150 MB; it took 1.1 GB


def test_an_export_is_still_told_from_a_list_of_records(tmp_path: Path) -> None:
    export = tmp_path / "result.json"
    chat = {"name": "Rail", "type": "public_channel", "id": 1, "messages": []}
    export.write_text("  \n" + json.dumps(chat), encoding="utf-8")
    named = tmp_path / "named.json"
    named.write_text(json.dumps({"name": ["x"], "type": "public_channel"}), encoding="utf-8")
    records = tmp_path / "records.json"
    records.write_text(json.dumps({"shipments": [{"id": "t1", "source": "Hajun"}]}))
    assert is_json_export(export)
    # a chat with a wrongly typed name is still an export, so that its fault is told
    # (issue 13 F8, session 17: it had been read as one report record, a fake train)
    assert is_json_export(named)
    assert load_reports(named).shipments == []
    assert not is_json_export(records)
    assert [s.id for s in load_reports(records).shipments] == ["t1"]

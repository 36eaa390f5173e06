"""The extraction corpora's report files (tests/data/extraction*), each read once per process.

Several test modules read every report of the corpora, some of them at collection (their
parametrisations and strategies are drawn from the texts), and every pytest-xdist worker
collects every module: read with PyYAML's pure-Python loader, the same 1,500 files took
a sixth of the suite's collection. Here each file is read once per process, with libyaml
when PyYAML has it (``railtrack._regions`` does the same for ``regions.yaml``;
``tests/test_fast_paths.py`` checks that both loaders read the development corpora alike).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

DATA = Path(__file__).parent / "data"
SAFE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def _read(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)


def read_document(path: Path) -> Any:
    """The YAML document of the file ``path`` (a mapping is a shallow copy, as below)."""
    data = _read(path)
    return dict(data) if isinstance(data, dict) else data


def corpus_reports(*names: str) -> list[dict[str, Any]]:
    """The report documents (mappings with a text) of the corpora ``names``, in file order.

    Each mapping is a shallow copy: a test may set its keys without changing what the next
    test reads (the nested values are shared: read them only).
    """
    reports = []
    for name in names:
        for path in sorted((DATA / name).glob("*.y*ml")):
            data = _read(path)
            if isinstance(data, dict) and isinstance(data.get("text"), str):
                reports.append(dict(data))
    return reports


def corpus_texts(*names: str) -> list[str]:
    """The texts of the reports of the corpora ``names``, in file order."""
    return [report["text"] for report in corpus_reports(*names)]

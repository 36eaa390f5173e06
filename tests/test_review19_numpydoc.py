"""Public functions named by review19 #14 carry full numpydoc sections."""

from __future__ import annotations

import inspect

import pytest

from railtrack import dating, relays
from railtrack.io import retractions, yearless

_FUNCTIONS = [
    dating.middle_day,
    yearless.yearless_span,
    yearless.year_of_cell,
    yearless.cell_days,
    retractions.keep_ids,
    relays.station_namer,
]


@pytest.mark.parametrize("func", _FUNCTIONS, ids=lambda f: f.__name__)
def test_public_function_has_numpydoc_sections(func: object) -> None:
    doc = inspect.getdoc(func) or ""
    for section in ("Parameters", "Returns", "Examples"):
        assert f"{section}\n{'-' * len(section)}" in doc, section
    assert ">>> " in doc


def test_cell_days_is_public() -> None:
    assert "cell_days" in yearless.__all__
    assert "_private" not in yearless.__all__  # negative: only public names

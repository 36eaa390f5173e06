"""A report that is UTF-8 but for a few stray bytes is read, with a warning (trial F83)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from railtrack.io._decode import NotText, read_text
from railtrack.io.text import read_text_report

RU = "Эшелон из 48 вагонов отправился со станции Чепино в Россошь 11 января 2023 года."
PL = "Pociąg z 30 platformami wyjechał ze stacji Słonim do Homla 4 marca 2023 roku."


@pytest.mark.parametrize(
    ("sentence", "stray"),
    [(RU, b"\xa0"), (RU, b"\xff\xfe\xc3\x28"), (PL, b"\x96"), (PL, b"\xe2\x80")],
)
def test_stray_bytes_in_utf8_are_replaced_and_named(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, sentence: str, stray: bytes
) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(b"published: 2023-03-05\n\n" + sentence.encode() + b" " + stray + b" end\n")
    with caplog.at_level(logging.WARNING, logger="railtrack.io._decode"):
        text = read_text(path)
    assert sentence in text  # every well-formed letter kept
    assert "\ufffd" in text
    warning = " ".join(r.getMessage() for r in caplog.records)
    assert "report.txt" in warning
    assert "line 3" in warning
    assert "not UTF-8" in warning


def test_the_train_of_a_report_with_a_stray_byte_is_read(tmp_path: Path) -> None:
    path = tmp_path / "hajun.txt"
    path.write_bytes(b"published: 2023-01-12\n\n" + RU.encode() + b" \xa0 Source\n")
    shipments, _groups, _sightings, problems = read_text_report(path, published=None)
    assert [s.cars.total for s in shipments] == [48]
    # trial F95: said as a problem naming the file and where, not only a warning
    assert problems == [
        "hajun.txt line 3: 1 byte is not UTF-8, replaced with U+FFFD (first on line 3, "
        f"column {len(RU) + 2}); check the text there"
    ]


def test_ascii_with_a_stray_byte_is_read(tmp_path: Path) -> None:
    path = tmp_path / "en.txt"
    path.write_bytes(b"A train of 40 cars left Slonim for Valuyki on 8 March. \xff\xfe\xc3\x28\n")
    assert read_text(path).startswith("A train of 40 cars left Slonim")


def test_single_byte_cyrillic_is_still_decoded_not_replaced(tmp_path: Path) -> None:
    path = tmp_path / "cp1251.txt"
    path.write_bytes(RU.encode("cp1251"))
    assert read_text(path) == RU


def test_binary_is_still_refused(tmp_path: Path) -> None:
    path = tmp_path / "blob.txt"
    path.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(NotText):
        read_text(path)

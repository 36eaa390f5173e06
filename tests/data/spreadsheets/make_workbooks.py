"""Write the Excel workbooks of this folder (run: python tests/data/spreadsheets/make_workbooks.py).

The workbooks are built here from plain Python values so their content is
reviewable as text; the tests also build them afresh in a temporary directory.
Real Excel date cells, whole numbers stored as floats (as Excel stores them), a
title row above the header, a text date written day-first, and a second sheet
with Russian headers.
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).parent

TRAINS = [
    ["Military echelons seen, winter 2022-2023 (analyst's own table)"],
    [],
    ["Date", "From", "To", "Cars", "Passenger cars", "Platforms", "Source", "Link", "Notes"],
    [
        datetime(2023, 2, 25),
        "Slonim",
        "Matveev Kurgan",
        51.0,
        5.0,
        43.0,
        "Belarusian Hajun",
        "https://charter97.org/en/news/2023/2/26/537899",
        "about 250 people",
    ],
    [
        datetime(2022, 12, 11),
        "Ostrogozhsk",
        "Polonka",
        26.0,
        None,
        26.0,
        "Belarusian Hajun",
        "https://lb.ua/society/2022/12/14/539153",
        None,
    ],
    ["01/03/2023", "Belarus", "Neklinovka", None, None, None, "Belarusian Hajun", None, None],
]

RUSSIAN = [
    ["Дата", "Откуда", "Куда", "Вагонов", "Источник"],
    [datetime(2023, 1, 9), "Зайцевка", "Барановичи-Полесские", 34.0, "Корреспондент"],
    [datetime(2023, 1, 12), "Чепино", "Россошь", 45.0, "Инфолайн"],
]


def build(directory: Path) -> Path:
    """Write ``analyst-workbook.xlsx`` into ``directory``; return its path."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Trains"
    for row in TRAINS:
        sheet.append(row)
    russian = book.create_sheet("Эшелоны")
    for row in RUSSIAN:
        russian.append(row)
    path = directory / "analyst-workbook.xlsx"
    book.save(path)
    return path


if __name__ == "__main__":
    sys.stdout.write(f"wrote {build(HERE)}\n")

"""``railtrack extract``: read shipments from a report in en, ru, uk, be or pl.

``--json`` prints one object ``{"lang": ..., "shipments": [...], "groups": [...]}``
(see :meth:`railtrack.extract.Extraction.to_dict`): each shipment has ``lang``, ``origin`` and
``destination`` (``text`` as written, ``station`` resolved or null, plus
``station_id``, ``region``, ``unresolved``), ``departure`` and
``expected_arrival`` (``earliest``, ``latest`` ISO dates, ``precision``, ``text``, or
null), ``cars`` (``total``, ``passenger``, ``covered``, ``flat``, ``tank``, ``other``),
``group`` (a group id or null) and the extra fields ``id``, ``claim``,
``confidence``, ``cars_estimated`` and ``evidence`` (field, text, start, end,
confidence); each group has ``id``, ``cars``, ``n_trains`` and ``members``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import pandas as pd
import typer

from railtrack.cli import app
from railtrack.cli._output import (
    EXIT_INPUT_PROBLEMS,
    check_paths,
    console,
    frame_table,
    print_json,
    print_problems,
    print_skipped,
    window_text,
)
from railtrack.cli.load import parse_date_option
from railtrack.errors import InputPathError
from railtrack.extract.lexicon import LANGUAGES

if TYPE_CHECKING:
    from railtrack.extract import Extraction
    from railtrack.network import RailNetwork

__all__ = ["extract"]


def _read_input(file: Path) -> tuple[str, str]:
    """Return (name, text) of the report file, or of standard input for ``-``."""
    from railtrack.io._decode import NotText, read_text

    if str(file) == "-":
        return "<stdin>", sys.stdin.read()
    check_paths([file])
    if file.is_dir():
        msg = f"{file} is a directory; give one report file (or - for standard input)"
        raise InputPathError(msg)
    kind = _STRUCTURED.get(file.suffix.lower())
    if kind is not None:
        msg = (
            f"{file} is a structured report file ({kind}), not prose: "
            f"use `railtrack load {file}` to read it"
        )
        raise InputPathError(msg)
    try:
        return file.name, read_text(file)
    except NotText as exc:
        msg = f"{file}: {exc}"
        raise InputPathError(msg) from None


_STRUCTURED = {
    ".csv": "CSV",
    ".tsv": "TSV",
    ".json": "JSON",
    ".jsonl": "JSON Lines",
    ".ndjson": "JSON Lines",
    ".yaml": "YAML",
    ".yml": "YAML",
    ".xlsx": "a spreadsheet",
    ".parquet": "Parquet",
}


def _place_cell(place: dict[str, object] | None) -> str:
    if place is None:
        return ""
    text = str(place["text"])
    station = place.get("station") or place.get("region")
    if place.get("unresolved"):
        return f"{text} (?)"
    return text if not station or station == text else f"{text} → {station}"


def _cars_cell(cars: dict[str, int | None]) -> str:
    parts = [f"{k} {v}" for k, v in cars.items() if k != "total" and v is not None]
    total = "" if cars["total"] is None else str(cars["total"])
    return f"{total} ({', '.join(parts)})" if parts else total


@app.command()
def extract(
    file: Annotated[
        Path,
        typer.Argument(
            help="A .txt/.md report, - for standard input, or a Telegram export "
            "(result.json, a messages*.html page, or the export folder)."
        ),
    ],
    published: Annotated[
        str | None,
        typer.Option(
            "--published",
            help="Publication date YYYY-MM-DD, for a report whose header gives none.",
        ),
    ] = None,
    network_dir: Annotated[
        Path | None,
        typer.Option(
            "--network",
            help="Network directory to resolve station names (default: embedded network).",
        ),
    ] = None,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            help="Language of the report (en, ru, uk, be, pl) when it is too short to tell.",
        ),
    ] = None,
    as_json: Annotated[
        bool,
        typer.Option("--json", help='Print {"lang": ..., "shipments": [...], "groups": [...]}.'),
    ] = False,
) -> None:
    """Read the shipments, dates, stations and car counts a report describes.

    The report may be in English, Russian, Ukrainian, Belarusian or Polish, and may
    start with "key: value" header lines (source, published, url, relayed_by,
    reliability, id, lang) and a blank line. Unresolved station names are kept as
    written and marked "(?)". Exit code 1 when the input has problems (a report in
    a language railtrack does not read is one); 2 for a CSV/JSON/YAML file (use
    railtrack load).

    Example: railtrack extract report.txt --published 2023-03-03 --json
    """
    from railtrack.io.text import extract_text_report
    from railtrack.network import load_network

    day = parse_date_option(published, "--published")
    if network_dir is not None:
        check_paths([network_dir])
    if _is_telegram(file):
        name = file.name
        net = load_network(network_dir)
        result, problems = _extract_export(file, net)
    else:
        name, text = _read_input(file)
        net = load_network(network_dir)
        result, problems = extract_text_report(
            text,
            name=name,
            published=day,
            network=net,
            markdown=name.lower().endswith(".md"),
            lang=lang,
        )
    data = result.to_dict()
    if as_json:
        print_json(data)
    else:
        rows = [
            {
                "id": s["id"],
                "origin": _place_cell(s["origin"]),
                "destination": _place_cell(s["destination"]),
                "departure": window_text(*(_ends(s["departure"]))),
                "arrival (claimed)": window_text(*(_ends(s["expected_arrival"]))),
                "cars": _cars_cell(s["cars"]),
                "group": s["group"] or "",
                "claim": s["claim"],
                "confidence": f"{s['confidence']:.2f}",
            }
            for s in data["shipments"]
        ]
        if rows:
            title = f"Shipments in {name} ({data['lang']})"
            console.print(frame_table(pd.DataFrame(rows), title=title))
        elif result.lang is not None and result.lang not in LANGUAGES:
            console.print(f"Nothing read in {name}: it is in {result.lang}.")
        else:
            console.print(f"No shipment found in {name} (read as {result.lang}).")
        groups = [
            {
                "id": g["id"],
                "n_trains": "" if g["n_trains"] is None else str(g["n_trains"]),
                "members": ", ".join(g["members"]),
                "cars": _cars_cell(g["cars"]),
            }
            for g in data["groups"]
        ]
        if groups:
            console.print(frame_table(pd.DataFrame(groups), title="Groups of trains"))
        for message in result.unresolved:
            console.print(f"note: {message}", markup=False, style="dim")
    print_problems(problems)
    if problems:
        raise typer.Exit(EXIT_INPUT_PROBLEMS)


def _is_telegram(file: Path) -> bool:
    from railtrack.io.telegram import is_export_folder, is_telegram_file

    if str(file) == "-" or not file.exists():
        return False
    return is_export_folder(file) if file.is_dir() else is_telegram_file(file)


def _extract_export(file: Path, net: RailNetwork) -> tuple[Extraction, list[str]]:
    """Read every post of a Telegram export; skipped posts are counted on stderr."""
    from railtrack.extract import Extraction
    from railtrack.io.telegram import read_telegram_export

    reports = read_telegram_export(file, network=net)
    print_skipped(reports.skipped)
    result = Extraction(shipments=reports.shipments, groups=reports.groups)
    return result, [str(p) for p in reports.problems]


def _ends(window: dict[str, object] | None) -> tuple[object, object]:
    if window is None:
        return None, None
    return window["earliest"], window["latest"]

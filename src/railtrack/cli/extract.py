"""``railtrack extract``: read shipments from a report in en, ru, uk, be or pl.

``--json`` prints JSON Lines: one ``shipment`` record per train (each with the
``lang`` it was read in), then one ``group`` record per group of trains and one
``sighting`` record per sighting the text tells of, in the
same shapes as ``railtrack load --json`` (:mod:`railtrack.records`), so the output
is itself a loadable report file.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from railtrack.cli import app
from railtrack.cli._options import (
    CONTEXT,
    ChannelUsernameOption,
    FormatOption,
    JsonOption,
    NetworkOption,
    PublishedOption,
    QuietOption,
    parse_channel_usernames,
)
from railtrack.cli._output import (
    EXIT_INPUT_PROBLEMS,
    check_paths,
    console,
    emit_records,
    locate_places,
    output_format,
    print_problems,
    print_skipped,
    window_text,
)
from railtrack.cli.load import GROUP_TABLE, parse_date_option
from railtrack.errors import InputPathError

if TYPE_CHECKING:
    from railtrack.extract import Extraction
    from railtrack.io.reportset import Problem
    from railtrack.network import RailNetwork

__all__ = ["extract"]


def _read_input(file: Path, notes: list[tuple[int, str]]) -> tuple[str, str]:
    """Return (name, text) of the report file, or of standard input for ``-``.

    Standard input is read as bytes, at most ``MAX_REPORT_BYTES``, and decoded like
    a file (BOM, UTF-8, cp1251/KOI8-R, detected), whatever the locale says. What the
    decoding changed (stray bytes replaced) is appended to ``notes`` as
    ``(line, message)``.
    """
    from railtrack.io._decode import NotText, decode_text, display_path, read_stream, read_text
    from railtrack.io.webpage import WEB_SUFFIXES, NoArticle, web_page_text

    try:
        if str(file) == "-":
            raw = read_stream(sys.stdin.buffer, name="standard input")
            return "<stdin>", decode_text(raw, name="standard input", notes=notes)
        check_paths([file])
        if file.is_dir():
            msg = (
                f"{display_path(file)} is a directory; extract reads one report file, a "
                "Telegram export folder or - for stdin: for every report of a folder use "
                f"`railtrack load {display_path(file)} --json` (the same shipment records, "
                "with their evidence)"
            )
            raise InputPathError(msg)
        kind = _STRUCTURED.get(file.suffix.lower())
        if kind is not None:
            msg = (
                f"{display_path(file)} is a structured report file ({kind}), not prose: "
                f"use `railtrack load {display_path(file)}` to read it"
            )
            raise InputPathError(msg)
        if file.suffix.lower() in WEB_SUFFIXES:  # a saved web page: its article's text
            page = read_text(file, notes=notes)
            return display_path(file.name), web_page_text(page, name=file)
        return display_path(file.name), read_text(file, notes=notes)
    except NoArticle as exc:
        raise InputPathError(str(exc)) from None
    except ImportError as exc:  # a broken install: say so, no traceback
        msg = f"{display_path(file)}: cannot read web pages here ({exc}); reinstall railtrack"
        raise InputPathError(msg) from None
    except NotText as exc:
        msg = f"{'standard input' if str(file) == '-' else display_path(file)}: {exc}"
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


def _cars_cell(cars: dict[str, object]) -> str:
    """Return the cars of a shipment for the table: "≥ 40" or "≤ 60" for a bound.

    Examples
    --------
    >>> _cars_cell({"total": 40, "flat": 38, "estimated": False, "at_least": True})
    '≥ 40 (flat 38)'
    >>> _cars_cell({"total": 40, "total_derived": False, "at_least": False})
    '40'
    >>> _cars_cell({"total": 60, "estimated": True, "at_most": True})
    '≤ 60'
    >>> _cars_cell({"total": 30, "flat": 30, "at_least": True, "at_most": True, "total_max": 35})
    '30–35 (flat 30)'
    """
    flags = ("total", "total_derived", "estimated", "at_least", "at_most", "total_max")
    parts = [f"{k} {v}" for k, v in cars.items() if k not in flags and v is not None]
    total = "" if cars["total"] is None else str(cars["total"])
    most = cars.get("total_max")
    if total and cars.get("at_least") is True and cars.get("at_most") is True and most:
        total = f"{total}–{most}"  # "30-35 платформ": a range
    elif total and cars.get("at_least") is True:
        total = f"≥ {total}"
    elif total and cars.get("at_most") is True:
        total = f"≤ {total}"  # "up to 60 cars"
    return f"{total} ({', '.join(parts)})" if parts else total


@app.command(
    context_settings=CONTEXT,
    epilog=(
        "Example: railtrack extract report.txt --published 2023-03-03 --json\n\n"
        "Example: railtrack extract - --published 2023-03-03 < note.txt\n\n"
        "Example: railtrack extract export/result.json -f csv > posts.csv"
    ),
)
def extract(
    file: Annotated[
        Path,
        typer.Argument(
            metavar="FILE",
            help="A .txt/.md report, a saved web page (.html), - for standard input, or a "
            "Telegram export (result.json, a messages*.html page, or the export folder).",
        ),
    ],
    published: PublishedOption = None,
    network_dir: NetworkOption = None,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            metavar="en|ru|uk|be|pl",
            help="Language of the report when it is too short to tell.",
        ),
    ] = None,
    channel_username: ChannelUsernameOption = None,
    fmt: FormatOption = None,
    json_out: JsonOption = False,
    quiet: QuietOption = False,
) -> None:
    """Read the shipments, dates, stations and car counts a report describes.

    The report may be in English, Russian, Ukrainian, Belarusian or Polish, and may
    start with "key: value" header lines (source, published, url, relayed_by,
    reliability, id, lang) and a blank line. Unresolved station names are kept as
    written and marked "(?)". With --json, one "shipment" record per line, then one
    "group" record per group of trains and one "sighting" record per sighting (the
    shapes of `railtrack load --json`).
    Exit code 1 when the input has problems (a report in a language railtrack does
    not read is one); 2 for a CSV/JSON/YAML file (use railtrack load).

    \f

    Parameters
    ----------
    file : pathlib.Path
        A text, Markdown or HTML report, ``-`` for standard input, or a Telegram
        export.
    published : str, optional
        ``--published``: the publication date when the report has no header.
    network_dir : pathlib.Path, optional
        ``--network``: resolve station names on this network.
    lang : str, optional
        ``--lang``: the report's language when it is too short to tell.
    channel_username : str, optional
        ``--channel-username``: the channel's name for a Telegram export.
    fmt : str, optional
        ``--format``: ``table``, ``json``, ``csv`` or ``tsv``.
    json_out : bool
        ``--json``: the same as ``--format json``.
    quiet : bool
        ``--quiet``: print less.

    Raises
    ------
    railtrack.errors.InputPathError
        For a directory, a structured file (CSV, JSON, YAML: use ``railtrack load``)
        or a file that cannot be read (exit code 2).
    typer.Exit
        With code 1 when the input has problems.

    Examples
    --------
    From a shell (not run here)::

        railtrack extract report.txt --published 2023-03-10 --json
    """
    from dataclasses import replace

    from railtrack.cli._network import load_given_network
    from railtrack.io.reportset import Problem
    from railtrack.io.text import as_problem, extract_text_report

    fmt_ = output_format(fmt, json_out)
    day = parse_date_option(published, "--published")
    usernames = parse_channel_usernames(channel_username)
    if network_dir is not None:
        check_paths([network_dir])
    if _is_telegram(file):
        name = file.name
        net = load_given_network(network_dir)
        result, problems = _extract_export(file, net, usernames, quiet=quiet)
    else:
        notes: list[tuple[int, str]] = []
        name, text = _read_input(file, notes)
        net = load_given_network(network_dir)
        result, messages = extract_text_report(
            text,
            name=name,
            published=day,
            network=net,
            markdown=name.lower().endswith(".md"),
            lang=lang,
        )
        # the file as given, as every command names it (load: "posts/a.txt", not "a.txt")
        where = name if str(file) == "-" else str(file)
        problems = [Problem(where, line, None, m, "line") for line, m in notes]
        problems.extend(replace(as_problem(m, name), path=where) for m in messages)
    problems = [*net.problems, *problems]  # the network's first, as every command lists them
    members: dict[str, list[str]] = {}
    for s in result.shipments:
        if s.group is not None:
            members.setdefault(s.group, []).append(s.id)
    shipments = [
        locate_places({"record": "shipment", **s.model_dump(mode="json")}, net)
        for s in result.shipments
    ]
    groups = [
        {"record": "group", **g.model_dump(mode="json"), "members": members.get(g.id, [])}
        for g in result.groups
    ]
    sightings = [
        locate_places({"record": "sighting", **x.model_dump(mode="json")}, net)
        for x in result.sightings
    ]
    if fmt_ == "json":
        emit_records([*shipments, *groups, *sightings], fmt_)
    elif fmt_ in ("csv", "tsv"):
        emit_records(shipments, fmt_)
    else:
        _tables(result, name, shipments, groups, quiet)
    print_problems(problems, fmt_, quiet=quiet)
    if problems:
        raise typer.Exit(EXIT_INPUT_PROBLEMS)


_EXTRACT_PRIORITY = (
    "id",
    "origin",
    "destination",
    "cars",
    "departure",
    "arrival (claimed)",
    "claim",
    "group",
    "confidence",
)
"""The extract table's columns by importance: the counts before the dates (a narrow
terminal keeps what a reader checks first)."""


def _tables(
    result: Extraction,
    name: str,
    shipments: list[dict[str, Any]],
    groups: list[dict[str, Any]],
    quiet: bool,
) -> None:
    from railtrack.extract.lexicon import LANGUAGES
    from railtrack.safetext import terminal_text

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
        for s in shipments
    ]
    if rows:
        emit_records(
            rows,
            "table",
            title=f"Shipments in {name} ({result.lang})",
            columns=_EXTRACT_PRIORITY,
            quiet=quiet,
        )
    elif result.lang is not None and result.lang not in LANGUAGES:
        named = "a language too short to name" if result.lang == "und" else result.lang
        console.print(f"Nothing read in {terminal_text(name)}: it is in {named}.")
    else:
        console.print(f"No shipment found in {terminal_text(name)} (read as {result.lang}).")
    if groups:
        emit_records(groups, "table", title="Groups of trains", columns=GROUP_TABLE, quiet=quiet)
    if not quiet:
        for message in result.unresolved:
            console.print(f"note: {terminal_text(message)}", style="dim")


def _is_telegram(file: Path) -> bool:
    from railtrack.io.telegram import is_export_folder, is_telegram_file

    if str(file) == "-" or not file.exists():
        return False
    return is_export_folder(file) if file.is_dir() else is_telegram_file(file)


def _extract_export(
    file: Path, net: RailNetwork, usernames: dict[str, str], *, quiet: bool = False
) -> tuple[Extraction, list[Problem]]:
    """Read every post of a Telegram export; skipped posts are counted on stderr."""
    from railtrack.extract import Extraction
    from railtrack.io.telegram import read_telegram_export

    reports = read_telegram_export(file, network=net, usernames=usernames)
    print_skipped(reports.skipped, quiet=quiet)
    result = Extraction(
        shipments=reports.shipments, groups=reports.groups, sightings=reports.sightings
    )
    return result, list(reports.problems)


def _ends(window: dict[str, object] | None) -> tuple[object, object]:
    if window is None:
        return None, None
    return window["earliest"], window["latest"]
